#include "crypto/hkdf.h"

#include "testvectors.h"

#include <catch2/catch_test_macros.hpp>

using namespace cc::crypto;
using namespace cc::crypto::test;

namespace {

// Runs every vector of a Wycheproof HKDF file; returns how many ran.
int runWycheproof(const char *file, HkdfHash hash) {
    const QJsonObject root = loadVectors(file);
    int ran = 0;
    for (const QJsonValue &g : groups(root)) {
        for (const QJsonValue &tv : tests(g.toObject())) {
            const QJsonObject t = tv.toObject();
            INFO("tcId " << t.value(QLatin1String("tcId")).toInt());
            const Bytes ikm = hexField(t, "ikm");
            const Bytes salt = hexField(t, "salt");
            const Bytes info = hexField(t, "info");
            REQUIRE(t.value(QLatin1String("size")).isDouble());
            const auto size = static_cast<std::size_t>(t.value(QLatin1String("size")).toInt());
            if (isValid(t)) {
                CHECK(toHex(view(hkdf(hash, ikm, salt, info, size))) == stringField(t, "okm"));
            } else {
                CHECK_THROWS_AS(hkdf(hash, ikm, salt, info, size), CryptoError);
            }
            ++ran;
        }
    }
    return ran;
}

} // namespace

TEST_CASE("Wycheproof HKDF-SHA-512 vectors") {
    CHECK(runWycheproof("hkdf_sha512_test.json", HkdfHash::Sha512) == 83);
}

TEST_CASE("Wycheproof HKDF-SHA-256 vectors") {
    CHECK(runWycheproof("hkdf_sha256_test.json", HkdfHash::Sha256) == 86);
}

TEST_CASE("hkdfExpand uses the PRK as is (RFC 5869 test case 1)") {
    const Bytes prk = fromHex("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5");
    const Bytes info = fromHex("f0f1f2f3f4f5f6f7f8f9");
    CHECK(toHex(view(hkdfExpand(HkdfHash::Sha256, prk, info, 42))) ==
          "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
          "34007208d5b887185865");
    CHECK_THROWS_AS(hkdfExpand(HkdfHash::Sha512, prk, info, 255 * 64 + 1), CryptoError);
    CHECK(hkdfExpand(HkdfHash::Sha512, prk, info, 255 * 64).size() == 255 * 64);
}

TEST_CASE("hkdf accepts empty input keying material, salt and info") {
    // HMAC-SHA-256 computed independently: PRK = HMAC(32 zero bytes, ""), OKM = HMAC(PRK, 0x01).
    CHECK(toHex(view(hkdf(HkdfHash::Sha256, {}, {}, {}, 32))) ==
          "eb70f01dede9afafa449eee1b1286504e1f62388b3f7dd4f956697b0e828fe18");
}

TEST_CASE("deriveKey is HKDF-SHA-512 with an empty salt, separated by info") {
    const Bytes master =
        fromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    const SecretBytes a = deriveKey(master, "consentcam/db");
    const SecretBytes b = deriveKey(master, "consentcam/media");
    CHECK(a.size() == 32);
    CHECK(view(a).size() == 32);
    CHECK(toHex(view(a)) == toHex(view(hkdf(HkdfHash::Sha512, master, {},
                                            view(std::string_view("consentcam/db")), 32))));
    CHECK_FALSE(equalConstantTime(view(a), view(b)));
    CHECK(deriveKey(master, "x", 64).size() == 64);
}
