// Face hints: where they find the face on a real portrait (NASA's public-domain photo of
// astronaut Eileen Collins, shipped as scikit-image sample data), that they find none on
// generated images, that they read only what the codec reads, and that every hint is a
// valid rectangle. Prints what every cascade found and how long it took.

#include "imaging/demophoto.h"
#include "imaging/facehints.h"
#include "imaging/facehintsmodule.h"
#include "imaging/qimagecodec.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>
#include <catch2/generators/catch_generators_range.hpp>
#include <catch2/matchers/catch_matchers_exception.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <QBuffer>
#include <QColorSpace>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageWriter>
#include <QTemporaryDir>
#include <QTransform>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <utility>

using Catch::Matchers::ContainsSubstring;
using cc::crypto::Bytes;
using cc::domain::NormRect;
using cc::imaging::FaceCascade;
using cc::imaging::FaceHints;
using cc::imaging::FaceHintsError;
using cc::services::ImageError;

namespace {

QCoreApplication &app() {
    static int argc = 1;
    static char name[] = "tst_facehints";
    static char *argv[] = {name, nullptr};
    static QCoreApplication instance(argc, argv);
    return instance;
}

Bytes toBytes(const QByteArray &a) {
    return Bytes(a.cbegin(), a.cend());
}

const Bytes &portraitBytes() {
    static const Bytes bytes = [] {
        QFile file(QStringLiteral(CONSENTCAM_FACE_PORTRAIT));
        INFO("the portrait comes with python3-skimage (scripts/setup.sh installs it)");
        REQUIRE(file.open(QIODevice::ReadOnly));
        return toBytes(file.readAll());
    }();
    return bytes;
}

// Another file of the same sample data (all public domain or CC0, as their docstrings say).
Bytes sampleBytes(const char *name) {
    QFile file(QFileInfo(QStringLiteral(CONSENTCAM_FACE_PORTRAIT))
                   .dir()
                   .filePath(QString::fromLatin1(name)));
    INFO(file.fileName().toStdString());
    REQUIRE(file.open(QIODevice::ReadOnly));
    return toBytes(file.readAll());
}

// Photos of things that are not people (a coffee cup, a cat, a rocket launch, galaxies, a
// retina, bricks, grass): every hint on them is a false one.
constexpr std::array<const char *, 7> FacelessSamples = {
    "coffee.png", "chelsea.png", "rocket.jpg", "hubble_deep_field.jpg",
    "retina.jpg", "brick.png",   "grass.png"};

const QImage &portrait() {
    static const QImage image = [] {
        QImage decoded;
        const Bytes &bytes = portraitBytes();
        REQUIRE(decoded.loadFromData(bytes.data(), int(bytes.size())));
        // The file's ICC profile is one libpng warns about each time it reads it; the
        // copies the tests encode go without it.
        decoded.setColorSpace(QColorSpace());
        return decoded;
    }();
    return image;
}

Bytes encode(const QImage &image, const char *format) {
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    writer.setQuality(92);
    REQUIRE(writer.write(image));
    return toBytes(out);
}

// The JPEG with an Exif segment right after its SOI that carries only the orientation.
Bytes withOrientation(const Bytes &jpeg, int orientation) {
    const std::uint8_t o = std::uint8_t(orientation);
    const Bytes segment = {0xFF, 0xE1, 0x00, 0x22, 'E',  'x',  'i',  'f',  0x00, 0x00, 'M',  'M',
                           0x00, 0x2A, 0x00, 0x00, 0x00, 0x08, 0x00, 0x01, 0x01, 0x12, 0x00, 0x03,
                           0x00, 0x00, 0x00, 0x01, 0x00, o,    0x00, 0x00, 0x00, 0x00, 0x00, 0x00};
    Bytes out(jpeg.begin(), jpeg.begin() + 2);
    out.insert(out.end(), segment.begin(), segment.end());
    out.insert(out.end(), jpeg.begin() + 2, jpeg.end());
    return out;
}

// Where the face is on the portrait (512 x 512), in ten-thousandths, from looking at
// it: Core is the face from the hairline to the chin and cheek to cheek, which a hint
// must cover; Around is the head with its hair and a margin, which a hint must stay in.
constexpr NormRect Core{3613, 1465, 1660, 1973};  // x 185-270, y 75-176 px
constexpr NormRect Around{2539, 195, 3711, 4004}; // x 130-320, y 10-215 px
// The same for the cameraman (camera.png, 512 x 512), seen from his left, facing right.
constexpr NormRect ProfileCore{3613, 2246, 1270, 1563};   // x 185-250, y 115-195 px
constexpr NormRect ProfileAround{2734, 1172, 3125, 3516}; // x 140-300, y 60-240 px

bool contains(const NormRect &outer, const NormRect &inner) {
    return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w &&
           inner.y + inner.h <= outer.y + outer.h;
}

// The rectangle as it appears on the image turned a quarter clockwise.
NormRect turnedClockwise(const NormRect &r) {
    return {NormRect::Scale - r.y - r.h, r.x, r.h, r.w};
}

// The rectangle as it appears on the mirror image.
NormRect mirrored(const NormRect &r) {
    return {NormRect::Scale - r.x - r.w, r.y, r.w, r.h};
}

std::string describe(const std::vector<NormRect> &rects) {
    std::ostringstream out;
    out << rects.size() << (rects.size() == 1 ? " face" : " faces");
    for (const NormRect &r : rects)
        out << " [" << r.x << ',' << r.y << ' ' << r.w << 'x' << r.h << ']';
    return out.str();
}

struct Timed {
    std::vector<NormRect> rects;
    double ms = 0;
};

Timed timedFind(FaceHints &hints, const Bytes &bytes) {
    const auto start = std::chrono::steady_clock::now();
    Timed t;
    t.rects = hints.find(bytes);
    t.ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return t;
}

constexpr std::array<std::pair<FaceCascade, const char *>, 5> Cascades = {{
    {FaceCascade::FrontalDefault, "frontalface_default"},
    {FaceCascade::FrontalAlt, "frontalface_alt"},
    {FaceCascade::FrontalAlt2, "frontalface_alt2"},
    {FaceCascade::FrontalLbp, "lbp frontalface_improved"},
    {FaceCascade::Profile, "profileface"},
}};

// True when the hints are one rectangle that covers core and stays inside around.
bool foundOnly(const std::vector<NormRect> &rects, const NormRect &core, const NormRect &around) {
    return rects.size() == 1 && contains(rects[0], core) && contains(around, rects[0]);
}

// Every hint valid, no two overlapping by more than half of the smaller, and sorted.
void checkWellFormed(const std::vector<NormRect> &rects) {
    for (std::size_t i = 0; i < rects.size(); ++i) {
        const NormRect &a = rects[i];
        INFO(describe(rects));
        REQUIRE(a.isValid());
        for (std::size_t j = i + 1; j < rects.size(); ++j) {
            const NormRect &b = rects[j];
            const qint64 ix = std::max(0, std::min(a.x + a.w, b.x + b.w) - std::max(a.x, b.x));
            const qint64 iy = std::max(0, std::min(a.y + a.h, b.y + b.h) - std::max(a.y, b.y));
            REQUIRE(2 * ix * iy <= std::min(qint64(a.w) * a.h, qint64(b.w) * b.h));
            REQUIRE((a.y < b.y || (a.y == b.y && a.x <= b.x)));
        }
    }
}

} // namespace

TEST_CASE("every face cascade on the portrait, its variants and generated photos (printed)") {
    app();
    const QImage &upright = portrait();
    struct Variant {
        const char *name;
        Bytes bytes;
        NormRect core;
        NormRect around;
    };
    const std::vector<Variant> variants = {
        {"mirrored png", encode(upright.mirrored(true, false), "png"), mirrored(Core),
         mirrored(Around)},
        {"half-size jpeg",
         encode(upright.scaled(256, 256, Qt::IgnoreAspectRatio, Qt::SmoothTransformation), "jpeg"),
         Core, Around},
        {"2048 px jpeg",
         encode(upright.scaled(2048, 2048, Qt::IgnoreAspectRatio, Qt::SmoothTransformation),
                "jpeg"),
         Core, Around},
        {"turned clockwise png", encode(upright.transformed(QTransform().rotate(90)), "png"),
         turnedClockwise(Core), turnedClockwise(Around)},
    };
    std::vector<Bytes> faceless;
    for (const char *name : FacelessSamples)
        faceless.push_back(sampleBytes(name));
    const Bytes cameraman = sampleBytes("camera.png"); // a man in profile, facing right
    std::vector<Bytes> generated;
    for (std::uint64_t seed = 1; seed <= 6; ++seed)
        generated.push_back(cc::imaging::demoPhoto(seed, 1600, 1200));

    std::cout << "face hints on " << upright.width() << " x " << upright.height()
              << " portrait; face core " << describe({Core}) << ", head " << describe({Around})
              << '\n';
    // The shipped cascades, and the first LBP face cascade, which "improved" replaced.
    std::vector<std::pair<std::string, std::function<FaceHints()>>> candidates;
    for (const auto &[cascade, name] : Cascades)
        candidates.emplace_back(name, [cascade = cascade] { return FaceHints(cascade); });
    candidates.emplace_back("lbp frontalface", [] {
        const QFileInfo improved(FaceHints::cascadeFile(FaceCascade::FrontalLbp));
        return FaceHints(improved.dir().filePath(QStringLiteral("lbpcascade_frontalface.xml")));
    });
    for (const auto &[name, make] : candidates) {
        FaceHints hints = make();
        (void)hints.find(portraitBytes()); // warm up
        const Timed found = timedFind(hints, portraitBytes());
        std::cout << "  " << name << ": " << describe(found.rects) << " in " << found.ms << " ms"
                  << (foundOnly(found.rects, Core, Around) ? " (the face)" : "") << '\n';
        for (const Variant &variant : variants) {
            const Timed v = timedFind(hints, variant.bytes);
            std::cout << "    " << variant.name << ": " << describe(v.rects) << " in " << v.ms
                      << " ms"
                      << (foundOnly(v.rects, variant.core, variant.around) ? " (the face)" : "")
                      << '\n';
        }
        std::size_t falseSamples = 0;
        double facelessMs = 0;
        for (const Bytes &bytes : faceless) {
            const Timed f = timedFind(hints, bytes);
            falseSamples += f.rects.size();
            facelessMs += f.ms;
        }
        std::cout << "    " << faceless.size() << " photos without a face: " << falseSamples
                  << " false hits, " << facelessMs / double(faceless.size()) << " ms each\n";
        const Timed c = timedFind(hints, cameraman);
        std::cout << "    cameraman in profile: " << describe(c.rects) << " in " << c.ms << " ms"
                  << (foundOnly(c.rects, ProfileCore, ProfileAround) ? " (the face)" : "") << '\n';
        std::size_t falseHits = 0;
        double generatedMs = 0;
        for (const Bytes &bytes : generated) {
            const Timed g = timedFind(hints, bytes);
            falseHits += g.rects.size();
            generatedMs += g.ms;
        }
        std::cout << "    " << generated.size() << " generated 1600 x 1200 photos: " << falseHits
                  << " false hits, " << generatedMs / double(generated.size()) << " ms each\n";
    }
}

TEST_CASE("the default cascade finds the face on the portrait where it is") {
    app();
    FaceHints hints;
    const std::vector<NormRect> found = hints.find(portraitBytes());
    INFO(describe(found));
    CHECK(foundOnly(found, Core, Around));
    checkWellFormed(found);

    const std::vector<NormRect> mirror =
        hints.find(encode(portrait().mirrored(true, false), "png"));
    INFO("mirrored: " << describe(mirror));
    CHECK(foundOnly(mirror, mirrored(Core), mirrored(Around)));

    const QImage half =
        portrait().scaled(256, 256, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    const std::vector<NormRect> small = hints.find(encode(half, "jpeg"));
    INFO("half size: " << describe(small));
    CHECK(foundOnly(small, Core, Around));
}

TEST_CASE("the profile cascade finds a face turned sideways, on either side") {
    app();
    FaceHints hints(FaceCascade::Profile);
    const Bytes cameraman = sampleBytes("camera.png");
    const std::vector<NormRect> found = hints.find(cameraman);
    INFO(describe(found));
    CHECK(foundOnly(found, ProfileCore, ProfileAround));

    QImage image;
    REQUIRE(image.loadFromData(cameraman.data(), int(cameraman.size())));
    const std::vector<NormRect> mirror = hints.find(encode(image.mirrored(true, false), "png"));
    INFO("mirrored: " << describe(mirror));
    CHECK(foundOnly(mirror, mirrored(ProfileCore), mirrored(ProfileAround)));
}

TEST_CASE("a large JPEG of the portrait is searched at the working size, face in place") {
    app();
    FaceHints hints;
    const QImage big =
        portrait().scaled(3000, 3000, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    const std::vector<NormRect> found = hints.find(encode(big, "jpeg"));
    INFO(describe(found));
    CHECK(foundOnly(found, Core, Around));
}

TEST_CASE("the EXIF orientation is applied before the search") {
    app();
    FaceHints hints;
    // Stored a quarter turn anticlockwise, tagged 6 ("turn clockwise to view").
    const QImage stored = portrait().transformed(QTransform().rotate(-90));
    const std::vector<NormRect> found = hints.find(withOrientation(encode(stored, "jpeg"), 6));
    INFO(describe(found));
    CHECK(foundOnly(found, Core, Around));
}

TEST_CASE("a portrait turned on its side without a tag gives no false hint") {
    app();
    FaceHints hints;
    const QImage turned = portrait().transformed(QTransform().rotate(90));
    const std::vector<NormRect> found = hints.find(encode(turned, "png"));
    std::cout << "portrait turned clockwise, default cascade: " << describe(found) << '\n';
    INFO(describe(found));
    checkWellFormed(found);
    // Upright cascades usually miss a face on its side; whatever they find is that face.
    for (const NormRect &r : found)
        CHECK(contains(turnedClockwise(Around), r));
}

TEST_CASE("no face on generated images") {
    app();
    FaceHints hints;
    SECTION("demo photos") {
        const std::uint64_t seed = GENERATE(range(std::uint64_t(1), std::uint64_t(13)));
        INFO("seed " << seed);
        const std::vector<NormRect> found = hints.find(cc::imaging::demoPhoto(seed, 1600, 1200));
        CHECK(found.empty());
    }
    SECTION("a gradient") {
        QImage gradient(800, 600, QImage::Format_RGB32);
        for (int y = 0; y < gradient.height(); ++y)
            for (int x = 0; x < gradient.width(); ++x)
                gradient.setPixel(x, y, qRgb(x * 255 / 799, y * 255 / 599, 128));
        CHECK(hints.find(encode(gradient, "png")).empty());
    }
}

TEST_CASE("bytes the codec refuses throw the codec's ImageError") {
    app();
    FaceHints hints;
    const Bytes png = encode(portrait(), "png");
    CHECK_THROWS_AS(hints.find(Bytes{}), ImageError);
    CHECK_THROWS_AS(hints.find(Bytes(1000, 0xAB)), ImageError);
    CHECK_THROWS_AS(hints.find(Bytes(png.begin(), png.begin() + std::ptrdiff_t(png.size() / 2))),
                    ImageError);
    CHECK_THROWS_AS(hints.find(encode(portrait(), "bmp")), ImageError);
}

TEST_CASE("a cascade that is missing or not a cascade is an error, not a crash") {
    app();
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    CHECK_THROWS_MATCHES(FaceHints(dir.filePath(QStringLiteral("missing.xml"))), FaceHintsError,
                         Catch::Matchers::MessageMatches(ContainsSubstring("missing.xml") &&
                                                         ContainsSubstring("is missing")));
    const QString garbage = dir.filePath(QStringLiteral("garbage.xml"));
    QFile file(garbage);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("<?xml version=\"1.0\"?>\n<opencv_storage><cascade>nonsense");
    file.close();
    CHECK_THROWS_MATCHES(FaceHints(garbage), FaceHintsError,
                         Catch::Matchers::MessageMatches(ContainsSubstring("garbage.xml")));
    CHECK_THROWS_AS(FaceHints(dir.path()), FaceHintsError); // a directory
}

TEST_CASE("every shipped face cascade loads") {
    app();
    for (const auto &[cascade, name] : Cascades) {
        INFO(name << ": " << FaceHints::cascadeFile(cascade).toStdString());
        CHECK_NOTHROW(FaceHints(cascade));
    }
}

TEST_CASE("hints are always valid, merged and sorted, whatever the image") {
    app();
    std::mt19937 random(20240611);
    const QImage &upright = portrait();
    FaceHints frontal;
    FaceHints profile(FaceCascade::Profile);
    int images = 0;
    int hintsSeen = 0;
    int edgeHints = 0; // clamped to the image's edge
    const auto check = [&](const QImage &image, const char *format) {
        const Bytes bytes = encode(image, format);
        for (FaceHints *hints : {&frontal, &profile}) {
            const std::vector<NormRect> found = hints->find(bytes);
            INFO(image.width() << " x " << image.height() << " " << format);
            checkWellFormed(found);
            hintsSeen += int(found.size());
            edgeHints += int(std::count_if(found.begin(), found.end(), [](const NormRect &r) {
                return r.x == 0 || r.y == 0 || r.x + r.w == NormRect::Scale ||
                       r.y + r.h == NormRect::Scale;
            }));
        }
        ++images;
    };
    // Crops of the portrait, many cutting through the face, so padded hits reach the edges.
    for (int i = 0; i < 40; ++i) {
        const int w = std::uniform_int_distribution<int>(40, 512)(random);
        const int h = std::uniform_int_distribution<int>(40, 512)(random);
        const int x = std::uniform_int_distribution<int>(0, 512 - w)(random);
        const int y = std::uniform_int_distribution<int>(0, 512 - h)(random);
        check(upright.copy(x, y, w, h), i % 2 ? "png" : "jpeg");
    }
    // Noise, and images only a few pixels across.
    for (const auto &[w, h] : std::vector<std::pair<int, int>>{
             {1, 1}, {2, 300}, {300, 2}, {19, 19}, {24, 24}, {64, 48}, {640, 480}}) {
        QImage noise(w, h, QImage::Format_RGB32);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                noise.setPixel(x, y, std::uniform_int_distribution<unsigned>(0, 0xFFFFFF)(random));
        check(noise, "png");
    }
    std::cout << "well-formedness: " << images << " images, " << hintsSeen << " hints ("
              << edgeHints << " clamped to an edge), every one valid\n";
    CHECK(edgeHints > 0);
}

// The module the app loads on first use (facehintsmodule.h): what it finds is what
// findFacesForEditor() finds in-process, and a missing or foreign module is refused with
// the reason.
TEST_CASE("the face hints module finds in the app what findFacesForEditor finds") {
    app();
    cc::imaging::FaceHintsModule module;
    CHECK(module.loadedFrom().isEmpty());
    const std::vector<NormRect> viaModule = module.find(portraitBytes());
    INFO("loaded from " << module.loadedFrom().toStdString());
    CHECK_FALSE(module.loadedFrom().isEmpty());
    const std::vector<NormRect> direct = cc::imaging::findFacesForEditor(portraitBytes());
    INFO("module: " << describe(viaModule) << " direct: " << describe(direct));
    REQUIRE_FALSE(direct.empty());
    CHECK(viaModule == direct);
    CHECK(foundOnly(viaModule, Core, Around));
    // Another side view: the profile cascade runs through the module too.
    const Bytes cameraman = sampleBytes("camera.png");
    CHECK(module.find(cameraman) == cc::imaging::findFacesForEditor(cameraman));

    // The codec's refusal comes back as the codec's error.
    const Bytes notAnImage = toBytes(QByteArrayLiteral("GIF89a not really"));
    CHECK_THROWS_AS(module.find(notAnImage), ImageError);
    CHECK(module.find(encode(QImage(64, 48, QImage::Format_RGB32), "png")).empty());
}

TEST_CASE("a face hints module that is missing or not one is refused with the reason") {
    app();
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString missing = dir.filePath(QStringLiteral("libconsentcam_facehints.so"));
    cc::imaging::FaceHintsModule none({missing});
    CHECK_THROWS_MATCHES(none.find(portraitBytes()), FaceHintsError,
                         Catch::Matchers::MessageMatches(ContainsSubstring(missing.toStdString()) &&
                                                         ContainsSubstring("not found")));

    const QString garbage = dir.filePath(QStringLiteral("garbage.so"));
    QFile file(garbage);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("\x7f"
               "ELF but nothing more");
    file.close();
    cc::imaging::FaceHintsModule foreign({garbage});
    CHECK_THROWS_AS(foreign.find(portraitBytes()), FaceHintsError);
    CHECK(foreign.loadedFrom().isEmpty());

    // A real shared library without the entry points (Qt's own core library).
    const QString qtCore = QStringLiteral(CONSENTCAM_QTCORE_LIBRARY);
    cc::imaging::FaceHintsModule stranger({qtCore});
    CHECK_THROWS_MATCHES(
        stranger.find(portraitBytes()), FaceHintsError,
        Catch::Matchers::MessageMatches(ContainsSubstring("not a face hints module")));

    // The first location that loads wins; those before it are skipped.
    cc::imaging::FaceHintsModule fallback(
        {missing, garbage, cc::imaging::FaceHintsModule::defaultLocations().constLast()});
    CHECK_FALSE(fallback.find(portraitBytes()).empty());
    CHECK(fallback.loadedFrom() == cc::imaging::FaceHintsModule::defaultLocations().constLast());
}
