// Generated demo photos: deterministic, the requested size, plain JPEGs that look like a
// skin photo with a dark lesion and are clearly marked as artificial.

#include "imaging/demophoto.h"

#include <catch2/catch_test_macros.hpp>

#include <QBuffer>
#include <QCoreApplication>
#include <QImage>
#include <QImageReader>

#include <algorithm>
#include <cmath>
#include <stdexcept>

using cc::crypto::Bytes;
using cc::imaging::demoPhoto;

namespace {

QCoreApplication &app() {
    static int argc = 1;
    static char name[] = "tst_demophoto";
    static char *argv[] = {name, nullptr};
    static QCoreApplication instance(argc, argv);
    return instance;
}

struct Decoded {
    QByteArray format;
    QImage image;
};

Decoded decode(const Bytes &bytes) {
    QByteArray data(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size()));
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    Decoded d;
    d.format = reader.format();
    REQUIRE(reader.read(&d.image));
    d.image = d.image.convertToFormat(QImage::Format_RGB32);
    return d;
}

double luma(QRgb c) {
    return 0.299 * qRed(c) + 0.587 * qGreen(c) + 0.114 * qBlue(c);
}

double meanLuma(const QImage &image, const QRect &r) {
    double sum = 0;
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            sum += luma(image.pixel(x, y));
    return sum / (double(r.width()) * r.height());
}

} // namespace

TEST_CASE("a demo photo is a JPEG of the requested size") {
    app();
    const Decoded standard = decode(demoPhoto(1));
    CHECK(standard.format == "jpeg");
    CHECK(standard.image.size() == QSize(1600, 1200));
    const Decoded portrait = decode(demoPhoto(1, 300, 500));
    CHECK(portrait.image.size() == QSize(300, 500));
    const Decoded tiny = decode(demoPhoto(1, 16, 16));
    CHECK(tiny.image.size() == QSize(16, 16));
}

TEST_CASE("the same seed and size give the same bytes") {
    app();
    for (const std::uint64_t seed : {0ULL, 1ULL, 42ULL, 0xFFFFFFFFFFFFFFFFULL}) {
        INFO("seed " << seed);
        CHECK(demoPhoto(seed, 640, 480) == demoPhoto(seed, 640, 480));
    }
}

TEST_CASE("different seeds give different photos") {
    app();
    const QImage a = decode(demoPhoto(1, 400, 300)).image;
    const QImage b = decode(demoPhoto(2, 400, 300)).image;
    CHECK(demoPhoto(1, 400, 300) != demoPhoto(2, 400, 300));
    // Not a few stray pixels: a large share of the picture differs visibly.
    int differing = 0;
    for (int y = 0; y < 300; ++y)
        for (int x = 0; x < 400; ++x)
            differing += std::abs(luma(a.pixel(x, y)) - luma(b.pixel(x, y))) > 8 ? 1 : 0;
    CHECK(differing > 400 * 300 / 10);
}

TEST_CASE("a demo photo shows skin with a darker lesion near the middle") {
    app();
    for (std::uint64_t seed = 0; seed < 12; ++seed) {
        INFO("seed " << seed);
        const QImage image = decode(demoPhoto(seed, 800, 600)).image;
        // Skin tones: more red than green, more green than blue, at the top corners.
        for (const QPoint p : {QPoint(10, 10), QPoint(789, 10)}) {
            const QRgb c = image.pixel(p);
            CHECK(qRed(c) > qGreen(c));
            CHECK(qGreen(c) > qBlue(c));
        }
        // Somewhere near the middle (where the lesion sits) is much darker than the skin.
        double darkest = 255;
        for (int y = 200; y <= 380; y += 10)
            for (int x = 260; x <= 520; x += 10)
                darkest = std::min(darkest, meanLuma(image, QRect(x, y, 20, 20)));
        const double skin = meanLuma(image, QRect(20, 20, 120, 80));
        CHECK(darkest < skin * 0.6);
        // Away from the middle there is skin only.
        CHECK(meanLuma(image, QRect(600, 20, 180, 80)) > skin * 0.8);
    }
}

TEST_CASE("a demo photo carries a light scale bar in its lower left corner") {
    app();
    const QImage image = decode(demoPhoto(5, 1000, 800)).image;
    // The bar: 5% margin, 32% of the width, 5% of the shorter side high.
    const QRect bar(40, 800 - 40 - 40, 320, 40);
    int light = 0;
    int dark = 0;
    for (int x = bar.left() + 5; x < bar.right() - 5; ++x) {
        const double v = luma(image.pixel(x, bar.top() + bar.height() / 4));
        light += v > 200 ? 1 : 0;
        dark += v < 90 ? 1 : 0;
    }
    CHECK(light > 150); // mostly the bar's light face
    CHECK(dark > 20);   // crossed by tick marks
}

TEST_CASE("a demo photo size outside the allowed range is refused") {
    app();
    CHECK_THROWS_AS(demoPhoto(1, 0, 100), std::invalid_argument);
    CHECK_THROWS_AS(demoPhoto(1, 100, -1), std::invalid_argument);
    CHECK_THROWS_AS(demoPhoto(1, cc::imaging::MinDemoEdge - 1, 100), std::invalid_argument);
    CHECK_THROWS_AS(demoPhoto(1, 100, cc::imaging::MaxDemoEdge + 1), std::invalid_argument);
}
