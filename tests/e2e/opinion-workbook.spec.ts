// A hearing's opinions from a workbook made for it (意見記入用のブック), in Chromium against the
// release build: on 北本市's 策定 page a パブリックコメント with two opinions pasted in, its workbook
// made (the recorded opinions by id in a hidden column, rows for new ones, a 対応 drop-down) and
// filled with exceljs — a program that is not Shirube, as the town's Excel would be —: the first
// opinion answered, two new ones added, one row with a 対応 of no known word. Read back: the
// preview lists what is added, answered and not taken (with its cell), nothing is stored before
// 取り込む, then the opinions are there; read in again, nothing is added twice. A workbook with a
// column moved is refused, saying where, and storage is unchanged.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { storedStrategyOfPage } from './stored';

// Columns as exceljs counts them (1-based): A id, B 番号, C 意見, D 要旨, E 該当箇所, F 提出者, G 対応, H 市の考え方.
const [ID, NUMBER, TEXT, PLACE, SENDER, RESPONSE, ANSWER] = [1, 2, 3, 5, 6, 7, 8];
const HEADER = 3;

async function pick(page: Page, name: string, b: ExcelJS.Workbook) {
  const buffer = Buffer.from(await b.xlsx.writeBuffer());
  await page.getByTestId('opinion-book-pick').setInputFiles({ name, buffer, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  await expect(page.getByTestId('opinion-book-preview')).toBeVisible();
}

test('a hearing\'s workbook: made with its opinions by id, filled by exceljs, previewed, taken in; a moved column refused', async ({ page, openApp, pageErrors, shot }) => {
  test.slow();
  await openApp();
  await page.getByTestId('example-kitamoto').click();
  await page.getByTestId('nav-drafting').click();
  await page.getByTestId('hearing-body').selectOption('public_comment');
  await page.getByTestId('hearing-add').click();
  const hearing = page.getByTestId('hearing');
  await hearing.getByText('Excelから貼り付ける').click();
  await page.getByTestId('opinions-paste').fill('番号\t意見\t提出者\n1\t図書館の開館時間を延ばしてほしい\t市民A\n2\t駅前に駐輪場を\t市民B');
  await page.getByTestId('opinions-paste').blur();
  await page.getByTestId('opinions-take').click();
  await expect(page.getByTestId('opinion')).toHaveCount(2);
  await expect.poll(async () => (await storedStrategyOfPage(page)).opinions?.length ?? 0).toBe(2);

  // 1. The workbook: the two opinions by id (hidden column A), the header under the instructions.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('opinion-book-make').click()]);
  expect(download.suggestedFilename()).toBe('意見記入用_案_パブリックコメント.xlsx');
  const bytes = fs.readFileSync((await download.path())!);
  const load = async () => {
    const b = new ExcelJS.Workbook();
    await b.xlsx.load(bytes);
    return b;
  };
  const book = await load();
  const ws = book.getWorksheet('意見')!;
  expect(String(ws.getCell(2, 2).value)).toContain('1行に1件の意見を記入します');
  expect([1, 2, 3, 4, 5, 6, 7, 8].map((c) => ws.getCell(HEADER, c).value)).toEqual(['ID', '番号', '意見（原文）', '要旨', '該当箇所', '提出者（公開しません）', '対応', '市の考え方']);
  expect(ws.getColumn(ID).hidden, 'the id column is hidden').toBe(true);
  const stored = await storedStrategyOfPage(page);
  expect(ws.getCell(HEADER + 1, ID).value).toBe(stored.opinions[0].id);
  expect(ws.getCell(HEADER + 2, TEXT).value).toBe('駅前に駐輪場を');
  expect(ws.getCell(HEADER + 1, ANSWER).protection?.locked, 'the answer is open').toBe(false);
  expect((ws.getCell(HEADER + 1, RESPONSE) as any).dataValidation?.formulae?.[0]).toContain('修正する');

  // 2. Filled: the first answered, two new opinions, one row with a 対応 of no known word.
  ws.getCell(HEADER + 1, RESPONSE).value = '修正する';
  ws.getCell(HEADER + 1, ANSWER).value = '開館時間の延長を施策に加えます。';
  ws.getCell(HEADER + 3, NUMBER).value = 3;
  ws.getCell(HEADER + 3, TEXT).value = '子ども食堂への支援を';
  ws.getCell(HEADER + 3, SENDER).value = '市民C';
  ws.getCell(HEADER + 4, TEXT).value = '公民館のWi-Fi';
  ws.getCell(HEADER + 4, PLACE).value = '全体';
  ws.getCell(HEADER + 5, TEXT).value = '財源について';
  ws.getCell(HEADER + 5, RESPONSE).value = '検討中';
  const before = JSON.stringify((await storedStrategyOfPage(page)).opinions);

  // 3. Read back: the preview; nothing stored yet.
  await pick(page, '記入済み.xlsx', book);
  await expect(page.getByTestId('opinion-book-summary')).toHaveText('新しい意見 2 件を加え、記録済みの意見 1 件の回答・内容を変えます（変わらない意見 1 件）。取り込めない行が 1 行あります（ほかの行は取り込みます）。');
  await expect(page.getByTestId('opinion-book-add')).toHaveText(['6行目: 3 子ども食堂への支援を', '7行目: 公民館のWi-Fi（全体）']);
  await expect(page.getByTestId('opinion-book-edit')).toHaveText('4行目（番号 1）: 対応 （空欄） → 修正する、市の考え方 （空欄） → 開館時間の延長を施策に加えます。');
  await expect(page.getByTestId('opinion-book-bad')).toHaveText('意見!G8: 対応「検討中」が読めません（修正する・原案のとおり・参考とする・その他）。この行は取り込みません。');
  await page.getByTestId('opinion-book-preview').scrollIntoViewIfNeeded();
  await shot('opinion-book-preview');
  await page.getByTestId('opinion-book').screenshot({ path: 'test-results/screenshots/opinion-book-preview-only.png' });
  expect(JSON.stringify((await storedStrategyOfPage(page)).opinions)).toBe(before);

  // 4. Taken in: four opinions, the first answered, the new sender kept internal.
  await page.getByTestId('opinion-book-take').click();
  await expect(page.getByTestId('opinion-book-taken')).toHaveText('意見 2 件を加え、1 件を変えました（元に戻すで取り消せます）。');
  await expect(page.getByTestId('opinion')).toHaveCount(4);
  await expect(page.getByTestId('hearing-counts')).toContainText('意見 4件');
  await expect.poll(async () => (await storedStrategyOfPage(page)).opinions?.length ?? 0).toBe(4);
  const after = (await storedStrategyOfPage(page)).opinions;
  expect([after[0].response, after[0].answer]).toEqual(['revise', '開館時間の延長を施策に加えます。']);
  expect([after[2].number, after[2].text, after[2].sender]).toEqual(['3', '子ども食堂への支援を', '市民C']);

  // The same workbook read in again: nothing is added twice; the rows it added are listed.
  await pick(page, '記入済み.xlsx', book);
  await expect(page.getByTestId('opinion-book-add')).toHaveCount(0);
  await expect(page.getByTestId('opinion-book-bad')).toContainText('意見!C6: この意見は記録済みです');
  await expect(page.getByTestId('opinion-book-take')).toBeDisabled();
  await page.getByTestId('opinion-book-cancel').click();

  // 5. A workbook with 要旨 and 該当箇所 swapped: refused, saying where; nothing changes.
  const moved = await load();
  const mws = moved.getWorksheet('意見')!;
  for (let r = HEADER; r <= mws.rowCount; r++) {
    const [d, e] = [mws.getCell(r, 4).value, mws.getCell(r, 5).value];
    mws.getCell(r, 4).value = e;
    mws.getCell(r, 5).value = d;
  }
  mws.getCell(HEADER + 3, TEXT).value = '取り込まれない意見';
  const storedNow = JSON.stringify(await storedStrategyOfPage(page));
  await pick(page, 'moved.xlsx', moved);
  await expect(page.getByTestId('opinion-book-refused')).toHaveText('意見!D3 の見出しが「要旨」ではなく「該当箇所」です（列が移動・追加・削除されました）。');
  await expect(page.getByTestId('opinion-book-take')).toBeDisabled();
  await page.getByTestId('opinion-book-preview').scrollIntoViewIfNeeded();
  await page.getByTestId('opinion-book').screenshot({ path: 'test-results/screenshots/opinion-book-refused.png' });
  await page.getByTestId('opinion-book-cancel').click();
  await expect(page.getByTestId('opinion-book-preview')).toHaveCount(0);
  await expect(page.getByTestId('opinion')).toHaveCount(4);
  expect(JSON.stringify(await storedStrategyOfPage(page))).toBe(storedNow);
  expect(pageErrors).toEqual([]);
});
