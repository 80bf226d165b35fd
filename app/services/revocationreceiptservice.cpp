#include "services/revocationreceiptservice.h"

#include "domain/canonicaljson.h"
#include "domain/consenttemplate.h"
#include "services/consentdocument.h"
#include "services/consentservice.h"
#include "services/servicesupport.h"
#include "storage/auditlog.h"
#include "storage/postrepository.h"

#include <QJsonArray>
#include <QJsonObject>

namespace cc::services {

using support::guarded;

namespace {

// The consent.revoked entry's data: what the revocation stopped when it was recorded.
QJsonObject revokedEntry(Vault &vault, const QString &consentId) {
    QJsonObject data;
    guarded([&] {
        vault.audit().forEach({{}, consentId, {}}, [&](const storage::AuditLog::Row &row) {
            if (row.kind != QLatin1String("consent.revoked") || !data.isEmpty())
                return;
            try {
                data = domain::parseJsonStrict(row.entry)
                           .toObject()
                           .value(QStringLiteral("data"))
                           .toObject();
            } catch (const domain::JsonError &) {
                // A damaged entry: the verifier names it; the receipt lists nothing.
            }
        });
    });
    return data;
}

} // namespace

RevocationReceipt RevocationReceiptService::gather(const QString &consentId) {
    ConsentService consents(m_vault, m_templates);
    const auto consent = consents.find(consentId);
    if (!consent)
        support::notFound("consent", consentId);
    const auto revocation = consents.revocationOf(consentId);
    if (!revocation)
        throw ServiceError(ServiceError::Kind::Conflict, "the consent is not revoked");
    // Like the consent's copy, the receipt quotes the record only once its bytes verify.
    const ConsentCheck checked = consents.check(*consent);
    if (!checked.intact || !checked.record)
        throw ServiceError(ServiceError::Kind::Refused,
                           QStringLiteral("consent %1 does not verify: %2")
                               .arg(consentId, checked.integrityProblem)
                               .toStdString());
    const domain::ConsentRecord &record = *checked.record;

    RevocationReceipt receipt;
    receipt.language = record.language;
    receipt.form = m_templates.find(record.templateId, record.templateVersion, record.language);
    if (!receipt.form)
        support::invalid(QStringLiteral("the form %1 version %2 (%3) is not one this app knows")
                             .arg(record.templateId)
                             .arg(record.templateVersion)
                             .arg(record.language));
    receipt.utcOffsetMinutes = record.utcOffsetMinutes;
    receipt.consentId = record.id;
    receipt.recordSha256 = consent->recordSha256;
    receipt.devicePublicKey = record.deviceKey;
    receipt.patientName = record.patientName;
    receipt.signerName = record.signer.name;
    receipt.signerRole = record.signer.role;
    receipt.signedAt = record.signedAt;
    for (const auto &item : record.items)
        receipt.itemDescriptions.append(item.description);

    receipt.revocationId = revocation->id;
    receipt.receivedAt = revocation->receivedAt;
    receipt.recordedAt = revocation->recordedAt;
    receipt.method = revocation->method;
    receipt.note = revocation->note;
    receipt.letterKept = !revocation->evidencePhotoId.isEmpty();
    receipt.strokes = revocation->strokes;

    const QJsonObject stopped = revokedEntry(m_vault, consentId);
    receipt.blockedDrafts = int(stopped.value(QStringLiteral("blockedDrafts")).toArray().size());
    guarded([&] {
        storage::PostRepository posts(m_vault.database());
        for (const QJsonValue &id : stopped.value(QStringLiteral("takedownPosts")).toArray()) {
            if (const auto post = posts.findPost(id.toString()))
                receipt.takedowns.push_back({post->target.platform, post->url, post->postedAt});
        }
    });

    receipt.clinicianName = record.clinicianName;
    receipt.practiceName = record.practiceName;
    receipt.practiceContact = record.practiceContact;
    return receipt;
}

crypto::SecretBytes RevocationReceiptService::render(const QString &consentId) {
    const RevocationReceipt receipt = gather(consentId);
    crypto::SecretBytes pdf;
    try {
        pdf = m_renderer.render(receipt);
    } catch (const DocumentError &error) {
        throw ServiceError(ServiceError::Kind::Invalid,
                           std::string("the receipt could not be rendered: ") + error.what());
    }
    if (pdf.empty())
        throw ServiceError(ServiceError::Kind::Invalid, "the receipt rendered empty");
    return pdf;
}

void RevocationReceiptService::recordExport(const QString &consentId, const QString &via,
                                            crypto::ByteView pdf) {
    if (via != QLatin1String("folder") && via != QLatin1String("share_sheet"))
        support::invalid(QStringLiteral("a receipt leaves through a folder or the share sheet"));
    ConsentService consents(m_vault, m_templates);
    const auto consent = consents.find(consentId);
    if (!consent)
        support::notFound("consent", consentId);
    const auto revocation = consents.revocationOf(consentId);
    if (!revocation)
        throw ServiceError(ServiceError::Kind::Conflict, "the consent is not revoked");
    auto transaction = support::beginChange(m_vault);
    guarded([&] {
        m_vault.audit().append(QStringLiteral("media.exported"), m_vault.clock()().toUTC(),
                               {{QStringLiteral("what"), QStringLiteral("revocation_receipt")},
                                {QStringLiteral("consent"), consentId},
                                {QStringLiteral("patient"), consent->patientId},
                                {QStringLiteral("revocation"), revocation->id},
                                {QStringLiteral("sha256"), support::sha256Hex(pdf)},
                                {QStringLiteral("size"), qint64(pdf.size())},
                                {QStringLiteral("via"), via}},
                               {consent->patientId, consentId, {}});
        transaction.commit();
    });
}

QString RevocationReceiptService::fileNameFor(const QString &consentId) {
    const QString digits = consentId.section(QLatin1Char('_'), 1).left(8);
    return QStringLiteral("revocation-%1.pdf")
        .arg(digits.isEmpty() ? QStringLiteral("receipt") : digits);
}

} // namespace cc::services
