// NumPy's own numpy/_core/tests/test_numeric.py (NumPy 2.4): classes TestResize,
// TestCorrelate and TestConvolve, ported test by test: same names, same intent,
// the same values, shapes, dtypes and errors.
//
// Mapping: np.resize(a, new_shape) -> resize(a, newShape); np.correlate /
// np.convolve(a, v, mode) -> correlate / convolve(a, v, mode);
// assert_array_almost_equal (decimal 6) and assert_equal -> test/helpers/np-assert.ts.
//
// Skipped (not counted as passing):
// - TestResize.test_subclass: ndarray subclasses; TestResize.test_unsigned_resize is ported with
//   plain numbers (np.int32(1) / np.uint32(1) scalars do not exist here).
// - TestCorrelate.test_object (Decimal), TestConvolve.test_object's object path: Python objects;
//   the float64 values of TestConvolve.test_object are ported.
import { convolve, correlate, NdArray, ones, resize, ValueError, zeros } from '../../lib';
import { array as asArray } from '../../lib/array-coerce';
import { assertAlmostEqual, assertEqual } from '../helpers/np-assert';

const arr = (v: unknown, dt?: string): NdArray => asArray(v, dt ?? null);
const c = (re: number, im: number): { re: number; im: number } => ({ re, im });

describe('TestResize', () => {
  test('test_copies', () => {
    const A = arr([[1, 2], [3, 4]]);
    assertEqual(resize(A, [2, 4]), [[1, 2, 3, 4], [1, 2, 3, 4]]);
    assertEqual(resize(A, [4, 2]), [[1, 2], [3, 4], [1, 2], [3, 4]]);
    assertEqual(resize(A, [4, 3]), [[1, 2, 3], [4, 1, 2], [3, 4, 1], [2, 3, 4]]);
  });

  test('test_repeats', () => {
    const A = arr([1, 2, 3]);
    assertEqual(resize(A, [2, 4]), [[1, 2, 3, 1], [2, 3, 1, 2]]);
    assertEqual(resize(A, [4, 2]), [[1, 2], [3, 1], [2, 3], [1, 2]]);
    assertEqual(resize(A, [4, 3]), [[1, 2, 3], [1, 2, 3], [1, 2, 3], [1, 2, 3]]);
  });

  test('test_zeroresize', () => {
    const A = arr([[1, 2], [3, 4]]);
    let Ar = resize(A, [0]);
    expect(Ar.shape).toEqual([0]);
    expect(Ar.dtype.str).toBe(A.dtype.str);
    Ar = resize(A, [0, 2]);
    expect(Ar.shape).toEqual([0, 2]);
    Ar = resize(A, [2, 0]);
    expect(Ar.shape).toEqual([2, 0]);
  });

  test('test_reshape_from_zero', () => {
    // See also gh-6740
    const A = zeros([0], [['a', '<f4']]);
    const Ar = resize(A, [2, 1]);
    expect(Ar.shape).toEqual([2, 1]);
    expect(Ar.dtype.equals(A.dtype)).toBe(true);
    expect(Ar.toArray()).toEqual(zeros([2, 1], Ar.dtype).toArray());
  });

  test('test_negative_resize', () => {
    const A = arr([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 'f4');
    expect(() => resize(A, [-10, -1])).toThrow(ValueError);
    expect(() => resize(A, [-10, -1])).toThrow(/negative/);
  });

  test('test_unsigned_resize', () => {
    const a = arr([[23, 95], [66, 37]]);
    assertEqual(resize(a, 1), [23]);
    expect(resize(a, 1).shape).toEqual([1]);
  });
});

describe('TestCorrelate', () => {
  const setup = (dt: string): Record<string, NdArray> => ({
    x: arr([1, 2, 3, 4, 5], dt),
    xs: arr([1, 4, 7, 10, 13, 16, 19]),
    y: arr([-1, -2, -3], dt),
    z1: arr([-3, -8, -14, -20, -26, -14, -5], dt),
    z1_4: arr([-2, -5, -8, -11, -14, -5], dt),
    z1r: arr([-15, -22, -22, -16, -10, -4, -1], dt),
    z2: arr([-5, -14, -26, -20, -14, -8, -3], dt),
    z2r: arr([-1, -4, -10, -16, -22, -22, -15], dt),
    zs: arr([-3, -14, -30, -48, -66, -84, -102, -54, -19], dt),
  });

  test('test_float', () => {
    const s = setup('f8');
    assertAlmostEqual(correlate(s.x, s.y, 'full'), s.z1, 6);
    assertAlmostEqual(correlate(s.x, s.y.index(':-1'), 'full'), s.z1_4, 6);
    assertAlmostEqual(correlate(s.y, s.x, 'full'), s.z2, 6);
    assertAlmostEqual(correlate(s.x.index('::-1'), s.y, 'full'), s.z1r, 6);
    assertAlmostEqual(correlate(s.y, s.x.index('::-1'), 'full'), s.z2r, 6);
    assertAlmostEqual(correlate(s.xs, s.y, 'full'), s.zs, 6);
  });

  test('test_no_overwrite', () => {
    const d = ones([100]);
    const k = ones([3]);
    correlate(d, k);
    assertEqual(d, ones([100]));
    assertEqual(k, ones([3]));
  });

  test('test_complex', () => {
    const x = arr([c(1, 0), c(2, 0), c(3, 0), c(4, 1)], 'c16');
    const y = arr([c(-1, 0), c(0, -2), c(3, 1)], 'c16');
    // r_z[::-1].conjugate()
    const rz = [c(3, -1), c(6, 0), c(8, 1), c(11, 5), c(-5, 8), c(-4, -1)].reverse().map((v) => c(v.re, -v.im));
    assertAlmostEqual(correlate(y, x, 'full'), rz, 6);
  });

  test('test_zero_size', () => {
    expect(() => correlate(arr([], 'f8'), ones([1000]), 'full')).toThrow(ValueError);
    expect(() => correlate(ones([1000]), arr([], 'f8'), 'full')).toThrow(ValueError);
  });

  test('test_mode', () => {
    const d = ones([100]);
    const k = ones([3]);
    correlate(d, k, 'valid');
    expect(() => correlate(d, k, 'v' as never)).toThrow(ValueError);
    expect(() => correlate(d, k, -1 as never)).toThrow(ValueError);
    expect(() => correlate(d, k, null as never)).toThrow(TypeError);
  });
});

describe('TestConvolve', () => {
  test('test_object', () => {
    const d = new Array<number>(100).fill(1.0);
    const k = new Array<number>(3).fill(1.0);
    assertAlmostEqual(convolve(d, k).index('2:-2'), new Array<number>(98).fill(3), 6);
  });

  test('test_no_overwrite', () => {
    const d = ones([100]);
    const k = ones([3]);
    convolve(d, k);
    assertEqual(d, ones([100]));
    assertEqual(k, ones([3]));
  });

  test('test_mode', () => {
    const d = ones([100]);
    const k = ones([3]);
    const defaultMode = convolve(d, k, 'full');
    expect(() => convolve(d, k, 'f' as never)).toThrow(ValueError);
    expect(() => convolve(d, k, -1 as never)).toThrow(ValueError);
    assertEqual(convolve(d, k, 2), defaultMode);
    expect(() => convolve(d, k, null as never)).toThrow(TypeError);
  });

  test('test_convolve_empty_input_error_message', () => {
    // Regression test for gh-30272 (variable swapping bug)
    expect(() => convolve(arr([], 'f8'), arr([1, 2]))).toThrow(ValueError);
    expect(() => convolve(arr([], 'f8'), arr([1, 2]))).toThrow(/a cannot be empty/);
    expect(() => convolve(arr([1, 2]), arr([], 'f8'))).toThrow(/v cannot be empty/);
  });
});
