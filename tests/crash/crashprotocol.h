#pragma once

// What the crash writer and the crash suite agree on: the operation kinds, their names in
// the writer's output, how often the writer picks each, and the passcodes' names.

#include <QString>

#include <array>
#include <optional>

namespace cc::crashtest {

// The writer's operations, each a use case of the consent core.
enum class Kind { Patient, Photo, Story, Consent, Revoke, Passcode, Post };

inline constexpr std::array<Kind, 7> OperationKinds{Kind::Patient, Kind::Photo,  Kind::Story,
                                                    Kind::Consent, Kind::Revoke, Kind::Passcode,
                                                    Kind::Post};

[[nodiscard]] inline QString name(Kind kind) {
    switch (kind) {
    case Kind::Patient:
        return QStringLiteral("patient");
    case Kind::Photo:
        return QStringLiteral("photo");
    case Kind::Story:
        return QStringLiteral("story");
    case Kind::Consent:
        return QStringLiteral("consent");
    case Kind::Revoke:
        return QStringLiteral("revoke");
    case Kind::Passcode:
        return QStringLiteral("passcode");
    case Kind::Post:
        return QStringLiteral("post");
    }
    return {};
}

[[nodiscard]] inline std::optional<Kind> kindFromName(const QString &text) {
    for (const Kind kind : OperationKinds) {
        if (name(kind) == text)
            return kind;
    }
    return std::nullopt;
}

// The writer's mix without a focus; the focus kind gets FocusWeight more.
[[nodiscard]] inline int baseWeight(Kind kind) {
    switch (kind) {
    case Kind::Patient:
        return 3;
    case Kind::Photo:
        return 30;
    case Kind::Story:
        return 8;
    case Kind::Consent:
        return 20;
    case Kind::Revoke:
        return 12;
    case Kind::Passcode:
        return 10;
    case Kind::Post:
        return 17;
    }
    return 0;
}
inline constexpr int FocusWeight = 100;
// The focus argument that favours no kind.
inline const QString NoFocus = QStringLiteral("mix");

// The two passcodes the vault alternates between: "a" and "b" on the command line and in
// the writer's output.
[[nodiscard]] inline QString passcodeName(int index) {
    return index == 0 ? QStringLiteral("a") : QStringLiteral("b");
}
[[nodiscard]] inline int passcodeIndex(const QString &text) {
    return text == QLatin1String("a") ? 0 : text == QLatin1String("b") ? 1 : -1;
}

} // namespace cc::crashtest
