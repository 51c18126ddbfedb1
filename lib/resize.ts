/**
 * NumPy's function `np.resize(a, new_shape)` (not the method): a new
 * array of `new_shape` filled with `a`'s elements in C order, repeated
 * from the start as often as needed (an empty `a` gives zeros). NumPy's
 * steps: `tile` of the flattened `a`, the first `size` elements, reshaped
 * (a view of that one new array).
 * @module
 */
import { asarray } from './array-coerce';
import { empty, zeros } from './create';
import { ValueError, repr } from './errors';
import { NdArray as ArrayClass, requireOpen } from './internal';
import { arrayInts, checkNdim } from './layout';
import type { NdArray } from './ndarray';
import { joinedDType } from './join';

/** NumPy's `np.resize(a, new_shape)`: `a` repeated (or cut) to fill `new_shape` (a new array). */
export function resize(a: NdArray | readonly unknown[], newShape: number | readonly number[]): NdArray {
  const arr = a instanceof ArrayClass ? a : asarray(a);
  requireOpen(arr);
  let list: readonly unknown[];
  if (typeof newShape === 'number') list = [newShape];
  else if (Array.isArray(newShape)) list = newShape;
  else if (newShape instanceof ArrayClass) {
    // An integer array is its items, as NumPy iterates it (checked by size before it is listed).
    checkNdim(newShape.size);
    list = arrayInts(newShape, 'resize(): new_shape');
  } else if (ArrayBuffer.isView(newShape) && !(newShape instanceof DataView)) {
    const t = newShape as unknown as ArrayLike<number>;
    checkNdim(t.length);
    list = Array.from(t);
  } else throw new TypeError(`resize(): new_shape must be an integer or a list of integers, got ${repr(newShape)}`);
  // Each item is an axis of the result: more than 64 is NumPy's reshape error,
  // refused before the list is read ([...newShape] of a sparse list of length
  // 2^32-1 made 2^32-1 undefineds).
  checkNdim(list.length);
  const shape: number[] = [];
  let size = 1;
  for (let i = 0; i < list.length; i++) {
    const n = list[i];
    if (typeof n !== 'number' || !Number.isInteger(n)) throw new TypeError(`resize(): new_shape must hold integers, got ${repr(n)}`);
    size *= n;
    if (n < 0) throw new ValueError('all elements of `new_shape` must be non-negative');
    shape.push(n);
  }
  const flat = arr.ravel();
  if (flat.size === 0 || size === 0) return zeros(shape, arr.dtype);
  // NumPy's concatenate((a,) * repeats)[:size], written in place: its dtype is
  // concatenate's (the canonical one: '>u4' gives '<u4').
  const out = empty([size], joinedDType([flat]));
  const n = Math.min(flat.size, size);
  out.index(`:${n}`).set(n === flat.size ? flat : flat.index(`:${n}`));
  for (let filled = n; filled < size; ) {
    const k = Math.min(filled, size - filled);
    out.index(`${filled}:${filled + k}`).set(out.index(`:${k}`));
    filled += k;
  }
  return out.reshape(shape);
}
