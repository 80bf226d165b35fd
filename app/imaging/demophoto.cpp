#include "imaging/demophoto.h"

#include "imaging/qimagecodec.h"

#include <QBuffer>
#include <QByteArray>
#include <QColor>
#include <QImage>
#include <QImageWriter>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QRadialGradient>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <random>
#include <stdexcept>
#include <vector>

namespace cc::imaging {

namespace {

// Only the generator's raw output is used: the standard distributions differ between
// library implementations, and the same seed must draw the same photo everywhere.
class Dice {
public:
    explicit Dice(std::uint64_t seed)
        : m_engine(seed) {}

    // Uniform in [0, 1), from the top 53 bits of one draw.
    double unit() { return double(m_engine() >> 11) * 0x1.0p-53; }
    double between(double low, double high) { return low + (high - low) * unit(); }
    // Uniform in [0, n) for a small n.
    int below(int n) { return int(m_engine() % std::uint64_t(n)); }

private:
    std::mt19937_64 m_engine;
};

struct Tone {
    int red;
    int green;
    int blue;
};

// From light to deep skin.
constexpr std::array<Tone, 6> SkinTones{{
    {241, 203, 177},
    {228, 180, 146},
    {206, 150, 112},
    {172, 118, 84},
    {131, 87, 60},
    {96, 63, 45},
}};

QColor shade(const Tone &tone, double factor, int alpha = 255) {
    const auto channel = [&](int v) {
        return std::clamp(int(std::lround(v * factor)), 0, 255);
    };
    return QColor(channel(tone.red), channel(tone.green), channel(tone.blue), alpha);
}

void paintSkin(QPainter &painter, Dice &dice, const Tone &tone, int width, int height) {
    QLinearGradient gradient(QPointF(dice.between(0, width), 0),
                             QPointF(dice.between(0, width), height));
    gradient.setColorAt(0, shade(tone, dice.between(1.04, 1.10)));
    gradient.setColorAt(1, shade(tone, dice.between(0.84, 0.92)));
    painter.fillRect(0, 0, width, height, gradient);

    // Soft light from one side.
    const double reach = std::max(width, height) * 0.8;
    QRadialGradient light(QPointF(dice.between(0, width), dice.between(0, height)), reach);
    light.setColorAt(0, QColor(255, 255, 255, 40));
    light.setColorAt(1, QColor(255, 255, 255, 0));
    painter.fillRect(0, 0, width, height, light);

    // Pores and small marks.
    const double unit = std::min(width, height) / 600.0;
    const int marks = std::clamp(width * height / 2500, 40, 1500);
    painter.setPen(Qt::NoPen);
    for (int i = 0; i < marks; ++i) {
        const double r = std::max(0.6, dice.between(0.6, 2.4) * unit);
        painter.setBrush(shade(tone, dice.between(0.6, 0.85), 20 + dice.below(25)));
        painter.drawEllipse(QPointF(dice.between(0, width), dice.between(0, height)), r, r);
    }
}

// A closed, smooth, irregular outline around centre: the radius wobbles with a few
// low harmonics and a little noise per point.
QPainterPath blobOutline(Dice &dice, QPointF centre, double radius) {
    constexpr int Points = 28;
    std::array<double, 3> amplitude{};
    std::array<double, 3> phase{};
    for (std::size_t k = 0; k < amplitude.size(); ++k) {
        amplitude[k] = dice.between(0.03, 0.14);
        phase[k] = dice.between(0, 2 * std::numbers::pi);
    }
    std::vector<QPointF> points;
    for (int i = 0; i < Points; ++i) {
        const double angle = 2 * std::numbers::pi * i / Points;
        double r = 1 + dice.between(-0.05, 0.05);
        for (std::size_t k = 0; k < amplitude.size(); ++k)
            r += amplitude[k] * std::sin(double(k + 2) * angle + phase[k]);
        points.emplace_back(centre.x() + radius * r * std::cos(angle),
                            centre.y() + radius * r * std::sin(angle));
    }
    const auto mid = [&](int i) {
        const QPointF &a = points[std::size_t(i % Points)];
        const QPointF &b = points[std::size_t((i + 1) % Points)];
        return (a + b) / 2;
    };
    QPainterPath path(mid(0));
    for (int i = 1; i <= Points; ++i)
        path.quadTo(points[std::size_t(i % Points)], mid(i));
    path.closeSubpath();
    return path;
}

void paintLesion(QPainter &painter, Dice &dice, const Tone &tone, int width, int height) {
    const double radius = std::min(width, height) * dice.between(0.11, 0.18);
    const QPointF centre(width * dice.between(0.38, 0.62), height * dice.between(0.38, 0.6));
    const QPainterPath outline = blobOutline(dice, centre, radius);

    // Reddened skin around it.
    QPainterPath halo = blobOutline(dice, centre, radius * 1.25);
    QRadialGradient redness(centre, radius * 1.35);
    redness.setColorAt(0.6, QColor(190, 70, 60, 70));
    redness.setColorAt(1, QColor(190, 70, 60, 0));
    painter.setPen(Qt::NoPen);
    painter.setBrush(redness);
    painter.drawPath(halo);

    const double darkness = tone.red > 150 ? 1.0 : 0.5; // stays darker than deep skin
    const QPointF core =
        centre + QPointF(dice.between(-0.3, 0.3), dice.between(-0.3, 0.3)) * radius;
    QRadialGradient pigment(core, radius * 1.2);
    pigment.setColorAt(0, QColor(int(60 * darkness), int(34 * darkness), int(26 * darkness)));
    pigment.setColorAt(0.55, QColor(int(112 * darkness), int(66 * darkness), int(44 * darkness)));
    pigment.setColorAt(1, shade(tone, 0.75));
    painter.setBrush(pigment);
    painter.setPen(QPen(shade(tone, 0.55, 160), std::max(1.0, radius / 60)));
    painter.drawPath(outline);

    // Darker dots inside.
    painter.setPen(Qt::NoPen);
    const int dots = 5 + dice.below(8);
    for (int i = 0; i < dots; ++i) {
        const double angle = dice.between(0, 2 * std::numbers::pi);
        const double distance = radius * 0.6 * std::sqrt(dice.unit());
        const double r = radius * dice.between(0.03, 0.08);
        painter.setBrush(QColor(35, 20, 16, 90 + dice.below(80)));
        painter.drawEllipse(centre + QPointF(std::cos(angle), std::sin(angle)) * distance, r, r);
    }
}

// A ruler in the lower left corner: a light bar with ten major divisions, each split in
// five, as laid next to a lesion to show its size.
void paintScaleBar(QPainter &painter, int width, int height) {
    const double margin = std::min(width, height) * 0.05;
    const double length = width * 0.32;
    const double thickness = std::max(6.0, std::min(width, height) * 0.05);
    const QRectF bar(margin, height - margin - thickness, length, thickness);
    painter.setPen(QPen(QColor(40, 40, 40), std::max(1.0, thickness / 20)));
    painter.setBrush(QColor(246, 244, 236));
    painter.drawRect(bar);

    constexpr int Ticks = 50;
    const double step = (length - 2 * thickness * 0.2) / Ticks;
    for (int i = 0; i <= Ticks; ++i) {
        const double x = bar.left() + thickness * 0.2 + i * step;
        const double tick = thickness * (i % 10 == 0 ? 0.7 : i % 5 == 0 ? 0.5 : 0.3);
        painter.drawLine(QPointF(x, bar.top()), QPointF(x, bar.top() + tick));
    }
    // Alternating dark and light centimetre blocks along the bottom edge.
    painter.setPen(Qt::NoPen);
    for (int i = 0; i < 10; i += 2) {
        const double x = bar.left() + thickness * 0.2 + i * 5 * step;
        painter.setBrush(QColor(40, 40, 40));
        painter.drawRect(QRectF(x, bar.bottom() - thickness * 0.2, 5 * step, thickness * 0.2));
    }
}

// Light diagonal stripes over everything: no real photo looks like this.
void paintDemoStripes(QPainter &painter, int width, int height) {
    const double spacing = std::max(8.0, std::min(width, height) / 9.0);
    painter.setPen(QPen(QColor(255, 255, 255, 55), std::max(2.0, std::min(width, height) / 90.0)));
    for (double x = -double(height); x < width + spacing; x += spacing)
        painter.drawLine(QPointF(x, height), QPointF(x + height, 0));
}

} // namespace

crypto::Bytes demoPhoto(std::uint64_t seed, int width, int height) {
    if (width < MinDemoEdge || height < MinDemoEdge || width > MaxDemoEdge || height > MaxDemoEdge)
        throw std::invalid_argument("a demo photo must be 16 to 4096 pixels on each side");

    Dice dice(seed);
    const Tone &tone = SkinTones[std::size_t(dice.below(int(SkinTones.size())))];

    QImage image(width, height, QImage::Format_RGB32);
    if (image.isNull())
        throw std::bad_alloc();
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    paintSkin(painter, dice, tone, width, height);
    paintLesion(painter, dice, tone, width, height);
    paintScaleBar(painter, width, height);
    paintDemoStripes(painter, width, height);
    painter.end();

    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(QImageCodec::JpegQuality);
    if (!writer.write(image))
        throw std::runtime_error("the demo photo could not be encoded as JPEG");
    return crypto::Bytes(out.cbegin(), out.cend());
}

} // namespace cc::imaging
