#!/usr/bin/env bash
# Fails when any C++ file differs from what clang-format makes of it.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
mapfile -t files < <(find app platform tests -name '*.cpp' -o -name '*.h' | sort)
clang-format-14 --dry-run --Werror "${files[@]}"
echo "clang-format: ${#files[@]} files checked"
