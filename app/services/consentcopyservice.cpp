#include "services/consentcopyservice.h"

#include "domain/consenttemplate.h"
#include "services/consentdocument.h"
#include "services/consentservice.h"
#include "services/imagecodec.h"
#include "services/servicesupport.h"
#include "storage/auditlog.h"
#include "storage/consentcopyrepository.h"
#include "storage/consentrepository.h"
#include "storage/mediastore.h"
#include "storage/photorepository.h"
#include "storage/storyrepository.h"

namespace cc::services {

using support::guarded;

namespace {

ServiceError refused(const QString &message) {
    return ServiceError(ServiceError::Kind::Refused, message.toStdString());
}

} // namespace

domain::ConsentCopy ConsentCopyService::makeCopy(const QString &consentId) {
    if (auto existing = find(consentId))
        return *existing;
    const auto consent =
        guarded([&] { return storage::ConsentRepository(m_vault.database()).find(consentId); });
    if (!consent)
        support::notFound("consent", consentId);

    // Only a record whose bytes verify is copied: the copy is evidence of what was signed.
    const ConsentCheck checked = ConsentService(m_vault, m_templates).check(*consent);
    if (!checked.intact || !checked.record)
        throw refused(QStringLiteral("consent %1 does not verify: %2")
                          .arg(consentId, checked.integrityProblem));
    ConsentDocument document;
    document.record = *checked.record;
    const domain::ConsentRecord &record = document.record;
    document.form = m_templates.find(record.templateId, record.templateVersion, record.language);
    if (!document.form)
        support::invalid(QStringLiteral("the form %1 version %2 (%3) is not one this app knows")
                             .arg(record.templateId)
                             .arg(record.templateVersion)
                             .arg(record.language));
    // The copy prints the form as the template renders it: it must be the text signed.
    const QString textSha256 =
        guarded([&] { return document.form->textSha256(record.formInputs()); });
    if (textSha256 != record.formTextSha256)
        throw refused(QStringLiteral("the form no longer renders the text consent %1 was signed "
                                     "with")
                          .arg(consentId));
    document.recordSha256 = consent->recordSha256;
    document.devicePublicKey = record.deviceKey;

    guarded([&] {
        storage::PhotoRepository photos(m_vault.database());
        storage::StoryRepository stories(m_vault.database());
        for (const auto &item : record.items) {
            if (item.kind == domain::ItemKind::Photo) {
                const auto photo = photos.find(item.id);
                if (!photo)
                    throw ServiceError(ServiceError::Kind::Storage,
                                       "a photo the consent covers is missing");
                const crypto::SecretBytes thumbnail = m_vault.media().read(photo->thumbMediaId);
                crypto::Bytes scaled;
                try {
                    scaled = m_codec.thumbnail(crypto::view(thumbnail), ThumbnailEdge);
                } catch (const ImageError &error) {
                    throw ServiceError(ServiceError::Kind::Image, error.what());
                }
                document.thumbnails.emplace(item.id,
                                            crypto::SecretBytes(scaled.begin(), scaled.end()));
                crypto::wipe(scaled.data(), scaled.size());
            } else {
                const auto version = stories.findVersion(item.id);
                if (version && support::sha256Hex(version->text) == item.sha256)
                    document.storyTexts.emplace(item.id, version->text);
            }
        }
    });

    crypto::SecretBytes pdf;
    try {
        pdf = m_renderer.render(document);
    } catch (const DocumentError &error) {
        throw ServiceError(ServiceError::Kind::Invalid,
                           std::string("the copy could not be rendered: ") + error.what());
    }
    if (pdf.empty())
        throw ServiceError(ServiceError::Kind::Invalid, "the copy rendered empty");

    domain::ConsentCopy copy;
    copy.consentId = consentId;
    copy.sha256 = support::sha256Hex(crypto::view(pdf));
    copy.size = qint64(pdf.size());
    copy.createdAt = m_vault.clock()().toUTC();
    auto transaction = support::beginChange(m_vault);
    guarded([&] {
        storage::ConsentCopyRepository copies(m_vault.database());
        // Read again under the write lock: another connection may have made it meanwhile.
        if (auto existing = copies.find(consentId)) {
            copy = *existing;
            return;
        }
        copy.mediaId = m_vault.media().put(crypto::view(pdf));
        copies.insert(copy);
        m_vault.audit().append(QStringLiteral("consent.copy_made"), copy.createdAt,
                               {{QStringLiteral("consent"), consentId},
                                {QStringLiteral("patient"), consent->patientId},
                                {QStringLiteral("media"), copy.mediaId},
                                {QStringLiteral("sha256"), copy.sha256},
                                {QStringLiteral("size"), copy.size}},
                               {consent->patientId, consentId, {}});
        transaction.commit();
    });
    return copy;
}

std::optional<domain::ConsentCopy> ConsentCopyService::find(const QString &consentId) {
    return guarded(
        [&] { return storage::ConsentCopyRepository(m_vault.database()).find(consentId); });
}

crypto::SecretBytes ConsentCopyService::copyBytes(const QString &consentId) {
    const auto copy = find(consentId);
    if (!copy)
        support::notFound("copy of consent", consentId);
    crypto::SecretBytes bytes = guarded([&] { return m_vault.media().read(copy->mediaId); });
    if (support::sha256Hex(crypto::view(bytes)) != copy->sha256)
        throw ServiceError(ServiceError::Kind::Storage,
                           "the consent's copy does not match its recorded SHA-256");
    return bytes;
}

void ConsentCopyService::recordExport(const QString &consentId, const QString &via) {
    if (via != QLatin1String("folder") && via != QLatin1String("share_sheet"))
        support::invalid(QStringLiteral("a copy leaves through a folder or the share sheet"));
    const auto copy = find(consentId);
    if (!copy)
        support::notFound("copy of consent", consentId);
    const auto consent =
        guarded([&] { return storage::ConsentRepository(m_vault.database()).find(consentId); });
    if (!consent)
        support::notFound("consent", consentId);
    auto transaction = support::beginChange(m_vault);
    guarded([&] {
        m_vault.audit().append(QStringLiteral("media.exported"), m_vault.clock()().toUTC(),
                               {{QStringLiteral("what"), QStringLiteral("consent_copy")},
                                {QStringLiteral("consent"), consentId},
                                {QStringLiteral("patient"), consent->patientId},
                                {QStringLiteral("media"), copy->mediaId},
                                {QStringLiteral("sha256"), copy->sha256},
                                {QStringLiteral("via"), via}},
                               {consent->patientId, consentId, {}});
        transaction.commit();
    });
}

} // namespace cc::services
