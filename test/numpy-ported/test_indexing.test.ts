// NumPy's own numpy/_core/tests/test_indexing.py (NumPy 2.4), ported test by
// test: same names, same intent, the same values, shapes and errors.
//
// Mapping: a[i, j] -> a.index(i, j) (a view for basic items, a copy with an
// index array among them), a[i, j] = v -> a.set([i, j], v); a Python list
// index -> a JS array; np.newaxis / None -> null; ... -> ellipsis;
// slice(a, b, c) -> slice(a, b, c). A full integer index gives a 0-d array
// here, where NumPy gives a scalar (README "Values").
//
// JS has one number type: NumPy's float indices `a[0.0]` cannot be told from
// `a[0]`, so test_index_no_floats and test_slicing_no_floats keep the
// non-integral floats (-1.4, 0.4, 2.5...), and the index-string form
// ('0.0', '0.0:'), which does tell them apart.
//
// Skipped (not counted as passing):
// - test_void_scalar_empty_tuple, test_scalar_return_type, TestFieldIndexing,
//   test_scalar_array_bool: NumPy scalars (np.float64, np.void, np.bool) do not exist here.
// - test_nonbaseclass_values, TestSubclasses, test_subclass_writeable
//   (np.rec.array): __array_finalize__ and recarrays do not exist here.
// - test_array_like_values (memoryview), test_tuple_subclass,
//   test_broken_sequence_not_nd_index, TestCApiAccess: Python protocols
//   (__index__, __array__, buffer, tuple subclasses) and the C API.
// - test_boolean_assignment_needs_api, TestFancyIndexingEquivalence.test_object_assign: object arrays.
// - test_character_assignment: dtype 'c' does not exist here.
// - TestMultiIndexingAutomated: a Python reference implementation of
//   indexing run over every combination (a port would be a second implementation);
//   its test_boolean is in test_indexing-boolean-automated.test.ts, against NumPy itself.
// - TestFlatiterIndexing, test_flat_index_on_flatiter: there is no a.flat.
// - TestFloatNonIntegerArgument.test_non_integer_sequence_multiplication: Python list repetition.
// - TestFancyIndexingEquivalence.test_cast_equivalence: it assigns bytes
//   arrays ('2', '-3') to ints, which NumPy parses and this library refuses
//   (README: astype from bytes to numbers is a TypeError).
import { arange, broadcastTo, ellipsis, IndexError, min, NdArray, slice, take, ValueError, zeros, type FancyItem } from '../../lib';
import { array, shapeOf, vals } from '../helpers/np-array';

function full(shape: number[], v: number, dt = 'i8'): NdArray {
  const a = zeros(shape, dt as never) as NdArray;
  a.fill(v);
  return a;
}

function ones(shape: number[] | number, dt = 'f8'): NdArray {
  const a = zeros(shape, dt as never) as NdArray;
  a.fill(1);
  return a;
}

describe('TestIndexing', () => {
  test('test_index_no_floats', () => {
    const a = array([[[5]]]);
    const cases: FancyItem[][] = [
      [-1.4],
      [0, -1.4],
      [-1.4, 0],
      [-1.4, slice(null)],
      [slice(null), -1.4],
      [slice(null), -1.4, slice(null)],
      [-1.4, slice(null), slice(null)],
      [0, 0, -1.4],
      [-1.4, 0, 0],
      [0, -1.4, 0],
      [0.5],
    ];
    for (const c of cases) expect(() => a.index(...c)).toThrow(IndexError);
    // The index-string form tells 0.0 from 0.
    for (const s of ['0.0', '0, 0.0', '0.0, 0', '0.0, :', ':, 0.0', ':, 0.0, :', '0.0, :, :', '0, 0, 0.0', '0.0, 0, 0', '0, 0.0, 0', '-1.4', '0, -1.4', ':, -1.4']) {
      expect(() => a.index(s)).toThrow(IndexError);
    }
  });

  test('test_slicing_no_floats', () => {
    const a = array([[5]]);
    const cases: FancyItem[][] = [
      // start as float.
      [slice(0.5, null)],
      [slice(0, null), slice(0.5, 2)],
      // stop as float.
      [slice(null, 0.5)],
      [slice(null, 0), slice(1, 2.5)],
      [slice(null, 0.5, 2), slice(null, 0)],
      // step as float.
      [slice(null, null, 1.5)],
      [slice(0, null), slice(null, 2, 2.5)],
      // mixed.
      [slice(1.5, 2, 2.5)],
      [slice(null), slice(0.4, 4.5, 2.5)],
    ];
    for (const c of cases) expect(() => a.index(...c)).toThrow(TypeError);
    for (const s of ['0.0:', '0:, 0.0:2', '0.0::2, :0', '0.0:1:2, :', ':, 0.0:', ':0.0', ':0, 1:2.0', ':0.0:2, :0', ':0.0, :', ':, 0:4.0:2', '::1.0', '0:, :2:2.0', '1::4.0, :0', '::5.0, :', ':, 0:4:2.0', '1.0:2:2.0', '1.0::2.0', '0:, :2.0:2.0', '1.0:1:4.0, :0', '1.0:5.0:5.0, :', ':, 0.4:4.0:2.0', '::0.0']) {
      expect(() => a.index(s)).toThrow(TypeError);
    }
  });

  test('test_index_no_array_to_index', () => {
    // No non-scalar arrays as slice bounds: slice() takes numbers only.
    const a = array([[[1]]]);
    expect(() => a.index(slice(a as never, a as never, a as never))).toThrow(TypeError);
  });

  test('test_none_index', () => {
    // `None` index adds newaxis
    const a = array([1, 2, 3]);
    expect(vals(a.index(null))).toEqual([[1, 2, 3]]);
    expect(a.index(null).ndim).toBe(a.ndim + 1);
  });

  test('test_empty_tuple_index', () => {
    // Empty tuple index creates a view
    const a = array([1, 2, 3]);
    const v = a.index();
    expect(vals(v)).toEqual([1, 2, 3]);
    expect(v.base).toBe(a);
    expect(v).not.toBe(a);
  });

  test('test_same_kind_index_casting', () => {
    // Indexes are cast with same_kind, not safe: uint index arrays work.
    const index = arange(5);
    const uIndex = index.astype('uintp' as never);
    let arr = arange(10);
    expect(vals(arr.index(uIndex))).toEqual(vals(arr.index(index)));
    arr.set([uIndex], arange(5));
    expect(vals(arr)).toEqual(vals(arange(10)));

    arr = arange(10).reshape([5, 2]);
    expect(vals(arr.index(uIndex))).toEqual(vals(arr.index(index)));
    arr.set([uIndex], arange(5).index(slice(null), null));
    expect(vals(arr)).toEqual([0, 1, 2, 3, 4].map((i) => [i, i]));

    arr = arange(25).reshape([5, 5]);
    expect(vals(arr.index(uIndex, uIndex))).toEqual(vals(arr.index(index, index)));
  });

  test('test_empty_fancy_index', () => {
    // Empty list index creates an empty array with the same dtype
    const a = array([1, 2, 3]);
    expect(vals(a.index([]))).toEqual([]);
    expect(a.index([]).dtype.equals(a.dtype)).toBe(true);

    const b = zeros(0, 'intp');
    expect(vals(a.index(b))).toEqual([]);
    expect(a.index(b).dtype.equals(a.dtype)).toBe(true);

    // an empty float array is not an index
    expect(() => a.index(zeros(0, 'f8'))).toThrow(IndexError);
  });

  test('test_gh_26542', () => {
    const a = array([0, 1, 2]);
    const idx = array([2, 1, 0]);
    a.set([idx], a);
    expect(vals(a)).toEqual([2, 1, 0]);
  });

  test('test_gh_26542_2d', () => {
    const a = array([[0, 1, 2]]);
    const idxRow = zeros(3, 'i8');
    const idxCol = array([2, 1, 0]);
    a.set([idxRow, idxCol], a);
    expect(vals(a)).toEqual([[2, 1, 0]]);
  });

  test('test_gh_26542_index_overlap', () => {
    const arr = arange(100);
    const expected = vals(arr.index(slice(null, -10)).copy());
    arr.set([slice(10, null)], arr.index(slice(null, -10)));
    expect(vals(arr.index(slice(10, null)))).toEqual(expected);
  });

  test('test_gh_26844', () => {
    const a = arange(5);
    a.index(slice(2, null)).set([a.index(slice(null, -2))], 3);
    expect(vals(a)).toEqual([0, 1, 3, 3, 3]);
  });

  test('test_gh_26844_segfault', () => {
    const a = arange(5);
    a.index(slice(2, null)).set([null, a.index(slice(null, -2))], 3);
    expect(vals(a)).toEqual([0, 1, 3, 3, 3]);
  });

  test('test_ellipsis_index', () => {
    const a = array([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    expect(a.index(ellipsis)).not.toBe(a);
    expect(vals(a.index(ellipsis))).toEqual(vals(a));
    expect(a.index(ellipsis).base).toBe(a);

    // Slicing with ellipsis can skip an arbitrary number of dimensions
    expect(vals(a.index(0, ellipsis))).toEqual(vals(a.index(0)));
    expect(vals(a.index(0, ellipsis))).toEqual(vals(a.index(0, slice(null))));
    expect(vals(a.index(ellipsis, 0))).toEqual(vals(a.index(slice(null), 0)));

    // Slicing with ellipsis always results in an array, not a scalar
    const e = a.index(0, ellipsis, 1);
    expect(e.shape).toEqual([]);
    expect(vals(e)).toBe(2);

    // Assignment with `(Ellipsis,)` on 0-d arrays
    const b = array(1);
    b.set([ellipsis], 2);
    expect(vals(b)).toBe(2);
  });

  test('test_single_int_index', () => {
    // Single integer index selects one row
    const a = array([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    expect(vals(a.index(0))).toEqual([1, 2, 3]);
    expect(vals(a.index(-1))).toEqual([7, 8, 9]);

    // Index out of bounds produces IndexError
    expect(() => a.index(2 ** 30)).toThrow(IndexError);
    // Index overflow produces IndexError
    expect(() => a.index(2 ** 64)).toThrow(IndexError);
    expect(() => a.index('18446744073709551616')).toThrow(IndexError);
  });

  test('test_single_bool_index', () => {
    // Single boolean index
    const a = array([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    const t = zeros([], '?');
    t.fill(true);
    const f = zeros([], '?');
    expect(vals(a.index(t))).toEqual(vals(a.index(null)));
    expect(a.index(t).shape).toEqual([1, 3, 3]);
    expect(vals(a.index(f))).toEqual(vals(a.index(null).index(slice(0, 0))));
    expect(a.index(f).shape).toEqual([0, 3, 3]);
  });

  test('test_boolean_shape_mismatch', () => {
    const arr = ones([5, 4, 3]);

    expect(() => arr.index(array([true], '?'))).toThrow(IndexError);
    expect(() => arr.index(array([false, false, false, false, false, false], '?'))).toThrow(IndexError);
    const index = zeros([4, 4], '?');
    expect(() => arr.index(index)).toThrow(IndexError);
    expect(() => arr.index(slice(null), index)).toThrow(IndexError);
  });

  test('test_boolean_indexing_onedim', () => {
    // Indexing a 2-dimensional array with boolean array of length one
    const a = array([[0, 0, 0]], 'f8');
    const b = array([true], '?');
    expect(vals(a.index(b))).toEqual(vals(a));
    // boolean assignment
    a.set([b], 1.0);
    expect(vals(a)).toEqual([[1, 1, 1]]);
  });

  test('test_boolean_assignment_value_mismatch', () => {
    // A boolean assignment fails when the values cannot be broadcast to the subscription (gh-3458)
    const a = arange(4);
    const f = (x: NdArray, v: unknown): void => x.set([x.greater(-1)], v);
    expect(() => f(a, [])).toThrow(ValueError);
    expect(() => f(a, [1, 2, 3])).toThrow(ValueError);
    expect(() => f(a.index(slice(null, 1)), [1, 2, 3])).toThrow(ValueError);
  });

  test('test_boolean_indexing_twodim', () => {
    // Indexing a 2-dimensional array with 2-dimensional boolean array
    const a = array([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    const b = array(
      [
        [true, false, true],
        [false, true, false],
        [true, false, true],
      ],
      '?',
    );
    expect(vals(a.index(b))).toEqual([1, 3, 5, 7, 9]);
    expect(vals(a.index(b.index(1)))).toEqual([[4, 5, 6]]);
    expect(vals(a.index(b.index(0)))).toEqual(vals(a.index(b.index(2))));

    // boolean assignment
    a.set([b], 0);
    expect(vals(a)).toEqual([
      [0, 2, 0],
      [4, 0, 6],
      [0, 8, 0],
    ]);
  });

  test('test_boolean_indexing_list', () => {
    // Regression test for #13715 (a use-after-free)
    const a = array([1, 2, 3]);
    const b = [true, false, true];
    expect(vals(a.index(b))).toEqual([1, 3]);
    expect(vals(a.index(null, b))).toEqual([[1, 3]]);
  });

  test('test_reverse_strides_and_subspace_bufferinit', () => {
    // The strides are not reversed for simple and subspace fancy indexing.
    let a = ones(5);
    const b = zeros(5, 'intp').index(slice(null, null, -1));
    let c = arange(5).index(slice(null, null, -1));

    a.set([b], c);
    // If the strides are not reversed, the 0 in the arange comes last.
    expect(a.get(0)).toBe(0);

    // This also tests that the subspace buffer is initialized:
    a = ones([5, 2]);
    c = arange(10).reshape([5, 2]).index(slice(null, null, -1));
    a.set([b, slice(null)], c);
    expect(vals(a.index(0))).toEqual([0, 1]);
  });

  test('test_reversed_strides_result_allocation', () => {
    // Output strides for a result whose subspace size is 1
    const a = arange(10).index(slice(null), null);
    const i = arange(10).index(slice(null, null, -1));
    expect(vals(a.index(i))).toEqual(vals(a.index(i.copy('C'))));
  });

  test('test_uncontiguous_subspace_assignment', () => {
    const a = full([3, 4, 2], -1);
    const b = full([3, 4, 2], -1);

    a.set([[0, 1]], arange(2 * 4 * 2).reshape([2, 4, 2]).T);
    b.set([[0, 1]], arange(2 * 4 * 2).reshape([2, 4, 2]).T.copy());

    expect(vals(a)).toEqual(vals(b));
  });

  test('test_too_many_fancy_indices_special_case', () => {
    // 64 is NPY_MAXDIMS: 64 index arrays are one too many (NpyIter's operand limit)
    const a = ones(new Array<number>(64).fill(1));
    const idx = array([0]);
    expect(() => a.index(...new Array<NdArray>(64).fill(idx))).toThrow(IndexError);
  });

  test('test_everything_returns_views', () => {
    // Before `...` would return a itself.
    const a = arange(5);
    expect(a.index()).not.toBe(a);
    expect(a.index(ellipsis)).not.toBe(a);
    expect(a.index(slice(null))).not.toBe(a);
  });

  test('test_broaderrors_indexing', () => {
    const a = zeros([5, 5]);
    expect(() => a.index([0, 1], [0, 1, 2])).toThrow(IndexError);
    expect(() => a.set([[0, 1], [0, 1, 2]], 0)).toThrow(IndexError);
  });

  test('test_trivial_fancy_out_of_bounds', () => {
    const a = zeros(5);
    let ind = ones(20, 'intp');
    ind.set(-1, 10);
    expect(() => a.index(ind)).toThrow(IndexError);
    expect(() => a.set([ind], 0)).toThrow(IndexError);
    ind = ones(20, 'intp');
    ind.set(0, 11);
    expect(() => a.index(ind)).toThrow(IndexError);
    expect(() => a.set([ind], 0)).toThrow(IndexError);
  });

  test('test_trivial_fancy_not_possible', () => {
    // The fast path for trivial assignment is not used when the index is not contiguous or 1D (gh-11467).
    const a = arange(6);
    const idx = arange(6).astype('intp' as never).reshape([2, 1, 3]).index(slice(null), slice(null), 0);
    expect(vals(a.index(idx))).toEqual(vals(idx));

    // a non-contiguous, non-1D index array must not take the fast path
    a.set([idx], -1);
    expect(vals(a)).toEqual([-1, 1, 2, -1, 4, 5]);
  });

  test('test_memory_order', () => {
    // Not necessary to preserve, but NumPy does (and so does this library).
    let a = arange(10);
    const b = arange(10).reshape([5, 2]).T;
    expect(a.index(b).flags.fContiguous).toBe(true);

    // Takes a different implementation branch:
    a = a.reshape([-1, 1]);
    expect(a.index(b, 0).flags.fContiguous).toBe(true);
  });

  test('test_small_regressions', () => {
    const a = array([0]);
    // item setting always checks indices in a separate function:
    a.set([array([0], 'intp')], 1);
    a.set([array([0], 'u1')], 1);
    expect(() => a.set([array([1], 'intp')], 1)).toThrow(IndexError);
    expect(() => a.set([array([1], 'u1')], 1)).toThrow(IndexError);
  });

  test('test_unaligned', () => {
    const v = zeros(64, 'i1');
    v.fill('a'.charCodeAt(0));
    const d = v.index(slice(1, -7)).view('S8');
    // unaligned source
    const x0 = zeros(16, 'i1');
    x0.fill('a'.charCodeAt(0));
    const x = x0.index(slice(1, -7)).view('S8');
    x.set([ellipsis], 'bbbbbbbb');
    let b = arange(d.size);
    // trivial
    expect(vals(d.index(b))).toEqual(vals(d));
    d.set([b], x);
    // nontrivial: an unaligned index array
    b = zeros(d.size + 1, 'f8').view('i1').index(slice(1, -(8 - 1))).view('intp').index(slice(null, d.size));
    b.set([ellipsis], arange(d.size));
    expect(vals(d.index(b.astype('i2')))).toEqual(vals(d));
    d.set([b.astype('i2')], x);
    // boolean
    const even = b.remainder(2).equal(0);
    d.index(even);
    d.set([even], x.index(slice(null, null, 2)));
    // x is one item of 'bbbbbbbb', broadcast into every item of d
    expect((d.toArray() as Uint8Array[]).every((v) => Buffer.from(v).toString() === 'bbbbbbbb')).toBe(true);
  });

  test('test_indexing_array_weird_strides', () => {
    // gh-6221: shapes that make the iterator buffer size awkward
    const x = ones(10);
    const x2 = ones([10, 2]);
    const ind = broadcastTo(arange(10).index(slice(null), null, null, null), [10, 55, 4, 4]);

    // single advanced index case
    expect(vals(x.index(ind))).toEqual(vals(x.index(ind.copy())));
    // higher dimensional advanced index
    const zind = zeros(4, 'intp');
    expect(vals(x2.index(ind, zind))).toEqual(vals(x2.index(ind.copy(), zind)));
  });

  test('test_indexing_array_negative_strides', () => {
    // gh-8264: core dumps if negative strides are used in iteration
    const arro = zeros([4, 4]);
    const arr = arro.index(slice(null, null, -1), slice(null, null, -1));
    arr.set([slice(null), [0, 1, 2, 3]], 10);
    expect(vals(arr)).toEqual(new Array(4).fill([10, 10, 10, 10]));
  });

  test.each([
    [true, 64, 1],
    [true, 80, 1],
    [false, 64, 1],
    [false, 80, 1],
    ['array', 64, 1],
    ['array', 80, 1],
    [true, 64, 64],
    [true, 80, 64],
    [false, 64, 64],
    [false, 80, 64],
    ['array', 64, 64],
    ['array', 80, 64],
  ] as const)('test_too_many_advanced_indices[%s-%d-%d]', (kind, num, originalNdim) => {
    // Limits on the number of arguments (NpyIter's NPY_MAXARGS).
    const arr = ones(new Array<number>(originalNdim).fill(1));
    let index: NdArray;
    if (kind === 'array') index = array([0]);
    else {
      index = zeros([], '?');
      index.fill(kind);
    }
    const items = new Array<NdArray>(num).fill(index);
    expect(() => arr.index(...items)).toThrow(IndexError);
    expect(() => arr.set(items, 1)).toThrow(IndexError);
  });

  test('test_nontuple_ndindex', () => {
    const a = arange(25).reshape([5, 5]);
    expect(vals(a.index([0, 1]))).toEqual([vals(a.index(0)), vals(a.index(1))]);
    expect(vals(a.index([0, 1], [0, 1]))).toEqual([0, 6]);
    expect(() => a.index([slice(null)] as never)).toThrow(IndexError);
  });
});

describe('TestBroadcastedAssignments', () => {
  function assign(a: NdArray, ind: FancyItem[], val: unknown): NdArray {
    a.set(ind, val);
    return a;
  }

  test('test_prepending_ones', () => {
    const a = zeros([3, 2]);
    a.set([ellipsis], ones([1, 3, 2]));
    // Fancy with subspace with and without transpose
    a.set([[0, 1, 2], slice(null)], ones([1, 3, 2]));
    a.set([slice(null), [0, 1]], ones([1, 3, 2]));
    // Fancy without subspace (with broadcasting)
    a.set([[[0], [1], [2]] as never, [0, 1]], ones([1, 3, 2]));
    expect(vals(a)).toEqual([
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
  });

  test('test_prepend_not_one', () => {
    const a = zeros(5);
    // Too large and not only ones.
    expect(() => assign(a, [ellipsis], ones([2, 1]))).toThrow(ValueError);
    expect(() => assign(a, [[1, 2, 3]], ones([2, 1]))).toThrow(ValueError);
    expect(() => assign(a, [[[1], [2]] as never], ones([2, 2, 1]))).toThrow(ValueError);
  });

  test('test_simple_broadcasting_errors', () => {
    const a = zeros([5, 1]);
    expect(() => assign(a, [ellipsis], zeros([5, 2]))).toThrow(ValueError);
    expect(() => assign(a, [ellipsis], zeros([5, 0]))).toThrow(ValueError);
    expect(() => assign(a, [slice(null), [0]], zeros([5, 2]))).toThrow(ValueError);
    expect(() => assign(a, [slice(null), [0]], zeros([5, 0]))).toThrow(ValueError);
    expect(() => assign(a, [[0], slice(null)], zeros([2, 1]))).toThrow(ValueError);
  });

  test.each([
    ['(..., [1, 2], slice(None))', [ellipsis, [1, 2], slice(null)]],
    ['([0, 1], ..., 0)', [[0, 1], ellipsis, 0]],
    ['(..., [1, 2], [1, 2])', [ellipsis, [1, 2], [1, 2]]],
  ] as [string, FancyItem[]][])('test_broadcast_error_reports_correct_shape[%s]', (_name, index) => {
    const values = zeros([100, 100]); // will never broadcast below
    const arr = zeros([3, 4, 5, 6, 7]);
    // NumPy reports the shape without spaces
    const shapeStr = `(${arr.index(...index).shape.join(',')}${arr.index(...index).shape.length === 1 ? ',' : ''})`;
    let err: unknown;
    try {
      arr.set(index, values);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValueError);
    expect((err as Error).message.endsWith(shapeStr)).toBe(true);
  });

  test('test_index_is_larger', () => {
    // Simple case of fancy index broadcasting of the index.
    const a = zeros([5, 5]);
    a.set([[[0], [1], [2]] as never, [0, 1, 2]], [2, 3, 4]);
    expect(vals(a.index(slice(null, 3), slice(null, 3)))).toEqual([
      [2, 3, 4],
      [2, 3, 4],
      [2, 3, 4],
    ]);
  });

  test('test_broadcast_subspace', () => {
    const a = zeros([100, 100]);
    const v = arange(100).index(slice(null), null);
    const b = arange(100).index(slice(null, null, -1));
    a.set([b], v);
    const rev = vals(a.index(slice(null, null, -1))) as number[][];
    expect(rev.every((row, i) => row.every((x) => x === i))).toBe(true);
  });
});

describe('TestFancyIndexingCast', () => {
  test('test_boolean_index_cast_assign', () => {
    // Setup the boolean index and float arrays.
    const shape = [8, 63];
    const boolIndex = zeros(shape).astype('?');
    boolIndex.set([0, 1], true);
    const zeroArray = zeros(shape);

    // Assigning float is fine.
    zeroArray.set([boolIndex], array([1]));
    expect(vals(zeroArray.index(0, 1))).toBe(1);

    // Fancy indexing works (NumPy warns ComplexWarning; no warnings here).
    zeroArray.set([[0], [1]], array([{ re: 2, im: 1 }], 'c16'));
    expect(vals(zeroArray.index(0, 1))).toBe(2); // No complex part

    // Cast complex to float, throwing away the imaginary portion.
    zeroArray.set([boolIndex], array([{ re: 0, im: 1 }], 'c16'));
    expect(vals(zeroArray.index(0, 1))).toBe(0);
  });
});

describe('TestFloatNonIntegerArgument', () => {
  test('test_valid_indexing', () => {
    // These should raise no errors.
    const a = array([[[5]]]);
    a.index(array([0]));
    a.index([0, 0]);
    a.index(slice(null), [0, 0]);
    a.index(slice(null), 0, slice(null));
    a.index(slice(null), slice(null), slice(null));
  });

  test('test_valid_slicing', () => {
    // These should raise no errors.
    const a = array([[[5]]]);
    a.index(slice(null, null, null));
    a.index(slice(0, null));
    a.index(slice(null, 2));
    a.index(slice(0, 2));
    a.index(slice(null, null, 2));
    a.index(slice(1, null, 2));
    a.index(slice(null, 2, 2));
    a.index(slice(1, 2, 2));
    for (const s of ['::', '0:', ':2', '0:2', '::2', '1::2', ':2:2', '1:2:2']) a.index(s);
  });

  test('test_non_integer_argument_errors', () => {
    // 1. is 1 in JS: the non-integral values keep the intent.
    const a = array([[5]]);
    expect(() => a.reshape([1.5, 1, -1])).toThrow(TypeError);
    expect(() => a.reshape([array(1.5, 'f8') as never, -1])).toThrow(TypeError);
    expect(() => take(a, [0], { axis: 1.5 })).toThrow(TypeError);
  });
});

describe('TestFloatNonIntegerArgument (axis)', () => {
  test('test_reduce_axis_float_index', () => {
    const d = zeros([3, 3, 3]);
    expect(() => min(d, 0.5 as never)).toThrow(TypeError);
    expect(() => min(d, [0.5, 1] as never)).toThrow(TypeError);
    expect(() => min(d, [1, 2.2] as never)).toThrow(TypeError);
    expect(() => min(d, [0.2, 1.2] as never)).toThrow(TypeError);
  });
});

describe('TestBooleanIndexing', () => {
  // Using a boolean as integer argument/indexing is an error.
  test('test_bool_as_int_argument_errors', () => {
    const a = array([[[1]]]);
    expect(() => a.reshape([true as never, -1])).toThrow(TypeError);
    expect(() => take(a, [0], { axis: false as never })).toThrow(TypeError);
  });

  test('test_boolean_indexing_weirdness', () => {
    // Weird boolean indexing things
    const a = ones([2, 3, 4]);
    expect(a.index(false, true, ellipsis).shape).toEqual([0, 2, 3, 4]);
    expect(a.index(true, [0, 1], true, true, [1], [[2]] as never).shape).toEqual([1, 2]);
    expect(() => a.index(false, [0, 1], ellipsis)).toThrow(IndexError);
  });

  test('test_boolean_indexing_fast_path', () => {
    // These used to either give the wrong error, or incorrectly give no error.
    let a = ones([3, 3]);
    const msg0 = 'boolean index did not match indexed array along axis 0; size of axis is 3 but size of corresponding boolean axis is 1';

    // This used to incorrectly work (and give an array of shape (0,))
    const idx1 = array([new Array(9).fill(false)], '?');
    expect(() => a.index(idx1)).toThrow(msg0);

    // This used to incorrectly give a ValueError: operands could not be broadcast together
    const idx2 = array([[...new Array(8).fill(false), true]], '?');
    expect(() => a.index(idx2)).toThrow(msg0);

    // This is the same as it used to be. The above two should work like this.
    const idx3 = array([new Array(10).fill(false)], '?');
    expect(() => a.index(idx3)).toThrow(msg0);
    expect(() => a.index(idx3)).toThrow(IndexError);

    // This used to give ValueError: non-broadcastable operand
    a = ones([1, 1, 2]);
    const idx = array([[[true], [false]]], '?');
    expect(() => a.index(idx)).toThrow(new IndexError('boolean index did not match indexed array along axis 1; size of axis is 1 but size of corresponding boolean axis is 2'));
  });
});

describe('TestArrayToIndexDeprecation', () => {
  // Creating an index from an array that is not 0-d is an error.
  test('test_array_to_index_error', () => {
    const a = array([[[1]]]);
    expect(() => a.reshape([a as never, -1])).toThrow(TypeError);
    expect(() => take(a, [0], { axis: a as never })).toThrow(TypeError);
  });
});

describe('TestNonIntegerArrayLike', () => {
  // Array-likes are only valid if they can safely cast to integer.
  test('test_basic', () => {
    const a = arange(10);
    expect(() => a.index([0.5, 1.5])).toThrow(IndexError);
    expect(() => a.index(['1', '2'] as never)).toThrow(IndexError);
    // The following is valid
    a.index([]);
  });
});

describe('TestMultipleEllipsisError', () => {
  test('test_basic', () => {
    const a = arange(10);
    expect(() => a.index(ellipsis, ellipsis)).toThrow(new IndexError("an index can only have a single ellipsis ('...')"));
    expect(() => a.index('..., ...')).toThrow(IndexError);
    // ((Ellipsis,) * 2,) and ((Ellipsis,) * 3,): a sequence of ellipses as one item
    expect(() => a.index([ellipsis, ellipsis] as never)).toThrow(IndexError);
    expect(() => a.index([ellipsis, ellipsis, ellipsis] as never)).toThrow(IndexError);
  });
});
