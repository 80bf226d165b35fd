#include "domain/redaction.h"

#include "domain/jsonread.h"

#include <QJsonObject>
#include <QString>

#include <algorithm>
#include <climits>
#include <cmath>

namespace cc::domain {

namespace {

constexpr qsizetype MaxEntries = 256;

QJsonArray rectToJson(const NormRect &r) {
    return QJsonArray{r.x, r.y, r.w, r.h};
}

std::optional<NormRect> rectFromJson(const QJsonValue &json) {
    if (!json.isArray()) {
        return std::nullopt;
    }
    const QJsonArray a = json.toArray();
    if (a.size() != 4) {
        return std::nullopt;
    }
    const std::optional<int> x = jsonread::intValue(a.at(0));
    const std::optional<int> y = jsonread::intValue(a.at(1));
    const std::optional<int> w = jsonread::intValue(a.at(2));
    const std::optional<int> h = jsonread::intValue(a.at(3));
    if (!x || !y || !w || !h) {
        return std::nullopt;
    }
    const NormRect r{*x, *y, *w, *h};
    if (!r.isValid()) {
        return std::nullopt;
    }
    return r;
}

QString kindName(RedactionKind kind) {
    switch (kind) {
    case RedactionKind::Blur:
        return QStringLiteral("blur");
    case RedactionKind::Solid:
        return QStringLiteral("solid");
    }
    return QStringLiteral("solid");
}

std::optional<RedactionKind> kindFromJson(const QJsonValue &json) {
    if (json == QJsonValue(QLatin1String("blur"))) {
        return RedactionKind::Blur;
    }
    if (json == QJsonValue(QLatin1String("solid"))) {
        return RedactionKind::Solid;
    }
    return std::nullopt;
}

// Sorted distinct values of the coordinates, each clamped to [low, high].
std::vector<int> edges(std::vector<int> values, int low, int high) {
    for (int &v : values) {
        v = std::clamp(v, low, high);
    }
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    return values;
}

std::size_t indexOf(const std::vector<int> &sorted, int value) {
    return static_cast<std::size_t>(std::lower_bound(sorted.begin(), sorted.end(), value) -
                                    sorted.begin());
}

} // namespace

bool NormRect::isValid() const noexcept {
    // Written so that nothing overflows whatever the fields hold.
    return x >= 0 && y >= 0 && w > 0 && h > 0 && w <= Scale && h <= Scale && x <= Scale - w &&
           y <= Scale - h;
}

bool isCovered(const NormRect &region, const std::vector<NormRect> &cover) {
    // An invalid region is never reported as hidden; invalid rectangles hide nothing.
    if (!region.isValid()) {
        return false;
    }
    const int left = region.x;
    const int top = region.y;
    const int right = region.x + region.w;
    const int bottom = region.y + region.h;

    // Coordinate compression: the edges of the region and of every cover rectangle that
    // overlaps it cut the region into cells; each cell lies either wholly inside a cover
    // rectangle or wholly outside it. The closed region is covered exactly when every
    // cell is (the rectangles are closed, so touching edges count).
    std::vector<NormRect> useful;
    std::vector<int> xs{left, right};
    std::vector<int> ys{top, bottom};
    for (const NormRect &c : cover) {
        if (!c.isValid() || c.x >= right || c.x + c.w <= left || c.y >= bottom ||
            c.y + c.h <= top) {
            continue;
        }
        useful.push_back(c);
        xs.push_back(c.x);
        xs.push_back(c.x + c.w);
        ys.push_back(c.y);
        ys.push_back(c.y + c.h);
    }
    if (useful.empty()) {
        return false;
    }
    xs = edges(std::move(xs), left, right);
    ys = edges(std::move(ys), top, bottom);
    const std::size_t columns = xs.size() - 1;
    const std::size_t rows = ys.size() - 1;

    // Count the rectangles over each cell with a two-dimensional difference array.
    std::vector<int> count((columns + 1) * (rows + 1), 0);
    const auto at = [&](std::size_t column, std::size_t row) -> int & {
        return count[row * (columns + 1) + column];
    };
    for (const NormRect &c : useful) {
        const std::size_t x0 = indexOf(xs, std::max(c.x, left));
        const std::size_t x1 = indexOf(xs, std::min(c.x + c.w, right));
        const std::size_t y0 = indexOf(ys, std::max(c.y, top));
        const std::size_t y1 = indexOf(ys, std::min(c.y + c.h, bottom));
        ++at(x0, y0);
        --at(x1, y0);
        --at(x0, y1);
        ++at(x1, y1);
    }
    for (std::size_t row = 0; row < rows; ++row) {
        for (std::size_t column = 0; column < columns; ++column) {
            int sum = at(column, row);
            if (column > 0) {
                sum += at(column - 1, row);
            }
            if (row > 0) {
                sum += at(column, row - 1);
            }
            if (column > 0 && row > 0) {
                sum -= at(column - 1, row - 1);
            }
            at(column, row) = sum;
            if (sum <= 0) {
                return false;
            }
        }
    }
    return true;
}

bool hidesAll(const std::vector<Redaction> &redactions, const std::vector<NormRect> &regions) {
    std::vector<NormRect> cover;
    cover.reserve(redactions.size());
    for (const Redaction &r : redactions) {
        cover.push_back(r.rect);
    }
    return std::all_of(regions.begin(), regions.end(),
                       [&](const NormRect &region) { return isCovered(region, cover); });
}

QJsonArray toJson(const std::vector<NormRect> &rects) {
    QJsonArray array;
    for (const NormRect &r : rects) {
        array.append(rectToJson(r));
    }
    return array;
}

QJsonArray toJson(const std::vector<Redaction> &redactions) {
    QJsonArray array;
    for (const Redaction &r : redactions) {
        array.append(QJsonObject{{QStringLiteral("kind"), kindName(r.kind)},
                                 {QStringLiteral("rect"), rectToJson(r.rect)}});
    }
    return array;
}

std::optional<std::vector<NormRect>> rectsFromJson(const QJsonValue &json) {
    if (!json.isArray()) {
        return std::nullopt;
    }
    const QJsonArray array = json.toArray();
    if (array.size() > MaxEntries) {
        return std::nullopt;
    }
    std::vector<NormRect> rects;
    rects.reserve(static_cast<std::size_t>(array.size()));
    for (const QJsonValue &v : array) {
        const std::optional<NormRect> r = rectFromJson(v);
        if (!r) {
            return std::nullopt;
        }
        rects.push_back(*r);
    }
    return rects;
}

std::optional<std::vector<Redaction>> redactionsFromJson(const QJsonValue &json) {
    if (!json.isArray()) {
        return std::nullopt;
    }
    const QJsonArray array = json.toArray();
    if (array.size() > MaxEntries) {
        return std::nullopt;
    }
    std::vector<Redaction> redactions;
    redactions.reserve(static_cast<std::size_t>(array.size()));
    for (const QJsonValue &v : array) {
        if (!v.isObject()) {
            return std::nullopt;
        }
        const QJsonObject object = v.toObject();
        if (object.size() != 2) {
            return std::nullopt;
        }
        const std::optional<RedactionKind> kind = kindFromJson(object.value(QLatin1String("kind")));
        const std::optional<NormRect> rect = rectFromJson(object.value(QLatin1String("rect")));
        if (!kind || !rect) {
            return std::nullopt;
        }
        redactions.push_back({*rect, *kind});
    }
    return redactions;
}

} // namespace cc::domain
