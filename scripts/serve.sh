#!/usr/bin/env bash
# Installs what is missing (scripts/setup.sh), then serves the app with Trunk at
# http://127.0.0.1:8080/ (rebuilds and reloads on changes; Ctrl-C stops it).
#
#   bash scripts/serve.sh [extra trunk serve arguments, e.g. --release]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$SHIRUBE_ROOT"

bash scripts/setup.sh
mkdir -p test-results target   # Trunk.toml's [watch] ignore list names them, and Trunk wants them to exist
log "trunk serve → http://127.0.0.1:8080/ (address and port are in Trunk.toml)"
exec trunk serve "$@"
