/* Shirube's service worker: keeps the app shell of this build in a cache, so the app opens
 * with no network after the first visit. Written into dist/sw.js by scripts/sw-build.mjs,
 * which fills in VERSION (a hash of every file in dist/) and FILES (every file in dist/): any
 * change to any file changes this file's bytes, which is how the browser notices a new build.
 *
 * - install: caches every file of this build under its own cache ("shirube <scope> <version>");
 *   no skipWaiting here: a new version waits until the user clicks 「更新する」 (message
 *   SKIP_WAITING from web/sw-register.js), so a page in use is never swapped under the user.
 * - activate: deletes the caches of older versions of this scope only (another Shirube under
 *   another sub-path of the same host keeps its own), and takes control of open pages.
 * - fetch: the page (a navigation to the scope's root or index.html) is the cached index.html;
 *   other files of the build come from the same version's cache, so a page never gets the wasm
 *   of another version; anything else goes to the network as usual.
 */
'use strict';
const VERSION = '__SHIRUBE_VERSION__';
const FILES = __SHIRUBE_FILES__;
const SCOPE = self.registration.scope;
const PREFIX = 'shirube ' + SCOPE + ' ';
const CACHE = PREFIX + VERSION;
const INDEX = new URL('index.html', SCOPE).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // 'no-cache': revalidate with the server, never take a file from the HTTP cache.
      cache.addAll(FILES.map((f) => new Request(new URL(f, SCOPE).href, { cache: 'no-cache' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  const url = new URL(request.url);
  url.hash = '';
  url.search = '';
  const isShell = request.mode === 'navigate' && (url.href === SCOPE || url.href === INDEX);
  const key = isShell ? INDEX : url.href;
  event.respondWith(
    caches.open(CACHE)
      .then((cache) => cache.match(key))
      .then((hit) => hit || fetch(request)),
  );
});
