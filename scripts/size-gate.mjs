#!/usr/bin/env node
// The size gate: after the release build, says what a first visit downloads and what
// each lazily loaded part weighs, gzip -9, and fails when the first visit is over its budget.
// Bytes are deterministic, so this is a test, not a timing.
//
//   node scripts/size-gate.mjs [dist]            # scripts/test.sh runs it after the build
//   node scripts/size-gate.mjs [dist] --record   # writes the figures into scripts/sizes.json
//
// The first visit is what dist/index.html makes the browser fetch before the strategy list
// shows: the page, its stylesheets, manifest and icon, the scripts that are not deferred, the
// service worker's own file, the start-up module and what it imports (wasm-split's loader), and
// the main wasm module. Not counted: the service worker's precache, which fetches every file of
// the build in the background after the page is shown (for offline use), and the deferred
// scripts (ECharts, the assembler), fetched when first used.
//
// The e2e test `size.spec.ts` checks this set against the page's real responses, and measures
// the visit that goes on to an example's dashboard (which fetches parts, ECharts and the
// example as it goes: the page, not this script, knows which).
//
// The limit: the budget (220 KB), or — while the first visit is still over it — the figure
// recorded in scripts/sizes.json (and 1 %), so that it can shrink but not grow; the check says
// how far from the budget it is. A lazily loaded part (a split point: its own module
// and the chunks it shares) that grew by more than 10 % against its recorded figure prints a
// warning naming it.
//
// Every visit of `GATED_VISITS` (those of `VISITS`, and the 人口ビジョン page's) is gated too: the
// bytes of its wasm files (the first visit's module and its parts' files, gzip -9) and their count
// are recorded in scripts/sizes.json (`visits`), and the gate fails when a visit's bytes grow by
// more than 1 %, or its count of files at all (1 % of at most 30 files is less than one), over its
// recorded figure. Each may shrink. A change that makes a visit heavier says so by recording the new
// figures (`--record`) in the same commit.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const DIST = path.resolve(ROOT, args.find((a) => !a.startsWith('--')) ?? 'dist');
const RECORD = args.includes('--record');
const RECORDED = path.join(ROOT, 'scripts', 'sizes.json');

/** The first visit's budget, gzip -9 bytes (KB = 1,000 bytes: the stricter reading). The other
 *  visits, the dashboard's among them, are held to their recorded bytes (`visitGrowth`). */
export const BUDGET = { firstVisit: 220_000 };

/** At most this many wasm files in any visit below (a town's HTTP/1.1 host queues
 *  requests behind six connections; 25 split points each a part of its own made ~600 files). */
export const MAX_WASM_FILES_PER_VISIT = 30;

/** The parts (src/ui/browser/parts.rs) each visit fetches beyond the first visit's files: what the
 *  route's page and the actions it runs are in. tests/e2e/size.spec.ts drives each visit and
 *  checks that it fetches no wasm file outside what is listed here; scripts/wasm-split.mjs gives
 *  them to the splitter, which merges the shared chunks by the visits that load them (a part
 *  added here changes how the wasm is cut: up to two shared chunks per set of visits). */
export const VISITS = {
  list: [],
  overview: ['actions', 'overview'],
  dashboard: ['actions', 'overview'],
  editor: ['actions', 'editor'],
  files: ['actions', 'files'],
  region: ['actions', 'list_extras', 'region'],
};

/** Every visit the gate holds to its recorded bytes and count of files: those of `VISITS`, and
 *  pages the splitter is not told of, whose parts load the chunks cut for the visits above. A
 *  visit named in `VISITS` cuts every shared chunk by whether it loads it too: with 人口ビジョン
 *  there, the other visits went from 17–19 wasm files to 29–34, over `MAX_WASM_FILES_PER_VISIT`. */
export const GATED_VISITS = { ...VISITS, vision: ['actions', 'vision'] };

/** The figures recorded in scripts/sizes.json (`--record` writes them). */
export function recordedSizes() {
  return fs.existsSync(RECORDED) ? JSON.parse(fs.readFileSync(RECORDED, 'utf8')) : { parts: {} };
}

/** What a visit may weigh: its budget, or — while it is still over it — the recorded figure
 *  and 1 % (bytes that say nothing of the code, such as a checkout's path or a build hash, must
 *  not fail a run; a new feature in the first visit is far more). */
export function limitOf(budget, recorded) {
  return Math.max(budget, recorded === undefined ? budget : Math.ceil(recorded * 1.01));
}

/** How a visit's wasm outgrew its recorded figure (`{bytes, files}`): more than 1 % more bytes,
 *  or more files (1 % of at most 30 files is less than one). Shrinking is always fine. */
export function visitGrowth(figure, recorded) {
  const out = [];
  if (figure.bytes > recorded.bytes * 1.01) out.push(`${figure.bytes} B, recorded ${recorded.bytes} B (+${(((figure.bytes - recorded.bytes) / recorded.bytes) * 100).toFixed(1)} %)`);
  if (figure.files > recorded.files * 1.01) out.push(`${figure.files} wasm files, recorded ${recorded.files}`);
  return out;
}

function fail(msg) {
  console.error(`[size-gate] error: ${msg}`);
  process.exit(1);
}

const gzipped = (rel) => zlib.gzipSync(fs.readFileSync(path.join(DIST, rel)), { level: 9 }).length;

/** The files of dist/, relative, with `/` separators. */
function distFiles(dist = DIST) {
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else out.push(path.relative(dist, full).split(path.sep).join('/'));
    }
  };
  walk(dist);
  return out.sort();
}

/** What the start page fetches, read from index.html and the start-up module. */
export function firstVisitFiles(dist = DIST) {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const rel = (href) => href.replace(/^\.\//, '');
  const files = new Set(['index.html']);
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = m[0];
    const relAttr = tag.match(/\brel="([^"]+)"/)?.[1];
    const href = tag.match(/\bhref="([^"]+)"/)?.[1];
    // A disabled stylesheet is neither fetched nor applied until a page enables it.
    if (!href || !relAttr || tag.includes('data-trunk') || /\sdisabled\b/.test(tag)) continue;
    if (['stylesheet', 'manifest', 'icon', 'modulepreload', 'preload'].includes(relAttr)) files.add(rel(href));
  }
  // Trunk writes the type attribute with entities (application&#x2F;x&#x2D;shirube&#x2D;deferred).
  const unescape = (t) => t.replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)));
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)) {
    if (!unescape(m[0]).includes('application/x-shirube-deferred')) files.add(rel(m[1]));
  }
  // The start-up script: `import init, * as bindings from './wasm-…/shirube.js'` and its wasm.
  for (const m of html.matchAll(/from '\.\/([^']+\.js)'|module_or_path: '\.\/([^']+\.wasm)'/g)) files.add(m[1] ?? m[2]);
  // The glue's own static imports (wasm-split's loader).
  for (const f of [...files].filter((f) => f.endsWith('.js') && f.startsWith('wasm-'))) {
    const js = fs.readFileSync(path.join(dist, f), 'utf8');
    for (const m of js.matchAll(/^import\b[^'"]*['"](\.\/[^'"]+)['"]/gm)) files.add(path.posix.join(path.posix.dirname(f), rel(m[1])));
  }
  // sw-register.js registers the service worker: its own file is fetched on the first visit.
  if (fs.existsSync(path.join(dist, 'sw.js'))) files.add('sw.js');
  for (const f of files) if (!fs.existsSync(path.join(dist, f))) fail(`index.html names ${f}, which is not in ${dist}`);
  return [...files].sort();
}

/** The wasm parts each split point needs, from wasm-split's loader (`__wasm_split.js`). */
export function splitParts(dist = DIST) {
  const loader = distFiles(dist).find((f) => f.endsWith('/__wasm_split.js'));
  if (!loader) fail('no __wasm_split.js in dist/ (was the wasm cut by scripts/wasm-split.mjs?)');
  const dir = path.posix.dirname(loader);
  const js = fs.readFileSync(path.join(dist, loader), 'utf8');
  // As scripts/wasm-split.mjs writes it: each shared part `C[N] = makeLoad(part("chunk_N.wasm"), …);`,
  // each split `export const __wasm_split_load_<split> = wrapAsyncCb(makeLoad(part("split_….wasm"),
  // d("26-152,212")));` (its shared parts as ranges of N) or `…, []));` (none).
  const chunks = new Map();
  for (const m of js.matchAll(/^C\[(\d+)\] = makeLoad\(part\("([^"]+\.wasm)"\)/gm)) chunks.set(Number(m[1]), `${dir}/${m[2]}`);
  const splits = new Map();
  for (const m of js.matchAll(/^export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(part\("([^"]+\.wasm)"\), (?:d\("([\d,-]*)"\)|\[\])\)\)/gm)) {
    const deps = (m[3] ?? '').split(',').filter(Boolean).flatMap((range) => {
      const [a, b = a] = range.split('-').map(Number);
      return Array.from({ length: b - a + 1 }, (_, i) => chunks.get(a + i) ?? fail(`${loader}: unknown shared part ${a + i}`));
    });
    splits.set(m[1], [`${dir}/${m[2]}`, ...deps]);
  }
  if (splits.size === 0) fail(`${loader}: no split loaders found (has wasm-split's output changed?)`);
  return splits;
}

/** The wasm files of a visit: the first visit's and those of its parts (`GATED_VISITS`). */
export function visitWasmFiles(visit, dist = DIST) {
  const splits = splitParts(dist);
  const files = new Set(firstVisitFiles(dist).filter((f) => f.endsWith('.wasm')));
  for (const part of GATED_VISITS[visit]) {
    const own = splits.get(part) ?? fail(`no part "${part}" in the build (src/ui/browser/parts.rs names them)`);
    for (const f of own) files.add(f);
  }
  return [...files].sort();
}

function main() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) fail(`${DIST}/index.html does not exist: build first (scripts/build.sh)`);
  const first = firstVisitFiles();
  const sum = (list) => list.reduce((n, f) => n + gzipped(f), 0);
  const firstTotal = sum(first);
  const recorded = recordedSizes();
  // Recording takes the figure as it is now (a deliberate, reviewed change of scripts/sizes.json).
  const limit = limitOf(BUDGET.firstVisit, RECORD ? firstTotal : recorded.first_visit);

  const row = (name, bytes, note = '') => console.log(`  ${name.padEnd(58)} ${String(bytes).padStart(9)}  ${note}`);
  console.log('First visit (the strategy list), gzip -9 bytes:');
  for (const f of first) row(f, gzipped(f));
  row('total', firstTotal, `budget ${BUDGET.firstVisit}, limit ${limit}`);
  // A part is what its split point fetches: its own module and the chunks it shares with
  // others (chunk numbers change from build to build; split names do not).
  console.log('\nLazily loaded parts (fetched when first used: own module + shared chunks), gzip -9 bytes:');
  const parts = {};
  const warnings = [];
  for (const [split, files] of [...splitParts()].sort()) {
    const name = split;
    const bytes = sum(files);
    parts[name] = bytes;
    const was = recorded.parts?.[name];
    const grown = was && bytes > was * 1.1 ? `  WARNING: grew ${(((bytes - was) / was) * 100).toFixed(0)} % (recorded ${was})` : '';
    if (grown) warnings.push(`${name}: ${was} → ${bytes}`);
    row(name, bytes, `${files.length} files${was ? `, recorded ${was}` : ''}${grown}`);
  }
  const lazyFiles = distFiles().filter((f) => f.endsWith('.wasm') && !first.includes(f));
  row('every lazily loaded file', sum(lazyFiles), `${lazyFiles.length} files`);
  if (recorded.first_visit && firstTotal > recorded.first_visit * 1.1) warnings.push(`first visit: ${recorded.first_visit} → ${firstTotal}`);
  for (const w of warnings) console.warn(`[size-gate] warning: grew by more than 10 %: ${w}`);

  // Each visit's wasm: its bytes and its count of files, against the recorded figures.
  console.log(`\nEach visit's wasm files, gzip -9 bytes (at most ${MAX_WASM_FILES_PER_VISIT} files; bytes and files at most 1 % over the recorded figures):`);
  const visits = {};
  const crowded = [];
  const grown = [];
  for (const visit of Object.keys(GATED_VISITS)) {
    const files = visitWasmFiles(visit);
    const figure = { bytes: sum(files), files: files.length };
    visits[visit] = figure;
    const was = recorded.visits?.[visit];
    const over = was ? visitGrowth(figure, was) : [];
    grown.push(...over.map((o) => `${visit}: ${o}`));
    const note = was ? `recorded ${was.bytes} B in ${was.files} files${over.length ? '  GREW' : ''}` : 'not recorded';
    row(`${visit} (${['first visit', ...GATED_VISITS[visit]].join(' + ')})`, figure.bytes, `${figure.files} wasm files, ${note}`);
    if (figure.files > MAX_WASM_FILES_PER_VISIT) crowded.push(`${visit}: ${figure.files}`);
  }
  if (RECORD) {
    const figures = { first_visit: firstTotal, dashboard_visit: recorded.dashboard_visit, visits, parts };
    // dashboard_visit is the e2e's measure (tests/e2e/size.spec.ts prints it): kept as it was.
    fs.writeFileSync(RECORDED, `${JSON.stringify(figures, null, 2)}\n`);
    console.log(`\n[size-gate] recorded in ${path.relative(ROOT, RECORDED)}`);
  }
  if (crowded.length > 0) fail(`a visit fetches more than ${MAX_WASM_FILES_PER_VISIT} wasm files: ${crowded.join(', ')}`);
  if (!RECORD && grown.length > 0) {
    fail(`a visit grew by more than 1 % over its figure in scripts/sizes.json: ${grown.join('; ')}. If that is the price of a change, say so: record the new figures (--record) and commit them with it`);
  }
  if (firstTotal > limit) {
    fail(`the first visit is ${firstTotal} B gzipped, over its limit of ${limit} B (budget ${BUDGET.firstVisit} B)`);
  }
  const budgetSays = firstTotal <= BUDGET.firstVisit
    ? `within its budget of ${BUDGET.firstVisit} B`
    : `within its limit of ${limit} B (recorded ${recorded.first_visit} B and 1 %), still ${firstTotal - BUDGET.firstVisit} B over the budget of ${BUDGET.firstVisit} B`;
  console.log(`\n[size-gate] first visit ${firstTotal} B: ${budgetSays}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
