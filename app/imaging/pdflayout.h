#pragma once

// The page layout shared by the PDF documents the app hands to patients (the signer's
// copy of a consent, the receipt of a revocation): US Letter pages at Resolution dots per
// inch, text wrapped and broken across pages between lines, fields, signatures drawn from
// their strokes, rows of photos, shaded panels, and a footer on every page. Needs a
// QGuiApplication (fonts). Internal to cc_imaging.

#include "crypto/bytes.h"
#include "domain/signature.h"
#include "services/consentdocument.h"

#include <QColor>
#include <QFont>
#include <QFontMetricsF>
#include <QIODevice>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QString>
#include <QTextLayout>
#include <QTextOption>

#include <algorithm>
#include <functional>
#include <initializer_list>
#include <memory>
#include <utility>
#include <vector>

namespace cc::imaging::pdf {

using services::DocumentError;

// Dots per inch of the page's coordinates.
constexpr int Resolution = 300;

// Replaces each {name} in text with its value.
[[nodiscard]] QString fill(QString text,
                           std::initializer_list<std::pair<const char *, QString>> values);
// "UTC-05:00" for -300.
[[nodiscard]] QString offsetText(int minutes);
// Letter pages without margins (the composer keeps its own), the title and the creator
// "ConsentCam" as the file's only metadata.
void configure(QPdfWriter &writer, const QString &title);

constexpr qreal pt(qreal points) {
    return points * Resolution / 72.0;
}

inline const QColor Ink(0x1f, 0x1f, 0x1f);
inline const QColor Muted(0x55, 0x5b, 0x63);
inline const QColor Accent(0x0b, 0x3d, 0x91);
inline const QColor Rule(0xc4, 0xca, 0xd1);
inline const QColor Pen(0x0a, 0x1f, 0x5c);
inline const QColor Panel(0xf3, 0xf5, 0xf8);

inline QFont makeFont(const char *family, qreal size, QFont::Weight weight,
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

} // namespace cc::imaging::pdf
