'use strict';
// W20M: the NumPy functions added for real workloads (math ufuncs, order
// statistics, NaN-aware reductions, histogram, set membership, shape copies)
// on 10M elements, each beside a hand-written typed-array loop (base) and
// NumPy (np) doing the same job on the same data, in one run:
// - sin of 10M float64 and of 10M float32, log10, arctan2 of two arrays;
// - median and percentile(a, 90) of 10M float64 (both partition; base is
//   Float64Array.prototype.sort of a copy); partition and argpartition of
//   10M float64 at n/2, and of 10M float32, 10M int32, 10M int64, 10M int16
//   and 10M uint8, the median of the int64 array, the sort of it and of the
//   int16 array;
// - addReduceat of 10M float64 over 100k groups (starts every 100 items);
// - nanmean, nanmax, and nanmax along axis 1 of 1000 x 10000, of 10M
//   float64 with 1% NaN;
// - histogram(a, { bins: 100 }) of 10M float64;
// - isin(10M int64, 1000 values);
// - repeat(a, 2), tile(a, 2) and roll(a, 12345) of 10M float64.
// W20 runs it; `--run-one W20M` runs it alone.
const fs = require('fs');

const mm = require('../dist');
const h = require('./harness');

function w20m(ctx) {
  const n = ctx.n10m;
  const rounds = ctx.rounds;
  const m = (fn) => h.measure(fn, { rounds });
  const rows = [];
  const row = (name, lib, base, np, note) => rows.push({ id: 'W20M', name, lib, base, np, target: { ref: 'np', time: 1.0 }, note });

  const idx = h.randomIndices(n, 4096, 4242);
  const f8 = new Float64Array(n);
  for (let i = 0; i < n; i++) f8[i] = (idx[i] - 2048) / 97 + (i % 11) * 1e-3;
  const pos = new Float64Array(n);
  for (let i = 0; i < n; i++) pos[i] = idx[i] / 16 + 0.5;
  const nan = Float64Array.from(f8);
  for (let i = 0; i < n; i += 100) nan[i] = NaN;
  const keys = new BigInt64Array(n);
  for (let i = 0; i < n; i++) keys[i] = BigInt(idx[i]);
  const test = new BigInt64Array(1000);
  for (let i = 0; i < 1000; i++) test[i] = BigInt(i * 3);
  const i4 = new Int32Array(n);
  for (let i = 0; i < n; i++) i4[i] = idx[i] * 2039 + (i % 2039) - 4_000_000;
  // int64 past 2^32 (exact as doubles: the base sorts them as a Float64Array).
  const i8 = new BigInt64Array(n);
  for (let i = 0; i < n; i++) i8[i] = BigInt(i4[i]) * 4096n + BigInt(i % 4096);
  // int16 over its whole range and uint8 (many ties): the 16-bit select and
  // the counting partition.
  const i2 = new Int16Array(n);
  for (let i = 0; i < n; i++) i2[i] = Math.imul(i4[i], 7);
  const u1 = new Uint8Array(n);
  for (let i = 0; i < n; i++) u1[i] = i4[i] & 0xff;
  const GROUPS = 100_000;
  const starts = new BigInt64Array(GROUPS);
  for (let g = 0; g < GROUPS; g++) starts[g] = BigInt(Math.floor((g * n) / GROUPS));
  const startsList = Array.from(starts, Number);
  const files = {};
  for (const [k, v] of Object.entries({ f8, pos, nan, keys, test, i4, i8, i2, u1, starts })) {
    files[k] = ctx.dir.path(`w20m-${k}.bin`);
    fs.writeFileSync(files[k], new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
  }
  const A = mm.fromBuffer(f8);
  const A4 = A.astype('<f4');
  const f4 = new Float32Array(A4.buffer, A4.offset, n);
  const B = mm.fromBuffer(pos);
  const N = mm.fromBuffer(nan);
  const K = mm.fromBuffer(keys, '<i8');
  const T = mm.fromBuffer(test, '<i8');
  const I4 = mm.fromBuffer(i4, '<i4');
  const I8 = mm.fromBuffer(i8, '<i8');
  const I2 = mm.fromBuffer(i2, '<i2');
  const U1 = mm.fromBuffer(u1, '|u1');

  const libSin = m(() => mm.sin(A));
  const baseSin = m(() => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = Math.sin(f8[i]);
    return out;
  });
  const libSin4 = m(() => mm.sin(A4));
  const baseSin4 = m(() => {
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = Math.sin(f4[i]);
    return out;
  });
  const libLog10 = m(() => mm.log10(B));
  const baseLog10 = m(() => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = Math.log10(pos[i]);
    return out;
  });
  const libAtan2 = m(() => mm.arctan2(A, B));
  const baseAtan2 = m(() => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = Math.atan2(f8[i], pos[i]);
    return out;
  });
  const sorted = () => Float64Array.from(f8).sort();
  const libMedian = m(() => mm.median(A));
  const baseMedian = m(() => {
    const s = sorted();
    return (s[n / 2 - 1] + s[n / 2]) / 2;
  });
  const libPct = m(() => mm.percentile(A, 90));
  const basePct = m(() => {
    const s = sorted();
    const x = 0.9 * (n - 1);
    const lo = Math.floor(x);
    return s[lo] + (s[lo + 1] - s[lo]) * (x - lo);
  });
  const libPart = m(() => mm.partition(A, Math.floor(n / 2)));
  const libArgpart = m(() => mm.argpartition(A, Math.floor(n / 2)));
  const libPart4 = m(() => mm.partition(A4, Math.floor(n / 2)));
  const basePart4 = m(() => Float32Array.from(f4).sort()[n / 2]);
  const libPartI4 = m(() => mm.partition(I4, Math.floor(n / 2)));
  const basePartI4 = m(() => Int32Array.from(i4).sort()[n / 2]);
  const libPartI8 = m(() => mm.partition(I8, Math.floor(n / 2)));
  const libMedianI8 = m(() => mm.median(I8));
  const basePartI8 = m(() => Float64Array.from(i8, Number).sort()[n / 2]);
  const libSortI8 = m(() => mm.sort(I8));
  const libPartI2 = m(() => mm.partition(I2, Math.floor(n / 2)));
  const basePartI2 = m(() => Int16Array.from(i2).sort()[n / 2]);
  const libSortI2 = m(() => mm.sort(I2));
  const libPartU1 = m(() => mm.partition(U1, Math.floor(n / 2)));
  const basePartU1 = m(() => Uint8Array.from(u1).sort()[n / 2]);
  const libReduceat = m(() => mm.addReduceat(A, startsList));
  const baseReduceat = m(() => {
    const out = new Float64Array(GROUPS);
    for (let g = 0; g < GROUPS; g++) {
      const e = g + 1 < GROUPS ? startsList[g + 1] : n;
      let t = 0;
      for (let i = startsList[g]; i < e; i++) t += f8[i];
      out[g] = t;
    }
    return out;
  });
  const libNanmean = m(() => mm.nanmean(N));
  const baseNanmean = m(() => {
    let s = 0;
    let c = 0;
    for (let i = 0; i < n; i++) {
      const v = nan[i];
      if (v === v) {
        s += v;
        c++;
      }
    }
    return s / c;
  });
  const libNanmax = m(() => mm.nanmax(N));
  const baseNanmax = m(() => {
    let r = -Infinity;
    let any = false;
    for (let i = 0; i < n; i++) {
      const v = nan[i];
      if (v >= r) r = v;
      if (v === v) any = true;
    }
    return any ? r : NaN;
  });
  const N2 = N.reshape([1000, n / 1000]);
  const libNanmax1 = m(() => mm.nanmax(N2, 1));
  const baseNanmax1 = m(() => {
    const cols = n / 1000;
    const out = new Float64Array(1000);
    for (let r = 0; r < 1000; r++) {
      let x = NaN;
      for (let p = r * cols; p < (r + 1) * cols; p++) {
        const v = nan[p];
        if (!(x >= v) && v === v) x = v;
      }
      out[r] = x;
    }
    return out;
  });
  const libHist = m(() => mm.histogram(A, { bins: 100 }));
  const baseHist = m(() => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) {
      const v = f8[i];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const counts = new Float64Array(100);
    const scale = 100 / (hi - lo);
    for (let i = 0; i < n; i++) {
      let b = Math.floor((f8[i] - lo) * scale);
      if (b === 100) b = 99;
      counts[b]++;
    }
    return counts;
  });
  const libIsin = m(() => mm.isin(K, T));
  const baseIsin = m(() => {
    const set = new Set(test);
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = set.has(keys[i]) ? 1 : 0;
    return out;
  });
  const libRepeat = m(() => mm.repeat(A, 2));
  const baseRepeat = m(() => {
    const out = new Float64Array(2 * n);
    for (let i = 0, p = 0; i < n; i++, p += 2) out[p] = out[p + 1] = f8[i];
    return out;
  });
  const libTile = m(() => mm.tile(A, 2));
  const baseTile = m(() => {
    const out = new Float64Array(2 * n);
    out.set(f8);
    out.set(f8, n);
    return out;
  });
  const libRoll = m(() => mm.roll(A, 12345));
  const baseRoll = m(() => {
    const out = new Float64Array(n);
    out.set(f8.subarray(n - 12345));
    out.set(f8.subarray(0, n - 12345), 12345);
    return out;
  });

  const np = h.runNumpy('W20M', { n, files, rounds });
  for (const f of Object.values(files)) fs.rmSync(f, { force: true });
  row('sin(a), 10M f8', libSin, baseSin, np?.sin, 'base: Math.sin into a new Float64Array');
  row('sin(a), 10M f4', libSin4, baseSin4, np?.sin4, 'base: Math.sin into a new Float32Array; np: its own float32 SIMD loop');
  row('log10(a), 10M f8', libLog10, baseLog10, np?.log10);
  row('arctan2(a, b), 10M f8', libAtan2, baseAtan2, np?.arctan2);
  row('median(a), 10M f8', libMedian, baseMedian, np?.median, 'lib and np: partition; base: Float64Array sort of a copy');
  row('percentile(a, 90), 10M f8', libPct, basePct, np?.percentile, 'lib and np: partition; base: Float64Array sort of a copy');
  row('partition(a, n/2), 10M f8', libPart, baseMedian, np?.partition, 'base: Float64Array sort of a copy (the median row\'s)');
  row('argpartition(a, n/2), 10M f8', libArgpart, baseMedian, np?.argpartition, 'base: Float64Array sort of a copy (the median row\'s)');
  row('partition(a, n/2), 10M f4', libPart4, basePart4, np?.partition4, 'base: Float32Array sort of a copy');
  row('partition(a, n/2), 10M i4', libPartI4, basePartI4, np?.partitionI4, 'base: Int32Array sort of a copy');
  row('partition(a, n/2), 10M i8', libPartI8, basePartI8, np?.partitionI8, 'base: Float64Array sort of the values (exact)');
  row('median(a), 10M i8', libMedianI8, basePartI8, np?.medianI8, 'lib and np: partition; base: the partition row\'s');
  row('sort(a), 10M i8', libSortI8, basePartI8, np?.sortI8, 'base: the partition row\'s (Float64Array sort of the values)');
  row('partition(a, n/2), 10M i2', libPartI2, basePartI2, np?.partitionI2, 'base: Int16Array sort of a copy');
  row('sort(a), 10M i2', libSortI2, basePartI2, np?.sortI2, 'base: the partition row\'s (Int16Array sort of a copy)');
  row('partition(a, n/2), 10M u1', libPartU1, basePartU1, np?.partitionU1, 'base: Uint8Array sort of a copy');
  row('addReduceat(a, 100k starts), 10M f8', libReduceat, baseReduceat, np?.reduceat, 'np: np.add.reduceat with an int64 index array; base: a sequential loop per group');
  row('nanmean(a), 10M f8, 1% NaN', libNanmean, baseNanmean, np?.nanmean, 'base: one loop skipping NaN (sequential, not pairwise)');
  row('nanmax(a), 10M f8, 1% NaN', libNanmax, baseNanmax, np?.nanmax, 'np: fmax.reduce; base: one loop skipping NaN');
  row('nanmax(a, 1), 1000x10000 f8, 1% NaN', libNanmax1, baseNanmax1, np?.nanmax1, 'base: one loop per row skipping NaN');
  row('histogram(a, bins=100), 10M f8', libHist, baseHist, np?.histogram, 'base: min/max pass then one counting pass');
  row('isin(10M i8, 1000 values)', libIsin, baseIsin, np?.isin, 'base: a Set of BigInts');
  row('repeat(a, 2), 10M f8', libRepeat, baseRepeat, np?.repeat);
  row('tile(a, 2), 10M f8', libTile, baseTile, np?.tile);
  row('roll(a, 12345), 10M f8', libRoll, baseRoll, np?.roll);
  return rows;
}

module.exports = { W20M: w20m };
