'use strict';
// Where a slow fresh-output round goes (issue 14, "bimodal fresh-region
// rounds"). W18's `subtract` / `negative` / `leftShift` of 10M items into a
// new array have had medians 5-25x their fastest round, and which rows are
// hit changes between runs. This runs the same three calls as W18 (results
// dropped a round later, as W18's loop does) and splits each round's wall
// time into what could make it slow:
//   - cpu / wait: the JS thread's time on a core and in the run queue (Linux
//     schedstat of the thread alone): wait is other processes holding the
//     cores, not this library; cpuAll: every thread of the process (the
//     kernels' worker threads and the pool's thread too);
//   - sleep: the rest of the wall time: the JS thread blocked (on the pool's
//     thread finishing a reserve region, on page-fault I/O...), with its
//     voluntary context switches (vcs);
//   - minflt: the process's minor faults (a fresh 80 MB region in 4 KiB
//     pages is ~20k);
//   - fresh / reserve: regions the pool mapped on the JS thread, and that
//     its thread mapped and pre-faulted, this round (native/region_pool.cc);
//   - from: where the round's result came from: 'fresh' (mapped on the JS
//     thread), 'reserve' (the thread's pre-faulted zero pages), 'idle' (a
//     region a dropped result gave back), 'over' (one kept past the idle
//     bound), or 'js' (none: ordinary memory, past the pool's total bound);
//   - gcs / gcMs: V8 collections that ran inside the round and their time
//     (v8.GCProfiler), 'gcFull' how many were mark-compacts, 'assist' how
//     many of them the GC assist ran (lib/gc-wait.ts; MMARRAY_GC_ASSIST=0
//     turns it off);
//   - stall / thp: /proc/vmstat compact_stall and thp_fault_alloc,
//     system-wide (direct compaction; huge pages faulted in).
// Beside them, NumPy's rounds of the same ops (same data) from the same run,
// with its thread's cpu and wait, so a ratio on cpu time compares the work
// and a ratio on wall time includes the machine's load. Prints the load
// average before and after. Linux only (schedstat, vmstat).
// `node bench/fresh_rounds.js [--rounds N] [--rows]` (--rows: every round).
const fs = require('fs');
const path = require('path');
const v8 = require('v8');
const { spawnSync } = require('child_process');

const mm = require('../dist');
const { poolStats } = require('../dist/native');
const { gcAssistStats } = require('../dist/gc-wait');

const VMSTAT = ['compact_stall', 'thp_fault_alloc'];

/** The JS thread's [on-cpu ns, run-queue ns] and voluntary switches so far. */
function thread() {
  const dir = `/proc/self/task/${process.pid}`;
  const [cpu, wait] = fs.readFileSync(`${dir}/schedstat`, 'utf8').split(' ').map(Number);
  const vcs = Number(/^voluntary_ctxt_switches:\s*(\d+)/m.exec(fs.readFileSync(`${dir}/status`, 'utf8'))[1]);
  return { cpu, wait, vcs };
}

/** On-cpu ns of every thread of the process so far. */
function cpuAll() {
  let ns = 0;
  for (const t of fs.readdirSync('/proc/self/task')) {
    try {
      ns += Number(fs.readFileSync(`/proc/self/task/${t}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // the thread ended meanwhile
    }
  }
  return ns;
}

/** The process's minor faults so far (/proc/self/stat field 10). */
function minflt() {
  const s = fs.readFileSync('/proc/self/stat', 'utf8');
  return Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[7]);
}

function vmstat() {
  const out = {};
  for (const line of fs.readFileSync('/proc/vmstat', 'utf8').split('\n')) {
    const [k, v] = line.split(' ');
    if (VMSTAT.includes(k)) out[k] = Number(v);
  }
  return out;
}

/** The counters, with the clock read last before a round and first after it. */
function snapshot(before) {
  const t = before ? 0n : process.hrtime.bigint();
  const p = poolStats();
  const s = { t, ...thread(), all: cpuAll(), minflt: minflt(), vm: vmstat(), fresh: p.freshMaps, reserve: p.reserveMaps, hits: [p.reserveHits, p.idleHits, p.overHits], assist: gcAssistStats.runs };
  if (before) s.t = process.hrtime.bigint();
  return s;
}

/** One round's split (ms, counts) between snapshots a and b. */
function split(a, b) {
  const wall = Number(b.t - a.t) / 1e6;
  const cpu = (b.cpu - a.cpu) / 1e6;
  const wait = (b.wait - a.wait) / 1e6;
  return {
    wall,
    cpu,
    cpuAll: (b.all - a.all) / 1e6,
    wait,
    sleep: Math.max(0, wall - cpu - wait),
    vcs: b.vcs - a.vcs,
    minflt: b.minflt - a.minflt,
    fresh: b.fresh - a.fresh,
    reserve: b.reserve - a.reserve,
    from: b.fresh > a.fresh ? 'fresh' : (['reserve', 'idle', 'over'].find((_, i) => b.hits[i] > a.hits[i]) ?? 'js'),
    assist: b.assist - a.assist,
    stall: b.vm.compact_stall - a.vm.compact_stall,
    thp: b.vm.thp_fault_alloc - a.vm.thp_fault_alloc,
  };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[(s.length - 1) >> 1];
}

/** Rounds of `fn` after 2 warm-up calls; the last result stays alive until the next round ends, as in W18. */
function rounds(fn, n) {
  let last = fn();
  last = fn();
  const out = [];
  for (let r = 0; r < n; r++) {
    const gc = new v8.GCProfiler();
    gc.start();
    const a = snapshot(true);
    last = fn();
    const round = split(a, snapshot(false));
    const gcs = gc.stop().statistics;
    // gcType names V8's GCType bits: 1 scavenge, 2 mark-compact (4 incremental marking, 8 weak callbacks).
    out.push({ ...round, gcs: gcs.length, gcFull: gcs.filter((g) => g.gcType === 'MarkSweepCompact').length, gcMs: gcs.reduce((s, g) => s + g.cost, 0) / 1000 });
  }
  return { rounds: out, last };
}

// NumPy's side: the same ops on the same data, per round wall / cpu / wait
// of its thread (ms), as JSON.
const NUMPY = String.raw`
import json, sys, time
import numpy as np
n, rounds = int(sys.argv[1]), int(sys.argv[2])
i = np.arange(n)
px = (i % 1000) * 0.25 + 1
b = (i % 777) * 0.5 - 100
qty = ((i % 201) - 100).astype("<i4")
def sched():
    with open("/proc/thread-self/schedstat") as f:
        c, w = f.read().split()[:2]
    return int(c), int(w)
def measure(fn):
    last = fn(); last = fn()
    out = []
    for _ in range(rounds):
        c0, w0 = sched(); t0 = time.perf_counter_ns()
        last = fn()
        t1 = time.perf_counter_ns(); c1, w1 = sched()
        out.append([(t1 - t0) / 1e6, (c1 - c0) / 1e6, (w1 - w0) / 1e6])
    return out
print(json.dumps({"subtract": measure(lambda: px - b), "negative": measure(lambda: -px), "leftShift": measure(lambda: np.left_shift(qty, 3))}))
`;

function numpy(n, count) {
  const r = spawnSync('python3', ['-c', NUMPY, String(n), String(count)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) {
    console.log(`NumPy side skipped: ${(r.stderr || r.error?.message || '').trim().split('\n').pop()}`);
    return null;
  }
  return JSON.parse(r.stdout);
}

function main() {
  if (!fs.existsSync(`/proc/self/task/${process.pid}/schedstat`)) {
    console.log('fresh_rounds: needs Linux schedstat; skipped');
    return;
  }
  const args = process.argv.slice(2);
  const at = args.indexOf('--rounds');
  const count = at >= 0 ? Number(args[at + 1]) : 30;
  const everyRound = args.includes('--rows');
  const n = 10_000_000;
  const px = mm.zeros([n], '<f8');
  const b = mm.zeros([n], '<f8');
  const qty = mm.zeros([n], '<i4');
  const pt = px.typedArray();
  const bt = b.typedArray();
  const qt = qty.typedArray();
  for (let i = 0; i < n; i++) {
    pt[i] = (i % 1000) * 0.25 + 1;
    bt[i] = (i % 777) * 0.5 - 100;
    qt[i] = (i % 201) - 100;
  }
  const ops = { subtract: () => mm.subtract(px, b), negative: () => mm.negative(px), leftShift: () => mm.leftShift(qty, 3) };
  console.log(`load before: ${fs.readFileSync('/proc/loadavg', 'utf8').trim()}; ${count} rounds per op; ${path.basename(__filename)}`);
  const np = numpy(n, count);
  const f = (x) => x.toFixed(1);
  for (const [name, fn] of Object.entries(ops)) {
    const { rounds: rs } = rounds(fn, count);
    const slow = rs.filter((r) => r.wall > 2 * median(rs.map((x) => x.wall)));
    const sum = (k, xs = rs) => xs.reduce((s, r) => s + r[k], 0);
    console.log(`\n${name}, 10M, new array`);
    if (everyRound) console.table(rs.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number.isInteger(v) ? v : f(v)]))));
    const line = (label, xs) => `${label}: wall ${f(median(xs.map((r) => r.wall)))} ms, cpu ${f(median(xs.map((r) => r.cpu)))}, cpuAll ${f(median(xs.map((r) => r.cpuAll)))}, wait ${f(median(xs.map((r) => r.wait)))}, sleep ${f(median(xs.map((r) => r.sleep)))}`;
    console.log(`  ${line('mmarray median', rs)}; min wall ${f(Math.min(...rs.map((r) => r.wall)))}`);
    if (np) {
      const nr = np[name].map(([wall, cpu, wait]) => ({ wall, cpu, cpuAll: cpu, wait, sleep: Math.max(0, wall - cpu - wait) }));
      console.log(`  ${line('NumPy   median', nr)}`);
      console.log(`  ratio to NumPy: wall ${(median(rs.map((r) => r.wall)) / median(nr.map((r) => r.wall))).toFixed(2)}x, cpu of all threads ${(median(rs.map((r) => r.cpuAll)) / median(nr.map((r) => r.cpu))).toFixed(2)}x`);
    }
    console.log(
      `  slow rounds (wall > 2x median): ${slow.length}/${rs.length}; in them: wait ${f(sum('wait', slow))} ms, sleep ${f(sum('sleep', slow))} ms, cpu ${f(sum('cpu', slow))} ms, ` +
        `minflt ${sum('minflt', slow)}, fresh maps ${sum('fresh', slow)}, reserve maps ${sum('reserve', slow)}, compact_stall ${sum('stall', slow)}, thp faults ${sum('thp', slow)}, GCs ${sum('gcs', slow)}`,
    );
    const from = (xs) => ['fresh', 'reserve', 'idle', 'over', 'js'].map((k) => `${k} ${xs.filter((r) => r.from === k).length}`).join(', ');
    console.log(`  results from (all rounds): ${from(rs)}; rounds with a GC ${rs.filter((r) => r.gcs > 0).length} (a mark-compact ${rs.filter((r) => r.gcFull > 0).length}, the assist's ${sum('assist')})`);
    console.log(`  results from (slow rounds): ${from(slow)}; slow rounds with a GC ${slow.filter((r) => r.gcs > 0).length}`);
  }
  console.log(`\nload after: ${fs.readFileSync('/proc/loadavg', 'utf8').trim()}`);
}

main();
