/**
 * NumPy's `fromfunction(function, shape, dtype=float)`
 * (`numpy/_core/numeric.py`): `function(*indices(shape, dtype))`, the
 * function called once with one coordinate array per axis (whole arrays,
 * not one call per element), its return value returned as it is.
 * @module
 */
import type { DTypeLike } from './dtype';
import { indices } from './grids';
import { requireFunction } from './internal';
import type { NdArray } from './ndarray';
import { readKnownOptions } from './options';

/** Options of {@link fromfunction}. */
export interface FromfunctionOptions {
  /** The coordinate arrays' dtype (default float64, NumPy's `float`). */
  dtype?: DTypeLike;
}

/**
 * NumPy's `np.fromfunction(function, shape, dtype=float)`: calls `fn` once
 * with the coordinate arrays of `shape` (one per axis, float64 unless
 * `dtype`) and returns what it returns.
 *
 * @example
 * fromfunction((i, j) => add(multiply(i, 10), j), [2, 3]).toArray(); // [[0, 1, 2], [10, 11, 12]]
 * @throws what `indices` throws for a bad shape or dtype
 */
export function fromfunction<R>(fn: (...coords: NdArray[]) => R, shape: readonly number[], options: FromfunctionOptions = {}): R {
  requireFunction(fn, 'fromfunction', 'function');
  const o = readKnownOptions(options, ['dtype'], 'fromfunction');
  const grid = indices(shape, { dtype: o.dtype ?? '<f8' });
  const coords = [...Array(shape.length).keys()].map((k) => grid.index(k));
  return fn(...coords);
}
