// NumPy's own numpy/lib/tests/test_histograms.py (NumPy 2.4): class
// TestHistogramdd (TestHistogram is in test_histograms.test.ts), ported test by
// test: same names, same intent, the same values, shapes, dtypes and errors.
//
// Mapping: H, edges = histogramdd(x, bins, range=, density=, weights=) ->
// { hist, edges } = histogramdd(x, { bins, range, density, weights }); a tuple
// sample (x, y) -> the list [x, y]; np.random.rand -> the suite's seeded
// generator; assert_array_max_ulp(a, b) -> exact equality (the expected values
// are zeros).
//
// Skipped (not counted as passing): none; every test of the class is ported.
import { arange, histogram, histogramdd, NdArray, ones, split, ValueError, zeros } from '../../lib';
import { arr, vals } from '../helpers/np-port';
import { assertAllclose, assertAlmostEqual, assertEqual } from '../helpers/np-assert';
import { rng } from '../helpers/bytes';

const r = rng(4266);
function rand(...shape: number[]): NdArray {
  const a = zeros(shape);
  a.reshape(-1).set(Array.from({ length: a.size }, () => r()));
  return a;
}
/** assert_array_equal with the shapes checked. */
function same(got: NdArray, want: NdArray): void {
  expect(got.shape).toEqual(want.shape);
  assertEqual(got, want);
}

describe('TestHistogramdd', () => {
  test('test_simple', () => {
    const x = arr([[-0.5, 0.5, 1.5], [-0.5, 1.5, 2.5], [-0.5, 2.5, 0.5], [0.5, 0.5, 1.5], [0.5, 1.5, 2.5], [0.5, 2.5, 2.5]]);
    let { hist: H } = histogramdd(x, { bins: [2, 3, 3], range: [[-1, 1], [0, 3], [0, 3]] });
    let answer = arr([[[0, 1, 0], [0, 0, 1], [1, 0, 0]], [[0, 1, 0], [0, 0, 1], [0, 0, 1]]]);
    same(H, answer);

    // Check normalization
    const ed = [[-2, 0, 2], [0, 1, 2, 3], [0, 1, 2, 3]];
    ({ hist: H } = histogramdd(x, { bins: ed, density: true }));
    same(H, answer.divide(12));

    // Check that H has the correct shape.
    ({ hist: H } = histogramdd(x, { bins: [2, 3, 4], range: [[-1, 1], [0, 3], [0, 4]], density: true }));
    answer = arr([[[0, 1, 0, 0], [0, 0, 1, 0], [1, 0, 0, 0]], [[0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 1, 0]]]);
    expect(H.shape).toEqual(answer.shape);
    assertAlmostEqual(H, answer.divide(6), 4);
    // Check that a sequence of arrays is accepted and H has the correct shape.
    const z = split(x, 3, 1).map((y) => y.squeeze());
    ({ hist: H } = histogramdd(z, { bins: [4, 3, 2], range: [[-2, 2], [0, 3], [0, 2]] }));
    answer = arr([
      [[0, 0], [0, 0], [0, 0]],
      [[0, 1], [0, 0], [1, 0]],
      [[0, 1], [0, 0], [0, 0]],
      [[0, 0], [0, 0], [0, 0]],
    ]);
    same(H, answer);

    const Z = zeros([5, 5, 5]);
    for (let i = 0; i < 5; i++) Z.set([i, i, i], 1);
    ({ hist: H } = histogramdd([arange(5), arange(5), arange(5)], { bins: 5 }));
    same(H, Z);
  });

  test('test_shape_3d', () => {
    // All possible permutations for bins of different lengths in 3D.
    const bins = [[5, 4, 6], [6, 4, 5], [5, 6, 4], [4, 6, 5], [6, 5, 4], [4, 5, 6]];
    const x = rand(10, 3);
    for (const b of bins) expect(histogramdd(x, { bins: b }).hist.shape).toEqual(b);
  });

  test('test_shape_4d', () => {
    // All possible permutations for bins of different lengths in 4D.
    const bins = [
      [7, 4, 5, 6], [4, 5, 7, 6], [5, 6, 4, 7], [7, 6, 5, 4], [5, 7, 6, 4], [4, 6, 7, 5], [6, 5, 7, 4], [7, 5, 4, 6],
      [7, 4, 6, 5], [6, 4, 7, 5], [6, 7, 5, 4], [4, 6, 5, 7], [4, 7, 5, 6], [5, 4, 6, 7], [5, 7, 4, 6], [6, 7, 4, 5],
      [6, 5, 4, 7], [4, 7, 6, 5], [4, 5, 6, 7], [7, 6, 4, 5], [5, 4, 7, 6], [5, 6, 7, 4], [6, 4, 5, 7], [7, 5, 6, 4],
    ];
    const x = rand(10, 4);
    for (const b of bins) expect(histogramdd(x, { bins: b }).hist.shape).toEqual(b);
  });

  test('test_weights', () => {
    const v = rand(100, 2);
    const { hist } = histogramdd(v);
    const { hist: nHist } = histogramdd(v, { density: true });
    let { hist: wHist } = histogramdd(v, { weights: ones(100) });
    same(wHist, hist);
    ({ hist: wHist } = histogramdd(v, { weights: ones(100).multiply(2), density: true }));
    same(wHist, nHist);
    ({ hist: wHist } = histogramdd(v, { weights: ones(100, 'i8').multiply(2) }));
    same(wHist, hist.multiply(2));
  });

  test('test_identical_samples', () => {
    const x = zeros([10, 2], 'i8');
    const { edges } = histogramdd(x, { bins: 2 });
    same(edges[0], arr([-0.5, 0, 0.5]));
  });

  test('test_empty', () => {
    let { hist: a } = histogramdd([[], []], { bins: [[0, 1], [0, 1]] });
    same(a, arr([[0.0]]));
    ({ hist: a } = histogramdd([[], [], []], { bins: 2 }));
    same(a, zeros([2, 2, 2]));
  });

  test('test_bins_errors', () => {
    // There are two ways to specify bins. Check for the right errors when mixing those.
    const x = arange(8).reshape(2, 4);
    expect(() => histogramdd(x, { bins: [-1, 2, 4, 5] })).toThrow(ValueError);
    expect(() => histogramdd(x, { bins: [1, 0.99, 1, 1] })).toThrow(ValueError);
    expect(() => histogramdd(x, { bins: [1, 1, 1, [1, 2, 3, -3]] })).toThrow(ValueError);
    const { hist, edges } = histogramdd(x, { bins: [1, 1, 1, [1, 2, 3, 4]] });
    expect(hist.shape).toEqual([1, 1, 1, 3]);
    expect(edges.length).toBe(4);
  });

  test('test_inf_edges', () => {
    // Test using +/-inf bin edges works. See #1788.
    const x = arange(6).reshape(3, 2);
    const expected = [[1, 0], [0, 1], [0, 1]];
    let { hist: h } = histogramdd(x, { bins: [3, [-Infinity, 2, 10]] });
    assertAllclose(h, expected);
    ({ hist: h } = histogramdd(x, { bins: [3, arr([-1, 2, Infinity])] }));
    assertAllclose(h, expected);
    ({ hist: h } = histogramdd(x, { bins: [3, [-Infinity, 3, Infinity]] }));
    assertAllclose(h, expected);
  });

  test('test_rightmost_binedge', () => {
    // Test event very close to rightmost binedge. See Github issue #4266
    const bins = [[0.0, 0.5, 1.0]];
    const cases: [number, number][] = [[0.9999999995, 1], [1.0, 1], [1.0000000001, 0], [1.0001, 0]];
    for (const [x, last] of cases) {
      const { hist } = histogramdd([x], { bins });
      expect(hist.get(0)).toBe(0.0);
      expect(hist.get(1)).toBe(last);
    }
  });

  test('test_finite_range', () => {
    const v = rand(100, 3);
    histogramdd(v, { range: [[0.0, 1.0], [0.25, 0.75], [0.25, 0.5]] });
    expect(() => histogramdd(v, { range: [[0.0, 1.0], [0.25, 0.75], [0.25, Infinity]] })).toThrow(ValueError);
    expect(() => histogramdd(v, { range: [[0.0, 1.0], [NaN, 0.75], [0.25, 0.5]] })).toThrow(ValueError);
  });

  test('test_equal_edges', () => {
    // Test that adjacent entries in an edge array can be equal
    const x = arr([0, 1, 2]);
    const y = arr([0, 1, 2]);
    const xEdges = arr([0, 2, 2]);
    const yEdges = 1;
    const { hist } = histogramdd([x, y], { bins: [xEdges, yEdges] });
    same(hist, arr([[2.0], [1.0]])); // x == 2 falls in the final bin
  });

  test('test_edge_dtype', () => {
    // Test that if an edge array is input, its type is preserved
    const x = arr([0, 10, 20]);
    const y = x.divide(10);
    const xEdges = arr([0, 5, 15, 20]);
    const yEdges = xEdges.divide(10);
    const { edges } = histogramdd([x, y], { bins: [xEdges, yEdges] });
    expect(edges[0].dtype.equals(xEdges.dtype)).toBe(true);
    expect(edges[1].dtype.equals(yEdges.dtype)).toBe(true);
  });

  test('test_large_integers', () => {
    const big = 2n ** 60n; // Too large to represent with a full precision float
    const x = arr([0], 'i8');
    const xEdges = arr([-1, 1], 'i8');
    const y = x.add(arr(big, 'i8'));
    const yEdges = xEdges.add(arr(big, 'i8'));
    const { hist } = histogramdd([x, y], { bins: [xEdges, yEdges] });
    expect(hist.get(0, 0)).toBe(1);
  });

  test('test_density_non_uniform_2d', () => {
    const xEdges = arr([0, 2, 8]);
    const yEdges = arr([0, 6, 8]);
    const relativeAreas = arr([[3, 9], [1, 3]]);
    // ensure the number of points in each region is proportional to its area
    const x = arr([1, ...Array(3).fill(1), ...Array(3).fill(7), ...Array(9).fill(7)]);
    const y = arr([7, ...Array(3).fill(1), ...Array(3).fill(7), ...Array(9).fill(1)]);
    // sanity check that the above worked as intended
    let { hist } = histogramdd([y, x], { bins: [yEdges, xEdges] });
    assertEqual(hist, relativeAreas);
    // resulting histogram should be uniform, since counts and areas are proportional
    ({ hist } = histogramdd([y, x], { bins: [yEdges, xEdges], density: true }));
    assertEqual(hist, 1 / (8 * 8));
  });

  test('test_density_non_uniform_1d', () => {
    // compare to histogram to show the results are the same
    const v = arange(10);
    const bins = arr([0, 1, 3, 6, 10]);
    const [hist, edges] = histogram(v, { bins, density: true });
    const { hist: histDd, edges: edgesDd } = histogramdd([v], { bins: [bins], density: true });
    same(hist, histDd);
    expect(vals(edges)).toEqual(vals(edgesDd[0]));
  });
});
