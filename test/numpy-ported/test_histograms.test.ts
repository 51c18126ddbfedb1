// Ported from numpy/lib/tests/test_histograms.py (NumPy 2.4), TestHistogram:
// the cases without string bin estimators, datetime or object arrays (not in
// the library), with NumPy's expected values. TestHistogramdd is in
// test_histograms-dd.test.ts.
import { histogram } from '../../lib/histogram';
import { array } from '../../lib/array-coerce';
import { arange, ones } from '../../lib/create';
import { linspace } from '../../lib/linspace';
import { ValueError } from '../../lib/errors';
import { sum } from '../../lib/reduce-axis';
import { multiply, subtract } from '../../lib/ufuncs/arith';
import type { NdArray } from '../../lib';
import { seeded } from '../helpers/np-data';

const nums = (a: NdArray): number[] => (a.toArray() as (number | bigint)[]).map(Number);
const area = (h: NdArray, e: NdArray): number => Number(sum(multiply(h, subtract(e.index('1:'), e.index(':-1')))).get());
const rand = (n: number, seed: number): NdArray => array(Array.from({ length: n }, seeded(seed)), 'f8');

describe('TestHistogram', () => {
  test('test_simple', () => {
    const [a] = histogram(rand(100, 1));
    expect(Number(sum(a).get())).toBe(100);
    const [b] = histogram(linspace(0, 10, 100));
    expect(nums(b)).toEqual(Array(10).fill(10));
  });

  test('test_one_bin', () => {
    const [hist, edges] = histogram(array([1, 2, 3, 4]), { bins: [1, 2] });
    expect(nums(hist)).toEqual([2]);
    expect(nums(edges)).toEqual([1, 2]);
    expect(() => histogram(array([1, 2]), { bins: 0 })).toThrow(ValueError);
    const [h, e] = histogram(array([1, 2]), { bins: 1 });
    expect(nums(h)).toEqual([2]);
    expect(nums(e)).toEqual([1, 2]);
  });

  test('test_density', () => {
    const [a, b] = histogram(rand(100, 2), { density: true });
    expect(area(a, b)).toBeCloseTo(1, 12);
    const v = arange(10);
    let [d, e] = histogram(v, { bins: [0, 1, 3, 6, 10], density: true });
    expect(nums(d)).toEqual([0.1, 0.1, 0.1, 0.1]);
    expect(area(d, e)).toBe(1);
    [d] = histogram(v, { bins: [0, 1, 3, 6, 10], density: false });
    expect(nums(d)).toEqual([1, 2, 3, 4]);
    [d] = histogram(v, { bins: [0, 1, 3, 6, Infinity], density: true });
    expect(nums(d)).toEqual([0.1, 0.1, 0.1, 0]);
    [d] = histogram(array([1, 2, 3, 4]), { bins: [0.5, 1.5, Infinity], density: true });
    expect(nums(d)).toEqual([0.25, 0]);
  });

  test('test_outliers', () => {
    const a = arange(10, 'f8').add(0.5);
    expect(Number(sum(histogram(a, { range: [0, 9] })[0]).get())).toBe(9);
    expect(Number(sum(histogram(a, { range: [1, 10] })[0]).get())).toBe(9);
    const [h, b] = histogram(a, { range: [1, 9], density: true });
    expect(area(h, b)).toBeCloseTo(1, 15);
    const w = arange(10, 'f8').add(0.5);
    const [hw, bw] = histogram(a, { range: [1, 9], weights: w, density: true });
    expect(area(hw, bw)).toBe(1);
    const [h8] = histogram(a, { bins: 8, range: [1, 9], weights: w });
    expect(nums(h8)).toEqual(nums(w).slice(1, -1));
  });

  test('test_arr_weights_mismatch', () => {
    expect(() => histogram(arange(10, 'f8'), { range: [1, 9], weights: arange(11, 'f8'), density: true })).toThrow(/same shape as/);
  });

  test('test_type', () => {
    const a = arange(10, 'f8').add(0.5);
    expect(histogram(a)[0].dtype.kind).toBe('i');
    expect(histogram(a, { density: true })[0].dtype.kind).toBe('f');
    expect(histogram(a, { weights: ones(10, 'i8') })[0].dtype.kind).toBe('i');
    expect(histogram(a, { weights: ones(10, 'f8') })[0].dtype.kind).toBe('f');
  });

  test('test_bool_conversion', () => {
    const [ih, ie] = histogram(array([1, 1, 0], 'u1'));
    const [bh, be] = histogram(array([true, true, false]));
    expect(nums(bh)).toEqual(nums(ih));
    expect(nums(be)).toEqual(nums(ie));
  });

  test('test_weights', () => {
    const v = rand(100, 3);
    const w = ones(100, 'f8').multiply(5);
    const [a] = histogram(v);
    const [na] = histogram(v, { density: true });
    const [wa] = histogram(v, { weights: w });
    const [nwa] = histogram(v, { weights: w, density: true });
    expect(nums(wa)).toEqual(nums(a).map((x) => x * 5));
    nums(nwa).forEach((x, i) => expect(x).toBeCloseTo(nums(na)[i], 12));
    const [lin] = histogram(arange(10), { bins: [0, 1, 3, 6, 10], weights: arange(10, 'f8').add(1) });
    expect(nums(lin)).toEqual([1, 5, 15, 34]);
  });

  test('test_empty', () => {
    const [a, b] = histogram(array([], 'f8'), { bins: [0, 1] });
    expect(nums(a)).toEqual([0]);
    expect(nums(b)).toEqual([0, 1]);
  });

  test('test_error_binnum_type, test_finite_range, test_invalid_range', () => {
    const vals = linspace(0, 1, 100);
    histogram(vals, { bins: 5 });
    expect(() => histogram(vals, { bins: 2.4 })).toThrow(TypeError);
    histogram(vals, { range: [0.25, 0.75] });
    expect(() => histogram(vals, { range: [NaN, 0.75] })).toThrow(ValueError);
    expect(() => histogram(vals, { range: [0.25, Infinity] })).toThrow(ValueError);
    expect(() => histogram(vals, { range: [0.1, 0.01] })).toThrow(/max must be larger than/);
  });

  test('test_bin_edge_cases', () => {
    const arr = array([337, 404, 739, 806, 1007, 1811, 2012]);
    const [hist, edges] = histogram(arr, { bins: 8296, range: [2, 2280] });
    const h = nums(hist);
    const e = nums(edges);
    const xs = nums(arr);
    let k = 0;
    h.forEach((c, i) => {
      if (c > 0) {
        expect(xs[k]).toBeGreaterThanOrEqual(e[i]);
        expect(xs[k]).toBeLessThan(e[i + 1]);
        k++;
      }
    });
    expect(k).toBe(7);
  });

  test('test_last_bin_inclusive_range', () => {
    const [hist] = histogram(array([0, 0, 0, 1, 2, 3, 3, 4, 5], 'f8'), { bins: 30, range: [-0.5, 5] });
    expect(nums(hist)[29]).toBe(1);
  });

  test('test_bin_array_dims and test_unsigned_monotonicity_check', () => {
    expect(() => histogram(linspace(0, 1, 100), { bins: array([[0, 0.5], [0.6, 1.0]]) })).toThrow(/must be 1d/);
    expect(() => histogram(array([2]), { bins: array([1, 3, 1], 'u8') })).toThrow(ValueError);
  });

  test('test_some_nan_values (explicit bins)', () => {
    expect(Number(sum(histogram(array([0, 1, NaN]), { bins: [0, 1] })[0]).get())).toBe(2);
    expect(Number(sum(histogram(array([NaN, NaN]), { bins: [0, 1] })[0]).get())).toBe(0);
  });

  test('test_signed_overflow_bounds', () => {
    for (const [dt, bits] of [['i1', 8], ['i2', 16], ['i4', 32]] as const) {
      const exponent = bits - 1;
      const [hist, e] = histogram(array([-(2 ** exponent) + 4, 2 ** exponent - 4], dt), { bins: 2 });
      expect(nums(e)).toEqual([-(2 ** exponent) + 4, 0, 2 ** exponent - 4]);
      expect(nums(hist)).toEqual([1, 1]);
    }
    const [hist, e] = histogram(array([-(2n ** 63n) + 4n, 2n ** 63n - 4n], 'i8'), { bins: 2 });
    expect(nums(e)).toEqual([-(2 ** 63), 0, 2 ** 63]);
    expect(nums(hist)).toEqual([1, 1]);
  });

  test('test_small_value_range', () => {
    const arr = array(Array.from({ length: 20 }, (_, i) => (i % 2 ? 1 + 2e-16 : 1)), 'f8');
    expect(() => histogram(arr, { bins: 10 })).toThrow(/Too many bins for data range/);
  });

  test('test_gh_23110', () => {
    const [hist] = histogram(array([-0.9e-308], '>f8'), { bins: 2, range: [-1e-308, -2e-313] });
    expect(nums(hist)).toEqual([1, 0]);
  });
});
