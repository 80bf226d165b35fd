// WAL check: real logs written by SQLCipher verify frame by frame; a damaged committed frame,
// which SQLite's recovery silently treats as the end of the log, is found and named; what a
// crash leaves behind (a torn last frame, garbage after the last commit, frames of an older
// log generation) is not damage.

#include "storagetestsupport.h"

#include "storage/database.h"
#include "storage/walcheck.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>

#include <QDir>
#include <QTemporaryDir>
#include <QtEndian>

#include <algorithm>
#include <cstddef>
#include <random>

using namespace cc;
using namespace cc::storage;
using namespace cc::storage::test;
using Mode = Database::OpenMode;

namespace {

constexpr std::uint8_t KeySeed = 7;
constexpr qint64 HeaderSize = 32;
constexpr qint64 PageSize = 4096;
constexpr qint64 FrameSize = 24 + PageSize;
constexpr int Transactions = 6;
constexpr int RowsPerTransaction = 3;

// A database's file and its WAL as SQLCipher wrote them, copied while the connection was open:
// the database file holds the empty table, the WAL every transaction after it.
struct RealWal {
    crypto::Bytes database;
    // wals[t]: the WAL after transaction t + 1 committed.
    std::vector<crypto::Bytes> wals;
    // commitFrames[t]: the last frame (1-based) of transaction t + 1, its commit frame.
    std::vector<qint64> commitFrames;

    [[nodiscard]] const crypto::Bytes &wal() const { return wals.back(); }
    [[nodiscard]] qint64 frameCount() const { return commitFrames.back(); }
    // The transaction (1-based) that frame belongs to.
    [[nodiscard]] int transactionOf(qint64 frame) const {
        return int(std::lower_bound(commitFrames.begin(), commitFrames.end(), frame) -
                   commitFrames.begin()) +
               1;
    }
    // The commit frame of the last transaction before the one frame belongs to (0 if none).
    [[nodiscard]] qint64 commitBefore(qint64 frame) const {
        const int transaction = transactionOf(frame);
        return transaction == 1 ? 0 : commitFrames[std::size_t(transaction - 2)];
    }
};

void insertRows(Database &db, std::mt19937 &random) {
    auto tx = db.transaction();
    for (int row = 0; row < RowsPerTransaction; ++row) {
        // Rows of a few kilobytes, so that a transaction spans several frames.
        crypto::Bytes data(1500);
        std::generate(data.begin(), data.end(), [&] { return std::uint8_t(random()); });
        db.prepare("INSERT INTO t (data) VALUES (?1)").bind(1, data).run();
    }
    tx.commit();
}

// Runs Transactions separate transactions on a new database with automatic checkpoints off
// and copies the WAL after each one (it is complete after every commit).
RealWal makeRealWal(const QString &directory) {
    const QString path = QDir(directory).filePath(QStringLiteral("vault.db"));
    auto db = Database::open(path, testKey(KeySeed), Mode::CreateNew);
    db.exec("PRAGMA wal_autocheckpoint = 0");
    db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, data BLOB NOT NULL)");
    // SQLite deletes the WAL of an empty database file when it opens it: the table goes into
    // the database file, the transactions below into the WAL only.
    db.checkpoint();
    RealWal real;
    real.database = readBytes(path);
    std::mt19937 random(1);
    for (int t = 0; t < Transactions; ++t) {
        insertRows(db, random);
        real.wals.push_back(readBytes(path + QStringLiteral("-wal")));
        real.commitFrames.push_back((qint64(real.wals.back().size()) - HeaderSize) / FrameSize);
    }
    return real;
}

QString writeWal(const QTemporaryDir &dir, crypto::ByteView wal) {
    const QString path = dir.filePath(QStringLiteral("copy.db-wal"));
    writeBytes(path, wal);
    return path;
}

WalReport check(crypto::ByteView wal) {
    QTemporaryDir dir;
    return checkWal(writeWal(dir, wal));
}

// The rows SQLite reads from a copy of the database with wal next to it, as a verifier
// opening the vault would.
std::int64_t rowsSqliteReads(const RealWal &real, crypto::ByteView wal) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("vault.db"));
    writeBytes(path, real.database);
    writeBytes(path + QStringLiteral("-wal"), wal);
    auto db = Database::open(path, testKey(KeySeed), Mode::OpenExisting);
    auto count = db.prepare("SELECT count(*) FROM t");
    REQUIRE(count.step());
    return count.columnInt64(0);
}

std::size_t frameOffset(qint64 frame) {
    return std::size_t(HeaderSize + (frame - 1) * FrameSize);
}

quint32 commitField(const crypto::Bytes &wal, qint64 frame) {
    return qFromBigEndian<quint32>(wal.data() + frameOffset(frame) + 4);
}

crypto::Bytes flipped(crypto::Bytes wal, std::size_t offset) {
    wal.at(offset) ^= 0x10;
    return wal;
}

// SQLite's WAL checksum over big-endian words, written out here on its own so that the
// rewritten log below is judged by SQLite itself, not by the code under test.
void bigEndianChecksum(const std::uint8_t *data, std::size_t size, quint32 &s0, quint32 &s1) {
    for (std::size_t i = 0; i < size; i += 8) {
        s0 += qFromBigEndian<quint32>(data + i) + s1;
        s1 += qFromBigEndian<quint32>(data + i + 4) + s0;
    }
}

// The WAL as a big-endian machine writes it: magic 0x377f0683 and every checksum over
// big-endian words.
crypto::Bytes withBigEndianChecksums(crypto::Bytes wal) {
    wal[3] = 0x83;
    quint32 s0 = 0;
    quint32 s1 = 0;
    bigEndianChecksum(wal.data(), 24, s0, s1);
    qToBigEndian(s0, wal.data() + 24);
    qToBigEndian(s1, wal.data() + 28);
    for (std::size_t offset = HeaderSize; offset + FrameSize <= wal.size(); offset += FrameSize) {
        std::uint8_t *frame = wal.data() + offset;
        bigEndianChecksum(frame, 8, s0, s1);
        bigEndianChecksum(frame + 24, PageSize, s0, s1);
        qToBigEndian(s0, frame + 16);
        qToBigEndian(s1, frame + 20);
    }
    return wal;
}

} // namespace

TEST_CASE("a clean WAL written by SQLCipher verifies after every commit", "[walcheck]") {
    QTemporaryDir dir;
    const auto real = makeRealWal(dir.path());

    // The snapshots end at commit frames and no other frame carries a commit marker.
    for (qint64 frame = 1; frame <= real.frameCount(); ++frame) {
        const bool isCommit = std::find(real.commitFrames.begin(), real.commitFrames.end(),
                                        frame) != real.commitFrames.end();
        CHECK((commitField(real.wal(), frame) != 0) == isCommit);
    }
    // Transactions span several frames.
    CHECK(real.frameCount() > 2 * Transactions);
    // Little-endian checksums, as this machine writes them.
    CHECK(qFromBigEndian<quint32>(real.wal().data()) == 0x377f0682);

    for (std::size_t t = 0; t < real.wals.size(); ++t) {
        CAPTURE(t);
        const auto report = check(real.wals[t]);
        CHECK(report.ok());
        CHECK(report.problem.isEmpty());
        CHECK(report.present);
        CHECK(report.frames == real.commitFrames[t]);
        CHECK(report.validFrames == report.frames);
        CHECK(report.committedFrames == report.frames);
        CHECK(report.damagedFrames.empty());
    }
    CHECK(rowsSqliteReads(real, real.wal()) == Transactions * RowsPerTransaction);
}

TEST_CASE("a missing or empty WAL is not present and not a problem", "[walcheck]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("vault.db-wal"));
    const bool exists = GENERATE(false, true);
    if (exists)
        writeBytes(path, {});
    const auto report = checkWal(path);
    CHECK_FALSE(report.present);
    CHECK(report.ok());
    CHECK(report.frames == 0);
    CHECK(report.validFrames == 0);
    CHECK(report.committedFrames == 0);
    CHECK(report.damagedFrames.empty());
}

TEST_CASE("one flipped byte in any frame followed by a commit is reported as damage, and "
          "SQLite silently reads fewer rows",
          "[walcheck]") {
    QTemporaryDir dir;
    const auto real = makeRealWal(dir.path());

    for (qint64 frame = 1; frame < real.frameCount(); ++frame) {
        CAPTURE(frame);
        const int transaction = real.transactionOf(frame);
        // Every byte of the frame header (page number, commit size, salts, checksum) and
        // bytes at the start, middle and end of the page.
        std::vector<std::size_t> offsets;
        for (std::size_t i = 0; i < 24; ++i)
            offsets.push_back(i);
        for (const std::size_t i :
             {std::size_t(24), std::size_t(24 + PageSize / 2), std::size_t(FrameSize - 1)})
            offsets.push_back(i);
        for (const std::size_t inFrame : offsets) {
            CAPTURE(inFrame);
            const auto damaged = flipped(real.wal(), frameOffset(frame) + inFrame);
            const auto report = check(damaged);
            CHECK_FALSE(report.ok());
            CHECK(report.present);
            CHECK(report.frames == real.frameCount());
            CHECK(report.validFrames == frame - 1);
            CHECK(report.committedFrames == real.commitBefore(frame));
            CHECK(report.damagedFrames == std::vector<qint64>{frame});
            // The committed transactions from the damaged one on, counted by the commit
            // markers as they read: the damaged frame's own header can't be trusted, so a
            // flipped commit size or salt can add or hide its marker.
            const bool wasCommit = commitField(real.wal(), frame) != 0;
            const bool readsAsCommit =
                commitField(damaged, frame) != 0 && (inFrame < 8 || inFrame >= 16);
            const int lost = Transactions - transaction + 1 - int(wasCommit) + int(readsAsCommit);
            CHECK(report.problem ==
                  QStringLiteral("frame %1 is damaged: %2 committed %3 from there on would be "
                                 "lost")
                      .arg(frame)
                      .arg(lost)
                      .arg(lost == 1 ? QStringLiteral("transaction")
                                     : QStringLiteral("transactions")));
        }
        // The scenario the check exists for: SQLite opens the log without complaint and
        // reads only the transactions before the damaged frame.
        CHECK(rowsSqliteReads(real, flipped(real.wal(), frameOffset(frame) + 24 + 100)) ==
              (transaction - 1) * RowsPerTransaction);
    }
}

TEST_CASE("damage in the final commit frame is indistinguishable from a torn write and is not "
          "reported",
          "[walcheck]") {
    QTemporaryDir dir;
    const auto real = makeRealWal(dir.path());
    const qint64 last = real.frameCount();
    const std::size_t inFrame = GENERATE(std::size_t(5), std::size_t(20), std::size_t(24 + 7));
    CAPTURE(inFrame);
    const auto torn = flipped(real.wal(), frameOffset(last) + inFrame);
    const auto report = check(torn);
    CHECK(report.ok());
    CHECK(report.frames == last);
    CHECK(report.validFrames == last - 1);
    CHECK(report.committedFrames == real.commitBefore(last));
    CHECK(report.damagedFrames.empty());
    CHECK(rowsSqliteReads(real, torn) == (Transactions - 1) * RowsPerTransaction);
}

TEST_CASE("every damaged frame is listed, each counted once", "[walcheck]") {
    QTemporaryDir dir;
    const auto real = makeRealWal(dir.path());
    const qint64 first = 2;
    const qint64 second = real.commitFrames[3] - 1;
    REQUIRE(second > first + 1);
    // The first one in its stored checksum, the second in its page.
    auto wal = flipped(real.wal(), frameOffset(first) + 18);
    wal = flipped(wal, frameOffset(second) + 24 + 2000);
    const auto report = check(wal);
    CHECK(report.validFrames == first - 1);
    CHECK(report.committedFrames == real.commitBefore(first));
    CHECK(report.damagedFrames == std::vector<qint64>{first, second});
    CHECK(report.problem.startsWith(
        QStringLiteral("frames %1 and %2 are damaged: ").arg(first).arg(second)));
}

TEST_CASE("a torn frame or garbage after the last commit is crash residue, not damage",
          "[walcheck]") {
    QTemporaryDir dir;
    const auto real = makeRealWal(dir.path());
    const qint64 committed = real.frameCount();

    SECTION("part of a frame after the last commit") {
        auto wal = real.wal();
        wal.insert(wal.end(), real.wal().begin() + std::ptrdiff_t(frameOffset(2)),
                   real.wal().begin() + std::ptrdiff_t(frameOffset(2) + 1000));
        const auto report = check(wal);
        CHECK(report.ok());
        CHECK(report.frames == committed);
        CHECK(report.committedFrames == committed);
    }
    SECTION("the last frame cut short: its transaction was never acknowledged") {
        auto wal = real.wal();
        wal.resize(wal.size() - 100);
        const auto report = check(wal);
        CHECK(report.ok());
        CHECK(report.frames == committed - 1);
        CHECK(report.validFrames == committed - 1);
        CHECK(report.committedFrames == real.commitFrames[real.commitFrames.size() - 2]);
        CHECK(report.damagedFrames.empty());
    }
    SECTION("random whole frames after the last commit") {
        auto wal = real.wal();
        std::mt19937 random(5);
        for (int i = 0; i < 3 * int(FrameSize); ++i)
            wal.push_back(std::uint8_t(random()));
        const auto report = check(wal);
        CHECK(report.ok());
        CHECK(report.frames == committed + 3);
        CHECK(report.validFrames == committed);
        CHECK(report.committedFrames == committed);
        CHECK(report.damagedFrames.empty());
    }
    SECTION("a commit frame with this log's salts whose checksum fails, at the end") {
        // The next transaction's commit frame, written without the frames before it.
        auto wal = real.wal();
        std::vector<std::uint8_t> frame(real.wal().begin() + std::ptrdiff_t(frameOffset(1)),
                                        real.wal().begin() +
                                            std::ptrdiff_t(frameOffset(1) + FrameSize));
        qToBigEndian(quint32(99), frame.data() + 4);
        wal.insert(wal.end(), frame.begin(), frame.end());
        const auto report = check(wal);
        CHECK(report.ok());
        CHECK(report.frames == committed + 1);
        CHECK(report.validFrames == committed);
        CHECK(report.committedFrames == committed);
        CHECK(report.damagedFrames.empty());
    }
    CHECK(rowsSqliteReads(real, real.wal()) == Transactions * RowsPerTransaction);
}

TEST_CASE("a flipped byte in the WAL header is damage: SQLite ignores the whole log",
          "[walcheck]") {
    QTemporaryDir dir;
    const auto real = makeRealWal(dir.path());
    for (std::size_t offset = 0; offset < std::size_t(HeaderSize); ++offset) {
        CAPTURE(offset);
        const auto damaged = flipped(real.wal(), offset);
        const auto report = check(damaged);
        CHECK_FALSE(report.ok());
        CHECK(report.present);
        CHECK(report.validFrames == 0);
        CHECK(report.committedFrames == 0);
        CHECK(report.problem ==
              QStringLiteral("the WAL header is damaged: SQLite would ignore all %1 frames "
                             "after it")
                  .arg(real.frameCount()));
        CHECK(rowsSqliteReads(real, damaged) == 0);
    }
}

TEST_CASE("a damaged header with no complete frame after it loses nothing", "[walcheck]") {
    QTemporaryDir dir;
    const auto real = makeRealWal(dir.path());
    auto wal = flipped(real.wal(), 20);
    wal.resize(std::size_t(HeaderSize + FrameSize - 1));
    const auto report = check(wal);
    CHECK(report.present);
    CHECK(report.ok());
    CHECK(report.frames == 0);

    // Nor does a header cut short.
    wal.resize(std::size_t(HeaderSize - 1));
    CHECK(check(wal).ok());
    CHECK(check(wal).present);
}

TEST_CASE("frames of an older WAL generation after the valid part are not damage", "[walcheck]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("vault.db"));
    auto db = Database::open(path, testKey(KeySeed), Mode::CreateNew);
    db.exec("PRAGMA wal_autocheckpoint = 0");
    db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, data BLOB NOT NULL)");
    std::mt19937 random(3);
    for (int t = 0; t < Transactions; ++t)
        insertRows(db, random);
    const qint64 oldFrames =
        (qint64(readBytes(path + QStringLiteral("-wal")).size()) - HeaderSize) / FrameSize;
    // Copies the log into the database without truncating it: the next transaction starts a
    // new generation (new salts) at frame 1, over the old frames.
    db.exec("PRAGMA wal_checkpoint(RESTART)");
    insertRows(db, random);
    RealWal real;
    real.database = readBytes(path);
    const auto wal = readBytes(path + QStringLiteral("-wal"));

    const auto report = check(wal);
    CHECK(report.ok());
    CHECK(report.frames == oldFrames);
    CHECK(report.validFrames > 0);
    CHECK(report.validFrames < oldFrames);
    CHECK(report.committedFrames == report.validFrames);
    CHECK(report.damagedFrames.empty());
    CHECK(rowsSqliteReads(real, wal) == (Transactions + 1) * RowsPerTransaction);
}

TEST_CASE("a WAL with big-endian checksums verifies, and SQLite reads all of it", "[walcheck]") {
    QTemporaryDir dir;
    const auto real = makeRealWal(dir.path());
    const auto bigEndian = withBigEndianChecksums(real.wal());
    CHECK(rowsSqliteReads(real, bigEndian) == Transactions * RowsPerTransaction);

    const auto report = check(bigEndian);
    CHECK(report.ok());
    CHECK(report.validFrames == real.frameCount());
    CHECK(report.committedFrames == real.frameCount());

    // The magic alone selects the byte order: the other one fails the header.
    auto swapped = real.wal();
    swapped[3] = 0x83;
    CHECK(check(swapped).problem.startsWith(QStringLiteral("the WAL header is damaged")));

    const qint64 frame = real.commitFrames[1];
    const auto damaged = check(flipped(bigEndian, frameOffset(frame) + 24 + 5));
    CHECK(damaged.damagedFrames == std::vector<qint64>{frame});
}

TEST_CASE("a WAL for another page size or format version is a problem", "[walcheck]") {
    QTemporaryDir dir;
    const auto real = makeRealWal(dir.path());
    const QString path = writeWal(dir, real.wal());

    const auto otherSize = checkWal(path, 1024);
    CHECK(otherSize.problem ==
          QStringLiteral("the WAL holds 4096-byte pages, not 1024-byte pages"));
    // The frames are still read with the header's page size.
    CHECK(otherSize.frames == real.frameCount());
    CHECK(otherSize.validFrames == real.frameCount());

    const auto invalidSize = checkWal(path, 1000);
    CHECK(invalidSize.problem == QStringLiteral("1000 is not a page size SQLite uses"));

    // A header naming another version, with a checksum that matches it: SQLite refuses to
    // open such a log.
    auto wal = real.wal();
    qToBigEndian(quint32(3007001), wal.data() + 4);
    quint32 s0 = 0;
    quint32 s1 = 0;
    for (std::size_t i = 0; i < 24; i += 8) {
        s0 += qFromLittleEndian<quint32>(wal.data() + i) + s1;
        s1 += qFromLittleEndian<quint32>(wal.data() + i + 4) + s0;
    }
    qToBigEndian(s0, wal.data() + 24);
    qToBigEndian(s1, wal.data() + 28);
    const auto otherVersion = check(wal);
    CHECK_FALSE(otherVersion.ok());
    CHECK(otherVersion.problem.contains(
        QStringLiteral("the WAL header names format version 3007001, not 3007000")));
    // The frames chain from the header's checksum, which changed with it: the first frame
    // fails and the ones after it verify against the checksum it stores.
    CHECK(otherVersion.damagedFrames == std::vector<qint64>{1});
}

TEST_CASE("a WAL path that is not a file is reported, not thrown", "[walcheck]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("vault.db-wal"));
    REQUIRE(QDir().mkdir(path));
    WalReport report;
    REQUIRE_NOTHROW(report = checkWal(path));
    CHECK_FALSE(report.ok());
    CHECK(report.problem == QStringLiteral("the WAL is not a regular file"));
}
