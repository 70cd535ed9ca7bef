// A long CSV as an officer edits it in Excel, picked on the files page of the 北本市 example: 7-2
// 出生数 counted by calendar year (値の時点 年) from 人口動態統計, its 令和5年 value from 保健所の集計,
// and a 修正前の目標 row, and 6-3's target in words — previewed word by word beside the values, a
// 修正日 that is no day refused with its cell, applied, and one Undo takes all of it back. How such files are read and written
// (either layout, the verdicts worksheet, 実績の種類 累計 and 値の時点 3月末) is tested natively
// (src/format/csv/tests/{words,running_totals,year_basis,round_trip}.rs).
import { test, expect } from './fixtures';
import { savedStrategy } from './helpers';
import type { Page } from '@playwright/test';

const BIRTHS = 'ind-8dd0c54e4a424cf0beb688bbe419ceff'; // 7-2 出生数
const GIFTS = 'ind-bada89e154ca492f9892515ae81fe745'; // 6-3 ふるさと納税寄附件数 (↗)
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

test('値の時点, 出典, an earlier target and a target in words come back from a long CSV, previewed, applied, undone in one step', async ({ page, openApp, pageErrors, shot }) => {
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
    `${GIFTS},6-3,ふるさと納税寄附件数,,件,,目標,維持（4000以上）,,,,,,`,
  ]);
  await expect(page.getByTestId('csv-change-count')).toHaveText('2 件');
  await expect(page.getByTestId('csv-text-count')).toHaveText('4 件');
  await expect(page.getByTestId('csv-unchanged')).toHaveText('1 件');
  // The value's year as the series will write it: 令和5年, not 令和5年度.
  expect((await rows(page, 'csv-changes'))[0]).toEqual(['3', '7-2 出生数', '—', '令和5年', '実績', '—', '→', '352']);
  // A target in words shows as the words, as the target will be written.
  await expect(page.getByTestId('csv-change').filter({ hasText: 'ふるさと納税寄附件数' }).locator('td.to')).toHaveText('維持（4,000件以上）');
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

  await page.getByTestId('csv-apply').click();
  await expect(page.getByTestId('csv-applied')).toContainText('2 件の値と 4 件の記述（値の時点・出典・町の評価・修正前の目標）を取り込みました');
  const after = await savedStrategy(page);
  expect(births(after).source).toBe('人口動態統計');
  const series = births(after).series[0];
  expect(series.year_basis).toBe('calendar');
  expect(series.actuals).toEqual([{ year: 2023, value: 352, provisional: false, comment: '', source: '保健所の集計' }]);
  expect(series.target).toEqual({ kind: 'value', value: 380 });
  expect(series.target_history).toEqual([{ target: { kind: 'value', value: 360 }, year: 2022, date: '2022-06-15', reason: '上方修正' }]);
  const gifts = (s: any) => s.indicators.find((i: any) => i.id === GIFTS);
  expect(gifts(after).series[0].target).toEqual({ kind: 'bound', value: 4000, side: 'at_least', hold: true });
  // Nothing else changed.
  const others = (s: any) => s.indicators.filter((i: any) => i.id !== BIRTHS && i.id !== GIFTS);
  expect(others(after)).toEqual(others(before));

  // One Undo takes the whole import back, words and value.
  await page.evaluate((id) => (location.hash = `#/s/${id}/edit`), after.id);
  await page.getByTestId('undo').click();
  const undone = await savedStrategy(page);
  expect(births(undone)).toEqual(births(before));
  expect(gifts(undone)).toEqual(gifts(before));
  expect(pageErrors).toEqual([]);
});
