#pragma once

#include "domain/entities.h"

#include <optional>
#include <vector>

namespace cc::storage {

class Database;

// Patients in the vault. Throws StorageError on any database failure.
class PatientRepository final {
public:
    explicit PatientRepository(Database &db)
        : m_db(db) {}

    void insert(const domain::Patient &patient);
    [[nodiscard]] std::optional<domain::Patient> find(const QString &id);
    // Patients whose display name or MRN contains search (case-insensitive; all when
    // empty), by name, a page at a time.
    [[nodiscard]] std::vector<domain::Patient> list(const QString &search = {}, int limit = 100,
                                                    int offset = 0);
    [[nodiscard]] qint64 count();

private:
    Database &m_db;
};

} // namespace cc::storage
