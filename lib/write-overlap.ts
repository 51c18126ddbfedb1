/**
 * Must a call that reads an operand while it writes `out` work through a
 * temporary? NumPy's rule for every call with `out` is that the result is as
 * if the inputs were copied before anything is written. nditer decides when
 * a copy is needed (`NPY_ITER_COPY_IF_OVERLAP`, nditer_constr.c); this module
 * is that one decision, shared by the ufunc front, the accumulations and the
 * other callers of the native loops.
 *
 * ## The rule (NumPy's)
 *
 * - Different memory, or byte ranges that do not meet: no copy (the common
 *   case, O(ndim)).
 * - The operand is `out` element for element — same first byte, same dtype,
 *   same strides over the walk — and `out` does not overlap itself: no copy.
 *   A loop that reads item i and then writes item i never reads a byte it has
 *   written (`add(x, 1, { out: x })` stays in place).
 * - Otherwise the exact overlap problem (overlap.ts) within a work bound of 1
 *   dead end, as NumPy's `solve_may_share_memory(a, b, 1)`: anything but a
 *   proven "no" copies. That includes an `out` whose items share bytes
 *   (a 0 stride, a stride smaller than the itemsize): writing one item
 *   changes another that is still to be read, even at the same address.
 *
 * What the caller does with a "yes" is NumPy's too: compute into a fresh
 * result and copy it into `out` at the end ({@link writeBack}); the order of
 * that final copy is an assignment's, so an `out` that overlaps itself ends
 * with the bytes `out.set(result)` leaves.
 * @module
 */
import { extents } from './memory';
import type { NdArray } from './ndarray';
import { internalOverlap, solveOverlap, boundsOverlap, type Extent } from './overlap';

/** NumPy's work bound for this decision (nditer's `max_work = 1`): one dead end, then assume overlap. */
const MAX_WORK = 1;

/**
 * How a call pairs the operand's items with `out`'s: the walked shape and
 * both byte-stride lists over it (an operand broadcast over the walk has
 * stride 0 on the broadcast axes). Omitted: the operand and `out` have one
 * shape and are walked item for item.
 */
export interface Walk {
  readonly shape: readonly number[];
  readonly inStrides: readonly number[];
  readonly outStrides: readonly number[];
}

/**
 * True when `input` must be read from a copy (or `out` written through a
 * temporary) because writing `out` may change bytes of `input` that are
 * still to be read. Both arrays must be open.
 */
export function needsOverlapCopy(input: NdArray, out: NdArray, walk?: Walk): boolean {
  const e = extents(input, out);
  if (e === null || !boundsOverlap(e[0], e[1])) return false;
  if (e[0].offset === e[1].offset && input.dtype.equals(out.dtype) && sameWalk(input, out, walk) && !overlapsItself(e[1])) return false;
  return solveOverlap(e[0], e[1], MAX_WORK) !== 'no';
}

/** True when two items of `a` may share a byte (0 strides, strides below the itemsize, interleaved axes). */
export function hasInternalOverlap(a: NdArray): boolean {
  return overlapsItself({ offset: a.offset, shape: a.shape, strides: a.strides, itemsize: a.itemsize });
}

/**
 * Finishes a call computed into the temporary `result`: copies it into
 * `out` (an assignment, in its order) and returns `out`.
 */
export function writeBack(out: NdArray, result: NdArray): NdArray {
  out.set(result);
  return out;
}

function overlapsItself(e: Extent): boolean {
  return internalOverlap(e, MAX_WORK) !== 'no';
}

/** Element for element: equal strides on every axis the walk moves along. */
function sameWalk(input: NdArray, out: NdArray, walk: Walk | undefined): boolean {
  if (walk === undefined) {
    if (input.ndim !== out.ndim) return false;
    for (let i = 0; i < out.ndim; i++) {
      if (input.shape[i] !== out.shape[i]) return false;
      if (input.strides[i] !== out.strides[i] && out.shape[i] > 1) return false;
    }
    return true;
  }
  for (let i = 0; i < walk.shape.length; i++) {
    if (walk.inStrides[i] !== walk.outStrides[i] && walk.shape[i] > 1) return false;
  }
  return true;
}
