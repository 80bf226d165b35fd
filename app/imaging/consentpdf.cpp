#include "imaging/consentpdf.h"

#include "crypto/hash.h"
#include "domain/consenttemplate.h"
#include "domain/vocabulary.h"

#include <QColor>
#include <QFont>
#include <QFontMetricsF>
#include <QIODevice>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QTextLayout>
#include <QTextOption>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace cc::imaging {

using services::DocumentError;

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

QString fill(QString text, std::initializer_list<std::pair<const char *, QString>> values) {
    for (const auto &[name, value] : values)
        text.replace(QLatin1Char('{') + QLatin1StringView(name) + QLatin1Char('}'), value);
    return text;
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

constexpr qreal pt(qreal points) {
    return points * ConsentPdfRenderer::Resolution / 72.0;
}

const QColor Ink(0x1f, 0x1f, 0x1f);
const QColor Muted(0x55, 0x5b, 0x63);
const QColor Accent(0x0b, 0x3d, 0x91);
const QColor Rule(0xc4, 0xca, 0xd1);
const QColor Pen(0x0a, 0x1f, 0x5c);
const QColor Panel(0xf3, 0xf5, 0xf8);

QFont makeFont(const char *family, qreal size, QFont::Weight weight,
               QFont::StyleHint hint = QFont::SansSerif) {
    QFont font{QString::fromLatin1(family)};
    font.setStyleHint(hint);
    font.setPointSizeF(size);
    font.setWeight(weight);
    // No ligatures: "ff" in a record id or "fi" in "firma" must come out of the PDF as the
    // letters they are, for anyone who copies or searches the text.
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
}

struct Fonts {
    QFont title = makeFont("DejaVu Sans", 17, QFont::Bold);
    QFont subtitle = makeFont("DejaVu Sans", 12, QFont::Normal);
    QFont heading = makeFont("DejaVu Sans", 13.5, QFont::Bold);
    QFont subheading = makeFont("DejaVu Sans", 11, QFont::Bold);
    QFont body = makeFont("DejaVu Sans", 10.5, QFont::Normal);
    QFont label = makeFont("DejaVu Sans", 9.5, QFont::Bold);
    QFont small = makeFont("DejaVu Sans", 8.5, QFont::Normal);
    QFont mono = makeFont("DejaVu Sans Mono", 8.5, QFont::Normal, QFont::Monospace);
};

// Text laid out for a width: one layout per line of the source text (a "• " line gets a
// hanging indent), with the blank lines between paragraphs kept as gaps.
struct Block {
    struct Paragraph {
        std::unique_ptr<QTextLayout> layout; // null for a blank line
        bool bullet = false;
    };
    std::vector<Paragraph> paragraphs;
    qreal height = 0;
    const QFont *font = nullptr; // outlives the block
};

// Lays out pages top to bottom: a cursor y on the current page, breaks between lines of
// text, and blocks that must stay whole (a signature, a row of photos, a short field).
class Composer {
public:
    using Footer = std::function<void(QPainter &, int page, const QRectF &area)>;

    Composer(QPdfWriter &writer, QPainter &painter, Footer footer)
        : m_writer(writer)
        , m_painter(painter)
        , m_footer(std::move(footer)) {
        const QRectF page(QPointF(0, 0), QSizeF(writer.width(), writer.height()));
        m_left = pt(54);
        m_right = page.width() - pt(54);
        m_top = pt(54);
        m_bottom = page.height() - pt(62);
        m_footerArea = QRectF(m_left, m_bottom + pt(14), m_right - m_left, pt(24));
        m_y = m_top;
    }

    [[nodiscard]] int page() const { return m_page; }
    [[nodiscard]] qreal left() const { return m_left; }
    [[nodiscard]] qreal width() const { return m_right - m_left; }
    [[nodiscard]] qreal y() const { return m_y; }
    [[nodiscard]] qreal pageHeight() const { return m_bottom - m_top; }

    void newPage() {
        m_footer(m_painter, m_page, m_footerArea);
        if (!m_writer.newPage())
            throw DocumentError("the PDF engine could not start a new page");
        ++m_page;
        m_y = m_top;
    }
    void finish() { m_footer(m_painter, m_page, m_footerArea); }

    // Starts a new page unless height fits below the cursor (or the page is still empty).
    void ensure(qreal height) {
        if (m_y + height > m_bottom && m_y > m_top)
            newPage();
    }
    void space(qreal height) { m_y = std::min(m_y + height, m_bottom); }

    [[nodiscard]] Block prepare(const QString &text, const QFont &font, qreal width) const {
        Block block;
        block.font = &font;
        const qreal indent = bulletIndent(font);
        const QStringList lines = text.split(QLatin1Char('\n'));
        for (const QString &source : lines) {
            Block::Paragraph paragraph;
            if (source.trimmed().isEmpty()) {
                block.height += gap(font);
                block.paragraphs.push_back(std::move(paragraph));
                continue;
            }
            paragraph.bullet = source.startsWith(QStringLiteral("• "));
            const QString content = paragraph.bullet ? source.mid(2) : source;
            paragraph.layout = std::make_unique<QTextLayout>(content, font, &m_writer);
            QTextOption option;
            option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
            paragraph.layout->setTextOption(option);
            paragraph.layout->beginLayout();
            qreal y = 0;
            for (QTextLine line = paragraph.layout->createLine(); line.isValid();
                 line = paragraph.layout->createLine()) {
                line.setLineWidth(width - (paragraph.bullet ? indent : 0));
                line.setPosition(QPointF(0, y));
                y += advance(line);
            }
            paragraph.layout->endLayout();
            block.height += y;
            block.paragraphs.push_back(std::move(paragraph));
        }
        return block;
    }

    // Draws a block at x, breaking pages between its lines.
    void draw(const Block &block, qreal x, const QColor &color) {
        const qreal indent = bulletIndent(*block.font);
        for (const auto &paragraph : block.paragraphs) {
            if (!paragraph.layout) {
                space(gap(*block.font));
                continue;
            }
            for (int i = 0; i < paragraph.layout->lineCount(); ++i) {
                const QTextLine line = paragraph.layout->lineAt(i);
                ensure(advance(line));
                // Set for every line: a page break in between drew the footer.
                m_painter.setPen(color);
                m_painter.setFont(*block.font);
                if (paragraph.bullet && i == 0)
                    m_painter.drawText(QPointF(x, m_y + line.ascent()), QStringLiteral("•"));
                line.draw(&m_painter, QPointF(x + (paragraph.bullet ? indent : 0), m_y - line.y()));
                m_y += advance(line);
            }
        }
    }

    void text(const QString &text, const QFont &font, const QColor &color = Ink) {
        draw(prepare(text, font, width()), m_left, color);
    }

    // A section heading with a rule under it, kept with what follows: three lines of next,
    // or keep (a block that must stay whole) when that fits on a page.
    void heading(const QString &text, const QFont &font, const QFont &next, qreal keep = 0) {
        const Block block = prepare(text, font, width());
        const qreal own = pt(14) + block.height + pt(11);
        const qreal lines = 3 * QFontMetricsF(next, &m_writer).lineSpacing();
        ensure(own + (own + keep <= pageHeight() ? std::max(keep, lines) : lines));
        if (m_y > m_top)
            space(pt(14));
        draw(block, m_left, Accent);
        space(pt(3));
        m_painter.setPen(QPen(Rule, pt(0.8)));
        m_painter.drawLine(QPointF(m_left, m_y), QPointF(m_right, m_y));
        space(pt(8));
    }

    void subheading(const QString &text, const QFont &font, const QFont &next) {
        const Block block = prepare(text, font, width());
        ensure(pt(8) + block.height + 2 * QFontMetricsF(next, &m_writer).lineSpacing());
        if (m_y > m_top)
            space(pt(8));
        draw(block, m_left, Ink);
        space(pt(4));
    }

    [[nodiscard]] qreal labelWidth() const { return width() * 0.30; }
    [[nodiscard]] qreal valueX() const { return m_left + labelWidth() + pt(10); }
    [[nodiscard]] qreal valueWidth() const { return m_right - valueX(); }

    // A label and its value side by side. Kept whole when it fits on a page; a longer
    // value breaks between its lines.
    void field(const QString &label, const QString &value, const QFont &labelFont,
               const QFont &valueFont) {
        const Block labelBlock = prepare(label, labelFont, labelWidth());
        const Block valueBlock = prepare(value, valueFont, valueWidth());
        const qreal height = std::max(labelBlock.height, valueBlock.height);
        if (height <= pageHeight())
            ensure(height);
        else
            ensure(std::max(firstLine(labelBlock), firstLine(valueBlock)));
        const qreal top = m_y;
        const int page = m_page;
        draw(labelBlock, m_left, Muted);
        const qreal labelEnd = m_y;
        m_y = top;
        draw(valueBlock, valueX(), Ink);
        if (m_page == page)
            m_y = std::max(m_y, labelEnd);
        space(pt(5));
    }

    // A label beside a box holding a signature drawn from its strokes.
    void signature(const QString &label, const domain::SignatureStrokes &strokes,
                   const QFont &labelFont) {
        const Block labelBlock = prepare(label, labelFont, labelWidth());
        const QSizeF box(std::min(valueWidth(), pt(260)), pt(86));
        ensure(std::max(labelBlock.height, box.height()));
        const qreal top = m_y;
        draw(labelBlock, m_left, Muted);
        const QRectF area(QPointF(valueX(), top), box);
        m_painter.setPen(Qt::NoPen);
        m_painter.setBrush(Panel);
        m_painter.drawRect(area);
        m_painter.setBrush(Qt::NoBrush);
        m_painter.setPen(QPen(Rule, pt(0.8)));
        const qreal baseline = area.bottom() - pt(14);
        m_painter.drawLine(QPointF(area.left() + pt(10), baseline),
                           QPointF(area.right() - pt(10), baseline));
        drawStrokes(strokes, area.adjusted(pt(12), pt(8), -pt(12), -pt(8)));
        m_y = std::max(m_y, area.bottom());
        space(pt(6));
    }

    struct Picture {
        QImage image; // null: not available
        QString caption;
    };
    static constexpr int PicturesPerRow = 3;

    // The height of the row of pictures starting at first.
    [[nodiscard]] qreal pictureRowHeight(const std::vector<Picture> &pictures, std::size_t first,
                                         const QFont &captionFont) const {
        const qreal cell = pictureCell();
        qreal imageHeight = 0;
        qreal captionHeight = 0;
        for (std::size_t i = first; i < std::min(pictures.size(), first + PicturesPerRow); ++i) {
            imageHeight = std::max(imageHeight, pictureSize(pictures[i]).height());
            captionHeight =
                std::max(captionHeight, prepare(pictures[i].caption, captionFont, cell).height);
        }
        return imageHeight + pt(5) + captionHeight;
    }

    // Photos in rows of three, each with its caption; a row never splits.
    void pictures(const std::vector<Picture> &pictures, const QString &missing,
                  const QFont &captionFont) {
        const qreal cell = pictureCell();
        for (std::size_t first = 0; first < pictures.size(); first += PicturesPerRow) {
            const std::size_t end = std::min(pictures.size(), first + PicturesPerRow);
            std::vector<QSizeF> sizes;
            std::vector<Block> captions;
            qreal imageHeight = 0;
            qreal captionHeight = 0;
            for (std::size_t i = first; i < end; ++i) {
                const QSizeF size = pictureSize(pictures[i]);
                sizes.push_back(size);
                imageHeight = std::max(imageHeight, size.height());
                captions.push_back(prepare(pictures[i].caption, captionFont, cell));
                captionHeight = std::max(captionHeight, captions.back().height);
            }
            ensure(imageHeight + pt(5) + captionHeight);
            const qreal top = m_y;
            for (std::size_t i = first; i < end; ++i) {
                const qreal x = m_left + qreal(i - first) * (cell + PictureGap);
                const QRectF target(QPointF(x, top), sizes[i - first]);
                if (pictures[i].image.isNull()) {
                    m_painter.setPen(QPen(Rule, pt(0.8)));
                    m_painter.setBrush(Panel);
                    m_painter.drawRect(target);
                    m_painter.setBrush(Qt::NoBrush);
                    m_painter.setPen(Muted);
                    m_painter.setFont(captionFont);
                    m_painter.drawText(target, Qt::AlignCenter | Qt::TextWordWrap, missing);
                } else {
                    m_painter.drawImage(target, pictures[i].image);
                    m_painter.setPen(QPen(Rule, pt(0.6)));
                    m_painter.drawRect(target);
                }
                m_y = top + imageHeight + pt(5);
                draw(captions[i - first], x, Ink);
            }
            m_y = top + imageHeight + pt(5) + captionHeight;
            space(pt(10));
        }
    }

    [[nodiscard]] qreal panelHeight(const QString &text, const QFont &font) const {
        return prepare(text, font, width() - 2 * PanelPad).height + 2 * PanelPad;
    }

    // A shaded panel behind text, for the cancellation instructions.
    void panel(const QString &text, const QFont &font) {
        const qreal pad = PanelPad;
        const Block block = prepare(text, font, width() - 2 * pad);
        if (block.height + 2 * pad <= pageHeight())
            ensure(block.height + 2 * pad);
        const qreal top = m_y;
        const int page = m_page;
        m_y += pad;
        // Drawn first so the text lands on top; a panel that breaks across pages keeps
        // its text and loses only the shading past the break.
        m_painter.setPen(Qt::NoPen);
        m_painter.setBrush(Panel);
        m_painter.drawRect(
            QRectF(m_left, top, width(), std::min(block.height + 2 * pad, m_bottom - top)));
        m_painter.setBrush(Qt::NoBrush);
        draw(block, m_left + pad, Ink);
        if (m_page == page)
            m_y = top + block.height + 2 * pad;
        space(pt(6));
    }

private:
    static constexpr qreal PictureGap = pt(14);
    static constexpr qreal PanelPad = pt(10);

    [[nodiscard]] qreal pictureCell() const {
        return (width() - PictureGap * (PicturesPerRow - 1)) / PicturesPerRow;
    }
    [[nodiscard]] QSizeF pictureSize(const Picture &picture) const {
        const QSizeF box(pictureCell(), pictureCell() * 0.8);
        if (picture.image.isNull())
            return box;
        return QSizeF(picture.image.size()).scaled(box, Qt::KeepAspectRatio);
    }

    [[nodiscard]] qreal bulletIndent(const QFont &font) const {
        return QFontMetricsF(font, &m_writer).horizontalAdvance(QStringLiteral("•  "));
    }
    [[nodiscard]] qreal gap(const QFont &font) const {
        return QFontMetricsF(font, &m_writer).lineSpacing() * 0.6;
    }
    [[nodiscard]] static qreal advance(const QTextLine &line) { return line.height() * 1.22; }
    [[nodiscard]] static qreal firstLine(const Block &block) {
        for (const auto &paragraph : block.paragraphs) {
            if (paragraph.layout && paragraph.layout->lineCount() > 0)
                return advance(paragraph.layout->lineAt(0));
        }
        return 0;
    }

    // The strokes as smooth curves through their points' midpoints, scaled to fit area
    // with the drawing's proportions kept.
    void drawStrokes(const domain::SignatureStrokes &signature, const QRectF &area) {
        // The ink's bounds (QRectF::united ignores the empty rectangle of a single point).
        qreal minX = 0, minY = 0, maxX = 0, maxY = 0;
        bool any = false;
        for (const auto &stroke : signature.strokes) {
            for (const auto &point : stroke) {
                minX = any ? std::min<qreal>(minX, point.x) : point.x;
                maxX = any ? std::max<qreal>(maxX, point.x) : point.x;
                minY = any ? std::min<qreal>(minY, point.y) : point.y;
                maxY = any ? std::max<qreal>(maxY, point.y) : point.y;
                any = true;
            }
        }
        if (!any)
            return;
        const QRectF ink(QPointF(minX, minY), QPointF(maxX, maxY));
        const qreal inkWidth = std::max<qreal>(ink.width(), 1);
        const qreal inkHeight = std::max<qreal>(ink.height(), 1);
        const qreal scale = std::min(area.width() / inkWidth, area.height() / inkHeight);
        const QPointF origin(area.center().x() - inkWidth * scale / 2 - ink.left() * scale,
                             area.center().y() - inkHeight * scale / 2 - ink.top() * scale);
        const auto map = [&](const domain::StrokePoint &p) {
            return QPointF(origin.x() + p.x * scale, origin.y() + p.y * scale);
        };
        QPainterPath path;
        for (const auto &stroke : signature.strokes) {
            if (stroke.empty())
                continue;
            path.moveTo(map(stroke.front()));
            if (stroke.size() == 1) {
                path.lineTo(map(stroke.front()) + QPointF(pt(0.5), 0));
                continue;
            }
            for (std::size_t i = 1; i + 1 < stroke.size(); ++i) {
                const QPointF control = map(stroke[i]);
                const QPointF next = map(stroke[i + 1]);
                path.quadTo(control, (control + next) / 2);
            }
            path.lineTo(map(stroke.back()));
        }
        m_painter.save();
        m_painter.setRenderHint(QPainter::Antialiasing);
        m_painter.setBrush(Qt::NoBrush);
        m_painter.setPen(QPen(Pen, pt(1.5), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        m_painter.drawPath(path);
        m_painter.restore();
    }

    QPdfWriter &m_writer;
    QPainter &m_painter;
    Footer m_footer;
    qreal m_left = 0;
    qreal m_right = 0;
    qreal m_top = 0;
    qreal m_bottom = 0;
    QRectF m_footerArea;
    qreal m_y = 0;
    int m_page = 1;
};

// Appends what the PDF engine writes to a wiping buffer, so the finished file never sits
// in memory that is freed unwiped.
class SecretSink final : public QIODevice {
public:
    explicit SecretSink(crypto::SecretBytes &out)
        : m_out(out) {}
    [[nodiscard]] bool isSequential() const override { return true; }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override {
        const auto *bytes = reinterpret_cast<const std::uint8_t *>(data);
        m_out.insert(m_out.end(), bytes, bytes + size);
        return size;
    }

private:
    crypto::SecretBytes &m_out;
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

QString offsetText(int minutes) {
    const QChar sign = minutes < 0 ? QLatin1Char('-') : QLatin1Char('+');
    const int magnitude = std::abs(minutes);
    return QStringLiteral("UTC%1%2:%3")
        .arg(sign)
        .arg(magnitude / 60, 2, 10, QLatin1Char('0'))
        .arg(magnitude % 60, 2, 10, QLatin1Char('0'));
}

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

void configure(QPdfWriter &writer, const QString &title) {
    writer.setResolution(ConsentPdfRenderer::Resolution);
    writer.setPageSize(QPageSize(QPageSize::Letter));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Point);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("ConsentCam"));
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
