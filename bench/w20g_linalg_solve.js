'use strict';
// W20G: np.linalg's factorizations (lib/linalg-solve.ts over native/linalg_kernels.cc)
// on float64 500 x 500 matrices, each beside a hand-written typed-array loop (base)
// and NumPy (np: LAPACK through OpenBLAS, threaded) on the same data:
// - linalg.solve(a, b), b a 500-vector (base: LU with partial pivoting, then the
//   two triangular solves, over one Float64Array copy);
// - linalg.det(a) (base: the same LU, the product of the diagonal);
// - linalg.inv(a) (base: the same LU, then the 500 columns of the identity solved).
// The matrix is sin(0..n²) + 3·I (well conditioned), written to a file and read back.
// W20 runs it; `--run-one W20G` runs it alone.
const fs = require('fs');

const mm = require('../dist');
const h = require('./harness');

/** LU with partial pivoting of the n×n row-major `a` in place; the pivots. */
function luJs(a, n) {
  const piv = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    let p = k;
    let best = Math.abs(a[k * n + k]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(a[i * n + k]);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    piv[k] = p;
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t = a[k * n + j];
        a[k * n + j] = a[p * n + j];
        a[p * n + j] = t;
      }
    }
    const r = 1 / a[k * n + k];
    for (let i = k + 1; i < n; i++) {
      const l = (a[i * n + k] *= r);
      if (l !== 0) for (let j = k + 1; j < n; j++) a[i * n + j] -= l * a[k * n + j];
    }
  }
  return piv;
}

/** b (n×m row-major) = A⁻¹ b from the LU and pivots. */
function solveJs(lu, piv, b, n, m) {
  for (let k = 0; k < n; k++) {
    const p = piv[k];
    if (p !== k) {
      for (let j = 0; j < m; j++) {
        const t = b[k * m + j];
        b[k * m + j] = b[p * m + j];
        b[p * m + j] = t;
      }
    }
  }
  for (let k = 0; k < n; k++) for (let i = k + 1; i < n; i++) {
    const l = lu[i * n + k];
    if (l !== 0) for (let j = 0; j < m; j++) b[i * m + j] -= l * b[k * m + j];
  }
  for (let k = n - 1; k >= 0; k--) {
    const d = lu[k * n + k];
    for (let j = 0; j < m; j++) b[k * m + j] /= d;
    for (let i = 0; i < k; i++) {
      const u = lu[i * n + k];
      if (u !== 0) for (let j = 0; j < m; j++) b[i * m + j] -= u * b[k * m + j];
    }
  }
}

function w20g(ctx) {
  const rounds = ctx.rounds;
  const m = (fn) => h.measure(fn, { rounds });
  const rows = [];
  const row = (name, lib, base, np, note) => rows.push({ id: 'W20G', name, lib, base, np, target: { ref: 'np', time: 1.0 }, note });
  const n = 500;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) a[i] = Math.sin(i);
  for (let i = 0; i < n; i++) a[i * n + i] += 3;
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) b[i] = Math.cos(i);
  const files = { a: ctx.dir.path('w20g-a.bin'), b: ctx.dir.path('w20g-b.bin') };
  fs.writeFileSync(files.a, new Uint8Array(a.buffer));
  fs.writeFileSync(files.b, new Uint8Array(b.buffer));
  const A = mm.fromBuffer(a).reshape(n, n);
  const B = mm.fromBuffer(b);

  const libSolve = m(() => mm.linalg.solve(A, B));
  const baseSolve = m(() => {
    const lu = a.slice();
    const piv = luJs(lu, n);
    const x = b.slice();
    solveJs(lu, piv, x, n, 1);
    return x;
  });
  const libDet = m(() => mm.linalg.det(A));
  const baseDet = m(() => {
    const lu = a.slice();
    const piv = luJs(lu, n);
    let d = 1;
    for (let k = 0; k < n; k++) d *= piv[k] !== k ? -lu[k * n + k] : lu[k * n + k];
    return d;
  });
  const libInv = m(() => mm.linalg.inv(A));
  const baseInv = m(() => {
    const lu = a.slice();
    const piv = luJs(lu, n);
    const x = new Float64Array(n * n);
    for (let i = 0; i < n; i++) x[i * n + i] = 1;
    solveJs(lu, piv, x, n, n);
    return x;
  });
  const np = h.runNumpy('W20G', { n, files, rounds });
  const note = 'np: LAPACK gesv/getrf through OpenBLAS (threaded)';
  row('linalg.solve(a, b), 500x500 f8, b a vector', libSolve, baseSolve, np?.solve, `base: JS LU + triangular solves; ${note}`);
  row('linalg.det(a), 500x500 f8', libDet, baseDet, np?.det, `base: JS LU, product of the diagonal; ${note}`);
  row('linalg.inv(a), 500x500 f8', libInv, baseInv, np?.inv, `base: JS LU + 500 right-hand sides; ${note}`);
  return rows;
}

module.exports = { W20G: w20g };
