#include "storage/fileops.h"

#include "crypto/random.h"
#include "storage/storageerror.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cc::storage {

namespace {

QByteArray encode(const QString &path) {
    return QFile::encodeName(path);
}

FileResult fromCall(long long rc) {
    return rc < 0 ? FileResult::failure(errno) : FileResult::success(rc);
}

const QString TempMarker = QStringLiteral(".tmp-");
const QString BackupMarker = QStringLiteral(".old-");

// ENOSPC is Full; ENOENT is NotFound only where reportMissing says a missing file is
// the caller's question (reads), Io everywhere else.
[[noreturn]] void throwFileError(const char *what, int error, bool reportMissing = false) {
    const auto kind = error == ENOSPC                      ? StorageError::Kind::Full
                      : (error == ENOENT && reportMissing) ? StorageError::Kind::NotFound
                                                           : StorageError::Kind::Io;
    throw StorageError(kind, std::string(what) + ": " + std::strerror(error));
}

// ".<name>.tmp-<16 hex>" or ".<name>.old-<16 hex>" in the same directory as path.
QString siblingName(const QString &path, const QString &marker) {
    const QFileInfo info(path);
    const auto suffix = crypto::toHex(crypto::randomBytes(8));
    return info.dir().filePath(QLatin1Char('.') + info.fileName() + marker +
                               QString::fromLatin1(suffix.data(), qsizetype(suffix.size())));
}

QString directoryOf(const QString &path) {
    return QFileInfo(path).dir().path();
}

} // namespace

FileOps::~FileOps() = default;

FileResult PosixFileOps::openFile(const QString &path, int flags, mode_t mode) {
    int fd = -1;
    do {
        fd = ::open(encode(path).constData(), flags | O_CLOEXEC, mode);
    } while (fd < 0 && errno == EINTR);
    return fromCall(fd);
}

FileResult PosixFileOps::write(int fd, crypto::ByteView data) {
    return fromCall(::write(fd, data.data(), data.size()));
}

FileResult PosixFileOps::fdatasync(int fd) {
    return fromCall(::fdatasync(fd));
}

FileResult PosixFileOps::fsync(int fd) {
    return fromCall(::fsync(fd));
}

FileResult PosixFileOps::close(int fd) {
    // Never retried on EINTR: on Linux the descriptor is released either way.
    return fromCall(::close(fd));
}

FileResult PosixFileOps::rename(const QString &from, const QString &to) {
    return fromCall(::rename(encode(from).constData(), encode(to).constData()));
}

FileResult PosixFileOps::link(const QString &from, const QString &to) {
    return fromCall(::link(encode(from).constData(), encode(to).constData()));
}

FileResult PosixFileOps::syncDirectory(const QString &directory) {
    const auto opened = openFile(directory, O_RDONLY | O_DIRECTORY, 0);
    if (!opened.ok())
        return opened;
    const int fd = int(opened.value);
    const auto synced = fsync(fd);
    (void)close(fd);
    return synced;
}

FileResult DeferredSyncFileOps::fdatasync(int) {
    ++m_pending;
    return FileResult::success();
}

FileResult DeferredSyncFileOps::fsync(int) {
    ++m_pending;
    return FileResult::success();
}

FileResult DeferredSyncFileOps::syncDirectory(const QString &) {
    ++m_pending;
    return FileResult::success();
}

FileResult DeferredSyncFileOps::flush() {
    const auto opened = m_real.openFile(m_anchor, O_RDONLY | O_DIRECTORY, 0);
    if (!opened.ok())
        return opened;
    const int fd = int(opened.value);
    const auto synced = fromCall(::syncfs(fd));
    (void)m_real.close(fd);
    if (synced.ok())
        m_pending = 0;
    return synced;
}

FileResult PosixFileOps::remove(const QString &path) {
    return fromCall(::unlink(encode(path).constData()));
}

FileResult PosixFileOps::makeDirectory(const QString &path, mode_t mode) {
    return fromCall(::mkdir(encode(path).constData(), mode));
}

FileResult PosixFileOps::listDirectory(const QString &directory, QStringList &names) {
    names.clear();
    DIR *dir = ::opendir(encode(directory).constData());
    if (!dir)
        return FileResult::failure(errno);
    const QByteArray base = encode(directory) + '/';
    for (;;) {
        errno = 0;
        const dirent *entry = ::readdir(dir);
        if (!entry) {
            const int error = errno;
            ::closedir(dir);
            if (error != 0) {
                names.clear();
                return FileResult::failure(error);
            }
            return FileResult::success();
        }
        const QByteArray name(entry->d_name);
        if (name == "." || name == "..")
            continue;
        // Most file systems say what each entry is; only when one doesn't, ask lstat (a
        // million lstat calls had been most of unlocking a very large vault).
        bool regular = entry->d_type == DT_REG;
        if (entry->d_type == DT_UNKNOWN) {
            struct stat st {};
            regular = ::lstat((base + name).constData(), &st) == 0 && S_ISREG(st.st_mode);
        }
        if (regular)
            names.append(QFile::decodeName(name));
    }
}

bool PosixFileOps::exists(const QString &path) {
    struct stat st {};
    return ::lstat(encode(path).constData(), &st) == 0;
}

FileResult PosixFileOps::readAll(const QString &path, crypto::Bytes &out) {
    out.clear();
    const auto opened = openFile(path, O_RDONLY, 0);
    if (!opened.ok())
        return opened;
    const int fd = int(opened.value);
    struct stat st {};
    if (::fstat(fd, &st) == 0 && st.st_size > 0)
        out.reserve(std::size_t(st.st_size));
    std::uint8_t buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int error = errno;
            (void)close(fd);
            out.clear();
            return FileResult::failure(error);
        }
        if (n == 0)
            break;
        out.insert(out.end(), buffer, buffer + n);
    }
    (void)close(fd);
    return FileResult::success(static_cast<long long>(out.size()));
}

FileResult writeAll(FileOps &files, int fd, crypto::ByteView data) {
    std::size_t done = 0;
    while (done < data.size()) {
        const auto written = files.write(fd, data.subspan(done));
        if (!written.ok()) {
            if (written.error == EINTR)
                continue;
            return written;
        }
        if (written.value <= 0)
            return FileResult::failure(EIO); // a write that makes no progress
        done += std::size_t(written.value);
    }
    return FileResult::success(static_cast<long long>(done));
}

void writeFileDurably(FileOps &files, const QString &path, crypto::ByteView data) {
    const QString directory = directoryOf(path);
    const QString temp = siblingName(path, TempMarker);

    const auto opened = files.openFile(temp, O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (!opened.ok())
        throwFileError("create temporary file", opened.error);
    const int fd = int(opened.value);

    auto fail = [&](const char *what, int error, bool fdOpen) {
        if (fdOpen)
            (void)files.close(fd);
        (void)files.remove(temp);
        throwFileError(what, error);
    };

    if (const auto r = writeAll(files, fd, data); !r.ok())
        fail("write", r.error, true);
    // The data must be on stable storage before the rename makes it visible at path.
    // An fsync failure is final: the kernel may have dropped the dirty pages already.
    if (const auto r = files.fdatasync(fd); !r.ok())
        fail("fdatasync", r.error, true);
    if (const auto r = files.close(fd); !r.ok())
        fail("close", r.error, false);

    // Keep a second name for the file being replaced, so that a failed directory sync
    // can put it back.
    QString backup;
    if (files.exists(path)) {
        backup = siblingName(path, BackupMarker);
        if (const auto r = files.link(path, backup); !r.ok())
            fail("link previous file", r.error, false);
    }
    auto dropBackup = [&] {
        if (!backup.isEmpty())
            (void)files.remove(backup);
    };

    if (const auto r = files.rename(temp, path); !r.ok()) {
        dropBackup();
        fail("rename", r.error, false);
    }
    if (const auto r = files.syncDirectory(directory); !r.ok()) {
        // The rename may or may not be durable. Restore what callers saw before, since
        // the write is reported as failed.
        if (backup.isEmpty())
            (void)files.remove(path);
        else if (!files.rename(backup, path).ok())
            dropBackup();
        throwFileError("sync directory", r.error);
    }
    if (!backup.isEmpty()) {
        // The old contents (for vault.key: the master key under the old passcode) must
        // not come back after a crash. The write itself has succeeded, so a failure of
        // this last sync is not reported; a leftover is removed at the next unlock.
        dropBackup();
        (void)files.syncDirectory(directory);
    }
}

namespace {

// Removes a temporary file that holds a copy of the data. If it can't be removed, it is
// emptied first and the removal tried once more, so that no copy of the data stays behind
// (for an export: plaintext, in a folder nothing cleans up).
void discardTemporary(FileOps &files, const QString &temp) {
    if (files.remove(temp).ok() || !files.exists(temp))
        return;
    if (const auto opened = files.openFile(temp, O_WRONLY | O_TRUNC, 0); opened.ok()) {
        (void)files.fdatasync(int(opened.value));
        (void)files.close(int(opened.value));
    }
    (void)files.remove(temp);
}

} // namespace

QString writeNewFileDurably(FileOps &files, const QString &directory, const QString &fileName,
                            crypto::ByteView data, int maxNumber) {
    if (fileName.isEmpty() || fileName == QLatin1String(".") || fileName == QLatin1String("..") ||
        fileName.contains(QLatin1Char('/')) || fileName.contains(QChar(u'\0')))
        throw StorageError(StorageError::Kind::Other, "not a plain file name");
    const QString temp = siblingName(directory + QLatin1Char('/') + fileName, TempMarker);
    const auto opened = files.openFile(temp, O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (!opened.ok())
        throwFileError("create temporary file", opened.error);
    const int fd = int(opened.value);
    auto fail = [&](const char *what, int error, bool fdOpen) {
        if (fdOpen)
            (void)files.close(fd);
        discardTemporary(files, temp);
        throwFileError(what, error);
    };
    if (const auto r = writeAll(files, fd, data); !r.ok())
        fail("write", r.error, true);
    if (const auto r = files.fdatasync(fd); !r.ok())
        fail("fdatasync", r.error, true);
    if (const auto r = files.close(fd); !r.ok())
        fail("close", r.error, false);

    // "name.ext", "name (2).ext", ...: link(2) fails with EEXIST rather than replace.
    const qsizetype dot = fileName.lastIndexOf(QLatin1Char('.'));
    const QString base = dot > 0 ? fileName.left(dot) : fileName;
    const QString extension = dot > 0 ? fileName.mid(dot) : QString();
    QString path;
    for (int number = 1; number <= maxNumber && path.isEmpty(); ++number) {
        const QString candidate =
            directory + QLatin1Char('/') +
            (number == 1 ? fileName
                         : QStringLiteral("%1 (%2)%3").arg(base).arg(number).arg(extension));
        auto linked = files.link(temp, candidate);
        // File systems without hard links (FAT, exFAT, some network shares).
        if (!linked.ok() &&
            (linked.error == EPERM || linked.error == EOPNOTSUPP || linked.error == ENOSYS ||
             linked.error == EMLINK || linked.error == EXDEV))
            linked = fromCall(::renameat2(AT_FDCWD, encode(temp).constData(), AT_FDCWD,
                                          encode(candidate).constData(), RENAME_NOREPLACE));
        if (linked.ok())
            path = candidate;
        else if (linked.error != EEXIST)
            fail("name the file", linked.error, false);
    }
    if (path.isEmpty()) {
        discardTemporary(files, temp);
        throw StorageError(StorageError::Kind::Io, "no free file name in the folder");
    }
    // After link(2) the temporary name is still there; after a rename it is gone.
    if (files.exists(temp)) {
        if (const auto r = files.remove(temp); !r.ok()) {
            // Both names hold the data: take the file back, and leave no copy under the
            // temporary name either.
            (void)files.remove(path);
            discardTemporary(files, temp);
            throwFileError("remove temporary file", r.error);
        }
    }
    if (const auto r = files.syncDirectory(directory); !r.ok()) {
        // The name may not survive a crash: take it back rather than report a written file.
        (void)files.remove(path);
        throwFileError("sync directory", r.error);
    }
    return path;
}

crypto::Bytes readFile(FileOps &files, const QString &path) {
    crypto::Bytes out;
    if (const auto r = files.readAll(path, out); !r.ok())
        throwFileError("read file", r.error, true);
    return out;
}

bool removeFileDurably(FileOps &files, const QString &path) {
    const auto removed = files.remove(path);
    if (!removed.ok()) {
        if (removed.error == ENOENT)
            return false;
        throwFileError("remove file", removed.error);
    }
    if (const auto r = files.syncDirectory(directoryOf(path)); !r.ok())
        throwFileError("sync directory", r.error);
    return true;
}

bool isTemporaryFileName(const QString &name) {
    if (!name.startsWith(QLatin1Char('.')) || name.size() < 1 + 5 + 16)
        return false;
    const QStringView marker = QStringView(name).sliced(name.size() - 16 - 5, 5);
    if (marker != TempMarker && marker != BackupMarker)
        return false;
    for (const QChar c : QStringView(name).sliced(name.size() - 16)) {
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
              (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    }
    return true;
}

int removeStaleTemporaryFiles(FileOps &files, const QString &directory) {
    QStringList names;
    if (const auto r = files.listDirectory(directory, names); !r.ok())
        throwFileError("list directory", r.error);
    int removed = 0;
    for (const auto &name : names) {
        if (isTemporaryFileName(name) && files.remove(directory + QLatin1Char('/') + name).ok())
            ++removed;
    }
    if (removed > 0)
        (void)files.syncDirectory(directory);
    return removed;
}

} // namespace cc::storage
