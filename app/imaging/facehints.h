#pragma once

#include "crypto/bytes.h"
#include "domain/redaction.h"

#include <QString>

#include <memory>
#include <stdexcept>
#include <vector>

namespace cc::imaging {

// A cascade file that can't be used (missing, unreadable or not a cascade; the message
// names the file), or OpenCV failing during a search.
class FaceHintsError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The face cascades OpenCV ships (Debian's opencv-data).
enum class FaceCascade {
    FrontalDefault, // haarcascade_frontalface_default.xml
    FrontalAlt,     // haarcascade_frontalface_alt.xml
    FrontalAlt2,    // haarcascade_frontalface_alt2.xml
    FrontalLbp,     // lbpcascade_frontalface_improved.xml
    Profile,        // haarcascade_profileface.xml (faces seen from the side)
};

// Candidate face rectangles for the redaction editor: hints the clinician confirms or
// drops, never a promise that every face was found. The image is decoded with the codec's
// checks (QImageCodec::decodeUpright: JPEG or PNG only, the same size caps, EXIF
// orientation applied), scaled so its long edge is at most WorkingEdge, turned grey with
// its histogram equalized, and searched for faces at least MinFacePercent of its shorter
// side across. A cascade's box runs from the brows to below the lip, so each hit is grown
// by PadPercent of its size to the left, right and top and by ChinPadPercent downwards to
// take in the forehead, cheeks and chin; it is clamped to the image, and hits that overlap
// by more than half of the smaller one are merged into the box around both. Results are
// in the oriented image's ten-thousandths (redaction.h), always valid, sorted top to
// bottom then left to right.
//
// Upright faces only: a face lying on its side (a photo turned without an EXIF tag, a
// patient lying down) is missed by every cascade.
//
// The default is frontalface_alt2, from what tst_facehints.cpp measures and prints: on a
// portrait, its mirror image, a half-size and a 2048-pixel copy it finds the one face each
// time, with no false hit on seven photos without a face and six generated ones, and over
// the whole set it takes the least time of the Haar cascades (about a tenth less than alt,
// which finds the face as reliably). default adds a second, false box on two of the copies
// and three on the faceless photos; the improved LBP cascade takes about a third less time
// but misses the face at half size (its window is 45 pixels), and the older LBP cascade,
// faster still, adds false boxes; the profile cascade finds a face turned sideways that
// the frontal ones miss (the mirror image is searched too, so either way round), at about
// three times the cost.
//
// Not thread-safe (the classifier keeps scratch state): one FaceHints per thread. Needs a
// QCoreApplication (image plugins).
class FaceHints final {
public:
    static constexpr FaceCascade DefaultCascade = FaceCascade::FrontalAlt2;
    static constexpr int WorkingEdge = 1024;
    static constexpr int MinFacePercent = 5;
    static constexpr int PadPercent = 20;     // left, right and top
    static constexpr int ChinPadPercent = 35; // bottom

    // Loads the cascade from the directory found when the project was configured. Throws
    // FaceHintsError when the file is missing or can't be read as a cascade.
    explicit FaceHints(FaceCascade cascade = DefaultCascade);
    // Loads the cascade from cascadeFile, which searches the image as it is (no mirror
    // image, whatever the cascade). Throws FaceHintsError as above.
    explicit FaceHints(const QString &cascadeFile);
    ~FaceHints();
    FaceHints(const FaceHints &) = delete;
    FaceHints &operator=(const FaceHints &) = delete;

    // The faces found in bytes, as described above; empty when there are none. Throws
    // services::ImageError for bytes the codec refuses, FaceHintsError when detection
    // itself fails.
    [[nodiscard]] std::vector<domain::NormRect> find(crypto::ByteView bytes);

    // Where the given cascade's file is expected.
    [[nodiscard]] static QString cascadeFile(FaceCascade cascade);

private:
    struct Detector;
    std::unique_ptr<Detector> m_detector;
};

// What the redaction editor offers: the default cascade's faces, then the profile
// cascade's that a frontal box doesn't already cover by more than half, in that order.
// Throws as FaceHints does.
[[nodiscard]] std::vector<domain::NormRect> findFacesForEditor(crypto::ByteView bytes);

} // namespace cc::imaging
