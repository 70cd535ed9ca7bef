// CSV for Excel on the files page (#/s/<id>/files), in Chromium against the release build:
// - export of the four CSV files from the 北本市 example: UTF-8 BOM, CRLF, the user's year
//   style, and a name typed as a formula (=HYPERLINK(…)) neutralised with a leading ';
// - round trip: actuals typed in the editor, exported (wide and long), undone, imported back
//   through the file input → the preview lists exactly those values → applied → the editor
//   shows them → one Undo takes the whole import back;
// - a Shift_JIS file as Japanese Excel saves it (made with iconv -t CP932), by code, with every
//   way of writing years and numbers;
// - refused rows and cells (unknown code, not a number, year outside the period, ambiguous
//   code, duplicate, missing series) with row, column letter and reason; applying changes only
//   the accepted cell;
// - files that cannot be read (UTF-16, unknown layout, unclosed quote, empty, no indicator
//   column) and a cancelled preview: the error is shown and localStorage is byte-for-byte
//   unchanged.
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { test, expect } from './fixtures';
import { dropFile, enter, savedStrategy, storageSnapshot } from './helpers';
import type { Download, Page } from '@playwright/test';

const BIRTHS = 'ind-8dd0c54e4a424cf0beb688bbe419ceff'; // 7-2 出生数
const HEALTH = 'ind-bf03bf1feb16424e9171683490a9ebe3'; // 2-2 65歳健康寿命 (男性 / 女性)
const PRODUCTION = 'ind-1bc64b092c0a4a33993c45f7addefd9b'; // 5-1 就業者一人あたり市内純生産
const EMISSIONS = 'ind-94a3ba68c12642138dc46988d0996fa1'; // 4-3 温室効果ガスの総排出量
const WOMEN = 'ind-b4c46422309340a583e1481eef97fa28'; // 7-1 25歳から34歳までの女性の社会増減
const BOM = [0xef, 0xbb, 0xbf];


/** An actual as stored. */
function act(year: number, value: number, provisional = false) {
  return { year, value, provisional, comment: '' };
}

function series(s: any, indicator: string, index = 0): any {
  return s.indicators.find((i: any) => i.id === indicator).series[index];
}

/** The 北本市 example, opened in the editor. */
async function kitamotoEditor(page: Page, openApp: () => Promise<void>) {
  await openApp();
  await page.getByTestId('example-kitamoto').click();
  await page.getByTestId('edit').click();
  await expect(page.getByTestId('editor')).toBeVisible();
}

async function selectIndicator(page: Page, name: string) {
  await page.getByTestId('outline-indicator').filter({ hasText: name }).first().click();
  await expect(page.getByTestId('indicator-heading')).toContainText(name);
}


/** From the editor (or the overview) to the files page. */
async function toFiles(page: Page) {
  if (await page.getByTestId('editor').isVisible()) {
    await page.getByTestId('nav-overview').click();
  }
  await page.getByTestId('nav-output').click();
  await expect(page.getByTestId('files-page')).toBeVisible();
}

async function toEditor(page: Page) {
  await page.getByTestId('files-page').getByTestId('edit').click();
  await expect(page.getByTestId('editor')).toBeVisible();
}

async function download(page: Page, testid: string): Promise<{ file: Download; bytes: Buffer; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const bytes = fs.readFileSync((await file.path())!);
  return { file, bytes, text: bytes.toString('utf8') };
}

async function pick(page: Page, name: string, content: string | Buffer) {
  const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  await page.getByTestId('csv-file').setInputFiles({ name, mimeType: 'text/csv', buffer });
}

/** The cells of each row of a preview table, whitespace squeezed. */
async function rows(page: Page, testid: string): Promise<string[][]> {
  return page.getByTestId(testid).locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim())),
  );
}

/** The row Excel shows for the first line of `text` that contains every part. */
function rowOf(text: string, ...parts: string[]): number {
  const lines = text.replace(/^\uFEFF/, '').split('\r\n');
  const i = lines.findIndex((l) => parts.every((p) => l.includes(p)));
  expect(i, `a line with ${parts.join(' ')}`).toBeGreaterThan(0);
  return i + 1;
}

function expectExcelFile(bytes: Buffer, text: string) {
  expect([...bytes.subarray(0, 3)]).toEqual(BOM);
  expect(text).toContain('\r\n');
  // Every line ends in CRLF (no name of the example holds a line break).
  expect(text.split('\r\n').filter((l) => l.includes('\n'))).toEqual([]);
  expect(text.endsWith('\r\n')).toBe(true);
}

test('export: four CSV files with BOM and CRLF, in the year style, formulas neutralised', async ({ page, openApp, pageErrors, shot }) => {
  await kitamotoEditor(page, openApp);
  await selectIndicator(page, '就業者一人あたり市内純生産');
  await enter(page, 'indicator-name', '=HYPERLINK("http://x")');
  await enter(page, 'actual-0-2023', '440.5');
  await selectIndicator(page, '出生数');
  await enter(page, 'actual-0-2024', '360');
  await page.getByTestId('provisional-0-2024').check();
  await savedStrategy(page);
  await toFiles(page);
  // The workbook first, then the five CSVs and the year's grant review.
  await expect(page.getByTestId('csv-export').getByRole('button')).toHaveCount(7);
  await expect(page.getByTestId('csv-export').getByRole('button').first()).toHaveAttribute('data-testid', 'export-xlsx');
  await expect(page.getByTestId('to-print-targets')).toHaveAttribute('href', /#\/s\/[^/]+\/print\/targets$/);
  await expect(page.getByTestId('to-print-sheets')).toHaveAttribute('href', /#\/s\/[^/]+\/print\/sheets$/);
  await shot('csv-files-page');

  const wide = await download(page, 'export-csv-wide');
  expect(wide.file.suggestedFilename()).toMatch(/^北本市_第2期北本市まち・ひと・しごと創生総合戦略_指標（横長）_\d{4}-\d{2}-\d{2}\.csv$/);
  await expect(page.getByTestId('notice')).toContainText(wide.file.suggestedFilename());
  expectExcelFile(wide.bytes, wide.text);
  const header = wide.text.replace(/^\uFEFF/, '').split('\r\n')[0];
  expect(header).toBe('指標ID,指標番号,指標名,系列,単位,当初値,当初値年度,目標値,目標年度,令和4年度,令和4年度 速報,令和5年度,令和5年度 速報,令和6年度,令和6年度 速報,令和7年度,令和7年度 速報,値の時点,出典,担当課');
  // The formula is text with a leading ' (and the quotes inside doubled by CSV quoting).
  expect(wide.text).toContain(`${PRODUCTION},5-1,"'=HYPERLINK(""http://x"")",,万円,431.5,平成30年度,438.3,,,,440.5,,,,,,年度,,産業観光課\r\n`);
  expect(wide.text).not.toMatch(/(^|,)"?=HYPERLINK/m);
  expect(wide.text).toContain(`${BIRTHS},7-2,出生数,,人,340,,380,,,,,,360,○,,,年度,,こども課\r\n`);

  const long = await download(page, 'export-csv-long');
  expect(long.file.suggestedFilename()).toMatch(/^北本市_.*_指標（縦長）_\d{4}-\d{2}-\d{2}\.csv$/);
  expectExcelFile(long.bytes, long.text);
  expect(long.text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('指標ID,指標番号,指標名,系列,単位,年度,区分,値,速報値,値の時点,出典,修正年度,修正日,修正理由,担当課');
  expect(long.text).toContain(`${PRODUCTION},5-1,"'=HYPERLINK(""http://x"")",,万円,令和5年度,実績,440.5,,年度,,,,,産業観光課\r\n`);
  expect(long.text).toContain(`${BIRTHS},7-2,出生数,,人,令和6年度,実績,360,○,年度,,,,,こども課\r\n`);

  for (const [testid, kind, head] of [
    ['export-csv-initiatives', '事業', '目標区分,目標番号,施策番号,施策名,事業番号,事業名,再掲,新規,事業区分,年度,予算額（千円）,決算額（千円）,方向性,実施計画,事業実績,担当課'],
    ['export-csv-evaluations', '施策評価', '目標区分,目標番号,施策番号,施策名,担当課,年度,評価の段階,評価,成果,課題,改善点及び方向性,次年度実施計画,補足,評価者,評価日'],
    ['export-csv-verdicts', '町の評価', '指標ID,指標番号,指標名,年度,町の評価,計算,計算と異なる,委員会の意見など'],
  ]) {
    const f = await download(page, testid);
    expect(f.file.suggestedFilename()).toMatch(new RegExp(`^北本市_.*_${kind}_\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    expect([...f.bytes.subarray(0, 3)]).toEqual(BOM);
    expect(f.text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(head);
  }

  // Western years when the user chose them.
  await page.getByTestId('year-style').click();
  const western = await download(page, 'export-csv-wide');
  expect(western.text.replace(/^\uFEFF/, '').split('\r\n')[0]).toContain('目標年度,2022,2022 速報,2023,2023 速報,2024,2024 速報,2025,2025 速報');
  expect(western.text).toContain(',431.5,2018,438.3,');

  // JSON export is here too.
  const json = await download(page, 'export-json');
  expect(json.file.suggestedFilename()).toMatch(/\.shirube\.json$/);
  expect(JSON.parse(json.text).strategy.indicators.find((i: any) => i.id === PRODUCTION).name).toBe('=HYPERLINK("http://x")');
  expect(pageErrors).toEqual([]);
});

test('round trip: exported actuals imported back (wide, then long), previewed, applied, undone in one step', async ({ page, openApp, pageErrors, shot }, testInfo) => {
  await kitamotoEditor(page, openApp);
  await selectIndicator(page, '出生数');
  await enter(page, 'actual-0-2023', '352');
  await enter(page, 'actual-0-2024', '360');
  await page.getByTestId('provisional-0-2024').check();
  await selectIndicator(page, '65歳健康寿命');
  await enter(page, 'actual-0-2022', '18.8');
  await enter(page, 'actual-1-2023', '21.1');
  await savedStrategy(page);
  await toFiles(page);
  const wide = await download(page, 'export-csv-wide');
  const long = await download(page, 'export-csv-long');
  await wide.file.saveAs(testInfo.outputPath(wide.file.suggestedFilename()));

  // Every edit undone: the actuals are empty again.
  await toEditor(page);
  const undo = page.getByTestId('undo');
  while (await undo.isEnabled()) await undo.click();
  await selectIndicator(page, '出生数');
  await expect(page.getByTestId('actual-0-2023')).toHaveValue('');
  await expect(page.getByTestId('actual-0-2024')).toHaveValue('');
  let s = await savedStrategy(page);
  expect(series(s, BIRTHS).actuals ?? []).toEqual([]);
  expect(series(s, HEALTH, 0).actuals ?? []).toEqual([]);
  expect(series(s, HEALTH, 1).actuals ?? []).toEqual([]);

  for (const [layout, file, words] of [['wide', wide, '横長（1行に1系列、年度が列）'], ['long', long, '縦長（1行に1つの値）']] as const) {
    await toFiles(page);
    const before = await storageSnapshot(page);
    await pick(page, `北本市_${layout}.csv`, file.bytes);
    const preview = page.getByTestId('csv-preview');
    await expect(preview).toBeVisible();
    await expect(page.getByTestId('csv-layout')).toHaveText(words);
    await expect(page.getByTestId('csv-change-count')).toHaveText('4 件');
    await expect(page.getByTestId('csv-refused-count')).toHaveText('0 件');
    // Every baseline and target in the file is what the strategy holds: unchanged.
    await expect(page.getByTestId('csv-unchanged')).toHaveText('32 件');
    await expect(page.getByTestId('csv-refused')).toHaveCount(0);
    await expect(page.getByTestId('csv-ignored')).toHaveCount(0);
    const r = (id: string, ...parts: string[]) => String(rowOf(file.text, id, ...parts));
    const births = layout === 'wide' ? [r(BIRTHS), r(BIRTHS)] : [r(BIRTHS, '令和5年度,実績'), r(BIRTHS, '令和6年度,実績')];
    const health = layout === 'wide' ? [r(HEALTH, '男性'), r(HEALTH, '女性')] : [r(HEALTH, '男性,年,令和4年度,実績'), r(HEALTH, '女性,年,令和5年度,実績')];
    expect(await rows(page, 'csv-changes')).toEqual([
      [births[0], '7-2 出生数', '—', '令和5年度', '実績', '—', '→', '352'],
      [births[1], '7-2 出生数', '—', '令和6年度', '実績', '—', '→', '360速報'],
      [health[0], '2-2 65歳健康寿命', '男性', '令和4年度', '実績', '—', '→', '18.8'],
      [health[1], '2-2 65歳健康寿命', '女性', '令和5年度', '実績', '—', '→', '21.1'],
    ]);
    if (layout === 'wide') await shot('csv-preview-wide');
    // Nothing is stored before the choice.
    expect(await storageSnapshot(page)).toEqual(before);

    await page.getByTestId('csv-apply').click();
    await expect(page.getByTestId('csv-applied')).toContainText('4 件の値を取り込みました');
    await expect(page.getByTestId('csv-preview')).toHaveCount(0);
    s = await savedStrategy(page);
    expect(series(s, BIRTHS).actuals).toEqual([act(2023, 352), act(2024, 360, true)]);
    expect(series(s, HEALTH, 0).actuals).toEqual([act(2022, 18.8)]);
    expect(series(s, HEALTH, 1).actuals).toEqual([act(2023, 21.1)]);

    // The editor shows the values; one Undo takes all four back.
    await page.getByTestId('csv-to-editor').click();
    await expect(page.getByTestId('editor')).toBeVisible();
    await selectIndicator(page, '出生数');
    await expect(page.getByTestId('actual-0-2023')).toHaveValue('352');
    await expect(page.getByTestId('actual-0-2024')).toHaveValue('360');
    await expect(page.getByTestId('provisional-0-2024')).toBeChecked();
    await selectIndicator(page, '65歳健康寿命');
    await expect(page.getByTestId('actual-0-2022')).toHaveValue('18.8');
    await expect(page.getByTestId('actual-1-2023')).toHaveValue('21.1');
    await expect(undo).toBeEnabled();
    await undo.click();
    await expect(page.getByTestId('actual-0-2022')).toHaveValue('');
    await expect(page.getByTestId('actual-1-2023')).toHaveValue('');
    await expect(undo).toBeDisabled();
    await selectIndicator(page, '出生数');
    await expect(page.getByTestId('actual-0-2023')).toHaveValue('');
    await expect(page.getByTestId('actual-0-2024')).toHaveValue('');
    s = await savedStrategy(page);
    expect(series(s, BIRTHS).actuals ?? []).toEqual([]);
    expect(series(s, HEALTH, 0).actuals ?? []).toEqual([]);
    expect(series(s, HEALTH, 1).actuals ?? []).toEqual([]);
  }

  // The undo button beside the result does the same, on the files page.
  await toFiles(page);
  await pick(page, 'again.csv', wide.bytes);
  await page.getByTestId('csv-apply').click();
  await expect(page.getByTestId('csv-applied')).toBeVisible();
  expect(series(await savedStrategy(page), BIRTHS).actuals).toHaveLength(2);
  await page.getByTestId('csv-undo').click();
  await expect(page.getByTestId('csv-undone')).toBeVisible();
  expect(series(await savedStrategy(page), BIRTHS).actuals ?? []).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test('a Shift_JIS file as Japanese Excel saves it, by code, imports', async ({ page, openApp, pageErrors, shot }) => {
  await kitamotoEditor(page, openApp);
  await toFiles(page);
  // "CSV (コンマ区切り)" from Japanese Excel: CP932, no BOM, CRLF, codes instead of ids, a
  // quoted cell with a line break, years as R5 / 令和6年度 / ２０２２ / 2023, numbers as
  // "1,234" / １８．８ / ▲12, a target with its year left empty.
  const utf8 = [
    '指標ID,指標番号,指標名,系列,単位,年度,区分,値,速報値',
    ',7-2,出生数,,人,R5,実績,352,',
    ',７－２,出生数,,人,令和6年度,実績,"1,234",○',
    ',2-2,"65歳健康寿命\n（男性・女性）",男性,年,２０２２,実績,１８．８,',
    ',2-2,65歳健康寿命,女性,年,2023,中間目標,21,',
    ',4-3,温室効果ガスの総排出量(市全体),,t-CO2,,目標,"250,000",',
    ',7-1,25歳から34歳までの女性の社会増減,,人,R4,実績,▲12,',
  ].join('\r\n') + '\r\n';
  const sjis = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'CP932'], { input: Buffer.from(utf8, 'utf8') });
  expect(() => new TextDecoder('utf-8', { fatal: true }).decode(sjis)).toThrow();
  expect([...sjis.subarray(0, 3)]).not.toEqual(BOM);

  await pick(page, 'Excelで保存.csv', sjis);
  await expect(page.getByTestId('csv-layout')).toHaveText('縦長（1行に1つの値）');
  await expect(page.getByTestId('csv-rows')).toHaveText('6 件');
  await expect(page.getByTestId('csv-refused-count')).toHaveText('0 件');
  expect(await rows(page, 'csv-changes')).toEqual([
    ['2', '7-2 出生数', '—', '令和5年度', '実績', '—', '→', '352'],
    ['3', '7-2 出生数', '—', '令和6年度', '実績', '—', '→', '1,234速報'],
    // The quoted line break does not start a new row, as in Excel.
    ['4', '2-2 65歳健康寿命', '男性', '令和4年度', '実績', '—', '→', '18.8'],
    ['5', '2-2 65歳健康寿命', '女性', '令和5年度', '中間目標', '—', '→', '21'],
    ['6', '4-3 温室効果ガスの総排出量(市全体)', '—', '—', '目標', '246,500', '→', '250,000'],
    ['7', '7-1 25歳から34歳までの女性の社会増減', '—', '令和4年度', '実績', '—', '→', '-12'],
  ]);
  await page.getByTestId('csv-apply').click();
  await expect(page.getByTestId('csv-applied')).toContainText('6 件の値を取り込みました');
  const s = await savedStrategy(page);
  expect(series(s, BIRTHS).actuals).toEqual([act(2023, 352), act(2024, 1234, true)]);
  expect(series(s, HEALTH, 0).actuals).toEqual([act(2022, 18.8)]);
  expect(series(s, HEALTH, 1).interim).toEqual([{ year: 2023, value: 21 }]);
  expect(series(s, EMISSIONS).target).toEqual({ kind: 'value', value: 250000 });
  expect(series(s, WOMEN).actuals).toEqual([act(2022, -12)]);
  await shot('csv-applied-sjis');
  expect(pageErrors).toEqual([]);
});

test("a town's own table: 「－」「調査中」 are no value, 「353※」 keeps its mark, 「(速報)」 is provisional; none refused", async ({ page, openApp, pageErrors, shot }) => {
  await kitamotoEditor(page, openApp);
  await toFiles(page);
  const text = [
    '指標ID,指標番号,指標名,系列,単位,令和4年度,令和5年度,令和6年度',
    ',7-2,出生数,,人,－,353※,340 (速報)',
    ',7-2,出生数,,人,,,',
    ',4-3,温室効果ガスの総排出量,,t-CO2,調査中,(未公表),…',
  ].join('\r\n');
  await pick(page, '町の表.csv', '\uFEFF' + text);
  await expect(page.getByTestId('csv-refused-count')).toHaveText('0 件');
  await expect(page.getByTestId('csv-change-count')).toHaveText('2 件');
  expect(await rows(page, 'csv-noted')).toEqual([
    ['2', 'F列「令和4年度」', '－', '値なし（何も書き込みません）'],
    ['2', 'G列「令和5年度」', '353※', '数値を取り込みます（実績ならば「※」をコメントに残します）'],
    ['2', 'H列「令和6年度」', '340 (速報)', '速報値として取り込みます'],
    ['4', 'F列「令和4年度」', '調査中', '値なし（何も書き込みません）'],
    ['4', 'G列「令和5年度」', '(未公表)', '値なし（何も書き込みません）'],
    ['4', 'H列「令和6年度」', '…', '値なし（何も書き込みません）'],
  ]);
  await shot('csv-preview-town-table');
  await page.getByTestId('csv-apply').click();
  const s = await savedStrategy(page);
  const births = s.indicators.find((i: any) => i.id === BIRTHS).series[0];
  expect(births.actuals.find((a: any) => a.year === 2023)).toMatchObject({ value: 353, comment: '※' });
  expect(births.actuals.find((a: any) => a.year === 2024)).toMatchObject({ value: 340, provisional: true });
  expect(pageErrors).toEqual([]);
});

test('refused rows and cells are listed with row, column and reason; only accepted cells change', async ({ page, openApp, pageErrors, shot }) => {
  await kitamotoEditor(page, openApp);
  await toFiles(page);
  const before = await savedStrategy(page);
  const text = [
    '指標ID,指標番号,指標名,系列,単位,年度,区分,値,速報値,備考',
    ',7-2,出生数,,人,R5,実績,352,,入力: 企画課',
    ',9-9,存在しない指標,,,R5,実績,1,,',
    ',7-2,出生数,,人,R6,実績,たくさん,,',
    ',5-1,就業者一人あたり市内純生産,,万円,R2,実績,400,,',
    ',3-1,市民参画手続きに参画した人数,,人,R5,実績,1800,,',
    ',7-2,出生数,,人,R5,実績,353,,',
    ',2-2,65歳健康寿命,,年,R5,実績,18,,',
    'ind-nope,1-1,,,,R5,実績,1,,',
    ',7-2,出生数,,人,令和5年度,見込み,1,,',
  ].join('\r\n');
  await pick(page, '確認用.csv', '\uFEFF' + text);
  await expect(page.getByTestId('csv-change-count')).toHaveText('1 件');
  await expect(page.getByTestId('csv-refused-count')).toHaveText('8 件');
  expect(await rows(page, 'csv-changes')).toEqual([['2', '7-2 出生数', '—', '令和5年度', '実績', '—', '→', '352']]);
  expect(await rows(page, 'csv-refused')).toEqual([
    ['3', 'B列「指標番号」', '指標番号「9-9」の指標はありません'],
    ['4', 'H列「値」', '「たくさん」は数値として読めません'],
    ['5', 'F列「年度」', '令和2年度 は計画期間の外です（新しい値は計画期間内の年度にだけ入れられます）'],
    ['6', 'B列「指標番号」', '指標番号「3-1」の指標が 2 つあります。指標ID の列でどれかを指定してください'],
    ['7', 'H列「値」', '同じ系列・区分・年度の値が 2 行目にもあります（2 行目の値を使います）'],
    ['8', 'D列「系列」', 'この指標には系列が複数あります。系列（男性・女性など）を指定してください'],
    ['9', 'A列「指標ID」', '指標ID「ind-nope」の指標はこの戦略にありません（別の戦略のファイルか、削除された指標です）'],
    ['10', 'G列「区分」', '区分「見込み」は 実績・目標・中間目標・当初値・修正前の目標 のどれでもありません'],
  ]);
  await expect(page.getByTestId('csv-ignored')).toHaveText('読まない列（取り込みません）: J列「備考」');
  await shot('csv-preview-refused');

  // The same in English.
  await page.getByTestId('language').click();
  await expect(page.getByTestId('csv-layout')).toHaveText('Long (one value per row)');
  await expect(page.getByTestId('csv-ignored')).toHaveText('Columns not read: J "備考"');
  expect((await rows(page, 'csv-refused')).map((r) => r.slice(1))).toEqual([
    ['B "指標番号"', "No indicator has the code '9-9'"],
    ['H "値"', "'たくさん' is not a number"],
    ['F "年度"', 'FY2020 is outside the plan period (new values can only be given for years in the period)'],
    ['B "指標番号"', "2 indicators have the code '3-1': give the 指標ID (indicator id) to say which"],
    ['H "値"', 'Row 2 already gives a value for this series, kind and year (the value of row 2 is used)'],
    ['D "系列"', 'This indicator has several series: give the 系列 (series, such as 男性 / 女性)'],
    ['A "指標ID"', "No indicator of this strategy has the id 'ind-nope' (a file of another strategy, or a deleted indicator)"],
    ['G "区分"', "区分 (kind) '見込み' is none of 実績 (actual), 目標 (target), 中間目標 (interim target), 当初値 (baseline), 修正前の目標 (earlier target)"],
  ]);
  await shot('csv-preview-refused-en');
  await page.getByTestId('csv-apply').click();
  await expect(page.getByTestId('csv-applied')).toContainText('1 value imported');
  await page.getByTestId('language').click();

  // Only the accepted cell changed.
  const after = await savedStrategy(page);
  expect(series(after, BIRTHS).actuals).toEqual([act(2023, 352)]);
  const births = after.indicators.findIndex((i: any) => i.id === BIRTHS);
  const expected = structuredClone(before);
  expected.indicators[births].series[0].actuals = [act(2023, 352)];
  expect(after).toEqual(expected);
  expect(pageErrors).toEqual([]);
});

test('a file that cannot be read shows why, and storage stays byte-for-byte the same', async ({ page, openApp, pageErrors, shot }) => {
  await kitamotoEditor(page, openApp);
  await toFiles(page);
  await savedStrategy(page);
  const before = await storageSnapshot(page);
  const cases: [string, Buffer | string, string][] = [
    ['utf16.csv', Buffer.from('\uFEFF指標ID,指標番号,年度,区分,値\r\n,7-2,R5,実績,352\r\n', 'utf16le'), '文字コードが UTF-8 でも Shift_JIS でもないため読めません'],
    ['budget.csv', '名前,金額\r\n北本,1\r\n', '指標の CSV（横長または縦長）として読めません。1行目の見出し: 「名前」「金額」'],
    ['quote.csv', '指標ID,指標番号,令和5年度\r\n,7-2,352\r\n,2-2,"18\r\n', '3 行目で始まる " で囲まれたセルが閉じられていません'],
    ['empty.csv', '', 'ファイルが空です'],
    ['no-id.csv', '指標名,令和5年度\r\n出生数,352\r\n', '指標を指定する列「指標ID」（または「指標番号」）がありません'],
    ['long-no-year.csv', '指標ID,区分,値\r\n,実績,352\r\n', '必要な列「年度」がありません'],
  ];
  for (const [name, content, message] of cases) {
    await pick(page, name, content);
    const error = page.getByTestId('csv-error');
    await expect(error).toContainText(`「${name}」は取り込めません。何も変わっていません。`);
    await expect(error).toContainText(message);
    await expect(page.getByTestId('csv-preview')).toHaveCount(0);
    if (name === 'budget.csv') await shot('csv-error-layout');
  }
  // A file that changes nothing: Import is disabled; long tables show 200 rows, then all.
  const unknown = Array.from({ length: 250 }, (_, i) => `,9-${i + 10},R5,実績,1`);
  await pick(page, 'nothing.csv', ['指標ID,指標番号,年度,区分,値', `${BIRTHS},7-2,,当初値,340`, ...unknown].join('\r\n'));
  await expect(page.getByTestId('csv-unchanged')).toHaveText('1 件');
  await expect(page.getByTestId('csv-refused-count')).toHaveText('250 件');
  await expect(page.getByTestId('csv-no-changes')).toBeVisible();
  await expect(page.getByTestId('csv-apply')).toBeDisabled();
  await expect(page.getByTestId('csv-refusal')).toHaveCount(200);
  await page.getByTestId('csv-show-all').click();
  await expect(page.getByTestId('csv-refusal')).toHaveCount(250);
  await expect(page.getByTestId('csv-refusal').last()).toContainText('指標番号「9-259」の指標はありません');
  await page.getByTestId('csv-cancel').click();
  // A preview that is cancelled changes nothing either.
  await pick(page, 'cancel.csv', `指標ID,指標番号,年度,区分,値\r\n${BIRTHS},7-2,R5,実績,352\r\n`);
  await expect(page.getByTestId('csv-change-count')).toHaveText('1 件');
  await page.getByTestId('csv-cancel').click();
  await expect(page.getByTestId('csv-cancelled')).toContainText('何も変わっていません');
  // Longer than the autosave delay: nothing was waiting to be written.
  await page.waitForTimeout(1000);
  await expect(page.getByTestId('save-state')).toHaveText('保存済み');
  expect(await storageSnapshot(page)).toEqual(before);
  expect(pageErrors).toEqual([]);
});

test('a CSV dropped on the window goes to the open strategy\'s CSV import; with none open, nothing changes', async ({ page, openApp, pageErrors, shot }) => {
  const text = '\ufeff指標ID,指標番号,指標名,系列,単位,年度,区分,値,速報値\r\n,7-2,出生数,,人,R5,実績,352,\r\n';
  await openApp();
  await page.getByTestId('example-kitamoto').click();
  await expect(page.getByTestId('nav-output')).toBeVisible();
  // On the list no strategy is open: told so, and storage is byte-for-byte the same.
  await page.goto('#/');
  await expect(page.getByTestId('example-kitamoto')).toBeVisible();
  const before = await storageSnapshot(page);
  await dropFile(page, '実績.csv', text, { type: 'text/csv' });
  await expect(page.getByTestId('notice')).toContainText('CSV は取り込んでいません: 実績.csv');
  await expect(page.getByTestId('notice')).toContainText('戦略を開いてから');
  await expect(page.getByTestId('preview-file')).toHaveCount(0);
  expect(await storageSnapshot(page)).toEqual(before);
  await shot('csv-drop-no-strategy');

  // On the overview: to the files page, with the CSV's preview (not the JSON import's) — known
  // by its name alone, in capitals as some Windows programs write it.
  await page.getByTestId('strategy-row').locator('a.strategy-title').first().click();
  await expect(page.getByTestId('nav-output')).toBeVisible();
  await dropFile(page, '実績.CSV', text, { type: '' });
  await expect(page).toHaveURL(/\/files$/);
  await expect(page.getByTestId('csv-layout')).toHaveText('縦長（1行に1つの値）');
  expect(await rows(page, 'csv-changes')).toEqual([['2', '7-2 出生数', '—', '令和5年度', '実績', '—', '→', '352']]);
  await expect(page.getByTestId('preview-file')).toHaveCount(0);
  await page.getByTestId('csv-apply').click();
  const s = await savedStrategy(page);
  expect(series(s, BIRTHS).actuals).toEqual([act(2023, 352)]);
  await shot('csv-drop-applied');
  expect(pageErrors).toEqual([]);
});
