// The desktop share sheet: saves into the folder the user picked, durably, never over an
// existing file, reporting every failure and leaving nothing behind; `finished` once per
// call, queued.

#include "linux/foldersharesheet.h"
#include "unit/storage/faultyfileops.h"

#include <catch2/catch_test_macros.hpp>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <cerrno>
#include <map>
#include <sys/stat.h>
#include <unistd.h>

using cc::platform::FolderShareSheet;
using cc::platform::ShareSheet;
using Outcome = ShareSheet::Outcome;
using cc::storage::test::FaultyFileOps;
using Op = FaultyFileOps::Op;

namespace {

QCoreApplication &app() {
    static int argc = 1;
    static char name[] = "tst_foldersharesheet";
    static char *argv[] = {name, nullptr};
    static QCoreApplication instance(argc, argv);
    return instance;
}

struct Finished {
    Outcome outcome = Outcome::Failed;
    QString location;
    QString detail;
};

// Shares and waits for the one `finished`, which must not come before share() returns.
Finished shareAndWait(ShareSheet &sheet, const QString &name, const QByteArray &bytes,
                      const QString &folder) {
    QSignalSpy spy(&sheet, &ShareSheet::finished);
    const int request = sheet.share(name, bytes, QStringLiteral("application/pdf"), folder);
    REQUIRE(request > 0);
    REQUIRE(spy.count() == 0);
    REQUIRE(spy.wait(5000));
    QCoreApplication::processEvents();
    REQUIRE(spy.count() == 1);
    const auto arguments = spy.takeFirst();
    REQUIRE(arguments.at(0).toInt() == request);
    return {arguments.at(1).value<Outcome>(), arguments.at(2).toString(),
            arguments.at(3).toString()};
}

QByteArray readAll(const QString &path) {
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

QStringList entries(const QString &folder) {
    return QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
}

const QByteArray Pdf = QByteArray("%PDF-1.4\n") + QByteArray(40'000, 'x') + "\n%%EOF\n";

} // namespace

TEST_CASE("The folder share sheet saves the file durably under its name, owner-only") {
    app();
    QTemporaryDir dir;
    FolderShareSheet sheet;
    CHECK(sheet.needsFolder());
    const auto result =
        shareAndWait(sheet, QStringLiteral("consent-1a2b3c4d.pdf"), Pdf, dir.path());
    CHECK(result.outcome == Outcome::Shared);
    CHECK(result.detail.isEmpty());
    CHECK(result.location == dir.filePath(QStringLiteral("consent-1a2b3c4d.pdf")));
    CHECK(readAll(result.location) == Pdf);
    CHECK(entries(dir.path()) == QStringList{QStringLiteral("consent-1a2b3c4d.pdf")});
    struct stat info {};
    REQUIRE(::stat(QFile::encodeName(result.location).constData(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
}

TEST_CASE("The folder share sheet never replaces a file: a taken name gets a number") {
    app();
    QTemporaryDir dir;
    FolderShareSheet sheet;
    const QString first = dir.filePath(QStringLiteral("consent-1a2b3c4d.pdf"));
    {
        QFile existing(first);
        REQUIRE(existing.open(QIODevice::WriteOnly));
        existing.write("someone else's file");
    }
    const auto second =
        shareAndWait(sheet, QStringLiteral("consent-1a2b3c4d.pdf"), Pdf, dir.path());
    CHECK(second.outcome == Outcome::Shared);
    CHECK(second.location == dir.filePath(QStringLiteral("consent-1a2b3c4d (2).pdf")));
    const auto third =
        shareAndWait(sheet, QStringLiteral("consent-1a2b3c4d.pdf"), "third", dir.path());
    CHECK(third.location == dir.filePath(QStringLiteral("consent-1a2b3c4d (3).pdf")));
    CHECK(readAll(first) == "someone else's file");
    CHECK(readAll(second.location) == Pdf);
    CHECK(readAll(third.location) == "third");
    // A name without an extension is numbered at its end.
    (void)shareAndWait(sheet, QStringLiteral("notes"), "a", dir.path());
    CHECK(shareAndWait(sheet, QStringLiteral("notes"), "b", dir.path()).location ==
          dir.filePath(QStringLiteral("notes (2)")));
    CHECK(entries(dir.path()).size() == 5); // no temporary file left
}

TEST_CASE("A folder that is missing, not a folder or not writable is reported, nothing written") {
    app();
    QTemporaryDir dir;
    FolderShareSheet sheet;
    CHECK(shareAndWait(sheet, QStringLiteral("a.pdf"), Pdf, dir.filePath(QStringLiteral("gone")))
              .outcome == Outcome::FolderUnavailable);
    const QString file = dir.filePath(QStringLiteral("plain-file"));
    {
        QFile f(file);
        REQUIRE(f.open(QIODevice::WriteOnly));
    }
    CHECK(shareAndWait(sheet, QStringLiteral("a.pdf"), Pdf, file).outcome ==
          Outcome::FolderUnavailable);
    CHECK(shareAndWait(sheet, QStringLiteral("a.pdf"), Pdf, QString()).outcome ==
          Outcome::FolderUnavailable);
    CHECK(
        shareAndWait(sheet, QStringLiteral("a.pdf"), Pdf, QStringLiteral("relative/dir")).outcome ==
        Outcome::FolderUnavailable);
    // A folder no one may create files in, even root: /sys and /proc.
    for (const char *folder : {"/sys", "/proc"}) {
        INFO(folder);
        const auto result =
            shareAndWait(sheet, QStringLiteral("a.pdf"), Pdf, QLatin1StringView(folder));
        CHECK(result.outcome == Outcome::FolderUnavailable);
        CHECK_FALSE(result.detail.isEmpty());
        CHECK_FALSE(QFileInfo::exists(QStringLiteral("%1/a.pdf").arg(QLatin1StringView(folder))));
    }
    // Without root, the permission bits count too.
    if (::geteuid() != 0) {
        const QString locked = dir.filePath(QStringLiteral("locked"));
        REQUIRE(QDir().mkdir(locked));
        REQUIRE(::chmod(QFile::encodeName(locked).constData(), 0500) == 0);
        CHECK(shareAndWait(sheet, QStringLiteral("a.pdf"), Pdf, locked).outcome ==
              Outcome::FolderUnavailable);
        REQUIRE(::chmod(QFile::encodeName(locked).constData(), 0700) == 0);
        CHECK(entries(locked).isEmpty());
    }
}

TEST_CASE("A name that is not a plain file name is refused") {
    app();
    QTemporaryDir dir;
    FolderShareSheet sheet;
    for (const QString &name :
         {QString(), QStringLiteral("."), QStringLiteral(".."), QStringLiteral("../escape.pdf"),
          QStringLiteral("sub/a.pdf"), QStringLiteral("nul\0.pdf")}) {
        INFO(name.toStdString());
        CHECK(shareAndWait(sheet, name, Pdf, dir.path()).outcome == Outcome::Failed);
    }
    CHECK(entries(dir.path()).isEmpty());
    CHECK(entries(dir.path() + QStringLiteral("/..")).contains(QStringLiteral("escape.pdf")) ==
          false);
}

TEST_CASE("Every failing step of the write is reported and leaves nothing behind") {
    app();
    cc::storage::PosixFileOps real;
    struct Case {
        Op op;
        int error;
        Outcome expected;
    };
    for (const Case &c :
         {Case{Op::Open, EACCES, Outcome::FolderUnavailable},
          Case{Op::Open, EROFS, Outcome::FolderUnavailable},
          Case{Op::Write, ENOSPC, Outcome::NoSpace}, Case{Op::Write, EIO, Outcome::Failed},
          Case{Op::Fdatasync, EIO, Outcome::Failed}, Case{Op::Close, EIO, Outcome::Failed},
          Case{Op::Link, EIO, Outcome::Failed}, Case{Op::SyncDirectory, EIO, Outcome::Failed}}) {
        INFO(int(c.op) << " errno " << c.error);
        QTemporaryDir dir;
        FaultyFileOps faulty(real);
        faulty.failNth(c.op, 1, c.error);
        FolderShareSheet sheet(&faulty);
        const auto result = shareAndWait(sheet, QStringLiteral("a.pdf"), Pdf, dir.path());
        CHECK(result.outcome == c.expected);
        CHECK_FALSE(result.detail.isEmpty());
        CHECK(result.location.isEmpty());
        CHECK(entries(dir.path()).isEmpty());
        // An fsync is never retried.
        CHECK(faulty.calls(Op::Fdatasync) <= 1);
    }
}

TEST_CASE("Where the file system has no hard links, a rename that refuses to replace is used") {
    app();
    cc::storage::PosixFileOps real;
    QTemporaryDir dir;
    {
        QFile existing(dir.filePath(QStringLiteral("a.pdf")));
        REQUIRE(existing.open(QIODevice::WriteOnly));
        existing.write("keep");
    }
    FaultyFileOps faulty(real);
    faulty.failNth(Op::Link, 1, EPERM);
    faulty.failNth(Op::Link, 2, EPERM);
    FolderShareSheet sheet(&faulty);
    const auto result = shareAndWait(sheet, QStringLiteral("a.pdf"), Pdf, dir.path());
    CHECK(result.outcome == Outcome::Shared);
    CHECK(result.location == dir.filePath(QStringLiteral("a (2).pdf")));
    CHECK(readAll(dir.filePath(QStringLiteral("a.pdf"))) == "keep");
    CHECK(readAll(result.location) == Pdf);
    CHECK(entries(dir.path()).size() == 2);
}

TEST_CASE("A second share while one is in flight finishes Busy, the first one still saves") {
    app();
    QTemporaryDir dir;
    FolderShareSheet sheet;
    QSignalSpy spy(&sheet, &ShareSheet::finished);
    const int first =
        sheet.share(QStringLiteral("a.pdf"), Pdf, QStringLiteral("application/pdf"), dir.path());
    const int second =
        sheet.share(QStringLiteral("b.pdf"), Pdf, QStringLiteral("application/pdf"), dir.path());
    CHECK(second != first);
    REQUIRE(spy.wait(5000));
    QCoreApplication::processEvents();
    REQUIRE(spy.count() == 2);
    std::map<int, Outcome> outcomes{{spy.at(0).at(0).toInt(), spy.at(0).at(1).value<Outcome>()},
                                    {spy.at(1).at(0).toInt(), spy.at(1).at(1).value<Outcome>()}};
    CHECK(outcomes.at(first) == Outcome::Shared);
    CHECK(outcomes.at(second) == Outcome::Busy);
    CHECK(entries(dir.path()) == QStringList{QStringLiteral("a.pdf")});
    // And the sheet takes the next one.
    CHECK(shareAndWait(sheet, QStringLiteral("b.pdf"), Pdf, dir.path()).outcome == Outcome::Shared);
}
