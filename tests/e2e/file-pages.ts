// Helpers for the offline, single-file and hand-out specs: a second static server over a
// copy of dist/ (so a test can "publish a new version" without touching dist/), pages opened
// from file:// (which the shared fixtures' network guard would count as foreign), and the
// create form.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { REPO_ROOT } from './paths';

/** dist/ as the e2e run serves it (E2E_DIST, as in static-server.mjs). */
export const DIST = path.resolve(REPO_ROOT, process.env.E2E_DIST ?? 'dist');
/** The single-file build (scripts/build.sh writes shirube.html at the repo root). */
export const SINGLE_FILE = path.resolve(REPO_ROOT, process.env.E2E_SINGLE_FILE ?? 'shirube.html');

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `shirube-${prefix}-`));
}

/** Serves `dir` with tests/e2e/static-server.mjs at http://127.0.0.1:<port><base>. */
export async function startServer(dir: string, port: number, base: string): Promise<{ url: string; stop: () => void }> {
  const child: ChildProcess = spawn(process.execPath, [path.join(REPO_ROOT, 'tests/e2e/static-server.mjs')], {
    env: { ...process.env, E2E_DIST: dir, E2E_PORT: String(port), E2E_BASE_PATH: base, E2E_SERVER_LOG_FILE: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => { stderr += d; });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`static server did not start: ${stderr}`)), 10_000);
    child.stdout?.on('data', (d) => {
      if (String(d).includes('serving')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`static server exited (${code}): ${stderr}`)));
  });
  return { url: `http://127.0.0.1:${port}${base}`, stop: () => child.kill('SIGTERM') };
}

/** Waits for the wasm app to have started (Trunk's and the single file's start-up event). */
export async function trackAppStart(page: Page | BrowserContext): Promise<void> {
  await page.addInitScript(() => {
    window.addEventListener('TrunkApplicationStarted', () => {
      (window as unknown as { __shirubeAppStarted: boolean }).__shirubeAppStarted = true;
    });
  });
}

export async function appStarted(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __shirubeAppStarted?: boolean }).__shirubeAppStarted === true, undefined, { timeout: 30_000 });
}

/** Fails the test on requests leaving this machine (file:, data:, blob: and 127.0.0.1 are fine). */
export function guardNetwork(context: BrowserContext): string[] {
  const foreign: string[] = [];
  context.on('request', (req) => {
    const url = new URL(req.url());
    const local = ['file:', 'data:', 'blob:', 'about:'].includes(url.protocol) || url.hostname === '127.0.0.1';
    if (!local) foreign.push(req.url());
  });
  return foreign;
}

/** Uncaught exceptions and console errors of a page. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e.stack ?? e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${m.text()} @ ${m.location().url}`);
  });
  return errors;
}

/** Creates a blank strategy with the create form; leaves the page on its overview. */
export async function createStrategy(page: Page, title: string, municipality = 'しるべ町'): Promise<void> {
  await page.getByTestId('new-strategy').click();
  await page.locator('#new-title').fill(title);
  await page.locator('#new-municipality').fill(municipality);
  await page.locator('#new-first').fill('令和8年度');
  await page.locator('#new-last').fill('令和12年度');
  await page.getByTestId('create-submit').click();
  await expect(page.getByTestId('strategy-title')).toHaveText(title);
}
