// NumPy's own numpy/lib/tests/test_function_base.py (NumPy 2.4): the `weights=`
// tests and parametrizations of TestPercentile and TestQuantile, which
// test_function_base-quantile.test.ts left out when quantile had no weights
// (lib/quantile-weights.ts has them now), ported test by test: same names,
// same intent, the same values, shapes, dtypes and errors.
//
// Mapping: np.quantile/np.percentile(a, q, axis, out, method=, weights=) ->
// quantile/percentile(a, q, { axis, out, method, weights }); a Python list ->
// an array of it; np.random.default_rng(4321) -> the suite's seeded generator
// (these tests check properties, not particular draws): y = rng.random(n),
// w = rng.integers(0, 10, n); assert_allclose(x, y) -> |x - y| <= 1e-7 * |y|;
// assert_array_almost_equal_nulp(x, y) -> |x - y| <= spacing in x's dtype.
// np.typecodes['AllInteger'] -> 'bBhHiIlLqQ' (no long double, no object dtype).
//
// Left out, not counted as passing:
// - the 'O' (object) rows of test_inf_zeroes_err, test_nan_err and test_linear_interpolation;
//   the longdouble row of test_linear_interpolation.
import {
  add, arange, average, greaterEqual, multiply, NdArray, ones, onesLike, percentile, quantile, repeat, subtract, ValueError, zeros, empty,
} from '../../lib';
import type { QuantileMethod } from '../../lib';
import { arr, vals } from '../helpers/np-port';
import { assertAllclose, assertEqual } from '../helpers/np-assert';
import { rng } from '../helpers/bytes';

const QUANTILE_METHODS = [
  'inverted_cdf', 'averaged_inverted_cdf', 'closest_observation', 'interpolated_inverted_cdf', 'hazen', 'weibull', 'linear',
  'median_unbiased', 'normal_unbiased', 'nearest', 'lower', 'higher', 'midpoint',
] as const;
const METHODS_SUPPORTING_WEIGHTS = ['inverted_cdf'] as const;
const num = (a: NdArray): number => Number(a.toArray() as number | bigint);

/** rng.random(n) and rng.integers(0, 10, n) of a seeded generator. */
function draws(seed: number, n: number): { y: NdArray; w: NdArray } {
  const r = rng(seed);
  const y = arr(Array.from({ length: n }, () => r()), 'f8');
  const w = arr(Array.from({ length: n }, () => Math.floor(r() * 10)), 'i8');
  return { y, w };
}

describe('TestPercentile (weights)', () => {
  const H_F: [string, string][] = [...'bBhHiIlLqQ'].map((c) => [c, 'f8'] as [string, string]).concat([['f2', 'f2'], ['f4', 'f4'], ['f8', 'f8']]);
  const cases: [string, number, string, string][] = [];
  for (const [fn, q] of [['quantile', 0.4], ['percentile', 40.0]] as const) for (const [i, e] of H_F) cases.push([fn, q, i, e]);
  test.each(cases)('test_linear_interpolation[%s-%s-inverted_cdf-weighted-%s-%s]', (fn, q, inputDtype) => {
    const a = arr([15.0, 20.0, 35.0, 40.0, 50.0], inputDtype);
    const f = fn === 'quantile' ? quantile : percentile;
    const actual = f(a, q, { method: 'inverted_cdf', weights: onesLike(a) });
    // expected 20 (exact: nulp 0 holds), in the input's dtype for inverted_cdf
    expect([num(actual), actual.dtype.name]).toEqual([20, a.dtype.name]);
  });

  test('test_percentile_out[weighted]', () => {
    const p = arr([1, 2, 3]);
    let x = arr([1, 2, 3]);
    let y = zeros([3], 'i8');
    let weights = onesLike(x);
    let r = percentile(x, p, { out: y, weights, method: 'inverted_cdf' });
    expect(r).toBe(y);
    assertEqual(percentile(x, p, { weights, method: 'inverted_cdf' }), y);

    x = arr([[1, 2, 3], [4, 5, 6]]);
    y = zeros([3, 3], 'i8');
    weights = onesLike(x);
    r = percentile(x, p, { axis: 0, out: y, weights, method: 'inverted_cdf' });
    expect(r).toBe(y);
    assertEqual(percentile(x, p, { weights, axis: 0, method: 'inverted_cdf' }), y);

    y = zeros([3, 2], 'i8');
    percentile(x, p, { axis: 1, out: y, weights, method: 'inverted_cdf' });
    assertEqual(percentile(x, p, { weights, axis: 1, method: 'inverted_cdf' }), y);

    x = arange(12).reshape(3, 4);
    // q.dim > 1
    const r0 = [[0, 1, 2, 3], [4, 5, 6, 7]];
    const out = empty([2, 4], 'i8');
    weights = onesLike(x);
    assertEqual(percentile(x, arr([25, 50]), { axis: 0, out, weights, method: 'inverted_cdf' }), r0);
    assertEqual(out, r0);
  });

  test('test_out_nan[inverted_cdf-weighted]', () => {
    const opts = { weights: ones([3, 4]), method: 'inverted_cdf' as const };
    const d = ones([3, 4]);
    d.set([2, 1], NaN);
    let o = zeros([4]);
    assertEqual(percentile(d, 0, { axis: 0, out: o, ...opts }), o);
    expect(Number.isNaN(o.get(1) as number)).toBe(true);
    o = zeros([3]);
    assertEqual(percentile(d, 1, { axis: 1, out: o, ...opts }), o);
    expect(Number.isNaN(o.get(2) as number)).toBe(true);
    o = zeros([]);
    assertEqual(percentile(d, 1, { out: o, ...opts }), o);
    expect(Number.isNaN(o.toArray() as number)).toBe(true);
  });
});

describe('TestQuantile (weights)', () => {
  const n = 102; // n * alpha = 20.4, 51., 91.8
  /** V(x, y, alpha) = (x >= y) - alpha */
  const V = (x: NdArray, y: NdArray, alpha: number): NdArray => subtract(greaterEqual(x, y).astype('f8'), alpha);

  test.each(METHODS_SUPPORTING_WEIGHTS.flatMap((m) => [0.2, 0.5, 0.9].map((a) => [m, a] as const)))(
    'test_quantile_identification_equation[weighted-%s-%s]', (method, alpha) => {
      const { y, w } = draws(4321, n);
      const x = quantile(y, alpha, { method, weights: w });
      // V = (x >= y) - alpha cannot sum to zero exactly but within "sample precision".
      const v = num(average(V(x, y, alpha), { weights: w }));
      expect(Math.abs(v)).toBeLessThanOrEqual(1 / n / Math.min(alpha, 1 - alpha));
    },
  );

  test.each(METHODS_SUPPORTING_WEIGHTS.flatMap((m) => [0.2, 0.5, 0.9].map((a) => [m, a] as const)))(
    'test_quantile_add_and_multiply_constant[weighted-%s-%s]', (method, alpha) => {
      const { y, w } = draws(4321, n);
      const q = num(quantile(y, alpha, { method, weights: w }));
      const c = 13.5;
      // 1. quantile(c + x) = c + quantile(x); 2. quantile(c * x) = c * quantile(x)
      assertAllclose(num(quantile(add(y, c), alpha, { method, weights: w })), c + q);
      assertAllclose(num(quantile(multiply(y, c), alpha, { method, weights: w })), c * q);
    },
  );

  test.each(METHODS_SUPPORTING_WEIGHTS.flatMap((m) => [0.2, 0.5, 0.9].map((a) => [m, a] as const)))(
    'test_quantile_constant_weights[%s-%s]', (method, alpha) => {
      const { y } = draws(4321, n);
      const q = num(quantile(y, alpha, { method }));
      assertAllclose(num(quantile(y, alpha, { method, weights: onesLike(y) })), q);
      assertAllclose(num(quantile(y, alpha, { method, weights: multiply(onesLike(y), 8.125) })), q);
    },
  );

  test.each(METHODS_SUPPORTING_WEIGHTS.flatMap((m) => [0, 0.2, 0.5, 0.9, 1].map((a) => [m, a] as const)))(
    'test_quantile_with_integer_weights[%s-%s]', (method, alpha) => {
      // Integer weights can be interpreted as repeated observations.
      const { y, w } = draws(4321, n);
      const w32 = w.astype('i4');
      const qw = quantile(y, alpha, { method, weights: w32 });
      const q = quantile(repeat(y, w32), alpha, { method });
      assertAllclose(qw, q);
    },
  );

  test.each(METHODS_SUPPORTING_WEIGHTS)('test_quantile_with_weights_and_axis[%s]', (method) => {
    const r = rng(4321);
    const rand = (shape: number[]): NdArray => {
      const size = shape.reduce((p, s) => p * s, 1);
      return arr(Array.from({ length: size }, () => r()), 'f8').reshape(shape);
    };
    // 1d weight and single alpha
    const y = rand([2, 10, 3]);
    let w = rand([10]);
    let q = quantile(y, 0.5, { weights: w, method, axis: 1 });
    let qRes = zeros([2, 3]);
    for (let i = 0; i < 2; i++) for (let j = 0; j < 3; j++) qRes.set([i, j], num(quantile(y.index(`${i}, :, ${j}`), 0.5, { method, weights: w })));
    assertAllclose(q, qRes);

    // 1d weight and 1d alpha
    const alphas = [0, 0.2, 0.4, 0.6, 0.8, 1]; // shape (6,)
    q = quantile(y, arr(alphas), { weights: w, method, axis: 1 });
    qRes = zeros([6, 2, 3]);
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 3; j++) qRes.index(`:, ${i}, ${j}`).set(quantile(y.index(`${i}, :, ${j}`), arr(alphas), { method, weights: w }));
    }
    assertAllclose(q, qRes);

    // 1d weight and 2d alpha
    q = quantile(y, arr([[0, 0.2], [0.4, 0.6], [0.8, 1]]), { weights: w, method, axis: 1 });
    expect(q.shape).toEqual([3, 2, 2, 3]);
    assertAllclose(q, qRes.reshape([3, 2, 2, 3]));

    // shape of weights equals shape of y
    w = rand([2, 10, 3]);
    q = quantile(y, 0.5, { weights: w, method, axis: 1 });
    qRes = zeros([2, 3]);
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 3; j++) qRes.set([i, j], num(quantile(y.index(`${i}, :, ${j}`), 0.5, { method, weights: w.index(`${i}, :, ${j}`) })));
    }
    assertAllclose(q, qRes);

    // axis is a tuple of all axes
    assertAllclose(quantile(y, 0.5, { weights: w, method, axis: [0, 1, 2] }), quantile(y, 0.5, { weights: w, method, axis: null }));

    q = quantile(y, 0.5, { weights: w, method, axis: [1, 2] });
    qRes = zeros([2]);
    for (let i = 0; i < 2; i++) qRes.set(i, num(quantile(y.index(i), 0.5, { weights: w.index(i), method })));
    assertAllclose(q, qRes);
  });

  test.each(METHODS_SUPPORTING_WEIGHTS)('test_quantile_weights_min_max[%s]', () => {
    // weighted quantile at 0 and 1 with leading and trailing zero weights
    const w = arr([0, 0, 1, 2, 3, 0]);
    const y = arange(6);
    expect(num(quantile(y, 0, { weights: w, method: 'inverted_cdf' }))).toBe(2);
    expect(num(quantile(y, 1, { weights: w, method: 'inverted_cdf' }))).toBe(4);
  });

  test('test_quantile_weights_raises_negative_weights', () => {
    const call = (): NdArray => quantile(arr([1, 2]), 0.5, { weights: arr([-0.5, 1]), method: 'inverted_cdf' });
    expect(call).toThrow(ValueError);
    expect(call).toThrow(/Weights must be non-negative/);
  });

  test.each(QUANTILE_METHODS.filter((m) => m !== 'inverted_cdf').sort())('test_quantile_weights_raises_unsupported_methods[%s]', (method) => {
    const call = (): NdArray => quantile(arr([1, 2]), 0.5, { weights: arr([0.5, 1]), method: method as QuantileMethod });
    expect(call).toThrow(ValueError);
    expect(call).toThrow(/Only method 'inverted_cdf' supports weights/);
  });

  const badWeights: number[][] = [[1, Infinity, 1, 1], [1, Infinity, 1, Infinity], [0, 0, 0, 0], new Array<number>(4).fill(Number.MAX_VALUE)];
  test.each(badWeights)('test_inf_zeroes_err[f8-%s,%s,%s,%s]', (...weights) => {
    const a = arr([[1, 2, 3, 4], [1, 2, 3, 4]]);
    // one row with bad weights, the other good ones
    const wgts = arr([weights, [0.5, 0.5, 0.5, 0.5]], 'f8');
    const call = (): NdArray => quantile(a, 0.5, { weights: wgts, method: 'inverted_cdf', axis: 1 });
    expect(call).toThrow(ValueError);
    expect(call).toThrow(/Weights included NaN, inf or were all zero/);
  });

  test.each([[1, NaN, 1, 1], [1, NaN, NaN, 1]])('test_nan_err[f8-%s,%s,%s,%s]', (...weights) => {
    const a = arr([[1, 2, 3, 4], [1, 2, 3, 4]]);
    const wgts = arr([weights, [0.5, 0.5, 0.5, 0.5]], 'f8');
    expect(() => quantile(a, 0.5, { weights: wgts, method: 'inverted_cdf' })).toThrow(ValueError);
  });
});
