#!/usr/bin/env bash
# Installs what ConsentCam needs to build, run and test on Debian 12, and nothing
# that is already there. With everything installed it does not touch apt at all.
#
# SQLCipher 4.6 and Catch2 3 come from the distribution's backports suite; the
# mirror is taken from this machine's own apt sources, so no host is named here.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libssl-dev qtkeychain-qt6-dev
  qt6-base-dev qt6-base-dev-tools qt6-declarative-dev qt6-declarative-dev-tools
  qt6-multimedia-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qml6-module-qtqml qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-templates
  qml6-module-qtquick-layouts qml6-module-qtquick-window qml6-module-qtqml-workerscript
  qml6-module-qtqml-models qml6-module-qttest qml6-module-qtmultimedia qml6-module-qtquick-dialogs
  qt6-qpa-plugins qt6-translations-l10n
  clang-format-14 clang-14 libclang-rt-14-dev xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools
  fonts-dejavu-core poppler-utils exiv2
  libopencv-core-dev libopencv-imgproc-dev libopencv-objdetect-dev opencv-data python3-skimage
)
backports_packages=(libsqlcipher-dev sqlcipher libcatch2-dev)

need_version() {  # package minimum-version
  local have
  have=$(dpkg-query -W -f='${Status} ${Version}' "$1" 2>/dev/null || true)
  [[ $have == "install ok installed "* ]] || return 0
  dpkg --compare-versions "${have##* }" lt "$2"
}

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done
missing_bp=()
need_version libsqlcipher-dev 4.6 && missing_bp+=(libsqlcipher-dev)
need_version sqlcipher 4.6 && missing_bp+=(sqlcipher)
need_version libcatch2-dev 3.7 && missing_bp+=(libcatch2-dev)

if ((${#missing[@]} == 0 && ${#missing_bp[@]} == 0)); then
  exit 0
fi

sudo=()
if ((EUID != 0)); then sudo=(sudo); fi
export DEBIAN_FRONTEND=noninteractive

if ((${#missing_bp[@]})); then
  codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
  list=/etc/apt/sources.list.d/consentcam-backports.sources
  if ! grep -rqsE "^(Suites:.*[[:space:]]|deb[^#]*[[:space:]])${codename}-backports([[:space:]]|$)" \
      /etc/apt/sources.list /etc/apt/sources.list.d/; then
    # The URI of the entry that carries the main suite, from either source format.
    uri=$( (grep -hs -E '^deb[[:space:]]' /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
              | grep -E "[[:space:]]${codename}[[:space:]]" \
              | sed -E 's/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?([^[:space:]]+).*/\2/';
            for f in /etc/apt/sources.list.d/*.sources; do
              [[ -f $f ]] || continue
              awk -v s="$codename" '
                /^[[:space:]]*$/ { if (u != "" && hit) print u; u = ""; hit = 0; next }
                /^URIs:/ { u = $2 }
                /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == s) hit = 1 }
                END { if (u != "" && hit) print u }' "$f"
            done) | head -n 1)
    if [[ -z $uri ]]; then
      echo "setup: no apt source for '$codename' found to derive the backports mirror from" >&2
      exit 1
    fi
    printf 'Types: deb\nURIs: %s\nSuites: %s-backports\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
      "$uri" "$codename" | "${sudo[@]}" tee "$list" >/dev/null
  fi
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" apt-get install -y -q --no-install-recommends -t "${codename}-backports" "${missing_bp[@]}"
  missing_bp=()
else
  "${sudo[@]}" apt-get update -q
fi
if ((${#missing[@]})); then
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
