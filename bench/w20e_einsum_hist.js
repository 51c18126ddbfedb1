'use strict';
// W20E: histogram2d and einsum (lib/histogramdd.ts, lib/einsum.ts) on float64,
// each beside a hand-written typed-array loop (base) and NumPy (np) on the same data:
// - histogram2d of 10M points (x, y), 64 x 64 bins (base: one loop that
//   computes both bin indices by arithmetic, no edge search);
// - einsum('ij,jk->ik') of two 512 x 512 matrices (np: einsum's default,
//   optimize=False, c_einsum's loops; base: the i-p-j loop);
// - einsum('ii') trace of a 3000 x 3000 matrix, einsum('i,i') of two 10M
//   vectors, and einsum('ijk->k') (a sum over two axes) of a 200 x 250 x 200 array.
// W20 runs it; `--run-one W20E` runs it alone.
const fs = require('fs');

const mm = require('../dist');
const h = require('./harness');

function w20e(ctx) {
  const n = ctx.n10m;
  const rounds = ctx.rounds;
  const m = (fn) => h.measure(fn, { rounds });
  const rows = [];
  const row = (name, lib, base, np, note) => rows.push({ id: 'W20E', name, lib, base, np, target: { ref: 'np', time: 1.0 }, note });

  const idx = h.randomIndices(n, 4096, 4242);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = (idx[i] - 2048) / 1024;
    y[i] = (idx[(i * 7) % n] - 2048) / 512;
  }
  const S = 512;
  const T = 3000;
  const D = [200, 250, 200];
  const files = {};
  for (const [k, v] of Object.entries({ x, y })) {
    files[k] = ctx.dir.path(`w20e-${k}.bin`);
    fs.writeFileSync(files[k], new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
  }
  const X = mm.fromBuffer(x);
  const Y = mm.fromBuffer(y);
  const P = X.index(mm.slice(0, S * S)).reshape(S, S);
  const Q = Y.index(mm.slice(0, S * S)).reshape(S, S);
  const Tr = X.index(mm.slice(0, T * T)).reshape(T, T);
  const K = X.index(mm.slice(0, D[0] * D[1] * D[2])).reshape(...D);
  const B = 64;

  const libHist = m(() => mm.histogram2d(X, Y, { bins: B }));
  const baseHist = m(() => {
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    for (let i = 0; i < n; i++) {
      const a = x[i], b = y[i];
      if (a < x0) x0 = a;
      if (a > x1) x1 = a;
      if (b < y0) y0 = b;
      if (b > y1) y1 = b;
    }
    const hist = new Float64Array(B * B);
    const sx = B / (x1 - x0), sy = B / (y1 - y0);
    for (let i = 0; i < n; i++) {
      let bx = Math.floor((x[i] - x0) * sx);
      let by = Math.floor((y[i] - y0) * sy);
      if (bx === B) bx--;
      if (by === B) by--;
      hist[bx * B + by]++;
    }
    return hist;
  });
  const libMm = m(() => mm.einsum('ij,jk->ik', P, Q));
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
  // A trace takes microseconds: each round times TR_PER calls (their results
  // kept), so the figure is a warm call's, not one call through cold JIT code.
  const TR_PER = 200;
  const libTr = h.measure(() => {
    const kept = new Array(TR_PER);
    for (let k = 0; k < TR_PER; k++) kept[k] = mm.einsum('ii', Tr);
    return kept;
  }, { rounds, per: TR_PER });
  const baseTr = h.measure(() => {
    const kept = new Float64Array(TR_PER);
    for (let k = 0; k < TR_PER; k++) {
      let s = 0;
      for (let i = 0; i < T; i++) s += x[i * T + i];
      kept[k] = s;
    }
    return kept;
  }, { rounds, per: TR_PER });
  const libDot = m(() => mm.einsum('i,i', X, Y));
  const baseDot = m(() => {
    let s = 0;
    for (let i = 0; i < n; i++) s += x[i] * y[i];
    return s;
  });
  const libRed = m(() => mm.einsum('ijk->k', K));
  const baseRed = m(() => {
    const out = new Float64Array(D[2]);
    const rowsN = D[0] * D[1];
    for (let r = 0; r < rowsN; r++) for (let k = 0; k < D[2]; k++) out[k] += x[r * D[2] + k];
    return out;
  });
  const np = h.runNumpy('W20E', { n, files, rounds, S, T, D, B, trPer: TR_PER });
  const note = 'np: np.einsum, optimize=False (c_einsum loops)';
  row('histogram2d(x, y, bins=64), 10M f8 points', libHist, baseHist, np?.hist2d, 'base: one min/max pass, then bins by arithmetic (no edge search)');
  row("einsum('ij,jk->ik'), 512x512 f8", libMm, baseMm, np?.mm, `base: i-p-j loop over Float64Arrays; ${note}`);
  row("einsum('ii'), 3000x3000 f8", libTr, baseTr, np?.trace, `${TR_PER} calls a round, results kept; base: a loop over the diagonal; ${note}`);
  row("einsum('i,i'), two 10M f8 vectors", libDot, baseDot, np?.dot, `base: one sequential loop; ${note}`);
  row("einsum('ijk->k'), 200x250x200 f8", libRed, baseRed, np?.reduce, `base: rows added into 200 sums; ${note}`);
  return rows;
}

module.exports = { W20E: w20e };
