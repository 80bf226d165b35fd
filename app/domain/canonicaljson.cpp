#include "domain/canonicaljson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QString>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cc::domain {

namespace {

// 2^53: every integer up to this magnitude is exactly a double. Qt itself keeps integral
// doubles up to here as qint64, so they print as the integers they are.
constexpr qint64 MaxExactInteger = qint64{1} << 53;
// I-JSON's interoperable integer range, +-(2^53 - 1): parsed integers within it come back
// as qint64.
constexpr double MaxSafeInteger = 9007199254740991.0;

std::string hexCodePoint(char32_t cp) {
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string text = "U+";
    const int width = cp > 0xFFFFF ? 6 : cp > 0xFFFF ? 5 : 4;
    for (int shift = (width - 1) * 4; shift >= 0; shift -= 4) {
        text.push_back(digits[(cp >> shift) & 0xF]);
    }
    return text;
}

bool isSurrogate(char32_t cp) {
    return cp >= 0xD800 && cp <= 0xDFFF;
}

// Unicode noncharacters: U+FDD0..U+FDEF and the last two code points of every plane.
bool isNoncharacter(char32_t cp) {
    return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

void appendUtf8(QByteArray &out, char32_t cp) {
    if (cp < 0x80) {
        out.append(char(cp));
    } else if (cp < 0x800) {
        out.append(char(0xC0 | (cp >> 6)));
        out.append(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.append(char(0xE0 | (cp >> 12)));
        out.append(char(0x80 | ((cp >> 6) & 0x3F)));
        out.append(char(0x80 | (cp & 0x3F)));
    } else {
        out.append(char(0xF0 | (cp >> 18)));
        out.append(char(0x80 | ((cp >> 12) & 0x3F)));
        out.append(char(0x80 | ((cp >> 6) & 0x3F)));
        out.append(char(0x80 | (cp & 0x3F)));
    }
}

// ---------------------------------------------------------------------------------------
// Serialization

// Where in the value being serialized a problem sits, as a JSON Pointer (RFC 6901).
class JsonPath {
public:
    void push(const QString &name) { m_steps.push_back(Step{&name, 0}); }
    void push(qsizetype index) { m_steps.push_back(Step{nullptr, index}); }
    void pop() { m_steps.pop_back(); }

    [[nodiscard]] std::string pointer() const {
        if (m_steps.empty()) {
            return "the top level";
        }
        QString text;
        for (const Step &step : m_steps) {
            text += QLatin1Char('/');
            if (step.name != nullptr) {
                QString escaped = *step.name;
                escaped.replace(QLatin1Char('~'), QLatin1String("~0"));
                escaped.replace(QLatin1Char('/'), QLatin1String("~1"));
                text += escaped;
            } else {
                text += QString::number(step.index);
            }
        }
        return "\"" + text.toStdString() + "\"";
    }

private:
    struct Step {
        const QString *name;
        qsizetype index;
    };
    std::vector<Step> m_steps;
};

// A problem reported as: "<what> at <pointer>".
[[noreturn]] void failAt(const std::string &what, const JsonPath &path) {
    throw JsonError(what + " at " + path.pointer());
}

// Appends text as a JCS string: '"', '\\' and U+0000..U+001F escaped (short forms where
// JSON has them, else \u00xx in lowercase hex), everything else as UTF-8.
void appendString(QByteArray &out, const QString &text, const char *what, const JsonPath &path) {
    static constexpr char hex[] = "0123456789abcdef";
    out.append('"');
    const char16_t *units = reinterpret_cast<const char16_t *>(text.utf16());
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        char32_t cp = units[i];
        if (QChar::isHighSurrogate(cp) && i + 1 < size && QChar::isLowSurrogate(units[i + 1])) {
            cp = QChar::surrogateToUcs4(char16_t(cp), units[i + 1]);
            ++i;
        } else if (isSurrogate(cp)) {
            failAt(std::string(what) + " has an unpaired surrogate " + hexCodePoint(cp), path);
        }
        if (isNoncharacter(cp)) {
            failAt(std::string(what) + " has the Unicode noncharacter " + hexCodePoint(cp), path);
        }
        switch (cp) {
        case U'"':
            out.append("\\\"");
            break;
        case U'\\':
            out.append("\\\\");
            break;
        case U'\b':
            out.append("\\b");
            break;
        case U'\t':
            out.append("\\t");
            break;
        case U'\n':
            out.append("\\n");
            break;
        case U'\f':
            out.append("\\f");
            break;
        case U'\r':
            out.append("\\r");
            break;
        default:
            if (cp < 0x20) {
                out.append("\\u00");
                out.append(hex[cp >> 4]);
                out.append(hex[cp & 0xF]);
            } else {
                appendUtf8(out, cp);
            }
        }
    }
    out.append('"');
}

// ECMAScript Number.prototype.toString (ECMA-262 Number::toString) for a finite double:
// the shortest digits that read back as the same double, laid out in full for magnitudes
// in [1e-6, 1e21) and in exponent form otherwise.
void appendNumber(QByteArray &out, double value) {
    if (value == 0) { // also -0
        out.append('0');
        return;
    }
    if (value < 0) {
        out.append('-');
        value = -value;
    }
    // Shortest round-trip form "d.ddde+XX": digits s (k of them) and the exponent n - 1.
    char buffer[64];
    const auto result =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    const char *end = result.ptr;
    const char *e = std::find(static_cast<const char *>(buffer), end, 'e');
    std::string digits(1, buffer[0]);
    if (buffer + 1 < e && buffer[1] == '.') {
        digits.append(buffer + 2, std::size_t(e - (buffer + 2)));
    }
    const char *exponentStart = e + 1;
    if (exponentStart < end && *exponentStart == '+') {
        ++exponentStart;
    }
    int exponent = 0;
    std::from_chars(exponentStart, end, exponent);

    const int k = int(digits.size());
    const int n = exponent + 1;
    if (k <= n && n <= 21) {
        out.append(digits.data(), k);
        out.append(QByteArray(n - k, '0'));
    } else if (0 < n && n <= 21) {
        out.append(digits.data(), n);
        out.append('.');
        out.append(digits.data() + n, k - n);
    } else if (-6 < n && n <= 0) {
        out.append("0.");
        out.append(QByteArray(-n, '0'));
        out.append(digits.data(), k);
    } else {
        out.append(digits[0]);
        if (k > 1) {
            out.append('.');
            out.append(digits.data() + 1, k - 1);
        }
        out.append('e');
        out.append(n - 1 >= 0 ? '+' : '-');
        out.append(QByteArray::number(std::abs(n - 1)));
    }
}

void appendValue(QByteArray &out, const QJsonValue &value, JsonPath &path);

// The order JCS prescribes for member names: by UTF-16 code units, compared as unsigned
// 16-bit numbers (so U+1F600, stored as D83D DE00, sorts before U+FB33).
bool utf16Less(const QString &a, const QString &b) {
    const char16_t *x = reinterpret_cast<const char16_t *>(a.utf16());
    const char16_t *y = reinterpret_cast<const char16_t *>(b.utf16());
    return std::lexicographical_compare(x, x + a.size(), y, y + b.size());
}

void appendObject(QByteArray &out, const QJsonObject &object, JsonPath &path) {
    std::vector<QString> names;
    names.reserve(std::size_t(object.size()));
    for (auto it = object.begin(); it != object.end(); ++it) {
        names.push_back(it.key());
    }
    std::sort(names.begin(), names.end(), utf16Less);
    out.append('{');
    bool first = true;
    for (const QString &name : names) {
        if (!first) {
            out.append(',');
        }
        first = false;
        path.push(name);
        appendString(out, name, "member name", path);
        out.append(':');
        appendValue(out, object.value(name), path);
        path.pop();
    }
    out.append('}');
}

void appendArray(QByteArray &out, const QJsonArray &array, JsonPath &path) {
    out.append('[');
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (i > 0) {
            out.append(',');
        }
        path.push(i);
        appendValue(out, array.at(i), path);
        path.pop();
    }
    out.append(']');
}

void appendValue(QByteArray &out, const QJsonValue &value, JsonPath &path) {
    switch (value.type()) {
    case QJsonValue::Null:
        out.append("null");
        return;
    case QJsonValue::Bool:
        out.append(value.toBool() ? "true" : "false");
        return;
    case QJsonValue::Double: {
        // Qt keeps integers (and integral doubles up to 2^53) as qint64.
        if (value.toVariant().typeId() == QMetaType::LongLong) {
            const qint64 integer = value.toInteger();
            if (integer > MaxExactInteger || integer < -MaxExactInteger) {
                failAt("integer " + std::to_string(integer) +
                           " is beyond +-2^53 and would not survive as a JSON number",
                       path);
            }
            out.append(QByteArray::number(integer));
            return;
        }
        const double number = value.toDouble();
        if (std::isnan(number)) {
            failAt("NaN cannot be written as JSON", path);
        }
        if (std::isinf(number)) {
            failAt("infinity cannot be written as JSON", path);
        }
        appendNumber(out, number);
        return;
    }
    case QJsonValue::String:
        appendString(out, value.toString(), "string", path);
        return;
    case QJsonValue::Array:
        appendArray(out, value.toArray(), path);
        return;
    case QJsonValue::Object:
        appendObject(out, value.toObject(), path);
        return;
    case QJsonValue::Undefined:
        break;
    }
    failAt("an undefined value cannot be written as JSON", path);
}

// ---------------------------------------------------------------------------------------
// Parsing

// Recursive descent over the bytes; recursion is bounded by limits.maxDepth.
class StrictParser {
public:
    StrictParser(QByteArrayView bytes, const JsonLimits &limits)
        : m_data(bytes.data())
        , m_size(bytes.size())
        , m_limits(limits) {}

    QJsonValue parseDocument() {
        if (m_size > m_limits.maxBytes) {
            throw JsonError("input of " + std::to_string(m_size) + " bytes is larger than the " +
                            std::to_string(m_limits.maxBytes) + "-byte limit");
        }
        if (m_size >= 3 && byteAt(0) == 0xEF && byteAt(1) == 0xBB && byteAt(2) == 0xBF) {
            fail("byte-order mark is not allowed", 0);
        }
        skipWhitespace();
        if (m_pos == m_size) {
            fail(m_size == 0 ? "empty input: no JSON value" : "no JSON value, only whitespace",
                 m_pos);
        }
        QJsonValue value = parseValue(0);
        skipWhitespace();
        if (m_pos != m_size) {
            fail("unexpected " + describeByte(m_pos) + " after the JSON value", m_pos);
        }
        return value;
    }

private:
    [[noreturn]] static void fail(const std::string &what, qsizetype offset) {
        throw JsonError(what + " at byte " + std::to_string(offset));
    }

    [[nodiscard]] unsigned char byteAt(qsizetype i) const {
        return static_cast<unsigned char>(m_data[i]);
    }

    [[nodiscard]] std::string describeByte(qsizetype i) const {
        const unsigned char c = byteAt(i);
        if (c >= 0x21 && c <= 0x7E) {
            return std::string("character '") + char(c) + "'";
        }
        static constexpr char hex[] = "0123456789abcdef";
        return std::string("byte 0x") + hex[c >> 4] + hex[c & 0xF];
    }

    [[noreturn]] void failUnexpected(const char *expected) const {
        if (m_pos >= m_size) {
            fail(std::string("unexpected end of input, expected ") + expected, m_pos);
        }
        fail("unexpected " + describeByte(m_pos) + ", expected " + expected, m_pos);
    }

    void skipWhitespace() {
        while (m_pos < m_size) {
            const char c = m_data[m_pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            ++m_pos;
        }
    }

    QJsonValue parseValue(int depth) {
        if (m_pos >= m_size) {
            failUnexpected("a JSON value");
        }
        switch (m_data[m_pos]) {
        case '{':
            return parseObject(depth + 1);
        case '[':
            return parseArray(depth + 1);
        case '"':
            return parseString();
        case 't':
            return parseLiteral("true", QJsonValue(true));
        case 'f':
            return parseLiteral("false", QJsonValue(false));
        case 'n':
            return parseLiteral("null", QJsonValue(QJsonValue::Null));
        default:
            if (m_data[m_pos] == '-' || (m_data[m_pos] >= '0' && m_data[m_pos] <= '9')) {
                return parseNumber();
            }
            failUnexpected("a JSON value");
        }
    }

    void enter(int depth) const {
        if (depth > m_limits.maxDepth) {
            fail("nesting deeper than " + std::to_string(m_limits.maxDepth) + " levels", m_pos);
        }
    }

    QJsonValue parseLiteral(std::string_view literal, const QJsonValue &value) {
        const qsizetype start = m_pos;
        for (const char expected : literal) {
            if (m_pos >= m_size || m_data[m_pos] != expected) {
                fail("invalid literal, expected '" + std::string(literal) + "'", start);
            }
            ++m_pos;
        }
        return value;
    }

    QJsonValue parseArray(int depth) {
        enter(depth);
        ++m_pos; // '['
        QJsonArray array;
        skipWhitespace();
        if (m_pos < m_size && m_data[m_pos] == ']') {
            ++m_pos;
            return array;
        }
        while (true) {
            skipWhitespace();
            array.append(parseValue(depth));
            skipWhitespace();
            if (m_pos < m_size && m_data[m_pos] == ',') {
                const qsizetype comma = m_pos++;
                skipWhitespace();
                if (m_pos < m_size && m_data[m_pos] == ']') {
                    fail("trailing comma in array", comma);
                }
                continue;
            }
            if (m_pos < m_size && m_data[m_pos] == ']') {
                ++m_pos;
                return array;
            }
            failUnexpected("',' or ']' in array");
        }
    }

    QJsonValue parseObject(int depth) {
        enter(depth);
        ++m_pos; // '{'
        std::vector<std::pair<QString, QJsonValue>> members;
        QSet<QString> names;
        skipWhitespace();
        if (m_pos < m_size && m_data[m_pos] == '}') {
            ++m_pos;
            return QJsonObject();
        }
        while (true) {
            skipWhitespace();
            if (m_pos >= m_size || m_data[m_pos] != '"') {
                failUnexpected("a member name in double quotes");
            }
            const qsizetype nameStart = m_pos;
            QString name = parseString();
            if (names.contains(name)) {
                fail("duplicate member name " + quotedForMessage(name), nameStart);
            }
            names.insert(name);
            skipWhitespace();
            if (m_pos >= m_size || m_data[m_pos] != ':') {
                failUnexpected("':' after the member name");
            }
            ++m_pos;
            skipWhitespace();
            QJsonValue value = parseValue(depth);
            members.emplace_back(std::move(name), std::move(value));
            skipWhitespace();
            if (m_pos < m_size && m_data[m_pos] == ',') {
                const qsizetype comma = m_pos++;
                skipWhitespace();
                if (m_pos < m_size && m_data[m_pos] == '}') {
                    fail("trailing comma in object", comma);
                }
                continue;
            }
            if (m_pos < m_size && m_data[m_pos] == '}') {
                ++m_pos;
                break;
            }
            failUnexpected("',' or '}' in object");
        }
        // Inserting in sorted order appends at QJsonObject's end: no quadratic shuffling.
        std::sort(members.begin(), members.end(),
                  [](const auto &a, const auto &b) { return utf16Less(a.first, b.first); });
        QJsonObject object;
        for (auto &member : members) {
            object.insert(member.first, member.second);
        }
        return object;
    }

    // A member name as the message shows it: JSON-escaped, shortened when long.
    static std::string quotedForMessage(const QString &name) {
        constexpr qsizetype MaxShown = 64;
        QByteArray text;
        JsonPath noPath;
        const bool shortened = name.size() > MaxShown;
        QString shown = shortened ? name.left(MaxShown) : name;
        if (shown.size() > 0 && shown.back().isHighSurrogate()) {
            shown.chop(1);
        }
        appendString(text, shown, "member name", noPath);
        if (shortened) {
            text.insert(text.size() - 1, "...");
        }
        return text.toStdString();
    }

    [[nodiscard]] int hexDigit(qsizetype i) const {
        if (i >= m_size) {
            return -1;
        }
        const char c = m_data[i];
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    // Reads the four hex digits of a \u escape that starts at m_pos ('\\').
    char16_t readUnicodeEscape() {
        const qsizetype start = m_pos;
        unsigned value = 0;
        for (qsizetype i = 0; i < 4; ++i) {
            const int digit = hexDigit(m_pos + 2 + i);
            if (digit < 0) {
                fail("invalid \\u escape, expected four hex digits", start);
            }
            value = value << 4 | unsigned(digit);
        }
        m_pos += 6;
        return char16_t(value);
    }

    void checkCodePoint(char32_t cp, qsizetype offset) const {
        if (isNoncharacter(cp)) {
            fail("Unicode noncharacter " + hexCodePoint(cp) + " in string", offset);
        }
    }

    // Decodes one UTF-8 sequence at m_pos (a byte >= 0x80) and appends it.
    void readUtf8(QString &out) {
        const qsizetype start = m_pos;
        const unsigned char lead = byteAt(m_pos);
        int length = 0;
        char32_t cp = 0;
        if (lead >= 0xC0 && lead <= 0xDF) {
            length = 2;
            cp = lead & 0x1F;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            cp = lead & 0x0F;
        } else if (lead >= 0xF0 && lead <= 0xF7) {
            length = 4;
            cp = lead & 0x07;
        } else if (lead < 0xC0) {
            fail("invalid UTF-8: unexpected continuation " + describeByte(m_pos), start);
        } else {
            fail("invalid UTF-8: " + describeByte(m_pos) + " never occurs in UTF-8", start);
        }
        for (int i = 1; i < length; ++i) {
            if (m_pos + i >= m_size || (byteAt(m_pos + i) & 0xC0) != 0x80) {
                fail("invalid UTF-8: truncated multi-byte sequence", start);
            }
            cp = cp << 6 | (byteAt(m_pos + i) & 0x3F);
        }
        static constexpr char32_t minimum[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < minimum[length]) {
            fail("invalid UTF-8: overlong encoding of " + hexCodePoint(cp), start);
        }
        if (isSurrogate(cp)) {
            fail("invalid UTF-8: encoded surrogate " + hexCodePoint(cp), start);
        }
        if (cp > 0x10FFFF) {
            fail("invalid UTF-8: code point beyond U+10FFFF", start);
        }
        checkCodePoint(cp, start);
        m_pos += length;
        if (cp > 0xFFFF) {
            out.append(QChar(QChar::highSurrogate(cp)));
            out.append(QChar(QChar::lowSurrogate(cp)));
        } else {
            out.append(QChar(char16_t(cp)));
        }
    }

    void readEscape(QString &out) {
        const qsizetype start = m_pos;
        if (m_pos + 1 >= m_size) {
            fail("unterminated string", m_pos);
        }
        const char c = m_data[m_pos + 1];
        char16_t simple = 0;
        switch (c) {
        case '"':
            simple = u'"';
            break;
        case '\\':
            simple = u'\\';
            break;
        case '/':
            simple = u'/';
            break;
        case 'b':
            simple = u'\b';
            break;
        case 'f':
            simple = u'\f';
            break;
        case 'n':
            simple = u'\n';
            break;
        case 'r':
            simple = u'\r';
            break;
        case 't':
            simple = u'\t';
            break;
        case 'u':
            break;
        default:
            fail("invalid escape \\" +
                     (c >= 0x21 && c <= 0x7E ? std::string(1, c) : describeByte(m_pos + 1)) +
                     " in string",
                 start);
        }
        if (simple != 0) {
            out.append(QChar(simple));
            m_pos += 2;
            return;
        }
        const char16_t unit = readUnicodeEscape();
        if (QChar::isLowSurrogate(unit)) {
            fail("unpaired surrogate escape " + hexCodePoint(unit) + " in string", start);
        }
        if (!QChar::isHighSurrogate(unit)) {
            checkCodePoint(unit, start);
            out.append(QChar(unit));
            return;
        }
        if (m_pos + 1 >= m_size || m_data[m_pos] != '\\' || m_data[m_pos + 1] != 'u') {
            fail("unpaired surrogate escape " + hexCodePoint(unit) + " in string", start);
        }
        const char16_t low = readUnicodeEscape();
        if (!QChar::isLowSurrogate(low)) {
            fail("unpaired surrogate escape " + hexCodePoint(unit) + " in string", start);
        }
        checkCodePoint(QChar::surrogateToUcs4(unit, low), start);
        out.append(QChar(unit));
        out.append(QChar(low));
    }

    QString parseString() {
        const qsizetype start = m_pos;
        ++m_pos; // opening quote
        QString text;
        while (true) {
            // Plain printable ASCII goes over in runs.
            const qsizetype runStart = m_pos;
            while (m_pos < m_size) {
                const unsigned char c = byteAt(m_pos);
                if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
                    break;
                }
                ++m_pos;
            }
            if (m_pos > runStart) {
                text.append(QLatin1String(m_data + runStart, m_pos - runStart));
            }
            if (m_pos >= m_size) {
                fail("unterminated string", start);
            }
            const unsigned char c = byteAt(m_pos);
            if (c == '"') {
                ++m_pos;
                return text;
            }
            if (c == '\\') {
                readEscape(text);
            } else if (c < 0x20) {
                fail("unescaped control character " + hexCodePoint(c) + " in string", m_pos);
            } else {
                readUtf8(text);
            }
        }
    }

    QJsonValue parseNumber() {
        const qsizetype start = m_pos;
        auto isDigit = [this](qsizetype i) {
            return i < m_size && m_data[i] >= '0' && m_data[i] <= '9';
        };
        auto digitExpected = [&](const char *where) {
            if (m_pos >= m_size) {
                fail(std::string("number ends early, digit expected ") + where, m_pos);
            }
            fail("invalid number: " + describeByte(m_pos) + " where a digit is expected " + where,
                 m_pos);
        };
        if (m_data[m_pos] == '-') {
            ++m_pos;
        }
        // Decimal magnitude of the first significant digit, to tell overflow from underflow.
        std::int64_t magnitude = 0;
        bool significant = false;
        if (!isDigit(m_pos)) {
            digitExpected("after '-'");
        }
        if (m_data[m_pos] == '0') {
            ++m_pos;
            if (isDigit(m_pos)) {
                fail("invalid number: leading zero", start);
            }
        } else {
            const qsizetype intStart = m_pos;
            while (isDigit(m_pos)) {
                ++m_pos;
            }
            magnitude = m_pos - intStart - 1;
            significant = true;
        }
        if (m_pos < m_size && m_data[m_pos] == '.') {
            ++m_pos;
            if (!isDigit(m_pos)) {
                digitExpected("after '.'");
            }
            std::int64_t place = -1;
            while (isDigit(m_pos)) {
                if (!significant && m_data[m_pos] != '0') {
                    magnitude = place;
                    significant = true;
                }
                --place;
                ++m_pos;
            }
        }
        if (m_pos < m_size && (m_data[m_pos] == 'e' || m_data[m_pos] == 'E')) {
            ++m_pos;
            bool negative = false;
            if (m_pos < m_size && (m_data[m_pos] == '+' || m_data[m_pos] == '-')) {
                negative = m_data[m_pos] == '-';
                ++m_pos;
            }
            if (!isDigit(m_pos)) {
                digitExpected("in the exponent");
            }
            std::int64_t exponent = 0;
            while (isDigit(m_pos)) {
                exponent = std::min<std::int64_t>(exponent * 10 + (m_data[m_pos] - '0'),
                                                  std::int64_t{1} << 40);
                ++m_pos;
            }
            magnitude += negative ? -exponent : exponent;
        }

        double number = 0;
        const auto result = std::from_chars(m_data + start, m_data + m_pos, number);
        if (result.ptr != m_data + m_pos) {
            fail("invalid number", start);
        }
        if (result.ec == std::errc::result_out_of_range) {
            if (significant && magnitude > 0) {
                fail("number is too large for a double", start);
            }
            number = 0; // underflow: closer to zero than any double
        } else if (result.ec != std::errc{}) {
            fail("invalid number", start);
        }
        if (std::trunc(number) == number && std::fabs(number) <= MaxSafeInteger) {
            return QJsonValue(qint64(number));
        }
        return QJsonValue(number);
    }

    const char *m_data;
    qsizetype m_size;
    JsonLimits m_limits;
    qsizetype m_pos = 0;
};

} // namespace

QByteArray canonicalJson(const QJsonValue &value) {
    QByteArray out;
    JsonPath path;
    appendValue(out, value, path);
    return out;
}

QJsonValue parseJsonStrict(QByteArrayView bytes, const JsonLimits &limits) {
    return StrictParser(bytes, limits).parseDocument();
}

bool isCanonicalJson(QByteArrayView bytes) {
    try {
        return QByteArrayView(canonicalJson(parseJsonStrict(bytes))) == bytes;
    } catch (...) {
        return false;
    }
}

} // namespace cc::domain
