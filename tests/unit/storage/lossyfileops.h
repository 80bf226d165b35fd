#pragma once

// A FileOps test double for what a failed sync may cost: it forwards every call to another
// FileOps (a FaultyFileOps, typically) and, when loseOnFailedSync is on, makes a failed sync
// lose what it did not make durable, at once:
//   - a failed fdatasync or fsync of a descriptor puts back the content its file had at the
//     file's last successful sync (every write through this object since is undone);
//   - a failed syncDirectory undoes every change of the directory's names made through this
//     object since its last successful sync, newest first: created files and links are
//     removed, renames are reversed (with the file a rename replaced put back), removed files
//     come back, made directories go.
// So the vault left behind is one a crash right after the failed sync could leave, and code
// that relies on a failed sync's work fails the test that reopens it. Names are kept alive
// for putting back as hard links in stashDirectory, which must be on the same file system
// and outside the directories being tested. Writes go at the descriptor's offset (the vault
// opens nothing with O_APPEND; a truncation by O_TRUNC is not undone). Not thread-safe.

#include "storage/fileops.h"

#include <QString>

#include <map>
#include <vector>

namespace cc::storage::test {

class LossyFileOps final : public FileOps {
public:
    LossyFileOps(FileOps &inner, QString stashDirectory);
    ~LossyFileOps() override;

    void loseOnFailedSync(bool on) { m_lose = on; }
    // Syncs that failed and undid something.
    [[nodiscard]] int reverts() const { return m_reverts; }

    FileResult openFile(const QString &path, int flags, mode_t mode) override;
    FileResult write(int fd, crypto::ByteView data) override;
    FileResult fdatasync(int fd) override { return synced(fd, m_inner.fdatasync(fd)); }
    FileResult fsync(int fd) override { return synced(fd, m_inner.fsync(fd)); }
    FileResult close(int fd) override;
    FileResult rename(const QString &from, const QString &to) override;
    FileResult link(const QString &from, const QString &to) override;
    FileResult syncDirectory(const QString &directory) override;
    FileResult remove(const QString &path) override;
    FileResult makeDirectory(const QString &path, mode_t mode) override;
    FileResult listDirectory(const QString &directory, QStringList &names) override {
        return m_inner.listDirectory(directory, names);
    }
    [[nodiscard]] bool exists(const QString &path) override { return m_inner.exists(path); }
    FileResult readAll(const QString &path, crypto::Bytes &out) override {
        return m_inner.readAll(path, out);
    }

private:
    struct Pending {
        long long sizeAtSync = 0;
        std::vector<std::pair<long long, crypto::Bytes>> replaced; // oldest first
    };
    struct Change {
        enum class Kind { Created, Linked, Renamed, Removed, MadeDirectory } kind;
        QString path;  // created, linked, removed, made; for a rename: where it went
        QString from;  // a rename's old name
        QString stash; // the file removed, or replaced by a rename; empty if none
    };

    FileResult synced(int fd, FileResult result);
    // A hard link to path in the stash, or an empty string when there is nothing at path.
    QString stash(const QString &path);
    void journal(Change change);

    FileOps &m_inner;
    QString m_stashDir;
    bool m_lose = false;
    int m_reverts = 0;
    int m_stashed = 0;
    std::map<int, QString> m_open;                    // descriptor -> path
    std::map<QString, Pending> m_pending;             // path -> writes since its last sync
    std::map<QString, std::vector<Change>> m_changes; // directory -> changes since its sync
};

} // namespace cc::storage::test
