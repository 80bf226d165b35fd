#include "crypto/aesgcm.h"

#include "testvectors.h"

#include <catch2/catch_test_macros.hpp>

#include <set>

using namespace cc::crypto;
using namespace cc::crypto::test;

namespace {

const Bytes Key = fromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

Bytes concat(const Bytes &a, const Bytes &b) {
    Bytes out = a;
    out.insert(out.end(), b.begin(), b.end());
    return out;
}

} // namespace

TEST_CASE("Wycheproof AES-GCM vectors (256-bit key, 96-bit nonce, 128-bit tag)") {
    const QJsonObject root = loadVectors("aes_gcm_test.json");
    int ran = 0;
    int refusedNonces = 0;
    for (const QJsonValue &gv : groups(root)) {
        const QJsonObject g = gv.toObject();
        if (g.value(QLatin1String("keySize")).toInt() != 256 ||
            g.value(QLatin1String("tagSize")).toInt() != 128) {
            continue;
        }
        const bool standardNonce = g.value(QLatin1String("ivSize")).toInt() == 96;
        for (const QJsonValue &tv : tests(g)) {
            const QJsonObject t = tv.toObject();
            INFO("tcId " << t.value(QLatin1String("tcId")).toInt());
            const Bytes key = hexField(t, "key");
            const Bytes iv = hexField(t, "iv");
            const Bytes aad = hexField(t, "aad");
            const Bytes msg = hexField(t, "msg");
            const Bytes sealed = concat(hexField(t, "ct"), hexField(t, "tag"));
            AesGcm gcm(key);
            if (!standardNonce) {
                // Only 96-bit nonces are supported; anything else is refused, never misused.
                Bytes out;
                CHECK_THROWS_AS(gcm.seal(iv, aad, msg, out), CryptoError);
                ++refusedNonces;
                continue;
            }
            SecretBytes plain{0xff};
            if (isValid(t)) {
                Bytes out;
                gcm.seal(iv, aad, msg, out);
                CHECK(out == sealed);
                REQUIRE(gcm.open(iv, aad, sealed, plain));
                CHECK(Bytes(plain.begin(), plain.end()) == msg);
            } else {
                CHECK_FALSE(gcm.open(iv, aad, sealed, plain));
                CHECK(plain.empty());
            }
            ++ran;
        }
    }
    CHECK(ran == 66);
    CHECK(refusedNonces == 39);
}

TEST_CASE("one AesGcm object serves many messages with different nonces") {
    AesGcm reused(Key);
    for (int i = 0; i < 50; ++i) {
        Bytes nonce(12, 0);
        nonce[11] = static_cast<std::uint8_t>(i);
        const Bytes msg(static_cast<std::size_t>(i * 37), static_cast<std::uint8_t>(i));
        const Bytes aad(static_cast<std::size_t>(i % 5), 0x42);
        Bytes viaReused;
        reused.seal(nonce, aad, msg, viaReused);
        AesGcm fresh(Key);
        Bytes viaFresh;
        fresh.seal(nonce, aad, msg, viaFresh);
        CHECK(viaReused == viaFresh);
        SecretBytes plain;
        REQUIRE(reused.open(nonce, aad, viaReused, plain));
        CHECK(Bytes(plain.begin(), plain.end()) == msg);
    }
}

TEST_CASE("seal appends to existing output") {
    AesGcm gcm(Key);
    const Bytes nonce(12, 7);
    Bytes out{1, 2, 3};
    gcm.seal(nonce, {}, view(std::string_view("hello")), out);
    REQUIRE(out.size() == 3 + 5 + AesGcm::TagSize);
    CHECK(out[0] == 1);
    SecretBytes plain;
    REQUIRE(gcm.open(nonce, {}, ByteView(out).subspan(3), plain));
    CHECK(Bytes(plain.begin(), plain.end()) == Bytes{'h', 'e', 'l', 'l', 'o'});
}

TEST_CASE("openInto wipes its output when the tag does not verify") {
    AesGcm gcm(Key);
    const Bytes nonce(12, 1);
    const Bytes msg(1000, 0x33);
    Bytes sealed(msg.size() + AesGcm::TagSize);
    gcm.sealInto(nonce, {}, msg, sealed);
    sealed.back() ^= 1;
    Bytes out(msg.size(), 0x77);
    CHECK_FALSE(gcm.openInto(nonce, {}, sealed, out));
    CHECK(std::all_of(out.begin(), out.end(), [](std::uint8_t b) { return b == 0; }));
    CHECK_FALSE(gcm.openInto(nonce, {}, ByteView(sealed).first(15), {}));
    CHECK_THROWS_AS(gcm.openInto(nonce, {}, sealed, std::span(out).first(10)), CryptoError);
    CHECK_THROWS_AS(gcm.sealInto(nonce, {}, msg, std::span(out).first(10)), CryptoError);
}

TEST_CASE("AesGcm refuses bad key and nonce sizes") {
    CHECK_THROWS_AS(AesGcm(Bytes(16)), CryptoError);
    CHECK_THROWS_AS(AesGcm(Bytes(33)), CryptoError);
    AesGcm gcm(Key);
    Bytes out;
    SecretBytes plain;
    CHECK_THROWS_AS(gcm.seal(Bytes(8), {}, {}, out), CryptoError);
    CHECK_THROWS_AS((void)gcm.open(Bytes(16), {}, Bytes(32), plain), CryptoError);
}

TEST_CASE("sealWithRandomNonce and openWithNonce round-trip and detect tampering") {
    const Bytes aad{9, 9};
    const Bytes msg(300, 0x11);
    std::set<Bytes> nonces;
    for (int i = 0; i < 20; ++i) {
        const Bytes sealed = sealWithRandomNonce(Key, aad, msg);
        REQUIRE(sealed.size() == AesGcm::NonceSize + msg.size() + AesGcm::TagSize);
        CHECK(nonces.insert(Bytes(sealed.begin(), sealed.begin() + 12)).second);
        const auto plain = openWithNonce(Key, aad, sealed);
        REQUIRE(plain.has_value());
        CHECK(Bytes(plain->begin(), plain->end()) == msg);
    }
    const Bytes sealed = sealWithRandomNonce(Key, aad, msg);
    for (std::size_t pos :
         {std::size_t{0}, std::size_t{11}, std::size_t{12}, std::size_t{200}, sealed.size() - 1}) {
        Bytes bad = sealed;
        bad[pos] ^= 0x80;
        CHECK_FALSE(openWithNonce(Key, aad, bad).has_value());
    }
    CHECK_FALSE(openWithNonce(Key, Bytes{9}, sealed).has_value());
    Bytes otherKey = Key;
    otherKey[0] ^= 1;
    CHECK_FALSE(openWithNonce(otherKey, aad, sealed).has_value());
    CHECK_FALSE(openWithNonce(Key, aad, ByteView(sealed).first(27)).has_value());
    const Bytes empty = sealWithRandomNonce(Key, {}, {});
    const auto plainEmpty = openWithNonce(Key, {}, empty);
    REQUIRE(plainEmpty.has_value());
    CHECK(plainEmpty->empty());
}
