#!/usr/bin/env bash
# The README's app screenshots (docs/app*.png), taken with the release binary under Xvfb on the
# sample pair at 1380x860, with the launch overrides that set what the window shows.
# Usage: scripts/app-screenshots.sh   (needs xvfb-run; builds the release binary first)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/resdiff"
old=sample_data/A_RES_65_141.txt
new=sample_data/A_RES_66_184.txt
# Own settings folder: no remembered geometry or recent pairs from the user's runs.
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config"
shot() {
  local out=$1
  shift
  xvfb-run -a -s "-screen 0 1600x1000x24" "$bin" "$old" "$new" --window-size 1380x860 \
    --screenshot "$out" "$@"
  echo "$out: $(identify -format '%wx%h' "$out")"
}
shot docs/app.png --side-panel changes --view side-by-side --order document --theme light
shot docs/app-dark.png --side-panel changes --view side-by-side --order document --theme dark
shot docs/app-triage.png --side-panel changes --view side-by-side --order consequence --theme light
shot docs/app-inline.png --side-panel changes --view inline --order consequence --theme light
