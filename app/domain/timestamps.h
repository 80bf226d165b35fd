#pragma once

// The one textual form of an instant in records, exports and the audit log:
// UTC, millisecond precision, "2026-11-28T09:11:08.123Z". The database stores
// milliseconds since the epoch.

#include <QDate>
#include <QDateTime>
#include <QString>

#include <cstdint>
#include <optional>

namespace cc::domain {

[[nodiscard]] QString isoUtc(const QDateTime &time);
// Only the exact form isoUtc() writes; nullopt for anything else.
[[nodiscard]] std::optional<QDateTime> parseIsoUtc(const QString &text);

// "2027-05-03"; and its strict inverse.
[[nodiscard]] QString isoDate(const QDate &date);
[[nodiscard]] std::optional<QDate> parseIsoDate(const QString &text);

[[nodiscard]] std::int64_t toMs(const QDateTime &time);
[[nodiscard]] QDateTime fromMs(std::int64_t ms);

} // namespace cc::domain
