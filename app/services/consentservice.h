#pragma once

#include "crypto/hash.h"
#include "domain/consentrecord.h"
#include "domain/consentvalidator.h"
#include "domain/entities.h"

#include <optional>
#include <vector>

namespace cc::domain {
class TemplateCatalog;
}

namespace cc::services {

class Vault;
struct RecordVerification;

// What the exam-room flow collected: the choices and signatures that become a consent
// record once the service adds the items' hashes and descriptions, the form text's hash,
// the practice policy, the clinician, the vault and the device key.
struct ConsentRequest {
    QString patientId;
    // Photo ids ("pho_…") and story version ids ("stv_…"); a story id ("sto_…") means its
    // latest version. In the order the signer saw them.
    QStringList itemIds;
    QString language; // the form's language: the newest template in it is used

    QStringList platforms;
    QStringList audiences;
    QStringList purposes;
    bool identifiable = false;
    domain::Expiry expiry;
    int utcOffsetMinutes = 0; // the device's zone when the signer signed
    bool paid = false;
    QString compensationDescription;

    domain::Signer signer;
    domain::SignatureStrokes strokes;
    QString printedName;
    QDateTime signedAt;
    bool agreed = false; // the signer performed the explicit "I agree" act
    QDateTime agreedAt;
    std::optional<domain::Witness> witness;
    QDateTime countersignedAt; // the clinician countersigned with the passcode
    QDateTime startsAt;        // invalid: when sealed
};

// The result of checking a stored consent (DESIGN §4.2): whether its bytes can be trusted
// and, if so, whether the record is valid.
struct ConsentCheck {
    std::optional<domain::ConsentRecord> record; // when the bytes parse
    bool intact = false; // canonical, hash matches, signed by this vault's device key
    QString integrityProblem;
    std::vector<domain::Defect> defects;
};

// A consent's standing, for the badges of the library (DESIGN §2.4).
enum class ConsentStatus {
    Valid,
    ExpiringSoon, // valid, and ends within ExpiringSoonDays
    NotStarted,
    Expired,
    Revoked,
    Invalid, // fails verification or the validity rules
};
[[nodiscard]] QString toString(ConsentStatus status);

// Records consents (DESIGN §2.3.8, §3, §4.2). Throws ServiceError.
class ConsentService final {
public:
    static constexpr int ExpiringSoonDays = 30;

    ConsentService(Vault &vault, const domain::TemplateCatalog &templates)
        : m_vault(vault)
        , m_templates(templates) {}

    // The record request would seal as, without id, sealing time or device key.
    // NotFound / Invalid for ids that are not this patient's clinical photos or stories.
    [[nodiscard]] domain::ConsentRecord prepare(const ConsentRequest &request);
    // What sealing request would refuse for; empty when it may be sealed.
    [[nodiscard]] std::vector<domain::Defect> validate(const ConsentRequest &request);
    // Canonicalizes, hashes and signs the record, and stores it with its item index and
    // audit entry in one transaction. SealRefused listing every defect otherwise.
    domain::SealedConsent seal(const ConsentRequest &request);

    [[nodiscard]] std::optional<domain::SealedConsent> find(const QString &id);
    [[nodiscard]] std::vector<domain::SealedConsent> forPatient(const QString &patientId);
    // Verifies a stored consent from its bytes alone: canonical form, hash, signature,
    // the signing key being this vault's, then the validity rules. The integrity part of a
    // row verified lately, byte for byte the same, is not done again (VerifiedRecords).
    [[nodiscard]] ConsentCheck check(const domain::SealedConsent &consent);
    [[nodiscard]] ConsentStatus status(const domain::SealedConsent &consent, const QDateTime &now);
    [[nodiscard]] std::optional<domain::Revocation> revocationOf(const QString &consentId);

    // Records that a consent's expiry event happened (for consents that end with an
    // event): the consent no longer allows anything from occurredAt.
    void recordExpiryEvent(const QString &consentId, const QDateTime &occurredAt,
                           const QString &note);

private:
    domain::ConsentRecord build(const ConsentRequest &request);
    // The integrity part of check(), done in full; digest is the SHA-256 of the record.
    RecordVerification verify(const domain::SealedConsent &consent,
                              const crypto::Sha256Digest &digest);

    Vault &m_vault;
    const domain::TemplateCatalog &m_templates;
};

} // namespace cc::services
