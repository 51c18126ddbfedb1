// The `order` argument, read in one place (lib/order.ts) as NumPy's
// PyArray_OrderConverter reads it for every function that takes one.
import { add, array, asarray, einsum, ones, ravelMultiIndex, reshape, unravelIndex, ValueError, zeros, zerosLike, full, empty, eye } from '../lib';
import { readCOrF, readOrder } from '../lib/order';

describe('readOrder', () => {
  test('one letter of C, F, A, K in either case; undefined or null is the fallback', () => {
    expect(['C', 'F', 'A', 'K', 'c', 'f', 'a', 'k'].map((o) => readOrder(o, 'C'))).toEqual(['C', 'F', 'A', 'K', 'C', 'F', 'A', 'K']);
    expect(readOrder(undefined, 'K')).toBe('K');
    expect(readOrder(null, 'C')).toBe('C');
  });

  test("any other string is NumPy's ValueError; a non-string its TypeError", () => {
    for (const o of ['', 'X', 'CF', 'C ', 'fortran', 'Fortran']) {
      expect(() => readOrder(o, 'C')).toThrow(new ValueError(`order must be one of 'C', 'F', 'A', or 'K' (got '${o}')`));
    }
    expect(() => readOrder(1, 'C')).toThrow(new TypeError('order must be str, not number'));
    expect(() => readOrder(true, 'C')).toThrow(new TypeError('order must be str, not boolean'));
  });

  test("readCOrF: 'A' and 'K' have no meaning without an input", () => {
    expect(readCOrF('f', 'C')).toBe('F');
    expect(readCOrF(undefined, 'F')).toBe('F');
    for (const o of ['A', 'K', 'a', 'k']) expect(() => readCOrF(o, 'C')).toThrow(new ValueError("only 'C' or 'F' order is permitted"));
  });
});

describe('functions that take an order', () => {
  const grid = () => zeros([2, 3]);

  test('zeros, empty, ones, full and eye lay out C or F, and refuse any other order (an unknown one made an F array)', () => {
    expect(zeros([2, 3], 'f8', 'c' as never).strides).toEqual([24, 8]);
    expect(ones([2, 3], 'f8', 'f' as never).strides).toEqual([8, 16]);
    for (const make of [(o: never) => zeros([2, 3], 'f8', o), (o: never) => empty([2, 3], 'f8', o), (o: never) => full([2, 3], 1, 'f8', o), (o: never) => eye(2, 3, 0, 'f8', o)]) {
      expect(() => make('X' as never)).toThrow(new ValueError("order must be one of 'C', 'F', 'A', or 'K' (got 'X')"));
      expect(() => make('K' as never)).toThrow(new ValueError("only 'C' or 'F' order is permitted"));
    }
  });

  test('lower case is read as upper case, as NumPy reads it', () => {
    expect(zerosLike(grid(), { order: 'f' as never }).strides).toEqual([8, 16]);
    expect(grid().copy('f' as never).strides).toEqual([8, 16]);
    expect(grid().astype('f4', { order: 'f' as never }).strides).toEqual([4, 8]);
    expect(array(grid(), null, { order: 'f' as never }).strides).toEqual([8, 16]);
    expect(asarray(grid(), null, { order: 'f' as never }).strides).toEqual([8, 16]);
    expect(grid().reshape([3, 2], 'f' as never).strides).toEqual([8, 24]);
    expect(reshape(grid(), [3, 2], { order: 'f' as never }).strides).toEqual([8, 24]);
    expect(array([[1, 2, 3], [4, 5, 6]], 'f8').ravel('f' as never).toArray()).toEqual([1, 4, 2, 5, 3, 6]);
    expect([...array([[1, 2], [3, 4]], 'u1').tobytes('f' as never)]).toEqual([1, 3, 2, 4]);
    expect(add(grid(), grid(), { order: 'f' }).strides).toEqual([8, 16]);
    expect(einsum('ij,jk->ik', grid(), grid().T, { order: 'f' as never }).strides).toEqual([8, 16]);
    expect(ravelMultiIndex([[1], [2]], [2, 3], { order: 'f' as never }).toArray()).toEqual([5n]);
    expect(unravelIndex(5, [2, 3], { order: 'f' as never }).map((c) => c.get())).toEqual([1n, 2n]);
  });

  test("reshape refuses 'K' with NumPy's words, through the method and the function", () => {
    expect(() => grid().reshape([3, 2], 'k' as never)).toThrow(new ValueError("order 'K' is not permitted for reshaping"));
    expect(() => reshape(grid(), [3, 2], { order: 'K' as never, copy: true })).toThrow(new ValueError("order 'K' is not permitted for reshaping"));
  });

  test('an unknown order is the same ValueError everywhere', () => {
    const err = new ValueError("order must be one of 'C', 'F', 'A', or 'K' (got 'Q')");
    const q = 'Q' as never;
    for (const call of [() => grid().copy(q), () => grid().ravel(q), () => grid().flatten(q), () => grid().astype('f4', q), () => grid().tobytes(q), () => grid().reshape([6], q), () => zerosLike(grid(), { order: q }), () => array([1], null, { order: q }), () => add(grid(), 1, { order: q })]) {
      expect(call).toThrow(err);
    }
  });
});
