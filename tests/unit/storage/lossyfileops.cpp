#include "lossyfileops.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cc::storage::test {

namespace {

QByteArray native(const QString &path) {
    return QFile::encodeName(path);
}

QString directoryOf(const QString &path) {
    return QDir::cleanPath(QFileInfo(path).absolutePath());
}

bool present(const QString &path) {
    struct stat st {};
    return ::lstat(native(path).constData(), &st) == 0;
}

} // namespace

LossyFileOps::LossyFileOps(FileOps &inner, QString stashDirectory)
    : m_inner(inner)
    , m_stashDir(std::move(stashDirectory)) {}

LossyFileOps::~LossyFileOps() = default;

FileResult LossyFileOps::openFile(const QString &path, int flags, mode_t mode) {
    const bool existed = present(path);
    const auto opened = m_inner.openFile(path, flags, mode);
    if (opened.ok()) {
        m_open[int(opened.value)] = QDir::cleanPath(path);
        if ((flags & O_CREAT) && !existed)
            journal({Change::Kind::Created, QDir::cleanPath(path), {}, {}});
    }
    return opened;
}

FileResult LossyFileOps::write(int fd, crypto::ByteView data) {
    const auto it = m_open.find(fd);
    if (m_lose && it != m_open.end()) {
        const off_t offset = ::lseek(fd, 0, SEEK_CUR);
        struct stat st {};
        if (offset >= 0 && ::fstat(fd, &st) == 0) {
            auto [pending, first] = m_pending.try_emplace(it->second);
            if (first)
                pending->second.sizeAtSync = st.st_size;
            const long long end = std::min<long long>(st.st_size, offset + off_t(data.size()));
            if (end > offset) {
                crypto::Bytes old(std::size_t(end - offset));
                const ssize_t n = ::pread(fd, old.data(), old.size(), offset);
                old.resize(std::size_t(std::max<ssize_t>(n, 0)));
                pending->second.replaced.emplace_back(offset, std::move(old));
            }
        }
    }
    return m_inner.write(fd, data);
}

FileResult LossyFileOps::synced(int fd, FileResult result) {
    const auto it = m_open.find(fd);
    if (it == m_open.end())
        return result;
    const auto pending = m_pending.find(it->second);
    if (pending == m_pending.end())
        return result;
    if (!result.ok() && m_lose) {
        // Newest first, straight to the descriptor: none of this goes through the layers
        // being tested.
        const auto &replaced = pending->second.replaced;
        for (auto r = replaced.rbegin(); r != replaced.rend(); ++r)
            (void)!::pwrite(fd, r->second.data(), r->second.size(), off_t(r->first));
        (void)!::ftruncate(fd, off_t(pending->second.sizeAtSync));
        ++m_reverts;
    }
    m_pending.erase(pending);
    return result;
}

FileResult LossyFileOps::close(int fd) {
    m_open.erase(fd);
    return m_inner.close(fd);
}

QString LossyFileOps::stash(const QString &path) {
    if (!m_lose || !present(path))
        return {};
    const QString kept = m_stashDir + QStringLiteral("/kept-%1").arg(++m_stashed);
    if (::link(native(path).constData(), native(kept).constData()) != 0)
        return {};
    return kept;
}

void LossyFileOps::journal(Change change) {
    if (!m_lose)
        return;
    m_changes[directoryOf(change.path)].push_back(std::move(change));
}

FileResult LossyFileOps::rename(const QString &from, const QString &to) {
    const QString replaced = stash(to);
    const auto renamed = m_inner.rename(from, to);
    if (renamed.ok())
        journal({Change::Kind::Renamed, QDir::cleanPath(to), QDir::cleanPath(from), replaced});
    else if (!replaced.isEmpty())
        ::unlink(native(replaced).constData());
    return renamed;
}

FileResult LossyFileOps::link(const QString &from, const QString &to) {
    const auto linked = m_inner.link(from, to);
    if (linked.ok())
        journal({Change::Kind::Linked, QDir::cleanPath(to), {}, {}});
    return linked;
}

FileResult LossyFileOps::remove(const QString &path) {
    const QString removed = stash(path);
    const auto result = m_inner.remove(path);
    if (result.ok())
        journal({Change::Kind::Removed, QDir::cleanPath(path), {}, removed});
    else if (!removed.isEmpty())
        ::unlink(native(removed).constData());
    return result;
}

FileResult LossyFileOps::makeDirectory(const QString &path, mode_t mode) {
    const auto made = m_inner.makeDirectory(path, mode);
    if (made.ok())
        journal({Change::Kind::MadeDirectory, QDir::cleanPath(path), {}, {}});
    return made;
}

FileResult LossyFileOps::syncDirectory(const QString &directory) {
    const auto result = m_inner.syncDirectory(directory);
    const auto it = m_changes.find(QDir::cleanPath(directory));
    if (it == m_changes.end())
        return result;
    const std::vector<Change> changes = std::move(it->second);
    m_changes.erase(it);
    if (result.ok() || !m_lose) {
        for (const auto &change : changes) {
            if (!change.stash.isEmpty())
                ::unlink(native(change.stash).constData());
        }
        return result;
    }
    for (auto c = changes.rbegin(); c != changes.rend(); ++c) {
        const QByteArray path = native(c->path);
        switch (c->kind) {
        case Change::Kind::Created:
        case Change::Kind::Linked:
            ::unlink(path.constData());
            break;
        case Change::Kind::Renamed:
            ::rename(path.constData(), native(c->from).constData());
            if (!c->stash.isEmpty())
                ::rename(native(c->stash).constData(), path.constData());
            break;
        case Change::Kind::Removed:
            if (!c->stash.isEmpty())
                ::rename(native(c->stash).constData(), path.constData());
            break;
        case Change::Kind::MadeDirectory:
            ::rmdir(path.constData());
            break;
        }
    }
    ++m_reverts;
    return result;
}

} // namespace cc::storage::test
