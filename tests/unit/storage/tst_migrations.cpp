// Schema migrations: versions, idempotence, atomicity, refusal of newer schemas.

#include "storagetestsupport.h"

#include "storage/database.h"
#include "storage/migrations.h"

#include <catch2/catch_test_macros.hpp>

#include <QTemporaryDir>

using namespace cc;
using namespace cc::storage;
using namespace cc::storage::test;
using Mode = Database::OpenMode;

namespace {

QStringList columns(Database &db, const char *table) {
    const std::string sql = std::string("SELECT name FROM pragma_table_info('") + table + "')";
    auto stmt = db.prepare(sql.c_str());
    QStringList names;
    while (stmt.step())
        names.append(stmt.columnText(0));
    return names;
}

QStringList tables(Database &db) {
    auto stmt = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
    QStringList names;
    while (stmt.step())
        names.append(stmt.columnText(0));
    return names;
}

} // namespace

TEST_CASE("migrate brings a new database to the latest version with the base tables") {
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("vault.db")), testKey(1), Mode::CreateNew);
    REQUIRE(db.userVersion() == 0);
    REQUIRE(latestSchemaVersion() >= 1);

    migrate(db);

    CHECK(db.userVersion() == latestSchemaVersion());
    CHECK(columns(db, "vault_meta") == QStringList{QStringLiteral("key"), QStringLiteral("value")});
    CHECK(columns(db, "media") == QStringList{QStringLiteral("id"), QStringLiteral("wrapped_key"),
                                              QStringLiteral("size"),
                                              QStringLiteral("created_at")});
    CHECK(db.integrityCheck() == QStringLiteral("ok"));
}

TEST_CASE("migrate is idempotent and keeps data") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("vault.db"));
    {
        auto db = Database::open(path, testKey(1), Mode::CreateNew);
        migrate(db);
        db.prepare("INSERT INTO vault_meta (key, value) VALUES ('vault_id', 'abc')").run();
        migrate(db);
        CHECK(db.userVersion() == latestSchemaVersion());
    }
    auto db = Database::open(path, testKey(1), Mode::OpenExisting);
    const auto before = tables(db);
    migrate(db);
    CHECK(db.userVersion() == latestSchemaVersion());
    CHECK(tables(db) == before);
    auto stmt = db.prepare("SELECT value FROM vault_meta WHERE key = 'vault_id'");
    REQUIRE(stmt.step());
    CHECK(stmt.columnText(0) == QStringLiteral("abc"));
}

TEST_CASE("the schema enforces its constraints") {
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("vault.db")), testKey(1), Mode::CreateNew);
    migrate(db);
    CHECK(thrownKind([&] { db.exec("INSERT INTO vault_meta (key, value) VALUES ('k', NULL)"); }) ==
          "Constraint");
    CHECK(thrownKind([&] {
              db.exec("INSERT INTO media (id, wrapped_key, size, created_at) "
                      "VALUES ('short', x'00', 1, 'now')");
          }) == "Constraint");
    CHECK(thrownKind([&] {
              db.exec("INSERT INTO media (id, wrapped_key, size, created_at) "
                      "VALUES ('0123456789abcdef0123456789abcdef', NULL, 1, 'now')");
          }) == "Constraint");
}

TEST_CASE("a database with a newer schema is refused and left as it was") {
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("vault.db")), testKey(1), Mode::CreateNew);
    const std::string newer = "PRAGMA user_version = " + std::to_string(latestSchemaVersion() + 1);
    db.exec(newer.c_str());

    CHECK(thrownKind([&] { migrate(db); }) == "Misconfigured");
    CHECK(db.userVersion() == latestSchemaVersion() + 1);
    CHECK(tables(db).isEmpty());
}

TEST_CASE("a migration that fails leaves the database at the previous version, unchanged") {
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("vault.db")), testKey(1), Mode::CreateNew);
    // A table in the way makes migration 1 fail after it created vault_meta.
    db.exec("CREATE TABLE media (x INTEGER)");

    CHECK(thrownKind([&] { migrate(db); }) != "none");
    CHECK(db.userVersion() == 0);
    CHECK(tables(db) == QStringList{QStringLiteral("media")});
    CHECK_FALSE(db.inTransaction());
}
