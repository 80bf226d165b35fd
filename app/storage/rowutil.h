#pragma once

// Conversions between domain values and SQLite columns, for this library's repositories.

#include "crypto/bytes.h"
#include "domain/timestamps.h"
#include "storage/database.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace cc::storage::rows {

// A lowercase hex digest as the raw bytes the database keeps (empty for malformed hex).
[[nodiscard]] crypto::Bytes digest(const QString &hex);
[[nodiscard]] QString hex(const crypto::Bytes &bytes);

[[nodiscard]] inline crypto::ByteView view(const QByteArray &data) {
    return {reinterpret_cast<const std::uint8_t *>(data.constData()), std::size_t(data.size())};
}
[[nodiscard]] inline QByteArray byteArray(const crypto::Bytes &data) {
    return QByteArray(reinterpret_cast<const char *>(data.data()), qsizetype(data.size()));
}

// NULL for an empty string / an invalid time.
void bindText(Statement &statement, int index, const QString &text);
void bindTime(Statement &statement, int index, const QDateTime &time);
[[nodiscard]] QDateTime time(const Statement &statement, int column); // invalid for NULL

} // namespace cc::storage::rows
