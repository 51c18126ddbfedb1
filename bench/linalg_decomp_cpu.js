'use strict';
// The decompositions (svd, eigh, eig) beside NumPy's LAPACK (OpenBLAS in the
// wheel) on the same float64 matrices, n = 50, 200, 500 by default: CPU time
// per call (process.cpuUsage here, time.process_time in Python: the machine
// is shared, wall time is not), the two sides alternated A/B `--rounds`
// times and the median kept. NumPy runs with OPENBLAS_NUM_THREADS=1 (`--np-threads`
// to change it): OpenBLAS's idle threads spin, and their spinning counts as
// CPU time on a loaded machine. `node bench/linalg_decomp_cpu.js [--sizes 50,200]
// [--rounds 3] [--ops svd,svdvals,eigh,eigvalsh,eig,svdc,qr,qrr,qrc]`; reads dist/. `svdc` is
// svd of the complex matrix a + i·aᵀ (complex128); qr is Q and R, qrr mode 'r',
// qrc qr of that complex matrix.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const mm = require('../dist');

function arg(name, dflt) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
}
const sizes = arg('sizes', '50,200,500').split(',').map(Number);
const rounds = Number(arg('rounds', '3'));
const ops = arg('ops', 'svd,svdvals,eigh,eigvalsh,eig,svdc').split(',');
const npEnv = { ...process.env, OPENBLAS_NUM_THREADS: arg('np-threads', '1') };

const OPS = {
  svd: { js: (a) => mm.linalg.svd(a), py: 'LA.svd(a)' },
  svdvals: { js: (a) => mm.linalg.svdvals(a), py: 'LA.svdvals(a)' },
  eigh: { js: (a) => mm.linalg.eigh(a), py: 'LA.eigh(a)', sym: true },
  eigvalsh: { js: (a) => mm.linalg.eigvalsh(a), py: 'LA.eigvalsh(a)', sym: true },
  eig: { js: (a) => mm.linalg.eig(a), py: 'LA.eig(a)' },
  svdc: { js: (a) => mm.linalg.svd(a), py: 'LA.svd(a)', complex: true },
  qr: { js: (a) => mm.linalg.qr(a), py: 'LA.qr(a)' },
  qrr: { js: (a) => mm.linalg.qr(a, { mode: 'r' }), py: 'LA.qr(a, "r")' },
  qrc: { js: (a) => mm.linalg.qr(a), py: 'LA.qr(a)', complex: true },
};

/**
 * An n×n float64 matrix (symmetric when `sym`) from a fixed LCG (values in [-1, 1)), written for
 * Python too; `complex`: the complex128 matrix a + i·aᵀ of the general one.
 */
function matrix(n, file, sym, complex) {
  const v = new Float64Array(n * n);
  let s = 12345 + n;
  for (let i = 0; i < n * n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    v[i] = s / 2 ** 31 - 1;
  }
  if (sym) for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) v[j * n + i] = v[i * n + j];
  if (complex) {
    const c = new Float64Array(2 * n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        c[2 * (i * n + j)] = v[i * n + j];
        c[2 * (i * n + j) + 1] = v[j * n + i];
      }
    }
    fs.writeFileSync(file, new Uint8Array(c.buffer));
    return mm.fromBuffer(c, 'c16').reshape(n, n);
  }
  fs.writeFileSync(file, new Uint8Array(v.buffer));
  return mm.fromBuffer(v).reshape(n, n);
}

/** CPU milliseconds of `reps` calls of fn, per call. */
function cpuMs(fn, reps) {
  const t0 = process.cpuUsage();
  for (let r = 0; r < reps; r++) fn();
  const t = process.cpuUsage(t0);
  return (t.user + t.system) / 1000 / reps;
}

const PY = `
import sys, time, numpy as np
LA = np.linalg
file, n, expr, reps, dt = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), sys.argv[5]
a = np.fromfile(file, dtype=dt).reshape(n, n)
eval(expr)
t0 = time.process_time()
for _ in range(reps): eval(expr)
print((time.process_time() - t0) * 1000 / reps)
`;

const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmarray-decomp-bench-'));
try {
  console.log(`load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}; ${rounds} A/B rounds, CPU ms per call (median)`);
  console.log('op        n     mmarray     numpy    ratio');
  for (const n of sizes) {
    const files = [path.join(dir, `g${n}.bin`), path.join(dir, `s${n}.bin`), path.join(dir, `c${n}.bin`)];
    const mats = [matrix(n, files[0], false), matrix(n, files[1], true), matrix(n, files[2], false, true)];
    const reps = n <= 50 ? 20 : n <= 200 ? 3 : 1;
    for (const op of ops) {
      const o = OPS[op];
      const which = o.complex ? 2 : o.sym ? 1 : 0;
      const a = mats[which];
      const file = files[which];
      o.js(a);
      const ours = [];
      const theirs = [];
      for (let r = 0; r < rounds; r++) {
        ours.push(cpuMs(() => o.js(a), reps));
        theirs.push(Number(execFileSync('python3', ['-c', PY, file, String(n), o.py, String(reps), o.complex ? '<c16' : '<f8'], { encoding: 'utf8', env: npEnv })));
      }
      const x = median(ours);
      const y = median(theirs);
      console.log(`${op.padEnd(9)} ${String(n).padEnd(5)} ${x.toFixed(2).padStart(9)} ${y.toFixed(2).padStart(9)} ${(x / y).toFixed(1).padStart(7)}x`);
    }
  }
  console.log(`load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
