#pragma once

#include "domain/prepostchecks.h"
#include "platform/sharesheet.h"
#include "ui/rowsmodel.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QUrl>

#include <exception>
#include <functional>
#include <vector>

namespace cc::services {
class PostService;
}

namespace cc::ui {

class CoreHost;

// Drafts, sharing and the post ledger (DESIGN §2.5, §2.6). One draft is open at a time in
// the editor: its text and target (platform, audience, purpose), its attached items with
// the gate's decision for that target, the picker of every item in the vault with its
// decision, and the pre-post checks. Every change is saved at once and re-evaluated: an
// attached item that the new target blocks is marked, and a blocked item can't be
// attached.
//
// share(): each item goes through the exporter (the gate again, then a fresh JPEG or the
// story's text), the post is recorded in the transaction that checks the gate a last time,
// and then the files go to the platform's share sheet one after another (on desktop into
// the folder the user picked). The post is recorded before the hand-over because from then
// on the files are outside the vault. Exported bytes live in memory only while the sheet
// has them and are wiped when it finishes.
class PostsController final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PostsController)

    // draftId, preview, targetText, itemCount, blockedCount, updatedAt.
    Q_PROPERTY(cc::ui::RowsModel *drafts READ drafts CONSTANT)
    // postId, preview, targetText, platform, postedAt, url, status ("published",
    // "takedown_required", "removed"), statusText, itemCount.
    Q_PROPERTY(cc::ui::RowsModel *posts READ posts CONSTANT)
    // Posts flagged for takedown after a revocation, until each is marked removed.
    Q_PROPERTY(int takedownCount READ takedownCount NOTIFY countsChanged)

    Q_PROPERTY(QString draftId READ draftId NOTIFY draftChanged)
    Q_PROPERTY(QString text READ text NOTIFY draftChanged)
    Q_PROPERTY(QString platform READ platform NOTIFY draftChanged)
    Q_PROPERTY(QString audience READ audience NOTIFY draftChanged)
    Q_PROPERTY(QString purpose READ purpose NOTIFY draftChanged)
    Q_PROPERTY(bool targetComplete READ targetComplete NOTIFY draftChanged)
    // "Instagram · Public · Education", the parts chosen so far.
    Q_PROPERTY(QString targetText READ targetText NOTIFY draftChanged)
    // The open draft's items: itemId, kind ("photo", "story"), label, patientName, source
    // (thumbnail URL, empty for a story), allowed, reasonText (why it is blocked).
    Q_PROPERTY(cc::ui::RowsModel *items READ items CONSTANT)
    // Attached items the target blocks.
    Q_PROPERTY(int blockedCount READ blockedCount NOTIFY draftChanged)
    // Every photo and story of the patients matching pickerSearch, with the decision for
    // the open draft's target: the item roles above and attached.
    Q_PROPERTY(cc::ui::RowsModel *picker READ picker CONSTANT)
    Q_PROPERTY(
        QString pickerSearch READ pickerSearch WRITE setPickerSearch NOTIFY pickerSearchChanged)
    // kind, severity ("blocking", "warning", "suggestion"), severityText, message,
    // suggestion, start, length (the span in text, start -1 without one), itemId.
    Q_PROPERTY(cc::ui::RowsModel *checks READ checks CONSTANT)
    // A complete target, at least one item, none blocked and no blocking check.
    Q_PROPERTY(bool canShare READ canShare NOTIFY draftChanged)

    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(bool needsFolder READ needsFolder CONSTANT)
    // Where needsFolder: the folder the post's files were last saved in (a local file URL),
    // offered again until the vault locks; empty until one is chosen.
    Q_PROPERTY(QUrl folder READ folder WRITE setFolder NOTIFY folderChanged)
    // The folder as a local path to show, empty until one is chosen.
    Q_PROPERTY(QString folderPath READ folderPath NOTIFY folderChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
    Q_PROPERTY(QString noticeMessage READ noticeMessage NOTIFY noticeMessageChanged)

public:
    PostsController(CoreHost &host, platform::ShareSheet &shareSheet, QObject *parent = nullptr);
    ~PostsController() override;

    [[nodiscard]] RowsModel *drafts() { return &m_drafts; }
    [[nodiscard]] RowsModel *posts() { return &m_posts; }
    [[nodiscard]] int takedownCount() const { return m_takedownCount; }
    [[nodiscard]] QString draftId() const { return m_draftId; }
    [[nodiscard]] QString text() const { return m_text; }
    [[nodiscard]] QString platform() const { return m_target.platform; }
    [[nodiscard]] QString audience() const { return m_target.audience; }
    [[nodiscard]] QString purpose() const { return m_target.purpose; }
    [[nodiscard]] bool targetComplete() const;
    [[nodiscard]] QString targetText() const;
    [[nodiscard]] RowsModel *items() { return &m_items; }
    [[nodiscard]] int blockedCount() const { return m_blockedCount; }
    [[nodiscard]] RowsModel *picker() { return &m_picker; }
    [[nodiscard]] QString pickerSearch() const { return m_pickerSearch; }
    void setPickerSearch(const QString &search);
    [[nodiscard]] RowsModel *checks() { return &m_checks; }
    [[nodiscard]] bool canShare() const { return m_canShare; }
    [[nodiscard]] bool busy() const { return m_request != 0; }
    [[nodiscard]] bool needsFolder() const;
    [[nodiscard]] QUrl folder() const { return m_folderUrl; }
    void setFolder(const QUrl &folder);
    [[nodiscard]] QString folderPath() const;
    [[nodiscard]] QString errorMessage() const { return m_errorMessage; }
    [[nodiscard]] QString noticeMessage() const { return m_noticeMessage; }

    // Reloads the drafts, the posts and the takedown count (and the open draft).
    Q_INVOKABLE void refresh();
    // A new, empty draft, opened. Returns its id (empty with errorMessage on failure).
    Q_INVOKABLE QString newDraft();
    Q_INVOKABLE bool openDraft(const QString &draftId);
    Q_INVOKABLE void closeDraft();
    // Saves the open draft's text and target and re-evaluates everything. Codes may be
    // empty until chosen.
    Q_INVOKABLE bool saveDraft(const QString &text, const QString &platform,
                               const QString &audience, const QString &purpose);
    // False with errorMessage (the gate's reason) when the item is blocked for the target.
    Q_INVOKABLE bool attach(const QString &itemId);
    Q_INVOKABLE bool detach(const QString &itemId);
    Q_INVOKABLE bool discardDraft();
    // The open draft's text with a line appended: "education" (general education, not
    // medical advice) or "sponsorship" (#ad), in the app's language; saved at once.
    Q_INVOKABLE bool appendLine(const QString &which);
    // Shares the open draft. folder: a local file URL where needsFolder. Ignored while busy.
    Q_INVOKABLE void share(const QUrl &folder);
    // The public address of a recorded post, once known (https://…).
    Q_INVOKABLE bool setPostUrl(const QString &postId, const QString &url);
    Q_INVOKABLE void clearMessages();

    [[nodiscard]] static QString messageFor(const std::exception &error);

signals:
    void countsChanged();
    void draftChanged();
    void pickerSearchChanged();
    void busyChanged();
    void folderChanged();
    void errorMessageChanged();
    void noticeMessageChanged();
    // A post was recorded and its files are on their way to the share sheet.
    void shared(const QString &postId);

private:
    struct Pending {
        QString fileName;
        QString mimeType;
        QByteArray bytes;
    };

    // Runs a change of the open draft, then reloads it and the lists; false with
    // errorMessage when the change throws.
    bool changeDraft(const std::function<void(services::PostService &)> &change);
    void reloadLists();
    void reloadDraft();
    void reloadPicker();
    void clearAll();
    void shareNext();
    void onShareFinished(int request, platform::ShareSheet::Outcome outcome,
                         const QString &location, const QString &detail);
    void wipePending();
    void setError(const QString &message);
    void setNotice(const QString &message);
    [[nodiscard]] QVariantMap itemRow(const QString &itemId, const domain::GateDecision &decision);

    CoreHost &m_host;
    platform::ShareSheet &m_shareSheet;
    RowsModel m_drafts;
    RowsModel m_posts;
    RowsModel m_items;
    RowsModel m_picker;
    RowsModel m_checks;
    int m_takedownCount = 0;
    QString m_draftId;
    QString m_text;
    domain::GateTarget m_target;
    QStringList m_itemIds;
    int m_blockedCount = 0;
    bool m_canShare = false;
    QString m_pickerSearch;
    QString m_errorMessage;
    QString m_noticeMessage;

    // The share in flight: the files still to hand over, where to, how many went.
    std::vector<Pending> m_pending;
    QString m_folder;
    QUrl m_folderUrl;
    QString m_sharedPostId;
    QStringList m_locations;
    int m_request = 0;
};

} // namespace cc::ui
