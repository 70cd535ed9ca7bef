// Shared fixtures for every e2e spec. Import `test` and `expect` from here, not
// from '@playwright/test':
//
//   import { test, expect } from './fixtures';
//   test('…', async ({ page, openApp, pageErrors, shot }) => {
//     await openApp();                 // loads the sub-path root, waits for the app's page to render
//     …
//     await shot('dashboard');         // -> test-results/screenshots/dashboard.png
//     expect(pageErrors).toEqual([]);  // no console errors, uncaught exceptions or HTTP errors
//   });
//
// What every test gets without asking (an automatic fixture):
// - every request of the browser context is recorded (`requests`), and the test
//   FAILS if any went anywhere but 127.0.0.1 (the app must work with no network:
//   no CDN, no fonts, no analytics). data:, blob: and about: URLs never leave
//   the browser and are allowed.
// - console errors, uncaught page exceptions, crashes and HTTP >= 400 answers from
//   the local server are collected in `pageErrors` (except Chromium's own request for
//   /favicon.ico at the host root); assert on them yourself (some
//   tests provoke errors on purpose), e.g. with `expect(pageErrors).toEqual([])`.
// - on failure the request list and the errors are attached to the report.
import fs from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { BASE_PATH, SCREENSHOT_DIR } from './paths';

export { expect, BASE_PATH, SCREENSHOT_DIR };

export interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
}

export interface PageError {
  kind: 'pageerror' | 'console' | 'crash' | 'http';
  text: string;
  url?: string;
}

/** True for URLs that stay on this machine's loopback address (or never leave the browser). */
export function isLocalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'about:') return true;
  return ['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) && url.hostname === '127.0.0.1';
}

function isFavicon(raw: string | undefined): boolean {
  try {
    return raw !== undefined && new URL(raw).pathname === '/favicon.ico';
  } catch {
    return false;
  }
}

type Fixtures = {
  /** Every request made by the test's browser context, in order. */
  requests: RecordedRequest[];
  /** Console errors, uncaught exceptions, crashes and local HTTP errors, in order. */
  pageErrors: PageError[];
  /**
   * Loads the app from the sub-path root (plus an optional "#/…" route) and waits
   * until Trunk's loader has started the wasm (the `TrunkApplicationStarted` event).
   */
  openApp: (hash?: string) => Promise<void>;
  /** Full-page screenshot to test-results/screenshots/<name>.png; returns the path. */
  shot: (name: string, target?: Page) => Promise<string>;
  /** Internal: checks `requests` after the test; always on. */
  networkGuard: void;
};

declare global {
  interface Window {
    __shirubeAppStarted?: boolean;
  }
}

export const test = base.extend<Fixtures>({
  requests: async ({ context }, use) => {
    const requests: RecordedRequest[] = [];
    context.on('request', (req) => {
      requests.push({ url: req.url(), method: req.method(), resourceType: req.resourceType() });
    });
    await use(requests);
  },

  pageErrors: async ({ context }, use) => {
    const errors: PageError[] = [];
    const watch = (page: Page) => {
      page.on('pageerror', (err) => errors.push({ kind: 'pageerror', text: err.stack ?? String(err), url: page.url() }));
      page.on('console', (msg) => {
        if (msg.type() === 'error') {
          const loc = msg.location();
          // Chromium asks the host root for /favicon.ico when the page declares no icon;
          // that 404 is the browser's, not the app's.
          if (isFavicon(loc.url)) return;
          errors.push({ kind: 'console', text: msg.text(), url: loc.url ? `${loc.url}:${loc.lineNumber}` : page.url() });
        }
      });
      page.on('crash', () => errors.push({ kind: 'crash', text: 'page crashed', url: page.url() }));
      page.on('response', (res) => {
        if (res.status() >= 400 && isLocalUrl(res.url()) && !isFavicon(res.url())) {
          errors.push({ kind: 'http', text: `HTTP ${res.status()} for ${res.request().method()} ${res.url()}`, url: res.url() });
        }
      });
    };
    context.pages().forEach(watch);
    context.on('page', watch);
    await use(errors);
  },

  networkGuard: [
    async ({ requests, pageErrors, page }, use, testInfo) => {
      const sockets: string[] = [];
      page.on('websocket', (ws) => sockets.push(ws.url()));
      await use();
      const foreign = [...requests.map((r) => r.url), ...sockets].filter((u) => !isLocalUrl(u));
      if (testInfo.status !== testInfo.expectedStatus || foreign.length > 0) {
        await testInfo.attach('requests.json', { body: JSON.stringify(requests, null, 2), contentType: 'application/json' });
        await testInfo.attach('page-errors.json', { body: JSON.stringify(pageErrors, null, 2), contentType: 'application/json' });
      }
      expect(foreign, `requests to hosts other than 127.0.0.1:\n${foreign.join('\n')}`).toEqual([]);
    },
    { auto: true },
  ],

  openApp: async ({ page }, use) => {
    await page.addInitScript(() => {
      window.addEventListener('TrunkApplicationStarted', () => {
        window.__shirubeAppStarted = true;
      });
    });
    await use(async (hash = '') => {
      const response = await page.goto(`./${hash}`);
      expect(response?.status(), 'status of the app page').toBe(200);
      await page.waitForFunction(() => window.__shirubeAppStarted === true, undefined, { timeout: 30_000 });
      // The wasm has started; the app mounts once storage (IndexedDB) has opened, which on a busy
      // machine comes later: wait for the page itself, as a user would.
      await page.locator('main#main').waitFor({ timeout: 30_000 });
    });
  },

  shot: async ({ page }, use) => {
    await use(async (name: string, target: Page = page) => {
      const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-');
      const file = path.join(SCREENSHOT_DIR, `${safe}.png`);
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await target.screenshot({ path: file, fullPage: true });
      return file;
    });
  },
});
