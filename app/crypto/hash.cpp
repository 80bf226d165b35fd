#include "crypto/hash.h"

#include "crypto/openssl_util.h"

#include <algorithm>

namespace cc::crypto {

namespace {

template<class Digest>
Digest digest(const EVP_MD *md, ByteView data) {
    detail::MdCtxPtr ctx(EVP_MD_CTX_new());
    if (!ctx) {
        detail::fail("EVP_MD_CTX_new");
    }
    detail::check(EVP_DigestInit_ex(ctx.get(), md, nullptr), "EVP_DigestInit_ex");
    while (!data.empty()) {
        const std::size_t n = std::min(data.size(), detail::MaxPiece);
        detail::check(EVP_DigestUpdate(ctx.get(), data.data(), n), "EVP_DigestUpdate");
        data = data.subspan(n);
    }
    Digest out{};
    unsigned int len = 0;
    detail::check(EVP_DigestFinal_ex(ctx.get(), out.data(), &len), "EVP_DigestFinal_ex");
    if (len != out.size()) {
        detail::fail("digest length");
    }
    return out;
}

} // namespace

Sha256Digest sha256(ByteView data) {
    return digest<Sha256Digest>(EVP_sha256(), data);
}

Sha512Digest sha512(ByteView data) {
    return digest<Sha512Digest>(EVP_sha512(), data);
}

struct Sha256::Impl {
    detail::MdCtxPtr ctx;
    bool finished = false;
};

Sha256::Sha256()
    : m_impl(std::make_unique<Impl>()) {
    m_impl->ctx.reset(EVP_MD_CTX_new());
    if (!m_impl->ctx) {
        detail::fail("EVP_MD_CTX_new");
    }
    detail::check(EVP_DigestInit_ex(m_impl->ctx.get(), EVP_sha256(), nullptr), "EVP_DigestInit_ex");
}

Sha256::~Sha256() = default;

void Sha256::update(ByteView data) {
    if (m_impl->finished) {
        throw CryptoError("Sha256: update after finish");
    }
    while (!data.empty()) {
        const std::size_t n = std::min(data.size(), detail::MaxPiece);
        detail::check(EVP_DigestUpdate(m_impl->ctx.get(), data.data(), n), "EVP_DigestUpdate");
        data = data.subspan(n);
    }
}

Sha256Digest Sha256::finish() {
    if (m_impl->finished) {
        throw CryptoError("Sha256: finish called twice");
    }
    m_impl->finished = true;
    Sha256Digest out{};
    unsigned int len = 0;
    detail::check(EVP_DigestFinal_ex(m_impl->ctx.get(), out.data(), &len), "EVP_DigestFinal_ex");
    return out;
}

} // namespace cc::crypto
