/**
 * Array constructors: fromBuffer, ndarray, zeros, empty, ones, full,
 * zerosLike/emptyLike/onesLike/fullLike, eye, identity, arange (with
 * ndarray.ts, the only module that makes arrays from scratch; `array` and
 * `asarray` are in array-coerce.ts, `linspace` in linspace.ts). The views of
 * an existing array (asStrided, broadcastTo, ascontiguousarray) live in
 * views.ts and are re-exported here.
 * @module
 */
import { types } from 'util';
import { dtype as toDType, type DType, type DTypeLike } from './dtype';
import { AccessError, OverflowError, ValueError, ZeroDivisionError, repr } from './errors';
import type { ValueOf } from './value-types';
import { byteBounds, checkNdim, checkShape, normalizeShape, shapeToSize, shapeToStrides } from './layout';
import { pyShape } from './format';
import { allocate, asClassOf, makeArray, requireOpen, storageOf, NdArray as ArrayClass } from './internal';
import { allocateOrdered } from './compute-values';
import { array, discoverDType, holdsComplex } from './array-coerce';
import { positionalOptions, readKnownOptions } from './options';
// Loaded for its effect, not only its type: the class must be defined (its
// static block opens internal.ts's door) before any constructor here runs.
import './ndarray';
import type { NdArray } from './ndarray';
import { readCOrF, readOrder, type Order } from './order';
import { MemoryStorage } from './storage';
import { float16Bits, float16Value } from './dtype/float16';

export { asStrided, broadcastTo, broadcastArrays, slidingWindowView, ascontiguousarray, type AsContiguousOptions, type AsStridedOptions, type SlidingWindowOptions } from './views';

/** Options of {@link fromBuffer}. */
export interface FromBufferOptions {
  /** Number of elements; -1 (default) reads to the end of the buffer. */
  count?: number;
  /** Byte offset of element 0 in the buffer. */
  offset?: number;
  /** Treat the memory as read-only: the array and all its views refuse writes and cannot be made writeable. */
  readonly?: boolean;
}

function checkInt(v: unknown, what: string, min = 0): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) {
    throw new TypeError(`${what} must be an integer, got ${repr(v)}`);
  }
  if (v < min) throw new RangeError(`${what} must be >= ${min}, got ${v}`);
  return v;
}

/**
 * NumPy's `frombuffer(buffer, dtype=float, count=-1, offset=0)`: a 1-d view
 * of an ArrayBuffer, SharedArrayBuffer or typed array / DataView (its own
 * byte range), no copy. The dtype defaults to float64, as NumPy's does.
 * `count` and `offset` positionally, as NumPy's, or in the options.
 *
 * @example
 * fromBuffer(Buffer.from([1, 0, 2, 0, 3, 0]), '<u2', 2, 2).toArray(); // [2, 3]
 * @throws ValueError (NumPy's words) when the buffer's bytes after `offset` are not a whole number of items, or fewer than `count` items
 */
export function fromBuffer<const D extends DTypeLike = 'f8'>(buffer: ArrayBufferLike | ArrayBufferView, dtype?: D, options?: FromBufferOptions): NdArray<ValueOf<D>>;
export function fromBuffer<const D extends DTypeLike = 'f8'>(buffer: ArrayBufferLike | ArrayBufferView, dtype: D, count: number, offset?: number | Omit<FromBufferOptions, 'count' | 'offset'>, options?: Omit<FromBufferOptions, 'count' | 'offset'>): NdArray<ValueOf<D>>;
export function fromBuffer<const D extends DTypeLike = 'f8'>(
  buffer: ArrayBufferLike | ArrayBufferView,
  dtype: D = 'f8' as D,
  countOrOptions?: number | FromBufferOptions,
  offsetArg?: number | FromBufferOptions,
  rest?: FromBufferOptions,
): NdArray<ValueOf<D>> {
  // NumPy's positional count and offset, or the options. Options and dtype
  // first, each read once: a getter that transfers the buffer then runs
  // before its length is read (lib/options.ts).
  const given = positionalOptions<FromBufferOptions>('fromBuffer', ['count', 'offset'], [countOrOptions, offsetArg, rest]);
  const options = readKnownOptions(given, ['count', 'offset', 'readonly'], 'fromBuffer');
  const dt = toDType(dtype);
  let ab: ArrayBufferLike;
  let base = 0;
  let len: number;
  if (ArrayBuffer.isView(buffer)) {
    ab = buffer.buffer;
    base = buffer.byteOffset;
    len = buffer.byteLength;
  } else if (types.isAnyArrayBuffer(buffer)) {
    // (isAnyArrayBuffer, not instanceof: buffers from another realm, e.g. a vm context or jest, count too)
    ab = buffer;
    len = buffer.byteLength;
  } else {
    throw new TypeError(`fromBuffer needs an ArrayBuffer or a typed array, got ${repr(buffer)}`);
  }
  // A resizable ArrayBuffer can shrink under the array: reads would return
  // nothing and stores vanish silently. Refusing it here costs nothing;
  // checking the span on every access would tax every read. (A growable
  // SharedArrayBuffer only grows, so every byte the array addresses stays.)
  if ((ab as { resizable?: boolean }).resizable === true) {
    throw new TypeError('fromBuffer cannot view a resizable ArrayBuffer (it could shrink under the array); copy it into a fixed-length ArrayBuffer (buffer.slice(0) makes one)');
  }
  const offset = checkInt(options.offset ?? 0, 'offset', -Infinity);
  const count = options.count === undefined ? -1 : checkInt(options.count, 'count', -Infinity);
  // A detached buffer (transferred, or released) reads as 0 bytes, and no
  // view can be made over it: the closed error, as for an array whose
  // buffer was detached after it was made.
  try {
    new Uint8Array(ab as ArrayBuffer, 0, 0);
  } catch {
    throw new AccessError('ERR_CLOSED', 'fromBuffer: the ArrayBuffer is detached (transferred to a worker, closed, or released)');
  }
  // NumPy's frombuffer: a count of 0-byte items would say nothing about the buffer.
  if (dt.itemsize === 0) throw new ValueError(`itemsize cannot be zero in type (${dt.str})`);
  if (offset < 0 || offset > len) throw new ValueError(`offset must be non-negative and no greater than buffer length (${len}), got ${offset}`);
  const avail = len - offset;
  let n: number;
  if (count < 0) {
    if (dt.itemsize === 0 || avail % dt.itemsize !== 0) {
      throw new ValueError(`buffer size must be a multiple of element size: ${avail} bytes for ${dt.str} (${dt.itemsize} bytes)`);
    }
    n = avail / dt.itemsize;
  } else {
    if (count * dt.itemsize > avail) throw new ValueError(`buffer is smaller than requested size: ${count} × ${dt.itemsize} bytes > ${avail}`);
    n = count;
  }
  checkNdim(1 + dt.shape.length);
  const storage = new MemoryStorage(ab as ArrayBuffer, base, len, !options.readonly);
  const shape = [n, ...dt.shape];
  const el = dt.shape.length > 0 ? dt.base : dt;
  const strides = shapeToStrides(shape, el.itemsize, 'C');
  return makeArray({ storage, dtype: el, shape, strides, offset, base: null, writeable: !options.readonly, ownData: false });
}

/** A new C-contiguous array of zeros. */
export function zeros<const D extends DTypeLike = 'f8'>(shape: number | readonly number[], dtype: D = 'f8' as D, order: 'C' | 'F' = 'C'): NdArray<ValueOf<D>> {
  let dt = toDType(dtype);
  // An unsized 'S' makes 1-byte strings, as NumPy's array creation does ('V' stays V0).
  if (dt.kind === 'S' && dt.itemsize === 0 && !dt.isStructured && dt.shape.length === 0) dt = toDType('S1');
  const ord = readCOrF(order, 'C');
  const s = normalizeShape(shape);
  checkNdim(s.length + dt.shape.length);
  if (dt.shape.length > 0) return allocate(dt.base, checkShape([...s, ...dt.shape]), ord) as NdArray<ValueOf<D>>;
  return allocate(dt, s, ord) as NdArray<ValueOf<D>>;
}

/** A new array; like NumPy's `empty` its content is unspecified (here: zeros). */
export function empty<const D extends DTypeLike = 'f8'>(shape: number | readonly number[], dtype: D = 'f8' as D, order: 'C' | 'F' = 'C'): NdArray<ValueOf<D>> {
  return zeros(shape, dtype, order);
}

/** Native-order integer and float64/float32 items arange writes through a typed array (little-endian hosts). */
const RAMP_ARRAYS: Readonly<Record<string, (b: ArrayBuffer, o: number, n: number) => ArrayLike<number> & { [i: number]: number }>> = {
  i1: (b, o, n) => new Int8Array(b, o, n), u1: (b, o, n) => new Uint8Array(b, o, n),
  i2: (b, o, n) => new Int16Array(b, o, n), u2: (b, o, n) => new Uint16Array(b, o, n),
  i4: (b, o, n) => new Int32Array(b, o, n), u4: (b, o, n) => new Uint32Array(b, o, n),
  f4: (b, o, n) => new Float32Array(b, o, n), f8: (b, o, n) => new Float64Array(b, o, n),
};
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * arange's ramp through a typed array, where that gives the element loop's
 * values exactly: a native-order, aligned float64/float32, or an integer
 * dtype whose every value first + i * delta lies inside its range and inside
 * ±2^53 (no wrap, exact in a double; int64/uint64 written as two 32-bit
 * halves). False, writing nothing, for everything else (the element loop).
 */
function fillRampFast(dt: DType, bytes: Uint8Array, n: number, start: number, step: number): boolean {
  if (!LITTLE_ENDIAN || !dt.isnative || bytes.byteOffset % dt.itemsize !== 0) return false;
  const key = `${dt.kind}${dt.itemsize}`;
  if (dt.kind === 'f' && (dt.itemsize === 8 || dt.itemsize === 4)) {
    const t = RAMP_ARRAYS[key](bytes.buffer as ArrayBuffer, bytes.byteOffset, n);
    if (dt.itemsize === 8) {
      const first = start;
      const second = start + step;
      const delta = second - first;
      t[0] = first;
      t[1] = second;
      for (let i = 2; i < n; i++) t[i] = first + i * delta;
    } else {
      const r = Math.fround;
      const first = r(start);
      const second = r(start + step);
      const delta = r(second - first);
      t[0] = first;
      t[1] = second;
      for (let i = 2; i < n; i++) t[i] = first + r(r(i) * delta);
    }
    return true;
  }
  if (dt.kind !== 'i' && dt.kind !== 'u') return false;
  // A C cast of a double truncates; outside the dtype's range it wraps, which the element loop does.
  const first = Math.trunc(start);
  const delta = Math.trunc(start + step) - first;
  const last = first + (n - 1) * delta;
  const bits = dt.itemsize * 8;
  const lo = dt.kind === 'u' ? 0 : -(2 ** (bits - 1));
  const hi = dt.kind === 'u' ? 2 ** bits - 1 : 2 ** (bits - 1) - 1;
  const safe = (x: number): boolean => Number.isSafeInteger(x) && x >= lo && x <= hi;
  if (!safe(first) || !safe(last) || !Number.isSafeInteger(delta)) return false;
  if (dt.itemsize < 8) {
    const t = RAMP_ARRAYS[key](bytes.buffer as ArrayBuffer, bytes.byteOffset, n);
    for (let i = 0; i < n; i++) t[i] = first + i * delta;
    return true;
  }
  // Two's complement halves of a safe integer: hi = floor(v / 2^32), lo = v - hi * 2^32.
  const t = new Int32Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, 2 * n);
  for (let i = 0; i < n; i++) {
    const v = first + i * delta;
    const h = Math.floor(v / 4294967296);
    t[2 * i] = (v - h * 4294967296) | 0;
    t[2 * i + 1] = h | 0;
  }
  return true;
}

/**
 * NumPy's `arange`: `arange(stop, dtype?)` or `arange(start, stop, step?, dtype?)`
 * (a null step is 1, NumPy's `step=None`). The default dtype is int64 (`<i8`,
 * values are BigInt) when every number is an integer (not `-0`), as in NumPy,
 * else float64.
 */
export function arange<const D extends DTypeLike = 'i8'>(stop: number, dtype?: D): NdArray<ValueOf<D>>;
export function arange<const D extends DTypeLike = 'i8'>(start: number, stop: number, step?: number | null, dtype?: D): NdArray<ValueOf<D>>;
export function arange<const D extends DTypeLike>(start: number, stop: number, dtype: D): NdArray<ValueOf<D>>;
export function arange(a: number, b?: number | DTypeLike, c?: number | DTypeLike | null, d?: DTypeLike): NdArray {
  let start = 0;
  let stop: number;
  let step = 1;
  let spec: DTypeLike | undefined;
  if (typeof b === 'number' || ((b === null || b === undefined) && (c !== undefined || d !== undefined))) {
    // A null (or absent) stop is NumPy's stop=None: the range is [0, a), so
    // arange(5, null, null, 'f4') is NumPy's arange(5, None, None, 'f4').
    if (typeof b === 'number') {
      start = a;
      stop = b;
    } else {
      stop = a;
    }
    // A null step is NumPy's step=None: 1.
    if (typeof c === 'number' || c === null || c === undefined) {
      if (typeof c === 'number') step = c;
      spec = d;
    } else {
      if (d !== undefined) throw new TypeError(`arange() takes its dtype once: arange(start, stop, dtype) or arange(start, stop, step, dtype), got ${repr(c)} and ${repr(d)}`);
      spec = c;
    }
  } else {
    // arange(stop) or arange(stop, dtype): a dtype's further arguments were dropped.
    if (c !== undefined || d !== undefined) throw new TypeError(`arange(stop, dtype) takes no further arguments; write arange(start, stop, step, dtype) (got ${repr(c)}${d === undefined ? '' : ` and ${repr(d)}`} after the dtype)`);
    stop = a;
    spec = b;
  }
  if ((stop as number | undefined) === undefined) throw new TypeError('arange() requires stop to be specified.');
  // -0 is a float, as everywhere a number's type is read (README, "Numbers and
  // scalars"); so is an integer-valued number past int64 (NumPy's arange of
  // such a Python int computes in float64 too).
  const isInt = (x: number): boolean => Number.isInteger(x) && !Object.is(x, -0) && x >= -(2 ** 63) && x < 2 ** 63;
  const allInt = isInt(start) && isInt(stop) && isInt(step);
  // NumPy divides by the step first: Python's ZeroDivisionError, in its int or float words.
  if (step === 0) throw new ZeroDivisionError(allInt ? 'division by zero' : 'float division by zero');
  const dt = toDType(spec ?? (allInt ? '<i8' : '<f8'));
  // Numbers only, as NumPy's (bytes, records, subarrays and voids have no arange).
  if (!'biufc'.includes(dt.kind) || dt.isStructured || dt.shape.length > 0) {
    throw new TypeError(`arange() not supported for inputs with DType <class 'numpy.dtypes.${dt.kind === 'S' ? 'BytesDType' : 'VoidDType'}'>.`);
  }
  const len = Math.ceil((stop - start) / step);
  // NumPy's errors: a NaN length, and one too large to allocate.
  if (Number.isNaN(len)) throw new ValueError(`arange: cannot compute length (start ${start}, stop ${stop}, step ${step})`);
  // Past intp's range below (an empty range, for NumPy too) or past what can be allocated above.
  if (len < -(2 ** 63) || len > Number.MAX_SAFE_INTEGER) throw new ValueError(`Maximum allowed size exceeded (arange of ${len} elements)`);
  // A step so large that the quotient rounds to 0 (an infinite one, or one
  // past the range's magnitude) still gives the start when the range is not
  // empty in the step's direction, as NumPy's np.arange(0, 1, np.inf) gives [0.].
  const n = len === 0 && stop !== start && Math.sign(stop - start) === Math.sign(step) ? 1 : Math.max(0, len);
  if (dt.kind === 'b' && n > 2) throw new TypeError('arange() is only supported for booleans when the result has at most length 2.');
  const out = allocate(dt, [n]);
  const w = storageOf(out).single!;
  const codec = dt.codec;
  // NumPy stores start and start + step, then fills element i with
  // first + i * (second - first) in the dtype's own arithmetic (PyArray_Fill),
  // so float results carry that delta's rounding, and integer ones its truncation.
  if ((dt.kind === 'i' || dt.kind === 'u') && n > 0) {
    // NumPy converts the first two values (C truncation) to the dtype, NEP 50's
    // OverflowError outside its range; the later values wrap.
    const bits = dt.itemsize * 8;
    const lo = dt.kind === 'u' ? 0n : -(1n << BigInt(bits - 1));
    const hi = (dt.kind === 'u' ? 1n << BigInt(bits) : 1n << BigInt(bits - 1)) - 1n;
    for (const x of n > 1 ? [start, start + step] : [start]) {
      const v = BigInt(Math.trunc(x));
      if (v < lo || v > hi) throw new OverflowError(`Python integer ${v} out of bounds for ${dt.name}`);
    }
  }
  if (n > 1 && fillRampFast(dt, w.bytes, n, start, step)) return out;
  if (dt.kind === 'i' || dt.kind === 'u') {
    const bits = dt.itemsize * 8;
    const wrap = (x: bigint): bigint => (dt.kind === 'i' ? BigInt.asIntN(bits, x) : BigInt.asUintN(bits, x));
    // A C cast of a double: integers wrap into the dtype.
    const first = wrap(BigInt(Math.trunc(start)));
    // (One item needs no second value: start + step may be infinite.)
    const delta = n > 1 ? wrap(BigInt(Math.trunc(start + step))) - first : 0n;
    const big = dt.itemsize === 8;
    for (let i = 0; i < n; i++) {
      const v = wrap(first + BigInt(i) * delta);
      codec.write(w.view, i * dt.itemsize, big ? v : Number(v));
    }
  } else if (dt.kind === 'b') {
    for (let i = 0; i < n; i++) codec.write(w.view, i * dt.itemsize, start + i * step !== 0);
  } else {
    // float16 and float32 (and complex64) compute in single precision, as their C fill loops do.
    const single = dt.itemsize === 2 || dt.itemsize === 4 || (dt.kind === 'c' && dt.itemsize === 8);
    const r = single ? Math.fround : (x: number): number => x;
    const first = dt.itemsize === 2 ? r(float16Value(float16Bits(start))) : r(start);
    const second = dt.itemsize === 2 ? r(float16Value(float16Bits(start + step))) : r(start + step);
    const delta = r(second - first);
    for (let i = 0; i < n; i++) {
      const v = i === 0 ? first : i === 1 ? second : r(first + r(r(i) * delta));
      codec.write(w.view, i * dt.itemsize, v);
    }
  }
  return out;
}

/** Options of {@link ndarray}. */
export interface NdarrayOptions {
  /** Byte offset of element 0 in the buffer (default 0). */
  offset?: number;
  /** Byte strides (default: C-contiguous). */
  strides?: readonly number[];
  /** Treat the memory as read-only (see {@link FromBufferOptions.readonly}). */
  readonly?: boolean;
  /** `'F'` lays the items out F-contiguous when no `strides` are given (default `'C'`). */
  order?: Order;
}

/**
 * NumPy's `ndarray(shape, dtype, buffer, offset, strides, order)`
 * constructor: an array of any layout over a buffer, no copy (`offset`,
 * `strides` and `order` positionally, as NumPy's, or as options; `order`
 * `'F'` lays the items out F-contiguous when no strides are given). Every
 * byte it can address must lie inside the buffer: too small a buffer is
 * NumPy's TypeError, strides that leave it its ValueError. A null buffer
 * gives a new zero-filled array of its own, as NumPy's `ndarray(shape,
 * dtype)` gives a new (uninitialized) one.
 */
export function ndarray<const D extends DTypeLike>(
  shape: number | readonly number[],
  dtype: D,
  buffer: ArrayBufferLike | ArrayBufferView | null,
  offset?: number | NdarrayOptions | null,
  strides?: readonly number[] | NdarrayOptions | null,
  order?: Order | NdarrayOptions | null,
  options?: NdarrayOptions,
): NdArray<ValueOf<D>>;
export function ndarray<const D extends DTypeLike>(shape: number | readonly number[], dtype: D, buffer: ArrayBufferLike | ArrayBufferView | null, options?: NdarrayOptions): NdArray<ValueOf<D>>;
export function ndarray<const D extends DTypeLike>(shape: number | readonly number[], dtype: D, buffer: ArrayBufferLike | ArrayBufferView | null, ...rest: unknown[]): NdArray<ValueOf<D>> {
  // NumPy's positional offset, strides and order (ndarray(shape, dtype, buf, 8, [16])), or the options.
  const options = readKnownOptions(positionalOptions<NdarrayOptions>('ndarray', ['offset', 'strides', 'order'], rest), ['offset', 'strides', 'order', 'readonly'], 'ndarray');
  // NumPy lays out F-contiguous for order 'F' and C for anything else (the order is ignored with strides).
  const fortran = readOrder(options.order, 'C') === 'F';
  if (buffer === null || buffer === undefined) {
    // NumPy's ndarray(shape, dtype) with no buffer: a new array of its own (zero-filled here).
    if (options.strides !== undefined && options.strides !== null) throw new ValueError('strides is incompatible with shape of requested array and size of buffer');
    checkInt(options.offset ?? 0, 'offset');
    return zeros(shape, dtype, fortran ? 'F' : 'C');
  }
  const raw = fromBuffer(buffer, 'u1', { readonly: options.readonly });
  // An unsized 'S' stays S0 here, as in NumPy's np.ndarray(4, 'S') (zeros and empty make S1).
  const dt = toDType(dtype);
  const s = normalizeShape(shape);
  checkNdim(s.length + dt.shape.length);
  const el = dt.shape.length > 0 ? dt.base : dt;
  const fullShape = checkShape([...s, ...dt.shape]);
  const offset = checkInt(options.offset ?? 0, 'offset');
  let strides: number[];
  if (options.strides === undefined || options.strides === null) {
    strides = shapeToStrides(fullShape, el.itemsize, fortran ? 'F' : 'C');
  } else {
    // Copied first (at most one more than needed): the check must see the very values used,
    // whatever the object's length says or its iterator yields.
    const given: unknown[] = [];
    for (const x of options.strides as Iterable<unknown>) {
      given.push(x);
      if (given.length > s.length) break;
    }
    if (given.length !== s.length) throw new ValueError(`strides [${given.join(', ')}] do not match shape ${pyShape(s)}`);
    strides = [...(given as number[]), ...shapeToStrides(dt.shape, el.itemsize, 'C')];
  }
  for (const x of strides) if (!Number.isSafeInteger(x)) throw new TypeError(`strides must hold integers, got ${repr(x)}`);
  const [lo, hi] = byteBounds(offset, fullShape, strides, el.itemsize);
  if (shapeToSize(fullShape) > 0 && (lo < 0 || hi > storageOf(raw).byteLength)) {
    // A view that cannot be, NumPy's classes and text: a TypeError for a buffer too small for
    // the default layout, a ValueError for strides that leave it.
    const where = `bytes [${lo}, ${hi}) of a ${storageOf(raw).byteLength}-byte buffer (shape ${pyShape(fullShape)}, strides [${strides.join(', ')}], offset ${offset})`;
    if (options.strides === undefined || options.strides === null) throw new TypeError(`buffer is too small for requested array: ${where}`);
    throw new ValueError(`strides is incompatible with shape of requested array and size of buffer: ${where}`);
  }
  return makeArray({ storage: storageOf(raw), dtype: el, shape: fullShape, strides, offset, base: null, writeable: !options.readonly, ownData: false });
}

/** A new array of ones (`true` for bool, `b'1'` for bytes, every field 1 for records), NumPy's `ones`. */
export function ones<const D extends DTypeLike = 'f8'>(shape: number | readonly number[], dtype: D = 'f8' as D, order: 'C' | 'F' = 'C'): NdArray<ValueOf<D>> {
  const a = zeros(shape, dtype, order);
  a.fill(1);
  return a;
}

/**
 * NumPy's `full`: a new array with every element `fillValue` (a scalar, or
 * a list or array broadcast to `shape`). Without `dtype` the dtype is the
 * one {@link array} discovers for `fillValue` (`full(3, 2)` is int64,
 * `full(3, 2.5)` float64); with one, the value is cast as NumPy's unsafe
 * `copyto` (`full(3, 2.5, 'i4')` holds 2, `full(3, { re: 1, im: 2 }, 'i4')`
 * holds 1; an integer out of the dtype's range is still NumPy's OverflowError).
 */
export function full<const D extends DTypeLike>(shape: number | readonly number[], fillValue: unknown, dtype: D, order?: 'C' | 'F'): NdArray<ValueOf<D>>;
export function full(shape: number | readonly number[], fillValue: unknown, dtype?: DTypeLike | null, order?: 'C' | 'F'): NdArray;
export function full(shape: number | readonly number[], fillValue: unknown, dtype?: DTypeLike | null, order: 'C' | 'F' = 'C'): NdArray {
  const dt = dtype === undefined || dtype === null ? discoverDType(fillValue) : dtype;
  const a = zeros(shape, dt, order) as NdArray;
  fillUnsafe(a, fillValue);
  return a;
}


/** `fill` for a scalar, a broadcasting `set` for a list or an array. */
function fillWith(a: NdArray, value: unknown): void {
  if (Array.isArray(value) || value instanceof ArrayClass) a.set(value as never);
  else a.fill(value);
}

/** Options of {@link zerosLike}, {@link onesLike}, {@link emptyLike}, {@link fullLike}. */
export interface LikeOptions {
  /** The result's dtype (default: the prototype's). */
  dtype?: DTypeLike | null;
  /**
   * Memory order: `'K'` (default) keeps the prototype's axis order in the
   * result's strides, `'A'` is F for an F-contiguous prototype, else C.
   */
  order?: Order | null;
  /** `false`: a plain NdArray even when the prototype is a subclass such as a Memmap (default true: its class). */
  subok?: boolean;
  /** The result's shape (default: the prototype's); the `'K'` order applies when it has as many axes. */
  shape?: number | readonly number[] | null;
}

/**
 * NumPy's PyArray_NewLikeArray axis order for 'K' (outermost first): C for a
 * C-contiguous (or 0/1-d) prototype, F for an F-contiguous one, else the
 * axes by |stride| descending, ties in axis order (PyArray_CreateSortedStridePerm,
 * raw strides: a 0 stride sorts innermost, unlike nditer's order).
 */
function likeOrder(a: NdArray): number[] {
  const axes = [...a.shape.keys()];
  const f = a.flags;
  if (f.cContiguous || a.ndim <= 1) return axes;
  if (f.fContiguous) return axes.reverse();
  return axes.sort((i, j) => Math.abs(a.strides[j]) - Math.abs(a.strides[i]) || i - j);
}

/**
 * The options of a `…Like` call: NumPy's positional `dtype, order, subok,
 * shape` (`zeros_like(a, 'i4', 'F')`) or one options object in the dtype's
 * place, read once; a later positional argument beside options is Python's
 * "got multiple values".
 */
function likeOptions(name: string, dtypeOrOptions: unknown, rest: readonly unknown[]): LikeOptions {
  const given = positionalOptions<LikeOptions>(name, ['dtype', 'order', 'subok', 'shape'], [dtypeOrOptions, ...rest]);
  return readKnownOptions<LikeOptions, 'dtype' | 'order' | 'subok' | 'shape'>(given, ['dtype', 'order', 'subok', 'shape'], name);
}

/** zerosLike's work, under the public call's name. */
function newLike(name: string, proto: unknown, o: LikeOptions): NdArray {
  // NumPy's prototype is array_like: a list is what array() makes of it.
  const a = proto instanceof ArrayClass ? proto : array(proto);
  requireOpen(a);
  let dt = o.dtype === undefined || o.dtype === null ? a.dtype : toDType(o.dtype);
  if (dt.kind === 'S' && dt.itemsize === 0 && !dt.isStructured && dt.shape.length === 0) dt = toDType('S1');
  const shape = o.shape === undefined || o.shape === null ? [...a.shape] : normalizeShape(o.shape);
  const order = readOrder(o.order, 'K');
  if (o.subok !== undefined && typeof o.subok !== 'boolean') throw new TypeError(`${name}(): subok must be a boolean, got ${repr(o.subok)}`);
  const f = a.flags;
  let out: NdArray;
  if (dt.shape.length > 0 || order === 'C' || (order === 'A' && !(f.fContiguous && !f.cContiguous)) || (order === 'K' && shape.length !== a.ndim)) {
    out = zeros(shape, dt, 'C') as NdArray;
  } else if (order === 'F' || order === 'A') {
    out = zeros(shape, dt, 'F') as NdArray;
  } else {
    checkNdim(shape.length);
    out = allocateOrdered(dt, checkShape(shape), likeOrder(a));
  }
  return o.subok === false ? out : asClassOf(a, out);
}

/**
 * NumPy's `zeros_like(a, dtype=None, order='K', subok=True, shape=None)`:
 * zeros of `a`'s shape and dtype (or the ones asked for), laid out in `a`'s
 * memory order by default. The result keeps `a`'s class, as NumPy's
 * `subok=True` does (a Memmap prototype gives a Memmap with no file). The
 * arguments after `a` positionally, as NumPy's, or as one options object.
 *
 * @example
 * zerosLike(a, 'i4', 'F'); // or zerosLike(a, { dtype: 'i4', order: 'F' })
 */
export function zerosLike<T>(a: NdArray<T>, options?: LikeOptions & { dtype?: undefined }): NdArray<T>;
export function zerosLike<const D extends DTypeLike>(a: NdArray, options: LikeOptions & { dtype: D }): NdArray<ValueOf<D>>;
export function zerosLike<const D extends DTypeLike>(a: NdArray, dtype: D, order?: Order | null, subok?: boolean, shape?: number | readonly number[] | null): NdArray<ValueOf<D>>;
export function zerosLike(a: NdArray, options?: LikeOptions | DTypeLike | null, order?: Order | null, subok?: boolean, shape?: number | readonly number[] | null): NdArray;
export function zerosLike(a: NdArray, options?: LikeOptions | DTypeLike | null, ...rest: unknown[]): NdArray {
  return newLike('zerosLike', a, likeOptions('zerosLike', options, rest));
}

/** NumPy's `empty_like` (here: zeros, as {@link empty}); the arguments of {@link zerosLike}. */
export function emptyLike<T>(a: NdArray<T>, options?: LikeOptions & { dtype?: undefined }): NdArray<T>;
export function emptyLike<const D extends DTypeLike>(a: NdArray, options: LikeOptions & { dtype: D }): NdArray<ValueOf<D>>;
export function emptyLike<const D extends DTypeLike>(a: NdArray, dtype: D, order?: Order | null, subok?: boolean, shape?: number | readonly number[] | null): NdArray<ValueOf<D>>;
export function emptyLike(a: NdArray, options?: LikeOptions | DTypeLike | null, order?: Order | null, subok?: boolean, shape?: number | readonly number[] | null): NdArray;
export function emptyLike(a: NdArray, options?: LikeOptions | DTypeLike | null, ...rest: unknown[]): NdArray {
  return newLike('emptyLike', a, likeOptions('emptyLike', options, rest));
}

/** NumPy's `ones_like`: {@link zerosLike} filled with ones (its arguments too). */
export function onesLike<T>(a: NdArray<T>, options?: LikeOptions & { dtype?: undefined }): NdArray<T>;
export function onesLike<const D extends DTypeLike>(a: NdArray, options: LikeOptions & { dtype: D }): NdArray<ValueOf<D>>;
export function onesLike<const D extends DTypeLike>(a: NdArray, dtype: D, order?: Order | null, subok?: boolean, shape?: number | readonly number[] | null): NdArray<ValueOf<D>>;
export function onesLike(a: NdArray, options?: LikeOptions | DTypeLike | null, order?: Order | null, subok?: boolean, shape?: number | readonly number[] | null): NdArray;
export function onesLike(a: NdArray, options?: LikeOptions | DTypeLike | null, ...rest: unknown[]): NdArray {
  const out = newLike('onesLike', a, likeOptions('onesLike', options, rest));
  out.fill(1);
  return out;
}

/**
 * NumPy's `full_like(a, fill_value, dtype=None, order='K', subok=True,
 * shape=None)`: {@link zerosLike} filled with `fillValue`, cast unsafely
 * into the dtype (`fullLike(intArray, 2.5)` holds 2).
 */
export function fullLike<T>(a: NdArray<T>, fillValue: unknown, options?: LikeOptions & { dtype?: undefined }): NdArray<T>;
export function fullLike<const D extends DTypeLike>(a: NdArray, fillValue: unknown, options: LikeOptions & { dtype: D }): NdArray<ValueOf<D>>;
export function fullLike<const D extends DTypeLike>(a: NdArray, fillValue: unknown, dtype: D, order?: Order | null, subok?: boolean, shape?: number | readonly number[] | null): NdArray<ValueOf<D>>;
export function fullLike(a: NdArray, fillValue: unknown, options?: LikeOptions | DTypeLike | null, order?: Order | null, subok?: boolean, shape?: number | readonly number[] | null): NdArray;
export function fullLike(a: NdArray, fillValue: unknown, options?: LikeOptions | DTypeLike | null, ...rest: unknown[]): NdArray {
  const out = newLike('fullLike', a, likeOptions('fullLike', options, rest));
  fillUnsafe(out, fillValue);
  return out;
}

/**
 * NumPy's `copyto(out, fillValue, casting='unsafe')`, how `full` and
 * `fullLike` store their value: {@link fillWith}, except where NumPy's
 * unsafe cast stores what a plain fill refuses.
 */
function fillUnsafe(out: NdArray, fillValue: unknown): void {
  // NumPy's copyto(res, fill_value, casting='unsafe'): a float (finite or not) goes into
  // integers (or records) through the float64 cast (-2.5 into uint32 is 4294967294; inf or NaN
  // its C-undefined value, NumPy's warning),
  // a complex into real items through the complex128 cast (the imaginary part dropped),
  // not fill's OverflowError or TypeError.
  const nonFinite = typeof fillValue === 'number' && !Number.isInteger(fillValue) && 'iuV'.includes(out.dtype.kind);
  // A list holding a complex counts too (NumPy's array of it is complex128), but not for a
  // record with a field named re or im, which reads { re, im } as its fields.
  const names = out.dtype.names ?? [];
  const complex = out.dtype.kind !== 'c' && !names.includes('re') && !names.includes('im') && holdsComplex(fillValue);
  if (nonFinite || complex) {
    out.set((complex ? array(fillValue, 'c16') : full([], fillValue, 'f8')).astype(out.dtype, { casting: 'unsafe' }));
    return;
  }
  // Records take a number as NumPy's np.asarray of it casts into each field unsafely: a float
  // through float64, an integer through int64 (uint64 from 2^63), so -129 wraps in a uint32
  // field; an integer past uint64 is NumPy's OverflowError. Was fill's OverflowError (fuzz 9001717).
  if (out.dtype.isStructured && (typeof fillValue === 'bigint' || typeof fillValue === 'number')) {
    // -0 is the float -0.0 (promote.ts weakKind): its sign reaches float fields (fuzz seed 9391777).
    const isInt = typeof fillValue === 'bigint' || (Number.isInteger(fillValue) && !Object.is(fillValue, -0));
    const big = isInt ? BigInt(fillValue) : 0n;
    if (isInt && (big < -(2n ** 63n) || big >= 2n ** 64n)) throw new OverflowError('Python int too large to convert to C long');
    const from = !isInt ? full([], fillValue, 'f8') : big >= 2n ** 63n ? full([], big, 'u8') : full([], big, 'i8');
    out.set(from.astype(out.dtype, { casting: 'unsafe' }));
    return;
  }
  fillWith(out, fillValue);
}

/**
 * NumPy's `eye`: an `n` × `m` array (default square) with ones on the
 * diagonal `k` (positive: above the main one) and zeros elsewhere; float64
 * by default.
 */
export function eye<const D extends DTypeLike = 'f8'>(n: number, m?: number | null, k = 0, dtype: D = 'f8' as D, order: 'C' | 'F' = 'C'): NdArray<ValueOf<D>> {
  const rows = checkInt(n, 'N', -Infinity);
  const cols = m === undefined || m === null ? rows : checkInt(m, 'M', -Infinity);
  const diag = checkInt(k, 'k', -Infinity);
  const out = zeros([rows, cols], dtype, order) as NdArray;
  const one = zeros([], out.dtype) as NdArray;
  one.fill(1);
  const v = one.get();
  for (let r = Math.max(0, -diag); r < rows && r + diag < cols; r++) out.set([r, r + diag], v as never);
  return out as NdArray<ValueOf<D>>;
}

/** NumPy's `identity`: the `n` × `n` identity matrix, {@link eye}`(n)`. */
export function identity<const D extends DTypeLike = 'f8'>(n: number, dtype: D = 'f8' as D): NdArray<ValueOf<D>> {
  return eye(n, null, 0, dtype);
}
