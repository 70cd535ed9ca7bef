// Years a town's table does not print: 北本市's KPI table gives 「出生数 340人 → 380人」
// with neither year. The app keeps them unknown and says what its progress assumes — in the
// editor's checks, on the chart, under the overview's and the dashboard's tables and in the
// printed report — and stops saying it for a series once its years are typed in.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { REPO_ROOT } from './paths';

const NOTE = '※ 年度の記載がない当初値は令和3年度（計画の前年度）、年度の記載がない目標値は令和7年度（計画の最終年度）のものとして、進み具合を計算しています。';

test('北本市: unknown years are said, with what the progress assumes, until the years are typed in', async ({ page, openApp, pageErrors, shot }) => {
  const kitamoto = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'public', 'examples', 'kitamoto.json'), 'utf8')).strategy;
  const births = kitamoto.indicators.find((i: { name: string }) => i.name === '出生数');
  // The example holds them as the town printed them: without a year.
  expect(births.series[0].baseline.year ?? null).toBeNull();
  expect(births.series[0].target.year ?? null).toBeNull();

  await openApp();
  await page.getByTestId('example-kitamoto').click();
  await expect(page.getByTestId('overview')).toBeVisible();
  await expect(page.getByTestId('assumed-years').first()).toHaveText(NOTE);
  const id = /^#\/s\/([^/]+)/.exec(new URL(page.url()).hash)![1];

  // The editor's checks for 出生数 name both, with the year taken.
  await page.getByTestId('edit').click();
  await page.getByTestId('outline-indicator').filter({ hasText: '出生数' }).click();
  const problems = page.getByTestId('entity-problems');
  await expect(problems).toContainText('当初値の年度が不明です。進み具合は令和3年度（計画の前年度）の値として計算しています');
  await expect(problems).toContainText('目標年度が不明です。進み具合は令和7年度（計画の最終年度）を目標年度として計算しています');
  await expect(page.getByTestId('chart-summary').first()).toContainText('目標 380人 (年度不明: 令和7年度とみなす)');
  await shot('years-unknown-editor');

  // In English too.
  await page.getByTestId('language').click();
  await expect(problems).toContainText("the target's year is unknown: progress takes it as due in FY2025 (the plan's last year)");
  await page.getByTestId('language').click();

  // The dashboard's table and the printed report say it under their tables.
  await page.evaluate((h) => (location.hash = h), `#/s/${id}/dashboard`);
  await expect(page.getByTestId('assumed-years').first()).toHaveText(NOTE);
  await page.evaluate((h) => (location.hash = h), `#/s/${id}/print/targets`);
  await expect(page.getByTestId('print-report')).toBeVisible();
  await expect(page.getByTestId('assumed-years')).toHaveText(NOTE);
  await shot('years-unknown-report');

  // Once the town's years are typed in, there is nothing left to assume.
  await page.evaluate((h) => (location.hash = h), `#/s/${id}/edit`);
  await page.getByTestId('outline-indicator').filter({ hasText: '出生数' }).click();
  await page.getByLabel('当初値の年度').fill('R2');
  await page.getByLabel('当初値の年度').press('Enter');
  await page.getByLabel('目標年度').fill('R7');
  await page.getByLabel('目標年度').press('Enter');
  await expect(page.getByText('年度が不明')).toHaveCount(0);
  await expect(page.getByTestId('chart-summary').first()).toContainText('目標 380人 (令和7年度)');
  expect(pageErrors).toEqual([]);
});
