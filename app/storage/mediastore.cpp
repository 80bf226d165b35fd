#include "storage/mediastore.h"

#include "crypto/aesgcm.h"
#include "crypto/cobblestone.h"
#include "crypto/random.h"
#include "storage/database.h"
#include "storage/fileops.h"
#include "storage/storageerror.h"

#include <QDateTime>

#include <algorithm>
#include <cerrno>
#include <optional>
#include <string>

namespace cc::storage {

namespace {

constexpr std::size_t IdBytes = 16;
constexpr std::size_t FileKeySize = 32;
constexpr std::size_t ReadPiece = 64 * 1024;

std::string contextFor(const QString &id) {
    return std::string(MediaStore::Context) + id.toStdString();
}

[[noreturn]] void throwCorrupt(const char *what) {
    throw StorageError(StorageError::Kind::Corrupt, what);
}

} // namespace

MediaStore::MediaStore(QString mediaDir, Database &db, crypto::ByteView mediaWrapKey,
                       FileOps &files)
    : m_dir(std::move(mediaDir))
    , m_db(db)
    , m_wrapKey(mediaWrapKey.begin(), mediaWrapKey.end())
    , m_files(files) {
    if (m_wrapKey.size() != crypto::AesGcm::KeySize)
        throw StorageError(StorageError::Kind::Other, "media wrap key must be 32 bytes");
}

MediaStore::~MediaStore() = default; // SecretBytes wipes the wrap key

bool MediaStore::isValidId(const QString &id) {
    return id.size() == qsizetype(2 * IdBytes) && std::all_of(id.begin(), id.end(), [](QChar c) {
               return (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
                      (c >= QLatin1Char('a') && c <= QLatin1Char('f'));
           });
}

QString MediaStore::filePath(const QString &id) const {
    return m_dir + QLatin1Char('/') + id;
}

QString MediaStore::put(crypto::ByteView plaintext) {
    return record(write(plaintext));
}

MediaStore::Written MediaStore::seal(crypto::ByteView plaintext, crypto::Bytes &sealed) const {
    const auto idHex = crypto::toHex(crypto::randomBytes(IdBytes));
    Written written;
    written.id = QString::fromLatin1(idHex.data(), qsizetype(idHex.size()));
    written.size = static_cast<std::int64_t>(plaintext.size());
    const auto context = contextFor(written.id);

    const crypto::SecretBytes fileKey = crypto::randomSecret(FileKeySize);
    written.wrappedKey = crypto::sealWithRandomNonce(m_wrapKey, crypto::view(idHex), fileKey);
    sealed = crypto::cobblestone::encrypt(fileKey, crypto::view(context), plaintext);
    return written;
}

MediaStore::Written MediaStore::write(crypto::ByteView plaintext) const {
    crypto::Bytes sealed;
    Written written = seal(plaintext, sealed);
    // The file first, durably; only then the row that points to it. A crash in between
    // leaves a file without a row, which collectOrphans() removes.
    writeFileDurably(m_files, filePath(written.id), sealed);
    return written;
}

void MediaStore::insertRow(const Written &written, const crypto::Bytes *sealed) {
    auto insert = m_db.prepare("INSERT INTO media (id, wrapped_key, size, created_at, sealed) "
                               "VALUES (?1, ?2, ?3, ?4, ?5)");
    insert.bind(1, written.id)
        .bind(2, crypto::ByteView(written.wrappedKey))
        .bind(3, written.size)
        .bind(4, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (sealed)
        insert.bind(5, crypto::ByteView(*sealed));
    insert.run();
}

QString MediaStore::putInRow(crypto::ByteView plaintext) {
    crypto::Bytes sealed;
    const Written written = seal(plaintext, sealed);
    insertRow(written, &sealed);
    return written.id;
}

QString MediaStore::record(const Written &written) {
    try {
        insertRow(written, nullptr);
    } catch (...) {
        discard(written);
        throw;
    }
    return written.id;
}

void MediaStore::discard(const Written &written) {
    (void)m_files.remove(filePath(written.id));
    (void)m_files.syncDirectory(m_dir);
}

bool MediaStore::isInRow(const QString &id) {
    if (!isValidId(id))
        return false;
    auto query = m_db.prepare("SELECT 1 FROM media WHERE id = ?1 AND sealed IS NOT NULL");
    query.bind(1, id);
    return query.step();
}

bool MediaStore::contains(const QString &id) {
    if (!isValidId(id))
        return false;
    auto query = m_db.prepare("SELECT 1 FROM media WHERE id = ?1");
    query.bind(1, id);
    return query.step();
}

crypto::SecretBytes MediaStore::read(const QString &id) {
    if (!isValidId(id))
        throw StorageError(StorageError::Kind::NotFound, "media: no such item");
    crypto::Bytes wrapped;
    std::optional<crypto::Bytes> inRow;
    {
        auto query = m_db.prepare("SELECT wrapped_key, sealed FROM media WHERE id = ?1");
        query.bind(1, id);
        if (!query.step())
            throw StorageError(StorageError::Kind::NotFound, "media: no such item");
        wrapped = query.columnBlob(0);
        if (!query.isNull(1))
            inRow = query.columnBlob(1);
    }

    const QByteArray idLatin1 = id.toLatin1();
    const auto fileKey = crypto::openWithNonce(
        m_wrapKey,
        crypto::ByteView(reinterpret_cast<const std::uint8_t *>(idLatin1.constData()),
                         std::size_t(idLatin1.size())),
        wrapped);
    if (!fileKey || fileKey->size() != FileKeySize)
        throwCorrupt("media: the item's key failed to authenticate");

    crypto::Bytes sealed;
    if (inRow) {
        sealed = std::move(*inRow);
    } else {
        try {
            sealed = readFile(m_files, filePath(id));
        } catch (const StorageError &error) {
            // The row is written only after its file is durable: a missing file is damage.
            if (error.kind() == StorageError::Kind::NotFound)
                throwCorrupt("media: the item's file is missing");
            throw;
        }
    }

    const auto context = contextFor(id);
    crypto::cobblestone::Decryptor decryptor(*fileKey, crypto::view(context));
    crypto::SecretBytes plaintext;
    const crypto::ByteView all(sealed);
    for (std::size_t offset = 0; offset < all.size(); offset += ReadPiece) {
        const auto piece = all.subspan(offset, std::min(ReadPiece, all.size() - offset));
        if (decryptor.update(piece, plaintext) != crypto::cobblestone::DecryptStatus::Ok) {
            plaintext.clear();
            throwCorrupt("media: the item's file failed to authenticate");
        }
    }
    if (decryptor.finish(plaintext) != crypto::cobblestone::DecryptStatus::Ok) {
        plaintext.clear();
        throwCorrupt("media: the item's file failed to authenticate");
    }
    return plaintext;
}

void MediaStore::remove(const QString &id) {
    if (!isValidId(id))
        throw StorageError(StorageError::Kind::NotFound, "media: no such item");
    bool inRow = false;
    {
        auto del = m_db.prepare("DELETE FROM media WHERE id = ?1 RETURNING sealed IS NOT NULL");
        del.bind(1, id);
        if (!del.step())
            throw StorageError(StorageError::Kind::NotFound, "media: no such item");
        inRow = del.columnInt64(0) != 0;
        (void)del.step();
    }
    if (inRow)
        return;
    // Inside a transaction the delete may still roll back: keep the file until then,
    // collectOrphans() removes it once its row is gone for good.
    if (m_db.inTransaction())
        return;
    // The row is gone, so the file can no longer be decrypted; a failure to unlink it
    // leaves an orphan for collectOrphans(), not a readable blob.
    (void)m_files.remove(filePath(id));
    (void)m_files.syncDirectory(m_dir);
}

qint64 MediaStore::count() {
    auto query = m_db.prepare("SELECT count(*) FROM media");
    return query.step() ? qint64(query.columnInt64(0)) : 0;
}

void MediaStore::forEachId(const std::function<void(const QString &id)> &visit) {
    auto query = m_db.prepare("SELECT id FROM media ORDER BY id");
    while (query.step())
        visit(query.columnText(0));
}

int MediaStore::collectOrphans() {
    QStringList names;
    if (const auto listed = m_files.listDirectory(m_dir, names); !listed.ok()) {
        throw StorageError(listed.error == ENOENT ? StorageError::Kind::NotFound
                                                  : StorageError::Kind::Io,
                           "media: can't list the media directory");
    }
    // Both sides in id order, walked together: one pass over the id index instead of a
    // lookup per file, which at a million files had taken most of half a minute.
    names.sort();
    auto ids = m_db.prepare("SELECT id FROM media ORDER BY id");
    bool more = ids.step();
    QString id = more ? ids.columnText(0) : QString();
    int removed = 0;
    for (const auto &name : names) {
        const bool mediaFile = isValidId(name);
        bool orphan = !mediaFile && isTemporaryFileName(name);
        if (mediaFile) {
            while (more && id < name) {
                more = ids.step();
                if (more)
                    id = ids.columnText(0);
            }
            orphan = !more || id != name;
        }
        if (orphan && m_files.remove(filePath(name)).ok())
            ++removed;
    }
    if (removed > 0)
        (void)m_files.syncDirectory(m_dir);
    return removed;
}

} // namespace cc::storage
