/**
 * NumPy's `tril_indices_from`, `triu_indices_from` and `diag_indices_from`
 * (`numpy/lib/_twodim_base_impl.py`, `_index_tricks_impl.py`): the index
 * arrays of an existing array's lower or upper triangle or main diagonal,
 * from its shape alone (its values and dtype play no part).
 *
 * NumPy's checks, with its messages: the triangles need exactly 2 axes (any
 * n×m shape), the diagonal at least 2, all of equal length.
 * @module
 */
import { diagIndices, trilIndices, triuIndices } from './diagonal';
import { ValueError, repr } from './errors';
import { pyShape } from './format';
import { requireArray, requireFunction, requireOpen } from './internal';
import { ones } from './create';
import { nonzero } from './fancy';
import { asAnyArray } from './stack-helpers';
import { notEqual } from './ufuncs/compare';
import type { NdArray } from './ndarray';

function kArg(k: unknown, fn: string): number {
  if (typeof k !== 'number' || !Number.isSafeInteger(k)) throw new TypeError(`${fn}(): k must be an integer, got ${repr(k)}`);
  return k;
}

function twoD(arr: unknown, fn: string): NdArray {
  requireArray(arr, fn, 'arr');
  requireOpen(arr);
  if (arr.ndim !== 2) throw new ValueError(`input array must be 2-d (${fn}(): arr has ${arr.ndim} dimensions)`);
  return arr;
}

/**
 * NumPy's `np.tril_indices_from(arr, k=0)`: `trilIndices(n, k, m)` for an
 * n×m `arr`, the (row, column) int64 indices of its lower triangle.
 *
 * @example
 * trilIndicesFrom(zeros([2, 3])).map((x) => x.toArray()); // [[0, 1, 1], [0, 0, 1]]
 * @throws ValueError unless `arr` has 2 dimensions; TypeError for a non-array or a non-integer `k`
 */
export function trilIndicesFrom(arr: NdArray, k = 0): [NdArray, NdArray] {
  const a = twoD(arr, 'trilIndicesFrom');
  return trilIndices(a.shape[0], kArg(k, 'trilIndicesFrom'), a.shape[1]);
}

/**
 * NumPy's `np.triu_indices_from(arr, k=0)`: `triuIndices(n, k, m)` for an
 * n×m `arr`, the (row, column) int64 indices of its upper triangle.
 *
 * @example
 * triuIndicesFrom(zeros([2, 3])).map((x) => x.toArray()); // [[0, 0, 0, 1, 1], [0, 1, 2, 1, 2]]
 * @throws ValueError unless `arr` has 2 dimensions; TypeError for a non-array or a non-integer `k`
 */
export function triuIndicesFrom(arr: NdArray, k = 0): [NdArray, NdArray] {
  const a = twoD(arr, 'triuIndicesFrom');
  return triuIndices(a.shape[0], kArg(k, 'triuIndicesFrom'), a.shape[1]);
}

/**
 * NumPy's `np.diag_indices_from(arr)`: `diagIndices(n, arr.ndim)` for an
 * n×…×n `arr` (one int64 `arange(n)`, `arr.ndim` times).
 *
 * @example
 * diagIndicesFrom(zeros([3, 3])).map((x) => x.toArray()); // [[0, 1, 2], [0, 1, 2]]
 * @throws ValueError when `arr` has fewer than 2 dimensions or they differ in length
 */
export function diagIndicesFrom(arr: NdArray): NdArray[] {
  requireArray(arr, 'diagIndicesFrom', 'arr');
  requireOpen(arr);
  if (arr.ndim < 2) throw new ValueError(`input array must be at least 2-d (diagIndicesFrom(): arr has ${arr.ndim} dimensions)`);
  if (!arr.shape.every((n) => n === arr.shape[0])) throw new ValueError(`All dimensions of input must be of equal length (diagIndicesFrom(): arr has shape ${pyShape(arr.shape)})`);
  return diagIndices(arr.shape[0], arr.ndim);
}

/**
 * NumPy's `np.mask_indices(n, mask_func, k=0)`: the (row, column) int64
 * indices where `maskFunc(ones([n, n]), k)` is nonzero — the indices of the
 * part of an n×n array that a function such as {@link triu} or {@link tril}
 * keeps, to index any n×n array with.
 *
 * @example
 * const [r, c] = maskIndices(3, triu, 1); // r: [0, 0, 1], c: [1, 2, 2]
 * @throws TypeError when `maskFunc` is not a function; what `ones` throws for a bad `n`
 */
export function maskIndices(n: number, maskFunc: (m: NdArray, k: number) => unknown, k = 0): NdArray[] {
  requireFunction(maskFunc, 'maskIndices', 'maskFunc');
  const m = ones([n, n], 'i8');
  return nonzero(notEqual(asAnyArray(maskFunc(m, k)), 0));
}
