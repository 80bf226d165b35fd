#pragma once

#include "crypto/bytes.h"
#include "domain/sharegate.h"

#include <QString>

namespace cc::domain {
class TemplateCatalog;
}

namespace cc::services {

class ImageCodec;
class Vault;

// One item made ready to leave the vault.
struct ExportedFile {
    QString itemId;   // what was exported: the photo, or the story version ("stv_…")
    QString fileName; // a plain name: "photo-3f9a1c2b.jpg", "story-8d0e4a71.txt"
    QString mimeType; // "image/jpeg" or "text/plain; charset=utf-8"
    // The file's plaintext, in memory only; wiped when freed. The caller drops it as soon
    // as it is handed over.
    crypto::SecretBytes bytes;
    QString sha256; // of bytes, lowercase hex
};

// The exporter (DESIGN §2.6, §4.3): the only code that produces plaintext media for
// outside the vault. An item leaves only when the share gate allows it for the target at
// this moment; the decision is taken inside the write transaction that records the
// export in the audit log (with a signed checkpoint), so a revocation committed first
// always wins, and the entry is committed before the bytes are returned: a file that left
// is never missing from the log. Photos leave as a fresh JPEG made by
// ImageCodec::exportJpeg (upright, at most ImageCodec::ExportEdge pixels, no metadata);
// a redacted copy's JPEG is made from its own stored bytes, which carry its redactions.
// Stories leave as the UTF-8 text of exactly the version the gate judged. The entry
// holds ids, the target and hashes, never content. Throws ServiceError: ShareRefused
// with the gate's decision when it blocks (nothing is logged or written then), Image
// when a photo's bytes can't be decoded, Storage when stored bytes no longer match their
// recorded hash or a write fails, ReadOnly for a vault open for inspection.
class ExportService final {
public:
    ExportService(Vault &vault, ImageCodec &codec, const domain::TemplateCatalog &templates)
        : m_vault(vault)
        , m_codec(codec)
        , m_templates(templates) {}

    // itemId: a photo ("pho_…"), a story version ("stv_…") or a story ("sto_…", meaning its
    // latest version). target must be complete (platform, audience and purpose).
    [[nodiscard]] ExportedFile exportItem(const QString &itemId, const domain::GateTarget &target);
    // exportItem, then the file written into directory durably (storage::writeNewFileDurably:
    // owner-only, synced, never over an existing file: "photo-… (2).jpg"). Returns the path
    // written. Nothing is written when the gate refuses; Invalid when directory is not an
    // existing directory (checked before the export is logged).
    QString exportToFolder(const QString &itemId, const domain::GateTarget &target,
                           const QString &directory);

private:
    Vault &m_vault;
    ImageCodec &m_codec;
    const domain::TemplateCatalog &m_templates;
};

} // namespace cc::services
