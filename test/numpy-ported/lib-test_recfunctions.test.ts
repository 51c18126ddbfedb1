// NumPy's own numpy/lib/tests/test_recfunctions.py (NumPy 2.4),
// TestRecFunctions.test_structured_to_unstructured, ported: same values,
// shapes, dtypes, views and errors.
//
// Mapping: structured_to_unstructured(a, dtype=, copy=) ->
// structuredToUnstructured(a, { dtype, copy }); unstructured_to_structured(c,
// dt) -> unstructuredToStructured(c, { dtype: dt }); b[['x', 'z']] ->
// b.fields(['x', 'z']); np.mean(u, axis=-1) -> mean(u, -1).
//
// Skipped (not counted as passing): the apply_along_fields lines (not in
// this library) and the recarray/memmap subclass lines (np.recarray does not
// exist here).
import { arange, array, dtype, mean, NotImplementedError, sharesMemory, structuredToUnstructured, unstructuredToStructured, ValueError, zeros } from '../../lib';
import { assertEqual } from '../helpers/np-assert';

describe('TestRecFunctions', () => {
  test('test_structured_to_unstructured', () => {
    const a = zeros(4, [['a', 'i4'], ['b', 'f4,u2'], ['c', 'f4', [2]]]);
    let out = structuredToUnstructured(a);
    assertEqual(out, zeros([4, 5], 'f8'));

    const b = array([[1, 2, 5], [4, 5, 7], [7, 8, 11], [10, 11, 12]], [['x', 'i4'], ['y', 'f4'], ['z', 'f8']]);
    out = mean(structuredToUnstructured(b.fields(['x', 'z'])), -1);
    assertEqual(out, array([3, 5.5, 9, 11]));
    out = mean(structuredToUnstructured(b.fields(['x'])), -1);
    assertEqual(out, array([1, 4, 7, 10]));

    const c = arange(20).reshape([4, 5]);
    out = unstructuredToStructured(c, { dtype: a.dtype });
    const want = array(
      [
        [0, [1, 2], [3, 4]],
        [5, [6, 7], [8, 9]],
        [10, [11, 12], [13, 14]],
        [15, [16, 17], [18, 19]],
      ],
      [['a', 'i4'], ['b', [['f0', 'f4'], ['f1', 'u2']]], ['c', 'f4', [2]]],
    );
    assertEqual(out, want);

    // check that for uniform field dtypes we get a view, not a copy:
    let d = array([[1, 2, 5], [4, 5, 7], [7, 8, 11], [10, 11, 12]], [['x', 'i4'], ['y', 'i4'], ['z', 'i4']]);
    let dd = structuredToUnstructured(d);
    let ddd = unstructuredToStructured(dd, { dtype: d.dtype });
    expect(sharesMemory(dd, d)).toBe(true);
    expect(sharesMemory(ddd, d)).toBe(true);

    // check that reversing the order of attributes works
    const ddAttribRev = structuredToUnstructured(d.fields(['z', 'x']));
    assertEqual(ddAttribRev, array([[5, 1], [7, 4], [11, 7], [12, 10]], 'i4'));
    expect(sharesMemory(ddAttribRev, d)).toBe(true);

    // including uniform fields with subarrays unpacked
    const sub = [['x0', 'i4'], ['x1', 'i4', [2]], ['x2', 'i4', [2, 2]]];
    d = array(
      [
        [1, [2, 3], [[4, 5], [6, 7]]],
        [8, [9, 10], [[11, 12], [13, 14]]],
      ],
      sub as never,
    );
    dd = structuredToUnstructured(d);
    ddd = unstructuredToStructured(dd, { dtype: d.dtype });
    expect(sharesMemory(dd, d)).toBe(true);
    expect(sharesMemory(ddd, d)).toBe(true);

    // check that reversing with sub-arrays works as expected
    const ddRev = structuredToUnstructured(d.index('::-1'));
    assertEqual(ddRev, array([[8, 9, 10, 11, 12, 13, 14], [1, 2, 3, 4, 5, 6, 7]], 'i4'));

    // check that sub-arrays keep the order of their values
    const ddAttribRev2 = structuredToUnstructured(d.fields(['x2', 'x1', 'x0']));
    assertEqual(ddAttribRev2, array([[4, 5, 6, 7, 2, 3, 1], [11, 12, 13, 14, 9, 10, 8]], 'i4'));

    // with ignored field at the end
    d = array(
      [
        [1, [2, 3], [[4, 5], [6, 7]], 32],
        [8, [9, 10], [[11, 12], [13, 14]], 64],
      ],
      [...sub, ['ignored', 'u1']] as never,
    );
    dd = structuredToUnstructured(d.fields(['x0', 'x1', 'x2']));
    expect(sharesMemory(dd, d)).toBe(true);
    assertEqual(dd, array([[1, 2, 3, 4, 5, 6, 7], [8, 9, 10, 11, 12, 13, 14]], 'i4'));

    // test that nested fields with identical names don't break anything
    const point = dtype([['x', 'i8'], ['y', 'i8']]);
    const triangle = dtype([['a', point], ['b', point], ['c', point]] as never);
    const res = structuredToUnstructured(zeros(10, triangle), { dtype: 'i8' });
    assertEqual(res, zeros([10, 6], 'i8'));

    // test nested combinations of subarrays and structured arrays, gh-13333
    const subarray = (dt: unknown, shape: number[]): unknown => dtype([dt, shape] as never);
    const structured = (...dts: unknown[]): unknown => dtype(dts.map((t, i) => [`x${i}`, t]) as never);
    const inspect = (dt: unknown): [number[], string, boolean] => {
      const arr = zeros([], dt as never);
      const ret = structuredToUnstructured(arr);
      const backarr = unstructuredToStructured(ret, { dtype: dt as never });
      return [[...ret.shape], ret.dtype.str, backarr.dtype.equals(dtype(dt as never))];
    };
    expect(inspect(structured(subarray(structured('<i4', '<i4'), [3])))).toEqual([[6], '<i4', true]);
    expect(inspect(structured(subarray(subarray('<i4', [2]), [2])))).toEqual([[4], '<i4', true]);
    expect(inspect(structured('<i4'))).toEqual([[1], '<i4', true]);
    expect(inspect(structured('<i4', subarray(subarray('<i4', [2]), [2])))).toEqual([[5], '<i4', true]);

    const empty = dtype([] as never);
    expect(() => structuredToUnstructured(zeros(3, empty))).toThrow(ValueError);

    // these currently don't work, but we may make it work in the future
    expect(() => structuredToUnstructured(zeros(3, empty), { dtype: 'i4' })).toThrow(NotImplementedError);
    expect(() => unstructuredToStructured(zeros([3, 0], 'i4'))).toThrow(NotImplementedError);
  });
});
