/**
 * `quantile`/`percentile` with `weights` (NumPy 2.0), as NumPy's
 * `_quantile` computes them: the only weighted method is `'inverted_cdf'`.
 * Per lane: a stable sort of the items, the weights in the same order, their
 * running sum in float64 divided by the total (the empirical CDF, rounded to
 * q's float type: a Python-float q beside a float32 array is float32), zeros
 * of that CDF set to -1 (leading zero weights are never picked), and the
 * item at the first position whose CDF reaches q (`searchsorted(cdf, q,
 * 'left')`, at most the last). A lane holding a NaN gives NaN. The result
 * has `a`'s dtype and byte order.
 *
 * NumPy's checks, in its order and words: `Only method 'inverted_cdf'
 * supports weights. Got: linear.`, `Axis must be specified when shapes of a
 * and weights differ.` (TypeError), `Shape of weights must be consistent
 * with shape of a along specified axis.`, `Weights must be non-negative.`,
 * `Weights included NaN, inf or were all zero.` (for any lane)
 * @module
 */
import type { NdArray } from './ndarray';
import { asarray } from './array-coerce';
import { IndexError, ValueError } from './errors';
import { resolveAxes, type Axis } from './reduce-axis';
import { broadcastTo } from './views';
import { float16Bits, float16Value } from './dtype/float16';
import { allocate } from './internal';
import { argsort } from './sort';

/** What `weights` may be: an array or a (nested) list of numbers. */
export type QuantileWeights = NdArray | readonly unknown[];

/** `weights` checked against `a` and `axis`, as NumPy's `_weights_are_valid`, and broadcast to `a`'s shape. */
function weightsOf(weights: QuantileWeights, a: NdArray, axes: number[] | null): NdArray {
  let w = asarray(weights as never) as NdArray;
  const same = w.ndim === a.ndim && w.shape.every((s, i) => s === a.shape[i]);
  if (!same) {
    if (axes === null) throw new TypeError('Axis must be specified when shapes of a and weights differ.');
    const along = axes.map((ax) => a.shape[ax]);
    if (w.ndim !== along.length || w.shape.some((s, i) => s !== along[i])) {
      throw new ValueError('Shape of weights must be consistent with shape of a along specified axis.');
    }
    // NumPy: wgt.transpose(argsort(axis)), then 1 for every other axis of a.
    const order = axes.map((_, i) => i).sort((i, j) => axes[i] - axes[j]);
    w = w.transpose(order).reshape(a.shape.map((s, ax) => (axes.includes(ax) ? s : 1)));
  }
  return broadcastTo(w, a.shape);
}

/** The rounding of q's float type, for the CDF (NumPy casts cdf to q's dtype). */
function rounding(kind: string, itemsize: number): (x: number) => number {
  if (kind !== 'f' || itemsize === 8) return (x) => x;
  if (itemsize === 4) return Math.fround;
  return (x) => float16Value(float16Bits(x));
}

const isNaNValue = (v: unknown): boolean => typeof v === 'number' && Number.isNaN(v);

/** Ascending, NaN last; stable (Array.prototype.sort is). */
function compare(x: unknown, y: unknown): number {
  const xn = isNaNValue(x);
  const yn = isNaNValue(y);
  if (xn || yn) return xn === yn ? 0 : xn ? 1 : -1;
  return (x as number) < (y as number) ? -1 : (x as number) > (y as number) ? 1 : 0;
}

/**
 * NumPy's `np.quantile(a, q, axis, method='inverted_cdf', keepdims,
 * weights=w)` (and `percentile`'s, `name` saying which). The `nan` forms
 * leave each lane's NaNs out with their weights first (NumPy's
 * `_remove_nan_1d` over `a` and the weights); a lane of NaNs only answers
 * NaN, and an empty `a` is `onEmpty()` (NumPy's nanmean) once the weights
 * are checked.
 */
export function weightedQuantile(
  a: NdArray,
  q: number | readonly number[] | NdArray,
  checked: { qs: readonly number[]; qshape: readonly number[] },
  weights: QuantileWeights,
  axis: Axis | undefined,
  method: unknown,
  keepdims: boolean,
  name: 'quantile' | 'percentile' | 'nanquantile' | 'nanpercentile',
  onEmpty?: () => NdArray,
): NdArray {
  const skipNaN = name === 'nanquantile' || name === 'nanpercentile';
  // NumPy checks a real a and q in range first (the caller's quantileArgs), then the weights.
  const { qs, qshape } = checked;
  if (method !== 'inverted_cdf') throw new ValueError(`Only method 'inverted_cdf' supports weights. Got: ${String(method ?? 'linear')}.`);
  const axes = axis === undefined || axis === null ? null : resolveAxes(axis, a.ndim, true);
  const w = weightsOf(weights, a, axes);
  if (w.dtype.kind === 'c') throw new TypeError('weights must be real numbers');
  const reduced = axes ?? a.shape.map((_, i) => i);
  const kept = a.shape.map((_, i) => i).filter((i) => !reduced.includes(i));
  const keptShape = kept.map((i) => a.shape[i]);
  const n = reduced.reduce((p, ax) => p * a.shape[ax], 1);
  const lanes = keptShape.reduce((p, s) => p * s, 1);
  const perm = [...kept, ...reduced];
  const values = (a.ndim === 0 ? a.reshape([1, 1]) : a.transpose(perm).reshape([lanes, n])).toArray() as unknown[][];
  const wv = (w.ndim === 0 ? w.reshape([1, 1]) : w.transpose(perm).reshape([lanes, n])).toArray() as unknown[][];
  for (const lane of wv) {
    if (lane.some((x) => Number(x) < 0)) throw new ValueError('Weights must be non-negative.');
  }
  if (a.size === 0 && onEmpty !== undefined) return onEmpty();
  if (n === 0) throw new IndexError('index -1 is out of bounds for axis 0 with size 0');
  // q's dtype: a Python float beside a float array takes the array's type (percentile divides in it).
  const weakFloat = typeof q === 'number' && a.dtype.kind === 'f';
  const qa = asarray(q as never) as NdArray;
  const percent = name === 'percentile' || name === 'nanpercentile';
  const qKind = weakFloat ? 'f' : qa.dtype.kind === 'f' ? 'f' : percent ? 'f' : qa.dtype.kind;
  const round = weakFloat ? rounding('f', a.dtype.itemsize) : rounding(qKind, qa.dtype.kind === 'f' ? qa.dtype.itemsize : 8);
  const scale = percent ? 100 : 1;
  // (NumPy: quantile casts a Python-float q to a's dtype; percentile divides it by a.dtype.type(100).)
  const qv = weakFloat ? [scale === 1 ? round(q as number) : round(round(q as number) / scale)] : qs.map(round);
  const out = allocate(a.dtype, [qs.length, lanes]);
  // Records sort in NumPy's record order (field by field): the library's stable argsort of
  // each lane (compare() saw two objects as equal and kept the items unsorted; fuzz 9001170 9004886).
  const recordOrder = a.dtype.isStructured ? (argsort(a.transpose(perm).reshape([lanes, n]), { axis: -1, kind: 'stable' }).toArray() as number[][]) : null;
  let nanLane = false;
  for (let l = 0; l < lanes; l++) {
    let items = values[l].map((_, i) => i);
    if (skipNaN) items = items.filter((i) => !isNaNValue(values[l][i]));
    const m = items.length;
    if (m === 0) {
      // NumPy's np.full(q.shape, nan, dtype=a.dtype) for a lane of NaNs only.
      nanLane = true;
      qv.forEach((_, k) => out.set([k, l], NaN));
      continue;
    }
    const order = recordOrder !== null ? recordOrder[l].map(Number) : items.sort((i, j) => compare(values[l][i], values[l][j]));
    const sorted = order.map((i) => values[l][i]);
    let run = 0;
    const cdf = order.map((i) => (run += Number(wv[l][i])));
    const total = cdf[m - 1];
    // NumPy: cdf /= cdf[-1], then a NaN last entry (all zero, a NaN or an inf) is refused.
    if (Number.isNaN(total / total)) throw new ValueError('Weights included NaN, inf or were all zero.');
    const c = cdf.map((x) => {
      const r = round(x / total);
      return r === 0 ? -1 : r;
    });
    const hasNaN = isNaNValue(sorted[m - 1]);
    nanLane ||= hasNaN;
    qv.forEach((x, k) => {
      let i = 0;
      while (i < m && c[i] < x) i++;
      out.set([k, l], hasNaN ? sorted[m - 1] : sorted[Math.min(i, m - 1)]);
    });
  }
  const shape = keepdims ? a.shape.map((s, i) => (reduced.includes(i) ? 1 : s)) : keptShape;
  // (NumPy takes the items from a's sorted copy: a's dtype and byte order, a 0-d result too;
  // but a 0-d result whose lane holds a NaN is that item as a scalar: native byte order.)
  const r = out.reshape([...qshape, ...shape]);
  return nanLane && qshape.length === 0 && keptShape.length === 0 && !a.dtype.isnative ? r.astype(a.dtype.newbyteorder('=')) : r;
}
