// The scale seeder: the synthetic practice it lays out, through the app's own services,
// and a vault that verifies afterwards.

#include "imaging/demophoto.h"
#include "imaging/qimagecodec.h"
#include "services/scalephotos.h"
#include "services/scaleseeder.h"
#include "services/serviceerror.h"
#include "services/vaultverifier.h"
#include "servicetestsupport.h"

#include <catch2/catch_test_macros.hpp>

#include <QSet>

using namespace cc;
using namespace cc::services;
using services::test::CoreFixture;

namespace {

ScaleSummary seed(CoreFixture &f, const ScaleSize &size,
                  const ScaleSeeder::Progress &progress = {}) {
    ScaleSeeder seeder(f.core(), f.vault(),
                       [](qint64 n) { return imaging::demoPhoto(std::uint64_t(n) + 1, 40, 30); });
    return seeder.generate(size, progress);
}

} // namespace

TEST_CASE("The scale seeder shares the photos out evenly, one consent per patient covering them") {
    CoreFixture f;
    qint64 lastDone = -1;
    const auto summary = seed(f, {23, 4, 6}, [&](qint64 done, qint64 total) {
        CHECK(total == 23);
        lastDone = done;
    });
    CHECK(summary.patients == 4);
    CHECK(summary.photos == 23);
    CHECK(summary.consents == 4);
    CHECK(summary.posts == 6);
    CHECK(summary.batches == 1);
    CHECK(lastDone == 23);

    const auto patients = f.core().library().patients({}, 100);
    REQUIRE(patients.size() == 4);
    QList<qsizetype> photoCounts;
    QSet<QString> hashes;
    for (const auto &patient : patients) {
        CHECK(patient.displayName.endsWith(QStringLiteral("(demo)")));
        const auto photos = f.core().library().photos(patient.id);
        photoCounts.append(photos.size());
        const auto consents = f.core().consents().forPatient(patient.id);
        REQUIRE(consents.size() == 1);
        const auto record = domain::parseSealedRecord(consents.front().record);
        CHECK(qsizetype(record.items.size()) == qsizetype(photos.size()));
        for (const auto &photo : photos) {
            hashes.insert(photo.sha256);
            const auto decision =
                f.core().gate().decide(photo.id, f.core().posts().posts().front().target);
            CHECK(decision.allowed);
        }
    }
    std::sort(photoCounts.begin(), photoCounts.end());
    CHECK(photoCounts == QList<qsizetype>{5, 6, 6, 6});
    CHECK(hashes.size() == 23); // every photo differs
    CHECK(f.core().posts().posts().size() == 6);

    f.close();
    auto vault = f.makeVault();
    CHECK(VaultVerifier(*vault, f.templates()).run(services::test::Passcode).ok());
}

TEST_CASE("Without consents the scale seeder makes one patient and shares nothing") {
    CoreFixture f;
    const auto summary = seed(f, {3, 0, 0});
    CHECK(summary.patients == 1);
    CHECK(summary.photos == 3);
    CHECK(summary.consents == 0);
    CHECK(summary.posts == 0);
    CHECK(f.core().posts().posts().empty());
}

TEST_CASE("The scale seeder refuses sizes it can't lay out, before writing anything") {
    CoreFixture f;
    const auto refused = [&](const ScaleSize &size) {
        try {
            (void)seed(f, size);
        } catch (const ServiceError &error) {
            return error.kind() == ServiceError::Kind::Invalid;
        }
        return false;
    };
    CHECK(refused({-1, 0, 0}));
    CHECK(refused({10, -1, 0}));
    CHECK(refused({2, 3, 0})); // fewer photos than patients
    CHECK(refused({5, 0, 1})); // posts without consents
    CHECK(f.core().library().patients({}, 10).empty());
}

TEST_CASE("The scale seeder refuses a vault that holds patients already") {
    CoreFixture f;
    const auto patient = f.addPatient();
    try {
        (void)seed(f, {3, 1, 0});
        FAIL("a vault with a patient in it was seeded");
    } catch (const ServiceError &error) {
        CHECK(error.kind() == ServiceError::Kind::Invalid);
        CHECK(QString::fromUtf8(error.what()).contains(QStringLiteral("empty vault")));
    }
    const auto patients = f.core().library().patients({}, 10);
    REQUIRE(patients.size() == 1);
    CHECK(patients.front().id == patient.id);
    CHECK(f.core().library().photos(patient.id).empty());
}

namespace {

// A codec that counts what reaches it.
class CountingCodec final : public ImageCodec {
public:
    int probes = 0;
    int thumbnails = 0;
    int imports = 0;

    ImageInfo probe(crypto::ByteView bytes) override {
        ++probes;
        return m_real.probe(bytes);
    }
    crypto::Bytes thumbnail(crypto::ByteView bytes, int maxEdge) override {
        ++thumbnails;
        return m_real.thumbnail(bytes, maxEdge);
    }
    ImportedImage import(crypto::ByteView bytes, int maxEdge) override {
        ++imports;
        return m_real.import(bytes, maxEdge);
    }
    crypto::Bytes redact(crypto::ByteView bytes,
                         const std::vector<domain::Redaction> &redactions) override {
        return m_real.redact(bytes, redactions);
    }
    crypto::Bytes exportJpeg(crypto::ByteView bytes,
                             const std::vector<domain::Redaction> &redactions) override {
        return m_real.exportJpeg(bytes, redactions);
    }

private:
    imaging::QImageCodec m_real;
};

} // namespace

TEST_CASE("The scale photos all differ, and each imports as the real codec imports it, from one "
          "decode") {
    (void)services::test::app();
    CountingCodec inner;
    imaging::QImageCodec real;
    ScalePhotos photos(imaging::demoPhoto(2026, 64, 48), inner);

    QSet<QByteArray> distinct;
    for (qint64 n : {0, 1, 9, 10, 99999, 1000000}) {
        const crypto::Bytes bytes = photos.photo(n);
        distinct.insert(
            QByteArray(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size())));
        const ImportedImage expected = real.import(crypto::view(bytes), 512);
        const ImportedImage imported = photos.import(crypto::view(bytes), 512);
        CHECK(imported.info.width == expected.info.width);
        CHECK(imported.info.height == expected.info.height);
        CHECK(imported.info.format == expected.info.format);
        CHECK(imported.thumbnail == expected.thumbnail);
        CHECK(photos.probe(crypto::view(bytes)).width == 64);
        CHECK(photos.thumbnail(crypto::view(bytes), 512) == expected.thumbnail);
    }
    CHECK(distinct.size() == 6);
    CHECK(inner.imports == 1);
    CHECK(inner.probes == 0);
    CHECK(inner.thumbnails == 0);
    // Another size is decoded again, once.
    (void)photos.import(crypto::view(photos.photo(3)), 16);
    (void)photos.import(crypto::view(photos.photo(4)), 16);
    CHECK(inner.imports == 2);
}

TEST_CASE("Anything but a scale photo byte for byte goes to the real codec") {
    (void)services::test::app();
    CountingCodec inner;
    ScalePhotos photos(imaging::demoPhoto(2026, 64, 48), inner);
    (void)photos.import(crypto::view(photos.photo(1)), 512);
    REQUIRE(inner.imports == 1);

    const crypto::Bytes genuine = photos.photo(7);
    // A changed pixel byte, a comment length that doesn't match, a byte more or less, the
    // comment missing, and another picture altogether.
    crypto::Bytes changedPicture = genuine;
    changedPicture[changedPicture.size() - 10] ^= 0x01;
    crypto::Bytes wrongLength = genuine;
    wrongLength[5] = std::uint8_t(wrongLength[5] + 1);
    crypto::Bytes longer = genuine;
    longer.push_back(0);
    const crypto::Bytes shorter(genuine.begin(), genuine.end() - 1);
    const crypto::Bytes base = imaging::demoPhoto(2026, 64, 48);
    const crypto::Bytes other = imaging::demoPhoto(7, 64, 48);
    int expectedImports = 1;
    for (const crypto::Bytes *bytes : std::initializer_list<const crypto::Bytes *>{
             &changedPicture, &wrongLength, &longer, &shorter, &base, &other}) {
        try {
            (void)photos.import(crypto::view(*bytes), 512);
        } catch (const ImageError &) {
            // A damaged JPEG may be refused: what matters is that the real codec decided.
        }
        ++expectedImports;
        CHECK(inner.imports == expectedImports);
    }
    CHECK_THROWS_AS(ScalePhotos(crypto::Bytes{0x89, 'P', 'N', 'G'}, inner), ImageError);
}
