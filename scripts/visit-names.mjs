#!/usr/bin/env node
// Where a visit's wasm bytes are, by file and by function name: for each wasm file a visit of
// `VISITS` (scripts/size-gate.mjs) fetches, its gzip -9 bytes and the code it holds by path
// (scripts/wasm-names.mjs, from the modules wasm-split writes before wasm-opt), then the whole
// visit's code by path. With --diff, the functions that left or joined the visit between two
// builds, summed by name over its files (a function the splitter moved from one file to another
// of the same visit does not show).
//
//   node scripts/visit-names.mjs [BUILD] [--visit dashboard] [--depth 2] [--top 40]
//   node scripts/visit-names.mjs --diff OLD NEW [--visit dashboard] [--top 30]
//
// BUILD is a folder holding a build's `dist/` and `split/` (a copy of
// target/wasm-split/release/split, whose modules keep their names): copy both aside after each
// `bash scripts/build.sh` to compare builds. Without BUILD: ./dist and the split modules under
// $CARGO_TARGET_DIR (or ./target).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { visitWasmFiles } from './size-gate.mjs';
import { functions, pathOf } from './wasm-names.mjs';

const args = process.argv.slice(2);
const opt = (flag, dflt) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : dflt);
const visit = opt('--visit', 'dashboard');
const depth = Number(opt('--depth', 2));
const top = Number(opt('--top', 40));
const builds = args.filter((a, i) => !a.startsWith('--') && !['--visit', '--depth', '--top'].includes(args[i - 1]));
const target = process.env.CARGO_TARGET_DIR ?? 'target';

/** The build's dist/ and split/ folders. */
function folders(build) {
  if (build === undefined) return { dist: path.resolve('dist'), split: path.resolve(target, 'wasm-split', 'release', 'split') };
  return { dist: path.join(build, 'dist'), split: path.join(build, 'split') };
}

/** The visit's files: each with its gzip -9 bytes and its functions (names as before wasm-opt). */
function visitOf(build) {
  const { dist, split } = folders(build);
  return visitWasmFiles(visit, dist).map((file) => {
    const name = path.basename(file) === 'shirube_bg.wasm' ? 'shirube.wasm' : path.basename(file);
    const gz = zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;
    return { name, gz, fns: functions(path.join(split, name)) };
  });
}

const kb = (n) => `${(n / 1000).toFixed(1)} K`;
const byPath = (fns) => {
  const m = new Map();
  for (const f of fns) m.set(pathOf(f.name, depth), (m.get(pathOf(f.name, depth)) ?? 0) + f.size);
  return [...m].sort((a, b) => b[1] - a[1]);
};
const code = (fns) => fns.reduce((n, f) => n + f.size, 0);

if (args.includes('--diff')) {
  const [a, b] = builds.map((build) => visitOf(build));
  // A split point's export is named with a hash that changes with every build: left out.
  const unhashed = (name) => name.replace(/_export_[0-9a-f]{32}_/g, '_export_');
  const sums = (files) => {
    const m = new Map();
    for (const f of files.flatMap((x) => x.fns)) m.set(unhashed(f.name), (m.get(unhashed(f.name)) ?? 0) + f.size);
    return m;
  };
  const [sa, sb] = [sums(a), sums(b)];
  const gz = (files) => files.reduce((n, f) => n + f.gz, 0);
  const total = (s) => [...s.values()].reduce((n, x) => n + x, 0);
  console.log(`${visit}: ${gz(a)} → ${gz(b)} B gzip -9 (${a.length} → ${b.length} files); code ${total(sa)} → ${total(sb)} B`);
  const changes = [...new Set([...sa.keys(), ...sb.keys()])]
    .map((name) => [(sb.get(name) ?? 0) - (sa.get(name) ?? 0), name])
    .filter(([d]) => d !== 0)
    .sort((x, y) => x[0] - y[0]);
  console.log('\nleft or shrank:');
  for (const [d, name] of changes.slice(0, top).filter(([d]) => d < 0)) console.log(`${String(d).padStart(9)}  ${name}`);
  console.log('\njoined or grew:');
  for (const [d, name] of changes.slice(-top).reverse().filter(([d]) => d > 0)) console.log(`${String(d).padStart(9)}  ${name}`);
} else {
  const files = visitOf(builds[0]);
  console.log(`${visit}: ${files.length} wasm files, gzip -9 bytes, raw code bytes before wasm-opt, the largest paths (${depth} segments)`);
  for (const f of files) {
    const paths = byPath(f.fns).slice(0, 4).map(([p, n]) => `${p} ${kb(n)}`).join(', ');
    console.log(`  ${f.name.padEnd(22)} ${String(f.gz).padStart(8)} ${String(code(f.fns)).padStart(8)}  ${paths}`);
  }
  const all = files.flatMap((f) => f.fns);
  const sum = code(all);
  console.log(`  ${'total'.padEnd(22)} ${String(files.reduce((n, f) => n + f.gz, 0)).padStart(8)} ${String(sum).padStart(8)}`);
  console.log(`\nthe visit's code by path (${depth} segments):`);
  for (const [p, n] of byPath(all).slice(0, top)) console.log(`${String(n).padStart(9)} ${((100 * n) / sum).toFixed(1).padStart(5)} %  ${p}`);
}
