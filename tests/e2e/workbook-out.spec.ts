// The committee's workbook, in Chromium against the release build: 「Excel ブック
// （.xlsx）」 on the files page writes one .xlsx through its lazily loaded part; the test reads
// the download with exceljs (a reader that is not the app's) and checks
// - for 北本市 and 北斗市: the three sheets, every KPI row's numbers against the strategy the app
//   stored (baseline, target, each year's actual and its 速報 mark), numbers as numbers in the
//   unit's format, 「5-1」 as text, frozen headers, A4 landscape one page wide;
// - for 北斗市: one measure's evaluation sheet against the app's own printed sheet (計 of the
//   settled cost, the rating, the 3-year plan's 計);
// - then the workbook opened through 「Excel・貼り付けから取り込む」: recognised without mapping,
//   its plan shows no change, and the storage is byte-for-byte unchanged.
// Screenshots of the files page and the recognised workbook, in Japanese and English.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { savedStrategy, storageSnapshot } from './helpers';

type Json = any;

/** 令和5年度 / 令和元年度 / 平成30年度 */
function fiscalYear(y: number): string {
  const [era, first] = y >= 2019 ? ['令和', 2019] : y >= 1989 ? ['平成', 1989] : ['昭和', 1926];
  const n = y - first + 1;
  return `${era}${n === 1 ? '元' : n}年度`;
}

async function openExampleFiles(page: Page, openApp: () => Promise<void>, key: string) {
  await openApp();
  await page.getByTestId(`example-${key}`).click();
  await page.getByTestId('nav-output').click();
  await expect(page.getByTestId('export-xlsx')).toBeVisible();
}

async function downloadWorkbook(page: Page): Promise<{ name: string; bytes: Buffer; book: ExcelJS.Workbook }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
  const bytes = fs.readFileSync((await file.path())!);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes);
  return { name: file.suggestedFilename(), bytes, book };
}

/** A cell's value as a plain value (a merged cell's is its master's). */
function value(ws: ExcelJS.Worksheet, row: number, col: number): unknown {
  const v = ws.getCell(row, col).value;
  return v !== null && typeof v === 'object' && 'richText' in (v as object) ? (v as any).richText.map((t: any) => t.text).join('') : v;
}

/** The KPI sheet's columns by header: each year's 実績 column, and the first columns by name. */
function kpiColumns(ws: ExcelJS.Worksheet): { named: Map<string, number>; years: Map<string, number> } {
  const named = new Map<string, number>();
  const years = new Map<string, number>();
  for (let c = 1; c <= ws.columnCount; c++) {
    const top = String(value(ws, 1, c) ?? '');
    const under = String(value(ws, 2, c) ?? '');
    if (under === '実績') years.set(top, c);
    else if (under !== '速報') named.set(top, c);
  }
  return { named, years };
}

function checkKpiSheet(ws: ExcelJS.Worksheet, s: Json) {
  const { named, years } = kpiColumns(ws);
  expect([...named.keys()].slice(0, 9)).toEqual(['指標ID', '指標番号', '指標名', '系列', '単位', '当初値', '当初値年度', '目標値', '目標年度']);
  expect(ws.getColumn(1).hidden, 'the 指標ID column is hidden').toBe(true);
  expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 2 });
  expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  // Every series has its row, found by its id and label, with the app's numbers.
  const rowOf = new Map<string, number>();
  for (let r = 3; r <= ws.rowCount; r++) rowOf.set(`${value(ws, r, 1)}|${value(ws, r, 4) ?? ''}`, r);
  let numbers = 0;
  for (const i of s.indicators) {
    for (const x of i.series) {
      const r = rowOf.get(`${i.id}|${x.label ?? ''}`);
      expect(r, `${i.name} ${x.label ?? ''}: its row`).toBeDefined();
      expect(value(ws, r!, named.get('指標番号')!) ?? '').toBe(i.code ?? '');
      expect(value(ws, r!, named.get('指標名')!)).toBe(i.name);
      const baseline = ws.getCell(r!, named.get('当初値')!);
      if (x.baseline) {
        expect(baseline.value, `${i.name}: 当初値`).toBe(x.baseline.value);
        if (i.unit) expect(baseline.numFmt, `${i.name}: the unit's format`).toContain(`"${i.unit}"`);
        numbers++;
      } else {
        expect(baseline.value ?? '').toBe('');
      }
      if (x.target?.kind === 'value') expect(value(ws, r!, named.get('目標値')!)).toBe(x.target.value);
      for (const a of x.actuals ?? []) {
        const c = years.get(fiscalYear(a.year));
        expect(c, `the column of ${fiscalYear(a.year)}`).toBeDefined();
        expect(value(ws, r!, c!), `${i.name} ${a.year}`).toBe(a.value);
        expect(value(ws, r!, c! + 1) ?? '', `${i.name} ${a.year} 速報`).toBe(a.provisional ? '○' : '');
        numbers++;
      }
    }
  }
  return numbers;
}

test('北本市 and 北斗市: the workbook holds the app’s numbers, prints on A4 and comes back unchanged', async ({ page, openApp, pageErrors, shot }) => {
  for (const key of ['kitamoto', 'hokuto']) {
    await openExampleFiles(page, openApp, key);
    const s = await savedStrategy(page);
    const { name, bytes, book } = await downloadWorkbook(page);
    expect(name).toMatch(new RegExp(`^${s.municipality.name}_.*\\.xlsx$`));
    expect(bytes.subarray(0, 2).toString('latin1'), 'a zip').toBe('PK');
    await expect(page.getByRole('status').filter({ hasText: '書き出しました' })).toBeVisible();
    expect(book.worksheets.map((w) => w.name)).toEqual(['数値目標・KPI', '施策評価シート', '予算・決算']);
    const kpis = book.getWorksheet('数値目標・KPI')!;
    const numbers = checkKpiSheet(kpis, s);
    if (key === 'kitamoto') expect(numbers, 'kitamoto: numbers were compared').toBeGreaterThan(10);
    // 「5-1」 (北本市) is text, not 5月1日.
    if (key === 'kitamoto') {
      const codes = [];
      for (let r = 3; r <= kpis.rowCount; r++) codes.push(kpis.getCell(r, 2).value);
      expect(codes).toContain('5-1');
      expect(codes.every((c) => c === null || typeof c === 'string')).toBe(true);
    }
    for (const ws of book.worksheets) {
      expect(ws.pageSetup, ws.name).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
    }
    if (key === 'kitamoto') await shot('workbook-export-ja');

    if (key === 'hokuto') {
      // One measure's evaluation sheet against the app's printed sheet of the same year.
      const sheets = book.getWorksheet('施策評価シート')!;
      await page.getByTestId('to-print-sheets').click();
      const printed = page.getByTestId('sheet').filter({ has: page.getByTestId('sheet-settled-total').filter({ hasText: /\d/ }) }).first();
      await expect(printed).toBeVisible();
      const title = ((await printed.getByTestId('sheet-title').textContent()) ?? '').replace(/【重点施策】/, '').replace(/\s+/g, ' ').replace(/^主要施策 /, '').trim();
      const settled = ((await printed.getByTestId('sheet-settled-total').textContent()) ?? '').trim();
      const rating = ((await printed.getByTestId('sheet-rating').textContent()) ?? '').trim();
      const budget = ((await printed.getByTestId('sheet-budget-total').textContent()) ?? '').trim();
      let start = 0;
      for (let r = 1; r <= sheets.rowCount; r++) if (String(value(sheets, r, 1) ?? '').startsWith(`主要施策 ${title}`)) { start = r; break; }
      expect(start, `the workbook's sheet of ${title}`).toBeGreaterThan(0);
      const rowOf = (label: string) => { for (let r = start; r <= sheets.rowCount; r++) if (value(sheets, r, 1) === label) return r; return 0; };
      const totals = rowOf('計');
      expect(Number(value(sheets, totals, 5)).toLocaleString('en-US'), `計 of ${title}`).toBe(settled);
      expect(String(value(sheets, rowOf('評価'), 2) ?? '') || '—').toBe(rating);
      const planTotal = rowOf('補足') - 1;
      expect(value(sheets, planTotal, 1)).toBe('計');
      const planBudget = value(sheets, planTotal, 3);
      expect(planBudget === '' || planBudget === null ? '—' : Number(planBudget).toLocaleString('en-US')).toBe(budget);
      await page.goBack();
      await expect(page.getByTestId('table-import')).toBeVisible();
    }

    // The workbook opened through the table import: recognised, nothing to change.
    const before = await storageSnapshot(page);
    await page.getByTestId('table-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: bytes });
    await expect(page.getByTestId('table-own')).toBeVisible();
    const preview = page.getByTestId('table-preview');
    await expect(preview).toBeVisible();
    await expect(page.getByTestId('table-new-count')).toHaveText('0 件');
    await expect(page.getByTestId('table-matched-count')).toHaveText(`${s.indicators.reduce((n: number, i: Json) => n + i.series.length, 0)} 件`);
    await expect(preview.getByTestId('csv-change-count')).toHaveText('0 件');
    await expect(preview.getByTestId('csv-refused-count')).toHaveText('0 件');
    if (key === 'kitamoto') {
      await shot('workbook-back-in-ja');
      await page.getByTestId('language').click();
      await expect(page.getByTestId('table-own')).toContainText('A table Shirube wrote');
      await expect(page.getByTestId('export-xlsx')).toHaveText('Excel workbook (.xlsx)');
      await shot('workbook-back-in-en');
      await page.getByTestId('language').click();
    }
    await page.getByTestId('table-cancel').click();
    expect(await storageSnapshot(page)).toEqual(before);
  }
  expect(pageErrors).toEqual([]);
});
