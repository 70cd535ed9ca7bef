// A town's own table and outline on the files page, in Chromium against the release
// build:
// - a workbook in the town's own layout (src/format/table/fixtures/kpi.xlsx: a title, a
//   two-row header with the year merged over 実績/目標, the goal merged down its rows) opened
//   into the 北本市 example → the mapping shows the proposed roles → one column's role changed
//   → the preview lists the new indicators (under the goals their rows name) and the values →
//   applied → the editor shows the values → one Undo takes it all back;
// - cells pasted from Excel: the clipboard's HTML table (with a rowspan), or only its
//   tab-separated text → the mapping has the right columns, the preview the right rows;
// - an outline pasted from Word (seed 000's, src/format/outline/fixtures) into a blank strategy
//   → the proposed tree → 作成する → the overview lists 4 goals;
// - the same sheet as an Excel 97-2003 workbook (fixtures/kpi-town.xls) imported the
//   same way, its new indicators checked value by value in storage;
// - a bad workbook (random bytes named .xlsx, a damaged .xls) is refused with its message, and
//   the storage is byte-for-byte unchanged;
// - cells pasted into an indicator's year rows in the editor: a row of actuals from Excel's
//   text (「－」 no value, 速報, a word refused by its cell), then years with their interim
//   targets from its HTML; one Undo takes a paste back.
// Screenshots of the mapping and the preview, in Japanese and English.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { enter, savedStrategy, storageSnapshot } from './helpers';
import { REPO_ROOT, SCREENSHOT_DIR } from './paths';

const TABLE_FIXTURES = path.join(REPO_ROOT, 'src/format/table/fixtures');
const OUTLINE = path.join(REPO_ROOT, 'src/format/outline/fixtures/hokuto_goals_000.txt');

/** The 北本市 example's files page. */
async function kitamotoFiles(page: Page, openApp: () => Promise<void>) {
  await openApp();
  await page.getByTestId('example-kitamoto').click();
  await page.getByTestId('nav-output').click();
  await expect(page.getByTestId('table-import')).toBeVisible();
}

async function pickWorkbook(page: Page, name: string, buffer: Buffer) {
  await page.getByTestId('table-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
}

/** A paste on the paste area, as the browser fires it, with what the clipboard holds. */
async function paste(page: Page, data: { html?: string; text: string }) {
  await page.getByTestId('table-paste').evaluate((el, data) => {
    const dt = new DataTransfer();
    if (data.html) dt.setData('text/html', data.html);
    dt.setData('text/plain', data.text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, data);
}

/** The cells of each row of a table, whitespace squeezed. */
async function rows(page: Page, testid: string): Promise<string[][]> {
  return page.getByTestId(testid).locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim())),
  );
}

/** Each column's role, as its dropdown's value, by column letter. */
async function roles(page: Page, letters: string[]): Promise<string[]> {
  return Promise.all(letters.map((l) => page.getByTestId(`table-role-${l}`).inputValue()));
}

/** A section's own screenshot beside the full page's (the full page is too tall to read). */
async function sectionShot(page: Page, testid: string, name: string) {
  await page.getByTestId(testid).screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-section.png`) });
}

async function toggleLanguage(page: Page, to: 'en' | 'ja') {
  await page.getByTestId('language').click();
  await expect(page.getByTestId('language')).toHaveText(to === 'en' ? '日本語' : 'English');
}

test('a town’s workbook: roles proposed, one changed, previewed, applied as one undo step', async ({ page, openApp, pageErrors, shot }) => {
  await kitamotoFiles(page, openApp);
  const start = await savedStrategy(page);
  const before = await storageSnapshot(page);

  await pickWorkbook(page, 'KPI実績_令和5年度.xlsx', fs.readFileSync(path.join(TABLE_FIXTURES, 'kpi.xlsx')));
  await expect(page.getByTestId('table-mapping')).toBeVisible();
  // The header under the title: rows 3–4 (the year merged over 実績/目標), five body rows.
  await expect(page.getByTestId('table-header-first')).toHaveValue('3');
  await expect(page.getByTestId('table-header-last')).toHaveValue('4');
  await expect(page.getByTestId('table-header-row')).toHaveCount(2);
  await expect(page.getByTestId('table-sample-row')).toHaveCount(5);
  await expect(page.getByTestId('table-sample-row').first()).toContainText('新規雇用者数');
  expect(await roles(page, ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'])).toEqual([
    'goal', 'name', 'unit', 'baseline', 'actual-2022', 'interim-2022', 'actual-2023', 'interim-2023',
  ]);
  await expect(page.getByTestId('table-role-E').locator('option:checked')).toHaveText('実績（令和4年度）');
  await expect(page.getByTestId('table-remembered')).toHaveCount(0);
  await shot('table-mapping-ja');
  await sectionShot(page, 'table-mapping', 'table-mapping-ja');

  // 令和5年度 目標 (column H) is not to be read.
  await page.getByTestId('table-role-H').selectOption('ignore');
  await expect(page.getByTestId('table-role-H')).toHaveValue('ignore');
  await page.getByTestId('table-check').click();
  const preview = page.getByTestId('table-preview');
  await expect(preview).toBeVisible();
  await expect(page.getByTestId('table-new-count')).toHaveText('5 件');
  await expect(page.getByTestId('table-matched-count')).toHaveText('0 件');
  await expect(preview.getByTestId('csv-change-count')).toHaveText('18 件');
  await expect(preview.getByTestId('csv-refused-count')).toHaveText('0 件');
  const goal1 = '基本目標 1 稼ぐ産業と安定した雇用を創出する';
  const goal2 = '基本目標 2 新しい人の流れとつながりをつくる';
  expect(await rows(page, 'table-new-indicators')).toEqual([
    ['5', '', '新規雇用者数', '人', goal1],
    ['6', '', '創業件数', '件', goal1],
    ['7', '', '観光入込客数', '千人', goal1],
    ['8', '', '転入者数', '人', goal2],
    ['9', '', '移住相談件数', '件', goal2],
  ]);
  const changes = await rows(page, 'csv-changes');
  expect(changes).toHaveLength(18);
  expect(changes).toContainEqual(['5', '新規雇用者数', '—', '令和4年度', '実績', '—', '→', '130']);
  expect(changes).toContainEqual(['5', '新規雇用者数', '—', '令和5年度', '実績', '—', '→', '1,234']);
  expect(changes.filter((c) => c[3] === '令和5年度' && c[4] === '中間目標')).toEqual([]);
  // 「－」 read as no value, 「2,408※」 as a number with its mark, naming the sheet's columns.
  expect(await rows(page, 'csv-noted')).toEqual([
    ['6', 'G列「令和5年度 実績」', '－', '値なし（何も書き込みません）'],
    ['7', 'E列「令和4年度 実績」', '2,408※', '数値を取り込みます（実績ならば「※」をコメントに残します）'],
  ]);
  // Nothing is stored before the choice.
  expect(await storageSnapshot(page)).toEqual(before);
  await shot('table-preview-ja');
  await sectionShot(page, 'table-preview', 'table-preview-ja');

  // The same in English.
  await toggleLanguage(page, 'en');
  await expect(page.getByTestId('table-role-E').locator('option:checked')).toContainText('Actual');
  await expect(page.getByTestId('table-preview')).toContainText('Check before importing');
  await page.getByTestId('table-mapping').scrollIntoViewIfNeeded();
  await shot('table-mapping-en');
  await sectionShot(page, 'table-mapping', 'table-mapping-en');
  await page.getByTestId('table-preview').scrollIntoViewIfNeeded();
  await shot('table-preview-en');
  await sectionShot(page, 'table-preview', 'table-preview-en');
  await toggleLanguage(page, 'ja');

  await page.getByTestId('table-apply').click();
  await expect(page.getByTestId('table-applied')).toContainText('新しい指標 5 件と 18 件の値を取り込みました');
  await expect(page.getByTestId('table-preview')).toHaveCount(0);
  await expect(page.getByTestId('table-mapping')).toHaveCount(0);
  let s = await savedStrategy(page);
  expect(s.indicators).toHaveLength(start.indicators.length + 5);
  const jobs = s.indicators.find((i: any) => i.name === '新規雇用者数');
  expect(jobs.unit).toBe('人');
  expect(jobs.series[0].actuals.map((a: any) => [a.year, a.value])).toEqual([[2022, 130], [2023, 1234]]);
  expect(s.goals.find((g: any) => g.number === '1' && g.kind !== 'cross_cutting').targets).toContain(jobs.id);

  // The editor shows the new indicator's values; one Undo takes the whole import back.
  await page.getByTestId('files-page').getByTestId('edit').click();
  await expect(page.getByTestId('editor')).toBeVisible();
  await page.getByTestId('outline-indicator').filter({ hasText: '新規雇用者数' }).first().click();
  await expect(page.getByTestId('indicator-heading')).toContainText('新規雇用者数');
  await expect(page.getByTestId('actual-0-2022')).toHaveValue('130');
  await expect(page.getByTestId('actual-0-2023')).toHaveValue(/^1,?234$/);
  const undo = page.getByTestId('undo');
  await undo.click();
  await expect(undo).toBeDisabled();
  await expect(page.getByTestId('outline-indicator').filter({ hasText: '新規雇用者数' })).toHaveCount(0);
  s = await savedStrategy(page);
  expect(s.indicators).toHaveLength(start.indicators.length);
  expect(s.goals.map((g: any) => g.targets)).toEqual(start.goals.map((g: any) => g.targets));

  // The mapping was remembered for this layout: the same workbook again says so, with H ignored.
  await page.getByTestId('nav-overview').click();
  await page.getByTestId('nav-output').click();
  await pickWorkbook(page, 'KPI実績_令和6年度.xlsx', fs.readFileSync(path.join(TABLE_FIXTURES, 'kpi.xlsx')));
  await expect(page.getByTestId('table-remembered')).toBeVisible();
  expect(await roles(page, ['B', 'H'])).toEqual(['name', 'interim-2023']);
  await page.getByTestId('table-cancel-mapping').click();
  await expect(page.getByTestId('table-cancelled')).toContainText('何も変わっていません');
  expect(pageErrors).toEqual([]);
});

// An .xls is read (by the patched calamine of vendor/calamine), not refused.
test('an Excel 97-2003 workbook (.xls): read, previewed and applied; its values stored one by one', async ({ page, openApp, pageErrors, shot }) => {
  await kitamotoFiles(page, openApp);
  const start = await savedStrategy(page);
  const before = await storageSnapshot(page);

  await pickWorkbook(page, 'KPI実績_令和5年度.xls', fs.readFileSync(path.join(TABLE_FIXTURES, 'kpi-town.xls')));
  await expect(page.getByTestId('table-mapping')).toBeVisible();
  await expect(page.getByTestId('table-header-first')).toHaveValue('3');
  await expect(page.getByTestId('table-header-last')).toHaveValue('4');
  await expect(page.getByTestId('table-sample-row')).toHaveCount(5);
  expect(await roles(page, ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'])).toEqual([
    'goal', 'name', 'unit', 'baseline', 'actual-2022', 'interim-2022', 'actual-2023', 'interim-2023',
  ]);
  await page.getByTestId('table-role-H').selectOption('ignore');
  await page.getByTestId('table-check').click();
  const preview = page.getByTestId('table-preview');
  await expect(preview).toBeVisible();
  await expect(page.getByTestId('table-new-count')).toHaveText('5 件');
  await expect(preview.getByTestId('csv-change-count')).toHaveText('18 件');
  await expect(preview.getByTestId('csv-refused-count')).toHaveText('0 件');
  expect(await storageSnapshot(page)).toEqual(before);
  await shot('table-xls-preview-ja');
  await sectionShot(page, 'table-preview', 'table-xls-preview-ja');

  await page.getByTestId('table-apply').click();
  await expect(page.getByTestId('table-applied')).toContainText('新しい指標 5 件と 18 件の値を取り込みました');
  const s = await savedStrategy(page);
  expect(s.indicators).toHaveLength(start.indicators.length + 5);
  const goalOf = (id: string) => s.goals.find((g: any) => g.targets.includes(id))?.number;
  // name, unit, goal, baseline, actuals [year, value], interim targets [year, value]
  const expected: [string, string, string, number, number[][], number[][]][] = [
    ['新規雇用者数', '人', '1', 120, [[2022, 130], [2023, 1234]], [[2022, 140]]],
    ['創業件数', '件', '1', 5, [[2022, -12]], [[2022, 8]]],
    ['観光入込客数', '千人', '1', 2380, [[2022, 2408], [2023, 2610.5]], [[2022, 2500]]],
    ['転入者数', '人', '2', 850, [[2022, 861], [2023, 880]], [[2022, 900]]],
    ['移住相談件数', '件', '2', 40, [[2022, 52]], [[2022, 60]]],
  ];
  for (const [name, unit, goal, baseline, actuals, interim] of expected) {
    const found = s.indicators.filter((i: any) => i.name === name && !start.indicators.some((o: any) => o.id === i.id));
    expect(found, name).toHaveLength(1);
    const [indicator] = found;
    expect([indicator.unit, goalOf(indicator.id), indicator.series.length], name).toEqual([unit, goal, 1]);
    const series = indicator.series[0];
    expect(series.baseline?.value, name).toBe(baseline);
    expect(series.actuals.map((a: any) => [a.year, a.value]), name).toEqual(actuals);
    expect(series.interim.map((v: any) => [v.year, v.value]), name).toEqual(interim);
  }
  // 「2,408※」: the number, its mark kept as the actual's comment.
  const tourists = s.indicators.find((i: any) => i.name === '観光入込客数' && !start.indicators.some((o: any) => o.id === i.id));
  expect(tourists.series[0].actuals[0].comment).toContain('※');
  // Nothing else changed: the strategy's other indicators are as they were.
  for (const old of start.indicators) expect(s.indicators.find((i: any) => i.id === old.id), old.name).toEqual(old);
  expect(pageErrors).toEqual([]);
});

test('cells pasted from Excel: its HTML table with a rowspan, or only its tab-separated text', async ({ page, openApp, pageErrors, shot }) => {
  await kitamotoFiles(page, openApp);
  const before = await storageSnapshot(page);

  // Excel's clipboard HTML: a style block, the fragment markers, the goal merged down two rows.
  const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8">
<style>td{mso-number-format:General;}</style></head><body><!--StartFragment-->
<table border=0 cellpadding=0 cellspacing=0>
<tr><td>基本目標</td><td>指標名</td><td>単位</td><td>基準値</td><td>令和5年度</td></tr>
<tr><td rowspan=2 class=xl65>基本目標2</td><td>移住相談件数</td><td>件</td><td x:num>120</td><td x:num>150</td></tr>
<tr><td>転入者数</td><td>人</td><td x:num>850</td><td>abc</td></tr>
</table><!--EndFragment--></body></html>`;
  await paste(page, { html, text: 'ignored when the HTML has a table' });
  await expect(page.getByTestId('table-mapping')).toBeVisible();
  await expect(page.getByTestId('table-header-first')).toHaveValue('1');
  expect(await roles(page, ['A', 'B', 'C', 'D', 'E'])).toEqual(['goal', 'name', 'unit', 'baseline', 'actual-2023']);
  await expect(page.getByTestId('table-role-F')).toHaveCount(0);
  // The merged goal is read in both of its rows.
  expect(await rows(page, 'table-columns')).toEqual([
    ['基本目標2', '移住相談件数', '件', '120', '150'],
    ['基本目標2', '転入者数', '人', '850', 'abc'],
  ]);
  await page.getByTestId('table-check').click();
  await expect(page.getByTestId('table-new-count')).toHaveText('2 件');
  const goal2 = '基本目標 2 新しい人の流れとつながりをつくる';
  expect((await rows(page, 'table-new-indicators')).map((r) => [r[0], r[2], r[4]])).toEqual([
    ['2', '移住相談件数', goal2],
    ['3', '転入者数', goal2],
  ]);
  // The bad cell is refused with its row and column letter; the rest is imported.
  expect(await rows(page, 'csv-refused')).toEqual([['3', 'E列「令和5年度」', '「abc」は数値として読めません']]);
  expect(await storageSnapshot(page)).toEqual(before);
  await page.getByTestId('table-cancel').click();
  await expect(page.getByTestId('table-cancelled')).toContainText('貼り付けたセルは取り込みませんでした。何も変わっていません。');
  expect(await storageSnapshot(page)).toEqual(before);

  // Only text/plain (a spreadsheet that gives no HTML): tab-separated, matched by code.
  await paste(page, { text: '指標番号\t指標名\t単位\t令和4年度\r\n5-1\t就業者一人あたり市内純生産\t万円\t440.1\r\n' });
  await expect(page.getByTestId('table-mapping')).toBeVisible();
  expect(await roles(page, ['A', 'B', 'C', 'D'])).toEqual(['code', 'name', 'unit', 'actual-2022']);
  await page.getByTestId('table-check').click();
  await expect(page.getByTestId('table-new-count')).toHaveText('0 件');
  expect(await rows(page, 'table-matched-indicators')).toEqual([['2', '5-1 就業者一人あたり市内純生産', '指標番号が一致']]);
  expect(await rows(page, 'csv-changes')).toEqual([
    ['2', '5-1 就業者一人あたり市内純生産', '—', '令和4年度', '実績', '—', '→', '440.1'],
  ]);
  await page.getByTestId('table-apply').click();
  await expect(page.getByTestId('table-applied')).toContainText('新しい指標 0 件と 1 件の値を取り込みました');
  const s = await savedStrategy(page);
  const production = s.indicators.find((i: any) => i.code === '5-1');
  expect(production.series[0].actuals).toContainEqual({ year: 2022, value: 440.1, provisional: false, comment: '' });
  await page.getByTestId('table-undo').click();
  await expect(page.getByTestId('table-undone')).toBeVisible();
  expect(pageErrors).toEqual([]);
});

/** A blank strategy (白紙, not the national framework's six goals), its files page open. */
async function blankStrategyFiles(page: Page) {
  await page.getByTestId('new-strategy').click();
  await page.locator('#new-title').fill('第3期しるべ町総合戦略');
  await page.locator('#new-municipality').fill('しるべ町');
  await page.locator('#new-first').fill('令和8年度');
  await page.locator('#new-last').fill('令和12年度');
  await page.getByLabel('白紙').check();
  await page.getByTestId('create-submit').click();
  await expect(page.getByTestId('strategy-title')).toHaveText('第3期しるべ町総合戦略');
  await expect(page.getByTestId('goal')).toHaveCount(0);
  await page.getByTestId('nav-output').click();
}

test('an outline pasted from Word becomes the goals, measures and initiatives of a blank strategy', async ({ page, openApp, pageErrors, shot }) => {
  await openApp();
  await blankStrategyFiles(page);
  await expect(page.getByTestId('outline-import')).toBeVisible();
  const text = fs.readFileSync(OUTLINE, 'utf8');
  const field = page.getByTestId('outline-text');
  await field.fill(text);
  // Read when the user is done with the field (its change event: a blur), never mid-typing.
  await field.blur();
  await field.dispatchEvent('change');
  const preview = page.getByTestId('outline-preview');
  await expect(preview).toBeVisible();
  await expect(page.locator('[data-testid=outline-line][data-level=goal]')).toHaveCount(4);
  const first = page.locator('[data-testid=outline-line][data-level=goal]').first();
  await expect(first.getByTestId('outline-title')).toHaveText('北海道新幹線を活かした産業の振興と雇用の場をつくる');
  // A measure one level down and back up.
  const measures = page.locator('[data-testid=outline-line][data-level=measure]');
  const count = await measures.count();
  expect(count).toBeGreaterThan(4);
  await measures.first().getByTestId('outline-demote').click();
  await expect(measures).toHaveCount(count - 1);
  await page.locator('[data-testid=outline-line][data-level=initiative]').first().getByTestId('outline-promote').click();
  await expect(measures).toHaveCount(count);
  await shot('outline-preview-ja');
  await sectionShot(page, 'outline-preview', 'outline-preview-ja');
  await page.getByTestId('outline-create').click();
  await expect(page.getByTestId('outline-created')).toContainText(/^基本目標 4・施策 \d+・取組 \d+ を作成しました。/);
  await expect(preview).toHaveCount(0);

  await page.getByTestId('nav-overview').click();
  await expect(page.getByTestId('goal')).toHaveCount(4);
  await expect(page.getByTestId('goal').first()).toContainText('北海道新幹線を活かした産業の振興と雇用の場をつくる');
  const s = await savedStrategy(page);
  expect(s.goals).toHaveLength(4);
  expect(s.goals[0].measures.length).toBeGreaterThan(0);
  expect(pageErrors).toEqual([]);
});

// A PDF's table of contents pasted as copied (dot leaders, page numbers, 「基本目標1:」,
// 「施策1:」, full-width colons) is the outline; the document's own section headings are left out,
// each with a button to take it back into the tree.
test('a table of contents pasted from a PDF becomes the outline; its section headings can be taken back', async ({ page, openApp, pageErrors, shot }) => {
  await openApp();
  await blankStrategyFiles(page);
  const contents = [
    '目次',
    '基本目標1: 創意工夫で地域の活力を起こす産業交流のまち............................ 6',
    '(1)基本目標(数値目標)........................................................ 6',
    '(2)基本的方向 .................................................................. 6',
    '施策1:農林業の振興 ............................................................... 6',
    '施策2：観光の振興 ……………………………………………………………… 8',
    '基本目標2: 若い世代が住み続けたいまち........................................... 10',
    '(1)基本目標(数値目標)........................................................ 10',
    '施策1:子育て支援の充実 ........................................................... 11',
  ].join('\n');
  const field = page.getByTestId('outline-text');
  await field.fill(contents);
  await field.blur();
  await field.dispatchEvent('change');
  await expect(page.getByTestId('outline-preview')).toBeVisible();
  const goals = page.locator('[data-testid=outline-line][data-level=goal]');
  const measures = page.locator('[data-testid=outline-line][data-level=measure]');
  await expect(goals.getByTestId('outline-title')).toHaveText(['創意工夫で地域の活力を起こす産業交流のまち', '若い世代が住み続けたいまち']);
  await expect(measures.getByTestId('outline-title')).toHaveText(['農林業の振興', '観光の振興', '子育て支援の充実']);
  const dropped = page.getByTestId('outline-dropped');
  await expect(dropped).toHaveCount(4);
  await expect(dropped.filter({ hasText: '(2)基本的方向' })).toContainText('文書の節の見出し');
  await expect(dropped.filter({ hasText: '目次' }).getByTestId('outline-take-back')).toHaveCount(0);
  await page.getByText(/^省いた行（4 行）$/).click();
  await shot('outline-contents-ja');
  // 「基本的方向」 is this town's measure after all: taken back, in its place.
  await dropped.filter({ hasText: '(2)基本的方向' }).getByTestId('outline-take-back').click();
  await expect(measures.getByTestId('outline-title')).toHaveText(['基本的方向', '農林業の振興', '観光の振興', '子育て支援の充実']);
  await expect(dropped).toHaveCount(3);
  await page.getByTestId('outline-create').click();
  await expect(page.getByTestId('outline-created')).toContainText('基本目標 2・施策 4');
  const s = await savedStrategy(page);
  expect(s.goals.map((g: any) => g.title)).toEqual(['創意工夫で地域の活力を起こす産業交流のまち', '若い世代が住み続けたいまち']);
  expect(s.goals.map((g: any) => g.measures.map((m: any) => m.title))).toEqual([['基本的方向', '農林業の振興', '観光の振興'], ['子育て支援の充実']]);
  expect(pageErrors).toEqual([]);
});

test('a bad workbook is refused with its reason, and nothing changes', async ({ page, openApp, pageErrors, shot }) => {
  await kitamotoFiles(page, openApp);
  await savedStrategy(page);
  const before = await storageSnapshot(page);

  await pickWorkbook(page, 'KPI一覧.xlsx', fs.readFileSync(path.join(TABLE_FIXTURES, 'random.bin')));
  await expect(page.getByTestId('table-error')).toContainText('「KPI一覧.xlsx」は取り込めません。何も変わっていません。');
  await expect(page.getByTestId('table-error-line')).toHaveText(/^Excel（\.xlsx・\.xls）や OpenDocument（\.ods）のブックではありません。/);
  await expect(page.getByTestId('table-mapping')).toHaveCount(0);

  // An .xls whose second half is overwritten (its records gone): damaged, said so, and the page
  // lives on (a panic in the reader would have aborted it).
  const damaged = fs.readFileSync(path.join(TABLE_FIXTURES, 'kpi-town.xls'));
  damaged.fill(0xff, damaged.length / 2);
  await pickWorkbook(page, 'KPI一覧.xls', damaged);
  await expect(page.getByTestId('table-error')).toContainText('「KPI一覧.xls」は取り込めません。何も変わっていません。');
  await expect(page.getByTestId('table-error-line')).toHaveText('.xls のブックが壊れていて読めません。Excel で開いて保存し直してください。');
  await shot('table-xls-damaged-ja');
  await toggleLanguage(page, 'en');
  await expect(page.getByTestId('table-error-line')).toHaveText(
    'The .xls workbook is damaged and cannot be read. Open it in Excel and save it again.',
  );
  await toggleLanguage(page, 'ja');
  await expect(page.getByTestId('table-mapping')).toHaveCount(0);
  // The language's preference is stored apart; the strategy and everything else is unchanged.
  const after = await storageSnapshot(page);
  for (const k of Object.keys(before)) if (k !== 'shirube/prefs') expect(after[k], k).toEqual(before[k]);
  expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  expect(pageErrors).toEqual([]);
});

test('cells pasted into an indicator\'s year rows: a row of actuals, then years with their interim targets', async ({ page, openApp, pageErrors, shot }) => {
  await openApp();
  await page.getByTestId('example-kitamoto').click();
  await page.getByTestId('edit').click();
  await page.getByTestId('outline-indicator').filter({ hasText: '出生数' }).click();
  await expect(page.getByTestId('year-row-heading-0-2022')).toHaveText('令和4年度');

  /** A paste on a field, as the browser fires it when the field has the focus. */
  const pasteInto = (testid: string, data: { html?: string; text: string }) =>
    page.getByTestId(testid).evaluate((el, data) => {
      (el as HTMLInputElement).focus();
      const dt = new DataTransfer();
      if (data.html) dt.setData('text/html', data.html);
      dt.setData('text/plain', data.text);
      // false when the app took the paste (called preventDefault).
      return el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, data);

  // A row of four years' actuals copied out of Excel (its text, with the trailing line break).
  expect(await pasteInto('actual-0-2022', { text: '３５２\t－\t330（速報）\t多い\r\n' })).toBe(false);
  const said = page.getByTestId('year-paste-0');
  await expect(said).toContainText('2 年分の実績値を貼り付けました（令和4年度〜令和6年度）');
  await expect(said).toContainText('令和5年度:「－」は値なしとして読み、何も書いていません。');
  await expect(said).toContainText('貼り付けた範囲の D1「多い」: 数値として読めません。');
  await expect(page.getByTestId('actual-0-2022')).toHaveValue('352');
  await expect(page.getByTestId('actual-0-2024')).toHaveValue('330');
  await expect(page.getByTestId('provisional-0-2024')).toBeChecked();
  await expect(page.getByTestId('actual-0-2023')).toHaveValue('');
  await page.getByTestId('year-table-0').scrollIntoViewIfNeeded();
  await shot('year-paste-actuals');
  await expect.poll(async () => (await savedStrategy(page)).indicators.find((i: any) => i.name === '出生数').series[0].actuals).toEqual([
    { year: 2022, value: 352, provisional: false, comment: '' },
    { year: 2024, value: 330, provisional: true, comment: '' },
  ]);

  // Years above their values, from Excel's HTML (the year row first), into 中間目標: the years
  // pasted place them, whichever row was pasted into.
  const html = '<table><tr><td>令和6年度</td><td>令和7年度</td></tr><tr><td x:num>340</td><td x:num>345</td></tr></table>';
  await pasteInto('interim-0-2022', { html, text: '令和6年度\t令和7年度\n340\t345\n' });
  await expect(said).toContainText('2 年分の中間目標を貼り付けました（令和6年度〜令和7年度）');
  await expect(page.getByTestId('interim-0-2024')).toHaveValue('340');
  await expect(page.getByTestId('interim-0-2025')).toHaveValue('345');
  await expect(page.getByTestId('interim-0-2022')).toHaveValue('');

  // English, then one Undo takes the second paste back, and the first stays.
  await page.getByTestId('language').click();
  await pasteInto('interim-0-2022', { text: '1\t2\t3\n4\t5\t6\n7\t8\t9\n' });
  await expect(said).toContainText('Nothing was pasted.');
  await expect(said).toContainText('Cell A1 of the pasted range ("1") only one row or one column of values can be pasted');
  await page.getByTestId('language').click();
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('interim-0-2024')).toHaveValue('');
  await expect(page.getByTestId('actual-0-2022')).toHaveValue('352');
  // One value pasted is left to the field (the browser's own paste types it).
  expect(await pasteInto('actual-0-2025', { text: '341' })).toBe(true);
  expect(await pasteInto('actual-0-2025', { html: '<table><tr><td>341</td></tr></table>', text: '341\r\n' })).toBe(true);

  // Typed into the field, a cell reads as the import reads it (one cell reader): 「－」 is no
  // value, 「2,408※（速報）」 the number, 速報 and the mark kept as the comment, in one edit.
  const row = page.getByTestId('year-row-0-2022');
  await enter(page, 'actual-0-2022', '－');
  await expect(page.getByTestId('actual-0-2022')).toHaveValue('');
  await expect(row.getByTestId('field-note')).toHaveText('「－」は値なしとして読みました（値は空欄です）。');
  await expect(row.getByTestId('field-problem')).toHaveCount(0);
  await enter(page, 'actual-0-2022', '2,408※（速報）');
  await expect(page.getByTestId('actual-0-2022')).toHaveValue('2,408');
  await expect(page.getByTestId('provisional-0-2022')).toBeChecked();
  await expect(page.getByTestId('comment-0-2022')).toHaveValue('※');
  await expect(row.getByTestId('field-note')).toContainText('速報値にしました。');
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('actual-0-2022')).toHaveValue('');
  // A word is no number: the stored value stays, and the message does not widen the form.
  await enter(page, 'actual-0-2023', 'とても多い年でした（詳細は別紙の集計表を参照のこと）');
  await expect(page.getByTestId('year-row-0-2023').getByTestId('field-problem')).toHaveText(
    '「とても多い年でした（詳細は別紙の集計表を参照のこと）」は数値として読めません。保存されている値は変わっていません。',
  );
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));
  expect(widths.page).toBeLessThanOrEqual(widths.window);
  await shot('year-field-readings');
  expect(pageErrors).toEqual([]);
});

// A workbook whose rows name their 施策, with 累計 and 平均 targets and calendar years
// (src/format/table/fixtures/kpi-measures.xlsx), into 北本市 (goals, no measures yet): the
// preview lists the measures to create; applied, each KPI is under its new measure, checked
// value by value in storage.
test('a workbook’s 施策, 累計, 平均 and 暦年 rows: measures made, KPIs under them', async ({ page, openApp, pageErrors, shot }) => {
  await kitamotoFiles(page, openApp);
  await pickWorkbook(page, 'KPI_施策別.xlsx', fs.readFileSync(path.join(TABLE_FIXTURES, 'kpi-measures.xlsx')));
  await expect(page.getByTestId('table-mapping')).toBeVisible();
  await page.getByTestId('table-check').click();
  await expect(page.getByTestId('table-preview')).toBeVisible();
  await expect(page.getByTestId('table-new-measure-count')).toHaveText('3 件');
  await expect(page.getByTestId('csv-refused-count')).toHaveText('0 件');
  const goal1 = '基本目標 1 稼ぐ産業と安定した雇用を創出する';
  const goal2 = '基本目標 2 新しい人の流れとつながりをつくる';
  expect(await rows(page, 'table-new-measures')).toEqual([
    ['4', '1', '農林業の担い手確保', goal1],
    ['6', '2', '観光の振興', goal1],
    ['7', '1', '移住の促進', goal2],
  ]);
  const placed = (await rows(page, 'table-new-indicators')).map((r) => [r[2], r[4]]);
  expect(placed).toEqual([
    ['新規就農者数', '施策 1 農林業の担い手確保（新規）'],
    ['認定農業者数', '施策 1 農林業の担い手確保（新規）'],
    ['観光入込客数', '施策 2 観光の振興（新規）'],
    ['移住相談件数', '施策 1 移住の促進（新規）'],
    ['転入者数', goal2],
  ]);
  await page.getByTestId('table-preview').scrollIntoViewIfNeeded();
  await shot('table-measures-preview-ja');
  await sectionShot(page, 'table-preview', 'table-measures-preview-ja');

  await page.getByTestId('table-apply').click();
  await expect(page.getByTestId('table-applied')).toBeVisible();
  const s = await savedStrategy(page);
  const ind = (name: string) => s.indicators.find((i: any) => i.name === name);
  const names = (ids: string[]) => ids.map((id) => s.indicators.find((i: any) => i.id === id).name);
  const [g1, g2] = s.goals;
  expect(g1.measures.map((m: any) => [m.number, m.title, names(m.kpis)])).toEqual([
    ['1', '農林業の担い手確保', ['新規就農者数', '認定農業者数']],
    ['2', '観光の振興', ['観光入込客数']],
  ]);
  expect(g2.measures.map((m: any) => [m.number, m.title, names(m.kpis)])).toEqual([['1', '移住の促進', ['移住相談件数']]]);
  expect(names(g2.targets)).toContain('転入者数');
  expect(names(g1.targets)).not.toContain('新規就農者数');
  // 「5年間で累計15人」: the plan's first five years (令和4〜8年度); 平均 over its span.
  expect(ind('新規就農者数').series[0].target).toEqual({ kind: 'cumulative', value: 15, from: 2022, to: 2026 });
  expect(ind('新規就農者数').series[0].baseline).toEqual({ value: 3, year: 2018 });
  expect(ind('移住相談件数').series[0].target).toEqual({ kind: 'average', value: 150, from: 2022, to: 2025 });
  expect(ind('認定農業者数').series[0].target).toEqual({ kind: 'value', value: 45, year: 2025 });
  // 「平成30年」 / 「令和6年」: calendar years, the new indicator's basis.
  expect(ind('観光入込客数').series[0].year_basis).toBe('calendar');
  expect(ind('観光入込客数').series[0].baseline).toEqual({ value: 2380, year: 2018 });
  expect(ind('観光入込客数').series[0].target).toEqual({ kind: 'value', value: 2700, year: 2024 });
  expect(ind('認定農業者数').series[0].year_basis ?? 'fiscal').toBe('fiscal');
  expect(pageErrors).toEqual([]);
});
