#pragma once

#include "services/revocationreceipt.h"

#include <QString>
#include <QStringList>

namespace cc::imaging {

// RevocationReceiptRenderer with QPdfWriter and QPainter, laid out like the consent's copy
// (pdflayout.h): who cancelled which consent, when the cancellation was received and
// recorded, how (with the signature drawn from its strokes when it was signed on the
// device), what stops (the drafts stopped, the posts being taken down), who received it,
// and the record's SHA-256 and the device key's fingerprint. Everything is in the
// receipt's language with the form's own names for platforms and roles and its date
// format; times in the signer's offset from UTC. The file's metadata holds the receipt's
// title and the creator "ConsentCam", nothing about the patient.
// Needs a QGuiApplication (fonts); any thread, one render at a time per object.
class RevocationPdfRenderer final : public services::RevocationReceiptRenderer {
public:
    // Throws services::DocumentError: no form, no labels for the language, the PDF engine
    // failing.
    crypto::SecretBytes render(const services::RevocationReceipt &receipt) override;

    // The receipt's fixed words: every key, the languages that have them, and one of them
    // (empty for an unknown language or key).
    [[nodiscard]] static QStringList labelKeys();
    [[nodiscard]] static QStringList labelLanguages();
    [[nodiscard]] static QString label(const QString &language, const QString &key);
};

} // namespace cc::imaging
