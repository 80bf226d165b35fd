#include "crypto/ed25519.h"

#include "testvectors.h"

#include <catch2/catch_test_macros.hpp>

using namespace cc::crypto;
using namespace cc::crypto::test;

TEST_CASE("Wycheproof Ed25519 verification vectors") {
    const QJsonObject root = loadVectors("ed25519_test.json");
    int ran = 0;
    for (const QJsonValue &gv : groups(root)) {
        const QJsonObject g = gv.toObject();
        const Bytes pk = hexField(g.value(QLatin1String("publicKey")).toObject(), "pk");
        for (const QJsonValue &tv : tests(g)) {
            const QJsonObject t = tv.toObject();
            INFO("tcId " << t.value(QLatin1String("tcId")).toInt());
            CHECK(ed25519Verify(pk, hexField(t, "msg"), hexField(t, "sig")) == isValid(t));
            ++ran;
        }
    }
    CHECK(ran == 151);
}

TEST_CASE("Ed25519 signing known answer (RFC 8032 test 1)") {
    const Bytes seed = fromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    const Ed25519PrivateKey key = Ed25519PrivateKey::fromSeed(seed);
    CHECK(toHex(key.publicKey()) ==
          "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    CHECK(toHex(key.sign({})) ==
          "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e3970"
          "1cf9b46bd25bf5f0595bbe24655141438e7a100b");
    CHECK(toHex(view(key.seed())) == toHex(seed));
}

TEST_CASE("generated keys sign and verify; any change breaks verification") {
    const Ed25519PrivateKey key = Ed25519PrivateKey::generate();
    const Bytes pk = key.publicKey();
    const Bytes msg(200, 0x5c);
    const Bytes sig = key.sign(msg);
    REQUIRE(sig.size() == Ed25519PrivateKey::SignatureSize);
    CHECK(ed25519Verify(pk, msg, sig));
    Bytes badMsg = msg;
    badMsg[100] ^= 1;
    CHECK_FALSE(ed25519Verify(pk, badMsg, sig));
    Bytes badSig = sig;
    badSig[10] ^= 1;
    CHECK_FALSE(ed25519Verify(pk, msg, badSig));
    CHECK_FALSE(ed25519Verify(Ed25519PrivateKey::generate().publicKey(), msg, sig));
    CHECK_FALSE(ed25519Verify(ByteView(pk).first(31), msg, sig));
    CHECK_FALSE(ed25519Verify(pk, msg, ByteView(sig).first(63)));
    CHECK_FALSE(ed25519Verify({}, msg, sig));

    // The seed reproduces the key.
    const Ed25519PrivateKey again = Ed25519PrivateKey::fromSeed(key.seed());
    CHECK(again.publicKey() == pk);
    CHECK(again.sign(msg) == sig); // Ed25519 signatures are deterministic
}

TEST_CASE("Ed25519 keys move and refuse bad seeds") {
    CHECK_THROWS_AS(Ed25519PrivateKey::fromSeed(Bytes(31)), CryptoError);
    CHECK_THROWS_AS(Ed25519PrivateKey::fromSeed(Bytes(64)), CryptoError);
    Ed25519PrivateKey a = Ed25519PrivateKey::generate();
    const Bytes pk = a.publicKey();
    Ed25519PrivateKey b = std::move(a);
    CHECK(b.publicKey() == pk);
    Ed25519PrivateKey c = Ed25519PrivateKey::generate();
    c = std::move(b);
    CHECK(c.publicKey() == pk);
    CHECK(Ed25519PrivateKey::generate().publicKey() != pk);
}
