#!/usr/bin/env node
// Where the wasm-split-cli built from this checkout's vendor/wasm-split-cli lives: a folder named by
// a hash of the files it is built from, beside cargo's own installs (<cargo home>/shirube/wasm-split-cli-<hash>,
// the cargo home being $CARGO_INSTALL_ROOT, else $CARGO_HOME, else ~/.cargo, as for `cargo install`).
// scripts/setup.sh builds it there when it is missing (`node scripts/wasm-split-tool.mjs` prints the
// folder), and scripts/wasm-split.mjs runs it from there. So a changed copy is always built anew,
// and checkouts with different copies on one machine do not replace each other's program.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WASM_SPLIT_SOURCE = 'vendor/wasm-split-cli';

/** The folder `cargo install --root` puts wasm-split-cli in, and the program in it. */
export function wasmSplitCli() {
  // What the program is built from (tracked and new files, not ignored ones): not the tests or the
  // Markdown files, so a change to those does not make the set-up build the same program again.
  const sources = ['src', 'Cargo.toml', 'Cargo.lock'].map((f) => `${WASM_SPLIT_SOURCE}/${f}`);
  const files = execFileSync('git', ['ls-files', '-z', '-co', '--exclude-standard', '--', ...sources], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((f) => f && fs.existsSync(path.join(ROOT, f)))
    .sort();
  if (files.length === 0) throw new Error(`${WASM_SPLIT_SOURCE} has no files (is ${ROOT} a git checkout?)`);
  const hash = createHash('sha256');
  for (const f of files) {
    hash.update(`${f}\0`);
    hash.update(createHash('sha256').update(fs.readFileSync(path.join(ROOT, f))).digest());
  }
  const home = process.env.CARGO_INSTALL_ROOT || process.env.CARGO_HOME || path.join(os.homedir(), '.cargo');
  const root = path.join(path.resolve(home), 'shirube', `wasm-split-cli-${hash.digest('hex').slice(0, 16)}`);
  return { root, bin: path.join(root, 'bin', 'wasm-split-cli') };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(wasmSplitCli().root);
}
