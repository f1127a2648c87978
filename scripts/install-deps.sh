#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks to build and test Partnerdesk:
# the C headers Fyne's cgo build needs, and poppler-utils, which the
# statement tests use to read PDFs back. Quick when everything is present.
set -euo pipefail

pkgs=(gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev
      libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev poppler-utils strace)
[ "${1:-}" = "--gui" ] && pkgs+=(xvfb xdotool imagemagick)
# make windows: the MinGW cross-compiler for Fyne's cgo build of partnerdesk.exe.
[ "${1:-}" = "--windows" ] && pkgs+=(gcc-mingw-w64-x86-64)

missing=()
for p in "${pkgs[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y --no-install-recommends "${missing[@]}"
fi

if ! command -v go >/dev/null 2>&1; then
  if [ -x /usr/local/go/bin/go ]; then
    echo "go is at /usr/local/go/bin; add it to PATH" >&2
  else
    echo "Go 1.26 or later is needed: https://go.dev/dl/" >&2
    exit 1
  fi
fi
