#pragma once

#include "domain/entities.h"

#include <functional>
#include <optional>
#include <vector>

namespace cc::storage {

class Database;

// Sealed consents with the items they name, their revocations and expiry events. A
// sealed consent and a revocation are never changed or deleted (the schema refuses it).
// Throws StorageError.
class ConsentRepository final {
public:
    explicit ConsentRepository(Database &db)
        : m_db(db) {}

    // The consent row and one consent_items row per covered item.
    void insert(const domain::SealedConsent &consent,
                const std::vector<domain::CoveredItem> &items);
    [[nodiscard]] std::optional<domain::SealedConsent> find(const QString &id);
    // Newest first.
    [[nodiscard]] std::vector<domain::SealedConsent> listForPatient(const QString &patientId);
    void forEach(const std::function<void(const domain::SealedConsent &)> &visit);
    // Every consent whose items include any of the hashes (lowercase hex).
    [[nodiscard]] std::vector<domain::SealedConsent> naming(const QStringList &sha256s);
    // The items as indexed at sealing, for comparison with the record.
    [[nodiscard]] std::vector<domain::CoveredItem> indexedItems(const QString &consentId);
    [[nodiscard]] qint64 count();

    void insertRevocation(const domain::Revocation &revocation);
    [[nodiscard]] std::optional<domain::Revocation> revocationOf(const QString &consentId);
    [[nodiscard]] qint64 revocationCount();
    // The consents with a revocation / an expiry event, for checks against the audit log.
    [[nodiscard]] QStringList revokedConsentIds();
    [[nodiscard]] QStringList consentIdsWithExpiryEvent();

    void insertExpiryEvent(const domain::ExpiryEvent &event);
    [[nodiscard]] std::optional<domain::ExpiryEvent> expiryEventOf(const QString &consentId);

private:
    Database &m_db;
};

} // namespace cc::storage
