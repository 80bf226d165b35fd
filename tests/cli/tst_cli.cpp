// consentcam-cli run as a process, the way a privacy officer or a script runs it.

#include "consentrequest.h"
#include "exiv2tool.h"
#include "imaging/qimagecodec.h"
#include "services/consentcore.h"
#include "services/templates.h"
#include "services/vault.h"
#include "storage/fileops.h"

#include <catch2/catch_test_macros.hpp>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageWriter>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>

namespace {

const QByteArray Passcode = "480913\n";

struct Result {
    int exitCode = -1;
    QByteArray out;
    QString err;
    [[nodiscard]] QJsonObject object() const { return QJsonDocument::fromJson(out).object(); }
    [[nodiscard]] QJsonArray array() const { return QJsonDocument::fromJson(out).array(); }
};

Result cli(const QStringList &arguments, const QByteArray &input = {}) {
    QProcess process;
    process.start(QStringLiteral(CONSENTCAM_CLI), arguments);
    REQUIRE(process.waitForStarted());
    process.write(input);
    process.closeWriteChannel();
    REQUIRE(process.waitForFinished(120'000));
    REQUIRE(process.exitStatus() == QProcess::NormalExit);
    return {process.exitCode(), process.readAllStandardOutput(),
            QString::fromUtf8(process.readAllStandardError())};
}

// A vault made and seeded through the CLI once, copied for each test that damages it.
class SeededVault {
public:
    SeededVault() {
        m_dir = m_tmp.path() + QStringLiteral("/vault");
        const auto init = cli({QStringLiteral("--vault"), m_dir, QStringLiteral("init"),
                               QStringLiteral("--passcode-stdin")},
                              Passcode);
        REQUIRE(init.exitCode == 0);
        const auto seeded =
            cli({QStringLiteral("--vault"), m_dir, QStringLiteral("--passcode-stdin"),
                 QStringLiteral("seed-demo"), QStringLiteral("--patients"), QStringLiteral("4")},
                Passcode);
        REQUIRE(seeded.exitCode == 0);
    }
    [[nodiscard]] QString dir() const { return m_dir; }
    Result run(const QStringList &arguments, const QByteArray &input = Passcode) const {
        return cli(
            QStringList{QStringLiteral("--vault"), m_dir, QStringLiteral("--passcode-stdin")} +
                arguments,
            input);
    }

private:
    QTemporaryDir m_tmp;
    QString m_dir;
};

QMap<QString, QByteArray> snapshot(const QString &dir) {
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (it.fileName() != QLatin1String("vault.attempts") && file.open(QIODevice::ReadOnly))
            files.insert(path,
                         QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256));
    }
    return files;
}

void flipByte(const QString &path, qint64 offset) {
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadWrite));
    REQUIRE(file.seek(offset));
    char byte = 0;
    REQUIRE(file.getChar(&byte));
    REQUIRE(file.seek(offset));
    REQUIRE(file.putChar(char(byte ^ 0x10)));
}

bool reportNames(const QJsonObject &report, const QString &object, const QString &id) {
    const auto problems = report.value(QStringLiteral("problems")).toArray();
    return std::any_of(problems.begin(), problems.end(), [&](const QJsonValue &p) {
        return p[QStringLiteral("object")].toString() == object &&
               p[QStringLiteral("id")].toString() == id;
    });
}

// Image plugins and the in-process vault below need an application object.
QCoreApplication &app() {
    static int argc = 1;
    static char name[] = "cli_test";
    static char *argv[] = {name, nullptr};
    static QCoreApplication instance(argc, argv);
    return instance;
}

// The first patient of the seeded vault's consents.
QString seededPatient(const SeededVault &vault) {
    const auto list = vault.run({QStringLiteral("consents"), QStringLiteral("list")});
    REQUIRE(list.exitCode == 0);
    REQUIRE_FALSE(list.array().isEmpty());
    const QString id = list.array().first().toObject().value(QStringLiteral("patient")).toString();
    REQUIRE(id.startsWith(QStringLiteral("pat_")));
    return id;
}

// A camera photo in dir, written by Qt, with GPS, EXIF, IPTC and XMP tags added by exiv2.
QString taggedPhoto(const QTemporaryDir &dir, const QString &name, const char *format = "jpeg") {
    (void)app();
    QImage image(640, 480, QImage::Format_RGB32);
    image.fill(qRgb(200, 40, 40));
    for (int y = 0; y < 240; ++y)
        for (int x = 320; x < 640; ++x)
            image.setPixel(x, y, qRgb(40, 60, 200));
    const QString path = dir.filePath(name);
    {
        QImageWriter writer(path, format);
        REQUIRE(writer.write(image));
    }
    cc::test::exiv2Modify(path, cc::test::IdentifyingTags);
    return path;
}

QByteArray fileBytes(const QString &path) {
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

// Seals a consent for the patient's items (instagram and website, public, education,
// identifiable, half a year) in the vault directory, through the core the CLI runs: the
// CLI records no consents, which take the patient's own signature.
QString sealConsent(const QString &directory, const QString &patientId,
                    const QStringList &itemIds) {
    (void)app();
    cc::storage::PosixFileOps files;
    cc::services::Vault vault(directory, files);
    vault.unlock(QString::fromLatin1(Passcode.trimmed()));
    cc::imaging::QImageCodec codec;
    const auto templates = cc::services::loadBuiltInTemplates();
    QString id;
    {
        cc::services::ConsentCore core(vault, codec, templates);
        const auto patient = core.library().patient(patientId);
        REQUIRE(patient);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto request =
            cc::test::patientSignedRequest(patientId, itemIds, patient->displayName, now, 5);
        request.expiry = {cc::domain::Expiry::Kind::Date, now.date().addDays(180), {}};
        id = core.consents().seal(request).id;
    }
    vault.lock();
    return id;
}

QStringList exportArguments(const QString &item, const QString &platform, const QString &out) {
    return {QStringLiteral("export"),
            QStringLiteral("--item"),
            item,
            QStringLiteral("--platform"),
            platform,
            QStringLiteral("--audience"),
            QStringLiteral("public"),
            QStringLiteral("--purpose"),
            QStringLiteral("education"),
            QStringLiteral("--out"),
            out};
}

} // namespace

TEST_CASE("--help documents every command, option and exit code") {
    const auto help = cli({QStringLiteral("--help")});
    CHECK(help.exitCode == 0);
    const QString text = QString::fromUtf8(help.out);
    for (const char *word : {"init",          "seed-demo",
                             "seed-scale",    "verify",
                             "consents list", "gate",
                             "--item",        "--platform",
                             "--audience",    "--purpose",
                             "audit export",  "audit verify",
                             "verify-export", "--passcode-stdin",
                             "--vault",       "check-text",
                             "--patient",     "import-photo",
                             "export",        "--out",
                             "Exit codes",    "  0 ",
                             "  1 ",          "  2 "})
        CHECK(text.contains(QLatin1StringView(word)));
}

TEST_CASE("Usage errors exit 2 with a plain message on standard error") {
    QTemporaryDir tmp;
    const QString dir = tmp.path();
    const auto missing = cli({});
    CHECK(missing.exitCode == 2);
    CHECK(missing.err.contains(QStringLiteral("no command")));
    CHECK(cli({QStringLiteral("frobnicate")}).exitCode == 2);
    CHECK(cli({QStringLiteral("--vault"), dir, QStringLiteral("verify"), QStringLiteral("--bogus")})
              .exitCode == 2);
    const auto noPasscode = cli({QStringLiteral("--vault"), dir, QStringLiteral("verify")});
    CHECK(noPasscode.exitCode == 2);
    CHECK(noPasscode.err.contains(QStringLiteral("--passcode-stdin")));
    const auto noVault = cli({QStringLiteral("--vault"), dir, QStringLiteral("--passcode-stdin"),
                              QStringLiteral("verify")},
                             Passcode);
    CHECK(noVault.exitCode == 2);
    CHECK(noVault.err.contains(QStringLiteral("no vault")));
    const auto gateWithout =
        cli({QStringLiteral("--vault"), dir, QStringLiteral("--passcode-stdin"),
             QStringLiteral("gate"), QStringLiteral("--item"), QStringLiteral("pho_x")},
            Passcode);
    CHECK(gateWithout.exitCode == 2);
    CHECK(gateWithout.err.contains(QStringLiteral("--platform")));
    const auto weak = cli({QStringLiteral("--vault"), dir + QStringLiteral("/v"),
                           QStringLiteral("init"), QStringLiteral("--passcode-stdin")},
                          "123456\n");
    CHECK(weak.exitCode == 2);
    CHECK(weak.err.contains(QStringLiteral("too weak")));
}

TEST_CASE("init, seed-demo and verify: a seeded vault verifies clean") {
    SeededVault vault;
    const auto again = cli({QStringLiteral("--vault"), vault.dir(), QStringLiteral("init"),
                            QStringLiteral("--passcode-stdin")},
                           Passcode);
    CHECK(again.exitCode == 2);
    CHECK(again.err.contains(QStringLiteral("already holds a vault")));

    const auto verify = vault.run({QStringLiteral("verify")});
    CHECK(verify.exitCode == 0);
    const QJsonObject report = verify.object();
    CHECK(report.value(QStringLiteral("ok")).toBool());
    CHECK(report.value(QStringLiteral("problems")).toArray().isEmpty());
    const QJsonObject checked = report.value(QStringLiteral("checked")).toObject();
    CHECK(checked.value(QStringLiteral("consents")).toInt() >= 3);
    CHECK(checked.value(QStringLiteral("mediaBlobs")).toInt() >= 16);
    CHECK(checked.value(QStringLiteral("auditEntries")).toInt() > 20);

    const auto wrong = vault.run({QStringLiteral("verify")}, "000000\n");
    CHECK(wrong.exitCode == 2);
    CHECK(wrong.err.contains(QStringLiteral("wrong passcode")));
}

TEST_CASE("seed-scale fills a new vault with a synthetic practice that verifies clean") {
    QTemporaryDir tmp;
    const QString dir = tmp.path() + QStringLiteral("/vault");
    const auto run = [&](const QStringList &arguments) {
        return cli(QStringList{QStringLiteral("--vault"), dir, QStringLiteral("--passcode-stdin")} +
                       arguments,
                   Passcode);
    };
    REQUIRE(run({QStringLiteral("init")}).exitCode == 0);
    const auto seeded =
        run({QStringLiteral("seed-scale"), QStringLiteral("--photos"), QStringLiteral("450"),
             QStringLiteral("--consents"), QStringLiteral("210"), QStringLiteral("--posts"),
             QStringLiteral("25")});
    REQUIRE(seeded.exitCode == 0);
    const QJsonObject summary = seeded.object();
    CHECK(summary.value(QStringLiteral("patients")).toInt() == 210);
    CHECK(summary.value(QStringLiteral("photos")).toInt() == 450);
    CHECK(summary.value(QStringLiteral("consents")).toInt() == 210);
    CHECK(summary.value(QStringLiteral("posts")).toInt() == 25);
    CHECK(summary.value(QStringLiteral("batches")).toInt() == 2); // 200 patients a batch

    const auto verify = run({QStringLiteral("verify")});
    CHECK(verify.exitCode == 0);
    const QJsonObject checked = verify.object().value(QStringLiteral("checked")).toObject();
    CHECK(checked.value(QStringLiteral("consents")).toInt() == 210);
    CHECK(checked.value(QStringLiteral("mediaBlobs")).toInt() >= 450);

    const auto again =
        run({QStringLiteral("seed-scale"), QStringLiteral("--photos"), QStringLiteral("10"),
             QStringLiteral("--consents"), QStringLiteral("1")});
    CHECK(again.exitCode != 0);
    CHECK(again.err.contains(QStringLiteral("needs an empty vault")));
    const auto unchanged = run({QStringLiteral("verify")});
    CHECK(unchanged.object()
              .value(QStringLiteral("checked"))
              .toObject()
              .value(QStringLiteral("consents"))
              .toInt() == 210);

    const auto tooFew =
        run({QStringLiteral("seed-scale"), QStringLiteral("--photos"), QStringLiteral("3"),
             QStringLiteral("--consents"), QStringLiteral("5")});
    CHECK(tooFew.exitCode != 0);
    CHECK(tooFew.err.contains(QStringLiteral("at least as many photos")));
    const auto notANumber =
        run({QStringLiteral("seed-scale"), QStringLiteral("--photos"), QStringLiteral("many")});
    CHECK(notANumber.exitCode == 2);
    CHECK(notANumber.err.contains(QStringLiteral("--photos must be a number")));
}

TEST_CASE("Reading commands change nothing in the vault") {
    SeededVault vault;
    const auto before = snapshot(vault.dir());
    CHECK(vault.run({QStringLiteral("verify")}).exitCode == 0);
    CHECK(vault.run({QStringLiteral("consents"), QStringLiteral("list")}).exitCode == 0);
    CHECK(vault.run({QStringLiteral("audit"), QStringLiteral("export")}).exitCode == 0);
    CHECK(vault.run({QStringLiteral("audit"), QStringLiteral("verify")}).exitCode == 0);
    CHECK(snapshot(vault.dir()) == before);
}

TEST_CASE("consents list and gate answer in JSON, and the gate's exit code says allowed or not") {
    SeededVault vault;
    const auto list = vault.run({QStringLiteral("consents"), QStringLiteral("list")});
    REQUIRE(list.exitCode == 0);
    const QJsonArray consents = list.array();
    REQUIRE(consents.size() >= 3);
    QJsonObject valid;
    QJsonObject revoked;
    for (const QJsonValue &value : consents) {
        const QJsonObject consent = value.toObject();
        CHECK(consent.value(QStringLiteral("id")).toString().startsWith(QStringLiteral("con_")));
        CHECK(consent.value(QStringLiteral("recordSha256")).toString().size() == 64);
        const QString status = consent.value(QStringLiteral("status")).toString();
        if (status == QLatin1String("valid") &&
            consent.value(QStringLiteral("identifiable")).toBool())
            valid = consent;
        if (status == QLatin1String("revoked"))
            revoked = consent;
    }
    REQUIRE_FALSE(valid.isEmpty());
    REQUIRE_FALSE(revoked.isEmpty());

    const auto gate = [&](const QJsonObject &consent, const QString &platform) {
        const QString item = consent.value(QStringLiteral("items"))
                                 .toArray()
                                 .first()[QStringLiteral("id")]
                                 .toString();
        return vault.run({QStringLiteral("gate"), QStringLiteral("--item"), item,
                          QStringLiteral("--platform"), platform, QStringLiteral("--audience"),
                          consent.value(QStringLiteral("audiences")).toArray().first().toString(),
                          QStringLiteral("--purpose"),
                          consent.value(QStringLiteral("purposes")).toArray().first().toString()});
    };
    const QString platform = valid.value(QStringLiteral("platforms")).toArray().first().toString();
    const auto allowed = gate(valid, platform);
    CHECK(allowed.exitCode == 0);
    CHECK(allowed.object().value(QStringLiteral("allowed")).toBool());
    CHECK(allowed.object().value(QStringLiteral("reasons")).toArray().isEmpty());

    const auto refused =
        gate(revoked, revoked.value(QStringLiteral("platforms")).toArray().first().toString());
    CHECK(refused.exitCode == 1);
    CHECK_FALSE(refused.object().value(QStringLiteral("allowed")).toBool());
    const auto reasons = refused.object().value(QStringLiteral("reasons")).toArray();
    REQUIRE_FALSE(reasons.isEmpty());
    CHECK(reasons.first()[QStringLiteral("code")].toString() == QStringLiteral("consent_revoked"));
    CHECK(reasons.first()[QStringLiteral("consent")].toString() ==
          revoked.value(QStringLiteral("id")).toString());

    const auto unknown = vault.run({QStringLiteral("gate"), QStringLiteral("--item"),
                                    QStringLiteral("pho_00000000000000000000000000000000"),
                                    QStringLiteral("--platform"), QStringLiteral("instagram"),
                                    QStringLiteral("--audience"), QStringLiteral("public"),
                                    QStringLiteral("--purpose"), QStringLiteral("education")});
    CHECK(unknown.exitCode == 1);
    CHECK(unknown.object()[QStringLiteral("reasons")]
              .toArray()
              .first()[QStringLiteral("code")]
              .toString() == QStringLiteral("item_not_found"));
}

TEST_CASE("The audit log exports as JSON lines that verify off the device, and a change is found") {
    SeededVault vault;
    const auto exported = vault.run({QStringLiteral("audit"), QStringLiteral("export")});
    REQUIRE(exported.exitCode == 0);
    const QList<QByteArray> lines = exported.out.trimmed().split('\n');
    REQUIRE(lines.size() > 20);
    for (const QByteArray &line : lines)
        CHECK_FALSE(QJsonDocument::fromJson(line).isNull());
    CHECK(QJsonDocument::fromJson(lines.first()).object()[QStringLiteral("format")].toString() ==
          QStringLiteral("consentcam/audit-export/v1"));

    QTemporaryDir tmp;
    const QString file = tmp.filePath(QStringLiteral("audit.jsonl"));
    const auto write = [&](const QByteArray &bytes) {
        QFile out(file);
        REQUIRE(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(bytes);
    };
    write(exported.out);
    const auto clean = cli({QStringLiteral("audit"), QStringLiteral("verify-export"), file});
    CHECK(clean.exitCode == 0);
    CHECK(clean.object()[QStringLiteral("ok")].toBool());

    QByteArray changed = exported.out;
    changed.replace("\"kind\":\"patient.added\"", "\"kind\":\"patient.adder\"");
    write(changed);
    const auto tampered = cli({QStringLiteral("audit"), QStringLiteral("verify-export"), file});
    CHECK(tampered.exitCode == 1);
    CHECK(tampered.object()[QStringLiteral("firstBadEntry")].toInt() >= 1);

    const auto inVault = vault.run({QStringLiteral("audit"), QStringLiteral("verify")});
    CHECK(inVault.exitCode == 0);
    CHECK(inVault.object()[QStringLiteral("ok")].toBool());
}

TEST_CASE("verify exits 1 and names the damaged media file or database page") {
    const SeededVault vault;
    // Each kind of damage to its own copy of the seeded vault.
    const auto damagedCopy = [&](const QString &file, qint64 offset) {
        auto copy = std::make_unique<QTemporaryDir>();
        const QString dir = copy->path() + QStringLiteral("/vault");
        QDirIterator it(vault.dir(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QString target = dir + path.mid(vault.dir().size());
            QDir().mkpath(QFileInfo(target).path());
            REQUIRE(QFile::copy(path, target));
        }
        flipByte(dir + QLatin1Char('/') + file, offset);
        return std::pair{std::move(copy), dir};
    };
    const auto verify = [](const QString &dir) {
        return cli({QStringLiteral("--vault"), dir, QStringLiteral("--passcode-stdin"),
                    QStringLiteral("verify")},
                   Passcode);
    };

    const QString blob =
        QDir(vault.dir() + QStringLiteral("/media")).entryList(QDir::Files).first();
    {
        const auto [copy, dir] = damagedCopy(QStringLiteral("media/") + blob, 777);
        const auto result = verify(dir);
        CHECK(result.exitCode == 1);
        CHECK(reportNames(result.object(), QStringLiteral("media"), blob));
        CHECK(result.err.isEmpty());
    }
    for (const int page : {1, 2, 7, 20}) {
        CAPTURE(page);
        const auto [copy, dir] =
            damagedCopy(QStringLiteral("vault.db"), qint64(page - 1) * 4096 + 1500);
        const auto result = verify(dir);
        CHECK(result.exitCode == 1);
        CHECK(reportNames(result.object(), QStringLiteral("database"), QString::number(page)));
        CHECK(result.err.isEmpty()); // SQLCipher's own log stays quiet
    }
}

TEST_CASE("check-text prints the pre-post findings as JSON, and exits 1 when one blocks") {
    SeededVault vault;
    const auto list = vault.run({QStringLiteral("consents"), QStringLiteral("list")});
    REQUIRE(list.exitCode == 0);
    REQUIRE_FALSE(list.array().isEmpty());
    const QString id = list.array().first().toObject().value(QStringLiteral("patient")).toString();
    REQUIRE(id.startsWith(QStringLiteral("pat_")));

    // Every demo patient is called "… Example (demo)".
    const QString text =
        QStringLiteral("Ms. Example was seen on March 5, 2024; call 555-123-4567.");
    const auto found = vault.run({QStringLiteral("check-text"), QStringLiteral("--patient"), id},
                                 Passcode + text.toUtf8());
    CHECK(found.exitCode == 1);
    QStringList kinds;
    for (const QJsonValue &value : found.array()) {
        const QJsonObject finding = value.toObject();
        kinds << finding.value(QStringLiteral("kind")).toString();
        CHECK_FALSE(finding.value(QStringLiteral("message")).toString().isEmpty());
        if (finding.value(QStringLiteral("check")).toString() != QStringLiteral("phi"))
            continue;
        CHECK(finding.value(QStringLiteral("severity")).toString() == QStringLiteral("blocking"));
        const QJsonArray span = finding.value(QStringLiteral("span")).toArray();
        REQUIRE(span.size() == 2);
        CHECK(span[0].toInt() < span[1].toInt());
        CHECK(span[1].toInt() <= text.size());
    }
    CHECK(kinds == QStringList{QStringLiteral("name"), QStringLiteral("date"),
                               QStringLiteral("phone"), QStringLiteral("education_line")});

    // A health claim without a source only warns: exit 0, with a suggestion.
    const auto claim = vault.run({QStringLiteral("check-text"), QStringLiteral("--patient"), id},
                                 Passcode + "This cream cures eczema. General education, not "
                                            "medical advice.");
    CHECK(claim.exitCode == 0);
    REQUIRE(claim.array().size() == 1);
    const QJsonObject warning = claim.array().first().toObject();
    CHECK(warning.value(QStringLiteral("kind")).toString() ==
          QStringLiteral("health_claim_source"));
    CHECK(warning.value(QStringLiteral("severity")).toString() == QStringLiteral("warning"));
    CHECK(warning.value(QStringLiteral("suggestion"))
              .toString()
              .contains(QStringLiteral("https://")));

    const auto clean = vault.run({QStringLiteral("check-text"), QStringLiteral("--patient"), id},
                                 Passcode + "General education, not medical advice.");
    CHECK(clean.exitCode == 0);
    CHECK(clean.array().isEmpty());

    const auto unknown = vault.run({QStringLiteral("check-text"), QStringLiteral("--patient"),
                                    QStringLiteral("pat_00000000000000000000000000000000")},
                                   Passcode + "text");
    CHECK(unknown.exitCode == 2);
    CHECK_FALSE(unknown.err.isEmpty());
}

TEST_CASE("import-photo stores a JPEG or PNG as a clinical photo, and says what it can't import") {
    SeededVault vault;
    QTemporaryDir files;
    const QString patient = seededPatient(vault);
    for (const auto &[name, format] : {std::pair{"camera.jpg", "jpeg"}, {"scan.png", "png"}}) {
        INFO(name);
        const QString path = taggedPhoto(files, QString::fromLatin1(name), format);
        const auto imported =
            vault.run({QStringLiteral("import-photo"), QStringLiteral("--patient"), patient, path});
        CHECK(imported.exitCode == 0);
        CHECK(imported.err.isEmpty());
        const QJsonObject photo = imported.object();
        CHECK(photo.value(QStringLiteral("id")).toString().startsWith(QStringLiteral("pho_")));
        CHECK(photo.value(QStringLiteral("sha256")).toString() ==
              QString::fromLatin1(
                  QCryptographicHash::hash(fileBytes(path), QCryptographicHash::Sha256).toHex()));
    }

    const auto missing = vault.run({QStringLiteral("import-photo"), QStringLiteral("--patient"),
                                    patient, files.filePath(QStringLiteral("nothing.jpg"))});
    CHECK(missing.exitCode == 2);
    CHECK(missing.err.contains(QStringLiteral("can't read")));
    const QString text = files.filePath(QStringLiteral("notes.jpg"));
    {
        QFile file(text);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("not a photo at all");
    }
    const auto notImage =
        vault.run({QStringLiteral("import-photo"), QStringLiteral("--patient"), patient, text});
    CHECK(notImage.exitCode == 2);
    CHECK(notImage.err.contains(QStringLiteral("not an image")));
    const auto unknown = vault.run({QStringLiteral("import-photo"), QStringLiteral("--patient"),
                                    QStringLiteral("pat_00000000000000000000000000000000"),
                                    files.filePath(QStringLiteral("camera.jpg"))});
    CHECK(unknown.exitCode == 2);
    CHECK(unknown.err.contains(QStringLiteral("no patient")));
    const auto noFile =
        vault.run({QStringLiteral("import-photo"), QStringLiteral("--patient"), patient});
    CHECK(noFile.exitCode == 2);
    CHECK(noFile.err.contains(QStringLiteral("FILE")));
    CHECK(vault.run({QStringLiteral("verify")}).exitCode == 0);
}

TEST_CASE("export writes what the gate allows, without metadata, and nothing it refuses") {
    SeededVault vault;
    QTemporaryDir files;
    QTemporaryDir out;
    const QString patient = seededPatient(vault);
    const QString input = taggedPhoto(files, QStringLiteral("camera.jpg"));
    const QString inputTags = cc::test::exiv2Tags(input);
    std::printf("exiv2 -pa, the file imported:\n%s\n", qPrintable(inputTags));
    for (const char *tag : {"Exif.GPSInfo.GPSLatitude", "Exif.Image.Artist",
                            "Iptc.Application2.Caption", "Xmp.dc.title"})
        REQUIRE(inputTags.contains(QLatin1StringView(tag)));
    const auto imported =
        vault.run({QStringLiteral("import-photo"), QStringLiteral("--patient"), patient, input});
    REQUIRE(imported.exitCode == 0);
    const QString photo = imported.object().value(QStringLiteral("id")).toString();
    const auto emptyOut = [&] {
        return QDir(out.path())
            .entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot)
            .isEmpty();
    };

    // No consent covers the new photo yet.
    const auto none = vault.run(exportArguments(photo, QStringLiteral("instagram"), out.path()));
    CHECK(none.exitCode == 1);
    CHECK_FALSE(none.object().value(QStringLiteral("allowed")).toBool(true));
    const QJsonArray reasons = none.object().value(QStringLiteral("reasons")).toArray();
    REQUIRE(reasons.size() == 1);
    CHECK(reasons.first()[QStringLiteral("code")].toString() == QStringLiteral("no_consent"));
    CHECK_FALSE(reasons.first()[QStringLiteral("message")].toString().isEmpty());
    CHECK(emptyOut());

    const QString consent = sealConsent(vault.dir(), patient, {photo});
    const auto tiktok = vault.run(exportArguments(photo, QStringLiteral("tiktok"), out.path()));
    CHECK(tiktok.exitCode == 1);
    const QJsonArray tiktokReasons = tiktok.object().value(QStringLiteral("reasons")).toArray();
    REQUIRE_FALSE(tiktokReasons.isEmpty());
    CHECK(tiktokReasons.first()[QStringLiteral("code")].toString() ==
          QStringLiteral("platform_not_covered"));
    CHECK(tiktokReasons.first()[QStringLiteral("consent")].toString() == consent);
    CHECK(emptyOut());

    const auto allowed = vault.run(exportArguments(photo, QStringLiteral("instagram"), out.path()));
    CHECK(allowed.exitCode == 0);
    CHECK(allowed.err.isEmpty());
    const QString path = allowed.object().value(QStringLiteral("path")).toString();
    CHECK(QFileInfo(path).dir() == QDir(out.path()));
    CHECK(QFileInfo(path).fileName() == QStringLiteral("photo-%1.jpg").arg(photo.mid(4, 8)));
    const QString outputTags = cc::test::exiv2Tags(path);
    std::printf("exiv2 -pa, the file exported (%s):\n%s\n", qPrintable(QFileInfo(path).fileName()),
                outputTags.isEmpty() ? "(no tags)" : qPrintable(outputTags));
    CHECK(outputTags.isEmpty());
    cc::test::requireNoMetadataMarkers(fileBytes(path));
    QImage image;
    REQUIRE(image.load(path, "jpeg"));
    CHECK(image.size() == QSize(640, 480));

    // Again: a second file beside the first, which stays as it was.
    const QByteArray first = fileBytes(path);
    const auto again = vault.run(exportArguments(photo, QStringLiteral("instagram"), out.path()));
    CHECK(again.exitCode == 0);
    CHECK(QFileInfo(again.object().value(QStringLiteral("path")).toString()).fileName() ==
          QStringLiteral("photo-%1 (2).jpg").arg(photo.mid(4, 8)));
    CHECK(fileBytes(path) == first);

    const auto noOut = vault.run({QStringLiteral("export"), QStringLiteral("--item"), photo,
                                  QStringLiteral("--platform"), QStringLiteral("instagram"),
                                  QStringLiteral("--audience"), QStringLiteral("public"),
                                  QStringLiteral("--purpose"), QStringLiteral("education")});
    CHECK(noOut.exitCode == 2);
    CHECK(noOut.err.contains(QStringLiteral("--out")));
    const auto missingFolder = vault.run(exportArguments(photo, QStringLiteral("instagram"),
                                                         out.filePath(QStringLiteral("missing"))));
    CHECK(missingFolder.exitCode == 2);
    CHECK(missingFolder.err.contains(QStringLiteral("does not exist")));

    // Both exports are in the signed log, and the vault still verifies.
    const auto log = vault.run({QStringLiteral("audit"), QStringLiteral("export")});
    REQUIRE(log.exitCode == 0);
    CHECK(log.out.count("\"kind\":\"media.exported\"") == 2);
    CHECK(vault.run({QStringLiteral("audit"), QStringLiteral("verify")}).exitCode == 0);
    CHECK(vault.run({QStringLiteral("verify")}).exitCode == 0);
}
