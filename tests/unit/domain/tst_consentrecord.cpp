// Sealed consent records: their JSON form, the canonical bytes that are hashed and signed,
// the strict reading of those bytes, and the instant a consent ends.

#include "domain/consentrecord.h"

#include "domain/canonicaljson.h"
#include "domain/consenttemplate.h"
#include "domain/ids.h"
#include "domain/signature.h"
#include "domain/timestamps.h"
#include "domaintestsupport.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

using namespace cc::domain;
using Catch::Matchers::ContainsSubstring;

namespace {

// Every optional part present: a parent signs for the patient with a photo of the
// authority document, a witness signs, the use is paid and the consent ends on an event.
ConsentRecord fullRecord() {
    ConsentRecord record = test::validRecord();
    record.signer = {QStringLiteral("parent_guardian"), QStringLiteral("Ben Example"),
                     QStringLiteral("father"), QStringLiteral("parent of the patient, a minor"),
                     ids::generate(ids::Kind::Photo)};
    record.printedName = QStringLiteral("Ben Example");
    record.witness =
        Witness{QStringLiteral("Carla Nurse"), syntheticSignature(11), record.signedAt.addSecs(30)};
    record.paid = true;
    record.compensationDescription = QStringLiteral("Bayview Skin Clinic pays the clinician $50");
    record.expiry = {Expiry::Kind::Event, QDate(2027, 11, 2),
                     QStringLiteral("the end of my treatment")};
    record.policy.witnessRequired = true;
    test::refreshFormHash(record);
    return record;
}

// value with the object at path (member names, or indexes into arrays) changed by edit.
QJsonValue edited(const QJsonValue &value, QStringList path,
                  const std::function<void(QJsonObject &)> &edit) {
    if (path.isEmpty()) {
        QJsonObject object = value.toObject();
        edit(object);
        return object;
    }
    const QString step = path.takeFirst();
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        const auto index = qsizetype(step.toInt());
        array.replace(index, edited(array.at(index), path, edit));
        return array;
    }
    QJsonObject object = value.toObject();
    object.insert(step, edited(object.value(step), path, edit));
    return object;
}

// The record's canonical bytes with member name of the object at path set to value.
QByteArray withMember(const ConsentRecord &record, const QStringList &path, const QString &name,
                      const QJsonValue &value) {
    return canonicalJson(
        edited(record.toJson(), path, [&](QJsonObject &object) { object.insert(name, value); }));
}

QByteArray withoutMember(const ConsentRecord &record, const QStringList &path,
                         const QString &name) {
    return canonicalJson(
        edited(record.toJson(), path, [&](QJsonObject &object) { object.remove(name); }));
}

// The paths of every object in a record's JSON, the record itself first.
const std::vector<QStringList> &objectPaths() {
    static const std::vector<QStringList> paths{
        {},
        {QStringLiteral("patient")},
        {QStringLiteral("form")},
        {QStringLiteral("items"), QStringLiteral("0")},
        {QStringLiteral("items"), QStringLiteral("2")},
        {QStringLiteral("discloser")},
        {QStringLiteral("scope")},
        {QStringLiteral("expiry")},
        {QStringLiteral("compensation")},
        {QStringLiteral("signer")},
        {QStringLiteral("signature")},
        {QStringLiteral("signature"), QStringLiteral("strokes")},
        {QStringLiteral("intent")},
        {QStringLiteral("witness")},
        {QStringLiteral("witness"), QStringLiteral("strokes")},
        {QStringLiteral("policy")},
    };
    return paths;
}

QJsonObject objectAt(const QJsonObject &json, const QStringList &path) {
    QJsonValue value = json;
    for (const QString &step : path)
        value = value.isArray() ? value.toArray().at(step.toInt()) : value.toObject().value(step);
    return value.toObject();
}

std::string readError(const QByteArray &bytes) {
    try {
        (void)parseSealedRecord(bytes);
    } catch (const RecordError &error) {
        return error.what();
    }
    return {};
}

QByteArray replaced(QByteArray bytes, const QByteArray &before, const QByteArray &after) {
    REQUIRE(bytes.count(before) == 1);
    return bytes.replace(before, after);
}

} // namespace

// --- JSON and canonical bytes -----------------------------------------------------------

TEST_CASE("a record survives toJson and fromJson unchanged") {
    for (const ConsentRecord &record : {test::validRecord(), fullRecord(), ConsentRecord{}}) {
        CHECK(ConsentRecord::fromJson(record.toJson()) == record);
    }
}

TEST_CASE("the canonical bytes of a record parse back to an equal record") {
    for (const ConsentRecord &record : {test::validRecord(), fullRecord()}) {
        const QByteArray bytes = record.canonical();
        CHECK(isCanonicalJson(bytes));
        CHECK(record.canonical() == bytes);
        const ConsentRecord parsed = parseSealedRecord(bytes);
        CHECK(parsed == record);
        CHECK(parsed.canonical() == bytes);
    }
}

TEST_CASE("canonical bytes have sorted members, no whitespace and times in the one UTC form") {
    const ConsentRecord record = test::validRecord();
    const QByteArray bytes = record.canonical();
    CHECK(bytes.startsWith(R"({"compensation":{"description":"","paid":false},)"
                           R"("countersignedAt":"2026-11-02T09:31:30.000Z","deviceKey":")"));
    CHECK(
        bytes.contains(R"("intent":{"agreed":true,"at":"2026-11-02T09:29:40.000Z","statement":")"));
    CHECK(bytes.contains(R"("patient":{"id":")" + record.patientId.toUtf8() +
                         R"(","name":"Ada Example"})"));
    CHECK(bytes.contains(R"("policy":{"allowedPlatforms":["instagram","facebook","x","tiktok",)"
                         R"("linkedin","youtube","threads","bluesky","mastodon","website"],)"
                         R"("maxDurationDays":730,"witnessRequired":false})"));
    CHECK(bytes.contains(R"("expiry":{"date":"2027-11-02","event":"","kind":"date"})"));
    CHECK(bytes.contains(R"("sealedAt":"2026-11-02T09:32:00.000Z")"));
    CHECK(bytes.endsWith(
        R"("startsAt":"2026-11-02T09:32:00.000Z","type":"consentcam/consent",)"
        R"("utcOffsetMinutes":-300,"v":1,"vault":"0123456789abcdef0123456789abcdef",)"
        R"("witness":null})"));
    CHECK_FALSE(bytes.contains('\n'));
}

TEST_CASE("sealed bytes that are not in canonical form are refused") {
    const ConsentRecord record = test::validRecord();
    const QByteArray bytes = record.canonical();
    const QByteArray patient =
        R"("patient":{"id":")" + record.patientId.toUtf8() + R"(","name":"Ada Example"})";

    const std::vector<std::pair<const char *, QByteArray>> variants{
        {"indented", QJsonDocument(record.toJson()).toJson(QJsonDocument::Indented)},
        {"a space after a colon",
         replaced(bytes, R"("utcOffsetMinutes":-300)", R"("utcOffsetMinutes": -300)")},
        {"a space after a comma", replaced(bytes, R"(,"v":1,)", R"(, "v":1,)")},
        {"a line break at the end", bytes + '\n'},
        {"a space in front", ' ' + bytes},
        {"the version moved to the front",
         replaced(replaced(bytes, R"(,"v":1,)", ","), "{\"compensation\"",
                  "{\"v\":1,\"compensation\"")},
        {"the patient's members reordered", replaced(bytes, patient,
                                                     R"("patient":{"name":"Ada Example","id":")" +
                                                         record.patientId.toUtf8() + R"("})")},
        {"a number written as a fraction", replaced(bytes, R"("v":1,)", R"("v":1.0,)")},
        {"a number with an exponent",
         replaced(bytes, R"("utcOffsetMinutes":-300)", R"("utcOffsetMinutes":-3e2)")},
        {"a letter escaped", replaced(bytes, R"("Ada Example"})", R"("\u0041da Example"})")},
        {"a slash escaped",
         replaced(bytes, R"("type":"consentcam/consent")", R"("type":"consentcam\/consent")")},
    };
    for (const auto &[what, variant] : variants) {
        CAPTURE(what);
        // The same record, only not written the one way a sealed record is written.
        REQUIRE(ConsentRecord::fromJson(parseJsonStrict(variant).toObject()) == record);
        CHECK_THROWS_WITH(parseSealedRecord(variant), ContainsSubstring("not in canonical form"));
    }
}

TEST_CASE("an extra member anywhere in a record is refused") {
    const ConsentRecord record = fullRecord();
    for (const QStringList &path : objectPaths()) {
        CAPTURE(path.join(u'/'));
        const QByteArray bytes =
            withMember(record, path, QStringLiteral("note"), QStringLiteral("added later"));
        CHECK_THROWS_AS(parseSealedRecord(bytes), RecordError);
        CHECK_THROWS_AS(ConsentRecord::fromJson(parseJsonStrict(bytes).toObject()), RecordError);
    }
}

TEST_CASE("a missing member anywhere in a record is refused") {
    const ConsentRecord record = fullRecord();
    const QJsonObject json = record.toJson();
    int checked = 0;
    for (const QStringList &path : objectPaths()) {
        for (const QString &name : objectAt(json, path).keys()) {
            CAPTURE(path.join(u'/'), name);
            const QByteArray bytes = withoutMember(record, path, name);
            CHECK_THROWS_AS(parseSealedRecord(bytes), RecordError);
            ++checked;
        }
    }
    CHECK(checked == 21 + 2 + 5 + 5 + 5 + 4 + 4 + 3 + 2 + 6 + 4 + 2 + 3 + 3 + 2 + 3);
}

TEST_CASE("a member of the wrong type or shape is refused") {
    const ConsentRecord record = fullRecord();
    const QStringList top;
    const auto at = [](const char *object) {
        return QStringList{QLatin1StringView(object)};
    };
    const QJsonValue null = QJsonValue::Null;
    struct Case {
        QStringList path;
        const char *name;
        QJsonValue value;
    };
    const std::vector<Case> cases{
        {top, "type", 1},
        {top, "v", QStringLiteral("1")},
        {top, "v", 1.5},
        {top, "v", true},
        {top, "id", null},
        {top, "vault", 5},
        {top, "patient", QStringLiteral("Ada Example")},
        {at("patient"), "name", null},
        {top, "form", QJsonArray()},
        {at("form"), "version", QStringLiteral("1")},
        {at("form"), "version", 1.5},
        {at("form"), "version", -1},
        {at("form"), "sections", QStringLiteral("items")},
        {at("form"), "sections", QJsonArray{1, 2}},
        {top, "items", QJsonObject()},
        {top, "items", QJsonArray{QStringLiteral("pho_")}},
        {top, "items", QJsonArray{null}},
        {{QStringLiteral("items"), QStringLiteral("0")}, "kind", QStringLiteral("video")},
        {{QStringLiteral("items"), QStringLiteral("0")}, "kind", QStringLiteral("Photo")},
        {{QStringLiteral("items"), QStringLiteral("0")}, "kind", 0},
        {{QStringLiteral("items"), QStringLiteral("2")}, "sha256", null},
        {at("discloser"), "contact", false},
        {at("scope"), "platforms", QStringLiteral("instagram")},
        {at("scope"), "audiences", QJsonArray{null}},
        {at("scope"), "identifiable", QStringLiteral("true")},
        {at("scope"), "identifiable", 1},
        {at("expiry"), "kind", QStringLiteral("never")},
        {at("expiry"), "kind", QStringLiteral("Date")},
        {at("expiry"), "date", QStringLiteral("2027-11-2")},
        {at("expiry"), "date", QStringLiteral("2027-02-30")},
        {at("expiry"), "date", QStringLiteral("2027-11-02T00:00:00.000Z")},
        {at("expiry"), "date", 20271102},
        {at("expiry"), "event", null},
        {top, "utcOffsetMinutes", QStringLiteral("-300")},
        {top, "utcOffsetMinutes", -300.5},
        {top, "utcOffsetMinutes", 18 * 60 + 1},
        {top, "utcOffsetMinutes", -18 * 60 - 1},
        {at("compensation"), "paid", QStringLiteral("no")},
        {at("signer"), "role", null},
        {at("signer"), "authorityDocument", null},
        {at("signature"), "strokes", QStringLiteral("J. Doe")},
        {at("signature"), "strokes", QJsonObject()},
        {{QStringLiteral("signature"), QStringLiteral("strokes")}, "pad", QJsonArray{600.5, 240}},
        {at("signature"), "signedAt", 0},
        {at("signature"), "meaning", QJsonArray()},
        {at("intent"), "agreed", 1},
        {at("intent"), "at", QStringLiteral("yesterday")},
        {top, "witness", QStringLiteral("Carla Nurse")},
        {top, "witness", false},
        {top, "witness", QJsonArray()},
        {at("witness"), "name", null},
        {at("witness"), "signedAt", null},
        {top, "countersignedAt", null},
        {top, "policy", null},
        {top, "policy", QJsonObject()},
        {at("policy"), "maxDurationDays", QStringLiteral("730")},
        {at("policy"), "witnessRequired", null},
        {top, "startsAt", QStringLiteral("2026-11-02")},
        {top, "sealedAt", 1},
        {top, "deviceKey", QJsonArray()},
    };
    for (const Case &c : cases) {
        CAPTURE(c.path.join(u'/'), c.name,
                QJsonDocument(QJsonArray{c.value}).toJson().toStdString());
        const QByteArray bytes = withMember(record, c.path, QLatin1StringView(c.name), c.value);
        CHECK_THROWS_AS(parseSealedRecord(bytes), RecordError);
    }
}

TEST_CASE("the message names the member that is wrong") {
    const ConsentRecord record = fullRecord();
    CHECK_THAT(readError(withMember(record, {QStringLiteral("signature")},
                                    QStringLiteral("signedAt"), QStringLiteral("today"))),
               ContainsSubstring("'signedAt'") && ContainsSubstring("consent record"));
    CHECK_THAT(readError(withMember(record, {}, QStringLiteral("utcOffsetMinutes"), 2000)),
               ContainsSubstring("'utcOffsetMinutes'"));
    CHECK_THAT(
        readError(withoutMember(record, {QStringLiteral("scope")}, QStringLiteral("purposes"))),
        ContainsSubstring("'scope'"));
    CHECK_THAT(readError(withMember(record, {}, QStringLiteral("policy"), 730)),
               ContainsSubstring("'policy'"));
}

TEST_CASE("a record of an unknown type or format version is refused") {
    const ConsentRecord record = test::validRecord();
    for (const auto &[name, value] : std::vector<std::pair<const char *, QJsonValue>>{
             {"type", QStringLiteral("consentcam/revocation")},
             {"type", QStringLiteral("consentcam/consent/v2")},
             {"type", QStringLiteral("")},
             {"v", 2},
             {"v", 0},
         }) {
        CAPTURE(name, value.toVariant().toString());
        const QByteArray bytes = withMember(record, {}, QLatin1StringView(name), value);
        CHECK_THROWS_WITH(parseSealedRecord(bytes),
                          ContainsSubstring("'" + std::string(name) + "'"));
    }
}

TEST_CASE("a time that is not the exact millisecond UTC form is refused") {
    const ConsentRecord record = fullRecord();
    const std::vector<std::pair<QStringList, const char *>> times{
        {{QStringLiteral("signature")}, "signedAt"},
        {{QStringLiteral("intent")}, "at"},
        {{QStringLiteral("witness")}, "signedAt"},
        {{}, "countersignedAt"},
        {{}, "startsAt"},
        {{}, "sealedAt"},
    };
    const QStringList malformed{
        QStringLiteral("2026-11-02T09:30:00Z"),
        QStringLiteral("2026-11-02T09:30:00.0Z"),
        QStringLiteral("2026-11-02T09:30:00.000+00:00"),
        QStringLiteral("2026-11-02T04:30:00.000-05:00"),
        QStringLiteral("2026-11-02 09:30:00.000Z"),
        QStringLiteral("2026-11-02T09:30:00.000z"),
        QStringLiteral("2026-11-02T09:30:00.000"),
        QStringLiteral("2026-02-30T09:30:00.000Z"),
    };
    for (const auto &[path, name] : times) {
        for (const QString &time : malformed) {
            CAPTURE(path.join(u'/'), name, time);
            CHECK_THROWS_WITH(
                parseSealedRecord(withMember(record, path, QLatin1StringView(name), time)),
                ContainsSubstring("'" + std::string(name) + "'"));
        }
    }
}

TEST_CASE("bytes that are not one strict JSON object are refused") {
    const QByteArray bytes = test::validRecord().canonical();
    const QByteArray name = "Ada Example";
    const std::vector<std::pair<const char *, QByteArray>> variants{
        {"nothing", QByteArray()},
        {"cut short", bytes.left(bytes.size() - 1)},
        {"a comma before the closing brace", bytes.left(bytes.size() - 1) + ",}"},
        {"a member twice", replaced(bytes, R"(,"v":1,)", R"(,"v":1,"v":1,)")},
        {"a byte-order mark", "\xEF\xBB\xBF" + bytes},
        {"an overlong UTF-8 form", replaced(bytes, "\"Ada Example\"}",
                                            "\"Ada\xC0\xA0"
                                            "Example\"}")},
        {"a bare control character", replaced(bytes, "\"Ada Example\"}", "\"Ada\tExample\"}")},
        {"a comment", "/* sealed */" + bytes},
        {"single quotes",
         replaced(bytes, R"("type":"consentcam/consent")", R"("type":'consentcam/consent')")},
        {"NaN", replaced(bytes, R"("utcOffsetMinutes":-300)", R"("utcOffsetMinutes":NaN)")},
        {"text after the object", bytes + "x"},
        {"two objects", bytes + bytes},
        {"an array", '[' + bytes + ']'},
        {"null", "null"},
        {"a string", "\"consentcam/consent\""},
    };
    for (const auto &[what, variant] : variants) {
        CAPTURE(what);
        CHECK_THROWS_WITH(parseSealedRecord(variant), ContainsSubstring("consent record: "));
    }
}

TEST_CASE("fromJson keeps empty and wrong values for the validator to judge") {
    const ConsentRecord empty;
    CHECK(parseSealedRecord(empty.canonical()) == empty);

    ConsentRecord record = fullRecord();
    record.patientName.clear();
    record.sections.clear();
    record.items.clear();
    record.platforms = {QStringLiteral("myspace")};
    record.audiences.clear();
    record.purposes = {QStringLiteral("education"), QStringLiteral("education")};
    record.expiry = {Expiry::Kind::Event, QDate(), QString()};
    record.signer = {QStringLiteral("neighbour"), {}, {}, {}, QStringLiteral("not an id")};
    record.strokes = {};
    record.printedName.clear();
    record.signedAt = QDateTime();
    record.agreed = false;
    record.agreedAt = QDateTime();
    record.witness = Witness{};
    record.countersignedAt = QDateTime();
    record.policy.maxDurationDays = 0;
    record.policy.allowedPlatforms.clear();
    record.startsAt = QDateTime();
    record.sealedAt = QDateTime();

    const QByteArray bytes = record.canonical();
    CHECK(bytes.contains(R"("signedAt":"")"));
    CHECK(bytes.contains(R"("date":"")"));
    const ConsentRecord parsed = parseSealedRecord(bytes);
    CHECK(parsed == record);
    CHECK(parsed.patientName.isEmpty());
    CHECK_FALSE(parsed.signedAt.isValid());
    CHECK_FALSE(parsed.expiry.date.isValid());
    REQUIRE(parsed.witness.has_value());
    CHECK(parsed.witness->name.isEmpty());
    CHECK(parsed.policy.maxDurationDays == 0);
}

TEST_CASE("text that canonical JSON can't carry is refused when the record is written") {
    ConsentRecord record = test::validRecord();
    record.patientName = QStringLiteral("Ada ") + QChar(0xD800);
    CHECK_THROWS_AS(record.canonical(), JsonError);
}

TEST_CASE("a record carries at most 500 items") {
    ConsentRecord record = test::validRecord();
    record.items.clear();
    for (int i = 0; i < 500; ++i) {
        record.items.push_back({ItemKind::Photo, ids::generate(ids::Kind::Photo),
                                QString(64, QLatin1Char('e')), QStringLiteral("Photo %1").arg(i)});
    }
    CHECK(parseSealedRecord(record.canonical()) == record);
    record.items.push_back(record.items.front());
    CHECK_THROWS_WITH(parseSealedRecord(record.canonical()), ContainsSubstring("'items'"));
}

TEST_CASE("the offset from UTC is read within eighteen hours either way") {
    ConsentRecord record = test::validRecord();
    for (const int offset : {-18 * 60, -720, 0, 345, 840, 18 * 60}) {
        CAPTURE(offset);
        record.utcOffsetMinutes = offset;
        CHECK(parseSealedRecord(record.canonical()).utcOffsetMinutes == offset);
    }
}

// --- witness, items, signer -------------------------------------------------------------

TEST_CASE("a witness round trips as null when there is none and as an object when there is") {
    ConsentRecord record = test::validRecord();
    REQUIRE_FALSE(record.witness.has_value());
    CHECK(record.toJson().value(QStringLiteral("witness")).isNull());
    CHECK_FALSE(parseSealedRecord(record.canonical()).witness.has_value());

    record.witness =
        Witness{QStringLiteral("Carla Nurse"), syntheticSignature(3), record.signedAt.addSecs(30)};
    const QJsonValue witness = record.toJson().value(QStringLiteral("witness"));
    REQUIRE(witness.isObject());
    CHECK(witness.toObject().keys() == QStringList{QStringLiteral("name"),
                                                   QStringLiteral("signedAt"),
                                                   QStringLiteral("strokes")});
    CHECK(witness[QStringLiteral("signedAt")].toString() ==
          QStringLiteral("2026-11-02T09:30:30.000Z"));
    const ConsentRecord parsed = parseSealedRecord(record.canonical());
    REQUIRE(parsed.witness.has_value());
    CHECK(*parsed.witness == *record.witness);
    CHECK(parsed == record);
}

TEST_CASE("photo and story items keep their kind, order and text") {
    CHECK(toString(ItemKind::Photo) == QStringLiteral("photo"));
    CHECK(toString(ItemKind::Story) == QStringLiteral("story"));
    CHECK(itemKindFromString(QStringLiteral("photo")) == ItemKind::Photo);
    CHECK(itemKindFromString(QStringLiteral("story")) == ItemKind::Story);
    for (const char *text : {"Photo", "STORY", "", "video", " photo"})
        CHECK_FALSE(itemKindFromString(QLatin1StringView(text)).has_value());

    ConsentRecord record = test::validRecord();
    const QJsonArray items = record.toJson().value(QStringLiteral("items")).toArray();
    REQUIRE(items.size() == 3);
    CHECK(items[0][QStringLiteral("kind")] == QStringLiteral("photo"));
    CHECK(items[2][QStringLiteral("kind")] == QStringLiteral("story"));
    CHECK(items[2][QStringLiteral("id")] == record.items[2].id);
    CHECK(items[2][QStringLiteral("sha256")] == QString(64, QLatin1Char('c')));

    std::reverse(record.items.begin(), record.items.end());
    record.items[0].description = QStringLiteral("Written story: \"Über den Ausschlag\" 😀");
    const ConsentRecord parsed = parseSealedRecord(record.canonical());
    CHECK(parsed.items == record.items);
    CHECK(parsed.items.front().kind == ItemKind::Story);
}

TEST_CASE("every signer but the patient is a representative") {
    Signer signer;
    signer.role = QStringLiteral("patient");
    CHECK_FALSE(signer.isRepresentative());
    for (const char *role : {"parent_guardian", "healthcare_poa", "other_representative"}) {
        signer.role = QLatin1StringView(role);
        CHECK(signer.isRepresentative());
    }
}

TEST_CASE("the form inputs are the choices the record shows") {
    const ConsentRecord record = fullRecord();
    const FormInputs inputs = record.formInputs();
    REQUIRE(inputs.itemDescriptions.size() == 3);
    CHECK(inputs.itemDescriptions[2] == record.items[2].description);
    CHECK(inputs.clinicianName == record.clinicianName);
    CHECK(inputs.clinicianCredentials == record.clinicianCredentials);
    CHECK(inputs.practiceName == record.practiceName);
    CHECK(inputs.practiceContact == record.practiceContact);
    CHECK(inputs.platforms == record.platforms);
    CHECK(inputs.audiences == record.audiences);
    CHECK(inputs.purposes == record.purposes);
    CHECK(inputs.identifiable == record.identifiable);
    CHECK(inputs.expiryKind == FormInputs::Expiry::Event);
    CHECK(inputs.expiryDate == record.expiry.date);
    CHECK(inputs.expiryEvent == record.expiry.event);
    CHECK(inputs.paid);
    CHECK(inputs.compensationDescription == record.compensationDescription);
}

// --- the end of a consent ---------------------------------------------------------------

TEST_CASE("a consent ends at the start of the day after its expiry date in the signer's zone") {
    struct Case {
        int offset;
        QDate date;
        const char *expected;
    };
    const std::vector<Case> cases{
        {-300, QDate(2027, 11, 2), "2027-11-03T05:00:00.000Z"},
        {0, QDate(2027, 11, 2), "2027-11-03T00:00:00.000Z"},
        {330, QDate(2027, 11, 2), "2027-11-02T18:30:00.000Z"},
        {-300, QDate(2027, 12, 31), "2028-01-01T05:00:00.000Z"},
        {0, QDate(2027, 12, 31), "2028-01-01T00:00:00.000Z"},
        {330, QDate(2027, 12, 31), "2027-12-31T18:30:00.000Z"},
        {0, QDate(2028, 2, 28), "2028-02-29T00:00:00.000Z"},
        {-720, QDate(2027, 6, 30), "2027-07-01T12:00:00.000Z"},
        {840, QDate(2027, 6, 30), "2027-06-30T10:00:00.000Z"},
    };
    ConsentRecord record = test::validRecord();
    for (const Case &c : cases) {
        CAPTURE(c.offset, isoDate(c.date));
        record.utcOffsetMinutes = c.offset;
        for (const Expiry::Kind kind : {Expiry::Kind::Date, Expiry::Kind::Event}) {
            record.expiry = {kind, c.date, QStringLiteral("the end of my treatment")};
            const QDateTime end = record.expiresAt();
            CHECK(isoUtc(end) == QLatin1StringView(c.expected));
            // The last millisecond of the expiry date is still inside it.
            const QTimeZone zone(c.offset * 60);
            CHECK(end.addMSecs(-1).toTimeZone(zone).date() == c.date);
            CHECK(end.toTimeZone(zone).date() == c.date.addDays(1));
        }
    }
}

TEST_CASE("a consent without a valid expiry date or a real zone has no end instant") {
    ConsentRecord record = test::validRecord();
    record.expiry.date = QDate();
    CHECK_FALSE(record.expiresAt().isValid());

    record = test::validRecord();
    for (const int offset : {15 * 60, -15 * 60, 18 * 60}) {
        CAPTURE(offset);
        record.utcOffsetMinutes = offset;
        CHECK_FALSE(record.expiresAt().isValid());
    }
}
