#pragma once

// Private to the crypto library: RAII owners for OpenSSL objects and error helpers.

#include "bytes.h"

#include <openssl/evp.h>
#include <openssl/kdf.h>

#include <climits>
#include <memory>

namespace cc::crypto::detail {

struct CipherCtxFree {
    void operator()(EVP_CIPHER_CTX *p) const noexcept { EVP_CIPHER_CTX_free(p); }
};
struct MdCtxFree {
    void operator()(EVP_MD_CTX *p) const noexcept { EVP_MD_CTX_free(p); }
};
struct PkeyFree {
    void operator()(EVP_PKEY *p) const noexcept { EVP_PKEY_free(p); }
};
struct KdfFree {
    void operator()(EVP_KDF *p) const noexcept { EVP_KDF_free(p); }
};
struct KdfCtxFree {
    void operator()(EVP_KDF_CTX *p) const noexcept { EVP_KDF_CTX_free(p); }
};

using CipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;
using KdfPtr = std::unique_ptr<EVP_KDF, KdfFree>;
using KdfCtxPtr = std::unique_ptr<EVP_KDF_CTX, KdfCtxFree>;

// Throws CryptoError naming the failed operation; clears OpenSSL's error queue so a
// stale entry never surfaces in an unrelated later call.
[[noreturn]] void fail(const char *what);

inline void check(int rc, const char *what) {
    if (rc <= 0) {
        fail(what);
    }
}

// OpenSSL takes int lengths; larger buffers are processed in pieces of this size.
constexpr std::size_t MaxPiece = std::size_t{1} << 30;

// A non-null pointer for empty inputs (some OpenSSL calls reject null with length 0).
inline const unsigned char *ptr(ByteView v) noexcept {
    static const unsigned char empty = 0;
    return v.empty() ? &empty : v.data();
}

} // namespace cc::crypto::detail
