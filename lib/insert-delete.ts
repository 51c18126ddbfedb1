/**
 * Adding and removing items along an axis: NumPy's `insert`, `delete` and
 * `append`. `delete` is a JavaScript keyword, so NumPy's `np.delete` is
 * {@link deleteItems} here (as `np.var` is `variance`).
 *
 * Each result is a new array (never a view), NumPy's `empty(newshape,
 * arr.dtype, order)` with `order` 'F' when the input is Fortran- and not
 * C-contiguous, filled by block copies through the native copy kernel: one
 * copy per run of kept (or inserted) slices along the axis, so a 2-d array
 * with one row removed is two copies whatever its size. A 1-d array with
 * many runs goes through the native compress and take kernels instead of
 * one copy per run.
 *
 * NumPy's rules, as `numpy/lib/_function_base_impl.py` has them:
 * - `axis` null works on the flattened array (C order); an integer `obj`
 *   (or a one-element integer list) deletes one slice / inserts before one
 *   position; a slice is its `range`; a boolean `obj` is a mask (delete:
 *   the slices to drop, as long as the axis) or its `flatnonzero` (insert:
 *   a bool array only; a list of booleans is NumPy 2.4's AttributeError);
 * - insert with several positions: negative ones count from the end of the
 *   input, then the k-th smallest (stable) moves right by k, so equal
 *   positions keep the values' order; each is checked against the new
 *   length, as NumPy's `old_mask[indices] = False` does;
 * - the inserted values are cast unsafely to the array's dtype (NumPy's
 *   setitem): `insert(int64s, 1, 7.9)` inserts 7; `append` instead joins
 *   with {@link concatenate}, so its dtype is the promotion of both.
 * @module
 */
import { DType } from './dtype';
import { IndexError, ValueError, repr } from './errors';
import { adjustSlice, Slice, type IndexItem } from './indexing';
import { allocate, isArray, requireOpen } from './internal';
import type { NdArray } from './ndarray';
import { memoryOrder, normalizeAxis, shapeToSize } from './layout';
import { asarray } from './array-coerce';
import { concatenate } from './join';
import { compress, take, toIndexResult } from './fancy';
import { moveaxis } from './axis-views';
import { logicalNot } from './ufuncs/compare';
import { allocateOrdered, readValues } from './compute-values';
import { indicesOf, int64From } from './typed-reader';
import { copyBlock } from './block-copy';
import { broadcastTo } from './views';
import { tupleNoSpace } from './format';
import { fromBuffer } from './create';
import { readKnownOptions } from './options';

/** Options of {@link insert}, {@link deleteItems} and {@link append}. */
export interface InsertDeleteOptions {
  /** The axis to work along; null (the default) flattens the array first (C order). */
  axis?: number | null;
}

/**
 * Where to insert or what to delete: an integer, a {@link Slice}, a list of
 * integers or booleans, or an integer or boolean array.
 */
export type ItemIndex = number | bigint | boolean | Slice | NdArray | readonly (number | bigint | boolean)[];

/** Beyond this many runs of slices a 1-d result is gathered by the native take/compress kernels, not copied run by run. */
const RUN_COPY_LIMIT = 64;

/**
 * ...unless the runs are long: a copy per run costs about a microsecond, the
 * gather a few nanoseconds per item, so runs averaging this many items or
 * more are copied (insert of 1000 positions into 10M float64: 0.5-0.8 s by
 * the gather's JS-built index, a few ms run by run).
 */
const LONG_RUN = 4096;

function axisOption(name: string, options: InsertDeleteOptions | number | null | undefined): number | null {
  if (options === undefined || options === null) return null;
  if (typeof options === 'number') return options;
  const o = readKnownOptions(options, ['axis'], name);
  return o.axis ?? null;
}

/** The input as an array, the axis worked along (the flattened input's 0 for null), and NumPy's `arrorder`. */
function prepare(name: string, arr: unknown, axis: number | null): { a: NdArray; ax: number; order: 'C' | 'F' } {
  const a0 = isArray(arr) ? arr : asarray(arr);
  requireOpen(a0);
  const f = a0.flags;
  const order = f.fContiguous && !f.cContiguous ? 'F' : 'C';
  if (axis === null) return { a: a0.ndim === 1 ? a0 : a0.ravel(), ax: 0, order };
  if (!Number.isInteger(axis)) throw new TypeError(`${name}: axis must be an integer or null, got ${repr(axis)}`);
  return { a: a0, ax: normalizeAxis(axis, a0.ndim), order };
}

/** `[:, :, s]` with `s` at axis `ax` of `ndim`. */
function along(ndim: number, ax: number, s: Slice): IndexItem[] {
  const items: IndexItem[] = new Array<IndexItem>(ndim).fill(new Slice());
  items[ax] = s;
  return items;
}

/** `dst[..., d:d+n] = src[..., s:s+n]` along `ax` (nothing for n = 0). */
function copyRun(dst: NdArray, d: number, src: NdArray, s: number, n: number, ax: number): void {
  if (n <= 0) return;
  const nd = dst.ndim;
  copyBlock(dst.index(...along(nd, ax, new Slice(d, d + n))), src.index(...along(nd, ax, new Slice(s, s + n))));
}

/** A new uninitialized array like NumPy's `empty(shape, dtype, order)`. */
function emptyOf(dt: DType, shape: readonly number[], order: 'C' | 'F'): NdArray {
  return allocate(dt, shape, order, true);
}

/** The obj argument as an array (a JS list of booleans is a mask, an empty list intp, as NumPy's). */
function objArray(obj: unknown): { o: NdArray; given: boolean } {
  if (isArray(obj)) return { o: obj, given: true };
  if (Array.isArray(obj) && obj.length === 0) return { o: asarray([], 'i8'), given: false };
  return { o: asarray(obj), given: false };
}

/** The integer values of an integer index array, in C order. */
function intValues(o: NdArray): Float64Array {
  const fast = o.ndim <= 1 ? indicesOf(o) : null;
  if (fast !== null) return fast;
  return Float64Array.from(readValues(o), (v) => Number(v));
}

const NOT_INTEGER = 'arrays used as indices must be of integer (or boolean) type';

function isIntKind(o: NdArray): boolean {
  return o.dtype.kind === 'i' || o.dtype.kind === 'u';
}

/** How NumPy prints `obj` in insert's message. */
function objText(obj: unknown, vals: ArrayLike<number>): string {
  if (typeof obj === 'number' || typeof obj === 'bigint') return String(obj);
  return `[${Array.from(vals).join(' ')}]`;
}

// ------------------------------------------------------------------ delete

/** The runs of kept slices `[start, length]` between the sorted, distinct `dropped` positions of an axis of `n`. */
function keptRuns(n: number, dropped: ArrayLike<number>): [number, number][] {
  const runs: [number, number][] = [];
  let at = 0;
  for (let i = 0; i < dropped.length; i++) {
    if (dropped[i] > at) runs.push([at, dropped[i] - at]);
    at = dropped[i] + 1;
  }
  if (at < n) runs.push([at, n - at]);
  return runs;
}

/**
 * A new array of the slices of `a` along `ax` in `runs`: copied run by run,
 * or for a 1-d input with many short runs by the native compress kernel
 * over the mask `keep()` builds.
 */
function kept(a: NdArray, ax: number, runs: readonly [number, number][], order: 'C' | 'F' | 'fancy', keep: () => Uint8Array): NdArray {
  let count = 0;
  for (const [, len] of runs) count += len;
  if (a.ndim === 1 && runs.length > RUN_COPY_LIMIT && count < runs.length * LONG_RUN) return compress(fromBuffer(keep(), '?'), a);
  const shape = [...a.shape];
  shape[ax] = count;
  // NumPy's mask path is `arr[..., keep]`: laid out as advanced indexing lays out
  // its result, the indexed axis outermost and the others as its subspace, in the
  // input's memory order with a broadcast (stride-0) axis innermost (fuzz seed 12038362).
  const rest = a.strides.map((_, k) => k).filter((k) => k !== ax);
  const out = order === 'fancy' ? allocateOrdered(a.dtype, shape, [ax, ...memoryOrder(rest.map((k) => a.strides[k])).map((p) => rest[p])], true) : emptyOf(a.dtype, shape, order);
  if (shapeToSize(shape) === 0) return out;
  let d = 0;
  for (const [s, len] of runs) {
    copyRun(out, d, a, s, len, ax);
    d += len;
  }
  return out;
}

/** A keep mask of `n` with the sorted `dropped` positions cleared. */
function maskWithout(n: number, dropped: ArrayLike<number>): Uint8Array {
  const keep = new Uint8Array(n).fill(1);
  for (let i = 0; i < dropped.length; i++) keep[dropped[i]] = 0;
  return keep;
}

/**
 * NumPy's `delete(arr, obj, axis=None)`, named `deleteItems` because
 * `delete` is a JavaScript keyword: a new array without the slices along
 * `axis` that `obj` names (an integer, a {@link Slice}, integers, or a
 * boolean mask as long as the axis); with no axis, from the flattened array.
 *
 * @example
 * deleteItems(arange(6), [1, 3]).toArray(); // [0, 2, 4, 5]
 * deleteItems(arange(6).reshape(2, 3), 1, { axis: 1 }).toArray(); // [[0, 2], [3, 5]]
 * @throws IndexError for an index out of bounds (NumPy's message), or an
 *   obj neither integer nor boolean; ValueError for a mask of the wrong
 *   length; AxisError for an axis out of range.
 */
export function deleteItems(arr: NdArray | unknown, obj: ItemIndex, options: InsertDeleteOptions | number | null = {}): NdArray {
  const { a, ax, order } = prepare('deleteItems', arr, axisOption('deleteItems', options));
  const n = a.shape[ax];
  if (obj instanceof Slice) {
    const [start0, step0, len] = adjustSlice(obj, n);
    if (len <= 0) return a.copy(order);
    const start = step0 < 0 ? start0 + (len - 1) * step0 : start0;
    const step = Math.abs(step0);
    const stop = start + (len - 1) * step + 1;
    const runs: [number, number][] = [];
    if (start > 0) runs.push([0, start]);
    if (step > 1) for (let i = start + 1; i < stop; i += step) runs.push([i, step - 1]);
    if (stop < n) runs.push([stop, n - stop]);
    const keep = (): Uint8Array => {
      const m = new Uint8Array(n).fill(1);
      for (let k = 0, i = start; k < len; k++, i += step) m[i] = 0;
      return m;
    };
    return kept(a, ax, runs, order, keep);
  }
  let single: number | null = null;
  let o: NdArray | null = null;
  if (typeof obj === 'number' || typeof obj === 'bigint') {
    if (typeof obj === 'number' && !Number.isInteger(obj)) throw new IndexError(NOT_INTEGER);
    single = Number(obj);
  } else {
    o = objArray(obj).o;
    if (o.size === 1 && isIntKind(o)) single = intValues(o)[0];
  }
  if (single !== null) {
    if (single < -n || single >= n) throw new IndexError(`index ${single} is out of bounds for axis ${ax} with size ${n}`);
    const at = single < 0 ? single + n : single;
    return kept(a, ax, keptRuns(n, [at]), order, () => maskWithout(n, [at]));
  }
  o = o!;
  if (o.dtype.kind === 'b') {
    if (o.ndim !== 1 || o.shape[0] !== n) {
      throw new ValueError(`boolean array argument obj to delete must be one dimensional and match the axis length of ${n}`);
    }
    // A 1-d input: the native compress of the negated mask, NumPy's arr[~obj].
    if (a.ndim === 1) return compress(logicalNot(o), a);
    const mask = readValues(o);
    const dropped: number[] = [];
    for (let i = 0; i < n; i++) if (mask[i]) dropped.push(i);
    return kept(a, ax, keptRuns(n, dropped), 'fancy', () => maskWithout(n, dropped));
  }
  if (!isIntKind(o) && o.size > 0) throw new IndexError(NOT_INTEGER);
  if (!isIntKind(o) && isArray(obj)) throw new IndexError(NOT_INTEGER);
  // keep[obj,] = False: every index checked against the mask (a 1-d array: axis 0).
  const vals = intValues(o);
  for (let i = 0; i < vals.length; i++) {
    const v = vals[i];
    if (v < -n || v >= n) throw new IndexError(`index ${v} is out of bounds for axis 0 with size ${n}`);
    if (v < 0) vals[i] = v + n;
  }
  const dropped = Float64Array.from(new Set(vals)).sort();
  return kept(a, ax, keptRuns(n, dropped), 'fancy', () => maskWithout(n, dropped));
}

// ------------------------------------------------------------------ insert

/** `values` as an array of `dt` (unsafe cast, NumPy's `array(values, dtype=dt)`). */
function valuesOf(values: unknown, dt: DType): NdArray {
  if (isArray(values)) {
    requireOpen(values);
    return values.dtype.equals(dt) ? values : values.astype(dt);
  }
  return asarray(values, dt);
}

/**
 * NumPy's `insert(arr, obj, values, axis=None)`: a new array with `values`
 * inserted along `axis` before the positions `obj` names (an integer, a
 * {@link Slice}, a list of integers, or a boolean mask meaning its
 * `flatnonzero`); with no axis, into the flattened array. The values are
 * cast to the array's dtype (unsafely, as NumPy's assignment) and
 * broadcast: one position takes as many slices as `values` has along the
 * axis, several positions one slice each.
 *
 * @example
 * insert(arange(4), 1, 9).toArray(); // [0, 9, 1, 2, 3]
 * insert(arange(4), [1, 1, 3], [7, 8, 9]).toArray(); // [0, 7, 8, 1, 2, 9, 3]
 * insert(zeros([2, 2], 'i8'), 1, [5, 6], { axis: 1 }).toArray(); // [[0, 5, 0], [0, 6, 0]]
 * @throws IndexError for a position out of bounds (NumPy's message) or an
 *   obj neither integer nor boolean; ValueError for an obj of 2 or more
 *   dimensions, or values that do not broadcast; AxisError for an axis out
 *   of range.
 */
export function insert(arr: NdArray | unknown, obj: ItemIndex, values: unknown, options: InsertDeleteOptions | number | null = {}): NdArray {
  const { a, ax, order } = prepare('insert', arr, axisOption('insert', options));
  const n = a.shape[ax];
  let idx: Float64Array;
  let scalar = false;
  if (obj instanceof Slice) {
    const [start, step, len] = adjustSlice(obj, n);
    idx = new Float64Array(Math.max(len, 0));
    for (let k = 0; k < idx.length; k++) idx[k] = start + k * step;
  } else if (typeof obj === 'number' || typeof obj === 'bigint') {
    if (typeof obj === 'number' && !Number.isInteger(obj)) throw new IndexError(NOT_INTEGER);
    idx = Float64Array.of(Number(obj));
    scalar = true;
  } else {
    const { o, given } = objArray(obj);
    if (o.dtype.kind === 'b') {
      // NumPy 2.4 reads obj.ndim of a boolean obj that is not an array: a list or a bool is its
      // AttributeError (a TypeError here: JavaScript has no AttributeError), not a mask.
      if (!given) throw new TypeError(`'${typeof obj === 'boolean' ? 'bool' : 'list'}' object has no attribute 'ndim'`);
      if (o.ndim !== 1) throw new ValueError('boolean array argument obj to insert must be one dimensional');
      const m = readValues(o);
      idx = Float64Array.from(m.flatMap((x, i) => (x ? [i] : [])));
    } else {
      if (o.ndim > 1) throw new ValueError('index array argument obj to insert must be one dimensional or scalar');
      if (!isIntKind(o) && (o.size > 0 || isArray(obj))) throw new IndexError(NOT_INTEGER);
      idx = o.size === 0 ? new Float64Array(0) : intValues(o);
      scalar = o.ndim === 0;
    }
  }
  if (idx.length === 1) return insertOne(a, ax, order, idx[0], scalar, values, objText(obj, idx));
  return insertMany(a, ax, order, idx, values);
}

/** NumPy's one-position path: `values` (at least `a.ndim` axes) becomes `values.shape[axis]` slices before `index`. */
function insertOne(a: NdArray, ax: number, order: 'C' | 'F', index: number, scalar: boolean, values: unknown, text: string): NdArray {
  const n = a.shape[ax];
  if (index < -n || index > n) throw new IndexError(`index ${text} is out of bounds for axis ${ax} with size ${n}`);
  if (index < 0) index += n;
  let v = valuesOf(values, a.dtype);
  // ndmin=arr.ndim, then for an integer position NumPy moves the values' first axis to `axis` (a[:, 0:1] = ...).
  if (v.ndim < a.ndim) v = v.reshape([...new Array<number>(a.ndim - v.ndim).fill(1), ...v.shape]);
  if (scalar) v = moveaxis(v, 0, ax);
  const numnew = v.shape[ax];
  const shape = [...a.shape];
  shape[ax] += numnew;
  const out = emptyOf(a.dtype, shape, order);
  const slot = out.index(...along(out.ndim, ax, new Slice(index, index + numnew)));
  let vb: NdArray;
  try {
    vb = broadcastTo(v.ndim > slot.ndim ? dropLeadingOnes(v, slot.ndim) : v, slot.shape);
  } catch {
    throw new ValueError(`could not broadcast input array from shape ${tupleNoSpace(v.shape)} into shape ${tupleNoSpace(slot.shape)}`);
  }
  if (shapeToSize(shape) === 0) return out;
  copyRun(out, 0, a, 0, index, ax);
  if (shapeToSize(slot.shape) > 0) copyBlock(slot, vb);
  copyRun(out, index + numnew, a, index, n - index, ax);
  return out;
}

function dropLeadingOnes(v: NdArray, ndim: number): NdArray {
  let w = v;
  while (w.ndim > ndim && w.shape[0] === 1) w = w.index(0);
  return w;
}

/** NumPy's several-position path: positions moved right by their rank, each value slice to its own position. */
function insertMany(a: NdArray, ax: number, order: 'C' | 'F', idx: Float64Array, values: unknown): NdArray {
  const n = a.shape[ax];
  const numnew = idx.length;
  const pos = Float64Array.from(idx, (x) => (x < 0 ? x + n : x));
  // order = argsort(kind='mergesort'); indices[order] += arange(numnew)
  const rank = Array.from(pos.keys()).sort((i, j) => pos[i] - pos[j] || i - j);
  for (let k = 0; k < numnew; k++) pos[rank[k]] += k;
  const total = n + numnew;
  for (let k = 0; k < numnew; k++) {
    const p = pos[k];
    if (p < -total || p >= total) throw new IndexError(`index ${p} is out of bounds for axis 0 with size ${total}`);
    if (p < 0) pos[k] = p + total;
  }
  const shape = [...a.shape];
  shape[ax] = total;
  const vshape = [...a.shape];
  vshape[ax] = numnew;
  const vb = toIndexResult(valuesOf(values, a.dtype), vshape);
  // Repeated positions (negative ones wrapped onto others) leave more slots than
  // `a` has slices: NumPy's `new[old_mask] = arr` refuses that.
  const byPos = Array.from(pos.keys()).sort((i, j) => pos[i] - pos[j] || i - j);
  let distinct = numnew > 0 ? 1 : 0;
  for (let k = 1; k < numnew; k++) if (pos[byPos[k]] !== pos[byPos[k - 1]]) distinct++;
  if (distinct < numnew) {
    const rest = shapeToSize(shape) / (total || 1);
    throw new ValueError(
      `NumPy boolean array indexing assignment cannot assign ${n * rest} input values to the ${(total - distinct) * rest} output values where the mask is true`,
    );
  }
  const out = emptyOf(a.dtype, shape, order);
  if (shapeToSize(shape) === 0) return out;
  if (a.ndim === 1 && numnew > RUN_COPY_LIMIT && numnew * LONG_RUN > total) {
    // Gathered by the native take kernel from a ++ values: index j < n is a[j], n + k is values[k].
    const src = new Float64Array(total);
    let j = 0;
    let p = 0;
    for (const k of byPos) {
      while (p < pos[k]) src[p++] = j++;
      src[p++] = n + k;
    }
    while (p < total) src[p++] = j++;
    const joined = concatenate([a, vb], { dtype: a.dtype, casting: 'unsafe' });
    take(joined, int64From([total], src), { out });
    return out;
  }
  let j = 0;
  let p = 0;
  for (let r = 0; r < numnew; ) {
    const k0 = byPos[r];
    const at = pos[k0];
    copyRun(out, p, a, j, at - p, ax);
    j += at - p;
    // Consecutive positions holding consecutive values: one copy.
    let len = 1;
    while (r + len < numnew && pos[byPos[r + len]] === at + len && byPos[r + len] === k0 + len) len++;
    copyRun(out, at, vb, k0, len, ax);
    p = at + len;
    r += len;
  }
  copyRun(out, p, a, j, n - j, ax);
  return out;
}

// ------------------------------------------------------------------ append

/**
 * NumPy's `append(arr, values, axis=None)`: {@link concatenate} of `arr`
 * and `values`; with no axis both are flattened first. The result's dtype
 * is the promotion of both (a list of values is an array of its own dtype,
 * as `np.ravel` makes it). Always a new array.
 *
 * @example
 * append(arange(3), [7, 8]).toArray(); // [0, 1, 2, 7, 8]
 * @throws ValueError when the shapes do not join (concatenate's message);
 *   AxisError for an axis out of range.
 */
export function append(arr: NdArray | unknown, values: unknown, options: InsertDeleteOptions | number | null = {}): NdArray {
  const axis = axisOption('append', options);
  let a = isArray(arr) ? arr : asarray(arr);
  let v = isArray(values) ? values : asarray(values);
  requireOpen(a);
  requireOpen(v);
  if (axis === null) {
    if (a.ndim !== 1) a = a.ravel();
    v = v.ravel();
    return concatenate([a, v], { axis: a.ndim - 1 });
  }
  return concatenate([a, v], { axis });
}
