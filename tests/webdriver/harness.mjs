// The Firefox and WebKit suites' harness: Debian's firefox-esr through geckodriver,
// and WebKitGTK's MiniBrowser (Safari's engine) through WebKitWebDriver, both over W3C WebDriver
// with selenium-webdriver. Every path is given: nothing downloads a driver or a browser
// (SE_OFFLINE). The built dist/ is served under the same sub-path as for Playwright.
//
//   SHIRUBE_BROWSER=firefox node --test tests/webdriver/          # headless Firefox
//   xvfb-run -a env SHIRUBE_BROWSER=webkit node --test tests/webdriver/   # WebKit needs a display
//
// (scripts/test.sh runs both: phases "firefox" and "webkit".) SHIRUBE_BROWSER=chromium (headless,
// through chromedriver) is the harness's own test's (tests/harness/).
//
// Nothing a suite starts outlives it, and nothing waits forever (processes.mjs):
// - each driver, and the static server, runs in a process group (a session) of its own, which
//   ends when the session is quit, when the test file's process ends however it ends, or on a
//   time limit; their output goes to test-results/webdriver/<browser>/<test file>.driver.log
//   (the driver's log, the browser's stderr: its end is printed when the file fails) and
//   <test file>.server.log (every request);
// - a test that runs longer than SHIRUBE_WEBDRIVER_TEST_LIMIT seconds (default 120) gets its
//   browser ended under it, so that it fails, named, and the file goes on to its end;
// - a test file that runs longer than SHIRUBE_WEBDRIVER_FILE_LIMIT seconds (default 300) is ended
//   (exit status 1), naming the test it was in. (Node 20's --test-timeout only reports a file
//   as timed out: its runner then still waits for the file's process.)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Builder, By, Key, until } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import { describeGroup, endAllGroups, endGroup, spawnGroup } from './processes.mjs';

process.env.SE_OFFLINE = 'true';

export { By, Key };
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BASE_PATH = '/towns/hokuto/shirube/';
export const BROWSER = process.env.SHIRUBE_BROWSER ?? 'firefox';
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots', BROWSER);
const LOG_DIR = path.join(REPO_ROOT, 'test-results', 'webdriver', BROWSER);
const GECKODRIVER = process.env.GECKODRIVER ?? path.join(os.homedir(), '.cargo', 'bin', 'geckodriver');
const CHROMEDRIVER = process.env.CHROMEDRIVER ?? '/usr/bin/chromedriver';
const MINIBROWSER = process.env.SHIRUBE_MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const WAIT_MS = 20_000;
const QUIT_MS = 15_000;
const TEST_LIMIT_S = Number(process.env.SHIRUBE_WEBDRIVER_TEST_LIMIT ?? 120);
const FILE_LIMIT_S = Number(process.env.SHIRUBE_WEBDRIVER_FILE_LIMIT ?? 300);
const TEST_FILE = path.basename(process.argv[1] ?? 'node');

if (!['firefox', 'webkit', 'chromium'].includes(BROWSER)) {
  throw new Error(`SHIRUBE_BROWSER=${BROWSER}: firefox or webkit (chromium: the harness's own test)`);
}

// ── time limits ──────────────────────────────────────────────────────────────────────────
let currentTest = '(before the first test)';
let testTimer;
const say = (line) => process.stderr.write(`harness: ${line}\n`);
beforeEach((t) => {
  currentTest = t.name;
  clearTimeout(testTimer);
  testTimer = setTimeout(async () => {
    say(`test "${t.name}" (${TEST_FILE}) ran over its limit of ${TEST_LIMIT_S} s: what it was doing follows, then its browser is ended under it`);
    await reportStuck(t.name).catch((e) => say(`(what it was doing could not be read: ${e})`));
    endAllGroups();
  }, TEST_LIMIT_S * 1000);
  testTimer.unref();
});
afterEach((t) => {
  clearTimeout(testTimer);
  currentTest = `(after "${t.name}")`;
});
setTimeout(() => {
  say(`${TEST_FILE} ran over its limit of ${FILE_LIMIT_S} s, in test "${currentTest}": ended`);
  endAllGroups();
  process.exit(1);
}, FILE_LIMIT_S * 1000).unref();

// ── what a stuck test was doing ──────────────────────────────────────────────────────────
// A test that hangs is known by what it waited on (WebKit hung a test for its
// whole limit, with nothing in the driver's log). Every session's WebDriver commands are
// watched; at the limit the harness says which ones were unanswered and for how long, what
// each process of the driver's group was doing, and keeps a screenshot and the page's text when
// the browser still answers within a few seconds.
const sessions = new Set();
const ANSWER_MS = 5_000;

/** Watches `driver`'s commands: the map holds the unanswered ones ({name, detail, since}). */
function watchCommands(driver) {
  const inFlight = new Map();
  let next = 0;
  const execute = driver.execute.bind(driver);
  driver.execute = async (command) => {
    const id = ++next;
    let detail = '';
    try {
      detail = JSON.stringify(command.getParameters()) ?? '';
    } catch {}
    inFlight.set(id, { name: command.getName(), detail: detail.slice(0, 200), since: Date.now() });
    try {
      return await execute(command);
    } finally {
      inFlight.delete(id);
    }
  };
  return inFlight;
}

/** `promise`'s value, or `fallback` when it has not settled within ANSWER_MS. */
function withinAnswer(promise, fallback) {
  let timer;
  return Promise.race([
    promise.catch((e) => `(${e?.name ?? 'error'}: ${String(e?.message ?? e).slice(0, 200)})`),
    new Promise((resolve) => (timer = setTimeout(resolve, ANSWER_MS, fallback))),
  ]).finally(() => clearTimeout(timer));
}

async function reportStuck(testName) {
  for (const s of sessions) {
    const now = Date.now();
    const waiting = [...s.inFlight.values()].map((c) => `${c.name} ${c.detail} (unanswered for ${((now - c.since) / 1000).toFixed(1)} s)`);
    say(`the ${BROWSER} session's commands in flight: ${waiting.length ? '' : 'none (the test was not waiting on the browser)'}`);
    for (const w of waiting) say(`  | ${w}`);
    say(`the driver's process group ${s.group} (state, CPU over 1 s, memory, waiting in):`);
    for (const line of await describeGroup(s.group)) say(`  | ${line}`);
    const name = `limit-${testName.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60)}`;
    const shot = await withinAnswer(s.shot(name), `(no screenshot: no answer within ${ANSWER_MS / 1000} s)`);
    say(`screenshot at the limit: ${shot}`);
    const screen = await withinAnswer(
      s.driver.executeScript('return document.readyState + " | " + location.hash + " | " + (document.body ? document.body.innerText : "").replace(/\\s+/g, " ").slice(0, 600)'),
      `(no answer within ${ANSWER_MS / 1000} s)`,
    );
    say(`on screen at the limit: ${screen}`);
  }
}

// ── logs ─────────────────────────────────────────────────────────────────────────────────
const logs = new Set();
function logFile(what) {
  fs.mkdirSync(LOG_DIR, { recursive: true });
  const file = path.join(LOG_DIR, `${TEST_FILE.replace(/\.m?js$/, '')}.${what}.log`);
  fs.writeFileSync(file, `# ${new Date().toISOString()} ${what} for ${TEST_FILE}\n`);
  if (what === 'driver') logs.add(file);
  return file;
}
// A failed file prints the end of its driver's log (what the browser said before it died): CI
// keeps the output, not test-results/.
const STARTED_UPTIME_S = Number(fs.readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
process.on('exit', (code) => {
  if (!code) return;
  // The kernel's word on a browser process that died here (a segfault, the OOM killer), when
  // dmesg can be read.
  try {
    const kernel = execFileSync('dmesg', [], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 2000 })
      .split('\n')
      .filter((l) => Number(/^\[\s*([\d.]+)\]/.exec(l)?.[1] ?? 0) >= STARTED_UPTIME_S)
      .filter((l) => /segfault|general protection|traps:|Out of memory|oom|Killed process/i.test(l));
    if (kernel.length) say(`the kernel since this file started:\n${kernel.slice(-10).map((l) => `  | ${l}`).join('\n')}`);
  } catch {}
  for (const file of logs) {
    let lines = [];
    try {
      lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    } catch {}
    say(`the last ${Math.min(lines.length, 40)} lines of ${path.relative(REPO_ROOT, file)}:`);
    for (const line of lines.slice(-40)) process.stderr.write(`  | ${line}\n`);
  }
});

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function waitForPort(port, group, what) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (group.exited()) throw new Error(`${what} exited (${group.child.exitCode ?? group.child.signalCode})`);
    const open = await new Promise((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => s.end(() => resolve(true)));
      s.on('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`${what} did not listen on ${port}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A command in a process group of its own (see processes.mjs), listening on a free port:
 *  `args` and `env` are made for that port. */
async function startListening(what, logName, cmd, args, env = () => process.env) {
  const port = await freePort();
  const log = logFile(logName);
  const group = spawnGroup(cmd, args(port), { logFile: log, env: env(port) });
  try {
    await waitForPort(port, group, what);
  } catch (e) {
    endGroup(group.pid);
    throw e;
  }
  return { port, group, logFile: log, stop: () => endGroup(group.pid) };
}

/** dist/ served under the sub-path by the e2e suite's own static server. */
async function serveDist() {
  const { port, stop } = await startListening('the static server', 'server', process.execPath,
    () => [path.join(REPO_ROOT, 'tests/e2e/static-server.mjs')],
    (p) => ({ ...process.env, E2E_PORT: String(p), E2E_BASE_PATH: BASE_PATH }));
  return { url: `http://127.0.0.1:${port}${BASE_PATH}`, stop };
}

/** The driver for BROWSER, in a group of its own; its browser's files in `tmp` (TMPDIR). */
async function startDriver(tmp) {
  const env = () => ({ ...process.env, TMPDIR: tmp });
  if (BROWSER === 'firefox') {
    return startListening('geckodriver', 'driver', GECKODRIVER, (p) => ['--host', '127.0.0.1', `--port=${p}`], env);
  }
  if (BROWSER === 'chromium') {
    return startListening('chromedriver', 'driver', CHROMEDRIVER, (p) => [`--port=${p}`], env);
  }
  return startListening('WebKitWebDriver', 'driver', 'WebKitWebDriver', (p) => [`--port=${p}`], env);
}

async function newSession(driverUrl, downloads, tmp) {
  const builder = new Builder().usingServer(driverUrl);
  if (BROWSER === 'firefox') {
    const options = new firefox.Options()
      .setBinary('/usr/bin/firefox-esr')
      .addArguments('-headless')
      .setPreference('intl.accept_languages', 'ja-JP, ja')
      .setPreference('browser.download.folderList', 2)
      .setPreference('browser.download.dir', downloads)
      .setPreference('browser.download.useDownloadDir', true)
      .setPreference('browser.download.always_ask_before_handling_new_types', false)
      .setPreference('browser.helperApps.neverAsk.saveToDisk', 'application/json,text/csv,text/html,image/png')
      // A download opens the downloads panel, and the page loses its focus until something
      // gives it back: a field typed into meanwhile is never left (no change event), so never
      // committed (CONTRIBUTING.md, WebDriver).
      .setPreference('browser.download.alwaysOpenPanel', false)
      .windowSize({ width: 1280, height: 900 });
    return builder.forBrowser('firefox').setFirefoxOptions(options).build();
  }
  if (BROWSER === 'chromium') {
    return builder.withCapabilities({
      browserName: 'chrome',
      'goog:chromeOptions': {
        binary: '/usr/bin/chromium',
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
          '--disable-background-networking', '--disable-component-update', '--disable-sync',
          '--disable-dev-shm-usage', `--user-data-dir=${path.join(tmp, 'profile')}`, '--window-size=1280,900'],
      },
    }).build();
  }
  const driver = await builder.withCapabilities({
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
  }).build();
  await driver.manage().window().setRect({ width: 1280, height: 900 });
  return driver;
}

/**
 * One browser session for a test file: the driver, the served app, a downloads folder, and
 * helpers that find elements by their data-testid, wait, type, and take screenshots.
 */
export async function startBrowser({ serve = true } = {}) {
  const server = serve ? await serveDist() : { url: undefined, stop: () => {} };
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), `shirube-${BROWSER}-`));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `shirube-${BROWSER}-tmp-`));
  let driverProcess;
  let driver;
  try {
    driverProcess = await startDriver(tmp);
    driver = await newSession(`http://127.0.0.1:${driverProcess.port}`, downloads, tmp);
  } catch (e) {
    driverProcess?.stop();
    server.stop();
    throw e;
  }
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const session = { inFlight: watchCommands(driver), driver, group: driverProcess.group.pid, shot: (name) => b.shot(name) };
  sessions.add(session);
  const caps = await driver.getCapabilities();
  const b = {
    driver,
    url: server.url,
    downloads,
    name: BROWSER,
    version: `${caps.get('browserName')} ${caps.get('browserVersion')}`,
    /** What the driver log says of a browser process that died (WebKit: "WebProcess CRASHED"),
     *  or null. */
    browserCrash() {
      let text = '';
      try {
        text = fs.readFileSync(driverProcess.logFile, 'utf8');
      } catch {}
      const line = text.split('\n').find((l) => /WebProcess CRASHED|Crash reason|Tab crashed/i.test(l));
      return line ? `the browser's page process crashed ("${line.trim()}")` : null;
    },
    /** The process group of the driver and its browser (see processes.mjs). */
    driverGroup: driverProcess.group.pid,
    /** The browser's temporary files (TMPDIR of its group; removed by quit). */
    tmp,
    /** Ends the session (a crashed or stuck driver is not waited for beyond 15 s), then the
     *  driver's and the server's process groups, whatever is left in them. */
    async quit() {
      let timer;
      try {
        await Promise.race([
          driver.quit(),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`the session did not end within ${QUIT_MS / 1000} s`)), QUIT_MS);
          }),
        ]);
      } catch (e) {
        say(`quitting the ${BROWSER} session: ${e.message ?? e}`);
      } finally {
        clearTimeout(timer);
        sessions.delete(session);
        driverProcess.stop();
        server.stop();
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    },
    /** Loads the app (plus a "#/…" route) and waits until its first screen is drawn. The page
     *  already at that address is not loaded again: WebKit reloads it on a WebDriver "get" of the
     *  identical address (Firefox and Chromium only move to the fragment), and a reload while
     *  the app's wasm compiles can hang WebKitGTK's page for good (see `reload`). */
    async open(hash = '', base = server.url) {
      const url = `${base}${hash}`;
      if ((await driver.getCurrentUrl()) !== url) await driver.get(url);
      await b.until(async () => (await driver.executeScript('return document.querySelector("header, main") !== null && document.readyState === "complete"')), 'the page');
      await b.until(async () => (await driver.findElements(By.css('[data-testid="save-state"], [data-testid="example-kitamoto"], [data-testid="overview"], [data-testid="editor"], [data-testid="workshop"]'))).length > 0, 'the app to start');
    },
    /** Reloads the page, as a user's F5, once every part of the app it fetched (a .wasm file of
     *  __wasm_split.js, measured "shirube:part:<file>" when made) is compiled and made; then waits
     *  for the app as `open` does. A WebKitGTK 2.50 page reloaded while WebAssembly.compile runs
     *  can hang for good, with no app code involved (tests/webkit-reload-hang/reproduce.sh), and
     *  the app compiles a part whenever a page first needs one. */
    async reload() {
      await b.until(() => driver.executeScript(`
        const made = new Set(performance.getEntriesByType('measure').map((m) => m.name.replace(/^shirube:part:/, '')));
        return performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname.split('/').pop())
          .every((file) => !/^(split|chunk)_.*\\.wasm$/.test(file) || made.has(file));`), 'the parts fetched to be compiled');
      await driver.navigate().refresh();
      const [base, hash = ''] = (await driver.getCurrentUrl()).split(/(?=#)/);
      await b.open(hash, base);
    },
    /** Polls `fn` until it returns something truthy; fails with `what` after 20 s. */
    async until(fn, what) {
      const deadline = Date.now() + WAIT_MS;
      let last;
      for (;;) {
        try {
          last = await fn();
          if (last) return last;
        } catch (e) {
          // The session is gone (WebKit: its web process died, see the driver log's "WebProcess
          // CRASHED"): nothing to wait for.
          if (e?.name === 'NoSuchSessionError') {
            throw new Error(`the ${BROWSER} session ended while waiting for ${what} (${e.message || e.name}); the driver log's end follows`, { cause: e });
          }
          // MiniBrowser says so in the driver log when the page's web process died; the session
          // may live on, with a new, empty page: every command then fails.
          const crash = b.browserCrash();
          if (crash) throw new Error(`${crash} while waiting for ${what} (then: ${e.message || e.name})`, { cause: e });
          last = e;
        }
        if (Date.now() > deadline) {
          const shot = await b.shot(`failed-${Date.now()}`).catch(() => '(no screenshot)');
          // What was on screen, in the message itself: CI keeps the output, not the screenshot.
          const screen = await driver
            .executeScript('return location.hash + " | " + (document.body ? document.body.innerText : "").replace(/\\s+/g, " ").slice(0, 600)')
            .catch((e) => `(page unreadable: ${e})`);
          throw new Error(`waited 20 s for ${what} (last: ${last}); screenshot: ${shot}; on screen: ${screen}`);
        }
        await driver.sleep(100);
      }
    },
    /** The element with this data-testid (the first, or the one whose text contains `text`). */
    async el(testid, text) {
      const sel = By.css(`[data-testid="${testid}"]`);
      return b.until(async () => {
        for (const e of await driver.findElements(sel)) {
          if (text === undefined || (await e.getText()).includes(text)) return e;
        }
        return null;
      }, `[data-testid="${testid}"]${text ? ` with "${text}"` : ''}`);
    },
    async click(testid, text) {
      const e = await b.el(testid, text);
      await driver.executeScript('arguments[0].scrollIntoView({block: "center"})', e);
      await b.until(async () => (await e.isDisplayed()) && (await e.isEnabled()), `${testid} to be clickable`);
      await b.press(e, testid);
      return e;
    },
    /** Clicks an element, again while something else is drawn over it: a chart or a notice
     *  appearing can move the page between finding the element and clicking it (WebKit then
     *  reports ElementClickIntercepted). Any other error fails after the wait with the page shown. */
    async press(e, testid) {
      await b.until(async () => {
        // Centred again on every try: a page that scrolled meanwhile (WebKit, once, left the
        // field under the sticky header for the whole wait) is not waited on.
        await driver.executeScript('arguments[0].scrollIntoView({block: "center"})', e);
        await e.click();
        return true;
      }, `${testid} to take the click`);
    },
    /** Replaces a field's text, as typed, and commits it with Enter. */
    async enter(testid, value) {
      const e = await b.el(testid);
      await driver.executeScript('arguments[0].scrollIntoView({block: "center"})', e);
      await b.press(e, testid);
      await e.sendKeys(Key.chord(Key.CONTROL, 'a'), Key.BACK_SPACE);
      await e.sendKeys(value, Key.ENTER);
      return e;
    },
    async text(testid) {
      return (await b.el(testid)).getText();
    },
    async value(testid) {
      return (await b.el(testid)).getAttribute('value');
    },
    /** Waits until the element's text (or value) contains / equals what is expected. */
    async expectText(testid, expected, { exact = false } = {}) {
      return b.until(async () => {
        const t = (await (await b.el(testid)).getText()).trim();
        return exact ? t === expected : t.includes(expected);
      }, `${testid} to say "${expected}"`);
    },
    async expectValue(testid, expected) {
      return b.until(async () => (await b.value(testid)) === expected, `${testid} to hold "${expected}"`);
    },
    async saved() {
      await b.expectText('save-state', '保存済み', { exact: true });
    },
    async shot(name) {
      const file = path.join(SCREENSHOT_DIR, `${name}.png`);
      fs.writeFileSync(file, await driver.takeScreenshot(), 'base64');
      return file;
    },
    /** Every entry the app stored in IndexedDB ("shirube" / "kv"), key → text. */
    async stored() {
      return driver.executeAsyncScript(function (done) {
        const req = indexedDB.open('shirube', 1);
        req.onerror = () => done({ error: String(req.error) });
        req.onsuccess = () => {
          const db = req.result;
          const entries = [];
          const cursor = db.transaction('kv', 'readonly').objectStore('kv').openCursor();
          cursor.onsuccess = () => {
            const c = cursor.result;
            if (c) {
              entries.push([c.key, c.value]);
              return c.continue();
            }
            db.close();
            // Text values are UTF-8 bytes. Response reads them: Firefox's script sandbox may not
            // hand the page's typed arrays to a TextDecoder (Xray).
            Promise.all(entries.map(([k, v]) => (typeof v === 'string' ? v : new Response(v).text()).then((t) => [k, t])))
              .then((pairs) => done(Object.fromEntries(pairs)));
          };
          cursor.onerror = () => done({ error: String(cursor.error) });
        };
      });
    },
    /** The stored strategies (their files' `strategy`), by title. */
    async storedStrategies() {
      const out = {};
      for (const [k, v] of Object.entries(await b.stored())) {
        if (k.startsWith('shirube/v1/strategy/')) {
          const s = JSON.parse(v).strategy;
          out[s.title] = s;
        }
      }
      return out;
    },
    /** Deletes the app's database and local storage of this origin (a fresh start). */
    async clearStorage() {
      await driver.get(server.url + 'does-not-exist.txt');
      await driver.executeAsyncScript(function (done) {
        localStorage.clear();
        const req = indexedDB.deleteDatabase('shirube');
        req.onsuccess = req.onerror = req.onblocked = () => done();
      });
    },
    /** The file the browser saved into the downloads folder whose name matches, when done. */
    async downloaded(pattern) {
      return b.until(() => {
        const names = fs.readdirSync(downloads).filter((n) => pattern.test(n) && !n.endsWith('.part'));
        return names.length ? path.join(downloads, names[0]) : null;
      }, `a download matching ${pattern}`);
    },
    /** Keeps every blob the page makes from now on, so that the text of a download can be read
     *  back (WebKitGTK's MiniBrowser under WebDriver saves no download). */
    async captureBlobs() {
      await driver.executeScript(`
        if (!window.__shirubeBlobs) {
          window.__shirubeBlobs = [];
          const make = URL.createObjectURL.bind(URL);
          URL.createObjectURL = (blob) => { window.__shirubeBlobs.push(blob); return make(blob); };
        }`);
    },
    /** How many blobs the page made since `captureBlobs`. */
    async blobCount() {
      return driver.executeScript('return (window.__shirubeBlobs || []).length');
    },
    /** The text of the last blob the page made (see captureBlobs). */
    async lastBlobText() {
      return driver.executeAsyncScript(function (done) {
        const blobs = window.__shirubeBlobs || [];
        if (!blobs.length) return done('');
        blobs[blobs.length - 1].text().then(done);
      });
    },
    /** Hands a file to the page's <input type=file> with this id, as the file chooser does. */
    async pickFile(inputId, file) {
      const input = await driver.findElement(By.id(inputId));
      await input.sendKeys(file);
    },
  };
  return b;
}

/** Writes a file for an import into a fresh folder and returns its path. */
export function tempFile(name, content) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shirube-file-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}
