// Target kinds as towns print them: one indicator of each new kind entered through
// the editor on the 北本市 example (plan 令和4〜7年度) — a relative target, an average and a total
// over the plan's years, a bound —, then seen in the chart's summary, the overview's table and
// the printed report, and in the stored file with the JSON shape of its kind. The indicators
// are made up for this test (named 「（作例）」), not taken from a town's table. Then exported as
// JSON and imported back identical; exported as CSV (long), and after the bound is changed in
// the editor, the CSV brings exactly that target back.
import fs from 'node:fs';
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { storedStrategyOfPage } from './stored';
import { enter } from './helpers';
import { hasPoppler, onlyPaper, printPdf } from './pdf';

/** A new indicator made from the first goal's numerical targets (so the overview lists it). */
async function newIndicator(page: Page, name: string, unit: string) {
  await page.getByTestId('outline-goal').first().click();
  await page.getByTestId('goal-targets').getByTestId('create-ref').click();
  await expect(page.getByTestId('indicator-name')).toBeFocused();
  await enter(page, 'indicator-unit', unit);
  await enter(page, 'indicator-name', name);
  await expect(page.getByTestId('indicator-heading')).toContainText(name);
}

function summary(page: Page) {
  return page.getByTestId('indicator-chart').getByTestId('chart-summary');
}

test('each target kind entered in the editor shows in the chart, the overview and the report, and comes back from JSON and CSV', async ({ page, openApp, pageErrors, shot }) => {
  await openApp();
  await page.getByTestId('example-kitamoto').click();
  await page.getByTestId('edit').click();
  await expect(page.getByTestId('editor')).toBeVisible();

  // 「基準値から10%減少（令和6年度）」 from 1,800人 in 令和3年度: 1,620人.
  await newIndicator(page, 'KPI相対（作例）', '人');
  await enter(page, 'baseline-0', '1800');
  await enter(page, 'baseline-year-0', 'R3');
  await page.getByTestId('target-kind-0').selectOption('relative');
  await expect(page.getByTestId('target-change-by-0')).toHaveValue('percent');
  await page.getByTestId('target-change-way-0').selectOption('decrease');
  await enter(page, 'target-change-0', '10');
  await enter(page, 'target-year-0', 'R6');
  await expect(page.getByTestId('target-derived-0')).toContainText('1,620人');
  await enter(page, 'actual-0-2023', '1710');
  await expect(summary(page)).toContainText('基準値から10%減少（令和6年度） → 1,620人');
  await expect(summary(page)).toContainText('進捗 50%');
  await shot('target-kinds-relative');

  // 「令和4〜7年度の平均 1,890人」: the span is the plan period until one is typed.
  await newIndicator(page, 'KPI平均（作例）', '人');
  await page.getByTestId('target-kind-0').selectOption('average');
  await expect(page.getByTestId('target-from-0')).toHaveValue('令和4年度');
  await expect(page.getByTestId('target-to-0')).toHaveValue('令和7年度');
  await enter(page, 'target-0', '1890');
  await enter(page, 'actual-0-2022', '1850');
  await enter(page, 'actual-0-2023', '1950');
  await expect(summary(page)).toContainText('令和4〜7年度の平均 1,890人');
  await expect(summary(page)).toContainText('平均 1,900人');
  await expect(summary(page)).toContainText('順調');

  // 「4年間で40人」: half the span passed, half the total reached → on track.
  await newIndicator(page, 'KPI累計（作例）', '人');
  await page.getByTestId('target-kind-0').selectOption('cumulative');
  await enter(page, 'target-0', '40');
  await enter(page, 'actual-0-2022', '8');
  await enter(page, 'actual-0-2023', '12');
  await expect(summary(page)).toContainText('累計 40人（令和4〜7年度）');
  await expect(summary(page)).toContainText('累計 20人');
  await expect(summary(page)).toContainText('順調');
  await shot('target-kinds-cumulative');

  // 「維持（80%以上）」: met whatever the baseline.
  await newIndicator(page, 'KPI境界（作例）', '%');
  await enter(page, 'baseline-0', '85');
  await page.getByTestId('target-kind-0').selectOption('bound');
  await enter(page, 'target-0', '80');
  await expect(page.getByTestId('target-side-0')).toHaveValue('at_least');
  await page.getByTestId('target-hold-0').check();
  await enter(page, 'actual-0-2023', '81.2');
  await expect(summary(page)).toContainText('維持（80%以上）');
  await expect(summary(page)).toContainText('達成');

  // The stored file holds each kind in its JSON shape.
  await expect(page.getByTestId('save-state')).toHaveText('保存済み');
  const s = await storedStrategyOfPage(page);
  const target = (name: string) => s.indicators.find((i: any) => i.name === name).series[0].target;
  expect(target('KPI相対（作例）')).toEqual({ kind: 'relative', change: { percent: -10 }, year: 2024 });
  expect(target('KPI平均（作例）')).toEqual({ kind: 'average', value: 1890, from: 2022, to: 2025 });
  expect(target('KPI累計（作例）')).toEqual({ kind: 'cumulative', value: 40, from: 2022, to: 2025 });
  expect(target('KPI境界（作例）')).toEqual({ kind: 'bound', value: 80, side: 'at_least', hold: true });

  // The overview's table: the target as written, the derived value, the running sum.
  await page.getByTestId('nav-overview').click();
  await expect(page.getByTestId('overview')).toBeVisible();
  // The goal's table (the overview lists every indicator again further down).
  const row = (name: string) => page.getByTestId('overview').getByTestId('goal').getByTestId('target-row').filter({ hasText: name });
  await expect(row('KPI相対（作例）').getByTestId('overview-target')).toHaveText('基準値から10%減少（令和6年度） → 1,620人');
  await expect(row('KPI平均（作例）').getByTestId('overview-target')).toHaveText('令和4〜7年度の平均 1,890人');
  await expect(row('KPI平均（作例）')).toContainText('平均 1,900人');
  await expect(row('KPI累計（作例）').getByTestId('overview-target')).toHaveText('累計 40人（令和4〜7年度）');
  await expect(row('KPI累計（作例）')).toContainText('累計 20人');
  await expect(row('KPI境界（作例）').getByTestId('overview-target')).toHaveText('維持（80%以上）');
  await expect(row('KPI境界（作例）')).toContainText('達成');
  await shot('target-kinds-overview');

  // The printed report (数値目標の状況).
  const id = new URL(page.url()).hash.match(/#\/s\/([^/]+)/)![1];
  await page.goto(`./#/s/${id}/print/targets`);
  const report = page.getByTestId('print-report');
  await expect(report).toBeVisible();
  const printed = (name: string) => report.getByTestId('target-row').filter({ hasText: name });
  await expect(printed('KPI相対（作例）').getByTestId('cell-target')).toHaveText('基準値から10%減少（令和6年度） → 1,620人');
  await expect(printed('KPI累計（作例）').getByTestId('cell-measured')).toHaveText('(累計 20人)');
  await expect(printed('KPI境界（作例）').getByTestId('cell-target')).toHaveText('維持（80%以上）');
  await shot('target-kinds-print');
  // On paper (test-results/print/target-kinds-*.png): each kind as written.
  if (hasPoppler()) {
    const paper = (await printPdf(page, 'target-kinds')).pages;
    const text = paper.join('\n').replace(/\s+/g, '');
    for (const written of ['基準値から10%減少', '→1,620人', '累計20人', '維持（80%以上）']) expect(text).toContain(written);
    onlyPaper(paper);
  }

  // JSON: exported, then imported back — the same as what is stored.
  await page.goto(`./#/s/${id}`);
  await expect(page.getByTestId('overview')).toBeVisible();
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  const jsonText = fs.readFileSync((await json.path())!, 'utf8');
  const exported = JSON.parse(jsonText).strategy;
  const kinds = ['KPI相対（作例）', 'KPI平均（作例）', 'KPI累計（作例）', 'KPI境界（作例）'];
  for (const name of kinds) expect(exported.indicators.find((i: any) => i.name === name).series[0].target).toEqual(target(name));
  await page.goto('./#/');
  await page.getByTestId('import-file').setInputFiles({ name: json.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(jsonText, 'utf8') });
  await expect(page.getByTestId('preview-identical')).toHaveText('ファイルの内容は保存されているものと同じです。');
  await page.getByTestId('import-cancel').click();
  await expect(page.getByTestId('import-preview')).toHaveCount(0);

  // CSV (long): exported; the bound changed in the editor; the file brings exactly it back.
  await page.goto(`./#/s/${id}/files`);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv-long').click()]);
  const csvText = fs.readFileSync((await csv.path())!, 'utf8');
  expect(csvText).toContain(',目標,維持（80以上）,');
  expect(csvText).toContain(',目標,基準値から10%減少,');
  await page.goto(`./#/s/${id}/edit`);
  await page.getByTestId('outline-indicator').filter({ hasText: 'KPI境界（作例）' }).click();
  await enter(page, 'target-0', '70');
  await expect(summary(page)).toContainText('維持（70%以上）');
  await expect(page.getByTestId('save-state')).toHaveText('保存済み');
  await page.goto(`./#/s/${id}/files`);
  await page.getByTestId('csv-file').setInputFiles({ name: 'kinds.csv', mimeType: 'text/csv', buffer: Buffer.from(csvText, 'utf8') });
  await expect(page.getByTestId('csv-change-count')).toHaveText('1 件');
  await expect(page.getByTestId('csv-refused-count')).toHaveText('0 件');
  await expect(page.getByTestId('csv-change').getByRole('cell').nth(1)).toContainText('KPI境界（作例）');
  await expect(page.getByTestId('csv-change').locator('td.to')).toHaveText('維持（80%以上）');
  await page.getByTestId('csv-apply').click();
  await expect(page.getByTestId('csv-applied')).toBeVisible();
  await expect(page.getByTestId('save-state')).toHaveText('保存済み');
  const back = await storedStrategyOfPage(page);
  for (const name of kinds) expect(back.indicators.find((i: any) => i.name === name).series[0].target).toEqual(target(name));

  expect(pageErrors).toEqual([]);
});
