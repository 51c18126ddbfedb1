// NumPy's own numpy/lib/tests/test_function_base.py (NumPy 2.4): the methods of
// TestPercentile, TestQuantile and TestMedian that test_function_base_stats.test.ts
// (a condensed port of those classes) does not hold, ported test by test: same
// names, same intent, the same values, shapes, dtypes and errors.
//
// Mapping: np.percentile(a, q, axis, out, overwrite_input, method=, keepdims=) ->
// percentile(a, q, { axis, out, overwriteInput, method, keepdims }) (quantile, median the same);
// a Python list argument -> np.array of it; np.float64(50) / np.float32(50)
// (a strong q) -> a 0-d float64 / float32 array, a Python number q stays a
// number (weak); np.typecodes['AllInteger'] -> 'bBhHiIlLqQ', ['Float'] -> 'efd'
// (no long double); np.random -> the suite's seeded generator; `np.isscalar(r)`
// -> r is 0-d (results here are arrays); assert_array_almost_equal_nulp(x, y) ->
// |x - y| <= spacing(max(|x|, |y|)) in the result's dtype, as numpy.testing does.
//
// Skipped (not counted as passing):
// - every `weights=` parametrization and test: they are in
//   test_function_base-quantile-weights.test.ts;
// - Fraction, object ('O') and longdouble inputs (test_percentile_gh_29003_Fraction,
//   test_quantile_gh_29003_Fraction, test_weibull_fraction, the 'O' and 'g' rows);
//   datetime/NaT (test_nat_basic, TestMedian.test_nat_behavior); subclasses.
import {
  arange, AxisError, average, dstack, dtype, empty, full, greaterEqual, linspace, median, min, max, moveaxis,
  NdArray, ones, percentile, quantile, sort, subtract, ValueError, zeros, mean,
} from '../../lib';
import { arr, vals } from '../helpers/np-port';
import { assertAllclose, assertAlmostEqual, assertEqual } from '../helpers/np-assert';
import { rng } from '../helpers/bytes';

const QUANTILE_METHODS = [
  'inverted_cdf', 'averaged_inverted_cdf', 'closest_observation', 'interpolated_inverted_cdf', 'hazen', 'weibull', 'linear',
  'median_unbiased', 'normal_unbiased', 'nearest', 'lower', 'higher', 'midpoint',
] as const;
const INTERPOLATING_METHODS = [
  'averaged_inverted_cdf', 'interpolated_inverted_cdf', 'hazen', 'weibull', 'linear', 'median_unbiased', 'normal_unbiased', 'midpoint',
] as const;
type Method = (typeof QUANTILE_METHODS)[number];
const ALL_INTEGER = ['b', 'B', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q'];
const FLOAT = ['e', 'f', 'd'];

/** The random floats np.random.rand/normal give the tests, from the suite's seeded generator. */
function randomArray(shape: number[], seed: number): NdArray {
  const r = rng(seed);
  const n = shape.reduce((p, x) => p * x, 1);
  return arr(Array.from({ length: n }, () => r() * 2 - 1), 'f8').reshape(shape);
}

/** np.random.shuffle of arange(n) (a permutation from the seeded generator). */
function shuffledArange(n: number, seed: number): number[] {
  const r = rng(seed);
  const v = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [v[i], v[j]] = [v[j], v[i]];
  }
  return v;
}

/** numpy.testing.assert_array_almost_equal_nulp(x, y, nulp=1) for a 0-d result of a float dtype. */
function assertNulp(x: NdArray, y: number, nulp = 1): void {
  const mant: Record<string, number> = { e: 10, f: 23, d: 52 };
  const m = mant[x.dtype.char];
  const a = Number(x.get());
  const big = Math.max(Math.abs(a), Math.abs(y));
  const spacing = big === 0 ? 0 : 2 ** (Math.floor(Math.log2(big)) - m);
  if (!(Math.abs(a - y) <= nulp * spacing)) throw new Error(`${a} and ${y} differ by more than ${nulp} ulp`);
}

describe('TestPercentile', () => {
  // H_F_TYPE_CODES without longdouble and object: the integer codes give float64.
  const hfTypeCodes: [string, string][] = [...ALL_INTEGER.map((c): [string, string] => [c, 'd']), ['e', 'e'], ['f', 'f'], ['d', 'd']];
  const hfMethods: [Method, number][] = [
    ['inverted_cdf', 20], ['averaged_inverted_cdf', 27.5], ['closest_observation', 20], ['interpolated_inverted_cdf', 20],
    ['hazen', 27.5], ['weibull', 26], ['linear', 29], ['median_unbiased', 27], ['normal_unbiased', 27.125],
  ];
  for (const [fname, fn, q] of [['quantile', quantile, 0.4], ['percentile', percentile, 40.0]] as const) {
    test.each(hfTypeCodes)(`test_linear_interpolation[${fname}-%s-%s]`, (inputDtype, expectedDtype) => {
      for (const [method, expected] of hfMethods) {
        const a = arr([15.0, 20.0, 35.0, 40.0, 50.0], 'f8').astype(inputDtype);
        const actual = fn(a, q, { method });
        // expected_dtype.type(expected): the value rounded to the expected dtype.
        const want = Number(full([], expected, expectedDtype).get());
        assertNulp(actual.astype(expectedDtype), want);
        if (method === 'inverted_cdf' || method === 'closest_observation') expect(actual.dtype.str).toBe(dtype(inputDtype).str);
        else expect(actual.dtype.str).toBe(dtype(expectedDtype).str);
      }
    });
  }

  const TYPE_CODES = [...ALL_INTEGER, ...FLOAT];

  test.each(TYPE_CODES)('test_lower_higher[%s]', (c) => {
    assertEqual(percentile(arange(10, c), 50, { method: 'lower' }), 4);
    assertEqual(percentile(arange(10, c), 50, { method: 'higher' }), 5);
  });

  test.each(TYPE_CODES)('test_midpoint[%s]', (c) => {
    assertEqual(percentile(arange(10, c), 51, { method: 'midpoint' }), 4.5);
    assertEqual(percentile(arange(9, c).add(1), 50, { method: 'midpoint' }), 5);
    assertEqual(percentile(arange(11, c), 51, { method: 'midpoint' }), 5.5);
    assertEqual(percentile(arange(11, c), 50, { method: 'midpoint' }), 5);
  });

  test.each(TYPE_CODES)('test_nearest[%s]', (c) => {
    assertEqual(percentile(arange(10, c), 51, { method: 'nearest' }), 5);
    assertEqual(percentile(arange(10, c), 49, { method: 'nearest' }), 4);
  });

  test('test_linear_interpolation_extrapolation', () => {
    const a = randomArray([5], 1).multiply(0.5).add(0.5);
    assertEqual(percentile(a, 100), max(a));
    assertEqual(percentile(a, 0), min(a));
  });

  test('test_scalar_q', () => {
    // test for no empty dimensions for compatibility with old percentile
    let x = arange(12).reshape(3, 4);
    assertEqual(percentile(x, 50), 5.5);
    expect(percentile(x, 50).ndim).toBe(0);
    let r0 = [4, 5, 6, 7];
    assertEqual(percentile(x, 50, { axis: 0 }), r0);
    expect(percentile(x, 50, { axis: 0 }).shape).toEqual([4]);
    let r1 = [1.5, 5.5, 9.5];
    assertAlmostEqual(percentile(x, 50, { axis: 1 }), r1);
    expect(percentile(x, 50, { axis: 1 }).shape).toEqual([3]);

    let out: NdArray = empty(1);
    assertEqual(percentile(x, 50, { out }), 5.5);
    assertEqual(out, 5.5);
    out = empty(4);
    assertEqual(percentile(x, 50, { axis: 0, out }), r0);
    assertEqual(out, r0);
    out = empty(3);
    assertEqual(percentile(x, 50, { axis: 1, out }), r1);
    assertEqual(out, r1);

    // test for no empty dimensions for compatibility with old percentile
    x = arange(12).reshape(3, 4);
    assertEqual(percentile(x, 50, { method: 'lower' }), 5);
    expect(percentile(x, 50).ndim).toBe(0);
    r0 = [4, 5, 6, 7];
    const c0 = percentile(x, 50, { method: 'lower', axis: 0 });
    assertEqual(c0, r0);
    expect(c0.shape).toEqual([4]);
    r1 = [1, 5, 9];
    const c1 = percentile(x, 50, { method: 'lower', axis: 1 });
    assertAlmostEqual(c1, r1);
    expect(c1.shape).toEqual([3]);

    out = empty([], x.dtype);
    let c = percentile(x, 50, { method: 'lower', out });
    assertEqual(c, 5);
    assertEqual(out, 5);
    out = empty(4, x.dtype);
    c = percentile(x, 50, { method: 'lower', axis: 0, out });
    assertEqual(c, r0);
    assertEqual(out, r0);
    out = empty(3, x.dtype);
    c = percentile(x, 50, { method: 'lower', axis: 1, out });
    assertEqual(c, r1);
    assertEqual(out, r1);
  });

  test('test_exception', () => {
    expect(() => percentile(arr([1, 2]), 56, { method: 'foobar' as Method })).toThrow(ValueError);
    expect(() => percentile(arr([1]), 101)).toThrow(ValueError);
    expect(() => percentile(arr([1]), -1)).toThrow(ValueError);
    expect(() => percentile(arr([1]), [...Array(50).keys(), 101])).toThrow(ValueError);
    expect(() => percentile(arr([1]), [...Array(50).keys(), -0.1])).toThrow(ValueError);
  });

  test('test_percentile_list', () => {
    assertEqual(percentile(arr([1, 2, 3]), 0), 1);
  });

  test('test_percentile_out', () => {
    let x = arr([1, 2, 3]);
    let y = zeros([3], 'f8');
    const p = [1, 2, 3];
    let r = percentile(x, p, { out: y });
    expect(r).toBe(y);
    assertEqual(percentile(x, p), y);

    x = arr([[1, 2, 3], [4, 5, 6]]);
    y = zeros([3, 3], 'f8');
    r = percentile(x, p, { axis: 0, out: y });
    expect(r).toBe(y);
    assertEqual(percentile(x, p, { axis: 0 }), y);

    y = zeros([3, 2], 'f8');
    percentile(x, p, { axis: 1, out: y });
    assertEqual(percentile(x, p, { axis: 1 }), y);

    x = arange(12).reshape(3, 4);
    // q.dim > 1, float
    let r0 = [[2, 3, 4, 5], [4, 5, 6, 7]];
    let out: NdArray = empty([2, 4], 'f8');
    assertEqual(percentile(x, [25, 50], { axis: 0, out }), r0);
    assertEqual(out, r0);
    let r1 = [[0.75, 4.75, 8.75], [1.5, 5.5, 9.5]];
    out = empty([2, 3]);
    assertEqual(percentile(x, [25, 50], { axis: 1, out }), r1);
    assertEqual(out, r1);

    // q.dim > 1, int
    r0 = [[0, 1, 2, 3], [4, 5, 6, 7]];
    out = empty([2, 4], x.dtype);
    let c = percentile(x, [25, 50], { method: 'lower', axis: 0, out });
    assertEqual(c, r0);
    assertEqual(out, r0);
    r1 = [[0, 4, 8], [1, 5, 9]];
    out = empty([2, 3], x.dtype);
    c = percentile(x, [25, 50], { method: 'lower', axis: 1, out });
    assertEqual(c, r1);
    assertEqual(out, r1);
  });

  test('test_percentile_empty_dim', () => {
    // empty dims are preserved
    const d = arange(11 * 2).reshape(11, 1, 2, 1);
    expect(percentile(d, 50, { axis: 0 }).shape).toEqual([1, 2, 1]);
    expect(percentile(d, 50, { axis: 1 }).shape).toEqual([11, 2, 1]);
    expect(percentile(d, 50, { axis: 2 }).shape).toEqual([11, 1, 1]);
    expect(percentile(d, 50, { axis: 3 }).shape).toEqual([11, 1, 2]);
    expect(percentile(d, 50, { axis: -1 }).shape).toEqual([11, 1, 2]);
    expect(percentile(d, 50, { axis: -2 }).shape).toEqual([11, 1, 1]);
    expect(percentile(d, 50, { axis: -3 }).shape).toEqual([11, 2, 1]);
    expect(percentile(d, 50, { axis: -4 }).shape).toEqual([1, 2, 1]);

    expect(percentile(d, 50, { axis: 2, method: 'midpoint' }).shape).toEqual([11, 1, 1]);
    expect(percentile(d, 50, { axis: -2, method: 'midpoint' }).shape).toEqual([11, 1, 1]);

    expect(percentile(d, [10, 50], { axis: 0 }).shape).toEqual([2, 1, 2, 1]);
    expect(percentile(d, [10, 50], { axis: 1 }).shape).toEqual([2, 11, 2, 1]);
    expect(percentile(d, [10, 50], { axis: 2 }).shape).toEqual([2, 11, 1, 1]);
    expect(percentile(d, [10, 50], { axis: 3 }).shape).toEqual([2, 11, 1, 2]);
  });

  test('test_percentile_no_overwrite', () => {
    let a = arr([2, 3, 4, 1]);
    percentile(a, [50], { overwriteInput: false });
    assertEqual(a, [2, 3, 4, 1]);

    a = arr([2, 3, 4, 1]);
    percentile(a, [50]);
    assertEqual(a, [2, 3, 4, 1]);
  });

  test('test_percentile_overwrite', () => {
    const a = arr([2, 3, 4, 1]);
    let b = percentile(a, [50], { overwriteInput: true });
    assertEqual(b, [2.5]);
    b = percentile(arr([2, 3, 4, 1]), [50], { overwriteInput: true });
    assertEqual(b, [2.5]);
  });

  test('test_no_p_overwrite', () => {
    let p = linspace(0, 100, 5);
    percentile(arange(100).astype('f8'), p, { method: 'midpoint' });
    assertEqual(p, linspace(0, 100, 5));
    const pl = vals(linspace(0, 100, 5)) as number[];
    percentile(arange(100).astype('f8'), pl, { method: 'midpoint' });
    assertEqual(pl, vals(linspace(0, 100, 5)));
    p = linspace(0, 100, 5);
    expect(p.size).toBe(5);
  });

  test('test_extended_axis', () => {
    const o = randomArray([71, 23], 2);
    let x = dstack(Array(10).fill(o));
    assertEqual(percentile(x, 30, { axis: [0, 1] }), percentile(o, 30));
    x = moveaxis(x, -1, 0);
    assertEqual(percentile(x, 30, { axis: [-2, -1] }), percentile(o, 30));
    x = x.swapaxes(0, 1).copy();
    assertEqual(percentile(x, 30, { axis: [0, -1] }), percentile(o, 30));
    x = x.swapaxes(0, 1).copy();

    assertEqual(percentile(x, [25, 60], { axis: [0, 1, 2] }), percentile(x, [25, 60], { axis: null }));
    assertEqual(percentile(x, [25, 60], { axis: [0] }), percentile(x, [25, 60], { axis: 0 }));

    const d = arr(shuffledArange(3 * 5 * 7 * 11, 3)).reshape(3, 5, 7, 11);
    assertEqual(percentile(d, 25, { axis: [0, 1, 2] }).index('0'), percentile(d.index(':, :, :, 0').ravel(), 25));
    assertEqual(percentile(d, [10, 90], { axis: [0, 1, 3] }).index(':, 1'), percentile(d.index(':, :, 1, :').ravel(), [10, 90]));
    assertEqual(percentile(d, 25, { axis: [3, 1, -4] }).index('2'), percentile(d.index(':, :, 2, :').ravel(), 25));
    assertEqual(percentile(d, 25, { axis: [3, 1, 2] }).index('2'), percentile(d.index('2, :, :, :').ravel(), 25));
    assertEqual(percentile(d, 25, { axis: [3, 2] }).index('2, 1'), percentile(d.index('2, 1, :, :').ravel(), 25));
    assertEqual(percentile(d, 25, { axis: [1, -2] }).index('2, 1'), percentile(d.index('2, :, :, 1').ravel(), 25));
    assertEqual(percentile(d, 25, { axis: [1, 3] }).index('2, 2'), percentile(d.index('2, :, 2, :').ravel(), 25));
  });

  test('test_extended_axis_invalid', () => {
    const d = ones([3, 5, 7, 11]);
    expect(() => percentile(d, 25, { axis: -5 })).toThrow(AxisError);
    expect(() => percentile(d, 25, { axis: [0, -5] })).toThrow(AxisError);
    expect(() => percentile(d, 25, { axis: 4 })).toThrow(AxisError);
    expect(() => percentile(d, 25, { axis: [0, 4] })).toThrow(AxisError);
    // each of these refers to the same axis twice
    expect(() => percentile(d, 25, { axis: [1, 1] })).toThrow(ValueError);
    expect(() => percentile(d, 25, { axis: [-1, -1] })).toThrow(ValueError);
    expect(() => percentile(d, 25, { axis: [3, -1] })).toThrow(ValueError);
  });

  const keepdimsAxes: (number | number[] | null)[] = [null, 1, [1], [0, 1], [-3, -1]];
  for (const q of [7, [1, 7]]) {
    test.each(keepdimsAxes.map((a) => [a]))(`test_keepdims_out[q=${JSON.stringify(q)}-axis=%j]`, (axis) => {
      const d = ones([3, 5, 7, 11]);
      let shapeOut: number[];
      if (axis === null) shapeOut = [1, 1, 1, 1];
      else {
        const norm = (Array.isArray(axis) ? axis : [axis]).map((x) => (x < 0 ? x + 4 : x));
        shapeOut = d.shape.map((n, i) => (norm.includes(i) ? 1 : n));
      }
      shapeOut = [...(Array.isArray(q) ? [q.length] : []), ...shapeOut];
      const out = empty(shapeOut);
      const result = percentile(d, q, { axis, keepdims: true, out });
      expect(result).toBe(out);
      expect(result.shape).toEqual(shapeOut);
    });
  }

  test('test_out', () => {
    let o = zeros([4]);
    const d = ones([3, 4]);
    assertEqual(percentile(d, 0, { axis: 0, out: o }), o);
    assertEqual(percentile(d, 0, { axis: 0, method: 'nearest', out: o }), o);
    o = zeros([3]);
    assertEqual(percentile(d, 1, { axis: 1, out: o }), o);
    assertEqual(percentile(d, 1, { axis: 1, method: 'nearest', out: o }), o);
    o = zeros([]);
    assertEqual(percentile(d, 2, { out: o }), o);
    assertEqual(percentile(d, 2, { method: 'nearest', out: o }), o);
  });

  test.each(['linear', 'nearest', 'inverted_cdf'] as Method[])('test_out_nan[%s]', (method) => {
    let o = zeros([4]);
    const d = ones([3, 4]);
    d.set('2, 1', NaN);
    assertEqual(percentile(d, 0, { axis: 0, out: o, method }), o);
    o = zeros([3]);
    assertEqual(percentile(d, 1, { axis: 1, out: o, method }), o);
    o = zeros([]);
    assertEqual(percentile(d, 1, { out: o, method }), o);
  });

  test('test_nan_q', () => {
    // GH18830
    expect(() => percentile(arr([1, 2, 3, 4.0]), NaN)).toThrow(/Percentiles must be in/);
    expect(() => percentile(arr([1, 2, 3, 4.0]), [NaN])).toThrow(/Percentiles must be in/);
    const q = linspace(1.0, 99.0, 16);
    q.set('0', NaN);
    expect(() => percentile(arr([1, 2, 3, 4.0]), q)).toThrow(/Percentiles must be in/);
  });

  for (const qtype of ['e', 'f']) {
    test.each([...QUANTILE_METHODS])(`test_percentile_gh_29003[${qtype}-%s]`, (method) => {
      // test that with float16 or float32 input we do not get overflow
      const a = zeros(65521, qtype);
      a.set(':20000', 1);
      let z = percentile(a, 50, { method });
      assertEqual(z, 0);
      expect(z.dtype.str).toBe(a.dtype.str);
      z = percentile(a, 99, { method });
      assertEqual(z, 1);
      expect(z.dtype.str).toBe(a.dtype.str);
    });
  }

  for (const q of [50, 10.0]) {
    test.each([...INTERPOLATING_METHODS])(`test_q_weak_promotion[${q}-%s]`, (method) => {
      const a = arr([1, 2, 3, 4, 5], 'f4');
      expect(percentile(a, q, { method }).dtype.str).toBe('<f4');
    });
  }

  test.each([...INTERPOLATING_METHODS])('test_q_strong_promotion[%s]', (method) => {
    const a = arr([1, 2, 3, 4, 5], 'f4');
    expect(percentile(a, arr(50, 'f8'), { method }).dtype.str).toBe('<f8');
    // Check that we don't do accidental promotion either:
    expect(percentile(a, arr(50, 'f4'), { method }).dtype.str).toBe('<f4');
  });
});

describe('TestQuantile', () => {
  const V = (x: NdArray, y: NdArray, alpha: number): NdArray => subtract(greaterEqual(x, y), alpha);

  test('test_max_ulp', () => {
    const a = quantile(arr([0.0, 0.2, 0.4]), 0.45);
    // assert_array_max_ulp(a, 0.18, maxulp=1)
    const got = Number(a.get());
    const ulp = 2 ** (Math.floor(Math.log2(0.18)) - 52);
    expect(Math.abs(got - 0.18)).toBeLessThanOrEqual(ulp);
  });

  test('test_no_p_overwrite', () => {
    const p0 = arr([0, 0.75, 0.25, 0.5, 1.0]);
    const p = p0.copy();
    quantile(arange(100).astype('f8'), p, { method: 'midpoint' });
    assertEqual(p, p0);
    const pl = [0, 0.75, 0.25, 0.5, 1.0];
    quantile(arange(100).astype('f8'), pl, { method: 'midpoint' });
    assertEqual(pl, [0, 0.75, 0.25, 0.5, 1.0]);
  });

  test.each(ALL_INTEGER)('test_quantile_preserve_int_type[%s]', (c) => {
    const res = quantile(arr([1, 2]).astype(c), [0.5], { method: 'nearest' });
    expect(res.dtype.str).toBe(dtype(c).str);
  });

  test.each([...QUANTILE_METHODS])('test_q_zero_one[%s]', (method) => {
    const q = quantile(arr([10, 11, 12]), [0, 1], { method });
    assertEqual(q, [10, 12]);
  });

  test('test_quantile_monotonic_hypo', () => {
    // hypothesis' float64 arrays of 3..1000 finite items in [-1e300, 1e300], as seeded draws.
    const r = rng(99);
    const p0 = arange(0, 1, 0.01);
    for (let k = 0; k < 30; k++) {
      const n = 3 + Math.floor(r() * 998);
      const scale = [1, 1e3, 1e150, 1e300][k % 4];
      const a = arr(Array.from({ length: n }, () => (r() * 2 - 1) * scale), 'f8');
      const q = quantile(a, p0);
      assertEqual(sort(q), q);
    }
  });

  for (const method of QUANTILE_METHODS) {
    test.each([0.2, 0.5, 0.9])(`test_quantile_identification_equation[${method}-%s]`, (alpha) => {
      const n = 102; // n * alpha = 20.4, 51. , 91.8
      const r = rng(4321);
      const y = arr(Array.from({ length: n }, () => r()), 'f8');
      const x = quantile(y, alpha, { method });
      if (method === 'higher') {
        expect(Math.abs(Number(mean(V(x, y, alpha)).get()))).toBeGreaterThan(0.1 / n);
      } else if (Math.trunc(n * alpha) === n * alpha) {
        assertAllclose(average(V(x, y, alpha)), 0, 1e-7, 1e-14);
      } else {
        assertAllclose(average(V(x, y, alpha)), 0, 1e-7, 1 / n / Math.min(alpha, 1 - alpha));
      }
    });

    test.each([0.2, 0.5, 0.9])(`test_quantile_add_and_multiply_constant[${method}-%s]`, (alpha) => {
      const n = 102; // n * alpha = 20.4, 51. , 91.8
      const r = rng(4321);
      const y = arr(Array.from({ length: n }, () => r()), 'f8');
      let q = quantile(y, alpha, { method });
      const c = 13.5;
      assertAllclose(quantile(y.add(c), alpha, { method }), q.add(c));
      assertAllclose(quantile(y.multiply(c), alpha, { method }), q.multiply(c));
      q = quantile(y.negative(), 1 - alpha, { method }).negative();
      const qa = (al: number, m: Method): NdArray => quantile(y, al, { method: m });
      const na = n * alpha;
      if (method === 'inverted_cdf') {
        if (na === Math.trunc(na) || Math.round(na) === Math.trunc(na) + 1) assertAllclose(q, qa(alpha, 'higher'));
        else assertAllclose(q, qa(alpha, 'lower'));
      } else if (method === 'closest_observation') {
        if (na === Math.trunc(na)) assertAllclose(q, qa(alpha, 'higher'));
        else if (Math.round(na) === Math.trunc(na) + 1) assertAllclose(q, qa(alpha + 1 / n, 'higher'));
        else assertAllclose(q, qa(alpha, 'lower'));
      } else if (method === 'interpolated_inverted_cdf') {
        assertAllclose(q, qa(alpha + 1 / n, method));
      } else if (method === 'nearest') {
        if (na === Math.trunc(na)) assertAllclose(q, qa(alpha + 1 / n, method));
        else assertAllclose(q, qa(alpha, method));
      } else if (method === 'lower') {
        assertAllclose(q, qa(alpha, 'higher'));
      } else if (method === 'higher') {
        assertAllclose(q, qa(alpha, 'lower'));
      } else {
        assertAllclose(q, qa(alpha, method));
      }
    });
  }

  test('test_float16_gh_29003', () => {
    const a = arange(50001, 'e');
    const q = 0.999;
    const value = quantile(a, q);
    // value == q * 50_000: a float16 against a Python float, which NumPy 2 (NEP 50) casts to float16 first
    expect(Number(value.get())).toBe(Number(full([], q * 50000, 'e').get()));
    expect(value.dtype.str).toBe('<f2');
  });

  for (const q of [0.5, 1]) {
    test.each([...INTERPOLATING_METHODS])(`test_q_weak_promotion[${q}-%s]`, (method) => {
      const a = arr([1, 2, 3, 4, 5], 'f4');
      expect(quantile(a, q, { method }).dtype.str).toBe('<f4');
    });
  }

  test.each([...INTERPOLATING_METHODS])('test_q_strong_promotion[%s]', (method) => {
    const a = arr([1, 2, 3, 4, 5], 'f4');
    expect(quantile(a, arr(0.5, 'f8'), { method }).dtype.str).toBe('<f8');
    expect(quantile(a, arr(0.5, 'f4'), { method }).dtype.str).toBe('<f4');
  });
});

describe('TestMedian', () => {
  test('test_overwrite_keyword', () => {
    const a3 = arr([[2, 3], [0, 1], [6, 7], [4, 5]]);
    const a0 = arr(1);
    const a1 = arange(2);
    const a2 = arange(6).reshape(2, 3);
    assertAllclose(median(a0.copy(), { overwriteInput: true }), 1);
    assertAllclose(median(a1.copy(), { overwriteInput: true }), 0.5);
    assertAllclose(median(a2.copy(), { overwriteInput: true }), 2.5);
    assertAllclose(median(a2.copy(), { overwriteInput: true, axis: 0 }), [1.5, 2.5, 3.5]);
    assertAllclose(median(a2.copy(), { overwriteInput: true, axis: 1 }), [1, 4]);
    assertAllclose(median(a2.copy(), { overwriteInput: true, axis: null }), 2.5);
    assertAllclose(median(a3.copy(), { overwriteInput: true, axis: 0 }), [3, 4]);
    assertAllclose(median(a3.T.copy(), { overwriteInput: true, axis: 1 }), [3, 4]);

    const a4 = arr(shuffledArange(3 * 4 * 5, 6), 'f4').reshape(3, 4, 5);
    assertAllclose(median(a4, { axis: null }), median(a4.copy(), { axis: null, overwriteInput: true }));
    assertAllclose(median(a4, { axis: 0 }), median(a4.copy(), { axis: 0, overwriteInput: true }));
    assertAllclose(median(a4, { axis: 1 }), median(a4.copy(), { axis: 1, overwriteInput: true }));
    assertAllclose(median(a4, { axis: 2 }), median(a4.copy(), { axis: 2, overwriteInput: true }));
  });

  test('test_array_like', () => {
    const x = [1, 2, 3];
    assertAlmostEqual(median(arr(x)), 2);
    const x2 = [x];
    assertAlmostEqual(median(arr(x2)), 2);
    assertAllclose(median(arr(x2), { axis: 0 }), x);
  });

  test('test_out', () => {
    let o = zeros([4]);
    const d = ones([3, 4]);
    assertEqual(median(d, { axis: 0, out: o }), o);
    o = zeros([3]);
    assertEqual(median(d, { axis: 1, out: o }), o);
    o = zeros([]);
    assertEqual(median(d, { out: o }), o);
  });

  test('test_out_nan', () => {
    let o = zeros([4]);
    const d = ones([3, 4]);
    d.set('2, 1', NaN);
    assertEqual(median(d, { axis: 0, out: o }), o);
    o = zeros([3]);
    assertEqual(median(d, { axis: 1, out: o }), o);
    o = zeros([]);
    assertEqual(median(d, { out: o }), o);
  });

  test('test_extended_axis', () => {
    const o = randomArray([71, 23], 4);
    let x = dstack(Array(10).fill(o));
    assertEqual(median(x, { axis: [0, 1] }), median(o));
    x = moveaxis(x, -1, 0);
    assertEqual(median(x, { axis: [-2, -1] }), median(o));
    x = x.swapaxes(0, 1).copy();
    assertEqual(median(x, { axis: [0, -1] }), median(o));

    assertEqual(median(x, { axis: [0, 1, 2] }), median(x, { axis: null }));
    assertEqual(median(x, { axis: [0] }), median(x, { axis: 0 }));
    assertEqual(median(x, { axis: [-1] }), median(x, { axis: -1 }));

    const d = arr(shuffledArange(3 * 5 * 7 * 11, 5)).reshape(3, 5, 7, 11);
    assertEqual(median(d, { axis: [0, 1, 2] }).index('0'), median(d.index(':, :, :, 0').ravel()));
    assertEqual(median(d, { axis: [0, 1, 3] }).index('1'), median(d.index(':, :, 1, :').ravel()));
    assertEqual(median(d, { axis: [3, 1, -4] }).index('2'), median(d.index(':, :, 2, :').ravel()));
    assertEqual(median(d, { axis: [3, 1, 2] }).index('2'), median(d.index('2, :, :, :').ravel()));
    assertEqual(median(d, { axis: [3, 2] }).index('2, 1'), median(d.index('2, 1, :, :').ravel()));
    assertEqual(median(d, { axis: [1, -2] }).index('2, 1'), median(d.index('2, :, :, 1').ravel()));
    assertEqual(median(d, { axis: [1, 3] }).index('2, 2'), median(d.index('2, :, 2, :').ravel()));
  });

  test('test_extended_axis_invalid', () => {
    const d = ones([3, 5, 7, 11]);
    expect(() => median(d, { axis: -5 })).toThrow(AxisError);
    expect(() => median(d, { axis: [0, -5] })).toThrow(AxisError);
    expect(() => median(d, { axis: 4 })).toThrow(AxisError);
    expect(() => median(d, { axis: [0, 4] })).toThrow(AxisError);
    expect(() => median(d, { axis: [1, 1] })).toThrow(ValueError);
  });

  test.each([[null], [1], [[1]], [[0, 1]], [[-3, -1]]] as (number | number[] | null)[][])('test_keepdims_out[%j]', (axis) => {
    const d = ones([3, 5, 7, 11]);
    let shapeOut: number[];
    if (axis === null) shapeOut = [1, 1, 1, 1];
    else {
      const norm = (Array.isArray(axis) ? axis : [axis]).map((x) => (x < 0 ? x + 4 : x));
      shapeOut = d.shape.map((n, i) => (norm.includes(i) ? 1 : n));
    }
    const out = empty(shapeOut);
    const result = median(d, { axis, keepdims: true, out });
    expect(result).toBe(out);
    expect(result.shape).toEqual(shapeOut);
  });
});
