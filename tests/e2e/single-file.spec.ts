// The single-file build (shirube.html, made by scripts/build.sh): opened from file:// with no
// server, it keeps what is typed across reloads (localStorage of the file:// origin), exports
// and imports JSON, and makes a hand-out from its own inlined pieces.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, expect } from '@playwright/test';
import { SINGLE_FILE, appStarted, createStrategy, guardNetwork, tempDir, trackAppStart, watchErrors } from './file-pages';

const URL_OF_FILE = pathToFileURL(SINGLE_FILE).href;

test('shirube.html works from file://: create, reload, export, import', async ({ page, context }) => {
  expect(fs.existsSync(SINGLE_FILE), `${SINGLE_FILE} (bash scripts/build.sh makes it)`).toBe(true);
  const foreign = guardNetwork(context);
  const errors = watchErrors(page);
  await trackAppStart(page);
  await page.goto(URL_OF_FILE);
  await appStarted(page);
  // Everything is inlined: no request but the file itself (and data:/blob: URLs).
  await createStrategy(page, 'ファイル版の戦略');

  await page.reload();
  await appStarted(page);
  await page.goto(`${URL_OF_FILE}#/`);
  await appStarted(page);
  await expect(page.getByTestId('strategy-row')).toHaveCount(1);
  await expect(page.getByTestId('strategy-row')).toContainText('ファイル版の戦略');

  // Export the strategy (JSON download).
  await page.getByTestId('strategy-row').getByRole('link').first().click();
  await expect(page.getByTestId('strategy-title')).toHaveText('ファイル版の戦略');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  expect(download.suggestedFilename()).toMatch(/\.shirube\.json$/);
  const dir = tempDir('single');
  const saved = path.join(dir, download.suggestedFilename());
  await download.saveAs(saved);
  const file = JSON.parse(fs.readFileSync(saved, 'utf8'));
  expect(file.format).toBe('shirube-strategy');
  expect(file.strategy.title).toBe('ファイル版の戦略');

  // Import it back through the file chooser, as a new strategy.
  await page.goto(`${URL_OF_FILE}#/`);
  await appStarted(page);
  file.strategy.title = '取り込んだ戦略';
  fs.writeFileSync(saved, JSON.stringify(file));
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('label[for="import-file"]').click()]);
  await chooser.setFiles(saved);
  await expect(page.getByTestId('preview-title')).toHaveText('取り込んだ戦略');
  await page.getByTestId('choice-new').check();
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('strategy-title')).toHaveText('取り込んだ戦略');
  await page.goto(`${URL_OF_FILE}#/`);
  await appStarted(page);
  await expect(page.getByTestId('strategy-row')).toHaveCount(2);

  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the single file makes a hand-out from its own pieces', async ({ page, context }) => {
  const foreign = guardNetwork(context);
  await trackAppStart(page);
  await page.goto(URL_OF_FILE);
  await appStarted(page);
  await page.getByTestId('example-kitamoto').click();
  await expect(page.getByTestId('strategy-title')).toBeVisible();
  const title = await page.getByTestId('strategy-title').textContent();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-handout').click()]);
  expect(download.suggestedFilename()).toMatch(/\.handout\.html$/);
  const dir = tempDir('single-handout');
  const saved = path.join(dir, 'handout.html');
  await download.saveAs(saved);
  // The hand-out carries the wasm parts it may need, not the examples the single file carries.
  const chunks = (html: string) => Object.keys(JSON.parse(html.match(/<script type="application\/json" id="shirube-chunks">([^<]*)<\/script>/)![1]));
  expect(chunks(fs.readFileSync(SINGLE_FILE, 'utf8'))).toContain('examples/kitamoto.json');
  const parts = chunks(fs.readFileSync(saved, 'utf8'));
  expect(parts.length).toBeGreaterThan(10);
  expect(parts.filter((name) => !name.endsWith('.wasm'))).toEqual([]);
  const handout = await context.newPage();
  await trackAppStart(handout);
  await handout.goto(pathToFileURL(saved).href);
  await appStarted(handout);
  await expect(handout.getByTestId('workshop')).toHaveAttribute('data-read-only', 'true');
  await expect(handout.locator('.ws-plan')).toHaveText(title!);
  expect(foreign).toEqual([]);
  fs.rmSync(dir, { recursive: true, force: true });
});
