/**
 * Fast element-wise iteration over any strided view: forEach, reduce (a
 * user fold), apply (in place), map (new array) and toNested (`tolist()`). The numeric
 * reductions (sum/min/max/mean) are in reduce.ts, the zero-copy typed arrays
 * in typed.ts.
 * @module
 */
import type { DType } from './dtype';
import { forEachOffset } from './iterate';
import { allocate, codecOf, isWriteable, readOnlyError, requireOpen, storageOf } from './internal';
import type { NdArray } from './ndarray';

/**
 * Runs `walk`, a loop that calls user code between element accesses. A
 * callback may close the mapping (or detach the buffer): the next access then
 * meets a detached window, whose TypeError is reported as the library's
 * ERR_CLOSED. Costs nothing per element.
 */
function guardClose(a: NdArray, walk: () => void): void {
  try {
    walk();
  } catch (e) {
    if ((e as Error | null)?.name === 'TypeError' && storageOf(a).closed) requireOpen(a);
    throw e;
  }
}

/** Calls `fn(value, i)` for every element in C index order (`i` counts from 0). */
export function forEach(a: NdArray, fn: (value: unknown, i: number) => void): void {
  requireOpen(a);
  const codec = codecOf(a);
  const single = storageOf(a).single;
  let i = 0;
  if (single !== null) {
    // One window holds everything: no window lookup per element.
    const dv = single.view;
    const start = single.start;
    guardClose(a, () =>
      forEachOffset(a.shape, a.strides, a.offset, (off) => {
        fn(codec.read(dv, off - start), i++);
      }),
    );
    return;
  }
  const at = storageOf(a).cursor(a.itemsize);
  guardClose(a, () =>
    forEachOffset(a.shape, a.strides, a.offset, (off) => {
      const w = at(off);
      fn(codec.read(w.view, off - w.start), i++);
    }),
  );
}

/** Folds every element into an accumulator, in C index order. */
export function reduce<T>(a: NdArray, fn: (acc: T, value: unknown, i: number) => T, initial: T): T {
  let acc = initial;
  forEach(a, (v, i) => {
    acc = fn(acc, v, i);
  });
  return acc;
}

/** Replaces every element with `fn(value, i)`, in place (checks writeable first). */
export function apply(a: NdArray, fn: (value: unknown, i: number) => unknown): void {
  requireOpen(a);
  if (!isWriteable(a)) throw readOnlyError(a);
  const codec = codecOf(a);
  let i = 0;
  const at = storageOf(a).cursor(a.itemsize);
  guardClose(a, () =>
    forEachOffset(a.shape, a.strides, a.offset, (off) => {
      const w = at(off);
      const o = off - w.start;
      codec.write(w.view, o, fn(codec.read(w.view, o), i++));
    }),
  );
}

/** A new C-contiguous array of `fn(value, i)` with `dtype` (default: `a`'s). */
export function map(a: NdArray, fn: (value: unknown, i: number) => unknown, dtype: DType): NdArray {
  requireOpen(a);
  const out = allocate(dtype, a.shape);
  const dv = storageOf(out).single!.view;
  const codec = codecOf(a);
  const wr = dtype.codec;
  const n = dtype.itemsize;
  let i = 0;
  const at = storageOf(a).cursor(a.itemsize);
  guardClose(a, () =>
    forEachOffset(a.shape, a.strides, a.offset, (off) => {
      const w = at(off);
      wr.write(dv, i * n, fn(codec.read(w.view, off - w.start), i));
      i++;
    }),
  );
  return out;
}

/** NumPy's `tolist()`. */
export function toNested(a: NdArray): unknown {
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
