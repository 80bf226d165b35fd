#include "crypto/ed25519.h"
#include "crypto/hash.h"
#include "crypto/hkdf.h"
#include "crypto/random.h"
#include "domain/auditchain.h"
#include "services/vault.h"
#include "services/vaultkeyfile.h"
#include "storage/auditlog.h"
#include "storage/database.h"
#include "storage/fileops.h"
#include "storage/mediastore.h"

#include <catch2/catch_test_macros.hpp>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

using cc::services::Vault;
using cc::services::VaultError;
using cc::services::VaultException;
namespace crypto = cc::crypto;
using namespace std::chrono_literals;

namespace {

constexpr crypto::ScryptParams FastKdf{std::uint64_t{1} << 14, 8, 1};
const QString Passcode = QStringLiteral("480913");

// The wall clock and the monotonic clock, both moved by hand.
struct TestClock {
    QDateTime now = QDateTime(QDate(2026, 11, 2), QTime(8, 0), Qt::UTC);
    std::chrono::milliseconds ticks{1'000'000};

    // Time passing: both clocks move.
    void advance(std::chrono::seconds by) {
        now = now.addSecs(by.count());
        ticks += by;
    }
    Vault::Clock fn() {
        return [this] {
            return now;
        };
    }
    Vault::Ticks ticksFn() {
        return [this] {
            return ticks;
        };
    }
};

// SHA-256 of every file under dir, by relative path: "nothing was overwritten".
// vault.attempts is left out: every passcode try rewrites it by design.
QMap<QString, QByteArray> snapshot(const QString &dir) {
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (it.fileName() == QLatin1String("vault.attempts")) {
            continue;
        }
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        const auto digest = crypto::sha256(
            {reinterpret_cast<const std::uint8_t *>(bytes.data()), std::size_t(bytes.size())});
        files.insert(QDir(dir).relativeFilePath(path),
                     QByteArray(reinterpret_cast<const char *>(digest.data()), 32));
    }
    return files;
}

VaultError errorOf(const std::function<void()> &action) {
    try {
        action();
    } catch (const VaultException &e) {
        return e.error();
    }
    FAIL("expected a VaultException");
    return VaultError::Io;
}

void writeBytes(const QString &path, const QByteArray &bytes) {
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(file.write(bytes) == bytes.size());
}

struct Fixture {
    QTemporaryDir tmp;
    QString dir = tmp.path() + QStringLiteral("/vault");
    cc::storage::PosixFileOps files;
    TestClock clock;

    std::unique_ptr<Vault> makeVault() {
        return std::make_unique<Vault>(dir, files, clock.fn(), clock.ticksFn());
    }
    std::unique_ptr<Vault> createVault() {
        auto vault = makeVault();
        vault->create(Passcode, FastKdf);
        return vault;
    }
};

} // namespace

TEST_CASE("passcode strength: six digits that are not a run, or an eight-character passphrase") {
    CHECK(Vault::isStrongEnough(QStringLiteral("480913")));
    CHECK(Vault::isStrongEnough(QStringLiteral("9173046")));
    CHECK(Vault::isStrongEnough(QStringLiteral("correct horse")));
    CHECK_FALSE(Vault::isStrongEnough(QString()));
    CHECK_FALSE(Vault::isStrongEnough(QStringLiteral("48091")));
    CHECK_FALSE(Vault::isStrongEnough(QStringLiteral("111111")));
    CHECK_FALSE(Vault::isStrongEnough(QStringLiteral("123456")));
    CHECK_FALSE(Vault::isStrongEnough(QStringLiteral("987654")));
    CHECK_FALSE(Vault::isStrongEnough(QStringLiteral("short")));
    CHECK_FALSE(Vault::isStrongEnough(QStringLiteral("  pass  ")));
}

TEST_CASE("create, lock and unlock") {
    Fixture f;
    auto vault = f.makeVault();
    CHECK(vault->state() == Vault::State::Missing);
    CHECK(errorOf([&] { vault->unlock(Passcode); }) == VaultError::NoVault);

    vault->create(Passcode, FastKdf);
    CHECK(vault->state() == Vault::State::Unlocked);
    CHECK(QFile::exists(f.dir + QStringLiteral("/vault.key")));
    CHECK(QFile::exists(f.dir + QStringLiteral("/vault.db")));
    CHECK(QDir(f.dir + QStringLiteral("/media")).exists());
    constexpr auto OwnerOnly = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
    const auto groupOrOther = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup |
                              QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
    CHECK((QFile::permissions(f.dir) & OwnerOnly) == OwnerOnly);
    CHECK((QFile::permissions(f.dir) & groupOrOther) == 0);
    CHECK((QFile::permissions(f.dir + QStringLiteral("/media")) & groupOrOther) == 0);
    CHECK((QFile::permissions(f.dir + QStringLiteral("/vault.key")) & groupOrOther) == 0);
    CHECK((QFile::permissions(f.dir + QStringLiteral("/vault.db")) & groupOrOther) == 0);

    const auto info = vault->info();
    CHECK(info.vaultId.size() == 32);
    CHECK(info.createdAt == f.clock.now);
    CHECK(info.schemaVersion >= 1);
    CHECK(info.cipherVersion.startsWith(QStringLiteral("4.")));
    CHECK(info.kdf.n == FastKdf.n);

    const QString id = vault->media().put(crypto::view(std::string_view("photo bytes")));
    vault->lock();
    CHECK(vault->state() == Vault::State::Locked);
    CHECK(errorOf([&] { (void)vault->database(); }) == VaultError::NotUnlocked);
    CHECK(errorOf([&] { (void)vault->masterKey(); }) == VaultError::NotUnlocked);
    CHECK(errorOf([&] { (void)vault->info(); }) == VaultError::NotUnlocked);

    // A fresh instance (an app restart) opens the same vault.
    auto reopened = f.makeVault();
    CHECK(reopened->state() == Vault::State::Locked);
    reopened->unlock(Passcode);
    CHECK(reopened->info().vaultId == info.vaultId);
    const auto bytes = reopened->media().read(id);
    CHECK(std::string(bytes.begin(), bytes.end()) == "photo bytes");
}

TEST_CASE("create refuses a weak passcode and a directory that holds a vault") {
    Fixture f;
    auto vault = f.makeVault();
    CHECK(errorOf([&] { vault->create(QStringLiteral("123456"), FastKdf); }) ==
          VaultError::WeakPasscode);
    CHECK(vault->state() == Vault::State::Missing);

    vault->create(Passcode, FastKdf);
    vault->lock();
    const auto before = snapshot(f.dir);
    auto second = f.makeVault();
    CHECK(errorOf([&] { second->create(QStringLiteral("271828"), FastKdf); }) ==
          VaultError::AlreadyExists);
    CHECK(snapshot(f.dir) == before);

    // A directory with only a database (an interrupted create, or a lost vault.key)
    // is not overwritten either.
    QFile::remove(f.dir + QStringLiteral("/vault.key"));
    const auto orphaned = snapshot(f.dir);
    CHECK(second->state() == Vault::State::Missing);
    CHECK(errorOf([&] { second->create(QStringLiteral("271828"), FastKdf); }) ==
          VaultError::AlreadyExists);
    CHECK(snapshot(f.dir) == orphaned);
}

TEST_CASE("wrong passcodes back off exponentially, and the back-off survives a restart") {
    Fixture f;
    f.createVault()->lock();
    auto vault = f.makeVault();

    for (int i = 1; i <= 3; ++i) {
        CHECK(errorOf([&] { vault->unlock(QStringLiteral("000001")); }) ==
              VaultError::WrongPasscode);
        CHECK(vault->failedAttempts() == i);
    }
    CHECK(vault->backoffRemaining() == Vault::backoffFor(3));
    CHECK(Vault::backoffFor(3) > 0s);
    CHECK(Vault::backoffFor(4) == 2 * Vault::backoffFor(3));
    CHECK(Vault::backoffFor(5) == 2 * Vault::backoffFor(4));
    CHECK(Vault::backoffFor(1000) == Vault::backoffFor(2000)); // capped
    CHECK(Vault::backoffFor(1000) <= 15min);

    // While backing off even the right passcode is not tried.
    CHECK(errorOf([&] { vault->unlock(Passcode); }) == VaultError::BackingOff);
    CHECK(vault->state() == Vault::State::Locked);

    // Time passes on the monotonic clock only as it really passes.
    f.clock.advance(2s);
    CHECK(vault->backoffRemaining() == Vault::backoffFor(3) - 2s);

    // A restart does not reset it: the whole wait starts again.
    auto restarted = f.makeVault();
    CHECK(restarted->failedAttempts() == 3);
    CHECK(restarted->backoffRemaining() == Vault::backoffFor(3));
    CHECK(errorOf([&] { restarted->unlock(Passcode); }) == VaultError::BackingOff);

    // Setting the device's clock back or forward does not shorten it.
    f.clock.now = f.clock.now.addSecs(-3600);
    CHECK(restarted->backoffRemaining() == Vault::backoffFor(3));
    f.clock.now = f.clock.now.addSecs(2 * 86400);
    CHECK(restarted->backoffRemaining() == Vault::backoffFor(3));
    CHECK(errorOf([&] { restarted->unlock(Passcode); }) == VaultError::BackingOff);

    f.clock.advance(Vault::backoffFor(3));
    CHECK(restarted->backoffRemaining() == 0s);
    CHECK(errorOf([&] { restarted->unlock(QStringLiteral("000002")); }) ==
          VaultError::WrongPasscode);
    CHECK(restarted->backoffRemaining() == Vault::backoffFor(4));

    f.clock.advance(Vault::backoffFor(4));
    restarted->unlock(Passcode);
    CHECK(restarted->state() == Vault::State::Unlocked);
    CHECK(restarted->failedAttempts() == 0);
    CHECK(restarted->backoffRemaining() == 0s);
}

TEST_CASE("a wrong current passcode in a passcode change is a counted, backed-off attempt") {
    Fixture f;
    auto vault = f.createVault();
    for (int i = 1; i <= 3; ++i) {
        CHECK(errorOf([&] {
                  vault->changePasscode(QStringLiteral("000001"), QStringLiteral("5519026"));
              }) == VaultError::WrongPasscode);
    }
    CHECK(vault->failedAttempts() == 3);
    CHECK(errorOf([&] { vault->changePasscode(Passcode, QStringLiteral("5519026")); }) ==
          VaultError::BackingOff);
    f.clock.advance(Vault::backoffFor(3));
    vault->changePasscode(Passcode, QStringLiteral("5519026"));
    CHECK(vault->failedAttempts() == 0);
}

TEST_CASE("a damaged attempts file counts as the longest back-off, not as none") {
    Fixture f;
    f.createVault()->lock();
    writeBytes(f.dir + QStringLiteral("/vault.attempts"), "{\"failures\": \"none\"}");
    auto vault = f.makeVault();
    CHECK(vault->failedAttempts() >= 11);
    CHECK(vault->backoffRemaining() == Vault::backoffFor(1000));
    CHECK(errorOf([&] { vault->unlock(Passcode); }) == VaultError::BackingOff);
}

TEST_CASE("a failed create leaves a directory a vault can still be created in") {
    Fixture f;
    auto vault = f.makeVault();
    const crypto::ScryptParams tooWeak{std::uint64_t{1} << 10, 8, 1};
    CHECK_THROWS_AS(vault->create(Passcode, tooWeak), std::invalid_argument);
    CHECK(vault->state() == Vault::State::Missing);
    CHECK_FALSE(QFile::exists(f.dir + QStringLiteral("/vault.db")));
    CHECK_FALSE(QFile::exists(f.dir + QStringLiteral("/media")));

    // A database file that appears under the vault's feet makes create fail part-way;
    // what create made itself (media/) is removed again, the foreign file is not.
    QDir().mkpath(f.dir);
    writeBytes(f.dir + QStringLiteral("/vault.db"), "someone else's file");
    CHECK(errorOf([&] { vault->create(Passcode, FastKdf); }) == VaultError::AlreadyExists);
    QFile::remove(f.dir + QStringLiteral("/vault.db"));
    vault->create(Passcode, FastKdf);
    CHECK(vault->state() == Vault::State::Unlocked);
}

TEST_CASE("changing the passcode re-wraps the master key and nothing else") {
    Fixture f;
    auto vault = f.createVault();
    const QString id = vault->media().put(crypto::view(std::string_view("story")));
    const crypto::SecretBytes masterKey = vault->masterKey();
    vault->lock();
    vault->unlock(Passcode);
    const auto before = snapshot(f.dir);

    CHECK(errorOf([&] {
              vault->changePasscode(QStringLiteral("000000"), QStringLiteral("5519026"));
          }) == VaultError::WrongPasscode);
    CHECK(errorOf([&] { vault->changePasscode(Passcode, QStringLiteral("222222")); }) ==
          VaultError::WeakPasscode);
    vault->changePasscode(Passcode, QStringLiteral("5519026"));
    vault->lock();

    const auto after = snapshot(f.dir);
    CHECK(after.value(QStringLiteral("vault.key")) != before.value(QStringLiteral("vault.key")));
    CHECK(after.value(QStringLiteral("media/") + id) ==
          before.value(QStringLiteral("media/") + id));

    CHECK(errorOf([&] { vault->unlock(Passcode); }) == VaultError::WrongPasscode);
    vault->unlock(QStringLiteral("5519026"));
    CHECK(vault->masterKey() == masterKey);
    CHECK(vault->media().read(id).size() == 5);
}

TEST_CASE("missing or damaged vault files give clear errors and are not overwritten") {
    Fixture f;
    f.createVault()->lock();
    const QString key = f.dir + QStringLiteral("/vault.key");
    const QString db = f.dir + QStringLiteral("/vault.db");
    QFile keyFile(key);
    REQUIRE(keyFile.open(QIODevice::ReadOnly));
    const QByteArray goodKey = keyFile.readAll();
    keyFile.close();

    SECTION("corrupt vault.key") {
        writeBytes(key, goodKey.left(goodKey.size() / 2));
        const auto before = snapshot(f.dir);
        CHECK(errorOf([&] { f.makeVault()->unlock(Passcode); }) == VaultError::KeyFileCorrupt);
        CHECK(snapshot(f.dir) == before);
    }
    SECTION("vault.key of an unknown version") {
        QByteArray newer = goodKey;
        newer.replace("\"version\": 1", "\"version\": 9");
        REQUIRE(newer != goodKey);
        writeBytes(key, newer);
        CHECK(errorOf([&] { f.makeVault()->unlock(Passcode); }) == VaultError::KeyFileCorrupt);
    }
    SECTION("missing vault.key") {
        QFile::remove(key);
        CHECK(f.makeVault()->state() == Vault::State::Missing);
        CHECK(errorOf([&] { f.makeVault()->unlock(Passcode); }) == VaultError::NoVault);
    }
    SECTION("missing vault.db") {
        QFile::remove(db);
        const auto before = snapshot(f.dir);
        CHECK(errorOf([&] { f.makeVault()->unlock(Passcode); }) == VaultError::DatabaseMissing);
        CHECK(snapshot(f.dir) == before);
        CHECK_FALSE(QFile::exists(db));
    }
    SECTION("vault.db replaced by random bytes") {
        const crypto::Bytes noise = crypto::randomBytes(64 * 1024);
        writeBytes(
            db, QByteArray(reinterpret_cast<const char *>(noise.data()), qsizetype(noise.size())));
        const auto before = snapshot(f.dir);
        CHECK(errorOf([&] { f.makeVault()->unlock(Passcode); }) == VaultError::DatabaseCorrupt);
        CHECK(snapshot(f.dir) == before);
    }
    SECTION("another vault's database") {
        Fixture other;
        other.createVault()->lock();
        QFile::remove(db);
        REQUIRE(QFile::copy(other.dir + QStringLiteral("/vault.db"), db));
        CHECK(errorOf([&] { f.makeVault()->unlock(Passcode); }) == VaultError::DatabaseCorrupt);
    }
}

TEST_CASE("the sqlcipher shell cannot read vault.db without the key, and can with it") {
    const QString shell = QStandardPaths::findExecutable(QStringLiteral("sqlcipher"));
    REQUIRE_FALSE(shell.isEmpty()); // installed by the set-up script

    Fixture f;
    auto vault = f.createVault();
    const crypto::SecretBytes dbKey = crypto::deriveKey(crypto::view(vault->masterKey()), "db");
    vault->lock();

    const auto run = [&](const QString &script) {
        QProcess process;
        process.start(shell, {f.dir + QStringLiteral("/vault.db")});
        REQUIRE(process.waitForStarted());
        process.write(script.toUtf8());
        process.closeWriteChannel();
        REQUIRE(process.waitForFinished());
        return QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
    };

    const QString withoutKey = run(QStringLiteral("SELECT count(*) FROM sqlite_master;\n"));
    CHECK(withoutKey.contains(QStringLiteral("file is not a database")));
    CHECK_FALSE(withoutKey.contains(QStringLiteral("vault_meta")));

    const QString hexKey = QString::fromStdString(crypto::toHex(crypto::view(dbKey)));
    const QString withKey =
        run(QStringLiteral("PRAGMA key = \"x'%1'\";\nPRAGMA cipher_hmac_algorithm;\n"
                           "SELECT name FROM sqlite_master WHERE name = 'vault_meta';\n")
                .arg(hexKey));
    CHECK(withKey.contains(QStringLiteral("vault_meta")));
}

TEST_CASE("unlocking with the master key opens only its own vault") {
    Fixture f;
    auto vault = f.createVault();
    const crypto::SecretBytes masterKey = vault->masterKey();
    vault->lock();

    vault->unlockWithMasterKey(crypto::view(masterKey));
    CHECK(vault->state() == Vault::State::Unlocked);
    vault->lock();

    CHECK(errorOf([&] { vault->unlockWithMasterKey(crypto::view(crypto::randomSecret(32))); }) ==
          VaultError::DatabaseCorrupt);
    CHECK(errorOf([&] { vault->unlockWithMasterKey(crypto::view(crypto::randomSecret(16))); }) ==
          VaultError::WrongPasscode);
    CHECK(vault->state() == Vault::State::Locked);
}

TEST_CASE("unlock removes temporary files an interrupted write left behind, and nothing else") {
    Fixture f;
    f.createVault()->lock();
    const QString stale = f.dir + QStringLiteral("/.vault.key.tmp-0123456789abcdef");
    const QString unrelated = f.dir + QStringLiteral("/notes.txt");
    REQUIRE(cc::storage::isTemporaryFileName(QFileInfo(stale).fileName()));
    writeBytes(stale, "half a vault.key");
    writeBytes(unrelated, "kept");

    auto vault = f.makeVault();
    vault->unlock(Passcode);
    CHECK_FALSE(QFile::exists(stale));
    CHECK(QFile::exists(unrelated));
}

TEST_CASE("a new vault has a device signing key, kept across unlocks and wiped with the lock") {
    Fixture f;
    auto vault = f.createVault();
    const crypto::Bytes publicKey = vault->devicePublicKey();
    CHECK(publicKey.size() == 32);
    const auto signature = vault->deviceKey().sign(crypto::view(std::string_view("record")));
    CHECK(crypto::ed25519Verify(publicKey, crypto::view(std::string_view("record")), signature));
    vault->lock();
    CHECK(errorOf([&] { (void)vault->devicePublicKey(); }) == VaultError::NotUnlocked);
    vault->unlock(Passcode);
    CHECK(vault->devicePublicKey() == publicKey);
}

TEST_CASE("creating, unlocking and changing the passcode are in the audit log") {
    Fixture f;
    auto vault = f.createVault();
    vault->lock();
    CHECK(errorOf([&] { vault->unlock(QStringLiteral("111999")); }) == VaultError::WrongPasscode);
    f.clock.advance(1s);
    vault->unlock(Passcode);
    vault->changePasscode(Passcode, QStringLiteral("735190"));
    QStringList kinds;
    QStringList entries;
    vault->audit().forEach({}, [&](const cc::storage::AuditLog::Row &row) {
        kinds.append(row.kind);
        entries.append(QString::fromUtf8(row.entry));
    });
    CHECK(kinds == QStringList{QStringLiteral("vault.created"), QStringLiteral("vault.unlocked"),
                               QStringLiteral("vault.passcode_changed")});
    CHECK(entries[1].contains(QStringLiteral("\"failedAttemptsBefore\":1")));
    CHECK(entries[1].contains(QStringLiteral("\"method\":\"passcode\"")));
    const auto verification =
        cc::domain::audit::verifyChain(vault->audit().entries(), vault->audit().checkpoints(),
                                       vault->devicePublicKey(), vault->vaultId());
    CHECK(verification.ok);
}

// What a kill between replacing vault.key and committing the change's audit entry leaves:
// the new passcode in effect and no entry for it.
TEST_CASE("a passcode change a crash cut short before its audit entry is recorded at unlock") {
    Fixture f;
    auto vault = f.createVault();
    const auto masterKey = vault->unwrapMasterKey(Passcode);
    vault->lock();
    const QString keyPath = f.dir + QStringLiteral("/vault.key");
    QFile file(keyPath);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray old = file.readAll();
    file.close();
    auto keyFile = cc::services::VaultKeyFile::parse(
        {reinterpret_cast<const std::uint8_t *>(old.data()), std::size_t(old.size())});
    REQUIRE(keyFile);
    const QString replacement = QStringLiteral("735190");
    keyFile->wrap(replacement, crypto::view(masterKey));
    const crypto::Bytes bytes = keyFile->serialize();
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(file.write(reinterpret_cast<const char *>(bytes.data()), qint64(bytes.size())) ==
            qint64(bytes.size()));
    file.close();

    const auto changes = [&] {
        QStringList entries;
        vault->audit().forEach({}, [&](const cc::storage::AuditLog::Row &row) {
            if (row.kind == QLatin1String("vault.passcode_changed")) {
                entries.append(QString::fromUtf8(row.entry));
            }
        });
        return entries;
    };
    vault->unlock(replacement);
    const QStringList recovered = changes();
    REQUIRE(recovered.size() == 1);
    CHECK(recovered[0].contains(QStringLiteral("\"recovered\":true")));
    CHECK(cc::domain::audit::verifyChain(vault->audit().entries(), vault->audit().checkpoints(),
                                         vault->devicePublicKey(), vault->vaultId())
              .ok);

    // Once recorded, neither another unlock nor a passcode change made whole adds a
    // recovered entry.
    vault->lock();
    vault->unlock(replacement);
    CHECK(changes().size() == 1);
    vault->changePasscode(replacement, Passcode);
    vault->lock();
    vault->unlock(Passcode);
    const QStringList after = changes();
    REQUIRE(after.size() == 2);
    CHECK_FALSE(after[1].contains(QStringLiteral("recovered")));
}

TEST_CASE("a vault opened for inspection is read but never written") {
    Fixture f;
    f.createVault()->lock();
    const auto before = snapshot(f.dir);
    auto vault = f.makeVault();
    const crypto::SecretBytes key = vault->unwrapMasterKey(Passcode);
    vault->openForInspection(crypto::view(key));
    CHECK(vault->isReadOnly());
    CHECK(vault->audit().count() == 1); // no unlock entry
    CHECK(errorOf([&] { vault->changePasscode(Passcode, QStringLiteral("735190")); }) ==
          VaultError::ReadOnly);
    vault->lock();
    CHECK(snapshot(f.dir) == before);
    // A wrong passcode counts like any other try.
    CHECK(errorOf([&] { (void)vault->unwrapMasterKey(QStringLiteral("000111")); }) ==
          VaultError::WrongPasscode);
    CHECK(vault->failedAttempts() == 1);
}
