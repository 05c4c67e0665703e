#!/usr/bin/env bash
# The README's app figures: launch time (until the sample pair is compared, laid out and the
# window captured) and frame CPU times while scrolling the largest corpus pair,
# A/RES/78/69 -> A/RES/79/144, with the change list open. Release build, under Xvfb.
# Usage: scripts/app-bench.sh [LAUNCH_RUNS] [SCROLL_RUNS]   (RESDIFF_CORPUS: the corpus folder)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-12}
scroll_runs=${2:-3}
corpus=${RESDIFF_CORPUS:-../shared/corpus}
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/resdiff"
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config"
echo "load before: $(uptime)"
# One Xvfb for all runs, so that its start-up is not counted.
Xvfb :77 -screen 0 1600x1000x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$home"' EXIT
sleep 1
export DISPLAY=:77
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s.%N)
  "$bin" sample_data/A_RES_65_141.txt sample_data/A_RES_66_184.txt --window-size 1380x860 \
    --side-panel changes --screenshot "$home/shot.png"
  end=$(date +%s.%N)
  times+=("$(echo "$end - $start" | bc)")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END {
  printf "launch: %d runs, median %.2f s (%.2f-%.2f s)\n", NR, (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2), a[1], a[NR] }'
for _ in $(seq "$scroll_runs"); do
  /usr/bin/time -f "peak memory %M KiB" "$bin" "$corpus/text/A_RES_78_69.txt" "$corpus/text/A_RES_79_144.txt" \
    --window-size 1380x860 --side-panel changes --view side-by-side --order document --scroll-bench 600
done
# The same with the other view and order.
"$bin" "$corpus/text/A_RES_78_69.txt" "$corpus/text/A_RES_79_144.txt" \
  --window-size 1380x860 --side-panel changes --view inline --order consequence --scroll-bench 600
echo "load after: $(uptime)"
