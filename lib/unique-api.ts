/**
 * NumPy 2's array-API set functions: `unique_values`, `unique_counts`,
 * `unique_inverse`, `unique_all`. Over the flattened input, as `unique`,
 * but with `equal_nan=False`: every NaN is its own value (count 1, its own
 * index), where `unique` folds them into one. The values come sorted here
 * (NumPy's `unique_values` may return them in hash order, which the array
 * API leaves unspecified); the inverse has the input's shape. One native
 * `unique`, and for NaNs a native `isnan`, `flatnonzero` and `put`.
 * @module
 */
import { concatenate } from './join';
import { arange, ones } from './create';
import { flatnonzero, put, take } from './fancy';
import { requireArray } from './internal';
import type { NdArray } from './ndarray';
import { argsort, unique } from './sort';
import { isnan } from './ufuncs/math';

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
  const r = unique(x, { returnCounts: true, returnInverse: true, returnIndex: true });
  let values = r.values;
  let indices = r.index as NdArray;
  let counts = r.counts as NdArray;
  let inverse = (r.inverse as NdArray).reshape(x.shape);
  const k = x.dtype.kind;
  const u = values.size;
  if ((k === 'f' || k === 'c') && u > 0 && (isnan(values.index(`${u - 1}:`)).toArray() as boolean[])[0]) {
    // equal_nan=False: the one folded NaN becomes one value per NaN, in input order.
    const flat = x.ravel();
    let where = flatnonzero(isnan(flat));
    // Complex NaNs are not all alike to NumPy's sort (R+nanj, nan+Rj, nan+nanj): they keep its order
    if (k === 'c') where = take(where, argsort(take(flat, where), { kind: 'stable' }));
    const n = where.size;
    if (n > 1) {
      // x's dtype as it is ('>f8' stays: NumPy's unique keeps the byte order; concatenate would canonicalize)
      values = concatenate([values.index(`:${u - 1}`), take(flat, where)], { dtype: values.dtype });
      indices = concatenate([indices.index(`:${u - 1}`), where]);
      counts = concatenate([counts.index(`:${u - 1}`), ones([n], 'i8')]);
      const inv = inverse.ravel().copy();
      put(inv, where, arange(u - 1, u - 1 + n));
      inverse = inv.reshape(x.shape);
    }
  }
  return { values, indices, inverseIndices: inverse, counts };
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

