// Image import of arbitrary bytes (a file picked on the phone): refused with an ImageError or
// accepted, and whatever is accepted also makes the library's thumbnail and decodes at full
// size within the codec's limits, as redaction, export and face hints decode it later.

#include "imaging/qimagecodec.h"
#include "services/libraryservice.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    static int argc = 1;
    static char name[] = "fuzz_image_probe";
    static char *argv[] = {name, nullptr};
    static const QCoreApplication app(argc, argv); // image format plugins need it
    using cc::imaging::QImageCodec;
    QImageCodec codec;
    const cc::crypto::ByteView bytes(data, size);
    cc::services::ImageInfo info;
    try {
        info = codec.probe(bytes); // what LibraryService::importPhoto checks first
    } catch (const cc::services::ImageError &) {
        return 0;
    }
    // Past probe, these throw (and so fail) only on a codec bug.
    (void)codec.thumbnail(bytes, cc::services::LibraryService::ThumbnailEdge);
    const QImage full = QImageCodec::decodeUpright(bytes, std::max(info.width, info.height));
    if (full.width() != info.width || full.height() != info.height)
        std::abort();
    return 0;
}
