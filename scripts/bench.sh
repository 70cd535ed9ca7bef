#!/usr/bin/env bash
# The benchmark: builds the release dist/, generates the "large" and "huge" strategies, measures
# load, import, editing, autosave, merging, memory and sizes in headless Chromium, prints a table and
# writes target/bench/latest.json (with the core count and Chromium version). Before that, the
# regional view's pure core over a generated region of 179 towns, natively (`bench region`), and
# the same towns' made-up population visions projected and summed (`bench region-vision`); in
# Chromium, the same 179 towns' files brought into a region at once, its side-by-side page opened
# and its theme search typed, and the towns with their visions opened (人口ビジョン（管内）). A figure the browser could not measure is printed as missing, with
# why.
#
#   bash scripts/bench.sh
#   BENCH_DIST=/path/to/dist bash scripts/bench.sh   # measures that built dist/: no set-up, no build
#   bash scripts/bench.sh --smoke                    # the smoke run (a phase of scripts/test.sh)
#
# --smoke: every figure once (a few samples where one run gives many) on small data, to prove the
# benchmark still runs: the town size under every name (town, large, huge, the merge's files), a
# region of 5 towns, in target/bench/smoke/. No set-up and no build of its own: it measures the
# dist/ already built (or BENCH_DIST) with the bench binary of the dev profile (what `cargo test`
# compiled). The budgets are printed, not held; it fails when any figure is missing or the
# report cannot be made. About a minute.
#
# Only the regional view (or the shared folder) in Chromium (after a bench.sh run, or its build
# and generate steps):
#   BENCH_ONLY=region node tests/bench/run.mjs && cargo run --release --bin bench -- report target/bench/raw.json target/bench/latest.json
#   BENCH_ONLY=folder node tests/bench/run.mjs && …  (the same report)
#   BENCH_ONLY=merge node tests/bench/run.mjs && …   (the merge preview of two edited copies of large)
#   BENCH_ONLY=round node tests/bench/run.mjs && …  (照会・共同作業 with large: the 入力状況 table;
#                                                   20 sections' workbooks of the town size read back)
#   BENCH_ONLY=vision node tests/bench/run.mjs && …  (人口ビジョン on 北本市's example with the made-up
#                                                   town's census: four scenarios in the page, the page drawn)
#   BENCH_ONLY=import node tests/bench/run.mjs && …  (large and huge through the file input, cold and
#                                                   again, beside JSON.parse)
#   BENCH_ONLY=region-vision node tests/bench/run.mjs && …  (179 towns with made-up visions, from
#                 bench generate-region-vision-files 179 1 target/bench/region-vision: the region
#                 opened, every town's vision projected and the 管内 totals drawn)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$SHIRUBE_ROOT"

SMOKE=0
for arg in "$@"; do
  case "$arg" in
    --smoke) SMOKE=1 ;;
    -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
    *) die "unknown argument: $arg (use --smoke or --help)" ;;
  esac
done

if [[ $SMOKE == 1 ]]; then
  SHIRUBE_TIMINGS_TITLE="Benchmark, smoke"
  DIST="${BENCH_DIST:-dist}"
  [[ -f "$DIST/index.html" ]] || die "no built app in $DIST/ (build it first: bash scripts/test.sh build, or set BENCH_DIST)"
  OUT=target/bench/smoke
  # The dev profile's bench binary as `cargo test` built it (found, or built, by asking cargo
  # for the tests' artifacts): `cargo run` would build it again, its dependencies with the
  # features of a build rather than of the tests (about 50 s of the test command).
  BENCH_CARGO="$(cargo test --no-run --quiet --message-format=json | node -e '
    const lines = require("fs").readFileSync(0, "utf8").split("\n").filter(Boolean).map(JSON.parse);
    const bin = lines.find(m => m.reason === "compiler-artifact" && m.target.name === "bench"
      && m.target.kind.includes("bin") && !m.profile.test);
    if (!bin?.executable) { console.error("cargo built no bench binary for the tests"); process.exit(1); }
    console.log(bin.executable);')" || die "the bench binary of the tests could not be found"
  export BENCH_CARGO
  mkdir -p "$OUT"
  run_step "generate the town size as town, large, huge, the merge's and the folder's files (seed 1)" bash -c \
    'for name in town large huge; do $BENCH_CARGO generate town 1 '"$OUT"'/$name.json; done &&
     $BENCH_CARGO generate-merge town 1 '"$OUT"' &&
     $BENCH_CARGO generate-folder town 1 '"$OUT"' &&
     $BENCH_CARGO generate-round-books town 1 '"$OUT"
  run_step "generate the region: 5 town files, and the same with their population visions (seed 1)" bash -c \
    'rm -rf '"$OUT"'/region '"$OUT"'/region-vision && $BENCH_CARGO generate-region-files 5 1 '"$OUT"'/region &&
     $BENCH_CARGO generate-region-vision-files 5 1 '"$OUT"'/region-vision'
  run_step "the regional view natively: 5 town-size strategies" $BENCH_CARGO region 5 1
  run_step "the region's population visions natively: 5 towns, once" $BENCH_CARGO region-vision 5 1 1
  run_step "measure in Chromium, once each (tests/bench/run.mjs, BENCH_SMOKE=1)" \
    env -u BENCH_ONLY -u BENCH_PROFILE BENCH_SMOKE=1 BENCH_DIST="$DIST" node tests/bench/run.mjs
  run_step "report: every figure there (budgets not held)" \
    $BENCH_CARGO report "$OUT/raw.json" "$OUT/latest.json" --smoke
  print_timings "$SHIRUBE_TIMINGS_TITLE: done"
  exit 0
fi

SHIRUBE_TIMINGS_TITLE="Benchmark"
if [[ -n "${BENCH_DIST:-}" ]]; then
  [[ -f "$BENCH_DIST/index.html" ]] || die "BENCH_DIST=$BENCH_DIST has no index.html"
  log "measuring the app built in $BENCH_DIST (BENCH_DIST): no set-up, no release build"
else
  run_step "set-up (scripts/setup.sh --browser)" bash scripts/setup.sh --browser
  run_step "release build (scripts/build.sh)" env SHIRUBE_SKIP_SETUP=1 bash scripts/build.sh
fi
mkdir -p target/bench
run_step "generate town, large, huge, the merge's files and folders of ten members' files of large and of the town size (seed 1)" bash -c \
  'cargo run --quiet --release --bin bench -- generate town 1 target/bench/town.json &&
   cargo run --quiet --release --bin bench -- generate large 1 target/bench/large.json &&
   cargo run --quiet --release --bin bench -- generate huge 1 target/bench/huge.json &&
   cargo run --quiet --release --bin bench -- generate-merge large 1 target/bench &&
   cargo run --quiet --release --bin bench -- generate-folder large 1 target/bench &&
   cargo run --quiet --release --bin bench -- generate-folder town 1 target/bench/folder-town &&
   cargo run --quiet --release --bin bench -- generate-round-books town 1 target/bench'
run_step "generate the region: 179 town files, and the same with their population visions (seed 1)" bash -c \
  'rm -rf target/bench/region target/bench/region-vision &&
   cargo run --quiet --release --bin bench -- generate-region-files 179 1 target/bench/region &&
   cargo run --quiet --release --bin bench -- generate-region-vision-files 179 1 target/bench/region-vision'
run_step "the regional view natively: 179 town-size strategies (roll-ups, matching, search index, one search)" \
  cargo run --quiet --release --bin bench -- region 179 1
run_step "the region's population visions natively: 179 towns projected, grouped and summed (budget 500 ms)" \
  cargo run --quiet --release --bin bench -- region-vision 179 1 20
run_step "measure in Chromium (tests/bench/run.mjs)" env -u BENCH_SMOKE node tests/bench/run.mjs
run_step "report" cargo run --quiet --release --bin bench -- report target/bench/raw.json target/bench/latest.json
print_timings "$SHIRUBE_TIMINGS_TITLE: done"
