#include "crypto/aesgcm.h"

#include "crypto/openssl_util.h"
#include "crypto/random.h"

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/params.h>

#include <algorithm>
#include <array>

namespace cc::crypto {

namespace {

detail::CipherCtxPtr keyedContext(ByteView key, int encrypt) {
    detail::CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    if (!ctx) {
        detail::fail("EVP_CIPHER_CTX_new");
    }
    // The key schedule is computed once here; each message only sets its nonce.
    detail::check(
        EVP_CipherInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key.data(), nullptr, encrypt),
        "EVP_CipherInit_ex");
    return ctx;
}

void checkNonce(ByteView nonce) {
    if (nonce.size() != AesGcm::NonceSize) {
        throw CryptoError("AES-GCM: nonce must be 12 bytes");
    }
}

// Feeds data through EVP_CipherUpdate in int-sized pieces; out may be null for AAD.
void cipherUpdate(EVP_CIPHER_CTX *ctx, std::uint8_t *out, ByteView data) {
    while (!data.empty()) {
        const std::size_t n = std::min(data.size(), detail::MaxPiece);
        int len = 0;
        detail::check(EVP_CipherUpdate(ctx, out, &len, data.data(), static_cast<int>(n)),
                      "EVP_CipherUpdate");
        if (static_cast<std::size_t>(len) != n && out != nullptr) {
            detail::fail("AES-GCM output length");
        }
        if (out != nullptr) {
            out += n;
        }
        data = data.subspan(n);
    }
}

} // namespace

struct AesGcm::Impl {
    detail::CipherCtxPtr enc;
    detail::CipherCtxPtr dec;
};

AesGcm::AesGcm(ByteView key) {
    if (key.size() != KeySize) {
        throw CryptoError("AES-GCM: key must be 32 bytes");
    }
    auto impl = std::make_unique<Impl>();
    impl->enc = keyedContext(key, 1);
    impl->dec = keyedContext(key, 0);
    m_impl = std::move(impl);
}

AesGcm::~AesGcm() = default;

void AesGcm::sealInto(ByteView nonce, ByteView aad, ByteView plaintext,
                      std::span<std::uint8_t> out) {
    checkNonce(nonce);
    if (out.size() != plaintext.size() + TagSize) {
        throw CryptoError("AES-GCM: output must be plaintext size + 16");
    }
    EVP_CIPHER_CTX *ctx = m_impl->enc.get();
    detail::check(EVP_CipherInit_ex(ctx, nullptr, nullptr, nullptr, nonce.data(), 1),
                  "EVP_CipherInit_ex");
    cipherUpdate(ctx, nullptr, aad);
    cipherUpdate(ctx, out.data(), plaintext);
    int len = 0;
    detail::check(EVP_CipherFinal_ex(ctx, out.data() + plaintext.size(), &len),
                  "EVP_CipherFinal_ex");
    // Parameters directly: cheaper per chunk than the legacy ctrl translation.
    std::array<OSSL_PARAM, 2> params{
        OSSL_PARAM_construct_octet_string(OSSL_CIPHER_PARAM_AEAD_TAG, out.data() + plaintext.size(),
                                          TagSize),
        OSSL_PARAM_construct_end()};
    detail::check(EVP_CIPHER_CTX_get_params(ctx, params.data()), "get AEAD tag");
}

bool AesGcm::openInto(ByteView nonce, ByteView aad, ByteView sealed, std::span<std::uint8_t> out) {
    checkNonce(nonce);
    if (sealed.size() < TagSize) {
        return false;
    }
    if (out.size() != sealed.size() - TagSize) {
        throw CryptoError("AES-GCM: output must be sealed size - 16");
    }
    const ByteView body = sealed.first(sealed.size() - TagSize);
    const ByteView tag = sealed.last(TagSize);
    EVP_CIPHER_CTX *ctx = m_impl->dec.get();
    detail::check(EVP_CipherInit_ex(ctx, nullptr, nullptr, nullptr, nonce.data(), 0),
                  "EVP_CipherInit_ex");
    cipherUpdate(ctx, nullptr, aad);
    cipherUpdate(ctx, out.data(), body);
    std::array<OSSL_PARAM, 2> params{
        OSSL_PARAM_construct_octet_string(OSSL_CIPHER_PARAM_AEAD_TAG,
                                          const_cast<std::uint8_t *>(tag.data()), TagSize),
        OSSL_PARAM_construct_end()};
    detail::check(EVP_CIPHER_CTX_set_params(ctx, params.data()), "set AEAD tag");
    int len = 0;
    std::uint8_t scratch[16];
    if (EVP_CipherFinal_ex(ctx, scratch, &len) != 1) {
        ERR_clear_error();
        wipe(out.data(), out.size());
        return false;
    }
    return true;
}

void AesGcm::seal(ByteView nonce, ByteView aad, ByteView plaintext, Bytes &out) {
    const std::size_t old = out.size();
    out.resize(old + plaintext.size() + TagSize);
    try {
        sealInto(nonce, aad, plaintext, std::span(out).subspan(old));
    } catch (...) {
        out.resize(old);
        throw;
    }
}

bool AesGcm::open(ByteView nonce, ByteView aad, ByteView sealed, SecretBytes &out) {
    out.clear();
    if (sealed.size() < TagSize) {
        checkNonce(nonce);
        return false;
    }
    out.resize(sealed.size() - TagSize);
    if (!openInto(nonce, aad, sealed, out)) {
        out.clear();
        return false;
    }
    return true;
}

Bytes sealWithRandomNonce(ByteView key, ByteView aad, ByteView plaintext) {
    AesGcm gcm(key);
    Bytes out(AesGcm::NonceSize + plaintext.size() + AesGcm::TagSize);
    const std::span<std::uint8_t> nonce = std::span(out).first(AesGcm::NonceSize);
    randomFill(nonce);
    gcm.sealInto(nonce, aad, plaintext, std::span(out).subspan(AesGcm::NonceSize));
    return out;
}

std::optional<SecretBytes> openWithNonce(ByteView key, ByteView aad, ByteView nonceSealed) {
    if (nonceSealed.size() < AesGcm::NonceSize + AesGcm::TagSize) {
        return std::nullopt;
    }
    AesGcm gcm(key);
    SecretBytes out;
    if (!gcm.open(nonceSealed.first(AesGcm::NonceSize), aad, nonceSealed.subspan(AesGcm::NonceSize),
                  out)) {
        return std::nullopt;
    }
    return out;
}

} // namespace cc::crypto
