// The image codec: which bytes it reads, how it orients and scales them, how it burns in
// redactions, and that nothing but pixels survives into what it writes (for exports, as
// the exiv2 tool reads them).

#include "exiv2tool.h"
#include "imaging/qimagecodec.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>
#include <catch2/generators/catch_generators_range.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <QBuffer>
#include <QColorSpace>
#include <QCoreApplication>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>
#include <QTemporaryDir>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <random>
#include <string>
#include <string_view>

using Catch::Matchers::ContainsSubstring;
using cc::crypto::Bytes;
using cc::crypto::ByteView;
using cc::domain::NormRect;
using cc::domain::Redaction;
using cc::domain::RedactionKind;
using cc::imaging::QImageCodec;
using cc::services::ImageError;

namespace {

QCoreApplication &app() {
    static int argc = 1;
    static char name[] = "tst_qimagecodec";
    static char *argv[] = {name, nullptr};
    static QCoreApplication instance(argc, argv);
    return instance;
}

Bytes toBytes(const QByteArray &a) {
    return Bytes(a.cbegin(), a.cend());
}

QByteArray toQByteArray(ByteView b) {
    return QByteArray(reinterpret_cast<const char *>(b.data()), qsizetype(b.size()));
}

Bytes encode(const QImage &image, const char *format, bool progressive = false) {
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    writer.setQuality(95);
    writer.setProgressiveScanWrite(progressive);
    REQUIRE(writer.write(image));
    return toBytes(out);
}

// Decodes as stored, without applying any orientation it might carry.
QImage decodeAsStored(ByteView bytes) {
    QByteArray data = toQByteArray(bytes);
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAutoTransform(false);
    QImage image;
    REQUIRE(reader.read(&image));
    return image.convertToFormat(QImage::Format_RGB32);
}

QByteArray sniffedFormat(ByteView bytes) {
    QByteArray data = toQByteArray(bytes);
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    return QImageReader(&buffer).format();
}

bool contains(ByteView haystack, std::string_view needle) {
    const auto *begin = reinterpret_cast<const char *>(haystack.data());
    return std::string_view(begin, haystack.size()).find(needle) != std::string_view::npos;
}

std::string refusal(const std::function<void()> &call) {
    try {
        call();
    } catch (const ImageError &e) {
        return e.what();
    }
    FAIL("no ImageError was thrown");
    return {};
}

void put16(Bytes &out, unsigned v) {
    out.push_back(std::uint8_t(v >> 8));
    out.push_back(std::uint8_t(v));
}

void put32(Bytes &out, std::uint32_t v) {
    put16(out, v >> 16);
    put16(out, v & 0xFFFF);
}

void append(Bytes &out, std::string_view s) {
    out.insert(out.end(), s.begin(), s.end());
}

// --- JPEG segments ---

struct Segment {
    std::uint8_t marker = 0;
    std::size_t offset = 0; // of the 0xFF
    std::size_t length = 0; // payload length, without the two length bytes
};

// The segments from SOI up to and including the first SOS.
std::vector<Segment> headerSegments(ByteView jpeg) {
    std::vector<Segment> segments;
    REQUIRE(jpeg.size() > 4);
    REQUIRE(jpeg[0] == 0xFF);
    REQUIRE(jpeg[1] == 0xD8);
    std::size_t pos = 2;
    while (pos + 4 <= jpeg.size()) {
        REQUIRE(jpeg[pos] == 0xFF);
        const std::uint8_t marker = jpeg[pos + 1];
        const std::size_t length = std::size_t(jpeg[pos + 2]) << 8 | jpeg[pos + 3];
        segments.push_back({marker, pos, length - 2});
        if (marker == 0xDA)
            break;
        pos += 2 + length;
    }
    return segments;
}

Bytes segment(std::uint8_t marker, ByteView payload) {
    Bytes out{0xFF, marker};
    put16(out, unsigned(payload.size() + 2));
    out.insert(out.end(), payload.begin(), payload.end());
    return out;
}

// An Exif APP1 payload as phones write it: a big-endian TIFF header, IFD0 with the
// orientation (tag 0x0112) and a pointer (tag 0x8825) to a GPS IFD with a position.
Bytes exifPayload(int orientation) {
    Bytes tiff;
    append(tiff, std::string_view("MM\0\x2a", 4));
    put32(tiff, 8);
    // IFD0 at 8: two entries, then the next-IFD offset; it ends at 38.
    put16(tiff, 2);
    put16(tiff, 0x0112);
    put16(tiff, 3); // SHORT
    put32(tiff, 1);
    put16(tiff, unsigned(orientation));
    put16(tiff, 0);
    put16(tiff, 0x8825);
    put16(tiff, 4); // LONG
    put32(tiff, 1);
    put32(tiff, 38);
    put32(tiff, 0);
    // GPS IFD at 38: five entries; it ends at 104, then the two rational triples.
    put16(tiff, 5);
    put16(tiff, 0x0000); // GPSVersionID
    put16(tiff, 1);
    put32(tiff, 4);
    put32(tiff, 0x02030000);
    put16(tiff, 0x0001); // GPSLatitudeRef
    put16(tiff, 2);
    put32(tiff, 2);
    put32(tiff, 0x4E000000); // "N"
    put16(tiff, 0x0002);     // GPSLatitude
    put16(tiff, 5);
    put32(tiff, 3);
    put32(tiff, 104);
    put16(tiff, 0x0003); // GPSLongitudeRef
    put16(tiff, 2);
    put32(tiff, 2);
    put32(tiff, 0x57000000); // "W"
    put16(tiff, 0x0004);     // GPSLongitude
    put16(tiff, 5);
    put32(tiff, 3);
    put32(tiff, 128);
    put32(tiff, 0);
    REQUIRE(tiff.size() == 104);
    for (const std::uint32_t v : {40u, 1u, 26u, 1u, 4602u, 100u, 79u, 1u, 58u, 1u, 5640u, 100u})
        put32(tiff, v);

    Bytes payload;
    append(payload, std::string_view("Exif\0\0", 6));
    payload.insert(payload.end(), tiff.begin(), tiff.end());
    return payload;
}

const std::string_view XmpNamespace = "http://ns.adobe.com/xap/1.0/";
const std::string_view PatientComment = "Patient: Jane Roe, MRN 00417731";

// The JPEG with, right after its SOI, an Exif segment carrying orientation and GPS, an
// XMP packet with a position, and a comment naming a patient.
Bytes withMetadata(ByteView jpeg, int orientation) {
    Bytes xmp;
    append(xmp, XmpNamespace);
    xmp.push_back(0);
    append(xmp, "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF "
                "xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description "
                "xmlns:exif='http://ns.adobe.com/exif/1.0/' exif:GPSLatitude='40,26.46N'/>"
                "</rdf:RDF></x:xmpmeta>");
    Bytes comment;
    append(comment, PatientComment);

    Bytes out(jpeg.begin(), jpeg.begin() + 2);
    for (const Bytes &s :
         {segment(0xE1, exifPayload(orientation)), segment(0xE1, xmp), segment(0xFE, comment)})
        out.insert(out.end(), s.begin(), s.end());
    out.insert(out.end(), jpeg.begin() + 2, jpeg.end());
    return out;
}

// Output carries pixels only: no Exif, XMP, comment, colour profile or other APPn.
void requireNoMetadata(ByteView jpeg) {
    REQUIRE(sniffedFormat(jpeg) == "jpeg");
    for (const Segment &s : headerSegments(jpeg)) {
        INFO("marker " << int(s.marker));
        CHECK_FALSE((s.marker >= 0xE1 && s.marker <= 0xEF));
        CHECK(s.marker != 0xFE);
        if (s.marker == 0xE0)
            CHECK(std::memcmp(jpeg.data() + s.offset + 4, "JFIF\0", 5) == 0);
    }
    CHECK_FALSE(contains(jpeg, std::string_view("Exif\0\0", 6)));
    CHECK_FALSE(contains(jpeg, "http://ns.adobe.com/xap"));
    CHECK_FALSE(contains(jpeg, "ICC_PROFILE"));
    CHECK_FALSE(contains(jpeg, "Jane Roe"));

    QByteArray data = toQByteArray(jpeg);
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    CHECK(reader.transformation() == QImageIOHandler::TransformationNone);
    QImage image;
    REQUIRE(reader.read(&image));
    CHECK(image.text().isEmpty());
    CHECK_FALSE(image.colorSpace().isValid());
}

// --- PNG chunks ---

std::uint32_t crc32(ByteView data) {
    std::uint32_t crc = 0xFFFFFFFF;
    for (const std::uint8_t byte : data) {
        crc ^= byte;
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

void appendChunk(Bytes &png, std::string_view type, ByteView data) {
    put32(png, std::uint32_t(data.size()));
    Bytes typed;
    append(typed, type);
    typed.insert(typed.end(), data.begin(), data.end());
    png.insert(png.end(), typed.begin(), typed.end());
    put32(png, crc32(typed));
}

// A well-formed PNG whose IHDR declares width x height (the pixel data is tiny).
Bytes pngClaiming(std::uint32_t width, std::uint32_t height, std::uint8_t depth,
                  std::uint8_t colourType) {
    Bytes png{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    Bytes header;
    put32(header, width);
    put32(header, height);
    header.insert(header.end(), {depth, colourType, 0, 0, 0});
    appendChunk(png, "IHDR", header);
    const QByteArray compressed = qCompress(QByteArray(64, '\0')).mid(4); // zlib stream
    appendChunk(png, "IDAT", toBytes(compressed));
    appendChunk(png, "IEND", {});
    return png;
}

// --- Pictures ---

constexpr QRgb Red = qRgb(220, 30, 30);
constexpr QRgb Blue = qRgb(30, 60, 220);
constexpr QRgb Grey = qRgb(190, 190, 190);

// width x height with a red top-left and a blue top-right quadrant, the rest grey.
QImage quadrants(int width = 160, int height = 96) {
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Grey);
    QPainter painter(&image);
    painter.fillRect(0, 0, width / 2, height / 2, QColor(Red));
    painter.fillRect(width / 2, 0, width - width / 2, height / 2, QColor(Blue));
    return image;
}

char colourName(QRgb c) {
    if (qRed(c) > 160 && qGreen(c) < 90 && qBlue(c) < 90)
        return 'R';
    if (qBlue(c) > 160 && qRed(c) < 90 && qGreen(c) < 110)
        return 'B';
    if (std::abs(qRed(c) - 190) < 30 && std::abs(qGreen(c) - 190) < 30 &&
        std::abs(qBlue(c) - 190) < 30)
        return 'G';
    if (qRed(c) < 40 && qGreen(c) < 40 && qBlue(c) < 40)
        return 'K';
    return '?';
}

// The colours at the centres of the top-left, top-right, bottom-left and bottom-right
// quadrants.
std::string quadrantColours(const QImage &image) {
    const int w = image.width();
    const int h = image.height();
    std::string out;
    for (const QPoint p : {QPoint(w / 4, h / 4), QPoint(3 * w / 4, h / 4), QPoint(w / 4, 3 * h / 4),
                           QPoint(3 * w / 4, 3 * h / 4)})
        out += colourName(image.pixel(p));
    return out;
}

// Where the stored red (top-left) and blue (top-right) quadrants appear once each EXIF
// orientation is applied, as TL TR BL BR; index = orientation.
const std::array<std::string_view, 9> Upright{
    "", "RBGG", "BRGG", "GGBR", "GGRB", "RGBG", "GRGB", "GBGR", "BGRG",
};

double luma(QRgb c) {
    return 0.299 * qRed(c) + 0.587 * qGreen(c) + 0.114 * qBlue(c);
}

// Standard deviation of luma over the rectangle.
double lumaDeviation(const QImage &image, const QRect &r) {
    double sum = 0;
    double squares = 0;
    for (int y = r.top(); y <= r.bottom(); ++y) {
        for (int x = r.left(); x <= r.right(); ++x) {
            const double v = luma(image.pixel(x, y));
            sum += v;
            squares += v * v;
        }
    }
    const double n = double(r.width()) * r.height();
    return std::sqrt(std::max(0.0, squares / n - (sum / n) * (sum / n)));
}

QImage checkerboard(int size, int square) {
    QImage image(size, size, QImage::Format_RGB32);
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x)
            image.setPixel(x, y,
                           ((x / square + y / square) % 2) ? qRgb(255, 255, 255) : qRgb(0, 0, 0));
    return image;
}

} // namespace

TEST_CASE("probe reports the size and format of a JPEG and a PNG") {
    app();
    QImageCodec codec;
    const QImage picture = quadrants(120, 80);

    const auto jpeg = codec.probe(encode(picture, "jpeg"));
    CHECK(jpeg.width == 120);
    CHECK(jpeg.height == 80);
    CHECK(jpeg.format == QStringLiteral("jpeg"));

    const auto progressive = codec.probe(encode(picture, "jpeg", true));
    CHECK(progressive.width == 120);
    CHECK(progressive.format == QStringLiteral("jpeg"));

    const auto png = codec.probe(encode(picture, "png"));
    CHECK(png.width == 120);
    CHECK(png.height == 80);
    CHECK(png.format == QStringLiteral("png"));

    // Bytes after the end of the image, as some cameras append, are allowed.
    Bytes trailing = encode(picture, "jpeg");
    append(trailing, "appended by the camera");
    CHECK(codec.probe(trailing).width == 120);
}

TEST_CASE("probe reads grayscale, palette, 16-bit and transparent images") {
    app();
    QImageCodec codec;
    const QImage picture = quadrants(64, 48);
    CHECK(codec.probe(encode(picture.convertToFormat(QImage::Format_Grayscale8), "jpeg")).width ==
          64);
    CHECK(codec.probe(encode(picture.convertToFormat(QImage::Format_Indexed8), "png")).width == 64);
    CHECK(codec.probe(encode(picture.convertToFormat(QImage::Format_RGBA64), "png")).width == 64);
    CHECK(codec.probe(encode(picture.convertToFormat(QImage::Format_Mono), "png")).height == 48);
}

TEST_CASE("probe refuses image formats other than JPEG and PNG") {
    app();
    QImageCodec codec;
    const QImage picture = quadrants(32, 32);
    // A 1x1 GIF89a.
    const Bytes gif{'G',  'I',  'F',  '8',  '9',  'a',  0x01, 0x00, 0x01, 0x00, 0x80, 0x00,
                    0x00, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x2c, 0x00, 0x00, 0x00, 0x00,
                    0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b};
    REQUIRE(sniffedFormat(gif) == "gif");
    const std::vector<std::pair<const char *, Bytes>> others{
        {"gif", gif},
        {"bmp", encode(picture, "bmp")},
        {"ppm", encode(picture, "ppm")},
        {"xpm", encode(picture, "xpm")},
        {"ico", encode(picture, "ico")},
    };
    for (const auto &[format, bytes] : others) {
        INFO(format);
        REQUIRE(sniffedFormat(bytes) == format); // Qt itself would read it
        CHECK(refusal([&] { (void)codec.probe(bytes); }) == "not a JPEG or PNG image");
        CHECK(refusal([&] { (void)codec.thumbnail(bytes, 64); }) == "not a JPEG or PNG image");
        CHECK(refusal([&] { (void)codec.import(bytes, 64); }) == "not a JPEG or PNG image");
        CHECK(refusal([&] { (void)codec.redact(bytes, {}); }) == "not a JPEG or PNG image");
    }
}

TEST_CASE("probe refuses empty input and random bytes") {
    app();
    QImageCodec codec;
    CHECK(refusal([&] { (void)codec.probe({}); }) == "not a JPEG or PNG image");
    std::mt19937_64 rng(7);
    for (int i = 0; i < 20; ++i) {
        Bytes noise(std::size_t(1 + rng() % 4000));
        for (auto &b : noise)
            b = std::uint8_t(rng());
        if (i % 2 == 0) // random bytes behind a JPEG or PNG signature are damaged images
            noise.insert(noise.begin(), {0xFF, 0xD8, 0xFF, 0xE0});
        if (i % 4 == 1)
            noise.insert(noise.begin(), {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        INFO("sample " << i);
        const std::string message = refusal([&] { (void)codec.probe(noise); });
        if (i % 2 == 0 || i % 4 == 1)
            CHECK(message == "the image is damaged");
        else
            CHECK(message == "not a JPEG or PNG image");
    }
}

TEST_CASE("a JPEG or PNG cut short is refused as damaged") {
    app();
    QImageCodec codec;
    const Bytes jpeg = encode(checkerboard(256, 8), "jpeg");
    const Bytes progressive = encode(checkerboard(256, 8), "jpeg", true);
    const Bytes png = encode(checkerboard(256, 8), "png");
    for (const Bytes *whole : {&jpeg, &progressive, &png}) {
        for (const double keep : {0.3, 0.6, 0.9, 0.999}) {
            const Bytes cut(whole->begin(), whole->begin() + std::ptrdiff_t(whole->size() * keep));
            INFO("format " << sniffedFormat(*whole).constData() << ", kept " << cut.size() << " of "
                           << whole->size());
            CHECK(refusal([&] { (void)codec.probe(cut); }) == "the image is damaged");
            CHECK(refusal([&] { (void)codec.thumbnail(cut, 32); }) == "the image is damaged");
            CHECK(refusal([&] { (void)codec.import(cut, 32); }) == "the image is damaged");
            CHECK(refusal([&] { (void)codec.redact(cut, {}); }) == "the image is damaged");
        }
    }
    // Damage inside the PNG's pixel data is found by probe's decode.
    Bytes flipped = png;
    const qsizetype idat = toQByteArray(png).indexOf("IDAT");
    REQUIRE(idat > 0);
    flipped[std::size_t(idat) + 20] ^= 0x5A;
    CHECK(refusal([&] { (void)codec.probe(flipped); }) == "the image is damaged");
    CHECK(refusal([&] { (void)codec.import(flipped, 32); }) == "the image is damaged");
}

TEST_CASE("an image that declares a huge size is refused before it is decoded") {
    app();
    QImageCodec codec;
    const Bytes png = pngClaiming(100000, 100000, 8, 2);
    // Qt reads the header, so the refusal is about size, not damage.
    REQUIRE(sniffedFormat(png) == "png");

    Bytes jpeg = encode(quadrants(64, 48), "jpeg");
    for (const Segment &s : headerSegments(jpeg)) {
        if (s.marker == 0xC0) { // SOF0: length, precision, height, width
            jpeg[s.offset + 5] = 20000 >> 8;
            jpeg[s.offset + 6] = 20000 & 0xFF;
            jpeg[s.offset + 7] = 20000 >> 8;
            jpeg[s.offset + 8] = 20000 & 0xFF;
        }
    }
    for (const Bytes *bytes : std::array<const Bytes *, 2>{&png, &jpeg}) {
        const std::string message = refusal([&] { (void)codec.probe(*bytes); });
        CHECK_THAT(message, ContainsSubstring("too large"));
        CHECK_THAT(message, ContainsSubstring("megapixels"));
        CHECK_THAT(refusal([&] { (void)codec.thumbnail(*bytes, 64); }),
                   ContainsSubstring("too large"));
        CHECK_THAT(refusal([&] { (void)codec.redact(*bytes, {}); }),
                   ContainsSubstring("too large"));
    }
    CHECK_THAT(refusal([&] { (void)codec.probe(png); }),
               ContainsSubstring("100000 x 100000 pixels"));
}

TEST_CASE("a PNG whose decoded pixels would exceed the memory limit is refused") {
    app();
    QImageCodec codec;
    // 7000 x 7000 is under MaxPixels, but at 64 bits per pixel it needs 392 MB.
    static_assert(7000LL * 7000 < QImageCodec::MaxPixels);
    const Bytes png = pngClaiming(7000, 7000, 16, 6);
    const std::string message = refusal([&] { (void)codec.probe(png); });
    CHECK_THAT(message, ContainsSubstring("too large"));
    CHECK_THAT(message, ContainsSubstring("MiB"));
}

TEST_CASE("probe reports the size after the EXIF orientation") {
    app();
    QImageCodec codec;
    const Bytes plain = encode(quadrants(160, 96), "jpeg");
    const int orientation = GENERATE(range(1, 9));
    INFO("orientation " << orientation);
    const auto info = codec.probe(withMetadata(plain, orientation));
    const bool turned = orientation >= 5;
    CHECK(info.width == (turned ? 96 : 160));
    CHECK(info.height == (turned ? 160 : 96));
    CHECK(info.format == QStringLiteral("jpeg"));
}

TEST_CASE("import gives what probe and thumbnail give, from one decode") {
    app();
    QImageCodec codec;
    const int orientation = GENERATE(range(1, 9));
    const bool progressive = GENERATE(false, true);
    INFO("orientation " << orientation << (progressive ? ", progressive" : ""));
    const Bytes tagged =
        withMetadata(encode(quadrants(640, 400), "jpeg", progressive), orientation);
    const auto imported = codec.import(tagged, 120);
    const auto info = codec.probe(tagged);
    CHECK(imported.info.width == info.width);
    CHECK(imported.info.height == info.height);
    CHECK(imported.info.format == info.format);
    CHECK(imported.thumbnail == codec.thumbnail(tagged, 120));
    requireNoMetadata(imported.thumbnail);

    const Bytes png = encode(quadrants(300, 200), "png");
    const auto fromPng = codec.import(png, 512); // smaller than the edge: never enlarged
    CHECK(fromPng.info.format == QStringLiteral("png"));
    CHECK(decodeAsStored(fromPng.thumbnail).size() == QSize(300, 200));
    CHECK(refusal([&] { (void)codec.import(png, 0); }) ==
          "a thumbnail must be at least 1 pixel across");
}

TEST_CASE("thumbnail and redact turn the picture upright for every EXIF orientation") {
    app();
    QImageCodec codec;
    const Bytes plain = encode(quadrants(160, 96), "jpeg");
    REQUIRE(quadrantColours(decodeAsStored(plain)) == Upright[1]);
    const int orientation = GENERATE(range(1, 9));
    INFO("orientation " << orientation);
    const Bytes tagged = withMetadata(plain, orientation);
    const bool turned = orientation >= 5;
    const std::string expected(Upright[std::size_t(orientation)]);

    const Bytes thumb = codec.thumbnail(tagged, 80);
    requireNoMetadata(thumb);
    const QImage small = decodeAsStored(thumb);
    CHECK(small.size() == (turned ? QSize(48, 80) : QSize(80, 48)));
    CHECK(quadrantColours(small) == expected);

    const Bytes whole = codec.redact(tagged, {});
    requireNoMetadata(whole);
    const QImage full = decodeAsStored(whole);
    CHECK(full.size() == (turned ? QSize(96, 160) : QSize(160, 96)));
    CHECK(quadrantColours(full) == expected);

    // Rectangles are in upright coordinates: blacken the bottom-right quarter.
    const Bytes redacted = codec.redact(tagged, {{{5000, 5000, 5000, 5000}, RedactionKind::Solid}});
    requireNoMetadata(redacted);
    const QImage blackened = decodeAsStored(redacted);
    CHECK(quadrantColours(blackened) == expected.substr(0, 3) + "K");
}

TEST_CASE("thumbnail fits the long edge and keeps the aspect ratio") {
    app();
    QImageCodec codec;
    struct Case {
        QSize source;
        int maxEdge;
        QSize expected;
    };
    const std::array<Case, 7> cases{{
        {{400, 300}, 100, {100, 75}},
        {{300, 400}, 100, {75, 100}},
        {{1000, 333}, 250, {250, 83}},
        {{999, 3}, 10, {10, 1}},   // the short edge never rounds to nothing
        {{50, 40}, 100, {50, 40}}, // never enlarged
        {{100, 100}, 100, {100, 100}},
        {{2400, 1800}, 2048, {2048, 1536}},
    }};
    for (const Case &c : cases) {
        for (const char *format : {"jpeg", "png"}) {
            INFO(format << " " << c.source.width() << "x" << c.source.height() << " to "
                        << c.maxEdge);
            const Bytes thumb = codec.thumbnail(
                encode(quadrants(c.source.width(), c.source.height()), format), c.maxEdge);
            CHECK(sniffedFormat(thumb) == "jpeg");
            const QImage image = decodeAsStored(thumb);
            CHECK(image.size() == c.expected);
        }
    }
    const Bytes picture = encode(quadrants(40, 30), "png");
    CHECK_THAT(refusal([&] { (void)codec.thumbnail(picture, 0); }), ContainsSubstring("1 pixel"));
    CHECK_THAT(refusal([&] { (void)codec.thumbnail(picture, -5); }), ContainsSubstring("1 pixel"));
}

TEST_CASE("no metadata survives into thumbnails and redacted copies") {
    app();
    QImageCodec codec;
    // A JPEG with Exif (orientation and GPS), XMP, a comment and a colour profile.
    QImage profiled = quadrants(160, 96);
    profiled.setColorSpace(QColorSpace(QColorSpace::DisplayP3));
    const Bytes jpeg = withMetadata(encode(profiled, "jpeg"), 6);
    REQUIRE(contains(jpeg, "ICC_PROFILE"));
    REQUIRE(contains(jpeg, "Jane Roe"));
    // A PNG with text chunks and a colour profile.
    QImage texted = quadrants(160, 96);
    texted.setText(QStringLiteral("Comment"), QStringLiteral("Jane Roe, MRN 00417731"));
    texted.setColorSpace(QColorSpace(QColorSpace::AdobeRgb));
    const Bytes png = encode(texted, "png");
    REQUIRE(contains(png, "Jane Roe"));

    for (const Bytes *input : {&jpeg, &png}) {
        requireNoMetadata(codec.thumbnail(*input, 64));
        requireNoMetadata(codec.redact(*input, {}));
        requireNoMetadata(codec.redact(*input, {{{1000, 1000, 2000, 2000}, RedactionKind::Blur}}));
    }
}

TEST_CASE("colours are converted to sRGB when the image has another profile") {
    app();
    QImageCodec codec;
    QImage image(64, 64, QImage::Format_RGB32);
    image.fill(qRgb(40, 160, 90));
    image.setColorSpace(QColorSpace(QColorSpace::AdobeRgb));
    QImage expected = image;
    expected.convertToColorSpace(QColorSpace(QColorSpace::SRgb));
    const QRgb want = expected.pixel(0, 0);
    REQUIRE(want != qRgb(40, 160, 90));

    const QImage out = decodeAsStored(codec.redact(encode(image, "png"), {}));
    const QRgb got = out.pixel(32, 32);
    CHECK(std::abs(qRed(got) - qRed(want)) <= 4);
    CHECK(std::abs(qGreen(got) - qGreen(want)) <= 4);
    CHECK(std::abs(qBlue(got) - qBlue(want)) <= 4);
}

TEST_CASE("transparent pixels are flattened onto white, hiding the colour under them") {
    app();
    QImageCodec codec;
    QImage image(64, 64, QImage::Format_ARGB32);
    image.fill(qRgba(200, 0, 0, 0)); // red, but fully transparent
    for (int y = 0; y < 32; ++y)
        for (int x = 0; x < 64; ++x)
            image.setPixel(x, y, qRgba(0, 0, 200, 255));
    const Bytes png = encode(image, "png");
    REQUIRE(decodeAsStored(png).pixel(10, 50) == qRgb(200, 0, 0)); // the hidden colour is there

    for (const Bytes &out : {codec.redact(png, {}), codec.thumbnail(png, 64)}) {
        const QImage flat = decodeAsStored(out);
        const QRgb below = flat.pixel(10, 50);
        CHECK(qRed(below) > 245);
        CHECK(qGreen(below) > 245);
        CHECK(qBlue(below) > 245);
        CHECK(qBlue(flat.pixel(10, 10)) > 180);
    }
}

TEST_CASE("redaction rectangles cover every pixel they touch") {
    CHECK(QImageCodec::pixelRect({0, 0, 10000, 10000}, {301, 207}) == QRect(0, 0, 301, 207));
    CHECK(QImageCodec::pixelRect({5000, 5000, 5000, 5000}, {200, 100}) == QRect(100, 50, 100, 50));
    // 3333 * 301 / 10000 = 100.3 and 6667 * 301 / 10000 = 200.7: columns 100 to 200.
    CHECK(QImageCodec::pixelRect({3333, 0, 3334, 10000}, {301, 10}) == QRect(100, 0, 101, 10));
    // A sliver thinner than a pixel still covers the pixel it touches.
    CHECK(QImageCodec::pixelRect({1, 9998, 1, 1}, {50, 50}) == QRect(0, 49, 1, 1));
    CHECK(QImageCodec::pixelRect({9999, 0, 1, 10000}, {4000, 3000}) == QRect(3999, 0, 1, 3000));
    // Large images do not overflow.
    CHECK(QImageCodec::pixelRect({2500, 2500, 7500, 7500}, {65000, 65000}) ==
          QRect(16250, 16250, 48750, 48750));
    // Invalid rectangles or an empty image give nothing.
    CHECK(QImageCodec::pixelRect({0, 0, 0, 10}, {100, 100}).isNull());
    CHECK(QImageCodec::pixelRect({0, 0, 10, 10}, {0, 100}).isNull());
}

TEST_CASE("a solid redaction paints its region black and leaves the rest") {
    app();
    QImageCodec codec;
    QImage picture(200, 100, QImage::Format_RGB32);
    picture.fill(qRgb(210, 180, 160));
    const Bytes png = encode(picture, "png");
    // Columns 66..134 (3333 and 6667 of 200 round outward), rows 25..75.
    const Bytes out = codec.redact(png, {{{3333, 2500, 3334, 5000}, RedactionKind::Solid}});
    const QImage image = decodeAsStored(out);
    REQUIRE(image.size() == QSize(200, 100));
    int darkInside = 0;
    int insideCount = 0;
    for (int y = 25; y < 75; ++y) {
        for (int x = 66; x < 134; ++x) {
            ++insideCount;
            darkInside += luma(image.pixel(x, y)) < 30 ? 1 : 0;
        }
    }
    CHECK(darkInside == insideCount);
    // Away from the edge (JPEG blurs a few pixels across it) the picture is unchanged.
    for (const QPoint p : {QPoint(5, 5), QPoint(50, 50), QPoint(150, 50), QPoint(100, 10),
                           QPoint(100, 90), QPoint(195, 95)}) {
        INFO(p.x() << "," << p.y());
        CHECK(std::abs(luma(image.pixel(p)) - luma(qRgb(210, 180, 160))) < 6);
    }
}

TEST_CASE("a blur redaction leaves no detail in its region and leaves the rest") {
    app();
    QImageCodec codec;
    const QImage board = checkerboard(256, 8);
    const QRect region(64, 64, 128, 128);
    REQUIRE(lumaDeviation(board, region) > 120);
    const Bytes out =
        codec.redact(encode(board, "png"), {{{2500, 2500, 5000, 5000}, RedactionKind::Blur}});
    const QImage image = decodeAsStored(out);
    REQUIRE(image.size() == board.size());

    CHECK(lumaDeviation(image, region) < 8);

    // Outside the region every pixel is close to the original.
    double difference = 0;
    int count = 0;
    for (int y = 0; y < 256; ++y) {
        for (int x = 0; x < 256; ++x) {
            if (region.adjusted(-8, -8, 8, 8).contains(x, y))
                continue;
            difference += std::abs(luma(image.pixel(x, y)) - luma(board.pixel(x, y)));
            ++count;
        }
    }
    CHECK(difference / count < 6);

    // A region smaller than one block becomes one flat colour.
    const Bytes tiny =
        codec.redact(encode(board, "png"), {{{5000, 5000, 391, 391}, RedactionKind::Blur}});
    CHECK(lumaDeviation(decodeAsStored(tiny), QRect(129, 129, 6, 6)) < 10);
}

TEST_CASE("a blur redaction hides a high-contrast pattern in a photo-sized image") {
    app();
    QImageCodec codec;
    // Fine text-like detail on a large region: the blocks must be far coarser than it.
    QImage picture(1200, 900, QImage::Format_RGB32);
    picture.fill(qRgb(230, 200, 180));
    QPainter painter(&picture);
    for (int y = 300; y < 700; y += 6)
        painter.fillRect(400, y, 500, 3, Qt::black);
    painter.end();
    const QRect region = QImageCodec::pixelRect({3000, 3000, 5000, 5000}, picture.size());
    REQUIRE(lumaDeviation(picture, region.adjusted(50, 50, -50, -50)) > 80);
    const QImage image = decodeAsStored(
        codec.redact(encode(picture, "jpeg"), {{{3000, 3000, 5000, 5000}, RedactionKind::Blur}}));
    // Only a gentle gradient between block colours is left.
    CHECK(lumaDeviation(image, region.adjusted(50, 50, -50, -50)) < 25);
    for (int y = region.top() + 20; y < region.bottom() - 20; y += 7) {
        const double a = luma(image.pixel(region.center().x(), y));
        const double b = luma(image.pixel(region.center().x(), y + 3));
        CHECK(std::abs(a - b) < 12); // neighbouring lines no longer differ
    }
}

TEST_CASE("invalid redaction rectangles are refused") {
    app();
    QImageCodec codec;
    const Bytes png = encode(quadrants(40, 30), "png");
    const std::array<NormRect, 7> invalid{{
        {0, 0, 0, 100},
        {0, 0, 100, 0},
        {-1, 0, 100, 100},
        {0, -5, 100, 100},
        {9000, 0, 1001, 100},
        {0, 9999, 100, 2},
        {0, 0, -100, 100},
    }};
    for (const NormRect &rect : invalid) {
        INFO(rect.x << " " << rect.y << " " << rect.w << " " << rect.h);
        for (const RedactionKind kind : {RedactionKind::Solid, RedactionKind::Blur}) {
            const std::vector<Redaction> redactions{{{0, 0, 5000, 5000}, kind}, {rect, kind}};
            CHECK_THAT(refusal([&] { (void)codec.redact(png, redactions); }),
                       ContainsSubstring("redaction rectangle"));
        }
    }
}

// --- Exports, judged by exiv2 ---

namespace {

void writeFile(const QString &path, ByteView bytes) {
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(file.write(reinterpret_cast<const char *>(bytes.data()), qint64(bytes.size())) ==
            qint64(bytes.size()));
}

Bytes readFile(const QString &path) {
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return toBytes(file.readAll());
}

// The bytes with exiv2's modify commands applied, through a file in dir.
Bytes tagged(const QTemporaryDir &dir, const QString &name, ByteView bytes,
             const QStringList &commands) {
    const QString path = dir.filePath(name);
    writeFile(path, bytes);
    cc::test::exiv2Modify(path, commands);
    return readFile(path);
}

// What exiv2 lists in the bytes, printed to the log under a title.
QString tagsOf(const QTemporaryDir &dir, const QString &name, ByteView bytes, const char *title) {
    const QString path = dir.filePath(name);
    writeFile(path, bytes);
    const QString tags = cc::test::exiv2Tags(path);
    std::printf("exiv2 -pa, %s (%s):\n%s\n", title, qPrintable(name),
                tags.isEmpty() ? "(no tags)" : qPrintable(tags));
    return tags;
}

constexpr QRgb Green = qRgb(40, 190, 60);
constexpr QRgb Yellow = qRgb(230, 210, 40);

// Four colours, one per quadrant: red top-left, blue top-right, green bottom-left,
// yellow bottom-right. Every turn and mirror of it looks different.
QImage fourColours(int width, int height) {
    QImage image(width, height, QImage::Format_RGB32);
    QPainter painter(&image);
    painter.fillRect(0, 0, width / 2, height / 2, QColor(Red));
    painter.fillRect(width / 2, 0, width - width / 2, height / 2, QColor(Blue));
    painter.fillRect(0, height / 2, width / 2, height - height / 2, QColor(Green));
    painter.fillRect(width / 2, height / 2, width - width / 2, height - height / 2, QColor(Yellow));
    return image;
}

// The nearest of the four colours.
QRgb nearestOfFour(QRgb c) {
    QRgb best = Red;
    int bestDistance = 1 << 30;
    for (const QRgb candidate : {Red, Blue, Green, Yellow}) {
        const int dr = qRed(c) - qRed(candidate);
        const int dg = qGreen(c) - qGreen(candidate);
        const int db = qBlue(c) - qBlue(candidate);
        const int distance = dr * dr + dg * dg + db * db;
        if (distance < bestDistance) {
            bestDistance = distance;
            best = candidate;
        }
    }
    return best;
}

// The stored pixel a viewer applying EXIF orientation o shows at (x, y) of the upright
// picture, for a stored picture of width w and height h (TIFF 6.0 / EXIF 2.3, tag 0x0112:
// 2 mirrors left-right, 3 turns 180 degrees, 4 mirrors top-bottom, 5 transposes, 6 turns
// 90 degrees clockwise, 7 transverses, 8 turns 90 degrees anticlockwise).
QPoint storedPixelShownAt(int o, int x, int y, int w, int h) {
    switch (o) {
    case 2:
        return {w - 1 - x, y};
    case 3:
        return {w - 1 - x, h - 1 - y};
    case 4:
        return {x, h - 1 - y};
    case 5:
        return {y, x};
    case 6:
        return {y, h - 1 - x};
    case 7:
        return {w - 1 - y, h - 1 - x};
    case 8:
        return {w - 1 - y, x};
    default:
        return {x, y};
    }
}

} // namespace

TEST_CASE("an export carries no EXIF, GPS, IPTC or XMP tag, as exiv2 reads it") {
    app();
    QImageCodec codec;
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    QImage profiled = fourColours(640, 480);
    profiled.setColorSpace(QColorSpace(QColorSpace::DisplayP3));
    QStringList commands = cc::test::IdentifyingTags;
    commands << QStringLiteral("set Exif.Image.Orientation 6");
    const Bytes jpeg = tagged(dir, QStringLiteral("input.jpg"), encode(profiled, "jpeg"), commands);
    const Bytes png = tagged(dir, QStringLiteral("input.png"), encode(fourColours(640, 480), "png"),
                             {QStringLiteral("set Xmp.dc.title Jane Roe"),
                              QStringLiteral("set Exif.Image.Artist Jane Roe"),
                              QStringLiteral("set Exif.GPSInfo.GPSLatitude 4/1 15/1 33/1")});

    // The inputs really carry the tags.
    const QString jpegTags = tagsOf(dir, QStringLiteral("input.jpg"), jpeg, "input");
    for (const char *tag :
         {"Exif.Image.Orientation", "Exif.GPSInfo.GPSLatitude", "Exif.GPSInfo.GPSLongitude",
          "Exif.Image.Artist", "Exif.Photo.UserComment", "Iptc.Application2.Caption",
          "Xmp.dc.title", "Xmp.dc.description"})
        CHECK(jpegTags.contains(QLatin1StringView(tag)));
    CHECK(jpegTags.contains(QStringLiteral("4deg 15' 33\"")));
    std::printf("exiv2 -pS, input:\n%s\n",
                qPrintable(cc::test::exiv2Structure(dir.filePath(QStringLiteral("input.jpg")))));
    const QString pngTags = tagsOf(dir, QStringLiteral("input.png"), png, "input");
    for (const char *tag : {"Xmp.dc.title", "Exif.Image.Artist", "Exif.GPSInfo.GPSLatitude"})
        CHECK(pngTags.contains(QLatin1StringView(tag)));
    REQUIRE(contains(jpeg, "ICC_PROFILE"));

    const std::vector<Redaction> none;
    const std::vector<Redaction> some{{{1000, 1000, 2000, 2000}, RedactionKind::Solid},
                                      {{6000, 6000, 2000, 2000}, RedactionKind::Blur}};
    int outputs = 0;
    for (const Bytes *input : {&jpeg, &png}) {
        for (const auto *redactions : {&none, &some}) {
            const Bytes out = codec.exportJpeg(*input, *redactions);
            const QString name = QStringLiteral("output-%1.jpg").arg(++outputs);
            INFO(name.toStdString());
            CHECK(tagsOf(dir, name, out, "output").isEmpty());
            cc::test::requireNoMetadataMarkers(toQByteArray(out));
            requireNoMetadata(out);
            if (outputs == 1)
                std::printf("exiv2 -pS, output:\n%s\n",
                            qPrintable(cc::test::exiv2Structure(dir.filePath(name))));
        }
    }
}

TEST_CASE("an export shows every EXIF orientation the way a viewer applying it would") {
    app();
    QImageCodec codec;
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    constexpr int W = 160;
    constexpr int H = 96;
    const QImage stored = fourColours(W, H);
    const Bytes plain = encode(stored, "jpeg");
    const int orientation = GENERATE(range(1, 9));
    INFO("orientation " << orientation);
    const Bytes input = tagged(dir, QStringLiteral("oriented.jpg"), plain,
                               {QStringLiteral("set Exif.Image.Orientation %1").arg(orientation),
                                QStringLiteral("set Exif.GPSInfo.GPSLatitude 4/1 15/1 33/1")});
    const QString value = cc::test::exiv2({QStringLiteral("-Pv"), QStringLiteral("-g"),
                                           QStringLiteral("Exif.Image.Orientation"),
                                           dir.filePath(QStringLiteral("oriented.jpg"))});
    REQUIRE(value.trimmed() == QString::number(orientation));
    // The tag is all that differs: decoded as stored, the pixels are the same.
    REQUIRE(quadrantColours(decodeAsStored(input)) == quadrantColours(decodeAsStored(plain)));

    const Bytes out = codec.exportJpeg(input, {});
    CHECK(tagsOf(dir, QStringLiteral("oriented-out.jpg"), out, "output").isEmpty());
    const QImage shown = decodeAsStored(out);
    const bool turned = orientation >= 5;
    REQUIRE(shown.size() == (turned ? QSize(H, W) : QSize(W, H)));
    // Sixteen points, each well inside one quadrant of the upright picture.
    for (int j = 0; j < 4; ++j) {
        for (int i = 0; i < 4; ++i) {
            const int x = (2 * i + 1) * shown.width() / 8;
            const int y = (2 * j + 1) * shown.height() / 8;
            const QPoint source = storedPixelShownAt(orientation, x, y, W, H);
            INFO("upright (" << x << ", " << y << ") shows stored (" << source.x() << ", "
                             << source.y() << ")");
            CHECK(nearestOfFour(shown.pixel(x, y)) == stored.pixel(source));
        }
    }
}

TEST_CASE("an export fits the long edge within 2048 pixels and never enlarges") {
    app();
    QImageCodec codec;
    STATIC_REQUIRE(QImageCodec::ExportEdge == 2048);
    struct Case {
        QSize source;
        QSize expected;
    };
    const std::array<Case, 6> cases{{
        {{4000, 3000}, {2048, 1536}},
        {{3000, 4000}, {1536, 2048}},
        {{4096, 1024}, {2048, 512}},
        {{2048, 1000}, {2048, 1000}},
        {{1200, 900}, {1200, 900}}, // never enlarged
        {{64, 48}, {64, 48}},
    }};
    for (const Case &c : cases) {
        for (const char *format : {"jpeg", "png"}) {
            INFO(format << " " << c.source.width() << "x" << c.source.height());
            const Bytes input = encode(fourColours(c.source.width(), c.source.height()), format);
            const QImage out = decodeAsStored(codec.exportJpeg(input, {}));
            CHECK(out.size() == c.expected);
            CHECK(nearestOfFour(out.pixel(out.width() / 4, out.height() / 4)) == Red);
            CHECK(nearestOfFour(out.pixel(3 * out.width() / 4, 3 * out.height() / 4)) == Yellow);
        }
    }

    // Redactions are burned in at full size, then scaled with the rest: the bottom-right
    // quarter of a large picture comes out black.
    const Bytes large = encode(fourColours(4000, 3000), "jpeg");
    const QImage redacted =
        decodeAsStored(codec.exportJpeg(large, {{{5000, 5000, 5000, 5000}, RedactionKind::Solid}}));
    REQUIRE(redacted.size() == QSize(2048, 1536));
    CHECK(quadrantColours(redacted).back() == 'K');
    CHECK(luma(redacted.pixel(1030, 774)) < 30); // just inside the corner of the region
    CHECK(nearestOfFour(redacted.pixel(512, 384)) == Red);

    // Bytes the codec refuses are refused for export too.
    CHECK(refusal([&] { (void)codec.exportJpeg(encode(fourColours(32, 32), "bmp"), {}); }) ==
          "not a JPEG or PNG image");
    CHECK_THAT(refusal([&] {
                   (void)codec.exportJpeg(large, {{{0, 0, 0, 10}, RedactionKind::Solid}});
               }),
               ContainsSubstring("redaction rectangle"));
}
