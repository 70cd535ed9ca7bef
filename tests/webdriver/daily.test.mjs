// What a town does daily, in Firefox or WebKit (SHIRUBE_BROWSER; see harness.mjs): the app from
// a sub-path, an example opened, a field and an actual value edited (Japanese text typed as the
// driver sends it: WebDriver has no IME composition), undo, a reload that finds it in IndexedDB,
// the dashboard's charts drawn by ECharts, a JSON export and its re-import, a CSV import, and the
// workshop driven by keys. Tests run in order in one browser, each building on the last.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import { BASE_PATH, By, Key, startBrowser, tempFile } from './harness.mjs';

let b;
let exported; // the JSON file the export test saved
const BIRTHS = '出生数';

before(async () => {
  b = await startBrowser();
  console.log(`# ${b.version}`);
  await b.clearStorage();
});
after(async () => b && b.quit());

/** The 北本市 example's indicator with this name, selected in the editor. */
async function selectIndicator(name) {
  await b.click('outline-indicator', name);
  await b.expectText('indicator-heading', name);
}

test('opens from a sub-path: every file comes from it, the wasm starts, the first screen is Japanese', async () => {
  await b.open();
  const { pathname } = new URL(await b.driver.getCurrentUrl());
  assert.equal(pathname, BASE_PATH);
  const resources = await b.driver.executeScript(
    'return performance.getEntriesByType("resource").map(e => e.name).concat([location.href])',
  );
  assert.ok(resources.some((u) => u.endsWith('.wasm')), `a .wasm was loaded: ${resources}`);
  for (const u of resources) {
    const url = new URL(u);
    if (url.protocol === 'data:' || url.protocol === 'blob:') continue;
    assert.equal(url.hostname, '127.0.0.1', u);
    assert.ok(url.pathname.startsWith(BASE_PATH), `outside the sub-path: ${u}`);
  }
  await b.expectText('example-kitamoto', '北本市');
  assert.match(await b.driver.findElement(By.css('main')).getText(), /総合戦略の一覧/);
  await b.shot('01-list');
});

test('an example opens; a name (Japanese) and an actual value are edited, undone and kept across a reload in IndexedDB', async () => {
  await b.click('example-kitamoto');
  await b.expectText('strategy-title', '北本市');
  await b.click('edit');
  await b.el('editor');
  await selectIndicator(BIRTHS);
  await b.enter('actual-0-2024', '３６０'); // full-width digits, as typed with a Japanese keyboard
  await b.expectValue('actual-0-2024', '360');
  await b.enter('indicator-name', '出生数（人口動態統計）');
  await b.expectText('indicator-heading', '出生数（人口動態統計）');
  await b.saved();
  let s = Object.values(await b.storedStrategies())[0];
  let births = s.indicators.find((i) => i.name === '出生数（人口動態統計）');
  assert.ok(births, 'the new name is stored');
  assert.deepEqual(births.series[0].actuals.map((a) => [a.year, a.value]), [[2024, 360]]);

  // Undo takes back the name, not the value.
  await b.click('undo');
  await b.until(async () => !(await b.text('indicator-heading')).includes('人口動態統計'), 'the old name back');
  await b.expectText('indicator-heading', BIRTHS);
  await b.expectValue('actual-0-2024', '360');
  await b.saved();
  await b.shot('02-editor');

  await b.reload();
  // `open` of the address the page is at waits for the app and loads nothing again (a WebDriver
  // "get" of it reloads WebKit's page; see harness.mjs).
  await b.driver.executeScript('window.shirubeLoaded = performance.timeOrigin');
  await b.open(new URL(await b.driver.getCurrentUrl()).hash);
  assert.equal(await b.driver.executeScript('return window.shirubeLoaded === performance.timeOrigin'), true, 'the page was not loaded again');
  await b.el('editor');
  await selectIndicator(BIRTHS);
  await b.expectValue('actual-0-2024', '360');
  s = Object.values(await b.storedStrategies())[0];
  births = s.indicators.find((i) => i.name === BIRTHS);
  assert.deepEqual(births.series[0].actuals.map((a) => [a.year, a.value]), [[2024, 360]]);
  // The app's data is in IndexedDB, not in localStorage.
  assert.equal(await b.driver.executeScript('return localStorage.length'), 0);
  // What this browser grants the site (for the README's limits): reported, not asserted.
  const grant = await b.driver.executeAsyncScript(function (done) {
    const m = navigator.storage;
    if (!m || !m.estimate) return done('navigator.storage.estimate: none');
    Promise.all([m.estimate(), m.persisted ? m.persisted() : Promise.resolve('n/a')]).then(([e, p]) =>
      done(`quota ${(e.quota / 2 ** 20).toFixed(0)} MiB, usage ${(e.usage / 2 ** 20).toFixed(1)} MiB, persisted ${p}`),
    );
  });
  console.log(`# storage in ${b.version}: ${grant}`);
});

test('the dashboard draws its charts (ECharts on canvas) with their sentences', async () => {
  await b.click('nav-charts');
  const canvases = await b.until(async () => {
    const drawn = await b.driver.executeScript(`
      return [...document.querySelectorAll('[data-testid="chart-canvas"] canvas')].filter((c) => {
        if (c.width < 50 || c.height < 50) return false;
        const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        const seen = new Set();
        for (let i = 0; i < px.length; i += 4 * 97) seen.add(px[i] + ',' + px[i + 1] + ',' + px[i + 2] + ',' + px[i + 3]);
        return seen.size > 3;
      }).length`);
    return drawn >= 2 ? drawn : 0;
  }, 'two charts with more than three colours');
  assert.ok(canvases >= 2);
  const summaries = await b.driver.findElements(By.css('[data-testid="chart-summary"]'));
  assert.ok(summaries.length >= 2);
  assert.match(await summaries[0].getText(), /達成 \d+件.*遅れ 1件/); // 出生数, behind
  await b.shot('03-dashboard');
});

test('a JSON export saves a Shirube file; changed and imported back, it replaces the strategy', async () => {
  await b.open('#/');
  await (await b.el('strategy-row', '北本市')).findElement(By.css('a')).click();
  await b.expectText('strategy-title', '北本市');
  await b.captureBlobs();
  await b.click('export');
  await b.expectText('notice', '.shirube.json');
  if (b.name === 'firefox') {
    exported = await b.downloaded(/\.shirube\.json$/);
  } else {
    // WebKitGTK's MiniBrowser under WebDriver saves no download (see the README's limits): the
    // same bytes are read from the blob the page handed to the link.
    exported = tempFile('kitamoto.shirube.json', await b.lastBlobText());
  }
  const file = JSON.parse(fs.readFileSync(exported, 'utf8'));
  assert.equal(file.format, 'shirube-strategy');
  assert.deepEqual(file.strategy.indicators.find((i) => i.name === BIRTHS).series[0].actuals.map((a) => a.value), [360]);

  file.strategy.title = '北本市 第2期総合戦略（取り込み）';
  const changed = tempFile('kitamoto-changed.shirube.json', JSON.stringify(file));
  await b.open('#/');
  await b.pickFile('import-file', changed);
  await b.expectText('preview-title', '北本市 第2期総合戦略（取り込み）');
  await b.click('choice-replace');
  await b.shot('04-import-preview');
  await b.click('import-confirm');
  await b.expectText('strategy-title', '北本市 第2期総合戦略（取り込み）');
  await b.saved();
  const titles = Object.keys(await b.storedStrategies());
  assert.deepEqual(titles, ['北本市 第2期総合戦略（取り込み）']);
});

test('a CSV of actuals is previewed and applied, and undone in one step', async () => {
  await b.click('nav-output');
  await b.el('files-page');
  const csv = await exportedCsv();
  // The app's own wide table, with 出生数's 令和6年度 changed to 352.
  const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
  const header = lines[0].split(',');
  const col = header.indexOf('令和6年度');
  assert.ok(col > 0, `a 令和6年度 column in ${header}`);
  const row = lines.findIndex((l) => l.split(',')[2] === BIRTHS);
  assert.ok(row > 0, 'a row for 出生数');
  const cells = lines[row].split(',');
  assert.equal(cells[col], '360');
  cells[col] = '352';
  lines[row] = cells.join(',');
  await b.pickFile('csv-file', tempFile('kitamoto-kpi.csv', '\uFEFF' + lines.join('\r\n')));
  await b.expectText('csv-change-count', '1');
  await b.shot('05-csv-preview');
  await b.click('csv-apply');
  await b.el('csv-applied');
  await b.saved();
  let births = Object.values(await b.storedStrategies())[0].indicators.find((i) => i.name === BIRTHS);
  assert.deepEqual(births.series[0].actuals.map((a) => a.value), [352]);

  // One undo in the editor takes the whole import back.
  await b.click('edit');
  await b.click('undo');
  await b.click('outline-indicator', BIRTHS);
  await b.expectValue('actual-0-2024', '360');
  await b.saved();
  births = Object.values(await b.storedStrategies())[0].indicators.find((i) => i.name === BIRTHS);
  assert.deepEqual(births.series[0].actuals.map((a) => a.value), [360]);
});

/** The wide CSV export: the downloaded file in Firefox, the blob's text in WebKit. */
async function exportedCsv() {
  await b.captureBlobs();
  await b.click('export-csv-wide');
  if (b.name === 'firefox') {
    const file = await b.downloaded(/\.csv$/);
    return fs.readFileSync(file, 'utf8');
  }
  return b.until(() => b.lastBlobText(), 'the CSV blob');
}

test('the workshop presentation moves with the arrow keys and opens an item with Enter', async () => {
  await b.open(new URL(await b.driver.getCurrentUrl()).hash.replace(/\/edit.*$/, '/workshop'));
  await b.el('workshop');
  const current = () => b.driver.executeScript('return document.querySelector(".ws-goal.current")?.getAttribute("data-item") ?? null');
  await b.until(async () => (await current()) === '0', 'the first goal current');
  await b.driver.actions().sendKeys(Key.ARROW_RIGHT).perform();
  await b.until(async () => (await current()) === '1', 'the second goal current after →');
  await b.driver.actions().sendKeys(Key.ARROW_RIGHT, Key.ARROW_LEFT, Key.ARROW_RIGHT).perform();
  await b.until(async () => (await current()) === '2', 'the third goal after → ← →');
  const focused = await b.driver.executeScript('return document.activeElement?.getAttribute("data-item")');
  assert.equal(focused, '2', 'the focus is on the current card');
  await b.driver.actions().sendKeys(Key.ENTER).perform();
  await b.el('ws-goal-page');
  await b.shot('06-workshop-goal');
  await b.driver.actions().sendKeys(Key.ESCAPE).perform();
  await b.until(async () => (await b.driver.findElements(By.css('[data-testid="ws-goal-page"]'))).length === 0, 'back to the goals');
});
