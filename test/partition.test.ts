// partition / argpartition against NumPy and against the stable sort. The
// order inside the partitions is undefined (NumPy says so; ours differs), so
// a result is checked by what defines a partition: between consecutive kth
// the items are those a sort puts there (each segment, sorted, equals the
// sorted lane's segment) and each kth holds the sorted lane's item; and the
// kth items' bytes equal NumPy's. Errors are compared with NumPy's (class
// and message). Ported from NumPy's TestPartition where it applies.
import { argpartition, partition, type Kth } from '../lib/partition';
import { argsort, sort } from '../lib/sort';
import { take } from '../lib/fancy';
import { AccessError, ValueError, fromBuffer, zeros, arange, type NdArray } from '../lib';
import { describeWithNumpy } from './helpers/numpy';
import { type Case, expectCasesLikeNumpy as check, hexOf, pyAxis } from './helpers/np-compare';
import { seeded, shared } from './helpers/np-data';
import { jsPath } from './helpers/kernels';
import { sortKernels } from '../lib/native';

/** Values with ties and NaNs (no -0: its place among the zeros is free in a partition). */
function values(n: number, seed: number, nans = true): number[] {
  const r = seeded(seed);
  return Array.from({ length: n }, () => {
    const x = r();
    if (nans && x < 0.06) return NaN;
    if (x < 0.3) return Math.floor(r() * 9) - 4 || 0;
    return Math.round((r() - 0.5) * 2000) / 8 + 0; // + 0: no -0
  });
}

/** `a` with `axis` moved last, as lanes [rows, n]. */
function lanesOf(a: NdArray, axis: number): NdArray {
  const ax = axis < 0 ? axis + a.ndim : axis;
  const perm = [...Array(a.ndim).keys()].filter((i) => i !== ax);
  perm.push(ax);
  const n = a.shape[ax];
  return a.transpose(perm).copy().reshape([n === 0 ? 0 : a.size / n, n]);
}

/** The kths of a lane of n, as the library normalizes them (sorted, distinct, non-negative). */
const kthsOf = (kth: number | number[], n: number): number[] =>
  [...new Set((Array.isArray(kth) ? kth : [kth]).map((k) => (k < 0 ? k + n : k)))].sort((x, y) => x - y);

/**
 * True partition of `a` along `axis` at `kth` in `r`: every segment between
 * kths holds the sorted lane's items of that segment, each kth its item.
 */
function expectPartitioned(a: NdArray, r: NdArray, kth: number | number[], axis: number): void {
  expect(r.shape).toEqual(a.shape);
  const sorted = lanesOf(sort(a, { axis }), axis);
  const got = lanesOf(r, axis);
  const n = sorted.shape[1];
  const ks = kthsOf(kth, n);
  for (let row = 0; row < sorted.shape[0]; row++) {
    let from = 0;
    for (const k of [...ks, n]) {
      if (k > from) {
        const seg = `${row}, ${from}:${k}`;
        expect(hexOf(sort(got.index(seg)))).toBe(hexOf(sorted.index(seg)));
      }
      if (k < n) expect(hexOf(got.index(`${row}, ${k}:${k + 1}`))).toBe(hexOf(sorted.index(`${row}, ${k}:${k + 1}`)));
      from = k + 1;
    }
  }
}

/** r holds, along axis, a permutation of each lane's positions that partitions `a`. */
function expectArgPartitioned(a: NdArray, r: NdArray, kth: number | number[], axis: number): void {
  expect(r.dtype.str).toBe('<i8');
  const idx = lanesOf(r, axis);
  const lanes = lanesOf(a, axis);
  const n = lanes.shape[1];
  const rows: NdArray[] = [];
  for (let row = 0; row < lanes.shape[0]; row++) {
    const ix = idx.index(row);
    expect(hexOf(sort(ix))).toBe(hexOf(arange(n, '<i8')));
    rows.push(take(lanes.index(row), ix));
  }
  // Partitioned lanes, as a [rows, n] array, against the lanes of a.
  for (let row = 0; row < rows.length; row++) expectPartitioned(lanes.index(row), rows[row], kth, -1);
}

/** Runs f with the AVX-512 sorts and selects on, then off (only off on a CPU without them). */
function withSimdOnAndOff(f: (on: boolean) => void): void {
  const simd = sortKernels.simdSort(true);
  try {
    for (const on of simd ? [true, false] : [false]) {
      sortKernels.simdSort(on);
      f(on);
    }
  } finally {
    sortKernels.simdSort(simd);
  }
}

const DTYPES = ['<f8', '>f8', '<f4', '>f4', '<f2', '<i1', '<u1', '>i2', '<u4', '<i8', '>u8', '|b1', '<c16', '>c8'];

describe('partition: the partition property against the stable sort', () => {
  for (const dt of DTYPES) {
    test(`${dt}: 1-d, 2-d along each axis, a strided view, several kth, native and JS paths`, () => {
      const kinds = dt.includes('c') ? 'c' : dt.includes('b') ? 'b' : '';
      let base = fromBuffer(new Float64Array(values(600, 3 + dt.length, dt.includes('f') || kinds === 'c')).buffer, '<f8');
      if (kinds === 'b') base = fromBuffer(new Float64Array(values(600, 4, false).map((v) => (v > 0 ? 1 : 0))).buffer, '<f8');
      // Complex items: pairs of the values, so NaN parts in either place and ties in the real part.
      const a = kinds === 'c' ? base.view('<c16').astype(dt) : base.astype(dt);
      const m = a.index(`:${Math.floor(a.size / 20) * 20}`).reshape([20, -1]);
      for (const path of [(f: () => void) => f(), jsPath]) {
        path(() => {
          for (const kth of [0, 1, -1, [3, 17, 17, -2], Math.floor(a.size / 2)]) {
            expectPartitioned(a, partition(a, kth), kth, -1);
            expectArgPartitioned(a, argpartition(a, kth), kth, -1);
          }
          for (const [axis, kth] of [[0, [2, 9]], [1, 4], [-1, [0, 5, 6, -1]]] as const) {
            expectPartitioned(m, partition(m, kth as Kth, { axis }), kth as number | number[], axis);
            expectArgPartitioned(m, argpartition(m, kth as Kth, { axis }), kth as number | number[], axis);
          }
          const v = m.index('::-3, 1::2');
          expectPartitioned(v, partition(v, [1, 3], { axis: 0 }), [1, 3], 0);
          expectArgPartitioned(v, argpartition(v, 2, { axis: 1 }), 2, 1);
        });
      }
    });
  }

  test('long float64 lanes (the vector select): ties, NaNs, sorted, reversed, all equal, least value repeated', () => {
    const r = seeded(77);
    const n = 200001;
    const f = Float64Array.from({ length: n }, () => (r() < 0.02 ? NaN : r() < 0.3 ? Math.floor(r() * 5) : Math.round(r() * 1e6) / 64));
    const a = fromBuffer(f.buffer, '<f8');
    const s = sort(a);
    const least = fromBuffer(Float64Array.from({ length: 5000 }, (_, i) => (i % 3 === 0 ? 1 : 1 + (i % 7))).buffer, '<f8');
    const same = fromBuffer(new Float64Array(5000).fill(2.5).buffer, '<f8');
    for (const x of [a, s, s.index('::-1'), least, same, a.astype('>f8')]) {
      const m = x.size;
      for (const kth of [[0], [m >> 1], [m - 1], [3, 1000, m >> 1, m - 300, m - 2]]) expectPartitioned(x, partition(x, kth), kth, -1);
    }
  });

  test('long float32, int32 and uint32 lanes (the 32-bit vector select): ties, NaNs, zeros of both signs, sorted, reversed, all equal', () => {
    const r = seeded(78);
    const n = 100003;
    // No -0: the stable sort this checks against orders -0 and 0 as they come (the zeros' case is below).
    const f = Float32Array.from({ length: n }, () => (r() < 0.02 ? NaN : r() < 0.3 ? Math.floor(r() * 5) - 2 : Math.round((r() - 0.5) * 1e6) / 64));
    const i4 = Int32Array.from({ length: n }, () => (r() < 0.3 ? Math.floor(r() * 5) - 2 : Math.floor((r() - 0.5) * 2 ** 32)));
    const a4 = fromBuffer(f.buffer, '<f4');
    const ai = fromBuffer(i4.buffer, '<i4');
    const same = fromBuffer(new Float32Array(5000).fill(-2.5).buffer, '<f4');
    for (const x of [a4, sort(a4), sort(a4).index('::-1'), a4.astype('>f4'), a4.index('::3'), same, ai, sort(ai).index('::-1'), ai.view('<u4'), ai.astype('>i4')]) {
      const m = x.size;
      for (const kth of [[0], [m >> 1], [m - 1], [3, 1000, m >> 1, m - 300, m - 2]]) {
        const p = partition(x, kth);
        expectPartitioned(x, p, kth, -1);
        // The same items, bit for bit (zeros' signs and NaN payloads kept).
        expect(hexOf(sort(p.view(`${x.dtype.str[0]}u4`)))).toBe(hexOf(sort(x.view(`${x.dtype.str[0]}u4`))));
      }
    }
    // Zeros of both signs (equal in NumPy's order: either may stand at a kth) and NaNs.
    const z = fromBuffer(Float32Array.from({ length: 1500 }, () => (r() < 0.1 ? NaN : r() < 0.4 ? (r() < 0.5 ? -0 : 0) : Math.floor(r() * 7) - 3)).buffer, '<f4');
    for (const kth of [[0], [750], [1499], [5, 300, 900, 1400]]) {
      const p = partition(z, kth);
      expectPartitionedLoosely(z, p, kth);
      expect(hexOf(sort(p.view('<u4')))).toBe(hexOf(sort(z.view('<u4'))));
    }
  });

  // The lane works in the output itself when that is native, contiguous and
  // aligned (the copy partition makes, an in-place partition of a contiguous
  // array): no scratch; a byte-swapped, strided or unaligned output takes a
  // scratch copy of the keys. Both forms, 8- to 64-bit keys and floats, with
  // the AVX-512 select on and off (float32/64 then run nth_element).
  test('long lanes worked in the output (no scratch) and through a scratch copy: int8 to uint64, float32/64, SIMD on and off', () => {
    const r = seeded(80);
    const n = 12001;
    const raw = new Uint8Array(8 * n + 8);
    for (let i = 0; i < raw.length; i++) raw[i] = r() < 0.5 ? Math.floor(r() * 3) : Math.floor(r() * 256);
    const floats = Float64Array.from({ length: n }, () => (r() < 0.02 ? NaN : r() < 0.3 ? Math.floor(r() * 5) - 2 : Math.round((r() - 0.5) * 1e6) / 64));
    const cases: NdArray[] = [];
    for (const dt of ['|i1', '|u1', '<i2', '<u2', '<i8', '<u8']) {
      const w = Number(dt.slice(2));
      cases.push(fromBuffer(raw.buffer, dt).index(`:${n}`));
      // Unaligned (one byte in) and byte-swapped views.
      if (w > 1) {
        cases.push(fromBuffer(new Uint8Array(raw.buffer, 1, w * n), dt));
        cases.push(fromBuffer(raw.buffer, dt).index(`:${n}`).astype(`>${dt.slice(1)}`));
      }
    }
    const f8 = fromBuffer(floats.buffer, '<f8');
    cases.push(f8, f8.astype('<f4'), f8.astype('>f8'));
    withSimdOnAndOff(() => {
      for (const x of cases) {
        const m = x.size;
        for (const kth of [[m >> 1], [0, 7, m >> 2, m - 2]]) {
          const p = partition(x, kth);
          expectPartitioned(x, p, kth, -1);
          // In place: a contiguous copy (the output lane is the input) and an unaligned one.
          const q = x.copy();
          q.partition(kth);
          expect(hexOf(sort(q))).toBe(hexOf(sort(x)));
          expectPartitioned(x, q, kth, -1);
          const w = x.dtype.itemsize;
          if (w > 1 && x.dtype.str[0] !== '>') {
            const buf = new Uint8Array(w * m + 1);
            const u = fromBuffer(new Uint8Array(buf.buffer, 1, w * m), x.dtype.str);
            u.set(x);
            u.partition(kth);
            expectPartitioned(x, u, kth, -1);
          }
        }
      }
    });
  });

  // 16-bit items (int16, uint16, float16) select as 16-bit keys: a
  // three-way vector quickselect (AVX-512 VBMI2) that drops the copies of
  // its pivot and writes them back between the sides, else nth_element;
  // float16 NaNs go last first. 1-byte items (int8, uint8, bool) are sorted
  // by counting, which is a partition at every kth, and a bool's raw byte
  // comes back as it was. Checked by the contract (the sorted lane's item at
  // each kth, none greater before it in NumPy's order, none smaller after
  // it) and the same items bit for bit, SIMD on and off.
  test('long 16-bit lanes (the 16-bit select) and 1-byte lanes (the counting partition): ties, NaN payloads, zeros of both signs, raw bool bytes', () => {
    const r = seeded(81);
    const n = 60001;
    const u16 = (f: (i: number) => number): Uint16Array => Uint16Array.from({ length: n }, (_, i) => f(i));
    const wide = u16(() => Math.floor(r() * 65536));
    const ties = u16(() => (r() < 0.5 ? 0x8000 + Math.floor(r() * 3) : Math.floor(r() * 65536)));
    const SPECIAL = [0x0000, 0x8000, 0x7c00, 0xfc00, 0x0001, 0x8001, 0x3c00, 0xbc00];
    const half = u16(() => {
      const x = r();
      if (x < 0.03) return (r() < 0.5 ? 0x8000 : 0) | 0x7c01 | Math.floor(r() * 0x3ff); // NaNs, any sign and payload
      if (x < 0.25) return SPECIAL[Math.floor(r() * SPECIAL.length)];
      return Math.floor(r() * 65536) & 0xfbff; // finite
    });
    const bytes = Uint8Array.from({ length: n }, () => (r() < 0.4 ? [0, 1, 2, 255][Math.floor(r() * 4)] : Math.floor(r() * 256)));
    const cases: NdArray[] = [];
    for (const [bits, dts] of [[wide, ['<i2', '<u2']], [ties, ['<i2', '<u2']], [half, ['<f2']]] as const) {
      for (const dt of dts) {
        const x = fromBuffer(bits.slice().buffer, dt);
        cases.push(x, x.astype(`>${dt.slice(1)}`), x.index('::3'), sort(x).index('::-1'));
      }
    }
    cases.push(fromBuffer(new Uint16Array(5000).fill(0x1234).buffer, '<i2')); // all equal
    cases.push(fromBuffer(u16((i) => (i % 7 === 0 ? 9 : 4)).buffer, '<u2')); // two values
    for (const dt of ['|i1', '|u1', '|b1']) {
      const x = fromBuffer(bytes.slice().buffer, dt);
      cases.push(x, x.index('1::2'));
    }
    const order = (x: NdArray): number[] => (x.toArray() as (number | boolean)[]).map(Number);
    const lt = (x: number, y: number): boolean => x < y || (Number.isNaN(y) && !Number.isNaN(x));
    const same = (x: number, y: number): boolean => x === y || (Number.isNaN(x) && Number.isNaN(y));
    const raw = (x: NdArray): string => hexOf(sort(x.view(`${x.dtype.itemsize === 1 ? '|' : x.dtype.str[0]}u${x.dtype.itemsize}`)));
    withSimdOnAndOff((on) => {
      for (const x of cases) {
        const m = x.size;
        const sorted = order(sort(x));
        const bitsBefore = raw(x);
        for (const kth of [[m >> 1], [m - 1], [0, 7, m >> 2, m >> 1, m - 2]]) {
          const inPlace = x.copy();
          inPlace.partition(kth);
          const strided = fromBuffer(new Uint8Array(2 * m * x.dtype.itemsize).buffer, x.dtype.str).index('::2');
          strided.set(x);
          strided.partition(kth);
          for (const p of [partition(x, kth), inPlace, strided]) {
            const v = order(p);
            for (const k of kth) {
              if (!same(v[k], sorted[k])) throw new Error(`${x.dtype.str} n=${m} kth=${String(kth)}: item ${k} is ${v[k]}, the sort's ${sorted[k]}`);
              for (let i = 0; i < m; i++) {
                if ((i < k && lt(v[k], v[i])) || (i > k && lt(v[i], v[k]))) throw new Error(`${x.dtype.str} n=${m} kth=${String(kth)} simd=${on}: item ${i} on the wrong side of ${k}`);
              }
            }
            expect(raw(p)).toBe(bitsBefore);
          }
        }
      }
    });
  });

  test('more than 64 kths (a quantile of many q): partitioned by the sort, not refused', () => {
    const r = seeded(79);
    const a = fromBuffer(Float64Array.from({ length: 3000 }, () => Math.round(r() * 1e4) / 8).buffer, '<f8');
    const kth = Array.from({ length: 70 }, (_, i) => i * 41 + 7);
    expectPartitioned(a, partition(a, kth), kth, -1);
    expectArgPartitioned(a, argpartition(a, kth), kth, -1);
  });

  test('argpartition of keys that differ only in their low bits (the packed words drop them): float64, int64, uint64', () => {
    const r = seeded(31);
    const n = 70000;
    const f = Float64Array.from({ length: n }, () => 1 + Math.floor(r() * (r() < 0.5 ? 65536 : 30)) * 2 ** -52);
    const big = BigUint64Array.from(f, (v) => 2n ** 40n + BigInt(Math.round((v - 1) * 2 ** 52)));
    for (const x of [fromBuffer(f.buffer, '<f8'), fromBuffer(big.buffer, '<u8'), fromBuffer(big.buffer, '<u8').view('<i8').astype('>i8')]) {
      for (const kth of [[0], [n >> 1], [n - 1], [5, 17, n >> 2, n >> 1, n - 9]]) expectArgPartitioned(x, argpartition(x, kth), kth, -1);
    }
  });

  test('in place through the method form; the items are a permutation of the lane (zeros of both signs, NaN payloads kept)', () => {
    const lane = new Float64Array([3, -0, 0, NaN, -1, 0, -0, 2, NaN, -5]);
    const bits = new BigUint64Array(lane.buffer);
    bits[8] = 0x7ff8000000000123n; // a NaN with a payload
    const a = fromBuffer(lane.slice().buffer, '<f8');
    const before = a.copy();
    expect(a.partition([4, -1])).toBe(a);
    expectPartitionedLoosely(before, a, [4, 9]);
    // The same items, bit for bit.
    expect(hexOf(sort(a.view('<u8')))).toBe(hexOf(sort(before.view('<u8'))));
    const idx = before.argpartition(2);
    expect(hexOf(sort(idx))).toBe(hexOf(arange(10, '<i8')));
  });

  test('a read-only array refuses the in-place partition (NumPy: partition array is read-only)', () => {
    const a = arange(6).astype('<f8');
    const ro = a.view();
    ro.flags.writeable = false;
    expect(() => ro.partition(1)).toThrow(AccessError);
    expect(() => ro.partition(1)).toThrow('partition array is read-only');
    expect(() => ro.partition(1, { axis: null as never })).toThrow("'NoneType' object cannot be interpreted as an integer");
    expect(() => a.partition(9)).toThrow(ValueError);
  });

  test('record arrays partition by their fields (order first), through the sort', () => {
    const rec = zeros([5], [['x', '<i4'], ['y', '<f8']]);
    [[3, 1], [1, 2], [3, 0], [0, 9], [1, 1]].forEach(([x, y], i) => rec.set(i, { x, y }));
    const p = partition(rec, 2, { order: 'y' });
    expect(hexOf(p.index(2))).toBe(hexOf(sort(rec, { order: 'y' }).index(2)));
    expect(hexOf(argpartition(rec, 2, { order: 'x' }))).toBe(hexOf(argsort(rec, { order: 'x' })));
  });
});

/** The partition property with ±0 equal: each kth item equals the sorted one in value. */
function expectPartitionedLoosely(a: NdArray, r: NdArray, ks: number[]): void {
  const s = sort(a).toArray() as number[];
  const g = r.toArray() as number[];
  const lt = (x: number, y: number): boolean => x < y || (Number.isNaN(y) && !Number.isNaN(x));
  for (const k of ks) {
    expect(Object.is(g[k] + 0, s[k] + 0) || (Number.isNaN(g[k]) && Number.isNaN(s[k]))).toBe(true);
    for (let i = 0; i < k; i++) expect(lt(g[k], g[i])).toBe(false);
    for (let i = k + 1; i < g.length; i++) expect(lt(g[i], g[k])).toBe(false);
  }
}

describeWithNumpy('partition and argpartition against NumPy', () => {
  test("the kth items' bytes equal NumPy's partition's, every dtype, axis and kth form", () => {
    const cases: Case[] = [];
    DTYPES.filter((d) => !d.includes('c')).forEach((dt, i) => {
      const d = shared(values(120, 40 + i, dt.includes('f')), dt, [6, 20]);
      for (const [kth, axis] of [[3, -1], [[0, 5, -1], 1], [[1, -2], 0], [7, null]] as const) {
        const ks = JSON.stringify(kth);
        const flatN = axis === null ? 120 : axis === 0 ? 6 : 20;
        const at = kthsOf(kth as number | number[], flatN);
        const ax = axis === null ? 0 : axis;
        cases.push({
          py: `np.take(np.partition(${d.py}, ${ks}, axis=${pyAxis(axis)}), ${JSON.stringify(at)}, axis=${ax})`,
          js: () => take(partition(d.arr, kth as Kth, { axis }), at, { axis: ax }),
        });
        cases.push({
          py: `np.take(np.take_along_axis(${axis === null ? `${d.py}.ravel()` : d.py}, np.argpartition(${d.py}, ${ks}, axis=${pyAxis(axis)}), axis=${ax}), ${JSON.stringify(at)}, axis=${ax})`,
          js: () => {
            const src = axis === null ? d.arr.ravel() : d.arr;
            const lanes = lanesOf(src, ax);
            const idx = lanesOf(argpartition(d.arr, kth as Kth, { axis }), ax);
            const rows = Array.from({ length: lanes.shape[0] }, (_, r) => take(take(lanes.index(r), idx.index(r)), at));
            // Back to NumPy's layout: the kept axis first for axis 0.
            const out = zeros([rows.length, at.length], d.arr.dtype);
            rows.forEach((row, r) => out.set(r, row));
            return ax === 0 && axis !== null ? out.T : axis === null ? out.reshape(-1) : out;
          },
        });
      }
    });
    const c = shared(values(40, 7), '<f8', [40]);
    cases.push({ py: `np.take(np.partition(${c.py}.view('<c16'), [0, 5, -1]), [0, 5, 19])`, js: () => take(partition(c.arr.view('<c16'), [0, 5, -1]), [0, 5, 19]) });
    check(cases);
  });

  test("NumPy's errors and edge cases: kth out of bounds, bools, fractions, kind, axis, 0-d, empty", () => {
    const a = shared([3, 1, 2, 5, 4], '<f8', [5]);
    const z = shared([5], '<f8', []);
    const e = shared([], '<f8', [0, 3]);
    const cases: Case[] = [
      { py: `np.partition(${a.py}, 5)`, js: () => partition(a.arr, 5) },
      { py: `np.partition(${a.py}, -6)`, js: () => partition(a.arr, -6) },
      { py: `np.partition(${a.py}, [1, 7])`, js: () => partition(a.arr, [1, 7]) },
      { py: `np.argpartition(${a.py}, 5)`, js: () => argpartition(a.arr, 5) },
      { py: `np.partition(${a.py}, 1.5)`, js: () => partition(a.arr, 1.5) },
      { py: `np.partition(${a.py}, True)`, js: () => partition(a.arr, true as never) },
      { py: `np.partition(${a.py}, [])`, js: () => partition(a.arr, []) },
      { py: `np.partition(${a.py}, np.array([[1, 2]]))`, js: () => partition(a.arr, fromBuffer(new BigInt64Array([1n, 2n]).buffer, '<i8').reshape([1, 2])) },
      { py: `np.partition(${a.py}, 1, kind='quick')`, js: () => partition(a.arr, 1, { kind: 'quick' }) },
      { py: `np.partition(${a.py}, 10, kind='x')`, js: () => partition(a.arr, 10, { kind: 'x' }) },
      { py: `np.partition(${a.py}, 10, axis=3)`, js: () => partition(a.arr, 10, { axis: 3 }) },
      { py: `np.partition(${a.py}, 1, order='x')`, js: () => partition(a.arr, 1, { order: 'x' }) },
      { py: `np.partition(${z.py}, 0)`, js: () => partition(z.arr, 0) },
      { py: `np.partition(${z.py}, 0, axis=None)`, js: () => partition(z.arr, 0, { axis: null }) },
      { py: `np.argpartition(${z.py}, 0)`, js: () => argpartition(z.arr, 0) },
      { py: `np.argpartition(${z.py}, 1)`, js: () => argpartition(z.arr, 1) },
      { py: `np.argpartition(${z.py}, 0, axis=1)`, js: () => argpartition(z.arr, 0, { axis: 1 }) },
      { py: `np.partition(${e.py}, 5)`, js: () => partition(e.arr, 5) },
      { py: `np.argpartition(${e.py}, 5, axis=0)`, js: () => argpartition(e.arr, 5, { axis: 0 }) },
      { py: `np.partition(${a.py}, [4, 0, 2, 2])`, js: () => partition(a.arr, [4, 0, 2, 2]) },
      { py: `np.argpartition(${a.py}, [4, 0, 1, 2, 3], axis=None)`, js: () => argpartition(a.arr, [4, 0, 1, 2, 3], { axis: null }) },
      { py: `np.partition(${a.py}.astype('?'), 0)`, js: () => partition(a.arr.astype('?'), 0) },
    ];
    check(cases);
  });
});

// From NumPy's TestPartition (test_multiarray.py): the cases that apply.
describe("NumPy's TestPartition, ported", () => {
  test('test_partition_empty_array / test_argpartition_empty_array: every axis and None', () => {
    const a = zeros([0, 3, 2]);
    for (const axis of [0, 1, 2, null]) {
      expect(partition(a, 0, { axis }).size).toBe(0);
      expect(argpartition(a, 0, { axis }).size).toBe(0);
    }
  });

  test('test_partition: sorted, reversed, constant and two-valued lanes of every length to 20, every kth', () => {
    for (let n = 1; n < 20; n++) {
      const asc = arange(n).astype('<f8');
      const desc = asc.index('::-1').copy();
      const ones = zeros([n]).astype('<i2');
      const two = fromBuffer(new Float64Array(Array.from({ length: n }, (_, i) => i % 2)).buffer, '<f8');
      for (let k = 0; k < n; k++) {
        for (const x of [asc, desc, ones, two]) {
          expectPartitioned(x, partition(x, k), k, -1);
          expectArgPartitioned(x, argpartition(x, k), k, -1);
        }
        expect(Number(partition(desc, k).get(k))).toBe(k);
      }
    }
  });

  test('test_partition_iterative: kth lists in any order, with repeats and negatives', () => {
    const d = fromBuffer(new Float64Array(values(50, 91)).buffer, '<f8');
    for (const kth of [[0, 1, 2], [2, 1, 0], [5, 1, 4, 1, 0, -1], [49, 48, 47, 0]]) {
      expectPartitioned(d, partition(d, kth), kth, -1);
      expectArgPartitioned(d, argpartition(d, kth), kth, -1);
    }
    const m = d.reshape([5, 10]);
    expectPartitioned(m, partition(m, [0, 3, 9], { axis: 1 }), [0, 3, 9], 1);
    expectPartitioned(m, partition(m, [1, 3], { axis: 0 }), [1, 3], 0);
  });

  test('test_partition_cdtype-like: complex lanes order by real, then imaginary part, NaNs last', () => {
    const c = zeros([6], '<c16');
    [[1, 2], [1, 1], [NaN, 0], [0, NaN], [-1, 5], [1, 0]].forEach(([re, im], i) => c.set(i, { re, im }));
    const p = partition(c, [1, 3]);
    const s = sort(c);
    expect(hexOf(p.index('1:2'))).toBe(hexOf(s.index('1:2')));
    expect(hexOf(p.index('3:4'))).toBe(hexOf(s.index('3:4')));
  });
});
