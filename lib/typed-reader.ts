/**
 * The fast tier of the compute ops: a typed array over every byte an array
 * addresses, so element reads are `ta[index]` instead of a codec call. Only
 * for plain numeric dtypes in this host's byte order, aligned, inside one
 * ArrayBuffer; everything else takes the codec path, which gives the same
 * values.
 * @internal
 * @module
 */
import { types } from 'util';
import { WINDOW_STEP } from './storage';
import { byteBounds, shapeToSize } from './layout';
import type { NdArray } from './ndarray';
import { allocateOrdered, INTP } from './compute-values';
import { requireOpen, storageOf } from './internal';
import { ctorFor, type AnyTypedArray } from './typed';

/** A typed array and the element index of `a`'s element 0 in it, with element strides. */
export interface TypedLayout {
  array: AnyTypedArray;
  /** Element index of the array's element 0. */
  start: number;
  /** Strides in elements. */
  strides: number[];
}

/**
 * `a`'s elements as a typed array (read and write: callers check
 * `writeable` themselves), or null when `a` does not qualify. Bool arrays
 * come as Uint8Array of 0/1.
 */
export function typedLayout(a: NdArray): TypedLayout | null {
  const ctor = ctorFor(a.dtype);
  if (ctor === null) return null;
  const n = a.itemsize;
  for (const s of a.strides) if (s % n !== 0) return null;
  requireOpen(a);
  if (shapeToSize(a.shape) === 0) return null;
  const [lo, hi] = byteBounds(a.offset, a.shape, a.strides, n);
  // One JS window must hold every byte (a SharedArrayBuffer takes the caller's other path).
  if (hi - lo > WINDOW_STEP) return null;
  const w = storageOf(a).single ?? storageOf(a).window(lo, hi - lo);
  if (!types.isArrayBuffer(w.buffer)) return null;
  const byteOffset = w.bufferOffset + (lo - w.start);
  if (byteOffset % n !== 0) return null;
  return { array: new ctor(w.buffer, byteOffset, (hi - lo) / n), start: (a.offset - lo) / n, strides: a.strides.map((s) => s / n) };
}

/**
 * The elements of an integer or bool array (C order) as numbers in a
 * Float64Array, read through typed arrays when the layout allows (int64
 * through its two 32-bit halves: no BigInt per element); null otherwise.
 * int64 values beyond 2^53 lose precision, which only matters for values no
 * index can take.
 */
export function indicesOf(a: NdArray): Float64Array | null {
  const t = typedLayout(a);
  if (t === null || a.ndim > 1) return a.size === 0 ? new Float64Array(0) : null;
  const n = a.size;
  const out = new Float64Array(n);
  const s = a.ndim === 0 ? 0 : t.strides[0];
  const arr = t.array;
  if (arr instanceof BigInt64Array || arr instanceof BigUint64Array) {
    const w = new Int32Array(arr.buffer, arr.byteOffset, arr.length * 2);
    const signed = arr instanceof BigInt64Array;
    const little = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
    const lo = little ? 0 : 1;
    const hi = 1 - lo;
    for (let i = 0, p = t.start; i < n; i++, p += s) {
      const h = w[2 * p + hi];
      out[i] = (signed ? h : h >>> 0) * 4294967296 + (w[2 * p + lo] >>> 0);
    }
    return out;
  }
  const num = arr as Int32Array;
  for (let i = 0, p = t.start; i < n; i++, p += s) out[i] = num[p];
  return out;
}

/** A new C-contiguous int64 array of `shape` holding `values` (non-negative integers below 2^53), written through 32-bit halves. */
export function int64From(shape: readonly number[], values: ArrayLike<number>): NdArray {
  const r = allocateOrdered(INTP, shape, [...shape.keys()]);
  int64Into(r, values);
  return r;
}

const LOW_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;

/** Writes `values` (non-negative integers below 2^53) into `r`, a C-contiguous in-memory array of native int64 holding as many items. */
export function int64Into(r: NdArray, values: ArrayLike<number>): void {
  const n = values.length;
  if (n === 0) return;
  const w = storageOf(r).single!;
  const words = new Uint32Array(w.buffer as ArrayBuffer, w.bufferOffset + r.offset, n * 2);
  const lo = LOW_WORD;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    words[2 * i + lo] = v >>> 0;
    words[2 * i + 1 - lo] = Math.floor(v / 4294967296);
  }
}
