#include "vault.h"

#include "crypto/ed25519.h"
#include "crypto/hash.h"
#include "crypto/hkdf.h"
#include "crypto/random.h"
#include "domain/timestamps.h"
#include "storage/auditlog.h"
#include "storage/database.h"
#include "storage/fileops.h"
#include "storage/mediastore.h"
#include "storage/migrations.h"
#include "storage/storageerror.h"
#include "storage/vaultmetarepository.h"
#include "vaultkeyfile.h"
#include "verifiedrecords.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstring>

#include <sys/stat.h>

namespace cc::services {

namespace {

constexpr std::size_t MasterKeySize = 32;
constexpr int FreeAttempts = 3;
constexpr std::chrono::seconds FirstBackoff{5};
constexpr std::chrono::seconds MaxBackoff{15 * 60};

QString keyPath(const QString &dir) {
    return dir + QStringLiteral("/vault.key");
}
QString dbPath(const QString &dir) {
    return dir + QStringLiteral("/vault.db");
}
QString mediaPath(const QString &dir) {
    return dir + QStringLiteral("/media");
}
QString attemptsPath(const QString &dir) {
    return dir + QStringLiteral("/vault.attempts");
}

// vault_meta keeps the SHA-256 of the vault.key it was last written with, committed with
// the audit entry of the change. vault.key is replaced before that commit, so a crash
// between the two leaves a new passcode in effect that the log does not show yet; the
// next unlock sees the mismatch and records the change then.
const QString KeyFileDigestKey = QStringLiteral("vault_key_sha256");

QString keyFileDigest(crypto::ByteView bytes) {
    return QString::fromStdString(crypto::toHex(crypto::sha256(bytes)));
}

[[noreturn]] void fail(VaultError error, const std::string &detail) {
    throw VaultException(error, detail);
}

VaultError fromStorage(const storage::StorageError &e) {
    switch (e.kind()) {
    case storage::StorageError::Kind::WrongKey:
    case storage::StorageError::Kind::Corrupt:
        return VaultError::DatabaseCorrupt;
    case storage::StorageError::Kind::NotFound:
        return VaultError::DatabaseMissing;
    case storage::StorageError::Kind::Misconfigured:
        return VaultError::Misconfigured;
    default:
        return VaultError::Io;
    }
}

struct Attempts {
    int failures = 0;
    QDateTime lastFailure;
    bool unreadable = false; // the file exists but reading it failed
};

// What a damaged vault.attempts counts as: enough failures for the longest back-off.
// The file is written atomically, so damage means tampering, not a crash.
constexpr int DamagedAttempts = 64;

// vault.attempts is not secret: it only has to survive restarts. Only a missing file
// reads as no failures; an unreadable or damaged one gets the strictest reading.
Attempts readAttempts(storage::FileOps &files, const QString &dir) {
    const QString path = attemptsPath(dir);
    if (!QFileInfo::exists(path)) {
        return {};
    }
    try {
        const crypto::Bytes bytes = storage::readFile(files, path);
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(
            QByteArray(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size())),
            &error);
        const QJsonValue failures = document.object().value(QStringLiteral("failures"));
        if (error.error != QJsonParseError::NoError || !failures.isDouble()) {
            return {DamagedAttempts, {}};
        }
        Attempts attempts;
        attempts.failures = std::clamp(failures.toInt(DamagedAttempts), 0, 1000);
        attempts.lastFailure = QDateTime::fromString(
            document.object().value(QStringLiteral("lastFailure")).toString(), Qt::ISODate);
        return attempts;
    } catch (const storage::StorageError &) {
        return {DamagedAttempts, {}, true};
    }
}

void writeAttempts(storage::FileOps &files, const QString &dir, const Attempts &attempts) {
    const QJsonObject object{
        {QStringLiteral("failures"), attempts.failures},
        {QStringLiteral("lastFailure"), attempts.lastFailure.toUTC().toString(Qt::ISODate)}};
    const QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Compact);
    storage::writeFileDurably(files, attemptsPath(dir),
                              crypto::ByteView(reinterpret_cast<const std::uint8_t *>(json.data()),
                                               std::size_t(json.size())));
}

} // namespace

struct Vault::Open {
    VaultKeyFile keyFile;
    crypto::SecretBytes masterKey;
    storage::Database database;
    std::unique_ptr<storage::MediaStore> media;
    std::optional<crypto::Ed25519PrivateKey> deviceKey;
    crypto::Bytes devicePublicKey;
    std::unique_ptr<storage::AuditLog> audit;
    Access access = Access::ReadWrite;
    std::unique_ptr<VerifiedRecords> verifiedRecords = std::make_unique<VerifiedRecords>();
};

namespace {

// Makes the device's signing key in a vault that has none (a new vault, or one made
// before consents existed). Runs inside the caller's transaction.
void createDeviceKey(storage::Database &db, const QDateTime &now) {
    const auto key = crypto::Ed25519PrivateKey::generate();
    storage::VaultMetaRepository(db).storeDeviceKey(key.seed(), key.publicKey(), now);
}

} // namespace

Vault::Vault(QString directory, storage::FileOps &files, Clock clock, Ticks ticks)
    : m_directory(std::move(directory))
    , m_files(files)
    , m_clock(std::move(clock))
    , m_ticks(std::move(ticks)) {}

std::chrono::milliseconds Vault::steadyTicks() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now().time_since_epoch());
}

Vault::~Vault() = default;

Vault::State Vault::state() const {
    if (m_open) {
        return State::Unlocked;
    }
    return QFileInfo::exists(keyPath(m_directory)) ? State::Locked : State::Missing;
}

bool Vault::isStrongEnough(const QString &passcode) {
    constexpr qsizetype MinDigits = 6;
    constexpr qsizetype MinPassphrase = 8;
    const bool allDigits = !passcode.isEmpty() && std::all_of(passcode.cbegin(), passcode.cend(),
                                                              [](QChar c) { return c.isDigit(); });
    if (allDigits) {
        // A run of one digit or a straight sequence is not a passcode.
        const bool repeated = std::all_of(passcode.cbegin(), passcode.cend(),
                                          [&](QChar c) { return c == passcode.front(); });
        bool ascending = true;
        bool descending = true;
        for (qsizetype i = 1; i < passcode.size(); ++i) {
            const int step = passcode.at(i).digitValue() - passcode.at(i - 1).digitValue();
            ascending = ascending && step == 1;
            descending = descending && step == -1;
        }
        return passcode.size() >= MinDigits && !repeated && !ascending && !descending;
    }
    return passcode.trimmed().size() >= MinPassphrase;
}

void Vault::create(const QString &passcode, const crypto::ScryptParams &kdf) {
    if (m_open) {
        fail(VaultError::AlreadyExists, "the vault is open");
    }
    for (const QString &path :
         {keyPath(m_directory), dbPath(m_directory), mediaPath(m_directory)}) {
        if (QFileInfo::exists(path)) {
            fail(VaultError::AlreadyExists,
                 "the directory already holds " + QFileInfo(path).fileName().toStdString());
        }
    }
    if (!isStrongEnough(passcode)) {
        fail(VaultError::WeakPasscode, "passcode too weak");
    }
    if (!VaultKeyFile::acceptsKdf(kdf)) {
        throw std::invalid_argument("scrypt parameters outside what vault.key accepts");
    }

    // Everything that can fail without touching the disk comes first.
    VaultKeyFile keyFile;
    keyFile.vaultId = QString::fromStdString(crypto::toHex(crypto::randomBytes(16)));
    keyFile.createdAt = m_clock().toUTC();
    keyFile.kdf = kdf;
    crypto::SecretBytes masterKey = crypto::randomSecret(MasterKeySize);
    keyFile.wrap(passcode, crypto::view(masterKey));
    const crypto::Bytes keyFileBytes = keyFile.serialize();

    // Until vault.key exists, a failure removes what this call made, so the directory
    // is again one a vault can be created in.
    bool keyWritten = false;
    const auto undo = [&] {
        if (!keyWritten) {
            for (const QString &suffix :
                 {QStringLiteral(""), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
                QFile::remove(dbPath(m_directory) + suffix);
            }
            QDir().rmdir(mediaPath(m_directory));
        }
    };
    try {
        // The directory is the owner's alone, whatever the umask made of it.
        constexpr auto OwnerOnly = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
        if (!QDir().mkpath(m_directory) || !QFile::setPermissions(m_directory, OwnerOnly)) {
            fail(VaultError::Io, "cannot create the vault directory");
        }
        // The cause (a full disk, ...) goes into the message.
        if (const auto made = m_files.makeDirectory(mediaPath(m_directory), S_IRWXU); !made.ok()) {
            fail(VaultError::Io,
                 std::string("cannot create the media directory: ") + std::strerror(made.error));
        }
        // The database first, vault.key last: vault.key is what makes the directory
        // a vault, so an interrupted create never leaves a vault that cannot open.
        const crypto::SecretBytes dbKey = crypto::deriveKey(crypto::view(masterKey), "db");
        storage::Database db = storage::Database::open(dbPath(m_directory), crypto::view(dbKey),
                                                       storage::Database::OpenMode::CreateNew);
        storage::migrate(db);
        {
            auto transaction = db.transaction();
            storage::VaultMetaRepository(db).setValue(QStringLiteral("vault_id"), keyFile.vaultId);
            storage::VaultMetaRepository(db).setValue(KeyFileDigestKey,
                                                      keyFileDigest(crypto::view(keyFileBytes)));
            createDeviceKey(db, keyFile.createdAt);
            const auto deviceKey = storage::VaultMetaRepository(db).deviceKey();
            const auto signer = crypto::Ed25519PrivateKey::fromSeed(deviceKey->seed);
            storage::AuditLog(db, signer, keyFile.vaultId)
                .append(QStringLiteral("vault.created"), keyFile.createdAt,
                        {{QStringLiteral("vault"), keyFile.vaultId},
                         {QStringLiteral("deviceKey"),
                          QString::fromStdString(crypto::toHex(deviceKey->publicKey))}});
            transaction.commit();
        }
        db.close();
        if (const auto synced = m_files.syncDirectory(m_directory); !synced.ok()) {
            fail(VaultError::Io,
                 std::string("cannot sync the vault directory: ") + std::strerror(synced.error));
        }
        storage::writeFileDurably(m_files, keyPath(m_directory), keyFileBytes);
        keyWritten = true;
    } catch (const storage::StorageError &e) {
        undo();
        fail(fromStorage(e) == VaultError::Misconfigured ? VaultError::Misconfigured
                                                         : VaultError::Io,
             e.what());
    } catch (...) {
        undo();
        throw;
    }
    openWithMasterKey(std::move(masterKey), {Access::ReadWrite, "passcode", 0, false});
}

void Vault::unlock(const QString &passcode) {
    if (m_open) {
        return;
    }
    int failedBefore = 0;
    crypto::SecretBytes masterKey = unwrap(passcode, &failedBefore);
    openWithMasterKey(std::move(masterKey), {Access::ReadWrite, "passcode", failedBefore});
}

crypto::SecretBytes Vault::unwrapMasterKey(const QString &passcode) {
    return unwrap(passcode, nullptr);
}

void Vault::openForInspection(crypto::ByteView masterKey) {
    if (m_open) {
        fail(VaultError::AlreadyExists, "the vault is open");
    }
    if (masterKey.size() != MasterKeySize) {
        fail(VaultError::WrongPasscode, "the key has the wrong size");
    }
    openWithMasterKey(crypto::SecretBytes(masterKey.begin(), masterKey.end()),
                      {Access::Inspect, "passcode", 0});
}

bool Vault::isReadOnly() const {
    return m_open && m_open->access == Access::Inspect;
}

crypto::SecretBytes Vault::unwrap(const QString &passcode, int *failedBefore) {
    crypto::Bytes bytes;
    try {
        bytes = storage::readFile(m_files, keyPath(m_directory));
    } catch (const storage::StorageError &e) {
        fail(e.kind() == storage::StorageError::Kind::NotFound ? VaultError::NoVault
                                                               : VaultError::Io,
             e.what());
    }
    const auto keyFile = VaultKeyFile::parse(bytes);
    if (!keyFile) {
        fail(VaultError::KeyFileCorrupt, "vault.key is damaged or of an unknown version");
    }
    return checkPasscode(*keyFile, passcode, failedBefore);
}

crypto::SecretBytes Vault::checkPasscode(const VaultKeyFile &keyFile, const QString &passcode,
                                         int *failedBefore) {
    // Read once, for the back-off and the count. A read that fails is an I/O error, not
    // a reason to wait: no passcode is tried then, and none is counted.
    Attempts attempts = readAttempts(m_files, m_directory);
    if (attempts.unreadable) {
        fail(VaultError::Io, "cannot read vault.attempts");
    }
    if (backoffRemainingFor(attempts.failures) > std::chrono::seconds::zero()) {
        fail(VaultError::BackingOff, "waiting after wrong passcodes");
    }
    // The try is on record before the passcode is checked: a crash or a failed write
    // cannot give a free guess. A success resets the count.
    if (failedBefore) {
        *failedBefore = attempts.failures;
    }
    attempts.failures += 1;
    attempts.lastFailure = m_clock().toUTC();
    try {
        writeAttempts(m_files, m_directory, attempts);
    } catch (const storage::StorageError &e) {
        fail(VaultError::Io, e.what());
    }
    auto masterKey = keyFile.unwrap(passcode);
    if (!masterKey) {
        m_backoffFailures = attempts.failures;
        m_backoffSince = m_ticks();
        fail(VaultError::WrongPasscode, "wrong passcode");
    }
    try {
        writeAttempts(m_files, m_directory, {});
    } catch (const storage::StorageError &) {
        // The count stays one too high: that only delays a later try, never hastens it.
    }
    return std::move(*masterKey);
}

void Vault::unlockWithMasterKey(crypto::ByteView masterKey) {
    if (m_open) {
        return;
    }
    if (masterKey.size() != MasterKeySize) {
        fail(VaultError::WrongPasscode, "the stored key has the wrong size");
    }
    openWithMasterKey(crypto::SecretBytes(masterKey.begin(), masterKey.end()),
                      {Access::ReadWrite, "key_store", 0});
}

void Vault::openWithMasterKey(crypto::SecretBytes masterKey, const Opening &opening) {
    crypto::Bytes bytes;
    try {
        bytes = storage::readFile(m_files, keyPath(m_directory));
    } catch (const storage::StorageError &e) {
        // Only a missing vault.key means there is no vault; a failed read is an I/O error.
        fail(e.kind() == storage::StorageError::Kind::NotFound ? VaultError::NoVault
                                                               : VaultError::Io,
             e.what());
    }
    auto keyFile = VaultKeyFile::parse(bytes);
    if (!keyFile) {
        fail(VaultError::KeyFileCorrupt, "vault.key is damaged or of an unknown version");
    }
    if (!QFileInfo::exists(dbPath(m_directory))) {
        fail(VaultError::DatabaseMissing, "vault.db is missing");
    }
    const bool writable = opening.access == Access::ReadWrite;
    try {
        const crypto::SecretBytes dbKey = crypto::deriveKey(crypto::view(masterKey), "db");
        storage::Database db =
            storage::Database::open(dbPath(m_directory), crypto::view(dbKey),
                                    writable ? storage::Database::OpenMode::OpenExisting
                                             : storage::Database::OpenMode::Inspect);
        // The key must open *this* vault's database, not another vault's.
        {
            auto select = db.prepare("SELECT value FROM vault_meta WHERE key = 'vault_id'");
            if (!select.step() || select.columnText(0) != keyFile->vaultId) {
                fail(VaultError::DatabaseCorrupt, "vault.db belongs to another vault");
            }
        }
        if (writable) {
            storage::migrate(db);
        } else if (db.userVersion() != storage::latestSchemaVersion()) {
            fail(db.userVersion() < storage::latestSchemaVersion() ? VaultError::NeedsUpgrade
                                                                   : VaultError::Misconfigured,
                 "the vault's schema is not this app's: open it with the app first");
        }
        auto open = std::make_unique<Open>(Open{std::move(*keyFile),
                                                std::move(masterKey),
                                                std::move(db),
                                                nullptr,
                                                std::nullopt,
                                                {},
                                                nullptr,
                                                opening.access});
        const crypto::SecretBytes wrapKey =
            crypto::deriveKey(crypto::view(open->masterKey), "media-wrap");
        open->media = std::make_unique<storage::MediaStore>(mediaPath(m_directory), open->database,
                                                            crypto::view(wrapKey), m_files);

        storage::VaultMetaRepository meta(open->database);
        auto stored = meta.deviceKey();
        if (!stored && writable) {
            // Only a vault made before device keys existed has none, and its log is empty:
            // a key missing from a vault that has signed anything is damage, and a new key
            // would make everything it signed unverifiable.
            auto count = open->database.prepare("SELECT count(*) FROM audit_log");
            if (!count.step() || count.columnInt64(0) != 0) {
                fail(VaultError::DatabaseCorrupt, "the vault's device key is missing");
            }
            auto transaction = open->database.transaction();
            createDeviceKey(open->database, m_clock().toUTC());
            stored = meta.deviceKey();
            const auto signer = crypto::Ed25519PrivateKey::fromSeed(stored->seed);
            storage::AuditLog(open->database, signer, open->keyFile.vaultId)
                .append(QStringLiteral("vault.device_key_created"), m_clock().toUTC(),
                        {{QStringLiteral("vault"), open->keyFile.vaultId},
                         {QStringLiteral("deviceKey"),
                          QString::fromStdString(crypto::toHex(stored->publicKey))}});
            transaction.commit();
        }
        if (!stored) {
            fail(VaultError::DatabaseCorrupt, "the vault has no device key");
        }
        open->deviceKey.emplace(crypto::Ed25519PrivateKey::fromSeed(stored->seed));
        open->devicePublicKey = stored->publicKey;
        if (open->deviceKey->publicKey() != open->devicePublicKey) {
            fail(VaultError::DatabaseCorrupt, "the device key does not match its public key");
        }
        open->audit = std::make_unique<storage::AuditLog>(open->database, *open->deviceKey,
                                                          open->keyFile.vaultId);
        if (writable) {
            // Leftovers of writes a crash interrupted: temporary files here and in media/,
            // and media files whose row never committed.
            storage::removeStaleTemporaryFiles(m_files, m_directory);
            open->media->collectOrphans();
            recordKeyFileChange(*open, keyFileDigest(crypto::view(bytes)));
            if (opening.logUnlock) {
                auto transaction = open->database.transaction();
                open->audit->append(
                    QStringLiteral("vault.unlocked"), m_clock().toUTC(),
                    {{QStringLiteral("method"), QLatin1StringView(opening.method)},
                     {QStringLiteral("failedAttemptsBefore"), opening.failedAttemptsBefore}});
                transaction.commit();
            }
        }
        m_open = std::move(open);
    } catch (const storage::StorageError &e) {
        fail(fromStorage(e), e.what());
    }
}

void Vault::recordKeyFileChange(Open &open, const QString &digest) {
    storage::VaultMetaRepository meta(open.database);
    const std::optional<QString> recorded = meta.value(KeyFileDigestKey);
    if (recorded == digest) {
        return;
    }
    auto transaction = open.database.transaction();
    // A vault made before the digest was kept has none: there is nothing to catch up.
    if (recorded) {
        open.audit->append(QStringLiteral("vault.passcode_changed"), m_clock().toUTC(),
                           {{QStringLiteral("recovered"), true}});
    }
    meta.setValue(KeyFileDigestKey, digest);
    transaction.commit();
}

void Vault::lock() {
    // Destroying Open closes the database and wipes the keys (SecretBytes).
    m_open.reset();
}

void Vault::changePasscode(const QString &current, const QString &replacement) {
    requireWritable();
    if (!isStrongEnough(replacement)) {
        fail(VaultError::WeakPasscode, "passcode too weak");
    }
    (void)checkPasscode(m_open->keyFile, current);
    VaultKeyFile updated = m_open->keyFile;
    updated.wrap(replacement, crypto::view(m_open->masterKey));
    const crypto::Bytes updatedBytes = updated.serialize();
    try {
        // The entry is written first and committed once vault.key is replaced: a failed
        // write leaves neither, and a crash before the commit is caught up at unlock.
        auto transaction = m_open->database.transaction();
        m_open->audit->append(QStringLiteral("vault.passcode_changed"), m_clock().toUTC(), {});
        storage::VaultMetaRepository(m_open->database)
            .setValue(KeyFileDigestKey, keyFileDigest(crypto::view(updatedBytes)));
        storage::writeFileDurably(m_files, keyPath(m_directory), updatedBytes);
        try {
            transaction.commit();
        } catch (const storage::StorageError &) {
            // vault.key already wraps the master key under the new passcode, and the change
            // is about to be reported as failed: put the old vault.key back, so that the
            // passcode in effect is the one the user still believes in. Should that fail
            // too, the new passcode stays in effect and this object follows vault.key.
            try {
                storage::writeFileDurably(m_files, keyPath(m_directory),
                                          m_open->keyFile.serialize());
            } catch (const storage::StorageError &) {
                m_open->keyFile = std::move(updated);
            }
            throw;
        }
        m_open->keyFile = std::move(updated);
    } catch (const storage::StorageError &e) {
        fail(VaultError::Io, e.what());
    }
}

int Vault::failedAttempts() const {
    return readAttempts(m_files, m_directory).failures;
}

std::chrono::seconds Vault::backoffFor(int failures) {
    if (failures < FreeAttempts) {
        return std::chrono::seconds::zero();
    }
    const int doublings = std::min(failures - FreeAttempts, 16);
    return std::min<std::chrono::seconds>(MaxBackoff,
                                          FirstBackoff * (std::int64_t{1} << doublings));
}

std::chrono::seconds Vault::backoffRemaining() const {
    return backoffRemainingFor(readAttempts(m_files, m_directory).failures);
}

std::chrono::seconds Vault::backoffRemainingFor(int failures) const {
    const std::chrono::seconds wait = backoffFor(failures);
    if (wait == std::chrono::seconds::zero()) {
        return wait;
    }
    const std::chrono::milliseconds now = m_ticks();
    if (!m_backoffSince || m_backoffFailures != failures) {
        // Failures recorded by an earlier run (or another instance): the wait starts now.
        m_backoffFailures = failures;
        m_backoffSince = now;
    }
    const auto elapsed = std::chrono::duration_cast<std::chrono::seconds>(now - *m_backoffSince);
    return std::clamp(wait - elapsed, std::chrono::seconds::zero(), wait);
}

VaultInfo Vault::info() const {
    if (!m_open) {
        fail(VaultError::NotUnlocked, "the vault is locked");
    }
    VaultInfo info;
    info.vaultId = m_open->keyFile.vaultId;
    info.createdAt = m_open->keyFile.createdAt;
    info.kdf = m_open->keyFile.kdf;
    try {
        info.schemaVersion = m_open->database.userVersion();
        info.cipherVersion = m_open->database.cipherVersion();
        info.mediaCount = m_open->media->count();
    } catch (const storage::StorageError &e) {
        fail(fromStorage(e), e.what());
    }
    return info;
}

crypto::SecretBytes Vault::masterKey() const {
    return requireOpen().masterKey;
}

Vault::Open &Vault::requireOpen() const {
    if (!m_open) {
        fail(VaultError::NotUnlocked, "the vault is locked");
    }
    return *m_open;
}

void Vault::requireWritable() const {
    if (requireOpen().access != Access::ReadWrite) {
        fail(VaultError::ReadOnly, "the vault is open for inspection only");
    }
}

storage::Database &Vault::database() {
    return requireOpen().database;
}

storage::MediaStore &Vault::media() {
    return *requireOpen().media;
}

storage::AuditLog &Vault::audit() {
    return *requireOpen().audit;
}

const crypto::Ed25519PrivateKey &Vault::deviceKey() {
    return *requireOpen().deviceKey;
}

crypto::Bytes Vault::devicePublicKey() {
    return requireOpen().devicePublicKey;
}

VerifiedRecords &Vault::verifiedRecords() {
    return *requireOpen().verifiedRecords;
}

QString Vault::vaultId() const {
    return requireOpen().keyFile.vaultId;
}

QString Vault::databasePath() const {
    return dbPath(m_directory);
}

} // namespace cc::services
