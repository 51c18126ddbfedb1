// NumPy's own numpy/lib/tests/test_index_tricks.py (NumPy 2.4): class TestIx_,
// ported test by test (same names, intent and values).
//
// Mapping: np.ix_(*args) -> ix_(...args); range(n) -> a JS list of 0..n-1;
// np.intp -> int64.
//
// Skipped (not counted as passing): none.
import { arange, array, ix_, nonzero, ValueError } from '../../lib';
import { vals } from '../helpers/np-port';

const range = (n: number): number[] => [...Array(n).keys()];

describe('TestIx_', () => {
  test('test_regression_1', () => {
    expect(ix_(range(0))[0].dtype.str).toBe('<i8');
    expect(ix_([])[0].dtype.str).toBe('<i8');
    expect(ix_(array([], 'f4'))[0].dtype.str).toBe('<f4');
  });
  test('test_shape_and_dtype', () => {
    const sizes = [4, 5, 3, 2];
    for (const func of [range, (n: number) => arange(n)]) {
      const arrays = ix_(...sizes.map((sz) => func(sz)));
      arrays.forEach((a, k) => {
        expect(a.shape[k]).toBe(sizes[k]);
        expect(a.shape.every((sh, j) => j === k || sh === 1)).toBe(true);
        expect('iu').toContain(a.dtype.kind);
      });
    }
  });
  test('test_bool', () => {
    const boolA = [true, false, true, true];
    const [intA] = nonzero(array(boolA));
    expect(vals(ix_(boolA)[0])).toEqual(vals(intA));
  });
  test('test_1d_only', () => {
    expect(() => ix_([[1, 2, 3], [4, 5, 6]])).toThrow(ValueError);
  });
  test('test_repeated_input', () => {
    const x = arange(5);
    const out = ix_(x, x);
    expect(out[0].shape).toEqual([5, 1]);
    expect(out[1].shape).toEqual([1, 5]);
    expect(x.shape).toEqual([5]);
  });
});
