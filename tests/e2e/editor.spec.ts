// The strategy editor: every kind of entity created, edited, reordered, deleted, undone and
// still right after a reload; Japanese IME input through Chromium's real composition events;
// number fields with full-width digits; a slice of the 北斗市 evaluation sheet typed in.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { savedStrategy } from './helpers';
import type { Page } from '@playwright/test';
import { REPO_ROOT } from './paths';

/** Creates a strategy on the national 2nd-period frame (4 basic + 2 cross-cutting goals) and opens its editor. */
async function newStrategy(page: Page, openApp: () => Promise<void>) {
  await openApp();
  await page.getByTestId('new-strategy').click();
  await page.locator('#new-title').fill('第3期しるべ町総合戦略');
  await page.locator('#new-municipality').fill('しるべ町');
  await page.getByRole('radio', { name: '第2期「まち・ひと・しごと創生総合戦略」' }).check();
  await page.getByTestId('create-submit').click();
  await page.getByTestId('edit').click();
  await expect(page.getByTestId('editor')).toBeVisible();
}

/** Types Japanese through the IME the way Chromium does it: composition updates, then commit. */
async function typeWithIme(page: Page, testid: string, steps: string[], final: string) {
  const field = page.getByTestId(testid);
  await field.click();
  await field.press('Control+a');
  await field.press('Delete');
  const cdp = await page.context().newCDPSession(page);
  for (const s of steps) {
    await cdp.send('Input.imeSetComposition', { text: s, selectionStart: s.length, selectionEnd: s.length });
  }
  return { cdp, field, commit: () => cdp.send('Input.insertText', { text: final }) };
}

test('strategy settings: fields, sections, rating rule, and the problem list', async ({ page, openApp, pageErrors, shot }) => {
  await newStrategy(page, openApp);
  await page.getByTestId('outline-strategy').click();
  await page.getByTestId('municipality-code').fill('１１２３３１');
  await page.getByTestId('municipality-code').press('Enter');
  await expect(page.getByTestId('strategy-form')).toContainText('団体コード');
  await expect(page.getByTestId('strategy-form').locator('.field-problem')).toContainText('正しくありません');
  await page.getByTestId('municipality-code').fill('112330');
  await page.getByTestId('municipality-code').press('Enter');
  await expect(page.getByTestId('strategy-form').locator('.field-problem')).toHaveCount(0);

  // Sections: add two, reorder, delete one.
  await page.getByTestId('add-section').click();
  await page.getByTestId('section-heading-0').fill('策定趣旨');
  await page.getByTestId('section-heading-0').press('Enter');
  await page.getByTestId('add-section').click();
  await page.getByTestId('section-heading-1').fill('計画期間');
  await page.getByTestId('section-heading-1').press('Enter');
  await page.getByTestId('section').nth(1).getByTestId('move-up').click();
  await expect(page.getByTestId('section-heading-0')).toHaveValue('計画期間');
  await page.getByTestId('section').nth(0).getByTestId('delete').click();
  await expect(page.getByTestId('section')).toHaveCount(1);
  await expect(page.getByTestId('section-heading-0')).toHaveValue('策定趣旨');
  // The delete can be undone and redone; a reload keeps what was left.
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('section')).toHaveCount(2);
  await page.getByTestId('redo').click();
  await expect(page.getByTestId('section')).toHaveCount(1);
  await page.reload();
  await expect(page.getByTestId('section-heading-0')).toHaveValue('策定趣旨');

  // Rating rule: a preset, then a threshold typed with full-width digits.
  await page.getByTestId('rating-preset-◎').click();
  await expect(page.getByTestId('tier-label-0')).toHaveValue('◎');
  await page.getByTestId('tier-min-1').fill('８５．５');
  await page.getByTestId('tier-min-1').press('Enter');
  await expect(page.getByTestId('tier-min-1')).toHaveValue('85.5');
  // Not a number: the text stays, a message says so, the stored value does not change.
  await page.getByTestId('tier-min-1').fill('八十');
  await page.getByTestId('tier-min-1').press('Enter');
  await expect(page.getByTestId('rating-rule').getByTestId('field-problem')).toContainText('数値として読めません');
  await expect(page.getByTestId('tier-min-1')).toHaveValue('八十');
  const s = await savedStrategy(page);
  expect(s.municipality.code).toBe('112330');
  expect(s.sections.map((x: any) => x.heading)).toEqual(['策定趣旨']);
  expect(s.rating_rule.tiers.map((t: any) => [t.label, t.min_percent])).toEqual([['◎', 100], ['○', 85.5], ['△', 50]]);
  await shot('editor-strategy-settings');

  // Drafting schedule: one item, by fiscal year, month and 上旬.
  await page.getByTestId('add-schedule').click();
  await expect(page.getByTestId('schedule-item')).toHaveCount(1);
  await page.getByTestId('schedule-item').getByRole('textbox', { name: '会議・手続' }).fill('総合戦略策定会議');
  await page.getByTestId('schedule-item').getByRole('textbox', { name: '会議・手続' }).press('Enter');
  await page.getByTestId('schedule-item').getByRole('combobox', { name: '旬' }).selectOption('Early');
  const s2 = await savedStrategy(page);
  expect(s2.schedule[0].body).toBe('総合戦略策定会議');
  expect(s2.schedule[0].when.part).toBe('early');
  // A step by calendar date; an impossible date shows up in the checks.
  await page.getByTestId('add-schedule').click();
  const dated = page.getByTestId('schedule-item').nth(1);
  await dated.getByRole('combobox', { name: '時期の指定方法' }).selectOption('date');
  await dated.getByRole('textbox', { name: '日付（例: 2026-12-10）' }).fill('2019-13-01');
  await dated.getByRole('textbox', { name: '日付（例: 2026-12-10）' }).press('Enter');
  await expect(page.getByTestId('problems')).toContainText('戦略の設定 ＞ 策定スケジュール 2行目: 日付が正しくありません');
  await dated.getByRole('textbox', { name: '日付（例: 2026-12-10）' }).fill('2019-08-05');
  await dated.getByRole('textbox', { name: '日付（例: 2026-12-10）' }).press('Enter');
  await expect(page.getByTestId('problems')).not.toContainText('日付が正しくありません');

  // Rating levels: add one, remove one.
  await page.getByTestId('add-tier').click();
  await expect(page.getByTestId('tier-label-3')).toBeVisible();
  await page.getByTestId('tier-label-3').fill('☆');
  await page.getByTestId('tier-label-3').press('Enter');
  await page.getByTestId('remove-tier-2').click();
  // The national framework's goals: rename one, add one, delete it.
  await page.getByTestId('national-goal-title').first().fill('稼ぐ地域をつくるとともに、安心して働けるようにする（改）');
  await page.getByTestId('national-goal-title').first().press('Enter');
  await page.getByTestId('add-national-goal').click();
  await expect(page.getByTestId('national-goal')).toHaveCount(7);
  await page.getByTestId('national-goal').nth(6).getByTestId('delete').click();
  await expect(page.getByTestId('national-goal')).toHaveCount(6);
  const s3 = await savedStrategy(page);
  expect(s3.schedule[1].when).toEqual({ kind: 'date', date: '2019-08-05' });
  expect(s3.rating_rule.tiers.map((t: any) => t.label)).toEqual(['◎', '○', '☆']);
  expect(s3.national_framework.goals[0].title).toBe('稼ぐ地域をつくるとともに、安心して働けるようにする（改）');
  expect(pageErrors).toEqual([]);
});

test('goals: create, edit with the IME, SDGs, reorder, delete, undo, redo, reload', async ({ page, openApp, pageErrors, shot }) => {
  await newStrategy(page, openApp);
  await expect(page.getByTestId('outline-goal')).toHaveCount(6);
  await page.getByTestId('add-goal').click();
  await expect(page.getByTestId('goal-form')).toBeVisible();
  await expect(page.getByTestId('goal-number')).toHaveValue('5');
  await expect(page.getByTestId('outline-goal')).toHaveCount(7);

  // IME: しごと → 仕事. Nothing is stored mid-composition; the final text is stored once.
  const before = await savedStrategy(page);
  const ime = await typeWithIme(page, 'goal-title', ['し', 'しご', 'しごと'], '仕事');
  // Enter that confirms a candidate must not commit anything.
  await ime.field.evaluate((el) => el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true })));
  expect((await savedStrategy(page)).goals).toEqual(before.goals);
  await ime.commit();
  await ime.field.press('Enter');
  await expect(page.getByTestId('form-heading')).toHaveText('基本目標 5 仕事');
  let s = await savedStrategy(page);
  expect(s.goals[4].title).toBe('仕事');

  await page.getByTestId('goal-subtitle').fill('～安定した雇用を創出する～');
  await page.getByTestId('goal-subtitle').press('Enter');
  await page.getByTestId('goal-direction').fill('地域の特色を生かした産業の振興を図ります。\n二行目。');
  await page.getByTestId('goal-direction').blur();
  await page.locator('.sdg-tile', { has: page.getByTestId('sdg-8') }).click();
  await page.locator('.sdg-tile', { has: page.getByTestId('sdg-9') }).click();
  s = await savedStrategy(page);
  expect(s.goals[4].subtitle).toBe('安定した雇用を創出する');
  expect(s.goals[4].direction).toBe('地域の特色を生かした産業の振興を図ります。\n二行目。');
  expect(s.goals[4].sdgs).toEqual([8, 9]);

  // Reorder: up one place, focus stays on the button.
  await page.getByTestId('goal-form').getByTestId('move-up').click();
  await expect(page.getByTestId('goal-form').getByTestId('move-up')).toBeFocused();
  await expect(page.getByTestId('outline-goal').nth(3)).toContainText('仕事');

  // Undo (button and keyboard) and redo.
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('outline-goal').nth(4)).toContainText('仕事');
  await page.getByTestId('renumber').focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('sdg-9')).not.toBeChecked();
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('sdg-9')).toBeChecked();
  await page.keyboard.press('Control+y');
  await expect(page.getByTestId('outline-goal').nth(3)).toContainText('仕事');
  await shot('editor-goal');

  // A new numerical target created in place, then the goal deleted and the delete undone.
  await page.getByTestId('goal-targets').getByTestId('create-ref').click();
  await expect(page.getByTestId('outline-indicator')).toHaveCount(1);
  await expect(page.getByTestId('indicator-name')).toBeFocused();
  // A new form starts without red: nothing to check before anything is typed.
  await expect(page.getByTestId('entity-problems')).toHaveCount(0);
  // Inline validation next to what it is about, once something was committed: the unit typed,
  // the name still missing.
  await page.getByTestId('indicator-unit').fill('人');
  await page.getByTestId('indicator-unit').press('Enter');
  await expect(page.getByTestId('entity-problems')).toContainText('名称が未入力です');
  await page.getByTestId('indicator-name').fill('市内企業の新規雇用者数');
  await page.getByTestId('indicator-name').press('Enter');
  await expect(page.getByTestId('entity-problems')).toHaveCount(0);
  await page.getByTestId('outline-goal').nth(3).click();
  await expect(page.getByTestId('goal-targets').locator('li')).toHaveCount(1);
  // What needs the whole strategy follows edits of references: the target taken off, the
  // indicator is used nowhere; an edit of its own values keeps both kinds of problem in view;
  // referred to again, it is used.
  const unused = 'どの目標・施策からも参照されていない指標です';
  await page.getByTestId('goal-targets').getByTestId('remove-ref').click();
  await expect(page.getByTestId('goal-targets').locator('li')).toHaveCount(0);
  await page.getByTestId('outline-indicator').click();
  await expect(page.getByTestId('entity-problems')).toContainText(unused);
  await page.getByTestId('indicator-name').fill('');
  await page.getByTestId('indicator-name').press('Enter');
  await expect(page.getByTestId('entity-problems')).toContainText('名称が未入力です');
  await expect(page.getByTestId('entity-problems')).toContainText(unused);
  await page.getByTestId('indicator-name').fill('市内企業の新規雇用者数');
  await page.getByTestId('indicator-name').press('Enter');
  await expect(page.getByTestId('entity-problems')).not.toContainText('名称が未入力です');
  await expect(page.getByTestId('entity-problems')).toContainText(unused);
  await page.getByTestId('outline-goal').nth(3).click();
  await page.getByTestId('goal-targets').getByTestId('add-ref').selectOption({ index: 1 });
  await expect(page.getByTestId('goal-targets').locator('li')).toHaveCount(1);
  await page.getByTestId('outline-indicator').click();
  await expect(page.getByTestId('indicator-name')).toHaveValue('市内企業の新規雇用者数');
  await expect(page.getByTestId('entity-problems')).toHaveCount(0);
  // Undone and redone with the indicator open: its problems follow the reference.
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('entity-problems')).toContainText(unused);
  await page.getByTestId('redo').click();
  await expect(page.getByTestId('entity-problems')).toHaveCount(0);
  await expect(page.getByTestId('indicator-name')).toHaveValue('市内企業の新規雇用者数');
  await page.getByTestId('outline-goal').nth(3).click();
  await page.getByTestId('goal-form').getByTestId('delete').click();
  await expect(page.getByTestId('outline-goal')).toHaveCount(6);
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('outline-goal')).toHaveCount(7);

  await page.reload();
  await expect(page.getByTestId('outline-goal')).toHaveCount(7);
  await expect(page.getByTestId('outline-goal').nth(3)).toContainText('仕事');
  s = await savedStrategy(page);
  expect(s.goals[3]).toMatchObject({ title: '仕事', subtitle: '安定した雇用を創出する', sdgs: [8, 9] });
  expect(s.goals[3].targets).toEqual([s.indicators[0].id]);
  expect(pageErrors).toEqual([]);
});

test('search narrows the outline', async ({ page, openApp }) => {
  await openApp();
  await page.getByTestId('example-hokuto').click();
  await page.getByTestId('edit').click();
  await page.getByTestId('outline-search').fill('町内会');
  await expect(page.getByTestId('outline-measure').filter({ hasText: '町内会等への加入促進' })).toHaveCount(1);
  await expect(page.getByTestId('outline-goal')).toHaveCount(1);
  await page.getByTestId('outline-search').fill('');
  await expect(page.getByTestId('outline-goal')).toHaveCount(4);
  // Filters: the measures rated C in their latest evaluation, then the 重点施策.
  const hokuto = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'public', 'examples', 'hokuto.json'), 'utf8')).strategy;
  const measures = hokuto.goals.flatMap((g: any) => g.measures);
  const ratedC = measures.filter((m: any) => m.evaluations?.some((e: any) => e.rating === 'C')).length;
  const priority = measures.filter((m: any) => m.priority).length;
  expect(ratedC).toBeGreaterThan(0);
  await page.getByTestId('outline-filter').selectOption('rating:C');
  await expect(page.getByTestId('outline-measure')).toHaveCount(ratedC);
  await page.getByTestId('outline-filter').selectOption('priority');
  await expect(page.getByTestId('outline-measure')).toHaveCount(priority);
  await page.getByTestId('outline-filter').selectOption('');
  await expect(page.getByTestId('outline-measure')).toHaveCount(measures.length);
});

/** Creates a strategy with a given plan period and opens its editor on a fresh basic goal. */
async function strategyWithGoal(page: Page, openApp: () => Promise<void>, first: string, last: string) {
  await openApp();
  await page.getByTestId('new-strategy').click();
  await page.locator('#new-title').fill('第2期北斗市まち・ひと・しごと創生総合戦略');
  await page.locator('#new-municipality').fill('北斗市');
  await page.locator('#new-first').fill(first);
  await page.locator('#new-last').fill(last);
  await page.getByRole('radio', { name: '白紙' }).check();
  await page.getByTestId('create-submit').click();
  await page.getByTestId('edit').click();
  await page.getByTestId('add-goal').click();
  await page.getByTestId('goal-title').fill('住み続けたいという暮らしの環境をつくり守る');
  await page.getByTestId('goal-title').press('Enter');
}

async function fill(page: Page, testid: string, value: string) {
  const field = page.getByTestId(testid);
  await field.fill(value);
  await field.blur();
}

test('measures and initiatives: create, edit, reorder, delete, undo, reload', async ({ page, openApp, pageErrors, shot }) => {
  await strategyWithGoal(page, openApp, 'R5', 'R8');
  await page.getByTestId('add-measure').click();
  // A new item opens with its name field focused and in view: the name is typed at once.
  await expect(page.getByTestId('measure-title')).toBeFocused();
  await expect(page.getByTestId('measure-title')).toBeInViewport();
  await fill(page, 'measure-title', '町内会等への加入促進');
  await page.getByTestId('measure-priority').check();
  await page.getByTestId('outline-goal').click();
  await page.getByTestId('add-measure').click();
  await fill(page, 'measure-title', 'コミュニティ施設の適切な管理');
  await expect(page.getByTestId('outline-measure')).toHaveCount(2);
  // Reorder, then undo the reorder.
  await page.getByTestId('measure-form').getByTestId('move-up').click();
  await expect(page.getByTestId('outline-measure').first()).toContainText('コミュニティ施設の適切な管理');
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('outline-measure').first()).toContainText('町内会等への加入促進');

  // Two initiatives under the second measure; reorder them; delete one; undo the delete.
  await page.getByTestId('add-initiative').click();
  await expect(page.getByTestId('initiative-title')).toBeFocused();
  await page.keyboard.type('住民施設改修事業');
  await page.getByTestId('initiative-title').blur();
  await expect(page.getByTestId('outline-initiative')).toContainText('住民施設改修事業');
  await page.getByTestId('initiative-owner-link').click();
  await page.getByTestId('add-initiative').click();
  await fill(page, 'initiative-title', '町内会館整備事業');
  await page.getByTestId('initiative-form').getByTestId('move-up').click();
  await expect(page.getByTestId('outline-initiative').first()).toContainText('町内会館整備事業');
  await page.getByTestId('initiative-form').getByTestId('delete').click();
  await expect(page.getByTestId('outline-initiative')).toHaveCount(1);
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('outline-initiative')).toHaveCount(2);
  await shot('editor-measure');

  // Re-list the second measure's first initiative under the first measure, for two years only.
  await page.getByTestId('outline-measure').first().click();
  await page.getByTestId('relist-initiative').selectOption({ label: (await page.getByTestId('relist-initiative').locator('option').nth(1).textContent())! });
  await expect(page.getByTestId('relisted-link')).toHaveCount(1);
  await page.getByTestId('relist-years').fill('R6、2025');
  await page.getByTestId('relist-years').press('Enter');
  await expect(page.getByTestId('relist-years')).toHaveValue('R6、R7');
  await page.getByTestId('relist-years').fill('R6、来年');
  await page.getByTestId('relist-years').press('Enter');
  await expect(page.getByTestId('measure-initiatives')).toContainText('「来年」は年度として読めません');
  const relisted = (await savedStrategy(page)).goals[0].measures[0].relisted;
  expect(relisted).toHaveLength(1);
  expect(relisted[0].years).toEqual([2024, 2025]);

  // Delete the first measure and bring it back.
  await page.getByTestId('outline-measure').first().click();
  await page.getByTestId('measure-form').getByTestId('delete').click();
  await expect(page.getByTestId('outline-measure')).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('outline-measure')).toHaveCount(2);

  await page.reload();
  await expect(page.getByTestId('outline-measure')).toHaveCount(2);
  const s = await savedStrategy(page);
  const [first, second] = s.goals[0].measures;
  expect(first).toMatchObject({ title: '町内会等への加入促進', priority: true });
  expect(second.initiatives.map((i: any) => i.title)).toEqual(['町内会館整備事業', '住民施設改修事業']);
  expect(pageErrors).toEqual([]);
});

test('a slice of the 北斗市 evaluation sheet typed in gives the expected file', async ({ page, openApp, pageErrors, shot }, testInfo) => {
  // Seed 002, 基本目標4 主要施策 1 町内会等への加入促進: 令和5年度 results, rating C, 令和6–8 plan.
  await strategyWithGoal(page, openApp, 'R5', 'R8');
  await page.getByTestId('add-measure').click();
  await fill(page, 'measure-number', '1');
  await fill(page, 'measure-title', '町内会等への加入促進');
  await fill(page, 'measure-summary', '地域コミュニティの形成と親睦や助け合いを円滑にするため、市民の自主的な加入を促進する。');

  const projects = [
    { title: '町内会等への加入促進', kind: 'standalone', settled2023: '', result2023: '・担い手不足解消のための他団体との連携強化や先進事例の情報収集、情報共有\n・ＳＮＳを活用した魅力発信', budget2024: '', d2025: 'expand', d2026: 'expand' },
    { title: '町会連合会補助金', kind: 'standalone', settled2023: '３００', result2023: '町会連合会の活動への補助(パークゴルフ親睦大会、地区連絡協議会への活動支援等）', budget2024: '２，３００', d2025: 'maintain', d2026: 'maintain' },
    { title: '町会連合会との連携による加入促進', kind: 'standalone', settled2023: '', result2023: '・宅建協会及び不動産協会への進捗状況の確認\n・協力団体(商工会・北人まちの大学）等による広報', budget2024: '', d2025: 'maintain', d2026: 'maintain' },
  ];
  for (const p of projects) {
    await page.getByTestId('add-initiative').click();
    await fill(page, 'initiative-title', p.title);
    await page.getByTestId('initiative-kind').selectOption(p.kind);
    if (p.settled2023) await fill(page, 'settled-2023', p.settled2023);
    await fill(page, 'result-2023', p.result2023);
    if (p.budget2024) await fill(page, 'budget-2024', p.budget2024);
    await page.getByTestId('direction-2025').selectOption(p.d2025);
    await page.getByTestId('direction-2026').selectOption(p.d2026);
    await page.getByTestId('initiative-owner-link').click();
  }
  await expect(page.getByTestId('total-settled-2023')).toHaveText('300');
  await expect(page.getByTestId('total-budget-2024')).toHaveText('2,300');
  await expect(page.getByTestId('total-budget-2023')).toHaveText('—');
  await page.getByTestId('measure-goal').click();
  await expect(page.getByTestId('goal-settled-2023')).toHaveText('300');
  await expect(page.getByTestId('goal-budget-2024')).toHaveText('2,300');
  await page.getByTestId('outline-measure').click();

  await page.getByTestId('evaluation-year').selectOption('2023');
  await page.getByTestId('add-evaluation').click();
  await page.getByTestId('evaluation-rating').selectOption('C');
  await fill(page, 'evaluation-outcomes', '・ニュースポーツ体験事業のモルック体験会を行うとともに、北斗市子ども会連絡協議会との異世代交流会を実施することができた。\n・インターネットでの町内会加入実績は５件');
  await fill(page, 'evaluation-issues', '・町内会加入率の向上や役員等の担い手不足が課題である。');
  await fill(page, 'evaluation-improvements', '・町内会活動の活性化に向けて、事業支援拡充を図る。');
  await shot('editor-hokuto-slice');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    (async () => { await page.getByTestId('nav-overview').click(); await page.getByTestId('export').click(); })(),
  ]);
  const file = testInfo.outputPath('slice.json');
  await download.saveAs(file);
  const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
  const m = exported.strategy.goals[0].measures[0];
  const years = (i: any) => i.years.map((y: any) => ({ ...y }));
  expect(m.title).toBe('町内会等への加入促進');
  expect(m.initiatives.map((i: any) => [i.title, i.kind])).toEqual(projects.map((p) => [p.title, 'standalone']));
  expect(years(m.initiatives[1])).toEqual([
    { fiscal_year: 2023, settled: 300, plan: '', result: '町会連合会の活動への補助(パークゴルフ親睦大会、地区連絡協議会への活動支援等）' },
    { fiscal_year: 2024, budget: 2300, plan: '', result: '' },
    { fiscal_year: 2025, direction: 'maintain', plan: '', result: '' },
    { fiscal_year: 2026, direction: 'maintain', plan: '', result: '' },
  ]);
  expect(years(m.initiatives[0]).map((y: any) => [y.fiscal_year, y.direction ?? null, y.settled ?? null])).toEqual([
    [2023, null, null], [2025, 'expand', null], [2026, 'expand', null],
  ]);
  expect(m.evaluations).toEqual([{
    fiscal_year: 2023, rating: 'C',
    outcomes: '・ニュースポーツ体験事業のモルック体験会を行うとともに、北斗市子ども会連絡協議会との異世代交流会を実施することができた。\n・インターネットでの町内会加入実績は５件',
    issues: '・町内会加入率の向上や役員等の担い手不足が課題である。',
    improvements: '・町内会活動の活性化に向けて、事業支援拡充を図る。',
    next_plan: '', notes: '', evaluator: 'internal',
  }]);
  expect(pageErrors).toEqual([]);
});

test('indicators: series, baseline, targets, actuals with full-width digits, undo, delete, reload', async ({ page, openApp, pageErrors, shot }) => {
  await openApp();
  await page.getByTestId('example-kitamoto').click();
  await page.getByTestId('edit').click();
  await expect(page.getByTestId('editor')).toBeVisible();
  await page.getByTestId('outline-indicator').filter({ hasText: '65歳健康寿命' }).click();
  await expect(page.getByTestId('indicator-heading')).toHaveText('2-2 65歳健康寿命');
  // Where it is used: the numerical target of 基本目標 4, nowhere else.
  await expect(page.locator('[data-testid^=use-]')).toHaveCount(1);
  await expect(page.getByTestId('use-goal')).toContainText('基本目標 4 ひとが集う、安心して暮らすことができる魅力的な地域をつくる');
  await expect(page.getByTestId('series-label-0')).toHaveValue('男性');
  await expect(page.getByTestId('series-label-1')).toHaveValue('女性');
  await expect(page.getByTestId('baseline-0')).toHaveValue('18.43');
  await expect(page.getByTestId('baseline-year-0')).toHaveValue('令和元年度');
  await expect(page.getByTestId('target-kind-0')).toHaveValue('value');
  await expect(page.getByTestId('target-0')).toHaveValue('19');
  await expect(page.getByTestId('target-year-0')).toHaveValue('');
  await expect(page.getByTestId('year-row-0-2019')).toBeVisible();
  await expect(page.getByTestId('series-status-0')).toContainText('データなし');

  // actual entered
  await page.getByTestId('actual-0-2022').fill('１８．８');
  await page.getByTestId('actual-0-2022').press('Enter');
  await expect(page.getByTestId('series-status-0')).toContainText('順調');
  await expect(page.getByTestId('provisional-0-2022')).toBeVisible();
  await page.getByTestId('provisional-0-2022').check();
  await page.getByTestId('comment-0-2022').fill('速報');
  await page.getByTestId('comment-0-2022').press('Enter');
  await page.getByTestId('actual-0-2024').fill('18.5');
  await page.getByTestId('actual-0-2024').press('Enter');
  await page.getByTestId('interim-0-2023').fill('18.7');
  await page.getByTestId('interim-0-2023').press('Enter');
  let s = await savedStrategy(page);
  let ind = s.indicators.find((i: any) => i.code === '2-2');
  expect(ind.series[0].actuals.map((a: any) => a.year)).toEqual([2022, 2024]);
  expect(ind.series[0].actuals[0]).toEqual({ year: 2022, value: 18.8, provisional: true, comment: '速報' });
  await expect(page.getByTestId('series-status-0')).toContainText('令和6年度');
  // clearing removes
  await page.getByTestId('actual-0-2024').fill('');
  await page.getByTestId('actual-0-2024').press('Enter');
  s = await savedStrategy(page);
  ind = s.indicators.find((i: any) => i.code === '2-2');
  expect(ind.series[0].actuals.map((a: any) => a.year)).toEqual([2022]);

  // target kind switching keeps the value
  await page.getByTestId('target-year-0').fill('R7');
  await page.getByTestId('target-year-0').press('Enter');
  await page.getByTestId('target-kind-0').selectOption('per_year');
  await expect(page.getByTestId('target-0')).toHaveValue('19');
  await page.getByTestId('target-kind-0').selectOption('direction');
  await expect(page.getByTestId('target-0')).toHaveCount(0);
  await page.getByTestId('target-kind-0').selectOption('value');
  await expect(page.getByTestId('target-0')).toHaveValue('19');
  await expect(page.getByTestId('target-year-0')).toHaveValue('令和7年度');
  await page.getByTestId('target-kind-0').selectOption('none');
  s = await savedStrategy(page);
  ind = s.indicators.find((i: any) => i.code === '2-2');
  expect(ind.series[0].target).toBeUndefined();
  await page.getByTestId('target-kind-0').selectOption('value');
  s = await savedStrategy(page);
  ind = s.indicators.find((i: any) => i.code === '2-2');
  expect(ind.series[0].target).toEqual({ kind: 'value', value: 19, year: 2025 });

  // undo
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('target-kind-0')).toHaveValue('none');
  await page.getByTestId('redo').click();
  await expect(page.getByTestId('target-kind-0')).toHaveValue('value');

  // baseline clear and re-enter keeps year
  await page.getByTestId('baseline-1').fill('');
  await page.getByTestId('baseline-1').press('Enter');
  await expect(page.getByTestId('baseline-year-1')).toHaveValue('令和元年度');
  s = await savedStrategy(page);
  ind = s.indicators.find((i: any) => i.code === '2-2');
  expect(ind.series[1].baseline).toBeUndefined();
  await page.getByTestId('baseline-1').fill('20.5');
  await page.getByTestId('baseline-1').press('Enter');
  s = await savedStrategy(page);
  ind = s.indicators.find((i: any) => i.code === '2-2');
  expect(ind.series[1].baseline).toEqual({ value: 20.5, year: 2019 });

  // series: add, move, remove
  await page.getByTestId('add-series').click();
  await expect(page.getByTestId('series-label-2')).toBeFocused();
  await page.getByTestId('series-label-2').fill('その他');
  await page.getByTestId('series-label-2').press('Enter');
  await page.getByTestId('series-up-2').click();
  await expect(page.getByTestId('series-label-1')).toHaveValue('その他');
  await page.getByTestId('remove-series-1').click();
  await expect(page.getByTestId('series-label-2')).toHaveCount(0);
  await expect(page.getByTestId('series-label-1')).toHaveValue('女性');

  // add year outside period
  // (picked from a list of the years around the plan, never typed; a year shown is not offered)
  await expect(page.getByTestId('add-year-0').locator('option', { hasText: '令和9年度' })).toHaveCount(1);
  await page.getByTestId('add-year-0').selectOption({ label: '令和9年度' });
  await expect(page.getByTestId('year-row-0-2027')).toBeVisible();
  await expect(page.getByTestId('actual-0-2027')).toBeFocused();
  await expect(page.getByTestId('add-year-0')).toHaveValue('');
  await expect(page.getByTestId('add-year-0').locator('option', { hasText: '令和9年度' })).toHaveCount(0);

  await expect(page.getByTestId('series-down-0')).toHaveText('↓ 下へ');
  await expect(page.getByTestId('series-down-1')).toBeDisabled();
  await expect(page.getByTestId('series-up-0')).toBeDisabled();
  await shot('editor-indicator');
  await page.getByTestId('language').click();
  await expect(page.getByTestId('series-down-0')).toHaveText('↓ Down');
  await shot('editor-indicator-en');
  await page.getByTestId('language').click();

  // basic fields
  await page.getByTestId('indicator-unit').fill('年');
  await page.getByTestId('indicator-unit').press('Enter');
  await page.getByTestId('indicator-direction').selectOption('decrease');
  await page.getByTestId('indicator-kind').selectOption('output');
  s = await savedStrategy(page);
  ind = s.indicators.find((i: any) => i.code === '2-2');
  expect([ind.unit, ind.direction, ind.kind]).toEqual(['年', 'decrease', 'output']);

  // per-year indicator
  await page.getByTestId('outline-indicator').filter({ hasText: '災害による' }).click();
  await expect(page.getByTestId('target-kind-0')).toHaveValue('per_year');
  await page.getByTestId('actual-0-2022').fill('0');
  await page.getByTestId('actual-0-2022').press('Enter');
  await expect(page.getByTestId('series-status-0')).toContainText('達成');
  // direction-only
  await page.getByTestId('outline-indicator').filter({ hasText: 'ふるさと納税' }).click();
  await expect(page.getByTestId('target-kind-0')).toHaveValue('direction');
  await page.getByTestId('actual-0-2022').fill('4000');
  await page.getByTestId('actual-0-2022').press('Enter');
  await expect(page.getByTestId('series-status-0')).toContainText('達成');
  // uses navigation
  const firstUse = page.locator('[data-testid^="use-"]').first();
  await firstUse.click();
  await expect(page.getByTestId('indicator-form')).toHaveCount(0);
  // reorder in the indicator list, and undo it
  await page.getByTestId('outline-indicator').filter({ hasText: 'ふるさと納税' }).click();
  await expect(page.getByTestId('outline-indicator').nth(2)).toContainText('ふるさと納税');
  await page.getByTestId('indicator-form').getByTestId('move-up').click();
  await expect(page.getByTestId('outline-indicator').nth(1)).toContainText('ふるさと納税');
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('outline-indicator').nth(2)).toContainText('ふるさと納税');
  // delete
  await page.getByTestId('outline-indicator').filter({ hasText: 'ふるさと納税' }).click();
  await page.getByTestId('indicator-form').getByTestId('delete').click();
  await expect(page.getByTestId('outline-indicator').filter({ hasText: 'ふるさと納税' })).toHaveCount(0);
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('outline-indicator').filter({ hasText: 'ふるさと納税' })).toHaveCount(1);
  await page.reload();
  const after = await savedStrategy(page);
  const health = after.indicators.find((i: any) => i.code === '2-2');
  expect(health.series.map((x: any) => x.label)).toEqual(['男性', '女性']);
  expect(health.series[0].actuals[0]).toEqual({ year: 2022, value: 18.8, provisional: true, comment: '速報' });
  expect(after.indicators.some((i: any) => i.name === 'ふるさと納税寄附件数')).toBe(true);
  expect(pageErrors).toEqual([]);
});

test('leaving the editor while a field holds typed text does not break the app', async ({ page, openApp, pageErrors }) => {
  await openApp();
  await page.getByTestId('example-kitamoto').click();
  await page.getByTestId('edit').click();
  await page.getByTestId('outline-indicator').filter({ hasText: '出生数' }).click();
  // A number, a text and a year field, each typed into (not committed) while the address
  // changes under it: the field is removed with the focus, and its change event comes after
  // the editor is gone.
  for (const field of ['actual-0-2023', 'indicator-name', 'baseline-year-0']) {
    await page.getByTestId(field).fill('381');
    await page.evaluate(() => { location.hash = '#/'; });
    await expect(page.getByTestId('strategy-list')).toBeVisible();
    await page.goBack();
    await expect(page.getByTestId('indicator-heading')).toContainText('出生数');
  }
  // The app still works: the list opens, and the example is there once.
  await page.evaluate(() => { location.hash = '#/'; });
  await expect(page.getByTestId('strategy-row')).toHaveCount(1);
  expect(pageErrors).toEqual([]);
});
