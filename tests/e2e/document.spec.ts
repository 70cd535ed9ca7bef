// The strategy document on A4 (#/s/<id>/print/document), made from the outline the Word document
// is written from: 北本市's, its title with the stage, the headings in the Word file's order, a
// 数値目標・KPI table per use with its header in <thead>, the drawn 施策体系図, each 基本目標 on a new
// page — printed to PDF and looked at. And the 新旧対照表 across two strategies on 履歴: the next
// period's against the previous period's (offered first as 「前期：…」, carried KPIs matched through
// their origin), out as Word, CSV and print naming both; an unrelated strategy refused in words.
import fs from 'node:fs';
import { test, expect } from './fixtures';
import { storedStrategyOfPage } from './stored';
import { savedStrategy } from './helpers';
import { paragraphs, readDocx } from './docx';
import { hasPoppler, onlyPaper, printPdf } from './pdf';

test('the strategy document on A4 says what the Word document says, each goal on a new page', async ({ page, openApp, pageErrors, shot }) => {
  test.slow();
  await openApp();
  await page.getByTestId('example-kitamoto').click();
  const s = await storedStrategyOfPage(page);
  await page.getByTestId('nav-drafting').click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('drafting-document-docx').click()]);
  const word = paragraphs((await readDocx(file)).xml).filter((p) => p.style === 'Title' || p.style.startsWith('Heading')).map((p) => p.text);

  await page.getByTestId('drafting-document-print').click();
  const report = page.locator('[data-testid=print-report][data-report=document]');
  await expect(report).toBeVisible();
  await expect(report.getByTestId('doc-title')).toHaveText(`${s.title}（案）`);
  // The same headings, in the same order, as the Word file.
  const printed = await report.locator('[data-testid=doc-title], [data-testid=doc-heading]').allTextContents();
  expect(printed).toEqual(word);
  expect(printed[1]).toBe('第1　基本的な考え方');
  expect(printed).toContain('第2　基本目標ごとの施策');
  expect(printed).toContain('施策体系図');
  // Each goal once, each starting a printed page.
  const goals = report.locator('h3.doc-goal');
  await expect(goals).toHaveCount(s.goals.length);
  expect(await goals.first().evaluate((e) => getComputedStyle(e).breakBefore)).toBe('page');
  // The tables: a header in <thead> (repeated on each printed page), a row per series.
  const tables = report.getByTestId('doc-indicators');
  const uses = s.goals.reduce((n: number, g: any) => n + (g.targets.length ? 1 : 0) + g.measures.filter((m: any) => m.kpis.length).length, 0);
  await expect(tables).toHaveCount(uses);
  await expect(tables.first().locator('thead th')).toHaveText(['指標', '基準値', '目標値', '目標年度']);
  expect(await tables.first().locator('thead').evaluate((e) => getComputedStyle(e).display)).toBe('table-header-group');
  // The 施策体系図 drawn, a figure per goal at least.
  expect(await report.getByTestId('print-tree-figure').count()).toBeGreaterThanOrEqual(s.goals.length);
  // Offered on 出力 too.
  await page.getByTestId('print-back').click();
  await expect(page.getByTestId('to-print-document')).toBeVisible();
  await page.getByTestId('to-print-document').click();
  await expect(report).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await shot('print-document');
  // On A4 (test-results/print/kitamoto-document-*.png): the goals on pages of their own.
  if (hasPoppler()) {
    const pdf = await printPdf(page, 'kitamoto-document');
    onlyPaper(pdf.pages);
    expect(pdf.pages.length).toBeGreaterThan(s.goals.length);
    // pdftotext may give CJK radicals for some kanji (⽬ for 目): compared after NFKC.
    const plain = (t: string) => t.normalize('NFKC').replace(/\s+/g, '');
    for (const g of s.goals) {
      const heading = plain(`${g.number}${g.title}`);
      expect(pdf.pages.some((p) => plain(p).slice(0, heading.length + 8).includes(heading)), `a page opens with ${g.title}`).toBe(true);
    }
  }
  // 北斗市's has measures: a heading each, with its 基本的方向 and KPI table.
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => { location.hash = '#/'; });
  await page.getByTestId('example-hokuto').click();
  const h = await storedStrategyOfPage(page);
  await page.evaluate((hash) => { location.hash = hash; }, `#/s/${h.id}/print/document`);
  await expect(report.getByTestId('doc-title')).toContainText('北斗市');
  const measures = h.goals.reduce((n: number, g: any) => n + g.measures.length, 0);
  await expect(report.locator('h4')).toHaveCount(measures);
  await expect(report.locator('.doc-caption', { hasText: '【基本的方向】' }).first()).toBeVisible();
  if (hasPoppler()) await printPdf(page, 'hokuto-document');
  expect(pageErrors).toEqual([]);
});

test('新旧対照表 across two periods: 前期 offered first, carried KPIs matched, both named in Word, CSV and print; an unrelated strategy is refused', async ({ page, openApp, pageErrors, shot }) => {
  test.slow();
  await openApp();
  await page.getByTestId('example-kitamoto').click();
  const old = await savedStrategy(page);
  await page.getByTestId('nav-edit').click();
  await page.getByTestId('outline-strategy').click();
  await page.getByTestId('next-period-start').click();
  await page.getByTestId('next-period-make').click();
  await expect(page.getByTestId('strategy-title')).toHaveText('第3期北本市まち・ひと・しごと創生総合戦略');
  const next = await savedStrategy(page);

  await page.getByTestId('nav-history').click();
  const chooser = page.getByTestId('old-new-old');
  const options = chooser.locator('option');
  await expect(options.first()).toHaveText(`前期：${old.title}`);
  await expect(chooser).toHaveValue(`s${old.id}`);
  await page.getByTestId('old-new-run').click();
  const table = page.getByTestId('old-new-table');
  await expect(table).toBeVisible();
  // The title changed 第2期 → 第3期; no carried indicator listed as new (matched through its
  // origin; its target, not carried, is listed as 削除).
  const title = table.locator('tbody tr').filter({ hasText: '第3期' }).first();
  await expect(title.locator('td').last()).toHaveText('変更');
  for (const ind of next.indicators) {
    const rows = table.locator('tbody tr').filter({ hasText: `指標「${ind.name}」` });
    expect(await rows.locator('td:last-child').allTextContents(), ind.name).not.toContain('新設');
  }
  await shot('old-new-across-periods');

  const both = (text: string) => {
    expect(text).toContain(next.title);
    expect(text).toContain(`前期：${old.title}`);
  };
  const [docx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('old-new-docx').click()]);
  both(paragraphs((await readDocx(docx)).xml).map((p) => p.text).join('\n'));
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('old-new-csv').click()]);
  expect(fs.readFileSync((await csv.path())!, 'utf8')).toContain('第【3】期北本市');
  const [print] = await Promise.all([page.waitForEvent('download'), page.getByTestId('old-new-print').click()]);
  both(fs.readFileSync((await print.path())!, 'utf8'));

  // 北斗市's strategy has nothing in common with 北本市's: said in words, no table.
  await page.evaluate(() => { location.hash = '#/'; });
  await page.getByTestId('example-hokuto').click();
  await expect(page.getByTestId('strategy-title')).toContainText('北斗市');
  await page.getByTestId('nav-history').click();
  const other = chooser.locator('option').filter({ hasText: next.title });
  await expect(other).toHaveText(`別の戦略：${next.title}`);
  await chooser.selectOption({ label: `別の戦略：${next.title}` });
  await page.getByTestId('old-new-run').click();
  await expect(page.getByTestId('old-new-refused')).toContainText('この二つは別の戦略です');
  await expect(page.getByTestId('old-new-table')).toHaveCount(0);
  await shot('old-new-unrelated');
  expect(pageErrors).toEqual([]);
});
