// Trust under abuse, in Chromium against the release build:
// - ids checked at the door: a strategy file whose id holds `/`, region files whose region id
//   is `""` or `../strategy/<id>`, imported through the real file input, are refused with the
//   id's path and nothing is stored; data stored under such ids before the rule (seeded behind
//   the app's back) is listed under the unreadable data at start-up, downloadable and deletable;
// - words, not internals: every CSV of the bad corpus with a `csv_expect` is refused by the
//   files page's CSV import with its Japanese message (no serde English), and a JSON file with
//   two BOMs imports;
// - text direction: an indicator name with an unclosed U+202E does not reverse the status
//   badge after it on the dashboard.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { storageSnapshot } from './helpers';
import { storedEntries, writeStored } from './stored';
import type { Page } from '@playwright/test';
import { REPO_ROOT } from './paths';

const CORPUS = path.join(REPO_ROOT, 'tests', 'files', 'bad');
type Expected = Record<string, { expect?: string[]; csv_expect?: string[]; valid?: boolean; why: string }>;
const EXPECTED: Expected = JSON.parse(fs.readFileSync(path.join(CORPUS, 'expected.json'), 'utf8'));
const VALID = fs.readFileSync(path.join(CORPUS, 'bom-valid.json'), 'utf8').replace(/^\uFEFF/, '');
const BASE = JSON.parse(VALID);
const SERDE_ENGLISH = /invalid (type|value|length)|expected|missing field|unknown (variant|field)|trailing|EOF|a string|integer|sequence/;

async function pick(page: Page, name: string, text: string | Buffer, input = 'import-file') {
  const buffer = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  await page.getByTestId(input).setInputFiles({ name, mimeType: 'application/json', buffer });
}

/** Imports `file` as a new strategy through the preview and waits for its overview. */
async function importAsNew(page: Page, name: string, file: string) {
  await pick(page, name, file);
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('strategy-title')).toBeVisible();
}

test('a strategy id with / and region ids "" and ../strategy/<id> are refused at the door, with the path', async ({ page, openApp, pageErrors, shot }) => {
  await openApp();
  const before = await storageSnapshot(page);
  const notice = page.getByTestId('notice');
  for (const name of ['id-with-slash.json', 'region-id-empty.json', 'region-id-traversal.json', 'backup-region-id-bad.json']) {
    await page.getByTestId('import-file').setInputFiles(path.join(CORPUS, name));
    await expect(notice).toContainText('取り込めませんでした（何も変更していません）');
    for (const fragment of EXPECTED[name].expect!) await expect(notice).toContainText(fragment);
    expect((await notice.innerText()).replaceAll(name, '')).not.toMatch(SERDE_ENGLISH);
    if (name === 'id-with-slash.json') await shot('trust-bad-id-refused');
    await expect(page.getByTestId('strategy-row')).toHaveCount(0);
    expect(await storageSnapshot(page)).toEqual(before);
  }
  // The same in English.
  await page.getByTestId('language').click();
  await page.getByTestId('import-file').setInputFiles(path.join(CORPUS, 'id-with-slash.json'));
  await expect(notice).toContainText("strategy.id: the id 'strategy/../x' cannot be used");
  expect(pageErrors).toEqual([]);
});

test('data stored under ids that break the rule is listed as unreadable data, downloadable and deletable', async ({ page, openApp, pageErrors, shot }) => {
  await openApp();
  await importAsNew(page, 'good.json', VALID);
  await page.goto('./#/');
  await expect(page.getByTestId('strategy-row')).toHaveCount(1);
  // What an earlier build let in: a strategy under `a/b`, regions under "" and `../strategy/<id>`.
  const slash = { ...BASE, strategy: { ...BASE.strategy, id: 'a/b', title: '斜線の戦略' } };
  const slashText = JSON.stringify(slash);
  const region = (id: string) => JSON.stringify({ region: { id, name: '管内', members: [BASE.strategy.id] }, saved_at: '2026-11-22T00:00:00Z' });
  const seeded: Record<string, string> = {
    'shirube/v1/strategy/a/b': slashText,
    'shirube/v1/region/': region(''),
    [`shirube/v1/region/../strategy/${BASE.strategy.id}`]: region(`../strategy/${BASE.strategy.id}`),
  };
  await writeStored(page, seeded);
  await page.reload();
  const rows = page.getByTestId('garbage-row');
  await expect(rows).toHaveCount(3);
  for (const key of Object.keys(seeded)) await expect(page.getByTestId('garbage')).toContainText(key);
  await expect(page.getByTestId('strategy-row')).toHaveCount(1);
  const stored = await storedEntries(page);
  for (const key of Object.keys(seeded)) expect(stored[key]).toBeUndefined();
  await shot('trust-unsafe-ids-set-aside');
  // Download: the text as it was stored.
  const row = rows.filter({ hasText: 'shirube/v1/strategy/a/b' });
  const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: 'ダウンロード' }).click()]);
  const file = test.info().outputPath('a-b.txt');
  await download.saveAs(file);
  expect(fs.readFileSync(file, 'utf8')).toBe(slashText);
  // Delete: each goes, the good strategy stays and opens.
  for (let n = 3; n > 0; n--) {
    await rows.first().getByRole('button', { name: '削除' }).click();
    await expect(rows).toHaveCount(n - 1);
  }
  await expect(page.getByTestId('garbage')).toHaveCount(0);
  expect(Object.keys(await storedEntries(page)).filter((k) => k.startsWith('shirube/v1/garbage/'))).toEqual([]);
  await page.getByTestId('strategy-row').getByRole('button', { name: '開く' }).click();
  await expect(page.getByTestId('strategy-title')).toHaveText(BASE.strategy.title);
  expect(pageErrors).toEqual([]);
});

test('every CSV of the bad corpus is refused by the CSV import in Japanese, naming the columns', async ({ page, openApp, pageErrors, shot }) => {
  await openApp();
  await importAsNew(page, 'good.json', VALID);
  await page.goto(`./#/s/${BASE.strategy.id}/files`);
  await expect(page.getByTestId('files-page')).toBeVisible();
  const csvs = Object.entries(EXPECTED).filter(([, e]) => e.csv_expect);
  expect(csvs.length).toBeGreaterThan(0);
  for (const [name, entry] of csvs) {
    await page.getByTestId('csv-file').setInputFiles({ name, mimeType: 'text/csv', buffer: fs.readFileSync(path.join(CORPUS, name)) });
    const error = page.getByTestId('csv-error');
    await expect(error).toContainText(`「${name}」は取り込めません。何も変わっていません。`);
    for (const fragment of entry.csv_expect!) await expect(error).toContainText(fragment);
    expect((await error.innerText()).replaceAll(name, '')).not.toMatch(SERDE_ENGLISH);
    await expect(page.getByTestId('csv-preview')).toHaveCount(0);
    await shot('trust-csv-duplicate-header');
  }
  expect(pageErrors).toEqual([]);
});

test('a JSON file with two BOMs in front imports', async ({ page, openApp, pageErrors }) => {
  await openApp();
  await page.getByTestId('import-file').setInputFiles(path.join(CORPUS, 'double-bom.json'));
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await expect(page.getByTestId('preview-title')).toHaveText(BASE.strategy.title);
  expect(pageErrors).toEqual([]);
});

test('an unclosed right-to-left override in a name does not reverse the status badge after it', async ({ page, openApp, pageErrors, shot }) => {
  await openApp();
  const s = structuredClone(BASE);
  const ind = s.strategy.indicators[0];
  ind.name = `\u202E${ind.name}ABC`;
  await importAsNew(page, 'rlo.json', JSON.stringify(s));
  await page.goto(`./#/s/${s.strategy.id}/dashboard`);
  const row = page.getByTestId('dashboard-kpi').filter({ hasText: 'ABC' }).first();
  await expect(row).toBeVisible();
  const link = row.locator('a').first();
  const badge = row.getByTestId('status-badge');
  await expect(badge).toBeVisible();
  // The name's element is an isolate, and the badge stays after it, left to right.
  expect(await link.evaluate((e) => getComputedStyle(e).unicodeBidi)).toBe('isolate');
  const [a, b] = [(await link.boundingBox())!, (await badge.boundingBox())!];
  if (Math.abs(a.y - b.y) < a.height / 2) expect(b.x).toBeGreaterThanOrEqual(a.x + a.width - 1);
  // The badge's own text reads in order: its first letters are at its left.
  const order = await badge.evaluate((e) => {
    const text = e.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 1);
    const first = range.getBoundingClientRect().x;
    range.setStart(text, text.length - 1);
    range.setEnd(text, text.length);
    return { first, last: range.getBoundingClientRect().x };
  });
  expect(order.first).toBeLessThan(order.last);
  await row.scrollIntoViewIfNeeded();
  await shot('trust-rlo-dashboard');
  // In print too (the same stylesheet), and on the printed report of the targets: the name is
  // isolated in its cell, and the cell after it (the unit) reads as written.
  await page.emulateMedia({ media: 'print' });
  expect(await link.evaluate((e) => getComputedStyle(e).unicodeBidi)).toBe('isolate');
  await page.goto(`./#/s/${s.strategy.id}/print/targets`);
  const cell = page.getByTestId('cell-name').filter({ hasText: 'ABC' }).first();
  await expect(cell).toBeVisible();
  expect(await cell.locator('bdi').first().evaluate((e) => getComputedStyle(e).unicodeBidi)).toBe('isolate');
  await shot('trust-rlo-print');
  await page.emulateMedia({ media: 'screen' });
  expect(pageErrors).toEqual([]);
});

/** A second tab of the same browser on `url`, whose autosave never fires by itself (its
 * timers of 400 ms or more do not run), so that a change stays waiting. */
async function secondTab(page: Page, url: string): Promise<Page> {
  const b = await page.context().newPage();
  await b.addInitScript(() => window.addEventListener('TrunkApplicationStarted', () => { window.__shirubeAppStarted = true; }));
  await b.goto(url);
  await b.waitForFunction(() => window.__shirubeAppStarted === true, undefined, { timeout: 30_000 });
  await b.locator('main#main').waitFor({ timeout: 30_000 });
  await b.evaluate(() => {
    const setTimeoutOfPage = window.setTimeout.bind(window);
    (window as unknown as { setTimeout: unknown }).setTimeout = (f: () => void, ms?: number) => ((ms ?? 0) >= 400 ? 0 : setTimeoutOfPage(f, ms));
  });
  return b;
}

/** Changes the municipality's name in tab `b`'s editor (the change waits: see `secondTab`). */
async function editWaiting(b: Page, name: string) {
  await b.getByTestId('outline-strategy').click();
  await b.getByTestId('municipality-field').fill(name);
  await b.getByTestId('municipality-field').press('Enter');
  await expect(b.getByTestId('save-state')).not.toHaveText('保存済み');
}

/** Deletes the strategy `id` from tab `a`'s list. */
async function deleteFromList(a: Page, id: string) {
  await a.goto('./#/');
  await a.locator(`[data-testid=strategy-row][data-id="${id}"]`).getByRole('button', { name: '削除' }).click();
  await expect(a.getByTestId('notice')).toContainText('削除しました');
}

const strategyKey = (id: string) => `shirube/v1/strategy/${id}`;

test('a strategy deleted in one tab: the other is told at once and never stores it again; undo or keep its edits as a new strategy', async ({ page, openApp, pageErrors, shot }) => {
  await openApp();
  await page.getByTestId('example-kitamoto').click();
  await expect(page.getByTestId('goal')).toHaveCount(6);
  const id = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'public', 'examples', 'kitamoto.json'), 'utf8')).strategy.id;

  // Tab B has it open with a change waiting; tab A deletes it.
  const b = await secondTab(page, `./#/s/${id}/edit`);
  await editWaiting(b, '北本市（タブB）');
  await deleteFromList(page, id);
  const notice = b.getByTestId('notice');
  await expect(notice).toContainText('別のタブで削除されました');
  await expect(notice).toContainText('このタブには保存していない変更があります');
  await expect(b.getByTestId('undo-deletion-elsewhere')).toBeVisible();
  await expect(b.getByTestId('keep-as-new')).toBeVisible();
  await shot('trust-deleted-elsewhere', b);
  // Its saves are refused: a flush (the page hidden) and another edit store nothing.
  await b.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  await b.getByTestId('municipality-field').fill('北本市（タブB・2回目）');
  await b.getByTestId('municipality-field').press('Enter');
  await b.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  await expect(b.getByTestId('save-state')).toContainText('別のタブ');
  expect(Object.keys(await storedEntries(page))).not.toContain(strategyKey(id));

  // Undo there: the deleted version comes back, and B's change is saved over it (the restored
  // version kept in the history).
  await b.getByTestId('undo-deletion-elsewhere').click();
  await expect(b.getByTestId('notice')).toContainText('復元しました');
  await expect(b.getByTestId('save-state')).toHaveText('保存済み');
  const stored = JSON.parse((await storedEntries(page))[strategyKey(id)]).strategy;
  expect(stored.municipality.name).toBe('北本市（タブB・2回目）');
  await b.goto(`./#/s/${id}/history`);
  await expect(b.getByTestId('version-row').first()).toBeVisible();

  // Deleted again; this time B keeps its change as a new strategy: the deleted one stays deleted.
  await b.goto(`./#/s/${id}/edit`);
  await expect(b.getByTestId('save-state')).toHaveText('保存済み');
  await editWaiting(b, '北本市（タブB・3回目）');
  await deleteFromList(page, id);
  await expect(b.getByTestId('keep-as-new')).toBeVisible();
  await b.getByTestId('keep-as-new').click();
  await expect(b.getByTestId('strategy-title')).toContainText('（このタブの内容）');
  const entries = await storedEntries(page);
  expect(Object.keys(entries)).not.toContain(strategyKey(id));
  const kept = Object.entries(entries).filter(([k]) => k.startsWith('shirube/v1/strategy/')).map(([, v]) => JSON.parse(v).strategy);
  expect(kept.map((s) => [s.municipality.name, s.id !== id])).toEqual([['北本市（タブB・3回目）', true]]);
  // A lists the copy only, and the deletion's backups, restorable.
  await page.goto('./#/');
  await expect(page.getByTestId('strategy-row')).toHaveCount(1);
  await expect(page.getByTestId('backup-row').filter({ hasText: '第2期' })).not.toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test('a change left unsaved when a tab closes, of a strategy deleted in another tab, is kept as a backup, not stored again', async ({ page, openApp, pageErrors }) => {
  await openApp();
  await page.getByTestId('example-hokuto').click();
  await expect(page.getByTestId('goal')).toHaveCount(4);
  const id = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'public', 'examples', 'hokuto.json'), 'utf8')).strategy.id;
  const b = await secondTab(page, `./#/s/${id}/edit`);
  await editWaiting(b, '北斗市（閉じる前）');
  await deleteFromList(page, id);
  await expect(b.getByTestId('notice')).toContainText('別のタブで削除されました');
  // B reloads (leaving with a failed save asks first: yes): its change is kept on the way out
  // (a draft) and handled at the next start.
  b.on('dialog', (d) => d.accept());
  await b.reload();
  await expect(b.getByTestId('notice')).toContainText('閉じる前の変更をバックアップに残しました');
  expect(Object.keys(await storedEntries(page))).not.toContain(strategyKey(id));
  await b.goto('./#/');
  await expect(b.getByTestId('strategy-row')).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test('a region deleted in one tab: the other tab showing it is told at once, and can undo', async ({ page, openApp, pageErrors, shot }) => {
  await openApp();
  await page.getByTestId('region-name-input').fill('削除される管内');
  await page.getByTestId('create-region').click();
  await expect(page.getByTestId('region-page')).toBeVisible();
  const url = page.url();
  const b = await secondTab(page, url);
  await expect(b.getByTestId('region-name')).toHaveText('削除される管内');
  await page.goto('./#/');
  await page.getByTestId('region-row').filter({ hasText: '削除される管内' }).getByTestId('delete-region').click();
  await expect(page.getByTestId('notice')).toContainText('削除');
  await expect(b.getByTestId('notice')).toContainText('別のタブで地域が削除されました');
  await shot('trust-region-deleted-elsewhere', b);
  await b.getByTestId('undo-delete-region').click();
  await expect(page.getByTestId('region-row').filter({ hasText: '削除される管内' })).toHaveCount(1);
  expect(pageErrors).toEqual([]);
});

test('storage full is said plainly, with what to do; the edit stays in the tab, exports, and is saved by itself once there is room', async ({ page, openApp, pageErrors, shot }, testInfo) => {
  // The browser's room for this site, as when the disk is nearly full: Chromium's quota
  // override, set before the app first opens IndexedDB (Chromium reads a site's quota when its
  // database is first used, measured here), 2.5 MB: the examples fit, a 2.7 MB edit does not.
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(testInfo.project.use.baseURL!).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 2_500_000 });
  await openApp();
  // Two strategies: the one deleted later to make room, and the one edited.
  await page.getByTestId('example-kitamoto').click();
  await expect(page.getByTestId('goal')).toHaveCount(6);
  const kitamoto = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'public', 'examples', 'kitamoto.json'), 'utf8')).strategy.id;
  await page.goto('./#/');
  await page.getByTestId('example-hokuto').click();
  await expect(page.getByTestId('goal')).toHaveCount(4);
  const id = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'public', 'examples', 'hokuto.json'), 'utf8')).strategy.id;
  await page.goto(`./#/s/${id}/edit`);
  // A few saves first, so that the version history holds something.
  for (const n of [1, 2]) {
    await page.getByTestId('outline-strategy').click();
    await page.getByTestId('strategy-title-field').fill(`第2期北斗市総合戦略（改訂${n}）`);
    await page.getByTestId('strategy-title-field').press('Enter');
    await expect(page.getByTestId('save-state')).toHaveText('保存済み');
  }
  const storedBefore = (await storedEntries(page))[`shirube/v1/strategy/${id}`];

  // A long text pasted into a section (2.7 MB), then the title changed.
  const long = `満杯のときに貼り付けた本文${'あ'.repeat(900_000)}`;
  await page.getByTestId('section-body-0').fill(long);
  await page.getByTestId('section-body-0').blur();
  await page.getByTestId('strategy-title-field').fill('第2期北斗市総合戦略（満杯のときの編集）');
  await page.getByTestId('strategy-title-field').press('Enter');
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('保存領域がいっぱいです', { timeout: 20_000 });
  await expect(notice).toContainText('「書き出す」でファイルに保存すれば、変更は失われません');
  await expect(notice).toContainText('空きができたら、自動でもう一度保存します');
  await expect(notice).not.toContainText('transaction');
  await expect(page.getByTestId('save-state')).toContainText('ブラウザの保存領域がいっぱいです');
  await shot('trust-storage-full');
  expect((await storedEntries(page))[`shirube/v1/strategy/${id}`], 'what was stored is as it was').toBe(storedBefore);

  // The export in the notice holds the edit that is only in the tab.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-unsaved').click()]);
  const file = testInfo.outputPath('unsaved.json');
  await download.saveAs(file);
  const exported = JSON.parse(fs.readFileSync(file, 'utf8')).strategy;
  expect([exported.title, exported.sections[0].body]).toEqual(['第2期北斗市総合戦略（満杯のときの編集）', long]);

  // 古い版を削除: the versions go (the current ones stay); the save is tried again at once,
  // and here 2.7 MB still do not fit: the header still says so, the notice says what was done.
  expect(Object.keys(await storedEntries(page)).filter((k) => k.startsWith('shirube/v1/version/')).length).toBeGreaterThan(0);
  await page.getByTestId('discard-versions').click();
  await expect.poll(async () => Object.keys(await storedEntries(page)).filter((k) => k.startsWith('shirube/v1/version/')).length).toBe(0);
  await expect(notice).toContainText('古い版を 2 件削除しました');
  await expect(page.getByTestId('save-state')).toContainText('ブラウザの保存領域がいっぱいです');
  expect((await storedEntries(page))[`shirube/v1/strategy/${id}`]).toBe(storedBefore);

  // Room is made outside the app (the quota lifted), then a deletion here: the save is tried
  // again by itself, with no new edit.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await deleteFromList(page, kitamoto);
  await expect.poll(async () => JSON.parse((await storedEntries(page))[`shirube/v1/strategy/${id}`]).strategy.sections[0].body, { timeout: 20_000 }).toBe(long);
  await expect(page.getByTestId('save-state')).toHaveText('保存済み');
  expect(pageErrors).toEqual([]);
});

/** The longest task the page's thread ran since `start` (PerformanceObserver "longtask"), ms. */
async function longestTask(page: Page): Promise<number> {
  return page.evaluate(() => (window as any).__longest ?? 0);
}

async function watchLongTasks(page: Page) {
  await page.evaluate(() => {
    (window as any).__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) (window as any).__longest = Math.max((window as any).__longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
}

// The two files that froze the page are refused with their place, and nothing
// changes. How long the page's thread was held is printed (a figure, not a timed assertion:
// speed lives in the benchmark); before: 12.8–15.3 s and 9–11.6 s.
test('a strategy with 200,000 yearly values outside any plan, and a CSV with a 20 MB cell, are refused with the place', async ({ page, openApp, pageErrors }) => {
  await openApp();
  await importAsNew(page, 'good.json', VALID);
  const before = await storageSnapshot(page);

  const hostile = structuredClone(BASE);
  hostile.strategy.id = 'strategy-hostile-values';
  hostile.strategy.indicators[0].series[0].actuals = Array.from({ length: 200_000 }, (_, i) => ({ year: 3000 + i, value: i * 1.5 }));
  await page.goto('./#/');
  await watchLongTasks(page);
  await pick(page, 'values.json', JSON.stringify(hostile));
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('取り込めません', { timeout: 30_000 });
  await expect(notice).toContainText('ほか');
  console.log(`[freeze] 200,000 values: the longest task ${Math.round(await longestTask(page))} ms`);
  expect(await storageSnapshot(page)).toEqual(before);

  await page.goto(`./#/s/${BASE.strategy.id}/files`);
  await expect(page.getByTestId('files-page')).toBeVisible();
  const header = '指標ID,年度,区分,値,出典';
  const csvWith = (chars: number) => Buffer.from(`${header}\r\n${BASE.strategy.indicators[0].id},R5,実績,1,${'あ'.repeat(chars)}\r\n`, 'utf8');
  const error = page.getByTestId('csv-error');
  // 20 MB: refused by its size before it is read.
  await watchLongTasks(page);
  await page.getByTestId('csv-file').setInputFiles({ name: 'big-cell.csv', mimeType: 'text/csv', buffer: csvWith(7_000_000) });
  await expect(error).toContainText('ファイルが大きすぎます（20 MB）。読み込めるのは 4.8 MB までです', { timeout: 30_000 });
  await expect(page.getByTestId('csv-preview')).toHaveCount(0);
  console.log(`[freeze] a 20 MB cell: the longest task ${Math.round(await longestTask(page))} ms`);
  // 4 MB, one cell: refused while reading, with its row and column.
  await watchLongTasks(page);
  await page.getByTestId('csv-file').setInputFiles({ name: 'big-cell-4mb.csv', mimeType: 'text/csv', buffer: csvWith(1_400_000) });
  await expect(error).toContainText('2 行目の E 列（5列目）のセルが長すぎます（1400000 文字', { timeout: 30_000 });
  await expect(page.getByTestId('csv-preview')).toHaveCount(0);
  console.log(`[freeze] a 4 MB cell: the longest task ${Math.round(await longestTask(page))} ms`);
  expect(await storageSnapshot(page)).toEqual(before);
  expect(pageErrors).toEqual([]);
});
