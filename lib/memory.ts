/**
 * Do two arrays share memory? `mayShareMemory` is NumPy's O(ndim) bounds
 * check; `sharesMemory` is the exact answer (see overlap.ts), which may give
 * up with a TooHardError under a work bound, as NumPy's does.
 * @module
 */
import { OverflowError, TooHardError, ValueError, repr } from './errors';
import type { NdArray } from './ndarray';
import { boundsOverlap, solveOverlap, type Extent } from './overlap';
import { requireOpen, storageOf } from './internal';

/**
 * Both arrays' extents in one address space, or null when they live in
 * different memory (different buffers, or different mappings). Both must be open.
 */
export function extents(a: NdArray, b: NdArray): [Extent, Extent] | null {
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

/**
 * NumPy's `may_share_memory(a, b, max_work)`: false only when the arrays
 * surely share no byte. Without `maxWork` (NumPy's default) it compares the
 * byte bounds alone; with one, it also tries the exact problem within that
 * much work and answers true when the bound runs out (never a TooHardError).
 * `maxWork` as in {@link sharesMemory}.
 * @throws ValueError for a `maxWork` that is not an integer or below -2; OverflowError past int64.
 */
export function mayShareMemory(a: NdArray, b: NdArray, maxWork?: number | null): boolean {
  const e = extents(a, b);
  if (maxWork === undefined || maxWork === null) return e !== null && boundsOverlap(e[0], e[1]);
  const bound = workBound(maxWork);
  if (e === null) return false;
  return solveOverlap(e[0], e[1], bound) !== 'no';
}

/**
 * NumPy's `shares_memory(a, b, max_work)`: true when some byte is addressed
 * by both arrays. `maxWork` caps the exact search (NumPy's `max_work`):
 * omitted, `-1` (NumPy's `MAY_SHARE_EXACT`) or `Infinity` solve it exactly;
 * `0` is the bounds check alone; n gives up after n dead ends.
 * @throws TooHardError when the answer needs more work than `maxWork`.
 * @throws ValueError for a `maxWork` that is not an integer or below -2; OverflowError past int64.
 */
export function sharesMemory(a: NdArray, b: NdArray, maxWork?: number | null): boolean {
  const e = extents(a, b);
  const bound = maxWork === undefined || maxWork === null ? Infinity : workBound(maxWork);
  if (e === null) return false;
  const r = solveOverlap(e[0], e[1], bound);
  if (r === 'too-hard') throw new TooHardError(`Exceeded max_work ${maxWork ?? ''}`.trim());
  return r === 'yes';
}

/** NumPy's reading of `max_work`: -1 and -2 solve exactly, below is an error, past a C ssize_t an OverflowError. */
function workBound(maxWork: number): number {
  if (maxWork === Infinity) return Infinity;
  if (typeof maxWork !== 'number' || !Number.isInteger(maxWork)) throw new ValueError(`max_work must be an integer, got ${repr(maxWork)}`);
  if (maxWork >= 2 ** 63 || maxWork < -(2 ** 63)) throw new OverflowError(`Python int too large to convert to C ssize_t: max_work ${maxWork}`);
  if (maxWork < -2) throw new ValueError(`Invalid value for max_work: ${maxWork} (expected -1 for exact, 0 for bounds only, or a positive bound)`);
  // Past 2^53 no search could ever reach the bound: the same as none.
  return maxWork < 0 || maxWork > Number.MAX_SAFE_INTEGER ? Infinity : maxWork;
}
