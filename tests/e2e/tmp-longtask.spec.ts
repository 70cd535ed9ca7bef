import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { REPO_ROOT } from './paths';

test('longtasks while a 179-town region file is opened', async ({ page, openApp }) => {
  test.setTimeout(600_000);
  const dir = path.join(REPO_ROOT, 'target', 'bench', 'region');
  const towns = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
  const file = { format: 'shirube-region', version: 1, exported_at: '2026-11-25T00:00:00Z', generator: 'x', region: { id: 'region-lt', name: 'LT', members: towns.map((t: any) => t.strategy.id) }, strategies: towns };
  const buffer = Buffer.from(JSON.stringify(file));
  console.log('bytes', buffer.length);
  await openApp();
  await page.evaluate(() => {
    (window as any).__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) (window as any).__long.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: false });
  });
  const t0 = Date.now();
  await page.getByTestId('region-file').setInputFiles({ name: 'lt.json', mimeType: 'application/json', buffer });
  await expect(page.getByTestId('notice')).toContainText('地域のファイルを開きました', { timeout: 600_000 });
  console.log('total ms', Date.now() - t0);
  const long = await page.evaluate(() => (window as any).__long);
  console.log('longtasks > 200ms', JSON.stringify(long.filter((l: number[]) => l[1] > 200)));
  console.log('count', long.length, 'sum', long.reduce((a: number, l: number[]) => a + l[1], 0));
});
