#pragma once

#include "crypto/bytes.h"

#include <QString>
#include <QStringList>

#include <cstddef>
#include <sys/types.h>

namespace cc::storage {

// The result of one FileOps call: error is 0 on success, otherwise the errno of the
// failing system call. value carries the call's result on success (a descriptor for
// openFile, a byte count for write) and is -1 on failure.
struct [[nodiscard]] FileResult {
    int error = 0;
    long long value = 0;

    [[nodiscard]] bool ok() const noexcept { return error == 0; }
    [[nodiscard]] static FileResult success(long long v = 0) noexcept { return {0, v}; }
    [[nodiscard]] static FileResult failure(int err) noexcept { return {err, -1}; }
};

// The seam every file write of the vault goes through: thin wrappers over the POSIX
// calls of the same name. No call throws; each reports errno. Tests substitute an
// implementation that fails chosen calls. Paths are local file paths.
class FileOps {
public:
    FileOps() = default;
    virtual ~FileOps();
    FileOps(const FileOps &) = delete;
    FileOps &operator=(const FileOps &) = delete;

    // open(2); O_CLOEXEC is always added. value = the descriptor.
    virtual FileResult openFile(const QString &path, int flags, mode_t mode) = 0;
    // One write(2): value = bytes written, which may be fewer than data.size().
    virtual FileResult write(int fd, crypto::ByteView data) = 0;
    virtual FileResult fdatasync(int fd) = 0;
    virtual FileResult fsync(int fd) = 0;
    virtual FileResult close(int fd) = 0;
    // rename(2): atomically replaces to.
    virtual FileResult rename(const QString &from, const QString &to) = 0;
    // link(2): a second name for an existing file; fails with EEXIST if to exists.
    virtual FileResult link(const QString &from, const QString &to) = 0;
    // Opens the directory and fsyncs it, so that renames and unlinks in it are durable.
    virtual FileResult syncDirectory(const QString &directory) = 0;
    // unlink(2).
    virtual FileResult remove(const QString &path) = 0;
    // mkdir(2).
    virtual FileResult makeDirectory(const QString &path, mode_t mode) = 0;
    // The names (not paths) of the regular files in directory, without "." and "..".
    virtual FileResult listDirectory(const QString &directory, QStringList &names) = 0;
    // True if anything exists at path (lstat succeeds).
    [[nodiscard]] virtual bool exists(const QString &path) = 0;
    // Reads the whole file into out (replacing its content).
    virtual FileResult readAll(const QString &path, crypto::Bytes &out) = 0;
};

// The real file system.
class PosixFileOps final : public FileOps {
public:
    FileResult openFile(const QString &path, int flags, mode_t mode) override;
    FileResult write(int fd, crypto::ByteView data) override;
    FileResult fdatasync(int fd) override;
    FileResult fsync(int fd) override;
    FileResult close(int fd) override;
    FileResult rename(const QString &from, const QString &to) override;
    FileResult link(const QString &from, const QString &to) override;
    FileResult syncDirectory(const QString &directory) override;
    FileResult remove(const QString &path) override;
    FileResult makeDirectory(const QString &path, mode_t mode) override;
    FileResult listDirectory(const QString &directory, QStringList &names) override;
    [[nodiscard]] bool exists(const QString &path) override;
    FileResult readAll(const QString &path, crypto::Bytes &out) override;
};

// For bulk loads only: forwards every call to a real FileOps, except that each fdatasync,
// fsync and directory sync only succeeds at once; flush() then makes everything written
// since the previous flush durable in one syncfs(2) of the file system that holds
// anchorDirectory. A write made through it is not durable until flush() succeeds, so
// whoever uses it must flush before acknowledging anything: before committing the
// database transaction that names the files. Everything the vault writes must be on
// anchorDirectory's file system.
class DeferredSyncFileOps final : public FileOps {
public:
    DeferredSyncFileOps(FileOps &real, QString anchorDirectory)
        : m_real(real)
        , m_anchor(std::move(anchorDirectory)) {}

    // syncfs(2) of the anchor's file system; the errno of open or syncfs on failure.
    FileResult flush();
    // Syncs skipped since the last successful flush.
    [[nodiscard]] long long pendingSyncs() const noexcept { return m_pending; }

    FileResult openFile(const QString &path, int flags, mode_t mode) override {
        return m_real.openFile(path, flags, mode);
    }
    FileResult write(int fd, crypto::ByteView data) override { return m_real.write(fd, data); }
    FileResult fdatasync(int fd) override;
    FileResult fsync(int fd) override;
    FileResult close(int fd) override { return m_real.close(fd); }
    FileResult rename(const QString &from, const QString &to) override {
        return m_real.rename(from, to);
    }
    FileResult link(const QString &from, const QString &to) override {
        return m_real.link(from, to);
    }
    FileResult syncDirectory(const QString &directory) override;
    FileResult remove(const QString &path) override { return m_real.remove(path); }
    FileResult makeDirectory(const QString &path, mode_t mode) override {
        return m_real.makeDirectory(path, mode);
    }
    FileResult listDirectory(const QString &directory, QStringList &names) override {
        return m_real.listDirectory(directory, names);
    }
    [[nodiscard]] bool exists(const QString &path) override { return m_real.exists(path); }
    FileResult readAll(const QString &path, crypto::Bytes &out) override {
        return m_real.readAll(path, out);
    }

private:
    FileOps &m_real;
    QString m_anchor;
    long long m_pending = 0;
};

// Writes all of data to fd, continuing after short writes and EINTR.
FileResult writeAll(FileOps &files, int fd, crypto::ByteView data);

// Writes a whole file durably: a temporary file in the same directory (O_CREAT|O_EXCL,
// mode 0600), all of data written, fdatasync checked, closed, renamed over path, then
// the directory fsynced. Any failure (an fsync error included; an fsync is never
// retried) throws StorageError (Full for ENOSPC, Io otherwise), removes the temporary
// file and leaves path as it was: if the directory sync fails after the rename, the
// previous file (or its absence) is put back before throwing. Nothing is ever
// half-written at path.
void writeFileDurably(FileOps &files, const QString &path, crypto::ByteView data);

// Writes data as a new file in directory, durably, never replacing a file: a temporary
// file there (O_CREAT|O_EXCL, mode 0600), all of data written, fdatasync checked, closed,
// given its name with link(2), which fails rather than replace (where the file system has
// no hard links, renameat2 with RENAME_NOREPLACE), the temporary name removed and the
// directory fsynced. A taken name gets " (2)", " (3)", ... up to maxNumber before its
// extension ("photo.jpg", "photo (2).jpg"). Returns the path written. Any failure (an
// fsync error included; it is never retried) throws StorageError (Full for ENOSPC, Io
// otherwise, also when every name is taken) and leaves nothing behind: neither the
// temporary file nor a name that was not made durable. fileName must be a plain name.
QString writeNewFileDurably(FileOps &files, const QString &directory, const QString &fileName,
                            crypto::ByteView data, int maxNumber = 999);

// Reads a whole file. Throws StorageError: NotFound if it does not exist, Io otherwise.
[[nodiscard]] crypto::Bytes readFile(FileOps &files, const QString &path);

// Removes path and fsyncs its directory. Returns false if it did not exist; throws
// StorageError(Io) if the unlink or the directory sync fails.
bool removeFileDurably(FileOps &files, const QString &path);

// True for the names writeFileDurably gives its temporary and backup files.
[[nodiscard]] bool isTemporaryFileName(const QString &name);

// Removes every temporary file writeFileDurably may have left in directory after a
// crash and returns how many. Throws StorageError(Io) if the directory can't be listed.
int removeStaleTemporaryFiles(FileOps &files, const QString &directory);

} // namespace cc::storage
