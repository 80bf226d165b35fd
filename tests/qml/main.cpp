// The Qt Quick Test runner for the ConsentCam QML module: every tst_*.qml in this
// directory, with the module imported from the resources and the Material style.
// Pages that take their data as properties are tested against FakeController.qml; the
// consent wizard, which talks to its controllers directly, gets the real ones over a real
// vault in a temporary directory (a patient with one story, a complete clinician profile).

#include "fake/fakekeystore.h"
#include "fake/fakesecurewindow.h"
#include "imaging/demophoto.h"
#include "imaging/qimagecodec.h"
#include "services/consentcore.h"
#include "services/templates.h"
#include "services/vault.h"
#include "storage/fileops.h"
#include "ui/appcontroller.h"
#include "ui/capturecontroller.h"
#include "ui/consentsession.h"
#include "ui/corehost.h"
#include "ui/injectedframesource.h"
#include "ui/librarycontroller.h"
#include "ui/practicesettingscontroller.h"
#include "ui/qmlregistration.h"
#include "ui/uilanguage.h"
#include "ui/vaultimageprovider.h"

#include <QCoreApplication>
#include <QLocale>
#include <QObject>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtQuickTest>

#include <memory>

Q_IMPORT_QML_PLUGIN(ConsentCamPlugin)

namespace {

// The controllers the consent wizard uses, over a real vault.
struct RealControllers {
    static constexpr const char *passcode = "482915"; // tst_consentwizard.qml types it

    RealControllers()
        : vault(dir.path(), files) {
        vault.create(QString::fromLatin1(passcode), cc::crypto::ScryptParams{1 << 14, 8, 1});
        cc::ui::AppController::Options options;
        options.newVaultKdf.n = std::uint64_t{1} << 14;
        app = std::make_unique<cc::ui::AppController>(vault, keyStore, secureWindow, options);
        host = std::make_unique<cc::ui::CoreHost>(*app, vault, codec, templates);
        library = std::make_unique<cc::ui::LibraryController>(*host);
        session = std::make_unique<cc::ui::ConsentSession>(*host, *app, language);
        settings = std::make_unique<cc::ui::PracticeSettingsController>(*host);
        capture = std::make_unique<cc::ui::CaptureController>(*host, camera);

        auto &core = *host->core();
        core.settings().setClinician(
            {QStringLiteral("Dr. Ana Ruiz"), QStringLiteral("MD, Dermatology"),
             QStringLiteral("Ruiz Dermatology"), QStringLiteral("privacy@ruiz.example")});
        const auto patient = core.library().addPatient(QStringLiteral("Lucía Example (demo)"));
        (void)core.library().addStory(patient.id, QStringLiteral("Healing eczema"),
                                      QStringLiteral("After six weeks the skin is almost clear."));
        (void)core.library().importPhoto(patient.id, cc::imaging::demoPhoto(3, 800, 600),
                                         host->now());
        library->refresh();

        cc::ui::AppControllerForeign::setInstance(app.get());
        cc::ui::LibraryForeign::setInstance(library.get());
        cc::ui::ConsentSessionForeign::setInstance(session.get());
        cc::ui::UiLanguageForeign::setInstance(&language);
        cc::ui::PracticeSettingsForeign::setInstance(settings.get());
        cc::ui::CaptureControllerForeign::setInstance(capture.get());
    }

    QTemporaryDir dir;
    cc::storage::PosixFileOps files;
    cc::services::Vault vault;
    cc::platform::FakeKeyStore keyStore;
    cc::platform::FakeSecureWindow secureWindow;
    cc::imaging::QImageCodec codec;
    const cc::domain::TemplateCatalog templates = cc::services::loadBuiltInTemplates();
    cc::ui::UiLanguage language{QLocale(QLocale::English)};
    cc::ui::InjectedFrameSource camera;
    std::unique_ptr<cc::ui::AppController> app;
    std::unique_ptr<cc::ui::CoreHost> host;
    std::unique_ptr<cc::ui::LibraryController> library;
    std::unique_ptr<cc::ui::ConsentSession> session;
    std::unique_ptr<cc::ui::PracticeSettingsController> settings;
    std::unique_ptr<cc::ui::CaptureController> capture;
};

} // namespace

class Setup : public QObject {
    Q_OBJECT

public slots:
    void applicationAvailable() {
        QQuickStyle::setStyle(QStringLiteral("Material"));
        // Preferences (the text size) go to a test location, not the user's own.
        QStandardPaths::setTestModeEnabled(true);
        // English plural forms ("1 minute", "5 minutes") come from a translation.
        QLocale::setDefault(QLocale(QLocale::English));
        if (m_translator.load(QStringLiteral(":/i18n/consentcam_en.qm")))
            QCoreApplication::installTranslator(&m_translator);
        m_controllers = std::make_unique<RealControllers>();
    }

    void qmlEngineAvailable(QQmlEngine *engine) {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        engine->addImageProvider(QStringLiteral("vault"),
                                 new cc::ui::VaultImageProvider(*m_controllers->host));
    }

    void cleanupTestCase() { m_controllers.reset(); }

private:
    QTranslator m_translator;
    std::unique_ptr<RealControllers> m_controllers;
};

QUICK_TEST_MAIN_WITH_SETUP(consentcam_qml, Setup)

#include "main.moc"
