// Consent template parsing of arbitrary bytes: any input is refused with a TemplateError
// or accepted; an accepted template's id, language and section and question ids have the
// documented form (a sealed record names them), and it renders with every placeholder filled.

#include "domain/consenttemplate.h"

#include <QRegularExpression>

#include <cstdlib>

namespace {

bool matchesWhole(const QString &text, const char *pattern) {
    return QRegularExpression(QRegularExpression::anchoredPattern(QLatin1String(pattern)))
        .match(text)
        .hasMatch();
}

bool wellFormed(const cc::domain::ConsentTemplate &form) {
    if (!matchesWhole(form.id(), "[a-z][a-z0-9-]{0,63}") ||
        !matchesWhole(form.language(), "[a-z]{2,3}(-[A-Z]{2})?"))
        return false;
    for (const auto &section : form.sections()) {
        if (!matchesWhole(section.id, "[a-z][a-z0-9_]{0,63}"))
            return false;
    }
    for (const auto &question : form.comprehension()) {
        if (!matchesWhole(question.id, "[a-z][a-z0-9_]{0,63}"))
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    using namespace cc::domain;
    ConsentTemplate form;
    try {
        form = ConsentTemplate::parse(QByteArrayView(data, qsizetype(size)));
    } catch (const TemplateError &) {
        return 0;
    }
    if (!wellFormed(form))
        std::abort();
    FormInputs inputs;
    inputs.itemDescriptions = {form.describePhoto(1, QDate(2026, 3, 2)),
                               form.describeStory(QStringLiteral("A stubborn rash"), 2)};
    inputs.clinicianName = QStringLiteral("Dr. Ana Ruiz");
    inputs.clinicianCredentials = QStringLiteral("MD, Dermatology");
    inputs.practiceName = QStringLiteral("Bayview Skin Clinic");
    inputs.practiceContact = QStringLiteral("privacy@bayview.example");
    inputs.platforms = {QStringLiteral("instagram"), QStringLiteral("x"),
                        QStringLiteral("website")};
    inputs.audiences = {QStringLiteral("public")};
    inputs.purposes = {QStringLiteral("education"), QStringLiteral("awareness")};
    inputs.expiryKind = FormInputs::Expiry::Event;
    inputs.expiryDate = QDate(2028, 3, 5);
    inputs.expiryEvent = QStringLiteral("the end of my treatment");
    inputs.paid = true;
    inputs.compensationDescription = QStringLiteral("a fee from Acme Skincare");
    if (form.renderText(inputs).contains(u'{')) {
        std::abort();
    }
    return 0;
}
