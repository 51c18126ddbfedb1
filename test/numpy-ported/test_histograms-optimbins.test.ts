// NumPy's own numpy/lib/tests/test_histograms.py (NumPy 2.4): class
// TestHistogramOptimBinNums, and the TestHistogram methods
// test_histograms.test.ts does not hold (test_f32_rounding, test_no_side_effects,
// test_histogram_bin_edges, test_gh_28400), ported test by test: same names, same
// intent, the same values, shapes, dtypes and errors.
//
// Mapping: np.histogram(a, bins, range=, weights=) -> histogram(a, { bins, range,
// weights }); np.histogram_bin_edges -> histogramBinEdges; np.histogram2d(x, y,
// bins=) -> histogram2d(x, y, { bins }) (its `hist` field); Python lists -> np.array
// of them; np.random.RandomState(seed).normal(...) in test_scott_vs_stone -> NumPy's
// own draws, fetched at run time (the test's averages depend on those exact samples).
//
// Skipped (not counted as passing):
// - TestHistogram.test_precision: its `range` is a float32/float64 *array*, whose
//   dtype sets the edges' dtype; `range` here is two JS numbers (weak Python floats).
// - TestHistogram.test_exotic_weights, test_object_array_of_0d (object dtype, Decimal),
//   test_datetime (no datetime64); TestHistogramOptimBinNums.test_big_arrays (a
//   2.4 GB sample: out of proportion for the suite, and a JS array holds at most 4 GiB).
import { arange, concatenate, histogram, histogram2d, histogramBinEdges, hstack, linspace, mean, NdArray, ones, sum, tile, ValueError } from '../../lib';
import { arr, vals } from '../helpers/np-port';
import { assertAlmostEqual, assertEqual } from '../helpers/np-assert';
import { describeWithNumpy, runNumpy } from '../helpers/numpy';

describe('TestHistogram', () => {
  test('test_f32_rounding', () => {
    // gh-4799, check that the rounding of the edges works with float32
    const x = arr([276.318359, -69.593948, 21.329449], 'f4');
    const y = arr([5005.689453, 4481.327637, 6010.369629], 'f4');
    const { hist } = histogram2d(x, y, { bins: 100 });
    assertEqual(sum(hist), 3);
  });

  test('test_no_side_effects', () => {
    // This is a regression test that ensures that values passed to ``histogram`` are unchanged.
    const values = arr([1.3, 2.5, 2.3]);
    histogram(values, { range: [-10, 10], bins: 100 });
    assertAlmostEqual(values, [1.3, 2.5, 2.3]);
  });

  test('test_histogram_bin_edges', () => {
    let [, e] = histogram(arr([1, 2, 3, 4]), { bins: [1, 2] });
    let edges = histogramBinEdges(arr([1, 2, 3, 4]), { bins: [1, 2] });
    assertEqual(edges, e);

    const a = arr([0, 0, 0, 1, 2, 3, 3, 4, 5], 'f8');
    [, e] = histogram(a, { bins: 30, range: [-0.5, 5] });
    edges = histogramBinEdges(a, { bins: 30, range: [-0.5, 5] });
    assertEqual(edges, e);

    [, e] = histogram(a, { bins: 'auto', range: [0, 1] });
    edges = histogramBinEdges(a, { bins: 'auto', range: [0, 1] });
    assertEqual(edges, e);
  });

  test('test_gh_28400', () => {
    const e = 1 + 1e-12;
    const Z = [0, 1, 1, 1, 1, 1, e, e, e, e, e, e, 2];
    const [counts, edges] = histogram(arr(Z), { bins: 'auto' });
    expect(counts.size).toBeLessThan(10);
    expect(edges.get(0)).toBe(Z[0]);
    expect(edges.get(edges.size - 1)).toBe(Z[Z.length - 1]);
  });
});

describe('TestHistogramOptimBinNums', () => {
  test('test_empty', () => {
    const estimatorList = ['fd', 'scott', 'rice', 'sturges', 'doane', 'sqrt', 'auto', 'stone'];
    // check it can deal with empty data
    for (const estimator of estimatorList) {
      const [a, b] = histogram(arr([], 'f8'), { bins: estimator });
      assertEqual(a, [0]);
      assertEqual(b, [0, 1]);
    }
  });

  test('test_simple', () => {
    const basicTest: Record<number, Record<string, number>> = {
      50: { fd: 4, scott: 4, rice: 8, sturges: 7, doane: 8, sqrt: 8, auto: 7, stone: 2 },
      500: { fd: 8, scott: 8, rice: 16, sturges: 10, doane: 12, sqrt: 23, auto: 10, stone: 9 },
      5000: { fd: 17, scott: 17, rice: 35, sturges: 14, doane: 17, sqrt: 71, auto: 17, stone: 20 },
    };
    for (const [testlen, expectedResults] of Object.entries(basicTest)) {
      const n = Number(testlen);
      // Create some sort of non uniform data to test with (2 peak uniform mixture)
      const x1 = linspace(-10, -1, Math.floor(n / 5) * 2);
      const x2 = linspace(1, 10, Math.floor(n / 5) * 3);
      const x = concatenate([x1, x2]);
      for (const [estimator, numbins] of Object.entries(expectedResults)) {
        const [a] = histogram(x, { bins: estimator });
        expect([estimator, n, a.size]).toEqual([estimator, n, numbins]);
      }
    }
  });

  test('test_small', () => {
    const smallDat: Record<number, Record<string, number>> = {
      1: { fd: 1, scott: 1, rice: 1, sturges: 1, doane: 1, sqrt: 1, stone: 1 },
      2: { fd: 2, scott: 1, rice: 3, sturges: 2, doane: 1, sqrt: 2, stone: 1 },
      3: { fd: 2, scott: 2, rice: 3, sturges: 3, doane: 3, sqrt: 2, stone: 1 },
    };
    for (const [testlen, expectedResults] of Object.entries(smallDat)) {
      const testdat = arange(Number(testlen)).astype('f8');
      for (const [estimator, expbins] of Object.entries(expectedResults)) {
        const [a] = histogram(testdat, { bins: estimator });
        expect([estimator, testlen, a.size]).toEqual([estimator, testlen, expbins]);
      }
    }
  });

  test('test_incorrect_methods', () => {
    // Check a Value Error is thrown when an unknown string is passed in
    for (const estimator of ['mad', 'freeman', 'histograms', 'IQR']) {
      expect(() => histogram(arr([1, 2, 3]), { bins: estimator })).toThrow(ValueError);
    }
  });

  test('test_novariance', () => {
    // Check that methods handle no variance in data
    const novarDataset = ones(100);
    const novarResultdict = { fd: 1, scott: 1, rice: 1, sturges: 1, doane: 1, sqrt: 1, auto: 1, stone: 1 };
    for (const [estimator, numbins] of Object.entries(novarResultdict)) {
      const [a] = histogram(novarDataset, { bins: estimator });
      expect([estimator, a.size]).toEqual([estimator, numbins]);
    }
  });

  test('test_limited_variance', () => {
    // Check when IQR is 0, but variance exists, we return a reasonable value.
    const limVarData = ones(1000);
    limVarData.set(':3', 0);
    limVarData.set('-4:', 100);

    const edgesAuto = histogramBinEdges(limVarData, { bins: 'auto' });
    assertEqual(edgesAuto.get(0), 0);
    assertEqual(edgesAuto.get(edgesAuto.size - 1), 100);
    expect(edgesAuto.size).toBeLessThan(100);

    const edgesFd = histogramBinEdges(limVarData, { bins: 'fd' });
    assertEqual(edgesFd, [0, 100]);

    const edgesSturges = histogramBinEdges(limVarData, { bins: 'sturges' });
    assertEqual(edgesSturges, linspace(0, 100, 12));
  });

  test('test_outlier', () => {
    // Check the FD, Scott and Doane with outliers.
    const xcenter = linspace(-10, 10, 50);
    const outlierDataset = hstack([linspace(-110, -100, 5), xcenter]);
    const outlierResultdict = { fd: 21, scott: 5, doane: 11, stone: 6 };
    for (const [estimator, numbins] of Object.entries(outlierResultdict)) {
      const [a] = histogram(outlierDataset, { bins: estimator });
      expect([estimator, a.size]).toEqual([estimator, numbins]);
    }
  });

  test('test_simple_range', () => {
    const basicTest: Record<number, Record<string, number>> = {
      50: { fd: 8, scott: 8, rice: 15, sturges: 14, auto: 14, stone: 8 },
      500: { fd: 15, scott: 16, rice: 32, sturges: 20, auto: 20, stone: 80 },
      5000: { fd: 33, scott: 33, rice: 69, sturges: 27, auto: 33, stone: 80 },
    };
    for (const [testlen, expectedResults] of Object.entries(basicTest)) {
      const n = Number(testlen);
      // create some sort of non uniform data to test with (3 peak uniform mixture)
      const x1 = linspace(-10, -1, Math.floor(n / 5) * 2);
      const x2 = linspace(1, 10, Math.floor(n / 5) * 3);
      const x3 = linspace(-100, -50, n);
      const x = hstack([x1, x2, x3]);
      for (const [estimator, numbins] of Object.entries(expectedResults)) {
        const [a] = histogram(x, { bins: estimator, range: [-20, 20] });
        expect([estimator, n, a.size]).toEqual([estimator, n, numbins]);
      }
    }
  });

  const BINS = ['auto', 'fd', 'doane', 'scott', 'stone', 'rice', 'sturges'];

  test.each(BINS)('test_signed_integer_data[%s]', (bins) => {
    // Regression test for gh-14379.
    const a = arr([-2, 0, 127], 'i1');
    const [hist, edges] = histogram(a, { bins });
    const [hist32, edges32] = histogram(a.astype('i4'), { bins });
    assertEqual(hist, hist32);
    assertEqual(edges, edges32);
  });

  test.each(BINS)('test_integer[%s]', (bins) => {
    // Test that bin width for integer data is at least 1.
    assertEqual(histogramBinEdges(tile(arange(9), 1000), { bins }), arange(9));
  });

  test('test_integer_non_auto', () => {
    // Test that the bin-width>=1 requirement *only* applies to auto binning.
    assertEqual(histogramBinEdges(tile(arange(9), 1000), { bins: 16 }), (vals(arange(17)) as number[]).map((v) => v / 2));
    assertEqual(histogramBinEdges(tile(arange(9), 1000), { bins: [0.1, 0.2] }), [0.1, 0.2]);
  });

  test('test_simple_weighted', () => {
    // Check that weighted data raises a TypeError
    for (const estimator of ['fd', 'scott', 'rice', 'sturges', 'auto']) {
      expect(() => histogram(arr([1, 2, 3]), { bins: estimator, weights: arr([1, 2, 3]) })).toThrow(TypeError);
    }
  });
});

describeWithNumpy('TestHistogramOptimBinNums (NumPy-drawn data)', () => {
  test('test_scott_vs_stone', () => {
    // Verify that Scott's rule and Stone's rule converges for normally distributed data.
    // The samples: np.random.RandomState(seed).normal(loc=0, scale=2, size=size), from NumPy.
    const sizes = runNumpy<number[]>('print(json.dumps(np.geomspace(start=10, stop=100, num=4).round().astype(int).tolist()))');
    const samples = runNumpy<number[][][]>(`
sizes = ${JSON.stringify(sizes)}
print(json.dumps([[np.random.RandomState(seed).normal(loc=0, scale=2, size=size).tolist() for size in sizes] for seed in range(10)]))
`);
    const nbinsRatio = (x: NdArray): number => {
      const a = histogram(x, { bins: 'stone' })[0].size;
      const b = histogram(x, { bins: 'scott' })[0].size;
      return a / (a + b);
    };
    const ll = samples.map((row) => row.map((s) => nbinsRatio(arr(s, 'f8'))));
    // the average difference between the two methods decreases as the dataset size increases.
    const avg = (vals(mean(arr(ll, 'f8'), 0)) as number[]).map((v) => Math.abs(v - 0.5));
    assertAlmostEqual(avg, [0.15, 0.09, 0.08, 0.03], 2);
  });
});
