/**
 * NumPy's module-level functions that are an array method or attribute (or
 * another function) under another name, each as NumPy defines it:
 *
 * - `amax`/`amin`: `max`/`min` (np.amax is np.max's older name);
 * - `bitwiseNot` is the very function `invert` (`np.bitwise_not is
 *   np.invert`), `mod` the very function `remainder`;
 * - `shape(a)`, `size(a, axis?)`, `ndim(a)`: the attributes, of arrays or
 *   of nested lists;
 * - `reshape(a, shape, { order, copy })`, `copy(a, { order })` (NumPy's default
 *   order `'K'`, unlike the method's `'C'`), `asfortranarray(a)` (a view
 *   when already F-contiguous, else an F-ordered copy; at least 1-d, as
 *   NumPy's), `isfortran(a)` (F-contiguous and not C-contiguous),
 *   `asanyarray(a)` (an NdArray itself, anything else through `asarray`);
 * - `save(path, a)`: `saveNpy`, `.npy` appended to a path without it, as
 *   NumPy's `np.save` does.
 * @module
 */
import type { NdArray } from './ndarray';
import { readOrder, type Order } from './order';
import { AxisError, describeValue, KeyError, ValueError } from './errors';
import { normalizeAxes } from './layout';
import { optionsWithValue, positionalOptions, readKnownOptions } from './options';
import { asarray } from './array-coerce';
import type { DTypeLike } from './dtype';
import { ofDType, type AsContiguousOptions } from './views';
import { asAnyArray } from './stack-helpers';
import { NdArray as ArrayClass, asClassOf, derive, requireArray, requireOpen } from './internal';
import { copyAs } from './copy';
import { max, min } from './reduce-axis';
import { invert, remainder } from './ufunc-object';
import { isfinite } from './ufuncs/math';
import { saveNpy } from './npy/npy';

/** NumPy's `np.amax`: {@link max} under its older name. */
export const amax = max;
/** NumPy's `np.amin`: {@link min} under its older name. */
export const amin = min;
/** NumPy's `np.bitwise_not`: the same function as {@link invert}. */
export const bitwiseNot = invert;
/** NumPy's `np.mod`: the same function as {@link remainder}. */
export const mod = remainder;

/** NumPy's `dtype=` and `order=` of {@link asanyarray}, as options. */
export interface AsAnyArrayOptions {
  /** The dtype of the result (a cast copy unless `a` has it). */
  dtype?: DTypeLike | null;
  /** The memory order of the result (a copy unless `a` has it). */
  order?: Order | null;
  /** `null` (default): copy only when needed; `true`: always (the class kept); `false`: never (NumPy 2's ValueError when a copy is needed). */
  copy?: boolean | null;
}

/**
 * NumPy's `np.asanyarray(a, dtype=None, order=None)`: `a` itself when an
 * NdArray (any subclass) of `dtype` and `order`, else {@link asarray}'s
 * array (a copy of a subclass keeps its class, as NumPy's). `dtype` and
 * `order` positionally, as NumPy's, or `{ dtype, order }`.
 */
export function asanyarray(a: unknown, dtypeArg?: DTypeLike | null | AsAnyArrayOptions, order?: Order | null): NdArray {
  const given = optionsWithValue<AsAnyArrayOptions>('asanyarray', 'dtype', dtypeArg, order === undefined || order === null ? undefined : { order });
  const o = readKnownOptions<AsAnyArrayOptions, 'dtype' | 'order' | 'copy'>(given ?? {}, ['dtype', 'order', 'copy'], 'asanyarray');
  const copy = o.copy ?? null;
  if ((o.dtype === undefined || o.dtype === null) && (o.order === undefined || o.order === null) && copy === null) return asAnyArray(a);
  const r = asarray(a, o.dtype ?? null, { order: o.order ?? 'K', copy });
  return a instanceof ArrayClass && r !== a ? asClassOf(a as NdArray, r) : r;
}

/**
 * NumPy's `np.asarray_chkfinite(a, dtype=None, order=None)`: {@link asarray}
 * of `a`, refused when it holds an infinity or a NaN (only float and complex
 * arrays are looked at, as NumPy's).
 *
 * @example
 * asarrayChkfinite([1, 2]).toArray(); // [1, 2]
 * asarrayChkfinite([1, NaN]); // throws ValueError: array must not contain infs or NaNs
 * @throws ValueError naming the infinity or NaN found, in NumPy's words
 */
export function asarrayChkfinite(a: unknown, dtype?: DTypeLike | null, order?: Order | null): NdArray {
  const r = asarray(a, dtype ?? null, order === undefined || order === null ? {} : { order });
  if ((r.dtype.kind === 'f' || r.dtype.kind === 'c') && !(isfinite(r).all().item() as boolean)) {
    throw new ValueError('array must not contain infs or NaNs');
  }
  return r;
}

/** NumPy's flag names of {@link require}'s requirements, by their letter. */
const REQUIREMENT_FLAGS: Readonly<Record<string, string>> = {
  C: 'C', C_CONTIGUOUS: 'C', CONTIGUOUS: 'C',
  F: 'F', F_CONTIGUOUS: 'F', FORTRAN: 'F',
  A: 'A', ALIGNED: 'A',
  W: 'W', WRITEABLE: 'W',
  O: 'O', OWNDATA: 'O',
  E: 'E', ENSUREARRAY: 'E',
};

/**
 * NumPy's `np.require(a, dtype=None, requirements=None)`: `a` as an array of
 * `dtype` (when given) that has every flag asked for, copied only when it
 * lacks one. The requirements are NumPy's: `'C'` (`'C_CONTIGUOUS'`,
 * `'CONTIGUOUS'`), `'F'` (`'F_CONTIGUOUS'`, `'FORTRAN'`), `'A'`
 * (`'ALIGNED'`), `'W'` (`'WRITEABLE'`), `'O'` (`'OWNDATA'`), `'E'`
 * (`'ENSUREARRAY'`: a plain NdArray, not a subclass such as a memmap), any
 * case. A list names one flag an item; a string is read a letter at a time,
 * as NumPy reads it (`'CW'` is C-contiguous and writeable).
 *
 * @example
 * const r = requireFlags(mapped.index('::2'), null, ['C', 'W']); // a contiguous writeable copy
 * @throws KeyError for an unknown requirement; ValueError for both `'C'` and `'F'`
 */
export function requireFlags(a: unknown, dtype?: DTypeLike | null, requirements?: string | Iterable<string> | null): NdArray {
  if (requirements === undefined || requirements === null || (typeof requirements === 'string' && requirements.length === 0)) return asanyarray(a, dtype ?? null);
  if (typeof requirements !== 'string' && typeof (requirements as Iterable<string>)[Symbol.iterator] !== 'function') {
    throw new TypeError(`requireFlags(): requirements must be a string or a list of strings, got ${describeValue(requirements)}`);
  }
  const wanted = new Set<string>();
  for (const x of requirements) {
    if (typeof x !== 'string') throw new TypeError(`requireFlags(): each requirement must be a string, got ${describeValue(x)}`);
    const flag = REQUIREMENT_FLAGS[x.toUpperCase()];
    if (flag === undefined || !Object.prototype.hasOwnProperty.call(REQUIREMENT_FLAGS, x.toUpperCase())) throw new KeyError(`'${x.toUpperCase()}'`);
    wanted.add(flag);
  }
  if (wanted.size === 0) return asanyarray(a, dtype ?? null);
  const subok = !wanted.delete('E');
  if (wanted.has('C') && wanted.has('F')) throw new ValueError('Cannot specify both "C" and "F" order');
  const order: Order = wanted.delete('C') ? 'C' : wanted.delete('F') ? 'F' : 'A';
  let arr = asanyarray(a, dtype ?? null, order === 'A' ? null : order);
  // 'E': NumPy's subok=False, a plain NdArray view of a subclass (a memmap's memory, no copy).
  if (!subok && Object.getPrototypeOf(arr) !== ArrayClass.prototype) arr = derive(arr, ArrayClass.prototype, arr.dtype, arr.shape, arr.strides, arr.offset);
  const flags = arr.flags;
  for (const f of wanted) {
    const has = f === 'A' ? flags.aligned : f === 'W' ? flags.writeable : flags.ownData;
    if (!has) return arr.copy(order);
  }
  return arr;
}

/** NumPy's `np.shape(a)`: the shape, of an array or of what {@link asarray} makes of `a`. */
export function shape(a: unknown): number[] {
  return [...asAnyArray(a).shape];
}

/** NumPy's `np.ndim(a)`. */
export function ndim(a: unknown): number {
  return asAnyArray(a).ndim;
}

/**
 * NumPy's `np.size(a, axis=None)`: the number of items, the length of one
 * axis (negative counts from the end), or the product of the lengths of a
 * list of axes (NumPy 2.4's tuple `axis`; `[]` is 1).
 * @throws AxisError for an axis out of range (NumPy's words); ValueError for a repeated axis.
 */
export function size(a: unknown, axis?: number | readonly number[] | null): number {
  const x = asAnyArray(a);
  if (axis === undefined || axis === null) return x.size;
  if (typeof axis !== 'number') return normalizeAxes(axis, x.ndim).reduce((n, ax) => n * x.shape[ax], 1);
  if (!Number.isInteger(axis) || axis < -x.ndim || axis >= x.ndim) {
    throw new AxisError(`axis ${axis} is out of bounds for array of dimension ${x.ndim}`);
  }
  return x.shape[axis < 0 ? axis + x.ndim : axis];
}

/** Options of {@link reshape} and {@link copy}. */
export interface ArrayOrderOptions<O extends string> {
  /** The memory order. */
  order?: O;
}

/** Options of {@link reshape}: the order, and NumPy 2.1's `copy`. */
export interface ReshapeOptions extends ArrayOrderOptions<'C' | 'F' | 'A'> {
  /**
   * `true`: always a new array; `false`: a view or NumPy's ValueError ("Unable
   * to avoid creating a copy while reshaping."); `null`/absent: a view when the
   * strides allow it, else a copy.
   */
  copy?: boolean | null;
}

/**
 * NumPy's `np.reshape(a, shape, order='C', *, copy=None)`: `a.reshape(shape,
 * order)` (a view when the strides allow it); `copy: true` copies first,
 * `copy: false` refuses to copy (checked before any item moves).
 * @throws ValueError when `copy` is false and only a copy can have that shape.
 */
export function reshape<A extends NdArray>(a: A, newShape: number | readonly number[], order?: 'C' | 'F' | 'A' | ReshapeOptions | null, options?: ReshapeOptions): A;
export function reshape<A extends NdArray>(a: A, newShape: number | readonly number[], options?: ReshapeOptions): A;
export function reshape<A extends NdArray>(a: A, newShape: number | readonly number[], ...rest: unknown[]): A {
  if (newShape === undefined) throw new TypeError("reshape() missing 1 required positional argument: 'shape'");
  // NumPy's positional order (reshape(a, [4], 'F')), or the options; copy is keyword-only.
  const o = readKnownOptions(positionalOptions<ReshapeOptions>('reshape', ['order'], rest), ['order', 'copy'], 'reshape');
  const x = asAnyArray(a);
  requireOpen(x);
  // The method's work: a view when the strides allow it, copy: true first copies, copy: false refuses to.
  return x.reshape(newShape, { order: o.order, copy: o.copy }) as A;
}

/** The options of {@link copy}: NumPy's `order` and `subok`. */
export interface CopyOptions extends ArrayOrderOptions<Order> {
  /** `true` keeps `a`'s class (a Memmap gives a Memmap with no file); `false` (default, NumPy's) gives a plain NdArray. */
  subok?: boolean;
}

/**
 * NumPy's `np.copy(a, order='K', subok=False)`: a new array with `a`'s
 * layout kept by default (the method's default is `'C'`); a plain NdArray
 * unless `subok` (the method `a.copy()` keeps the class, as NumPy's).
 */
export function copy(a: NdArray, order?: Order | CopyOptions | null, subok?: boolean | CopyOptions | null, options?: CopyOptions): NdArray;
export function copy(a: NdArray, options?: CopyOptions): NdArray;
export function copy(a: NdArray, ...rest: unknown[]): NdArray {
  const o = readKnownOptions(positionalOptions<CopyOptions>('copy', ['order', 'subok'], rest), ['order', 'subok'], 'copy');
  if (o.subok !== undefined && typeof o.subok !== 'boolean') throw new TypeError(`copy(): subok must be a boolean, got ${describeValue(o.subok)}`);
  const x = asAnyArray(a);
  requireOpen(x);
  return o.subok === true ? x.copy(o.order ?? 'K') : copyAs(x, x.dtype, readOrder(o.order, 'K'));
}

/**
 * NumPy's `np.asfortranarray(a, dtype=None)`: `a` as an F-contiguous array
 * of at least one dimension (a view when it already is one, of `dtype`),
 * else an F-ordered copy cast to `dtype`. `dtype` positionally, as NumPy's,
 * or `{ dtype }`.
 */
export function asfortranarray(a: unknown, dtypeArg?: DTypeLike | null | AsContiguousOptions, options?: AsContiguousOptions): NdArray {
  const x = ofDType('asfortranarray', a, dtypeArg, options, 'F');
  if (x.ndim === 0) return x.reshape([1]);
  if (x.flags.fContiguous) return x.view();
  return copyAs(x, x.dtype, 'F');
}

/** NumPy's `np.isfortran(a)`: F-contiguous and not C-contiguous (a 1-d array is C-contiguous, so false). */
export function isfortran(a: NdArray): boolean {
  requireArray(a, 'isfortran', 'a');
  return a.flags.fContiguous && !a.flags.cContiguous;
}

/** NumPy's `np.save(file, arr)`: {@link saveNpy}, `.npy` appended to a path that lacks it. Returns the path written. */
export function save(path: string, a: unknown): string {
  const target = typeof path === 'string' && !path.endsWith('.npy') ? `${path}.npy` : path;
  saveNpy(target, asAnyArray(a));
  return target;
}
