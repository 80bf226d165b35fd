#pragma once

#include "services/imagecodec.h"

#include <QtGlobal>

#include <optional>

namespace cc::services {

// The photos of a synthetic practice (ScaleSeeder): one small JPEG made different for
// every photo by a comment segment, right after its start marker, that carries the
// photo's number. All of them show the same picture, so as a codec it decodes that
// picture once and gives every variant its result, probe and thumbnail alike; anything
// that is not a variant byte for byte (the picture untouched, one comment segment of the
// length it states) goes to the inner codec, as does every redaction and export. For
// seeding only: a million imports would otherwise spend most of their time decoding and
// thumbnailing the same 64x48 picture. Not thread-safe.
class ScalePhotos final : public ImageCodec {
public:
    // base: a JPEG that inner accepts; inner must outlive this.
    ScalePhotos(crypto::Bytes base, ImageCodec &inner);

    // The nth photo: base with "consentcam scale photo <n>" in a comment segment.
    [[nodiscard]] crypto::Bytes photo(qint64 n) const;

    [[nodiscard]] ImageInfo probe(crypto::ByteView bytes) override;
    [[nodiscard]] crypto::Bytes thumbnail(crypto::ByteView bytes, int maxEdge) override;
    [[nodiscard]] ImportedImage import(crypto::ByteView bytes, int maxEdge) override;
    [[nodiscard]] crypto::Bytes redact(crypto::ByteView bytes,
                                       const std::vector<domain::Redaction> &redactions) override;
    [[nodiscard]] crypto::Bytes
    exportJpeg(crypto::ByteView bytes, const std::vector<domain::Redaction> &redactions) override;

private:
    // True if bytes are base with one comment segment inserted after its start marker.
    [[nodiscard]] bool isVariant(crypto::ByteView bytes) const;
    // The inner codec's import of base at maxEdge, made the first time it is asked for.
    [[nodiscard]] const ImportedImage &baseImport(int maxEdge);

    crypto::Bytes m_base;
    ImageCodec &m_inner;
    std::optional<ImportedImage> m_imported;
    int m_importedEdge = 0;
};

} // namespace cc::services
