#!/usr/bin/env bash
# Builds the release site into dist/: static files only, with relative URLs, so
# the folder works from any sub-path of any static host (or straight off a disk),
# and offline after the first visit (dist/sw.js, by scripts/sw-build.mjs). Then
# assembles shirube.html (repo root, git-ignored): the whole app in one HTML file
# that runs from file:// with no server (scripts/single-file.mjs).
#
#   bash scripts/build.sh [extra trunk build arguments]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$SHIRUBE_ROOT"
SHIRUBE_TIMINGS_TITLE="Build timings"

# scripts/test.sh has already run the set-up and sets SHIRUBE_SKIP_SETUP=1.
if [[ "${SHIRUBE_SKIP_SETUP:-0}" != 1 ]]; then
  run_step "set-up (scripts/setup.sh)" bash scripts/setup.sh
fi

[[ -f index.html ]] || die "index.html is missing"

# Two Trunk builds at once in this folder trip over each other in dist/.stage
# ("error copying (optimized) wasm file to dist dir"); let a second build.sh wait.
# (`trunk serve` builds into dist/ too: stop it before a release build or a test run.)
# The lock lives in this checkout's own target/ (node_modules may be shared with another checkout).
mkdir -p target
exec 9>target/.shirube-build.lock
if ! flock -n 9; then
  log "another scripts/build.sh is running here; waiting for it"
  flock 9
fi

rm -f "$SHIRUBE_DIST_STAMP"   # dist/ is about to change: until this build ends, it is no one's
sources_before="$(source_fingerprint)"
run_step "trunk build --release" trunk build --release "$@"

check_dist() {
  [[ -f dist/index.html ]] || die "dist/index.html was not produced"
  ls dist/wasm-*/*.wasm >/dev/null 2>&1 || die "no .wasm file in dist/wasm-*/"
  # Every URL in index.html must be relative: no "/…", "//host/…" or "http(s)://…".
  local bad
  bad="$(grep -noE "(src|href)=[\"'](/|https?:)[^\"']*|(from|import\\()[[:space:]]*[\"'](/|https?:)[^\"']*" dist/index.html || true)"
  if [[ -n "$bad" ]]; then
    echo "dist/index.html has absolute or external URLs:" >&2
    echo "$bad" >&2
    exit 1
  fi
  echo "dist/index.html: all URLs relative"
}
run_step "check dist/ (relative URLs)" check_dist
run_step "Content-Security-Policy (scripts/csp.mjs)" node scripts/csp.mjs dist/index.html
run_step "service worker (scripts/sw-build.mjs)" node scripts/sw-build.mjs dist
run_step "single file (scripts/single-file.mjs)" node scripts/single-file.mjs dist shirube.html
# scripts/serve.sh serves this dist/ as it is while the sources stay as they were when it began.
[[ $# -gt 0 || "${SHIRUBE_WASM_NAMES:-}" == 1 ]] || echo "$sources_before" > "$SHIRUBE_DIST_STAMP"

size_report() {
  local f raw gz total_raw=0 total_gz=0
  printf '  %-60s %12s %12s\n' "file" "bytes" "gzip -9"
  while IFS= read -r f; do
    raw=$(stat -c %s "$f")
    gz=$(gzip -9 -c "$f" | wc -c)
    total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
    printf '  %-60s %12s %12s\n' "${f#dist/}" "$raw" "$gz"
  done < <(find dist -type f | sort)
  printf '  %-60s %12s %12s\n' "total" "$total_raw" "$total_gz"
}
echo
echo "dist/ contents:"
size_report
echo
echo "single file (open from disk, no server):"
printf '  %-60s %12s %12s\n' "shirube.html" "$(stat -c %s shirube.html)" "$(gzip -9 -c shirube.html | wc -c)"
print_timings "$SHIRUBE_TIMINGS_TITLE"
