// NumPy's own numpy/_core/tests/test_multiarray.py (NumPy 2.4): the TestArrayConstruction
// tests not ported in test_multiarray.test.ts, ported test by test: same names,
// same intent, the same values and errors.
//
// Mapping: np.array(d, copy=, order=) -> array(d, null, { copy, order });
// np.asarray -> asarray; np.ascontiguousarray -> ascontiguousarray; d[1] = 3 ->
// d.set([1], 3).
//
// Left out, not counted as passing:
// - test_array_cont's np.asfortranarray lines, and the np.asanyarray / np.asfortranarray
//   parametrizations of test_bad_arguments_error: there is no asfortranarray / asanyarray.
// - test_bad_arguments_error's "too many arguments" line: JavaScript ignores extra arguments.
// - test_0d_array_shape: np.ones(np.array(3)) takes a 0-d array as a shape through
//   Python's __index__; shapes here are numbers or lists of numbers (a TypeError otherwise).
// - test_array_as_keyword, test_array_signature: Python keyword names and __text_signature__.
import { array, asarray, ascontiguousarray, ones, ValueError, type NdArray } from '../../lib';
import { vals } from '../helpers/np-array';

describe('TestArrayConstruction', () => {
  test('test_array_empty', () => {
    expect(() => (array as unknown as () => NdArray)()).toThrow(TypeError);
  });

  test('test_array_copy_false', () => {
    const d = array([1, 2, 3]);
    const e = array(d, null, { copy: false });
    d.set([1], 3);
    expect(vals(e)).toEqual([1, 3, 3]);
    array(d, null, { copy: false, order: 'F' });
  });

  test('test_array_copy_if_needed', () => {
    const d = array([1, 2, 3]);
    let e = array(d, null, { copy: null });
    d.set([1], 3);
    expect(vals(e)).toEqual([1, 3, 3]);
    e = array(d, null, { copy: null, order: 'F' });
    d.set([1], 4);
    expect(vals(e)).toEqual([1, 4, 3]);
    e.set([2], 7);
    expect(vals(d)).toEqual([1, 4, 7]);
  });

  test('test_array_copy_true', () => {
    const d = array([
      [1, 2, 3],
      [1, 2, 3],
    ]);
    let e = array(d, null, { copy: true });
    d.set([0, 1], 3);
    e.set([0, 2], -7);
    expect(vals(e)).toEqual([
      [1, 2, -7],
      [1, 2, 3],
    ]);
    expect(vals(d)).toEqual([
      [1, 3, 3],
      [1, 2, 3],
    ]);
    e = array(d, null, { copy: true, order: 'F' });
    d.set([0, 1], 5);
    e.set([0, 2], 7);
    expect(vals(e)).toEqual([
      [1, 3, 7],
      [1, 2, 3],
    ]);
    expect(vals(d)).toEqual([
      [1, 5, 3],
      [1, 2, 3],
    ]);
  });

  test('test_array_copy_str', () => {
    const call = (): NdArray => array([1, 2, 3], null, { copy: 'always' as never });
    expect(call).toThrow(ValueError);
    expect(call).toThrow("strings are not allowed for 'copy' keyword. Use True/False/None instead.");
  });

  test('test_array_cont', () => {
    let d = ones(10).index('::2');
    expect(ascontiguousarray(d).flags.cContiguous).toBe(true);
    expect(ascontiguousarray(d).flags.fContiguous).toBe(true);
    d = ones([10, 10]).index('::2, ::2');
    expect(ascontiguousarray(d).flags.cContiguous).toBe(true);
  });

  test.each([
    ['array', array],
    ['asarray', asarray],
    ['ascontiguousarray', ascontiguousarray],
  ] as const)('test_bad_arguments_error[%s]', (_name, func) => {
    const f = func as unknown as (...args: unknown[]) => NdArray;
    expect(() => f(3, 'bad dtype')).toThrow(TypeError);
    expect(() => f()).toThrow(TypeError);
  });
});
