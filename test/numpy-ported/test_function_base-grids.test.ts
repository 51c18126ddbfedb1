// NumPy's own numpy/lib/tests/test_function_base.py (NumPy 2.4): classes
// TestMeshgrid and TestRot90, ported test by test: same names, same intent, the
// same values, shapes, dtypes and errors.
//
// Mapping: np.meshgrid(*xi, indexing=, sparse=, copy=) -> meshgrid(...xi,
// { indexing, sparse, copy }); np.rot90(m, k, axes) -> rot90(m, k, axes);
// assert_equal(a, b) of two results -> equal shapes and values.
//
// Skipped (not counted as passing): none of these two classes.
import { arange, meshgrid, NdArray, ones, rot90, ValueError } from '../../lib';
import { arr, vals } from '../helpers/np-port';

function same(a: NdArray, b: NdArray): void {
  expect(a.shape).toEqual(b.shape);
  expect(vals(a)).toEqual(vals(b));
}

describe('TestMeshgrid', () => {
  test('test_simple', () => {
    const [X, Y] = meshgrid([1, 2, 3], [4, 5, 6, 7]);
    expect(vals(X)).toEqual([[1, 2, 3], [1, 2, 3], [1, 2, 3], [1, 2, 3]]);
    expect(vals(Y)).toEqual([[4, 4, 4], [5, 5, 5], [6, 6, 6], [7, 7, 7]]);
  });

  test('test_single_input', () => {
    const [X] = meshgrid([1, 2, 3, 4]);
    expect(vals(X)).toEqual([1, 2, 3, 4]);
  });

  test('test_no_input', () => {
    expect(meshgrid()).toEqual([]);
    expect(meshgrid({ copy: false })).toEqual([]);
  });

  test('test_indexing', () => {
    const x = [1, 2, 3];
    const y = [4, 5, 6, 7];
    const [X, Y] = meshgrid(x, y, { indexing: 'ij' });
    expect(vals(X)).toEqual([[1, 1, 1, 1], [2, 2, 2, 2], [3, 3, 3, 3]]);
    expect(vals(Y)).toEqual([[4, 5, 6, 7], [4, 5, 6, 7], [4, 5, 6, 7]]);
    const z = [8, 9];
    expect(meshgrid(x, y)[0].shape).toEqual([4, 3]);
    expect(meshgrid(x, y, { indexing: 'ij' })[0].shape).toEqual([3, 4]);
    expect(meshgrid(x, y, z)[0].shape).toEqual([4, 3, 2]);
    expect(meshgrid(x, y, z, { indexing: 'ij' })[0].shape).toEqual([3, 4, 2]);
    expect(() => meshgrid(x, y, { indexing: 'notvalid' as 'ij' })).toThrow(ValueError);
  });

  test('test_sparse', () => {
    const [X, Y] = meshgrid([1, 2, 3], [4, 5, 6, 7], { sparse: true });
    expect(vals(X)).toEqual([[1, 2, 3]]);
    expect(vals(Y)).toEqual([[4], [5], [6], [7]]);
  });

  test('test_invalid_arguments', () => {
    // Regression test for issue #4755
    expect(() => meshgrid([1, 2, 3], [4, 5, 6, 7], { indices: 'ij' } as never)).toThrow(TypeError);
  });

  test('test_return_type', () => {
    // Regression test for issue #5297
    const x = arange(0, 10, 1, 'f4');
    const y = arange(10, 20, 1, 'f8');
    for (const o of [{}, { copy: true }, { sparse: true }]) {
      const [X, Y] = meshgrid(x, y, o);
      expect(X.dtype.str).toBe(x.dtype.str);
      expect(Y.dtype.str).toBe(y.dtype.str);
    }
  });

  test('test_writeback', () => {
    // Issue 8561
    const X = arr([1.1, 2.2]);
    const Y = arr([3.3, 4.4]);
    const [x] = meshgrid(X, Y, { sparse: false, copy: true });
    x.set('0, :', 0);
    expect(vals(x.index('0, :'))).toEqual([0, 0]);
    expect(vals(x.index('1, :'))).toEqual(vals(X));
  });

  test('test_nd_shape', () => {
    const grids = meshgrid(...[1, 2, 3, 4, 5].map((i) => new Array<number>(i).fill(0)));
    expect(grids.length).toBe(5);
    for (const g of grids) expect(g.shape).toEqual([2, 1, 3, 4, 5]);
  });

  test('test_nd_values', () => {
    const [a, b, c] = meshgrid([0], [1, 2], [3, 4, 5]);
    expect(vals(a)).toEqual([[[0, 0, 0]], [[0, 0, 0]]]);
    expect(vals(b)).toEqual([[[1, 1, 1]], [[2, 2, 2]]]);
    expect(vals(c)).toEqual([[[3, 4, 5]], [[3, 4, 5]]]);
  });

  test('test_nd_indexing', () => {
    const [a, b, c] = meshgrid([0], [1, 2], [3, 4, 5], { indexing: 'ij' });
    expect(vals(a)).toEqual([[[0, 0, 0], [0, 0, 0]]]);
    expect(vals(b)).toEqual([[[1, 1, 1], [2, 2, 2]]]);
    expect(vals(c)).toEqual([[[3, 4, 5], [3, 4, 5]]]);
  });
});

describe('TestRot90', () => {
  test('test_basic', () => {
    expect(() => rot90(ones(4))).toThrow(ValueError);
    expect(() => rot90(ones([2, 2, 2]), 1, [0, 1, 2])).toThrow(ValueError);
    expect(() => rot90(ones([2, 2]), 1, [0, 2])).toThrow(ValueError);
    expect(() => rot90(ones([2, 2]), 1, [1, 1])).toThrow(ValueError);
    expect(() => rot90(ones([2, 2, 2]), 1, [-2, 1])).toThrow(ValueError);

    const a = [[0, 1, 2], [3, 4, 5]];
    const b1 = [[2, 5], [1, 4], [0, 3]];
    const b2 = [[5, 4, 3], [2, 1, 0]];
    const b3 = [[3, 0], [4, 1], [5, 2]];
    const b4 = [[0, 1, 2], [3, 4, 5]];
    for (let k = -3; k < 13; k += 4) expect(vals(rot90(a, k))).toEqual(b1);
    for (let k = -2; k < 13; k += 4) expect(vals(rot90(a, k))).toEqual(b2);
    for (let k = -1; k < 13; k += 4) expect(vals(rot90(a, k))).toEqual(b3);
    for (let k = 0; k < 13; k += 4) expect(vals(rot90(a, k))).toEqual(b4);
    same(rot90(rot90(a, 1, [0, 1]), 1, [1, 0]), arr(a));
    same(rot90(a, 1, [1, 0]), rot90(a, -1, [0, 1]));
  });

  test('test_axes', () => {
    const a = ones([50, 40, 3]);
    expect(rot90(a).shape).toEqual([40, 50, 3]);
    same(rot90(a, 1, [0, 2]), rot90(a, 1, [0, -1]));
    same(rot90(a, 1, [1, 2]), rot90(a, 1, [-2, -1]));
  });

  test('test_rotation_axes', () => {
    const a = arange(8).reshape(2, 2, 2);
    const aRot90_01 = [[[2, 3], [6, 7]], [[0, 1], [4, 5]]];
    const aRot90_12 = [[[1, 3], [0, 2]], [[5, 7], [4, 6]]];
    const aRot90_20 = arr([[[4, 0], [6, 2]], [[5, 1], [7, 3]]]);
    const aRot90_10 = [[[4, 5], [0, 1]], [[6, 7], [2, 3]]];
    expect(vals(rot90(a, 1, [0, 1]))).toEqual(aRot90_01);
    expect(vals(rot90(a, 1, [1, 0]))).toEqual(aRot90_10);
    expect(vals(rot90(a, 1, [1, 2]))).toEqual(aRot90_12);
    for (let k = 1; k < 5; k++) same(rot90(a, k, [2, 0]), rot90(aRot90_20, k - 1, [2, 0]));
  });
});
