// convolve and correlate against NumPy 2: modes full/same/valid (names and
// numbers), the argument swap (and reversed result) when v is longer, the
// conjugate of a complex v, dtypes (ints wrap, bool, float16/32/64,
// complex), errors; integer and bool results byte for byte, float results
// byte for byte for short kernels and to rounding for long ones (NumPy's dot
// is BLAS there, and for every float32 edge output). Ported TestCorrelate/TestConvolve.
import { convolve, correlate } from '../lib/convolve';
import { asarray } from '../lib/array-coerce';
import { arange, broadcastTo, ones } from '../lib/create';
import { ValueError } from '../lib/errors';
import type { NdArray } from '../lib/ndarray';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { jsPath } from './helpers/kernels';
import { hexOf } from './helpers/np-compare';
import { correlateF64 } from '../lib/native';
import { jsOutcome, numpyOutcomes, type Case } from './helpers/np-compare';
import { seeded, shared } from './helpers/np-data';
import { useTempDir } from './helpers/tmp';
import { memmap } from '../lib/memmap';
import { NdArray as NdArrayClass } from '../lib/ndarray';
import * as fs from 'fs';

function data(n: number, seed: number, dtype: string): ReturnType<typeof shared> {
  const r = seeded(seed);
  const ints = /[iub]/.test(dtype);
  return shared(Array.from({ length: n }, () => (ints ? Math.floor((r() - 0.4) * 200) : (r() - 0.4) * 20)), dtype, [n]);
}

function compare(cases: Case[], floatTol: number): unknown[] {
  const want = numpyOutcomes(cases);
  const bad: unknown[] = [];
  cases.forEach((c, i) => {
    const w = want[i];
    const g = jsOutcome(c);
    let ok = w.error === g.error && w.message === g.message && w.dtype === g.dtype && JSON.stringify(w.shape) === JSON.stringify(g.shape) && w.hex === g.hex;
    if (!ok && floatTol > 0 && w.dtype === g.dtype && /(f4|f8|c16)$/.test(w.dtype ?? '') && w.hex !== undefined && g.hex !== undefined) {
      // float32 goes through BLAS sdot in NumPy for every edge output (its own order): 1e-6 of the scale there.
      const f32 = (w.dtype ?? '').endsWith('f4');
      const read = (h: string): number[] => [...(f32 ? new Float32Array(Uint8Array.from(Buffer.from(h, 'hex')).buffer) : new Float64Array(Uint8Array.from(Buffer.from(h, 'hex')).buffer))];
      const x = read(w.hex);
      const y = read(g.hex);
      const scale = Math.max(1, ...x.map(Math.abs));
      const tol = f32 ? 1e-6 : floatTol;
      ok = x.length === y.length && x.every((v, k) => Math.abs(v - y[k]) <= tol * scale);
    }
    if (!ok) bad.push({ py: c.py.replace(/bytes\.fromhex\('[0-9a-f]*'\)/g, 'B'), want: w, got: g });
  });
  return bad;
}

describeWithNumpy('convolve and correlate against NumPy', () => {
  test('ints, bool and short float kernels, byte for byte', () => {
    const cases: Case[] = [];
    for (const [na, nv] of [[1, 1], [5, 3], [3, 5], [8, 8], [17, 4], [4, 17], [30, 11], [2, 9]]) {
      for (const dt of ['|i1', '|u1', '<i2', '<i4', '<u4', '<i8', '<f8', '<f4', '<f2']) {
        const a = data(na, 10 * na + nv, dt);
        const v = data(nv, 20 * nv + na, dt);
        for (const mode of ['full', 'same', 'valid'] as const) {
          cases.push({ py: `np.convolve(${a.py}, ${v.py}, '${mode}')`, js: () => convolve(a.arr, v.arr, mode) });
          cases.push({ py: `np.correlate(${a.py}, ${v.py}, '${mode}')`, js: () => correlate(a.arr, v.arr, mode) });
        }
      }
      const a = data(na, 3, '<i4');
      const b = data(nv, 4, '<f4');
      cases.push({ py: `np.convolve(${a.py}, ${b.py})`, js: () => convolve(a.arr, b.arr) });
      cases.push({ py: `np.correlate(${a.py} > 0, ${b.py} < 1, 'full')`, js: () => correlate(a.arr.greater(0), b.arr.less(1), 'full') });
      cases.push({ py: `np.convolve(${a.py} > 0, ${b.py} < 1, 1)`, js: () => convolve(a.arr.greater(0), b.arr.less(1), 1) });
    }
    // Large int32/uint32 values: sums past 2^53 take the BigInt loop and wrap as NumPy's.
    const big = shared([2e9, -2.1e9, 1.7e9, 123456789, -2e9, 5, 2147483647], '<i4', [7]);
    const bigv = shared([2147483647, -2147483648, 1999999999], '<i4', [3]);
    for (const mode of ['full', 'same', 'valid'] as const) {
      cases.push({ py: `np.convolve(${big.py}, ${bigv.py}, '${mode}')`, js: () => convolve(big.arr, bigv.arr, mode) });
      cases.push({ py: `np.correlate(${bigv.py}.astype('u4'), ${big.py}.astype('u4'), '${mode}')`, js: () => correlate(bigv.arr.astype('<u4'), big.arr.astype('<u4'), mode) });
    }
    const bad = compare(cases, 1e-15);
    expect(bad.slice(0, 4)).toEqual([]);
  });
  test('complex (conjugate and swap), long inputs, errors', () => {
    const cases: Case[] = [];
    const z = (n: number, seed: number): [NdArray, string] => {
      const re = data(n, seed, '<f8');
      const im = data(n, seed + 1, '<f8');
      return [re.arr.add(im.arr.multiply(asarray({ re: 0, im: 1 }))), `(${re.py} + ${im.py} * 1j)`];
    };
    for (const [na, nv] of [[6, 3], [3, 6], [40, 40], [500, 37]]) {
      const [a, apy] = z(na, na);
      const [v, vpy] = z(nv, 100 + nv);
      for (const mode of ['full', 'same', 'valid'] as const) {
        cases.push({ py: `np.correlate(${apy}, ${vpy}, '${mode}')`, js: () => correlate(a, v, mode) });
        cases.push({ py: `np.convolve(${apy}, ${vpy}, '${mode}')`, js: () => convolve(a, v, mode) });
      }
      const x = data(na, 7, '<f8');
      const y = data(nv, 8, '<f8');
      cases.push({ py: `np.correlate(${x.py}, ${y.py}, 'full')`, js: () => correlate(x.arr, y.arr, 'full') });
      cases.push({ py: `np.convolve(${x.py}, ${y.py}, 'same')`, js: () => convolve(x.arr, y.arr, 'same') });
    }
    cases.push({ py: `np.correlate([1, 2], [1, 2], mode='x')`, js: () => correlate([1, 2], [1, 2], 'x' as 'full') });
    cases.push({ py: `np.correlate([1, 2], [1, 2], mode=3)`, js: () => correlate([1, 2], [1, 2], 3 as 2) });
    cases.push({ py: `np.correlate(np.zeros(0), [1.])`, js: () => correlate(asarray([], '<f8'), [1]) });
    cases.push({ py: `np.correlate([1.], np.zeros(0))`, js: () => correlate([1], asarray([], '<f8')) });
    cases.push({ py: `np.convolve(np.zeros(0), [1., 2])`, js: () => convolve(asarray([], '<f8'), [1, 2]) });
    cases.push({ py: `np.convolve([1., 2], np.zeros(0))`, js: () => convolve([1, 2], asarray([], '<f8')) });
    cases.push({ py: `np.correlate(np.ones((2, 2)), [1.])`, js: () => correlate(ones([2, 2]), [1]) });
    cases.push({ py: `np.correlate(1., [1., 2])`, js: () => correlate(1, [1, 2]) });
    cases.push({ py: `np.convolve(2.5, [1., 2])`, js: () => convolve(2.5, [1, 2]) });
    cases.push({ py: `np.convolve(np.ones((2, 2)), [1.])`, js: () => convolve(ones([2, 2]), [1]) });
    const bad = compare(cases, 1e-13);
    expect(bad.slice(0, 4)).toEqual([]);
  });
});

describe('correlate (NumPy TestCorrelate) and convolve (TestConvolve)', () => {
  const x = asarray([1, 2, 3, 4, 5], '<f8');
  const y = asarray([-1, -2, -3], '<f8');
  test('float', () => {
    expect(correlate(x, y, 'full').toArray()).toEqual([-3, -8, -14, -20, -26, -14, -5]);
    expect(correlate(x, y.index(':-1'), 'full').toArray()).toEqual([-2, -5, -8, -11, -14, -5]);
    expect(correlate(y, x, 'full').toArray()).toEqual([-5, -14, -26, -20, -14, -8, -3]);
    expect(correlate(x.index('::-1'), y, 'full').toArray()).toEqual([-15, -22, -22, -16, -10, -4, -1]);
    expect(correlate(y, x.index('::-1'), 'full').toArray()).toEqual([-1, -4, -10, -16, -22, -22, -15]);
    expect(correlate(arange(1, 20, 3, '<f8'), y, 'full').toArray()).toEqual([-3, -14, -30, -48, -66, -84, -102, -54, -19]);
  });
  test('complex', () => {
    const a = asarray([{ re: 1, im: 0 }, { re: 2, im: 0 }, { re: 3, im: 0 }, { re: 4, im: 1 }]);
    const b = asarray([{ re: -1, im: 0 }, { re: 0, im: -2 }, { re: 3, im: 1 }]);
    const want = [[3, -1], [6, 0], [8, 1], [11, 5], [-5, 8], [-4, -1]].reverse().map(([re, im]) => ({ re, im: -im }));
    const got = correlate(b, a, 'full').toArray() as { re: number; im: number }[];
    got.forEach((g, i) => {
      expect(g.re).toBeCloseTo(want[i].re, 12);
      expect(g.im).toBeCloseTo(want[i].im, 12);
    });
  });
  test('no overwrite, zero size, modes', () => {
    const d = ones(100);
    const k = ones(3);
    correlate(d, k);
    convolve(d, k);
    expect((d.toArray() as number[]).every((v) => v === 1)).toBe(true);
    expect((k.toArray() as number[]).every((v) => v === 1)).toBe(true);
    expect(() => correlate(asarray([], '<f8'), ones(1000), 'full')).toThrow(ValueError);
    expect(() => correlate(ones(1000), asarray([], '<f8'), 'full')).toThrow(ValueError);
    expect(() => convolve(d, k, 'f' as 'full')).toThrow(ValueError);
    expect(() => convolve(d, k, -1 as 0)).toThrow(ValueError);
    expect(convolve(d, k, 2).toArray()).toEqual(convolve(d, k, 'full').toArray());
    expect(() => convolve(d, k, null as unknown as 0)).toThrow(TypeError);
    expect(() => convolve(asarray([], '<f8'), [1, 2])).toThrow(/a cannot be empty/);
    expect(() => convolve([1, 2], asarray([], '<f8'))).toThrow(/v cannot be empty/);
    // Emptiness comes before the dtypes (NumPy's legacy type lookup does not
    // fail: records beside numbers; fuzz seed 10330187).
    const records = asarray([[1.5]], [['a', '<f4']]).reshape(-1);
    expect(() => correlate(records, asarray([], '<i4'))).toThrow(/^second array argument cannot be empty$/);
    expect(() => correlate(asarray([], '<i4'), records)).toThrow(/^first array argument cannot be empty$/);
  });
  test('object-like: a long run of ones', () => {
    const r = convolve(ones(100), [1, 1, 1]).toArray() as number[];
    expect(r.slice(2, -2).every((v) => v === 3)).toBe(true);
  });
});

describe('the native loop (native/correlate.cc) against its JS mirror', () => {
  test('the same bits for every mode, length pair and swap', () => {
    for (const [na, nv] of [[1, 1], [2, 7], [7, 2], [9, 4], [64, 13], [1000, 101], [333, 334]]) {
      for (const dt of ['<f8', '<i2'] as const) {
        const a = data(na, na * 31 + nv, dt).arr;
        const v = data(nv, nv * 17 + na, dt).arr;
        for (const mode of ['full', 'same', 'valid'] as const) {
          for (const f of [convolve, correlate]) {
            expect(hexOf(f(a, v, mode))).toBe(hexOf(jsPath(() => f(a, v, mode))));
          }
        }
      }
    }
  });
  test('lengths that do not fit are a RangeError (the addon realm\'s) before any read', () => {
    const k = correlateF64;
    const x = new Float64Array(4);
    const y = new Float64Array(2);
    expect(() => k(x, y, new Float64Array(4), 0, 0)).toThrow(/^correlateF64/);
    expect(() => k(y, x, new Float64Array(1), 0, 0)).toThrow(/^correlateF64/);
    expect(() => k(x, y, new Float64Array(6), 2, 1)).toThrow(/^correlateF64/);
    expect(() => k(x, new Float64Array(0), new Float64Array(5), 0, 0)).toThrow(/^correlateF64/);
    expect(() => k(x, y, new Float32Array(3) as unknown as Float64Array, 0, 0)).toThrow(/^correlateF64/);
    const out = new Float64Array(4);
    k(Float64Array.of(1, 2, 3, 4), Float64Array.of(1, 10), out, 1, 0);
    expect([...out]).toEqual([10, 21, 32, 43]);
  });
  test('hostile sizes: a broadcast view of 2^40 items is a RangeError naming the sizes, before any copy', () => {
    const huge = broadcastTo(asarray(1.5, '<f8'), [2 ** 40]);
    expect(() => convolve(huge, [1, 2])).toThrow(/inputs of 1099511627776 and 2 items need a result of up to 1099511627777 items/);
    expect(() => correlate([1, 2], huge, 'valid')).toThrow(RangeError);
  });
  test('a closed input is refused', () => {
    const a = asarray([1, 2, 3], '<f8');
    a.release();
    expect(() => convolve(a, [1, 2])).toThrow(/closed|released/);
  });
});

describeWithNumpy('convolve/correlate check in NumPy\'s order (empties, swap, mode, depth, then the common dtype)', () => {
  test('the error NumPy raises first, for mixed bad inputs', () => {
    const rec = (): NdArray => ones([3], [['a', '<f2']] as never);
    const rows: [string, () => unknown][] = [
      ['np.convolve(np.ones((2, 2)), np.zeros(3, [("a", "<f2")]))', () => convolve(ones([2, 2]), rec())],
      ['np.correlate(np.ones((2, 2)), np.zeros(3, [("a", "<f2")]))', () => correlate(ones([2, 2]), rec())],
      ['np.correlate(np.zeros(3, [("a", "<f2")]), np.ones((2, 2)))', () => correlate(rec(), ones([2, 2]))],
      ['np.convolve(np.ones(0), np.ones((2, 2)))', () => convolve(ones([0]), ones([2, 2]))],
      ['np.convolve(np.ones((2, 2)), np.ones(2))', () => convolve(ones([2, 2]), ones([2]))],
      ['np.convolve(np.ones(()), np.ones(2))', () => convolve(ones([]), ones([2]))],
    ];
    const want = runNumpy<string[]>(`
out = []
for src in json.loads(sys.stdin.read()):
    try:
        out.append('ok ' + str(eval(src).tolist()))
    except Exception as e:
        out.append(type(e).__name__ + ': ' + str(e))
print(json.dumps(out))`, JSON.stringify(rows.map((r) => r[0])));
    const got = rows.map(([, f]) => {
      try {
        return 'ok ' + JSON.stringify((f() as NdArray).toArray()).replace(/,/g, ', ');
      } catch (e) {
        return `${(e as Error).name}: ${(e as Error).message}`;
      }
    });
    expect(got).toEqual(want.map((w) => (w.startsWith('ok') ? w.replace(/\.0\b/g, '') : w)));
  });
});

describe('inputs read in place', () => {
  const files = useTempDir();
  test('a contiguous float64 mapping is read where it lies (never copied), with the copy path\'s bits', () => {
    const p = files.path('signal.bin');
    const n = 100003;
    const vals = new Float64Array(n);
    for (let i = 0; i < n; i++) vals[i] = Math.sin(i * 0.37) * 3 + (i % 7);
    fs.writeFileSync(p, new Uint8Array(vals.buffer));
    const a = memmap(p, { dtype: '<f8', mode: 'r' });
    const v = asarray([0.5, -0.25, 1, 0.125, 2]);
    const spy = jest.spyOn(NdArrayClass.prototype, 'astype');
    let copied: boolean;
    let got: Record<string, string>;
    try {
      got = Object.fromEntries((['valid', 'same', 'full'] as const).map((mode) => [mode, hexOf(correlate(a, v, mode)) + hexOf(convolve(a, v, mode))]));
      copied = spy.mock.contexts.some((c) => c === a);
    } finally {
      spy.mockRestore();
    }
    expect(copied).toBe(false);
    for (const mode of ['valid', 'same', 'full'] as const) {
      expect(got[mode]).toBe(jsPath(() => hexOf(correlate(a, v, mode)) + hexOf(convolve(a, v, mode))));
    }
  });
  test('a mapped signal of 2^31 items is refused with a RangeError naming the sizes, before a byte is read', () => {
    const p = files.path('huge.bin');
    const fd = fs.openSync(p, 'w');
    try {
      fs.ftruncateSync(fd, 2 ** 31 * 8); // sparse: no block is written
    } finally {
      fs.closeSync(fd);
    }
    const a = memmap(p, { dtype: '<f8', mode: 'r' });
    expect(a.shape).toEqual([2 ** 31]);
    expect(() => correlate(a, [1, 2])).toThrow(/inputs of 2147483648 and 2 items .* more than the 2147483647/);
    expect(() => convolve(a, [1, 2], 'valid')).toThrow(RangeError);
    fs.rmSync(p);
  });
});
