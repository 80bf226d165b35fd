#include "imaging/facehints.h"

#include "imaging/qimagecodec.h"

#include <QFile>
#include <QFileInfo>
#include <QImage>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

#include <algorithm>
#include <string>
#include <tuple>

namespace cc::imaging {

using domain::NormRect;

namespace {

[[noreturn]] void throwCascade(const QString &file, const char *problem) {
    throw FaceHintsError("the face cascade " + file.toStdString() + " " + problem);
}

// The pixel box [x0, x1) x [y0, y1) of a width x height image as ten-thousandths,
// rounded outward and clamped to the image (valid whenever the box overlaps the image).
NormRect toNorm(int x0, int y0, int x1, int y1, int width, int height) {
    constexpr qint64 Scale = NormRect::Scale;
    const auto down = [](int v, int extent) {
        return int(qint64(std::clamp(v, 0, extent)) * Scale / extent);
    };
    const auto up = [](int v, int extent) {
        return int((qint64(std::clamp(v, 0, extent)) * Scale + extent - 1) / extent);
    };
    const int left = down(x0, width);
    const int top = down(y0, height);
    return {left, top, up(x1, width) - left, up(y1, height) - top};
}

qint64 area(const NormRect &r) {
    return qint64(r.w) * r.h;
}

// The area two rectangles share (0 when they don't overlap).
qint64 overlap(const NormRect &a, const NormRect &b) {
    const int x = std::max(0, std::min(a.x + a.w, b.x + b.w) - std::max(a.x, b.x));
    const int y = std::max(0, std::min(a.y + a.h, b.y + b.h) - std::max(a.y, b.y));
    return qint64(x) * y;
}

// Merges rectangles that overlap by more than half of the smaller one into the box
// around both, until no two do; sorted top to bottom, then left to right.
std::vector<NormRect> mergeOverlapping(std::vector<NormRect> rects) {
    bool merged = true;
    while (merged) {
        merged = false;
        for (std::size_t i = 0; i < rects.size() && !merged; ++i) {
            for (std::size_t j = i + 1; j < rects.size() && !merged; ++j) {
                const NormRect &a = rects[i];
                const NormRect &b = rects[j];
                if (2 * overlap(a, b) <= std::min(area(a), area(b)))
                    continue;
                const int x = std::min(a.x, b.x);
                const int y = std::min(a.y, b.y);
                rects[i] = {x, y, std::max(a.x + a.w, b.x + b.w) - x,
                            std::max(a.y + a.h, b.y + b.h) - y};
                rects.erase(rects.begin() + std::ptrdiff_t(j));
                merged = true;
            }
        }
    }
    std::sort(rects.begin(), rects.end(), [](const NormRect &a, const NormRect &b) {
        return std::tie(a.y, a.x, a.h, a.w) < std::tie(b.y, b.x, b.h, b.w);
    });
    return rects;
}

} // namespace

struct FaceHints::Detector {
    cv::CascadeClassifier classifier;
    bool mirrored = false; // also search the mirror image (a profile cascade sees one side)
};

FaceHints::FaceHints(FaceCascade cascade)
    : FaceHints(cascadeFile(cascade)) {
    m_detector->mirrored = cascade == FaceCascade::Profile;
}

FaceHints::FaceHints(const QString &file)
    : m_detector(std::make_unique<Detector>()) {
    const QFileInfo info(file);
    if (!info.isFile())
        throwCascade(file, "is missing or not a file");
    bool loaded = false;
    try {
        loaded = m_detector->classifier.load(QFile::encodeName(file).toStdString());
    } catch (const cv::Exception &) {
        loaded = false;
    }
    if (!loaded || m_detector->classifier.empty())
        throwCascade(file, "can't be read as a cascade");
}

FaceHints::~FaceHints() = default;

QString FaceHints::cascadeFile(FaceCascade cascade) {
    const QString dir = QStringLiteral(CONSENTCAM_OPENCV_DATA_DIR);
    switch (cascade) {
    case FaceCascade::FrontalDefault:
        return dir + QLatin1String("/haarcascades/haarcascade_frontalface_default.xml");
    case FaceCascade::FrontalAlt:
        return dir + QLatin1String("/haarcascades/haarcascade_frontalface_alt.xml");
    case FaceCascade::FrontalAlt2:
        return dir + QLatin1String("/haarcascades/haarcascade_frontalface_alt2.xml");
    case FaceCascade::FrontalLbp:
        return dir + QLatin1String("/lbpcascades/lbpcascade_frontalface_improved.xml");
    case FaceCascade::Profile:
        return dir + QLatin1String("/haarcascades/haarcascade_profileface.xml");
    }
    return {};
}

std::vector<NormRect> FaceHints::find(crypto::ByteView bytes) {
    const QImage grey =
        QImageCodec::decodeUpright(bytes, WorkingEdge).convertToFormat(QImage::Format_Grayscale8);
    const int width = grey.width();
    const int height = grey.height();
    // A view of the QImage's pixels (rows may be padded), equalized into a fresh buffer.
    const cv::Mat view(height, width, CV_8UC1, const_cast<uchar *>(grey.constBits()),
                       std::size_t(grey.bytesPerLine()));
    const int minFace = std::max(1, std::min(width, height) * MinFacePercent / 100);

    std::vector<cv::Rect> hits;
    try {
        cv::Mat equalized;
        cv::equalizeHist(view, equalized);
        m_detector->classifier.detectMultiScale(equalized, hits, 1.1, 3, 0,
                                                cv::Size(minFace, minFace));
        if (m_detector->mirrored) {
            cv::Mat flipped;
            cv::flip(equalized, flipped, 1);
            std::vector<cv::Rect> mirrorHits;
            m_detector->classifier.detectMultiScale(flipped, mirrorHits, 1.1, 3, 0,
                                                    cv::Size(minFace, minFace));
            for (const cv::Rect &r : mirrorHits)
                hits.emplace_back(width - r.x - r.width, r.y, r.width, r.height);
        }
    } catch (const cv::Exception &e) {
        throw FaceHintsError(std::string("face detection failed: ") + e.what());
    }

    std::vector<NormRect> rects;
    rects.reserve(hits.size());
    for (const cv::Rect &r : hits) {
        if (r.width <= 0 || r.height <= 0)
            continue;
        const int side = r.width * PadPercent / 100;
        const int top = r.height * PadPercent / 100;
        const int bottom = r.height * ChinPadPercent / 100;
        const NormRect rect = toNorm(r.x - side, r.y - top, r.x + r.width + side,
                                     r.y + r.height + bottom, width, height);
        if (rect.isValid())
            rects.push_back(rect);
    }
    return mergeOverlapping(std::move(rects));
}

std::vector<NormRect> findFacesForEditor(crypto::ByteView bytes) {
    std::vector<NormRect> found;
    for (const auto cascade : {FaceHints::DefaultCascade, FaceCascade::Profile}) {
        FaceHints hints(cascade);
        for (const NormRect &rect : hints.find(bytes)) {
            // A side view the frontal cascade found already: keep the first box.
            const bool known = std::any_of(found.begin(), found.end(), [&rect](const auto &f) {
                return 2 * overlap(f, rect) > area(rect);
            });
            if (!known)
                found.push_back(rect);
        }
    }
    return found;
}

} // namespace cc::imaging
