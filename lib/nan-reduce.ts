/**
 * NumPy's NaN-ignoring reductions (`numpy/lib/_nanfunctions_impl.py`),
 * computed as NumPy computes them so the bits agree:
 *
 * - `nansum`, `nanprod`, `nancumsum`, `nancumprod`: NaNs replaced by 0 (or 1)
 *   in a copy (NumPy's `_replace_nan`), then the plain reduction;
 * - `nanmin` / `nanmax`: NumPy's `fmin.reduce` / `fmax.reduce`, a fold that
 *   skips NaNs (a lane of NaNs only gives its first NaN; ties keep the first
 *   item, so signed zeros are NumPy's); `nanargmin` / `nanargmax`: NaNs
 *   replaced by +inf (-inf), and an all-NaN lane is NumPy's
 *   `ValueError: All-NaN slice encountered`;
 * - `nanmean`, `nanvar`, `nanstd`: NumPy's sums of the replaced copy divided
 *   by the count of non-NaN items (`_divide_by_count`), deviations of NaN
 *   items zeroed; a lane with no item (or `count - ddof <= 0`) is NaN;
 * - `nanmedian`, `nanquantile`, `nanpercentile`: each lane sorted (NaNs sort
 *   last), its non-NaN count `c` read, and the order statistic of the first
 *   `c` items taken as `median` / `quantile` take it; a lane of NaNs only is
 *   NaN.
 *
 * Where NumPy only warns (RuntimeWarning: all-NaN slice, mean of empty
 * slice, degrees of freedom <= 0) the result here is the same NaN with no
 * warning: see README "Where JavaScript differs". Arrays that cannot hold
 * NaN (bool, integers) go straight to the plain reductions, as in NumPy.
 * @module
 */
import type { NdArray } from './ndarray';
import { dtype as toDType, type DTypeLike } from './dtype';
import { asarray } from './array-coerce';
import { whereMask } from './reduce-initial';
import { ValueError } from './errors';
import { noReductionLoop } from './no-loop';
import { axisArgs, optionsWithAxisArgs, readKnownOptions, type WithAxis } from './options';
import { allocate, describeNonArray, isArray, requireOpen } from './internal';
import { ufuncFoldNative } from './index-kernels';
import { nativeAtOp } from './ufunc-native';
import { reshapeStrides } from './layout';
import { fromBuffer, full } from './create';
import { typedArray } from './typed';
import { capturingKernels, mayHoldBothZeros, reduceNative, ReduceOp } from './kernels';
import { all, any, argmax, argmin, countNonzero, max, mean, min, prod, resolveAxes, signZeros, sum, type Axis } from './reduce-axis';
import { variance, std } from './variance';
import { cumsum, cumprod, type CumulativeOptions } from './cumulative';
import { take } from './fancy';
import { add, conjugate, divide, multiply, subtract } from './ufuncs/arith';
import { equal, lessEqual, logicalNot, greaterEqual } from './ufuncs/compare';
import { isnan, sqrt } from './ufuncs/math';
import { where } from './ufuncs/where';
import { median, nativeScalar, neighbours, quantileArgs, sortedLanes, stackQ, type MedianOptions, type QuantileOptions, type QuantileQ, type MethodRule, type Sorted } from './quantile';
import { weightedQuantile } from './quantile-weights';
import { intoOut, splitOut } from './reduce-out';
import type { PyScalar } from './promote';
import { broadcastTo } from './views';
import { squeeze } from './axis-views';
import { copyto } from './copyto';
import { allocateOrdered, kOrder } from './compute-values';

/** Options of {@link nansum}, {@link nanprod} and {@link nanmean}, as NumPy's keywords. */
export interface NanReduceOptions {
  /** Keep the reduced axes as length-1 axes. */
  keepdims?: boolean;
  /** The dtype to accumulate in (and of the result). */
  dtype?: DTypeLike;
  /** An array to write the result into (its shape must be the result's); it is returned. */
  out?: NdArray;
  /** NumPy's `initial=` (nansum, nanprod): the value each lane's reduction starts from. */
  initial?: PyScalar;
  /** NumPy's `where=`: a bool array (or a nested list of truths) broadcast to `a`, or a boolean; only the items where it is true count. */
  where?: NdArray | boolean | readonly unknown[];
}

/** Options of {@link nanargmin} and {@link nanargmax}, as NumPy's keywords. */
export interface NanArgOptions {
  /** Keep the reduced axis as a length-1 axis. */
  keepdims?: boolean;
  /** Where to write the indices (argmin's `out` rules); it is returned. */
  out?: NdArray;
}

/** Options of {@link nanmin} and {@link nanmax}, as NumPy's keywords. */
export interface NanExtremaOptions {
  /** Keep the reduced axes as length-1 axes. */
  keepdims?: boolean;
  /** An array to write the result into (its shape must be the result's); it is returned. */
  out?: NdArray;
  /** NumPy's `initial=` (nanmin, nanmax): the value each lane's fold starts from (an empty lane gives it). */
  initial?: PyScalar;
  /** NumPy's `where=` (nanmin, nanmax; needs `initial`): a bool array (or a nested list of truths) broadcast to `a`; only the items where it is true count. */
  where?: NdArray | boolean | readonly unknown[];
}

/** Options of {@link nanvar} and {@link nanstd}, as NumPy's keywords. */
export interface NanVarianceOptions extends Omit<NanReduceOptions, 'initial'> {
  /** Delta degrees of freedom: the divisor is `count - ddof` (default 0). */
  ddof?: number;
  /** NumPy's array-API spelling of `ddof` (giving both is NumPy's ValueError). */
  correction?: number;
  /** NumPy's `mean=`: the mean to take the deviations from, shaped as `nanmean(a, axis, { keepdims: true })`. */
  mean?: NdArray;
}

const canHoldNan = (a: NdArray): boolean => a.dtype.kind === 'f' || a.dtype.kind === 'c';

/** The keywords each family takes, as NumPy's signatures (an unknown one is NumPy's TypeError). */
const SUM_KEYS = ['keepdims', 'dtype', 'out', 'initial', 'where'] as const;
const EXTREMA_KEYS = ['keepdims', 'out', 'initial', 'where'] as const;
const MEAN_KEYS = ['keepdims', 'dtype', 'out', 'where'] as const;
const VARIANCE_KEYS = ['keepdims', 'dtype', 'out', 'where', 'ddof', 'correction', 'mean'] as const;

/** NumPy's `_replace_nan`: a copy with NaNs set to `value`, and the NaN mask; `a` itself and null when it has no NaN kind. */
function replaceNan(a: NdArray, value: number): { arr: NdArray; mask: NdArray | null } {
  requireOpen(a);
  if (!canHoldNan(a)) return { arr: a, mask: null };
  const mask = isnan(a);
  // An empty `a` too: NumPy's copy of one is C-ordered whatever its strides (it is
  // both C and F contiguous), where where() kept an F-like order (fuzz seed 9252026).
  // A byte-swapped `a` too: NumPy's copy keeps its byte order, so the sums
  // over it are NumPy's buffered ones (where() would give a native array).
  if (a.size === 0 || !a.dtype.isnative || a.shape.some((n, i) => n > 1 && a.strides[i] === 0)) {
    // NumPy's _replace_nan copies `a` (np.array(a, copy=True): PyArray_NewLikeArray's
    // 'K' layout, a broadcast axis innermost) and then writes `value` under the mask;
    // where() would lay it out as the iterator does (the broadcast axis in place), and
    // nancumsum/nancumprod's result follows that layout (fuzz seed 6003540).
    const arr = a.copy('K');
    copyto(arr, value, { where: mask });
    return { arr, mask };
  }
  return { arr: where(mask, value, a), mask };
}

/**
 * `f` of replaceNan's array; the two temporaries replaceNan made (when it
 * made any) are freed once `f` has returned, as NumPy frees them at
 * refcount 0: the next call's large temporary reuses their regions at once
 * instead of waiting for a GC (see nanmean). `f`'s result never shares
 * their memory (a reduction or an accumulation: a new array).
 */
function withNanReplaced(a: NdArray, value: number, f: (arr: NdArray) => NdArray): NdArray {
  const { arr, mask } = replaceNan(a, value);
  const r = f(arr);
  if (mask !== null) {
    arr.release();
    mask.release();
  }
  return r;
}

/** NumPy's `np.nansum(a, axis, dtype=, out=, keepdims=, initial=, where=)`: the sum with NaNs counted as zero. */
export function nansum(a: NdArray, axis?: Axis | null, dtype?: DTypeLike | null, out?: NdArray | null, keepdims?: boolean | null, initial?: PyScalar | null, where?: NdArray | boolean | readonly unknown[] | null): NdArray;
export function nansum(a: NdArray, axis?: Axis | WithAxis<NanReduceOptions, Axis>, options?: NanReduceOptions | null): NdArray;
export function nansum(a: NdArray, axis?: Axis | WithAxis<NanReduceOptions, Axis>, ...rest: unknown[]): NdArray {
  let options: NanReduceOptions | undefined;
  [axis, options] = axisArgs('nansum', ['dtype', 'out', 'keepdims', 'initial', 'where'], axis, rest) as [Axis | undefined, NanReduceOptions | undefined];
  const o = readKnownOptions(options, SUM_KEYS, 'nansum');
  return withNanReplaced(a, 0, (arr) => sum(arr, axis, o));
}

/** NumPy's `np.nanprod(a, axis, dtype=, out=, keepdims=, initial=, where=)`: the product with NaNs counted as one. */
export function nanprod(a: NdArray, axis?: Axis | null, dtype?: DTypeLike | null, out?: NdArray | null, keepdims?: boolean | null, initial?: PyScalar | null, where?: NdArray | boolean | readonly unknown[] | null): NdArray;
export function nanprod(a: NdArray, axis?: Axis | WithAxis<NanReduceOptions, Axis>, options?: NanReduceOptions | null): NdArray;
export function nanprod(a: NdArray, axis?: Axis | WithAxis<NanReduceOptions, Axis>, ...rest: unknown[]): NdArray {
  let options: NanReduceOptions | undefined;
  [axis, options] = axisArgs('nanprod', ['dtype', 'out', 'keepdims', 'initial', 'where'], axis, rest) as [Axis | undefined, NanReduceOptions | undefined];
  const o = readKnownOptions(options, SUM_KEYS, 'nanprod');
  return withNanReplaced(a, 1, (arr) => prod(arr, axis, o));
}

/** NumPy's `np.nancumsum(a, axis=None, dtype=)`: running sums with NaNs counted as zero. */
export function nancumsum(a: NdArray, axis?: number | null | null, dtype?: DTypeLike | null, out?: NdArray | null): NdArray;
export function nancumsum(a: NdArray, axis?: number | null | WithAxis<CumulativeOptions, number | null>, options?: CumulativeOptions | null): NdArray;
export function nancumsum(a: NdArray, axis?: number | null | WithAxis<CumulativeOptions, number | null>, ...rest: unknown[]): NdArray {
  let options: CumulativeOptions | undefined;
  [axis, options] = axisArgs('nancumsum', ['dtype', 'out'], axis, rest) as [number | null | undefined, CumulativeOptions | undefined];
  // Checked under this function's name (an unknown keyword is nancumsum()'s TypeError, not cumsum()'s).
  readKnownOptions(options, ['dtype', 'out'], 'nancumsum');
  return withNanReplaced(a, 0, (arr) => cumsum(arr, axis, options));
}

/** NumPy's `np.nancumprod(a, axis=None, dtype=)`: running products with NaNs counted as one. */
export function nancumprod(a: NdArray, axis?: number | null | null, dtype?: DTypeLike | null, out?: NdArray | null): NdArray;
export function nancumprod(a: NdArray, axis?: number | null | WithAxis<CumulativeOptions, number | null>, options?: CumulativeOptions | null): NdArray;
export function nancumprod(a: NdArray, axis?: number | null | WithAxis<CumulativeOptions, number | null>, ...rest: unknown[]): NdArray {
  let options: CumulativeOptions | undefined;
  [axis, options] = axisArgs('nancumprod', ['dtype', 'out'], axis, rest) as [number | null | undefined, CumulativeOptions | undefined];
  // Checked under this function's name (an unknown keyword is nancumprod()'s TypeError, not cumprod()'s).
  readKnownOptions(options, ['dtype', 'out'], 'nancumprod');
  return withNanReplaced(a, 1, (arr) => cumprod(arr, axis, options));
}

/**
 * A reduced axis of length 0: NumPy's fmin/fmax reduce has no identity. An
 * empty array reduced along its non-empty axes gives an empty result, no
 * error (fuzz seeds 1011791, 1009379).
 */
function emptyLane(a: NdArray, axis: Axis | undefined): boolean {
  return a.ndim === 0 ? false : resolveAxes(axis, a.ndim).some((ax) => a.shape[ax] === 0);
}

function nanExtremum(a: NdArray, axis: Axis | undefined, options: NanExtremaOptions | undefined, name: 'nanmin' | 'nanmax'): NdArray {
  const o = readKnownOptions(options, EXTREMA_KEYS, name);
  requireOpen(a);
  const reduce = name === 'nanmin' ? min : max;
  const ufunc = name === 'nanmin' ? 'fmin' : 'fmax';
  // Records, void and bytes: NumPy reduces them with fmin/fmax, which have no
  // loop for them (before any option is looked at but the axis, which the
  // reduction converts first: an axis out of range is its AxisError).
  if ('VS'.includes(a.dtype.kind)) {
    resolveAxes(axis, a.ndim);
    throw noReductionLoop(ufunc, a.dtype);
  }
  // where=True is NumPy's default (no mask).
  const given = whereMask(o.where);
  const mask = given === true ? undefined : given;
  // NumPy's fmin/fmax have no identity: a where mask needs `initial`, whatever the mask holds
  // (checked once the reduction has converted the axis: a bad one is its AxisError first).
  if (mask !== undefined && o.initial === undefined) {
    resolveAxes(axis, a.ndim);
    throw new ValueError(`reduction operation '${ufunc}' does not have an identity, so to use a where mask one has to specify 'initial'`);
  }
  const kw: { keepdims?: boolean; initial?: PyScalar; where?: NdArray | boolean; out?: NdArray } = {};
  if (o.keepdims !== undefined) kw.keepdims = o.keepdims;
  if (o.initial !== undefined) kw.initial = o.initial;
  if (mask !== undefined) kw.where = mask;
  if (o.out !== undefined) {
    // NumPy's fmin/fmax reduce names itself when `out` has the wrong number of dimensions
    // (gh-28721's test: the fast route's error is fmax's, not maximum's).
    const want = o.keepdims ? a.ndim : a.ndim - resolveAxes(axis, a.ndim).length;
    if (isArray(o.out) && o.out.ndim !== want) {
      throw new ValueError(`output parameter for reduction operation ${ufunc} has the wrong number of dimensions: Found ${o.out.ndim} but expected ${want}`);
    }
    kw.out = o.out;
  }
  if (!canHoldNan(a)) return reduce(a, axis, kw);
  if (o.initial === undefined && emptyLane(a, axis)) throw new ValueError(`zero-size array to reduction operation ${ufunc} which has no identity`);
  if (o.out === undefined && mask === undefined) {
    const axes = resolveAxes(axis, a.ndim);
    const keepdims = o.keepdims ?? false;
    // Every axis: the kernel's fmin/fmax reduction over the whole array (any
    // size, read ahead from a file as max() is).
    const whole = axes.length === a.ndim && o.initial === undefined ? wholeByKernel(a, keepdims, name === 'nanmin') : null;
    if (whole !== null) return whole;
    // One pass: NumPy's fold by the fmin/fmax loop itself, in the layout of the
    // plain reduction's result (below).
    const folded = foldByLoop(a, axes, keepdims, name === 'nanmin', o.initial);
    if (folded !== null) return laidOutAsReduction(a, axes, keepdims, folded);
  }
  // The plain reduction (native, any size) has NumPy's dtype and layout for a
  // reduction of `a` (its memory order: fuzz seed 1003900), `out`'s checks and
  // cast, and NumPy's fmin/fmax fold's values wherever no lane meets a NaN and
  // no result is a zero (whose sign a tie decides): then it is the answer.
  const res = reduce(a, axis, kw);
  const real = a.dtype.kind !== 'c';
  if (real && res.size > 0 && !any(isnan(res)).get()) {
    // With one sign of zero among the items (and no zero `initial`), a zero
    // result has that sign whichever zero a tie kept.
    if (!any(equal(res, 0)).get() || (Number(o.initial ?? 1) !== 0 && !mayHoldBothZeros(a))) return res;
  }
  if (a.size <= FOLD_MAX_ITEMS) {
    // The fold's values (items of `a` or `initial`, exact) go into that layout (or `out`).
    const axes = resolveAxes(axis, a.ndim);
    const keepdims = o.keepdims ?? false;
    // (Without `out` and `where`, foldByLoop was tried above.)
    res.set((mask === undefined && o.out !== undefined ? foldByLoop(a, axes, keepdims, name === 'nanmin', o.initial) : null) ?? foldFminFmax(a, axes, keepdims, name === 'nanmin', o.initial, mask));
    return res;
  }
  // Past FOLD_MAX_ITEMS (a float64 working copy the fold could not index), NaNs are
  // replaced by the identity natively; a lane of NaNs only gives NaN (or `initial`,
  // which fmin/fmax keep against a NaN). A zero result may then differ from NumPy's
  // in its sign only (README, nan functions).
  const { arr, mask: nans } = replaceNan(a, name === 'nanmin' ? Infinity : -Infinity);
  const big = reduce(arr, axis, kw);
  if (o.initial !== undefined) return big;
  const allNan = all(nans as NdArray, axis, { keepdims: o.keepdims ?? false });
  if (any(allNan).get()) copyto(big, NaN, { where: allNan, casting: 'unsafe' });
  return big;
}

/**
 * NumPy's `fmin.reduce`/`fmax.reduce` of every item of a float32/float64
 * `a` by the reduction kernel (native/kernels.cc kNanMin/kNanMax: one pass,
 * read ahead from a file, units in any order: the least/greatest item is
 * the same value whichever order finds it), a 0-d result (all lengths 1
 * with `keepdims`). Null when the kernel does not take `a`, and for the two
 * answers whose bits depend on NumPy's loop, which the fold by the loop
 * gives: a zero when `a` holds both zeros, and NaN (every item a NaN: its
 * payload, and the warning).
 */
function wholeByKernel(a: NdArray, keepdims: boolean, isMin: boolean): NdArray | null {
  if (a.dtype.kind !== 'f' || capturingKernels()) return null;
  const v = reduceNative(a, isMin ? ReduceOp.NanMin : ReduceOp.NanMax);
  if (v === null || typeof v !== 'number' || Number.isNaN(v)) return null;
  // In native byte order, as a reduction's result.
  const res = allocate(a.dtype.newbyteorder('='), keepdims ? a.shape.map(() => 1) : []);
  res.fill(v);
  return res;
}

/** Largest input the exact fmin/fmax fold takes (its float64 copy is one JS typed array). */
const FOLD_MAX_ITEMS = 2 ** 27;

/**
 * {@link foldFminFmax} by the fmin/fmax ufunc's native loop, for a real
 * float32/float64 `a` in native byte order (no where mask): each lane folded
 * in the order of its items, as NumPy's loop and the JS fold do, so the same
 * values, NaN payloads included (a lane of NaNs gives its first NaN); a zero
 * result then takes NumPy's sign as there ({@link signZeros}). Null when the
 * loop does not take these operands (the JS fold runs instead).
 */
function foldByLoop(a: NdArray, axes: readonly number[], keepdims: boolean, isMin: boolean, initial?: PyScalar): NdArray | null {
  if (a.dtype.kind !== 'f' || a.itemsize === 2 || !a.dtype.isnative) return null;
  const op = nativeAtOp(isMin ? 'fmin' : 'fmax', a.dtype, 2);
  if (op < 0) return null;
  const kept = [...Array(a.ndim).keys()].filter((d) => !axes.includes(d));
  const lanes = kept.reduce((n, d) => n * a.shape[d], 1);
  const count = a.size / Math.max(lanes, 1);
  if (lanes === 0 || count === 0) return null;
  // [count, lanes]: the reduced axes (in order) as the steps, the kept ones
  // (in order) as the lanes; a view where the layout allows, else a copy
  // (up to FOLD_MAX_ITEMS, as the JS fold's).
  const steps = a.transpose([...axes, ...kept]);
  if (a.size > FOLD_MAX_ITEMS && reshapeStrides(steps.shape, steps.strides, steps.itemsize, [count, lanes], 'C') === null) return null;
  const rows = steps.reshape([count, lanes]);
  const acc = allocate(a.dtype, [lanes]);
  let first = 0;
  if (initial === undefined) {
    acc.set(rows.index(0));
    first = 1;
  } else {
    acc.fill(initial as never);
  }
  if (first < count && ufuncFoldNative(op, acc, rows, first) === null) return null;
  const vals = typedArray(acc) as Float64Array | Float32Array;
  // signZeros reads `initial` as the fold does: cast to the dtype first.
  const init = initial === undefined ? undefined : vals.length > 0 ? Number(full([], initial as never, a.dtype).get()) : undefined;
  signZeros(a, axes, vals, init, true);
  const shape = keepdims ? a.shape.map((n, d) => (axes.includes(d) ? 1 : n)) : kept.map((d) => a.shape[d]);
  return acc.reshape(shape);
}

/**
 * `folded` (a new C-ordered result of reducing `a` over `axes`) in the layout
 * of the plain reduction's result: its axes in `a`'s memory order
 * (reduce-axis.ts plan's resultOrder), reduced ones kept as length 1 in place.
 */
function laidOutAsReduction(a: NdArray, axes: readonly number[], keepdims: boolean, folded: NdArray): NdArray {
  if (folded.ndim < 2) return folded;
  const pos = new Map<number, number>();
  for (let d = 0, j = 0; d < a.ndim; d++) if (keepdims || !axes.includes(d)) pos.set(d, j++);
  const order = kOrder(a.shape, a.strides).filter((d) => pos.has(d)).map((d) => pos.get(d)!);
  const res = allocateOrdered(folded.dtype, folded.shape, order, true);
  res.set(folded);
  return res;
}

/**
 * NumPy's `fmin.reduce` / `fmax.reduce` (what `np.nanmin`/`np.nanmax` run on
 * a float or complex ndarray): each lane folded in C order of its items, the
 * accumulator kept when it is not greater (not less) than the next item or
 * that item is NaN, and a lane of NaNs only gives its first NaN (a complex
 * NaN keeps its other part). Complex items compare lexicographically, NaN
 * when either part is. A real zero result then takes the sign NumPy's
 * fmax/fmin loops end with (reduce-axis.ts signZeros; a tie of +0 and -0
 * there depends on the layout, not only on the order of the items).
 */
function foldFminFmax(a: NdArray, axes: readonly number[], keepdims: boolean, isMin: boolean, initial?: PyScalar, mask?: NdArray | boolean): NdArray {
  const kept = [...Array(a.ndim).keys()].filter((d) => !axes.includes(d));
  const lanes = kept.reduce((n, d) => n * a.shape[d], 1);
  const cplx = a.dtype.kind === 'c';
  const order = [...kept, ...axes];
  // float16/32 widen exactly to float64 (signed zeros too), so the fold reads one type.
  const wide = cplx ? '<c16' : '<f8';
  const work = a.transpose(order).astype(wide, { order: 'C' });
  const x = typedArray(work.reshape(-1).view('<f8')) as Float64Array;
  // NumPy's where= (broadcast to `a`), laid out as the work copy: the items it leaves out are skipped.
  const m = mask === undefined
    ? null
    : (typedArray(broadcastTo(typeof mask === 'boolean' ? full([], mask, '|b1') : mask, a.shape).transpose(order).astype('|b1', { order: 'C' }).reshape(-1).view('|u1')) as Uint8Array);
  // NumPy's initial= is cast to the result dtype first (a float16 initial rounds to half).
  const init = initial === undefined ? null : (typedArray(full([], initial as never, a.dtype).astype(wide).reshape(-1).view('<f8')) as Float64Array);
  const k = lanes === 0 ? 0 : a.size / lanes;
  const w = cplx ? 2 : 1;
  const out = new Float64Array(lanes * w);
  // fmin keeps in1 when in1 <= in2 (fmax: >=) or in2 is NaN, else takes in2 (NumPy's loops).
  for (let l = 0; l < lanes; l++) {
    let at = l * k * w;
    // The fold starts from `initial`, else from the lane's first item (no where mask then: it needs initial).
    let j = init === null ? 1 : 0;
    let r = init === null ? x[at] : init[0];
    let i = cplx ? (init === null ? x[at + 1] : init[1]) : 0;
    if (init !== null) at -= w;
    for (; j < k; j++) {
      at += w;
      if (m !== null && m[l * k + j] === 0) continue;
      const vr = x[at];
      const vi = cplx ? x[at + 1] : 0;
      // An accumulator NaN in either part gives way to a number (its real part may still compare).
      const keep = Number.isNaN(vr) || Number.isNaN(vi) || (!Number.isNaN(i) &&
        (isMin ? r < vr || (r === vr && i <= vi) : r > vr || (r === vr && i >= vi)));
      if (!keep) {
        r = vr;
        i = vi;
      }
    }
    out[l * w] = r;
    if (cplx) out[l * w + 1] = i;
  }
  // A zero result: the zero NumPy's fmax/fmin loops keep (extreme-zero.ts), unmasked float32/float64.
  if (!cplx && (mask === undefined || mask === true)) signZeros(a, axes, out, init === null ? undefined : init[0], true);
  const shape = keepdims ? a.shape.map((n, d) => (axes.includes(d) ? 1 : n)) : kept.map((d) => a.shape[d]);
  return fromBuffer(out, cplx ? '<c16' : '<f8').reshape(shape);
}

/** NumPy's `np.nanmin(a, axis, out=, keepdims=, initial=, where=)`: the minimum ignoring NaNs; NaN for a lane of NaNs only. */
export function nanmin(a: NdArray, axis?: Axis | null, out?: NdArray | null, keepdims?: boolean | null, initial?: PyScalar | null, where?: NdArray | boolean | readonly unknown[] | null): NdArray;
export function nanmin(a: NdArray, axis?: Axis | WithAxis<NanExtremaOptions, Axis>, options?: NanExtremaOptions | null): NdArray;
export function nanmin(a: NdArray, axis?: Axis | WithAxis<NanExtremaOptions, Axis>, ...rest: unknown[]): NdArray {
  let options: NanExtremaOptions | undefined;
  [axis, options] = axisArgs('nanmin', ['out', 'keepdims', 'initial', 'where'], axis, rest) as [Axis | undefined, NanExtremaOptions | undefined];
  return nanExtremum(a, axis, options, 'nanmin');
}

/** NumPy's `np.nanmax(a, axis, out=, keepdims=, initial=, where=)`: the maximum ignoring NaNs; NaN for a lane of NaNs only. */
export function nanmax(a: NdArray, axis?: Axis | null, out?: NdArray | null, keepdims?: boolean | null, initial?: PyScalar | null, where?: NdArray | boolean | readonly unknown[] | null): NdArray;
export function nanmax(a: NdArray, axis?: Axis | WithAxis<NanExtremaOptions, Axis>, options?: NanExtremaOptions | null): NdArray;
export function nanmax(a: NdArray, axis?: Axis | WithAxis<NanExtremaOptions, Axis>, ...rest: unknown[]): NdArray {
  let options: NanExtremaOptions | undefined;
  [axis, options] = axisArgs('nanmax', ['out', 'keepdims', 'initial', 'where'], axis, rest) as [Axis | undefined, NanExtremaOptions | undefined];
  return nanExtremum(a, axis, options, 'nanmax');
}

function nanArg(a: NdArray, axis: number | null | undefined, options: NanArgOptions | undefined, name: 'nanargmin' | 'nanargmax'): NdArray {
  const o = readKnownOptions(options, ['keepdims', 'out'], name);
  const { arr, mask } = replaceNan(a, name === 'nanargmin' ? Infinity : -Infinity);
  if (mask !== null && mask.size > 0 && any(all(mask, axis)).get()) throw new ValueError('All-NaN slice encountered');
  return (name === 'nanargmin' ? argmin : argmax)(arr, axis, o);
}

/** NumPy's `np.nanargmin(a, axis, keepdims=, out=)`: int64 indices of the minima ignoring NaNs; an all-NaN lane is NumPy's ValueError. */
export function nanargmin(a: NdArray, axis?: number | null | null, out?: NdArray | null): NdArray;
export function nanargmin(a: NdArray, axis?: number | null | WithAxis<NanArgOptions, number | null>, options?: NanArgOptions | null): NdArray;
export function nanargmin(a: NdArray, axis?: number | null | WithAxis<NanArgOptions, number | null>, ...rest: unknown[]): NdArray {
  let options: NanArgOptions | undefined;
  [axis, options] = axisArgs('nanargmin', ['out'], axis, rest) as [number | null | undefined, NanArgOptions | undefined];
  return nanArg(a, axis, options, 'nanargmin');
}

/** NumPy's `np.nanargmax(a, axis, keepdims=, out=)`: int64 indices of the maxima ignoring NaNs; an all-NaN lane is NumPy's ValueError. */
export function nanargmax(a: NdArray, axis?: number | null | null, out?: NdArray | null): NdArray;
export function nanargmax(a: NdArray, axis?: number | null | WithAxis<NanArgOptions, number | null>, options?: NanArgOptions | null): NdArray;
export function nanargmax(a: NdArray, axis?: number | null | WithAxis<NanArgOptions, number | null>, ...rest: unknown[]): NdArray {
  let options: NanArgOptions | undefined;
  [axis, options] = axisArgs('nanargmax', ['out'], axis, rest) as [number | null | undefined, NanArgOptions | undefined];
  return nanArg(a, axis, options, 'nanargmax');
}

function requireInexact(dt: DTypeLike | undefined): void {
  if (dt === undefined) return;
  const k = toDType(dt).kind;
  if (k !== 'f' && k !== 'c') throw new TypeError('If a is inexact, then dtype must be inexact');
}

/** NumPy's check that `out` can hold the result of a NaN-ignoring mean or variance. */
function requireInexactOut(out: NdArray | null | undefined): void {
  if (out === undefined || out === null) return;
  if (!isArray(out)) throw new TypeError(`output must be an array, got ${describeNonArray(out)}`);
  if (out.dtype.kind !== 'f' && out.dtype.kind !== 'c') throw new TypeError('If a is inexact, then out must be inexact');
}

/** NumPy's `np.nanmean(a, axis, dtype=, out=, keepdims=, where=)`: the mean of the non-NaN items; NaN for a lane with none. */
export function nanmean(a: NdArray, axis?: Axis | null, dtype?: DTypeLike | null, out?: NdArray | null, keepdims?: boolean | null): NdArray;
export function nanmean(a: NdArray, axis?: Axis | WithAxis<NanReduceOptions, Axis>, options?: NanReduceOptions | null): NdArray;
export function nanmean(a: NdArray, axis?: Axis | WithAxis<NanReduceOptions, Axis>, ...rest: unknown[]): NdArray {
  let options: NanReduceOptions | undefined;
  [axis, options] = axisArgs('nanmean', ['dtype', 'out', 'keepdims'], axis, rest) as [Axis | undefined, NanReduceOptions | undefined];
  const o = readKnownOptions(options, MEAN_KEYS, 'nanmean');
  const { arr, mask } = replaceNan(a, 0);
  if (mask === null) return mean(arr, axis, o);
  requireInexact(o.dtype);
  requireInexactOut(o.out);
  const tot = sum(arr, axis, o);
  if (a.ndim === 0 || (o.where !== undefined && o.where !== true)) {
    // NumPy's count: the non-NaN items where `where` holds, summed as intp.
    const cnt = sum(logicalNot(mask), axis, { dtype: '<i8', keepdims: o.keepdims, ...(o.where === undefined ? {} : { where: o.where }) });
    return divide(tot, cnt, { out: tot, casting: 'unsafe' });
  }
  // The non-NaN count as the items along the axes less the NaNs: the same
  // int64 counts as sum(logicalNot(mask), { dtype: '<i8' }) (so the same
  // promotion in the division), without that pass's bool array and its
  // cast to int64 (10M float64: 10.6 ms of CPU against 1 ms).
  let along = 1;
  for (const ax of resolveAxes(axis, a.ndim)) along *= a.shape[ax];
  const nans = countNonzero(mask, axis ?? null, { keepdims: o.keepdims });
  // Both temporaries are this call's own: freed now (NumPy frees them at
  // refcount 0), the next large result reuses their regions instead of
  // waiting for a GC (without it, each call of 10M float64 ran the GC assist
  // for the 80 MB `arr` of the call before).
  arr.release();
  mask.release();
  const cnt = subtract(along, nans, { out: nans });
  return divide(tot, cnt, { out: tot, casting: 'unsafe' });
}

/**
 * NumPy's `nanvar` step by step (`_nanfunctions_impl.py`): the non-NaN count
 * and sum kept as length-1 axes, the deviations taken in place in the
 * replaced copy (where `where` holds), the NaN items zeroed, squared in
 * place (times the conjugate for complex, whose real part is summed), summed
 * into `out`, divided by `count - ddof`, and NaN where that is <= 0.
 */
function nanVarianceOf(a: NdArray, axis: Axis | undefined, options: NanVarianceOptions | undefined, name: 'nanvar' | 'nanstd'): NdArray {
  const o = readKnownOptions(options, VARIANCE_KEYS, name);
  const { arr, mask } = replaceNan(a, 0);
  if (mask === null) return (name === 'nanvar' ? variance : std)(arr, axis, o);
  requireInexact(o.dtype);
  requireInexactOut(o.out);
  let ddof = o.ddof ?? 0;
  if (o.correction !== undefined) {
    if (ddof !== 0) throw new ValueError("ddof and correction can't be provided simultaneously.");
    ddof = o.correction;
  }
  if (typeof ddof !== 'number' || !Number.isFinite(ddof)) throw new TypeError(`${name}(): ddof must be a number, got ${String(ddof)}`);
  const acc = o.dtype === undefined ? {} : { dtype: o.dtype };
  const masked = o.where === undefined || o.where === true ? {} : { where: o.where };
  const cnt = sum(logicalNot(mask), axis, { dtype: '<i8', keepdims: true, ...masked });
  let avg: NdArray;
  if (o.mean !== undefined) avg = o.mean;
  else {
    const tot = sum(arr, axis, { ...acc, keepdims: true, ...masked });
    avg = divide(tot, cnt, { out: tot, casting: 'unsafe' });
  }
  subtract(arr, avg, { out: arr, casting: 'unsafe', ...masked });
  copyto(arr, 0, { where: mask, casting: 'unsafe' });
  const sqr = arr.dtype.kind === 'c' ? (multiply(arr, conjugate(arr), { out: arr, ...masked }).real as NdArray) : multiply(arr, arr, { out: arr, ...masked });
  const v = sum(sqr, axis, { ...acc, keepdims: o.keepdims ?? false, ...masked, ...(o.out === undefined ? {} : { out: o.out }) });
  const c = v.ndim < cnt.ndim ? squeeze(cnt, axis === undefined ? null : axis) : cnt;
  const dof = subtract(c, ddof);
  divide(v, dof, { out: v, casting: 'unsafe' });
  const bad = lessEqual(dof, 0);
  if (any(bad).get()) copyto(v, NaN, { where: bad, casting: 'unsafe' });
  return name === 'nanstd' ? sqrt(v, { out: v }) : v;
}

/** NumPy's `np.nanvar(a, axis, dtype=, out=, ddof=, keepdims=, where=, mean=, correction=)`: the variance of the non-NaN items; NaN where `count - ddof <= 0`. */
export function nanvar(a: NdArray, axis?: Axis | null, dtype?: DTypeLike | null, out?: NdArray | null, ddof?: number | null, keepdims?: boolean | null): NdArray;
export function nanvar(a: NdArray, axis?: Axis | WithAxis<NanVarianceOptions, Axis>, options?: NanVarianceOptions | null): NdArray;
export function nanvar(a: NdArray, axis?: Axis | WithAxis<NanVarianceOptions, Axis>, ...rest: unknown[]): NdArray {
  let options: NanVarianceOptions | undefined;
  [axis, options] = axisArgs('nanvar', ['dtype', 'out', 'ddof', 'keepdims'], axis, rest) as [Axis | undefined, NanVarianceOptions | undefined];
  return nanVarianceOf(a, axis, options, 'nanvar');
}

/** NumPy's `np.nanstd(a, axis, dtype=, out=, ddof=, keepdims=, where=, mean=, correction=)`: the square root of {@link nanvar}. */
export function nanstd(a: NdArray, axis?: Axis | null, dtype?: DTypeLike | null, out?: NdArray | null, ddof?: number | null, keepdims?: boolean | null): NdArray;
export function nanstd(a: NdArray, axis?: Axis | WithAxis<NanVarianceOptions, Axis>, options?: NanVarianceOptions | null): NdArray;
export function nanstd(a: NdArray, axis?: Axis | WithAxis<NanVarianceOptions, Axis>, ...rest: unknown[]): NdArray {
  let options: NanVarianceOptions | undefined;
  [axis, options] = axisArgs('nanstd', ['dtype', 'out', 'ddof', 'keepdims'], axis, rest) as [Axis | undefined, NanVarianceOptions | undefined];
  return nanVarianceOf(a, axis, options, 'nanstd');
}

/** The non-NaN count of each sorted lane (NaNs sort last), and the lanes flattened for gathers. */
function laneCounts(s: Sorted): { counts: number[]; flat: NdArray; rows: number } {
  const rows = s.n === 0 ? 0 : s.sorted.size / s.n;
  const nans = countNonzero(isnan(s.sorted), -1).ravel().toArray() as (number | bigint)[];
  return { counts: nans.map((k) => s.n - Number(k)), flat: s.sorted.reshape(-1), rows };
}

/**
 * When `axis` reduces `a` to one lane (all axes), the lane positions
 * `positions(c, n)` asks for, `c` the lane's non-NaN count and `n` its
 * length: the lane is then partitioned there (NaNs sort last, so the
 * first `c` positions hold what a sort puts there); else undefined (the
 * lanes sort: their counts differ).
 */
function oneLanePositions(a: NdArray, axis: Axis | undefined, positions: (c: number, n: number) => number[]): number[] | undefined {
  if (a.ndim === 0 || resolveAxes(axis, a.ndim).length !== a.ndim) return undefined;
  const nans = a.dtype.kind === 'f' ? Number(countNonzero(isnan(a)).get() as number | bigint) : 0;
  return positions(a.size - nans, a.size);
}

/**
 * NumPy's `np.nanmedian(a, axis=None, keepdims=False)`: the median of the
 * non-NaN items of each lane; NaN for a lane of NaNs only (NumPy also warns).
 */
export function nanmedian(a: NdArray, axis?: Axis | null, out?: NdArray | null, overwriteInput?: boolean | null, keepdims?: boolean | null): NdArray;
export function nanmedian(a: NdArray, axis?: Axis | MedianOptions, options?: MedianOptions): NdArray;
export function nanmedian(a: NdArray, axis?: Axis | MedianOptions, ...more: unknown[]): NdArray {
  const options = optionsWithAxisArgs<Axis | null, MedianOptions>('nanmedian', ['out', 'overwriteInput', 'keepdims'], axis, more);
  const [out, rest] = splitOut(options);
  return intoOut(nanmedianOf(a, rest), out, null);
}

function nanmedianOf(a: NdArray, options: Omit<MedianOptions, 'out'> | undefined): NdArray {
  const o = readKnownOptions(options, ['axis', 'keepdims', 'overwriteInput'], 'nanmedian');
  requireOpen(a);
  if (a.size === 0) return nanmean(a, o.axis, { keepdims: o.keepdims });
  return maskedLayout(a, o.axis, o.keepdims ?? false, nanmedianValues(a, o));
}

/**
 * `res` (a nanmedian of `a` along `axis`) laid out as NumPy lays out its
 * masked-array path, `_nanmedian_small` (one axis shorter than 600 of an
 * N-d array; ints take it too): `np.ma.median` sorts a copy in the input's
 * memory order, so the result follows the input's other axes ('K': an
 * F-ordered input gives an F-ordered result, a broadcast one C); otherwise
 * `res` as it is (NumPy's apply_along_axis path lays its result out in C
 * order; fuzz seed 12151898).
 */
function maskedLayout(a: NdArray, axis: Axis | undefined, keepdims: boolean, res: NdArray): NdArray {
  if (axis === undefined || axis === null || a.ndim < 2) return res;
  const axes = resolveAxes(axis, a.ndim);
  if (axes.length !== 1 || a.shape[axes[0]] >= 600) return res;
  const ax = axes[0];
  const keep = [...a.shape.keys()].filter((d) => keepdims || d !== ax);
  const order = kOrder(keep.map((d) => (d === ax ? 1 : a.shape[d])), keep.map((d) => a.strides[d]));
  if (order.every((d, i) => d === i) && res.flags.cContiguous) return res;
  const out = allocateOrdered(res.dtype, res.shape, order, true);
  out.set(res);
  return out;
}

function nanmedianValues(a: NdArray, o: Omit<MedianOptions, 'out'>): NdArray {
  if (!canHoldNan(a)) return median(a, o);
  // Complex NaNs (either part NaN) sort last too, so complex lanes take the sorted path;
  // one real lane is partitioned at the positions read.
  const kths = a.dtype.kind === 'c' ? undefined : oneLanePositions(a, o.axis, (c, n) => (c === 0 ? [n - 1] : c % 2 === 1 ? [c >> 1] : [(c >> 1) - 1, c >> 1]));
  const s = sortedLanes(a, o.axis, o.keepdims ?? false, kths);
  const { counts, flat, rows } = laneCounts(s);
  const pairs: number[] = [];
  const odd: boolean[] = [];
  for (let r = 0; r < rows; r++) {
    const c = counts[r];
    const h = c >> 1;
    const lo = c === 0 ? s.n - 1 : c % 2 === 1 ? h : h - 1;
    pairs.push(r * s.n + lo, r * s.n + (c === 0 ? s.n - 1 : h));
    odd.push(c % 2 === 1);
  }
  const both = take(flat, asarray(pairs, '<i8').reshape(rows, 2));
  let res = mean(both, -1);
  // An odd lane's middle item is NumPy's mean of that one item: x + 0, so -0 is +0; a
  // complex one is then divided by 1 + 0j, so inf + 0j is inf + nanj (fuzz seeds 3004194 3013282).
  const one = add(both.index(':, 0'), 0);
  const single = one.dtype.kind === 'c' ? divide(one, 1) : one;
  res = where(asarray(odd, '|b1'), single, res).astype(res.dtype);
  // A lane of NaNs only is its last (NaN) item, as NumPy's _nanmedian1d returns arr1d[-1];
  // along an axis shorter than 600 of a (kept-axes) N-d array NumPy takes its masked-array
  // path instead, which fills such a lane with np.nan (a complex one is nan+0j).
  const kept = a.ndim - resolveAxes(o.axis, a.ndim).length;
  // NumPy's one-lane path (_nanmedian1d, every axis reduced) returns arr1d[-1], the lane's last
  // item in C order, not the last sorted one: a complex NaN keeps its other part.
  if (a.dtype.kind === 'c' && kept === 0 && rows === 1 && counts[0] === 0) {
    res = a.reshape(-1).index('-1:').astype(res.dtype);
  }
  if (a.dtype.kind === 'c' && o.axis !== undefined && o.axis !== null && kept > 0 && s.n < 600 && counts.includes(0)) {
    res = where(asarray(counts.map((c) => c === 0), '|b1'), NaN, res).astype(res.dtype);
  }
  return res.reshape(s.shape);
}

/** Per-lane quantile of the first `counts[r]` sorted items of each lane, NumPy's `_nanquantile_1d`. */
function nanOneQuantile(s: Sorted, lanes: ReturnType<typeof laneCounts>, q: number, intQ: boolean, weak: boolean, qFloat: string, rule: MethodRule): NdArray {
  const { counts, flat, rows } = lanes;
  const prevIdx: number[] = [];
  const nextIdx: number[] = [];
  const gammas: number[] = [];
  const ones: number[] = [];
  const empty: boolean[] = [];
  let interpolate = false;
  const intGamma = intQ && !weak && rule.intIndex === true;
  for (let r = 0; r < rows; r++) {
    const c = counts[r];
    const base = r * s.n;
    empty.push(c === 0);
    if (c === 0) {
      prevIdx.push(base);
      nextIdx.push(base);
      gammas.push(0);
      ones.push(1);
      continue;
    }
    const { v, int } = rule.index(c, q, intQ);
    if (int || rule.gamma === undefined) {
      prevIdx.push(base + v);
      nextIdx.push(base + v);
      gammas.push(0);
      ones.push(1);
      continue;
    }
    interpolate = true;
    const [previous, next] = neighbours(v, c);
    const g0 = rule.gamma(v - previous, v);
    const g = intGamma ? Math.trunc(g0) : g0;
    prevIdx.push(base + (previous < 0 ? c + previous : previous));
    nextIdx.push(base + (next < 0 ? c + next : next));
    gammas.push(g);
    ones.push(1 - g);
  }
  const a = take(flat, asarray(prevIdx, '<i8'));
  let res: NdArray;
  if (!interpolate) {
    res = a;
  } else {
    const b = take(flat, asarray(nextIdx, '<i8'));
    const d = subtract(b, a);
    // A scalar q is weak (each lane's gamma a Python float, cast to a float array's dtype); an array q is float64.
    // An integer q array with a method whose index stays integer: NumPy's gamma is int64.
    const gdt = weak && a.dtype.kind === 'f' ? a.dtype : toDType(intGamma ? '<i8' : weak ? '<f8' : qFloat);
    const t = asarray(gammas, '<f8').astype(gdt);
    const u = asarray(ones, '<f8').astype(gdt);
    const lo = add(a, multiply(d, t));
    const hi = subtract(b, multiply(d, u), { dtype: lo.dtype, casting: 'unsafe' });
    res = where(greaterEqual(asarray(gammas, '<f8'), 0.5), hi, lo).astype(lo.dtype);
  }
  if (empty.some(Boolean)) res = where(asarray(empty, '|b1'), NaN, res).astype(res.dtype);
  return res.reshape(s.shape);
}

function nanQuantileOf(a: NdArray, q: QuantileQ, options: QuantileOptions | undefined, name: 'nanquantile' | 'nanpercentile'): NdArray {
  const o = readKnownOptions(options, ['axis', 'method', 'keepdims', 'weights', 'overwriteInput'], name);
  if (o.weights !== undefined && o.weights !== null) {
    // NumPy 2's weights (method 'inverted_cdf' only): each lane's NaNs left out with their weights.
    const checked = quantileArgs(a, q, 'inverted_cdf', name);
    if (a.dtype.isStructured) {
      resolveAxes(o.axis, a.ndim, true);
      isnan(a);
    }
    return weightedQuantile(a, q, checked, o.weights, o.axis ?? undefined, o.method, o.keepdims ?? false, name, () => nanmean(a, o.axis, { keepdims: o.keepdims }));
  }
  const { qs, qshape, weak, intQ, qFloat, rule } = quantileArgs(a, q, o.method, name);
  if (a.size === 0) return nanmean(a, o.axis, { keepdims: o.keepdims });
  // NumPy's _ureduce checks the axis, then _remove_nan_1D calls isnan on every lane:
  // records have no isnan loop (its TypeError).
  if (a.dtype.isStructured) {
    resolveAxes(o.axis, a.ndim, true);
    isnan(a);
  }
  // The positions nanOneQuantile reads among a lane's c non-NaN items.
  const kths = oneLanePositions(a, o.axis, (c) => {
    if (c === 0) return [0];
    return qs.flatMap((q) => {
      const { v, int } = rule.index(c, q, intQ);
      if (int || rule.gamma === undefined) return [v];
      return neighbours(v, c).map((p) => (p < 0 ? c + p : p));
    });
  });
  const s = sortedLanes(a, o.axis, o.keepdims ?? false, kths);
  const lanes = a.dtype.kind === 'f' ? laneCounts(s) : { counts: new Array<number>(s.sorted.size / s.n).fill(s.n), flat: s.sorted.reshape(-1), rows: s.sorted.size / s.n };
  const results = qs.map((x) => nanOneQuantile(s, lanes, x, intQ, weak, qFloat, rule));
  const r = stackQ(results, qshape, s.shape);
  // NumPy fills its result lane by lane (apply_along_axis) in the dtype of
  // the first lane's answer, and a lane of NaNs only answers in a's dtype
  // (np.full(q.shape, nan, dtype=arr1d.dtype)).
  const firstEmpty = lanes.rows > 0 && lanes.counts[0] === 0;
  // (With a scalar q every lane's answer is a NumPy scalar: native byte order, keepdims or not.)
  const base = firstEmpty ? a.dtype : r.dtype;
  const want = qshape.length === 0 ? base.newbyteorder('=') : base;
  const typed = r.dtype.str !== want.str ? r.astype(want) : r;
  const kept = a.ndim - resolveAxes(o.axis, a.ndim).length;
  if (qshape.length === 0 || o.axis === undefined || o.axis === null || kept === 0) return nativeScalar(typed);
  if (o.keepdims !== true) return qAxesInnermost(typed, qshape.length);
  // keepdims: NumPy's _ureduce inserts the reduced axes into apply_along_axis's layout.
  const keptShape = s.sorted.shape.slice(0, -1);
  return qAxesInnermost(typed.reshape([...qshape, ...keptShape]), qshape.length).reshape(typed.shape);
}

/**
 * NumPy's layout for a list of q along an axis: apply_along_axis fills a
 * C-ordered buffer of shape (kept axes..., q axes) and the q axes are moved
 * to the front as a view, so they are the innermost in memory (fuzz seed 1006632).
 */
function qAxesInnermost(r: NdArray, qnd: number): NdArray {
  const nd = r.ndim;
  const perm = [...Array(nd).keys()].map((i) => (i < nd - qnd ? i + qnd : i - (nd - qnd)));
  const inv = new Array<number>(nd);
  perm.forEach((p, i) => {
    inv[p] = i;
  });
  return r.transpose(perm).copy('C').transpose(inv);
}

/**
 * NumPy's `np.nanquantile(a, q, axis=None, method='linear', keepdims=False)`:
 * {@link quantile} of each lane's non-NaN items; NaN for a lane of NaNs only.
 * An empty array gives {@link nanmean}'s NaNs, as NumPy's does.
 */
export function nanquantile(a: NdArray, q: QuantileQ, axis?: Axis | null, out?: NdArray | null, overwriteInput?: boolean | null, method?: QuantileOptions['method'] | null, keepdims?: boolean | null): NdArray;
export function nanquantile(a: NdArray, q: QuantileQ, axis?: Axis | QuantileOptions, options?: QuantileOptions): NdArray;
export function nanquantile(a: NdArray, q: QuantileQ, axis?: Axis | QuantileOptions, ...more: unknown[]): NdArray {
  const options = optionsWithAxisArgs<Axis | null, QuantileOptions>('nanquantile', ['out', 'overwriteInput', 'method', 'keepdims'], axis, more);
  const [out, rest] = splitOut(options);
  return intoOut(nanQuantileOf(a, q, rest, 'nanquantile'), out, 'add', true, 'assignment');
}

/** NumPy's `np.nanpercentile(a, q, ...)`: {@link nanquantile} of `q / 100`. */
export function nanpercentile(a: NdArray, q: QuantileQ, axis?: Axis | null, out?: NdArray | null, overwriteInput?: boolean | null, method?: QuantileOptions['method'] | null, keepdims?: boolean | null): NdArray;
export function nanpercentile(a: NdArray, q: QuantileQ, axis?: Axis | QuantileOptions, options?: QuantileOptions): NdArray;
export function nanpercentile(a: NdArray, q: QuantileQ, axis?: Axis | QuantileOptions, ...more: unknown[]): NdArray {
  const options = optionsWithAxisArgs<Axis | null, QuantileOptions>('nanpercentile', ['out', 'overwriteInput', 'method', 'keepdims'], axis, more);
  const [out, rest] = splitOut(options);
  return intoOut(nanQuantileOf(a, q, rest, 'nanpercentile'), out, 'add', true, 'assignment');
}

