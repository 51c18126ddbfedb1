/**
 * Repeating an array's elements or the whole array: NumPy's `repeat` and
 * `tile`. Both give a new C-contiguous array of the input's dtype (byte
 * order kept) from the library's allocation path, filled by the native copy
 * kernel: a repeat by one count is one copy from a view whose repeat axis
 * has stride 0 (the result seen as [..., n, count, ...]); a tile is one copy
 * into the result seen as [r0, s0, r1, s1, ...]. Per-element counts gather
 * through `take`'s kernel (a 1-d source, or a C-contiguous one repeated
 * along its first long axis, each slab one void item), else copy slab by
 * slab (or gather in JS for slabs under 64 elements).
 * @module
 */
import type { NdArray } from './ndarray';
import { dtype as toDType } from './dtype';
import { ValueError, repr } from './errors';
import { keywordValue } from './options';
import { Slice } from './indexing';
import { allocate, derive, makeArray, NdArray as ArrayClass, requireOpen, storageOf } from './internal';
import { arrayInts, checkNdim, checkShape, normalizeAxis, shapeToSize, shapeToStrides } from './layout';
import { take } from './fancy';
import { copyBlock } from './block-copy';

/** Repeat counts: one for every element, or one per element along the axis. */
export type Repeats = number | readonly number[] | NdArray;

const INT32 = toDType('<i4');
/** Fewest elements per slab for the slab-by-slab copy of per-element counts; smaller slabs gather. */
const SLAB_MIN = 64;
/** Item sizes the copy kernel's repeated-row loop takes (native/kernels.cc RepeatRow). */
const PLAIN_ITEM = new Set([1, 2, 4, 8]);

/** The counts as integers; a JS list of integers is used as it is (one pass, no copy: lists may hold millions). */
function countsOf(repeats: Repeats): readonly number[] {
  let list: readonly unknown[];
  if (repeats instanceof ArrayClass) {
    const r = repeats as NdArray;
    if (r.dtype.kind !== 'i' && r.dtype.kind !== 'u' && r.dtype.kind !== 'b') {
      throw new TypeError(`Cannot cast array data from ${String(r.dtype)} to dtype('int64') according to the rule 'safe'`);
    }
    if (r.ndim > 1) throw new ValueError('object too deep for desired array');
    list = r.ndim === 0 ? [r.toArray()] : (r.toArray() as unknown[]);
  } else if (typeof repeats === 'number') {
    list = [repeats];
  } else if (Array.isArray(repeats)) {
    list = repeats as readonly unknown[];
  } else {
    throw new TypeError(`repeats must be an integer or a list of integers, got ${repr(repeats)}`);
  }
  let plain = true;
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      plain = false;
      break;
    }
  }
  if (plain) return list as readonly number[];
  // Item by item (a hole is undefined, refused at once: map walked all 2^32-1 holes of a sparse list).
  const counts: number[] = [];
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    const x = typeof v === 'bigint' || typeof v === 'boolean' ? Number(v) : v;
    if (typeof x !== 'number' || !Number.isInteger(x)) throw new TypeError(`Cannot cast repeats ${repr(v)} to int64 according to the rule 'safe'`);
    counts.push(x);
  }
  return counts;
}

/**
 * NumPy's `repeat(a, repeats, axis=None)`: each element repeated `repeats`
 * times (one count, or one per element along `axis`), along `axis` or, with
 * no axis, over the flattened array. A new C-contiguous array of `a`'s dtype.
 *
 * @example
 * repeat(asarray([1, 2]), 2).toArray(); // [1, 1, 2, 2]
 * repeat(asarray([[1, 2], [3, 4]]), [1, 2], 0).toArray(); // [[1, 2], [3, 4], [3, 4]]
 * @throws ValueError `negative dimensions are not allowed` (one count),
 *   `repeats may not contain negative values.`, or counts that do not match
 *   the axis (`operands could not be broadcast together with shape (3,) (2,)`).
 */
export function repeat(a: NdArray, repeats: Repeats, axis?: number | null | { axis?: number | null }): NdArray {
  requireOpen(a);
  // NumPy's positional axis, or { axis } (its keyword).
  axis = keywordValue<number | null>('repeat', 'axis', axis) ?? null;
  const counts = countsOf(repeats);
  // NumPy's PyArray_CheckAxis: no axis flattens; a 0-d array is 1-d along any axis it is given.
  const src = axis === null ? a.reshape(-1) : a.ndim === 0 ? a.reshape(1) : a;
  const ax = normalizeAxis(axis ?? 0, src.ndim);
  const n = src.shape[ax];
  if (counts.length === 1) {
    const r = counts[0];
    // NumPy's broadcast count makes a length of r * n: negative only when the axis is not empty.
    if (r < 0 && n > 0) throw new ValueError('negative dimensions are not allowed');
    return repeatEach(src, ax, Math.max(r, 0));
  }
  if (counts.length !== n) throw new ValueError(`operands could not be broadcast together with shape (${n},) (${counts.length},)`);
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (counts[i] < 0) throw new ValueError('repeats may not contain negative values.');
    total += counts[i];
  }
  return repeatPer(src, ax, counts, total);
}

/** Every slab of `src` along `ax` `r` times: one broadcast copy. */
function repeatEach(src: NdArray, ax: number, r: number): NdArray {
  const shape = [...src.shape];
  shape[ax] *= r;
  // As NumPy, a zero axis does not excuse the others: (0, 3) repeated 2^60 times is too big.
  checkShape(shape);
  const out = allocate(src.dtype, shape, 'C', true);
  if (shapeToSize(shape) === 0) return out;
  const split = [...src.shape.slice(0, ax + 1), r, ...src.shape.slice(ax + 1)];
  // A fresh C-contiguous array reshapes to a view; the source gets a length-1 axis that broadcasts to r.
  const dst = out.reshape(split);
  const from = src.expandDims(ax + 1);
  // Along the last axis, a count up to 16 of 1-8 byte items: the copy kernel writes each
  // item r times in a row (native/kernels.cc RepeatRow), streaming for a large result
  // (10M <f8 twice: 48-51 -> 23-26 ms CPU, NumPy 43); copyBlock would turn the short
  // axis to the front, r passes over the result.
  if (ax === src.ndim - 1 && r <= 16 && PLAIN_ITEM.has(src.itemsize) && !src.dtype.isStructured && src.dtype.subdtype === null) dst.set(from);
  else copyBlock(dst, from);
  return out;
}

/** Slab i of `src` along `ax` `counts[i]` times. */
function repeatPer(src: NdArray, ax: number, counts: readonly number[], total: number): NdArray {
  const shape = [...src.shape];
  shape[ax] = total;
  checkShape(shape);
  const n = src.shape[ax];
  const slab = shapeToSize(src.shape) / Math.max(n, 1);
  if (total > 0 && shapeToSize(shape) > 0 && n <= 0x7fffffff && wholeSlabs(src, ax)) {
    // Each slab is one run of bytes at the front of a C-contiguous array: gathered as
    // one void item per slab by take's kernel, then seen again as the input's dtype.
    const itemBytes = slab * src.itemsize;
    const items = src.reshape(n, slab).view(toDType(`V${itemBytes}`)).reshape(n);
    const idx = indexList(counts, n, total);
    try {
      const g = take(items, idx);
      // The gathered bytes owned as the input's dtype (NumPy's repeat returns an owner, not a view).
      return makeArray({ storage: storageOf(g), dtype: src.dtype, shape, strides: shapeToStrides(shape, src.itemsize), offset: 0, base: null, writeable: true, ownData: true });
    } finally {
      idx.release();
    }
  }
  if ((src.ndim === 1 || slab < SLAB_MIN) && n <= 0x7fffffff && total > 0 && shapeToSize(shape) > 0) {
    // Single elements or short slabs: one gather by take (its kernel for a 1-d source) through an index list.
    const idx = indexList(counts, n, total);
    try {
      return src.ndim === 1 ? take(src, idx) : take(src, idx, { axis: ax });
    } finally {
      idx.release();
    }
  }
  const out = allocate(src.dtype, shape, 'C', true);
  if (shapeToSize(shape) === 0) return out;
  const from = src.shape.map(() => new Slice()) as (Slice | number)[];
  const to = shape.map(() => new Slice()) as (Slice | number)[];
  let at = 0;
  for (let i = 0; i < n; i++) {
    const r = counts[i];
    if (r === 0) continue;
    from[ax] = new Slice(i, i + 1);
    to[ax] = new Slice(at, at + r);
    out.set(to, src.index(...from));
    at += r;
  }
  return out;
}

/** Whether `src`'s slabs along `ax` are each one run of bytes: no outer axes longer than 1, C-contiguous, plain items. */
function wholeSlabs(src: NdArray, ax: number): boolean {
  if (src.ndim < 2 || !src.flags.cContiguous || src.dtype.isStructured || src.dtype.subdtype !== null || src.itemsize === 0) return false;
  for (let d = 0; d < ax; d++) if (src.shape[d] !== 1) return false;
  return true;
}

/** int32 [0 x counts[0], 1 x counts[1], ...]: the take indices of a repeat. */
function indexList(counts: readonly number[], n: number, total: number): NdArray {
  const idx = allocate(INT32, [total], 'C', true);
  const t = idx.typedArray() as Int32Array;
  for (let i = 0, k = 0; i < n; i++) {
    const r = counts[i];
    if (r === 1) t[k++] = i;
    else if (r > 0) {
      t.fill(i, k, k + r);
      k += r;
    }
  }
  return idx;
}

/**
 * NumPy's `tile(A, reps)`: `a` repeated `reps` times along each axis (reps
 * and a's shape padded with leading 1s to the same length). A new
 * C-contiguous array; when every rep is 1 it is a copy of `a` in its own
 * memory order (NumPy's `np.array(A, copy=True, ndmin=d)`).
 *
 * @example
 * tile(asarray([1, 2]), [2, 2]).toArray(); // [[1, 2, 1, 2], [1, 2, 1, 2]]
 * @throws ValueError `negative dimensions are not allowed`.
 */
export function tile(a: NdArray, reps: number | readonly number[] | NdArray): NdArray {
  requireOpen(a);
  if (typeof reps === 'number') reps = [reps];
  // An integer array is its items (a 0-d one a single rep), as NumPy's tuple(reps) reads it.
  if (reps instanceof ArrayClass) reps = arrayInts(reps, 'reps');
  if (!Array.isArray(reps)) throw new TypeError(`reps must be an integer or a list of integers, got ${repr(reps)}`);
  // Each rep is an axis of the result: more than 64 is NumPy's error, refused
  // before the list is read (spreading a sparse list of length 2^32-1 aborted V8: heap out of memory).
  checkNdim(reps.length);
  const tup: number[] = [];
  for (let i = 0; i < reps.length; i++) {
    const r: unknown = reps[i];
    if (typeof r !== 'number' || !Number.isInteger(r)) throw new TypeError(`reps must hold integers, got ${repr(r)}`);
    tup.push(r);
  }
  const d = tup.length;
  let c = a;
  if (c.ndim < d) c = c.reshape([...new Array<number>(d - c.ndim).fill(1), ...c.shape]);
  if (tup.every((r) => r === 1)) return c.copy('K');
  const full = [...new Array<number>(c.ndim - d).fill(1), ...tup];
  if (full.some((r) => r < 0)) throw new ValueError('negative dimensions are not allowed');
  const shapeOut = checkShape(c.shape.map((s, i) => s * full[i]));
  // NumPy reshapes A itself when it is empty: a view of array(A, ndmin=d), whose prepended
  // axes have stride shape[0] * strides[0] (PyArray_FromAny's _prepend_ones); that view as it
  // is when the shape is already shapeOut, else reshape's strides for an empty shape.
  if (c.size === 0) {
    if (a.ndim < d) {
      const outer = a.ndim > 0 ? a.shape[0] * a.strides[0] : a.itemsize;
      c = derive<NdArray>(a, Object.getPrototypeOf(a) as object, a.dtype, c.shape, [...new Array<number>(d - a.ndim).fill(outer), ...a.strides], a.offset);
    }
    return c.shape.every((n, i) => n === shapeOut[i]) ? c : c.reshape(shapeOut);
  }
  const out = allocate(c.dtype, shapeOut, 'C', true);
  if (shapeToSize(shapeOut) === 0) return out;
  const interleaved: number[] = [];
  const srcShape: number[] = [];
  c.shape.forEach((s, i) => {
    interleaved.push(full[i], s);
    srcShape.push(1, s);
  });
  copyBlock(out.reshape(interleaved), c.reshape(srcShape));
  return out;
}
