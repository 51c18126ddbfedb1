/**
 * NumPy's `take_along_axis` and `put_along_axis`: the gather and scatter of
 * matching 1-d slices (the indices `argsort`, `argpartition`, `argmax` with
 * `keepdims` return). As NumPy builds them: an advanced index of
 * `indices` at `axis` and, at every other axis, an `arange` shaped to
 * broadcast along it, read or written by `fancy.ts` (natively). `indices`
 * must be an integer array with `arr`'s number of axes (or 1-d with `axis:
 * null`, over the flattened `arr`); its other axes broadcast against
 * `arr`'s. An index out of range is NumPy's IndexError, before any write.
 * @module
 */
import { arange } from './create';
import { IndexError, ValueError } from './errors';
import { getitem, setitem, type FancyItem } from './fancy';
import { NdArray as ArrayClass, requireArray, requireOpen, requireWritable } from './internal';
import { normalizeAxis } from './layout';
import type { NdArray } from './ndarray';
import { mayShareMemory } from './memory';
import { assign } from './assign';

/** NumPy's `_make_along_axis_idx`: the advanced index of `indices` along `axis` of an array of `shape`. */
function alongAxisIndex(shape: readonly number[], indices: NdArray, axis: number): FancyItem[] {
  if (indices.dtype.kind !== 'i' && indices.dtype.kind !== 'u') throw new IndexError('`indices` must be an integer array');
  if (shape.length !== indices.ndim) throw new ValueError('`indices` and `arr` must have the same number of dimensions');
  return shape.map((n, dim) => {
    if (dim === axis) return indices;
    const s = shape.map(() => 1);
    s[dim] = n;
    return arange(n).reshape(s);
  });
}

function checkArgs(fn: string, arr: unknown, indices: unknown): asserts arr is NdArray {
  requireArray(arr, fn, 'arr');
  requireOpen(arr);
  if (!(indices instanceof ArrayClass)) throw new TypeError(`${fn}(): indices must be an NdArray, got ${typeof indices}`);
  requireOpen(indices);
}

function flatAxisCheck(indices: NdArray): void {
  if (indices.ndim !== 1) throw new ValueError('when axis=None, `indices` must have a single dimension.');
}

/**
 * NumPy's `np.take_along_axis(arr, indices, axis=-1)`: `out[i, j, k] =
 * arr[i, indices[i, j, k], k]` for `axis` 1 (a new array of the broadcast
 * shape); `axis: null` works on the flattened `arr`.
 */
export function takeAlongAxis(arr: NdArray, indices: NdArray, axis: number | null = -1): NdArray {
  checkArgs('takeAlongAxis', arr, indices);
  if (axis === null) {
    flatAxisCheck(indices);
    const flat = arr.ravel();
    return getitem(flat, alongAxisIndex(flat.shape, indices, 0));
  }
  const ax = normalizeAxis(axis, arr.ndim);
  return getitem(arr, alongAxisIndex(arr.shape, indices, ax));
}

/**
 * NumPy's `np.put_along_axis(arr, indices, values, axis)`: `arr[i,
 * indices[i, j, k], k] = values[i, j, k]` for `axis` 1, in place (`values`
 * broadcast; the last of repeated indices wins); `axis: null` writes the
 * flattened `arr`.
 */
export function putAlongAxis(arr: NdArray, indices: NdArray, values: unknown, axis: number | null): void {
  checkArgs('putAlongAxis', arr, indices);
  requireWritable(arr);
  if (axis === undefined) throw new TypeError("putAlongAxis() missing required argument 'axis' (a number, or null for the flattened array)");
  if (axis === null) {
    flatAxisCheck(indices);
    const flat = arr.ravel();
    setitem(flat, alongAxisIndex(flat.shape, indices, 0), values);
    // A non-contiguous arr ravels to a copy: written back whole.
    if (!mayShareMemory(flat, arr)) assign(arr, flat.reshape(arr.shape));
    return;
  }
  const ax = normalizeAxis(axis, arr.ndim);
  setitem(arr, alongAxisIndex(arr.shape, indices, ax), values);
}
