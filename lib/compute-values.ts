/**
 * Element values for the index, sort and reduction ops (reduce-axis.ts,
 * fancy.ts, sort.ts, join.ts): reading an array's elements in C order as the
 * values its codec decodes (number, bigint for 64-bit ints, boolean,
 * `{re, im}`, records, bytes), NumPy's arithmetic per loop dtype, NumPy's
 * sort order (NaN last; complex by real then imaginary part; records field by
 * field), and the layout NumPy gives new arrays (its iterator's 'K' order).
 * @internal
 * @module
 */
import { getHeapStatistics } from 'v8';
import { dtype as toDType, type DType } from './dtype';
import { MemoryError } from './errors';
import { float16Bits, float16Value } from './dtype/float16';
import { forEachOffset } from './iterate';
import { iterationOrder, shapeToSize } from './layout';
import { allocate, codecOf, makeArray, requireOpen, storageOf, NdArray as ArrayClass } from './internal';
import type { NdArray } from './ndarray';

/** A complex value as codecs read it. */
export interface Complex {
  re: number;
  im: number;
}

/** The most items a JS array can hold. */
const MAX_JS_LIST = 2 ** 32 - 1;

/** Every element of `a` in C index order, as its codec decodes them. */
export function readValues(a: NdArray): unknown[] {
  requireOpen(a);
  const n = shapeToSize(a.shape);
  // A JS array holds at most 2^32 - 1 items (V8's bare "Invalid array length"
  // otherwise): a broadcast view of 2^40 items is refused by its size, as
  // NumPy's MemoryError refuses the result it cannot allocate.
  if (n > MAX_JS_LIST) {
    throw new RangeError(`cannot read ${n} items (shape (${a.shape.join(', ')}), ${a.dtype.str}) into memory: the values of at most ${MAX_JS_LIST} items fit in a JS list`);
  }
  // Nor past what the JS heap can hold: V8 ends the process when it runs out
  // (a 2^31-item index array given to insert or deleteItems was read into a
  // list until it did). A lower bound per item, so only what surely cannot fit.
  if (n >= 1 << 20) {
    const kind = a.dtype.kind;
    const per = kind === 'c' ? 56 : a.dtype.itemsize === 8 && (kind === 'i' || kind === 'u') ? 32 : 8;
    const h = getHeapStatistics();
    const free = h.heap_size_limit - h.used_heap_size;
    if (n * per > free) {
      throw new MemoryError(`cannot read ${n} items (shape (${a.shape.join(', ')}), ${a.dtype.str}) into a JS list: at least ${n * per} bytes of JS heap, more than the ${free} left (node --max-old-space-size raises it)`);
    }
  }
  const out = new Array<unknown>(n);
  const codec = codecOf(a);
  const at = storageOf(a).cursor(a.itemsize);
  let i = 0;
  forEachOffset(a.shape, a.strides, a.offset, (off) => {
    const w = at(off);
    out[i++] = codec.read(w.view, off - w.start);
  });
  return out;
}

/** Storage offsets of every element of `a` in C index order. */
export function offsetsOf(a: NdArray): number[] {
  const out = new Array<number>(shapeToSize(a.shape));
  let i = 0;
  forEachOffset(a.shape, a.strides, a.offset, (off) => {
    out[i++] = off;
  });
  return out;
}

/** Writes `values` (C index order, already in `a.dtype`'s stored form) into `a`. */
export function writeValues(a: NdArray, values: readonly unknown[]): void {
  const codec = codecOf(a);
  const at = storageOf(a).cursor(a.itemsize);
  let i = 0;
  forEachOffset(a.shape, a.strides, a.offset, (off) => {
    const w = at(off);
    codec.store(w.view, off - w.start, codec.convert(values[i++]) as never);
  });
}

/** The dtype with this host's byte order (NumPy's results of computations are native). */
export function nativeOf(dt: DType): DType {
  return dt.isnative ? dt : dt.newbyteorder('=');
}

/**
 * NumPy's 'K' iteration order of one operand (outermost axis first): larger
 * |stride| outside; length-1 axes and 0 strides decide nothing.
 */
export function kOrder(shape: readonly number[], strides: readonly number[]): number[] {
  return iterationOrder(strides.map((s, i) => (shape[i] === 1 ? 0 : s)));
}

/**
 * A new array of `shape` whose axes are packed in `order` (outermost first):
 * zeroed, or with `uninitialized` of any content (the caller stores every item).
 */
export function allocateOrdered(dt: DType, shape: readonly number[], order: readonly number[], uninitialized = false): NdArray {
  const out = allocate(dt, shape, 'C', uninitialized);
  if (shapeToSize(shape) === 0 || shape.length < 2) return out;
  const strides = new Array<number>(shape.length).fill(0);
  let s = dt.itemsize;
  for (let k = order.length - 1; k >= 0; k--) {
    strides[order[k]] = s;
    s *= shape[order[k]];
  }
  return makeArray({ storage: storageOf(out), dtype: dt, shape: [...shape], strides, offset: 0, base: null, writeable: true, ownData: true });
}

/** A new C-contiguous array of `dt` holding `values` (stored form of `dt`). */
export function fromValues(dt: DType, shape: readonly number[], values: readonly unknown[]): NdArray {
  const out = allocate(dt, shape);
  writeValues(out, values);
  return out;
}

/**
 * A new 0-d array of `dt` holding `v` (stored form of `dt`): the result of a
 * full reduction, stored through the dtype's codec, without `set()`'s
 * broadcasting front (about 1 µs of a small call).
 */
export function scalarArray(dt: DType, v: unknown): NdArray {
  const out = allocate(dt, []);
  dt.codec.write(storageOf(out).single!.view, 0, v);
  return out;
}

export const INTP: DType = toDType('<i8');
export const BOOL: DType = toDType('|b1');
export const FLOAT64: DType = toDType('<f8');

/** NumPy's truth value of one element (one home: cast.ts). */
export { isNonZero } from './cast';

/** Rounding of a float result into the loop dtype (float16 computes in float32 and rounds once at the store). */
export function floatRound(dt: DType): (x: number) => number {
  if (dt.itemsize === 8 || (dt.kind === 'c' && dt.itemsize === 16)) return (x) => x;
  if (dt.itemsize === 2) return (x) => float16Value(float16Bits(x));
  return Math.fround;
}

/** NumPy's arithmetic in one loop dtype over stored-form values. */
export interface Arith {
  zero: unknown;
  one: unknown;
  add(a: unknown, b: unknown): unknown;
  mul(a: unknown, b: unknown): unknown;
}

function wrapInt(bits: number, signed: boolean): (x: number) => number {
  if (bits === 32) return signed ? (x) => x | 0 : (x) => x >>> 0;
  const m = 2 ** bits;
  const half = m / 2;
  return signed ? (x) => ((((x + half) % m) + m) % m) - half : (x) => ((x % m) + m) % m;
}

/** The arithmetic of `dt` (bool: or / and; ints wrap; floats round per step; complex by parts). */
export function arithOf(dt: DType): Arith {
  const k = dt.kind;
  if (k === 'b') return { zero: false, one: true, add: (a, b) => (a as boolean) || (b as boolean), mul: (a, b) => (a as boolean) && (b as boolean) };
  if ((k === 'i' || k === 'u') && dt.itemsize === 8) {
    const w = k === 'i' ? (x: bigint): bigint => BigInt.asIntN(64, x) : (x: bigint): bigint => BigInt.asUintN(64, x);
    return { zero: 0n, one: 1n, add: (a, b) => w((a as bigint) + (b as bigint)), mul: (a, b) => w((a as bigint) * (b as bigint)) };
  }
  if (k === 'i' || k === 'u') {
    const bits = dt.itemsize * 8;
    const w = wrapInt(bits, k === 'i');
    const mul =
      bits === 32
        ? k === 'i'
          ? (a: unknown, b: unknown): number => Math.imul(a as number, b as number)
          : (a: unknown, b: unknown): number => Math.imul(a as number, b as number) >>> 0
        : (a: unknown, b: unknown): number => w((a as number) * (b as number));
    return { zero: 0, one: 1, add: (a, b) => w((a as number) + (b as number)), mul };
  }
  if (k === 'f') {
    const r = dt.itemsize === 8 ? (x: number): number => x : Math.fround;
    return { zero: 0, one: 1, add: (a, b) => r((a as number) + (b as number)), mul: (a, b) => r((a as number) * (b as number)) };
  }
  if (k === 'c') {
    const r = dt.itemsize === 16 ? (x: number): number => x : Math.fround;
    return {
      zero: { re: 0, im: 0 },
      one: { re: 1, im: 0 },
      add: (a, b) => ({ re: r((a as Complex).re + (b as Complex).re), im: r((a as Complex).im + (b as Complex).im) }),
      mul: (a, b) => {
        const x = a as Complex;
        const y = b as Complex;
        return { re: r(r(x.re * y.re) - r(x.im * y.im)), im: r(r(x.re * y.im) + r(x.im * y.re)) };
      },
    };
  }
  throw new TypeError(`no arithmetic for dtype ${dt.str}`);
}

/**
 * NumPy's pairwise summation order (blocks of 8 accumulators, halves split
 * at multiples of 8 above 128 elements) of `n` values `get(i)` under `add`.
 */
export function pairwise(get: (i: number) => unknown, lo: number, n: number, add: (a: unknown, b: unknown) => unknown, zero: unknown): unknown {
  if (n < 8) {
    let res = zero;
    for (let i = 0; i < n; i++) res = add(res, get(lo + i));
    return res;
  }
  if (n <= 128) {
    const r = new Array<unknown>(8);
    for (let j = 0; j < 8; j++) r[j] = get(lo + j);
    const end = n - (n % 8);
    let i = 8;
    for (; i < end; i += 8) for (let j = 0; j < 8; j++) r[j] = add(r[j], get(lo + i + j));
    let res = add(add(add(r[0], r[1]), add(r[2], r[3])), add(add(r[4], r[5]), add(r[6], r[7])));
    for (; i < n; i++) res = add(res, get(lo + i));
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return add(pairwise(get, lo, n2, add, zero), pairwise(get, lo + n2, n - n2, add, zero));
}

/**
 * NumPy's pairwise sum of `n` complex items (CFLOAT/CDOUBLE_pairwise_sum),
 * which counts 2n parts: under 4 items one by one from -0; up to 64 in four
 * interleaved accumulators per part, joined as (r0 + r2) + (r4 + r6), then
 * the rest one by one; above that split in halves of a multiple of 4 items.
 * `round` is the part's precision (Math.fround for complex64).
 */
export function pairwiseComplex(get: (i: number) => Complex, lo: number, n: number, round: (x: number) => number): Complex {
  if (n < 4) {
    let re = -0;
    let im = -0;
    for (let i = 0; i < n; i++) {
      const c = get(lo + i);
      re = round(re + c.re);
      im = round(im + c.im);
    }
    return { re, im };
  }
  if (n <= 64) {
    const r = new Array<number>(8);
    for (let j = 0; j < 4; j++) {
      const c = get(lo + j);
      r[2 * j] = c.re;
      r[2 * j + 1] = c.im;
    }
    const end = n - (n % 4);
    let i = 4;
    for (; i < end; i += 4) {
      for (let j = 0; j < 4; j++) {
        const c = get(lo + i + j);
        r[2 * j] = round(r[2 * j] + c.re);
        r[2 * j + 1] = round(r[2 * j + 1] + c.im);
      }
    }
    let re = round(round(r[0] + r[2]) + round(r[4] + r[6]));
    let im = round(round(r[1] + r[3]) + round(r[5] + r[7]));
    for (; i < n; i++) {
      const c = get(lo + i);
      re = round(re + c.re);
      im = round(im + c.im);
    }
    return { re, im };
  }
  const half = (n - (n % 8)) / 2;
  const a = pairwiseComplex(get, lo, half, round);
  const b = pairwiseComplex(get, lo + half, n - half, round);
  return { re: round(a.re + b.re), im: round(a.im + b.im) };
}

// ------------------------------------------------------------- ordering

/** NaN-last order of numbers (NumPy's sort order; ±0 tie). */
export function compareNumber(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === b) return 0;
  const an = a !== a;
  const bn = b !== b;
  return an === bn ? 0 : an ? 1 : -1;
}

function compareComplex(a: Complex, b: Complex): number {
  // NumPy: [R + Rj, R + nanj, nan + Rj, nan + nanj], each group ordered by its non-NaN parts.
  const ga = (a.re !== a.re ? 2 : 0) + (a.im !== a.im ? 1 : 0);
  const gb = (b.re !== b.re ? 2 : 0) + (b.im !== b.im ? 1 : 0);
  if (ga !== gb) return ga - gb;
  if (ga === 0) return compareNumber(a.re, b.re) || compareNumber(a.im, b.im);
  if (ga === 1) return compareNumber(a.re, b.re);
  if (ga === 2) return compareNumber(a.im, b.im);
  return 0;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** NumPy's ordering of stored-form values of `dt`; `order` lists record fields compared first; `inRecord`: `dt` is a record field's (float16 NaN first there). */
export function comparatorOf(dt: DType, order?: readonly string[], inRecord = false): (a: unknown, b: unknown) => number {
  if (dt.isStructured) {
    const names = dt.names as readonly string[];
    const first = order ?? [];
    const seq = [...first, ...names.filter((n) => !first.includes(n))];
    const cmps = seq.map((n) => [n, comparatorOf(dt.fields![n].dtype, undefined, true)] as const);
    return (a, b) => {
      const x = a as Record<string, unknown>;
      const y = b as Record<string, unknown>;
      for (const [n, c] of cmps) {
        const r = c(x[n], y[n]);
        if (r !== 0) return r;
      }
      return 0;
    };
  }
  if (dt.subdtype !== null) {
    // NumPy's VOID_compare orders a subarray field by its raw bytes (memcmp),
    // not item by item: a '<f4' (3,) field [0.5, …] sorts after [-0.78, …]
    // when its low byte is larger. Re-encode both values and compare bytes
    // (a NaN's payload is the one thing the round trip may not keep).
    const codec = dt.codec;
    const size = dt.itemsize;
    const scratch = new Uint8Array(2 * size);
    const dv = new DataView(scratch.buffer);
    return (a, b) => {
      codec.write(dv, 0, a);
      codec.write(dv, size, b);
      for (let i = 0; i < size; i++) if (scratch[i] !== scratch[size + i]) return scratch[i] - scratch[size + i];
      return 0;
    };
  }
  switch (dt.kind) {
    case 'b':
      return (a, b) => Number(a) - Number(b);
    case 'i':
    case 'u':
      return dt.itemsize === 8 ? (a, b) => ((a as bigint) < (b as bigint) ? -1 : (a as bigint) > (b as bigint) ? 1 : 0) : (a, b) => (a as number) - (b as number);
    case 'f':
      // A float16 field of a record compares by NumPy's HALF_compare, which puts NaN
      // first (its float/double compares put it last); plain float16 arrays sort NaN last.
      if (inRecord && dt.itemsize === 2) return (a, b) => (a !== a ? (b !== b ? 0 : -1) : b !== b ? 1 : compareNumber(a as number, b as number));
      return (a, b) => compareNumber(a as number, b as number);
    case 'c':
      return (a, b) => compareComplex(a as Complex, b as Complex);
    default:
      return (a, b) => compareBytes(a as Uint8Array, b as Uint8Array);
  }
}

/** True when a value holds a NaN (complex: either part). */
export function isNaNValue(v: unknown): boolean {
  if (typeof v === 'number') return v !== v;
  if (v !== null && typeof v === 'object' && 're' in v) return (v as Complex).re !== (v as Complex).re || (v as Complex).im !== (v as Complex).im;
  return false;
}

/** An index value (number, bigint or bool from an index array) as a JS number. */
export function toIndex(v: unknown): number {
  return typeof v === 'bigint' ? Number(v) : (v as number);
}

/** True for an NdArray (an array operand rather than a scalar or list). */
export function isNdArray(v: unknown): v is NdArray {
  return v instanceof ArrayClass;
}
