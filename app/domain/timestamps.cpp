#include "domain/timestamps.h"

namespace cc::domain {

QString isoUtc(const QDateTime &time) {
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"));
}

std::optional<QDateTime> parseIsoUtc(const QString &text) {
    // Date and time are parsed apart: a QDateTime parse would read them as local time,
    // where a daylight-saving gap can make a valid UTC instant invalid.
    if (text.size() != 24 || text.at(10) != QLatin1Char('T') || text.at(23) != QLatin1Char('Z'))
        return std::nullopt;
    const QDate date = QDate::fromString(text.left(10), QStringLiteral("yyyy-MM-dd"));
    const QTime time = QTime::fromString(text.mid(11, 12), QStringLiteral("HH:mm:ss.zzz"));
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    const QDateTime instant(date, time, Qt::UTC);
    if (isoUtc(instant) != text)
        return std::nullopt;
    return instant;
}

QString isoDate(const QDate &date) {
    return date.toString(QStringLiteral("yyyy-MM-dd"));
}

std::optional<QDate> parseIsoDate(const QString &text) {
    if (text.size() != 10)
        return std::nullopt;
    const QDate date = QDate::fromString(text, QStringLiteral("yyyy-MM-dd"));
    if (!date.isValid() || isoDate(date) != text)
        return std::nullopt;
    return date;
}

std::int64_t toMs(const QDateTime &time) {
    return time.toMSecsSinceEpoch();
}

QDateTime fromMs(std::int64_t ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

} // namespace cc::domain
