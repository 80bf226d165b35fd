#include "screenshottour.h"

#include "domain/signature.h"
#include "services/consentcore.h"
#include "ui/appcontroller.h"
#include "ui/corehost.h"

#include <QAccessible>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QImage>
#include <QKeyEvent>
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
                               ui::CoreHost &host, QString directory, QString language,
                               QString wizardLanguage, AdvanceClock advanceClock)
    : m_window(window)
    , m_controller(controller)
    , m_host(host)
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

    QTextStream(stdout) << "screenshot tour: " << m_controlsChecked
                        << " controls checked for a spoken name and a touch target's height\n";
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

    step(QStringLiteral("click Done"), click(QStringLiteral("sealedDone")));
    save(QStringLiteral("patient-consented"));
}

} // namespace cc::app
