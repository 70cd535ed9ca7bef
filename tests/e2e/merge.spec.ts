// Two laptops, one strategy, no server, in two browser contexts against the release
// build: both start from one exported file; each edits a different part and both edit one
// field; one exports, the other imports → 統合する → one conflict card → choose → the result
// holds every edit, stored as a new version (the old one in the history, undo in the notice).
// The merged file goes back and merges there from the version that laptop sent. A file whose
// carried starting version was altered, or that shares nothing with this browser, has 統合する
// disabled with the reason; the other choices still work. Screenshots in Japanese and English.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, SCREENSHOT_DIR } from './fixtures';
import { REPO_ROOT } from './paths';
import { editGoal } from './helpers';
import { storedStrategyOfPage, storedEntries } from './stored';
import type { Page, TestInfo } from '@playwright/test';

const HOKUTO = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'public', 'examples', 'hokuto.json'), 'utf8')).strategy;

/** Exports the strategy from its overview; the file's name and text. */
async function exportFile(page: Page, testInfo: TestInfo): Promise<{ name: string; text: string }> {
  await page.goto(`./#/s/${HOKUTO.id}`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  const file = testInfo.outputPath(`${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(file);
  return { name: download.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
}

async function pick(page: Page, name: string, text: string) {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
  await expect(page.getByTestId('import-preview')).toBeVisible();
}



/** The versions' ids of a file's compact graph, in order (format 2: base64 of, per version, its
 * 16 id bytes, its count of parents and each parent, a varint place or 0 and 16 bytes). */
function graphIds(graph: string): string[] {
  const bytes = Buffer.from(graph, 'base64');
  const ids: string[] = [];
  let at = 0;
  const varint = () => {
    let v = 0;
    for (let shift = 0; ; shift += 7) {
      const b = bytes[at++];
      v += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return v;
    }
  };
  while (at < bytes.length) {
    ids.push(bytes.subarray(at, at + 16).toString('hex'));
    at += 16;
    for (let parents = varint(); parents > 0; parents--) {
      if (varint() === 0) at += 16;
    }
  }
  return ids;
}
test('two laptops merge their work: every edit kept, the one conflict chosen on a card', async ({ page, openApp, browser, pageErrors, shot }, testInfo) => {
  // Laptop A: the planning section starts the strategy and hands out a file.
  await openApp();
  await page.getByTestId('example-hokuto').click();
  await expect(page.getByTestId('goal')).toHaveCount(4);
  const shared = await exportFile(page, testInfo);
  // Named by its history: its id at the top of the file, the graph of versions it descends
  // from (none before it) in its lineage.
  const first = JSON.parse(shared.text);
  expect(first.head).toMatch(/^[0-9a-f]{32}$/);
  expect(Object.keys(first.lineage)).toEqual(['graph']);
  expect(graphIds(first.lineage.graph)).toEqual([first.head]);

  // Laptop B: the welfare section takes the file.
  const laptopB = await browser.newContext({ baseURL: testInfo.project.use.baseURL, acceptDownloads: true });
  const b = await laptopB.newPage();
  const bErrors: string[] = [];
  b.on('pageerror', (e) => bErrors.push(e.message));
  await b.goto('./');
  await pick(b, shared.name, shared.text);
  await expect(b.getByTestId('choice-merge')).toHaveCount(0);
  await b.getByTestId('import-confirm').click();
  await expect(b.getByTestId('notice')).toContainText('取り込みました');
  await expect(b.getByTestId('overview')).toBeVisible();

  // Each edits a different goal's subtitle, and both the title of goal 1.
  await editGoal(page, HOKUTO.id, 1, 'goal-subtitle', 'Aさんが書いた副題');
  await editGoal(page, HOKUTO.id, 0, 'goal-title', 'Aさんの基本目標1');
  await editGoal(b, HOKUTO.id, 2, 'goal-subtitle', 'Bさんが書いた副題');
  await editGoal(b, HOKUTO.id, 0, 'goal-title', 'Bさんの基本目標1');
  const fromB = await exportFile(b, testInfo);
  const lineage = JSON.parse(fromB.text).lineage;
  expect(graphIds(lineage.graph)).toEqual([JSON.parse(fromB.text).head, first.head]);
  expect(lineage.base_id).toBe(first.head);
  expect(lineage.base.goals[0].title).toBe(HOKUTO.goals[0].title);

  // A takes B's file: 統合する, with what it does and one conflict card.
  await page.goto('./#/');
  await pick(page, fromB.name, fromB.text);
  await expect(page.getByTestId('merge-unavailable')).toHaveCount(0);
  // The file shares a version with this browser: 統合する is the choice selected.
  await expect(page.getByTestId('choice-merge')).toBeChecked();
  await expect(page.getByTestId('choice-new')).not.toBeChecked();
  await expect(page.getByTestId('merge-summary')).toHaveText('ファイルから取り込む変更 1 件 ・ このパソコンで残す変更 1 件 ・ 競合 1 件');
  const card = page.getByTestId('conflict-card');
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId('conflict-place')).toHaveText('基本目標 1 ・ 名称');
  await expect(card).toContainText('両方で違う内容に変更されています');
  await expect(card).toContainText(`元の版: 「${HOKUTO.goals[0].title}」`);
  await expect(card.locator('label').nth(0)).toHaveText('このパソコン: 名称「Aさんの基本目標1」');
  await expect(card.locator('label').nth(1)).toHaveText('ファイル: 名称「Bさんの基本目標1」');
  // Nothing is applied until the conflict is chosen.
  await expect(page.getByTestId('import-confirm')).toBeDisabled();
  await expect(page.getByTestId('merge-unchosen')).toHaveText('あと 1 件の競合を選ぶと統合できます。');
  await shot('merge-preview-ja');

  // The same in English (the preview is read again in the language chosen).
  await page.getByTestId('import-cancel').click();
  await page.getByTestId('language').click();
  await pick(page, fromB.name, fromB.text);
  await page.getByTestId('choice-merge').check();
  await expect(page.getByTestId('merge-summary')).toHaveText('1 changes taken from the file · 1 kept from this computer · 1 conflicts');
  await expect(card.getByTestId('conflict-place')).toHaveText('Basic goal 1 · Title');
  await expect(card.locator('label').nth(1)).toHaveText('File: Title “Bさんの基本目標1”');
  await shot('merge-preview-en');
  await page.getByTestId('merge-all-ours').click();
  await expect(card.getByTestId('conflict-ours')).toBeChecked();
  await card.getByTestId('conflict-theirs').check();
  await expect(page.getByTestId('import-confirm')).toBeEnabled();
  await expect(page.getByTestId('import-confirm')).toHaveText('Merge');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('notice')).toContainText('Merged:');
  await expect(page.getByTestId('notice')).toContainText('1 changes taken from the file, 1 kept from this computer, 1 conflicts chosen.');
  await page.getByTestId('language').click();

  // Every edit is there, stored; the version before is in the history.
  let merged = await storedStrategyOfPage(page);
  expect(merged.goals[0].title).toBe('Bさんの基本目標1');
  expect(merged.goals[1].subtitle).toBe('Aさんが書いた副題');
  expect(merged.goals[2].subtitle).toBe('Bさんが書いた副題');
  await page.goto(`./#/s/${HOKUTO.id}/history`);
  await expect(page.getByTestId('version-row').first()).toContainText('「' + HOKUTO.title + '」');
  await shot('merge-history');

  // Back to B, who went on editing: the merged file merges there from the version B sent.
  await editGoal(b, HOKUTO.id, 3, 'goal-subtitle', 'Bさんの続きの作業');
  const fromA = await exportFile(page, testInfo);
  await b.goto('./#/');
  await pick(b, fromA.name, fromA.text);
  await expect(b.getByTestId('choice-merge')).toBeChecked();
  await expect(b.getByTestId('import-confirm')).toHaveText('統合する');
  await expect(b.getByTestId('merge-summary')).toHaveText('ファイルから取り込む変更 1 件 ・ このパソコンで残す変更 1 件 ・ 競合 0 件');
  await expect(b.getByTestId('conflict-card')).toHaveCount(0);
  await b.getByTestId('import-confirm').click();
  await expect(b.getByTestId('notice')).toContainText('統合しました');
  merged = await storedStrategyOfPage(b);
  expect(merged.goals.map((g: { subtitle: string }) => g.subtitle).slice(1)).toEqual(['Aさんが書いた副題', 'Bさんが書いた副題', 'Bさんの続きの作業']);
  expect(merged.goals[0].title).toBe('Bさんの基本目標1');

  // Undo on B: the version before the merge comes back.
  await b.getByTestId('undo-delete').click();
  await expect(b.getByTestId('notice')).toContainText('復元しました');
  expect((await storedStrategyOfPage(b)).goals[1].subtitle).toBe(HOKUTO.goals[1].subtitle);
  expect(bErrors).toEqual([]);
  await laptopB.close();
  expect(pageErrors).toEqual([]);
});

test('a file whose starting version was altered cannot be merged; one that shares none is merged card by card', async ({ page, openApp, pageErrors, shot }, testInfo) => {
  await openApp();
  await page.getByTestId('example-hokuto').click();
  await expect(page.getByTestId('goal')).toHaveCount(4);
  await exportFile(page, testInfo);
  await editGoal(page, HOKUTO.id, 0, 'goal-title', '編集した題名');
  const file = JSON.parse((await exportFile(page, testInfo)).text);

  // The carried starting version altered: refused with the reason.
  const altered = structuredClone(file);
  altered.lineage.base.title = '書き換えた題名';
  await page.goto('./#/');
  const before = await storedEntries(page);
  await pick(page, 'altered.shirube.json', JSON.stringify(altered));
  await expect(page.getByTestId('choice-merge')).toBeDisabled();
  await expect(page.getByTestId('merge-unavailable')).toContainText('ファイルに入っている元の版が、ファイル自身の示す版と一致しません');
  await shot('merge-refused-altered');
  await page.getByTestId('import-cancel').click();
  expect(await storedEntries(page)).toEqual(before);

  // Nothing shared: no lineage, and content this browser never had.
  const stranger = structuredClone(file);
  delete stranger.head;
  delete stranger.lineage;
  stranger.strategy.goals[1].title = 'よそで作った題名';
  // And a measure moved under another goal: where it sits is a card too, its common version unknown.
  const moved = stranger.strategy.goals[0].measures.shift();
  stranger.strategy.goals[1].measures.push(moved);
  await pick(page, 'stranger.shirube.json', JSON.stringify(stranger));
  // A copy is proposed; the merge is offered with every difference as a card.
  await expect(page.getByTestId('choice-new')).toBeChecked();
  await expect(page.getByTestId('merge-unavailable')).toHaveCount(0);
  await page.getByTestId('choice-merge').check();
  await expect(page.getByTestId('merge-no-common')).toContainText('元の版が、このブラウザの履歴にもファイルにも見つかりません');
  await expect(page.getByTestId('conflict-card')).toHaveCount(2);
  for (const lead of await page.getByTestId('conflict-lead').all()) {
    await expect(lead).toHaveText('このパソコンとファイルで内容が違います（元の版: 不明）');
  }
  await expect(page.getByTestId('conflict-card').filter({ hasNotText: '所属' }).getByTestId('conflict-theirs-words')).toContainText('よそで作った題名');
  await expect(page.getByTestId('conflict-card').filter({ hasText: '所属（どの目標・施策の下か）' })).toHaveCount(1);
  await shot('merge-no-common-version');
  // The other choices work as before.
  await page.getByTestId('choice-new').check();
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('notice')).toContainText('コピーとして取り込みました');
  // The copy is stored, then opened: back to the list after that.
  await expect(page.getByTestId('overview')).toBeVisible();
  await expect(page.getByTestId('save-state')).toHaveClass(/saved/);
  await page.goto('./#/');
  await expect(page.getByTestId('strategy-row')).toHaveCount(2);
  // Merged into the strategy it names, the file's side of the one card chosen.
  await pick(page, 'stranger.shirube.json', JSON.stringify(stranger));
  await page.getByTestId('choice-merge').check();
  for (const theirs of await page.getByTestId('conflict-theirs').all()) await theirs.check();
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('notice')).toContainText('統合');
  const merged = await storedStrategyOfPage(page);
  expect(merged.id).toBe(file.strategy.id);
  expect(merged.goals[1].title).toBe('よそで作った題名');
  expect(merged.goals[1].measures.map((m: { id: string }) => m.id)).toContain(moved.id);
  expect(merged.goals[0].measures.map((m: { id: string }) => m.id)).not.toContain(moved.id);
  expect(merged.goals[0].title).toBe('編集した題名');
  expect(pageErrors).toEqual([]);
});

/** A KPI with one series; an actual of 令和6年度 when `actual` is given. */
function kpi(id: string, name: string, actual?: number) {
  return {
    id, code: '', name, unit: '人', kind: 'outcome', direction: 'increase', source: '', notes: '',
    series: [{
      id: `${id}-series`, label: '', baseline: { value: 100, year: 2019 }, target: { kind: 'value', value: 150, year: 2024 }, interim: [],
      actuals: actual === undefined ? [] : [{ year: 2024, value: actual, provisional: false, comment: '' }],
    }],
  };
}

// 統合する is selected when the preview opens, and nothing changes until the button is
// pressed; a removal against an edit names the item and what the file did to it (名称を変更、
// KPI を1件追加), not 「編集あり（2か所）」; a yearly cell empty in the common version says
// 「元の版: 値なし」, not 「なし（削除）」 — in Japanese and English.
test('the merge is proposed, and its cards say which item and what was done to it', async ({ page, openApp, pageErrors, shot }, testInfo) => {
  await openApp();
  await page.getByTestId('example-hokuto').click();
  await expect(page.getByTestId('goal')).toHaveCount(4);
  const shared = JSON.parse((await exportFile(page, testInfo)).text);
  await editGoal(page, HOKUTO.id, 3, 'goal-subtitle', '共有した後の副題');
  // The other laptop's file, from the version shared: 施策 2-1 renamed and given a KPI, and a
  // new KPI under 施策 1-1 with 令和6年度's actual at 12.
  const file = JSON.parse((await exportFile(page, testInfo)).text);
  expect(file.lineage.base).toBeTruthy();
  const measure = HOKUTO.goals[1].measures[0];
  const theirs = file.strategy;
  theirs.goals[1].measures[0].title = '移住・定住とシティプロモーションの推進';
  theirs.indicators.push(kpi('ind-e2e-soudan', '移住相談件数'));
  theirs.goals[1].measures[0].kpis.push('ind-e2e-soudan');
  theirs.indicators.push(kpi('ind-e2e-kanko', '観光入込客数', 12));
  theirs.goals[0].measures[0].kpis.push('ind-e2e-kanko');
  // This laptop: 施策 2-1 removed, the same new KPI with the actual at 10 (a file without a
  // lineage, put in place by 置き換える).
  const ours = structuredClone(shared);
  delete ours.lineage;
  ours.strategy.goals[1].measures.splice(0, 1);
  ours.strategy.indicators.push(kpi('ind-e2e-kanko', '観光入込客数', 10));
  ours.strategy.goals[0].measures[0].kpis.push('ind-e2e-kanko');
  await page.goto('./#/');
  await pick(page, 'ours.shirube.json', JSON.stringify(ours));
  await page.getByTestId('choice-replace').check();
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('notice')).toContainText('置き換えました');

  await page.goto('./#/');
  const before = await storedEntries(page);
  await pick(page, 'theirs.shirube.json', JSON.stringify(file));
  await expect(page.getByTestId('choice-merge')).toBeChecked();
  await expect(page.getByTestId('import-confirm')).toHaveText('統合する');
  expect(await storedEntries(page)).toEqual(before);
  const cards = page.getByTestId('conflict-card');
  await expect(cards).toHaveCount(2);
  const removal = cards.filter({ hasText: '削除' });
  await expect(removal.getByTestId('conflict-place')).toHaveText(`基本目標 2 ＞ 施策 ${measure.number}「移住・定住とシティプロモーションの推進」`);
  await expect(removal.getByTestId('conflict-lead')).toHaveText('このパソコンで削除し、ファイルでは編集されています（元の版: 変更なし）');
  await expect(removal.getByTestId('conflict-ours-words')).toHaveText('このパソコン: なし（削除）');
  await expect(removal.getByTestId('conflict-theirs-words')).toHaveText('ファイル: 名称を変更、KPI を1件追加');
  const cell = cards.filter({ hasText: '実績値' });
  await expect(cell.getByTestId('conflict-place')).toHaveText(/KPI「観光入込客数」 ・ 実績値（令和6年度）$/);
  await expect(cell.getByTestId('conflict-lead')).toHaveText('両方で違う内容に変更されています（元の版: 値なし）');
  await expect(cell.getByTestId('conflict-ours-words')).toHaveText('このパソコン: 実績値（令和6年度） 10');
  await expect(cell.getByTestId('conflict-theirs-words')).toHaveText('ファイル: 実績値（令和6年度） 12');
  await expect(page.getByTestId('merge-panel')).not.toContainText('編集あり');
  await shot('merge-cards-ja');
  await page.getByTestId('conflicts').screenshot({ path: path.join(SCREENSHOT_DIR, 'merge-cards-only-ja.png') });

  // In English.
  await page.getByTestId('import-cancel').click();
  expect(await storedEntries(page)).toEqual(before);
  await page.getByTestId('language').click();
  await pick(page, 'theirs.shirube.json', JSON.stringify(file));
  await expect(page.getByTestId('choice-merge')).toBeChecked();
  const removalEn = cards.filter({ hasText: 'removed' });
  await expect(removalEn.getByTestId('conflict-place')).toHaveText(`Basic goal 2 > Measure ${measure.number} “移住・定住とシティプロモーションの推進”`);
  await expect(removalEn.getByTestId('conflict-lead')).toHaveText('Removed on this computer, edited in the file (starting version: unchanged)');
  await expect(removalEn.getByTestId('conflict-theirs-words')).toHaveText('File: Title changed; KPI: 1 added');
  const cellEn = cards.filter({ hasText: 'Actual' });
  await expect(cellEn.getByTestId('conflict-lead')).toHaveText('Changed differently on both sides (starting version: no value)');
  await shot('merge-cards-en');
  await page.getByTestId('conflicts').screenshot({ path: path.join(SCREENSHOT_DIR, 'merge-cards-only-en.png') });

  // The file's side of both: the measure stays, renamed, with its KPI; the actual is 12.
  await page.getByTestId('merge-all-theirs').click();
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('notice')).toContainText('Merged:');
  await page.getByTestId('language').click();
  const merged = await storedStrategyOfPage(page);
  expect(merged.goals[1].measures[0].title).toBe('移住・定住とシティプロモーションの推進');
  expect(merged.goals[1].measures[0].kpis).toContain('ind-e2e-soudan');
  expect(merged.indicators.find((i: { id: string }) => i.id === 'ind-e2e-kanko').series[0].actuals[0].value).toBe(12);
  expect(pageErrors).toEqual([]);
});

test('two laptops merge each other\'s files back and forth, criss-cross included: no card where only one side changed a value', async ({ page, openApp, browser, pageErrors }, testInfo) => {
  test.slow();
  await openApp();
  await page.getByTestId('example-hokuto').click();
  await expect(page.getByTestId('goal')).toHaveCount(4);
  const shared = await exportFile(page, testInfo);
  const laptopB = await browser.newContext({ baseURL: testInfo.project.use.baseURL, acceptDownloads: true });
  const b = await laptopB.newPage();
  await b.goto('./');
  await pick(b, shared.name, shared.text);
  await b.getByTestId('import-confirm').click();
  await expect(b.getByTestId('overview')).toBeVisible();

  /** `on` merges `file` with 統合する: no card, and the notice says it merged. */
  const mergeIn = async (on: Page, file: { name: string; text: string }) => {
    await on.goto('./#/');
    await pick(on, file.name, file.text);
    await expect(on.getByTestId('choice-merge')).toBeChecked();
    await expect(on.getByTestId('conflict-card')).toHaveCount(0);
    await on.getByTestId('import-confirm').click();
    await expect(on.getByTestId('notice')).toContainText('統合しました');
  };

  // The smallest criss-cross (A's field X is goal 2's subtitle, B's field Y goal 3's):
  // 1. A: X1; B: Y1.
  await editGoal(page, HOKUTO.id, 1, 'goal-subtitle', 'Aの副題 1');
  await editGoal(b, HOKUTO.id, 2, 'goal-subtitle', 'Bの副題 1');
  // 2. B takes A's file.
  await mergeIn(b, await exportFile(page, testInfo));
  // 3. A: X2, and A takes B's file.
  await editGoal(page, HOKUTO.id, 1, 'goal-subtitle', 'Aの副題 2');
  const olderOfA = await exportFile(page, testInfo);
  await mergeIn(page, await exportFile(b, testInfo));
  // 4. B: Y2, and B is given A's older file.
  await editGoal(b, HOKUTO.id, 2, 'goal-subtitle', 'Bの副題 2');
  await mergeIn(b, olderOfA);
  // Then they go on: each edits only its own goal, and merges the other's newest file.
  for (let i = 3; i <= 6; i++) {
    await editGoal(page, HOKUTO.id, 1, 'goal-subtitle', `Aの副題 ${i}`);
    await editGoal(b, HOKUTO.id, 2, 'goal-subtitle', `Bの副題 ${i}`);
    const fromA = await exportFile(page, testInfo);
    const fromB = await exportFile(b, testInfo);
    await mergeIn(page, fromB);
    await mergeIn(b, fromA);
  }
  const [onA, onB] = [await storedStrategyOfPage(page), await storedStrategyOfPage(b)];
  expect(onA.goals.map((g: any) => g.subtitle)).toEqual(onB.goals.map((g: any) => g.subtitle));
  expect(onA.goals[1].subtitle).toBe('Aの副題 6');
  expect(onA.goals[2].subtitle).toBe('Bの副題 6');
  await laptopB.close();
  expect(pageErrors).toEqual([]);
});
