#include "imaging/consentpdf.h"

#include "crypto/hash.h"
#include "domain/consenttemplate.h"
#include "domain/vocabulary.h"
#include "imaging/pdflayout.h"

#include <QImage>
#include <QPdfWriter>

#include <optional>
#include <utility>
#include <vector>

namespace cc::imaging {

using services::DocumentError;

using namespace pdf;

static_assert(ConsentPdfRenderer::Resolution == pdf::Resolution);

namespace {

// The copy's fixed words. Every language has every key (a test checks that each
// language a built-in template exists in is here, complete, with the same placeholders).
struct LabelRow {
    const char *key;
    const char *en;
    const char *es;
};

constexpr LabelRow Labels[] = {
    {"copyTitle", "Your copy of the signed form", "Su copia del formulario firmado"},
    {"copyIntro",
     "This is your copy of the permission you signed. Keep it: it shows exactly what you "
     "agreed to, who signed, and how to cancel the permission.",
     "Esta es su copia del permiso que firmó. Guárdela: muestra exactamente lo que aceptó, "
     "quién firmó y cómo cancelar el permiso."},
    {"patient", "Patient", "Paciente"},
    {"recordId", "Record ID", "ID del registro"},
    {"signedOn", "Signed on", "Firmado el"},
    {"formHeading", "The form you read", "El formulario que leyó"},
    {"formNote", "This is exactly the text you were shown before you signed.",
     "Este es exactamente el texto que se le mostró antes de firmar."},
    {"itemsHeading", "What this permission covers", "Lo que cubre este permiso"},
    {"imageMissing", "Image not available", "Imagen no disponible"},
    {"storyTextMissing", "The text of this story is kept on the clinician's device.",
     "El texto de esta historia se guarda en el dispositivo del profesional de salud."},
    {"choicesHeading", "Your choices", "Sus decisiones"},
    {"platforms", "Where it may be posted", "Dónde se puede publicar"},
    {"audiences", "Who may see it", "Quién puede verlo"},
    {"purposes", "Why it may be shared", "Para qué se puede compartir"},
    {"identifiability", "Identifiable or not", "Identificable o no"},
    {"expiry", "How long it lasts", "Cuánto dura"},
    {"compensation", "Payment", "Pago"},
    {"signaturesHeading", "Signatures", "Firmas"},
    {"signerHeading", "The person who signed", "La persona que firmó"},
    {"signerName", "Signed by", "Firmado por"},
    {"signerRole", "Signing as", "Firma como"},
    {"relationship", "Relationship to the patient", "Relación con el paciente"},
    {"authority", "Authority to sign for the patient", "Autoridad para firmar por el paciente"},
    {"authorityDocument", "Document of the authority", "Documento de la autoridad"},
    {"authorityDocumentKept", "A photo of it is kept with the record.",
     "Se guarda una foto del documento con el registro."},
    {"agreement", "Agreement", "Aceptación"},
    {"agreedOn", "Agreed on", "Aceptado el"},
    {"signature", "Signature", "Firma"},
    {"printedName", "Printed name", "Nombre en letra de imprenta"},
    {"meaning", "Meaning of the signature", "Significado de la firma"},
    {"witness", "Witness", "Testigo"},
    {"witnessName", "Witness's name", "Nombre del testigo"},
    {"witnessSignature", "Witness's signature", "Firma del testigo"},
    {"witnessedOn", "Witnessed on", "Firmado por el testigo el"},
    {"clinician", "Clinician", "Profesional de salud"},
    {"clinicianName", "Name", "Nombre"},
    {"credentials", "Credentials", "Credenciales"},
    {"practice", "Practice", "Consultorio"},
    {"practiceContact", "Contact", "Contacto"},
    {"countersignedOn", "Countersigned on", "Refrendado el"},
    {"revokeHeading", "How to cancel this permission", "Cómo cancelar este permiso"},
    {"revokeWrite", "Send your cancellation, in writing and signed, to {practice}: {contact}",
     "Envíe su cancelación por escrito y firmada a {practice}: {contact}"},
    {"revokeQuote", "Please include the record ID: {id}", "Incluya el ID del registro: {id}"},
    {"detailsHeading", "Record details", "Datos del registro"},
    {"detailsNote",
     "These values identify the sealed record kept on the clinician's device. They let "
     "anyone check that the record has not changed since it was signed.",
     "Estos valores identifican el registro sellado que se guarda en el dispositivo del "
     "profesional de salud. Permiten comprobar que el registro no ha cambiado desde que se "
     "firmó."},
    {"recordSha256", "Record SHA-256", "SHA-256 del registro"},
    {"deviceKey", "Device key fingerprint (SHA-256)",
     "Huella de la clave del dispositivo (SHA-256)"},
    {"sealedOn", "Sealed on", "Sellado el"},
    {"startsOn", "In force from", "Vigente desde el"},
    {"form", "Form", "Formulario"},
    {"formValue", "{id}, version {version}, {language}", "{id}, versión {version}, {language}"},
    {"formTextSha256", "Form text SHA-256", "SHA-256 del texto del formulario"},
    {"languageName", "English", "español"}, // the language of the table itself
    {"footerRecord", "Record {id}", "Registro {id}"},
    {"page", "Page {n} of {total}", "Página {n} de {total}"},
    {"dateTime", "{date}, {time} ({offset})", "{date}, {time} ({offset})"},
    {"timeFormat", "h:mm AP", "HH:mm"},
};

constexpr const char *LabelLanguages[] = {"en", "es"};

const char *column(const LabelRow &row, const QString &language) {
    if (language == QLatin1String("en"))
        return row.en;
    if (language == QLatin1String("es"))
        return row.es;
    return nullptr;
}

// The fixed words of one language; constructing it checks that they are all there.
class Words {
public:
    explicit Words(const QString &language)
        : m_language(language) {
        for (const auto &row : Labels) {
            const char *text = column(row, language);
            if (text == nullptr || *text == '\0')
                throw DocumentError("the copy has no fixed labels for the language \"" +
                                    language.toStdString() + '"');
        }
    }
    QString operator()(const char *key) const {
        return ConsentPdfRenderer::label(m_language, QLatin1StringView(key));
    }

private:
    QString m_language;
};

// Everything printed, worked out once from the document for both passes.
struct Content {
    QString language;
    QString formTitle;
    std::vector<domain::RenderedSection> sections;
    std::vector<Composer::Picture> pictures;
    std::vector<std::pair<QString, QString>> stories; // description, text (empty: missing)
    std::vector<std::pair<QString, QString>> summary;
    std::vector<std::pair<QString, QString>> choices;
    std::vector<std::pair<QString, QString>> signer;
    std::vector<std::pair<QString, QString>> signedFields;
    std::vector<std::pair<QString, QString>> witness;
    std::vector<std::pair<QString, QString>> clinician;
    std::vector<std::pair<QString, QString>> details; // values in the monospaced font
    std::vector<std::pair<QString, QString>> detailTimes;
    QString agreementStatement;
    QString agreedOn;
    QString revocation;
    QString practiceName;
    QString practiceContact;
    domain::SignatureStrokes signature;
    std::optional<domain::SignatureStrokes> witnessSignature;
    QString recordId;
};

QStringList labelsInOrder(const domain::ConsentTemplate &form, const QString &prefix,
                          const QStringList &vocabulary, const QStringList &codes) {
    QStringList labels;
    for (const QString &code : vocabulary) {
        if (codes.contains(code))
            labels.append(form.label(prefix + code));
    }
    for (const QString &code : codes) {
        if (!vocabulary.contains(code))
            labels.append(code);
    }
    return labels;
}

QString bullets(const QStringList &lines) {
    QStringList out;
    for (const QString &line : lines)
        out.append(QStringLiteral("• ") + line);
    return out.join(QLatin1Char('\n'));
}

Content prepareContent(const services::ConsentDocument &document) {
    const domain::ConsentRecord &record = document.record;
    const domain::ConsentTemplate &form = *document.form;
    const Words words(record.language);
    Content content;
    content.language = record.language;
    content.formTitle = form.title();
    content.recordId = record.id;

    const auto date = [&](const QDate &day) {
        try {
            return form.formatDate(day);
        } catch (const domain::TemplateError &) {
            throw DocumentError("the record holds a date the form can't print");
        }
    };
    const auto when = [&](const QDateTime &time) {
        if (!time.isValid())
            throw DocumentError("the record holds a time that is not valid");
        const QDateTime local = time.toOffsetFromUtc(record.utcOffsetMinutes * 60);
        return fill(words("dateTime"), {{"date", date(local.date())},
                                        {"time", local.time().toString(words("timeFormat"))},
                                        {"offset", offsetText(record.utcOffsetMinutes)}});
    };

    try {
        content.sections = form.render(record.formInputs());
    } catch (const domain::TemplateError &error) {
        throw DocumentError(std::string("the form does not render the record's choices: ") +
                            error.what());
    }
    for (const auto &section : content.sections) {
        if (section.id == QLatin1String("revocation"))
            content.revocation = section.body;
    }

    for (const auto &item : record.items) {
        if (item.kind == domain::ItemKind::Photo) {
            Composer::Picture picture;
            picture.caption = item.description;
            const auto found = document.thumbnails.find(item.id);
            if (found != document.thumbnails.end())
                picture.image.loadFromData(found->second.data(), int(found->second.size()));
            content.pictures.push_back(std::move(picture));
        } else {
            const auto found = document.storyTexts.find(item.id);
            content.stories.emplace_back(
                item.description, found != document.storyTexts.end() ? found->second : QString());
        }
    }

    content.summary = {{words("patient"), record.patientName},
                       {words("signerName"), record.signer.name},
                       {words("signedOn"), when(record.signedAt)},
                       {words("recordId"), record.id}};

    namespace vocabulary = domain::vocabulary;
    const QString expiry =
        record.expiry.kind == domain::Expiry::Kind::Date
            ? fill(form.label(QStringLiteral("expiry.date")), {{"date", date(record.expiry.date)}})
            : fill(form.label(QStringLiteral("expiry.event")),
                   {{"event", record.expiry.event.simplified()},
                    {"date", date(record.expiry.date)}});
    const QString compensation =
        record.paid ? fill(form.label(QStringLiteral("compensation.paid")),
                           {{"description", record.compensationDescription.simplified()}})
                    : form.label(QStringLiteral("compensation.unpaid"));
    content.choices = {
        {words("platforms"), bullets(labelsInOrder(form, QStringLiteral("platform."),
                                                   vocabulary::platforms(), record.platforms))},
        {words("audiences"), bullets(labelsInOrder(form, QStringLiteral("audience."),
                                                   vocabulary::audiences(), record.audiences))},
        {words("purposes"), bullets(labelsInOrder(form, QStringLiteral("purpose."),
                                                  vocabulary::purposes(), record.purposes))},
        {words("identifiability"),
         form.label(record.identifiable ? QStringLiteral("identifiable.yes")
                                        : QStringLiteral("identifiable.no"))},
        {words("expiry"), expiry},
        {words("compensation"), compensation},
    };

    const QString role = form.label(QStringLiteral("role.") + record.signer.role);
    content.signer = {{words("signerName"), record.signer.name},
                      {words("signerRole"), role.isEmpty() ? record.signer.role : role}};
    if (record.signer.isRepresentative()) {
        content.signer.emplace_back(words("relationship"), record.signer.relationship);
        content.signer.emplace_back(words("authority"), record.signer.authority);
        if (!record.signer.authorityDocument.isEmpty())
            content.signer.emplace_back(words("authorityDocument"), words("authorityDocumentKept"));
    }
    content.agreementStatement = QStringLiteral("“%1”").arg(record.agreeStatement);
    content.agreedOn = when(record.agreedAt);
    content.signature = record.strokes;
    content.signedFields = {{words("printedName"), record.printedName},
                            {words("signedOn"), when(record.signedAt)},
                            {words("meaning"), record.signatureMeaning}};
    if (record.witness) {
        content.witness = {{words("witnessName"), record.witness->name}};
        content.witnessSignature = record.witness->strokes;
    }
    content.practiceName = record.practiceName;
    content.practiceContact = record.practiceContact;
    content.clinician = {{words("clinicianName"), record.clinicianName},
                         {words("credentials"), record.clinicianCredentials},
                         {words("practice"), record.practiceName},
                         {words("practiceContact"), record.practiceContact},
                         {words("countersignedOn"), when(record.countersignedAt)}};

    const QString fingerprint = ConsentPdfRenderer::keyFingerprint(document.devicePublicKey);
    if (fingerprint.isEmpty())
        throw DocumentError("the device key is not an Ed25519 public key in hex");
    content.details = {{words("recordId"), record.id},
                       {words("recordSha256"), document.recordSha256},
                       {words("deviceKey"), fingerprint},
                       {words("formTextSha256"), record.formTextSha256}};
    content.detailTimes = {
        {words("sealedOn"), when(record.sealedAt)},
        {words("startsOn"), when(record.startsAt)},
        {words("form"),
         fill(words("formValue"), {{"id", record.templateId},
                                   {"version", QString::number(record.templateVersion)},
                                   {"language", words("languageName")}})}};
    if (record.witness)
        content.witness.emplace_back(words("witnessedOn"), when(record.witness->signedAt));
    return content;
}

// Lays the whole copy out on writer; returns the number of pages. totalPages is printed
// in every footer (0 on the counting pass).
int paint(QPdfWriter &writer, const Content &content, const Words &words, int totalPages) {
    QPainter painter;
    if (!painter.begin(&writer))
        throw DocumentError("the PDF engine could not start");
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    const Fonts fonts;
    const QString footerLeft =
        QStringLiteral("ConsentCam · ") + fill(words("footerRecord"), {{"id", content.recordId}});
    Composer page(writer, painter, [&](QPainter &p, int number, const QRectF &area) {
        p.setPen(QPen(Rule, pt(0.6)));
        p.drawLine(area.topLeft(), area.topRight());
        p.setPen(Muted);
        p.setFont(fonts.small);
        const QRectF text = area.adjusted(0, pt(4), 0, 0);
        p.drawText(text, Qt::AlignLeft | Qt::AlignTop, footerLeft);
        p.drawText(text, Qt::AlignRight | Qt::AlignTop,
                   fill(words("page"),
                        {{"n", QString::number(number)}, {"total", QString::number(totalPages)}}));
    });

    const auto fields = [&](const std::vector<std::pair<QString, QString>> &list,
                            const QFont &valueFont) {
        for (const auto &[label, value] : list)
            page.field(label, value, fonts.label, valueFont);
    };

    // Title and summary.
    page.text(content.formTitle, fonts.title, Accent);
    page.space(pt(4));
    page.text(words("copyTitle"), fonts.subtitle, Ink);
    page.space(pt(8));
    page.text(words("copyIntro"), fonts.body, Muted);
    page.space(pt(10));
    fields(content.summary, fonts.body);

    // The form, exactly as rendered.
    page.heading(words("formHeading"), fonts.heading, fonts.body);
    page.text(words("formNote"), fonts.small, Muted);
    page.space(pt(4));
    for (const auto &section : content.sections) {
        page.subheading(section.title, fonts.subheading, fonts.body);
        page.text(section.body, fonts.body);
    }

    // What is covered.
    page.heading(
        words("itemsHeading"), fonts.heading, fonts.body,
        content.pictures.empty() ? 0 : page.pictureRowHeight(content.pictures, 0, fonts.small));
    page.pictures(content.pictures, words("imageMissing"), fonts.small);
    for (const auto &[description, text] : content.stories) {
        page.subheading(description, fonts.subheading, fonts.body);
        if (text.isEmpty())
            page.text(words("storyTextMissing"), fonts.body, Muted);
        else
            page.text(text, fonts.body);
    }

    page.heading(words("choicesHeading"), fonts.heading, fonts.body);
    fields(content.choices, fonts.body);

    page.heading(words("signaturesHeading"), fonts.heading, fonts.body);
    page.subheading(words("signerHeading"), fonts.subheading, fonts.body);
    fields(content.signer, fonts.body);
    page.field(words("agreement"), content.agreementStatement, fonts.label, fonts.body);
    page.field(words("agreedOn"), content.agreedOn, fonts.label, fonts.body);
    page.signature(words("signature"), content.signature, fonts.label);
    fields(content.signedFields, fonts.body);
    if (content.witnessSignature) {
        page.subheading(words("witness"), fonts.subheading, fonts.body);
        page.field(content.witness.front().first, content.witness.front().second, fonts.label,
                   fonts.body);
        page.signature(words("witnessSignature"), *content.witnessSignature, fonts.label);
        for (std::size_t i = 1; i < content.witness.size(); ++i)
            page.field(content.witness[i].first, content.witness[i].second, fonts.label,
                       fonts.body);
    }
    page.subheading(words("clinician"), fonts.subheading, fonts.body);
    fields(content.clinician, fonts.body);

    const QString revoke =
        content.revocation + QStringLiteral("\n\n") +
        fill(words("revokeWrite"),
             {{"practice", content.practiceName}, {"contact", content.practiceContact}}) +
        QLatin1Char('\n') + fill(words("revokeQuote"), {{"id", content.recordId}});
    page.heading(words("revokeHeading"), fonts.heading, fonts.body,
                 page.panelHeight(revoke, fonts.body));
    page.panel(revoke, fonts.body);

    page.heading(words("detailsHeading"), fonts.heading, fonts.body);
    page.text(words("detailsNote"), fonts.small, Muted);
    page.space(pt(6));
    fields(content.details, fonts.mono);
    fields(content.detailTimes, fonts.body);

    page.finish();
    const int pages = page.page();
    if (!painter.end())
        throw DocumentError("the PDF engine could not finish the file");
    return pages;
}

} // namespace

crypto::SecretBytes ConsentPdfRenderer::render(const services::ConsentDocument &document) {
    if (document.form == nullptr)
        throw DocumentError("no form template to render the copy with");
    const Words words(document.record.language);
    const Content content = prepareContent(document);

    // A first pass counts the pages, for "page n of m".
    int pages = 0;
    {
        crypto::SecretBytes scratch;
        SecretSink sink(scratch);
        sink.open(QIODevice::WriteOnly);
        QPdfWriter writer(&sink);
        configure(writer, content.formTitle);
        pages = paint(writer, content, words, 0);
    }
    crypto::SecretBytes out;
    {
        SecretSink sink(out);
        sink.open(QIODevice::WriteOnly);
        QPdfWriter writer(&sink);
        configure(writer, content.formTitle);
        if (paint(writer, content, words, pages) != pages)
            throw DocumentError("the copy's layout changed between passes");
    }
    return out;
}

QStringList ConsentPdfRenderer::labelKeys() {
    QStringList keys;
    for (const auto &row : Labels)
        keys.append(QLatin1StringView(row.key));
    return keys;
}

QStringList ConsentPdfRenderer::labelLanguages() {
    QStringList languages;
    for (const char *language : LabelLanguages)
        languages.append(QLatin1StringView(language));
    return languages;
}

QString ConsentPdfRenderer::label(const QString &language, const QString &key) {
    for (const auto &row : Labels) {
        if (key == QLatin1StringView(row.key)) {
            const char *text = column(row, language);
            return text == nullptr ? QString() : QString::fromUtf8(text);
        }
    }
    return {};
}

QString ConsentPdfRenderer::keyFingerprint(const QString &publicKeyHex) {
    if (publicKeyHex.size() != 64)
        return {};
    crypto::Bytes key;
    try {
        key = crypto::fromHex(publicKeyHex.toStdString());
    } catch (const std::invalid_argument &) {
        return {};
    }
    const QString hex = QString::fromStdString(crypto::toHex(crypto::sha256(key)));
    QStringList groups;
    for (qsizetype i = 0; i < hex.size(); i += 4)
        groups.append(hex.mid(i, 4));
    return groups.join(QLatin1Char(' '));
}

} // namespace cc::imaging
