#include "domain/practice.h"

#include "domain/jsonread.h"
#include "domain/vocabulary.h"

#include <QJsonArray>

namespace cc::domain {

Policy Policy::defaults() {
    Policy policy;
    policy.allowedPlatforms = vocabulary::platforms();
    return policy;
}

QString Policy::problem() const {
    if (maxDurationDays < 1 || maxDurationDays > LongestMaxDurationDays)
        return QStringLiteral("the longest consent must be between 1 and %1 days")
            .arg(LongestMaxDurationDays);
    if (allowedPlatforms.isEmpty())
        return QStringLiteral("at least one platform must be allowed");
    for (const QString &platform : allowedPlatforms) {
        if (!vocabulary::isPlatform(platform))
            return QStringLiteral("unknown platform '%1'").arg(platform);
    }
    if (QStringList unique = allowedPlatforms; unique.removeDuplicates() != 0)
        return QStringLiteral("a platform is listed twice");
    return {};
}

QJsonObject Policy::toJson() const {
    return QJsonObject{
        {QStringLiteral("allowedPlatforms"), QJsonArray::fromStringList(allowedPlatforms)},
        {QStringLiteral("maxDurationDays"), maxDurationDays},
        {QStringLiteral("witnessRequired"), witnessRequired}};
}

std::optional<Policy> Policy::fromJson(const QJsonValue &json) {
    const QJsonObject object = json.toObject();
    if (!json.isObject() ||
        !jsonread::hasExactly(object, {"allowedPlatforms", "maxDurationDays", "witnessRequired"}))
        return std::nullopt;
    const auto platforms = jsonread::strings(object, "allowedPlatforms", 64);
    const auto days = jsonread::integer(object, "maxDurationDays", 0, 100000);
    const auto witness = jsonread::boolean(object, "witnessRequired");
    if (!platforms || !days || !witness)
        return std::nullopt;
    Policy policy;
    policy.allowedPlatforms = *platforms;
    policy.maxDurationDays = int(*days);
    policy.witnessRequired = *witness;
    return policy;
}

bool ClinicianProfile::isComplete() const {
    return !name.trimmed().isEmpty() && !credentials.trimmed().isEmpty() &&
           !practice.trimmed().isEmpty() && !practiceContact.trimmed().isEmpty();
}

QJsonObject ClinicianProfile::toJson() const {
    return QJsonObject{{QStringLiteral("credentials"), credentials},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("practice"), practice},
                       {QStringLiteral("practiceContact"), practiceContact}};
}

std::optional<ClinicianProfile> ClinicianProfile::fromJson(const QJsonValue &json) {
    const QJsonObject object = json.toObject();
    if (!json.isObject() ||
        !jsonread::hasExactly(object, {"credentials", "name", "practice", "practiceContact"}))
        return std::nullopt;
    const auto credentials = jsonread::string(object, "credentials");
    const auto name = jsonread::string(object, "name");
    const auto practice = jsonread::string(object, "practice");
    const auto contact = jsonread::string(object, "practiceContact");
    if (!credentials || !name || !practice || !contact)
        return std::nullopt;
    return ClinicianProfile{*name, *credentials, *practice, *contact};
}

} // namespace cc::domain
