'use strict';
// W20C: the accumulations, differences and coercions of issue 14 on 10M
// elements, each beside a hand-written typed-array loop (base) and NumPy (np)
// doing the same job on the same data, in one run:
// - cumsum of 10M float64 (flattened) and along axis 0 of 1000 x 10000;
// - cumprod of 10M float64 near 1 (the products stay finite);
// - diff of 10M float64 and of a 10M bool mask (not_equal of neighbours);
// - NumPy's ufunc methods of ufuncs without a reduction of their own:
//   subtract.accumulate, logaddexp.reduce (log-sum-exp), subtract.reduceat
//   over 100k groups, hypot.reduce along axis 0; maximum.reduceat and
//   bitwiseOr.reduceat over 100k groups, maximum.accumulate, and
//   subtract.accumulate along axis 1;
// - array() of a 10M Float64Array (np: np.array of a 10M float64 array, one
//   copy) and of 1000 JS lists of 10000 numbers (np: np.array of the same
//   as Python lists of floats).
// W20 runs it; `--run-one W20C` runs it alone. The >4 GiB mapping row
// (cumsum of a strided view spanning the file) is in W20's big().
const fs = require('fs');

const mm = require('../dist');
const h = require('./harness');

function w20c(ctx) {
  const n = ctx.n10m;
  const rounds = ctx.rounds;
  const m = (fn) => h.measure(fn, { rounds });
  const rows = [];
  const row = (name, lib, base, np, note) => rows.push({ id: 'W20C', name, lib, base, np, target: { ref: 'np', time: 1.0 }, note });

  const idx = h.randomIndices(n, 4096, 777);
  const f8 = new Float64Array(n);
  for (let i = 0; i < n; i++) f8[i] = idx[i] / 8 - 200 + (i % 7) * 1e-3;
  const near1 = new Float64Array(n);
  for (let i = 0; i < n; i++) near1[i] = 1 + (idx[i] - 2048) * 1e-9;
  const i4 = Int32Array.from(idx);
  const mask = new Uint8Array(n);
  for (let i = 0; i < n; i++) mask[i] = idx[i] & 1;
  const files = {};
  for (const [k, v] of Object.entries({ f8, near1, mask, idx: i4 })) {
    files[k] = ctx.dir.path(`w20c-${k}.bin`);
    fs.writeFileSync(files[k], new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
  }
  const A = mm.fromBuffer(f8);
  const A2 = A.reshape([1000, n / 1000]);
  const P = mm.fromBuffer(near1);
  const M = mm.fromBuffer(mask, '|b1');

  const libCumsum = m(() => mm.cumsum(A));
  const baseCumsum = m(() => {
    const out = new Float64Array(n);
    let c = 0;
    for (let i = 0; i < n; i++) out[i] = c += f8[i];
    return out;
  });
  const cols = n / 1000;
  const libCumsum0 = m(() => mm.cumsum(A2, 0));
  const baseCumsum0 = m(() => {
    const out = new Float64Array(n);
    out.set(f8.subarray(0, cols));
    for (let p = cols; p < n; p++) out[p] = out[p - cols] + f8[p];
    return out;
  });
  const libCumprod = m(() => mm.cumprod(P));
  const baseCumprod = m(() => {
    const out = new Float64Array(n);
    let c = 1;
    for (let i = 0; i < n; i++) out[i] = c *= near1[i];
    return out;
  });
  const libDiff = m(() => mm.diff(A));
  const baseDiff = m(() => {
    const out = new Float64Array(n - 1);
    for (let i = 0; i < n - 1; i++) out[i] = f8[i + 1] - f8[i];
    return out;
  });
  const libDiffB = m(() => mm.diff(M));
  const baseDiffB = m(() => {
    const out = new Uint8Array(n - 1);
    for (let i = 0; i < n - 1; i++) out[i] = (mask[i + 1] !== 0) !== (mask[i] !== 0) ? 1 : 0;
    return out;
  });
  // NumPy's ufunc methods of ufuncs without a reduction of their own (lib/ufunc-fold.ts).
  const libSubAcc = m(() => mm.subtract.accumulate(A));
  const baseSubAcc = m(() => {
    const out = new Float64Array(n);
    let c = (out[0] = f8[0]);
    for (let i = 1; i < n; i++) out[i] = c -= f8[i];
    return out;
  });
  const libLse = m(() => mm.logaddexp.reduce(A));
  const baseLse = m(() => {
    // NumPy's npy_logaddexp: the larger plus log1p(exp(-|difference|)).
    let c = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = f8[i];
      if (c === x) c = x + Math.LN2;
      else {
        const d = c - x;
        c = d > 0 ? c + Math.log1p(Math.exp(-d)) : d <= 0 ? x + Math.log1p(Math.exp(d)) : d;
      }
    }
    return new Float64Array([c]);
  });
  const starts = mm.arange(0, n, 100, 'int64');
  const libSubAt = m(() => mm.subtract.reduceat(A, starts));
  const baseSubAt = m(() => {
    const out = new Float64Array(n / 100);
    for (let g = 0; g < out.length; g++) {
      let c = f8[g * 100];
      for (let i = g * 100 + 1; i < (g + 1) * 100; i++) c -= f8[i];
      out[g] = c;
    }
    return out;
  });
  const libHyp0 = m(() => mm.hypot.reduce(A2, 0));
  const baseHyp0 = m(() => {
    const out = new Float64Array(cols);
    for (let p = 0; p < n; p++) out[p % cols] = Math.hypot(out[p % cols], f8[p]);
    return out;
  });
  // The reduceat and accumulate forms that had per-group or per-item JS before session 40.
  const libMaxAt = m(() => mm.maximum.reduceat(A, starts));
  const baseMaxAt = m(() => {
    const out = new Float64Array(n / 100);
    for (let g = 0; g < out.length; g++) {
      let c = f8[g * 100];
      for (let i = g * 100 + 1; i < (g + 1) * 100; i++) {
        const x = f8[i];
        c = c > x || c !== c ? c : x;
      }
      out[g] = c;
    }
    return out;
  });
  const I4 = mm.fromBuffer(i4, '<i4');
  const libOrAt = m(() => mm.bitwiseOr.reduceat(I4, starts));
  const baseOrAt = m(() => {
    const out = new Int32Array(n / 100);
    for (let g = 0; g < out.length; g++) {
      let c = i4[g * 100];
      for (let i = g * 100 + 1; i < (g + 1) * 100; i++) c |= i4[i];
      out[g] = c;
    }
    return out;
  });
  const libMaxAcc = m(() => mm.maximum.accumulate(A));
  const baseMaxAcc = m(() => {
    const out = new Float64Array(n);
    let c = (out[0] = f8[0]);
    for (let i = 1; i < n; i++) {
      const x = f8[i];
      out[i] = c = c > x || c !== c ? c : x;
    }
    return out;
  });
  const libSubAcc1 = m(() => mm.subtract.accumulate(A2, 1));
  const baseSubAcc1 = m(() => {
    const out = new Float64Array(n);
    for (let r = 0; r < 1000; r++) {
      let c = (out[r * cols] = f8[r * cols]);
      for (let p = r * cols + 1; p < (r + 1) * cols; p++) out[p] = c -= f8[p];
    }
    return out;
  });
  const libArrTyped = m(() => mm.array(f8));
  const baseArrTyped = m(() => new Float64Array(f8));
  const lists = [];
  for (let r = 0; r < 1000; r++) lists.push(Array.from(f8.subarray(r * cols, (r + 1) * cols)));
  const libArrLists = m(() => mm.array(lists));
  const baseArrLists = m(() => {
    const out = new Float64Array(n);
    for (let r = 0; r < lists.length; r++) {
      const l = lists[r];
      for (let c = 0, p = r * cols; c < l.length; c++, p++) out[p] = l[c];
    }
    return out;
  });
  lists.length = 0;

  const np = h.runNumpy('W20C', { n, files, rounds });
  for (const f of Object.values(files)) fs.rmSync(f, { force: true });
  row('cumsum(a), 10M f8', libCumsum, baseCumsum, np?.cumsum, 'base: a running sum into a new Float64Array');
  row('cumsum(a, 0), 1000x10000 f8', libCumsum0, baseCumsum0, np?.cumsum0, 'base: row k = row k-1 + input row k');
  row('cumprod(a), 10M f8', libCumprod, baseCumprod, np?.cumprod);
  row('diff(a), 10M f8', libDiff, baseDiff, np?.diff);
  row('diff(mask), 10M bool', libDiffB, baseDiffB, np?.diff_bool);
  row('subtract.accumulate(a), 10M f8', libSubAcc, baseSubAcc, np?.subtract_accumulate, 'base: a running difference into a new Float64Array');
  row('logaddexp.reduce(a), 10M f8 (log-sum-exp)', libLse, baseLse, np?.logaddexp_reduce, "base: NumPy's npy_logaddexp step in a loop");
  row('subtract.reduceat(a, 100k starts), 10M f8', libSubAt, baseSubAt, np?.subtract_reduceat, 'base: a difference per group of 100');
  row('hypot.reduce(a, 0), 1000x10000 f8', libHyp0, baseHyp0, np?.hypot_reduce0, 'base: Math.hypot into each column, row by row');
  row('maximum.reduceat(a, 100k starts), 10M f8', libMaxAt, baseMaxAt, np?.maximum_reduceat, 'base: a running max per group of 100');
  row('bitwiseOr.reduceat(i4, 100k starts), 10M i4', libOrAt, baseOrAt, np?.bitwise_or_reduceat, 'base: an OR per group of 100');
  row('maximum.accumulate(a), 10M f8', libMaxAcc, baseMaxAcc, np?.maximum_accumulate, 'base: a running max into a new Float64Array');
  row('subtract.accumulate(a, 1), 1000x10000 f8', libSubAcc1, baseSubAcc1, np?.subtract_accumulate1, 'base: a running difference along each row');
  row('array(Float64Array), 10M', libArrTyped, baseArrTyped, np?.array_typed, 'base: new Float64Array(f8); np: np.array(a), a float64 array');
  row('array(1000 lists of 10000 numbers)', libArrLists, baseArrLists, np?.array_lists, 'base: a loop over the lists into a Float64Array; np: np.array(list of lists of floats)');
  return rows;
}

module.exports = { W20C: w20c };
