/**
 * Sorting and grouping with NumPy's semantics: `sort` (a copy, or in place),
 * `argsort`, `searchsorted`, `unique` (with counts and the inverse) and
 * `bincount`.
 *
 * Every sort is stable (NumPy's `kind='stable'`), in NumPy's order: NaN
 * last; complex numbers by real part, then imaginary part, NaNs last; records
 * field by field (`order` names the fields compared first, the others break
 * ties in their dtype order); bytes lexicographically. Float arrays sort by
 * an LSD radix pass over order-preserving integer keys (+0 and −0 share a
 * key and keep their input order, every NaN gets the largest key), which is
 * stable and linear; other dtypes use a comparison merge sort.
 * @module
 */
import { inspect } from 'util';
import { dtype as toDType, type DType } from './dtype';
import { makeCaster } from './cast';
import { ValueError, describeValue, quoteInput, repr } from './errors';
import { Slice } from './indexing';
import { normalizeAxis } from './layout';
import { asClassOf, readOnlyError, requireOpen, writeFlagOf, NdArray as ArrayClass } from './internal';
import type { NdArray } from './ndarray';
import { copyAs } from './copy';
import { makeArray } from './internal';
import { MemoryStorage } from './storage';
import type { Complex } from './value-types';
import { allocateOrdered, comparatorOf, FLOAT64, fromValues, INTP, isNaNValue, readValues, toIndex, writeValues } from './compute-values';
import { indicesOf, int64From, int64Into, typedLayout } from './typed-reader';
import { argsortNative, binsLength, bincountNative, newBins, searchsortedNative } from './index-kernels';
import { sortLanesNative, uniqueKernel, uniqueNativeArgs, type UniqueArgs, type UniqueBuffers } from './sort-kernels';
import { fieldSequence, recordArgsortNative, recordLanesSortNative, recordSortNative } from './record-sort';
import { isSwapped } from './kernels';
import { optionsWithAxisArgs, positionalOptions, readKnownOptions } from './options';
import { weakKind } from './promote';
import { uniqueAlongAxis } from './unique-axis';
import { splitNans } from './unique-nans';

/** Options of {@link sort} and {@link argsort}. */
export interface SortOptions {
  /** The axis to sort along (default -1); null sorts the flattened array. */
  axis?: number | null;
  /** Record fields to compare first (structured dtypes only): one name or a list of names, as NumPy's `order`. */
  order?: string | readonly string[];
  /**
   * NumPy's `kind`: `'quicksort'`, `'heapsort'`, `'mergesort'` or
   * `'stable'` (NumPy reads the first letter, either case). Every sort here
   * is stable, which meets each kind's contract (same sorted values; the
   * order of ties is the stable one). Anything else is NumPy's ValueError.
   */
  kind?: string | null;
  /** NumPy's `stable`: accepted (every sort is stable); not with `kind` (NumPy's ValueError). */
  stable?: boolean | null;
}

/** Checks `kind` / `stable` as NumPy's sort keyword parsing does. */
function checkKind(options: SortOptions): void {
  const { kind, stable } = options;
  if (kind !== undefined && kind !== null) {
    if (typeof kind !== 'string') throw new TypeError(`sort kind must be str, not ${typeof kind}`);
    if (!'qhms'.includes(kind.charAt(0).toLowerCase()) || kind === '') throw new ValueError(`sort kind must be one of 'quick', 'heap', or 'stable' (got ${repr(kind)})`);
    if (stable !== undefined && stable !== null) throw new ValueError("`kind` and keyword parameters can't be provided at the same time. Use only one of them.");
  }
}

/** The options of sort, sortInPlace and argsort, each read once (lib/options.ts); `order` copied, so the caller's list cannot change under the call. */
function sortOptions(options: SortOptions | undefined, name = 'sort'): ReadSortOptions {
  const o = readKnownOptions(options, ['axis', 'order', 'kind', 'stable'], name) as SortOptions;
  if (typeof o.order === 'string') o.order = [o.order];
  else if (o.order !== undefined && o.order !== null && typeof o.order === 'object') o.order = Array.from(o.order);
  return o as ReadSortOptions;
}

/** SortOptions as read: `order` a list of names. */
type ReadSortOptions = Omit<SortOptions, 'order'> & { order?: readonly string[] };

function checkOrder(dt: DType, order: readonly string[] | undefined): void {
  if (order === undefined) return;
  if (dt.names === null) throw new ValueError('Cannot specify order when the array has no fields.');
  const seen = new Set<string>();
  for (const n of order) {
    // NumPy's words (the name as it is, not quoted; a long one cut).
    if (!dt.names.includes(n)) throw new ValueError(`unknown field name: ${quoteInput(String(n), (s) => s)}`);
    if (seen.has(n)) throw new ValueError(`duplicate field name: ${quoteInput(n, (s) => s)}`);
    seen.add(n);
  }
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HI = LITTLE ? 1 : 0;
const LO = LITTLE ? 0 : 1;

/** Below this many keys {@link radixArgsort} sorts by comparison. */
const RADIX_MIN_KEYS = 2048;

/**
 * Stable argsort of numbers in NumPy's order (NaN last, ±0 equal): LSD radix
 * over 64-bit order-preserving keys in four 16-bit passes.
 */

export function radixArgsort(vals: ArrayLike<number>): Uint32Array {
  const n = vals.length;
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let x = vals[i];
    if (x !== x) {
      hi[i] = 0xffffffff;
      lo[i] = 0xffffffff;
      continue;
    }
    if (x === 0) x = 0;
    f64[0] = x;
    const h = u32[HI];
    const l = u32[LO];
    if (h & 0x80000000) {
      hi[i] = ~h >>> 0;
      lo[i] = ~l >>> 0;
    } else {
      hi[i] = (h | 0x80000000) >>> 0;
      lo[i] = l;
    }
  }
  // Keys travel with their indices: every pass reads sequentially and scatters.
  let idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  // A pass clears and scans 65536 counters: below a few thousand keys a
  // comparison sort costs less (10 keys took 300-800 µs). Stable, as the
  // radix passes: ties keep index order.
  if (n < RADIX_MIN_KEYS) {
    return Uint32Array.from(Array.from(idx).sort((i, j) => hi[i] - hi[j] || lo[i] - lo[j] || i - j));
  }
  let tIdx = new Uint32Array(n);
  let tHi = new Uint32Array(n);
  let tLo = new Uint32Array(n);
  let cHi = hi;
  let cLo = lo;
  const count = new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass < 2 ? cLo : cHi;
    const shift = (pass & 1) * 16;
    count.fill(0);
    for (let i = 0; i < n; i++) count[(word[i] >>> shift) & 0xffff]++;
    // Skip a pass whose digit is the same everywhere.
    let skip = false;
    for (let d = 0; d < 65536; d++) {
      if (count[d] === n) skip = true;
      if (count[d] !== 0) break;
    }
    if (skip) continue;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = count[d];
      count[d] = sum;
      sum += c;
    }
    const last = pass === 3;
    for (let i = 0; i < n; i++) {
      const dst = count[(word[i] >>> shift) & 0xffff]++;
      tIdx[dst] = idx[i];
      if (!last) {
        tHi[dst] = cHi[i];
        tLo[dst] = cLo[i];
      }
    }
    let t = idx;
    idx = tIdx;
    tIdx = t;
    t = cHi;
    cHi = tHi;
    tHi = t;
    t = cLo;
    cLo = tLo;
    tLo = t;
  }
  return idx;
}

/** Stable argsort of the values of one lane. */
function argsortValues(vals: unknown[], dt: DType, order?: readonly string[]): ArrayLike<number> {
  if ((dt.kind === 'f' || ((dt.kind === 'i' || dt.kind === 'u') && dt.itemsize < 8) || dt.kind === 'b') && !dt.isStructured && dt.subdtype === null) {
    return radixArgsort(dt.kind === 'b' ? vals.map(Number) : (vals as number[]));
  }
  const cmp = comparatorOf(dt, order);
  const idx = Array.from(vals.keys());
  // Array.prototype.sort is stable (ES2019).
  idx.sort((i, j) => cmp(vals[i], vals[j]) || i - j);
  return idx;
}

/** Calls fn(lane) for each 1-d lane of `a` along `axis`, in C order of the other axes. */
function forEachLane(a: NdArray, axis: number, fn: (lane: NdArray, k: number) => void): void {
  const perm = [...Array(a.ndim).keys()].filter((i) => i !== axis);
  const outer = perm.map((i) => a.shape[i]);
  const total = outer.reduce((p, q) => p * q, 1);
  const idx = new Array<number>(outer.length).fill(0);
  for (let k = 0; k < total; k++) {
    const items: (number | null)[] = [];
    let t = 0;
    for (let i = 0; i < a.ndim; i++) items.push(i === axis ? null : idx[t++]);
    fn(a.index(...items.map((x) => (x === null ? laneSlice : x))), k);
    for (let d = outer.length - 1; d >= 0; d--) {
      if (++idx[d] < outer[d]) break;
      idx[d] = 0;
    }
  }
}

const laneSlice = new Slice();

/** Sorts `a` in place along `axis` (the lanes' values rewritten in sorted order). */
function sortLanes(a: NdArray, axis: number, order?: readonly string[]): void {
  if (a.size === 0) return;
  if (sortLanesNative(a, axis, a, false)) return;
  if (a.ndim === 1 && a.dtype.isStructured && recordSortNative(a, fieldSequence(a.dtype, order))) return;
  if (a.ndim > 1 && a.dtype.isStructured && recordLanesSortNative(a, axis, fieldSequence(a.dtype, order), null)) return;
  const fast = a.ndim === 1 && a.dtype.kind === 'f' ? typedLayout(a) : null;
  if (fast !== null && fast.strides[0] === 1) {
    const arr = fast.array as Float64Array | Float32Array;
    const view = arr.subarray(fast.start, fast.start + a.size);
    const copy = view.slice();
    const idx = radixArgsort(copy);
    for (let i = 0; i < idx.length; i++) view[i] = copy[idx[i]];
    return;
  }
  // float16 items move as their bits: a value round trip would make every NaN's payload the default one.
  // Records move whole, the bytes between and after their fields too (NumPy's sort copies items).
  const bits = a.dtype.kind === 'f' && a.itemsize === 2 ? a.dtype.str.replace('f', 'u') : a.dtype.isStructured ? `|V${a.itemsize}` : null;
  forEachLane(a, axis, (lane) => {
    const vals = readValues(lane);
    const idx = argsortValues(vals, a.dtype, order);
    if (bits === null) writeValues(lane, Array.from(idx, (i) => vals[i]));
    else {
      const raw = lane.view(bits);
      const b = readValues(raw);
      writeValues(raw, Array.from(idx, (i) => b[i]));
    }
  });
}

/**
 * NumPy sorts bool items by their byte (npy_bool is an unsigned char): bytes
 * other than 0 and 1 order among the true ones and keep their value, so bool
 * sorts run on the uint8 view of the same memory.
 */
function asBytes(a: NdArray): NdArray {
  return a.view('|u1');
}
const isBool = (a: NdArray): boolean => a.dtype.kind === 'b' && !a.dtype.isStructured;

/**
 * NumPy's `sort(a, axis, kind='stable', order)`: a sorted copy laid out like
 * the input (`axis` null: the flattened array). A 0-d array is an AxisError.
 */
export function sort(a: NdArray, axis?: number | null, kind?: SortOptions['kind'] | null, order?: SortOptions['order'] | null): NdArray;
export function sort(a: NdArray, axisArg?: number | null | SortOptions, given?: SortOptions): NdArray;
export function sort(a: NdArray, axisArg?: number | null | SortOptions, ...more: unknown[]): NdArray {
  // NumPy's positional kind and order after the axis, or the options.
  const options = sortOptions(optionsWithAxisArgs<number | null, SortOptions>('sort', ['kind', 'order'], axisArg, more));
  requireOpen(a);
  checkKind(options);
  checkOrder(a.dtype, options.order);
  if (isBool(a)) return asClassOf(a, sort(asBytes(a), options).view(a.dtype));
  const axis = options.axis === undefined ? -1 : options.axis;
  if (axis === null) {
    const flat = copyAs(a.reshape(-1), a.dtype, 'C');
    sortLanes(flat, 0, options.order);
    return flat;
  }
  const ax = normalizeAxis(axis, a.ndim);
  if (a.size > 0 && options.order === undefined) {
    // The kernel sorts straight into a new array laid out as copyAs's 'K'
    // copy would be (NumPy's PyArray_NewLikeArray), with no copy first.
    const out = allocateOrdered(a.dtype, a.shape, kOrder(a), true);
    if (sortLanesNative(a, ax, out, false)) return out;
  }
  const c = copyAs(a, a.dtype, 'K');
  sortLanes(c, ax, options.order);
  return c;
}

/** The axes of `a`, outermost first, in NumPy's 'K' order (lib/copy.ts kStrides): by |stride|, largest first, stable. */
function kOrder(a: NdArray): number[] {
  const axes = [...Array(a.ndim).keys()];
  if (a.ndim <= 1 || a.flags.cContiguous) return axes;
  if (a.flags.fContiguous) return axes.reverse();
  return axes.sort((x, y) => Math.abs(a.strides[y]) - Math.abs(a.strides[x]));
}

/** NumPy's `a.sort(axis, kind='stable', order)`: sorts `a` in place (`axis` null is a TypeError, as in NumPy). */
export function sortInPlace(a: NdArray, axis?: number | null | SortOptions, ...more: unknown[]): void {
  const options = sortOptions(optionsWithAxisArgs<number | null, SortOptions>('sort', ['kind', 'order'], axis, more));
  requireOpen(a);
  // NumPy checks the axis and the order before the writeable flag (a read-only 0-d array is an AxisError).
  if (options.axis === null) throw new TypeError("'NoneType' object cannot be interpreted as an integer");
  checkKind(options);
  const ax = normalizeAxis(options.axis ?? -1, a.ndim);
  checkOrder(a.dtype, options.order);
  if (!writeFlagOf(a)) throw readOnlyError(a, 'sort array is read-only');
  sortLanes(isBool(a) ? asBytes(a) : a, ax, options.order);
}

/** NumPy's `argsort(a, axis, kind='stable', order)`: int64 indices (C-contiguous); a 0-d array gives `[0]`. */
export function argsort(a: NdArray, axis?: number | null, kind?: SortOptions['kind'] | null, order?: SortOptions['order'] | null): NdArray;
export function argsort(a: NdArray, axisArg?: number | null | SortOptions, given?: SortOptions): NdArray;
export function argsort(a: NdArray, axisArg?: number | null | SortOptions, ...more: unknown[]): NdArray {
  // NumPy's positional kind and order after the axis, or the options.
  const options = sortOptions(optionsWithAxisArgs<number | null, SortOptions>('argsort', ['kind', 'order'], axisArg, more), 'argsort');
  requireOpen(a);
  checkKind(options);
  checkOrder(a.dtype, options.order);
  if (isBool(a)) return argsort(asBytes(a), options);
  const axis = options.axis === undefined ? -1 : options.axis;
  if (a.ndim === 0) {
    if (axis !== null) normalizeAxis(axis, 1);
    return fromValues(INTP, [1], [0n]);
  }
  if (axis === null) return argsort(a.reshape(-1), { order: options.order });
  const ax = normalizeAxis(axis, a.ndim);
  // Every path below stores every index.
  const r = allocateOrdered(INTP, a.shape, [...a.shape.keys()], true);
  if (a.size === 0) return r;
  if (sortLanesNative(a, ax, r, true)) return r;
  const byFields = a.ndim === 1 && a.dtype.isStructured ? recordArgsortNative(a, fieldSequence(a.dtype, options.order)) : null;
  if (byFields !== null) return int64From(a.shape, byFields);
  if (a.ndim > 1 && a.dtype.isStructured && recordLanesSortNative(a, ax, fieldSequence(a.dtype, options.order), r)) return r;
  const fast = a.ndim === 1 && a.dtype.kind === 'f' ? typedLayout(a) : null;
  if (fast !== null) {
    const src = fast.array as Float64Array;
    const vals = new Float64Array(a.size);
    for (let i = 0, p = fast.start; i < vals.length; i++, p += fast.strides[0]) vals[i] = src[p];
    int64Into(r, radixArgsort(vals));
    return r;
  }
  // The lanes of r as views (a reshape of r's transpose would copy when the
  // axis is not the first or last).
  const targets: NdArray[] = [];
  forEachLane(r, ax, (lane) => targets.push(lane));
  forEachLane(a, ax, (lane, k) => {
    const idx = argsortValues(readValues(lane), a.dtype, options.order);
    writeValues(targets[k], Array.from(idx, (i) => BigInt(i)));
  });
  return r;
}

/** Options of {@link searchsorted}. */
export interface SearchsortedOptions {
  /** 'left' (default): the first position where v fits; 'right': the last. */
  side?: 'left' | 'right';
  /** A 1-d integer array of `a`'s length that sorts `a` (as `argsort(a)` gives): `a` is searched as `a[sorter]`. */
  sorter?: NdArray;
}

/** A comparison of a value of `a` with a searched value, in the promoted kind of both. */
function crossComparator(adt: DType, vdt: DType | null, sample: unknown): (x: unknown, y: unknown) => number {
  const complex = adt.kind === 'c' || vdt?.kind === 'c' || (sample !== null && typeof sample === 'object' && 're' in (sample as object));
  const toC = (v: unknown): Complex => (v !== null && typeof v === 'object' && 're' in (v as object) ? (v as Complex) : { re: Number(v), im: 0 });
  if (complex) {
    const c = comparatorOf(COMPLEX128);
    return (x, y) => c(toC(x), toC(y));
  }
  if (adt.isStructured || adt.kind === 'S' || adt.kind === 'V') return comparatorOf(adt);
  const big = (adt.kind === 'i' || adt.kind === 'u') && adt.itemsize === 8 && (vdt === null ? typeof sample === 'bigint' : (vdt.kind === 'i' || vdt.kind === 'u') && vdt.itemsize === 8);
  if (big) return (x, y) => (BigInt(x as bigint) < BigInt(y as bigint) ? -1 : BigInt(x as bigint) > BigInt(y as bigint) ? 1 : 0);
  const num = comparatorOf(FLOAT64);
  return (x, y) => num(Number(x), Number(y));
}

const COMPLEX128 = toDType('<c16');

/**
 * A scalar key of searchsorted, copied once: an object's coercion (valueOf,
 * getters) would run the caller's code between the binary search's reads,
 * after the closed check.
 */
function scalarKey(v: number | bigint | boolean | Complex): number | bigint | boolean | Complex {
  const c = typeof v === 'object' && v !== null ? { re: (v as Complex).re, im: (v as Complex).im } : v;
  if (weakKind(c) === null) throw new TypeError(`searchsorted: v must be an NdArray, a number, a bigint, a boolean or a { re, im } complex, got ${repr(v)}`);
  return c;
}

/** The Python type NumPy's object comparison names for an item of `dt`, or of a scalar key. */
function pyTypeName(x: DType | number | bigint | boolean | Complex): string {
  if (x instanceof Object && 'kind' in x) return x.isStructured ? 'tuple' : ({ b: 'bool', i: 'int', u: 'int', f: 'float', c: 'complex' } as Record<string, string>)[x.kind] ?? 'bytes';
  const k = weakKind(x);
  return k === 'b' ? 'bool' : k === 'i' ? 'int' : k === 'f' ? 'float' : 'complex';
}

/**
 * Records searched for plain numbers, or numbers for records: NumPy's common
 * dtype is `object`, and its binary search compares a tuple with a number,
 * Python's TypeError (none when either side is empty: nothing is compared).
 */
function mixedRecordCheck(a: NdArray, v: NdArray | number | bigint | boolean | Complex): void {
  const vdt = v instanceof ArrayClass ? v.dtype : null;
  if (a.dtype.isStructured === (vdt?.isStructured ?? false)) return;
  if (a.size === 0 || (v instanceof ArrayClass && v.size === 0)) return;
  let x = pyTypeName(a.dtype);
  let y = pyTypeName(vdt ?? (v as number));
  // Python compares complex numbers with neither order.
  if (x === 'complex' || y === 'complex') x = y = 'complex';
  throw new TypeError(`'<' not supported between instances of '${x}' and '${y}'`);
}

/**
 * NumPy's `searchsorted(a, v, side, sorter)` over a sorted 1-d `a` (or one
 * that `sorter` sorts): int64 insertion points, shaped like `v` (0-d for a
 * scalar `v`).
 */
export function searchsorted(a: NdArray, key: NdArray | number | bigint | boolean | Complex, side?: SearchsortedOptions['side'] | null, sorter?: SearchsortedOptions['sorter'] | null): NdArray;
export function searchsorted(a: NdArray, key: NdArray | number | bigint | boolean | Complex, sideArg?: SearchsortedOptions['side'] | SearchsortedOptions, options?: SearchsortedOptions): NdArray;
export function searchsorted(a: NdArray, key: NdArray | number | bigint | boolean | Complex, ...rest: unknown[]): NdArray {
  // NumPy's positional side and sorter, or the options.
  const options = readKnownOptions(positionalOptions<SearchsortedOptions>('searchsorted', ['side', 'sorter'], rest), ['side', 'sorter'], 'searchsorted');
  const v = key instanceof ArrayClass ? key : scalarKey(key);
  requireOpen(a);
  const side = options.side ?? 'left';
  if (side !== 'left' && side !== 'right') throw new ValueError(`search side must be 'left' or 'right' (got ${repr(side)})`);
  if (a.ndim !== 1) throw new ValueError(a.ndim === 0 ? 'object of too small depth for desired array' : 'object too deep for desired array');
  const sorter = options.sorter;
  if (sorter !== undefined) {
    if (!(sorter instanceof ArrayClass) || sorter.ndim !== 1) throw new TypeError('could not parse sorter argument');
    if (sorter.dtype.kind !== 'i' && sorter.dtype.kind !== 'u') throw new TypeError('sorter must only contain integers');
    // The cast to intp must be safe: uint64 is NumPy's ValueError (fuzz seed 1322).
    if (sorter.dtype.kind === 'u' && sorter.dtype.itemsize === 8) throw new ValueError('could not parse sorter argument');
    if (sorter.size !== a.size) throw new ValueError('sorter.size must equal a.size');
  }
  const isArr = v instanceof ArrayClass;
  mixedRecordCheck(a, v);
  // bool beside bool compares bytes, as bool sorts do.
  if (isBool(a) && (typeof v === 'boolean' || (isArr && isBool(v)))) return searchsorted(asBytes(a), isArr ? asBytes(v) : v ? 1 : 0, options);
  if (isArr && v.ndim > 0) {
    // NumPy fails only when a search probes a bad sorter index; the kernel
    // and the JS loop below check each probe.
    const native = searchsortedNative(a, v.ndim === 1 ? v : v.reshape(-1), side === 'right', sorter);
    if (native === 'sorter-range') throw new ValueError('Sorter index out of range.');
    if (native !== null) return v.ndim === 1 ? native : native.reshape(v.shape);
  }
  const values = readValues(a);
  const order = sorter === undefined ? null : readValues(sorter).map(Number);
  const at = order === null ? (i: number) => values[i] : (i: number) => {
    const k = order[i];
    if (!(k >= 0 && k < values.length)) throw new ValueError('Sorter index out of range.');
    return values[k];
  };
  const vs = isArr ? readValues(v) : [v];
  const cmp = crossComparator(a.dtype, isArr ? v.dtype : null, vs[0] ?? null);
  // NumPy's hint (npysort/binsearch.cpp): while the keys ascend, a search
  // starts at the last answer; after a smaller key, from 0 up to the last
  // answer. It gives NumPy's answers even for an `a` that is not sorted.
  let lo = 0;
  const len = values.length;
  let hi = len;
  let last = vs[0];
  const out = vs.map((x) => {
    if (cmp(last, x) < 0) {
      hi = len;
    } else {
      lo = 0;
      hi = hi < len ? hi + 1 : len;
    }
    last = x;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = cmp(at(mid), x);
      if (c < 0 || (side === 'right' && c === 0)) lo = mid + 1;
      else hi = mid;
    }
    return BigInt(lo);
  });
  return fromValues(INTP, isArr ? v.shape : [], out);
}

/** What {@link unique} returns: the sorted distinct values, and on request their counts and the inverse. */
export interface UniqueResult {
  values: NdArray;
  /** How often each value occurs (int64), with `returnCounts`. */
  counts: NdArray | null;
  /** For each input element the index of its value (int64, shaped like the input), with `returnInverse`. */
  inverse: NdArray | null;
  /** For each value the position of its first occurrence in the flattened input (int64), with `returnIndex`. */
  index: NdArray | null;
}

/** Options of {@link unique}. */
export interface UniqueOptions {
  returnCounts?: boolean;
  returnInverse?: boolean;
  returnIndex?: boolean;
  /**
   * NumPy's `axis=`: the distinct sub-arrays along this axis (rows for 0),
   * sorted lexicographically; `inverse` is then 1-d (one entry per sub-array).
   * Null or absent: the flattened array's distinct values.
   */
  axis?: number | null;
  /**
   * NumPy's `equal_nan=` (default true): all NaNs of a float or complex
   * input are one value. False: each NaN is a value of its own, after the
   * numbers in input order, counted once (as the array API's
   * `uniqueValues`/`uniqueAll`). Only the flattened unique (no `axis` over
   * a 2-d array) looks at it, as NumPy's.
   */
  equalNan?: boolean;
  /**
   * NumPy 2.3's `sorted=` (default true). False lets NumPy return the
   * values in any order (a hash table's); here they still come sorted,
   * which that contract allows.
   */
  sorted?: boolean;
}

/** Plain numbers of `a` in C order (bool as 0/1), or null for other dtypes. */
function numbersOf(a: NdArray): ArrayLike<number> | null {
  const k = a.dtype.kind;
  if (!(k === 'b' || k === 'f' || ((k === 'i' || k === 'u') && a.itemsize < 8))) return null;
  const t = a.ndim === 1 ? typedLayout(a) : null;
  if (t !== null) {
    const src = t.array as Float64Array;
    const out = new Float64Array(a.size);
    for (let i = 0, p = t.start; i < out.length; i++, p += t.strides[0]) out[i] = src[p];
    // A bool byte other than 0 or 1 is true, as NumPy's unique counts it.
    if (k === 'b') for (let i = 0; i < out.length; i++) out[i] = out[i] !== 0 ? 1 : 0;
    return out;
  }
  const vals = readValues(a);
  return k === 'b' ? vals.map(Number) : (vals as number[]);
}

/** The keys of {@link UniqueOptions} (uniqueAsync reads them beside its own). */
export const UNIQUE_KEYS = ['returnCounts', 'returnInverse', 'returnIndex', 'axis', 'equalNan', 'sorted'] as const;

/**
 * NumPy's `unique(a, return_index, return_inverse, return_counts)` over the
 * flattened array (NumPy 2's `equal_nan=True`): sorted distinct values (all
 * NaNs count as one, and so do +0 and -0: the first of each in C order is
 * kept), and on request the position of each value's first occurrence
 * (int64), for each input element the index of its value (int64, shaped like
 * `a`) and how often each occurs (int64). The values keep `a`'s class, as
 * NumPy's do (a subclass's `arrayFinalize` sees `a`), except a Memmap's,
 * which are a plain NdArray (NumPy's memmap gives an ndarray). With `axis`, the
 * distinct sub-arrays along it (lib/unique-axis.ts).
 */
export function unique(a: NdArray, returnIndex?: boolean | null, returnInverse?: boolean | null, returnCounts?: boolean | null, axis?: number | null, options?: UniqueOptions): UniqueResult;
export function unique(a: NdArray, options?: UniqueOptions): UniqueResult;
export function unique(a: NdArray, ...rest: unknown[]): UniqueResult {
  // NumPy's positional return_index, return_inverse, return_counts and axis, or the options.
  const given = positionalOptions<UniqueOptions>('unique', ['returnIndex', 'returnInverse', 'returnCounts', 'axis'], rest);
  const { axis, equalNan, sorted: _sorted, ...flags } = readKnownOptions(given, UNIQUE_KEYS, 'unique');
  // A flag is a boolean: an array or a string there (a misplaced argument) is not read as true.
  for (const [k, v] of Object.entries({ ...flags, equalNan, sorted: _sorted }) as [string, unknown][]) {
    if (v !== undefined && typeof v !== 'boolean') {
      const what = v instanceof ArrayClass ? 'an array' : Array.isArray(v) ? 'a list' : ArrayBuffer.isView(v) ? 'a typed array' : describeValue(v);
      throw new TypeError(`unique(): ${k} must be a boolean, got ${what}`);
    }
  }
  let r: UniqueResult;
  if (axis === undefined || axis === null) r = nanSplit(a, uniqueOf(a, flags), equalNan);
  else {
    requireOpen(a);
    // NumPy: a 1-d (or 0-d) array takes the flat unique once its axis is checked.
    if (a.ndim <= 1) {
      normalizeAxis(axis, a.ndim);
      r = nanSplit(a, uniqueOf(a, flags), equalNan);
    } else r = uniqueAlongAxis(a, axis, flags, uniqueOf, (k) => fromValues(toDType('|i1'), [k], new Array<number>(k).fill(0)));
  }
  return classedUnique(a, r);
}

/** The flat unique `r` of `a` with `equal_nan=False`'s NaNs apart when `equalNan` is false (lib/unique-nans.ts). */
function nanSplit(a: NdArray, r: UniqueResult, equalNan: boolean | undefined): UniqueResult {
  if (equalNan === undefined || equalNan) return r;
  return splitNans(a, r, (v) => argsort(v, { kind: 'stable' }));
}

/**
 * {@link unique}'s result with its values in `a`'s class: NumPy's memmap
 * (that class exactly, not a subclass of it) turns a result that maps no
 * file into a plain ndarray; its getters are its prototype's own.
 */
function classedUnique(a: NdArray, r: UniqueResult): UniqueResult {
  const proto = Object.getPrototypeOf(a) as object;
  if (Object.prototype.hasOwnProperty.call(proto, 'fileOffset')) return r;
  return { ...r, values: asClassOf(a, r.values) };
}

/**
 * {@link unique} as one call of the native kernel (the one that takes
 * time): its arguments, and the result made of its buffers. The inverse, if
 * asked for, is allocated by now (the kernel writes it).
 */
export interface UniqueCall {
  readonly args: UniqueArgs;
  readonly finish: (buffers: UniqueBuffers) => UniqueResult;
}

/**
 * {@link unique}(a, options) as a {@link UniqueCall} (lib/async.ts
 * uniqueAsync runs it on the pool), after the same checks, or null when
 * unique takes another path (an `axis` over a 2-d or larger array, complex
 * values alone, bool with counts, inverse or index, what the kernel does not
 * take): then `unique` itself runs. Reads `options` once; throws unique's errors.
 */
export function uniqueCallOf(a: NdArray, options: UniqueOptions = {}): UniqueCall | null {
  const { axis, equalNan, sorted: _sorted, ...flags } = readKnownOptions(options, UNIQUE_KEYS, 'unique');
  requireOpen(a);
  if (axis !== undefined && axis !== null) {
    if (a.ndim > 1) return null;
    normalizeAxis(axis, a.ndim);
  }
  const call = flatUniqueCall(a, flags);
  return call === null ? null : { args: call.args, finish: (b) => classedUnique(a, nanSplit(a, call.finish(b), equalNan)) };
}

function uniqueOf(a: NdArray, options: UniqueOptions): UniqueResult {
  options = readKnownOptions(options, ['returnCounts', 'returnInverse', 'returnIndex'], 'unique');
  requireOpen(a);
  const call = flatUniqueCall(a, options);
  return call !== null ? call.finish(uniqueKernel(call.args)) : uniqueByJS(a, options);
}

/** The flat unique's native call, or null when a JS path runs ({@link uniqueByJS}). */
function flatUniqueCall(a: NdArray, options: UniqueOptions): UniqueCall | null {
  const dt = a.dtype;
  const flagged = !!(options.returnCounts || options.returnInverse || options.returnIndex);
  if ((dt.kind === 'c' && !dt.isStructured && !flagged) || (dt.kind === 'b' && flagged) || !nativeInt64(INTP)) return null;
  const inv = options.returnInverse ? allocateOrdered(INTP, a.shape, [...a.shape.keys()], true) : null;
  const args = uniqueNativeArgs(a, !!options.returnCounts, !!options.returnIndex, inv);
  if (args === null) return null;
  return {
    args,
    finish: (nat) => ({
      values: arrayOnBuffer(nat.values, dt),
      counts: nat.counts === undefined ? null : arrayOnBuffer(nat.counts, INTP),
      inverse: inv,
      index: nat.index === undefined ? null : arrayOnBuffer(nat.index, INTP),
    }),
  };
}

/** The flat unique's JS paths: complex values alone hashed, bool's bytes, the rest by a sort. */
function uniqueByJS(a: NdArray, options: UniqueOptions): UniqueResult {
  const dt = a.dtype;
  if (dt.kind === 'c' && !dt.isStructured && !options.returnCounts && !options.returnInverse && !options.returnIndex) return uniqueComplexHashed(a);
  if (dt.kind === 'b' && (options.returnCounts || options.returnInverse || options.returnIndex)) return uniqueBoolBytes(a, options);
  return uniqueJS(a, options);
}

/**
 * NumPy 2.4's `unique` of complex values alone (no counts, inverse or index):
 * its hash table keeps the first of each group in the input's C order, then
 * sorts. A group is equal values (2+0j and 2-0j are one, the first kept), every
 * NaN-holding value one group; the table reads the items in this host's byte
 * order whatever the dtype says, so for a byte-swapped dtype the groups are
 * those of the swapped bytes read natively (2+0j and 2-0j stay two) (fuzz
 * seeds 23558 5857 11126).
 */
function uniqueComplexHashed(a: NdArray): UniqueResult {
  const dt = a.dtype;
  const values = readValues(a) as Complex[];
  const keys = isSwapped(dt) ? (readValues(a.view(dt.newbyteorder('S'))) as Complex[]) : values;
  const seen = new Set<string>();
  const firsts: Complex[] = [];
  values.forEach((v, i) => {
    const k = keys[i];
    const key = Number.isNaN(k.re) || Number.isNaN(k.im) ? 'nan' : `${k.re === 0 ? 0 : k.re},${k.im === 0 ? 0 : k.im}`;
    if (seen.has(key)) return;
    seen.add(key);
    firsts.push(v);
  });
  firsts.sort(comparatorOf(dt) as (x: Complex, y: Complex) => number);
  return { values: fromValues(dt, [firsts.length], firsts), counts: null, inverse: null, index: null };
}

/**
 * NumPy's sorting `unique` of bool (with counts, inverse or index): it sorts
 * the raw bytes (npy_bool compares as unsigned char; a stable mergesort with
 * `return_index`) and splits where the truth changes, so over a bool view of
 * bytes other than 0/1 the true group starts at its smallest byte: that byte
 * is the value kept, and `index` is that byte's first position, not the first
 * true one (np.unique(np.array([5, 1], 'u1').view('?'), return_index=True)
 * gives index [1]).
 */
function uniqueBoolBytes(a: NdArray, options: UniqueOptions): UniqueResult {
  const bytes = numbersOf(a.view('|u1'))!;
  let zeros = 0;
  let firstZero = -1;
  let minTrue = 256;
  let firstMin = -1;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0) {
      if (zeros++ === 0) firstZero = i;
    } else if (b < minTrue) {
      minTrue = b;
      firstMin = i;
    }
  }
  const raw: number[] = [];
  const firsts: number[] = [];
  const counts: number[] = [];
  if (zeros > 0) [raw[raw.length], firsts[firsts.length], counts[counts.length]] = [0, firstZero, zeros];
  if (firstMin >= 0) [raw[raw.length], firsts[firsts.length], counts[counts.length]] = [minTrue, firstMin, bytes.length - zeros];
  const trueAt = zeros > 0 ? 1 : 0;
  const inverse = options.returnInverse ? int64From(a.shape, Array.from(bytes, (b) => (b === 0 ? 0 : trueAt))) : null;
  return {
    values: fromValues(toDType('|u1'), [raw.length], raw).view(a.dtype),
    counts: options.returnCounts ? int64From([counts.length], counts) : null,
    inverse,
    index: options.returnIndex ? int64From([firsts.length], firsts) : null,
  };
}

/** True when `dt` is int64 in this host's byte order, as the kernels write it. */
function nativeInt64(dt: DType): boolean {
  return dt.kind === 'i' && dt.itemsize === 8 && !isSwapped(dt);
}

/** A 1-d array of `dt` over a whole new buffer (no copy), the library's to free (`release()`). */
function arrayOnBuffer(buf: ArrayBuffer, dt: DType): NdArray {
  return makeArray({
    storage: new MemoryStorage(buf, 0, buf.byteLength, true, true), dtype: dt,
    shape: [buf.byteLength / dt.itemsize], strides: [dt.itemsize], offset: 0, base: null, writeable: true, ownData: true,
  });
}

/** Whether a record's value (nested fields, complex parts, subarrays) holds a NaN anywhere. */
function holdsNaN(v: unknown): boolean {
  if (typeof v === 'number') return Number.isNaN(v);
  if (Array.isArray(v)) return v.some(holdsNaN);
  if (typeof v === 'object' && v !== null && !ArrayBuffer.isView(v)) return Object.values(v).some(holdsNaN);
  return false;
}

/** {@link unique}'s JS path (every dtype), which the kernel's results equal. */
function uniqueJS(a: NdArray, options: UniqueOptions): UniqueResult {
  const dt = a.dtype;
  const nums = numbersOf(a);
  const vals: ArrayLike<unknown> = nums ?? readValues(a);
  // (Not for bool: the loop below compares the raw bytes, the kernel their truth.)
  const idx = (a.ndim === 1 && dt.kind !== 'b' ? argsortNative(a) : null) ?? (nums !== null ? radixArgsort(nums) : argsortValues(vals as unknown[], dt));
  const cmp = comparatorOf(dt);
  const firsts: number[] = [];
  const inverse = options.returnInverse ? new Float64Array(vals.length) : null;
  let sawNaN = false;
  let last: unknown;
  for (let k = 0; k < idx.length; k++) {
    const x = vals[idx[k]];
    const nan = isNaNValue(x);
    let fresh: boolean;
    if (firsts.length === 0) fresh = true;
    else if (nan) fresh = !sawNaN;
    else if (nums !== null) fresh = x !== last;
    // Records split where NumPy's `aux[1:] != aux[:-1]` does: a NaN field is unequal to
    // every other, so records holding one are never merged (fuzz 9010283: unique along an
    // axis of NaN columns gave one column, NumPy one per NaN column).
    else fresh = cmp(x, last) !== 0 || (dt.isStructured && holdsNaN(x));
    if (fresh) {
      firsts.push(k);
      last = x;
      if (nan) sawNaN = true;
    }
    if (inverse !== null) inverse[idx[k]] = firsts.length - 1;
  }
  const uniq = firsts.map((k) => vals[idx[k]]);
  let values: NdArray;
  if (nums !== null && dt.kind === 'b') values = fromValues(dt, [uniq.length], uniq.map(Boolean));
  else values = fromValues(dt, [uniq.length], uniq);
  let counts: NdArray | null = null;
  if (options.returnCounts) {
    const c = firsts.map((k, i) => (i + 1 < firsts.length ? firsts[i + 1] : idx.length) - k);
    counts = int64From([c.length], c);
  }
  const index = options.returnIndex ? int64From([firsts.length], firsts.map((k) => idx[k])) : null;
  return { values, counts, inverse: inverse === null ? null : int64From(a.shape, inverse), index };
}

/** Options of {@link bincount}. */
export interface BincountOptions {
  /** A weight per element (summed per bin as float64 instead of counting). */
  weights?: NdArray;
  /** The least number of bins. */
  minlength?: number;
}

/**
 * NumPy's `bincount(x, weights, minlength)`: for a 1-d array of non-negative
 * integers (or bools), the number of occurrences of each value (int64), or
 * the sum of the weights of each value (float64).
 */
export function bincount(x: NdArray, weights?: BincountOptions['weights'] | BincountOptions | null, minlength?: number | BincountOptions | null, options?: BincountOptions): NdArray;
export function bincount(x: NdArray, ...rest: unknown[]): NdArray {
  // NumPy's positional weights and minlength (None: the default), or the options.
  const options = readKnownOptions(positionalOptions<BincountOptions>('bincount', ['weights', 'minlength'], rest), ['minlength', 'weights'], 'bincount');
  requireOpen(x);
  const k = x.dtype.kind;
  // NumPy checks the depth before the dtype (a 2-d complex array is "too deep").
  if (x.ndim !== 1) throw new ValueError(x.ndim === 0 ? 'object of too small depth for desired array' : 'object too deep for desired array');
  if (k !== 'i' && k !== 'u' && k !== 'b') throw new TypeError(`Cannot cast array data from ${inspect(x.dtype)} to dtype('int64') according to the rule 'safe'`);
  const minlength = options.minlength ?? 0;
  // NumPy: a non-integer minlength is a TypeError ('float' object cannot be
  // interpreted as an integer), a negative one a ValueError.
  if (!Number.isInteger(minlength)) throw new TypeError(`'minlength' must be an integer, got ${repr(minlength)}`);
  if (minlength < 0) throw new ValueError(`'minlength' must not be negative (got ${minlength})`);
  // An empty input gives int64 zeros before the weights are looked at, as NumPy's arr_bincount does.
  if (x.size === 0) return int64From([minlength], newBins(binsLength(-1, minlength)));
  const w = options.weights;
  if (w !== undefined) {
    if (!(w instanceof ArrayClass)) throw new TypeError(`bincount: weights must be an NdArray, got ${repr(w)}`);
    if (w.dtype.kind === 'c' || w.dtype.kind === 'S' || w.dtype.kind === 'V' || w.dtype.isStructured) {
      throw new TypeError(`Cannot cast array data from ${inspect(w.dtype)} to dtype('float64') according to the rule 'safe'`);
    }
    if (w.ndim !== 1 || w.shape[0] !== x.shape[0]) throw new ValueError("The weights and list don't have the same length.");
  }
  // NumPy casts the input to intp first: a bool byte other than 0/1 (a mapped
  // file's) counts as 1, not as its byte value (fuzz seed 8845).
  if (k === 'b') x = x.astype('|u1');
  const nat = bincountNative(x, w, minlength);
  if (nat === 'negative') throw new ValueError("'list' argument must have no negative elements");
  if (nat !== null) return w === undefined ? int64From([nat.length], nat) : arrayOver(nat, '<f8');
  const idx: Float64Array = indicesOf(x) ?? Float64Array.from(readValues(x), (v) => (typeof v === 'boolean' ? Number(v) : toIndex(v)));
  // uint64 values cast to int64 as NumPy's intp cast (and the kernel) does: 2^63 and up are negative.
  if (k === 'u' && x.dtype.itemsize === 8) for (let i = 0; i < idx.length; i++) if (idx[i] >= 2 ** 63) idx[i] = -1;
  const max = maxIndex(idx);
  if (max < -1) throw new ValueError("'list' argument must have no negative elements");
  const len = binsLength(max, minlength);
  if (w === undefined) return int64From([len], countBins(idx, len));
  const wt = typedLayout(w);
  let wv: Float64Array;
  if (wt !== null && wt.array instanceof Float64Array && wt.strides[0] === 1) wv = wt.array.subarray(wt.start, wt.start + w.size);
  else {
    const c = makeCaster(w.dtype, FLOAT64);
    wv = Float64Array.from(readValues(w), (v) => c(v) as number);
  }
  const r = allocateOrdered(FLOAT64, [len], [0]);
  writeValues(r, Array.from(sumBins(idx, wv, len)));
  return r;
}

// bincount's loops, each in a function of its own so V8 optimizes it at once.

/** The largest index, or -2 when one is negative. */
function maxIndex(idx: Float64Array): number {
  let max = -1;
  for (let i = 0; i < idx.length; i++) {
    const v = idx[i];
    if (v < 0) return -2;
    if (v > max) max = v;
  }
  return max;
}

function countBins(idx: Float64Array, len: number): Float64Array {
  const c = newBins(len);
  for (let i = 0; i < idx.length; i++) c[idx[i]]++;
  return c;
}

function sumBins(idx: Float64Array, w: Float64Array, len: number): Float64Array {
  const c = newBins(len);
  for (let i = 0; i < idx.length; i++) c[idx[i]] += w[i];
  return c;
}

/** A 1-d array over a kernel's typed result (no copy); `spec` is its little-endian dtype, as the kernels write it. */
function arrayOver(data: Uint32Array | Float64Array, spec: '<u4' | '<f8'): NdArray {
  const dt = toDType(spec);
  return makeArray({
    storage: new MemoryStorage(data.buffer as ArrayBuffer, data.byteOffset, data.byteLength), dtype: dt,
    shape: [data.length], strides: [dt.itemsize], offset: 0, base: null, writeable: true, ownData: true,
  });
}
