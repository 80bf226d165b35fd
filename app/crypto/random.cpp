#include "crypto/random.h"

#include "crypto/openssl_util.h"

#include <openssl/rand.h>

#include <algorithm>

namespace cc::crypto {

void randomFill(std::span<std::uint8_t> out) {
    while (!out.empty()) {
        const std::size_t n = std::min(out.size(), detail::MaxPiece);
        detail::check(RAND_bytes(out.data(), static_cast<int>(n)), "RAND_bytes");
        out = out.subspan(n);
    }
}

Bytes randomBytes(std::size_t n) {
    Bytes out(n);
    randomFill(out);
    return out;
}

SecretBytes randomSecret(std::size_t n) {
    SecretBytes out(n);
    randomFill(out);
    return out;
}

} // namespace cc::crypto
