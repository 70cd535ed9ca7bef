// Small page helpers shared by the specs: what the page stores, storage filled by another page,
// a file dropped on the page the way a browser drops one, a field typed and committed.
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { storedEntries, storedStrategyOfPage } from './stored';

/** The open strategy as stored, once autosave has written it (the header says 保存済み). */
export async function savedStrategy(page: Page): Promise<any> {
  await expect(page.getByTestId('save-state')).toHaveText('保存済み');
  return storedStrategyOfPage(page);
}

/** Types a value into a field and commits it with Enter. */
export async function enter(page: Page, testid: string, value: string) {
  await page.getByTestId(testid).fill(value);
  await page.getByTestId(testid).press('Enter');
}

/** Every entry the page stores — in IndexedDB (the app's data) and in localStorage (where the
 *  app keeps it when IndexedDB is unavailable) —, to compare byte for byte before and after. */
export async function storageSnapshot(page: Page): Promise<Record<string, string>> {
  const local: Record<string, string> = await page.evaluate(() => {
    const out: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i)!;
      out[k] = localStorage.getItem(k)!;
    }
    return out;
  });
  const hasIndexedDb = await page.evaluate(() => {
    try {
      return Boolean(window.indexedDB);
    } catch {
      return false;
    }
  });
  return hasIndexedDb ? { ...local, ...(await storedEntries(page)) } : local;
}

/** Drops a file on the page the way a browser does: dragenter, dragover, drop, with files.
 *  `stopBeforeDrop` leaves the drag hovering (the DataTransfer stays in `window.__dt`). */
export async function dropFile(page: Page, name: string, text: string, options: { type?: string; stopBeforeDrop?: boolean } = {}) {
  const { type = 'application/json', stopBeforeDrop = false } = options;
  await page.evaluate(
    ({ name, text, type, stopBeforeDrop }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type }));
      (window as unknown as { __dt: DataTransfer }).__dt = dt;
      const fire = (kind: string) => document.body.dispatchEvent(new DragEvent(kind, { dataTransfer: dt, bubbles: true, cancelable: true }));
      fire('dragenter');
      fire('dragover');
      if (!stopBeforeDrop) fire('drop');
    },
    { name, text, type, stopBeforeDrop },
  );
}

/** Every alert / confirm / prompt the page opens from now on (each dismissed): a script that
 *  ran where only text should be shows up here. */
export function recordDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return dialogs;
}

/** Another page of the same site fills the storage (Chromium: 5 Mi UTF-16 units per site) under
 *  `key`: the largest text that fits, so that not even a small write fits beside it. Returns its
 *  length. */
export async function fillStorage(page: Page, key = 'another-page/cache'): Promise<number> {
  return page.evaluate((key) => {
    let lo = 0;
    let hi = 6 * 1024 * 1024;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      try { localStorage.setItem(key, 'x'.repeat(mid)); lo = mid; } catch { hi = mid - 1; }
    }
    localStorage.setItem(key, 'x'.repeat(lo));
    return lo;
  }, key);
}

/** Edits goal `n` (0-based) of strategy `id` in the editor: one field, committed with Enter, then
 *  saved. */
export async function editGoal(page: Page, id: string, n: number, field: 'goal-title' | 'goal-subtitle', text: string) {
  await page.goto(`./#/s/${id}/edit`);
  await page.getByTestId('outline-goal').nth(n).click();
  await page.getByTestId(field).fill(text);
  await page.getByTestId(field).press('Enter');
  await expect(page.getByTestId('save-state')).toHaveClass(/saved/, { timeout: 10_000 });
}

/** 北本市's example opened, 「みんなで」 put into its first goal's title after two characters and
 *  saved, then that version compared on 履歴 with the one before it (「この版と比べる」). */
export async function retitleFirstGoalAndCompare(page: Page, openApp: () => Promise<void>) {
  await openApp();
  await page.getByTestId('example-kitamoto').click();
  const before = await storedStrategyOfPage(page);
  const old: string = before.goals[0].title;
  await page.getByTestId('nav-edit').click();
  await page.getByTestId('outline-goal').first().click();
  await enter(page, 'goal-title', `${old.slice(0, 2)}みんなで${old.slice(2)}`);
  await expect(page.getByTestId('save-state')).toHaveText('保存済み');
  await page.getByTestId('nav-history').click();
  await page.getByTestId('version-row').first().getByTestId('compare-version').click();
}
