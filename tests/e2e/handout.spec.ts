// The read-only hand-out (配布用 HTML): exported from the hosted app, opened from file:// (a
// USB stick, an e-mail attachment). It shows the strategy, moves with the keyboard, has
// nothing to edit, never touches localStorage, and keeps a hostile title as text.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, SCREENSHOT_DIR } from './fixtures';
import { appStarted, createStrategy, tempDir, trackAppStart, watchErrors } from './file-pages';
import { recordDialogs } from './helpers';

const XSS = '</script><script>alert(1)</script>';

/** Downloads the open strategy's hand-out; returns its path. */
async function exportHandout(page: Page, dir: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-handout').click()]);
  expect(download.suggestedFilename()).toMatch(/\.handout\.html$/);
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

/**
 * Opens a hand-out from file:// in a fresh context, after putting a sentinel into the file://
 * origin's localStorage, and counts every use of localStorage by the hand-out.
 */
async function openHandout(browser: import('@playwright/test').Browser, file: string, dir: string): Promise<{ context: BrowserContext; page: Page; errors: string[]; dialogs: string[] }> {
  const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const blank = path.join(dir, 'blank.html');
  fs.writeFileSync(blank, '<!DOCTYPE html><title>blank</title>');
  await page.goto(pathToFileURL(blank).href);
  await page.evaluate(() => localStorage.setItem('sentinel', 'untouched'));
  await page.addInitScript(() => {
    const w = window as unknown as { __storageUses: number };
    w.__storageUses = 0;
    const real = Object.getOwnPropertyDescriptor(Window.prototype, 'localStorage') ?? Object.getOwnPropertyDescriptor(window, 'localStorage');
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        w.__storageUses += 1;
        return real?.get?.call(window);
      },
    });
  });
  await trackAppStart(page);
  const errors = watchErrors(page);
  const dialogs = recordDialogs(page);
  await page.goto(pathToFileURL(file).href);
  await appStarted(page);
  return { context, page, errors, dialogs };
}

async function expectNothingEditable(page: Page) {
  await expect(page.locator('input, textarea, select, [contenteditable]:not([contenteditable="false"])')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /編集|削除|追加|保存|取り込|作成|Edit|Delete|Add|Save|Import|Create/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /編集|Edit/ })).toHaveCount(0);
}

test('the 北本市 hand-out opens from file://, moves with the keyboard and changes nothing', async ({ page, openApp, browser }) => {
  test.setTimeout(90_000);
  const dir = tempDir('handout');
  await openApp();
  await page.getByTestId('example-kitamoto').click();
  await expect(page.getByTestId('goal')).toHaveCount(6);
  const title = (await page.getByTestId('strategy-title').textContent())!;
  const file = await exportHandout(page, dir);
  expect(fs.statSync(file).size).toBeGreaterThan(500_000);

  const h = await openHandout(browser, file, dir);
  const workshop = h.page.getByTestId('workshop');
  await expect(workshop).toHaveAttribute('data-read-only', 'true');
  await expect(h.page.locator('.ws-plan')).toHaveText(title);
  await expect(h.page).toHaveTitle(`${title} — Shirube（しるべ）配布用`);
  await expect(h.page.getByTestId('read-only')).toBeVisible();
  const goals = h.page.getByTestId('ws-goal');
  await expect(goals).toHaveCount(6);
  await expectNothingEditable(h.page);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await h.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'handout-kitamoto-goals.png') });

  // The keyboard moves it, as a presenter's clicker does: → next goal, Enter opens it, Esc back.
  await h.page.keyboard.press('ArrowRight');
  const secondTitle = (await goals.nth(1).locator('.ws-title').textContent())!;
  await h.page.keyboard.press('Enter');
  await expect(h.page.getByTestId('ws-goal-page')).toBeVisible();
  await expect(h.page.getByTestId('ws-page-title')).toHaveText(secondTitle);
  await expectNothingEditable(h.page);
  await expect(h.page.getByTestId('ws-indicator').first()).toBeVisible();
  await h.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'handout-kitamoto-goal.png') });
  await h.page.keyboard.press('Escape');
  await expect(h.page.getByTestId('ws-goal-page')).toHaveCount(0);
  await expect(goals).toHaveCount(6);

  // The language switch works in memory only.
  await h.page.getByTestId('handout-language').click();
  await expect(h.page.getByTestId('read-only')).toHaveText('Read-only hand-out');

  expect(await h.page.evaluate(() => (window as unknown as { __storageUses: number }).__storageUses), 'localStorage uses by the hand-out').toBe(0);
  await h.page.goto('about:blank');
  const blank = await h.context.newPage();
  await blank.goto(pathToFileURL(path.join(dir, 'blank.html')).href);
  expect(await blank.evaluate(() => ({ ...localStorage }))).toEqual({ sentinel: 'untouched' });
  expect(h.errors).toEqual([]);
  expect(h.dialogs).toEqual([]);
  await h.context.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a hostile title stays text in the hand-out', async ({ page, openApp, browser }) => {
  const dir = tempDir('handout-xss');
  await openApp();
  await createStrategy(page, XSS, `<img src=x onerror=alert(2)>町`);
  const file = await exportHandout(page, dir);
  const html = fs.readFileSync(file, 'utf8');
  expect(html).not.toContain(XSS);
  expect(html.match(/<\/script>/gi)?.length, 'closing script tags: only the six the assembler writes').toBe(6);

  const h = await openHandout(browser, file, dir);
  await expect(h.page.locator('.ws-plan')).toHaveText(XSS);
  await expect(h.page.locator('.ws-town')).toHaveText('<img src=x onerror=alert(2)>町');
  await expect(h.page).toHaveTitle(`${XSS} — Shirube（しるべ）配布用`);
  await expect(h.page.locator('img')).toHaveCount(0);
  expect(await h.page.locator('script').count()).toBe(6);
  expect(h.dialogs).toEqual([]);
  expect(h.errors).toEqual([]);
  await h.context.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

// The hand-out carries the app's Content-Security-Policy, its three inline scripts
// hashed at build time (scripts/sw-build.mjs): it runs from file:// under it, and a script
// injected into the file afterwards (inline, or an event handler) is refused.
test('the hand-out carries a Content-Security-Policy: from file:// it runs, an injected script does not', async ({ page, openApp, browser }) => {
  test.setTimeout(90_000);
  const dir = tempDir('handout-csp');
  await openApp();
  await page.getByTestId('example-hokuto').click();
  await expect(page.getByTestId('goal')).toHaveCount(4);
  const file = await exportHandout(page, dir);
  const html = fs.readFileSync(file, 'utf8');
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]?.replace(/&#39;/g, "'");
  expect(policy, 'the hand-out has a policy').toBeTruthy();
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
  expect(policy).not.toContain('unsafe-inline\' \'sha');
  expect(policy!.match(/'sha256-/g)?.length, 'one hash a script: ECharts, the assembler, the boot module').toBe(3);
  // Someone edits the file: an inline script and an event handler, before </body>.
  const tampered = path.join(dir, 'tampered.handout.html');
  const end = html.lastIndexOf('</body>'); // the last: the assembler's own source holds the words too
  fs.writeFileSync(tampered, `${html.slice(0, end)}<script>window.__injected = true;</script><img src="data:image/png;base64,AAAA" onerror="window.__injected = true">${html.slice(end)}`);

  const h = await openHandout(browser, tampered, dir);
  const violations: string[] = [];
  await h.page.exposeFunction('__cspViolation', (d: string) => violations.push(d));
  await h.page.evaluate(() => document.addEventListener('securitypolicyviolation', (e) => (window as any).__cspViolation(e.violatedDirective)));
  await expect(h.page.getByTestId('workshop')).toHaveAttribute('data-read-only', 'true');
  await expect(h.page.getByTestId('ws-goal')).toHaveCount(4);
  expect(await h.page.evaluate(() => (window as any).__injected === true), 'the injected script ran').toBe(false);
  // A script injected now, at run time, is refused too (and reported as a violation).
  await h.page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true;';
    document.body.appendChild(s);
  });
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(await h.page.evaluate(() => (window as any).__injected === true)).toBe(false);
  expect(h.errors.filter((e) => !/Content Security Policy/i.test(e))).toEqual([]);
  await h.context.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
