// Crash safety: a writer process is killed with SIGKILL at random moments, again and
// again on the same vault. After every kill the database opens, passes its integrity
// check, holds every item the writer acknowledged with the right content, and after
// collectOrphans() no file is without a row and no row is without a file.

#include "storagetestsupport.h"

#include "crypto/hash.h"
#include "storage/database.h"
#include "storage/mediastore.h"
#include "storage/migrations.h"

#include <catch2/catch_test_macros.hpp>

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>

#include <chrono>
#include <map>
#include <random>
#include <set>
#include <thread>

using namespace cc;
using namespace cc::storage;
using namespace cc::storage::test;

namespace {

constexpr int Iterations = 50;
// As in storagecrashwriter.cpp.
constexpr const char *CrashItemsSchema = "CREATE TABLE IF NOT EXISTS crash_items ("
                                         " id TEXT PRIMARY KEY REFERENCES media(id),"
                                         " digest BLOB NOT NULL) STRICT";

struct Acknowledged {
    std::map<QString, std::string> digests; // id -> SHA-256 hex, as printed by the writer
};

// Complete lines only: a line cut short by the kill was never acknowledged.
int parseAcknowledged(const QByteArray &output, Acknowledged &into) {
    int lines = 0;
    const auto end = output.lastIndexOf('\n');
    if (end < 0)
        return 0;
    for (const auto &line : output.left(end).split('\n')) {
        const auto parts = line.split(' ');
        REQUIRE(parts.size() == 2);
        const QString id = QString::fromLatin1(parts[0]);
        REQUIRE(MediaStore::isValidId(id));
        into.digests[id] = parts[1].toStdString();
        ++lines;
    }
    return lines;
}

std::set<QString> mediaRows(Database &db) {
    std::set<QString> ids;
    auto stmt = db.prepare("SELECT id FROM media");
    while (stmt.step())
        ids.insert(stmt.columnText(0));
    return ids;
}

// Returns how many orphans collectOrphans() removed.
int verify(const QString &dbPath, const QString &mediaDir, const Acknowledged &acked,
           const std::set<QString> &checkContent) {
    PosixFileOps files;
    auto db = Database::open(dbPath, testKey(1), Database::OpenMode::OpenExisting);
    REQUIRE(db.integrityCheck() == QStringLiteral("ok"));
    MediaStore media(mediaDir, db, testKey(9), files);

    // Every acknowledged item is present; the ones picked for this round read back
    // with exactly the content the writer reported.
    auto item = db.prepare("SELECT digest FROM crash_items WHERE id = ?1");
    for (const auto &[id, digest] : acked.digests) {
        CAPTURE(id.toStdString());
        item.reset();
        item.bind(1, id);
        REQUIRE(item.step());
        REQUIRE(crypto::toHex(item.columnBlob(0)) == digest);
        REQUIRE(media.contains(id));
        if (checkContent.count(id) != 0) {
            const auto content = media.read(id);
            REQUIRE(crypto::toHex(crypto::sha256(content)) == digest);
        }
    }

    const int orphans = media.collectOrphans();
    const auto rows = mediaRows(db);
    const QStringList names = fileNames(mediaDir);
    const std::set<QString> onDisk(names.begin(), names.end());
    // No file without a row (temporaries included), and no row without its file.
    REQUIRE(onDisk == rows);
    // Every crash_items row belongs to a media row (the foreign key held).
    auto dangling =
        db.prepare("SELECT count(*) FROM crash_items WHERE id NOT IN (SELECT id FROM media)");
    REQUIRE(dangling.step());
    REQUIRE(dangling.columnInt64(0) == 0);
    return orphans;
}

} // namespace

TEST_CASE("killing the writer with SIGKILL never loses or damages acknowledged data") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString dbPath = dir.filePath(QStringLiteral("vault.db"));
    const QString mediaDir = dir.filePath(QStringLiteral("media"));
    REQUIRE(QDir().mkpath(mediaDir));
    {
        auto db = Database::open(dbPath, testKey(1), Database::OpenMode::CreateNew);
        migrate(db);
        // The writer's table, here too, so that a kill during its start-up finds it.
        db.exec(CrashItemsSchema);
    }

    const auto seed = std::random_device{}();
    CAPTURE(seed);
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> delayMs(0, 120);

    Acknowledged acked;
    int killedWhileWriting = 0;
    int orphans = 0;
    for (int round = 0; round < Iterations; ++round) {
        CAPTURE(round);
        QProcess writer;
        writer.setProcessChannelMode(QProcess::SeparateChannels);
        writer.start(QStringLiteral(STORAGE_CRASH_WRITER),
                     {dbPath, mediaDir, QString::fromStdString(crypto::toHex(testKey(1))),
                      QString::fromStdString(crypto::toHex(testKey(9)))});
        REQUIRE(writer.waitForStarted(10000));
        // Kill it while it writes, not during its start-up (slow under a sanitizer or a
        // loaded machine): wait for its first acknowledgement, then a random while more.
        REQUIRE(writer.waitForReadyRead(30000));
        std::this_thread::sleep_for(std::chrono::milliseconds(delayMs(rng)));
        writer.kill(); // SIGKILL
        REQUIRE(writer.waitForFinished(10000));
        const auto errors = writer.readAllStandardError();
        INFO(errors.toStdString());
        REQUIRE(writer.exitStatus() == QProcess::CrashExit);

        const auto before = acked.digests.size();
        const int lines = parseAcknowledged(writer.readAllStandardOutput(), acked);
        REQUIRE(acked.digests.size() == before + std::size_t(lines));
        if (lines > 0)
            ++killedWhileWriting;

        // Check the content of this round's items and a sample of the older ones.
        std::set<QString> checkContent;
        std::uniform_int_distribution<std::size_t> pick(0, acked.digests.size());
        for (const auto &[id, digest] : acked.digests) {
            if (pick(rng) < 8 || round == Iterations - 1)
                checkContent.insert(id);
        }
        orphans += verify(dbPath, mediaDir, acked, checkContent);
    }
    // The kills landed while items were being written, not only during start-up.
    CHECK(killedWhileWriting >= Iterations / 2);
    CHECK(acked.digests.size() >= std::size_t(Iterations));
    // Some kills landed after a file was written and before its row committed, and
    // the orphans they left were collected.
    CHECK(orphans > 0);
}
