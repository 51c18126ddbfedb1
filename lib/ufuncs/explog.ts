/**
 * Exponential and logarithmic ufuncs beyond `exp`/`log` (math.ts): `exp2
 * expm1 log2 log10 log1p` (floats and complex), `cbrt` (floats), and
 * `logaddexp logaddexp2` (floats). Ints and bools compute in the smallest
 * float that holds them, float16 in float32, as NumPy's.
 *
 * Values: the C library's per element (native/ufunc_math.cc; glibc's are
 * within 1 ulp, inside NumPy's 4-ulp band), special values as C99's (and
 * NumPy's). `logaddexp` is npymath's formula, `x + log1p(exp(y - x))` for
 * the larger x, `x + log 2` when the two are equal (so two infinities of one
 * sign give that infinity); `logaddexp2` its base-2 twin. The complex ones
 * are NumPy's formulas: `exp2(z)` is `cexp(z·ln 2)`, `log2`/`log10` are
 * `clog(z)` scaled, `expm1` and `log1p` NumPy's own (funcs.inc.src).
 * @module
 */
import type { NdArray } from '../ndarray';
import { callUfunc, type UfuncInput, type UfuncOptions } from '../ufunc';
import { COMPLEX, FLOATS } from './types';
import { mathSpec } from './math-native';

const FC = [...FLOATS, ...COMPLEX];

export const EXP2_SPEC = mathSpec('exp2', 1, FC);
export const EXPM1_SPEC = mathSpec('expm1', 1, FC);
export const LOG2_SPEC = mathSpec('log2', 1, FC);
export const LOG10_SPEC = mathSpec('log10', 1, FC);
export const LOG1P_SPEC = mathSpec('log1p', 1, FC);
export const CBRT_SPEC = mathSpec('cbrt', 1, FLOATS);
export const LOGADDEXP_SPEC = mathSpec('logaddexp', 2, FLOATS);
export const LOGADDEXP2_SPEC = mathSpec('logaddexp2', 2, FLOATS);

/** NumPy's `np.exp2(x)`: 2**x. */
export function exp2(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(EXP2_SPEC, [x], options);
}
/** NumPy's `np.expm1(x)`: exp(x) - 1, accurate near 0. */
export function expm1(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(EXPM1_SPEC, [x], options);
}
/** NumPy's `np.log2(x)`: -inf at 0, NaN below for reals. */
export function log2(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(LOG2_SPEC, [x], options);
}
/** NumPy's `np.log10(x)`: -inf at 0, NaN below for reals. */
export function log10(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(LOG10_SPEC, [x], options);
}
/** NumPy's `np.log1p(x)`: log(1 + x), accurate near 0; -inf at -1. */
export function log1p(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(LOG1P_SPEC, [x], options);
}
/** NumPy's `np.cbrt(x)`: the real cube root (negative for negative x). */
export function cbrt(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(CBRT_SPEC, [x], options);
}
/** NumPy's `np.logaddexp(x1, x2)`: log(exp(x1) + exp(x2)) without overflow. */
export function logaddexp(x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(LOGADDEXP_SPEC, [x1, x2], options);
}
/** NumPy's `np.logaddexp2(x1, x2)`: log2(2**x1 + 2**x2) without overflow. */
export function logaddexp2(x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(LOGADDEXP2_SPEC, [x1, x2], options);
}
