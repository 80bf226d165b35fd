// The legal floor of a media-release consent (DESIGN §3): for every element, a record that
// breaks only that element is refused for it, and records that meet every rule pass.

#include "domain/consentvalidator.h"

#include "domain/consentrecord.h"
#include "domain/consenttemplate.h"
#include "domain/ids.h"
#include "domain/signature.h"
#include "domaintestsupport.h"

#include <catch2/catch_test_macros.hpp>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <set>
#include <stdexcept>
#include <string>
#include <vector>

using namespace cc::domain;

namespace {

using Elements = std::set<std::string>;

Elements elementsOf(const std::vector<Defect> &defects) {
    Elements elements;
    for (const Defect &defect : defects)
        elements.insert(defect.element.toStdString());
    return elements;
}

// The elements validateConsent() finds defective, with its messages kept for the report of
// the next assertion.
Elements defectsIn(const ConsentRecord &record,
                   const TemplateCatalog &catalog = test::shippedTemplates()) {
    const std::vector<Defect> defects = validateConsent(record, catalog);
    for (const Defect &defect : defects)
        UNSCOPED_INFO(defect.element.toStdString() << ": " << defect.message.toStdString());
    return elementsOf(defects);
}

const Elements None;

// Moves every time of record so that the signer signs at signedAt, keeping the fixture's
// order: agree 20 s before, witness 30 s after, countersign 90 s after, seal and start 2 min
// after.
void signAt(ConsentRecord &record, const QDateTime &signedAt) {
    record.signedAt = signedAt;
    record.agreedAt = signedAt.addSecs(-20);
    if (record.witness)
        record.witness->signedAt = signedAt.addSecs(30);
    record.countersignedAt = signedAt.addSecs(90);
    record.startsAt = signedAt.addSecs(120);
    record.sealedAt = signedAt.addSecs(120);
}

// The day the signer signed, in the signer's zone.
QDate signingDay(const ConsentRecord &record) {
    return record.signedAt.toTimeZone(QTimeZone(record.utcOffsetMinutes * 60)).date();
}

void setExpiry(ConsentRecord &record, const QDate &date) {
    record.expiry.date = date;
    test::refreshFormHash(record);
}

// The fixture record as the form of another template shows it: sections, item
// descriptions, agree statement, signature meaning and text hash all from form.
ConsentRecord validRecordOn(const ConsentTemplate &form) {
    ConsentRecord record = test::validRecord();
    record.templateId = form.id();
    record.templateVersion = form.version();
    record.language = form.language();
    record.sections = form.sectionIds();
    int photo = 0;
    for (CoveredItem &item : record.items) {
        item.description =
            item.kind == ItemKind::Photo
                ? form.describePhoto(++photo, record.signedAt.date())
                : form.describeStory(QStringLiteral("A rash that would not go away"), 1);
    }
    record.agreeStatement = form.agreeStatement();
    record.signatureMeaning = form.signatureMeaning();
    record.formTextSha256 = form.textSha256(record.formInputs());
    return record;
}

const ConsentTemplate &shipped(const char *language) {
    const ConsentTemplate *form = test::shippedTemplates().find(QStringLiteral("media-release"), 1,
                                                                QLatin1StringView(language));
    if (!form)
        throw std::runtime_error("a shipped template is missing");
    return *form;
}

// The English template as a later version that leaves out one section: a form that is
// well formed but does not carry one of the statements the law requires.
ConsentTemplate englishTemplateWithout(const QString &sectionId) {
    QFile file(QStringLiteral(CONSENTCAM_TEMPLATES_DIR "/media-release.v1.en.json"));
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("can't read the English template");
    QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    QJsonArray sections;
    for (const QJsonValue &section : json.value(QStringLiteral("sections")).toArray()) {
        if (section.toObject().value(QStringLiteral("id")).toString() != sectionId)
            sections.append(section);
    }
    json.insert(QStringLiteral("sections"), sections);
    json.insert(QStringLiteral("version"), 2);
    return ConsentTemplate::parse(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

TemplateCatalog catalogWith(const ConsentTemplate &form) {
    TemplateCatalog catalog = test::shippedTemplates();
    catalog.add(form);
    return catalog;
}

// A parent signing for a child, with everything a representative must give.
void signedByParent(ConsentRecord &record) {
    record.signer = {QStringLiteral("parent_guardian"),
                     QStringLiteral("Ben Example"),
                     QStringLiteral("father"),
                     QStringLiteral("parent with legal custody of the patient, a minor"),
                     ids::generate(ids::Kind::Photo),
                     QString(64, QLatin1Char('e'))};
    record.printedName = QStringLiteral("Ben Example");
}

void witnessed(ConsentRecord &record) {
    record.witness =
        Witness{QStringLiteral("Carla Nurse"), syntheticSignature(11), record.signedAt.addSecs(30)};
}

SignatureStrokes dot() {
    Stroke stroke;
    for (int i = 0; i < 30; ++i)
        stroke.push_back({300 + i % 3, 120 + i % 2, i * 8});
    return {600, 240, {stroke}};
}

SignatureStrokes straightLine() {
    Stroke stroke;
    for (int i = 0; i < 70; ++i)
        stroke.push_back({100 + i * 6, 120, i * 8});
    return {600, 240, {stroke}};
}

} // namespace

TEST_CASE("The fixture record is valid") {
    const auto defects = validateConsent(test::validRecord(), test::shippedTemplates());
    for (const auto &d : defects)
        UNSCOPED_INFO(d.element.toStdString() << ": " << d.message.toStdString());
    CHECK(defects.empty());
}

// --- records that pass ------------------------------------------------------------------

TEST_CASE("a consent made from the Spanish form is valid") {
    const ConsentRecord record = validRecordOn(shipped("es"));
    REQUIRE(record.language == QStringLiteral("es"));
    REQUIRE(record.agreeStatement != test::validRecord().agreeStatement);
    CHECK(defectsIn(record) == None);
}

TEST_CASE("a representative who gives a relationship and an authority may sign") {
    ConsentRecord record = test::validRecord();
    signedByParent(record);
    CHECK(defectsIn(record) == None);

    for (const char *role : {"healthcare_poa", "other_representative"}) {
        CAPTURE(role);
        record.signer.role = QLatin1StringView(role);
        CHECK(defectsIn(record) == None);
    }
    SECTION("the photo of the authority document is optional") {
        record.signer.authorityDocument.clear();
        record.signer.authorityDocumentSha256.clear();
        CHECK(defectsIn(record) == None);
    }
}

TEST_CASE("an authority document is sealed with its hash, and a hash names a document") {
    ConsentRecord record = test::validRecord();
    signedByParent(record);
    SECTION("a document without its hash") {
        record.signer.authorityDocumentSha256.clear();
    }
    SECTION("a hash without a document") {
        record.signer.authorityDocument.clear();
    }
    CHECK(defectsIn(record) == Elements{element::Representative});
}

TEST_CASE("a de-identified-only consent needs each photo's identifying regions") {
    ConsentRecord record = test::validRecord();
    record.identifiable = false;
    test::refreshFormHash(record);
    REQUIRE(defectsIn(record) == None);
    SECTION("a photo with none marked") {
        record.items[1].regions.clear();
        CHECK(defectsIn(record) == Elements{element::Identifiability});
    }
    SECTION("regions on a story") {
        record.items[2].regions = {NormRect{0, 0, 100, 100}};
        CHECK(defectsIn(record) == Elements{element::Identifiability});
    }
}

TEST_CASE("a consent with a named witness who signed before the countersignature is valid") {
    ConsentRecord record = test::validRecord();
    witnessed(record);
    CHECK(defectsIn(record) == None);
    record.policy.witnessRequired = true;
    CHECK(defectsIn(record) == None);
}

TEST_CASE("a paid use that says what is paid is valid") {
    ConsentRecord record = test::validRecord();
    record.paid = true;
    record.compensationDescription = QStringLiteral("Bayview Skin Clinic pays the clinician $50");
    test::refreshFormHash(record);
    CHECK(defectsIn(record) == None);
}

TEST_CASE("an unpaid use needs no compensation description") {
    ConsentRecord record = test::validRecord();
    REQUIRE_FALSE(record.paid);
    record.compensationDescription.clear();
    test::refreshFormHash(record);
    CHECK(defectsIn(record) == None);
}

TEST_CASE("a consent that ends on an event with a latest date is valid") {
    ConsentRecord record = test::validRecord();
    record.expiry.kind = Expiry::Kind::Event;
    record.expiry.event = QStringLiteral("the end of my treatment");
    test::refreshFormHash(record);
    CHECK(defectsIn(record) == None);
}

TEST_CASE("a consent may run exactly the policy's longest duration or end the day it is signed") {
    ConsentRecord record = test::validRecord();
    const QDate signedOn = signingDay(record);

    SECTION("the default policy's two years") {
        setExpiry(record, signedOn.addDays(record.policy.maxDurationDays));
        CHECK(defectsIn(record) == None);
    }
    SECTION("a stricter policy's 90 days") {
        record.policy.maxDurationDays = 90;
        setExpiry(record, signedOn.addDays(90));
        CHECK(defectsIn(record) == None);
    }
    SECTION("the day of signing") {
        setExpiry(record, signedOn);
        CHECK(defectsIn(record) == None);
    }
}

TEST_CASE("a consent that starts later than it is sealed is valid") {
    ConsentRecord record = test::validRecord();
    record.startsAt = record.sealedAt.addDays(7);
    CHECK(defectsIn(record) == None);
}

TEST_CASE("defects come in element order, each with a message") {
    const std::vector<Defect> defects = validateConsent(ConsentRecord{}, test::shippedTemplates());
    const std::vector<std::string> order{
        element::Patient,
        element::Form,
        element::Items,
        element::Discloser,
        element::Recipients,
        element::Purposes,
        element::Identifiability,
        element::Expiry,
        element::Signer,
        element::Representative,
        element::Signature,
        element::PrintedName,
        element::SignatureDate,
        element::SignatureMeaning,
        element::RevocationStatement,
        element::ConditioningStatement,
        element::RedisclosureStatement,
        element::CompensationStatement,
        element::Intent,
        element::Witness,
        element::Clinician,
        element::Timeline,
        element::PolicyElement,
    };
    REQUIRE_FALSE(defects.empty());
    std::size_t at = 0;
    for (const Defect &defect : defects) {
        CAPTURE(defect.element, defect.message);
        CHECK_FALSE(defect.message.trimmed().isEmpty());
        while (at < order.size() && order[at] != defect.element.toStdString())
            ++at;
        CHECK(at < order.size());
    }
    // An empty record lacks everything but a compensation statement (it is not paid), a
    // witness (its policy does not require one) and a representative's authority (its
    // signer has no role at all, which is the signer's defect).
    const Elements expected{element::Patient,
                            element::Form,
                            element::Items,
                            element::Discloser,
                            element::Recipients,
                            element::Purposes,
                            element::Expiry,
                            element::Signer,
                            element::Signature,
                            element::PrintedName,
                            element::SignatureDate,
                            element::SignatureMeaning,
                            element::RevocationStatement,
                            element::ConditioningStatement,
                            element::RedisclosureStatement,
                            element::Intent,
                            element::Clinician,
                            element::Timeline,
                            element::PolicyElement};
    CHECK(elementsOf(defects) == expected);
}

// --- patient ----------------------------------------------------------------------------

TEST_CASE("a consent that does not identify the patient is defective for the patient") {
    ConsentRecord record = test::validRecord();
    SECTION("no patient id") {
        record.patientId.clear();
    }
    SECTION("an id that names something other than a patient") {
        record.patientId = ids::generate(ids::Kind::Photo);
    }
    SECTION("a malformed id") {
        record.patientId = record.patientId.toUpper();
    }
    SECTION("no name") {
        record.patientName = QStringLiteral("  ");
    }
    CHECK(defectsIn(record) == Elements{element::Patient});
}

// --- form -------------------------------------------------------------------------------

TEST_CASE("a form the catalog does not know is defective for the form") {
    ConsentRecord record = test::validRecord();
    SECTION("an unknown template") {
        record.templateId = QStringLiteral("photo-release");
    }
    SECTION("an unknown version") {
        record.templateVersion = 7;
    }
    SECTION("no version") {
        record.templateVersion = 0;
    }
    SECTION("an unknown language") {
        record.language = QStringLiteral("fr");
    }
    CHECK(defectsIn(record) == Elements{element::Form});
}

TEST_CASE("a form text hash that is not the template's for the record's choices is defective") {
    ConsentRecord record = test::validRecord();
    SECTION("one digit changed") {
        record.formTextSha256[0] =
            record.formTextSha256[0] == QLatin1Char('0') ? QLatin1Char('1') : QLatin1Char('0');
    }
    SECTION("uppercase hex") {
        record.formTextSha256 = record.formTextSha256.toUpper();
        REQUIRE(record.formTextSha256 != test::validRecord().formTextSha256);
    }
    SECTION("no hash") {
        record.formTextSha256.clear();
    }
    SECTION("a choice changed after the text was hashed") {
        record.identifiable = !record.identifiable;
    }
    SECTION("the hash of the same choices on the Spanish form") {
        record.formTextSha256 = shipped("es").textSha256(record.formInputs());
    }
    CHECK(defectsIn(record) == Elements{element::Form});
}

TEST_CASE("sections that are not the template's are defective for the form") {
    ConsentRecord record = test::validRecord();
    SECTION("two sections swapped") {
        record.sections.swapItemsAt(0, 1);
    }
    SECTION("a section added") {
        record.sections.append(QStringLiteral("questions"));
    }
    SECTION("a section that is not a statement left out") {
        record.sections.removeAll(QStringLiteral("risks"));
    }
    CHECK(defectsIn(record) == Elements{element::Form});
}

TEST_CASE("a template that lacks a required section is defective for the form") {
    for (const char *section : {"items", "expiry", "risks", "copy"}) {
        CAPTURE(section);
        const ConsentTemplate form = englishTemplateWithout(QLatin1StringView(section));
        const ConsentRecord record = validRecordOn(form);
        CHECK(defectsIn(record, catalogWith(form)) == Elements{element::Form});
    }
}

// --- items ------------------------------------------------------------------------------

TEST_CASE("a consent that covers no items is defective for items") {
    ConsentRecord record = test::validRecord();
    record.items.clear();
    // The form can't show an empty list of items either.
    CHECK(defectsIn(record) == Elements{element::Items, element::Form});
}

TEST_CASE("an item without a description is defective for items") {
    ConsentRecord record = test::validRecord();
    record.items[1].description = QStringLiteral(" ");
    CHECK(defectsIn(record) == Elements{element::Items, element::Form});
}

TEST_CASE("an item whose hash is not a SHA-256 is defective for items") {
    ConsentRecord record = test::validRecord();
    SECTION("no hash") {
        record.items[0].sha256.clear();
    }
    SECTION("one digit short") {
        record.items[0].sha256.chop(1);
    }
    SECTION("uppercase hex") {
        record.items[0].sha256 = QString(64, QLatin1Char('A'));
    }
    SECTION("not hex") {
        record.items[2].sha256[10] = QLatin1Char('g');
    }
    CHECK(defectsIn(record) == Elements{element::Items});
}

TEST_CASE("an item whose id does not name its kind is defective for items") {
    ConsentRecord record = test::validRecord();
    SECTION("a photo with a story version's id") {
        record.items[0].id = ids::generate(ids::Kind::StoryVersion);
    }
    SECTION("a story with the story's id instead of the version's") {
        record.items[2].id = ids::generate(ids::Kind::Story);
    }
    SECTION("no id") {
        record.items[1].id.clear();
    }
    CHECK(defectsIn(record) == Elements{element::Items});
}

TEST_CASE("an item listed twice is defective for items") {
    ConsentRecord record = test::validRecord();
    record.items[1].id = record.items[0].id;
    CHECK(defectsIn(record) == Elements{element::Items});
}

TEST_CASE("a consent that covers more items than a sealed record holds is defective for items") {
    ConsentRecord record = test::validRecord();
    const ConsentTemplate &form = shipped("en");
    record.items.clear();
    for (int n = 1; n <= 500; ++n) {
        record.items.push_back({ItemKind::Photo, ids::generate(ids::Kind::Photo),
                                QString(64, QLatin1Char('a')),
                                form.describePhoto(n, record.signedAt.date())});
    }
    test::refreshFormHash(record);
    CHECK(defectsIn(record) == None);
    // What passes can be sealed and read back.
    CHECK(parseSealedRecord(record.canonical()) == record);

    record.items.push_back({ItemKind::Photo, ids::generate(ids::Kind::Photo),
                            QString(64, QLatin1Char('a')),
                            form.describePhoto(501, record.signedAt.date())});
    test::refreshFormHash(record);
    CHECK(defectsIn(record) == Elements{element::Items});
}

// --- discloser --------------------------------------------------------------------------

TEST_CASE("a consent that does not say who discloses is defective for the discloser") {
    ConsentRecord record = test::validRecord();
    SECTION("no clinician") {
        record.clinicianName.clear();
    }
    SECTION("no practice") {
        record.practiceName = QStringLiteral("\t");
    }
    SECTION("no credentials") {
        record.clinicianCredentials.clear();
    }
    test::refreshFormHash(record);
    // The form names all three, so it can't be shown either.
    CHECK(defectsIn(record) == Elements{element::Discloser, element::Form});
}

// --- recipients -------------------------------------------------------------------------

TEST_CASE("a consent without valid platforms and audiences is defective for recipients") {
    ConsentRecord record = test::validRecord();
    SECTION("no platforms") {
        record.platforms.clear();
    }
    SECTION("no audiences") {
        record.audiences.clear();
    }
    SECTION("an unknown platform") {
        record.platforms.append(QStringLiteral("myspace"));
    }
    SECTION("an unknown audience") {
        record.audiences = QStringList{QStringLiteral("everyone")};
    }
    SECTION("a platform listed twice") {
        record.platforms.append(QStringLiteral("instagram"));
    }
    SECTION("an audience listed twice") {
        record.audiences.append(QStringLiteral("public"));
    }
    test::refreshFormHash(record);
    // The form can only list known codes, each once.
    CHECK(defectsIn(record) == Elements{element::Recipients, element::Form});
}

TEST_CASE("a platform the record's policy does not allow is defective for recipients") {
    ConsentRecord record = test::validRecord();
    REQUIRE(record.platforms.contains(QStringLiteral("website")));
    record.policy.allowedPlatforms = QStringList{QStringLiteral("instagram")};
    CHECK(defectsIn(record) == Elements{element::Recipients});

    record.policy.allowedPlatforms.append(QStringLiteral("website"));
    CHECK(defectsIn(record) == None);
}

// --- purposes ---------------------------------------------------------------------------

TEST_CASE("a consent without known purposes is defective for purposes") {
    ConsentRecord record = test::validRecord();
    SECTION("no purposes") {
        record.purposes.clear();
    }
    SECTION("an unknown purpose") {
        record.purposes = QStringList{QStringLiteral("research")};
    }
    SECTION("a purpose listed twice") {
        record.purposes.append(QStringLiteral("education"));
    }
    test::refreshFormHash(record);
    CHECK(defectsIn(record) == Elements{element::Purposes, element::Form});
}

// --- expiry -----------------------------------------------------------------------------

TEST_CASE("a consent without an expiry date is defective for expiry") {
    ConsentRecord record = test::validRecord();
    SECTION("an end date") {
        record.expiry.kind = Expiry::Kind::Date;
    }
    SECTION("an event with no latest date") {
        record.expiry.kind = Expiry::Kind::Event;
        record.expiry.event = QStringLiteral("the end of my treatment");
    }
    record.expiry.date = QDate();
    // The form states the date, so it can't be shown without one.
    CHECK(defectsIn(record) == Elements{element::Expiry, element::Form});
}

TEST_CASE("an expiry event without a description is defective for expiry") {
    ConsentRecord record = test::validRecord();
    record.expiry.kind = Expiry::Kind::Event;
    record.expiry.event = QStringLiteral("   ");
    test::refreshFormHash(record);
    CHECK(defectsIn(record) == Elements{element::Expiry, element::Form});
}

TEST_CASE("a consent that runs longer than the policy allows is defective for expiry") {
    ConsentRecord record = test::validRecord();
    const QDate signedOn = signingDay(record);
    SECTION("one day past the default two years") {
        setExpiry(record, signedOn.addDays(record.policy.maxDurationDays + 1));
    }
    SECTION("one day past a stricter policy's 90 days") {
        record.policy.maxDurationDays = 90;
        setExpiry(record, signedOn.addDays(91));
    }
    SECTION("for an event, its latest date one day past the maximum") {
        record.expiry = {Expiry::Kind::Event, signedOn.addDays(record.policy.maxDurationDays + 1),
                         QStringLiteral("the end of my treatment")};
        test::refreshFormHash(record);
    }
    CHECK(defectsIn(record) == Elements{element::Expiry});
}

TEST_CASE("a consent that ends before it is signed is defective for expiry and timeline") {
    ConsentRecord record = test::validRecord();
    setExpiry(record, signingDay(record).addDays(-1));
    // It would also start after it ended.
    CHECK(defectsIn(record) == Elements{element::Expiry, element::Timeline});
}

TEST_CASE("the duration is counted from the day of signing in the signer's zone") {
    ConsentRecord record = test::validRecord();
    const int most = record.policy.maxDurationDays;

    SECTION("east of UTC, signed on the evening of November 2 UTC, November 3 locally") {
        record.utcOffsetMinutes = 330;
        signAt(record, QDateTime(QDate(2026, 11, 2), QTime(20, 0), Qt::UTC));
        REQUIRE(signingDay(record) == QDate(2026, 11, 3));

        setExpiry(record, QDate(2026, 11, 3).addDays(most));
        CHECK(defectsIn(record) == None);
        setExpiry(record, QDate(2026, 11, 3).addDays(most + 1));
        CHECK(defectsIn(record) == Elements{element::Expiry});
        setExpiry(record, QDate(2026, 11, 3));
        CHECK(defectsIn(record) == None);
        // November 2 is the UTC day of signing, but locally it was already over.
        setExpiry(record, QDate(2026, 11, 2));
        CHECK(defectsIn(record) == Elements{element::Expiry, element::Timeline});
    }
    SECTION("west of UTC, signed early on November 3 UTC, still November 2 locally") {
        record.utcOffsetMinutes = -300;
        signAt(record, QDateTime(QDate(2026, 11, 3), QTime(2, 0), Qt::UTC));
        REQUIRE(signingDay(record) == QDate(2026, 11, 2));

        setExpiry(record, QDate(2026, 11, 2));
        CHECK(defectsIn(record) == None);
        setExpiry(record, QDate(2026, 11, 2).addDays(most));
        CHECK(defectsIn(record) == None);
        // Counted from the UTC day it would be exactly the maximum.
        setExpiry(record, QDate(2026, 11, 2).addDays(most + 1));
        CHECK(defectsIn(record) == Elements{element::Expiry});
    }
}

TEST_CASE("a signer's zone offset that no clock shows is defective for expiry") {
    // Clocks run from UTC-12:00 to UTC+14:00; the expiry day can't be placed in a zone
    // outside that range, so neither its length nor its end can be judged.
    ConsentRecord record = test::validRecord();
    SECTION("far east") {
        record.utcOffsetMinutes = 17 * 60;
    }
    SECTION("far west") {
        record.utcOffsetMinutes = -17 * 60;
    }
    CHECK_FALSE(record.expiresAt().isValid());
    CHECK(defectsIn(record) == Elements{element::Expiry});
}

TEST_CASE("the extreme offsets clocks show are signers' zones") {
    ConsentRecord record = test::validRecord();
    for (const int offset : {-12 * 60, 14 * 60}) {
        CAPTURE(offset);
        record.utcOffsetMinutes = offset;
        CHECK(record.expiresAt().isValid());
        CHECK(defectsIn(record) == None);
    }
}

// --- signer and representative ----------------------------------------------------------

TEST_CASE("a consent whose signer is not identified is defective for the signer") {
    ConsentRecord record = test::validRecord();
    SECTION("no name") {
        record.signer.name = QStringLiteral(" ");
        CHECK(defectsIn(record) == Elements{element::Signer});
    }
    SECTION("a role that is not one of the signer roles") {
        signedByParent(record);
        record.signer.role = QStringLiteral("neighbour");
        CHECK(defectsIn(record) == Elements{element::Signer});
    }
}

TEST_CASE("a representative without relationship or authority is defective for the "
          "representative") {
    ConsentRecord record = test::validRecord();
    signedByParent(record);
    SECTION("a parent who gives no relationship") {
        record.signer.relationship.clear();
    }
    SECTION("a parent who gives no authority") {
        record.signer.authority = QStringLiteral("  ");
    }
    SECTION("a healthcare power of attorney who gives no authority") {
        record.signer.role = QStringLiteral("healthcare_poa");
        record.signer.authority.clear();
    }
    CHECK(defectsIn(record) == Elements{element::Representative});
}

TEST_CASE("an authority document that is not a photo is defective for the representative") {
    ConsentRecord record = test::validRecord();
    signedByParent(record);
    SECTION("a patient id") {
        record.signer.authorityDocument = ids::generate(ids::Kind::Patient);
    }
    SECTION("a story version id") {
        record.signer.authorityDocument = ids::generate(ids::Kind::StoryVersion);
    }
    SECTION("free text") {
        record.signer.authorityDocument = QStringLiteral("court order");
    }
    CHECK(defectsIn(record) == Elements{element::Representative});
}

TEST_CASE("a patient who signs for themselves needs no relationship or authority") {
    ConsentRecord record = test::validRecord();
    REQUIRE(record.signer.role == QStringLiteral("patient"));
    REQUIRE(record.signer.relationship.isEmpty());
    REQUIRE(record.signer.authority.isEmpty());
    CHECK(defectsIn(record) == None);
}

// --- signature manifestation ------------------------------------------------------------

TEST_CASE("a trivial mark is defective for the signature") {
    ConsentRecord record = test::validRecord();
    SECTION("a dot") {
        record.strokes = dot();
    }
    SECTION("a straight line") {
        record.strokes = straightLine();
        REQUIRE(signatureProblem(record.strokes) == SignatureProblem::StraightLine);
    }
    SECTION("nothing drawn") {
        record.strokes.strokes.clear();
    }
    SECTION("no pad") {
        record.strokes.padWidth = 0;
    }
    REQUIRE(signatureProblem(record.strokes).has_value());
    CHECK(defectsIn(record) == Elements{element::Signature});
}

TEST_CASE("a signature without a printed name is defective for the printed name") {
    ConsentRecord record = test::validRecord();
    record.printedName = QStringLiteral(" \n");
    CHECK(defectsIn(record) == Elements{element::PrintedName});
}

TEST_CASE("a signature without a date is defective for the signature date") {
    ConsentRecord record = test::validRecord();
    record.signedAt = QDateTime();
    CHECK(defectsIn(record) == Elements{element::SignatureDate});
}

TEST_CASE("a signature meaning that is not the form's is defective for the signature meaning") {
    ConsentRecord record = test::validRecord();
    SECTION("no meaning") {
        record.signatureMeaning.clear();
    }
    SECTION("other words") {
        record.signatureMeaning = QStringLiteral("I have read this form.");
    }
    SECTION("the Spanish form's meaning on the English form") {
        record.signatureMeaning = shipped("es").signatureMeaning();
    }
    CHECK(defectsIn(record) == Elements{element::SignatureMeaning});
}

// --- statements -------------------------------------------------------------------------

TEST_CASE("a form without the right to revoke is defective for the revocation statement") {
    SECTION("a template that has no revocation section") {
        const ConsentTemplate form = englishTemplateWithout(QStringLiteral("revocation"));
        CHECK(defectsIn(validRecordOn(form), catalogWith(form)) ==
              Elements{element::RevocationStatement});
    }
    SECTION("the section left out of the shipped form's record") {
        ConsentRecord record = test::validRecord();
        record.sections.removeAll(QStringLiteral("revocation"));
        // The sections are no longer the template's either.
        CHECK(defectsIn(record) == Elements{element::RevocationStatement, element::Form});
    }
}

TEST_CASE("a form that does not say where to revoke is defective for the revocation "
          "statement") {
    ConsentRecord record = test::validRecord();
    record.practiceContact = QStringLiteral("  ");
    test::refreshFormHash(record);
    // The revocation section can't be shown without the address.
    CHECK(defectsIn(record) == Elements{element::RevocationStatement, element::Form});
}

TEST_CASE("a form that does not say care is unconditional is defective for the conditioning "
          "statement") {
    SECTION("a template that has no conditioning section") {
        const ConsentTemplate form = englishTemplateWithout(QStringLiteral("conditioning"));
        CHECK(defectsIn(validRecordOn(form), catalogWith(form)) ==
              Elements{element::ConditioningStatement});
    }
    SECTION("the section left out of the shipped form's record") {
        ConsentRecord record = test::validRecord();
        record.sections.removeAll(QStringLiteral("conditioning"));
        CHECK(defectsIn(record) == Elements{element::ConditioningStatement, element::Form});
    }
}

TEST_CASE("a form that does not warn of redisclosure is defective for the redisclosure "
          "statement") {
    SECTION("a template that has no redisclosure section") {
        const ConsentTemplate form = englishTemplateWithout(QStringLiteral("redisclosure"));
        CHECK(defectsIn(validRecordOn(form), catalogWith(form)) ==
              Elements{element::RedisclosureStatement});
    }
    SECTION("the section left out of the shipped form's record") {
        ConsentRecord record = test::validRecord();
        record.sections.removeAll(QStringLiteral("redisclosure"));
        CHECK(defectsIn(record) == Elements{element::RedisclosureStatement, element::Form});
    }
}

TEST_CASE("a paid use that does not say what is paid is defective for the compensation "
          "statement") {
    ConsentRecord record = test::validRecord();
    record.paid = true;
    record.compensationDescription = QStringLiteral(" ");
    test::refreshFormHash(record);
    // The form can't state a payment it does not know.
    CHECK(defectsIn(record) == Elements{element::CompensationStatement, element::Form});
}

TEST_CASE("the compensation statement is required only for a paid use") {
    const ConsentTemplate form = englishTemplateWithout(QStringLiteral("compensation"));
    const TemplateCatalog catalog = catalogWith(form);
    ConsentRecord record = validRecordOn(form);
    CHECK(defectsIn(record, catalog) == None);

    record.paid = true;
    record.compensationDescription = QStringLiteral("Bayview Skin Clinic pays the clinician $50");
    record.formTextSha256 = form.textSha256(record.formInputs());
    CHECK(defectsIn(record, catalog) == Elements{element::CompensationStatement});
}

// --- intent -----------------------------------------------------------------------------

TEST_CASE("a consent without an explicit act of agreeing is defective for intent") {
    ConsentRecord record = test::validRecord();
    SECTION("not agreed") {
        record.agreed = false;
    }
    SECTION("a statement that is not the form's") {
        record.agreeStatement = QStringLiteral("OK");
    }
    SECTION("the Spanish form's statement on the English form") {
        record.agreeStatement = shipped("es").agreeStatement();
    }
    SECTION("no statement") {
        record.agreeStatement.clear();
    }
    SECTION("no time of agreeing") {
        record.agreedAt = QDateTime();
    }
    CHECK(defectsIn(record) == Elements{element::Intent});
}

// --- witness ----------------------------------------------------------------------------

TEST_CASE("a witness the policy requires but who did not sign is defective for the witness") {
    ConsentRecord record = test::validRecord();
    record.policy.witnessRequired = true;
    REQUIRE_FALSE(record.witness.has_value());
    CHECK(defectsIn(record) == Elements{element::Witness});
}

TEST_CASE("a witness who made a trivial mark or is not named or dated is defective for the "
          "witness") {
    ConsentRecord record = test::validRecord();
    witnessed(record);
    SECTION("a dot") {
        record.witness->strokes = dot();
    }
    SECTION("a straight line") {
        record.witness->strokes = straightLine();
    }
    SECTION("no name") {
        record.witness->name = QStringLiteral(" ");
    }
    SECTION("no date") {
        record.witness->signedAt = QDateTime();
    }
    SECTION("a trivial mark where the policy requires a witness") {
        record.policy.witnessRequired = true;
        record.witness->strokes = straightLine();
    }
    CHECK(defectsIn(record) == Elements{element::Witness});
}

// --- clinician --------------------------------------------------------------------------

TEST_CASE("a consent the clinician has not countersigned is defective for the clinician") {
    ConsentRecord record = test::validRecord();
    record.countersignedAt = QDateTime();
    CHECK(defectsIn(record) == Elements{element::Clinician});
}

// --- timeline ---------------------------------------------------------------------------

TEST_CASE("times in an impossible order are defective for the timeline") {
    ConsentRecord record = test::validRecord();
    SECTION("countersigned before the signer signed") {
        record.countersignedAt = record.signedAt.addSecs(-1);
        REQUIRE(record.agreedAt < record.countersignedAt);
    }
    SECTION("countersigned before the signer agreed") {
        record.agreedAt = record.countersignedAt.addMSecs(1);
    }
    SECTION("countersigned before the witness signed") {
        witnessed(record);
        record.witness->signedAt = record.countersignedAt.addSecs(5);
    }
    SECTION("sealed before it was countersigned") {
        record.sealedAt = record.countersignedAt.addMSecs(-1);
    }
    SECTION("starting before it was signed") {
        record.startsAt = record.signedAt.addSecs(-1);
    }
    SECTION("no start") {
        record.startsAt = QDateTime();
    }
    SECTION("starting when it expires") {
        record.startsAt = record.expiresAt();
    }
    SECTION("starting after it expires") {
        record.startsAt = record.expiresAt().addDays(1);
    }
    CHECK(defectsIn(record) == Elements{element::Timeline});
}

TEST_CASE("times that coincide are a possible order") {
    ConsentRecord record = test::validRecord();
    witnessed(record);
    record.agreedAt = record.signedAt;
    record.witness->signedAt = record.signedAt;
    record.countersignedAt = record.signedAt;
    record.sealedAt = record.signedAt;
    record.startsAt = record.signedAt;
    CHECK(defectsIn(record) == None);
}

// --- policy -----------------------------------------------------------------------------

TEST_CASE("a policy that can't be applied is defective for the policy") {
    ConsentRecord record = test::validRecord();
    SECTION("a longest consent of 0 days") {
        // A consent that ends the day it is signed is within any maximum.
        setExpiry(record, signingDay(record));
        record.policy.maxDurationDays = 0;
    }
    SECTION("a longest consent beyond ten years") {
        record.policy.maxDurationDays = Policy::LongestMaxDurationDays + 1;
    }
    SECTION("an unknown platform allowed") {
        record.policy.allowedPlatforms.append(QStringLiteral("myspace"));
    }
    SECTION("a platform allowed twice") {
        record.policy.allowedPlatforms.append(QStringLiteral("instagram"));
    }
    CHECK(defectsIn(record) == Elements{element::PolicyElement});
}

TEST_CASE("a policy that allows no platform is defective for the policy and recipients") {
    ConsentRecord record = test::validRecord();
    record.policy.allowedPlatforms.clear();
    CHECK(defectsIn(record) == Elements{element::PolicyElement, element::Recipients});
}
