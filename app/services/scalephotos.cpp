#include "services/scalephotos.h"

#include <QByteArray>

#include <algorithm>

namespace cc::services {

namespace {

// A JPEG's start-of-image marker, and the marker of a comment segment (whose two length
// bytes count themselves and the text).
constexpr std::uint8_t Marker = 0xFF;
constexpr std::uint8_t StartOfImage = 0xD8;
constexpr std::uint8_t Comment = 0xFE;
constexpr std::size_t SegmentHeader = 4; // FF FE and the two length bytes

} // namespace

ScalePhotos::ScalePhotos(crypto::Bytes base, ImageCodec &inner)
    : m_base(std::move(base))
    , m_inner(inner) {
    if (m_base.size() < 4 || m_base[0] != Marker || m_base[1] != StartOfImage)
        throw ImageError("the scale photos need a JPEG to start from");
}

crypto::Bytes ScalePhotos::photo(qint64 n) const {
    const QByteArray text = "consentcam scale photo " + QByteArray::number(n);
    const auto length = std::size_t(text.size()) + 2;
    const std::uint8_t header[SegmentHeader] = {Marker, Comment, std::uint8_t(length >> 8),
                                                std::uint8_t(length & 0xFF)};
    crypto::Bytes jpeg(m_base.size() + SegmentHeader + std::size_t(text.size()));
    auto out = std::copy(m_base.begin(), m_base.begin() + 2, jpeg.begin());
    out = std::copy(std::begin(header), std::end(header), out);
    out = std::copy(text.begin(), text.end(), out);
    std::copy(m_base.begin() + 2, m_base.end(), out);
    return jpeg;
}

bool ScalePhotos::isVariant(crypto::ByteView bytes) const {
    if (bytes.size() < m_base.size() + SegmentHeader || bytes[0] != Marker ||
        bytes[1] != StartOfImage || bytes[2] != Marker || bytes[3] != Comment)
        return false;
    const std::size_t length = std::size_t(bytes[4]) << 8 | bytes[5];
    // The segment must be exactly what stands between the start marker and the picture.
    if (length < 2 || bytes.size() != m_base.size() + 2 + length)
        return false;
    return std::equal(m_base.begin() + 2, m_base.end(), bytes.begin() + 4 + std::ptrdiff_t(length));
}

const ImportedImage &ScalePhotos::baseImport(int maxEdge) {
    if (!m_imported || m_importedEdge != maxEdge) {
        m_imported = m_inner.import(crypto::view(m_base), maxEdge);
        m_importedEdge = maxEdge;
    }
    return *m_imported;
}

ImageInfo ScalePhotos::probe(crypto::ByteView bytes) {
    if (!isVariant(bytes))
        return m_inner.probe(bytes);
    return m_imported ? m_imported->info : m_inner.probe(crypto::view(m_base));
}

crypto::Bytes ScalePhotos::thumbnail(crypto::ByteView bytes, int maxEdge) {
    return isVariant(bytes) ? baseImport(maxEdge).thumbnail : m_inner.thumbnail(bytes, maxEdge);
}

ImportedImage ScalePhotos::import(crypto::ByteView bytes, int maxEdge) {
    return isVariant(bytes) ? baseImport(maxEdge) : m_inner.import(bytes, maxEdge);
}

crypto::Bytes ScalePhotos::redact(crypto::ByteView bytes,
                                  const std::vector<domain::Redaction> &redactions) {
    return m_inner.redact(bytes, redactions);
}

crypto::Bytes ScalePhotos::exportJpeg(crypto::ByteView bytes,
                                      const std::vector<domain::Redaction> &redactions) {
    return m_inner.exportJpeg(bytes, redactions);
}

} // namespace cc::services
