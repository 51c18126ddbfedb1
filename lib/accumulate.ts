/**
 * Running maxima and minima: NumPy's `np.maximum.accumulate(a, axis=0)` and
 * `np.minimum.accumulate`, the running peak of a drawdown or the forward
 * fill of the last valid index.
 *
 * Element `k` along `axis` is `maximum(result[k-1], a[k])`, as NumPy's
 * accumulate loop computes it: a NaN, once met, propagates to the end; on a
 * tie the newer element is kept (so `-0.0` then `0.0` gives `0.0`, NumPy's
 * result on x86). The result has `a`'s dtype in native byte order (or
 * `dtype`), `a`'s shape, and is laid out in `a`'s memory order (NumPy's
 * `'K'`). As in NumPy, `axis` defaults to 0, not to the flattened array.
 * @module
 */
import type { NdArray } from './ndarray';
import { ValueError } from './errors';
import { dtype as toDType, type DType, type DTypeLike } from './dtype';
import { axisArgs, readKnownOptions, type WithAxis } from './options';
import { allocate, requireArray } from './internal';
import { ufuncFoldNative } from './index-kernels';
import { nativeAtOp } from './ufunc-native';
import { capturingKernels, nativeKernelsOn } from './kernels';
import { allocateOrdered } from './compute-values';
import { iterOutputOrder } from './broadcast';
import { normalizeAxis } from './layout';
import { maximum, minimum } from './ufuncs/arith';
import { moveaxis } from './axis-views';
import { UFuncTypeError } from './ufunc';
import { canCast, isNumeric } from './promote';
import { inspect } from 'util';

/** Options of {@link maximumAccumulate} and {@link minimumAccumulate}. */
export interface AccumulateOptions {
  /** The result's dtype (NumPy's `dtype=`); the input is cast to it first. */
  dtype?: DTypeLike;
}

type Pick2 = (run: number | bigint, v: number | bigint) => number | bigint;

// NaN first (it sticks), then the strict comparison: a tie keeps the newer value.
const MAX: Pick2 = (run, v) => (run !== run ? run : v !== v ? v : run > v ? run : v);
const MIN: Pick2 = (run, v) => (run !== run ? run : v !== v ? v : run < v ? run : v);

/** The native maximum/minimum loop for `dt` (index-kernels numbering), or -1: none, kernels off, or kernels being recorded (the input may not be written yet). */
function nativeExtremeOp(isMax: boolean, dt: DType): number {
  if (!nativeKernelsOn() || capturingKernels()) return -1;
  return nativeAtOp(isMax ? 'maximum' : 'minimum', dt, 2);
}

/**
 * The running values of `x` ([n, lanes], the axis first) into `t` (the same
 * shape and dtype) by the native loop `op` in its accumulate form
 * (index_kernels.cc ufuncAccumulate: lane by lane when the lanes lie apart,
 * row by row otherwise); false when the kernel refuses the operands (then
 * `t` holds only its first row).
 */
function foldRows(op: number, x: NdArray, t: NdArray): boolean {
  t.index('0').set(x.index('0'));
  return ufuncFoldNative(op, t, x, 1) !== null;
}

function accumulate(name: string, isMax: boolean, a: NdArray, axis: number | null | undefined, options: AccumulateOptions): NdArray {
  const o = readKnownOptions(options, ['dtype'], name);
  requireArray(a, name, 'a');
  // NumPy's order: the axes first (each of a list checked, an AxisError; an int
  // 0 or -1 of a 0-d array is no axis), then one axis asked for, then the loop
  // (fuzz seed 12147525: a record array with axis 7 is NumPy's AxisError).
  let ax: number;
  if (Array.isArray(axis)) {
    const axes = (axis as number[]).map((d) => normalizeAxis(d, a.ndim));
    if (axes.length !== 1) throw new ValueError('accumulate does not allow multiple axes');
    ax = axes[0];
  } else if (axis === null) {
    // axis None is the one axis of a 1-d array (NumPy's ufunc.accumulate), several axes otherwise
    if (a.ndim === 0) throw new TypeError('cannot accumulate on a scalar');
    if (a.ndim !== 1) throw new ValueError('accumulate does not allow multiple axes');
    ax = 0;
  } else {
    const d = axis ?? 0;
    if (a.ndim === 0 && (d === 0 || d === -1)) throw new TypeError('cannot accumulate on a scalar');
    ax = normalizeAxis(d, a.ndim);
  }
  if (!isNumeric(a.dtype) && o.dtype === undefined) throw new UFuncTypeError(`ufunc '${isMax ? 'maximum' : 'minimum'}' did not contain a loop with signature matching types (${inspect(a.dtype)}, ${inspect(a.dtype)}) -> None`);
  const dt = o.dtype !== undefined ? toDType(o.dtype) : a.dtype.newbyteorder('=');
  // Records of several fields cast to nothing, an empty array's too (fuzz seed 9440867).
  if (!canCast(a.dtype, dt, 'unsafe')) throw new UFuncTypeError(`Cannot cast ufunc '${isMax ? 'maximum' : 'minimum'}' input 0 from ${inspect(a.dtype)} to ${inspect(dt)} with casting rule 'unsafe'`);
  // NumPy's PyUFunc_Accumulate allocates the result through nditer (result, a) in 'K' order:
  // a's memory order, a broadcast (0-stride) axis kept in place (emptyLike would put it innermost).
  const nd = a.ndim;
  const result = allocateOrdered(dt, a.shape, iterOutputOrder(nd, [a.strides.map((s, i) => (a.shape[i] === 1 ? 0 : s))], [...Array(nd).keys()]), true);
  const n = a.shape[ax];
  if (a.size === 0) return result;
  // The accumulation axis last, rows contiguous: one typed loop per row.
  const perm = [...Array(a.ndim).keys()].filter((k) => k !== ax).concat(ax);
  const src = a.transpose(perm);
  const target = result.transpose(perm);
  const op = n > 1 ? nativeExtremeOp(isMax, dt) : -1;
  if (op >= 0) {
    // The native loop straight into the result when its rows run along the
    // axis (innermost: a C-ordered input along its last axis, any 1-d input)
    // or across it (outermost: along axis 0): no copy. Else into a C-ordered
    // scratch, then into the result.
    const x = a.dtype.equals(dt) ? src : src.astype(dt);
    const lanesLast = (v: NdArray): NdArray => v.reshape([-1, n]).T;
    if (target.flags.cContiguous && foldRows(op, lanesLast(x), lanesLast(target))) return result;
    const first = moveaxis(result, ax, 0);
    if (first.flags.cContiguous && foldRows(op, moveaxis(x, -1, 0).reshape([n, -1]), first.reshape([n, -1]))) return result;
    const scratch = allocate(dt, target.shape);
    if (foldRows(op, lanesLast(x), lanesLast(scratch))) {
      target.set(scratch);
      return result;
    }
  }
  const work = src.astype(dt, 'C');
  const kind = dt.kind;
  const typed = (kind === 'i' || kind === 'u' || kind === 'b' || (kind === 'f' && dt.itemsize >= 4)) && dt.isnative;
  if (typed) {
    const t = work.typedArray() as unknown as { [i: number]: number | bigint; length: number };
    const pick = kind === 'b' ? (isMax ? (r: number | bigint, v: number | bigint) => (r || v ? 1 : 0) : (r: number | bigint, v: number | bigint) => (r && v ? 1 : 0)) : isMax ? MAX : MIN;
    for (let row = 0; row < t.length; row += n) {
      let run = kind === 'b' ? (t[row] ? 1 : 0) : t[row];
      t[row] = run;
      for (let k = row + 1; k < row + n; k++) t[k] = run = pick(run, t[k]);
    }
  } else {
    // float16 and complex: the ufunc itself, one slice along the axis at a time.
    const f = isMax ? maximum : minimum;
    const last = work.ndim - 1;
    const at = (k: number): NdArray => work.index(`${':, '.repeat(last)}${k}`);
    for (let k = 1; k < n; k++) f(at(k - 1), at(k), { out: at(k) });
  }
  target.set(work);
  return result;
}

/**
 * NumPy's `np.maximum.accumulate(a, axis=0, dtype=None)`: the running
 * maximum along `axis` (see the module comment for NaN and ties).
 *
 * ```ts
 * const peak = maximumAccumulate(wealth);          // running peak per column
 * const drawdown = subtract(wealth, peak);
 * ```
 * @throws TypeError for a 0-d array ("cannot accumulate on a scalar").
 * @throws ValueError for `axis` null or several axes; AxisError for one out of range.
 */
export function maximumAccumulate(a: NdArray, axis?: number | null, dtype?: DTypeLike | null): NdArray;
export function maximumAccumulate(a: NdArray, axis?: number | null | WithAxis<AccumulateOptions, number | null>, options?: AccumulateOptions): NdArray;
export function maximumAccumulate(a: NdArray, axis: number | null | WithAxis<AccumulateOptions, number | null> = 0, ...rest: unknown[]): NdArray {
  // NumPy's positional dtype after the axis (out is not taken here), or the options.
  const [ax, o] = axisArgs<number | null, AccumulateOptions>('maximumAccumulate', ['dtype'], axis, rest);
  return accumulate('maximumAccumulate', true, a, ax === undefined ? 0 : ax, o ?? {});
}

/** NumPy's `np.minimum.accumulate(a, axis=0, dtype=None)`: the running minimum (see {@link maximumAccumulate}). */
export function minimumAccumulate(a: NdArray, axis?: number | null, dtype?: DTypeLike | null): NdArray;
export function minimumAccumulate(a: NdArray, axis?: number | null | WithAxis<AccumulateOptions, number | null>, options?: AccumulateOptions): NdArray;
export function minimumAccumulate(a: NdArray, axis: number | null | WithAxis<AccumulateOptions, number | null> = 0, ...rest: unknown[]): NdArray {
  // NumPy's positional dtype after the axis (out is not taken here), or the options.
  const [ax, o] = axisArgs<number | null, AccumulateOptions>('minimumAccumulate', ['dtype'], axis, rest);
  return accumulate('minimumAccumulate', false, a, ax === undefined ? 0 : ax, o ?? {});
}
