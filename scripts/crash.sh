#!/usr/bin/env bash
# scripts/crash.sh [ITERATIONS]: the crash suite (issue 6). Builds crash_writer and
# crash_suite in Release (build/crash) and kills the writer with SIGKILL ITERATIONS times
# (default 10000; CI runs 200) at random points while it seals consents, imports photos,
# writes stories, revokes, changes the passcode, shares posts and appends to the audit
# log, checking the vault after every kill. Progress goes to standard error; standard
# output ends with the summary line
#   crash iterations=N corrupt=0 lost_acknowledged=0 orphans=0 writer_errors=0
# and the exit status is the suite's: 0 only if every count is 0. Extra arguments go to
# crash_suite (--seed S to repeat a run, --dir DIR to keep the vault).
# CONSENTCAM_CRASH_JOBS sets the build's parallel jobs (default: every core).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
iterations=${1:-10000}
[[ $# -gt 0 ]] && shift

"$root/scripts/setup.sh"

# CONSENTCAM_CRASH_BUILD names an existing build tree to use instead (the test run uses
# its own Debug build rather than building the libraries again in Release).
build=${CONSENTCAM_CRASH_BUILD:-$root/build/crash}
if [[ -z ${CONSENTCAM_CRASH_BUILD:-} ]]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCONSENTCAM_WERROR=ON \
        -DCONSENTCAM_BUILD_APP=OFF -DCONSENTCAM_BUILD_BENCH=OFF >/dev/null
fi
# The build's output only when it fails.
if ! cmake --build "$build" -j "${CONSENTCAM_CRASH_JOBS:-$(nproc)}" \
    --target crash_writer crash_suite >"$build/crash-build.log" 2>&1; then
    cat "$build/crash-build.log" >&2
    exit 1
fi
exec "$build/tests/crash/crash_suite" --iterations "$iterations" "$@"
