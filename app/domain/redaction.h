#pragma once

// Redactions and identifying regions on a photo, and whether the one hides the other.
// Coordinates are in ten-thousandths of the oriented image's width and height, so they
// are integers (stable in canonical JSON) and do not depend on the image's resolution.

#include <QJsonArray>
#include <QJsonValue>

#include <optional>
#include <vector>

namespace cc::domain {

// A rectangle in ten-thousandths: 0 <= x, 0 <= y, w > 0, h > 0, x + w <= 10000,
// y + h <= 10000.
struct NormRect {
    static constexpr int Scale = 10000;
    int x = 0;
    int y = 0;
    int w = 0;
    int h = 0;
    [[nodiscard]] bool isValid() const noexcept;
    friend bool operator==(const NormRect &, const NormRect &) = default;
};

enum class RedactionKind {
    Blur,  // the region is blurred beyond recognition
    Solid, // the region is painted over with an opaque colour
};

struct Redaction {
    NormRect rect;
    RedactionKind kind = RedactionKind::Solid;
    friend bool operator==(const Redaction &, const Redaction &) = default;
};

// True when every point of region lies inside the union of cover (touching edges
// count as covered; an empty cover covers nothing). Exact integer arithmetic. An invalid
// region is never covered, and invalid rectangles in cover hide nothing.
[[nodiscard]] bool isCovered(const NormRect &region, const std::vector<NormRect> &cover);
// True when the union of the redactions' rectangles covers every region.
[[nodiscard]] bool hidesAll(const std::vector<Redaction> &redactions,
                            const std::vector<NormRect> &regions);

// [[x,y,w,h],...] and [{"kind":"blur"|"solid","rect":[x,y,w,h]},...].
[[nodiscard]] QJsonArray toJson(const std::vector<NormRect> &rects);
[[nodiscard]] QJsonArray toJson(const std::vector<Redaction> &redactions);
// Inverses of toJson; nullopt for anything malformed or invalid, or more than 256
// entries. Never throw.
[[nodiscard]] std::optional<std::vector<NormRect>> rectsFromJson(const QJsonValue &json);
[[nodiscard]] std::optional<std::vector<Redaction>> redactionsFromJson(const QJsonValue &json);

} // namespace cc::domain
