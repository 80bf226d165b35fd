#pragma once

namespace cc::storage {

class Database;

// The newest schema version this code knows.
[[nodiscard]] int latestSchemaVersion();

// Brings the schema up to latestSchemaVersion(): each numbered migration runs in its
// own transaction that also sets PRAGMA user_version, so a crash leaves the database at
// some whole version. Running it again is a no-op. Throws StorageError(Misconfigured)
// if the database's user_version is newer than this code knows (nothing is changed).
void migrate(Database &db);

} // namespace cc::storage
