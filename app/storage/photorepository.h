#pragma once

#include "domain/entities.h"

#include <functional>
#include <optional>
#include <vector>

namespace cc::storage {

class Database;

// Photo rows: the hash, size and metadata of each encrypted original and thumbnail in
// the media store, and for a derivative its original and redactions. Throws StorageError.
class PhotoRepository final {
public:
    explicit PhotoRepository(Database &db)
        : m_db(db) {}

    void insert(const domain::Photo &photo);
    [[nodiscard]] std::optional<domain::Photo> find(const QString &id);
    // A patient's photos of a role, newest capture first.
    [[nodiscard]] std::vector<domain::Photo>
    listForPatient(const QString &patientId, domain::PhotoRole role = domain::PhotoRole::Clinical);
    // Derivatives made from original.
    [[nodiscard]] std::vector<domain::Photo> derivativesOf(const QString &originalId);
    void setIdentifyingRegions(const QString &id, const std::vector<domain::NormRect> &regions);
    // Visits every photo in creation order, for the verifier.
    void forEach(const std::function<void(const domain::Photo &)> &visit);
    [[nodiscard]] qint64 count();

private:
    Database &m_db;
};

} // namespace cc::storage
