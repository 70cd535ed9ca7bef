#!/usr/bin/env node
// Builds the custom ECharts that index.html loads: web/echarts.js (echarts 5.5.1 from
// node_modules, only the charts and components Shirube uses) bundled by esbuild into one
// minified script that sets the global `echarts` (what web/echarts.js exports of `echarts/core`).
//
//   node scripts/echarts.mjs          # Trunk runs this before every build (Trunk.toml [[hooks]])
//   node scripts/echarts.mjs --force  # rebuild even if nothing changed
//
// Writes (git-ignored):
//   target/echarts/echarts.shirube.min.js      the bundle, with the Apache-2.0 notice on top
//   target/echarts/echarts.shirube.LICENSE.txt the license texts of everything in the bundle
// Skips the work when its inputs (this file, web/echarts.js, the versions of echarts,
// zrender, tslib and esbuild) have not changed since the last run, and never rewrites a
// file whose content is the same, so `trunk serve` does not see a change. Works offline.
// Prints the bundle's size, raw and gzip -9, beside the full dist/echarts.min.js.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import zlib from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = path.join(ROOT, 'web', 'echarts.js');
const OUT_DIR = path.join(ROOT, 'target', 'echarts');
const OUT_JS = path.join(OUT_DIR, 'echarts.shirube.min.js');
const OUT_LICENSE = path.join(OUT_DIR, 'echarts.shirube.LICENSE.txt');
const STAMP = path.join(OUT_DIR, '.inputs.sha256');
const NODE_MODULES = path.join(ROOT, 'node_modules');
const FULL_BUILD = path.join(NODE_MODULES, 'echarts', 'dist', 'echarts.min.js');
const ECHARTS_VERSION = '5.5.1';

const t0 = performance.now();
const log = (msg) => console.log(`[echarts] ${msg}`);
function fail(msg) {
  console.error(`[echarts] error: ${msg}`);
  process.exit(1);
}

function readPackage(name) {
  const file = path.join(NODE_MODULES, name, 'package.json');
  if (!fs.existsSync(file)) fail(`node_modules/${name} is missing: run bash scripts/setup.sh (npm ci)`);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}
const readText = (...parts) => fs.readFileSync(path.join(NODE_MODULES, ...parts), 'utf8').trim();

/** Writes `content` to `file` (atomically) unless the file already holds exactly that. */
function writeIfChanged(file, content) {
  const bytes = Buffer.from(content);
  if (fs.existsSync(file) && fs.readFileSync(file).equals(bytes)) return false;
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, file);
  return true;
}

/** Raw size and `gzip -9` size (as scripts/build.sh measures; zlib's level 9 if there is no gzip). */
function sizes(file) {
  const bytes = fs.readFileSync(file);
  let gzipped;
  try {
    gzipped = execFileSync('gzip', ['-9', '-c', file], { maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    gzipped = zlib.gzipSync(bytes, { level: 9 });
  }
  return { raw: bytes.length, gzip: gzipped.length };
}
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;

function printSizes() {
  const custom = sizes(OUT_JS);
  const full = sizes(FULL_BUILD);
  log(`size (raw / gzip -9): ${path.relative(ROOT, OUT_JS)} ${custom.raw} / ${custom.gzip} B ` +
    `(${kb(custom.raw)} / ${kb(custom.gzip)}); full node_modules/echarts/dist/echarts.min.js ` +
    `${full.raw} / ${full.gzip} B (${kb(full.raw)} / ${kb(full.gzip)}); ` +
    `${Math.round((100 * custom.gzip) / full.gzip)}% of the full build gzipped`);
}

const pkgs = Object.fromEntries(['echarts', 'zrender', 'tslib', 'esbuild'].map((n) => [n, readPackage(n)]));
if (pkgs.echarts.version !== ECHARTS_VERSION) {
  fail(`node_modules/echarts is ${pkgs.echarts.version}, package.json pins ${ECHARTS_VERSION}: run bash scripts/setup.sh`);
}

const inputs = createHash('sha256');
inputs.update(fs.readFileSync(fileURLToPath(import.meta.url)));
inputs.update(fs.readFileSync(ENTRY));
for (const [name, pkg] of Object.entries(pkgs)) inputs.update(`\0${name}@${pkg.version}`);
const inputsHash = inputs.digest('hex');

const force = process.argv.includes('--force');
if (!force && fs.existsSync(OUT_JS) && fs.existsSync(OUT_LICENSE) && fs.existsSync(STAMP)
    && fs.readFileSync(STAMP, 'utf8').trim() === inputsHash) {
  log(`${path.relative(ROOT, OUT_JS)} is up to date (${Math.round(performance.now() - t0)} ms)`);
  printSizes();
  process.exit(0);
}

let esbuild;
try {
  esbuild = await import('esbuild');
} catch (err) {
  fail(`cannot load esbuild (${err.message}): run bash scripts/setup.sh (npm ci)`);
}

// The notice on top of the bundle (the ASF header every ECharts file carries, and the NOTICE
// file), and the full license texts beside it (ECharts' LICENSE names the d3.js parts).
const notice = readText('echarts', 'NOTICE');
const banner = `/*!
 * Apache ECharts ${pkgs.echarts.version}, custom build for Shirube (web/echarts.js, bundled by esbuild
 * ${pkgs.esbuild.version}): line, bar, sunburst, tree and pie charts; canvas renderer.
 *
${notice.split('\n').map((l) => ` * ${l}`.trimEnd()).join('\n')}
 *
 * Licensed to the Apache Software Foundation (ASF) under the Apache License, Version 2.0
 * (http://www.apache.org/licenses/LICENSE-2.0). Distributed on an "AS IS" BASIS, WITHOUT
 * WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * Includes ZRender ${pkgs.zrender.version} (BSD-3-Clause, Copyright (c) 2017, Baidu Inc.), parts of
 * d3.js (BSD-3-Clause, Copyright 2010-2016 Mike Bostock) and tslib ${pkgs.tslib.version} (0BSD,
 * Copyright (c) Microsoft Corporation). Full texts: echarts.shirube.LICENSE.txt
 */`;
const licenseText = [
  `Licenses of the custom Apache ECharts ${pkgs.echarts.version} build shipped with Shirube`,
  `(echarts.shirube.min.js). Made by scripts/echarts.mjs from the npm packages below.`,
  '',
  `==== echarts ${pkgs.echarts.version}: NOTICE ====`, notice, '',
  `==== echarts ${pkgs.echarts.version}: LICENSE ====`, readText('echarts', 'LICENSE'), '',
  `==== echarts ${pkgs.echarts.version}: licenses/LICENSE-d3 ====`, readText('echarts', 'licenses', 'LICENSE-d3'), '',
  `==== zrender ${pkgs.zrender.version}: LICENSE ====`, readText('zrender', 'LICENSE'), '',
  `==== tslib ${pkgs.tslib.version}: LICENSE.txt ====`, readText('tslib', 'LICENSE.txt'), '',
].join('\n');

let result;
try {
  result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    globalName: 'echarts',
    platform: 'browser',
    target: ['es2018'],
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none', // the banner carries the notices (tslib's own comment included)
    banner: { js: banner },
    charset: 'utf8',
    write: false,
    metafile: true,
    logLevel: 'warning',
  });
} catch (err) {
  fail(`esbuild failed: ${err.message}`);
}
const code = result.outputFiles[0].text;

// Check the bundle before handing it over: it must define the global `echarts` with
// the expected version and API.
const sandbox = {};
sandbox.window = sandbox;
sandbox.self = sandbox;
try {
  vm.runInNewContext(`${code}\n;globalThis.__api = { version: echarts.version, init: typeof echarts.init, use: typeof echarts.use, getInstanceByDom: typeof echarts.getInstanceByDom };`, sandbox);
} catch (err) {
  fail(`the bundle does not run: ${err.message}`);
}
const api = sandbox.__api;
if (api?.version !== pkgs.echarts.version || api.init !== 'function' || api.use !== 'function' || api.getInstanceByDom !== 'function') {
  fail(`the bundle does not expose the echarts API: ${JSON.stringify(api)}`);
}

// Which chart types ended up in the bundle (the files esbuild kept code from).
const kept = Object.entries(Object.values(result.metafile.outputs)[0].inputs)
  .filter(([, info]) => info.bytesInOutput > 0)
  .map(([file]) => file);
const charts = [...new Set(kept
  .map((f) => f.match(/node_modules\/echarts\/lib\/chart\/([^/]+)\//)?.[1])
  .filter((c) => c && c !== 'helper'))].sort();

fs.mkdirSync(OUT_DIR, { recursive: true });
const wrote = [writeIfChanged(OUT_JS, code), writeIfChanged(OUT_LICENSE, `${licenseText}\n`)];
writeIfChanged(STAMP, `${inputsHash}\n`);
log(`${wrote.some(Boolean) ? 'built' : 'rebuilt (unchanged)'} ${path.relative(ROOT, OUT_JS)}: ` +
  `echarts ${pkgs.echarts.version}, charts ${charts.join(', ')} ` +
  `(code from ${kept.length} modules, esbuild ${pkgs.esbuild.version}, ` +
  `${Math.round(performance.now() - t0)} ms)`);
printSizes();
