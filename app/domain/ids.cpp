#include "domain/ids.h"

#include "crypto/random.h"

#include <algorithm>
#include <array>

namespace cc::domain::ids {

namespace {

constexpr qsizetype PrefixSize = 4;
constexpr std::size_t RandomBytes = 16;

struct Prefix {
    Kind kind;
    QLatin1StringView text;
};

constexpr std::array Prefixes{
    Prefix{Kind::Patient, QLatin1StringView("pat_")},
    Prefix{Kind::Photo, QLatin1StringView("pho_")},
    Prefix{Kind::Story, QLatin1StringView("sto_")},
    Prefix{Kind::StoryVersion, QLatin1StringView("stv_")},
    Prefix{Kind::Consent, QLatin1StringView("con_")},
    Prefix{Kind::Revocation, QLatin1StringView("rev_")},
    Prefix{Kind::Draft, QLatin1StringView("dra_")},
    Prefix{Kind::Post, QLatin1StringView("pos_")},
};

QLatin1StringView prefixOf(Kind kind) {
    for (const auto &prefix : Prefixes) {
        if (prefix.kind == kind)
            return prefix.text;
    }
    return {};
}

bool isLowerHex(QChar c) {
    return (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
           (c >= QLatin1Char('a') && c <= QLatin1Char('f'));
}

} // namespace

QString generate(Kind kind) {
    const auto hex = crypto::toHex(crypto::randomBytes(RandomBytes));
    return QString(prefixOf(kind)) + QString::fromLatin1(hex.data(), qsizetype(hex.size()));
}

std::optional<Kind> kindOf(const QString &id) {
    if (id.size() != PrefixSize + qsizetype(2 * RandomBytes))
        return std::nullopt;
    const QStringView body = QStringView(id).mid(PrefixSize);
    if (!std::all_of(body.begin(), body.end(), isLowerHex))
        return std::nullopt;
    for (const auto &prefix : Prefixes) {
        if (id.startsWith(prefix.text))
            return prefix.kind;
    }
    return std::nullopt;
}

bool isValid(const QString &id, Kind kind) {
    return kindOf(id) == kind;
}

} // namespace cc::domain::ids
