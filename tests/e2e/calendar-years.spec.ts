// A calendar-year series in the editor: 北本市's 7-2 出生数, counted by calendar year
// as 人口動態統計 counts it, writes every year of its values as 「令和5年」 — the year rows'
// headings, the column heading, the baseline and target year fields, the latest achievement —
// never 「令和5年度」. The fiscal year a target was revised in stays a fiscal year (a decision of
// the town's fiscal year); the target's own year is a value's year. An as-of series writes its
// date, and back on 年度 every year is a fiscal year again.
import { test, expect } from './fixtures';
import { enter, savedStrategy } from './helpers';
import type { Page } from '@playwright/test';

/** The headings of the year rows of the first series, as shown. */
async function rowHeadings(page: Page): Promise<string[]> {
  return page.getByTestId('year-table-0').locator('tbody th .year').allTextContents();
}

test('a calendar-year series shows 年, not 年度, in its year rows and year fields', async ({ page, openApp, pageErrors, shot }) => {
  await openApp();
  await page.getByTestId('example-kitamoto').click();
  await page.getByTestId('edit').click();
  await page.getByTestId('outline-indicator').filter({ hasText: '出生数' }).click();

  // A fiscal-year series first (what the example holds): 年度 everywhere.
  await expect(page.getByTestId('year-row-heading-0-2023')).toHaveText('令和5年度');
  await expect(page.getByTestId('year-table-0').locator('thead th').first()).toHaveText('年度');

  // 年（暦年）: the rows, the column heading and the labels of the year fields say 年.
  await page.getByTestId('year-basis-0').selectOption('calendar');
  await expect(page.getByTestId('year-row-heading-0-2023')).toHaveText('令和5年');
  await expect(page.getByTestId('year-row-heading-0-2025')).toHaveText('令和7年');
  await expect(page.getByTestId('year-table-0').locator('thead th').first()).toHaveText('年');
  const headings = await rowHeadings(page);
  expect(headings.length).toBeGreaterThanOrEqual(4);
  expect(headings.filter((h) => h.includes('年度'))).toEqual([]);
  await expect(page.getByTestId('actual-0-2023')).toHaveAccessibleName('令和5年 実績値');

  // The baseline's and the target's years: typed any way, shown as the series' years.
  await enter(page, 'baseline-year-0', 'R3');
  await expect(page.getByTestId('baseline-year-0')).toHaveValue('令和3年');
  await expect(page.getByLabel('当初値の年', { exact: true })).toHaveValue('令和3年');
  await enter(page, 'target-year-0', '2025年');
  await expect(page.getByTestId('target-year-0')).toHaveValue('令和7年');
  await expect(page.getByLabel('目標年', { exact: true })).toHaveValue('令和7年');

  // The latest achievement names the value's year.
  await enter(page, 'actual-0-2023', '352');
  await expect(page.getByTestId('series-status-0').locator('.year')).toHaveText('令和5年');
  await page.getByTestId('series-meta-0').scrollIntoViewIfNeeded();
  await shot('calendar-years-editor');

  // A revision: the target's year is the value's (令和7年), the year revised in a fiscal year.
  await page.getByTestId('target-revise-0').click();
  await expect(page.getByTestId('target-revision-form-0')).toContainText('修正前の目標: 380人 (令和7年)');
  await enter(page, 'target-0', '400');
  await enter(page, 'target-revision-year-0', 'R5');
  await expect(page.getByTestId('target-revision-year-0')).toHaveValue('令和5年度');
  await enter(page, 'target-revision-reason-0', '出生数の回復を受け');
  await page.getByTestId('target-revision-record-0').click();
  await expect(page.getByTestId('target-revision-0-0')).toHaveText(/令和5年度に上方修正（380人 → 400人）: 出生数の回復を受け/);

  const s = await savedStrategy(page);
  const births = s.indicators.find((i: any) => i.code === '7-2').series[0];
  expect(births.year_basis).toBe('calendar');
  expect(births.baseline).toEqual({ value: 340, year: 2021 });
  expect(births.target).toEqual({ kind: 'value', value: 400, year: 2025 });
  expect(births.target_history).toEqual([
    { target: { kind: 'value', value: 380, year: 2025 }, year: 2023, reason: '出生数の回復を受け' },
  ]);

  // As of 4月1日: the rows and the year fields write the date.
  await page.getByTestId('year-basis-0').selectOption('as_of');
  await expect(page.getByTestId('year-row-heading-0-2023')).toHaveText('令和5年4月1日現在');
  await expect(page.getByTestId('year-table-0').locator('thead th').first()).toHaveText('時点');
  await expect(page.getByTestId('baseline-year-0')).toHaveValue('令和3年4月1日現在');
  await page.getByTestId('year-table-0').scrollIntoViewIfNeeded();
  await shot('calendar-years-as-of');

  // Back to 年度: fiscal years again.
  await page.getByTestId('year-basis-0').selectOption('fiscal');
  await expect(page.getByTestId('year-row-heading-0-2023')).toHaveText('令和5年度');
  await expect(page.getByTestId('baseline-year-0')).toHaveValue('令和3年度');
  await expect(page.getByLabel('当初値の年度')).toHaveValue('令和3年度');
  expect(pageErrors).toEqual([]);
});
