#!/usr/bin/env bash
# Installs resdiff's desktop entry and icon for the current user, so the application menu lists
# resdiff and a file manager offers "Open with resdiff" for text, PDF, Word and HTML files.
#
#   cargo install --locked --path .        # first: puts the binary in ~/.cargo/bin
#   bash assets/linux/install-desktop.sh   # then this
#
# The entry's Exec line gets the binary's absolute path (desktop sessions often do not have
# ~/.cargo/bin on their PATH). RESDIFF_BIN overrides the binary; XDG_DATA_HOME the target.
# `--uninstall` removes what this script installed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
apps="$data/applications"
icon_dir="$data/icons/hicolor/128x128/apps"

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$apps/resdiff.desktop" "$icon_dir/resdiff.png"
  command -v update-desktop-database >/dev/null && update-desktop-database "$apps" || true
  echo "resdiff: desktop entry removed from $apps"
  exit 0
fi

bin="${RESDIFF_BIN:-}"
if [ -z "$bin" ]; then
  bin="$(command -v resdiff || true)"
  [ -n "$bin" ] || [ ! -x "${CARGO_HOME:-$HOME/.cargo}/bin/resdiff" ] || bin="${CARGO_HOME:-$HOME/.cargo}/bin/resdiff"
fi
if [ -z "$bin" ] || [ ! -x "$bin" ]; then
  echo "resdiff: the resdiff binary was not found; run 'cargo install --locked --path .' first (or set RESDIFF_BIN)" >&2
  exit 2
fi
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
case "$bin" in
  *[[:space:]\"\'\\\`\$]*) echo "resdiff: the binary path must not contain spaces or quotes: $bin" >&2; exit 2 ;;
esac

mkdir -p "$apps" "$icon_dir"
sed -e "s|^Exec=resdiff |Exec=$bin |" -e "s|^TryExec=resdiff$|TryExec=$bin|" \
  "$here/resdiff.desktop" >"$apps/resdiff.desktop.tmp"
mv "$apps/resdiff.desktop.tmp" "$apps/resdiff.desktop"
install -m 644 "$here/../icon.png" "$icon_dir/resdiff.png"
command -v update-desktop-database >/dev/null && update-desktop-database "$apps" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" 2>/dev/null || true
echo "resdiff: desktop entry installed in $apps (Exec=$bin %F)"
