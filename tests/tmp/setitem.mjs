import { chromium } from '@playwright/test';
import fs from 'node:fs';
const text = fs.readFileSync('target/bench/large.json', 'utf8');
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const p = await b.newPage();
await p.goto('http://127.0.0.1:8765/');
const r = await p.evaluate((text) => {
  const out = [];
  for (let i = 0; i < 5; i++) {
    localStorage.clear();
    let t = performance.now();
    const obj = JSON.parse(text);
    const parse = performance.now() - t;
    t = performance.now();
    const compact = JSON.stringify(obj);
    const stringify = performance.now() - t;
    const bytes = new TextEncoder().encode(compact);
    t = performance.now();
    const decoded = new TextDecoder().decode(bytes);
    const decode = performance.now() - t;
    t = performance.now();
    localStorage.setItem('k' + i, decoded);
    const set = performance.now() - t;
    t = performance.now();
    const back = localStorage.getItem('k' + i);
    const get = performance.now() - t;
    out.push({ parse, stringify, decode, set, get, len: compact.length, bytes: bytes.length });
  }
  return out;
}, text);
console.log(r);
await b.close();
