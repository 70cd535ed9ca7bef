// What the app has stored, read and written the way the app keeps it: IndexedDB database
// "shirube", object store "kv" (string keys; text values as UTF-8 bytes, or strings as the first
// release wrote them; see src/storage/indexed_db.rs).
// Each call opens its own connection and closes it again. Opening creates the store when the
// database is new, exactly as the app does (version 1), so a test that writes before the app
// ever ran leaves a database the app opens as usual.
import type { Page } from '@playwright/test';

/** In the page: reads every entry of the "kv" store, or writes the given ones, in one
 *  transaction; resolves when it completed. (No code is sent as text: the page's
 *  Content-Security-Policy refuses `new Function`, for the tests as for anyone.) */
async function withKv<T>(page: Page, op: 'readAll' | 'write', arg: Record<string, string | null> | null): Promise<T> {
  return page.evaluate(
    async ({ op, arg }) => {
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const req = indexedDB.open('shirube', 1);
        req.onupgradeneeded = () => req.result.createObjectStore('kv');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      try {
        const tx = db.transaction('kv', op === 'write' ? 'readwrite' : 'readonly');
        const store = tx.objectStore('kv');
        const done = new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error);
        });
        let result: unknown = null;
        if (op === 'write') {
          for (const [k, v] of Object.entries(arg ?? {})) {
            if (v === null) store.delete(k);
            else store.put(new TextEncoder().encode(v), k);
          }
        } else {
          result = await new Promise((resolve, reject) => {
            const out: Record<string, string> = {};
            const req = store.openCursor();
            req.onsuccess = () => {
              const c = req.result;
              if (!c) return resolve(out);
              out[c.key as string] = c.value instanceof Uint8Array ? new TextDecoder('utf-8', { fatal: true }).decode(c.value) : c.value;
              c.continue();
            };
            req.onerror = () => reject(req.error);
          });
        }
        await done;
        return result;
      } finally {
        db.close();
      }
    },
    { op, arg },
  ) as Promise<T>;
}

/** Every entry the app stored, key → text. */
export async function storedEntries(page: Page): Promise<Record<string, string>> {
  return withKv(page, 'readAll', null);
}

/** The text stored under `key`, or null. */
export async function storedText(page: Page, key: string): Promise<string | null> {
  const all = await storedEntries(page);
  return all[key] ?? null;
}

/** Writes (or, with null, removes) entries behind the app's back, in one transaction, as the app
 *  writes text (UTF-8 bytes). */
export async function writeStored(page: Page, entries: Record<string, string | null>): Promise<void> {
  await withKv(page, 'write', entries);
}

/** The strategy stored under the id in the page's hash (`#/s/<id>/…`), as the file's `strategy`. */
export async function storedStrategyOfPage(page: Page): Promise<any> {
  // The app may announce what it did (a notice) a moment before it routes to the strategy.
  const handle = await page.waitForFunction(() => /^#\/s\/[^/]+/.test(location.hash) && location.hash.split('/')[2]);
  const id = decodeURIComponent((await handle.jsonValue()) as string);
  const text = await storedText(page, `shirube/v1/strategy/${id}`);
  return JSON.parse(text!).strategy;
}

/** From now on the page has no IndexedDB (as some private windows and file:// pages): the app
 *  keeps its data in localStorage instead. For the tests of that fallback and of localStorage's
 *  5-million-character limit. */
export async function withoutIndexedDb(page: Page): Promise<void> {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', {
      configurable: true,
      get() {
        throw new DOMException('IndexedDB is blocked (test)', 'SecurityError');
      },
    });
  });
}
