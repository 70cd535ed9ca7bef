// Targets revised mid-plan (「目標値を上方修正（令和4年度）」) on the made-up example
// 「しるべ町（架空）」 (public/examples/made-up-targets.json, plan 令和3〜7年度): each target kind
// as the overview writes it, then 1-12 移住者数 — 1,200人 (令和2年度), first 1,500人, revised in
// 令和4年度 to 1,800人 — revised again through the editor to 2,000人 in 令和5年度 with a reason.
// The chart's table shows the original, the earlier and the current target; the printed report
// notes the revision; the JSON export holds both earlier targets and imports back unchanged.
// Worked figures: 令和5年度 1,560人 against 2,000人 is (1,560 − 1,200) / (2,000 − 1,200) = 45 %
// of the way where the path expects 60 % → 遅れ (against 1,800人 it was 60 % → 順調).
import fs from 'node:fs';
import { test, expect } from './fixtures';
import { enter, savedStrategy } from './helpers';
import { hasPoppler, printPdf } from './pdf';

test('a target revised mid-plan keeps the earlier ones, shown in the chart, the report and the file', async ({ page, openApp, pageErrors, shot }, testInfo) => {
  await openApp();
  await page.getByTestId('example-made-up').click();
  await expect(page.getByTestId('strategy-title')).toHaveText('しるべ町総合戦略（架空の例・目標の種類）');

  // Each kind in the overview's table, written as towns write it.
  const overview = page.getByTestId('overview');
  const row = (name: string) => overview.getByTestId('target-row').filter({ hasText: name }).first();
  const kinds: [string, string][] = [
    ['転入者数', '380人 (令和7年度)'],
    ['観光消費額', '↗ 増加'],
    ['交通事故死者数', '0人/年'],
    ['ごみの排出量', '基準値から10%減少（令和7年度） → 4,500t'],
    ['地域活動に参加する町民の割合', '5ポイント上昇（令和7年度） → 37%'],
    ['総人口', '現状維持（令和7年度） → 8,200人'],
    ['観光入込客数', '令和3〜7年度の平均 1,890人'],
    ['新規就農者数', '累計 30人（令和3〜7年度）'],
    ['特定健診の受診率', '80%以上（令和7年度）'],
    ['空き家の相談待ち件数', '10件以下'],
    ['住み続けたいと思う町民の割合', '維持（90%以上）'],
    ['移住者数', '1,800人 (令和7年度)（令和4年度に上方修正、当初 1,500人）'],
  ];
  for (const [name, target] of kinds) {
    await expect(row(name).getByTestId('overview-target'), name).toHaveText(target);
  }
  await expect(row('移住者数').getByTestId('overview-revision')).toHaveText('（令和4年度に上方修正、当初 1,500人）');
  await expect(row('新規就農者数')).toContainText('累計 18人');
  await expect(row('空き家の相談待ち件数')).toContainText('達成');
  await shot('target-revisions-overview');

  // Revised again in the editor: the new target in the usual field, then year and reason.
  await page.getByTestId('edit').click();
  await page.getByTestId('outline-indicator').filter({ hasText: '移住者数' }).click();
  await expect(page.getByTestId('target-revision-0-0')).toHaveText(/令和4年度（2022-06-01）に上方修正（1,500人 → 1,800人）: 転入の増加を受け上方修正/);
  await expect(page.getByTestId('series-status-0')).toContainText('順調');
  await page.getByTestId('target-revise-0').click();
  await expect(page.getByTestId('target-revision-form-0')).toContainText('修正前の目標: 1,800人 (令和7年度)');
  await expect(page.getByTestId('target-revision-unchanged-0')).toBeVisible();
  await expect(page.getByTestId('target-revision-record-0')).toBeDisabled();
  await enter(page, 'target-0', '2000');
  await enter(page, 'target-revision-year-0', 'R5');
  await enter(page, 'target-revision-reason-0', '国の方針変更に伴い');
  await expect(page.getByTestId('target-revision-unchanged-0')).toHaveCount(0);
  await page.getByTestId('target-revision-record-0').click();
  await expect(page.getByTestId('target-revision-form-0')).toHaveCount(0);
  await expect(page.getByTestId('target-revision-0-1')).toHaveText(/令和5年度に上方修正（1,800人 → 2,000人）: 国の方針変更に伴い/);
  await expect(page.getByTestId('series-status-0')).toContainText('遅れ');
  await page.getByTestId('target-history-0').scrollIntoViewIfNeeded();
  await shot('target-revisions-editor');

  const s = await savedStrategy(page);
  const migrants = s.indicators.find((i: any) => i.code === '1-12').series[0];
  expect(migrants.target).toEqual({ kind: 'value', value: 2000, year: 2025 });
  expect(migrants.target_history).toEqual([
    { target: { kind: 'value', value: 1500, year: 2025 }, year: 2022, date: '2022-06-01', reason: '転入の増加を受け上方修正' },
    { target: { kind: 'value', value: 1800, year: 2025 }, year: 2023, reason: '国の方針変更に伴い' },
  ]);

  // The chart: the summary says it, its table has the original, the earlier and the current target.
  const figure = page.getByTestId('indicator-chart').getByTestId('chart');
  await expect(figure.getByTestId('chart-summary')).toContainText('目標 2,000人 (令和7年度)（令和5年度に上方修正、当初 1,500人）');
  await expect(figure.getByTestId('chart-summary')).toContainText('遅れ');
  await figure.getByTestId('chart-table-toggle').click();
  const table = figure.getByTestId('chart-table');
  await expect(table).toBeVisible();
  const tableRow = (kind: string) => table.locator('tr').filter({ hasText: kind });
  await expect(tableRow('当初の目標: 1,500人 (令和7年度)')).toHaveCount(1);
  await expect(tableRow('当初の目標: 1,500人 (令和7年度)')).toContainText('1,500');
  await expect(tableRow('修正前の目標（令和4年度まで）: 1,800人 (令和7年度)')).toHaveCount(1);
  await expect(tableRow('目標: 2,000人 (令和7年度)')).toContainText('2,000');
  await shot('target-revisions-chart-table');

  // The printed report: the current target, and the note of the revision under it.
  const id = new URL(page.url()).hash.match(/#\/s\/([^/]+)/)![1];
  await page.goto(`./#/s/${id}/print/targets`);
  const report = page.getByTestId('print-report');
  await expect(report).toBeVisible();
  const printed = report.getByTestId('target-row').filter({ hasText: '移住者数' });
  await expect(printed.getByTestId('cell-target')).toContainText('2,000人');
  await expect(printed.getByTestId('cell-revision')).toHaveText('（令和5年度に上方修正、当初 1,500人）');
  await expect(report.getByTestId('target-row').filter({ hasText: 'ごみの排出量' }).getByTestId('cell-target')).toHaveText('基準値から10%減少（令和7年度） → 4,500t');
  await shot('target-revisions-print');
  // On paper (test-results/print/target-revisions-*.png): the current target and the note. The
  // note wraps in its narrow cell, so only short pieces are looked for; the town's name holds
  // 「しるべ」, so the screen's furniture is checked by its button's words only.
  if (hasPoppler()) {
    const paper = (await printPdf(page, 'target-revisions')).pages;
    const text = paper.join('\n').replace(/\s+/g, '');
    for (const written of ['2,000人', '上方修正', '10件以下']) expect(text).toContain(written);
    expect(text).not.toContain('PDFに保存');
  }

  // Exported as JSON, then imported back: the same as what is stored.
  await page.goto(`./#/s/${id}`);
  await expect(page.getByTestId('overview')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const text = fs.readFileSync(file, 'utf8');
  const exported = JSON.parse(text).strategy;
  expect(exported.indicators.find((i: any) => i.code === '1-12').series[0].target_history).toEqual(migrants.target_history);
  expect(exported.indicators.filter((i: any) => i.series[0].target_history).length).toBe(1);
  await page.goto('./#/');
  await page.getByTestId('import-file').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await expect(page.getByTestId('preview-identical')).toHaveText('ファイルの内容は保存されているものと同じです。');
  await shot('target-revisions-import-identical');

  expect(pageErrors).toEqual([]);
});
