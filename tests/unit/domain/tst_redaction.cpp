// Redactions: whether the rectangles painted over a photo hide its identifying regions,
// and the JSON forms kept in records.

#include "domain/redaction.h"

#include <catch2/catch_test_macros.hpp>

#include <QJsonDocument>
#include <QJsonObject>

#include <array>
#include <limits>
#include <random>

using namespace cc::domain;

namespace {

QJsonValue parsed(const char *json) {
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(json), &error);
    REQUIRE(error.error == QJsonParseError::NoError);
    return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
}

QByteArray compact(const QJsonArray &array) {
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

// Coarse grid for the brute-force check: rectangles on a 0..100 grid, scaled by 100.
constexpr int Grid = 100;
constexpr int Cell = NormRect::Scale / Grid;

NormRect randomGridRect(std::mt19937_64 &rng, int maxSide) {
    const int w = 1 + static_cast<int>(rng() % static_cast<std::uint64_t>(maxSide));
    const int h = 1 + static_cast<int>(rng() % static_cast<std::uint64_t>(maxSide));
    const int x = static_cast<int>(rng() % static_cast<std::uint64_t>(Grid - w + 1));
    const int y = static_cast<int>(rng() % static_cast<std::uint64_t>(Grid - h + 1));
    return NormRect{x * Cell, y * Cell, w * Cell, h * Cell};
}

// Every unit cell of the coarse grid inside region lies inside one cover rectangle.
bool coveredByBruteForce(const NormRect &region, const std::vector<NormRect> &cover) {
    std::array<std::array<bool, Grid>, Grid> painted{};
    for (const NormRect &c : cover) {
        for (int gx = c.x / Cell; gx < (c.x + c.w) / Cell; ++gx) {
            for (int gy = c.y / Cell; gy < (c.y + c.h) / Cell; ++gy) {
                painted[static_cast<std::size_t>(gx)][static_cast<std::size_t>(gy)] = true;
            }
        }
    }
    for (int gx = region.x / Cell; gx < (region.x + region.w) / Cell; ++gx) {
        for (int gy = region.y / Cell; gy < (region.y + region.h) / Cell; ++gy) {
            if (!painted[static_cast<std::size_t>(gx)][static_cast<std::size_t>(gy)]) {
                return false;
            }
        }
    }
    return true;
}

} // namespace

TEST_CASE("a rectangle is valid only inside the image and not empty") {
    CHECK(NormRect{0, 0, 10000, 10000}.isValid());
    CHECK(NormRect{9999, 9999, 1, 1}.isValid());
    CHECK(NormRect{2500, 4000, 3000, 1500}.isValid());
    CHECK_FALSE(NormRect{}.isValid());
    CHECK_FALSE(NormRect{0, 0, 0, 10}.isValid());
    CHECK_FALSE(NormRect{0, 0, 10, 0}.isValid());
    CHECK_FALSE(NormRect{0, 0, -10, 10}.isValid());
    CHECK_FALSE(NormRect{-1, 0, 10, 10}.isValid());
    CHECK_FALSE(NormRect{0, -1, 10, 10}.isValid());
    CHECK_FALSE(NormRect{9999, 0, 2, 10}.isValid());
    CHECK_FALSE(NormRect{0, 9999, 10, 2}.isValid());
    CHECK_FALSE(NormRect{0, 0, 10001, 10}.isValid());
    constexpr int big = std::numeric_limits<int>::max();
    CHECK_FALSE(NormRect{big, big, big, big}.isValid());
    CHECK_FALSE(NormRect{1, 1, big, big}.isValid());
    CHECK_FALSE(NormRect{big, 0, 1, 1}.isValid());
}

TEST_CASE("one rectangle covering the region hides it") {
    const NormRect face{2000, 1500, 3000, 4000};
    CHECK(isCovered(face, {face}));
    CHECK(isCovered(face, {NormRect{1000, 1000, 5000, 5000}}));
    CHECK(isCovered(face, {NormRect{0, 0, 10000, 10000}}));
    CHECK(isCovered(face, {NormRect{7000, 7000, 100, 100}, NormRect{1999, 1499, 3002, 4002}}));
}

TEST_CASE("two rectangles that touch cover the region together") {
    const NormRect face{2000, 2000, 4000, 2000};
    // Side by side, sharing the edge x = 4000.
    CHECK(isCovered(face, {NormRect{2000, 2000, 2000, 2000}, NormRect{4000, 2000, 2000, 2000}}));
    // One above the other, sharing the edge y = 3000.
    CHECK(isCovered(face, {NormRect{1000, 1000, 6000, 2000}, NormRect{2000, 3000, 4000, 1000}}));
    // Overlapping is fine too.
    CHECK(isCovered(face, {NormRect{2000, 2000, 2500, 2000}, NormRect{3500, 2000, 2500, 2000}}));
}

TEST_CASE("a gap of one unit leaves the region uncovered") {
    const NormRect face{2000, 2000, 4000, 2000};
    CHECK_FALSE(
        isCovered(face, {NormRect{2000, 2000, 2000, 2000}, NormRect{4001, 2000, 1999, 2000}}));
    CHECK_FALSE(
        isCovered(face, {NormRect{2000, 2000, 4000, 999}, NormRect{2000, 3000, 4000, 1000}}));
    // One unit short on a side.
    CHECK_FALSE(isCovered(face, {NormRect{2000, 2000, 3999, 2000}}));
    CHECK_FALSE(isCovered(face, {NormRect{2001, 2000, 3999, 2000}}));
    CHECK_FALSE(isCovered(face, {NormRect{2000, 2000, 4000, 1999}}));
    // A one-unit hole in the middle of four rectangles.
    CHECK_FALSE(
        isCovered(NormRect{0, 0, 21, 21}, {NormRect{0, 0, 10, 21}, NormRect{11, 0, 10, 21},
                                           NormRect{10, 0, 1, 10}, NormRect{10, 11, 1, 10}}));
    CHECK(isCovered(NormRect{0, 0, 21, 21},
                    {NormRect{0, 0, 10, 21}, NormRect{11, 0, 10, 21}, NormRect{10, 0, 1, 10},
                     NormRect{10, 11, 1, 10}, NormRect{10, 10, 1, 1}}));
}

TEST_CASE("a region partly outside every rectangle is not covered") {
    const NormRect face{2000, 2000, 2000, 2000};
    CHECK_FALSE(isCovered(face, {NormRect{3000, 3000, 2000, 2000}}));
    CHECK_FALSE(isCovered(face, {NormRect{0, 0, 10000, 3999}}));
    CHECK_FALSE(isCovered(face, {NormRect{5000, 5000, 1000, 1000}}));
    // Touching the region only along its edge hides none of it.
    CHECK_FALSE(isCovered(face, {NormRect{0, 0, 2000, 10000}, NormRect{4000, 0, 6000, 10000}}));
}

TEST_CASE("an empty cover covers nothing") {
    CHECK_FALSE(isCovered(NormRect{0, 0, 1, 1}, {}));
    CHECK_FALSE(isCovered(NormRect{0, 0, 10000, 10000}, {}));
}

TEST_CASE("invalid rectangles are never covered and hide nothing") {
    CHECK_FALSE(isCovered(NormRect{}, {NormRect{0, 0, 10000, 10000}}));
    CHECK_FALSE(isCovered(NormRect{-100, 0, 200, 200}, {NormRect{0, 0, 10000, 10000}}));
    CHECK_FALSE(isCovered(NormRect{100, 100, 100, 100}, {NormRect{-1, -1, 20000, 20000}}));
    CHECK_FALSE(isCovered(NormRect{100, 100, 100, 100}, {NormRect{100, 100, -100, -100}}));
}

TEST_CASE("many small tiles that cover a region exactly hide it") {
    const NormRect region{1000, 2000, 5000, 3000};
    std::vector<NormRect> tiles;
    for (int x = 1000; x < 6000; x += 250) {
        for (int y = 2000; y < 5000; y += 125) {
            tiles.push_back({x, y, 250, 125});
        }
    }
    REQUIRE(tiles.size() == 480);
    CHECK(isCovered(region, tiles));
    for (const std::size_t missing : {std::size_t{0}, std::size_t{237}, tiles.size() - 1}) {
        std::vector<NormRect> holed = tiles;
        holed.erase(holed.begin() + static_cast<std::ptrdiff_t>(missing));
        CHECK_FALSE(isCovered(region, holed));
    }
    // A part of a tiled region is covered too.
    CHECK(isCovered(NormRect{1100, 2100, 333, 777}, tiles));
}

TEST_CASE("isCovered agrees with a pixel-by-pixel check on random rectangles") {
    std::mt19937_64 rng(20240517);
    int covered = 0;
    int uncovered = 0;
    for (int round = 0; round < 2000; ++round) {
        const NormRect region = randomGridRect(rng, 30);
        std::vector<NormRect> cover;
        const std::size_t count = rng() % 12;
        for (std::size_t i = 0; i < count; ++i) {
            cover.push_back(randomGridRect(rng, 60));
        }
        // Often add rectangles inside the region, so that both answers are common.
        if (rng() % 2 == 0) {
            const int half = region.w / 2 / Cell * Cell;
            if (half > 0) {
                cover.push_back({region.x, region.y, half, region.h});
                cover.push_back({region.x + half, region.y, region.w - half, region.h});
            }
        }
        const bool expected = coveredByBruteForce(region, cover);
        INFO("round " << round);
        REQUIRE(isCovered(region, cover) == expected);
        (expected ? covered : uncovered) += 1;
    }
    // Both outcomes were exercised.
    CHECK(covered > 100);
    CHECK(uncovered > 100);
}

TEST_CASE("redactions hide all regions only when each is covered") {
    const std::vector<Redaction> redactions{
        {NormRect{1000, 1000, 2000, 2000}, RedactionKind::Blur},
        {NormRect{3000, 1000, 2000, 2000}, RedactionKind::Solid},
        {NormRect{7000, 7000, 1000, 1000}, RedactionKind::Solid}};
    SECTION("no identifying regions: nothing to hide") {
        CHECK(hidesAll(redactions, {}));
        CHECK(hidesAll({}, {}));
    }
    SECTION("regions but no redactions") {
        CHECK_FALSE(hidesAll({}, {NormRect{100, 100, 100, 100}}));
    }
    SECTION("several regions, all hidden, one across two redactions") {
        CHECK(hidesAll(redactions, {NormRect{1500, 1500, 3000, 1000},
                                    NormRect{7000, 7000, 1000, 1000}, NormRect{1000, 1000, 1, 1}}));
    }
    SECTION("several regions, one of them not hidden") {
        CHECK_FALSE(hidesAll(redactions,
                             {NormRect{1500, 1500, 3000, 1000}, NormRect{7000, 7000, 1001, 1000},
                              NormRect{7000, 7000, 1000, 1000}}));
    }
}

TEST_CASE("rectangles and redactions have fixed JSON forms") {
    CHECK(compact(toJson(std::vector<NormRect>{{1, 2, 3, 4}, {0, 0, 10000, 10000}})) ==
          QByteArray("[[1,2,3,4],[0,0,10000,10000]]"));
    CHECK(compact(toJson(std::vector<NormRect>{})) == QByteArray("[]"));
    CHECK(compact(toJson(std::vector<Redaction>{{{1, 2, 3, 4}, RedactionKind::Blur},
                                                {{5, 6, 7, 8}, RedactionKind::Solid}})) ==
          QByteArray(R"([{"kind":"blur","rect":[1,2,3,4]},{"kind":"solid","rect":[5,6,7,8]}])"));
    CHECK(compact(toJson(std::vector<Redaction>{})) == QByteArray("[]"));
}

TEST_CASE("rectangles and redactions survive a round trip through JSON") {
    std::mt19937_64 rng(7);
    std::vector<NormRect> rects;
    std::vector<Redaction> redactions;
    for (int i = 0; i < 256; ++i) {
        const NormRect r = randomGridRect(rng, 50);
        const NormRect odd{r.x + 3, r.y + 7, r.w - 3, r.h - 7};
        rects.push_back(odd);
        redactions.push_back({odd, i % 2 == 0 ? RedactionKind::Blur : RedactionKind::Solid});
    }
    CHECK(rectsFromJson(toJson(rects)) == rects);
    CHECK(redactionsFromJson(toJson(redactions)) == redactions);
    const QJsonDocument rectsText = QJsonDocument::fromJson(compact(toJson(rects)));
    CHECK(rectsFromJson(rectsText.array()) == rects);
    const QJsonDocument redactionsText = QJsonDocument::fromJson(compact(toJson(redactions)));
    CHECK(redactionsFromJson(redactionsText.array()) == redactions);
    CHECK(rectsFromJson(toJson(std::vector<NormRect>{})) == std::vector<NormRect>{});
    CHECK(redactionsFromJson(toJson(std::vector<Redaction>{})) == std::vector<Redaction>{});
    // Whole numbers written as decimals are integers.
    CHECK(rectsFromJson(parsed("[[1.0,2,3e1,4]]")) == std::vector<NormRect>{{1, 2, 30, 4}});
}

TEST_CASE("rectsFromJson refuses malformed or invalid rectangles") {
    const char *const malformed[] = {
        R"({})",
        R"([1,2,3,4])",
        R"([[1,2,3]])",
        R"([[1,2,3,4,5]])",
        R"([[1,2,3,4],null])",
        R"([[1,2,3.5,4]])",
        R"([[1,2,"3",4]])",
        R"([[1,2,true,4]])",
        R"([{"x":1,"y":2,"w":3,"h":4}])",
        R"([[0,0,0,4]])",
        R"([[0,0,4,-1]])",
        R"([[-1,0,4,4]])",
        R"([[9999,0,2,4]])",
        R"([[0,0,10001,4]])",
        R"([[0,0,4294967297,4]])",
        R"([[0,0,1e300,4]])",
    };
    for (const char *json : malformed) {
        INFO(json);
        CHECK_FALSE(rectsFromJson(parsed(json)).has_value());
    }
    CHECK_FALSE(rectsFromJson(QJsonValue()).has_value());
    CHECK_FALSE(rectsFromJson(QJsonValue(QJsonValue::Undefined)).has_value());
    CHECK_FALSE(rectsFromJson(QJsonValue(QStringLiteral("[[1,2,3,4]]"))).has_value());
    CHECK_FALSE(
        rectsFromJson(QJsonArray{QJsonArray{0, 0, std::numeric_limits<double>::infinity(), 1}})
            .has_value());

    const std::vector<NormRect> limit(256, NormRect{0, 0, 1, 1});
    CHECK(rectsFromJson(toJson(limit)).has_value());
    const std::vector<NormRect> tooMany(257, NormRect{0, 0, 1, 1});
    CHECK_FALSE(rectsFromJson(toJson(tooMany)).has_value());
}

TEST_CASE("redactionsFromJson refuses anything but kind and a valid rectangle") {
    const char *const malformed[] = {
        R"({"kind":"blur","rect":[1,2,3,4]})",
        R"([[1,2,3,4]])",
        R"([{"kind":"blur"}])",
        R"([{"rect":[1,2,3,4]}])",
        R"([{"kind":"blur","rect":[1,2,3,4],"note":""}])",
        R"([{"kind":"pixelate","rect":[1,2,3,4]}])",
        R"([{"kind":"Blur","rect":[1,2,3,4]}])",
        R"([{"kind":"","rect":[1,2,3,4]}])",
        R"([{"kind":1,"rect":[1,2,3,4]}])",
        R"([{"kind":null,"rect":[1,2,3,4]}])",
        R"([{"kind":"solid","rect":[1,2,3]}])",
        R"([{"kind":"solid","rect":[0,0,0,0]}])",
        R"([{"kind":"solid","rect":[1,2,3,4.25]}])",
        R"([{"kind":"solid","rect":{"x":1,"y":2,"w":3,"h":4}}])",
        R"([{"kind":"solid","rect":[1,2,3,4]},null])",
        R"([{"kind":"solid","rect":[1,2,3,4]},[1,2,3,4]])",
    };
    for (const char *json : malformed) {
        INFO(json);
        CHECK_FALSE(redactionsFromJson(parsed(json)).has_value());
    }
    CHECK_FALSE(redactionsFromJson(QJsonValue()).has_value());

    const std::vector<Redaction> limit(256, Redaction{NormRect{0, 0, 1, 1}, RedactionKind::Blur});
    CHECK(redactionsFromJson(toJson(limit)).has_value());
    const std::vector<Redaction> tooMany(257, Redaction{NormRect{0, 0, 1, 1}, RedactionKind::Blur});
    CHECK_FALSE(redactionsFromJson(toJson(tooMany)).has_value());
}
