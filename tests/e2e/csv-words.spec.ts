// The CSV import reads back the words beside the values, on the 北本市 example:
// - a long file as an officer edits it in Excel: 7-2 出生数 counted by calendar year (値の時点 年)
//   from 人口動態統計, its 令和5年 value from 保健所の集計, and a 修正前の目標 row (an earlier target
//   of 360, revised 2022-06-15, 上方修正) — previewed word by word beside the value, a 修正日 that
//   is no day refused with its cell, applied, exported again with the same cells, and one Undo
//   takes all of it back;
// - the verdicts file (町の評価) exported by the app, edited: a verdict and the committee's
//   comment come in, a year outside the plan period is refused; the indicator form shows them.
import fs from 'node:fs';
import { test, expect } from './fixtures';
import { savedStrategy } from './helpers';
import type { Page } from '@playwright/test';

const BIRTHS = 'ind-8dd0c54e4a424cf0beb688bbe419ceff'; // 7-2 出生数
const HEALTH = 'ind-bf03bf1feb16424e9171683490a9ebe3'; // 2-2 65歳健康寿命 (男性 / 女性)
const LONG_HEADER = '指標ID,指標番号,指標名,系列,単位,年度,区分,値,速報値,値の時点,出典,修正年度,修正日,修正理由';

async function kitamotoFiles(page: Page, openApp: () => Promise<void>) {
  await openApp();
  await page.getByTestId('example-kitamoto').click();
  await page.getByTestId('nav-output').click();
  await expect(page.getByTestId('files-page')).toBeVisible();
}

async function pick(page: Page, name: string, lines: string[]) {
  const buffer = Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
  await page.getByTestId('csv-file').setInputFiles({ name, mimeType: 'text/csv', buffer });
  await expect(page.getByTestId('csv-preview')).toBeVisible();
}

/** The cells of each row of a preview table, whitespace squeezed. */
async function rows(page: Page, testid: string): Promise<string[][]> {
  return page.getByTestId(testid).locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim())),
  );
}

async function download(page: Page, testid: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return fs.readFileSync((await file.path())!, 'utf8').replace(/^\uFEFF/, '');
}

test('値の時点, 出典 and an earlier target come back from a long CSV, previewed, applied, exported the same, undone in one step', async ({ page, openApp, pageErrors, shot }) => {
  await kitamotoFiles(page, openApp);
  const before = await savedStrategy(page);
  const births = (s: any) => s.indicators.find((i: any) => i.id === BIRTHS);
  expect(births(before).source).toBe('');
  expect(births(before).series[0].target).toEqual({ kind: 'value', value: 380 });

  const birthsRow = `${BIRTHS},7-2,出生数,,人`;
  await pick(page, '出生数.csv', [
    LONG_HEADER,
    `${birthsRow},,当初値,340,,年,人口動態統計,,,`,
    `${birthsRow},令和5年,実績,352,,年,保健所の集計,,,`,
    `${birthsRow},,修正前の目標,360,,年,人口動態統計,令和4年度,2022-06-15,上方修正`,
    `${birthsRow},,修正前の目標,350,,年,人口動態統計,令和4年度,2023-02-30,`,
  ]);
  await expect(page.getByTestId('csv-change-count')).toHaveText('1 件');
  await expect(page.getByTestId('csv-text-count')).toHaveText('4 件');
  await expect(page.getByTestId('csv-unchanged')).toHaveText('1 件');
  // The value's year as the series will write it: 令和5年, not 令和5年度.
  expect(await rows(page, 'csv-changes')).toEqual([['3', '7-2 出生数', '—', '令和5年', '実績', '—', '→', '352']]);
  expect(await rows(page, 'csv-texts')).toEqual([
    ['2', '7-2 出生数', '—', '値の時点', '年度', '→', '年（暦年）'],
    ['2', '7-2 出生数', '—', '出典（指標）', '—', '→', '人口動態統計'],
    ['3', '7-2 出生数', '—', '出典（令和5年の実績）', '—', '→', '保健所の集計'],
    ['4', '7-2 出生数', '—', '修正前の目標（令和4年度に修正）', '—', '→', '360人 2022-06-15: 上方修正'],
  ]);
  expect(await rows(page, 'csv-refused')).toEqual([
    ['5', 'M列「修正日」', '修正日「2023-02-30」は日付として読めません（2022-06-15 のように書きます）'],
  ]);
  await expect(page.getByTestId('csv-ignored')).toHaveCount(0);
  await page.getByTestId('csv-texts').scrollIntoViewIfNeeded();
  await shot('csv-preview-words');

  // English: the same table in English words (the town's own words stay as written).
  await page.getByTestId('language').click();
  expect((await rows(page, 'csv-texts')).map((r) => [r[3], r[4], r[6]])).toEqual([
    ['What the year means', 'fiscal year', 'calendar year'],
    ['Source (indicator)', '—', '人口動態統計'],
    ['Source (actual of CY2023 (R5))', '—', '保健所の集計'],
    ['Earlier target (revised in FY2022 (R4))', '—', '360人 2022-06-15: 上方修正'],
  ]);
  await page.getByTestId('language').click();

  await page.getByTestId('csv-apply').click();
  await expect(page.getByTestId('csv-applied')).toContainText('1 件の値と 4 件の記述（値の時点・出典・町の評価・修正前の目標）を取り込みました');
  const after = await savedStrategy(page);
  expect(births(after).source).toBe('人口動態統計');
  const series = births(after).series[0];
  expect(series.year_basis).toBe('calendar');
  expect(series.actuals).toEqual([{ year: 2023, value: 352, provisional: false, comment: '', source: '保健所の集計' }]);
  expect(series.target).toEqual({ kind: 'value', value: 380 });
  expect(series.target_history).toEqual([{ target: { kind: 'value', value: 360 }, year: 2022, date: '2022-06-15', reason: '上方修正' }]);
  // Nothing else changed.
  const others = (s: any) => s.indicators.filter((i: any) => i.id !== BIRTHS);
  expect(others(after)).toEqual(others(before));

  // Exported again: the rows as the officer wrote them (the refused one left out).
  const long = await download(page, 'export-csv-long');
  expect(long.split('\r\n')[0]).toBe(`${LONG_HEADER},担当課`);
  const written = long.split('\r\n').filter((l) => l.startsWith(birthsRow));
  expect(written).toEqual([
    `${birthsRow},,当初値,340,,年,人口動態統計,,,,こども課`,
    `${birthsRow},,目標,380,,年,人口動態統計,,,,こども課`,
    `${birthsRow},,修正前の目標,360,,年,人口動態統計,令和4年度,2022-06-15,上方修正,こども課`,
    `${birthsRow},令和5年,実績,352,,年,保健所の集計,,,,こども課`,
  ]);

  // The overview shows the earlier target beside the current one.
  await page.evaluate((id) => (location.hash = `#/s/${id}`), after.id);
  const row = page.getByTestId('overview').getByTestId('target-row').filter({ hasText: '出生数' }).first();
  await expect(row).toContainText('令和4年度に上方修正');
  await expect(row.getByTestId('overview-actual')).toHaveText('352人 (令和5年)');

  // One Undo takes the whole import back, words and value.
  await page.evaluate((id) => (location.hash = `#/s/${id}/edit`), after.id);
  await page.getByTestId('undo').click();
  const undone = await savedStrategy(page);
  expect(births(undone)).toEqual(births(before));
  expect(pageErrors).toEqual([]);
});

test('the verdicts worksheet comes back: a verdict and its comment filled in, a year outside the period refused', async ({ page, openApp, pageErrors, shot }) => {
  // An actual of 令和4年度 for 65歳健康寿命 (男性): that year wants a verdict.
  await openApp();
  await page.getByTestId('example-kitamoto').click();
  await page.getByTestId('edit').click();
  await page.getByTestId('outline-indicator').filter({ hasText: '65歳健康寿命' }).click();
  await page.getByTestId('actual-0-2022').fill('18.8');
  await page.getByTestId('actual-0-2022').press('Enter');
  await expect(page.getByTestId('series-status-0')).toContainText('順調');
  const stored = await savedStrategy(page);
  await page.evaluate((id) => (location.hash = `#/s/${id}/files`), stored.id);

  // The exported worksheet has that year's row, 町の評価 still empty, the figures beside it.
  const exported = await download(page, 'export-csv-verdicts');
  const [header, ...lines] = exported.split('\r\n').filter((l) => l !== '');
  expect(header).toBe('指標ID,指標番号,指標名,年度,町の評価,計算,計算と異なる,委員会の意見など');
  expect(lines).toHaveLength(1);
  const cells = lines[0].split(',');
  expect(cells.slice(0, 5)).toEqual([HEALTH, '2-2', '65歳健康寿命', '令和4年度', '']);
  expect(cells[5]).toContain('順調');

  // The officer fills in the committee's verdict in Excel, and adds two rows by hand.
  cells[4] = '達成';
  cells[7] = '委員会: 目標に届いたと判断';
  await pick(page, '効果検証.csv', [
    header,
    cells.join(','),
    `${BIRTHS},7-2,出生数,平成30年度,未達成,,,`,
    `${BIRTHS},7-2,出生数,令和5年度,,,,`,
  ]);
  await expect(page.getByTestId('csv-layout')).toHaveText('町の評価（1行に1指標・1年度）');
  await expect(page.getByTestId('csv-text-count')).toHaveText('1 件');
  await expect(page.getByTestId('csv-changes')).toHaveCount(0);
  expect(await rows(page, 'csv-texts')).toEqual([
    ['2', '2-2 65歳健康寿命', '—', '町の評価（令和4年度）', '—', '→', '達成（委員会: 目標に届いたと判断）'],
  ]);
  expect(await rows(page, 'csv-refused')).toEqual([
    ['3', 'D列「年度」', '平成30年度 は計画期間の外です（新しい値は計画期間内の年度にだけ入れられます）'],
  ]);
  await shot('csv-preview-verdicts');
  await page.getByTestId('csv-apply').click();
  await expect(page.getByTestId('csv-applied')).toContainText('「効果検証.csv」から 1 件の記述（値の時点・出典・町の評価・修正前の目標）を取り込みました');

  const s = await savedStrategy(page);
  const health = s.indicators.find((i: any) => i.id === HEALTH);
  expect(health.verdicts).toEqual([{ year: 2022, verdict: '達成', comment: '委員会: 目標に届いたと判断' }]);
  expect(s.indicators.find((i: any) => i.id === BIRTHS).verdicts ?? []).toEqual([]);

  // The indicator form shows the verdict as the committee wrote it.
  await page.evaluate((id) => (location.hash = `#/s/${id}/edit`), s.id);
  await page.getByTestId('outline-indicator').filter({ hasText: '65歳健康寿命' }).click();
  await expect(page.getByTestId('verdict-2022')).toHaveValue('達成');
  await expect(page.getByTestId('verdict-comment-2022')).toHaveValue('委員会: 目標に届いたと判断');
  expect(pageErrors).toEqual([]);
});
