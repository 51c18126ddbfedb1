// The axis folds of native/index_kernels.cc (FoldRows over its operators,
// the vector row loops of min/max/argmax) against the JS reference of
// lib/reduce-axis.ts (kernels off) and against NumPy: float32 sums in
// float32 with NumPy's pairwise order, int64/uint64 min/max exact past 2^53,
// NaN and signed zeros where the vector lanes and blocks meet, both byte
// orders, strided and unaligned views, keepdims, and NumPy's errors for
// empty axes. Each comparison checks that the kernel really ran.
import * as fs from 'fs';

import { dtype, fromBuffer, type NdArray } from '../lib';
import * as mm from '../lib';
import * as native from '../lib/native';
import { randomBytes, rng } from './helpers/bytes';
import { jsPath } from './helpers/kernels';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { TempDir } from './helpers/tmp';

const tmp = new TempDir();
afterAll(() => fs.rmSync(tmp.dir, { recursive: true, force: true }));

/** Everything a result shows: dtype, shape, strides and values (Object.is per element), or the error. */
function summary(f: () => NdArray): unknown {
  try {
    const x = f();
    return { dtype: x.dtype.str, shape: x.shape, strides: x.strides, values: x.toArray() };
  } catch (e) {
    return { error: `${(e as Error).name}: ${(e as Error).message}` };
  }
}

/** The result of `f` with the kernels on, the number of axisReduce calls it made, and the JS path's result. */
function both(f: () => NdArray): { got: unknown; want: unknown; calls: number } {
  const want = jsPath(() => summary(f));
  const spy = jest.spyOn(native.indexKernels, 'axisReduce');
  try {
    const got = summary(f);
    return { got, want, calls: spy.mock.calls.length };
  } finally {
    spy.mockRestore();
  }
}

/** Floats: rounded values with a few NaNs, infinities and signed zeros; other dtypes: random bytes. */
function arrayOf(dt: string, n: number, seed: number, special = 0.01): NdArray {
  const d = dtype(dt);
  if (d.kind !== 'f') {
    const raw = randomBytes(n * d.itemsize, seed);
    return fromBuffer(d.kind === 'b' ? raw.map((b) => (b % 3 === 0 ? 0 : b % 5 === 0 ? 2 : 1)) : raw, dt);
  }
  const r = rng(seed);
  const a = mm.zeros([n], dt);
  const sp = [NaN, Infinity, -Infinity, 0, -0];
  for (let i = 0; i < n; i++) {
    const u = r();
    a.set([i], u < special ? sp[Math.floor(r() * 5)] : (r() - 0.5) * 2000 * (u < 0.5 ? 1 / 7 : 1.1));
  }
  return a;
}

/** A copy of `a` starting one byte past an aligned address (the kernels' unaligned paths). */
function unaligned(a: NdArray): NdArray {
  const bytes = new Uint8Array(a.size * a.itemsize + 1);
  const b = fromBuffer(bytes.subarray(1), a.dtype).reshape(a.shape);
  b.set(a);
  return b;
}

describe('axis folds: the kernels give the JS reference bits', () => {
  const DTYPES = ['<f8', '>f8', '<f4', '>f4', '|i1', '|u1', '<i2', '>u2', '<i4', '>u4', '<i8', '>i8', '<u8', '>u8', '|b1'];
  it.each(DTYPES)('min/max of %s along every axis, strided, flipped, unaligned, keepdims (int64 without BigInt per item)', (dt) => {
    const r = rng(dt.length * 97 + dt.charCodeAt(1));
    let runs = 0;
    for (let t = 0; t < 4; t++) {
      const shape = [1 + Math.floor(r() * 5), 2 + Math.floor(r() * 40), 30 + Math.floor(r() * 90)];
      const base = arrayOf(dt, shape[0] * shape[1] * shape[2], t + 1, 0.02).reshape(shape);
      const views = [base, base.index('::-1, :, ::2'), base.T, unaligned(base)];
      for (const v of views) {
        for (const axis of [0, 1, 2, -1, [0, 2], [1, 2], null] as (number | number[] | null)[]) {
          const keepdims = r() < 0.3;
          for (const op of [mm.max, mm.min]) {
            const b = both(() => op(v, axis, { keepdims }));
            runs += b.calls;
            expect(b.got).toEqual(b.want);
          }
        }
      }
    }
    expect(runs).toBeGreaterThan(40);
  });

  it.each(['<f4', '>f4', '<f8'])('float32 sums of %s (dtype=f4 for float64) along every axis, and mean, native', (dt) => {
    const r = rng(4242 + dt.length);
    let runs = 0;
    for (let t = 0; t < 3; t++) {
      const shape = [1 + Math.floor(r() * 4), 3 + Math.floor(r() * 50), 100 + Math.floor(r() * 400)];
      const base = arrayOf(dt, shape[0] * shape[1] * shape[2], 50 + t, 0).reshape(shape);
      const opts = dt === '<f8' ? { dtype: '<f4' } : {};
      for (const v of [base, base.index(':, ::-1, 1:'), base.T, unaligned(base)]) {
        for (const axis of [0, 1, 2, [0, 2], null] as (number | number[] | null)[]) {
          const b = both(() => mm.sum(v, axis, { ...opts, keepdims: t % 2 === 0 }));
          runs += b.calls;
          expect(b.got).toEqual(b.want);
          const m = both(() => mm.mean(v, axis, opts));
          expect(m.got).toEqual(m.want);
        }
      }
    }
    expect(runs).toBeGreaterThan(50);
  });

  it('a float32 row longer than the 8192-item buffer sums in chunks when byte-swapped, as NumPy buffers it', () => {
    const a = arrayOf('>f4', 3 * 20011, 9, 0).reshape([3, 20011]);
    const b = both(() => mm.sum(a, 1));
    expect(b.calls).toBe(1);
    expect(b.got).toEqual(b.want);
  });

  it('max/min/argmax/argmin of long rows: NaN, ±0 and ties where the vector lanes and 1024-item blocks meet', () => {
    const cols = 5000;
    for (const dt of ['<f8', '<f4']) {
      const a = mm.zeros([12, cols], dt);
      const r = rng(7);
      for (let i = 0; i < 12; i++) for (let j = 0; j < cols; j++) a.set([i, j], Math.floor(r() * 200) - 100);
      // Row 0: the max (a tie) in two blocks; row 1: a NaN past the first block;
      // rows 2-3: every item a zero of either sign; row 4: NaN in the tail; row 5: NaN first.
      a.set([0, 3000], 500);
      a.set([0, 1500], 500);
      a.set([1, 2049], NaN);
      a.set([1, 4000], NaN);
      for (let j = 0; j < cols; j++) {
        a.set([2, j], j % 3 === 1 ? -0 : 0);
        a.set([3, j], j < 17 ? -0 : 0);
      }
      a.set([4, cols - 1], NaN);
      a.set([5, 0], NaN);
      // Row 6: the extreme is a zero: -0 at item 9, +0 at item 16.
      for (let j = 0; j < cols; j++) a.set([6, j], j === 9 ? -0 : j === 16 ? 0 : -1 - (j % 5));
      for (const f of [
        () => mm.max(a, 1),
        () => mm.min(a, 1),
        () => mm.max(a, 0),
        () => mm.argmax(a, 1),
        () => mm.argmin(a, 1),
        () => mm.argmax(a.index('2:4')),
        () => mm.argmax(a),
      ]) {
        const b = both(f);
        expect(b.got).toEqual(b.want);
      }
      expect((mm.argmax(a, 1).toArray() as bigint[]).slice(0, 2)).toEqual([1500n, 2049n]);
      // The zeros NumPy 2.4 returns for rows 2, 3 and 6 (its vector lanes decide; lib/extreme-zero.ts).
      const mx = mm.max(a, 1);
      expect([mx.get(2), mx.get(3), mx.get(6)].map((v) => Object.is(v, -0))).toEqual([true, false, false]);
      expect([mm.min(a, 1).get(2), mm.min(a, 1).get(3)].map((v) => Object.is(v, -0))).toEqual([true, false]);
    }
  });

  it('int64 and uint64 extremes past 2^53 are exact', () => {
    const vals = [2n ** 53n + 1n, 2n ** 53n, -(2n ** 63n), 2n ** 63n - 1n, 2n ** 63n - 2n, -(2n ** 63n) + 1n];
    const a = mm.zeros([vals.length, 300], '<i8');
    const u = mm.zeros([vals.length, 300], '<u8');
    for (let j = 0; j < 300; j++) {
      for (let i = 0; i < vals.length; i++) {
        const v = vals[(i + j) % vals.length];
        a.set([i, j], v > 0n ? v - BigInt(j % 2) : v + BigInt(j % 2));
        u.set([i, j], BigInt.asUintN(64, vals[(i + j) % vals.length]));
      }
    }
    const bigMax = (xs: bigint[]): bigint => xs.reduce((m, x) => (x > m ? x : m));
    const bigMin = (xs: bigint[]): bigint => xs.reduce((m, x) => (x < m ? x : m));
    const col = (x: NdArray, j: number): bigint[] => Array.from({ length: vals.length }, (_, i) => x.get(i, j) as bigint);
    const row = (x: NdArray, i: number): bigint[] => Array.from({ length: 300 }, (_, j) => x.get(i, j) as bigint);
    const b = both(() => mm.max(a, 0));
    expect(b.calls).toBe(1);
    expect(mm.max(a, 0).toArray()).toEqual(Array.from({ length: 300 }, (_, j) => bigMax(col(a, j))));
    expect(mm.min(a, 1).toArray()).toEqual(Array.from({ length: vals.length }, (_, i) => bigMin(row(a, i))));
    expect(mm.max(u, 1).toArray()).toEqual(Array.from({ length: vals.length }, (_, i) => bigMax(row(u, i))));
    expect(mm.min(u, 0).dtype.str).toBe('<u8');
  });

  it('empty axes: NumPy errors for min/max/argmax, zeros for float32 sums', () => {
    const e = mm.zeros([3, 0, 400], '<f4');
    expect(() => mm.max(e, 1)).toThrow('zero-size array to reduction operation maximum which has no identity');
    expect(() => mm.min(e)).toThrow('zero-size array to reduction operation minimum which has no identity');
    expect(mm.max(e, 2).shape).toEqual([3, 0]);
    expect(() => mm.argmax(e, 1)).toThrow('attempt to get argmax of an empty sequence');
    expect(mm.sum(e, 1).toArray()).toEqual(Array.from({ length: 3 }, () => new Array(400).fill(0)));
  });
});

describeWithNumpy('axis folds against NumPy', () => {
  /** Runs `ops` (python expressions over `a`) in NumPy over the bytes of `a` and returns each result's bytes (hex) and shape. */
  function numpy(a: NdArray, ops: string[]): { hex: string; shape: number[] }[] {
    const c = mm.ascontiguousarray(a);
    const file = tmp.file(new Uint8Array(c.buffer, 0, c.size * c.itemsize));
    return runNumpy(
      `a = np.fromfile(${JSON.stringify(file)}, ${JSON.stringify(a.dtype.str)}).reshape(${JSON.stringify(a.shape)})\n` +
        `out = []\nfor r in [${ops.join(', ')}]:\n  r = np.asarray(r)\n  out.append({'hex': np.ascontiguousarray(r).astype(r.dtype.newbyteorder('=')).tobytes().hex(), 'shape': list(r.shape)})\n` +
        'print(json.dumps(out))',
    );
  }
  function hexOf(x: NdArray): { hex: string; shape: number[] } {
    const c = mm.ascontiguousarray(x);
    return { hex: Buffer.from(new Uint8Array(c.buffer, 0, c.size * c.itemsize)).toString('hex'), shape: [...x.shape] };
  }

  it('float32 sums bit for bit on random shapes (pairwise over a contiguous reduced axis, row-wise otherwise)', () => {
    const r = rng(1234);
    for (let t = 0; t < 6; t++) {
      const shape = [1 + Math.floor(r() * 6), 2 + Math.floor(r() * 300), 1 + Math.floor(r() * 700)];
      const a = arrayOf(t % 2 ? '>f4' : '<f4', shape[0] * shape[1] * shape[2], 300 + t, 0).reshape(shape);
      const ops = ['a.sum(axis=2)', 'a.sum(axis=1)', 'a.sum(axis=0)', 'a.sum(axis=(0, 2))', 'a.sum()', 'a.mean(axis=2)', 'a.transpose(2, 0, 1).sum(axis=1)'];
      const want = numpy(a, ops);
      const got = [mm.sum(a, 2), mm.sum(a, 1), mm.sum(a, 0), mm.sum(a, [0, 2]), mm.sum(a), mm.mean(a, 2), mm.sum(a.transpose([2, 0, 1]), 1)].map(hexOf);
      expect(got).toEqual(want);
    }
  });

  it('any/all along each axis, and mean (float64, float32), match NumPy', () => {
    for (const dt of ['<f8', '|b1', '>i4']) {
      const a = arrayOf(dt, 6 * 30 * 1100, 91, 0.001).reshape([6, 30, 1100]);
      // Rows of zeros (any false) and rows with no zero (all true) among the random ones.
      const z = a.index('1, 3:9');
      z.fill(0);
      a.index('2, :4').fill(5);
      const ops = ['a.any(axis=2)', 'a.all(axis=2)', 'a.any(axis=1)', 'a.all(axis=0)', 'a.any(axis=(0, 2))', 'a.all()'];
      const got = [mm.any(a, 2), mm.all(a, 2), mm.any(a, 1), mm.all(a, 0), mm.any(a, [0, 2]), mm.all(a)];
      expect(got.map(hexOf)).toEqual(numpy(a, ops));
    }
    // mean: the kernel's sums divided in place (no NaN here: its payload's sign is not NumPy's to pin).
    for (const dt of ['<f8', '<f4']) {
      const a = arrayOf(dt, 5 * 40 * 900, 17, 0).reshape([5, 40, 900]);
      const ops = ['a.mean(axis=2)', 'a.mean(axis=1)', 'a.mean(axis=0)', 'a.mean(axis=(0, 2))', 'a.mean()'];
      const got = [mm.mean(a, 2), mm.mean(a, 1), mm.mean(a, 0), mm.mean(a, [0, 2]), mm.mean(a)];
      expect(got.map(hexOf)).toEqual(numpy(a, ops));
    }
  });

  it('min/max/argmax/argmin along each axis match NumPy (NaN propagates; the first NaN is the argmax)', () => {
    for (const dt of ['<f8', '>f4', '|u1', '<i8', '>u8', '<i2']) {
      const a = arrayOf(dt, 7 * 40 * 333, 77, 0.001).reshape([7, 40, 333]);
      const ops = ['a.max(axis=2)', 'a.min(axis=1)', 'a.max(axis=0)', 'a.max(axis=(0, 2))', 'a.argmax(axis=2)', 'a.argmin(axis=1)', 'a.argmax()'];
      const want = numpy(a, ops);
      const got = [mm.max(a, 2), mm.min(a, 1), mm.max(a, 0), mm.max(a, [0, 2]), mm.argmax(a, 2), mm.argmin(a, 1), mm.argmax(a)].map(hexOf);
      expect(got).toEqual(want);
    }
  });
});

describe('the wide vector paths: argmax/argmin rows, countNonzero runs, max/min along an outer axis', () => {
  /** The result of `f` with the kernels on (checking that `kernel` ran) and the JS path's result. */
  function viaKernel(kernel: 'argReduce' | 'axisReduce', a: NdArray, f: () => NdArray): void {
    const want = jsPath(() => summary(f));
    const spy = jest.spyOn(native.indexKernels, kernel);
    try {
      expect(summary(f)).toEqual(want);
      // Arrays of fewer than 256 items take the JS path by design.
      expect(spy.mock.calls.length > 0).toBe(a.size >= 256);
    } finally {
      spy.mockRestore();
    }
  }

  /** Rows of `cols` items with the special values put where blocks (4 KiB pages, argmax's 2 KiB blocks) and vector steps meet. */
  function specialRows(dt: string, rows: number, cols: number, seed: number): NdArray {
    const r = rng(seed);
    const v = new Float64Array(rows * cols);
    const block = 4096 / dtype(dt).itemsize;
    const half = block / 2;
    const spots = [0, 1, 7, 31, 63, half - 1, half, half + 1, block - 1, block, block + 1, 2 * block - 1, cols - 1, cols - 2, cols - 17];
    for (let i = 0; i < rows; i++) {
      const row = v.subarray(i * cols, (i + 1) * cols);
      // Few distinct values, so ties across blocks and lanes are common.
      for (let j = 0; j < cols; j++) row[j] = Math.floor(r() * 40) - 20;
      const kind = i % 8;
      const at = (): number => Math.min(cols - 1, spots[Math.floor(r() * spots.length)]);
      if (kind === 1) row[at()] = NaN;
      if (kind === 2) {
        row[at()] = NaN;
        row[at()] = NaN;
      }
      // inf and -inf in one row: their lane sums are NaN without a NaN item.
      if (kind === 3) {
        row[at()] = Infinity;
        row[at()] = -Infinity;
      }
      if (kind === 4) for (let j = 0; j < cols; j++) row[j] = r() < 0.5 ? -0 : 0;
      if (kind === 5) for (let j = 0; j < cols; j++) row[j] = j === cols - 1 ? 3 : r() < 0.5 ? -0 : 0;
      if (kind === 6) row[at()] = -Infinity;
      if (kind === 7) row[at()] = r() < 0.5 ? 1e300 : -1e300;
    }
    return fromBuffer(v).astype(dt).reshape([rows, cols]);
  }

  it.each(['<f8', '<f4', '>f8'])('argmax/argmin of %s rows of random lengths around the blocks and vector steps', (dt) => {
    const r = rng(dt.charCodeAt(2) * 31);
    const block = 4096 / dtype(dt).itemsize;
    const lengths = [1, 2, 15, 16, 63, 64, 65, 127, 128, 129, block / 2 - 1, block / 2 + 16, block - 1, block, block + 1, 2 * block + 33, 3 * block];
    for (let t = 0; t < lengths.length + 3; t++) {
      const cols = t < lengths.length ? lengths[t] : 1 + Math.floor(r() * 3 * block);
      const a = specialRows(dt, Math.max(16, Math.ceil(256 / cols)), cols, t + 1);
      const flipped = a.index(':, ::-1').copy();
      for (const f of [() => mm.argmax(a, 1), () => mm.argmin(a, 1), () => mm.argmax(a), () => mm.argmin(flipped, 1)]) {
        viaKernel('argReduce', a, f);
      }
    }
  });

  it.each(['<i8', '<u8', '<i4', '<u4', '>i4', '<i2', '|u1'])('argmax/argmin of %s rows: ties, the type\'s extremes (the lanes\' start) around the blocks and vector steps', (dt) => {
    const size = dtype(dt).itemsize;
    const wide = size === 8;
    const lo = dt.includes('u') ? 0n : -(1n << BigInt(8 * size - 1));
    const hi = dt.includes('u') ? (1n << BigInt(8 * size)) - 1n : (1n << BigInt(8 * size - 1)) - 1n;
    const item = (x: bigint): number | bigint => (wide ? x : Number(x));
    const block = 2048 / Math.max(size, 4);
    const r = rng(size * 101 + dt.length);
    const lengths = [1, 15, 16, 64, 65, block - 1, block, block + 17, 2 * block + 33, 4 * block + 63];
    for (let t = 0; t < lengths.length + 3; t++) {
      const cols = t < lengths.length ? lengths[t] : 1 + Math.floor(r() * 3 * block);
      const rows = Math.max(12, Math.ceil(256 / cols));
      const native = dt.replace('>', '<');
      const ta = new (native === '<i8' ? BigInt64Array : native === '<u8' ? BigUint64Array : native === '<i4' ? Int32Array : native === '<u4' ? Uint32Array : native === '<i2' ? Int16Array : Uint8Array)(rows * cols);
      const spots = [0, 1, 15, block - 1, block, block + 1, cols - 1, cols - 2, cols - 17];
      const at = (): number => Math.max(0, Math.min(cols - 1, spots[Math.floor(r() * spots.length)]));
      for (let i = 0; i < rows; i++) {
        const kind = i % 6;
        const row = new Array<bigint>(cols);
        // Few distinct values near the middle of the type, so ties are common.
        for (let j = 0; j < cols; j++) row[j] = kind === 4 ? lo : kind === 5 ? hi : BigInt(Math.floor(r() * 5)) + (dt.includes('u') ? 0n : -2n);
        if (kind === 1) row[at()] = hi;
        if (kind === 2) row[at()] = lo;
        if (kind === 3) {
          row[at()] = hi;
          row[at()] = lo;
          row[at()] = hi;
        }
        if (kind === 4 && i % 12 === 4) row[at()] = hi;
        for (let j = 0; j < cols; j++) ta[i * cols + j] = item(row[j]) as never;
      }
      const a = fromBuffer(ta, native).astype(dt).reshape([rows, cols]);
      for (const f of [() => mm.argmax(a, 1), () => mm.argmin(a, 1), () => mm.argmax(a), () => mm.argmin(a)]) viaKernel('argReduce', a, f);
    }
  });

  it.each(['<f8', '>f8', '<f4', '<i8', '<u4', '<i2', '|u1', '|b1'])('countNonzero of %s: whole, along each axis, strided (NaN counts, -0 does not)', (dt) => {
    const r = rng(dt.charCodeAt(1) * 13 + dt.length);
    for (let t = 0; t < 6; t++) {
      const shape = [2 + Math.floor(r() * 6), 128 + Math.floor(r() * 300)];
      const a = arrayOf(dt, shape[0] * shape[1], t + 5, 0.3).reshape(shape);
      for (const v of [a, a.index('::-1, ::2'), a.T, unaligned(a)]) {
        for (const axis of [null, 0, 1]) viaKernel('axisReduce', v, () => mm.countNonzero(v, axis as never));
      }
    }
  });

  it.each(['<f8', '>f8', '<f4', '<i8', '<u4', '>i2', '|u1', '|b1'])('any/all of %s: rows decided in the first, a middle or the last block, or not at all; along each axis, strided, unaligned', (dt) => {
    const d = dtype(dt);
    const block = 1024 / d.itemsize;
    for (const cols of [5, block - 1, block, block + 1, 3 * block + 7]) {
      const rows = Math.max(16, Math.ceil(512 / cols));
      const r = rng(cols * 7 + d.itemsize);
      const v = new Float64Array(rows * cols);
      const spots = [0, 1, block - 1, block, block + 1, cols - 1];
      for (let i = 0; i < rows; i++) {
        const row = v.subarray(i * cols, (i + 1) * cols);
        const kind = i % 6;
        // Undecided rows: all zero (any) or all non-zero (all), with -0 for floats.
        const fillZero = kind < 3;
        // Non-zero bytes up to 255 (the byte loop reads words: 0x80 and up carry no borrow).
        const top = d.kind === 'u' && d.itemsize === 1 ? 255 : 3;
        for (let j = 0; j < cols; j++) row[j] = fillZero ? (d.kind === 'f' && r() < 0.5 ? -0 : 0) : 1 + Math.floor(r() * top);
        // One deciding item at a block edge (NaN is a non-zero item), or none.
        const at = Math.min(cols - 1, spots[Math.floor(r() * spots.length)]);
        if (kind === 1) row[at] = d.kind === 'f' && r() < 0.5 ? NaN : 2;
        if (kind === 4) row[at] = d.kind === 'f' && r() < 0.5 ? -0 : 0;
        if (kind === 5) row[cols - 1] = 0;
      }
      const a = fromBuffer(v).astype(dt).reshape([rows, cols]);
      for (const x of [a, a.index('::-1, ::2'), a.T, unaligned(a)]) {
        for (const axis of [0, 1, null]) {
          for (const f of [() => mm.any(x, axis as never), () => mm.all(x, axis as never), () => mm.all(x, axis as never, { keepdims: true })]) viaKernel('axisReduce', x, f);
        }
      }
    }
  });

  it.each(['<f8', '<f4', '<i2', '|u1', '|b1'])('any/all of %s: a row decided only at one item of its last part block (whole words and the bytes after them)', (dt) => {
    const d = dtype(dt);
    const block = 1024 / d.itemsize;
    // Two whole blocks, then a part block of 4 words and 5 bytes (for bytes).
    const cols = 2 * block + 37;
    const tail = cols - 2 * block;
    // Per tail position p: a row of zeros with one non-zero at p (any decides
    // there only), a row of non-zeros with one zero at p (all decides there
    // only); then one undecided row of each.
    const rows = 2 * tail + 2;
    const v = new Float64Array(rows * cols);
    for (let p = 0; p < tail; p++) {
      v[p * cols + 2 * block + p] = d.kind === 'b' ? 1 : 200;
      const row = v.subarray((tail + p) * cols, (tail + p + 1) * cols);
      row.fill(d.kind === 'f' && p % 2 === 1 ? NaN : 128);
      row[2 * block + p] = d.kind === 'f' && p % 2 === 1 ? -0 : 0;
    }
    v.subarray((rows - 1) * cols).fill(1);
    const a = fromBuffer(v).astype(dt).reshape([rows, cols]);
    // any: every row but the all-zero one; all: the all-one row alone.
    const want = Array.from({ length: rows }, (_, i) => i !== rows - 2);
    const wantAll = Array.from({ length: rows }, (_, i) => i === rows - 1);
    for (const x of [a, unaligned(a)]) {
      expect(mm.any(x, 1).toArray()).toEqual(want);
      expect(mm.all(x, 1).toArray()).toEqual(wantAll);
      viaKernel('axisReduce', x, () => mm.any(x, 1));
      viaKernel('axisReduce', x, () => mm.all(x, 1));
    }
  });

  it.each(['<f8', '<f4', '>f8'])('max/min of %s along axis 0 (row into row): NaN sticks, the first NaN met wins, ±0 as the loop keeps them', (dt) => {
    for (const cols of [1, 7, 64, 513, 4096]) {
      const a = specialRows(dt, Math.max(24, Math.ceil(256 / cols)), cols, cols);
      for (const f of [() => mm.max(a, 0), () => mm.min(a, 0), () => mm.max(a.index('::-1'), 0, { keepdims: true })]) viaKernel('axisReduce', a, f);
    }
  });
});
