// The exporter: the gate decides, a refusal writes nothing, photos leave as fresh JPEGs
// without metadata (as exiv2 reads them), stories as exactly the consented text, every
// export is logged, and a folder's files are never overwritten.

#include "exiv2tool.h"
#include "services/serviceerror.h"
#include "servicetestsupport.h"
#include "storage/auditlog.h"

#include <catch2/catch_test_macros.hpp>

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QTemporaryDir>

#include <cstdio>
#include <functional>
#include <optional>
#include <sys/stat.h>

using namespace cc;
using namespace cc::services;
using services::test::CoreFixture;
using services::test::reasonCodes;

namespace {

const domain::GateTarget InstagramEducation{QStringLiteral("instagram"), QStringLiteral("public"),
                                            QStringLiteral("education")};

QByteArray toQByteArray(crypto::ByteView bytes) {
    return QByteArray(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size()));
}

// A JPEG that is red on its left half and blue on its right, with a white square in the
// top-left quarter, carrying the tags a phone and an editor would add (GPS, EXIF, IPTC,
// XMP), written by exiv2. Its exiv2 listing is printed.
crypto::Bytes taggedPhoto(const QTemporaryDir &dir, int width = 800, int height = 600) {
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(qRgb(200, 40, 40));
    QPainter painter(&image);
    painter.fillRect(width / 2, 0, width - width / 2, height, QColor(40, 60, 200));
    painter.fillRect(width / 8, height / 8, width / 4, height / 4, Qt::white);
    painter.end();
    const QString path = dir.filePath(QStringLiteral("camera.jpg"));
    {
        QImageWriter writer(path, "jpeg");
        REQUIRE(writer.write(image));
    }
    cc::test::exiv2Modify(path, cc::test::IdentifyingTags);
    const QString tags = cc::test::exiv2Tags(path);
    std::printf("exiv2 -pa, photo as imported:\n%s\n", qPrintable(tags));
    for (const char *tag : {"Exif.GPSInfo.GPSLatitude", "Exif.Image.Artist",
                            "Iptc.Application2.Caption", "Xmp.dc.title"})
        REQUIRE(tags.contains(QLatin1StringView(tag)));
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    return crypto::Bytes(bytes.cbegin(), bytes.cend());
}

domain::Photo importTagged(CoreFixture &f, const QString &patientId, const QTemporaryDir &dir) {
    return f.core().library().importPhoto(patientId, taggedPhoto(dir),
                                          f.clock().now.addSecs(-3600));
}

// exiv2's listing of an exported file (printed), which must be empty.
QString exportedTags(const QString &path) {
    const QString tags = cc::test::exiv2Tags(path);
    std::printf("exiv2 -pa, exported %s:\n%s\n", qPrintable(QFileInfo(path).fileName()),
                tags.isEmpty() ? "(no tags)" : qPrintable(tags));
    return tags;
}

QImage decoded(const crypto::SecretBytes &bytes) {
    QImage image;
    REQUIRE(image.loadFromData(toQByteArray(crypto::view(bytes)), "jpeg"));
    return image;
}

std::optional<ShareRefused> refusal(const std::function<void()> &action) {
    try {
        action();
    } catch (const ShareRefused &refused) {
        return refused;
    }
    return std::nullopt;
}

QStringList refusedCodes(const std::function<void()> &action) {
    const auto refused = refusal(action);
    REQUIRE(refused);
    CHECK(refused->kind() == ServiceError::Kind::Refused);
    REQUIRE(refused->blocked().size() == 1);
    CHECK_FALSE(refused->blocked().front().decision.allowed);
    return reasonCodes(refused->blocked().front().decision);
}

std::vector<storage::AuditLog::Row> exportRows(Vault &vault) {
    std::vector<storage::AuditLog::Row> rows;
    vault.audit().forEach({}, [&](const storage::AuditLog::Row &row) {
        if (row.kind == QLatin1String("media.exported"))
            rows.push_back(row);
    });
    return rows;
}

QStringList namesIn(const QTemporaryDir &dir) {
    return QDir(dir.path())
        .entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
}

QByteArray fileBytes(const QString &path) {
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

} // namespace

TEST_CASE("A refused export throws the gate's reasons and writes nothing") {
    CoreFixture f;
    QTemporaryDir in;
    QTemporaryDir out;
    const auto patient = f.addPatient();
    const auto photo = importTagged(f, patient.id, in);
    auto &exports = f.core().exports();

    CHECK(refusedCodes([&] { (void)exports.exportItem(photo.id, InstagramEducation); }) ==
          QStringList{QStringLiteral("no_consent")});
    CHECK(refusedCodes([&] {
              (void)exports.exportToFolder(photo.id, InstagramEducation, out.path());
          }) == QStringList{QStringLiteral("no_consent")});
    CHECK(namesIn(out).isEmpty());

    const auto consent = f.seal(patient.id, {photo.id});
    const domain::GateTarget tiktok{QStringLiteral("tiktok"), QStringLiteral("public"),
                                    QStringLiteral("education")};
    CHECK(refusedCodes([&] { (void)exports.exportToFolder(photo.id, tiktok, out.path()); }) ==
          QStringList{QStringLiteral("platform_not_covered")});
    CHECK(refusedCodes([&] {
              (void)exports.exportToFolder(QStringLiteral("pho_00000000000000000000000000000000"),
                                           InstagramEducation, out.path());
          }) == QStringList{QStringLiteral("item_not_found")});
    (void)f.core().revocations().revoke(
        {consent.id, f.clock().now, QStringLiteral("other"), QStringLiteral("by phone"), {}, {}});
    const auto revoked =
        refusal([&] { (void)exports.exportToFolder(photo.id, InstagramEducation, out.path()); });
    REQUIRE(revoked);
    REQUIRE(revoked->blocked().size() == 1);
    CHECK(revoked->blocked().front().itemId == photo.id);
    CHECK(reasonCodes(revoked->blocked().front().decision) ==
          QStringList{QStringLiteral("consent_revoked")});
    CHECK(revoked->blocked().front().decision.reasons.front().consentId == consent.id);
    CHECK(QString::fromUtf8(revoked->what()).contains(photo.id));
    CHECK(namesIn(out).isEmpty());
    CHECK(exportRows(f.vault()).empty());

    // Only a whole target is judged (an empty one would ask whether anything could allow it).
    for (const domain::GateTarget &partial :
         {domain::GateTarget{}, domain::GateTarget{QStringLiteral("instagram"), {}, {}}}) {
        try {
            (void)exports.exportItem(photo.id, partial);
            FAIL("an incomplete target was accepted");
        } catch (const ServiceError &error) {
            CHECK(error.kind() == ServiceError::Kind::Invalid);
        }
    }
    try {
        (void)exports.exportToFolder(photo.id, InstagramEducation,
                                     out.filePath(QStringLiteral("missing")));
        FAIL("a missing folder was accepted");
    } catch (const ServiceError &error) {
        CHECK(error.kind() == ServiceError::Kind::Invalid);
    }
    CHECK(namesIn(out).isEmpty());
}

TEST_CASE("An allowed photo leaves as a fresh JPEG without any metadata, and is logged") {
    CoreFixture f;
    QTemporaryDir in;
    QTemporaryDir out;
    const auto patient = f.addPatient();
    const auto photo = importTagged(f, patient.id, in);
    const auto consent = f.seal(patient.id, {photo.id});
    const auto checkpoints = f.vault().audit().checkpointCount();

    const ExportedFile file = f.core().exports().exportItem(photo.id, InstagramEducation);
    CHECK(file.itemId == photo.id);
    CHECK(file.fileName == QStringLiteral("photo-%1.jpg").arg(photo.id.mid(4, 8)));
    CHECK(file.mimeType == QStringLiteral("image/jpeg"));
    CHECK(file.sha256 ==
          QString::fromLatin1(QCryptographicHash::hash(toQByteArray(crypto::view(file.bytes)),
                                                       QCryptographicHash::Sha256)
                                  .toHex()));
    CHECK(file.sha256 != photo.sha256); // new bytes, not the original's
    const QImage image = decoded(file.bytes);
    CHECK(image.size() == QSize(800, 600));
    CHECK(qRed(image.pixel(20, 500)) > 150);
    CHECK(qBlue(image.pixel(780, 500)) > 150);

    const QString path =
        f.core().exports().exportToFolder(photo.id, InstagramEducation, out.path());
    CHECK(path == out.filePath(file.fileName));
    CHECK(exportedTags(path).isEmpty());
    cc::test::requireNoMetadataMarkers(fileBytes(path));
    struct stat st {};
    REQUIRE(::stat(QFile::encodeName(path).constData(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(namesIn(out) == QStringList{file.fileName});
    // The vault keeps the original exactly as it was imported.
    CHECK(toQByteArray(crypto::view(f.core().library().photoBytes(photo.id))).contains("Jane Roe"));

    const auto rows = exportRows(f.vault());
    REQUIRE(rows.size() == 2);
    for (const auto &row : rows) {
        CHECK(row.subject.patientId == patient.id);
        CHECK(row.subject.consentId == consent.id);
        for (const char *field : {"\"what\":\"photo\"", "\"platform\":\"instagram\"",
                                  "\"audience\":\"public\"", "\"purpose\":\"education\""})
            CHECK(row.entry.contains(field));
        CHECK(row.entry.contains(photo.id.toUtf8()));
        CHECK(row.entry.contains(photo.sha256.toUtf8()));
        CHECK(row.entry.contains(consent.id.toUtf8()));
        CHECK_FALSE(row.entry.contains("Ada"));
        CHECK_FALSE(row.entry.contains("Jane"));
    }
    CHECK(rows.front().entry.contains(file.sha256.toUtf8()));
    // Re-encoded deterministically: the file written is the bytes the entry names.
    CHECK(rows.back().entry.contains(
        QCryptographicHash::hash(fileBytes(path), QCryptographicHash::Sha256).toHex()));
    // Every export is followed by a signed checkpoint.
    CHECK(f.vault().audit().checkpointCount() == checkpoints + 2);
    CHECK(f.core().audit().verify().ok);
}

TEST_CASE("A redacted copy leaves with its redactions where only de-identified use is allowed") {
    CoreFixture f;
    QTemporaryDir in;
    QTemporaryDir out;
    const auto patient = f.addPatient();
    const auto photo = importTagged(f, patient.id, in);
    const domain::NormRect face{1250, 1250, 2500, 2500}; // the white square
    f.core().library().markIdentifyingRegions(photo.id, {face});
    (void)f.seal(patient.id, {photo.id}, [](ConsentRequest &r) { r.identifiable = false; });
    const auto redacted =
        f.core().library().deriveRedacted(photo.id, {{face, domain::RedactionKind::Solid}});
    auto &exports = f.core().exports();

    CHECK(refusedCodes([&] {
              (void)exports.exportToFolder(photo.id, InstagramEducation, out.path());
          }) == QStringList{QStringLiteral("deidentified_only")});
    CHECK(namesIn(out).isEmpty());

    const QString path = exports.exportToFolder(redacted.id, InstagramEducation, out.path());
    CHECK(QFileInfo(path).fileName() == QStringLiteral("photo-%1.jpg").arg(redacted.id.mid(4, 8)));
    CHECK(exportedTags(path).isEmpty());
    cc::test::requireNoMetadataMarkers(fileBytes(path));
    QImage image;
    REQUIRE(image.loadFromData(fileBytes(path), "jpeg"));
    REQUIRE(image.size() == QSize(800, 600));
    const QRgb hidden = image.pixel(200, 150); // the square's centre
    CHECK(qRed(hidden) + qGreen(hidden) + qBlue(hidden) < 90);
    CHECK(qRed(image.pixel(20, 500)) > 150);
    const auto rows = exportRows(f.vault());
    REQUIRE(rows.size() == 1);
    CHECK(rows.front().entry.contains(redacted.id.toUtf8()));
}

TEST_CASE("A large photo leaves at most 2048 pixels across") {
    CoreFixture f;
    QTemporaryDir in;
    const auto patient = f.addPatient();
    const auto photo = f.core().library().importPhoto(patient.id, taggedPhoto(in, 4000, 3000),
                                                      f.clock().now.addSecs(-60));
    (void)f.seal(patient.id, {photo.id});
    const auto file = f.core().exports().exportItem(photo.id, InstagramEducation);
    CHECK(decoded(file.bytes).size() == QSize(2048, 1536));
}

TEST_CASE("A story leaves as exactly the text of the version the consent covers") {
    CoreFixture f;
    QTemporaryDir out;
    const auto patient = f.addPatient();
    const QString text = QStringLiteral("Día 1: eritema anular.\nDay 14: cleared with treatment.");
    const auto [story, first] =
        f.core().library().addStory(patient.id, QStringLiteral("An annular rash"), text);
    auto &exports = f.core().exports();
    CHECK(refusedCodes([&] {
              (void)exports.exportToFolder(story.id, InstagramEducation, out.path());
          }) == QStringList{QStringLiteral("no_consent")});
    (void)f.seal(patient.id, {story.id});

    const ExportedFile file = exports.exportItem(story.id, InstagramEducation);
    CHECK(file.itemId == first.id);
    CHECK(file.fileName == QStringLiteral("story-%1.txt").arg(first.id.mid(4, 8)));
    CHECK(file.mimeType == QStringLiteral("text/plain; charset=utf-8"));
    CHECK(toQByteArray(crypto::view(file.bytes)) == text.toUtf8());
    CHECK(file.sha256 == first.sha256); // the hash the consent sealed

    (void)f.core().library().editStory(story.id, QStringLiteral("Edited after signing."));
    CHECK(refusedCodes([&] {
              (void)exports.exportToFolder(story.id, InstagramEducation, out.path());
          }) == QStringList{QStringLiteral("story_edited_after_signing")});
    CHECK(namesIn(out).isEmpty());
    const QString path = exports.exportToFolder(first.id, InstagramEducation, out.path());
    CHECK(fileBytes(path) == text.toUtf8());

    const auto rows = exportRows(f.vault());
    REQUIRE(rows.size() == 2);
    for (const auto &row : rows) {
        CHECK(row.entry.contains("\"what\":\"story\""));
        CHECK(row.entry.contains(first.id.toUtf8()));
        CHECK_FALSE(row.entry.contains("eritema"));
        CHECK_FALSE(row.entry.contains("annular"));
    }
}

TEST_CASE("Exporting into a folder never overwrites a file that is there") {
    CoreFixture f;
    QTemporaryDir out;
    const auto patient = f.addPatient();
    const auto photo = f.addPhoto(patient.id);
    (void)f.seal(patient.id, {photo.id});
    const QString name = QStringLiteral("photo-%1.jpg").arg(photo.id.mid(4, 8));
    {
        QFile existing(out.filePath(name));
        REQUIRE(existing.open(QIODevice::WriteOnly));
        existing.write("the user's own file");
    }
    auto &exports = f.core().exports();
    const QString second = exports.exportToFolder(photo.id, InstagramEducation, out.path());
    const QString third = exports.exportToFolder(photo.id, InstagramEducation, out.path());
    CHECK(QFileInfo(second).fileName() ==
          QStringLiteral("photo-%1 (2).jpg").arg(photo.id.mid(4, 8)));
    CHECK(QFileInfo(third).fileName() ==
          QStringLiteral("photo-%1 (3).jpg").arg(photo.id.mid(4, 8)));
    CHECK(fileBytes(out.filePath(name)) == "the user's own file");
    CHECK(fileBytes(second) == fileBytes(third));
    CHECK(namesIn(out).size() == 3);
}

TEST_CASE("A vault open for inspection exports nothing") {
    CoreFixture f;
    QTemporaryDir out;
    const auto patient = f.addPatient();
    const auto photo = f.addPhoto(patient.id);
    (void)f.seal(patient.id, {photo.id});
    f.close();
    auto vault = f.makeVault();
    const crypto::SecretBytes key = vault->unwrapMasterKey(services::test::Passcode);
    vault->openForInspection(crypto::view(key));
    ConsentCore core(*vault, f.codec(), f.templates());
    try {
        (void)core.exports().exportToFolder(photo.id, InstagramEducation, out.path());
        FAIL("a read-only vault exported");
    } catch (const ServiceError &error) {
        CHECK(error.kind() == ServiceError::Kind::ReadOnly);
    }
    CHECK(namesIn(out).isEmpty());
}
