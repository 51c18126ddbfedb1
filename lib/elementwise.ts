/**
 * Fast element-wise iteration over any strided view: forEach, reduce, apply
 * (in place), map (new array), the reductions, and zero-copy typed arrays.
 * @internal
 * @module
 */
import type { DType } from './dtype';
import { AccessError, ValueError } from './errors';
import { forEachOffset } from './iterate';
import { allocate, type NdArray } from './ndarray';
import type { Window } from './storage';

function win(a: NdArray, off: number): Window {
  const st = a._st;
  return st.single ?? st.window(off, a.itemsize);
}

/** Calls `fn(value, i)` for every element in C index order (`i` counts from 0). */
export function forEach(a: NdArray, fn: (value: unknown, i: number) => void): void {
  a._st.checkOpen();
  const codec = a._codec;
  let i = 0;
  forEachOffset(a.shape, a.strides, a.offset, (off) => {
    const w = win(a, off);
    fn(codec.read(w.view, off - w.start), i++);
  });
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
  a._st.checkOpen();
  if (!a.flags.writeable) throw new AccessError('ERR_READ_ONLY', 'assignment destination is read-only');
  const codec = a._codec;
  let i = 0;
  forEachOffset(a.shape, a.strides, a.offset, (off) => {
    const w = win(a, off);
    const o = off - w.start;
    codec.write(w.view, o, fn(codec.read(w.view, o), i++));
  });
}

/** A new C-contiguous array of `fn(value, i)` with `dtype` (default: `a`'s). */
export function map(a: NdArray, fn: (value: unknown, i: number) => unknown, dtype: DType): NdArray {
  a._st.checkOpen();
  const out = allocate(dtype, a.shape);
  const dv = out._st.single!.view;
  const codec = a._codec;
  const wr = dtype.codec;
  const n = dtype.itemsize;
  let i = 0;
  forEachOffset(a.shape, a.strides, a.offset, (off) => {
    const w = win(a, off);
    wr.write(dv, i * n, fn(codec.read(w.view, off - w.start), i));
    i++;
  });
  return out;
}

function numeric(a: NdArray, what: string): void {
  const k = a.dtype.kind;
  if (k !== 'i' && k !== 'u' && k !== 'f' && k !== 'b') {
    throw new TypeError(`${what}() needs a bool, integer or float dtype, not ${a.dtype.str}`);
  }
}

/** Sum of all elements: a number, or a BigInt for 64-bit integer dtypes. */
export function sum(a: NdArray): number | bigint {
  numeric(a, 'sum');
  if (a.dtype.itemsize === 8 && (a.dtype.kind === 'i' || a.dtype.kind === 'u')) {
    return reduce<bigint>(a, (s, v) => s + (v as bigint), 0n);
  }
  return reduce<number>(a, (s, v) => s + Number(v), 0);
}

/** Smallest element (NaN if any element is NaN, as NumPy). */
export function min(a: NdArray): number | bigint {
  numeric(a, 'min');
  if (a.size === 0) throw new ValueError('zero-size array to reduction operation minimum which has no identity');
  return reduce<number | bigint | undefined>(a, (m, v) => (m === undefined || Number.isNaN(v as number) || (v as number) < (m as number) ? (v as number) : m), undefined) as number | bigint;
}

/** Largest element (NaN if any element is NaN, as NumPy). */
export function max(a: NdArray): number | bigint {
  numeric(a, 'max');
  if (a.size === 0) throw new ValueError('zero-size array to reduction operation maximum which has no identity');
  return reduce<number | bigint | undefined>(a, (m, v) => (m === undefined || Number.isNaN(v as number) || (v as number) > (m as number) ? (v as number) : m), undefined) as number | bigint;
}

/** Arithmetic mean as a float. */
export function mean(a: NdArray): number {
  numeric(a, 'mean');
  return Number(sum(a)) / a.size;
}

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

export type AnyTypedArray = InstanceType<TypedArrayCtor>;

function ctorFor(dt: DType): TypedArrayCtor | null {
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
   * Required to get a typed array over read-only memory: a single store
   * through it into a `'r'` mapping kills the process (SIGSEGV).
   */
  unsafeAllowReadOnly?: boolean;
}

/**
 * A zero-copy typed array over a C-contiguous, aligned, native-order array
 * of a plain numeric dtype. Element i of the typed array is flat element i.
 */
export function typedArray(a: NdArray, options: TypedArrayOptions = {}): AnyTypedArray {
  a._st.checkOpen();
  const ctor = ctorFor(a.dtype);
  if (ctor === null) throw new TypeError(`no typed array holds ${a.dtype.str} in this machine's byte order; use astype() first`);
  if (!a.flags.cContiguous) throw new ValueError('typedArray() needs a C-contiguous array; use ascontiguousarray() (a copy) first');
  if (!a._st.writable && !options.unsafeAllowReadOnly) {
    throw new AccessError(
      'ERR_READ_ONLY',
      "typedArray() over read-only memory would let one store crash the process; pass { unsafeAllowReadOnly: true } to accept that",
    );
  }
  const size = a.size;
  const n = a.itemsize;
  const w = win(a, a.offset);
  if (size > 0 && a.offset + size * n > w.end) throw new RangeError('typedArray(): the view spans more than one 4 GiB window of the mapping; take it in slices');
  const byteOffset = w.bufferOffset + (a.offset - w.start);
  if (byteOffset % n !== 0) throw new ValueError(`typedArray(): data is not aligned to ${n} bytes`);
  return new ctor(w.buffer as ArrayBuffer, byteOffset, size);
}
