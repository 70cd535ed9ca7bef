// Smoke test: the release build loads from a sub-path of a plain static host,
// starts, renders, makes no request off this machine and logs no error.
import { test, expect, BASE_PATH, isLocalUrl } from './fixtures';

test('the built app loads and renders from the sub-path', async ({ page, openApp, requests, pageErrors, shot }) => {
  const wasmTypes: string[] = [];
  page.on('response', (res) => {
    if (new URL(res.url()).pathname.endsWith('.wasm')) wasmTypes.push(res.headers()['content-type'] ?? '');
  });

  await openApp();

  expect(new URL(page.url()).pathname).toBe(BASE_PATH);
  expect(await page.evaluate(() => document.title)).toContain('Shirube');

  // The app rendered something: #app (or, if the page has none, body) has visible
  // text and elements beyond the page's own <script>/<link>/<noscript> tags.
  const rendered = await page.evaluate(() => {
    const root = document.querySelector('#app') ?? document.body;
    const elements = Array.from(root.querySelectorAll('*')).filter(
      (el) => !['SCRIPT', 'LINK', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(el.tagName),
    );
    return { elements: elements.length, text: (root as HTMLElement).innerText.trim() };
  });
  expect(rendered.elements, 'rendered elements').toBeGreaterThan(0);
  expect(rendered.text.length, 'rendered text').toBeGreaterThan(0);

  // Every file came from the sub-path (relative URLs), and the wasm was served as application/wasm.
  const local = requests.filter((r) => isLocalUrl(r.url) && r.url.startsWith('http'));
  expect(local.length).toBeGreaterThan(0);
  for (const r of local) {
    const pathname = new URL(r.url).pathname;
    if (pathname === '/favicon.ico') continue;
    expect(pathname, `request outside the sub-path: ${r.url}`).toMatch(new RegExp(`^${BASE_PATH}`));
  }
  expect(wasmTypes.length, 'a .wasm file was loaded').toBeGreaterThan(0);
  for (const t of wasmTypes) expect(t).toBe('application/wasm');

  await shot('smoke-home');
  expect(pageErrors).toEqual([]);
});

test('the static server serves only the sub-path, without listings', async ({ request }) => {
  const origin = new URL(test.info().project.use.baseURL ?? '').origin;
  const get = (p: string) => request.get(`${origin}${p}`, { maxRedirects: 0, failOnStatusCode: false });

  expect((await get(BASE_PATH)).status()).toBe(200);
  expect((await get(`${BASE_PATH}index.html`)).headers()['content-type']).toContain('text/html');
  const noSlash = await get(BASE_PATH.slice(0, -1));
  expect(noSlash.status()).toBe(301);
  expect(noSlash.headers()['location']).toBe(BASE_PATH);
  for (const p of ['/', '/index.html', '/towns/', '/towns/hokuto/', `${BASE_PATH}does-not-exist.js`, `${BASE_PATH}..%2f..%2fpackage.json`]) {
    expect((await get(p)).status(), p).toBe(404);
  }
});
