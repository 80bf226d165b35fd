#pragma once

#include "bytes.h"

#include <memory>

namespace cc::crypto {

// An Ed25519 signing key. The 32-byte seed is the whole secret.
class Ed25519PrivateKey final {
public:
    static constexpr std::size_t SeedSize = 32;
    static constexpr std::size_t PublicKeySize = 32;
    static constexpr std::size_t SignatureSize = 64;

    [[nodiscard]] static Ed25519PrivateKey generate();
    // Throws CryptoError unless seed is 32 bytes.
    [[nodiscard]] static Ed25519PrivateKey fromSeed(ByteView seed);

    Ed25519PrivateKey(Ed25519PrivateKey &&) noexcept;
    Ed25519PrivateKey &operator=(Ed25519PrivateKey &&) noexcept;
    ~Ed25519PrivateKey();

    [[nodiscard]] SecretBytes seed() const;
    [[nodiscard]] Bytes publicKey() const;
    [[nodiscard]] Bytes sign(ByteView message) const;

private:
    struct Impl;
    explicit Ed25519PrivateKey(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

// True only for a valid signature of message under a 32-byte public key.
[[nodiscard]] bool ed25519Verify(ByteView publicKey, ByteView message, ByteView signature);

} // namespace cc::crypto
