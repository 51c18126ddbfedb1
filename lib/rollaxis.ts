/**
 * NumPy's `rollaxis(a, axis, start=0)` (`numpy/_core/numeric.py`): the
 * older spelling of `moveaxis` for one axis, a view with `axis` moved to sit
 * before `start` (counted in the original axes), with NumPy's `start` check
 * and message.
 * @module
 */
import { AxisError, repr } from './errors';
import { requireArray, requireOpen } from './internal';
import { normalizeAxis } from './layout';
import type { NdArray } from './ndarray';

/**
 * NumPy's `np.rollaxis(a, axis, start=0)`: a view of `a` with `axis` rolled
 * back until it lies before position `start` (`start = a.ndim` rolls it
 * to the end). `a.index('...')` (a new view) when nothing moves.
 *
 * @example
 * rollaxis(zeros([3, 4, 5, 6]), 3, 1).shape; // [3, 6, 4, 5]
 * rollaxis(zeros([3, 4, 5, 6]), 1, 4).shape; // [3, 5, 6, 4]
 * @throws AxisError for an `axis` out of range or a `start` outside `[-ndim, ndim]`
 */
export function rollaxis<A extends NdArray>(a: A, axis: number, start = 0): A {
  requireArray(a, 'rollaxis', 'a');
  requireOpen(a);
  const n = a.ndim;
  const ax = normalizeAxis(axis, n);
  if (typeof start !== 'number' || !Number.isSafeInteger(start)) throw new TypeError(`rollaxis(): start must be an integer, got ${repr(start)}`);
  let st = start < 0 ? start + n : start;
  if (!(st >= 0 && st < n + 1)) throw new AxisError(`'start' arg requires ${-n} <= start < ${n + 1}, but ${st} was passed in`);
  if (ax < st) st -= 1;
  if (ax === st) return a.index('...');
  const axes = [...Array(n).keys()].filter((d) => d !== ax);
  axes.splice(st, 0, ax);
  return a.transpose(axes) as A;
}
