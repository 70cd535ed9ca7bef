import { chromium } from '@playwright/test';
import fs from 'node:fs';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const p = await b.newPage();
await p.goto('http://127.0.0.1:8765/');
for (const name of ['large', 'huge']) {
  const text = fs.readFileSync(`target/bench/${name}.json`, 'utf8');
  const r = await p.evaluate((text) => {
    localStorage.clear();
    const compact = JSON.stringify(JSON.parse(text));
    try { localStorage.setItem('k', compact); return { ok: true, len: compact.length }; } catch (e) { return { ok: false, err: String(e), len: compact.length }; }
  }, text);
  console.log(name, r);
}
// how many chars fit, ascii and japanese
const r = await p.evaluate(() => {
  const fit = (ch) => { localStorage.clear(); let lo = 0, hi = 20_000_000; while (lo < hi) { const mid = Math.ceil((lo + hi) / 2); try { localStorage.setItem('k', ch.repeat(mid)); lo = mid; } catch { hi = mid - 1; } } localStorage.clear(); return lo; };
  return { ascii: fit('a'), japanese: fit('あ') };
});
console.log(r);
await b.close();
