#pragma once

#include "services/consentdocument.h"

#include <QString>
#include <QStringList>

namespace cc::imaging {

// ConsentDocumentRenderer with QPdfWriter and QPainter: US Letter pages, text wrapped and
// broken across pages between lines (a signature, a photo row or a short field is never
// split), a footer with the record id and "page n of m" on every page. Everything is in
// the signer's language (the record's): the form's sections as its template renders
// them, the choices in the template's labels, dates in its date format, times in the
// signer's UTC offset, and the copy's own fixed words from a table per language
// (label()). Signatures are drawn from their stroke vectors as smoothed curves scaled to
// fit their box. The file's metadata holds the form's title and the creator
// "ConsentCam", nothing else about the patient.
// Needs a QGuiApplication (fonts); any thread, one render at a time per object.
class ConsentPdfRenderer final : public services::ConsentDocumentRenderer {
public:
    static constexpr int Resolution = 300; // dots per inch of the page's coordinates

    // Throws services::DocumentError: no form, no labels for the record's language, a
    // form that does not render the record's choices, the PDF engine failing.
    crypto::SecretBytes render(const services::ConsentDocument &document) override;

    // The copy's fixed words: every key, the languages that have them, and one of them
    // (empty for an unknown language or key).
    [[nodiscard]] static QStringList labelKeys();
    [[nodiscard]] static QStringList labelLanguages();
    [[nodiscard]] static QString label(const QString &language, const QString &key);
    // SHA-256 of a hex Ed25519 public key's 32 bytes, as lowercase hex in groups of four
    // ("1a2b 3c4d …"). Empty for a key that is not 64 hex digits.
    [[nodiscard]] static QString keyFingerprint(const QString &publicKeyHex);
};

} // namespace cc::imaging
