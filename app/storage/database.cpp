#include "storage/database.h"

#include "storage/storageerror.h"

#include <sqlcipher/sqlite3.h>

#include <QFile>
#include <QRegularExpression>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unordered_map>
#include <utility>

namespace cc::storage {

namespace {

StorageError::Kind kindOf(int rc) {
    switch (rc & 0xff) {
    case SQLITE_NOTADB:
        return StorageError::Kind::WrongKey;
    case SQLITE_CORRUPT:
        return StorageError::Kind::Corrupt;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
        return StorageError::Kind::Io;
    case SQLITE_FULL:
        return StorageError::Kind::Full;
    case SQLITE_CONSTRAINT:
        return StorageError::Kind::Constraint;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return StorageError::Kind::Busy;
    default:
        return StorageError::Kind::Other;
    }
}

// SQLCipher resets its log settings when its last connection closes, so the setting is
// applied to every connection opened after silenceSqlCipherLog().
std::atomic<bool> sqlCipherLogSilenced{false};

// SQLCipher's memory security, which is process-wide and, once on, stays on for the
// life of the process: undecided until the first key is applied (which turns it on),
// or left off by leaveMemorySecurityOffForSyntheticData() before that.
enum class MemorySecurity { Undecided, On, LeftOff };
std::atomic<MemorySecurity> memorySecurity{MemorySecurity::Undecided};

// Whether the databases of this process run with memory security: true, and from now on
// always true, unless it was left off before any database was keyed.
bool memorySecurityOn() {
    auto expected = MemorySecurity::Undecided;
    memorySecurity.compare_exchange_strong(expected, MemorySecurity::On);
    return memorySecurity.load() == MemorySecurity::On;
}

void applyLogSetting(sqlite3 *db) {
    if (db && sqlCipherLogSilenced.load())
        sqlite3_exec(db, "PRAGMA cipher_log = off", nullptr, nullptr, nullptr);
}

// A string that is wiped when it goes out of scope.
class WipedString final {
public:
    explicit WipedString(std::size_t reserve) { m_text.reserve(reserve); }
    ~WipedString() { crypto::wipe(m_text.data(), m_text.capacity()); }
    WipedString(const WipedString &) = delete;
    WipedString &operator=(const WipedString &) = delete;
    std::string &text() { return m_text; }

private:
    std::string m_text;
};

void appendHex(std::string &out, crypto::ByteView data) {
    static constexpr char Digits[] = "0123456789abcdef";
    for (const auto byte : data) {
        out.push_back(Digits[byte >> 4]);
        out.push_back(Digits[byte & 0x0f]);
    }
}

} // namespace

void throwSqliteError(sqlite3 *db, int rc, const char *what) {
    std::string message(what);
    message += ": ";
    message += sqlite3_errstr(rc);
    // sqlite3_errmsg names the failing constraint or object, never bound values.
    if (db && sqlite3_extended_errcode(db) == rc) {
        const char *detail = sqlite3_errmsg(db);
        if (detail && std::strcmp(detail, sqlite3_errstr(rc)) != 0) {
            message += " (";
            message += detail;
            message += ')';
        }
    }
    throw StorageError(kindOf(rc), message);
}

// --- Statement cache ---------------------------------------------------------------

// Idle prepared statements of one connection, by SQL text. Shared between the Database
// and its live Statements, so a statement outliving a close is finalized, not cached.
struct StatementCache {
    static constexpr std::size_t MaxIdle = 256;
    bool open = true;
    std::unordered_multimap<std::string, sqlite3_stmt *> idle;

    sqlite3_stmt *take(const char *sql) {
        const auto found = idle.find(sql);
        if (found == idle.end())
            return nullptr;
        sqlite3_stmt *stmt = found->second;
        idle.erase(found);
        return stmt;
    }
    void give(sqlite3_stmt *stmt) {
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
        if (!open || idle.size() >= MaxIdle) {
            sqlite3_finalize(stmt);
            return;
        }
        idle.emplace(sqlite3_sql(stmt), stmt);
    }
    void clear() {
        for (const auto &[sql, stmt] : idle)
            sqlite3_finalize(stmt);
        idle.clear();
    }
};

namespace {
void release(sqlite3_stmt *stmt, const std::shared_ptr<StatementCache> &cache) {
    if (!stmt)
        return;
    if (cache)
        cache->give(stmt);
    else
        sqlite3_finalize(stmt);
}
} // namespace

// --- Statement ---------------------------------------------------------------------

Statement::Statement(sqlite3_stmt *stmt, std::shared_ptr<StatementCache> cache)
    : m_stmt(stmt)
    , m_cache(std::move(cache)) {}

Statement::Statement(Statement &&other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_cache(std::move(other.m_cache)) {}

Statement &Statement::operator=(Statement &&other) noexcept {
    if (this != &other) {
        release(m_stmt, m_cache);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_cache = std::move(other.m_cache);
    }
    return *this;
}

Statement::~Statement() {
    release(m_stmt, m_cache);
}

namespace {
void checkBind(sqlite3_stmt *stmt, int rc) {
    if (rc != SQLITE_OK)
        throwSqliteError(sqlite3_db_handle(stmt), rc, "bind parameter");
}
} // namespace

Statement &Statement::bind(int index, std::int64_t value) {
    checkBind(m_stmt, sqlite3_bind_int64(m_stmt, index, value));
    return *this;
}

Statement &Statement::bind(int index, double value) {
    checkBind(m_stmt, sqlite3_bind_double(m_stmt, index, value));
    return *this;
}

Statement &Statement::bind(int index, const QString &text) {
    const QByteArray utf8 = text.toUtf8();
    return bind(index, std::string_view(utf8.constData(), std::size_t(utf8.size())));
}

Statement &Statement::bind(int index, std::string_view text) {
    checkBind(m_stmt, sqlite3_bind_text64(m_stmt, index, text.data() ? text.data() : "",
                                          text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
    return *this;
}

Statement &Statement::bind(int index, crypto::ByteView blob) {
    if (blob.empty())
        checkBind(m_stmt, sqlite3_bind_zeroblob(m_stmt, index, 0));
    else
        checkBind(m_stmt,
                  sqlite3_bind_blob64(m_stmt, index, blob.data(), blob.size(), SQLITE_TRANSIENT));
    return *this;
}

Statement &Statement::bindNull(int index) {
    checkBind(m_stmt, sqlite3_bind_null(m_stmt, index));
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    throwSqliteError(sqlite3_db_handle(m_stmt), rc, "step statement");
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    // sqlite3_reset repeats the last step's error, which step() already reported.
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int Statement::columnCount() const {
    return sqlite3_column_count(m_stmt);
}

bool Statement::isNull(int column) const {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::int64_t Statement::columnInt64(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::columnDouble(int column) const {
    return sqlite3_column_double(m_stmt, column);
}

QString Statement::columnText(int column) const {
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    const int size = sqlite3_column_bytes(m_stmt, column);
    return text ? QString::fromUtf8(text, size) : QString();
}

std::string Statement::columnUtf8(int column) const {
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    const int size = sqlite3_column_bytes(m_stmt, column);
    return text ? std::string(text, std::size_t(size)) : std::string();
}

crypto::Bytes Statement::columnBlob(int column) const {
    const auto *data = static_cast<const std::uint8_t *>(sqlite3_column_blob(m_stmt, column));
    const int size = sqlite3_column_bytes(m_stmt, column);
    return data ? crypto::Bytes(data, data + size) : crypto::Bytes();
}

// --- Transaction -------------------------------------------------------------------

// Nested transactions share one savepoint name: SQLite resolves a name to the most
// recent savepoint that has it, which is the innermost open one.
Transaction::Transaction(Database &db)
    : m_nested(db.inTransaction()) {
    db.prepare(m_nested ? "SAVEPOINT nested_change" : "BEGIN IMMEDIATE").run();
    m_db = &db;
}

Transaction::Transaction(Transaction &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_nested(other.m_nested) {}

Transaction::~Transaction() {
    rollback();
}

void Transaction::commit() {
    if (!m_db)
        throw StorageError(StorageError::Kind::Other, "commit: transaction is not active");
    m_db->prepare(m_nested ? "RELEASE nested_change" : "COMMIT").run();
    m_db = nullptr;
}

void Transaction::rollback() {
    if (!m_db)
        return;
    Database *db = std::exchange(m_db, nullptr);
    // SQLite may already have rolled back on its own (after SQLITE_FULL, IOERR, ...); then
    // the savepoint is gone too, and the enclosing transaction's commit fails.
    if (db->isOpen() && db->inTransaction())
        sqlite3_exec(db->handle(),
                     m_nested ? "ROLLBACK TO nested_change; RELEASE nested_change" : "ROLLBACK",
                     nullptr, nullptr, nullptr);
}

// --- Database ----------------------------------------------------------------------

Database::Database(sqlite3 *db, QString path)
    : m_db(db)
    , m_path(std::move(path))
    , m_cache(std::make_shared<StatementCache>()) {}

Database::Database(Database &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_path(std::move(other.m_path))
    , m_removeWalOnClose(std::exchange(other.m_removeWalOnClose, false))
    , m_removeShmOnClose(std::exchange(other.m_removeShmOnClose, false))
    , m_cache(std::move(other.m_cache)) {}

Database &Database::operator=(Database &&other) noexcept {
    if (this != &other) {
        close();
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
        m_removeWalOnClose = std::exchange(other.m_removeWalOnClose, false);
        m_removeShmOnClose = std::exchange(other.m_removeShmOnClose, false);
        m_cache = std::move(other.m_cache);
    }
    return *this;
}

Database::~Database() {
    close();
}

void Database::close() {
    if (m_cache) {
        m_cache->open = false;
        m_cache->clear();
    }
    if (m_db) {
        // _v2: statements still alive keep the connection until they are finalized.
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
    // An inspection leaves no trace: the empty -wal and -shm it needed go again.
    // The -wal only if it stayed empty (it holds data otherwise); the -shm is an index
    // SQLite rebuilds from the -wal.
    const auto remove = [&](const char *suffix, bool onlyIfEmpty) {
        const QByteArray file = QFile::encodeName(m_path + QLatin1String(suffix));
        struct stat st {};
        if (::stat(file.constData(), &st) == 0 && (!onlyIfEmpty || st.st_size == 0))
            ::unlink(file.constData());
    };
    if (std::exchange(m_removeWalOnClose, false))
        remove("-wal", true);
    if (std::exchange(m_removeShmOnClose, false))
        remove("-shm", false);
}

void Database::beginInspection() {
    const auto exists = [&](const char *suffix) {
        struct stat st {};
        return ::stat(QFile::encodeName(m_path + QLatin1String(suffix)).constData(), &st) == 0;
    };
    m_removeWalOnClose = !exists("-wal");
    m_removeShmOnClose = !exists("-shm");
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
}

namespace {

void requireOpen(sqlite3 *db) {
    if (!db)
        throw StorageError(StorageError::Kind::Other, "database is closed");
}

// The first column of the first row as text, or an empty string when there is none.
QString queryValue(Database &db, const char *sql) {
    auto stmt = db.prepare(sql);
    return stmt.step() ? stmt.columnText(0) : QString();
}

void expectSetting(Database &db, const char *pragma, const char *expected) {
    const std::string query = std::string("PRAGMA ") + pragma;
    const QString actual = queryValue(db, query.c_str());
    if (actual.compare(QLatin1String(expected), Qt::CaseInsensitive) != 0) {
        throw StorageError(StorageError::Kind::Misconfigured,
                           std::string("database setting ") + pragma + " reads back as '" +
                               actual.toStdString() + "', expected '" + expected + "'");
    }
}

// Keys the connection and sets the cipher parameters; nothing is read yet.
void applyKey(Database &db, crypto::ByteView rawKey) {
    // Plain SQLite ignores every cipher pragma silently; this is the one way to tell.
    if (queryValue(db, "PRAGMA cipher_version").isEmpty())
        throw StorageError(StorageError::Kind::Misconfigured,
                           "SQLCipher is not available: PRAGMA cipher_version is empty");

    {
        // Equivalent to PRAGMA key = "x'<hex>'" without the key passing through SQL text.
        WipedString key(2 * rawKey.size() + 3);
        key.text() += "x'";
        appendHex(key.text(), rawKey);
        key.text() += '\'';
        const int rc = sqlite3_key(db.handle(), key.text().data(), int(key.text().size()));
        if (rc != SQLITE_OK)
            throwSqliteError(db.handle(), rc, "apply database key");
    }

    if (memorySecurityOn())
        db.exec("PRAGMA cipher_memory_security = ON;");
    db.exec("PRAGMA cipher_page_size = 4096;"
            "PRAGMA cipher_hmac_algorithm = HMAC_SHA512;"
            "PRAGMA cipher_kdf_algorithm = PBKDF2_HMAC_SHA512;");
}

// SQLCipher reads the salt, the database file's first 16 bytes, when it first derives the
// keys, and if that read fails it goes on with a random salt, as for a new file: the keys
// are then wrong, and the I/O error comes out as SQLITE_NOTADB, a wrong key. True when the
// salt it uses is the file's (or the file has none yet); false when the file can't be read.
bool saltWasRead(Database &db) {
    constexpr std::size_t SaltSize = 16;
    std::uint8_t salt[SaltSize];
    const int fd = ::open(QFile::encodeName(db.path()).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const ssize_t n = ::pread(fd, salt, SaltSize, 0);
    ::close(fd);
    if (n < 0)
        return false;
    if (std::size_t(n) < SaltSize)
        return true; // no salt in the file: a random one is right
    std::string hex;
    appendHex(hex, crypto::ByteView(salt, SaltSize));
    try {
        return queryValue(db, "PRAGMA cipher_salt")
                   .compare(QLatin1String(hex.c_str()), Qt::CaseInsensitive) == 0;
    } catch (const StorageError &) {
        return false;
    }
}

void configure(Database &db, crypto::ByteView rawKey) {
    applyKey(db, rawKey);
    applyLogSetting(db.handle()); // keying resets SQLCipher's logging

    // The first read of the database: a wrong key (or a file that is not a database)
    // fails here with SQLITE_NOTADB.
    try {
        (void)queryValue(db, "SELECT count(*) FROM sqlite_master");
    } catch (const StorageError &error) {
        if (error.kind() == StorageError::Kind::WrongKey && !saltWasRead(db))
            throw StorageError(StorageError::Kind::Io,
                               "read the database file: its salt could not be read");
        throw;
    }

    db.exec("PRAGMA journal_mode = WAL;"
            "PRAGMA synchronous = FULL;"
            "PRAGMA temp_store = MEMORY;"
            "PRAGMA secure_delete = ON;"
            "PRAGMA foreign_keys = ON;"
            // Without it, INSERT OR REPLACE deletes a conflicting row without firing
            // the delete triggers that keep sealed and logged rows.
            "PRAGMA recursive_triggers = ON;");

    db.verifySettings();
    db.setPageCacheSize(Database::DefaultPageCacheKiB);

    sqlite3_busy_timeout(db.handle(), 5000);
}

void removeDatabaseFiles(const QString &path) {
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        ::unlink(QFile::encodeName(path + QLatin1String(suffix)).constData());
}

} // namespace

Database Database::open(const QString &path, crypto::ByteView rawKey, OpenMode mode) {
    if (rawKey.size() != KeySize)
        throw StorageError(StorageError::Kind::Other, "database key must be 32 bytes");

    const QByteArray native = QFile::encodeName(path);
    bool created = false;
    if (mode == OpenMode::CreateNew) {
        // Created here, exclusively, so an existing file is never touched and the new
        // one is private to the user from its first byte.
        const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0) {
            const int error = errno;
            if (error == EEXIST)
                throw StorageError(StorageError::Kind::Other, "database file already exists");
            throw StorageError(error == ENOSPC ? StorageError::Kind::Full : StorageError::Kind::Io,
                               std::string("create database file: ") + std::strerror(error));
        }
        ::close(fd);
        created = true;
    } else {
        struct stat st {};
        if (::stat(native.constData(), &st) != 0) {
            const int error = errno;
            throw StorageError(error == ENOENT ? StorageError::Kind::NotFound
                                               : StorageError::Kind::Io,
                               std::string("open database file: ") + std::strerror(error));
        }
    }

    sqlite3 *raw = nullptr;
    const int rc = sqlite3_open_v2(
        native.constData(), &raw,
        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, nullptr);
    Database db(raw, path); // owns the handle even when opening failed
    applyLogSetting(raw);
    try {
        if (rc != SQLITE_OK)
            throwSqliteError(raw, rc, "open database");
        if (mode == OpenMode::Inspect)
            db.beginInspection();
        configure(db, rawKey);
        if (mode == OpenMode::Inspect)
            db.exec("PRAGMA query_only = ON");
    } catch (...) {
        db.close();
        if (created)
            removeDatabaseFiles(path);
        throw;
    }
    return db;
}

void Database::exec(const char *sql) {
    requireOpen(m_db);
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        throwSqliteError(m_db, rc, "execute statement");
}

Statement Database::prepare(const char *sql) {
    requireOpen(m_db);
    if (sqlite3_stmt *cached = m_cache ? m_cache->take(sql) : nullptr)
        return Statement(cached, m_cache);
    sqlite3_stmt *stmt = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, sql, -1, 0, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        throwSqliteError(m_db, rc, "prepare statement");
    }
    if (!stmt)
        throw StorageError(StorageError::Kind::Other, "prepare statement: no SQL");
    return Statement(stmt, m_cache);
}

Transaction Database::transaction() {
    requireOpen(m_db);
    return Transaction(*this);
}

QString requireSqlCipher() {
    sqlite3 *raw = nullptr;
    const int rc = sqlite3_open(":memory:", &raw);
    Database db(raw, QStringLiteral(":memory:"));
    if (rc != SQLITE_OK)
        throwSqliteError(raw, rc, "open an in-memory database");
    const QString version = queryValue(db, "PRAGMA cipher_version");
    if (version.isEmpty())
        throw StorageError(StorageError::Kind::Misconfigured,
                           "SQLCipher is not available: PRAGMA cipher_version is empty");
    return version;
}

QString Database::cipherVersion() {
    return queryValue(*this, "PRAGMA cipher_version");
}

int Database::userVersion() {
    auto stmt = prepare("PRAGMA user_version");
    return stmt.step() ? int(stmt.columnInt64(0)) : 0;
}

void Database::setPageCacheSize(std::int64_t kibibytes) {
    if (kibibytes <= 0)
        throw StorageError(StorageError::Kind::Misconfigured, "a page cache needs a size");
    // A negative cache_size counts kibibytes rather than pages.
    const std::string value = std::to_string(-kibibytes);
    exec(("PRAGMA cache_size = " + value).c_str());
    expectSetting(*this, "cache_size", value.c_str());
}

std::int64_t Database::lastInsertRowId() const {
    requireOpen(m_db);
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const {
    requireOpen(m_db);
    return sqlite3_changes(m_db);
}

bool Database::inTransaction() const {
    return m_db && sqlite3_get_autocommit(m_db) == 0;
}

void Database::checkpoint() {
    auto stmt = prepare("PRAGMA wal_checkpoint(TRUNCATE)");
    if (stmt.step() && stmt.columnInt64(0) != 0)
        throw StorageError(StorageError::Kind::Busy, "checkpoint: database is busy");
}

void Database::verifySettings() {
    if (cipherVersion().isEmpty())
        throw StorageError(StorageError::Kind::Misconfigured,
                           "SQLCipher is not available: PRAGMA cipher_version is empty");
    expectSetting(*this, "cipher_memory_security", memorySecurityOn() ? "1" : "0");
    expectSetting(*this, "cipher_page_size", "4096");
    expectSetting(*this, "cipher_hmac_algorithm", "HMAC_SHA512");
    expectSetting(*this, "cipher_kdf_algorithm", "PBKDF2_HMAC_SHA512");
    expectSetting(*this, "cipher_use_hmac", "1");
    expectSetting(*this, "cipher_plaintext_header_size", "0");
    expectSetting(*this, "journal_mode", "wal");
    expectSetting(*this, "synchronous", "2");
    expectSetting(*this, "temp_store", "2");
    expectSetting(*this, "secure_delete", "1");
    expectSetting(*this, "foreign_keys", "1");
    expectSetting(*this, "recursive_triggers", "1");
}

QString Database::integrityCheck() {
    return queryValue(*this, "PRAGMA integrity_check");
}

std::vector<Database::PageProblem> Database::integrityProblems(int limit) {
    std::vector<PageProblem> problems;
    const std::string sql = "PRAGMA integrity_check(" + std::to_string(limit) + ")";
    // SQLite may report several damaged pages in one row, then fail with SQLITE_CORRUPT
    // while scanning a damaged table: what was read before the failure is kept.
    QStringList lines;
    try {
        auto check = prepare(sql.c_str());
        while (check.step())
            lines += check.columnText(0).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    } catch (const StorageError &error) {
        if (lines.isEmpty())
            lines.append(QString::fromUtf8(error.what()));
    }
    static const QRegularExpression tree(QStringLiteral("Tree (\\d+) page (\\d+)"));
    for (const QString &line : lines) {
        const QString text = line.trimmed();
        if (text == QLatin1String("ok") || text.startsWith(QLatin1String("*** in database")))
            continue;
        PageProblem problem{0, {}, text};
        const auto match = tree.match(text);
        if (match.hasMatch()) {
            problem.page = match.captured(2).toInt();
            try {
                auto name = prepare("SELECT name FROM sqlite_schema WHERE rootpage = ?1");
                name.bind(1, std::int64_t(match.captured(1).toLongLong()));
                if (name.step())
                    problem.owner = name.columnText(0);
            } catch (const StorageError &) {
                // The schema itself is unreadable: the page stays unnamed.
            }
        }
        problems.push_back(problem);
    }
    return problems;
}

QStringList Database::damagedTables() {
    QStringList tables;
    {
        auto list = prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
        while (list.step())
            tables.append(list.columnText(0));
    }
    QStringList damaged;
    for (const QString &table : tables) {
        try {
            const std::string sql = "PRAGMA integrity_check(\"" + table.toStdString() + "\")";
            auto check = prepare(sql.c_str());
            if (!check.step() || check.columnText(0) != QLatin1String("ok"))
                damaged.append(table);
        } catch (const StorageError &) {
            damaged.append(table); // a page of it can't even be read
        }
    }
    return damaged;
}

void silenceSqlCipherLog() {
    sqlCipherLogSilenced.store(true);
}

bool leaveMemorySecurityOffForSyntheticData() {
    auto expected = MemorySecurity::Undecided;
    return memorySecurity.compare_exchange_strong(expected, MemorySecurity::LeftOff) ||
           expected == MemorySecurity::LeftOff;
}

std::vector<int> Database::cipherIntegrityCheck(const QString &path, crypto::ByteView rawKey) {
    if (rawKey.size() != KeySize)
        throw StorageError(StorageError::Kind::Other, "database key must be 32 bytes");
    sqlite3 *raw = nullptr;
    const int rc = sqlite3_open_v2(
        QFile::encodeName(path).constData(), &raw,
        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, nullptr);
    Database db(raw, path);
    applyLogSetting(raw);
    if (rc != SQLITE_OK)
        throwSqliteError(raw, rc, "open database");
    db.beginInspection();
    applyKey(db, rawKey);
    db.exec("PRAGMA query_only = ON");
    std::vector<int> pages;
    auto check = db.prepare("PRAGMA cipher_integrity_check");
    static const QRegularExpression failed(QStringLiteral("page (\\d+)"));
    while (check.step()) {
        const auto match = failed.match(check.columnText(0));
        pages.push_back(match.hasMatch() ? match.captured(1).toInt() : 0);
    }
    return pages;
}

} // namespace cc::storage
