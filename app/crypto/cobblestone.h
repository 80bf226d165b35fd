#pragma once

// Cobblestone-256: c2sp.org/chunked-encryption instantiated with HKDF-Expand-SHA-512
// and AEAD_AES_256_GCM. A message is salt(24) || commitment(32) || chunks, each chunk
// 16 KiB of plaintext sealed with a 16-byte tag; the last chunk is always shorter
// than 16 KiB (possibly empty).

#include "aesgcm.h"
#include "bytes.h"

#include <array>
#include <memory>
#include <optional>
#include <span>

namespace cc::crypto::cobblestone {

constexpr std::size_t SaltSize = 24;
constexpr std::size_t CommitmentSize = 32;
constexpr std::size_t HeaderSize = SaltSize + CommitmentSize; // 56
constexpr std::size_t ChunkSize = 16384;
constexpr std::size_t SealedChunkSize = ChunkSize + AesGcm::TagSize;
// Chunk indices must stay below 2^38; encryption and decryption stop there.
constexpr std::uint64_t MaxChunks = std::uint64_t{1} << 38;

// Per-message AEAD key, base nonce and commitment from HKDF-Expand (exposed for tests).
struct DerivedKeys {
    SecretBytes aeadKey; // 32 bytes
    Bytes baseNonce;     // 12 bytes
    Bytes commitment;    // 32 bytes
};
// Throws CryptoError unless inputKey is 32 bytes and salt 24 bytes.
[[nodiscard]] DerivedKeys derive(ByteView inputKey, ByteView salt, ByteView context);
// The nonce of chunk index: baseNonce XOR index as a 96-bit big-endian integer.
// Throws CryptoError unless baseNonce is 12 bytes and index < MaxChunks.
[[nodiscard]] std::array<std::uint8_t, AesGcm::NonceSize> chunkNonce(ByteView baseNonce,
                                                                     std::uint64_t index);

// Streaming encryption. header() first, then update() any number of times, then finish().
class Encryptor final {
public:
    // Random salt. Throws CryptoError unless inputKey is 32 bytes.
    Encryptor(ByteView inputKey, ByteView context);
    // Fixed 24-byte salt, for tests and conformance only.
    Encryptor(ByteView inputKey, ByteView context, ByteView salt);
    ~Encryptor();
    Encryptor(const Encryptor &) = delete;
    Encryptor &operator=(const Encryptor &) = delete;

    // The 56-byte header: salt || commitment.
    [[nodiscard]] Bytes header() const;
    // Appends every chunk completed by plaintext to out.
    void update(ByteView plaintext, Bytes &out);
    // Appends the final short chunk. No update() may follow.
    void finish(Bytes &out);

    // Allocation-free forms, for a writer that reuses one buffer: they write into out and
    // set written, and throw CryptoError, changing nothing, when out is smaller than the
    // bound below.
    // The ciphertext that update(plaintext) releases for plaintextSize more bytes.
    [[nodiscard]] std::size_t updateSize(std::size_t plaintextSize) const noexcept;
    void update(ByteView plaintext, std::span<std::uint8_t> out, std::size_t &written);
    // The final chunk's size, which finish() writes.
    [[nodiscard]] std::size_t finishSize() const noexcept;
    void finish(std::span<std::uint8_t> out, std::size_t &written);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

enum class DecryptStatus {
    Ok,           // everything so far verified
    BadKeySize,   // the input key is not 32 bytes
    BadHeader,    // short header, or commitment mismatch: wrong key, wrong context, or tampered
    BadChunk,     // a chunk's tag did not verify (modified, reordered, wrong index)
    Truncated,    // the message ended without its short final chunk
    TrailingData, // bytes after the final chunk
};

// Streaming decryption that releases a chunk's plaintext only after its tag verifies.
// The header's commitment is checked (constant time) before any chunk is opened.
// Once a call fails, every later call fails with the same status and releases nothing.
// An input key that is not 32 bytes makes every call return BadKeySize.
class Decryptor final {
public:
    Decryptor(ByteView inputKey, ByteView context);
    ~Decryptor();
    Decryptor(const Decryptor &) = delete;
    Decryptor &operator=(const Decryptor &) = delete;

    // Feeds ciphertext; appends the plaintext of every chunk that verified to out. A full
    // sealed chunk is released as soon as it verifies; when a chunk fails, out keeps only
    // the chunks before it. Ciphertext after a successful finish() is TrailingData.
    [[nodiscard]] DecryptStatus update(ByteView ciphertext, SecretBytes &out);
    // Ends the message: verifies the final short chunk and appends its plaintext.
    [[nodiscard]] DecryptStatus finish(SecretBytes &out);

    // Allocation-free forms, for a reader that reuses one buffer: they write into out and
    // set written to what verified; whatever a failing chunk put in out is wiped. They throw
    // CryptoError, changing nothing, when out is smaller than the bound below.
    // The most plaintext update() can release for ciphertextSize more bytes.
    [[nodiscard]] std::size_t updateBound(std::size_t ciphertextSize) const noexcept;
    [[nodiscard]] DecryptStatus update(ByteView ciphertext, std::span<std::uint8_t> out,
                                       std::size_t &written);
    // The most plaintext finish() can release (less than one chunk).
    [[nodiscard]] std::size_t finishBound() const noexcept;
    [[nodiscard]] DecryptStatus finish(std::span<std::uint8_t> out, std::size_t &written);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// Whole-buffer helpers.
[[nodiscard]] Bytes encrypt(ByteView inputKey, ByteView context, ByteView plaintext);
// Returns Ok and fills out, or a failure status with out empty.
[[nodiscard]] DecryptStatus decrypt(ByteView inputKey, ByteView context, ByteView message,
                                    SecretBytes &out);

// Allocation-free whole-buffer forms for callers that own their buffers.
// Size of the message that encrypts plaintextSize bytes.
[[nodiscard]] constexpr std::size_t encryptedSize(std::size_t plaintextSize) noexcept {
    return HeaderSize + (plaintextSize / ChunkSize + 1) * SealedChunkSize -
           (ChunkSize - plaintextSize % ChunkSize);
}
// Plaintext size of a well-formed message of messageSize bytes; nullopt when no
// message of that size can be valid.
[[nodiscard]] std::optional<std::size_t> decryptedSize(std::size_t messageSize) noexcept;
// Encrypts with a random salt into out, which must be exactly encryptedSize(plaintext.size())
// bytes. Throws CryptoError on a wrong key size or output size.
void encryptInto(ByteView inputKey, ByteView context, ByteView plaintext,
                 std::span<std::uint8_t> out);
// Decrypts into out, which must hold at least decryptedSize(message.size()) bytes (CryptoError
// otherwise). Returns Ok and sets written, or a failure status with written 0 and whatever was
// written wiped. A size no valid message can have is Truncated without opening any chunk.
[[nodiscard]] DecryptStatus decryptInto(ByteView inputKey, ByteView context, ByteView message,
                                        std::span<std::uint8_t> out, std::size_t &written);

[[nodiscard]] const char *toString(DecryptStatus status) noexcept;

} // namespace cc::crypto::cobblestone
