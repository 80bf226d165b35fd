#pragma once

#include "crypto/bytes.h"
#include "domain/entities.h"

#include <optional>

namespace cc::domain {
class TemplateCatalog;
}

namespace cc::services {

class ConsentDocumentRenderer;
class ImageCodec;
class Vault;

// The signer's copy of a sealed consent (DESIGN §2.3.8, §3): a PDF rendered from the
// sealed record's own bytes, in the signer's language, showing the form text exactly as
// read, the choices, the covered photos and stories, every signature and the record's
// hash, and stored encrypted in the media store like a photo. Throws ServiceError.
class ConsentCopyService final {
public:
    // The long edge, in pixels, of the photos the copy shows.
    static constexpr int ThumbnailEdge = 360;

    ConsentCopyService(Vault &vault, ImageCodec &codec, ConsentDocumentRenderer &renderer,
                       const domain::TemplateCatalog &templates)
        : m_vault(vault)
        , m_codec(codec)
        , m_renderer(renderer)
        , m_templates(templates) {}

    // The consent's copy, made on the first call: the record is read from its sealed bytes
    // and must verify (hash, signature, this vault's device key), the form it names must
    // reproduce the text the signer read, and the photos come from their stored
    // thumbnails. The PDF, its row and an audit entry are written in one transaction.
    // Later calls return the stored copy and write nothing. NotFound for an unknown
    // consent; Refused for a record that does not verify or a form that no longer gives
    // its text; Invalid when the form is not one this app knows or can't be rendered.
    domain::ConsentCopy makeCopy(const QString &consentId);
    [[nodiscard]] std::optional<domain::ConsentCopy> find(const QString &consentId);
    // The copy's PDF bytes, decrypted in memory. NotFound when no copy was made; Storage
    // when the blob fails to decrypt or no longer hashes to the recorded SHA-256.
    [[nodiscard]] crypto::SecretBytes copyBytes(const QString &consentId);
    // Logs that the copy leaves the vault in plaintext (an export, with a signed
    // checkpoint), before it is handed over: via is "folder" (saved where the user chose)
    // or "share_sheet" (the OS share sheet). Called before the hand-over, so a copy that
    // left is never missing from the log. NotFound when no copy was made.
    void recordExport(const QString &consentId, const QString &via);

private:
    Vault &m_vault;
    ImageCodec &m_codec;
    ConsentDocumentRenderer &m_renderer;
    const domain::TemplateCatalog &m_templates;
};

} // namespace cc::services
