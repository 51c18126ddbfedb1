// NumPy's own numpy/lib/tests/test_shape_base.py (NumPy 2.4; _core's file of the
// same name is test_shape_base.test.ts): classes TestExpandDims, TestSqueeze and
// TestMayShareMemory, ported test by test: same names, same intent, the same
// shapes and errors.
//
// Mapping: np.expand_dims(a, axis) -> a.expandDims(axis); np.squeeze(a) ->
// a.squeeze(); np.reshape(a, s) -> a.reshape(s); np.may_share_memory ->
// mayShareMemory; np.random.rand(...) -> the suite's seeded generator; np.empty -> empty.
//
// Skipped (not counted as passing):
// - TestExpandDims.test_subclasses: no masked arrays.
// - TestApplyAlongAxis, TestApplyOverAxes: in lib-test_shape_base-apply.test.ts. TestTakeAlongAxis,
//   TestPutAlongAxis, TestKron: in lib-test_shape_base-along-kron.test.ts. TestArraySplit, TestSplit, TestColumnStack, TestDstack, TestHsplit,
//   TestVsplit, TestDsplit, TestTile: in test_shape_functions.test.ts.
import { AxisError, empty, mayShareMemory, NdArray, ValueError, zeros } from '../../lib';
import { rng } from '../helpers/bytes';

function rand(shape: number[], seed: number): NdArray {
  const r = rng(seed);
  const a = zeros(shape);
  a.reshape(-1).set(Array.from({ length: a.size }, () => r()));
  return a;
}

describe('TestExpandDims', () => {
  test('test_functionality', () => {
    const s = [2, 3, 4, 5];
    const a = empty(s);
    for (let axis = -5; axis < 4; axis++) {
      const b = a.expandDims(axis);
      expect(b.shape[axis < 0 ? b.ndim + axis : axis]).toBe(1);
      expect(b.squeeze().shape).toEqual(s);
    }
  });

  test('test_axis_tuple', () => {
    const a = empty([3, 3, 3]);
    expect(a.expandDims([0, 1, 2]).shape).toEqual([1, 1, 1, 3, 3, 3]);
    expect(a.expandDims([0, -1, -2]).shape).toEqual([1, 3, 3, 3, 1, 1]);
    expect(a.expandDims([0, 3, 5]).shape).toEqual([1, 3, 3, 1, 3, 1]);
    expect(a.expandDims([0, -3, -5]).shape).toEqual([1, 1, 3, 1, 3, 3]);
  });

  test('test_axis_out_of_range', () => {
    let a = empty([2, 3, 4, 5]);
    expect(() => a.expandDims(-6)).toThrow(AxisError);
    expect(() => a.expandDims(5)).toThrow(AxisError);

    a = empty([3, 3, 3]);
    expect(() => a.expandDims([0, -6])).toThrow(AxisError);
    expect(() => a.expandDims([0, 5])).toThrow(AxisError);
  });

  test('test_repeated_axis', () => {
    const a = empty([3, 3, 3]);
    expect(() => a.expandDims([1, 1])).toThrow(ValueError);
  });
});

describe('TestSqueeze', () => {
  test('test_basic', () => {
    const a = rand([20, 10, 10, 1, 1], 1);
    const b = rand([20, 1, 10, 1, 20], 2);
    const c = rand([1, 1, 20, 10], 3);
    expect(a.squeeze().toArray()).toEqual(a.reshape([20, 10, 10]).toArray());
    expect(b.squeeze().toArray()).toEqual(b.reshape([20, 10, 20]).toArray());
    expect(c.squeeze().toArray()).toEqual(c.reshape([20, 10]).toArray());

    // Squeezing to 0-dim should still give an ndarray
    const x = zeros([1, 1, 1]);
    x.set([[[1.5]]]);
    const res = x.squeeze();
    expect(res.toArray()).toBe(1.5);
    expect(res.ndim).toBe(0);
    expect(res).toBeInstanceOf(NdArray);
  });
});

describe('TestMayShareMemory', () => {
  test('test_basic', () => {
    const d = zeros([50, 60]);
    const d2 = zeros([30, 60, 6]);
    expect(mayShareMemory(d, d)).toBe(true);
    expect(mayShareMemory(d, d.index('::-1'))).toBe(true);
    expect(mayShareMemory(d, d.index('::2'))).toBe(true);
    expect(mayShareMemory(d, d.index('1:, ::-1'))).toBe(true);

    expect(mayShareMemory(d.index('::-1'), d2)).toBe(false);
    expect(mayShareMemory(d.index('::2'), d2)).toBe(false);
    expect(mayShareMemory(d.index('1:, ::-1'), d2)).toBe(false);
    expect(mayShareMemory(d2.index('1:, ::-1'), d2)).toBe(true);
  });
});
