#pragma once

#include "crypto/bytes.h"
#include "crypto/scrypt.h"

#include <QDateTime>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>

namespace cc::crypto {
class Ed25519PrivateKey;
}
namespace cc::storage {
class AuditLog;
class Database;
class FileOps;
class MediaStore;
} // namespace cc::storage

namespace cc::services {

class VerifiedRecords;
struct VaultKeyFile;

// Why a vault operation failed. The UI maps each to a translated message.
enum class VaultError {
    NoVault,         // there is no vault.key in the directory
    AlreadyExists,   // create() on a directory that already holds a vault
    WeakPasscode,    // fewer than 6 digits, or a passphrase shorter than 8 characters
    WrongPasscode,   // the passcode did not unwrap the master key
    BackingOff,      // too many wrong passcodes: wait backoffRemaining()
    KeyFileCorrupt,  // vault.key unreadable, malformed or of an unknown version
    DatabaseMissing, // vault.key exists but vault.db does not
    DatabaseCorrupt, // vault.db exists but is not a database this key opens
    Io,              // the file system refused a read, write or sync
    NotUnlocked,     // an operation that needs the unlocked vault
    Misconfigured,   // the database library is not SQLCipher or ignored a security setting
    NeedsUpgrade,    // inspection of a vault whose schema is older than this app's
    ReadOnly,        // a change asked of a vault opened for inspection
};

class VaultException : public std::runtime_error {
public:
    VaultException(VaultError error, const std::string &detail)
        : std::runtime_error(detail)
        , m_error(error) {}
    [[nodiscard]] VaultError error() const noexcept { return m_error; }

private:
    VaultError m_error;
};

struct VaultInfo {
    QString vaultId;     // 16 random bytes, hex
    QDateTime createdAt; // UTC
    int schemaVersion = 0;
    QString cipherVersion; // PRAGMA cipher_version
    qint64 mediaCount = 0;
    crypto::ScryptParams kdf;
};

// The encrypted vault in one directory: vault.key (the master key wrapped under a
// passcode-derived key), vault.db (SQLCipher) and media/ (encrypted blobs).
// Locked until unlock() succeeds; lock() closes the database and wipes every key.
// The database also holds the device's Ed25519 key, which signs sealed consents and the
// audit log's checkpoints; it is made with the vault. Creating, unlocking and changing
// the passcode are written to the audit log.
// Not thread-safe: call from one thread at a time (unlock() may run on a worker
// thread while nothing else touches the vault).
class Vault final {
public:
    enum class State {
        Missing,  // no vault in the directory: create() is the only way on
        Locked,   // vault.key present, no key in memory
        Unlocked, // database open, keys in memory
    };

    // Wall-clock time, for what the vault records (creation time, last failure).
    using Clock = std::function<QDateTime()>;
    // Monotonic time, for how long a back-off has lasted: changing the device's clock
    // cannot shorten it.
    using Ticks = std::function<std::chrono::milliseconds()>;
    [[nodiscard]] static std::chrono::milliseconds steadyTicks();

    Vault(QString directory, storage::FileOps &files, Clock clock = &QDateTime::currentDateTimeUtc,
          Ticks ticks = &Vault::steadyTicks);
    ~Vault();
    Vault(const Vault &) = delete;
    Vault &operator=(const Vault &) = delete;

    [[nodiscard]] State state() const;
    [[nodiscard]] QString directory() const { return m_directory; }

    // Passcode rules (DESIGN §2.1): at least 6 digits, or a passphrase of at least
    // 8 characters that is not all digits.
    [[nodiscard]] static bool isStrongEnough(const QString &passcode);

    // Creates vault.key, vault.db (migrated) and media/, leaving the vault unlocked.
    // Refuses a directory that already holds any of them.
    void create(const QString &passcode, const crypto::ScryptParams &kdf = {});
    // Throws VaultException: WrongPasscode (and records the failure), BackingOff, ...
    void unlock(const QString &passcode);
    // Unlock with the master key itself (quick unlock through the OS key store).
    void unlockWithMasterKey(crypto::ByteView masterKey);

    // Read-only access for verifying a vault: checks the passcode exactly as unlock()
    // does (back-off, counted tries) and returns the master key without opening anything.
    [[nodiscard]] crypto::SecretBytes unwrapMasterKey(const QString &passcode);
    // Opens the vault without writing anything: no migration (NeedsUpgrade for an older
    // schema), no clean-up of files a crash left, no audit entry. Every change through
    // this object then fails with ReadOnly.
    void openForInspection(crypto::ByteView masterKey);
    [[nodiscard]] bool isReadOnly() const;
    void lock();
    // Re-wraps the master key under the new passcode; nothing else is re-encrypted.
    // A wrong current passcode counts as a failed attempt, as in unlock().
    void changePasscode(const QString &current, const QString &replacement);

    // Failed passcodes since the last success; survives restarts (vault.attempts).
    // Every try is counted before the passcode is checked, so a crash or a failed write
    // can never give a free guess; a success resets the count.
    [[nodiscard]] int failedAttempts() const;
    // How long unlock() and changePasscode() refuse to try a passcode; zero when they may.
    // Measured on the monotonic clock from the last failure in this process, or from
    // the first look after a restart: a restart makes the whole wait start again.
    [[nodiscard]] std::chrono::seconds backoffRemaining() const;
    // The back-off after n consecutive failures.
    [[nodiscard]] static std::chrono::seconds backoffFor(int failures);

    [[nodiscard]] VaultInfo info() const;
    // The master key, only while unlocked (for the OS key store's quick unlock).
    [[nodiscard]] crypto::SecretBytes masterKey() const;

    // Valid while unlocked; throw VaultException(NotUnlocked) otherwise.
    [[nodiscard]] storage::Database &database();
    [[nodiscard]] storage::MediaStore &media();
    [[nodiscard]] storage::AuditLog &audit();
    [[nodiscard]] const crypto::Ed25519PrivateKey &deviceKey();
    [[nodiscard]] crypto::Bytes devicePublicKey();
    // The consent records verified lately (ConsentService::check), forgotten at lock().
    [[nodiscard]] VerifiedRecords &verifiedRecords();
    [[nodiscard]] QString vaultId() const;
    // The wall clock the vault was given, for the services built on it.
    [[nodiscard]] const Clock &clock() const { return m_clock; }
    // The file layer the vault writes through, for services that write files outside it
    // (the exporter).
    [[nodiscard]] storage::FileOps &files() { return m_files; }

    [[nodiscard]] QString databasePath() const;

private:
    struct Open;
    enum class Access { ReadWrite, Inspect };
    // How the vault was opened, for its audit entry.
    struct Opening {
        Access access = Access::ReadWrite;
        const char *method = "passcode"; // "passcode", "key_store"
        int failedAttemptsBefore = 0;
        bool logUnlock = true; // false right after create(), which logs the creation
    };
    void openWithMasterKey(crypto::SecretBytes masterKey, const Opening &opening);
    // A vault.key other than the one vault_meta records was written by a passcode change
    // a crash cut short before its audit entry committed: the entry is made now.
    void recordKeyFileChange(Open &open, const QString &digest);
    // Reads vault.key and checks the passcode, for unlock() and unwrapMasterKey().
    crypto::SecretBytes unwrap(const QString &passcode, int *failedBefore);
    Open &requireOpen() const;
    void requireWritable() const;
    // Applies the back-off, records the try, and returns the unwrapped master key or
    // throws WrongPasscode.
    // failedBefore, when given, receives the failures recorded before this try.
    crypto::SecretBytes checkPasscode(const VaultKeyFile &keyFile, const QString &passcode,
                                      int *failedBefore = nullptr);
    // backoffRemaining() for a count of failures already read.
    [[nodiscard]] std::chrono::seconds backoffRemainingFor(int failures) const;

    QString m_directory;
    storage::FileOps &m_files;
    Clock m_clock;
    Ticks m_ticks;
    // When the back-off for m_backoffFailures failures started, on m_ticks.
    mutable std::optional<std::chrono::milliseconds> m_backoffSince;
    mutable int m_backoffFailures = 0;
    std::unique_ptr<Open> m_open;
};

} // namespace cc::services
