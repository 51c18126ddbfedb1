/**
 * NumPy's `unique(..., equal_nan=False)`: every NaN its own distinct value.
 * `unique` folds the NaNs of a float or complex input into one value (the
 * default, `equal_nan=True`); with `equal_nan=False`, and in the array API's
 * `unique_values`/`unique_counts`/`unique_inverse`/`unique_all`, each NaN
 * stays: one value per NaN after the numbers, in input order (complex NaNs
 * in NumPy's sort order of them), each counted once, its own first index,
 * its element's inverse pointing at it.
 * @module
 */
import { concatenate } from './join';
import { fromValues, INTP } from './compute-values';
import { flatnonzero, put, take } from './fancy';
import type { NdArray } from './ndarray';
import type { UniqueResult } from './sort';
import { isnan } from './ufuncs/math';

/**
 * `r` (the folded unique of `x`) with its one NaN value split into one per
 * NaN of `x`. `stableOrder` is a stable argsort (sort.ts's, passed in: this
 * module is below it). `r` itself when there is nothing to split.
 */
export function splitNans(x: NdArray, r: UniqueResult, stableOrder: (v: NdArray) => NdArray): UniqueResult {
  const k = x.dtype.kind;
  const u = r.values.size;
  if (!(k === 'f' || k === 'c') || x.dtype.isStructured || u === 0) return r;
  if (!(isnan(r.values.index(`${u - 1}:`)).toArray() as boolean[])[0]) return r;
  const flat = x.ravel();
  let where = flatnonzero(isnan(flat));
  // Complex NaNs are not all alike to NumPy's sort (R+nanj, nan+Rj, nan+nanj): they keep its order.
  if (k === 'c') where = take(where, stableOrder(take(flat, where)));
  const n = where.size;
  if (n <= 1) return r;
  const head = `:${u - 1}`;
  // x's dtype as it is ('>f8' stays: NumPy's unique keeps the byte order; concatenate would canonicalize).
  const values = concatenate([r.values.index(head), take(flat, where)], { dtype: r.values.dtype });
  const index = r.index === null ? null : concatenate([r.index.index(head), where]);
  const counts = r.counts === null ? null : concatenate([r.counts.index(head), fromValues(INTP, [n], new Array<bigint>(n).fill(1n))]);
  let inverse = r.inverse;
  if (inverse !== null) {
    const shape = inverse.shape;
    const inv = inverse.ravel().copy();
    put(inv, where, fromValues(INTP, [n], Array.from({ length: n }, (_, i) => BigInt(u - 1 + i))));
    inverse = inv.reshape(shape);
  }
  return { values, counts, inverse, index };
}
