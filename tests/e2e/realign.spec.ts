// Re-alignment: 北斗市's 第2期 strategy moved onto 「地方創生に関する総合戦略」 through
// the strategy settings — each goal's proposed national goal (from the words), one corrected by
// hand, the goals without a counterpart said —, applied in one undo step: the overview names
// the new frame and each goal's national goal, the strategy keeps the earlier frame and links
// as a record; 元に戻す brings the 第2期 frame back.
import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import { test, expect, SCREENSHOT_DIR } from './fixtures';
import { savedStrategy } from './helpers';

const NEWEST = 'chihou-sousei-senryaku-2025';
const FRAME_LINE = '地方創生に関する総合戦略（令和7年12月23日閣議決定・令和7年度〜令和11年度（5年間））';
const SECOND = '第2期「まち・ひと・しごと創生総合戦略」';

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
  await panel.screenshot({ path: path.join(SCREENSHOT_DIR, 'realign-proposed-panel.png') });
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
  await panel.screenshot({ path: path.join(SCREENSHOT_DIR, 'realign-applied-panel.png') });

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
  await page.locator('.strategy-head').screenshot({ path: path.join(SCREENSHOT_DIR, 'realign-overview-head.png') });

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
