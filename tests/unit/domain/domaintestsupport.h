#pragma once

// Shared helpers for the domain tests.

#include "domain/consentrecord.h"
#include "domain/consenttemplate.h"

#include <catch2/catch_tostring.hpp>

#include <QString>

namespace cc::domain::test {

// The shipped templates, read from the source tree.
[[nodiscard]] const TemplateCatalog &shippedTemplates();

// A record that passes every validity rule: an English form over two photos (each with an
// identifying region marked) and a story version, signed by the patient, countersigned,
// sealed a minute later. Its form text
// hash matches the shipped template.
[[nodiscard]] ConsentRecord validRecord();
// Recomputes the record's form text hash after a test changed what the form shows, so
// the only defect left is the one the test made. Leaves the hash alone when the form
// can't be rendered.
void refreshFormHash(ConsentRecord &record);

} // namespace cc::domain::test

template<>
struct Catch::StringMaker<QString> {
    static std::string convert(const QString &text) { return '"' + text.toStdString() + '"'; }
};
