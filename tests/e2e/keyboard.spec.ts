// Keyboard only: create a strategy, add a goal, a measure and an indicator with a
// target and an actual, undo, export — with Tab, Shift+Tab, Enter, Space, arrows and typing,
// never the mouse. At every stop the focused element shows that it has the focus (an outline
// or a ring the browser draws for :focus-visible).
import fs from 'node:fs';
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

/** What the focused element is called: its label, its text, or its aria-label. */
async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    const labelled = (el as HTMLInputElement).labels?.[0]?.textContent ?? '';
    return (labelled || el.getAttribute('aria-label') || el.textContent || '').trim();
  });
}

/** Whether the focused element is drawn as focused (:focus-visible with an outline or ring). */
async function focusVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || !el.matches(':focus-visible')) return false;
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    const ring = s.boxShadow !== 'none';
    return outline || ring;
  });
}

/** Presses Tab (or Shift+Tab) until the focused element's name matches; fails after `limit`. */
async function tabTo(page: Page, name: string | RegExp, { back = false, limit = 250 } = {}) {
  const matches = (n: string) => (typeof name === 'string' ? n === name : name.test(n));
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (matches(await focusedName(page))) {
      expect(await focusVisible(page), `focus visible on ${name}`).toBe(true);
      return;
    }
  }
  throw new Error(`no focusable element named ${name} within ${limit} presses of Tab`);
}

test('keyboard only: a strategy with a goal, a measure, a KPI with a target and an actual; undo; export', async ({ page, openApp, pageErrors, shot }) => {
  await openApp();
  await tabTo(page, '新しい戦略をつくる');
  await page.keyboard.press('Enter');
  await tabTo(page, '戦略の名称');
  await page.keyboard.type('キーボード町総合戦略');
  await tabTo(page, '自治体名');
  await page.keyboard.type('キーボード町');
  // Tab reaches the radio group on its checked choice (the newest national frame); arrows move
  // through the other frames to 白紙, the last choice.
  await tabTo(page, '地方創生に関する総合戦略');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
  expect(await focusedName(page)).toBe('白紙');
  await expect(page.getByLabel('白紙')).toBeChecked();
  await tabTo(page, '作成する');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'キーボード町総合戦略' })).toBeVisible();

  // Into the editor; a basic goal, named at once (its name field has the focus).
  await tabTo(page, '編集する');
  await page.keyboard.press('Enter');
  await tabTo(page, '＋ 基本目標');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('目標', { exact: true })).toBeFocused();
  await page.keyboard.type('しごとをつくる');
  await page.keyboard.press('Enter');
  await shot('keyboard-goal');

  // A measure under it.
  await tabTo(page, '＋ 施策を追加');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('施策名')).toBeFocused();
  await page.keyboard.type('起業の支援');
  await page.keyboard.press('Enter');

  // A KPI of the measure, with a target and an actual.
  await tabTo(page, '＋ 新しい指標をつくる');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('指標名')).toBeFocused();
  await page.keyboard.type('創業件数');
  await page.keyboard.press('Enter');
  await tabTo(page, '目標の種類');
  // The first kind in the list: a value by a year (arrows choose in a focused list).
  await page.keyboard.press('Home');
  await expect(page.getByLabel('目標の種類')).toHaveValue('value');
  await tabTo(page, '目標値');
  await page.keyboard.type('12');
  await page.keyboard.press('Enter');
  const firstYear = await page.getByLabel(/年度 実績値$/).first().getAttribute('id');
  expect(firstYear).not.toBeNull();
  const actualName = (await page.locator(`label[for="${firstYear}"]`).textContent())!.trim();
  await tabTo(page, actualName);
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await expect(page.locator('.series-status')).toContainText(/最新の達成状況: 令和\d+年度 遅れ 評価 C/);
  await shot('keyboard-indicator');

  // Undo (Ctrl+Z) takes the actual back out.
  await tabTo(page, '元に戻す', { back: true });
  await page.keyboard.press('Enter');
  await expect(page.getByLabel(actualName)).toHaveValue('');
  // …and redo puts it back.
  await page.keyboard.press('Control+Shift+Z');
  await expect(page.getByLabel(actualName)).toHaveValue('3');

  // Export from the overview.
  await tabTo(page, '概要', { back: true });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'キーボード町総合戦略' })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await tabTo(page, 'ファイルに書き出す（JSON）');
  await page.keyboard.press('Enter');
  const file = await downloading;
  const saved = test.info().outputPath(file.suggestedFilename());
  await file.saveAs(saved);
  const s = JSON.parse(fs.readFileSync(saved, 'utf8')).strategy;
  expect(s.goals.map((g: any) => g.title)).toEqual(['しごとをつくる']);
  expect(s.goals[0].measures.map((m: any) => m.title)).toEqual(['起業の支援']);
  expect(s.indicators[0].name).toBe('創業件数');
  expect(s.indicators[0].series[0].target.value).toBe(12);
  expect(s.indicators[0].series[0].actuals.map((a: any) => a.value)).toEqual([3]);
  await shot('keyboard-exported');
  expect(pageErrors).toEqual([]);
});
