#!/usr/bin/env bash
# The benchmark: builds the release dist/, generates the "large" and "huge" strategies, measures
# load, import, editing, autosave, merging, memory and sizes in headless Chromium, prints a table and
# writes target/bench/latest.json (with the core count and Chromium version). Before that, the
# regional view's pure core over a generated region of 179 towns, natively (`bench region`); in
# Chromium, the same 179 towns' files brought into a region at once, its side-by-side page opened
# and its theme search typed.
#
#   bash scripts/bench.sh
# Only the regional view in Chromium (after a bench.sh run, or its build and generate steps):
#   BENCH_ONLY=region node tests/bench/run.mjs && cargo run --release --bin bench -- report target/bench/raw.json target/bench/latest.json
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$SHIRUBE_ROOT"
SHIRUBE_TIMINGS_TITLE="Benchmark"

run_step "set-up (scripts/setup.sh --browser)" bash scripts/setup.sh --browser
run_step "release build (scripts/build.sh)" env SHIRUBE_SKIP_SETUP=1 bash scripts/build.sh
mkdir -p target/bench
run_step "generate town, large, huge and the merge's files (seed 1)" bash -c \
  'cargo run --quiet --release --bin bench -- generate town 1 target/bench/town.json &&
   cargo run --quiet --release --bin bench -- generate large 1 target/bench/large.json &&
   cargo run --quiet --release --bin bench -- generate huge 1 target/bench/huge.json &&
   cargo run --quiet --release --bin bench -- generate-merge large 1 target/bench'
run_step "generate the region: 179 town files (seed 1)" bash -c \
  'rm -rf target/bench/region &&
   cargo run --quiet --release --bin bench -- generate-region-files 179 1 target/bench/region'
run_step "the regional view natively: 179 town-size strategies (roll-ups, matching, search index, one search)" \
  cargo run --quiet --release --bin bench -- region 179 1
run_step "measure in Chromium (tests/bench/run.mjs)" node tests/bench/run.mjs
cargo run --quiet --release --bin bench -- report target/bench/raw.json target/bench/latest.json
print_timings "$SHIRUBE_TIMINGS_TITLE: done"
