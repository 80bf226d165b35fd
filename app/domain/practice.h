#pragma once

// The practice's policy and the clinician's profile: set in Settings, copied into
// every consent sealed under them (so a record is judged by the rules it was made under).

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace cc::domain {

struct Policy {
    static constexpr int DefaultMaxDurationDays = 730;
    static constexpr int LongestMaxDurationDays = 3650;

    bool witnessRequired = false;
    // The longest a consent may run, from the day it is signed to its end date.
    int maxDurationDays = DefaultMaxDurationDays;
    // Platforms the practice lets its clinicians post to (vocabulary codes, in
    // vocabulary order). A consent can't name others, and nothing is shared to others.
    QStringList allowedPlatforms;

    // Every platform allowed, no witness, two years.
    [[nodiscard]] static Policy defaults();
    // Empty when the policy is usable; otherwise what is wrong with it.
    [[nodiscard]] QString problem() const;

    // {"allowedPlatforms":[...],"maxDurationDays":n,"witnessRequired":b}
    [[nodiscard]] QJsonObject toJson() const;
    // Strict inverse of toJson (no extra members); nullopt otherwise. Never throws.
    [[nodiscard]] static std::optional<Policy> fromJson(const QJsonValue &json);
    friend bool operator==(const Policy &, const Policy &) = default;
};

// Who discloses: named on every consent form and record.
struct ClinicianProfile {
    QString name;            // "Dr. Ana Ruiz"
    QString credentials;     // "MD, Dermatology"
    QString practice;        // "Ruiz Dermatology"
    QString practiceContact; // where a written revocation goes: address or e-mail

    [[nodiscard]] bool isComplete() const;
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::optional<ClinicianProfile> fromJson(const QJsonValue &json);
    friend bool operator==(const ClinicianProfile &, const ClinicianProfile &) = default;
};

} // namespace cc::domain
