#!/usr/bin/env bash
# Installs what is missing (scripts/setup.sh), then serves the app at http://127.0.0.1:8080/
# (Ctrl-C stops it).
#
#   bash scripts/serve.sh          # what users get: the release build (scripts/build.sh), served as
#                                  # static files — rebuilt only when a source changed since dist/
#                                  # was built (scripts/lib.sh: source_fingerprint)
#   bash scripts/serve.sh --dev    # trunk serve: a debug build, rebuilt and reloaded on every change
#                                  # (extra arguments after --dev go to trunk serve)
#
# SHIRUBE_SERVE_PORT (8080) changes the port of the default mode (the test of this command uses it).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$SHIRUBE_ROOT"

if [[ "${1:-}" == "--dev" ]]; then
  shift
  bash scripts/setup.sh
  mkdir -p test-results target   # Trunk.toml's [watch] ignore list names them, and Trunk wants them to exist
  # trunk serve builds into dist/ (unless told --dist elsewhere): it is no longer the release build.
  [[ " $* " == *" --dist "* ]] || rm -f "$SHIRUBE_DIST_STAMP"
  log "trunk serve (debug build, rebuilt on change) → http://127.0.0.1:8080/ (address and port are in Trunk.toml)"
  exec trunk serve "$@"
fi
[[ $# -eq 0 ]] || die "unknown argument: $1 (use no argument, or --dev [trunk serve arguments])"

PORT="${SHIRUBE_SERVE_PORT:-8080}"
bash scripts/setup.sh
if [[ -f dist/index.html && -f "$SHIRUBE_DIST_STAMP" && "$(cat "$SHIRUBE_DIST_STAMP")" == "$(source_fingerprint)" ]]; then
  log "dist/ is the release build of these sources (skip the build)"
else
  env SHIRUBE_SKIP_SETUP=1 bash scripts/build.sh
fi
log "serving dist/ → http://127.0.0.1:$PORT/"
exec env E2E_PORT="$PORT" E2E_BASE_PATH=/ E2E_DIST=dist node tests/e2e/static-server.mjs
