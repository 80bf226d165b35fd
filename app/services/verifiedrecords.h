#pragma once

#include "crypto/hash.h"
#include "domain/consentrecord.h"
#include "domain/consentvalidator.h"
#include "domain/entities.h"

#include <QString>

#include <cstddef>
#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <vector>

namespace cc::services {

// What verifying one stored consent record found: its parsed content (when the bytes
// parse) and whether it is intact — canonical, matching its stored hash, signed by the
// vault's device key and belonging to its row.
struct RecordVerification {
    std::optional<domain::ConsentRecord> record;
    bool intact = false;
    QString integrityProblem;
    // An intact record's defects, judged against the catalog of this stamp (they depend on
    // nothing else); 0 when not judged.
    std::vector<domain::Defect> defects;
    std::uint64_t catalogStamp = 0;
};

// The consent records an unlocked vault verified most recently, with what validating each
// found. Parsing a sealed record, rebuilding its canonical form, checking its signature
// and rendering its form's text again to compare the hash is most of a gate decision,
// and one share, or one draft being edited, asks about the same few consents again and
// again. A result is found again only for a row whose record, signature, stored hash, id
// and patient are exactly the ones verified, so a row that changed in any way is verified
// afresh. Thread-safe; belongs to one unlocked vault (its device key and id are fixed)
// and goes when the vault locks.
class VerifiedRecords final {
public:
    static constexpr std::size_t Capacity = 32;

    // The result for exactly this row, verified earlier; digest is the SHA-256 of its record.
    [[nodiscard]] std::optional<RecordVerification> find(const domain::SealedConsent &row,
                                                         const crypto::Sha256Digest &digest);
    void remember(const domain::SealedConsent &row, const crypto::Sha256Digest &digest,
                  const RecordVerification &verification);
    [[nodiscard]] std::size_t size() const;

private:
    struct Entry {
        crypto::Sha256Digest digest;
        QString id;
        QString patientId;
        QString recordSha256;
        QByteArray signature;
        RecordVerification verification;
    };
    static bool matches(const Entry &entry, const domain::SealedConsent &row,
                        const crypto::Sha256Digest &digest);

    mutable std::mutex m_mutex;
    std::list<Entry> m_entries; // most recently used first
};

} // namespace cc::services
