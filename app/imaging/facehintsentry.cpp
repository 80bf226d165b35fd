// The face hints module's entry points (facehintsabi.h). Built into
// libconsentcam_facehints.so with cc_facehints and OpenCV; everything but these two
// functions stays hidden inside the module.

#include "imaging/facehints.h"
#include "imaging/facehintsabi.h"
#include "services/imagecodec.h"

#include <algorithm>
#include <cstring>
#include <exception>
#include <string_view>

namespace {

void writeMessage(std::string_view text, char *message, std::size_t capacity) {
    if (!message || capacity == 0)
        return;
    const std::size_t length = std::min(text.size(), capacity - 1);
    std::memcpy(message, text.data(), length);
    message[length] = '\0';
}

} // namespace

extern "C" __attribute__((visibility("default"))) int cc_facehints_abi_version() {
    return CC_FACEHINTS_ABI_VERSION;
}

extern "C" __attribute__((visibility("default"))) int
cc_facehints_find(const unsigned char *bytes, std::size_t size, CcFaceRectSink sink, void *context,
                  char *message, std::size_t capacity) {
    try {
        const auto faces = cc::imaging::findFacesForEditor(cc::crypto::ByteView(bytes, size));
        for (const cc::domain::NormRect &face : faces) {
            const CcFaceRect rect{face.x, face.y, face.w, face.h};
            sink(context, &rect);
        }
        return CcFaceHintsFound;
    } catch (const cc::services::ImageError &e) {
        writeMessage(e.what(), message, capacity);
        return CcFaceHintsImageRefused;
    } catch (const std::exception &e) {
        writeMessage(e.what(), message, capacity);
        return CcFaceHintsFailed;
    } catch (...) {
        writeMessage("face detection failed", message, capacity);
        return CcFaceHintsFailed;
    }
}
