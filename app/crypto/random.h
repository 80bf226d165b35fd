#pragma once

#include "bytes.h"

namespace cc::crypto {

// Fills out from OpenSSL's CSPRNG; throws CryptoError if the generator fails.
void randomFill(std::span<std::uint8_t> out);
[[nodiscard]] Bytes randomBytes(std::size_t n);
[[nodiscard]] SecretBytes randomSecret(std::size_t n);

} // namespace cc::crypto
