// Ported from numpy/lib/tests/test_arraysetops.py (NumPy 2.4), TestSetOps:
// intersect1d (with indices, non-1d), setxor1d, union1d, setdiff1d, isin
// (test_isin_additional for kind None/'sort'/'table', both of NumPy's size
// paths; invert; mixed and empty inputs). unique's own tests live in
// test_arraysetops.test.ts.
import { isin, intersect1d, union1d, setdiff1d, setxor1d } from '../../lib/set-ops';
import { array } from '../../lib/array-coerce';
import { arange } from '../../lib/create';
import { take } from '../../lib/fancy';
import { ValueError } from '../../lib/errors';
import type { NdArray } from '../../lib';

const nums = (a: NdArray): number[] => (a.toArray() as (number | bigint | boolean)[]).map(Number);
const bools = (a: NdArray): boolean[] => a.toArray() as boolean[];
const rep = (xs: number[], k: number): number[] => Array.from({ length: k }, () => xs).flat();

describe('TestSetOps', () => {
  test('test_intersect1d', () => {
    expect(nums(intersect1d(array([5, 7, 1, 2]), array([2, 4, 3, 1, 5]), { assumeUnique: true }))).toEqual([1, 2, 5]);
    expect(nums(intersect1d(array([5, 5, 7, 1, 2]), array([2, 1, 4, 3, 3, 1, 5])))).toEqual([1, 2, 5]);
    expect(nums(intersect1d([], []))).toEqual([]);
  });

  test('test_intersect1d_indices', () => {
    let a = array([1, 2, 3, 4]);
    let b = array([2, 1, 4, 6]);
    let r = intersect1d(a, b, { assumeUnique: true, returnIndices: true });
    expect(nums(r.values)).toEqual([1, 2, 4]);
    expect(nums(take(a, r.indices1))).toEqual([1, 2, 4]);
    expect(nums(take(b, r.indices2))).toEqual([1, 2, 4]);
    a = array([1, 2, 2, 3, 4, 3, 2]);
    b = array([1, 8, 4, 2, 2, 3, 2, 3]);
    r = intersect1d(a, b, { returnIndices: true });
    expect(nums(r.values)).toEqual([1, 2, 3, 4]);
    expect(nums(take(a, r.indices1))).toEqual([1, 2, 3, 4]);
    expect(nums(take(b, r.indices2))).toEqual([1, 2, 3, 4]);
    // non-1d inputs: indices into the flattened arrays
    a = array([[2, 4, 5, 6], [7, 8, 1, 15]]);
    b = array([[3, 2, 7, 6], [10, 12, 8, 9]]);
    r = intersect1d(a, b, { assumeUnique: true, returnIndices: true });
    expect(nums(take(a, r.indices1))).toEqual([2, 6, 7, 8]);
    expect(nums(take(b, r.indices2))).toEqual([2, 6, 7, 8]);
    a = array([[2, 4, 5, 6, 6], [4, 7, 8, 7, 2]]);
    b = array([[3, 2, 7, 7], [10, 12, 8, 7]]);
    r = intersect1d(a, b, { returnIndices: true });
    expect(nums(take(a, r.indices1))).toEqual([2, 7, 8]);
    expect(nums(take(b, r.indices2))).toEqual([2, 7, 8]);
  });

  test('test_setxor1d', () => {
    expect(nums(setxor1d(array([5, 7, 1, 2]), array([2, 4, 3, 1, 5])))).toEqual([3, 4, 7]);
    expect(nums(setxor1d(array([1, 2, 3]), array([6, 5, 4])))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(nums(setxor1d(array([1, 8, 2, 3]), array([6, 5, 4, 8])))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(nums(setxor1d([], []))).toEqual([]);
  });

  test('test_union1d', () => {
    expect(nums(union1d(array([5, 4, 7, 1, 2]), array([2, 4, 3, 3, 2, 1, 5])))).toEqual([1, 2, 3, 4, 5, 7]);
    expect(nums(union1d(array([[0, 1, 2], [3, 4, 5]]), array([0, 1, 2, 3, 4])))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(nums(union1d([], []))).toEqual([]);
  });

  test('test_setdiff1d', () => {
    expect(nums(setdiff1d(array([6, 5, 4, 7, 1, 2, 7, 4]), array([2, 4, 3, 3, 2, 1, 5])))).toEqual([6, 7]);
    expect(nums(setdiff1d(arange(21), arange(19)))).toEqual([19, 20]);
    expect(nums(setdiff1d([], []))).toEqual([]);
    expect(setdiff1d(array([], 'u4'), []).dtype.str).toBe('<u4');
    expect(nums(setdiff1d(array([3, 1, 2]), array([1]), { assumeUnique: true }))).toEqual([3, 2]);
  });

  test.each([null, 'sort', 'table'] as const)('test_isin_additional kind=%s', (kind) => {
    for (const mult of [1, 10]) {
      const a = [5, 7, 1, 2];
      let b = rep([2, 4, 3, 1, 5], mult);
      expect(bools(isin(a, b, { assumeUnique: true, kind }))).toEqual([true, false, true, true]);
      a[0] = 8;
      expect(bools(isin(a, b, { assumeUnique: true, kind }))).toEqual([false, false, true, true]);
      a[0] = 4;
      a[3] = 8;
      expect(bools(isin(a, b, { assumeUnique: true, kind }))).toEqual([true, false, true, false]);
      const c = array([5, 4, 5, 3, 4, 4, 3, 4, 3, 5, 2, 1, 5, 5]);
      b = rep([2, 3, 4], mult);
      expect(bools(isin(c, b, { kind }))).toEqual([false, true, false, true, true, true, true, true, true, false, true, false, false, false]);
      b = [...b, ...rep([5, 5, 4], mult)];
      expect(bools(isin(c, b, { kind }))).toEqual([true, true, true, true, true, true, true, true, true, true, true, false, true, true]);
      expect(bools(isin(array([5, 7, 1, 1, 2]), array(rep([2, 4, 3, 3, 1, 5], mult)), { kind }))).toEqual([true, false, true, true, true]);
      expect(bools(isin(array([5, 5]), array(rep([2, 2], mult)), { kind }))).toEqual([false, false]);
    }
    expect(bools(isin(array([5]), array([2]), { kind }))).toEqual([false]);
    if (kind !== 'table') expect(bools(isin([], [], { kind }))).toEqual([]);
  });

  test('test_isin: shape, invert, mixed types, errors', () => {
    const a = arange(24).reshape(2, 3, 4);
    const r = isin(a, array([[10, 20, 30], [0, 1, 3]]));
    expect(r.shape).toEqual([2, 3, 4]);
    expect(nums(r.ravel()).filter(Boolean).length).toBe(5);
    expect(bools(isin(array([1, 2, 3]), array([2]), { invert: true }))).toEqual([true, false, true]);
    expect(bools(isin(array([1.0, 2.5, NaN]), array([1, 2, 3])))).toEqual([true, false, false]);
    expect(bools(isin(array([NaN]), array([NaN])))).toEqual([false]);
    expect(() => isin(array([1.5]), array([1]), { kind: 'table' })).toThrow(ValueError);
    expect(() => isin(array([1]), array([1]), { kind: 'quicksort' as never })).toThrow("Invalid kind: 'quicksort'. Please use None, 'sort' or 'table'.");
  });
});
