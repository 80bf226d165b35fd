#include "domain/consentrecord.h"

#include "domain/canonicaljson.h"
#include "domain/consenttemplate.h"
#include "domain/jsonread.h"
#include "domain/timestamps.h"
#include "domain/vocabulary.h"

#include <QJsonArray>
#include <QTimeZone>

namespace cc::domain {

namespace {

constexpr qsizetype MaxItems = 500;
constexpr int MaxOffsetMinutes = 18 * 60;

QJsonValue timeJson(const QDateTime &time) {
    return time.isValid() ? QJsonValue(isoUtc(time)) : QJsonValue(QString());
}

QJsonValue dateJson(const QDate &date) {
    return date.isValid() ? QJsonValue(isoDate(date)) : QJsonValue(QString());
}

[[noreturn]] void bad(const QString &member) {
    throw RecordError(("consent record: '" + member + "' is missing or malformed").toStdString());
}

// The members of object, which must be exactly names.
QJsonObject member(const QJsonObject &parent, const char *name,
                   std::initializer_list<const char *> names) {
    const auto object = jsonread::object(parent, name);
    if (!object || !jsonread::hasExactly(*object, names))
        bad(QLatin1StringView(name));
    return *object;
}

QString text(const QJsonObject &object, const char *name) {
    const auto value = jsonread::string(object, name);
    if (!value)
        bad(QLatin1StringView(name));
    return *value;
}

bool flag(const QJsonObject &object, const char *name) {
    const auto value = jsonread::boolean(object, name);
    if (!value)
        bad(QLatin1StringView(name));
    return *value;
}

QStringList texts(const QJsonObject &object, const char *name) {
    const auto value = jsonread::strings(object, name);
    if (!value)
        bad(QLatin1StringView(name));
    return *value;
}

// An instant, or an invalid QDateTime for "" (the validator reports it missing).
QDateTime instant(const QJsonObject &object, const char *name) {
    const QString value = text(object, name);
    if (value.isEmpty())
        return {};
    const auto parsed = parseIsoUtc(value);
    if (!parsed)
        bad(QLatin1StringView(name));
    return *parsed;
}

QDate day(const QJsonObject &object, const char *name) {
    const QString value = text(object, name);
    if (value.isEmpty())
        return {};
    const auto parsed = parseIsoDate(value);
    if (!parsed)
        bad(QLatin1StringView(name));
    return *parsed;
}

SignatureStrokes strokesOf(const QJsonObject &object, const char *name) {
    const auto strokes = signatureFromJson(object.value(QLatin1StringView(name)));
    if (!strokes)
        bad(QLatin1StringView(name));
    return *strokes;
}

} // namespace

QString toString(ItemKind kind) {
    return kind == ItemKind::Photo ? QStringLiteral("photo") : QStringLiteral("story");
}

std::optional<ItemKind> itemKindFromString(const QString &text) {
    if (text == QLatin1String("photo"))
        return ItemKind::Photo;
    if (text == QLatin1String("story"))
        return ItemKind::Story;
    return std::nullopt;
}

bool Signer::isRepresentative() const {
    return vocabulary::isSignerRole(role) && role != QLatin1String("patient");
}

QDateTime ConsentRecord::expiresAt() const {
    // Qt places no zone beyond UTC+-14:00, and would read the day as UTC's instead.
    const QTimeZone zone(utcOffsetMinutes * 60);
    if (!expiry.date.isValid() || !zone.isValid())
        return {};
    const QDateTime local(expiry.date.addDays(1), QTime(0, 0), zone);
    return local.toUTC();
}

FormInputs ConsentRecord::formInputs() const {
    FormInputs inputs;
    for (const auto &item : items)
        inputs.itemDescriptions.append(item.description);
    inputs.clinicianName = clinicianName;
    inputs.clinicianCredentials = clinicianCredentials;
    inputs.practiceName = practiceName;
    inputs.practiceContact = practiceContact;
    inputs.platforms = platforms;
    inputs.audiences = audiences;
    inputs.purposes = purposes;
    inputs.identifiable = identifiable;
    inputs.expiryKind =
        expiry.kind == Expiry::Kind::Date ? FormInputs::Expiry::Date : FormInputs::Expiry::Event;
    inputs.expiryDate = expiry.date;
    inputs.expiryEvent = expiry.event;
    inputs.paid = paid;
    inputs.compensationDescription = compensationDescription;
    return inputs;
}

QJsonObject ConsentRecord::toJson() const {
    QJsonArray itemArray;
    for (const auto &item : items) {
        itemArray.append(QJsonObject{{QStringLiteral("kind"), toString(item.kind)},
                                     {QStringLiteral("id"), item.id},
                                     {QStringLiteral("sha256"), item.sha256},
                                     {QStringLiteral("description"), item.description},
                                     {QStringLiteral("regions"), domain::toJson(item.regions)}});
    }
    QJsonValue witnessJson = QJsonValue::Null;
    if (witness) {
        witnessJson = QJsonObject{{QStringLiteral("name"), witness->name},
                                  {QStringLiteral("strokes"), domain::toJson(witness->strokes)},
                                  {QStringLiteral("signedAt"), timeJson(witness->signedAt)}};
    }
    return QJsonObject{
        {QStringLiteral("type"), QLatin1StringView(Type)},
        {QStringLiteral("v"), FormatVersion},
        {QStringLiteral("id"), id},
        {QStringLiteral("vault"), vaultId},
        {QStringLiteral("patient"),
         QJsonObject{{QStringLiteral("id"), patientId}, {QStringLiteral("name"), patientName}}},
        {QStringLiteral("form"),
         QJsonObject{{QStringLiteral("template"), templateId},
                     {QStringLiteral("version"), templateVersion},
                     {QStringLiteral("language"), language},
                     {QStringLiteral("textSha256"), formTextSha256},
                     {QStringLiteral("sections"), QJsonArray::fromStringList(sections)}}},
        {QStringLiteral("items"), itemArray},
        {QStringLiteral("discloser"),
         QJsonObject{{QStringLiteral("clinician"), clinicianName},
                     {QStringLiteral("credentials"), clinicianCredentials},
                     {QStringLiteral("practice"), practiceName},
                     {QStringLiteral("contact"), practiceContact}}},
        {QStringLiteral("scope"),
         QJsonObject{{QStringLiteral("platforms"), QJsonArray::fromStringList(platforms)},
                     {QStringLiteral("audiences"), QJsonArray::fromStringList(audiences)},
                     {QStringLiteral("purposes"), QJsonArray::fromStringList(purposes)},
                     {QStringLiteral("identifiable"), identifiable}}},
        {QStringLiteral("expiry"),
         QJsonObject{{QStringLiteral("kind"), expiry.kind == Expiry::Kind::Date
                                                  ? QStringLiteral("date")
                                                  : QStringLiteral("event")},
                     {QStringLiteral("date"), dateJson(expiry.date)},
                     {QStringLiteral("event"), expiry.event}}},
        {QStringLiteral("utcOffsetMinutes"), utcOffsetMinutes},
        {QStringLiteral("compensation"),
         QJsonObject{{QStringLiteral("paid"), paid},
                     {QStringLiteral("description"), compensationDescription}}},
        {QStringLiteral("signer"),
         QJsonObject{{QStringLiteral("role"), signer.role},
                     {QStringLiteral("name"), signer.name},
                     {QStringLiteral("relationship"), signer.relationship},
                     {QStringLiteral("authority"), signer.authority},
                     {QStringLiteral("authorityDocument"), signer.authorityDocument},
                     {QStringLiteral("authorityDocumentSha256"), signer.authorityDocumentSha256}}},
        {QStringLiteral("signature"),
         QJsonObject{{QStringLiteral("strokes"), domain::toJson(strokes)},
                     {QStringLiteral("printedName"), printedName},
                     {QStringLiteral("signedAt"), timeJson(signedAt)},
                     {QStringLiteral("meaning"), signatureMeaning}}},
        {QStringLiteral("intent"), QJsonObject{{QStringLiteral("agreed"), agreed},
                                               {QStringLiteral("statement"), agreeStatement},
                                               {QStringLiteral("at"), timeJson(agreedAt)}}},
        {QStringLiteral("witness"), witnessJson},
        {QStringLiteral("countersignedAt"), timeJson(countersignedAt)},
        {QStringLiteral("policy"), policy.toJson()},
        {QStringLiteral("startsAt"), timeJson(startsAt)},
        {QStringLiteral("sealedAt"), timeJson(sealedAt)},
        {QStringLiteral("deviceKey"), deviceKey},
    };
}

ConsentRecord ConsentRecord::fromJson(const QJsonObject &json) {
    if (!jsonread::hasExactly(
            json,
            {"type",     "v",         "id",       "vault",   "patient",          "form",
             "items",    "discloser", "scope",    "expiry",  "utcOffsetMinutes", "compensation",
             "signer",   "signature", "intent",   "witness", "countersignedAt",  "policy",
             "startsAt", "sealedAt",  "deviceKey"}))
        throw RecordError("consent record: not a consent record of a known format");
    if (text(json, "type") != QLatin1StringView(Type))
        bad(QStringLiteral("type"));
    if (jsonread::integer(json, "v", FormatVersion, FormatVersion) != FormatVersion)
        bad(QStringLiteral("v"));

    ConsentRecord record;
    record.id = text(json, "id");
    record.vaultId = text(json, "vault");

    const QJsonObject patient = member(json, "patient", {"id", "name"});
    record.patientId = text(patient, "id");
    record.patientName = text(patient, "name");

    const QJsonObject form =
        member(json, "form", {"template", "version", "language", "textSha256", "sections"});
    record.templateId = text(form, "template");
    const auto version = jsonread::integer(form, "version", 0, 1'000'000);
    if (!version)
        bad(QStringLiteral("version"));
    record.templateVersion = int(*version);
    record.language = text(form, "language");
    record.formTextSha256 = text(form, "textSha256");
    record.sections = texts(form, "sections");

    const auto items = jsonread::array(json, "items");
    if (!items || items->size() > MaxItems)
        bad(QStringLiteral("items"));
    for (const QJsonValue &value : *items) {
        const QJsonObject item = value.toObject();
        if (!value.isObject() ||
            !jsonread::hasExactly(item, {"kind", "id", "sha256", "description", "regions"}))
            bad(QStringLiteral("items"));
        const auto kind = itemKindFromString(text(item, "kind"));
        if (!kind)
            bad(QStringLiteral("kind"));
        const auto regions = rectsFromJson(item.value(QStringLiteral("regions")));
        if (!regions)
            bad(QStringLiteral("regions"));
        record.items.push_back(
            {*kind, text(item, "id"), text(item, "sha256"), text(item, "description"), *regions});
    }

    const QJsonObject discloser =
        member(json, "discloser", {"clinician", "credentials", "practice", "contact"});
    record.clinicianName = text(discloser, "clinician");
    record.clinicianCredentials = text(discloser, "credentials");
    record.practiceName = text(discloser, "practice");
    record.practiceContact = text(discloser, "contact");

    const QJsonObject scope =
        member(json, "scope", {"platforms", "audiences", "purposes", "identifiable"});
    record.platforms = texts(scope, "platforms");
    record.audiences = texts(scope, "audiences");
    record.purposes = texts(scope, "purposes");
    record.identifiable = flag(scope, "identifiable");

    const QJsonObject expiry = member(json, "expiry", {"kind", "date", "event"});
    const QString expiryKind = text(expiry, "kind");
    if (expiryKind == QLatin1String("date"))
        record.expiry.kind = Expiry::Kind::Date;
    else if (expiryKind == QLatin1String("event"))
        record.expiry.kind = Expiry::Kind::Event;
    else
        bad(QStringLiteral("expiry"));
    record.expiry.date = day(expiry, "date");
    record.expiry.event = text(expiry, "event");
    const auto offset =
        jsonread::integer(json, "utcOffsetMinutes", -MaxOffsetMinutes, MaxOffsetMinutes);
    if (!offset)
        bad(QStringLiteral("utcOffsetMinutes"));
    record.utcOffsetMinutes = int(*offset);

    const QJsonObject compensation = member(json, "compensation", {"paid", "description"});
    record.paid = flag(compensation, "paid");
    record.compensationDescription = text(compensation, "description");

    const QJsonObject signer = member(json, "signer",
                                      {"role", "name", "relationship", "authority",
                                       "authorityDocument", "authorityDocumentSha256"});
    record.signer = {text(signer, "role"),
                     text(signer, "name"),
                     text(signer, "relationship"),
                     text(signer, "authority"),
                     text(signer, "authorityDocument"),
                     text(signer, "authorityDocumentSha256")};

    const QJsonObject signature =
        member(json, "signature", {"strokes", "printedName", "signedAt", "meaning"});
    record.strokes = strokesOf(signature, "strokes");
    record.printedName = text(signature, "printedName");
    record.signedAt = instant(signature, "signedAt");
    record.signatureMeaning = text(signature, "meaning");

    const QJsonObject intent = member(json, "intent", {"agreed", "statement", "at"});
    record.agreed = flag(intent, "agreed");
    record.agreeStatement = text(intent, "statement");
    record.agreedAt = instant(intent, "at");

    const QJsonValue witness = json.value(QStringLiteral("witness"));
    if (!witness.isNull()) {
        const QJsonObject object = member(json, "witness", {"name", "strokes", "signedAt"});
        record.witness = Witness{text(object, "name"), strokesOf(object, "strokes"),
                                 instant(object, "signedAt")};
    }
    record.countersignedAt = instant(json, "countersignedAt");

    const auto policy = Policy::fromJson(json.value(QStringLiteral("policy")));
    if (!policy)
        bad(QStringLiteral("policy"));
    record.policy = *policy;
    record.startsAt = instant(json, "startsAt");
    record.sealedAt = instant(json, "sealedAt");
    record.deviceKey = text(json, "deviceKey");
    return record;
}

QByteArray ConsentRecord::canonical() const {
    return canonicalJson(toJson());
}

ConsentRecord parseSealedRecord(QByteArrayView bytes) {
    QJsonValue json;
    try {
        json = parseJsonStrict(bytes);
    } catch (const JsonError &error) {
        throw RecordError(std::string("consent record: ") + error.what());
    }
    if (!json.isObject())
        throw RecordError("consent record: not a JSON object");
    ConsentRecord record = ConsentRecord::fromJson(json.toObject());
    QByteArray again;
    try {
        again = record.canonical();
    } catch (const JsonError &error) {
        throw RecordError(std::string("consent record: ") + error.what());
    }
    if (again != bytes)
        throw RecordError("consent record: the bytes are not in canonical form");
    return record;
}

} // namespace cc::domain
