#!/usr/bin/env bash
# Builds the app if needed, then drives it through every screen in English and Spanish
# under a virtual X server, saving screenshots/<screen>-<lang>.png (412x915 window).
# Uses the test-hook build (any build type but Release) and a throwaway vault.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${CONSENTCAM_SCREENSHOT_BUILD:-$root/build/screenshots}
out=$root/screenshots

"$root/scripts/setup.sh"
if [[ ! -f $build/build.ninja ]]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
        -DCONSENTCAM_BUILD_TESTS=OFF -DCONSENTCAM_BUILD_BENCH=OFF >/dev/null
fi
cmake --build "$build" -j "$(nproc)" --target consentcam

mkdir -p "$out"
for lang in en es; do
    rm -f "$out"/*-"$lang".png
    xvfb-run -a -s "-screen 0 1280x1024x24" \
        "$build/app/main/consentcam" --screenshot-tour "$out" --lang "$lang"
done
ls -1 "$out"/*.png
