#!/usr/bin/env bash
# Fuzzes the file readers with cargo-fuzz (libFuzzer, coverage-guided) on this
# machine's stable toolchain: `--sanitizer none`, the mode of cargo-fuzz that needs no nightly
# (Rust's own checks stay on: bounds, overflow — debug assertions —, and every panic is a crash).
#
#   bash scripts/fuzz.sh                         # every target, 10,000,000 executions each
#   bash scripts/fuzz.sh --runs 200000 csv_file  # fewer, one target
#   bash scripts/fuzz.sh --time 60               # a minute per target
#
# Targets (fuzz/fuzz_targets/): strategy_file (format::open: what the file input reads),
# backup_file (a backup of everything), csv_file (a KPI table, UTF-8 or Shift_JIS, against the
# 北本市 example), merge (random edits on two machines' versions), table_workbook (a town's own
# workbook: .xlsx, .xls, .ods), table_xls (damaged .xls files, into the patched calamine of
# vendor/calamine), table_paste (pasted cells: the clipboard's HTML and text), outline
# (a pasted outline: format::outline, its corrections and into_strategy), round_book (a section's
# returned workbook, read back against 北本市 with a round open), population_tables (the census
# table and the 社人研's assumptions: format::population, then projected). Seeds: fuzz/seeds/<target>/,
# tests/files/bad/ and the examples; the growing corpus is fuzz/corpus/<target>/, committed after
# a run minimised where it is small enough (.gitignore names which; the next machine starts
# where this one stopped):
#   fuzz/target/x86_64-unknown-linux-gnu/release/<target> -merge=1 <empty dir> fuzz/corpus/<target>
# then the empty dir's files replace fuzz/corpus/<target>/.
# A crash stops its target and is saved in fuzz/artifacts/<target>/: turn it into a file of
# tests/files/bad/ with its expected message (tests/files/make-bad.mjs), then fix the reader.
# Each input may take 10 s at most (a hang) and the process 2 GiB (memory bounded).
# Prints, per target: executions, seconds, executions per second, peak memory, the result.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$SHIRUBE_ROOT"

CARGO_FUZZ_VERSION="0.13.2"
ALL_TARGETS=(strategy_file backup_file csv_file merge table_workbook table_xls table_paste outline round_book population_tables)
RUNS=10000000
SECONDS_EACH=0
TARGETS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --time) SECONDS_EACH="$2"; RUNS=-1; shift 2 ;;
    -h|--help) sed -n '2,26p' "$0"; exit 0 ;;
    *) [[ " ${ALL_TARGETS[*]} " == *" $1 "* ]] || die "unknown target '$1' (targets: ${ALL_TARGETS[*]})"
       TARGETS+=("$1"); shift ;;
  esac
done
[[ ${#TARGETS[@]} -gt 0 ]] || TARGETS=("${ALL_TARGETS[@]}")

if [[ "$(cargo fuzz --version 2>/dev/null || true)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]]; then
  log "installing cargo-fuzz $CARGO_FUZZ_VERSION from crates.io (about 2 minutes)"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi

cd fuzz
log "building the fuzz targets (release, coverage-instrumented)"
cargo fuzz build --sanitizer none -O

seeds_of() {
  case "$1" in
    strategy_file) echo "seeds/strategy_file ../tests/files/bad ../public/examples" ;;
    backup_file) echo "seeds/backup_file ../tests/files/bad" ;;
    csv_file) echo "seeds/csv_file" ;;
    merge) echo "" ;;
    table_workbook) echo "../src/format/table/fixtures" ;;
    table_xls) echo "seeds/table_xls" ;;
    table_paste) echo "seeds/table_paste" ;;
    outline) echo "../src/format/outline/fixtures" ;;
    population_tables) echo "../src/format/population/fixtures" ;;
  esac
}

REPORT=()
status=0
for t in "${TARGETS[@]}"; do
  mkdir -p "corpus/$t" "artifacts/$t"
  log_file="artifacts/$t/last-run.log"
  log "fuzzing $t ($( [[ $RUNS -ge 0 ]] && echo "$RUNS executions" || echo "${SECONDS_EACH} s"))"
  # shellcheck disable=SC2046 # the seed directories are words
  if cargo fuzz run --sanitizer none -O "$t" "corpus/$t" $(seeds_of "$t") -- \
      -runs="$RUNS" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="artifacts/$t/" -print_final_stats=1 >"$log_file" 2>&1; then
    result="0 crashes, 0 hangs"
  else
    result="FAILED: $(grep -m1 -E 'panicked|ERROR: libFuzzer|Test unit written' "$log_file" || tail -1 "$log_file")"
    status=1
  fi
  runs="$(grep -oP 'stat::number_of_executed_units:\s*\K\d+' "$log_file" | tail -1 || true)"
  secs="$(grep -oP 'Done \d+ runs in \K\d+' "$log_file" | tail -1 || true)"
  rss="$(grep -oP 'stat::peak_rss_mb:\s*\K\d+' "$log_file" | tail -1 || true)"
  per="-"; [[ -n "$runs" && -n "$secs" && "$secs" -gt 0 ]] && per=$((runs / secs))
  REPORT+=("$(printf '%-14s %12s runs %7s s %8s/s  peak %5s MB  %s' "$t" "${runs:-?}" "${secs:-?}" "$per" "${rss:-?}" "$result")")
done

echo
echo "Fuzzing (cargo-fuzz $CARGO_FUZZ_VERSION, libFuzzer, --sanitizer none; logs in fuzz/artifacts/<target>/last-run.log):"
printf '  %s\n' "${REPORT[@]}"
exit "$status"
