#pragma once

#include "services/imagecodec.h"

#include <QImage>
#include <QRect>
#include <QSize>

namespace cc::imaging {

// ImageCodec with QImageReader / QImageWriter. Only JPEG and PNG are read (the format is
// sniffed from the bytes, never trusted from a name, and no other decoder is shown them;
// HEIC, WebP, GIF and the rest are refused); images larger than MaxPixels or
// whose decoded buffer would exceed AllocationLimitMiB are refused before decoding.
// probe() decodes too (a JPEG at 1/8 scale), so bytes it accepts also thumbnail, redact
// and export; import() decodes once, at the thumbnail's size, for both. A JPEG cut short
// is refused as damaged although the decoder alone would pad it with grey. Outputs are
// opaque sRGB JPEGs at JpegQuality (transparency is flattened onto white). A Blur
// redaction averages the region into blocks of at least BlurMinBlock pixels, at most
// BlurBlocksAcross of them across its shorter side, mixes each block with its neighbours
// and smooths the edges between them.
// Needs a QCoreApplication (image plugins), not a QGuiApplication.
class QImageCodec final : public services::ImageCodec {
public:
    static constexpr int AllocationLimitMiB = 256;
    static constexpr qint64 MaxPixels = 60'000'000; // more than any phone camera
    static constexpr int JpegQuality = 90;
    static constexpr int BlurMinBlock = 16;
    static constexpr int BlurBlocksAcross = 6;

    services::ImageInfo probe(crypto::ByteView bytes) override;
    crypto::Bytes thumbnail(crypto::ByteView bytes, int maxEdge) override;
    services::ImportedImage import(crypto::ByteView bytes, int maxEdge) override;
    crypto::Bytes redact(crypto::ByteView bytes,
                         const std::vector<domain::Redaction> &redactions) override;
    crypto::Bytes exportJpeg(crypto::ByteView bytes,
                             const std::vector<domain::Redaction> &redactions) override;

    // The pixels of an imageSize image that rect covers, rounded outward so that every
    // pixel the rectangle touches is included (never empty for a valid rect). A null
    // QRect for an invalid rect or an empty imageSize.
    [[nodiscard]] static QRect pixelRect(const domain::NormRect &rect, QSize imageSize);

    // The pixels themselves, for analysis: decoded with the same checks as every call
    // above, orientation applied, the long edge fitted within maxEdge (never enlarged; a
    // JPEG is decoded at reduced scale), opaque sRGB in Format_RGB32. Throws ImageError.
    [[nodiscard]] static QImage decodeUpright(crypto::ByteView bytes, int maxEdge);
};

} // namespace cc::imaging
