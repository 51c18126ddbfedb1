/**
 * NumPy's `trapezoid(y, x=None, dx=1.0, axis=-1)`, as
 * `_function_base_impl.trapezoid` computes it: `d * (y[1:] + y[:-1]) / 2.0`
 * along `axis`, summed there (NumPy's summation order), where `d` is `dx`
 * (a Python float: weak in promotion) or `diff(x)` (reshaped to run along
 * `axis` when `x` is 1-d). Each step is a ufunc, so dtypes and float bits
 * are NumPy's.
 * @module
 */
import type { NdArray } from './ndarray';
import { asAnyArray } from './stack-helpers';
import { normalizeAxis } from './layout';
import { positionalOptions, readKnownOptions } from './options';
import { slice } from './indexing';
import { diff } from './diff';
import { sum } from './reduce-axis';
import { add, divide, multiply } from './ufuncs/arith';
import { IndexError, repr } from './errors';

/** Options of {@link trapezoid}, as NumPy's keywords. */
export interface TrapezoidOptions {
  /** The sample points (1-d along `axis`, or shaped like `y`); default: spaced `dx` apart. */
  x?: NdArray | readonly unknown[] | null;
  /** The spacing when `x` is not given (default 1.0): a number or an array broadcasting against the intervals. */
  dx?: number | NdArray;
  /** The axis to integrate along (default -1). */
  axis?: number;
}

/**
 * NumPy's `np.trapezoid(y, x=None, dx=1.0, axis=-1)`: the integral of `y`
 * along `axis` by the composite trapezoidal rule. A 1-d `y` gives a 0-d
 * array.
 *
 * @example
 * trapezoid(asarray([1, 2, 3])).get(); // 4
 * trapezoid(asarray([1, 2, 3]), { x: [4, 6, 8] }).get(); // 8
 * @throws IndexError for an axis outside `y` (NumPy's list assignment; AxisError from an N-d `x`'s diff first); ValueError when `x` does not broadcast against `y`
 */
export function trapezoid(y: NdArray | readonly unknown[], x?: NdArray | readonly unknown[] | TrapezoidOptions | null, dx?: number | NdArray | TrapezoidOptions | null, axis?: number | TrapezoidOptions | null, options?: TrapezoidOptions): NdArray;
export function trapezoid(y: NdArray | readonly unknown[], options?: TrapezoidOptions): NdArray;
export function trapezoid(y: NdArray | readonly unknown[], ...rest: unknown[]): NdArray {
  // NumPy's positional x, dx and axis (trapezoid(y, null, 0.5, 0)), or the options.
  const o = readKnownOptions(positionalOptions<TrapezoidOptions>('trapezoid', ['x', 'dx', 'axis'], rest), ['x', 'dx', 'axis'], 'trapezoid');
  const ya = asAnyArray(y);
  const axisArg = o.axis ?? -1;
  if (typeof axisArg !== 'number') throw new TypeError(`trapezoid() axis must be an integer, got ${repr(axisArg)}`);
  const nd = ya.ndim;
  // NumPy assigns into Python lists of nd items at [axis]: an axis outside y is that list's
  // IndexError (a 0-d y too), except where diff(x, axis=axis) of an N-d x raises its AxisError first.
  const listIndex = (): number => {
    if (!Number.isInteger(axisArg) || axisArg < -nd || axisArg >= nd) throw new IndexError('list assignment index out of range');
    return normalizeAxis(axisArg, nd);
  };
  let d: NdArray | number;
  if (o.x === undefined || o.x === null) {
    const dx = o.dx ?? 1.0;
    d = typeof dx === 'number' ? dx : asAnyArray(dx);
  } else {
    const x = asAnyArray(o.x);
    if (x.ndim === 1) {
      const dd = diff(x);
      const shape = new Array<number>(nd).fill(1);
      shape[listIndex()] = dd.shape[0];
      d = dd.reshape(shape);
    } else {
      d = diff(x, { axis: axisArg });
    }
  }
  const axis = listIndex();
  const s1 = new Array(nd).fill(slice(null));
  const s2 = new Array(nd).fill(slice(null));
  s1[axis] = slice(1, null);
  s2[axis] = slice(null, -1);
  return sum(divide(multiply(d, add(ya.index(...s1), ya.index(...s2))), 2.0), axis);
}
