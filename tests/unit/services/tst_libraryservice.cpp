// Patients, photos and stories: what is stored, that it is encrypted, and what is refused.

#include "crypto/hash.h"
#include "imaging/demophoto.h"
#include "plaintextscan.h"
#include "services/serviceerror.h"
#include "servicetestsupport.h"
#include "storage/auditlog.h"
#include "storage/database.h"
#include "storage/mediastore.h"

#include <catch2/catch_test_macros.hpp>

#include <QImage>

using namespace cc;
using namespace cc::services;
using cc::test::filesContaining;
using services::test::CoreFixture;

namespace {

ServiceError::Kind kindOf(const std::function<void()> &action) {
    try {
        action();
    } catch (const ServiceError &error) {
        return error.kind();
    }
    FAIL("expected a ServiceError");
    return ServiceError::Kind::Storage;
}

QString sha256Hex(crypto::ByteView bytes) {
    return QString::fromStdString(crypto::toHex(crypto::sha256(bytes)));
}

QStringList auditKinds(CoreFixture &f) {
    QStringList kinds;
    f.vault().audit().forEach({},
                              [&](const storage::AuditLog::Row &row) { kinds.append(row.kind); });
    return kinds;
}

} // namespace

TEST_CASE("A patient needs a display name; MRN and birth date are optional") {
    CoreFixture f;
    auto &library = f.core().library();
    const auto ada = library.addPatient(QStringLiteral("  Ada Example  "));
    CHECK(ada.displayName == QStringLiteral("Ada Example"));
    CHECK(ada.mrn.isEmpty());
    CHECK_FALSE(ada.birthDate.isValid());
    const auto bruno = library.addPatient(QStringLiteral("Bruno Sample"), QStringLiteral("MRN-42"),
                                          QDate(1980, 5, 1));
    CHECK(library.patient(bruno.id)->birthDate == QDate(1980, 5, 1));
    CHECK(kindOf([&] { library.addPatient(QStringLiteral("   ")); }) ==
          ServiceError::Kind::Invalid);
    CHECK(kindOf([&] { library.addPatient(QString(201, QLatin1Char('x'))); }) ==
          ServiceError::Kind::Invalid);

    CHECK(library.patients().size() == 2);
    CHECK(library.patients(QStringLiteral("sam")).front().id == bruno.id);
    CHECK(library.patients(QStringLiteral("mrn-4")).front().id == bruno.id);
    CHECK(auditKinds(f).count(QStringLiteral("patient.added")) == 2);
}

TEST_CASE(
    "An imported photo is hashed over its original bytes and stored encrypted with a thumbnail") {
    CoreFixture f;
    auto &library = f.core().library();
    const auto patient = f.addPatient();
    const auto bytes = imaging::demoPhoto(3, 1600, 1200);
    const auto photo = library.importPhoto(patient.id, bytes, f.clock().now);

    CHECK(photo.sha256 == sha256Hex(bytes));
    CHECK(photo.size == qint64(bytes.size()));
    CHECK(photo.width == 1600);
    CHECK(photo.height == 1200);
    CHECK(photo.format == QStringLiteral("jpeg"));
    const auto original = library.photoBytes(photo.id);
    CHECK(crypto::Bytes(original.begin(), original.end()) == bytes);

    const auto thumbnail = library.thumbnailBytes(photo.id);
    const QImage image = QImage::fromData(thumbnail.data(), int(thumbnail.size()));
    REQUIRE_FALSE(image.isNull());
    CHECK(std::max(image.width(), image.height()) == LibraryService::ThumbnailEdge);

    // Nothing in the vault directory is a JPEG or holds the patient's name in the clear.
    f.close();
    // The original's first bytes (its JPEG header) and a run from its middle: three bytes of
    // FF D8 FF alone turn up in random ciphertext about once every 16 MiB.
    const auto run = [&bytes](std::size_t at, std::size_t length) {
        return QByteArray(reinterpret_cast<const char *>(bytes.data()) + at, qsizetype(length));
    };
    CHECK(filesContaining(f.directory(), run(0, 12)).isEmpty());
    CHECK(filesContaining(f.directory(), run(bytes.size() / 2, 32)).isEmpty());
    CHECK(filesContaining(f.directory(), QByteArrayLiteral("Ada Example")).isEmpty());
}

TEST_CASE("Bytes that are not a JPEG or PNG are refused and nothing is stored") {
    CoreFixture f;
    auto &library = f.core().library();
    const auto patient = f.addPatient();
    const qint64 blobs = f.vault().media().count();
    const crypto::Bytes notAnImage{'G', 'I', 'F', '8', '9', 'a', 0, 0};
    CHECK(kindOf([&] { library.importPhoto(patient.id, notAnImage, f.clock().now); }) ==
          ServiceError::Kind::Image);
    CHECK(kindOf([&] { library.importPhoto(patient.id, {}, f.clock().now); }) ==
          ServiceError::Kind::Image);
    CHECK(kindOf([&] {
              library.importPhoto(QStringLiteral("pat_00000000000000000000000000000000"),
                                  imaging::demoPhoto(1, 64, 64), f.clock().now);
          }) == ServiceError::Kind::NotFound);
    CHECK(f.vault().media().count() == blobs);
    CHECK(library.photos(patient.id).empty());
}

TEST_CASE("A redacted derivative is linked to its original and always rendered from it") {
    CoreFixture f;
    auto &library = f.core().library();
    const auto patient = f.addPatient();
    const auto original = f.addPhoto(patient.id);
    const domain::Redaction face{{1000, 1000, 3000, 3000}, domain::RedactionKind::Solid};
    const domain::Redaction tattoo{{6000, 6000, 2000, 2000}, domain::RedactionKind::Blur};

    const auto first = library.deriveRedacted(original.id, {face});
    CHECK(first.originalId == original.id);
    CHECK(first.redactions == std::vector<domain::Redaction>{face});
    CHECK(first.sha256 != original.sha256);
    const auto second = library.deriveRedacted(first.id, {tattoo});
    CHECK(second.originalId == original.id); // not a copy of a copy
    CHECK(second.redactions == std::vector<domain::Redaction>{face, tattoo});
    CHECK(library.photo(second.id)->redactions == second.redactions);

    CHECK(kindOf([&] { library.deriveRedacted(original.id, {}); }) == ServiceError::Kind::Invalid);
    CHECK(kindOf([&] {
              library.deriveRedacted(original.id,
                                     {{{9000, 0, 2000, 100}, domain::RedactionKind::Solid}});
          }) == ServiceError::Kind::Invalid);
    CHECK(auditKinds(f).count(QStringLiteral("photo.derived")) == 2);
}

TEST_CASE("Identifying regions are marked on originals only") {
    CoreFixture f;
    auto &library = f.core().library();
    const auto patient = f.addPatient();
    const auto original = f.addPhoto(patient.id);
    const std::vector<domain::NormRect> regions{{2000, 1000, 3000, 4000}};
    library.markIdentifyingRegions(original.id, regions);
    CHECK(library.photo(original.id)->identifyingRegions == regions);
    const auto derived =
        library.deriveRedacted(original.id, {{regions.front(), domain::RedactionKind::Solid}});
    CHECK(kindOf([&] { library.markIdentifyingRegions(derived.id, regions); }) ==
          ServiceError::Kind::Invalid);
    CHECK(kindOf([&] {
              library.markIdentifyingRegions(original.id, {{0, 0, 0, 10}});
          }) == ServiceError::Kind::Invalid);
}

TEST_CASE("Editing a story adds a version and keeps every earlier one unchanged") {
    CoreFixture f;
    auto &library = f.core().library();
    const auto patient = f.addPatient();
    const auto [story, first] =
        library.addStory(patient.id, QStringLiteral("A rash"), QStringLiteral("First text."));
    CHECK(first.version == 1);
    CHECK(first.sha256 == sha256Hex(crypto::view(std::string_view("First text."))));

    f.clock().advanceSeconds(60);
    const auto second = library.editStory(story.id, QStringLiteral("Second text."));
    CHECK(second.version == 2);
    CHECK(second.sha256 != first.sha256);
    const auto versions = library.storyVersions(story.id);
    REQUIRE(versions.size() == 2);
    CHECK(versions[0].text == QStringLiteral("First text."));
    CHECK(versions[1].text == QStringLiteral("Second text."));

    CHECK(kindOf([&] { library.editStory(story.id, QStringLiteral("Second text.")); }) ==
          ServiceError::Kind::Invalid);
    CHECK(kindOf([&] {
              library.addStory(patient.id, QStringLiteral("Empty"), QStringLiteral(" "));
          }) == ServiceError::Kind::Invalid);
    // The schema itself refuses to change a version.
    CHECK_THROWS(f.vault().database().exec("UPDATE story_versions SET text = 'changed'"));
}
