// Flows of the strategy's settings, one test each: the plan period extended and the next
// period's strategy made from this one (北本市); a strategy created on a national frame and
// 次期へ引き継ぐ proposing the newest frame (北斗市); 北斗市 re-aligned onto the 2025 frame,
// applied and undone in one step; the sections (担当課), "who I am" kept across a reload, and a
// measure's evaluation in three stages printed side by side. What the forms store is checked
// here; the rules and words behind them are tested natively (src/model/{carry,realign,frames}.rs,
// src/locale/frame.rs, src/format/frame_tests.rs) and each page's cells by made-up-pages.spec.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { storedEntries } from './stored';
import { enter, savedStrategy } from './helpers';

const NEWEST = 'chihou-sousei-senryaku-2025';
const GOALS_2025 = ['「強い経済」をつくる', '「豊かな生活環境」を実現する', '「選ばれる地方」になる'];
const FRAME_LINE = '地方創生に関する総合戦略（令和7年12月23日閣議決定・令和7年度〜令和11年度（5年間））';
const SECOND = '第2期「まち・ひと・しごと創生総合戦略」';
const MEASURE = '町内会等への加入促進';

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
  await shot('strategy-flows-next-period');
  expect(pageErrors).toEqual([]);
});

test('a 第3期 strategy is created on the 2025 frame: its goals, the overview, the report and the workshop name the frame', async ({ page, openApp, pageErrors, shot }) => {
  await openApp();
  await page.getByTestId('new-strategy').click();
  const start = page.getByTestId('create-start');
  // Every frame, newest first, then 白紙; the newest is chosen, its goals shown.
  const frames = start.locator('.frame-choice');
  await expect(frames).toHaveCount(5);
  await expect(frames.first()).toContainText('地方創生に関する総合戦略');
  await expect(frames.first()).toContainText('令和7年12月23日閣議決定・令和7年度〜令和11年度（5年間）・目標3つ');
  await expect(frames.nth(1)).toContainText('地方創生2.0基本構想');
  await expect(frames.nth(2)).toContainText('デジタル田園都市国家構想総合戦略');
  await expect(frames.nth(3)).toContainText('第2期「まち・ひと・しごと創生総合戦略」');
  await expect(frames.nth(4)).toContainText('第1期「まち・ひと・しごと創生総合戦略」');
  await expect(page.getByRole('radio', { name: '地方創生に関する総合戦略' })).toBeChecked();
  await expect(start.getByTestId('frame-goals').getByRole('listitem')).toHaveText(GOALS_2025.map((g, i) => `目標${i + 1} ${g}`));

  // Another frame shows its own goals (デジタル田園都市: 4 directions + 3 foundations), then back.
  await page.getByRole('radio', { name: 'デジタル田園都市国家構想総合戦略' }).check();
  await expect(start.getByTestId('frame-goals').getByRole('listitem')).toHaveCount(7);
  await expect(start.getByTestId('frame-goals')).toContainText('デジタル実装の基礎条件整備1 ハード・ソフトのデジタル基盤整備');
  await page.getByRole('radio', { name: '地方創生に関する総合戦略' }).check();

  await page.locator('#new-title').fill('第3期しるべ町まち・ひと・しごと創生総合戦略');
  await page.locator('#new-municipality').fill('しるべ町');
  await page.locator('#new-first').fill('令和8年度');
  await page.locator('#new-last').fill('令和12年度');
  await page.getByTestId('create-form').scrollIntoViewIfNeeded();
  await shot('frames-create-form');
  await page.getByTestId('create-submit').click();

  // The overview: the frame under the title, three goals each naming its national goal.
  await expect(page.getByTestId('strategy-title')).toHaveText('第3期しるべ町まち・ひと・しごと創生総合戦略');
  await expect(page.getByTestId('national-frame')).toHaveText(`国の総合戦略: ${FRAME_LINE}`);
  await expect(page.locator('.goal-title')).toHaveText(GOALS_2025);
  await expect(page.getByTestId('goal-national')).toHaveText(GOALS_2025.map((g, i) => `国の目標 ${i + 1}: ${g}`));
  await shot('frames-overview');

  // The file keeps the frame by its key, beside its goals.
  const s = await savedStrategy(page);
  expect(s.national_framework.key).toBe(NEWEST);
  expect(s.national_framework.name).toBe('地方創生に関する総合戦略');
  expect(s.national_framework.goals.map((g: any) => g.title)).toEqual(GOALS_2025);
  expect(s.goals.map((g: any) => g.national_goal)).toEqual(s.national_framework.goals.map((g: any) => g.id));

  // The strategy's settings say which frame the key names, under the framework's name.
  await page.getByTestId('edit').click();
  await page.getByTestId('outline-strategy').click();
  await expect(page.getByTestId('national-frame-key')).toHaveText('枠組み: 地方創生に関する総合戦略（令和7年12月23日閣議決定・令和7年度〜令和11年度（5年間））');

  // The printed report names the frame under its title.
  await page.evaluate((h) => (location.hash = h), `#/s/${s.id}/print/targets`);
  await expect(page.locator('[data-testid=print-report][data-report=targets]')).toBeVisible();
  await expect(page.getByTestId('print-national-frame')).toHaveText(`国の総合戦略: ${FRAME_LINE}`);
  await shot('frames-print-targets');

  // The workshop names the frame under its title page's heading, small; in English too.
  await page.evaluate((h) => (location.hash = h), `#/s/${s.id}/workshop`);
  await expect(page.getByTestId('workshop')).toBeVisible();
  await expect(page.getByTestId('ws-frame')).toHaveText('国の総合戦略: 地方創生に関する総合戦略（令和7〜11年度）');
  await shot('frames-workshop');
  await page.getByTestId('language').click();
  await expect(page.getByTestId('ws-frame')).toHaveText(
    'National strategy: Comprehensive Strategy on Regional Revitalisation (Regional Revitalisation 2.0) (FY2025–2029)',
  );
  await page.getByTestId('language').click();
  expect(pageErrors).toEqual([]);
});

test('次期へ引き継ぐ proposes the newest frame: 北斗市 carried onto the 2025 frame', async ({ page, openApp, pageErrors, shot }) => {
  await openApp();
  await page.getByTestId('example-hokuto').click();
  // An example from before frames had keys names its framework by the name it holds.
  await expect(page.getByTestId('national-frame')).toHaveText('国の総合戦略: 第2期「まち・ひと・しごと創生総合戦略」');
  await page.getByTestId('edit').click();
  await page.getByTestId('outline-strategy').click();
  await page.getByTestId('next-period-start').click();
  const frame = page.getByTestId('next-frame');
  await expect(frame).toHaveValue(NEWEST);
  await expect(page.getByTestId('next-frame-note')).toBeVisible();
  // Keeping this strategy's framework says so and needs no note.
  await frame.selectOption('');
  await expect(page.getByTestId('next-frame-note')).toHaveCount(0);
  await frame.selectOption(NEWEST);
  await page.getByTestId('next-period').scrollIntoViewIfNeeded();
  await shot('frames-next-period');
  await page.getByTestId('next-period-make').click();

  await expect(page.getByTestId('strategy-title')).toHaveText(/^第3期北斗市/);
  const next = await savedStrategy(page);
  expect(next.national_framework.key).toBe(NEWEST);
  expect(next.national_framework.goals.map((g: any) => g.title)).toEqual(GOALS_2025);
  expect(next.goals.every((g: any) => g.national_goal === undefined || g.national_goal === null)).toBe(true);
  // The next strategy opens on its overview.
  await expect(page.getByTestId('national-frame')).toHaveText(`国の総合戦略: ${FRAME_LINE}`);
  await expect(page.getByTestId('goal-national')).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test('北斗市 re-aligned to the 2025 frame: proposed links, one corrected, applied, then undone', async ({ page, openApp, pageErrors, shot }) => {
  await openApp();
  await page.getByTestId('example-hokuto').click();
  await expect(page.getByTestId('national-frame')).toHaveText(`国の総合戦略: ${SECOND}`);
  await page.getByTestId('edit').click();
  await page.getByTestId('outline-strategy').click();

  const panel = page.getByTestId('realign');
  await panel.getByTestId('realign-start').click();
  // The newest frame is proposed; each goal's national goal as the words suggest.
  await expect(panel.getByTestId('realign-frame')).toHaveValue(NEWEST);
  const choices = panel.getByTestId('realign-choice');
  await expect(choices).toHaveCount(4);
  await expect(choices.nth(0)).toHaveValue('0'); // 産業・雇用 → 「強い経済」
  await expect(choices.nth(1)).toHaveValue('2'); // 人を呼び込み・呼び戻す → 「選ばれる地方」
  await expect(choices.nth(2)).toHaveValue(''); // 子供を生み、育てたい → no counterpart by the words
  await expect(choices.nth(3)).toHaveValue('1'); // 暮らしの環境 → 「豊かな生活環境」
  await expect(panel.getByTestId('realign-row').nth(0)).toContainText('いま: 国の基本目標 1: 稼ぐ地域をつくとともに');
  await expect(panel.getByTestId('realign-without')).toHaveText(
    '対応する国の目標がない目標: 基本目標 3 子供を生み、育てたいという希望をかなえる',
  );
  await panel.scrollIntoViewIfNeeded();
  await shot('realign-proposed');
  // The open screen passes axe's WCAG 2.1 A/AA rules (no serious or critical violation).
  const axe = await new AxeBuilder({ page }).include('[data-testid=realign]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // The town puts 子育て under 「豊かな生活環境」.
  await choices.nth(2).selectOption('1');
  await expect(panel.getByTestId('realign-without')).toHaveText('どの目標にも対応する国の目標があります。');
  await panel.getByTestId('realign-apply').click();

  // The settings keep the earlier frame and links as a record.
  await expect(panel.getByTestId('framework-change')).toContainText(`国の総合戦略を ${SECOND} から 地方創生に関する総合戦略 に合わせ直しました`);
  await expect(page.getByTestId('national-frame-key')).toHaveText(`枠組み: ${FRAME_LINE}`);
  const s = await savedStrategy(page);
  expect(s.national_framework.key).toBe(NEWEST);
  const ng = s.national_framework.goals.map((g: any) => g.id);
  expect(s.goals.map((g: any) => g.national_goal)).toEqual([ng[0], ng[2], ng[1], ng[1]]);
  expect(s.framework_changes).toHaveLength(1);
  expect(s.framework_changes[0].from.name).toBe(SECOND);
  expect(s.framework_changes[0].links.map((l: any) => l.title)).toEqual(s.goals.map((g: any) => g.title));
  await panel.getByTestId('framework-change').locator('summary').click();
  await expect(panel.getByTestId('framework-change').getByRole('listitem')).toHaveCount(4);
  await panel.scrollIntoViewIfNeeded();
  await shot('realign-applied-settings');

  // The overview names the new frame and each goal's national goal.
  await page.getByTestId('nav-overview').click();
  await expect(page.getByTestId('national-frame')).toHaveText(`国の総合戦略: ${FRAME_LINE}`);
  await expect(page.getByTestId('goal-national')).toHaveText([
    '国の目標 1: 「強い経済」をつくる',
    '国の目標 3: 「選ばれる地方」になる',
    '国の目標 2: 「豊かな生活環境」を実現する',
    '国の目標 2: 「豊かな生活環境」を実現する',
  ]);
  await expect(page.getByTestId('framework-change')).toContainText(`${SECOND} から 地方創生に関する総合戦略 に合わせ直しました`);
  await shot('realign-overview');

  // One undo step brings the 第2期 frame and its links back.
  await page.getByTestId('edit').click();
  await page.getByTestId('undo').click();
  await page.getByTestId('outline-strategy').click();
  await expect(page.getByTestId('realign').getByTestId('framework-change')).toHaveCount(0);
  await page.getByTestId('nav-overview').click();
  await expect(page.getByTestId('national-frame')).toHaveText(`国の総合戦略: ${SECOND}`);
  await expect(page.getByTestId('framework-change')).toHaveCount(0);
  await expect(page.getByTestId('goal-national').first()).toHaveText('国の基本目標 1: 稼ぐ地域をつくとともに、安心して働けるようにする');
  const back = await savedStrategy(page);
  expect(back.national_framework.key).toBeUndefined();
  expect(back.framework_changes).toBeUndefined();
  await shot('realign-undone');
  expect(pageErrors).toEqual([]);
});

test('the re-alignment screen in English', async ({ page, openApp, pageErrors }) => {
  await openApp();
  await page.getByTestId('example-kitamoto').click();
  await page.getByTestId('edit').click();
  await page.getByTestId('outline-strategy').click();
  await page.getByTestId('language').click();
  const panel = page.getByTestId('realign');
  await expect(panel.getByRole('heading')).toHaveText('Re-align to another national strategy');
  await panel.getByTestId('realign-start').click();
  await expect(panel.getByTestId('realign-choice')).toHaveCount(6);
  await expect(panel.getByTestId('realign-without')).toContainText('Goals without a national counterpart: ');
  await panel.getByTestId('realign-cancel').click();
  await expect(panel.getByTestId('realign-choice')).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test('sections, who I am, and a measure evaluated in three stages, printed side by side', async ({ page, openApp, pageErrors, shot }) => {
  await openApp();
  await page.getByTestId('example-hokuto').click();
  await expect(page.getByTestId('overview')).toBeVisible();
  const id = /^#\/s\/([^/]+)/.exec(new URL(page.url()).hash)![1];
  await page.getByTestId('edit').click();
  await expect(page.getByTestId('editor')).toBeVisible();

  // The list of sections: the example's ten, one added and named.
  await page.getByTestId('outline-strategy').click();
  const panel = page.getByTestId('departments');
  await expect(panel.getByTestId('department')).toHaveCount(10);
  await page.getByTestId('add-department').click();
  await expect(panel.getByTestId('department')).toHaveCount(11);
  await enter(page, 'department-name-10', 'デジタル推進課');

  // Who I am: the planning section, then 市民課.
  const who = page.getByTestId('who-i-am-select');
  await who.selectOption({ label: '企画課など（全体を取りまとめる）' });
  await who.selectOption({ label: '市民課' });
  await panel.screenshot({ path: 'test-results/screenshots/sections-settings.png' });

  // The measure's section, and a project of it that names none: 「施策と同じ: 市民課」.
  await page.getByTestId('outline-measure').filter({ hasText: MEASURE }).first().click();
  await expect(page.getByTestId('measure-department')).toHaveValue(/^dept-/);
  await expect(page.getByTestId('measure-department').locator('option:checked')).toHaveText('市民課');
  await page.getByTestId('outline-initiative').filter({ hasText: '町会連合会補助金' }).first().click();
  await expect(page.getByTestId('initiative-department').locator('option:checked')).toHaveText('（施策と同じ: 市民課）');
  await page.getByTestId('outline-measure').filter({ hasText: MEASURE }).first().click();

  // 令和5年度: the 一次評価 is the example's (its sheet's C); the 二次 and 外部 are written here.
  await page.getByTestId('evaluation-year').selectOption('2023');
  await expect(page.getByTestId('evaluation-rating')).toHaveValue('C');
  await page.getByTestId('evaluation-stage').selectOption('second');
  await page.getByTestId('add-evaluation').click();
  await page.getByTestId('evaluation-rating').selectOption('B');
  await enter(page, 'evaluation-by', '推進本部');
  await enter(page, 'evaluation-date', '２０２４-０７-１０');
  await page.getByTestId('evaluation-outcomes').fill('加入促進の取組は一定の成果。担い手対策を重点に。');
  await page.getByTestId('evaluation-outcomes').blur();
  await page.getByTestId('evaluation-stage').selectOption('external');
  await page.getByTestId('add-evaluation').click();
  await enter(page, 'evaluation-by', '北斗市総合戦略推進会議');
  await page.getByTestId('evaluation-outcomes').fill('SNSでの発信を若い世代に広げてほしい。');
  await page.getByTestId('evaluation-outcomes').blur();
  await expect(page.getByTestId('evaluation-stage').locator('option')).toHaveText([
    '一次評価（評価: C）', '二次評価（評価: B）', '外部評価（記入あり）',
  ]);
  await page.getByTestId('measure-evaluations').scrollIntoViewIfNeeded();
  await shot('sections-evaluation-stages');

  // Stored: three evaluations of 2023, apart, with who and when; the section added.
  const s = await savedStrategy(page);
  const m = s.goals.flatMap((g: any) => g.measures).find((x: any) => x.title === MEASURE);
  const of2023 = m.evaluations.filter((e: any) => e.fiscal_year === 2023);
  expect(of2023.map((e: any) => [e.evaluator, e.rating ?? null, e.by ?? '', e.date ?? null])).toEqual([
    ['internal', 'C', '', null],
    ['second', 'B', '推進本部', '2024-07-10'],
    ['external', null, '北斗市総合戦略推進会議', null],
  ]);
  expect(of2023[2].outcomes).toBe('SNSでの発信を若い世代に広げてほしい。');
  expect(s.departments.map((d: any) => d.name)).toContain('デジタル推進課');

  // The A4 sheet: the three stages side by side, the section under the title.
  await page.evaluate((h) => (location.hash = h), `#/s/${id}/print/sheets`);
  await expect(page.locator('[data-testid=print-report][data-report=sheets]')).toBeVisible();
  await page.getByTestId('print-year').selectOption('2023');
  const sheet = page.getByTestId('sheet').filter({ hasText: MEASURE }).first();
  await expect(sheet.getByTestId('sheet-department')).toHaveText('担当課：市民課');
  await expect(sheet.getByTestId('sheet-rating')).toHaveText('C');
  await expect(sheet.getByTestId('sheet-rating-second')).toHaveText('B');
  await expect(sheet.getByTestId('sheet-by-second')).toHaveText('推進本部 2024-07-10');
  await expect(sheet.getByTestId('sheet-rating-external')).toHaveText('—');
  await expect(sheet.getByTestId('sheet-outcomes-external')).toContainText('SNSでの発信を若い世代に広げてほしい。');
  const stages = sheet.getByTestId('sheet-stages');
  const boxes = await stages.locator('[data-stage]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
  expect(boxes).toHaveLength(3);
  expect(Math.max(...boxes) - Math.min(...boxes), 'side by side: one row').toBeLessThan(2);
  // The measure's sheet alone (the whole report is 30 A4 pages).
  await sheet.screenshot({ path: 'test-results/screenshots/sections-sheet-stages.png' });

  // Who I am is this browser's, kept after a reload.
  await page.reload();
  await page.evaluate((h) => (location.hash = h), `#/s/${id}/edit`);
  await page.getByTestId('outline-strategy').click();
  await expect(page.getByTestId('who-i-am-select').locator('option:checked')).toHaveText('市民課');
  expect(pageErrors).toEqual([]);
});
