#pragma once

#include "crypto/scrypt.h"
#include "services/vault.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>
#include <functional>
#include <optional>

class QSettings;
class QWindow;

namespace cc::platform {
class KeyStore;
class SecureWindow;
} // namespace cc::platform

namespace cc::ui {

// The application's state as QML sees it: which top-level screen is shown, what the
// vault holds, and the verbs that change it. Owns the auto-lock policy: an idle timer
// reset by user input, and an immediate lock when the application stops being active.
// Slow vault work (scrypt) runs on a worker thread while `busy` is true; the vault is
// never touched by two threads at once. Error messages are classified and translated
// here; QML only shows them. Passcodes are never logged.
class AppController final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppController)

    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
    Q_PROPERTY(QString noticeMessage READ noticeMessage NOTIFY noticeMessageChanged)
    Q_PROPERTY(int backoffSeconds READ backoffSeconds NOTIFY backoffSecondsChanged)
    Q_PROPERTY(int failedAttempts READ failedAttempts NOTIFY failedAttemptsChanged)
    Q_PROPERTY(QString vaultId READ vaultId NOTIFY vaultInfoChanged)
    Q_PROPERTY(QDateTime vaultCreatedAt READ vaultCreatedAt NOTIFY vaultInfoChanged)
    Q_PROPERTY(int schemaVersion READ schemaVersion NOTIFY vaultInfoChanged)
    Q_PROPERTY(QString cipherVersion READ cipherVersion NOTIFY vaultInfoChanged)
    Q_PROPERTY(int mediaCount READ mediaCount NOTIFY vaultInfoChanged)
    Q_PROPERTY(int autoLockSeconds READ autoLockSeconds NOTIFY autoLockSecondsChanged)
    Q_PROPERTY(QList<int> autoLockChoices READ autoLockChoices CONSTANT)
    // Whether the OS key store could be reached when the application started.
    Q_PROPERTY(bool quickUnlockAvailable READ quickUnlockAvailable CONSTANT)
    Q_PROPERTY(bool quickUnlockEnabled READ quickUnlockEnabled NOTIFY quickUnlockEnabledChanged)
    // A demo vault (--demo): fictional data, and its passcode to show.
    Q_PROPERTY(bool demo READ demo CONSTANT)
    Q_PROPERTY(QString demoPasscodeText READ demoPasscodeText CONSTANT)

public:
    enum class State {
        NoVault,     // no vault in the directory: the create-vault screen
        Locked,      // a vault exists, no key in memory: the unlock screen
        Unlocked,    // the clinician's workspace (home and its drill-down screens)
        PatientMode, // the phone is handed to the patient: only the consent flow
    };
    Q_ENUM(State)

    struct Options {
        // Scrypt cost for createVault(); the production default unless a test lowers it.
        crypto::ScryptParams newVaultKdf{};
        // The length of one auto-lock "second"; tests shorten it to run the timer fast.
        std::chrono::milliseconds autoLockUnit{std::chrono::seconds{1}};
        // A throwaway vault of fictional data (--demo): the screens say so.
        bool demo = false;
    };
    // The passcode of every demo vault, shown on its banner.
    static constexpr const char *demoPasscode = "480913";

    static constexpr int defaultAutoLockSeconds = 120;

    AppController(services::Vault &vault, platform::KeyStore &keyStore,
                  platform::SecureWindow &secureWindow, Options options, QObject *parent = nullptr);
    AppController(services::Vault &vault, platform::KeyStore &keyStore,
                  platform::SecureWindow &secureWindow, QObject *parent = nullptr);
    ~AppController() override;

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool busy() const { return m_busy; }
    [[nodiscard]] QString errorMessage() const { return m_errorMessage; }
    [[nodiscard]] QString noticeMessage() const { return m_noticeMessage; }
    [[nodiscard]] int backoffSeconds() const { return m_backoffSeconds; }
    [[nodiscard]] int failedAttempts() const { return m_failedAttempts; }
    [[nodiscard]] QString vaultId() const { return m_info.vaultId; }
    [[nodiscard]] QDateTime vaultCreatedAt() const { return m_info.createdAt; }
    [[nodiscard]] int schemaVersion() const { return m_info.schemaVersion; }
    [[nodiscard]] QString cipherVersion() const { return m_info.cipherVersion; }
    [[nodiscard]] int mediaCount() const { return static_cast<int>(m_info.mediaCount); }
    [[nodiscard]] int autoLockSeconds() const { return m_autoLockSeconds; }
    [[nodiscard]] static QList<int> autoLockChoices();
    [[nodiscard]] bool quickUnlockAvailable() const { return m_quickUnlockAvailable; }
    [[nodiscard]] bool quickUnlockEnabled() const { return m_quickUnlockEnabled; }
    [[nodiscard]] bool demo() const { return m_options.demo; }
    [[nodiscard]] QString demoPasscodeText() const {
        return m_options.demo ? QString::fromLatin1(demoPasscode) : QString();
    }

    // The minimum-strength rule (Vault::isStrongEnough), for live feedback while typing.
    Q_INVOKABLE [[nodiscard]] bool passcodeStrong(const QString &passcode) const;

    // NoVault → Unlocked. Runs scrypt on a worker; errors land in errorMessage.
    Q_INVOKABLE void createVault(const QString &passcode);
    // Locked → Unlocked. A wrong passcode sets errorMessage, failedAttempts and the
    // back-off countdown; during the back-off the call is refused without trying.
    Q_INVOKABLE void unlock(const QString &passcode);
    // Any state with a vault → Locked: closes the database and wipes the keys. Requested
    // while busy, it takes effect as soon as the running operation ends.
    Q_INVOKABLE void lock();
    // Unlocked → PatientMode (the consent wizard); leaving it goes through lock().
    Q_INVOKABLE void enterPatientMode();
    // Re-wraps the master key; success sets noticeMessage.
    Q_INVOKABLE void changePasscode(const QString &current, const QString &replacement);
    // One of autoLockChoices(); anything else is ignored. Persisted in settings.ini.
    Q_INVOKABLE void setAutoLockSeconds(int seconds);
    // Stores the master key in the OS key store (Unlocked only); quickUnlockEnabled
    // follows once the store confirms.
    Q_INVOKABLE void enableQuickUnlock();
    Q_INVOKABLE void disableQuickUnlock();
    // Locked → Unlocked with the key from the OS key store.
    Q_INVOKABLE void quickUnlock();
    Q_INVOKABLE void clearMessages();

    // Checks the clinician's passcode without changing the state, counted and backed off
    // exactly as an unlock is (for leaving patient mode). Returns an empty string when it
    // is right, else the translated reason. Runs scrypt on the calling thread.
    [[nodiscard]] QString verifyPasscode(const QString &passcode);
    // PatientMode → Unlocked. Only C++ calls it, after verifyPasscode() succeeded: QML has
    // no way out of patient mode but the passcode.
    void leavePatientMode();

    // Keeps the window's content out of screenshots and the task switcher where the
    // platform allows it.
    void protectWindow(QWindow *window);

    // The translated message for a vault error.
    [[nodiscard]] static QString messageFor(services::VaultError error);

signals:
    void stateChanged();
    void busyChanged();
    void errorMessageChanged();
    void noticeMessageChanged();
    void backoffSecondsChanged();
    void failedAttemptsChanged();
    void vaultInfoChanged();
    void autoLockSecondsChanged();
    void quickUnlockEnabledChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // The outcome of work done on the worker thread.
    struct Outcome {
        std::optional<services::VaultError> error; // empty on success
        bool unexpected = false;                   // an exception that is not a VaultError
    };
    enum class Operation { Create, Unlock, ChangePasscode, QuickUnlock };

    void runOnWorker(Operation operation, std::function<void()> work);
    void onWorkerFinished();
    void onApplicationStateChanged(Qt::ApplicationState applicationState);
    void setState(State state);
    void setBusy(bool busy);
    void setError(const QString &message);
    void setNotice(const QString &message);
    void refreshFromVault();
    void refreshBackoff();
    void restartIdleTimer();
    void onKeyStoreWritten(const QString &name, const QString &error);
    void onKeyStoreRead(const QString &name, const QByteArray &secret, const QString &error);
    void onKeyStoreDeleted(const QString &name, const QString &error);
    void setQuickUnlockEnabled(bool enabled);
    [[nodiscard]] QString keyStoreName() const;

    services::Vault &m_vault;
    platform::KeyStore &m_keyStore;
    platform::SecureWindow &m_secureWindow;
    Options m_options;
    std::unique_ptr<QSettings> m_settings;

    State m_state = State::NoVault;
    bool m_busy = false;
    bool m_lockWhenIdle = false; // lock() arrived while the worker ran
    Operation m_operation = Operation::Unlock;
    QString m_errorMessage;
    QString m_noticeMessage;
    int m_backoffSeconds = 0;
    int m_failedAttempts = 0;
    services::VaultInfo m_info;
    int m_autoLockSeconds = defaultAutoLockSeconds;
    bool m_quickUnlockAvailable = false;
    bool m_quickUnlockEnabled = false;
    QString m_pendingKeyStoreName; // the name of the key-store request in flight, if any
    // The master key handed to the key store while a write is in flight; the store
    // shares this buffer, which is wiped (not detached) once the write has finished.
    QByteArray m_pendingSecret;
    void wipePendingSecret();

    QTimer m_idleTimer;
    QTimer m_backoffTimer;
    QFutureWatcher<Outcome> m_watcher;
};

} // namespace cc::ui
