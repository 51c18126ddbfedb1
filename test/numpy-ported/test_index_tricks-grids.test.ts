// NumPy's own numpy/lib/tests/test_index_tricks.py (NumPy 2.4): class
// TestGrid (mgrid/ogrid), class TestNdenumerate and the ndindex tests,
// ported test by test (same names, intent and values).
//
// Mapping: mgrid[a:b:c, d:e:f] -> mgrid('a:b:c, d:e:f') (a trailing comma,
// mgrid[a:b:c, ], is the same tuple of one); ndindex(*s) -> ndindex(...s);
// a tuple index -> a number[]; StopIteration -> next().done.
//
// Skipped (not counted as passing): test_accepts_npfloating and
// test_accepts_longdouble (no float32 or longdouble Python scalars in a
// slice string; the float32 dtype they check has no JS spelling here).
import { asarray, broadcastArrays, linspace, mgrid, ndenumerate, ndindex, ogrid, zeros, ValueError } from '../../lib';
import type { NdArray } from '../../lib';

const nums = (a: NdArray): number[] => (a.toArray() as (number | bigint)[]).map(Number);
const close = (x: number, y: number, decimal = 7): void => expect(Math.abs(x - y)).toBeLessThan(1.5 * 10 ** -decimal);

describe('TestGrid', () => {
  test('test_basic', () => {
    const a = mgrid('-1:1:10j');
    const b = mgrid('-1:1:0.1');
    expect(a.shape).toEqual([10]);
    expect(b.shape).toEqual([20]);
    expect(a.get(0)).toBe(-1);
    close(a.get(-1) as number, 1);
    expect(b.get(0)).toBe(-1);
    close((b.get(1) as number) - (b.get(0) as number), 0.1, 11);
    close(b.get(-1) as number, (b.get(0) as number) + 19 * 0.1, 11);
    close((a.get(1) as number) - (a.get(0) as number), 2.0 / 9.0, 11);
  });
  test('test_linspace_equivalence', () => {
    const y = nums(linspace(2, 10) as NdArray);
    const g = nums(mgrid('2:10:50j'));
    y.forEach((v, i) => close(v, g[i], 13));
  });
  test('test_nd', () => {
    const c = mgrid('-1:1:10j, -2:2:10j');
    const d = mgrid('-1:1:0.1, -2:2:0.2');
    expect(c.shape).toEqual([2, 10, 10]);
    expect(d.shape).toEqual([2, 20, 20]);
    expect(nums(c.index('0, 0, :'))).toEqual(Array(10).fill(-1));
    expect(nums(c.index('1, :, 0'))).toEqual(Array(10).fill(-2));
    nums(c.index('0, -1, :')).forEach((v) => close(v, 1, 11));
    nums(c.index('1, :, -1')).forEach((v) => close(v, 2, 11));
    const d01 = nums(d.index('0, 1, :'));
    nums(d.index('0, 0, :')).forEach((v, i) => close(d01[i] - v, 0.1, 11));
    const d11 = nums(d.index('1, :, 1'));
    nums(d.index('1, :, 0')).forEach((v, i) => close(d11[i] - v, 0.2, 11));
  });
  test('test_sparse', () => {
    const full = mgrid('-1:1:10j, -2:2:10j');
    const sparse = ogrid('-1:1:10j, -2:2:10j') as NdArray[];
    const b = broadcastArrays(...sparse);
    b.forEach((x, k) => expect(x.toArray()).toEqual(full.index(k).toArray()));
  });
  test.each([
    [':10:10j', [200, 10]],
    ['-10:20:', [1800, 30]],
  ])('test_mgrid_size_none_handling %s', (s, expected) => {
    expect(mgrid(`${s}, ${s}`).size).toBe(expected[0]);
    expect(mgrid(s).size).toBe(expected[1]);
  });
  test('a tuple of one slice takes the grid path (mgrid[0.1:0.33:0.1, ])', () => {
    const g = mgrid('0.1:0.33:0.1,');
    expect(g.shape).toEqual([1, 3]);
    expect(g.dtype.str).toBe('<f8');
    expect(mgrid('0.1:0.33:0.1').shape).toEqual([3]);
  });
});

describe('TestNdenumerate', () => {
  test('test_basic', () => {
    const a = asarray([[1, 2], [3, 4]]);
    expect([...ndenumerate(a)].map(([i, v]) => [i, Number(v)])).toEqual([[[0, 0], 1], [[0, 1], 2], [[1, 0], 3], [[1, 1], 4]]);
  });
});

describe('ndindex', () => {
  test('test_ndindex', () => {
    const expected = [...ndenumerate(zeros([1, 2, 3]))].map(([ix]) => ix);
    expect([...ndindex(1, 2, 3)]).toEqual(expected);
    expect([...ndindex([1, 2, 3])]).toEqual(expected);
    expect([...ndindex([3])]).toEqual([...ndindex(3)]);
    expect([...ndindex()]).toEqual([[]]);
    expect([...ndindex([])]).toEqual([[]]);
    expect([...ndindex(...[0])]).toEqual([]);
  });
  test('test_ndindex_zero_dimensions_explicit', () => {
    expect([...ndindex(0, 3)]).toEqual([]);
    expect([...ndindex(3, 0, 2)]).toEqual([]);
    expect([...ndindex(0)]).toEqual([]);
  });
  test.each([[2.5], ['2'], [[2.0, 3.5]]])('test_ndindex_non_integer_dimensions %p', (bad) => {
    expect(() => [...ndindex(bad as never)]).toThrow(TypeError);
  });
  test('test_ndindex_stop_iteration_behavior', () => {
    const it = ndindex(2, 2);
    [...it];
    expect(it.next().done).toBe(true);
  });
  test('test_ndindex_iterator_independence', () => {
    const iter1 = ndindex(2, 3);
    const iter2 = ndindex(2, 3);
    iter1.next();
    iter1.next();
    expect(iter2.next().value).toEqual([0, 0]);
    expect(iter1.next().value).toEqual([0, 2]);
  });
  test('test_ndindex_tuple_vs_args_consistency', () => {
    expect([...ndindex(5)]).toEqual([...ndindex([5])]);
    expect([...ndindex(2, 3)]).toEqual([...ndindex([2, 3])]);
    expect([...ndindex(2, 1, 4)]).toEqual([...ndindex([2, 1, 4])]);
  });
  test('test_ndindex_against_ndenumerate_compatibility', () => {
    for (const shape of [[1, 2, 3], [3], [2, 2], []]) {
      expect([...ndindex(shape)]).toEqual([...ndenumerate(zeros(shape))].map(([ix]) => ix));
    }
  });
  test('test_ndindex_multidimensional_correctness', () => {
    expect([...ndindex(2, 1, 3)]).toEqual([[0, 0, 0], [0, 0, 1], [0, 0, 2], [1, 0, 0], [1, 0, 1], [1, 0, 2]]);
  });
  test('test_ndindex_large_dimensions_behavior', () => {
    expect(ndindex(1000, 1000).next().value).toEqual([0, 0]);
  });
  test('test_ndindex_empty_iterator_behavior', () => {
    expect([...ndindex(0, 5)]).toEqual([]);
    expect(ndindex(3, 0, 2).next().done).toBe(true);
  });
  test.each([[[-1]], [[2, -3, 4]], [[5, 0, -2]]])('test_ndindex_negative_dimensions %p', (shape) => {
    expect(() => ndindex(shape)).toThrow(ValueError);
  });
  test('test_ndindex_empty_shape', () => {
    expect([...ndindex()]).toEqual([[]]);
    expect([...ndindex([])]).toEqual([[]]);
  });
  test('test_ndindex_negative_dim_raises', () => {
    expect(() => [...ndindex(-1)]).toThrow(ValueError);
  });
});
