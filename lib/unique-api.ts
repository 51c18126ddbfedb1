/**
 * NumPy 2's array-API set functions: `unique_values`, `unique_counts`,
 * `unique_inverse`, `unique_all`. Over the flattened input, as `unique`
 * with `equalNan: false`: every NaN is its own value (count 1, its own
 * index), where `unique` by default folds them into one. The values come
 * sorted here (NumPy's `unique_values` may return them in hash order, which
 * the array API leaves unspecified); the inverse has the input's shape.
 * @module
 */
import { requireArray } from './internal';
import type { NdArray } from './ndarray';
import { unique } from './sort';

/** NumPy's `UniqueAllResult`. */
export interface UniqueAllResult {
  values: NdArray;
  /** Each value's first position in the flattened input (int64). */
  indices: NdArray;
  /** Each input element's position in `values` (int64, the input's shape). */
  inverseIndices: NdArray;
  /** How often each value occurs (int64). */
  counts: NdArray;
}

function uniqueAllOf(fn: string, x: NdArray): UniqueAllResult {
  requireArray(x, fn, 'x');
  const r = unique(x, { returnCounts: true, returnInverse: true, returnIndex: true, equalNan: false });
  return { values: r.values, indices: r.index as NdArray, inverseIndices: (r.inverse as NdArray).reshape(x.shape), counts: r.counts as NdArray };
}

/** NumPy's `np.unique_values(x)`: the distinct values (sorted here; every NaN kept). */
export function uniqueValues(x: NdArray): NdArray {
  return uniqueAllOf('uniqueValues', x).values;
}

/** NumPy's `np.unique_counts(x)`: the distinct values and how often each occurs. */
export function uniqueCounts(x: NdArray): { values: NdArray; counts: NdArray } {
  const r = uniqueAllOf('uniqueCounts', x);
  return { values: r.values, counts: r.counts };
}

/** NumPy's `np.unique_inverse(x)`: the distinct values and each element's index into them (x's shape). */
export function uniqueInverse(x: NdArray): { values: NdArray; inverseIndices: NdArray } {
  const r = uniqueAllOf('uniqueInverse', x);
  return { values: r.values, inverseIndices: r.inverseIndices };
}

/** NumPy's `np.unique_all(x)`: values, first indices, inverse indices (x's shape) and counts. */
export function uniqueAll(x: NdArray): UniqueAllResult {
  return uniqueAllOf('uniqueAll', x);
}

