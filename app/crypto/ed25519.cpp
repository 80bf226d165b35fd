#include "crypto/ed25519.h"

#include "crypto/openssl_util.h"

#include <openssl/err.h>

namespace cc::crypto {

struct Ed25519PrivateKey::Impl {
    detail::PkeyPtr pkey;
};

Ed25519PrivateKey::Ed25519PrivateKey(std::unique_ptr<Impl> impl)
    : m_impl(std::move(impl)) {}

Ed25519PrivateKey::Ed25519PrivateKey(Ed25519PrivateKey &&) noexcept = default;
Ed25519PrivateKey &Ed25519PrivateKey::operator=(Ed25519PrivateKey &&) noexcept = default;
Ed25519PrivateKey::~Ed25519PrivateKey() = default;

Ed25519PrivateKey Ed25519PrivateKey::generate() {
    auto impl = std::make_unique<Impl>();
    impl->pkey.reset(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
    if (!impl->pkey) {
        detail::fail("EVP_PKEY_Q_keygen");
    }
    return Ed25519PrivateKey(std::move(impl));
}

Ed25519PrivateKey Ed25519PrivateKey::fromSeed(ByteView seed) {
    if (seed.size() != SeedSize) {
        throw CryptoError("Ed25519: seed must be 32 bytes");
    }
    auto impl = std::make_unique<Impl>();
    impl->pkey.reset(
        EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, seed.data(), seed.size()));
    if (!impl->pkey) {
        detail::fail("EVP_PKEY_new_raw_private_key");
    }
    return Ed25519PrivateKey(std::move(impl));
}

SecretBytes Ed25519PrivateKey::seed() const {
    if (!m_impl) {
        throw CryptoError("Ed25519: moved-from key");
    }
    SecretBytes out(SeedSize);
    std::size_t len = out.size();
    detail::check(EVP_PKEY_get_raw_private_key(m_impl->pkey.get(), out.data(), &len),
                  "EVP_PKEY_get_raw_private_key");
    if (len != SeedSize) {
        detail::fail("Ed25519 seed length");
    }
    return out;
}

Bytes Ed25519PrivateKey::publicKey() const {
    if (!m_impl) {
        throw CryptoError("Ed25519: moved-from key");
    }
    Bytes out(PublicKeySize);
    std::size_t len = out.size();
    detail::check(EVP_PKEY_get_raw_public_key(m_impl->pkey.get(), out.data(), &len),
                  "EVP_PKEY_get_raw_public_key");
    if (len != PublicKeySize) {
        detail::fail("Ed25519 public key length");
    }
    return out;
}

Bytes Ed25519PrivateKey::sign(ByteView message) const {
    if (!m_impl) {
        throw CryptoError("Ed25519: moved-from key");
    }
    detail::MdCtxPtr ctx(EVP_MD_CTX_new());
    if (!ctx) {
        detail::fail("EVP_MD_CTX_new");
    }
    detail::check(EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, m_impl->pkey.get()),
                  "EVP_DigestSignInit");
    Bytes sig(SignatureSize);
    std::size_t len = sig.size();
    detail::check(EVP_DigestSign(ctx.get(), sig.data(), &len, detail::ptr(message), message.size()),
                  "EVP_DigestSign");
    if (len != SignatureSize) {
        detail::fail("Ed25519 signature length");
    }
    return sig;
}

bool ed25519Verify(ByteView publicKey, ByteView message, ByteView signature) {
    if (publicKey.size() != Ed25519PrivateKey::PublicKeySize ||
        signature.size() != Ed25519PrivateKey::SignatureSize) {
        return false;
    }
    detail::PkeyPtr pkey(
        EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, publicKey.data(), publicKey.size()));
    detail::MdCtxPtr ctx(EVP_MD_CTX_new());
    const bool ok = pkey && ctx &&
                    EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, pkey.get()) == 1 &&
                    EVP_DigestVerify(ctx.get(), signature.data(), signature.size(),
                                     detail::ptr(message), message.size()) == 1;
    // A rejected key or signature leaves entries in OpenSSL's error queue; they are results.
    ERR_clear_error();
    return ok;
}

} // namespace cc::crypto
