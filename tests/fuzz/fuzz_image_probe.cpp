// Probing and thumbnailing arbitrary bytes: any input must be refused with an ImageError
// or decoded cleanly, and whatever probe accepts must also make a thumbnail.

#include "imaging/qimagecodec.h"

#include <QCoreApplication>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    static int argc = 1;
    static char name[] = "fuzz_image_probe";
    static char *argv[] = {name, nullptr};
    static const QCoreApplication app(argc, argv); // image format plugins need it
    cc::imaging::QImageCodec codec;
    try {
        (void)codec.probe({data, size});
    } catch (const cc::services::ImageError &) {
        return 0;
    }
    (void)codec.thumbnail({data, size}, 64); // throws (and so fails) only on a codec bug
    return 0;
}
