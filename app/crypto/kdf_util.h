#pragma once

// Private to the crypto library: runs an EVP_KDF with a parameter list.

#include "crypto/openssl_util.h"

#include <openssl/core_names.h>
#include <openssl/params.h>

namespace cc::crypto::detail {

inline OSSL_PARAM octetParam(const char *name, ByteView value) {
    return OSSL_PARAM_construct_octet_string(name, const_cast<unsigned char *>(ptr(value)),
                                             value.size());
}

// Derives length bytes with the named KDF; params must end with OSSL_PARAM_END.
inline SecretBytes runKdf(const char *algorithm, const OSSL_PARAM *params, std::size_t length) {
    KdfPtr kdf(EVP_KDF_fetch(nullptr, algorithm, nullptr));
    if (!kdf) {
        fail("EVP_KDF_fetch");
    }
    KdfCtxPtr ctx(EVP_KDF_CTX_new(kdf.get()));
    if (!ctx) {
        fail("EVP_KDF_CTX_new");
    }
    SecretBytes out(length);
    check(EVP_KDF_derive(ctx.get(), out.data(), out.size(), params), "EVP_KDF_derive");
    return out;
}

} // namespace cc::crypto::detail
