#pragma once

#include "sharesheet.h"

#include "storage/fileops.h"

namespace cc::platform {

// Desktop Linux has no share sheet: the file is saved into the folder the user picked
// (needsFolder() is true), durably and without ever replacing a file. It is written to a
// temporary file in that folder (mode 0600), fdatasync'ed, then given its name with
// link(2), which fails rather than replace an existing file (where the file system has no
// hard links, renameat2 with RENAME_NOREPLACE), and the folder is fsync'ed. Every error
// is checked and reported, an fsync is never retried, and nothing is left behind on
// failure: neither the temporary file nor a file whose name was not made durable. A
// taken name gets " (2)", " (3)", ... before its extension, up to MaxNumber.
// The write is synchronous (a copy is small); `finished` is still queued.
class FolderShareSheet final : public ShareSheet {
    Q_OBJECT
public:
    static constexpr int MaxNumber = 999;

    // files: the file layer written through; null for the real file system (tests pass
    // one that fails chosen calls).
    explicit FolderShareSheet(storage::FileOps *files = nullptr, QObject *parent = nullptr);

    [[nodiscard]] bool needsFolder() const override { return true; }
    int share(const QString &fileName, const QByteArray &bytes, const QString &mimeType,
              const QString &folder) override;

private:
    struct Result {
        Outcome outcome = Outcome::Failed;
        QString location;
        QString detail;
    };
    Result save(const QString &fileName, const QByteArray &bytes, const QString &folder);
    void finishLater(int request, const Result &result, bool ends);

    storage::PosixFileOps m_posix;
    storage::FileOps &m_files;
    int m_requests = 0;
    bool m_inFlight = false;
};

} // namespace cc::platform
