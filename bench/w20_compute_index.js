'use strict';
// W20: the index, sort and reduction ops of issue 18 on 10M-element arrays,
// each beside a hand-written typed-array loop (base) and NumPy (np) doing the
// same job on the same data, in one run:
// - frames.max(axis=1) of 10 frames of 1000x1000 uint8 and countNonzero of
//   a 10M bool mask (each twice, as take: from an mmarray-allocated copy
//   beside NumPy's own array, and from the JS buffer's 4 KiB pages beside
//   NumPy over a copy in 4 KiB pages);
// - take of 1M random indices and compress by a 10M mask, from 10M float64
//   (take twice: from an array mmarray allocated, as the data of a user's
//   computation are, beside NumPy's own array; and from a JS Float64Array's
//   4 KiB pages, beside NumPy over a copy in 4 KiB pages);
// - addAt (np.add.at; base: a typed loop, np: records['value'][idx] += 1.0)
// - addAt and maximumAt of 10M values into 1000 groups (np.add.at, np.maximum.at)
//   at 1M random records of a 10M-record 'r+' mapping;
// - sort and argsort of 10M float64 (4096 values, NumPy stable) and of 10M
//   random float64 (NumPy default kind and stable); unique of 10M float64 (4096 values);
// - bincount of 10M int32 symbols with float64 weights;
// - concatenate of two 5M float64 halves;
// - sum and argmax along axis 1 of 10M float64 as 1000 x 10000, over an
//   mmarray-allocated array and over the JS buffer (4 KiB pages);
// and over a float64 mapping of 4.5 GiB (0.5 GiB with --quick), read in
// place: sum and argmax along rows of 4096, max along axis 0, countNonzero,
// take of 1M random indices, and addAt at 20K random indices ('r+'), warm
// and on a cold map (the file's pages evicted before each round); the
// hand loops walk the mapping through typedArray() windows of 1 GiB.
const fs = require('fs');

const mm = require('../dist');
const h = require('./harness');

const RECORD = { names: ['id', 'ts', 'value'], formats: ['<u4', '<u4', '<f8'] };

function w20(ctx) {
  const n = ctx.n10m;
  const rounds = ctx.rounds;
  const m = (fn) => h.measure(fn, { rounds });
  const rows = [];
  const row = (name, lib, base, np, note) => rows.push({ id: 'W20', name, lib, base, np, target: { ref: 'np', time: 1.0 }, note });

  // Deterministic data, written once to files NumPy reads too.
  const f8 = new Float64Array(n);
  const idx = h.randomIndices(n, 4096, 777);
  for (let i = 0; i < n; i++) f8[i] = idx[i] / 8 - 200 + (i % 7) * 1e-3;
  const frames = new Uint8Array(n);
  for (let i = 0; i < n; i++) frames[i] = idx[i] & 0xff;
  const mask = new Uint8Array(n);
  for (let i = 0; i < n; i++) mask[i] = idx[i] & 1;
  const sym = new Int32Array(n);
  for (let i = 0; i < n; i++) sym[i] = idx[i] % 1000;
  const pick = h.randomIndices(1_000_000, n, 4242);
  const pick64 = BigInt64Array.from(pick, (x) => BigInt(x));
  // 5000 random columns of a 1000 x (n / 1000) matrix (take along axis 1, a[:, cols]).
  const cols = h.randomIndices(5000, n / 1000, 9090);
  const cols64 = BigInt64Array.from(cols, (x) => BigInt(x));
  const files = {};
  for (const [k, v] of Object.entries({ f8, frames, mask, sym, pick: pick64, cols: cols64 })) {
    files[k] = ctx.dir.path(`w20-${k}.bin`);
    fs.writeFileSync(files[k], new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
  }
  const A = mm.fromBuffer(f8);
  const F = mm.fromBuffer(frames, '|u1').reshape([10, 1000, 1000]);
  const M = mm.fromBuffer(mask, '|b1');
  const S = mm.fromBuffer(sym, '<i4');
  const P = mm.fromBuffer(pick64, '<i8');

  // axis max. As for take and the row reductions below, the main rows read
  // an array mmarray allocated (a copy: pool memory, in huge pages where the
  // kernel gives them, as NumPy's np.fromfile arrays are), and a row beside
  // reads the fromBuffer JS buffer (4 KiB pages) against NumPy over a 4 KiB-
  // page copy: frames.max(1) of the JS buffer took 1.45x the CPU of the same
  // call over a copy (interleaved, one process, 60 rounds each).
  const Fown = F.copy();
  const Mown = M.copy();
  const libMax = m(() => Fown.max(1));
  const libMax4k = m(() => F.max(1));
  const baseMax = m(() => {
    const out = new Uint8Array(10 * 1000);
    for (let f = 0; f < 10; f++) {
      const o = f * 1000;
      out.set(frames.subarray(f * 1e6, f * 1e6 + 1000), o);
      for (let r = 1; r < 1000; r++) {
        const p = f * 1e6 + r * 1000;
        for (let c = 0; c < 1000; c++) {
          const v = frames[p + c];
          if (v > out[o + c]) out[o + c] = v;
        }
      }
    }
    return out;
  });
  // mask count
  const libCount = m(() => mm.countNonzero(Mown));
  const libCount4k = m(() => mm.countNonzero(M));
  const baseCount = m(() => {
    let c = 0;
    for (let i = 0; i < n; i++) if (mask[i] !== 0) c++;
    return c;
  });
  // take / compress; takeFrom: the gather loop over a source typed array.
  const takeFrom = (src) => () => {
    const out = new Float64Array(pick.length);
    for (let i = 0; i < pick.length; i++) out[i] = src[pick[i]];
    return out;
  };
  // A user's data come from mmarray's own allocation (results, copies,
  // zeros: the region pool, which asks for huge pages) or from a mapping;
  // the fromBuffer source is a JS buffer in 4 KiB pages (the row after).
  const own = A.copy();
  const libTakeOwn = m(() => mm.take(own, P));
  const baseTakeOwn = m(takeFrom(own.typedArray()));
  const libTake = m(() => mm.take(A, P));
  const baseTake = m(takeFrom(f8));
  const libCompress = m(() => mm.compress(M, A));
  const baseCompress = m(() => {
    let c = 0;
    for (let i = 0; i < n; i++) if (mask[i] !== 0) c++;
    const out = new Float64Array(c);
    for (let i = 0, j = 0; i < n; i++) if (mask[i] !== 0) out[j++] = f8[i];
    return out;
  });
  // The same through NumPy's indexing syntax: a[mask], a[mask] = 0 and
  // a[idx] = 1.5 (index() and set() with an index array), on mmarray-allocated
  // arrays; the writes go to a copy each (both sides), kept across rounds.
  const libMaskIndex = m(() => own.index(Mown));
  const target = own.copy();
  const targetF = target.typedArray();
  const libMaskSet = m(() => target.set([Mown], 0));
  const baseMaskSet = m(() => {
    for (let i = 0; i < n; i++) if (mask[i] !== 0) targetF[i] = 0;
    return targetF;
  });
  const libIdxSet = m(() => target.set([P], 1.5));
  const baseIdxSet = m(() => {
    for (let i = 0; i < pick.length; i++) targetF[pick[i]] = 1.5;
    return targetF;
  });
  // sort / argsort / unique
  const libSort = h.measure(() => mm.sort(A), { rounds: Math.min(rounds, 3) });
  const baseSort = h.measure(() => Float64Array.from(f8).sort(), { rounds: Math.min(rounds, 3) });
  const libArgsort = h.measure(() => mm.argsort(A), { rounds: Math.min(rounds, 3) });
  // The hand-written stable argsort: positions sorted by a comparator (1 round).
  const handArgsort = (values) => h.measure(() => {
    const ix = new Uint32Array(n);
    for (let i = 0; i < n; i++) ix[i] = i;
    return ix.sort((a, b) => values[a] - values[b] || a - b);
  }, { rounds: 1, warmup: 0 });
  const baseArgsort = handArgsort(f8);
  // The same sorts of 10M distinct random float64 (the data above has 4096
  // values), beside NumPy's default kind (its AVX-512 quicksort) and stable.
  const f8r = new Float64Array(n);
  for (let i = 0, x = 99; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    f8r[i] = (x / 2 ** 32 - 0.5) * 1e6 + i * 2 ** -30;
  }
  files.f8r = ctx.dir.path('w20-f8r.bin');
  fs.writeFileSync(files.f8r, new Uint8Array(f8r.buffer));
  const R = mm.fromBuffer(f8r);
  const libSortR = h.measure(() => mm.sort(R), { rounds: Math.min(rounds, 3) });
  const baseSortR = h.measure(() => Float64Array.from(f8r).sort(), { rounds: Math.min(rounds, 3) });
  const libArgsortR = h.measure(() => mm.argsort(R), { rounds: Math.min(rounds, 3) });
  const baseArgsortR = handArgsort(f8r);
  const libUnique = h.measure(() => mm.unique(A), { rounds: Math.min(rounds, 3) });
  const baseUnique = h.measure(() => {
    const s = Float64Array.from(f8).sort();
    let k = 0;
    for (let i = 0; i < n; i++) if (i === 0 || s[i] !== s[k - 1]) s[k++] = s[i];
    return s.subarray(0, k);
  }, { rounds: Math.min(rounds, 3) });
  // bincount
  const libBin = m(() => mm.bincount(S, { weights: A }));
  const baseBin = m(() => {
    const out = new Float64Array(1000);
    for (let i = 0; i < n; i++) out[sym[i]] += f8[i];
    return out;
  });
  // ufunc.at group updates: 10M values into 1000 groups (sym's ids)
  const sums = mm.zeros([1000]);
  const libAddAtArr = m(() => mm.addAt(sums, S, A));
  const best = mm.full([1000], -Infinity);
  const libMaxAt = m(() => mm.maximumAt(best, S, A));
  // A 2-d histogram: 10M weighted points into 100 x 10 bins (rows sym / 10, columns sym % 10).
  const hr = Int32Array.from(sym, (x) => (x / 10) | 0);
  const hc = Int32Array.from(sym, (x) => x % 10);
  const HR = mm.fromBuffer(hr, '<i4');
  const HC = mm.fromBuffer(hc, '<i4');
  const libHist2d = m(() => {
    const H = mm.zeros([100, 10]);
    mm.addAt(H, [HR, HC], A);
    return H;
  });
  const baseHist2d = m(() => {
    const H = new Float64Array(1000);
    for (let i = 0; i < n; i++) H[hr[i] * 10 + hc[i]] += f8[i];
    return H;
  });
  const baseMaxAt = m(() => {
    const b = new Float64Array(1000).fill(-Infinity);
    for (let i = 0; i < n; i++) {
      const g = sym[i];
      const x = b[g];
      const v = f8[i];
      // np.maximum: NaN propagates from either side
      if (!(x >= v) && x === x) b[g] = v;
    }
    return b;
  });
  // concatenate
  // sum / argmax along rows
  // Users' arrays come from mmarray's allocation (results, zeros, copies:
  // 2 MiB-aligned pool memory the kernel may back with huge pages, as
  // NumPy's own large arrays are) or from a mapping; the main rows read such
  // a copy (lib and base alike). The bench's JS buffer is in 4 KiB pages:
  // the 4 KiB rows read it, beside NumPy over a 4 KiB-page copy.
  const A2 = mm.zeros([1000, n / 1000], '<f8');
  A2.set(A.reshape([1000, n / 1000]));
  const f8a = A2.typedArray();
  const libSumAx = m(() => A2.sum(1));
  const baseSumAx = m(() => rowSums(f8a, n / 1000));
  const libArgmax = m(() => A2.argmax(1));
  const baseArgmax = m(() => rowArgmax(f8a, n / 1000));
  const A2k = A.reshape([1000, n / 1000]);
  const libSumAx4k = m(() => A2k.sum(1));
  const baseSumAx4k = m(() => rowSums(f8, n / 1000));
  const libArgmax4k = m(() => A2k.argmax(1));
  const baseArgmax4k = m(() => rowArgmax(f8, n / 1000));
  const C = mm.fromBuffer(cols64, '<i8');
  const width = n / 1000;
  const libTakeCols = m(() => mm.take(A2, C, { axis: 1 }));
  const libIndexCols = m(() => A2.index(':', C));
  const baseCols = m(() => {
    const out = new Float64Array(1000 * cols.length);
    for (let r = 0, o = 0; r < 1000; r++) {
      const row = r * width;
      for (let j = 0; j < cols.length; j++) out[o++] = f8a[row + cols[j]];
    }
    return out;
  });
  // a[rows, cols] with 1M random (row, col) pairs of the same matrix: read, then written.
  const pickRows = BigInt64Array.from(pick, (x) => BigInt(Math.floor(x / width)));
  const pickCols = BigInt64Array.from(pick, (x) => BigInt(x % width));
  const PR = mm.fromBuffer(pickRows, '<i8');
  const PC = mm.fromBuffer(pickCols, '<i8');
  // The hand loops read the pairs as Int32Arrays (what a hand-written loop would keep).
  const r32 = Int32Array.from(pickRows, Number);
  const c32 = Int32Array.from(pickCols, Number);
  const libPairs = m(() => A2.index(PR, PC));
  const basePairs = m(() => {
    const out = new Float64Array(pick.length);
    for (let k = 0; k < pick.length; k++) out[k] = f8a[r32[k] * width + c32[k]];
    return out;
  });
  const T2 = A2.copy();
  const t2a = T2.typedArray();
  const libPairsSet = m(() => T2.set([PR, PC], 1.5));
  const basePairsSet = m(() => {
    for (let k = 0; k < pick.length; k++) t2a[r32[k] * width + c32[k]] = 1.5;
  });
  const half1 = A.index(`:${n / 2}`);
  const half2 = A.index(`${n / 2}:`);
  const libCat = m(() => mm.concatenate([half1, half2]));
  const baseCat = m(() => {
    const out = new Float64Array(n);
    out.set(f8.subarray(0, n / 2), 0);
    out.set(f8.subarray(n / 2), n / 2);
    return out;
  });
  // addAt through an 'r+' mapping of records
  const recFile = ctx.dir.path('w20-records.bin');
  h.writeFile(recFile, n * 16, h.fillRecords);
  const rec = mm.memmap(recFile, { dtype: RECORD, mode: 'r+' });
  files.records = recFile;
  const value = rec.field('value');
  const raw = new Float64Array(rec.buffer);
  const libAddAt = m(() => mm.addAt(value, P, 1));
  const baseAddAt = m(() => {
    for (let k = 0; k < pick.length; k++) raw[2 * pick[k] + 1] += 1;
  });
  rec.close();

  const np = h.runNumpy('W20', { n, files, rounds });
  for (const f of Object.values(files)) fs.rmSync(f, { force: true });

  row('frames.max(axis=1), 10x1000x1000 u1', libMax, baseMax, np?.max_axis, 'frames: allocated by mmarray (a copy), np: its own array');
  row('frames.max(axis=1), 10x1000x1000 u1, in 4 KiB pages, NumPy too', libMax4k, baseMax, np?.max_axis_4k, 'frames: fromBuffer of a Uint8Array; np: the array copied into an anonymous mmap (4 KiB pages)');
  row('countNonzero(mask), 10M bool', libCount, baseCount, np?.count, 'mask: allocated by mmarray (a copy), np: its own array');
  row('countNonzero(mask), 10M bool, in 4 KiB pages, NumPy too', libCount4k, baseCount, np?.count_4k, 'mask: fromBuffer of a Uint8Array; np: the array copied into an anonymous mmap (4 KiB pages)');
  row('take(a, 1M random idx), 10M f8', libTakeOwn, baseTakeOwn, np?.take, 'a: allocated by mmarray (a copy), np: its own array');
  row('take(a, 1M random idx), 10M f8, a in 4 KiB pages, NumPy too', libTake, baseTake, np?.take_4k, 'a: fromBuffer of a Float64Array; np: the array copied into an anonymous mmap (4 KiB pages)');
  row('compress(mask, a), 10M f8', libCompress, baseCompress, np?.compress);
  row('a.index(mask) (a[mask]), 10M f8', libMaskIndex, baseCompress, np?.mask_index, 'a: allocated by mmarray (a copy); base: the compress loop');
  row('a.set([mask], 0) (a[mask] = 0), 10M f8', libMaskSet, baseMaskSet, np?.mask_set);
  row('a.set([idx], 1.5) (a[idx] = 1.5), 1M random idx, 10M f8', libIdxSet, baseIdxSet, np?.idx_set);
  row("addAt(value, 1M idx, 1) on 'r+' map of 10M rec", libAddAt, baseAddAt, np?.add_at, 'np: records[\'value\'][idx] += 1.0 (np.add.at itself is slower)');
  row('sort(a), 10M f8', libSort, baseSort, np?.sort, 'base: Float64Array.prototype.sort; np: kind=stable');
  row('argsort(a), 10M f8', libArgsort, baseArgsort, np?.argsort, 'base: Uint32Array sort with a comparator (1 round); np: kind=stable');
  row('sort(r), 10M random f8', libSortR, baseSortR, np?.sort_r, 'base: Float64Array.prototype.sort; np: default kind');
  row('sort(r), 10M random f8, vs stable', libSortR, baseSortR, np?.sort_r_stable, "np: kind='stable'");
  row('argsort(r), 10M random f8', libArgsortR, baseArgsortR, np?.argsort_r, 'base: Uint32Array sort with a comparator (1 round); np: default kind');
  row('argsort(r), 10M random f8, vs stable', libArgsortR, baseArgsortR, np?.argsort_r_stable, "np: kind='stable'");
  row('unique(a), 10M f8 (4096 values)', libUnique, baseUnique, np?.unique, 'lib and np: values only');
  row('bincount(sym, weights=a), 10M', libBin, baseBin, np?.bincount);
  row('addAt(sums, 10M ids, 10M f8 values) (np.add.at), 1000 groups', libAddAtArr, baseBin, np?.add_at_values, 'base: the bincount loop');
  row('maximumAt(best, 10M ids, 10M f8 values) (np.maximum.at), 1000 groups', libMaxAt, baseMaxAt, np?.maximum_at);
  row('addAt(H, [rows, cols], 10M f8 values), a 100x10 histogram (np.add.at(H, (r, c), w))', libHist2d, baseHist2d, np?.hist2d_at, 'base: a loop over the row and column ids');
  row('concatenate two 5M f8 halves', libCat, baseCat, np?.concatenate);
  row('take(a, 5000 random columns, axis=1), 1000x10000 f8', libTakeCols, baseCols, np?.take_cols, 'lib, base: an mmarray-allocated array; base: a row by row gather');
  row('a.index(":", cols) (a[:, cols]), 5000 random columns, 1000x10000 f8', libIndexCols, baseCols, np?.index_cols, "np's result is laid out columns outermost, as ours");
  row('a.index(rows, cols) (a[rows, cols]), 1M random pairs, 1000x10000 f8', libPairs, basePairs, np?.pairs, 'base: a gather of row * width + col');
  row('a.set([rows, cols], 1.5) (a[rows, cols] = 1.5), 1M random pairs, 1000x10000 f8', libPairsSet, basePairsSet, np?.pairs_set);
  row('sum(axis=1), 1000x10000 f8', libSumAx, baseSumAx, np?.sum_axis, 'lib, base: an mmarray-allocated array; base: a sequential loop per row (not pairwise)');
  row('argmax(axis=1), 1000x10000 f8', libArgmax, baseArgmax, np?.argmax_axis, 'lib, base: an mmarray-allocated array');
  row('sum(axis=1), 1000x10000 f8, all in 4 KiB pages', libSumAx4k, baseSumAx4k, np?.sum_axis_4k, 'lib, base: a JS Float64Array; np: the array copied into an anonymous mmap (4 KiB pages)');
  row('argmax(axis=1), 1000x10000 f8, all in 4 KiB pages', libArgmax4k, baseArgmax4k, np?.argmax_axis_4k, 'lib, base: a JS Float64Array; np: the array copied into an anonymous mmap (4 KiB pages)');
  rows.push(...w20s(ctx));
  rows.push(...w20t(ctx));
  rows.push(...require('./w20c_cumulative').W20C(ctx));
  rows.push(...require('./w20m_functions').W20M(ctx));
  rows.push(...require('./w20l_linalg').W20L(ctx));
  rows.push(...require('./w20e_einsum_hist').W20E(ctx));
  rows.push(...require('./w20g_linalg_solve').W20G(ctx));
  rows.push(...big(ctx, pick));
  return rows;
}

/** fdatasync(file): its dirty pages written, none left to throttle the next writer. */
/** Reads the whole file once, in 8 MiB pieces, into the page cache. */
function readThrough(file) {
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.allocUnsafe(8 << 20);
  try {
    while (fs.readSync(fd, buf, 0, buf.length, null) > 0);
  } finally {
    fs.closeSync(fd);
  }
}

function rowSums(f, cols) {
  const rowsN = f.length / cols;
  const out = new Float64Array(rowsN);
  for (let r = 0; r < rowsN; r++) {
    let s = 0;
    for (let c = 0, p = r * cols; c < cols; c++, p++) s += f[p];
    out[r] = s;
  }
  return out;
}

function rowArgmax(f, cols) {
  const rowsN = f.length / cols;
  const out = new Float64Array(rowsN);
  for (let r = 0; r < rowsN; r++) {
    const p = r * cols;
    let best = 0;
    let mx = f[p];
    for (let c = 1; c < cols; c++) {
      if (f[p + c] > mx) {
        mx = f[p + c];
        best = c;
      }
    }
    out[r] = best;
  }
  return out;
}

const COLS = 4096;
const CHUNK = 2 ** 27; // elements per hand-loop window: 1 GiB of f8, a multiple of COLS

/** fn(typedArray, firstElement) over 1 GiB windows of a 1-d f8 array. */
function windows(a, fn) {
  const n = a.shape[0];
  for (let lo = 0; lo < n; lo += CHUNK) fn(a.index(`${lo}:${Math.min(n, lo + CHUNK)}`).typedArray({ unsafeAllowReadOnly: true }), lo);
}

/** The same ops over a float64 mapping larger than 4 GiB, read in place. */
function big(ctx, pick1m) {
  const bytes = ctx.quick ? 2 ** 29 : 4.5 * 2 ** 30;
  const N = bytes / 8;
  const size = `${(bytes / 2 ** 30).toFixed(1)} GiB`;
  const file = ctx.dir.path('w20-big.bin');
  h.writeFile(file, bytes, h.fillF8);
  const rounds = Math.min(ctx.rounds, 3);
  const m = (fn) => h.measure(fn, { rounds });
  const rows = [];
  const row = (name, lib, base, np, note) => rows.push({ id: 'W20', name: `${name}, ${size} map`, lib, base, np, target: { ref: 'np', time: 1.0 }, note });
  const a = mm.memmap(file, { dtype: '<f8', mode: 'r+' });
  const R = a.reshape([N / COLS, COLS]);
  const idx = mm.fromBuffer(BigInt64Array.from(h.randomIndices(1_000_000, N, 99), (x) => BigInt(x)), '<i8');
  const idx100k = mm.fromBuffer(BigInt64Array.from(h.randomIndices(20_000, N, 98), (x) => BigInt(x)), '<i8');
  void pick1m;
  const files = { idx: ctx.dir.path('w20-big-idx.bin'), idx100k: ctx.dir.path('w20-big-idx100k.bin') };
  fs.writeFileSync(files.idx, Buffer.from(idx.buffer));
  fs.writeFileSync(files.idx100k, Buffer.from(idx100k.buffer));
  const idxN = Float64Array.from(h.randomIndices(1_000_000, N, 99));
  const idx100kN = Float64Array.from(h.randomIndices(20_000, N, 98));

  const libSum = m(() => R.sum(1));
  const baseSum = m(() => {
    const out = new Float64Array(N / COLS);
    windows(a, (t, lo) => out.set(rowSums(t, COLS), lo / COLS));
    return out;
  });
  const libMax0 = m(() => R.max(0));
  const baseMax0 = m(() => {
    const out = new Float64Array(COLS).fill(-Infinity);
    windows(a, (t) => {
      for (let p = 0; p < t.length; p += COLS) {
        for (let c = 0; c < COLS; c++) {
          const v = t[p + c];
          if (v > out[c]) out[c] = v;
        }
      }
    });
    return out;
  });
  const libArg = m(() => R.argmax(1));
  const baseArg = m(() => {
    const out = new Float64Array(N / COLS);
    windows(a, (t, lo) => out.set(rowArgmax(t, COLS), lo / COLS));
    return out;
  });
  const libCount = m(() => mm.countNonzero(a));
  const baseCount = m(() => {
    let c = 0;
    windows(a, (t) => {
      for (let i = 0; i < t.length; i++) if (t[i] !== 0) c++;
    });
    return c;
  });
  // cumsum of a view striding over the whole file: every 16th item (a
  // result of N/16 items), read across the 4 GiB window edges.
  const STEP = 16;
  const libCumStrided = m(() => mm.cumsum(a.index(`::${STEP}`)));
  const baseCumStrided = m(() => {
    const out = new Float64Array(Math.ceil(N / STEP));
    let c = 0;
    let o = 0;
    windows(a, (t) => {
      for (let i = 0; i < t.length; i += STEP) out[o++] = c += t[i];
    });
    return out;
  });
  const libTake = m(() => mm.take(a, idx));
  const baseTake = m(() => {
    const out = new Float64Array(idxN.length);
    const ws = [];
    windows(a, (t) => ws.push(t));
    for (let i = 0; i < idxN.length; i++) {
      const x = idxN[i];
      out[i] = ws[Math.floor(x / CHUNK)][x % CHUNK];
    }
    return out;
  });
  // Each addAt round starts with none of the file's pages dirty (an untimed
  // fdatasync), NumPy's too: one += 1 dirties a whole page-cache folio (ext4
  // keeps a file written in large runs in folios up to 2 MiB), 20K of them
  // GBs, so a round otherwise pays the writeback the round before it left.
  // The page cache's folios decide what one store dirties, so both sides
  // start their warm rounds from the same state: the file evicted, then read
  // once from start to end (as a program that scanned it first), mapped
  // afresh; NumPy's script does the same. (Before, NumPy's rounds ran on
  // the small folios left by the cold rounds below, ours on the large ones
  // of the file as written.)
  a.close();
  h.evictPageCache(file);
  readThrough(file);
  const w = mm.memmap(file, { dtype: '<f8', mode: 'r+' });
  const synced = { rounds, setup: () => h.syncFile(file) };
  const addHand = (arr) => () => {
    const ws = [];
    windows(arr, (t) => ws.push(t));
    for (let i = 0; i < idx100kN.length; i++) {
      const x = idx100kN[i];
      ws[Math.floor(x / CHUNK)][x % CHUNK] += 1;
    }
  };
  const libAdd = h.measure(() => mm.addAt(w, idx100k, 1), synced);
  const baseAdd = h.measure(addHand(w), synced);
  w.close();
  // The cold map: before each round the file's pages are evicted (none of
  // it mapped, dirty pages written first) and the file mapped afresh.
  let c = null;
  const cold = {
    rounds,
    warmup: 0,
    setup: () => {
      if (c !== null) c.close();
      h.evictPageCache(file);
      c = mm.memmap(file, { dtype: '<f8', mode: 'r+' });
    },
  };
  const libAddCold = h.measure(() => mm.addAt(c, idx100k, 1), cold);
  const baseAddCold = h.measure(() => addHand(c)(), cold);
  c.close();
  const np = h.runNumpy('W20BIG', { file, n: N, cols: COLS, files, rounds, step: STEP });
  fs.rmSync(file, { force: true });
  for (const f of Object.values(files)) fs.rmSync(f, { force: true });
  row('sum(axis=1) of rows of 4096', libSum, baseSum, np?.sum_axis, 'base: a sequential loop per row (not pairwise)');
  row('max(axis=0) of rows of 4096', libMax0, baseMax0, np?.max_axis0);
  row('argmax(axis=1) of rows of 4096', libArg, baseArg, np?.argmax_axis);
  row('countNonzero', libCount, baseCount, np?.count);
  row(`cumsum(a[::${STEP}])`, libCumStrided, baseCumStrided, np?.cumsum_strided, 'base: a running sum over the 1 GiB windows (CHUNK is a multiple of the step)');
  row('take(a, 1M random idx)', libTake, baseTake, np?.take);
  row("addAt(a, 20K random idx, 1) 'r+'", libAdd, baseAdd, np?.add_at, "np: a[idx] += 1.0 on an 'r+' memmap; each round from a synced file");
  row("addAt(a, 20K random idx, 1) 'r+', cold", libAddCold, baseAddCold, np?.add_at_cold, 'the file evicted from the page cache and mapped afresh before each round, for NumPy too');
  return rows;
}

// W20S: the scatter and search ops of issue 18 on 10M-element arrays, each
// beside a hand-written typed-array loop (base) and NumPy (np), one run:
// - put of 1M values at 1M random indices into 10M float64 (in place);
// - nonzero of a 10M bool mask (half set) and of 10 frames of 1000x1000 u1;
// - searchsorted of 1M random keys (left) and of 1M ascending keys (right)
//   in 10M sorted float64.
// W20 runs it too; `--run-one W20S` runs it alone, without W20's 4.5 GiB mapping.
function w20s(ctx) {
  const n = ctx.n10m;
  const rounds = ctx.rounds;
  const m = (fn) => h.measure(fn, { rounds });
  const rows = [];
  const row = (name, lib, base, np, note) => rows.push({ id: 'W20S', name, lib, base, np, target: { ref: 'np', time: 1.0 }, note });

  const idx = h.randomIndices(n, 4096, 777);
  const f8 = new Float64Array(n);
  for (let i = 0; i < n; i++) f8[i] = idx[i] / 8 - 200 + (i % 7) * 1e-3;
  const mask = new Uint8Array(n);
  for (let i = 0; i < n; i++) mask[i] = idx[i] & 1;
  const frames = new Uint8Array(n);
  for (let i = 0; i < n; i++) frames[i] = idx[i] & 0xff ? 0 : 1;
  const pick = h.randomIndices(1_000_000, n, 4242);
  const pick64 = BigInt64Array.from(pick, (x) => BigInt(x));
  // 5000 random columns of a 1000 x (n / 1000) matrix (take along axis 1, a[:, cols]).
  const cols = h.randomIndices(5000, n / 1000, 9090);
  const cols64 = BigInt64Array.from(cols, (x) => BigInt(x));
  const vals = Float64Array.from(pick, (x) => x / 3);
  const sorted = Float64Array.from(f8).sort();
  const keys = Float64Array.from(pick, (x) => f8[x] + 0.0005);
  const ascending = Float64Array.from(keys).sort();
  const files = {};
  for (const [k, v] of Object.entries({ f8, mask, frames, pick: pick64, vals, sorted, keys, ascending })) {
    files[k] = ctx.dir.path(`w20s-${k}.bin`);
    fs.writeFileSync(files[k], new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
  }
  const target = Float64Array.from(f8);
  const A = mm.fromBuffer(target);
  const P = mm.fromBuffer(pick64, '<i8');
  const V = mm.fromBuffer(vals);
  const M = mm.fromBuffer(mask, '|b1');
  const F = mm.fromBuffer(frames, '|u1').reshape([10, 1000, 1000]);
  const S = mm.fromBuffer(sorted);
  const K = mm.fromBuffer(keys);
  const KA = mm.fromBuffer(ascending);

  const libPut = m(() => mm.put(A, P, V));
  // The same scatter into a copy mmarray allocated (the region pool's huge
  // pages, as NumPy's np.fromfile array has): the row above scatters into a
  // JS buffer in 4 KiB pages, whose TLB misses NumPy's side does not pay.
  const own = A.copy();
  const libPutOwn = m(() => mm.put(own, P, V));
  const basePut = m(() => {
    for (let k = 0; k < pick.length; k++) target[pick[k]] = vals[k];
  });
  const libNz = m(() => mm.nonzero(M));
  const baseNz = m(() => nonzeroLoop(mask));
  const libNz3 = m(() => mm.nonzero(F));
  const baseNz3 = m(() => {
    let c = 0;
    for (let i = 0; i < n; i++) if (frames[i] !== 0) c++;
    const out = [new Float64Array(c), new Float64Array(c), new Float64Array(c)];
    for (let f = 0, j = 0, p = 0; f < 10; f++) {
      for (let r = 0; r < 1000; r++) {
        for (let col = 0; col < 1000; col++, p++) {
          if (frames[p] !== 0) {
            out[0][j] = f;
            out[1][j] = r;
            out[2][j++] = col;
          }
        }
      }
    }
    return out;
  });
  const libSearch = m(() => mm.searchsorted(S, K));
  const baseSearch = m(() => searchLoop(sorted, keys, false));
  const libSearchAsc = m(() => mm.searchsorted(S, KA, { side: 'right' }));
  const baseSearchAsc = m(() => searchLoop(sorted, ascending, true));

  const np = h.runNumpy('W20S', { n, files, rounds });
  for (const f of Object.values(files)) fs.rmSync(f, { force: true });

  row('put(a, 1M random idx, 1M values), 10M f8', libPut, basePut, np?.put, 'in place; a: a JS Float64Array (4 KiB pages), np: its own array');
  row('put(a, 1M random idx, 1M values), 10M f8, a allocated by mmarray', libPutOwn, basePut, np?.put, 'in place; a: a copy (pool memory), np: its own array');
  row('nonzero(mask), 10M bool (half set)', libNz, baseNz, np?.nonzero, 'base: positions as float64');
  row('nonzero(frames), 10x1000x1000 u1 (1/256 set)', libNz3, baseNz3, np?.nonzero3, 'base: coordinates as float64');
  row('searchsorted(s, 1M random keys), 10M f8', libSearch, baseSearch, np?.search);
  row("searchsorted(s, 1M ascending keys, 'right'), 10M f8", libSearchAsc, baseSearchAsc, np?.search_asc);
  return rows;
}

function nonzeroLoop(mask) {
  let c = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i] !== 0) c++;
  const out = new Float64Array(c);
  for (let i = 0, j = 0; i < mask.length; i++) if (mask[i] !== 0) out[j++] = i;
  return out;
}

/** A plain binary search per key (no NaN in these data). */
function searchLoop(a, keys, right) {
  const out = new Float64Array(keys.length);
  for (let k = 0; k < keys.length; k++) {
    const x = keys[k];
    let lo = 0;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (right ? a[mid] <= x : a[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    out[k] = lo;
  }
  return out;
}

const W20T_RECORD = { names: ['sym', 'ts', 'px'], formats: ['<i4', '<u4', '<f8'] };

// W20T: sorts along an axis and unique, each beside a hand-written
// typed-array loop (base) and NumPy (np), one run:
// - sort and argsort along axis 1 of a (1000, 10000) float64 array, against
//   NumPy's default kind (an unstable SIMD quicksort on x86) and kind='stable'
//   (mmarray's sorts are always stable);
// - sort along axis 0 of the same array (strided lanes);
// - unique of 10M int32 (2^20 values), values only and with counts and
//   inverse;
// - argsort of 10M records (int32 sym, uint32 ts, float64 px) by
//   order ['sym', 'ts'].
// W20 runs it too; `--run-one W20T` runs it alone.
function w20t(ctx) {
  const n = ctx.n10m;
  const rounds = Math.min(ctx.rounds, 3);
  const m = (fn) => h.measure(fn, { rounds });
  const rows = [];
  const row = (name, lib, base, np, note) => rows.push({ id: 'W20T', name, lib, base, np, target: { ref: 'np', time: 1.0 }, note });
  const cols = n / 1000;
  const idx = h.randomIndices(n, 2 ** 30, 31337);
  const f8 = Float64Array.from(idx, (x, i) => (x - 2 ** 29) / 7 + (i % 3));
  const i4 = Int32Array.from(idx, (x) => x >>> 10);
  const files = {};
  for (const [k, v] of Object.entries({ f8, i4 })) {
    files[k] = ctx.dir.path(`w20t-${k}.bin`);
    fs.writeFileSync(files[k], new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
  }
  const A = mm.fromBuffer(f8).reshape([1000, cols]);
  const I = mm.fromBuffer(i4, '<i4');

  const libSort1 = m(() => mm.sort(A, { axis: 1 }));
  const baseSort1 = m(() => {
    const out = Float64Array.from(f8);
    for (let r = 0; r < 1000; r++) out.subarray(r * cols, (r + 1) * cols).sort();
    return out;
  });
  const libArg1 = m(() => mm.argsort(A, { axis: 1 }));
  const baseArg1 = m(() => {
    const out = new Uint32Array(n);
    for (let r = 0; r < 1000; r++) {
      const ix = out.subarray(r * cols, (r + 1) * cols);
      const p = r * cols;
      for (let c = 0; c < cols; c++) ix[c] = c;
      ix.sort((x, y) => f8[p + x] - f8[p + y] || x - y);
    }
    return out;
  });
  const libSort0 = m(() => mm.sort(A, { axis: 0 }));
  const baseSort0 = m(() => {
    const out = new Float64Array(n);
    const lane = new Float64Array(1000);
    for (let c = 0; c < cols; c++) {
      for (let r = 0; r < 1000; r++) lane[r] = f8[r * cols + c];
      lane.sort();
      for (let r = 0; r < 1000; r++) out[r * cols + c] = lane[r];
    }
    return out;
  });
  const libUnique = m(() => mm.unique(I));
  const libUniqueAll = m(() => mm.unique(I, { returnCounts: true, returnInverse: true }));
  const baseUnique = m(() => {
    const s = Int32Array.from(i4).sort();
    let k = 0;
    for (let i = 0; i < n; i++) if (i === 0 || s[i] !== s[k - 1]) s[k++] = s[i];
    return s.subarray(0, k);
  });

  // Records by 2 fields (the third breaks ties, as NumPy's order does).
  const rec = mm.zeros([n], W20T_RECORD);
  const sym = Int32Array.from(idx, (x) => x % 1000);
  const ts = Uint32Array.from(idx, (x, i) => (i + (x & 0xff)) >>> 4);
  rec.field('sym').set(mm.fromBuffer(sym, '<i4'));
  rec.field('ts').set(mm.fromBuffer(ts, '<u4'));
  rec.field('px').set(mm.fromBuffer(f8));
  files.rec = ctx.dir.path('w20t-rec.bin');
  fs.writeFileSync(files.rec, new Uint8Array(rec.buffer));
  const once = (fn) => h.measure(fn, { rounds: 1, warmup: 0 });
  const libRec = m(() => mm.argsort(rec, { order: ['sym', 'ts'] }));
  const baseRec = once(() => {
    const ix = new Uint32Array(n);
    for (let i = 0; i < n; i++) ix[i] = i;
    return ix.sort((x, y) => sym[x] - sym[y] || ts[x] - ts[y] || f8[x] - f8[y] || x - y);
  });

  const np = h.runNumpy('W20T', { n, files, rounds });
  for (const f of Object.values(files)) fs.rmSync(f, { force: true });

  row('sort(a, axis=1), 1000x10000 f8', libSort1, baseSort1, np?.sort1, 'base: Float64Array.prototype.sort per row; np: default kind');
  row('sort(a, axis=1), 1000x10000 f8, vs stable', libSort1, baseSort1, np?.sort1_stable, "np: kind='stable'");
  row('argsort(a, axis=1), 1000x10000 f8', libArg1, baseArg1, np?.argsort1, 'base: Uint32Array sort with a comparator per row; np: default kind');
  row('argsort(a, axis=1), 1000x10000 f8, vs stable', libArg1, baseArg1, np?.argsort1_stable, "np: kind='stable'");
  row('sort(a, axis=0), 1000x10000 f8', libSort0, baseSort0, np?.sort0, 'base: gather, sort, scatter per column; np: default kind');
  row('unique(a), 10M i4 (2^20 values)', libUnique, baseUnique, np?.unique, 'base: sort + adjacent compare');
  row('unique(a, counts, inverse), 10M i4', libUniqueAll, baseUnique, np?.unique_all, 'np: return_counts, return_inverse');
  row("argsort(rec, { order: ['sym', 'ts'] }), 10M records", libRec, baseRec, np?.rec_argsort, 'base: a comparator sort (1 round); np: kind=stable (1 round)');
  return rows;
}

module.exports = { W20: w20, W20S: w20s, W20T: w20t };
