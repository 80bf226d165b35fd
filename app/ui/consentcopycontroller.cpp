#include "ui/consentcopycontroller.h"

#include "crypto/bytes.h"
#include "services/consentcopyservice.h"
#include "ui/corehost.h"

#include <QDir>

namespace cc::ui {

using Outcome = platform::ShareSheet::Outcome;

ConsentCopyController::ConsentCopyController(CoreHost &host,
                                             services::ConsentDocumentRenderer &renderer,
                                             platform::ShareSheet &shareSheet, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_renderer(renderer)
    , m_shareSheet(shareSheet) {
    connect(&m_shareSheet, &platform::ShareSheet::finished, this,
            &ConsentCopyController::onShareFinished);
    // Nothing read from the vault outlives the lock: a copy waiting for the sheet stays
    // with the sheet (it may share the buffer) and is wiped when it finishes.
    connect(&m_host, &CoreHost::closing, this, &ConsentCopyController::clearMessages);
}

ConsentCopyController::~ConsentCopyController() {
    wipePending();
}

bool ConsentCopyController::needsFolder() const {
    return m_shareSheet.needsFolder();
}

QString ConsentCopyController::fileNameFor(const QString &consentId) {
    const QString digits = consentId.section(QLatin1Char('_'), 1).left(8);
    return QStringLiteral("consent-%1.pdf").arg(digits.isEmpty() ? QStringLiteral("copy") : digits);
}

QString ConsentCopyController::messageFor(services::ServiceError::Kind kind) {
    using Kind = services::ServiceError::Kind;
    switch (kind) {
    case Kind::NotFound:
        return tr("That consent is not in the vault.");
    case Kind::Refused:
        return tr("This consent's record does not verify, so no copy can be made from it.");
    case Kind::Image:
        return tr("A photo this consent covers could not be read.");
    case Kind::Storage:
        return tr("The device's storage could not be read or written.");
    case Kind::ReadOnly:
        return tr("The vault is open for inspection only.");
    case Kind::Invalid:
    case Kind::Conflict:
        break;
    }
    return tr("The copy could not be made.");
}

void ConsentCopyController::giveCopy(const QString &consentId, const QUrl &folder) {
    if (busy())
        return;
    clearMessages();
    if (!m_host.isOpen()) {
        setError(tr("The vault is locked."));
        return;
    }
    const bool toFolder = m_shareSheet.needsFolder();
    const QString folderPath = toFolder && folder.isLocalFile() ? folder.toLocalFile() : QString();
    if (toFolder && folderPath.isEmpty()) {
        setError(tr("Choose a folder to save the copy in."));
        return;
    }
    try {
        services::ConsentCopyService copies(m_host.vault(), m_host.codec(), m_renderer,
                                            m_host.templates());
        (void)copies.makeCopy(consentId);
        const crypto::SecretBytes bytes = copies.copyBytes(consentId);
        // Logged before the hand-over: once the sheet has it, it has left the vault.
        copies.recordExport(consentId,
                            toFolder ? QStringLiteral("folder") : QStringLiteral("share_sheet"));
        m_pending =
            QByteArray(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size()));
    } catch (const services::ServiceError &error) {
        setError(messageFor(error.kind()));
        return;
    } catch (const std::exception &) {
        setError(tr("The copy could not be made."));
        return;
    }
    m_request = m_shareSheet.share(fileNameFor(consentId), m_pending,
                                   QStringLiteral("application/pdf"), folderPath);
    emit busyChanged();
}

void ConsentCopyController::onShareFinished(int request, Outcome outcome, const QString &location,
                                            const QString & /*detail*/) {
    if (request == 0 || request != m_request)
        return; // another part of the app's share
    m_request = 0;
    wipePending();
    emit busyChanged();
    switch (outcome) {
    case Outcome::Shared:
        if (!location.isEmpty())
            setNotice(tr("Copy saved to %1").arg(QDir::toNativeSeparators(location)));
        else
            setNotice(tr("Copy shared."));
        return;
    case Outcome::Cancelled:
        setNotice(tr("Sharing was cancelled. The copy stays in the vault."));
        return;
    case Outcome::FolderUnavailable:
        setError(tr("The copy could not be saved in that folder. Choose another folder."));
        return;
    case Outcome::NoSpace:
        setError(tr("There is not enough space to save the copy."));
        return;
    case Outcome::Busy:
        setError(tr("Another file is still being shared. Try again in a moment."));
        return;
    case Outcome::Failed:
        break;
    }
    setError(tr("The copy could not be saved or shared."));
}

void ConsentCopyController::clearMessages() {
    setError({});
    setNotice({});
}

void ConsentCopyController::setError(const QString &message) {
    if (m_errorMessage == message)
        return;
    m_errorMessage = message;
    emit errorMessageChanged();
}

void ConsentCopyController::setNotice(const QString &message) {
    if (m_noticeMessage == message)
        return;
    m_noticeMessage = message;
    emit noticeMessageChanged();
}

void ConsentCopyController::wipePending() {
    // Through constData(): data() would detach and wipe a fresh copy instead of the
    // buffer the share sheet shares.
    crypto::wipe(const_cast<char *>(m_pending.constData()), std::size_t(m_pending.size()));
    m_pending = QByteArray();
}

} // namespace cc::ui
