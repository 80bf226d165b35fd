#include "services/exportservice.h"

#include "services/gateservice.h"
#include "services/imagecodec.h"
#include "services/servicesupport.h"
#include "storage/auditlog.h"
#include "storage/fileops.h"
#include "storage/mediastore.h"
#include "storage/photorepository.h"
#include "storage/storyrepository.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

namespace cc::services {

using support::guarded;

namespace {

// "pho_3f9a1c2b…" -> "3f9a1c2b": enough to tell files apart, nothing about the patient.
QString shortId(const QString &id) {
    return id.section(QLatin1Char('_'), 1).left(8);
}

void requireComplete(const domain::GateTarget &target) {
    if (target.platform.isEmpty() || target.audience.isEmpty() || target.purpose.isEmpty())
        support::invalid(QStringLiteral("an export needs a platform, an audience and a purpose"));
}

} // namespace

ExportedFile ExportService::exportItem(const QString &itemId, const domain::GateTarget &target) {
    requireComplete(target);
    // The write lock first: no revocation can commit between the decision and the entry
    // that records the export.
    auto transaction = support::beginChange(m_vault);
    GateService gate(m_vault, m_templates);
    const QDateTime now = m_vault.clock()().toUTC();
    const auto decision = gate.decide(itemId, target, now);
    const auto item = gate.item(itemId);
    if (!decision.allowed || !item)
        throw ShareRefused({{itemId, decision}});

    ExportedFile file;
    file.itemId = item->id;
    if (item->kind == domain::ItemKind::Photo) {
        const auto photo =
            guarded([&] { return storage::PhotoRepository(m_vault.database()).find(item->id); });
        if (!photo)
            support::notFound("photo", item->id);
        const crypto::SecretBytes stored =
            guarded([&] { return m_vault.media().read(photo->mediaId); });
        // The bytes the gate judged by their hash, and no others.
        if (support::sha256Hex(crypto::view(stored)) != item->sha256)
            throw ServiceError(ServiceError::Kind::Storage,
                               "the photo's bytes no longer match its recorded SHA-256");
        crypto::Bytes jpeg;
        try {
            // A redacted copy's bytes already carry its redactions.
            jpeg = m_codec.exportJpeg(crypto::view(stored), {});
        } catch (const ImageError &error) {
            throw ServiceError(ServiceError::Kind::Image, error.what());
        }
        file.bytes.assign(jpeg.begin(), jpeg.end());
        crypto::wipe(jpeg.data(), jpeg.size());
        file.fileName = QStringLiteral("photo-%1.jpg").arg(shortId(item->id));
        file.mimeType = QStringLiteral("image/jpeg");
    } else {
        const auto version = guarded(
            [&] { return storage::StoryRepository(m_vault.database()).findVersion(item->id); });
        if (!version)
            support::notFound("story version", item->id);
        QByteArray text = version->text.toUtf8();
        file.bytes.assign(text.cbegin(), text.cend());
        crypto::wipe(text.data(), std::size_t(text.size()));
        if (support::sha256Hex(crypto::view(file.bytes)) != item->sha256)
            throw ServiceError(ServiceError::Kind::Storage,
                               "the story's text no longer matches its recorded SHA-256");
        file.fileName = QStringLiteral("story-%1.txt").arg(shortId(item->id));
        file.mimeType = QStringLiteral("text/plain; charset=utf-8");
    }
    file.sha256 = support::sha256Hex(crypto::view(file.bytes));

    const QStringList &consents = decision.consentIds;
    guarded([&] {
        m_vault.audit().append(
            QStringLiteral("media.exported"), now,
            {{QStringLiteral("what"), item->kind == domain::ItemKind::Photo
                                          ? QStringLiteral("photo")
                                          : QStringLiteral("story")},
             {QStringLiteral("item"), item->id},
             {QStringLiteral("patient"), item->patientId},
             {QStringLiteral("itemSha256"), item->sha256},
             {QStringLiteral("sha256"), file.sha256},
             {QStringLiteral("consents"), QJsonArray::fromStringList(consents)},
             {QStringLiteral("platform"), target.platform},
             {QStringLiteral("audience"), target.audience},
             {QStringLiteral("purpose"), target.purpose}},
            {item->patientId, consents.size() == 1 ? consents.front() : QString(), {}});
        transaction.commit();
    });
    return file;
}

QString ExportService::exportToFolder(const QString &itemId, const domain::GateTarget &target,
                                      const QString &directory) {
    const QFileInfo where(directory);
    if (directory.isEmpty() || !where.isDir())
        support::invalid(QStringLiteral("the folder to export into does not exist"));
    const ExportedFile file = exportItem(itemId, target);
    return guarded([&] {
        return storage::writeNewFileDurably(m_vault.files(),
                                            QDir::cleanPath(where.absoluteFilePath()),
                                            file.fileName, crypto::view(file.bytes));
    });
}

} // namespace cc::services
