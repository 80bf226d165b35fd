#include "domaintestsupport.h"

#include "domain/ids.h"
#include "domain/signature.h"

#include <QDir>
#include <QFile>

#include <stdexcept>

namespace cc::domain::test {

const TemplateCatalog &shippedTemplates() {
    static const TemplateCatalog catalog = [] {
        TemplateCatalog loaded;
        const QDir dir(QStringLiteral(CONSENTCAM_TEMPLATES_DIR));
        for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files)) {
            QFile file(dir.filePath(name));
            if (!file.open(QIODevice::ReadOnly))
                throw std::runtime_error("can't read " + name.toStdString());
            loaded.add(ConsentTemplate::parse(file.readAll()));
        }
        return loaded;
    }();
    return catalog;
}

void refreshFormHash(ConsentRecord &record) {
    const ConsentTemplate *form =
        shippedTemplates().find(record.templateId, record.templateVersion, record.language);
    if (!form)
        return;
    try {
        record.formTextSha256 = form->textSha256(record.formInputs());
    } catch (const TemplateError &) {
    }
}

ConsentRecord validRecord() {
    const ConsentTemplate *form =
        shippedTemplates().latest(QStringLiteral("media-release"), QStringLiteral("en"));
    if (!form)
        throw std::runtime_error("no English template");
    const QDateTime signedAt(QDate(2026, 11, 2), QTime(9, 30), Qt::UTC);

    ConsentRecord record;
    record.id = ids::generate(ids::Kind::Consent);
    record.vaultId = QStringLiteral("0123456789abcdef0123456789abcdef");
    record.patientId = ids::generate(ids::Kind::Patient);
    record.patientName = QStringLiteral("Ada Example");
    record.templateId = form->id();
    record.templateVersion = form->version();
    record.language = form->language();
    record.sections = form->sectionIds();
    record.items = {
        {ItemKind::Photo,
         ids::generate(ids::Kind::Photo),
         QString(64, QLatin1Char('a')),
         form->describePhoto(1, signedAt.date()),
         {NormRect{2000, 1000, 3000, 3000}}},
        {ItemKind::Photo,
         ids::generate(ids::Kind::Photo),
         QString(64, QLatin1Char('b')),
         form->describePhoto(2, signedAt.date()),
         {NormRect{4000, 4000, 2000, 2000}}},
        {ItemKind::Story, ids::generate(ids::Kind::StoryVersion), QString(64, QLatin1Char('c')),
         form->describeStory(QStringLiteral("A rash that would not go away"), 1)},
    };
    record.clinicianName = QStringLiteral("Dr. Ana Ruiz");
    record.clinicianCredentials = QStringLiteral("MD, Dermatology");
    record.practiceName = QStringLiteral("Bayview Skin Clinic");
    record.practiceContact = QStringLiteral("200 Harbor Street, Bayview");
    record.platforms = {QStringLiteral("instagram"), QStringLiteral("website")};
    record.audiences = {QStringLiteral("public")};
    record.purposes = {QStringLiteral("education")};
    record.identifiable = true;
    record.expiry = {Expiry::Kind::Date, QDate(2027, 11, 2), {}};
    record.utcOffsetMinutes = -300;
    record.signer = {QStringLiteral("patient"), QStringLiteral("Ada Example"), {}, {}, {}};
    record.strokes = syntheticSignature(7);
    record.printedName = QStringLiteral("Ada Example");
    record.signedAt = signedAt;
    record.signatureMeaning = form->signatureMeaning();
    record.agreed = true;
    record.agreeStatement = form->agreeStatement();
    record.agreedAt = signedAt.addSecs(-20);
    record.countersignedAt = signedAt.addSecs(90);
    record.policy = Policy::defaults();
    record.startsAt = signedAt.addSecs(120);
    record.sealedAt = signedAt.addSecs(120);
    record.deviceKey = QString(64, QLatin1Char('d'));
    refreshFormHash(record);
    return record;
}

} // namespace cc::domain::test
