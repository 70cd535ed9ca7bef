// The app's wasm parts: a part the server does not deliver never kills the page — it is
// asked for twice, then the page says so with 再読み込み, and what was typed is kept —, and the
// parts a route needs are requested before storage is opened.
import { test, expect } from './fixtures';
import { DIST } from './file-pages';
import { enter, storageSnapshot } from './helpers';
import { storedStrategyOfPage } from './stored';
// @ts-ignore: a plain ES module of the build scripts (no types)
import { splitParts } from '../../scripts/size-gate.mjs';

/** The file of a part's own module (the first file wasm-split's loader lists for it). */
function ownFile(part: string): string {
  const files: string[] | undefined = splitParts(DIST).get(part);
  expect(files, `the part "${part}" in the build`).toBeTruthy();
  return files![0].split('/').pop()!;
}

test('a part the server refuses: asked twice, then a message with 再読み込み; nothing typed is lost', async ({ page, openApp, pageErrors, shot }) => {
  test.setTimeout(120_000);
  await openApp();
  await page.getByTestId('example-hokuto').click();
  await expect(page.getByTestId('overview')).toBeVisible();
  const strategy = new URL(page.url()).hash;
  await page.getByTestId('edit').click();
  await expect(page.getByTestId('editor')).toBeVisible();

  // The files page's part is refused, as a host without the tab's release would.
  const refused = ownFile('files');
  let asked = 0;
  await page.route(`**/${refused}`, (route) => {
    asked += 1;
    return route.abort('connectionrefused');
  });
  // A change typed just before: it is saved (or kept as a draft) whatever happens to the part.
  await enter(page, 'strategy-title-field', '北斗市総合戦略（部品テスト）');
  await page.evaluate((hash) => (location.hash = `${hash}/files`), strategy);
  const banner = page.getByTestId('part-missing');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('アプリの一部を読み込めませんでした');
  await expect(page.getByTestId('part-missing-reload')).toHaveText('再読み込み');
  expect(asked, 'the part was asked for once more before giving up').toBe(2);
  await expect(page.getByTestId('files-page')).toHaveCount(0);
  await shot('part-missing');

  // Storage holds the change and nothing else changes while the banner is up.
  await expect(page.getByTestId('save-state')).toHaveText('保存済み');
  expect((await storedStrategyOfPage(page)).title).toBe('北斗市総合戦略（部品テスト）');
  const before = await storageSnapshot(page);
  await page.waitForTimeout(1_500);
  expect(await storageSnapshot(page)).toEqual(before);

  // The host has the part again: 再読み込み brings the page back, with the change.
  await page.unroute(`**/${refused}`);
  await page.getByTestId('part-missing-reload').click();
  await expect(page.getByTestId('files-page')).toBeVisible();
  await expect(page.getByTestId('part-missing')).toHaveCount(0);
  expect((await storedStrategyOfPage(page)).title).toBe('北斗市総合戦略（部品テスト）');
  // The refused requests are the only errors.
  expect(pageErrors.filter((e) => !e.text.includes(refused) && !/Failed to fetch|net::ERR_CONNECTION_REFUSED/.test(e.text))).toEqual([]);
});

test("a deep link's parts are requested before storage is opened", async ({ page, openApp, pageErrors }) => {
  await openApp();
  await page.getByTestId('example-hokuto').click();
  await expect(page.getByTestId('overview')).toBeVisible();
  const strategy = new URL(page.url()).hash;
  // When the page first asks for IndexedDB, on the page's own clock.
  await page.addInitScript(() => {
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (this: IDBFactory, ...args: [string, number?]) {
      const w = window as unknown as { __idbOpenedAt?: number };
      w.__idbOpenedAt ??= performance.now();
      return open.apply(this, args);
    };
  });
  await page.goto('about:blank'); // a load of its own, not a move within the page
  await openApp(`${strategy}/edit`);
  await expect(page.getByTestId('editor')).toBeVisible();
  const editor = ownFile('editor');
  const actions = ownFile('actions');
  const timing = await page.evaluate(
    ([editor, actions]) => {
      const start = (file: string) => performance.getEntriesByType('resource').find((e) => e.name.endsWith(`/${file}`))?.startTime ?? null;
      return { opened: (window as unknown as { __idbOpenedAt?: number }).__idbOpenedAt ?? null, editor: start(editor), actions: start(actions) };
    },
    [editor, actions],
  );
  console.log(`deep link to the editor: IndexedDB opened at ${timing.opened?.toFixed(1)} ms; editor part requested at ${timing.editor?.toFixed(1)} ms, actions part at ${timing.actions?.toFixed(1)} ms`);
  expect(timing.opened).not.toBeNull();
  expect(timing.editor).not.toBeNull();
  expect(timing.actions).not.toBeNull();
  expect(timing.editor!).toBeLessThan(timing.opened!);
  expect(timing.actions!).toBeLessThan(timing.opened!);
  expect(pageErrors).toEqual([]);
});
