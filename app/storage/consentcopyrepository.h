#pragma once

#include "domain/entities.h"

#include <functional>
#include <optional>

namespace cc::storage {

class Database;

// The signer's copy of each sealed consent: which media blob holds the PDF, its hash and
// size. A copy is never changed or deleted (the schema refuses it), and a consent has at
// most one (a second insert fails with Constraint). Throws StorageError.
class ConsentCopyRepository final {
public:
    explicit ConsentCopyRepository(Database &db)
        : m_db(db) {}

    void insert(const domain::ConsentCopy &copy);
    [[nodiscard]] std::optional<domain::ConsentCopy> find(const QString &consentId);
    // Every copy in consent id order, for the verifier.
    void forEach(const std::function<void(const domain::ConsentCopy &)> &visit);
    [[nodiscard]] qint64 count();

private:
    Database &m_db;
};

} // namespace cc::storage
