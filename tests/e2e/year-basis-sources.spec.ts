// What a value's year means and where it comes from, entered through the editor on
// the 北本市 example: 7-2 出生数 counted by calendar year (人口動態統計, its 令和5年 value from
// 保健所の集計), and 7-1 25歳から34歳までの女性の社会増減 taken on 4月1日 each year, its series
// sourced from 住民基本台帳. The overview writes each actual's year as its series does
// (「令和5年」, 「令和6年4月1日現在」, never 「令和5年度」); the printed report numbers each goal's
// sources as footnotes (※1 …) and marks the names and the value with its own source; the CSVs
// carry 値の時点 and 出典 at the end of each row, and a calendar-year value's year as 「2023年」.
import fs from 'node:fs';
import { test, expect } from './fixtures';
import { enter, savedStrategy } from './helpers';
import type { Page } from '@playwright/test';

async function download(page: Page, testid: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return fs.readFileSync((await file.path())!, 'utf8').replace(/^\uFEFF/, '');
}

async function commit(page: Page, testid: string, value: string) {
  await page.getByTestId(testid).fill(value);
  await page.getByTestId(testid).blur();
}

test('a calendar-year series and a 4月1日現在 series with sources: overview, printed footnotes and CSV', async ({ page, openApp, pageErrors, shot }) => {
  await openApp();
  await page.getByTestId('example-kitamoto').click();
  await page.getByTestId('edit').click();

  // 出生数: by calendar year, the indicator's source, and one value with its own.
  await page.getByTestId('outline-indicator').filter({ hasText: '出生数' }).click();
  await commit(page, 'indicator-source', '人口動態統計');
  await page.getByTestId('year-basis-0').selectOption('calendar');
  await expect(page.getByTestId('year-basis-note-0')).toContainText('令和5年');
  await expect(page.getByTestId('as-of-month-0')).toHaveCount(0);
  await enter(page, 'actual-0-2023', '352');
  await commit(page, 'value-source-0-2023', '保健所の集計');
  await page.getByTestId('series-meta-0').scrollIntoViewIfNeeded();
  await shot('year-basis-editor-calendar');

  // 女性の社会増減: as of 4月1日 (the date a new basis starts with), the series' own source.
  await page.getByTestId('outline-indicator').filter({ hasText: '25歳から34歳までの女性の社会増減' }).click();
  await page.getByTestId('year-basis-0').selectOption('as_of');
  await expect(page.getByTestId('as-of-month-0')).toHaveValue('4');
  await enter(page, 'as-of-day-0', '1');
  await expect(page.getByTestId('year-basis-note-0')).toContainText('令和5年4月1日現在');
  await commit(page, 'series-source-0', '住民基本台帳');
  await enter(page, 'actual-0-2024', '12');

  const s = await savedStrategy(page);
  const births = s.indicators.find((i: any) => i.code === '7-2');
  const women = s.indicators.find((i: any) => i.code === '7-1');
  expect(births.source).toBe('人口動態統計');
  expect(births.series[0].year_basis).toBe('calendar');
  expect(births.series[0].actuals).toEqual([{ year: 2023, value: 352, provisional: false, comment: '', source: '保健所の集計' }]);
  expect(women.series[0].year_basis).toEqual({ as_of: { month: 4, day: 1 } });
  expect(women.series[0].source).toBe('住民基本台帳');

  // The overview: each actual's year as its series writes it.
  await page.evaluate((id) => (location.hash = `#/s/${id}`), s.id);
  const row = (name: string) => page.getByTestId('overview').getByTestId('target-row').filter({ hasText: name }).first();
  await expect(row('出生数').getByTestId('overview-actual')).toHaveText('352人 (令和5年)');
  await expect(row('25歳から34歳までの女性の社会増減').getByTestId('overview-actual')).toHaveText('12人 (令和6年4月1日現在)');
  await row('出生数').scrollIntoViewIfNeeded();
  await shot('year-basis-overview');

  // The printed report: footnotes numbered per goal, names and the value marked.
  await page.evaluate((id) => (location.hash = `#/s/${id}/print/targets`), s.id);
  const goal = (title: string) => page.getByTestId('print-goal').filter({ has: page.getByTestId('print-goal-title').filter({ hasText: title }) });
  const flow = goal('新しい人の流れとつながりをつくる');
  await expect(flow.getByTestId('print-footnote')).toHaveText(['※1 住民基本台帳']);
  const womenRow = flow.getByTestId('target-row').filter({ hasText: '25歳から34歳までの女性の社会増減' });
  await expect(womenRow.getByTestId('cell-name').getByTestId('footnote-mark')).toHaveText('※1');
  await expect(womenRow.getByTestId('cell-actual-year')).toHaveText('(令和6年4月1日現在)');
  const young = goal('若い世代の出産・子育ての希望をかなえる');
  await expect(young.getByTestId('print-footnote')).toHaveText(['※1 人口動態統計', '※2 保健所の集計']);
  const birthsRow = young.getByTestId('target-row').filter({ hasText: '出生数' });
  await expect(birthsRow.getByTestId('cell-name').getByTestId('footnote-mark')).toHaveText('※1');
  await expect(birthsRow.getByTestId('cell-actual').getByTestId('footnote-mark')).toHaveText('※2');
  await expect(birthsRow.getByTestId('cell-actual-year')).toHaveText('(令和5年)');
  // A goal without sources has no footnotes.
  await expect(goal('稼ぐ産業と安定した雇用を創出する').getByTestId('print-footnotes')).toHaveCount(0);
  await page.emulateMedia({ media: 'print' });
  await young.getByTestId('print-footnotes').scrollIntoViewIfNeeded();
  await shot('year-basis-print-footnotes');
  await page.emulateMedia({ media: 'screen' });

  // The CSVs: 値の時点 and 出典 at the end of each row; the long layout writes 「令和5年」.
  await page.evaluate((id) => (location.hash = `#/s/${id}/files`), s.id);
  const wide = await download(page, 'export-csv-wide');
  expect(wide.split('\r\n')[0]).toMatch(/,令和7年度 速報,値の時点,出典,担当課$/);
  expect(wide).toMatch(new RegExp(`^${births.id},7-2,出生数,.*,年,人口動態統計,こども課\\r$`, 'm'));
  expect(wide).toMatch(new RegExp(`^${women.id},7-1,.*,4月1日現在,住民基本台帳,シティプロモーション・広報課\\r$`, 'm'));
  const long = await download(page, 'export-csv-long');
  expect(long.split('\r\n')[0]).toBe('指標ID,指標番号,指標名,系列,単位,年度,区分,値,速報値,値の時点,出典,修正年度,修正日,修正理由,担当課');
  expect(long).toContain(`${births.id},7-2,出生数,,人,令和5年,実績,352,,年,保健所の集計,,,,こども課\r\n`);
  expect(long).toContain(`${births.id},7-2,出生数,,人,,当初値,340,,年,人口動態統計,,,,こども課\r\n`);
  expect(long).toContain(`${women.id},7-1,25歳から34歳までの女性の社会増減,,人,令和6年,実績,12,,4月1日現在,住民基本台帳,,,,シティプロモーション・広報課\r\n`);
  expect(pageErrors).toEqual([]);
});
