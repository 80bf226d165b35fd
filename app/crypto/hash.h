#pragma once

#include "bytes.h"

#include <array>
#include <memory>

namespace cc::crypto {

using Sha256Digest = std::array<std::uint8_t, 32>;
using Sha512Digest = std::array<std::uint8_t, 64>;

[[nodiscard]] Sha256Digest sha256(ByteView data);
[[nodiscard]] Sha512Digest sha512(ByteView data);

// Incremental SHA-256 for data that arrives in pieces (files, streams).
class Sha256 final {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void update(ByteView data);
    // Ends the computation; the object may not be updated afterwards.
    [[nodiscard]] Sha256Digest finish();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace cc::crypto
