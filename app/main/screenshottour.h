#pragma once

// Test hook, compiled only when CONSENTCAM_TEST_HOOKS is defined (never in Release).

#include <QString>

#include <functional>

class QQuickItem;
class QQuickWindow;

namespace cc::ui {
class AppController;
}

namespace cc::app {

// Drives the real window through a fresh vault: create, home, settings (the clinician
// profile filled in and saved, the practice policy), lock, a wrong passcode, the back-off,
// unlock. Types into fields and clicks buttons as a user would, and saves each screen as
// <directory>/<screen>-<language>.png.
class ScreenshotTour final {
public:
    using AdvanceClock = std::function<void(qint64 seconds)>;

    ScreenshotTour(QQuickWindow &window, ui::AppController &controller, QString directory,
                   QString language, AdvanceClock advanceClock);

    // Returns the process exit code: 0 when every step worked and every file was saved.
    [[nodiscard]] int run();

private:
    bool step(const QString &what, bool ok);
    bool waitFor(const std::function<bool()> &condition, int timeoutMs = 20000);
    void settle();
    [[nodiscard]] QQuickItem *find(const QString &objectName) const;
    bool type(const QString &fieldName, const QString &text);
    bool click(const QString &objectName);
    // Scrolls the settings page so that the item's top is near the top of the screen.
    bool scrollTo(const QString &objectName);
    bool save(const QString &screen);

    QQuickWindow &m_window;
    ui::AppController &m_controller;
    QString m_directory;
    QString m_language;
    AdvanceClock m_advanceClock;
    int m_failures = 0;
};

} // namespace cc::app
