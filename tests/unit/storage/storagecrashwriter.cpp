// storage_crash_writer DB MEDIA_DIR: adds random media items to an existing vault
// database forever, one transaction per item (the media row and a crash_items row with
// the content's SHA-256), and prints "<id> <sha256 hex>" after each commit. The crash
// safety test kills it with SIGKILL at random moments.

#include "crypto/hash.h"
#include "crypto/random.h"
#include "storage/database.h"
#include "storage/fileops.h"
#include "storage/mediastore.h"
#include "storage/migrations.h"

#include <QString>

#include <cstdio>
#include <exception>

using namespace cc;
using namespace cc::storage;

int main(int argc, char **argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: storage_crash_writer DB MEDIA_DIR DB_KEY_HEX WRAP_KEY_HEX\n");
        return 2;
    }
    try {
        const auto dbKey = crypto::fromHex(argv[3]);
        const auto wrapKey = crypto::fromHex(argv[4]);
        PosixFileOps files;
        auto db = Database::open(QString::fromLocal8Bit(argv[1]), dbKey,
                                 Database::OpenMode::OpenExisting);
        migrate(db);
        db.exec("CREATE TABLE IF NOT EXISTS crash_items ("
                " id TEXT PRIMARY KEY REFERENCES media(id),"
                " digest BLOB NOT NULL) STRICT");
        MediaStore media(QString::fromLocal8Bit(argv[2]), db, wrapKey, files);
        for (;;) {
            const auto sizeBytes = crypto::randomBytes(2);
            const std::size_t size = (std::size_t(sizeBytes[0]) << 8 | sizeBytes[1]) % 40000;
            const auto content = crypto::randomBytes(size);
            const auto digest = crypto::sha256(content);

            auto tx = db.transaction();
            const QString id = media.put(content);
            auto insert = db.prepare("INSERT INTO crash_items (id, digest) VALUES (?1, ?2)");
            insert.bind(1, id).bind(2, crypto::ByteView(digest));
            insert.run();
            tx.commit();

            std::printf("%s %s\n", id.toLatin1().constData(), crypto::toHex(digest).c_str());
            std::fflush(stdout);
        }
    } catch (const std::exception &error) {
        std::fprintf(stderr, "storage_crash_writer: %s\n", error.what());
        return 1;
    }
}
