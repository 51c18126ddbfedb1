/**
 * The diagonal and triangle family, as NumPy's `twodim_base` and
 * `diagonal`: `diagonal` (a read-only view, NumPy ≥ 1.9), `diag` (1-d → a
 * new 2-d array; 2-d → that read-only diagonal view, as `np.diag` calls
 * `diagonal`), `diagflat`, `trace`, `tri`, `tril`, `triu`, `trilIndices`,
 * `triuIndices`, `diagIndices` and `fillDiagonal` (in place).
 *
 * A diagonal is one strided axis: stride = stride(axis1) + stride(axis2),
 * starting `offset` columns right (or rows down) of element 0, so it is
 * never a copy; NumPy makes it read-only for good (its WRITEABLE flag cannot
 * be set back), and so does this module.
 * @module
 */
import type { DTypeLike } from './dtype';
import { dtype as toDType } from './dtype';
import type { NdArray } from './ndarray';
import { AxisError, MemoryError, ValueError, repr } from './errors';
import { booleanArg, positionalOptions, readKnownOptions } from './options';
import { NdArray as ArrayClass, allocate, derive, lockReadOnly, requireArray, requireOpen, requireWritable } from './internal';
import { normalizeAxis } from './layout';
import { asAnyArray } from './stack-helpers';
import { nonzero, put } from './fancy';
import { logicalNot } from './ufuncs/compare';
import { where } from './ufuncs/where';
import { sum } from './reduce-axis';

function intArg(v: unknown, fn: string, name: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new TypeError(`${fn}(): ${name} must be an integer, got ${repr(v)}`);
  return v;
}

function sizeArg(v: unknown, fn: string, name: string): number {
  const n = intArg(v, fn, name);
  if (n < 0) throw new ValueError(`negative dimensions are not allowed (${fn}(): ${name} = ${n})`);
  return n;
}

function axisArg(ax: number, ndim: number, name: string): number {
  try {
    return normalizeAxis(ax, ndim);
  } catch (e) {
    if (e instanceof AxisError) throw new AxisError(`${name}: ${e.message}`);
    throw e;
  }
}

/** NumPy's keywords of {@link diagonal} (and of {@link trace}'s diagonal). */
export interface DiagonalOptions {
  /** The diagonal's offset from the main one (default 0; > 0: along `axis2`). */
  offset?: number;
  /** The first axis of the plane (default 0). */
  axis1?: number;
  /** The second axis of the plane (default 1). */
  axis2?: number;
}

/**
 * NumPy's `diagonal(a, offset=0, axis1=0, axis2=1)`: the diagonal of the
 * plane (`axis1`, `axis2`) as a read-only view. The two axes are removed and
 * the diagonal becomes the last axis. `offset` > 0 starts that many columns
 * (along `axis2`) to the right, < 0 that many rows (along `axis1`) down.
 *
 * @example
 * diagonal(arange(9).reshape(3, 3), 1).toArray(); // [1, 5]
 * @throws ValueError `diag requires an array of at least two dimensions`,
 *   `axis1 and axis2 cannot be the same`; AxisError for an axis out of range.
 */
export function diagonal<A extends NdArray>(a: A, offset?: number | DiagonalOptions | null, axis1?: number | DiagonalOptions | null, axis2?: number | DiagonalOptions | null, options?: DiagonalOptions): A;
export function diagonal<A extends NdArray>(a: A, options?: DiagonalOptions): A;
export function diagonal<A extends NdArray>(a: A, ...rest: unknown[]): A {
  requireArray(a, 'diagonal', 'a');
  // NumPy's positional offset, axis1, axis2 (numbers, the common form, read as they are), or the options.
  const o: DiagonalOptions = rest.every((x) => typeof x === 'number') ? { offset: rest[0] as number, axis1: rest[1] as number, axis2: rest[2] as number } : readKnownOptions(positionalOptions<DiagonalOptions>('diagonal', ['offset', 'axis1', 'axis2'], rest), ['offset', 'axis1', 'axis2'], 'diagonal');
  const offset = o.offset ?? 0;
  const axis1 = o.axis1 ?? 0;
  const axis2 = o.axis2 ?? 1;
  requireOpen(a);
  intArg(offset, 'diagonal', 'offset');
  if (a.ndim < 2) throw new ValueError('diag requires an array of at least two dimensions');
  const ax1 = axisArg(intArg(axis1, 'diagonal', 'axis1'), a.ndim, 'axis1');
  const ax2 = axisArg(intArg(axis2, 'diagonal', 'axis2'), a.ndim, 'axis2');
  if (ax1 === ax2) throw new ValueError('axis1 and axis2 cannot be the same');
  const n1 = a.shape[ax1];
  const n2 = a.shape[ax2];
  const s1 = a.strides[ax1];
  const s2 = a.strides[ax2];
  let start = a.offset;
  // NumPy's PyArray_Diagonal: the start moves by the offset whenever the raw length is >= 0,
  // so an empty diagonal exactly at the edge (offset = n2, or -offset = n1) starts one past it.
  const raw = offset >= 0 ? Math.min(n1, n2 - offset) : Math.min(n1 + offset, n2);
  const len = Math.max(0, raw);
  if (raw >= 0) start += offset >= 0 ? offset * s2 : -offset * s1;
  const shape: number[] = [];
  const strides: number[] = [];
  for (let i = 0; i < a.ndim; i++) {
    if (i === ax1 || i === ax2) continue;
    shape.push(a.shape[i]);
    strides.push(a.strides[i]);
  }
  shape.push(len);
  strides.push(s1 + s2);
  const v = derive<A>(a, Object.getPrototypeOf(a) as object, a.dtype, shape, strides, start, false);
  lockReadOnly(v);
  return v;
}

/**
 * NumPy's `diag(v, k=0)`: for a 1-d `v`, a new 2-d array with `v` on its
 * `k`-th diagonal (zeros elsewhere); for a 2-d `v`, its `k`-th diagonal as
 * {@link diagonal}'s read-only view.
 *
 * @example
 * diag(asarray([1, 2]), 1).toArray(); // [[0, 1, 0], [0, 0, 2], [0, 0, 0]]
 * @throws ValueError `Input must be 1- or 2-d.`
 */
export function diag(v: unknown, k = 0): NdArray {
  const a = asAnyArray(v);
  requireOpen(a);
  intArg(k, 'diag', 'k');
  if (a.ndim === 2) return diagonal(a, k);
  if (a.ndim !== 1) throw new ValueError('Input must be 1- or 2-d.');
  const n = a.shape[0] + Math.abs(k);
  const res = allocate(a.dtype, [n, n]);
  if (a.shape[0] > 0) {
    // The k-th diagonal of the new array, written through a writable view of it.
    const start = k >= 0 ? k * res.strides[1] : -k * res.strides[0];
    derive<NdArray>(res, ArrayClass.prototype, res.dtype, [a.shape[0]], [res.strides[0] + res.strides[1]], start, true).set(a);
  }
  return res;
}

/**
 * NumPy's `diagflat(v, k=0)`: `v` flattened (C order) onto the `k`-th
 * diagonal of a new 2-d array.
 *
 * @example
 * diagflat(asarray([[1, 2], [3, 4]])).shape; // [4, 4]
 */
export function diagflat(v: unknown, k = 0): NdArray {
  const a = asAnyArray(v);
  requireOpen(a);
  return diag(a.ravel(), k);
}

/** Options of {@link trace}: NumPy's `dtype` and `out`. */
export interface TraceOptions extends DiagonalOptions {
  /** The dtype to sum in (default: as `sum`, small integers in the platform integer). */
  dtype?: DTypeLike;
  /** Where to write the result (its shape must be the result's). */
  out?: NdArray;
}

/**
 * NumPy's `trace(a, offset=0, axis1=0, axis2=1, dtype=None, out=None)`: the
 * sum along {@link diagonal}; for more than 2 axes, an array of the sums of
 * the diagonals of the other axes.
 *
 * @example
 * trace(eye(3)).get(); // 3
 */
export function trace(a: NdArray, offset?: number | null, axis1?: number | null, axis2?: number | null, dtype?: DTypeLike | null, out?: NdArray | null): NdArray;
export function trace(a: NdArray, offset?: number | TraceOptions | null, axis1?: number | TraceOptions | null, axis2?: number | TraceOptions | null, options?: TraceOptions): NdArray;
export function trace(a: NdArray, ...rest: unknown[]): NdArray {
  requireArray(a, 'trace', 'a');
  // NumPy's positional offset, axis1, axis2, dtype and out, or the options; read once, own keys only
  // (lib/options.ts): a polluted Object.prototype.out was written.
  const given = readKnownOptions(positionalOptions<TraceOptions>('trace', ['offset', 'axis1', 'axis2', 'dtype', 'out'], rest), ['offset', 'axis1', 'axis2', 'dtype', 'out'], 'trace');
  const d = diagonal(a, given.offset ?? 0, given.axis1 ?? 0, given.axis2 ?? 1);
  const o: TraceOptions = {};
  if (given.dtype !== undefined && given.dtype !== null) o.dtype = given.dtype;
  if (given.out !== undefined && given.out !== null) o.out = given.out;
  return sum(d, -1, o);
}

/**
 * NumPy's `tri(N, M=None, k=0, dtype=float)`: an N×M array with ones at and
 * below the `k`-th diagonal, zeros above.
 *
 * @example
 * tri(3, null, 0, 'i4').toArray(); // [[1, 0, 0], [1, 1, 0], [1, 1, 1]]
 */
export function tri(N: number, M: number | null = null, k = 0, dtype: DTypeLike = 'f8'): NdArray {
  const n = sizeArg(N, 'tri', 'N');
  const m = M === null || M === undefined ? n : sizeArg(M, 'tri', 'M');
  intArg(k, 'tri', 'k');
  const mask = allocate(toDType('b1'), [n, m]);
  const bytes = mask.typedArray() as Uint8Array;
  for (let i = 0; i < n; i++) {
    const end = Math.min(m, i + k + 1);
    if (end > 0) bytes.fill(1, i * m, i * m + end);
  }
  const dt = toDType(dtype);
  return dt.kind === 'b' && dt.itemsize === 1 ? mask : mask.astype(dt);
}

function triangle(m: unknown, k: number, lower: boolean, fn: string): NdArray {
  const a = asAnyArray(m);
  requireOpen(a);
  intArg(k, fn, 'k');
  // NumPy calls tri(*m.shape[-2:], ...): a 0-d input leaves it without N (its TypeError).
  if (a.ndim === 0) throw new TypeError("tri() missing 1 required positional argument: 'N'");
  const rows = a.ndim >= 2 ? a.shape[a.ndim - 2] : a.shape[0];
  const cols = a.shape[a.ndim - 1];
  // NumPy: tril = where(tri(N, M, k), m, 0); triu = where(tri(N, M, k-1), 0, m).
  const mask = tri(rows, cols, lower ? k : k - 1, 'b1');
  const zero = allocate(a.dtype, []);
  return lower ? where(mask, a, zero) : where(mask, zero, a);
}

/**
 * NumPy's `tril(m, k=0)`: a copy of `m` with the elements above the `k`-th
 * diagonal of its last two axes zeroed (a stack of matrices works matrix by
 * matrix; a 1-d `m` is taken as each row of a square matrix, as NumPy).
 *
 * @example
 * tril(ones([2, 2])).toArray(); // [[1, 0], [1, 1]]
 */
export function tril(m: unknown, k = 0): NdArray {
  return triangle(m, k, true, 'tril');
}

/** NumPy's `triu(m, k=0)`: as {@link tril}, with the elements below the `k`-th diagonal zeroed. */
export function triu(m: unknown, k = 0): NdArray {
  return triangle(m, k, false, 'triu');
}

/**
 * NumPy's `tril_indices(n, k=0, m=None)`: the row and column indices (int64)
 * of the lower triangle of an n×m array, row by row.
 *
 * @example
 * trilIndices(2).map((x) => x.toArray()); // [[0, 1, 1], [0, 0, 1]]
 */
export function trilIndices(n: number, k = 0, m: number | null = null): [NdArray, NdArray] {
  return triangleIndices('trilIndices', n, m, k, true);
}

/** NumPy's `triu_indices(n, k=0, m=None)`: the indices of the upper triangle (at and above the `k`-th diagonal). */
export function triuIndices(n: number, k = 0, m: number | null = null): [NdArray, NdArray] {
  return triangleIndices('triuIndices', n, m, k, false);
}

/** Entries (i, j) of an n×m array with j - i ≤ k: Σ_i clamp(i + k + 1, 0, m), in closed form. */
function lowerCount(n: number, m: number, k: number): number {
  // Rows i < i0 hold none, rows i0 ≤ i < i1 hold i + k + 1, rows from i1 hold all m.
  const i0 = Math.min(n, Math.max(0, -k - 1));
  const i1 = Math.min(n, Math.max(i0, m - k - 1));
  const ramp = i1 > i0 ? ((i1 - i0) * (i0 + k + 1 + (i1 - 1 + k + 1))) / 2 : 0;
  return ramp + (n - i1) * m;
}

/** The most indices a triangle's index arrays hold: 4 GiB of int64 each (an array in memory). */
const MAX_TRI_INDICES = 2 ** 29;

/** The most indices written row by row here: 2^31 bytes of int64 each (one typed-array window); past it, nonzero of the mask. */
const MAX_TRI_WINDOW = 2 ** 28;

/**
 * NumPy's `tril_indices`/`triu_indices` (`nonzero(tri(...))`), written row by
 * row: the count is known in closed form, so a size past what an array holds
 * is a MemoryError naming it before anything is allocated (it was the n×m
 * mask's MemoryError, or past 2^31 indices a RangeError of a typed-array window).
 */
function triangleIndices(fn: string, N: number, M: number | null, k: number, lower: boolean): [NdArray, NdArray] {
  const n = sizeArg(N, 'tri', 'N');
  const m = M === null || M === undefined ? n : sizeArg(M, 'tri', 'M');
  intArg(k, 'tri', 'k');
  // Upper entries j - i ≥ k are the lower entries i - j ≤ -k of the m×n transpose.
  const count = lower ? lowerCount(n, m, k) : lowerCount(m, n, -k);
  if (count > MAX_TRI_INDICES) {
    throw new MemoryError(`${fn}(): n = ${n}, m = ${m}, k = ${k} has ${count} indices: two int64 arrays of ${count * 8} bytes (${((count * 8) / 2 ** 30).toFixed(1)} GiB) each; an array in memory holds at most 4 GiB`);
  }
  if (count > MAX_TRI_WINDOW) {
    const mask = tri(n, m, lower ? k : k - 1, 'b1');
    const [rr, cc] = nonzero(lower ? mask : logicalNot(mask));
    return [rr.copy(), cc.copy()];
  }
  const r = allocate(toDType('<i8'), [count]);
  const c = allocate(toDType('<i8'), [count]);
  if (count === 0) return [r, c];
  // Int64 words as lo/hi 32-bit halves (little-endian): no BigInt per item.
  const rw = new Uint32Array((r.typedArray() as BigInt64Array).buffer, (r.typedArray() as BigInt64Array).byteOffset, count * 2);
  const cw = new Uint32Array((c.typedArray() as BigInt64Array).buffer, (c.typedArray() as BigInt64Array).byteOffset, count * 2);
  let o = 0;
  for (let i = lower ? Math.max(0, -k) : 0; i < n && o < count; i++) {
    // lower: columns [0, min(m, i + k + 1)); upper: columns [max(0, i + k), m).
    const from = lower ? 0 : Math.max(0, i + k);
    const to = lower ? Math.min(m, i + k + 1) : m;
    if (to <= from) continue;
    const hi = Math.floor(i / 2 ** 32);
    const lo = i >>> 0;
    for (let j = from; j < to; j++, o++) {
      rw[2 * o] = lo;
      rw[2 * o + 1] = hi;
      cw[2 * o] = j >>> 0;
      cw[2 * o + 1] = Math.floor(j / 2 ** 32);
    }
  }
  return [r, c];
}

/** The most index arrays diagIndices returns. */
const MAX_DIAG_NDIM = 2 ** 25;

/**
 * NumPy's `diag_indices(n, ndim=2)`: `arange(n)` (int64) `ndim` times, the
 * indices of the main diagonal of an n×…×n array. As NumPy's
 * `(idx,) * ndim`, every entry is the same array.
 */
export function diagIndices(n: number, ndim = 2): NdArray[] {
  sizeArg(n, 'diagIndices', 'n');
  sizeArg(ndim, 'diagIndices', 'ndim');
  // A list of `ndim` arrays: past 2^25 items a JS array leaves V8's fast
  // elements and is filled for minutes (ndim = 2^31 ran the process out of heap).
  if (ndim > MAX_DIAG_NDIM) throw new MemoryError(`diagIndices(): ndim = ${ndim} index arrays is more than a JS list holds quickly (${MAX_DIAG_NDIM}); an array has at most 64 axes`);
  const r = allocate(toDType('i8'), [n]);
  const t = r.typedArray() as BigInt64Array;
  for (let i = 0; i < n; i++) t[i] = BigInt(i);
  // NumPy's (idx,) * ndim: one array, listed ndim times (ndim = 10^6 made 10^6 arrays, n·ndim items in all).
  return new Array<NdArray>(ndim).fill(r);
}

/**
 * NumPy's `fill_diagonal(a, val, wrap=False)`, in place: writes `val` onto
 * the main diagonal of `a` (2-d, or n×…×n). `val` is repeated along the
 * diagonal as NumPy's `a.flat[...] = val`; `wrap` restarts the diagonal
 * every `ncols + 1` rows of a tall matrix, as NumPy (given as it is or as
 * `{ wrap }`).
 *
 * @example
 * fillDiagonal(a, 5);
 * @throws ValueError `array must be at least 2-d`, `All dimensions of input must be of equal length`;
 *   AccessError when `a` is read-only.
 */
export function fillDiagonal(a: NdArray, val: unknown, wrapArg: boolean | { wrap?: boolean } = false): void {
  // NumPy's wrap, given as it is or as { wrap } (an object was truthy: { wrap: false } wrapped).
  const wrap = booleanArg(wrapArg, 'wrap', 'fillDiagonal');
  requireArray(a, 'fillDiagonal', 'a');
  requireOpen(a);
  if (a.ndim < 2) throw new ValueError('array must be at least 2-d');
  // NumPy's fill_diagonal writes through a.flat.
  requireWritable(a, 'underlying array is read-only');
  let step: number;
  let end: number;
  if (a.ndim === 2) {
    step = a.shape[1] + 1;
    end = wrap ? a.size : Math.min(a.size, a.shape[1] * a.shape[1]);
  } else {
    if (a.shape.some((n) => n !== a.shape[0])) throw new ValueError('All dimensions of input must be of equal length');
    let p = 1;
    step = 1;
    for (let i = 0; i < a.ndim - 1; i++) {
      p *= a.shape[i];
      step += p;
    }
    end = a.size;
  }
  const count = end > 0 ? Math.ceil(end / step) : 0;
  if (count === 0) {
    // NumPy's a.flat[:0] = val still converts Python values (inf into an int
    // array is its OverflowError, a complex into a float one its TypeError);
    // an array val is cast unsafely, so it passes.
    if (!(val instanceof ArrayClass) && !ArrayBuffer.isView(val)) {
      const scratch = allocate(a.dtype, []);
      const each = (v: unknown): void => (Array.isArray(v) ? v.forEach(each) : scratch.set(v as never));
      each(val);
    }
    return;
  }
  // One value: stored through strided views of the diagonal (a fill, native
  // over a mapping of any size). A list of the flat positions (the old way)
  // was a JS array of `count` items, and put() of it built a table of every
  // element's offset: V8's bare "Invalid array length" for a 2^33-item mapping.
  if (isOneValue(val)) {
    const v = val instanceof ArrayClass ? val.reshape([]) : val;
    for (const run of diagonalRuns(a, count)) run.set(v as never);
    return;
  }
  // NumPy's a.flat[:end:step] = val: the values repeat along the diagonal.
  const at = allocate(toDType('i8'), [count]);
  const t = at.typedArray() as BigInt64Array;
  for (let i = 0; i < count; i++) t[i] = BigInt(i * step);
  put(a, at, val);
}

function isOneValue(val: unknown): boolean {
  if (val instanceof ArrayClass) return val.size === 1;
  return !Array.isArray(val) && !ArrayBuffer.isView(val);
}

/**
 * The first `count` items of the diagonal that fillDiagonal writes, as views
 * of `a` in order: for n×…×n one view (the stride is the sum of `a`'s); for a
 * 2-d (r×c) `a` the flat positions i·(c+1) are row i + ⌊i/c⌋, column i mod c
 * (the wrapped diagonal restarts every c+1 rows): a [⌊count/c⌋, c] view and
 * a 1-d tail of the rest.
 */
function diagonalRuns(a: NdArray, count: number): NdArray[] {
  const diag = a.strides.reduce((x, y) => x + y, 0);
  if (a.ndim > 2) return [derive(a, ArrayClass.prototype, a.dtype, [count], [diag], a.offset)];
  const c = a.shape[1];
  const q = Math.floor(count / c);
  const rest = count - q * c;
  const block = (c + 1) * a.strides[0];
  const runs: NdArray[] = [];
  if (q > 0) runs.push(derive(a, ArrayClass.prototype, a.dtype, [q, c], [block, diag], a.offset));
  if (rest > 0) runs.push(derive(a, ArrayClass.prototype, a.dtype, [rest], [diag], a.offset + q * block));
  return runs;
}
