// NumPy's own numpy/lib/tests/test_shape_base.py (NumPy 2.4): classes
// TestApplyAlongAxis and TestApplyOverAxes, ported test by test (same names,
// intent and values).
//
// Mapping: np.apply_along_axis(f, axis, a) -> applyAlongAxis(f, axis, a);
// len -> (v) => v.shape[0]; np.sum -> (v) => sum(v); a Python tuple result ->
// a JS list; x[::-1] * x[1:, None] -> multiply(x.index('::-1'), x.index('1:, None')).
//
// Skipped (not counted as passing):
// - test_preserve_subclass, test_subclass, test_subclass_preservation, test_axis_insertion_ma:
//   np.matrix / masked arrays / a Python subclass's __array_wrap__ (no such classes here; the
//   plain-ndarray forms of test_scalar_array, test_0d_array and test_axis_insertion are ported).
// - test_with_iterable_object: object arrays of Python sets.
import { applyAlongAxis, applyOverAxes, arange, array, empty, multiply, ones, squeeze, stack, sum, ValueError } from '../../lib';
import type { NdArray } from '../../lib';
import { vals } from '../helpers/np-port';

const len = (v: NdArray): number => v.shape[0];

describe('TestApplyAlongAxis', () => {
  test('test_simple', () => {
    const a = ones([20, 10], 'f8');
    expect(vals(applyAlongAxis(len, 0, a))).toEqual(new Array(10).fill(20));
  });
  test('test_simple101', () => {
    const a = ones([10, 101], 'f8');
    expect(vals(applyAlongAxis(len, 0, a))).toEqual(new Array(101).fill(10));
  });
  test('test_3d', () => {
    const a = arange(27).reshape(3, 3, 3);
    expect(vals(applyAlongAxis((v) => sum(v), 0, a))).toEqual([[27, 30, 33], [36, 39, 42], [45, 48, 51]]);
  });
  test('test_scalar_array', () => {
    expect(vals(applyAlongAxis((v) => sum(v), 0, ones([6, 3])))).toEqual([6, 6, 6]);
  });
  test('test_0d_array', () => {
    const sumTo0d = (x: NdArray): NdArray => {
      expect(x.ndim).toBe(1);
      return squeeze(sum(x, null, { keepdims: true }));
    };
    const a = ones([6, 3]);
    expect(vals(applyAlongAxis(sumTo0d, 0, a))).toEqual([6, 6, 6]);
    expect(vals(applyAlongAxis(sumTo0d, 1, a))).toEqual([3, 3, 3, 3, 3, 3]);
  });
  test('test_axis_insertion', () => {
    const f1to2 = (x: NdArray): NdArray => {
      expect(x.ndim).toBe(1);
      return multiply(x.index('::-1'), x.index('1:, None'));
    };
    const a2d = arange(18).reshape(6, 3);
    let expected = stack([0, 1, 2].map((i) => f1to2(a2d.index(`:, ${i}`))), { axis: -1 });
    expect(vals(applyAlongAxis(f1to2, 0, a2d))).toEqual(vals(expected));
    expected = stack([0, 1, 2, 3, 4, 5].map((i) => f1to2(a2d.index(`${i}, :`))), { axis: 0 });
    expect(vals(applyAlongAxis(f1to2, 1, a2d))).toEqual(vals(expected));
    const a3d = arange(90).reshape(6, 5, 3);
    expected = stack(
      [0, 1, 2].map((j) => stack([0, 1, 2, 3, 4, 5].map((i) => f1to2(a3d.index(`${i}, :, ${j}`))), { axis: 0 })),
      { axis: -1 },
    );
    expect(vals(applyAlongAxis(f1to2, 1, a3d))).toEqual(vals(expected));
  });
  test('test_tuple_func1d', () => {
    const res = applyAlongAxis((x) => [x.get(1), x.get(0)], 1, array([[1, 2], [3, 4]]));
    expect(vals(res)).toEqual([[2, 1], [4, 3]]);
  });
  test('test_empty', () => {
    const neverCall = (): number => {
      throw new Error('should never be reached');
    };
    let a = empty([0, 0]);
    expect(() => applyAlongAxis(neverCall, 0, a)).toThrow(ValueError);
    expect(() => applyAlongAxis(neverCall, 1, a)).toThrow(ValueError);
    const emptyTo1 = (x: NdArray): number => {
      expect(x.shape[0]).toBe(0);
      return 1;
    };
    a = empty([10, 0]);
    expect(vals(applyAlongAxis(emptyTo1, 1, a))).toEqual(new Array(10).fill(1));
    expect(() => applyAlongAxis(emptyTo1, 0, a)).toThrow(ValueError);
  });
});

describe('TestApplyOverAxes', () => {
  test('test_simple', () => {
    const a = arange(24).reshape(2, 3, 4);
    expect(vals(applyOverAxes((x, ax) => sum(x, ax), a, [0, 2]))).toEqual([[[60], [92], [124]]]);
  });
});
