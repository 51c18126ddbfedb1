// NumPy's own numpy/lib/tests/test_function_base.py (NumPy 2.4): the methods of
// TestDigitize and TestAverage that test_function_base_stats.test.ts (a condensed
// port of those classes) does not hold, ported test by test: same names, same
// intent, the same values, shapes, dtypes and errors.
//
// Mapping: np.digitize(x, bins, right) -> digitize(x, bins, { right });
// np.average(a, axis=, weights=, returned=, keepdims=) -> average(a, { axis, weights,
// returned, keepdims }); rand(n) -> the suite's seeded generator; a Python int past
// 2**53 (gh-11022) -> a bigint.
//
// Skipped (not counted as passing): TestAverage.test_subclasses (no np.matrix or
// subclasses), test_object_dtype and test_object_no_weights (no object dtype, no
// Fraction/Decimal).
import { arange, average, digitize, linspace, max, min, NdArray, notEqual, all } from '../../lib';
import { arr } from '../helpers/np-port';
import { assertAlmostEqual, assertEqual } from '../helpers/np-assert';
import { rng } from '../helpers/bytes';

const rand = (n: number, seed: number): NdArray => {
  const r = rng(seed);
  return arr(Array.from({ length: n }, () => r()), 'f8');
};

describe('TestDigitize', () => {
  test('test_random', () => {
    for (let seed = 0; seed < 20; seed++) {
      const x = rand(10, seed);
      const bin = linspace(Number(min(x).get()), Number(max(x).get()), 10);
      expect(all(notEqual(digitize(x, bin), 0)).get()).toBe(true);
    }
  });

  test('test_right_open', () => {
    const x = arange(-6, 5);
    const bins = arange(-6, 4);
    assertEqual(digitize(x, bins, { right: true }), arange(11));
  });

  test('test_right_open_reverse', () => {
    const x = arange(5, -6, -1);
    const bins = arange(4, -6, -1);
    assertEqual(digitize(x, bins, { right: true }), arange(11));
  });

  test('test_right_open_random', () => {
    for (let seed = 0; seed < 20; seed++) {
      const x = rand(10, 100 + seed);
      const bins = linspace(Number(min(x).get()), Number(max(x).get()), 10);
      expect(all(notEqual(digitize(x, bins, { right: true }), 10)).get()).toBe(true);
    }
  });

  test('test_large_integers_decreasing', () => {
    // gh-11022
    const x = 2n ** 54n; // loses precision in a float
    assertEqual(digitize(arr(x), arr([x + 1n, x - 1n])), 1);
  });
});

describe('TestAverage', () => {
  const cases: [unknown, number | null, number[] | number[][], number[], number[] | number[][], number[] | number[][]][] = [
    [[1, 2, 3], null, [2.0], [3, 4, 1], [1.75], [8.0]],
    [[[1, 2, 5], [1, 6, 11]], 0, [[1.0, 4.0, 8.0]], [1, 3], [[1.0, 5.0, 9.5]], [[4, 4, 4]]],
  ];
  const shapeOf = (v: unknown): number[] => (Array.isArray(v) ? [v.length, ...shapeOf(v[0])] : []);
  test.each(cases)('test_basic_keepdims[%j-%s]', (x, axis, expectedAvg, weights, expectedWavg, expectedWsum) => {
    const avg = average(arr(x), { axis, keepdims: true });
    expect(avg.shape).toEqual(shapeOf(expectedAvg));
    assertEqual(avg, expectedAvg);

    let wavg = average(arr(x), { axis, weights, keepdims: true });
    expect(wavg.shape).toEqual(shapeOf(expectedWavg));
    assertEqual(wavg, expectedWavg);

    let wsum: NdArray;
    [wavg, wsum] = average(arr(x), { axis, weights, returned: true, keepdims: true });
    expect(wavg.shape).toEqual(shapeOf(expectedWavg));
    assertEqual(wavg, expectedWavg);
    expect(wsum.shape).toEqual(shapeOf(expectedWsum));
    assertEqual(wsum, expectedWsum);
  });

  test('test_weight_and_input_dims_different', () => {
    const y = arange(12).reshape(2, 2, 3);
    const w = arr([0, 0, 1, 0.5, 0.5, 0, 0, 0.5, 0.5, 1, 0, 0], 'f8').reshape(2, 2, 3);

    const subw0 = w.index(':, :, 0');
    assertAlmostEqual(average(y, { axis: [0, 1], weights: subw0 }), [7, 8, 9]);
    const subw1 = w.index('1, :, :');
    assertAlmostEqual(average(y, { axis: [1, 2], weights: subw1 }), [2.25, 8.25]);
    const subw2 = w.index(':, 0, :');
    assertAlmostEqual(average(y, { axis: [0, 2], weights: subw2 }), [4.75, 7.75]);

    // here the weights have the wrong shape for the specified axes
    expect(() => average(y, { axis: [0, 1, 2], weights: subw0 })).toThrow(/Shape of weights must be consistent with shape of a along specified axis/);
    expect(() => average(y, { axis: [0, 1], weights: subw1 })).toThrow(/Shape of weights must be consistent with shape of a along specified axis/);

    // swapping the axes should be same as transposing weights
    assertAlmostEqual(average(y, { axis: [1, 0], weights: subw0 }), average(y, { axis: [0, 1], weights: subw0.T }));

    // if average over all axes, should have float output
    expect(average(y, { axis: [0, 1, 2], weights: w }).ndim).toBe(0);
  });

  test('test_upcasting', () => {
    const typs = [['i4', 'i4', 'f8'], ['i4', 'f4', 'f8'], ['f4', 'i4', 'f8'], ['f4', 'f4', 'f4'], ['f4', 'f8', 'f8']];
    for (const [at, wt, rt] of typs) {
      const a = arr([[1, 2], [3, 4]], at);
      const w = arr([[1, 2], [3, 4]], wt);
      expect(average(a, { weights: w }).dtype.str).toBe(arr(0, rt).dtype.str);
    }
  });
});
