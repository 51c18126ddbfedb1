// logspace and geomspace against NumPy 2: dtype, shape, errors and integer
// results exactly, float values to 2 ulp (the library's float power is
// within 1 ulp of correctly rounded, README "Accuracy of exp, log and
// power"; NumPy's is the C library's); bases, endpoint,
// dtypes, negative and complex geomspace, exact end points, errors; and the
// ported TestLogspace/TestGeomspace cases (_core/tests/test_function_base.py).
import { logspace, geomspace } from '../lib/logspace';
import '../lib';
import { ValueError } from '../lib/errors';
import { describeWithNumpy } from './helpers/numpy';
import { jsOutcome, numpyOutcomes, type Case, type Outcome } from './helpers/np-compare';

/** The items of an outcome's hex as numbers (floats as float64 or float32, complex as their parts, ints as numbers). */
function itemsOf(o: Outcome): number[] {
  const b = Buffer.from(o.hex ?? '', 'hex');
  const dt = o.dtype ?? '';
  const ab = b.buffer.slice(b.byteOffset, b.byteOffset + b.length);
  if (dt.endsWith('f8') || dt.endsWith('c16')) return [...new Float64Array(ab)];
  if (dt.endsWith('f4') || dt.endsWith('c8')) return [...new Float32Array(ab)];
  if (dt.endsWith('i8')) return [...new BigInt64Array(ab)].map(Number);
  if (dt.endsWith('i4')) return [...new Int32Array(ab)];
  throw new Error(`no reader for ${dt}`);
}

/** How many float64 (or float32) steps apart a and b are. */
function ulps(a: number, b: number, f32: boolean): number {
  if (Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b))) return 0;
  const ta = f32 ? new Float32Array([a]) : new Float64Array([a]);
  const tb = f32 ? new Float32Array([b]) : new Float64Array([b]);
  // The bit patterns' difference in BigInt: as numbers, float64 patterns past 2^53 lost their low bits.
  const ia = f32 ? BigInt(new Int32Array(ta.buffer)[0]) : new BigInt64Array(ta.buffer)[0];
  const ib = f32 ? BigInt(new Int32Array(tb.buffer)[0]) : new BigInt64Array(tb.buffer)[0];
  return Math.sign(a) !== Math.sign(b) ? Infinity : Number(ia > ib ? ia - ib : ib - ia);
}

function expectWithinUlps(cases: Case[], maxUlps: number): void {
  const want = numpyOutcomes(cases);
  const bad: unknown[] = [];
  cases.forEach((c, i) => {
    const w = want[i];
    const g = jsOutcome(c);
    let ok = w.error === g.error && w.message === g.message && w.dtype === g.dtype && JSON.stringify(w.shape) === JSON.stringify(g.shape);
    if (ok && w.hex !== undefined && w.hex !== g.hex) {
      const f32 = /[fc](4|8)$/.test(w.dtype ?? '') && !/(f8|c16)$/.test(w.dtype ?? '');
      const ints = /i\d$/.test(w.dtype ?? '');
      const x = itemsOf(w);
      const y = itemsOf(g);
      // Complex parts 4: NumPy's vector complex product (geomspace's `result *= out_sign`) fuses
      // a multiply and an add (FMA), the library's rounds each step (README, after "Accuracy of exp, log and power").
      const limit = /c(8|16)$/.test(w.dtype ?? '') ? Math.max(maxUlps, 4) : maxUlps;
      ok = !ints && x.length === y.length && x.every((v, k) => ulps(v, y[k], f32) <= limit);
    }
    if (!ok) bad.push({ py: c.py, want: w, got: g });
  });
  expect(bad.slice(0, 5)).toEqual([]);
}

describeWithNumpy('logspace and geomspace against NumPy', () => {
  test('values, dtypes and errors', () => {
    const cases: Case[] = [];
    for (const [a, b] of [[0, 3], [-2.5, 4.25], [1.1, -0.7], [3, 3]]) {
      for (const num of [0, 1, 2, 7, 50]) {
        cases.push({ py: `np.logspace(${a}, ${b}, ${num})`, js: () => logspace(a, b, num) });
        cases.push({ py: `np.logspace(${a}, ${b}, ${num}, endpoint=False, base=2.0)`, js: () => logspace(a, b, num, { endpoint: false, base: 2 }) });
        cases.push({ py: `np.logspace(${a}, ${b}, ${num}, base=1.7, dtype='i4')`, js: () => logspace(a, b, num, { base: 1.7, dtype: '<i4' }) });
      }
    }
    for (const [a, b] of [[1, 1000], [2, 7.5], [-1000, -1], [1e-3, 1e5], [0.3, 0.3], [6, 1]]) {
      for (const num of [0, 1, 2, 4, 33]) {
        cases.push({ py: `np.geomspace(${a}, ${b}, ${num})`, js: () => geomspace(a, b, num) });
        cases.push({ py: `np.geomspace(${a}, ${b}, ${num}, endpoint=False)`, js: () => geomspace(a, b, num, { endpoint: false }) });
        cases.push({ py: `np.geomspace(${a}, ${b}, ${num}, dtype='f4')`, js: () => geomspace(a, b, num, { dtype: '<f4' }) });
        cases.push({ py: `np.geomspace(${a}, ${b}, ${num}, dtype='i8')`, js: () => geomspace(a, b, num, { dtype: '<i8' }) });
      }
    }
    cases.push({ py: `np.geomspace(1j, 16j, 5)`, js: () => geomspace({ re: 0, im: 1 }, { re: 0, im: 16 }, 5) });
    cases.push({ py: `np.geomspace(-1, 1j, 7)`, js: () => geomspace(-1, { re: 0, im: 1 }, 7) });
    cases.push({ py: `np.geomspace(3 + 4j, -2 - 1j, 6, endpoint=False)`, js: () => geomspace({ re: 3, im: 4 }, { re: -2, im: -1 }, 6, { endpoint: false }) });
    cases.push({ py: `np.geomspace(-1, 100, 5)`, js: () => geomspace(-1, 100, 5) });
    cases.push({ py: `np.geomspace(1, 100, 5, dtype=complex)`, js: () => geomspace(1, 100, 5, { dtype: '<c16' }) });
    cases.push({ py: `np.geomspace(0, 10, 3)`, js: () => geomspace(0, 10, 3) });
    cases.push({ py: `np.geomspace(2, 0j, 3)`, js: () => geomspace(2, { re: 0, im: 0 }, 3) });
    cases.push({ py: `np.geomspace(1, 10, -1)`, js: () => geomspace(1, 10, -1) });
    cases.push({ py: `np.logspace(1, 10, -1)`, js: () => logspace(1, 10, -1) });
    cases.push({ py: `np.logspace(0, 2, 3, axis=1)`, js: () => logspace(0, 2, 3, { axis: 1 }) });
    expectWithinUlps(cases, 2);
  });
});

describe('logspace (NumPy TestLogspace) and geomspace (TestGeomspace)', () => {
  test('logspace basic', () => {
    expect(logspace(0, 6).size).toBe(50);
    expect(logspace(0, 6, 100).size).toBe(100);
    expect(logspace(0, 6, 7).toArray()).toEqual([1, 10, 100, 1e3, 1e4, 1e5, 1e6]);
  });
  test('logspace base and dtype', () => {
    expect(logspace(0, 2, 3, { base: 2 }).toArray()).toEqual([1, 2, 4]);
    expect(logspace(0, 6, 7, { dtype: '<f4' }).dtype.str).toBe('<f4');
    expect(logspace(0, 6, 7, { dtype: '<i8' }).toArray()).toEqual([1n, 10n, 100n, 1000n, 10000n, 100000n, 1000000n]);
  });
  test('geomspace basic, negative, exact ends', () => {
    expect(geomspace(1, 1e6, 7).toArray()).toEqual([1, 10, 100, 1e3, 1e4, 1e5, 1e6]);
    expect(geomspace(-1, -1e6, 7).toArray()).toEqual([-1, -10, -100, -1e3, -1e4, -1e5, -1e6]);
    const y = geomspace(1, 1e6, 3, { endpoint: false }).toArray() as number[];
    expect(y[0]).toBe(1);
    expect(y[1]).toBeCloseTo(100, 10);
    for (const [a, b] of [[0.3, 20.3], [3, 7], [7.9, 0.4]]) {
      const r = geomspace(a, b, 11).toArray() as number[];
      expect(r[0]).toBe(a);
      expect(r[10]).toBe(b);
    }
  });
  test('geomspace refuses zero', () => {
    expect(() => geomspace(0, 10)).toThrow(new ValueError('Geometric sequence cannot include zero'));
    expect(() => geomspace(10, 0)).toThrow(ValueError);
  });
});
