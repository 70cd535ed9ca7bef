// Process groups for the WebDriver suites (issue: "a test command that cannot hang"). Every
// driver (and the browser it starts, and that browser's helpers) and the static server run in a
// session of their own (setsid: its id is also its process group's), started through a small
// bash guard whose stdin is a pipe from this Node process. However this process ends — its
// tests done, a failure, a crash, a signal, even SIGKILL — the pipe closes, the guard reads
// end-of-file and kills every process of the session. `endGroup` does the same at once (the
// harness calls it when a session is quit, on a time limit, and on exit).
//
// Without this, a browser left behind by a crashed session kept the test runner's output pipe
// open (it inherited the driver's stderr) and `node --test` waited for it forever.
import { spawn } from 'node:child_process';
import fs from 'node:fs';

// $1… is the command. Its stdin is /dev/null (the pipe is the guard's alone: fd 3, since bash
// gives a background command /dev/null unless told otherwise). When the pipe
// ends, everything in the session goes (pkill -s: also what moved to a process group of its
// own), the guard last (it is the group's leader: kill -- -$$).
const GUARD = `
exec 3<&0
"$@" </dev/null 3<&- &
command=$!
{ while read -r _; do :; done; pkill -KILL -s $$; kill -KILL -- -$$; } <&3 &
exec 3<&-
wait "$command"
`;

/** Starts `cmd args` in a new session that ends with this process. stderr (the driver's log,
 *  and its browser's) goes to `logFile`, stdout too. Returns { pid, child, exited }: `pid` is
 *  the session's (and group's) id; `exited()` says whether the command itself has ended. */
export function spawnGroup(cmd, args, { logFile, env = process.env } = {}) {
  const log = fs.openSync(logFile, 'a');
  const child = spawn('bash', ['-c', GUARD, 'shirube-guard', cmd, ...args], {
    detached: true, // setsid(): a session and process group of its own
    stdio: ['pipe', log, log],
    env,
  });
  fs.closeSync(log);
  // Neither the guard nor its pipe keeps this process alive: when it would end, it ends, and
  // the guard then ends the session.
  child.unref();
  child.stdin.unref?.();
  child.stdin.on('error', () => {});
  groups.add(child.pid);
  return { pid: child.pid, child, exited: () => child.exitCode !== null || child.signalCode !== null };
}

/** The live processes (not zombies) of the session or process group `id`: [{pid, state, cmd}]. */
export function groupMembers(id) {
  const out = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat;
    try {
      stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // pid (comm) state ppid pgrp session …; comm may hold spaces and parentheses.
    const [state, , pgrp, session] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (state === 'Z' || (Number(pgrp) !== id && Number(session) !== id)) continue;
    let cmd = '';
    try {
      cmd = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
    } catch {}
    out.push({ pid: Number(name), state, cmd });
  }
  return out;
}

/** The CPU time (user + system, in clock ticks of 1/100 s) of process `pid` (or of a thread:
 *  `<pid>/task/<tid>`), or null. */
function cpuTicks(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(f[11]) + Number(f[12]); // utime, stime (fields 14 and 15)
  } catch {
    return null;
  }
}

/** The threads of process `pid`: [{tid, name, ticks}] (their CPU time as `cpuTicks`). */
function threads(pid) {
  let tids = [];
  try {
    tids = fs.readdirSync(`/proc/${pid}/task`);
  } catch {}
  return tids.flatMap((tid) => {
    const ticks = cpuTicks(`${pid}/task/${tid}`);
    let name = '?';
    try {
      name = fs.readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
    } catch {}
    return ticks == null ? [] : [{ tid, name, ticks }];
  });
}

/** Lines that say what each process of the group `id` is doing: its state (R running, S
 *  sleeping, D in the disk, T stopped), its share of a CPU over `sampleMs`, its resident memory,
 *  the kernel function it waits in, and its command. A test stuck on its browser is told apart
 *  by it: a page busy in a loop (R, ~100 %), a browser waiting on something (S, 0 %), stopped,
 *  or gone (not listed). A process busy for half the time or more is followed by its busiest
 *  threads, by name (WebKit's: the page's main thread "WebKitWebProces", its garbage collector's
 *  "HeapHelper", its compilers' "JITWorker", software drawing's "llvmpipe-0"…): where the time
 *  goes. */
export async function describeGroup(id, sampleMs = 1000) {
  const members = groupMembers(id);
  const before = new Map(members.map((p) => [p.pid, cpuTicks(p.pid)]));
  const threadsBefore = new Map(members.map((p) => [p.pid, new Map(threads(p.pid).map((t) => [t.tid, t.ticks]))]));
  await new Promise((r) => setTimeout(r, sampleMs));
  const share = (ticks) => Math.round((ticks * 10 * 100) / sampleMs);
  return groupMembers(id).flatMap((p) => {
    const read = (f) => {
      try {
        return fs.readFileSync(`/proc/${p.pid}/${f}`, 'utf8');
      } catch {
        return '';
      }
    };
    const rss = /VmRSS:\s+(\d+) kB/.exec(read('status'))?.[1];
    const was = before.get(p.pid);
    const now = cpuTicks(p.pid);
    const cpu = was == null || now == null ? '?' : `${share(now - was)} %`;
    const mem = rss ? `${Math.round(Number(rss) / 1024)} MiB` : '?';
    const line = `${p.pid} ${p.state} cpu ${cpu} rss ${mem} wchan ${read('wchan') || '-'}: ${p.cmd.replace(/\s+/g, ' ').slice(0, 160)}`;
    if (was == null || now == null || share(now - was) < 50) return [line];
    const earlier = threadsBefore.get(p.pid) ?? new Map();
    const busiest = threads(p.pid)
      .map((t) => ({ ...t, used: t.ticks - (earlier.get(t.tid) ?? t.ticks) }))
      .filter((t) => t.used > 0)
      .sort((a, b) => b.used - a.used)
      .slice(0, 4)
      .map((t) => `  thread ${t.tid} "${t.name}" cpu ${share(t.used)} %, ${(t.ticks / 100).toFixed(1)} s in all`);
    return [line, ...busiest];
  });
}

/** Kills (SIGKILL) every process of the session / group `id`, at once and synchronously. */
export function endGroup(id) {
  for (const p of groupMembers(id)) {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {}
  }
  try {
    process.kill(-id, 'SIGKILL');
  } catch {}
  groups.delete(id);
}

/** Every group this process started and has not ended yet. */
export const groups = new Set();

export function endAllGroups() {
  for (const id of [...groups]) endGroup(id);
}

// However this process ends, its groups end with it: on exit (also after process.exit), and
// on the signals a runner or a `timeout` sends (SIGKILL is the guard's part).
process.on('exit', endAllGroups);
for (const [sig, n] of [['SIGINT', 2], ['SIGTERM', 15], ['SIGHUP', 1]]) {
  process.on(sig, () => {
    process.stderr.write(`harness: ${sig}: ending the browsers and drivers of this test file\n`);
    endAllGroups();
    process.exit(128 + n);
  });
}
