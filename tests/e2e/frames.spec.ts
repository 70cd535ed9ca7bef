// National frames: a new strategy starts from one of the national frames, newest
// first — here the 第3期 of しるべ町 on 「地方創生に関する総合戦略」 (令和7年12月23日閣議決定,
// 令和7〜11年度): its three goals in the national document's words, the overview, the
// printed report and the workshop naming the frame, the file keeping the frame's key. And 次期へ引き継ぐ proposes
// the newest frame: 北斗市's 第2期 strategy carried onto it.
import { test, expect } from './fixtures';
import { savedStrategy } from './helpers';

const NEWEST = 'chihou-sousei-senryaku-2025';
const GOALS_2025 = ['「強い経済」をつくる', '「豊かな生活環境」を実現する', '「選ばれる地方」になる'];
const FRAME_LINE = '地方創生に関する総合戦略（令和7年12月23日閣議決定・令和7年度〜令和11年度（5年間））';

test('a 第3期 strategy is created on the 2025 frame: its goals, the overview and the report name the frame', async ({ page, openApp, pageErrors, shot }) => {
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
