#pragma once

#include "bytes.h"

namespace cc::crypto {

struct ScryptParams {
    std::uint64_t n = std::uint64_t{1} << 17; // CPU/memory cost, a power of two
    std::uint32_t r = 8;
    std::uint32_t p = 1;
};

// Derives length bytes from a passcode. Throws CryptoError on invalid parameters
// or when OpenSSL cannot allocate the 128 * r * n bytes the parameters need.
[[nodiscard]] SecretBytes scrypt(ByteView passcode, ByteView salt, const ScryptParams &params,
                                 std::size_t length = 32);

} // namespace cc::crypto
