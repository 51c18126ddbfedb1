/**
 * `linspace`, `logspace` and `geomspace` with array end points (and an array
 * `base`), as numpy/_core/function_base.py computes them, step by step with
 * the library's ufuncs so each rounds as NumPy's does:
 *
 * - linspace: `dt` is the end points' result type (a JS number weak, as a
 *   Python scalar), made inexact (bool and ints → float64; float16 and
 *   float32 stay); `delta = stop - start` in `dt`;
 *   `y = arange(0, num, dtype=dt)` shaped `(num, 1, …)`; `y * (delta / div)`
 *   (or `y / div * delta` when a step is 0, gh-5437; `y * delta` when
 *   `div <= 0`); `+ start`; the last row set to `stop` with `endpoint`;
 *   the sample axis moved to `axis`; floored for an integer `dtype`, then cast.
 * - logspace: `power(base, linspace(start, stop, num, axis))`; an array
 *   `base` is broadcast with the end points (each given the broadcast
 *   rank) and gets a length-1 axis at `axis`.
 * - geomspace: `dt = result_type(start, stop, float(num), float64)` (at
 *   least float64, or the `dtype` asked); end points rotated onto the
 *   positive reals by `sign(start)`, `logspace` of their `log10`s in `dt`,
 *   the first and last rows set back to the rotated end points exactly, the
 *   sign multiplied back, the axis moved, then cast.
 * @module
 */
import { asarray } from './array-coerce';
import { expandDims, moveaxis } from './axis-views';
import { broadcastShapes } from './broadcast';
import { arange } from './create';
import { dtype as toDType, type DType, type DTypeLike } from './dtype';
import { AxisError, ValueError, repr } from './errors';
import { NdArray as ArrayClass, requireOpen } from './internal';
import { normalizeAxis } from './layout';
import type { NdArray } from './ndarray';
import { resultType } from './promote';
import { any } from './reduce-axis';
import { add, divide, multiply, power, subtract } from './ufuncs/arith';
import { sign } from './ufuncs/arith2';
import { equal } from './ufuncs/compare';
import { log10 } from './ufuncs/explog';
import { floor } from './ufuncs/rounding';
import type { Complex } from './value-types';

/** An end point (or base) that is an array: an NdArray or nested JS lists. */
export type SpaceArray = NdArray | readonly unknown[];

/** True when `v` makes the array path: an NdArray or a JS list. */
export function isSpaceArray(v: unknown): v is SpaceArray {
  return v instanceof ArrayClass || Array.isArray(v);
}

/** An NdArray for an array argument; a JS scalar stays itself (weak, as NumPy keeps a Python scalar). */
function operand(v: unknown): NdArray | number | bigint | boolean | Complex {
  if (v instanceof ArrayClass) {
    requireOpen(v);
    return v;
  }
  if (Array.isArray(v)) return asarray(v);
  return v as number | bigint | boolean | Complex;
}

/** `v` as an array of dtype `dt` (a scalar converted as NumPy casts a Python scalar into the loop). */
function inDType(v: NdArray | number | bigint | boolean | Complex, dt: DType): NdArray {
  const a = v instanceof ArrayClass ? v : asarray(v);
  return a.dtype.equals(dt) ? a : a.astype(dt);
}

function shapeOf(v: NdArray | number | bigint | boolean | Complex): readonly number[] {
  return v instanceof ArrayClass ? v.shape : [];
}

function checkNum(num: unknown, fn: string): number {
  if (typeof num !== 'number' || !Number.isSafeInteger(num)) throw new TypeError(`'${typeof num === 'number' ? 'float' : typeof num}' object cannot be interpreted as an integer (${fn} num ${repr(num)})`);
  if (num < 0) throw new ValueError(`Number of samples, ${num}, must be non-negative.`);
  return num;
}

function axisOf(axis: unknown, ndim: number, fn: string): number {
  if (typeof axis !== 'number' || !Number.isSafeInteger(axis)) throw new TypeError(`${fn}(): axis must be an integer, got ${repr(axis)}`);
  try {
    return normalizeAxis(axis, ndim);
  } catch (e) {
    if (e instanceof AxisError) throw new AxisError(`destination: axis ${axis} is out of bounds for array of dimension ${ndim}`);
    throw e;
  }
}

/** Result of {@link linspaceArrays}: the samples and NumPy's `step` (an array, or NaN when `div <= 0`). */
export interface SpaceResult {
  y: NdArray;
  step: NdArray | number;
}

/** NumPy's linspace over array end points (see the module comment); `dtype` null keeps `dt`. */
export function linspaceArrays(start: unknown, stop: unknown, num: number, endpoint: boolean, axis: number, dtype: DTypeLike | null | undefined, fn = 'linspace'): SpaceResult {
  num = checkNum(num, fn);
  const div = endpoint ? num - 1 : num;
  const s = operand(start);
  const e = operand(stop);
  let dt = resultType(s, e);
  if (dt.kind !== 'f' && dt.kind !== 'c') dt = toDType('<f8');
  const s1 = inDType(s, dt);
  const e1 = inDType(e, dt);
  // As NumPy's subtract(stop, start, dtype=type(dt)): the cast inside the
  // loop, so delta (and y) come out in C order, not in a cast input's order.
  const delta = subtract(e instanceof ArrayClass ? e : e1, s instanceof ArrayClass ? s : s1, { dtype: dt });
  let y: NdArray = arange(0, num, 1, dt).reshape([-1, ...new Array<number>(delta.ndim).fill(1)]);
  const ax = axisOf(axis, delta.ndim + 1, fn);
  let step: NdArray | number;
  if (div > 0) {
    step = divide(delta, div);
    if (any(equal(step, 0)).get() === true) y = multiply(divide(y, div), delta);
    else y = multiply(y, step);
  } else {
    step = NaN;
    y = multiply(y, delta);
  }
  // NumPy's y += start: in place, y keeps its layout.
  y = add(y, s1, { out: y });
  if (endpoint && num > 1) y.index(-1).set(e1);
  if (ax !== 0) y = moveaxis(y, 0, ax);
  if (dtype !== undefined && dtype !== null) {
    const want = toDType(dtype);
    if (want.kind === 'i' || want.kind === 'u') floor(y, { out: y });
    if (!want.equals(y.dtype)) y = y.astype(want);
  } else {
    // NumPy casts y to `dt` last: its _array_converter's result type of one inexact array beside
    // a Python int, float or complex is that array's dtype as it is, a non-native byte order
    // included. A bool is not such a scalar there (NumPy's bool): the result is native.
    const arrays = [s, e].filter((v): v is NdArray => v instanceof ArrayClass);
    const weakOther = typeof s !== 'boolean' && typeof e !== 'boolean';
    if (weakOther && arrays.length === 1 && !arrays[0].dtype.isnative && dt.equals(arrays[0].dtype.newbyteorder('='))) y = y.astype(arrays[0].dtype);
  }
  return { y, step };
}

/** NumPy's logspace with an array among start, stop and base (see the module comment). */
export function logspaceArrays(start: unknown, stop: unknown, num: number, endpoint: boolean, base: unknown, axis: number, dtype: DTypeLike | null | undefined): NdArray {
  let s: unknown = start;
  let e: unknown = stop;
  let b = operand(base);
  if (b instanceof ArrayClass && b.ndim > 0) {
    const so = operand(start);
    const eo = operand(stop);
    const ndmax = broadcastShapes(shapeOf(so), shapeOf(eo), b.shape).length;
    const ndmin = (v: NdArray | number | bigint | boolean | Complex): NdArray => {
      const a = v instanceof ArrayClass ? v : asarray(v);
      return a.ndim >= ndmax ? a : a.reshape([...new Array<number>(ndmax - a.ndim).fill(1), ...a.shape]);
    };
    s = ndmin(so);
    e = ndmin(eo);
    b = expandDims(ndmin(b), axisOf(axis, ndmax + 1, 'logspace'));
  }
  const y = linspaceArrays(s, e, num, endpoint, axis, null, 'logspace').y;
  const r = power(b, y);
  return dtype === undefined || dtype === null ? r : r.astype(dtype);
}

/** NumPy's geomspace with array end points (see the module comment). */
export function geomspaceArrays(start: unknown, stop: unknown, num: number, endpoint: boolean, axis: number, dtype: DTypeLike | null | undefined): NdArray {
  const s0 = start instanceof ArrayClass ? (requireOpen(start), start) : asarray(start);
  const e0 = stop instanceof ArrayClass ? (requireOpen(stop), stop) : asarray(stop);
  if (any(equal(s0, 0)).get() === true || any(equal(e0, 0)).get() === true) throw new ValueError('Geometric sequence cannot include zero');
  num = checkNum(num, 'geomspace');
  const dt = resultType(s0, e0, 1.5, toDType(dtype === undefined || dtype === null ? '<f8' : dtype));
  const want = dtype === undefined || dtype === null ? dt : toDType(dtype);
  const outSign = sign(s0.astype(dt));
  const s = divide(s0.astype(dt), outSign);
  const e = divide(e0.astype(dt), outSign);
  const ndim = broadcastShapes(s.shape, e.shape).length;
  const ax = axisOf(axis, ndim + 1, 'geomspace');
  let result = logspaceArrays(log10(s), log10(e), num, endpoint, 10.0, 0, dt);
  if (num > 0) {
    result.index(0).set(s);
    if (num > 1 && endpoint) result.index(-1).set(e);
  }
  multiply(result, outSign, { out: result });
  if (ax !== 0) result = moveaxis(result, 0, ax);
  return result.dtype.equals(want) ? result : result.astype(want);
}
