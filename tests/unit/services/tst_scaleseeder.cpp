// The scale seeder: the synthetic practice it lays out, through the app's own services,
// and a vault that verifies afterwards.

#include "imaging/demophoto.h"
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
