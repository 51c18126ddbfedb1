/**
 * Flat indices of coordinate arrays by the kernels: the one pass behind
 * `ravelMultiIndex` and behind advanced indexing by several integer arrays
 * (`a[rows, cols]` is one index into `a`'s indexed axes merged into one).
 * @module
 */
import { allocate } from './internal';
import type { NdArray } from './ndarray';
import { NATIVE_MIN_ELEMENTS } from './kernels';
import { shapeToSize } from './layout';
import { dtype } from './dtype';
import { add, multiply } from './ufuncs/arith';
import { less } from './ufuncs/compare';

/** Coordinate dtypes the kernels add into int64 as they are: bool, signed integers, unsigned below 64 bits. */
function isExactInInt64(a: NdArray): boolean {
  const dt = a.dtype;
  return dt.kind === 'b' || dt.kind === 'i' || (dt.kind === 'u' && dt.itemsize < 8);
}

/**
 * The flat indices `((c0 * d1 + c1) * d2 + c2) …` of coordinates `coords`
 * (outermost first; bool or integer arrays below 64-bit unsigned, broadcast
 * together to `shape`) in axes of sizes `dims` (each > 0, their product at
 * most 2^63 - 1), as a new C-contiguous int64 array, by the kernels: one
 * min/max pass per coordinate, then one multiply and one add each (exact in
 * int64). A coordinate in [-d, 0) counts from the end of its axis when
 * `negatives` (as an index does; one more masked add), and is outside
 * otherwise. `'outside'` when some coordinate is outside its axis (nothing
 * says which: the caller's own path names it); null when the operands do not
 * qualify (fewer than 256 results, other dtypes). With `narrow`, int32 when
 * the indices and coordinates fit (exact there too).
 */
export function ravelByKernels(coords: readonly NdArray[], dims: readonly number[], shape: readonly number[], negatives: boolean, narrow = false): NdArray | 'outside' | null {
  if (shapeToSize(shape) < NATIVE_MIN_ELEMENTS || !coords.every(isExactInInt64)) return null;
  // `narrow`: an int32 result (half the memory) when every flat index fits
  // one and every coordinate adds into int32 as it is.
  const int32 = narrow && shapeToSize(dims) <= 2 ** 31 - 1 && coords.every((c) => (c.dtype.kind === 'i' && c.itemsize <= 4) || (c.dtype.kind === 'u' && c.itemsize <= 2));
  const counted: boolean[] = [];
  for (let k = 0; k < coords.length; k++) {
    const c = coords[k];
    const lo = Number(c.min());
    if (lo < (negatives ? -dims[k] : 0) || Number(c.max()) >= dims[k]) return 'outside';
    counted.push(lo < 0);
  }
  const r = allocate(dtype(int32 ? 'int32' : 'int64'), shape, 'C', true);
  r.set(coords[0]);
  for (let k = 0; k < coords.length; k++) {
    if (k > 0) {
      multiply(r, dims[k], { out: r });
      add(r, coords[k], { out: r });
    }
    if (counted[k]) add(r, dims[k], { out: r, where: less(coords[k], 0) });
  }
  return r;
}
