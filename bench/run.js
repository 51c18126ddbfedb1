#!/usr/bin/env node
'use strict';
// mmarray benchmark suite: `npm run bench [-- --quick] [--json FILE] [--only W1,W2]`.
// Each workload runs the library, a raw-JS baseline and NumPy in one run and
// prints median (min–max) per side, the ratios and whether the target holds.
const fs = require('fs');
const os = require('os');
const path = require('path');

function usage(msg) {
  if (msg) console.error(msg);
  console.error('usage: node bench/run.js [--quick] [--json FILE] [--only W1,W2,...]');
  process.exit(2);
}

function parseArgs(argv) {
  const o = { quick: false, json: null, only: null, runOne: null, ctx: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') o.quick = true;
    else if (a === '--run-one') o.runOne = argv[++i];
    else if (a === '--ctx') o.ctx = JSON.parse(argv[++i]);
    else if (a === '--json') o.json = argv[++i] ?? usage('--json needs a file');
    else if (a === '--only') o.only = (argv[++i] ?? usage('--only needs a list')).split(',');
    else if (a === '-h' || a === '--help') usage();
    else usage(`unknown argument ${a}`);
  }
  return o;
}

if (!fs.existsSync(path.join(__dirname, '..', 'dist', 'index.js'))) {
  console.error('dist/ is missing: run `npx tsc -p tsconfig.build.json` (npm install does it via prepare)');
  process.exit(1);
}

const { spawnSync } = require('child_process');
const h = require('./harness');
const workloads = require('./workloads');
const { printTable, summary } = require('./report');

const ROWS_MARKER = 'MMARRAY-BENCH-ROWS ';

/**
 * Each workload runs in a fresh node process, as NumPy's side does in its own
 * python: what one workload leaves behind (gigabytes of external buffers, the
 * optimizer's state) must not colour the next one's figures.
 */
function runIsolated(id, ctx) {
  const child = { ...ctx, dir: undefined, dirPath: ctx.dir.dir };
  const r = spawnSync(process.execPath, [__filename, '--run-one', id, '--ctx', JSON.stringify(child)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = (r.stdout || '').split('\n').find((l) => l.startsWith(ROWS_MARKER));
  if (r.status !== 0 || line === undefined) throw new Error(`workload ${id} failed (status ${r.status}, signal ${r.signal})\n${r.stdout}`);
  return JSON.parse(line.slice(ROWS_MARKER.length));
}

/** The child side of runIsolated: one workload, rows as JSON on stdout. */
async function runOne(id, ctx) {
  ctx.dir = { dir: ctx.dirPath, path: (name) => path.join(ctx.dirPath, name) };
  const rows = await workloads[id](ctx);
  const plain = (k, v) => (typeof v === 'bigint' ? Number(v) : v);
  // `result` (the last value measured, often a large array) is dropped before
  // stringifying: a replacer runs after toJSON, and arrays refuse huge JSON.
  const strip = (v) =>
    Array.isArray(v)
      ? v.map(strip)
      : v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype
        ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'result').map(([k, x]) => [k, strip(x)]))
        : v;
  process.stdout.write(`${ROWS_MARKER}${JSON.stringify(strip(rows), plain)}\n`);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.runOne !== null) {
    await runOne(opts.runOne, opts.ctx);
    return;
  }
  const dir = new h.DataDir();
  const cleanup = () => dir.remove();
  process.on('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  const GiB = 2 ** 30;
  const sizes = opts.quick ? { records: GiB / 4, f8: GiB / 4 } : { records: 2 * GiB, f8: 2 * GiB };
  const ctx = {
    quick: opts.quick,
    rounds: opts.quick ? 3 : 5,
    n10m: 10_000_000,
    sizes,
    dir,
    files: { records: dir.path('records.bin'), f8: dir.path('f8.bin') },
  };
  const machine = {
    nproc: os.cpus().length,
    cpu: cpuModel(),
    node: process.version,
    numpy: h.numpyVersion(),
    quick: opts.quick,
  };
  console.log(`mmarray bench — ${machine.nproc} cpus, ${machine.cpu}, node ${machine.node}, numpy ${machine.numpy ?? 'absent'}${opts.quick ? ' (--quick)' : ''}`);
  const rows = [];
  try {
    const t0 = h.now();
    h.writeFile(ctx.files.records, sizes.records, h.fillRecords);
    h.writeFile(ctx.files.f8, sizes.f8, h.fillF8);
    console.log(`data files written in ${(h.ms(t0, h.now()) / 1e3).toFixed(1)} s under ${dir.dir}`);
    for (const [id, run] of Object.entries(workloads)) {
      if (!/^W\d+$/.test(id) || (opts.only && !opts.only.includes(id))) continue;
      const t = h.now();
      void run;
      rows.push(...runIsolated(id, ctx));
      console.log(`${id} done in ${(h.ms(t, h.now()) / 1e3).toFixed(1)} s`);
    }
  } finally {
    cleanup();
  }
  printTable(rows);
  const s = summary(rows);
  if (opts.json) {
    fs.writeFileSync(opts.json, JSON.stringify({ machine, rows: rows.map(stripSamples), summary: s }, null, 2));
    console.log(`wrote ${opts.json}`);
  }
}

function stripSamples(r) {
  const clean = (st) => (st ? { median: st.median, min: st.min, max: st.max } : null);
  return { ...r, lib: clean(r.lib), base: clean(r.base), np: clean(r.np), ratio: r.ratio, met: r.met };
}

function cpuModel() {
  try {
    const m = /model name\s*:\s*(.*)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) return m[1].trim();
  } catch {
    // not Linux
  }
  return os.cpus()[0]?.model ?? 'unknown';
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
