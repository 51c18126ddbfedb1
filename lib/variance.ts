/**
 * NumPy's `var` and `std` (`np.var(a, axis, dtype, ddof, keepdims)`), computed
 * the way NumPy's `_methods._var` computes them, step for step, so the bits
 * agree: the mean as a pairwise `sum(..., keepdims=True)` divided by the item
 * count; the deviations `a - mean` squared in place; their pairwise sum
 * divided by `max(count - ddof, 0)`; `std` is the square root of that. Bools
 * and integers compute in float64 unless `dtype` says otherwise; float32
 * stays float32; complex deviations give a real result (re² + im², as
 * NumPy's complex fast path). `var` is a JavaScript keyword, so NumPy's `np.var` is
 * `variance` here.
 * @module
 */
import type { NdArray } from './ndarray';
import type { DTypeLike } from './dtype';
import { readKnownOptions } from './options';
import { resolveAxes, sum, type Axis } from './reduce-axis';
import { add, divide, multiply, subtract } from './ufuncs/arith';
import { sqrt } from './ufuncs/math';
import { requireOpen } from './internal';
import { normalizeAxis } from './layout';
import { full } from './create';

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
  if (typeof ddof !== 'number' || !Number.isFinite(ddof)) throw new TypeError(`${name}(): ddof must be a number, got ${String(ddof)}`);
  const kind = a.dtype.kind;
  // NumPy counts the items by normalize_axis_index first: axis 0 of a 0-d array is its AxisError (fuzz seed 17598).
  if (a.ndim === 0 && axis !== null && axis !== undefined) for (const ax of typeof axis === 'number' ? [axis] : axis) normalizeAxis(ax, 0);
  const axes = resolveAxes(axis, a.ndim);
  let count = 1;
  for (const ax of axes) count *= a.shape[ax];
  const dtype = o.dtype ?? (kind === 'b' || kind === 'i' || kind === 'u' ? '<f8' : undefined);
  const acc = dtype === undefined ? {} : { dtype };
  const total = sum(a, axis, { ...acc, keepdims: true });
  // NumPy divides by an intp (np.intp(count), then maximum(count - ddof, 0)), not a weak
  // Python int: float32/float16 divide in float64, complex64 in complex128, cast back.
  const mean = divide(total, npScalar(count), { out: total, casting: 'unsafe' });
  const x = subtract(a, mean);
  let sq = x;
  if (x.dtype.kind === 'c') {
    // NumPy's complex fast path: the parts squared in place, their sum into the real
    // parts, a real result (x.real of the native complex deviations).
    sq = x.real;
    const im = x.imag;
    multiply(sq, sq, { out: sq });
    multiply(im, im, { out: im });
    add(sq, im, { out: sq });
  } else multiply(x, x, { out: x });
  const ret = sum(sq, axis, { ...acc, keepdims: o.keepdims ?? false });
  return divide(ret, npScalar(Math.max(count - ddof, 0)), { out: ret, casting: 'unsafe' });
}

/** A NumPy int64 (or float64, for a fractional ddof) scalar as a 0-d array: it promotes as an array does. */
function npScalar(v: number): NdArray {
  return Number.isInteger(v) ? full([], BigInt(v), '<i8') : full([], v, '<f8');
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
