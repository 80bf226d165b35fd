#include "crypto/random.h"

#include <catch2/catch_test_macros.hpp>

#include <array>
#include <set>

using namespace cc::crypto;

TEST_CASE("randomBytes returns the requested size and does not repeat") {
    std::set<Bytes> seen;
    for (int i = 0; i < 100; ++i) {
        const Bytes b = randomBytes(16);
        REQUIRE(b.size() == 16);
        CHECK(seen.insert(b).second);
    }
    CHECK(randomBytes(0).empty());
}

TEST_CASE("randomFill fills the whole buffer") {
    // 1 MiB: every byte value must appear, and each position at the end must have been written
    // (a buffer pre-filled with a marker keeps no run of the marker longer than chance allows).
    Bytes buffer(1 << 20, 0xee);
    randomFill(buffer);
    std::array<std::size_t, 256> counts{};
    for (const std::uint8_t b : buffer) {
        ++counts[b];
    }
    for (const std::size_t c : counts) {
        CHECK(c > 3000); // expected 4096 each
        CHECK(c < 5200);
    }
    std::size_t run = 0;
    std::size_t longest = 0;
    for (const std::uint8_t b : buffer) {
        run = b == 0xee ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    CHECK(longest < 6);
    randomFill({}); // empty span is fine
}

TEST_CASE("randomSecret returns distinct secrets of the requested size") {
    const SecretBytes a = randomSecret(32);
    const SecretBytes b = randomSecret(32);
    REQUIRE(a.size() == 32);
    REQUIRE(b.size() == 32);
    CHECK_FALSE(equalConstantTime(view(a), view(b)));
}
