/**
 * NumPy's `np.diff(a, n=1, axis=-1, prepend=, append=)`: the `n`-th discrete difference along
 * an axis, as NumPy computes it: `n` times `a[1:] - a[:-1]` along `axis`
 * (`notEqual` for bools), each step a ufunc over two views, so dtypes, wrap
 * around of unsigned ints and float bits are the ufunc's (uint8 differences
 * wrap, as in NumPy). `n` 0 returns `a` itself. `prepend`/`append` are
 * joined to `a` along the axis first (one concatenate, as NumPy).
 * @module
 */
import type { NdArray } from './ndarray';
import { AxisError, ValueError } from './errors';
import { slice } from './indexing';
import { readKnownOptions } from './options';
import { subtract } from './ufuncs/arith';
import { notEqual } from './ufuncs/compare';
import { asarray } from './array-coerce';
import { broadcastTo } from './views';
import { concatenate } from './join';

/** Options of {@link diff}, as NumPy's keywords. */
export interface DiffOptions {
  /** How many times to take the difference (default 1). */
  n?: number;
  /** The axis (default -1, the last). */
  axis?: number;
  /**
   * Values joined before `a` along `axis` first (NumPy's `prepend=`): an
   * array or nested list, or a scalar (broadcast to length 1 along `axis`).
   */
  prepend?: unknown;
  /** Values joined after `a` along `axis` first (NumPy's `append=`), as `prepend`. */
  append?: unknown;
}

/** NumPy's `np.diff(a, n=1, axis=-1)`: `diff(a)`, `diff(a, 2)`, `diff(a, 1, 0)` or `diff(a, { n, axis })`. */
export function diff(a: NdArray, nOrOptions?: number | DiffOptions, axisArg?: number): NdArray {
  const o = typeof nOrOptions === 'number' ? { n: nOrOptions, axis: axisArg } : readKnownOptions(nOrOptions, ['n', 'axis', 'prepend', 'append'], 'diff');
  const n = o.n ?? 1;
  if (!Number.isInteger(n)) throw new TypeError(`diff(): n must be an integer, got ${String(n)}`);
  if (n < 0) throw new ValueError(`order must be non-negative but got ${n}`);
  if (n === 0) return a;
  if (a.ndim === 0) throw new ValueError('diff requires input that is at least one dimensional');
  const axis = o.axis ?? -1;
  if (!Number.isInteger(axis) || axis < -a.ndim || axis >= a.ndim) throw new AxisError(`axis ${axis} is out of bounds for array of dimension ${a.ndim}`);
  const ax = axis < 0 ? axis + a.ndim : axis;
  const p = 'prepend' in o ? o.prepend : undefined;
  const q = 'append' in o ? o.append : undefined;
  if (p !== undefined || q !== undefined) {
    // NumPy: a 0-d prepend/append is broadcast to a's shape with length 1 along axis; then one concatenate.
    const edge = (v: unknown): NdArray => {
      const e = asarray(v);
      if (e.ndim !== 0) return e;
      const shape = [...a.shape];
      shape[ax] = 1;
      return broadcastTo(e, shape);
    };
    a = concatenate([...(p === undefined ? [] : [edge(p)]), a, ...(q === undefined ? [] : [edge(q)])], { axis: ax });
  }
  const op = a.dtype.kind === 'b' ? notEqual : subtract;
  const upper = new Array(a.ndim).fill(slice(null));
  const lower = new Array(a.ndim).fill(slice(null));
  upper[ax] = slice(1, null);
  lower[ax] = slice(null, -1);
  let r = a;
  for (let k = 0; k < n; k++) r = op(r.index(...upper), r.index(...lower));
  return r;
}
