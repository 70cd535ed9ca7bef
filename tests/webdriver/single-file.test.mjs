// The single file shirube.html (made by scripts/build.sh) opened from file:// with no server,
// in Firefox: an example opens from its inlined copy, an edit is kept across a reload, and the
// suite reports where Firefox let the file keep it (IndexedDB or localStorage). WebKit's
// MiniBrowser is not asked: a town's iPad opens the hosted app, not a file.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { BROWSER, REPO_ROOT, startBrowser } from './harness.mjs';

const SINGLE_FILE = path.join(REPO_ROOT, 'shirube.html');
let b;

before(async () => {
  if (BROWSER !== 'firefox') return;
  b = await startBrowser();
});
after(async () => b && b.quit());

test('shirube.html from file:// keeps an edit across a reload', { skip: BROWSER !== 'firefox' && 'Firefox only' }, async () => {
  assert.ok(fs.existsSync(SINGLE_FILE), `${SINGLE_FILE} (bash scripts/build.sh makes it)`);
  const url = pathToFileURL(SINGLE_FILE).href;
  await b.open('', url);
  await b.click('example-kitamoto');
  await b.click('edit');
  await b.click('outline-indicator', '出生数');
  await b.enter('actual-0-2024', '361');
  await b.saved();
  await b.shot('single-file-editor');

  await b.reload();
  await b.click('outline-indicator', '出生数');
  await b.expectValue('actual-0-2024', '361');

  // Where the file:// page kept it: the app uses IndexedDB where the browser gives it.
  const where = await b.driver.executeAsyncScript(function (done) {
    const local = Object.keys(localStorage).filter((k) => k.startsWith('shirube/')).length;
    let req;
    try {
      req = indexedDB.open('shirube', 1);
    } catch (e) {
      return done({ local, indexedDb: `unavailable: ${e.name}` });
    }
    req.onerror = () => done({ local, indexedDb: `error: ${req.error && req.error.name}` });
    req.onsuccess = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('kv')) return done({ local, indexedDb: 0 });
      const count = db.transaction('kv').objectStore('kv').count();
      count.onsuccess = () => done({ local, indexedDb: count.result });
    };
  });
  console.log(`# file:// storage in ${b.version}: ${JSON.stringify(where)}`);
  assert.ok(where.indexedDb > 0 || where.local > 0, `stored somewhere: ${JSON.stringify(where)}`);
});
