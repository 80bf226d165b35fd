#include "screenshottour.h"

#include "domain/signature.h"
#include "services/consentcore.h"
#include "ui/appcontroller.h"
#include "ui/corehost.h"
#include "ui/postscontroller.h"

#include <QAccessible>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPointingDevice>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
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
                               ui::CoreHost &host, ui::PostsController &posts, QString directory,
                               QString language, QString wizardLanguage, AdvanceClock advanceClock)
    : m_window(window)
    , m_controller(controller)
    , m_host(host)
    , m_posts(posts)
    , m_directory(std::move(directory))
    , m_language(std::move(language))
    , m_wizardLanguage(std::move(wizardLanguage))
    , m_advanceClock(std::move(advanceClock)) {}

int ScreenshotTour::run() {
    if (!m_directory.isEmpty())
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

    examRoom(passcode);
    if (m_failures == 0)
        posting();
    revocation();
    if (m_failures == 0)
        takedown();

    QTextStream(stdout) << "screenshot tour: " << m_controlsChecked
                        << " controls checked for a spoken name and a touch target's height\n";
    QTextStream(stdout) << "screenshot tour: " << (m_failures == 0 ? "done" : "FAILED") << '\n';
    return m_failures == 0 ? 0 : 1;
}

namespace {

double peakRssMiB() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

} // namespace

int ScreenshotTour::scrollGallery(const QString &passcode) {
    step(QStringLiteral("window shown"), waitFor([this] { return m_window.isExposed(); }));
    if (!step(QStringLiteral("the vault is locked"), m_controller.state() == State::Locked))
        return 1;
    m_controller.unlock(passcode);
    if (!step(QStringLiteral("unlocked"), waitFor(
                                              [this] {
                                                  return m_controller.state() == State::Unlocked &&
                                                         !m_controller.busy();
                                              },
                                              120'000)))
        return 1;
    // The unlock's key derivation (scrypt, 128 MiB) is behind us: the peak from here on is
    // the gallery's (writing 5 to clear_refs resets the process's peak resident size).
    const double unlockPeak = peakRssMiB();
    if (QFile clear(QStringLiteral("/proc/self/clear_refs")); clear.open(QIODevice::WriteOnly))
        clear.write("5");
    auto *core = m_host.core();
    QString patientId;
    std::size_t photoCount = 0;
    for (const auto &patient : core->library().patients({}, 100)) {
        const std::size_t count = core->library().photos(patient.id).size();
        if (count > photoCount) {
            photoCount = count;
            patientId = patient.id;
        }
    }
    if (!step(QStringLiteral("a patient with photos"), !patientId.isEmpty()))
        return 1;

    QElapsedTimer timer;
    timer.start();
    step(QStringLiteral("click Patients"), click(QStringLiteral("patients")));
    step(QStringLiteral("patient list shown"), waitForItem(QStringLiteral("patientListPage")));
    step(QStringLiteral("click the patient"), click(QStringLiteral("patient_") + patientId));
    if (!step(QStringLiteral("patient shown"), waitForItem(QStringLiteral("patientDetailPage"))))
        return 1;
    QQuickItem *grid = find(QStringLiteral("photoGrid"));
    if (!step(QStringLiteral("the gallery"), grid != nullptr))
        return 1;

    // Half a screen per frame, from the top to the end.
    int frames = 0;
    QObject::connect(&m_window, &QQuickWindow::frameSwapped, grid, [&frames] { ++frames; });
    int steps = 0;
    for (;;) {
        const qreal y = grid->property("contentY").toReal();
        const qreal end = grid->property("contentHeight").toReal() - grid->height() +
                          grid->property("originY").toReal() +
                          grid->property("bottomMargin").toReal();
        if (y >= end)
            break;
        grid->setProperty("contentY", std::min(end, y + grid->height() / 2));
        ++steps;
        const int before = frames;
        m_window.update();
        if (!waitFor([&frames, before] { return frames > before; }, 10'000))
            return step(QStringLiteral("a frame after scrolling"), false) ? 0 : 1;
        // The cells scrolled away are deleted later, by the event loop; this hook runs
        // before the loop starts, so it does what the loop would.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
    const double seconds = double(timer.elapsed()) / 1e3;
    QTextStream(stdout) << "gallery photos=" << photoCount << " steps=" << steps
                        << " seconds=" << seconds << " peak_rss_mib=" << peakRssMiB()
                        << " unlock_peak_rss_mib=" << unlockPeak << '\n';
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

// Lets transitions and ripples finish so the picture shows the resting screen (without
// pictures, only long enough for transitions to land).
void ScreenshotTour::settle() {
    QDeadlineTimer deadline(m_directory.isEmpty() ? 350 : 700);
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
    reveal(item);
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

// Every control a finger or a screen reader can reach on the screen has a name a screen
// reader speaks and is at least a touch target high.
void ScreenshotTour::checkControls(const QString &screen, QQuickItem *item) {
    if (!item || !item->isVisible())
        return;
    const bool control = item->inherits("QQuickAbstractButton") ||
                         item->inherits("QQuickTextField") || item->inherits("QQuickTextArea");
    if (control && item->isEnabled()) {
        ++m_controlsChecked;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(item);
        const QString name = accessible ? accessible->text(QAccessible::Name) : QString();
        const QString what = item->objectName().isEmpty()
                                 ? QString::fromLatin1(item->metaObject()->className())
                                 : item->objectName();
        step(QStringLiteral("%1: %2 has an accessible name").arg(screen, what),
             !name.trimmed().isEmpty());
        constexpr qreal TouchTarget = 48;
        if (item->inherits("QQuickAbstractButton"))
            step(QStringLiteral("%1: %2 is at least %3 high").arg(screen, what).arg(TouchTarget),
                 item->height() >= TouchTarget - 0.5);
    }
    const QList<QQuickItem *> children = item->childItems();
    for (QQuickItem *child : children)
        checkControls(screen, child);
}

bool ScreenshotTour::save(const QString &screen) {
    settle();
    checkControls(screen, m_window.contentItem());
    if (m_directory.isEmpty())
        return true;
    const QString path =
        QDir(m_directory).filePath(QStringLiteral("%1-%2.png").arg(screen, m_language));
    const QImage image = m_window.grabWindow();
    const bool ok = !image.isNull() && image.save(path);
    if (ok)
        QTextStream(stdout) << "screenshot tour: saved " << path << '\n';
    return step(QStringLiteral("save ") + path, ok);
}

void ScreenshotTour::reveal(QQuickItem *item) {
    for (QQuickItem *parent = item->parentItem(); parent; parent = parent->parentItem()) {
        if (!parent->inherits("QQuickFlickable"))
            continue;
        auto *content = parent->property("contentItem").value<QQuickItem *>();
        if (!content)
            return;
        const qreal margin = 24;
        const qreal top = item->mapToItem(content, QPointF(0, 0)).y();
        const qreal contentY = parent->property("contentY").toReal();
        const qreal height = parent->height();
        const qreal maxY =
            std::max<qreal>(0, parent->property("contentHeight").toReal() - parent->height());
        if (top < contentY + margin || top + item->height() > contentY + height - margin)
            parent->setProperty("contentY", std::clamp<qreal>(top - margin, 0, maxY));
        settle();
        return;
    }
}

void ScreenshotTour::mouse(QEvent::Type type, QPointF scenePoint, Qt::MouseButtons buttons) {
    const QPointF global = m_window.mapToGlobal(scenePoint);
    const Qt::MouseButton button = type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton;
    QMouseEvent event(type, scenePoint, scenePoint, global, button, buttons, Qt::NoModifier,
                      QPointingDevice::primaryPointingDevice());
    QCoreApplication::sendEvent(&m_window, &event);
}

bool ScreenshotTour::typeKeys(const QString &fieldName, const QString &text) {
    settle();
    QQuickItem *field = find(fieldName);
    if (!field || !field->isEnabled())
        return false;
    reveal(field);
    field->forceActiveFocus();
    QCoreApplication::processEvents();
    for (const QChar ch : text) {
        QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(ch));
        QCoreApplication::sendEvent(&m_window, &press);
        QKeyEvent release(QEvent::KeyRelease, 0, Qt::NoModifier, QString(ch));
        QCoreApplication::sendEvent(&m_window, &release);
    }
    return field->property("text").toString().endsWith(text);
}

bool ScreenshotTour::draw(const QString &padName, const domain::SignatureStrokes &strokes) {
    settle();
    QQuickItem *pad = find(padName);
    if (!pad)
        return false;
    reveal(pad);
    for (const auto &stroke : strokes.strokes) {
        if (stroke.empty())
            continue;
        const auto at = [pad](const domain::StrokePoint &p) {
            return pad->mapToScene(QPointF(p.x, p.y));
        };
        mouse(QEvent::MouseButtonPress, at(stroke.front()), Qt::LeftButton);
        for (std::size_t i = 1; i < stroke.size(); ++i) {
            mouse(QEvent::MouseMove, at(stroke[i]), Qt::LeftButton);
            QCoreApplication::processEvents();
        }
        mouse(QEvent::MouseButtonRelease, at(stroke.back()), Qt::NoButton);
        QCoreApplication::processEvents();
    }
    return true;
}

bool ScreenshotTour::waitForItem(const QString &objectName) {
    return waitFor([this, &objectName] { return find(objectName) != nullptr; });
}

void ScreenshotTour::examRoom(const QString &passcode) {
    auto &c = m_controller;
    const bool spanish = m_language == QLatin1String("es");

    // A patient.
    step(QStringLiteral("click Patients"), click(QStringLiteral("patients")));
    step(QStringLiteral("patient list shown"), waitForItem(QStringLiteral("patientListPage")));
    save(QStringLiteral("patients-empty"));
    step(QStringLiteral("click Add patient"), click(QStringLiteral("addPatient")));
    step(QStringLiteral("add patient shown"), waitForItem(QStringLiteral("addPatientPage")));
    step(QStringLiteral("type the patient's name"),
         typeKeys(QStringLiteral("patientName"), QStringLiteral("Lucía Example (demo)")));
    step(QStringLiteral("type the MRN"),
         typeKeys(QStringLiteral("patientMrn"), QStringLiteral("DEMO-20417")));
    save(QStringLiteral("add-patient"));
    step(QStringLiteral("click Save patient"), click(QStringLiteral("savePatient")));
    step(QStringLiteral("patient shown"), waitForItem(QStringLiteral("patientDetailPage")));
    save(QStringLiteral("patient-new"));

    auto *core = m_host.core();
    const auto patients = core ? core->library().patients() : std::vector<domain::Patient>{};
    if (!step(QStringLiteral("the patient is in the vault"), patients.size() == 1))
        return;
    const QString patientId = patients.front().id;

    // Two shots from the camera; one kept.
    step(QStringLiteral("click Take photos"), click(QStringLiteral("capture")));
    step(QStringLiteral("capture shown"), waitForItem(QStringLiteral("capturePage")));
    step(QStringLiteral("camera ready"), waitFor([this] {
             QQuickItem *shutter = find(QStringLiteral("shutter"));
             return shutter && shutter->isEnabled();
         }));
    save(QStringLiteral("capture"));
    step(QStringLiteral("click the shutter"), click(QStringLiteral("shutter")));
    step(QStringLiteral("the shot is shown for review"), waitForItem(QStringLiteral("keep")));
    step(QStringLiteral("click Keep"), click(QStringLiteral("keep")));
    save(QStringLiteral("capture-review"));
    step(QStringLiteral("click Save"), click(QStringLiteral("save")));
    step(QStringLiteral("photo stored"),
         waitFor([core, &patientId] { return core->library().photos(patientId).size() == 1; }));
    step(QStringLiteral("back on the patient"), waitForItem(QStringLiteral("patientDetailPage")));

    // A story.
    step(QStringLiteral("click Write a story"), click(QStringLiteral("newStory")));
    step(QStringLiteral("story editor shown"), waitForItem(QStringLiteral("storyEditorPage")));
    step(QStringLiteral("type the title"),
         typeKeys(QStringLiteral("storyTitle"), spanish ? QStringLiteral("Eccema que mejora")
                                                        : QStringLiteral("Healing eczema")));
    step(QStringLiteral("type the story"),
         typeKeys(QStringLiteral("storyText"),
                  spanish ? QStringLiteral("Tras seis semanas de tratamiento la piel está casi "
                                           "limpia.")
                          : QStringLiteral("After six weeks of treatment the skin is almost "
                                           "clear.")));
    save(QStringLiteral("story-editor"));
    step(QStringLiteral("click Save story"), click(QStringLiteral("saveStory")));
    step(QStringLiteral("story stored"),
         waitFor([core, &patientId] { return core->library().stories(patientId).size() == 1; }));
    step(QStringLiteral("back on the patient"), waitForItem(QStringLiteral("patientDetailPage")));
    save(QStringLiteral("patient-detail"));

    // Mark the region of the photo that identifies the patient, so that a de-identified-only
    // consent can cover it.
    const QString photoId = core->library().photos(patientId).front().id;
    m_patientId = patientId;
    m_photoId = photoId;
    const QString storyId = core->library().stories(patientId).front().id;
    step(QStringLiteral("open the photo"), click(QStringLiteral("photo_") + photoId));
    step(QStringLiteral("click Mark"), click(QStringLiteral("photoAction")));
    step(QStringLiteral("region editor shown"), waitForItem(QStringLiteral("regionEditorPage")));
    if (QQuickItem *canvas = find(QStringLiteral("regionCanvas"))) {
        settle();
        const auto at = [canvas](qreal fx, qreal fy) {
            return canvas->mapToScene(QPointF(canvas->width() * fx, canvas->height() * fy));
        };
        mouse(QEvent::MouseButtonPress, at(0.3, 0.3), Qt::LeftButton);
        for (int i = 1; i <= 10; ++i) {
            mouse(QEvent::MouseMove, at(0.3 + 0.04 * i, 0.3 + 0.03 * i), Qt::LeftButton);
            QCoreApplication::processEvents();
        }
        mouse(QEvent::MouseButtonRelease, at(0.7, 0.6), Qt::NoButton);
    }
    save(QStringLiteral("region-editor"));
    step(QStringLiteral("click Save regions"), click(QStringLiteral("saveRegions")));
    step(QStringLiteral("region stored"), waitFor([core, &photoId] {
             return core->library().photo(photoId)->identifyingRegions.size() == 1;
         }));
    step(QStringLiteral("back on the patient"), waitForItem(QStringLiteral("patientDetailPage")));

    // Choose both for a consent and hand the phone over.
    step(QStringLiteral("click Record consent"), click(QStringLiteral("recordConsent")));
    step(QStringLiteral("prepare shown"), waitForItem(QStringLiteral("prepareConsentPage")));
    step(QStringLiteral("choose the photo"), click(QStringLiteral("choose_") + photoId));
    step(QStringLiteral("choose the story"), click(QStringLiteral("choose_") + storyId));
    save(QStringLiteral("prepare-consent"));
    step(QStringLiteral("click Hand over"), click(QStringLiteral("handOver")));
    step(QStringLiteral("patient mode"), waitFor([&c] { return c.state() == State::PatientMode; }));
    step(QStringLiteral("wizard shown"), waitForItem(QStringLiteral("consentWizardPage")));

    const auto next = [this](const QString &what) {
        step(QStringLiteral("Next after ") + what, click(QStringLiteral("wizardNext")));
    };
    // 1. Language.
    step(QStringLiteral("choose the language"),
         click(QStringLiteral("language_") + m_wizardLanguage));
    save(QStringLiteral("wizard-1-language"));
    next(QStringLiteral("language"));
    // 2. The items.
    save(QStringLiteral("wizard-2-items"));
    next(QStringLiteral("items"));
    // 3. Scope. Next stays closed until every choice is made.
    const auto enabled = [this](const QString &name) {
        settle();
        QQuickItem *item = find(name);
        return item && item->isEnabled();
    };
    step(QStringLiteral("Next closed before the scope is chosen"),
         !enabled(QStringLiteral("wizardNext")));
    step(QStringLiteral("tick education"), click(QStringLiteral("purpose_education")));
    step(QStringLiteral("tick Instagram"), click(QStringLiteral("platform_instagram")));
    step(QStringLiteral("tick public"), click(QStringLiteral("audience_public")));
    // The photo's identifying region is marked: the signer keeps "de-identified only".
    save(QStringLiteral("wizard-3-scope"));
    // Back shows the items again; forward again, the choices are kept.
    step(QStringLiteral("click Back"), click(QStringLiteral("wizardBack")));
    step(QStringLiteral("the items again"), waitForItem(QStringLiteral("itemsStep")));
    next(QStringLiteral("items, again"));
    step(QStringLiteral("the choices kept"),
         find(QStringLiteral("platform_instagram")) &&
             find(QStringLiteral("platform_instagram"))->property("checked").toBool());
    // Nothing but the passcode leaves patient mode: not the back key, Escape or closing.
    for (const int key : {int(Qt::Key_Back), int(Qt::Key_Escape)}) {
        QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier);
        QCoreApplication::sendEvent(&m_window, &press);
        QKeyEvent release(QEvent::KeyRelease, key, Qt::NoModifier);
        QCoreApplication::sendEvent(&m_window, &release);
    }
    QCloseEvent close;
    QCoreApplication::sendEvent(&m_window, &close);
    settle();
    step(QStringLiteral("still in patient mode after back, Escape and close"),
         c.state() == State::PatientMode && m_window.isVisible() &&
             find(QStringLiteral("consentWizardPage")) != nullptr);
    if (!find(QStringLiteral("scopeStep"))) {
        // The back key moved one step back: forward again.
        next(QStringLiteral("the step the back key left"));
    }
    step(QStringLiteral("on the scope again"), waitForItem(QStringLiteral("scopeStep")));
    next(QStringLiteral("scope"));
    // 4. The form.
    save(QStringLiteral("wizard-4-form"));
    next(QStringLiteral("form"));
    // 5. The questions: answers are tried in order until each is right.
    step(QStringLiteral("Next closed before the questions are answered"),
         !enabled(QStringLiteral("wizardNext")));
    for (int q = 0; find(QStringLiteral("checkAnswer_%1").arg(q)); ++q) {
        for (int a = 0; find(QStringLiteral("checkAnswer_%1").arg(q)) && a < 8; ++a) {
            if (!click(QStringLiteral("answer_%1_%2").arg(q).arg(a)))
                break;
            click(QStringLiteral("checkAnswer_%1").arg(q));
            if (q == 0 && a == 0)
                save(QStringLiteral("wizard-5-question"));
        }
        step(QStringLiteral("question %1 answered").arg(q),
             !find(QStringLiteral("checkAnswer_%1").arg(q)));
    }
    save(QStringLiteral("wizard-5-questions"));
    next(QStringLiteral("questions"));
    // 6. Who signs: the patient.
    save(QStringLiteral("wizard-6-signer"));
    next(QStringLiteral("signer"));
    // 7. Signature, printed name, agreement.
    QQuickItem *pad = find(QStringLiteral("signaturePad"));
    step(QStringLiteral("signature pad shown"), pad != nullptr);
    if (pad) {
        step(QStringLiteral("sign"),
             draw(QStringLiteral("signaturePad"),
                  domain::syntheticSignature(2026, int(pad->width()), int(pad->height()))));
    }
    step(QStringLiteral("type the printed name"),
         typeKeys(QStringLiteral("printedName"), QStringLiteral("Lucía Example")));
    step(QStringLiteral("click I agree"), click(QStringLiteral("agree")));
    save(QStringLiteral("wizard-7-sign"));
    next(QStringLiteral("signature"));
    // 8. A witness.
    step(QStringLiteral("type the witness's name"),
         typeKeys(QStringLiteral("witnessName"), QStringLiteral("Marta Witness")));
    QQuickItem *witnessPad = find(QStringLiteral("witnessPad"));
    if (witnessPad) {
        step(QStringLiteral("the witness signs"),
             draw(QStringLiteral("witnessPad"),
                  domain::syntheticSignature(7, int(witnessPad->width()),
                                             int(witnessPad->height()))));
    }
    step(QStringLiteral("click Save witness"), click(QStringLiteral("saveWitness")));
    save(QStringLiteral("wizard-8-witness"));
    next(QStringLiteral("witness"));
    // 9. Back to the clinician, who countersigns.
    save(QStringLiteral("wizard-9-hand-back"));
    step(QStringLiteral("type the clinician's passcode"),
         typeKeys(QStringLiteral("clinicianPasscodeField"), passcode));
    if (!step(QStringLiteral("click Countersign"), click(QStringLiteral("countersign")))) {
        if (QQuickItem *handBack = find(QStringLiteral("handBackStep")))
            QTextStream(stderr) << "screenshot tour: still missing: "
                                << handBack->property("missing").toStringList().join(u"; ") << '\n';
    }
    step(QStringLiteral("patient mode left"),
         waitFor([&c] { return c.state() == State::Unlocked; }));
    step(QStringLiteral("sealed page shown"), waitForItem(QStringLiteral("consentSealedPage")));
    save(QStringLiteral("consent-sealed"));

    // The sealed record, as the core reads it back.
    core = m_host.core();
    const auto consents =
        core ? core->consents().forPatient(patientId) : std::vector<domain::SealedConsent>{};
    if (!step(QStringLiteral("one consent sealed"), consents.size() == 1))
        return;
    const auto checked = core->consents().check(consents.front());
    step(QStringLiteral("the record verifies"), checked.intact && checked.defects.empty());
    if (!checked.record)
        return;
    const auto &record = *checked.record;
    step(QStringLiteral("the form's language"), record.language == m_wizardLanguage);
    step(QStringLiteral("both items covered, by hash"),
         record.items.size() == 2 && record.items[0].id == photoId &&
             record.items[0].sha256 == core->library().photo(photoId)->sha256 &&
             record.items[1].sha256 == core->library().storyVersions(storyId).back().sha256);
    step(QStringLiteral("de-identified only, with the marked region sealed"),
         !record.identifiable && record.items[0].regions.size() == 1);
    step(QStringLiteral("the scope chosen"),
         record.platforms == QStringList{QStringLiteral("instagram")} &&
             record.audiences == QStringList{QStringLiteral("public")} &&
             record.purposes == QStringList{QStringLiteral("education")});
    step(QStringLiteral("signed and agreed"),
         !record.strokes.strokes.empty() && record.printedName == QStringLiteral("Lucía Example") &&
             record.agreed);
    step(QStringLiteral("witnessed"),
         record.witness && record.witness->name == QStringLiteral("Marta Witness"));
    step(QStringLiteral("countersigned"), record.countersignedAt.isValid());
    QTextStream(stdout) << "screenshot tour: sealed and verified " << consents.front().id << '\n';
    m_consentId = consents.front().id;

    step(QStringLiteral("click Done"), click(QStringLiteral("sealedDone")));
    save(QStringLiteral("patient-consented"));
}

void ScreenshotTour::revocation() {
    auto *core = m_host.core();
    const auto patients = core ? core->library().patients() : std::vector<domain::Patient>{};
    if (!step(QStringLiteral("revocation: the patient is there"), patients.size() == 1))
        return;
    const QString patientId = patients.front().id;
    const auto consents = core->consents().forPatient(patientId);
    if (!step(QStringLiteral("revocation: the consent is there"), consents.size() == 1))
        return;
    const QString consentId = consents.front().id;

    // A published post of the story and a draft holding it, through the core.
    const bool spanish = m_language == QLatin1String("es");
    const QString storyId = core->library().stories(patientId).front().id;
    const domain::GateTarget target{QStringLiteral("instagram"), QStringLiteral("public"),
                                    QStringLiteral("education")};
    QString postId;
    try {
        const auto published =
            core->posts().createDraft(spanish ? QStringLiteral("Seis semanas de tratamiento.")
                                              : QStringLiteral("Six weeks of treatment."),
                                      target);
        core->posts().attach(published.id, storyId);
        postId = core->posts().share(published.id).id;
        core->posts().setUrl(postId, QStringLiteral("https://www.instagram.com/p/C0nsentCam01/"));
        const auto draft = core->posts().createDraft(
            spanish ? QStringLiteral("La segunda parte: cómo cuidar la piel en invierno.")
                    : QStringLiteral("Part two: caring for the skin in winter."),
            target);
        core->posts().attach(draft.id, storyId);
    } catch (const std::exception &e) {
        QTextStream(stderr) << "screenshot tour: " << e.what() << '\n';
    }
    if (!step(QStringLiteral("revocation: a post of the story"), !postId.isEmpty()))
        return;

    // From the home page (wherever the tour left off) to the patient and the consent's page.
    for (int i = 0; i < 10 && !find(QStringLiteral("homePage")); ++i)
        click(QStringLiteral("back"));
    step(QStringLiteral("revocation: home"), waitForItem(QStringLiteral("homePage")));
    step(QStringLiteral("revocation: click Patients"), click(QStringLiteral("patients")));
    step(QStringLiteral("revocation: patient list"),
         waitForItem(QStringLiteral("patientListPage")));
    step(QStringLiteral("revocation: open the patient"),
         click(QStringLiteral("patient_") + patientId));
    step(QStringLiteral("revocation: patient shown"),
         waitForItem(QStringLiteral("patientDetailPage")));
    step(QStringLiteral("open the consent"), click(QStringLiteral("consent_") + consentId));
    step(QStringLiteral("consent page shown"), waitForItem(QStringLiteral("consentDetailPage")));
    save(QStringLiteral("consent-detail"));

    // The revocation: a written letter, photographed with the camera.
    step(QStringLiteral("click Record revocation"), click(QStringLiteral("recordRevocation")));
    step(QStringLiteral("revocation form shown"), waitForItem(QStringLiteral("revokeConsentPage")));
    save(QStringLiteral("revoke-form"));
    step(QStringLiteral("choose a written letter"), click(QStringLiteral("method_written_letter")));
    step(QStringLiteral("click Photograph the letter"), click(QStringLiteral("photographLetter")));
    step(QStringLiteral("letter camera ready"), waitFor([this] {
             QQuickItem *shutter = find(QStringLiteral("shutter"));
             return shutter && shutter->isEnabled();
         }));
    step(QStringLiteral("photograph the letter"), click(QStringLiteral("shutter")));
    step(QStringLiteral("the letter's shot for review"), waitForItem(QStringLiteral("keep")));
    step(QStringLiteral("keep the letter's shot"), click(QStringLiteral("keep")));
    step(QStringLiteral("save the letter's photo"), click(QStringLiteral("save")));
    step(QStringLiteral("the letter's photo shown"), waitForItem(QStringLiteral("letterPhoto")));
    step(QStringLiteral("type a note"),
         typeKeys(QStringLiteral("revocationNote"),
                  spanish ? QStringLiteral("Carta entregada en recepción")
                          : QStringLiteral("Letter handed in at the front desk")));
    save(QStringLiteral("revoke-letter"));
    step(QStringLiteral("click Record revocation"), click(QStringLiteral("recordRevocationNow")));
    step(QStringLiteral("confirmation shown"), waitForItem(QStringLiteral("confirmRevocation")));
    save(QStringLiteral("revoke-confirm"));
    step(QStringLiteral("click Revoke"), click(QStringLiteral("confirmRevocation")));
    step(QStringLiteral("impact shown"), waitForItem(QStringLiteral("revocationImpactPage")));
    core = m_host.core();
    const auto revocation = core ? core->consents().revocationOf(consentId) : std::nullopt;
    step(QStringLiteral("revoked by the photographed letter"),
         revocation && revocation->method == QLatin1String("written_letter") &&
             !revocation->evidencePhotoId.isEmpty());
    save(QStringLiteral("revocation-impact"));

    // The story's post taken down (other posts of the consent stay flagged).
    const qint64 flagged = core ? core->revocations().takedownCount() : 0;
    step(QStringLiteral("the story's post is flagged"), flagged >= 1);
    step(QStringLiteral("click Mark as taken down"), click(QStringLiteral("takeDown_") + postId));
    step(QStringLiteral("takedown form shown"), waitForItem(QStringLiteral("saveTakedown")));
    save(QStringLiteral("takedown-form"));
    step(QStringLiteral("click Save the takedown"), click(QStringLiteral("saveTakedown")));
    step(QStringLiteral("the post leaves the list"), waitFor([this, &postId] {
             return find(QStringLiteral("takeDown_") + postId) == nullptr;
         }));
    step(QStringLiteral("one post fewer to take down"),
         core->revocations().takedownCount() == flagged - 1);
    save(QStringLiteral("revocation-impact-done"));

    // Back on the consent, revoked; its audit log, verified.
    step(QStringLiteral("back to the consent"), click(QStringLiteral("back")));
    step(QStringLiteral("consent page again"), waitForItem(QStringLiteral("consentDetailPage")));
    save(QStringLiteral("consent-revoked"));
    step(QStringLiteral("click the consent's audit log"), click(QStringLiteral("consentAudit")));
    step(QStringLiteral("audit log shown"), waitForItem(QStringLiteral("auditPage")));
    step(QStringLiteral("click Verify log"), click(QStringLiteral("verifyLog")));
    step(QStringLiteral("the log verifies"), waitFor([this] {
             QQuickItem *result = find(QStringLiteral("verifyResult"));
             return result && !result->property("isError").toBool() &&
                    !result->property("text").toString().isEmpty() &&
                    find(QStringLiteral("verifyLog"))->isEnabled();
         }));
    save(QStringLiteral("audit-consent"));
    step(QStringLiteral("remove the consent filter"), click(QStringLiteral("filterChip_consent")));
    save(QStringLiteral("audit"));
}

bool ScreenshotTour::choose(const QString &boxName, const QString &code) {
    settle();
    QQuickItem *combo = find(boxName + QStringLiteral("Combo"));
    if (!combo)
        return false;
    reveal(combo);
    int index = -1;
    QMetaObject::invokeMethod(combo, "indexOfValue", Q_RETURN_ARG(int, index),
                              Q_ARG(QVariant, code));
    if (index < 0)
        return false;
    combo->setProperty("currentIndex", index);
    QMetaObject::invokeMethod(combo, "activated", Q_ARG(int, index));
    return waitFor([combo, &code] { return combo->property("currentValue").toString() == code; });
}

void ScreenshotTour::posting() {
    auto *core = m_host.core();
    if (!core)
        return;
    const bool spanish = m_language == QLatin1String("es");

    // A redacted copy that covers the marked region: the consent allows only that.
    step(QStringLiteral("open the photo again"), click(QStringLiteral("photo_") + m_photoId));
    step(QStringLiteral("click Make a redacted copy"),
         click(QStringLiteral("photoSecondaryAction")));
    step(QStringLiteral("redaction editor shown"),
         waitForItem(QStringLiteral("redactionEditorPage")));
    step(QStringLiteral("click Cover marked regions"), click(QStringLiteral("coverMarked")));
    save(QStringLiteral("redaction-editor"));
    step(QStringLiteral("click Save redacted copy"), click(QStringLiteral("saveRedacted")));
    QString copyId;
    step(QStringLiteral("redacted copy stored"), waitFor([&] {
             for (const auto &photo : core->library().photos(m_patientId)) {
                 if (photo.isDerivative())
                     copyId = photo.id;
             }
             return !copyId.isEmpty();
         }));
    step(QStringLiteral("back on the patient"), waitForItem(QStringLiteral("patientDetailPage")));
    save(QStringLiteral("patient-redacted"));

    // Home, then a new draft.
    step(QStringLiteral("back to the list"), click(QStringLiteral("back")));
    step(QStringLiteral("patient list shown"), waitForItem(QStringLiteral("patientListPage")));
    step(QStringLiteral("back home"), click(QStringLiteral("back")));
    step(QStringLiteral("home shown"), waitForItem(QStringLiteral("homePage")));
    step(QStringLiteral("click Drafts"), click(QStringLiteral("drafts")));
    step(QStringLiteral("drafts shown"), waitForItem(QStringLiteral("draftListPage")));
    save(QStringLiteral("drafts-empty"));
    step(QStringLiteral("click New draft"), click(QStringLiteral("newDraft")));
    step(QStringLiteral("draft editor shown"), waitForItem(QStringLiteral("draftEditorPage")));
    step(QStringLiteral("choose Instagram"),
         choose(QStringLiteral("platformBox"), QStringLiteral("instagram")));
    step(QStringLiteral("choose the public"),
         choose(QStringLiteral("audienceBox"), QStringLiteral("public")));
    step(QStringLiteral("choose education"),
         choose(QStringLiteral("purposeBox"), QStringLiteral("education")));
    step(QStringLiteral("the target saved"), waitFor([this] { return m_posts.targetComplete(); }));
    // A first text that names the patient: the checks block it.
    const QString named = spanish ? QStringLiteral("Lucía mejoró en seis semanas.")
                                  : QStringLiteral("Lucía healed in six weeks.");
    step(QStringLiteral("type the text"), typeKeys(QStringLiteral("draftText"), named));
    step(QStringLiteral("the text saved"),
         waitFor([this, &named] { return m_posts.text() == named; }));

    // The picker: the original is blocked (de-identified use only), the copy allowed.
    step(QStringLiteral("click Add photos or stories"), click(QStringLiteral("addItems")));
    step(QStringLiteral("picker shown"), waitForItem(QStringLiteral("itemPickerPage")));
    const auto pickRow = [this](const QString &itemId) {
        for (const QVariantMap &row : m_posts.picker()->rows()) {
            if (row.value(QStringLiteral("itemId")).toString() == itemId)
                return row;
        }
        return QVariantMap{};
    };
    settle();
    QQuickItem *attachOriginal = find(QStringLiteral("attach_") + m_photoId);
    if (!step(QStringLiteral("the original is blocked"),
              !pickRow(m_photoId).value(QStringLiteral("allowed")).toBool() && attachOriginal &&
                  !attachOriginal->isEnabled()))
        QTextStream(stderr) << "screenshot tour: the original's row: "
                            << pickRow(m_photoId).value(QStringLiteral("reasonText")).toString()
                            << (attachOriginal ? " (button found)" : " (no button)") << '\n';
    step(QStringLiteral("the redacted copy is allowed"),
         pickRow(copyId).value(QStringLiteral("allowed")).toBool());
    save(QStringLiteral("picker"));
    step(QStringLiteral("attach the copy"), click(QStringLiteral("attach_") + copyId));
    step(QStringLiteral("the copy attached"),
         waitFor([this] { return m_posts.items()->rowCount() == 1; }) &&
             m_posts.items()->get(0).value(QStringLiteral("itemId")).toString() == copyId);
    step(QStringLiteral("click Done"), click(QStringLiteral("pickerDone")));
    step(QStringLiteral("draft editor again"), waitForItem(QStringLiteral("draftEditorPage")));
    step(QStringLiteral("the name blocks sharing"),
         !m_posts.canShare() && find(QStringLiteral("check_0")) != nullptr);
    if (QQuickItem *check = find(QStringLiteral("check_0")))
        reveal(check);
    save(QStringLiteral("draft-checks"));

    // The name removed and the education line added: nothing blocks.
    if (QQuickItem *field = find(QStringLiteral("draftText")))
        field->setProperty("text", QString());
    const QString clean = spanish ? QStringLiteral("Mejoró en seis semanas.")
                                  : QStringLiteral("Healed in six weeks.");
    step(QStringLiteral("type the text again"), typeKeys(QStringLiteral("draftText"), clean));
    step(QStringLiteral("the new text saved"),
         waitFor([this, &clean] { return m_posts.text() == clean; }));
    step(QStringLiteral("click Add the line"), click(QStringLiteral("addLine_education_line")));
    step(QStringLiteral("nothing left to fix"),
         waitFor([this] { return m_posts.checks()->rowCount() == 0 && m_posts.canShare(); }));
    save(QStringLiteral("draft-ready"));

    // Share into a folder (the one a folder dialog would have given).
    QTemporaryDir shareDir;
    m_posts.setFolder(QUrl::fromLocalFile(shareDir.path()));
    step(QStringLiteral("click Share"), click(QStringLiteral("shareDraft")));
    step(QStringLiteral("post ledger shown"), waitForItem(QStringLiteral("postLedgerPage")));
    step(QStringLiteral("the files handed over"),
         waitFor([this] { return !m_posts.busy() && !m_posts.noticeMessage().isEmpty(); }));
    const auto posts = core->posts().posts();
    if (!step(QStringLiteral("one post recorded"), posts.size() == 1))
        return;
    m_postId = posts.front().id;
    step(QStringLiteral("the post is the copy"),
         posts.front().items.size() == 1 && posts.front().items.front().itemId == copyId);
    const QStringList files = QDir(shareDir.path()).entryList(QDir::Files);
    QFile file(files.size() == 1 ? QDir(shareDir.path()).filePath(files.front()) : QString());
    const QByteArray bytes = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    step(QStringLiteral("one fresh JPEG without metadata saved"),
         files.size() == 1 && bytes.startsWith("\xff\xd8") && !bytes.contains("Exif") &&
             !bytes.contains("http://ns.adobe.com/xap"));
    save(QStringLiteral("posts"));
    step(QStringLiteral("type the post's address"),
         typeKeys(QStringLiteral("postUrl_0"), QStringLiteral("https://social.example/p/1")));
    step(QStringLiteral("click Save address"), click(QStringLiteral("saveUrl_0")));
    step(QStringLiteral("the address stored"), waitFor([core, this] {
             const auto post = core->posts().post(m_postId);
             return post && post->url == QStringLiteral("https://social.example/p/1");
         }));
    QTextStream(stdout) << "screenshot tour: shared " << m_postId << " as " << files.value(0)
                        << '\n';

    // Back to the patient, for the revocation.
    step(QStringLiteral("back to the drafts"), click(QStringLiteral("back")));
    step(QStringLiteral("drafts again"), waitForItem(QStringLiteral("draftListPage")));
    step(QStringLiteral("back home again"), click(QStringLiteral("back")));
    step(QStringLiteral("home again"), waitForItem(QStringLiteral("homePage")));
    step(QStringLiteral("click Patients again"), click(QStringLiteral("patients")));
    step(QStringLiteral("patient list again"), waitForItem(QStringLiteral("patientListPage")));
    step(QStringLiteral("open the patient"), click(QStringLiteral("patient_") + m_patientId));
    step(QStringLiteral("patient again"), waitForItem(QStringLiteral("patientDetailPage")));
}

bool ScreenshotTour::backHome() {
    for (int i = 0; i < 8 && !find(QStringLiteral("homePage")); ++i) {
        if (!click(QStringLiteral("back")))
            return false;
        settle();
    }
    return find(QStringLiteral("homePage")) != nullptr;
}

void ScreenshotTour::takedown() {
    auto *core = m_host.core();
    if (!core)
        return;
    const auto post = core->posts().post(m_postId);
    step(QStringLiteral("the shared post is flagged for takedown"),
         post && post->status == domain::PostStatus::TakedownRequired);

    // Home counts what must come down.
    step(QStringLiteral("home from the audit log"), backHome());
    const qint64 flagged = core->revocations().takedownCount();
    step(QStringLiteral("home shows the takedown count"), waitFor([this, flagged] {
             return find(QStringLiteral("takedownBanner")) && m_posts.takedownCount() == flagged &&
                    flagged >= 1;
         }));
    save(QStringLiteral("home-takedown"));

    // The draft that holds a revoked item is marked blocked.
    step(QStringLiteral("click Drafts"), click(QStringLiteral("drafts")));
    step(QStringLiteral("drafts shown"), waitForItem(QStringLiteral("draftListPage")));
    const auto &drafts = m_posts.drafts()->rows();
    step(QStringLiteral("a draft is blocked"),
         std::any_of(drafts.begin(), drafts.end(), [](const QVariantMap &row) {
             return row.value(QStringLiteral("blockedCount")).toInt() > 0;
         }));
    save(QStringLiteral("drafts-blocked"));
    step(QStringLiteral("home from the drafts"), backHome());

    // The ledger shows the flag; the impact screen takes the post down.
    step(QStringLiteral("click Show posts"), click(QStringLiteral("showTakedowns")));
    step(QStringLiteral("ledger shown"), waitForItem(QStringLiteral("postLedgerPage")));
    save(QStringLiteral("posts-takedown"));
    step(QStringLiteral("home from the ledger"), backHome());
    step(QStringLiteral("click Patients"), click(QStringLiteral("patients")));
    step(QStringLiteral("patient list shown"), waitForItem(QStringLiteral("patientListPage")));
    step(QStringLiteral("open the patient"), click(QStringLiteral("patient_") + m_patientId));
    step(QStringLiteral("patient shown"), waitForItem(QStringLiteral("patientDetailPage")));
    step(QStringLiteral("open the consent"), click(QStringLiteral("consent_") + m_consentId));
    step(QStringLiteral("consent shown"), waitForItem(QStringLiteral("consentDetailPage")));
    step(QStringLiteral("click Show impact"), click(QStringLiteral("showImpact")));
    step(QStringLiteral("impact shown"), waitForItem(QStringLiteral("revocationImpactPage")));
    step(QStringLiteral("click Mark the shared post taken down"),
         click(QStringLiteral("takeDown_") + m_postId));
    step(QStringLiteral("takedown form shown"), waitForItem(QStringLiteral("saveTakedown")));
    step(QStringLiteral("click Save the takedown"), click(QStringLiteral("saveTakedown")));
    step(QStringLiteral("the shared post is removed"), waitFor([core, this] {
             const auto removed = core->posts().post(m_postId);
             return removed && removed->status == domain::PostStatus::Removed;
         }));
    step(QStringLiteral("home after the takedown"), backHome());
    step(QStringLiteral("the count dropped"),
         waitFor([this, flagged] { return m_posts.takedownCount() == flagged - 1; }));
    if (flagged == 1)
        step(QStringLiteral("no takedown banner"),
             waitFor([this] { return find(QStringLiteral("takedownBanner")) == nullptr; }));
    save(QStringLiteral("home-after-takedown"));
}

} // namespace cc::app
