// The whole-vault verifier: clean vaults pass, and one flipped byte anywhere (any media
// file, any database page) or a changed row is found and named. It writes nothing.

#include "crypto/hash.h"
#include "imaging/demophoto.h"
#include "services/demogenerator.h"
#include "services/vaultverifier.h"
#include "servicetestsupport.h"
#include "storage/auditlog.h"
#include "storage/database.h"

#include <catch2/catch_test_macros.hpp>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMap>

#include <random>

using namespace cc;
using namespace cc::services;
using services::test::CoreFixture;

using cc::services::test::readAll;
using cc::services::test::writeAll;

namespace {

// A vault with demo data, closed, and a verifier over a fresh vault object.
struct SeededVault {
    CoreFixture fixture;
    SeededVault() {
        DemoGenerator generator(
            fixture.core(), [this] { return fixture.clock().now; },
            [](std::uint64_t seed) { return imaging::demoPhoto(seed, 160, 120); });
        (void)generator.generate(4);
        fixture.close();
    }
    VerifyReport verify() {
        auto vault = fixture.makeVault();
        return VaultVerifier(*vault, fixture.templates()).run(services::test::Passcode);
    }
    QString path(const QString &name) const {
        return fixture.directory() + QLatin1Char('/') + name;
    }
};

bool names(const VerifyReport &report, const QString &object, const QString &id) {
    return std::any_of(report.problems.begin(), report.problems.end(),
                       [&](const VerifyProblem &p) { return p.object == object && p.id == id; });
}

QString describe(const VerifyReport &report) {
    QString text;
    for (const auto &p : report.problems)
        text += p.object + QLatin1Char(' ') + p.id + QStringLiteral(": ") + p.problem +
                QLatin1Char('\n');
    return text;
}

QMap<QString, QByteArray> snapshot(const QString &dir) {
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (it.fileName() != QLatin1String("vault.attempts"))
            files.insert(path, readAll(path));
    }
    return files;
}

} // namespace

TEST_CASE("A clean vault verifies, with every kind of object counted") {
    SeededVault seeded;
    const auto report = seeded.verify();
    INFO(describe(report).toStdString());
    CHECK(report.ok());
    CHECK(report.pages > 10);
    CHECK(report.photos >= 8);
    CHECK(report.mediaBlobs == 2 * report.photos);
    CHECK(report.consents >= 3);
    CHECK(report.storyVersions >= 2);
    CHECK(report.auditEntries > 20);
    CHECK(report.checkpoints >= 3);
    CHECK(report.toJson().value(QStringLiteral("ok")).toBool());
}

TEST_CASE("Verifying writes nothing to the vault") {
    SeededVault seeded;
    const auto before = snapshot(seeded.fixture.directory());
    (void)seeded.verify();
    CHECK(snapshot(seeded.fixture.directory()) == before);
}

TEST_CASE("One flipped byte in any media file is found and names the blob and its photo") {
    SeededVault seeded;
    const QDir media(seeded.path(QStringLiteral("media")));
    const QStringList files = media.entryList(QDir::Files);
    REQUIRE(files.size() >= 12); // the originals; thumbnails are kept in their rows
    std::mt19937_64 rng(7);
    for (const QString &name : files) {
        const QString path = media.filePath(name);
        const QByteArray original = readAll(path);
        QByteArray damaged = original;
        damaged[qsizetype(rng() % std::uint64_t(damaged.size()))] ^= char(1 << (rng() % 8));
        writeAll(path, damaged);
        const auto report = seeded.verify();
        writeAll(path, original);
        INFO(name.toStdString() << "\n" << describe(report).toStdString());
        CHECK_FALSE(report.ok());
        REQUIRE(names(report, QStringLiteral("media"), name));
        const auto problem = std::find_if(report.problems.begin(), report.problems.end(),
                                          [&](const auto &p) { return p.id == name; });
        CHECK(problem->details.value(QStringLiteral("photo"))
                  .toString()
                  .startsWith(QStringLiteral("pho_")));
    }
    CHECK(seeded.verify().ok());
}

TEST_CASE("One flipped byte in any database page is found and names the page") {
    SeededVault seeded;
    const QString path = seeded.path(QStringLiteral("vault.db"));
    const QByteArray original = readAll(path);
    const qsizetype pages = original.size() / 4096;
    REQUIRE(pages > 10);
    std::mt19937_64 rng(11);
    int named = 0;
    for (qsizetype page = 0; page < pages; ++page) {
        QByteArray damaged = original;
        damaged[page * 4096 + qsizetype(rng() % 4096)] ^= char(1 << (rng() % 8));
        writeAll(path, damaged);
        const auto report = seeded.verify();
        INFO("page " << page + 1 << "\n" << describe(report).toStdString());
        CHECK_FALSE(report.ok());
        CHECK(names(report, QStringLiteral("database"), QString::number(page + 1)));
        named += names(report, QStringLiteral("database"), QString::number(page + 1)) ? 1 : 0;
    }
    writeAll(path, original);
    CHECK(named == pages);
    CHECK(seeded.verify().ok());
}

TEST_CASE("A damaged page is attributed to the table that owns it") {
    SeededVault seeded;
    // Find a page of the audit log: the table with the most rows in a small vault.
    const QString path = seeded.path(QStringLiteral("vault.db"));
    const QByteArray original = readAll(path);
    bool attributed = false;
    for (qsizetype page = 2; page < original.size() / 4096 && !attributed; ++page) {
        QByteArray damaged = original;
        damaged[page * 4096 + 100] ^= 0x40;
        writeAll(path, damaged);
        const auto report = seeded.verify();
        for (const auto &p : report.problems) {
            const auto tables = p.details.value(QStringLiteral("tables")).toArray();
            if (p.id == QString::number(page + 1) && tables.size() == 1)
                attributed = true;
        }
    }
    writeAll(path, original);
    CHECK(attributed);
}

TEST_CASE("Rows changed behind the app's back are found and named") {
    SeededVault seeded;
    auto vault = seeded.fixture.makeVault();
    vault->unlock(services::test::Passcode);
    QString versionId;
    QString photoId;
    QString consentId;
    {
        auto query = vault->database().prepare("SELECT id FROM story_versions LIMIT 1");
        REQUIRE(query.step());
        versionId = query.columnText(0);
        auto photo = vault->database().prepare(
            "SELECT p.id FROM photos p JOIN consent_items i ON i.item_id = p.id LIMIT 1");
        REQUIRE(photo.step());
        photoId = photo.columnText(0);
        auto consent = vault->database().prepare("SELECT id FROM consents LIMIT 1");
        REQUIRE(consent.step());
        consentId = consent.columnText(0);
    }

    SECTION("a story version's text") {
        services::test::tamper(*vault, ("UPDATE story_versions SET text = text || ' (changed)' "
                                        "WHERE id = '" +
                                        versionId.toStdString() + "'")
                                           .c_str());
        vault->lock();
        const auto report = seeded.verify();
        CHECK(names(report, QStringLiteral("story_version"), versionId));
    }
    SECTION("a photo's recorded hash, which a consent covers") {
        services::test::tamper(*vault, ("UPDATE photos SET sha256 = zeroblob(32) WHERE id = '" +
                                        photoId.toStdString() + "'")
                                           .c_str());
        vault->lock();
        const auto report = seeded.verify();
        CHECK(names(report, QStringLiteral("photo"), photoId));
    }
    SECTION("a sealed consent's bytes") {
        services::test::tamper(*vault,
                               ("UPDATE consents SET record = CAST(replace(CAST(record AS TEXT), "
                                "'\"identifiable\":', '\"identifiable\": ') AS BLOB) WHERE id = '" +
                                consentId.toStdString() + "'")
                                   .c_str());
        vault->lock();
        const auto report = seeded.verify();
        CHECK(names(report, QStringLiteral("consent"), consentId));
    }
    SECTION("an audit entry") {
        services::test::tamper(
            *vault, "UPDATE audit_log SET entry = CAST(replace(CAST(entry AS TEXT), "
                    "'\"kind\":\"patient.added\"', '\"kind\":\"patient.addee\"') AS BLOB) "
                    "WHERE seq = (SELECT min(seq) FROM audit_log WHERE kind = 'patient.added')");
        vault->lock();
        const auto report = seeded.verify();
        CHECK(std::any_of(report.problems.begin(), report.problems.end(),
                          [](const auto &p) { return p.object == QStringLiteral("audit"); }));
    }
}

TEST_CASE("A wrong passcode stops the verifier before it reads anything") {
    SeededVault seeded;
    auto vault = seeded.fixture.makeVault();
    try {
        (void)VaultVerifier(*vault, seeded.fixture.templates()).run(QStringLiteral("999999"));
        FAIL("a wrong passcode verified");
    } catch (const VaultException &error) {
        CHECK(error.error() == VaultError::WrongPasscode);
    }
}

TEST_CASE("A row deleted or changed that the signed log contradicts is found") {
    SeededVault seeded;
    auto vault = seeded.fixture.makeVault();
    vault->unlock(services::test::Passcode);
    SECTION("a revocation deleted") {
        QString consent;
        {
            auto query = vault->database().prepare("SELECT consent_id FROM revocations LIMIT 1");
            REQUIRE(query.step());
            consent = query.columnText(0);
        }
        services::test::tamper(
            *vault,
            ("DELETE FROM revocations WHERE consent_id = '" + consent.toStdString() + "'").c_str());
        vault->lock();
        CHECK(names(seeded.verify(), QStringLiteral("consent"), consent));
    }
    SECTION("a post put back to published") {
        QString post;
        {
            auto query = vault->database().prepare(
                "SELECT id FROM posts WHERE status != 'published' LIMIT 1");
            REQUIRE(query.step());
            post = query.columnText(0);
        }
        services::test::tamper(*vault, ("UPDATE posts SET status = 'published' WHERE id = '" +
                                        post.toStdString() + "'")
                                           .c_str());
        vault->lock();
        CHECK(names(seeded.verify(), QStringLiteral("post"), post));
    }
    SECTION("a consent's end moved in its row") {
        QString consent;
        {
            auto query = vault->database().prepare("SELECT id FROM consents LIMIT 1");
            REQUIRE(query.step());
            consent = query.columnText(0);
        }
        services::test::tamper(*vault, "UPDATE consents SET expires_at = expires_at + 86400000");
        vault->lock();
        CHECK(names(seeded.verify(), QStringLiteral("consent"), consent));
    }
}

TEST_CASE("What a crash left in the write-ahead log is read, not checkpointed, by the verifier") {
    SeededVault seeded;
    // A vault copied while the app had it open: its -wal holds committed transactions.
    QTemporaryDir copyDir;
    auto vault = seeded.fixture.makeVault();
    vault->unlock(services::test::Passcode);
    vault->database().exec("PRAGMA wal_autocheckpoint = 0");
    {
        ConsentCore core(*vault, seeded.fixture.codec(), seeded.fixture.templates());
        for (int i = 0; i < 5; ++i)
            (void)core.library().addPatient(QStringLiteral("Late Patient %1").arg(i));
    }
    const QString copy = copyDir.path() + QStringLiteral("/vault");
    QDir().mkpath(copy + QStringLiteral("/media"));
    QDirIterator it(seeded.fixture.directory(), QDir::Files | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (!path.endsWith(QLatin1String("-shm")))
            QFile::copy(path, copy + path.mid(seeded.fixture.directory().size()));
    }
    vault->lock();
    REQUIRE(QFileInfo(copy + QStringLiteral("/vault.db-wal")).size() > 0);
    const auto before = snapshot(copy);

    storage::PosixFileOps files;
    services::test::TestClock clock;
    Vault copied(
        copy, files, [&] { return clock.now; }, [&] { return clock.ticks; });
    const auto report =
        VaultVerifier(copied, seeded.fixture.templates()).run(services::test::Passcode);
    INFO(describe(report).toStdString());
    CHECK(report.ok());
    CHECK(report.walFrames > 0);
    CHECK(snapshot(copy) == before); // not checkpointed, nothing written
}
