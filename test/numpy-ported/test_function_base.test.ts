// NumPy's own numpy/lib/tests/test_function_base.py (NumPy 2.4): class
// TestBincount, ported test by test: same names, same intent, the same
// values and errors. np.bincount(x, w, minlength) -> bincount(x, { weights,
// minlength }); a Python list argument -> an array here (bincount takes arrays).
//
// test_empty_list and test_error_not_1d run their list forms as arrays (bincount takes arrays only).
//
// Skipped (not counted as passing):
// - test_dtype_reference_leaks: Python refcounts.
// - test_gh_28354_array_like: the __array__ protocol.
import { arange, bincount, NdArray, ValueError, zeros } from '../../lib';
import { array } from '../helpers/np-array';

const nums = (a: NdArray): number[] => (a.toArray() as (number | bigint)[]).map(Number);

describe('TestBincount', () => {
  test('test_simple', () => {
    expect(nums(bincount(arange(4)))).toEqual([1, 1, 1, 1]);
  });

  test('test_simple2', () => {
    expect(nums(bincount(array([1, 5, 2, 4, 1])))).toEqual([0, 2, 1, 0, 1, 1]);
  });

  test('test_simple_weight', () => {
    const x = arange(4);
    const w = array([0.2, 0.3, 0.5, 0.1], 'f8');
    expect(nums(bincount(x, { weights: w }))).toEqual([0.2, 0.3, 0.5, 0.1]);
  });

  test('test_simple_weight2', () => {
    const x = array([1, 2, 4, 5, 2]);
    const w = array([0.2, 0.3, 0.5, 0.1, 0.2], 'f8');
    expect(nums(bincount(x, { weights: w }))).toEqual([0, 0.2, 0.5, 0, 0.5, 0.1]);
  });

  test('test_with_minlength', () => {
    const x = array([0, 1, 0, 1, 1]);
    expect(nums(bincount(x, { minlength: 3 }))).toEqual([2, 3, 0]);
    expect(nums(bincount(zeros(0, 'i8'), { minlength: 0 }))).toEqual([]);
  });

  test('test_with_minlength_smaller_than_maxvalue', () => {
    const x = array([0, 1, 1, 2, 2, 3, 3]);
    expect(nums(bincount(x, { minlength: 2 }))).toEqual([1, 2, 2, 2]);
    expect(nums(bincount(x, { minlength: 0 }))).toEqual([1, 2, 2, 2]);
  });

  test('test_with_minlength_and_weights', () => {
    const x = array([1, 2, 4, 5, 2]);
    const w = array([0.2, 0.3, 0.5, 0.1, 0.2], 'f8');
    expect(nums(bincount(x, { weights: w, minlength: 8 }))).toEqual([0, 0.2, 0.5, 0, 0.5, 0.1, 0, 0]);
  });

  test('test_empty', () => {
    const x = zeros(0, 'i8');
    const y = bincount(x);
    expect(nums(y)).toEqual(nums(x));
  });

  test('test_empty_with_minlength', () => {
    const y = bincount(zeros(0, 'i8'), { minlength: 5 });
    expect(nums(y)).toEqual([0, 0, 0, 0, 0]);
    expect(y.dtype.name).toBe('int64');
  });

  test.each([0, 3])('test_empty_list[%d]', (minlength) => {
    const y = bincount(zeros(0, 'i8'), { minlength });
    expect(nums(y)).toEqual(new Array<number>(minlength).fill(0));
  });

  test('test_with_incorrect_minlength', () => {
    for (const x of [zeros(0, 'i8'), arange(5)]) {
      expect(() => bincount(x, { minlength: 'foobar' as never })).toThrow(TypeError);
      expect(() => bincount(x, { minlength: -1 })).toThrow(ValueError);
      expect(() => bincount(x, { minlength: -1 })).toThrow(/must not be negative/);
    }
  });

  test.each([
    ['[[2, 2]]', () => array([[2, 2]])],
    ['2', () => { const a = zeros([], 'i8'); a.fill(2); return a; }],
  ] as const)('test_error_not_1d[%s]', (_n, make) => {
    // values has to be 1-D
    expect(() => bincount(make())).toThrow(ValueError);
  });

  test.each(['i1', 'i2', 'i4', 'i8', 'u1', 'u2', 'u4', 'u8'])('test_gh_28354[%s]', (dt) => {
    const a = array([0, 1, 1, 3, 2, 1, 7], dt);
    expect(nums(bincount(a))).toEqual([1, 3, 1, 1, 0, 0, 0, 1]);
  });

  test('test_contiguous_handling', () => {
    // check for absence of hard crash
    const r = bincount(arange(10000).index('::2'));
    expect(r.size).toBe(9999);
  });
});
