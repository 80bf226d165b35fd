// The share gate: one test per rule of DESIGN §4.3, each with a consent that passes every
// other rule, so the reason reported is the rule under test and nothing else.

#include "domain/sharegate.h"

#include "domain/consentvalidator.h"
#include "domaintestsupport.h"

#include <catch2/catch_test_macros.hpp>

#include <QTimeZone>

#include <algorithm>

#include <sstream>

using namespace cc::domain;

template<>
struct Catch::StringMaker<GateReason> {
    static std::string convert(const GateReason &r) {
        std::ostringstream out;
        out << '{' << r.code.toStdString() << ", " << r.consentId.toStdString() << ", "
            << r.at.toString(Qt::ISODateWithMs).toStdString() << ", " << r.value.toStdString()
            << '}';
        return out.str();
    }
};

namespace {

QString hash64(char digit) {
    return QString(64, QLatin1Char(digit));
}

// Between the fixture record's start (2026-11-02 09:32 UTC) and its end (the start of
// 2027-11-03 at UTC-5).
QDateTime during() {
    return QDateTime(QDate(2027, 3, 1), QTime(12, 0), Qt::UTC);
}

GateTarget instagramPublicEducation() {
    return {QStringLiteral("instagram"), QStringLiteral("public"), QStringLiteral("education")};
}

// A sealed record as the gate sees it once its bytes verified: intact, with the
// validator's verdict.
GateConsent verified(const ConsentRecord &record) {
    GateConsent consent;
    consent.record = record;
    consent.intact = true;
    consent.defects = validateConsent(record, test::shippedTemplates());
    return consent;
}

// A valid consent, checked to have no defect so that a test sees only its own rule.
GateConsent validConsent(const ConsentRecord &record) {
    GateConsent consent = verified(record);
    for (const auto &d : consent.defects)
        UNSCOPED_INFO(d.element.toStdString() << ": " << d.message.toStdString());
    REQUIRE(consent.defects.empty());
    return consent;
}

// The record's item at index, as storage describes it.
GateItem itemOf(const ConsentRecord &record, std::size_t index = 0) {
    const CoveredItem &covered = record.items.at(index);
    GateItem item;
    item.kind = covered.kind;
    item.id = covered.id;
    item.patientId = record.patientId;
    item.sha256 = covered.sha256;
    return item;
}

// A redacted copy of the record's first photo, with a face marked on the original.
GateItem derivativeOf(const ConsentRecord &record, std::vector<Redaction> redactions) {
    const GateItem original = itemOf(record);
    GateItem item;
    item.kind = ItemKind::Photo;
    item.id = QStringLiteral("pho_00000000000000000000000000000d01");
    item.patientId = record.patientId;
    item.sha256 = hash64('f');
    item.originalId = original.id;
    item.originalSha256 = original.sha256;
    item.redactions = std::move(redactions);
    item.identifyingRegions = {NormRect{2000, 1000, 3000, 3000}, NormRect{7000, 8000, 1000, 500}};
    return item;
}

ConsentRecord deidentifiedRecord() {
    ConsentRecord record = test::validRecord();
    record.identifiable = false;
    test::refreshFormHash(record);
    return record;
}

GateDecision decide(const GateItem &item, const std::vector<GateConsent> &consents,
                    const GateTarget &target = instagramPublicEducation(),
                    const QDateTime &now = during(), const Policy &policy = Policy::defaults()) {
    return decideShare(item, consents, policy, target, now);
}

GateReason reasonOf(const char *code, const QString &consentId = {}, const QDateTime &at = {},
                    const QString &value = {}) {
    return {QLatin1StringView(code), consentId, at, value};
}

} // namespace

TEST_CASE("A valid consent that covers the item allows it for a target the consent includes") {
    const ConsentRecord record = test::validRecord();
    const GateConsent consent = validConsent(record);
    for (std::size_t index = 0; index < record.items.size(); ++index) {
        INFO("item " << index);
        const GateDecision decision = decide(itemOf(record, index), {consent});
        CHECK(decision.allowed);
        CHECK(decision.reasons.empty());
        CHECK(decision.consentIds == QStringList{record.id});
    }
    const GateTarget website{QStringLiteral("website"), QStringLiteral("public"),
                             QStringLiteral("education")};
    CHECK(decide(itemOf(record), {consent}, website).allowed);
}

TEST_CASE("An id that names no photo or story is blocked as item not found") {
    const ConsentRecord record = test::validRecord();
    const GateDecision decision =
        decideShare(std::nullopt, {validConsent(record)}, Policy::defaults(),
                    instagramPublicEducation(), during());
    CHECK_FALSE(decision.allowed);
    CHECK(decision.reasons == std::vector{reasonOf(reason::ItemNotFound)});
    CHECK(decision.consentIds.isEmpty());
}

TEST_CASE("A target with an unknown or missing platform, audience or purpose is refused") {
    const ConsentRecord record = test::validRecord();
    const GateConsent consent = validConsent(record);
    const QString p = QStringLiteral("instagram");
    const QString a = QStringLiteral("public");
    const QString u = QStringLiteral("education");
    const std::vector<std::pair<GateTarget, QString>> targets{
        {{QStringLiteral("myspace"), a, u}, QStringLiteral("myspace/public/education")},
        {{p, QStringLiteral("everyone"), u}, QStringLiteral("instagram/everyone/education")},
        {{p, a, QStringLiteral("fun")}, QStringLiteral("instagram/public/fun")},
        {{QStringLiteral("Instagram"), a, u}, QStringLiteral("Instagram/public/education")},
        {{p, {}, {}}, QStringLiteral("instagram//")},
        {{{}, a, u}, QStringLiteral("/public/education")},
    };
    for (const auto &[target, value] : targets) {
        INFO(value.toStdString());
        const GateDecision decision = decide(itemOf(record), {consent}, target);
        CHECK_FALSE(decision.allowed);
        CHECK(decision.reasons == std::vector{reasonOf(reason::InvalidTarget, {}, {}, value)});
        CHECK(decision.consentIds.isEmpty());
    }
}

TEST_CASE("The practice's current policy must allow the platform even when the consent covers it") {
    const ConsentRecord record = test::validRecord();
    REQUIRE(record.platforms.contains(QStringLiteral("instagram")));
    Policy current = Policy::defaults();
    current.allowedPlatforms.removeAll(QStringLiteral("instagram"));

    const GateDecision decision = decide(itemOf(record), {validConsent(record)},
                                         instagramPublicEducation(), during(), current);
    CHECK_FALSE(decision.allowed);
    CHECK(decision.reasons == std::vector{reasonOf(reason::PlatformNotAllowedByPolicy, {}, {},
                                                   QStringLiteral("instagram"))});
    CHECK(decision.consentIds.isEmpty());

    // The policy the record was sealed under doesn't matter, only the current one.
    REQUIRE(record.policy.allowedPlatforms.contains(QStringLiteral("instagram")));
    const GateTarget website{QStringLiteral("website"), QStringLiteral("public"),
                             QStringLiteral("education")};
    CHECK(decide(itemOf(record), {validConsent(record)}, website, during(), current).allowed);
}

TEST_CASE("An item without a consent for its patient is blocked as having no consent") {
    const ConsentRecord record = test::validRecord();
    const GateItem item = itemOf(record);

    SECTION("no consent names the item") {
        const GateDecision decision = decide(item, {});
        CHECK_FALSE(decision.allowed);
        CHECK(decision.reasons == std::vector{reasonOf(reason::NoConsent)});
        CHECK(decision.consentIds.isEmpty());
    }
    SECTION("a consent naming the same hash for another patient is ignored") {
        ConsentRecord other = test::validRecord();
        other.items = record.items;
        test::refreshFormHash(other);
        REQUIRE(other.patientId != item.patientId);
        const GateDecision decision = decide(item, {validConsent(other)});
        CHECK_FALSE(decision.allowed);
        CHECK(decision.reasons == std::vector{reasonOf(reason::NoConsent)});
        CHECK(decision.consentIds.isEmpty());
    }
    SECTION("a consent of the patient that covers other items only") {
        ConsentRecord unrelated = test::validRecord();
        unrelated.patientId = record.patientId;
        unrelated.items.erase(unrelated.items.begin());
        test::refreshFormHash(unrelated);
        const GateDecision decision = decide(item, {validConsent(unrelated)});
        CHECK_FALSE(decision.allowed);
        CHECK(decision.reasons == std::vector{reasonOf(reason::NoConsent)});
    }
}

TEST_CASE("A story edited after signing is blocked: the consent covers an earlier version only") {
    const ConsentRecord record = test::validRecord();
    GateItem story = itemOf(record, 2);
    REQUIRE(story.kind == ItemKind::Story);
    const QString signedVersion = story.sha256;
    story.id = QStringLiteral("stv_00000000000000000000000000000002");
    story.sha256 = hash64('e');
    story.earlierVersionSha256 = {hash64('9'), signedVersion};

    const GateDecision decision = decide(story, {validConsent(record)});
    CHECK_FALSE(decision.allowed);
    CHECK(decision.reasons == std::vector{reasonOf(reason::StoryEditedAfterSigning, record.id)});
    CHECK(decision.consentIds.isEmpty());

    // Without the history the same story simply has no consent.
    story.earlierVersionSha256.clear();
    CHECK(decide(story, {validConsent(record)}).reasons ==
          std::vector{reasonOf(reason::NoConsent)});
}

TEST_CASE("A consent whose bytes fail verification is reported as tampered and never used") {
    const ConsentRecord record = test::validRecord();
    GateConsent tampered = validConsent(record); // its content would allow the share
    tampered.intact = false;
    tampered.integrityProblem = QStringLiteral("the device signature does not verify");
    const QString problem = tampered.integrityProblem;

    SECTION("content that would allow") {
        const GateDecision decision = decide(itemOf(record), {tampered});
        CHECK_FALSE(decision.allowed);
        CHECK(decision.reasons ==
              std::vector{reasonOf(reason::ConsentTampered, record.id, {}, problem)});
        CHECK(decision.consentIds.isEmpty());
    }
    SECTION("nothing else it says is believed, neither for nor against") {
        tampered.revokedAt = during().addDays(-1);
        tampered.expiryEventAt = during().addDays(-2);
        tampered.defects = {{QLatin1StringView(element::Intent), QStringLiteral("not agreed")}};
        const GateTarget tiktok{QStringLiteral("tiktok"), QStringLiteral("followers"),
                                QStringLiteral("awareness")};
        const GateDecision decision = decide(itemOf(record), {tampered}, tiktok);
        CHECK_FALSE(decision.allowed);
        CHECK(decision.reasons ==
              std::vector{reasonOf(reason::ConsentTampered, record.id, {}, problem)});
    }
    SECTION("bytes that did not even parse: reported, not taken for a missing consent") {
        GateConsent unreadable;
        unreadable.record.id = record.id;
        unreadable.record.patientId = record.patientId;
        unreadable.integrityProblem = QStringLiteral("the stored record is not canonical JSON");
        const GateDecision decision = decide(itemOf(record), {unreadable});
        CHECK_FALSE(decision.allowed);
        CHECK(decision.reasons == std::vector{reasonOf(reason::ConsentTampered, record.id, {},
                                                       unreadable.integrityProblem)});
    }
}

TEST_CASE("A consent that fails a validity rule is blocked as defective") {
    ConsentRecord record = test::validRecord();
    record.agreed = false;
    const GateConsent consent = verified(record);
    REQUIRE_FALSE(consent.defects.empty());
    CHECK(consent.defects.front().element == QLatin1StringView(element::Intent));

    const GateDecision decision = decide(itemOf(record), {consent});
    CHECK_FALSE(decision.allowed);
    CHECK(decision.reasons == std::vector{reasonOf(reason::ConsentDefective, record.id, {},
                                                   consent.defects.front().element)});
    CHECK(decision.consentIds.isEmpty());
}

TEST_CASE("A revoked consent blocks, and the reason carries when the revocation came") {
    const ConsentRecord record = test::validRecord();
    GateConsent consent = validConsent(record);
    const QDateTime revokedAt(QDate(2027, 2, 3), QTime(15, 20, 5), Qt::UTC);
    consent.revokedAt = revokedAt;

    const GateDecision decision = decide(itemOf(record), {consent});
    CHECK_FALSE(decision.allowed);
    REQUIRE(decision.reasons ==
            std::vector{reasonOf(reason::ConsentRevoked, record.id, revokedAt)});
    CHECK(decision.reasons.front().message() ==
          QStringLiteral("consent %1 revoked on 2027-02-03").arg(record.id));
    CHECK(decision.consentIds.isEmpty());
}

TEST_CASE("A consent blocks until it starts, and allows from its first millisecond") {
    const ConsentRecord record = test::validRecord();
    const GateConsent consent = validConsent(record);
    REQUIRE(record.startsAt == QDateTime(QDate(2026, 11, 2), QTime(9, 32), Qt::UTC));

    const GateDecision before =
        decide(itemOf(record), {consent}, instagramPublicEducation(), record.startsAt.addMSecs(-1));
    CHECK_FALSE(before.allowed);
    CHECK(before.reasons ==
          std::vector{reasonOf(reason::ConsentNotStarted, record.id, record.startsAt)});
    CHECK(before.consentIds.isEmpty());

    CHECK(decide(itemOf(record), {consent}, instagramPublicEducation(), record.startsAt).allowed);
}

TEST_CASE("A consent expires at the start of the day after its end date, or at its expiry event") {
    ConsentRecord record = test::validRecord();

    SECTION("end date, in the signer's zone") {
        const GateConsent consent = validConsent(record);
        // 2027-11-02 is the last day at UTC-5: the consent holds until 05:00 UTC next day.
        const QDateTime expiresAt(QDate(2027, 11, 3), QTime(5, 0), Qt::UTC);
        REQUIRE(record.expiresAt() == expiresAt);

        CHECK(decide(itemOf(record), {consent}, instagramPublicEducation(), expiresAt.addMSecs(-1))
                  .allowed);
        for (const QDateTime &now : {expiresAt, expiresAt.addDays(30)}) {
            const GateDecision decision =
                decide(itemOf(record), {consent}, instagramPublicEducation(), now);
            CHECK_FALSE(decision.allowed);
            CHECK(decision.reasons ==
                  std::vector{reasonOf(reason::ConsentExpired, record.id, expiresAt)});
            CHECK(decision.consentIds.isEmpty());
        }
    }
    SECTION("expiry event recorded") {
        record.expiry = {Expiry::Kind::Event, QDate(2027, 11, 2),
                         QStringLiteral("the end of my treatment")};
        test::refreshFormHash(record);
        GateConsent consent = validConsent(record);
        CHECK(decide(itemOf(record), {consent}).allowed); // no event yet

        const QDateTime eventAt(QDate(2027, 2, 14), QTime(10, 0), Qt::UTC);
        consent.expiryEventAt = eventAt;
        CHECK(decide(itemOf(record), {consent}, instagramPublicEducation(), eventAt.addMSecs(-1))
                  .allowed);
        const GateDecision decision =
            decide(itemOf(record), {consent}, instagramPublicEducation(), eventAt);
        CHECK_FALSE(decision.allowed);
        CHECK(decision.reasons == std::vector{reasonOf(reason::ConsentExpired, record.id, eventAt,
                                                       QStringLiteral("event"))});

        // The latest date still ends it when the event never comes.
        const QDateTime expiresAt(QDate(2027, 11, 3), QTime(5, 0), Qt::UTC);
        consent.expiryEventAt.reset();
        CHECK(decide(itemOf(record), {consent}, instagramPublicEducation(), expiresAt).reasons ==
              std::vector{reasonOf(reason::ConsentExpired, record.id, expiresAt)});
    }
}

TEST_CASE("A platform the consent does not include is blocked") {
    const ConsentRecord record = test::validRecord();
    REQUIRE(Policy::defaults().allowedPlatforms.contains(QStringLiteral("tiktok")));
    const GateTarget target{QStringLiteral("tiktok"), QStringLiteral("public"),
                            QStringLiteral("education")};
    const GateDecision decision = decide(itemOf(record), {validConsent(record)}, target);
    CHECK_FALSE(decision.allowed);
    CHECK(decision.reasons ==
          std::vector{reasonOf(reason::PlatformNotCovered, record.id, {}, target.platform)});
    CHECK(decision.consentIds.isEmpty());
}

TEST_CASE("An audience the consent does not include is blocked") {
    const ConsentRecord record = test::validRecord();
    const GateTarget target{QStringLiteral("instagram"), QStringLiteral("followers"),
                            QStringLiteral("education")};
    const GateDecision decision = decide(itemOf(record), {validConsent(record)}, target);
    CHECK_FALSE(decision.allowed);
    CHECK(decision.reasons ==
          std::vector{reasonOf(reason::AudienceNotCovered, record.id, {}, target.audience)});
    CHECK(decision.consentIds.isEmpty());
}

TEST_CASE("A purpose the consent does not include is blocked") {
    const ConsentRecord record = test::validRecord();
    const GateTarget target{QStringLiteral("instagram"), QStringLiteral("public"),
                            QStringLiteral("practice_promotion")};
    const GateDecision decision = decide(itemOf(record), {validConsent(record)}, target);
    CHECK_FALSE(decision.allowed);
    CHECK(decision.reasons ==
          std::vector{reasonOf(reason::PurposeNotCovered, record.id, {}, target.purpose)});
    CHECK(decision.consentIds.isEmpty());
}

TEST_CASE("A de-identified-only consent allows only a redacted copy that hides every "
          "identifying region") {
    const ConsentRecord record = deidentifiedRecord();
    const GateConsent consent = validConsent(record);
    const Redaction face{NormRect{1500, 500, 4000, 4000}, RedactionKind::Blur};
    const Redaction tattooLeft{NormRect{7000, 8000, 600, 500}, RedactionKind::Solid};
    const Redaction tattooRight{NormRect{7600, 8000, 400, 500}, RedactionKind::Solid};

    SECTION("the original is refused") {
        const GateDecision decision = decide(itemOf(record), {consent});
        CHECK_FALSE(decision.allowed);
        CHECK(decision.reasons == std::vector{reasonOf(reason::DeidentifiedOnly, record.id)});
        CHECK(decision.consentIds.isEmpty());
    }
    SECTION("a derivative without redactions is refused") {
        const GateDecision decision = decide(derivativeOf(record, {}), {consent});
        CHECK_FALSE(decision.allowed);
        CHECK(decision.reasons == std::vector{reasonOf(reason::DeidentifiedOnly, record.id)});
    }
    SECTION("a derivative that leaves an identifying region visible is refused") {
        for (const auto &redactions : {std::vector{face}, std::vector{face, tattooLeft},
                                       std::vector{tattooLeft, tattooRight}}) {
            const GateDecision decision = decide(derivativeOf(record, redactions), {consent});
            CHECK_FALSE(decision.allowed);
            CHECK(decision.reasons ==
                  std::vector{reasonOf(reason::IdentifyingRegionVisible, record.id)});
            CHECK(decision.consentIds.isEmpty());
        }
    }
    SECTION("a derivative whose redactions hide every region is allowed") {
        const GateDecision decision =
            decide(derivativeOf(record, {tattooRight, face, tattooLeft}), {consent});
        CHECK(decision.allowed);
        CHECK(decision.reasons.empty());
        CHECK(decision.consentIds == QStringList{record.id});
    }
    SECTION("a story is the exact text the signer read: its hash is what counts") {
        const GateItem story = itemOf(record, 2);
        REQUIRE(story.kind == ItemKind::Story);
        CHECK(decide(story, {consent}).allowed);
    }
}

TEST_CASE("A redacted derivative is covered through its original's hash") {
    const ConsentRecord record = test::validRecord();
    REQUIRE(record.identifiable);
    const GateItem derivative = derivativeOf(record, {});
    REQUIRE(std::none_of(record.items.begin(), record.items.end(),
                         [&](const CoveredItem &c) { return c.sha256 == derivative.sha256; }));

    const GateDecision decision = decide(derivative, {validConsent(record)});
    CHECK(decision.allowed);
    CHECK(decision.consentIds == QStringList{record.id});

    // A copy of a photo the consent doesn't cover is not covered either.
    GateItem otherCopy = derivative;
    otherCopy.originalSha256 = hash64('8');
    CHECK(decide(otherCopy, {validConsent(record)}).reasons ==
          std::vector{reasonOf(reason::NoConsent)});
}

TEST_CASE("With several consents, one that allows is enough and is the only one named") {
    const ConsentRecord revokedRecord = test::validRecord();
    ConsentRecord validRecord = test::validRecord();
    validRecord.patientId = revokedRecord.patientId;
    validRecord.items = revokedRecord.items;
    test::refreshFormHash(validRecord);

    GateConsent revoked = validConsent(revokedRecord);
    revoked.revokedAt = during().addDays(-10);
    const GateItem item = itemOf(revokedRecord);
    for (const auto &consents : {std::vector{revoked, validConsent(validRecord)},
                                 std::vector{validConsent(validRecord), revoked}}) {
        const GateDecision decision = decide(item, consents);
        CHECK(decision.allowed);
        CHECK(decision.reasons.empty());
        CHECK(decision.consentIds == QStringList{validRecord.id});
    }
}

TEST_CASE("When every consent fails, the reasons are the union of theirs without duplicates") {
    const ConsentRecord first = test::validRecord();
    ConsentRecord second = test::validRecord();
    second.patientId = first.patientId;
    second.items = first.items;
    second.platforms = {QStringLiteral("website")};
    test::refreshFormHash(second);

    GateConsent revoked = validConsent(first);
    const QDateTime revokedAt = during().addDays(-10);
    revoked.revokedAt = revokedAt;
    GateConsent ended = validConsent(second);
    const QDateTime eventAt = during().addDays(-3);
    ended.expiryEventAt = eventAt;

    const GateDecision decision = decide(itemOf(first), {revoked, ended, revoked, ended});
    CHECK_FALSE(decision.allowed);
    CHECK(decision.consentIds.isEmpty());
    CHECK(decision.reasons ==
          std::vector{
              reasonOf(reason::ConsentRevoked, first.id, revokedAt),
              reasonOf(reason::ConsentExpired, second.id, eventAt, QStringLiteral("event")),
              reasonOf(reason::PlatformNotCovered, second.id, {}, QStringLiteral("instagram"))});
}

TEST_CASE("The empty target skips the target checks but still blocks revoked or expired "
          "consents") {
    const ConsentRecord record = test::validRecord();
    const GateItem item = itemOf(record);
    Policy noPlatforms = Policy::defaults();
    noPlatforms.allowedPlatforms.clear();
    REQUIRE(GateTarget{}.isEmpty());

    const GateDecision open = decide(item, {validConsent(record)}, GateTarget{}, during());
    CHECK(open.allowed);
    CHECK(open.consentIds == QStringList{record.id});
    CHECK(decide(item, {validConsent(record)}, GateTarget{}, during(), noPlatforms).allowed);

    GateConsent revoked = validConsent(record);
    revoked.revokedAt = during().addDays(-1);
    CHECK(decide(item, {revoked}, GateTarget{}).reasons ==
          std::vector{reasonOf(reason::ConsentRevoked, record.id, *revoked.revokedAt)});

    const GateDecision expired =
        decide(item, {validConsent(record)}, GateTarget{}, record.expiresAt());
    CHECK_FALSE(expired.allowed);
    CHECK(expired.reasons ==
          std::vector{reasonOf(reason::ConsentExpired, record.id, record.expiresAt())});

    CHECK(decide(item, {}, GateTarget{}).reasons == std::vector{reasonOf(reason::NoConsent)});
}

TEST_CASE("Every reason reads as a plain sentence with its specifics") {
    const QString id = QStringLiteral("con_0123456789abcdef0123456789abcdef");
    const QDateTime may3(QDate(2027, 5, 3), QTime(22, 15), Qt::UTC);
    const std::vector<std::pair<GateReason, QString>> expected{
        {reasonOf(reason::ItemNotFound), QStringLiteral("no photo or story has this id")},
        {reasonOf(reason::InvalidTarget, {}, {}, QStringLiteral("myspace/public/education")),
         QStringLiteral("unknown platform, audience or purpose: myspace/public/education")},
        {reasonOf(reason::PlatformNotAllowedByPolicy, {}, {}, QStringLiteral("tiktok")),
         QStringLiteral("the practice's policy does not allow posting to tiktok")},
        {reasonOf(reason::NoConsent), QStringLiteral("no consent covers this item")},
        {reasonOf(reason::StoryEditedAfterSigning, id),
         QStringLiteral("story edited after signing: consent %1 covers an earlier version")
             .arg(id)},
        {reasonOf(reason::ConsentTampered, id, {}, QStringLiteral("the signature does not verify")),
         QStringLiteral("consent %1 fails verification: the signature does not verify").arg(id)},
        {reasonOf(reason::ConsentDefective, id, {}, QStringLiteral("intent")),
         QStringLiteral("consent %1 is not valid: intent").arg(id)},
        {reasonOf(reason::ConsentRevoked, id, may3),
         QStringLiteral("consent %1 revoked on 2027-05-03").arg(id)},
        {reasonOf(reason::ConsentNotStarted, id, may3),
         QStringLiteral("consent %1 starts on 2027-05-03").arg(id)},
        {reasonOf(reason::ConsentExpired, id, may3),
         QStringLiteral("consent %1 expired on 2027-05-03").arg(id)},
        {reasonOf(reason::ConsentExpired, id, may3, QStringLiteral("event")),
         QStringLiteral("consent %1 ended with its expiry event on 2027-05-03").arg(id)},
        {reasonOf(reason::PlatformNotCovered, id, {}, QStringLiteral("tiktok")),
         QStringLiteral("consent %1 does not cover tiktok").arg(id)},
        {reasonOf(reason::AudienceNotCovered, id, {}, QStringLiteral("followers")),
         QStringLiteral("consent %1 does not cover the audience followers").arg(id)},
        {reasonOf(reason::PurposeNotCovered, id, {}, QStringLiteral("awareness")),
         QStringLiteral("consent %1 does not cover the purpose awareness").arg(id)},
        {reasonOf(reason::DeidentifiedOnly, id),
         QStringLiteral("consent %1 allows only de-identified use: share a redacted copy").arg(id)},
        {reasonOf(reason::IdentifyingRegionVisible, id),
         QStringLiteral("consent %1 allows only de-identified use and an identifying region is "
                        "not redacted")
             .arg(id)},
    };
    QStringList codes;
    for (const auto &[gateReason, message] : expected) {
        INFO(gateReason.code.toStdString());
        CHECK(gateReason.message() == message);
        codes.append(gateReason.code);
    }
    codes.removeDuplicates();
    CHECK(codes.size() == 15); // every code in reason::

    // The date is the UTC day of the instant, whatever zone the time was given in.
    const QDateTime lateEvening(QDate(2027, 5, 2), QTime(22, 0), QTimeZone(-5 * 3600));
    CHECK(reasonOf(reason::ConsentRevoked, id, lateEvening).message() ==
          QStringLiteral("consent %1 revoked on 2027-05-03").arg(id));
}
