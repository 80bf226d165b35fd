#include "imaging/qimagecodec.h"

#include <QBuffer>
#include <QByteArray>
#include <QColorSpace>
#include <QImage>
#include <QImageIOHandler>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>
#include <QPixelFormat>

#include <algorithm>
#include <cstring>
#include <string>

namespace cc::imaging {

using services::ImageError;
using services::ImageInfo;

namespace {

constexpr qint64 MiB = 1024 * 1024;
constexpr std::uint8_t PngSignature[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

[[noreturn]] void throwNotAllowed() {
    throw ImageError("not a JPEG or PNG image");
}

[[noreturn]] void throwDamaged() {
    throw ImageError("the image is damaged");
}

[[noreturn]] void throwTooLarge(QSize size, const std::string &limit) {
    throw ImageError("the image is too large (" + std::to_string(size.width()) + " x " +
                     std::to_string(size.height()) + " pixels; " + limit + ")");
}

std::uint32_t bigEndian16(const std::uint8_t *p) {
    return std::uint32_t(p[0]) << 8 | p[1];
}

std::uint32_t bigEndian32(const std::uint8_t *p) {
    return std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 | p[3];
}

// Index of the first 0xFF at or after pos, or b.size().
std::size_t nextFF(crypto::ByteView b, std::size_t pos) {
    if (pos >= b.size())
        return b.size();
    const void *hit = std::memchr(b.data() + pos, 0xFF, b.size() - pos);
    return hit ? std::size_t(static_cast<const std::uint8_t *>(hit) - b.data()) : b.size();
}

// True when b is a whole JPEG stream: SOI, segments whose lengths fit, at least one scan,
// and an EOI after the last scan (bytes after the EOI are allowed). Stray bytes between
// segments are skipped as the decoder skips them.
bool isCompleteJpeg(crypto::ByteView b) {
    const std::size_t n = b.size();
    if (n < 4 || b[0] != 0xFF || b[1] != 0xD8)
        return false;
    std::size_t pos = 2;
    bool sawScan = false;
    while (true) {
        pos = nextFF(b, pos);
        while (pos < n && b[pos] == 0xFF) // fill bytes
            ++pos;
        if (pos >= n)
            return false;
        const std::uint8_t marker = b[pos++];
        if (marker == 0xD9) // EOI
            return sawScan;
        if (marker == 0x00 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7))
            continue; // no payload
        if (marker == 0xD8)
            return false; // a second SOI
        if (n - pos < 2)
            return false;
        const std::size_t length = bigEndian16(&b[pos]);
        if (length < 2 || length > n - pos)
            return false;
        pos += length;
        if (marker != 0xDA) // not SOS
            continue;
        sawScan = true;
        // Entropy-coded data runs to the next marker that is not a stuffed zero or a restart.
        while (true) {
            pos = nextFF(b, pos);
            if (n - pos < 2)
                return false;
            const std::uint8_t next = b[pos + 1];
            if (next == 0x00 || (next >= 0xD0 && next <= 0xD7))
                pos += 2;
            else if (next == 0xFF)
                pos += 1;
            else
                break;
        }
    }
}

// True when b is a whole PNG chunk sequence: the signature, IHDR first, chunks whose
// lengths fit, up to IEND (bytes after it are allowed). CRCs are the decoder's job.
bool isCompletePng(crypto::ByteView b) {
    const std::size_t n = b.size();
    if (n < sizeof PngSignature || std::memcmp(b.data(), PngSignature, sizeof PngSignature) != 0)
        return false;
    std::size_t pos = sizeof PngSignature;
    bool first = true;
    while (n - pos >= 12) {
        const std::size_t length = bigEndian32(&b[pos]);
        const std::uint8_t *type = &b[pos + 4];
        if (length > 0x7FFFFFFF || length > n - pos - 12)
            return false;
        if (first && std::memcmp(type, "IHDR", 4) != 0)
            return false;
        first = false;
        if (std::memcmp(type, "IEND", 4) == 0)
            return true;
        pos += 12 + length;
    }
    return false;
}

// One QImageReader over the caller's bytes (not copied; they must outlive it). The
// constructor does every check that needs no decoding: format allow-list, structure,
// declared size against MaxPixels and the decoded buffer against the allocation limit.
// Throws ImageError.
class CheckedReader {
public:
    explicit CheckedReader(crypto::ByteView bytes)
        : m_data(QByteArray::fromRawData(reinterpret_cast<const char *>(bytes.data()),
                                         qsizetype(bytes.size()))) {
        m_buffer.setBuffer(&m_data);
        m_buffer.open(QIODevice::ReadOnly);
        // The format comes from the bytes' own signature (never from a name), and only the
        // decoder of that format ever reads them: no other image plugin or built-in handler
        // is asked whether it recognizes them.
        if (bytes.size() >= 2 && bytes[0] == 0xFF && bytes[1] == 0xD8) {
            m_format = QStringLiteral("jpeg");
            if (!isCompleteJpeg(bytes))
                throwDamaged();
        } else if (bytes.size() >= sizeof PngSignature &&
                   std::memcmp(bytes.data(), PngSignature, sizeof PngSignature) == 0) {
            m_format = QStringLiteral("png");
            if (!isCompletePng(bytes))
                throwDamaged();
        } else {
            throwNotAllowed();
        }
        // The limit is process-wide: set it for every read so no other setting applies here.
        QImageReader::setAllocationLimit(QImageCodec::AllocationLimitMiB);
        m_reader.setAutoDetectImageFormat(false);
        m_reader.setFormat(m_format.toLatin1());
        m_reader.setDevice(&m_buffer);
        m_reader.setAutoTransform(true);

        m_storedSize = m_reader.size();
        if (!m_storedSize.isValid() || m_storedSize.isEmpty())
            throwDamaged();
        const qint64 pixels = qint64(m_storedSize.width()) * m_storedSize.height();
        if (pixels > QImageCodec::MaxPixels)
            throwTooLarge(m_storedSize, "the limit is " +
                                            std::to_string(QImageCodec::MaxPixels / 1'000'000) +
                                            " megapixels");
        // Whatever the decoder's format, the pixels end up as 32-bit RGB.
        const QImage::Format decoded = m_reader.imageFormat();
        const int bits = decoded == QImage::Format_Invalid
                             ? 32
                             : std::max(32, int(QImage::toPixelFormat(decoded).bitsPerPixel()));
        if (pixels * bits / 8 > qint64(QImageCodec::AllocationLimitMiB) * MiB)
            throwTooLarge(m_storedSize, "decoding needs more than " +
                                            std::to_string(QImageCodec::AllocationLimitMiB) +
                                            " MiB");

        m_quarterTurn = m_reader.transformation().testFlag(QImageIOHandler::TransformationRotate90);
        m_orientedSize = m_quarterTurn ? m_storedSize.transposed() : m_storedSize;
    }
    CheckedReader(const CheckedReader &) = delete;
    CheckedReader &operator=(const CheckedReader &) = delete;

    [[nodiscard]] QSize orientedSize() const { return m_orientedSize; }
    [[nodiscard]] QString format() const { return m_format; }

    // Decodes once, orientation applied, scaled to size (in oriented pixels) when it is
    // valid and differs from the full size; a JPEG is then decoded at reduced scale.
    [[nodiscard]] QImage read(QSize size) {
        if (size.isValid() && size != m_orientedSize)
            m_reader.setScaledSize(m_quarterTurn ? size.transposed() : size); // before turning
        QImage image;
        if (!m_reader.read(&image) || image.isNull())
            throwDamaged();
        return image;
    }

private:
    QByteArray m_data;
    QBuffer m_buffer;
    QImageReader m_reader;
    QString m_format;
    QSize m_storedSize;
    QSize m_orientedSize;
    bool m_quarterTurn = false;
};

// The long edge brought down to maxEdge with the aspect ratio kept (the short edge
// rounded, at least 1); unchanged when it already fits.
QSize fitWithin(QSize size, int maxEdge) {
    const int longEdge = std::max(size.width(), size.height());
    if (longEdge <= maxEdge)
        return size;
    const auto scaled = [&](int edge) {
        return std::max(1, int((qint64(edge) * maxEdge * 2 + longEdge) / (2 * qint64(longEdge))));
    };
    return size.width() >= size.height() ? QSize(maxEdge, scaled(size.height()))
                                         : QSize(scaled(size.width()), maxEdge);
}

// Opaque sRGB pixels in Format_RGB32. Transparency is flattened onto white, so colour
// hidden under transparent pixels does not survive.
QImage toOpaqueSrgb(QImage image) {
    const QColorSpace srgb(QColorSpace::SRgb);
    if (image.colorSpace().isValid() && image.colorSpace() != srgb)
        image.convertToColorSpace(srgb);
    if (image.format() == QImage::Format_RGB32)
        return image;
    if (!image.hasAlphaChannel())
        return image.convertToFormat(QImage::Format_RGB32);
    QImage flat(image.size(), QImage::Format_RGB32);
    if (flat.isNull())
        throwTooLarge(image.size(), "not enough memory to open it");
    flat.fill(Qt::white);
    QPainter painter(&flat);
    painter.drawImage(0, 0, image);
    painter.end();
    return flat;
}

// A fresh JPEG of the pixels alone. The writer sees a bare view of them, without the
// text, colour space or resolution the decoder attached, so the file carries no metadata.
crypto::Bytes encodeJpeg(const QImage &image) {
    const QImage bare(image.constBits(), image.width(), image.height(), image.bytesPerLine(),
                      image.format());
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(QImageCodec::JpegQuality);
    writer.setOptimizedWrite(true);
    if (!writer.write(bare))
        throw ImageError("the image could not be encoded as JPEG");
    return crypto::Bytes(out.cbegin(), out.cend());
}

void paintBlack(QImage &image, const QRect &r) {
    for (int y = r.top(); y <= r.bottom(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        std::fill(line + r.left(), line + r.left() + r.width(), qRgb(0, 0, 0));
    }
}

// Box blur of count pixels spaced stride apart (edges repeated), in place.
void boxBlurLine(QRgb *first, int count, qsizetype stride, int radius, std::vector<QRgb> &copy) {
    copy.resize(std::size_t(count));
    for (int i = 0; i < count; ++i)
        copy[std::size_t(i)] = first[i * stride];
    const auto at = [&](int i) {
        return copy[std::size_t(std::clamp(i, 0, count - 1))];
    };
    const int window = 2 * radius + 1;
    int r = 0;
    int g = 0;
    int b = 0;
    for (int k = -radius; k <= radius; ++k) {
        r += qRed(at(k));
        g += qGreen(at(k));
        b += qBlue(at(k));
    }
    for (int i = 0; i < count; ++i) {
        first[i * stride] =
            qRgb((r + window / 2) / window, (g + window / 2) / window, (b + window / 2) / window);
        const QRgb out = at(i - radius);
        const QRgb in = at(i + radius + 1);
        r += qRed(in) - qRed(out);
        g += qGreen(in) - qGreen(out);
        b += qBlue(in) - qBlue(out);
    }
}

// Replaces the region with coarse blocks: each block's mean colour, mixed with its
// neighbours' (so no single block survives as it was), then smoothed across block edges.
// Only the few block means reach the output; the detail inside them is gone.
void obscure(QImage &image, const QRect &r) {
    const int shorter = std::min(r.width(), r.height());
    const int block =
        std::max(QImageCodec::BlurMinBlock,
                 (shorter + QImageCodec::BlurBlocksAcross - 1) / QImageCodec::BlurBlocksAcross);
    const int cols = (r.width() + block - 1) / block;
    const int rows = (r.height() + block - 1) / block;
    const auto cell = [&](int col, int row) {
        return QRect(r.left() + col * block, r.top() + row * block, block, block).intersected(r);
    };

    std::vector<QRgb> means(std::size_t(cols) * std::size_t(rows));
    for (int row = 0; row < rows; ++row) {
        for (int col = 0; col < cols; ++col) {
            const QRect c = cell(col, row);
            qint64 red = 0;
            qint64 green = 0;
            qint64 blue = 0;
            for (int y = c.top(); y <= c.bottom(); ++y) {
                const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
                for (int x = c.left(); x <= c.right(); ++x) {
                    red += qRed(line[x]);
                    green += qGreen(line[x]);
                    blue += qBlue(line[x]);
                }
            }
            const qint64 count = qint64(c.width()) * c.height();
            means[std::size_t(row * cols + col)] =
                qRgb(int(red / count), int(green / count), int(blue / count));
        }
    }

    std::vector<QRgb> scratch;
    for (int row = 0; row < rows; ++row)
        boxBlurLine(&means[std::size_t(row * cols)], cols, 1, 1, scratch);
    for (int col = 0; col < cols; ++col)
        boxBlurLine(&means[std::size_t(col)], rows, cols, 1, scratch);

    for (int row = 0; row < rows; ++row) {
        for (int col = 0; col < cols; ++col) {
            const QRect c = cell(col, row);
            const QRgb colour = means[std::size_t(row * cols + col)];
            for (int y = c.top(); y <= c.bottom(); ++y) {
                auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
                std::fill(line + c.left(), line + c.left() + c.width(), colour);
            }
        }
    }

    const int radius = block / 2;
    const qsizetype stride = image.bytesPerLine() / qsizetype(sizeof(QRgb));
    for (int y = r.top(); y <= r.bottom(); ++y)
        boxBlurLine(reinterpret_cast<QRgb *>(image.scanLine(y)) + r.left(), r.width(), 1, radius,
                    scratch);
    auto *origin = reinterpret_cast<QRgb *>(image.scanLine(r.top()));
    for (int x = r.left(); x <= r.right(); ++x)
        boxBlurLine(origin + x, r.height(), stride, radius, scratch);
}

void checkRedactions(const std::vector<domain::Redaction> &redactions) {
    for (const domain::Redaction &redaction : redactions) {
        if (!redaction.rect.isValid())
            throw ImageError("a redaction rectangle is empty or lies outside the image");
        if (redaction.kind != domain::RedactionKind::Solid &&
            redaction.kind != domain::RedactionKind::Blur)
            throw ImageError("unknown kind of redaction");
    }
}

// What thumbnail, import, redact and exportJpeg share: decoded upright, the redactions
// (checked already) burned in, the long edge fitted within maxEdge (0: full size),
// encoded as a bare JPEG.
crypto::Bytes render(CheckedReader &reader, const std::vector<domain::Redaction> &redactions,
                     int maxEdge) {
    const QSize size =
        maxEdge > 0 ? fitWithin(reader.orientedSize(), maxEdge) : reader.orientedSize();
    // Without redactions a JPEG decodes straight at the smaller size. With them the whole
    // image is decoded and they are burned in before it is scaled, so no pixel they hide
    // is ever blended into the pixels around them.
    QImage image = toOpaqueSrgb(reader.read(redactions.empty() ? size : QSize()));
    for (const domain::Redaction &redaction : redactions) {
        const QRect area = QImageCodec::pixelRect(redaction.rect, image.size());
        if (redaction.kind == domain::RedactionKind::Solid)
            paintBlack(image, area);
        else
            obscure(image, area);
    }
    if (image.size() != size)
        image = image.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    return encodeJpeg(image);
}

crypto::Bytes render(crypto::ByteView bytes, const std::vector<domain::Redaction> &redactions,
                     int maxEdge) {
    checkRedactions(redactions);
    CheckedReader reader(bytes);
    return render(reader, redactions, maxEdge);
}

} // namespace

QRect QImageCodec::pixelRect(const domain::NormRect &rect, QSize imageSize) {
    if (!rect.isValid() || imageSize.isEmpty())
        return {};
    constexpr qint64 Scale = domain::NormRect::Scale;
    const auto down = [](int v, int extent) {
        return int(qint64(v) * extent / Scale);
    };
    const auto up = [](int v, int extent) {
        return int((qint64(v) * extent + Scale - 1) / Scale);
    };
    const int left = down(rect.x, imageSize.width());
    const int top = down(rect.y, imageSize.height());
    const int right = up(rect.x + rect.w, imageSize.width());
    const int bottom = up(rect.y + rect.h, imageSize.height());
    return {left, top, right - left, bottom - top};
}

QImage QImageCodec::decodeUpright(crypto::ByteView bytes, int maxEdge) {
    if (maxEdge < 1)
        throw ImageError("an image must be decoded at least 1 pixel across");
    CheckedReader reader(bytes);
    return toOpaqueSrgb(reader.read(fitWithin(reader.orientedSize(), maxEdge)));
}

ImageInfo QImageCodec::probe(crypto::ByteView bytes) {
    CheckedReader reader(bytes);
    const QSize size = reader.orientedSize();
    // Decoded once to find damage past the header; at 1/8 scale a JPEG decodes cheaply.
    (void)reader.read(QSize((size.width() + 7) / 8, (size.height() + 7) / 8));
    return {size.width(), size.height(), reader.format()};
}

crypto::Bytes QImageCodec::thumbnail(crypto::ByteView bytes, int maxEdge) {
    if (maxEdge < 1)
        throw ImageError("a thumbnail must be at least 1 pixel across");
    return render(bytes, {}, maxEdge);
}

services::ImportedImage QImageCodec::import(crypto::ByteView bytes, int maxEdge) {
    if (maxEdge < 1)
        throw ImageError("a thumbnail must be at least 1 pixel across");
    // The thumbnail's decode reads the whole image, so it finds the damage probe() looks for.
    CheckedReader reader(bytes);
    const QSize size = reader.orientedSize();
    services::ImportedImage imported{{size.width(), size.height(), reader.format()}, {}};
    imported.thumbnail = render(reader, {}, maxEdge);
    return imported;
}

crypto::Bytes QImageCodec::redact(crypto::ByteView bytes,
                                  const std::vector<domain::Redaction> &redactions) {
    return render(bytes, redactions, 0);
}

crypto::Bytes QImageCodec::exportJpeg(crypto::ByteView bytes,
                                      const std::vector<domain::Redaction> &redactions) {
    return render(bytes, redactions, ExportEdge);
}

} // namespace cc::imaging
