#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz/ with clang (ASan + UBSan, every library
# instrumented) in build/fuzz, then runs each for SECONDS on a copy of its seed corpus
# (tests/fuzz/corpus/<target>/; what the fuzzer adds stays in build/fuzz/run/, never in the
# repository), with its dictionary (tests/fuzz/dict/<target>.dict) when there is one.
#
#   scripts/fuzz.sh SECONDS [TARGET...]     # no TARGET: every target; CI runs it with 60
#
# Prints one line per target, `fuzz <target> seconds=<n> runs=<execs> result=clean|FAILED`,
# and exits non-zero when any target found a crash, a leak, a timeout (-timeout=10 per
# input), an input over -rss_limit_mb=2048, or undefined behaviour. The input that did it
# is saved in build/fuzz/artifacts/<target>/ and the fuzzer's output in build/fuzz/logs/.
# Reproduce with: build/fuzz/tests/fuzz/fuzz_<target> build/fuzz/artifacts/<target>/<file>
#
# FUZZ_PARALLEL targets run at once (default 2), FUZZ_JOBS build jobs (default nproc).
# Uses clang-14 and libclang-rt-14-dev (libFuzzer and the sanitizer runtimes), which
# scripts/setup.sh installs.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

usage() {
    echo "usage: scripts/fuzz.sh SECONDS [TARGET...]" >&2
    exit 2
}
(($# >= 1)) || usage
seconds=$1
shift
[[ $seconds =~ ^[1-9][0-9]*$ ]] || usage

all=()
for source in tests/fuzz/fuzz_*.cpp; do
    name=${source#tests/fuzz/fuzz_}
    all+=("${name%.cpp}")
done
targets=("$@")
((${#targets[@]})) || targets=("${all[@]}")
for target in "${targets[@]}"; do
    if [[ ! -f tests/fuzz/fuzz_$target.cpp ]]; then
        echo "fuzz: no target '$target' (targets: ${all[*]})" >&2
        exit 2
    fi
done

"$root/scripts/setup.sh" # clang-14 and libclang-rt-14-dev among the rest

build=build/fuzz
# Debug keeps the project's assertions; -O1 makes the fuzzer several times faster than -O0,
# and line tables are enough for the sanitizers' reports. The app, its QML and the
# benchmarks are not needed; the fuzz targets are part of the tests' tree, so only they are
# built of it.
CC=clang-14 CXX=clang++-14 cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
    "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g1" -DCONSENTCAM_BUILD_FUZZ=ON \
    -DCONSENTCAM_BUILD_APP=OFF -DCONSENTCAM_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" -j "${FUZZ_JOBS:-$(nproc)}" --target "${targets[@]/#/fuzz_}"

export ASAN_OPTIONS=detect_leaks=1
export LSAN_OPTIONS=suppressions=$root/tests/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# The decoders' complaints about damaged input (one per input) would drown the log.
export QT_LOGGING_RULES='*.warning=false'

# run TARGET: fuzzes one target for $seconds and prints its line; the exit status says
# whether it stayed clean.
run() {
    local target=$1
    local corpus=$build/run/$target artifacts=$build/artifacts/$target
    local log=$build/logs/$target.log
    rm -rf "$corpus"
    mkdir -p "$corpus" "$artifacts" "$build/logs"
    if [[ -d tests/fuzz/corpus/$target ]]; then
        cp -R "tests/fuzz/corpus/$target/." "$corpus/"
    fi
    local options=(-max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10
                   -print_final_stats=1 -artifact_prefix="$artifacts/")
    if [[ -f tests/fuzz/dict/$target.dict ]]; then
        options+=(-dict="tests/fuzz/dict/$target.dict")
    fi
    local status=0
    "$build/tests/fuzz/fuzz_$target" "${options[@]}" "$corpus" >"$log" 2>&1 || status=$?
    local runs
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    # After a finding there are no final stats: the last progress line counts the runs.
    [[ -n $runs ]] || runs=$(sed -n 's/^#\([0-9][0-9]*\).*/\1/p' "$log" | tail -n 1)
    if ((status == 0)); then
        echo "fuzz $target seconds=$seconds runs=${runs:-0} result=clean"
    else
        echo "fuzz $target seconds=$seconds runs=${runs:-0} result=FAILED (exit $status; $log)"
    fi
    return "$status"
}

parallel=${FUZZ_PARALLEL:-2}
failed=0
running=0
for target in "${targets[@]}"; do
    if ((running >= parallel)); then
        wait -n || failed=1
        running=$((running - 1))
    fi
    run "$target" &
    running=$((running + 1))
done
while ((running > 0)); do
    wait -n || failed=1
    running=$((running - 1))
done
exit "$failed"
