#pragma once

// Small strict readers for JSON objects parsed with parseJsonStrict: each takes a member
// of an exact type or fails, so record parsers never guess.

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace cc::domain::jsonread {

// An integral number that fits an int (a double like 600.0 counts); nullopt for anything
// else.
[[nodiscard]] std::optional<int> intValue(const QJsonValue &value);
// True when object has exactly the members in names (no more, no fewer).
[[nodiscard]] bool hasExactly(const QJsonObject &object, std::initializer_list<const char *> names);
[[nodiscard]] std::optional<QString> string(const QJsonObject &object, const char *name);
[[nodiscard]] std::optional<bool> boolean(const QJsonObject &object, const char *name);
// An integral number within [min, max].
[[nodiscard]] std::optional<qint64> integer(const QJsonObject &object, const char *name, qint64 min,
                                            qint64 max);
[[nodiscard]] std::optional<QJsonObject> object(const QJsonObject &object, const char *name);
[[nodiscard]] std::optional<QJsonArray> array(const QJsonObject &object, const char *name);
// An array of strings, at most maxCount of them.
[[nodiscard]] std::optional<QStringList> strings(const QJsonObject &object, const char *name,
                                                 qsizetype maxCount = 256);

} // namespace cc::domain::jsonread
