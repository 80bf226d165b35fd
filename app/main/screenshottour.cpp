#include "screenshottour.h"

#include "ui/appcontroller.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QImage>
#include <QMouseEvent>
#include <QPointingDevice>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <utility>

namespace cc::app {

namespace {

QQuickItem *findItem(QQuickItem *item, const QString &objectName) {
    if (!item)
        return nullptr;
    if (item->objectName() == objectName && item->isVisible())
        return item;
    const QList<QQuickItem *> children = item->childItems();
    for (QQuickItem *child : children) {
        if (QQuickItem *found = findItem(child, objectName))
            return found;
    }
    return nullptr;
}

using State = ui::AppController::State;

} // namespace

ScreenshotTour::ScreenshotTour(QQuickWindow &window, ui::AppController &controller,
                               QString directory, QString language, AdvanceClock advanceClock)
    : m_window(window)
    , m_controller(controller)
    , m_directory(std::move(directory))
    , m_language(std::move(language))
    , m_advanceClock(std::move(advanceClock)) {}

int ScreenshotTour::run() {
    QDir().mkpath(m_directory);
    const QString passcode = QStringLiteral("482915");
    const QString wrong = QStringLiteral("000000");
    auto &c = m_controller;

    step(QStringLiteral("window shown"), waitFor([this] { return m_window.isExposed(); }));
    step(QStringLiteral("no vault yet"), c.state() == State::NoVault);

    // First run: create the vault.
    step(QStringLiteral("type passcode"), type(QStringLiteral("passcodeField"), passcode));
    step(QStringLiteral("type confirmation"),
         type(QStringLiteral("confirmPasscodeField"), passcode));
    save(QStringLiteral("create"));
    step(QStringLiteral("click Create"), click(QStringLiteral("create")));
    step(QStringLiteral("vault created"),
         waitFor([&c] { return c.state() == State::Unlocked && !c.busy(); }));
    save(QStringLiteral("home"));

    // Drill down to the settings, top and bottom.
    step(QStringLiteral("click Settings"), click(QStringLiteral("settings")));
    step(QStringLiteral("settings shown"),
         waitFor([this] { return find(QStringLiteral("settingsPage")) != nullptr; }));
    save(QStringLiteral("settings"));

    // The clinician profile, filled in and saved; then the practice policy.
    const bool spanish = m_language == QLatin1String("es");
    step(QStringLiteral("type the name"),
         type(QStringLiteral("clinicianNameField"), QStringLiteral("Dr. Ana Ruiz")));
    step(
        QStringLiteral("type the credentials"),
        type(QStringLiteral("clinicianCredentialsField"),
             spanish ? QStringLiteral("Médica, dermatología") : QStringLiteral("MD, Dermatology")));
    step(QStringLiteral("type the practice"),
         type(QStringLiteral("practiceNameField"),
              spanish ? QStringLiteral("Dermatología Ruiz") : QStringLiteral("Ruiz Dermatology")));
    step(QStringLiteral("type the contact"),
         type(QStringLiteral("practiceContactField"), QStringLiteral("privacidad@ruiz.example")));
    step(QStringLiteral("scroll to the contact"), scrollTo(QStringLiteral("practiceName")));
    step(QStringLiteral("click Save profile"), click(QStringLiteral("saveProfile")));
    step(QStringLiteral("profile saved"),
         waitFor([this] { return find(QStringLiteral("profileNotice")) != nullptr; }));
    // A complete profile drops the hint above the fields: scroll again.
    step(QStringLiteral("scroll to the saved profile"), scrollTo(QStringLiteral("practiceName")));
    save(QStringLiteral("settings-profile"));
    step(QStringLiteral("scroll to the policy"), scrollTo(QStringLiteral("policySection")));
    save(QStringLiteral("settings-policy"));
    step(QStringLiteral("scroll to the platforms"), scrollTo(QStringLiteral("platform_instagram")));
    step(QStringLiteral("untick TikTok"), click(QStringLiteral("platform_tiktok")));
    step(QStringLiteral("click Save policy"), click(QStringLiteral("savePolicy")));
    step(QStringLiteral("policy saved"),
         waitFor([this] { return find(QStringLiteral("policyNotice")) != nullptr; }));
    save(QStringLiteral("settings-platforms"));

    if (QQuickItem *scroller = find(QStringLiteral("settingsScroller"))) {
        const qreal bottom = scroller->property("contentHeight").toReal() - scroller->height();
        scroller->setProperty("contentY", std::max<qreal>(0, bottom));
    }
    save(QStringLiteral("settings-bottom"));
    step(QStringLiteral("click Back"), click(QStringLiteral("back")));
    step(QStringLiteral("home again"),
         waitFor([this] { return find(QStringLiteral("settingsPage")) == nullptr; }));

    // Lock, then a wrong passcode, then enough of them to start the back-off.
    step(QStringLiteral("click Lock"), click(QStringLiteral("lock")));
    step(QStringLiteral("locked"), waitFor([&c] { return c.state() == State::Locked; }));
    save(QStringLiteral("unlock"));
    for (int attempt = 1; c.backoffSeconds() == 0 && attempt <= 10; ++attempt) {
        step(QStringLiteral("type a wrong passcode"), type(QStringLiteral("passcodeField"), wrong));
        step(QStringLiteral("click Unlock"), click(QStringLiteral("unlock")));
        step(QStringLiteral("refused"),
             waitFor([&c] { return !c.busy() && !c.errorMessage().isEmpty(); }));
        if (attempt == 1)
            save(QStringLiteral("unlock-wrong"));
    }
    step(QStringLiteral("backing off"), c.backoffSeconds() > 0);
    save(QStringLiteral("unlock-backoff"));

    // Let the back-off pass, then unlock with the right passcode.
    m_advanceClock(c.backoffSeconds() + 1);
    step(QStringLiteral("back-off over"), waitFor([&c] { return c.backoffSeconds() == 0; }));
    step(QStringLiteral("type the passcode"), type(QStringLiteral("passcodeField"), passcode));
    step(QStringLiteral("click Unlock"), click(QStringLiteral("unlock")));
    step(QStringLiteral("unlocked"),
         waitFor([&c] { return c.state() == State::Unlocked && !c.busy(); }));

    // Patient mode (the consent wizard's frame); leaving the foreground locks it.
    c.enterPatientMode();
    step(QStringLiteral("patient mode"), c.state() == State::PatientMode);
    save(QStringLiteral("patient"));
    c.lock();
    step(QStringLiteral("locked from patient mode"), c.state() == State::Locked);

    QTextStream(stdout) << "screenshot tour: " << (m_failures == 0 ? "done" : "FAILED") << '\n';
    return m_failures == 0 ? 0 : 1;
}

bool ScreenshotTour::step(const QString &what, bool ok) {
    if (!ok) {
        ++m_failures;
        QTextStream(stderr) << "screenshot tour: step failed: " << what << '\n';
    }
    return ok;
}

bool ScreenshotTour::waitFor(const std::function<bool()> &condition, int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(10);
    }
    return true;
}

// Lets transitions and ripples finish so the picture shows the resting screen.
void ScreenshotTour::settle() {
    QDeadlineTimer deadline(700);
    while (!deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(10);
    }
}

QQuickItem *ScreenshotTour::find(const QString &objectName) const {
    return findItem(m_window.contentItem(), objectName);
}

bool ScreenshotTour::type(const QString &fieldName, const QString &text) {
    settle();
    QQuickItem *field = find(fieldName);
    if (!field || !field->isEnabled())
        return false;
    field->forceActiveFocus();
    return field->setProperty("text", text);
}

bool ScreenshotTour::scrollTo(const QString &objectName) {
    settle();
    QQuickItem *item = find(objectName);
    QQuickItem *scroller = find(QStringLiteral("settingsScroller"));
    auto *content = scroller ? scroller->property("contentItem").value<QQuickItem *>() : nullptr;
    if (!item || !content)
        return false;
    const qreal margin = 16;
    const qreal top = item->mapToItem(content, QPointF(0, 0)).y() - margin;
    const qreal bottom = scroller->property("contentHeight").toReal() - scroller->height();
    return scroller->setProperty("contentY", std::clamp<qreal>(top, 0, std::max<qreal>(0, bottom)));
}

bool ScreenshotTour::click(const QString &objectName) {
    settle();
    QQuickItem *item = find(objectName);
    if (!item || !item->isEnabled())
        return false;
    const QPointF point = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
    const QPointF global = m_window.mapToGlobal(point);
    QMouseEvent press(QEvent::MouseButtonPress, point, point, global, Qt::LeftButton,
                      Qt::LeftButton, Qt::NoModifier, QPointingDevice::primaryPointingDevice());
    QCoreApplication::sendEvent(&m_window, &press);
    QMouseEvent release(QEvent::MouseButtonRelease, point, point, global, Qt::LeftButton,
                        Qt::NoButton, Qt::NoModifier, QPointingDevice::primaryPointingDevice());
    QCoreApplication::sendEvent(&m_window, &release);
    return true;
}

bool ScreenshotTour::save(const QString &screen) {
    settle();
    const QString path =
        QDir(m_directory).filePath(QStringLiteral("%1-%2.png").arg(screen, m_language));
    const QImage image = m_window.grabWindow();
    const bool ok = !image.isNull() && image.save(path);
    if (ok)
        QTextStream(stdout) << "screenshot tour: saved " << path << '\n';
    return step(QStringLiteral("save ") + path, ok);
}

} // namespace cc::app
