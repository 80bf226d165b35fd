#include "domain/jsonread.h"

#include <cmath>
#include <limits>

namespace cc::domain::jsonread {

std::optional<int> intValue(const QJsonValue &value) {
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (!std::isfinite(number) || std::trunc(number) != number ||
        number < double(std::numeric_limits<int>::min()) ||
        number > double(std::numeric_limits<int>::max()))
        return std::nullopt;
    return static_cast<int>(number);
}

bool hasExactly(const QJsonObject &object, std::initializer_list<const char *> names) {
    if (object.size() != qsizetype(names.size()))
        return false;
    for (const char *name : names) {
        if (!object.contains(QLatin1StringView(name)))
            return false;
    }
    return true;
}

std::optional<QString> string(const QJsonObject &object, const char *name) {
    const QJsonValue value = object.value(QLatin1StringView(name));
    if (!value.isString())
        return std::nullopt;
    return value.toString();
}

std::optional<bool> boolean(const QJsonObject &object, const char *name) {
    const QJsonValue value = object.value(QLatin1StringView(name));
    if (!value.isBool())
        return std::nullopt;
    return value.toBool();
}

std::optional<qint64> integer(const QJsonObject &object, const char *name, qint64 min, qint64 max) {
    const QJsonValue value = object.value(QLatin1StringView(name));
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (!std::isfinite(number) || std::trunc(number) != number || number < double(min) ||
        number > double(max))
        return std::nullopt;
    return value.toInteger();
}

std::optional<QJsonObject> object(const QJsonObject &object, const char *name) {
    const QJsonValue value = object.value(QLatin1StringView(name));
    if (!value.isObject())
        return std::nullopt;
    return value.toObject();
}

std::optional<QJsonArray> array(const QJsonObject &object, const char *name) {
    const QJsonValue value = object.value(QLatin1StringView(name));
    if (!value.isArray())
        return std::nullopt;
    return value.toArray();
}

std::optional<QStringList> strings(const QJsonObject &object, const char *name,
                                   qsizetype maxCount) {
    const auto list = array(object, name);
    if (!list || list->size() > maxCount)
        return std::nullopt;
    QStringList result;
    result.reserve(list->size());
    for (const QJsonValue &value : *list) {
        if (!value.isString())
            return std::nullopt;
        result.append(value.toString());
    }
    return result;
}

} // namespace cc::domain::jsonread
