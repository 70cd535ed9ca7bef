// Workshop mode (住民ワークショップ): the presentation of a strategy for residents, driven by the
// keyboard alone (as a presenter's clicker does), with ideas (付箋) and dot votes written by the
// facilitator, kept with the strategy across a reload, listed per goal, exported as CSV and
// cleared with a confirmation (and undo). Screenshots at projector, laptop and tablet sizes.
import fs from 'node:fs';
import { test, expect } from './fixtures';
import type { Page, Locator } from '@playwright/test';
import { storedEntries, writeStored } from './stored';

/** Opens an example strategy and its workshop presentation. */
async function openWorkshop(page: Page, openApp: () => Promise<void>, example: 'kitamoto' | 'hokuto') {
  await openApp();
  await page.getByTestId(`example-${example}`).click();
  await page.getByTestId('nav-workshop').click();
  await expect(page.getByTestId('workshop')).toBeVisible();
  await expect(page).toHaveURL(/#\/s\/[^/]+\/workshop$/);
}

/** The examples tag no SDGs: give the first two goals some in the stored file, and reload. */
async function giveSdgs(page: Page) {
  await expect(page.getByTestId('save-state')).toHaveText('保存済み');
  const changed: Record<string, string> = {};
  for (const [key, value] of Object.entries(await storedEntries(page))) {
    if (!key.startsWith('shirube/v1/strategy/')) continue;
    const file = JSON.parse(value);
    file.strategy.goals[0].sdgs = [3, 11];
    file.strategy.goals[1].sdgs = [8, 9, 17];
    changed[key] = JSON.stringify(file);
  }
  await writeStored(page, changed);
  await page.reload();
  await page.waitForFunction(() => window.__shirubeAppStarted === true);
  await expect(page.getByTestId('workshop')).toBeVisible();
}

/** The data-item of the focused element, and whether it is marked current. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { item: el?.getAttribute('data-item') ?? null, current: el?.classList.contains('current') ?? false, testid: el?.getAttribute('data-testid') ?? null };
  });
}

/** Form fields inside the presentation (only the idea field may be there). */
function fields(page: Page): Locator {
  return page.locator('.workshop input, .workshop textarea, .workshop select, .workshop [contenteditable=true]');
}

async function addIdea(page: Page, text: string) {
  const input = page.getByTestId('idea-input');
  await input.click();
  await input.fill(text);
  await input.press('Enter');
  await expect(page.getByTestId('idea-text').filter({ hasText: text })).toBeVisible();
  await expect(input).toHaveValue('');
}

/** Every stored strategy's current text, once autosave has run (earlier versions stay in the
 *  version history by design: a clear is undone from there). */
async function stored(page: Page): Promise<string> {
  const all = await storedEntries(page);
  return Object.keys(all).filter((k) => k.startsWith('shirube/v1/strategy/')).map((k) => all[k]).join('');
}

test('the presentation is driven by keys: goals → a goal and its charts → back; no editing controls', async ({ page, openApp, pageErrors, shot }) => {
  await openWorkshop(page, openApp, 'kitamoto');
  const goals = page.getByTestId('ws-goal');
  await expect(goals).toHaveCount(6);
  await expect(page.getByTestId('ws-hint')).toContainText('Enter');
  // Goal cards: number, title, SDG tiles in the official colours, the targets' status in words.
  const first = goals.first();
  await expect(first.locator('.ws-kind')).toHaveText('基本目標 1');
  await expect(first.getByTestId('ws-status')).toContainText(/数値目標・KPI \d+ 件のうち/);
  await giveSdgs(page);
  const tiles = first.locator('.ws-sdg');
  await expect(tiles).toHaveText(['3', '11']);
  // The official colours: 3 #4C9F38, 11 #FD9D24.
  await expect(tiles.nth(0)).toHaveCSS('background-color', 'rgb(76, 159, 56)');
  await expect(tiles.nth(1)).toHaveCSS('background-color', 'rgb(253, 157, 36)');
  await expect(tiles.nth(0)).toHaveAttribute('aria-label', /すべての人に健康と福祉を/);
  // Nothing to edit, no way into the editor.
  await expect(fields(page)).toHaveCount(0);
  await expect(page.locator('.workshop a[href*="/edit"]')).toHaveCount(0);

  // → moves between goals; PageDown / PageUp (a clicker) too.
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => focused(page)).toEqual({ item: '1', current: true, testid: 'ws-goal' });
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageUp');
  await expect.poll(async () => (await focused(page)).item).toBe('1');
  const secondTitle = (await goals.nth(1).locator('.ws-title').textContent())!;

  // Enter opens the goal: its numerical targets as charts drawn by ECharts.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('ws-goal-page')).toBeVisible();
  await expect(page.getByTestId('ws-page-title')).toHaveText(secondTitle);
  const charts = page.getByTestId('ws-indicator');
  expect(await charts.count()).toBeGreaterThan(0);
  await expect(charts.first().locator('[data-testid=chart-canvas] canvas')).toBeVisible();
  const drawn = await charts.first().getByTestId('chart-canvas').evaluate((el) => Boolean((window as any).echarts.getInstanceByDom(el)));
  expect(drawn).toBe(true);
  // The indicator chart as it is everywhere (years along a category axis), with larger text.
  const option = await charts.first().getByTestId('chart-canvas').evaluate((el) => JSON.parse(JSON.stringify((window as any).echarts.getInstanceByDom(el).getOption())));
  expect(option.xAxis[0].type).toBe('category');
  expect(option.xAxis[0].data).toContain('R7');
  expect(option.xAxis[0].axisLabel.fontSize).toBe(16);
  await expect.poll(() => focused(page)).toEqual({ item: '0', current: true, testid: 'ws-indicator' });
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await focused(page)).item).toBe('1');
  // Only the idea field here.
  await expect(fields(page)).toHaveCount(1);
  await expect(page.getByTestId('idea-input')).toBeVisible();

  // Esc goes back to the goals with the goal one came from current; ↓ opens, ↑ goes back.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('ws-goal-page')).toHaveCount(0);
  await expect.poll(() => focused(page)).toEqual({ item: '1', current: true, testid: 'ws-goal' });
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('ws-page-title')).toHaveText(secondTitle);
  await page.keyboard.press('ArrowUp');
  await expect(goals).toHaveCount(6);
  await page.keyboard.press('Backspace');
  await expect(goals).toHaveCount(6, { timeout: 1000 });
  // The ECharts instances went away with their page.
  await expect.poll(() => page.evaluate(() => Number(document.documentElement.dataset.liveCharts ?? '0'))).toBe(0);

  // English is one switch away; the hint follows.
  await page.getByTestId('language').click();
  await expect(page.getByTestId('ws-hint')).toContainText('open');
  await expect(goals.first().locator('.ws-kind')).toHaveText('Basic goal 1');
  await page.getByTestId('language').click();
  expect(pageErrors).toEqual([]);
});

test('focus and the highlight are one thing: Tab to a card, then Enter, opens that card', async ({ page, openApp, pageErrors }) => {
  await openWorkshop(page, openApp, 'kitamoto');
  const goals = page.getByTestId('ws-goal');
  await expect.poll(() => focused(page)).toEqual({ item: '0', current: true, testid: 'ws-goal' });
  // Tab twice: the third card has the focus, and is the highlighted one (only it).
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect.poll(() => focused(page)).toEqual({ item: '2', current: true, testid: 'ws-goal' });
  await expect(page.locator('.ws-goal.current')).toHaveCount(1);
  const third = (await goals.nth(2).locator('.ws-title').textContent())!;
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('ws-page-title')).toHaveText(third);
  // Back, then Shift+Tab to the card before and ↓ (the clicker's "open") opens that one.
  await page.keyboard.press('Escape');
  await expect.poll(() => focused(page)).toEqual({ item: '2', current: true, testid: 'ws-goal' });
  await page.keyboard.press('Shift+Tab');
  await expect.poll(() => focused(page)).toEqual({ item: '1', current: true, testid: 'ws-goal' });
  const second = (await goals.nth(1).locator('.ws-title').textContent())!;
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('ws-page-title')).toHaveText(second);
  expect(pageErrors).toEqual([]);
});

test("on a goal's page, Tab to a measure card and Enter opens that measure", async ({ page, openApp, pageErrors }) => {
  await openWorkshop(page, openApp, 'hokuto');
  await page.keyboard.press('Enter');
  const measures = page.getByTestId('ws-measure');
  await expect(measures).toHaveCount(3);
  await expect.poll(() => focused(page)).toEqual({ item: '0', current: true, testid: 'ws-measure' });
  await page.keyboard.press('Tab');
  await expect.poll(() => focused(page)).toEqual({ item: '1', current: true, testid: 'ws-measure' });
  await expect(page.locator('.ws-measure.current')).toHaveCount(1);
  const title = (await measures.nth(1).locator('.ws-title').textContent())!;
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('ws-page-title')).toHaveText(title);
  expect(pageErrors).toEqual([]);
});

test('measures are pages of their own: ↓ into a measure, ← → between measures, Esc back', async ({ page, openApp, pageErrors }) => {
  await openWorkshop(page, openApp, 'hokuto');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('ws-goal-page')).toBeVisible();
  const measures = page.getByTestId('ws-measure');
  expect(await measures.count()).toBeGreaterThan(1);
  const secondTitle = (await measures.nth(1).locator('.ws-title').textContent())!;
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('ws-measure-page')).toBeVisible();
  await expect(page.locator('.ws-position')).toHaveText(/^1 \/ \d+$/);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('ws-page-title')).toHaveText(secondTitle);
  await expect(page.locator('.ws-position')).toHaveText(/^2 \/ \d+$/);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('ws-goal-page')).toBeVisible();
  await expect.poll(() => focused(page)).toEqual({ item: '1', current: true, testid: 'ws-measure' });
  // Touch / mouse: a tap on a card opens it, the back button returns.
  await measures.nth(0).click();
  await expect(page.getByTestId('ws-measure-page')).toBeVisible();
  await page.getByTestId('ws-back').click();
  await expect(page.getByTestId('ws-goal-page')).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test('ideas and votes are kept with the strategy, listed per goal, exported as CSV and cleared', async ({ page, openApp, pageErrors, shot }) => {
  await openWorkshop(page, openApp, 'kitamoto');
  await page.keyboard.press('Enter'); // goal 1
  await expect(page.getByTestId('ws-goal-page')).toBeVisible();
  const goal1 = (await page.getByTestId('ws-page-title').textContent())!;
  await expect(page.getByTestId('idea-session')).toContainText('第1回 住民ワークショップ');

  // Keys typed in the idea field stay in the field.
  const input = page.getByTestId('idea-input');
  await input.click();
  await input.pressSequentially('駅前');
  for (const key of ['ArrowLeft', 'ArrowRight', 'ArrowDown', 'ArrowUp', 'PageDown', 'Home', 'End', 'f']) await input.press(key);
  await input.press('Backspace');
  await expect(page.getByTestId('ws-goal-page')).toBeVisible();
  await expect(input).toHaveValue('駅前');
  await input.fill('');

  await addIdea(page, '駅前にベンチを');
  await addIdea(page, '=SUM(A1) <b>太字?</b>');
  await expect(page.getByTestId('idea-session')).toContainText(/記録先: 第1回 住民ワークショップ（\d{4}-\d\d-\d\d）/);
  // Note text is text, never HTML.
  await expect(page.locator('.ws-note b')).toHaveCount(0);
  const votes = page.getByTestId('idea-vote');
  await votes.nth(0).click();
  await votes.nth(0).click();
  await votes.nth(1).click();
  await expect(page.getByTestId('idea-votes').nth(0)).toHaveAttribute('data-votes', '2');

  // Another goal, by mouse this time.
  await page.getByTestId('ws-back').click();
  await page.getByTestId('ws-goal').nth(2).click();
  const goal3 = (await page.getByTestId('ws-page-title').textContent())!;
  await addIdea(page, '子育て広場を週末も');
  await page.getByTestId('idea-vote').first().click();
  await shot('workshop-goal-ideas');

  // Autosave, then a reload: everything is still there (and stored).
  await expect(page.getByTestId('save-state')).toHaveText('保存済み');
  expect(await stored(page)).toContain('駅前にベンチを');
  expect(await stored(page)).toContain('子育て広場を週末も');
  await page.reload();
  await page.waitForFunction(() => window.__shirubeAppStarted === true);
  await expect(page.getByTestId('ws-goal')).toHaveCount(6);
  await expect(page.getByTestId('ws-goal').nth(0).getByTestId('ws-note-count')).toHaveText('付箋 2 枚');
  await expect(page.getByTestId('ws-goal').nth(2).getByTestId('ws-note-count')).toHaveText('付箋 1 枚');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('idea-text')).toHaveText(['駅前にベンチを', '=SUM(A1) <b>太字?</b>']);
  await expect(page.getByTestId('idea-votes')).toHaveText(['● 2', '● 1']);

  // The list per goal, most votes first.
  await page.getByTestId('ws-to-notes').click();
  await expect(page.getByTestId('notes-page')).toBeVisible();
  const blocks = page.getByTestId('notes-goal');
  await expect(blocks).toHaveCount(2);
  await expect(blocks.nth(0).locator('h2')).toContainText(goal1);
  await expect(blocks.nth(0).getByTestId('notes-text')).toHaveText(['駅前にベンチを', '=SUM(A1) <b>太字?</b>']);
  await expect(blocks.nth(1).locator('h2')).toContainText(goal3);
  await expect(page.getByTestId('session-name')).toHaveText([/第1回 住民ワークショップ/]);
  await shot('workshop-notes');

  // CSV for Excel: BOM, CRLF, the formula neutralised, goal in words, votes as numbers.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('notes-csv').click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const bytes = fs.readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toBe('ワークショップ,日付,目標,施策,付箋,票数');
  expect(lines[1]).toMatch(new RegExp(`^第1回 住民ワークショップ,\\d{4}-\\d\\d-\\d\\d,基本目標 1 ${goal1},,駅前にベンチを,2$`));
  expect(lines[2]).toMatch(/,'=SUM\(A1\) <b>太字\?<\/b>,1$/);
  expect(lines[3]).toMatch(/,子育て広場を週末も,1$/);
  expect(lines[4]).toBe('');

  // Clearing asks first; cancelling keeps everything; undo brings the notes back.
  await page.getByTestId('session-clear').click();
  await expect(page.getByTestId('session-clear-question')).toContainText('3 枚');
  await page.getByTestId('session-clear-cancel').click();
  await expect(blocks).toHaveCount(2);
  await page.getByTestId('session-clear').click();
  await page.getByTestId('session-clear-confirm').click();
  await expect(page.getByTestId('notes-empty')).toBeVisible();
  await expect(page.getByTestId('notes-cleared')).toContainText('3 枚');
  await page.getByTestId('notes-undo').click();
  await expect(blocks).toHaveCount(2);
  await expect(blocks.nth(0).getByTestId('notes-text')).toHaveText(['駅前にベンチを', '=SUM(A1) <b>太字?</b>']);
  await page.getByTestId('session-clear').click();
  await page.getByTestId('session-clear-confirm').click();
  await expect(page.getByTestId('notes-empty')).toBeVisible();
  await expect.poll(() => stored(page)).not.toContain('駅前にベンチを');
  // The session stays, with no notes; a new one can be started and becomes where ideas go.
  await page.getByTestId('session-start').click();
  await expect(page.getByTestId('session-name')).toHaveText([/第1回/, /第2回 住民ワークショップ/]);
  await expect(page.getByTestId('session-current').nth(1)).toBeChecked();
  expect(pageErrors).toEqual([]);
});

test('screenshots of the presentation at projector, laptop and tablet sizes', async ({ page, openApp, pageErrors, shot }) => {
  await openWorkshop(page, openApp, 'kitamoto');
  await giveSdgs(page);
  await page.keyboard.press('Enter');
  await addIdea(page, '駅前に子どもの遊び場を');
  await page.getByTestId('idea-vote').first().click();
  // Esc on the vote button (not in the field) goes back to the goals.
  await page.keyboard.press('Escape');
  for (const [name, width, height] of [['1920x1080', 1920, 1080], ['1280x720', 1280, 720], ['768x1024', 768, 1024]] as const) {
    await page.setViewportSize({ width, height });
    await expect(page.getByTestId('ws-goal')).toHaveCount(6);
    // Nothing wider than the window (no sideways scrolling, nothing cut off).
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal overflow at ${name}`).toBeLessThanOrEqual(0);
    const base = await page.getByTestId('workshop').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(base, 'large type').toBeGreaterThanOrEqual(18);
    await shot(`workshop-goals-${name}`);
    await page.getByTestId('ws-goal').first().click();
    await expect(page.getByTestId('ws-indicator').first().locator('canvas')).toBeVisible();
    const overflowGoal = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflowGoal, `horizontal overflow of a goal at ${name}`).toBeLessThanOrEqual(0);
    await shot(`workshop-goal-${name}`);
    await page.getByTestId('ws-back').click();
  }
  expect(pageErrors).toEqual([]);
});
