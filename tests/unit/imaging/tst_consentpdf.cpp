// The signer's PDF copy: sealed consents from a real vault rendered in English and
// Spanish, read back with pdftotext. The form text, the names, the record's id and hash,
// the witness, the representative and the cancellation instructions must be there, in
// the signer's language, with neutral metadata.

#include "../services/pdftestsupport.h"
#include "../services/servicetestsupport.h"

#include "crypto/hash.h"
#include "domain/consenttemplate.h"
#include "domain/signature.h"
#include "imaging/consentpdf.h"
#include "imaging/demophoto.h"
#include "services/demogenerator.h"
#include "services/templates.h"

#include <catch2/catch_test_macros.hpp>

#include <QRegularExpression>
#include <QSet>

using namespace cc;
using namespace cc::services;
using imaging::ConsentPdfRenderer;
using services::test::CoreFixture;
using services::test::documentFor;
using services::test::pdfInfo;
using services::test::pdfText;
using services::test::squeezed;

namespace {

// A consent with two photos and a story, a witness, signed at 14:05 UTC by a signer five
// hours behind UTC.
domain::SealedConsent sealWithWitness(CoreFixture &f, const QString &language,
                                      const std::function<void(ConsentRequest &)> &change = {}) {
    const auto patient = f.addPatient(QStringLiteral("Zoë Müller-Peña"));
    const auto first = f.addPhoto(patient.id, 1);
    const auto second = f.addPhoto(patient.id, 2);
    const auto [story, version] = f.core().library().addStory(
        patient.id, QStringLiteral("Healing after a burn"),
        QStringLiteral("A kitchen burn on the hand, from the first visit to full healing."));
    return f.seal(patient.id, {first.id, second.id, version.id}, [&](ConsentRequest &r) {
        r.language = language;
        r.utcOffsetMinutes = -300;
        r.signedAt = QDateTime(QDate(2026, 11, 2), QTime(8, 58), Qt::UTC);
        r.agreedAt = r.signedAt.addSecs(-30);
        r.witness = domain::Witness{QStringLiteral("Nurse Ingrid Olsen"),
                                    domain::syntheticSignature(99), r.signedAt.addSecs(20)};
        r.countersignedAt = r.signedAt.addSecs(40);
        if (change)
            change(r);
    });
}

crypto::SecretBytes render(CoreFixture &f, const domain::SealedConsent &consent) {
    ConsentPdfRenderer renderer;
    return renderer.render(documentFor(f, consent));
}

QString contentsOf(const crypto::SecretBytes &pdf) {
    return QString::fromLatin1(reinterpret_cast<const char *>(pdf.data()), qsizetype(pdf.size()));
}

bool has(const QString &text, const QString &needle) {
    return squeezed(text).contains(squeezed(needle));
}

QSet<QString> placeholders(const QString &text) {
    QSet<QString> names;
    auto it = QRegularExpression(QStringLiteral("\\{[a-z_]+\\}")).globalMatch(text);
    while (it.hasNext())
        names.insert(it.next().captured());
    return names;
}

} // namespace

TEST_CASE("An English copy holds the form text, the names, the record's id and hash, and the "
          "witness") {
    CoreFixture f;
    const auto consent = sealWithWitness(f, QStringLiteral("en"));
    const auto pdf = render(f, consent);
    services::test::dumpPdf(crypto::view(pdf), QStringLiteral("copy-en"));
    REQUIRE(pdf.size() > 1000);
    CHECK(contentsOf(pdf).startsWith(QStringLiteral("%PDF-")));

    const QString text = pdfText(crypto::view(pdf));
    INFO(text.toStdString());
    const auto record = domain::parseSealedRecord(consent.record);
    const auto *form =
        f.templates().find(record.templateId, record.templateVersion, record.language);
    REQUIRE(form);
    CHECK(has(text, form->title()));
    for (const auto &section : form->render(record.formInputs())) {
        INFO(section.id.toStdString());
        CHECK(has(text, section.title));
        CHECK(has(text, section.body));
    }
    CHECK(text.contains(QStringLiteral("Zoë Müller-Peña")));
    CHECK(has(text, consent.id));
    CHECK(has(text, consent.recordSha256));
    CHECK(has(text, record.formTextSha256));
    CHECK(has(text, ConsentPdfRenderer::keyFingerprint(record.deviceKey)));
    CHECK(text.contains(QStringLiteral("Nurse Ingrid Olsen")));
    CHECK(text.contains(QStringLiteral("Dr. Ana Ruiz")));
    CHECK(has(text, QStringLiteral("200 Harbor Street, Bayview")));
    CHECK(has(text, record.agreeStatement));
    CHECK(has(text, record.signatureMeaning));
    // The choices in the form's own words, the items by their descriptions and the story.
    CHECK(has(text, form->label(QStringLiteral("platform.website"))));
    CHECK(has(text, form->label(QStringLiteral("audience.public"))));
    CHECK(has(text, form->label(QStringLiteral("purpose.education"))));
    CHECK(has(text, form->label(QStringLiteral("identifiable.yes"))));
    CHECK(has(text, form->label(QStringLiteral("compensation.unpaid"))));
    for (const auto &item : record.items)
        CHECK(has(text, item.description));
    CHECK(has(text, QStringLiteral("A kitchen burn on the hand, from the first visit")));
    // Fixed labels, the date in the form's format and the time in the signer's zone
    // (08:58 UTC is 3:58 AM at UTC-05:00).
    for (const char *label :
         {"Record ID", "Record SHA-256", "Signature", "Witness", "Printed name", "Countersigned on",
          "How to cancel this permission", "Meaning of the signature"})
        CHECK(has(text, QLatin1StringView(label)));
    CHECK(has(text, QStringLiteral("November 2, 2026, 3:58 AM (UTC-05:00)")));
    CHECK(has(text, QStringLiteral("Please include the record ID: ") + consent.id));

    const auto info = pdfInfo(crypto::view(pdf));
    const int pages = info.value(QStringLiteral("Pages")).toInt();
    CHECK(pages >= 2);
    CHECK(has(text, QStringLiteral("Page 1 of %1").arg(pages)));
    CHECK(has(text, QStringLiteral("Page %1 of %1").arg(pages)));
    CHECK(info.value(QStringLiteral("Page size")).contains(QStringLiteral("612 x 792")));
}

TEST_CASE("A Spanish copy is in Spanish: labels, dates, the form and the representative") {
    CoreFixture f;
    const auto consent = sealWithWitness(f, QStringLiteral("es"), [](ConsentRequest &r) {
        r.signer = {QStringLiteral("parent_guardian"),
                    QStringLiteral("Inés Peña"),
                    QStringLiteral("madre"),
                    QStringLiteral("madre de una paciente menor de edad"),
                    {}};
        r.printedName = r.signer.name;
    });
    const auto pdf = render(f, consent);
    services::test::dumpPdf(crypto::view(pdf), QStringLiteral("copy-es"));
    const QString text = pdfText(crypto::view(pdf));
    INFO(text.toStdString());
    const auto record = domain::parseSealedRecord(consent.record);
    const auto *form =
        f.templates().find(record.templateId, record.templateVersion, QStringLiteral("es"));
    REQUIRE(form);
    for (const auto &section : form->render(record.formInputs())) {
        INFO(section.id.toStdString());
        CHECK(has(text, section.body));
    }
    const QString revocation = [&] {
        for (const auto &section : form->render(record.formInputs()))
            if (section.id == QLatin1String("revocation"))
                return section.body;
        return QString();
    }();
    CHECK(has(text, revocation));
    for (const char *label :
         {"ID del registro", "SHA-256 del registro", "Firma", "Testigo", "Nombre del testigo",
          "Nombre en letra de imprenta", "Significado de la firma", "Cómo cancelar este permiso",
          "Relación con el paciente", "Autoridad para firmar por el paciente", "Refrendado el",
          "Sus decisiones"})
        CHECK(has(text, QString::fromUtf8(label)));
    CHECK(text.contains(QStringLiteral("Inés Peña")));
    CHECK(text.contains(QStringLiteral("madre de una paciente menor de edad")));
    CHECK(has(text, form->label(QStringLiteral("role.parent_guardian"))));
    CHECK(text.contains(QStringLiteral("Nurse Ingrid Olsen")));
    CHECK(has(text, consent.id));
    CHECK(has(text, consent.recordSha256));
    CHECK(has(text, QStringLiteral("2 de noviembre de 2026, 03:58 (UTC-05:00)")));
    CHECK(has(text, QStringLiteral("Página 1 de")));
    // No English fixed label slipped through.
    for (const char *english : {"Record ID", "Signature", "Witness", "Printed name", "Page 1 of"})
        CHECK_FALSE(text.contains(QLatin1StringView(english)));
}

TEST_CASE("The copy's metadata names the form and ConsentCam, nothing about the patient") {
    CoreFixture f;
    const auto consent = sealWithWitness(f, QStringLiteral("en"));
    const auto pdf = render(f, consent);
    const auto info = pdfInfo(crypto::view(pdf));
    const auto record = domain::parseSealedRecord(consent.record);
    CHECK(info.value(QStringLiteral("Title")) ==
          f.templates().find(record.templateId, record.templateVersion, record.language)->title());
    CHECK(info.value(QStringLiteral("Creator")) == QStringLiteral("ConsentCam"));
    CHECK(info.value(QStringLiteral("Author")).isEmpty());
    CHECK(info.value(QStringLiteral("Subject")).isEmpty());
    CHECK(info.value(QStringLiteral("Keywords")).isEmpty());
    for (auto it = info.cbegin(); it != info.cend(); ++it) {
        INFO(it.key().toStdString() << ": " << it.value().toStdString());
        CHECK_FALSE(it.value().contains(QStringLiteral("Müller")));
        CHECK_FALSE(it.value().contains(consent.id));
    }
}

TEST_CASE("Every language a built-in form exists in has every fixed label of the copy, with the "
          "same placeholders as English") {
    const auto templates = services::loadBuiltInTemplates();
    QSet<QString> languages;
    for (const auto &form : templates.all())
        languages.insert(form.language());
    REQUIRE(languages.contains(QStringLiteral("en")));
    REQUIRE(languages.contains(QStringLiteral("es")));
    const QStringList keys = ConsentPdfRenderer::labelKeys();
    REQUIRE(keys.size() > 40);
    for (const QString &language : languages) {
        INFO(language.toStdString());
        CHECK(ConsentPdfRenderer::labelLanguages().contains(language));
        for (const QString &key : keys) {
            INFO(key.toStdString());
            const QString text = ConsentPdfRenderer::label(language, key);
            CHECK_FALSE(text.trimmed().isEmpty());
            CHECK(placeholders(text) ==
                  placeholders(ConsentPdfRenderer::label(QStringLiteral("en"), key)));
        }
    }
    CHECK(ConsentPdfRenderer::label(QStringLiteral("fr"), QStringLiteral("recordId")).isEmpty());
    CHECK(ConsentPdfRenderer::label(QStringLiteral("en"), QStringLiteral("nope")).isEmpty());
}

TEST_CASE("A copy is refused for a language without labels or without a form") {
    CoreFixture f;
    const auto consent = sealWithWitness(f, QStringLiteral("en"));
    ConsentPdfRenderer renderer;
    auto document = documentFor(f, consent);
    auto french = documentFor(f, consent);
    french.record.language = QStringLiteral("fr");
    CHECK_THROWS_AS(renderer.render(french), DocumentError);
    auto formless = documentFor(f, consent);
    formless.form = nullptr;
    CHECK_THROWS_AS(renderer.render(formless), DocumentError);
    auto badKey = documentFor(f, consent);
    badKey.devicePublicKey = QStringLiteral("zz");
    CHECK_THROWS_AS(renderer.render(badKey), DocumentError);
    CHECK_NOTHROW(renderer.render(document));
}

TEST_CASE("A photo without its thumbnail and a story without its text still print, saying so") {
    CoreFixture f;
    const auto consent = sealWithWitness(f, QStringLiteral("en"));
    auto document = documentFor(f, consent);
    document.thumbnails.clear();
    document.storyTexts.clear();
    ConsentPdfRenderer renderer;
    const QString text = pdfText(crypto::view(renderer.render(document)));
    CHECK(text.contains(QStringLiteral("Image not available")));
    CHECK(has(text, QStringLiteral("The text of this story is kept on the clinician's device.")));
}

TEST_CASE("A long story runs over several pages, every line of it printed once") {
    CoreFixture f;
    const auto patient = f.addPatient(QStringLiteral("Ada Example"));
    QStringList paragraphs;
    for (int i = 1; i <= 60; ++i)
        paragraphs.append(QStringLiteral("Paragraph %1 of the story: the wound was cleaned and "
                                         "dressed, and it healed a little more each week.")
                              .arg(i));
    const auto [story, version] = f.core().library().addStory(
        patient.id, QStringLiteral("A long recovery"), paragraphs.join(QStringLiteral("\n\n")));
    const auto consent = f.seal(patient.id, {version.id});
    const auto pdf = render(f, consent);
    const QString text = pdfText(crypto::view(pdf));
    const int pages = pdfInfo(crypto::view(pdf)).value(QStringLiteral("Pages")).toInt();
    CHECK(pages >= 4);
    for (int i = 1; i <= 60; ++i) {
        INFO(i);
        CHECK(text.count(QStringLiteral("Paragraph %1 of the story").arg(i)) == 1);
    }
    for (int page = 1; page <= pages; ++page)
        CHECK(has(text, QStringLiteral("Page %1 of %2").arg(page).arg(pages)));
}

TEST_CASE("Every consent the demo generator seals renders, in its signer's language") {
    CoreFixture f;
    DemoGenerator generator(
        f.core(), [&f] { return f.clock().now; },
        [](std::uint64_t seed) { return imaging::demoPhoto(seed, 160, 120); });
    (void)generator.generate(10);
    int rendered = 0;
    QSet<QString> languages;
    for (const auto &patient : f.core().library().patients()) {
        for (const auto &consent : f.core().consents().forPatient(patient.id)) {
            const auto record = domain::parseSealedRecord(consent.record);
            const auto pdf = render(f, consent);
            services::test::dumpPdf(crypto::view(pdf), QStringLiteral("demo-%1").arg(rendered));
            const QString text = pdfText(crypto::view(pdf));
            INFO(consent.id.toStdString());
            CHECK(has(text, consent.recordSha256));
            CHECK(has(text, record.printedName));
            CHECK(has(text,
                      ConsentPdfRenderer::label(record.language, QStringLiteral("revokeHeading"))));
            languages.insert(record.language);
            ++rendered;
        }
    }
    CHECK(rendered >= 6);
    CHECK(languages == QSet<QString>{QStringLiteral("en"), QStringLiteral("es")});
}

TEST_CASE("The device key's fingerprint is its SHA-256 in groups of four") {
    const QString key = QString(64, QLatin1Char('a'));
    const auto expected =
        QString::fromStdString(crypto::toHex(crypto::sha256(crypto::fromHex(key.toStdString()))));
    QString fingerprint = ConsentPdfRenderer::keyFingerprint(key);
    CHECK(fingerprint.size() == 64 + 15);
    CHECK(fingerprint.remove(QLatin1Char(' ')) == expected);
    CHECK(ConsentPdfRenderer::keyFingerprint(QStringLiteral("abc")).isEmpty());
    CHECK(ConsentPdfRenderer::keyFingerprint(QString(64, QLatin1Char('g'))).isEmpty());
}
