// Revocations: effective at once, final, and reaching every draft and post that depended
// on the consent until each post is taken down.

#include "imaging/demophoto.h"
#include "services/serviceerror.h"
#include "servicetestsupport.h"
#include "storage/auditlog.h"
#include "storage/database.h"

#include <catch2/catch_test_macros.hpp>

using namespace cc;
using namespace cc::services;
using services::test::CoreFixture;

namespace {

const domain::GateTarget InstagramEducation{QStringLiteral("instagram"), QStringLiteral("public"),
                                            QStringLiteral("education")};

RevocationRequest byPhone(const QString &consentId, const QDateTime &at) {
    return {consentId, at, QStringLiteral("other"), QStringLiteral("by phone, then a letter"),
            {},        {}};
}

QString shared(CoreFixture &f, const QStringList &items,
               const domain::GateTarget &target = InstagramEducation) {
    const auto draft = f.core().posts().createDraft(QStringLiteral("Post"), target);
    for (const QString &item : items)
        f.core().posts().attach(draft.id, item);
    return f.core().posts().share(draft.id).id;
}

} // namespace

TEST_CASE("Revoking flags every post that depended on the consent and lists the drafts it blocks") {
    CoreFixture f;
    const auto patient = f.addPatient();
    const auto photo = f.addPhoto(patient.id);
    const auto consent = f.seal(patient.id, {photo.id});
    const auto derived = f.core().library().deriveRedacted(
        photo.id, {{{0, 0, 5000, 5000}, domain::RedactionKind::Solid}});
    const QString post = shared(f, {photo.id});
    const QString derivedPost = shared(f, {derived.id});
    auto draft = f.core().posts().createDraft(QStringLiteral("Later"), InstagramEducation);
    f.core().posts().attach(draft.id, derived.id);
    f.clock().advanceDays(3);

    const auto impact =
        f.core().revocations().revoke(byPhone(consent.id, f.clock().now.addSecs(-600)));
    CHECK(impact.consentId == consent.id);
    CHECK(QSet<QString>(impact.postsNeedingTakedown.begin(), impact.postsNeedingTakedown.end()) ==
          QSet<QString>{post, derivedPost});
    CHECK(impact.blockedDrafts == QStringList{draft.id});
    CHECK(f.core().posts().post(post)->status == domain::PostStatus::TakedownRequired);
    CHECK(f.core().posts().post(post)->takedownRequiredAt == f.clock().now);
    CHECK(f.core().revocations().takedownCount() == 2);
    CHECK_FALSE(f.core().gate().decide(photo.id, InstagramEducation).allowed);

    QStringList kinds;
    f.vault().audit().forEach({},
                              [&](const storage::AuditLog::Row &row) { kinds.append(row.kind); });
    CHECK(kinds.count(QStringLiteral("post.takedown_required")) == 2);
    CHECK(kinds.last() == QStringLiteral("consent.revoked"));
    CHECK(f.vault().audit().checkpoints().back().seq == f.vault().audit().count());

    // Survives a restart.
    f.reopen();
    CHECK(f.core().revocations().impactOf(consent.id).postsNeedingTakedown.size() == 2);
}

TEST_CASE("A revocation is final") {
    CoreFixture f;
    const auto patient = f.addPatient();
    const auto photo = f.addPhoto(patient.id);
    const auto consent = f.seal(patient.id, {photo.id});
    (void)f.core().revocations().revoke(byPhone(consent.id, f.clock().now));
    try {
        (void)f.core().revocations().revoke(byPhone(consent.id, f.clock().now));
        FAIL("revoked twice");
    } catch (const ServiceError &error) {
        CHECK(error.kind() == ServiceError::Kind::Conflict);
    }
    CHECK_THROWS(f.vault().database().exec("DELETE FROM revocations"));
    // Only a new consent allows the photo again.
    CHECK_FALSE(f.core().gate().decide(photo.id, InstagramEducation).allowed);
    (void)f.seal(patient.id, {photo.id});
    CHECK(f.core().gate().decide(photo.id, InstagramEducation).allowed);
}

TEST_CASE("A post stays up when another consent still allows each of its items") {
    CoreFixture f;
    const auto patient = f.addPatient();
    const auto photo = f.addPhoto(patient.id);
    const auto first = f.seal(patient.id, {photo.id});
    const auto second = f.seal(patient.id, {photo.id});
    const QString post = shared(f, {photo.id});
    CHECK(f.core().posts().post(post)->items.front().consentIds.size() == 2);

    CHECK(f.core()
              .revocations()
              .revoke(byPhone(first.id, f.clock().now))
              .postsNeedingTakedown.isEmpty());
    CHECK(f.core().posts().post(post)->status == domain::PostStatus::Published);
    CHECK(f.core().revocations().revoke(byPhone(second.id, f.clock().now)).postsNeedingTakedown ==
          QStringList{post});
}

TEST_CASE("How a revocation was received decides what it must carry") {
    CoreFixture f;
    auto &revocations = f.core().revocations();
    const auto patient = f.addPatient();
    const auto photo = f.addPhoto(patient.id);
    const auto consent = f.seal(patient.id, {photo.id});
    const QDateTime now = f.clock().now;
    const auto invalid = [&](RevocationRequest request) {
        try {
            (void)revocations.revoke(request);
        } catch (const ServiceError &error) {
            return error.kind() == ServiceError::Kind::Invalid;
        }
        return false;
    };
    CHECK(invalid({consent.id, now, QStringLiteral("signed_on_device"), {}, {}, {}}));
    CHECK(invalid({consent.id,
                   now,
                   QStringLiteral("signed_on_device"),
                   {},
                   {},
                   domain::SignatureStrokes{600, 240, {{{5, 5, 0}}}}}));
    CHECK(invalid({consent.id, now, QStringLiteral("written_letter"), {}, {}, {}}));
    CHECK(invalid({consent.id, now, QStringLiteral("other"), QStringLiteral("  "), {}, {}}));
    CHECK(
        invalid({consent.id, now, QStringLiteral("carrier pigeon"), QStringLiteral("x"), {}, {}}));
    CHECK(invalid(
        {consent.id, now.addSecs(60), QStringLiteral("other"), QStringLiteral("x"), {}, {}}));
    const auto other = f.addPatient(QStringLiteral("Bruno Sample"));
    const auto foreignLetter = f.core().library().importPhoto(
        other.id, imaging::demoPhoto(9, 64, 64), now, domain::PhotoRole::RevocationEvidence);
    CHECK(invalid({consent.id, now, QStringLiteral("written_letter"), {}, foreignLetter.id, {}}));

    const auto letter = f.core().library().importPhoto(patient.id, imaging::demoPhoto(8, 64, 64),
                                                       now, domain::PhotoRole::RevocationEvidence);
    (void)revocations.revoke(
        {consent.id, now.addSecs(-60), QStringLiteral("written_letter"), {}, letter.id, {}});
    const auto stored = f.core().consents().revocationOf(consent.id);
    REQUIRE(stored);
    CHECK(stored->evidencePhotoId == letter.id);
    CHECK(stored->receivedAt == now.addSecs(-60));
    CHECK(stored->recordedAt == now);
}

TEST_CASE("Marking a post removed clears its flag, with the date and optional evidence") {
    CoreFixture f;
    auto &revocations = f.core().revocations();
    const auto patient = f.addPatient();
    const auto photo = f.addPhoto(patient.id);
    const auto consent = f.seal(patient.id, {photo.id});
    const QString post = shared(f, {photo.id});
    const QString untouched =
        shared(f, {photo.id},
               {QStringLiteral("website"), QStringLiteral("public"), QStringLiteral("education")});
    CHECK_THROWS_AS(revocations.markRemoved(post, f.clock().now), ServiceError); // not flagged yet
    (void)revocations.revoke(byPhone(consent.id, f.clock().now));
    CHECK(revocations.takedownCount() == 2);

    f.clock().advanceDays(1);
    const auto screenshot =
        f.core().library().importPhoto(patient.id, imaging::demoPhoto(4, 64, 64), f.clock().now,
                                       domain::PhotoRole::TakedownEvidence);
    CHECK_THROWS_AS(revocations.markRemoved(post, f.clock().now, photo.id), ServiceError);
    CHECK_THROWS_AS(revocations.markRemoved(post, f.clock().now.addDays(1)), ServiceError);
    revocations.markRemoved(post, f.clock().now.addSecs(-300), screenshot.id,
                            QStringLiteral("gone"));
    const auto removed = f.core().posts().post(post);
    CHECK(removed->status == domain::PostStatus::Removed);
    CHECK(removed->removedAt == f.clock().now.addSecs(-300));
    CHECK(removed->removalEvidencePhotoId == screenshot.id);
    CHECK(revocations.takedownCount() == 1);
    CHECK(revocations.impactOf(consent.id).postsNeedingTakedown == QStringList{untouched});
    revocations.markRemoved(untouched, f.clock().now);
    CHECK(revocations.takedownCount() == 0);
    CHECK_THROWS_AS(revocations.markRemoved(untouched, f.clock().now), ServiceError);
}
