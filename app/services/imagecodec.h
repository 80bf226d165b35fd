#pragma once

// The seam between the consent core and image decoding. The core stores and hashes
// bytes; decoding, scaling and drawing need Qt GUI, which the core must not depend on.
// The production implementation is imaging/qimagecodec.h.

#include "crypto/bytes.h"
#include "domain/redaction.h"

#include <QString>

#include <stdexcept>
#include <vector>

namespace cc::services {

// An image the codec refuses: not an allowed format, damaged, or too large to decode
// safely. The message says which in plain words and never contains image bytes.
class ImageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct ImageInfo {
    int width = 0; // after the EXIF orientation is applied
    int height = 0;
    QString format; // "jpeg" or "png"
};

// What an import keeps of a photo besides its bytes.
struct ImportedImage {
    ImageInfo info;
    crypto::Bytes thumbnail; // as thumbnail() makes it
};

// Decodes outside bytes, so every call must be safe on any input: a format allow-list
// (JPEG, PNG), a cap on decoded size, no crash. Results never carry metadata (EXIF,
// GPS, XMP, ICC comments): every image it writes is freshly encoded.
class ImageCodec {
public:
    ImageCodec() = default;
    virtual ~ImageCodec() = default;
    ImageCodec(const ImageCodec &) = delete;
    ImageCodec &operator=(const ImageCodec &) = delete;

    // Checks that bytes are an allowed image that decodes within the limits. Throws
    // ImageError otherwise.
    [[nodiscard]] virtual ImageInfo probe(crypto::ByteView bytes) = 0;
    // A JPEG of the image with its orientation applied, scaled so that its long edge is
    // at most maxEdge pixels (never enlarged). Throws ImageError.
    [[nodiscard]] virtual crypto::Bytes thumbnail(crypto::ByteView bytes, int maxEdge) = 0;
    // probe() and thumbnail() together, with the same checks and results; a codec that
    // can do both from one decode overrides it. Throws ImageError.
    [[nodiscard]] virtual ImportedImage import(crypto::ByteView bytes, int maxEdge) {
        ImportedImage imported{probe(bytes), {}};
        imported.thumbnail = thumbnail(bytes, maxEdge);
        return imported;
    }
    // A JPEG of the whole image with its orientation applied and every redaction burned
    // in: Solid paints the rectangle opaque black, Blur replaces it with coarse blocks
    // whose detail can't be recovered. Rectangles are in the oriented image's
    // coordinates (redaction.h). Throws ImageError.
    [[nodiscard]] virtual crypto::Bytes
    redact(crypto::ByteView bytes, const std::vector<domain::Redaction> &redactions) = 0;

    // The long edge, in pixels, of what exportJpeg() writes at most.
    static constexpr int ExportEdge = 2048;
    // The image as it may leave the vault (DESIGN §4.3): orientation applied, every
    // redaction burned in as redact() does (none for a stored redacted copy, whose bytes
    // carry them already), scaled so that its long edge is at most ExportEdge (never
    // enlarged), and encoded as a fresh JPEG with no metadata at all: no EXIF (so no
    // orientation tag either), GPS, XMP, ICC profile, comment or text. Throws ImageError.
    [[nodiscard]] virtual crypto::Bytes
    exportJpeg(crypto::ByteView bytes, const std::vector<domain::Redaction> &redactions) = 0;
};

} // namespace cc::services
