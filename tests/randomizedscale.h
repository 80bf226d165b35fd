#pragma once

// How many iterations a randomized test runs. The full count by default; a build that is
// only looking for memory errors and undefined behaviour (the sanitizer pass) sets
// CONSENTCAM_RANDOMIZED_DIVISOR to run a fraction of it, while the regular run keeps the
// full count.

#include <QByteArray>

namespace cc::test {

inline long randomizedCount(long full) {
    const long divisor = qEnvironmentVariableIntValue("CONSENTCAM_RANDOMIZED_DIVISOR");
    return divisor > 1 ? full / divisor : full;
}

} // namespace cc::test
