// Identifiers: a kind prefix and 16 random bytes in lowercase hex, told apart by prefix.

#include "domain/ids.h"

#include "domaintestsupport.h"

#include <catch2/catch_test_macros.hpp>

#include <QSet>

#include <algorithm>

#include <utility>
#include <vector>

using namespace cc::domain;

namespace {

const std::vector<std::pair<ids::Kind, const char *>> &kinds() {
    static const std::vector<std::pair<ids::Kind, const char *>> all{
        {ids::Kind::Patient, "pat_"}, {ids::Kind::Photo, "pho_"},
        {ids::Kind::Story, "sto_"},   {ids::Kind::StoryVersion, "stv_"},
        {ids::Kind::Consent, "con_"}, {ids::Kind::Revocation, "rev_"},
        {ids::Kind::Draft, "dra_"},   {ids::Kind::Post, "pos_"},
    };
    return all;
}

const QString Hex = QStringLiteral("0123456789abcdef0123456789abcdef");

} // namespace

TEST_CASE("a generated id is its kind's prefix and 32 lowercase hex digits") {
    for (const auto &[kind, prefix] : kinds()) {
        CAPTURE(prefix);
        const QString id = ids::generate(kind);
        CHECK(id.size() == 36);
        CHECK(id.startsWith(QLatin1StringView(prefix)));
        const QString body = id.mid(4);
        CHECK(std::all_of(body.begin(), body.end(), [](QChar c) {
            return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
        }));
        CHECK(ids::kindOf(id) == kind);
        CHECK(ids::isValid(id, kind));
    }
}

TEST_CASE("an id is valid only for the kind it names") {
    for (const auto &[kind, prefix] : kinds()) {
        const QString id = QLatin1StringView(prefix) + Hex;
        CAPTURE(id);
        CHECK(ids::kindOf(id) == kind);
        for (const auto &[other, otherPrefix] : kinds())
            CHECK(ids::isValid(id, other) == (other == kind));
    }
}

TEST_CASE("ids are not repeated") {
    for (const auto &[kind, prefix] : kinds()) {
        CAPTURE(prefix);
        QSet<QString> seen;
        for (int i = 0; i < 1000; ++i)
            seen.insert(ids::generate(kind));
        CHECK(seen.size() == 1000);
    }
}

TEST_CASE("malformed ids name no kind") {
    const QStringList malformed{
        QString(),
        QStringLiteral("pho_"),
        QStringLiteral("img_") + Hex,
        QStringLiteral("pho-") + Hex,
        QStringLiteral("PHO_") + Hex,
        QStringLiteral("pho_") + Hex.toUpper(),
        QStringLiteral("pho_0123456789ABCDEF0123456789abcdef"),
        QStringLiteral("pho_") + Hex.left(31),
        QStringLiteral("pho_") + Hex + QLatin1Char('0'),
        QStringLiteral("pho_") + Hex.left(31) + QLatin1Char('g'),
        QStringLiteral("pho_") + Hex.left(31) + QLatin1Char(' '),
        QStringLiteral(" pho_") + Hex.left(31),
        QStringLiteral("pho_") + Hex.left(31) + QChar(0x0661), // ARABIC-INDIC DIGIT ONE
        QStringLiteral("pho_") + Hex.left(31) + QChar(0xFF41), // FULLWIDTH LATIN SMALL A
        QStringLiteral("pho_") + QString(32, QLatin1Char('-')),
        QStringLiteral("photo") + Hex.left(31),
    };
    for (const QString &id : malformed) {
        CAPTURE(id);
        CHECK_FALSE(ids::kindOf(id).has_value());
        CHECK_FALSE(ids::isValid(id, ids::Kind::Photo));
    }
}
