#!/usr/bin/env node
'use strict';
// Issue 15's sync read-ahead: a cold multi-GB `sum()` (page-fault bound)
// with and without the sync kernels' read-ahead, with the mapping's own
// madvise hints, beside sumAsync and NumPy cold, in one run.
//
//   node bench/cold_sum.js [--gib N] [--rounds N]   (dist/ built; default 6 GiB, 3 rounds)
//
// Every variant runs in a fresh process (MMARRAY_READ_AHEAD_MB is read once
// per process), after the file's pages were evicted with
// posix_fadvise(DONTNEED) with no mapping open (DONTNEED keeps mapped pages),
// NumPy's too; the variants interleave within each round. Printed: median
// and min GB/s per variant, the process's CPU seconds (user + system), and
// each variant's ratio to NumPy cold; the sums are checked equal (the
// summation order does not depend on the read-ahead).
//   - sync, read-ahead off (the default: MMARRAY_READ_AHEAD_MB unset)
//   - sync, off + advise('sequential') / advise('willneed') of the whole map
//   - sync, read-ahead on (MMARRAY_READ_AHEAD_MB=32: 32 MiB ahead, 4 MiB steps)
//   - sumAsync({ threads: 2 }), off and on
// The file is made here and removed at the end.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { evictPageCache, writeRampNpy } = require('./harness');

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};

if (process.argv[2] === '--child') {
  // One cold sum: argv [--child, file, variant].
  const mm = require('../dist');
  const [, , , file, variant] = process.argv;
  const a = mm.openNpy(file);
  if (variant === 'sequential' || variant === 'willneed') a.advise(variant);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const run = variant === 'async t2' ? a.sumAsync({ threads: 2 }) : Promise.resolve(a.sum());
  run.then((v) => {
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    const ra = require('../dist/native').kernelReadAhead();
    a.close();
    process.stdout.write(JSON.stringify({ ms, cpu: (c.user + c.system) / 1e3, sum: String(v), advised: ra[1] }));
  });
  return;
}

const GIB = arg('--gib', 6);
const ROUNDS = Math.max(1, arg('--rounds', 3) | 0);
const BYTES = GIB * 2 ** 30;
const N = BYTES / 8;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmarray-bench-cold-'));
const file = path.join(dir, 'big.npy');

function makeFile() {
  writeRampNpy(require('../dist'), file, N);
}

function dropCache() {
  if (!evictPageCache(file)) throw new Error(`posix_fadvise of ${file} failed (python3 needed)`);
}

const VARIANTS = {
  'sync, read-ahead off': { env: {}, variant: 'plain' },
  "sync, off + advise('sequential')": { env: {}, variant: 'sequential' },
  "sync, off + advise('willneed')": { env: {}, variant: 'willneed' },
  'sync, read-ahead on (32 MiB)': { env: { MMARRAY_READ_AHEAD_MB: '32' }, variant: 'plain' },
  'sumAsync threads 2': { env: {}, variant: 'async t2' },
  'sumAsync threads 2, read-ahead on (32 MiB)': { env: { MMARRAY_READ_AHEAD_MB: '32' }, variant: 'async t2' },
};

function child(v) {
  dropCache();
  const env = { ...process.env, ...v.env };
  if (!('MMARRAY_READ_AHEAD_MB' in v.env)) delete env.MMARRAY_READ_AHEAD_MB;
  const r = spawnSync(process.execPath, [__filename, '--child', file, v.variant], { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

function numpyCold() {
  dropCache();
  const r = spawnSync('python3', ['-c', `import numpy as np, time, os, json, resource
a = np.load(${JSON.stringify(file)}, mmap_mode='r')
u0 = resource.getrusage(resource.RUSAGE_SELF)
t0 = time.perf_counter(); s = a.sum(); ms = (time.perf_counter() - t0) * 1e3
u1 = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({'ms': ms, 'cpu': (u1.ru_utime - u0.ru_utime + u1.ru_stime - u0.ru_stime) * 1e3, 'sum': repr(float(s))}))`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`numpy failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

function main() {
  console.log(`bench/cold_sum: ${GIB} GiB <f8 file, ${ROUNDS} rounds, ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  makeFile();
  const times = {};
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, v] of Object.entries(VARIANTS)) {
      const o = child(v);
      (times[name] ??= []).push(o);
    }
    const np = numpyCold();
    (times['NumPy'] ??= []).push(np);
    console.log(`   round ${r + 1}: ${Object.entries(times).map(([k, v]) => `${k} ${v[r].ms.toFixed(0)} ms`).join(', ')} (load ${os.loadavg()[0].toFixed(1)})`);
  }
  const med = (v) => [...v].sort((x, y) => x - y)[Math.floor((v.length - 1) / 2)];
  const gbps = (ms) => (BYTES / 1e9 / (ms / 1e3)).toFixed(2);
  const npMs = med(times['NumPy'].map((o) => o.ms));
  console.log(`\nvariant                              median GB/s   min-time GB/s   CPU s (median)   vs NumPy cold (median times)`);
  for (const [name, v] of Object.entries(times)) {
    const ms = v.map((o) => o.ms);
    console.log(`${name.padEnd(36)} ${gbps(med(ms)).padStart(8)}      ${gbps(Math.min(...ms)).padStart(8)}        ${(med(v.map((o) => o.cpu)) / 1e3).toFixed(2).padStart(6)}          ${(npMs / med(ms)).toFixed(2)}x`);
  }
  // Every mmarray variant must print the same sum (NumPy's may differ in the last bits only where its order does).
  const own = new Set(Object.entries(times).filter(([k]) => k !== 'NumPy').flatMap(([, v]) => v.map((o) => o.sum)));
  console.log(`\nsums: mmarray ${[...own].join(', ')} (${own.size === 1 ? 'all equal' : 'DIFFER'}), NumPy ${times['NumPy'][0].sum}`);
}

try {
  main();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
