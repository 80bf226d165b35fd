// The share gate over a real vault: that it finds the facts the pure gate judges.

#include "imaging/demophoto.h"
#include "services/serviceerror.h"
#include "servicetestsupport.h"
#include "storage/database.h"

#include <catch2/catch_test_macros.hpp>

using namespace cc;
using namespace cc::services;
using services::test::CoreFixture;
using services::test::reasonCodes;

namespace {

const domain::GateTarget InstagramEducation{QStringLiteral("instagram"), QStringLiteral("public"),
                                            QStringLiteral("education")};

} // namespace

TEST_CASE("A photo covered by a valid consent may be shared for a target in its scope only") {
    CoreFixture f;
    auto &gate = f.core().gate();
    const auto patient = f.addPatient();
    const auto photo = f.addPhoto(patient.id);
    const auto uncovered = f.addPhoto(patient.id, 2);
    const auto consent = f.seal(patient.id, {photo.id});

    const auto allowed = gate.decide(photo.id, InstagramEducation);
    CHECK(allowed.allowed);
    CHECK(allowed.consentIds == QStringList{consent.id});
    CHECK(reasonCodes(gate.decide(photo.id, {QStringLiteral("tiktok"), QStringLiteral("public"),
                                             QStringLiteral("education")})) ==
          QStringList{QStringLiteral("platform_not_covered")});
    CHECK(reasonCodes(gate.decide(uncovered.id, InstagramEducation)) ==
          QStringList{QStringLiteral("no_consent")});
    CHECK(reasonCodes(gate.decide(QStringLiteral("pho_00000000000000000000000000000000"),
                                  InstagramEducation)) ==
          QStringList{QStringLiteral("item_not_found")});
}

TEST_CASE("A consent stops allowing at its end, and from its revocation on") {
    CoreFixture f;
    auto &gate = f.core().gate();
    const auto patient = f.addPatient();
    const auto photo = f.addPhoto(patient.id);
    const auto consent = f.seal(patient.id, {photo.id}, [&](ConsentRequest &r) {
        r.expiry = {domain::Expiry::Kind::Date, f.clock().now.date().addDays(30), {}};
    });
    f.clock().advanceDays(30);
    CHECK(gate.decide(photo.id, InstagramEducation).allowed);
    f.clock().advanceDays(1);
    const auto expired = gate.decide(photo.id, InstagramEducation);
    CHECK(reasonCodes(expired) == QStringList{QStringLiteral("consent_expired")});
    CHECK(expired.reasons.front().at == domain::parseSealedRecord(consent.record).expiresAt());

    f.clock().advanceDays(-10);
    (void)f.core().revocations().revoke(
        {consent.id, f.clock().now, QStringLiteral("other"), QStringLiteral("by phone"), {}, {}});
    CHECK(reasonCodes(gate.decide(photo.id, InstagramEducation)) ==
          QStringList{QStringLiteral("consent_revoked")});
}

TEST_CASE("A redacted copy is covered through its original; de-identified use needs it") {
    CoreFixture f;
    auto &gate = f.core().gate();
    const auto patient = f.addPatient();
    const auto photo = f.addPhoto(patient.id);
    const domain::NormRect face{2000, 1000, 3000, 3000};
    f.core().library().markIdentifyingRegions(photo.id, {face});
    (void)f.seal(patient.id, {photo.id}, [](ConsentRequest &r) { r.identifiable = false; });

    CHECK(reasonCodes(gate.decide(photo.id, InstagramEducation)) ==
          QStringList{QStringLiteral("deidentified_only")});
    const auto partial = f.core().library().deriveRedacted(
        photo.id, {{{2000, 1000, 3000, 1500}, domain::RedactionKind::Solid}});
    CHECK(reasonCodes(gate.decide(partial.id, InstagramEducation)) ==
          QStringList{QStringLiteral("identifying_region_visible")});
    const auto hidden = f.core().library().deriveRedacted(
        partial.id, {{{2000, 2500, 3000, 1500}, domain::RedactionKind::Blur}});
    CHECK(gate.decide(hidden.id, InstagramEducation).allowed);
}

TEST_CASE("A story edited after signing is blocked until a consent covers the new text") {
    CoreFixture f;
    auto &gate = f.core().gate();
    const auto patient = f.addPatient();
    const auto [story, first] =
        f.core().library().addStory(patient.id, QStringLiteral("A rash"), QStringLiteral("First."));
    const auto consent = f.seal(patient.id, {story.id});
    CHECK(gate.decide(story.id, InstagramEducation).allowed);

    (void)f.core().library().editStory(story.id, QStringLiteral("Second."));
    const auto edited = gate.decide(story.id, InstagramEducation);
    CHECK(reasonCodes(edited) == QStringList{QStringLiteral("story_edited_after_signing")});
    CHECK(edited.reasons.front().consentId == consent.id);
    CHECK(gate.decide(first.id, InstagramEducation).allowed); // the signed text itself

    (void)f.seal(patient.id, {story.id});
    CHECK(gate.decide(story.id, InstagramEducation).allowed);
}

TEST_CASE("The practice's current policy can withdraw a platform from every consent") {
    CoreFixture f;
    const auto patient = f.addPatient();
    const auto photo = f.addPhoto(patient.id);
    (void)f.seal(patient.id, {photo.id});
    auto policy = f.core().settings().policy();
    policy.allowedPlatforms.removeAll(QStringLiteral("instagram"));
    f.core().settings().setPolicy(policy);
    CHECK(reasonCodes(f.core().gate().decide(photo.id, InstagramEducation)) ==
          QStringList{QStringLiteral("platform_not_allowed_by_policy")});
}

TEST_CASE("A consent whose stored bytes were changed is reported and never used") {
    CoreFixture f;
    const auto patient = f.addPatient();
    const auto photo = f.addPhoto(patient.id);
    const auto consent = f.seal(patient.id, {photo.id}, [](ConsentRequest &r) {
        r.platforms = {QStringLiteral("website")};
    });
    // Someone with the key widens the consent to Instagram in the database.
    services::test::tamper(
        f.vault(),
        "UPDATE consents SET record = CAST(replace(CAST(record AS TEXT), "
        "'\"platforms\":[\"website\"]', '\"platforms\":[\"instagram\",\"website\"]') AS BLOB)");
    const auto decision = f.core().gate().decide(photo.id, InstagramEducation);
    CHECK_FALSE(decision.allowed);
    CHECK(reasonCodes(decision) == QStringList{QStringLiteral("consent_tampered")});
    CHECK(decision.reasons.front().consentId == consent.id);
}

TEST_CASE("An empty target asks whether any consent could allow the item") {
    CoreFixture f;
    const auto patient = f.addPatient();
    const auto photo = f.addPhoto(patient.id);
    const auto other = f.addPhoto(patient.id, 2);
    (void)f.seal(patient.id, {photo.id});
    CHECK(f.core().gate().decide(photo.id, {}).allowed);
    CHECK(reasonCodes(f.core().gate().decide(other.id, {})) ==
          QStringList{QStringLiteral("no_consent")});
}

TEST_CASE("Unmarking a face after sealing does not make a copy that shows it shareable") {
    CoreFixture f;
    auto &gate = f.core().gate();
    const auto patient = f.addPatient();
    const auto photo = f.addPhoto(patient.id);
    const domain::NormRect face{2000, 1000, 3000, 3000};
    f.core().library().markIdentifyingRegions(photo.id, {face});
    (void)f.seal(patient.id, {photo.id}, [](ConsentRequest &r) { r.identifiable = false; });
    const auto token = f.core().library().deriveRedacted(
        photo.id, {{{0, 0, 100, 100}, domain::RedactionKind::Solid}});
    CHECK(reasonCodes(gate.decide(token.id, InstagramEducation)) ==
          QStringList{QStringLiteral("identifying_region_visible")});
    f.core().library().markIdentifyingRegions(photo.id, {});
    CHECK(reasonCodes(gate.decide(token.id, InstagramEducation)) ==
          QStringList{QStringLiteral("identifying_region_visible")});
}

TEST_CASE(
    "A de-identified-only consent can't be sealed before the identifying regions are marked") {
    CoreFixture f;
    const auto patient = f.addPatient();
    const auto photo = f.addPhoto(patient.id);
    auto request = f.request(patient.id, {photo.id});
    request.identifiable = false;
    const auto defects = f.core().consents().validate(request);
    REQUIRE(defects.size() == 1);
    CHECK(defects.front().element == QStringLiteral("identifiability"));
}

TEST_CASE(
    "A revocation or expiry event whose row was deleted still blocks: the signed log remembers") {
    CoreFixture f;
    auto &gate = f.core().gate();
    const auto patient = f.addPatient();
    const auto photo = f.addPhoto(patient.id);
    const auto consent = f.seal(patient.id, {photo.id});
    (void)f.core().revocations().revoke(
        {consent.id, f.clock().now, QStringLiteral("other"), QStringLiteral("letter"), {}, {}});
    services::test::tamper(f.vault(), "DELETE FROM revocations");
    CHECK(reasonCodes(gate.decide(photo.id, InstagramEducation)) ==
          QStringList{QStringLiteral("consent_revoked")});

    const auto other = f.addPhoto(patient.id, 2);
    const auto byEvent = f.seal(patient.id, {other.id}, [&](ConsentRequest &r) {
        r.expiry = {domain::Expiry::Kind::Event, f.clock().now.date().addDays(300),
                    QStringLiteral("the end of treatment")};
    });
    f.core().consents().recordExpiryEvent(byEvent.id, f.clock().now.addSecs(-10), {});
    services::test::tamper(f.vault(), "DELETE FROM consent_expiry_events");
    CHECK(reasonCodes(gate.decide(other.id, InstagramEducation)) ==
          QStringList{QStringLiteral("consent_expired")});
}
