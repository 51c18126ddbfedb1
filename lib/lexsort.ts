/**
 * NumPy's `lexsort(keys, axis=-1)`: the stable indirect sort by several
 * keys, the last key primary. It runs as an LSD sort: a stable argsort of
 * the first key, then for each next key a stable argsort of its values taken
 * in the order so far, composed with that order; the last pass, by the
 * primary key, keeps the ties in the order the earlier keys gave them. Each
 * key sorts in its own dtype's order (NaN last, ±0 equal).
 * @module
 */
import { AxisError, ValueError, checkListLength } from './errors';
import { normalizeAxis } from './layout';
import { requireOpen, NdArray as ArrayClass } from './internal';
import type { NdArray } from './ndarray';
import { asarray } from './array-coerce';
import { arange } from './create';
import { allocateOrdered, fromValues, INTP } from './compute-values';
import { positionalOptions, readKnownOptions } from './options';
import { argsort } from './sort';
import { take } from './fancy';
import { add } from './ufuncs/arith';

/** Options of {@link lexsort}. */
export interface LexsortOptions {
  /** The axis to sort along (default -1). */
  axis?: number;
}

/** The keys as arrays: a list's items, or the sub-arrays along the first axis of one array. */
function keysOf(keys: NdArray | readonly unknown[]): NdArray[] {
  const none = (): never => {
    throw new TypeError('need sequence of keys with len > 0 in lexsort');
  };
  if (keys instanceof ArrayClass) {
    requireOpen(keys);
    if (keys.ndim === 0 || keys.shape[0] === 0) none();
    const out: NdArray[] = [];
    for (let i = 0; i < keys.shape[0]; i++) out.push(keys.index(i));
    return out;
  }
  if (!Array.isArray(keys) || keys.length === 0) none();
  // By index, each key converted as it comes: a hole fails at once, where
  // map() walked every hole of a sparse list of length 2^32-1 (minutes;
  // found by adversarial pass 6).
  const out: NdArray[] = [];
  const n = keys.length;
  checkListLength(n, 'lexsort keys');
  for (let i = 0; i < n; i++) {
    const k: unknown = keys[i];
    if (k instanceof ArrayClass) {
      requireOpen(k);
      out.push(k);
    } else {
      out.push(asarray(k as never));
    }
  }
  // Every key again once all are read: a later key's getter may have closed an earlier one.
  for (const k of out) requireOpen(k);
  return out;
}

/**
 * NumPy's `lexsort(keys, axis=-1)`: int64 positions that sort the keys
 * stably along `axis`, by the last key first, ties broken by the one before
 * it, and so on. `keys` is a list of arrays of one shape or an array whose
 * sub-arrays along its first axis are the keys (a 2-d array: its rows).
 * Keys of 0 dimensions give a 0-d `0`. No keys is NumPy's TypeError, keys of
 * different shapes its ValueError.
 */
export function lexsort(keys: NdArray | readonly unknown[], axis?: number | null, options?: LexsortOptions): NdArray;
export function lexsort(keys: NdArray | readonly unknown[], options?: LexsortOptions): NdArray;
export function lexsort(keys: NdArray | readonly unknown[], ...rest: unknown[]): NdArray {
  const o = readKnownOptions(positionalOptions<LexsortOptions>('lexsort', ['axis'], rest), ['axis'], 'lexsort');
  const ks = keysOf(keys);
  const shape = ks[0].shape;
  for (const k of ks) {
    if (k.ndim !== shape.length || k.shape.some((d, i) => d !== shape[i])) throw new ValueError('all keys need to be the same shape');
  }
  const axis = o.axis ?? -1;
  if (shape.length === 0) {
    // NumPy takes -1 and 0 for keys of 0 dimensions.
    if (!Number.isInteger(axis)) normalizeAxis(axis, 1);
    if (axis < -1 || axis > 0) throw new AxisError(`axis ${axis} is out of bounds for array of dimension 0`);
    return fromValues(INTP, [], [0n]);
  }
  const ax = normalizeAxis(axis, shape.length);
  const n = shape[ax];
  const size = shape.reduce((p, q) => p * q, 1);
  if (size === 0) return allocateOrdered(INTP, shape, [...shape.keys()]);
  if (ks.length === 1) return argsort(ks[0], { axis: ax });
  // Each key's lanes moved last, as rows of n: shape [rows, n].
  const perm = [...shape.keys()].filter((i) => i !== ax);
  perm.push(ax);
  const rows = size / n;
  const lanes = (k: NdArray): NdArray => k.transpose(perm).reshape([rows, n]);
  // Each row's start in the flattened rows, to take items of row r at r * n + position.
  // An int64 ramp made in place (a JS list of `rows` numbers ran V8 out of heap for 2^31 rows).
  const starts = arange(0, size, n, '<i8').reshape([rows, 1]);
  let order = argsort(lanes(ks[0]), { axis: -1 });
  for (let i = 1; i < ks.length; i++) {
    const flat = add(order, starts);
    const values = take(lanes(ks[i]).reshape(-1), flat);
    const refine = argsort(values, { axis: -1 });
    order = take(order.reshape(-1), add(refine, starts));
  }
  // Back to the keys' axis order, C-contiguous.
  const inverse = new Array<number>(perm.length);
  perm.forEach((p, i) => (inverse[p] = i));
  const movedShape = perm.map((i) => shape[i]);
  return order.reshape(movedShape).transpose(inverse).copy();
}
