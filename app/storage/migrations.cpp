#include "storage/migrations.h"

#include "storage/database.h"
#include "storage/storageerror.h"

#include <array>
#include <string>

namespace cc::storage {

namespace {

struct Migration {
    int version;
    const char *sql;
};

// Append only: a released migration is never edited, a change is a new migration.
constexpr std::array Migrations{
    Migration{1, R"sql(
CREATE TABLE vault_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE media (
    id          TEXT PRIMARY KEY CHECK (length(id) = 32),
    wrapped_key BLOB NOT NULL,
    size        INTEGER NOT NULL CHECK (size >= 0),
    created_at  TEXT NOT NULL
) STRICT;
)sql"},
};

} // namespace

int latestSchemaVersion() {
    return Migrations.back().version;
}

void migrate(Database &db) {
    const int current = db.userVersion();
    if (current > latestSchemaVersion()) {
        throw StorageError(StorageError::Kind::Misconfigured,
                           "database schema version " + std::to_string(current) +
                               " is newer than this app knows (" +
                               std::to_string(latestSchemaVersion()) + ")");
    }
    for (const auto &migration : Migrations) {
        if (migration.version <= current)
            continue;
        auto transaction = db.transaction();
        // Re-read inside the write lock: another connection may have migrated meanwhile.
        if (db.userVersion() >= migration.version)
            continue;
        db.exec(migration.sql);
        const std::string setVersion = "PRAGMA user_version = " + std::to_string(migration.version);
        db.exec(setVersion.c_str());
        transaction.commit();
    }
}

} // namespace cc::storage
