#pragma once

#include "services/imagecodec.h"

namespace cc::imaging {

// ImageCodec with QImageReader / QImageWriter. Only JPEG and PNG are read (the format is
// sniffed from the bytes, never trusted from a name); images larger than MaxPixels or
// whose decoded buffer would exceed AllocationLimitMiB are refused before decoding.
// Needs a QCoreApplication (image plugins), not a QGuiApplication.
class QImageCodec final : public services::ImageCodec {
public:
    static constexpr int AllocationLimitMiB = 256;
    static constexpr qint64 MaxPixels = 60'000'000; // more than any phone camera
    static constexpr int JpegQuality = 90;

    services::ImageInfo probe(crypto::ByteView bytes) override;
    crypto::Bytes thumbnail(crypto::ByteView bytes, int maxEdge) override;
    crypto::Bytes redact(crypto::ByteView bytes,
                         const std::vector<domain::Redaction> &redactions) override;
};

} // namespace cc::imaging
