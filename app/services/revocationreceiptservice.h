#pragma once

#include "crypto/bytes.h"
#include "services/revocationreceipt.h"

#include <QString>

namespace cc::domain {
class TemplateCatalog;
}

namespace cc::services {

class Vault;

// The patient's receipt of their revocation (DESIGN §2.7): a PDF saying who revoked which
// consent, when it was received and recorded, how, and what stops (the drafts stopped and
// the published posts sent to takedown when it was recorded), with the record's hash and
// the device key's fingerprint as on the consent's copy. Made on demand and never stored:
// only its hash is logged when it leaves the vault. Throws ServiceError.
class RevocationReceiptService final {
public:
    RevocationReceiptService(Vault &vault, const domain::TemplateCatalog &templates,
                             RevocationReceiptRenderer &renderer)
        : m_vault(vault)
        , m_templates(templates)
        , m_renderer(renderer) {}

    // What the receipt of consentId's revocation shows. NotFound for an unknown consent;
    // Conflict when it is not revoked; Refused when the consent's record does not verify;
    // Invalid when its form is not one this app knows.
    [[nodiscard]] RevocationReceipt gather(const QString &consentId);
    // gather(), rendered. Invalid when the renderer fails.
    [[nodiscard]] crypto::SecretBytes render(const QString &consentId);
    // Logs that the receipt leaves the vault in plaintext (an export, with a signed
    // checkpoint) before it is handed over: via is "folder" or "share_sheet", pdf the
    // bytes handed over (their SHA-256 is logged). NotFound / Conflict as for gather().
    void recordExport(const QString &consentId, const QString &via, crypto::ByteView pdf);

    // "revocation-1a2b3c4d.pdf" for "con_1a2b3c4d…".
    [[nodiscard]] static QString fileNameFor(const QString &consentId);

private:
    Vault &m_vault;
    const domain::TemplateCatalog &m_templates;
    RevocationReceiptRenderer &m_renderer;
};

} // namespace cc::services
