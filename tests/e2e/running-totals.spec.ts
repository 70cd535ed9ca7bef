// Actuals printed as running totals (累計値) and values as of a month, on the 北本市
// example (plan 令和4〜7年度):
// - in the editor, a made-up KPI 「4年間で40人」 whose series says 「実績値は累計値」: the totals 8
//   and 20 are kept as typed, 令和5年度's own 12 is shown as derived, and the progress is the
//   total itself (20 of 40 = 50 %, half the span passed: 順調), never 8 + 20; the printed report
//   shows the total with the year's value and the yearly table a 単年度（差分） row;
// - a long CSV with 実績の種類 累計 and 値の時点 「3月末」 (years written 「令和5年3月末」) sets
//   7-2 出生数 to running totals as of the end of March: previewed, applied, shown as written
//   in the editor and the overview, and exported with the same words.
import fs from 'node:fs';
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { enter, savedStrategy } from './helpers';

const BIRTHS = 'ind-8dd0c54e4a424cf0beb688bbe419ceff'; // 7-2 出生数
const LONG_HEADER = '指標ID,指標番号,指標名,系列,単位,年度,区分,値,速報値,値の時点,出典,修正年度,修正日,修正理由';

async function newIndicator(page: Page, name: string, unit: string) {
  await page.getByTestId('outline-goal').first().click();
  await page.getByTestId('goal-targets').getByTestId('create-ref').click();
  await expect(page.getByTestId('indicator-name')).toBeFocused();
  await enter(page, 'indicator-unit', unit);
  await enter(page, 'indicator-name', name);
  await expect(page.getByTestId('indicator-heading')).toContainText(name);
}

async function download(page: Page, testid: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return fs.readFileSync((await file.path())!, 'utf8').replace(/^\uFEFF/, '');
}

async function rows(page: Page, testid: string): Promise<string[][]> {
  return page.getByTestId(testid).locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim())),
  );
}

test('a series set to running totals in the editor shows each year derived and its progress from the total', async ({ page, openApp, pageErrors, shot }) => {
  await openApp();
  await page.getByTestId('example-kitamoto').click();
  await page.getByTestId('edit').click();
  await expect(page.getByTestId('editor')).toBeVisible();

  await newIndicator(page, 'UIターン者数（作例）', '人');
  await page.getByTestId('target-kind-0').selectOption('cumulative');
  await enter(page, 'target-0', '40');
  await page.getByTestId('running-totals-0').check();
  await expect(page.getByTestId('running-totals-note-0')).toContainText('累計で記録');
  await enter(page, 'actual-0-2022', '8');
  await enter(page, 'actual-0-2023', '20');

  // 令和5年度: 20 − 8 = 12, derived; 令和4年度 has no year before it.
  await expect(page.getByTestId('yearly-0-2023')).toHaveText('累計（うち単年度 12・差分）');
  await expect(page.getByTestId('yearly-0-2022')).toContainText('前年度がないため');
  // The total itself against 40: 50 %, with 2 of 4 years passed → on track (8 + 20 = 28 would be 70 %).
  const summary = page.getByTestId('indicator-chart').getByTestId('chart-summary');
  await expect(summary).toContainText('累計、うち単年度 12人');
  await expect(summary).toContainText('進捗 50%');
  await expect(summary).toContainText('順調');
  await expect(page.getByTestId('row-status-0-2023')).toContainText('順調');
  await page.getByTestId('series-meta-0').scrollIntoViewIfNeeded();
  await shot('running-totals-editor');
  await page.getByTestId('indicator-chart').scrollIntoViewIfNeeded();
  await shot('running-totals-chart');

  // English.
  await page.getByTestId('language').click();
  await expect(page.getByTestId('yearly-0-2023')).toHaveText('running total (this year 12, derived)');
  await expect(page.getByTestId('running-totals-0').locator('xpath=..')).toContainText('Actuals are running totals');
  await page.getByTestId('language').click();

  const s = await savedStrategy(page);
  const ind = s.indicators.find((i: any) => i.name === 'UIターン者数（作例）');
  expect(ind.series[0].running_totals).toBe(true);
  expect(ind.series[0].actuals.map((a: any) => [a.year, a.value])).toEqual([[2022, 8], [2023, 20]]);
  // Another series was not given the field.
  expect(s.indicators.filter((i: any) => i.id !== ind.id).every((i: any) => i.series.every((x: any) => !('running_totals' in x)))).toBe(true);

  // The printed report: the total with the year's own value, and a 単年度（差分） row.
  await page.evaluate((id) => (location.hash = `#/s/${id}/print/targets`), s.id);
  const rowsOf = page.getByTestId('indicator-rows').filter({ has: page.getByTestId('cell-name').filter({ hasText: 'UIターン者数（作例）' }) });
  await expect(rowsOf.getByTestId('cell-actual')).toContainText('20人');
  await expect(rowsOf.getByTestId('cell-actual')).toContainText('累計、うち単年度 12人');
  await expect(rowsOf.getByTestId('cell-progress')).toContainText('50%');
  const table = await rowsOf.getByTestId('year-table').locator('tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())),
  );
  const actualRow = table.find((r) => r.some((c) => c.startsWith('実績（累計）')));
  const derivedRow = table.find((r) => r.includes('単年度（差分）'));
  expect(actualRow, JSON.stringify(table)).toBeTruthy();
  expect(actualRow!.slice(-4)).toEqual(['8', '20', '—', '—']);
  expect(derivedRow!.slice(-4)).toEqual(['', '12', '', '']);
  await rowsOf.scrollIntoViewIfNeeded();
  await shot('running-totals-print');
  expect(pageErrors).toEqual([]);
});

test('a CSV with 実績の種類 累計 and 値の時点 3月末 sets running totals as of the end of March', async ({ page, openApp, pageErrors, shot }) => {
  await openApp();
  await page.getByTestId('example-kitamoto').click();
  await page.getByTestId('nav-output').click();
  await expect(page.getByTestId('files-page')).toBeVisible();

  const birthsRow = `${BIRTHS},7-2,出生数,,人`;
  const lines = [
    `${LONG_HEADER},実績の種類`,
    `${birthsRow},令和4年3月末,実績,352,,3月末,,,,,累計`,
    `${birthsRow},令和5年3月末,実績,700,,3月末,,,,,累計`,
  ];
  const buffer = Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
  await page.getByTestId('csv-file').setInputFiles({ name: '出生数（累計）.csv', mimeType: 'text/csv', buffer });
  await expect(page.getByTestId('csv-preview')).toBeVisible();
  await expect(page.getByTestId('csv-change-count')).toHaveText('2 件');
  await expect(page.getByTestId('csv-text-count')).toHaveText('2 件');
  expect(await rows(page, 'csv-texts')).toEqual([
    ['2', '7-2 出生数', '—', '値の時点', '年度', '→', '3月末'],
    ['2', '7-2 出生数', '—', '実績の種類', '単年度の値', '→', '累計値'],
  ]);
  // Each value's year as the series will write it.
  const changes = await rows(page, 'csv-changes');
  expect(changes.map((r) => r[3])).toEqual(['令和4年3月末', '令和5年3月末']);
  await expect(page.getByTestId('csv-refused')).toHaveCount(0);
  await page.getByTestId('csv-texts').scrollIntoViewIfNeeded();
  await shot('running-totals-csv-preview');

  await page.getByTestId('csv-apply').click();
  await expect(page.getByTestId('csv-applied')).toContainText('2 件の値と 2 件の記述');
  const s = await savedStrategy(page);
  const births = s.indicators.find((i: any) => i.id === BIRTHS).series[0];
  expect(births.year_basis).toEqual({ as_of_month: { month: 3, end: true } });
  expect(births.running_totals).toBe(true);
  expect(births.actuals.map((a: any) => [a.year, a.value])).toEqual([[2022, 352], [2023, 700]]);

  // The editor: the month as written, the year's own value derived (700 − 352 = 348).
  await page.evaluate((id) => (location.hash = `#/s/${id}/edit`), s.id);
  await page.getByTestId('outline-indicator').filter({ hasText: '出生数' }).click();
  await expect(page.getByTestId('year-basis-0')).toHaveValue('month_end');
  await expect(page.getByTestId('as-of-month-0')).toHaveValue('3');
  await expect(page.getByTestId('as-of-day-0')).toHaveCount(0);
  await expect(page.getByTestId('year-basis-note-0')).toContainText('令和5年3月末');
  await expect(page.getByTestId('running-totals-0')).toBeChecked();
  await expect(page.getByTestId('year-row-heading-0-2023')).toHaveText('令和5年3月末');
  await expect(page.getByTestId('yearly-0-2023')).toHaveText('累計（うち単年度 348・差分）');
  await page.getByTestId('series-meta-0').scrollIntoViewIfNeeded();
  await shot('running-totals-csv-editor');

  // The overview.
  await page.evaluate((id) => (location.hash = `#/s/${id}`), s.id);
  const row = page.getByTestId('overview').getByTestId('target-row').filter({ hasText: '出生数' }).first();
  await expect(row.getByTestId('overview-actual')).toHaveText('700人 (令和5年3月末) 累計、うち単年度 348人');
  await row.scrollIntoViewIfNeeded();
  await shot('running-totals-csv-overview');

  // Exported again with the same words.
  await page.evaluate((id) => (location.hash = `#/s/${id}/files`), s.id);
  const long = await download(page, 'export-csv-long');
  expect(long.split('\r\n')[0]).toBe(`${LONG_HEADER},実績の種類,担当課`);
  expect(long).toContain(`${birthsRow},令和5年,実績,700,,3月末,,,,,累計,こども課\r\n`);
  expect(long).toMatch(/,単年度,[^,\r\n]+\r\n/);
  expect(pageErrors).toEqual([]);
});
