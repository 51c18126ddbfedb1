// NumPy's own numpy/lib/tests/test_index_tricks.py (NumPy 2.4), class
// TestRavelUnravelIndex, ported test by test: same names, same intent, the same
// values, shapes and errors. (test/ravel-index.test.ts compares the two functions
// with NumPy case by case; this file is NumPy's own class.)
//
// Mapping: np.unravel_index(indices, shape, order=) -> unravelIndex(indices, shape,
// { order }) (a list of arrays for NumPy's tuple); np.ravel_multi_index(multi_index,
// dims, mode=, order=) -> ravelMultiIndex(multiIndex, dims, { mode, order }), a
// multi_index given as one 2-d array -> the list of its rows; a Python int -> a
// number (or a bigint past 2^53); a tuple of coordinates -> a list.
//
// Skipped (not counted as passing):
// - test_basic's keyword spellings (indices=, shape=, hape=, ims=, dims=): the
//   arguments are positional here; a Python float index (0.5) is ported as 0.5, and
//   `(0.1, 0.)` as [0.1, 0.5] (a JS 0. is the integer 0);
// - test_big_indices' overflow half (dims of np.iinfo(np.intp).max // 2): dims are JS
//   numbers and must be safe integers (below 2^53) here, a TypeError past that.
import { NdArray, ravelMultiIndex, unravelIndex, ValueError, zeros } from '../../lib';
import { arr, vals } from '../helpers/np-port';
import { assertEqual } from '../helpers/np-assert';

const rows = (a: NdArray): NdArray[] => Array.from({ length: a.shape[0] }, (_, i) => a.index(String(i)));
const valsOf = (xs: NdArray[]): unknown[] => xs.map((x) => vals(x));

describe('TestRavelUnravelIndex', () => {
  test('test_basic', () => {
    assertEqual(valsOf(unravelIndex(2, [2, 2])), [1, 0]);

    assertEqual(ravelMultiIndex([1, 0], [2, 2]), 2);
    assertEqual(valsOf(unravelIndex(254, [17, 94])), [2, 66]);
    assertEqual(ravelMultiIndex([2, 66], [17, 94]), 254);
    expect(() => unravelIndex(-1, [2, 2])).toThrow(ValueError);
    expect(() => unravelIndex(0.5, [2, 2])).toThrow(TypeError);
    expect(() => unravelIndex(4, [2, 2])).toThrow(ValueError);
    expect(() => ravelMultiIndex([-3, 1], [2, 2])).toThrow(ValueError);
    expect(() => ravelMultiIndex([2, 1], [2, 2])).toThrow(ValueError);
    expect(() => ravelMultiIndex([0, -3], [2, 2])).toThrow(ValueError);
    expect(() => ravelMultiIndex([0, 2], [2, 2])).toThrow(ValueError);
    expect(() => ravelMultiIndex([0.1, 0.5], [2, 2])).toThrow(TypeError);

    assertEqual(valsOf(unravelIndex((2 * 3 + 1) * 6 + 4, [4, 3, 6])), [2, 1, 4]);
    assertEqual(ravelMultiIndex([2, 1, 4], [4, 3, 6]), (2 * 3 + 1) * 6 + 4);

    const a = arr([[3, 6, 6], [4, 5, 1]]);
    assertEqual(ravelMultiIndex(rows(a), [7, 6]), [22, 41, 37]);
    assertEqual(ravelMultiIndex(rows(a), [7, 6], { order: 'F' }), [31, 41, 13]);
    assertEqual(ravelMultiIndex(rows(a), [4, 6], { mode: 'clip' }), [22, 23, 19]);
    assertEqual(ravelMultiIndex(rows(a), [4, 4], { mode: ['clip', 'wrap'] }), [12, 13, 13]);
    assertEqual(ravelMultiIndex([3, 1, 4, 1], [6, 7, 8, 9]), 1621);

    assertEqual(valsOf(unravelIndex(arr([22, 41, 37]), [7, 6])), [[3, 6, 6], [4, 5, 1]]);
    assertEqual(valsOf(unravelIndex(arr([31, 41, 13]), [7, 6], { order: 'F' })), [[3, 6, 6], [4, 5, 1]]);
    assertEqual(valsOf(unravelIndex(1621, [6, 7, 8, 9])), [3, 1, 4, 1]);
  });

  test('test_empty_indices', () => {
    const msg1 = /indices must be integral: the provided empty sequence was/;
    const msg2 = /only int indices permitted/;
    expect(() => unravelIndex([], [10, 3, 5])).toThrow(TypeError);
    expect(() => unravelIndex([], [10, 3, 5])).toThrow(msg1);
    expect(() => unravelIndex(arr([], 'f8'), [10, 3, 5])).toThrow(TypeError);
    expect(() => unravelIndex(arr([], 'f8'), [10, 3, 5])).toThrow(msg2);
    assertEqual(valsOf(unravelIndex(arr([], 'i8'), [10, 3, 5])), [[], [], []]);
    expect(() => ravelMultiIndex([[], []], [10, 3])).toThrow(msg1);
    expect(() => ravelMultiIndex([[], ['abc']], [10, 3])).toThrow(msg1);
    expect(() => ravelMultiIndex([arr([], 'f8'), arr([], 'f8')], [5, 3])).toThrow(msg2);
    assertEqual(ravelMultiIndex([arr([], 'i8'), arr([], 'i8')], [5, 3]), []);
    assertEqual(ravelMultiIndex(rows(zeros([2, 0], 'i8')), [5, 3]), []);
  });

  test('test_big_indices', () => {
    // ravel_multi_index for big indices (issue #7546)
    const a = [[1, 29], [3, 5], [3, 117], [19, 2], [2379, 1284], [2, 2], [0, 1]];
    assertEqual(ravelMultiIndex(a, [41, 7, 120, 36, 2706, 8, 6]), [5627771580, 117259570957]);

    // test unravel_index for big indices (issue #9538)
    expect(() => unravelIndex(1, [2 ** 32 - 1, 2 ** 31 + 1])).toThrow(ValueError);
  });

  test('test_dtypes', () => {
    // Test with different data types
    for (const dt of ['i2', 'u2', 'i4', 'u4', 'i8', 'u8']) {
      let coords = arr([[1, 0, 1, 2, 3, 4], [1, 6, 1, 3, 2, 0]], dt);
      let shape = [5, 8];
      const c = (coords.toArray() as (number | bigint)[][]).map((r) => r.map(Number));
      let uncoords = c[0].map((v, i) => 8 * v + c[1][i]);
      assertEqual(ravelMultiIndex(rows(coords), shape), uncoords);
      assertEqual(coords, valsOf(unravelIndex(arr(uncoords), shape)));
      uncoords = c[0].map((v, i) => v + 5 * c[1][i]);
      assertEqual(ravelMultiIndex(rows(coords), shape, { order: 'F' }), uncoords);
      assertEqual(coords, valsOf(unravelIndex(arr(uncoords), shape, { order: 'F' })));

      coords = arr([[1, 0, 1, 2, 3, 4], [1, 6, 1, 3, 2, 0], [1, 3, 1, 0, 9, 5]], dt);
      shape = [5, 8, 10];
      const d = (coords.toArray() as (number | bigint)[][]).map((r) => r.map(Number));
      uncoords = d[0].map((v, i) => 10 * (8 * v + d[1][i]) + d[2][i]);
      assertEqual(ravelMultiIndex(rows(coords), shape), uncoords);
      assertEqual(coords, valsOf(unravelIndex(arr(uncoords), shape)));
      uncoords = d[0].map((v, i) => v + 5 * (d[1][i] + 8 * d[2][i]));
      assertEqual(ravelMultiIndex(rows(coords), shape, { order: 'F' }), uncoords);
      assertEqual(coords, valsOf(unravelIndex(arr(uncoords), shape, { order: 'F' })));
    }
  });

  test('test_clipmodes', () => {
    // Test clipmodes
    assertEqual(ravelMultiIndex([5, 1, -1, 2], [4, 3, 7, 12], { mode: 'wrap' }), ravelMultiIndex([1, 1, 6, 2], [4, 3, 7, 12]));
    assertEqual(ravelMultiIndex([5, 1, -1, 2], [4, 3, 7, 12], { mode: ['wrap', 'raise', 'clip', 'raise'] }), ravelMultiIndex([1, 1, 0, 2], [4, 3, 7, 12]));
    expect(() => ravelMultiIndex([5, 1, -1, 2], [4, 3, 7, 12])).toThrow(ValueError);
  });

  test('test_writeability', () => {
    // gh-7269
    const [x, y] = unravelIndex([1, 2, 3], [4, 5]);
    expect(x.flags.writeable).toBe(true);
    expect(y.flags.writeable).toBe(true);
  });

  test('test_0d', () => {
    // gh-580
    const x = unravelIndex(0, []);
    expect(x).toEqual([]);
    expect(() => unravelIndex([0], [])).toThrow(/0d array/);
    expect(() => unravelIndex([1], [])).toThrow(/out of bounds/);
  });

  test.each(['clip', 'wrap', 'raise'] as const)('test_empty_array_ravel[%s]', (mode) => {
    const res = ravelMultiIndex(rows(zeros([3, 0], '<i8')), [2, 1, 0], { mode });
    expect(res.shape).toEqual([0]);
    expect(() => ravelMultiIndex(rows(zeros([3, 1], '<i8')), [2, 1, 0], { mode })).toThrow(ValueError);
  });

  test('test_empty_array_unravel', () => {
    const res = unravelIndex(zeros(0, '<i8'), [2, 1, 0]);
    // res is a tuple of three empty arrays
    expect(res.length).toBe(3);
    expect(res.every((a) => a.ndim === 1 && a.shape[0] === 0)).toBe(true);
    expect(() => unravelIndex([1], [2, 1, 0])).toThrow(ValueError);
  });

  test('test_regression_size_1_index', () => {
    // actually tests the nditer size one index tracking (gh-29690)
    const r = unravelIndex(arr([[1, 0, 1, 0]], 'u4'), [4]);
    assertEqual(valsOf(r), [[[1, 0, 1, 0]]]);
  });
});
