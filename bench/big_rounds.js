'use strict';
// Where each large result comes from, per round (issues 14 and 15): W9's
// copy() of a view just over and just under 2 GiB (results dropped a round
// later, as bench/harness.js measure() does, or each release()d), and the
// async bench's copyAsync of 1 GiB / astypeAsync('<f4') of 2 GiB (threads 2,
// each result dropped when its round ends). Per round: wall ms, CPU ms (the
// JS thread's for the sync copies, the process's for the async calls),
// minor faults, where the result came from ('fresh': mapped on the calling
// thread; 'idle' / 'reserve' / 'over': a region a dropped result gave back,
// the pool thread's pre-faulted zero pages, a region kept past the idle
// bound; 'js': none of them, ordinary memory past the pool's total bound),
// V8 collections in the round (v8.GCProfiler; 'full' = mark-compacts) and
// the GC assist's runs and time (lib/gc-wait.ts). The source is a sparse
// file in os.tmpdir() (its holes read as zero pages; the page cache holds
// 2 GiB while it runs). MMARRAY_GC_ASSIST=0 turns the assist off, for A/B.
// `node bench/big_rounds.js [--sync-drop] [--sync-release] [--async] [--rounds N]` (default: all, 4 rounds)
const fs = require('fs');
const os = require('os');
const path = require('path');
const v8 = require('v8');

const mm = require('../dist');
const { poolStats } = require('../dist/native');
const { gcAssistStats } = require('../dist/gc-wait');

const args = process.argv.slice(2);
const at = args.indexOf('--rounds');
const ROUNDS = at >= 0 ? Number(args[at + 1]) : 4;
const modes = ['--sync-drop', '--sync-release', '--async'].filter((m) => args.includes(m));

function jsThreadMs() {
  return Number(fs.readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
}
function minflt() {
  const s = fs.readFileSync('/proc/self/stat', 'utf8');
  return Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[7]);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];
const load = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/** One round of `fn` (sync or async) with its counters. */
async function round(fn, processCpu) {
  const p0 = poolStats();
  const a0 = { ...gcAssistStats };
  const prof = new v8.GCProfiler();
  prof.start();
  const f0 = minflt();
  const c0 = processCpu ? process.cpuUsage() : jsThreadMs();
  const t0 = process.hrtime.bigint();
  await fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = processCpu ? ((c) => (c.user + c.system) / 1000)(process.cpuUsage(c0)) : jsThreadMs() - c0;
  const faults = minflt() - f0;
  const gcs = prof.stop().statistics;
  const p1 = poolStats();
  const d = (k) => p1[k] - p0[k];
  const from = d('freshMaps') > 0 ? 'fresh' : d('idleHits') > 0 ? 'idle' : d('reserveHits') > 0 ? 'reserve' : d('overHits') > 0 ? 'over' : 'js';
  return {
    wall: Math.round(wall),
    cpu: Math.round(cpu),
    minflt: faults,
    from,
    gcs: gcs.length,
    full: gcs.filter((g) => g.gcType === 'MarkSweepCompact').length,
    assist: gcAssistStats.runs - a0.runs,
    assistMs: +(gcAssistStats.ms - a0.ms).toFixed(1),
    inUseMiB: Math.round(p1.inUseBytes / 2 ** 20),
    idleMiB: Math.round(p1.idleBytes / 2 ** 20),
    overMiB: Math.round(p1.overBytes / 2 ** 20),
  };
}

function report(name, rows, perElements) {
  console.log(`\n${name} (load ${load()})`);
  console.table(rows);
  const w = median(rows.map((r) => r.wall));
  const froms = ['fresh', 'idle', 'reserve', 'over', 'js'].map((k) => `${k} ${rows.filter((r) => r.from === k).length}`).join(', ');
  console.log(`  median wall ${w} ms${perElements ? ` (${((w * 1e6) / perElements).toFixed(2)} ns per element)` : ''}, median cpu ${median(rows.map((r) => r.cpu))} ms, min wall ${Math.min(...rows.map((r) => r.wall))} ms; results from: ${froms}`);
}

async function main() {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mmarray-big-')), 'two.bin');
  const bytes = 2 ** 31 + (16 << 20);
  fs.closeSync(fs.openSync(file, 'w'));
  fs.truncateSync(file, bytes);
  const f8 = mm.memmap(file, { dtype: '<f8', mode: 'r' });
  try {
    f8.sum(); // the page cache
    console.log(`big_rounds: ${ROUNDS} rounds after one warm-up; MMARRAY_GC_ASSIST=${process.env.MMARRAY_GC_ASSIST ?? '(unset: on)'}`);
    const views = [['over', f8.index(`0:${2 ** 28 + 1024}`)], ['under', f8.index(`0:${2 ** 28 - 1024}`)]];
    const all = modes.length === 0;
    for (const release of [false, true]) {
      if (!all && !modes.includes(release ? '--sync-release' : '--sync-drop')) continue;
      for (const [name, v] of views) {
        let last = null;
        const fn = release ? () => { const c = v.copy(); c.get(c.size - 1); c.release(); } : () => { last = v.copy(); };
        await round(fn, false);
        const rows = [];
        for (let r = 0; r < ROUNDS; r++) rows.push(await round(fn, false));
        report(`copy() of the view just ${name} 2 GiB, ${release ? 'release()d each round' : 'dropped a round later'}`, rows, v.size);
        last = null;
      }
    }
    if (all || modes.includes('--async')) {
      const a = f8.index(`0:${2 ** 28}`);
      const half = f8.index(`0:${2 ** 27}`);
      for (const [name, fn] of [['copyAsync of 1 GiB, threads 2', () => half.copyAsync('C', { threads: 2 })], ["astypeAsync('<f4') of 2 GiB, threads 2", () => a.astypeAsync('<f4', 'K', { threads: 2 })]]) {
        await round(fn, true);
        const rows = [];
        for (let r = 0; r < ROUNDS; r++) rows.push(await round(fn, true));
        report(name, rows, 0);
      }
    }
  } finally {
    f8.close();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

main();
