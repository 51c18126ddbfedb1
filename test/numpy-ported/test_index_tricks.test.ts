// NumPy's own numpy/lib/tests/test_index_tricks.py (NumPy 2.4): class
// TestFillDiagonal and test_diag_indices, ported test by test: same names, same
// intent, the same values and errors.
//
// Mapping: np.fill_diagonal(a, val, wrap) -> fillDiagonal(a, val, wrap);
// np.diag_indices(n, ndim) -> diagIndices(n, ndim); a[di] = v -> a.set(di, v);
// np.where(a != 0) -> nonzero(a.notEqual(0)).
//
// Skipped (not counted as passing):
// - TestRavelUnravelIndex: ported in test_index_tricks-ravel.test.ts.
// - TestGrid (mgrid/ogrid), TestConcatenator (r_/c_), TestNdenumerate, TestIndexExpression
//   (s_/index_exp), test_ndindex, test_c_, test_ix_*: Python index objects and functions
//   (ndindex) that do not exist here. TestIx_ is ported in test_index_tricks-ix.test.ts,
//   TestDiagIndicesFrom in test_twodim_base-vander-indices.test.ts.
import { diagIndices, fillDiagonal, nonzero, ValueError, zeros } from '../../lib';
import type { NdArray } from '../../lib';
import { arr, vals } from '../helpers/np-port';


describe('TestFillDiagonal', () => {
  test('test_basic', () => {
    const a = zeros([3, 3], 'i8');
    fillDiagonal(a, 5);
    expect(vals(a)).toEqual([[5, 0, 0], [0, 5, 0], [0, 0, 5]]);
  });

  test('test_tall_matrix', () => {
    const a = zeros([10, 3], 'i8');
    fillDiagonal(a, 5);
    expect(vals(a)).toEqual([[5, 0, 0], [0, 5, 0], [0, 0, 5], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]]);
  });

  test('test_tall_matrix_wrap', () => {
    const a = zeros([10, 3], 'i8');
    fillDiagonal(a, 5, true);
    expect(vals(a)).toEqual([[5, 0, 0], [0, 5, 0], [0, 0, 5], [0, 0, 0], [5, 0, 0], [0, 5, 0], [0, 0, 5], [0, 0, 0], [5, 0, 0], [0, 5, 0]]);
  });

  test('test_wide_matrix', () => {
    const a = zeros([3, 10], 'i8');
    fillDiagonal(a, 5);
    expect(vals(a)).toEqual([
      [5, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      [0, 5, 0, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 5, 0, 0, 0, 0, 0, 0, 0],
    ]);
  });

  test('test_operate_4d_array', () => {
    const a = zeros([3, 3, 3, 3], 'i8');
    fillDiagonal(a, 4);
    const i = [0, 1, 2];
    expect(nonzero(a.notEqual(0)).map(vals)).toEqual([i, i, i, i]);
  });

  test('test_low_dim_handling', () => {
    const a = zeros([3], 'i8');
    expect(() => fillDiagonal(a, 5)).toThrow(ValueError);
    expect(() => fillDiagonal(a, 5)).toThrow(/at least 2-d/);
  });

  test('test_hetero_shape_handling', () => {
    const a = zeros([3, 3, 7, 3], 'i8');
    expect(() => fillDiagonal(a, 2)).toThrow(ValueError);
    expect(() => fillDiagonal(a, 2)).toThrow(/equal length/);
  });
});

test('test_diag_indices', () => {
  const di = diagIndices(4);
  let a = arr([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]]);
  a.set(di, 100);
  expect(vals(a)).toEqual([[100, 2, 3, 4], [5, 100, 7, 8], [9, 10, 100, 12], [13, 14, 15, 100]]);
  const d3 = diagIndices(2, 3);
  a = zeros([2, 2, 2], 'i8');
  a.set(d3, 1);
  expect(vals(a)).toEqual([[[1, 0], [0, 0]], [[0, 0], [0, 1]]]);
});
