#!/usr/bin/env bash
# Installs what building, serving and testing Shirube needs, skipping whatever
# is already installed at the right version (a second run takes a second or two).
#
#   bash scripts/setup.sh            # Rust wasm target, clippy + rustfmt, Trunk, wasm-bindgen CLI, npm packages
#   bash scripts/setup.sh --browser  # ... and the browsers the tests drive, all from Debian: chromium +
#                                    # chromium-driver, firefox-esr (+ geckodriver from crates.io),
#                                    # WebKitGTK's MiniBrowser + WebKitWebDriver, xvfb, fonts-noto-cjk
#
# Needs only rustup, cargo, node (>= 20) and npm on a Debian 12 machine; every
# tool comes from crates.io, npm or Debian (nothing is downloaded from elsewhere).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$SHIRUBE_ROOT"

TRUNK_VERSION="0.21.14"   # 0.22.x needs rustc >= 1.96; this machine has 1.95
# Cuts the wasm into a main module and lazily loaded parts (scripts/wasm-split.mjs): crates.io's
# wasm_split_cli_support 0.2.4 with Shirube's changes (a size floor for shared chunks, the loader
# written compactly), vendored in vendor/wasm-split-cli (its SHIRUBE.md) and built from there into a
# folder named by a hash of its files (scripts/wasm-split-tool.mjs). Its split format must match the
# wasm_split_helpers that leptos pulls in (0.2.x in Cargo.lock).
WASM_SPLIT_DIR="vendor/wasm-split-cli"
WASM_TARGET="wasm32-unknown-unknown"
# Drives Debian's firefox-esr (the Firefox suite, and the wasm tests in Firefox).
GECKODRIVER_VERSION="0.37.1"
BROWSER_PACKAGES=(chromium chromium-driver fonts-noto-cjk poppler-utils firefox-esr webkit2gtk-driver xvfb xauth)
WITH_BROWSER=0
# The tools built from crates.io share one target directory, kept between runs: the crates they
# have in common (serde, syn, tokio, clap …) compile once, and a tool built again at another
# version reuses what did not change. `cargo install` otherwise builds each in a temporary one.
TOOLS_TARGET="$SHIRUBE_ROOT/target/tools"

for arg in "$@"; do
  case "$arg" in
    --browser|--with-browser|--test) WITH_BROWSER=1 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) die "unknown argument: $arg (use --browser or --help)" ;;
  esac
done

SHIRUBE_TIMINGS_TITLE="Set-up timings"

check_prerequisites() {
  local cmd missing=()
  for cmd in rustup cargo node npm; do
    command -v "$cmd" >/dev/null 2>&1 || missing+=("$cmd")
  done
  [[ ${#missing[@]} -eq 0 ]] || die "missing: ${missing[*]} (install rustup, cargo, node >= 20 and npm first)"
  local node_major
  node_major="$(node -p 'process.versions.node.split(".")[0]')"
  [[ "$node_major" -ge 20 ]] || die "node $(node --version) is too old; Playwright needs node >= 20"
  echo "cargo: $(cargo --version)"
  echo "rustc: $(rustc --version)"
  echo "node:  $(node --version), npm $(npm --version 2>/dev/null)"
  echo "cargo installs go to: $SHIRUBE_CARGO_BIN"
}

ensure_wasm_target() {
  if rustup target list --installed | grep -qx "$WASM_TARGET"; then
    echo "rust target $WASM_TARGET: installed (skip)"
  else
    rustup target add "$WASM_TARGET"
  fi
}

ensure_rust_components() {
  # clippy and rustfmt: the "lint" phase of scripts/test.sh (cargo clippy, cargo fmt --check).
  local installed c missing=()
  installed="$(rustup component list --installed)"
  for c in clippy rustfmt; do
    if grep -qE "^$c(-|$)" <<<"$installed"; then
      echo "rust component $c: installed (skip)"
    else
      missing+=("$c")
    fi
  done
  [[ ${#missing[@]} -eq 0 ]] || rustup component add "${missing[@]}"
}

ensure_trunk() {
  local have
  have="$(trunk --version 2>/dev/null || true)"
  if [[ "$have" == "trunk $TRUNK_VERSION" ]]; then
    echo "$have: installed (skip)"
  else
    echo "trunk: found '${have:-nothing}', want $TRUNK_VERSION; building it from crates.io (about 6 minutes on 2 cores)"
    # Without its default features: TLS (rustls) and the update check are for `trunk serve --tls`
    # and a crates.io query; the build runs offline (Trunk.toml) with its tools on PATH.
    cargo install trunk --version "$TRUNK_VERSION" --locked --no-default-features --target-dir "$TOOLS_TARGET"
    [[ "$(trunk --version)" == "trunk $TRUNK_VERSION" ]] || die "trunk on PATH is $(command -v trunk): $(trunk --version)"
  fi
}

ensure_wasm_bindgen() {
  local want have_cli have_runner
  want="$(locked_wasm_bindgen_version)"
  [[ -n "$want" ]] || die "no wasm-bindgen in Cargo.lock"
  have_cli="$(wasm-bindgen --version 2>/dev/null || true)"
  have_runner="$(wasm-bindgen-test-runner --version 2>/dev/null || true)"
  if [[ "$have_cli" == "wasm-bindgen $want" && "$have_runner" == *" $want"* ]]; then
    echo "$have_cli (+ wasm-bindgen-test-runner): installed (skip)"
  else
    echo "wasm-bindgen: found '${have_cli:-nothing}', Cargo.lock wants $want; building wasm-bindgen-cli (about 2 minutes)"
    # Not --locked: with --locked 0.2.130 fails (a locked dependency is missing from the registry).
    cargo install wasm-bindgen-cli --version "$want" --force --target-dir "$TOOLS_TARGET"
    [[ "$(wasm-bindgen --version)" == "wasm-bindgen $want" ]] || die "wasm-bindgen on PATH is $(command -v wasm-bindgen): $(wasm-bindgen --version)"
  fi
}

fetch_crates() {
  # Trunk runs cargo with --offline (Trunk.toml: offline = true), so every crate,
  # for the wasm target too, must be downloaded beforehand. Quick when they are.
  cargo fetch
}

npm_stamp_value() {
  { cat package.json package-lock.json; node --version; } | sha256sum | cut -d' ' -f1
}

ensure_wasm_split() {
  # Built from this checkout's copy into a folder named by a hash of its files, where
  # scripts/wasm-split.mjs runs it from: a changed copy is built anew, an unchanged one is skipped,
  # and another checkout with another copy keeps its own. The folder appears whole or not at all.
  local root partial
  root="$(node scripts/wasm-split-tool.mjs)"
  if [[ -x "$root/bin/wasm-split-cli" ]]; then
    echo "wasm-split-cli ($WASM_SPLIT_DIR): installed in $root (skip)"
  else
    echo "wasm-split-cli: building $WASM_SPLIT_DIR into $root (wasm_split_cli_support 0.2.4 with Shirube's changes; about 1 minute)"
    partial="$root.partial-$$"
    rm -rf "$partial"
    cargo install --path "$WASM_SPLIT_DIR" --locked --features build-binary --no-track --root "$partial" \
      --target-dir "$TOOLS_TARGET"
    mv -T "$partial" "$root" 2>/dev/null || rm -rf "$partial"   # or another set-up was quicker
  fi
  [[ "$("$root/bin/wasm-split-cli" --help)" == *--compact-loader* ]] \
    || die "$root/bin/wasm-split-cli is not the one of $WASM_SPLIT_DIR (no --compact-loader)"
}

ensure_npm_packages() {
  local stamp_file="node_modules/.shirube-npm-stamp" want
  [[ -f package-lock.json ]] || die "package-lock.json is missing"
  want="$(npm_stamp_value)"
  if [[ -d node_modules && -f "$stamp_file" && "$(cat "$stamp_file")" == "$want" \
        && -x node_modules/.bin/wasm-opt && -x node_modules/.bin/esbuild && -f node_modules/echarts/package.json ]]; then
    echo "npm packages: up to date with package-lock.json (skip)"
  else
    npm ci --no-audit --no-fund
    echo "$want" > "$stamp_file"
  fi
  echo "wasm-opt: $(wasm-opt --version) ($(command -v wasm-opt))"
}

browser_packages_present() {
  local p
  for p in "${BROWSER_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || return 1
  done
}

ensure_browser() {
  if browser_packages_present; then
    echo "${BROWSER_PACKAGES[*]}: installed (skip)"
  else
    local sudo=()
    if [[ "$(id -u)" -ne 0 ]]; then
      command -v sudo >/dev/null 2>&1 || die "not root and no sudo: install ${BROWSER_PACKAGES[*]} as root"
      sudo=(sudo)
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${BROWSER_PACKAGES[@]}"
  fi
  echo "$(/usr/bin/firefox-esr --version 2>/dev/null); WebKitGTK $(dpkg-query -W -f='${Version}' webkit2gtk-driver)"
  local chromium_v driver_v
  chromium_v="$(/usr/bin/chromium --version 2>/dev/null | grep -oE '[0-9]+\.[0-9.]+' | head -1)"
  driver_v="$(/usr/bin/chromedriver --version 2>/dev/null | grep -oE '[0-9]+\.[0-9.]+' | head -1)"
  echo "chromium $chromium_v, chromedriver $driver_v"
  [[ "${chromium_v%%.*}" == "${driver_v%%.*}" ]] || die "chromium ($chromium_v) and chromedriver ($driver_v) major versions differ"
}

ensure_geckodriver() {
  local have
  have="$(geckodriver --version 2>/dev/null || true)"
  if [[ "${have%%$'\n'*}" == "geckodriver $GECKODRIVER_VERSION"* ]]; then
    echo "geckodriver $GECKODRIVER_VERSION: installed (skip)"
  else
    echo "geckodriver: found '${have%%$'\n'*}', want $GECKODRIVER_VERSION; building it from crates.io (about 3 minutes on 2 cores)"
    cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked --target-dir "$TOOLS_TARGET"
  fi
}

run_step "prerequisites" check_prerequisites
# The browsers come from Debian while the tools compile: apt waits on the network and the disk,
# the compiles on the two cores. Its output is shown, and its status checked, in its own step below.
# That step runs in run_step's subshell, which cannot `wait` for a job of this shell: the job
# writes its exit status to a file under another name and renames it when complete, and the step
# waits for that file however early or late it comes (after a first set-up every tool is there,
# and the step starts at once, long before apt is done).
BROWSER_LOG="$(mktemp)"
BROWSER_RC="$BROWSER_LOG.rc"
if [[ $WITH_BROWSER -eq 1 ]]; then
  (
    set +e
    ( set -e; ensure_browser ) >"$BROWSER_LOG" 2>&1
    echo $? >"$BROWSER_RC.partial" && mv "$BROWSER_RC.partial" "$BROWSER_RC"
  ) &
  BROWSER_PID=$!
fi
# Whether the background job still runs (a finished job not yet reaped by this shell is a zombie).
browser_job_running() {
  [[ -r /proc/$BROWSER_PID/stat ]] || { kill -0 "$BROWSER_PID" 2>/dev/null; return; }
  [[ "$(awk '{ print $3 }' "/proc/$BROWSER_PID/stat" 2>/dev/null)" =~ ^[RSDTt]$ ]]
}
wait_for_browser() {
  local said=0
  while [[ ! -f "$BROWSER_RC" ]]; do
    if ! browser_job_running && [[ ! -f "$BROWSER_RC" ]]; then
      cat "$BROWSER_LOG"
      echo "the browsers' install (pid $BROWSER_PID) ended without writing its exit status: killed? Run scripts/setup.sh --browser again" >&2
      return 1
    fi
    if [[ $said -eq 0 ]]; then
      echo "waiting for apt (pid $BROWSER_PID; its output follows when it is done)"
      said=1
    fi
    sleep 0.5
  done
  cat "$BROWSER_LOG"
  return "$(cat "$BROWSER_RC")"
}
run_step "rustup target $WASM_TARGET" ensure_wasm_target
run_step "rustup components clippy + rustfmt" ensure_rust_components
run_step "trunk $TRUNK_VERSION" ensure_trunk
run_step "wasm-bindgen-cli $(locked_wasm_bindgen_version)" ensure_wasm_bindgen
run_step "crates (cargo fetch)" fetch_crates
run_step "wasm-split-cli ($WASM_SPLIT_DIR)" ensure_wasm_split

run_step "npm packages (npm ci)" ensure_npm_packages
if [[ $WITH_BROWSER -eq 1 ]]; then
  run_step "browsers: ${BROWSER_PACKAGES[*]} (apt, begun at the start)" wait_for_browser
  run_step "geckodriver $GECKODRIVER_VERSION (cargo install)" ensure_geckodriver
fi
print_timings "$SHIRUBE_TIMINGS_TITLE"
