// NumPy's own numpy/_core/tests/test_numeric.py (NumPy 2.4), classes TestAsType and
// TestNonarrayArgs: the tests test_numeric-stdvar.test.ts does not carry (it
// has the std/var `mean=` ones), ported test by test: same names, same intent,
// the same values, shapes and errors.
//
// Mapping: NumPy's point here is that a nested list works where an array is
// expected. The functions that take JS lists (choose, compress's condition, size, take's indices)
// get the list; the others are typed to take an NdArray, so the list goes
// through asarray() first, which is what NumPy does inside them. np.var ->
// variance; keywords -> options (axis=1, keepdims=True -> sum(a, 1, {
// keepdims: true })); a NumPy scalar (np.float64(1.)) -> a 0-d array;
// Python's round(s, n) of a NumPy scalar (which calls np.round) -> around of
// a 0-d array; the method `arr.reshape(shape, copy=False)` -> reshape(arr,
// shape, { copy: false }) (the method's second argument is the order).
//
// Ported to documented differences:
// - test_mean, test_std, test_var: NumPy warns (RuntimeWarning) for the mean
//   of an empty array; the NaN is the same here, nothing is printed (README).
// - test_var: NumPy's object array [1j, 0] -> a complex128 array (no object dtype).
//
// Left out, not counted as passing:
// - test_dunder_round: Python's round(s) turns a NumPy scalar into a Python
//   int; there are no NumPy scalars (nor __round__) in JS.
// - test_round_py_consistency: an xfail in NumPy (gh-15896).
// - test_std/var_with_mean_keyword_keepdims_true_masked: np.ma does not exist here.
import {
  around, arange, asarray, astype, choose, clip, compress, countNonzero, diagonal, matrixTranspose, mean, prod, ptp, ravel, repeat, reshape, searchsorted,
  sharesMemory, size, squeeze, std, sum, swapaxes, take, trace, transpose, ValueError, variance, zeros,
} from '../../lib';
import type { NdArray } from '../../lib';
import { assertAlmostEqual, assertEqual } from '../helpers/np-assert';
import { vals } from '../helpers/np-array';

const A = [[1, 2, 3], [4, 5, 6]];
const num = (a: NdArray): number => Number(a.toArray() as number | bigint);

describe('TestNonarrayArgs', () => {
  test('test_choose', () => {
    const choices = [[0, 1, 2], [3, 4, 5], [5, 6, 7]];
    assertEqual(choose([2, 0, 1], choices), [5, 1, 5]);
  });

  test('test_clip', () => {
    assertEqual(clip(asarray([-1, 5, 2, 3, 10, -4, -9]), 2, 7), [2, 5, 2, 3, 7, 2, 2]);
  });

  test('test_compress', () => {
    const arr = asarray([[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]]);
    assertEqual(compress([0, 1], arr, { axis: 0 }), [[5, 6, 7, 8, 9]]);
  });

  test('test_count_nonzero', () => {
    const arr = asarray([[0, 1, 7, 0, 0], [3, 0, 0, 2, 19]]);
    assertEqual(countNonzero(arr, 1), [2, 3]);
  });

  test('test_diagonal', () => {
    const a = asarray([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]);
    assertEqual(diagonal(a), [0, 5, 10]);
  });

  test('test_mean', () => {
    expect(num(mean(asarray(A)))).toBe(3.5);
    expect(vals(mean(asarray(A), 0))).toEqual([2.5, 3.5, 4.5]);
    expect(vals(mean(asarray(A), 1))).toEqual([2, 5]);
    // NumPy: NaN with a RuntimeWarning (no warning here, see the header).
    expect(num(mean(asarray([])))).toBeNaN();
  });

  test('test_ptp', () => {
    assertEqual(ptp(asarray([3, 4, 5, 10, -3, -5, 6.0]), { axis: 0 }), 15.0);
  });

  test('test_prod', () => {
    const arr = asarray([[1, 2, 3, 4], [5, 6, 7, 9], [10, 3, 4, 5]]);
    assertEqual(prod(arr, -1), [24, 1890, 600]);
  });

  test('test_ravel', () => {
    const a = asarray([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]]);
    assertEqual(ravel(a), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  test('test_repeat', () => {
    assertEqual(repeat(asarray([1, 2, 3]), 2), [1, 1, 2, 2, 3, 3]);
  });

  test('test_reshape', () => {
    const arr = asarray([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]]);
    assertEqual(reshape(arr, [2, 6]), [[1, 2, 3, 4, 5, 6], [7, 8, 9, 10, 11, 12]]);
  });

  test('test_reshape_shape_arg', () => {
    const arr = arange(12);
    const shape = [3, 4];
    const expected = arr.reshape(shape);
    expect(() => (reshape as (a: NdArray) => NdArray)(arr)).toThrow(TypeError);
    expect(() => (reshape as (a: NdArray) => NdArray)(arr)).toThrow(/reshape\(\) missing 1 required positional argument: 'shape'/);
    assertEqual(reshape(arr, shape), expected);
    assertEqual(reshape(arr, shape, { order: 'C' }), expected);
    expect(reshape(arr, shape, { order: 'C' }).shape).toEqual([3, 4]);
  });

  test('test_reshape_copy_arg', () => {
    const arr = arange(24).reshape(2, 3, 4);
    const arrF = arr.copy('F'); // np.array(arr, order="F")
    const shape = [12, 2];

    expect(sharesMemory(reshape(arr, shape), arr)).toBe(true);
    expect(sharesMemory(reshape(arr, shape, { order: 'C' }), arr)).toBe(true);
    expect(sharesMemory(reshape(arrF, shape, { order: 'F' }), arrF)).toBe(true);
    expect(sharesMemory(reshape(arr, shape, { copy: null }), arr)).toBe(true);
    expect(sharesMemory(reshape(arr, shape, { copy: false }), arr)).toBe(true);
    expect(sharesMemory(reshape(arr, shape, { copy: true }), arr)).toBe(false);
    expect(sharesMemory(reshape(arr, shape, { order: 'C', copy: true }), arr)).toBe(false);
    expect(sharesMemory(reshape(arr, shape, { order: 'F', copy: true }), arr)).toBe(false);
    expect(sharesMemory(reshape(arr, shape, { order: 'F', copy: null }), arr)).toBe(false);

    const errMsg = /Unable to avoid creating a copy while reshaping\./;
    expect(() => reshape(arr, shape, { order: 'F', copy: false })).toThrow(ValueError);
    expect(() => reshape(arr, shape, { order: 'F', copy: false })).toThrow(errMsg);
    expect(() => reshape(arrF, shape, { order: 'C', copy: false })).toThrow(errMsg);
    // The copies hold the same items in the same logical order as the views.
    assertEqual(reshape(arr, shape, { copy: true }), reshape(arr, shape));
    assertEqual(reshape(arr, shape, { order: 'F', copy: true }), reshape(arr, shape, { order: 'F' }));
  });

  test('test_round', () => {
    assertEqual(around(asarray([1.56, 72.54, 6.35, 3.25]), 1), [1.6, 72.5, 6.4, 3.2]);
    const s = asarray(1.0, 'f8'); // np.float64(1.)
    const r = around(s);
    expect([r.dtype.name, r.ndim, r.toArray()]).toEqual(['float64', 0, 1]);
  });

  test('test_dunder_round_edgecases', () => {
    // round(val, ndigits) of a Python int against np.round of an int32 (Python's values).
    const val = 2 ** 31 - 1;
    const cases: [number, number][] = [
      [1 - Math.ceil(Math.log10(val)), 2000000000],
      [-Math.ceil(Math.log10(val)), 0],
    ];
    for (const [ndigits, python] of cases) {
      const r = around(asarray(val, 'i4'), ndigits);
      expect([ndigits, r.dtype.name, r.toArray()]).toEqual([ndigits, 'int32', python]);
    }
  });

  test('test_dunder_round_accuracy', () => {
    const f = around(asarray(5.1 * 10 ** 73, 'f8'), -73);
    expect(f.dtype.name).toBe('float64');
    // assert_array_max_ulp(round(f, -73), 5.0 * 10**73): within 1 ulp.
    const got = f.toArray() as number;
    const ulp = 2 ** (Math.floor(Math.log2(5.0e73)) - 52);
    expect(Math.abs(got - 5.0e73)).toBeLessThanOrEqual(ulp);

    const i = around(asarray(501, 'i8'), -2);
    expect([i.dtype.name, i.toArray()]).toEqual(['int64', 500n]);
  });

  test('test_searchsorted', () => {
    assertEqual(searchsorted(asarray([-8, -5, -1, 3, 6, 10]), 0), 3);
  });

  test('test_size', () => {
    expect(size(A)).toBe(6);
    expect(size(A, 0)).toBe(2);
    expect(size(A, 1)).toBe(3);
    expect(size(A, [])).toBe(1);
    expect(size(A, [0])).toBe(2);
    expect(size(A, [1])).toBe(3);
    expect(size(A, [0, 1])).toBe(6);
  });

  test('test_squeeze', () => {
    const a = asarray([[[1, 1, 1], [2, 2, 2], [3, 3, 3]]]);
    expect(squeeze(a).shape).toEqual([3, 3]);
    expect(squeeze(zeros([1, 3, 1])).shape).toEqual([3]);
    expect(squeeze(zeros([1, 3, 1]), 0).shape).toEqual([3, 1]);
    expect(squeeze(zeros([1, 3, 1]), -1).shape).toEqual([1, 3]);
    expect(squeeze(zeros([1, 3, 1]), 2).shape).toEqual([1, 3]);
    const wrapped = (): NdArray => asarray([zeros([3, 1])]); // [np.zeros((3, 1))]
    expect(squeeze(wrapped()).shape).toEqual([3]);
    expect(squeeze(wrapped(), 0).shape).toEqual([3, 1]);
    expect(squeeze(wrapped(), 2).shape).toEqual([1, 3]);
    expect(squeeze(wrapped(), -1).shape).toEqual([1, 3]);
  });

  test('test_std', () => {
    assertAlmostEqual(std(asarray(A)), 1.707825127659933);
    assertAlmostEqual(std(asarray(A), 0), [1.5, 1.5, 1.5]);
    assertAlmostEqual(std(asarray(A), 1), [0.81649658, 0.81649658]);
    expect(num(std(asarray([])))).toBeNaN();
  });

  test('test_swapaxes', () => {
    const a = asarray([[[0, 1], [2, 3]], [[4, 5], [6, 7]]]);
    assertEqual(swapaxes(a, 0, 2), [[[0, 4], [2, 6]], [[1, 5], [3, 7]]]);
  });

  test('test_sum', () => {
    const m = asarray([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    const out = sum(m, 1, { keepdims: true });
    assertEqual([[6], [15], [24]], out);
    expect(out.shape).toEqual([3, 1]);
  });

  test('test_take', () => {
    assertEqual(take(asarray([1, 2, 3, 4, 5]), [1, 2, 4]), [2, 3, 5]);
    const pairs: [string, string][] = [['i4', 'i4'], ['i4', 'i8'], ['i8', 'i4'], ['i8', 'i8']];
    for (const [arrayType, indicesType] of pairs) {
      const x = asarray([1, 2, 3, 4, 5], arrayType);
      const ind = asarray([0, 2, 2, 3], indicesType);
      const tgt = asarray([1, 3, 3, 4], arrayType);
      const out = take(x, ind);
      assertEqual(out, tgt);
      expect(out.dtype.name).toBe(tgt.dtype.name);
    }
  });

  test('test_trace', () => {
    assertEqual(trace(asarray([[1, 2], [3, 4], [5, 6]])), 5);
  });

  test('test_transpose', () => {
    const arr = asarray([[1, 2], [3, 4], [5, 6]]);
    const tgt = [[1, 3, 5], [2, 4, 6]];
    assertEqual(transpose(arr, [1, 0]), tgt);
    assertEqual(transpose(arr, [-1, -2]), tgt);
    assertEqual(matrixTranspose(arr), tgt);
  });

  test('test_var', () => {
    assertAlmostEqual(variance(asarray(A)), 2.9166666666666665);
    assertAlmostEqual(variance(asarray(A), 0), [2.25, 2.25, 2.25]);
    assertAlmostEqual(variance(asarray(A), 1), [0.66666667, 0.66666667]);
    expect(num(variance(asarray([])))).toBeNaN();
    // np.array([None, 0]) with B[0] = 1j: an object array of 1j and 0 -> complex128 here.
    const B = asarray([{ re: 0, im: 1 }, 0]);
    assertAlmostEqual(variance(B), 0.25);
  });
});

describe('TestAsType', () => {
  test('test_astype', () => {
    const data = [[1, 2], [3, 4]];
    let actual = astype(asarray(data, 'i8'), 'u4');
    let expected = asarray(data, 'u4');
    assertEqual(actual, expected);
    expect(actual.dtype.name).toBe(expected.dtype.name);
    expect(sharesMemory(actual, astype(actual, actual.dtype, { copy: false }))).toBe(true);

    actual = astype(asarray(10, 'i8'), 'f8'); // np.int64(10): a 0-d array here
    expected = asarray(10, 'f8');
    assertEqual(actual, expected);
    expect(actual.dtype.name).toBe(expected.dtype.name);

    expect(() => astype(data as unknown as NdArray, 'f8')).toThrow(TypeError);
    expect(() => astype(data as unknown as NdArray, 'f8')).toThrow(/Input should be a NumPy array/);
  });
});
