#pragma once

#include "crypto/bytes.h"
#include "domain/redaction.h"

#include <QLibrary>
#include <QString>
#include <QStringList>

#include <vector>

namespace cc::imaging {

// The face hints module (facehintsabi.h), loaded the first time find() is called: the
// first file of locations that exists is loaded, and it must be a module of this build's
// interface version. Loaded once and never unloaded.
//
// find() gives the faces findFacesForEditor() finds. It throws services::ImageError for
// bytes the codec refuses, and FaceHintsError when no module could be loaded (the message
// says which files were tried and why each failed) or when detection fails. Not
// thread-safe: one instance per thread.
class FaceHintsModule final {
public:
    static constexpr const char *FileName = "libconsentcam_facehints.so";

    explicit FaceHintsModule(QStringList locations = defaultLocations());
    FaceHintsModule(const FaceHintsModule &) = delete;
    FaceHintsModule &operator=(const FaceHintsModule &) = delete;

    [[nodiscard]] std::vector<domain::NormRect> find(crypto::ByteView bytes);

    // The file the module is loaded from, once find() has loaded it; empty before.
    [[nodiscard]] QString loadedFrom() const;

    // Beside the executable (where an installed app keeps it), then in the build tree.
    [[nodiscard]] static QStringList defaultLocations();

private:
    void load();

    QStringList m_locations;
    QLibrary m_library;
    QFunctionPointer m_find = nullptr; // a CcFaceHintsFindFn once loaded
};

} // namespace cc::imaging
