#pragma once

// Reading back the PDFs the app writes, with poppler-utils (scripts/setup.sh installs it):
// the text a reader would copy out of them and the metadata a file browser shows.

#include "crypto/bytes.h"
#include "domain/entities.h"
#include "services/consentdocument.h"

#include <QMap>
#include <QString>

namespace cc::services::test {

class CoreFixture;

// The PDF's text as pdftotext extracts it (UTF-8). Fails the test if pdftotext can't run.
[[nodiscard]] QString pdfText(crypto::ByteView pdf);
// pdfinfo's fields, by name ("Title", "Creator", "Pages", ...).
[[nodiscard]] QMap<QString, QString> pdfInfo(crypto::ByteView pdf);
// The text with every whitespace character removed, for matching text that wraps.
[[nodiscard]] QString squeezed(const QString &text);
// When CONSENTCAM_PDF_DUMP_DIR is set, writes the PDF there as name.pdf to look at.
void dumpPdf(crypto::ByteView pdf, const QString &name);

// What ConsentCopyService gathers for a sealed consent, read here through the library:
// the parsed record, its template, the photos' stored thumbnails and the stories' texts.
[[nodiscard]] ConsentDocument documentFor(CoreFixture &fixture,
                                          const domain::SealedConsent &consent);

} // namespace cc::services::test
