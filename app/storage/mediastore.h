#pragma once

#include "crypto/bytes.h"

#include <QString>

#include <functional>

namespace cc::storage {

class Database;
class FileOps;

// Encrypted media blobs (DESIGN §4.1). Each blob is one file in mediaDir named by its
// id (16 random bytes, lowercase hex), encrypted with Cobblestone-256 under its own
// random 32-byte key and the context "consentcam/media/v1" + id. That key is stored in
// the blob's row of the media table, sealed with AES-256-GCM under the media wrap key
// with the id as AAD: deleting the row crypto-shreds the file. Small blobs may keep the
// same encrypted bytes in their row instead (putInRow()).
// Not thread-safe (but see write()); Database and FileOps must outlive the store.
class MediaStore final {
public:
    static constexpr const char *Context = "consentcam/media/v1";

    // mediaWrapKey = HKDF(MK, "media-wrap"), 32 bytes (a copy is kept and wiped on
    // destruction). mediaDir must exist. Throws StorageError(Other) on a wrong key size.
    MediaStore(QString mediaDir, Database &db, crypto::ByteView mediaWrapKey, FileOps &files);
    ~MediaStore();
    MediaStore(const MediaStore &) = delete;
    MediaStore &operator=(const MediaStore &) = delete;

    // Encrypts plaintext into a new file, written durably, then inserts its row, and
    // returns the new id. If the row can't be inserted the file is removed. Called
    // inside an open transaction the row commits or rolls back with it (a rolled-back
    // put leaves a file that collectOrphans() removes). Throws StorageError.
    [[nodiscard]] QString put(crypto::ByteView plaintext);

    // Encrypts plaintext as put() does, but keeps the encrypted bytes in the blob's row
    // instead of a file, inserted in one statement: for small blobs written with other
    // rows (thumbnails), which then become durable with the transaction's commit and need
    // no file syncs of their own. Deleting the row shreds them as it shreds a file's key
    // (the database overwrites freed pages). Throws StorageError.
    [[nodiscard]] QString putInRow(crypto::ByteView plaintext);

    // put() in two halves, so that the file can be written while the caller does other
    // work. write() encrypts plaintext into a new file, written durably, and uses neither
    // the database nor anything of the store that changes: it may run on another thread
    // as long as nothing else uses the store's FileOps meanwhile. record() then inserts
    // the row (removing the file if it can't), on the store's own thread, and returns the
    // id; discard() removes the file of a blob that will not be recorded.
    struct Written {
        QString id;
        crypto::Bytes wrappedKey;
        std::int64_t size = 0;
    };
    [[nodiscard]] Written write(crypto::ByteView plaintext) const;
    [[nodiscard]] QString record(const Written &written);
    void discard(const Written &written);

    // The decrypted blob, from its row or its file. Throws StorageError: NotFound when
    // there is no row for id, Corrupt when the file is missing or any byte of it or of the wrapped
    // key fails to authenticate (nothing is returned then), Io when the file can't be read.
    [[nodiscard]] crypto::SecretBytes read(const QString &id);

    // True if a row exists for id.
    [[nodiscard]] bool contains(const QString &id);
    // True if id's encrypted bytes are kept in its row (putInRow()), false if in a file
    // or if there is no row.
    [[nodiscard]] bool isInRow(const QString &id);

    // Deletes the row (which crypto-shreds the blob), then the file, if it has one. Inside an open
    // transaction only the row is deleted: the file goes at the next collectOrphans(),
    // so a rollback never leaves a row without its file. Throws StorageError(NotFound)
    // if there is no such row.
    void remove(const QString &id);

    [[nodiscard]] qint64 count();
    // Visits the id of every blob that has a row, in id order.
    void forEachId(const std::function<void(const QString &id)> &visit);

    // Deletes files in mediaDir that have no row (a crash between the file's rename and
    // its insert, or a rolled-back put) and stale temporary files, and returns how many.
    // Other files are left alone. The vault calls it at unlock.
    int collectOrphans();

    // True for a well-formed media id (32 lowercase hex digits).
    [[nodiscard]] static bool isValidId(const QString &id);

    [[nodiscard]] QString mediaDir() const { return m_dir; }
    [[nodiscard]] QString filePath(const QString &id) const;

private:
    // A new id and file key, the key wrapped, and plaintext encrypted into sealed: what
    // write() and putInRow() share.
    [[nodiscard]] Written seal(crypto::ByteView plaintext, crypto::Bytes &sealed) const;
    // Inserts written's row, with sealed as its bytes when given.
    void insertRow(const Written &written, const crypto::Bytes *sealed);

    QString m_dir;
    Database &m_db;
    crypto::SecretBytes m_wrapKey;
    FileOps &m_files;
};

} // namespace cc::storage
