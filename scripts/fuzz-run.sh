#!/usr/bin/env bash
# Run one fuzz target of fuzz/ for a while, niced, one process, with the campaign's limits
# (issue 15): inputs up to MAX_LEN bytes (default 1 MiB), 512 MB RSS, every input slower than
# 2 s reported and kept (fuzz/artifacts/TARGET/slow-unit-*). The hard timeout is TIMEOUT seconds
# (default 10, not 2): libFuzzer's clock is wall time, and a `nice -n 19` fuzzer on a shared
# machine can be starved for seconds; slow units are re-timed on an idle machine.
# The log (with libFuzzer's final stats: executions, cov, ft) goes to fuzz/logs/TARGET.log.
#
# Usage: scripts/fuzz-run.sh TARGET SECONDS [MAX_LEN]
# Needs cargo-fuzz (`cargo install cargo-fuzz`) and seeds from scripts/fuzz-seeds.sh. Runs on
# the stable toolchain through RUSTC_BOOTSTRAP=1; without a sanitizer (`-s none`: the code is
# safe Rust, and the uninstrumented build runs several times more inputs per second).
set -euo pipefail
cd "$(dirname "$0")/.."
target="$1"
seconds="$2"
max_len="${3:-1048576}"
mkdir -p fuzz/logs fuzz/target
case "$target" in
    ingest) cat fuzz/dict/docx.dict fuzz/dict/pdf.dict fuzz/dict/html.dict fuzz/dict/text.dict ;;
    *) cat fuzz/dict/text.dict ;;
esac > "fuzz/target/$target.dict"
RUSTC_BOOTSTRAP=1 CARGO_BUILD_JOBS=2 nice -n 19 cargo fuzz run -s none --codegen-units 16 \
    --target-dir "${CARGO_TARGET_DIR:-fuzz/target}/fuzz" "$target" "fuzz/corpus/$target" -- \
    -max_len="$max_len" -timeout="${TIMEOUT:-10}" -report_slow_units=2 -rss_limit_mb=512 -max_total_time="$seconds" \
    -dict="fuzz/target/$target.dict" -print_final_stats=1 -print_pcs=0 \
    2>&1 | tee -a "fuzz/logs/$target.log"
