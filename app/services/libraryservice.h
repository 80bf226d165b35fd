#pragma once

#include "crypto/bytes.h"
#include "domain/entities.h"
#include "services/sidethread.h"

#include <optional>
#include <vector>

namespace cc::services {

class ImageCodec;
class Vault;

// Patients, photos and case stories (DESIGN §2.3.1, §2.4). Photos are stored encrypted
// (the original and a thumbnail of at most ThumbnailEdge px), hashed over their original
// bytes. Every change is written to the audit log in its own transaction, which also
// holds the change. Throws ServiceError.
class LibraryService final {
public:
    static constexpr int ThumbnailEdge = 512;
    static constexpr qint64 MaxPhotoBytes = 64 * 1024 * 1024;

    LibraryService(Vault &vault, ImageCodec &codec)
        : m_vault(vault)
        , m_codec(codec) {}

    // A display name is required; MRN and birth date only if the clinician records them.
    domain::Patient addPatient(const QString &displayName, const QString &mrn = {},
                               const QDate &birthDate = {});
    [[nodiscard]] std::optional<domain::Patient> patient(const QString &id);
    [[nodiscard]] std::vector<domain::Patient> patients(const QString &search = {}, int limit = 100,
                                                        int offset = 0);

    // Stores a photo of the patient from its original bytes (JPEG or PNG). Image when the
    // bytes are not an image the codec accepts; nothing is stored then.
    domain::Photo importPhoto(const QString &patientId, crypto::ByteView bytes,
                              const QDateTime &capturedAt,
                              domain::PhotoRole role = domain::PhotoRole::Clinical);
    // A redacted copy of a clinical photo, linked to its original (or to the original of
    // a derivative, with the redactions added to the derivative's): the redactions are
    // burned into new bytes, which are stored like any photo.
    domain::Photo deriveRedacted(const QString &photoId,
                                 const std::vector<domain::Redaction> &redactions);
    // Marks the regions of an original that identify the patient; a de-identified-only
    // consent allows a derivative only if its redactions hide them all.
    void markIdentifyingRegions(const QString &photoId,
                                const std::vector<domain::NormRect> &regions);
    [[nodiscard]] std::optional<domain::Photo> photo(const QString &id);
    [[nodiscard]] std::vector<domain::Photo>
    photos(const QString &patientId, domain::PhotoRole role = domain::PhotoRole::Clinical);
    // The decrypted original / thumbnail (in memory only).
    [[nodiscard]] crypto::SecretBytes photoBytes(const QString &photoId);
    [[nodiscard]] crypto::SecretBytes thumbnailBytes(const QString &photoId);

    // A new story with its first version.
    std::pair<domain::Story, domain::StoryVersion>
    addStory(const QString &patientId, const QString &title, const QString &text);
    // Saving an edit creates a new version; earlier versions are kept unchanged, and no
    // consent covers the new text until one is sealed for it. Invalid when text equals
    // the latest version's.
    domain::StoryVersion editStory(const QString &storyId, const QString &text);
    [[nodiscard]] std::optional<domain::Story> story(const QString &id);
    [[nodiscard]] std::vector<domain::Story> stories(const QString &patientId);
    [[nodiscard]] std::vector<domain::StoryVersion> storyVersions(const QString &storyId);
    [[nodiscard]] std::optional<domain::StoryVersion> storyVersion(const QString &versionId);

private:
    domain::Photo storePhoto(domain::Photo photo, crypto::ByteView bytes, const QString &auditKind,
                             const QJsonObject &auditData);

    Vault &m_vault;
    ImageCodec &m_codec;
    SideThread m_writer; // a photo's original is hashed, encrypted and written here
};

} // namespace cc::services
