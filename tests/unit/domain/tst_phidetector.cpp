// The PHI detector: each identifier kind on its own, then a corpus of sentences written
// for this test (clinical posts in English and Spanish, with and without identifiers),
// scored by precision and recall, which the test prints.

#include "domain/phidetector.h"

#include <catch2/catch_test_macros.hpp>

#include <iostream>
#include <utility>
#include <vector>

using cc::domain::phi::Context;
using cc::domain::phi::Finding;
using cc::domain::phi::findPhi;
using cc::domain::phi::Kind;

namespace {

const Context patient{QStringLiteral("María José Ortega (demo)"), QStringLiteral("A-558201"),
                      QDate(1931, 4, 12)};

struct Expected {
    Kind kind;
    QString text; // the identifier as it stands in the sentence
};

struct Sample {
    QString sentence;
    std::vector<Expected> expected;
};

// What the detector found, as (kind, text) pairs.
std::vector<std::pair<Kind, QString>> found(const QString &text, const Context &context = {}) {
    std::vector<std::pair<Kind, QString>> result;
    for (const Finding &finding : findPhi(text, context))
        result.emplace_back(finding.kind, text.mid(finding.start, finding.length));
    return result;
}

bool has(const QString &text, Kind kind, const QString &part, const Context &context = {}) {
    for (const auto &[k, t] : found(text, context)) {
        if (k == kind && t.contains(part))
            return true;
    }
    return false;
}

const std::vector<Sample> &corpus() {
    using K = Kind;
    static const std::vector<Sample> samples{
        // Names.
        {QStringLiteral("María responded well to the new cream."),
         {{K::Name, QStringLiteral("María")}}},
        {QStringLiteral("Thanks to Mrs. Ortega for letting us share her story."),
         {{K::Name, QStringLiteral("Ortega")}}},
        {QStringLiteral("Gracias a María José por su paciencia."),
         {{K::Name, QStringLiteral("María José")}}},
        {QStringLiteral("A patient in her eighties responded well to the new cream."), {}},
        {QStringLiteral("Eczema flares often improve with gentle moisturisers."), {}},
        // Dates.
        {QStringLiteral("She first came in on March 5, 2024 with a rash."),
         {{K::Date, QStringLiteral("March 5, 2024")}}},
        {QStringLiteral("Seen again on 12/03/2024 after six weeks."),
         {{K::Date, QStringLiteral("12/03/2024")}}},
        {QStringLiteral("La biopsia se hizo el 3 de mayo de 2023."),
         {{K::Date, QStringLiteral("3 de mayo de 2023")}}},
        {QStringLiteral("Follow-up visit: 2024-06-18."), {{K::Date, QStringLiteral("2024-06-18")}}},
        {QStringLiteral("Born April 12, 1931, she still gardens every day."),
         {{K::Date, QStringLiteral("April 12, 1931")}}},
        {QStringLiteral("The surgery was in October 2022."),
         {{K::Date, QStringLiteral("October 2022")}}},
        {QStringLiteral("Operada en enero de 2021, ya no tiene dolor."),
         {{K::Date, QStringLiteral("enero de 2021")}}},
        {QStringLiteral("In 2023 we treated more than forty cases like this one."), {}},
        {QStringLiteral("You may see results within 6 weeks."), {}},
        {QStringLiteral("Results improved by 3.5 points on the itch scale."), {}},
        // Phone and fax numbers.
        {QStringLiteral("Call her daughter at (555) 123-4567 for questions."),
         {{K::Phone, QStringLiteral("(555) 123-4567")}}},
        {QStringLiteral("Book at 555-987-6543 today."),
         {{K::Phone, QStringLiteral("555-987-6543")}}},
        {QStringLiteral("Fax the referral to 555.222.3333 please."),
         {{K::Fax, QStringLiteral("555.222.3333")}}},
        {QStringLiteral("Llame al +34 612 345 678 para pedir cita."),
         {{K::Phone, QStringLiteral("+34 612 345 678")}}},
        {QStringLiteral("We saw 250 patients with psoriasis last year."), {}},
        // E-mail and web addresses.
        {QStringLiteral("Write to maria.ortega@example.com for the photos."),
         {{K::Email, QStringLiteral("maria.ortega@example.com")}}},
        {QStringLiteral("Her album is at https://photos.example.com/album?id=88213."),
         {{K::Url, QStringLiteral("https://photos.example.com/album?id=88213")}}},
        {QStringLiteral("See www.example.org/patients/558201 for her chart."),
         {{K::Url, QStringLiteral("www.example.org/patients/558201")}}},
        {QStringLiteral("Learn more at https://www.cdc.gov/eczema/index.html."), {}},
        {QStringLiteral("Source: https://www.aad.org/public/diseases/eczema"), {}},
        {QStringLiteral("Trial results: https://doi.org/10.1056/NEJMoa2034577"), {}},
        {QStringLiteral("Review at https://pubmed.ncbi.nlm.nih.gov/31234567/ for details."), {}},
        {QStringLiteral("Her pictures: https://pubmed.example.net/31234567"),
         {{K::Url, QStringLiteral("https://pubmed.example.net/31234567")}}},
        // Record, account and licence numbers; SSNs.
        {QStringLiteral("Her MRN is 4471920 in our system."),
         {{K::RecordNumber, QStringLiteral("4471920")}}},
        {QStringLiteral("Medical record number: MR-20931."),
         {{K::RecordNumber, QStringLiteral("MR-20931")}}},
        {QStringLiteral("Account #8823104 was billed twice."),
         {{K::RecordNumber, QStringLiteral("8823104")}}},
        {QStringLiteral("Driver's licence number D1234567 was on the form."),
         {{K::RecordNumber, QStringLiteral("D1234567")}}},
        {QStringLiteral("Número de historia 99-1203, consulta de dermatología."),
         {{K::RecordNumber, QStringLiteral("99-1203")}}},
        {QStringLiteral("Chart A-558201 shows the whole course."),
         {{K::RecordNumber, QStringLiteral("A-558201")}}},
        {QStringLiteral("SSN 123-45-6789 should never appear in a post."),
         {{K::Ssn, QStringLiteral("123-45-6789")}}},
        {QStringLiteral("Member ID XK9902211 covers the treatment."),
         {{K::RecordNumber, QStringLiteral("XK9902211")}}},
        {QStringLiteral("Policy number 55-AB-1029 was approved."),
         {{K::RecordNumber, QStringLiteral("55-AB-1029")}}},
        // Street addresses and ZIP codes.
        {QStringLiteral("She lives at 42 Maple Street near the clinic."),
         {{K::Address, QStringLiteral("42 Maple Street")}}},
        {QStringLiteral("Send cards to 1600 Ocean View Blvd, Bayview, CA 94110."),
         {{K::Address, QStringLiteral("1600 Ocean View Blvd")},
          {K::ZipCode, QStringLiteral("94110")}}},
        {QStringLiteral("Vive en la Calle Mayor 15, muy cerca del centro."),
         {{K::Address, QStringLiteral("Calle Mayor 15")}}},
        {QStringLiteral("Our zip code 30301 has a high rate of skin cancer."),
         {{K::ZipCode, QStringLiteral("30301")}}},
        {QStringLiteral("Código postal 28013, barrio de Sol."),
         {{K::ZipCode, QStringLiteral("28013")}}},
        {QStringLiteral("Apply sunscreen 15 minutes before going out."), {}},
        {QStringLiteral("Walk 10000 steps a day for your heart."), {}},
        // Ages over 89.
        {QStringLiteral("A 93-year-old woman with a leg ulcer."),
         {{K::Age, QStringLiteral("93-year-old")}}},
        {QStringLiteral("Our patient, aged 101, healed in four weeks."),
         {{K::Age, QStringLiteral("aged 101")}}},
        {QStringLiteral("Una paciente de 95 años con dermatitis."),
         {{K::Age, QStringLiteral("95 años")}}},
        {QStringLiteral("A 67-year-old man with psoriasis."), {}},
        {QStringLiteral("He is 89 years old and very active."), {}},
        {QStringLiteral("Use 95% alcohol only on intact skin."), {}},
        // IP addresses.
        {QStringLiteral("The upload came from 192.168.10.44 at night."),
         {{K::IpAddress, QStringLiteral("192.168.10.44")}}},
        // Several in one.
        {QStringLiteral("María Ortega (MRN 4471920) was seen on 3/4/2024; call 555-123-9876."),
         {{K::Name, QStringLiteral("María Ortega")},
          {K::RecordNumber, QStringLiteral("4471920")},
          {K::Date, QStringLiteral("3/4/2024")},
          {K::Phone, QStringLiteral("555-123-9876")}}},
        {QStringLiteral("Contact: jose@example.es, fax 555-444-1212."),
         {{K::Email, QStringLiteral("jose@example.es")}, {K::Fax, QStringLiteral("555-444-1212")}}},
        // Nothing identifying: the posts a clinician should be able to write.
        {QStringLiteral("This is general education, not medical advice."), {}},
        {QStringLiteral("Before and after six weeks of treatment with a topical steroid."), {}},
        {QStringLiteral("Many patients over 60 notice drier skin in winter."), {}},
        {QStringLiteral("Esta publicación es educativa y no sustituye una consulta."), {}},
        {QStringLiteral("Rates of melanoma have risen since the 1990s."), {}},
        {QStringLiteral("Wear SPF 30 or higher, every day of the year."), {}},
        {QStringLiteral("Tattoos can hide early signs of skin cancer."), {}},
    };
    return samples;
}

} // namespace

TEST_CASE("Each identifier kind is found on its own") {
    CHECK(has(QStringLiteral("Ortega came in"), Kind::Name, QStringLiteral("Ortega"), patient));
    CHECK(has(QStringLiteral("on June 3"), Kind::Date, QStringLiteral("June 3")));
    CHECK(has(QStringLiteral("tel 555-123-4567"), Kind::Phone, QStringLiteral("555-123-4567")));
    CHECK(has(QStringLiteral("fax: (555) 123-4567"), Kind::Fax, QStringLiteral("123-4567")));
    CHECK(has(QStringLiteral("a@b.example"), Kind::Email, QStringLiteral("a@b.example")));
    CHECK(has(QStringLiteral("see https://x.example/p?u=1"), Kind::Url, QStringLiteral("u=1")));
    CHECK(has(QStringLiteral("MRN: 123456"), Kind::RecordNumber, QStringLiteral("123456")));
    CHECK(has(QStringLiteral("ref A-558201 attached"), Kind::RecordNumber,
              QStringLiteral("A-558201"), patient));
    CHECK(has(QStringLiteral("ssn 078-05-1120"), Kind::Ssn, QStringLiteral("078-05-1120")));
    CHECK(has(QStringLiteral("at 9 Elm Rd"), Kind::Address, QStringLiteral("9 Elm Rd")));
    CHECK(has(QStringLiteral("Austin, TX 78701"), Kind::ZipCode, QStringLiteral("78701")));
    CHECK(has(QStringLiteral("a 104 year old"), Kind::Age, QStringLiteral("104 year old")));
    CHECK(has(QStringLiteral("from 10.0.0.1"), Kind::IpAddress, QStringLiteral("10.0.0.1")));
}

TEST_CASE("Findings are ordered, merged and never overlap") {
    const QString text = QStringLiteral("María José Ortega, 555-123-4567, maria@example.com");
    const auto findings = findPhi(text, patient);
    REQUIRE(findings.size() == 3);
    CHECK(findings[0].kind == Kind::Name);
    CHECK(text.mid(findings[0].start, findings[0].length) == QStringLiteral("María José Ortega"));
    CHECK(findings[1].kind == Kind::Phone);
    CHECK(findings[2].kind == Kind::Email); // not also the name inside the address
    for (std::size_t i = 1; i < findings.size(); ++i)
        CHECK(findings[i - 1].start + findings[i - 1].length <= findings[i].start);
    CHECK(findPhi(QString()).empty());
    CHECK(toString(Kind::RecordNumber) == QStringLiteral("record_number"));
    CHECK(toString(Kind::IpAddress) == QStringLiteral("ip_address"));
}

TEST_CASE("On a corpus of clinical sentences the detector finds nearly all PHI and little else") {
    long truePositives = 0;
    long falsePositives = 0;
    long falseNegatives = 0;
    for (const Sample &sample : corpus()) {
        const auto findings = findPhi(sample.sentence, patient);
        std::vector<bool> matched(sample.expected.size(), false);
        for (const Finding &finding : findings) {
            const QString text = sample.sentence.mid(finding.start, finding.length);
            bool hit = false;
            for (std::size_t i = 0; i < sample.expected.size(); ++i) {
                const Expected &e = sample.expected[i];
                if (!matched[i] && e.kind == finding.kind &&
                    (text.contains(e.text) || e.text.contains(text))) {
                    matched[i] = true;
                    hit = true;
                    break;
                }
            }
            if (hit) {
                ++truePositives;
            } else {
                ++falsePositives;
                UNSCOPED_INFO("extra " << toString(finding.kind).toStdString() << " \""
                                       << text.toStdString()
                                       << "\" in: " << sample.sentence.toStdString());
            }
        }
        for (std::size_t i = 0; i < sample.expected.size(); ++i) {
            if (!matched[i]) {
                ++falseNegatives;
                UNSCOPED_INFO("missed " << toString(sample.expected[i].kind).toStdString() << " \""
                                        << sample.expected[i].text.toStdString()
                                        << "\" in: " << sample.sentence.toStdString());
            }
        }
    }
    const double precision = double(truePositives) / double(truePositives + falsePositives);
    const double recall = double(truePositives) / double(truePositives + falseNegatives);
    std::cout << "phi detector: " << corpus().size() << " sentences, " << truePositives
              << " found, " << falsePositives << " false alarms, " << falseNegatives
              << " missed; precision " << precision << ", recall " << recall << '\n';
    CHECK(corpus().size() >= 50);
    CHECK(recall >= 0.95);
    CHECK(precision >= 0.9);
}
