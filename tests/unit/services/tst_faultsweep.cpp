// Fault injection over whole use cases (DESIGN §4.1, durable writes). Each use case runs
// once without faults, counting every call it makes through the vault's file layer
// (FileOps, through FaultyFileOps) and through SQLite's own I/O (the test VFS); then once
// per call index of every operation and per error, on a fresh copy of a prepared vault,
// with that one call failing. After each run:
//   (a) the use case threw a clear error (ServiceError::Storage or VaultError::Io, naming a
//       full disk for ENOSPC / SQLITE_FULL), or it succeeded and then all of its effect is
//       in the vault a crash right afterwards would leave: 0 acknowledged but not durable;
//   (b) when it threw, the vault still opens (with the passcode that was in effect before),
//       passes the verifier, and holds either none of the use case's effect or all of it
//       (a failure after the commit, such as a lost acknowledgement, may leave it done),
//       never a part: the same rule for what the running app's own connection sees, and
//       the app goes on working without a restart;
//   (c) no file in the vault, the export folder or the temporary directory holds any of the
//       test's plaintext: the patient's name, the stories' and the post's text, runs of the
//       photos' bytes, the passcodes, the master or database key; no temporary file is left
//       in the export folder, and after the next unlock none in the vault.
// A failed sync (fdatasync, fsync, a directory's fsync, SQLite's xSync) runs twice: once
// with what it was to make durable still in place, once with it lost at once
// (LossyFileOps, FaultyVfs::loseOnFailedSync), as after a crash: code that relies on a
// failed sync, or ignores one it depends on, fails the second run.
// The errors: EIO for every file-layer call; ENOSPC as well where a full disk can fail it
// (open, write, the syncs, rename, link, mkdir); for SQLite the code its unix VFS returns
// for EIO (SQLITE_CANTOPEN, SQLITE_IOERR_READ/WRITE/FSYNC/TRUNCATE/FSTAT/DELETE/ACCESS/LOCK/
// SHMMAP), and SQLITE_FULL (ENOSPC) for xOpen, xWrite and xTruncate, SQLITE_IOERR_SHMSIZE
// for xShmMap. Every call index is covered with every error, except where one use case
// makes more than MaxCalls calls of one operation (callIndexes()); the sanitizer build
// (CONSENTCAM_RANDOMIZED_DIVISOR) runs an evenly spaced fraction of the cases.

#include "consentrequest.h"
#include "imaging/demophoto.h"
#include "plaintextscan.h"
#include "randomizedscale.h"
#include "services/serviceerror.h"
#include "services/templates.h"
#include "services/vaultverifier.h"
#include "servicetestsupport.h"
#include "storage/auditlog.h"
#include "storage/consentrepository.h"
#include "storage/database.h"
#include "storage/mediastore.h"
#include "storage/storageerror.h"
#include "unit/storage/faultyfileops.h"
#include "unit/storage/faultyvfs.h"
#include "unit/storage/lossyfileops.h"

#include "crypto/hash.h"
#include "crypto/hkdf.h"

#include <catch2/catch_test_macros.hpp>

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <map>

using namespace cc;
using namespace cc::services;
using services::test::Passcode;
using storage::test::FaultyFileOps;
using storage::test::FaultyVfs;
using storage::test::LossyFileOps;
using FileOp = FaultyFileOps::Op;
using VfsOp = FaultyVfs::Op;

namespace {

const QString NewPasscode = QStringLiteral("735921");
const QString PatientName = QStringLiteral("Ada Q7X3 Sentinel");
const QString NewPatientName = QStringLiteral("Bea Z5W1 Newcomer");
const QString StoryText = QStringLiteral("CANARY-STORY-4b1d: the rash faded within two weeks.");
const QString EditedText = QStringLiteral("CANARY-EDIT-91c2: the rash faded within ten days.");
const QString NewStoryText = QStringLiteral("CANARY-NEW-6a0e: a second course was not needed.");
const QString PostText = QStringLiteral("Case of the week CANARY-POST-2e8f");
const domain::GateTarget InstagramEducation{QStringLiteral("instagram"), QStringLiteral("public"),
                                            QStringLiteral("education")};

constexpr std::array AllFileOps{FileOp::Open,          FileOp::Write,         FileOp::Fdatasync,
                                FileOp::Fsync,         FileOp::Close,         FileOp::Rename,
                                FileOp::Link,          FileOp::SyncDirectory, FileOp::Remove,
                                FileOp::MakeDirectory, FileOp::ListDirectory, FileOp::ReadAll};

const char *name(FileOp op) {
    switch (op) {
    case FileOp::Open:
        return "open";
    case FileOp::Write:
        return "write";
    case FileOp::Fdatasync:
        return "fdatasync";
    case FileOp::Fsync:
        return "fsync";
    case FileOp::Close:
        return "close";
    case FileOp::Rename:
        return "rename";
    case FileOp::Link:
        return "link";
    case FileOp::SyncDirectory:
        return "syncDirectory";
    case FileOp::Remove:
        return "remove";
    case FileOp::MakeDirectory:
        return "mkdir";
    case FileOp::ListDirectory:
        return "listDirectory";
    case FileOp::ReadAll:
        return "readAll";
    }
    return "?";
}

// One error to inject.
struct Choice {
    int code = 0; // errno, or an SQLite result code
    const char *name = "";
    bool full = false; // a full disk: the error must say so
    bool lose = false; // a failed sync that loses what it did not make durable
};

std::vector<Choice> choicesFor(FileOp op) {
    const Choice eio{EIO, "EIO", false, false};
    const Choice enospc{ENOSPC, "ENOSPC", true, false};
    switch (op) {
    case FileOp::Fdatasync:
    case FileOp::Fsync:
    case FileOp::SyncDirectory:
        return {eio, {EIO, "EIO, lost", false, true}, enospc, {ENOSPC, "ENOSPC, lost", true, true}};
    case FileOp::Open:
    case FileOp::Write:
    case FileOp::Rename:
    case FileOp::Link:
    case FileOp::MakeDirectory:
        return {eio, enospc};
    case FileOp::Close:
    case FileOp::Remove:
    case FileOp::ListDirectory:
    case FileOp::ReadAll:
        return {eio};
    }
    return {eio};
}

std::vector<Choice> choicesFor(VfsOp op) {
    const Choice full{SQLITE_FULL, "SQLITE_FULL", true, false};
    switch (op) {
    case VfsOp::Open:
        return {{SQLITE_CANTOPEN, "SQLITE_CANTOPEN"}, full};
    case VfsOp::Delete:
        return {{SQLITE_IOERR_DELETE, "SQLITE_IOERR_DELETE"}};
    case VfsOp::Access:
        return {{SQLITE_IOERR_ACCESS, "SQLITE_IOERR_ACCESS"}};
    case VfsOp::Read:
        return {{SQLITE_IOERR_READ, "SQLITE_IOERR_READ"}};
    case VfsOp::Write:
        return {{SQLITE_IOERR_WRITE, "SQLITE_IOERR_WRITE"}, full};
    case VfsOp::Truncate:
        return {{SQLITE_IOERR_TRUNCATE, "SQLITE_IOERR_TRUNCATE"}, full};
    case VfsOp::Sync:
        return {{SQLITE_IOERR_FSYNC, "SQLITE_IOERR_FSYNC"},
                {SQLITE_IOERR_FSYNC, "SQLITE_IOERR_FSYNC, lost", false, true}};
    case VfsOp::FileSize:
        return {{SQLITE_IOERR_FSTAT, "SQLITE_IOERR_FSTAT"}};
    case VfsOp::Lock:
        return {{SQLITE_IOERR_LOCK, "SQLITE_IOERR_LOCK"}};
    case VfsOp::ShmMap:
        return {{SQLITE_IOERR_SHMMAP, "SQLITE_IOERR_SHMMAP"},
                {SQLITE_IOERR_SHMSIZE, "SQLITE_IOERR_SHMSIZE"}};
    }
    return {};
}

struct Fault {
    bool sqlite = false;
    FileOp fileOp = FileOp::Open;
    VfsOp vfsOp = VfsOp::Open;
    int call = 0; // 1: the use case's first call of the operation
    Choice choice;

    [[nodiscard]] std::string describe() const {
        return std::string(sqlite ? FaultyVfs::name(vfsOp) : name(fileOp)) + " #" +
               std::to_string(call) + " " + choice.name;
    }
};

using Counts = std::map<QString, qint64>;

Counts operator-(Counts after, const Counts &before) {
    for (const auto &[table, count] : before)
        after[table] -= count;
    for (auto it = after.begin(); it != after.end();)
        it = it->second == 0 ? after.erase(it) : std::next(it);
    return after;
}

std::string describe(const Counts &delta) {
    std::string text = "{";
    for (const auto &[table, count] : delta)
        text += " " + table.toStdString() + (count > 0 ? " +" : " ") + std::to_string(count);
    return text + " }";
}

// Rows per table, as this connection sees them.
Counts tableCounts(storage::Database &db) {
    QStringList tables;
    {
        auto list = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND "
                               "name NOT LIKE 'sqlite_%' ORDER BY name");
        while (list.step())
            tables.append(list.columnText(0));
    }
    Counts counts;
    for (const QString &table : tables) {
        const QByteArray sql = "SELECT count(*) FROM \"" + table.toUtf8() + "\"";
        auto count = db.prepare(sql.constData());
        counts[table] = count.step() ? count.columnInt64(0) : 0;
    }
    return counts;
}

// Copies directory's tree to target; skipping SQLite's shared-memory index, which a crash
// does not leave valid (SQLite rebuilds it from the WAL).
void copyTree(const QString &directory, const QString &target, bool withShm = true) {
    REQUIRE(QDir().mkpath(target));
    if (!QFileInfo(directory).isDir())
        return;
    QDirIterator it(directory, QDir::Files | QDir::Hidden | QDir::Dirs | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    const QDir from(directory);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString to = target + QLatin1Char('/') + from.relativeFilePath(path);
        if (it.fileInfo().isDir()) {
            REQUIRE(QDir().mkpath(to));
        } else if (withShm || !path.endsWith(QLatin1String("-shm"))) {
            REQUIRE(QFile::copy(path, to));
        }
    }
}

QByteArray bytesOf(crypto::ByteView bytes) {
    return QByteArray(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size()));
}

// --- the prepared vault ------------------------------------------------------------------

// The cheapest key derivation vault.key accepts: every case checks the passcode a few times.
constexpr crypto::ScryptParams CheapKdf{std::uint64_t{1} << 14, 1, 1};

std::unique_ptr<Vault> makeVault(const QString &directory, storage::FileOps &files,
                                 const services::test::TestClock &clock) {
    return std::make_unique<Vault>(
        directory, files, [&clock] { return clock.now; }, [&clock] { return clock.ticks; });
}

ConsentRequest consentRequest(const services::test::TestClock &clock, const QString &patientId,
                              const QStringList &items) {
    return cc::test::patientSignedRequest(patientId, items, PatientName, clock.now);
}

struct Prepared {
    QTemporaryDir root;
    QString templateDir;
    QString tempDir; // TMPDIR for the whole run
    services::test::TestClock clock;
    imaging::QImageCodec codec;
    domain::TemplateCatalog templates;
    crypto::SecretBytes masterKey;
    Counts templateCounts;
    QString patientId, photoId, secondPhotoId, storyId, consentId, draftId, postId;
    ConsentRequest sealRequest;
    crypto::Bytes importJpeg;
    std::vector<cc::test::Needle> needles;
    int cases = 0;

    Prepared();
};

// Faults are injected above the file system, so the sweep runs where fsync costs nothing.
QString sweepRootTemplate() {
    const QFileInfo shm(QStringLiteral("/dev/shm"));
    if (shm.isDir() && shm.isWritable())
        return QStringLiteral("/dev/shm/consentcam-faultsweep-XXXXXX");
    return QDir::tempPath() + QStringLiteral("/consentcam-faultsweep-XXXXXX");
}

Prepared::Prepared()
    : root(sweepRootTemplate())
    , templates(loadBuiltInTemplates()) {
    (void)services::test::app();
    REQUIRE(root.isValid());
    // Everything the process puts in a temporary directory lands where the scan looks.
    tempDir = root.filePath(QStringLiteral("tmp"));
    REQUIRE(QDir().mkpath(tempDir));
    qputenv("TMPDIR", QFile::encodeName(tempDir));
    (void)FaultyVfs::install();

    const crypto::Bytes firstJpeg = imaging::demoPhoto(1, 320, 240);
    const crypto::Bytes secondJpeg = imaging::demoPhoto(2, 320, 240);
    importJpeg = imaging::demoPhoto(3, 320, 240);
    {
        templateDir = root.filePath(QStringLiteral("template"));
        storage::PosixFileOps files;
        auto vault = makeVault(templateDir, files, clock);
        vault->create(Passcode, CheapKdf);
        ConsentCore core(*vault, codec, templates);
        core.settings().setClinician({QStringLiteral("Dr. Ana Ruiz"), QStringLiteral("MD"),
                                      QStringLiteral("Bayview Skin Clinic"),
                                      QStringLiteral("200 Harbor Street, Bayview")});
        auto &library = core.library();
        auto &posts = core.posts();
        patientId = library.addPatient(PatientName).id;
        const QDateTime taken = clock.now.addSecs(-3600);
        photoId = library.importPhoto(patientId, firstJpeg, taken).id;
        secondPhotoId = library.importPhoto(patientId, secondJpeg, taken).id;
        storyId = library.addStory(patientId, QStringLiteral("A rash"), StoryText).first.id;
        consentId = core.consents().seal(consentRequest(clock, patientId, {photoId, storyId})).id;
        // A published post that depends on the consent, so a revocation asks for its
        // takedown, and an open draft ready to share.
        const auto posted = posts.createDraft(PostText, InstagramEducation);
        posts.attach(posted.id, photoId);
        postId = posts.share(posted.id).id;
        draftId = posts.createDraft(PostText, InstagramEducation).id;
        posts.attach(draftId, photoId);
        sealRequest = consentRequest(clock, patientId, {secondPhotoId});
        masterKey = vault->masterKey();
        // Unlocked with the passcode once, as every vault in use is: vault.attempts exists.
        vault->lock();
        vault->unlock(Passcode);
        templateCounts = tableCounts(vault->database());
        vault->lock();
    }

    const auto text = [](const QString &name, const QString &value) {
        return cc::test::Needle{name, value.toUtf8()};
    };
    const auto middle = [](const QString &name, const crypto::Bytes &jpeg) {
        return cc::test::Needle{name, bytesOf(crypto::ByteView(jpeg).subspan(jpeg.size() / 2, 32))};
    };
    needles = {text(QStringLiteral("patient name"), PatientName),
               text(QStringLiteral("new patient's name"), NewPatientName),
               text(QStringLiteral("story"), StoryText),
               text(QStringLiteral("edited story"), EditedText),
               text(QStringLiteral("new story"), NewStoryText),
               text(QStringLiteral("post text"), PostText),
               text(QStringLiteral("passcode"), Passcode),
               text(QStringLiteral("new passcode"), NewPasscode),
               {QStringLiteral("JPEG header"), bytesOf(crypto::ByteView(importJpeg).first(12))},
               middle(QStringLiteral("first photo"), firstJpeg),
               middle(QStringLiteral("second photo"), secondJpeg),
               middle(QStringLiteral("imported photo"), importJpeg),
               {QStringLiteral("master key"), bytesOf(crypto::view(masterKey))},
               {QStringLiteral("database key"),
                bytesOf(crypto::view(crypto::deriveKey(crypto::view(masterKey), "db")))}};
}

Prepared &prepared() {
    static Prepared instance;
    return instance;
}

std::unique_ptr<Vault> makeVault(const QString &directory, storage::FileOps &files) {
    return makeVault(directory, files, prepared().clock);
}

// --- use cases ---------------------------------------------------------------------------

// What a run of a use case made, and where.
struct Run {
    QString exportDir;
    QString newId;
    QString exportedName;
};

// What a check found wrong; empty when the case passes.
using Problems = QStringList;

// A use case and how to tell that its effect is there.
struct Operation {
    enum class Start {
        Empty,    // no vault yet
        Locked,   // the prepared vault, locked
        Unlocked, // the prepared vault, unlocked (before any fault is armed)
    };
    const char *name;
    Start start;
    std::function<void(Vault &, ConsentCore *, Run &)> run;
    // Called on the vault open for inspection after the use case succeeded.
    std::function<void(Vault &, ConsentCore &, const Run &, Problems &)> present;
    QString passcodeAfter = Passcode; // the passcode in effect once it succeeded
};

QStringList auditKinds(Vault &vault) {
    QStringList kinds;
    vault.audit().forEach({}, [&](const storage::AuditLog::Row &row) { kinds.append(row.kind); });
    return kinds;
}

void expect(bool condition, const QString &what, Problems &problems) {
    if (!condition)
        problems.append(what);
}

// The outcome of one run: success, or the error it threw.
struct Outcome {
    bool ok = false;
    bool clear = false; // the error is one the app shows as a storage failure
    std::string error;  // kind and message
    std::string message;
};

const char *kindName(ServiceError::Kind kind) {
    switch (kind) {
    case ServiceError::Kind::NotFound:
        return "NotFound";
    case ServiceError::Kind::Invalid:
        return "Invalid";
    case ServiceError::Kind::Refused:
        return "Refused";
    case ServiceError::Kind::Conflict:
        return "Conflict";
    case ServiceError::Kind::Image:
        return "Image";
    case ServiceError::Kind::Storage:
        return "Storage";
    case ServiceError::Kind::ReadOnly:
        return "ReadOnly";
    }
    return "?";
}

std::string vaultErrorName(VaultError error) {
    switch (error) {
    case VaultError::NoVault:
        return "NoVault";
    case VaultError::AlreadyExists:
        return "AlreadyExists";
    case VaultError::WeakPasscode:
        return "WeakPasscode";
    case VaultError::WrongPasscode:
        return "WrongPasscode";
    case VaultError::BackingOff:
        return "BackingOff";
    case VaultError::KeyFileCorrupt:
        return "KeyFileCorrupt";
    case VaultError::DatabaseMissing:
        return "DatabaseMissing";
    case VaultError::DatabaseCorrupt:
        return "DatabaseCorrupt";
    case VaultError::Io:
        return "Io";
    case VaultError::NotUnlocked:
        return "NotUnlocked";
    case VaultError::Misconfigured:
        return "Misconfigured";
    case VaultError::NeedsUpgrade:
        return "NeedsUpgrade";
    case VaultError::ReadOnly:
        return "ReadOnly";
    }
    return "?";
}

Outcome attempt(const std::function<void()> &action) {
    Outcome outcome;
    try {
        action();
        outcome.ok = true;
    } catch (const ServiceError &error) {
        outcome.clear = error.kind() == ServiceError::Kind::Storage;
        outcome.error = std::string("ServiceError::") + kindName(error.kind());
        outcome.message = error.what();
    } catch (const VaultException &error) {
        outcome.clear = error.error() == VaultError::Io;
        outcome.error = "VaultError::" + vaultErrorName(error.error());
        outcome.message = error.what();
    } catch (const storage::StorageError &error) {
        outcome.error = std::string("StorageError::") + storage::toString(error.kind()) +
                        " escaped the use case";
        outcome.message = error.what();
    } catch (const std::exception &error) {
        outcome.error = "std::exception";
        outcome.message = error.what();
    }
    return outcome;
}

// --- one case ----------------------------------------------------------------------------

struct CaseResult {
    Outcome outcome;
    bool reached = true; // the armed call happened
    std::map<FileOp, int> fileCalls;
    std::map<VfsOp, int> vfsCalls;
    Counts delta;     // what the use case changed, as its own connection sees it afterwards
    int reverted = 0; // failed syncs that undid writes or names (the "lost" runs)
    Problems problems;
};

// Names of the regular files directly in directory.
QStringList namesIn(const QString &directory) {
    return QDir(directory).entryList(QDir::Files | QDir::Hidden | QDir::System);
}

// Temporary files writeFileDurably or writeNewFileDurably left in directory.
QStringList temporaryFiles(const QString &directory) {
    QStringList found;
    for (const QString &file : namesIn(directory)) {
        if (storage::isTemporaryFileName(file))
            found.append(file);
    }
    return found;
}

void scanForPlaintext(const QString &where, const QString &directory, Problems &problems) {
    for (const QString &hit : cc::test::plaintextHits(directory, prepared().needles))
        problems.append(where + QStringLiteral(": plaintext in ") + hit);
}

// The export folder holds the exported file once the export succeeded, and nothing else.
void checkExportFolder(const QString &where, const QString &directory, const Outcome &outcome,
                       const Run &run, Problems &problems) {
    const QStringList names = namesIn(directory);
    const QStringList expected =
        outcome.ok && !run.exportedName.isEmpty() ? QStringList{run.exportedName} : QStringList{};
    if (names != expected)
        problems.append(where + QStringLiteral(": the export folder holds [") +
                        names.join(QStringLiteral(", ")) + QStringLiteral("], expected [") +
                        expected.join(QStringLiteral(", ")) + QLatin1Char(']'));
}

// After an unlock: media/ holds a file for every blob not kept in its row and nothing
// else, and neither the vault nor media/ holds a temporary file.
void checkFilesAfterUnlock(Vault &vault, const QString &directory,
                           const std::function<void(const QString &)> &problem) {
    QStringList blobs;
    vault.media().forEachId([&](const QString &id) {
        if (!vault.media().isInRow(id))
            blobs.append(id);
    });
    QStringList mediaFiles = namesIn(directory + QStringLiteral("/media"));
    mediaFiles.sort();
    if (mediaFiles != blobs)
        problem(QStringLiteral("media/ holds %1 files for %2 blobs after the unlock")
                    .arg(mediaFiles.size())
                    .arg(blobs.size()));
    for (const QString &dir : {directory, directory + QStringLiteral("/media")}) {
        if (const QStringList left = temporaryFiles(dir); !left.isEmpty())
            problem(QStringLiteral("temporary files after the unlock: ") +
                    left.join(QStringLiteral(", ")));
    }
}

std::string said(const Outcome &outcome) {
    return outcome.error + ": " + outcome.message;
}

// The files the run left, after the app closed the vault normally: the vault unlocks and
// the unlock clears what the failure left behind.
void checkLeftFiles(const Operation &op, const QString &directory, const Outcome &outcome,
                    Problems &problems) {
    const auto problem = [&](const QString &text) {
        problems.append(QStringLiteral("reopened: ") + text);
    };
    storage::PosixFileOps files;
    auto vault = makeVault(directory, files);
    if (op.start == Operation::Start::Empty) {
        if (vault->state() == Vault::State::Missing) {
            if (outcome.ok)
                problem(QStringLiteral("the vault that was created is gone"));
            return; // checkCrashImage tries to create it again
        }
        // The created vault's own key.
        const Outcome unwrapped = attempt([&] { (void)vault->unwrapMasterKey(Passcode); });
        if (!unwrapped.ok) {
            problem(QStringLiteral("the passcode does not open the vault: ") +
                    QString::fromStdString(said(unwrapped)));
            return;
        }
        const Outcome unlocked = attempt([&] { vault->unlock(Passcode); });
        if (!unlocked.ok)
            problem(QStringLiteral("the vault does not unlock: ") +
                    QString::fromStdString(said(unlocked)));
    } else {
        const Outcome unlocked =
            attempt([&] { vault->unlockWithMasterKey(crypto::view(prepared().masterKey)); });
        if (!unlocked.ok) {
            problem(QStringLiteral("the vault does not unlock: ") +
                    QString::fromStdString(said(unlocked)));
            return;
        }
    }
    if (vault->state() == Vault::State::Unlocked)
        checkFilesAfterUnlock(*vault, directory, problem);
    vault->lock();
}

// The files a crash right after the run would leave, opened as a restarted app would: the
// passcode in effect opens them, the use case's effect is there in full once acknowledged
// and in full or not at all otherwise, the unlock clears what the failure left behind, and
// the verifier finds nothing wrong.
void checkCrashImage(const Operation &op, const QString &directory, const QString &exportDir,
                     const Outcome &outcome, const Run &run, const Counts &before,
                     const Counts &full, Problems &problems) {
    Prepared &p = prepared();
    const auto problem = [&](const QString &text) {
        problems.append(QStringLiteral("after a crash: ") + text);
    };
    storage::PosixFileOps files;
    auto vault = makeVault(directory, files);

    if (op.start == Operation::Start::Empty && vault->state() == Vault::State::Missing) {
        if (outcome.ok) {
            problem(QStringLiteral("the vault that was created is gone"));
            return;
        }
        // The directory is again one a vault can be created in (create() refuses one that
        // holds any part of a vault), and holds nothing else the create made.
        if (const QStringList left = QDir(directory).entryList(QDir::AllEntries | QDir::Hidden |
                                                               QDir::System | QDir::NoDotAndDotDot);
            !left.isEmpty())
            problem(QStringLiteral("the failed create left ") + left.join(QStringLiteral(", ")));
        return;
    }
    if (vault->state() == Vault::State::Missing) {
        problem(QStringLiteral("vault.key is gone"));
        return;
    }

    // A failed change of passcode leaves the old one in effect, and only that one.
    const QString passcode = outcome.ok ? op.passcodeAfter : Passcode;
    crypto::SecretBytes masterKey = p.masterKey;
    if (op.start == Operation::Start::Empty || op.passcodeAfter != Passcode) {
        const Outcome unwrapped = attempt([&] { masterKey = vault->unwrapMasterKey(passcode); });
        if (!unwrapped.ok) {
            problem(QStringLiteral("the passcode in effect does not open the vault: ") +
                    QString::fromStdString(said(unwrapped)));
            return;
        }
    }
    if (op.passcodeAfter != Passcode) {
        const QString other = outcome.ok ? Passcode : op.passcodeAfter;
        const Outcome tried = attempt([&] { (void)vault->unwrapMasterKey(other); });
        if (tried.ok || tried.error != "VaultError::WrongPasscode")
            problem(QStringLiteral("the passcode not in effect gives ") +
                    QString::fromStdString(tried.ok ? "the master key" : tried.error));
    }

    const Outcome unlocked = attempt([&] { vault->unlockWithMasterKey(crypto::view(masterKey)); });
    if (!unlocked.ok) {
        problem(QStringLiteral("the vault does not unlock: ") +
                QString::fromStdString(said(unlocked)));
        return;
    }
    const Outcome checked = attempt([&] {
        auto &db = vault->database();
        // What the use case left: the tables as they are, less the unlock's own entries
        // (and its checkpoint, when one fell due). Besides vault.unlocked, the unlock makes
        // a recovered vault.passcode_changed when vault.key is not the one the database
        // last recorded: a failed change whose commit reached the disk although its sync
        // failed, after the old vault.key was put back.
        Counts counts = tableCounts(db);
        auto recovered = db.prepare("SELECT count(*) FROM audit_log WHERE kind = "
                                    "'vault.passcode_changed' AND "
                                    "instr(CAST(entry AS TEXT), '\"recovered\":true') > 0");
        counts[QStringLiteral("audit_log")] -=
            1 + (recovered.step() ? recovered.columnInt64(0) : 0);
        auto checkpoint = db.prepare("SELECT count(*) FROM audit_checkpoints WHERE seq = "
                                     "(SELECT max(seq) FROM audit_log)");
        if (checkpoint.step())
            counts[QStringLiteral("audit_checkpoints")] -= checkpoint.columnInt64(0);
        const Counts delta = counts - before;
        if (outcome.ok && delta != full)
            problem(QStringLiteral("acknowledged but not durable: the tables changed by ") +
                    QString::fromStdString(describe(delta) + ", expected " + describe(full)));
        else if (!outcome.ok && !delta.empty() && delta != full)
            problem(QStringLiteral("a part of the failed change is stored: ") +
                    QString::fromStdString(describe(delta) + " of " + describe(full)));
        if (outcome.ok) {
            ConsentCore core(*vault, p.codec, p.templates);
            Run there = run;
            there.exportDir = exportDir;
            Problems missing;
            op.present(*vault, core, there, missing);
            for (const QString &text : missing)
                problem(QStringLiteral("acknowledged but missing: ") + text);
        }
    });
    if (!checked.ok)
        problem(QStringLiteral("the vault can't be read: ") +
                QString::fromStdString(said(checked)));
    checkFilesAfterUnlock(*vault, directory, problem);
    vault->lock();

    const Outcome verified = attempt([&] {
        const VerifyReport report = VaultVerifier(*vault, p.templates).run(passcode);
        for (const VerifyProblem &found : report.problems)
            problem(
                QStringLiteral("verifier: %1 %2: %3").arg(found.object, found.id, found.problem));
    });
    if (!verified.ok)
        problem(QStringLiteral("the verifier can't run: ") +
                QString::fromStdString(said(verified)));
}

void arm(FaultyFileOps &files, FaultyVfs &vfs, const Fault &fault) {
    if (fault.sqlite)
        vfs.failNth(fault.vfsOp, fault.call, fault.choice.code);
    else
        files.failNth(fault.fileOp, fault.call, fault.choice.code);
}

void disarm(FaultyFileOps &files, FaultyVfs &vfs, const Fault &fault) {
    vfs.clearFault();
    // FaultyFileOps has no way to drop a fault: one that fails with 0 fails nothing.
    if (!fault.sqlite)
        files.failNth(fault.fileOp, 1 << 28, 0);
}

CaseResult runCase(const Operation &op, const std::optional<Fault> &fault, const QString &caseDir,
                   const Counts *full) {
    Prepared &p = prepared();
    FaultyVfs &vfs = FaultyVfs::install();
    CaseResult result;
    const QString vaultDir = caseDir + QStringLiteral("/vault");
    const QString stashDir = caseDir + QStringLiteral("/stash");
    const QString imageDir = caseDir + QStringLiteral("/image");
    Run run;
    run.exportDir = caseDir + QStringLiteral("/export");
    REQUIRE(QDir().mkpath(run.exportDir));
    REQUIRE(QDir().mkpath(stashDir));
    if (op.start != Operation::Start::Empty)
        copyTree(p.templateDir, vaultDir);

    storage::PosixFileOps posix;
    FaultyFileOps faulty(posix);
    LossyFileOps files(faulty, stashDir);
    vfs.reset();
    const bool lose = fault && fault->choice.lose;
    files.loseOnFailedSync(lose && !fault->sqlite);
    vfs.loseOnFailedSync(lose && fault->sqlite);
    const auto problem = [&](const QString &text) {
        result.problems.append(text);
    };

    Counts before = op.start == Operation::Start::Empty ? Counts{} : p.templateCounts;
    {
        auto vault = makeVault(vaultDir, files);
        std::unique_ptr<ConsentCore> core;
        if (op.start == Operation::Start::Unlocked) {
            vault->unlockWithMasterKey(crypto::view(p.masterKey));
            core = std::make_unique<ConsentCore>(*vault, p.codec, p.templates);
            before = tableCounts(vault->database());
        }
        std::map<FileOp, int> fileStart;
        std::map<VfsOp, int> vfsStart;
        for (const FileOp o : AllFileOps)
            fileStart[o] = faulty.calls(o);
        for (const VfsOp o : FaultyVfs::AllOps)
            vfsStart[o] = vfs.calls(o);
        if (fault)
            arm(faulty, vfs, *fault);
        result.outcome = attempt([&] { op.run(*vault, core.get(), run); });
        for (const FileOp o : AllFileOps)
            result.fileCalls[o] = faulty.calls(o) - fileStart[o];
        for (const VfsOp o : FaultyVfs::AllOps)
            result.vfsCalls[o] = vfs.calls(o) - vfsStart[o];
        if (fault) {
            result.reached =
                fault->sqlite ? vfs.faultHit() : result.fileCalls[fault->fileOp] >= fault->call;
            disarm(faulty, vfs, *fault);
        }
        files.loseOnFailedSync(false);
        vfs.loseOnFailedSync(false);
        result.reverted = files.reverts() + vfs.filesReverted();

        if (!result.outcome.ok) {
            if (!result.outcome.clear)
                problem(
                    QStringLiteral("unclear error: ") +
                    QString::fromStdString(result.outcome.error + ": " + result.outcome.message));
            else if (fault && fault->choice.full &&
                     !QString::fromStdString(result.outcome.message)
                          .contains(QRegularExpression(QStringLiteral("space|full"),
                                                       QRegularExpression::CaseInsensitiveOption)))
                problem(QStringLiteral("the error does not say the disk is full: ") +
                        QString::fromStdString(result.outcome.message));
        }

        // What a crash right now would leave: the files as they are.
        copyTree(vaultDir, imageDir + QStringLiteral("/vault"), false);
        copyTree(run.exportDir, imageDir + QStringLiteral("/export"));

        // The running app: its own connection sees all or nothing, and it goes on working.
        if (vault->state() == Vault::State::Unlocked) {
            if (!core)
                core = std::make_unique<ConsentCore>(*vault, p.codec, p.templates);
            const Outcome read = attempt([&] {
                result.delta = tableCounts(vault->database()) - before;
                if (full && result.outcome.ok && result.delta != *full)
                    problem(
                        QStringLiteral("acknowledged, but the app sees the tables changed by ") +
                        QString::fromStdString(describe(result.delta) + ", expected " +
                                               describe(*full)));
                if (full && !result.outcome.ok && !result.delta.empty() && result.delta != *full)
                    problem(QStringLiteral("the app sees a part of the failed change: ") +
                            QString::fromStdString(describe(result.delta)));
            });
            if (!read.ok)
                problem(QStringLiteral("the vault no longer reads after the failure: ") +
                        QString::fromStdString(read.error + ": " + read.message));
            const Outcome next =
                attempt([&] { (void)core->library().addPatient(QStringLiteral("Next Patient")); });
            if (!next.ok)
                problem(QStringLiteral("the next change fails: ") +
                        QString::fromStdString(next.error + ": " + next.message));
        }
        core.reset();
        vault->lock();
    }

    // Nothing in plaintext anywhere; the export folder holds the export or nothing.
    scanForPlaintext(QStringLiteral("vault"), vaultDir, result.problems);
    scanForPlaintext(QStringLiteral("temporary directory"), p.tempDir, result.problems);
    scanForPlaintext(QStringLiteral("after a crash"), imageDir + QStringLiteral("/vault"),
                     result.problems);
    checkExportFolder(QStringLiteral("export folder"), run.exportDir, result.outcome, run,
                      result.problems);
    checkExportFolder(QStringLiteral("export folder after a crash"),
                      imageDir + QStringLiteral("/export"), result.outcome, run, result.problems);
    {
        // The exported file itself is the one plaintext allowed there: it is a fresh JPEG,
        // so it starts like every JPEG.
        std::vector<cc::test::Needle> needles = p.needles;
        std::erase_if(needles,
                      [](const auto &n) { return n.name == QLatin1String("JPEG header"); });
        for (const QString &hit : cc::test::plaintextHits(run.exportDir, needles))
            problem(QStringLiteral("export folder: plaintext in ") + hit);
    }

    // The vault opens afterwards: as the files were left, and as a crash would leave them.
    if (full) {
        checkLeftFiles(op, vaultDir, result.outcome, result.problems);
        checkCrashImage(op, imageDir + QStringLiteral("/vault"),
                        imageDir + QStringLiteral("/export"), result.outcome, run, before, *full,
                        result.problems);
    }
    QDir(caseDir).removeRecursively();
    return result;
}

// --- the sweep ---------------------------------------------------------------------------

// The calls of one operation to fail: every one, except where a use case makes more than
// MaxCalls of them (only creating a vault does: the schema's pages, about 200 SQLite writes
// and 80 reads), then MaxCalls evenly spaced ones, the first and the last among them.
constexpr int MaxCalls = 32;

std::vector<int> callIndexes(int calls) {
    std::vector<int> indexes;
    if (calls <= MaxCalls) {
        for (int k = 1; k <= calls; ++k)
            indexes.push_back(k);
        return indexes;
    }
    for (int i = 0; i < MaxCalls; ++i)
        indexes.push_back(1 + int(std::lround(double(i) * (calls - 1) / (MaxCalls - 1))));
    return indexes;
}

void sweep(const Operation &op) {
    Prepared &p = prepared();
    QElapsedTimer timer;
    timer.start();
    const auto caseDir = [&p] {
        return p.root.filePath(QStringLiteral("case-%1").arg(++p.cases));
    };

    // Without faults: it succeeds, passes every check, and tells what it calls.
    CaseResult baseline = runCase(op, std::nullopt, caseDir(), nullptr);
    INFO(op.name);
    INFO(baseline.outcome.error + ": " + baseline.outcome.message);
    REQUIRE(baseline.outcome.ok);
    const Counts full = baseline.delta;
    {
        CaseResult check = runCase(op, std::nullopt, caseDir(), &full);
        INFO(check.problems.join(QLatin1Char('\n')).toStdString());
        REQUIRE(check.problems.isEmpty());
    }

    std::vector<Fault> faults;
    std::string calls;
    for (const FileOp o : AllFileOps) {
        const int n = baseline.fileCalls[o];
        if (n > 0)
            calls += std::string(" ") + name(o) + " " + std::to_string(n);
        for (const int k : callIndexes(n))
            for (const Choice &choice : choicesFor(o))
                faults.push_back({false, o, VfsOp::Open, k, choice});
    }
    calls += ";";
    for (const VfsOp o : FaultyVfs::AllOps) {
        const int n = baseline.vfsCalls[o];
        if (n > 0)
            calls += std::string(" ") + FaultyVfs::name(o) + " " + std::to_string(n);
        for (const int k : callIndexes(n))
            for (const Choice &choice : choicesFor(o))
                faults.push_back({true, FileOp::Open, o, k, choice});
    }

    // Evenly spaced when the sanitizer build asks for a fraction.
    const std::size_t keep =
        std::max<std::size_t>(1, std::size_t(cc::test::randomizedCount(long(faults.size()))));
    std::vector<Fault> chosen;
    for (std::size_t i = 0; i < keep; ++i)
        chosen.push_back(faults[i * faults.size() / keep]);

    int succeeded = 0;
    int failed = 0;
    int unreached = 0;
    int lost = 0;
    QStringList found;
    for (const Fault &fault : chosen) {
        const CaseResult result = runCase(op, fault, caseDir(), &full);
        if (!result.reached)
            ++unreached;
        else if (result.outcome.ok)
            ++succeeded;
        else
            ++failed;
        lost += result.reverted > 0 ? 1 : 0;
        for (const QString &text : result.problems)
            found.append(QString::fromStdString(fault.describe()) + QStringLiteral(": ") + text);
    }
    std::printf("fault sweep, %s: %zu of %zu cases (calls:%s) in %.1f s: %d failed with a clear "
                "error, %d succeeded, %d not reached, %d lost what a failed sync had not made "
                "durable; %lld problems\n",
                op.name, chosen.size(), faults.size(), calls.c_str(),
                double(timer.elapsed()) / 1000.0, failed, succeeded, unreached, lost,
                static_cast<long long>(found.size()));
    std::fflush(stdout);
    INFO(found.mid(0, 40).join(QLatin1Char('\n')).toStdString());
    CHECK(found.isEmpty());
}

ConsentCore &coreOf(ConsentCore *core) {
    REQUIRE(core);
    return *core;
}

} // namespace

TEST_CASE("Fault sweep: creating a vault", "[faultsweep]") {
    sweep({"vault create", Operation::Start::Empty,
           [](Vault &vault, ConsentCore *, Run &) { vault.create(Passcode, CheapKdf); },
           [](Vault &vault, ConsentCore &, const Run &, Problems &problems) {
               expect(auditKinds(vault).contains(QStringLiteral("vault.created")),
                      QStringLiteral("vault.created"), problems);
           }});
}

TEST_CASE("Fault sweep: unlocking the vault", "[faultsweep]") {
    sweep({"vault unlock", Operation::Start::Locked,
           [](Vault &vault, ConsentCore *, Run &) { vault.unlock(Passcode); },
           [](Vault &vault, ConsentCore &, const Run &, Problems &problems) {
               // The prepared vault has one; the check's own unlock adds the third.
               expect(auditKinds(vault).count(QStringLiteral("vault.unlocked")) == 3,
                      QStringLiteral("vault.unlocked"), problems);
           }});
}

TEST_CASE("Fault sweep: importing a photo", "[faultsweep]") {
    sweep({"photo import", Operation::Start::Unlocked,
           [](Vault &, ConsentCore *core, Run &run) {
               Prepared &p = prepared();
               run.newId = coreOf(core)
                               .library()
                               .importPhoto(p.patientId, p.importJpeg, p.clock.now.addSecs(-600))
                               .id;
           },
           [](Vault &, ConsentCore &core, const Run &run, Problems &problems) {
               const auto photo = core.library().photo(run.newId);
               expect(photo.has_value(), QStringLiteral("the photo"), problems);
               if (!photo)
                   return;
               const auto bytes = core.library().photoBytes(run.newId);
               expect(crypto::Bytes(bytes.begin(), bytes.end()) == prepared().importJpeg,
                      QStringLiteral("the photo's bytes"), problems);
               const auto thumbnail = core.library().thumbnailBytes(run.newId);
               expect(!QImage::fromData(thumbnail.data(), int(thumbnail.size())).isNull(),
                      QStringLiteral("the thumbnail"), problems);
           }});
}

TEST_CASE("Fault sweep: sealing a consent", "[faultsweep]") {
    sweep({"consent seal", Operation::Start::Unlocked,
           [](Vault &, ConsentCore *core, Run &run) {
               run.newId = coreOf(core).consents().seal(prepared().sealRequest).id;
           },
           [](Vault &vault, ConsentCore &core, const Run &run, Problems &problems) {
               const auto consent = core.consents().find(run.newId);
               expect(consent.has_value(), QStringLiteral("the consent"), problems);
               if (!consent)
                   return;
               expect(core.consents().check(*consent).intact,
                      QStringLiteral("the consent verifies"), problems);
               expect(storage::ConsentRepository(vault.database()).indexedItems(run.newId).size() ==
                          1,
                      QStringLiteral("the consent's item index"), problems);
           }});
}

TEST_CASE("Fault sweep: adding a story", "[faultsweep]") {
    sweep({"story add", Operation::Start::Unlocked,
           [](Vault &, ConsentCore *core, Run &run) {
               run.newId =
                   coreOf(core)
                       .library()
                       .addStory(prepared().patientId, QStringLiteral("Follow-up"), NewStoryText)
                       .second.id;
           },
           [](Vault &, ConsentCore &core, const Run &run, Problems &problems) {
               const auto version = core.library().storyVersion(run.newId);
               expect(version && version->text == NewStoryText, QStringLiteral("the story"),
                      problems);
           }});
}

TEST_CASE("Fault sweep: editing a story", "[faultsweep]") {
    sweep({"story edit", Operation::Start::Unlocked,
           [](Vault &, ConsentCore *core, Run &run) {
               run.newId = coreOf(core).library().editStory(prepared().storyId, EditedText).id;
           },
           [](Vault &, ConsentCore &core, const Run &run, Problems &problems) {
               const auto version = core.library().storyVersion(run.newId);
               expect(version && version->text == EditedText && version->version == 2,
                      QStringLiteral("the story's new version"), problems);
           }});
}

TEST_CASE("Fault sweep: revoking a consent", "[faultsweep]") {
    sweep({"revocation", Operation::Start::Unlocked,
           [](Vault &, ConsentCore *core, Run &) {
               Prepared &p = prepared();
               RevocationRequest request;
               request.consentId = p.consentId;
               request.receivedAt = p.clock.now.addSecs(-60);
               request.method = QStringLiteral("other");
               request.note = QStringLiteral("by phone");
               (void)coreOf(core).revocations().revoke(request);
           },
           [](Vault &, ConsentCore &core, const Run &, Problems &problems) {
               Prepared &p = prepared();
               expect(core.consents().revocationOf(p.consentId).has_value(),
                      QStringLiteral("the revocation"), problems);
               const auto post = core.posts().post(p.postId);
               expect(post && post->status == domain::PostStatus::TakedownRequired,
                      QStringLiteral("the post's takedown"), problems);
           }});
}

TEST_CASE("Fault sweep: changing the passcode", "[faultsweep]") {
    sweep({"passcode change", Operation::Start::Unlocked,
           [](Vault &vault, ConsentCore *, Run &) { vault.changePasscode(Passcode, NewPasscode); },
           [](Vault &vault, ConsentCore &, const Run &, Problems &problems) {
               expect(auditKinds(vault).contains(QStringLiteral("vault.passcode_changed")),
                      QStringLiteral("vault.passcode_changed"), problems);
           },
           NewPasscode});
}

TEST_CASE("Fault sweep: an audit entry (adding a patient)", "[faultsweep]") {
    sweep({"audit append", Operation::Start::Unlocked,
           [](Vault &, ConsentCore *core, Run &run) {
               run.newId = coreOf(core).library().addPatient(NewPatientName).id;
           },
           [](Vault &vault, ConsentCore &core, const Run &run, Problems &problems) {
               const auto patient = core.library().patient(run.newId);
               expect(patient && patient->displayName == NewPatientName,
                      QStringLiteral("the patient"), problems);
               QStringList kinds;
               vault.audit().forEach({run.newId, {}, {}}, [&](const storage::AuditLog::Row &row) {
                   kinds.append(row.kind);
               });
               expect(kinds == QStringList{QStringLiteral("patient.added")},
                      QStringLiteral("patient.added"), problems);
           }});
}

TEST_CASE("Fault sweep: sharing a draft", "[faultsweep]") {
    sweep({"share", Operation::Start::Unlocked,
           [](Vault &, ConsentCore *core, Run &run) {
               run.newId = coreOf(core).posts().share(prepared().draftId).id;
           },
           [](Vault &, ConsentCore &core, const Run &run, Problems &problems) {
               const auto post = core.posts().post(run.newId);
               expect(post && post->items.size() == 1, QStringLiteral("the post"), problems);
               const auto draft = core.posts().draft(prepared().draftId);
               expect(draft && draft->state == domain::DraftState::Shared,
                      QStringLiteral("the shared draft"), problems);
           }});
}

TEST_CASE("Fault sweep: exporting a photo into a folder", "[faultsweep]") {
    sweep({"export", Operation::Start::Unlocked,
           [](Vault &, ConsentCore *core, Run &run) {
               const QString path = coreOf(core).exports().exportToFolder(
                   prepared().photoId, InstagramEducation, run.exportDir);
               run.exportedName = QFileInfo(path).fileName();
           },
           [](Vault &vault, ConsentCore &, const Run &run, Problems &problems) {
               QFile file(run.exportDir + QLatin1Char('/') + run.exportedName);
               expect(file.open(QIODevice::ReadOnly), QStringLiteral("the exported file"),
                      problems);
               const QByteArray bytes = file.readAll();
               expect(!QImage::fromData(bytes).isNull(),
                      QStringLiteral("the exported file is an image"), problems);
               // The log holds the hash of exactly the bytes that left.
               QString logged;
               vault.audit().forEach({}, [&](const storage::AuditLog::Row &row) {
                   if (row.kind == QLatin1String("media.exported"))
                       logged = QJsonDocument::fromJson(row.entry)
                                    .object()
                                    .value(QStringLiteral("data"))
                                    .toObject()
                                    .value(QStringLiteral("sha256"))
                                    .toString();
               });
               const auto digest = crypto::sha256(
                   crypto::ByteView(reinterpret_cast<const std::uint8_t *>(bytes.constData()),
                                    std::size_t(bytes.size())));
               expect(logged == QString::fromStdString(crypto::toHex(digest)),
                      QStringLiteral("the logged hash of the exported file"), problems);
           }});
}
