#!/usr/bin/env node
// Trunk's post_build hook: cuts the app's wasm into a main module and lazily loaded parts, so a
// first visit downloads only what the start page needs. The parts declared with `split!`
// (src/ui/browser/parts.rs: actions, editor, overview, files, region, the list's extras and the big
// libraries) arrive when first used, each with the code it shares with others in shared chunks.
//
// Trunk builds the crate (cargo, with `-Clink-args=--emit-relocs` from .cargo/config.toml) and
// writes index.html into its staging folder; then this script
//   1. runs wasm-split-cli (vendor/wasm-split-cli, built by scripts/setup.sh where
//      scripts/wasm-split-tool.mjs says) on cargo's wasm (target/wasm32-unknown-unknown/<profile>/
//      shirube.wasm) → the main module, one module per lazy page, the shared parts and
//      __wasm_split.js (the loader, which fetches a part when a lazy function is first called);
//   2. runs wasm-bindgen on the main module (--keep-lld-exports: the parts link to its exports);
//   3. release only: wasm-opt -Oz on every module (as Trunk would have; data-wasm-opt="0" in
//      index.html stops Trunk doing it on the uncut wasm);
//   4. puts everything in staging/wasm-<hash of the contents>/ — the parts must come from the
//      same build as the main module, and a new name per build keeps HTTP caches from mixing
//      two builds — and points index.html's start-up script at it, replacing Trunk's glue and wasm.
// The start-up script keeps Trunk's shape (`import init, * as bindings from '…'`,
// `module_or_path: '…'`), which scripts/sw-build.mjs reads. Needs no network.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { WASM_SPLIT_SOURCE, wasmSplitCli } from './wasm-split-tool.mjs';
import { VISITS } from './size-gate.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CRATE = 'shirube';
/** binaryen's version, from its package (pinned in package.json). */
const WASM_OPT_VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'binaryen', 'package.json'), 'utf8')).version;
const log = (msg) => console.log(`[wasm-split] ${msg}`);
function fail(msg) {
  console.error(`[wasm-split] error: ${msg}`);
  process.exit(1);
}

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) fail('TRUNK_STAGING_DIR is not set: this runs as Trunk\'s post_build hook (Trunk.toml)');
const profile = process.env.TRUNK_PROFILE === 'release' ? 'release' : 'debug';
const targetDir = process.env.CARGO_TARGET_DIR ? path.resolve(process.env.CARGO_TARGET_DIR) : path.join(ROOT, 'target');
const input = path.join(targetDir, 'wasm32-unknown-unknown', profile, `${CRATE}.wasm`);
if (!fs.existsSync(input)) fail(`${input} does not exist (did Trunk's cargo build run?)`);

const work = path.join(targetDir, 'wasm-split', profile);
const splitDir = path.join(work, 'split');
const pkgDir = path.join(work, 'pkg');
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(pkgDir, { recursive: true });

const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });

// 1. cut. The shared chunks are merged by the visits that load them (size-gate.mjs's `VISITS`,
//    the one list of which parts each visit fetches): chunks loaded by the same visits
//    become one chunk whatever their size (what a part no visit lists shares — print, the
//    workbooks, the workshop, the hand-out, the publisher — one chunk apart), and no chunk joins
//    one that other visits load. So each visit loads exactly the code its parts use, in at most
//    16 shared chunks, and a change to one part's code moves no bytes into a visit that does not
//    load it. The chunks no visit loads are merged below 16 KB of code (before wasm-opt) into the
//    chunk whose merge loads the fewest unneeded bytes (merging every chunk so, a change of a few
//    KB could move tens of KB of generic code into every visit).
//    The loader, which every first visit fetches, is written compactly: no comment lines (wasm-split
//    writes a list of splits above each shared part),
//    one `part(file)` instead of ~600 copies of the same five lines, the shared parts in a table by
//    number and each page's list of them as ranges (`d("26-152,212")`); `part` measures each part's
//    fetch to its instantiation as `shirube:part:<file>`, which the benchmark reads.
const MIN_CHUNK_SIZE = 16_000;
const splitter = wasmSplitCli();
if (!fs.existsSync(splitter.bin)) fail(`${splitter.bin} is missing: bash scripts/setup.sh builds ${WASM_SPLIT_SOURCE} as it is now`);
const visits = Object.entries(VISITS).flatMap(([visit, parts]) => ['--visit', `${visit}=${parts.join(',')}`]);
run(splitter.bin, [input, splitDir, '--target', 'web', '--out-name', CRATE, '--min-chunk-size', String(MIN_CHUNK_SIZE), ...visits, '--compact-loader', '--measure-prefix', 'shirube:part:']);
// 2. bind the main module
run('wasm-bindgen', [path.join(splitDir, `${CRATE}.wasm`), '--out-dir', pkgDir, '--out-name', CRATE, '--target', 'web', '--keep-lld-exports', '--no-typescript']);
for (const f of fs.readdirSync(splitDir)) {
  if (f !== `${CRATE}.wasm`) fs.copyFileSync(path.join(splitDir, f), path.join(pkgDir, f));
}
const wasmFiles = fs.readdirSync(pkgDir).filter((f) => f.endsWith('.wasm')).sort();

// 3. optimise (release): wasm-opt -Oz with the feature flags rustc 1.95 needs, through binaryen's
//    JS API in this one process (npm's binaryen is binaryen compiled to wasm: the CLI started a
//    Node process and its 10 MB module per part, ~540 parts in 360 s on 2 cores; in-process
//    the same passes take a fraction of that). SHIRUBE_WASM_NAMES=1 keeps the function names
//    (wasm-opt -g), for a browser profile that says which Rust function costs what.
const KEEP_NAMES = process.env.SHIRUBE_WASM_NAMES === '1';
async function optimise() {
  // binaryen takes its error printer from console.error when it loads: a part's name section
  // (subsection 3, which binaryen does not read) would say so once per part.
  const printError = console.error;
  console.error = (...args) => {
    if (!/^warning: unknown name subsection/.test(String(args[0]))) printError(...args);
  };
  const binaryen = (await import(path.join(ROOT, 'node_modules', 'binaryen', 'index.js'))).default;
  console.error = printError;
  const F = binaryen.Features;
  // = --enable-bulk-memory (which brings bulk-memory-opt) --enable-nontrapping-float-to-int
  //   --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue
  const features = F.BulkMemory | F.BulkMemoryOpt | F.NontrappingFPToInt | F.SignExt | F.MutableGlobals | F.ReferenceTypes | F.Multivalue;
  binaryen.setOptimizeLevel(2);
  binaryen.setShrinkLevel(2); // -Oz
  // = --low-memory-unused: the first 1 KB of memory is not used (rustc's wasm32 puts the data at
  // 1 MiB and the stack below it, growing down: only a stack 1023 KB deep would reach it), so a
  // constant added to an address can be folded into the load's or store's offset. Measured on
  // the start-up module (2026-11-26): 214,010 → 213,116 B gzipped (-894 B).
  binaryen.setLowMemoryUnused(true);
  binaryen.setDebugInfo(KEEP_NAMES);
  for (const f of wasmFiles) {
    const file = path.join(pkgDir, f);
    const module = binaryen.readBinary(fs.readFileSync(file));
    try {
      module.setFeatures(features);
      module.optimize();
      fs.writeFileSync(file, module.emitBinary());
    } catch (e) {
      throw new Error(`wasm-opt ${f}: ${e.message}`);
    } finally {
      module.dispose();
    }
  }
}
if (profile === 'release') {
  const t = Date.now();
  await optimise().catch((e) => fail(e.message));
  log(`wasm-opt -Oz (binaryen ${WASM_OPT_VERSION}, in-process) on ${wasmFiles.length} modules: ${((Date.now() - t) / 1000).toFixed(1)} s`);
}
for (const f of wasmFiles) {
  if (!WebAssembly.validate(fs.readFileSync(path.join(pkgDir, f)))) fail(`${f} is not a valid WebAssembly module`);
}

// wasm-bindgen's glue, which every first visit fetches, minified by esbuild (11.1 → 9.6 KB
// gzipped), then put back in the shape web/assemble.js reads when it inlines the glue into one
// HTML file: the part loader's import on a line of its own, the exports on the last line, and
// the two names the boot code and the loader call (`__wbg_init`, `initSync`) at the top level.
{
  const glue = path.join(pkgDir, `${CRATE}.js`);
  const esbuild = await import('esbuild');
  const minified = await esbuild
    .transform(oneLoaderImport(fs.readFileSync(glue, 'utf8')), { format: 'esm', target: 'es2020', legalComments: 'none', minify: true })
    .catch((e) => fail(`esbuild on ${CRATE}.js: ${e.message}`));
  fs.writeFileSync(glue, reshapeGlue(minified.code));
}

/** wasm-bindgen imports the part loader once per part, every time the same module: once. */
function oneLoaderImport(code) {
  const imports = [...code.matchAll(/^import \* as (\w+) from "\.\/__wasm_split\.js";?\n/gm)];
  if (imports.length < 2) return code;
  const others = imports.slice(1).map((m) => m[1]);
  for (const m of imports.slice(1)) code = code.replace(m[0], '');
  const entries = new RegExp(`^[ \\t]*"\\./__wasm_split\\.js": (?:${others.join('|')}),?\\n`, 'gm');
  code = code.replace(entries, '');
  if (others.some((name) => new RegExp(`\\b${name}\\b`).test(code))) fail(`${CRATE}.js: a part loader import is used in a way this script does not know`);
  return code;
}

/** The minified glue as web/assemble.js reads it (see above). */
function reshapeGlue(code) {
  const loader = code.match(/^import\*as (\w+) from"\.\/__wasm_split\.js";/);
  if ((code.match(/from"\.\/__wasm_split\.js"/g) ?? []).length > 1) fail(`${CRATE}.js: the part loader is imported more than once`);
  const exported = code.match(/export\{([^}]*)\};?\s*$/);
  if (!exported) fail(`${CRATE}.js: the minified glue has no export list at its end`);
  const pairs = exported[1].split(',').map((p) => {
    const [local, name] = p.split(' as ');
    return [local, name ?? local];
  });
  const local = (name) => pairs.find(([, n]) => n === name)?.[0] ?? fail(`${CRATE}.js exports no ${name}`);
  const aliases = [['__wbg_init', local('default')], ['initSync', local('initSync')]].filter(([n, l]) => n !== l);
  const body = code.slice(loader ? loader[0].length : 0, exported.index);
  const names = pairs.map(([l, n]) => (n === 'default' ? '__wbg_init as default' : n === 'initSync' || l === n ? n : `${l} as ${n}`));
  return [
    ...(loader ? [`import * as ${loader[1]} from "./__wasm_split.js";`] : []),
    body,
    ...(aliases.length ? [`const ${aliases.map(([n, l]) => `${n}=${l}`).join(',')};`] : []),
    `export { ${names.join(', ')} };`,
    '',
  ].join('\n');
}

// 4. into staging, named by content
const files = fs.readdirSync(pkgDir).sort();
const hash = createHash('sha256');
for (const f of files) {
  hash.update(`${f}\0`);
  hash.update(fs.readFileSync(path.join(pkgDir, f)));
}
const dirName = `wasm-${hash.digest('hex').slice(0, 16)}`;
const outDir = path.join(staging, dirName);
fs.mkdirSync(outDir, { recursive: true });
for (const f of files) fs.copyFileSync(path.join(pkgDir, f), path.join(outDir, f));

const htmlPath = path.join(staging, 'index.html');
let html = fs.readFileSync(htmlPath, 'utf8');
const trunkGlue = [...html.matchAll(/import init, \* as bindings from '\.\/([^']+\.js)'/g)].map((m) => m[1]);
const trunkWasm = [...html.matchAll(/module_or_path: '\.\/([^']+\.wasm)'/g)].map((m) => m[1]);
if (trunkGlue.length !== 1 || trunkWasm.length !== 1) fail('index.html: Trunk\'s start-up script was not found once');
html = html
  .replaceAll(`'./${trunkGlue[0]}'`, `'./${dirName}/${CRATE}.js'`)
  .replaceAll(`'./${trunkWasm[0]}'`, `'./${dirName}/${CRATE}_bg.wasm'`)
  // Trunk's preloads name its own files (with their integrity hashes): preload ours instead.
  .replace(/<link rel="modulepreload"[^>]*>/, `<link rel="modulepreload" href="./${dirName}/${CRATE}.js"><link rel="modulepreload" href="./${dirName}/__wasm_split.js">`)
  .replace(/<link rel="preload" href="\.\/[^"]+\.wasm"[^>]*>/, `<link rel="preload" href="./${dirName}/${CRATE}_bg.wasm" crossorigin="anonymous" as="fetch" type="application/wasm">`);
if (html.includes(trunkGlue[0]) || html.includes(trunkWasm[0])) fail('index.html still names Trunk\'s uncut wasm or glue');
fs.writeFileSync(htmlPath, html);
for (const f of [trunkGlue[0], trunkWasm[0]]) fs.rmSync(path.join(staging, f), { force: true });

const gz = (f) => zlib.gzipSync(fs.readFileSync(path.join(outDir, f)), { level: 9 }).length;
const parts = wasmFiles.filter((f) => f !== `${CRATE}_bg.wasm`);
log(`${dirName}/: main ${gz(`${CRATE}_bg.wasm`)} B gzipped, ${parts.length} lazily loaded parts ${parts.reduce((n, f) => n + gz(f), 0)} B gzipped`);
