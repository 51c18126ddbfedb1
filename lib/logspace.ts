/**
 * NumPy's `logspace` and `geomspace` over scalar end points (array end
 * points and an array `base`: lib/linspace-array.ts), as
 * numpy/_core/function_base.py computes them: `logspace` is
 * `power(base, linspace(start, stop, num))` (`base` a weak Python float)
 * then cast to `dtype`; `geomspace` rotates `start` onto the positive real
 * axis (`sign(start)`, complex included), takes `log10` of both ends,
 * samples with `logspace(base=10)`, puts `start` and `stop` back exactly at
 * the ends (`10 ** log10(x)` need not be `x`) and rotates back. Every step
 * is the library's ufunc or linspace, so the bits are NumPy's.
 * @module
 */
import type { NdArray } from './ndarray';
import { asarray } from './array-coerce';
import { dtype as toDType, type DTypeLike } from './dtype';
import { AxisError, ValueError, repr } from './errors';
import { positionalOptions, readKnownOptions } from './options';
import { resultType } from './promote';
import { linspace } from './linspace';
import { geomspaceArrays, isSpaceArray, logspaceArrays, type SpaceArray } from './linspace-array';
import { divide, multiply, power } from './ufuncs/arith';
import { sign } from './ufuncs/arith2';
import { log10 } from './ufuncs/explog';
import type { Complex } from './value-types';

/** Options of {@link logspace}, as NumPy's keywords. */
export interface LogspaceOptions {
  /** Include `base ** stop` as the last sample (default true). */
  endpoint?: boolean;
  /** The base of the log space (default 10); an array broadcasts with the end points. */
  base?: number | SpaceArray;
  /** The result's dtype (default float64, complex128 for complex end points); cast unsafely. */
  dtype?: DTypeLike | null;
  /** 0 or -1 for the 1-d result of scalar end points; any axis of the result for array ones. */
  axis?: number;
}

/** Options of {@link geomspace}, as NumPy's keywords. */
export type GeomspaceOptions = Omit<LogspaceOptions, 'base'>;

/** An end point of {@link logspace} or {@link geomspace}: a number, bigint, boolean or `{ re, im }`. */
export type LogspaceEnd = number | bigint | boolean | Complex;

function checkAxis(axis: unknown): void {
  if (axis !== 0 && axis !== -1) throw new AxisError(`destination: axis ${repr(axis)} is out of bounds for array of dimension 1`);
}

function scalar(v: NdArray): number | Complex {
  return v.get() as number | Complex;
}

/**
 * NumPy's `np.logspace(start, stop, num=50, endpoint=True, base=10.0,
 * dtype=None, axis=0)`: `base ** linspace(start, stop, num)`.
 *
 * @example
 * logspace(0, 3, 4).toArray(); // [1, 10, 100, 1000]
 * logspace([0, 1], [2, 3], 3).toArray(); // [[1, 10], [10, 100], [100, 1000]]
 * @throws ValueError for a negative `num`; AxisError for an axis other than 0 or -1
 */
export function logspace(start: LogspaceEnd | SpaceArray, stop: LogspaceEnd | SpaceArray, num?: number, endpoint?: boolean | null, base?: LogspaceOptions['base'] | null, dtype?: DTypeLike | null, axis?: number): NdArray;
export function logspace(start: LogspaceEnd | SpaceArray, stop: LogspaceEnd | SpaceArray, num?: number, options?: LogspaceOptions): NdArray;
export function logspace(start: LogspaceEnd | SpaceArray, stop: LogspaceEnd | SpaceArray, num = 50, ...rest: unknown[]): NdArray {
  // NumPy's positional endpoint, base, dtype and axis, or the options.
  const o = readKnownOptions(positionalOptions<LogspaceOptions>('logspace', ['endpoint', 'base', 'dtype', 'axis'], rest), ['endpoint', 'base', 'dtype', 'axis'], 'logspace');
  const base = o.base ?? 10.0;
  if (isSpaceArray(start) || isSpaceArray(stop) || isSpaceArray(base)) return logspaceArrays(start, stop, num, o.endpoint ?? true, base, o.axis ?? 0, o.dtype);
  if (typeof base !== 'number') throw new TypeError(`logspace() base must be a number, got ${repr(base)}`);
  checkAxis(o.axis ?? 0);
  const y = linspace(start, stop, num, { endpoint: o.endpoint ?? true });
  const r = power(base, y);
  return o.dtype === undefined || o.dtype === null ? r : r.astype(o.dtype);
}

/**
 * NumPy's `np.geomspace(start, stop, num=50, endpoint=True, dtype=None,
 * axis=0)`: a geometric progression from `start` to `stop` (negative or
 * complex end points included), with the end points exact.
 *
 * @example
 * geomspace(1, 1000, 4).toArray(); // [1, 10, 100, 1000]
 * geomspace(-1000, -1, 4).toArray(); // [-1000, -100, -10, -1]
 * geomspace([1, 8], [100, 1], 3, { axis: 1 }).toArray(); // [[1, 10, 100], [8, 2.82842712474619, 1]]
 * @throws ValueError when an end point is 0 or `num` is negative; AxisError for an axis other than 0 or -1
 */
export function geomspace(start: LogspaceEnd | SpaceArray, stop: LogspaceEnd | SpaceArray, num?: number, endpoint?: boolean | null, dtype?: DTypeLike | null, axis?: number): NdArray;
export function geomspace(start: LogspaceEnd | SpaceArray, stop: LogspaceEnd | SpaceArray, num?: number, options?: GeomspaceOptions): NdArray;
export function geomspace(start: LogspaceEnd | SpaceArray, stop: LogspaceEnd | SpaceArray, num = 50, ...rest: unknown[]): NdArray {
  // NumPy's positional endpoint, dtype and axis, or the options.
  const o = readKnownOptions(positionalOptions<GeomspaceOptions>('geomspace', ['endpoint', 'dtype', 'axis'], rest), ['endpoint', 'dtype', 'axis'], 'geomspace');
  if (isSpaceArray(start) || isSpaceArray(stop)) return geomspaceArrays(start, stop, num, o.endpoint ?? true, o.axis ?? 0, o.dtype);
  checkAxis(o.axis ?? 0);
  const s0 = asarray(start);
  const e0 = asarray(stop);
  const isZero = (v: unknown): boolean => (typeof v === 'object' && v !== null ? (v as Complex).re === 0 && (v as Complex).im === 0 : Number(v) === 0);
  if (isZero(s0.get()) || isZero(e0.get())) throw new ValueError('Geometric sequence cannot include zero');
  const dt = resultType(s0, e0, 1.5, toDType(o.dtype === undefined || o.dtype === null ? '<f8' : o.dtype));
  const dtype = o.dtype === undefined || o.dtype === null ? dt : toDType(o.dtype);
  const outSign = sign(s0.astype(dt));
  const s = divide(s0.astype(dt), outSign);
  const e = divide(e0.astype(dt), outSign);
  const result = logspace(scalar(log10(s)), scalar(log10(e)), num, { endpoint: o.endpoint ?? true, base: 10.0, dtype: dt });
  const endpoint = o.endpoint ?? true;
  if (num > 0) {
    result.index(0).set(s);
    if (num > 1 && endpoint) result.index(-1).set(e);
  }
  multiply(result, outSign, { out: result });
  return result.dtype.equals(dtype) ? result : result.astype(dtype);
}
