#!/usr/bin/env bash
# Sets up what is missing, builds, and runs every test: the unit and CLI tests once
# more under AddressSanitizer + UndefinedBehaviorSanitizer, then the full suite (unit,
# conformance, the consent core's randomized gate and audit tests, storage crash and
# fault tests, the CLI, Secret Service integration, Qt Quick tests, the app's self-test,
# qmllint, clang-format), then 200 iterations of the crash suite, the benchmarks at tiny
# sizes, and every fuzz target for 60 seconds. Warnings are errors. CI runs exactly this.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

"$root/scripts/setup.sh"

jobs=$(nproc)
# Tests run one more at a time than there are cores: many of them spend their time waiting
# on fsync or on processes they start (on 2 cores the full tree's took 175 s, not 220 s).
test_jobs=$((jobs + 1))
# section TITLE: a heading with the time since the run began, to show where it goes.
section() {
    printf '== %s (at %dm%02ds)\n' "$1" $((SECONDS / 60)) $((SECONDS % 60))
}
configure() {  # build-dir, extra cmake arguments...
    local dir=$1
    shift
    # Line tables only: enough for sanitizer reports and backtraces, and much faster to
    # compile and link than full debug information.
    cmake -S "$root" -B "$dir" -G Ninja -DCONSENTCAM_WERROR=ON -DCMAKE_CXX_FLAGS_DEBUG=-g1 \
        "$@" >/dev/null
}

section "Sanitizer build (ASan + UBSan) of the unit and CLI tests"
configure build/asan -DCMAKE_BUILD_TYPE=Debug -DCONSENTCAM_SANITIZE=ON \
    -DCONSENTCAM_BUILD_APP=OFF -DCONSENTCAM_BUILD_BENCH=OFF
cmake --build build/asan -j "$jobs"
# The randomized tests run a tenth of their counts here, where they look for memory errors
# and undefined behaviour; the full build runs the full counts.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
LSAN_OPTIONS=suppressions=$root/tests/lsan.supp:print_suppressions=0 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
CONSENTCAM_RANDOMIZED_DIVISOR=10 \
    ctest --test-dir build/asan -L 'unit|cli' -E '^facehints_test: ' --output-on-failure \
    -j "$test_jobs"
# The face hints tests without the leak check: LeakSanitizer's exit-time scan crashes
# ("Tracer caught signal 11") in them under load, after every assertion has passed. Memory
# errors and undefined behaviour still abort them.
ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build/asan -R '^facehints_test: ' --output-on-failure -j "$test_jobs"

section "Full build and every test"
configure build/ci -DCMAKE_BUILD_TYPE=Debug
cmake --build build/ci -j "$jobs"
ctest --test-dir build/ci --output-on-failure -j "$test_jobs"

section "Crash suite: 200 kills (scripts/crash.sh runs 10,000)"
CONSENTCAM_CRASH_BUILD=$root/build/ci "$root/scripts/crash.sh" 200

section "Benchmarks at tiny sizes: every figure still runs (scripts/bench measures them)"
CONSENTCAM_BENCH_BUILD=$root/build/ci "$root/scripts/bench" --smoke

section "Fuzz targets (clang libFuzzer, ASan + UBSan): 60 seconds each"
"$root/scripts/fuzz.sh" 60
section "Every test passed"
