// The town's own verdict (効果検証): entered per year on the indicator form beside
// that year's figures, shown by the computed status in the overview and the printed report,
// the differences listed, and the CSV of verdicts. The figures are worked out here from the
// example: 北本市 2-2 65歳健康寿命（男性）, baseline 18.43 (令和元年度), target 19 (no year:
// the plan's last, 令和7年度); an actual of 18.8 in 令和4年度 is progress 0.37 / 0.57 = 65 %
// against 3 / 6 of the path due → 順調, rated A (65 / 50 ≥ 100 %).
import fs from 'node:fs';
import { test, expect } from './fixtures';
import { enter, savedStrategy } from './helpers';
import { hasPoppler, printPdf } from './pdf';

test('a verdict is entered per year, compared with the figures, listed where it differs, printed and exported', async ({ page, openApp, pageErrors, shot }) => {
  await openApp();
  await page.getByTestId('example-kitamoto').click();
  await page.getByTestId('edit').click();
  await page.getByTestId('outline-indicator').filter({ hasText: '65歳健康寿命' }).click();
  await enter(page, 'actual-0-2022', '18.8');
  await expect(page.getByTestId('series-status-0')).toContainText('順調');

  const row = page.locator('[data-testid="verdict-year"][data-year="2022"]');
  await expect(row.getByTestId('verdict-figures')).toHaveText('順調 A');
  await expect(page.locator('[data-testid="verdict-year"][data-year="2023"]').getByTestId('verdict-figures')).toHaveText('実績なし');
  await expect(page.getByTestId('verdict-differs')).toHaveCount(0);

  // The committee wrote 達成 where the figures say on track: marked at once.
  await enter(page, 'verdict-2022', '達成');
  await page.getByTestId('verdict-comment-2022').fill('委員会: 目標に届いたと判断');
  await page.getByTestId('verdict-comment-2022').blur();
  await expect(row.getByTestId('verdict-differs')).toBeVisible();
  await row.scrollIntoViewIfNeeded();
  await shot('verdict-editor');
  let s = await savedStrategy(page);
  let ind = s.indicators.find((i: any) => i.code === '2-2');
  expect(ind.verdicts).toEqual([{ year: 2022, verdict: '達成', comment: '委員会: 目標に届いたと判断' }]);

  // The overview: beside the status, and in the list of differences.
  await page.evaluate((id) => (location.hash = `#/s/${id}`), s.id);
  const differences = page.getByTestId('verdict-difference');
  await expect(differences).toHaveCount(1);
  await expect(differences).toHaveText('2-2 65歳健康寿命 令和4年度: 町の評価「達成」、計算では 順調');
  // Both tables show it: the goal's and the list of every indicator.
  const cells = page.getByTestId('overview').getByTestId('cell-verdict');
  await expect(cells).toHaveCount(2);
  for (const cell of await cells.all()) {
    await expect(cell).toHaveText('町の評価: 達成');
    await expect(cell).toHaveAttribute('data-differs', 'true');
  }
  await page.getByTestId('verdict-differences').scrollIntoViewIfNeeded();
  await shot('verdict-overview');

  // The printed report: beside the status, and the verdicts with the comment after the tables.
  await page.evaluate((id) => (location.hash = `#/s/${id}/print/targets`), s.id);
  await expect(page.getByTestId('print-report').getByTestId('cell-verdict')).toContainText('町の評価: 達成（計算と異なる）');
  const printed = page.getByTestId('verdict-row');
  await expect(printed).toHaveCount(1);
  await expect(printed).toContainText('令和4年度');
  await expect(printed).toContainText('順調');
  await expect(printed).toContainText('委員会: 目標に届いたと判断');
  if (hasPoppler()) {
    const text = (await printPdf(page, 'verdicts')).pages.join('\n').replace(/\s+/g, '');
    // The table's cell wraps in narrow columns; the list after the tables reads in one line.
    expect(text).toContain('（計算と異なる）');
    expect(text).toContain('計算と異なる評価が1件あります');
    expect(text).toContain('2-265歳健康寿命令和4年度達成順調委員会:目標に届いたと判断');
  }

  // The CSV of verdicts.
  await page.evaluate((id) => (location.hash = `#/s/${id}/files`), s.id);
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv-verdicts').click()]);
  const text = fs.readFileSync((await file.path())!, 'utf8');
  expect(text).toContain(`${ind.id},2-2,65歳健康寿命,令和4年度,達成,順調 A,○,委員会: 目標に届いたと判断\r\n`);

  // A rating label that agrees: no difference left.
  await page.evaluate((id) => (location.hash = `#/s/${id}/edit`), s.id);
  await page.getByTestId('outline-indicator').filter({ hasText: '65歳健康寿命' }).click();
  await enter(page, 'verdict-2022', 'A');
  await expect(page.getByTestId('verdict-differs')).toHaveCount(0);
  s = await savedStrategy(page);
  ind = s.indicators.find((i: any) => i.code === '2-2');
  expect(ind.verdicts[0].verdict).toBe('A');
  await page.evaluate((id) => (location.hash = `#/s/${id}`), s.id);
  await expect(page.getByTestId('overview').getByTestId('cell-verdict').first()).toHaveAttribute('data-differs', 'false');
  await expect(page.getByTestId('verdict-differences')).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});
