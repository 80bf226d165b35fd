#pragma once

// The seam between the consent core and the patient's receipt of a revocation (DESIGN
// §2.7): the core gathers what the receipt shows from the vault, and a renderer that may
// use Qt GUI lays it out (imaging/revocationpdf.h). The receipt is printed in the
// signer's language, the one of the form they signed.

#include "crypto/bytes.h"
#include "domain/signature.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace cc::domain {
class ConsentTemplate;
}

namespace cc::services {

// A published post that the revocation sent to takedown.
struct ReceiptPost {
    QString platform; // vocabulary code
    QString url;      // empty while unknown
    QDateTime postedAt;
};

// Everything one receipt shows. Times are UTC; the receipt prints them in the signer's
// offset from UTC when they signed (utcOffsetMinutes), as the consent's copy does.
struct RevocationReceipt {
    QString language; // the form's language: the receipt's
    // The form the consent was signed on: its title, its date format and the names of the
    // platforms and signer roles in that language.
    const domain::ConsentTemplate *form = nullptr;
    int utcOffsetMinutes = 0;

    // The consent.
    QString consentId;
    QString recordSha256;    // of the sealed bytes, lowercase hex
    QString devicePublicKey; // the Ed25519 key that signed it, lowercase hex
    QString patientName;
    QString signerName;
    QString signerRole; // vocabulary code
    QDateTime signedAt;
    QStringList itemDescriptions; // what it covered, as the signer was shown them

    // The revocation.
    QString revocationId;
    QDateTime receivedAt;
    QDateTime recordedAt;
    QString method; // vocabulary::revocationMethods()
    QString note;
    bool letterKept = false; // a photo of the written letter is kept with it
    std::optional<domain::SignatureStrokes> strokes;

    // What stops, as it was when the revocation was recorded.
    int blockedDrafts = 0;
    std::vector<ReceiptPost> takedowns;

    // Who received it.
    QString clinicianName;
    QString practiceName;
    QString practiceContact;
};

// Renders a receipt. Deterministic in everything it prints; the file's metadata holds a
// neutral title and the creator "ConsentCam", nothing about the patient.
class RevocationReceiptRenderer {
public:
    RevocationReceiptRenderer() = default;
    virtual ~RevocationReceiptRenderer() = default;
    RevocationReceiptRenderer(const RevocationReceiptRenderer &) = delete;
    RevocationReceiptRenderer &operator=(const RevocationReceiptRenderer &) = delete;

    // The PDF file's bytes, in memory only. Throws DocumentError (consentdocument.h).
    [[nodiscard]] virtual crypto::SecretBytes render(const RevocationReceipt &receipt) = 0;
};

} // namespace cc::services
