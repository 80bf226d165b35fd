#include "crypto/hkdf.h"

#include "crypto/kdf_util.h"

#include <array>

namespace cc::crypto {

namespace {

struct HashInfo {
    const char *name;
    std::size_t size;
};

HashInfo hashInfo(HkdfHash hash) {
    switch (hash) {
    case HkdfHash::Sha256:
        return {"SHA256", 32};
    case HkdfHash::Sha512:
        return {"SHA512", 64};
    }
    throw CryptoError("hkdf: unknown hash");
}

SecretBytes run(HkdfHash hash, int mode, ByteView key, ByteView salt, ByteView info,
                std::size_t length) {
    const HashInfo h = hashInfo(hash);
    if (length == 0 || length > 255 * h.size) {
        throw CryptoError("hkdf: output length out of range");
    }
    std::array<OSSL_PARAM, 6> params{};
    std::size_t n = 0;
    params[n++] = OSSL_PARAM_construct_int(OSSL_KDF_PARAM_MODE, &mode);
    params[n++] =
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, const_cast<char *>(h.name), 0);
    params[n++] = detail::octetParam(OSSL_KDF_PARAM_KEY, key);
    // An absent salt is HashLen zero bytes (RFC 5869 2.2), the same HMAC key as an empty one.
    if (!salt.empty()) {
        params[n++] = detail::octetParam(OSSL_KDF_PARAM_SALT, salt);
    }
    params[n++] = detail::octetParam(OSSL_KDF_PARAM_INFO, info);
    params[n] = OSSL_PARAM_construct_end();
    return detail::runKdf(OSSL_KDF_NAME_HKDF, params.data(), length);
}

} // namespace

SecretBytes hkdf(HkdfHash hash, ByteView ikm, ByteView salt, ByteView info, std::size_t length) {
    return run(hash, EVP_KDF_HKDF_MODE_EXTRACT_AND_EXPAND, ikm, salt, info, length);
}

SecretBytes hkdfExpand(HkdfHash hash, ByteView prk, ByteView info, std::size_t length) {
    return run(hash, EVP_KDF_HKDF_MODE_EXPAND_ONLY, prk, {}, info, length);
}

} // namespace cc::crypto
