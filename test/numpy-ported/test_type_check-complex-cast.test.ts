// NumPy's own numpy/lib/tests/test_type_check.py (NumPy 2.4): class
// TestRealIfClose, and numpy/lib/tests/test_function_base.py: class
// TestSortComplex, ported test by test (same names, intent and values).
//
// Mapping: np.random.rand(10) -> ten fixed values in [0, 1); a + 1e-15j ->
// add(a, { re: 0, im: 1e-15 }); typecodes 'l','h','H','b','B' -> int64, int16,
// uint16, int8, uint8; 'D'/'F' -> complex128/complex64.
//
// Skipped (not counted as passing):
// - TestSortComplex.test_sort_real[g-G]: longdouble / clongdouble do not exist here.
import { add, array, iscomplexobj, isrealobj, realIfClose, sort, sortComplex } from '../../lib';
import { vals } from '../helpers/np-port';

describe('TestRealIfClose', () => {
  test('test_basic', () => {
    const a = array([0.37, 0.95, 0.73, 0.6, 0.16, 0.16, 0.06, 0.87, 0.6, 0.71]);
    let b = realIfClose(add(a, { re: 0, im: 1e-15 }));
    expect(isrealobj(b)).toBe(true);
    expect(vals(b)).toEqual(vals(a));
    b = realIfClose(add(a, { re: 0, im: 1e-7 }));
    expect(iscomplexobj(b)).toBe(true);
    b = realIfClose(add(a, { re: 0, im: 1e-7 }), 1e-6);
    expect(isrealobj(b)).toBe(true);
  });
});

describe('TestSortComplex', () => {
  for (const [typeIn, typeOut] of [['<i8', '<c16'], ['<i2', '<c8'], ['<u2', '<c8'], ['|i1', '<c8'], ['|u1', '<c8']]) {
    test(`test_sort_real[${typeIn}-${typeOut}]`, () => {
      const a = array([5, 3, 6, 2, 1], typeIn as never);
      const actual = sortComplex(a);
      const expected = sort(a).astype(typeOut as never);
      expect(actual.toArray()).toEqual(expected.toArray());
      expect(actual.dtype.str).toBe(expected.dtype.str);
    });
  }
  test('test_sort_complex', () => {
    const c = (re: number, im: number): { re: number; im: number } => ({ re, im });
    const a = array([c(2, 3), c(1, -2), c(1, -3), c(2, 1)], '<c16');
    expect(sortComplex(a).toArray()).toEqual([c(1, -3), c(1, -2), c(2, 1), c(2, 3)]);
  });
});
