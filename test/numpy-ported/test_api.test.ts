// NumPy's own numpy/_core/tests/test_api.py (NumPy 2.4): the astype, copy
// order, contiguity-flag and broadcast tests, ported test by test: same
// names, same intent, the same values, shapes and flags.
//
// Mapping: a.astype(t) -> a.astype(t) (a copy, keeping the memory order:
// NumPy's default order='K', copy=True); np.copy(a, order=) and a.copy(order=) -> a.copy(order);
// a.flags.c_contiguous -> a.flags.cContiguous; stride_tricks.as_strided ->
// asStrided; np.ones(s) -> zeros(s) filled with 1; np.empty(s, order=) ->
// empty(s, dtype, order); assert_equal of arrays -> their values.
//
// a.astype(t, order=, casting=, copy=) -> a.astype(t, { order, casting, copy }).
//
// Skipped (not counted as passing), one reason each:
// - test_astype_copyflag's np._CopyMode.NEVER: no such enum; a non-boolean copy is refused
//   (a TypeError where NumPy gives ValueError for the enum).
// - the object/str/unicode lines of test_array_astype, test_array_astype_to_string_discovery_empty,
//   test_object_array_astype_to_void, test_string_to_boolean_cast, test_string_to_complex_cast,
//   test_none_to_nan_cast, test_array_astype_warning: no object or unicode dtypes, and no casts
//   between numbers and text (README "Values").
// - test_array_astype_to_void: astype from numbers to void is refused here (README "Values").
// - test_array_array, test___array___refcount, test_array_impossible_casts: np.array over Python
//   objects, buffers and the __array__ protocol.
// - (test_copyto_fromscalar, test_copyto, test_copyto_cast_safety, test_copyto_permut and
//   test_full_from_list are ported in test_api-copyto.test.ts.)
// - the np.array(a, copy=None, order=, ndmin=) lines of test_contiguous_flags: no np.array over arrays.
import { arange, asStrided, broadcastArrays, dtype, empty, NdArray, sharesMemory, zeros } from '../../lib';
import { array } from '../helpers/np-array';

function ones(shape: number[]): NdArray {
  const a = zeros(shape, 'f8');
  a.fill(1);
  return a;
}

test('test_array_astype', () => {
  let a: NdArray = arange(6).astype('f4').reshape([2, 3]);
  // Default behavior: allows unsafe casts, keeps memory layout,
  //                   always copies.
  let b: NdArray = a.astype('i4');
  expect(b.toArray()).toEqual(a.toArray());
  expect(b.dtype.equals(dtype('i4'))).toBe(true);
  expect(b.strides).toEqual(a.strides);
  b = a.T.astype('i4');
  expect(b.toArray()).toEqual(a.T.toArray());
  expect(b.dtype.equals(dtype('i4'))).toBe(true);
  expect(b.strides).toEqual(a.T.strides);
  b = a.astype('f4');
  expect(b.toArray()).toEqual(a.toArray());
  expect(b).not.toBe(a);

  // copy=False parameter skips a copy
  b = a.astype('f4', { subok: true, copy: false });
  expect(b).toBe(a);

  // order parameter allows overriding of the memory layout,
  // forcing a copy if the layout is wrong
  b = a.astype('f4', { order: 'F', copy: false });
  expect(b.toArray()).toEqual(a.toArray());
  expect(b).not.toBe(a);
  expect(b.flags.fContiguous).toBe(true);

  b = a.astype('f4', { order: 'C', copy: false });
  expect(b.toArray()).toEqual(a.toArray());
  expect(b).toBe(a);
  expect(b.flags.cContiguous).toBe(true);

  // casting parameter allows catching bad casts
  b = a.astype('c8', { casting: 'safe' });
  expect((b.toArray() as { re: number; im: number }[][]).map((r) => r.map((v) => v.re))).toEqual(a.toArray());
  expect(b.dtype.equals(dtype('c8'))).toBe(true);

  expect(() => a.astype('i4', { casting: 'safe' })).toThrow(TypeError);

  // subok=False passes through a non-subclassed array
  b = a.astype('f4', { subok: false, copy: false });
  expect(b).toBe(a);

  class MyNDArray extends NdArray {}
  a = array(
    [
      [0, 1, 2],
      [3, 4, 5],
    ],
    'f4',
  ).view(MyNDArray);

  // subok=True passes through a subclass
  b = a.astype('f4', { copy: false });
  expect(b).toBe(a);

  // subok=True is default, and creates a subtype on a cast
  b = a.astype('i4', { copy: false });
  expect(b.toArray()).toEqual(a.toArray());
  expect(b).toBeInstanceOf(MyNDArray);

  // subok=False never returns a subclass
  b = a.astype('f4', { subok: false, copy: false });
  expect(b.toArray()).toEqual(a.toArray());
  expect(b).not.toBe(a);
  expect(b).not.toBeInstanceOf(MyNDArray);
  expect(Object.getPrototypeOf(b)).toBe(NdArray.prototype);
  expect(() => a.astype('f4', { subok: 1 } as never)).toThrow(new TypeError('subok must be a boolean, got 1'));

  const c = array([1000], 'i4');
  expect(() => c.astype('S1', { casting: 'safe' })).toThrow(TypeError);

  // gh-24023
  expect(() => (c.astype as () => NdArray)()).toThrow(TypeError);
});

test('test_copy_order', () => {
  const a = arange(24).reshape([2, 1, 3, 4]);
  const b = a.copy('F');
  const c = arange(24).reshape([2, 1, 4, 3]).swapaxes(2, 3);

  function checkCopyResult(res: NdArray, y: NdArray, ccontig: boolean, fcontig: boolean, strides = false): void {
    expect(res).not.toBe(y);
    expect(res.toArray()).toEqual(y.toArray());
    expect(res.flags.cContiguous).toBe(ccontig);
    expect(res.flags.fContiguous).toBe(fcontig);
    // NumPy's helper takes `strides` and ignores it; the strides that go
    // with these flags are checked here all the same.
    if (strides) expect(res.strides).toEqual(y.strides);
  }

  // Validate the initial state of a, b, and c
  expect(a.flags.cContiguous).toBe(true);
  expect(a.flags.fContiguous).toBe(false);
  expect(b.flags.cContiguous).toBe(false);
  expect(b.flags.fContiguous).toBe(true);
  expect(c.flags.cContiguous).toBe(false);
  expect(c.flags.fContiguous).toBe(false);

  // Copy with order='C' (a.copy and np.copy are one method here: run twice as NumPy does)
  for (let k = 0; k < 2; k++) {
    checkCopyResult(a.copy('C'), a, true, false, true);
    checkCopyResult(b.copy('C'), b, true, false, false);
    checkCopyResult(c.copy('C'), c, true, false, false);
  }

  // Copy with order='F'
  for (let k = 0; k < 2; k++) {
    checkCopyResult(a.copy('F'), a, false, true, false);
    checkCopyResult(b.copy('F'), b, false, true, true);
    checkCopyResult(c.copy('F'), c, false, true, false);
  }

  // Copy with order='K'
  for (let k = 0; k < 2; k++) {
    checkCopyResult(a.copy('K'), a, true, false, true);
    checkCopyResult(b.copy('K'), b, false, true, true);
    checkCopyResult(c.copy('K'), c, false, false, true);
  }
});

test('test_contiguous_flags', () => {
  let a = ones([4, 4, 1]).index('::2, :, :');
  a = asStrided(a, a.shape, [...a.strides.slice(0, 2), -123]);
  const b = ones([2, 2, 1, 2, 2]).swapaxes(3, 4);

  function checkContig(x: NdArray, ccontig: boolean, fcontig: boolean): void {
    expect(x.flags.cContiguous).toBe(ccontig);
    expect(x.flags.fContiguous).toBe(fcontig);
  }

  // Check if new arrays are correct:
  checkContig(a, false, false);
  checkContig(b, false, false);
  checkContig(empty([2, 2, 0, 2, 2]), true, true);
  checkContig(array([[[1], [2]]], 'i8').copy('F'), true, true);
  checkContig(empty([2, 2]), true, false);
  checkContig(empty([2, 2], 'f8', 'F'), false, true);

  // Check slicing update of flags and :
  checkContig(a.index(0), true, true);
  checkContig(a.index('None, ::4, ..., None'), true, true);
  checkContig(b.index('0, 0, ...'), false, true);
  checkContig(b.index(':, :, 0:0, :, :'), true, true);

  // Test ravel and squeeze.
  checkContig(a.ravel(), true, true);
  checkContig(ones([1, 3, 1]).squeeze(), true, true);
});

test('test_broadcast_arrays', () => {
  // Test user defined dtypes
  const dt = 'u4,u4,u4';
  const a = array([[1, 2, 3]], dt, [1]);
  const b = array(
    [
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ],
    dt,
    [3],
  );
  const result = broadcastArrays(a, b);
  const rec = (r: number[][]): unknown => r.map(([f0, f1, f2]) => ({ f0, f1, f2 }));
  expect(result[0]!.toArray()).toEqual(
    rec([
      [1, 2, 3],
      [1, 2, 3],
      [1, 2, 3],
    ]),
  );
  expect(result[1]!.toArray()).toEqual(
    rec([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]),
  );
});

test('test_astype_copyflag', () => {
  // test the various copyflag options
  const arr = arange(10).astype('intp');

  const resTrue = arr.astype('intp', { copy: true });
  expect(sharesMemory(arr, resTrue)).toBe(false);

  const resFalse = arr.astype('intp', { copy: false });
  expect(sharesMemory(arr, resFalse)).toBe(true);

  const resFalseFloat = arr.astype('f8', { copy: false });
  expect(sharesMemory(arr, resFalseFloat)).toBe(false);

  // _CopyMode enum isn't allowed (here: anything but a boolean)
  expect(() => arr.astype('f8', { copy: 'never' as never })).toThrow(TypeError);
});
