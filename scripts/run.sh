#!/usr/bin/env bash
# Sets up what is missing, builds the app and launches it. Arguments go to the app,
# e.g. `scripts/run.sh --vault ~/consentcam-vault` or `scripts/run.sh --lang es`.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

"$root/scripts/setup.sh"
cmake -S "$root" -B "$root/build/app" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCONSENTCAM_BUILD_TESTS=OFF -DCONSENTCAM_BUILD_BENCH=OFF >/dev/null
cmake --build "$root/build/app" -j "$(nproc)" --target consentcam

app="$root/build/app/app/main/consentcam"
if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]]; then
    echo "No display found: running under a virtual X server (xvfb-run)." >&2
    exec xvfb-run -a -s "-screen 0 1280x1024x24" "$app" "$@"
fi
exec "$app" "$@"
