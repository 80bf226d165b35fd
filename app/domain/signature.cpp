#include "domain/signature.h"

#include "domain/jsonread.h"

#include <QJsonArray>
#include <QString>

#include <algorithm>
#include <climits>
#include <cmath>
#include <numbers>
#include <random>

namespace cc::domain {

namespace {

// Pad sides a real signature pad can have, in pixels.
constexpr int MinPadSide = 100;
constexpr int MaxPadSide = 10000;
// Memory limits: no pad produces more in one signature.
constexpr std::size_t MaxStrokes = 64;
constexpr std::size_t MaxPoints = 20000;

// What tells a signature from a trivial mark. Every length is relative to the pad, so
// the same drawing scaled with its pad gets the same verdict on any screen density.
//
// - At least MinPoints samples in all: a tap or two is not a signature.
constexpr std::size_t MinPoints = 10;
// - The bounding box of all ink spans at least MinExtentPercent of the pad's width, or of
//   its height: a dot, a tick or a scribble in a corner is not a signature. Initials
//   written in cursive (about a sixth of a phone pad's width) pass.
constexpr int MinExtentPercent = 15;
// - Every point lying within StraightPercent of the pad's smaller side (its height on
//   the usual landscape pad) of the principal axis of all points is a straight line: a
//   dash, a slash or a diagonal. The principal axis (total least squares) measures the
//   distance perpendicular to the line, so vertical lines are caught like horizontal ones.
constexpr double StraightPercent = 4.0;
// - The pen travels (sum of the segment lengths within strokes) at least
//   MinTravelPercent of the pad's width: a short tick is not a signature.
constexpr double MinTravelPercent = 35.0;

// Checked in this order, so that the most specific problem is reported: a pad that makes
// no sense, then input no pad can produce, then no ink, then ink that can't be where it
// is, then the shape tests from the coarsest to the finest. A line is reported as a line
// even when it is also short, because that tells the signer what to do differently.

bool isStraightLine(const SignatureStrokes &s, std::size_t pointCount) {
    double sumX = 0;
    double sumY = 0;
    for (const Stroke &stroke : s.strokes) {
        for (const StrokePoint &p : stroke) {
            sumX += p.x;
            sumY += p.y;
        }
    }
    const double n = static_cast<double>(pointCount);
    const double cx = sumX / n;
    const double cy = sumY / n;
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    for (const Stroke &stroke : s.strokes) {
        for (const StrokePoint &p : stroke) {
            const double dx = p.x - cx;
            const double dy = p.y - cy;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
    }
    // Direction of the largest variance; its normal measures the distance to the line.
    const double angle = 0.5 * std::atan2(2.0 * sxy, sxx - syy);
    const double nx = -std::sin(angle);
    const double ny = std::cos(angle);
    const double tolerance = StraightPercent / 100.0 * std::min(s.padWidth, s.padHeight);
    for (const Stroke &stroke : s.strokes) {
        for (const StrokePoint &p : stroke) {
            if (std::abs((p.x - cx) * nx + (p.y - cy) * ny) > tolerance) {
                return false;
            }
        }
    }
    return true;
}

double penTravel(const SignatureStrokes &s) {
    double travel = 0;
    for (const Stroke &stroke : s.strokes) {
        for (std::size_t i = 1; i < stroke.size(); ++i) {
            travel += std::hypot(stroke[i].x - stroke[i - 1].x, stroke[i].y - stroke[i - 1].y);
        }
    }
    return travel;
}

// A uniformly distributed number in [0, 1) from the raw output of the engine, which the
// standard fixes bit for bit (its distributions differ between standard libraries).
double unit(std::mt19937_64 &rng) {
    return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

double between(std::mt19937_64 &rng, double low, double high) {
    return low + (high - low) * unit(rng);
}

} // namespace

std::optional<SignatureProblem> signatureProblem(const SignatureStrokes &strokes) {
    const SignatureStrokes &s = strokes;
    if (s.padWidth < MinPadSide || s.padWidth > MaxPadSide || s.padHeight < MinPadSide ||
        s.padHeight > MaxPadSide) {
        return SignatureProblem::BadPad;
    }
    if (s.strokes.size() > MaxStrokes) {
        return SignatureProblem::TooLarge;
    }
    std::size_t pointCount = 0;
    for (const Stroke &stroke : s.strokes) {
        pointCount += stroke.size();
    }
    if (pointCount > MaxPoints) {
        return SignatureProblem::TooLarge;
    }
    if (pointCount == 0) {
        return SignatureProblem::Empty;
    }

    int minX = INT_MAX;
    int maxX = INT_MIN;
    int minY = INT_MAX;
    int maxY = INT_MIN;
    for (const Stroke &stroke : s.strokes) {
        int lastT = 0;
        for (const StrokePoint &p : stroke) {
            if (p.x < 0 || p.x > s.padWidth || p.y < 0 || p.y > s.padHeight || p.t < lastT) {
                return SignatureProblem::OutOfBounds;
            }
            lastT = p.t;
            minX = std::min(minX, p.x);
            maxX = std::max(maxX, p.x);
            minY = std::min(minY, p.y);
            maxY = std::max(maxY, p.y);
        }
    }

    if (pointCount < MinPoints) {
        return SignatureProblem::TooFewPoints;
    }
    // Sides are at most 10000, so the products stay far below INT_MAX.
    if ((maxX - minX) * 100 < MinExtentPercent * s.padWidth &&
        (maxY - minY) * 100 < MinExtentPercent * s.padHeight) {
        return SignatureProblem::TooSmall;
    }
    if (isStraightLine(s, pointCount)) {
        return SignatureProblem::StraightLine;
    }
    if (penTravel(s) < MinTravelPercent / 100.0 * s.padWidth) {
        return SignatureProblem::TooShort;
    }
    return std::nullopt;
}

const char *toString(SignatureProblem problem) noexcept {
    switch (problem) {
    case SignatureProblem::BadPad:
        return "BadPad";
    case SignatureProblem::OutOfBounds:
        return "OutOfBounds";
    case SignatureProblem::Empty:
        return "Empty";
    case SignatureProblem::TooFewPoints:
        return "TooFewPoints";
    case SignatureProblem::TooSmall:
        return "TooSmall";
    case SignatureProblem::TooShort:
        return "TooShort";
    case SignatureProblem::StraightLine:
        return "StraightLine";
    case SignatureProblem::TooLarge:
        return "TooLarge";
    }
    return "Unknown";
}

SignatureStrokes syntheticSignature(std::uint64_t seed, int padWidth, int padHeight) {
    std::mt19937_64 rng(seed);
    const double w = padWidth;
    const double h = padHeight;
    constexpr double twoPi = 2.0 * std::numbers::pi;
    constexpr int sampleMs = 8;

    // The whole signature: 60-80% of the pad's width, written along a baseline a little
    // below the middle, letters a fifth to a third of the height tall.
    const double span = w * between(rng, 0.60, 0.80);
    const double left = w * between(rng, 0.05, 0.95 - span / w);
    const double baseline = h * between(rng, 0.55, 0.65);
    const int strokeCount = 2 + static_cast<int>(rng() % 2);

    // Split the span between the strokes, with a small lift of the pen between them.
    std::vector<double> shares(static_cast<std::size_t>(strokeCount));
    double shareSum = 0;
    for (double &share : shares) {
        share = between(rng, 0.6, 1.4);
        shareSum += share;
    }

    SignatureStrokes result;
    result.padWidth = padWidth;
    result.padHeight = padHeight;
    const auto clampTo = [](double v, int high) {
        return static_cast<int>(std::clamp(std::lround(v), 0L, static_cast<long>(high)));
    };

    double x0 = left;
    int t = 0;
    for (const double share : shares) {
        const double length = span * share / shareSum;
        const double x1 = x0 + length * 0.94; // the rest is the gap before the next stroke
        // Loops: the pen circles (radius rx, about one loop per letter) while drifting
        // right; rx * frequency above the drift makes the path cross itself like cursive.
        const double letters = std::max(2.0, std::round(length / (w * between(rng, 0.07, 0.11))));
        const double frequency = twoPi * letters;
        const double rx = (x1 - x0) / frequency * between(rng, 1.3, 2.2);
        const double ry = h * between(rng, 0.10, 0.16);
        const double phase = between(rng, 0.0, twoPi);
        const double wobbleFrequency = twoPi * between(rng, 0.5, 1.5);
        const double wobblePhase = between(rng, 0.0, twoPi);
        const double slant = between(rng, -0.35, 0.15); // x shift per unit of height
        const int duration = static_cast<int>(letters * between(rng, 140.0, 220.0));
        const int samples = duration / sampleMs + 1;

        Stroke stroke;
        stroke.reserve(static_cast<std::size_t>(samples));
        for (int i = 0; i < samples; ++i) {
            const double s = static_cast<double>(i) / (samples - 1);
            const double envelope = 0.75 + 0.25 * std::sin(wobbleFrequency * s + wobblePhase);
            const double dy = -ry * envelope *
                              (std::sin(frequency * s + phase) +
                               0.35 * std::sin(2.0 * frequency * s + 2.0 * phase));
            const double dx = rx * std::cos(frequency * s + phase) + slant * dy;
            stroke.push_back({clampTo(x0 + (x1 - x0) * s + dx, padWidth),
                              clampTo(baseline - ry + dy, padHeight), t});
            t += sampleMs;
        }
        result.strokes.push_back(std::move(stroke));
        t += static_cast<int>(between(rng, 120.0, 400.0));
        x0 += length;
    }
    return result;
}

QJsonObject toJson(const SignatureStrokes &strokes) {
    QJsonArray all;
    for (const Stroke &stroke : strokes.strokes) {
        QJsonArray points;
        for (const StrokePoint &p : stroke) {
            points.append(QJsonArray{p.x, p.y, p.t});
        }
        all.append(points);
    }
    return QJsonObject{{QStringLiteral("pad"), QJsonArray{strokes.padWidth, strokes.padHeight}},
                       {QStringLiteral("strokes"), all}};
}

std::optional<SignatureStrokes> signatureFromJson(const QJsonValue &json) {
    if (!json.isObject()) {
        return std::nullopt;
    }
    const QJsonObject object = json.toObject();
    if (object.size() != 2) {
        return std::nullopt;
    }
    const QJsonValue pad = object.value(QLatin1String("pad"));
    const QJsonValue strokes = object.value(QLatin1String("strokes"));
    if (!pad.isArray() || !strokes.isArray()) {
        return std::nullopt;
    }
    const QJsonArray padArray = pad.toArray();
    if (padArray.size() != 2) {
        return std::nullopt;
    }
    const std::optional<int> padWidth = jsonread::intValue(padArray.at(0));
    const std::optional<int> padHeight = jsonread::intValue(padArray.at(1));
    if (!padWidth || !padHeight) {
        return std::nullopt;
    }

    const QJsonArray strokeArray = strokes.toArray();
    if (static_cast<std::size_t>(strokeArray.size()) > MaxStrokes) {
        return std::nullopt;
    }
    SignatureStrokes result;
    result.padWidth = *padWidth;
    result.padHeight = *padHeight;
    result.strokes.reserve(static_cast<std::size_t>(strokeArray.size()));
    std::size_t pointCount = 0;
    for (const QJsonValue &strokeValue : strokeArray) {
        if (!strokeValue.isArray()) {
            return std::nullopt;
        }
        const QJsonArray pointArray = strokeValue.toArray();
        pointCount += static_cast<std::size_t>(pointArray.size());
        if (pointCount > MaxPoints) {
            return std::nullopt;
        }
        Stroke stroke;
        stroke.reserve(static_cast<std::size_t>(pointArray.size()));
        for (const QJsonValue &pointValue : pointArray) {
            if (!pointValue.isArray()) {
                return std::nullopt;
            }
            const QJsonArray xyt = pointValue.toArray();
            if (xyt.size() != 3) {
                return std::nullopt;
            }
            const std::optional<int> x = jsonread::intValue(xyt.at(0));
            const std::optional<int> y = jsonread::intValue(xyt.at(1));
            const std::optional<int> t = jsonread::intValue(xyt.at(2));
            if (!x || !y || !t) {
                return std::nullopt;
            }
            stroke.push_back({*x, *y, *t});
        }
        result.strokes.push_back(std::move(stroke));
    }
    return result;
}

} // namespace cc::domain
