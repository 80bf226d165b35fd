// The durable file layer: writeFileDurably, writeNewFileDurably, readFile and the
// temporary-file rules.

#include "faultyfileops.h"
#include "storagetestsupport.h"

#include "crypto/random.h"
#include "storage/fileops.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>

using namespace cc;
using namespace cc::storage;
using namespace cc::storage::test;
using Op = FaultyFileOps::Op;

namespace {

crypto::Bytes payload(std::size_t size, std::uint8_t tag) {
    crypto::Bytes data(size);
    for (std::size_t i = 0; i < size; ++i)
        data[i] = static_cast<std::uint8_t>(tag + i * 13);
    return data;
}

const char *opName(Op op) {
    switch (op) {
    case Op::Open:
        return "open";
    case Op::Write:
        return "write";
    case Op::Fdatasync:
        return "fdatasync";
    case Op::Close:
        return "close";
    case Op::Link:
        return "link";
    case Op::Rename:
        return "rename";
    case Op::SyncDirectory:
        return "syncDirectory";
    default:
        return "other";
    }
}

} // namespace

TEST_CASE("writeFileDurably writes the whole file, private, with no temporary left") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    PosixFileOps files;
    const QString path = dir.filePath(QStringLiteral("vault.key"));
    const auto data = payload(100000, 3);

    writeFileDurably(files, path, data);

    CHECK(readBytes(path) == data);
    CHECK(fileNames(dir.path()) == QStringList{QStringLiteral("vault.key")});
    struct stat st {};
    REQUIRE(::stat(QFile::encodeName(path).constData(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("writeFileDurably replaces an existing file and handles empty data") {
    QTemporaryDir dir;
    PosixFileOps files;
    const QString path = dir.filePath(QStringLiteral("f"));
    writeFileDurably(files, path, payload(5000, 1));
    writeFileDurably(files, path, payload(10, 2));
    CHECK(readBytes(path) == payload(10, 2));
    writeFileDurably(files, path, {});
    CHECK(readBytes(path).empty());
    CHECK(fileNames(dir.path()) == QStringList{QStringLiteral("f")});
}

TEST_CASE("writeFileDurably continues after short writes") {
    QTemporaryDir dir;
    PosixFileOps real;
    FaultyFileOps files(real);
    files.limitWrites(7);
    const QString path = dir.filePath(QStringLiteral("f"));
    const auto data = payload(1000, 9);

    writeFileDurably(files, path, data);

    CHECK(readBytes(path) == data);
    CHECK(files.calls(Op::Write) == (1000 + 6) / 7);
}

TEST_CASE("writeFileDurably syncs the data before the rename and the directory after it") {
    QTemporaryDir dir;
    PosixFileOps real;
    FaultyFileOps files(real);
    writeFileDurably(files, dir.filePath(QStringLiteral("f")), payload(10, 1));

    const auto &log = files.log();
    const auto at = [&](Op op) {
        return std::find(log.begin(), log.end(), op) - log.begin();
    };
    REQUIRE(files.calls(Op::Fdatasync) == 1);
    REQUIRE(files.calls(Op::Rename) == 1);
    REQUIRE(files.calls(Op::SyncDirectory) == 1);
    CHECK(at(Op::Open) < at(Op::Write));
    CHECK(at(Op::Write) < at(Op::Fdatasync));
    CHECK(at(Op::Fdatasync) < at(Op::Close));
    CHECK(at(Op::Close) < at(Op::Rename));
    CHECK(at(Op::Rename) < at(Op::SyncDirectory));
}

TEST_CASE("a failing step of writeFileDurably fails the write and leaves the directory as it was") {
    // (operation, which call of it fails): writes also fail after part of the file is written.
    const auto [op, nth] = GENERATE(table<Op, int>({{Op::Open, 1},
                                                    {Op::Write, 1},
                                                    {Op::Write, 3},
                                                    {Op::Fdatasync, 1},
                                                    {Op::Close, 1},
                                                    {Op::Link, 1},
                                                    {Op::Rename, 1},
                                                    {Op::SyncDirectory, 1}}));
    const int error = GENERATE(EIO, ENOSPC);
    const bool existing = GENERATE(false, true);
    CAPTURE(opName(op), error, existing, nth);

    QTemporaryDir dir;
    PosixFileOps real;
    FaultyFileOps files(real);
    files.limitWrites(4096);
    const QString path = dir.filePath(QStringLiteral("vault.key"));
    const auto before = payload(3000, 5);
    if (existing)
        writeBytes(path, before);

    files.failNth(op, nth, error);
    if (op == Op::Link && !existing) {
        // Nothing to keep: no link is made, so the write succeeds.
        writeFileDurably(files, path, payload(20000, 7));
        CHECK(files.calls(Op::Link) == 0);
        CHECK(readBytes(path) == payload(20000, 7));
        return;
    }
    const auto kind = thrownKind([&] { writeFileDurably(files, path, payload(20000, 7)); });

    CHECK(kind == (error == ENOSPC ? "Full" : "Io"));
    if (existing) {
        CHECK(fileNames(dir.path()) == QStringList{QStringLiteral("vault.key")});
        CHECK(readBytes(path) == before);
    } else {
        CHECK(fileNames(dir.path()).isEmpty());
    }
    // An fsync that failed is never retried: its error may be the only report of lost data.
    if (op == Op::Fdatasync)
        CHECK(files.calls(Op::Fdatasync) == 1);
    if (op == Op::SyncDirectory)
        CHECK(files.calls(Op::SyncDirectory) == 1);
}

TEST_CASE("writeNewFileDurably writes a new private file and never replaces one") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    PosixFileOps files;
    const QString photo =
        writeNewFileDurably(files, dir.path(), QStringLiteral("photo.jpg"), payload(50000, 1));
    CHECK(photo == dir.filePath(QStringLiteral("photo.jpg")));
    CHECK(readBytes(photo) == payload(50000, 1));
    struct stat st {};
    REQUIRE(::stat(QFile::encodeName(photo).constData(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(st.st_nlink == 1); // the temporary name is gone

    const QString second =
        writeNewFileDurably(files, dir.path(), QStringLiteral("photo.jpg"), payload(10, 2));
    CHECK(second == dir.filePath(QStringLiteral("photo (2).jpg")));
    CHECK(readBytes(photo) == payload(50000, 1));
    CHECK(readBytes(second) == payload(10, 2));
    writeBytes(dir.filePath(QStringLiteral("notes")), payload(5, 3));
    CHECK(writeNewFileDurably(files, dir.path(), QStringLiteral("notes"), {}) ==
          dir.filePath(QStringLiteral("notes (2)")));
    CHECK(readBytes(dir.filePath(QStringLiteral("notes"))) == payload(5, 3));
    CHECK(fileNames(dir.path()) == QStringList{QStringLiteral("notes"), QStringLiteral("notes (2)"),
                                               QStringLiteral("photo (2).jpg"),
                                               QStringLiteral("photo.jpg")});

    // Every name taken: refused, and nothing is left.
    (void)writeNewFileDurably(files, dir.path(), QStringLiteral("photo.jpg"), payload(1, 4));
    CHECK(thrownKind([&] {
              (void)writeNewFileDurably(files, dir.path(), QStringLiteral("photo.jpg"),
                                        payload(1, 5), 3);
          }) == "Io");
    CHECK(fileNames(dir.path()).size() == 5);
    for (const char *name : {"", ".", "..", "a/b"})
        CHECK(thrownKind([&] {
                  (void)writeNewFileDurably(files, dir.path(), QString::fromLatin1(name), {});
              }) == "Other");
}

TEST_CASE("writeNewFileDurably names the file by rename where the file system has no hard links") {
    QTemporaryDir dir;
    PosixFileOps real;
    FaultyFileOps files(real);
    writeBytes(dir.filePath(QStringLiteral("a.txt")), payload(3, 1));
    files.failNth(Op::Link, 1, EPERM);
    files.failNth(Op::Link, 2, EPERM);
    // "a.txt" is taken (renameat2 refuses to replace it), "a (2).txt" is free.
    const QString path =
        writeNewFileDurably(files, dir.path(), QStringLiteral("a.txt"), payload(30, 2));
    CHECK(path == dir.filePath(QStringLiteral("a (2).txt")));
    CHECK(readBytes(path) == payload(30, 2));
    CHECK(readBytes(dir.filePath(QStringLiteral("a.txt"))) == payload(3, 1));
    CHECK(fileNames(dir.path()) ==
          QStringList{QStringLiteral("a (2).txt"), QStringLiteral("a.txt")});
}

TEST_CASE("a failing step of writeNewFileDurably leaves no file and is never retried") {
    const auto [op, nth] = GENERATE(table<Op, int>({{Op::Open, 1},
                                                    {Op::Write, 1},
                                                    {Op::Write, 3},
                                                    {Op::Fdatasync, 1},
                                                    {Op::Close, 1},
                                                    {Op::Link, 1},
                                                    {Op::SyncDirectory, 1}}));
    const int error = GENERATE(EIO, ENOSPC);
    CAPTURE(opName(op), error, nth);
    QTemporaryDir dir;
    PosixFileOps real;
    FaultyFileOps files(real);
    files.limitWrites(4096);
    writeBytes(dir.filePath(QStringLiteral("photo.jpg")), payload(3000, 5));

    files.failNth(op, nth, error);
    CHECK(thrownKind([&] {
              (void)writeNewFileDurably(files, dir.path(), QStringLiteral("photo.jpg"),
                                        payload(20000, 7));
          }) == (error == ENOSPC ? "Full" : "Io"));
    CHECK(fileNames(dir.path()) == QStringList{QStringLiteral("photo.jpg")});
    CHECK(readBytes(dir.filePath(QStringLiteral("photo.jpg"))) == payload(3000, 5));
    if (op == Op::Fdatasync)
        CHECK(files.calls(Op::Fdatasync) == 1);
    if (op == Op::SyncDirectory)
        CHECK(files.calls(Op::SyncDirectory) == 1);
}

TEST_CASE("readFile returns the bytes, NotFound for a missing file, Io for a directory") {
    QTemporaryDir dir;
    PosixFileOps files;
    const QString path = dir.filePath(QStringLiteral("f"));
    const auto data = payload(70000, 4);
    writeBytes(path, data);
    CHECK(readFile(files, path) == data);
    CHECK(thrownKind([&] { (void)readFile(files, dir.filePath(QStringLiteral("missing"))); }) ==
          "NotFound");
    CHECK(thrownKind([&] { (void)readFile(files, dir.path()); }) == "Io");
}

TEST_CASE("a failed read is reported as Io") {
    QTemporaryDir dir;
    PosixFileOps real;
    FaultyFileOps files(real);
    const QString path = dir.filePath(QStringLiteral("f"));
    writeBytes(path, payload(10, 1));
    files.failNth(Op::ReadAll, 1, EIO);
    CHECK(thrownKind([&] { (void)readFile(files, path); }) == "Io");
}

TEST_CASE("temporary file names are recognised and only they are swept") {
    QTemporaryDir dir;
    PosixFileOps files;
    CHECK(isTemporaryFileName(QStringLiteral(".vault.key.tmp-0123456789abcdef")));
    CHECK(isTemporaryFileName(QStringLiteral(".vault.key.old-0123456789abcdef")));
    CHECK_FALSE(isTemporaryFileName(QStringLiteral("vault.key")));
    CHECK_FALSE(isTemporaryFileName(QStringLiteral(".vault.key.tmp-0123")));
    CHECK_FALSE(isTemporaryFileName(QStringLiteral(".vault.key.tmp-0123456789abcdeg")));
    CHECK_FALSE(isTemporaryFileName(QStringLiteral("0123456789abcdef0123456789abcdef")));

    writeBytes(dir.filePath(QStringLiteral(".vault.key.tmp-0123456789abcdef")), payload(5, 1));
    writeBytes(dir.filePath(QStringLiteral(".vault.key.old-fedcba9876543210")), payload(5, 1));
    writeBytes(dir.filePath(QStringLiteral("vault.key")), payload(5, 2));
    writeBytes(dir.filePath(QStringLiteral(".hidden")), payload(5, 3));
    REQUIRE(QDir(dir.path()).mkdir(QStringLiteral(".sub.tmp-0123456789abcdef")));

    CHECK(removeStaleTemporaryFiles(files, dir.path()) == 2);
    CHECK(fileNames(dir.path()) ==
          QStringList{QStringLiteral(".hidden"), QStringLiteral("vault.key")});
    CHECK(QDir(dir.filePath(QStringLiteral(".sub.tmp-0123456789abcdef"))).exists());
}

TEST_CASE("removeFileDurably removes the file and reports a missing one") {
    QTemporaryDir dir;
    PosixFileOps real;
    FaultyFileOps files(real);
    const QString path = dir.filePath(QStringLiteral("f"));
    writeBytes(path, payload(5, 1));
    CHECK(removeFileDurably(files, path));
    CHECK(files.calls(Op::SyncDirectory) == 1);
    CHECK_FALSE(QFile::exists(path));
    CHECK_FALSE(removeFileDurably(files, path));
}

TEST_CASE("PosixFileOps lists regular files only and reports errno") {
    QTemporaryDir dir;
    PosixFileOps files;
    writeBytes(dir.filePath(QStringLiteral("a")), payload(1, 1));
    REQUIRE(QDir(dir.path()).mkdir(QStringLiteral("sub")));
    QStringList names;
    REQUIRE(files.listDirectory(dir.path(), names).ok());
    CHECK(names == QStringList{QStringLiteral("a")});

    const auto missing = files.listDirectory(dir.filePath(QStringLiteral("nope")), names);
    CHECK(missing.error == ENOENT);
    CHECK(files.openFile(dir.filePath(QStringLiteral("a")), O_WRONLY | O_CREAT | O_EXCL, 0600)
              .error == EEXIST);
    CHECK(files.exists(dir.filePath(QStringLiteral("a"))));
    CHECK_FALSE(files.exists(dir.filePath(QStringLiteral("b"))));
    CHECK(files.makeDirectory(dir.filePath(QStringLiteral("media")), 0700).ok());
    CHECK(files.makeDirectory(dir.filePath(QStringLiteral("media")), 0700).error == EEXIST);
}

TEST_CASE("DeferredSyncFileOps passes writes through, holds back syncs until flush") {
    QTemporaryDir dir;
    PosixFileOps posix;
    FaultyFileOps real(posix);
    DeferredSyncFileOps files(real, dir.path());
    const QString path = dir.filePath(QStringLiteral("f"));
    const auto data = payload(100, 3);

    writeFileDurably(files, path, data);
    writeNewFileDurably(files, dir.path(), QStringLiteral("g"), data);

    CHECK(readBytes(path) == data);
    CHECK(readBytes(dir.filePath(QStringLiteral("g"))) == data);
    CHECK(real.calls(Op::Write) == 2);
    CHECK(real.calls(Op::Rename) + real.calls(Op::Link) == 2);
    // None of the syncs reached the real file operations; they are counted instead.
    CHECK(real.calls(Op::Fdatasync) == 0);
    CHECK(real.calls(Op::Fsync) == 0);
    CHECK(real.calls(Op::SyncDirectory) == 0);
    CHECK(files.pendingSyncs() >= 4);

    REQUIRE(files.flush().ok());
    CHECK(files.pendingSyncs() == 0);
}

TEST_CASE("DeferredSyncFileOps::flush reports a missing anchor and keeps the syncs pending") {
    QTemporaryDir dir;
    PosixFileOps posix;
    DeferredSyncFileOps files(posix, dir.filePath(QStringLiteral("gone")));
    const int fd = int(
        posix.openFile(dir.filePath(QStringLiteral("f")), O_WRONLY | O_CREAT | O_EXCL, 0600).value);
    REQUIRE(fd >= 0);
    CHECK(files.fdatasync(fd).ok());
    (void)posix.close(fd);

    const auto flushed = files.flush();
    CHECK_FALSE(flushed.ok());
    CHECK(flushed.error == ENOENT);
    CHECK(files.pendingSyncs() == 1);
}
