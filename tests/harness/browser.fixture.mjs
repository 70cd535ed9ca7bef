// The test file that tests/harness/harness.test.mjs runs (not a test of its own: node --test
// does not pick up *.fixture.mjs). Headless Chromium through the WebDriver harness on a trivial
// page; the second test tells its parent (through the file SHIRUBE_HARNESS_PROBE) which process
// group holds the driver and browser, then, by SHIRUBE_FIXTURE_MODE:
//   hang    waits for a script that never calls back (the parent kills the browser, or the
//           file's own process, under it);
//   stuck   waits on a timer that never ends, away from the browser (the file's limit ends it);
//   pass    ends at once (the file passes).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import { startBrowser } from '../webdriver/harness.mjs';

export const PAGE = 'data:text/html;charset=utf-8,<title>harness</title><p id="here">here</p>';
let b;

before(async () => {
  b = await startBrowser({ serve: false });
});
after(async () => b && b.quit());

test('a trivial page opens', async () => {
  await b.driver.get(PAGE);
  assert.equal(await b.driver.getTitle(), 'harness');
});

test('the browser is killed under this test', async () => {
  fs.writeFileSync(process.env.SHIRUBE_HARNESS_PROBE, JSON.stringify({ pid: process.pid, group: b.driverGroup, tmp: b.tmp }));
  if (process.env.SHIRUBE_FIXTURE_MODE === 'pass') return;
  if (process.env.SHIRUBE_FIXTURE_MODE === 'stuck') await new Promise(() => setInterval(() => {}, 1000));
  await b.driver.manage().setTimeouts({ script: 600_000 });
  await b.driver.executeAsyncScript('/* never calls back */');
});

test('a test after it', async () => {
  assert.equal(await b.driver.getTitle(), 'harness');
});
