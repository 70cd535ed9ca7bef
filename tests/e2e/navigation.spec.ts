// One navigation for the open strategy: from every page of it every other page is one click
// away, the page shown is marked (aria-current), the routes that existed before still land on
// the page that holds what they opened, and on a narrow screen the list folds behind a menu that
// opens and closes by keyboard. Screenshots of every page at 1280 and 375 px.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { REPO_ROOT } from './paths';
import type { Page } from '@playwright/test';

const HOKUTO = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'public', 'examples', 'hokuto.json'), 'utf8')).strategy;
const id: string = HOKUTO.id;

/** The navigation's items in their order: its key, the hash it opens, the page's own test id. */
const JOBS: Array<[string, string, string]> = [
  ['overview', `#/s/${id}`, 'overview'],
  ['edit', `#/s/${id}/edit`, 'editor'],
  ['charts', `#/s/${id}/dashboard`, 'dashboard'],
  ['vision', `#/s/${id}/vision`, 'vision-page'],
  ['drafting', `#/s/${id}/drafting`, 'drafting-page'],
  ['round', `#/s/${id}/round`, 'round-page'],
  ['folder', `#/s/${id}/folder`, 'folder-page'],
  ['history', `#/s/${id}/history`, 'history-page'],
  ['output', `#/s/${id}/files`, 'files-page'],
  ['workshop', `#/s/${id}/workshop`, 'workshop'],
];

async function opened(page: Page) {
  await page.getByTestId('example-hokuto').click();
  await expect(page.getByTestId('overview')).toBeVisible();
}

test('from every page of a strategy every other page is one click away, the page shown marked', async ({ page, openApp, pageErrors, shot }) => {
  test.slow();
  await openApp();
  await opened(page);
  for (const [key, , testid] of JOBS) {
    // The page is reached by its item, from the page before it.
    await page.getByTestId(`nav-${key}`).click();
    await expect(page.getByTestId(testid)).toBeVisible();
    if (key === 'workshop') {
      // The presentation keeps its full screen, with its own way back to the overview.
      await expect(page.getByTestId('strategy-nav')).toHaveCount(0);
      await shot('nav-workshop-1280');
      continue;
    }
    const nav = page.getByTestId('strategy-nav');
    await expect(nav).toHaveCount(1);
    await expect(page.getByTestId('strategy-nav-name')).toContainText(HOKUTO.title);
    await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
    await expect(page.getByTestId(`nav-${key}`)).toHaveAttribute('aria-current', 'page');
    // Every other page is one link away, to where it should go.
    for (const [other, hash] of JOBS) {
      await expect(page.getByTestId(`nav-${other}`)).toHaveAttribute('href', hash);
    }
    await shot(`nav-${key}-1280`);
    if (key !== 'overview') {
      // Back to the overview and here again by the navigation (every item clicked from two pages).
      await page.getByTestId('nav-overview').click();
      await expect(page.getByTestId('overview')).toBeVisible();
      await page.getByTestId(`nav-${key}`).click();
      await expect(page.getByTestId(testid)).toBeVisible();
    }
  }
  // A printed report belongs to 出力.
  await page.goto(`./#/s/${id}/print/targets`);
  await expect(page.getByTestId('nav-output')).toHaveAttribute('aria-current', 'page');
  expect(pageErrors).toEqual([]);
});

test('every route that existed before still lands on the page that holds what it opened', async ({ page, openApp, pageErrors }) => {
  await openApp();
  await opened(page);
  const goal = HOKUTO.goals[0].id;
  for (const [hash, testid] of [
    [`#/s/${id}`, 'overview'],
    [`#/s/${id}/edit/goal/${goal}`, 'editor'],
    [`#/s/${id}/dashboard`, 'dashboard'],
    [`#/s/${id}/files`, 'files-page'],
    [`#/s/${id}/round`, 'round-page'],
    [`#/s/${id}/print/sheets`, 'print-toolbar'],
    [`#/s/${id}/workshop`, 'workshop'],
    [`#/s/${id}/workshop/notes`, 'notes-page'],
  ]) {
    await page.goto(`./${hash}`);
    await expect(page.getByTestId(testid), hash).toBeVisible();
    await expect(page.getByTestId('not-found')).toHaveCount(0);
  }
  expect(pageErrors).toEqual([]);
});

test('at 375 px the navigation folds into one menu that opens and closes by keyboard', async ({ page, openApp, pageErrors, shot }) => {
  test.slow();
  await page.setViewportSize({ width: 375, height: 740 });
  await openApp();
  await opened(page);
  const toggle = page.getByTestId('strategy-nav-toggle');
  const pages = page.locator('#strategy-nav-pages');
  await expect(toggle).toBeVisible();
  await expect(pages).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(pages).toBeVisible();
  await shot('nav-menu-375');
  await page.screenshot({ path: 'test-results/screenshots/nav-menu-375-top.png' });
  // Tab reaches the first item; Escape folds the menu and gives the focus back to its button.
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('nav-overview')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(pages).toBeHidden();
  await expect(toggle).toBeFocused();
  // Space opens it again; an item chosen by keyboard opens its page, the menu folded there.
  await page.keyboard.press(' ');
  await expect(pages).toBeVisible();
  await page.getByTestId('nav-round').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('round-page')).toBeVisible();
  await expect(pages).toBeHidden();
  // Every page at 375 px, looked at; the navigation within the screen on each.
  for (const [key, hash, testid] of JOBS) {
    await page.goto(`./${hash}`);
    await expect(page.getByTestId(testid)).toBeVisible();
    await shot(`nav-${key}-375`);
    await page.screenshot({ path: `test-results/screenshots/nav-${key}-375-top.png` });
    if (key !== 'workshop') {
      const box = (await page.getByTestId('strategy-nav').boundingBox())!;
      expect(box.x >= 0 && box.x + box.width <= 375, `${key}: the navigation is within 375 px (${JSON.stringify(box)})`).toBe(true);
    }
  }
  expect(pageErrors).toEqual([]);
});

test('策定 shows the stage and the schedule by stage', async ({ page, openApp, pageErrors }) => {
  await openApp();
  await page.getByTestId('example-hokuto').click();
  await page.getByTestId('nav-drafting').click();
  const stages = page.getByTestId('drafting-stage');
  await expect(stages).toHaveText(['策定方針', '骨子案', '素案', '案', '策定済']);
  const stage: Record<string, string> = { policy: '策定方針', outline: '骨子案', draft: '素案', proposal: '案', adopted: '策定済' };
  await expect(page.locator('[data-testid="drafting-stage"][aria-current="step"]')).toHaveText(stage[HOKUTO.stage ?? 'adopted']);
  const items = (HOKUTO.schedule ?? []).length;
  if (items > 0) await expect(page.getByTestId('drafting-schedule-item')).toHaveCount(items);
  else await expect(page.getByTestId('drafting-no-schedule')).toBeVisible();
  expect(pageErrors).toEqual([]);
});
