import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { REPO_ROOT } from './paths';

for (const name of ['large.json', 'huge.json']) {
  test(`longtasks while ${name} is imported`, async ({ page, openApp }) => {
    test.setTimeout(600_000);
    const buffer = fs.readFileSync(path.join(REPO_ROOT, 'target', 'bench', name));
    await openApp();
    await page.evaluate(() => {
      (window as any).__long = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) (window as any).__long.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: false });
    });
    const t0 = Date.now();
    await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/json', buffer });
    await expect(page.getByTestId('import-preview').or(page.getByTestId('notice'))).toBeVisible({ timeout: 600_000 });
    console.log(name, 'to preview ms', Date.now() - t0, await page.getByTestId('notice').textContent().catch(() => ''));
    const long = await page.evaluate(() => (window as any).__long);
    console.log('longtasks > 200ms', JSON.stringify(long.filter((l: number[]) => l[1] > 200)));
  });
}
