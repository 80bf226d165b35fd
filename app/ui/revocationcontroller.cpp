#include "ui/revocationcontroller.h"

#include "crypto/bytes.h"
#include "domain/consentrecord.h"
#include "domain/vocabulary.h"
#include "services/consentcore.h"
#include "services/revocationreceiptservice.h"
#include "services/vault.h"
#include "ui/consentbadges.h"
#include "ui/consentsession.h"
#include "ui/corehost.h"
#include "ui/vocabularylabels.h"

#include <QDir>
#include <QLocale>

#include <algorithm>

namespace cc::ui {

using Outcome = platform::ShareSheet::Outcome;

namespace {

const QStringList itemRoles{QStringLiteral("itemId"), QStringLiteral("kind"),
                            QStringLiteral("description"), QStringLiteral("source")};
const QStringList draftRoles{QStringLiteral("draftId"), QStringLiteral("preview"),
                             QStringLiteral("targetText"), QStringLiteral("updatedAt")};
const QStringList takedownRoles{
    QStringLiteral("postId"), QStringLiteral("platform"), QStringLiteral("platformText"),
    QStringLiteral("url"),    QStringLiteral("postedAt"), QStringLiteral("takedownRequiredAt"),
    QStringLiteral("preview")};

QString shortDate(const QDate &date) {
    return date.isValid() ? QLocale().toString(date, QLocale::ShortFormat) : QString();
}

QString shortDateTime(const QDateTime &time) {
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat)
                          : QString();
}

QString preview(const QString &text) {
    QString line = text.simplified();
    if (line.size() > 90)
        line = line.left(89) + QChar(0x2026);
    return line;
}

QString labels(VocabularyLabels::Kind kind, const QStringList &codes) {
    QStringList out;
    for (const QString &code : codes) {
        const QString label = VocabularyLabels::labelFor(kind, code);
        out.append(label.isEmpty() ? code : label);
    }
    return QLocale().createSeparatedList(out);
}

QString targetText(const domain::GateTarget &target) {
    QStringList parts;
    if (!target.platform.isEmpty())
        parts.append(VocabularyLabels::platformLabel(target.platform));
    if (!target.audience.isEmpty())
        parts.append(VocabularyLabels::audienceLabel(target.audience));
    if (!target.purpose.isEmpty())
        parts.append(VocabularyLabels::purposeLabel(target.purpose));
    if (parts.isEmpty())
        return RevocationController::tr("Where and to whom: not chosen yet");
    return parts.join(QStringLiteral(" · "));
}

QString languageName(const QString &code) {
    if (code == QLatin1String("en"))
        return RevocationController::tr("English");
    if (code == QLatin1String("es"))
        return RevocationController::tr("Spanish");
    return code;
}

} // namespace

RevocationController::RevocationController(CoreHost &host,
                                           services::RevocationReceiptRenderer &renderer,
                                           platform::ShareSheet &shareSheet, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_renderer(renderer)
    , m_shareSheet(shareSheet)
    , m_items(itemRoles)
    , m_blockedDrafts(draftRoles)
    , m_takedowns(takedownRoles) {
    connect(&m_shareSheet, &platform::ShareSheet::finished, this,
            &RevocationController::onShareFinished);
    // Nothing read from the vault outlives the lock. A receipt with the sheet stays with
    // it (the sheet may share the buffer) and is wiped when it finishes.
    connect(&m_host, &CoreHost::closing, this, &RevocationController::clearAll);
    connect(&m_host, &CoreHost::opened, this, &RevocationController::reloadImpact);
    if (m_host.isOpen())
        reloadImpact();
}

RevocationController::~RevocationController() {
    wipePending();
}

bool RevocationController::needsFolder() const {
    return m_shareSheet.needsFolder();
}

bool RevocationController::load(const QString &consentId) {
    clearMessages();
    auto *core = m_host.core();
    if (!core) {
        setError(tr("The vault is locked."));
        return false;
    }
    try {
        if (!core->consents().find(consentId)) {
            setError(tr("That consent is not in the vault."));
            return false;
        }
    } catch (const std::exception &e) {
        setError(messageFor(e));
        return false;
    }
    m_consentId = consentId;
    reload();
    return true;
}

void RevocationController::refresh() {
    if (!m_consentId.isEmpty())
        reload();
}

QString RevocationController::today() const {
    return m_host.now().toLocalTime().date().toString(Qt::ISODate);
}

QString RevocationController::timeNow() const {
    return m_host.now().toLocalTime().time().toString(QStringLiteral("HH:mm"));
}

QString RevocationController::signatureProblem(const QVariantList &strokes, int padWidth,
                                               int padHeight) const {
    const auto converted = ConsentSession::strokesFrom(strokes, padWidth, padHeight);
    if (!converted)
        return ConsentSession::describeSignatureProblem(domain::SignatureProblem::OutOfBounds);
    if (const auto problem = domain::signatureProblem(*converted))
        return ConsentSession::describeSignatureProblem(*problem);
    return {};
}

std::optional<QDateTime> RevocationController::parseWhen(const QString &date, const QString &time,
                                                         const QDateTime &now, QString *problem) {
    const QDateTime localNow = now.toLocalTime();
    if (date.trimmed().isEmpty())
        return now.toUTC();
    const QDate day = QDate::fromString(date.trimmed(), Qt::ISODate);
    if (!day.isValid()) {
        *problem = tr("Enter the date as year-month-day, for example 2025-03-05.");
        return std::nullopt;
    }
    QTime at;
    if (time.trimmed().isEmpty()) {
        at = day == localNow.date() ? localNow.time() : QTime(12, 0);
    } else {
        at = QTime::fromString(time.trimmed(), QStringLiteral("H:mm"));
        if (!at.isValid()) {
            *problem = tr("Enter the time as hours and minutes, for example 14:30.");
            return std::nullopt;
        }
    }
    const QDateTime when(day, at);
    // Minutes typed for the current minute are not in the future.
    if (when > localNow.addSecs(59)) {
        *problem = tr("That is in the future. Enter when it happened.");
        return std::nullopt;
    }
    return std::min(when, localNow).toUTC();
}

bool RevocationController::revoke(const QString &method, const QString &receivedDate,
                                  const QString &receivedTime, const QString &note,
                                  const QString &evidencePhotoId, const QVariantList &strokes,
                                  int padWidth, int padHeight) {
    clearMessages();
    auto *core = m_host.core();
    if (!core) {
        setError(tr("The vault is locked."));
        return false;
    }
    if (m_consentId.isEmpty()) {
        setError(tr("That consent is not in the vault."));
        return false;
    }
    if (m_revoked) {
        setError(tr("This consent is already revoked. A revocation is final."));
        return false;
    }
    services::RevocationRequest request;
    request.consentId = m_consentId;
    request.method = method;
    request.note = note.trimmed();
    if (!domain::vocabulary::isRevocationMethod(method)) {
        setError(tr("Choose how the revocation was received."));
        return false;
    }
    QString problem;
    const auto received = parseWhen(receivedDate, receivedTime, m_host.now(), &problem);
    if (!received) {
        setError(problem);
        return false;
    }
    request.receivedAt = *received;
    if (method == QLatin1String("signed_on_device")) {
        if (const QString bad = signatureProblem(strokes, padWidth, padHeight); !bad.isEmpty()) {
            setError(bad);
            return false;
        }
        request.strokes = ConsentSession::strokesFrom(strokes, padWidth, padHeight);
    } else if (method == QLatin1String("written_letter")) {
        if (evidencePhotoId.isEmpty()) {
            setError(tr("Photograph the patient's letter, or import a photo of it."));
            return false;
        }
        request.evidencePhotoId = evidencePhotoId;
    } else if (request.note.isEmpty()) {
        setError(tr("Say how the revocation was received, for example \"by phone, then by "
                    "e-mail\"."));
        return false;
    }
    try {
        (void)core->revocations().revoke(request);
    } catch (const std::exception &e) {
        setError(messageFor(e));
        reload();
        return false;
    }
    reload();
    setNotice(tr("The consent is revoked. Nothing it covered can be shared any more."));
    return true;
}

bool RevocationController::markRemoved(const QString &postId, const QString &removedDate,
                                       const QString &evidencePhotoId, const QString &note) {
    clearMessages();
    auto *core = m_host.core();
    if (!core) {
        setError(tr("The vault is locked."));
        return false;
    }
    QString problem;
    const auto removed = parseWhen(removedDate, {}, m_host.now(), &problem);
    if (!removed) {
        setError(problem);
        return false;
    }
    try {
        core->revocations().markRemoved(postId, *removed, evidencePhotoId, note.trimmed());
    } catch (const std::exception &e) {
        setError(messageFor(e));
        reloadImpact();
        return false;
    }
    reloadImpact();
    setNotice(tr("The post is marked as taken down."));
    return true;
}

void RevocationController::giveReceipt(const QUrl &folder) {
    if (busy())
        return;
    clearMessages();
    if (!m_host.isOpen()) {
        setError(tr("The vault is locked."));
        return;
    }
    if (!m_revoked) {
        setError(tr("Record the revocation first: the receipt is for a revoked consent."));
        return;
    }
    const bool toFolder = m_shareSheet.needsFolder();
    const QString folderPath = toFolder && folder.isLocalFile() ? folder.toLocalFile() : QString();
    if (toFolder && folderPath.isEmpty()) {
        setError(tr("Choose a folder to save the receipt in."));
        return;
    }
    try {
        services::RevocationReceiptService receipts(m_host.vault(), m_host.templates(), m_renderer);
        const crypto::SecretBytes pdf = receipts.render(m_consentId);
        // Logged before the hand-over: once the sheet has it, it has left the vault.
        receipts.recordExport(m_consentId,
                              toFolder ? QStringLiteral("folder") : QStringLiteral("share_sheet"),
                              crypto::view(pdf));
        m_pending = QByteArray(reinterpret_cast<const char *>(pdf.data()), qsizetype(pdf.size()));
    } catch (const std::exception &e) {
        setError(messageFor(e));
        return;
    }
    m_request = m_shareSheet.share(services::RevocationReceiptService::fileNameFor(m_consentId),
                                   m_pending, QStringLiteral("application/pdf"), folderPath);
    emit busyChanged();
}

void RevocationController::onShareFinished(int request, Outcome outcome, const QString &location,
                                           const QString & /*detail*/) {
    if (request == 0 || request != m_request)
        return; // another part of the app's share
    m_request = 0;
    wipePending();
    emit busyChanged();
    switch (outcome) {
    case Outcome::Shared:
        if (!location.isEmpty())
            setNotice(tr("Receipt saved to %1").arg(QDir::toNativeSeparators(location)));
        else
            setNotice(tr("Receipt shared."));
        return;
    case Outcome::Cancelled:
        setNotice(tr("Sharing was cancelled. You can give the receipt again at any time."));
        return;
    case Outcome::FolderUnavailable:
        setError(tr("The receipt could not be saved in that folder. Choose another folder."));
        return;
    case Outcome::NoSpace:
        setError(tr("There is not enough space to save the receipt."));
        return;
    case Outcome::Busy:
        setError(tr("Another file is still being shared. Try again in a moment."));
        return;
    case Outcome::Failed:
        break;
    }
    setError(tr("The receipt could not be saved or shared."));
}

void RevocationController::clearMessages() {
    setError({});
    setNotice({});
}

QString RevocationController::messageFor(const std::exception &error) {
    if (const auto *service = dynamic_cast<const services::ServiceError *>(&error)) {
        using Kind = services::ServiceError::Kind;
        switch (service->kind()) {
        case Kind::NotFound:
            return tr("That consent or post is no longer in the vault.");
        case Kind::Invalid:
            return tr("The vault can't accept this. Check the date and the photo, then try "
                      "again.");
        case Kind::Refused:
            return tr("This consent's record does not verify, so no receipt can be made from "
                      "it.");
        case Kind::Conflict:
            return tr("This was already recorded: a revocation is final, and a post is taken "
                      "down only once.");
        case Kind::Image:
            return tr("This file is not a photo the app accepts (JPEG or PNG).");
        case Kind::Storage:
            return tr("The vault could not be read or written. Nothing was changed.");
        case Kind::ReadOnly:
            return tr("This vault is open for inspection only.");
        }
    }
    if (dynamic_cast<const services::VaultException *>(&error))
        return tr("The vault is locked.");
    return tr("Something went wrong. Nothing was changed.");
}

void RevocationController::reload() {
    auto *core = m_host.core();
    if (!core || m_consentId.isEmpty())
        return;
    try {
        const auto consent = core->consents().find(m_consentId);
        if (!consent) {
            clearAll();
            setError(tr("That consent is not in the vault."));
            return;
        }
        const auto status = core->consents().status(*consent, m_host.now());
        m_patientId = consent->patientId;
        const auto patient = core->library().patient(consent->patientId);
        m_patientName = patient ? patient->displayName : QString();
        m_status = ConsentBadges::code(status);
        m_statusText = ConsentBadges::label(status);
        m_sealedAt = shortDateTime(consent->sealedAt);

        QList<QVariantMap> items;
        try {
            const auto record = domain::parseSealedRecord(consent->record);
            m_signerName = record.signer.name;
            m_signerRoleText = VocabularyLabels::signerRoleLabel(record.signer.role);
            if (record.signer.isRepresentative() && !record.signer.relationship.isEmpty())
                m_signerRoleText =
                    tr("%1 (%2)").arg(m_signerRoleText, record.signer.relationship.simplified());
            m_expiryText =
                record.expiry.kind == domain::Expiry::Kind::Date
                    ? tr("Until %1").arg(shortDate(record.expiry.date))
                    : tr("Until %1, and no later than %2")
                          .arg(record.expiry.event.simplified(), shortDate(record.expiry.date));
            m_languageText = languageName(record.language);
            m_platformsText = labels(VocabularyLabels::Kind::Platform, record.platforms);
            m_audiencesText = labels(VocabularyLabels::Kind::Audience, record.audiences);
            m_purposesText = labels(VocabularyLabels::Kind::Purpose, record.purposes);
            m_identifiabilityText = record.identifiable
                                        ? tr("May show who the patient is")
                                        : tr("Only with everything that identifies the patient "
                                             "hidden");
            for (const auto &item : record.items) {
                const bool photo = item.kind == domain::ItemKind::Photo;
                const bool present = photo && core->library().photo(item.id).has_value();
                items.append(
                    {{QStringLiteral("itemId"), item.id},
                     {QStringLiteral("kind"), domain::toString(item.kind)},
                     {QStringLiteral("description"), item.description},
                     {QStringLiteral("source"),
                      present ? QStringLiteral("image://vault/thumb/") + item.id : QString()}});
            }
        } catch (const domain::RecordError &) {
            // The status says Invalid; the page still shows that the consent exists.
            m_signerName.clear();
            m_signerRoleText.clear();
            m_expiryText.clear();
            m_languageText.clear();
            m_platformsText.clear();
            m_audiencesText.clear();
            m_purposesText.clear();
            m_identifiabilityText.clear();
        }
        m_items.setRows(std::move(items));

        const auto revocation = core->consents().revocationOf(m_consentId);
        m_revoked = revocation.has_value();
        m_revokedReceivedAt = revocation ? shortDateTime(revocation->receivedAt) : QString();
        m_revokedRecordedAt = revocation ? shortDateTime(revocation->recordedAt) : QString();
        m_revokedMethod = revocation ? revocation->method : QString();
        m_revokedMethodText =
            revocation ? VocabularyLabels::revocationMethodLabel(revocation->method) : QString();
        m_revokedNote = revocation ? revocation->note : QString();
        emit consentChanged();
        reloadImpact();
    } catch (const std::exception &e) {
        setError(messageFor(e));
    }
}

void RevocationController::reloadImpact() {
    auto *core = m_host.core();
    if (!core)
        return;
    try {
        QList<QVariantMap> drafts;
        QList<QVariantMap> posts;
        if (!m_consentId.isEmpty() && m_revoked) {
            const auto impact = core->revocations().impactOf(m_consentId);
            for (const QString &draftId : impact.blockedDrafts) {
                const auto draft = core->posts().draft(draftId);
                if (!draft)
                    continue;
                drafts.append({{QStringLiteral("draftId"), draft->id},
                               {QStringLiteral("preview"), preview(draft->text)},
                               {QStringLiteral("targetText"), targetText(draft->target)},
                               {QStringLiteral("updatedAt"), shortDateTime(draft->updatedAt)}});
            }
            for (const QString &postId : impact.postsNeedingTakedown) {
                const auto post = core->posts().post(postId);
                if (!post)
                    continue;
                posts.append({{QStringLiteral("postId"), post->id},
                              {QStringLiteral("platform"), post->target.platform},
                              {QStringLiteral("platformText"),
                               VocabularyLabels::platformLabel(post->target.platform)},
                              {QStringLiteral("url"), post->url},
                              {QStringLiteral("postedAt"), shortDateTime(post->postedAt)},
                              {QStringLiteral("takedownRequiredAt"),
                               shortDateTime(post->takedownRequiredAt)},
                              {QStringLiteral("preview"), preview(post->text)}});
            }
        }
        m_blockedDrafts.setRows(std::move(drafts));
        m_takedowns.setRows(std::move(posts));
        const int count = int(core->revocations().takedownCount());
        if (count != m_takedownCount) {
            m_takedownCount = count;
            emit takedownCountChanged();
        }
    } catch (const std::exception &e) {
        setError(messageFor(e));
    }
}

void RevocationController::clearAll() {
    m_items.clear();
    m_blockedDrafts.clear();
    m_takedowns.clear();
    m_consentId.clear();
    m_patientId.clear();
    m_patientName.clear();
    m_status.clear();
    m_statusText.clear();
    m_signerName.clear();
    m_signerRoleText.clear();
    m_sealedAt.clear();
    m_expiryText.clear();
    m_languageText.clear();
    m_platformsText.clear();
    m_audiencesText.clear();
    m_purposesText.clear();
    m_identifiabilityText.clear();
    m_revoked = false;
    m_revokedReceivedAt.clear();
    m_revokedRecordedAt.clear();
    m_revokedMethod.clear();
    m_revokedMethodText.clear();
    m_revokedNote.clear();
    emit consentChanged();
    if (m_takedownCount != 0) {
        m_takedownCount = 0;
        emit takedownCountChanged();
    }
    clearMessages();
}

void RevocationController::setError(const QString &message) {
    if (m_errorMessage == message)
        return;
    m_errorMessage = message;
    emit errorMessageChanged();
}

void RevocationController::setNotice(const QString &message) {
    if (m_noticeMessage == message)
        return;
    m_noticeMessage = message;
    emit noticeMessageChanged();
}

void RevocationController::wipePending() {
    // Through constData(): data() would detach and wipe a fresh copy instead of the
    // buffer the share sheet shares.
    crypto::wipe(const_cast<char *>(m_pending.constData()), std::size_t(m_pending.size()));
    m_pending = QByteArray();
}

} // namespace cc::ui
