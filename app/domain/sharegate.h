#pragma once

// The share gate (DESIGN §4.3): the one place that decides whether an item may leave
// the vault for a target. Pure: storage gathers the facts, this judges them.
//
// An item may be shared for (platform, audience, purpose) at `now` only if some consent
//   - covers the item's SHA-256 (a redacted derivative is covered through its original),
//     and is for the item's patient;
//   - is intact: its stored bytes are canonical, their hash and the device signature
//     verify;
//   - passes the validity rules (consentvalidator.h);
//   - is not revoked, has started and has not expired (nor has its expiry event come);
//   - includes the target's platform, audience and purpose;
//   - and, when it allows only de-identified use, a photo is a derivative whose
//     redactions hide every identifying region marked on its original (a story is the
//     exact text the signer read, so its hash is what counts).
// The practice's current policy must also allow the platform.

#include "domain/consentrecord.h"
#include "domain/consentvalidator.h"
#include "domain/practice.h"
#include "domain/redaction.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace cc::domain {

// Where an item is to go. An empty target (all three empty) asks whether any consent
// could allow the item somewhere: the target checks are skipped.
struct GateTarget {
    QString platform;
    QString audience;
    QString purpose;
    [[nodiscard]] bool isEmpty() const {
        return platform.isEmpty() && audience.isEmpty() && purpose.isEmpty();
    }
    friend bool operator==(const GateTarget &, const GateTarget &) = default;
};

// What storage knows about the item asked for.
struct GateItem {
    ItemKind kind = ItemKind::Photo;
    QString id; // "pho_…" or "stv_…"
    QString patientId;
    QString sha256;
    // Photos only: a derivative names its original and the redactions burned into it.
    QString originalId;
    QString originalSha256;
    std::vector<Redaction> redactions;
    // The regions marked as identifying on the original (faces, tattoos, ...).
    std::vector<NormRect> identifyingRegions;
    // Stories only: the hashes of the story's earlier versions, to explain a block
    // caused by an edit after signing.
    QStringList earlierVersionSha256;

    [[nodiscard]] bool isDerivative() const { return !originalId.isEmpty(); }
};

// A sealed consent that names one of the item's hashes, with what storage knows of it.
struct GateConsent {
    ConsentRecord record;
    // The stored bytes are canonical, hash to the stored hash, and carry a valid
    // signature by the vault's device key. When false, integrityProblem says why.
    bool intact = false;
    QString integrityProblem;
    std::vector<Defect> defects;            // validateConsent() of the record
    std::optional<QDateTime> revokedAt;     // when the revocation was received
    std::optional<QDateTime> expiryEventAt; // when the expiry event was recorded
};

// Why an item is blocked. code is stable and machine-readable; the other members give
// the specifics the UI puts into words ("consent revoked on 3 May").
struct GateReason {
    QString code;
    QString consentId; // the consent concerned, or empty
    QDateTime at;      // revoked / expired / starts at, when the code has a time
    QString value;     // the platform, audience or purpose not covered; the defective element
    [[nodiscard]] QString message() const; // plain English, for logs and the CLI
    friend bool operator==(const GateReason &, const GateReason &) = default;
};

namespace reason {
inline constexpr const char *ItemNotFound = "item_not_found";
inline constexpr const char *InvalidTarget = "invalid_target";
inline constexpr const char *PlatformNotAllowedByPolicy = "platform_not_allowed_by_policy";
inline constexpr const char *NoConsent = "no_consent";
inline constexpr const char *StoryEditedAfterSigning = "story_edited_after_signing";
inline constexpr const char *ConsentTampered = "consent_tampered";
inline constexpr const char *ConsentDefective = "consent_defective";
inline constexpr const char *ConsentRevoked = "consent_revoked";
inline constexpr const char *ConsentNotStarted = "consent_not_started";
inline constexpr const char *ConsentExpired = "consent_expired";
inline constexpr const char *PlatformNotCovered = "platform_not_covered";
inline constexpr const char *AudienceNotCovered = "audience_not_covered";
inline constexpr const char *PurposeNotCovered = "purpose_not_covered";
inline constexpr const char *DeidentifiedOnly = "deidentified_only";
inline constexpr const char *IdentifyingRegionVisible = "identifying_region_visible";
} // namespace reason

struct GateDecision {
    bool allowed = false;
    std::vector<GateReason> reasons; // empty when allowed
    QStringList consentIds;          // the consents that allow it, when allowed
};

// The decision for item (nullopt: the id names nothing shareable) given every sealed
// consent that names one of its hashes.
[[nodiscard]] GateDecision decideShare(const std::optional<GateItem> &item,
                                       const std::vector<GateConsent> &consents,
                                       const Policy &currentPolicy, const GateTarget &target,
                                       const QDateTime &now);

} // namespace cc::domain
