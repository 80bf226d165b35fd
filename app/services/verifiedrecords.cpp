#include "services/verifiedrecords.h"

namespace cc::services {

bool VerifiedRecords::matches(const Entry &entry, const domain::SealedConsent &row,
                              const crypto::Sha256Digest &digest) {
    return entry.digest == digest && entry.id == row.id && entry.patientId == row.patientId &&
           entry.recordSha256 == row.recordSha256 && entry.signature == row.signature;
}

std::optional<RecordVerification> VerifiedRecords::find(const domain::SealedConsent &row,
                                                        const crypto::Sha256Digest &digest) {
    const std::lock_guard lock(m_mutex);
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        if (matches(*it, row, digest)) {
            m_entries.splice(m_entries.begin(), m_entries, it);
            return m_entries.front().verification;
        }
    }
    return std::nullopt;
}

void VerifiedRecords::remember(const domain::SealedConsent &row, const crypto::Sha256Digest &digest,
                               const RecordVerification &verification) {
    const std::lock_guard lock(m_mutex);
    for (const Entry &entry : m_entries) {
        if (matches(entry, row, digest))
            return;
    }
    m_entries.push_front(
        {digest, row.id, row.patientId, row.recordSha256, row.signature, verification});
    if (m_entries.size() > Capacity)
        m_entries.pop_back();
}

std::size_t VerifiedRecords::size() const {
    const std::lock_guard lock(m_mutex);
    return m_entries.size();
}

} // namespace cc::services
