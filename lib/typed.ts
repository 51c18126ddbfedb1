/**
 * Zero-copy typed arrays over an array's memory: typedArray (a contiguous
 * view) and stridedTypedArray (the covering range plus element strides, the
 * documented per-element fast path). A typed array cannot be made read-only,
 * so both refuse read-only memory unless the caller accepts the risk.
 * @module
 */
import type { DType } from './dtype';
import { AccessError, ValueError } from './errors';
import { isWriteable, requireOpen, storageOf } from './internal';
import { readKnownOptions } from './options';
import { byteBounds } from './layout';
import type { NdArray } from './ndarray';
import { WINDOW_STEP } from './storage';

/** A typed array constructor per native-order dtype. */
type TypedArrayCtor =
  | Int8ArrayConstructor
  | Uint8ArrayConstructor
  | Int16ArrayConstructor
  | Uint16ArrayConstructor
  | Int32ArrayConstructor
  | Uint32ArrayConstructor
  | Float32ArrayConstructor
  | Float64ArrayConstructor
  | BigInt64ArrayConstructor
  | BigUint64ArrayConstructor;

/** Any of the typed arrays `typedArray()` returns, by dtype: Int8Array … Float64Array, BigInt64Array, BigUint64Array. */
export type AnyTypedArray =
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array
  | BigInt64Array
  | BigUint64Array;

/**
 * @internal The typed array that holds `dt`'s items in this host's byte order
 * (Uint8Array for bool), or null: the one table for typedArray() and the
 * compute ops' typed tier (typed-reader.ts).
 */
export function ctorFor(dt: DType): TypedArrayCtor | null {
  if (!dt.isnative || dt.isStructured) return null;
  switch (dt.kind + dt.itemsize) {
    case 'i1': return Int8Array;
    case 'u1': case 'b1': return Uint8Array;
    case 'i2': return Int16Array;
    case 'u2': return Uint16Array;
    case 'i4': return Int32Array;
    case 'u4': return Uint32Array;
    case 'f4': return Float32Array;
    case 'f8': return Float64Array;
    case 'i8': return BigInt64Array;
    case 'u8': return BigUint64Array;
  }
  return null;
}

/** Options of NdArray.typedArray(). */
export interface TypedArrayOptions {
  /**
   * Required to get a typed array of a read-only array: a typed array cannot
   * refuse stores, and a single store through it into a `'r'` mapping kills
   * the process (SIGSEGV).
   */
  unsafeAllowReadOnly?: boolean;
}

/**
 * A zero-copy typed array over a C-contiguous, aligned, native-order array
 * of a plain numeric dtype. Element i of the typed array is flat element i.
 */
export function typedArray(a: NdArray, options: TypedArrayOptions = {}): AnyTypedArray {
  const ctor = checkTyped(a, 'typedArray', options);
  if (!a.flags.cContiguous) throw new ValueError('typedArray() needs a C-contiguous array; use stridedTypedArray() or ascontiguousarray() (a copy)');
  const size = a.size;
  if (size === 0) return new ctor(0);
  return typedOver(a, ctor, a.offset, size, 'typedArray');
}

/** A typed array over a strided view's bytes and how to index it (see NdArray.stridedTypedArray). */
export interface StridedTypedArray<T extends AnyTypedArray = AnyTypedArray> {
  /** Covers every element of the view (and whatever lies between them). */
  readonly array: T;
  /** Index in `array` of element 0 of the view. */
  readonly offset: number;
  /** Per axis, how far apart in `array` consecutive elements are (may be negative or 0). */
  readonly strides: readonly number[];
  /** The view's shape. */
  readonly shape: readonly number[];
}

/**
 * A zero-copy typed array over any view whose strides are multiples of its
 * itemsize (aligned, native order): element (i, j, …) of the view is
 * `array[offset + i * strides[0] + j * strides[1] + …]`.
 */
export function stridedTypedArray(a: NdArray, options: TypedArrayOptions = {}): StridedTypedArray {
  const ctor = checkTyped(a, 'stridedTypedArray', options);
  const n = a.itemsize;
  for (const s of a.strides) {
    if (s % n !== 0) throw new ValueError(`stridedTypedArray(): stride ${s} is not a multiple of the itemsize ${n} (a field of a packed record?); use copy() first`);
  }
  const strides = a.strides.map((s) => s / n);
  if (a.size === 0) return { array: new ctor(0), offset: 0, strides, shape: a.shape };
  const [lo, hi] = byteBounds(a.offset, a.shape, a.strides, n);
  const array = typedOver(a, ctor, lo, (hi - lo) / n, 'stridedTypedArray');
  return { array, offset: (a.offset - lo) / n, strides, shape: a.shape };
}

/** The shared checks: open, a typed array exists for the dtype, writeable unless the caller accepts the risk. */
function checkTyped(a: NdArray, what: string, options: TypedArrayOptions): TypedArrayCtor {
  // The option first: a getter on it runs before the closed check, not after it.
  options = readKnownOptions(options, ['unsafeAllowReadOnly'], what);
  requireOpen(a);
  const ctor = ctorFor(a.dtype);
  if (ctor === null) throw new TypeError(`no typed array holds ${a.dtype.str} in this machine's byte order; use astype() first`);
  if (!isWriteable(a) && !options.unsafeAllowReadOnly) {
    // A typed array cannot be made read-only: handing one out would let a
    // store bypass the flag, and over a 'r' mapping kill the process.
    throw new AccessError(
      'ERR_READ_ONLY',
      storageOf(a).writable
        ? `${what}() of a read-only array would let stores bypass flags.writeable; pass { unsafeAllowReadOnly: true } to accept that`
        : `${what}() over read-only memory would let one store crash the process; pass { unsafeAllowReadOnly: true } to accept that`,
    );
  }
  return ctor;
}

/** A typed array of `count` items starting at storage byte `start`, within one window. */
function typedOver(a: NdArray, ctor: TypedArrayCtor, start: number, count: number, what: string): AnyTypedArray {
  const n = a.itemsize;
  const bytes = count * n;
  if (bytes > WINDOW_STEP) throw new RangeError(`${what}(): ${bytes} bytes is more than one window (${WINDOW_STEP} bytes) can hold; take the view in slices`);
  const w = storageOf(a).window(start, bytes);
  const byteOffset = w.bufferOffset + (start - w.start);
  if (byteOffset % n !== 0) throw new ValueError(`${what}(): data is not aligned to ${n} bytes`);
  return new ctor(w.buffer as ArrayBuffer, byteOffset, count);
}
