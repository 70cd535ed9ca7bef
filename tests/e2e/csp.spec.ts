// The Content-Security-Policy (scripts/csp.mjs): the built app and the single file
// carry it as a meta tag; everything a town does runs under it without one violation (the
// fixtures' `pageErrors` also catch a violation in every other spec, as a console error); and
// an inline script injected into the page is refused.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test as plainTest } from '@playwright/test';
import { test, expect } from './fixtures';
import { REPO_ROOT } from './paths';
import { SINGLE_FILE, appStarted, trackAppStart } from './file-pages';
import type { Page } from '@playwright/test';

/** Records every CSP violation the page reports, from before its first script. */
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    (window as any).__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as any).__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
}

const violations = (page: Page) => page.evaluate(() => (window as any).__violations as string[]);

/** Adds an inline script to the page, as markup reaching the DOM would; true if it ran. */
async function injectedScriptRuns(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true;';
    document.head.append(s);
    const img = document.createElement('div');
    // (a broken image of its own, so nothing is fetched)
    img.innerHTML = '<img src="data:image/png;base64,AAAA" onerror="window.__injected = true">';
    document.body.append(img);
    await new Promise((r) => setTimeout(r, 300));
    return (window as any).__injected === true;
  });
}

test('the app runs under its Content-Security-Policy, and an injected inline script is refused', async ({ page, openApp, pageErrors }) => {
  const html = fs.readFileSync(path.join(REPO_ROOT, 'dist', 'index.html'), 'utf8');
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
  expect(policy).toContain("object-src 'none'");
  expect(policy).not.toContain("'unsafe-eval'");
  // The policy comes before any script.
  expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));

  await recordViolations(page);
  await openApp();
  // A day's work: an example, its overview, the dashboard's charts, the editor, the files page,
  // the workshop, and the hand-out (which loads the assembler script on demand).
  await page.getByTestId('example-hokuto').click();
  await expect(page.getByTestId('overview')).toBeVisible();
  await page.getByTestId('nav-charts').click();
  await expect(page.locator('[data-chart=hierarchy] canvas')).toBeVisible();
  await page.goBack();
  await page.getByTestId('edit').click();
  await expect(page.getByTestId('editor')).toBeVisible();
  await page.getByTestId('outline-goal').first().click();
  await page.goto(page.url().replace(/\/edit.*$/, '/files'));
  await page.getByTestId('export-csv-wide').click();
  await expect(page.getByTestId('notice')).toContainText('書き出しました');
  await page.goto(page.url().replace(/\/files$/, '/workshop'));
  await expect(page.locator('.ws-goal').first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.workshop[data-level=goal]')).toBeVisible();
  await page.goto(page.url().replace(/\/workshop$/, ''));
  const [handout] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-handout').click()]);
  expect(handout.suggestedFilename()).toMatch(/handout\.html$/);
  expect(await violations(page)).toEqual([]);

  // Injected markup cannot run script.
  expect(await injectedScriptRuns(page)).toBe(false);
  expect((await violations(page)).some((v) => v.startsWith('script-src'))).toBe(true);
  // (The refusals are reported on the console, as they should be: not errors of the app.)
  expect(pageErrors.filter((e) => !/Content Security Policy/.test(e.text))).toEqual([]);
});

// (Without the fixtures' network guard, which counts file:// as leaving the machine.)
plainTest('the single file runs from file:// under the same policy, and refuses an injected script', async ({ page }) => {
  const html = fs.readFileSync(SINGLE_FILE, 'utf8');
  expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  await recordViolations(page);
  await trackAppStart(page);
  await page.goto(pathToFileURL(SINGLE_FILE).href);
  await appStarted(page);
  await page.getByTestId('example-kitamoto').click();
  await expect(page.getByTestId('goal')).toHaveCount(6);
  await page.getByTestId('nav-charts').click();
  await expect(page.locator('[data-chart=status-by-goal] canvas')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  expect(await injectedScriptRuns(page)).toBe(false);
});
