// The regional view's other sections: one indicator across towns — its chart and
// table (北本市's numbers against its own overview), its CSV and its A4 landscape print, a
// hand match kept after a reload and undone —, the towns × SDGs matrix in the official colours,
// and screenshots of every section at 1280 px, none wider than the screen; and the
// towns × 国の基本目標 table of a region whose towns are on three national frames at once, a
// table per frame.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, SCREENSHOT_DIR } from './fixtures';
import { example, indicatorNamed, variant } from './region-towns';
import type { Page } from '@playwright/test';

const BOM = [0xef, 0xbb, 0xbf];

test.use({ viewport: { width: 1280, height: 900 } });

/** Creates a region and brings the files in; waits for their rows. */
async function regionOf(page: Page, name: string, files: { name: string; json: any }[]) {
  await page.getByTestId('region-name-input').fill(name);
  await page.getByTestId('create-region').click();
  await expect(page.getByTestId('region-page')).toBeVisible();
  await page.getByTestId('region-files').setInputFiles(
    files.map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(f.json, null, 2), 'utf8') })),
  );
  await expect(page.getByTestId('town-row')).toHaveCount(files.length);
}

/** The text of each cell of a matched-indicator table row, by fiscal year. */
async function byYear(page: Page, town: string, kind: 'actual' | 'target'): Promise<Record<string, string>> {
  return page.locator(`[data-testid=matched-row][data-town="${town}"][data-kind=${kind}] td[data-year]`).evaluateAll((els) =>
    Object.fromEntries(els.map((e) => [e.getAttribute('data-year')!, (e.textContent ?? '').trim()])),
  );
}

test('a region: one indicator across towns, a hand match, the SDG matrix, CSV and print', async ({ page, openApp, pageErrors, shot }) => {
  test.setTimeout(120_000);
  const kitamoto = example('kitamoto');
  const hokuto = example('hokuto');
  // 鴻巣市: 北本市's file with its own 出生数 and another name for 市内有効求人倍率, which then
  // matches nothing until the bureau matches it by hand.
  const konosu = variant(kitamoto, 'strategy-e2e-konosu', '鴻巣市', '112178', [['市内有効求人倍率', '有効求人倍率（鴻巣）']]);
  indicatorNamed(kitamoto, '出生数').series[0].actuals = [
    { year: 2023, value: 352 },
    { year: 2024, value: 348 },
  ];
  indicatorNamed(konosu, '出生数').series[0].actuals = [{ year: 2023, value: 701 }];
  const [kid, cid] = [kitamoto.strategy.id, konosu.strategy.id];
  // Neither example tags its measures with SDGs: 北斗市's file here does, as many towns' do.
  const tagged: [number, number, number[]][] = [[0, 0, [3, 4]], [0, 1, [4]], [1, 0, [8, 11]]];
  for (const [g, m, sdgs] of tagged) hokuto.strategy.goals[g].measures[m].sdgs = sdgs;

  await openApp();
  await regionOf(page, '埼玉・渡島テスト管内', [
    { name: 'kitamoto.json', json: kitamoto },
    { name: 'hokuto.json', json: hokuto },
    { name: 'konosu.json', json: konosu },
  ]);

  // ── 指標の比較: 出生数 is matched by the bureau's list in both Saitama towns.
  const section = page.getByTestId('region-indicators');
  await expect(section.getByRole('heading', { level: 2 })).toHaveText('指標の比較');
  const births = section.locator('[data-testid=matched-indicator][data-key="出生数"]');
  await expect(births).toContainText('指標名リスト 2');
  await expect(births.getByTestId('matched-towns')).toHaveText('2');
  await births.getByTestId('matched-show').click();
  await expect(births.getByTestId('matched-show')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('matched-name')).toHaveText('出生数');
  const chart = page.locator('[data-testid=matched-detail] [data-chart=region-indicator]');
  await expect(chart.getByTestId('chart-canvas').locator('canvas').first()).toBeVisible();
  await expect(chart.getByTestId('chart-summary')).toHaveText(
    '出生数: 2 市町村の最新の実績は 北本市 348人（令和6年度）、鴻巣市 701人（令和5年度）',
  );
  // The table: each town's actuals by year and its target in its year (the plan's last, 2025).
  const actuals = await byYear(page, kid, 'actual');
  expect(actuals['2023']).toBe('352');
  expect(actuals['2024']).toBe('348');
  expect((await byYear(page, kid, 'target'))['2025']).toBe('380');
  expect((await byYear(page, cid, 'actual'))['2023']).toBe('701');
  await section.screenshot({ path: shotPath('region-indicators') });

  // The CSV of the matched indicator: BOM, CRLF, a row of actuals and one of targets per town.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('matched-csv').click()]);
  expect(download.suggestedFilename()).toMatch(/^埼玉・渡島テスト管内_指標_出生数_\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = fs.readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual(BOM);
  const lines = bytes.toString('utf8').replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toMatch(/^指標,市区町村,指標番号,指標名,系列,単位,区分,/);
  const kitamotoActual = lines.find((l) => l.startsWith('出生数,北本市,7-2,出生数,,人,実績値,'));
  expect(kitamotoActual).toBeDefined();
  expect(kitamotoActual!.split(',')).toEqual(expect.arrayContaining(['352', '348']));
  expect(lines.some((l) => l.startsWith('出生数,北本市,7-2,出生数,,人,目標値,') && l.split(',').includes('380'))).toBe(true);
  expect(lines.some((l) => l.startsWith('出生数,鴻巣市,7-2,出生数,,人,実績値,') && l.split(',').includes('701'))).toBe(true);

  // The print: only the chosen indicator, on A4 landscape pages.
  await page.evaluate(() => {
    window.print = () => {};
  });
  await page.getByTestId('matched-print').click();
  await expect(page.locator('html')).toHaveAttribute('data-print-section', 'region-indicator');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('side-by-side')).toBeHidden();
  await expect(page.getByTestId('region-coverage')).toBeHidden();
  await expect(page.getByTestId('matched-list')).toBeHidden();
  await expect(page.getByTestId('matched-table')).toBeVisible();
  await expect(page.getByTestId('region-name')).toBeVisible();
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
  expect(boxes.length).toBeGreaterThan(0);
  for (const [w, h] of boxes) {
    expect(w, 'A4 landscape: 297 mm wide').toBeCloseTo(841.9, -1);
    expect(h, 'A4 landscape: 210 mm high').toBeCloseTo(595.3, -1);
  }
  await page.emulateMedia({ media: 'screen' });

  // ── 北本市's own overview says the same: its target and its latest actual of 出生数.
  await page.goto(`./#/s/${kid}`);
  await expect(page.getByTestId('overview')).toBeVisible();
  const own = page.locator('[data-testid=indicator-table] [data-testid=target-row]').filter({ hasText: '出生数' }).first();
  await expect(own).toContainText('380人');
  await expect(own).toContainText('348人 (令和6年度)');
  await page.goBack();
  await expect(page.getByTestId('region-indicators')).toBeVisible();

  // ── A hand match: 鴻巣市's 有効求人倍率（鴻巣） under 市内有効求人倍率, which 北本市's
  // indicator of that name then joins; kept with the region after a reload, then undone.
  await expect(page.locator('[data-testid=matched-indicator][data-key="市内有効求人倍率"]')).toHaveCount(0);
  await page.getByTestId('unmatched-town').selectOption(cid);
  const row = page.getByTestId('unmatched-indicator').filter({ hasText: '有効求人倍率（鴻巣）' });
  await row.getByTestId('match-key').fill('市内有効求人倍率');
  await row.getByTestId('match-set').click();
  const hand = page.locator('[data-testid=matched-indicator][data-key="市内有効求人倍率"]');
  await expect(hand.getByTestId('matched-towns')).toHaveText('2');
  await expect(hand).toContainText('手動 1');
  await page.reload();
  await page.waitForFunction(() => window.__shirubeAppStarted === true);
  await expect(hand.getByTestId('matched-towns')).toHaveText('2');
  await hand.getByTestId('matched-show').click();
  await expect(page.getByTestId('matched-name')).toHaveText('市内有効求人倍率');
  await page.getByTestId('matched-members').locator('summary').click();
  const byHand = page.locator(`[data-testid=match-member][data-by=hand][data-town="${cid}"]`);
  await expect(byHand).toHaveCount(1);
  await expect(page.locator(`[data-testid=match-member][data-by=name][data-town="${kid}"]`)).toHaveCount(1);
  await byHand.getByTestId('match-undo').click();
  await expect(hand).toHaveCount(0);

  // ── Towns × SDGs: every town's count of measures per SDG, as text, in the SDG's colour.
  const matrix = page.getByTestId('sdg-matrix');
  await expect(matrix.locator('thead th.sdg-head')).toHaveCount(17);
  await expect(matrix.getByTestId('sdg-row')).toHaveCount(3);
  const measures = (file: any): any[] => file.strategy.goals.flatMap((g: any) => g.measures ?? []);
  let tallied = 0;
  for (const file of [kitamoto, hokuto]) {
    const cells = matrix.locator(`[data-testid=sdg-row][data-town="${file.strategy.id}"] td[data-sdg]`);
    await expect(cells).toHaveCount(17);
    for (let n = 1; n <= 17; n++) {
      const count = measures(file).filter((m) => (m.sdgs ?? []).includes(n)).length;
      tallied += count;
      const cell = cells.nth(n - 1);
      await expect(cell).toHaveText(String(count));
      if (count > 0) expect(await cell.getAttribute('style')).toMatch(/background:#[0-9A-Fa-f]{6}/);
    }
  }
  expect(tallied).toBe(5);
  await expect(matrix.locator('thead th[data-sdg="13"]')).toHaveAttribute('title', /^13 /);
  // The theme search by an SDG alone (4: 質の高い教育) finds 北斗市's two measures tagged with it,
  // and no other town; the hits as a CSV.
  await page.getByTestId('theme-sdg').selectOption('4');
  await expect(page.locator(`[data-testid=theme-town][data-id="${hokuto.strategy.id}"]`)).toBeVisible();
  await expect(page.getByTestId('theme-town')).toHaveCount(1);
  const [hits] = await Promise.all([page.waitForEvent('download'), page.getByTestId('theme-csv').click()]);
  expect(hits.suggestedFilename()).toMatch(/^埼玉・渡島テスト管内_取組事例_\d{4}-\d{2}-\d{2}\.csv$/);
  const hitLines = fs.readFileSync((await hits.path())!).toString('utf8').replace(/^\uFEFF/, '').split('\r\n');
  expect(hitLines[0]).toBe('市区町村,区分,目標番号,目標名,施策番号,施策名,事業番号,事業名');
  expect(hitLines.filter((l) => l.startsWith('北斗市,施策,'))).toHaveLength(2);
  await page.getByTestId('theme-sdg').selectOption('');

  await page.getByTestId('region-coverage').screenshot({ path: shotPath('region-coverage') });
  await page.getByTestId('region-partnerships').screenshot({ path: shotPath('region-partnerships') });
  // 補助事業 by grant programme: the examples name none, so every row is under
  // 「交付金の記入なし」 and none under a programme.
  const grantRows = await page.getByTestId('grant-row').count();
  expect(grantRows).toBeGreaterThan(0);
  await expect(page.getByTestId('grants-table').locator('td[data-col=programme]').first()).toHaveText('—');
  await page.getByTestId('grants-programme').selectOption('unnamed');
  await expect(page.getByTestId('grant-row')).toHaveCount(grantRows);
  await page.getByTestId('grants-programme').selectOption('new_regional_economy');
  await expect(page.getByTestId('grants-none')).toBeVisible();
  await page.getByTestId('grants-programme').selectOption('');
  await page.getByTestId('region-grants').screenshot({ path: shotPath('region-grants') });

  // ── Nothing on the page is wider than the screen: long tables scroll in their own box.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  await shot('region-views');

  // English on request.
  await page.getByTestId('language').click();
  await expect(page.getByTestId('region-indicators').getByRole('heading', { level: 2 })).toHaveText('One indicator across towns');
  await expect(page.getByTestId('region-coverage').getByRole('heading', { level: 2 })).toHaveText('SDGs and national goals');
  await page.getByTestId('language').click();
  await expect(page.getByTestId('region-indicators').getByRole('heading', { level: 2 })).toHaveText('指標の比較');

  expect(pageErrors).toEqual([]);
});

// A bureau in 2026: 北斗市 re-aligned to 「地方創生に関する総合戦略」 as the
// re-alignment proposes it (strategy-flows.spec.ts: goal 1 → 目標1, 2 → 目標3, 3 none, 4 → 目標2),
// 北本市 as it ships (第2期, its file from before frames had keys: grouped by its goals), and
// 鴻巣市 (北本市's file) on デジタル田園都市国家構想総合戦略, its four basic goals under the four
// 取組方針 and its two cross-cutting goals under none. The table splits into three, newest frame
// first, each with that frame's goals as columns and its towns as rows.
test('towns on three national frames: the towns × 国の基本目標 table per frame', async ({ page, openApp, pageErrors, shot }) => {
  const kitamoto = example('kitamoto');
  const hokuto = example('hokuto');
  const konosu = variant(kitamoto, 'strategy-e2e-konosu', '鴻巣市', '112178');
  const ng = (n: number) => `ng-e2e-2025-${n}`;
  hokuto.strategy.national_framework = {
    key: 'chihou-sousei-senryaku-2025',
    name: '地方創生に関する総合戦略',
    goals: ['「強い経済」をつくる', '「豊かな生活環境」を実現する', '「選ばれる地方」になる'].map((title, i) => ({ id: ng(i + 1), kind: 'basic', number: String(i + 1), title })),
  };
  const links = [ng(1), ng(3), null, ng(2)];
  hokuto.strategy.goals.forEach((g: any, i: number) => {
    if (links[i]) g.national_goal = links[i];
    else delete g.national_goal;
  });
  const dg = (n: number) => `ng-e2e-digital-${n}`;
  konosu.strategy.national_framework = {
    key: 'digital-denen-toshi-2022',
    name: 'デジタル田園都市国家構想総合戦略',
    goals: ['地方に仕事をつくる', '人の流れをつくる', '結婚・出産・子育ての希望をかなえる', '魅力的な地域をつくる'].map((title, i) => ({ id: dg(i + 1), kind: 'basic', number: String(i + 1), title })),
  };
  konosu.strategy.goals.forEach((g: any, i: number) => {
    if (i < 4) g.national_goal = dg(i + 1);
    else delete g.national_goal;
  });

  await openApp();
  await regionOf(page, '三つの枠組み管内', [
    { name: 'kitamoto.json', json: kitamoto },
    { name: 'hokuto.json', json: hokuto },
    { name: 'konosu.json', json: konosu },
  ]);
  const coverage = page.getByTestId('region-coverage');
  const groups = coverage.getByTestId('national-goal-group');
  await expect(groups).toHaveCount(3);
  expect(await groups.evaluateAll((els) => els.map((e) => e.getAttribute('data-frame')))).toEqual([
    'chihou-sousei-senryaku-2025',
    'digital-denen-toshi-2022',
    'machi-hito-shigoto-2',
  ]);
  await expect(groups.getByTestId('national-goal-group-heading')).toHaveText([
    '地方創生に関する総合戦略（令和7〜11年度） 1 市町村',
    'デジタル田園都市国家構想総合戦略（令和5〜9年度） 1 市町村',
    '第2期「まち・ひと・しごと創生総合戦略」（令和2〜6年度） 1 市町村',
  ]);
  const measures = (file: any, i: number) => (file.strategy.goals[i].measures ?? []).length;
  const cells = (group: number) =>
    groups.nth(group).getByTestId('national-goal-row').locator('th, td').evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()));

  // The 2025 frame: its three goals as columns, 北斗市 the one row, its goal 3 under none.
  const newest = groups.nth(0);
  await expect(newest.locator('thead th.national-goal-head')).toHaveText([
    '目標1「強い経済」をつくる',
    '目標2「豊かな生活環境」を実現する',
    '目標3「選ばれる地方」になる',
  ]);
  await expect(newest.getByTestId('national-goal-row')).toHaveAttribute('data-town', hokuto.strategy.id);
  expect(await cells(0)).toEqual([
    '北斗市',
    `目標 1・施策 ${measures(hokuto, 0)}`,
    `目標 1・施策 ${measures(hokuto, 3)}`,
    `目標 1・施策 ${measures(hokuto, 1)}`,
    '1',
  ]);
  // デジタル田園都市: four 取組方針 and three foundations; 鴻巣市's cross-cutting goals under none.
  await expect(groups.nth(1).locator('thead th.national-goal-head')).toHaveCount(7);
  await expect(groups.nth(1).locator('thead th.national-goal-head').first()).toHaveText('取組方針1地方に仕事をつくる');
  expect(await cells(1)).toEqual(['鴻巣市', ...[0, 1, 2, 3].map((i) => `目標 1・施策 ${measures(konosu, i)}`), ...Array(3).fill('目標 0・施策 0'), '2']);
  // 第2期: 北本市, found by its goals (its file names no key), one goal under each national goal.
  await expect(groups.nth(2).locator('thead th.national-goal-head')).toHaveCount(6);
  await expect(groups.nth(2).locator('thead th.national-goal-head').nth(4)).toHaveText('横断的な目標1多様な人材の活躍を推進する');
  expect(await cells(2)).toEqual(['北本市', ...[0, 1, 2, 3, 4, 5].map((i) => `目標 1・施策 ${measures(kitamoto, i)}`), '0']);
  await coverage.scrollIntoViewIfNeeded();
  await coverage.screenshot({ path: shotPath('region-frames') });
  await shot('region-frames-page');

  // In English: the frames' English names.
  await page.getByTestId('language').click();
  await expect(groups.getByTestId('national-goal-group-heading').first()).toHaveText(
    'Comprehensive Strategy on Regional Revitalisation (Regional Revitalisation 2.0) (FY2025–2029) 1 town',
  );
  await page.getByTestId('language').click();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  expect(pageErrors).toEqual([]);
});

/** Where an element's screenshot goes: beside the full-page ones `shot` takes. */
function shotPath(name: string): string {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return path.join(SCREENSHOT_DIR, `${name}.png`);
}
