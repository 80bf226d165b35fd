#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked GNOME Keyring
# serving the Secret Service, in a throwaway home directory.
set -euo pipefail
if [[ ${1:-} != --inside ]]; then
    exec dbus-run-session -- "$0" --inside "$@"
fi
shift
HOME=$(mktemp -d)
export HOME
trap 'rm -rf "$HOME"' EXIT
# A non-empty password makes the daemon create and unlock the login collection.
printf 'integration-test' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
"$@"
