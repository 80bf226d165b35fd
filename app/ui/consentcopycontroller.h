#pragma once

#include "platform/sharesheet.h"
#include "services/serviceerror.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QUrl>

namespace cc::services {
class ConsentDocumentRenderer;
}

namespace cc::ui {

class CoreHost;

// Gives the signer their copy of a sealed consent (DESIGN §2.3.8): makes the PDF if the
// consent has none yet (ConsentCopyService), logs the export, and hands it to the
// platform's share sheet as "consent-<first 8 hex digits of the id>.pdf". On desktop the
// user picks a folder first (`needsFolder`); on a phone the OS sheet picks the app.
// `busy` from giveCopy() until the sheet finishes; the outcome lands in noticeMessage
// ("Copy saved to …") or errorMessage, translated here. The PDF's plaintext lives only in
// memory while the sheet has it and is wiped when it finishes.
class ConsentCopyController final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsentCopyController)

    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
    Q_PROPERTY(QString noticeMessage READ noticeMessage NOTIFY noticeMessageChanged)
    // Whether giveCopy() needs a folder (desktop): QML asks for one with a FolderDialog.
    Q_PROPERTY(bool needsFolder READ needsFolder CONSTANT)

public:
    ConsentCopyController(CoreHost &host, services::ConsentDocumentRenderer &renderer,
                          platform::ShareSheet &shareSheet, QObject *parent = nullptr);
    ~ConsentCopyController() override;

    [[nodiscard]] bool busy() const { return m_request != 0; }
    [[nodiscard]] QString errorMessage() const { return m_errorMessage; }
    [[nodiscard]] QString noticeMessage() const { return m_noticeMessage; }
    [[nodiscard]] bool needsFolder() const;

    // Makes the consent's copy if needed and shares it. folder: a local file URL (from a
    // FolderDialog) where needsFolder, ignored otherwise. Ignored while busy.
    Q_INVOKABLE void giveCopy(const QString &consentId, const QUrl &folder);
    Q_INVOKABLE void clearMessages();

    // "consent-1a2b3c4d.pdf" for "con_1a2b3c4d…".
    [[nodiscard]] static QString fileNameFor(const QString &consentId);
    // The translated message for a failed use case.
    [[nodiscard]] static QString messageFor(services::ServiceError::Kind kind);

signals:
    void busyChanged();
    void errorMessageChanged();
    void noticeMessageChanged();

private:
    void onShareFinished(int request, platform::ShareSheet::Outcome outcome,
                         const QString &location, const QString &detail);
    void setError(const QString &message);
    void setNotice(const QString &message);
    void wipePending();

    CoreHost &m_host;
    services::ConsentDocumentRenderer &m_renderer;
    platform::ShareSheet &m_shareSheet;
    int m_request = 0; // the share in flight, 0 when none
    // The PDF handed to the sheet, which may share this buffer until it finishes.
    QByteArray m_pending;
    QString m_errorMessage;
    QString m_noticeMessage;
};

} // namespace cc::ui
