/**
 * NumPy's `unique(ar, axis=k)` (`numpy/lib/_arraysetops_impl.py`): the
 * distinct sub-arrays along axis `k`, in sorted order, found as NumPy finds
 * them. `ar` with axis `k` moved first is laid out as a C-contiguous `(n, m)`
 * array, each row of `m` items viewed as one record of `m` fields of `ar`'s
 * dtype, and those `n` records go through the flat unique: records compare
 * field by field (so `-0.0` equals `0.0` and a bool field compares its truth,
 * not its byte), and the distinct rows come back viewed as `ar`'s dtype,
 * reshaped and the axis moved back. `index`, `inverse` (1-d, one entry per
 * row) and `counts` are the flat unique's, over the rows.
 *
 * A row of no items (`m == 0`) makes NumPy's zero-size record dtype: every
 * row equals every other, so there is one distinct row when there is any;
 * the flat unique of `n` equal items (zeros) then gives the index, inverse
 * and counts. A 1-d array (or no axis) is the flat unique itself, the axis
 * only checked (lib/sort.ts).
 * @module
 */
import type { NdArray } from './ndarray';
import { dtype as toDType } from './dtype';
import { moveaxis } from './axis-views';
import { ascontiguousarray } from './views';
import { normalizeAxis } from './layout';

/** What the flat unique returns (lib/sort.ts `UniqueResult`). */
export interface UniqueParts {
  values: NdArray;
  counts: NdArray | null;
  inverse: NdArray | null;
  index: NdArray | null;
}

/** The flat unique's options (lib/sort.ts `UniqueOptions`, without `axis`). */
export interface UniqueFlags {
  returnCounts?: boolean;
  returnInverse?: boolean;
  returnIndex?: boolean;
}

/**
 * NumPy's unique along `axis` of an array of 2 or more dimensions, over
 * `flat` (the unique of a 1-d array) and `zerosOf(count)` (that many int8
 * zeros), passed in: lib/sort.ts imports this module, not the other way round.
 */
export function uniqueAlongAxis(a: NdArray, axis: number, flags: UniqueFlags, flat: (x: NdArray, f: UniqueFlags) => UniqueParts, zerosOf: (count: number) => NdArray): UniqueParts {
  const ax = normalizeAxis(axis, a.ndim);
  const moved = moveaxis(a, ax, 0);
  const origShape = moved.shape;
  const n = origShape[0];
  const rest = origShape.slice(1);
  const m = rest.reduce((p, v) => p * v, 1);
  const backToAxis = (rows: NdArray): NdArray => moveaxis(rows.reshape([rows.shape[0], ...rest]), 0, ax);
  if (m === 0) {
    // NumPy's np.empty(n, dtype=[]) records: all equal. n equal int8 zeros give the
    // flat unique's index, inverse and counts; the values are the first u rows.
    const r = flat(zerosOf(n), flags);
    const u = n > 0 ? 1 : 0;
    return { ...r, values: backToAxis(moved.reshape([n, 0]).index(`:${u}`).copy()) };
  }
  const ar = ascontiguousarray(moved.reshape([n, m]));
  const rowType = toDType(Array.from({ length: m }, (_, i) => [`f${i}`, a.dtype]) as never);
  const consolidated = ar.view(rowType).reshape([n]);
  const r = flat(consolidated, flags);
  const rows = ascontiguousarray(r.values).view(a.dtype).reshape([r.values.shape[0], m]);
  return { ...r, values: backToAxis(rows) };
}
