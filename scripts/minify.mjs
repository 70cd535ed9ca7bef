#!/usr/bin/env node
// Minifies what index.html links of our own (every first visit fetches main.css,
// print.css and sw-register.js, 12.4 KB gzipped as written, a third of it comments and
// whitespace): style/<name>.css and web/sw-register.js → target/min/, by esbuild (whitespace,
// comments, shorter names and numbers; the rules and their order stay). Trunk then hashes each
// minified file, names it <name>-<hash>.<ext> and writes its integrity, as it did for the source.
// (sw.js is minified by scripts/sw-build.mjs, which writes it.)
//
//   node scripts/minify.mjs     # Trunk runs this before every build (Trunk.toml [[hooks]])
//
// Never rewrites a file whose content is the same, so `trunk serve` does not see a change.
// Works offline (esbuild comes from node_modules, pinned in package.json).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Each source, with the loader esbuild reads it with. */
const SOURCES = [
  ['style/main.css', 'css'],
  ['style/print.css', 'css'],
  ['style/region-views.css', 'css'],
  ['style/workshop.css', 'css'],
  ['web/sw-register.js', 'js'],
];
const OUT_DIR = path.join(ROOT, 'target', 'min');
const log = (msg) => console.log(`[minify] ${msg}`);
function fail(msg) {
  console.error(`[minify] error: ${msg}`);
  process.exit(1);
}

let esbuild;
try {
  esbuild = await import('esbuild');
} catch (err) {
  fail(`cannot load esbuild (${err.message}): run bash scripts/setup.sh (npm ci)`);
}

fs.mkdirSync(OUT_DIR, { recursive: true });
const gz = (text) => zlib.gzipSync(text, { level: 9 }).length;
for (const [source, loader] of SOURCES) {
  const text = fs.readFileSync(path.join(ROOT, source), 'utf8');
  let out;
  try {
    out = esbuild.transformSync(text, { loader, minify: true, sourcefile: source });
  } catch (err) {
    fail(`${source}: ${err.message}`);
  }
  for (const w of out.warnings) log(`warning: ${source}: ${w.text}`);
  const file = path.join(OUT_DIR, path.basename(source));
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== out.code) {
    fs.writeFileSync(file, out.code);
    log(`target/min/${path.basename(source)}: ${gz(text)} → ${gz(out.code)} B gzipped`);
  }
}
