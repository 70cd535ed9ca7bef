// The README's first command, run as a newcomer runs it: `bash scripts/serve.sh`
// starts, the port answers, the page in Chromium shows the strategy list, and Ctrl-C stops it.
// In the test command the release build has just been made, so serve.sh finds dist/ current and
// serves it without building again (a stale dist/ would be rebuilt, which this test also
// accepts, given the time). `serve.sh --dev` (trunk serve, a debug build rebuilt on change) is
// run the same way, into a folder of its own so that the release dist/ the other tests use is
// left alone; its debug build reuses what the wasm tests compiled.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { REPO_ROOT } from './paths';

async function answers(url: string): Promise<number | null> {
  try {
    return (await fetch(url)).status;
  } catch {
    return null;
  }
}

/** Runs `bash scripts/serve.sh …args` until `check` is done with the page at `url`, then stops
 *  it as Ctrl-C does in a terminal (its own process group) and checks that the port is free.
 *  Returns what it printed. */
async function serveAndLook(page: Page, args: string[], url: string, env: Record<string, string>, check: () => Promise<void>) {
  let output = '';
  const serve: ChildProcess = spawn('bash', ['scripts/serve.sh', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  serve.stdout?.on('data', (d) => (output += d));
  serve.stderr?.on('data', (d) => (output += d));
  let exited: number | null = null;
  serve.on('exit', (code) => (exited = code ?? -1));
  try {
    await expect
      .poll(async () => (exited !== null ? `exited ${exited}: ${output.slice(-2000)}` : await answers(url)), {
        message: `scripts/serve.sh ${args.join(' ')} answers on its port`,
        timeout: 14 * 60_000,
        intervals: [500],
      })
      .toBe(200);
    await page.goto(url);
    await check();
  } finally {
    if (exited === null && serve.pid) process.kill(-serve.pid, 'SIGINT');
  }
  await expect.poll(() => exited, { message: 'serve.sh stops on Ctrl-C', timeout: 15_000 }).not.toBeNull();
  await expect.poll(() => answers(url), { message: 'the port is free again', timeout: 10_000 }).toBeNull();
  return output;
}

/** The strategy list of an empty browser, as a newcomer first sees it. */
async function seesTheList(page: Page) {
  await expect(page.getByTestId('welcome')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('empty-list')).toBeVisible();
  await expect(page.getByTestId('example-kitamoto')).toBeVisible();
}

test('bash scripts/serve.sh serves the release build at the root, with the strategy list', async ({ page, pageErrors, shot }) => {
  test.setTimeout(15 * 60_000);
  const url = 'http://127.0.0.1:8093/';
  const output = await serveAndLook(page, [], url, { SHIRUBE_SERVE_PORT: '8093' }, async () => {
    await seesTheList(page);
    await shot('serve-command-list');
  });
  expect(output).toContain(`serving dist/ → ${url}`);
  expect(pageErrors).toEqual([]);
});

test('bash scripts/serve.sh --dev serves a debug build that rebuilds on change, with the strategy list', async ({ page, pageErrors, shot }) => {
  test.setTimeout(15 * 60_000);
  const url = 'http://127.0.0.1:8094/';
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'shirube-dev-dist-'));
  try {
    const output = await serveAndLook(page, ['--dev', '--port', '8094', '--dist', dist], url, {}, async () => {
      await seesTheList(page);
      // The debug build's parts load too: an example opens on its overview.
      await page.getByTestId('example-kitamoto').click();
      await expect(page.getByTestId('overview')).toBeVisible({ timeout: 60_000 });
      await shot('serve-dev-overview');
    });
    expect(output).toContain('trunk serve (debug build, rebuilt on change)');
    // The debug build keeps its dev-server websocket for reloads; nothing else may fail.
    expect(pageErrors.filter((e) => !/ws:\/\/|WebSocket/.test(e.text))).toEqual([]);
  } finally {
    fs.rmSync(dist, { recursive: true, force: true });
  }
});
