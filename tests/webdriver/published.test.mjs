// The town's public pages opened from file:// with no server, in Firefox and in WebKit: the
// folder the Chromium e2e made in the app and unpacked (tests/e2e/publish.spec.ts writes
// test-results/published/kitamoto/) shows its index, and a KPI page reached by its link shows
// its chart and its table — no script, relative links only.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { By, REPO_ROOT, startBrowser } from './harness.mjs';

const FOLDER = path.join(REPO_ROOT, 'test-results', 'published', 'kitamoto');
let b;

before(async () => {
  b = await startBrowser({ serve: false });
});
after(async () => b && b.quit());

test('the published folder reads from file://: the index, then a KPI page by its link', async () => {
  const index = path.join(FOLDER, 'index.html');
  assert.ok(fs.existsSync(index), `${index} (the e2e phase's publish.spec.ts makes it)`);
  await b.driver.get(pathToFileURL(index).href);
  const h1 = await b.until(async () => (await b.driver.findElements(By.css('h1')))[0], 'the index');
  assert.match(await h1.getText(), /総合戦略/);
  assert.equal(await b.driver.executeScript('return document.documentElement.lang'), 'ja');
  // The stylesheet applied from a relative path: the skip link is moved off screen.
  const skipLeft = await b.driver.executeScript('return document.querySelector(".skip").getBoundingClientRect().left');
  assert.ok(skipLeft < -1000, `the stylesheet is applied (skip link at ${skipLeft})`);
  await b.shot('published-index');

  const goal = await b.driver.findElement(By.css('.goal-card h2 a'));
  await goal.click();
  const kpiLink = await b.until(async () => (await b.driver.findElements(By.css('table th[scope=row] a')))[0], 'a goal page with its indicators');
  await kpiLink.click();
  await b.until(async () => (await b.driver.findElements(By.css('figure svg[role=img]'))).length > 0, 'the KPI page and its chart');
  const rows = await b.driver.findElements(By.css('.chart-and-table tbody tr'));
  assert.ok(rows.length > 0, 'the table of yearly values');
  assert.match(await b.driver.getCurrentUrl(), /^file:\/\/.*\/kpi\/[^/]+\.html$/);
  assert.equal(await b.driver.executeScript('return document.scripts.length'), 0);
  await b.shot('published-kpi');
});
