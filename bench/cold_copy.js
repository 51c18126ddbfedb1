#!/usr/bin/env node
'use strict';
// Issue 15's cold copy/astype target: `copyAsync` of half a cold `<f8` file
// and `astypeAsync('<f4')` of all of it, `threads: 2`, beside NumPy cold, with
// the page faults and CPU time of each side; `--only sum` (or a list with it)
// adds `sumAsync` of all of it, and `sumSync` the sync `sum()`, NumPy's
// `a.sum()` beside each.
//
//   node bench/cold_copy.js [--gib N] [--rounds N] [--only copy,astype,sum,sumSync] [--variants default,ra32] [--addon-b PATH] [--dir DIR]
//   (dist/ built; default 4.5 GiB in os.tmpdir(), 5 rounds)
//
// Every run is a fresh process (MMARRAY_READ_AHEAD_MB is read once per
// process; the result is fresh anonymous memory on both sides, as NumPy's
// is), after the file's pages were evicted with posix_fadvise(DONTNEED) with
// no mapping open; the variants and NumPy interleave within each round.
// Printed per variant: median and min GB/s of the source, median process CPU
// (user + system) and minor / major page faults (getrusage of the process),
// and the ratio to NumPy's median time (NumPy time / ours). Each child also
// prints its result's sum() (after the timing), checked
// equal across the variants of an op.
// Variants (environment of the child):
//   - default: the build's read-ahead as it is (off unless the environment sets it)
//   - ra0: MMARRAY_READ_AHEAD_MB=0 (no read-ahead by the kernels)
//   - ra32: MMARRAY_READ_AHEAD_MB=32 (MADV_WILLNEED 32 MiB ahead)
//   - B, B ra0: the same with the addon at --addon-b PATH
// The file is made here and removed at the end.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { evictPageCache, writeRampNpy } = require('./harness');

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};

if (process.argv[2] === '--child') {
  // One cold op: argv [--child, file, op].
  const mm = require('../dist');
  const [, , , file, op] = process.argv;
  const a = mm.openNpy(file);
  const u0 = process.resourceUsage();
  const t0 = performance.now();
  const run =
    op === 'copy' ? a.index(`:${a.size / 2}`).copyAsync('C', { threads: 2 }) : op === 'sum' ? a.sumAsync({ threads: 2 }) : op === 'sumSync' ? Promise.resolve(a.sum()) : a.astypeAsync('<f4', 'K', { threads: 2 });
  run.then((r) => {
    const ms = performance.now() - t0;
    const u1 = process.resourceUsage();
    const h = String(typeof r === 'number' ? r : r.sum());
    if (typeof r !== 'number') r.release();
    a.close();
    process.stdout.write(JSON.stringify({
      ms,
      cpu: (u1.userCPUTime - u0.userCPUTime + u1.systemCPUTime - u0.systemCPUTime) / 1e3,
      minor: u1.minorPageFault - u0.minorPageFault,
      major: u1.majorPageFault - u0.majorPageFault,
      sum: h,
      advised: require('../dist/native').kernelReadAhead()[1],
    }));
  });
  return;
}

const GIB = Number(arg('--gib', 4.5));
const ROUNDS = Math.max(1, Number(arg('--rounds', 5)) | 0);
const OPS = arg('--only', 'copy,astype').split(',');
const BYTES = GIB * 2 ** 30;
const N = BYTES / 8;
const scratch = arg('--dir', os.tmpdir());
const dir = fs.mkdtempSync(path.join(scratch, 'mmarray-bench-cold-copy-'));
const file = path.join(dir, 'big.npy');

const ALL = {
  default: {},
  ra0: { MMARRAY_READ_AHEAD_MB: '0' },
  ra32: { MMARRAY_READ_AHEAD_MB: '32' },
};
// --addon-b PATH: also 'B' and 'B ra0', the same with the addon at PATH
// (MMARRAY_ADDON_PATH), an A/B of two builds.
const addonB = arg('--addon-b', null);
if (addonB) {
  ALL.B = { MMARRAY_ADDON_PATH: path.resolve(addonB) };
  ALL['B ra0'] = { MMARRAY_ADDON_PATH: path.resolve(addonB), MMARRAY_READ_AHEAD_MB: '0' };
}
const VARIANTS = Object.fromEntries(arg('--variants', addonB ? 'default,ra32,B' : 'default,ra32').split(',').map((k) => {
  if (!ALL[k]) throw new Error(`unknown variant ${k} (${Object.keys(ALL).join(', ')})`);
  return [k, ALL[k]];
}));

function dropCache() {
  if (!evictPageCache(file)) throw new Error(`posix_fadvise of ${file} failed (python3 needed)`);
}

function child(op, env) {
  dropCache();
  const e = { ...process.env, ...env };
  if (!('MMARRAY_READ_AHEAD_MB' in env)) delete e.MMARRAY_READ_AHEAD_MB;
  const r = spawnSync(process.execPath, [__filename, '--child', file, op], { env: e, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

function numpyCold(op) {
  dropCache();
  const expr = op === 'copy' ? 'a[:a.size//2].copy()' : op === 'sum' || op === 'sumSync' ? 'a.sum()' : "a.astype('<f4')";
  const r = spawnSync('python3', ['-c', `import numpy as np, time, json, resource
a = np.load(${JSON.stringify(file)}, mmap_mode='r')
u0 = resource.getrusage(resource.RUSAGE_SELF)
t0 = time.perf_counter(); r = ${expr}; ms = (time.perf_counter() - t0) * 1e3
u1 = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({'ms': ms, 'cpu': (u1.ru_utime - u0.ru_utime + u1.ru_stime - u0.ru_stime) * 1e3, 'minor': u1.ru_minflt - u0.ru_minflt, 'major': u1.ru_majflt - u0.ru_majflt}))`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`numpy failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

function main() {
  console.log(`bench/cold_copy: ${GIB} GiB <f8 file, ${ROUNDS} rounds, ops ${OPS.join(', ')}, ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  writeRampNpy(require('../dist'), file, N);
  const times = {};
  const loads = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const op of OPS) {
      for (const [name, env] of Object.entries(VARIANTS)) (times[`${op} ${name}`] ??= []).push(child(op, env));
      (times[`${op} NumPy`] ??= []).push(numpyCold(op));
    }
    loads.push(os.loadavg()[0]);
    console.log(`   round ${r + 1}: ${Object.entries(times).map(([k, v]) => `${k} ${v[r].ms.toFixed(0)} ms`).join(', ')} (load ${os.loadavg()[0].toFixed(1)})`);
  }
  const med = (v) => [...v].sort((x, y) => x - y)[Math.floor((v.length - 1) / 2)];
  console.log(`\nrow (threads 2)          median GB/s  min-time GB/s  CPU s  minor faults  major faults  vs NumPy (median times)  GiB advised`);
  for (const op of OPS) {
    const src = op === 'copy' ? BYTES / 2 : BYTES;
    const gbps = (ms) => (src / 1e9 / (ms / 1e3)).toFixed(2);
    const npMs = med(times[`${op} NumPy`].map((o) => o.ms));
    for (const [name, v] of Object.entries(times).filter(([k]) => k.startsWith(`${op} `))) {
      const ms = v.map((o) => o.ms);
      const adv = v[0].advised === undefined ? '' : (med(v.map((o) => o.advised)) / 2 ** 30).toFixed(2);
      console.log(`${name.padEnd(24)} ${gbps(med(ms)).padStart(8)}     ${gbps(Math.min(...ms)).padStart(8)}     ${(med(v.map((o) => o.cpu)) / 1e3).toFixed(2).padStart(5)}  ${String(med(v.map((o) => o.minor))).padStart(11)}  ${String(med(v.map((o) => o.major))).padStart(11)}   ${(npMs / med(ms)).toFixed(2)}x                   ${adv}`);
    }
    const sums = new Set(Object.entries(times).filter(([k]) => k.startsWith(`${op} `) && !k.endsWith('NumPy')).flatMap(([, v]) => v.map((o) => o.sum)));
    console.log(`   ${op} result checksums: ${sums.size === 1 ? 'all equal' : `DIFFER (${[...sums].join(', ')})`}`);
  }
  console.log(`load average after each round: ${loads.map((x) => x.toFixed(1)).join(', ')}`);
}

try {
  main();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
