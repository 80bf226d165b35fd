#pragma once

// JSON for signed records: RFC 8785 canonical serialization (JCS) and a strict parser.
//
// Sealed consents, audit entries and checkpoints are hashed and signed over their
// canonical form, so the same value must always produce the same bytes, and bytes read
// back from storage or from an export must mean exactly one value.

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonValue>

#include <stdexcept>

namespace cc::domain {

class JsonError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The RFC 8785 form of value: object members sorted by the UTF-16 code units of their
// names, no insignificant whitespace, strings escaped as JCS prescribes (only '"', '\\'
// and U+0000..U+001F, with the short forms \b \t \n \f \r), numbers as ECMAScript's
// Number.prototype.toString prints them (shortest round-trip form, "1e+21", "1e-7",
// -0 as "0"), UTF-8 output.
// Throws JsonError for what JCS can't represent: NaN or infinity, an integer beyond
// +-2^53 held as qint64 (it would not survive a double; Qt itself keeps integral doubles up
// to 2^53 as qint64, so those print), a string or name with an unpaired surrogate or a
// Unicode noncharacter (I-JSON forbids both), an undefined value. The message names the
// problem and where it is, as a JSON Pointer ("NaN cannot be written as JSON at "/a/0"").
[[nodiscard]] QByteArray canonicalJson(const QJsonValue &value);

struct JsonLimits {
    // Nested arrays/objects. Each level is a level of recursion here and in Qt's own value
    // handling, so keep it in the hundreds at most.
    int maxDepth = 64;
    qsizetype maxBytes = 16 * 1024 * 1024; // input size
};

// Parses one JSON text (RFC 8259) as I-JSON (RFC 7493) and nothing looser: UTF-8
// without a byte-order mark, no invalid UTF-8 (overlong forms, encoded surrogates, code
// points beyond U+10FFFF), no unpaired surrogate escapes, no Unicode noncharacters, no
// duplicate member names (compared after unescaping), no number that overflows a double
// (one too small for a double reads as 0), nothing but whitespace after the value, depth
// and size within limits. Integral numbers within +-(2^53 - 1) come back as integers
// (QJsonValue::toInteger() is exact), others as doubles.
// Throws JsonError naming the problem and its byte offset. Never crashes on any input.
[[nodiscard]] QJsonValue parseJsonStrict(QByteArrayView bytes, const JsonLimits &limits = {});

// True when bytes parse strictly and are already in canonical form (equal to
// canonicalJson() of what they parse to). Never throws.
[[nodiscard]] bool isCanonicalJson(QByteArrayView bytes);

} // namespace cc::domain
