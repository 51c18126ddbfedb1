/**
 * Do two arrays share memory? `mayShareMemory` is NumPy's O(ndim) bounds
 * check; `sharesMemory` is the exact answer (see overlap.ts), which may give
 * up with a TooHardError under a work bound, as NumPy's does.
 * @module
 */
import { TooHardError } from './errors';
import type { NdArray } from './ndarray';
import { boundsOverlap, solveOverlap, type Extent } from './overlap';
import { requireOpen, storageOf } from './internal';

/**
 * Both arrays' extents in one address space, or null when they live in
 * different memory (different buffers, or different mappings).
 */
function extents(a: NdArray, b: NdArray): [Extent, Extent] | null {
  requireOpen(a);
  requireOpen(b);
  let da = 0;
  let db = 0;
  if (storageOf(a) !== storageOf(b)) {
    const wa = storageOf(a).single;
    const wb = storageOf(b).single;
    if (wa === null || wb === null || wa.buffer !== wb.buffer) return null;
    da = wa.bufferOffset;
    db = wb.bufferOffset;
  }
  return [
    { offset: a.offset + da, shape: a.shape, strides: a.strides, itemsize: a.itemsize },
    { offset: b.offset + db, shape: b.shape, strides: b.strides, itemsize: b.itemsize },
  ];
}

/** NumPy's `may_share_memory`: true when the byte bounds of the two arrays overlap. */
export function mayShareMemory(a: NdArray, b: NdArray): boolean {
  const e = extents(a, b);
  return e !== null && boundsOverlap(e[0], e[1]);
}

/**
 * NumPy's `shares_memory`: true when some byte is addressed by both arrays.
 * With `maxWork`, gives up with {@link TooHardError} when the exact problem
 * needs more work than that.
 */
export function sharesMemory(a: NdArray, b: NdArray, maxWork?: number): boolean {
  const e = extents(a, b);
  if (e === null) return false;
  const r = solveOverlap(e[0], e[1], maxWork);
  if (r === 'too-hard') throw new TooHardError(`Exceeded max_work ${maxWork ?? ''}`.trim());
  return r === 'yes';
}
