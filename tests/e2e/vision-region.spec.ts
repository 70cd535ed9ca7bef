// 人口ビジョン beyond one town's page: (1) the region's panel 人口ビジョン（管内）, two towns'
// visions side by side with the 管内 total by kind of scenario, on figures worked by hand
// (架空: every group the same, survival 1, no migration, no births, so 社人研準拠 holds each
// total; the 将来展望's net migrants add 5 × N a period); (2) the base population from the
// 住民基本台帳 by single age (架空), as a file and as pasted cells: each previewed, nothing
// taken until 「基準人口として取り込む」, then stored with its source and year. Screenshots at
// 1280 and 320 px.
import path from 'node:path';
import { test, expect, SCREENSHOT_DIR } from './fixtures';
import { example, variant } from './region-towns';
import { storedStrategyOfPage } from './stored';
import type { Page } from '@playwright/test';

/** A made-up vision: 18 groups (85+) of `each` men and `each` women in 2020, survival 1, no
 *  migration or births; 社人研準拠 and a 将来展望 of `net` migrants a year, chosen. */
function vision(key: string, each: number, net: number) {
  const groups = 18;
  const rates = {
    start: 2020,
    survival_male: Array(groups - 1).fill(1),
    survival_female: Array(groups - 1).fill(1),
    migration_male: Array(groups - 1).fill(0),
    migration_female: Array(groups - 1).fill(0),
    child_woman_ratio: 0,
    sex_ratio: 105,
  };
  return {
    base: { year: 2020, source: 'census', open: '85', male: Array(groups).fill(each), female: Array(groups).fill(each) },
    assumptions: { source: { kind: 'pasted' }, periods: [rates] },
    scenarios: [
      { id: `scenario-${key}-ipss`, name: '社人研推計準拠', scenario: { kind: 'ipss' } },
      { id: `scenario-${key}-outlook`, name: '将来展望', scenario: { kind: 'vision', path: [], net_migrants_a_year: net, from: 2020 } },
    ],
    chosen: `scenario-${key}-outlook`,
    target: { year: 2070, population: each * 36 + 10 * net * 5 },
  };
}

async function regionOf(page: Page, name: string, files: { name: string; json: any }[]) {
  await page.getByTestId('region-name-input').fill(name);
  await page.getByTestId('create-region').click();
  await expect(page.getByTestId('region-page')).toBeVisible();
  await page.getByTestId('region-files').setInputFiles(
    files.map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(f.json, null, 2), 'utf8') })),
  );
  await expect(page.getByTestId('town-row')).toHaveCount(files.length);
}

/** Each row of a table as the text of its cells. */
async function rowsOf(page: Page, testid: string): Promise<string[][]> {
  return page.locator(`[data-testid=${testid}]`).evaluateAll((rows) =>
    rows.map((r) => Array.from(r.querySelectorAll('th, td')).map((c) => (c.textContent ?? '').trim())),
  );
}

test('the region: two towns\' visions side by side and the 管内 total by scenario, at 1280 and 320 px', async ({ page, openApp, pageErrors }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const kitamoto = example('kitamoto');
  kitamoto.strategy.population = vision('kitamoto', 100, 10);
  const konosu = variant(example('kitamoto'), 'strategy-e2e-konosu', '鴻巣市', '112178');
  konosu.strategy.population = vision('konosu', 200, 20);
  await openApp();
  await regionOf(page, '埼玉テスト管内', [
    { name: 'kitamoto.json', json: kitamoto },
    { name: 'konosu.json', json: konosu },
  ]);

  const panel = page.getByTestId('region-vision');
  await panel.scrollIntoViewIfNeeded();
  await expect(page.getByTestId('region-vision-town')).toHaveCount(2);
  // 3,600 held under 社人研準拠; the 将来展望 adds 50 (10 a year) a period: 3,900 in 2050, 4,100 in 2070.
  expect(await rowsOf(page, 'region-vision-town')).toEqual([
    ['北本市', '3,600 (2020)', '3,600', '3,600', '3,900', '4,100', '4,100 (2070)'],
    ['鴻巣市', '7,200 (2020)', '7,200', '7,200', '7,800', '8,200', '8,200 (2070)'],
  ]);
  // The 管内 total of each kind both towns have, every ten years from 2020 to 2070.
  await expect(page.getByTestId('region-vision-totals').locator('thead th')).toHaveText(['シナリオ', '2020年', '2030年', '2040年', '2050年', '2060年', '2070年']);
  const totals = await rowsOf(page, 'region-vision-total');
  expect(totals.map((r) => r.slice(1))).toEqual([
    ['10,800', '10,800', '10,800', '10,800', '10,800', '10,800'],
    ['10,800', '11,100', '11,400', '11,700', '12,000', '12,300'],
  ]);
  expect(totals[0][0]).toMatch(/^社人研.*（管内計・2市町村）$/);
  expect(totals[1][0]).toMatch(/将来展望（管内計・2市町村）$/);
  await panel.screenshot({ path: path.join(SCREENSHOT_DIR, 'region-visions-1280.png') });

  // In English the same figures, the heads translated.
  await page.getByTestId('language').click();
  await expect(page.getByTestId('region-vision-totals').locator('thead th').first()).toHaveText('Scenario');
  await page.getByTestId('language').click();

  // At 320 px: the page does not scroll sideways; the tables scroll within their frames.
  await page.setViewportSize({ width: 320, height: 800 });
  await panel.scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await panel.screenshot({ path: path.join(SCREENSHOT_DIR, 'region-visions-320.png') });
  expect(pageErrors).toEqual([]);
});

/** 住民基本台帳 by single age (架空): `men` and `women` at every age 0–84, then 85 and over. */
function register(men: number, women: number, separator: string, title?: string): string {
  const lines = title ? [title] : [];
  lines.push(['年齢', '男', '女', '計'].join(separator));
  for (let a = 0; a < 85; a++) lines.push([`${a}歳`, men, women, men + women].join(separator));
  lines.push(['85歳以上', 3 * men, 4 * women, 3 * men + 4 * women].join(separator));
  return lines.join('\n') + '\n';
}

test('the base population from the 住民基本台帳: a file or pasted cells, previewed, then taken', async ({ page, openApp, pageErrors, shot }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp();
  await page.getByTestId('example-kitamoto').click();
  await expect(page.getByTestId('overview')).toBeVisible();
  await page.getByTestId('nav-vision').click();
  await expect(page.getByTestId('vision-not-ready')).toContainText('基準人口がまだありません');
  await page.getByTestId('vision-base-source').selectOption('register');

  // As a file: its year found in the title (令和6年1月1日 → 2024); 85 × 21 + 30 + 44 = 1,859 people.
  const title = '住民基本台帳年齢別人口（令和6年1月1日現在）（架空の町の例：数値は架空）';
  await page.getByTestId('vision-base-file').setInputFiles({ name: '住民基本台帳_年齢別.csv', mimeType: 'text/csv', buffer: Buffer.from(register(10, 11, ',', title), 'utf8') });
  await expect(page.getByTestId('vision-base-summary')).toContainText('2024年の人口 1,859人');
  await expect(page.getByTestId('vision-base-summary')).toContainText('まだ取り込まれていません');
  const preview = page.getByTestId('vision-base-preview');
  await expect(preview.locator('tbody tr')).toHaveCount(18);
  // Single ages summed into 5-year groups: 0～4 is 5 × 10 men, 5 × 11 women; 85 and over as given.
  await expect(preview.locator('tbody tr').first()).toContainText('50');
  await expect(preview.locator('tbody tr').first()).toContainText('55');
  await expect(preview.locator('tbody tr').last()).toContainText('85歳以上');
  await expect(page.getByTestId('vision-not-ready')).toContainText('基準人口がまだありません');
  await shot('vision-register-file-1280');

  // Pasted cells instead (from Excel: tabs), no title: the year typed; nothing taken yet.
  await page.getByTestId('vision-base-paste').fill(register(12, 13, '\t'));
  await expect(page.getByTestId('vision-base-summary')).toContainText(`人口 ${(85 * 25 + 36 + 52).toLocaleString('en-US')}人`);
  await page.getByTestId('vision-base-year').fill('2025');
  await page.getByTestId('vision-base-year').dispatchEvent('change');
  await expect(page.getByTestId('vision-base-summary')).toContainText('2025年の人口');
  await expect(page.getByTestId('vision-not-ready')).toContainText('基準人口がまだありません');
  await page.setViewportSize({ width: 320, height: 800 });
  await expect(page.getByTestId('vision-base-take')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await shot('vision-register-paste-320');
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByTestId('vision-base-take').click();
  await expect(page.getByTestId('vision-taken')).toBeVisible();
  await expect(page.getByTestId('vision-not-ready')).toContainText('仮定値');
  // Stored as the 住民基本台帳's, of the year typed, in groups to 85 and over.
  await expect.poll(async () => (await storedStrategyOfPage(page)).population?.base?.source, { timeout: 15_000 }).toBe('resident_register');
  const base = (await storedStrategyOfPage(page)).population.base;
  expect([base.year, base.open, base.male.length, base.male[0], base.female[0], base.male[17], base.female[17]]).toEqual([2025, '85', 18, 60, 65, 36, 52]);
  expect(pageErrors).toEqual([]);
});
