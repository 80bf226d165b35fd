// Database: keying, the settings read back at open, error kinds, statements, transactions.

#include "storagetestsupport.h"

#include "crypto/random.h"
#include "storage/database.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>

#include <QFile>
#include <QTemporaryDir>

#include <cmath>
#include <stdexcept>
#include <sys/stat.h>

using namespace cc;
using namespace cc::storage;
using namespace cc::storage::test;
using Mode = Database::OpenMode;

namespace {

QString pragma(Database &db, const char *name) {
    const std::string sql = std::string("PRAGMA ") + name;
    auto stmt = db.prepare(sql.c_str());
    REQUIRE(stmt.step());
    return stmt.columnText(0);
}

Database createWithTable(const QString &path, crypto::ByteView key) {
    auto db = Database::open(path, key, Mode::CreateNew);
    db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, data BLOB)");
    return db;
}

std::int64_t countRows(Database &db) {
    auto stmt = db.prepare("SELECT count(*) FROM t");
    REQUIRE(stmt.step());
    return stmt.columnInt64(0);
}

} // namespace

TEST_CASE("open sets every security setting and each one reads back") {
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("vault.db")), testKey(1), Mode::CreateNew);

    CHECK(pragma(db, "cipher_page_size") == QStringLiteral("4096"));
    CHECK(pragma(db, "cipher_hmac_algorithm") == QStringLiteral("HMAC_SHA512"));
    CHECK(pragma(db, "cipher_kdf_algorithm") == QStringLiteral("PBKDF2_HMAC_SHA512"));
    CHECK(pragma(db, "cipher_memory_security") == QStringLiteral("1"));
    CHECK(pragma(db, "cipher_use_hmac") == QStringLiteral("1"));
    CHECK(pragma(db, "journal_mode") == QStringLiteral("wal"));
    CHECK(pragma(db, "synchronous") == QStringLiteral("2"));
    CHECK(pragma(db, "temp_store") == QStringLiteral("2"));
    CHECK(pragma(db, "secure_delete") == QStringLiteral("1"));
    CHECK(pragma(db, "foreign_keys") == QStringLiteral("1"));
    CHECK(pragma(db, "recursive_triggers") == QStringLiteral("1"));
    CHECK(db.cipherVersion().startsWith(QStringLiteral("4.")));
}

TEST_CASE("the settings also hold when an existing database is reopened") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("vault.db"));
    createWithTable(path, testKey(1)).close();
    auto db = Database::open(path, testKey(1), Mode::OpenExisting);
    CHECK(pragma(db, "journal_mode") == QStringLiteral("wal"));
    CHECK(pragma(db, "foreign_keys") == QStringLiteral("1"));
    CHECK(pragma(db, "secure_delete") == QStringLiteral("1"));
    CHECK(pragma(db, "synchronous") == QStringLiteral("2"));
    CHECK(pragma(db, "cipher_memory_security") == QStringLiteral("1"));
}

TEST_CASE("memory security can't be left off once a database was keyed with it") {
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("vault.db")), testKey(1), Mode::CreateNew);
    CHECK_FALSE(leaveMemorySecurityOffForSyntheticData());
    auto second =
        Database::open(dir.filePath(QStringLiteral("second.db")), testKey(2), Mode::CreateNew);
    CHECK(pragma(second, "cipher_memory_security") == QStringLiteral("1"));
    CHECK(pragma(db, "cipher_memory_security") == QStringLiteral("1"));
}

TEST_CASE("a new database file is private to the user") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("vault.db"));
    auto db = Database::open(path, testKey(1), Mode::CreateNew);
    struct stat st {};
    REQUIRE(::stat(QFile::encodeName(path).constData(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("data survives close and reopen with the right key") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("vault.db"));
    {
        auto db = createWithTable(path, testKey(1));
        db.prepare("INSERT INTO t (name) VALUES ('kept')").run();
    }
    auto db = Database::open(path, testKey(1), Mode::OpenExisting);
    auto stmt = db.prepare("SELECT name FROM t");
    REQUIRE(stmt.step());
    CHECK(stmt.columnText(0) == QStringLiteral("kept"));
}

TEST_CASE("a wrong key fails in open with WrongKey and leaves the file unchanged") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("vault.db"));
    createWithTable(path, testKey(1)).close();
    const auto before = readBytes(path);

    std::string message;
    try {
        (void)Database::open(path, testKey(2), Mode::OpenExisting);
    } catch (const StorageError &error) {
        CHECK(error.kind() == StorageError::Kind::WrongKey);
        message = error.what();
    }
    REQUIRE_FALSE(message.empty());
    // Neither the wrong key nor the right one appears in the message, in hex or raw.
    for (const auto &key : {testKey(1), testKey(2)}) {
        CHECK(message.find(crypto::toHex(key)) == std::string::npos);
        CHECK_FALSE(containsBytes(crypto::view(message), key));
    }
    CHECK(readBytes(path) == before);
    // And the right key still works afterwards.
    CHECK_NOTHROW(Database::open(path, testKey(1), Mode::OpenExisting));
}

TEST_CASE("OpenExisting on a missing file fails with NotFound and creates nothing") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("vault.db"));
    CHECK(thrownKind([&] { (void)Database::open(path, testKey(1), Mode::OpenExisting); }) ==
          "NotFound");
    CHECK(fileNames(dir.path()).isEmpty());
}

TEST_CASE("CreateNew refuses an existing file and leaves it unchanged") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("vault.db"));
    const bool isDatabase = GENERATE(true, false);
    if (isDatabase)
        createWithTable(path, testKey(1)).close();
    else
        writeBytes(path, crypto::view(std::string_view("not a database, but somebody's file")));
    const auto before = readBytes(path);

    // With the same key as well as another one.
    const std::uint8_t seed = GENERATE(1, 2);
    CHECK(thrownKind([&] { (void)Database::open(path, testKey(seed), Mode::CreateNew); }) ==
          "Other");
    CHECK(readBytes(path) == before);
    CHECK(fileNames(dir.path()) == QStringList{QStringLiteral("vault.db")});
}

TEST_CASE("a file of random bytes is refused as WrongKey or Corrupt and left unchanged") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("vault.db"));
    const std::size_t size = GENERATE(std::size_t{100}, std::size_t{4096}, std::size_t{3 * 4096});
    writeBytes(path, crypto::randomBytes(size));
    const auto before = readBytes(path);

    const auto kind =
        thrownKind([&] { (void)Database::open(path, testKey(1), Mode::OpenExisting); });
    CHECK((kind == "WrongKey" || kind == "Corrupt"));
    CHECK(readBytes(path) == before);
}

TEST_CASE("a key that is not 32 bytes is refused") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("vault.db"));
    const crypto::Bytes shortKey(16, 0x11);
    CHECK(thrownKind([&] { (void)Database::open(path, shortKey, Mode::CreateNew); }) == "Other");
    CHECK_FALSE(QFile::exists(path));
}

TEST_CASE("CreateNew in a missing directory fails with Io") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing/vault.db"));
    CHECK(thrownKind([&] { (void)Database::open(path, testKey(1), Mode::CreateNew); }) == "Io");
}

TEST_CASE("constraint violations are reported as Constraint without the row's data") {
    QTemporaryDir dir;
    auto db = createWithTable(dir.filePath(QStringLiteral("vault.db")), testKey(1));
    db.prepare("INSERT INTO t (name) VALUES (?1)").bind(1, "SECRET-ROW-VALUE").run();

    std::string message;
    try {
        db.prepare("INSERT INTO t (name) VALUES (?1)").bind(1, "SECRET-ROW-VALUE").run();
    } catch (const StorageError &error) {
        CHECK(error.kind() == StorageError::Kind::Constraint);
        message = error.what();
    }
    REQUIRE_FALSE(message.empty());
    CHECK(message.find("SECRET-ROW-VALUE") == std::string::npos);

    CHECK(thrownKind([&] { db.prepare("INSERT INTO t (name) VALUES (NULL)").run(); }) ==
          "Constraint");
    db.exec("CREATE TABLE child (parent INTEGER NOT NULL REFERENCES t(id))");
    CHECK(thrownKind([&] { db.exec("INSERT INTO child (parent) VALUES (999)"); }) == "Constraint");
    CHECK(countRows(db) == 1);
}

TEST_CASE("SQL errors throw StorageError") {
    QTemporaryDir dir;
    auto db = createWithTable(dir.filePath(QStringLiteral("vault.db")), testKey(1));
    CHECK(thrownKind([&] { db.exec("SELEC nonsense"); }) == "Other");
    CHECK(thrownKind([&] { (void)db.prepare("SELECT * FROM missing_table"); }) == "Other");
    db.close();
    CHECK(thrownKind([&] { db.exec("SELECT 1"); }) == "Other");
}

TEST_CASE("statements bind and read back every type") {
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("vault.db")), testKey(1), Mode::CreateNew);
    db.exec("CREATE TABLE v (i INTEGER, d REAL, t TEXT, b BLOB, n BLOB)");
    const crypto::Bytes blob{0x00, 0xff, 0x10, 0x00};
    const QString text = QStringLiteral("Zoë – 患者 ✓");
    auto insert = db.prepare("INSERT INTO v VALUES (?1, ?2, ?3, ?4, ?5)");
    insert.bind(1, std::int64_t{-9007199254740993})
        .bind(2, 2.5)
        .bind(3, text)
        .bind(4, crypto::ByteView(blob))
        .bindNull(5);
    insert.run();
    CHECK(db.changes() == 1);
    CHECK(db.lastInsertRowId() == 1);
    insert.reset();
    insert.bind(1, 7)
        .bind(2, 0.0)
        .bind(3, std::string_view(""))
        .bind(4, crypto::ByteView{})
        .bindNull(5);
    insert.run();

    auto select = db.prepare("SELECT i, d, t, b, n, typeof(b) FROM v ORDER BY rowid");
    REQUIRE(select.step());
    CHECK(select.columnCount() == 6);
    CHECK(select.columnInt64(0) == -9007199254740993);
    CHECK(select.columnDouble(1) == 2.5);
    CHECK(select.columnText(2) == text);
    CHECK(select.columnUtf8(2) == text.toStdString());
    CHECK(select.columnBlob(3) == blob);
    CHECK(select.isNull(4));
    CHECK_FALSE(select.isNull(3));
    REQUIRE(select.step());
    CHECK(select.columnInt64(0) == 7);
    CHECK(select.columnText(2).isEmpty());
    CHECK_FALSE(select.isNull(3)); // an empty blob is not NULL
    CHECK(select.columnUtf8(5) == "blob");
    CHECK(select.columnBlob(3).empty());
    CHECK_FALSE(select.step());
}

TEST_CASE("a transaction commits, and rolls back when an exception leaves its scope") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("vault.db"));
    auto db = createWithTable(path, testKey(1));

    {
        auto tx = db.transaction();
        CHECK(db.inTransaction());
        db.prepare("INSERT INTO t (name) VALUES ('committed')").run();
        tx.commit();
    }
    CHECK_FALSE(db.inTransaction());
    CHECK(countRows(db) == 1);

    try {
        auto tx = db.transaction();
        db.prepare("INSERT INTO t (name) VALUES ('rolled back')").run();
        CHECK(countRows(db) == 2);
        throw std::runtime_error("failure in the middle");
    } catch (const std::runtime_error &) {
    }
    CHECK_FALSE(db.inTransaction());
    CHECK(countRows(db) == 1);

    // A constraint failure inside the transaction undoes the earlier statements too.
    CHECK(thrownKind([&] {
              auto tx = db.transaction();
              db.prepare("INSERT INTO t (name) VALUES ('first')").run();
              db.prepare("INSERT INTO t (name) VALUES ('committed')").run();
              tx.commit();
          }) == "Constraint");
    CHECK(countRows(db) == 1);

    // The committed row survives a reopen; the rolled back ones never appear.
    db.close();
    auto reopened = Database::open(path, testKey(1), Mode::OpenExisting);
    CHECK(countRows(reopened) == 1);
}

TEST_CASE("an explicit rollback undoes the transaction and commit after it is refused") {
    QTemporaryDir dir;
    auto db = createWithTable(dir.filePath(QStringLiteral("vault.db")), testKey(1));
    auto tx = db.transaction();
    db.prepare("INSERT INTO t (name) VALUES ('x')").run();
    tx.rollback();
    CHECK(countRows(db) == 0);
    CHECK(thrownKind([&] { tx.commit(); }) == "Other");
}

TEST_CASE("a transaction opened inside another is a savepoint: its rollback undoes only its "
          "own changes and nothing is stored until the outer one commits") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("vault.db"));
    auto db = createWithTable(path, testKey(1));
    {
        auto outer = db.transaction();
        db.prepare("INSERT INTO t (name) VALUES ('outer')").run();
        {
            auto inner = db.transaction();
            db.prepare("INSERT INTO t (name) VALUES ('inner kept')").run();
            inner.commit();
        }
        CHECK(db.inTransaction());
        try {
            auto inner = db.transaction();
            db.prepare("INSERT INTO t (name) VALUES ('inner undone')").run();
            throw std::runtime_error("failure in the nested change");
        } catch (const std::runtime_error &) {
        }
        CHECK(db.inTransaction());
        CHECK(countRows(db) == 2);
        // Another connection sees nothing yet: the nested commit stored nothing.
        auto reader = Database::open(path, testKey(1), Mode::OpenExisting);
        CHECK(countRows(reader) == 0);
        outer.commit();
    }
    CHECK_FALSE(db.inTransaction());
    db.close();
    auto reopened = Database::open(path, testKey(1), Mode::OpenExisting);
    CHECK(countRows(reopened) == 2);

    // An outer rollback undoes what its nested transactions committed.
    {
        auto outer = reopened.transaction();
        auto inner = reopened.transaction();
        reopened.prepare("INSERT INTO t (name) VALUES ('gone')").run();
        inner.commit();
    }
    CHECK(countRows(reopened) == 2);
}

TEST_CASE("a moved database keeps working and the moved-from one is closed") {
    QTemporaryDir dir;
    auto db = createWithTable(dir.filePath(QStringLiteral("vault.db")), testKey(1));
    Database other = std::move(db);
    CHECK_FALSE(
        db.isOpen()); // NOLINT(bugprone-use-after-move): the state after a move is specified
    CHECK(other.isOpen());
    CHECK(countRows(other) == 0);
}

TEST_CASE("checkpoint and integrity check") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("vault.db"));
    auto db = createWithTable(path, testKey(1));
    for (int i = 0; i < 50; ++i)
        db.prepare("INSERT INTO t (name, data) VALUES (?1, randomblob(3000))").bind(1, i).run();
    CHECK(QFileInfo(path + QStringLiteral("-wal")).size() > 0);
    db.checkpoint();
    CHECK(QFileInfo(path + QStringLiteral("-wal")).size() == 0);
    CHECK(db.integrityCheck() == QStringLiteral("ok"));
}

TEST_CASE("a connection opens with the default page cache and takes the size asked for") {
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("vault.db")), testKey(1), Mode::CreateNew);
    const auto cacheSize = [&db] {
        auto size = db.prepare("PRAGMA cache_size");
        REQUIRE(size.step());
        return size.columnInt64(0);
    };
    CHECK(cacheSize() == -Database::DefaultPageCacheKiB);
    db.setPageCacheSize(64 * 1024);
    CHECK(cacheSize() == -64 * 1024);
    CHECK_NOTHROW(db.verifySettings());
    for (const std::int64_t refused : {std::int64_t(0), std::int64_t(-5)}) {
        CAPTURE(refused);
        CHECK_THROWS_AS(db.setPageCacheSize(refused), StorageError);
    }
}

TEST_CASE("a setting that no longer reads back as required is reported as Misconfigured") {
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("vault.db")), testKey(1), Mode::CreateNew);
    REQUIRE_NOTHROW(db.verifySettings());

    const char *weakened =
        GENERATE("PRAGMA foreign_keys = OFF", "PRAGMA secure_delete = OFF",
                 "PRAGMA synchronous = NORMAL", "PRAGMA temp_store = FILE",
                 "PRAGMA journal_mode = DELETE", "PRAGMA recursive_triggers = OFF");
    CAPTURE(weakened);
    db.exec(weakened);
    std::string message;
    try {
        db.verifySettings();
    } catch (const StorageError &error) {
        CHECK(error.kind() == StorageError::Kind::Misconfigured);
        message = error.what();
    }
    CHECK_FALSE(message.empty());
}

TEST_CASE("the linked SQLite is SQLCipher 4, checked without any vault") {
    const QString version = cc::storage::requireSqlCipher();
    CHECK(version.startsWith(QStringLiteral("4.")));
}
