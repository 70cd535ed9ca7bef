# shellcheck shell=bash
# Shared helpers for scripts/*.sh. Source it; do not run it.
#
# - SHIRUBE_ROOT: the repository root (found from this file's location, so the
#   scripts work from any working directory).
# - PATH gets the cargo install directory (trunk, wasm-bindgen) and
#   node_modules/.bin (wasm-opt from npm's binaryen, playwright) in front.
# - run_step NAME CMD...: runs CMD in a subshell with `set -e`, prints how long
#   it took, records it for print_timings, and on failure prints the timings so
#   far and exits with CMD's status (fail fast).

SHIRUBE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export SHIRUBE_ROOT

# Where `cargo install` puts binaries: $CARGO_INSTALL_ROOT/bin, else $CARGO_HOME/bin.
if [[ -n "${CARGO_INSTALL_ROOT:-}" ]]; then
  SHIRUBE_CARGO_BIN="$CARGO_INSTALL_ROOT/bin"
else
  SHIRUBE_CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
fi
export SHIRUBE_CARGO_BIN

path_prepend() {
  case ":$PATH:" in
    *":$1:"*) ;;
    *) PATH="$1:$PATH" ;;
  esac
}
path_prepend "$SHIRUBE_CARGO_BIN"
path_prepend "$SHIRUBE_ROOT/node_modules/.bin"
export PATH

# Playwright must never try to download a browser: Debian's /usr/bin/chromium is used.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# Trunk reports errors through anyhow; with RUST_BACKTRACE=1 in the environment
# each one ends in a useless stack trace. Panics still get theirs.
export RUST_LIB_BACKTRACE="${RUST_LIB_BACKTRACE:-0}"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

elapsed_since() { # START (an $EPOCHREALTIME value) -> seconds with one decimal
  awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'
}

STEP_NAMES=()
STEP_SECS=()
STEP_STATUS=()

print_timings() {
  local title="${1:-Timings}" i total=0
  printf '\n%s\n' "── $title ──────────────────────────────────────────"
  for i in "${!STEP_NAMES[@]}"; do
    printf '  %-50s %8ss  %s\n' "${STEP_NAMES[$i]}" "${STEP_SECS[$i]}" "${STEP_STATUS[$i]}"
    total=$(awk -v t="$total" -v s="${STEP_SECS[$i]}" 'BEGIN { printf "%.1f", t + s }')
  done
  printf '  %-50s %8ss\n\n' "total" "$total"
}

run_step() {
  local name="$1"; shift
  local t0="$EPOCHREALTIME" rc secs
  log "▶ $name"
  set +e
  ( set -e; "$@" )
  rc=$?
  set -e
  secs="$(elapsed_since "$t0")"
  STEP_NAMES+=("$name")
  STEP_SECS+=("$secs")
  if [[ $rc -eq 0 ]]; then
    STEP_STATUS+=("ok")
    log "✔ $name (${secs}s)"
  else
    STEP_STATUS+=("FAILED (exit $rc)")
    log "✘ $name failed with exit status $rc after ${secs}s"
    print_timings "${SHIRUBE_TIMINGS_TITLE:-Timings} (stopped at the first failure)"
    exit "$rc"
  fi
}

# The wasm-bindgen version the crate is locked to (the CLI must match it exactly).
locked_wasm_bindgen_version() {
  awk '
    /^\[\[package\]\]/ { in_wb = 0 }
    /^name = "wasm-bindgen"$/ { in_wb = 1; next }
    in_wb && /^version = / { gsub(/"/, "", $3); print $3; exit }
  ' "$SHIRUBE_ROOT/Cargo.lock"
}

# A fingerprint of everything the release build reads (tracked and new files, not ignored ones):
# scripts/build.sh writes it into target/ beside a finished dist/, and scripts/serve.sh serves
# dist/ as it is while it still matches (a second `serve.sh`, or the one after the test
# command's build, starts in seconds).
SHIRUBE_DIST_STAMP="target/.shirube-dist-sources"
source_fingerprint() {
  (cd "$SHIRUBE_ROOT" && git ls-files -z -co --exclude-standard -- \
      src public style web scripts vendor index.html Cargo.toml Cargo.lock Trunk.toml .cargo package.json package-lock.json \
    | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
}
