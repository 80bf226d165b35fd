// The Qt Quick Test runner for the ConsentCam QML module: every tst_*.qml in this
// directory, with the module imported from the resources and the Material style.
// Pages that take their data as properties are tested against FakeController.qml; the
// consent wizard, which talks to its controllers directly, gets the real ones over a real
// vault in a temporary directory (a patient with one story, a complete clinician profile).

#include "fake/fakekeystore.h"
#include "fake/fakesecurewindow.h"
#include "fake/fakesharesheet.h"
#include "imaging/demophoto.h"
#include "imaging/qimagecodec.h"
#include "imaging/revocationpdf.h"
#include "services/consentcore.h"
#include "services/templates.h"
#include "services/vault.h"
#include "storage/fileops.h"
#include "ui/appcontroller.h"
#include "ui/auditcontroller.h"
#include "ui/capturecontroller.h"
#include "ui/consentsession.h"
#include "ui/corehost.h"
#include "ui/injectedframesource.h"
#include "ui/librarycontroller.h"
#include "ui/postscontroller.h"
#include "ui/practicesettingscontroller.h"
#include "ui/qmlregistration.h"
#include "ui/revocationcontroller.h"
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

// A second patient with a photo and a sealed consent over it, for the revocation form
// (tst_revokeconsentpage.qml). Named to sort after the wizard's patient.
QString addConsentedPatient(cc::services::ConsentCore &core, const QDateTime &now,
                            const QString &name = QStringLiteral("Zoë Revocation (demo)")) {
    const auto patient = core.library().addPatient(name);
    const auto photo = core.library().importPhoto(patient.id, cc::imaging::demoPhoto(5, 640, 480),
                                                  now.addSecs(-3600));
    cc::services::ConsentRequest r;
    r.patientId = patient.id;
    r.itemIds = {photo.id};
    r.language = QStringLiteral("en");
    r.platforms = {QStringLiteral("instagram")};
    r.audiences = {QStringLiteral("public")};
    r.purposes = {QStringLiteral("education")};
    r.identifiable = true;
    r.expiry = {cc::domain::Expiry::Kind::Date, now.date().addDays(365), {}};
    r.signer = {QStringLiteral("patient"), patient.displayName, {}, {}, {}};
    r.strokes = cc::domain::syntheticSignature(21);
    r.printedName = patient.displayName;
    r.signedAt = now.addSecs(-120);
    r.agreed = true;
    r.agreedAt = now.addSecs(-150);
    r.countersignedAt = now.addSecs(-60);
    (void)core.consents().seal(r);
    return patient.id;
}

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
        revocation = std::make_unique<cc::ui::RevocationController>(*host, revocationPdf, sheet);
        audit = std::make_unique<cc::ui::AuditController>(*host);
        posts = std::make_unique<cc::ui::PostsController>(*host, sheet);

        auto &core = *host->core();
        core.settings().setClinician(
            {QStringLiteral("Dr. Ana Ruiz"), QStringLiteral("MD, Dermatology"),
             QStringLiteral("Ruiz Dermatology"), QStringLiteral("privacy@ruiz.example")});
        const auto patient = core.library().addPatient(QStringLiteral("Lucía Example (demo)"));
        (void)core.library().addStory(patient.id, QStringLiteral("Healing eczema"),
                                      QStringLiteral("After six weeks the skin is almost clear."));
        (void)core.library().importPhoto(patient.id, cc::imaging::demoPhoto(3, 800, 600),
                                         host->now());
        addConsentedPatient(core, host->now());
        // For the item picker (tst_itempicker.qml): a consented photo and a story no consent
        // covers.
        const QString pickerPatient =
            addConsentedPatient(core, host->now(), QStringLiteral("Zz Picker Example (demo)"));
        (void)core.library().addStory(pickerPatient, QStringLiteral("Not consented"),
                                      QStringLiteral("A story written after the consent."));
        library->refresh();

        cc::ui::AppControllerForeign::setInstance(app.get());
        cc::ui::LibraryForeign::setInstance(library.get());
        cc::ui::ConsentSessionForeign::setInstance(session.get());
        cc::ui::UiLanguageForeign::setInstance(&language);
        cc::ui::PracticeSettingsForeign::setInstance(settings.get());
        cc::ui::CaptureControllerForeign::setInstance(capture.get());
        cc::ui::RevocationForeign::setInstance(revocation.get());
        cc::ui::AuditForeign::setInstance(audit.get());
        cc::ui::PostsForeign::setInstance(posts.get());
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
    cc::platform::FakeShareSheet sheet;
    cc::imaging::RevocationPdfRenderer revocationPdf;
    std::unique_ptr<cc::ui::RevocationController> revocation;
    std::unique_ptr<cc::ui::AuditController> audit;
    std::unique_ptr<cc::ui::PostsController> posts;
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
