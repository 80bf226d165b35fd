#include "crypto/cobblestone.h"

#include "crypto/hkdf.h"
#include "crypto/random.h"

#include <algorithm>
#include <cstring>
#include <string_view>

namespace cc::crypto::cobblestone {

namespace {

// HKDF info prefix: the spec label and the AEAD name, then a zero byte (the array's
// terminator, kept in the view on purpose); salt and context follow.
constexpr char InfoLabel[] = "c2sp.org/chunked-encryption@v1+AEAD_AES_256_GCM";
constexpr std::string_view InfoPrefix{InfoLabel, sizeof(InfoLabel)};
static_assert(InfoPrefix.size() == 31 + 16 + 1 && InfoPrefix.back() == '\0');
constexpr std::size_t DerivedSize = AesGcm::KeySize + AesGcm::NonceSize + CommitmentSize;

// Seals or opens the chunks of one message in order. The chunk index only moves forward.
class ChunkCipher final {
public:
    explicit ChunkCipher(const DerivedKeys &keys)
        : m_gcm(keys.aeadKey)
        , m_baseNonce(keys.baseNonce) {}
    ChunkCipher(const ChunkCipher &) = delete;
    ChunkCipher &operator=(const ChunkCipher &) = delete;

    [[nodiscard]] std::uint64_t index() const noexcept { return m_index; }
    [[nodiscard]] bool exhausted() const noexcept { return m_index >= MaxChunks; }

    // Seals plaintext as the chunk at the current index and moves to the next.
    void seal(ByteView plaintext, std::span<std::uint8_t> out) {
        m_gcm.sealInto(chunkNonce(m_baseNonce, m_index), {}, plaintext, out);
        ++m_index;
    }
    // Opens sealed as the chunk at the current index without moving on.
    [[nodiscard]] bool open(ByteView sealed, std::span<std::uint8_t> out) {
        return m_gcm.openInto(chunkNonce(m_baseNonce, m_index), {}, sealed, out);
    }
    void advance() noexcept { ++m_index; }

private:
    AesGcm m_gcm;
    Bytes m_baseNonce;
    std::uint64_t m_index = 0;
};

// Verifies the 56-byte header against the input key and context; the chunk cipher on success.
std::unique_ptr<ChunkCipher> openHeader(ByteView inputKey, ByteView context, ByteView header) {
    const DerivedKeys keys = derive(inputKey, header.first(SaltSize), context);
    if (!equalConstantTime(keys.commitment, header.subspan(SaltSize, CommitmentSize))) {
        return nullptr;
    }
    return std::make_unique<ChunkCipher>(keys);
}

// After a final chunk failed to open: an empty final chunk in its first 16 bytes means the
// message ended there and the rest is trailing data.
DecryptStatus classifyFinalFailure(ChunkCipher &cipher, ByteView sealed) {
    if (sealed.size() > AesGcm::TagSize && cipher.open(sealed.first(AesGcm::TagSize), {})) {
        return DecryptStatus::TrailingData;
    }
    return DecryptStatus::BadChunk;
}

} // namespace

DerivedKeys derive(ByteView inputKey, ByteView salt, ByteView context) {
    if (inputKey.size() != AesGcm::KeySize) {
        throw CryptoError("Cobblestone: input key must be 32 bytes");
    }
    if (salt.size() != SaltSize) {
        throw CryptoError("Cobblestone: salt must be 24 bytes");
    }
    Bytes info;
    info.reserve(InfoPrefix.size() + salt.size() + context.size());
    info.insert(info.end(), InfoPrefix.begin(), InfoPrefix.end());
    info.insert(info.end(), salt.begin(), salt.end());
    info.insert(info.end(), context.begin(), context.end());
    const SecretBytes okm = hkdfExpand(HkdfHash::Sha512, inputKey, info, DerivedSize);

    DerivedKeys keys;
    const auto *p = okm.data();
    keys.aeadKey.assign(p, p + AesGcm::KeySize);
    p += AesGcm::KeySize;
    keys.baseNonce.assign(p, p + AesGcm::NonceSize);
    p += AesGcm::NonceSize;
    keys.commitment.assign(p, p + CommitmentSize);
    return keys;
}

std::array<std::uint8_t, AesGcm::NonceSize> chunkNonce(ByteView baseNonce, std::uint64_t index) {
    if (baseNonce.size() != AesGcm::NonceSize) {
        throw CryptoError("Cobblestone: base nonce must be 12 bytes");
    }
    if (index >= MaxChunks) {
        throw CryptoError("Cobblestone: chunk index limit reached");
    }
    std::array<std::uint8_t, AesGcm::NonceSize> nonce{};
    std::copy(baseNonce.begin(), baseNonce.end(), nonce.begin());
    for (std::size_t i = 0; i < 8; ++i) {
        nonce[AesGcm::NonceSize - 1 - i] ^= static_cast<std::uint8_t>(index >> (8 * i));
    }
    return nonce;
}

// ---------------------------------------------------------------------------------------------
// Encryption

struct Encryptor::Impl {
    Bytes header;
    std::unique_ptr<ChunkCipher> cipher;
    SecretBytes pending = SecretBytes(ChunkSize);
    std::size_t pendingSize = 0;
    bool finished = false;
};

Encryptor::Encryptor(ByteView inputKey, ByteView context)
    : Encryptor(inputKey, context, randomBytes(SaltSize)) {}

Encryptor::Encryptor(ByteView inputKey, ByteView context, ByteView salt)
    : m_impl(std::make_unique<Impl>()) {
    const DerivedKeys keys = derive(inputKey, salt, context);
    m_impl->header.reserve(HeaderSize);
    m_impl->header.assign(salt.begin(), salt.end());
    m_impl->header.insert(m_impl->header.end(), keys.commitment.begin(), keys.commitment.end());
    m_impl->cipher = std::make_unique<ChunkCipher>(keys);
}

Encryptor::~Encryptor() = default;

Bytes Encryptor::header() const {
    return m_impl->header;
}

void Encryptor::update(ByteView plaintext, Bytes &out) {
    const std::size_t old = out.size();
    out.resize(old + updateSize(plaintext.size()));
    std::size_t written = 0;
    try {
        update(plaintext, std::span(out).subspan(old), written);
    } catch (...) {
        out.resize(old);
        throw;
    }
}

void Encryptor::finish(Bytes &out) {
    const std::size_t old = out.size();
    out.resize(old + finishSize());
    std::size_t written = 0;
    try {
        finish(std::span(out).subspan(old), written);
    } catch (...) {
        out.resize(old);
        throw;
    }
}

std::size_t Encryptor::updateSize(std::size_t plaintextSize) const noexcept {
    return (m_impl->pendingSize + plaintextSize) / ChunkSize * SealedChunkSize;
}

std::size_t Encryptor::finishSize() const noexcept {
    return m_impl->pendingSize + AesGcm::TagSize;
}

void Encryptor::update(ByteView plaintext, std::span<std::uint8_t> out, std::size_t &written) {
    Impl &d = *m_impl;
    written = 0;
    if (d.finished) {
        throw CryptoError("Cobblestone: update after finish");
    }
    const std::size_t chunks = (d.pendingSize + plaintext.size()) / ChunkSize;
    // Every full chunk needs an index, and the final chunk after them one more.
    if (chunks >= MaxChunks - d.cipher->index()) {
        throw CryptoError("Cobblestone: message too long");
    }
    if (out.size() < chunks * SealedChunkSize) {
        throw CryptoError("Cobblestone: output buffer too small");
    }
    std::uint8_t *w = out.data();
    if (chunks > 0 && d.pendingSize > 0) {
        const std::size_t take = ChunkSize - d.pendingSize;
        std::memcpy(d.pending.data() + d.pendingSize, plaintext.data(), take);
        plaintext = plaintext.subspan(take);
        d.cipher->seal(d.pending, {w, SealedChunkSize});
        w += SealedChunkSize;
        d.pendingSize = 0;
    }
    while (plaintext.size() >= ChunkSize) {
        d.cipher->seal(plaintext.first(ChunkSize), {w, SealedChunkSize});
        w += SealedChunkSize;
        plaintext = plaintext.subspan(ChunkSize);
    }
    if (!plaintext.empty()) {
        std::memcpy(d.pending.data() + d.pendingSize, plaintext.data(), plaintext.size());
        d.pendingSize += plaintext.size();
    }
    written = static_cast<std::size_t>(w - out.data());
}

void Encryptor::finish(std::span<std::uint8_t> out, std::size_t &written) {
    Impl &d = *m_impl;
    written = 0;
    if (d.finished) {
        throw CryptoError("Cobblestone: finish called twice");
    }
    if (out.size() < finishSize()) {
        throw CryptoError("Cobblestone: output buffer too small");
    }
    d.finished = true;
    d.cipher->seal(ByteView(d.pending).first(d.pendingSize), out.first(finishSize()));
    written = finishSize();
    wipe(d.pending.data(), d.pending.size());
    d.pendingSize = 0;
}

// ---------------------------------------------------------------------------------------------
// Decryption

struct Decryptor::Impl {
    DecryptStatus status = DecryptStatus::Ok;
    bool finished = false;
    SecretBytes inputKey; // kept only until the header has been checked
    Bytes context;
    Bytes header;
    std::unique_ptr<ChunkCipher> cipher;
    Bytes buffer = Bytes(SealedChunkSize); // a sealed chunk that arrived in pieces
    std::size_t buffered = 0;

    DecryptStatus fail(DecryptStatus s) {
        status = s;
        cipher.reset();
        wipe(inputKey.data(), inputKey.size());
        inputKey.clear();
        return s;
    }
};

Decryptor::Decryptor(ByteView inputKey, ByteView context)
    : m_impl(std::make_unique<Impl>()) {
    if (inputKey.size() != AesGcm::KeySize) {
        m_impl->status = DecryptStatus::BadKeySize;
        return;
    }
    m_impl->inputKey.assign(inputKey.begin(), inputKey.end());
    m_impl->context.assign(context.begin(), context.end());
    m_impl->header.reserve(HeaderSize);
}

Decryptor::~Decryptor() = default;

DecryptStatus Decryptor::update(ByteView ciphertext, SecretBytes &out) {
    const std::size_t old = out.size();
    out.resize(old + updateBound(ciphertext.size()));
    std::size_t written = 0;
    const DecryptStatus status = update(ciphertext, std::span(out).subspan(old), written);
    // The room after what verified was never written, or was wiped.
    out.resize(old + written);
    return status;
}

DecryptStatus Decryptor::finish(SecretBytes &out) {
    const std::size_t old = out.size();
    out.resize(old + finishBound());
    std::size_t written = 0;
    const DecryptStatus status = finish(std::span(out).subspan(old), written);
    out.resize(old + written);
    return status;
}

std::size_t Decryptor::updateBound(std::size_t ciphertextSize) const noexcept {
    const Impl &d = *m_impl;
    if (d.status != DecryptStatus::Ok || d.finished) {
        return 0;
    }
    if (!d.cipher) {
        const std::size_t headerLeft = HeaderSize - d.header.size();
        ciphertextSize = ciphertextSize > headerLeft ? ciphertextSize - headerLeft : 0;
    }
    return (d.buffered + ciphertextSize) / SealedChunkSize * ChunkSize;
}

std::size_t Decryptor::finishBound() const noexcept {
    const Impl &d = *m_impl;
    if (d.status != DecryptStatus::Ok || d.finished || d.buffered < AesGcm::TagSize) {
        return 0;
    }
    return d.buffered - AesGcm::TagSize;
}

DecryptStatus Decryptor::update(ByteView ciphertext, std::span<std::uint8_t> out,
                                std::size_t &written) {
    Impl &d = *m_impl;
    written = 0;
    if (d.status != DecryptStatus::Ok) {
        return d.status;
    }
    if (d.finished) {
        return ciphertext.empty() ? DecryptStatus::Ok : d.fail(DecryptStatus::TrailingData);
    }
    if (out.size() < updateBound(ciphertext.size())) {
        throw CryptoError("Cobblestone: output buffer too small");
    }
    if (!d.cipher) {
        const std::size_t take = std::min(HeaderSize - d.header.size(), ciphertext.size());
        d.header.insert(d.header.end(), ciphertext.begin(), ciphertext.begin() + take);
        ciphertext = ciphertext.subspan(take);
        if (d.header.size() < HeaderSize) {
            return DecryptStatus::Ok;
        }
        d.cipher = openHeader(d.inputKey, d.context, d.header);
        wipe(d.inputKey.data(), d.inputKey.size());
        d.inputKey.clear();
        if (!d.cipher) {
            return d.fail(DecryptStatus::BadHeader);
        }
    }

    // A whole sealed chunk is never the final one (that one is always shorter), so each is
    // opened, and released, as soon as it is complete.
    std::uint8_t *w = out.data();
    const auto openChunk = [&](ByteView sealed) {
        // A chunk that fails leaves its room wiped; what verified before it is kept.
        if (d.cipher->exhausted() || !d.cipher->open(sealed, {w, ChunkSize})) {
            return false;
        }
        d.cipher->advance();
        w += ChunkSize;
        written += ChunkSize;
        return true;
    };
    if (d.buffered > 0 && d.buffered + ciphertext.size() >= SealedChunkSize) {
        const std::size_t take = SealedChunkSize - d.buffered;
        std::memcpy(d.buffer.data() + d.buffered, ciphertext.data(), take);
        ciphertext = ciphertext.subspan(take);
        d.buffered = 0;
        if (!openChunk(d.buffer)) {
            return d.fail(DecryptStatus::BadChunk);
        }
    }
    while (ciphertext.size() >= SealedChunkSize) {
        if (!openChunk(ciphertext.first(SealedChunkSize))) {
            return d.fail(DecryptStatus::BadChunk);
        }
        ciphertext = ciphertext.subspan(SealedChunkSize);
    }
    if (!ciphertext.empty()) {
        std::memcpy(d.buffer.data() + d.buffered, ciphertext.data(), ciphertext.size());
        d.buffered += ciphertext.size();
    }
    return DecryptStatus::Ok;
}

DecryptStatus Decryptor::finish(std::span<std::uint8_t> out, std::size_t &written) {
    Impl &d = *m_impl;
    written = 0;
    if (d.status != DecryptStatus::Ok || d.finished) {
        return d.status;
    }
    if (!d.cipher) {
        return d.fail(DecryptStatus::BadHeader);
    }
    if (d.buffered < AesGcm::TagSize) {
        return d.fail(DecryptStatus::Truncated);
    }
    if (d.cipher->exhausted()) {
        return d.fail(DecryptStatus::BadChunk);
    }
    if (out.size() < finishBound()) {
        throw CryptoError("Cobblestone: output buffer too small");
    }
    const ByteView sealed = ByteView(d.buffer).first(d.buffered);
    const std::span<std::uint8_t> plain = out.first(finishBound());
    if (!d.cipher->open(sealed, plain)) {
        return d.fail(classifyFinalFailure(*d.cipher, sealed));
    }
    written = plain.size();
    d.finished = true;
    d.cipher.reset();
    return DecryptStatus::Ok;
}

// ---------------------------------------------------------------------------------------------
// Whole buffers

Bytes encrypt(ByteView inputKey, ByteView context, ByteView plaintext) {
    Bytes out(encryptedSize(plaintext.size()));
    encryptInto(inputKey, context, plaintext, out);
    return out;
}

DecryptStatus decrypt(ByteView inputKey, ByteView context, ByteView message, SecretBytes &out) {
    out.clear();
    out.reserve(decryptedSize(message.size()).value_or(0));
    Decryptor decryptor(inputKey, context);
    DecryptStatus status = decryptor.update(message, out);
    if (status == DecryptStatus::Ok) {
        status = decryptor.finish(out);
    }
    if (status != DecryptStatus::Ok) {
        wipe(out.data(), out.size());
        out.clear();
    }
    return status;
}

std::optional<std::size_t> decryptedSize(std::size_t messageSize) noexcept {
    if (messageSize < HeaderSize) {
        return std::nullopt;
    }
    const std::size_t body = messageSize - HeaderSize;
    const std::size_t last = body % SealedChunkSize;
    if (last < AesGcm::TagSize) {
        return std::nullopt;
    }
    return body / SealedChunkSize * ChunkSize + (last - AesGcm::TagSize);
}

void encryptInto(ByteView inputKey, ByteView context, ByteView plaintext,
                 std::span<std::uint8_t> out) {
    if (out.size() != encryptedSize(plaintext.size())) {
        throw CryptoError("Cobblestone: output size does not match the message");
    }
    if (plaintext.size() / ChunkSize >= MaxChunks) {
        throw CryptoError("Cobblestone: message too long");
    }
    randomFill(out.first(SaltSize));
    const DerivedKeys keys = derive(inputKey, out.first(SaltSize), context);
    std::copy(keys.commitment.begin(), keys.commitment.end(), out.begin() + SaltSize);
    ChunkCipher cipher(keys);
    std::uint8_t *w = out.data() + HeaderSize;
    while (plaintext.size() >= ChunkSize) {
        cipher.seal(plaintext.first(ChunkSize), {w, SealedChunkSize});
        w += SealedChunkSize;
        plaintext = plaintext.subspan(ChunkSize);
    }
    cipher.seal(plaintext, {w, plaintext.size() + AesGcm::TagSize});
}

DecryptStatus decryptInto(ByteView inputKey, ByteView context, ByteView message,
                          std::span<std::uint8_t> out, std::size_t &written) {
    written = 0;
    if (inputKey.size() != AesGcm::KeySize) {
        return DecryptStatus::BadKeySize;
    }
    if (message.size() < HeaderSize) {
        return DecryptStatus::BadHeader;
    }
    const std::unique_ptr<ChunkCipher> cipher =
        openHeader(inputKey, context, message.first(HeaderSize));
    if (!cipher) {
        return DecryptStatus::BadHeader;
    }
    const std::optional<std::size_t> size = decryptedSize(message.size());
    if (!size) {
        return DecryptStatus::Truncated;
    }
    if (out.size() < *size) {
        throw CryptoError("Cobblestone: output buffer too small");
    }
    ByteView body = message.subspan(HeaderSize);
    std::uint8_t *w = out.data();
    DecryptStatus status = DecryptStatus::Ok;
    while (status == DecryptStatus::Ok) {
        const bool final = body.size() < SealedChunkSize;
        const ByteView sealed = body.first(final ? body.size() : SealedChunkSize);
        const std::size_t plainSize = sealed.size() - AesGcm::TagSize;
        if (cipher->exhausted() || !cipher->open(sealed, {w, plainSize})) {
            status = final ? classifyFinalFailure(*cipher, sealed) : DecryptStatus::BadChunk;
            break;
        }
        cipher->advance();
        w += plainSize;
        body = body.subspan(sealed.size());
        if (final) {
            break;
        }
    }
    if (status != DecryptStatus::Ok) {
        wipe(out.data(), *size);
        return status;
    }
    written = *size;
    return DecryptStatus::Ok;
}

const char *toString(DecryptStatus status) noexcept {
    switch (status) {
    case DecryptStatus::Ok:
        return "ok";
    case DecryptStatus::BadKeySize:
        return "bad key size";
    case DecryptStatus::BadHeader:
        return "bad header";
    case DecryptStatus::BadChunk:
        return "bad chunk";
    case DecryptStatus::Truncated:
        return "truncated";
    case DecryptStatus::TrailingData:
        return "trailing data";
    }
    return "unknown";
}

} // namespace cc::crypto::cobblestone
