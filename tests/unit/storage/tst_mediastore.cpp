// MediaStore: encryption per file, authentication of every byte, binding to the id,
// crypto-shredding, orphan collection and failure handling.

#include "faultyfileops.h"
#include "storagetestsupport.h"

#include "crypto/aesgcm.h"
#include "crypto/cobblestone.h"
#include "crypto/random.h"
#include "storage/database.h"
#include "storage/mediastore.h"
#include "storage/migrations.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cerrno>
#include <optional>
#include <set>

using namespace cc;
using namespace cc::storage;
using namespace cc::storage::test;
using Op = FaultyFileOps::Op;

namespace {

// A migrated database and a media directory in a fresh temporary directory.
struct Fixture {
    QTemporaryDir dir;
    QString mediaDir;
    PosixFileOps files;
    Database db;

    Fixture()
        : mediaDir(dir.filePath(QStringLiteral("media")))
        , db(Database::open(dir.filePath(QStringLiteral("vault.db")), testKey(1),
                            Database::OpenMode::CreateNew)) {
        REQUIRE(QDir().mkpath(mediaDir));
        migrate(db);
    }

    MediaStore store(FileOps &ops, std::uint8_t wrapSeed = 9) {
        return MediaStore(mediaDir, db, testKey(wrapSeed), ops);
    }

    std::int64_t rowCount(const QString &id) {
        auto stmt = db.prepare("SELECT count(*) FROM media WHERE id = ?1");
        stmt.bind(1, id);
        REQUIRE(stmt.step());
        return stmt.columnInt64(0);
    }
};

crypto::Bytes content(std::size_t size, std::uint8_t seed) {
    crypto::Bytes data(size);
    for (std::size_t i = 0; i < size; ++i)
        data[i] = static_cast<std::uint8_t>(seed + i * 31 + (i >> 8));
    return data;
}

bool equal(const crypto::SecretBytes &a, const crypto::Bytes &b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
}

} // namespace

TEST_CASE("put and read round-trip across chunk boundaries") {
    Fixture f;
    auto store = f.store(f.files);
    const std::size_t size = GENERATE(std::size_t{0}, std::size_t{1}, std::size_t{16383},
                                      std::size_t{16384}, std::size_t{16385}, std::size_t{100000});
    CAPTURE(size);
    const auto data = content(size, 3);

    const QString id = store.put(data);

    CHECK(MediaStore::isValidId(id));
    CHECK(store.contains(id));
    CHECK(store.count() == 1);
    CHECK(fileNames(f.mediaDir) == QStringList{id});
    // Cobblestone-256: the header, full chunks, and a final short chunk, each with a tag.
    const std::size_t chunks = size / crypto::cobblestone::ChunkSize + 1;
    CHECK(readBytes(store.filePath(id)).size() ==
          crypto::cobblestone::HeaderSize + size + chunks * crypto::AesGcm::TagSize);
    CHECK(equal(store.read(id), data));

    auto row =
        f.db.prepare("SELECT size, length(wrapped_key), created_at FROM media WHERE id = ?1");
    row.bind(1, id);
    REQUIRE(row.step());
    CHECK(row.columnInt64(0) == std::int64_t(size));
    // nonce || sealed 32-byte key || tag: the file key is never stored in the clear.
    CHECK(row.columnInt64(1) == 12 + 32 + 16);
    CHECK_FALSE(row.columnText(2).isEmpty());
}

TEST_CASE("every item gets its own id and its own key") {
    Fixture f;
    auto store = f.store(f.files);
    const auto data = content(1000, 1);
    const QString a = store.put(data);
    const QString b = store.put(data);
    CHECK(a != b);
    // Same plaintext, different files and different wrapped keys.
    CHECK(readBytes(store.filePath(a)) != readBytes(store.filePath(b)));
    auto keys = f.db.prepare("SELECT count(DISTINCT wrapped_key) FROM media");
    REQUIRE(keys.step());
    CHECK(keys.columnInt64(0) == 2);
    CHECK(equal(store.read(a), data));
    CHECK(equal(store.read(b), data));
}

TEST_CASE("flipping any single byte of a media file makes read fail with Corrupt") {
    Fixture f;
    auto store = f.store(f.files);
    // Two full chunks and a short one.
    const auto data = content(2 * crypto::cobblestone::ChunkSize + 500, 7);
    const QString id = store.put(data);
    const QString path = store.filePath(id);
    const auto original = readBytes(path);

    std::set<std::size_t> positions{
        0, 1, 23, 24, 55, 56, 57, original.size() - 1, original.size() - 16, original.size() - 17};
    const std::size_t sealedChunk = crypto::cobblestone::SealedChunkSize;
    for (std::size_t chunk = 0; chunk < 3; ++chunk) {
        const std::size_t start = crypto::cobblestone::HeaderSize + chunk * sealedChunk;
        positions.insert(start);
        if (chunk < 2) {
            positions.insert(start + sealedChunk - 1);  // last byte of the tag
            positions.insert(start + sealedChunk - 16); // first byte of the tag
            positions.insert(start + sealedChunk / 2);  // middle of the chunk
        }
    }
    for (std::size_t pos = 0; pos < original.size(); pos += 509)
        positions.insert(pos);

    for (const std::size_t pos : positions) {
        CAPTURE(pos);
        auto damaged = original;
        damaged[pos] ^= 0x01;
        writeBytes(path, damaged);
        CHECK(thrownKind([&] { (void)store.read(id); }) == "Corrupt");
    }
    writeBytes(path, original);
    CHECK(equal(store.read(id), data));
}

TEST_CASE("a truncated, extended or emptied media file fails with Corrupt") {
    Fixture f;
    auto store = f.store(f.files);
    const QString id = store.put(content(20000, 2));
    const QString path = store.filePath(id);
    const auto original = readBytes(path);

    for (const std::size_t keep :
         {std::size_t{0}, std::size_t{10}, std::size_t{56},
          crypto::cobblestone::HeaderSize + crypto::cobblestone::SealedChunkSize,
          original.size() - 1}) {
        CAPTURE(keep);
        writeBytes(path, crypto::ByteView(original).first(keep));
        CHECK(thrownKind([&] { (void)store.read(id); }) == "Corrupt");
    }
    auto longer = original;
    longer.push_back(0);
    writeBytes(path, longer);
    CHECK(thrownKind([&] { (void)store.read(id); }) == "Corrupt");
    QFile::remove(path);
    CHECK(thrownKind([&] { (void)store.read(id); }) == "Corrupt");
}

TEST_CASE("a file copied over another item's name does not read as that item") {
    Fixture f;
    auto store = f.store(f.files);
    const QString a = store.put(content(5000, 1));
    const QString b = store.put(content(5000, 2));
    writeBytes(store.filePath(b), readBytes(store.filePath(a)));
    CHECK(thrownKind([&] { (void)store.read(b); }) == "Corrupt");
    CHECK(equal(store.read(a), content(5000, 1)));
}

TEST_CASE("a wrapped key moved to another item's row, or altered, fails with Corrupt") {
    Fixture f;
    auto store = f.store(f.files);
    const QString a = store.put(content(100, 1));
    const QString b = store.put(content(100, 2));
    // Give b the wrapped key of a (right wrap key, wrong id as AAD).
    auto swap = f.db.prepare("UPDATE media SET wrapped_key = (SELECT wrapped_key FROM media WHERE "
                             "id = ?1) WHERE id = ?2");
    swap.bind(1, a).bind(2, b).run();
    CHECK(thrownKind([&] { (void)store.read(b); }) == "Corrupt");

    crypto::Bytes wrapped;
    {
        auto get = f.db.prepare("SELECT wrapped_key FROM media WHERE id = ?1");
        get.bind(1, a);
        REQUIRE(get.step());
        wrapped = get.columnBlob(0);
    }
    wrapped[20] ^= 0x80;
    auto put = f.db.prepare("UPDATE media SET wrapped_key = ?1 WHERE id = ?2");
    put.bind(1, crypto::ByteView(wrapped)).bind(2, a).run();
    CHECK(thrownKind([&] { (void)store.read(a); }) == "Corrupt");
}

TEST_CASE("another media wrap key cannot read the items") {
    Fixture f;
    auto store = f.store(f.files, 9);
    const QString id = store.put(content(3000, 4));
    auto other = f.store(f.files, 10);
    CHECK(thrownKind([&] { (void)other.read(id); }) == "Corrupt");
    CHECK(equal(store.read(id), content(3000, 4)));
}

TEST_CASE("read of an unknown or malformed id is NotFound and touches no file") {
    Fixture f;
    auto store = f.store(f.files);
    writeBytes(f.dir.filePath(QStringLiteral("outside")), content(10, 1));
    for (const QString &id :
         {QStringLiteral("0123456789abcdef0123456789abcdef"), QStringLiteral("../outside"),
          QStringLiteral(""), QStringLiteral("0123456789ABCDEF0123456789ABCDEF")}) {
        CAPTURE(id.toStdString());
        CHECK(thrownKind([&] { (void)store.read(id); }) == "NotFound");
        CHECK(thrownKind([&] { store.remove(id); }) == "NotFound");
        CHECK_FALSE(store.contains(id));
    }
    CHECK(QFile::exists(f.dir.filePath(QStringLiteral("outside"))));
}

TEST_CASE("remove deletes the row and the file") {
    Fixture f;
    auto store = f.store(f.files);
    const QString keep = store.put(content(10, 1));
    const QString gone = store.put(content(10, 2));

    store.remove(gone);

    CHECK(f.rowCount(gone) == 0);
    CHECK_FALSE(QFile::exists(store.filePath(gone)));
    CHECK(thrownKind([&] { (void)store.read(gone); }) == "NotFound");
    CHECK(store.count() == 1);
    CHECK(equal(store.read(keep), content(10, 1)));
    CHECK(thrownKind([&] { store.remove(gone); }) == "NotFound");
}

TEST_CASE("a remove inside a transaction that rolls back keeps the item readable") {
    Fixture f;
    auto store = f.store(f.files);
    const QString id = store.put(content(10, 1));
    {
        auto tx = f.db.transaction();
        store.remove(id);
        CHECK(f.rowCount(id) == 0);
    } // rolled back
    CHECK(f.rowCount(id) == 1);
    CHECK(equal(store.read(id), content(10, 1)));

    // Committed inside a transaction: the file goes at the next collection.
    {
        auto tx = f.db.transaction();
        store.remove(id);
        tx.commit();
    }
    CHECK(store.collectOrphans() == 1);
    CHECK(fileNames(f.mediaDir).isEmpty());
}

TEST_CASE("a put inside a transaction that rolls back leaves only an orphan file") {
    Fixture f;
    auto store = f.store(f.files);
    QString id;
    {
        auto tx = f.db.transaction();
        id = store.put(content(10, 1));
    }
    CHECK(f.rowCount(id) == 0);
    CHECK(store.collectOrphans() == 1);
    CHECK(fileNames(f.mediaDir).isEmpty());
}

TEST_CASE("putInRow keeps the encrypted bytes in the row and touches no file") {
    Fixture f;
    FaultyFileOps ops(f.files);
    auto store = f.store(ops);
    const std::size_t size = GENERATE(std::size_t{0}, std::size_t{16385}, std::size_t{60000});
    CAPTURE(size);
    const auto data = content(size, 5);

    const QString id = store.putInRow(data);

    CHECK(MediaStore::isValidId(id));
    CHECK(store.isInRow(id));
    CHECK(fileNames(f.mediaDir).isEmpty());
    for (const Op op : {Op::Open, Op::Write, Op::Fdatasync, Op::Fsync, Op::Rename})
        CHECK(ops.calls(op) == 0);
    CHECK(equal(store.read(id), data));
    auto row = f.db.prepare("SELECT size, length(sealed) FROM media WHERE id = ?1");
    row.bind(1, id);
    REQUIRE(row.step());
    CHECK(row.columnInt64(0) == std::int64_t(size));
    // The same Cobblestone-256 bytes a file would hold, not the plaintext.
    const std::size_t chunks = size / crypto::cobblestone::ChunkSize + 1;
    CHECK(row.columnInt64(1) ==
          std::int64_t(crypto::cobblestone::HeaderSize + size + chunks * crypto::AesGcm::TagSize));
    // A blob in a file is not in its row.
    const QString inFile = store.put(data);
    CHECK_FALSE(store.isInRow(inFile));
    CHECK_FALSE(store.isInRow(QStringLiteral("0123456789abcdef0123456789abcdef")));
}

TEST_CASE("flipping any byte of a row's encrypted bytes, or moving them, fails with Corrupt") {
    Fixture f;
    auto store = f.store(f.files);
    const auto data = content(20000, 6);
    const QString id = store.putInRow(data);
    const QString other = store.putInRow(content(20000, 7));
    const auto sealedOf = [&](const QString &of) {
        auto get = f.db.prepare("SELECT sealed FROM media WHERE id = ?1");
        get.bind(1, of);
        REQUIRE(get.step());
        return get.columnBlob(0);
    };
    const auto setSealed = [&](const QString &of, const crypto::Bytes &bytes) {
        auto set = f.db.prepare("UPDATE media SET sealed = ?1 WHERE id = ?2");
        set.bind(1, crypto::ByteView(bytes)).bind(2, of).run();
    };
    const crypto::Bytes original = sealedOf(id);
    for (std::size_t at : {std::size_t{0}, std::size_t{30}, std::size_t{56}, std::size_t{16500},
                           original.size() - 1}) {
        CAPTURE(at);
        crypto::Bytes damaged = original;
        damaged[at] ^= 0x04;
        setSealed(id, damaged);
        CHECK(thrownKind([&] { (void)store.read(id); }) == "Corrupt");
    }
    setSealed(id, crypto::Bytes(original.begin(), original.end() - 1));
    CHECK(thrownKind([&] { (void)store.read(id); }) == "Corrupt");
    // Another item's bytes under this id's key and context.
    setSealed(id, sealedOf(other));
    CHECK(thrownKind([&] { (void)store.read(id); }) == "Corrupt");
    setSealed(id, original);
    CHECK(equal(store.read(id), data));
}

TEST_CASE("a row's bytes commit and roll back with the transaction, and go with the row") {
    Fixture f;
    FaultyFileOps ops(f.files);
    auto store = f.store(ops);
    QString rolledBack;
    {
        auto tx = f.db.transaction();
        rolledBack = store.putInRow(content(100, 1));
    }
    CHECK(f.rowCount(rolledBack) == 0);
    CHECK(store.collectOrphans() == 0);

    const QString kept = store.putInRow(content(100, 2));
    const QString gone = store.putInRow(content(100, 3));
    store.remove(gone);
    CHECK(f.rowCount(gone) == 0);
    CHECK(thrownKind([&] { (void)store.read(gone); }) == "NotFound");
    CHECK(thrownKind([&] { store.remove(gone); }) == "NotFound");
    CHECK(equal(store.read(kept), content(100, 2)));
    // Nothing of a blob without a file asks the file system for anything.
    for (const Op op :
         {Op::Open, Op::Write, Op::Fdatasync, Op::Fsync, Op::Rename, Op::SyncDirectory, Op::Remove})
        CHECK(ops.calls(op) == 0);
}

TEST_CASE("collectOrphans removes files without a row and stale temporaries, nothing else") {
    Fixture f;
    auto store = f.store(f.files);
    const QString kept = store.put(content(100, 1));
    const QString orphan = QStringLiteral("00112233445566778899aabbccddeeff");
    const QString temp = QLatin1Char('.') + orphan + QStringLiteral(".tmp-0011223344556677");
    writeBytes(store.filePath(orphan), content(100, 2));
    writeBytes(store.filePath(temp), content(50, 3));
    writeBytes(store.filePath(QStringLiteral("README")), content(5, 4));
    REQUIRE(QDir(f.mediaDir).mkdir(QStringLiteral("ffeeddccbbaa99887766554433221100")));

    CHECK(store.collectOrphans() == 2);

    QStringList expected{QStringLiteral("README"), kept};
    expected.sort();
    CHECK(fileNames(f.mediaDir) == expected);
    CHECK(QDir(store.filePath(QStringLiteral("ffeeddccbbaa99887766554433221100"))).exists());
    CHECK(equal(store.read(kept), content(100, 1)));
    CHECK(store.collectOrphans() == 0);
}

TEST_CASE("collectOrphans tells rows from orphans among many files in any order") {
    Fixture f;
    auto store = f.store(f.files);
    // Rows with files, rows kept in the row, and orphans, their ids interleaved in every
    // order; names that are not media ids sort between them.
    std::set<QString> kept;
    std::set<QString> orphans;
    for (int i = 0; i < 60; ++i) {
        kept.insert(store.put(content(20, std::uint8_t(i))));
        (void)store.putInRow(content(10, std::uint8_t(i)));
        const auto id = crypto::toHex(crypto::randomBytes(16));
        orphans.insert(QString::fromLatin1(id.data(), qsizetype(id.size())));
    }
    orphans.insert(QStringLiteral("00000000000000000000000000000000"));
    orphans.insert(QStringLiteral("ffffffffffffffffffffffffffffffff"));
    for (const auto &orphan : orphans)
        writeBytes(store.filePath(orphan), content(20, 7));
    const QStringList others{QStringLiteral("0README"), QStringLiteral("8notes"),
                             QStringLiteral("FFEEDDCCBBAA99887766554433221100"),
                             QStringLiteral("zz")};
    for (const auto &other : others)
        writeBytes(store.filePath(other), content(5, 4));

    CHECK(store.collectOrphans() == int(orphans.size()));

    QStringList expected(others);
    for (const auto &id : kept)
        expected.append(id);
    expected.sort();
    CHECK(fileNames(f.mediaDir) == expected);
    for (const auto &id : kept)
        CHECK(store.contains(id));
    CHECK(store.count() == 120);
    CHECK(store.collectOrphans() == 0);
}

TEST_CASE("a failed row insert removes the file it had written") {
    Fixture f;
    auto store = f.store(f.files);
    f.db.exec("CREATE TRIGGER refuse BEFORE INSERT ON media BEGIN "
              "SELECT RAISE(ABORT, 'refused'); END");
    CHECK(thrownKind([&] { (void)store.put(content(100, 1)); }) == "Constraint");
    CHECK(store.count() == 0);
    CHECK(fileNames(f.mediaDir).isEmpty());
}

TEST_CASE("a failing file step makes put fail with no row and no file left") {
    const Op op = GENERATE(Op::Open, Op::Write, Op::Fdatasync, Op::Rename, Op::SyncDirectory);
    const int error = GENERATE(EIO, ENOSPC);
    CAPTURE(int(op), error);

    Fixture f;
    FaultyFileOps faulty(f.files);
    faulty.limitWrites(8192); // so that a failing write can come after a partial file
    auto store = f.store(faulty);
    const QString before = store.put(content(1000, 1));

    faulty.failNth(op, op == Op::Write ? 2 : 1, error);
    const auto kind = thrownKind([&] { (void)store.put(content(40000, 2)); });

    CHECK(kind == (error == ENOSPC ? "Full" : "Io"));
    CHECK(store.count() == 1);
    CHECK(fileNames(f.mediaDir) == QStringList{before});
    CHECK(equal(store.read(before), content(1000, 1)));
    // The store still works once the file system does.
    const QString after = store.put(content(10, 3));
    CHECK(equal(store.read(after), content(10, 3)));
}

TEST_CASE("a media file read error is Io, not Corrupt") {
    Fixture f;
    FaultyFileOps faulty(f.files);
    auto store = f.store(faulty);
    const QString id = store.put(content(10, 1));
    faulty.failNth(Op::ReadAll, 1, EIO);
    CHECK(thrownKind([&] { (void)store.read(id); }) == "Io");
    CHECK(equal(store.read(id), content(10, 1)));
}

TEST_CASE("a wrap key that is not 32 bytes is refused") {
    Fixture f;
    const crypto::Bytes shortKey(31, 1);
    CHECK(thrownKind([&] { MediaStore store(f.mediaDir, f.db, shortKey, f.files); }) == "Other");
}
