'use strict';
// W20L: the products of lib/linalg.ts on float64, each beside a hand-written
// typed-array loop (base: the plain sequential loop) and NumPy (np: its
// BLAS, OpenBLAS in the wheel, which may use every core) on the same data:
// - dot of two 10M-element vectors;
// - matvec: matmul of a 4000 x 2500 matrix by a 2500-vector;
// - matmul of two 512 x 512 matrices.
// W20 runs it; `--run-one W20L` runs it alone.
const fs = require('fs');

const mm = require('../dist');
const h = require('./harness');

function w20l(ctx) {
  const n = ctx.n10m;
  const rounds = ctx.rounds;
  const m = (fn) => h.measure(fn, { rounds });
  const rows = [];
  const row = (name, lib, base, np, note) => rows.push({ id: 'W20L', name, lib, base, np, target: { ref: 'np', time: 1.0 }, note });

  const idx = h.randomIndices(n, 4096, 9191);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = (idx[i] - 2048) / 1024;
    y[i] = (idx[(i * 7) % n] - 2048) / 512;
  }
  const R = 4000;
  const C = 2500;
  const S = 512;
  const files = {};
  for (const [k, v] of Object.entries({ x, y })) {
    files[k] = ctx.dir.path(`w20l-${k}.bin`);
    fs.writeFileSync(files[k], new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
  }
  const X = mm.fromBuffer(x);
  const Y = mm.fromBuffer(y);
  const M = X.index(mm.slice(0, R * C)).reshape(R, C);
  const v = Y.index(mm.slice(0, C));
  const P = X.index(mm.slice(0, S * S)).reshape(S, S);
  const Q = Y.index(mm.slice(0, S * S)).reshape(S, S);

  const libDot = m(() => mm.dot(X, Y));
  const baseDot = m(() => {
    let s = 0;
    for (let i = 0; i < n; i++) s += x[i] * y[i];
    return s;
  });
  // The same vectors in memory mmarray allocated (region-pool memory, huge
  // pages where the kernel allows, as NumPy's own arrays are): X and Y are
  // JS buffers in 4 KiB pages, which NumPy is also timed over (dot_4k).
  const Xc = X.copy();
  const Yc = Y.copy();
  const libDotOwn = m(() => mm.dot(Xc, Yc));
  const libMv = m(() => mm.matmul(M, v));
  const baseMv = m(() => {
    const out = new Float64Array(R);
    for (let i = 0; i < R; i++) {
      let s = 0;
      for (let p = 0; p < C; p++) s += x[i * C + p] * y[p];
      out[i] = s;
    }
    return out;
  });
  const libMm = m(() => mm.matmul(P, Q));
  const baseMm = m(() => {
    const out = new Float64Array(S * S);
    for (let i = 0; i < S; i++) {
      for (let p = 0; p < S; p++) {
        const a = x[i * S + p];
        for (let j = 0; j < S; j++) out[i * S + j] += a * y[p * S + j];
      }
    }
    return out;
  });
  const np = h.runNumpy('W20L', { n, files, rounds, R, C, S });
  const blas = 'np: BLAS (OpenBLAS, blocked sums, FMA, may use both cores)';
  row('dot(x, y), two 10M f8 vectors', libDotOwn, baseDot, np?.dot, `lib: x and y allocated by mmarray (copies); base: one sequential loop; ${blas}`);
  row('dot(x, y), two 10M f8 vectors, in 4 KiB pages, NumPy too', libDot, baseDot, np?.dot_4k, `lib, base: JS Float64Arrays; np: the vectors copied into anonymous mmaps (4 KiB pages); ${blas}`);
  row('matmul(A, v), 4000x2500 f8 by 2500', libMv, baseMv, np?.matvec, `base: row-by-row sequential dots; ${blas}`);
  row('matmul(A, B), 512x512 f8', libMm, baseMm, np?.matmul, `base: i-p-j loop over Float64Arrays; ${blas}`);
  return rows;
}

module.exports = { W20L: w20l };
