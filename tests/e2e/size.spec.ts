// What a visit really downloads, measured from the page's own responses (gzip -9 of
// each body, as a server that compresses would send it): the first visit (the strategy list),
// and a visit that goes on to open the 北斗市 example and its dashboard with its charts, each
// within its limit (scripts/size-gate.mjs: the budget of 220 KB / 650 KB, or the figure
// recorded in scripts/sizes.json while the visit is still over it). The first visit's files must be exactly those scripts/size-gate.mjs
// counts from dist/ after the build (so the gate that runs without a browser counts the right
// files). The service worker is blocked (the configuration's default): its precache of every
// file runs in the background after the first visit and is not what the visitor waits for.
import zlib from 'node:zlib';
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { DIST } from './file-pages';
// @ts-ignore: a plain ES module of the build scripts (no types)
import { BUDGET, MAX_WASM_FILES_PER_VISIT, firstVisitFiles, limitOf, recordedSizes, visitWasmFiles } from '../../scripts/size-gate.mjs';

/** Every response of the page from now on: its path under the app and its gzipped size. */
function recordResponses(page: Page, base: string) {
  const seen = new Map<string, number>();
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (!url.href.startsWith(base) || response.status() !== 200) return;
    const file = decodeURIComponent(url.pathname.slice(new URL(base).pathname.length)) || 'index.html';
    pending.push(
      response
        .body()
        .then((body) => {
          seen.set(file, zlib.gzipSync(body, { level: 9 }).length);
        })
        .catch(() => {}),
    );
  });
  return {
    async settle() {
      await Promise.all(pending);
      return seen;
    },
  };
}

const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
const table = (m: Map<string, number>) => [...m.entries()].sort().map(([f, n]) => `${String(n).padStart(8)}  ${f}`).join('\n');

test('the first visit and a dashboard visit stay within their budgets', async ({ page, openApp, pageErrors, baseURL }) => {
  const responses = recordResponses(page, baseURL!);
  await openApp();
  await expect(page.getByTestId('example-hokuto')).toBeVisible();
  await page.waitForLoadState('networkidle');
  const first = new Map(await responses.settle());
  console.log(`first visit, gzip -9 bytes:\n${table(first)}\n${String(total(first)).padStart(8)}  total`);
  // The gate's static count names exactly what the page fetched — and, to be safe, two files a
  // browser fetches when it may: the service worker's own file (blocked here) and the manifest
  // (headless Chromium asks for it only when installing).
  const counted: string[] = firstVisitFiles(DIST);
  expect([...first.keys()].sort()).toEqual(counted.filter((f) => f !== 'sw.js' && f !== 'manifest.webmanifest'));
  expect(counted).toEqual(expect.arrayContaining(['sw.js', 'manifest.webmanifest']));
  const recorded = recordedSizes();
  expect(total(first)).toBeLessThanOrEqual(limitOf(BUDGET.firstVisit, recorded.first_visit));

  await page.getByTestId('example-hokuto').click();
  await expect(page.getByTestId('overview')).toBeVisible();
  await page.getByTestId('nav-charts').click();
  await expect(page.getByTestId('chart-canvas').first().locator('canvas')).toBeVisible();
  await page.waitForLoadState('networkidle');
  const all = await responses.settle();
  const later = new Map([...all].filter(([f]) => !first.has(f)));
  console.log(`then the 北斗市 example and its dashboard, gzip -9 bytes:\n${table(later)}\n${String(total(all)).padStart(8)}  total with the first visit`);
  expect([...later.keys()].some((f) => f.startsWith('echarts'))).toBe(true);
  // The dashboard visit has no budget of its own: it is held to its recorded bytes (and 1 %).
  expect(total(all)).toBeLessThanOrEqual(Math.ceil(recorded.dashboard_visit * 1.01));
  expect(pageErrors).toEqual([]);
});

// Each visit — a page loaded at its route, as a bookmark or a reload opens it — fetches
// only the wasm files scripts/size-gate.mjs counts for it (GATED_VISITS: the parts shaped by the visit),
// at most MAX_WASM_FILES_PER_VISIT, so the gate that runs without a browser counts the right files.
test('each visit fetches only its parts, at most 30 wasm files', async ({ page, openApp, pageErrors, baseURL }) => {
  test.setTimeout(180_000);
  const wasm: string[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.pathname.endsWith('.wasm') && response.status() === 200) wasm.push(decodeURIComponent(url.pathname.slice(new URL(baseURL!).pathname.length)));
  });
  const visit = async (name: string, open: () => Promise<void>) => {
    // A load of its own (a new hash alone would move within the loaded page).
    await page.goto('about:blank');
    wasm.length = 0;
    await open();
    await page.waitForLoadState('networkidle');
    const fetched = [...new Set(wasm)].sort();
    const counted: string[] = visitWasmFiles(name, DIST);
    console.log(`${name}: ${fetched.length} wasm files fetched (the gate counts ${counted.length})`);
    expect(fetched.length, `${name}: wasm files`).toBeLessThanOrEqual(MAX_WASM_FILES_PER_VISIT);
    expect(fetched.filter((f) => !counted.includes(f)), `${name}: files the gate does not count`).toEqual([]);
  };
  await visit('list', async () => {
    await openApp();
    await expect(page.getByTestId('example-hokuto')).toBeVisible();
  });
  // The example is stored by opening it; then every page of it is loaded afresh at its route.
  await page.getByTestId('example-hokuto').click();
  await expect(page.getByTestId('overview')).toBeVisible();
  const strategy = new URL(page.url()).hash;
  const routes: [string, string, string][] = [
    ['overview', strategy, 'overview'],
    ['dashboard', `${strategy}/dashboard`, 'dashboard'],
    ['editor', `${strategy}/edit`, 'editor'],
    ['files', `${strategy}/files`, 'files-page'],
    ['vision', `${strategy}/vision`, 'vision-page'],
  ];
  for (const [name, hash, testid] of routes) {
    await visit(name, async () => {
      await openApp(hash);
      await expect(page.getByTestId(testid)).toBeVisible();
    });
  }
  await openApp();
  await page.getByTestId('region-name-input').fill('訪問テスト管内');
  await page.getByTestId('create-region').click();
  await expect(page.getByTestId('region-page')).toBeVisible();
  const region = new URL(page.url()).hash;
  await visit('region', async () => {
    await openApp(region);
    await expect(page.getByTestId('region-page')).toBeVisible();
  });
  expect(pageErrors).toEqual([]);
});
