#include "imaging/pdflayout.h"

#include <QPageLayout>
#include <QPageSize>

#include <cstdlib>

namespace cc::imaging::pdf {

QString fill(QString text, std::initializer_list<std::pair<const char *, QString>> values) {
    for (const auto &[name, value] : values)
        text.replace(QLatin1Char('{') + QLatin1StringView(name) + QLatin1Char('}'), value);
    return text;
}

QString offsetText(int minutes) {
    const QChar sign = minutes < 0 ? QLatin1Char('-') : QLatin1Char('+');
    const int magnitude = std::abs(minutes);
    return QStringLiteral("UTC%1%2:%3")
        .arg(sign)
        .arg(magnitude / 60, 2, 10, QLatin1Char('0'))
        .arg(magnitude % 60, 2, 10, QLatin1Char('0'));
}

void configure(QPdfWriter &writer, const QString &title) {
    writer.setResolution(Resolution);
    writer.setPageSize(QPageSize(QPageSize::Letter));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Point);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("ConsentCam"));
}

} // namespace cc::imaging::pdf
