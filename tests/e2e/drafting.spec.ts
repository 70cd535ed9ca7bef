// The drafting round's opinions (意見聴取) on 策定, as a planning officer records a パブリックコメント:
// the hearing added for the draft's stage, twelve opinions pasted from Excel cells with one broken
// row (listed with its row, nothing else lost), two gathered into one answer, every opinion
// answered (one 修正する with what was changed), the counts, and 「意見と市の考え方」 as CSV with
// no sender's name in it. And the whole round on 北本市's 素案: the hearing, the answers, a measure
// the move to 案 (the 素案 kept by name in 履歴 and offered first by the 新旧対照表), a measure added
// to the 案 because of one opinion (so that 素案 → 案 shows it), 「意見と市の考え方」 as .docx (unzipped here with jszip) and CSV, the print page,
// and the public folder's page of its own — axe-clean, and no sender's name in any file.
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import JSZip from 'jszip';
import { test, expect } from './fixtures';
import { storedStrategyOfPage } from './stored';
import { retitleFirstGoalAndCompare } from './helpers';
import { paragraphs as docxParagraphs, readDocx } from './docx';
import type { Page } from '@playwright/test';

const SENDER = (n: number) => `提出者${n}号`;
/** What Excel puts on the clipboard for the town's table of opinions: a header, twelve rows, and a
 *  cell's unquoted line break after the fourth (a row whose 番号 is text). */
const PASTED = [
  '番号\t該当箇所\t意見\t提出者',
  ...Array.from({ length: 12 }, (_, i) => `${i + 1}\t基本目標1\t意見${i + 1}：公園と子育ての場を増やしてほしい\t${SENDER(i + 1)}`),
].flatMap((row, i) => (i === 4 ? [row, '特に駅の近くに\t\t\t'] : [row])).join('\n');

/** The records of a CSV (quoted fields may hold commas, quotes and line breaks). */
function csvRecords(text: string): string[][] {
  const out: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { record.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field); out.push(record); record = []; field = '';
    } else field += c;
  }
  if (field !== '' || record.length > 0) { record.push(field); out.push(record); }
  return out;
}

async function answer(page: Page, n: number, response: string, text: string) {
  const row = page.getByTestId('opinion').nth(n);
  await row.getByTestId('opinion-response').selectOption(response);
  await page.getByTestId('opinion').nth(n).getByTestId('opinion-answer').fill(text);
  await page.getByTestId('opinion').nth(n).getByTestId('opinion-answer').blur();
}

test('a パブリックコメント on the draft: twelve opinions pasted, one broken row listed, two gathered, all answered, out as CSV without senders', async ({ page, openApp, pageErrors, shot }) => {
  test.slow();
  await openApp();
  await page.getByTestId('example-kitamoto').click();
  await page.getByTestId('nav-drafting').click();
  await expect(page.getByTestId('drafting-page')).toBeVisible();

  // The hearing, on the strategy's stage (北本市's example is at 案).
  await page.getByTestId('hearing-body').selectOption('public_comment');
  await page.getByTestId('hearing-when').fill('令和8年12月');
  await page.getByTestId('hearing-when').blur();
  await page.getByTestId('hearing-add').click();
  const hearing = page.getByTestId('hearing');
  await expect(hearing).toHaveCount(1);
  await expect(hearing).toContainText('パブリックコメント');

  // Pasted from Excel: the plan says what is taken and which row is not, before anything changes.
  await hearing.getByText('Excelから貼り付ける').click();
  await page.getByTestId('opinions-paste').fill(PASTED);
  await page.getByTestId('opinions-paste').blur();
  await expect(page.getByTestId('opinions-plan')).toHaveText('取り込む意見 12件、読めない行 1行');
  await expect(page.getByTestId('opinions-broken')).toContainText('6行目');
  expect((await storedStrategyOfPage(page)).opinions ?? []).toHaveLength(0);
  await shot('drafting-paste-plan');
  await page.getByTestId('opinions-take').click();
  await expect(page.getByTestId('opinion')).toHaveCount(12);

  // Two gathered into one answer.
  await page.getByTestId('opinion').nth(1).getByTestId('opinion-choose').check();
  await page.getByTestId('opinion').nth(2).getByTestId('opinion-choose').check();
  await page.getByTestId('opinions-gather').click();
  await expect(page.getByTestId('opinion-gathered')).toHaveCount(2);

  // Every opinion answered; the first changes the draft.
  await answer(page, 0, 'revise', '施策1-1に公園の整備を加えます。');
  await page.getByTestId('opinion').nth(0).getByTestId('opinion-change').fill('施策1-1の本文に「公園の整備」を追加');
  await page.getByTestId('opinion').nth(0).getByTestId('opinion-change').blur();
  await answer(page, 1, 'as_drafted', '二つのご意見は原案の施策で対応します。');
  // The gathered one shares that answer.
  await expect(page.getByTestId('opinion').nth(2).getByTestId('opinion-answer')).toHaveValue('二つのご意見は原案の施策で対応します。');
  for (let n = 3; n < 12; n++) await answer(page, n, 'reference', `今後の参考とします（${n + 1}）。`);
  await expect(page.getByTestId('hearing-counts')).toContainText('意見 12件');
  await expect(page.getByTestId('hearing-counts')).not.toContainText('未回答');
  await shot('drafting-answered');

  // Stored once the autosave has run.
  await expect.poll(async () => (await storedStrategyOfPage(page)).opinions?.length ?? 0).toBe(12);
  const stored = await storedStrategyOfPage(page);
  expect(stored.opinions[0].sender).toBe(SENDER(1));

  // 「意見と市の考え方」: the gathered pair as one row, every answer, no sender.
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('opinions-csv').click()]);
  const text = fs.readFileSync((await file.path())!, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const records = csvRecords(text.replace(/^\uFEFF/, ''));
  expect(records[0]).toEqual(['番号', '該当箇所', '意見（要旨）', '対応', '市の考え方']);
  // Twelve opinions, the gathered two in one record with their numbers and texts.
  expect(records).toHaveLength(1 + 11);
  const pair = records.find((r) => r[0] === '2、3')!;
  expect(pair[2]).toContain('意見2：');
  expect(pair[2]).toContain('意見3：');
  expect(pair[3]).toBe('原案のとおり');
  expect(text).toContain('施策1-1に公園の整備を加えます。');
  expect(text).toContain('二つのご意見は原案の施策で対応します。');
  for (let n = 1; n <= 12; n++) expect(text).not.toContain(SENDER(n));
  expect(pageErrors).toEqual([]);
});

test('「戦略の文書を作る（Word）」 downloads the strategy as a .docx: the title with its stage, real headings, every goal once, tables', async ({ page, openApp, pageErrors }) => {
  await openApp();
  await page.getByTestId('example-kitamoto').click();
  await page.getByTestId('nav-drafting').click();
  const strategy = await storedStrategyOfPage(page);
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('drafting-document-docx').click()]);
  expect(file.suggestedFilename()).toMatch(/^北本市_.*\.docx$/);
  // Read back by a zip reader that is not the writer.
  const { zip, xml } = await readDocx(file);
  const paragraphs = docxParagraphs(xml);
  const title = paragraphs.find((p) => p.style === 'Title')!;
  expect(title.text).toBe(`${strategy.title}（案）`);
  const h1 = paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text);
  expect(h1[0]).toContain('基本的な考え方');
  expect(h1[1]).toContain('基本目標ごとの施策');
  const h2 = paragraphs.filter((p) => p.style === 'Heading2').map((p) => p.text);
  for (const g of strategy.goals) expect(h2.filter((t) => t.includes(g.title)), g.title).toHaveLength(1);
  // A 数値目標 table per goal, and the 施策体系図 drawn: a group of Word shapes per goal.
  expect(xml.match(/<w:tbl>/g)!.length).toBeGreaterThanOrEqual(strategy.goals.length);
  expect(xml.match(/<wpg:wgp>/g)!.length).toBe(strategy.goals.length);
  // Each table's header row repeats on every page.
  expect((xml.match(/<w:tblHeader ?\/>/g) ?? []).length).toBeGreaterThanOrEqual(strategy.goals.length);
  const styles = await zip.file('word/styles.xml')!.async('string');
  expect(styles).toContain('w:styleId="Heading1"');
  expect(pageErrors).toEqual([]);
});

test('新旧対照表 on 履歴: a goal\'s title changed mid-sentence shows as 変更 with the changed words underlined, and leaves as CSV', async ({ page, openApp, pageErrors, shot }) => {
  await retitleFirstGoalAndCompare(page, openApp);
  const table = page.getByTestId('old-new-table');
  await expect(table).toBeVisible();
  const row = table.locator('tbody tr').filter({ hasText: 'みんなで' });
  await expect(row).toHaveCount(1);
  await expect(row.locator('td').last()).toHaveText('変更');
  // 改正後 | 改正前: only the new words are marked, in the new column.
  await expect(row.locator('td').nth(0).locator('u strong')).toHaveText('みんなで');
  await expect(row.locator('td').nth(1).locator('u')).toHaveCount(0);
  await shot('old-new-table');
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('old-new-csv').click()]);
  const text = fs.readFileSync((await file.path())!, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe('箇所,改正後,改正前,備考');
  expect(text).toContain('【みんなで】');
  expect(pageErrors).toEqual([]);
});

test('北本市\'s 素案 through its パブリックコメント to 案: answers out as Word, CSV, print and a public page, the 素案 kept by name, no sender anywhere', async ({ page, openApp, pageErrors, shot }) => {
  test.slow();
  await openApp();
  await page.getByTestId('example-kitamoto').click();
  // The town drafts its 素案 (the example is at 案): the editor's stage moves as the 策定 page's does.
  await page.getByTestId('nav-edit').click();
  await page.getByTestId('stage').selectOption('draft');
  await expect(page.getByTestId('notice')).toContainText('段階を「素案」にしました');
  await page.getByTestId('nav-drafting').click();
  await expect(page.getByTestId('drafting-stage').nth(2)).toHaveAttribute('aria-current', 'step');

  // The パブリックコメント on the 素案, its period, and twelve opinions pasted from Excel.
  await page.getByTestId('hearing-body').selectOption('public_comment');
  await page.getByTestId('hearing-add').click();
  const hearing = page.getByTestId('hearing');
  await expect(hearing.getByTestId('hearing-stage')).toContainText('「素案」への意見');
  await hearing.getByTestId('hearing-from').fill('2026-12-01');
  await hearing.getByTestId('hearing-from').blur();
  await hearing.getByTestId('hearing-to').fill('2027-01-05');
  await hearing.getByTestId('hearing-to').blur();
  await hearing.getByText('Excelから貼り付ける').click();
  await page.getByTestId('opinions-paste').fill(PASTED);
  await page.getByTestId('opinions-paste').blur();
  // The broken row is listed with its row; the twelve others are taken.
  await expect(page.getByTestId('opinions-broken')).toContainText('6行目');
  await page.getByTestId('opinions-take').click();
  await expect(page.getByTestId('opinion')).toHaveCount(12);
  await page.getByTestId('opinion').nth(4).getByTestId('opinion-choose').check();
  await page.getByTestId('opinion').nth(5).getByTestId('opinion-choose').check();
  await page.getByTestId('opinions-gather').click();
  await expect(page.getByTestId('opinion-gathered')).toHaveCount(2);
  await answer(page, 0, 'revise', '基本目標1に公園の整備の施策を加えます。');
  await page.getByTestId('opinion').nth(0).getByTestId('opinion-change').fill('基本目標1に施策「公園と子育ての場の整備」を追加');
  await page.getByTestId('opinion').nth(0).getByTestId('opinion-change').blur();
  for (let n = 1; n < 12; n++) if (n !== 5) await answer(page, n, n === 4 ? 'as_drafted' : 'reference', `市の考え方${n + 1}`);
  await expect(page.getByTestId('hearing-counts')).toHaveText('意見 12件（12人） · 修正する 1 · 原案のとおり 2 · 参考とする 9');

  // A hearing and an opinion are deleted only after a question (and cancelling keeps them).
  await page.getByTestId('opinion').nth(11).getByTestId('opinion-delete').click();
  await expect(page.getByTestId('opinion-delete-question')).toContainText('この意見を削除します');
  await page.getByTestId('opinion-delete-no').click();
  await expect(page.getByTestId('opinion')).toHaveCount(12);
  await page.getByTestId('hearing-add').click();
  await expect(page.getByTestId('hearing')).toHaveCount(2);
  await page.getByTestId('hearing').nth(1).getByTestId('hearing-delete').click();
  await expect(page.getByTestId('hearing-delete-question')).toContainText('意見 0件');
  await page.getByTestId('hearing-delete-yes').click();
  await expect(page.getByTestId('hearing')).toHaveCount(1);
  await shot('drafting-round-answered');

  // To 案: asked first; the 素案 as it stood is kept in 履歴 under its name.
  await page.getByTestId('nav-drafting').click();
  await page.getByTestId('drafting-next-stage').click();
  await expect(page.getByTestId('drafting-next-stage-question')).toContainText('履歴に残すもの：今の「素案」');
  await page.getByTestId('drafting-next-stage-yes').click();
  await expect(page.getByTestId('drafting-stage').nth(3)).toHaveAttribute('aria-current', 'step');
  await expect(page.getByTestId('hearing-stage')).toContainText('「素案」への意見');
  await expect.poll(async () => (await storedStrategyOfPage(page)).stage).toBe('proposal');
  // The 案 made: the measure the first opinion asked for, added under 基本目標1.
  await page.getByTestId('nav-edit').click();
  await page.getByTestId('outline-goal').first().click();
  await page.getByTestId('add-measure').click();
  await page.getByTestId('measure-title').fill('公園と子育ての場の整備');
  await page.getByTestId('measure-title').blur();
  await expect(page.getByTestId('save-state')).toHaveText('保存済み');

  await page.getByTestId('nav-history').click();
  // Both moves kept the stage left: the 案 of the example (to 素案 in the editor), then the 素案;
  // the version the パブリックコメント heard is listed by its hearing's name.
  await expect(page.getByTestId('version-name').filter({ hasText: /^(案|素案)（令和\d+年\d+月）/ })).toHaveCount(2);
  await expect(page.getByTestId('version-name').filter({ hasText: 'パブリックコメントで示した素案' })).toHaveCount(1);
  const named = page.getByTestId('version-name').first();
  await expect(named).toContainText(/^素案（令和\d+年\d+月）/);
  const label = (await named.textContent())!.split(' ・ ')[0];
  // The 新旧対照表 offers the version heard first (the 素案 shown at the パブリックコメント), then
  // the 素案 kept by name; from the one heard, 素案 → 案 shows the measure added.
  const olds = page.getByTestId('old-new-old').locator('option');
  await expect(olds.first()).toContainText('パブリックコメントで示した素案');
  await expect(olds.filter({ hasText: label }).first()).toBeAttached();
  await page.getByTestId('old-new-run').click();
  await expect(page.getByTestId('old-new-table')).toContainText('公園と子育ての場の整備');
  await shot('drafting-history-named');

  // 「意見と市の考え方」 as Word: the figures, the table, the gathered pair in one row, no sender.
  await page.getByTestId('nav-drafting').click();
  const [docx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('opinions-docx').click()]);
  expect(docx.suggestedFilename()).toMatch(/^北本市_.*意見と市の考え方\.docx$/);
  const { zip: word, xml: body } = await readDocx(docx);
  const paragraphs = docxParagraphs(body);
  const texts = paragraphs.map((p) => p.text);
  expect(paragraphs[0]).toEqual({ style: 'Title', text: expect.stringContaining('（素案）に対する意見と市の考え方') });
  expect(paragraphs.find((p) => p.style === 'Heading1')?.text).toBe('素案に対するパブリックコメント');
  for (const line of ['意見募集期間：令和8年12月1日～令和9年1月5日', '提出者数：12人', '意見件数：12件', '5、6', '修正する', '（修正内容）基本目標1に施策「公園と子育ての場の整備」を追加', '基本目標1に公園の整備の施策を加えます。']) {
    expect(texts, line).toContain(line);
  }
  expect(texts.filter((t) => t.startsWith('・意見'))).toHaveLength(2);
  const everything = (await Promise.all(Object.values(word.files).map((f) => f.async('string')))).join('');
  for (let n = 1; n <= 12; n++) expect(everything).not.toContain(SENDER(n));

  // And as CSV: eleven answers, the 修正 with its answer, no sender.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('opinions-csv').click()]);
  const text = fs.readFileSync((await csv.path())!, 'utf8');
  const records = csvRecords(text.replace(/^\uFEFF/, ''));
  expect(records).toHaveLength(1 + 11);
  expect(records[1]).toEqual(['1', expect.stringContaining('基本目標1'), expect.stringContaining('意見1：'), '修正する\n（修正内容）基本目標1に施策「公園と子育ての場の整備」を追加', '基本目標1に公園の整備の施策を加えます。']);
  for (let n = 1; n <= 12; n++) expect(text).not.toContain(SENDER(n));

  // The print page: one sheet, its figures and eleven rows.
  await page.getByTestId('opinions-print').click();
  await expect(page.getByTestId('print-opinion-sheet')).toHaveCount(1);
  await expect(page.getByTestId('print-opinion-figures')).toContainText('意見件数：12件');
  await expect(page.getByTestId('print-opinion-row')).toHaveCount(11);
  await expect(page.getByTestId('print-opinion-row').first()).toContainText('（修正内容）基本目標1に施策「公園と子育ての場の整備」を追加');
  await shot('drafting-opinions-print');

  // The public folder: a page of its own with the counts and the table, axe-clean; no sender anywhere.
  await page.getByTestId('nav-output').click();
  const [zipped] = await Promise.all([page.waitForEvent('download'), page.getByTestId('publish-make').click()]);
  const zip = await JSZip.loadAsync(fs.readFileSync((await zipped.path())!));
  const files = new Map<string, Buffer>();
  for (const entry of Object.values(zip.files).filter((e) => !e.dir)) {
    const body = await entry.async('nodebuffer');
    for (let n = 1; n <= 12; n++) expect(body.toString('utf8'), entry.name).not.toContain(SENDER(n));
    files.set(entry.name.split('/').slice(1).join('/'), body);
  }
  const opinions = files.get('opinions.html')!.toString('utf8');
  expect(opinions).toContain('意見件数：12件');
  expect(opinions).toContain('提出者数：12人');
  expect(opinions).toContain('<p>（修正内容）基本目標1に施策「公園と子育ての場の整備」を追加</p>');
  expect(opinions).not.toContain('<script');
  expect(files.get('index.html')!.toString('utf8')).toContain('href="opinions.html"');
  // Served as a town's site serves it (scripts forbidden), then scanned by axe.
  const server = http.createServer((req, res) => {
    const body = files.get(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).slice(1));
    if (!body) return void res.writeHead(404).end();
    const type = req.url?.endsWith('.css') ? 'text/css' : 'text/html; charset=utf-8';
    res.writeHead(200, { 'Content-Type': type, 'Content-Security-Policy': "script-src 'none'" }).end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/opinions.html`);
  await expect(page.locator('h1')).toHaveText('意見と市の考え方');
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await shot('drafting-public-opinions');
  await new Promise((ok) => server.close(ok));
  expect(pageErrors).toEqual([]);
});
