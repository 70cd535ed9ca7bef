// The round's section workbooks (照会用のブック), in Chromium against the release build: the
// planning section opens a round for 令和6年度 on the 北本市 example, makes the workbooks (one zip),
// three sections' workbooks are filled with exceljs — a program that is not Shirube, as a
// section's Excel would be — one with a value typed into a locked column, and all three are read
// back at once: the preview lists each section's changes and the ignored value, the user takes
// it in and the stored strategy holds every value; each section is then 提出済, received in a
// workbook by the planning section, and can be confirmed. An answer that is not a number is listed with
// its cell and the rest of its workbook is taken. A workbook with a column moved is refused,
// saying where, and storage is unchanged.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { storedStrategyOfPage } from './stored';

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
const ANSWER = 10; // column J, 1-based as exceljs counts
const SECTIONS = ['シティプロモーション・広報課', 'こども課', '市民協働課'];

/** A workbook's rows: (row number, id, key). */
function rows(ws: ExcelJS.Worksheet): { row: number; id: string; key: string }[] {
  const out = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const id = String(ws.getCell(r, 1).value ?? '');
    if (id) out.push({ row: r, id, key: String(ws.getCell(r, 2).value ?? '') });
  }
  return out;
}

async function pick(page: Page, files: { name: string; buffer: Buffer }[]) {
  await page.getByTestId('books-pick').setInputFiles(files.map((f) => ({ ...f, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })));
  await expect(page.getByTestId('books-preview')).toBeVisible();
}

test('section workbooks: made as one zip, three filled by exceljs read back at once, previewed, taken in; a moved column refused', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./');
  await page.getByTestId('example-kitamoto').click();
  await page.getByTestId('nav-round').click();
  await expect(page.getByTestId('round-page')).toBeVisible();
  await page.getByTestId('who-i-am-select').selectOption({ label: '企画課など（全体を取りまとめる）' });
  await page.getByTestId('round-year').selectOption('2024');
  await page.getByTestId('round-deadline').fill('2025-04-25');
  await page.getByTestId('round-instructions').fill('4月25日までに「回答」列に記入して返してください。');
  await page.getByTestId('round-start').click();
  await expect(page.getByTestId('round-books')).toBeVisible();

  // 1. The workbooks, one zip, a workbook per section asked something, named by section.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('books-make').click()]);
  expect(download.suggestedFilename()).toBe('照会用のブック_北本市_令和6年度.zip');
  const zip = await JSZip.loadAsync(fs.readFileSync((await download.path())!));
  const names = Object.keys(zip.files);
  expect(names.length).toBeGreaterThanOrEqual(4);
  const book = async (section: string) => {
    const entry = zip.file(`照会_令和6年度_${section}.xlsx`);
    expect(entry, section).not.toBeNull();
    const b = new ExcelJS.Workbook();
    await b.xlsx.load(await entry!.async('nodebuffer'));
    return b;
  };

  // 2. Three sections fill their answers; the first also types into 目標値 (a locked column).
  const expected: { id: string; key: string; value: number | string }[] = [];
  const filled: { name: string; buffer: Buffer }[] = [];
  let n = 0;
  let badCell = '';
  for (const section of SECTIONS) {
    const b = await book(section);
    const ws = b.getWorksheet('回答')!;
    expect(ws.getCell(1, ANSWER).value).toBe('回答');
    expect(ws.getCell(2, 1).protection?.locked, 'the id is locked').not.toBe(false);
    expect(ws.getCell(2, ANSWER).protection?.locked, 'the answer is not').toBe(false);
    const all = rows(ws);
    for (const [at, { row, id, key }] of all.entries()) {
      // The last section's last answer is not a number: listed with its cell, the rest taken.
      if (section === SECTIONS[2] && at === all.length - 1 && key !== 'cause') {
        ws.getCell(row, ANSWER).value = 'たくさん';
        badCell = `回答!J${row}`;
        continue;
      }
      const value = key === 'cause' ? `要因分析 ${++n}` : 1000 + ++n + 0.5;
      ws.getCell(row, ANSWER).value = value;
      expected.push({ id, key, value });
    }
    if (section === SECTIONS[0]) ws.getCell(2, 7).value = '999';
    filled.push({ name: `${section}.xlsx`, buffer: Buffer.from(await b.xlsx.writeBuffer()) });
  }
  const before = await storedStrategyOfPage(page);

  // 3. Read back at once: the preview, per section; nothing stored yet.
  await pick(page, filled);
  await expect(page.getByTestId('books-reading')).toHaveCount(3);
  await expect(page.getByTestId('books-refused')).toHaveCount(0);
  await expect(page.getByTestId('books-change')).toHaveCount(expected.length);
  await expect(page.getByTestId('books-summary')).toContainText(`${expected.length} 件の値が変わります`);
  await expect(page.getByTestId('books-summary')).toContainText(`${SECTIONS.join('、')}の提出として記録します（ワークブックで受領）`);
  const first = page.getByTestId('books-reading').filter({ hasText: SECTIONS[0] });
  await expect(first.getByTestId('books-ignored')).toContainText('回答!G2（目標値の列）:「999」は企画課の列への記入のため、取り込みません。');
  await expect(first.getByTestId('books-change').first()).toContainText('→ 1,001.5');
  expect(badCell).not.toBe('');
  const last = page.getByTestId('books-reading').filter({ hasText: SECTIONS[2] });
  await expect(last.getByTestId('books-bad')).toHaveText(`${badCell}: 「たくさん」は数値として読めません。`);
  await page.getByTestId('books-preview').scrollIntoViewIfNeeded();
  await shot(page, 'round-books-preview');
  await page.getByTestId('books-preview').screenshot({ path: 'test-results/screenshots/round-books-preview-only.png' });
  expect(JSON.stringify((await storedStrategyOfPage(page)).indicators)).toBe(JSON.stringify(before.indicators));

  // 4. Taken in: every value stored, the locked column's not.
  await page.getByTestId('books-take').click();
  await expect(page.getByTestId('books-taken')).toContainText(`${expected.length} 件の値を取り込みました`);
  await expect(page.getByTestId('books-taken')).toContainText(`${SECTIONS.join('、')}の提出を記録しました（ワークブックで受領）`);
  await expect.poll(async () => {
    const s = await storedStrategyOfPage(page);
    return expected.every(({ id, key, value }) => {
      const ind = s.indicators.find((i: any) => i.id === id);
      if (key === 'cause') return (ind.analyses ?? []).some((a: any) => a.year === 2024 && a.text === value);
      const series = ind.series.find((x: any) => x.id === key);
      return (series.actuals ?? []).some((a: any) => a.year === 2024 && a.value === value);
    });
  }, { timeout: 10_000 }).toBe(true);
  const after = await storedStrategyOfPage(page);
  for (const ind of before.indicators) {
    const now = after.indicators.find((i: any) => i.id === ind.id);
    expect(now.series.map((x: any) => x.target), 'targets unchanged').toEqual(ind.series.map((x: any) => x.target));
  }

  // Each workbook taken in is its section's 提出, received by the person who took it in (the
  // planning section: no name given), though past the deadline; 確認 follows (at the end).
  for (const section of SECTIONS) {
    const row = page.getByTestId('round-status-row').filter({ hasText: section });
    await expect(row.getByTestId('round-status-standing')).toHaveText('提出済（ワークブックで受領: 企画課）');
    await expect(row.getByTestId('round-late')).toHaveCount(0);
    await expect(row.getByTestId('round-last-step')).toContainText('企画課（ワークブックで受領）');
  }

  // 5. A fourth section's workbook with a column moved (施策 and 事業 swapped): refused, saying
  //    where; nothing to take; storage unchanged.
  const tampered = await book('産業観光課');
  const ws = tampered.getWorksheet('回答')!;
  for (let r = 1; r <= ws.rowCount; r++) {
    const [c, d] = [ws.getCell(r, 3).value, ws.getCell(r, 4).value];
    ws.getCell(r, 3).value = d;
    ws.getCell(r, 4).value = c;
  }
  for (const { row } of rows(ws)) ws.getCell(row, ANSWER).value = 5;
  const stored = JSON.stringify(await storedStrategyOfPage(page));
  await pick(page, [{ name: 'moved.xlsx', buffer: Buffer.from(await tampered.xlsx.writeBuffer()) }]);
  await expect(page.getByTestId('books-refused')).toHaveText('回答!C1 の見出しが「施策」ではなく「事業」です（列が移動・追加・削除されました）。');
  await expect(page.getByTestId('books-take')).toBeDisabled();
  await page.getByTestId('books-preview').screenshot({ path: 'test-results/screenshots/round-books-refused.png' });
  await page.getByTestId('books-cancel').click();
  await expect(page.getByTestId('books-preview')).toHaveCount(0);
  expect(JSON.stringify(await storedStrategyOfPage(page))).toBe(stored);

  // 6. A section whose workbook was taken in is confirmed as one that submitted in the app.
  const received = page.getByTestId('round-status-row').filter({ hasText: SECTIONS[1] });
  await received.getByTestId('round-confirm').click();
  await expect(received.getByTestId('round-status-standing')).toHaveText('確認済');
});
