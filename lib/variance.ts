/**
 * NumPy's `var` and `std` (`np.var(a, axis, dtype, out, ddof, keepdims, where, mean, correction)`), computed
 * the way NumPy's `_methods._var` computes them, step for step, so the bits
 * agree: the mean as a pairwise `sum(..., keepdims=True)` divided by the item
 * count; the deviations `a - mean` squared in place; their pairwise sum
 * divided by `max(count - ddof, 0)`; `std` is the square root of that. Bools
 * and integers compute in float64 unless `dtype` says otherwise; float32
 * stays float32; a complex array's variance is real (its parts' squares
 * added, as NumPy's fast path does). `var` is a JavaScript keyword, so NumPy's `np.var` is
 * `variance` here.
 * @module
 */
import type { NdArray } from './ndarray';
import { dtype as toDType, type DTypeLike } from './dtype';
import { WINDOW_BYTES } from './storage';
import { axisArgs, readKnownOptions, type WithAxis } from './options';
import { resolveAxes, sum, type Axis } from './reduce-axis';
import { whereMask } from './reduce-initial';
import { add, divide, maximum, multiply, subtract } from './ufuncs/arith';
import { broadcastTo } from './views';
import { ValueError, repr } from './errors';
import { sqrt } from './ufuncs/math';
import { allocate, requireOpen } from './internal';

/** A 0-d array of `v` (the module does not import create.ts, which NdArray's std/var methods would make a cycle of). */
function full0(v: number | boolean, dt: DTypeLike): NdArray {
  const a = allocate(toDType(dt), []);
  a.fill(v);
  return a;
}

/** Options of {@link variance} and {@link std}, as NumPy's keywords. */
export interface VarianceOptions {
  /** Delta degrees of freedom: the divisor is `count - ddof` (default 0; 1 gives the sample variance). */
  ddof?: number;
  /** NumPy's array-API spelling of `ddof` (giving both is NumPy's ValueError). */
  correction?: number;
  /** Keep the reduced axes as length-1 axes. */
  keepdims?: boolean;
  /** The dtype to compute in (default float64 for bools and ints, else the array's). */
  dtype?: DTypeLike;
  /** An array to write the result into (its shape must be the result's); it is returned. */
  out?: NdArray;
  /** NumPy's `where=`: a bool array (or a nested list of truths) broadcast to `a`, or a boolean; only the items where it is true count. */
  where?: NdArray | boolean | readonly unknown[];
  /**
   * NumPy's `mean=`: the mean to take the deviations from, already computed
   * (shaped as `mean(a, axis, { keepdims: true })`); saves computing it again.
   */
  mean?: NdArray;
}

const KEYS = ['ddof', 'correction', 'keepdims', 'dtype', 'out', 'where', 'mean'] as const;

function varianceOf(a: NdArray, axis: Axis | undefined, options: VarianceOptions | undefined, name: string): NdArray {
  const o = readKnownOptions(options, KEYS, name);
  requireOpen(a);
  // NumPy's rule: correction with a ddof other than 0 (ddof=0 is its default, so it may be given).
  if (o.ddof !== undefined && o.ddof !== 0 && o.correction !== undefined) throw new ValueError("ddof and correction can't be provided simultaneously.");
  const ddof = o.correction ?? o.ddof ?? 0;
  if (typeof ddof !== 'number' || !Number.isFinite(ddof)) throw new TypeError(`${name}(): ddof must be a number, got ${repr(ddof)}`);
  const kind = a.dtype.kind;
  const where = whereMask(o.where) ?? true;
  // NumPy counts the items by normalize_axis_index first when no mask is
  // given: axis 0 of a 0-d array is its AxisError (fuzz seed 17598). With a
  // mask it counts by a sum of the mask, which takes a bare axis 0 or -1 of a
  // 0-d array as the ufuncs do (fuzz seeds 9194072, 9226555).
  const axes = resolveAxes(axis, a.ndim, where === true);
  const keepdims = o.keepdims ?? false;
  // NumPy's _count_reduce_items: a plain count, or the trues of `where` broadcast to `a`, summed as intp.
  let count: number | NdArray = 1;
  if (where === true) for (const ax of axes) count *= a.shape[ax];
  else {
    const mask = typeof where === 'boolean' ? full0(where, '|b1') : where;
    count = sum(broadcastTo(mask, a.shape), axis, { dtype: '<i8', keepdims });
  }
  const dtype = o.dtype ?? (kind === 'b' || kind === 'i' || kind === 'u' ? '<f8' : undefined);
  // The deviations a - mean are a temporary of a's size: refused before the
  // mean's pass over the data (over a 2^40-item broadcast view, hours of
  // summing before the allocation said no).
  const bytes = a.size * (dtype === undefined ? a.itemsize : toDType(dtype).itemsize);
  if (bytes > WINDOW_BYTES) {
    throw new RangeError(`${name}(): needs ${bytes} bytes (${(bytes / 2 ** 30).toFixed(1)} GiB) for the deviations from the mean; an array in memory holds at most 4 GiB`);
  }
  const acc = dtype === undefined ? {} : { dtype };
  const masked = where === true ? {} : { where };
  let mean: NdArray;
  if (o.mean !== undefined) mean = o.mean;
  else {
    const total = sum(a, axis, { ...acc, keepdims: true, ...masked });
    // NumPy divides by an intp (a strong type under NEP 50), not a Python int:
    // complex64 and float16 means divide in complex128/float64 and round back.
    const div = typeof count === 'number' ? full0(count, '<i8') : count.reshape(total.shape);
    mean = divide(total, div, { out: total, casting: 'unsafe' });
  }
  let x = subtract(a, mean);
  if (x.dtype.kind === 'c') {
    // NumPy squares the real and imaginary parts in place and adds them into x.real (its float view).
    const re = x.real as NdArray;
    const im = x.imag as NdArray;
    multiply(re, re, { out: re });
    multiply(im, im, { out: im });
    x = add(re, im, { out: re });
  } else multiply(x, x, { out: x });
  // x is in the loop dtype already (NumPy's dtype= is then a no-op): a masked sum given a dtype takes the
  // masked-copy path, whose pairwise order differs from NumPy's runs of unmasked items.
  const acc2 = dtype !== undefined && !x.dtype.equals(dtype) ? { dtype } : {};
  const ret = sum(x, axis, { ...acc2, keepdims, ...masked, ...(o.out === undefined ? {} : { out: o.out }) });
  const rcount = typeof count === 'number' ? full0(Math.max(count - ddof, 0), Number.isInteger(ddof) ? '<i8' : '<f8') : maximum(subtract(count, ddof), 0);
  return divide(ret, rcount, { out: ret, casting: 'unsafe' });
}

/**
 * NumPy's `np.var(a, axis, dtype=, ddof=, keepdims=)`: the mean of the squared
 * deviations from the mean (a 0-d array when `axis` is null or omitted).
 * Named `variance` because `var` is a JavaScript keyword.
 */
export function variance(a: NdArray, axis?: Axis | null, dtype?: DTypeLike | null, out?: NdArray | null, ddof?: number | null, keepdims?: boolean | null): NdArray;
export function variance(a: NdArray, axis?: Axis | WithAxis<VarianceOptions, Axis>, options?: VarianceOptions | null): NdArray;
export function variance(a: NdArray, axis?: Axis | WithAxis<VarianceOptions, Axis>, ...rest: unknown[]): NdArray {
  let options: VarianceOptions | undefined;
  [axis, options] = axisArgs('variance', ['dtype', 'out', 'ddof', 'keepdims'], axis, rest) as [Axis | undefined, VarianceOptions | undefined];
  return varianceOf(a, axis, options, 'var');
}

/** NumPy's `np.std(a, axis, dtype=, ddof=, keepdims=)`: the square root of {@link variance}. */
export function std(a: NdArray, axis?: Axis | null, dtype?: DTypeLike | null, out?: NdArray | null, ddof?: number | null, keepdims?: boolean | null): NdArray;
export function std(a: NdArray, axis?: Axis | WithAxis<VarianceOptions, Axis>, options?: VarianceOptions | null): NdArray;
export function std(a: NdArray, axis?: Axis | WithAxis<VarianceOptions, Axis>, ...rest: unknown[]): NdArray {
  let options: VarianceOptions | undefined;
  [axis, options] = axisArgs('std', ['dtype', 'out', 'ddof', 'keepdims'], axis, rest) as [Axis | undefined, VarianceOptions | undefined];
  const v = varianceOf(a, axis, options, 'std');
  return sqrt(v, { out: v });
}
