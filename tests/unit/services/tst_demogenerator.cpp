// Demo data: clearly fictional, deterministic in content, and a vault that verifies.

#include "imaging/demophoto.h"
#include "services/demogenerator.h"
#include "services/vaultverifier.h"
#include "servicetestsupport.h"

#include <catch2/catch_test_macros.hpp>

using namespace cc;
using namespace cc::services;
using services::test::CoreFixture;

namespace {

DemoSummary generate(CoreFixture &f, int patients, std::uint64_t seed = 2026) {
    DemoGenerator generator(
        f.core(), [&f] { return f.clock().now; },
        [](std::uint64_t s) { return imaging::demoPhoto(s, 96, 72); });
    return generator.generate(patients, seed);
}

// What a vault holds, without ids, keys or hashes of encrypted files: names, photo hashes,
// story texts, consent scopes, post and revocation counts.
QStringList contentOf(CoreFixture &f) {
    QStringList content;
    for (const auto &patient : f.core().library().patients({}, 1000)) {
        content.append(patient.displayName + QLatin1Char('|') + patient.mrn);
        for (const auto &photo : f.core().library().photos(patient.id))
            content.append(photo.sha256 + QLatin1Char('|') + QString::number(photo.isDerivative()));
        for (const auto &story : f.core().library().stories(patient.id))
            for (const auto &version : f.core().library().storyVersions(story.id))
                content.append(version.text);
        for (const auto &consent : f.core().consents().forPatient(patient.id)) {
            const auto record = domain::parseSealedRecord(consent.record);
            content.append(record.platforms.join(QLatin1Char(',')) + QLatin1Char('|') +
                           record.language + QLatin1Char('|') + record.signer.role +
                           QLatin1Char('|') + QString::number(record.identifiable) +
                           QString::number(consent.expiresAt.toMSecsSinceEpoch()));
        }
    }
    content.sort();
    return content;
}

} // namespace

TEST_CASE("Demo data covers every kind of record and the vault verifies") {
    CoreFixture f;
    const auto summary = generate(f, 12);
    CHECK(summary.patients == 12);
    CHECK(summary.photos >= 24);
    CHECK(summary.stories == 6);
    CHECK(summary.consents >= 9);
    CHECK(summary.derivatives >= 2);
    CHECK(summary.posts >= 2);
    CHECK(summary.revocations == 2);
    CHECK(f.core().revocations().takedownCount() >= 1);

    QSet<QString> statuses;
    QSet<QString> languages;
    QSet<QString> roles;
    for (const auto &patient : f.core().library().patients({}, 100)) {
        CHECK(patient.displayName.endsWith(QStringLiteral("(demo)")));
        for (const auto &consent : f.core().consents().forPatient(patient.id)) {
            statuses.insert(toString(f.core().consents().status(consent, f.clock().now)));
            const auto record = domain::parseSealedRecord(consent.record);
            languages.insert(record.language);
            roles.insert(record.signer.role);
        }
    }
    CHECK(statuses.contains(QStringLiteral("valid")));
    CHECK(statuses.contains(QStringLiteral("expired")));
    CHECK(statuses.contains(QStringLiteral("revoked")));
    CHECK(languages == QSet<QString>{QStringLiteral("en"), QStringLiteral("es")});
    CHECK(roles.contains(QStringLiteral("parent_guardian")));

    f.close();
    auto vault = f.makeVault();
    const auto report = VaultVerifier(*vault, f.templates()).run(services::test::Passcode);
    CHECK(report.ok());
}

TEST_CASE("The same seed, size and clock give the same demo content") {
    CoreFixture first;
    CoreFixture second;
    CoreFixture other;
    (void)generate(first, 6);
    (void)generate(second, 6);
    (void)generate(other, 6, 99);
    CHECK(contentOf(first) == contentOf(second));
    CHECK(contentOf(first) != contentOf(other));
}
