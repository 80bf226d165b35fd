#pragma once

// Handwritten signatures as vectors (DESIGN §2.3.6), and the test that tells a
// signature from a trivial mark.

#include <QJsonObject>
#include <QJsonValue>

#include <cstdint>
#include <optional>
#include <vector>

namespace cc::domain {

// One sample of a stroke: position in pad pixels (origin top left) and time in
// milliseconds since the first touch of the signature.
struct StrokePoint {
    int x = 0;
    int y = 0;
    int t = 0;
    friend bool operator==(const StrokePoint &, const StrokePoint &) = default;
};
using Stroke = std::vector<StrokePoint>;

// A signature as drawn on a pad of padWidth x padHeight pixels.
struct SignatureStrokes {
    int padWidth = 0;
    int padHeight = 0;
    std::vector<Stroke> strokes;
    friend bool operator==(const SignatureStrokes &, const SignatureStrokes &) = default;
};

// Why a signature is not acceptable; each is a stable code for the UI to explain.
enum class SignatureProblem {
    BadPad,       // pad size missing or absurd (each side must be 100..10000 px)
    OutOfBounds,  // a point outside the pad, or time going backwards within a stroke
    Empty,        // no strokes, or no points
    TooFewPoints, // fewer points than any real signature has (a tap or two)
    TooSmall,     // the drawing fits in a tiny box (a dot, a tick)
    TooShort,     // the pen travelled too little ink to be a signature
    StraightLine, // every point lies close to one straight line (a dash, a slash)
    TooLarge,     // more strokes or points than a signature pad can produce (limits memory)
};

// nullopt when strokes look like a real signature. The thresholds are relative to the
// pad so that the result does not depend on the screen's density. When several problems
// apply, the most specific one is reported (a pad problem first, a straight line before
// too little ink).
[[nodiscard]] std::optional<SignatureProblem> signatureProblem(const SignatureStrokes &strokes);
[[nodiscard]] const char *toString(SignatureProblem problem) noexcept;

// A deterministic handwriting-like signature (a few connected cursive strokes) that
// passes signatureProblem(); different seeds give visibly different signatures. For
// demo data and tests: never used for a real signer.
[[nodiscard]] SignatureStrokes syntheticSignature(std::uint64_t seed, int padWidth = 600,
                                                  int padHeight = 240);

// {"pad":[w,h],"strokes":[[[x,y,t],...],...]} with integers only, so its canonical
// form is stable.
[[nodiscard]] QJsonObject toJson(const SignatureStrokes &strokes);
// The inverse of toJson; nullopt for anything else (wrong shapes or types, non-integers,
// extra members, more than 64 strokes or 20000 points in all). Never throws. Only the
// form is checked here: signatureProblem() judges what was drawn.
[[nodiscard]] std::optional<SignatureStrokes> signatureFromJson(const QJsonValue &json);

} // namespace cc::domain
