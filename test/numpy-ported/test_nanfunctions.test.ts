// Ported from numpy/lib/tests/test_nanfunctions.py (NumPy 2.4): the _ndat
// fixture and the result-value, all-NaN, empty, keepdims and mutation tests
// of TestNanFunctions_MinMax, _ArgminArgmax, _SumProd, _CumSumProd,
// _MeanVarStd, TestNanFunctions_Median, _Percentile, _Quantile. NumPy's
// RuntimeWarnings are not raised here (README 'Where JavaScript differs').
import * as nr from '../../lib/nan-reduce';
import { array } from '../../lib/array-coerce';
import { zeros, full } from '../../lib/create';
import { ValueError } from '../../lib/errors';
import type { NdArray } from '../../lib';

const NDAT = [
  [0.6244, NaN, 0.2692, 0.0116, NaN, 0.117],
  [0.5351, -0.9403, NaN, 0.21, 0.4759, 0.2833],
  [NaN, NaN, NaN, 0.1042, NaN, -0.5954],
  [0.161, NaN, NaN, 0.1859, 0.3146, NaN],
];
const RDAT = NDAT.map((r) => r.filter((x) => !Number.isNaN(x)));
const ndat = (): NdArray => array(NDAT, 'f8');
const nums = (a: NdArray): number[] => (a.toArray() as (number | bigint)[]).map(Number);
const sumOf = (r: number[]): number => r.reduce((p, x) => p + x, 0);
const meanOf = (r: number[]): number => sumOf(r) / r.length;
const varOf = (r: number[], ddof = 0): number => sumOf(r.map((x) => (x - meanOf(r)) ** 2)) / (r.length - ddof);
const medianOf = (r: number[]): number => {
  const s = [...r].sort((x, y) => x - y);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
};

function closeAll(got: number[], want: number[]): void {
  expect(got.length).toBe(want.length);
  got.forEach((g, i) => expect(g).toBeCloseTo(want[i], 12));
}

describe('TestNanFunctions_MinMax', () => {
  test('test_mutation and test_result_values', () => {
    const a = ndat();
    closeAll(nums(nr.nanmin(a, 1)), RDAT.map((r) => Math.min(...r)));
    closeAll(nums(nr.nanmax(a, 1)), RDAT.map((r) => Math.max(...r)));
    expect(nums(a.ravel()).filter(Number.isNaN).length).toBe(10);
  });
  test('test_allnans', () => {
    for (const f of [nr.nanmin, nr.nanmax]) {
      expect(nums(f(full([3, 3], NaN, 'f8'), 1)).every(Number.isNaN)).toBe(true);
      expect(Number.isNaN(Number(f(full([3, 3], NaN, 'f8')).get()))).toBe(true);
    }
  });
  test('test_keepdims and integer input', () => {
    expect(nr.nanmin(ndat(), 1, { keepdims: true }).shape).toEqual([4, 1]);
    expect(nums(nr.nanmax(array([[1, 5], [7, 2]], 'i4'), 0))).toEqual([7, 5]);
  });
  test('test_empty: fmin/fmax have no identity', () => {
    expect(() => nr.nanmin(zeros([0, 3]), 0)).toThrow(new ValueError('zero-size array to reduction operation fmin which has no identity'));
    expect(() => nr.nanmax(zeros([0]))).toThrow(ValueError);
  });
});

describe('TestNanFunctions_ArgminArgmax', () => {
  test('test_result_values', () => {
    const a = ndat();
    NDAT.forEach((row, i) => {
      const r = array(row, 'f8');
      const lo = Number(nr.nanargmin(r).get());
      const hi = Number(nr.nanargmax(r).get());
      expect(row[lo]).toBe(Math.min(...RDAT[i]));
      expect(row[hi]).toBe(Math.max(...RDAT[i]));
    });
    expect(nums(nr.nanargmin(a, 1))).toEqual([3, 1, 5, 0]);
  });
  test('test_allnans', () => {
    for (const dt of ['<f2', '<f4', '<f8', '<c8', '<c16']) {
      for (const f of [nr.nanargmin, nr.nanargmax]) {
        expect(() => f(full([3, 3], NaN, dt))).toThrow(new ValueError('All-NaN slice encountered'));
        expect(() => f(full([3, 3], NaN, dt), 0)).toThrow('All-NaN slice encountered');
        expect(() => f(full([], NaN, dt))).toThrow('All-NaN slice encountered');
      }
    }
  });
  test('test_empty', () => {
    for (const f of [nr.nanargmin, nr.nanargmax]) {
      expect(() => f(zeros([0, 3]), 0)).toThrow(/attempt to get argm.. of an empty sequence/);
      expect(() => f(zeros([0, 3]), null)).toThrow(/attempt to get argm.. of an empty sequence/);
      expect(f(zeros([0, 3]), 1).shape).toEqual([0]);
    }
  });
});

describe('TestNanFunctions_SumProd and _CumSumProd', () => {
  test('test_result_values', () => {
    closeAll(nums(nr.nansum(ndat(), 1)), RDAT.map(sumOf));
    closeAll(nums(nr.nanprod(ndat(), 1)), RDAT.map((r) => r.reduce((p, x) => p * x, 1)));
  });
  test('test_allnans and test_empty', () => {
    expect(nr.nansum(full([3, 3], NaN, 'f8')).get()).toBe(0);
    expect(nr.nanprod(full([3, 3], NaN, 'f8')).get()).toBe(1);
    expect(nums(nr.nansum(zeros([0, 3]), 0))).toEqual([0, 0, 0]);
    expect(nums(nr.nanprod(zeros([0, 3]), 0))).toEqual([1, 1, 1]);
    expect(nr.nansum(zeros([0, 3]), 1).shape).toEqual([0]);
  });
  test('test_cumsum / cumprod result values', () => {
    const cs = nr.nancumsum(ndat(), 1).toArray() as number[][];
    NDAT.forEach((row, i) => {
      let acc = 0;
      row.forEach((x, j) => {
        acc += Number.isNaN(x) ? 0 : x;
        expect(cs[i][j]).toBeCloseTo(acc, 12);
      });
    });
    expect(nums(nr.nancumprod(array([NaN, 2, NaN, 3], 'f8')))).toEqual([1, 2, 2, 6]);
    expect(nums(nr.nancumsum(full([2, 2], NaN, 'f8')))).toEqual([0, 0, 0, 0]);
  });
});

describe('TestNanFunctions_MeanVarStd', () => {
  test('test_result_values', () => {
    closeAll(nums(nr.nanmean(ndat(), 1)), RDAT.map(meanOf));
    closeAll(nums(nr.nanvar(ndat(), 1)), RDAT.map((r) => varOf(r)));
    closeAll(nums(nr.nanstd(ndat(), 1)), RDAT.map((r) => Math.sqrt(varOf(r))));
    closeAll(nums(nr.nanvar(ndat(), 1, { ddof: 1 })), RDAT.map((r) => varOf(r, 1)));
  });
  test('test_dtype_error', () => {
    expect(() => nr.nanmean(ndat(), 1, { dtype: 'i4' })).toThrow(new TypeError('If a is inexact, then dtype must be inexact'));
    expect(() => nr.nanvar(ndat(), 1, { dtype: 'i8' })).toThrow(TypeError);
  });
  test('test_allnans and test_ddof_too_big: NaN', () => {
    expect(nums(nr.nanmean(full([3, 3], NaN, 'f8'), 1)).every(Number.isNaN)).toBe(true);
    expect(nums(nr.nanvar(full([3, 3], NaN, 'f8'), 0)).every(Number.isNaN)).toBe(true);
    // row 2 has 2 non-NaN items: ddof 2 gives NaN there only.
    const v = nums(nr.nanvar(ndat(), 1, { ddof: 2 }));
    expect(Number.isNaN(v[2])).toBe(true);
    expect(v.filter(Number.isNaN).length).toBe(1);
  });
  test('test_empty', () => {
    expect(nums(nr.nanmean(zeros([0, 3]), 0)).every(Number.isNaN)).toBe(true);
    expect(nr.nanmean(zeros([0, 3]), 1).shape).toEqual([0]);
  });
  test('test_float16 and complex', () => {
    expect(nr.nanmean(array([1, NaN, 2], 'f2')).dtype.str).toBe('<f2');
    expect(nr.nanvar(array([{ re: 1, im: 1 }, { re: NaN, im: 0 }, { re: 3, im: -1 }], 'c16')).dtype.str).toBe('<f8');
    expect(nr.nanvar(array([{ re: 1, im: 1 }, { re: NaN, im: 0 }, { re: 3, im: -1 }], 'c16')).get()).toBeCloseTo(2, 14);
  });
});

describe('TestNanFunctions_Median / _Percentile / _Quantile', () => {
  test('test_result_values', () => {
    closeAll(nums(nr.nanmedian(ndat(), { axis: 1 })), RDAT.map(medianOf));
    closeAll(nums(nr.nanpercentile(ndat(), 50, { axis: 1 })), RDAT.map(medianOf));
    closeAll(nums(nr.nanquantile(ndat(), 0.5, { axis: 1 })), RDAT.map(medianOf));
  });
  test('test_allnans', () => {
    expect(nums(nr.nanmedian(full([3, 3], NaN, 'f8'), { axis: 1 })).every(Number.isNaN)).toBe(true);
    expect(Number.isNaN(Number(nr.nanpercentile(full([3, 3], NaN, 'f8'), 60).get()))).toBe(true);
  });
  test('test_empty and keepdims', () => {
    expect(nums(nr.nanmedian(zeros([0, 3]), { axis: 0 })).every(Number.isNaN)).toBe(true);
    expect(nr.nanmedian(ndat(), { axis: 1, keepdims: true }).shape).toEqual([4, 1]);
    expect(nr.nanpercentile(ndat(), [25, 75], { axis: 1, keepdims: true }).shape).toEqual([2, 4, 1]);
  });
  test('test_out_of_range q and complex', () => {
    expect(() => nr.nanpercentile(ndat(), 101)).toThrow(new ValueError('Percentiles must be in the range [0, 100]'));
    expect(() => nr.nanquantile(ndat(), -0.1)).toThrow(new ValueError('Quantiles must be in the range [0, 1]'));
    expect(() => nr.nanquantile(array([1, 2], 'c8'), 0.5)).toThrow(new TypeError('a must be an array of real numbers'));
  });
  test('test_regression: nanquantile of [0, nan, 1] is 0.5 for every linear q=0.5', () => {
    expect(nr.nanquantile(array([0, NaN, 1], 'f8'), 0.5).get()).toBe(0.5);
    expect(nums(nr.nanquantile(array([[NaN, NaN], [1, 2]], 'f8'), [0, 1], { axis: 1 }).ravel())).toEqual([NaN, 1, NaN, 2]);
  });
});
