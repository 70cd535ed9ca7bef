// The WebDriver harness's own test (scripts/test.sh, phase "harness"): a suite whose browser
// dies, or whose test file's process is killed, fails in time, names the test, and leaves no
// process behind (tests/webdriver/processes.mjs). It runs browser.fixture.mjs as the phases
// "firefox" and "webkit" run their files (node --test --test-concurrency=1), in headless
// Chromium through chromedriver (the quickest to start), with the limits made short:
//
//   node --test tests/harness/          # about 25 s
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { describeGroup, endGroup, groupMembers, spawnGroup } from '../webdriver/processes.mjs';

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'browser.fixture.mjs');
const FIXTURE_TEST = 'the browser is killed under this test';
const MINUTE = 60_000;
const started = []; // every group a fixture reported, ended after all (should be gone anyway)
after(() => started.forEach(endGroup));

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Runs the fixture as a phase runs a suite; the runner in a group of its own, so that a
 *  runner that hangs (what this test is about) can be ended here. */
function runFixture(mode, { testLimit = 30, fileLimit = 50 } = {}) {
  const probe = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shirube-harness-')), 'probe.json');
  // A runner of its own, as a phase starts it (not one nested in this file's: NODE_TEST_CONTEXT).
  const { NODE_TEST_CONTEXT, ...env } = process.env;
  const runner = spawn(process.execPath, ['--test', '--test-concurrency=1', FIXTURE], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...env,
      SHIRUBE_BROWSER: 'chromium',
      SHIRUBE_FIXTURE_MODE: mode,
      SHIRUBE_HARNESS_PROBE: probe,
      SHIRUBE_WEBDRIVER_TEST_LIMIT: String(testLimit),
      SHIRUBE_WEBDRIVER_FILE_LIMIT: String(fileLimit),
    },
  });
  let output = '';
  runner.stdout.on('data', (d) => (output += d));
  runner.stderr.on('data', (d) => (output += d));
  const exit = new Promise((resolve) => runner.on('close', (code, signal) => resolve({ code, signal, at: Date.now() })));
  return {
    output: () => output,
    /** What the fixture's second test reported: its process, its driver's group, its TMPDIR. */
    async probe() {
      const deadline = Date.now() + MINUTE;
      while (Date.now() < deadline) {
        if (fs.existsSync(probe)) {
          const text = fs.readFileSync(probe, 'utf8');
          if (text) {
            const p = JSON.parse(text);
            started.push(p.group);
            return p;
          }
        }
        if (runner.exitCode !== null) break;
        await sleep(100);
      }
      throw new Error(`the fixture did not start its second test:\n${output}`);
    },
    /** The runner's end, or null when it has not ended within `ms` (then its group is ended). */
    async ended(ms) {
      let timer;
      const r = await Promise.race([exit, new Promise((resolve) => (timer = setTimeout(resolve, ms, null)))]);
      clearTimeout(timer);
      if (!r) {
        try {
          process.kill(-runner.pid, 'SIGKILL');
        } catch {}
      }
      return r;
    },
  };
}

/** The processes left from a fixture: in its driver's group, or using its TMPDIR. */
async function leftovers({ group, tmp }) {
  let left;
  for (let i = 0; i < 50; i++) {
    left = groupMembers(group);
    for (const name of fs.readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
      try {
        const cmd = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8');
        const state = fs.readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1][0];
        if (state !== 'Z' && cmd.includes(tmp) && !left.some((p) => p.pid === Number(name))) {
          left.push({ pid: Number(name), cmd: cmd.replaceAll('\0', ' ') });
        }
      } catch {}
    }
    if (left.length === 0) return [];
    await sleep(100); // SIGKILL is sent; give the kernel a moment
  }
  return left;
}

test('a browser killed under a running test: the file fails within a minute, naming the test, and leaves no process', async () => {
  const run = runFixture('hang');
  const p = await run.probe();
  const members = groupMembers(p.group);
  assert.ok(members.some((m) => /chromedriver/.test(m.cmd)), `chromedriver in the group: ${JSON.stringify(members)}`);
  // The browser: Chromium's first process (its helpers carry --type=…).
  const browser = members.find((m) => /chromium/.test(m.cmd) && !/--type=/.test(m.cmd) && !/chromedriver/.test(m.cmd));
  assert.ok(browser, `the browser in the group: ${JSON.stringify(members)}`);
  await sleep(500); // the test is in its endless script by now
  process.kill(browser.pid, 'SIGKILL');
  const killedAt = Date.now();
  const end = await run.ended(MINUTE);
  assert.ok(end, `the runner had not ended a minute after the browser was killed:\n${run.output()}`);
  const secs = (end.at - killedAt) / 1000;
  const named = run.output().split('\n').filter((l) => /^\s*not ok/.test(l)).map((l) => l.trim());
  console.log(`ended ${secs.toFixed(1)} s after the browser was killed (exit ${end.code ?? end.signal}): ${named.join('; ')}`);
  assert.notEqual(end.code, 0, `the run failed:\n${run.output()}`);
  assert.match(run.output(), new RegExp(`not ok \\d+ - ${FIXTURE_TEST}`), `the test is named:\n${run.output()}`);
  assert.deepEqual(await leftovers(p), [], 'no process left behind');
});

test('a frozen browser (SIGSTOP) under a running test: the test\'s time limit says what it waited on, ends it, names the test, and leaves no process', async () => {
  const run = runFixture('hang', { testLimit: 10 });
  const p = await run.probe();
  const browser = groupMembers(p.group).find((m) => /chromium/.test(m.cmd) && !/--type=|chromedriver/.test(m.cmd));
  assert.ok(browser, 'the browser in the group');
  await sleep(500);
  process.kill(browser.pid, 'SIGSTOP');
  const stoppedAt = Date.now();
  const end = await run.ended(MINUTE);
  assert.ok(end, `the runner had not ended a minute after the browser was stopped:\n${run.output()}`);
  console.log(`ended ${((end.at - stoppedAt) / 1000).toFixed(1)} s after the browser was stopped (test limit 10 s)`);
  assert.notEqual(end.code, 0);
  assert.match(run.output(), new RegExp(`test "${FIXTURE_TEST}" \\(browser.fixture.mjs\\) ran over its limit of 10 s`), run.output());
  // What it was doing: the command the browser never answered, and the browser stopped (T).
  assert.match(run.output(), /commands in flight: *\n.*\| executeAsyncScript .*never calls back.*\(unanswered for \d+\.\d s\)/, run.output());
  assert.match(run.output(), new RegExp(`\\| ${browser.pid} T cpu 0 % rss \\d+ MiB wchan \\S+: .*chromium`), run.output());
  assert.match(run.output(), /screenshot at the limit: \(no screenshot: no answer within 5 s\)/, run.output());
  assert.match(run.output(), new RegExp(`not ok \\d+ - ${FIXTURE_TEST}`), run.output());
  assert.deepEqual(await leftovers(p), [], 'no process left behind');
});

test('a test stuck away from the browser: the file\'s time limit ends the file, naming the test, and leaves no process', async () => {
  const run = runFixture('stuck', { fileLimit: 8 });
  const p = await run.probe();
  const end = await run.ended(MINUTE);
  assert.ok(end, `the runner had not ended within a minute:\n${run.output()}`);
  assert.notEqual(end.code, 0);
  assert.match(run.output(), new RegExp(`browser.fixture.mjs ran over its limit of 8 s, in test "${FIXTURE_TEST}"`), run.output());
  assert.deepEqual(await leftovers(p), [], 'no process left behind');
});

test('the test file\'s process killed (SIGKILL): its driver and browser end with it', async () => {
  const run = runFixture('hang');
  const p = await run.probe();
  assert.ok(groupMembers(p.group).length > 1, 'the driver and its browser run');
  process.kill(p.pid, 'SIGKILL');
  const end = await run.ended(MINUTE);
  assert.ok(end, `the runner had not ended a minute after its test file was killed:\n${run.output()}`);
  assert.notEqual(end.code, 0);
  assert.deepEqual(await leftovers(p), [], 'no process left behind');
});

test('a file that passes leaves no process', async () => {
  const run = runFixture('pass');
  const p = await run.probe();
  const end = await run.ended(MINUTE);
  assert.ok(end, `the runner had not ended within a minute:\n${run.output()}`);
  assert.equal(end.code, 0, run.output());
  assert.deepEqual(await leftovers(p), [], 'no process left behind');
});

test('a process busy in a loop is described with its busiest thread, by name', async () => {
  const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shirube-harness-')), 'busy.log');
  // A page's main thread in an endless loop, as a WebKit web process was found (R, ~94 %).
  const busy = spawnGroup(process.execPath, ['-e', 'process.title = "busy-page"; for (;;) {}'], { logFile: log });
  started.push(busy.pid);
  await sleep(500);
  const lines = await describeGroup(busy.pid);
  endGroup(busy.pid);
  const at = lines.findIndex((l) => /^\d+ R cpu \d+ % .*: busy-page$/.test(l));
  assert.ok(at >= 0, `the busy process, running: ${lines.join('\n')}`);
  assert.ok(Number(/cpu (\d+) %/.exec(lines[at])[1]) >= 50, lines[at]);
  // Its main thread next, named and busy; the guard (asleep) has no thread lines.
  const thread = /^ {2}thread \d+ "busy-page" cpu (\d+) %, \d+\.\d s in all$/.exec(lines[at + 1]);
  assert.ok(thread && Number(thread[1]) >= 40, lines.join('\n'));
  assert.ok(!lines.some((l, i) => /shirube-guard/.test(l) && /^ {2}thread/.test(lines[i + 1] ?? '')), lines.join('\n'));
});
