/**
 * NumPy's `average(a, axis, weights, returned, keepdims)`, as
 * `_function_base_impl.average` computes it: without weights the `mean`
 * (and the item count per result, in the mean's dtype); with weights
 * `sum(a * w) / sum(w)`, both in `result_type(a, w)` (with float64 for
 * bool and integer `a`). Weights shaped like the reduced axes broadcast
 * along them.
 * @module
 */
import type { NdArray } from './ndarray';
import { asarray } from './array-coerce';
import { dtype as toDType } from './dtype';
import { ValueError, ZeroDivisionError } from './errors';
import { isArray, requireOpen } from './internal';
import { optionsWithAxisArgs, readKnownOptions } from './options';
import { resultType } from './promote';
import { any, mean, resolveAxes, sum, type Axis } from './reduce-axis';
import { broadcastTo } from './create';
import { divide, multiply } from './ufuncs/arith';
import { equal } from './ufuncs/compare';

/** Options of {@link average}, as NumPy's keywords. */
export interface AverageOptions {
  /** The axis or axes to average over (default: all). */
  axis?: Axis;
  /** A weight per item of `a`, or per item along `axis` (1-d for one axis). */
  weights?: NdArray | readonly number[] | null;
  /** Also return the sum of the weights (the item count without weights): `[avg, sumOfWeights]`. */
  returned?: boolean;
  /** Keep the reduced axes as length-1 axes. */
  keepdims?: boolean;
}

/** NumPy's `_weights_are_valid`: `w` as is, or reshaped to broadcast along `axes`. */
function weightsFor(a: NdArray, w: NdArray, axes: number[] | null): NdArray {
  const same = w.ndim === a.ndim && w.shape.every((s, i) => s === a.shape[i]);
  if (same) return w;
  if (axes === null) throw new TypeError('Axis must be specified when shapes of a and weights differ.');
  if (w.ndim !== axes.length || w.shape.some((s, i) => s !== a.shape[axes[i]])) {
    throw new ValueError('Shape of weights must be consistent with shape of a along specified axis.');
  }
  // NumPy's wgt.transpose(argsort(axis)): the weight axes in the order of a's axes.
  const perm = [...axes.keys()].sort((i, j) => axes[i] - axes[j]);
  return w.transpose(perm).reshape(a.shape.map((s, ax) => (axes.includes(ax) ? s : 1)));
}

/**
 * NumPy's `np.average(a, axis=None, weights=None, returned=False, keepdims=False)`:
 * the (weighted) mean along `axis`. With `returned` the result is
 * `[average, sumOfWeights]`, the second broadcast to the first's shape.
 * Weights summing to zero along a lane are NumPy's ZeroDivisionError.
 */
export function average(a: NdArray, axis: Axis | null | undefined, weights: AverageOptions['weights'] | null | undefined, returned: true, options?: Omit<AverageOptions, 'weights' | 'returned'>): [NdArray, NdArray];
export function average(a: NdArray, axis: Axis | null | undefined, weights: AverageOptions['weights'] | null | undefined, returned?: false | null, options?: Omit<AverageOptions, 'weights' | 'returned'>): NdArray;
export function average(a: NdArray, options: AverageOptions & { returned: true }): [NdArray, NdArray];
export function average(a: NdArray, axis: Axis | undefined, options: AverageOptions & { returned: true }): [NdArray, NdArray];
export function average(a: NdArray, options?: AverageOptions & { returned?: false }): NdArray;
export function average(a: NdArray, axis?: Axis, options?: AverageOptions & { returned?: false }): NdArray;
export function average(a: NdArray, axis?: Axis | AverageOptions, options?: AverageOptions): NdArray | [NdArray, NdArray];
export function average(a: NdArray, axis?: Axis | AverageOptions, ...more: unknown[]): NdArray | [NdArray, NdArray] {
  // NumPy's positional weights and returned after the axis (keepdims is keyword-only), or the options.
  const o = readKnownOptions(optionsWithAxisArgs<Axis | null, AverageOptions>('average', ['weights', 'returned'], axis, more), ['axis', 'weights', 'returned', 'keepdims'], 'average');
  requireOpen(a);
  // strict: NumPy's a.mean(axis=0) of a 0-d array is an AxisError (fuzz seed 1000722).
  const axes = o.axis === undefined || o.axis === null ? null : resolveAxes(o.axis, a.ndim, true);
  const along = axes ?? null;
  const keep = { keepdims: o.keepdims ?? false };
  let avg: NdArray;
  let scl: NdArray;
  if (o.weights === undefined || o.weights === null) {
    avg = mean(a, along, keep);
    // NumPy's scl = dtype.type(a.size / avg.size): Python's ZeroDivisionError for an empty result.
    if (avg.size === 0) throw new ZeroDivisionError('division by zero');
    scl = asarray(a.size / avg.size, avg.dtype);
  } else {
    const w = weightsFor(a, isArray(o.weights) ? o.weights : asarray(o.weights), axes);
    const ints = 'biu'.includes(a.dtype.kind);
    const dt = ints ? resultType(a.dtype, w.dtype, toDType('<f8')) : resultType(a.dtype, w.dtype);
    scl = sum(w, along, { ...keep, dtype: dt });
    if (any(equal(scl, 0)).get()) throw new ZeroDivisionError("Weights sum to zero, can't be normalized");
    avg = divide(sum(multiply(a, w, { dtype: dt }), along, keep), scl);
  }
  if (!o.returned) return avg;
  if (scl.ndim !== avg.ndim || scl.shape.some((s, i) => s !== avg.shape[i])) scl = broadcastTo(scl, avg.shape).copy();
  return [avg, scl];
}
