#pragma once

// What a vault holds besides sealed records: plain values that the repositories read
// and write and the services pass around. Hashes are lowercase hex SHA-256, times UTC.

#include "domain/consentrecord.h"
#include "domain/redaction.h"
#include "domain/sharegate.h"
#include "domain/signature.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace cc::domain {

// The minimum that identifies a patient (DESIGN §2.3.1): a display name; MRN and birth
// date only when the clinician chooses to record them.
struct Patient {
    QString id;
    QString displayName;
    QString mrn;     // empty when not recorded
    QDate birthDate; // invalid when not recorded
    QDateTime createdAt;
};

enum class PhotoRole {
    Clinical,           // a clinical photo: the only role a consent can cover
    AuthorityDocument,  // a representative's authority document
    RevocationEvidence, // a written revocation letter, photographed
    TakedownEvidence,   // a screenshot showing a post was removed
};
[[nodiscard]] QString toString(PhotoRole role);
[[nodiscard]] std::optional<PhotoRole> photoRoleFromString(const QString &text);

struct Photo {
    QString id;
    QString patientId;
    PhotoRole role = PhotoRole::Clinical;
    QString mediaId;      // the encrypted original
    QString thumbMediaId; // the encrypted thumbnail (at most 512 px)
    QString sha256;       // of the original bytes
    qint64 size = 0;
    int width = 0; // after orientation
    int height = 0;
    QString format; // "jpeg", "png"
    QDateTime capturedAt;
    QDateTime createdAt;
    // A redacted derivative names its original and the redactions burned into it.
    QString originalId;
    std::vector<Redaction> redactions;
    // Regions marked as identifying (faces, tattoos, ...), on originals.
    std::vector<NormRect> identifyingRegions;

    [[nodiscard]] bool isDerivative() const { return !originalId.isEmpty(); }
};

struct Story {
    QString id;
    QString patientId;
    QString title;
    QDateTime createdAt;
};

// One version of a story's text; it never changes once written.
struct StoryVersion {
    QString id;
    QString storyId;
    int version = 0;
    QString text;
    QString sha256; // of the UTF-8 text
    QDateTime createdAt;
};

// A consent as stored: the sealed bytes, their hash and the device's signature.
struct SealedConsent {
    QString id;
    QString patientId;
    QByteArray record; // canonical JSON (consentrecord.h)
    QString recordSha256;
    QByteArray signature; // Ed25519 over the SHA-256 of record
    QDateTime sealedAt;
    QDateTime startsAt;
    QDateTime expiresAt;
};

// The signer's copy of a sealed consent (DESIGN §2.3.8): a PDF rendered from the sealed
// record, kept encrypted in the media store. One per consent; it never changes.
struct ConsentCopy {
    QString consentId;
    QString mediaId;
    QString sha256; // of the PDF bytes
    qint64 size = 0;
    QDateTime createdAt;
};

struct Revocation {
    QString id;
    QString consentId;
    QDateTime receivedAt; // when the clinician received it
    QDateTime recordedAt; // when it was entered in the vault
    QString method;       // vocabulary::revocationMethods()
    QString note;
    QString evidencePhotoId;                 // the letter, photographed
    std::optional<SignatureStrokes> strokes; // signed in person on the device
};

struct ExpiryEvent {
    QString consentId;
    QDateTime occurredAt;
    QDateTime recordedAt;
    QString note;
};

enum class DraftState { Open, Shared, Discarded };
[[nodiscard]] QString toString(DraftState state);
[[nodiscard]] std::optional<DraftState> draftStateFromString(const QString &text);

struct Draft {
    QString id;
    QString text;
    GateTarget target; // empty members until chosen
    DraftState state = DraftState::Open;
    QDateTime createdAt;
    QDateTime updatedAt;
    QStringList itemIds; // photo, story or story version ids, in order
};

enum class PostStatus {
    Published,
    TakedownRequired, // a consent it depends on was revoked
    Removed,          // taken down after a revocation
};
[[nodiscard]] QString toString(PostStatus status);
[[nodiscard]] std::optional<PostStatus> postStatusFromString(const QString &text);

struct PostItem {
    ItemKind kind = ItemKind::Photo;
    QString itemId; // "pho_…" or "stv_…": exactly what was shared
    QString sha256;
    QStringList consentIds; // every consent that allowed it when it was shared
};

struct Post {
    QString id;
    QString draftId;
    GateTarget target;
    QString text;
    QDateTime postedAt;
    QString url; // empty until known
    PostStatus status = PostStatus::Published;
    QDateTime takedownRequiredAt;
    QDateTime removedAt;
    QString removalEvidencePhotoId;
    QString removalNote;
    std::vector<PostItem> items;
};

} // namespace cc::domain
