/**
 * Fast element-wise iteration over any strided view: forEach, reduce, apply
 * (in place), map (new array), the reductions, and zero-copy typed arrays.
 * @module
 */
import type { DType } from './dtype';
import { AccessError, ValueError } from './errors';
import { forEachOffset, forEachRow } from './iterate';
import { pairwiseSum, reduceNative, ReduceOp } from './kernels';
import { byteBounds } from './layout';
import { allocate, isWriteable, readOnlyError } from './internal';
import type { NdArray } from './ndarray';
import { WINDOW_STEP } from './storage';


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
    if ((e as Error | null)?.name === 'TypeError' && a._st.closed) a._st.checkOpen();
    throw e;
  }
}

/** Calls `fn(value, i)` for every element in C index order (`i` counts from 0). */
export function forEach(a: NdArray, fn: (value: unknown, i: number) => void): void {
  a._st.checkOpen();
  const codec = a._codec;
  const single = a._st.single;
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
  const at = a._st.cursor(a.itemsize);
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
  a._st.checkOpen();
  if (!isWriteable(a)) throw readOnlyError(a);
  const codec = a._codec;
  let i = 0;
  const at = a._st.cursor(a.itemsize);
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
  a._st.checkOpen();
  const out = allocate(dtype, a.shape);
  const dv = out._st.single!.view;
  const codec = a._codec;
  const wr = dtype.codec;
  const n = dtype.itemsize;
  let i = 0;
  const at = a._st.cursor(a.itemsize);
  guardClose(a, () =>
    forEachOffset(a.shape, a.strides, a.offset, (off) => {
      const w = at(off);
      wr.write(dv, i * n, fn(codec.read(w.view, off - w.start), i));
      i++;
    }),
  );
  return out;
}

function numeric(a: NdArray, what: string): void {
  const k = a.dtype.kind;
  if (k !== 'i' && k !== 'u' && k !== 'f' && k !== 'b') {
    throw new TypeError(`${what}() needs a bool, integer or float dtype, not ${a.dtype.str}`);
  }
}

/** A reader of element values as numbers at storage offsets (bools as 0/1). */
function numberReader(a: NdArray): (off: number) => number {
  const st = a._st;
  const codec = a._codec;
  const n = a.itemsize;
  const single = st.single;
  if (a.dtype.kind === 'b') {
    if (single !== null) return (off) => (codec.read(single.view, off - single.start) ? 1 : 0);
    return (off) => {
      const w = st.window(off, n);
      return codec.read(w.view, off - w.start) ? 1 : 0;
    };
  }
  if (single !== null) return (off) => codec.read(single.view, off - single.start) as number;
  return (off) => {
    const w = st.window(off, n);
    return codec.read(w.view, off - w.start) as number;
  };
}

// Integer partial sums stay exact in a double for this many items of at most
// 2^32 in magnitude (2^20 * 2^32 = 2^52), then move into a BigInt.
const EXACT_CHUNK = 2 ** 20;

/**
 * The JS path of sum/min/max, computing exactly what the kernel does: float
 * sums pairwise per innermost row, integer sums exact then rounded once,
 * min/max by strict comparison in C order with NaN winning at once.
 */
function reduceJS(a: NdArray, op: ReduceOp): number {
  const read = numberReader(a);
  const isFloat = a.dtype.kind === 'f';
  if (op === ReduceOp.Sum) {
    if (isFloat) {
      let acc = 0;
      forEachRow(a.shape, a.strides, a.offset, (p, n, s) => {
        acc += pairwiseSum(read, p, n, s);
      });
      return acc;
    }
    let total = 0n;
    let part = 0;
    let count = 0;
    forEachRow(a.shape, a.strides, a.offset, (p, n, s) => {
      for (let i = 0; i < n; i++) {
        part += read(p + i * s);
        if (++count === EXACT_CHUNK) {
          total += BigInt(part);
          part = 0;
          count = 0;
        }
      }
    });
    return Number(total + BigInt(part));
  }
  let first = true;
  let nan = false;
  let m = 0;
  const min = op === ReduceOp.Min;
  forEachRow(a.shape, a.strides, a.offset, (p, n, s) => {
    if (nan) return;
    for (let i = 0; i < n; i++) {
      const v = read(p + i * s);
      if (v !== v) {
        nan = true;
        m = v;
        return;
      }
      if (first) {
        m = v;
        first = false;
      } else if (min ? v < m : v > m) {
        m = v;
      }
    }
  });
  return m;
}

function is64BitInt(a: NdArray): boolean {
  return a.dtype.itemsize === 8 && (a.dtype.kind === 'i' || a.dtype.kind === 'u');
}

/**
 * Sum of all elements: a number, or a BigInt for 64-bit integer dtypes.
 * Floats are summed pairwise as NumPy does (per innermost row); integers
 * exactly, then rounded to the nearest double.
 */
export function sum(a: NdArray): number | bigint {
  numeric(a, 'sum');
  a._st.checkOpen();
  if (is64BitInt(a)) {
    return reduceNative(a, ReduceOp.Sum) ?? reduce<bigint>(a, (s, v) => s + (v as bigint), 0n);
  }
  return reduceNative(a, ReduceOp.Sum) ?? reduceJS(a, ReduceOp.Sum);
}

function extreme(a: NdArray, op: ReduceOp.Min | ReduceOp.Max): number | bigint {
  const what = op === ReduceOp.Min ? 'minimum' : 'maximum';
  numeric(a, op === ReduceOp.Min ? 'min' : 'max');
  if (a.size === 0) throw new ValueError(`zero-size array to reduction operation ${what} which has no identity`);
  a._st.checkOpen();
  if (is64BitInt(a)) {
    const native = reduceNative(a, op);
    if (native !== null) return native;
    const min = op === ReduceOp.Min;
    return reduce<bigint | undefined>(a, (m, v) => (m === undefined || (min ? (v as bigint) < m : (v as bigint) > m) ? (v as bigint) : m), undefined) as bigint;
  }
  const m = reduceNative(a, op) ?? reduceJS(a, op);
  // A bool array's extreme is a bool, as its elements read.
  return a.dtype.kind === 'b' ? ((m !== 0) as unknown as number) : m;
}

/** Smallest element (NaN if any element is NaN, as NumPy). */
export function min(a: NdArray): number | bigint {
  return extreme(a, ReduceOp.Min);
}

/** Largest element (NaN if any element is NaN, as NumPy). */
export function max(a: NdArray): number | bigint {
  return extreme(a, ReduceOp.Max);
}

/** Arithmetic mean as a float. */
export function mean(a: NdArray): number {
  numeric(a, 'mean');
  return Number(sum(a)) / a.size;
}

/** @internal The JS path of sum/min/max, for tests that pin the kernels to it. */
export const reduceJSForTest = reduceJS;

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
  a._st.checkOpen();
  const ctor = ctorFor(a.dtype);
  if (ctor === null) throw new TypeError(`no typed array holds ${a.dtype.str} in this machine's byte order; use astype() first`);
  if (!isWriteable(a) && !options.unsafeAllowReadOnly) {
    // A typed array cannot be made read-only: handing one out would let a
    // store bypass the flag, and over a 'r' mapping kill the process.
    throw new AccessError(
      'ERR_READ_ONLY',
      a._st.writable
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
  const w = a._st.window(start, bytes);
  const byteOffset = w.bufferOffset + (start - w.start);
  if (byteOffset % n !== 0) throw new ValueError(`${what}(): data is not aligned to ${n} bytes`);
  return new ctor(w.buffer as ArrayBuffer, byteOffset, count);
}
