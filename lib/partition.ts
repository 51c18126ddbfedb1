/**
 * NumPy's `partition` and `argpartition` (introselect): for each `kth`, the
 * item at position kth of every lane along the axis is the one a sort would
 * put there, every item before it is not greater and every item after it
 * not smaller, in NumPy's sort order (NaN last; complex numbers by real part,
 * then imaginary part). The order inside the partitions is undefined, as
 * NumPy documents it: it may differ from NumPy's.
 *
 * The kernel (native/sort_kernels.cc partitionLanes) selects per kth,
 * ascending, each over what the previous one left after it: a vector
 * quickselect (AVX-512) for 16- to 64-bit items, integers as they lie and
 * floats as order-keeping keys, else `nth_element`; 1-byte items (int8,
 * uint8, bool) are sorted by counting, which partitions at every kth. Where
 * it does not serve (kernels switched off, records, a SharedArrayBuffer)
 * the stable sort does: a sorted lane is partitioned at every kth.
 * @module
 */
import type { DType } from './dtype';
import { ValueError, checkListLength } from './errors';
import { normalizeAxis } from './layout';
import { readOnlyError, requireOpen, writeFlagOf, NdArray as ArrayClass } from './internal';
import type { NdArray } from './ndarray';
import { copyAs } from './copy';
import { allocateOrdered, INTP } from './compute-values';
import { optionsWithAxisArgs, readKnownOptions } from './options';
import { partitionLanesNative } from './sort-kernels';
import { argsort, sortInPlace } from './sort';

/** What `kth` may be: one index or a list of them (negative ones count from the end), as NumPy's array_like of ints. */
export type Kth = number | bigint | readonly (number | bigint)[] | NdArray;

/** Options of {@link partition} and {@link argpartition}. */
export interface PartitionOptions {
  /** The axis to partition along (default -1); null partitions the flattened array. */
  axis?: number | null;
  /** NumPy's `kind`: only `'introselect'` (the default); anything else is NumPy's ValueError. */
  kind?: string;
  /** Record fields to compare first (structured dtypes only), as in {@link sort}. */
  order?: string | readonly string[];
}

/** The options read once; `kind` checked as NumPy's PyArray_SelectkindConverter does. */
function partitionOptions(options: PartitionOptions | undefined, name: string): PartitionOptions {
  const o = readKnownOptions(options, ['axis', 'kind', 'order'], name) as PartitionOptions;
  if (o.kind !== undefined) {
    const kind: unknown = o.kind;
    if (typeof kind !== 'string') throw new TypeError(`select kind must be str, not ${kind === null ? 'NoneType' : typeof kind}`);
    if (kind !== 'introselect') throw new ValueError(`select kind must be 'introselect' (got '${kind}')`);
  }
  return o;
}

/**
 * The kth values of a lane of `n` items: each one an integer (a bool is
 * NumPy's ValueError, a fraction or an empty list its TypeError), negative
 * ones counted from the end, each in `[0, n)` (NumPy's "kth(=k) out of
 * bounds (n)"), sorted and without repeats.
 */
export function kthIndices(kth: Kth, n: number): number[] {
  let items: ArrayLike<unknown>;
  if (kth instanceof ArrayClass) {
    if (kth.ndim > 1) throw new ValueError('object too deep for desired array');
    if (kth.dtype.kind === 'b') throw new ValueError('Booleans unacceptable as partition index');
    if (kth.dtype.kind !== 'i' && kth.dtype.kind !== 'u') throw new TypeError('Partition index must be integer');
    checkListLength(kth.size, 'kth');
    items = kth.ravel().toArray() as unknown[];
  } else if (Array.isArray(kth)) {
    items = kth as unknown[];
    if (items.length === 0) throw new TypeError('Partition index must be integer');
  } else {
    if (typeof kth === 'boolean') throw new ValueError('Booleans unacceptable as partition index');
    items = [kth];
  }
  // One pass by index, each item read once and checked as it comes: a hole
  // (undefined) fails at once, where some()/every() walked every hole of a
  // sparse list of length 2^32-1 (minutes; found by adversarial pass 6).
  const length = items.length;
  checkListLength(length, 'kth');
  const values: number[] = [];
  let bools = 0;
  for (let i = 0; i < length; i++) {
    const k = items[i];
    if (Array.isArray(k) || k instanceof ArrayClass) throw new ValueError('object too deep for desired array');
    if (typeof k === 'bigint') values.push(Number(k));
    else if (typeof k === 'boolean') {
      bools++;
      values.push(Number(k));
    } else if (typeof k === 'number' && Number.isInteger(k)) values.push(k);
    else throw new TypeError('Partition index must be integer');
  }
  // An empty integer kth array is a no-op (gh-6530), not a list of booleans.
  if (length > 0 && bools === length) throw new ValueError('Booleans unacceptable as partition index');
  const out: number[] = [];
  for (let v of values) {
    if (v < 0) v += n;
    if (v < 0 || v >= n) throw new ValueError(`kth(=${v}) out of bounds (${n})`);
    out.push(v);
  }
  return [...new Set(out)].sort((x, y) => x - y);
}

/** NumPy sorts and partitions bool items by their byte (npy_bool is an unsigned char). */
const bytesOf = (a: NdArray): NdArray => (a.dtype.kind === 'b' && !a.dtype.isStructured ? a.view('|u1') : a);

/** True when `dt` is a record dtype, which only the sort partitions (by its fields, `order` first). */
const isRecord = (dt: DType): boolean => dt.isStructured;

/** Partitions `a` in place along `ax` at the checked `kths`. */
function partitionLanes(a: NdArray, ax: number, kths: number[], order: string | readonly string[] | undefined): void {
  if (a.size === 0) return;
  const b = bytesOf(a);
  if (order === undefined && !isRecord(b.dtype) && partitionLanesNative(b, ax, b, false, kths)) return;
  // A stable sort partitions at every kth.
  sortInPlace(b, { axis: ax, order });
}

/**
 * NumPy's `partition(a, kth, axis=-1, kind='introselect', order=None)`: a
 * copy of `a` (laid out as a 'K' copy; `axis` null: the flattened array) in
 * which the item at each `kth` of every lane is where a sort would put it,
 * no greater item before it and no smaller one after it. The order within
 * the partitions is undefined (it may differ from NumPy's). A 0-d array is
 * an AxisError (with `axis` null, a 1-item array).
 */
export function partition(a: NdArray, kth: Kth, axis?: number | null, kind?: PartitionOptions['kind'] | null, order?: PartitionOptions['order'] | null): NdArray;
export function partition(a: NdArray, kth: Kth, axis?: number | null | PartitionOptions, options?: PartitionOptions): NdArray;
export function partition(a: NdArray, kth: Kth, axis?: number | null | PartitionOptions, ...more: unknown[]): NdArray {
  // NumPy's positional kind and order after the axis, or the options.
  const o = partitionOptions(optionsWithAxisArgs<number | null, PartitionOptions>('partition', ['kind', 'order'], axis, more), 'partition');
  requireOpen(a);
  const direct = partitionInto(a, kth, o);
  if (direct !== null) return direct;
  let c: NdArray;
  let ax: number;
  if (o.axis === null) {
    c = copyAs(a.reshape(-1), a.dtype, 'C');
    ax = 0;
  } else {
    ax = normalizeAxis(o.axis ?? -1, a.ndim);
    c = copyAs(a, a.dtype, 'K');
  }
  checkOrder(c.dtype, o.order);
  if (c.size === 0) return c;
  partitionLanes(c, ax, kthIndices(kth, c.shape[ax]), o.order);
  return c;
}

/**
 * partition's native form for a C-contiguous (or 1-d) `a` (not float64): the kernel reads
 * each lane from `a` straight into a new C-contiguous result (the result's
 * layout as a 'K' copy's), its copy fused with the key pass of floats (a
 * memmove for integers; the 1-byte counting writes the result from its
 * counts), where a copy and an in-place partition of it walk the items
 * again. Null (nothing made) when the kernel does not serve.
 */
function partitionInto(a: NdArray, kth: Kth, o: PartitionOptions): NdArray | null {
  if (o.order !== undefined || isRecord(a.dtype) || a.size === 0 || !(a.ndim === 1 || a.flags.cContiguous)) return null;
  // float64 has no key pass to fuse (its select works on the bits): from a
  // copy it measured 2-4 ms faster over 10M items (docs/performance-notes.md).
  if (a.dtype.kind === 'f' && a.dtype.itemsize === 8) return null;
  const src = o.axis === null ? a.reshape(-1) : a;
  const ax = normalizeAxis(o.axis ?? -1, src.ndim);
  const kths = kthIndices(kth, src.shape[ax]);
  // Again after the caller's kth list was read: its getters may have closed the input.
  requireOpen(a);
  const c = allocateOrdered(src.dtype, src.shape, [...src.shape.keys()], true);
  return partitionLanesNative(bytesOf(src), ax, bytesOf(c), false, kths) ? c : null;
}

/** NumPy's `a.partition(kth, axis=-1, kind, order)`: partitions `a` in place (`axis` null is a TypeError; a read-only array an AccessError with NumPy's message). */
export function partitionInPlace(a: NdArray, kth: Kth, axis?: number | null | PartitionOptions, ...more: unknown[]): void {
  const o = partitionOptions(optionsWithAxisArgs<number | null, PartitionOptions>('partition', ['kind', 'order'], axis, more), 'partition');
  requireOpen(a);
  if (o.axis === null) throw new TypeError("'NoneType' object cannot be interpreted as an integer");
  const ax = normalizeAxis(o.axis ?? -1, a.ndim);
  checkOrder(a.dtype, o.order);
  // The caller's kth list is read (its getters run) before the open and
  // writeable checks that guard the write: a getter that closed the mapping
  // or cleared `writeable` ran after them, and the array was partitioned
  // read-only (found by adversarial pass 6).
  const kths = a.size === 0 ? null : kthIndices(kth, a.shape[ax]);
  requireOpen(a);
  if (!writeFlagOf(a)) throw readOnlyError(a, 'partition array is read-only');
  if (kths === null) return;
  partitionLanes(a, ax, kths, o.order);
}

/**
 * NumPy's `argpartition(a, kth, axis=-1, kind='introselect', order=None)`:
 * int64 positions (C-contiguous, `a`'s shape) that partition `a` along
 * `axis` as {@link partition} does; `axis` null partitions the flattened
 * array, and a 0-d array counts as a 1-item 1-d one (NumPy's `[0]`).
 */
export function argpartition(a: NdArray, kth: Kth, axis?: number | null, kind?: PartitionOptions['kind'] | null, order?: PartitionOptions['order'] | null): NdArray;
export function argpartition(a: NdArray, kth: Kth, axis?: number | null | PartitionOptions, options?: PartitionOptions): NdArray;
export function argpartition(a: NdArray, kth: Kth, axis?: number | null | PartitionOptions, ...more: unknown[]): NdArray {
  // NumPy's positional kind and order after the axis, or the options.
  const o = partitionOptions(optionsWithAxisArgs<number | null, PartitionOptions>('argpartition', ['kind', 'order'], axis, more), 'argpartition');
  requireOpen(a);
  if (a.ndim === 0 || o.axis === null) a = a.reshape(-1);
  const ax = normalizeAxis(o.axis ?? -1, a.ndim);
  checkOrder(a.dtype, o.order);
  const kths = a.size === 0 ? [] : kthIndices(kth, a.shape[ax]);
  requireOpen(a);
  const r = allocateOrdered(INTP, a.shape, [...a.shape.keys()], true);
  if (a.size === 0) return r;
  const b = bytesOf(a);
  if (o.order === undefined && !isRecord(b.dtype) && partitionLanesNative(b, ax, r, true, kths)) return r;
  return argsort(b, { axis: ax, order: o.order });
}

/** NumPy's `order` check: a dtype with no fields takes none (the sort checks the names). */
function checkOrder(dt: DType, order: string | readonly string[] | undefined): void {
  if (order !== undefined && dt.names === null) throw new ValueError('Cannot specify order when the array has no fields.');
}
