#include "servicetestsupport.h"

#include "consentrequest.h"
#include "imaging/demophoto.h"
#include "services/templates.h"
#include "storage/database.h"

#include <catch2/catch_test_macros.hpp>

#include <QFile>
#include <QStringList>

#ifdef CONSENTCAM_TEST_GUI_APP
#include <QGuiApplication>
#endif

namespace cc::services::test {

QCoreApplication &app() {
    static int argc = 1;
    static char name[] = "services_test";
    static char *argv[] = {name, nullptr};
#ifdef CONSENTCAM_TEST_GUI_APP
    // The PDF renderer lays text out with fonts, which need a GUI application.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    static QGuiApplication instance(argc, argv);
#else
    static QCoreApplication instance(argc, argv);
#endif
    // Damage the tests make on purpose would fill the output with SQLCipher's log.
    storage::silenceSqlCipherLog();
    return instance;
}

CoreFixture::CoreFixture()
    : m_dir(m_tmp.path() + QStringLiteral("/vault"))
    , m_templates(loadBuiltInTemplates()) {
    (void)app();
    m_vault = makeVault();
    m_vault->create(Passcode, FastKdf);
    m_core = std::make_unique<ConsentCore>(*m_vault, m_codec, m_templates);
    m_core->settings().setClinician({QStringLiteral("Dr. Ana Ruiz"), QStringLiteral("MD"),
                                     QStringLiteral("Bayview Skin Clinic"),
                                     QStringLiteral("200 Harbor Street, Bayview")});
}

CoreFixture::~CoreFixture() = default;

std::unique_ptr<Vault> CoreFixture::makeVault() {
    return std::make_unique<Vault>(
        m_dir, m_files, [this] { return m_clock.now; }, [this] { return m_clock.ticks; });
}

void CoreFixture::reopen() {
    close();
    m_vault = makeVault();
    m_vault->unlock(Passcode);
    m_core = std::make_unique<ConsentCore>(*m_vault, m_codec, m_templates);
}

void CoreFixture::close() {
    m_core.reset();
    if (m_vault)
        m_vault->lock();
    m_vault.reset();
}

domain::Patient CoreFixture::addPatient(const QString &name) {
    return m_core->library().addPatient(name);
}

domain::Photo CoreFixture::addPhoto(const QString &patientId, std::uint64_t seed) {
    const auto bytes = imaging::demoPhoto(seed, 320, 240);
    return m_core->library().importPhoto(patientId, bytes, m_clock.now.addSecs(-3600));
}

ConsentRequest CoreFixture::request(const QString &patientId, const QStringList &itemIds) {
    const auto patient = m_core->library().patient(patientId);
    const QString name = patient ? patient->displayName : QStringLiteral("Ada Example");
    return cc::test::patientSignedRequest(patientId, itemIds, name, m_clock.now);
}

domain::SealedConsent CoreFixture::seal(const QString &patientId, const QStringList &itemIds,
                                        const std::function<void(ConsentRequest &)> &change) {
    ConsentRequest r = request(patientId, itemIds);
    if (change)
        change(r);
    return m_core->consents().seal(r);
}

QStringList reasonCodes(const domain::GateDecision &decision) {
    QStringList codes;
    for (const auto &reason : decision.reasons)
        codes.append(reason.code);
    return codes;
}

void tamper(Vault &vault, const char *sql) {
    auto &db = vault.database();
    db.exec("PRAGMA foreign_keys = OFF");
    {
        auto transaction = db.transaction();
        // Triggers are dropped and put back in the same transaction: only the edit stays.
        QStringList triggers;
        {
            auto list = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger'");
            while (list.step())
                triggers.append(list.columnText(0));
        }
        auto names = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger'");
        QStringList triggerNames;
        while (names.step())
            triggerNames.append(names.columnText(0));
        names = db.prepare("SELECT 1"); // release the schema statement before DROP
        for (const QString &name : triggerNames)
            db.exec(("DROP TRIGGER \"" + name + "\"").toUtf8().constData());
        db.exec(sql);
        for (const QString &create : triggers)
            db.exec(create.toUtf8().constData());
        transaction.commit();
    }
    db.exec("PRAGMA foreign_keys = ON");
}

QByteArray readAll(const QString &path) {
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

void writeAll(const QString &path, const QByteArray &bytes) {
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(file.write(bytes) == bytes.size());
}

} // namespace cc::services::test
