// AppController against a real Vault in a temporary directory (cheap scrypt), with the
// fake key store and secure window.

#include "fake/fakekeystore.h"
#include "fake/fakesecurewindow.h"
#include "services/vault.h"
#include "storage/fileops.h"
#include "ui/appcontroller.h"

#include "qml/eventloop.h"

#include <catch2/catch_session.hpp>
#include <catch2/catch_test_macros.hpp>

#include <QDateTime>
#include <QDeadlineTimer>
#include <QFile>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QSettings>
#include <QTemporaryDir>
#include <QThread>
#include <QWindow>

#include <functional>
#include <memory>

using cc::ui::AppController;
using State = AppController::State;
using namespace std::chrono_literals;

using cc::test::spin;
using cc::test::waitFor;

namespace {

const QString passcode = QStringLiteral("482915");
const QString wrongPasscode = QStringLiteral("000000");

// A vault directory, the vault (with a clock the test can move) and a controller.
struct Fixture {
    explicit Fixture(std::chrono::milliseconds autoLockUnit = 1s) {
        REQUIRE(dir.isValid());
        options.newVaultKdf.n = std::uint64_t{1} << 14; // the smallest the vault accepts
        options.autoLockUnit = autoLockUnit;
        makeController();
    }

    void makeController() {
        controller.reset();
        vault.reset();
        // The test moves time forward on both clocks the vault reads.
        vault = std::make_unique<cc::services::Vault>(
            dir.path(), files,
            [this] { return QDateTime::currentDateTimeUtc().addSecs(clockOffset); },
            [this] {
                return cc::services::Vault::steadyTicks() + std::chrono::seconds(clockOffset);
            });
        controller = std::make_unique<AppController>(*vault, keyStore, secureWindow, options);
    }

    bool settled() {
        return waitFor([this] { return !controller->busy(); });
    }

    void createVault() {
        controller->createVault(passcode);
        REQUIRE(controller->busy());
        REQUIRE(settled());
        REQUIRE(controller->state() == State::Unlocked);
    }

    QTemporaryDir dir;
    cc::storage::PosixFileOps files;
    qint64 clockOffset = 0;
    cc::platform::FakeKeyStore keyStore;
    cc::platform::FakeSecureWindow secureWindow;
    AppController::Options options;
    std::unique_ptr<cc::services::Vault> vault;
    std::unique_ptr<AppController> controller;
};

} // namespace

TEST_CASE("A new directory starts in NoVault and moves NoVault → Unlocked → Locked → Unlocked") {
    Fixture f;
    auto &c = *f.controller;
    CHECK(c.state() == State::NoVault);
    CHECK(c.vaultId().isEmpty());

    f.createVault();
    CHECK(c.errorMessage().isEmpty());
    CHECK(c.vaultId().size() == 32);
    CHECK(c.vaultCreatedAt().isValid());
    CHECK(c.schemaVersion() > 0);
    CHECK_FALSE(c.cipherVersion().isEmpty());
    CHECK(c.mediaCount() == 0);

    c.lock();
    CHECK(c.state() == State::Locked);
    CHECK(f.vault->state() == cc::services::Vault::State::Locked);
    CHECK(c.vaultId().isEmpty());

    c.unlock(passcode);
    CHECK(c.busy());
    REQUIRE(f.settled());
    CHECK(c.state() == State::Unlocked);
    CHECK(c.errorMessage().isEmpty());
    CHECK(c.failedAttempts() == 0);
    CHECK_FALSE(c.vaultId().isEmpty());
}

TEST_CASE("An existing vault starts Locked") {
    Fixture f;
    f.createVault();
    f.makeController();
    CHECK(f.controller->state() == State::Locked);
}

TEST_CASE("A weak passcode is refused before any work starts") {
    Fixture f;
    auto &c = *f.controller;
    c.createVault(QStringLiteral("12345"));
    CHECK_FALSE(c.busy());
    CHECK(c.state() == State::NoVault);
    CHECK(c.errorMessage() == AppController::messageFor(cc::services::VaultError::WeakPasscode));
    CHECK_FALSE(QFile::exists(f.dir.filePath(QStringLiteral("vault.key"))));
    CHECK_FALSE(c.passcodeStrong(QStringLiteral("12345")));
    CHECK(c.passcodeStrong(passcode));
    CHECK(c.passcodeStrong(QStringLiteral("a passphrase")));
}

TEST_CASE("Wrong passcodes set the error, count the failures and start the back-off") {
    Fixture f;
    auto &c = *f.controller;
    f.createVault();
    c.lock();

    c.unlock(wrongPasscode);
    REQUIRE(f.settled());
    CHECK(c.state() == State::Locked);
    CHECK(c.errorMessage() == AppController::messageFor(cc::services::VaultError::WrongPasscode));
    CHECK(c.failedAttempts() == 1);

    int failures = 1;
    while (c.backoffSeconds() == 0 && failures < 10) {
        c.unlock(wrongPasscode);
        REQUIRE(f.settled());
        ++failures;
    }
    REQUIRE(c.backoffSeconds() > 0);
    CHECK(c.failedAttempts() == failures);
    CHECK(c.backoffSeconds() == cc::services::Vault::backoffFor(failures).count());

    // While backing off even the right passcode is refused, without trying it.
    c.unlock(passcode);
    CHECK_FALSE(c.busy());
    CHECK(c.state() == State::Locked);
    CHECK(c.errorMessage() == AppController::messageFor(cc::services::VaultError::BackingOff));

    // The countdown follows the vault's clock.
    const int before = c.backoffSeconds();
    f.clockOffset += 2;
    REQUIRE(waitFor([&] { return c.backoffSeconds() <= before - 2; }, 3s));
    f.clockOffset += before;
    REQUIRE(waitFor([&] { return c.backoffSeconds() == 0; }, 3s));
    CHECK(c.errorMessage().isEmpty());

    c.unlock(passcode);
    REQUIRE(f.settled());
    CHECK(c.state() == State::Unlocked);
    CHECK(c.failedAttempts() == 0);
}

TEST_CASE("The back-off survives a restart of the controller") {
    Fixture f;
    f.createVault();
    f.controller->lock();
    for (int i = 0; i < 10 && f.controller->backoffSeconds() == 0; ++i) {
        f.controller->unlock(wrongPasscode);
        REQUIRE(f.settled());
    }
    const int failures = f.controller->failedAttempts();
    REQUIRE(f.controller->backoffSeconds() > 0);
    f.makeController();
    CHECK(f.controller->failedAttempts() == failures);
    CHECK(f.controller->backoffSeconds() > 0);
}

TEST_CASE("Being idle for the auto-lock time locks; user input postpones it") {
    // One auto-lock "second" lasts 5 ms here: the default 120 s become 600 ms.
    Fixture f(5ms);
    auto &c = *f.controller;
    REQUIRE(c.autoLockSeconds() == AppController::defaultAutoLockSeconds);
    f.createVault();

    QWindow window;
    for (int i = 0; i < 10; ++i) {
        spin(150ms);
        QKeyEvent press(QEvent::KeyPress, Qt::Key_A, Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &press);
    }
    CHECK(c.state() == State::Unlocked); // 1.5 s of activity, never 600 ms idle

    CHECK(waitFor([&] { return c.state() == State::Locked; }, 3s));
    CHECK(f.vault->state() == cc::services::Vault::State::Locked);
}

TEST_CASE("The application leaving the foreground locks at once, in patient mode too") {
    Fixture f;
    auto &c = *f.controller;
    f.createVault();

    emit qGuiApp->applicationStateChanged(Qt::ApplicationInactive);
    CHECK(c.state() == State::Locked);
    CHECK(f.vault->state() == cc::services::Vault::State::Locked);

    c.unlock(passcode);
    REQUIRE(f.settled());
    c.enterPatientMode();
    REQUIRE(c.state() == State::PatientMode);
    emit qGuiApp->applicationStateChanged(Qt::ApplicationSuspended);
    CHECK(c.state() == State::Locked);

    // Becoming active again does not unlock anything.
    emit qGuiApp->applicationStateChanged(Qt::ApplicationActive);
    CHECK(c.state() == State::Locked);
}

TEST_CASE("Going to the background during an unlock locks as soon as it finishes") {
    Fixture f;
    auto &c = *f.controller;
    f.createVault();
    c.lock();
    // Record every state the screen is told about: Unlocked must never be one of them.
    QList<State> shown;
    QObject::connect(&c, &AppController::stateChanged, [&] { shown.append(c.state()); });
    c.unlock(passcode);
    REQUIRE(c.busy());
    emit qGuiApp->applicationStateChanged(Qt::ApplicationHidden);
    REQUIRE(f.settled());
    CHECK(c.state() == State::Locked);
    CHECK(f.vault->state() == cc::services::Vault::State::Locked);
    CHECK_FALSE(shown.contains(State::Unlocked));
}

TEST_CASE("Locking while quick unlock is being turned on leaves no key in the key store") {
    Fixture f;
    auto &c = *f.controller;
    f.createVault();
    const QString name = QStringLiteral("consentcam-vault-") + c.vaultId();
    c.enableQuickUnlock();
    c.lock(); // before the key store has answered
    spin(200ms);
    CHECK(c.state() == State::Locked);
    CHECK_FALSE(c.quickUnlockEnabled());
    CHECK_FALSE(f.keyStore.contains(name));
}

TEST_CASE("The auto-lock choice is kept in settings.ini; other values are ignored") {
    Fixture f;
    f.createVault();
    f.controller->setAutoLockSeconds(300);
    CHECK(f.controller->autoLockSeconds() == 300);
    f.controller->setAutoLockSeconds(7);
    CHECK(f.controller->autoLockSeconds() == 300);

    QSettings settings(f.dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    CHECK(settings.value(QStringLiteral("autoLock/seconds")).toInt() == 300);

    f.makeController();
    CHECK(f.controller->autoLockSeconds() == 300);
}

TEST_CASE("Changing the passcode needs the current one; afterwards only the new one unlocks") {
    Fixture f;
    auto &c = *f.controller;
    f.createVault();
    const QString replacement = QStringLiteral("a new passphrase");

    c.changePasscode(wrongPasscode, replacement);
    REQUIRE(f.settled());
    CHECK_FALSE(c.errorMessage().isEmpty());
    CHECK(c.noticeMessage().isEmpty());

    c.changePasscode(passcode, replacement);
    REQUIRE(f.settled());
    CHECK(c.errorMessage().isEmpty());
    CHECK_FALSE(c.noticeMessage().isEmpty());

    c.lock();
    c.unlock(passcode);
    REQUIRE(f.settled());
    CHECK(c.state() == State::Locked);
    c.unlock(replacement);
    REQUIRE(f.settled());
    CHECK(c.state() == State::Unlocked);
}

TEST_CASE("Quick unlock keeps the master key in the key store and unlocks with it") {
    Fixture f;
    auto &c = *f.controller;
    f.createVault();
    REQUIRE(c.quickUnlockAvailable());
    CHECK_FALSE(c.quickUnlockEnabled());

    c.enableQuickUnlock();
    REQUIRE(waitFor([&] { return c.quickUnlockEnabled(); }));
    c.lock();

    c.quickUnlock();
    REQUIRE(waitFor([&] { return c.state() == State::Unlocked && !c.busy(); }));

    c.disableQuickUnlock();
    CHECK_FALSE(c.quickUnlockEnabled());
    c.lock();
    c.quickUnlock();
    spin(100ms);
    CHECK(c.state() == State::Locked);
}

TEST_CASE("Without a key store quick unlock stays off") {
    Fixture f;
    f.keyStore.setAvailable(false);
    f.makeController();
    auto &c = *f.controller;
    f.createVault();
    CHECK_FALSE(c.quickUnlockAvailable());
    c.enableQuickUnlock();
    spin(100ms);
    CHECK_FALSE(c.quickUnlockEnabled());
}

TEST_CASE("protectWindow asks the platform to secure the window") {
    Fixture f;
    QWindow window;
    f.controller->protectWindow(&window);
    CHECK(f.secureWindow.secured(&window));
}

// The controller needs a QGuiApplication (event filter, application state); it lives
// for the whole run and goes before Qt's own statics do.
int main(int argc, char *argv[]) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    return Catch::Session().run(argc, argv);
}
