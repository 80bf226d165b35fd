#include "crypto/scrypt.h"

#include <catch2/catch_test_macros.hpp>

using namespace cc::crypto;

namespace {
std::string run(std::string_view pass, std::string_view salt, std::uint64_t n, std::uint32_t r,
                std::uint32_t p) {
    return toHex(view(scrypt(view(pass), view(salt), ScryptParams{n, r, p}, 64)));
}
} // namespace

TEST_CASE("scrypt RFC 7914 test vectors") {
    CHECK(run("", "", 16, 1, 1) ==
          "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
          "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906");
    CHECK(run("password", "NaCl", 1024, 8, 16) ==
          "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
          "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640");
    CHECK(run("pleaseletmein", "SodiumChloride", 16384, 8, 1) ==
          "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"
          "d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887");
}

TEST_CASE("scrypt runs with the default unlock parameters (N=2^17, r=8, p=1)") {
    const ScryptParams params;
    REQUIRE(params.n == (std::uint64_t{1} << 17));
    const SecretBytes a =
        scrypt(view(std::string_view("123456")), view(std::string_view("salt-a")), params);
    const SecretBytes b =
        scrypt(view(std::string_view("123456")), view(std::string_view("salt-b")), params);
    CHECK(a.size() == 32);
    CHECK(b.size() == 32);
    CHECK_FALSE(equalConstantTime(view(a), view(b)));
}

TEST_CASE("scrypt rejects invalid parameters") {
    const ByteView pass = view(std::string_view("pw"));
    const ByteView salt = view(std::string_view("salt"));
    CHECK_THROWS_AS(scrypt(pass, salt, ScryptParams{0, 8, 1}), CryptoError);
    CHECK_THROWS_AS(scrypt(pass, salt, ScryptParams{1, 8, 1}), CryptoError);
    CHECK_THROWS_AS(scrypt(pass, salt, ScryptParams{1000, 8, 1}), CryptoError);
    CHECK_THROWS_AS(scrypt(pass, salt, ScryptParams{16, 0, 1}), CryptoError);
    CHECK_THROWS_AS(scrypt(pass, salt, ScryptParams{16, 1, 0}), CryptoError);
    CHECK_THROWS_AS(scrypt(pass, salt, ScryptParams{16, 1, 1}, 0), CryptoError);
    CHECK_THROWS_AS(scrypt(pass, salt, ScryptParams{std::uint64_t{1} << 62, 8, 1}), CryptoError);
}
