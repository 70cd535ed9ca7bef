// The regional view: a regional bureau creates a region, brings five towns' files in
// at once (one of them bad: it is listed with its error, the four others come in), reads the
// towns side by side (北本市's numbers against its own overview), finds an initiative by a
// theme word and opens it, and downloads the side-by-side table as a CSV for Excel.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, SCREENSHOT_DIR } from './fixtures';
import { example, variant } from './region-towns';
import { REPO_ROOT } from './paths';
import type { Page } from '@playwright/test';

const BOM = [0xef, 0xbb, 0xbf];

/** A copy of an example as another town's file, as text. */
const variantText = (...args: Parameters<typeof variant>) => JSON.stringify(variant(...args), null, 2);

/** The numbers of a side-by-side row, by column. */
async function cells(page: Page, id: string): Promise<Record<string, string>> {
  return page.locator(`[data-testid=town-row][data-id="${id}"] [data-col]`).evaluateAll((els) =>
    Object.fromEntries(els.map((e) => [e.getAttribute('data-col')!, (e.textContent ?? '').trim()])),
  );
}

test('a region: five files at once, the towns side by side, a theme search, the CSV', async ({ page, openApp, pageErrors }) => {
  test.setTimeout(120_000);
  const kitamoto = example('kitamoto');
  const hokuto = example('hokuto');
  // 追分IC appears in 北斗市's initiatives only: its copy calls it otherwise.
  const files = [
    { name: 'kitamoto.json', text: JSON.stringify(kitamoto, null, 2) },
    { name: 'hokuto.json', text: JSON.stringify(hokuto, null, 2) },
    { name: 'konosu.json', text: variantText(kitamoto, 'strategy-e2e-konosu', '鴻巣市', '112178') },
    { name: 'nanae.json', text: variantText(hokuto, 'strategy-e2e-nanae', '七飯町', '013374', [['追分IC', '大中山IC']]) },
    { name: 'broken.json', text: '{"format": "shirube-strategy", "version": 1, "strategy": {"id": "x",' },
  ];

  await openApp();
  await page.getByTestId('region-name-input').fill('渡島・埼玉テスト管内');
  await page.getByTestId('create-region').click();
  await expect(page.getByTestId('region-page')).toBeVisible();
  await expect(page.getByTestId('region-name')).toHaveText('渡島・埼玉テスト管内');
  await expect(page.getByTestId('region-empty')).toBeVisible();

  await page.getByTestId('region-files').setInputFiles(
    files.map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text, 'utf8') })),
  );
  const results = page.getByTestId('region-result');
  await expect(results).toHaveCount(5);
  await expect(page.locator('[data-testid=region-result][data-outcome=added]')).toHaveCount(4);
  const bad = page.locator('[data-testid=region-result][data-outcome=error]');
  await expect(bad).toHaveCount(1);
  await expect(bad).toContainText('broken.json');
  await expect(bad).toContainText('途中で終わっています');
  await expect(page.getByTestId('notice')).toContainText('新しく追加した戦略: 4 件');
  await expect(page.getByTestId('notice')).toContainText('読めなかったファイル: 1 件');
  await expect(page.getByTestId('town-row')).toHaveCount(4);
  await expect(page.getByTestId('region-towns')).toHaveText('市町村 4');

  // Sorting by 団体コード puts 北斗市 (01…) first; clicking again reverses it.
  await page.getByTestId('sort-municipality').click();
  await expect(page.getByTestId('town-row').first()).toHaveAttribute('data-id', hokuto.strategy.id);
  await page.getByTestId('sort-municipality').click();
  await expect(page.getByTestId('town-row').first()).toHaveAttribute('data-id', kitamoto.strategy.id);

  const row = await cells(page, kitamoto.strategy.id);
  const totals = await page.locator('[data-testid=region-totals] [data-col]').evaluateAll((els) =>
    Object.fromEntries(els.map((e) => [e.getAttribute('data-col')!, (e.textContent ?? '').trim()])),
  );
  await expect(page.getByTestId('region-totals')).toContainText('管内計（4 市町村）');
  const hokutoRow = await cells(page, hokuto.strategy.id);
  expect(Number(totals.goals)).toBe(2 * Number(row.goals) + 2 * Number(hokutoRow.goals));
  fs.mkdirSync(path.join(REPO_ROOT, 'test-results'), { recursive: true });
  await page.screenshot({ path: path.join(REPO_ROOT, 'test-results', 'region-page.png'), fullPage: true });

  // The CSV: BOM, CRLF, the header and the 管内計 row.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('side-by-side-csv').click()]);
  expect(download.suggestedFilename()).toMatch(/^渡島・埼玉テスト管内_比較表_.+年度_\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = fs.readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual(BOM);
  const lines = bytes.toString('utf8').replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toBe('年度,市区町村,団体コード,計画期間,策定段階,目標数,施策数,事業数,指標数,達成,順調,遅れ,データなし,実績入力率（%）,予算額（千円）,決算額（千円）');
  expect(lines.filter((l) => l.includes(',北本市,'))).toHaveLength(1);
  expect(lines.some((l) => /^[^,]+,管内計,/.test(l))).toBe(true);

  // A theme search: 追分IC is in one town only; its hit opens the initiative in the editor.
  await page.getByTestId('theme-words').fill('追分IC');
  await expect(page.getByTestId('theme-town')).toHaveCount(1);
  await expect(page.getByTestId('theme-town')).toHaveAttribute('data-id', hokuto.strategy.id);
  const hit = page.locator('[data-testid=theme-hit][data-kind=事業] [data-testid=theme-hit-link]').first();
  await expect(hit).toContainText('追分IC周辺の土地利用計画の策定');
  await page.getByTestId('theme-search').screenshot({ path: path.join(REPO_ROOT, 'test-results', 'region-themes.png') });
  await page.getByTestId('theme-words').fill('子育て');
  await expect(page.getByTestId('theme-town').first()).toBeVisible();
  await page.getByTestId('theme-words').fill('追分IC');
  await page.locator('[data-testid=theme-hit][data-kind=事業] [data-testid=theme-hit-link]').first().click();
  await expect(page.getByTestId('initiative-title')).toHaveValue('追分IC周辺の土地利用計画の策定');

  // 北本市's own overview says the same numbers as its row.
  await page.goto(`./#/s/${kitamoto.strategy.id}`);
  await expect(page.getByTestId('overview')).toBeVisible();
  const meta = await page.getByTestId('strategy-counts').textContent();
  expect(meta).toBe(`目標 ${row.goals} ・施策 ${row.measures} ・事業 ${row.initiatives} ・指標 ${row.indicators}`);
  // Its status mix counts every indicator once; an indicator with no actual at all is no data,
  // as the overview's table says of each of its series.
  const indicators: any[] = kitamoto.strategy.indicators;
  expect(Number(row.achieved) + Number(row.on_track) + Number(row.behind) + Number(row.no_data)).toBe(indicators.length);
  const without = indicators.filter((i) => i.series.every((x: any) => !(x.actuals ?? []).length));
  expect(Number(row.no_data)).toBeGreaterThanOrEqual(without.length);
  const noDataSeries = without.reduce((n, i) => n + i.series.length, 0);
  expect(await page.locator('[data-testid=indicator-table] [data-testid=target-row] .status.no_data').count()).toBeGreaterThanOrEqual(noDataSeries);

  // The region on the list, with its towns; delete it and bring it back with undo.
  await page.goto('./#/');
  const listed = page.getByTestId('region-row');
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText('市町村 4');
  await listed.getByTestId('delete-region').click();
  await expect(page.getByTestId('region-row')).toHaveCount(0);
  await expect(page.getByTestId('notice')).toContainText('地域を削除しました');
  await expect(page.getByTestId('strategy-row')).toHaveCount(4);
  await page.getByTestId('undo-delete-region').click();
  await expect(page.getByTestId('region-row')).toHaveCount(1);
  await expect(page.getByTestId('notice')).toContainText('地域を復元しました');
  await page.getByTestId('region-row').locator('a').click();
  await expect(page.getByTestId('town-row')).toHaveCount(4);

  expect(pageErrors).toEqual([]);
});

/** The 団体コード of the `i`-th generated town (as `bench::region::town_code`): 01, three digits, the check digit. */
function townCode(i: number): string {
  const five = `01${String(201 + (i % 799)).padStart(3, '0')}`;
  const sum = [...five].map(Number).reduce((s, d, k) => s + d * [6, 5, 4, 3, 2][k], 0);
  const r = sum % 11;
  return `${five}${r === 0 ? 1 : (11 - r) % 10}`;
}

/** How many of a strategy's goals, measures and initiatives hold `word` in the fields the theme search reads. */
function itemsWith(strategy: any, word: string): number {
  const has = (...texts: (string | undefined)[]) => (texts.join('\u0001').includes(word) ? 1 : 0);
  let n = 0;
  for (const g of strategy.goals) {
    n += has(g.title, g.subtitle, g.direction);
    for (const m of g.measures ?? []) {
      n += has(m.title, m.summary);
      for (const i of m.initiatives ?? []) n += has(i.title, i.description);
    }
  }
  return n;
}

// As a bureau of 179 towns found it: right after the bring-in the header said 「市町村 0」
// (and the table was empty) while the 179 「追加しました」 lines were listed; and 「子育て」 said
// 「55 市町村で 494 件」 until すべて表示 was pressed, then 「134 市町村で 494 件」.
test('179 towns at once: the header counts them as they come, the theme search counts towns over all hits', async ({ page, openApp, pageErrors }) => {
  test.setTimeout(600_000);
  const kitamoto = example('kitamoto');
  const hokuto = example('hokuto');
  // 40 towns like 北斗市 (5 items on 子育て each), 139 like 北本市 (1 each; 30 of them without it):
  // far more hits than the 200 drawn at first, over more towns than those hits come from.
  const towns = Array.from({ length: 179 }, (_, i) => {
    const like = i < 40 ? hokuto : kitamoto;
    const replace: [string, string][] = i >= 149 ? [['子育て', '子ども']] : [];
    return variant(like, `strategy-e2e-town-${String(i + 1).padStart(3, '0')}`, `しるべ${i + 1}町`, townCode(i), replace);
  });
  const hits = towns.reduce((n, t) => n + itemsWith(t.strategy, '子育て'), 0);
  const townsWithHits = towns.filter((t) => itemsWith(t.strategy, '子育て') > 0).length;
  expect(hits).toBeGreaterThan(200);
  expect(townsWithHits).toBe(149);

  await openApp();
  await page.getByTestId('region-name-input').fill('しるべ総合振興局管内');
  await page.getByTestId('create-region').click();
  await expect(page.getByTestId('region-empty')).toBeVisible();
  await expect(page.getByTestId('region-towns')).toHaveText('市町村 0');
  // What the header says in every frame, and how many results are listed then.
  await page.evaluate(() => {
    const w = window as any;
    w.__frames = [];
    w.__sampling = true;
    const tick = () => {
      const header = document.querySelector('[data-testid=region-towns]')?.textContent ?? '';
      const results = document.querySelectorAll('[data-testid=region-result]').length;
      const rows = document.querySelectorAll('[data-testid=town-row]').length;
      w.__frames.push([header, results, rows]);
      if (w.__sampling) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.getByTestId('region-files').setInputFiles(
    towns.map((t, i) => ({ name: `town-${i + 1}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(t), 'utf8') })),
  );
  await expect(page.locator('[data-testid=region-result][data-outcome=added]')).toHaveCount(179, { timeout: 300_000 });
  await expect(page.getByTestId('town-row')).toHaveCount(179, { timeout: 120_000 });
  await expect(page.getByTestId('region-towns')).toHaveText('市町村 179');
  const frames: [string, number, number][] = await page.evaluate(() => {
    const w = window as any;
    w.__sampling = false;
    return w.__frames;
  });
  const listed = frames.filter(([, results]) => results > 0);
  expect(listed.length).toBeGreaterThan(0);
  // Once the results are listed, the header never shows the count from before the bring-in.
  expect(listed.filter(([header]) => header === '市町村 0')).toEqual([]);
  // While the table is not drawn yet, the header says it is reading (the towns as they come).
  for (const [header, , rows] of listed) {
    if (rows < 179) expect(header).toMatch(/^市町村(（読み込み中…）| \d+\/179（読み込み中…）| 179)$/);
  }
  // In every frame with every town's row drawn, the header says what is on screen
  // (it said 「市町村 169/179（読み込み中…）」 when the reading's last report came before its last group).
  const drawn = frames.filter(([, , rows]) => rows === 179);
  expect(drawn.length).toBeGreaterThan(0);
  expect([...new Set(drawn.map(([header]) => header))]).toEqual(['市町村 179']);
  console.log(`header while the results were listed: ${[...new Set(listed.map(([h]) => h))].slice(0, 12).join(' | ')}`);

  // 子育て: the towns are counted over every hit, before and after すべて表示.
  await page.getByTestId('theme-words').fill('子育て');
  const summary = `${townsWithHits} 市町村で ${hits} 件`;
  await expect(page.getByTestId('theme-count')).toHaveText(summary);
  await expect(page.getByTestId('theme-hit')).toHaveCount(200);
  await expect(page.getByTestId('theme-hidden')).toContainText(`ほかに ${hits - 200} 件あります`);
  // The search box, its count and the first hits, as the bureau sees them (the whole page holds 179 rows).
  await page.getByTestId('theme-search').scrollIntoViewIfNeeded();
  await page.getByTestId('theme-words').evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'region-179-theme-search.png') });
  await page.getByTestId('theme-show-all').click();
  await expect(page.getByTestId('theme-hit')).toHaveCount(hits);
  await expect(page.getByTestId('theme-town')).toHaveCount(townsWithHits);
  await expect(page.getByTestId('theme-count')).toHaveText(summary);
  expect(pageErrors).toEqual([]);
});
