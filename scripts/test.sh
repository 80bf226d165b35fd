#!/usr/bin/env bash
# Sets up what is missing, builds, and runs every test: the unit and CLI tests once
# more under AddressSanitizer + UndefinedBehaviorSanitizer, then the full suite (unit,
# conformance, the consent core's randomized gate and audit tests, storage crash and
# fault tests, the CLI, Secret Service integration, Qt Quick tests, the app's self-test,
# qmllint, clang-format). Warnings are errors.
# Ends with ctest's summary line. CI runs exactly this.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

"$root/scripts/setup.sh"

jobs=$(nproc)
configure() {  # build-dir, extra cmake arguments...
    local dir=$1
    shift
    cmake -S "$root" -B "$dir" -G Ninja -DCONSENTCAM_WERROR=ON "$@" >/dev/null
}

echo "== Sanitizer build (ASan + UBSan) of the unit and CLI tests"
configure build/asan -DCMAKE_BUILD_TYPE=Debug -DCONSENTCAM_SANITIZE=ON \
    -DCONSENTCAM_BUILD_APP=OFF -DCONSENTCAM_BUILD_BENCH=OFF
cmake --build build/asan -j "$jobs"
# The randomized gate test through a real vault runs fewer sequences here: the full
# build runs its default, and the domain's 100,000-sequence gate test runs in both.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
LSAN_OPTIONS=suppressions=$root/tests/lsan.supp:print_suppressions=0 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
CONSENTCAM_GATE_SEQUENCES=200 \
    ctest --test-dir build/asan -L 'unit|cli' --output-on-failure -j "$jobs"

echo "== Full build and every test"
configure build/ci -DCMAKE_BUILD_TYPE=Debug
cmake --build build/ci -j "$jobs"
ctest --test-dir build/ci --output-on-failure -j "$jobs"
