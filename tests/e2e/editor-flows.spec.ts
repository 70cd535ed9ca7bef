// The indicator and initiative forms as a town types into them: what is typed (committed with
// Enter, as an IME commits) lands in the stored strategy in its JSON shape, and what the form
// derives beside the fields shows at once. One test per form flow — target kinds, a target
// revised mid-plan, running totals, a calendar-year series, a verdict, a grant's 効果検証. How
// the pages then render such figures is made-up-pages.spec's (each page against the table the
// Rust side prints); the figures themselves, the words and the files are tested natively.
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { storedStrategyOfPage } from './stored';
import { enter, savedStrategy } from './helpers';

/** A new indicator made from the first goal's numerical targets. */
async function newIndicator(page: Page, name: string, unit: string) {
  await page.getByTestId('outline-goal').first().click();
  await page.getByTestId('goal-targets').getByTestId('create-ref').click();
  await expect(page.getByTestId('indicator-name')).toBeFocused();
  await enter(page, 'indicator-unit', unit);
  await enter(page, 'indicator-name', name);
  await expect(page.getByTestId('indicator-heading')).toContainText(name);
}

async function editExample(page: Page, openApp: () => Promise<void>, key: string) {
  await openApp();
  await page.getByTestId(`example-${key}`).click();
  await page.getByTestId('edit').click();
  await expect(page.getByTestId('editor')).toBeVisible();
}

test('each target kind is typed in the indicator form and stored in its JSON shape', async ({ page, openApp, pageErrors, shot }) => {
  // 北本市 (plan 令和4〜7年度).
  await editExample(page, openApp, 'kitamoto');

  // 「基準値から10%減少（令和6年度）」 from 1,800人: the derived 1,620人 beside the fields.
  await newIndicator(page, 'KPI相対（作例）', '人');
  await enter(page, 'baseline-0', '1800');
  await enter(page, 'baseline-year-0', 'R3');
  await page.getByTestId('target-kind-0').selectOption('relative');
  await expect(page.getByTestId('target-change-by-0')).toHaveValue('percent');
  await page.getByTestId('target-change-way-0').selectOption('decrease');
  await enter(page, 'target-change-0', '10');
  await enter(page, 'target-year-0', 'R6');
  await expect(page.getByTestId('target-derived-0')).toContainText('1,620人');
  await shot('editor-flows-relative');

  // An average: the span is the plan period until one is typed.
  await newIndicator(page, 'KPI平均（作例）', '人');
  await page.getByTestId('target-kind-0').selectOption('average');
  await expect(page.getByTestId('target-from-0')).toHaveValue('令和4年度');
  await expect(page.getByTestId('target-to-0')).toHaveValue('令和7年度');
  await enter(page, 'target-0', '1890');

  await newIndicator(page, 'KPI累計（作例）', '人');
  await page.getByTestId('target-kind-0').selectOption('cumulative');
  await enter(page, 'target-0', '40');

  // 「維持（80%以上）」: a bound, at least, held.
  await newIndicator(page, 'KPI境界（作例）', '%');
  await page.getByTestId('target-kind-0').selectOption('bound');
  await enter(page, 'target-0', '80');
  await expect(page.getByTestId('target-side-0')).toHaveValue('at_least');
  await page.getByTestId('target-hold-0').check();
  await enter(page, 'actual-0-2023', '81.2');
  await expect(page.getByTestId('series-status-0')).toContainText('達成');

  await expect(page.getByTestId('save-state')).toHaveText('保存済み');
  const s = await storedStrategyOfPage(page);
  const target = (name: string) => s.indicators.find((i: any) => i.name === name).series[0].target;
  expect(target('KPI相対（作例）')).toEqual({ kind: 'relative', change: { percent: -10 }, year: 2024 });
  expect(target('KPI平均（作例）')).toEqual({ kind: 'average', value: 1890, from: 2022, to: 2025 });
  expect(target('KPI累計（作例）')).toEqual({ kind: 'cumulative', value: 40, from: 2022, to: 2025 });
  expect(target('KPI境界（作例）')).toEqual({ kind: 'bound', value: 80, side: 'at_least', hold: true });
  expect(pageErrors).toEqual([]);
});

test('a target revised mid-plan through the revision form keeps the earlier ones', async ({ page, openApp, pageErrors, shot }) => {
  // 1-12 移住者数 of the made-up example: 1,200人 (令和2年度), first 1,500人, revised in 令和4年度
  // to 1,800人; revised again to 2,000人: 1,560人 in 令和5年度 is 45 % where the path expects 60 %.
  await editExample(page, openApp, 'made-up');
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
  // The indicator's chart follows the edit.
  const summary = page.getByTestId('indicator-chart').getByTestId('chart-summary');
  await expect(summary).toContainText('目標 2,000人 (令和7年度)（令和5年度に上方修正、当初 1,500人）');
  await expect(summary).toContainText('遅れ');
  await page.getByTestId('target-history-0').scrollIntoViewIfNeeded();
  await shot('editor-flows-revision');

  const s = await savedStrategy(page);
  const migrants = s.indicators.find((i: any) => i.code === '1-12').series[0];
  expect(migrants.target).toEqual({ kind: 'value', value: 2000, year: 2025 });
  expect(migrants.target_history).toEqual([
    { target: { kind: 'value', value: 1500, year: 2025 }, year: 2022, date: '2022-06-01', reason: '転入の増加を受け上方修正' },
    { target: { kind: 'value', value: 1800, year: 2025 }, year: 2023, reason: '国の方針変更に伴い' },
  ]);
  expect(pageErrors).toEqual([]);
});

test('a series set to running totals shows each year derived beside the typed totals', async ({ page, openApp, pageErrors, shot }) => {
  await editExample(page, openApp, 'kitamoto');
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
  await expect(page.getByTestId('row-status-0-2023')).toContainText('順調');
  await page.getByTestId('series-meta-0').scrollIntoViewIfNeeded();
  await shot('editor-flows-running-totals');
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
  expect(pageErrors).toEqual([]);
});

test('a calendar-year, an as-of and a month-end series write their years in the rows and year fields, with sources', async ({ page, openApp, pageErrors, shot }) => {
  await editExample(page, openApp, 'kitamoto');
  await page.getByTestId('outline-indicator').filter({ hasText: '出生数' }).click();
  await expect(page.getByTestId('year-row-heading-0-2023')).toHaveText('令和5年度');

  // 年（暦年）: the rows, the column heading and the year fields say 年; typed any way.
  await page.getByTestId('indicator-source').fill('人口動態統計');
  await page.getByTestId('indicator-source').blur();
  await page.getByTestId('year-basis-0').selectOption('calendar');
  await expect(page.getByTestId('year-basis-note-0')).toContainText('令和5年');
  await expect(page.getByTestId('year-row-heading-0-2023')).toHaveText('令和5年');
  await expect(page.getByTestId('year-table-0').locator('thead th').first()).toHaveText('年');
  const headings = await page.getByTestId('year-table-0').locator('tbody th .year').allTextContents();
  expect(headings.filter((h) => h.includes('年度'))).toEqual([]);
  await expect(page.getByTestId('actual-0-2023')).toHaveAccessibleName('令和5年 実績値');
  await enter(page, 'baseline-year-0', 'R3');
  await expect(page.getByTestId('baseline-year-0')).toHaveValue('令和3年');
  await expect(page.getByLabel('当初値の年', { exact: true })).toHaveValue('令和3年');
  await enter(page, 'target-year-0', '2025年');
  await expect(page.getByTestId('target-year-0')).toHaveValue('令和7年');
  await expect(page.getByLabel('目標年', { exact: true })).toHaveValue('令和7年');
  await enter(page, 'actual-0-2023', '352');
  await page.getByTestId('value-source-0-2023').fill('保健所の集計');
  await page.getByTestId('value-source-0-2023').blur();
  await expect(page.getByTestId('series-status-0').locator('.year')).toHaveText('令和5年');
  // A revision: the target's year is the value's (令和7年), the year revised in a fiscal year.
  await page.getByTestId('target-revise-0').click();
  await expect(page.getByTestId('target-revision-form-0')).toContainText('修正前の目標: 380人 (令和7年)');
  await enter(page, 'target-0', '400');
  await enter(page, 'target-revision-year-0', 'R5');
  await expect(page.getByTestId('target-revision-year-0')).toHaveValue('令和5年度');
  await enter(page, 'target-revision-reason-0', '出生数の回復を受け');
  await page.getByTestId('target-revision-record-0').click();
  await expect(page.getByTestId('target-revision-0-0')).toHaveText(/令和5年度に上方修正（380人 → 400人）: 出生数の回復を受け/);
  await page.getByTestId('series-meta-0').scrollIntoViewIfNeeded();
  await shot('editor-flows-calendar-years');

  // As of a day: the rows write the date (4月 is where a new basis starts).
  await page.getByTestId('outline-indicator').filter({ hasText: '25歳から34歳までの女性の社会増減' }).click();
  await page.getByTestId('year-basis-0').selectOption('as_of');
  await expect(page.getByTestId('as-of-month-0')).toHaveValue('4');
  await enter(page, 'as-of-day-0', '1');
  await expect(page.getByTestId('year-row-heading-0-2023')).toHaveText('令和5年4月1日現在');
  await expect(page.getByTestId('year-table-0').locator('thead th').first()).toHaveText('時点');
  await page.getByTestId('series-source-0').fill('住民基本台帳');
  await page.getByTestId('series-source-0').blur();
  // 「3月末」: a month's end has no day field, and the rows write it.
  await page.getByTestId('year-basis-0').selectOption('month_end');
  await expect(page.getByTestId('as-of-day-0')).toHaveCount(0);
  await enter(page, 'as-of-month-0', '3');
  await expect(page.getByTestId('year-basis-note-0')).toContainText('令和5年3月末');
  await expect(page.getByTestId('year-row-heading-0-2023')).toHaveText('令和5年3月末');

  const s = await savedStrategy(page);
  const births = s.indicators.find((i: any) => i.code === '7-2');
  expect(births.source).toBe('人口動態統計');
  expect(births.series[0].year_basis).toBe('calendar');
  expect(births.series[0].baseline).toEqual({ value: 340, year: 2021 });
  expect(births.series[0].target).toEqual({ kind: 'value', value: 400, year: 2025 });
  expect(births.series[0].actuals).toEqual([{ year: 2023, value: 352, provisional: false, comment: '', source: '保健所の集計' }]);
  expect(births.series[0].target_history).toEqual([{ target: { kind: 'value', value: 380, year: 2025 }, year: 2023, reason: '出生数の回復を受け' }]);
  const women = s.indicators.find((i: any) => i.code === '7-1');
  expect(women.series[0].year_basis).toEqual({ as_of_month: { month: 3, end: true } });
  expect(women.series[0].source).toBe('住民基本台帳');

  // Back to 年度: fiscal years again.
  await page.getByTestId('year-basis-0').selectOption('fiscal');
  await expect(page.getByTestId('year-row-heading-0-2023')).toHaveText('令和5年度');
  await expect(page.getByLabel('当初値の年度')).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test('a verdict is typed per year beside that year\'s figures and marked where it differs', async ({ page, openApp, pageErrors, shot }) => {
  // 北本市 2-2 65歳健康寿命（男性）: 18.8 in 令和4年度 is on track, rated A.
  await editExample(page, openApp, 'kitamoto');
  await page.getByTestId('outline-indicator').filter({ hasText: '65歳健康寿命' }).click();
  await enter(page, 'actual-0-2022', '18.8');
  const row = page.locator('[data-testid="verdict-year"][data-year="2022"]');
  await expect(row.getByTestId('verdict-figures')).toHaveText('順調 A');
  await expect(page.locator('[data-testid="verdict-year"][data-year="2023"]').getByTestId('verdict-figures')).toHaveText('実績なし');
  await expect(page.getByTestId('verdict-differs')).toHaveCount(0);

  await enter(page, 'verdict-2022', '達成');
  await page.getByTestId('verdict-comment-2022').fill('委員会: 目標に届いたと判断');
  await page.getByTestId('verdict-comment-2022').blur();
  await expect(row.getByTestId('verdict-differs')).toBeVisible();
  await row.scrollIntoViewIfNeeded();
  await shot('editor-flows-verdict');
  let s = await savedStrategy(page);
  expect(s.indicators.find((i: any) => i.code === '2-2').verdicts).toEqual([{ year: 2022, verdict: '達成', comment: '委員会: 目標に届いたと判断' }]);

  // The overview lists the difference and marks the verdict in both tables; the printed report
  // beside the status and in the list after the tables.
  await page.getByTestId('nav-overview').click();
  await expect(page.getByTestId('verdict-difference')).toHaveText('2-2 65歳健康寿命 令和4年度: 町の評価「達成」、計算では 順調');
  const cells = page.getByTestId('overview').getByTestId('cell-verdict');
  await expect(cells).toHaveCount(2);
  for (const cell of await cells.all()) {
    await expect(cell).toHaveText('町の評価: 達成');
    await expect(cell).toHaveAttribute('data-differs', 'true');
  }
  await page.evaluate((id) => (location.hash = `#/s/${id}/print/targets`), s.id);
  await expect(page.getByTestId('print-report').getByTestId('cell-verdict')).toContainText('町の評価: 達成（計算と異なる）');
  const printed = page.getByTestId('verdict-row');
  await expect(printed).toHaveCount(1);
  await expect(printed).toContainText('令和4年度');
  await expect(printed).toContainText('委員会: 目標に届いたと判断');
  await page.evaluate((id) => (location.hash = `#/s/${id}`), s.id);
  await page.getByTestId('edit').click();
  await page.getByTestId('outline-indicator').filter({ hasText: '65歳健康寿命' }).click();
  await enter(page, 'verdict-2022', 'A');
  await expect(page.getByTestId('verdict-differs')).toHaveCount(0);
  s = await savedStrategy(page);
  expect(s.indicators.find((i: any) => i.code === '2-2').verdicts[0].verdict).toBe('A');
  expect(pageErrors).toEqual([]);
});

test('a grant project\'s programme, plan, targets and 効果検証 are recorded in the initiative form', async ({ page, openApp, pageErrors, shot }) => {
  const VISITORS = 'ind-4f832e570e8ed5a1937e94c92e3c1c40'; // 1-7 観光入込客数
  await editExample(page, openApp, 'made-up');
  await page.getByTestId('outline-initiative').filter({ hasText: 'おためし移住推進事業' }).click();
  const form = page.getByTestId('initiative-form');
  await expect(form.getByTestId('initiative-kind')).toHaveValue('subsidised');
  const grant = form.getByTestId('initiative-grant');
  await expect(grant.getByTestId('grant-programme')).toHaveValue('digital_garden_city');
  await expect(grant.getByTestId('grant-digital-type')).toHaveValue('promotion');
  // The デジタル田園 タイプ goes with the programme.
  await grant.getByTestId('grant-programme').selectOption('new_regional_economy');
  await expect(grant.getByTestId('grant-digital-type')).toHaveCount(0);
  await enter(page, 'grant-regional-plan', 'しるべ町関係人口創出計画（架空）');
  await expect(form.getByTestId('grant-amount-2023')).toHaveValue('5,750');
  // 令和5年度: the grant plan's target typed beside the indicator's own actual; the review.
  await expect(grant.getByTestId(`grant-actual-2023-${VISITORS}`)).toHaveText('実績 1,920人');
  await enter(page, `grant-target-2023-${VISITORS}`, '1,900');
  await grant.getByTestId('grant-effect-2023').selectOption('very_effective');
  await page.getByTestId('grant-experts-2023').fill('観光と移住相談を一体にした効果が大きい。');
  await page.getByTestId('grant-experts-2023').blur();
  await grant.getByTestId('grant-policy-2023').selectOption('continue');
  await shot('editor-flows-grant');

  const saved = await savedStrategy(page);
  const stored = saved.goals[0].measures[0].initiatives[0].grant;
  expect(stored.programme).toBe('new_regional_economy');
  expect(stored.digital_type).toBeUndefined();
  expect(stored.regional_plan).toBe('しるべ町関係人口創出計画（架空）');
  expect(stored.targets.find((t: { indicator: string; year: number }) => t.indicator === VISITORS && t.year === 2023).value).toBe(1900);
  expect(stored.reviews[0]).toMatchObject({ year: 2023, effect: 'very_effective', policy: 'continue', experts: '観光と移住相談を一体にした効果が大きい。' });
  expect(pageErrors).toEqual([]);
});
