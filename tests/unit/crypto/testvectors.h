#pragma once

// Loading the public conformance vectors for the crypto tests. A missing or unparsable
// file fails the test that asked for it; nothing is ever skipped.

#include "crypto/bytes.h"

#include <catch2/catch_test_macros.hpp>

#include <QByteArray>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace cc::crypto::test {

inline QJsonObject loadVectors(const char *fileName) {
    const QString path = QStringLiteral(CONSENTCAM_TESTVECTORS_DIR "/") + QLatin1String(fileName);
    QFile file(path);
    INFO("vector file " << fileName);
    REQUIRE(file.open(QIODevice::ReadOnly));
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    REQUIRE(error.error == QJsonParseError::NoError);
    REQUIRE(doc.isObject());
    const QJsonObject root = doc.object();
    REQUIRE(root.value(QLatin1String("testGroups")).isArray());
    REQUIRE_FALSE(root.value(QLatin1String("testGroups")).toArray().isEmpty());
    return root;
}

inline QJsonArray groups(const QJsonObject &root) {
    return root.value(QLatin1String("testGroups")).toArray();
}

inline QJsonArray tests(const QJsonObject &group) {
    const QJsonValue v = group.value(QLatin1String("tests"));
    REQUIRE(v.isArray());
    return v.toArray();
}

// Hex field of a test object; the field must exist and be a string.
inline Bytes hexField(const QJsonObject &obj, const char *name) {
    const QJsonValue v = obj.value(QLatin1String(name));
    INFO("field " << name);
    REQUIRE(v.isString());
    return fromHex(v.toString().toStdString());
}

inline std::string stringField(const QJsonObject &obj, const char *name) {
    const QJsonValue v = obj.value(QLatin1String(name));
    INFO("field " << name);
    REQUIRE(v.isString());
    return v.toString().toStdString();
}

inline bool isValid(const QJsonObject &test) {
    const std::string result = stringField(test, "result");
    REQUIRE((result == "valid" || result == "invalid"));
    return result == "valid";
}

inline bool hasFlag(const QJsonObject &test, const char *flag) {
    return test.value(QLatin1String("flags")).toArray().contains(QJsonValue(QLatin1String(flag)));
}

inline Bytes toBytes(const QByteArray &a) {
    return Bytes(a.begin(), a.end());
}

} // namespace cc::crypto::test
