#pragma once

#include "crypto/bytes.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace cc::storage {

class Database;
QString requireSqlCipher();
struct StatementCache;

// A prepared statement (RAII over sqlite3_stmt). Parameters and columns are indexed
// the SQLite way: parameters from 1, columns from 0. Move-only. Every failure throws
// StorageError. When it goes out of scope it is reset and handed back to its database's
// cache for the next prepare() of the same SQL (or finalized once the database closed).
class Statement final {
public:
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    Statement &bind(int index, std::int64_t value);
    Statement &bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement &bind(int index, double value);
    Statement &bind(int index, const QString &text);
    Statement &bind(int index, std::string_view text);
    Statement &bind(int index, const char *text) { return bind(index, std::string_view(text)); }
    // An empty view binds an empty blob, not NULL.
    Statement &bind(int index, crypto::ByteView blob);
    Statement &bindNull(int index);

    // Runs one step: true when a row is available, false when the statement is done.
    [[nodiscard]] bool step();
    // Steps a statement that returns no rows (INSERT/UPDATE/DELETE) to completion.
    void run();
    // Makes the statement runnable again and clears the bindings.
    void reset();

    [[nodiscard]] int columnCount() const;
    [[nodiscard]] bool isNull(int column) const;
    [[nodiscard]] std::int64_t columnInt64(int column) const;
    [[nodiscard]] double columnDouble(int column) const;
    [[nodiscard]] QString columnText(int column) const;
    [[nodiscard]] std::string columnUtf8(int column) const;
    [[nodiscard]] crypto::Bytes columnBlob(int column) const;

private:
    friend class Database;
    Statement(sqlite3_stmt *stmt, std::shared_ptr<StatementCache> cache);
    sqlite3_stmt *m_stmt = nullptr;
    std::shared_ptr<StatementCache> m_cache;
};

// A write transaction: BEGIN IMMEDIATE on construction, rolled back by the destructor
// unless commit() succeeded. Opened while another transaction is open on the same
// connection it is a savepoint inside it instead: its commit() only releases the
// savepoint, and what it changed becomes durable when the outermost transaction commits;
// its rollback undoes its own changes only. Move-only; must not outlive its Database;
// nested transactions end in the reverse order of their opening.
class Transaction final {
public:
    Transaction(Transaction &&other) noexcept;
    Transaction &operator=(Transaction &&) = delete;
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    void commit();
    // Rolls back now; the destructor then does nothing.
    void rollback();

private:
    friend class Database;
    explicit Transaction(Database &db);
    Database *m_db = nullptr;
    bool m_nested = false; // a savepoint inside an enclosing transaction
};

// An open SQLCipher database (RAII over sqlite3*). Move-only. Not thread-safe.
//
// open() keys the database with a 32-byte raw key, sets every security setting of
// DESIGN §4.1 and reads each one back, and reads the schema so that a wrong key fails
// here rather than later. Every failure throws StorageError.
class Database final {
public:
    enum class OpenMode {
        CreateNew,    // creates the file (mode 0600); refuses with Other if anything exists at path
        OpenExisting, // fails with NotFound if the file is missing
        // For verifying: like OpenExisting, but writes are refused (query_only), closing
        // never checkpoints the WAL into the file (what a crash left stays as it was), and
        // the empty -wal/-shm files SQLite needs while reading are removed again if they
        // were not there before. The database file itself is never written.
        Inspect,
    };

    static constexpr std::size_t KeySize = 32;

    // rawKey: 32 bytes, applied as PRAGMA key = "x'<hex>'" (the hex string is wiped
    // after use). Throws StorageError: WrongKey (wrong key or not a database), NotFound,
    // Io, Misconfigured (a setting did not read back, or SQLite without SQLCipher),
    // Other. CreateNew removes the file it created if opening fails.
    [[nodiscard]] static Database open(const QString &path, crypto::ByteView rawKey, OpenMode mode);

    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Runs one or more statements that take no parameters.
    void exec(const char *sql);
    // A statement for sql: an idle one from the cache when this SQL ran before (each
    // prepare with SQLCipher's memory security costs many locked allocations), otherwise
    // newly prepared. Statements alive at the same time never share a handle.
    [[nodiscard]] Statement prepare(const char *sql);
    [[nodiscard]] Transaction transaction();

    [[nodiscard]] QString cipherVersion();
    [[nodiscard]] int userVersion();
    [[nodiscard]] std::int64_t lastInsertRowId() const;
    // Rows changed by the most recent INSERT, UPDATE or DELETE.
    [[nodiscard]] int changes() const;
    // True while a transaction is open on this connection.
    [[nodiscard]] bool inTransaction() const;
    // Copies the WAL into the database file and truncates the WAL.
    void checkpoint();
    // What every connection may keep of decrypted pages (SQLite's default is 2000 KiB):
    // enough for the upper levels of every index of a vault of a million photos, whose
    // database is some gigabytes. The pages go (wiped) when the connection closes.
    static constexpr std::int64_t DefaultPageCacheKiB = 16 * 1024;

    // Lets this connection keep up to kibibytes of decrypted pages in memory, read back. For bulk
    // writes into a large database, whose inserts at random ids otherwise read and decrypt the same
    // index pages over and over. Throws StorageError(Misconfigured) if the setting doesn't take.
    void setPageCacheSize(std::int64_t kibibytes);
    // Reads back every security setting open() made (and the SQLCipher version) and
    // throws StorageError(Misconfigured) naming the first one that differs.
    void verifySettings();
    // "ok", or the first problem PRAGMA integrity_check reports.
    [[nodiscard]] QString integrityCheck();
    // Every problem PRAGMA integrity_check reports (at most limit), each with the table
    // or index it concerns when SQLite names its b-tree. Empty when the database is sound.
    struct PageProblem {
        int page = 0;  // 0 when the problem names no page
        QString owner; // table or index, when known
        QString detail;
    };
    [[nodiscard]] std::vector<PageProblem> integrityProblems(int limit = 100);
    // The tables (with their indexes) that fail their own integrity check: the owners of
    // damaged pages. Works while other tables are damaged too.
    [[nodiscard]] QStringList damagedTables();

    // Checks the HMAC of every page of the database at path with SQLCipher's
    // cipher_integrity_check, without reading the schema, so it works when page 1 itself
    // is damaged. Returns the pages that fail (empty when all verify). Throws
    // StorageError when the file can't be opened at all.
    [[nodiscard]] static std::vector<int> cipherIntegrityCheck(const QString &path,
                                                               crypto::ByteView rawKey);

    [[nodiscard]] bool isOpen() const noexcept { return m_db != nullptr; }
    [[nodiscard]] QString path() const { return m_path; }
    // Closes the connection (the WAL is checkpointed). Idempotent.
    void close();

    // The raw handle, for code in this library only.
    [[nodiscard]] sqlite3 *handle() const noexcept { return m_db; }

private:
    friend QString requireSqlCipher();
    Database(sqlite3 *db, QString path);
    // For Inspect: leave the files as they were found.
    void beginInspection();
    sqlite3 *m_db = nullptr;
    QString m_path;
    bool m_removeWalOnClose = false;
    bool m_removeShmOnClose = false;
    std::shared_ptr<StatementCache> m_cache;
};

// The SQLCipher version of the linked library, from an in-memory database. Throws
// StorageError(Misconfigured) when it is empty: plain SQLite was linked, and every
// cipher setting would be ignored silently. main() calls it before anything else.
QString requireSqlCipher();

// Stops SQLCipher from writing its own log lines to standard error (process-wide), for
// tools whose standard error is for people.
void silenceSqlCipherLog();

// SQLCipher's memory security locks every allocation in RAM and wipes it when freed; it
// is process-wide and, once on, stays on. Every database is opened with it on, except in
// a process that holds nothing but synthetic data (consentcam-cli seed-scale) and calls
// this before its first database is keyed: bulk writes then run about twice as fast.
// What is written to disk is the same either way. Returns false, and changes nothing,
// when a database was keyed with memory security on already.
bool leaveMemorySecurityOffForSyntheticData();

// Throws StorageError classified from an SQLite result code, with what as context.
[[noreturn]] void throwSqliteError(sqlite3 *db, int rc, const char *what);

} // namespace cc::storage
