#include "imaging/revocationpdf.h"

#include "domain/consenttemplate.h"
#include "imaging/consentpdf.h"
#include "imaging/pdflayout.h"

#include <QPdfWriter>

#include <utility>
#include <vector>

namespace cc::imaging {

using namespace pdf;

namespace {

// The receipt's fixed words. Every language has every key (a test checks each language a
// built-in template exists in, and the placeholders).
struct LabelRow {
    const char *key;
    const char *en;
    const char *es;
};

constexpr LabelRow Labels[] = {
    {"title", "Your permission has been cancelled", "Su permiso ha sido cancelado"},
    {"intro",
     "This receipt confirms that the permission below was cancelled. It took effect as soon "
     "as it was recorded, and it is final: nothing the permission covered may be shared "
     "again unless you sign a new permission.",
     "Este comprobante confirma que el permiso de abajo fue cancelado. La cancelación tuvo "
     "efecto en cuanto se registró y es definitiva: nada de lo que cubría el permiso se "
     "puede volver a compartir, salvo que usted firme un permiso nuevo."},
    {"patient", "Patient", "Paciente"},
    {"cancelledBy", "Cancelled by", "Cancelado por"},
    {"signerRole", "Signing as", "Firma como"},
    {"consentHeading", "The permission cancelled", "El permiso cancelado"},
    {"recordId", "Record ID", "ID del registro"},
    {"signedOn", "Signed on", "Firmado el"},
    {"covered", "What it covered", "Lo que cubría"},
    {"cancellationHeading", "The cancellation", "La cancelación"},
    {"receivedOn", "Received on", "Recibida el"},
    {"recordedOn", "Recorded on", "Registrada el"},
    {"method", "How it was received", "Cómo se recibió"},
    {"letterKept", "A photo of the letter is kept with the record.",
     "Se guarda una foto de la carta con el registro."},
    {"note", "Note", "Nota"},
    {"signature", "Signature", "Firma"},
    {"cancellationId", "Cancellation ID", "ID de la cancelación"},
    {"stopsHeading", "What stops", "Lo que se detiene"},
    {"stopsNow",
     "No new post may use anything this permission covered, and nothing it covered can be "
     "added to a new post.",
     "Ninguna publicación nueva puede usar nada de lo que cubría este permiso, y nada de lo "
     "que cubría se puede añadir a una publicación nueva."},
    {"draftsStopped", "Posts in preparation that were stopped: {n}",
     "Publicaciones en preparación que se detuvieron: {n}"},
    {"takedownIntro", "Published posts that are being taken down:",
     "Publicaciones ya hechas que se están retirando:"},
    {"takedownLine", "{platform}, posted on {date}: {url}",
     "{platform}, publicada el {date}: {url}"},
    {"urlUnknown", "address not recorded", "dirección no registrada"},
    {"noPosts", "Nothing this permission covered had been posted.",
     "Nada de lo que cubría este permiso se había publicado."},
    {"copies",
     "Copies that other people already saw, saved or shared can't be fully recalled, and the "
     "cancellation does not undo what was shared before it.",
     "Las copias que otras personas ya vieron, guardaron o compartieron no se pueden recuperar "
     "del todo, y la cancelación no deshace lo que se compartió antes."},
    {"receivedByHeading", "Who received it", "Quién la recibió"},
    {"clinician", "Clinician", "Profesional de salud"},
    {"practice", "Practice", "Consultorio"},
    {"practiceContact", "Contact", "Contacto"},
    {"detailsHeading", "Record details", "Datos del registro"},
    {"detailsNote",
     "These values identify the sealed record kept on the clinician's device, as on your copy "
     "of the form you signed.",
     "Estos valores identifican el registro sellado que se guarda en el dispositivo del "
     "profesional de salud, como en su copia del formulario que firmó."},
    {"recordSha256", "Record SHA-256", "SHA-256 del registro"},
    {"deviceKey", "Device key fingerprint (SHA-256)",
     "Huella de la clave del dispositivo (SHA-256)"},
    {"footer", "Cancellation of record {id}", "Cancelación del registro {id}"},
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
                throw DocumentError("the receipt has no fixed labels for the language \"" +
                                    language.toStdString() + '"');
        }
    }
    QString operator()(const char *key) const {
        return RevocationPdfRenderer::label(m_language, QLatin1StringView(key));
    }

private:
    QString m_language;
};

using Fields = std::vector<std::pair<QString, QString>>;

// Everything printed, worked out once for both passes.
struct Content {
    QString title;
    QString formTitle;
    QString consentId;
    Fields summary;
    Fields consent;
    QString covered;
    Fields cancellation;
    std::optional<domain::SignatureStrokes> signature;
    Fields afterSignature;
    QString stops;
    Fields receivedBy;
    Fields details;
};

QString bullets(const QStringList &lines) {
    QStringList out;
    for (const QString &line : lines)
        out.append(QStringLiteral("• ") + line);
    return out.join(QLatin1Char('\n'));
}

Content prepareContent(const services::RevocationReceipt &receipt, const Words &words) {
    const domain::ConsentTemplate &form = *receipt.form;
    const auto date = [&](const QDate &day) {
        try {
            return form.formatDate(day);
        } catch (const domain::TemplateError &) {
            throw DocumentError("the receipt holds a date the form can't print");
        }
    };
    const auto when = [&](const QDateTime &time) {
        if (!time.isValid())
            throw DocumentError("the receipt holds a time that is not valid");
        const QDateTime local = time.toOffsetFromUtc(receipt.utcOffsetMinutes * 60);
        return fill(words("dateTime"), {{"date", date(local.date())},
                                        {"time", local.time().toString(words("timeFormat"))},
                                        {"offset", offsetText(receipt.utcOffsetMinutes)}});
    };
    const auto formLabel = [&](const QString &key, const QString &fallback) {
        const QString text = form.label(key);
        return text.isEmpty() ? fallback : text;
    };

    Content content;
    content.title = words("title");
    content.formTitle = form.title();
    content.consentId = receipt.consentId;
    content.summary = {{words("patient"), receipt.patientName},
                       {words("cancelledBy"), receipt.signerName},
                       {words("signerRole"), formLabel(QStringLiteral("role.") + receipt.signerRole,
                                                       receipt.signerRole)}};
    content.consent = {{words("recordId"), receipt.consentId},
                       {words("signedOn"), when(receipt.signedAt)}};
    content.covered = bullets(receipt.itemDescriptions);

    QString method = formLabel(QStringLiteral("method.") + receipt.method, receipt.method);
    if (receipt.letterKept)
        method += QLatin1Char('\n') + words("letterKept");
    content.cancellation = {{words("receivedOn"), when(receipt.receivedAt)},
                            {words("recordedOn"), when(receipt.recordedAt)},
                            {words("method"), method}};
    if (!receipt.note.trimmed().isEmpty())
        content.cancellation.emplace_back(words("note"), receipt.note.trimmed());
    content.signature = receipt.strokes;
    content.afterSignature = {{words("cancellationId"), receipt.revocationId}};

    QStringList stops{words("stopsNow")};
    if (receipt.blockedDrafts > 0)
        stops << fill(words("draftsStopped"), {{"n", QString::number(receipt.blockedDrafts)}});
    if (receipt.takedowns.empty()) {
        stops << words("noPosts");
    } else {
        stops << words("takedownIntro");
        for (const auto &post : receipt.takedowns) {
            const QDateTime local = post.postedAt.toOffsetFromUtc(receipt.utcOffsetMinutes * 60);
            stops << QStringLiteral("• ") +
                         fill(words("takedownLine"),
                              {{"platform", formLabel(QStringLiteral("platform.") + post.platform,
                                                      post.platform)},
                               {"date", date(local.date())},
                               {"url", post.url.isEmpty() ? words("urlUnknown") : post.url}});
        }
    }
    stops << QString() << words("copies");
    content.stops = stops.join(QLatin1Char('\n'));

    content.receivedBy = {{words("clinician"), receipt.clinicianName},
                          {words("practice"), receipt.practiceName},
                          {words("practiceContact"), receipt.practiceContact}};

    const QString fingerprint = ConsentPdfRenderer::keyFingerprint(receipt.devicePublicKey);
    if (fingerprint.isEmpty())
        throw DocumentError("the device key is not an Ed25519 public key in hex");
    content.details = {{words("recordId"), receipt.consentId},
                       {words("recordSha256"), receipt.recordSha256},
                       {words("deviceKey"), fingerprint}};
    return content;
}

// Lays the receipt out on writer; returns the number of pages. totalPages is printed in
// every footer (0 on the counting pass).
int paint(QPdfWriter &writer, const Content &content, const Words &words, int totalPages) {
    QPainter painter;
    if (!painter.begin(&writer))
        throw DocumentError("the PDF engine could not start");
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const Fonts fonts;
    const QString footerLeft =
        QStringLiteral("ConsentCam · ") + fill(words("footer"), {{"id", content.consentId}});
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
    const auto fields = [&](const Fields &list, const QFont &valueFont) {
        for (const auto &[label, value] : list)
            page.field(label, value, fonts.label, valueFont);
    };

    page.text(content.title, fonts.title, Accent);
    page.space(pt(4));
    page.text(content.formTitle, fonts.subtitle, Ink);
    page.space(pt(8));
    page.text(words("intro"), fonts.body, Muted);
    page.space(pt(10));
    fields(content.summary, fonts.body);

    page.heading(words("consentHeading"), fonts.heading, fonts.body);
    fields(content.consent, fonts.body);
    page.field(words("covered"), content.covered, fonts.label, fonts.body);

    page.heading(words("cancellationHeading"), fonts.heading, fonts.body);
    fields(content.cancellation, fonts.body);
    if (content.signature)
        page.signature(words("signature"), *content.signature, fonts.label);
    fields(content.afterSignature, fonts.mono);

    page.heading(words("stopsHeading"), fonts.heading, fonts.body,
                 page.panelHeight(content.stops, fonts.body));
    page.panel(content.stops, fonts.body);

    page.heading(words("receivedByHeading"), fonts.heading, fonts.body);
    fields(content.receivedBy, fonts.body);

    page.heading(words("detailsHeading"), fonts.heading, fonts.body);
    page.text(words("detailsNote"), fonts.small, Muted);
    page.space(pt(6));
    fields(content.details, fonts.mono);

    page.finish();
    const int pages = page.page();
    if (!painter.end())
        throw DocumentError("the PDF engine could not finish the file");
    return pages;
}

} // namespace

crypto::SecretBytes RevocationPdfRenderer::render(const services::RevocationReceipt &receipt) {
    if (receipt.form == nullptr)
        throw DocumentError("no form template to render the receipt with");
    const Words words(receipt.language);
    const Content content = prepareContent(receipt, words);

    // A first pass counts the pages, for "page n of m".
    int pages = 0;
    {
        crypto::SecretBytes scratch;
        SecretSink sink(scratch);
        sink.open(QIODevice::WriteOnly);
        QPdfWriter writer(&sink);
        configure(writer, content.title);
        pages = paint(writer, content, words, 0);
    }
    crypto::SecretBytes out;
    {
        SecretSink sink(out);
        sink.open(QIODevice::WriteOnly);
        QPdfWriter writer(&sink);
        configure(writer, content.title);
        if (paint(writer, content, words, pages) != pages)
            throw DocumentError("the receipt's layout changed between passes");
    }
    return out;
}

QStringList RevocationPdfRenderer::labelKeys() {
    QStringList keys;
    for (const auto &row : Labels)
        keys.append(QLatin1StringView(row.key));
    return keys;
}

QStringList RevocationPdfRenderer::labelLanguages() {
    QStringList languages;
    for (const char *language : LabelLanguages)
        languages.append(QLatin1StringView(language));
    return languages;
}

QString RevocationPdfRenderer::label(const QString &language, const QString &key) {
    for (const auto &row : Labels) {
        if (key == QLatin1StringView(row.key)) {
            const char *text = column(row, language);
            return text == nullptr ? QString() : QString::fromUtf8(text);
        }
    }
    return {};
}

} // namespace cc::imaging
