/**
 * NumPy's `extract` and `place`, the pair that reads and writes an array
 * through a condition over its flattened (C-order) elements:
 * `extract(c, a)` is `take(ravel(a), flatnonzero(c))` (a new 1-d array; an
 * index past `a`'s size is NumPy's IndexError), `place(a, mask, vals)`
 * writes `vals` (repeated as needed) into `a` where `mask` is true, in
 * place. Both native (`fancy.ts`'s gather and scatter).
 * @module
 */
import { inspect } from 'util';
import { asarray } from './array-coerce';
import { canCast } from './promote';
import { ValueError } from './errors';
import { flatnonzero, put, take } from './fancy';
import { NdArray as ArrayClass, WRITEBACK_READ_ONLY, requireArray, requireOpen, requireWritable } from './internal';
import type { NdArray } from './ndarray';

function arrayOf(x: unknown): NdArray {
  if (x instanceof ArrayClass) {
    requireOpen(x);
    return x;
  }
  return asarray(x);
}

/**
 * NumPy's `np.extract(condition, arr)`: the elements of `arr` (flattened)
 * where `condition` (flattened; any non-zero value counts) is true.
 */
export function extract(condition: NdArray | readonly unknown[], arr: NdArray | readonly unknown[]): NdArray {
  const c = arrayOf(condition);
  const a = arrayOf(arr);
  return take(a.ravel(), flatnonzero(c.ravel()));
}

/**
 * NumPy's `np.place(arr, mask, vals)`: writes the first N values of `vals`
 * (repeated when shorter) into `arr` where `mask` is true, N the number of
 * true elements; `mask` must have `arr`'s size; in place.
 */
export function place(arr: NdArray, mask: NdArray | readonly unknown[], vals: unknown): void {
  requireArray(arr, 'place', 'arr');
  requireOpen(arr);
  const m = arrayOf(mask);
  if (m.size !== arr.size) throw new ValueError('place: mask and data must be the same size');
  // NumPy's arr_place: PyArray_FromAny(vals, arr.dtype): an array must cast safely (even for an
  // all-false mask), a list or scalar converts to arr's dtype (300 into int8: OverflowError).
  let v: NdArray;
  if (vals instanceof ArrayClass) {
    requireOpen(vals);
    if (!canCast(vals.dtype, arr.dtype, 'safe')) throw new TypeError(`Cannot cast array data from ${inspect(vals.dtype)} to ${inspect(arr.dtype)} according to the rule 'safe'`);
    v = vals;
  } else {
    v = asarray(vals, arr.dtype);
  }
  requireWritable(arr, WRITEBACK_READ_ONLY);
  const where = flatnonzero(m);
  if (where.size === 0) return;
  if (v.size === 0) throw new ValueError('Cannot insert from an empty array!');
  put(arr, where, v.ravel());
}
