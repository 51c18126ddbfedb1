/**
 * Array coercion: NumPy's `np.array` / `np.asarray` from JS values
 * (numpy/_core/src/multiarray/array_coercion.c).
 *
 * Two phases, as NumPy's: discover the shape and the dtype by one
 * depth-first walk, then allocate and store every leaf (C order).
 *
 * Shape discovery is NumPy's `update_shape`: the first path down fixes the
 * shape; a later list of another length, a scalar above the deepest level
 * or a list below it makes the input ragged, and the dimensions that still
 * agree are reported in NumPy's ValueError ("inhomogeneous shape after N
 * dimensions"). An NdArray (or a typed array) inside a list is a block of
 * its own shape.
 *
 * Dtype discovery, JS values standing for Python scalars (README "Values:
 * where JavaScript differs"): an integer-valued number (not -0) or a bigint
 * is an `int` (int64; uint64 past int64's maximum; for a bigint, an
 * OverflowError past uint64 or below int64, where NumPy would make an object
 * array; a number that large is a `float`); any other number is a `float`
 * (float64); a boolean is a `bool`; `{ re, im }` is a
 * `complex` (complex128); a string or a Uint8Array is `bytes` (`S<n>`,
 * mmarray has no `U` dtype). Arrays bring their dtype; all are combined
 * with NumPy's promotion (`promoteTypes`), so `[1, 2.5, true]` is float64
 * and `[-1, 2n ** 63n]` float64. Bytes with numbers give NumPy's `S21`
 * (int), `S32` (float), `S5` (bool), `S64` (complex) at least.
 *
 * Records: with a structured dtype, a plain object is a record, and so is a
 * JS array of the field count whose items fit the fields (an item that is a
 * list only where the field is a subarray or a nested record): JS has no
 * tuple, so this is the one place a list is not a dimension.
 * @module
 */
import { dtype as toDType, type DType, type DTypeLike } from './dtype';
import { AccessError, OverflowError, ValueError, repr } from './errors';
import { pyShape } from './format';
import { MAXDIMS } from './layout';
import { allocate, describeNonArray, requireOpen, NdArray as ArrayClass } from './internal';
import { WINDOW_BYTES } from './storage';
import type { NdArray } from './ndarray';
import { readOrder, type Order } from './order';
import { canCast, promoteTypes } from './promote';
import { readValues, writeValues } from './compute-values';
import { copyAs } from './copy';
import { positionalOptions, readKnownOptions } from './options';
import type { ValueOf } from './value-types';
import { isWholeRecordList } from './record-value';

/** Options of {@link array}. */
export interface ArrayOptions {
  /**
   * Memory order of the result: `'C'`, `'F'`, or (NumPy's default) `'K'`,
   * which keeps an NdArray input's order and makes C for lists; `'A'` is F
   * for an F-contiguous input, else C.
   */
  order?: Order;
  /**
   * `true` (default): always a new array. `false`: the input NdArray itself,
   * and a ValueError when a copy cannot be avoided (NumPy 2). `null`: copy
   * only when needed ({@link asarray}).
   */
  copy?: boolean | null;
  /**
   * NumPy's `ndmin`: the least number of axes of the result; length-1 axes
   * are put in front until it has that many (a view of the array made).
   */
  ndmin?: number;
}

const INT64 = toDType('<i8');
const UINT64 = toDType('<u8');
const FLOAT64 = toDType('<f8');
const COMPLEX128 = toDType('<c16');
const BOOL = toDType('|b1');
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** The dtype of a typed array (not Uint8Array: that is `bytes`). */
const TYPED: Record<string, string> = {
  Int8Array: '|i1', Uint8ClampedArray: '|u1', Int16Array: '<i2', Uint16Array: '<u2', Int32Array: '<i4', Uint32Array: '<u4',
  Float32Array: '<f4', Float64Array: '<f8', BigInt64Array: '<i8', BigUint64Array: '<u8',
};

/** The walk's state: NumPy's out_shape, max_dims and flags. */
interface Discovery {
  shape: number[];
  maxDims: number;
  /** MAX_DIMS_WAS_REACHED: a scalar or an array fixed the depth. */
  reached: boolean;
  ragged: boolean;
  /** Leaf values in C order (an array's values spread), when `collect`. */
  leaves: unknown[];
  collect: boolean;
  /** The dtype the scalars and arrays seen so far promote to (null: none yet). */
  found: DType | null;
  /** Longest bytes/string seen, and the least `S` size the numbers seen need (NumPy's str() widths). */
  bytesLen: number;
  numberBytes: number;
  hasBytes: boolean;
  hasNumbers: boolean;
  structured: DType | null;
  /** An NdArray or typed array was met (its values are among the leaves). */
  blocks: boolean;
  /** A number past 2**53 was met (stored as a bigint leaf, not as given). */
  unsafeInts: boolean;
  /** The dtype asked for (null: discovered). */
  given: DType | null;
}

function isComplex(v: object): boolean {
  const keys = Object.keys(v);
  return keys.length === 2 && typeof (v as { re?: unknown }).re === 'number' && typeof (v as { im?: unknown }).im === 'number';
}

/** Is the JS array `v` a record (a Python tuple) of the structured dtype `dt`? */
function isRecordTuple(v: readonly unknown[], dt: DType): boolean {
  const names = dt.names!;
  if (v.length !== names.length || isWholeRecordList(v, dt)) return false;
  for (let i = 0; i < v.length; i++) {
    const f = dt.fields![names[i]].dtype;
    if (Array.isArray(v[i]) && f.shape.length === 0 && !f.isStructured) return false;
  }
  return true;
}

/** NumPy's update_shape: false when the input is ragged here. */
function updateShape(d: Discovery, curr: number, newShape: readonly number[], sequence: boolean): boolean {
  let ok = true;
  let newNdim = newShape.length;
  if (curr + newNdim > d.maxDims) {
    ok = false;
    newNdim = d.maxDims - curr;
  } else if (!sequence && d.maxDims !== curr + newNdim) {
    d.maxDims = curr + newNdim;
    if (d.reached) ok = false;
  }
  for (let i = 0; i < newNdim; i++) {
    if (!d.reached) {
      d.shape[curr + i] = newShape[i];
    } else if (newShape[i] !== d.shape[curr + i]) {
      ok = false;
      if (!sequence) d.maxDims -= newNdim - i;
      else d.maxDims = curr;
      break;
    }
  }
  if (!sequence) d.reached = true;
  return ok;
}

function promoteInto(d: Discovery, dt: DType): void {
  d.found = d.found === null ? dt : promoteTypes(d.found, dt);
}

/** The Python `int` a JS integer stands for, as NumPy discovers it: int64, else uint64. */
function intType(v: bigint): DType {
  if (v >= INT64_MIN && v <= INT64_MAX) return INT64;
  if (v >= 0n && v <= UINT64_MAX) return UINT64;
  throw new OverflowError(`Python integer ${v} out of bounds for int64 and uint64 (NumPy would make an object array; mmarray has no object dtype)`);
}

/** A scalar leaf: its dtype joins the discovered one, its value the leaves. */
function scalar(d: Discovery, v: unknown, curr: number): void {
  if (!updateShape(d, curr, NO_DIMS, false)) d.ragged = true;
  if (d.collect) d.leaves.push(v);
  if (d.structured !== null) return;
  switch (typeof v) {
    case 'boolean':
      d.hasNumbers = true;
      d.numberBytes = Math.max(d.numberBytes, 5);
      return promoteInto(d, BOOL);
    case 'number':
      if (d.collect) d.leaves.pop();
      numbers(d, [v], 0, 1);
      return;
    case 'bigint':
      d.hasNumbers = true;
      d.numberBytes = Math.max(d.numberBytes, 21);
      return promoteInto(d, intType(v));
    case 'string':
      d.hasBytes = true;
      d.bytesLen = Math.max(d.bytesLen, v.length);
      return;
    default:
      if (v instanceof Uint8Array) {
        d.hasBytes = true;
        d.bytesLen = Math.max(d.bytesLen, v.length);
        return;
      }
      if (v !== null && typeof v === 'object' && isComplex(v)) {
        d.hasNumbers = true;
        d.numberBytes = Math.max(d.numberBytes, 64);
        return promoteInto(d, COMPLEX128);
      }
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
        // A Proxy of an array (or an object made from its prototype) is no array: say so,
        // not "is a record" (lexsort, insert, pad, reduceat... of one; found by adversarial pass 6).
        if (inheritsArray(v)) throw new TypeError(`array(): cannot make an array of ${describeNonArray(v)}`);
        throw new TypeError(`array(): ${repr(v)} is a record; give a structured dtype for records (mmarray has no object dtype)`);
      }
      throw new TypeError(`array(): cannot make an array element of ${repr(v)} (expected a number, bigint, boolean, { re, im }, string, Uint8Array, list or NdArray)`);
  }
}

/** Whether `v` has the array class's prototype in its chain (without running a Proxy's code past getPrototypeOf; a throwing trap: no). */
function inheritsArray(v: object): boolean {
  try {
    return Object.prototype.isPrototypeOf.call(ArrayClass.prototype, v);
  } catch {
    return false;
  }
}

/** An NdArray or typed-array leaf: a block of its shape and dtype. */
function block(d: Discovery, dt: DType, shape: readonly number[], values: () => unknown[], curr: number): void {
  if (!updateShape(d, curr, shape, false)) {
    d.ragged = true;
    return;
  }
  d.blocks = true;
  if (d.collect) for (const x of values()) d.leaves.push(x);
  if (d.structured === null) {
    if (dt.kind === 'S' && !dt.isStructured) {
      d.hasBytes = true;
      d.bytesLen = Math.max(d.bytesLen, dt.itemsize);
    } else {
      promoteInto(d, dt);
    }
  }
}

/**
 * Numbers `v[from]…` up to the first non-number, as leaves (one shape check
 * was made by the caller); returns where it stopped. An integer-valued number
 * is an int (not -0); one past int64 and uint64 is a float: no integer dtype
 * holds it, and a JS number that large was never an exact int.
 */
function numbers(d: Discovery, v: readonly unknown[], from: number, end: number): number {
  let ints = false;
  let big = false;
  let floats = false;
  let i = from;
  const leaves = d.leaves;
  const collect = d.collect;
  for (; i < end; i++) {
    const x = v[i];
    if (typeof x !== 'number') break;
    if (Number.isInteger(x) && (x !== 0 || 1 / x > 0) && x >= -(2 ** 63) && x < 2 ** 64) {
      if (x >= 2 ** 63) big = true;
      else ints = true;
      // Stored as the exact int it is (a 64-bit item refuses an unsafe number).
      if (!Number.isSafeInteger(x)) d.unsafeInts = true;
      if (collect) leaves.push(Number.isSafeInteger(x) ? x : BigInt(x));
    } else {
      floats = true;
      if (collect) leaves.push(x);
    }
  }
  if (i > from && d.structured === null) {
    d.hasNumbers = true;
    if (ints) promoteInto(d, INT64);
    if (big) promoteInto(d, UINT64);
    if (ints || big) d.numberBytes = Math.max(d.numberBytes, 21);
    if (floats) {
      promoteInto(d, FLOAT64);
      d.numberBytes = Math.max(d.numberBytes, 32);
    }
  }
  return i;
}

function visit(d: Discovery, v: unknown, curr: number): void {
  if (v instanceof ArrayClass) {
    requireOpen(v);
    block(d, v.dtype, v.shape, () => readValues(v), curr);
    return;
  }
  if (ArrayBuffer.isView(v) && !(v instanceof Uint8Array) && !(v instanceof DataView)) {
    const spec = TYPED[v.constructor.name];
    if (spec === undefined) throw new TypeError(`array(): no dtype for a ${v.constructor.name}`);
    const ta = v as unknown as ArrayLike<unknown> & { values(): unknown };
    if (ta.length === 0) {
      // A detached buffer reads as length 0; only values() tells it apart from an empty one.
      try {
        ta.values();
      } catch {
        throw new AccessError('ERR_CLOSED', `array(): the ${v.constructor.name}'s ArrayBuffer was detached (transferred to a worker, or released)`);
      }
    }
    block(d, toDType(spec), [ta.length], () => Array.from(ta), curr);
    return;
  }
  if (!Array.isArray(v) || (d.structured !== null && isRecordTuple(v, d.structured))) {
    scalar(d, v, curr);
    return;
  }
  // The length is read once: a Proxy or a getter that changes it while the
  // walk runs cannot make the leaves disagree with the shape.
  const n = v.length;
  if (!Number.isSafeInteger(n) || n < 0) throw new TypeError(`array(): a list's length must be a non-negative integer, got ${repr(n)}`);
  if (!updateShape(d, curr, [n], true)) {
    d.ragged = true;
    return;
  }
  if (n === 0) {
    d.reached = true;
    d.maxDims = curr + 1;
    return;
  }
  tooMany(d, curr + 1, typeof v[0] === 'number');
  let i = 0;
  if (typeof v[0] === 'number') {
    // A list of numbers (the usual innermost level): the shape is checked
    // once, as the first scalar would; the others at the same depth change nothing.
    if (!updateShape(d, curr + 1, NO_DIMS, false)) d.ragged = true;
    i = numbers(d, v, 0, n);
  }
  for (; i < n; i++) visit(d, v[i], curr + 1);
}

const NO_DIMS: readonly number[] = [];

/**
 * Refuses, before the walk reads them, lists whose first `depth` lengths
 * already make a result larger than an array in memory can be (4 GiB,
 * {@link MemoryStorage.allocate}'s limit): a Proxy claiming 2^32 items
 * would otherwise be walked item by item for minutes, its leaves filling
 * the heap, before the allocation says no. `numbers`: the items are numbers,
 * so without a dtype asked the result's items are at least 8 bytes
 * (int64, uint64, float64, or an `S` of 21 or more).
 */
function tooMany(d: Discovery, depth: number, numbers: boolean): void {
  let items = 1;
  for (let k = 0; k < depth; k++) items *= d.shape[k];
  const itemsize = d.given !== null ? Math.max(1, d.given.itemsize) : numbers ? 8 : 1;
  if (items * itemsize > WINDOW_BYTES) {
    throw new RangeError(
      `array(): input of shape ${pyShape(d.shape.slice(0, depth))} + ... makes ${items} items of ${itemsize} bytes or more; an array in memory holds at most 4 GiB (a mapped file holds any size: createNpy, then set() in parts)`,
    );
  }
}

/** Shape, leaves and discovered dtype of `values`; NumPy's ValueErrors for ragged or too deep input. */
function discover(values: unknown, structured: DType | null, collect: boolean, given: DType | null = null): Discovery {
  const d: Discovery = {
    given,
    shape: [], maxDims: MAXDIMS, reached: false, ragged: false, leaves: [], collect, found: null,
    bytesLen: 0, numberBytes: 0, hasBytes: false, hasNumbers: false, structured, blocks: false, unsafeInts: false,
  };
  visit(d, values, 0);
  if (d.ragged) {
    if (d.maxDims === MAXDIMS) {
      throw new ValueError(`setting an array element with a sequence. The requested array would exceed the maximum number of dimension of ${MAXDIMS}.`);
    }
    throw new ValueError(
      `setting an array element with a sequence. The requested array has an inhomogeneous shape after ${d.maxDims} dimensions. The detected shape was ${pyShape(d.shape.slice(0, d.maxDims))} + inhomogeneous part.`,
    );
  }
  d.shape.length = d.maxDims;
  return d;
}

/** The dtype NumPy discovers for the values walked (float64 when there are none). */
function discoveredType(d: Discovery): DType {
  if (d.hasBytes) {
    // Numbers with bytes become their text: NumPy's widths of str(int), str(float), ...
    return toDType(`S${Math.max(1, d.bytesLen, d.hasNumbers || d.found !== null ? d.numberBytes : 0)}`);
  }
  return d.found ?? FLOAT64;
}

/** The Python `str()` length of a value stored into an unsized `S`. */
function textLength(v: unknown): number {
  if (typeof v === 'string' || v instanceof Uint8Array) return v.length;
  if (typeof v === 'boolean') return v ? 4 : 5;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v).length;
  return 1;
}

function noCopy(): never {
  throw new ValueError('Unable to avoid copy while creating an array as requested. Use asarray(x) (copy: null) to allow a copy when needed.');
}

/** An NdArray input: itself, or a copy of `dt` in `order` (plain NdArray, as NumPy's subok=False). */
function fromArray(a: NdArray, dt: DType, order: Order, copy: boolean | null): NdArray {
  requireOpen(a);
  if (copy !== true) {
    const f = a.flags;
    const laidOut = order === 'K' || (order === 'A' && (f.cContiguous || f.fContiguous)) || (order === 'C' && f.cContiguous) || (order === 'F' && f.fContiguous);
    if (laidOut && dt.shape.length === 0 && dt.equals(a.dtype)) return a;
    if (copy === false) noCopy();
  }
  // A subarray dtype adds axes, an unsized S/V takes its size from the input: astype's rules.
  if (dt.shape.length > 0 || dt.itemsize === 0) return a.astype(dt, { order }) as NdArray;
  return copyAs(a, dt, order);
}

const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Nested lists of JS numbers into a new float64 or int64 array (in this
 * host's byte order): each innermost list stored by a plain typed-array loop,
 * where set() builds a temporary array through a DataView and copies it
 * (10M numbers: see bench W20C's array() rows). Discovery has already
 * checked the shape, so every list at depth k has shape[k] items. False
 * (perhaps part written; set() then writes every item again) at the first
 * item that is not a number, or for int64 not a safe integer: set() has the
 * conversions of the rest.
 */
function storeNumbers(out: NdArray, values: unknown[]): boolean {
  const dt = out.dtype;
  const f8 = dt.kind === 'f' && dt.itemsize === 8;
  if (!LITTLE_ENDIAN_HOST || !dt.littleEndian || out.ndim === 0 || out.size === 0 || !(f8 || (dt.kind === 'i' && dt.itemsize === 8))) return false;
  const buf = out.buffer as ArrayBuffer;
  // int64 as pairs of 32-bit words (lo unsigned, hi signed): no BigInt per item.
  const t = new Float64Array(buf, out.byteOffset, out.size);
  const lo = new Uint32Array(buf, out.byteOffset, out.size * 2);
  const hi = new Int32Array(buf, out.byteOffset, out.size * 2);
  const depth = out.ndim - 1;
  const shape = out.shape;
  let p = 0;
  const walk = (list: unknown[], k: number): boolean => {
    // Each length read once and held to the discovered shape: a list a getter
    // grew or shrank since discovery goes to set(), which names the problem.
    if (!Array.isArray(list)) return false;
    const n = list.length;
    if (n !== shape[k]) return false;
    if (k < depth) {
      for (let i = 0; i < n; i++) if (!walk(list[i] as unknown[], k + 1)) return false;
      return true;
    }
    if (f8) {
      for (let i = 0; i < n; i++) {
        const x = list[i];
        if (typeof x !== 'number') return false;
        t[p++] = x;
      }
      return true;
    }
    for (let i = 0; i < n; i++) {
      const x = list[i];
      if (typeof x !== 'number' || !Number.isSafeInteger(x)) return false;
      const h = Math.floor(x / 4294967296);
      lo[2 * p] = x - h * 4294967296;
      hi[2 * p + 1] = h;
      p++;
    }
    return true;
  };
  return walk(values, 0);
}

/**
 * A typed array given alone, into its own dtype: one copy of its bytes
 * (TypedArray.prototype.set of a byte view is a memmove), where the general
 * walk would spread it into a JS array of leaves and store them one by one
 * (10M float64: see bench W20's array() rows). Null for anything else.
 */
function typedBlock(values: unknown, dt: DType | null): NdArray | null {
  if (!ArrayBuffer.isView(values) || values instanceof Uint8Array || values instanceof DataView) return null;
  const spec = TYPED[values.constructor.name];
  if (spec === undefined) return null;
  const own = toDType(spec);
  if (dt !== null && !dt.equals(own)) return null;
  const n = (values as unknown as ArrayLike<unknown>).length;
  // A detached buffer reads as length 0: the general walk tells it from an empty array (ERR_CLOSED).
  if (n === 0) return null;
  const out = allocate(own, [n], 'C', true);
  new Uint8Array(out.buffer as ArrayBuffer, out.byteOffset, values.byteLength).set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  return out;
}

/**
 * NumPy's `np.array`: a new array from nested JS lists, scalars, typed
 * arrays or NdArrays (a list of NdArrays stacks them).
 *
 * Without `dtype` the dtype is discovered as NumPy's from Python scalars
 * (see the module notes and README "Values: where JavaScript differs"):
 * `array([1, 2])` is int64 (values read back as bigint), `array([1, 2.5])`
 * float64, `array([1, true])` int64, `array(['ab'])` `S2`. An unsized `'S'`
 * gets the longest item's length. With a structured dtype, objects and
 * field-count arrays are records.
 *
 * @param values a scalar (gives a 0-d array), a nested list, a typed array or an NdArray
 * @param dtype the result's dtype; values are converted as `set()` converts them
 * @param options `order` (default `'K'`) and `copy` (default `true`)
 * @throws ValueError for ragged input (NumPy's "inhomogeneous shape" message), nesting past 64 dimensions, or `copy: false` when a copy is needed
 * @throws OverflowError for an integer outside int64 and uint64, or one that does not fit `dtype`
 * @throws TypeError for a value that has no dtype (null, undefined, a record without a structured dtype)
 * @throws RangeError past 4 GiB (as {@link zeros})
 */
export function array<const D extends DTypeLike>(values: unknown, dtype: D, options?: ArrayOptions): NdArray<ValueOf<D>>;
export function array(values: unknown, dtype?: DTypeLike | null, options?: ArrayOptions): NdArray;
export function array(values: unknown, dtype?: DTypeLike | null, options: ArrayOptions = {}): NdArray {
  const o = readKnownOptions(options, ['order', 'copy', 'ndmin'], 'array');
  const ndmin = o.ndmin ?? 0;
  if (typeof ndmin !== 'number' || !Number.isSafeInteger(ndmin)) throw new TypeError(`array(): ndmin must be an integer, got ${repr(ndmin)}`);
  if (ndmin > MAXDIMS) throw new ValueError(`ndmin must be <= ndmax (${MAXDIMS})`);
  const r = arrayOf(values, dtype, o);
  // NumPy's _prepend_ones: a view of the new array (or of the input, for copy: false) with length-1 axes in front.
  return r.ndim >= ndmin ? r : r.reshape([...new Array<number>(ndmin - r.ndim).fill(1), ...r.shape]);
}

function arrayOf(values: unknown, dtype: DTypeLike | null | undefined, o: ArrayOptions): NdArray {
  const order = readOrder(o.order, 'K');
  const copy = o.copy === undefined ? true : o.copy;
  // NumPy refuses a string with its own ValueError (np.array(a, copy='always')); other non-booleans are a TypeError here.
  if (typeof copy === 'string') throw new ValueError("strings are not allowed for 'copy' keyword. Use True/False/None instead.");
  if (copy !== true && copy !== false && copy !== null) throw new TypeError(`copy must be true, false or null, got ${repr(copy)}`);
  let dt = dtype === undefined || dtype === null ? null : toDType(dtype);
  if (values instanceof ArrayClass) return fromArray(values, dt ?? values.dtype, order, copy);
  if (copy === false) noCopy();
  const typed = typedBlock(values, dt);
  if (typed !== null) return typed;
  const structured = dt !== null && dt.isStructured ? dt : dt !== null && dt.shape.length > 0 && dt.base.isStructured ? dt.base : null;
  // The leaves are collected only when set() cannot store the lists as given
  // (records, subarray dtypes, or, found on the walk, arrays and ints past 2**53).
  const listsAsGiven = structured === null && (dt === null || dt.shape.length === 0);
  let d = discover(values, structured, !listsAsGiven, dt);
  if (dt === null) {
    dt = discoveredType(d);
  } else if (dt.kind === 'S' && dt.itemsize === 0 && !dt.isStructured && dt.shape.length === 0) {
    if (!d.collect) d = discover(values, structured, true, dt);
    let n = 1;
    for (const v of d.leaves) n = Math.max(n, textLength(v));
    dt = toDType(`S${n}`);
  }
  const el = dt.shape.length > 0 ? dt.base : dt;
  const shape = [...d.shape, ...dt.shape];
  const out = allocate(el, shape);
  if (listsAsGiven && !d.blocks && !d.unsafeInts && el.kind !== 'c' && Array.isArray(values)) {
    // Plain nested lists: set() stores them with the same conversions, on its
    // fast paths (not complex: set() reads a [re, im] pair as one value).
    if (!storeNumbers(out, values)) out.set(values as never);
    if (order === 'F' && shape.length > 1) return copyAs(out, el, 'F');
    return out;
  }
  if (listsAsGiven && d.blocks && !d.unsafeInts && Array.isArray(values) && storeBlocks(out, values)) {
    if (order === 'F' && shape.length > 1) return copyAs(out, el, 'F');
    return out;
  }
  if (!d.collect) d = discover(values, structured, true, dt);
  if (dt.shape.length > 0) {
    // A subarray dtype adds its axes; each value fills its subarray, as NumPy
    // broadcasts it (a broadcasting set: no JS list of every item, which for
    // '(100000000,)f8' would be 10^8 slots of heap).
    const items = allocate(el, d.shape);
    writeValues(items, d.leaves);
    out.set(items.reshape([...d.shape, ...dt.shape.map(() => 1)]) as never);
  } else {
    writeValues(out, d.leaves);
  }
  if (order === 'F' && shape.length > 1) return copyAs(out, el, 'F');
  return out;
}

/**
 * A list whose leaves are all NdArrays (discovery checked the shapes),
 * stored block by block with set()'s native copy; false at the first leaf
 * that is not an NdArray castable to `out`'s dtype under 'safe' (exact
 * values: what the general walk stores too), which then redoes the whole
 * of `out`. The walk collected every item as a JS value first: array([b])
 * of a 2^31-item bool view was 2^31 heap values and aborted the process
 * (piecewise's conditions), and 16M items took 3.7 s instead of 20 ms.
 */
function storeBlocks(out: NdArray, v: unknown): boolean {
  if (v instanceof ArrayClass) {
    if (!canCast(v.dtype, out.dtype, 'safe') || v.ndim !== out.ndim) return false;
    out.set(v);
    return true;
  }
  if (!Array.isArray(v) || out.ndim === 0) return false;
  const n = v.length;
  if (n !== out.shape[0]) return false;
  for (let i = 0; i < n; i++) if (!storeBlocks(out.index(i), v[i])) return false;
  return true;
}

/** The options of {@link asarray}: NumPy's `order` and `copy`. */
export interface AsarrayOptions {
  /** The memory order asked (default `'K'`: the input's when it is an array). */
  order?: Order;
  /** `null` (default): copy only when needed; `true`: always; `false`: never (NumPy 2's ValueError when a copy is needed). */
  copy?: boolean | null;
}

/**
 * NumPy's `np.asarray`: {@link array} with `copy: null` (or the `copy` given), so an NdArray that
 * already has `dtype` (and the order asked) is returned itself.
 */
export function asarray<const D extends DTypeLike>(values: unknown, dtype: D, order?: Order | AsarrayOptions | null, options?: AsarrayOptions): NdArray<ValueOf<D>>;
export function asarray(values: unknown, dtype?: DTypeLike | null, order?: Order | AsarrayOptions | null, options?: AsarrayOptions): NdArray;
export function asarray(values: unknown, dtype?: DTypeLike | null, ...rest: unknown[]): NdArray {
  // NumPy's positional order (asarray(x, 'f4', 'F')), or { order, copy } (copy is keyword-only).
  const o = readKnownOptions(positionalOptions<AsarrayOptions>('asarray', ['order'], rest), ['order', 'copy'], 'asarray');
  return array(values, dtype, { order: o.order ?? 'K', copy: o.copy ?? null });
}

/**
 * True when `value` is a complex scalar (`{ re, im }`) or a nested list
 * holding one: a value `array` would make complex.
 */
export function holdsComplex(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(holdsComplex);
  return value !== null && typeof value === 'object' && !(value instanceof ArrayClass) && isComplex(value);
}

/** The dtype `array(value)` would have (NumPy's `full` infers its dtype so). */
export function discoverDType(value: unknown): DType {
  if (value instanceof ArrayClass) return value.dtype;
  return discoveredType(discover(value, null, false));
}
