/**
 * Fast element-wise iteration over any strided view: forEach, reduce (a
 * user fold), apply (in place), map (new array) and toNested (`tolist()`). The numeric
 * reductions (sum/min/max/mean) are in reduce.ts, the zero-copy typed arrays
 * in typed.ts.
 * @module
 */
import { getHeapStatistics } from 'v8';
import type { DType } from './dtype';
import { Detached, walkApply, walkForEach, walkMap, walkReduce, type MapSink, type WalkSource } from './element-walk';
import { allocate, codecOf, isWriteable, readOnlyError, requireFunction, requireOpen, shapeOf, storageOf, stridesOf } from './internal';
import { ctorFor } from './typed';
import type { NdArray } from './ndarray';

/**
 * Runs `walk`, a loop that calls user code between element accesses. A
 * callback may close the mapping (or detach the buffer): the next access then
 * meets a detached window (a DataView's TypeError, or a typed array's
 * `undefined`, reported by the walk as {@link Detached}), reported as the
 * library's ERR_CLOSED. Costs nothing per element.
 */
function guardClose<T>(a: NdArray, walk: () => T): T {
  try {
    return walk();
  } catch (e) {
    if ((e instanceof Detached || (e as Error | null)?.name === 'TypeError') && storageOf(a).closed) requireOpen(a);
    throw e;
  }
}

/** What the walks need to know of `a`: its layout, memory and codec, resolved once. */
function sourceOf(a: NdArray): WalkSource {
  const dt = a.dtype;
  return {
    st: storageOf(a),
    shape: shapeOf(a),
    strides: stridesOf(a),
    offset: a.offset,
    itemsize: dt.itemsize,
    codec: codecOf(a),
    ctor: typedCtorOf(dt),
  };
}

/** The typed array of `dt`'s items when element reads may use one (bool reads as boolean, so not bool). */
function typedCtorOf(dt: DType): ReturnType<typeof ctorFor> {
  return dt.kind === 'b' ? null : ctorFor(dt);
}

/** Calls `fn(value, i)` for every element in C index order (`i` counts from 0). */
export function forEach(a: NdArray, fn: (value: unknown, i: number) => void): void {
  requireFunction(fn, 'forEach', 'fn');
  requireOpen(a);
  const src = sourceOf(a);
  guardClose(a, () => walkForEach(src, fn));
}

/** Folds every element into an accumulator, in C index order. */
export function reduce<T>(a: NdArray, fn: (acc: T, value: unknown, i: number) => T, initial: T): T {
  requireFunction(fn, 'reduce', 'fn');
  requireOpen(a);
  const src = sourceOf(a);
  return guardClose(a, () => walkReduce(src, fn, initial));
}

/** Replaces every element with `fn(value, i)`, in place (checks writeable first). */
export function apply(a: NdArray, fn: (value: unknown, i: number) => unknown): void {
  requireFunction(fn, 'apply', 'fn');
  requireOpen(a);
  if (!isWriteable(a)) throw readOnlyError(a);
  const src = sourceOf(a);
  guardClose(a, () => walkApply(src, fn));
  // A typed array drops stores into a detached buffer silently: a callback
  // that closed the mapping at the last element is reported here.
  requireOpen(a);
}

/** A new C-contiguous array of `fn(value, i)` with `dtype` (default: `a`'s). */
export function map(a: NdArray, fn: (value: unknown, i: number) => unknown, dtype: DType): NdArray {
  requireFunction(fn, 'map', 'fn');
  requireOpen(a);
  const out = allocate(dtype, a.shape);
  const w = storageOf(out).single!;
  const ctor = typedCtorOf(dtype);
  const size = a.size;
  const sink: MapSink = {
    ta: ctor !== null && size > 0 ? new ctor(w.buffer, w.bufferOffset, size) : null,
    dv: w.view,
    codec: dtype.codec,
    itemsize: dtype.itemsize,
  };
  const src = sourceOf(a);
  guardClose(a, () => walkMap(src, fn, sink));
  return out;
}

/**
 * Bytes of JS heap an item of `tolist()` takes at least, by dtype kind: the
 * array slot (8), plus the BigInt, the `{ re, im }` object, the record or
 * the Uint8Array it holds. A lower bound: only a result that surely cannot
 * fit is refused.
 */
const ITEM_HEAP_BYTES: Readonly<Record<string, number>> = { b: 8, i: 8, u: 8, f: 8, c: 56, S: 80, V: 80 };

/**
 * Refuses a `tolist()` the JS heap cannot hold: V8 ends the process when its
 * heap runs out (a fatal error, not an exception), so a 2^30-element
 * broadcast view's toArray() would kill a server where NumPy's tolist()
 * raises MemoryError. Small results skip the check.
 */
function requireHeapFor(a: NdArray): void {
  const size = a.size;
  if (size < 1 << 20) return;
  const dt = a.dtype;
  let per = dt.isStructured || dt.shape.length > 0 ? 80 : (ITEM_HEAP_BYTES[dt.kind] ?? 8);
  if (dt.itemsize === 8 && (dt.kind === 'i' || dt.kind === 'u')) per = 32; // a BigInt each
  const need = size * per;
  const h = getHeapStatistics();
  const free = h.heap_size_limit - h.used_heap_size;
  if (need > free) {
    throw new RangeError(
      `toArray(): ${size} elements of ${dt.str} need at least ${need} bytes of JS heap, more than the ${free} left ` +
        `(heap limit ${h.heap_size_limit}; node --max-old-space-size raises it); read it in slices, with typedArray(), or with forEach()`,
    );
  }
}

/** NumPy's `tolist()`. */
export function toNested(a: NdArray): unknown {
  requireHeapFor(a);
  const st = storageOf(a);
  const codec = codecOf(a);
  const n = a.itemsize;
  const at = st.cursor(n);
  const read = (off: number): unknown => {
    const w = at(off);
    return codec.read(w.view, off - w.start);
  };
  const level = (axis: number, off: number): unknown => {
    if (axis === a.ndim) return read(off);
    const len = a.shape[axis];
    const s = a.strides[axis];
    const out = new Array<unknown>(len);
    for (let i = 0; i < len; i++) out[i] = level(axis + 1, off + i * s);
    return out;
  };
  return level(0, a.offset);
}
