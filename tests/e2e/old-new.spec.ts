// The 新旧対照表 between two versions, out of the app as a town hands it round: a goal's title
// changed mid-sentence, compared on 履歴, then the Word file (read back by JSZip and a plain
// reading of its XML, not by the writer: landscape, the header row repeated, the added words
// underlined and bold), the CSV, and the A4 landscape print page, looked at as a screenshot; and
// the 施策体系図 printed.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, SCREENSHOT_DIR } from './fixtures';
import { storedStrategyOfPage } from './stored';
import { retitleFirstGoalAndCompare } from './helpers';
import { cells, readDocx, rows as tableRows } from './docx';

test('新旧対照表: two versions compared on 履歴 leave as Word, CSV and an A4 print with the changes underlined', async ({ page, openApp, pageErrors, shot }) => {
  await retitleFirstGoalAndCompare(page, openApp);
  await expect(page.getByTestId('old-new-table')).toBeVisible();

  // Word: fetched through the document writer's part, read back as XML.
  const [docx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('old-new-docx').click()]);
  expect(docx.suggestedFilename()).toMatch(/^北本市_.*新旧対照表.*\.docx$/);
  const { xml } = await readDocx(docx);
  expect(xml).toContain('w:orient="landscape"');
  const rows = tableRows(xml);
  expect(rows[0]).toMatch(/<w:tblHeader ?\/>/);
  expect(cells(rows[0])).toEqual(['箇所', '改正後', '改正前', '備考']);
  const title = rows.find((r) => cells(r)[1]?.includes('みんなで'))!;
  expect(cells(title)[3]).toBe('変更');
  // The changed words as underlined, bold runs: in 改正後 only (nothing was taken out).
  const marked = [...title.matchAll(/<w:r>(?:(?!<\/w:r>)[\s\S])*?<\/w:r>/g)].map((r) => r[0])
    .filter((r) => /<w:u w:val="single" ?\/>/.test(r) && /<w:b ?\/>/.test(r))
    .map((r) => /<w:t(?: [^>]*)?>([^<]*)<\/w:t>/.exec(r)?.[1]);
  expect(marked).toEqual(['みんなで']);
  // Unchanged goals are left out.
  expect(rows).toHaveLength(2);

  // CSV: the same row, the change between 【】.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('old-new-csv').click()]);
  const text = fs.readFileSync((await csv.path())!, 'utf8');
  expect(text.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe('箇所,改正後,改正前,備考');
  expect(text).toContain('【みんなで】');

  // The print page: A4 landscape, the header in a <thead> (repeated on each printed page), the
  // change underlined and bold. Opened as the town opens it, and looked at.
  const [print] = await Promise.all([page.waitForEvent('download'), page.getByTestId('old-new-print').click()]);
  const html = fs.readFileSync((await print.path())!, 'utf8');
  expect(html).toContain('size:A4 landscape');
  const paper = await page.context().newPage();
  await paper.setViewportSize({ width: 1123, height: 794 });
  await paper.setContent(html);
  await expect(paper.locator('thead th')).toHaveText(['箇所', '改正後', '改正前', '備考']);
  await expect(paper.locator('tbody u strong')).toHaveText(['みんなで']);
  await paper.emulateMedia({ media: 'print' });
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await paper.screenshot({ path: path.join(SCREENSHOT_DIR, 'old-new-print.png'), fullPage: true });
  await paper.close();
  await shot('old-new-history');
  expect(pageErrors).toEqual([]);
});

test('施策体系図 (印刷用): a drawn figure per goal, named, with every measure and initiative as text', async ({ page, openApp, pageErrors, shot }) => {
  await openApp();
  await page.getByTestId('example-hokuto').click();
  const s = await storedStrategyOfPage(page);
  await page.evaluate((h) => (location.hash = h), `#/s/${s.id}/files`);
  await page.getByTestId('to-print-tree').click();
  const report = page.locator('[data-testid=print-report][data-report=tree]');
  await expect(report).toBeVisible();
  const figures = report.getByTestId('print-tree-figure');
  // A goal too tall for a page continues in another figure.
  await expect(figures.first()).toBeVisible();
  expect(await figures.count()).toBeGreaterThanOrEqual(s.goals.length);
  await expect(figures.first().locator('svg[role=img] > title')).toHaveText(/^施策体系図：/);
  const texts = (await report.locator('svg text').allTextContents()).join('').replace(/\s/g, '');
  for (const g of s.goals) for (const m of g.measures) expect(texts).toContain(m.title.replace(/\s/g, '').slice(0, 4));
  await page.emulateMedia({ media: 'print' });
  await shot('print-tree');
  expect(pageErrors).toEqual([]);
});
