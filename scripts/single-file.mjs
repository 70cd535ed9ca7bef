#!/usr/bin/env node
// After `trunk build` and scripts/sw-build.mjs: assembles shirube.html, the whole app in one
// HTML file that runs from file:// with no server (a USB stick, an e-mail attachment). The
// wasm and its lazily loaded parts and the example strategies (gzip -9, base64), the wasm-bindgen glue and part loader, ECharts, the assembler and the CSS are
// inlined by web/assemble.js — the same code the running app uses to make a hand-out.
//
//   node scripts/single-file.mjs [dist] [out]     # defaults: dist, shirube.html (repo root)
//
// Data typed into it lives in the localStorage of the file:// origin of that browser profile.
// It carries the app's Content-Security-Policy (scripts/csp.mjs) with its own inline scripts
// hashed. (A hand-out made in the running app by web/assemble.js carries the policy that
// scripts/sw-build.mjs computed at build time: hashing in the page would need crypto.subtle,
// which a page served over plain http does not have.)
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { withCsp } from './csp.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.resolve(ROOT, process.argv[2] ?? 'dist');
const OUT = path.resolve(ROOT, process.argv[3] ?? 'shirube.html');
const log = (msg) => console.log(`[single-file] ${msg}`);
function fail(msg) {
  console.error(`[single-file] error: ${msg}`);
  process.exit(1);
}

/** web/assemble.js run the way a page runs it (a classic script setting ShirubeAssembler). */
export function loadAssembler(source) {
  const sandbox = {};
  vm.runInNewContext(source, sandbox, { filename: 'assemble.js' });
  if (typeof sandbox.ShirubeAssembler?.assemble !== 'function') fail('web/assemble.js did not define ShirubeAssembler.assemble');
  return sandbox.ShirubeAssembler;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const filesJson = path.join(DIST, 'shirube-files.json');
  if (!fs.existsSync(filesJson)) fail(`${filesJson} is missing: run node scripts/sw-build.mjs first`);
  const files = JSON.parse(fs.readFileSync(filesJson, 'utf8'));
  const read = (f) => fs.readFileSync(path.join(DIST, f), 'utf8');
  const gzipBase64 = (f) => zlib.gzipSync(fs.readFileSync(path.join(DIST, f)), { level: 9 }).toString('base64');
  const assemblerSource = read(files.assembler);
  const assembler = loadAssembler(assemblerSource);
  let html;
  try {
    html = assembler.assemble({
      css: files.css.map(read),
      echarts: read(files.echarts),
      assembler: assemblerSource,
      glue: read(files.glue),
      wasmBase64: gzipBase64(files.wasm),
      split: read(files.split),
      chunks: Object.fromEntries([
        ...files.chunks.map((f) => [path.posix.basename(f), gzipBase64(f)]),
        ...files.examples.map((f) => [f, gzipBase64(f)]),
      ]),
    });
  } catch (err) {
    fail(`cannot assemble: ${err.message}`);
  }
  // The same policy as the app's, its inline scripts hashed (scripts/csp.mjs).
  html = withCsp(html);
  const tmp = `${OUT}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, html);
  fs.renameSync(tmp, OUT);
  const gz = zlib.gzipSync(html, { level: 9 }).length;
  log(`${path.relative(ROOT, OUT) || OUT}: ${Buffer.byteLength(html)} bytes, ${gz} gzipped`);
}
