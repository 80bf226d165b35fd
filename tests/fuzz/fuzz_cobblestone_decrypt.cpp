// Cobblestone-256 decryption of arbitrary bytes: any input must fail or succeed cleanly.

#include "crypto/cobblestone.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    static const cc::crypto::Bytes key(32, 0x4b);
    static const cc::crypto::Bytes context{'f', 'u', 'z', 'z'};
    cc::crypto::SecretBytes out;
    (void)cc::crypto::cobblestone::decrypt(key, context, {data, size}, out);
    return 0;
}
