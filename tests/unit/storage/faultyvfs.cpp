#include "faultyvfs.h"

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <new>
#include <stdexcept>

namespace cc::storage::test {

namespace {

// What the VFS hands SQLite for each file: the wrapper, followed by the wrapped VFS's own
// file object (szOsFile covers both).
struct WrappedFile {
    sqlite3_file base; // first: SQLite sees a sqlite3_file
    FaultyVfs *vfs;
    std::string *path; // null for files without a name (SQLite's temporary files)
};

constexpr std::size_t RealOffset = (sizeof(WrappedFile) + 7) & ~std::size_t(7);

WrappedFile *wrapped(sqlite3_file *file) {
    return reinterpret_cast<WrappedFile *>(file);
}

sqlite3_file *realOf(sqlite3_file *file) {
    return reinterpret_cast<sqlite3_file *>(reinterpret_cast<char *>(file) + RealOffset);
}

FaultyVfs &owner(sqlite3_file *file) {
    return *wrapped(file)->vfs;
}

FaultyVfs &owner(sqlite3_vfs *vfs) {
    return *static_cast<FaultyVfs *>(vfs->pAppData);
}

using Op = FaultyVfs::Op;

// --- io methods ------------------------------------------------------------------------

int fileClose(sqlite3_file *file) {
    sqlite3_file *real = realOf(file);
    const int rc = real->pMethods->xClose(real);
    delete wrapped(file)->path;
    wrapped(file)->path = nullptr;
    file->pMethods = nullptr;
    return rc;
}

int fileRead(sqlite3_file *file, void *buffer, int amount, sqlite3_int64 offset) {
    if (const int rc = owner(file).hit(Op::Read))
        return rc;
    sqlite3_file *real = realOf(file);
    return real->pMethods->xRead(real, buffer, amount, offset);
}

int fileWrite(sqlite3_file *file, const void *buffer, int amount, sqlite3_int64 offset) {
    if (const int rc = owner(file).hit(Op::Write))
        return rc;
    sqlite3_file *real = realOf(file);
    if (const std::string *path = wrapped(file)->path)
        owner(file).beforeWrite(real, *path, offset, amount);
    return real->pMethods->xWrite(real, buffer, amount, offset);
}

int fileTruncate(sqlite3_file *file, sqlite3_int64 size) {
    if (const int rc = owner(file).hit(Op::Truncate))
        return rc;
    sqlite3_file *real = realOf(file);
    if (const std::string *path = wrapped(file)->path)
        owner(file).beforeWrite(real, *path, size, -1);
    return real->pMethods->xTruncate(real, size);
}

int fileSync(sqlite3_file *file, int flags) {
    sqlite3_file *real = realOf(file);
    const std::string *path = wrapped(file)->path;
    if (const int rc = owner(file).hit(Op::Sync)) {
        if (path)
            owner(file).syncFailed(real, *path);
        return rc;
    }
    const int rc = real->pMethods->xSync(real, flags);
    if (path) {
        if (rc == SQLITE_OK)
            owner(file).synced(*path);
        else
            owner(file).syncFailed(real, *path);
    }
    return rc;
}

int fileSize(sqlite3_file *file, sqlite3_int64 *size) {
    if (const int rc = owner(file).hit(Op::FileSize))
        return rc;
    sqlite3_file *real = realOf(file);
    return real->pMethods->xFileSize(real, size);
}

int fileLock(sqlite3_file *file, int level) {
    if (const int rc = owner(file).hit(Op::Lock))
        return rc;
    sqlite3_file *real = realOf(file);
    return real->pMethods->xLock(real, level);
}

int fileUnlock(sqlite3_file *file, int level) {
    sqlite3_file *real = realOf(file);
    return real->pMethods->xUnlock(real, level);
}

int fileCheckReservedLock(sqlite3_file *file, int *out) {
    sqlite3_file *real = realOf(file);
    return real->pMethods->xCheckReservedLock(real, out);
}

int fileControl(sqlite3_file *file, int op, void *arg) {
    sqlite3_file *real = realOf(file);
    return real->pMethods->xFileControl(real, op, arg);
}

int fileSectorSize(sqlite3_file *file) {
    sqlite3_file *real = realOf(file);
    return real->pMethods->xSectorSize(real);
}

int fileDeviceCharacteristics(sqlite3_file *file) {
    sqlite3_file *real = realOf(file);
    return real->pMethods->xDeviceCharacteristics(real);
}

int fileShmMap(sqlite3_file *file, int page, int pageSize, int extend, void volatile **out) {
    if (const int rc = owner(file).hit(Op::ShmMap))
        return rc;
    sqlite3_file *real = realOf(file);
    return real->pMethods->xShmMap(real, page, pageSize, extend, out);
}

int fileShmLock(sqlite3_file *file, int offset, int n, int flags) {
    sqlite3_file *real = realOf(file);
    return real->pMethods->xShmLock(real, offset, n, flags);
}

void fileShmBarrier(sqlite3_file *file) {
    sqlite3_file *real = realOf(file);
    real->pMethods->xShmBarrier(real);
}

int fileShmUnmap(sqlite3_file *file, int deleteFlag) {
    sqlite3_file *real = realOf(file);
    return real->pMethods->xShmUnmap(real, deleteFlag);
}

int fileFetch(sqlite3_file *file, sqlite3_int64 offset, int amount, void **out) {
    sqlite3_file *real = realOf(file);
    return real->pMethods->xFetch(real, offset, amount, out);
}

int fileUnfetch(sqlite3_file *file, sqlite3_int64 offset, void *pointer) {
    sqlite3_file *real = realOf(file);
    return real->pMethods->xUnfetch(real, offset, pointer);
}

// One table per io-methods version, so that SQLite sees exactly the capabilities (WAL
// shared memory, memory mapping) of the file it wraps.
constexpr sqlite3_io_methods methodsOfVersion(int version) {
    return {version,
            fileClose,
            fileRead,
            fileWrite,
            fileTruncate,
            fileSync,
            fileSize,
            fileLock,
            fileUnlock,
            fileCheckReservedLock,
            fileControl,
            fileSectorSize,
            fileDeviceCharacteristics,
            version >= 2 ? fileShmMap : nullptr,
            version >= 2 ? fileShmLock : nullptr,
            version >= 2 ? fileShmBarrier : nullptr,
            version >= 2 ? fileShmUnmap : nullptr,
            version >= 3 ? fileFetch : nullptr,
            version >= 3 ? fileUnfetch : nullptr};
}

constexpr sqlite3_io_methods MethodsV1 = methodsOfVersion(1);
constexpr sqlite3_io_methods MethodsV2 = methodsOfVersion(2);
constexpr sqlite3_io_methods MethodsV3 = methodsOfVersion(3);

const sqlite3_io_methods *methodsFor(int version) {
    return version >= 3 ? &MethodsV3 : version == 2 ? &MethodsV2 : &MethodsV1;
}

// --- VFS methods -----------------------------------------------------------------------

int vfsOpen(sqlite3_vfs *vfs, sqlite3_filename name, sqlite3_file *file, int flags, int *outFlags) {
    FaultyVfs &self = owner(vfs);
    WrappedFile *w = wrapped(file);
    w->base.pMethods = nullptr;
    w->vfs = &self;
    w->path = nullptr;
    if (const int rc = self.hit(Op::Open))
        return rc;
    sqlite3_file *real = realOf(file);
    real->pMethods = nullptr;
    const int rc = self.real()->xOpen(self.real(), name, real, flags, outFlags);
    // SQLite calls xClose whenever pMethods is set, even after a failed open.
    if (real->pMethods) {
        w->path = name ? new std::string(name) : nullptr;
        w->base.pMethods = methodsFor(real->pMethods->iVersion);
    }
    return rc;
}

int vfsDelete(sqlite3_vfs *vfs, const char *name, int syncDirectory) {
    FaultyVfs &self = owner(vfs);
    if (const int rc = self.hit(Op::Delete))
        return rc;
    const int rc = self.real()->xDelete(self.real(), name, syncDirectory);
    if (rc == SQLITE_OK && name)
        self.forget(name);
    return rc;
}

int vfsAccess(sqlite3_vfs *vfs, const char *name, int flags, int *out) {
    FaultyVfs &self = owner(vfs);
    if (const int rc = self.hit(Op::Access))
        return rc;
    return self.real()->xAccess(self.real(), name, flags, out);
}

int vfsFullPathname(sqlite3_vfs *vfs, const char *name, int size, char *out) {
    return owner(vfs).real()->xFullPathname(owner(vfs).real(), name, size, out);
}

void *vfsDlOpen(sqlite3_vfs *vfs, const char *name) {
    return owner(vfs).real()->xDlOpen(owner(vfs).real(), name);
}

void vfsDlError(sqlite3_vfs *vfs, int size, char *out) {
    owner(vfs).real()->xDlError(owner(vfs).real(), size, out);
}

void (*vfsDlSym(sqlite3_vfs *vfs, void *handle, const char *symbol))(void) {
    return owner(vfs).real()->xDlSym(owner(vfs).real(), handle, symbol);
}

void vfsDlClose(sqlite3_vfs *vfs, void *handle) {
    owner(vfs).real()->xDlClose(owner(vfs).real(), handle);
}

int vfsRandomness(sqlite3_vfs *vfs, int size, char *out) {
    return owner(vfs).real()->xRandomness(owner(vfs).real(), size, out);
}

int vfsSleep(sqlite3_vfs *vfs, int microseconds) {
    return owner(vfs).real()->xSleep(owner(vfs).real(), microseconds);
}

int vfsCurrentTime(sqlite3_vfs *vfs, double *out) {
    return owner(vfs).real()->xCurrentTime(owner(vfs).real(), out);
}

int vfsGetLastError(sqlite3_vfs *vfs, int size, char *out) {
    return owner(vfs).real()->xGetLastError(owner(vfs).real(), size, out);
}

int vfsCurrentTimeInt64(sqlite3_vfs *vfs, sqlite3_int64 *out) {
    return owner(vfs).real()->xCurrentTimeInt64(owner(vfs).real(), out);
}

int vfsSetSystemCall(sqlite3_vfs *vfs, const char *name, sqlite3_syscall_ptr call) {
    return owner(vfs).real()->xSetSystemCall(owner(vfs).real(), name, call);
}

sqlite3_syscall_ptr vfsGetSystemCall(sqlite3_vfs *vfs, const char *name) {
    return owner(vfs).real()->xGetSystemCall(owner(vfs).real(), name);
}

const char *vfsNextSystemCall(sqlite3_vfs *vfs, const char *name) {
    return owner(vfs).real()->xNextSystemCall(owner(vfs).real(), name);
}

} // namespace

const char *FaultyVfs::name(Op op) {
    switch (op) {
    case Op::Open:
        return "xOpen";
    case Op::Delete:
        return "xDelete";
    case Op::Access:
        return "xAccess";
    case Op::Read:
        return "xRead";
    case Op::Write:
        return "xWrite";
    case Op::Truncate:
        return "xTruncate";
    case Op::Sync:
        return "xSync";
    case Op::FileSize:
        return "xFileSize";
    case Op::Lock:
        return "xLock";
    case Op::ShmMap:
        return "xShmMap";
    }
    return "?";
}

FaultyVfs &FaultyVfs::install() {
    // One per process, registered once and never unregistered: connections opened through
    // it may outlive any test's scope.
    static FaultyVfs *const instance = [] {
        auto *vfs = new FaultyVfs;
        if (sqlite3_initialize() != SQLITE_OK)
            throw std::runtime_error("sqlite3_initialize failed");
        vfs->m_real = sqlite3_vfs_find(nullptr);
        if (!vfs->m_real)
            throw std::runtime_error("no default SQLite VFS");
        sqlite3_vfs &v = vfs->m_vfs;
        v.iVersion = std::min(vfs->m_real->iVersion, 3);
        v.szOsFile = int(RealOffset) + vfs->m_real->szOsFile;
        v.mxPathname = vfs->m_real->mxPathname;
        v.zName = "consentcam-faulty";
        v.pAppData = vfs;
        v.xOpen = vfsOpen;
        v.xDelete = vfsDelete;
        v.xAccess = vfsAccess;
        v.xFullPathname = vfsFullPathname;
        v.xDlOpen = vfsDlOpen;
        v.xDlError = vfsDlError;
        v.xDlSym = vfsDlSym;
        v.xDlClose = vfsDlClose;
        v.xRandomness = vfsRandomness;
        v.xSleep = vfsSleep;
        v.xCurrentTime = vfsCurrentTime;
        v.xGetLastError = vfsGetLastError;
        if (v.iVersion >= 2)
            v.xCurrentTimeInt64 = vfsCurrentTimeInt64;
        if (v.iVersion >= 3) {
            v.xSetSystemCall = vfsSetSystemCall;
            v.xGetSystemCall = vfsGetSystemCall;
            v.xNextSystemCall = vfsNextSystemCall;
        }
        if (sqlite3_vfs_register(&v, 1) != SQLITE_OK)
            throw std::runtime_error("sqlite3_vfs_register failed");
        return vfs;
    }();
    return *instance;
}

void FaultyVfs::reset() {
    m_calls.fill(0);
    clearFault();
    m_hit = false;
    m_reverted = 0;
    m_pending.clear();
}

void FaultyVfs::failNth(Op op, int n, int resultCode) {
    m_armed = true;
    m_hit = false;
    m_faultOp = op;
    m_faultAt = calls(op) + n;
    m_faultCode = resultCode;
}

void FaultyVfs::clearFault() {
    m_armed = false;
}

void FaultyVfs::loseOnFailedSync(bool on) {
    m_lose = on;
    if (!on)
        m_pending.clear();
}

int FaultyVfs::hit(Op op) {
    const int call = ++m_calls[std::size_t(op)];
    if (m_armed && op == m_faultOp && call == m_faultAt) {
        m_armed = false;
        m_hit = true;
        return m_faultCode;
    }
    return SQLITE_OK;
}

void FaultyVfs::beforeWrite(sqlite3_file *real, const std::string &path, sqlite3_int64 offset,
                            sqlite3_int64 length) {
    if (!m_lose)
        return;
    sqlite3_int64 size = 0;
    if (real->pMethods->xFileSize(real, &size) != SQLITE_OK)
        return;
    auto [it, first] = m_pending.try_emplace(path);
    if (first)
        it->second.sizeAtSync = size;
    const sqlite3_int64 end = length < 0 ? size : std::min(size, offset + length);
    if (end <= offset)
        return;
    std::vector<char> old(std::size_t(end - offset));
    // A short read fills with zeros, which is what the file holds there.
    (void)real->pMethods->xRead(real, old.data(), int(old.size()), offset);
    it->second.replaced.emplace_back(offset, std::move(old));
}

void FaultyVfs::synced(const std::string &path) {
    m_pending.erase(path);
}

void FaultyVfs::syncFailed(sqlite3_file *real, const std::string &path) {
    const auto it = m_pending.find(path);
    if (!m_lose || it == m_pending.end())
        return;
    // Newest first, straight to the wrapped file: these calls are neither counted nor
    // recorded.
    const Pending &pending = it->second;
    for (auto r = pending.replaced.rbegin(); r != pending.replaced.rend(); ++r)
        (void)real->pMethods->xWrite(real, r->second.data(), int(r->second.size()), r->first);
    (void)real->pMethods->xTruncate(real, pending.sizeAtSync);
    m_pending.erase(it);
    ++m_reverted;
}

void FaultyVfs::forget(const std::string &path) {
    m_pending.erase(path);
}

} // namespace cc::storage::test
