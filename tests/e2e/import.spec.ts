// Importing files, in Chromium against the release build:
// - a broken JSON and a file from a newer build (of the bad corpus, tests/files/bad/, which
//   tests/import_corpus.rs runs whole natively) through the real file input: the expected message
//   is shown, with no serde English in it, and every stored key and value is byte-for-byte
//   unchanged (a CSV's refusal by the CSV import: tests/e2e/trust.spec.ts);
//   an 80 MB file (written here) is refused by its size, before it is read;
// - markup in every text field imports and shows as text, running nothing;
// - the preview, then "import as new"; the preview, then "replace" (a backup appears, and
//   restoring it brings the old version back);
// - a strategy the full storage cannot hold: opened with the storage's error, exported, saved
//   once there is room; one no browser storage can hold: the error says deleting cannot help;
// - a file dropped on the window;
// - back up everything, then restore everything into a fresh browser profile (and, where a
//   strategy differs there, replace it only when asked, after a backup).
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { storageSnapshot, dropFile, recordDialogs, fillStorage } from './helpers';
import { withoutIndexedDb } from './stored';
import type { Page } from '@playwright/test';
import { REPO_ROOT } from './paths';

const CORPUS = path.join(REPO_ROOT, 'tests', 'files', 'bad');
type Expected = Record<string, { expect?: string[]; csv_expect?: string[]; valid?: boolean; why: string }>;
/** serde's and the JSON parser's English, which no Japanese message may show. */
const SERDE_ENGLISH = /invalid (type|value|length)|expected|missing field|unknown (variant|field)|trailing|EOF|a string|integer|sequence/;
const EXPECTED: Expected = JSON.parse(fs.readFileSync(path.join(CORPUS, 'expected.json'), 'utf8'));
/** A valid strategy file (the corpus's base with a BOM in front). */
const VALID = fs.readFileSync(path.join(CORPUS, 'bom-valid.json'), 'utf8').replace(/^\uFEFF/, '');
const BASE = JSON.parse(VALID);
const KITAMOTO = fs.readFileSync(path.join(REPO_ROOT, 'public', 'examples', 'kitamoto.json'), 'utf8');


/** The strategies stored in the page, by id (the `strategy` part of each stored envelope). */
async function storedStrategies(page: Page): Promise<Record<string, unknown>> {
  const all = await storageSnapshot(page);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(all)) {
    if (k.startsWith('shirube/v1/strategy/')) out[k.slice('shirube/v1/strategy/'.length)] = JSON.parse(v).strategy;
  }
  return out;
}

async function pick(page: Page, name: string, text: string | Buffer, input = 'import-file') {
  const buffer = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  await page.getByTestId(input).setInputFiles({ name, mimeType: 'application/json', buffer });
}

/** The app with the 北本市 example stored, on the strategy list. */
async function listWithExample(page: Page, openApp: (hash?: string) => Promise<void>) {
  await openApp();
  await page.getByTestId('example-kitamoto').click();
  await expect(page.getByTestId('goal')).toHaveCount(6);
  await page.goto('./#/');
  await expect(page.getByTestId('strategy-row')).toHaveCount(1);
}

/**
 * The bad files the page is shown here: a broken JSON and a file from a newer build, beside the
 * size refusal below. Every file of the corpus is refused with its words by the same import in
 * `cargo test` (tests/import_corpus.rs: messages, no parser English, an English text too); what
 * only the page can show is that the notice appears and nothing stored changes.
 */
const IN_THE_PAGE = ['truncated.json', 'future-version.json'];

test.describe('a bad file is refused with its message, and nothing stored changes', () => {
  for (const name of IN_THE_PAGE) {
    const entry = EXPECTED[name];
    test(`${name}: ${entry.why}`, async ({ page, openApp, pageErrors }) => {
      await listWithExample(page, openApp);
      const before = await storageSnapshot(page);
      await page.getByTestId('import-file').setInputFiles(path.join(CORPUS, name));
      const notice = page.getByTestId('notice');
      await expect(notice).toBeVisible();
      await expect(notice).toContainText('取り込めませんでした（何も変更していません）');
      for (const fragment of entry.expect!) await expect(notice).toContainText(fragment);
      // Words, not internals: no serde or parser English in the Japanese message
      // (the file's own name aside: trailing-comma.json).
      expect((await notice.innerText()).replaceAll(name, '')).not.toMatch(SERDE_ENGLISH);
      await expect(page.getByTestId('import-preview')).toHaveCount(0);
      await expect(page.getByTestId('strategy-row')).toHaveCount(1);
      expect(await storageSnapshot(page)).toEqual(before);
      expect(pageErrors).toEqual([]);
    });
  }

  test('(generated) 80 MB: refused by its size before it is read, and the tab stays responsive', async ({ page, openApp, pageErrors, shot }, testInfo) => {
    await listWithExample(page, openApp);
    const before = await storageSnapshot(page);
    // Over 50 MB, Playwright takes a file's path, not its bytes.
    const big = testInfo.outputPath('huge.json');
    fs.writeFileSync(big, Buffer.alloc(80 * 1024 * 1024, '[0,'));
    await page.evaluate(() => performance.clearMeasures());
    await page.getByTestId('import-file').setInputFiles(big);
    const notice = page.getByTestId('notice');
    for (const fragment of EXPECTED['(generated) 80 MB'].expect!) await expect(notice).toContainText(fragment);
    await shot('import-too-large');
    // Nothing was parsed (the import's own measure was never taken), and the page answers.
    expect(await page.evaluate(() => performance.getEntriesByName('shirube:import').length)).toBe(0);
    const t0 = Date.now();
    await page.evaluate(() => 1);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(await storageSnapshot(page)).toEqual(before);
    // The same in English.
    await page.getByTestId('language').click();
    await page.getByTestId('import-file').setInputFiles(big);
    await expect(notice).toContainText('The file is too large (80 MB). The limit is 64 MB');
    expect(pageErrors).toEqual([]);
  });

  test('deep nesting answers at once, and the English message too', async ({ page, openApp, pageErrors }) => {
    await listWithExample(page, openApp);
    await page.getByTestId('language').click();
    const t0 = Date.now();
    await page.getByTestId('import-file').setInputFiles(path.join(CORPUS, 'deeply-nested.json'));
    await expect(page.getByTestId('notice')).toContainText('This is not valid JSON: nested too deeply');
    expect(Date.now() - t0).toBeLessThan(5000);
    await page.getByTestId('import-file').setInputFiles(path.join(CORPUS, 'kpi-table.csv'));
    await expect(page.getByTestId('notice')).toContainText('This is not JSON (it looks like a CSV file)');
    expect(pageErrors).toEqual([]);
  });
});

test('markup in every text field imports and is shown as text, running nothing', async ({ page, openApp, pageErrors, shot }) => {
  const file = fs.readFileSync(path.join(CORPUS, 'xss-everywhere.json'), 'utf8');
  const s = JSON.parse(file).strategy;
  const dialogs = recordDialogs(page);
  await openApp();
  await pick(page, 'xss-everywhere.json', file);
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  await expect(page.getByTestId('preview-title')).toHaveText(s.title);
  await expect(page.getByTestId('preview-municipality')).toHaveText(s.municipality.name);
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('strategy-title')).toHaveText(s.title);
  await expect(page.getByTestId('municipality')).toHaveText(s.municipality.name);
  await expect(page.getByTestId('overview')).toContainText(s.goals[0].measures[0].initiatives[0].title);
  await expect(page.getByTestId('overview')).toContainText(s.indicators[0].name);
  await shot('import-xss-overview');
  const injected = () =>
    page.evaluate(() => ({
      xss: (window as unknown as { __xss?: number }).__xss,
      elements: document.querySelectorAll('img[src="x"], iframe, script:not([src]):not([type]), [onerror], [onload], [onmouseover]').length,
    }));
  expect(await injected()).toEqual({ xss: undefined, elements: 0 });
  // The editor shows the same texts in its outline and forms.
  await page.getByTestId('edit').click();
  await expect(page.locator('main')).toContainText(s.goals[0].title);
  await page.waitForTimeout(300);
  expect(await injected()).toEqual({ xss: undefined, elements: 0 });
  // The dashboard's charts (labels and tooltips are drawn, never inserted as HTML).
  await page.goto(`./#/s/${s.id}/dashboard`);
  await page.waitForTimeout(1000);
  expect(await injected()).toEqual({ xss: undefined, elements: 0 });
  // The list, too.
  await page.goto('./#/');
  await expect(page.getByTestId('strategy-row')).toContainText(s.title);
  expect(await injected()).toEqual({ xss: undefined, elements: 0 });
  expect(dialogs).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test('the preview shows the file before anything changes; then import as new, twice', async ({ page, openApp, pageErrors, shot }) => {
  await openApp();
  const before = await storageSnapshot(page);
  await pick(page, 'しるべ町.shirube.json', VALID);
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  await expect(preview.locator('h2')).toHaveText('取り込む前の確認');
  await expect(page.getByTestId('preview-title')).toHaveText('第3期しるべ町まち・ひと・しごと創生総合戦略');
  await expect(page.getByTestId('preview-municipality')).toHaveText('しるべ町');
  await expect(page.getByTestId('preview-period')).toContainText('令和7年度〜令和11年度');
  await expect(page.getByTestId('preview-counts')).toHaveText('基本目標等 3 ・施策 3 ・事業 3 ・指標 2');
  await expect(page.getByTestId('preview-exported')).toContainText('2026/11/21 09:00');
  await expect(page.getByTestId('preview-exported')).toContainText('Shirube 0.1.0');
  await expect(page.getByTestId('preview-file')).toContainText('しるべ町.shirube.json');
  await expect(page.getByTestId('preview-warnings')).toHaveCount(0);
  await expect(page.getByTestId('choice-replace')).toHaveCount(0);
  await shot('import-preview-new');
  // Nothing is stored while the preview is open; Escape cancels.
  expect(await storageSnapshot(page)).toEqual(before);
  await page.keyboard.press('Escape');
  await expect(preview).toHaveCount(0);
  expect(await storageSnapshot(page)).toEqual(before);

  await pick(page, 'しるべ町.shirube.json', VALID);
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('strategy-title')).toHaveText('第3期しるべ町まち・ひと・しごと創生総合戦略');
  await expect(page.getByTestId('notice')).toContainText('取り込みました');
  expect(Object.keys(await storedStrategies(page))).toEqual([BASE.strategy.id]);

  // The same file again: the same id is here, identical. It shares this browser's version, so
  // 統合する is selected; "import as new" makes a copy with fresh ids and leaves the
  // stored one alone.
  const first = (await storedStrategies(page))[BASE.strategy.id];
  await page.goto('./#/');
  await pick(page, 'しるべ町.shirube.json', VALID);
  await expect(page.getByTestId('preview-identical')).toBeVisible();
  await expect(page.getByTestId('choice-merge')).toBeChecked();
  await page.getByTestId('choice-new').check();
  await expect(page.getByTestId('import-confirm')).toHaveText('新しい戦略として取り込む');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('notice')).toContainText('コピーとして取り込みました');
  const stored = await storedStrategies(page);
  expect(Object.keys(stored)).toHaveLength(2);
  expect(stored[BASE.strategy.id]).toEqual(first);
  await page.goto('./#/');
  await expect(page.getByTestId('strategy-row')).toHaveCount(2);
  expect(pageErrors).toEqual([]);
});

test('fields this version does not know are said in the preview, kept through an edit, and written back on export', async ({ page, openApp, pageErrors, shot }, testInfo) => {
  await openApp();
  const file = JSON.parse(VALID);
  file.strategy.x_prefecture_link = { portal: 'R7-0042' };
  file.strategy.goals[0].x_owner = '企画課';
  file.strategy.indicators[0].x_source_url = 'https://example.jp/stat';
  await pick(page, 'newer.shirube.json', JSON.stringify(file));
  await expect(page.getByTestId('preview-unknown')).toHaveText(
    'このファイルには、このバージョンのしるべが知らない項目が 3 件あります（新しい版や別の道具で書かれたもの）。消さずに保管し、書き出すときにもそのまま残します。',
  );
  await shot('import-preview-unknown-fields');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('strategy-title')).toHaveText(file.strategy.title);
  // An edit of the goal that holds one, then the file written again.
  await page.getByTestId('edit').click();
  await page.getByTestId('outline-goal').first().click();
  await page.getByTestId('goal-title').fill('変えた目標');
  await page.getByTestId('goal-title').press('Enter');
  await expect(page.getByTestId('save-state')).toHaveText('保存済み');
  await page.getByTestId('nav-overview').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  const saved = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(saved);
  const out = JSON.parse(fs.readFileSync(saved, 'utf8')).strategy;
  expect(out.goals[0].title).toBe('変えた目標');
  expect(out.x_prefecture_link).toEqual({ portal: 'R7-0042' });
  expect(out.goals[0].x_owner).toBe('企画課');
  expect(out.indicators[0].x_source_url).toBe('https://example.jp/stat');
  expect(pageErrors).toEqual([]);
});

test('a strategy the browser storage cannot hold is opened all the same: the error says so, export works, it is saved once there is room', async ({ page, openApp, pageErrors, shot }, testInfo) => {
  // localStorage's limit (where IndexedDB cannot be used); IndexedDB's room is most of the disk.
  await withoutIndexedDb(page);
  await openApp();
  // Another page of the same site has filled the storage: not even the small strategy file fits.
  const filled = await fillStorage(page);
  expect(filled).toBeGreaterThan(1_000_000);
  const before = await storageSnapshot(page);
  await pick(page, 'しるべ町.shirube.json', VALID);
  await page.getByTestId('import-confirm').click();
  // Opened, with the storage's error in the notice and in the header; storage unchanged.
  await expect(page.getByTestId('strategy-title')).toHaveText('第3期しるべ町まち・ひと・しごと創生総合戦略');
  await expect(page.getByTestId('notice')).toContainText('ブラウザの保存領域がいっぱいです');
  await expect(page.getByTestId('notice')).toContainText('保存済みの内容は変更していません。開いている内容はこのタブに残っています。');
  await expect(page.getByTestId('save-state')).toHaveClass(/failed/);
  await expect(page.getByTestId('save-state')).toContainText('保存できませんでした');
  // Both say the same: the strategy's size, not that of a smaller write that failed after it.
  const said = (await page.getByTestId('notice').locator('li').first().innerText()).trim();
  expect(said).toMatch(/（\d+ KB を保存できませんでした）/);
  expect(await page.getByTestId('save-state').innerText()).toContain(said);
  await shot('import-storage-full');
  expect(await storageSnapshot(page)).toEqual(before);
  // Nothing is lost: the open strategy exports as it was read.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  // (Compared without the defaults the file and the export spell differently: empty lists,
  // `is_new: false`.)
  const plain = (v: unknown) => JSON.parse(JSON.stringify(v, (k, x) => ((Array.isArray(x) && x.length === 0) || (k === 'is_new' && x === false) ? undefined : x)));
  expect(plain(JSON.parse(fs.readFileSync(file, 'utf8')).strategy)).toEqual(plain(BASE.strategy));
  // Room made: the next change is saved.
  await page.evaluate(() => localStorage.removeItem('another-page/cache'));
  await page.goto(`./#/s/${BASE.strategy.id}/edit`);
  await page.getByTestId('outline-strategy').click();
  await page.getByTestId('municipality-code').fill('112330');
  await page.getByTestId('municipality-code').press('Enter');
  await expect(page.getByTestId('save-state')).toHaveClass(/saved/, { timeout: 10_000 });
  const stored = (await storedStrategies(page))[BASE.strategy.id] as { municipality: { code?: string } };
  expect(stored.municipality.code).toBe('112330');
  expect(pageErrors).toEqual([]);
});

test('a strategy larger than any browser storage holds is opened, and the error says deleting cannot make room', async ({ page, openApp, pageErrors, shot }) => {
  await withoutIndexedDb(page);
  await openApp();
  const before = await storageSnapshot(page);
  // 5.3 million characters of text (16 MB of UTF-8): more than the 5 Mi UTF-16 units a
  // browser keeps for a site, with nothing else stored.
  const big = JSON.parse(VALID);
  big.strategy.sections = [{ id: 'section-long', heading: '資料編', body: 'あ'.repeat(5_300_000) }];
  await pick(page, 'large.shirube.json', JSON.stringify(big));
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('strategy-title')).toHaveText(BASE.strategy.title, { timeout: 20_000 });
  const said = 'この戦略はブラウザの保存領域に入りきらない大きさです（15.2 MB。ブラウザが1つのサイトに保存できるのは約500万文字までで、他のデータを削除しても保存できません）。';
  await expect(page.getByTestId('notice')).toContainText(said);
  await expect(page.getByTestId('save-state')).toContainText(said);
  await expect(page.getByTestId('save-state')).toHaveClass(/failed/);
  await shot('import-too-large');
  // Nothing of it was stored (the preferences remember it as the last one opened).
  const { 'shirube/prefs': prefs, ...after } = await storageSnapshot(page);
  expect(after).toEqual(before);
  expect(JSON.parse(prefs).last_opened).toBe(BASE.strategy.id);
  expect(pageErrors).toEqual([]);
});

test('the preview, then replace: what changes is shown, a backup is kept, and restoring it brings the old version back', async ({ page, openApp, pageErrors, shot }) => {
  await openApp();
  await pick(page, 'old.json', VALID);
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('strategy-title')).toHaveText(BASE.strategy.title);
  const original = (await storedStrategies(page))[BASE.strategy.id];

  // A newer version of the same strategy: a goal added, a measure removed (and the reference
  // to it), an initiative and the title changed, and an indicator nobody uses (a warning).
  const next = JSON.parse(VALID);
  const s = next.strategy;
  s.title = '第3期しるべ町総合戦略（改訂版）';
  s.goals.push({ id: 'goal-0004', kind: 'basic', number: '3', title: '結婚・出産・子育ての希望をかなえる', measures: [] });
  s.goals[2].measures.pop();
  s.goals[0].measures[0].related = [];
  s.goals[0].measures[0].initiatives[0].title = '企業誘致推進事業（拡充）';
  s.indicators.push({ id: 'ind-0003', code: '9-9', name: '使われていない指標', unit: '件', series: [{ id: 'series-0009', label: '', baseline: { value: 1, year: 2024 } }] });
  await page.goto('./#/');
  await pick(page, 'new.json', JSON.stringify(next));
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await expect(page.getByTestId('import-preview')).toContainText(`同じ ID の戦略「${BASE.strategy.title}」（しるべ町）がこのブラウザにあります`);
  await expect(page.getByTestId('preview-warnings')).toContainText('確認が必要な点が 1 件あります');
  await page.getByTestId('preview-warnings').locator('summary').click();
  // Its place by the item's own number and name, never a JSON path.
  await expect(page.getByTestId('preview-warnings')).toContainText('指標 9-9「使われていない指標」: どの目標・施策からも参照されていない指標です');
  await expect(page.getByTestId('preview-warnings')).not.toContainText('indicators[');
  await page.getByTestId('choice-replace').check();
  await expect(page.getByTestId('import-confirm')).toHaveText('置き換える');
  const rows = page.getByTestId('preview-changes').locator('tbody tr');
  await expect(rows.nth(0)).toHaveText(/基本目標等\s*1\s*—\s*—/);
  await expect(rows.nth(1)).toHaveText(/施策\s*—\s*1\s*1/);
  await expect(rows.nth(2)).toHaveText(/事業\s*—\s*—\s*1/);
  await expect(rows.nth(3)).toHaveText(/指標\s*1\s*—\s*—/);
  await expect(page.getByTestId('import-preview')).toContainText('戦略の設定（名前・期間・本文など）も変わります。');
  await shot('import-preview-replace');
  await page.getByTestId('import-confirm').click();

  await expect(page.getByTestId('strategy-title')).toHaveText('第3期しるべ町総合戦略（改訂版）');
  await expect(page.getByTestId('notice')).toContainText('置き換える前の版はバックアップに残してあります');
  expect(Object.keys(await storedStrategies(page))).toEqual([BASE.strategy.id]);
  await page.goto('./#/');
  await expect(page.getByTestId('strategy-row')).toHaveCount(1);
  const backup = page.getByTestId('backup-row');
  await expect(backup).toHaveCount(1);
  await expect(backup).toContainText(BASE.strategy.title);
  await expect(backup).toContainText('置き換え前');
  await shot('import-replaced-backup');

  // Restore: the old version is back, exactly; the replaced one is kept as a backup in turn.
  await backup.getByRole('button', { name: '復元' }).click();
  await expect(page.getByTestId('notice')).toContainText('復元しました');
  await expect(page.getByTestId('strategy-row')).toContainText(BASE.strategy.title);
  expect((await storedStrategies(page))[BASE.strategy.id]).toEqual(original);
  await expect(page.getByTestId('backup-row')).toHaveCount(1);
  await expect(page.getByTestId('backup-row')).toContainText('第3期しるべ町総合戦略（改訂版）');
  await page.reload();
  await expect(page.getByTestId('strategy-row')).toContainText(BASE.strategy.title);
  expect(pageErrors).toEqual([]);
});

test('replacing the open strategy from its overview, then undo from the notice', async ({ page, openApp, pageErrors }) => {
  await openApp();
  await pick(page, 'old.json', VALID);
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('strategy-title')).toHaveText(BASE.strategy.title);
  const original = (await storedStrategies(page))[BASE.strategy.id];
  const next = JSON.parse(VALID);
  next.strategy.title = '改訂版';
  // Dropped on the overview (the file input is on the list).
  await dropFile(page, 'new.json', JSON.stringify(next));
  await page.getByTestId('choice-replace').check();
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('strategy-title')).toHaveText('改訂版');
  await page.getByTestId('undo-delete').click();
  await expect(page.getByTestId('strategy-title')).toHaveText(BASE.strategy.title);
  expect((await storedStrategies(page))[BASE.strategy.id]).toEqual(original);
  expect(pageErrors).toEqual([]);
});


test('a file dropped on the window opens the preview', async ({ page, openApp, pageErrors, shot }) => {
  await openApp();
  await dropFile(page, 'dropped.json', VALID, { stopBeforeDrop: true });
  await expect(page.getByTestId('drop-overlay')).toBeVisible();
  await shot('drop-overlay');
  // The browser would open the file in place of the app unless the drop is taken.
  const prevented = await page.evaluate(() => {
    const dt = (window as unknown as { __dt: DataTransfer }).__dt;
    const ev = new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true });
    document.body.dispatchEvent(ev);
    return ev.defaultPrevented;
  });
  expect(prevented).toBe(true);
  await expect(page.getByTestId('drop-overlay')).toHaveCount(0);
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await expect(page.getByTestId('preview-file')).toContainText('dropped.json');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('strategy-title')).toHaveText(BASE.strategy.title);
  // A bad file dropped: the message, nothing else.
  const before = await storageSnapshot(page);
  await dropFile(page, 'broken.json', VALID.slice(0, 300));
  await expect(page.getByTestId('notice')).toContainText('ファイルが途中で終わっています');
  expect(await storageSnapshot(page)).toEqual(before);
  // Dragging text (not files) is left to the browser.
  const textDrag = await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text/plain', 'hello');
    const ev = new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true });
    document.body.dispatchEvent(ev);
    return ev.defaultPrevented;
  });
  expect(textDrag).toBe(false);
  await expect(page.getByTestId('drop-overlay')).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test('back up everything, then restore everything into a fresh browser profile', async ({ page, openApp, browser, pageErrors, shot }, testInfo) => {
  // Here: 北本市, 北斗市 (then deleted: a backup), and the corpus's しるべ町.
  await openApp();
  await page.getByTestId('example-kitamoto').click();
  await expect(page.getByTestId('goal')).toHaveCount(6);
  await page.goto('./#/');
  await page.getByTestId('example-hokuto').click();
  await expect(page.getByTestId('goal')).toHaveCount(4);
  await page.goto('./#/');
  await page.getByTestId('strategy-row').filter({ hasText: '北斗市' }).getByRole('button', { name: '削除' }).click();
  await pick(page, 'shirube.json', VALID);
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('strategy-title')).toHaveText(BASE.strategy.title);
  await page.goto('./#/');
  await expect(page.getByTestId('strategy-row')).toHaveCount(2);
  await expect(page.getByTestId('backup-row')).toHaveCount(1);
  const here = await storedStrategies(page);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-everything').click()]);
  expect(download.suggestedFilename()).toMatch(/^Shirube_バックアップ_\d{4}-\d{2}-\d{2}\.shirube-backup\.json$/);
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const text = fs.readFileSync(file, 'utf8');
  const backup = JSON.parse(text);
  expect(backup.format).toBe('shirube-backup');
  expect(backup.version).toBe(1);
  expect(backup.strategies).toHaveLength(2);
  expect(backup.backups).toHaveLength(1);
  expect(backup.backups[0].reason).toBe('deleted');
  expect(backup.strategies.every((e: { format: string }) => e.format === 'shirube-strategy')).toBe(true);

  // A fresh profile, which has its own 北本市, changed: the restore asks before replacing it.
  const fresh = await browser.newContext({ baseURL: testInfo.project.use.baseURL, acceptDownloads: true });
  const other = await fresh.newPage();
  const otherErrors: string[] = [];
  other.on('pageerror', (e) => otherErrors.push(e.message));
  await other.goto('./');
  await other.getByTestId('example-kitamoto').click();
  await expect(other.getByTestId('goal')).toHaveCount(6);
  await other.goto('./#/');
  await other.getByRole('button', { name: '名前を変更' }).click();
  await other.getByTestId('rename-input').fill('北本市（こちらで編集中）');
  await other.getByTestId('rename-input').press('Enter');
  await expect(other.getByTestId('strategy-row')).toContainText('北本市（こちらで編集中）');
  const mine = await storedStrategies(other);

  // First without choosing to replace: 北本市 stays as it is here; the rest comes in.
  await pick(other, download.suggestedFilename(), text, 'restore-file');
  const preview = other.getByTestId('restore-preview');
  await expect(preview).toBeVisible();
  await expect(other.getByTestId('restore-summary')).toHaveText('戦略 2 件、バックアップ 1 件が入っています。');
  const entries = other.getByTestId('restore-entry');
  await expect(entries).toHaveCount(2);
  await expect(entries.filter({ hasText: '第2期北本市' })).toContainText('内容が異なります');
  await expect(entries.filter({ hasText: '第2期北本市' })).toContainText('北本市（こちらで編集中）');
  await expect(entries.filter({ hasText: 'しるべ町' })).toContainText('追加します');
  await shot('restore-preview', other);
  await other.getByTestId('restore-confirm').click();
  await expect(other.getByTestId('notice')).toContainText('バックアップから復元しました');
  await expect(other.getByTestId('notice')).toContainText('追加した戦略: 1 件');
  await expect(other.getByTestId('notice')).toContainText('このブラウザの内容のまま残した戦略: 1 件');
  await expect(other.getByTestId('notice')).toContainText('追加したバックアップ: 1 件');
  await expect(other.getByTestId('strategy-row')).toHaveCount(2);
  await expect(other.getByTestId('strategy-row').filter({ hasText: '北本市（こちらで編集中）' })).toHaveCount(1);
  await expect(other.getByTestId('backup-row')).toHaveCount(1);
  await expect(other.getByTestId('backup-row')).toContainText('北斗市');
  let there = await storedStrategies(other);
  const kitamotoId = JSON.parse(KITAMOTO).strategy.id;
  expect(there[kitamotoId]).toEqual(mine[kitamotoId]);
  expect(there[BASE.strategy.id]).toEqual(here[BASE.strategy.id]);

  // Again, choosing to replace 北本市: the file's version comes in, this one is backed up.
  await pick(other, download.suggestedFilename(), text, 'restore-file');
  await expect(entries.filter({ hasText: 'しるべ町' })).toContainText('同じ内容があります');
  await entries.filter({ hasText: '第2期北本市' }).getByTestId('restore-replace').check();
  await other.getByTestId('restore-confirm').click();
  await expect(other.getByTestId('notice')).toContainText('置き換えた戦略（前の版はバックアップに残しました）: 1 件');
  await expect(other.getByTestId('notice')).toContainText('すでにあったバックアップ: 1 件');
  there = await storedStrategies(other);
  expect(there).toEqual(here);
  await expect(other.getByTestId('backup-row')).toHaveCount(2);
  await expect(other.getByTestId('backup-row').filter({ hasText: '北本市（こちらで編集中）' })).toContainText('置き換え前');
  // Everything survives a reload.
  await other.reload();
  await expect(other.getByTestId('strategy-row')).toHaveCount(2);
  expect(otherErrors).toEqual([]);
  await fresh.close();
  expect(pageErrors).toEqual([]);
});
