/**
 * NumPy's order statistics: `median`, `quantile`, `percentile` (every
 * `method` of NumPy 2: the nine Hyndman & Fan methods and `lower`, `higher`,
 * `midpoint`, `nearest`) and `ptp`, computed as NumPy's
 * `_function_base_impl._quantile` / `_median` compute them, step for step:
 *
 * - the reduced axes move last and the array is sorted along them with the
 *   native sort (NumPy partitions instead: the same order statistics, the
 *   other items in a different order, which no result reads);
 * - each quantile's virtual index `v` (NumPy's `get_virtual_index`, float64
 *   arithmetic in NumPy's order) picks `previous = floor(v)` and `next`
 *   (clamped, NumPy's `_get_indexes`); methods with integer indexes
 *   (`lower`, `higher`, `nearest`, `inverted_cdf`, `closest_observation`,
 *   and `linear` with integer `q`) take the item, keeping the dtype;
 * - the others interpolate with NumPy's `_lerp`: `d = next - previous` in the
 *   array's dtype (integers wrap, bools are NumPy's TypeError), then
 *   `previous + d * g`, or `next - d * (1 - g)` when `g >= 0.5`, through the
 *   library's ufuncs, so the result dtype follows NumPy's promotion: a
 *   scalar `q` is weak (float32 stays float32), an array `q` is float64;
 * - a lane holding a NaN (sorted last) gives that NaN.
 *
 * `median` is the mean of the middle one or two sorted items (NumPy's
 * `mean` dtype rule: integers give float64, float16/32 keep theirs), NaN
 * for a lane with a NaN.
 * @module
 */
import type { NdArray } from './ndarray';
import { asarray } from './array-coerce';
import { IndexError, ValueError } from './errors';
import { optionsWithAxisArgs, readKnownOptions } from './options';
import { requireOpen } from './internal';
import { resolveAxes, mean, max, min, type Axis } from './reduce-axis';
import { sort } from './sort';
import { partition } from './partition';
import { stack } from './join';
import { add, multiply, subtract } from './ufuncs/arith';
import { isnan } from './ufuncs/math';
import { where } from './ufuncs/where';
import { intoOut, splitOut } from './reduce-out';
import { weightedQuantile, type QuantileWeights } from './quantile-weights';

/** NumPy's `method` names of {@link quantile} and {@link percentile}. */
export type QuantileMethod =
  | 'inverted_cdf' | 'averaged_inverted_cdf' | 'closest_observation'
  | 'interpolated_inverted_cdf' | 'hazen' | 'weibull' | 'linear'
  | 'median_unbiased' | 'normal_unbiased'
  | 'lower' | 'higher' | 'midpoint' | 'nearest';

/** Options of {@link quantile} and {@link percentile}, as NumPy's keywords. */
export interface QuantileOptions {
  /** The axis or axes to reduce (default: all of them). */
  axis?: Axis;
  /** How to pick or interpolate between the sorted items (default `'linear'`). */
  method?: QuantileMethod;
  /** Keep the reduced axes as length-1 axes. */
  keepdims?: boolean;
  /** Where to write the result (NumPy's `out=`): writeable, the result's shape, cast `'same_kind'`; returned. */
  out?: NdArray | null;
  /**
   * NumPy 2's `weights` (quantile, percentile and their nan forms; `method` must be
   * `'inverted_cdf'`): one non-negative weight per item, of `a`'s shape or
   * of the reduced axes' shape (lib/quantile-weights.ts).
   */
  weights?: QuantileWeights | null;
  /**
   * NumPy's `overwrite_input=`: accepted for NumPy's signature; the input is
   * never modified here (NumPy leaves its contents undefined when true).
   */
  overwriteInput?: boolean;
}

/** Options of {@link median} and {@link ptp}. */
export interface MedianOptions {
  /** The axis or axes to reduce (default: all of them). */
  axis?: Axis;
  /** Keep the reduced axes as length-1 axes. */
  keepdims?: boolean;
  /**
   * Where to write the result (NumPy's `out=`): writeable, the result's
   * shape; returned. median casts into it unsafely (NumPy's `mean(out=)`),
   * ptp under `'same_kind'`.
   */
  out?: NdArray | null;
  /**
   * NumPy's `overwrite_input=`: accepted for NumPy's signature; the input is
   * never modified here (NumPy leaves its contents undefined when true).
   */
  overwriteInput?: boolean;
}

/** What a quantile `q` may be: a number, a list of numbers, or an array. */
export type QuantileQ = number | readonly number[] | NdArray;

/** NumPy's banker's rounding (`np.around`), for the `nearest` method. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** NumPy's `_discrete_interpolation_to_boundaries`: floor or floor + 1, never below 0. */
function toBoundary(index: number, takeFloor: (g: number, index: number) => boolean): number {
  const previous = Math.floor(index);
  const g = index - previous;
  const r = takeFloor(g, index) ? previous : previous + 1;
  return r < 0 ? 0 : r;
}

export interface MethodRule {
  /** The virtual index of quantile `q` among `n` sorted items; `int` says it is already an index. */
  index(n: number, q: number, intQ: boolean): { v: number; int: boolean };
  /** NumPy's `fix_gamma`, for the interpolating methods. */
  gamma?(g: number, v: number): number;
  /**
   * The virtual index of an integer q is an integer (NumPy's formula has no
   * float term): an integer q array then makes gamma int64, truncated.
   */
  intIndex?: boolean;
}

/** NumPy's `_compute_virtual_index`: `n*q + (alpha + q*(1 - alpha - beta)) - 1`, in that order. */
const virtualIndex = (n: number, q: number, alpha: number, beta: number): number => n * q + (alpha + q * (1 - alpha - beta)) - 1;
const same = (g: number): number => g;
const continuous = (alpha: number, beta: number): MethodRule => ({ index: (n, q) => ({ v: virtualIndex(n, q, alpha, beta), int: false }), gamma: same });

/** NumPy's `_QuantileMethods`, as data. */
export const METHODS: Record<QuantileMethod, MethodRule> = {
  inverted_cdf: { index: (n, q) => ({ v: toBoundary(n * q - 1, (g) => g === 0), int: true }) },
  averaged_inverted_cdf: { index: (n, q) => ({ v: n * q - 1, int: false }), gamma: (g) => (g === 0 ? 0.5 : 1), intIndex: true },
  closest_observation: { index: (n, q) => ({ v: toBoundary(n * q - 1 - 0.5, (g, i) => g === 0 && ((Math.floor(i) % 2) + 2) % 2 === 1), int: true }) },
  interpolated_inverted_cdf: { ...continuous(0, 1), intIndex: true },
  hazen: continuous(0.5, 0.5),
  weibull: { ...continuous(0, 0), intIndex: true },
  // NumPy uses (n - 1) * q for linear ("to avoid some rounding issues"); an integer q keeps an integer index.
  linear: { index: (n, q, intQ) => ({ v: (n - 1) * q, int: intQ }), gamma: same },
  median_unbiased: continuous(1 / 3.0, 1 / 3.0),
  normal_unbiased: continuous(3 / 8.0, 3 / 8.0),
  lower: { index: (n, q) => ({ v: Math.floor((n - 1) * q), int: true }) },
  higher: { index: (n, q) => ({ v: Math.ceil((n - 1) * q), int: true }) },
  midpoint: {
    index: (n, q) => ({ v: 0.5 * (Math.floor((n - 1) * q) + Math.ceil((n - 1) * q)), int: false }),
    gamma: (_g, v) => (v % 1 === 0 ? 0 : 0.5),
  },
  nearest: { index: (n, q) => ({ v: roundHalfEven((n - 1) * q), int: true }) },
};

/** The reduced axes moved last and merged into one, sorted along it: shape `[...kept, n]`. */
export interface Sorted {
  sorted: NdArray;
  n: number;
  /** The result shape of one quantile (keepdims applied). */
  shape: number[];
}

/**
 * With `kths` (positions in a lane; negative ones count from the end) the
 * lanes are only partitioned there, as NumPy's quantile does: each of those
 * positions holds the item a sort puts there, which is all a quantile
 * reads. A position outside the lane sorts it whole.
 */
export function sortedLanes(a: NdArray, axis: Axis | undefined, keepdims: boolean, kths?: readonly number[], ureduce = false): Sorted {
  // quantile and median normalize the axis as NumPy's _ureduce does: axis 0 of a 0-d array is an AxisError.
  const axes = resolveAxes(axis, a.ndim, true);
  const kept: number[] = [];
  for (let i = 0; i < a.ndim; i++) if (!axes.includes(i)) kept.push(i);
  let n = 1;
  for (const ax of axes) n *= a.shape[ax];
  const keptShape = kept.map((i) => a.shape[i]);
  // NumPy's _ureduce merges two or more reduced axes with a.reshape(kept + (-1,)): an empty
  // kept part leaves -1 undetermined (its ValueError; nanquantile/nanmedian take another path).
  if (ureduce && axes.length > 1 && kept.length > 0 && keptShape.includes(0)) {
    throw new ValueError(`cannot reshape array of size 0 into shape (${keptShape.join(',')},newaxis)`);
  }
  const moved = a.ndim === 0 ? a : a.transpose([...kept, ...axes]);
  const lanes = moved.reshape([...keptShape, n]);
  const shape = keepdims ? a.shape.map((s, i) => (axes.includes(i) ? 1 : s)) : keptShape;
  const at = kths?.map((k) => (k < 0 ? k + n : k));
  const select = at !== undefined && n > 0 && at.every((k) => Number.isInteger(k) && k >= 0 && k < n);
  return { sorted: select ? partition(lanes, at, { axis: -1 }) : sort(lanes, { axis: -1 }), n, shape };
}

const inexact = (a: NdArray): boolean => a.dtype.kind === 'f';

/** `res` with each lane whose last sorted item is NaN replaced by that NaN (NumPy's copyto(..., where=isnan(arr[-1]))). */
function nanLanes(sorted: NdArray, res: NdArray): NdArray {
  const last = sorted.index('..., -1');
  const mask = isnan(last);
  if (!(any0(mask))) return res;
  const r = where(mask, last, res);
  return r.dtype.str === res.dtype.str ? r : r.astype(res.dtype);
}

function any0(mask: NdArray): boolean {
  return mask.size > 0 && Boolean(max(mask).get());
}

/** One quantile of every lane, shaped like the lanes without their last axis. */
/** The dtype a Python float takes beside `a` (NumPy 2's weak scalar rule): `a`'s for floats, else float64. */
export function weakFloatDType(a: NdArray): string {
  return a.dtype.kind === 'f' ? a.dtype.newbyteorder('=').str : '<f8';
}

/** A 0-d result in native byte order: NumPy returns a scalar there, and its scalars are native (a record, np.void, keeps its dtype). */
export function nativeScalar(r: NdArray): NdArray {
  return r.ndim === 0 && !r.dtype.isnative && !r.dtype.isStructured ? r.astype(r.dtype.newbyteorder('=')) : r;
}

function oneQuantile(s: Sorted, q: number, intQ: boolean, weak: boolean, qFloat: string, rule: MethodRule, scalar: boolean): NdArray {
  const { sorted, n } = s;
  const { v, int } = rule.index(n, q, intQ);
  let res: NdArray;
  if (int || rule.gamma === undefined) {
    res = sorted.index(`..., ${v}`).copy();
  } else {
    const [previous, next] = neighbours(v, n);
    const intGamma = intQ && !weak && rule.intIndex === true;
    const g0 = rule.gamma(v - previous, v);
    const g = intGamma ? Math.trunc(g0) : g0;
    const a = sorted.index(`..., ${previous}`);
    const b = sorted.index(`..., ${next}`);
    const d = subtract(b, a);
    // A scalar q is weak in NumPy (a Python float gamma, even when whole:
    // float arrays keep their dtype, integer ones go float64); an array q
    // makes gamma float64.
    const gdt = weak ? weakFloatDType(sorted) : intGamma ? '<i8' : qFloat;
    const t = asarray(g, gdt);
    const u = asarray(1 - g, gdt);
    const lerp = add(a, multiply(d, t));
    res = g >= 0.5 ? subtract(b, multiply(d, u), { dtype: lerp.dtype, casting: 'unsafe' }) : lerp;
  }
  if (inexact(sorted)) {
    // NumPy returns arr[-1] itself for a 0-d result whose lane holds a NaN.
    if (scalar && res.ndim === 0 && Number.isNaN(Number(sorted.index('..., -1').get()))) return sorted.index('..., -1').copy();
    res = nanLanes(sorted, res);
  }
  return res;
}

/**
 * NumPy's `_get_indexes`: the items either side of the virtual index `v` in
 * a lane of `n` sorted items; past the end (or NaN) both are the last one
 * (-1), before the start both the first (0).
 */
export function neighbours(v: number, n: number): [number, number] {
  if (Number.isNaN(v)) return [-1, -1];
  if (v < 0) return [0, 0];
  if (v >= n - 1) return [-1, -1];
  const previous = Math.floor(v);
  return [previous, previous + 1];
}

/** The checked quantiles (divided by 100 for percentiles) and their method: NumPy's checks, in its order. */
export interface QuantileArgs {
  qs: number[];
  qshape: readonly number[];
  /** NumPy's `weak_q`: q was a Python scalar (here a number). */
  weak: boolean;
  /** q had an integer (or bool) dtype: `linear` then takes items instead of interpolating. */
  intQ: boolean;
  /**
   * The dtype of NumPy's virtual indexes and so of gamma for an array `q`: a
   * float q's own (a float32 q keeps a float32 array's quantiles float32),
   * float64 otherwise.
   */
  qFloat: string;
  rule: MethodRule;
}

export function quantileArgs(a: NdArray, q: QuantileQ, method: unknown, name: string): QuantileArgs {
  requireOpen(a);
  if (a.dtype.kind === 'c') throw new TypeError('a must be an array of real numbers');
  const weak = typeof q === 'number';
  const qa = asarray(q);
  if (qa.dtype.kind !== 'f' && qa.dtype.kind !== 'i' && qa.dtype.kind !== 'u' && qa.dtype.kind !== 'b') throw new TypeError(`${name}(): q must be real numbers, got dtype ${qa.dtype.str}`);
  const scale = name.endsWith('percentile') ? 100 : 1;
  const qs = (qa.ravel().toArray() as (number | bigint | boolean)[]).map((x) => Number(x) / scale);
  if (!qs.every((x) => x >= 0 && x <= 1)) throw new ValueError(name.endsWith('percentile') ? 'Percentiles must be in the range [0, 100]' : 'Quantiles must be in the range [0, 1]');
  if (qa.ndim > 2) throw new ValueError('q must be a scalar or 1d');
  method ??= 'linear';
  const rule = typeof method === 'string' && Object.prototype.hasOwnProperty.call(METHODS, method) ? METHODS[method as QuantileMethod] : undefined;
  if (rule === undefined) throw new ValueError(`${typeof method === 'string' ? `'${method}'` : String(method)} is not a valid method. Use one of: dict_keys([${Object.keys(METHODS).map((m) => `'${m}'`).join(', ')}])`);
  // percentile's q / 100 is always float (NumPy's true_divide).
  const intQ = !name.endsWith('percentile') && qa.dtype.kind !== 'f';
  const qFloat = qa.dtype.kind === 'f' ? `<f${qa.dtype.itemsize}` : '<f8';
  return { qs, qshape: qa.shape, weak, intQ, qFloat, rule };
}

/** The quantiles, and whether they interpolate (NumPy's `_lerp` into `out`, which broadcasts) rather than take items (whose `out` must match). */
function quantileOf(a: NdArray, q: QuantileQ, options: Omit<QuantileOptions, 'out'> | undefined, name: 'quantile' | 'percentile'): [NdArray, boolean] {
  const o = readKnownOptions(options, ['axis', 'method', 'keepdims', 'weights', 'overwriteInput'], name);
  if (o.weights !== undefined && o.weights !== null) {
    // 'inverted_cdf' takes items: its `out` must match, as NumPy's.
    return [weightedQuantile(a, q, quantileArgs(a, q, 'inverted_cdf', name), o.weights, o.axis, o.method, o.keepdims ?? false, name), false];
  }
  const { qs, qshape, weak, intQ, qFloat, rule } = quantileArgs(a, q, o.method, name);
  const s = sortedLanes(a, o.axis, o.keepdims ?? false, quantilePositions(a, o.axis, qs, intQ, rule), true);
  if (s.n === 0) throw new IndexError('index -1 is out of bounds for axis 0 with size 0');
  // NumPy takes (or interpolates) from a C-ordered copy with the axis moved first, so the
  // result is C-ordered over (q axes, kept axes), then keepdims inserts the reduced axes;
  // one item per q (no kept axes) is a NumPy scalar there: native byte order.
  const keptShape = s.sorted.shape.slice(0, -1);
  const results = qs.map((x) => oneQuantile(s, x, intQ, weak, qFloat, rule, qshape.length === 0).reshape(keptShape));
  const r = nativeScalar(stackQ(results, qshape, keptShape));
  const interpolates = rule.gamma !== undefined && !rule.index(1, 0, intQ).int;
  return [(r.flags.cContiguous ? r : r.copy('C')).reshape([...qshape, ...s.shape]), interpolates];
}

/** The lane length of `a` reduced over `axis`. */
function laneLength(a: NdArray, axis: Axis | undefined): number {
  let n = 1;
  for (const ax of resolveAxes(axis, a.ndim)) n *= a.shape[ax];
  return n;
}

/** The lane positions oneQuantile reads for each of `qs`, and the last one (its NaN check). */
function quantilePositions(a: NdArray, axis: Axis | undefined, qs: readonly number[], intQ: boolean, rule: MethodRule): number[] {
  const n = laneLength(a, axis);
  const at = [-1];
  for (const q of qs) {
    const { v, int } = rule.index(n, q, intQ);
    if (int || rule.gamma === undefined) at.push(v);
    else at.push(...neighbours(v, n));
  }
  return at;
}

/** One result per quantile stacked in front: `q`'s shape, then the lanes' shape. */
export function stackQ(results: NdArray[], qshape: readonly number[], shape: readonly number[]): NdArray {
  if (qshape.length === 0) return results[0];
  if (results.length === 0) return asarray([], 'f8').reshape([...qshape, ...shape]);
  const r = stack(results, { axis: 0 }).reshape([...qshape, ...shape]);
  // Keep the lanes' byte order (a '>f8' take stays '>f8' in NumPy).
  // (A record dtype compares by its fields: stack gives the canonical one, NumPy's take keeps it.)
  return r.dtype.equals(results[0].dtype) ? r : r.astype(results[0].dtype);
}

/**
 * NumPy's `np.quantile(a, q, axis=None, method='linear', keepdims=False)`:
 * the `q`-th quantiles (`0 <= q <= 1`) of the items along `axis`. The result
 * has `q`'s shape followed by the kept axes. Complex arrays are NumPy's
 * TypeError; an empty lane is NumPy's IndexError.
 */
export function quantile(a: NdArray, q: QuantileQ, axis?: Axis | null, out?: NdArray | null, overwriteInput?: boolean | null, method?: QuantileOptions['method'] | null, keepdims?: boolean | null): NdArray;
export function quantile(a: NdArray, q: QuantileQ, axis?: Axis | QuantileOptions, options?: QuantileOptions): NdArray;
export function quantile(a: NdArray, q: QuantileQ, axis?: Axis | QuantileOptions, ...more: unknown[]): NdArray {
  const [out, rest] = splitOut(optionsWithAxisArgs<Axis | null, QuantileOptions>('quantile', ['out', 'overwriteInput', 'method', 'keepdims'], axis, more));
  const [r, interpolates] = quantileOf(a, q, rest, 'quantile');
  return intoOut(r, out, 'add', interpolates, interpolates ? 'output' : 'writeback');
}

/**
 * NumPy's `np.percentile(a, q, axis=None, method='linear', keepdims=False)`:
 * {@link quantile} of `q / 100` (`0 <= q <= 100`).
 */
export function percentile(a: NdArray, q: QuantileQ, axis?: Axis | null, out?: NdArray | null, overwriteInput?: boolean | null, method?: QuantileOptions['method'] | null, keepdims?: boolean | null): NdArray;
export function percentile(a: NdArray, q: QuantileQ, axis?: Axis | QuantileOptions, options?: QuantileOptions): NdArray;
export function percentile(a: NdArray, q: QuantileQ, axis?: Axis | QuantileOptions, ...more: unknown[]): NdArray {
  const [out, rest] = splitOut(optionsWithAxisArgs<Axis | null, QuantileOptions>('percentile', ['out', 'overwriteInput', 'method', 'keepdims'], axis, more));
  const [r, interpolates] = quantileOf(a, q, rest, 'percentile');
  return intoOut(r, out, 'add', interpolates, interpolates ? 'output' : 'writeback');
}

/**
 * NumPy's `np.median(a, axis=None, keepdims=False)`: the mean of the middle
 * one or two sorted items along `axis` (float64 for bools and integers),
 * NaN for a lane holding a NaN, NaN for an empty lane (NumPy also warns).
 */
export function median(a: NdArray, axis?: Axis | null, out?: NdArray | null, overwriteInput?: boolean | null, keepdims?: boolean | null): NdArray;
export function median(a: NdArray, axis?: Axis | MedianOptions, options?: MedianOptions): NdArray;
export function median(a: NdArray, axis?: Axis | MedianOptions, ...more: unknown[]): NdArray {
  const [out, rest] = splitOut(optionsWithAxisArgs<Axis | null, MedianOptions>('median', ['out', 'overwriteInput', 'keepdims'], axis, more));
  return intoOut(medianOf(a, rest, 'median'), out, null, false, 'output');
}

export function medianOf(a: NdArray, options: Omit<MedianOptions, 'out'> | undefined, name: string): NdArray {
  const o = readKnownOptions(options, ['axis', 'keepdims', 'overwriteInput'], name);
  requireOpen(a);
  const n = laneLength(a, o.axis);
  const h0 = Math.floor(n / 2);
  const s = sortedLanes(a, o.axis, o.keepdims ?? false, n % 2 === 1 ? [h0, -1] : [h0 - 1, h0, -1], true);
  const h = Math.floor(s.n / 2);
  const middle = s.n % 2 === 1 ? s.sorted.index(`..., ${h}:${h + 1}`) : s.sorted.index(`..., ${h - 1}:${h + 1}`);
  let res = mean(middle, -1);
  // NumPy's _median_nancheck for every inexact kind: a complex lane with a NaN (sorted last) is that item.
  if ((inexact(s.sorted) || s.sorted.dtype.kind === 'c') && s.n > 0) res = nanLanes(s.sorted, res);
  return nativeScalar(res.reshape(s.shape));
}

/**
 * NumPy's `np.ptp(a, axis=None, keepdims=False)`: `max - min` along `axis`
 * in the array's dtype (integers wrap, as NumPy's subtract does).
 */
export function ptp(a: NdArray, axis?: Axis | null, out?: NdArray | null, keepdims?: boolean | null): NdArray;
export function ptp(a: NdArray, axis?: Axis | Omit<MedianOptions, 'overwriteInput'>, options?: Omit<MedianOptions, 'overwriteInput'>): NdArray;
export function ptp(a: NdArray, axis?: Axis | Omit<MedianOptions, 'overwriteInput'>, ...more: unknown[]): NdArray {
  const [out, rest] = splitOut(optionsWithAxisArgs<Axis | null, Omit<MedianOptions, 'overwriteInput'>>('ptp', ['out', 'keepdims'], axis, more));
  const o = readKnownOptions(rest, ['axis', 'keepdims'], 'ptp');
  requireOpen(a);
  const opts = { keepdims: o.keepdims ?? false };
  if (out !== null) {
    // NumPy's _methods._ptp: subtract(maximum.reduce(a, out=out), minimum.reduce(a), out): the max
    // lands in out before the min is read, so an out overlapping a changes the min it sees.
    const mx = max(a, o.axis, { ...opts, out });
    return subtract(mx, min(a, o.axis, opts), { out });
  }
  return subtract(max(a, o.axis, opts), min(a, o.axis, opts));
}
