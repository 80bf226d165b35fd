#include "crypto/hash.h"

#include <catch2/catch_test_macros.hpp>

using namespace cc::crypto;

namespace {
std::string hex(const auto &digest) {
    return toHex(ByteView(digest.data(), digest.size()));
}
} // namespace

TEST_CASE("SHA-256 known answers (FIPS 180-2)") {
    CHECK(hex(sha256(view(std::string_view("abc")))) ==
          "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(hex(sha256({})) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(hex(sha256(view(
              std::string_view("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")))) ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    const std::string million(1000000, 'a');
    CHECK(hex(sha256(view(million))) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("SHA-512 known answers (FIPS 180-2)") {
    CHECK(hex(sha512(view(std::string_view("abc")))) ==
          "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
          "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
    CHECK(hex(sha512({})) == "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
                             "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e");
}

TEST_CASE("incremental SHA-256 equals the one-shot digest for any split") {
    const std::string million(1000000, 'a');
    for (const std::size_t piece :
         {std::size_t{1}, std::size_t{63}, std::size_t{64}, std::size_t{4097}, million.size()}) {
        Sha256 h;
        const ByteView all = view(million);
        for (std::size_t i = 0; i < all.size(); i += piece) {
            h.update(all.subspan(i, std::min(piece, all.size() - i)));
        }
        CHECK(hex(h.finish()) ==
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    }
    Sha256 empty;
    CHECK(hex(empty.finish()) == hex(sha256({})));
}

TEST_CASE("Sha256 refuses use after finish") {
    Sha256 h;
    h.update(view(std::string_view("abc")));
    (void)h.finish();
    CHECK_THROWS_AS(h.update(view(std::string_view("x"))), CryptoError);
    CHECK_THROWS_AS((void)h.finish(), CryptoError);
}
