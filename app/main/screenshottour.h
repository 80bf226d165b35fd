#pragma once

// Test hook, compiled only when CONSENTCAM_TEST_HOOKS is defined (never in Release).

#include <QEvent>
#include <QPointF>
#include <QString>

#include <functional>

class QQuickItem;
class QQuickWindow;

namespace cc::domain {
struct SignatureStrokes;
}
namespace cc::ui {
class AppController;
class CoreHost;
class PostsController;
} // namespace cc::ui

namespace cc::app {

// Drives the real window through a fresh vault: create, home, settings (the clinician
// profile filled in and saved, the practice policy), lock, a wrong passcode, the back-off,
// unlock; then a whole exam-room session: add a patient, take a photo with the (injected)
// camera, write a story, choose them for a consent, and in patient mode go through every
// step of the wizard in wizardLanguage — signing and the witness's signature drawn on the
// pads — until the clinician countersigns; the sealed record is then checked through the
// core. Types, clicks and draws as a user would, and saves each screen as
// <directory>/<screen>-<language>.png (nothing is saved when directory is empty: the
// end-to-end test).
class ScreenshotTour final {
public:
    using AdvanceClock = std::function<void(qint64 seconds)>;

    ScreenshotTour(QQuickWindow &window, ui::AppController &controller, ui::CoreHost &host,
                   ui::PostsController &posts, QString directory, QString language,
                   QString wizardLanguage, AdvanceClock advanceClock);

    // Returns the process exit code: 0 when every step worked and every file was saved.
    [[nodiscard]] int run();

    // The gallery benchmark on an existing vault: unlocks it with passcode, opens the
    // patient with the most photos from the patient list, and scrolls the whole gallery
    // half a screen per frame, then prints "gallery photos=<n> steps=<n> seconds=<s>
    // peak_rss_mib=<MiB> unlock_peak_rss_mib=<MiB>" on standard output: the peak resident
    // size from opening the patient list to the end, and before it, the unlock's. Returns
    // the process exit code.
    [[nodiscard]] int scrollGallery(const QString &passcode);

private:
    bool step(const QString &what, bool ok);
    bool waitFor(const std::function<bool()> &condition, int timeoutMs = 20000);
    void settle();
    [[nodiscard]] QQuickItem *find(const QString &objectName) const;
    bool type(const QString &fieldName, const QString &text);
    bool click(const QString &objectName);
    // Types text into a field with key events, as a keyboard would (textEdited fires).
    bool typeKeys(const QString &fieldName, const QString &text);
    // Draws strokes (in pad pixels) on a signature pad with the pointer.
    bool draw(const QString &padName, const domain::SignatureStrokes &strokes);
    // Scrolls the Flickable holding item so that the item is on screen.
    void reveal(QQuickItem *item);
    void mouse(QEvent::Type type, QPointF scenePoint, Qt::MouseButtons buttons);
    bool waitForItem(const QString &objectName);
    void examRoom(const QString &passcode);
    // After the seal: a redacted copy that hides the marked region, a draft for the
    // consent's target, the picker (the original blocked, the copy allowed), the pre-post
    // checks, sharing into a folder (the file checked: a fresh JPEG without metadata), the
    // post's address.
    void posting();
    // After the revocation: the post shared through the screens is flagged, Home counts it,
    // the drafts list marks the draft that is now blocked, and marking the post removed on
    // the impact screen clears the count.
    void takedown();
    // Clicks Back until the home page shows.
    bool backHome();
    // Chooses entry index of the ComboBox inside a TargetBox as a user would.
    bool choose(const QString &boxName, const QString &code);
    // After the exam room: a post and a draft of the sealed consent's story, then the
    // consent's page, its revocation by a photographed letter, the impact (the blocked
    // draft, the post marked taken down) and the audit log, filtered and verified. Runs
    // last: it revokes the session's consent.
    void revocation();
    // Scrolls the settings page so that the item's top is near the top of the screen.
    bool scrollTo(const QString &objectName);
    bool save(const QString &screen);
    void checkControls(const QString &screen, QQuickItem *item);

    QQuickWindow &m_window;
    ui::AppController &m_controller;
    ui::CoreHost &m_host;
    ui::PostsController &m_posts;
    QString m_directory;
    QString m_language;
    QString m_wizardLanguage;
    AdvanceClock m_advanceClock;
    QString m_patientId;
    QString m_photoId;
    QString m_consentId;
    QString m_postId;
    QString m_shareDirectory;
    int m_failures = 0;
    int m_controlsChecked = 0;
};

} // namespace cc::app
