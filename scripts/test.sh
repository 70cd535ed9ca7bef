#!/usr/bin/env bash
# Runs every test, stopping at the first failure (non-zero exit):
#   1. setup   set-up, including the browsers (Debian's chromium, firefox-esr, WebKitGTK) and drivers
#   2. lint    formatting:            cargo fmt --check (rustfmt.toml)
#              native lints:          cargo clippy --all-targets -- -D warnings
#              wasm lints:            cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
#                                     (the UI is compiled for wasm only, so both targets are linted)
#   3. native  native tests:          cargo test
#   4. wasm    in-browser wasm tests: cargo test --target wasm32-unknown-unknown --tests
#                                     (wasm-bindgen-test-runner: headless chromium via chromedriver,
#                                     then headless firefox-esr via geckodriver)
#   5. build   release build:         scripts/build.sh -> dist/
#              size gate:             scripts/size-gate.mjs (the first visit within its budget,
#                                     every lazily loaded part's size, a warning for a part grown
#                                     by more than 10 % against scripts/sizes.json)
#   6. e2e     end-to-end tests:      Playwright against dist/ served under a sub-path (Chromium,
#                                     with the axe accessibility scans)
#   7. bench   benchmark, smoke:      scripts/bench.sh --smoke against dist/ (every figure once on
#                                     small data; fails when a figure is missing, budgets not held)
#   8. firefox daily flows in Firefox: tests/webdriver/ (selenium-webdriver + geckodriver)
#   9. webkit  daily flows in WebKit:  tests/webdriver/ (WebKitWebDriver + MiniBrowser, under xvfb-run)
# and prints how long each phase took.
#
#   bash scripts/test.sh                 # everything (what .ci/run does)
#   bash scripts/test.sh lint native     # only the named phases (setup lint native wasm build e2e bench firefox webkit)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$SHIRUBE_ROOT"
SHIRUBE_TIMINGS_TITLE="Test phases"

ALL_PHASES=(setup lint native wasm build e2e bench firefox webkit)
if [[ $# -eq 0 ]]; then
  PHASES=("${ALL_PHASES[@]}")
else
  PHASES=("$@")
  for p in "${PHASES[@]}"; do
    [[ " ${ALL_PHASES[*]} " == *" $p "* ]] || die "unknown phase '$p' (phases: ${ALL_PHASES[*]})"
  done
fi
want() { [[ " ${PHASES[*]} " == *" $1 "* ]]; }

# wasm-bindgen-test-runner picks its browser by the driver variable set (webdriver.json holds
# both browsers' options).
wasm_tests_in() {
  env "$@" WASM_BINDGEN_TEST_DRIVER_TIMEOUT=60 WASM_BINDGEN_TEST_TIMEOUT=120 \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    cargo test --target wasm32-unknown-unknown --tests
}

# The WebDriver suites, one browser at a time (each test file in order: they share its session);
# WebKitGTK needs a display (Xvfb).
WEBDRIVER_SUITE=(node --test --test-concurrency=1 tests/webdriver/)

phase_e2e() {
  # The full run forbids test.only (a leftover .only would silently skip the rest).
  SHIRUBE_FULL_TEST=1 playwright test
}

want setup  && run_step "set-up (scripts/setup.sh --browser)" bash scripts/setup.sh --browser
want lint   && run_step "format check (cargo fmt --check)" cargo fmt --check
want lint   && run_step "native lints (cargo clippy)" cargo clippy --all-targets -- -D warnings
want lint   && run_step "wasm lints (cargo clippy, wasm32)" \
  cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
want native && run_step "native tests (cargo test)" cargo test
want wasm   && run_step "browser wasm tests in chromium (wasm-bindgen-test-runner)" \
  wasm_tests_in CHROMEDRIVER=/usr/bin/chromedriver
want wasm   && run_step "browser wasm tests in firefox (wasm-bindgen-test-runner)" \
  wasm_tests_in GECKODRIVER="$(command -v geckodriver)"
want build  && run_step "release build (scripts/build.sh)" env SHIRUBE_SKIP_SETUP=1 bash scripts/build.sh
want build  && run_step "size gate: the first visit's bytes (scripts/size-gate.mjs)" node scripts/size-gate.mjs dist
want e2e    && run_step "end-to-end tests (Playwright)" phase_e2e
want bench  && run_step "benchmark, smoke (scripts/bench.sh --smoke)" bash scripts/bench.sh --smoke
want firefox && run_step "daily flows in firefox (WebDriver)" env SHIRUBE_BROWSER=firefox "${WEBDRIVER_SUITE[@]}"
want webkit && run_step "daily flows in webkit (WebDriver, xvfb-run)" \
  xvfb-run -a -s "-screen 0 1280x1024x24" env SHIRUBE_BROWSER=webkit "${WEBDRIVER_SUITE[@]}"

print_timings "$SHIRUBE_TIMINGS_TITLE: all passed"
