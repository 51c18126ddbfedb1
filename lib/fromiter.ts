/**
 * NumPy's `np.fromiter(iter, dtype, count=-1)`: a new 1-d array from any JS
 * iterable (an array, a Set, a generator...), read item by item. `count`
 * stops the iteration after that many items (so an endless generator is
 * fine) and must not be more than the iterable gives; -1 reads to the end
 * (and, as in NumPy, a count below -1 gives an empty array, read nothing).
 * Each item is one element, converted as {@link array} converts a value;
 * for a subarray dtype (`'(2,)i4'`) each item fills one subarray and the
 * result is `[n, ...subshape]`, as NumPy's.
 * @module
 */
import type { NdArray } from './ndarray';
import { dtype as toDType, type DTypeLike } from './dtype';
import { ValueError, checkListLength, describeValue } from './errors';
import { allocate } from './internal';
import { array } from './array-coerce';

/**
 * A new 1-d array of the items of `iterable` (see the module's notes).
 * @example fromiter((function* () { for (let i = 0; i < 5; i++) yield i * i; })(), 'f8') // [0, 1, 4, 9, 16]
 * @throws TypeError for a missing dtype or something not iterable; ValueError for an iterable shorter than `count` or an item that is not one element. A count below -1 gives an empty array, as NumPy's.
 */
export function fromiter(iterable: Iterable<unknown>, dtype: DTypeLike, count = -1): NdArray {
  if (dtype === undefined) throw new TypeError("fromiter() missing required argument 'dtype' (pos 2)");
  const dt = toDType(dtype);
  if (dt.itemsize === 0 && !dt.isStructured) throw new ValueError('Must specify length when using variable-size data-type.');
  if (typeof count !== 'number' || !Number.isSafeInteger(count)) throw new TypeError(`fromiter(): count must be an integer, got ${describeValue(count)}`);
  if (iterable === null || iterable === undefined || typeof (iterable as Iterable<unknown>)[Symbol.iterator] !== 'function') {
    throw new TypeError(`'${describeValue(iterable)}' object is not iterable`);
  }
  const items: unknown[] = [];
  // A count below -1 is an empty array, the iterable not read: NumPy's (its loop runs while i < count).
  if (count >= -1 && count !== 0) {
    for (const v of iterable) {
      items.push(v);
      if (items.length === count) break;
      if ((items.length & 0xfffff) === 0) checkListLength(items.length + 1, 'fromiter()');
    }
  }
  if (count !== -1 && items.length < count) throw new ValueError(`iterator too short: Expected ${count} but iterator had only ${items.length} items.`);
  const sub = dt.shape.length > 0;
  if (items.length === 0) return allocate(sub ? dt.base : dt, [0, ...dt.shape]);
  const r = array(items, sub ? dt.base : dt);
  const want = [items.length, ...dt.shape];
  if (r.ndim !== want.length || r.shape.some((d, i) => d !== want[i])) {
    if (!sub || r.ndim !== 1) throw new ValueError('setting an array element with a sequence.');
    // A scalar item fills its whole subarray.
    const out = allocate(dt.base, want);
    out.set(r.reshape([items.length, ...dt.shape.map(() => 1)]));
    return out;
  }
  return r;
}
