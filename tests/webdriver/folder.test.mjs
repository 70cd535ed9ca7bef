// The shared folder by hand, in Firefox or WebKit (SHIRUBE_BROWSER; see harness.mjs):
// neither has the File System Access API, so a member reads the folder with 「フォルダを読み込む」
// (<input webkitdirectory>; the folder's files sent as the chooser hands them over) and saves their
// own file with 「自分のファイルを書き出す」. 田中 starts from 北斗市's example and saves their file
// twice (the version both start from, then with an evaluation written); the profile is cleared;
// 佐藤 takes the first file in through the import, records another measure's evaluation, reads a
// folder holding 田中's second file and a leftover, and gets both edits merged, named in the
// history's words; 佐藤's own file then holds both.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { By, startBrowser, tempFile } from './harness.mjs';

let b;
let start; // 田中's file of the version both start from
let tanaka; // 田中's file after writing measure 1's evaluation: [name, text]
const TANAKA_OUTCOMES = '田中さんが書いた成果: 企業立地が2件あった。';
const SATO_OUTCOMES = '佐藤さんが書いた成果: 観光入込客数が回復した。';

before(async () => {
  b = await startBrowser();
  console.log(`# ${b.version}`);
  await b.clearStorage();
});
after(async () => b && b.quit());

/** 「自分のファイルを書き出す」: the own file's name (as its author makes it) and text. */
async function exportOwn() {
  await b.captureBlobs();
  const before = await b.blobCount();
  await b.click('folder-export-own');
  await b.until(async () => (await b.blobCount()) > before, 'the own file');
  const text = await b.lastBlobText();
  const file = JSON.parse(text);
  return [`shirube-${file.strategy.id}-${file.author.id}.json`, text];
}

/** The name asked once on 共有 (typed, and Enter submits it). */
async function giveName(name) {
  await b.enter('folder-name', name);
  await b.expectText('folder-me', name);
}

/** Goal 1's measure `n`: its evaluation of fiscal 2023 with these outcomes (成果). */
async function writeEvaluation(id, n, outcomes) {
  await b.open(`#/s/${id}/edit`);
  await b.click('outline-goal');
  const measures = await b.driver.findElements(By.css('[data-testid="outline-measure"]'));
  await b.press(measures[n], 'outline-measure');
  const year = await b.el('evaluation-year');
  await year.findElement(By.css('option[value="2023"]')).click();
  await b.click('add-evaluation');
  const field = await b.el('evaluation-outcomes');
  await field.sendKeys(outcomes);
  await b.click('evaluation-issues'); // leaving the field commits it
  await b.until(async () => (await field.getAttribute('data-dirty')) === null, 'the outcomes committed (the field left)');
  await b.saved();
}

test('田中: the example, their name, and their own file saved twice (before and after an evaluation)', async () => {
  await b.open();
  await b.click('example-hokuto');
  await b.expectText('strategy-title', '北斗市');
  const id = (await b.driver.getCurrentUrl()).split('#/s/')[1].split('/')[0];
  await b.open(`#/s/${id}/folder`);
  await b.el('shared-folder');
  // No folder API here: the by-hand path is offered instead of 共有フォルダにつなぐ.
  assert.equal((await b.driver.findElements(By.css('[data-testid="folder-connect"]'))).length, 0);
  await giveName('田中');
  start = await exportOwn();
  if (b.name === 'firefox') {
    // A real download, under the own file's name.
    const saved = await b.downloaded(/^shirube-strategy-.*\.json$/);
    assert.equal(path.basename(saved), start[0]);
  }
  await writeEvaluation(id, 0, TANAKA_OUTCOMES);
  await b.open(`#/s/${id}/folder`);
  tanaka = await exportOwn();
  assert.equal(tanaka[0], start[0], 'one file per person, always the same name');
  assert.equal(JSON.parse(tanaka[1]).author.name, '田中');
  assert.ok(tanaka[1].includes(TANAKA_OUTCOMES));
});

test('佐藤 (a cleared profile): the start file imported, another evaluation, a folder read by hand merges 田中\'s', async () => {
  await b.clearStorage();
  await b.open('#/');
  await b.pickFile('import-file', tempFile(start[0], start[1]));
  await b.click('import-confirm');
  await b.expectText('strategy-title', '北斗市');
  const id = JSON.parse(start[1]).strategy.id;
  await b.open(`#/s/${id}/folder`);
  await giveName('佐藤');
  await writeEvaluation(id, 1, SATO_OUTCOMES);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shirube-share-'));
  fs.writeFileSync(path.join(dir, tanaka[0]), tanaka[1]);
  fs.writeFileSync(path.join(dir, `${tanaka[0]}.crswap`), 'half a write');
  await b.open(`#/s/${id}/folder`);
  // The folder's files, as the chooser hands them over (geckodriver takes files, not a folder).
  const input = await b.el('folder-read-by-hand');
  await input.sendKeys(fs.readdirSync(dir).map((f) => path.join(dir, f)).join('\n'));
  // (WebKit once showed nothing after this, 1 run in 40: the driver's side or the app's.)
  const handed = await b.driver.executeScript('return document.querySelector(\'[data-testid="folder-read-by-hand"]\').files.length');
  assert.equal(handed, 2, 'the driver handed the folder\'s two files to the input');
  await b.expectText('folder-said', '田中さんの変更を取り込みました');
  await b.shot('folder-by-hand');
  const s = Object.values(await b.storedStrategies())[0];
  const outcomes = (m) => s.goals[0].measures[m].evaluations.map((e) => e.outcomes);
  assert.deepEqual(outcomes(0), [TANAKA_OUTCOMES]);
  assert.deepEqual(outcomes(1), [SATO_OUTCOMES]);
  // The leftover is not a member's file: nothing refused, nothing listed for it.
  assert.equal((await b.driver.findElements(By.css('[data-testid="folder-refused-file"]'))).length, 0);

  const [name, text] = await exportOwn();
  assert.notEqual(name, tanaka[0], 'each member their own file');
  const own = JSON.parse(text);
  assert.equal(own.author.name, '佐藤');
  assert.ok(text.includes(TANAKA_OUTCOMES) && text.includes(SATO_OUTCOMES), 'the own file holds both');
});
