/**
 * NumPy 2's array-API names (the Python array API standard's spellings that
 * NumPy 2.0–2.2 added to its namespace).
 *
 * Most are the same objects as an older NumPy name, and are the same
 * functions here (`acos === arccos`, `pow === power`, `concat ===
 * concatenate`, ...: `out`, `where`, `dtype` and every error behave
 * identically, the error text naming the ufunc by NumPy's original name, as
 * NumPy's does: `np.acos.__name__` is `'arccos'`). The others are small
 * functions of their own, each as NumPy defines it:
 *
 * - `matrixTranspose(x)`: swaps the last two axes (a view); ValueError below 2-d.
 * - `permuteDims(a, axes)`: `transpose` (a view).
 * - `unstack(x, { axis })`: the views `x[..., i, ...]` along `axis`, as a list.
 * - `vecdot(x1, x2, { axis })`, `matvec`, `vecmat`: NumPy's gufuncs
 *   `(n),(n)->()`, `(m,n),(n)->(m)`, `(n),(n,m)->(m)` over the matrix-product
 *   loop of {@link matmul} (vecdot and vecmat conjugate the complex vector
 *   `x1`, as NumPy's do); NumPy's core-dimension errors.
 * - `cumulativeSum` / `cumulativeProd` (NumPy 2.1): `cumsum`/`cumprod`
 *   with `axis` required above 1-d, and `includeInitial` to prepend the identity.
 * - `astype(x, dtype, { copy })`: the method as a function.
 * - `isdtype(dtype, kind)`: kind names (`'bool'`, `'signed integer'`,
 *   `'unsigned integer'`, `'integral'`, `'real floating'`, `'complex
 *   floating'`, `'numeric'`), dtypes, or a list of them; byte order ignored.
 * @module
 */
import { inspect } from 'util';

import type { NdArray } from './ndarray';
import { isDType, type DType, type DTypeLike } from './dtype';
import { ValueError, describeValue } from './errors';
import { Slice, ellipsis, newaxis } from './indexing';
import { normalizeAxis } from './layout';
import { readKnownOptions } from './options';
import { tupleNoSpace } from './format';
import { asAnyArray } from './stack-helpers';
import { moveaxis, swapaxes } from './axis-views';
import { broadcastTo } from './views';
import { concatenate } from './join';
import { matmul } from './linalg';
import { cumsum, cumprod } from './cumulative';
import { UFuncTypeError } from './ufunc';
import { isNumeric, type Casting } from './promote';
import { checkLoopBroadcast, gufuncOut, intoGufuncOut, type GufuncOperand } from './gufunc-out';
import { withCoreAxes } from './matmul-axes';
import { describeNonArray, isArray, requireOpen } from './internal';
import { fullLike } from './create';
import { scalarTypeKey } from './type-queries';
import { arccos, arccosh, arcsin, arcsinh, arctan, arctan2, arctanh, invert, leftShift, power, rightShift } from './ufunc-object';
import { conjugate } from './ufuncs/arith';
import type { AstypeOptions } from './ndarray';

/** NumPy's `np.acos`: the same function as {@link arccos}. */
export const acos = arccos;
/** NumPy's `np.acosh`: the same function as {@link arccosh}. */
export const acosh = arccosh;
/** NumPy's `np.asin`: the same function as {@link arcsin}. */
export const asin = arcsin;
/** NumPy's `np.asinh`: the same function as {@link arcsinh}. */
export const asinh = arcsinh;
/** NumPy's `np.atan`: the same function as {@link arctan}. */
export const atan = arctan;
/** NumPy's `np.atanh`: the same function as {@link arctanh}. */
export const atanh = arctanh;
/** NumPy's `np.atan2`: the same function as {@link arctan2}. */
export const atan2 = arctan2;
/** NumPy's `np.pow`: the same function as {@link power}. */
export const pow = power;
/** NumPy's `np.bitwise_invert`: the same function as {@link invert}. */
export const bitwiseInvert = invert;
/** NumPy's `np.bitwise_left_shift`: the same function as {@link leftShift}. */
export const bitwiseLeftShift = leftShift;
/** NumPy's `np.bitwise_right_shift`: the same function as {@link rightShift}. */
export const bitwiseRightShift = rightShift;
/** NumPy's `np.concat`: the same function as {@link concatenate}. */
export const concat = concatenate;

/**
 * NumPy's `np.transpose(a, axes=None)` as a function: the axes reversed, or
 * permuted as `axes` says (a view). Errors are the method's (NumPy's).
 */
export function transpose<A extends NdArray>(a: A, axes?: readonly number[] | null): A {
  return asAnyArray(a).transpose(axes ?? null) as A;
}

/** NumPy's `np.permute_dims(a, axes=None)`: {@link transpose} under the array API's name. */
export function permuteDims<A extends NdArray>(a: A, axes?: readonly number[] | null): A {
  return transpose(a, axes);
}

/**
 * NumPy's `np.matrix_transpose(x)`: the last two axes swapped (a view).
 * @throws ValueError `Input array must be at least 2-dimensional, but it is 1`
 */
export function matrixTranspose<A extends NdArray>(x: A): A {
  const a = asAnyArray(x) as A;
  if (a.ndim < 2) throw new ValueError(`Input array must be at least 2-dimensional, but it is ${a.ndim}`);
  return swapaxes(a, -1, -2);
}

/** Options of {@link unstack} and {@link vecdot}: the axis (default 0 for unstack, -1 for vecdot). */
export interface ArrayApiAxisOptions {
  /** The axis. */
  axis?: number;
}

/**
 * NumPy's `np.unstack(x, axis=0)`: the sub-arrays along `axis`, each a view
 * of `x` with that axis removed, as a list (NumPy's tuple).
 * @throws ValueError `Input array must be at least 1-d.`; AxisError for an axis out of range.
 */
export function unstack<A extends NdArray>(x: A, options: ArrayApiAxisOptions = {}): A[] {
  const o = readKnownOptions(options, ['axis'], 'unstack');
  const a = asAnyArray(x) as A;
  requireOpen(a);
  if (a.ndim === 0) throw new ValueError('Input array must be at least 1-d.');
  const moved = moveaxis(a, o.axis ?? 0, 0);
  const n = moved.shape[0];
  const out: A[] = [];
  // NumPy's tuple(moveaxis(x, axis, 0)): iterating a 1-d array gives NumPy scalars, here
  // 0-d copies in native byte order (fuzz seeds 7000078 7000221), but a record's np.void
  // looks into the array's memory: a 0-d view, as it (fuzz 9008045); otherwise views.
  for (let i = 0; i < n; i++) {
    const item = moved.index(i) as A;
    out.push(moved.ndim > 1 || item.dtype.isStructured ? item : (item.astype(item.dtype.newbyteorder('=')) as A));
  }
  return out;
}

/** The gufunc signatures, for NumPy's messages. */
const VECDOT_SIG = '(n),(n)->()';
const MATVEC_SIG = '(m,n),(n)->(m)';
const VECMAT_SIG = '(n),(n,m)->(m)';

function needDims(name: string, sig: string, i: number, a: NdArray, core: number): void {
  if (a.ndim < core) {
    throw new ValueError(`${name}: Input operand ${i} does not have enough dimensions (has ${a.ndim}, gufunc core with signature ${sig} requires ${core})`);
  }
}

/** NumPy resolves a gufunc's loop before it checks core dimensions: a record or bytes operand is its UFuncTypeError first. */
function needLoop(name: string, a: NdArray, b: NdArray): void {
  if (!isNumeric(a.dtype) || !isNumeric(b.dtype)) {
    throw new UFuncTypeError(`ufunc '${name}' did not contain a loop with signature matching types (${inspect(a.dtype)}, ${inspect(b.dtype)}) -> None`);
  }
}

function sameCore(name: string, sig: string, want: number, got: number): void {
  if (want !== got) {
    throw new ValueError(`${name}: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature ${sig} (size ${got} is different from ${want})`);
  }
}

/** Options of {@link vecdot}, {@link matvec} and {@link vecmat}: NumPy's gufunc keywords. */
export interface GufuncOptions {
  /** Where to write the result (its core shape the result's, its other axes ones the result broadcasts to); returned. */
  out?: NdArray | null;
  /** The dtype to compute in and of the result; the inputs must cast to it under `casting`. */
  dtype?: DTypeLike | null;
  /** NumPy's `casting` for the inputs into `dtype` and the result into `out` (default `'same_kind'`). */
  casting?: Casting;
  /**
   * NumPy's `axes`: per operand, then the output, where its core axes are
   * (a pair for a matrix, an integer or 1-list for a vector; vecdot's
   * output has none and its entry may be left out), instead of last.
   */
  axes?: readonly (number | readonly number[])[];
}

/** Options of {@link vecdot}: the gufunc keywords and the axis holding the vectors. */
export interface VecdotOptions extends GufuncOptions {
  /** The axis of both operands holding the vectors (default -1). */
  axis?: number;
}

/** The matrix product under another gufunc's name (matmul's loop and cast errors renamed), then its core axes dropped by `pick`, into `out`. */
function product(name: string, sig: string, a: NdArray, b: NdArray, o: GufuncOptions, pick: (r: NdArray) => NdArray, inputs: readonly GufuncOperand[], outCore: number): NdArray {
  const out = gufuncOut(o.out);
  const casting = o.casting ?? 'same_kind';
  let r: NdArray;
  try {
    r = pick(matmul(a, b, { dtype: o.dtype, casting }));
  } catch (e) {
    if (e instanceof UFuncTypeError) throw new UFuncTypeError(e.message.replace("ufunc 'matmul'", `ufunc '${name}'`));
    throw e;
  }
  return intoGufuncOut(name, sig, r, out, casting, outCore, inputs);
}

/**
 * The gufunc `fn` with NumPy's `axes`: each operand's core axes moved last,
 * `fn` called without `axes` or `out`, its result's core axes moved back,
 * then stored into `out` (whose shape must be that result's).
 */
function viaAxes(name: string, sig: string, ops: readonly NdArray[], cores: readonly number[], outCore: number, o: GufuncOptions, fn: (x: NdArray, y: NdArray, o: GufuncOptions) => NdArray): NdArray {
  needLoop(name, ops[0], ops[1]);
  const r = withCoreAxes(name, ops, cores, outCore, o.axes, (x, y) => fn(x, y, { dtype: o.dtype, casting: o.casting }));
  return intoGufuncOut(name, sig, r, gufuncOut(o.out), o.casting ?? 'same_kind', 0, []);
}

/**
 * `x1` conjugated for vecdot/vecmat, whose product then sees x1's layout as
 * NumPy's gufunc does (it conjugates inside its loop): a broadcast axis
 * (stride 0) is conjugated once and broadcast again, and an empty array is
 * left as it is (a new one has zero strides); either way a new array's
 * layout ordered the result otherwise (fuzz seed 11250826).
 */
function conjugated(a: NdArray): NdArray {
  if (a.dtype.kind !== 'c' || a.size === 0) return a;
  const broadcast = a.strides.map((st, i) => st === 0 && a.shape[i] > 1);
  if (!broadcast.includes(true)) return conjugate(a);
  return broadcastTo(conjugate(a.index(...broadcast.map((b) => (b ? new Slice(0, 1) : new Slice())))), a.shape);
}

/**
 * NumPy's `np.vecdot(x1, x2, axis=-1, out=None, dtype=None, casting='same_kind', axes=None)`:
 * the dot product of vectors along `axis` (broadcast over the other axes),
 * the complex `x1` conjugated: `sum(conj(x1) * x2, axis)` summed by the
 * matrix-product loop.
 * @throws ValueError for a 0-d operand or vectors of different lengths (NumPy's gufunc messages);
 *   an `out` of the wrong shape; UFuncTypeError for a refused cast; AccessError for a read-only `out`.
 */
export function vecdot(x1: unknown, x2: unknown, options: VecdotOptions = {}): NdArray {
  const o = readKnownOptions(options, ['axis', 'out', 'dtype', 'casting', 'axes'], 'vecdot');
  let a = asAnyArray(x1);
  let b = asAnyArray(x2);
  requireOpen(a);
  requireOpen(b);
  if (o.axes !== undefined && o.axes !== null) {
    if (o.axis !== undefined && o.axis !== null) throw new TypeError("cannot specify both 'axis' and 'axes'");
    return viaAxes('vecdot', VECDOT_SIG, [a, b], [1, 1], 0, o, vecdot);
  }
  needLoop('vecdot', a, b);
  needDims('vecdot', VECDOT_SIG, 0, a, 1);
  needDims('vecdot', VECDOT_SIG, 1, b, 1);
  const axis = o.axis ?? -1;
  if (axis !== -1) {
    a = moveaxis(a, normalizeAxis(axis, a.ndim), -1);
    b = moveaxis(b, normalizeAxis(axis, b.ndim), -1);
  }
  sameCore('vecdot', VECDOT_SIG, a.shape[a.ndim - 1], b.shape[b.ndim - 1]);
  const inputs = [{ shape: a.shape, core: 1 }, { shape: b.shape, core: 1 }];
  checkLoopBroadcast(inputs, [], o.out);
  return product('vecdot', VECDOT_SIG, conjugated(a).index(ellipsis, newaxis, new Slice()), b.index(ellipsis, newaxis), o, (r) => r.index(ellipsis, 0, 0), inputs, 0);
}

/**
 * NumPy 2.2's `np.matvec(x1, x2, out=None, dtype=None, casting='same_kind', axes=None)`:
 * matrix (last two axes of `x1`) times vector (last axis of `x2`),
 * broadcast over the other axes. Not conjugated.
 */
export function matvec(x1: unknown, x2: unknown, options: GufuncOptions = {}): NdArray {
  const o = readKnownOptions(options, ['out', 'dtype', 'casting', 'axes'], 'matvec');
  const a = asAnyArray(x1);
  const b = asAnyArray(x2);
  requireOpen(a);
  requireOpen(b);
  if (o.axes !== undefined && o.axes !== null) return viaAxes('matvec', MATVEC_SIG, [a, b], [2, 1], 1, o, matvec);
  needLoop('matvec', a, b);
  needDims('matvec', MATVEC_SIG, 0, a, 2);
  needDims('matvec', MATVEC_SIG, 1, b, 1);
  sameCore('matvec', MATVEC_SIG, a.shape[a.ndim - 1], b.shape[b.ndim - 1]);
  const inputs = [{ shape: a.shape, core: 2 }, { shape: b.shape, core: 1 }];
  checkLoopBroadcast(inputs, [a.shape[a.ndim - 2]], o.out);
  return product('matvec', MATVEC_SIG, a, b.index(ellipsis, newaxis), o, (r) => r.index(ellipsis, 0), inputs, 1);
}

/**
 * NumPy 2.2's `np.vecmat(x1, x2, out=None, dtype=None, casting='same_kind', axes=None)`:
 * vector (last axis of `x1`, conjugated when complex) times matrix (last
 * two axes of `x2`), broadcast over the other axes.
 */
export function vecmat(x1: unknown, x2: unknown, options: GufuncOptions = {}): NdArray {
  const o = readKnownOptions(options, ['out', 'dtype', 'casting', 'axes'], 'vecmat');
  const a = asAnyArray(x1);
  const b = asAnyArray(x2);
  requireOpen(a);
  requireOpen(b);
  if (o.axes !== undefined && o.axes !== null) return viaAxes('vecmat', VECMAT_SIG, [a, b], [1, 2], 1, o, vecmat);
  needLoop('vecmat', a, b);
  needDims('vecmat', VECMAT_SIG, 0, a, 1);
  needDims('vecmat', VECMAT_SIG, 1, b, 2);
  sameCore('vecmat', VECMAT_SIG, a.shape[a.ndim - 1], b.shape[b.ndim - 2]);
  const inputs = [{ shape: a.shape, core: 1 }, { shape: b.shape, core: 2 }];
  checkLoopBroadcast(inputs, [b.shape[b.ndim - 1]], o.out);
  return product('vecmat', VECMAT_SIG, conjugated(a).index(ellipsis, newaxis, new Slice()), b, o, (r) => r.index(ellipsis, 0, new Slice()), inputs, 1);
}

/** Options of {@link cumulativeSum} and {@link cumulativeProd}, NumPy's keywords. */
export interface CumulativeApiOptions {
  /** The axis to accumulate along; required for arrays of more than one dimension. */
  axis?: number | null;
  /** The dtype to accumulate in, and of the result (default: cumsum's rule, small integers and bools widening to int64). */
  dtype?: DTypeLike | null;
  /** Where to store the result (its shape must be the result's); returned. */
  out?: NdArray | null;
  /** Prepend the identity (0 or 1): the result is one longer along `axis` (default false). */
  includeInitial?: boolean;
}

function cumulative(x: unknown, options: CumulativeApiOptions, name: 'cumulative_sum' | 'cumulative_prod'): NdArray {
  const o = readKnownOptions(options, ['axis', 'dtype', 'out', 'includeInitial'], name);
  let a = asAnyArray(x);
  requireOpen(a);
  if (a.ndim === 0) a = a.reshape(1);
  let axis = o.axis ?? null;
  if (axis === null) {
    if (a.ndim >= 2) throw new ValueError('For arrays which have more than one dimension ``axis`` argument is required.');
    axis = 0;
  }
  const ax = normalizeAxis(axis, a.ndim);
  const run = name === 'cumulative_sum' ? cumsum : cumprod;
  const identity = name === 'cumulative_sum' ? 0 : 1;
  // NumPy's add.accumulate picks the dtype as cumsum does (small ints and bools widen to int64).
  const dtype = o.dtype ?? undefined;
  const along = (start: number | null, stop: number | null): (Slice | number)[] => [...Array.from({ length: ax }, () => new Slice()), new Slice(start, stop)];
  const out = o.out ?? null;
  if (!o.includeInitial) return run(a, ax, { dtype, out });
  if (out !== null) {
    const rest = out.index(...along(1, null));
    // NumPy's accumulate into out[..., 1:] meets the shapes in its iterator: its broadcast error.
    if (rest.ndim === a.ndim && rest.shape.some((d, i) => d !== a.shape[i])) {
      throw new ValueError(`operands could not be broadcast together with remapped shapes [original->remapped]: ${tupleNoSpace(rest.shape)}->${tupleNoSpace(rest.shape)} ${tupleNoSpace(a.shape)}->${tupleNoSpace(a.shape)} `);
    }
    run(a, ax, { dtype, out: rest });
    out.index(...along(0, 1)).fill(identity);
    return out;
  }
  // NumPy's concat([full_like(res, identity, shape=...), res], axis): concatenate keeps
  // the inputs' memory order (an F-ordered result stays F; fuzz seeds 7000298 7000749).
  const r = run(a, ax, { dtype });
  const initial = [...r.shape];
  initial[ax] = 1;
  return concatenate([fullLike(r, identity, { shape: initial }), r], { axis: ax });
}

/**
 * NumPy 2.1's `np.cumulative_sum(x, axis=None, dtype=None, out=None,
 * include_initial=False)`: `np.add.accumulate` along `axis` (required above
 * 1-d; a 0-d input is taken as 1-d), with 0 prepended when `includeInitial`.
 */
export function cumulativeSum(x: unknown, options: CumulativeApiOptions = {}): NdArray {
  return cumulative(x, options, 'cumulative_sum');
}

/** NumPy 2.1's `np.cumulative_prod`: as {@link cumulativeSum}, with products and 1 prepended. */
export function cumulativeProd(x: unknown, options: CumulativeApiOptions = {}): NdArray {
  return cumulative(x, options, 'cumulative_prod');
}

/** Options of the function {@link astype}. */
export type AstypeFunctionOptions = Pick<AstypeOptions, 'copy'>;

/**
 * NumPy's `np.astype(x, dtype, copy=True)`: `x.astype(dtype, { copy })`
 * (the source's memory order, unsafe casting); `copy: false` returns `x`
 * itself when its dtype is already `dtype`.
 */
export function astype(x: NdArray, dtype: DTypeLike, options: AstypeFunctionOptions = {}): NdArray {
  const o = readKnownOptions(options, ['copy'], 'astype');
  // NumPy's words: np.astype takes only an array (no nested lists).
  if (!isArray(x)) throw new TypeError(`Input should be a NumPy array (an NdArray). It is ${describeNonArray(x)} instead.`);
  return x.astype(dtype, { copy: o.copy ?? true });
}

/** A kind name of {@link isdtype}. */
export type DTypeKindName = 'bool' | 'signed integer' | 'unsigned integer' | 'integral' | 'real floating' | 'complex floating' | 'numeric';

/** The kinds each kind name stands for, by NumPy's `dtype.kind` letter. */
const KIND_NAMES: Readonly<Record<DTypeKindName, string>> = {
  bool: 'b',
  'signed integer': 'i',
  'unsigned integer': 'u',
  integral: 'iu',
  'real floating': 'f',
  'complex floating': 'c',
  numeric: 'iufc',
};


/**
 * NumPy's `np.isdtype(dtype, kind)`: whether `dtype` is of `kind` — a kind
 * name, a dtype (the same scalar type: `>f8` is `<f8`), or a list of them
 * (any one). `dtype` must be a {@link DType}, as NumPy's must be a dtype.
 * @throws TypeError when `dtype` is not a DType or a kind is neither a name nor a DType; ValueError for an unknown kind name.
 */
export function isdtype(dtype: DType, kind: DTypeKindName | DType | readonly (DTypeKindName | DType)[]): boolean {
  if (!isDType(dtype)) throw new TypeError(`dtype argument must be a NumPy dtype, but it is ${describeValue(dtype)}.`);
  const kinds: readonly unknown[] = Array.isArray(kind) ? kind : [kind];
  let hit = false;
  for (const k of kinds) {
    if (typeof k === 'string') {
      if (!Object.prototype.hasOwnProperty.call(KIND_NAMES, k)) throw new ValueError(`kind argument is a string, but ${inspect(k)} is not a known kind name.`);
      if (KIND_NAMES[k as DTypeKindName].includes(dtype.kind)) hit = true;
    } else if (isDType(k)) {
      if (scalarTypeKey(k) === scalarTypeKey(dtype)) hit = true;
    } else {
      throw new TypeError(`kind argument must be comprised of NumPy dtypes or strings only, but is ${describeValue(k)}.`);
    }
  }
  return hit;
}
