#!/usr/bin/env node
// Where a wasm module's bytes are, by function name: reads the code section's bodies
// and the name section's function names of the modules wasm-split writes before wasm-opt
// (target/wasm-split/<profile>/split/*.wasm keep their names), demangles Rust's legacy names,
// and prints the largest functions and the bytes per crate and per module path. The sizes are
// raw body bytes before wasm-opt: a ranking, not the shipped gzip figure (wasm-bindgen's
// describe functions, which it removes from the main module, are left out).
//
//   node scripts/wasm-names.mjs FILE.wasm [--top N] [--depth D] [--grep TEXT]
//   node scripts/wasm-names.mjs --diff OLD.wasm NEW.wasm [--top N]
import fs from 'node:fs';

function leb(buf, pos) {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = buf[pos++];
    result += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if ((b & 0x80) === 0) return [result, pos];
  }
}

/** Every defined function of a module: its name (demangled) and body size in bytes. */
export function functions(file) {
  const buf = fs.readFileSync(file);
  let pos = 8;
  let imported = 0;
  const bodies = [];
  const names = new Map();
  while (pos < buf.length) {
    const id = buf[pos++];
    let size;
    [size, pos] = leb(buf, pos);
    const end = pos + size;
    if (id === 2) {
      let n;
      let p;
      [n, p] = leb(buf, pos);
      for (let i = 0; i < n; i++) {
        let len;
        [len, p] = leb(buf, p);
        p += len;
        [len, p] = leb(buf, p);
        p += len;
        const kind = buf[p++];
        if (kind === 0) {
          [, p] = leb(buf, p);
          imported++;
        } else if (kind === 1) {
          p += 1;
          const flags = buf[p++];
          [, p] = leb(buf, p);
          if (flags & 1) [, p] = leb(buf, p);
        } else if (kind === 2) {
          const flags = buf[p++];
          [, p] = leb(buf, p);
          if (flags & 1) [, p] = leb(buf, p);
        } else if (kind === 3) {
          p += 2;
        } else {
          throw new Error(`${file}: unknown import kind ${kind}`);
        }
      }
    } else if (id === 10) {
      let n;
      let p;
      [n, p] = leb(buf, pos);
      for (let i = 0; i < n; i++) {
        let len;
        [len, p] = leb(buf, p);
        bodies.push(len);
        p += len;
      }
    } else if (id === 0) {
      let nlen;
      let p;
      [nlen, p] = leb(buf, pos);
      const secName = buf.toString('utf8', p, p + nlen);
      p += nlen;
      if (secName === 'name') {
        while (p < end) {
          const sub = buf[p++];
          let sublen;
          [sublen, p] = leb(buf, p);
          const subEnd = p + sublen;
          if (sub === 1) {
            let n;
            [n, p] = leb(buf, p);
            for (let i = 0; i < n; i++) {
              let idx;
              let len;
              [idx, p] = leb(buf, p);
              [len, p] = leb(buf, p);
              names.set(idx, buf.toString('utf8', p, p + len));
              p += len;
            }
          }
          p = subEnd;
        }
      }
    }
    pos = end;
  }
  // wasm-bindgen runs the describe functions to learn the bindings' types, then drops them.
  return bodies
    .map((size, i) => ({ name: demangle(names.get(imported + i) ?? `func${imported + i}`), size }))
    .filter((f) => !/WasmDescribe|wasm_bindgen::describe|__wbindgen_describe/.test(f.name));
}

/** Rust's legacy mangling (`_ZN…17h<hash>E`) to `a::b::c`; other names as they are. */
export function demangle(name) {
  if (name.startsWith('_R')) return demangleV0(name);
  if (!name.startsWith('_ZN')) return name;
  const parts = [];
  let p = 3;
  while (p < name.length && name[p] !== 'E') {
    let q = p;
    while (name[q] >= '0' && name[q] <= '9') q++;
    const len = Number(name.slice(p, q));
    if (!len) break;
    parts.push(name.slice(q, q + len));
    p = q + len;
  }
  if (parts.length && /^h[0-9a-f]{16}$/.test(parts.at(-1))) parts.pop();
  return parts
    .join('::')
    .replace(/\$LT\$/g, '<')
    .replace(/\$GT\$/g, '>')
    .replace(/\$u20\$/g, ' ')
    .replace(/\$u27\$/g, "'")
    .replace(/\$u5b\$/g, '[')
    .replace(/\$u5d\$/g, ']')
    .replace(/\$u7b\$/g, '{')
    .replace(/\$u7d\$/g, '}')
    .replace(/\$RF\$/g, '&')
    .replace(/\$BP\$/g, '*')
    .replace(/\$C\$/g, ',')
    .replace(/\.\./g, '::')
    .replace(/\$u\w+\$/g, '?');
}

/** Rust's v0 mangling (`_RNv…`, std's functions here), roughly: its identifiers, joined. */
function demangleV0(name) {
  const s = name.replace(/([A-Z])s[0-9A-Za-z]*_/g, '$1').replace(/B[0-9A-Za-z]*_/g, '');
  const ids = [];
  for (let p = 2; p < s.length; ) {
    const m = /^(\d+)_?/.exec(s.slice(p));
    if (!m) {
      p++;
      continue;
    }
    const len = Number(m[1]);
    const start = p + m[0].length;
    if (len > 0 && /^[A-Za-z_]/.test(s[start] ?? '')) {
      ids.push(s.slice(start, start + len));
      p = start + len;
    } else p = start;
  }
  return ids.join('::');
}

/** The path a function is counted under: its impl's type or trait path, `depth` segments. */
export function pathOf(name, depth) {
  let inner = name.replace(/^_?</, '');
  // `<T as Trait>::f`, `<&T as Trait>::f`: a blanket impl, counted under its trait.
  inner = inner.replace(/^&?(mut )?[A-Z]\w* as /, '');
  const segs = inner.split(/::|\s+as\s+|[<>, ]/).filter(Boolean);
  return segs.slice(0, depth).join('::');
}

const args = process.argv[1]?.endsWith("wasm-names.mjs") ? process.argv.slice(2) : [];
const opt = (flag, dflt) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : dflt;
};
const top = Number(opt('--top', 40));
const depth = Number(opt('--depth', 2));
const grep = opt('--grep', null);
const files = args.filter((a, i) => !a.startsWith('--') && !['--top', '--depth', '--grep'].includes(args[i - 1]));
const fmt = (n) => String(n).padStart(9);

function groups(fns, d) {
  const m = new Map();
  for (const f of fns) m.set(pathOf(f.name, d), (m.get(pathOf(f.name, d)) ?? 0) + f.size);
  return [...m].sort((a, b) => b[1] - a[1]);
}

if (args.includes('--diff')) {
  const [a, b] = files.map(functions);
  const sum = (fns) => {
    const m = new Map();
    for (const f of fns) m.set(f.name, (m.get(f.name) ?? 0) + f.size);
    return m;
  };
  const [ma, mb] = [sum(a), sum(b)];
  const keys = new Set([...ma.keys(), ...mb.keys()]);
  const delta = [...keys].map((k) => [k, (mb.get(k) ?? 0) - (ma.get(k) ?? 0)]).filter(([, d]) => d !== 0);
  delta.sort((x, y) => Math.abs(y[1]) - Math.abs(x[1]));
  console.log(`total ${a.reduce((n, f) => n + f.size, 0)} → ${b.reduce((n, f) => n + f.size, 0)}`);
  for (const [k, d] of delta.slice(0, top)) console.log(`${fmt(d)}  ${k.slice(0, 160)}`);
} else {
  for (const file of files) {
    let fns = functions(file);
    if (grep) fns = fns.filter((f) => f.name.includes(grep));
    const total = fns.reduce((n, f) => n + f.size, 0);
    console.log(`${file}: ${fns.length} functions, ${total} bytes of code`);
    console.log(`\nby path (${depth} segments):`);
    for (const [k, n] of groups(fns, depth).slice(0, top)) console.log(`${fmt(n)} ${((n / total) * 100).toFixed(1).padStart(5)} %  ${k}`);
    console.log('\nlargest functions:');
    for (const f of [...fns].sort((x, y) => y.size - x.size).slice(0, top)) console.log(`${fmt(f.size)}  ${f.name.slice(0, 160)}`);
  }
}
