#include "services/libraryservice.h"

#include "domain/ids.h"
#include "domain/timestamps.h"
#include "services/imagecodec.h"
#include "services/servicesupport.h"
#include "storage/auditlog.h"
#include "storage/mediastore.h"
#include "storage/patientrepository.h"
#include "storage/photorepository.h"
#include "storage/storyrepository.h"

#include <QJsonArray>

#include <future>

namespace cc::services {

using support::guarded;

namespace {

constexpr qsizetype MaxNameLength = 200;
constexpr qsizetype MaxStoryLength = 100'000;

QDateTime now(Vault &vault) {
    return vault.clock()().toUTC();
}

} // namespace

domain::Patient LibraryService::addPatient(const QString &displayName, const QString &mrn,
                                           const QDate &birthDate) {
    const QString name = displayName.trimmed();
    if (name.isEmpty() || name.size() > MaxNameLength)
        support::invalid(QStringLiteral("a patient needs a display name of at most %1 characters")
                             .arg(MaxNameLength));
    if (mrn.size() > MaxNameLength)
        support::invalid(QStringLiteral("the MRN is too long"));
    support::requirePlainLine(name, "a patient's name");
    support::requirePlainLine(mrn, "an MRN");
    domain::Patient patient{domain::ids::generate(domain::ids::Kind::Patient), name, mrn.trimmed(),
                            birthDate, now(m_vault)};
    auto transaction = support::beginChange(m_vault);
    guarded([&] {
        storage::PatientRepository(m_vault.database()).insert(patient);
        m_vault.audit().append(QStringLiteral("patient.added"), patient.createdAt,
                               {{QStringLiteral("patient"), patient.id}}, {patient.id, {}, {}});
        transaction.commit();
    });
    return patient;
}

std::optional<domain::Patient> LibraryService::patient(const QString &id) {
    return guarded([&] { return storage::PatientRepository(m_vault.database()).find(id); });
}

std::vector<domain::Patient> LibraryService::patients(const QString &search, int limit,
                                                      int offset) {
    return guarded(
        [&] { return storage::PatientRepository(m_vault.database()).list(search, limit, offset); });
}

domain::Photo LibraryService::importPhoto(const QString &patientId, crypto::ByteView bytes,
                                          const QDateTime &capturedAt, domain::PhotoRole role) {
    if (!patient(patientId))
        support::notFound("patient", patientId);
    if (bytes.empty() || qint64(bytes.size()) > MaxPhotoBytes)
        throw ServiceError(ServiceError::Kind::Image, "a photo must be between 1 byte and 64 MiB");
    if (!capturedAt.isValid())
        support::invalid(QStringLiteral("the photo has no capture time"));
    domain::Photo photo;
    photo.id = domain::ids::generate(domain::ids::Kind::Photo);
    photo.patientId = patientId;
    photo.role = role;
    photo.capturedAt = capturedAt.toUTC();
    return storePhoto(std::move(photo), bytes, QStringLiteral("photo.added"),
                      {{QStringLiteral("role"), domain::toString(role)}});
}

domain::Photo LibraryService::storePhoto(domain::Photo photo, crypto::ByteView bytes,
                                         const QString &auditKind, const QJsonObject &auditData) {
    // One transaction: both blobs' rows, the photo row and its audit entry commit
    // together; the file of a rolled-back import is collected at the next unlock.
    auto transaction = support::beginChange(m_vault);
    // The original is hashed, encrypted and written durably on another thread while this
    // one decodes it: neither needs the other, and the decode takes longest. Only the
    // writer uses the vault's files meanwhile; its row comes once both are done.
    storage::MediaStore &media = m_vault.media();
    auto original = m_writer.run([&media, bytes] {
        std::pair<storage::MediaStore::Written, QString> done;
        done.second = support::sha256Hex(bytes);
        done.first = media.write(bytes);
        return done;
    });
    // The task refers to this call's bytes: whichever way it ends, it waits for the task.
    const struct WaitFor {
        decltype(original) &task;
        ~WaitFor() {
            if (task.valid())
                task.wait();
        }
    } waitForOriginal{original};
    const auto discardOriginal = [&] {
        try {
            media.discard(original.get().first);
        } catch (const storage::StorageError &) {
            // Nothing was written.
        }
    };
    crypto::Bytes thumbnail;
    try {
        ImportedImage imported = m_codec.import(bytes, ThumbnailEdge);
        photo.width = imported.info.width;
        photo.height = imported.info.height;
        photo.format = imported.info.format;
        thumbnail = std::move(imported.thumbnail);
    } catch (const ImageError &error) {
        discardOriginal();
        throw ServiceError(ServiceError::Kind::Image, error.what());
    } catch (...) {
        discardOriginal();
        throw;
    }
    const auto written = guarded([&] { return original.get(); });
    photo.sha256 = written.second;
    photo.size = qint64(bytes.size());
    photo.createdAt = now(m_vault);

    QJsonObject data = auditData;
    data.insert(QStringLiteral("photo"), photo.id);
    data.insert(QStringLiteral("patient"), photo.patientId);
    data.insert(QStringLiteral("sha256"), photo.sha256);
    guarded([&] {
        photo.mediaId = media.record(written.first);
        // The thumbnail is small and kept in its row: it becomes durable with the commit.
        photo.thumbMediaId = media.putInRow(thumbnail);
        storage::PhotoRepository(m_vault.database()).insert(photo);
        m_vault.audit().append(auditKind, photo.createdAt, data, {photo.patientId, {}, {}});
        transaction.commit();
    });
    return photo;
}

domain::Photo LibraryService::deriveRedacted(const QString &photoId,
                                             const std::vector<domain::Redaction> &redactions) {
    const auto source = photo(photoId);
    if (!source)
        support::notFound("photo", photoId);
    if (source->role != domain::PhotoRole::Clinical)
        support::invalid(QStringLiteral("only clinical photos can be redacted for sharing"));
    if (redactions.empty() || redactions.size() > 256 ||
        !std::all_of(redactions.begin(), redactions.end(),
                     [](const domain::Redaction &r) { return r.rect.isValid(); }))
        support::invalid(QStringLiteral("a redaction needs between 1 and 256 valid rectangles"));

    // Always from the untouched original, so a derivative of a derivative is one
    // rendering of the original with every redaction, not a copy of a copy.
    const auto original = source->isDerivative() ? photo(source->originalId) : source;
    if (!original)
        throw ServiceError(ServiceError::Kind::Storage, "the redacted copy's original is missing");
    std::vector<domain::Redaction> all =
        source->isDerivative() ? source->redactions : std::vector<domain::Redaction>{};
    all.insert(all.end(), redactions.begin(), redactions.end());
    if (all.size() > 256)
        support::invalid(QStringLiteral("a photo can carry at most 256 redactions"));

    const crypto::SecretBytes originalBytes = photoBytes(original->id);
    crypto::Bytes rendered;
    try {
        rendered = m_codec.redact(crypto::view(originalBytes), all);
    } catch (const ImageError &error) {
        throw ServiceError(ServiceError::Kind::Image, error.what());
    }
    domain::Photo derived;
    derived.id = domain::ids::generate(domain::ids::Kind::Photo);
    derived.patientId = original->patientId;
    derived.role = domain::PhotoRole::Clinical;
    derived.capturedAt = original->capturedAt;
    derived.originalId = original->id;
    derived.redactions = all;
    return storePhoto(std::move(derived), rendered, QStringLiteral("photo.derived"),
                      {{QStringLiteral("original"), original->id},
                       {QStringLiteral("redactions"), domain::toJson(all)}});
}

void LibraryService::markIdentifyingRegions(const QString &photoId,
                                            const std::vector<domain::NormRect> &regions) {
    const auto target = photo(photoId);
    if (!target)
        support::notFound("photo", photoId);
    if (target->isDerivative())
        support::invalid(QStringLiteral("identifying regions are marked on the original photo"));
    if (regions.size() > 256 || !std::all_of(regions.begin(), regions.end(),
                                             [](const domain::NormRect &r) { return r.isValid(); }))
        support::invalid(
            QStringLiteral("identifying regions must be at most 256 valid rectangles"));
    auto transaction = support::beginChange(m_vault);
    guarded([&] {
        storage::PhotoRepository(m_vault.database()).setIdentifyingRegions(photoId, regions);
        m_vault.audit().append(QStringLiteral("photo.regions_marked"), now(m_vault),
                               {{QStringLiteral("photo"), photoId},
                                {QStringLiteral("patient"), target->patientId},
                                {QStringLiteral("regions"), domain::toJson(regions)}},
                               {target->patientId, {}, {}});
        transaction.commit();
    });
}

std::optional<domain::Photo> LibraryService::photo(const QString &id) {
    return guarded([&] { return storage::PhotoRepository(m_vault.database()).find(id); });
}

std::vector<domain::Photo> LibraryService::photos(const QString &patientId,
                                                  domain::PhotoRole role) {
    return guarded([&] {
        return storage::PhotoRepository(m_vault.database()).listForPatient(patientId, role);
    });
}

crypto::SecretBytes LibraryService::photoBytes(const QString &photoId) {
    const auto found = photo(photoId);
    if (!found)
        support::notFound("photo", photoId);
    return guarded([&] { return m_vault.media().read(found->mediaId); });
}

crypto::SecretBytes LibraryService::thumbnailBytes(const QString &photoId) {
    const auto found = photo(photoId);
    if (!found)
        support::notFound("photo", photoId);
    return guarded([&] { return m_vault.media().read(found->thumbMediaId); });
}

std::pair<domain::Story, domain::StoryVersion>
LibraryService::addStory(const QString &patientId, const QString &title, const QString &text) {
    if (!patient(patientId))
        support::notFound("patient", patientId);
    if (title.trimmed().isEmpty() || title.size() > MaxNameLength)
        support::invalid(
            QStringLiteral("a story needs a title of at most %1 characters").arg(MaxNameLength));
    support::requirePlainLine(title, "a story's title");
    if (text.trimmed().isEmpty() || text.size() > MaxStoryLength)
        support::invalid(
            QStringLiteral("a story needs text of at most %1 characters").arg(MaxStoryLength));
    const QDateTime at = now(m_vault);
    domain::Story story{domain::ids::generate(domain::ids::Kind::Story), patientId, title.trimmed(),
                        at};
    domain::StoryVersion version{domain::ids::generate(domain::ids::Kind::StoryVersion),
                                 story.id,
                                 1,
                                 text,
                                 support::sha256Hex(text),
                                 at};
    auto transaction = support::beginChange(m_vault);
    guarded([&] {
        storage::StoryRepository stories(m_vault.database());
        stories.insertStory(story);
        stories.insertVersion(version);
        m_vault.audit().append(QStringLiteral("story.added"), at,
                               {{QStringLiteral("story"), story.id},
                                {QStringLiteral("patient"), patientId},
                                {QStringLiteral("version"), version.id},
                                {QStringLiteral("sha256"), version.sha256}},
                               {patientId, {}, {}});
        transaction.commit();
    });
    return {story, version};
}

domain::StoryVersion LibraryService::editStory(const QString &storyId, const QString &text) {
    const auto found = story(storyId);
    if (!found)
        support::notFound("story", storyId);
    if (text.trimmed().isEmpty() || text.size() > MaxStoryLength)
        support::invalid(
            QStringLiteral("a story needs text of at most %1 characters").arg(MaxStoryLength));
    const QDateTime at = now(m_vault);
    domain::StoryVersion version;
    auto transaction = support::beginChange(m_vault);
    guarded([&] {
        storage::StoryRepository stories(m_vault.database());
        const auto latest = stories.latestVersion(storyId);
        if (latest && latest->text == text)
            support::invalid(QStringLiteral("the text has not changed"));
        version = {domain::ids::generate(domain::ids::Kind::StoryVersion),
                   storyId,
                   latest ? latest->version + 1 : 1,
                   text,
                   support::sha256Hex(text),
                   at};
        stories.insertVersion(version);
        m_vault.audit().append(QStringLiteral("story.edited"), at,
                               {{QStringLiteral("story"), storyId},
                                {QStringLiteral("patient"), found->patientId},
                                {QStringLiteral("version"), version.id},
                                {QStringLiteral("number"), version.version},
                                {QStringLiteral("sha256"), version.sha256}},
                               {found->patientId, {}, {}});
        transaction.commit();
    });
    return version;
}

std::optional<domain::Story> LibraryService::story(const QString &id) {
    return guarded([&] { return storage::StoryRepository(m_vault.database()).findStory(id); });
}

std::vector<domain::Story> LibraryService::stories(const QString &patientId) {
    return guarded(
        [&] { return storage::StoryRepository(m_vault.database()).listForPatient(patientId); });
}

std::vector<domain::StoryVersion> LibraryService::storyVersions(const QString &storyId) {
    return guarded([&] { return storage::StoryRepository(m_vault.database()).versions(storyId); });
}

std::optional<domain::StoryVersion> LibraryService::storyVersion(const QString &versionId) {
    return guarded(
        [&] { return storage::StoryRepository(m_vault.database()).findVersion(versionId); });
}

} // namespace cc::services
