'use strict';
// Issue 15: how long the event loop waits for a core while one async kernel
// runs, against the same wait beside an equally busy thread of another
// program, and beside nothing: is the loop's wait set by the kernel thread
// sharing its core, or by the kernel thread sharing its scheduling group?
//
// The hypothesis: Linux (EEVDF with autogroup or cgroups) schedules groups
// first (a session's autogroup, a service's cgroup), and the CPU a pool
// thread burns is charged to the group the event loop's thread is in, so
// while a kernel runs on a loaded machine the woken loop may find its group
// behind the others (not eligible) and wait, short slice or not; a busy
// thread in another session is a group of its own. On the loaded VM the
// order held at load 23 and not at load 27-29 (README, "Using it in a
// server"): run it on a quiet machine.
//
// Three windows of `--ms` (4000) each, `--rounds` (3) times interleaved:
// - idle: nothing else running in this process;
// - own:  sumAsync({ threads: 1 }) in a loop on a 256 MiB array (one pool
//         thread busy, in this process's group);
// - other: one busy loop in another process started with `setsid` (its own
//         session and autogroup), nothing in this process.
// Each prints the 1 ms timer's p50 / p99 / longest gap and the JS thread's
// mean run-queue wait per time it was scheduled (/proc schedstat, Linux),
// and `own` the pool's CPU in its window (getrusage less the JS thread).
// `node bench/async_group.js [--rounds N] [--ms N]` (dist/ built).
const fs = require('fs');
const os = require('os');
const { spawn } = require('child_process');
const mm = require('../dist');

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const ROUNDS = arg('--rounds', 3);
const MS = arg('--ms', 4000);

/** The JS thread's [CPU ms, run-queue wait ms, times scheduled] (Linux), or null. */
function sched() {
  try {
    const f = fs.readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ').map(Number);
    return [f[0] / 1e6, f[1] / 1e6, f[2]];
  } catch {
    return null;
  }
}

/** Gaps of a 1 ms interval over `ms`, the JS thread's wait per run, and the other threads' CPU. */
async function measure(ms) {
  const gaps = [];
  let last = performance.now();
  const s0 = sched();
  const u0 = process.cpuUsage();
  const t = setInterval(() => {
    const now = performance.now();
    gaps.push(now - last);
    last = now;
  }, 1);
  await new Promise((r) => setTimeout(r, ms));
  clearInterval(t);
  const s1 = sched();
  const u1 = process.cpuUsage();
  gaps.sort((x, y) => x - y);
  const q = (p) => gaps[Math.min(gaps.length - 1, Math.floor(p * gaps.length))];
  const proc = (u1.user + u1.system - u0.user - u0.system) / 1e3;
  return {
    p50: q(0.5), p99: q(0.99), max: gaps[gaps.length - 1],
    wait: s0 && s1 ? (s1[1] - s0[1]) / Math.max(1, s1[2] - s0[2]) : null,
    others: s0 && s1 ? proc - (s1[0] - s0[0]) : null,
  };
}

async function main() {
  console.log(`bench/async_group: ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}, loop slice ${require('../dist/native').kernelLoopSlice() / 1000} µs, ${ROUNDS} rounds of ${MS} ms windows`);
  const a = mm.arange(0, 32 << 20, 1, 'f8');
  const res = { idle: [], own: [], other: [] };
  for (let r = 0; r < ROUNDS; r++) {
    res.idle.push(await measure(MS));
    let stop = false;
    const loop = (async () => {
      while (!stop) await a.sumAsync({ threads: 1 });
    })();
    res.own.push(await measure(MS));
    stop = true;
    await loop;
    const busy = spawn('setsid', [process.execPath, '-e', `const e = Date.now() + ${MS + 5000}; while (Date.now() < e);`], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 200));
    res.other.push(await measure(MS));
    busy.kill('SIGKILL');
    await new Promise((r) => busy.once('exit', r));
  }
  const median = (v) => [...v].sort((x, y) => x - y)[Math.floor((v.length - 1) / 2)];
  console.log('window   p50 gap  p99 gap (per round)        longest gap (per round)     loop wait/run ms (per round)   other threads CPU ms');
  for (const [k, v] of Object.entries(res)) {
    const col = (f, d) => `${median(v.map(f)).toFixed(d)} (${v.map((e) => f(e).toFixed(d)).join(', ')})`.padEnd(28);
    console.log(`${k.padEnd(8)} ${median(v.map((e) => e.p50)).toFixed(1).padStart(6)}   ${col((e) => e.p99, 1)} ${col((e) => e.max, 1)} ${v[0].wait === null ? 'n/a'.padEnd(28) : col((e) => e.wait, 2)}   ${v[0].others === null ? 'n/a' : median(v.map((e) => e.others)).toFixed(0)}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
