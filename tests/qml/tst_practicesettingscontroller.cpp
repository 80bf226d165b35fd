// PracticeSettingsController against a real Vault in a temporary directory (cheap
// scrypt), followed through AppController and CoreHost as in the app.

#include "domain/canonicaljson.h"
#include "domain/practice.h"
#include "domain/vocabulary.h"
#include "fake/fakekeystore.h"
#include "fake/fakesecurewindow.h"
#include "imaging/qimagecodec.h"
#include "services/templates.h"
#include "services/vault.h"
#include "storage/database.h"
#include "storage/fileops.h"
#include "storage/vaultmetarepository.h"
#include "ui/appcontroller.h"
#include "ui/corehost.h"
#include "ui/practicesettingscontroller.h"

#include "qml/appfixture.h"

#include <catch2/catch_session.hpp>
#include <catch2/catch_test_macros.hpp>

#include <QDeadlineTimer>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>

#include <functional>
#include <memory>
#include <vector>

using cc::domain::Policy;
using cc::ui::AppController;
using cc::ui::PracticeSettingsController;
using namespace std::chrono_literals;

using cc::test::waitFor;

namespace {

using cc::test::AppFixture;
const QString passcode = AppFixture::passcode;

// A vault, the app's controller, the core host and the controller under test.
struct Fixture : cc::test::AppFixture {
    Fixture() { settings = std::make_unique<PracticeSettingsController>(*host); }

    // The audit entries of one kind, as their "data" members.
    std::vector<QJsonObject> auditData(const QString &kind) {
        std::vector<QJsonObject> data;
        for (const auto &row : host->core()->audit().entries()) {
            if (row.kind == kind)
                data.push_back(cc::domain::parseJsonStrict(row.entry)
                                   .toObject()
                                   .value(QStringLiteral("data"))
                                   .toObject());
        }
        return data;
    }

    std::int64_t auditCount() { return vault->audit().count(); }

    std::unique_ptr<PracticeSettingsController> settings;
};

// Counts a controller's notify signals.
struct Notifications {
    explicit Notifications(PracticeSettingsController &c) {
        QObject::connect(&c, &PracticeSettingsController::policyChanged, [this] { ++policy; });
        QObject::connect(&c, &PracticeSettingsController::clinicianChanged,
                         [this] { ++clinician; });
    }
    int policy = 0;
    int clinician = 0;
};

void checkEverythingCleared(const PracticeSettingsController &s) {
    CHECK_FALSE(s.witnessRequired());
    CHECK(s.maxDurationDays() == 0);
    CHECK(s.allowedPlatforms().isEmpty());
    CHECK(s.clinicianName().isEmpty());
    CHECK(s.clinicianCredentials().isEmpty());
    CHECK(s.practiceName().isEmpty());
    CHECK(s.practiceContact().isEmpty());
    CHECK_FALSE(s.profileComplete());
    CHECK(s.errorMessage().isEmpty());
    CHECK(s.noticeMessage().isEmpty());
}

void saveCompleteProfile(PracticeSettingsController &s) {
    s.saveClinician(QStringLiteral("Dr. Ana Ruiz"), QStringLiteral("MD, Dermatology"),
                    QStringLiteral("Ruiz Dermatology"), QStringLiteral("privacy@ruiz.example"));
    REQUIRE(s.errorMessage().isEmpty());
}

} // namespace

TEST_CASE("Nothing is held before the vault opens; once it opens the defaults are loaded") {
    Fixture f;
    auto &s = *f.settings;
    checkEverythingCleared(s);
    CHECK(s.longestMaxDurationDays() == Policy::LongestMaxDurationDays);

    Notifications notified(s);
    f.createVault();
    CHECK(notified.policy == 1);
    CHECK_FALSE(s.witnessRequired());
    CHECK(s.maxDurationDays() == Policy::DefaultMaxDurationDays);
    CHECK(s.allowedPlatforms() == cc::domain::vocabulary::platforms());
    CHECK(s.clinicianName().isEmpty());
    CHECK_FALSE(s.profileComplete());
    CHECK(s.errorMessage().isEmpty());
}

TEST_CASE("A saved policy and profile are stored, and read back after a lock and an unlock") {
    Fixture f;
    f.createVault();
    auto &s = *f.settings;
    Notifications notified(s);

    s.savePolicy(
        true, 365,
        {QStringLiteral("website"), QStringLiteral("instagram"), QStringLiteral("website")});
    CHECK(s.errorMessage().isEmpty());
    CHECK_FALSE(s.noticeMessage().isEmpty());
    CHECK(notified.policy == 1);
    CHECK(s.witnessRequired());
    CHECK(s.maxDurationDays() == 365);
    // In the vocabulary's order, each once.
    const QStringList expected{QStringLiteral("instagram"), QStringLiteral("website")};
    CHECK(s.allowedPlatforms() == expected);

    // Kept as one line each, whitespace runs collapsed, as the consent form prints them.
    s.saveClinician(QStringLiteral("  Dr. Ana   Ruiz "), QStringLiteral("MD, Dermatology"),
                    QStringLiteral("Ruiz Dermatology"),
                    QStringLiteral("12 Elm Street\nSpringfield"));
    CHECK(s.errorMessage().isEmpty());
    CHECK_FALSE(s.noticeMessage().isEmpty());
    CHECK(notified.clinician == 1);
    CHECK(s.clinicianName() == QStringLiteral("Dr. Ana Ruiz"));
    CHECK(s.practiceContact() == QStringLiteral("12 Elm Street Springfield"));
    CHECK(s.profileComplete());

    // What the vault holds, not just what the controller remembers.
    const Policy stored = f.host->core()->settings().policy();
    CHECK(stored.witnessRequired);
    CHECK(stored.maxDurationDays == 365);
    CHECK(stored.allowedPlatforms == expected);
    CHECK(f.host->core()->settings().clinician().name == QStringLiteral("Dr. Ana Ruiz"));

    f.app->lock();
    checkEverythingCleared(s);
    f.unlock();
    CHECK(s.witnessRequired());
    CHECK(s.maxDurationDays() == 365);
    CHECK(s.allowedPlatforms() == expected);
    CHECK(s.clinicianName() == QStringLiteral("Dr. Ana Ruiz"));
    CHECK(s.clinicianCredentials() == QStringLiteral("MD, Dermatology"));
    CHECK(s.practiceName() == QStringLiteral("Ruiz Dermatology"));
    CHECK(s.practiceContact() == QStringLiteral("12 Elm Street Springfield"));
    CHECK(s.profileComplete());

    // A controller made while the vault is open reads it at once.
    PracticeSettingsController late(*f.host);
    CHECK(late.maxDurationDays() == 365);
    CHECK(late.clinicianName() == QStringLiteral("Dr. Ana Ruiz"));
}

TEST_CASE("Each policy refusal says what to fix, and nothing is stored") {
    Fixture f;
    f.createVault();
    auto &s = *f.settings;
    const auto before = f.auditCount();
    const QStringList some{QStringLiteral("instagram")};

    SECTION("no platform") {
        s.savePolicy(false, 365, {});
        CHECK(s.errorMessage().contains(QStringLiteral("at least one platform")));
    }
    SECTION("no days") {
        s.savePolicy(false, 0, some);
        CHECK(s.errorMessage().contains(QStringLiteral("between 1 and 3,650 days")));
    }
    SECTION("negative days") {
        s.savePolicy(false, -30, some);
        CHECK(s.errorMessage().contains(QStringLiteral("between 1 and 3,650 days")));
    }
    SECTION("more than ten years") {
        s.savePolicy(false, Policy::LongestMaxDurationDays + 1, some);
        CHECK(s.errorMessage().contains(QStringLiteral("between 1 and 3,650 days")));
    }
    SECTION("an unknown platform") {
        s.savePolicy(false, 365, {QStringLiteral("instagram"), QStringLiteral("myspace")});
        CHECK(s.errorMessage().contains(QStringLiteral("not known")));
    }
    CHECK(s.noticeMessage().isEmpty());
    CHECK(f.auditCount() == before);
    CHECK(f.host->core()->settings().policy() == Policy::defaults());
    CHECK(s.maxDurationDays() == Policy::DefaultMaxDurationDays);

    // A later save that goes through clears the refusal.
    s.savePolicy(false, 1, some);
    CHECK(s.errorMessage().isEmpty());
    CHECK(s.maxDurationDays() == 1);
}

TEST_CASE("The longest duration is allowed; a platform listed twice is refused by the check") {
    Policy policy = Policy::defaults();
    policy.maxDurationDays = Policy::LongestMaxDurationDays;
    CHECK(PracticeSettingsController::problemWith(policy).isEmpty());
    policy.allowedPlatforms = {QStringLiteral("x"), QStringLiteral("x")};
    CHECK(PracticeSettingsController::problemWith(policy).contains(QStringLiteral("twice")));
}

TEST_CASE("Each profile refusal says what to fix, and nothing is stored") {
    Fixture f;
    f.createVault();
    auto &s = *f.settings;
    saveCompleteProfile(s);
    const auto before = f.auditCount();
    const QString name = QStringLiteral("Dr. Ana Ruiz");
    const QString credentials = QStringLiteral("MD");
    const QString practice = QStringLiteral("Ruiz Dermatology");
    const QString contact = QStringLiteral("privacy@ruiz.example");

    SECTION("a blank name") {
        s.saveClinician(QStringLiteral("   "), credentials, practice, contact);
        CHECK(s.errorMessage().contains(QStringLiteral("your name")));
    }
    SECTION("blank credentials") {
        s.saveClinician(name, {}, practice, contact);
        CHECK(s.errorMessage().contains(QStringLiteral("credentials")));
    }
    SECTION("a blank practice") {
        s.saveClinician(name, credentials, QStringLiteral("\t"), contact);
        CHECK(s.errorMessage().contains(QStringLiteral("practice")));
    }
    SECTION("a blank contact, which the message explains") {
        s.saveClinician(name, credentials, practice, QStringLiteral(" \n "));
        CHECK(s.errorMessage().contains(QStringLiteral("written revocation")));
    }
    SECTION("a control character") {
        s.saveClinician(name + QChar(0x07), credentials, practice, contact);
        CHECK(s.errorMessage().contains(QStringLiteral("special characters")));
    }
    SECTION("text the record can't carry (refused by the vault)") {
        s.saveClinician(name + QChar(0xd800), credentials, practice, contact);
        CHECK(s.errorMessage().contains(QStringLiteral("special characters")));
    }
    CHECK(s.noticeMessage().isEmpty());
    CHECK(f.auditCount() == before);
    CHECK(f.host->core()->settings().clinician().credentials == QStringLiteral("MD, Dermatology"));
    CHECK(s.clinicianName() == name);
    CHECK(s.profileComplete());
}

TEST_CASE("Every change is in the audit log; a save without changes writes nothing") {
    Fixture f;
    f.createVault();
    auto &s = *f.settings;
    s.savePolicy(true, 1825, {QStringLiteral("linkedin")});
    saveCompleteProfile(s);

    const auto policies = f.auditData(QStringLiteral("policy.changed"));
    REQUIRE(policies.size() == 1);
    const QJsonObject policy = policies.front().value(QStringLiteral("policy")).toObject();
    CHECK(policy.value(QStringLiteral("witnessRequired")).toBool());
    CHECK(policy.value(QStringLiteral("maxDurationDays")).toInt() == 1825);
    CHECK(policy.value(QStringLiteral("allowedPlatforms")).toArray() ==
          QJsonArray{QStringLiteral("linkedin")});

    const auto profiles = f.auditData(QStringLiteral("clinician.changed"));
    REQUIRE(profiles.size() == 1);
    CHECK(profiles.front().value(QStringLiteral("clinician")).toObject() ==
          f.host->core()->settings().clinician().toJson());

    const auto before = f.auditCount();
    s.savePolicy(true, 1825, {QStringLiteral("linkedin")});
    CHECK(s.errorMessage().isEmpty());
    CHECK(s.noticeMessage().contains(QStringLiteral("no changes")));
    saveCompleteProfile(s);
    CHECK(s.noticeMessage().contains(QStringLiteral("no changes")));
    CHECK(f.auditCount() == before);
    CHECK(f.host->core()->audit().verify().ok);
}

TEST_CASE("Locking clears every property and message; saving while locked is refused") {
    Fixture f;
    f.createVault();
    auto &s = *f.settings;
    s.savePolicy(true, 90, {QStringLiteral("youtube")});
    saveCompleteProfile(s);
    REQUIRE_FALSE(s.noticeMessage().isEmpty());
    Notifications notified(s);

    f.app->lock();
    CHECK_FALSE(f.host->isOpen());
    checkEverythingCleared(s);
    CHECK(notified.policy == 1);
    CHECK(notified.clinician == 1);

    s.savePolicy(false, 365, {QStringLiteral("instagram")});
    CHECK(s.errorMessage() == AppController::messageFor(cc::services::VaultError::NotUnlocked));
    s.saveClinician(QStringLiteral("Someone Else"), QStringLiteral("RN"), QStringLiteral("Clinic"),
                    QStringLiteral("clinic@example.org"));
    CHECK(s.errorMessage() == AppController::messageFor(cc::services::VaultError::NotUnlocked));
    CHECK(s.clinicianName().isEmpty());
    s.reload();
    checkEverythingCleared(s);

    f.unlock();
    CHECK(s.maxDurationDays() == 90);
    CHECK(s.clinicianName() == QStringLiteral("Dr. Ana Ruiz"));
}

TEST_CASE("Patient mode keeps the vault open, so the settings stay loaded") {
    Fixture f;
    f.createVault();
    f.settings->savePolicy(false, 365, {QStringLiteral("instagram")});
    f.app->enterPatientMode();
    REQUIRE(f.app->state() == AppController::State::PatientMode);
    CHECK(f.settings->maxDurationDays() == 365);
    f.app->lock();
    checkEverythingCleared(*f.settings);
}

TEST_CASE("A damaged stored policy is reported, and nothing is shown") {
    Fixture f;
    f.createVault();
    {
        auto &db = f.vault->database();
        auto transaction = db.transaction();
        cc::storage::VaultMetaRepository(db).setValue(QStringLiteral("policy"),
                                                      QStringLiteral("{\"maxDurationDays\":"));
        transaction.commit();
    }
    auto &s = *f.settings;
    s.reload();
    CHECK(s.errorMessage().contains(QStringLiteral("could not be read")));
    CHECK(s.maxDurationDays() == 0);
    CHECK(s.allowedPlatforms().isEmpty());
}

// The controllers need a QGuiApplication (AppController's event filter); it lives for the
// whole run.
int main(int argc, char *argv[]) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    return Catch::Session().run(argc, argv);
}
