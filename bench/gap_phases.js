#!/usr/bin/env node
'use strict';
// Issue 15: where the JS thread's time goes during copyAsync, argsortAsync,
// minAsync and saveNpyAsync on a 2 GiB <f8 file (dist/ built), beside a
// plain `new Float64Array` of copyAsync's result size:
// `node bench/gap_phases.js [--gib N] [--rounds N] [--only TEXT] [--no-gc-cost]`.
//
// No timer runs during a call, so the JS thread does only what the call and
// V8 make it do. The addon's entry points the async calls use (poolBuffer,
// kernelReduceAsync, kernelCopyAsync, sortKernels.sortLanesAsync,
// kernelSaveAsync) are wrapped on dist/native's exports object (lib reads
// them from it at each call), and so is the settle callback each job gets;
// the wrappers read the JS thread's CPU (Linux schedstat) and the wall
// clock, so each call is cut into the stretches the JS thread runs without
// returning to the event loop, which bound the event-loop gap the call
// causes on an idle machine:
// - alloc: inside poolBuffer (the result's memory; a result of 64 MiB or
//   more also starts V8's incremental marking there: gc-wait.ts);
// - start: inside the native call that queues the pool job;
// - settle: from the job's settle callback to the bench's await resuming;
// - other: the rest of the call's JS-thread CPU (the JS front before the
//   job, the turns in between, V8's incremental marking steps and its
//   mark-compact while the call waits for it: lib/async.ts settleGc);
// and V8's pauses in the call's window (perf_hooks 'gc' entries: scavenges,
// the incremental-marking start, mark-compacts), longest and sum.
// Wall figures include any wait for a core; CPU figures do not. Medians of
// --rounds interleaved rounds, each result released after its call.
// Last, what a full V8 collection costs the JS thread (CPU, the median of 15
// gc() calls) in a bare node and in one that has loaded dist/ (child
// processes, interleaved, --rounds each): the mark-compact a large result
// starts walks the whole heap, the library's loaded modules included.
const fs = require('fs');
const { spawnSync } = require('child_process');
const os = require('os');
const path = require('path');
const { PerformanceObserver, constants: { NODE_PERFORMANCE_GC_MAJOR, NODE_PERFORMANCE_GC_MINOR, NODE_PERFORMANCE_GC_INCREMENTAL } } = require('perf_hooks');
const { writeRampNpy } = require('./harness');
const mm = require('../dist');
const native = require('../dist/native');

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const GIB = Number(arg('--gib', 2));
const ROUNDS = Math.max(1, Number(arg('--rounds', 5)) | 0);
const ONLY = arg('--only', null);
const N = (GIB * 2 ** 30) / 8;

let schedFd = null;
try {
  schedFd = fs.openSync(`/proc/self/task/${process.pid}/schedstat`, 'r');
} catch {
  schedFd = null;
}
if (schedFd === null) {
  console.log('bench/gap_phases: needs Linux /proc/self/task/<tid>/schedstat');
  process.exit(0);
}
const schedBuf = Buffer.alloc(128);
/** The JS thread's CPU ms so far (schedstat's first field). */
function cpu() {
  const n = fs.readSync(schedFd, schedBuf, 0, schedBuf.length, 0);
  let v = 0;
  for (let i = 0; i < n; i++) {
    const c = schedBuf[i];
    if (c < 48 || c > 57) break;
    v = v * 10 + (c - 48);
  }
  return v / 1e6;
}

/** The stretches of the current call: kind -> [{ wall, cpu }]. */
let pieces = null;
function record(kind, w0, c0) {
  if (pieces === null) return;
  (pieces[kind] ??= []).push({ wall: performance.now() - w0, cpu: cpu() - c0 });
}
/** Set by a wrapped settle callback: when the job's settle began (wall, CPU). */
let settledAt = null;

function wrapSettle(settle) {
  return function wrappedSettle(...a) {
    settledAt = [performance.now(), cpu()];
    return settle.apply(this, a);
  };
}
function wrap(holder, key, kind) {
  const f = holder[key];
  if (typeof f !== 'function') throw new Error(`dist/native has no ${key}`);
  holder[key] = function wrapped(...a) {
    const args = a.map((x) => (typeof x === 'function' ? wrapSettle(x) : x));
    const w0 = performance.now();
    const c0 = cpu();
    try {
      return f.apply(this, args);
    } finally {
      record(kind, w0, c0);
    }
  };
}
wrap(native, 'poolBuffer', 'alloc');
wrap(native, 'kernelReduceAsync', 'start');
wrap(native, 'kernelCopyAsync', 'start');
wrap(native, 'kernelSaveAsync', 'start');
wrap(native.sortKernels, 'sortLanesAsync', 'start');

const gcs = [];
new PerformanceObserver((list) => gcs.push(...list.getEntries())).observe({ entryTypes: ['gc'] });
const KINDS = { [NODE_PERFORMANCE_GC_MINOR]: 'scavenge', [NODE_PERFORMANCE_GC_INCREMENTAL]: 'marking start', [NODE_PERFORMANCE_GC_MAJOR]: 'mark-compact' };

async function measure(fn) {
  await new Promise((r) => setTimeout(r, 30));
  pieces = {};
  settledAt = null;
  const w0 = performance.now();
  const c0 = cpu();
  const v = await fn();
  const w1 = performance.now();
  const c1 = cpu();
  if (settledAt !== null) (pieces.settle ??= []).push({ wall: w1 - settledAt[0], cpu: c1 - settledAt[1] });
  const own = pieces;
  pieces = null;
  if (v !== null && typeof v === 'object' && typeof v.release === 'function' && v.base === null) v.release();
  await new Promise((r) => setTimeout(r, 10)); // gc entries arrive on a later turn
  const inCall = gcs.filter((e) => e.startTime >= w0 && e.startTime <= w1);
  gcs.length = 0;
  const sum = (k, f) => (own[k] ?? []).reduce((s, p) => s + p[f], 0);
  const max = (k, f) => Math.max(0, ...(own[k] ?? []).map((p) => p[f]));
  const total = c1 - c0;
  const named = sum('alloc', 'cpu') + sum('start', 'cpu') + sum('settle', 'cpu');
  const gc = {};
  for (const e of inCall) {
    const k = KINDS[e.detail?.kind] ?? 'other';
    const g = (gc[k] ??= { n: 0, max: 0, sum: 0 });
    g.n++;
    g.max = Math.max(g.max, e.duration);
    g.sum += e.duration;
  }
  return {
    wall: w1 - w0, cpu: total,
    alloc: [max('alloc', 'wall'), sum('alloc', 'cpu')], start: [max('start', 'wall'), sum('start', 'cpu')],
    settle: [max('settle', 'wall'), sum('settle', 'cpu')], other: total - named, gc,
  };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmarray-bench-gap-phases-'));
  const file = path.join(dir, 'big.npy');
  const out = path.join(dir, 's.npy');
  console.log(`bench/gap_phases: ${GIB} GiB <f8 file, ${os.cpus().length} cores, node ${process.version}, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  try {
    writeRampNpy(mm, file, N);
    const a = mm.openNpy(file, { mode: 'r+' });
    a.sum();
    const half = a.index(`:${N / 2}`);
    const eighth = a.index(`:${N / 8}`);
    let cases = [
      [`copyAsync (${GIB / 2} GiB result)`, () => half.copyAsync()],
      [`base: new Float64Array (${GIB / 2} GiB)`, async () => {
        let x = new Float64Array(N / 2);
        x[0] = 1;
        x = null;
        // The cycle it starts ends on a later turn, as copyAsync's does.
        await new Promise((r) => setTimeout(r, 150));
      }],
      [`argsortAsync (${GIB / 8} GiB)`, () => eighth.argsortAsync()],
      [`minAsync (${GIB} GiB)`, () => a.minAsync()],
      [`saveNpyAsync (${GIB / 2} GiB strided)`, () => mm.saveNpyAsync(out, a.index('::2'))],
    ];
    if (ONLY !== null) cases = cases.filter(([name]) => name.includes(ONLY));
    const results = new Map(cases.map(([name]) => [name, []]));
    for (const [, fn] of cases) await fn().then((v) => v?.release?.()); // warm-up, not measured
    for (let r = 0; r < ROUNDS; r++) {
      for (const [name, fn] of cases) results.get(name).push(await measure(fn));
    }
    a.close();
    const med = (v) => [...v].sort((x, y) => x - y)[Math.floor((v.length - 1) / 2)];
    const f = (x) => x.toFixed(1).padStart(7);
    console.log(`\nmedians of ${ROUNDS} rounds, ms; [longest wall of one stretch / CPU summed]; load average now ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
    console.log(`${'call'.padEnd(36)}   wall  JS CPU |  alloc wall/cpu |  start wall/cpu | settle wall/cpu | other CPU | V8 pauses in the call: kind n, longest (sum)`);
    for (const [name, xs] of results) {
      const m = (g) => med(xs.map(g));
      const gcKinds = [...new Set(xs.flatMap((x) => Object.keys(x.gc)))];
      const gcText = gcKinds.map((k) => `${k} ${m((x) => x.gc[k]?.n ?? 0)}, ${m((x) => x.gc[k]?.max ?? 0).toFixed(1)} (${m((x) => x.gc[k]?.sum ?? 0).toFixed(1)})`).join('; ');
      console.log(`${name.padEnd(36)} ${f(m((x) => x.wall))} ${f(m((x) => x.cpu))} | ${f(m((x) => x.alloc[0]))} ${f(m((x) => x.alloc[1]))} | ${f(m((x) => x.start[0]))} ${f(m((x) => x.start[1]))} | ${f(m((x) => x.settle[0]))} ${f(m((x) => x.settle[1]))} | ${f(m((x) => x.other))}   | ${gcText || 'none'}`);
    }
    console.log('   (per round, longest V8 pause in the call, ms:)');
    for (const [name, xs] of results) {
      console.log(`   ${name.padEnd(36)} ${xs.map((x) => Math.max(0, ...Object.values(x.gc).map((g) => g.max)).toFixed(1)).join(' ')}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A child node's full-gc() JS-thread CPU and heap (MB), with or without dist/ loaded. */
function gcCost(withDist) {
  const script = `
    const fs = require('fs');
    ${withDist ? `require(${JSON.stringify(path.join(__dirname, '..', 'dist'))});` : ''}
    const cpu = () => Number(fs.readFileSync('/proc/self/task/' + process.pid + '/schedstat', 'utf8').split(' ')[0]) / 1e6;
    gc(); gc();
    const c = [];
    for (let i = 0; i < 15; i++) { const c0 = cpu(); gc(); c.push(cpu() - c0); }
    c.sort((x, y) => x - y);
    console.log(JSON.stringify([c[7], require('v8').getHeapStatistics().used_heap_size / 1e6]));`;
  const r = spawnSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8' });
  return r.status === 0 ? JSON.parse(r.stdout) : null;
}

function gcCosts() {
  const bare = [];
  const lib = [];
  for (let r = 0; r < ROUNDS; r++) {
    bare.push(gcCost(false));
    lib.push(gcCost(true));
  }
  if (bare.includes(null) || lib.includes(null)) return;
  const med = (v) => [...v].sort((x, y) => x - y)[Math.floor((v.length - 1) / 2)];
  console.log(`\nfull V8 collection (gc()), JS-thread CPU ms, median of ${ROUNDS} processes: bare node ${med(bare.map((x) => x[0])).toFixed(2)} (heap ${med(bare.map((x) => x[1])).toFixed(1)} MB), with dist/ loaded ${med(lib.map((x) => x[0])).toFixed(2)} (heap ${med(lib.map((x) => x[1])).toFixed(1)} MB); load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
}

main().then(() => {
  if (!process.argv.includes('--no-gc-cost')) gcCosts();
}).catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
