/**
 * NumPy's function `np.resize(a, new_shape)` (not the method): a new
 * array of `new_shape` filled with `a`'s elements in C order, repeated
 * from the start as often as needed (an empty `a` gives zeros). NumPy's
 * steps: `tile` of the flattened `a`, the first `size` elements, reshaped
 * (a view of that one new array).
 * @module
 */
import { asarray } from './array-coerce';
import { zeros } from './create';
import { ValueError } from './errors';
import { NdArray as ArrayClass, requireOpen } from './internal';
import type { NdArray } from './ndarray';
import { concatenate } from './join';

/** NumPy's `np.resize(a, new_shape)`: `a` repeated (or cut) to fill `new_shape` (a new array). */
export function resize(a: NdArray | readonly unknown[], newShape: number | readonly number[]): NdArray {
  const arr = a instanceof ArrayClass ? a : asarray(a);
  requireOpen(arr);
  const shape = typeof newShape === 'number' ? [newShape] : [...newShape];
  let size = 1;
  for (const n of shape) {
    if (typeof n !== 'number' || !Number.isInteger(n)) throw new TypeError(`resize(): new_shape must hold integers, got ${String(n)}`);
    size *= n;
    if (n < 0) throw new ValueError('all elements of `new_shape` must be non-negative');
  }
  const flat = arr.ravel();
  if (flat.size === 0 || size === 0) return zeros(shape, arr.dtype);
  const repeats = Math.ceil(size / flat.size);
  // NumPy's concatenate((a,) * repeats)[:size]: its dtype is the canonical one ('>u4' gives '<u4'), as concatenate's.
  return concatenate(new Array<NdArray>(repeats).fill(flat)).index(`:${size}`).reshape(shape);
}
