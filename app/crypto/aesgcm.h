#pragma once

#include "bytes.h"

#include <memory>
#include <optional>

namespace cc::crypto {

// AES-256-GCM with 96-bit nonces and 128-bit tags. Sealed output is ciphertext || tag.
class AesGcm final {
public:
    static constexpr std::size_t KeySize = 32;
    static constexpr std::size_t NonceSize = 12;
    static constexpr std::size_t TagSize = 16;

    // Throws CryptoError unless key is 32 bytes. The key schedule is kept and reused.
    explicit AesGcm(ByteView key);
    ~AesGcm();
    AesGcm(const AesGcm &) = delete;
    AesGcm &operator=(const AesGcm &) = delete;

    // Appends ciphertext || tag to out. Throws CryptoError on a nonce that is not 12 bytes.
    void seal(ByteView nonce, ByteView aad, ByteView plaintext, Bytes &out);
    // Writes plaintext into out (resized to ciphertext length) only when the tag verifies;
    // returns false and leaves out empty otherwise.
    [[nodiscard]] bool open(ByteView nonce, ByteView aad, ByteView sealed, SecretBytes &out);

    // Allocation-free forms for callers that own their buffers. sealInto writes exactly
    // plaintext.size() + TagSize bytes; openInto writes sealed.size() - TagSize bytes and,
    // when the tag does not verify, wipes them and returns false (also false, writing nothing,
    // when sealed is shorter than a tag). Both throw CryptoError when out has any other size
    // or the nonce is not 12 bytes.
    void sealInto(ByteView nonce, ByteView aad, ByteView plaintext, std::span<std::uint8_t> out);
    [[nodiscard]] bool openInto(ByteView nonce, ByteView aad, ByteView sealed,
                                std::span<std::uint8_t> out);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// One-shot helpers: seal with a fresh random nonce, output nonce || ciphertext || tag.
[[nodiscard]] Bytes sealWithRandomNonce(ByteView key, ByteView aad, ByteView plaintext);
[[nodiscard]] std::optional<SecretBytes> openWithNonce(ByteView key, ByteView aad,
                                                       ByteView nonceSealed);

} // namespace cc::crypto
