// NumPy's own numpy/lib/tests/test_twodim_base.py (NumPy 2.4): class
// TestHistogram2d (the file's other classes are in test_twodim_base.test.ts),
// ported test by test: same names, same intent, the same values and errors.
//
// Mapping: H, xedges, yedges = histogram2d(x, y, bins, range=, density=) ->
// { hist: H, edges: [xedges, yedges] } = histogram2d(x, y, { bins, range, density });
// a tuple of bins -> a list; np.random.rand -> the suite's seeded generator;
// assert_array_max_ulp(a, b) -> exact equality (the expected values are zeros);
// assert_array_almost_equal(a, b, 3) -> assertAlmostEqual(a, b, 3).
//
// Skipped (not counted as passing):
// - test_dispatch: the __array_function__ protocol (Python duck arrays).
import { eye, histogram2d, linspace, NdArray, ones, zeros } from '../../lib';
import { arr } from '../helpers/np-port';
import { assertAlmostEqual, assertEqual } from '../helpers/np-assert';
import { rng } from '../helpers/bytes';

/** assert_array_equal: the same values, and the same shape when both are arrays. */
function same(actual: NdArray, desired: unknown): void {
  if (desired instanceof NdArray) expect(actual.shape).toEqual(desired.shape);
  assertEqual(actual, desired);
}

describe('TestHistogram2d', () => {
  test('test_simple', () => {
    const x = arr([0.417022, 0.72032449, 1.1437481e-4, 0.302332573, 0.146755891]);
    const y = arr([0.09233859, 0.18626021, 0.34556073, 0.39676747, 0.53881673]);
    let xedges: NdArray = linspace(0, 1, 10);
    let yedges: NdArray = linspace(0, 1, 10);
    let H = histogram2d(x, y, { bins: [xedges, yedges] }).hist;
    const answer = arr([
      [0, 0, 0, 1, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 1, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 0, 0],
      [1, 0, 1, 0, 0, 0, 0, 0, 0],
      [0, 1, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 0, 0],
    ]);
    same(H.T, answer);
    H = histogram2d(x, y, { bins: xedges }).hist;
    same(H.T, answer);
    const range10 = Array.from({ length: 10 }, (_, i) => i);
    ({ hist: H, edges: [xedges, yedges] } = histogram2d(range10, range10));
    same(H, eye(10, 10));
    same(xedges, linspace(0, 9, 11));
    same(yedges, linspace(0, 9, 11));
  });

  test('test_asym', () => {
    const x = arr([1, 1, 2, 3, 4, 4, 4, 5]);
    const y = arr([1, 3, 2, 0, 1, 2, 3, 4]);
    const { hist: H, edges: [xed, yed] } = histogram2d(x, y, { bins: [6, 5], range: [[0, 6], [0, 5]], density: true });
    const answer = arr([
      [0.0, 0, 0, 0, 0],
      [0, 1, 0, 1, 0],
      [0, 0, 1, 0, 0],
      [1, 0, 0, 0, 0],
      [0, 1, 1, 1, 0],
      [0, 0, 0, 0, 1],
    ], 'f8');
    expect(H.shape).toEqual(answer.shape);
    assertAlmostEqual(H, answer.divide(8), 3);
    same(xed, linspace(0, 6, 7));
    same(yed, linspace(0, 5, 6));
  });

  test('test_density', () => {
    const x = arr([1, 2, 3, 1, 2, 3, 1, 2, 3]);
    const y = arr([1, 1, 1, 2, 2, 2, 3, 3, 3]);
    const { hist: H } = histogram2d(x, y, { bins: [[1, 2, 3, 5], [1, 2, 3, 5]], density: true });
    const answer = arr([[1, 1, 0.5], [1, 1, 0.5], [0.5, 0.5, 0.25]]).divide(9);
    assertAlmostEqual(H, answer, 3);
  });

  test('test_all_outliers', () => {
    const r = rng(100);
    const v = arr(Array.from({ length: 100 }, () => r() + 1 + 1e6), 'f8'); // histogramdd rounds by decimal=6
    const { hist: H } = histogram2d(v, v, { bins: [4, 5], range: [[0, 1], [0, 1]] });
    expect(H.shape).toEqual([4, 5]);
    same(H, 0);
  });

  test('test_empty', () => {
    let { hist: a } = histogram2d([], [], { bins: [[0, 1], [0, 1]] });
    same(a, arr([[0.0]]));
    ({ hist: a } = histogram2d([], [], { bins: 4 }));
    same(a, zeros([4, 4]));
  });

  test('test_binparameter_combination', () => {
    const x = arr([0, 0.09207008, 0.64575234, 0.12875982, 0.47390599, 0.59944483, 1]);
    const y = arr([0, 0.14344267, 0.48988575, 0.30558665, 0.44700682, 0.15886423, 1]);
    const edges = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
    let { hist: H, edges: [, ye] } = histogram2d(x, y, { bins: [edges, 4] });
    let answer = arr([
      [2.0, 0.0, 0.0, 0.0],
      [0.0, 1.0, 0.0, 0.0],
      [0.0, 0.0, 0.0, 0.0],
      [0.0, 0.0, 0.0, 0.0],
      [0.0, 1.0, 0.0, 0.0],
      [1.0, 0.0, 0.0, 0.0],
      [0.0, 1.0, 0.0, 0.0],
      [0.0, 0.0, 0.0, 0.0],
      [0.0, 0.0, 0.0, 0.0],
      [0.0, 0.0, 0.0, 1.0],
    ], 'f8');
    same(H, answer);
    same(ye, arr([0.0, 0.25, 0.5, 0.75, 1], 'f8'));
    let xe: NdArray;
    ({ hist: H, edges: [xe] } = histogram2d(x, y, { bins: [4, edges] }));
    answer = arr([
      [1.0, 1.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
      [0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0],
      [0.0, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0],
      [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0],
    ], 'f8');
    same(H, answer);
    same(xe, arr([0.0, 0.25, 0.5, 0.75, 1], 'f8'));
  });

  for (const [xLen, yLen] of [[10, 11], [20, 19]]) {
    test(`test_bad_length[${xLen}-${yLen}]`, () => {
      const [x, y] = [ones(xLen), ones(yLen)];
      expect(() => histogram2d(x, y)).toThrow('x and y must have the same length.');
    });
  }
});
