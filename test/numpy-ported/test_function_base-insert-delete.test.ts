// NumPy's own numpy/lib/tests/test_function_base.py (NumPy 2.4): classes TestInsert
// and TestDelete, ported test by test: same names, same intent, the same values,
// shapes, flags and errors. (test/insert-delete.test.ts holds an older partial port
// among the module's own tests.)
//
// Mapping: np.insert(arr, obj, values, axis=) -> insert(arr, obj, values, { axis });
// np.delete -> deleteItems (`delete` is a JS keyword: README); slice(a, b, c) ->
// slice(a, b, c); a[:, 0:1] -> a.index(':, 0:1'); a[indices, ] (a fancy or slice index
// on axis 0) -> take / index of the same; np.array(val, dtype=b.dtype) of a record
// tuple -> a record written as a JS array in field order.
//
// Skipped (not counted as passing): test_subclass of both classes (no ndarray
// subclasses of that kind); TestDelete.test_single_item_array_non_int's object and
// timedelta64 index arrays (no such dtypes; its bool cases are ported).
import { arange, AxisError, concatenate, deleteItems, IndexError, insert, NdArray, ones, setxor1d, slice, Slice, take, ValueError } from '../../lib';
import { arr, vals } from '../helpers/np-port';
import { assertEqual } from '../helpers/np-assert';

describe('TestInsert', () => {
  test('test_basic', () => {
    const a = [1, 2, 3];
    assertEqual(insert(a, 0, 1), [1, 1, 2, 3]);
    assertEqual(insert(a, 3, 1), [1, 2, 3, 1]);
    assertEqual(insert(a, [1, 1, 1], [1, 2, 3]), [1, 1, 2, 3, 2, 3]);
    assertEqual(insert(a, 1, [1, 2, 3]), [1, 1, 2, 3, 2, 3]);
    assertEqual(insert(a, [1, -1, 3], 9), [1, 9, 2, 9, 3, 9]);
    assertEqual(insert(a, slice(-1, null, -1), 9), [9, 1, 9, 2, 9, 3]);
    assertEqual(insert(a, [-1, 1, 3], [7, 8, 9]), [1, 8, 2, 7, 3, 9]);
    const b = arr([0, 1], 'f8');
    assertEqual(insert(b, 0, b.get(0)), [0, 0, 1]);
    assertEqual(insert(b, [], []), b);
    assertEqual(insert(a, arr([true, true, true, true]), 9), [9, 1, 9, 2, 9, 3, 9]);
    assertEqual(insert(a, arr([true, false, true, false]), 9), [9, 1, 2, 9, 3]);
  });

  test('test_multidim', () => {
    const a: unknown = [[1, 1, 1]];
    const r = [[2, 2, 2], [1, 1, 1]];
    assertEqual(insert(a, 0, [1]), [1, 1, 1, 1]);
    assertEqual(insert(a, 0, [2, 2, 2], { axis: 0 }), r);
    assertEqual(insert(a, 0, 2, { axis: 0 }), r);
    assertEqual(insert(a, 2, 2, { axis: 1 }), [[1, 1, 2, 1]]);

    let m = arr([[1, 1], [2, 2], [3, 3]]);
    const b = arange(1, 4).repeat(3).reshape(3, 3);
    const c = concatenate([m.index(':, 0:1'), arange(1, 4).repeat(3).reshape(3, 3).T, m.index(':, 1:2')], { axis: 1 });
    assertEqual(insert(m, [1], [[1], [2], [3]], { axis: 1 }), b);
    assertEqual(insert(m, [1], [1, 2, 3], { axis: 1 }), c);
    // scalars behave differently, in this case exactly opposite:
    assertEqual(insert(m, 1, [1, 2, 3], { axis: 1 }), b);
    assertEqual(insert(m, 1, [[1], [2], [3]], { axis: 1 }), c);

    m = arange(4).reshape(2, 2);
    assertEqual(insert(m.index(':, :1'), 1, m.index(':, 1'), { axis: 1 }), m);
    assertEqual(insert(m.index(':1, :'), 1, m.index('1, :'), { axis: 0 }), m);

    // negative axis value
    m = arange(24).reshape(2, 3, 4);
    assertEqual(insert(m, 1, m.index(':, :, 3'), { axis: -1 }), insert(m, 1, m.index(':, :, 3'), { axis: 2 }));
    assertEqual(insert(m, 1, m.index(':, 2, :'), { axis: -2 }), insert(m, 1, m.index(':, 2, :'), { axis: 1 }));

    // invalid axis value
    expect(() => insert(m, 1, m.index(':, 2, :'), { axis: 3 })).toThrow(AxisError);
    expect(() => insert(m, 1, m.index(':, 2, :'), { axis: -4 })).toThrow(AxisError);
  });

  test('test_0d', () => {
    const a = arr(1);
    expect(() => insert(a, [], 2, { axis: 0 })).toThrow(AxisError);
    expect(() => insert(a, [], 2, { axis: 'nonsense' as never })).toThrow(TypeError);
  });

  test('test_index_array_copied', () => {
    const x = arr([1, 1, 1]);
    insert([0, 1, 2], x, [3, 4, 5]);
    assertEqual(x, [1, 1, 1]);
  });

  test('test_structured_array', () => {
    const a = arr([[1, 'a'], [2, 'b'], [3, 'c']], [['foo', '<i4'], ['bar', 'S1']] as never);
    let val: unknown = [4, 'd'];
    let b = insert(a, 0, val);
    expect(b.index('0').toArray()).toEqual(arr(val, b.dtype as never).toArray());
    val = [[4, 'd'], [4, 'd']];
    b = insert(a, [0, 2], val);
    expect(take(b, [0, 3]).toArray()).toEqual(arr(val, b.dtype as never).toArray());
  });

  test('test_index_floats', () => {
    expect(() => insert([0, 1, 2], arr([1.0, 2.0], 'f8'), [10, 20])).toThrow(IndexError);
    expect(() => insert([0, 1, 2], arr([], 'f8'), [])).toThrow(IndexError);
  });

  test.each([4, -4])('test_index_out_of_bounds[%s]', (idx) => {
    expect(() => insert([0, 1, 2], [idx], [3, 4])).toThrow(IndexError);
    expect(() => insert([0, 1, 2], [idx], [3, 4])).toThrow(/out of bounds/);
  });
});

describe('TestDelete', () => {
  const createArrays = (): [NdArray, NdArray] => [arange(5), arange(5).repeat(2).reshape(1, 5, 2)];

  /** TestDelete._check_inverse_of_slicing: what delete removes is what indexing picks. */
  function checkInverseOfSlicing(indices: Slice | NdArray | number | readonly (number | boolean)[]): void {
    const [a, ndA] = createArrays();
    const aDel = deleteItems(a, indices as never);
    const ndADel = deleteItems(ndA, indices as never, { axis: 1 });
    // a[indices,] and nd_a[0, indices, 0]: the same index on the one axis.
    const picked = (x: NdArray): NdArray => {
      if (indices instanceof Slice) return x.index(indices);
      const idx = typeof indices === 'number' ? [indices] : indices;
      return x.index(idx instanceof NdArray ? idx : arr(idx as never));
    };
    assertEqual(setxor1d(aDel, picked(a)), a);
    const xor = setxor1d(ndADel.index('0, :, 0'), picked(ndA.index('0, :, 0')));
    assertEqual(xor, ndA.index('0, :, 0'));
  }

  test('test_slices', () => {
    const lims = [-6, -2, 0, 1, 2, 4, 5];
    const steps = [-3, -1, 1, 3];
    for (const start of lims) for (const stop of lims) for (const step of steps) checkInverseOfSlicing(slice(start, stop, step));
  });

  test('test_fancy', () => {
    const [a] = createArrays();
    checkInverseOfSlicing(arr([[0, 1], [2, 1]]));
    expect(() => deleteItems(a, [100])).toThrow(IndexError);
    expect(() => deleteItems(a, [-100])).toThrow(IndexError);

    checkInverseOfSlicing([0, -1, 2, 2]);
    checkInverseOfSlicing([true, false, false, true, false]);

    // not legal, indexing with these would change the dimension
    expect(() => deleteItems(a, true as never)).toThrow(ValueError);
    expect(() => deleteItems(a, false as never)).toThrow(ValueError);

    // not enough items
    expect(() => deleteItems(a, [false, false, false, false] as never)).toThrow(ValueError);
  });

  test('test_single', () => {
    checkInverseOfSlicing(0);
    checkInverseOfSlicing(-4);
  });

  test('test_0d', () => {
    const a = arr(1);
    expect(() => deleteItems(a, [], { axis: 0 })).toThrow(AxisError);
    expect(() => deleteItems(a, [], { axis: 'nonsense' as never })).toThrow(TypeError);
  });

  test('test_array_order_preserve', () => {
    // See gh-7113
    const k = arange(10).reshape([2, 5], 'F');
    const m = deleteItems(k, slice(60, null), { axis: 1 });
    // 'k' is Fortran ordered, and 'm' should have the same ordering as 'k' and NOT become C ordered
    expect(m.flags.cContiguous).toBe(k.flags.cContiguous);
    expect(m.flags.fContiguous).toBe(k.flags.fContiguous);
  });

  test('test_index_floats', () => {
    expect(() => deleteItems([0, 1, 2], arr([1.0, 2.0], 'f8'))).toThrow(IndexError);
    expect(() => deleteItems([0, 1, 2], arr([], 'f8'))).toThrow(IndexError);
  });

  test.each([['np.array([1])', () => arr([1])], ['[1]', () => [1]]] as [string, () => unknown][])('test_single_item_array[%s]', (_id, indexer) => {
    const [a, ndA] = createArrays();
    const aDelInt = deleteItems(a, 1);
    const aDel = deleteItems(a, indexer() as never);
    assertEqual(aDelInt, aDel);
    const ndADelInt = deleteItems(ndA, 1, { axis: 1 });
    const ndADel = deleteItems(ndA, arr([1]), { axis: 1 });
    assertEqual(ndADelInt, ndADel);
  });

  test('test_single_item_array_non_int', () => {
    // Special handling for integer arrays must not affect non-integer ones.
    // If `False` was cast to `0` it would delete the element:
    let res = deleteItems(ones(1), arr([false]));
    assertEqual(res, vals(ones(1)));

    // Test the more complicated (with axis) case from gh-21840
    const x = ones([3, 1]);
    const falseMask = arr([false], '?');
    const trueMask = arr([true], '?');
    res = deleteItems(x, falseMask, { axis: -1 });
    assertEqual(res, x);
    res = deleteItems(x, trueMask, { axis: -1 });
    expect(res.shape).toEqual([3, 0]);
    expect(x.index(':, :0').shape).toEqual([3, 0]);
  });
});
