// The README's first command, run as a newcomer runs it (issue 45): `bash scripts/serve.sh`
// starts, the port answers, the page in Chromium shows the strategy list, and Ctrl-C stops it.
// In the test command the release build has just been made, so serve.sh finds dist/ current and
// serves it without building again (it says so; a stale dist/ would be rebuilt, which this test
// also accepts, given the time).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { test, expect } from './fixtures';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const PORT = 8093;
const URL_ROOT = `http://127.0.0.1:${PORT}/`;

async function answers(url: string): Promise<number | null> {
  try {
    return (await fetch(url)).status;
  } catch {
    return null;
  }
}

test('bash scripts/serve.sh serves the release build at the root, with the strategy list', async ({ page, pageErrors, shot }) => {
  test.setTimeout(15 * 60_000);
  let output = '';
  // Its own process group, so that the group can be stopped as Ctrl-C stops it in a terminal.
  const serve: ChildProcess = spawn('bash', ['scripts/serve.sh'], {
    cwd: REPO_ROOT,
    env: { ...process.env, SHIRUBE_SERVE_PORT: String(PORT) },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  serve.stdout?.on('data', (d) => (output += d));
  serve.stderr?.on('data', (d) => (output += d));
  let exited: number | null = null;
  serve.on('exit', (code) => (exited = code ?? -1));
  try {
    await expect
      .poll(async () => (exited !== null ? `exited ${exited}` : await answers(URL_ROOT)), {
        message: 'scripts/serve.sh answers on its port',
        timeout: 14 * 60_000,
        intervals: [500],
      })
      .toBe(200);
    expect(output, output).toContain(`serving dist/ → ${URL_ROOT}`);

    await page.goto(URL_ROOT);
    await expect(page.getByTestId('welcome')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('empty-list')).toBeVisible();
    await expect(page.getByTestId('example-kitamoto')).toBeVisible();
    await expect(page.locator('h1, h2').first()).toBeVisible();
    await shot('serve-command-list');
    expect(pageErrors).toEqual([]);
  } finally {
    if (exited === null && serve.pid) process.kill(-serve.pid, 'SIGINT');
  }
  await expect.poll(() => exited, { message: 'serve.sh stops on Ctrl-C', timeout: 10_000 }).not.toBeNull();
  await expect.poll(() => answers(URL_ROOT), { message: 'the port is free again', timeout: 10_000 }).toBeNull();
});
