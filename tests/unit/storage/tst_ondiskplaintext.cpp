// Nothing in plaintext on disk (DESIGN §4.1): rows and media written through Database
// and MediaStore never appear in any file of the vault directory, WAL and SHM included.

#include "storagetestsupport.h"

#include "crypto/bytes.h"
#include "storage/database.h"
#include "storage/mediastore.h"
#include "storage/migrations.h"

#include <catch2/catch_test_macros.hpp>

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace cc;
using namespace cc::storage;
using namespace cc::storage::test;

namespace {

const std::string_view Canary = "CANARY-7f3a";
// A JPEG's SOI marker and JFIF APP0 header. Scanning for these twelve bytes finds any
// plaintext JPEG; scanning random ciphertext for the three-byte FF D8 FF alone would
// match by chance about once every 16 MiB.
const crypto::Bytes JpegHeader{0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00, 0x01};
const crypto::Bytes JpegMagic{0xFF, 0xD8, 0xFF};

crypto::Bytes fakeJpeg(std::size_t size) {
    crypto::Bytes jpeg = JpegHeader;
    jpeg.insert(jpeg.end(), Canary.begin(), Canary.end());
    while (jpeg.size() < size)
        jpeg.push_back(static_cast<std::uint8_t>(jpeg.size() * 7));
    jpeg.insert(jpeg.end(), Canary.begin(), Canary.end());
    jpeg.push_back(0xFF);
    jpeg.push_back(0xD9);
    return jpeg;
}

// Every file under directory that starts like a JPEG.
QStringList filesStartingWith(const QString &directory, crypto::ByteView magic) {
    QStringList hits;
    for (const auto &path : allFiles(directory)) {
        const auto bytes = readBytes(path);
        if (bytes.size() >= magic.size() && std::equal(magic.begin(), magic.end(), bytes.begin()))
            hits.append(path);
    }
    return hits;
}

struct Leaks {
    QStringList canary, jpeg, jpegMagic, dbKey, wrapKey;
};

Leaks scan(const QString &directory) {
    return {filesContaining(directory, crypto::view(Canary)),
            filesContaining(directory, JpegHeader), filesStartingWith(directory, JpegMagic),
            filesContaining(directory, testKey(1)), filesContaining(directory, testKey(9))};
}

} // namespace

TEST_CASE("the scanner finds the canary, the JPEG and the keys in a plaintext file") {
    QTemporaryDir elsewhere;
    auto plain = fakeJpeg(20000);
    const auto dbKey = testKey(1);
    const auto wrapKey = testKey(9);
    plain.insert(plain.end(), dbKey.begin(), dbKey.end());
    plain.insert(plain.end(), wrapKey.begin(), wrapKey.end());
    writeBytes(elsewhere.filePath(QStringLiteral("plain.jpg")), plain);

    const auto leaks = scan(elsewhere.path());
    CHECK(leaks.canary.size() == 1);
    CHECK(leaks.jpeg.size() == 1);
    CHECK(leaks.jpegMagic.size() == 1);
    CHECK(leaks.dbKey.size() == 1);
    CHECK(leaks.wrapKey.size() == 1);
}

TEST_CASE("no row, media byte or key appears in plaintext in any file of the vault") {
    QTemporaryDir dir;
    const QString dbPath = dir.filePath(QStringLiteral("vault.db"));
    const QString mediaDir = dir.filePath(QStringLiteral("media"));
    REQUIRE(QDir().mkpath(mediaDir));
    PosixFileOps files;

    auto db = Database::open(dbPath, testKey(1), Database::OpenMode::CreateNew);
    migrate(db);
    MediaStore media(mediaDir, db, testKey(9), files);

    for (int i = 0; i < 20; ++i) {
        auto tx = db.transaction();
        auto insert = db.prepare("INSERT INTO vault_meta (key, value) VALUES (?1, ?2)");
        insert.bind(1, QStringLiteral("note-%1").arg(i))
            .bind(2, QStringLiteral("patient %1 %2")
                         .arg(i)
                         .arg(QLatin1String(Canary.data(), qsizetype(Canary.size()))));
        insert.run();
        (void)media.put(fakeJpeg(std::size_t(1000 + i * 3000)));
        tx.commit();
    }
    // Also a JPEG as a row blob, as thumbnails or signatures might be stored.
    db.exec("CREATE TABLE blobs (data BLOB NOT NULL)");
    db.prepare("INSERT INTO blobs (data) VALUES (?1)")
        .bind(1, crypto::ByteView(fakeJpeg(6000)))
        .run();

    SECTION("with the WAL not yet checkpointed") {
        REQUIRE(QFileInfo(dbPath + QStringLiteral("-wal")).size() > 0);
        REQUIRE(QFileInfo::exists(dbPath + QStringLiteral("-shm")));
    }
    SECTION("after a checkpoint") {
        db.checkpoint();
    }
    SECTION("after close") {
        db.close();
    }
    CHECK(allFiles(mediaDir).size() == 20);
    const auto leaks = scan(dir.path());
    CHECK(leaks.canary.isEmpty());
    CHECK(leaks.jpeg.isEmpty());
    CHECK(leaks.jpegMagic.isEmpty());
    CHECK(leaks.dbKey.isEmpty());
    CHECK(leaks.wrapKey.isEmpty());
    // Nothing else was written next to the vault: no temp files, no rollback journal.
    for (const auto &path : allFiles(dir.path())) {
        const QString name = QFileInfo(path).fileName();
        CAPTURE(name.toStdString());
        CHECK((name.startsWith(QStringLiteral("vault.db")) || MediaStore::isValidId(name)));
    }
}
