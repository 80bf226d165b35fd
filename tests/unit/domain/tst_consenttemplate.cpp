// Consent form templates: the shipped English and Spanish media releases, their strict
// parser, rendering of the exact text a signer sees and its hash, and the catalog.

#include "crypto/bytes.h"
#include "crypto/hash.h"
#include "domain/consenttemplate.h"
#include "domain/vocabulary.h"
#include "domaintestsupport.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

using namespace cc;
using namespace cc::domain;
using Catch::Matchers::ContainsSubstring;

namespace {

QString templatePath(const QString &language) {
    return QStringLiteral(CONSENTCAM_TEMPLATES_DIR "/media-release.v1.%1.json").arg(language);
}

QByteArray shippedBytes(const QString &language) {
    QFile file(templatePath(language));
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

ConsentTemplate shipped(const QString &language) {
    return ConsentTemplate::parse(shippedBytes(language));
}

const QStringList &shippedLanguages() {
    static const QStringList languages{QStringLiteral("en"), QStringLiteral("es")};
    return languages;
}

QJsonObject shippedObject(const QString &language) {
    return QJsonDocument::fromJson(shippedBytes(language)).object();
}

// What parse() says about a template: "accepted" or the error message.
std::string verdict(const QJsonObject &object) {
    try {
        (void)ConsentTemplate::parse(QJsonDocument(object).toJson(QJsonDocument::Compact));
    } catch (const TemplateError &error) {
        return error.what();
    }
    return "accepted";
}

std::string verdict(QByteArrayView bytes) {
    try {
        (void)ConsentTemplate::parse(bytes);
    } catch (const TemplateError &error) {
        return error.what();
    }
    return "accepted";
}

// The English template with one member of one section replaced (an undefined value
// removes it).
QJsonObject withSection(qsizetype index, const QString &member, const QJsonValue &value) {
    QJsonObject root = shippedObject(QStringLiteral("en"));
    QJsonArray sections = root.value(QStringLiteral("sections")).toArray();
    QJsonObject section = sections.at(index).toObject();
    if (value.isUndefined()) {
        section.remove(member);
    } else {
        section.insert(member, value);
    }
    sections.replace(index, section);
    root.insert(QStringLiteral("sections"), sections);
    return root;
}

QJsonObject withLabel(const QString &key, const QJsonValue &value) {
    QJsonObject root = shippedObject(QStringLiteral("en"));
    QJsonObject labels = root.value(QStringLiteral("labels")).toObject();
    if (value.isUndefined()) {
        labels.remove(key);
    } else {
        labels.insert(key, value);
    }
    root.insert(QStringLiteral("labels"), labels);
    return root;
}

QJsonObject withQuestion(qsizetype index, const QString &member, const QJsonValue &value) {
    QJsonObject root = shippedObject(QStringLiteral("en"));
    QJsonArray questions = root.value(QStringLiteral("comprehension")).toArray();
    QJsonObject question = questions.at(index).toObject();
    question.insert(member, value);
    questions.replace(index, question);
    root.insert(QStringLiteral("comprehension"), questions);
    return root;
}

QJsonObject withMember(const QString &member, const QJsonValue &value) {
    QJsonObject root = shippedObject(QStringLiteral("en"));
    if (value.isUndefined()) {
        root.remove(member);
    } else {
        root.insert(member, value);
    }
    return root;
}

qsizetype sectionIndex(const QString &id) {
    const QJsonArray sections = shippedObject(QStringLiteral("en")).value(u"sections").toArray();
    for (qsizetype i = 0; i < sections.size(); ++i) {
        if (sections.at(i).toObject().value(u"id").toString() == id) {
            return i;
        }
    }
    FAIL("no section " << id.toStdString());
    return -1;
}

const QDate PhotoDate(2026, 3, 2);
const QDate ExpiryDate(2028, 3, 5);

FormInputs sampleInputs(const ConsentTemplate &form) {
    FormInputs inputs;
    inputs.itemDescriptions = {form.describePhoto(1, PhotoDate), form.describePhoto(2, PhotoDate),
                               form.describeStory(QStringLiteral("Treating a stubborn rash"), 3)};
    inputs.clinicianName = QStringLiteral("Dr. Ana Ruiz");
    inputs.clinicianCredentials = QStringLiteral("MD, Dermatology");
    inputs.practiceName = QStringLiteral("Bayview Skin Clinic");
    inputs.practiceContact =
        QStringLiteral("200 Harbor Street, Suite 4, Bayview, CA 94000, or privacy@bayview.example");
    inputs.platforms = {QStringLiteral("instagram"), QStringLiteral("website")};
    inputs.audiences = {QStringLiteral("public")};
    inputs.purposes = {QStringLiteral("education"), QStringLiteral("professional_education"),
                       QStringLiteral("awareness")};
    inputs.identifiable = false;
    inputs.expiryKind = FormInputs::Expiry::Date;
    inputs.expiryDate = ExpiryDate;
    inputs.paid = false;
    return inputs;
}

QString bodyOf(const std::vector<RenderedSection> &sections, const QString &id) {
    for (const RenderedSection &section : sections) {
        if (section.id == id) {
            return section.body;
        }
    }
    FAIL("no rendered section " << id.toStdString());
    return {};
}

QStringList placeholders(const QString &text) {
    static const QRegularExpression pattern(QStringLiteral("\\{[a-z_]+\\}"));
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();) {
        found.append(it.next().captured());
    }
    found.sort();
    return found;
}

// Every text of a template that may hold placeholders, keyed by where it is.
std::map<QString, QString> textsOf(const ConsentTemplate &form) {
    std::map<QString, QString> texts;
    texts[QStringLiteral("title")] = form.title();
    texts[QStringLiteral("agreeStatement")] = form.agreeStatement();
    texts[QStringLiteral("signatureMeaning")] = form.signatureMeaning();
    for (const TemplateSection &section : form.sections()) {
        texts[section.id + QStringLiteral(".title")] = section.title;
        texts[section.id + QStringLiteral(".body")] = section.body;
    }
    for (const ComprehensionQuestion &question : form.comprehension()) {
        texts[question.id + QStringLiteral(".question")] = question.question;
        texts[question.id + QStringLiteral(".explanation")] = question.explanation;
        for (qsizetype i = 0; i < question.answers.size(); ++i) {
            texts[question.id + QStringLiteral(".answer") + QString::number(i)] =
                question.answers.at(i);
        }
    }
    return texts;
}

QStringList allLabelKeys() {
    QStringList keys;
    const auto add = [&keys](const QString &prefix, const QStringList &codes) {
        for (const QString &code : codes) {
            keys.append(prefix + code);
        }
    };
    add(QStringLiteral("platform."), vocabulary::platforms());
    add(QStringLiteral("audience."), vocabulary::audiences());
    add(QStringLiteral("purpose."), vocabulary::purposes());
    add(QStringLiteral("role."), vocabulary::signerRoles());
    add(QStringLiteral("method."), vocabulary::revocationMethods());
    for (const char *key :
         {"identifiable.yes", "identifiable.no", "expiry.date", "expiry.event", "compensation.paid",
          "compensation.unpaid", "item.photo", "item.story"}) {
        keys.append(QLatin1String(key));
    }
    return keys;
}

std::string sha256Hex(QByteArrayView bytes) {
    const auto digest = crypto::sha256(crypto::ByteView(
        reinterpret_cast<const std::uint8_t *>(bytes.data()), std::size_t(bytes.size())));
    return crypto::toHex(crypto::ByteView(digest.data(), digest.size()));
}

} // namespace

TEST_CASE("both shipped media-release templates parse, version 1, in their own language") {
    for (const QString &language : shippedLanguages()) {
        CAPTURE(language);
        const ConsentTemplate form = shipped(language);
        CHECK(form.id() == QStringLiteral("media-release"));
        CHECK(form.version() == 1);
        CHECK(form.language() == language);
        CHECK_FALSE(form.title().isEmpty());
        CHECK_FALSE(form.agreeStatement().isEmpty());
        CHECK_FALSE(form.signatureMeaning().isEmpty());
        CHECK(form.comprehension().size() == 3);
    }
}

TEST_CASE("released template files are byte for byte the ones pinned here") {
    // A released template never changes: sealed consents name it by id, version and
    // language and hold the hash of the text rendered from it. Any change to a form's
    // wording is a new version in a new file (media-release.v2.<language>.json), and
    // this file is left as it is.
    CHECK(sha256Hex(shippedBytes(QStringLiteral("en"))) ==
          "fc79c15b329a1fef42779994d4913f7dd5f8abcf4e912988047e1d7b5637dc20");
    CHECK(sha256Hex(shippedBytes(QStringLiteral("es"))) ==
          "d4544e57d773d0b823a821703076fd19cd971f928731c9ef150f81540ec91cd1");
}

TEST_CASE("the shipped templates carry every section a media release requires") {
    CHECK(requiredSectionIds() ==
          QStringList{QStringLiteral("items"), QStringLiteral("discloser"),
                      QStringLiteral("recipients"), QStringLiteral("purposes"),
                      QStringLiteral("identifiability"), QStringLiteral("expiry"),
                      QStringLiteral("risks"), QStringLiteral("revocation"),
                      QStringLiteral("conditioning"), QStringLiteral("redisclosure"),
                      QStringLiteral("compensation"), QStringLiteral("copy")});
    for (const QString &language : shippedLanguages()) {
        CAPTURE(language);
        const QStringList ids = shipped(language).sectionIds();
        for (const QString &required : requiredSectionIds()) {
            CAPTURE(required);
            CHECK(ids.contains(required));
        }
        // In the order the validator names them.
        QStringList requiredInOrder = ids;
        requiredInOrder.removeIf(
            [](const QString &id) { return !requiredSectionIds().contains(id); });
        CHECK(requiredInOrder == requiredSectionIds());
    }
}

TEST_CASE("the Spanish form has the English form's sections, labels, questions and placeholders") {
    const ConsentTemplate en = shipped(QStringLiteral("en"));
    const ConsentTemplate es = shipped(QStringLiteral("es"));
    CHECK(en.sectionIds() == es.sectionIds());

    const auto enTexts = textsOf(en);
    const auto esTexts = textsOf(es);
    REQUIRE(enTexts.size() == esTexts.size());
    for (const auto &[where, text] : enTexts) {
        CAPTURE(where);
        REQUIRE(esTexts.count(where) == 1);
        CHECK(placeholders(text) == placeholders(esTexts.at(where)));
    }
    for (const QString &key : allLabelKeys()) {
        CAPTURE(key);
        CHECK(placeholders(en.label(key)) == placeholders(es.label(key)));
    }

    REQUIRE(en.comprehension().size() == es.comprehension().size());
    for (std::size_t i = 0; i < en.comprehension().size(); ++i) {
        const ComprehensionQuestion &enQuestion = en.comprehension().at(i);
        const ComprehensionQuestion &esQuestion = es.comprehension().at(i);
        CHECK(enQuestion.id == esQuestion.id);
        CHECK(enQuestion.answers.size() == esQuestion.answers.size());
        CHECK(enQuestion.correct == esQuestion.correct);
    }
    // parse() refuses a missing or an unknown label key, so both have exactly these keys.
    for (const QString &key : allLabelKeys()) {
        CAPTURE(key);
        CHECK_FALSE(en.label(key).isEmpty());
        CHECK_FALSE(es.label(key).isEmpty());
    }
}

TEST_CASE("the comprehension check asks about revoking, care and copies") {
    const ConsentTemplate en = shipped(QStringLiteral("en"));
    const auto &questions = en.comprehension();
    REQUIRE(questions.size() == 3);
    CHECK(questions.at(0).question == QStringLiteral("Can you stop future posts after you sign?"));
    CHECK(questions.at(0).answers.at(questions.at(0).correct).startsWith(u"Yes"));
    CHECK(questions.at(1).question == QStringLiteral("Will saying no change your care?"));
    CHECK(questions.at(1).answers.at(questions.at(1).correct).startsWith(u"No"));
    CHECK(questions.at(2).question ==
          QStringLiteral("Once something is posted, can every copy be deleted?"));
    CHECK(questions.at(2).answers.at(questions.at(2).correct).startsWith(u"No"));
    for (const ComprehensionQuestion &question : questions) {
        CHECK(question.answers.size() >= 2);
        CHECK(question.answers.size() <= 3);
        CHECK_FALSE(question.explanation.isEmpty());
    }
}

TEST_CASE("every vocabulary code has a label in every shipped template") {
    for (const QString &language : shippedLanguages()) {
        const ConsentTemplate form = shipped(language);
        for (const QString &key : allLabelKeys()) {
            CAPTURE(language, key);
            CHECK_FALSE(form.label(key).isEmpty());
        }
        CHECK(form.label(QStringLiteral("platform.myspace")).isEmpty());
    }
}

TEST_CASE("rendering fills every placeholder in both languages and every variant") {
    for (const QString &language : shippedLanguages()) {
        const ConsentTemplate form = shipped(language);
        for (const bool variant : {false, true}) {
            CAPTURE(language, variant);
            FormInputs inputs = sampleInputs(form);
            inputs.identifiable = variant;
            inputs.paid = variant;
            inputs.compensationDescription = QStringLiteral("a fee from Acme Skincare");
            inputs.expiryKind = variant ? FormInputs::Expiry::Event : FormInputs::Expiry::Date;
            inputs.expiryEvent = QStringLiteral("the end of my treatment");
            const QString text = form.renderText(inputs);
            CHECK_FALSE(text.contains(u'{'));
            CHECK_FALSE(text.contains(u'}'));
            CHECK_FALSE(text.contains(u'\r'));
            const auto sections = form.render(inputs);
            REQUIRE(sections.size() == form.sections().size());
            for (const RenderedSection &section : sections) {
                CHECK_FALSE(section.title.isEmpty());
                CHECK_FALSE(section.body.trimmed().isEmpty());
                CHECK_FALSE(section.body.contains(u'{'));
            }
        }
    }
}

TEST_CASE("the English form reads as expected for a sample consent") {
    const ConsentTemplate form = shipped(QStringLiteral("en"));
    FormInputs inputs = sampleInputs(form);
    const auto sections = form.render(inputs);

    CHECK(
        bodyOf(sections, QStringLiteral("items")) ==
        QStringLiteral("Only these items may be shared:\n"
                       "\u2022 Photo 1, taken March 2, 2026\n"
                       "\u2022 Photo 2, taken March 2, 2026\n"
                       "\u2022 Written story about your case: \"Treating a stubborn rash\" "
                       "(version 3)\n"
                       "This form does not allow sharing anything else from your health record."));
    CHECK(bodyOf(sections, QStringLiteral("discloser")) ==
          QStringLiteral("Dr. Ana Ruiz (MD, Dermatology) at Bayview Skin Clinic will use and "
                         "share these items."));
    // Two platforms: "a and b"; one audience: just it.
    CHECK(bodyOf(sections, QStringLiteral("recipients"))
              .startsWith(QStringLiteral("The items may be posted on: Instagram and the "
                                         "practice's own website or blog.\n\nThe posts can be "
                                         "seen by: anyone (the public). Anyone in these groups")));
    // Three purposes: "a, b and c".
    CHECK(bodyOf(sections, QStringLiteral("purposes")) ==
          QStringLiteral("The items will be used only for: educating the public about health, "
                         "teaching other healthcare professionals and raising awareness about "
                         "health."));
    CHECK(bodyOf(sections, QStringLiteral("expiry"))
              .startsWith(QStringLiteral("This permission ends on March 5, 2028. After that")));
    CHECK(bodyOf(sections, QStringLiteral("identifiability"))
              .startsWith(
                  QStringLiteral("Only changed copies will be shared. Your face, your name")));
    CHECK(bodyOf(sections, QStringLiteral("compensation")) ==
          QStringLiteral("The clinician and the practice will not be paid for sharing these "
                         "items."));
    CHECK(bodyOf(sections, QStringLiteral("revocation"))
              .contains(QStringLiteral("\u2022 send a signed letter to Bayview Skin Clinic at 200 "
                                       "Harbor Street, Suite 4, Bayview, CA 94000, or "
                                       "privacy@bayview.example, or\n\u2022 sign a cancellation on "
                                       "Dr. Ana Ruiz's device.")));

    SECTION("three platforms are joined with commas and a last \"and\"") {
        inputs.platforms = {QStringLiteral("youtube"), QStringLiteral("instagram"),
                            QStringLiteral("facebook")};
        CHECK(bodyOf(form.render(inputs), QStringLiteral("recipients"))
                  .startsWith(QLatin1String(
                      "The items may be posted on: Instagram, Facebook and YouTube.")));
    }
    SECTION("an event ends the permission, no later than its date") {
        inputs.expiryKind = FormInputs::Expiry::Event;
        inputs.expiryEvent = QStringLiteral("the end of my treatment");
        CHECK(bodyOf(form.render(inputs), QStringLiteral("expiry"))
                  .startsWith(QLatin1String(
                      "This permission ends when this happens: the end of my treatment. If that "
                      "has not happened by March 5, 2028, it ends on March 5, 2028. After that")));
    }
    SECTION("paid use names the payment") {
        inputs.paid = true;
        inputs.compensationDescription = QStringLiteral("a fee from Acme Skincare for one post");
        CHECK(bodyOf(form.render(inputs), QStringLiteral("compensation")) ==
              QStringLiteral("The clinician or the practice will be paid for sharing these items. "
                             "Details: a fee from Acme Skincare for one post"));
    }
    SECTION("identifiable use says people may recognize the patient") {
        inputs.identifiable = true;
        CHECK(bodyOf(form.render(inputs), QStringLiteral("identifiability"))
                  .startsWith(QStringLiteral("The items may be shared as they are.")));
    }
}

TEST_CASE("the Spanish form writes dates and lists the Spanish way") {
    const ConsentTemplate form = shipped(QStringLiteral("es"));
    const FormInputs inputs = sampleInputs(form);
    const auto sections = form.render(inputs);
    CHECK(form.formatDate(QDate(2027, 3, 5)) == QString::fromUtf8("5 de marzo de 2027"));
    CHECK(bodyOf(sections, QStringLiteral("items"))
              .contains(QString::fromUtf8("\u2022 Foto 1, tomada el 2 de marzo de 2026\n")));
    CHECK(bodyOf(sections, QStringLiteral("recipients"))
              .startsWith(QString::fromUtf8("Los elementos se pueden publicar en: Instagram y el "
                                            "sitio web o blog propio del consultorio.")));
    CHECK(bodyOf(sections, QStringLiteral("expiry"))
              .startsWith(QString::fromUtf8("Este permiso termina el 5 de marzo de 2028.")));
}

TEST_CASE("dates and item descriptions follow the template's language") {
    const ConsentTemplate en = shipped(QStringLiteral("en"));
    CHECK(en.formatDate(QDate(2027, 3, 5)) == QStringLiteral("March 5, 2027"));
    CHECK(en.formatDate(QDate(2030, 12, 31)) == QStringLiteral("December 31, 2030"));
    CHECK(en.formatDate(QDate(2031, 1, 1)) == QStringLiteral("January 1, 2031"));
    CHECK(en.describePhoto(4, QDate(2026, 11, 9)) ==
          QStringLiteral("Photo 4, taken November 9, 2026"));
    CHECK(
        en.describeStory(QStringLiteral("  A rash\nthat would not  go "), 2) ==
        QStringLiteral("Written story about your case: \"A rash that would not go\" (version 2)"));
    CHECK_THROWS_AS((void)en.formatDate(QDate()), TemplateError);
    CHECK_THROWS_AS((void)en.describePhoto(0, PhotoDate), TemplateError);
    CHECK_THROWS_AS((void)en.describePhoto(1, QDate()), TemplateError);
    CHECK_THROWS_AS((void)en.describeStory(QStringLiteral(" "), 1), TemplateError);
    CHECK_THROWS_AS((void)en.describeStory(QStringLiteral("A rash"), 0), TemplateError);

    const ConsentTemplate es = shipped(QStringLiteral("es"));
    CHECK(es.describePhoto(4, QDate(2026, 11, 9)) ==
          QString::fromUtf8("Foto 4, tomada el 9 de noviembre de 2026"));
}

TEST_CASE("the rendered text is the title and each section, separated by blank lines") {
    const ConsentTemplate form = shipped(QStringLiteral("en"));
    const FormInputs inputs = sampleInputs(form);
    QString expected = form.title();
    for (const RenderedSection &section : form.render(inputs)) {
        expected += QStringLiteral("\n\n") + section.title + QStringLiteral("\n\n") + section.body;
    }
    const QString text = form.renderText(inputs);
    CHECK(text == expected);
    CHECK(text.startsWith(QLatin1String(
        "Permission to share your photos or story on social media\n\nAbout this form\n\nDr. Ana "
        "Ruiz is asking for your permission")));
    CHECK(text.endsWith(QStringLiteral("Your copy\n\nYou will get a copy of this form after you "
                                       "sign it.")));
}

TEST_CASE("the same template and inputs always give the same text and hash") {
    const ConsentTemplate form = shipped(QStringLiteral("en"));
    const FormInputs inputs = sampleInputs(form);
    const QString hash = form.textSha256(inputs);
    CHECK(hash == form.textSha256(inputs));
    CHECK(hash == shipped(QStringLiteral("en")).textSha256(sampleInputs(form)));
    CHECK(hash == QString::fromStdString(sha256Hex(form.renderText(inputs).toUtf8())));
    CHECK(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$")).match(hash).hasMatch());

    // Scope is a set: the order codes were picked in does not change the form.
    FormInputs reordered = inputs;
    std::reverse(reordered.platforms.begin(), reordered.platforms.end());
    std::reverse(reordered.purposes.begin(), reordered.purposes.end());
    CHECK(form.textSha256(reordered) == hash);
    // What the form does not show does not change it either.
    FormInputs unused = inputs;
    unused.expiryEvent = QStringLiteral("the end of my treatment");
    unused.compensationDescription = QStringLiteral("nothing");
    CHECK(form.textSha256(unused) == hash);

    CHECK(shipped(QStringLiteral("es")).textSha256(sampleInputs(shipped(QStringLiteral("es")))) !=
          hash);
}

TEST_CASE("changing any input the form shows changes the hash") {
    const ConsentTemplate form = shipped(QStringLiteral("en"));
    const FormInputs base = sampleInputs(form);
    const std::vector<std::pair<const char *, std::function<void(FormInputs &)>>> changes{
        {"another item",
         [&](FormInputs &in) {
             in.itemDescriptions.append(form.describePhoto(3, PhotoDate));
         }},
        {"an item's description",
         [](FormInputs &in) {
             in.itemDescriptions[0] += u'.';
         }},
        {"item order",
         [](FormInputs &in) {
             in.itemDescriptions.swapItemsAt(0, 2);
         }},
        {"clinician",
         [](FormInputs &in) {
             in.clinicianName = QStringLiteral("Dr. Ana Ruiz-Lee");
         }},
        {"credentials",
         [](FormInputs &in) {
             in.clinicianCredentials = QStringLiteral("DO");
         }},
        {"practice",
         [](FormInputs &in) {
             in.practiceName = QStringLiteral("Bayview Clinic");
         }},
        {"contact",
         [](FormInputs &in) {
             in.practiceContact = QStringLiteral("privacy@x.example");
         }},
        {"platforms",
         [](FormInputs &in) {
             in.platforms.append(QStringLiteral("tiktok"));
         }},
        {"audiences",
         [](FormInputs &in) {
             in.audiences = {QStringLiteral("followers")};
         }},
        {"purposes",
         [](FormInputs &in) {
             in.purposes.removeLast();
         }},
        {"identifiable",
         [](FormInputs &in) {
             in.identifiable = true;
         }},
        {"expiry date",
         [](FormInputs &in) {
             in.expiryDate = in.expiryDate.addDays(1);
         }},
        {"expiry event",
         [](FormInputs &in) {
             in.expiryKind = FormInputs::Expiry::Event;
             in.expiryEvent = QStringLiteral("the end of my treatment");
         }},
        {"expiry event text",
         [](FormInputs &in) {
             in.expiryKind = FormInputs::Expiry::Event;
             in.expiryEvent = QStringLiteral("the end of my treatment course");
         }},
        {"paid",
         [](FormInputs &in) {
             in.paid = true;
             in.compensationDescription = QStringLiteral("a fee from Acme Skincare");
         }},
        {"payment description",
         [](FormInputs &in) {
             in.paid = true;
             in.compensationDescription = QStringLiteral("a fee from Acme Skincare, $200");
         }},
    };
    std::set<QString> hashes{form.textSha256(base)};
    for (const auto &[name, change] : changes) {
        CAPTURE(name);
        FormInputs changed = base;
        change(changed);
        CHECK(hashes.insert(form.textSha256(changed)).second);
    }
}

TEST_CASE("the rendered text is in Unicode NFC whatever the input's normalization") {
    const ConsentTemplate form = shipped(QStringLiteral("en"));
    FormInputs decomposed = sampleInputs(form);
    decomposed.clinicianName = QStringLiteral("Dr. Jose\u0301 Pe\u0301rez");
    FormInputs composed = decomposed;
    composed.clinicianName = QStringLiteral("Dr. Jos\u00e9 P\u00e9rez");
    const QString text = form.renderText(decomposed);
    CHECK(text.contains(QStringLiteral("Dr. Jos\u00e9 P\u00e9rez")));
    CHECK_FALSE(text.contains(QChar(0x0301)));
    CHECK(text == text.normalized(QString::NormalizationForm_C));
    CHECK(form.textSha256(decomposed) == form.textSha256(composed));
    CHECK(bodyOf(form.render(decomposed), QStringLiteral("discloser"))
              .startsWith(QStringLiteral("Dr. Jos\u00e9 P\u00e9rez (MD")));

    // Template text too.
    QJsonObject root = shippedObject(QStringLiteral("en"));
    root.insert(QStringLiteral("title"), QStringLiteral("Cafe\u0301 photos"));
    const ConsentTemplate edited =
        ConsentTemplate::parse(QJsonDocument(root).toJson(QJsonDocument::Compact));
    CHECK(edited.renderText(composed).startsWith(QStringLiteral("Caf\u00e9 photos\n\n")));
}

TEST_CASE("text inputs are shown on one line with single spaces") {
    const ConsentTemplate form = shipped(QStringLiteral("en"));
    FormInputs inputs = sampleInputs(form);
    inputs.clinicianName = QStringLiteral("  Dr.\tAna\r\n Ruiz ");
    inputs.practiceContact = QStringLiteral("200 Harbor Street\nBayview, CA 94000");
    const auto sections = form.render(inputs);
    CHECK(bodyOf(sections, QStringLiteral("discloser")).startsWith(u"Dr. Ana Ruiz (MD"));
    CHECK(bodyOf(sections, QStringLiteral("revocation"))
              .contains(u"at 200 Harbor Street Bayview, CA 94000, or\n"));
    CHECK(form.textSha256(inputs) != form.textSha256(sampleInputs(form)));
    inputs.clinicianName = QStringLiteral("Dr. Ana Ruiz");
    inputs.practiceContact = sampleInputs(form).practiceContact;
    CHECK(form.textSha256(inputs) == form.textSha256(sampleInputs(form)));
}

TEST_CASE("rendering refuses inputs that would leave the form incomplete") {
    const ConsentTemplate form = shipped(QStringLiteral("en"));
    const auto refusal = [&form](const std::function<void(FormInputs &)> &change) {
        FormInputs inputs = sampleInputs(form);
        change(inputs);
        try {
            (void)form.renderText(inputs);
        } catch (const TemplateError &error) {
            return std::string(error.what());
        }
        return std::string("accepted");
    };
    CHECK(refusal([](FormInputs &) {}) == "accepted");
    CHECK_THAT(refusal([](FormInputs &in) { in.itemDescriptions.clear(); }),
               ContainsSubstring("no items to share"));
    CHECK_THAT(refusal([](FormInputs &in) { in.itemDescriptions.append(QStringLiteral(" \n")); }),
               ContainsSubstring("description of item 4"));
    CHECK_THAT(refusal([](FormInputs &in) { in.clinicianName = QStringLiteral("  "); }),
               ContainsSubstring("no clinician name given"));
    CHECK_THAT(refusal([](FormInputs &in) { in.clinicianCredentials.clear(); }),
               ContainsSubstring("no clinician credentials given"));
    CHECK_THAT(refusal([](FormInputs &in) { in.practiceName.clear(); }),
               ContainsSubstring("no practice name given"));
    CHECK_THAT(refusal([](FormInputs &in) { in.practiceContact.clear(); }),
               ContainsSubstring("no practice contact"));
    CHECK_THAT(refusal([](FormInputs &in) { in.platforms.clear(); }),
               ContainsSubstring("no platform chosen"));
    CHECK_THAT(refusal([](FormInputs &in) { in.platforms.append(QStringLiteral("myspace")); }),
               ContainsSubstring("unknown platform \"myspace\""));
    CHECK_THAT(refusal([](FormInputs &in) { in.platforms.append(QStringLiteral("instagram")); }),
               ContainsSubstring("platform \"instagram\" chosen twice"));
    CHECK_THAT(refusal([](FormInputs &in) { in.audiences.clear(); }),
               ContainsSubstring("no audience chosen"));
    CHECK_THAT(refusal([](FormInputs &in) { in.purposes = {QStringLiteral("sales")}; }),
               ContainsSubstring("unknown purpose \"sales\""));
    CHECK_THAT(refusal([](FormInputs &in) { in.expiryDate = QDate(); }),
               ContainsSubstring("no valid expiry date"));
    CHECK_THAT(refusal([](FormInputs &in) {
                   in.expiryKind = FormInputs::Expiry::Event;
                   in.expiryDate = QDate();
                   in.expiryEvent = QStringLiteral("the end of my treatment");
               }),
               ContainsSubstring("no valid expiry date"));
    CHECK_THAT(refusal([](FormInputs &in) { in.expiryKind = FormInputs::Expiry::Event; }),
               ContainsSubstring("no expiry event given"));
    CHECK_THAT(refusal([](FormInputs &in) { in.paid = true; }),
               ContainsSubstring("no description of the payment given"));
    CHECK_THAT(refusal([](FormInputs &in) { in.clinicianName = QStringLiteral("Dr.\x07 Ruiz"); }),
               ContainsSubstring("clinician name contains a control character"));
}

TEST_CASE("a template with a missing or mistyped member is refused, naming it") {
    CHECK(verdict(shippedObject(QStringLiteral("en"))) == "accepted");
    CHECK_THAT(verdict(withMember(QStringLiteral("signatureMeaning"), QJsonValue::Undefined)),
               ContainsSubstring("missing member \"signatureMeaning\""));
    CHECK_THAT(verdict(withMember(QStringLiteral("version"), QStringLiteral("1"))),
               ContainsSubstring("\"version\" must be an integer"));
    CHECK_THAT(verdict(withMember(QStringLiteral("version"), 1.5)),
               ContainsSubstring("\"version\" must be an integer"));
    CHECK_THAT(verdict(withMember(QStringLiteral("version"), 0)),
               ContainsSubstring("\"version\" must be between 1"));
    CHECK_THAT(verdict(withMember(QStringLiteral("title"), 7)),
               ContainsSubstring("\"title\" must be a string"));
    CHECK_THAT(verdict(withMember(QStringLiteral("labels"), QJsonArray())),
               ContainsSubstring("\"labels\" must be an object"));
    CHECK_THAT(verdict(withMember(QStringLiteral("sections"), QJsonObject())),
               ContainsSubstring("\"sections\" must be an array"));
    CHECK_THAT(verdict(withMember(QStringLiteral("sections"), QJsonArray())),
               ContainsSubstring("1 to 64 sections"));
    CHECK_THAT(verdict(withMember(QStringLiteral("comprehension"), QJsonArray())),
               ContainsSubstring("1 to 16 comprehension questions"));
    CHECK_THAT(verdict(withMember(QStringLiteral("footer"), QStringLiteral("x"))),
               ContainsSubstring("unknown member \"footer\""));
    CHECK_THAT(verdict(withMember(QStringLiteral("format"), QStringLiteral("consentcam/x"))),
               ContainsSubstring("unsupported template format \"consentcam/x\""));
    CHECK_THAT(verdict(withMember(QStringLiteral("format"), QJsonValue::Undefined)),
               ContainsSubstring("not a consent template"));
    CHECK_THAT(verdict(withMember(QStringLiteral("id"), QStringLiteral("Media Release"))),
               ContainsSubstring("template id \"Media Release\""));
    CHECK_THAT(verdict(withMember(QStringLiteral("language"), QStringLiteral("english"))),
               ContainsSubstring("language \"english\""));
    // A final line break, which "$" alone would let through (found by fuzzing).
    CHECK_THAT(verdict(withMember(QStringLiteral("id"), QStringLiteral("media-release\n"))),
               ContainsSubstring("must be lowercase letters, digits and '-'"));
    CHECK_THAT(verdict(withMember(QStringLiteral("language"), QStringLiteral("en\n"))),
               ContainsSubstring("is not a language code"));
    CHECK_THAT(verdict(withMember(QStringLiteral("agreeStatement"), QStringLiteral("  "))),
               ContainsSubstring("\"agreeStatement\": empty text"));
    CHECK_THAT(verdict(withMember(QStringLiteral("title"), QStringLiteral("Two\nlines"))),
               ContainsSubstring("\"title\": line break not allowed"));
    CHECK_THAT(verdict(withMember(QStringLiteral("title"), QStringLiteral("Tab\there"))),
               ContainsSubstring("\"title\": control character U+0009 not allowed"));
    CHECK_THAT(verdict(withMember(QStringLiteral("listLastSeparator"), QString())),
               ContainsSubstring("\"listLastSeparator\": empty text"));
    CHECK_THAT(verdict(withSection(2, QStringLiteral("title"), QJsonValue::Undefined)),
               ContainsSubstring("section 3: missing member \"title\""));
    CHECK_THAT(verdict(withSection(2, QStringLiteral("body"), true)),
               ContainsSubstring("section 3 \"body\" must be a string"));
    CHECK_THAT(verdict(withSection(2, QStringLiteral("note"), QStringLiteral("x"))),
               ContainsSubstring("section 3: unknown member \"note\""));
}

TEST_CASE("a template that is not a JSON object, or not strict JSON, is refused") {
    CHECK_THAT(verdict(QByteArrayView("")), ContainsSubstring("not valid JSON"));
    CHECK_THAT(verdict(QByteArrayView("{\"format\":")), ContainsSubstring("not valid JSON"));
    CHECK_THAT(verdict(QByteArrayView("[1, 2]")),
               ContainsSubstring("a template must be a JSON object"));
    CHECK_THAT(
        verdict(QByteArrayView("{\"format\":\"consentcam/consent-template/v1\",\"format\":\"x\"}")),
        ContainsSubstring("not valid JSON"));
    const QByteArray bom = QByteArray("\xEF\xBB\xBF") + shippedBytes(QStringLiteral("en"));
    CHECK_THAT(verdict(bom), ContainsSubstring("not valid JSON"));
    const QByteArray huge(300 * 1024, ' ');
    CHECK_THAT(verdict(huge), ContainsSubstring("larger than 256 KiB"));
}

TEST_CASE("placeholders are allowed only where the format lists them") {
    const qsizetype purposes = sectionIndex(QStringLiteral("purposes"));
    const QString where = QStringLiteral("section %1 \"body\": ").arg(purposes + 1);
    CHECK_THAT(
        verdict(withSection(purposes, QStringLiteral("body"),
                            QStringLiteral("For {purposes} and {foo}."))),
        ContainsSubstring((where + QStringLiteral("unknown placeholder {foo}")).toStdString()));
    CHECK_THAT(verdict(withSection(purposes, QStringLiteral("body"),
                                   QStringLiteral("For {purposes} on {date}."))),
               ContainsSubstring("unknown placeholder {date}"));
    CHECK_THAT(verdict(withSection(purposes, QStringLiteral("body"),
                                   QStringLiteral("For {purposes} {}."))),
               ContainsSubstring("unknown placeholder {}"));
    CHECK_THAT(
        verdict(withSection(purposes, QStringLiteral("body"), QStringLiteral("For {purposes."))),
        ContainsSubstring("'{' without a matching '}'"));
    CHECK_THAT(verdict(withSection(purposes, QStringLiteral("body"),
                                   QStringLiteral("For {purposes} {x{purposes}."))),
               ContainsSubstring("'{' without a matching '}'"));
    CHECK_THAT(
        verdict(withSection(purposes, QStringLiteral("body"), QStringLiteral("For {purposes}}."))),
        ContainsSubstring("'}' without a matching '{'"));
    CHECK_THAT(verdict(withSection(purposes, QStringLiteral("title"),
                                   QStringLiteral("Why {clinician} shares"))),
               ContainsSubstring("\"title\": unknown placeholder {clinician}"));
    CHECK_THAT(verdict(withMember(QStringLiteral("agreeStatement"),
                                  QStringLiteral("I agree with {clinician}."))),
               ContainsSubstring("\"agreeStatement\": unknown placeholder {clinician}"));
    CHECK_THAT(verdict(withLabel(QStringLiteral("platform.x"), QStringLiteral("X {n}"))),
               ContainsSubstring("label \"platform.x\": unknown placeholder {n}"));
    CHECK_THAT(verdict(withLabel(QStringLiteral("expiry.date"),
                                 QStringLiteral("Ends on {date} or {event}."))),
               ContainsSubstring("label \"expiry.date\": unknown placeholder {event}"));
    CHECK_THAT(verdict(withMember(QStringLiteral("dateFormat"), QStringLiteral("{month} {year}"))),
               ContainsSubstring("\"dateFormat\": must use {day}"));
    CHECK_THAT(verdict(withMember(QStringLiteral("dateFormat"),
                                  QStringLiteral("{weekday} {month} {day}, {year}"))),
               ContainsSubstring("\"dateFormat\": unknown placeholder {weekday}"));
    CHECK_THAT(verdict(withQuestion(0, QStringLiteral("question"),
                                    QStringLiteral("Can {clinician} post?"))),
               ContainsSubstring("question 1 \"question\": unknown placeholder {clinician}"));
    // A placeholder may appear in any section body, and more than once.
    CHECK(verdict(withSection(sectionIndex(QStringLiteral("copy")), QStringLiteral("body"),
                              QStringLiteral("{clinician} will give you a copy. Ask "
                                             "{clinician}."))) == "accepted");
}

TEST_CASE("labels and required sections must use the placeholders their statement needs") {
    CHECK_THAT(verdict(withLabel(QStringLiteral("expiry.date"), QStringLiteral("It ends."))),
               ContainsSubstring("label \"expiry.date\": must use {date}"));
    CHECK_THAT(verdict(withLabel(QStringLiteral("expiry.event"), QStringLiteral("Ends: {event}."))),
               ContainsSubstring("label \"expiry.event\": must use {date}"));
    CHECK_THAT(verdict(withLabel(QStringLiteral("item.photo"), QStringLiteral("Photo {n}"))),
               ContainsSubstring("label \"item.photo\": must use {date}"));
    CHECK_THAT(verdict(withLabel(QStringLiteral("compensation.paid"), QStringLiteral("Paid."))),
               ContainsSubstring("label \"compensation.paid\": must use {description}"));

    const auto without = [](const char *id, const char *body) {
        return verdict(withSection(sectionIndex(QLatin1String(id)), QStringLiteral("body"),
                                   QLatin1String(body)));
    };
    CHECK_THAT(without("items", "Your photos."), ContainsSubstring("must use {items}"));
    CHECK_THAT(without("discloser", "{clinician} at {practice}."),
               ContainsSubstring("must use {credentials}"));
    CHECK_THAT(without("recipients", "On {platforms}."), ContainsSubstring("must use {audiences}"));
    CHECK_THAT(without("purposes", "For teaching."), ContainsSubstring("must use {purposes}"));
    CHECK_THAT(without("identifiability", "Maybe."),
               ContainsSubstring("must use {identifiability}"));
    CHECK_THAT(without("expiry", "Forever."), ContainsSubstring("must use {expiry}"));
    CHECK_THAT(without("revocation", "Write to {practice}."),
               ContainsSubstring("must use {practice_contact}"));
    CHECK_THAT(without("compensation", "None."), ContainsSubstring("must use {compensation}"));
    CHECK_THAT(without("items", "Shared: {items}"),
               ContainsSubstring("{items} must be on a line of its own"));
    CHECK_THAT(without("items", "{items} and more"),
               ContainsSubstring("{items} must be on a line of its own"));
    CHECK(without("items", "{items}") == "accepted");
}

TEST_CASE("a template without a label for every vocabulary code is refused") {
    for (const QString &key : allLabelKeys()) {
        CAPTURE(key);
        CHECK_THAT(verdict(withLabel(key, QJsonValue::Undefined)),
                   ContainsSubstring(("missing label \"" + key + "\"").toStdString()));
    }
    CHECK_THAT(verdict(withLabel(QStringLiteral("platform.myspace"), QStringLiteral("MySpace"))),
               ContainsSubstring("unknown label \"platform.myspace\""));
    CHECK_THAT(verdict(withLabel(QStringLiteral("platform.x"), QStringLiteral(""))),
               ContainsSubstring("label \"platform.x\": empty text"));
    CHECK_THAT(verdict(withLabel(QStringLiteral("platform.x"), 3)),
               ContainsSubstring("label \"platform.x\": must be a string"));
}

TEST_CASE("section ids are unique identifiers") {
    CHECK_THAT(verdict(withSection(3, QStringLiteral("id"), QStringLiteral("items"))),
               ContainsSubstring("section 4: duplicate section id \"items\""));
    CHECK_THAT(verdict(withSection(0, QStringLiteral("id"), QStringLiteral("About"))),
               ContainsSubstring("section 1: id \"About\""));
    CHECK_THAT(verdict(withSection(0, QStringLiteral("id"), QString())),
               ContainsSubstring("section 1: id \"\""));
}

TEST_CASE("months must be exactly twelve names") {
    QJsonArray months = shippedObject(QStringLiteral("en")).value(u"months").toArray();
    months.removeLast();
    CHECK_THAT(verdict(withMember(QStringLiteral("months"), months)),
               ContainsSubstring("must name 12 months, not 11"));
    months.append(QStringLiteral("December"));
    months.append(QStringLiteral("Undecimber"));
    CHECK_THAT(verdict(withMember(QStringLiteral("months"), months)),
               ContainsSubstring("must name 12 months, not 13"));
    months.removeLast();
    months.replace(4, 5);
    CHECK_THAT(verdict(withMember(QStringLiteral("months"), months)),
               ContainsSubstring("month 5: must be a string"));
    months.replace(4, QStringLiteral(""));
    CHECK_THAT(verdict(withMember(QStringLiteral("months"), months)),
               ContainsSubstring("month 5: empty text"));
}

TEST_CASE("comprehension questions need answers and a valid correct index") {
    CHECK_THAT(verdict(withQuestion(1, QStringLiteral("correct"), 2)),
               ContainsSubstring("question 2: \"correct\" must be an answer index from 0 to 1"));
    CHECK_THAT(verdict(withQuestion(1, QStringLiteral("correct"), -1)),
               ContainsSubstring("question 2: \"correct\" must be an answer index"));
    CHECK_THAT(verdict(withQuestion(1, QStringLiteral("correct"), 0.5)),
               ContainsSubstring("question 2: \"correct\" must be an integer"));
    CHECK_THAT(verdict(withQuestion(1, QStringLiteral("correct"), QStringLiteral("0"))),
               ContainsSubstring("question 2: \"correct\" must be an integer"));
    CHECK_THAT(
        verdict(withQuestion(0, QStringLiteral("answers"), QJsonArray{QStringLiteral("Yes")})),
        ContainsSubstring("question 1: must have 2 to 6 answers, not 1"));
    CHECK_THAT(verdict(withQuestion(0, QStringLiteral("answers"),
                                    QJsonArray{QStringLiteral("Yes"), QStringLiteral("Yes")})),
               ContainsSubstring("question 1 answer 2: the same as an earlier answer"));
    CHECK_THAT(
        verdict(withQuestion(0, QStringLiteral("answers"), QJsonArray{QStringLiteral("Yes"), 2})),
        ContainsSubstring("question 1 answer 2: must be a string"));
    CHECK_THAT(verdict(withQuestion(2, QStringLiteral("id"), QStringLiteral("care_unchanged"))),
               ContainsSubstring("question 3: duplicate question id \"care_unchanged\""));
    CHECK_THAT(verdict(withQuestion(2, QStringLiteral("explanation"), QStringLiteral(""))),
               ContainsSubstring("question 3 \"explanation\": empty text"));
}

TEST_CASE("the catalog finds templates by id, version and language") {
    TemplateCatalog catalog;
    CHECK(catalog.find(QStringLiteral("media-release"), 1, QStringLiteral("en")) == nullptr);
    CHECK(catalog.latest(QStringLiteral("media-release"), QStringLiteral("en")) == nullptr);
    CHECK(catalog.languages(QStringLiteral("media-release")).isEmpty());

    catalog.add(shipped(QStringLiteral("es")));
    catalog.add(shipped(QStringLiteral("en")));
    QJsonObject next = shippedObject(QStringLiteral("en"));
    next.insert(QStringLiteral("version"), 2);
    next.insert(QStringLiteral("title"), QStringLiteral("Permission to share, second edition"));
    catalog.add(ConsentTemplate::parse(QJsonDocument(next).toJson()));
    REQUIRE(catalog.all().size() == 3);

    const ConsentTemplate *v1 =
        catalog.find(QStringLiteral("media-release"), 1, QStringLiteral("en"));
    REQUIRE(v1 != nullptr);
    CHECK(v1->version() == 1);
    CHECK(v1->language() == QStringLiteral("en"));
    CHECK(catalog.find(QStringLiteral("media-release"), 2, QStringLiteral("es")) == nullptr);
    CHECK(catalog.find(QStringLiteral("photo-release"), 1, QStringLiteral("en")) == nullptr);

    const ConsentTemplate *latestEn =
        catalog.latest(QStringLiteral("media-release"), QStringLiteral("en"));
    REQUIRE(latestEn != nullptr);
    CHECK(latestEn->version() == 2);
    CHECK(latestEn->title() == QStringLiteral("Permission to share, second edition"));
    const ConsentTemplate *latestEs =
        catalog.latest(QStringLiteral("media-release"), QStringLiteral("es"));
    REQUIRE(latestEs != nullptr);
    CHECK(latestEs->version() == 1);
    CHECK(catalog.latest(QStringLiteral("media-release"), QStringLiteral("fr")) == nullptr);
    CHECK(catalog.languages(QStringLiteral("media-release")) ==
          QStringList{QStringLiteral("en"), QStringLiteral("es")});

    CHECK_THROWS_WITH(catalog.add(shipped(QStringLiteral("en"))),
                      ContainsSubstring("media-release version 1 (en) is already in the catalog"));
    CHECK(catalog.all().size() == 3);
}
