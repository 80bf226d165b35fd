#pragma once

// A test SQLite VFS: every call goes on to the VFS that was the default before it (the
// "unix" VFS on Linux), and every io method of every file it opens to that file's own
// methods. Calls of the operations in Op are counted, and the Nth call of one can be made to
// fail with a chosen SQLite result code without reaching the file system, the way
// FaultyFileOps fails the calls of the vault's own file layer.
//
// install() registers it as the process's default VFS, so every connection opened afterwards
// without a VFS name (Database::open passes none) goes through it; with no fault armed it
// changes nothing. Not thread-safe: the tests that use it do their I/O on one thread.
//
// A failed sync can also lose data, as a write-back error does: with loseOnFailedSync(true),
// a failed xSync first puts back the content the file had at its last successful sync
// (every xWrite and xTruncate since is undone), so that what SQLite may not rely on is
// gone for every later read and for a copy of the files taken as a crash would leave them.

#include <sqlcipher/sqlite3.h>

#include <array>
#include <map>
#include <string>
#include <vector>

namespace cc::storage::test {

class FaultyVfs final {
public:
    enum class Op {
        Open,     // xOpen (EIO: SQLITE_CANTOPEN)
        Delete,   // xDelete
        Access,   // xAccess
        Read,     // xRead
        Write,    // xWrite
        Truncate, // xTruncate
        Sync,     // xSync
        FileSize, // xFileSize
        Lock,     // xLock
        ShmMap,   // xShmMap
    };
    static constexpr std::array AllOps{Op::Open,  Op::Delete,   Op::Access, Op::Read,
                                       Op::Write, Op::Truncate, Op::Sync,   Op::FileSize,
                                       Op::Lock,  Op::ShmMap};
    [[nodiscard]] static const char *name(Op op);

    // Registers the VFS as the default (once per process) and returns it.
    [[nodiscard]] static FaultyVfs &install();

    // Counts back to zero; no fault armed; no recorded losses.
    void reset();
    // The nth call of op from now on (1 = the next one) returns resultCode without reaching
    // the file system. One fault at a time: arming another replaces it.
    void failNth(Op op, int n, int resultCode);
    void clearFault();
    // True once the armed fault has been returned.
    [[nodiscard]] bool faultHit() const { return m_hit; }
    [[nodiscard]] int calls(Op op) const { return m_calls[std::size_t(op)]; }

    // Whether a failed sync (injected or real) undoes the file's writes since its last
    // successful sync. Writes are recorded only while it is on.
    void loseOnFailedSync(bool on);
    // Files whose unsynced writes a failed sync undid since the last reset().
    [[nodiscard]] int filesReverted() const { return m_reverted; }

    // For the io methods: counts a call of op and returns the result code to fail it with,
    // or SQLITE_OK.
    int hit(Op op);

    // Loss tracking, called by the io methods around writes and syncs of a named file
    // (real: the wrapped VFS's file; length -1: to the end of the file).
    void beforeWrite(sqlite3_file *real, const std::string &path, sqlite3_int64 offset,
                     sqlite3_int64 length);
    void synced(const std::string &path);
    void syncFailed(sqlite3_file *real, const std::string &path);
    void forget(const std::string &path);

    [[nodiscard]] sqlite3_vfs *real() const { return m_real; }

private:
    FaultyVfs() = default;

    struct Pending {
        sqlite3_int64 sizeAtSync = 0;
        // The bytes each write replaced, oldest first.
        std::vector<std::pair<sqlite3_int64, std::vector<char>>> replaced;
    };

    sqlite3_vfs *m_real = nullptr;
    sqlite3_vfs m_vfs{};
    std::array<int, AllOps.size()> m_calls{};
    bool m_armed = false;
    bool m_hit = false;
    Op m_faultOp = Op::Open;
    int m_faultAt = 0;
    int m_faultCode = SQLITE_OK;
    bool m_lose = false;
    int m_reverted = 0;
    std::map<std::string, Pending> m_pending;
};

} // namespace cc::storage::test
