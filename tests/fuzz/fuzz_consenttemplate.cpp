// Consent template parsing of arbitrary bytes: any input is refused with a TemplateError
// or accepted, and an accepted template renders with every placeholder filled.

#include "domain/consenttemplate.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    using namespace cc::domain;
    ConsentTemplate form;
    try {
        form = ConsentTemplate::parse(QByteArrayView(data, qsizetype(size)));
    } catch (const TemplateError &) {
        return 0;
    }
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
