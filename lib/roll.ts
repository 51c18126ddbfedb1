/**
 * NumPy's `roll`: elements shifted along axes, those pushed past the end
 * coming back at the start. A new array like NumPy's `empty_like(a)` (the
 * input's dtype and memory order), filled by at most 2^k block copies (k
 * rolled axes) through the native copy kernel; with no axis the flattened
 * array is rolled and reshaped (C order).
 * @module
 */
import type { NdArray } from './ndarray';
import { ValueError, repr } from './errors';
import { Slice } from './indexing';
import { allocate, isArray, makeArray, requireOpen, storageOf } from './internal';
import { kStrides } from './copy';
import { copyBlock } from './block-copy';
import { arrayInts, normalizeAxis, shapeToSize } from './layout';

function intsOf(v: number | readonly number[] | NdArray, what: string): number[] {
  if (typeof v === 'number') v = [v];
  // An integer array (0-d or 1-d) is its items, as NumPy's np.broadcast(shift, axis) reads it.
  if (isArray(v)) v = arrayInts(v, what);
  if (!Array.isArray(v)) throw new TypeError(`${what} must be an integer or a list of integers, got ${repr(v)}`);
  // Read item by item, each checked as it comes: spreading a sparse list of
  // length 2^32-1 ([...v]) made 2^32-1 undefineds and V8 aborted (heap out of memory).
  const list: number[] = [];
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i];
    if (typeof x !== 'number' || !Number.isInteger(x)) throw new TypeError(`${what} must hold integers, got ${repr(x)}`);
    list.push(x);
  }
  return list;
}

/** NumPy's `empty_like(a)`: uninitialized, `a`'s dtype, strides in `a`'s memory order ('K'). */
function emptyLikeK(a: NdArray): NdArray {
  const out = allocate(a.dtype, a.shape, 'C', true);
  if (a.ndim < 2 || a.flags.cContiguous) return out;
  return makeArray({ storage: storageOf(out), dtype: a.dtype, shape: [...a.shape], strides: kStrides(a, a.itemsize), offset: 0, base: null, writeable: true, ownData: true });
}

/**
 * NumPy's `roll(a, shift, axis=None)`: `a`'s elements shifted by `shift`
 * along `axis` (each a number or a list: pairs broadcast, shifts on one axis
 * add up; negative shifts go left); with no axis, over the flattened array.
 *
 * @example
 * roll(arange(5), 2).toArray(); // [3, 4, 0, 1, 2]
 * @throws ValueError when `shift` and `axis` lists differ in length (NumPy's
 *   broadcast message); AxisError for an axis out of range.
 */
export function roll(a: NdArray, shift: number | readonly number[] | NdArray, axis: number | readonly number[] | NdArray | null = null): NdArray {
  requireOpen(a);
  const shifts = intsOf(shift, 'shift');
  if (axis === null || axis === undefined) {
    const flat = a.reshape(-1);
    // np.broadcast(shift, 0): every shift applies to the one axis.
    return rollAxes(flat, shifts, [0], shifts.length, 1).reshape(a.shape);
  }
  const axes = intsOf(axis, 'axis').map((x) => normalizeAxis(x, a.ndim));
  return rollAxes(a, shifts, axes, shifts.length, axes.length);
}

function rollAxes(a: NdArray, shifts: number[], axes: number[], ns: number, na: number): NdArray {
  // np.broadcast(shift, axis): equal lengths, or one side a scalar (a length-1 list broadcasts too).
  if (ns !== na && ns !== 1 && na !== 1) {
    throw new ValueError(
      `shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (${ns},) and arg 1 with shape (${na},).`,
    );
  }
  const total = new Array<number>(a.ndim).fill(0);
  // np.broadcast with an empty side is empty: no shift at all.
  const n = ns === 0 || na === 0 ? 0 : Math.max(ns, na);
  // Each shift reduced modulo its axis as it is added (NumPy adds Python ints,
  // then reduces): the sum of two shifts near 1e308 was Infinity, then NaN slice bounds.
  for (let i = 0; i < n; i++) {
    const ax = axes[na === 1 ? 0 : i];
    const len = a.shape[ax] || 1;
    total[ax] = (total[ax] + (shifts[ns === 1 ? 0 : i] % len)) % len;
  }
  const out = emptyLikeK(a);
  if (shapeToSize(a.shape) === 0) return out;
  // Per axis: one (source, result) pair of slices, or two when it rolls.
  const rolls: [Slice, Slice][][] = total.map((s, ax) => {
    const len = a.shape[ax] || 1;
    const k = ((s % len) + len) % len;
    if (k === 0) return [[new Slice(), new Slice()]];
    return [
      [new Slice(null, -k), new Slice(k, null)],
      [new Slice(-k, null), new Slice(null, k)],
    ];
  });
  const pick = new Array<number>(a.ndim).fill(0);
  for (;;) {
    const from = pick.map((p, ax) => rolls[ax][p][0]);
    const to = pick.map((p, ax) => rolls[ax][p][1]);
    copyBlock(out.index(...to), a.index(...from));
    let ax = a.ndim - 1;
    while (ax >= 0 && pick[ax] + 1 === rolls[ax].length) pick[ax--] = 0;
    if (ax < 0) break;
    pick[ax]++;
  }
  return out;
}
