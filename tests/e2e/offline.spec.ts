// Offline use of the hosted build: after one visit the service worker (dist/sw.js)
// serves the app with the network unplugged, the stored data is intact, and a new build is
// offered with 「更新があります」 — never swapped in by itself while someone is typing.
// Served from a copy of dist/ on a server of its own, so "publishing a new version" (changing
// the copy and running scripts/sw-build.mjs on it, as the build does) touches nothing else.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { REPO_ROOT, SCREENSHOT_DIR } from './paths';
import { DIST, appStarted, createStrategy, guardNetwork, startServer, tempDir, trackAppStart } from './file-pages';

const PORT = Number(process.env.E2E_PORT ?? 4173) + 11;
const BASE = '/offline/town/shirube/';

test.use({ serviceWorkers: 'allow' });

let server: { url: string; stop: () => void };
let copy: string;

test.beforeAll(async () => {
  copy = tempDir('offline');
  fs.cpSync(DIST, copy, { recursive: true });
  server = await startServer(copy, PORT, BASE);
});

test.afterAll(() => {
  server?.stop();
  if (copy) fs.rmSync(copy, { recursive: true, force: true });
});

const controlled = () => navigator.serviceWorker.controller !== null;

test('works offline after the first visit, then offers a new version without reloading by itself', async ({ page, context }) => {
  test.setTimeout(180_000);
  const foreign = guardNetwork(context);
  await trackAppStart(page);

  // First visit: the service worker installs, caches this build and takes control.
  await page.goto(server.url);
  await appStarted(page);
  await page.waitForFunction(controlled, undefined, { timeout: 30_000 });
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector('link[rel="manifest"]') as HTMLLinkElement;
    return (await fetch(link.href)).json();
  });
  expect(manifest).toMatchObject({ start_url: './', display: 'standalone', short_name: 'しるべ' });
  await createStrategy(page, 'オフライン確認の戦略');
  const id = page.url().match(/#\/s\/([^/]+)/)?.[1];
  expect(id).toBeTruthy();

  // The network is gone: the page, the wasm and the rest come from the cache.
  await context.setOffline(true);
  const offline = await page.reload();
  expect(offline?.fromServiceWorker(), 'the page came from the service worker').toBe(true);
  await appStarted(page);
  await expect(page.getByTestId('strategy-title')).toHaveText('オフライン確認の戦略');
  // The hand-out is made from the cached files too.
  const [handout] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-handout').click()]);
  expect(handout.suggestedFilename()).toMatch(/\.handout\.html$/);
  expect(fs.readFileSync((await handout.path())!, 'utf8')).toContain('id="shirube-handout"');
  await page.goto(`${server.url}#/`);
  await appStarted(page);
  await expect(page.getByTestId('strategy-row')).toHaveCount(1);
  await expect(page.getByTestId('strategy-row')).toContainText('オフライン確認の戦略');
  // A chart page needs ECharts, also from the cache.
  await page.goto(`${server.url}#/s/${id}/dashboard`);
  await appStarted(page);
  await expect(page.locator('main')).not.toContainText('ページが見つかりません');
  await context.setOffline(false);

  // Publish a new build: a changed index.html, and sw.js made again the way the build makes it.
  const index = path.join(copy, 'index.html');
  fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('<title>', '<title>v2 '));
  const before = fs.readFileSync(path.join(copy, 'sw.js'), 'utf8');
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts/sw-build.mjs'), copy]);
  expect(fs.readFileSync(path.join(copy, 'sw.js'), 'utf8')).not.toBe(before);

  // The next visit still shows the version in use, and says a new one is there. A visit is a
  // document load (which makes the browser check sw.js), not a hash change in the open page.
  await page.goto('about:blank');
  await page.goto(`${server.url}#/`);
  await appStarted(page);
  expect(await page.title()).not.toMatch(/^v2 /);
  const prompt = page.getByTestId('update-prompt');
  await expect(prompt).toBeVisible({ timeout: 60_000 });
  await expect(prompt).toContainText('更新があります');
  await expect(page.locator('html')).toHaveAttribute('data-update-ready', '');

  // Someone is typing: nothing reloads by itself.
  await page.evaluate(() => { (window as unknown as { __samePage: boolean }).__samePage = true; });
  await page.getByTestId('new-strategy').click();
  await page.locator('#new-title').fill('入力中の名前');
  await page.waitForTimeout(3_000);
  await expect(page.locator('#new-title')).toHaveValue('入力中の名前');
  expect(await page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage)).toBe(true);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'offline-update-prompt.png') });

  // 「更新する」: the waiting version takes over and the page reloads once, into it.
  await Promise.all([page.waitForEvent('load'), page.getByTestId('apply-update').click()]);
  await appStarted(page);
  await expect(page).toHaveTitle(/^v2 /);
  await expect(page.getByTestId('update-prompt')).toHaveCount(0);
  await expect(page.getByTestId('strategy-row')).toHaveCount(1);
  // Only this version's cache is left.
  const caches = await page.evaluate(async () => (await self.caches.keys()).filter((k) => k.startsWith('shirube ')));
  expect(caches).toHaveLength(1);

  // And the new version works offline too.
  await context.setOffline(true);
  await page.reload();
  await appStarted(page);
  await expect(page).toHaveTitle(/^v2 /);
  await expect(page.getByTestId('strategy-row')).toContainText('オフライン確認の戦略');
  // An example is a file fetched when asked: offline it comes from the cache too.
  await page.getByTestId('example-kitamoto').click();
  await expect(page.getByTestId('strategy-title')).toContainText('北本市');
  await context.setOffline(false);
  expect(foreign).toEqual([]);
});
