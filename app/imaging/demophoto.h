#pragma once

#include "crypto/bytes.h"

#include <cstdint>

namespace cc::imaging {

// A generated, obviously artificial "clinical photo" for demo vaults and tests: a
// skin-toned gradient with a lesion-like blob, a ruler-like scale bar and a diagonal
// DEMO stripe pattern (drawn with shapes only, no fonts), as a JPEG of width x height.
// Deterministic: the same seed and size give the same pixels. Needs a QCoreApplication.
// Throws std::invalid_argument unless both sides are within MinDemoEdge..MaxDemoEdge.
inline constexpr int MinDemoEdge = 16;
inline constexpr int MaxDemoEdge = 4096;
[[nodiscard]] crypto::Bytes demoPhoto(std::uint64_t seed, int width = 1600, int height = 1200);

} // namespace cc::imaging
