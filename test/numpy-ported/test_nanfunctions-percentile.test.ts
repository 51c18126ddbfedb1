// NumPy's own numpy/lib/tests/test_nanfunctions.py (NumPy 2.4): class
// TestNanFunctions_Percentile, ported test by test: same names, same intent,
// the same values, shapes, dtypes and errors. (test_nanfunctions.test.ts holds
// a condensed port of the file's classes; this file is the class one for one.)
//
// Mapping: np.nanpercentile(a, q, axis=, keepdims=, out=) -> nanpercentile(a, q,
// { axis, keepdims, out }); np.percentile likewise; _ndat / _rdat -> the same
// values; np.random -> the suite's seeded generator; d[tuple(w)] = nan -> one
// set per index; np.nan * mat -> multiply(NaN, mat).
//
// Skipped (not counted as passing):
// - the weighted parametrizations (weights=, method='inverted_cdf' with weights) of
//   test_out and test_result_values, test_nan_value_with_weight,
//   test_nan_value_with_weight_ndim: no `weights` option here.
// - the RuntimeWarning checks of test_allnans and test_empty: no warnings here (the
//   values are ported).
// - test_complex's 'G' line: no clongdouble.
// - test_keepdims' out=None, overwrite_input=False keywords: no overwrite_input here
//   (the call is ported without it).
import {
  AxisError, empty, eye, full, isnan, multiply, nanpercentile, NdArray, ones, percentile, ValueError, zeros,
} from '../../lib';
import { arr, vals } from '../helpers/np-port';
import { assertAlmostEqual, assertEqual } from '../helpers/np-assert';
import { rng } from '../helpers/bytes';

const NDAT = [
  [0.6244, NaN, 0.2692, 0.0116, NaN, 0.117],
  [0.5351, -0.9403, NaN, 0.21, 0.4759, 0.2833],
  [NaN, NaN, NaN, 0.1042, NaN, -0.5954],
  [0.161, NaN, NaN, 0.1859, 0.3146, NaN],
];
const RDAT = NDAT.map((r) => r.filter((x) => !Number.isNaN(x)));
const ndat = (): NdArray => arr(NDAT, 'f8');

/** np.ones((3, 5, 7, 11)) with 200 random items set to NaN (the test's w). */
function withNans(seed: number): NdArray {
  const d = ones([3, 5, 7, 11]);
  const r = rng(seed);
  for (let k = 0; k < 200; k++) d.set(d.shape.map((n) => Math.floor(r() * n)), NaN);
  return d;
}

describe('TestNanFunctions_Percentile', () => {
  test('test_mutation', () => {
    // Check that passed array is not modified.
    const d = ndat();
    nanpercentile(d, 30);
    assertEqual(d, NDAT);
  });

  test('test_keepdims', () => {
    const mat = eye(3);
    for (const axis of [null, 0, 1]) {
      const tgt = percentile(mat, 70, { axis });
      const res = nanpercentile(mat, 70, { axis });
      expect(res.ndim).toBe(tgt.ndim);
    }
    const d = withNans(11);
    const cases: [number | number[] | null, number[]][] = [
      [null, [1, 1, 1, 1]],
      [[0, 1], [1, 1, 7, 11]],
      [[0, 3], [1, 5, 7, 1]],
      [[1], [3, 1, 7, 11]],
      [[0, 1, 2, 3], [1, 1, 1, 1]],
      [[0, 1, 3], [1, 1, 7, 1]],
    ];
    for (const [axis, shape] of cases) expect(nanpercentile(d, 90, { axis, keepdims: true }).shape).toEqual(shape);
  });

  for (const q of [7, [1, 7]]) {
    for (const axis of [null, 1, [1], [0, 1], [-3, -1]]) {
      test(`test_keepdims_out[${JSON.stringify(axis)}-${JSON.stringify(q)}]`, () => {
        const d = withNans(12);
        let shapeOut: number[];
        if (axis === null) shapeOut = d.shape.map(() => 1);
        else {
          const axisNorm = (typeof axis === 'number' ? [axis] : axis).map((x) => (x < 0 ? x + d.ndim : x));
          shapeOut = d.shape.map((n, i) => (axisNorm.includes(i) ? 1 : n));
        }
        shapeOut = [...(Array.isArray(q) ? [q.length] : []), ...shapeOut];
        const out = empty(shapeOut);
        const result = nanpercentile(d, q, { axis, keepdims: true, out });
        expect(result).toBe(out);
        expect(result.shape).toEqual(shapeOut);
      });
    }
  }

  test('test_out[weighted=False]', () => {
    const r = rng(13);
    const mat = zeros([3, 3]);
    mat.reshape(-1).set(Array.from({ length: 9 }, () => r()));
    // np.insert(mat, [0, 2], np.nan, axis=1)
    const nanMat = full([3, 5], NaN);
    for (let i = 0; i < 3; i++) for (const [to, from] of [[1, 0], [2, 1], [4, 2]]) nanMat.set([i, to], mat.get(i, from));
    let resout = zeros(3);
    let tgt = percentile(mat, 42, { axis: 1 });
    let res = nanpercentile(nanMat, 42, { axis: 1, out: resout });
    assertAlmostEqual(res, resout);
    assertAlmostEqual(res, tgt);
    // 0-d output:
    resout = zeros([]);
    tgt = percentile(mat, 42, { axis: null });
    res = nanpercentile(nanMat, 42, { axis: null, out: resout });
    assertAlmostEqual(res, resout);
    assertAlmostEqual(res, tgt);
    res = nanpercentile(nanMat, 42, { axis: [0, 1], out: resout });
    assertAlmostEqual(res, resout);
    assertAlmostEqual(res, tgt);
  });

  test('test_complex', () => {
    const c = [{ re: 0.5, im: 3.0 }, { re: 2.1, im: 0.5 }, { re: 1.6, im: 2.3 }];
    expect(() => nanpercentile(arr(c, 'D'), 0.5)).toThrow(TypeError);
    expect(() => nanpercentile(arr(c, 'F'), 0.5)).toThrow(TypeError);
  });

  for (const useOut of [false, true]) {
    test(`test_result_values[use_out=${useOut}-weighted=False]`, () => {
      const tgt = RDAT.map((d) => Number(percentile(arr(d, 'f8'), 28).get()));
      let out = useOut ? empty(tgt.length) : null;
      let res = nanpercentile(ndat(), 28, { axis: 1, out });
      assertAlmostEqual(res, tgt);
      // Transpose the array to fit the output convention of numpy.percentile
      const per = RDAT.map((d) => vals(percentile(arr(d, 'f8'), [28, 98])) as number[]);
      const tgt2 = [per.map((p) => p[0]), per.map((p) => p[1])];
      out = useOut ? empty([2, 4]) : null;
      res = nanpercentile(ndat(), [28, 98], { axis: 1, out });
      assertAlmostEqual(res, tgt2);
      if (out !== null) expect(res).toBe(out);
    });
  }

  for (const axis of [null, 0, 1]) {
    for (const dtype of ['e', 'f', 'd']) {
      for (const [id, make] of [['0d', (): NdArray => arr(NaN, 'f8')], ['2d', (): NdArray => full([3, 3], NaN)]] as const) {
        if (axis !== null && id === '0d') continue; // `axis != None` not supported for 0d arrays
        test(`test_allnans[${id}-${dtype}-${axis}]`, () => {
          const array = make().astype(dtype);
          const out = nanpercentile(array, 60, { axis });
          expect(isnan(out).all().get()).toBe(true);
          expect(out.dtype.equals(array.dtype)).toBe(true);
        });
      }
    }
  }

  test('test_empty', () => {
    const mat = zeros([0, 3]);
    for (const axis of [0, null]) expect(isnan(nanpercentile(mat, 40, { axis })).all().get()).toBe(true);
    for (const axis of [1]) {
      const r = nanpercentile(mat, 40, { axis });
      expect(r.shape).toEqual([0]);
      assertEqual(r, []);
    }
  });

  test('test_scalar', () => {
    assertEqual(nanpercentile(arr(0.0, 'f8'), 100), 0.0);
    const a = arr([0, 1, 2, 3, 4, 5]);
    const r = nanpercentile(a, 50, { axis: 0 });
    assertEqual(r, 2.5);
    expect(r.ndim).toBe(0);
  });

  test('test_extended_axis_invalid', () => {
    const d = ones([3, 5, 7, 11]);
    expect(() => nanpercentile(d, 5, { axis: -5 })).toThrow(AxisError);
    expect(() => nanpercentile(d, 5, { axis: [0, -5] })).toThrow(AxisError);
    expect(() => nanpercentile(d, 5, { axis: 4 })).toThrow(AxisError);
    expect(() => nanpercentile(d, 5, { axis: [0, 4] })).toThrow(AxisError);
    expect(() => nanpercentile(d, 5, { axis: [1, 1] })).toThrow(ValueError);
  });

  test('test_multiple_percentiles', () => {
    const perc = [50, 100];
    const mat = ones([4, 3]);
    const nanMat = multiply(NaN, mat);
    // For checking consistency in higher dimensional case
    const largeMat = ones([3, 4, 5]);
    largeMat.index(':, 0:2:4, :').fill(0);
    const tail = largeMat.index(':, :, 3:');
    multiply(tail, 2, { out: tail });
    for (const axis of [null, 0, 1]) {
      for (const keepdims of [false, true]) {
        let val = percentile(mat, perc, { axis, keepdims });
        let nanVal = nanpercentile(nanMat, perc, { axis, keepdims });
        expect(nanVal.shape).toEqual(val.shape);
        val = percentile(largeMat, perc, { axis, keepdims });
        nanVal = nanpercentile(largeMat, perc, { axis, keepdims });
        expect(nanVal.shape).toEqual(val.shape);
        assertEqual(nanVal, val);
      }
    }
    const megamat = ones([3, 4, 5, 6]);
    expect(nanpercentile(megamat, perc, { axis: [1, 2] }).shape).toEqual([2, 3, 6]);
  });
});
