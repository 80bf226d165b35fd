#pragma once

// The C interface of the face hints module (libconsentcam_facehints.so), which holds
// findFacesForEditor() and the OpenCV libraries it needs. The app loads the module the
// first time a clinician asks for face hints (FaceHintsModule), so that OpenCV is not
// loaded, and its start-up work not done, when the app launches. Plain C types only: no
// C++ object or exception crosses the boundary.

#include <cstddef>

extern "C" {

// Bumped whenever anything below changes; the loader refuses a module of another version.
#define CC_FACEHINTS_ABI_VERSION 1

struct CcFaceRect {
    int x, y, w, h; // ten-thousandths of the oriented image, as domain::NormRect
};

enum CcFaceHintsStatus {
    CcFaceHintsFound = 0,        // every face found went to the sink (perhaps none)
    CcFaceHintsImageRefused = 1, // the codec refused the bytes (services::ImageError)
    CcFaceHintsFailed = 2,       // a cascade is missing or detection failed
};

typedef void (*CcFaceRectSink)(void *context, const CcFaceRect *rect);

// cc_facehints_abi_version(): CC_FACEHINTS_ABI_VERSION of the module's build.
typedef int (*CcFaceHintsAbiVersionFn)(void);

// cc_facehints_find(bytes, size, sink, context, message, capacity): runs
// findFacesForEditor() on the image bytes and passes each face to sink, in order. On
// failure, returns the status and writes a NUL-terminated reason, cut to fit, into
// message (capacity bytes, at least 1).
typedef int (*CcFaceHintsFindFn)(const unsigned char *bytes, std::size_t size, CcFaceRectSink sink,
                                 void *context, char *message, std::size_t capacity);

} // extern "C"
