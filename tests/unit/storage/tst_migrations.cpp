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
                                              QStringLiteral("size"), QStringLiteral("created_at"),
                                              QStringLiteral("sealed")});
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

namespace {

// A patient, a sealed consent row and two media rows, for the copy table's references.
void insertConsentAndMedia(Database &db) {
    db.exec("INSERT INTO patients (id, display_name, created_at) "
            "VALUES ('pat_0123456789abcdef0123456789abcdef', 'Ada', 1)");
    db.exec(
        "INSERT INTO consents (id, patient_id, record, record_sha256, signature, sealed_at, "
        "starts_at, expires_at) VALUES ('con_0123456789abcdef0123456789abcdef', "
        "'pat_0123456789abcdef0123456789abcdef', x'7b7d', zeroblob(32), zeroblob(64), 1, 1, 2)");
    db.exec("INSERT INTO media (id, wrapped_key, size, created_at) "
            "VALUES ('0123456789abcdef0123456789abcdef', x'00', 10, 'now'), "
            "('fedcba9876543210fedcba9876543210', x'00', 10, 'now')");
}

constexpr const char *InsertCopy =
    "INSERT INTO consent_copies (consent_id, media_id, sha256, size, created_at) VALUES "
    "('con_0123456789abcdef0123456789abcdef', '0123456789abcdef0123456789abcdef', "
    "zeroblob(32), 10, 5)";

} // namespace

TEST_CASE("schema 3 keeps one copy per consent, which never changes and is never deleted") {
    REQUIRE(latestSchemaVersion() >= 3);
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("vault.db")), testKey(1), Mode::CreateNew);
    migrate(db);
    CHECK(columns(db, "consent_copies") ==
          QStringList{QStringLiteral("consent_id"), QStringLiteral("media_id"),
                      QStringLiteral("sha256"), QStringLiteral("size"),
                      QStringLiteral("created_at")});
    insertConsentAndMedia(db);
    db.exec(InsertCopy);

    // A second copy of the same consent, by insert or by replace.
    CHECK(thrownKind([&] {
              db.exec("INSERT INTO consent_copies (consent_id, media_id, sha256, size, "
                      "created_at) VALUES ('con_0123456789abcdef0123456789abcdef', "
                      "'fedcba9876543210fedcba9876543210', zeroblob(32), 10, 6)");
          }) == "Constraint");
    CHECK(thrownKind([&] {
              db.exec("INSERT OR REPLACE INTO consent_copies (consent_id, media_id, sha256, "
                      "size, created_at) VALUES ('con_0123456789abcdef0123456789abcdef', "
                      "'fedcba9876543210fedcba9876543210', zeroblob(32), 10, 6)");
          }) == "Constraint");
    CHECK(thrownKind([&] { db.exec("UPDATE consent_copies SET size = 11"); }) == "Constraint");
    CHECK(thrownKind([&] { db.exec("UPDATE consent_copies SET sha256 = randomblob(32)"); }) ==
          "Constraint");
    CHECK(thrownKind([&] { db.exec("DELETE FROM consent_copies"); }) == "Constraint");
    // Its blob can't go while the copy names it, nor can a copy name no consent or blob.
    CHECK(thrownKind([&] {
              db.exec("DELETE FROM media WHERE id = '0123456789abcdef0123456789abcdef'");
          }) == "Constraint");
    CHECK(thrownKind([&] {
              db.exec("INSERT INTO consent_copies (consent_id, media_id, sha256, size, "
                      "created_at) VALUES ('con_ffffffffffffffffffffffffffffffff', "
                      "'fedcba9876543210fedcba9876543210', zeroblob(32), 10, 6)");
          }) == "Constraint");
    CHECK(thrownKind([&] {
              db.exec("INSERT INTO consent_copies (consent_id, media_id, sha256, size, "
                      "created_at) VALUES ('con_0123456789abcdef0123456789abcdef', "
                      "'ffffffffffffffffffffffffffffffff', zeroblob(32), 10, 6)");
          }) == "Constraint");
    CHECK(thrownKind([&] {
              db.exec("INSERT INTO consent_copies (consent_id, media_id, sha256, size, "
                      "created_at) VALUES ('con_0123456789abcdef0123456789abcdef', "
                      "'fedcba9876543210fedcba9876543210', zeroblob(31), 10, 6)");
          }) == "Constraint");
    auto count = db.prepare("SELECT count(*), max(size) FROM consent_copies");
    REQUIRE(count.step());
    CHECK(count.columnInt64(0) == 1);
    CHECK(count.columnInt64(1) == 10);
}

TEST_CASE("a version 2 database migrates to 3 with its consents kept") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("vault.db"));
    {
        auto db = Database::open(path, testKey(1), Mode::CreateNew);
        migrate(db);
        insertConsentAndMedia(db);
        // What a vault made by that version holds: no copies table, no bytes in media
        // rows, version 2.
        db.exec("DROP TABLE consent_copies");
        db.exec("ALTER TABLE media DROP COLUMN sealed");
        db.exec("PRAGMA user_version = 2");
    }
    auto db = Database::open(path, testKey(1), Mode::OpenExisting);
    REQUIRE(db.userVersion() == 2);
    REQUIRE_FALSE(tables(db).contains(QStringLiteral("consent_copies")));
    migrate(db);
    CHECK(db.userVersion() == latestSchemaVersion());
    CHECK(tables(db).contains(QStringLiteral("consent_copies")));
    auto consents = db.prepare("SELECT count(*) FROM consents");
    REQUIRE(consents.step());
    CHECK(consents.columnInt64(0) == 1);
    db.exec(InsertCopy);
    CHECK(thrownKind([&] { db.exec("DELETE FROM consent_copies"); }) == "Constraint");
    CHECK(db.integrityCheck() == QStringLiteral("ok"));
}

TEST_CASE("a version 3 database migrates to 4 with its media rows kept, their bytes in files") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("vault.db"));
    {
        auto db = Database::open(path, testKey(1), Mode::CreateNew);
        migrate(db);
        insertConsentAndMedia(db);
        db.exec("ALTER TABLE media DROP COLUMN sealed");
        db.exec("PRAGMA user_version = 3");
    }
    auto db = Database::open(path, testKey(1), Mode::OpenExisting);
    REQUIRE(db.userVersion() == 3);
    REQUIRE_FALSE(columns(db, "media").contains(QStringLiteral("sealed")));
    migrate(db);
    CHECK(db.userVersion() == latestSchemaVersion());
    CHECK(columns(db, "media").contains(QStringLiteral("sealed")));
    auto media = db.prepare("SELECT count(*), count(sealed) FROM media");
    REQUIRE(media.step());
    CHECK(media.columnInt64(0) >= 1);
    CHECK(media.columnInt64(1) == 0);
    CHECK(db.integrityCheck() == QStringLiteral("ok"));
}
