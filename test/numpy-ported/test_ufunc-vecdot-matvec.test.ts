// NumPy's own numpy/_core/tests/test_ufunc.py (NumPy 2.4), TestUfunc's tests of
// the gufuncs vecdot, matvec and vecmat, ported test by test: same names, same
// intent, the same values and shapes.
//
// Mapping: np.vecdot/matvec/vecmat(x1, x2, out=, axes=, axis=) ->
// vecdot/matvec/vecmat(x1, x2, { out, axes, axis }); `mat @ vec` -> matmul;
// `.mT` -> matrixTranspose; assert_array_equal -> equal values (complex as {re, im}).
//
// Skipped (not counted as passing):
// - the object-dtype halves of test_vecdot, test_matvec, test_vecmatvec_identity and
//   test_vecdot_matvec_vecmat_complex; test_vecdot_object_no_conjugate,
//   test_vecdot_object_empty_is_zero, test_vecdot_object_breaks_outer_loop_on_error:
//   object arrays (Python __mul__, conjugate) do not exist here.
// - test_vecdot_subclass: results are plain NdArrays (no __array_wrap__ keeps an input subclass).
import { arange, array, conj, einsum, eye, matmul, matrixTranspose, matvec, multiply, NdArray, sum, vecdot, vecmat } from '../../lib';
import { vals } from '../helpers/np-port';

const c = (re: number, im = 0): { re: number; im: number } => ({ re, im });

/** assert_array_equal's values: +0 and -0 equal. */
const same = (x: NdArray): unknown => JSON.parse(JSON.stringify(vals(x)));

describe('TestUfunc: vecdot, matvec, vecmat', () => {
  test('test_vecdot', () => {
    const arr1 = arange(6).reshape([2, 3]);
    const arr2 = arange(3).reshape([1, 3]);
    expect(vals(vecdot(arr1, arr2))).toEqual([5, 14]);
    expect(vals(vecdot(arr1.T, arr2.T, { axis: -2 }))).toEqual([5, 14]);
  });

  test('test_matvec', () => {
    const arr1 = arange(6).reshape([2, 3]);
    const arr2 = arange(3).reshape([1, 3]);
    expect(vals(matvec(arr1, arr2))).toEqual([[5, 14]]);
    expect(vals(matvec(arr1.T, arr2.T, { axes: [[-1, -2], -2, -1] }))).toEqual([[5, 14]]);
  });

  const VECS: [string, () => NdArray][] = [
    ['real', () => array([[1, 2, 3], [4, 5, 6]], 'f8')],
    ['complex', () => array([[c(1), c(0, 2), c(3)], [c(4), c(5), c(0, 6)]], 'c16')],
  ];
  const MATRICES: [string, () => NdArray | null][] = [
    ['identity', () => null],
    ['complex', () => array([[c(1, 1), c(0.5), c(0, -0.5)], [c(0.25), c(0, 2), c(0)], [c(4), c(0), c(0, -1)]], 'c16')],
  ];
  describe.each(VECS)('test_vecmatvec_identity, vec %s', (_v, vecOf) => {
    test.each(MATRICES)('matrix %s: (x†A)x equals x†(Ax)', (_m, matOf) => {
      const vec = vecOf();
      const given = matOf();
      const mat = given ?? eye(3);
      const mv = matvec(mat, vec); // Ax
      const vm = vecmat(vec, mat); // x†A
      if (given === null) {
        expect(same(mv)).toEqual(same(vec.astype(mv.dtype)));
        expect(same(conj(vm))).toEqual(same(vec.astype(vm.dtype)));
      }
      expect(same(mv)).toEqual(same(matmul(mat, vec.index('..., None')).squeeze(-1)));
      expect(same(vm)).toEqual(same(matmul(conj(matrixTranspose(vec.index('..., None'))), mat).squeeze(-2)));
      const expected = einsum('...i,ij,...j', conj(vec), mat, vec);
      expect(same(sum(multiply(conj(vec), mv), -1))).toEqual(same(expected));
      expect(same(sum(multiply(vm, vec), -1))).toEqual(same(expected));
    });
  });

  test.each([
    ['vecdot', vecdot, [3], [3], true],
    ['vecmat', vecmat, [3], [3, 1], true],
    ['matvec', matvec, [1, 3], [3], false],
    ['matmul', matmul, [1, 3], [3, 1], false],
  ] as const)('test_vecdot_matvec_vecmat_complex: %s', (_name, ufunc, shape1, shape2, conjugates) => {
    const arr1 = array([c(1), c(0, 2), c(3)], 'c16');
    const arr2 = array([1, 2, 3], 'i8');
    const call = ufunc as (x: NdArray, y: NdArray) => NdArray;
    // np.array(sum, ndmin=...) against the result: one item, compared as assert_array_equal
    // broadcasts it (vecdot's result is 0-d where ndmin makes the expected (1,)).
    const ndmin = Math.min(shape1.length, shape2.length);
    const check = (actual: NdArray, x: NdArray, y: NdArray, conjX: boolean): void => {
      const expected = sum(multiply(conjX ? conj(x) : x, y)).reshape(new Array<number>(ndmin).fill(1));
      expect(actual.size).toBe(1);
      expect(same(actual.reshape(expected.shape))).toEqual(same(expected));
    };
    check(call(arr1.reshape([...shape1]), arr2.reshape([...shape2])), arr1, arr2, conjugates);
    if (!conjugates) check(matmul(arr1.reshape([...shape1]), arr2.reshape([...shape2])), arr1, arr2, false);
    check(call(arr2.reshape([...shape1]), arr1.reshape([...shape2])), arr2, arr1, conjugates);
  });

  test.each([
    ['matvec(A, x, out)', (A: NdArray, x: NdArray, out?: NdArray): NdArray => matvec(A, x, out === undefined ? {} : { out })],
    ['vecmat(x, A, out)', (A: NdArray, x: NdArray, out?: NdArray): NdArray => vecmat(x, A, out === undefined ? {} : { out })],
  ])('test_matvec_vecmat_out: %s, out=input does not give zeros', (_name, func) => {
    const a = arange(18).astype('f8').reshape([2, 3, 3]);
    const b = arange(6).astype('f8').reshape([2, 3]);
    const expected = vals(func(a, b));
    const r = func(a, b, b);
    expect(r).toBe(b);
    expect(vals(r)).toEqual(expected);
  });
});
