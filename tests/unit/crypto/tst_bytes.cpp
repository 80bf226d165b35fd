#include "crypto/bytes.h"

#include <catch2/catch_test_macros.hpp>

#include <algorithm>

using namespace cc::crypto;

TEST_CASE("hex encoding round-trips and rejects malformed input") {
    const Bytes data{0x00, 0x01, 0x7f, 0x80, 0xab, 0xff};
    CHECK(toHex(data) == "00017f80abff");
    CHECK(fromHex("00017f80abff") == data);
    CHECK(fromHex("00017F80ABFF") == data);
    CHECK(fromHex("").empty());
    CHECK(toHex({}).empty());
    CHECK_THROWS_AS(fromHex("abc"), std::invalid_argument);
    CHECK_THROWS_AS(fromHex("zz"), std::invalid_argument);
    CHECK_THROWS_AS(fromHex("0g"), std::invalid_argument);
}

TEST_CASE("equalConstantTime compares content and length") {
    const Bytes a{1, 2, 3};
    const Bytes b{1, 2, 3};
    const Bytes c{1, 2, 4};
    const Bytes d{1, 2};
    CHECK(equalConstantTime(a, b));
    CHECK_FALSE(equalConstantTime(a, c));
    CHECK_FALSE(equalConstantTime(a, d));
    CHECK(equalConstantTime({}, {}));
}

TEST_CASE("wipe zeroes memory") {
    Bytes data(100, 0xa5);
    wipe(data.data(), data.size());
    CHECK(std::all_of(data.begin(), data.end(), [](std::uint8_t b) { return b == 0; }));
    wipe(nullptr, 0); // allowed, does nothing
}

TEST_CASE("SecretBytes behaves as a byte vector and views see its content") {
    SecretBytes secret{1, 2, 3};
    for (int i = 0; i < 1000; ++i) {
        secret.push_back(static_cast<std::uint8_t>(i)); // growth reallocates through the allocator
    }
    REQUIRE(secret.size() == 1003);
    const ByteView v = view(secret);
    CHECK(v.size() == 1003);
    CHECK(v[0] == 1);
    CHECK(v[1002] == static_cast<std::uint8_t>(999));
    CHECK(toHex(view(std::string_view("ab"))) == "6162");
}
