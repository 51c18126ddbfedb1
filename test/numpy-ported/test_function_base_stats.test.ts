// Ported from numpy/lib/tests/test_function_base.py (NumPy 2.4):
// TestMedian, TestPercentile, TestQuantile, TestPtp, TestAverage, TestDigitize
// (the cases that do not need out=, overwrite_input, subclasses, object or
// datetime arrays, weights for quantiles, or Fraction/Decimal inputs).
import { median, quantile, percentile, ptp } from '../../lib/quantile';
import { average } from '../../lib/average';
import { digitize } from '../../lib/histogram';
import { array } from '../../lib/array-coerce';
import { arange } from '../../lib/create';
import { ValueError, ZeroDivisionError, IndexError } from '../../lib/errors';

const arr = (v: unknown, dt?: string): ReturnType<typeof array> => array(v, dt ?? null);
const vals = (a: { toArray(): unknown }): unknown => a.toArray();

describe('TestMedian', () => {
  test('test_basic', () => {
    const a2 = arange(6).reshape(2, 3);
    expect(vals(median(arr(1)))).toBe(1);
    expect(vals(median(arange(2)))).toBe(0.5);
    expect(vals(median(a2))).toBe(2.5);
    expect(vals(median(a2, { axis: 0 }))).toEqual([1.5, 2.5, 3.5]);
    expect(vals(median(a2, { axis: 1 }))).toEqual([1, 4]);
    let a = arr([0.0444502, 0.0463301, 0.141249, 0.0606775]);
    expect(vals(median(a))).toBeCloseTo((0.0463301 + 0.0606775) / 2, 15);
    a = arr([0.0463301, 0.0444502, 0.141249]);
    expect(vals(median(a))).toBe(0.0463301);
    expect(median(a).ndim).toBe(0);
    a = arr([0.0444502, NaN, 0.0463301]);
    expect(median(a).ndim).toBe(0);
    expect(vals(median(a))).toBeNaN();
  });

  test('test_axis_keyword', () => {
    const a3 = arr([[2, 3], [0, 1], [6, 7], [4, 5]]);
    const before = a3.toArray();
    median(a3);
    median(a3, { axis: 0 });
    median(a3, { axis: 1 });
    expect(a3.toArray()).toEqual(before);
    expect(vals(median(a3, { axis: 0 }))).toEqual([3, 4]);
    expect(vals(median(a3.transpose(), { axis: 1 }))).toEqual([3, 4]);
    expect(vals(median(a3))).toBe(3.5);
    expect(vals(median(a3.transpose()))).toBe(3.5);
  });

  test('test_nan_behavior', () => {
    const a = arange(24, 'f8').reshape(2, 3, 4);
    a.set([0, 1, 2], NaN);
    a.set([1, 2, 3], NaN);
    expect(vals(median(a))).toBeNaN();
    const m1 = median(a, { axis: 0 }).toArray() as number[][];
    expect(m1[1][2]).toBeNaN();
    expect(m1[2][3]).toBeNaN();
    expect(m1[0][0]).toBe(6);
  });

  test('test_empty', () => {
    expect(vals(median(arr([], 'f8')))).toBeNaN();
    const e = array([], 'f8').reshape(0, 3);
    expect((vals(median(e, { axis: 0 })) as number[]).every(Number.isNaN)).toBe(true);
    expect(median(e, { axis: 1 }).shape).toEqual([0]);
  });

  test('test_keepdims and extended axis', () => {
    const d = arange(3 * 5 * 7 * 11, 'f8').reshape(3, 5, 7, 11);
    expect(median(d, { axis: null, keepdims: true }).shape).toEqual([1, 1, 1, 1]);
    expect(median(d, { axis: [0, 1], keepdims: true }).shape).toEqual([1, 1, 7, 11]);
    expect(median(d, { axis: [0, 3], keepdims: true }).shape).toEqual([1, 5, 7, 1]);
    expect(median(d, { axis: [1, 2, 3] }).shape).toEqual([3]);
    expect(() => median(d, { axis: -5 })).toThrow(/axis -5 is out of bounds/);
    expect(() => median(d, { axis: [0, 0] })).toThrow(ValueError);
  });
});

describe('TestPercentile', () => {
  test('test_basic', () => {
    const x = arange(8, 'f8').multiply(0.5);
    expect(vals(percentile(x, 0))).toBe(0);
    expect(vals(percentile(x, 100))).toBe(3.5);
    expect(vals(percentile(x, 50))).toBe(1.75);
    const y = arr([1, 2, 3, 4, NaN, 6]);
    expect(vals(percentile(y, 50))).toBeNaN();
  });

  test('test_api and test_2D', () => {
    const x = arr([[1, 1, 1], [1, 1, 1], [4, 4, 3], [1, 1, 1], [1, 1, 1]]);
    expect(vals(percentile(x, 50, { axis: 0 }))).toEqual([1, 1, 1]);
  });

  test('test_linear_nan_1D and interpolation methods', () => {
    const x = arange(11, 'f8');
    expect(vals(percentile(x, 33, { method: 'linear' }))).toBeCloseTo(3.3, 12);
    expect(vals(percentile(x, 33.3, { method: 'lower' }))).toBe(3);
    expect(vals(percentile(x, 33.3, { method: 'higher' }))).toBe(4);
    expect(vals(percentile(x, 51, { method: 'midpoint' }))).toBe(5.5);
    expect(vals(percentile(x, 50, { method: 'midpoint' }))).toBe(5);
    expect(vals(percentile(x, 49, { method: 'nearest' }))).toBe(5);
    expect(vals(percentile(arange(10, 'f8'), 51, { method: 'nearest' }))).toBe(5);
  });

  test('test_sequence and test_axis', () => {
    const x = arange(8, 'f8').multiply(0.5);
    expect(vals(percentile(x, [0, 100, 50]))).toEqual([0, 3.5, 1.75]);
    const y = arange(12, 'f8').reshape(3, 4);
    expect(vals(percentile(y, [25, 50, 100]))).toEqual([2.75, 5.5, 11]);
    expect(vals(percentile(y, [25, 50, 100], { axis: 0 }))).toEqual([[2, 3, 4, 5], [4, 5, 6, 7], [8, 9, 10, 11]]);
    expect(vals(percentile(y, [25, 50, 100], { axis: 1 }))).toEqual([[0.75, 4.75, 8.75], [1.5, 5.5, 9.5], [3, 7, 11]]);
    const z = arange(3 * 4 * 5 * 6, 'f8').reshape(3, 4, 5, 6);
    expect(percentile(z, [25, 50], { axis: 0 }).shape).toEqual([2, 4, 5, 6]);
    expect(percentile(z, [25, 50, 75], { axis: 1 }).shape).toEqual([3, 3, 5, 6]);
  });

  test('test_fraction and bounds', () => {
    const x = arange(8, 'f8');
    expect(() => percentile(x, -1)).toThrow(new ValueError('Percentiles must be in the range [0, 100]'));
    expect(() => percentile(x, 101)).toThrow(ValueError);
    expect(() => percentile(x, [1, 2, 101])).toThrow(ValueError);
    expect(() => percentile(x, 50, { method: 'foobar' as never })).toThrow(ValueError);
  });

  test('test_complex', () => {
    expect(() => percentile(arr([1, 2], 'c8'), 50)).toThrow(new TypeError('a must be an array of real numbers'));
  });
});

describe('TestQuantile', () => {
  test('test_basic and test_correct_quantile_value', () => {
    const x = arange(8, 'f8').multiply(0.5);
    expect(vals(quantile(x, 0))).toBe(0);
    expect(vals(quantile(x, 1))).toBe(3.5);
    expect(vals(quantile(x, 0.5))).toBe(1.75);
    const a = arr([2], 'i8');
    expect(vals(quantile(a, 1))).toBe(2n);
    expect(quantile(arr([1, 2, 3, 4], 'i4'), 1).dtype.str).toBe('<i4');
    expect(() => quantile(arange(3), 0.5, { method: 'bogus' as never })).toThrow(ValueError);
  });

  test('test_quantile_monotonic (linear)', () => {
    const p0 = Array.from({ length: 101 }, (_, i) => i / 100);
    const q = quantile(arr([0, 1, 1, 2, 2, 3, 3, 4, 5, 5, 1, 1, 9, 9, 9, 8, 8, 7]).multiply(0.1), p0).toArray() as number[];
    for (let i = 1; i < q.length; i++) expect(q[i]).toBeGreaterThanOrEqual(q[i - 1]);
  });

  test('test_quantile_scalar_nan and empty', () => {
    const a = arr([[10, 7, 4], [3, 2, 1]], 'f8');
    a.set([0, 0], NaN);
    expect(vals(quantile(a, 0.5))).toBeNaN();
    const r = quantile(a, 0.5, { axis: 0 }).toArray() as number[];
    expect(r[0]).toBeNaN();
    expect(r.slice(1)).toEqual([4.5, 2.5]);
    expect(() => quantile(arr([], 'f8'), 0.5)).toThrow(IndexError);
  });

  test('test_closest_observation and inverted_cdf', () => {
    // H&F method 3 picks the even (1-based) order statistic on ties: the 2nd of 5 at q=0.5.
    const m = 'closest_observation' as const;
    expect(vals(quantile(arr([1, 2, 3, 4, 5], 'f8'), 0.5, { method: m }))).toBe(2);
    expect(vals(quantile(arr([1, 2, 3, 4], 'f8'), 0.5, { method: m }))).toBe(2);
    expect(vals(quantile(arr([1, 2, 3, 4, 5], 'f8'), 0.2, { method: 'inverted_cdf' }))).toBe(1);
    expect(vals(quantile(arr([1, 2, 3, 4, 5], 'f8'), 0.21, { method: 'inverted_cdf' }))).toBe(2);
    // Integer input keeps its dtype for the discrete methods.
    expect(vals(quantile(arr([1, 2, 3, 4, 5]), 0.5, { method: m }))).toBe(2n);
  });
});

describe('TestPtp', () => {
  test('test_basic', () => {
    const a = arr([3, 4, 5, 10, -3, -5, 6.0], 'f8');
    expect(vals(ptp(a, { axis: 0 }))).toBe(15);
    const b = arr([[3, 6.0, 9.0], [4, 10.0, 5.0], [8, 3.0, 2.0]], 'f8');
    expect(vals(ptp(b, { axis: 0 }))).toEqual([5, 7, 7]);
    expect(vals(ptp(b, { axis: -1 }))).toEqual([6, 6, 6]);
    expect(vals(ptp(b, { axis: 0, keepdims: true }))).toEqual([[5, 7, 7]]);
    expect(vals(ptp(b, { axis: [0, 1], keepdims: true }))).toEqual([[8]]);
  });
});

describe('TestAverage', () => {
  test('test_basic', () => {
    const y1 = arr([1, 2, 3]);
    expect(vals(average(y1, { axis: 0 }))).toBe(2);
    const y2 = arr([1.0, 2.0, 3.0]);
    expect(vals(average(y2, { axis: 0 }))).toBe(2);
    const y3 = arr([[1, 2, 3], [4, 5, 6]]);
    expect(vals(average(y3))).toBe(3.5);
    expect(vals(average(y3, { axis: 0 }))).toEqual([2.5, 3.5, 4.5]);
    expect(vals(average(y3, { axis: 1 }))).toEqual([2, 5]);
  });

  test('test_weights', () => {
    const y = arange(10, 'f8');
    const w = arange(10, 'f8');
    const actual = vals(average(y, { weights: w })) as number;
    expect(actual).toBeCloseTo(285 / 45, 14);
    const y1 = arr([[1, 2, 3], [4, 5, 6]]);
    const w0 = [1, 2];
    expect(vals(average(y1, { weights: w0, axis: 0 }))).toEqual([3, 4, 5]);
    const w1 = [0, 0, 1];
    expect(vals(average(y1, { weights: w1, axis: 1 }))).toEqual([3, 6]);
    expect(() => average(y1, { weights: w1 })).toThrow(new TypeError('Axis must be specified when shapes of a and weights differ.'));
    expect(() => average(y1, { weights: [1, 2, 3, 4], axis: 1 })).toThrow(ValueError);
    expect(() => average(y1, { weights: [0, 0, 0], axis: 1 })).toThrow(ZeroDivisionError);
    const w2 = arr([[0, 0, 1], [0, 0, 2]]);
    expect(vals(average(y1, { weights: w2, axis: 1 }))).toEqual([3, 6]);
    expect(vals(average(y1, { weights: w2 }))).toBe(5);
  });

  test('test_returned', () => {
    const y = arr([[1, 2, 3], [4, 5, 6]]);
    let [avg, scl] = average(y, { returned: true });
    expect(vals(scl)).toBe(6);
    [avg, scl] = average(y, { axis: 0, returned: true });
    expect(vals(scl)).toEqual([2, 2, 2]);
    [avg, scl] = average(y, { axis: 1, returned: true });
    expect(vals(scl)).toEqual([3, 3]);
    [avg, scl] = average(y, { weights: arr([[0.5, 0.5, 0.5], [0.5, 0.5, 0.5]]), returned: true });
    expect(vals(scl)).toBe(3);
    [avg, scl] = average(y, { weights: [1, 2, 3], axis: 1, returned: true });
    expect(vals(scl)).toEqual([6, 6]);
    expect(vals(avg)).toEqual([14 / 6, 32 / 6]);
  });

  test('test_average_class_without_dtype / keepdims', () => {
    const y = arange(24, 'f8').reshape(2, 3, 4);
    expect(average(y, { axis: [0, 2], keepdims: true }).shape).toEqual([1, 3, 1]);
    expect(average(y, { axis: [0, 2], weights: arange(24, 'f8').reshape(2, 3, 4), keepdims: true }).shape).toEqual([1, 3, 1]);
  });
});

describe('TestDigitize', () => {
  const idx = (a: { toArray(): unknown }): number[] => (a.toArray() as bigint[]).map(Number);
  test('test_forward / test_reverse', () => {
    expect(idx(digitize(arange(-6, 5), arange(-5, 5)))).toEqual([...Array(11).keys()]);
    expect(idx(digitize(arange(5, -6, -1), arange(5, -5, -1)))).toEqual([...Array(11).keys()]);
  });
  test('test_right_basic / right_open', () => {
    const x = [1, 5, 4, 10, 8, 11, 0];
    expect(idx(digitize(x, [1, 5, 10]))).toEqual([1, 2, 1, 3, 2, 3, 0]);
    expect(idx(digitize(x, [1, 5, 10], { right: true }))).toEqual([0, 1, 1, 2, 2, 3, 0]);
    expect(idx(digitize(arange(-6, 5), arange(-6, 4), { right: true }))).toEqual([...Array(11).keys()]);
    expect(idx(digitize(arange(5, -6, -1), arange(4, -6, -1), { right: true }))).toEqual([...Array(11).keys()]);
  });
  test('test_monotonic', () => {
    const x = [-1, 0, 1, 2];
    expect(idx(digitize(x, [0, 0, 1]))).toEqual([0, 2, 3, 3]);
    expect(idx(digitize(x, [0, 0, 1], { right: true }))).toEqual([0, 0, 2, 3]);
    expect(idx(digitize(x, [1, 1, 0]))).toEqual([3, 2, 0, 0]);
    expect(idx(digitize(x, [1, 1, 0], { right: true }))).toEqual([3, 3, 2, 0]);
    expect(idx(digitize(x, [1, 1, 1, 1]))).toEqual([0, 0, 4, 4]);
    expect(idx(digitize(x, [1, 1, 1, 1], { right: true }))).toEqual([0, 0, 0, 4]);
    expect(() => digitize(x, [0, 0, 1, 0])).toThrow(ValueError);
    expect(() => digitize(x, [1, 1, 0, 1])).toThrow(ValueError);
  });
  test('test_casting_error', () => {
    expect(() => digitize(arr([1, 2, { re: 3, im: 1 }]), [1, 2, 3])).toThrow(TypeError);
    expect(() => digitize([1, 2, 3], arr([1, 2, { re: 3, im: 1 }]))).toThrow(TypeError);
  });
  test('test_large_integers_increasing', () => {
    const x = arr([2n ** 54n], 'i8');
    expect(idx(digitize(x, arr([2n ** 54n - 1n, 2n ** 54n + 1n], 'i8')))).toEqual([1]);
  });
});
