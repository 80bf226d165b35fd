#include "ui/appcontroller.h"

#include "crypto/bytes.h"
#include "platform/keystore.h"
#include "platform/securewindow.h"

#include <QCoreApplication>
#include <QDir>
#include <QEvent>
#include <QGuiApplication>
#include <QSettings>
#include <QWindow>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <exception>
#include <utility>

namespace cc::ui {

namespace {

constexpr auto settingsFileName = "settings.ini";
constexpr auto autoLockKey = "autoLock/seconds";
constexpr auto quickUnlockEnabledKey = "quickUnlock/enabled";
constexpr auto quickUnlockNameKey = "quickUnlock/name";
constexpr int backoffTickMs = 1000;

bool isUserInput(QEvent::Type type) {
    switch (type) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove:
    case QEvent::KeyPress:
    case QEvent::KeyRelease:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TouchEnd:
    case QEvent::Wheel:
    case QEvent::TabletPress:
    case QEvent::TabletMove:
        return true;
    default:
        return false;
    }
}

} // namespace

AppController::AppController(services::Vault &vault, platform::KeyStore &keyStore,
                             platform::SecureWindow &secureWindow, QObject *parent)
    : AppController(vault, keyStore, secureWindow, Options{}, parent) {}

AppController::AppController(services::Vault &vault, platform::KeyStore &keyStore,
                             platform::SecureWindow &secureWindow, Options options, QObject *parent)
    : QObject(parent)
    , m_vault(vault)
    , m_keyStore(keyStore)
    , m_secureWindow(secureWindow)
    , m_options(options)
    , m_settings(std::make_unique<QSettings>(QDir(vault.directory()).filePath(settingsFileName),
                                             QSettings::IniFormat)) {
    const int storedAutoLock = m_settings->value(autoLockKey, defaultAutoLockSeconds).toInt();
    if (autoLockChoices().contains(storedAutoLock))
        m_autoLockSeconds = storedAutoLock;
    m_quickUnlockAvailable = m_keyStore.isAvailable();
    m_quickUnlockEnabled = m_quickUnlockAvailable &&
                           m_settings->value(quickUnlockEnabledKey, false).toBool() &&
                           !m_settings->value(quickUnlockNameKey).toString().isEmpty();

    switch (m_vault.state()) {
    case services::Vault::State::Missing:
        m_state = State::NoVault;
        break;
    case services::Vault::State::Locked:
        m_state = State::Locked;
        break;
    case services::Vault::State::Unlocked:
        m_state = State::Unlocked;
        break;
    }

    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        if (m_state == State::Unlocked || m_state == State::PatientMode)
            lock();
    });
    m_backoffTimer.setInterval(backoffTickMs);
    connect(&m_backoffTimer, &QTimer::timeout, this, &AppController::refreshBackoff);
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &AppController::onWorkerFinished);

    connect(&m_keyStore, &platform::KeyStore::secretWritten, this,
            &AppController::onKeyStoreWritten);
    connect(&m_keyStore, &platform::KeyStore::secretRead, this, &AppController::onKeyStoreRead);
    connect(&m_keyStore, &platform::KeyStore::secretDeleted, this,
            &AppController::onKeyStoreDeleted);

    if (auto *app = qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        connect(app, &QGuiApplication::applicationStateChanged, this,
                &AppController::onApplicationStateChanged);
    }
    if (auto *app = QCoreApplication::instance())
        app->installEventFilter(this);

    if (m_state == State::Unlocked) {
        refreshFromVault();
        restartIdleTimer();
    } else {
        refreshBackoff();
    }
}

AppController::~AppController() {
    if (auto *app = QCoreApplication::instance())
        app->removeEventFilter(this);
    // The worker holds a reference to the vault: let it finish before anything goes.
    m_watcher.waitForFinished();
    wipePendingSecret();
}

QList<int> AppController::autoLockChoices() {
    return {30, 60, 120, 300, 600};
}

bool AppController::passcodeStrong(const QString &passcode) const {
    return services::Vault::isStrongEnough(passcode);
}

void AppController::createVault(const QString &passcode) {
    if (m_busy || m_state != State::NoVault)
        return;
    if (!passcodeStrong(passcode)) {
        setError(messageFor(services::VaultError::WeakPasscode));
        return;
    }
    runOnWorker(Operation::Create,
                [this, passcode, kdf = m_options.newVaultKdf] { m_vault.create(passcode, kdf); });
}

void AppController::unlock(const QString &passcode) {
    if (m_busy || m_state != State::Locked)
        return;
    if (m_backoffSeconds > 0) {
        setError(messageFor(services::VaultError::BackingOff));
        return;
    }
    runOnWorker(Operation::Unlock, [this, passcode] { m_vault.unlock(passcode); });
}

void AppController::lock() {
    if (m_busy) {
        m_lockWhenIdle = true;
        return;
    }
    if (m_state == State::NoVault || m_state == State::Locked)
        return;
    m_idleTimer.stop();
    m_vault.lock();
    m_info = {};
    emit vaultInfoChanged();
    clearMessages();
    setState(State::Locked);
    refreshBackoff();
}

void AppController::enterPatientMode() {
    if (m_busy || m_state != State::Unlocked)
        return;
    clearMessages();
    setState(State::PatientMode);
    restartIdleTimer();
}

QString AppController::verifyPasscode(const QString &passcode) {
    if (m_busy)
        return messageFor(services::VaultError::Io);
    QString problem;
    try {
        crypto::SecretBytes key = m_vault.unwrapMasterKey(passcode);
        (void)key; // wiped when it goes out of scope
    } catch (const services::VaultException &e) {
        problem = messageFor(e.error());
    } catch (const std::exception &) {
        problem = messageFor(services::VaultError::Io);
    }
    refreshBackoff();
    return problem;
}

void AppController::leavePatientMode() {
    if (m_state != State::PatientMode)
        return;
    clearMessages();
    setState(State::Unlocked);
    restartIdleTimer();
}

void AppController::changePasscode(const QString &current, const QString &replacement) {
    if (m_busy || m_state != State::Unlocked)
        return;
    if (!passcodeStrong(replacement)) {
        setError(messageFor(services::VaultError::WeakPasscode));
        return;
    }
    runOnWorker(Operation::ChangePasscode,
                [this, current, replacement] { m_vault.changePasscode(current, replacement); });
}

void AppController::setAutoLockSeconds(int seconds) {
    if (!autoLockChoices().contains(seconds) || seconds == m_autoLockSeconds)
        return;
    m_autoLockSeconds = seconds;
    m_settings->setValue(autoLockKey, seconds);
    m_settings->sync();
    emit autoLockSecondsChanged();
    if (m_idleTimer.isActive())
        restartIdleTimer();
}

void AppController::enableQuickUnlock() {
    if (m_busy || m_state != State::Unlocked || !m_quickUnlockAvailable ||
        !m_pendingKeyStoreName.isEmpty())
        return;
    clearMessages();
    m_pendingKeyStoreName = keyStoreName();
    const crypto::SecretBytes key = m_vault.masterKey();
    m_pendingSecret =
        QByteArray(reinterpret_cast<const char *>(key.data()), static_cast<qsizetype>(key.size()));
    m_keyStore.writeSecret(m_pendingKeyStoreName, m_pendingSecret);
}

void AppController::wipePendingSecret() {
    // Through constData(): data() would detach and wipe a fresh copy instead of the
    // buffer the key store's request shares.
    crypto::wipe(const_cast<char *>(m_pendingSecret.constData()),
                 static_cast<std::size_t>(m_pendingSecret.size()));
    m_pendingSecret = QByteArray();
}

void AppController::disableQuickUnlock() {
    if (!m_quickUnlockEnabled)
        return;
    clearMessages();
    const QString name = m_settings->value(quickUnlockNameKey).toString();
    setQuickUnlockEnabled(false);
    if (!name.isEmpty())
        m_keyStore.deleteSecret(name);
}

void AppController::quickUnlock() {
    if (m_busy || m_state != State::Locked || !m_quickUnlockEnabled || m_backoffSeconds > 0)
        return;
    clearMessages();
    m_operation = Operation::QuickUnlock;
    m_pendingKeyStoreName = m_settings->value(quickUnlockNameKey).toString();
    setBusy(true);
    m_keyStore.readSecret(m_pendingKeyStoreName);
}

void AppController::clearMessages() {
    setError({});
    setNotice({});
}

void AppController::protectWindow(QWindow *window) {
    m_secureWindow.setSecure(window, true);
}

QString AppController::messageFor(services::VaultError error) {
    using services::VaultError;
    switch (error) {
    case VaultError::NoVault:
        return tr("There is no vault on this device yet.");
    case VaultError::AlreadyExists:
        return tr("A vault already exists on this device.");
    case VaultError::WeakPasscode:
        return tr("Use at least 6 digits that are not a run like 123456, or a passphrase of at "
                  "least 8 characters.");
    case VaultError::WrongPasscode:
        return tr("Wrong passcode.");
    case VaultError::BackingOff:
        return tr("Too many wrong passcodes. Wait until the countdown ends.");
    case VaultError::KeyFileCorrupt:
        return tr("The vault's key file is damaged or from a newer version of the app.");
    case VaultError::DatabaseMissing:
        return tr("The vault's database is missing.");
    case VaultError::DatabaseCorrupt:
        return tr("The vault's database is damaged and cannot be opened.");
    case VaultError::Io:
        return tr("The device's storage could not be read or written.");
    case VaultError::NotUnlocked:
        return tr("The vault is locked.");
    case VaultError::Misconfigured:
        return tr("This copy of ConsentCam uses a database library without the required "
                  "encryption settings, so it will not open the vault.");
    case VaultError::NeedsUpgrade:
        return tr("The vault was made by an older version of ConsentCam.");
    case VaultError::ReadOnly:
        return tr("The vault is open for inspection only.");
    }
    return {};
}

bool AppController::eventFilter(QObject *watched, QEvent *event) {
    if ((m_state == State::Unlocked || m_state == State::PatientMode) && watched->isWindowType() &&
        isUserInput(event->type())) {
        restartIdleTimer();
    }
    return QObject::eventFilter(watched, event);
}

void AppController::runOnWorker(Operation operation, std::function<void()> work) {
    clearMessages();
    m_operation = operation;
    setBusy(true);
    m_watcher.setFuture(QtConcurrent::run([work = std::move(work)] {
        Outcome outcome;
        try {
            work();
        } catch (const services::VaultException &e) {
            outcome.error = e.error();
        } catch (const std::exception &) {
            // The detail may name files; it is not shown and never logged with input.
            outcome.unexpected = true;
        }
        return outcome;
    }));
}

void AppController::onWorkerFinished() {
    const Outcome outcome = m_watcher.result();
    const Operation operation = m_operation;
    setBusy(false);

    if (outcome.unexpected) {
        setError(tr("Something went wrong. Please try again."));
    } else if (outcome.error) {
        if (operation == Operation::ChangePasscode &&
            *outcome.error == services::VaultError::WrongPasscode) {
            setError(tr("The current passcode is not correct."));
        } else if (operation == Operation::QuickUnlock) {
            setError(tr("Quick unlock failed. Use your passcode."));
        } else {
            setError(messageFor(*outcome.error));
        }
        // A create that failed after writing vault.key left a vault to unlock.
        if (operation == Operation::Create && m_state == State::NoVault &&
            m_vault.state() == services::Vault::State::Locked)
            setState(State::Locked);
    } else {
        switch (operation) {
        case Operation::Create:
        case Operation::Unlock:
        case Operation::QuickUnlock:
            if (m_lockWhenIdle) {
                // The app left the foreground while unlocking: never show the vault.
                m_lockWhenIdle = false;
                m_vault.lock();
                setState(State::Locked);
                break;
            }
            refreshFromVault();
            setState(State::Unlocked);
            restartIdleTimer();
            break;
        case Operation::ChangePasscode:
            setNotice(tr("Passcode changed."));
            break;
        }
    }
    if (m_state == State::Locked || m_state == State::NoVault)
        refreshBackoff();

    if (m_lockWhenIdle) {
        m_lockWhenIdle = false;
        lock();
    }
}

void AppController::onApplicationStateChanged(Qt::ApplicationState applicationState) {
    if (applicationState != Qt::ApplicationActive)
        lock();
}

void AppController::setState(State state) {
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged();
}

void AppController::setBusy(bool busy) {
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

void AppController::setError(const QString &message) {
    if (m_errorMessage == message)
        return;
    m_errorMessage = message;
    emit errorMessageChanged();
}

void AppController::setNotice(const QString &message) {
    if (m_noticeMessage == message)
        return;
    m_noticeMessage = message;
    emit noticeMessageChanged();
}

void AppController::refreshFromVault() {
    try {
        m_info = m_vault.info();
    } catch (const services::VaultException &e) {
        m_info = {};
        setError(messageFor(e.error()));
    }
    emit vaultInfoChanged();
    refreshBackoff();
}

void AppController::refreshBackoff() {
    if (m_busy)
        return;
    int failures = 0;
    int seconds = 0;
    if (m_vault.state() != services::Vault::State::Missing) {
        failures = m_vault.failedAttempts();
        seconds = static_cast<int>(
            std::max<std::chrono::seconds::rep>(0, m_vault.backoffRemaining().count()));
    }
    if (failures != m_failedAttempts) {
        m_failedAttempts = failures;
        emit failedAttemptsChanged();
    }
    if (seconds != m_backoffSeconds) {
        m_backoffSeconds = seconds;
        emit backoffSecondsChanged();
        if (seconds == 0 && m_errorMessage == messageFor(services::VaultError::BackingOff))
            setError({});
    }
    if (seconds > 0 && !m_backoffTimer.isActive())
        m_backoffTimer.start();
    else if (seconds == 0)
        m_backoffTimer.stop();
}

void AppController::restartIdleTimer() {
    m_idleTimer.start(m_autoLockSeconds * m_options.autoLockUnit);
}

QString AppController::keyStoreName() const {
    return QStringLiteral("consentcam-vault-%1").arg(m_info.vaultId);
}

void AppController::onKeyStoreWritten(const QString &name, const QString &error) {
    if (name != m_pendingKeyStoreName)
        return;
    m_pendingKeyStoreName.clear();
    wipePendingSecret();
    if (m_state != State::Unlocked) {
        // Locked while the write was in flight: the user never saw quick unlock turn
        // on, so the key must not stay in the store.
        if (error.isEmpty())
            m_keyStore.deleteSecret(name);
        return;
    }
    if (!error.isEmpty()) {
        setError(tr("The device's key store refused to keep the key. Quick unlock stays off."));
        setQuickUnlockEnabled(false);
        return;
    }
    m_settings->setValue(quickUnlockNameKey, name);
    setQuickUnlockEnabled(true);
    setNotice(tr("Quick unlock is on."));
}

void AppController::onKeyStoreRead(const QString &name, const QByteArray &secret,
                                   const QString &error) {
    if (!m_busy || m_operation != Operation::QuickUnlock || name != m_pendingKeyStoreName)
        return;
    m_pendingKeyStoreName.clear();
    if (!error.isEmpty() || secret.isEmpty() || m_lockWhenIdle) {
        setBusy(false);
        if (!m_lockWhenIdle)
            setError(tr("Quick unlock failed. Use your passcode."));
        m_lockWhenIdle = false;
        return;
    }
    crypto::SecretBytes key(secret.begin(), secret.end());
    runOnWorker(Operation::QuickUnlock,
                [this, key = std::move(key)] { m_vault.unlockWithMasterKey(crypto::view(key)); });
}

void AppController::onKeyStoreDeleted(const QString &, const QString &error) {
    if (!error.isEmpty())
        setError(tr("The key could not be removed from the device's key store."));
}

void AppController::setQuickUnlockEnabled(bool enabled) {
    m_settings->setValue(quickUnlockEnabledKey, enabled);
    if (!enabled)
        m_settings->remove(quickUnlockNameKey);
    m_settings->sync();
    // Emitted even when unchanged so a switch the user flipped returns to the truth.
    m_quickUnlockEnabled = enabled;
    emit quickUnlockEnabledChanged();
}

} // namespace cc::ui
