// The practice's policy and the clinician's profile, and their strict JSON forms.

#include "domain/practice.h"

#include "domain/canonicaljson.h"
#include "domain/vocabulary.h"
#include "domaintestsupport.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <QJsonArray>
#include <QJsonObject>

#include <vector>

using namespace cc::domain;
using Catch::Matchers::ContainsSubstring;

namespace {

Policy strictPolicy() {
    Policy policy;
    policy.witnessRequired = true;
    policy.maxDurationDays = 365;
    policy.allowedPlatforms = {QStringLiteral("instagram"), QStringLiteral("website")};
    return policy;
}

ClinicianProfile profile() {
    return {QStringLiteral("Dr. Ana Ruiz"), QStringLiteral("MD, Dermatology"),
            QStringLiteral("Bayview Skin Clinic"), QStringLiteral("200 Harbor Street, Bayview")};
}

QJsonObject with(QJsonObject object, const char *name, const QJsonValue &value) {
    object.insert(QLatin1StringView(name), value);
    return object;
}

QJsonObject without(QJsonObject object, const char *name) {
    object.remove(QLatin1StringView(name));
    return object;
}

} // namespace

// --- policy -----------------------------------------------------------------------------

TEST_CASE("the default policy allows every platform for two years without a witness") {
    const Policy policy = Policy::defaults();
    CHECK(policy.allowedPlatforms == vocabulary::platforms());
    CHECK(policy.maxDurationDays == 730);
    CHECK(policy.maxDurationDays == Policy::DefaultMaxDurationDays);
    CHECK_FALSE(policy.witnessRequired);
    CHECK(policy.problem().isEmpty());
}

TEST_CASE("the longest consent must be between one day and ten years") {
    Policy policy = Policy::defaults();
    for (const int days : {1, 90, 730, Policy::LongestMaxDurationDays}) {
        CAPTURE(days);
        policy.maxDurationDays = days;
        CHECK(policy.problem().isEmpty());
    }
    for (const int days : {0, -1, Policy::LongestMaxDurationDays + 1, 100000}) {
        CAPTURE(days);
        policy.maxDurationDays = days;
        CHECK_THAT(policy.problem().toStdString(), ContainsSubstring("between 1 and 3650 days"));
    }
}

TEST_CASE("a policy must allow at least one platform, each known and listed once") {
    Policy policy = Policy::defaults();
    policy.allowedPlatforms.clear();
    CHECK_THAT(policy.problem().toStdString(), ContainsSubstring("at least one platform"));

    policy.allowedPlatforms = {QStringLiteral("instagram"), QStringLiteral("myspace")};
    CHECK_THAT(policy.problem().toStdString(), ContainsSubstring("unknown platform 'myspace'"));

    policy.allowedPlatforms = {QStringLiteral("Instagram")};
    CHECK_THAT(policy.problem().toStdString(), ContainsSubstring("unknown platform"));

    policy.allowedPlatforms = {QStringLiteral("website"), QStringLiteral("x"),
                               QStringLiteral("website")};
    CHECK_THAT(policy.problem().toStdString(), ContainsSubstring("listed twice"));

    policy.allowedPlatforms = {QStringLiteral("website")};
    CHECK(policy.problem().isEmpty());
}

TEST_CASE("a policy's JSON has exactly its three members") {
    CHECK(canonicalJson(strictPolicy().toJson()) ==
          R"({"allowedPlatforms":["instagram","website"],"maxDurationDays":365,)"
          R"("witnessRequired":true})");
}

TEST_CASE("a policy survives toJson and fromJson unchanged") {
    for (const Policy &policy : {Policy::defaults(), strictPolicy(), Policy{}}) {
        const auto parsed = Policy::fromJson(policy.toJson());
        REQUIRE(parsed.has_value());
        CHECK(*parsed == policy);
    }
    // The platforms keep their order; problem() judges the values, not fromJson().
    Policy unusable;
    unusable.maxDurationDays = 0;
    unusable.allowedPlatforms = {QStringLiteral("website"), QStringLiteral("website")};
    CHECK(Policy::fromJson(unusable.toJson()) == unusable);
}

TEST_CASE("a policy's JSON of any other shape is refused") {
    const QJsonObject json = strictPolicy().toJson();
    QJsonArray tooMany;
    for (int i = 0; i < 65; ++i)
        tooMany.append(QStringLiteral("website"));
    const std::vector<std::pair<const char *, QJsonValue>> refused{
        {"not an object", QJsonArray{json}},
        {"null", QJsonValue::Null},
        {"a string", QStringLiteral("default")},
        {"an empty object", QJsonObject()},
        {"an extra member", with(json, "note", QStringLiteral("set by the privacy officer"))},
        {"no platforms", without(json, "allowedPlatforms")},
        {"no maximum", without(json, "maxDurationDays")},
        {"no witness rule", without(json, "witnessRequired")},
        {"platforms as a string", with(json, "allowedPlatforms", QStringLiteral("instagram"))},
        {"a platform that is not a string",
         with(json, "allowedPlatforms", QJsonArray{QStringLiteral("instagram"), 1})},
        {"more than 64 platforms", with(json, "allowedPlatforms", tooMany)},
        {"a maximum as a string", with(json, "maxDurationDays", QStringLiteral("365"))},
        {"a fractional maximum", with(json, "maxDurationDays", 365.5)},
        {"a negative maximum", with(json, "maxDurationDays", -1)},
        {"an absurd maximum", with(json, "maxDurationDays", 100001)},
        {"a maximum as a flag", with(json, "maxDurationDays", true)},
        {"a witness rule as a number", with(json, "witnessRequired", 1)},
        {"a witness rule as a string", with(json, "witnessRequired", QStringLiteral("true"))},
        {"a witness rule as null", with(json, "witnessRequired", QJsonValue::Null)},
    };
    for (const auto &[what, value] : refused) {
        CAPTURE(what);
        CHECK_FALSE(Policy::fromJson(value).has_value());
    }
    CHECK(Policy::fromJson(with(json, "allowedPlatforms", QJsonArray())).has_value());
    CHECK(Policy::fromJson(with(json, "maxDurationDays", 100000)).has_value());
}

// --- clinician profile ------------------------------------------------------------------

TEST_CASE("a clinician profile is complete with a name, credentials, a practice and a contact") {
    CHECK(profile().isComplete());

    // The consent form names the clinician's credentials.
    ClinicianProfile noCredentials = profile();
    noCredentials.credentials.clear();
    CHECK_FALSE(noCredentials.isComplete());

    ClinicianProfile noName = profile();
    noName.name = QStringLiteral("  ");
    CHECK_FALSE(noName.isComplete());

    ClinicianProfile noPractice = profile();
    noPractice.practice.clear();
    CHECK_FALSE(noPractice.isComplete());

    ClinicianProfile noContact = profile();
    noContact.practiceContact = QStringLiteral("\n");
    CHECK_FALSE(noContact.isComplete());

    CHECK_FALSE(ClinicianProfile{}.isComplete());
}

TEST_CASE("a clinician profile survives toJson and fromJson unchanged") {
    CHECK(canonicalJson(profile().toJson()) ==
          R"({"credentials":"MD, Dermatology","name":"Dr. Ana Ruiz",)"
          R"("practice":"Bayview Skin Clinic","practiceContact":"200 Harbor Street, Bayview"})");
    for (const ClinicianProfile &clinician : {profile(), ClinicianProfile{}}) {
        const auto parsed = ClinicianProfile::fromJson(clinician.toJson());
        REQUIRE(parsed.has_value());
        CHECK(*parsed == clinician);
    }
}

TEST_CASE("a clinician profile's JSON of any other shape is refused") {
    const QJsonObject json = profile().toJson();
    const std::vector<std::pair<const char *, QJsonValue>> refused{
        {"not an object", QJsonArray{json}},
        {"null", QJsonValue::Null},
        {"an extra member", with(json, "email", QStringLiteral("ana@example.org"))},
        {"no name", without(json, "name")},
        {"no credentials", without(json, "credentials")},
        {"no practice", without(json, "practice")},
        {"no contact", without(json, "practiceContact")},
        {"a name that is not a string", with(json, "name", 1)},
        {"credentials as a list", with(json, "credentials", QJsonArray{QStringLiteral("MD")})},
        {"a practice as null", with(json, "practice", QJsonValue::Null)},
        {"a contact as an object", with(json, "practiceContact", QJsonObject())},
    };
    for (const auto &[what, value] : refused) {
        CAPTURE(what);
        CHECK_FALSE(ClinicianProfile::fromJson(value).has_value());
    }
}
