#pragma once

#include "bytes.h"

namespace cc::crypto {

enum class HkdfHash { Sha256, Sha512 };

// RFC 5869 extract-then-expand. Throws CryptoError when length exceeds 255 * hash size.
[[nodiscard]] SecretBytes hkdf(HkdfHash hash, ByteView ikm, ByteView salt, ByteView info,
                               std::size_t length);
// RFC 5869 expand only, prk used as is.
[[nodiscard]] SecretBytes hkdfExpand(HkdfHash hash, ByteView prk, ByteView info,
                                     std::size_t length);

// The project's key derivation: HKDF-SHA-512 with an empty salt.
[[nodiscard]] inline SecretBytes deriveKey(ByteView masterKey, std::string_view info,
                                           std::size_t length = 32) {
    return hkdf(HkdfHash::Sha512, masterKey, {}, view(info), length);
}

} // namespace cc::crypto
