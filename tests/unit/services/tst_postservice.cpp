// Drafts and the post ledger: attach only what the gate allows, and record a post only in
// the transaction that re-checks every item.

#include "services/serviceerror.h"
#include "servicetestsupport.h"
#include "storage/auditlog.h"
#include "storage/database.h"

#include <catch2/catch_test_macros.hpp>

#include <future>
#include <thread>

using namespace cc;
using namespace cc::services;
using services::test::CoreFixture;
using services::test::reasonCodes;

namespace {

const domain::GateTarget InstagramEducation{QStringLiteral("instagram"), QStringLiteral("public"),
                                            QStringLiteral("education")};

QStringList blockedCodes(const std::function<void()> &action) {
    try {
        action();
    } catch (const ShareRefused &refused) {
        QStringList codes;
        for (const auto &item : refused.blocked())
            codes += reasonCodes(item.decision);
        return codes;
    }
    FAIL("expected the gate to refuse");
    return {};
}

} // namespace

TEST_CASE("Only items the gate allows for the draft's target can be attached") {
    CoreFixture f;
    auto &posts = f.core().posts();
    const auto patient = f.addPatient();
    const auto covered = f.addPhoto(patient.id);
    const auto uncovered = f.addPhoto(patient.id, 2);
    (void)f.seal(patient.id, {covered.id});

    const auto draft = posts.createDraft(QStringLiteral("Look at this."), InstagramEducation);
    posts.attach(draft.id, covered.id);
    CHECK(blockedCodes([&] { posts.attach(draft.id, uncovered.id); }) ==
          QStringList{QStringLiteral("no_consent")});
    CHECK_THROWS_AS(posts.attach(draft.id, covered.id), ServiceError); // already attached
    CHECK(posts.draft(draft.id)->itemIds == QStringList{covered.id});

    // A target the consent does not cover: the attached item is now reported blocked.
    posts.updateDraft(
        draft.id, QStringLiteral("Look."),
        {QStringLiteral("tiktok"), QStringLiteral("public"), QStringLiteral("education")});
    const auto decisions = posts.evaluate(draft.id);
    REQUIRE(decisions.size() == 1);
    CHECK(reasonCodes(decisions.front().decision) ==
          QStringList{QStringLiteral("platform_not_covered")});
    CHECK(blockedCodes([&] { (void)posts.share(draft.id); }) ==
          QStringList{QStringLiteral("platform_not_covered")});
    CHECK(posts.posts().empty());
}

TEST_CASE("Sharing records the post with its items, hashes and consents, and the draft is done") {
    CoreFixture f;
    auto &posts = f.core().posts();
    const auto patient = f.addPatient();
    const auto photo = f.addPhoto(patient.id);
    const auto [story, version] =
        f.core().library().addStory(patient.id, QStringLiteral("A rash"), QStringLiteral("Text."));
    const auto consent = f.seal(patient.id, {photo.id, story.id});
    auto draft = posts.createDraft(QStringLiteral("Case of the week"), InstagramEducation);
    posts.attach(draft.id, photo.id);
    posts.attach(draft.id, story.id);

    const auto post = posts.share(draft.id);
    const auto stored = posts.post(post.id);
    REQUIRE(stored);
    CHECK(stored->status == domain::PostStatus::Published);
    CHECK(stored->target.platform == QStringLiteral("instagram"));
    CHECK(stored->postedAt == f.clock().now);
    REQUIRE(stored->items.size() == 2);
    CHECK(stored->items[0].itemId == photo.id);
    CHECK(stored->items[0].sha256 == photo.sha256);
    CHECK(stored->items[1].itemId == version.id); // the story version shared
    CHECK(stored->items[1].consentIds == QStringList{consent.id});
    CHECK(posts.draft(draft.id)->state == domain::DraftState::Shared);
    CHECK_THROWS_AS(posts.share(draft.id), ServiceError);
    // The share is in the log and signed at once.
    CHECK(f.vault().audit().checkpoints().back().seq == f.vault().audit().count());

    posts.setUrl(post.id, QStringLiteral("https://social.example/p/1"));
    CHECK(posts.post(post.id)->url == QStringLiteral("https://social.example/p/1"));
    CHECK_THROWS_AS(posts.setUrl(post.id, QStringLiteral("javascript:alert(1)")), ServiceError);
}

TEST_CASE("A draft can't be shared without a complete target and at least one item") {
    CoreFixture f;
    auto &posts = f.core().posts();
    const auto patient = f.addPatient();
    const auto photo = f.addPhoto(patient.id);
    (void)f.seal(patient.id, {photo.id});
    const auto empty = posts.createDraft({}, InstagramEducation);
    CHECK_THROWS_AS(posts.share(empty.id), ServiceError);
    const auto noTarget = posts.createDraft();
    posts.attach(noTarget.id, photo.id); // allowed somewhere: attachable before a target
    CHECK_THROWS_AS(posts.share(noTarget.id), ServiceError);
    CHECK_THROWS_AS(posts.createDraft({}, {QStringLiteral("myspace"), {}, {}}), ServiceError);
}

TEST_CASE("A revocation committed before the share blocks it, even for an attached item") {
    CoreFixture f;
    auto &posts = f.core().posts();
    const auto patient = f.addPatient();
    const auto photo = f.addPhoto(patient.id);
    const auto consent = f.seal(patient.id, {photo.id});
    const auto draft = posts.createDraft(QStringLiteral("Soon"), InstagramEducation);
    posts.attach(draft.id, photo.id);

    (void)f.core().revocations().revoke(
        {consent.id, f.clock().now, QStringLiteral("other"), QStringLiteral("email"), {}, {}});
    CHECK(blockedCodes([&] { (void)posts.share(draft.id); }) ==
          QStringList{QStringLiteral("consent_revoked")});
    CHECK(posts.posts().empty());
    CHECK(posts.draft(draft.id)->state == domain::DraftState::Open);
}

TEST_CASE("The share decides inside the write lock: a revocation racing it is never missed") {
    CoreFixture f;
    auto &posts = f.core().posts();
    const auto patient = f.addPatient();
    const auto photo = f.addPhoto(patient.id);
    const auto consent = f.seal(patient.id, {photo.id});
    const auto draft = posts.createDraft(QStringLiteral("Race"), InstagramEducation);
    posts.attach(draft.id, photo.id);

    // A second connection to the same vault (as a second process would have) holds the
    // write lock and commits a revocation while the share waits for it.
    auto other = f.makeVault();
    other->unlock(services::test::Passcode);
    ConsentCore otherCore(*other, f.codec(), f.templates());
    auto hold = other->database().transaction();
    auto sharing = std::async(std::launch::async, [&]() -> QStringList {
        try {
            (void)posts.share(draft.id);
            return {QStringLiteral("shared")};
        } catch (const ShareRefused &refused) {
            return reasonCodes(refused.blocked().front().decision);
        }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    hold.rollback();
    (void)otherCore.revocations().revoke(
        {consent.id, f.clock().now, QStringLiteral("other"), QStringLiteral("race"), {}, {}});
    // Either the share ran first (then the revocation flags its post), or it saw the
    // revocation; never a post that depends only on a revoked consent and isn't flagged.
    const QStringList outcome = sharing.get();
    if (outcome == QStringList{QStringLiteral("shared")}) {
        CHECK(f.core().revocations().takedownCount() == 1);
    } else {
        CHECK(outcome == QStringList{QStringLiteral("consent_revoked")});
        CHECK(posts.posts().empty());
    }
}

TEST_CASE("A story and its latest version attached together are shared as one item") {
    CoreFixture f;
    auto &posts = f.core().posts();
    const auto patient = f.addPatient();
    const auto [story, version] =
        f.core().library().addStory(patient.id, QStringLiteral("A rash"), QStringLiteral("Text."));
    (void)f.seal(patient.id, {story.id});
    const auto draft = posts.createDraft(QStringLiteral("Post"), InstagramEducation);
    posts.attach(draft.id, story.id);
    posts.attach(draft.id, version.id);
    const auto post = posts.share(draft.id);
    REQUIRE(post.items.size() == 1);
    CHECK(post.items.front().itemId == version.id);
}

TEST_CASE("A post's takedown state only moves forward, and what was posted never changes") {
    CoreFixture f;
    auto &posts = f.core().posts();
    const auto patient = f.addPatient();
    const auto photo = f.addPhoto(patient.id);
    const auto consent = f.seal(patient.id, {photo.id});
    const auto draft = posts.createDraft(QStringLiteral("Post"), InstagramEducation);
    posts.attach(draft.id, photo.id);
    const auto post = posts.share(draft.id);
    (void)f.core().revocations().revoke(
        {consent.id, f.clock().now, QStringLiteral("other"), QStringLiteral("letter"), {}, {}});
    auto &db = f.vault().database();
    CHECK_THROWS(db.exec("UPDATE posts SET status = 'published'"));
    CHECK_THROWS(db.exec("UPDATE posts SET platform = 'tiktok'"));
    CHECK_THROWS(db.exec("DELETE FROM posts"));
    CHECK_THROWS(db.exec("UPDATE photos SET sha256 = zeroblob(32)"));
    CHECK_THROWS(db.exec("DELETE FROM photos"));
    CHECK_THROWS(db.exec("DELETE FROM device_key"));
    CHECK(posts.post(post.id)->status == domain::PostStatus::TakedownRequired);
}

TEST_CASE("A blocking pre-post check refuses the share until the text is fixed") {
    CoreFixture f;
    auto &posts = f.core().posts();
    const auto patient = f.addPatient(QStringLiteral("Ada Lovelace"));
    const auto photo = f.addPhoto(patient.id);
    (void)f.seal(patient.id, {photo.id}, [](ConsentRequest &request) {
        request.paid = true;
        request.compensationDescription = QStringLiteral("A brand pays for the campaign.");
    });
    auto draft =
        posts.createDraft(QStringLiteral("Ada healed well. It cures acne."), InstagramEducation);
    posts.attach(draft.id, photo.id);

    const auto checks = posts.checks(draft.id);
    QStringList kinds;
    for (const auto &check : checks)
        kinds.append(check.kind);
    CHECK(kinds.contains(QStringLiteral("phi")));
    CHECK(kinds.contains(QStringLiteral("sponsorship_disclosure")));
    CHECK(kinds.contains(QStringLiteral("health_claim_source")));
    CHECK(kinds.contains(QStringLiteral("education_line")));
    try {
        (void)posts.share(draft.id);
        FAIL("expected the checks to refuse");
    } catch (const ChecksRefused &refused) {
        CHECK(domain::prepost::blocks(refused.checks()));
        // The message names kinds only: never the post's words.
        CHECK_FALSE(QString::fromStdString(refused.what()).contains(QStringLiteral("Ada")));
    }
    CHECK(posts.posts().empty());
    CHECK(posts.draft(draft.id)->state == domain::DraftState::Open);

    // The name removed and the sponsorship disclosed: warnings no longer block.
    posts.updateDraft(draft.id, QStringLiteral("Healed well. It cures acne. #ad"),
                      InstagramEducation);
    CHECK_FALSE(domain::prepost::blocks(posts.checks(draft.id)));
    const auto post = posts.share(draft.id);
    CHECK(posts.post(post.id).has_value());
}

TEST_CASE("Checking text alone looks for the given patients' identifiers") {
    CoreFixture f;
    const auto patient = f.addPatient(QStringLiteral("Grace Hopper"));
    auto &posts = f.core().posts();
    const QString text = QStringLiteral("Grace came in on 3 May 2026.");
    const auto withPatient = posts.checkText(text, {patient.id});
    const auto without = posts.checkText(text, {});
    const auto count = [](const auto &checks, const QString &phiKind) {
        return std::count_if(checks.begin(), checks.end(),
                             [&](const auto &check) { return check.phiKind == phiKind; });
    };
    CHECK(count(withPatient, QStringLiteral("name")) == 1);
    CHECK(count(without, QStringLiteral("name")) == 0);
    CHECK(count(without, QStringLiteral("date")) == 1);
    CHECK_THROWS_AS(posts.checkText(text, {QStringLiteral("pat_missing")}), ServiceError);
}
