import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright';
const root = path.resolve('dist');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json' };
const server = http.createServer((req, res) => {
  let p = decodeURIComponent(req.url.split('?')[0]);
  if (p.endsWith('/')) p += 'index.html';
  const f = path.join(root, p);
  if (!f.startsWith(root) || !fs.existsSync(f)) { res.writeHead(404); return res.end(); }
  res.writeHead(200, { 'content-type': types[path.extname(f)] ?? 'application/octet-stream' });
  fs.createReadStream(f).pipe(res);
}).listen(8765);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const ctx = await browser.newContext({ viewport: { width: 1200, height: 900 }, serviceWorkers: 'block' });
const page = await ctx.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
await page.goto('http://localhost:8765/');
await page.getByTestId('example-kitamoto').waitFor();
await page.screenshot({ path: '/tmp/s1-list.png' });
// An example: stored and opened through the workbench.
await page.getByTestId('example-kitamoto').click();
await page.getByTestId('goal').first().waitFor();
await page.waitForTimeout(800);
await page.screenshot({ path: '/tmp/s2-overview.png' });
// The same file picked again: the import preview (flushed, compared).
await page.goto('http://localhost:8765/#/');
await page.getByTestId('import-file').setInputFiles('dist/examples/kitamoto.json');
await page.waitForTimeout(2500);
await page.screenshot({ path: '/tmp/s3-preview.png' });
await page.keyboard.press('Escape');
await page.goto('http://localhost:8765/#/');
await page.reload();
await page.getByTestId('strategy-row').first().waitFor();
// A region, then delete the strategy: the notice with undo, the regions' rows.
await page.getByTestId('region-name-input').fill('渡島総合振興局管内');
await page.getByTestId('create-region').click();
await page.waitForTimeout(1500);
await page.goto('http://localhost:8765/#/');
await page.getByTestId('strategy-row').first().getByRole('button', { name: '削除' }).click();
await page.getByTestId('notice').waitFor();
await page.waitForTimeout(800);
await page.screenshot({ path: '/tmp/s4-deleted.png', fullPage: true });
// The language: switched, then reloaded at once.
await page.getByTestId('language').click();
await page.reload();
await page.waitForTimeout(1500);
await page.screenshot({ path: '/tmp/s5-english.png', fullPage: true });
console.log('errors', JSON.stringify(errors));
await browser.close();
server.close();
