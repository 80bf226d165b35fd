#include "domain/canonicaljson.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <utility>
#include <vector>

using namespace cc::domain;
using Catch::Matchers::ContainsSubstring;
using Catch::Matchers::Equals;

namespace {

std::string canon(const QJsonValue &value) {
    return canonicalJson(value).toStdString();
}

QJsonValue parse(std::string_view text, const JsonLimits &limits = {}) {
    return parseJsonStrict(QByteArrayView(text.data(), qsizetype(text.size())), limits);
}

bool canonical(std::string_view text) {
    return isCanonicalJson(QByteArrayView(text.data(), qsizetype(text.size())));
}

// The message parseJsonStrict gives for text, or "" when the text parses.
std::string parseError(std::string_view text, const JsonLimits &limits = {}) {
    try {
        (void)parse(text, limits);
    } catch (const JsonError &error) {
        return error.what();
    }
    return {};
}

double fromBits(std::uint64_t bits) {
    double value = 0;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

// Builds the UTF-16 string by hand: QString::fromUcs4 would drop a leading U+FEFF.
QString fromUcs4(const std::u32string &codePoints) {
    QString text;
    for (const char32_t cp : codePoints) {
        if (QChar::requiresSurrogates(cp)) {
            text.append(QChar(QChar::highSurrogate(cp)));
            text.append(QChar(QChar::lowSurrogate(cp)));
        } else {
            text.append(QChar(char16_t(cp)));
        }
    }
    return text;
}

QString fromUcs4(std::initializer_list<char32_t> codePoints) {
    return fromUcs4(std::u32string(codePoints));
}

// Random values over everything canonicalJson accepts: every code point class (controls,
// quotes, non-ASCII, astral), integers across the safe range, doubles across all
// exponents, nested containers.
class RandomJson {
public:
    explicit RandomJson(std::uint64_t seed)
        : m_rng(seed) {}

    QJsonValue value(int depth) {
        const int kind = int(pick(depth > 3 ? 5 : 8));
        switch (kind) {
        case 0:
            return QJsonValue(QJsonValue::Null);
        case 1:
            return QJsonValue(pick(2) == 1);
        case 2:
            return QJsonValue(qint64(pick(std::uint64_t{1} << 54)) - (qint64{1} << 53));
        case 3:
            return QJsonValue(number());
        case 4:
            return QJsonValue(string());
        case 5:
        case 6: {
            QJsonObject object;
            const auto members = pick(6);
            for (std::uint64_t i = 0; i < members; ++i) {
                object.insert(string(), value(depth + 1));
            }
            return object;
        }
        default: {
            QJsonArray array;
            const auto elements = pick(6);
            for (std::uint64_t i = 0; i < elements; ++i) {
                array.append(value(depth + 1));
            }
            return array;
        }
        }
    }

private:
    std::uint64_t pick(std::uint64_t bound) { return m_rng() % bound; }

    double number() {
        if (pick(2) == 0) { // any finite bit pattern: subnormals, huge, tiny
            while (true) {
                const double value = fromBits(m_rng());
                if (std::isfinite(value)) {
                    return value;
                }
            }
        }
        // Short decimals, the kind records hold (coordinates, durations).
        return double(qint64(pick(2000000)) - 1000000) / std::pow(10.0, double(pick(12)));
    }

    char32_t codePoint() {
        switch (pick(6)) {
        case 0:
            return char32_t(pick(0x20)); // control characters
        case 1: {
            static constexpr char32_t special[] = {U'"', U'\\', U'/', 0x7F, U'~', U' '};
            return special[pick(std::size(special))];
        }
        case 2:
            return char32_t(0x20 + pick(0x5F)); // printable ASCII
        case 3:
        case 4: { // the rest of the BMP, minus surrogates and noncharacters
            while (true) {
                const auto cp = char32_t(0x80 + pick(0x10000 - 0x80));
                if ((cp < 0xD800 || cp > 0xDFFF) && (cp < 0xFDD0 || cp > 0xFDEF) &&
                    (cp & 0xFFFE) != 0xFFFE) {
                    return cp;
                }
            }
        }
        default: // astral planes: surrogate pairs in UTF-16
            while (true) {
                const auto cp = char32_t(0x10000 + pick(0x100000));
                if ((cp & 0xFFFE) != 0xFFFE) {
                    return cp;
                }
            }
        }
    }

    QString string() {
        std::u32string text;
        const auto length = pick(8);
        for (std::uint64_t i = 0; i < length; ++i) {
            text.push_back(codePoint());
        }
        return fromUcs4(text);
    }

    std::mt19937_64 m_rng;
};

} // namespace

TEST_CASE("the RFC 8785 sample object canonicalizes to exactly the bytes the RFC gives") {
    const std::string input = R"({
  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
  "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
  "literals": [null, true, false]
})";
    const std::string expected =
        R"({"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],)"
        R"("string":")"
        "\xe2\x82\xac" // U+20AC as UTF-8
        R"($\u000f\nA'B\"\\\\\"/"})";
    CHECK(canon(parse(input)) == expected);
    CHECK(canonical(expected));
    CHECK_FALSE(canonical(input));
}

TEST_CASE("numbers print exactly as the RFC 8785 Appendix B table gives") {
    const std::vector<std::pair<std::uint64_t, std::string>> table{
        {0x0000000000000000, "0"},
        {0x8000000000000000, "0"}, // minus zero
        {0x0000000000000001, "5e-324"},
        {0x8000000000000001, "-5e-324"},
        {0x7fefffffffffffff, "1.7976931348623157e+308"},
        {0xffefffffffffffff, "-1.7976931348623157e+308"},
        {0x4340000000000000, "9007199254740992"},
        {0xc340000000000000, "-9007199254740992"},
        {0x4430000000000000, "295147905179352830000"},
        {0x44b52d02c7e14af5, "9.999999999999997e+22"},
        {0x44b52d02c7e14af6, "1e+23"},
        {0x44b52d02c7e14af7, "1.0000000000000001e+23"},
        {0x444b1ae4d6e2ef4e, "999999999999999700000"},
        {0x444b1ae4d6e2ef4f, "999999999999999900000"},
        {0x444b1ae4d6e2ef50, "1e+21"},
        {0x3eb0c6f7a0b5ed8c, "9.999999999999997e-7"},
        {0x3eb0c6f7a0b5ed8d, "0.000001"},
        {0x41b3de4355555553, "333333333.3333332"},
        {0x41b3de4355555554, "333333333.33333325"},
        {0x41b3de4355555555, "333333333.3333333"},
        {0x41b3de4355555556, "333333333.3333334"},
        {0x41b3de4355555557, "333333333.33333343"},
        {0xbecbf647612f3696, "-0.0000033333333333333333"},
        {0x43143ff3c1cb0959, "1424953923781206.2"}, // round to even
    };
    for (const auto &[bits, expected] : table) {
        INFO("IEEE 754 bits " << std::hex << bits);
        CHECK(canon(QJsonValue(fromBits(bits))) == expected);
        // And what the text reads back as is the same double.
        CHECK(parse(expected).toDouble() == fromBits(bits));
    }
}

TEST_CASE("numbers switch between full and exponent form where ECMAScript does") {
    CHECK(canon(QJsonValue(0.0)) == "0");
    CHECK(canon(QJsonValue(-0.0)) == "0");
    CHECK(canon(QJsonValue(1e21)) == "1e+21");
    CHECK(canon(QJsonValue(1e20)) == "100000000000000000000");
    CHECK(canon(QJsonValue(123456789012345680000.0)) == "123456789012345680000");
    CHECK(canon(QJsonValue(1e-7)) == "1e-7");
    CHECK(canon(QJsonValue(1.5e-7)) == "1.5e-7");
    CHECK(canon(QJsonValue(0.000001)) == "0.000001");
    CHECK(canon(QJsonValue(0.0000015)) == "0.0000015");
    CHECK(canon(QJsonValue(5e-7)) == "5e-7");
    CHECK(canon(QJsonValue(4.50)) == "4.5");
    CHECK(canon(QJsonValue(2e-3)) == "0.002");
    CHECK(canon(QJsonValue(0.1 + 0.2)) == "0.30000000000000004");
    CHECK(canon(QJsonValue(1.0 / 3.0)) == "0.3333333333333333");
    CHECK(canon(QJsonValue(12345.678)) == "12345.678");
    CHECK(canon(QJsonValue(-1e-300)) == "-1e-300");
    CHECK(canon(QJsonValue(1e100)) == "1e+100");
    CHECK(canon(QJsonValue(9007199254740994.0)) == "9007199254740994");
    CHECK(canon(QJsonValue(1152921504606846976.0)) == "1152921504606847000");
    CHECK(canon(QJsonValue(9007199254740991.0)) == "9007199254740991");
    CHECK(canon(QJsonValue(-9007199254740991.0)) == "-9007199254740991");
}

TEST_CASE("numbers print as a JavaScript engine prints them across the whole double range") {
    // Bit patterns drawn at random, with the text Number.prototype.toString gives for each.
    const std::vector<std::pair<std::uint64_t, std::string>> table{
        {0xfcdc487d0a41712b, "-2.822433336866924e+293"},
        {0xc371044f41776389, "-76637008821631120"},
        {0xa3abf9e0e1169176, "-7.517595628268123e-137"},
        {0x9b08561a333a3eb1, "-1.8767559251048884e-178"},
        {0xe1f554d58851d8e2, "-7.677444347858318e+163"},
        {0x2c655d7f89f520ec, "8.002006371694784e-95"},
        {0x4ad57caba72bc625, "3.2156955883117914e+52"},
        {0x738855e92c35b68e, "3.40304980669105e+248"},
        {0x01a2ac97a1a5cb3c, "8.713970465032339e-301"},
        {0x1305ce6bd21b797d, "4.9419206635994014e-217"},
        {0xcfc668716438fa0b, "-2.0270834725802033e+76"},
        {0x6d9992c14ffbcdd1, "9.027406182643515e+219"},
        {0xc021c26fe1ba995d, "-8.879759840038497"},
        {0x49834786912491d9, "1.3758237498827022e+46"},
        {0x3f71fd735dc5adf5, "0.0043921"},
        {0x3fe200064a9cdc44, "0.562503"},
        {0x3ea5f68aac030d2d, "6.5455e-7"},
        {0x3cd6a4d7dc7fd548, "1.25699e-15"},
        {0x40500001a36e2eb2, "64.0001"},
        {0x3c8a7f16d2fb6d2b, "4.5964e-17"},
    };
    for (const auto &[bits, expected] : table) {
        INFO("IEEE 754 bits " << std::hex << bits);
        CHECK(canon(QJsonValue(fromBits(bits))) == expected);
    }
}

TEST_CASE("integers held as qint64 print exactly up to 2^53 and are refused beyond") {
    CHECK(canon(QJsonValue(qint64(0))) == "0");
    CHECK(canon(QJsonValue(qint64(-42))) == "-42");
    CHECK(canon(QJsonValue(qint64(9007199254740991))) == "9007199254740991");
    CHECK(canon(QJsonValue(qint64(-9007199254740991))) == "-9007199254740991");
    CHECK(canon(QJsonValue(qint64(9007199254740992))) == "9007199254740992");
    CHECK_THROWS_WITH(canonicalJson(QJsonValue(qint64(9007199254740993))),
                      ContainsSubstring("integer 9007199254740993 is beyond +-2^53"));
    CHECK_THROWS_AS(canonicalJson(QJsonValue(qint64(-9007199254740993))), JsonError);
    CHECK_THROWS_AS(canonicalJson(QJsonValue(std::numeric_limits<qint64>::max())), JsonError);
    CHECK_THROWS_AS(canonicalJson(QJsonValue(std::numeric_limits<qint64>::min())), JsonError);
}

TEST_CASE("values JSON cannot hold are refused with a message that says where they are") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double infinity = std::numeric_limits<double>::infinity();
    CHECK_THROWS_WITH(canonicalJson(QJsonValue(nan)),
                      Equals("NaN cannot be written as JSON at the top level"));
    CHECK_THROWS_WITH(canonicalJson(QJsonValue(infinity)),
                      ContainsSubstring("infinity cannot be written as JSON"));
    CHECK_THROWS_WITH(canonicalJson(QJsonValue(-infinity)),
                      ContainsSubstring("infinity cannot be written as JSON"));
    CHECK_THROWS_WITH(canonicalJson(QJsonValue(QJsonValue::Undefined)),
                      ContainsSubstring("undefined value"));

    const QJsonObject nested{
        {QStringLiteral("scope"), QJsonObject{{QStringLiteral("a/b~c"), QJsonArray{1, 2, nan}}}}};
    CHECK_THROWS_WITH(canonicalJson(nested),
                      Equals(R"(NaN cannot be written as JSON at "/scope/a~1b~0c/2")"));
}

TEST_CASE("unpaired surrogates and noncharacters in strings or names are refused") {
    const QString loneHigh(QChar(0xD800));
    const QString loneLow(QChar(0xDC00));
    CHECK_THROWS_WITH(canonicalJson(QJsonValue(loneHigh)),
                      ContainsSubstring("string has an unpaired surrogate U+D800"));
    CHECK_THROWS_WITH(canonicalJson(QJsonValue(QStringLiteral("ab") + loneLow)),
                      ContainsSubstring("string has an unpaired surrogate U+DC00"));
    // A high surrogate followed by something other than a low one is still unpaired.
    CHECK_THROWS_AS(canonicalJson(QJsonValue(loneHigh + QStringLiteral("x"))), JsonError);
    CHECK_THROWS_AS(canonicalJson(QJsonValue(loneLow + loneHigh)), JsonError);
    CHECK_THROWS_WITH(canonicalJson(QJsonObject{{loneHigh, 1}}),
                      ContainsSubstring("member name has an unpaired surrogate U+D800"));
    CHECK_THROWS_WITH(canonicalJson(QJsonArray{QJsonValue(fromUcs4({0xFFFE}))}),
                      ContainsSubstring("string has the Unicode noncharacter U+FFFE"));
    CHECK_THROWS_AS(canonicalJson(QJsonValue(fromUcs4({0xFDD0}))), JsonError);
    CHECK_THROWS_WITH(canonicalJson(QJsonValue(fromUcs4({0x10FFFF}))),
                      ContainsSubstring("noncharacter U+10FFFF"));
    CHECK_THROWS_AS(canonicalJson(QJsonObject{{fromUcs4({0x1FFFF}), 1}}), JsonError);
    // Neighbours of noncharacters are ordinary characters.
    CHECK(canon(QJsonValue(fromUcs4({0xFDCF, 0xFDF0, 0xFFFD, 0x10FFFD}))) ==
          "\"\xef\xb7\x8f\xef\xb7\xb0\xef\xbf\xbd\xf4\x8f\xbf\xbd\"");
}

TEST_CASE("members are sorted by UTF-16 code units as in RFC 8785's sorting example") {
    const std::string input = R"({
  "\u20ac": "Euro Sign",
  "\r": "Carriage Return",
  "\ufb33": "Hebrew Letter Dalet With Dagesh",
  "1": "One",
  "\ud83d\ude00": "Emoji: Grinning Face",
  "\u0080": "Control",
  "\u00f6": "Latin Small Letter O With Diaeresis"
})";
    // U+1F600 (UTF-16 D83D DE00) sorts before U+FB33, although both its code point and its
    // UTF-8 bytes sort after.
    const std::string expected = "{"
                                 R"("\r":"Carriage Return",)"
                                 R"("1":"One",)"
                                 "\"\xc2\x80\":\"Control\","
                                 "\"\xc3\xb6\":\"Latin Small Letter O With Diaeresis\","
                                 "\"\xe2\x82\xac\":\"Euro Sign\","
                                 "\"\xf0\x9f\x98\x80\":\"Emoji: Grinning Face\","
                                 "\"\xef\xac\xb3\":\"Hebrew Letter Dalet With Dagesh\""
                                 "}";
    CHECK(canon(parse(input)) == expected);

    // The same object built in code, inserted in another order.
    QJsonObject built;
    built.insert(fromUcs4({0xFB33}), QStringLiteral("Hebrew Letter Dalet With Dagesh"));
    built.insert(fromUcs4({0x1F600}), QStringLiteral("Emoji: Grinning Face"));
    built.insert(fromUcs4({0x20AC}), QStringLiteral("Euro Sign"));
    built.insert(fromUcs4({0xF6}), QStringLiteral("Latin Small Letter O With Diaeresis"));
    built.insert(fromUcs4({0x80}), QStringLiteral("Control"));
    built.insert(QStringLiteral("1"), QStringLiteral("One"));
    built.insert(QStringLiteral("\r"), QStringLiteral("Carriage Return"));
    CHECK(canon(built) == expected);
}

TEST_CASE("member order never depends on insertion order and nested values are sorted too") {
    QJsonObject first;
    first.insert(QStringLiteral("b"),
                 QJsonObject{{QStringLiteral("z"), 1}, {QStringLiteral("y"), 2}});
    first.insert(QStringLiteral("a"), QJsonArray{3, QJsonObject{{QStringLiteral("d"), true},
                                                                {QStringLiteral("c"), false}}});
    first.insert(QStringLiteral("aa"), QJsonValue(QJsonValue::Null));
    first.insert(QStringLiteral("B"), QStringLiteral("upper"));
    QJsonObject second;
    second.insert(QStringLiteral("aa"), QJsonValue(QJsonValue::Null));
    second.insert(QStringLiteral("B"), QStringLiteral("upper"));
    second.insert(QStringLiteral("a"), QJsonArray{3, QJsonObject{{QStringLiteral("c"), false},
                                                                 {QStringLiteral("d"), true}}});
    second.insert(QStringLiteral("b"),
                  QJsonObject{{QStringLiteral("y"), 2}, {QStringLiteral("z"), 1}});
    const std::string expected =
        R"({"B":"upper","a":[3,{"c":false,"d":true}],"aa":null,"b":{"y":2,"z":1}})";
    CHECK(canon(first) == expected);
    CHECK(canon(second) == expected);
    // Arrays keep their order.
    CHECK(canon(QJsonArray{3, 1, 2}) == "[3,1,2]");
    CHECK(canon(QJsonArray{}) == "[]");
    CHECK(canon(QJsonObject{}) == "{}");
    CHECK(canon(QJsonArray{QJsonArray{QJsonArray{}}, QJsonObject{}}) == "[[[]],{}]");
    // A prefix sorts before its extensions; the empty name before everything.
    CHECK(canon(QJsonObject{{QStringLiteral("ab"), 1}, {QStringLiteral("a"), 2}, {QString(), 3}}) ==
          R"({"":3,"a":2,"ab":1})");
}

TEST_CASE("strings escape only quote, backslash and control characters, with the short forms") {
    const char *expected[0x20] = {
        R"(\u0000)", R"(\u0001)", R"(\u0002)", R"(\u0003)", R"(\u0004)", R"(\u0005)", R"(\u0006)",
        R"(\u0007)", R"(\b)",     R"(\t)",     R"(\n)",     R"(\u000b)", R"(\f)",     R"(\r)",
        R"(\u000e)", R"(\u000f)", R"(\u0010)", R"(\u0011)", R"(\u0012)", R"(\u0013)", R"(\u0014)",
        R"(\u0015)", R"(\u0016)", R"(\u0017)", R"(\u0018)", R"(\u0019)", R"(\u001a)", R"(\u001b)",
        R"(\u001c)", R"(\u001d)", R"(\u001e)", R"(\u001f)",
    };
    for (char16_t c = 0; c < 0x20; ++c) {
        INFO("control character " << int(c));
        CHECK(canon(QJsonValue(QString(QChar(c)))) == std::string("\"") + expected[c] + "\"");
    }
    CHECK(canon(QJsonValue(QStringLiteral("\""))) == R"("\"")");
    CHECK(canon(QJsonValue(QStringLiteral("\\"))) == R"("\\")");
    // '/', DEL and everything non-ASCII go out as they are, in UTF-8.
    CHECK(canon(QJsonValue(QStringLiteral("</script>"))) == R"("</script>")");
    CHECK(canon(QJsonValue(QString(QChar(0x7F)))) == "\"\x7f\"");
    CHECK(canon(QJsonValue(fromUcs4({0xE9, 0x20AC, 0x1F600, 0x2028}))) ==
          "\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\xe2\x80\xa8\"");
    CHECK(canon(QJsonValue(QString())) == R"("")");
    CHECK(canon(QJsonObject{{QStringLiteral("a\"b"), QStringLiteral("\t")}}) == R"({"a\"b":"\t"})");
}

TEST_CASE("literals and scalars at the top level serialize on their own") {
    CHECK(canon(QJsonValue(QJsonValue::Null)) == "null");
    CHECK(canon(QJsonValue(true)) == "true");
    CHECK(canon(QJsonValue(false)) == "false");
    CHECK(canon(QJsonValue(QStringLiteral("x"))) == R"("x")");
}

TEST_CASE("the parser reads every kind of JSON value") {
    const QJsonValue value = parse(
        R"( { "n" : null , "t":true,"f":false, "i":-12, "d":1.25, "s":"h\u00e9", "a":[ ], "o":{} } )");
    REQUIRE(value.isObject());
    const QJsonObject object = value.toObject();
    CHECK(object.size() == 8);
    CHECK(object.value(QStringLiteral("n")).isNull());
    CHECK(object.value(QStringLiteral("t")) == QJsonValue(true));
    CHECK(object.value(QStringLiteral("f")) == QJsonValue(false));
    CHECK(object.value(QStringLiteral("i")).toInteger() == -12);
    CHECK(object.value(QStringLiteral("d")).toDouble() == 1.25);
    CHECK(object.value(QStringLiteral("s")).toString() == fromUcs4({U'h', 0xE9}));
    CHECK(object.value(QStringLiteral("a")).toArray().isEmpty());
    CHECK(object.value(QStringLiteral("o")).toObject().isEmpty());

    CHECK(parse("\t\r\n 7 \n").toInteger() == 7);
    CHECK(parse("null").isNull());
    CHECK(parse(R"("")").toString().isEmpty());
    CHECK(parse("[[1,[2]],3]") == QJsonArray{QJsonArray{1, QJsonArray{2}}, 3});
    // Raw UTF-8 of every length decodes.
    CHECK(parse("\"\x7f\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\xf4\x8f\xbf\xbd\"").toString() ==
          fromUcs4({0x7F, 0xE9, 0x20AC, 0x1F600, 0x10FFFD}));
}

TEST_CASE("integral numbers parse as exact integers within +-(2^53 - 1) and others as doubles") {
    const auto isInteger = [](const QJsonValue &v) {
        return v.toVariant().typeId() == QMetaType::LongLong;
    };
    CHECK(isInteger(parse("9007199254740991")));
    CHECK(parse("9007199254740991").toInteger() == 9007199254740991);
    CHECK(parse("-9007199254740991").toInteger() == -9007199254740991);
    CHECK(isInteger(parse("1.0")));
    CHECK(isInteger(parse("1e2")));
    CHECK(parse("1e2").toInteger() == 100);
    CHECK(parse("-0").toInteger() == 0);
    CHECK(parse("1.5E+3").toInteger() == 1500);
    CHECK(parse("25e-1").toDouble() == 2.5);
    CHECK_FALSE(isInteger(parse("0.5")));
    CHECK_FALSE(isInteger(parse("1e300")));
    CHECK(parse("1e300").toDouble() == 1e300);
    // Beyond 2^53 the value is the nearest double, as any JSON reader sees it.
    CHECK(parse("9007199254740993").toDouble() == 9007199254740992.0);
    CHECK(parse("18014398509481985").toDouble() == 18014398509481984.0);
    CHECK(parse("1.7976931348623157e308").toDouble() == std::numeric_limits<double>::max());
    CHECK(parse("5e-324").toDouble() == std::numeric_limits<double>::denorm_min());
    CHECK(parse("-4.9406564584124654e-324").toDouble() ==
          -std::numeric_limits<double>::denorm_min());
}

TEST_CASE("string escapes decode, including surrogate pairs") {
    CHECK(parse(R"("\"\\\/\b\f\n\r\t")").toString() == QStringLiteral("\"\\/\b\f\n\r\t"));
    CHECK(parse(R"("\u0041\u00e9\u20AC")").toString() == fromUcs4({U'A', 0xE9, 0x20AC}));
    CHECK(parse(R"("\ud83d\ude00")").toString() == fromUcs4({0x1F600}));
    CHECK(parse(R"("\uD83D\uDE00x")").toString() == fromUcs4({0x1F600, U'x'}));
    CHECK(parse(R"("\u0000")").toString() == QString(QChar(0)));
    CHECK(parse(R"("\udbff\udffd")").toString() == fromUcs4({0x10FFFD}));
}

TEST_CASE("a byte-order mark is refused") {
    CHECK_THAT(parseError("\xef\xbb\xbf{}"), Equals("byte-order mark is not allowed at byte 0"));
    CHECK_THAT(parseError("\xef\xbb\xbf"), ContainsSubstring("byte-order mark"));
    // Inside a string U+FEFF is an ordinary character.
    CHECK(parse("\"\xef\xbb\xbf\"").toString() == fromUcs4({0xFEFF}));
}

TEST_CASE("invalid UTF-8 is refused with what is wrong and where") {
    CHECK_THAT(parseError("\"\xc0\xaf\""),
               Equals("invalid UTF-8: overlong encoding of U+002F at byte 1"));
    CHECK_THAT(parseError("\"\xe0\x80\xaf\""), ContainsSubstring("overlong encoding"));
    CHECK_THAT(parseError("\"\xf0\x82\x82\xac\""), ContainsSubstring("overlong encoding"));
    CHECK_THAT(parseError("[\"ab\xc1\xbf\"]"),
               Equals("invalid UTF-8: overlong encoding of U+007F at byte 4"));
    CHECK_THAT(parseError("\"\xed\xa0\x80\""),
               Equals("invalid UTF-8: encoded surrogate U+D800 at byte 1"));
    CHECK_THAT(parseError("\"\xed\xbf\xbf\""), ContainsSubstring("encoded surrogate U+DFFF"));
    CHECK_THAT(parseError("\"\xf4\x90\x80\x80\""),
               Equals("invalid UTF-8: code point beyond U+10FFFF at byte 1"));
    CHECK_THAT(parseError("\"\xf7\xbf\xbf\xbf\""), ContainsSubstring("beyond U+10FFFF"));
    CHECK_THAT(parseError("\"\xf8\x88\x80\x80\x80\""),
               Equals("invalid UTF-8: byte 0xf8 never occurs in UTF-8 at byte 1"));
    CHECK_THAT(parseError("\"\xff\""), ContainsSubstring("byte 0xff never occurs in UTF-8"));
    CHECK_THAT(parseError("\"a\x80\""),
               Equals("invalid UTF-8: unexpected continuation byte 0x80 at byte 2"));
    CHECK_THAT(parseError("\"\xe2\x82\""),
               Equals("invalid UTF-8: truncated multi-byte sequence at byte 1"));
    CHECK_THAT(parseError("\"\xe2\x82"), ContainsSubstring("truncated multi-byte sequence"));
    CHECK_THAT(parseError("\"\xc3"), ContainsSubstring("truncated multi-byte sequence"));
    // Outside strings only ASCII belongs to JSON at all.
    CHECK_THAT(parseError("\xc3\xa9"),
               Equals("unexpected byte 0xc3, expected a JSON value at byte 0"));
}

TEST_CASE("unpaired surrogate escapes are refused") {
    CHECK_THAT(parseError(R"("\ud800")"),
               Equals("unpaired surrogate escape U+D800 in string at byte 1"));
    CHECK_THAT(parseError(R"("ab\udc00")"),
               Equals("unpaired surrogate escape U+DC00 in string at byte 3"));
    CHECK_THAT(parseError(R"("\ud800x")"), ContainsSubstring("unpaired surrogate escape U+D800"));
    CHECK_THAT(parseError(R"("\ud800\u0041")"),
               ContainsSubstring("unpaired surrogate escape U+D800"));
    CHECK_THAT(parseError(R"("\ud800\ud800")"),
               ContainsSubstring("unpaired surrogate escape U+D800"));
    CHECK_THAT(parseError(R"("\ude00\ud83d")"),
               ContainsSubstring("unpaired surrogate escape U+DE00"));
    CHECK_THAT(parseError(R"({"\ud800":1})"), ContainsSubstring("unpaired surrogate escape"));
    CHECK_THAT(parseError(R"("\ud800\n")"), ContainsSubstring("unpaired surrogate escape"));
}

TEST_CASE("Unicode noncharacters are refused, escaped or raw") {
    CHECK_THAT(parseError(R"("\uffff")"),
               Equals("Unicode noncharacter U+FFFF in string at byte 1"));
    CHECK_THAT(parseError(R"("\uFDD0")"), ContainsSubstring("noncharacter U+FDD0"));
    CHECK_THAT(parseError(R"(["\ud83f\udffe"])"),
               Equals("Unicode noncharacter U+1FFFE in string at byte 2"));
    CHECK_THAT(parseError("\"\xef\xbf\xbe\""), ContainsSubstring("noncharacter U+FFFE"));
    CHECK_THAT(parseError("\"\xf4\x8f\xbf\xbf\""), ContainsSubstring("noncharacter U+10FFFF"));
    CHECK_THAT(parseError("{\"\xef\xb7\xaf\":1}"), ContainsSubstring("noncharacter U+FDEF"));
}

TEST_CASE("duplicate member names are refused, also when they differ only in escaping") {
    CHECK_THAT(parseError(R"({"a":1,"b":2,"a":3})"),
               Equals(R"(duplicate member name "a" at byte 13)"));
    CHECK_THAT(parseError(R"({"a":1,"\u0061":2})"),
               Equals(R"(duplicate member name "a" at byte 7)"));
    CHECK_THAT(parseError("{\"\xc3\xa9\":1,\"\\u00e9\":2}"),
               ContainsSubstring("duplicate member name"));
    CHECK_THAT(parseError(R"({"x":{"q\n":1,"q\u000a":2}})"),
               Equals(R"(duplicate member name "q\n" at byte 14)"));
    // A long name is shortened in the message.
    const std::string longName(500, 'k');
    const std::string message = parseError("{\"" + longName + "\":1,\"" + longName + "\":2}");
    CHECK_THAT(message, ContainsSubstring("duplicate member name \"kkkk"));
    CHECK(message.size() < 200);
    // The same name in different objects is fine.
    CHECK(parse(R"({"a":{"a":1},"b":{"a":2}})").isObject());
    CHECK(parse(R"([{"a":1},{"a":2}])").isArray());
}

TEST_CASE("nesting beyond the depth limit is refused without exhausting the stack") {
    std::string deep(100000, '[');
    CHECK_THAT(parseError(deep), Equals("nesting deeper than 64 levels at byte 64"));
    std::string deepObjects;
    for (int i = 0; i < 100000; ++i) {
        deepObjects += R"({"a":)";
    }
    CHECK_THAT(parseError(deepObjects), ContainsSubstring("nesting deeper than 64 levels"));

    const std::string atLimit = std::string(64, '[') + std::string(64, ']');
    CHECK(parse(atLimit).isArray());
    CHECK(canonical(atLimit));
    const std::string overLimit = std::string(65, '[') + std::string(65, ']');
    CHECK_THAT(parseError(overLimit), Equals("nesting deeper than 64 levels at byte 64"));

    JsonLimits shallow;
    shallow.maxDepth = 2;
    CHECK(parse(R"({"a":[1]})", shallow).isObject());
    CHECK_THAT(parseError(R"({"a":[{}]})", shallow),
               Equals("nesting deeper than 2 levels at byte 6"));
    shallow.maxDepth = 0;
    CHECK(parse("42", shallow).toInteger() == 42);
    CHECK_THAT(parseError("[]", shallow), ContainsSubstring("nesting deeper than 0 levels"));
}

TEST_CASE("input larger than the size limit is refused before it is read") {
    JsonLimits small;
    small.maxBytes = 16;
    CHECK(parse(R"({"abc":"defghi"})", small).isObject()); // exactly 16 bytes
    CHECK_THAT(parseError(R"({"abc":"defghij"})", small),
               Equals("input of 17 bytes is larger than the 16-byte limit"));

    const std::string huge = "\"" + std::string(16 * 1024 * 1024, 'x') + "\"";
    CHECK_THAT(parseError(huge), ContainsSubstring("larger than the 16777216-byte limit"));
}

TEST_CASE("numbers outside RFC 8259's grammar are refused") {
    CHECK_THAT(parseError("01"), Equals("invalid number: leading zero at byte 0"));
    CHECK_THAT(parseError("[-012]"), Equals("invalid number: leading zero at byte 1"));
    CHECK_THAT(parseError("00"), ContainsSubstring("leading zero"));
    CHECK_THAT(parseError("+1"),
               Equals("unexpected character '+', expected a JSON value at byte 0"));
    CHECK_THAT(parseError(".5"), ContainsSubstring("unexpected character '.'"));
    CHECK_THAT(
        parseError("[1.]"),
        Equals("invalid number: character ']' where a digit is expected after '.' at byte 3"));
    CHECK_THAT(parseError("1."), Equals("number ends early, digit expected after '.' at byte 2"));
    CHECK_THAT(parseError("1e"), ContainsSubstring("digit expected in the exponent"));
    CHECK_THAT(parseError("1e+"), ContainsSubstring("digit expected in the exponent"));
    CHECK_THAT(parseError("1E-x"), ContainsSubstring("where a digit is expected in the exponent"));
    CHECK_THAT(parseError("-"), ContainsSubstring("digit expected after '-'"));
    CHECK_THAT(parseError("--1"), ContainsSubstring("where a digit is expected after '-'"));
    CHECK_THAT(parseError("-.5"), ContainsSubstring("where a digit is expected after '-'"));
    CHECK_THAT(parseError("NaN"), ContainsSubstring("unexpected character 'N'"));
    CHECK_THAT(parseError("Infinity"), ContainsSubstring("unexpected character 'I'"));
    CHECK_THAT(parseError("-Infinity"), ContainsSubstring("where a digit is expected after '-'"));
    CHECK_THAT(parseError("0x10"),
               Equals("unexpected character 'x' after the JSON value at byte 1"));
    CHECK_THAT(parseError("1_000"), ContainsSubstring("unexpected character '_'"));
    CHECK_THAT(parseError("1.5.2"), ContainsSubstring("unexpected character '.'"));
}

TEST_CASE("numbers that overflow a double are refused and ones too small read as zero") {
    CHECK_THAT(parseError("1e309"), Equals("number is too large for a double at byte 0"));
    CHECK_THAT(parseError("[-1e400]"), Equals("number is too large for a double at byte 1"));
    CHECK_THAT(parseError("1.7976931348623159e308"), ContainsSubstring("too large for a double"));
    CHECK_THAT(parseError("123456789e99999999999999999999"),
               ContainsSubstring("too large for a double"));
    CHECK_THAT(parseError("0.0000001e400"), ContainsSubstring("too large for a double"));
    CHECK_THAT(parseError(std::string(400, '9')), ContainsSubstring("too large for a double"));
    CHECK(parse("1e-400").toDouble() == 0.0);
    CHECK(parse("-1e-99999999999999999999").toDouble() == 0.0);
    CHECK(parse("1000e-330").toDouble() == 0.0);
    CHECK(parse("0e999999").toDouble() == 0.0);
    CHECK(parse("0.000e-5").toDouble() == 0.0);
    CHECK(canon(parse("[1e-400]")) == "[0]");
}

TEST_CASE("only JSON whitespace may separate tokens") {
    CHECK_THAT(parseError("\v1"), Equals("unexpected byte 0x0b, expected a JSON value at byte 0"));
    CHECK_THAT(parseError("\f1"), ContainsSubstring("unexpected byte 0x0c"));
    CHECK_THAT(parseError("[1,\xc2\xa0"
                          "2]"),
               ContainsSubstring("unexpected byte 0xc2"));
    CHECK_THAT(parseError("\xe2\x80\xa8"
                          "1"),
               ContainsSubstring("unexpected byte 0xe2"));
    CHECK_THAT(parseError(std::string("[1,\0 2]", 7)), ContainsSubstring("unexpected byte 0x00"));
    CHECK_THAT(parseError("// comment\n1"), ContainsSubstring("unexpected character '/'"));
}

TEST_CASE("nothing but whitespace may follow the value") {
    CHECK_THAT(parseError("1 2"),
               Equals("unexpected character '2' after the JSON value at byte 2"));
    CHECK_THAT(parseError("{}x"), ContainsSubstring("after the JSON value at byte 2"));
    CHECK_THAT(parseError("[]]"),
               ContainsSubstring("unexpected character ']' after the JSON value"));
    CHECK_THAT(parseError(std::string("null\0", 5)),
               Equals("unexpected byte 0x00 after the JSON value at byte 4"));
    CHECK_THAT(parseError("{} {}"), ContainsSubstring("after the JSON value at byte 3"));
    CHECK(parse("{}  \r\n\t").isObject());
}

TEST_CASE("structural errors name the problem and the byte offset") {
    CHECK_THAT(parseError(""), Equals("empty input: no JSON value at byte 0"));
    CHECK_THAT(parseError("  \n"), Equals("no JSON value, only whitespace at byte 3"));
    CHECK_THAT(parseError("[1 2]"),
               Equals("unexpected character '2', expected ',' or ']' in array at byte 3"));
    CHECK_THAT(parseError("[1,]"), Equals("trailing comma in array at byte 2"));
    CHECK_THAT(parseError("[1 , ]"), Equals("trailing comma in array at byte 3"));
    CHECK_THAT(parseError("[,1]"), ContainsSubstring("unexpected character ','"));
    CHECK_THAT(parseError("[1"),
               Equals("unexpected end of input, expected ',' or ']' in array at byte 2"));
    CHECK_THAT(parseError(R"({"a":1,})"), Equals("trailing comma in object at byte 6"));
    CHECK_THAT(parseError(R"({"a":1,  })"), Equals("trailing comma in object at byte 6"));
    CHECK_THAT(parseError(R"({"a"})"),
               Equals("unexpected character '}', expected ':' after the member name at byte 4"));
    CHECK_THAT(parseError(R"({"a":})"), ContainsSubstring("expected a JSON value at byte 5"));
    CHECK_THAT(
        parseError(R"({1:2})"),
        Equals("unexpected character '1', expected a member name in double quotes at byte 1"));
    CHECK_THAT(parseError(R"({'a':2})"), ContainsSubstring("expected a member name"));
    CHECK_THAT(parseError(R"({"a":1 "b":2})"), ContainsSubstring("expected ',' or '}' in object"));
    CHECK_THAT(parseError("{"), ContainsSubstring("unexpected end of input"));
    CHECK_THAT(parseError(R"("abc)"), Equals("unterminated string at byte 0"));
    CHECK_THAT(parseError(R"(["ab\)"), ContainsSubstring("unterminated string"));
    CHECK_THAT(parseError("\"a\nb\""),
               Equals("unescaped control character U+000A in string at byte 2"));
    CHECK_THAT(parseError(std::string("\"\0\"", 3)), ContainsSubstring("control character U+0000"));
    CHECK_THAT(parseError("\"\t\""), ContainsSubstring("control character U+0009"));
    CHECK_THAT(parseError(R"("\x41")"), Equals(R"(invalid escape \x in string at byte 1)"));
    CHECK_THAT(parseError(R"("\')"), ContainsSubstring("invalid escape \\'"));
    CHECK_THAT(parseError(R"("\u12g4")"),
               Equals(R"(invalid \u escape, expected four hex digits at byte 1)"));
    CHECK_THAT(parseError(R"("\u12")"), ContainsSubstring("expected four hex digits"));
    CHECK_THAT(parseError(R"("\U0041")"), ContainsSubstring("invalid escape \\U"));
    CHECK_THAT(parseError("tru"), Equals("invalid literal, expected 'true' at byte 0"));
    CHECK_THAT(parseError("[nul]"), Equals("invalid literal, expected 'null' at byte 1"));
    CHECK_THAT(parseError("True"), ContainsSubstring("unexpected character 'T'"));
    CHECK_THAT(parseError("falsey"), ContainsSubstring("after the JSON value at byte 5"));
}

TEST_CASE("canonical output parses back to the same value for randomized documents") {
    RandomJson random(20240517);
    for (int i = 0; i < 3000; ++i) {
        const QJsonValue value = random.value(0);
        const QByteArray text = canonicalJson(value);
        INFO("canonical text: " << text.toStdString());
        const QJsonValue back = parseJsonStrict(text);
        CHECK(back == value);
        CHECK(canonicalJson(back) == text);
        CHECK(isCanonicalJson(text));
        // Text from Qt's own writer (indented, its own escaping) reads back the same too.
        if (value.isObject() || value.isArray()) {
            const QJsonDocument document =
                value.isObject() ? QJsonDocument(value.toObject()) : QJsonDocument(value.toArray());
            const QByteArray indented = document.toJson(QJsonDocument::Indented);
            CHECK(parseJsonStrict(indented) == value);
            CHECK(canonicalJson(parseJsonStrict(indented)) == text);
        }
    }
}

TEST_CASE("a large object with members in reverse order parses and sorts") {
    std::string text = "{";
    constexpr int Members = 50000;
    for (int i = Members - 1; i >= 0; --i) {
        text += "\"k" + std::to_string(1000000 + i) + "\":" + std::to_string(i);
        text += i > 0 ? "," : "}";
    }
    const QJsonValue value = parse(text);
    REQUIRE(value.toObject().size() == Members);
    CHECK(value.toObject().value(QStringLiteral("k1000123")).toInteger() == 123);
    const std::string sorted = canon(value);
    CHECK(sorted.rfind(R"({"k1000000":0,"k1000001":1,)", 0) == 0);
    CHECK(canonical(sorted));
    CHECK_FALSE(canonical(text));
}

TEST_CASE("isCanonicalJson accepts canonical text") {
    CHECK(canonical(R"({"a":1,"b":[true,false,null],"c":"x"})"));
    CHECK(canonical(R"({"":{},"a":[]})"));
    CHECK(canonical("\"\xe2\x82\xac\""));
    CHECK(canonical(R"("\u001f\n\"\\")"));
    CHECK(canonical("1e+21"));
    CHECK(canonical("0.000001"));
    CHECK(canonical("-5e-324"));
    CHECK(canonical("9007199254740992"));
    CHECK(canonical("0"));
    CHECK(canonical("null"));
}

TEST_CASE("isCanonicalJson rejects every deviation from the canonical form") {
    CHECK_FALSE(canonical(R"({ "a":1})"));      // insignificant whitespace
    CHECK_FALSE(canonical("{}\n"));             // trailing newline
    CHECK_FALSE(canonical(R"({"b":1,"a":2})")); // unsorted members
    CHECK_FALSE(canonical("1.0"));              // number not in shortest form
    CHECK_FALSE(canonical("1.50"));
    CHECK_FALSE(canonical("100e-2"));
    CHECK_FALSE(canonical("1E+21"));
    CHECK_FALSE(canonical("1e21"));
    CHECK_FALSE(canonical("-0"));
    CHECK_FALSE(canonical("0.0000001")); // should be 1e-7
    CHECK_FALSE(canonical("1e-400"));
    CHECK_FALSE(canonical(R"("\u0041")")); // escaped printable character
    CHECK_FALSE(canonical(R"("\/")"));
    CHECK_FALSE(canonical(R"("\u001F")"));      // uppercase hex
    CHECK_FALSE(canonical(R"("\u000a")"));      // short form exists
    CHECK_FALSE(canonical(R"("\u20ac")"));      // non-ASCII must be raw UTF-8
    CHECK_FALSE(canonical("\xef\xbb\xbf{}"));   // byte-order mark
    CHECK_FALSE(canonical(R"({"a":1,"a":1})")); // duplicate names
}

TEST_CASE("isCanonicalJson answers false instead of throwing on malformed input") {
    CHECK_FALSE(canonical(""));
    CHECK_FALSE(canonical("{"));
    CHECK_FALSE(canonical("\"\xff\""));
    CHECK_FALSE(canonical(std::string(100000, '[')));
    CHECK_FALSE(canonical("1e999"));
    CHECK_FALSE(canonical(R"("\ud800")"));
    CHECK_NOTHROW(canonical(std::string("\0\0\0", 3)));
}
