#include "storage/rowutil.h"

#include <stdexcept>

namespace cc::storage::rows {

crypto::Bytes digest(const QString &hex) {
    try {
        return crypto::fromHex(hex.toStdString());
    } catch (const std::invalid_argument &) {
        return {};
    }
}

QString hex(const crypto::Bytes &bytes) {
    return QString::fromStdString(crypto::toHex(bytes));
}

void bindText(Statement &statement, int index, const QString &text) {
    if (text.isEmpty())
        statement.bindNull(index);
    else
        statement.bind(index, text);
}

void bindTime(Statement &statement, int index, const QDateTime &time) {
    if (time.isValid())
        statement.bind(index, domain::toMs(time));
    else
        statement.bindNull(index);
}

QDateTime time(const Statement &statement, int column) {
    return statement.isNull(column) ? QDateTime() : domain::fromMs(statement.columnInt64(column));
}

} // namespace cc::storage::rows
