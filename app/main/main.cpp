// The composition root: builds the file layer, the vault, the platform services and the
// controllers, registers them for QML, loads translations and the window.

#include "imaging/consentpdf.h"
#include "imaging/demophoto.h"
#include "imaging/qimagecodec.h"
#include "imaging/revocationpdf.h"
#include "selftest.h"
#include "services/demogenerator.h"
#include "services/templates.h"
#include "services/vault.h"
#include "storage/database.h"
#include "storage/fileops.h"
#include "storage/storageerror.h"
#include "ui/appcontroller.h"
#include "ui/auditcontroller.h"
#include "ui/capturecontroller.h"
#include "ui/consentcopycontroller.h"
#include "ui/consentsession.h"
#include "ui/corehost.h"
#include "ui/deferredframesource.h"
#include "ui/injectedframesource.h"
#include "ui/librarycontroller.h"
#include "ui/postscontroller.h"
#include "ui/practicesettingscontroller.h"
#include "ui/qmlregistration.h"
#include "ui/qtcameraframesource.h"
#include "ui/revocationcontroller.h"
#include "ui/shotlistmodel.h"
#include "ui/uilanguage.h"
#include "ui/vaultimageprovider.h"

#include "platformservices.h"

#ifdef CONSENTCAM_TEST_HOOKS
#include "screenshottour.h"
#endif

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QLocale>
#include <QMediaDevices>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>
#include <optional>

Q_IMPORT_QML_PLUGIN(ConsentCamPlugin)

using namespace Qt::StringLiterals;

int main(int argc, char *argv[]) {
    QGuiApplication app(argc, argv);
    QGuiApplication::setOrganizationName(u"ConsentCam"_s);
    QGuiApplication::setApplicationName(u"ConsentCam"_s);
    QGuiApplication::setApplicationVersion(u"0.1.0"_s);
    QQuickStyle::setStyle(u"Material"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"ConsentCam: media-release consent, encrypted on the phone"_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption vaultOption(u"vault"_s, u"The vault directory."_s, u"DIR"_s);
    const QCommandLineOption langOption(u"lang"_s, u"The interface language, e.g. en or es."_s,
                                        u"CODE"_s);
    const QCommandLineOption selfTestOption(u"self-test"_s,
                                            u"Load every QML file, report errors and exit."_s);
    const QCommandLineOption demoOption(
        u"demo"_s, u"Open a throwaway vault of fictional demo data (passcode 480913)."_s);
    parser.addOption(vaultOption);
    parser.addOption(demoOption);
    parser.addOption(langOption);
    parser.addOption(selfTestOption);
    const QCommandLineOption firstFrameOption(
        u"report-first-frame"_s,
        u"Print \"first frame\" on standard output once the first frame is drawn."_s);
    parser.addOption(firstFrameOption);
#ifdef CONSENTCAM_TEST_HOOKS
    const QCommandLineOption tourOption(
        u"screenshot-tour"_s,
        u"Test hook: drive a fresh vault through every screen, saving DIR/<screen>-<lang>.png."_s,
        u"DIR"_s);
    parser.addOption(tourOption);
    const QCommandLineOption e2eOption(
        u"e2e-session"_s,
        u"Test hook: the tour without screenshots, the wizard in Spanish; exit 0 when the "
        u"sealed record verifies."_s);
    parser.addOption(e2eOption);
    const QCommandLineOption injectCameraOption(
        u"inject-camera"_s,
        u"Test hook: pretend back and front cameras that show a generated demo photo."_s);
    parser.addOption(injectCameraOption);
    const QCommandLineOption galleryOption(
        u"bench-gallery"_s,
        u"Test hook: unlock --vault with $CONSENTCAM_BENCH_PASSCODE, scroll the largest "
        u"patient's gallery to the end and print the peak memory."_s);
    parser.addOption(galleryOption);
#endif
    parser.process(app);
#ifdef CONSENTCAM_TEST_HOOKS
    const bool e2e = parser.isSet(e2eOption);
    const bool tour = parser.isSet(tourOption) || e2e;
#else
    constexpr bool tour = false;
#endif
    const bool selfTest = parser.isSet(selfTestOption);

    // Language: --lang, else the system's.
    const QLocale locale =
        parser.isSet(langOption) ? QLocale(parser.value(langOption)) : QLocale::system();
    cc::ui::UiLanguage uiLanguage(locale);

    // The vault directory. The self-test and the tour never touch a real vault.
    std::optional<QTemporaryDir> scratch;
    QString vaultDir;
    const bool demoVault = parser.isSet(demoOption) && !selfTest && !tour;
    if (parser.isSet(vaultOption) && !tour && !demoVault) {
        vaultDir = parser.value(vaultOption);
    } else if (selfTest || tour || demoVault) {
        scratch.emplace();
        vaultDir = scratch->path();
    } else {
        vaultDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    }
    vaultDir = QDir(vaultDir).absolutePath();
    QDir().mkpath(vaultDir);

    // Fail loudly, before anything is stored, if SQLite was linked without SQLCipher.
    try {
        (void)cc::storage::requireSqlCipher();
    } catch (const cc::storage::StorageError &e) {
        qCritical("ConsentCam cannot run: %s", e.what());
        return 2;
    }

    cc::storage::PosixFileOps files;
    cc::ui::AppController::Options options;
    cc::services::Vault::Clock clock = &QDateTime::currentDateTimeUtc;
    cc::services::Vault::Ticks ticks = &cc::services::Vault::steadyTicks;
#ifdef CONSENTCAM_TEST_HOOKS
    // The tour moves the vault's clock forward to skip the back-off, and creates its
    // throwaway vault with a cheaper scrypt so it runs in seconds.
    auto clockOffsetSeconds = std::make_shared<qint64>(0);
    if (tour) {
        clock = [clockOffsetSeconds] {
            return QDateTime::currentDateTimeUtc().addSecs(*clockOffsetSeconds);
        };
        ticks = [clockOffsetSeconds] {
            return cc::services::Vault::steadyTicks() + std::chrono::seconds(*clockOffsetSeconds);
        };
        options.newVaultKdf.n = std::uint64_t{1} << 14;
    }
#endif
    cc::services::Vault vault(vaultDir, files, clock, ticks);
    cc::imaging::QImageCodec codec;
    const cc::domain::TemplateCatalog templates = cc::services::loadBuiltInTemplates();
    if (demoVault) {
        // A throwaway vault (cheap scrypt: it lives in a temporary directory) filled with
        // clearly fictional patients, photos, consents, drafts and posts.
        options.demo = true;
        try {
            vault.create(QString::fromLatin1(cc::ui::AppController::demoPasscode),
                         cc::crypto::ScryptParams{std::uint64_t{1} << 14, 8, 1});
            cc::services::ConsentCore core(vault, codec, templates);
            cc::services::DemoGenerator(core, clock, [](std::uint64_t seed) {
                return cc::imaging::demoPhoto(seed, 1200, 900);
            }).generate(6);
        } catch (const std::exception &e) {
            qCritical("ConsentCam could not create the demo vault: %s", e.what());
            return 2;
        }
    }
    cc::platform::PlatformServices platform =
        cc::platform::createPlatformServices(u"ConsentCam "_s + vaultDir);
    cc::ui::AppController controller(vault, *platform.keyStore, *platform.secureWindow, options);
    cc::ui::AppControllerForeign::setInstance(&controller);
    cc::ui::CoreHost coreHost(controller, vault, codec, templates);
    cc::ui::LibraryController library(coreHost);
    cc::ui::LibraryForeign::setInstance(&library);
    cc::ui::ConsentSession consentSession(coreHost, controller, uiLanguage);
    cc::ui::ConsentSessionForeign::setInstance(&consentSession);
    cc::ui::UiLanguageForeign::setInstance(&uiLanguage);
    cc::ui::PracticeSettingsController practiceSettings(coreHost);
    cc::ui::PracticeSettingsForeign::setInstance(&practiceSettings);
    // The device's cameras when it has any; otherwise (and for the self-test and the tour)
    // a source without cameras, so the capture screen offers file import only. The cameras
    // are looked for once the first frame is drawn (below), not before.
    std::unique_ptr<cc::ui::FrameSource> frameSource;
    cc::ui::DeferredFrameSource *deferredCameras = nullptr;
    if (!selfTest && !tour) {
        auto deferred = std::make_unique<cc::ui::DeferredFrameSource>(
            []() -> std::unique_ptr<cc::ui::FrameSource> {
                if (QMediaDevices::videoInputs().isEmpty())
                    return std::make_unique<cc::ui::InjectedFrameSource>();
                return std::make_unique<cc::ui::QtCameraFrameSource>();
            });
        deferredCameras = deferred.get();
        frameSource = std::move(deferred);
    } else {
        frameSource = std::make_unique<cc::ui::InjectedFrameSource>();
    }
#ifdef CONSENTCAM_TEST_HOOKS
    if (parser.isSet(injectCameraOption) || tour) {
        using Facing = cc::ui::FrameSource::Facing;
        auto injected = std::make_unique<cc::ui::InjectedFrameSource>(
            QList<Facing>{Facing::Back, Facing::Front});
        const cc::crypto::Bytes demo = cc::imaging::demoPhoto(1);
        const QImage image = QImage::fromData(demo.data(), static_cast<int>(demo.size()), "JPEG");
        // Each camera shows the demo photo as soon as it runs (a fresh frame each time:
        // stopping wipes the last one).
        auto *source = injected.get();
        const auto show = [source, image] {
            source->pushFrame(cc::ui::InjectedFrameSource::frameFromImage(image));
        };
        QObject::connect(source, &cc::ui::FrameSource::activeChanged, source, show);
        QObject::connect(source, &cc::ui::FrameSource::availabilityChanged, source, show);
        frameSource = std::move(injected);
        deferredCameras = nullptr;
    }
#endif
    cc::ui::CaptureController capture(coreHost, *frameSource);
    cc::ui::CaptureControllerForeign::setInstance(&capture);
    cc::imaging::ConsentPdfRenderer consentPdf;
    cc::ui::ConsentCopyController consentCopy(coreHost, consentPdf, *platform.shareSheet);
    cc::ui::ConsentCopyForeign::setInstance(&consentCopy);
    cc::imaging::RevocationPdfRenderer revocationPdf;
    cc::ui::RevocationController revocation(coreHost, revocationPdf, *platform.shareSheet);
    cc::ui::RevocationForeign::setInstance(&revocation);
    cc::ui::AuditController audit(coreHost);
    cc::ui::AuditForeign::setInstance(&audit);
    cc::ui::PostsController posts(coreHost, *platform.shareSheet);
    cc::ui::PostsForeign::setInstance(&posts);

    QQmlApplicationEngine engine;
    engine.addImportPath(u"qrc:/qt/qml"_s);
    engine.addImageProvider(u"vault"_s, new cc::ui::VaultImageProvider(coreHost));
    // The engine owns the providers; the shots stay in the capture controller's memory.
    engine.addImageProvider(QLatin1String(cc::ui::ShotListModel::ProviderId),
                            new cc::ui::ShotImageProvider(capture.shotStore()));
    uiLanguage.setEngine(&engine);
    if (selfTest)
        return cc::app::runSelfTest(engine);

    engine.load(QUrl(u"qrc:/qt/qml/ConsentCam/Main.qml"_s));
    if (engine.rootObjects().isEmpty())
        return 1;
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (!window)
        return 1;
    controller.protectWindow(window);
    if (parser.isSet(firstFrameOption)) {
        QObject::connect(
            window, &QQuickWindow::frameSwapped, window,
            [] {
                std::fputs("first frame\n", stdout);
                std::fflush(stdout);
            },
            Qt::SingleShotConnection);
    }
    if (deferredCameras) {
        // Once the first frame is on screen (after its report, when asked for one), from the
        // event loop rather than the render thread's signal.
        QObject::connect(
            window, &QQuickWindow::frameSwapped, deferredCameras,
            [deferredCameras] { deferredCameras->materialize(); },
            static_cast<Qt::ConnectionType>(Qt::QueuedConnection | Qt::SingleShotConnection));
    }

#ifdef CONSENTCAM_TEST_HOOKS
    if (tour) {
        const QString language = locale.name().section(u'_', 0, 0);
        // The screenshots show the wizard in the tour's language; the end-to-end run
        // switches it to Spanish from the clinician's language.
        cc::app::ScreenshotTour screenshotTour(
            *window, controller, coreHost, posts, e2e ? QString() : parser.value(tourOption),
            language, e2e ? u"es"_s : language,
            [clockOffsetSeconds](qint64 seconds) { *clockOffsetSeconds += seconds; });
        return screenshotTour.run();
    }
    if (parser.isSet(galleryOption)) {
        cc::app::ScreenshotTour gallery(*window, controller, coreHost, posts, {}, {}, {},
                                        [](qint64) {});
        return gallery.scrollGallery(qEnvironmentVariable("CONSENTCAM_BENCH_PASSCODE"));
    }
#endif
    return QGuiApplication::exec();
}
