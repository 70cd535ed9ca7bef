#!/usr/bin/env node
// After `trunk build`: makes dist/ work offline and lets the app rebuild itself as one file.
//
//   node scripts/sw-build.mjs [dist]      # scripts/build.sh runs it after trunk build
//
// Writes into dist/:
//   shirube-files.json  which built file is which piece of the app (the stylesheets, ECharts,
//                       the single-file assembler, the wasm-bindgen glue, the wasm and its parts,
//                       the example strategies), read from
//                       dist/index.html; web/assemble.js (in the page) fetches them by these
//                       names to make a hand-out, and scripts/single-file.mjs reads them;
//                       and `handoutCsp`, the Content-Security-Policy of every hand-out (its
//                       inline scripts — ECharts, the assembler, the boot module — are the same
//                       in each, so they are hashed here, from a hand-out assembled the way the
//                       page assembles one; its strategy and wasm are data blocks, not scripts).
//   sw.js               web/sw.template.js with FILES = every file in dist/ (sw.js excepted; the
//                       numbered wasm chunks as ranges, expanded by sw.js itself: filesExpression)
//                       and VERSION = a SHA-256 over their names and bytes: any change to any
//                       file changes sw.js, so browsers pick the new build up on the next visit.
// Fails (exit 1) when index.html does not look as expected. Needs no network.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inlineScriptHashes, policy } from './csp.mjs';
import { loadAssembler } from './single-file.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.resolve(ROOT, process.argv[2] ?? 'dist');
const TEMPLATE = path.join(ROOT, 'web', 'sw.template.js');
const log = (msg) => console.log(`[sw-build] ${msg}`);
function fail(msg) {
  console.error(`[sw-build] error: ${msg}`);
  process.exit(1);
}

/**
 * The precache list as a JavaScript expression, the ~620 numbered wasm chunks of a directory as
 * ranges (`n("wasm-…/chunk_", "0-623")`), as in wasm-split's compacted loader: every first
 * visit fetches sw.js, and the list was nine tenths of it. Checked here: the expression
 * must give exactly `files`, or the build fails.
 */
export function filesExpression(files) {
  const numbered = /^(.*\/chunk_)(0|[1-9][0-9]*)\.wasm$/;
  const groups = new Map();
  const others = [];
  for (const f of files) {
    const m = f.match(numbered);
    if (m) {
      if (!groups.has(m[1])) groups.set(m[1], []);
      groups.get(m[1]).push(Number(m[2]));
    } else {
      others.push(f);
    }
  }
  const ranges = (ns) => {
    const sorted = [...ns].sort((a, b) => a - b);
    const out = [];
    for (const n of sorted) {
      const last = out[out.length - 1];
      if (last && n === last[1] + 1) last[1] = n;
      else out.push([n, n]);
    }
    return out.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(',');
  };
  const expand = '(p, r) => r.split(",").flatMap((s) => { const [a, b = a] = s.split("-").map(Number); '
    + 'return Array.from({ length: b - a + 1 }, (_, i) => `${p}${a + i}.wasm`); })';
  const calls = [...groups].map(([prefix, ns]) => `n(${JSON.stringify(prefix)}, ${JSON.stringify(ranges(ns))})`);
  const expression = `((n) => ${JSON.stringify(others)}.concat(${calls.join(', ')}))(${expand})`;
  const listed = new Function(`return ${expression};`)();
  const same = listed.length === files.length && [...listed].sort().every((f, i) => f === [...files].sort()[i]);
  if (!same) fail('the precache list in ranges does not give back every file');
  return expression;
}

/** The pieces of the app named in dist/index.html (Trunk's hashed names). */
export function appPieces(dist) {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const rel = (href) => href.replace(/^\.\//, '');
  const all = (re) => [...html.matchAll(re)].map((m) => rel(m[1]));
  const one = (what, list) => {
    if (list.length !== 1) fail(`dist/index.html: expected one ${what}, found ${list.length} (${list.join(', ')})`);
    return list[0];
  };
  const css = all(/<link rel="stylesheet" href="([^"]+\.css)"/g);
  const scripts = all(/<script src="([^"]+\.js)"/g);
  const pieces = {
    css,
    echarts: one('ECharts script (echarts.shirube.min-*.js)', scripts.filter((s) => /^echarts\.shirube\.min-[0-9a-f]+\.js$/.test(s))),
    assembler: one('assembler script (assemble-*.js)', scripts.filter((s) => /^assemble-[0-9a-f]+\.js$/.test(s))),
    glue: one('wasm-bindgen glue import', all(/import init, \* as bindings from '([^']+\.js)'/g)),
    wasm: one('wasm path', all(/module_or_path: '([^']+\.wasm)'/g)),
  };
  // The parts cut out of the wasm (scripts/wasm-split.mjs) sit beside the glue with their loader.
  const partsDir = path.posix.dirname(pieces.glue);
  pieces.split = path.posix.join(partsDir, '__wasm_split.js');
  pieces.chunks = fs.readdirSync(path.join(dist, partsDir))
    .filter((f) => f.endsWith('.wasm') && path.posix.join(partsDir, f) !== pieces.wasm)
    .sort()
    .map((f) => path.posix.join(partsDir, f));
  // The example strategies the app fetches when asked (Trunk copies public/examples there).
  pieces.examples = fs.existsSync(path.join(dist, 'examples'))
    ? fs.readdirSync(path.join(dist, 'examples')).filter((f) => f.endsWith('.json')).sort().map((f) => `examples/${f}`)
    : [];
  if (pieces.examples.length === 0) fail('dist/examples/ holds no example (index.html copies public/examples)');
  if (css.length === 0) fail('dist/index.html links no stylesheet');
  for (const f of [...css, pieces.echarts, pieces.assembler, pieces.glue, pieces.wasm, pieces.split, ...pieces.chunks]) {
    if (!fs.existsSync(path.join(dist, f))) fail(`dist/${f} (named in index.html) does not exist`);
  }
  return pieces;
}

/** The policy of a hand-out: web/assemble.js run as the page runs it, on the built pieces. */
function handoutPolicy(dist, pieces) {
  const read = (f) => fs.readFileSync(path.join(dist, f), 'utf8');
  const assemblerSource = read(pieces.assembler);
  const html = loadAssembler(assemblerSource).assemble({
    css: [],
    echarts: read(pieces.echarts),
    assembler: assemblerSource,
    glue: read(pieces.glue),
    wasmBase64: '',
    split: read(pieces.split),
    chunks: {},
    handout: '{}',
  });
  const hashes = inlineScriptHashes(html);
  if (hashes.length !== 3) fail(`a hand-out should carry 3 inline scripts (ECharts, the assembler, the boot module), not ${hashes.length}`);
  return policy(hashes);
}

function filesUnder(dir, base = dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) fail(`${DIST}/index.html does not exist: run trunk build first`);
  const pieces = appPieces(DIST);
  // A wasm that does not validate must not be cached for offline use (nor inlined): two Trunk
  // builds sharing target/ can copy each other's half-written target/wasm-opt output.
  for (const wasm of [pieces.wasm, ...pieces.chunks]) {
    if (!WebAssembly.validate(fs.readFileSync(path.join(DIST, wasm)))) {
      fail(`dist/${wasm} is not a valid WebAssembly module (another trunk build sharing target/ at the same time?): build again`);
    }
  }
  pieces.handoutCsp = handoutPolicy(DIST, pieces);
  fs.writeFileSync(path.join(DIST, 'shirube-files.json'), `${JSON.stringify(pieces, null, 2)}\n`);

  const files = filesUnder(DIST).filter((f) => f !== 'sw.js').sort();
  for (const f of ['index.html', 'manifest.webmanifest', 'icon.svg', 'shirube-files.json']) {
    if (!files.includes(f)) fail(`dist/${f} is missing`);
  }
  const hash = createHash('sha256');
  for (const f of files) {
    hash.update(`${f}\0`);
    hash.update(fs.readFileSync(path.join(DIST, f)));
    hash.update('\0');
  }
  const version = hash.digest('hex').slice(0, 20);
  const template = fs.readFileSync(TEMPLATE, 'utf8');
  if (!template.includes('__SHIRUBE_VERSION__') || !template.includes('__SHIRUBE_FILES__')) fail('web/sw.template.js lost its placeholders');
  const sw = template
    .replace("'__SHIRUBE_VERSION__'", JSON.stringify(version))
    .replace('__SHIRUBE_FILES__', filesExpression(files));
  // Minified: every first visit fetches sw.js; the template's comments stay in web/.
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch (err) {
    fail(`cannot load esbuild (${err.message}): run bash scripts/setup.sh (npm ci)`);
  }
  fs.writeFileSync(path.join(DIST, 'sw.js'), esbuild.transformSync(sw, { loader: 'js', minify: true, sourcefile: 'sw.js' }).code);
  log(`${path.relative(ROOT, path.join(DIST, 'sw.js'))}: version ${version}, ${files.length} files cached for offline use`);
  log(`${path.relative(ROOT, path.join(DIST, 'shirube-files.json'))}: ${JSON.stringify(pieces)}`);
}
