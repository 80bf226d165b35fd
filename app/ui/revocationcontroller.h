#pragma once

#include "platform/sharesheet.h"
#include "services/serviceerror.h"
#include "ui/rowsmodel.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QVariantList>

#include <exception>
#include <optional>

namespace cc::services {
class RevocationReceiptRenderer;
}

namespace cc::ui {

class CoreHost;

// One consent of the open patient and its revocation (DESIGN §2.7): what the consent is
// (its standing, signer, dates, scope and items), recording a revocation — signed in
// person on the device, a written letter photographed, or another way with a note — and
// its impact: the drafts it blocks and the published posts waiting to be taken down, each
// marked removed with the date and optional evidence until none is left. The patient's
// receipt of the revocation is a PDF handed to the platform's share sheet (on desktop,
// saved into a folder), its export logged before the hand-over; `busy` while the sheet has
// it, the receipt's plaintext living only in memory until then.
//
// Everything is read from the vault on load() and dropped when the vault locks. Errors
// are classified and translated here; QML shows errorMessage and noticeMessage.
class RevocationController final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RevocationController)

    Q_PROPERTY(QString consentId READ consentId NOTIFY consentChanged)
    Q_PROPERTY(QString patientId READ patientId NOTIFY consentChanged)
    Q_PROPERTY(QString patientName READ patientName NOTIFY consentChanged)
    // ConsentBadges::code and label.
    Q_PROPERTY(QString status READ status NOTIFY consentChanged)
    Q_PROPERTY(QString statusText READ statusText NOTIFY consentChanged)
    Q_PROPERTY(QString signerName READ signerName NOTIFY consentChanged)
    Q_PROPERTY(QString signerRoleText READ signerRoleText NOTIFY consentChanged)
    Q_PROPERTY(QString sealedAt READ sealedAt NOTIFY consentChanged)
    // "Until 5 March 2027", or the expiry event and its latest date.
    Q_PROPERTY(QString expiryText READ expiryText NOTIFY consentChanged)
    Q_PROPERTY(QString languageText READ languageText NOTIFY consentChanged)
    Q_PROPERTY(QString platformsText READ platformsText NOTIFY consentChanged)
    Q_PROPERTY(QString audiencesText READ audiencesText NOTIFY consentChanged)
    Q_PROPERTY(QString purposesText READ purposesText NOTIFY consentChanged)
    Q_PROPERTY(QString identifiabilityText READ identifiabilityText NOTIFY consentChanged)
    // itemId, kind ("photo", "story"), description, source (thumbnail URL; empty for a
    // story or a photo no longer in the vault).
    Q_PROPERTY(cc::ui::RowsModel *items READ items CONSTANT)

    Q_PROPERTY(bool revoked READ revoked NOTIFY consentChanged)
    Q_PROPERTY(QString revokedReceivedAt READ revokedReceivedAt NOTIFY consentChanged)
    Q_PROPERTY(QString revokedRecordedAt READ revokedRecordedAt NOTIFY consentChanged)
    Q_PROPERTY(QString revokedMethod READ revokedMethod NOTIFY consentChanged)
    Q_PROPERTY(QString revokedMethodText READ revokedMethodText NOTIFY consentChanged)
    Q_PROPERTY(QString revokedNote READ revokedNote NOTIFY consentChanged)

    // The revocation's impact: draftId, preview, targetText, updatedAt.
    Q_PROPERTY(cc::ui::RowsModel *blockedDrafts READ blockedDrafts CONSTANT)
    // postId, platform, platformText, url, postedAt, takedownRequiredAt, preview.
    Q_PROPERTY(cc::ui::RowsModel *takedowns READ takedowns CONSTANT)
    // Posts awaiting takedown in the whole vault.
    Q_PROPERTY(int takedownCount READ takedownCount NOTIFY takedownCountChanged)

    // A receipt is with the share sheet.
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    // Whether giveReceipt() needs a folder (desktop): QML asks for one with a FolderDialog.
    Q_PROPERTY(bool needsFolder READ needsFolder CONSTANT)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
    Q_PROPERTY(QString noticeMessage READ noticeMessage NOTIFY noticeMessageChanged)

public:
    RevocationController(CoreHost &host, services::RevocationReceiptRenderer &renderer,
                         platform::ShareSheet &shareSheet, QObject *parent = nullptr);
    ~RevocationController() override;

    [[nodiscard]] QString consentId() const { return m_consentId; }
    [[nodiscard]] QString patientId() const { return m_patientId; }
    [[nodiscard]] QString patientName() const { return m_patientName; }
    [[nodiscard]] QString status() const { return m_status; }
    [[nodiscard]] QString statusText() const { return m_statusText; }
    [[nodiscard]] QString signerName() const { return m_signerName; }
    [[nodiscard]] QString signerRoleText() const { return m_signerRoleText; }
    [[nodiscard]] QString sealedAt() const { return m_sealedAt; }
    [[nodiscard]] QString expiryText() const { return m_expiryText; }
    [[nodiscard]] QString languageText() const { return m_languageText; }
    [[nodiscard]] QString platformsText() const { return m_platformsText; }
    [[nodiscard]] QString audiencesText() const { return m_audiencesText; }
    [[nodiscard]] QString purposesText() const { return m_purposesText; }
    [[nodiscard]] QString identifiabilityText() const { return m_identifiabilityText; }
    [[nodiscard]] RowsModel *items() { return &m_items; }
    [[nodiscard]] bool revoked() const { return m_revoked; }
    [[nodiscard]] QString revokedReceivedAt() const { return m_revokedReceivedAt; }
    [[nodiscard]] QString revokedRecordedAt() const { return m_revokedRecordedAt; }
    [[nodiscard]] QString revokedMethod() const { return m_revokedMethod; }
    [[nodiscard]] QString revokedMethodText() const { return m_revokedMethodText; }
    [[nodiscard]] QString revokedNote() const { return m_revokedNote; }
    [[nodiscard]] RowsModel *blockedDrafts() { return &m_blockedDrafts; }
    [[nodiscard]] RowsModel *takedowns() { return &m_takedowns; }
    [[nodiscard]] int takedownCount() const { return m_takedownCount; }
    [[nodiscard]] bool busy() const { return m_request != 0; }
    [[nodiscard]] bool needsFolder() const;
    [[nodiscard]] QString errorMessage() const { return m_errorMessage; }
    [[nodiscard]] QString noticeMessage() const { return m_noticeMessage; }

    // Makes consentId the consent shown and reads it, its revocation and impact. False
    // with errorMessage for a consent that is not in the vault.
    Q_INVOKABLE bool load(const QString &consentId);
    // Reads the shown consent again (after a takedown elsewhere, a share, ...).
    Q_INVOKABLE void refresh();

    // Today and the time now, as the revocation form's fields want them ("2027-03-05",
    // "14:30", local time): the defaults for when a revocation was received.
    Q_INVOKABLE [[nodiscard]] QString today() const;
    Q_INVOKABLE [[nodiscard]] QString timeNow() const;
    // The translated reason a drawing on the pad is not a signature; empty when it is one.
    // strokes as SignaturePad gives them.
    Q_INVOKABLE [[nodiscard]] QString signatureProblem(const QVariantList &strokes, int padWidth,
                                                       int padHeight) const;

    // Records the revocation of the shown consent. method: "signed_on_device" (strokes on a
    // padWidth x padHeight pad, the patient's signature), "written_letter" (evidencePhotoId:
    // the letter, photographed and stored for this patient as revocation evidence) or
    // "other" (note required). receivedDate "YYYY-MM-DD" and receivedTime "HH:mm" (local
    // time) say when it was received: not in the future; an empty date means now, an empty
    // time now for today and noon for an earlier day. True once recorded (the consent and
    // its impact are read again); false with errorMessage otherwise.
    Q_INVOKABLE bool revoke(const QString &method, const QString &receivedDate,
                            const QString &receivedTime, const QString &note,
                            const QString &evidencePhotoId, const QVariantList &strokes,
                            int padWidth, int padHeight);
    // Marks a post awaiting takedown as removed on removedDate ("YYYY-MM-DD", not in the
    // future; empty: now), with an optional photo of the evidence (stored for this patient
    // as takedown evidence) and note. The post leaves `takedowns`.
    Q_INVOKABLE bool markRemoved(const QString &postId, const QString &removedDate,
                                 const QString &evidencePhotoId, const QString &note);
    // Renders the receipt of the shown consent's revocation, logs its export and hands it
    // to the share sheet as "revocation-<first 8 hex digits of the id>.pdf". folder as
    // ConsentCopy's. Ignored while busy.
    Q_INVOKABLE void giveReceipt(const QUrl &folder);
    Q_INVOKABLE void clearMessages();

    // When a form's date and time fields say, in UTC: nullopt with *problem set
    // (translated) for text that is not a date or time, or a moment after now.
    [[nodiscard]] static std::optional<QDateTime>
    parseWhen(const QString &date, const QString &time, const QDateTime &now, QString *problem);
    // The translated message for a failed revocation, takedown or receipt.
    [[nodiscard]] static QString messageFor(const std::exception &error);

signals:
    void consentChanged();
    void takedownCountChanged();
    void busyChanged();
    void errorMessageChanged();
    void noticeMessageChanged();

private:
    void reload();
    void reloadImpact();
    void clearAll();
    void onShareFinished(int request, platform::ShareSheet::Outcome outcome,
                         const QString &location, const QString &detail);
    void setError(const QString &message);
    void setNotice(const QString &message);
    void wipePending();

    CoreHost &m_host;
    services::RevocationReceiptRenderer &m_renderer;
    platform::ShareSheet &m_shareSheet;
    RowsModel m_items;
    RowsModel m_blockedDrafts;
    RowsModel m_takedowns;
    QString m_consentId;
    QString m_patientId;
    QString m_patientName;
    QString m_status;
    QString m_statusText;
    QString m_signerName;
    QString m_signerRoleText;
    QString m_sealedAt;
    QString m_expiryText;
    QString m_languageText;
    QString m_platformsText;
    QString m_audiencesText;
    QString m_purposesText;
    QString m_identifiabilityText;
    bool m_revoked = false;
    QString m_revokedReceivedAt;
    QString m_revokedRecordedAt;
    QString m_revokedMethod;
    QString m_revokedMethodText;
    QString m_revokedNote;
    int m_takedownCount = 0;
    int m_request = 0; // the receipt's share in flight, 0 when none
    QByteArray m_pending;
    QString m_errorMessage;
    QString m_noticeMessage;
};

} // namespace cc::ui
