// The set-up script's own test (scripts/test.sh, phase "harness"): the README's two commands run
// in order, as a newcomer runs them on a machine that has neither the tools nor the browsers.
// The first (`bash scripts/serve.sh`) installs the tools; the second (`bash scripts/test.sh`,
// its phase "setup") then finds every tool installed, so every step but the browsers' is instant,
// and its wait for apt, started in the background at the start, comes at once.
//
// The scripts run as they are, copied into a folder of their own with stubs on PATH for every
// tool they call (rustup, cargo, node, npm, trunk, apt-get …): apt-get's install sleeps, fails or
// kills the job that runs it, as the case asks. Nothing is installed; about 15 s.
//
//   node --test tests/setup/
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCRIPTS = ['lib.sh', 'setup.sh', 'serve.sh', 'test.sh'];
const WASM_BINDGEN = '0.2.100';

/** Every command the set-up calls but the shell's own, as a script printing what the set-up
 *  looks for. apt-get's install does what SHIRUBE_STUB_APT says: `sleep N`, `fail N` (exit N)
 *  or `kill` (ends the background job that runs it before the job can write its status). */
const STUBS = {
  rustup: `case "$1 $2" in
  "target list") echo wasm32-unknown-unknown ;;
  "component list") printf 'clippy-x86_64-unknown-linux-gnu\\nrustfmt-x86_64-unknown-linux-gnu\\n' ;;
  *) echo "stub rustup: unexpected $*" >&2; exit 1 ;;
esac`,
  cargo: `case "$1" in
  --version) echo "cargo 1.95.0 (stub)" ;;
  fetch) ;;
  *) echo "stub cargo: unexpected $*" >&2; exit 1 ;;
esac`,
  rustc: 'echo "rustc 1.95.0 (stub)"',
  node: `case "$1" in
  -p) echo 20 ;;
  --version) echo v20.0.0 ;;
  scripts/wasm-split-tool.mjs) echo "$SHIRUBE_ROOT/tools/wasm-split" ;;
  tests/e2e/static-server.mjs) echo "stub: serving dist/" ;;
  *) echo "stub node: unexpected $*" >&2; exit 1 ;;
esac`,
  npm: `case "$1" in
  --version) echo 11.0.0 ;;
  ci) mkdir -p node_modules/.bin node_modules/echarts && echo '{}' >node_modules/echarts/package.json
      for b in wasm-opt esbuild; do cp "$(command -v wasm-opt)" "node_modules/.bin/$b"; done ;;
  *) echo "stub npm: unexpected $*" >&2; exit 1 ;;
esac`,
  trunk: 'echo "trunk 0.21.14"',
  'wasm-bindgen': `echo "wasm-bindgen ${WASM_BINDGEN}"`,
  'wasm-bindgen-test-runner': `echo "wasm-bindgen-test-runner ${WASM_BINDGEN}"`,
  'wasm-opt': 'echo "wasm-opt version 132 (stub)"',
  geckodriver: 'echo "geckodriver 0.37.1 (stub)"',
  id: 'echo 0',
  // Nothing installed, until apt has run.
  'dpkg-query': `case "$*" in
  *Version*) echo "2.50-stub" ;;
  *) exit 1 ;;
esac`,
  'apt-get': `case "$*" in
  *install*) echo "stub apt-get: installing $*"
    case "$SHIRUBE_STUB_APT" in
      sleep\\ *) sleep "\${SHIRUBE_STUB_APT#sleep }" ;;
      fail\\ *) echo "E: stub apt-get failed" >&2; exit "\${SHIRUBE_STUB_APT#fail }" ;;
      kill) job="$(awk '{ print $4 }' /proc/$PPID/stat)"; kill -9 "$job" ;;
    esac ;;
esac`,
};

/** A folder with the scripts as they are, the files they read, the stubs and a dist/ that is
 *  the build of these sources (so that serve.sh serves it without building). */
function sandbox() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'shirube-setup-'));
  fs.mkdirSync(path.join(root, 'scripts'));
  for (const s of SCRIPTS) fs.copyFileSync(path.join(REPO, 'scripts', s), path.join(root, 'scripts', s));
  fs.writeFileSync(path.join(root, 'Cargo.lock'), `[[package]]\nname = "wasm-bindgen"\nversion = "${WASM_BINDGEN}"\n`);
  fs.writeFileSync(path.join(root, 'package.json'), '{}\n');
  fs.writeFileSync(path.join(root, 'package-lock.json'), '{}\n');
  const bin = path.join(root, 'stubs', 'bin');
  fs.mkdirSync(bin, { recursive: true });
  for (const [name, body] of Object.entries(STUBS)) {
    fs.writeFileSync(path.join(bin, name), `#!/usr/bin/env bash\n${body}\n`, { mode: 0o755 });
  }
  const split = path.join(root, 'tools', 'wasm-split', 'bin');
  fs.mkdirSync(split, { recursive: true });
  fs.writeFileSync(path.join(split, 'wasm-split-cli'), '#!/usr/bin/env bash\necho "--compact-loader"\n', { mode: 0o755 });
  fs.mkdirSync(path.join(root, 'dist'));
  fs.writeFileSync(path.join(root, 'dist', 'index.html'), '<!doctype html>\n');
  run(root, ['-c', 'git init -q . && mkdir -p target && source scripts/lib.sh && source_fingerprint >"$SHIRUBE_DIST_STAMP"'], {});
  return root;
}

/** Runs bash in the sandbox with the stubs first on PATH (the cargo install directory, which
 *  lib.sh puts in front, is the stubs' too); returns its status, output and seconds. */
function run(root, args, env) {
  const t0 = Date.now();
  const r = spawnSync('bash', args, {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      ...process.env,
      PATH: `${path.join(root, 'stubs', 'bin')}:${process.env.PATH}`,
      CARGO_INSTALL_ROOT: path.join(root, 'stubs'),
      SHIRUBE_ROOT: root,
      ...env,
    },
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}`, secs: (Date.now() - t0) / 1000 };
}

/** The README's two commands in order: the first must pass, the second's set-up is returned. */
function bothCommands(apt) {
  const root = sandbox();
  try {
    const serve = run(root, ['scripts/serve.sh'], {});
    assert.equal(serve.status, 0, `bash scripts/serve.sh:\n${serve.out}`);
    assert.match(serve.out, /dist\/ is the release build of these sources/);
    assert.match(serve.out, /stub: serving dist\//);
    return run(root, ['scripts/test.sh', 'setup'], { SHIRUBE_STUB_APT: apt });
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

test('the second command right after the first waits for apt, however long it takes', () => {
  const second = bothCommands('sleep 4');
  assert.equal(second.status, 0, `bash scripts/test.sh setup:\n${second.out}`);
  assert.match(second.out, /✔ browsers: .* \(apt, begun at the start\)/);
  assert.match(second.out, /stub apt-get: installing/, "apt's output is shown");
  assert.ok(second.secs >= 4, `it waited for apt (${second.secs} s)`);
});

test('an install done before its step is taken as it is', () => {
  const second = bothCommands('sleep 0');
  assert.equal(second.status, 0, `bash scripts/test.sh setup:\n${second.out}`);
  assert.match(second.out, /✔ browsers: /);
});

test('a failed install fails its step with apt\u2019s status and output', () => {
  const second = bothCommands('fail 100');
  assert.equal(second.status, 100, second.out);
  assert.match(second.out, /✘ browsers: .* failed with exit status 100/);
  assert.match(second.out, /E: stub apt-get failed/);
});

test('an install killed before it could say how it ended fails its step, saying so', () => {
  const second = bothCommands('kill');
  assert.notEqual(second.status, 0, second.out);
  assert.match(second.out, /ended without writing its exit status/);
  assert.match(second.out, /✘ browsers: /);
});
