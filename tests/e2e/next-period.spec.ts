// A plan period extended with its reason, and the next period's strategy made from this one
// (「計画期間を1年延長」, 「次期へ引き継ぐ」). 北本市's example runs 令和4〜7年度; one
// year more makes it 令和4〜8年度, and the next strategy then proposes 令和9〜13年度, its title
// 「第3期…」, and each carried indicator's baseline from its last actual.
import { test, expect } from './fixtures';
import { storedEntries } from './stored';
import { enter, savedStrategy } from './helpers';

test('the plan period is extended with its reason, then the next period is made with the chosen KPIs and their history', async ({ page, openApp, pageErrors, shot }) => {
  await openApp();
  await page.getByTestId('example-kitamoto').click();
  await page.getByTestId('edit').click();
  await expect(page.getByTestId('strategy-form')).toBeVisible();

  // Extended by a year: one edit, with its reason kept.
  await expect(page.getByTestId('period-change-apply')).toBeDisabled();
  await enter(page, 'period-change-last', 'R8');
  await enter(page, 'period-change-reason', '国の第2期総合戦略の改訂に合わせるため');
  await page.getByTestId('period-change-apply').click();
  await expect(page.getByTestId('period-last')).toHaveValue('令和8年度');
  await expect(page.getByTestId('period-change-list')).toContainText('令和4年度〜令和7年度（4年間） から 令和4年度〜令和8年度（5年間） に変更（国の第2期総合戦略の改訂に合わせるため）');
  let s = await savedStrategy(page);
  expect(s.period).toEqual({ first: 2022, last: 2026 });
  expect(s.period_changes).toHaveLength(1);
  expect(s.period_changes[0].from).toEqual({ first: 2022, last: 2025 });
  const oldId = s.id;

  // An actual to carry: 65歳健康寿命（男性） 18.8 in 令和5年度.
  await page.getByTestId('outline-indicator').filter({ hasText: '65歳健康寿命' }).click();
  await enter(page, 'actual-0-2023', '18.8');
  await savedStrategy(page);

  await page.getByTestId('outline-strategy').click();
  await page.getByTestId('next-period-start').click();
  await expect(page.getByTestId('next-title')).toHaveValue('第3期北本市まち・ひと・しごと創生総合戦略');
  await expect(page.getByTestId('next-first')).toHaveValue('令和9年度');
  await expect(page.getByTestId('next-last')).toHaveValue('令和13年度');
  const rows = page.getByTestId('carry-indicator');
  await expect(rows).toHaveCount(s.indicators.length);
  const health = rows.filter({ hasText: '65歳健康寿命' });
  // Men: the last actual; women (no actual): the old baseline.
  await expect(health).toContainText('→ 18.8年（令和5年度） / 20.72年（令和元年度）');
  // Carry only two: 65歳健康寿命 and 出生数.
  for (const row of await rows.all()) {
    const text = await row.innerText();
    if (!text.includes('65歳健康寿命') && !text.includes('出生数')) await row.locator('input').uncheck();
  }
  await page.getByTestId('next-period').scrollIntoViewIfNeeded();
  await shot('next-period-form');
  await page.getByTestId('next-period-make').click();

  // The next strategy is open; the old one is still stored.
  await expect(page.getByTestId('strategy-title')).toHaveText('第3期北本市まち・ひと・しごと創生総合戦略');
  const next = await savedStrategy(page);
  expect(next.id).not.toBe(oldId);
  expect(next.period).toEqual({ first: 2027, last: 2031 });
  expect(next.period_changes ?? []).toEqual([]);
  expect(next.indicators.map((i: any) => i.name).sort()).toEqual(['65歳健康寿命', '出生数'].sort());
  const carried = next.indicators.find((i: any) => i.name === '65歳健康寿命');
  expect(carried.series[0].baseline).toEqual({ value: 18.8, year: 2023 });
  expect(carried.series[1].baseline).toEqual({ value: 20.72, year: 2019 });
  expect(carried.series[0].target).toBeUndefined();
  expect(carried.predecessor.strategy).toBe(oldId);
  expect(carried.predecessor.period).toEqual({ first: 2022, last: 2026 });
  expect(carried.predecessor.series[0].actuals).toEqual([{ year: 2023, value: 18.8, provisional: false, comment: '' }]);
  // Every goal and measure refers only to what was carried.
  const ids = new Set(next.indicators.map((i: any) => i.id));
  for (const g of next.goals) {
    for (const t of g.targets) expect(ids.has(t)).toBe(true);
    for (const m of g.measures) for (const k of m.kpis) expect(ids.has(k)).toBe(true);
  }
  const keys = Object.keys(await storedEntries(page));
  expect(keys.some((k) => k.includes(oldId))).toBe(true);
  await shot('next-period-overview');
  // The carried indicator's chart continues the old period's line (grey, dotted), in its table too.
  await page.getByTestId('edit').click();
  await page.getByTestId('outline-indicator').filter({ hasText: '65歳健康寿命' }).click();
  const figure = page.getByTestId('indicator-chart');
  await figure.getByTestId('chart-table-toggle').click();
  const history = figure.getByTestId('chart-table').locator('tr').filter({ hasText: '前期の実績 男性（令和4年度〜令和8年度）' });
  await expect(history).toHaveCount(1);
  await expect(history).toContainText('18.8');
  await shot('next-period-chart');
  expect(pageErrors).toEqual([]);
});
