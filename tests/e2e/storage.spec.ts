// Storage a town can trust: IndexedDB with the data of the previous release moved over from
// localStorage, the version history (restore, export a version), two tabs on one strategy,
// whether the browser keeps the data, and 200 strategies listed.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { REPO_ROOT } from './paths';
import { storedEntries, writeStored } from './stored';
import type { Page } from '@playwright/test';

const example = (name: string) => fs.readFileSync(path.join(REPO_ROOT, 'public', 'examples', `${name}.json`), 'utf8');
const KITAMOTO = example('kitamoto');
const HOKUTO = example('hokuto');
const idOf = (text: string) => JSON.parse(text).strategy.id as string;

/** The app's localStorage keys (what the previous release wrote), key → text. */
async function localEntries(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i++) out[localStorage.key(i)!] = localStorage.getItem(localStorage.key(i)!)!;
    return out;
  });
}

async function started(page: Page) {
  await page.waitForFunction(() => window.__shirubeAppStarted === true, undefined, { timeout: 30_000 });
  await page.locator('main#main').waitFor({ timeout: 30_000 });
}

test('a browser profile filled by the previous release opens with everything there, moved into IndexedDB', async ({ page, openApp, pageErrors, shot }) => {
  // What the previous release wrote to localStorage: two strategies, a backup (with its index),
  // unreadable data kept aside, preferences (Western years), and another page's key. Written
  // from a page of the same origin before the app ever ran.
  const backupKey = `shirube/v1/backup/${idOf(HOKUTO)}/2026-11-20T01:02:03.000Z`;
  const old: Record<string, string> = {
    [`shirube/v1/strategy/${idOf(KITAMOTO)}`]: KITAMOTO,
    [`shirube/v1/strategy/${idOf(HOKUTO)}`]: HOKUTO,
    [backupKey]: HOKUTO,
    'shirube/v1/backups': JSON.stringify([{ key: backupKey, strategy_id: idOf(HOKUTO), title: '第2期北斗市まち・ひと・しごと創生総合戦略（旧）', municipality: '北斗市', taken_at: '2026-11-20T01:02:03.000Z', reason: 'replaced' }]),
    'shirube/v1/garbage/2026-11-19T00:00:00.000Z/shirube/v1/strategy/strategy-broken': '{"format": "shirube-strategy", garb',
    'shirube/prefs': JSON.stringify({ language: 'ja', year_style: 'western', last_opened: null }),
    'another-page/cache': 'not ours',
  };
  await page.goto('./examples/kitamoto.json');
  await page.evaluate((entries) => {
    for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
  }, old);

  await openApp();
  // Everything is there, and the user is told what happened.
  await expect(page.getByTestId('notice')).toContainText('保存データを新しい保存先に移しました');
  await expect(page.getByTestId('notice')).toContainText('データ 6 件を IndexedDB に移し');
  await expect(page.getByTestId('strategy-row')).toHaveCount(2);
  await expect(page.getByTestId('backup-row')).toHaveCount(1);
  await expect(page.getByTestId('backup-row')).toContainText('（旧）');
  await expect(page.getByTestId('garbage-row')).toHaveCount(1);
  await expect(page.getByTestId('year-style')).toHaveText('和暦で表示');
  await shot('moved-to-indexeddb');

  // In IndexedDB byte for byte; gone from localStorage (but for the other page's key).
  const moved = await storedEntries(page);
  for (const [k, v] of Object.entries(old)) {
    if (k === 'another-page/cache') continue;
    expect(moved[k], k).toBe(v);
  }
  expect(await localEntries(page)).toEqual({ 'another-page/cache': 'not ours' });

  // The strategies open and the backup restores as before; a reload says nothing more.
  await page.getByTestId('strategy-row').filter({ hasText: '北本市' }).getByRole('button', { name: '開く' }).click();
  await expect(page.getByTestId('goal')).toHaveCount(6);
  await page.goto('./#/');
  await page.reload();
  await started(page);
  await expect(page.getByTestId('strategy-row')).toHaveCount(2);
  await expect(page.getByTestId('notice')).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test('a move that cannot finish leaves localStorage as it was, and the app works on it and says so', async ({ page, openApp }) => {
  await page.goto('./examples/kitamoto.json');
  await page.evaluate((text) => localStorage.setItem(`shirube/v1/strategy/${JSON.parse(text).strategy.id}`, text), KITAMOTO);
  const before = await localEntries(page);
  // IndexedDB opens, but refuses every write (as a disk that is full).
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
      if (this.transaction.mode === 'readwrite') throw new DOMException('refused (test)', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await openApp();
  await expect(page.getByTestId('indexed-db-banner')).toContainText('IndexedDB を使えないため、localStorage');
  await expect(page.getByTestId('strategy-row')).toHaveCount(1);
  // The data as it was (the app, working on localStorage, adds only its list index).
  const { 'shirube/v1/index': index, ...after } = await localEntries(page);
  expect(after).toEqual(before);
  expect(JSON.parse(index)[0].title).toBe('第2期北本市まち・ひと・しごと創生総合戦略');
});

/** Renames the open strategy in the editor's settings and waits until it is saved. */
async function rename(page: Page, title: string) {
  await page.getByTestId('outline-strategy').click();
  await page.getByTestId('strategy-title-field').fill(title);
  await page.getByTestId('strategy-title-field').press('Enter');
  await expect(page.getByTestId('save-state')).toHaveText('保存済み');
}

test('the version history: each save keeps the version before it; export one; restore one, and undo the restore the same way', async ({ page, openApp, pageErrors, shot }, testInfo) => {
  await openApp();
  await page.getByTestId('example-hokuto').click();
  await expect(page.getByTestId('goal')).toHaveCount(4);
  const id = idOf(HOKUTO);
  await page.goto(`./#/s/${id}/edit`);
  await rename(page, '第2期北斗市総合戦略（改訂案）');
  await page.goto(`./#/s/${id}/history`);
  const rows = page.getByTestId('version-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('第2期北斗市まち・ひと・しごと創生総合戦略');
  await expect(rows.first()).toContainText('ファイルから読み込み');
  await rows.first().getByRole('button', { name: '次の版との違い' }).click();
  await expect(rows.first().getByTestId('version-changes')).toContainText('設定の変更');
  await shot('version-history');

  // Open it read-only: the overview as it was, with no way into the editor from it.
  await rows.first().getByTestId('view-version').click();
  const view = rows.first().getByTestId('version-view');
  await expect(view.getByTestId('strategy-title')).toHaveText('第2期北斗市まち・ひと・しごと創生総合戦略');
  await expect(view).toContainText('読み取り専用');
  await expect(view.getByTestId('goal')).toHaveCount(4);
  await expect(view.getByTestId('edit')).toHaveCount(0);
  await expect(view.locator('input, textarea, select')).toHaveCount(0);
  await expect(page.getByTestId('strategy-nav-name')).toContainText('第2期北斗市総合戦略（改訂案）');
  await shot('version-read-only');
  await rows.first().getByTestId('view-version').click();
  await expect(view).toHaveCount(0);

  // Export the earlier version: the file holds it.
  const [download] = await Promise.all([page.waitForEvent('download'), rows.first().getByTestId('export-version').click()]);
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  expect(JSON.parse(fs.readFileSync(file, 'utf8')).strategy.title).toBe('第2期北斗市まち・ひと・しごと創生総合戦略');

  // Restore it: it is the current version again, and what it replaced is in the history.
  await rows.first().getByTestId('restore-version').click();
  await expect(page.getByTestId('notice')).toContainText('復元しました:「第2期北斗市まち・ひと・しごと創生総合戦略」');
  await expect(page.getByTestId('strategy-nav-name')).toContainText('第2期北斗市まち・ひと・しごと創生総合戦略');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('（改訂案）');
  // … so the restore itself can be undone by restoring that one.
  await rows.first().getByTestId('restore-version').click();
  await expect(page.getByTestId('strategy-nav-name')).toContainText('第2期北斗市総合戦略（改訂案）');
  await page.reload();
  await started(page);
  await expect(page.getByTestId('strategy-nav-name')).toContainText('第2期北斗市総合戦略（改訂案）');
  await expect(rows).toHaveCount(3);
  await page.getByTestId('language').click();
  await expect(page.getByTestId('version-history')).toContainText('Version history');
  await expect(rows.first()).toContainText('restored');
  await shot('version-history-en');
  expect(pageErrors).toEqual([]);
});

test('two tabs on one strategy never overwrite each other silently: the later one is told and chooses', async ({ page, openApp, context, pageErrors, shot }) => {
  await openApp();
  await page.getByTestId('example-kitamoto').click();
  await expect(page.getByTestId('goal')).toHaveCount(6);
  const id = idOf(KITAMOTO);
  await page.goto(`./#/s/${id}/edit`);
  await page.getByTestId('outline-strategy').click();

  // Tab B, open on the same strategy since before, with an edit not yet saved.
  const b = await context.newPage();
  await b.addInitScript(() => window.addEventListener('TrunkApplicationStarted', () => { window.__shirubeAppStarted = true; }));
  await b.goto(`./#/s/${id}/edit`);
  await started(b);
  // B's autosave waits for a quiet moment that never comes: its timers of 400 ms or more do not
  // fire (page.clock would hold tab A's too: a clock is per browser context).
  await b.evaluate(() => {
    const setTimeoutOfPage = window.setTimeout.bind(window);
    (window as unknown as { setTimeout: unknown }).setTimeout = (f: () => void, ms?: number) => ((ms ?? 0) >= 400 ? 0 : setTimeoutOfPage(f, ms));
  });
  await b.getByTestId('outline-strategy').click();
  await b.getByTestId('municipality-field').fill('北本市（タブB）');
  await b.getByTestId('municipality-field').press('Enter');
  await expect(b.getByTestId('save-state')).not.toHaveText('保存済み');

  // Tab A edits the title and saves.
  await rename(page, '第2期北本市総合戦略（タブA）');
  // Tab B is told at once, and nothing of it was written over A's.
  await expect(b.getByTestId('notice')).toContainText('別のタブでも変更されました');
  await shot('two-tabs-conflict', b);
  let stored = JSON.parse((await storedEntries(page))[`shirube/v1/strategy/${id}`]).strategy;
  expect(stored.title).toBe('第2期北本市総合戦略（タブA）');
  expect(stored.municipality.name).toBe('北本市');

  // B keeps its own: saved over A's, A's version kept in the history.
  await b.getByTestId('keep-this-tab').click();
  await expect(b.getByTestId('save-state')).toHaveText('保存済み');
  stored = JSON.parse((await storedEntries(page))[`shirube/v1/strategy/${id}`]).strategy;
  expect(stored.municipality.name).toBe('北本市（タブB）');
  await b.goto(`./#/s/${id}/history`);
  await expect(b.getByTestId('version-row').first()).toContainText('（タブA）');

  // A, with nothing waiting, follows B's version; now A edits while B waits, and B takes A's.
  await expect(page.getByTestId('municipality-field')).toHaveValue('北本市（タブB）');
  await b.goto(`./#/s/${id}/edit`);
  await b.getByTestId('outline-strategy').click();
  await b.getByTestId('municipality-field').fill('北本市（タブB・2回目）');
  await b.getByTestId('municipality-field').press('Enter');
  await rename(page, '第2期北本市総合戦略（タブA・2回目）');
  await expect(b.getByTestId('notice')).toContainText('別のタブでも変更されました');
  await b.getByTestId('take-other-tab').click();
  await expect(b.getByTestId('notice')).toContainText('このタブの変更は版の履歴に残してあります');
  await expect(b.getByTestId('strategy-title-field')).toHaveValue('第2期北本市総合戦略（タブA・2回目）');
  // Storage holds what was chosen (a reload shows it); B's edit is in the history, not lost.
  stored = JSON.parse((await storedEntries(page))[`shirube/v1/strategy/${id}`]).strategy;
  expect(stored.title).toBe('第2期北本市総合戦略（タブA・2回目）');
  await b.goto(`./#/s/${id}/history`);
  await expect(b.getByTestId('version-row').filter({ hasText: '別のタブと競合した変更' })).toHaveCount(1);
  expect(pageErrors).toEqual([]);
});

test('the strategy list says whether the browser keeps the data, and how much the site stores', async ({ page, openApp, pageErrors, shot }) => {
  await openApp();
  await page.getByTestId('example-hokuto').click();
  await expect(page.getByTestId('goal')).toHaveCount(4);
  await page.goto('./#/');
  const persistence = page.getByTestId('persistence');
  await expect(persistence).toBeVisible();
  const persistent = await page.evaluate(() => navigator.storage.persisted());
  await expect(persistence).toHaveAttribute('data-persistent', String(persistent));
  await expect(persistence).toContainText(persistent ? 'このブラウザはデータを自動では消しません' : '「すべてをファイルに保存」で定期的に書き出してください');
  const { usage, quota } = await page.evaluate(() => navigator.storage.estimate());
  expect(usage).toBeGreaterThan(0);
  await expect(page.getByTestId('storage-usage-text')).toContainText('このサイトのデータは約');
  expect(Number(await page.getByTestId('storage-meter').getAttribute('value'))).toBe(Math.min(100, Math.ceil((usage! * 100) / quota!)));
  await shot('storage-persistence');
  await page.getByTestId('language').click();
  await expect(persistence).toContainText(persistent ? 'does not clear the data' : 'Save everything to a file regularly');
  expect(pageErrors).toEqual([]);
});

test('200 town-size strategies are stored, listed and reopened', async ({ page, openApp, pageErrors }) => {
  await openApp();
  // 200 copies of 北斗市 grown to about 200 KB each (a town's strategy with its texts), written
  // as the app stores them.
  const base = JSON.parse(HOKUTO);
  const text = 'まちの将来像と取組の方向を記した本文です。'.repeat(2_500);
  const entries: Record<string, string> = {};
  for (let i = 0; i < 200; i++) {
    const strategy = { ...base.strategy, id: `strategy-town-${String(i).padStart(3, '0')}`, title: `町 ${i} の総合戦略` };
    strategy.sections = [...strategy.sections, { id: `section-text-${i}`, heading: '資料', body: text }];
    entries[`shirube/v1/strategy/${strategy.id}`] = JSON.stringify({ ...base, strategy });
  }
  const bytes = Object.values(entries).reduce((n, v) => n + Buffer.byteLength(v), 0);
  expect(bytes / 200).toBeGreaterThan(190_000);
  // In parts: one page.evaluate argument of 40 MB is slow to hand over.
  const keys = Object.keys(entries);
  for (let i = 0; i < keys.length; i += 50) {
    await writeStored(page, Object.fromEntries(keys.slice(i, i + 50).map((k) => [k, entries[k]])));
  }
  await page.reload();
  await started(page);
  await expect(page.getByTestId('strategy-row')).toHaveCount(200, { timeout: 30_000 });
  // The list is read from the index from now on (rebuilt once above).
  expect(Object.keys(await storedEntries(page))).toContain('shirube/v1/index');
  await page.reload();
  await started(page);
  await expect(page.getByTestId('strategy-row')).toHaveCount(200);
  await page.getByTestId('strategy-row').filter({ hasText: '町 137 の総合戦略' }).getByRole('button', { name: '開く' }).click();
  await expect(page.getByTestId('strategy-title')).toHaveText('町 137 の総合戦略');
  expect(pageErrors).toEqual([]);
});
