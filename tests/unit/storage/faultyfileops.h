#pragma once

// A FileOps test double: forwards to a real FileOps, failing the Nth call of a chosen
// operation with a chosen errno, optionally cutting writes short, and recording the
// order of calls.

#include "storage/fileops.h"

#include <map>
#include <vector>

namespace cc::storage::test {

class FaultyFileOps final : public FileOps {
public:
    enum class Op {
        Open,
        Write,
        Fdatasync,
        Fsync,
        Close,
        Rename,
        Link,
        SyncDirectory,
        Remove,
        MakeDirectory,
        ListDirectory,
        ReadAll,
    };

    explicit FaultyFileOps(FileOps &real)
        : m_real(real) {}

    // The nth call of op from now on (1 = the next one) fails with error, without
    // reaching the real file system.
    void failNth(Op op, int n, int error) { m_faults[op] = Fault{m_calls[op] + n, error}; }
    // Every write hands at most maxBytes to the real write (0: no limit).
    void limitWrites(std::size_t maxBytes) { m_writeLimit = maxBytes; }

    [[nodiscard]] int calls(Op op) const {
        const auto it = m_calls.find(op);
        return it == m_calls.end() ? 0 : it->second;
    }
    [[nodiscard]] const std::vector<Op> &log() const { return m_log; }

    FileResult openFile(const QString &path, int flags, mode_t mode) override {
        if (const int e = hit(Op::Open))
            return FileResult::failure(e);
        return m_real.openFile(path, flags, mode);
    }
    FileResult write(int fd, crypto::ByteView data) override {
        if (const int e = hit(Op::Write))
            return FileResult::failure(e);
        if (m_writeLimit != 0 && data.size() > m_writeLimit)
            data = data.first(m_writeLimit);
        return m_real.write(fd, data);
    }
    FileResult fdatasync(int fd) override {
        if (const int e = hit(Op::Fdatasync))
            return FileResult::failure(e);
        return m_real.fdatasync(fd);
    }
    FileResult fsync(int fd) override {
        if (const int e = hit(Op::Fsync))
            return FileResult::failure(e);
        return m_real.fsync(fd);
    }
    FileResult close(int fd) override {
        // A failed close(2) still releases the descriptor on Linux.
        const auto closed = m_real.close(fd);
        if (const int e = hit(Op::Close))
            return FileResult::failure(e);
        return closed;
    }
    FileResult rename(const QString &from, const QString &to) override {
        if (const int e = hit(Op::Rename))
            return FileResult::failure(e);
        return m_real.rename(from, to);
    }
    FileResult link(const QString &from, const QString &to) override {
        if (const int e = hit(Op::Link))
            return FileResult::failure(e);
        return m_real.link(from, to);
    }
    FileResult syncDirectory(const QString &directory) override {
        if (const int e = hit(Op::SyncDirectory))
            return FileResult::failure(e);
        return m_real.syncDirectory(directory);
    }
    FileResult remove(const QString &path) override {
        if (const int e = hit(Op::Remove))
            return FileResult::failure(e);
        return m_real.remove(path);
    }
    FileResult makeDirectory(const QString &path, mode_t mode) override {
        if (const int e = hit(Op::MakeDirectory))
            return FileResult::failure(e);
        return m_real.makeDirectory(path, mode);
    }
    FileResult listDirectory(const QString &directory, QStringList &names) override {
        if (const int e = hit(Op::ListDirectory))
            return FileResult::failure(e);
        return m_real.listDirectory(directory, names);
    }
    bool exists(const QString &path) override { return m_real.exists(path); }
    FileResult readAll(const QString &path, crypto::Bytes &out) override {
        if (const int e = hit(Op::ReadAll))
            return FileResult::failure(e);
        return m_real.readAll(path, out);
    }

private:
    struct Fault {
        int atCall = 0;
        int error = 0;
    };

    // Counts the call; returns the errno to fail it with, or 0.
    int hit(Op op) {
        m_log.push_back(op);
        const int call = ++m_calls[op];
        const auto it = m_faults.find(op);
        if (it != m_faults.end() && it->second.atCall == call) {
            const int error = it->second.error;
            m_faults.erase(it);
            return error;
        }
        return 0;
    }

    FileOps &m_real;
    std::map<Op, int> m_calls;
    std::map<Op, Fault> m_faults;
    std::vector<Op> m_log;
    std::size_t m_writeLimit = 0;
};

} // namespace cc::storage::test
