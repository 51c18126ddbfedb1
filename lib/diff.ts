/**
 * NumPy's `np.diff(a, n=1, axis=-1)`: the `n`-th discrete difference along
 * an axis, as NumPy computes it: `n` times `a[1:] - a[:-1]` along `axis`
 * (`notEqual` for bools), each step a ufunc over two views, so dtypes, wrap
 * around of unsigned ints and float bits are the ufunc's (uint8 differences
 * wrap, as in NumPy). `n` 0 returns `a` itself.
 * @module
 */
import type { NdArray } from './ndarray';
import { AxisError, ValueError, repr } from './errors';
import { slice } from './indexing';
import { readKnownOptions } from './options';
import { requireArray } from './internal';
import { subtract } from './ufuncs/arith';
import { notEqual } from './ufuncs/compare';

/** Options of {@link diff}, as NumPy's keywords (`prepend`/`append` are not supported yet). */
export interface DiffOptions {
  /** How many times to take the difference (default 1). */
  n?: number;
  /** The axis (default -1, the last). */
  axis?: number;
}

/** NumPy's `np.diff(a, n=1, axis=-1)`: `diff(a)`, `diff(a, 2)`, `diff(a, 1, 0)` or `diff(a, { n, axis })`. */
export function diff(a: NdArray, nOrOptions?: number | DiffOptions, axisArg?: number): NdArray {
  requireArray(a, 'diff', 'a');
  if (nOrOptions !== undefined && nOrOptions !== null && typeof nOrOptions !== 'number' && typeof nOrOptions !== 'object') {
    // diff(a, '2') read the string as an options object with no n: a silent n = 1.
    throw new TypeError(`diff(): n must be an integer or an options object, got ${repr(nOrOptions)}`);
  }
  const o = typeof nOrOptions === 'number' ? { n: nOrOptions, axis: axisArg } : readKnownOptions(nOrOptions, ['n', 'axis'], 'diff');
  const n = o.n ?? 1;
  if (!Number.isInteger(n)) throw new TypeError(`diff(): n must be an integer, got ${repr(n)}`);
  if (n < 0) throw new ValueError(`order must be non-negative but got ${n}`);
  if (n === 0) return a;
  if (a.ndim === 0) throw new ValueError('diff requires input that is at least one dimensional');
  const axis = o.axis ?? -1;
  if (!Number.isInteger(axis) || axis < -a.ndim || axis >= a.ndim) throw new AxisError(`axis ${axis} is out of bounds for array of dimension ${a.ndim}`);
  const ax = axis < 0 ? axis + a.ndim : axis;
  const op = a.dtype.kind === 'b' ? notEqual : subtract;
  const upper = new Array(a.ndim).fill(slice(null));
  const lower = new Array(a.ndim).fill(slice(null));
  upper[ax] = slice(1, null);
  lower[ax] = slice(null, -1);
  let r = a;
  // Once the axis is empty, every difference after the first (which fixes the
  // dtype: '>f8' gives '<f8', datetimes timedeltas) is the same empty array:
  // stop there, so a huge n is not a loop of that many calls.
  for (let k = 0; k < n && (k === 0 || r.shape[ax] > 0); k++) r = op(r.index(...upper), r.index(...lower));
  return r;
}
