/**
 * NumPy's `np.diff(a, n=1, axis=-1)`: the `n`-th discrete difference along
 * an axis, as NumPy computes it: `n` times `a[1:] - a[:-1]` along `axis`
 * (`notEqual` for bools), each step a ufunc over two views, so dtypes, wrap
 * around of unsigned ints and float bits are the ufunc's (uint8 differences
 * wrap, as in NumPy). `n` 0 returns `a` itself. `prepend`/`append` are
 * joined to `a` along the axis first (NumPy's `concatenate`, so they take
 * part in the dtype: `prepend: 0` to a uint8 array gives int64
 * differences); a scalar is broadcast to length 1 along the axis.
 * @module
 */
import type { NdArray } from './ndarray';
import { AxisError, ValueError, repr } from './errors';
import { slice } from './indexing';
import { positionalOptions, readKnownOptions } from './options';
import { concatenate } from './join';
import { broadcastTo } from './views';
import { asAnyArray } from './stack-helpers';
import { requireArray } from './internal';
import { subtract } from './ufuncs/arith';
import { notEqual } from './ufuncs/compare';

/** Options of {@link diff}, as NumPy's keywords. */
export interface DiffOptions {
  /** How many times to take the difference (default 1). */
  n?: number;
  /** The axis (default -1, the last). */
  axis?: number;
  /** Values joined before `a` along the axis (an array, or a scalar broadcast to length 1 there). */
  prepend?: unknown;
  /** Values joined after `a` along the axis (an array, or a scalar broadcast to length 1 there). */
  append?: unknown;
}

/**
 * NumPy's `np.diff(a, n=1, axis=-1, prepend, append)`: `diff(a)`, `diff(a, 2)`,
 * `diff(a, 1, 0, [0])` or `diff(a, { n, axis, prepend, append })`.
 *
 * @example
 * diff(asarray([1, 4, 9]), { prepend: 0 }).toArray(); // [1, 3, 5]
 */
export function diff(a: NdArray, n?: number | null, axis?: number | null, prepend?: unknown, append?: unknown): NdArray;
export function diff(a: NdArray, options?: DiffOptions): NdArray;
export function diff(a: NdArray, ...rest: unknown[]): NdArray {
  requireArray(a, 'diff', 'a');
  // NumPy's positional n, axis, prepend and append (diff(a, 1, 0, [0])), or the options.
  const o: DiffOptions = readKnownOptions(positionalOptions<DiffOptions>('diff', ['n', 'axis', 'prepend', 'append'], rest), ['n', 'axis', 'prepend', 'append'], 'diff');
  const n = o.n ?? 1;
  if (!Number.isInteger(n)) throw new TypeError(`diff(): n must be an integer, got ${repr(n)}`);
  if (n < 0) throw new ValueError(`order must be non-negative but got ${n}`);
  if (n === 0) return a;
  if (a.ndim === 0) throw new ValueError('diff requires input that is at least one dimensional');
  const axis = o.axis ?? -1;
  if (!Number.isInteger(axis) || axis < -a.ndim || axis >= a.ndim) throw new AxisError(`axis ${axis} is out of bounds for array of dimension ${a.ndim}`);
  const ax = axis < 0 ? axis + a.ndim : axis;
  const parts: NdArray[] = [];
  const edge = (v: unknown): NdArray => {
    const e = asAnyArray(v);
    if (e.ndim > 0) return e;
    const shape = [...a.shape];
    shape[ax] = 1;
    return broadcastTo(e, shape);
  };
  if ('prepend' in o && o.prepend !== undefined) parts.push(edge(o.prepend));
  parts.push(a);
  if ('append' in o && o.append !== undefined) parts.push(edge(o.append));
  if (parts.length > 1) a = concatenate(parts, { axis: ax });
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
