// The pre-post checks: each check on its own, which of them block, and their order.

#include "domain/prepostchecks.h"

#include <catch2/catch_test_macros.hpp>

#include <algorithm>

using namespace cc::domain;
using namespace cc::domain::prepost;

namespace {

const phi::Context patient{QStringLiteral("Lucía Ferrer"), QStringLiteral("MR-77120"),
                           QDate(1958, 2, 3)};

bool has(const std::vector<Check> &checks, const char *kindCode) {
    return std::any_of(checks.begin(), checks.end(),
                       [kindCode](const Check &c) { return c.kind == QLatin1String(kindCode); });
}

const Check &first(const std::vector<Check> &checks, const char *kindCode) {
    const auto it = std::find_if(checks.begin(), checks.end(), [kindCode](const Check &c) {
        return c.kind == QLatin1String(kindCode);
    });
    REQUIRE(it != checks.end());
    return *it;
}

Item blockedBy(const QString &itemId, const char *code) {
    GateDecision decision;
    decision.reasons.push_back({QLatin1String(code), QStringLiteral("con_1"), {}, {}});
    return {itemId, decision};
}

Item allowedItem(const QString &itemId) {
    GateDecision decision;
    decision.allowed = true;
    decision.consentIds = {QStringLiteral("con_1")};
    return {itemId, decision};
}

const QString Clean =
    QStringLiteral("Healing after six weeks. General education, not medical advice.");

} // namespace

TEST_CASE("A clean post with an allowed item has no checks") {
    const auto checks =
        checkPost({Clean, {patient}, {allowedItem(QStringLiteral("pho_1"))}, false});
    CHECK(checks.empty());
    CHECK_FALSE(blocks(checks));
}

TEST_CASE("The patient's name, record number and a full date in the text block the post") {
    const QString text = QStringLiteral("Lucía's lesion (MR-77120) on 4 May 2026. ") + Clean;
    const auto checks = checkPost({text, {patient}, {}, false});
    REQUIRE(blocks(checks));
    QStringList kinds;
    for (const Check &check : checks) {
        if (check.kind == QLatin1String(kind::Phi)) {
            CHECK(check.severity == Severity::Blocking);
            CHECK(check.detail == text.mid(check.start, check.length));
            kinds.append(check.phiKind);
        }
    }
    CHECK(kinds.contains(QStringLiteral("name")));
    CHECK(kinds.contains(QStringLiteral("record_number")));
    CHECK(kinds.contains(QStringLiteral("date")));
    CHECK(first(checks, kind::Phi).message().contains(QStringLiteral("protected health")));
}

TEST_CASE("PHI is looked for with every attached item's patient") {
    const phi::Context other{QStringLiteral("Tomás Rivera"), {}, {}};
    const QString text = QStringLiteral("Tomás healed well. ") + Clean;
    CHECK_FALSE(blocks(checkPost({text, {patient}, {}, false})));
    CHECK(blocks(checkPost({text, {patient, other}, {}, false})));
}

TEST_CASE("A story edited after signing and a photo needing de-identification block") {
    const auto checks =
        checkPost({Clean,
                   {patient},
                   {blockedBy(QStringLiteral("stv_2"), reason::StoryEditedAfterSigning),
                    blockedBy(QStringLiteral("pho_1"), reason::DeidentifiedOnly),
                    blockedBy(QStringLiteral("pho_2"), reason::IdentifyingRegionVisible)},
                   false});
    REQUIRE(checks.size() == 3);
    CHECK(checks[0].kind == QLatin1String(kind::StoryVersion));
    CHECK(checks[0].itemId == QStringLiteral("stv_2"));
    CHECK(checks[1].kind == QLatin1String(kind::DeidentifiedRequired));
    CHECK(checks[1].itemId == QStringLiteral("pho_1"));
    CHECK_FALSE(checks[1].suggestion.isEmpty());
    CHECK(checks[2].itemId == QStringLiteral("pho_2"));
    CHECK(blocks(checks));
}

TEST_CASE("Any other gate reason is one item_blocked check naming the reason") {
    const auto checks =
        checkPost({Clean, {}, {blockedBy(QStringLiteral("pho_1"), reason::ConsentRevoked)}, false});
    REQUIRE(checks.size() == 1);
    CHECK(checks[0].kind == QLatin1String(kind::ItemBlocked));
    CHECK(checks[0].detail == QLatin1String(reason::ConsentRevoked));
    CHECK(checks[0].severity == Severity::Blocking);
}

TEST_CASE("Compensated content needs a sponsorship disclosure") {
    CHECK(has(checkPost({Clean, {}, {}, true}), kind::SponsorshipDisclosure));
    CHECK(blocks(checkPost({Clean, {}, {}, true})));
    for (const char *disclosure : {"#ad", "#Sponsored", "Paid partnership with Acme.",
                                   "#publicidad", "Contenido patrocinado", "colaboración pagada"}) {
        INFO(disclosure);
        const QString text = Clean + u' ' + QString::fromUtf8(disclosure);
        CHECK_FALSE(has(checkPost({text, {}, {}, true}), kind::SponsorshipDisclosure));
    }
    // Not a disclosure: words that merely contain the letters.
    CHECK(findSponsorshipDisclosure(QStringLiteral("#adhesive #adult bad ads-free")) == -1);
    CHECK_FALSE(has(checkPost({Clean, {}, {}, false}), kind::SponsorshipDisclosure));
    CHECK(first(checkPost({Clean, {}, {}, true}), kind::SponsorshipDisclosure).suggestion ==
          QStringLiteral("#ad"));
}

TEST_CASE("A health claim without a source link warns and suggests where to find one") {
    const QString text =
        QStringLiteral("This cream cures eczema in two weeks. Studies show 90% of patients "
                       "improve. ") +
        Clean;
    const auto checks = checkPost({text, {}, {}, false});
    CHECK_FALSE(blocks(checks));
    std::vector<Check> claims;
    std::copy_if(checks.begin(), checks.end(), std::back_inserter(claims),
                 [](const Check &c) { return c.kind == QLatin1String(kind::HealthClaimSource); });
    REQUIRE(claims.size() == 3);
    CHECK(text.mid(claims[0].start, claims[0].length) == QStringLiteral("cures"));
    CHECK(claims[0].detail == QStringLiteral("This cream cures eczema in two weeks"));
    CHECK(text.mid(claims[1].start, claims[1].length) == QStringLiteral("Studies show"));
    CHECK(text.mid(claims[2].start, claims[2].length) == QStringLiteral("90% of patients"));
    CHECK(claims[0].severity == Severity::Warning);
    CHECK(claims[0].suggestion.contains(QStringLiteral("https://")));

    const QString sourced = text + QStringLiteral(" Source: https://doi.org/10.1056/NEJMoa2034577");
    const auto withSource = checkPost({sourced, {}, {}, false});
    CHECK_FALSE(has(withSource, kind::HealthClaimSource));
    CHECK_FALSE(has(withSource, kind::Phi)); // a DOI is not an identifier

    CHECK(has(
        checkPost({QStringLiteral("Esta crema previene las cicatrices. ") + Clean, {}, {}, false}),
        kind::HealthClaimSource));
    CHECK_FALSE(has(
        checkPost(
            {QStringLiteral("A procurement update and a secured door. ") + Clean, {}, {}, false}),
        kind::HealthClaimSource));
}

TEST_CASE("A post without the education line gets a suggestion to add it") {
    const auto checks = checkPost({QStringLiteral("Healing after six weeks."), {}, {}, false});
    REQUIRE(checks.size() == 1);
    CHECK(checks[0].kind == QLatin1String(kind::EducationLine));
    CHECK(checks[0].severity == Severity::Suggestion);
    CHECK(checks[0].suggestion == educationLine(QStringLiteral("en")));
    CHECK(hasEducationLine(educationLine(QStringLiteral("en"))));
    CHECK(hasEducationLine(educationLine(QStringLiteral("es"))));
    CHECK(hasEducationLine(QStringLiteral("This is not medical advice.")));
    CHECK(checkPost({QString(), {}, {}, false}).empty());
}

TEST_CASE("Blocking checks come first, then warnings, then suggestions") {
    const auto checks =
        checkPost({QStringLiteral("It cures acne, Lucía says."), {patient}, {}, true});
    REQUIRE(checks.size() >= 4);
    for (std::size_t i = 1; i < checks.size(); ++i)
        CHECK(int(checks[i - 1].severity) <= int(checks[i].severity));
    CHECK(checks.back().kind == QLatin1String(kind::EducationLine));
    for (const Check &check : checks)
        CHECK_FALSE(check.message().isEmpty());
}
