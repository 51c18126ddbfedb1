/**
 * NumPy's `gradient(f, *varargs, axis=None, edge_order=1)`, as
 * `_function_base_impl.gradient` computes it: second-order central
 * differences inside, first- or second-order one-sided differences at the
 * two ends, each a ufunc expression over views of `f` in NumPy's operand
 * order, so the float bits are NumPy's. Spacing per axis: a scalar (uniform)
 * or the coordinates along it (differences of those; integer coordinates as
 * float64; constant differences fold to the scalar case, as NumPy does).
 * Integer and bool `f` give float64 (integers converted first, so no
 * modular arithmetic); float16/32/64 and complex keep their dtype.
 * @module
 */
import type { NdArray } from './ndarray';
import { asAnyArray } from './stack-helpers';
import { isArray } from './internal';
import { resolveAxes } from './reduce-axis';
import { slice, type Slice } from './indexing';
import { emptyLike } from './create';
import { diff } from './diff';
import { add, divide, multiply, negative, subtract } from './ufuncs/arith';
import { equal } from './ufuncs/compare';
import { all } from './reduce-axis';
import { ValueError, ZeroDivisionError, repr } from './errors';
import { readKnownOptions } from './options';
import { dtype as toDType } from './dtype';

/** Options of {@link gradient} (given last), as NumPy's keywords. */
export interface GradientOptions {
  /** The axis or axes to differentiate along (default: all); the result is one array per axis given. */
  axis?: number | readonly number[] | null;
  /** 1 or 2: the order of the one-sided differences at the ends (default 1). */
  edgeOrder?: 1 | 2;
}

/** A spacing argument: one number for an axis (or all), or the coordinates along an axis. */
export type GradientSpacing = number | NdArray | readonly number[];

/** `k / dx` as NumPy computes it: Python float arithmetic for a number (it stays weak), a ufunc for a 0-d array. */
function scalarDiv(k: number, dx: number | NdArray): number | NdArray {
  if (typeof dx !== 'number') return divide(k, dx);
  if (dx === 0) throw new ZeroDivisionError('float division by zero');
  return k / dx;
}

function isOptions(v: unknown): v is GradientOptions {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !isArray(v);
}

/**
 * NumPy's `np.gradient(f, *varargs, axis=None, edge_order=1)`:
 * `gradient(f)`, `gradient(f, 2.0)`, `gradient(f, xs, ys)` or
 * `gradient(f, …spacing, { axis, edgeOrder })`. One axis gives one array,
 * several give a list (NumPy's tuple), one per axis in the order asked.
 *
 * @example
 * gradient(asarray([1, 2, 4, 7, 11])).toArray(); // [1, 1.5, 2.5, 3.5, 4]
 * @throws ValueError when an axis is shorter than `edgeOrder + 1`, for `edgeOrder` above 2, or coordinates of the wrong length; TypeError for a wrong number of spacings
 */
export function gradient(f: NdArray | readonly unknown[], ...args: (GradientSpacing | GradientOptions)[]): NdArray | NdArray[] {
  const last = args.length > 0 ? args[args.length - 1] : undefined;
  // No options given: still no inherited ones (a polluted Object.prototype.axis = 1 made gradient(f) one array).
  const o = readKnownOptions(isOptions(last) ? last : undefined, ['axis', 'edgeOrder'], 'gradient');
  const varargs = (isOptions(last) ? args.slice(0, -1) : args) as GradientSpacing[];
  let fa = asAnyArray(f);
  const N = fa.ndim;
  const axes = o.axis === undefined || o.axis === null ? [...Array(N).keys()] : resolveAxes(o.axis as number | number[], N, true);
  const edgeOrder = o.edgeOrder ?? 1;
  if (!Number.isInteger(edgeOrder)) throw new TypeError(`gradient() edgeOrder must be an integer, got ${repr(edgeOrder)}`);
  const n = varargs.length;
  let dx: (number | NdArray)[];
  const ndimOf = (v: GradientSpacing): number => (typeof v === 'number' ? 0 : isArray(v) ? v.ndim : asAnyArray(v).ndim);
  if (n === 0) dx = axes.map(() => 1.0);
  else if (n === 1 && ndimOf(varargs[0]) === 0) dx = axes.map(() => (typeof varargs[0] === 'number' ? varargs[0] : asAnyArray(varargs[0])));
  else if (n === axes.length) {
    dx = varargs.map((v, i) => {
      if (typeof v === 'number') return v;
      let d = asAnyArray(v);
      if (d.ndim === 0) return d;
      if (d.ndim !== 1) throw new ValueError('distances must be either scalars or 1d');
      if (d.shape[0] !== fa.shape[axes[i]]) throw new ValueError('when 1d, distances must match the length of the corresponding dimension');
      if ('iu'.includes(d.dtype.kind)) d = d.astype('<f8');
      const diffx = diff(d);
      // Constant differences fold to the scalar case (NumPy's shortcut; the same bits either way).
      if (diffx.size > 0 && all(equal(diffx, diffx.index(0))).get()) return diffx.index(0);
      return diffx;
    });
  } else {
    throw new TypeError('invalid number of arguments');
  }
  if (edgeOrder > 2) throw new ValueError("'edge_order' greater than 2 not supported");
  let otype = fa.dtype;
  if (!'fc'.includes(otype.kind)) {
    if ('iu'.includes(otype.kind)) fa = fa.astype('<f8');
    otype = toDType('<f8');
  }
  const outvals: NdArray[] = [];
  const full = (): Slice[] => new Array(N).fill(slice(null));
  for (let k = 0; k < axes.length; k++) {
    const axis = axes[k];
    const axDx = dx[k];
    if (fa.shape[axis] < edgeOrder + 1) {
      throw new ValueError('Shape of array too small to calculate a numerical gradient, at least (edge_order + 1) elements are required.');
    }
    const out = emptyLike(fa, { dtype: otype });
    const uniform = typeof axDx === 'number' || axDx.ndim === 0;
    const at = (s: Slice | number): (Slice | number)[] => {
      const idx: (Slice | number)[] = full();
      idx[axis] = s;
      return idx;
    };
    const v = (s: Slice | number): NdArray => fa.index(...at(s));
    const put = (s: Slice | number, val: NdArray): void => out.index(...at(s)).set(val);
    // Interior: second-order central differences.
    if (uniform) {
      put(slice(1, -1), divide(subtract(v(slice(2, null)), v(slice(null, -2))), typeof axDx === 'number' ? 2.0 * axDx : multiply(2.0, axDx)));
    } else {
      const d = axDx as NdArray;
      const dx1 = d.index(slice(0, -1));
      const dx2 = d.index(slice(1, null));
      const shape = new Array<number>(N).fill(1);
      shape[axis] = -1;
      const a = divide(negative(dx2), multiply(dx1, add(dx1, dx2))).reshape(shape);
      const b = divide(subtract(dx2, dx1), multiply(dx1, dx2)).reshape(shape);
      const c = divide(dx1, multiply(dx2, add(dx1, dx2))).reshape(shape);
      put(slice(1, -1), add(add(multiply(a, v(slice(null, -2))), multiply(b, v(slice(1, -1)))), multiply(c, v(slice(2, null)))));
    }
    const pick = (i: number): number | NdArray => (uniform ? axDx : (axDx as NdArray).index(i));
    if (edgeOrder === 1) {
      put(0, divide(subtract(v(1), v(0)), pick(0)));
      put(-1, divide(subtract(v(-1), v(-2)), pick(-1)));
    } else {
      let a: NdArray | number;
      let b: NdArray | number;
      let c: NdArray | number;
      if (uniform) {
        a = scalarDiv(-1.5, axDx);
        b = scalarDiv(2.0, axDx);
        c = scalarDiv(-0.5, axDx);
      } else {
        const dx1 = pick(0) as NdArray;
        const dx2 = pick(1) as NdArray;
        a = divide(negative(add(multiply(2.0, dx1), dx2)), multiply(dx1, add(dx1, dx2)));
        b = divide(add(dx1, dx2), multiply(dx1, dx2));
        c = divide(negative(dx1), multiply(dx2, add(dx1, dx2)));
      }
      put(0, add(add(multiply(a, v(0)), multiply(b, v(1))), multiply(c, v(2))));
      if (uniform) {
        a = scalarDiv(0.5, axDx);
        b = scalarDiv(-2.0, axDx);
        c = scalarDiv(1.5, axDx);
      } else {
        const dx1 = pick(-2) as NdArray;
        const dx2 = pick(-1) as NdArray;
        a = divide(dx2, multiply(dx1, add(dx1, dx2)));
        b = divide(negative(add(dx2, dx1)), multiply(dx1, dx2));
        c = divide(add(multiply(2.0, dx2), dx1), multiply(dx2, add(dx1, dx2)));
      }
      put(-1, add(add(multiply(a, v(-3)), multiply(b, v(-2))), multiply(c, v(-1))));
    }
    outvals.push(out);
  }
  return axes.length === 1 ? outvals[0] : outvals;
}
