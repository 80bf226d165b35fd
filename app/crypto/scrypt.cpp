#include "crypto/scrypt.h"

#include "crypto/kdf_util.h"

#include <array>
#include <limits>

namespace cc::crypto {

SecretBytes scrypt(ByteView passcode, ByteView salt, const ScryptParams &params,
                   std::size_t length) {
    const std::uint64_t n = params.n;
    if (n < 2 || (n & (n - 1)) != 0) {
        throw CryptoError("scrypt: n must be a power of two greater than 1");
    }
    if (params.r == 0 || params.p == 0 || length == 0) {
        throw CryptoError("scrypt: invalid parameters");
    }
    // OpenSSL needs 128 * r * (n + p) bytes plus a little; allow that and a margin, with a
    // floor of 256 MiB so the default parameters always fit.
    constexpr std::uint64_t max = std::numeric_limits<std::uint64_t>::max() / 4;
    const std::uint64_t blocks = n + params.p + 2;
    if (blocks > max / 128 / params.r) {
        throw CryptoError("scrypt: parameters too large");
    }
    std::uint64_t maxmem = 128 * params.r * blocks * 2;
    maxmem = std::max<std::uint64_t>(maxmem, std::uint64_t{256} << 20);

    std::uint64_t nParam = n;
    std::uint32_t r = params.r;
    std::uint32_t p = params.p;
    std::array<OSSL_PARAM, 7> list{{
        detail::octetParam(OSSL_KDF_PARAM_PASSWORD, passcode),
        detail::octetParam(OSSL_KDF_PARAM_SALT, salt),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &nParam),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &r),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &p),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM, &maxmem),
        OSSL_PARAM_construct_end(),
    }};
    return detail::runKdf(OSSL_KDF_NAME_SCRYPT, list.data(), length);
}

} // namespace cc::crypto
