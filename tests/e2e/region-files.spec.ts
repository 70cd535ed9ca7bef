// A region's files: after a bring-in, a town that sends a changed file is replaced
// there after the preview of what changes (and a second changed file is cancelled: the stored
// town stays); the region is renamed; exported as one file and opened in a fresh browser profile
// (by the strategy list's 「地域のファイルを開く」, and by a drop on the page), with the same
// towns; a town is taken out (its strategy stays); files dropped on the region's page come in,
// a non-Shirube one listed with its error; the side-by-side table fits a 1280 px window and
// prints A4 landscape with the region's name and year; the region is deleted, restored from the
// region backups, deleted again and its backup discarded.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Browser, Page, TestInfo } from '@playwright/test';
import { test, expect } from './fixtures';
import { REPO_ROOT } from './paths';
import { dropFile } from './helpers';
import { example } from './region-towns';

const OUT = path.join(REPO_ROOT, 'test-results', 'region-files');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;


/** The same town's file, changed at home: another municipality name and title (the strategy's
 *  settings — the preview says so). */
function changed(file: Json, name: string): string {
  const copy = JSON.parse(JSON.stringify(file));
  copy.strategy.municipality = { ...copy.strategy.municipality, name };
  copy.strategy.title = `${copy.strategy.title}（改訂版）`;
  copy.exported_at = '2026-11-22T09:00:00Z';
  return JSON.stringify(copy, null, 2);
}

function asFile(name: string, text: string) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') };
}

/** The town link of a side-by-side row. */
function townLink(page: Page, id: string) {
  return page.locator(`[data-testid=town-row][data-id="${id}"] [data-testid=town-link]`);
}

/** A fresh browser profile (its own, empty storage) on the app. */
async function freshPage(browser: Browser, testInfo: TestInfo): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./');
  await expect(page.getByTestId('empty-list')).toBeVisible();
  return { page, errors, close: () => context.close() };
}

/** The PDF's first page size in points ("841.89 x 595.28"), by poppler's pdfinfo; null without it. */
function pageSize(pdf: string): [number, number] | null {
  try {
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
    return m ? [Number(m[1]), Number(m[2])] : null;
  } catch {
    return null;
  }
}

test('a region: replace a town by its newer file, rename, export and open elsewhere, take a town out, print, delete and restore', async ({ page, openApp, browser, pageErrors }, testInfo) => {
  test.setTimeout(180_000);
  fs.mkdirSync(OUT, { recursive: true });
  const kitamoto = example('kitamoto');
  const hokuto = example('hokuto');
  const kitamotoId: string = kitamoto.strategy.id;
  const hokutoId: string = hokuto.strategy.id;

  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp();
  await page.getByTestId('region-name-input').fill('渡島ファイルテスト管内');
  await page.getByTestId('create-region').click();
  await expect(page.getByTestId('region-name')).toHaveText('渡島ファイルテスト管内');

  // ── Bring in two towns, then 北斗市's changed file: held back, previewed, replaced. ──
  await page.getByTestId('region-files').setInputFiles([
    asFile('kitamoto.json', JSON.stringify(kitamoto, null, 2)),
    asFile('hokuto.json', JSON.stringify(hokuto, null, 2)),
  ]);
  await expect(page.locator('[data-testid=region-result][data-outcome=added]')).toHaveCount(2);
  await expect(page.getByTestId('town-row')).toHaveCount(2);
  await expect(townLink(page, hokutoId)).toHaveText('北斗市');

  await page.getByTestId('region-files').setInputFiles([asFile('hokuto-2.json', changed(hokuto, '北斗市（改訂）'))]);
  await expect(page.locator('[data-testid=region-result][data-outcome=preview]')).toHaveCount(1);
  await expect(page.getByTestId('notice')).toContainText('保存済みの版と内容が違う戦略（確認が必要です）: 1 件');
  const item = page.locator(`[data-testid=region-newer-item][data-id="${hokutoId}"]`);
  await expect(item).toHaveAttribute('data-state', 'waiting');
  await expect(item.getByTestId('region-newer-summary')).toContainText('設定の変更');
  await expect(item.getByTestId('preview-changes')).toBeVisible();
  // Nothing is replaced before the user says so.
  await expect(townLink(page, hokutoId)).toHaveText('北斗市');
  await page.getByTestId('region-newer').screenshot({ path: path.join(OUT, 'newer-version.png') });
  await item.getByTestId('region-replace').click();
  await expect(item).toHaveAttribute('data-state', 'replaced');
  await expect(page.getByTestId('notice')).toContainText('同じ ID の戦略を置き換えました');
  await expect(page.getByTestId('undo-delete')).toBeVisible();
  await expect(townLink(page, hokutoId)).toHaveText('北斗市（改訂）');

  // A third version, cancelled: the stored town stays as it is.
  await page.getByTestId('region-files').setInputFiles([asFile('hokuto-3.json', changed(hokuto, '北斗市（第3版）'))]);
  const third = page.locator(`[data-testid=region-newer-item][data-id="${hokutoId}"]`);
  await expect(third).toHaveAttribute('data-state', 'waiting');
  await third.getByTestId('region-keep').click();
  await expect(third).toHaveAttribute('data-state', 'kept');
  await expect(townLink(page, hokutoId)).toHaveText('北斗市（改訂）');

  // ── Rename. ──
  await page.getByTestId('region-rename-input').fill('渡島ファイルテスト管内（改称）');
  await page.getByTestId('region-rename').click();
  await expect(page.getByTestId('region-name')).toHaveText('渡島ファイルテスト管内（改称）');

  // ── Files dropped on the page: a town's file comes in (already here), a non-Shirube JSON is
  // listed with its error. ──
  await dropFile(page, 'notes.json', '{"memo": "not a Shirube file"}');
  await expect(page.locator('[data-testid=region-result][data-outcome=error]')).toHaveCount(1);
  await expect(page.locator('[data-testid=region-result][data-outcome=error]')).toContainText('notes.json');
  // The drop was the region page's: no import preview opened.
  await expect(page.getByTestId('import-preview')).toHaveCount(0);
  await dropFile(page, 'kitamoto-again.json', JSON.stringify(kitamoto, null, 2));
  await expect(page.locator('[data-testid=region-result][data-outcome=already]')).toHaveCount(1);
  await expect(page.getByTestId('town-row')).toHaveCount(2);

  // ── The side-by-side table at 1280 px: 決算額 within the page, the page no wider than the
  // window. ──
  const settled = page.locator('[data-testid=side-by-side-table] thead [data-col=settled]');
  await expect(settled).toBeVisible();
  const box = (await settled.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(1280);
  const wrap = (await page.locator('.side-by-side-wrap').boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(wrap.x + wrap.width + 1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  await page.getByTestId('side-by-side').screenshot({ path: path.join(OUT, 'side-by-side-1280.png') });

  // ── Print: the region's name, the year and the table only, A4 landscape. ──
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('region-name')).toBeVisible();
  await expect(page.getByTestId('side-by-side-print-year')).toBeVisible();
  await expect(page.getByTestId('side-by-side-print-year')).toContainText('年度');
  await expect(page.getByTestId('side-by-side-table')).toBeVisible();
  await expect(page.getByTestId('region-manage')).toBeHidden();
  await expect(page.getByTestId('region-bring-in')).toBeHidden();
  await expect(page.getByTestId('side-by-side-csv')).toBeHidden();
  await page.screenshot({ path: path.join(OUT, 'print.png'), fullPage: true });
  const pdf = path.join(OUT, 'side-by-side.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const size = pageSize(pdf);
  if (size) expect(size[0], 'A4 landscape: wider than tall').toBeGreaterThan(size[1]);
  await page.emulateMedia({ media: 'screen' });

  // ── Export the region as one file. ──
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('region-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^渡島ファイルテスト管内（改称）_地域_\d{4}-\d{2}-\d{2}\.shirube-region\.json$/);
  const regionText = fs.readFileSync((await download.path())!, 'utf8');
  expect(JSON.parse(regionText).format).toBe('shirube-region');
  await expect(page.getByTestId('notice')).toContainText('地域を書き出しました');

  // ── Opened in a fresh profile: the same towns, the same name. ──
  const fresh = await freshPage(browser, testInfo);
  await fresh.page.getByTestId('region-file').setInputFiles(asFile(download.suggestedFilename(), regionText));
  await expect(fresh.page.getByTestId('notice')).toContainText('地域のファイルを開きました');
  await expect(fresh.page.getByTestId('notice')).toContainText('新しく追加した戦略: 2 件');
  await fresh.page.getByTestId('region-file-open').click();
  await expect(fresh.page.getByTestId('region-name')).toHaveText('渡島ファイルテスト管内（改称）');
  const ids = await fresh.page.getByTestId('town-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')).sort());
  expect(ids).toEqual([kitamotoId, hokutoId].sort());
  await expect(townLink(fresh.page, hokutoId)).toHaveText('北斗市（改訂）');
  expect(fresh.errors).toEqual([]);
  await fresh.close();

  // …and dropped on the strategy list of another fresh profile: the region's page opens.
  const dropped = await freshPage(browser, testInfo);
  await dropFile(dropped.page, 'region.json', regionText);
  await expect(dropped.page.getByTestId('region-page')).toBeVisible();
  await expect(dropped.page.getByTestId('region-name')).toHaveText('渡島ファイルテスト管内（改称）');
  await expect(dropped.page.getByTestId('town-row')).toHaveCount(2);
  expect(dropped.errors).toEqual([]);
  await dropped.close();

  // ── Take 北本市 out: the confirmation says its strategy stays; it does. ──
  const member = page.locator(`[data-testid=region-member][data-id="${kitamotoId}"]`);
  await member.getByTestId('region-remove').click();
  await expect(member.getByTestId('region-remove-question')).toContainText('戦略は削除しません');
  await member.getByTestId('region-remove-cancel').click();
  await expect(page.getByTestId('town-row')).toHaveCount(2);
  await member.getByTestId('region-remove').click();
  await member.getByTestId('region-remove-confirm').click();
  await expect(page.getByTestId('town-row')).toHaveCount(1);
  await expect(page.getByTestId('notice')).toContainText('地域から外しました');
  await expect(page.getByTestId('notice')).toContainText('戦略一覧に残っています');

  // ── Delete the region: the list keeps the towns and a region backup; restore it. ──
  await page.getByTestId('region-delete').click();
  await expect(page.getByTestId('regions')).toBeVisible();
  await expect(page.getByTestId('region-row')).toHaveCount(0);
  await expect(page.getByTestId('strategy-row')).toHaveCount(2);
  await expect(page.getByTestId('notice')).toContainText('地域を削除しました');
  const backup = page.getByTestId('region-backup-row');
  await expect(backup).toHaveCount(1);
  await expect(backup).toContainText('渡島ファイルテスト管内（改称）');
  await expect(backup).toContainText('市町村 1');
  await page.screenshot({ path: path.join(OUT, 'region-backups.png'), fullPage: true });
  await backup.getByTestId('region-backup-restore').click();
  await expect(page.getByTestId('region-row')).toHaveCount(1);
  await expect(page.getByTestId('region-backup-row')).toHaveCount(0);
  await expect(page.getByTestId('notice')).toContainText('地域を復元しました');
  await page.getByTestId('region-row').locator('a').click();
  await expect(page.getByTestId('town-row')).toHaveCount(1);

  // Deleted again, and its backup discarded for good.
  await page.getByTestId('region-delete').click();
  await expect(page.getByTestId('region-backup-row')).toHaveCount(1);
  await page.getByTestId('region-backup-discard').click();
  await expect(page.getByTestId('region-backup-row')).toHaveCount(0);
  await expect(page.getByTestId('region-row')).toHaveCount(0);
  await expect(page.getByTestId('strategy-row')).toHaveCount(2);

  expect(pageErrors).toEqual([]);
});
