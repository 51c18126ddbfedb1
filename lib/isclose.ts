/**
 * Closeness and equality of whole arrays: NumPy's `isclose`, `allclose`,
 * `array_equal` (`arrayEqual`) and `array_equiv` (`arrayEquiv`), computed as
 * NumPy's `numeric.py` does, with the library's native ufuncs:
 *
 *     isclose = (|x - y| <= atol + rtol * |y|) & isfinite(y) | (x == y)
 *               [| isnan(x) & isnan(y)  with equalNan]
 *
 * where `y` is first cast to `result_type(y, 1.0)` (an integer `b` becomes
 * float64), so `abs(x - y)` of integers never wraps (`isclose(int8 -128,
 * 127)` is false, not a wrapped 1 <= tol). The test is asymmetric in `a`
 * and `b` (tolerance scaled by `|b|`), as NumPy's. JS numbers are Python
 * scalars (weak, as in every ufunc); `rtol`/`atol` may be arrays that
 * broadcast. Infinite values are close only to the same infinity.
 * @module
 */
import type { NdArray } from './ndarray';
import { isArray, requireOpen } from './internal';
import { asarray } from './array-coerce';
import { resultType, weakKind, weakWith, type PyScalar } from './promote';
import { broadcastShapes } from './broadcast';
import { positionalOptions, readKnownOptions } from './options';
import { absolute, add, multiply, subtract } from './ufuncs/arith';
import { equal, lessEqual, logicalAnd, logicalOr } from './ufuncs/compare';
import { isfinite, isnan } from './ufuncs/math';
import { all } from './reduce-axis';
import { UFuncTypeError } from './ufunc';

/** What the closeness functions take: an array, a JS (Python) scalar, or nested lists of them. */
export type CloseInput = NdArray | PyScalar | readonly unknown[];

/** Options of {@link isclose} and {@link allclose} (NumPy's keywords). */
export interface IscloseOptions {
  /** Relative tolerance, scaled by `|b|` (default 1e-5); an array broadcasts. */
  rtol?: number | NdArray;
  /** Absolute tolerance (default 1e-8); an array broadcasts. */
  atol?: number | NdArray;
  /** Whether NaN in `a` is close to NaN at the same place in `b` (default false). */
  equalNan?: boolean;
}

/** Options of {@link arrayEqual}. */
export interface ArrayEqualOptions {
  /** Whether NaNs at the same places compare equal (default false). */
  equalNan?: boolean;
}

/** Python scalars stay scalars (weak); anything else becomes an array. */
function operand(v: unknown): NdArray | PyScalar {
  if (isArray(v)) {
    requireOpen(v);
    return v;
  }
  if (weakKind(v) !== null) return v as PyScalar;
  return asarray(v);
}

/**
 * NumPy's `isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)`: a bool
 * array of `a` and `b` broadcast together, true where `|a - b| <= atol +
 * rtol * |b|` (see the module comment). Two scalars give a 0-d array.
 * `rtol`, `atol` and `equalNan` positionally, as NumPy's, or as options.
 *
 * @example
 * isclose(asarray([1e10, 1e-7]), asarray([1.00001e10, 1e-8])).toArray(); // [true, false]
 * isclose([1, NaN], [1, NaN], { equalNan: true }).toArray(); // [true, true]
 * @throws ValueError when the inputs do not broadcast together (NumPy's message).
 */
export function isclose(a: CloseInput, b: CloseInput, rtol?: CloseInput | null, atol?: CloseInput | IscloseOptions | null, equalNan?: boolean | IscloseOptions | null, options?: IscloseOptions): NdArray;
export function isclose(a: CloseInput, b: CloseInput, options?: IscloseOptions): NdArray;
export function isclose(a: CloseInput, b: CloseInput, ...rest: unknown[]): NdArray {
  return iscloseOf('isclose', a, b, readKnownOptions(positionalOptions<IscloseOptions>('isclose', ['rtol', 'atol', 'equalNan'], rest), ['rtol', 'atol', 'equalNan'], 'isclose'));
}

/** isclose's work, its options read (by isclose or allclose, under its own name). */
function iscloseOf(_name: string, a: CloseInput, b: CloseInput, o: IscloseOptions): NdArray {
  const rtol = operand(o.rtol ?? 1e-5);
  const atol = operand(o.atol ?? 1e-8);
  const x = operand(a);
  let y = operand(b);
  if (isArray(y)) {
    // result_type(y, 1.): integers and bools become float64, floats and complex stay.
    const dt = resultType(y, 1.5);
    if (!dt.equals(y.dtype)) y = y.astype(dt);
  } else if (typeof y === 'bigint' || typeof y === 'boolean' || (typeof y === 'number' && Number.isInteger(y))) {
    // Python's isinstance(y, int) (bools too): y = float(y), a weak float.
    return closeToPyInt(x, Number(y), rtol, atol);
  }
  const tol = add(atol, multiply(rtol, absolute(y)));
  const r = logicalOr(logicalAnd(lessEqual(absolute(subtract(x, y)), tol), isfinite(y)), equal(x, y));
  // NumPy's `result |= isnan(x) & isnan(y)`: in place, so the result keeps its layout (fuzz seed 10100196).
  if (o.equalNan === true) logicalOr(r, logicalAnd(isnan(x), isnan(y)), { out: r });
  return r;
}

/**
 * `float(v)` met beside `other`: NumPy turns a Python int (or bool) `b` into a
 * Python float, which is weak (NEP 50). JS cannot spell an integer-valued weak
 * float (it would be a weak int), so it is given the dtype a weak float takes
 * beside `other`: `other`'s own when it is float or complex (`isclose(float32,
 * 2)` stays float32), float64 otherwise, and float64 beside another Python
 * scalar (Python's float arithmetic).
 */
function weakFloat(v: number, other: NdArray | PyScalar): NdArray {
  return asarray(v, isArray(other) ? weakWith(other.dtype, 'f') : 'f8');
}

/**
 * isclose with `b` a Python int `v` (NumPy: `y = float(y)`, a weak float, finite and
 * never NaN, so neither `isfinite(y)` nor `equalNan` changes the result).
 * `rtol * abs(y)` and `atol + ...` of Python scalars are Python float arithmetic
 * (JS numbers), so a float32 `a` is compared in float32 as NumPy does.
 */
function closeToPyInt(x: NdArray | PyScalar, v: number, rtol: NdArray | PyScalar, atol: NdArray | PyScalar): NdArray {
  const pyReal = (s: NdArray | PyScalar): s is number | bigint | boolean => !isArray(s) && weakKind(s) !== 'c';
  const scaled = pyReal(rtol) ? Number(rtol) * Math.abs(v) : multiply(rtol, weakFloat(Math.abs(v), rtol));
  let tol: NdArray | PyScalar;
  if (isArray(scaled)) tol = add(atol, scaled);
  else if (pyReal(atol)) tol = Number(atol) + scaled;
  else tol = add(atol, weakFloat(scaled, atol));
  // |x - y| is real floating point, so an integer-valued JS `tol` (a weak int) takes
  // its dtype exactly as NumPy's weak float does.
  const y = weakFloat(v, x);
  return logicalOr(lessEqual(absolute(subtract(x, y)), tol), equal(x, y));
}

/**
 * NumPy's `allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)`: whether
 * {@link isclose} is true everywhere.
 *
 * @example
 * allclose([1e10, 1e-8], [1.00001e10, 1e-9]); // true
 * @throws ValueError when the inputs do not broadcast together.
 */
export function allclose(a: CloseInput, b: CloseInput, rtol?: CloseInput | null, atol?: CloseInput | IscloseOptions | null, equalNan?: boolean | IscloseOptions | null, options?: IscloseOptions): boolean;
export function allclose(a: CloseInput, b: CloseInput, options?: IscloseOptions): boolean;
export function allclose(a: CloseInput, b: CloseInput, ...rest: unknown[]): boolean {
  const o = readKnownOptions(positionalOptions<IscloseOptions>('allclose', ['rtol', 'atol', 'equalNan'], rest), ['rtol', 'atol', 'equalNan'], 'allclose');
  return Boolean(all(iscloseOf('allclose', a, b, o)).toArray());
}

/** The input as an array, or null when it cannot be one (NumPy's `except Exception: return False`). */
function asArrayOrNull(v: unknown): NdArray | null {
  if (isArray(v)) {
    requireOpen(v);
    return v;
  }
  try {
    return asarray(v);
  } catch {
    return null;
  }
}

/**
 * `x == y`, or null when the dtypes do not compare (bytes against numbers): NumPy's `==`
 * gives False there, so array_equal and array_equiv answer false (numpy gh-27271).
 */
function equalOrNull(x: NdArray, y: NdArray): NdArray | null {
  try {
    return equal(x, y);
  } catch (e) {
    if (e instanceof UFuncTypeError) return null;
    throw e;
  }
}

/**
 * NumPy's `array_equal(a1, a2, equal_nan=False)`: true when both have the
 * same shape and equal elements (any dtypes that compare). With `equalNan`,
 * NaNs at the same places are equal (a complex is NaN when either part is).
 *
 * @example
 * arrayEqual([1, 2], asarray([1, 2], 'f4')); // true
 * arrayEqual([1, 2], [[1, 2]]); // false: shapes differ
 */
export function arrayEqual(a1: CloseInput, a2: CloseInput, equalNan?: boolean | null, options?: ArrayEqualOptions): boolean;
export function arrayEqual(a1: CloseInput, a2: CloseInput, options?: ArrayEqualOptions): boolean;
export function arrayEqual(a1: CloseInput, a2: CloseInput, ...rest: unknown[]): boolean {
  const o = readKnownOptions(positionalOptions<ArrayEqualOptions>('arrayEqual', ['equalNan'], rest), ['equalNan'], 'arrayEqual');
  const x = asArrayOrNull(a1);
  const y = asArrayOrNull(a2);
  if (x === null || y === null) return false;
  if (x.ndim !== y.ndim || x.shape.some((n, i) => n !== y.shape[i])) return false;
  const eq = equalOrNull(x, y);
  if (eq === null) return false;
  if (o.equalNan !== true || x === y) return o.equalNan === true ? true : Boolean(all(eq).toArray());
  const canNan = (k: string): boolean => k === 'f' || k === 'c';
  if (!canNan(x.dtype.kind) && !canNan(y.dtype.kind)) return Boolean(all(eq).toArray());
  const xn = isnan(x);
  const yn = isnan(y);
  if (!all(equal(xn, yn)).toArray()) return false;
  return Boolean(all(logicalOr(eq, xn)).toArray());
}

/**
 * NumPy's `array_equiv(a1, a2)`: true when the two broadcast together and are
 * equal everywhere (`arrayEquiv([1, 2], [[1, 2], [1, 2]])` is true).
 */
export function arrayEquiv(a1: CloseInput, a2: CloseInput): boolean {
  const x = asArrayOrNull(a1);
  const y = asArrayOrNull(a2);
  if (x === null || y === null) return false;
  try {
    broadcastShapes(x.shape, y.shape);
  } catch {
    return false;
  }
  const eq = equalOrNull(x, y);
  return eq !== null && Boolean(all(eq).toArray());
}
