#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace cc::crypto {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

// Overwrites memory in a way the optimiser may not remove.
void wipe(void *data, std::size_t size) noexcept;

// An allocator that wipes every block before handing it back: containers of key
// material use it so no copy of a secret outlives its owner in freed memory.
template<class T>
struct WipingAllocator {
    using value_type = T;
    WipingAllocator() noexcept = default;
    template<class U>
    WipingAllocator(const WipingAllocator<U> &) noexcept {}
    T *allocate(std::size_t n) { return std::allocator<T>{}.allocate(n); }
    void deallocate(T *p, std::size_t n) noexcept {
        wipe(p, n * sizeof(T));
        std::allocator<T>{}.deallocate(p, n);
    }
    template<class U>
    bool operator==(const WipingAllocator<U> &) const noexcept {
        return true;
    }
};

// Key material and decrypted plaintext: wiped when freed (including on growth).
using SecretBytes = std::vector<std::uint8_t, WipingAllocator<std::uint8_t>>;

inline ByteView view(std::string_view s) noexcept {
    return {reinterpret_cast<const std::uint8_t *>(s.data()), s.size()};
}
template<class Alloc>
ByteView view(const std::vector<std::uint8_t, Alloc> &v) noexcept {
    return {v.data(), v.size()};
}

// Constant-time comparison of equal-length buffers; false when lengths differ.
[[nodiscard]] bool equalConstantTime(ByteView a, ByteView b) noexcept;

[[nodiscard]] std::string toHex(ByteView data);
// Throws std::invalid_argument on odd length or a non-hex digit.
[[nodiscard]] Bytes fromHex(std::string_view hex);

// A failure inside the crypto library that is not a verification result: OpenSSL
// refusing an operation, invalid parameters. Verification failures are return values.
class CryptoError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace cc::crypto
