// Leakage sweep (DESIGN §4.1: nothing in plaintext on disk, no logs with PHI): a scripted
// session through the real services — 20 photos of three patients (some carrying the
// patient's name in a JPEG comment), stories, redacted copies, 10 sealed consents, posts,
// exports into a folder, a revocation by letter and a takedown — with everything the
// process writes to a temporary directory, its standard error and every Qt message
// captured. Then the vault directory (vault.db and its -wal and -shm, vault.key,
// vault.attempts, media/), the temporary directory and the logs are scanned, while the
// vault is unlocked and again once it is locked, for the names (UTF-8 and UTF-16LE, as
// entered, lower- and upper-cased), the record number, the witness, the stories', the
// post's and the revocation note's text, the passphrase, the master and database keys,
// and JPEG plaintext: runs of every original, thumbnail, redacted copy and exported JPEG,
// any file that begins like a JPEG or PNG, and the JFIF / Exif markers. Three bytes of
// FF D8 FF alone turn up in random ciphertext about once every 16 MiB, so the JPEG checks
// look for longer runs. 0 hits expected everywhere. The export folder is where plaintext
// is meant to leave: it must hold exactly the files exported, none of them with a name
// or metadata.

#include "consentrequest.h"
#include "crypto/hkdf.h"
#include "domain/signature.h"
#include "imaging/demophoto.h"
#include "imaging/qimagecodec.h"
#include "plaintextscan.h"
#include "services/consentcore.h"
#include "services/serviceerror.h"
#include "services/templates.h"
#include "services/vault.h"
#include "servicetestsupport.h"
#include "storage/fileops.h"

#include <catch2/catch_test_macros.hpp>

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageWriter>
#include <QTemporaryDir>

#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

using namespace cc;
using namespace cc::services;
using cc::test::Needle;
using cc::test::plaintextHits;

namespace {

// Canaries: words that occur nowhere else, so any hit is the session's.
const QString Patients[] = {QStringLiteral("Zebulon Quattlebaum"),
                            QStringLiteral("Philippa Oyelaran-Szczepańska"),
                            QStringLiteral("Ignatius Wolfenbarger")};
const QString Surnames[] = {QStringLiteral("Quattlebaum"), QStringLiteral("Szczepańska"),
                            QStringLiteral("Wolfenbarger")};
const QString Mrn = QStringLiteral("MRN-QX-480217");
const QString Witness = QStringLiteral("Octavia Threepwood");
const QString Stories[] = {
    QStringLiteral("Quokka-shaped plaques over the xiphisternum cleared after cryotherapy."),
    QStringLiteral("Placas en forma de mariposa sobre el esternón, resueltas en doce semanas."),
    QStringLiteral("Serpiginous tracks along the instep, typical of a larva migrans infestation.")};
const QString StoryEdit =
    QStringLiteral("Serpiginous tracks along the instep; ivermectin given, tracks gone by day 9.");
const QString PostText = QStringLiteral("Marzipan-coloured papules: our case of the week.");
const QString RevocationNote = QStringLiteral("Letter brought in by hand at the front desk.");
const QString Passphrase = QStringLiteral("quillwort-zephyr-1187");

constexpr crypto::ScryptParams FastKdf{std::uint64_t{1} << 14, 8, 1};
const domain::GateTarget InstagramEducation{QStringLiteral("instagram"), QStringLiteral("public"),
                                            QStringLiteral("education")};
const domain::GateTarget WebsiteEducation{QStringLiteral("website"), QStringLiteral("public"),
                                          QStringLiteral("education")};

QByteArray utf16(const QString &text) {
    return QByteArray(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
}

QByteArray bytesOf(crypto::ByteView bytes) {
    return QByteArray(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size()));
}

// Everything the process writes to stderr goes to a file under the logs directory, and
// every Qt message to another, until destroyed.
class LogCapture final {
public:
    explicit LogCapture(const QString &directory)
        : m_messages(directory + QStringLiteral("/qt-messages.log")) {
        REQUIRE(m_messages.open(QIODevice::WriteOnly | QIODevice::Append));
        s_messages = &m_messages;
        m_previousHandler = qInstallMessageHandler(&LogCapture::handle);
        std::fflush(stderr);
        m_savedStderr = ::dup(STDERR_FILENO);
        REQUIRE(m_savedStderr >= 0);
        const QByteArray path = QFile::encodeName(directory + QStringLiteral("/stderr.log"));
        const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        REQUIRE(fd >= 0);
        REQUIRE(::dup2(fd, STDERR_FILENO) == STDERR_FILENO);
        ::close(fd);
    }
    ~LogCapture() {
        std::fflush(stderr);
        if (m_savedStderr >= 0) {
            (void)::dup2(m_savedStderr, STDERR_FILENO);
            ::close(m_savedStderr);
        }
        qInstallMessageHandler(m_previousHandler);
        s_messages = nullptr;
    }
    LogCapture(const LogCapture &) = delete;
    LogCapture &operator=(const LogCapture &) = delete;

    [[nodiscard]] static int messageCount() { return s_count; }

private:
    static void handle(QtMsgType, const QMessageLogContext &, const QString &message) {
        ++s_count;
        if (s_messages) {
            s_messages->write(message.toUtf8() + '\n');
            s_messages->flush();
        }
    }

    QFile m_messages;
    QtMessageHandler m_previousHandler = nullptr;
    int m_savedStderr = -1;
    static inline QFile *s_messages = nullptr;
    static inline int s_count = 0;
};

// A demo photo; with a comment, re-encoded to carry it in a JPEG COM segment, as some
// cameras and editors write a caption.
crypto::Bytes photo(std::uint64_t seed, const QString &comment = {}) {
    crypto::Bytes bytes = imaging::demoPhoto(seed, 320 + int(seed % 5) * 80, 240);
    if (comment.isEmpty())
        return bytes;
    QImage image;
    REQUIRE(image.loadFromData(bytes.data(), int(bytes.size()), "jpeg"));
    QBuffer buffer;
    REQUIRE(buffer.open(QIODevice::WriteOnly));
    QImageWriter writer(&buffer, "jpeg");
    writer.setText(QStringLiteral("Description"), comment);
    REQUIRE(writer.write(image));
    REQUIRE(buffer.data().contains(comment.toUtf8()));
    return crypto::Bytes(buffer.data().cbegin(), buffer.data().cend());
}

// The JPEG header (SOI, the first segment) and a run from the middle of the data.
void addJpegRuns(std::vector<Needle> &needles, const QString &what, const QByteArray &jpeg) {
    REQUIRE(jpeg.size() > 256);
    REQUIRE(jpeg.startsWith("\xff\xd8\xff"));
    needles.push_back({what + QStringLiteral(" (header)"), jpeg.left(16)});
    needles.push_back({what + QStringLiteral(" (middle)"), jpeg.mid(jpeg.size() / 2, 32)});
}

void addText(std::vector<Needle> &needles, const QString &what, const QString &text) {
    needles.push_back({what, text.toUtf8()});
    needles.push_back({what + QStringLiteral(" (UTF-16LE)"), utf16(text)});
}

void addName(std::vector<Needle> &needles, const QString &what, const QString &name) {
    addText(needles, what, name);
    addText(needles, what + QStringLiteral(" (lower case)"), name.toLower());
    addText(needles, what + QStringLiteral(" (upper case)"), name.toUpper());
}

// Files that look like plaintext images whatever their content: a JPEG's or PNG's first
// bytes at the start, or a JFIF / Exif identifier (5 and 6 bytes) anywhere.
QStringList imageLookalikes(const QString &directory) {
    QStringList hits;
    QDirIterator it(directory, QDir::Files | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        REQUIRE(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        if (content.startsWith("\xff\xd8\xff"))
            hits.append(file.fileName() + QStringLiteral(": begins like a JPEG"));
        if (content.startsWith("\x89PNG\r\n\x1a\n"))
            hits.append(file.fileName() + QStringLiteral(": begins like a PNG"));
        if (content.contains(QByteArray("JFIF\0", 5)))
            hits.append(file.fileName() + QStringLiteral(": JFIF identifier"));
        if (content.contains(QByteArray("Exif\0\0", 6)))
            hits.append(file.fileName() + QStringLiteral(": Exif identifier"));
    }
    return hits;
}

struct Tally {
    int files = 0;
    qint64 bytes = 0;
};

Tally tally(const QString &directory) {
    Tally t;
    QDirIterator it(directory, QDir::Files | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++t.files;
        t.bytes += it.fileInfo().size();
    }
    return t;
}

QStringList namesIn(const QString &directory) {
    return QDir(directory).entryList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

QStringList filesUnder(const QString &directory) {
    QStringList files;
    QDirIterator it(directory, QDir::Files | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(QDir(directory).relativeFilePath(it.next()));
    files.sort();
    return files;
}

} // namespace

TEST_CASE("A whole session leaves no name, text, key or JPEG in the clear in the vault, the "
          "temporary directory or the logs") {
    QTemporaryDir root;
    REQUIRE(root.isValid());
    const QString vaultDir = root.filePath(QStringLiteral("vault"));
    const QString tempDir = root.filePath(QStringLiteral("tmp"));
    const QString logDir = root.filePath(QStringLiteral("logs"));
    const QString exportDir = root.filePath(QStringLiteral("exports"));
    for (const QString &dir : {tempDir, logDir, exportDir})
        REQUIRE(QDir().mkpath(dir));
    // Before the first database opens: SQLite reads these once, when it initializes.
    const QByteArray oldTmp = qgetenv("TMPDIR");
    const QByteArray oldSqliteTmp = qgetenv("SQLITE_TMPDIR");
    qputenv("TMPDIR", QFile::encodeName(tempDir));
    qputenv("SQLITE_TMPDIR", QFile::encodeName(tempDir));
    REQUIRE(QDir(QDir::tempPath()) == QDir(tempDir));

    std::vector<Needle> needles;
    std::vector<Needle> exportNeedles; // the names, which an exported file must not hold
    std::optional<LogCapture> logs;
    logs.emplace(logDir);
    // The capture works: one line from Qt, one straight to stderr.
    qInfo("leakage sweep: Qt messages are captured");
    std::fprintf(stderr, "leakage sweep: stderr is captured\n");

    (void)services::test::app(); // the image plugins need an application object
    services::test::TestClock clock;
    storage::PosixFileOps files;
    imaging::QImageCodec codec;
    const domain::TemplateCatalog templates = loadBuiltInTemplates();
    Vault vault(
        vaultDir, files, [&clock] { return clock.now; }, [&clock] { return clock.ticks; });
    vault.create(Passphrase, FastKdf);
    auto core = std::make_unique<ConsentCore>(vault, codec, templates);
    core->settings().setClinician({QStringLiteral("Dr. Ana Ruiz"), QStringLiteral("MD"),
                                   QStringLiteral("Bayview Skin Clinic"),
                                   QStringLiteral("200 Harbor Street, Bayview")});
    auto &library = core->library();

    // --- The session ---------------------------------------------------------------------
    std::vector<domain::Patient> patients;
    patients.push_back(library.addPatient(Patients[0]));
    patients.push_back(library.addPatient(Patients[1], Mrn, QDate(1961, 7, 23)));
    patients.push_back(library.addPatient(Patients[2]));
    const int photosOf[] = {8, 7, 5};
    std::vector<domain::Photo> photos; // 20 clinical photos, by patient
    std::vector<int> ownerOf;
    for (int p = 0; p < 3; ++p) {
        for (int n = 0; n < photosOf[p]; ++n) {
            const std::uint64_t seed = 101 + photos.size();
            // Every third photo carries its patient's name, as a caption would.
            const QString comment =
                n % 3 == 0 ? QStringLiteral("Patient %1, left forearm").arg(Patients[p])
                           : QString();
            const crypto::Bytes bytes = photo(seed, comment);
            photos.push_back(library.importPhoto(patients[p].id, bytes, clock.now.addSecs(-3600)));
            ownerOf.push_back(p);
            addJpegRuns(needles, QStringLiteral("photo %1").arg(photos.size()), bytesOf(bytes));
        }
    }
    REQUIRE(photos.size() == 20);
    std::vector<domain::Story> stories;
    for (int p = 0; p < 3; ++p)
        stories.push_back(
            library.addStory(patients[p].id, QStringLiteral("Case %1").arg(p + 1), Stories[p])
                .first);

    // A redacted copy of an identifiable photo, and an original marked for de-identified
    // use only with the copy that hides its marks.
    const domain::NormRect face{1250, 1250, 2500, 2500};
    const auto redactedFirst =
        library.deriveRedacted(photos[0].id, {{face, domain::RedactionKind::Blur}});
    library.markIdentifyingRegions(photos[19].id, {face});
    const auto redactedLast =
        library.deriveRedacted(photos[19].id, {{face, domain::RedactionKind::Solid}});

    // Ten consents: every photo covered, the stories with the first of each patient's.
    const auto consentFor = [&](int patient, const QStringList &items) {
        return cc::test::patientSignedRequest(patients[std::size_t(patient)].id, items,
                                              Patients[patient], clock.now,
                                              11 + std::uint64_t(items.size()));
    };
    const auto ids = [&](std::initializer_list<int> indexes) {
        QStringList list;
        for (const int i : indexes)
            list.append(photos[std::size_t(i)].id);
        return list;
    };
    std::vector<domain::SealedConsent> consents;
    consents.push_back(
        core->consents().seal(consentFor(0, ids({0, 1}) << stories[0].id))); // revoked later
    consents.push_back(core->consents().seal(consentFor(0, ids({2, 3}))));
    consents.push_back(core->consents().seal(consentFor(0, ids({4, 5}))));
    consents.push_back(core->consents().seal(consentFor(0, ids({6, 7}))));
    {
        ConsentRequest witnessed = consentFor(1, ids({8, 9}) << stories[1].id);
        witnessed.witness =
            domain::Witness{Witness, domain::syntheticSignature(29), clock.now.addSecs(-90)};
        consents.push_back(core->consents().seal(witnessed));
    }
    {
        ConsentRequest spanish = consentFor(1, ids({10, 11}));
        spanish.language = QStringLiteral("es");
        consents.push_back(core->consents().seal(spanish));
    }
    consents.push_back(core->consents().seal(consentFor(1, ids({12, 13, 14}))));
    consents.push_back(core->consents().seal(consentFor(2, ids({15, 16}) << stories[2].id)));
    consents.push_back(core->consents().seal(consentFor(2, ids({17, 18}))));
    {
        ConsentRequest deidentified = consentFor(2, ids({19}));
        deidentified.identifiable = false;
        consents.push_back(core->consents().seal(deidentified));
    }
    REQUIRE(consents.size() == 10);
    // Edited after signing: the new version is covered by no consent.
    (void)library.editStory(stories[2].id, StoryEdit);

    // Posts: three shared, one left as a draft.
    auto &posts = core->posts();
    const auto share = [&](const QStringList &items, const domain::GateTarget &target) {
        const auto draft = posts.createDraft(PostText, target);
        for (const QString &item : items)
            posts.attach(draft.id, item);
        return posts.share(draft.id);
    };
    const auto revokedPost =
        share({photos[0].id, redactedFirst.id, stories[0].id}, InstagramEducation);
    const auto websitePost = share({photos[8].id, stories[1].id}, WebsiteEducation);
    posts.setUrl(websitePost.id, QStringLiteral("https://clinic.example/cases/2"));
    (void)share({redactedLast.id}, InstagramEducation);
    const auto openDraft = posts.createDraft(PostText, InstagramEducation);
    posts.attach(openDraft.id, photos[15].id);

    // Exports into the folder (as the desktop share sheet does), and one kept in memory.
    auto &exports = core->exports();
    QStringList exported;
    for (const QString &item :
         {photos[8].id, photos[15].id, redactedLast.id, redactedFirst.id, stories[1].id})
        exported.append(
            QFileInfo(exports.exportToFolder(item, InstagramEducation, exportDir)).fileName());
    {
        const ExportedFile inMemory = exports.exportItem(photos[2].id, WebsiteEducation);
        addJpegRuns(needles, QStringLiteral("photo 3, exported"),
                    bytesOf(crypto::view(inMemory.bytes)));
    }
    // What the library shows: every original and thumbnail, decrypted into memory.
    for (std::size_t i = 0; i < photos.size(); ++i) {
        const auto thumbnail = library.thumbnailBytes(photos[i].id);
        addJpegRuns(needles, QStringLiteral("thumbnail %1").arg(i + 1),
                    bytesOf(crypto::view(thumbnail)));
        (void)library.photoBytes(photos[i].id);
    }
    for (const auto &copy : {redactedFirst, redactedLast}) {
        addJpegRuns(needles, QStringLiteral("redacted copy %1").arg(copy.id),
                    bytesOf(crypto::view(library.photoBytes(copy.id))));
        addJpegRuns(needles, QStringLiteral("redacted thumbnail %1").arg(copy.id),
                    bytesOf(crypto::view(library.thumbnailBytes(copy.id))));
    }

    // The first patient revokes by letter, photographed (the letter names the patient).
    clock.advanceDays(2);
    const crypto::Bytes letterBytes =
        photo(7, QStringLiteral("I, %1, withdraw my consent").arg(Patients[0]));
    addJpegRuns(needles, QStringLiteral("revocation letter"), bytesOf(letterBytes));
    const auto letter = library.importPhoto(patients[0].id, letterBytes, clock.now.addSecs(-300),
                                            domain::PhotoRole::RevocationEvidence);
    const auto impact = core->revocations().revoke({consents[0].id,
                                                    clock.now.addSecs(-600),
                                                    QStringLiteral("written_letter"),
                                                    RevocationNote,
                                                    letter.id,
                                                    {}});
    CHECK(impact.postsNeedingTakedown == QStringList{revokedPost.id});
    try {
        (void)exports.exportToFolder(photos[0].id, InstagramEducation, exportDir);
        FAIL("a revoked photo was exported");
    } catch (const ShareRefused &) {
    }
    const crypto::Bytes screenshot = photo(8);
    addJpegRuns(needles, QStringLiteral("takedown screenshot"), bytesOf(screenshot));
    const auto evidence = library.importPhoto(patients[0].id, screenshot, clock.now,
                                              domain::PhotoRole::TakedownEvidence);
    clock.advanceSeconds(600);
    core->revocations().markRemoved(revokedPost.id, clock.now.addSecs(-60), evidence.id,
                                    QStringLiteral("Removed from the clinic's account."));
    CHECK(core->audit().verify().ok);

    // --- What to look for ----------------------------------------------------------------
    // The names: no exported file may hold one either (an exported photo is a JPEG, so
    // the JPEG runs are not looked for there).
    for (int p = 0; p < 3; ++p) {
        addName(exportNeedles, QStringLiteral("patient name %1").arg(p + 1), Patients[p]);
        addName(exportNeedles, QStringLiteral("surname %1").arg(p + 1), Surnames[p]);
    }
    addName(exportNeedles, QStringLiteral("record number"), Mrn);
    addName(exportNeedles, QStringLiteral("witness"), Witness);
    needles.insert(needles.end(), exportNeedles.begin(), exportNeedles.end());
    for (int s = 0; s < 3; ++s)
        addText(needles, QStringLiteral("story %1").arg(s + 1), Stories[s]);
    addText(needles, QStringLiteral("edited story"), StoryEdit);
    addText(needles, QStringLiteral("post text"), PostText);
    addText(needles, QStringLiteral("revocation note"), RevocationNote);
    addText(needles, QStringLiteral("passphrase"), Passphrase);
    {
        const crypto::SecretBytes masterKey = vault.masterKey();
        const crypto::SecretBytes dbKey = crypto::deriveKey(crypto::view(masterKey), "db");
        const crypto::SecretBytes wrapKey =
            crypto::deriveKey(crypto::view(masterKey), "media-wrap");
        for (const auto &[what, key] :
             {std::pair{"master key", &masterKey}, std::pair{"database key", &dbKey},
              std::pair{"media wrap key", &wrapKey}}) {
            const QByteArray raw = bytesOf(crypto::view(*key));
            needles.push_back({QString::fromLatin1(what), raw});
            needles.push_back({QString::fromLatin1(what) + QStringLiteral(" (hex)"), raw.toHex()});
            needles.push_back(
                {QString::fromLatin1(what) + QStringLiteral(" (HEX)"), raw.toHex().toUpper()});
        }
    }

    // --- The scans -------------------------------------------------------------------------
    const auto sweep = [&](const char *when) {
        INFO("vault " << when);
        const Tally inVault = tally(vaultDir);
        const Tally inTemp = tally(tempDir);
        const Tally inLogs = tally(logDir);
        std::printf("leakage sweep, vault %s: %d needles; vault %d files (%lld bytes), temporary "
                    "directory %d files, logs %d files (%lld bytes, %d Qt messages)\n",
                    when, int(needles.size()), inVault.files, (long long)inVault.bytes,
                    inTemp.files, inLogs.files, (long long)inLogs.bytes,
                    LogCapture::messageCount());
        std::printf("  vault: %s\n", qPrintable(filesUnder(vaultDir).join(QStringLiteral(", "))));
        CHECK(plaintextHits(vaultDir, needles) == QStringList{});
        CHECK(imageLookalikes(vaultDir) == QStringList{});
        CHECK(plaintextHits(tempDir, needles) == QStringList{});
        CHECK(imageLookalikes(tempDir) == QStringList{});
        CHECK(filesUnder(tempDir) == QStringList{}); // nothing is ever put there
        std::fflush(stderr);
        CHECK(plaintextHits(logDir, needles) == QStringList{});
        CHECK(imageLookalikes(logDir) == QStringList{});
    };

    // Unlocked: the database's -wal and -shm are there and are scanned too.
    REQUIRE(QFileInfo::exists(vault.databasePath() + QStringLiteral("-wal")));
    REQUIRE(QFileInfo::exists(vault.databasePath() + QStringLiteral("-shm")));
    const std::size_t photosOfFirst = core->library().photos(patients[0].id).size();
    sweep("unlocked");
    core.reset();
    vault.lock();
    sweep("locked");
    // A later unlock (which clears what a crash would have left) and lock change nothing.
    vault.unlock(Passphrase);
    core = std::make_unique<ConsentCore>(vault, codec, templates);
    CHECK(core->library().photos(patients[0].id).size() == photosOfFirst);
    core.reset();
    vault.lock();
    sweep("locked again");

    logs.reset();
    const QByteArray captured =
        services::test::readAll(logDir + QStringLiteral("/qt-messages.log")) +
        services::test::readAll(logDir + QStringLiteral("/stderr.log"));
    CHECK(captured.contains("leakage sweep: Qt messages are captured"));
    CHECK(captured.contains("leakage sweep: stderr is captured"));

    // The export folder holds exactly what was exported, none with a name or metadata.
    exported.sort();
    CHECK(namesIn(exportDir) == exported);
    CHECK(plaintextHits(exportDir, exportNeedles) == QStringList{});
    for (const QString &name : exported) {
        const QByteArray content = services::test::readAll(exportDir + QLatin1Char('/') + name);
        INFO(name.toStdString());
        if (name.endsWith(QLatin1String(".txt"))) {
            CHECK(content == Stories[1].toUtf8());
        } else {
            CHECK(content.startsWith("\xff\xd8\xff"));
            CHECK_FALSE(content.contains("Exif"));
            CHECK_FALSE(content.contains("Patient"));
        }
    }

    qputenv("TMPDIR", oldTmp);
    qputenv("SQLITE_TMPDIR", oldSqliteTmp);
    if (oldTmp.isNull())
        qunsetenv("TMPDIR");
    if (oldSqliteTmp.isNull())
        qunsetenv("SQLITE_TMPDIR");
}
