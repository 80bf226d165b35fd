// Signatures: the test that tells a signature from a trivial mark, synthetic signatures,
// and the JSON form kept in sealed consents.

#include "domain/signature.h"

#include <catch2/catch_test_macros.hpp>

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <initializer_list>
#include <limits>
#include <utility>

using namespace cc::domain;

namespace {

constexpr int PadWidth = 600;
constexpr int PadHeight = 240;

// A stroke through the given vertices, sampled about every 6 px at 8 ms per sample as a
// pad reports a moving finger; t continues from the previous stroke.
Stroke pen(std::initializer_list<std::pair<int, int>> vertices, int &t) {
    Stroke stroke;
    const std::pair<int, int> *previous = nullptr;
    for (const std::pair<int, int> &v : vertices) {
        if (previous != nullptr) {
            const double dx = v.first - previous->first;
            const double dy = v.second - previous->second;
            const int steps = std::max(1, static_cast<int>(std::hypot(dx, dy) / 6.0));
            for (int i = 1; i <= steps; ++i) {
                t += 8;
                stroke.push_back({previous->first + static_cast<int>(dx * i / steps),
                                  previous->second + static_cast<int>(dy * i / steps), t});
            }
        } else {
            stroke.push_back({v.first, v.second, t});
        }
        previous = &v;
    }
    t += 200; // the pen is lifted before the next stroke
    return stroke;
}

SignatureStrokes onPad(std::vector<Stroke> strokes, int width = PadWidth, int height = PadHeight) {
    return SignatureStrokes{width, height, std::move(strokes)};
}

// "J. Doe" in cursive: a looped J, a dot, then "Doe" in one stroke.
SignatureStrokes realisticSignature() {
    int t = 0;
    std::vector<Stroke> strokes;
    strokes.push_back(pen({{140, 60},
                           {175, 50},
                           {165, 90},
                           {158, 150},
                           {148, 185},
                           {128, 196},
                           {108, 186},
                           {112, 166},
                           {140, 150},
                           {190, 138}},
                          t));
    strokes.push_back(pen({{200, 170}, {203, 173}, {201, 176}}, t));
    strokes.push_back(
        pen({{235, 70},  {232, 130}, {228, 175}, {226, 130}, {240, 80},  {275, 68},  {305, 90},
             {310, 135}, {285, 168}, {240, 176}, {320, 160}, {345, 140}, {365, 148}, {360, 170},
             {340, 172}, {335, 155}, {350, 142}, {380, 160}, {400, 150}, {420, 138}, {412, 128},
             {398, 140}, {402, 165}, {425, 172}, {460, 158}},
            t));
    return onPad(std::move(strokes));
}

// Cursive initials "AB": short, but written, not a mark.
SignatureStrokes cursiveInitials() {
    int t = 0;
    std::vector<Stroke> strokes;
    strokes.push_back(pen({{250, 160},
                           {270, 110},
                           {285, 95},
                           {295, 110},
                           {300, 160},
                           {292, 135},
                           {262, 138},
                           {300, 128},
                           {318, 98},
                           {316, 160},
                           {330, 108},
                           {355, 112},
                           {335, 130},
                           {360, 145},
                           {338, 162},
                           {320, 158}},
                          t));
    return onPad(std::move(strokes));
}

SignatureStrokes scaled(const SignatureStrokes &s, int factor) {
    SignatureStrokes out{s.padWidth * factor, s.padHeight * factor, {}};
    for (const Stroke &stroke : s.strokes) {
        Stroke scaledStroke;
        for (const StrokePoint &p : stroke) {
            scaledStroke.push_back({p.x * factor, p.y * factor, p.t});
        }
        out.strokes.push_back(scaledStroke);
    }
    return out;
}

std::optional<SignatureProblem> problemOf(const SignatureStrokes &s) {
    return signatureProblem(s);
}

QJsonValue parsed(const char *json) {
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(json), &error);
    REQUIRE(error.error == QJsonParseError::NoError);
    return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
}

} // namespace

TEST_CASE("a realistic signature is accepted") {
    CHECK(problemOf(realisticSignature()) == std::nullopt);
}

TEST_CASE("short cursive initials are accepted") {
    CHECK(problemOf(cursiveInitials()) == std::nullopt);
}

TEST_CASE("a pad of absurd size is reported before anything else") {
    CHECK(problemOf(onPad(realisticSignature().strokes, 99, PadHeight)) ==
          SignatureProblem::BadPad);
    CHECK(problemOf(onPad(realisticSignature().strokes, PadWidth, 99)) == SignatureProblem::BadPad);
    CHECK(problemOf(onPad({}, 0, 0)) == SignatureProblem::BadPad);
    CHECK(problemOf(onPad({}, -600, 240)) == SignatureProblem::BadPad);
    CHECK(problemOf(onPad({}, 10001, 240)) == SignatureProblem::BadPad);
    CHECK(problemOf(onPad({}, 600, 10001)) == SignatureProblem::BadPad);
    CHECK(problemOf(onPad({Stroke{{5000, 5000, 0}}}, 100, 100)) != SignatureProblem::BadPad);
    CHECK(problemOf(onPad({Stroke{{5000, 5000, 0}}}, 10000, 10000)) != SignatureProblem::BadPad);
}

TEST_CASE("a signature with no ink is empty") {
    CHECK(problemOf(onPad({})) == SignatureProblem::Empty);
    CHECK(problemOf(onPad({Stroke{}, Stroke{}})) == SignatureProblem::Empty);
}

TEST_CASE("a point off the pad is out of bounds") {
    for (const StrokePoint off : {StrokePoint{601, 100, 0}, StrokePoint{-1, 100, 0},
                                  StrokePoint{300, 241, 0}, StrokePoint{300, -1, 0}}) {
        SignatureStrokes s = realisticSignature();
        const int t = s.strokes[1].back().t;
        s.strokes[1].push_back({off.x, off.y, t + 8});
        CHECK(problemOf(s) == SignatureProblem::OutOfBounds);
    }
    SignatureStrokes onTheEdges = realisticSignature();
    const int t = onTheEdges.strokes[1].back().t;
    onTheEdges.strokes[1].push_back({600, 240, t + 8});
    onTheEdges.strokes[1].push_back({0, 0, t + 16});
    CHECK(problemOf(onTheEdges) == std::nullopt);
}

TEST_CASE("time going backwards within a stroke is out of bounds") {
    SignatureStrokes s = realisticSignature();
    std::swap(s.strokes[2][4].t, s.strokes[2][5].t);
    CHECK(problemOf(s) == SignatureProblem::OutOfBounds);

    SignatureStrokes negative = realisticSignature();
    negative.strokes[0][0].t = -8;
    CHECK(problemOf(negative) == SignatureProblem::OutOfBounds);

    SignatureStrokes held = realisticSignature();
    held.strokes[0][1].t = held.strokes[0][0].t; // two samples in the same millisecond
    CHECK(problemOf(held) == std::nullopt);
}

TEST_CASE("a single tap has too few points") {
    CHECK(problemOf(onPad({Stroke{{300, 120, 0}, {301, 120, 16}}})) ==
          SignatureProblem::TooFewPoints);
    // Even when the few points are far apart.
    CHECK(problemOf(onPad({Stroke{{50, 50, 0}, {550, 200, 40}}, Stroke{{50, 200, 300}}})) ==
          SignatureProblem::TooFewPoints);
}

TEST_CASE("a dot of many points is too small") {
    Stroke dot;
    for (int i = 0; i < 40; ++i) {
        dot.push_back({300 + i % 3, 120 + i % 2, i * 8});
    }
    CHECK(problemOf(onPad({dot})) == SignatureProblem::TooSmall);
}

TEST_CASE("a tiny scribble in a corner is too small however much ink it has") {
    int t = 0;
    const Stroke scribble = pen({{10, 10},
                                 {50, 28},
                                 {12, 12},
                                 {48, 26},
                                 {14, 14},
                                 {46, 30},
                                 {10, 16},
                                 {50, 20},
                                 {12, 30},
                                 {48, 10},
                                 {10, 24},
                                 {50, 14}},
                                t);
    CHECK(problemOf(onPad({scribble})) == SignatureProblem::TooSmall);
}

TEST_CASE("a short tick is too short") {
    int t = 0;
    const Stroke tick = pen({{280, 100}, {295, 140}, {340, 85}}, t);
    CHECK(problemOf(onPad({tick})) == SignatureProblem::TooShort);
}

TEST_CASE("straight lines in any direction are refused") {
    int t = 0;
    SECTION("a horizontal dash") {
        CHECK(problemOf(onPad({pen({{100, 120}, {500, 120}}, t)})) ==
              SignatureProblem::StraightLine);
    }
    SECTION("a horizontal dash drawn with a trembling hand") {
        CHECK(problemOf(onPad({pen(
                  {{100, 120}, {180, 124}, {260, 117}, {340, 123}, {420, 116}, {500, 121}}, t)})) ==
              SignatureProblem::StraightLine);
    }
    SECTION("a vertical slash") {
        CHECK(problemOf(onPad({pen({{300, 20}, {303, 220}}, t)})) ==
              SignatureProblem::StraightLine);
    }
    SECTION("a diagonal line") {
        CHECK(problemOf(onPad({pen({{100, 210}, {500, 30}}, t)})) ==
              SignatureProblem::StraightLine);
    }
    SECTION("a dash drawn back and forth") {
        CHECK(problemOf(onPad({pen({{100, 120}, {500, 122}, {110, 119}, {480, 121}}, t)})) ==
              SignatureProblem::StraightLine);
    }
    SECTION("two dashes on one line") {
        CHECK(problemOf(
                  onPad({pen({{100, 120}, {250, 121}}, t), pen({{300, 119}, {500, 120}}, t)})) ==
              SignatureProblem::StraightLine);
    }
}

TEST_CASE("more strokes or points than a pad produces are too large") {
    const Stroke stroke = realisticSignature().strokes[2];
    std::vector<Stroke> many(64, stroke);
    CHECK(problemOf(onPad(many)) == std::nullopt);
    many.push_back(stroke);
    CHECK(problemOf(onPad(many)) == SignatureProblem::TooLarge);

    Stroke longStroke(20000, StrokePoint{300, 120, 0});
    CHECK(problemOf(onPad({longStroke})) == SignatureProblem::TooSmall);
    longStroke.push_back({300, 120, 0});
    CHECK(problemOf(onPad({longStroke})) == SignatureProblem::TooLarge);
    // Limits are checked before the points are looked at.
    longStroke.front().x = -1;
    CHECK(problemOf(onPad({longStroke})) == SignatureProblem::TooLarge);
}

TEST_CASE("thresholds scale with the pad") {
    int t = 0;
    const std::vector<SignatureStrokes> drawings{
        realisticSignature(),
        cursiveInitials(),
        onPad({pen({{280, 100}, {295, 140}, {340, 85}}, t)}),
        onPad({pen({{100, 120}, {500, 120}}, t)}),
        onPad({pen({{300, 20}, {303, 220}}, t)}),
        onPad({Stroke(30, StrokePoint{300, 120, 0})}),
        onPad({Stroke{{300, 120, 0}, {301, 120, 16}}}),
    };
    for (const SignatureStrokes &drawing : drawings) {
        const std::optional<SignatureProblem> verdict = problemOf(drawing);
        CHECK(problemOf(scaled(drawing, 2)) == verdict);
        CHECK(problemOf(scaled(drawing, 4)) == verdict);
    }
    // The same drawing on a larger pad is smaller relative to it.
    SignatureStrokes initialsOnLargePad = cursiveInitials();
    initialsOnLargePad.padWidth *= 2;
    initialsOnLargePad.padHeight *= 2;
    CHECK(problemOf(initialsOnLargePad) == SignatureProblem::TooSmall);
}

TEST_CASE("every problem has a name") {
    CHECK(std::string(toString(SignatureProblem::BadPad)) == "BadPad");
    CHECK(std::string(toString(SignatureProblem::OutOfBounds)) == "OutOfBounds");
    CHECK(std::string(toString(SignatureProblem::Empty)) == "Empty");
    CHECK(std::string(toString(SignatureProblem::TooFewPoints)) == "TooFewPoints");
    CHECK(std::string(toString(SignatureProblem::TooSmall)) == "TooSmall");
    CHECK(std::string(toString(SignatureProblem::TooShort)) == "TooShort");
    CHECK(std::string(toString(SignatureProblem::StraightLine)) == "StraightLine");
    CHECK(std::string(toString(SignatureProblem::TooLarge)) == "TooLarge");
}

TEST_CASE("synthetic signatures pass the signature test for every seed and pad") {
    const std::vector<std::pair<int, int>> pads{{600, 240},   {100, 100},   {320, 160},
                                                {1080, 400},  {400, 800},   {10000, 10000},
                                                {10000, 100}, {100, 10000}, {2000, 1000}};
    int failures = 0;
    for (const auto &[width, height] : pads) {
        for (std::uint64_t seed = 0; seed < 1000; ++seed) {
            const SignatureStrokes s = syntheticSignature(seed, width, height);
            const std::optional<SignatureProblem> problem = signatureProblem(s);
            if (problem || s.padWidth != width || s.padHeight != height) {
                UNSCOPED_INFO("pad " << width << "x" << height << " seed " << seed << ": "
                                     << (problem ? toString(*problem) : "wrong pad"));
                ++failures;
            }
        }
    }
    CHECK(failures == 0);
}

TEST_CASE("synthetic signatures look like handwriting") {
    for (std::uint64_t seed = 0; seed < 100; ++seed) {
        const SignatureStrokes s = syntheticSignature(seed);
        REQUIRE(s.strokes.size() >= 2);
        REQUIRE(s.strokes.size() <= 3);
        int minX = PadWidth;
        int maxX = 0;
        int lastT = -1;
        for (const Stroke &stroke : s.strokes) {
            REQUIRE(stroke.size() >= 10);
            CHECK(stroke.front().t > lastT); // strokes follow one another in time
            for (std::size_t i = 1; i < stroke.size(); ++i) {
                CHECK(stroke[i].t - stroke[i - 1].t == 8);
            }
            lastT = stroke.back().t;
            for (const StrokePoint &p : stroke) {
                minX = std::min(minX, p.x);
                maxX = std::max(maxX, p.x);
            }
        }
        // Written from left to right across most of the pad.
        CHECK(maxX - minX >= PadWidth / 2);
        CHECK(s.strokes.front().front().x < s.strokes.back().back().x);
    }
}

TEST_CASE("synthetic signatures are deterministic and differ between seeds") {
    CHECK(syntheticSignature(42) == syntheticSignature(42));
    CHECK(syntheticSignature(7, 1080, 400) == syntheticSignature(7, 1080, 400));
    CHECK_FALSE(syntheticSignature(42) == syntheticSignature(43));
    CHECK_FALSE(syntheticSignature(0) == syntheticSignature(1));
    // The same seed on a larger pad is a larger signature, not the same points.
    CHECK_FALSE(syntheticSignature(42).strokes == syntheticSignature(42, 1200, 480).strokes);
    int distinct = 0;
    for (std::uint64_t seed = 1; seed < 50; ++seed) {
        distinct += syntheticSignature(seed) == syntheticSignature(seed - 1) ? 0 : 1;
    }
    CHECK(distinct == 49);
}

TEST_CASE("a signature's JSON form is pad and strokes of integer triples") {
    const SignatureStrokes s{600, 240, {Stroke{{1, 2, 0}, {3, 4, 8}}, Stroke{{5, 6, 300}}}};
    CHECK(QJsonDocument(toJson(s)).toJson(QJsonDocument::Compact) ==
          QByteArray(R"({"pad":[600,240],"strokes":[[[1,2,0],[3,4,8]],[[5,6,300]]]})"));
    CHECK(QJsonDocument(toJson(SignatureStrokes{600, 240, {}})).toJson(QJsonDocument::Compact) ==
          QByteArray(R"({"pad":[600,240],"strokes":[]})"));
}

TEST_CASE("signatures survive a round trip through JSON") {
    for (std::uint64_t seed = 0; seed < 20; ++seed) {
        const SignatureStrokes s = syntheticSignature(seed);
        CHECK(signatureFromJson(toJson(s)) == s);
        const QByteArray text = QJsonDocument(toJson(s)).toJson(QJsonDocument::Compact);
        CHECK(signatureFromJson(QJsonDocument::fromJson(text).object()) == s);
    }
    const SignatureStrokes realistic = realisticSignature();
    CHECK(signatureFromJson(toJson(realistic)) == realistic);
    // The JSON form keeps what it is given; judging it is signatureProblem's job.
    const SignatureStrokes odd{50, 20000, {Stroke{}, Stroke{{-3, 7, -1}}}};
    CHECK(signatureFromJson(toJson(odd)) == odd);
    const SignatureStrokes extremes{
        std::numeric_limits<int>::max(), std::numeric_limits<int>::min(), {Stroke{{0, 0, 0}}}};
    CHECK(signatureFromJson(toJson(extremes)) == extremes);
}

TEST_CASE("signatureFromJson accepts whole numbers written as decimals") {
    const std::optional<SignatureStrokes> s =
        signatureFromJson(parsed(R"({"pad":[600.0,240],"strokes":[[[1e2,2,0]]]})"));
    REQUIRE(s.has_value());
    CHECK(*s == SignatureStrokes{600, 240, {Stroke{{100, 2, 0}}}});
}

TEST_CASE("signatureFromJson refuses anything but the exact shape") {
    const char *const malformed[] = {
        R"([])",
        R"({})",
        R"({"pad":[600,240]})",
        R"({"strokes":[]})",
        R"({"pad":[600,240],"strokes":[],"extra":1})",
        R"({"pad":[600,240],"strokes":{}})",
        R"({"pad":[600],"strokes":[]})",
        R"({"pad":[600,240,1],"strokes":[]})",
        R"({"pad":{"w":600,"h":240},"strokes":[]})",
        R"({"pad":["600",240],"strokes":[]})",
        R"({"pad":[600.5,240],"strokes":[]})",
        R"({"pad":[600,null],"strokes":[]})",
        R"({"pad":[600,240],"strokes":[[1,2,3]]})",
        R"({"pad":[600,240],"strokes":[[[1,2]]]})",
        R"({"pad":[600,240],"strokes":[[[1,2,3,4]]]})",
        R"({"pad":[600,240],"strokes":[[[1,2,0.5]]]})",
        R"({"pad":[600,240],"strokes":[[[1,-2.25,0]]]})",
        R"({"pad":[600,240],"strokes":[[[1,2,true]]]})",
        R"({"pad":[600,240],"strokes":[[[1,"2",3]]]})",
        R"({"pad":[600,240],"strokes":[[{"x":1,"y":2,"t":3}]]})",
        R"({"pad":[600,240],"strokes":[[[1,2,3]],null]})",
        R"({"pad":[600,240],"strokes":[[[1,2,2147483648]]]})",
        R"({"pad":[600,240],"strokes":[[[1,-2147483649,0]]]})",
        R"({"pad":[600,240],"strokes":[[[1e300,2,0]]]})",
    };
    for (const char *json : malformed) {
        INFO(json);
        CHECK_FALSE(signatureFromJson(parsed(json)).has_value());
    }
    CHECK_FALSE(signatureFromJson(QJsonValue()).has_value());
    CHECK_FALSE(signatureFromJson(QJsonValue(QJsonValue::Undefined)).has_value());
    CHECK_FALSE(signatureFromJson(QJsonValue(3)).has_value());
    CHECK_FALSE(signatureFromJson(QJsonValue(QStringLiteral("signature"))).has_value());

    QJsonObject infinite = toJson(SignatureStrokes{600, 240, {Stroke{{1, 2, 0}}}});
    infinite[QStringLiteral("pad")] = QJsonArray{std::numeric_limits<double>::infinity(), 240};
    CHECK_FALSE(signatureFromJson(infinite).has_value());
    QJsonObject huge = toJson(SignatureStrokes{600, 240, {}});
    huge[QStringLiteral("pad")] = QJsonArray{qint64(1) << 40, 240};
    CHECK_FALSE(signatureFromJson(huge).has_value());
}

TEST_CASE("signatureFromJson refuses more strokes or points than a pad produces") {
    const Stroke point{{1, 2, 3}};
    CHECK(signatureFromJson(toJson(onPad(std::vector<Stroke>(64, point)))).has_value());
    CHECK_FALSE(signatureFromJson(toJson(onPad(std::vector<Stroke>(65, point)))).has_value());

    const Stroke half(10000, StrokePoint{1, 2, 3});
    CHECK(signatureFromJson(toJson(onPad({half, half}))).has_value());
    CHECK_FALSE(signatureFromJson(toJson(onPad({half, half, point}))).has_value());
    CHECK_FALSE(signatureFromJson(toJson(onPad({Stroke(20001, StrokePoint{})}))).has_value());
}
