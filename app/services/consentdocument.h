#pragma once

// The seam between the consent core and the patient's printable copy of a sealed consent
// (DESIGN §2.3.8, §3: the signer gets a copy). The core gathers what the copy shows from
// the vault; laying it out as a PDF needs Qt GUI, which the core must not depend on. The
// production implementation is imaging/consentpdf.h.

#include "crypto/bytes.h"
#include "domain/consentrecord.h"

#include <QString>

#include <map>
#include <stdexcept>

namespace cc::domain {
class ConsentTemplate;
}

namespace cc::services {

// The copy could not be made: no fixed labels for the record's language, a form that
// does not render the record's choices, the PDF engine failing. Plain English, no PHI.
class DocumentError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Everything one copy shows. The record is the parsed sealed record (checked intact by
// the caller); form is the template it names, whose render(record.formInputs()) is the
// text the signer read.
struct ConsentDocument {
    domain::ConsentRecord record;
    const domain::ConsentTemplate *form = nullptr;
    QString recordSha256;    // of the sealed bytes, lowercase hex
    QString devicePublicKey; // the Ed25519 key that signed the record, lowercase hex
    // A JPEG thumbnail per covered photo, by item id (decrypted, in memory only). A photo
    // without one is shown as "not available".
    std::map<QString, crypto::SecretBytes> thumbnails;
    // The text of covered story versions, by item id, when it still hashes to the sealed
    // SHA-256.
    std::map<QString, QString> storyTexts;
};

// Renders a consent's copy. Implementations are deterministic in everything they print
// (the same document prints the same words) and put nothing into the file's metadata
// beyond a neutral title and the creator "ConsentCam".
class ConsentDocumentRenderer {
public:
    ConsentDocumentRenderer() = default;
    virtual ~ConsentDocumentRenderer() = default;
    ConsentDocumentRenderer(const ConsentDocumentRenderer &) = delete;
    ConsentDocumentRenderer &operator=(const ConsentDocumentRenderer &) = delete;

    // The PDF file's bytes, in memory only. Throws DocumentError.
    [[nodiscard]] virtual crypto::SecretBytes render(const ConsentDocument &document) = 0;
};

} // namespace cc::services
