/**
 * NumPy's `var` and `std` (`np.var(a, axis, dtype, ddof, keepdims)`), computed
 * the way NumPy's `_methods._var` computes them, step for step, so the bits
 * agree: the mean as a pairwise `sum(..., keepdims=True)` divided by the item
 * count; the deviations `a - mean` squared in place; their pairwise sum
 * divided by `max(count - ddof, 0)`; `std` is the square root of that. Bools
 * and integers compute in float64 unless `dtype` says otherwise; float32
 * stays float32. `var` is a JavaScript keyword, so NumPy's `np.var` is
 * `variance` here.
 * @module
 */
import type { NdArray } from './ndarray';
import { dtype as toDType, type DTypeLike } from './dtype';
import { WINDOW_BYTES } from './storage';
import { readKnownOptions } from './options';
import { resolveAxes, sum, type Axis } from './reduce-axis';
import { divide, multiply, subtract } from './ufuncs/arith';
import { sqrt } from './ufuncs/math';
import { requireOpen } from './internal';
import { repr } from './errors';

/** Options of {@link variance} and {@link std}, as NumPy's keywords. */
export interface VarianceOptions {
  /** Delta degrees of freedom: the divisor is `count - ddof` (default 0; 1 gives the sample variance). */
  ddof?: number;
  /** Keep the reduced axes as length-1 axes. */
  keepdims?: boolean;
  /** The dtype to compute in (default float64 for bools and ints, else the array's). */
  dtype?: DTypeLike;
}

const KEYS = ['ddof', 'keepdims', 'dtype'] as const;

function varianceOf(a: NdArray, axis: Axis | undefined, options: VarianceOptions | undefined, name: string): NdArray {
  const o = readKnownOptions(options, KEYS, name);
  requireOpen(a);
  const ddof = o.ddof ?? 0;
  if (typeof ddof !== 'number' || !Number.isFinite(ddof)) throw new TypeError(`${name}(): ddof must be a number, got ${repr(ddof)}`);
  const kind = a.dtype.kind;
  if (kind === 'c') throw new TypeError(`${name}() of complex arrays is not supported yet (NumPy gives a real result from x * conj(x))`);
  const axes = resolveAxes(axis, a.ndim);
  let count = 1;
  for (const ax of axes) count *= a.shape[ax];
  const dtype = o.dtype ?? (kind === 'b' || kind === 'i' || kind === 'u' ? '<f8' : undefined);
  // The deviations a - mean are a temporary of a's size: refused before the
  // mean's pass over the data (over a 2^40-item broadcast view, hours of
  // summing before the allocation said no).
  const bytes = a.size * (dtype === undefined ? a.itemsize : toDType(dtype).itemsize);
  if (bytes > WINDOW_BYTES) {
    throw new RangeError(`${name}(): needs ${bytes} bytes (${(bytes / 2 ** 30).toFixed(1)} GiB) for the deviations from the mean; an array in memory holds at most 4 GiB`);
  }
  const acc = dtype === undefined ? {} : { dtype };
  const total = sum(a, axis, { ...acc, keepdims: true });
  const mean = divide(total, count, { out: total, casting: 'unsafe' });
  const x = subtract(a, mean);
  multiply(x, x, { out: x });
  const ret = sum(x, axis, { ...acc, keepdims: o.keepdims ?? false });
  return divide(ret, Math.max(count - ddof, 0), { out: ret, casting: 'unsafe' });
}

/**
 * NumPy's `np.var(a, axis, dtype=, ddof=, keepdims=)`: the mean of the squared
 * deviations from the mean (a 0-d array when `axis` is null or omitted).
 * Named `variance` because `var` is a JavaScript keyword.
 */
export function variance(a: NdArray, axis?: Axis, options?: VarianceOptions): NdArray {
  return varianceOf(a, axis, options, 'var');
}

/** NumPy's `np.std(a, axis, dtype=, ddof=, keepdims=)`: the square root of {@link variance}. */
export function std(a: NdArray, axis?: Axis, options?: VarianceOptions): NdArray {
  const v = varianceOf(a, axis, options, 'std');
  return sqrt(v, { out: v });
}
