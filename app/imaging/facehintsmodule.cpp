#include "imaging/facehintsmodule.h"

#include "imaging/facehints.h"
#include "imaging/facehintsabi.h"
#include "services/imagecodec.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <array>
#include <string>
#include <utility>

namespace cc::imaging {

namespace {

void collect(void *context, const CcFaceRect *rect) {
    static_cast<std::vector<domain::NormRect> *>(context)->push_back(
        {rect->x, rect->y, rect->w, rect->h});
}

} // namespace

FaceHintsModule::FaceHintsModule(QStringList locations)
    : m_locations(std::move(locations)) {}

QStringList FaceHintsModule::defaultLocations() {
    QStringList locations;
    if (QCoreApplication::instance())
        locations.append(
            QDir(QCoreApplication::applicationDirPath()).filePath(QLatin1String(FileName)));
#ifdef CONSENTCAM_FACEHINTS_BUILD_PATH
    locations.append(QStringLiteral(CONSENTCAM_FACEHINTS_BUILD_PATH));
#endif
    return locations;
}

QString FaceHintsModule::loadedFrom() const {
    return m_find ? m_library.fileName() : QString();
}

void FaceHintsModule::load() {
    QStringList problems;
    for (const QString &location : std::as_const(m_locations)) {
        if (!QFileInfo(location).isFile()) {
            problems.append(location + QLatin1String(": not found"));
            continue;
        }
        m_library.setFileName(location);
        if (!m_library.load()) {
            problems.append(m_library.errorString());
            continue;
        }
        const auto version = reinterpret_cast<CcFaceHintsAbiVersionFn>(
            m_library.resolve("cc_facehints_abi_version"));
        const QFunctionPointer entry = m_library.resolve("cc_facehints_find");
        if (!version || !entry || version() != CC_FACEHINTS_ABI_VERSION) {
            problems.append(location + QLatin1String(": not a face hints module of this version"));
            m_library.unload();
            continue;
        }
        m_find = entry;
        return;
    }
    throw FaceHintsError("the face hints module could not be loaded (" +
                         problems.join(QLatin1String("; ")).toStdString() + ")");
}

std::vector<domain::NormRect> FaceHintsModule::find(crypto::ByteView bytes) {
    if (!m_find)
        load();
    std::vector<domain::NormRect> faces;
    std::array<char, 512> message{};
    const int status = reinterpret_cast<CcFaceHintsFindFn>(m_find)(
        bytes.data(), bytes.size(), &collect, &faces, message.data(), message.size());
    switch (status) {
    case CcFaceHintsFound:
        return faces;
    case CcFaceHintsImageRefused:
        throw services::ImageError(message.data());
    default:
        throw FaceHintsError(message.data());
    }
}

} // namespace cc::imaging
