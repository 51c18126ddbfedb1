// NumPy's own numpy/lib/tests/test_twodim_base.py (NumPy 2.4): classes
// TestTrilIndicesFrom, TestTriuIndicesFrom and TestVander, and
// numpy/lib/tests/test_index_tricks.py: class TestDiagIndicesFrom, ported test
// by test: same names, same intent, the same values, dtypes and errors.
//
// Mapping: np.vander(c, N=n) -> vander(c, n); tril_indices_from/triu_indices_from/
// diag_indices_from -> trilIndicesFrom/triuIndicesFrom/diagIndicesFrom; np.random.random((4, 4))
// -> any 4×4 float64 array (only its shape is read); complex values -> { re, im }.
//
// Skipped (not counted as passing): none; the commented-out non-square assertions in NumPy's
// TestTrilIndicesFrom/TestTriuIndicesFrom stay out (a 2×3 array is accepted, as NumPy's).
import { arange, diagIndicesFrom, ones, trilIndicesFrom, triuIndicesFrom, ValueError, vander, zeros } from '../../lib';
import { arr, vals } from '../helpers/np-port';

describe('TestTrilIndicesFrom', () => {
  test('test_exceptions', () => {
    expect(() => trilIndicesFrom(ones([2]))).toThrow(ValueError);
    expect(() => trilIndicesFrom(ones([2, 2, 2]))).toThrow(ValueError);
  });
});

describe('TestTriuIndicesFrom', () => {
  test('test_exceptions', () => {
    expect(() => triuIndicesFrom(ones([2]))).toThrow(ValueError);
    expect(() => triuIndicesFrom(ones([2, 2, 2]))).toThrow(ValueError);
  });
});

describe('TestVander', () => {
  test('test_basic', () => {
    const c = arr([0, 1, -2, 3]);
    const powers = [
      [0, 0, 0, 0, 1],
      [1, 1, 1, 1, 1],
      [16, -8, 4, -2, 1],
      [81, 27, 9, 3, 1],
    ];
    expect(vals(vander(c))).toEqual(powers.map((r) => r.slice(1)));
    const m = powers[0].length;
    for (let n = 0; n < 6; n++) {
      const v = vander(c, n);
      expect(v.shape).toEqual([4, n]);
      expect(vals(v)).toEqual(powers.map((r) => r.slice(m - n, m)));
    }
  });
  test('test_dtypes', () => {
    let v = vander(arr([11, -12, 13], 'i1'));
    expect(vals(v)).toEqual([
      [121, 11, 1],
      [144, -12, 1],
      [169, 13, 1],
    ]);
    v = vander(arr([{ re: 1, im: 1 }, { re: 1, im: -1 }]), 3);
    const c = (re: number, im: number): { re: number; im: number } => ({ re, im });
    expect(v.toArray()).toEqual([
      [c(0, 2), c(1, 1), c(1, 0)],
      [c(0, -2), c(1, -1), c(1, 0)],
    ]);
  });
});

describe('TestDiagIndicesFrom', () => {
  test('test_diag_indices_from', () => {
    const [r, c] = diagIndicesFrom(arange(16, 'f8').reshape(4, 4));
    expect(vals(r)).toEqual([0, 1, 2, 3]);
    expect(vals(c)).toEqual([0, 1, 2, 3]);
  });
  test('test_error_small_input', () => {
    expect(() => diagIndicesFrom(ones([7]))).toThrow(ValueError);
    expect(() => diagIndicesFrom(ones([7]))).toThrow(/at least 2-d/);
  });
  test('test_error_shape_mismatch', () => {
    expect(() => diagIndicesFrom(zeros([3, 3, 2, 3], 'i8'))).toThrow(ValueError);
    expect(() => diagIndicesFrom(zeros([3, 3, 2, 3], 'i8'))).toThrow(/equal length/);
  });
});
