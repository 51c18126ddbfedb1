/**
 * Arithmetic ufuncs beyond arith.ts: `sign positive reciprocal` (ints,
 * floats, complex; `sign` and `positive` refuse bools as NumPy does),
 * `trueDivide` (NumPy's `true_divide`, the same ufunc as `divide`), `fmod`
 * (ints and floats: C's `fmod`, the sign of the dividend; ints by 0 give 0),
 * `copysign heaviside nextafter spacing` (floats), `fmax fmin` (every type:
 * a NaN loses to a number, where `maximum`/`minimum` propagate it), and
 * `gcd lcm` (ints). All exact: the same bits as NumPy's loops, except the
 * sign of a zero `fmax(-0, 0)` returns, on which NumPy's own loops disagree
 * (README, "Values").
 *
 * Integer `reciprocal` is C's `(type)(1.0 / x)`, as NumPy's: 1 and -1 keep
 * their value, other non-zero values give 0, and 0 gives what x86-64 gives
 * NumPy (the type's minimum for int32 and int64, else 0). `gcd`/`lcm` work
 * on the magnitudes as unsigned values and wrap as C does (`lcm` of int8 100
 * and 3 is 44, `gcd(int8 -128, 0)` is -128). float16 `nextafter` and
 * `spacing` step half's own bits (NumPy's npy_half_nextafter / spacing;
 * half's spacing is always positive).
 * @module
 */
import type { NdArray } from '../ndarray';
import { callUfunc, type UfuncInput, type UfuncOptions, type UfuncSpec } from '../ufunc';
import { COMPLEX, FLOATS, INTS, T } from './types';
import { family } from './family';
import { divide } from './arith';
import { BOOL_AND, BOOL_OR, mathSpec, refuseBool } from './math-native';

const NUM = [...INTS, ...FLOATS, ...COMPLEX];

export const SIGN_SPEC = mathSpec('sign', 1, NUM, { resolve: refuseBool('sign', 1) });
export const POSITIVE_SPEC = mathSpec('positive', 1, NUM, { resolve: refuseBool('positive', 1) });
export const RECIPROCAL_SPEC = mathSpec('reciprocal', 1, NUM);
export const FMOD_SPEC = mathSpec('fmod', 2, [...INTS, ...FLOATS]);
export const COPYSIGN_SPEC = mathSpec('copysign', 2, FLOATS);
export const FMAX_SPEC = mathSpec('fmax', 2, [T.b, ...NUM], { special: (r) => (family(r.inTypes[0]) === 'b' ? BOOL_OR : undefined) });
export const FMIN_SPEC = mathSpec('fmin', 2, [T.b, ...NUM], { special: (r) => (family(r.inTypes[0]) === 'b' ? BOOL_AND : undefined) });
export const HEAVISIDE_SPEC = mathSpec('heaviside', 2, FLOATS);
export const NEXTAFTER_SPEC = mathSpec('nextafter', 2, FLOATS);
export const SPACING_SPEC = mathSpec('spacing', 1, FLOATS);
export const GCD_SPEC: UfuncSpec = { ...mathSpec('gcd', 2, INTS, { resolve: refuseBool('gcd', 2) }), noLoopByClass: true };
export const LCM_SPEC: UfuncSpec = { ...mathSpec('lcm', 2, INTS, { resolve: refuseBool('lcm', 2) }), noLoopByClass: true };

/** NumPy's `np.sign(x)`: -1, 0 or 1 (NaN stays NaN, -0 gives 0); complex: z / |z| (NumPy 2). Bools refuse. */
export function sign(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(SIGN_SPEC, [x], options);
}
/** NumPy's `np.positive(x)`: a copy of x in its loop type (`+x`). Bools refuse. */
export function positive(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(POSITIVE_SPEC, [x], options);
}
/** NumPy's `np.reciprocal(x)`: 1 / x in x's own type (ints: C's `(type)(1.0 / x)`, see the module notes). */
export function reciprocal(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(RECIPROCAL_SPEC, [x], options);
}
/** NumPy's `np.true_divide(x1, x2)`: the same ufunc as {@link divide}. */
export function trueDivide(x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions): NdArray {
  return divide(x1, x2, options);
}
/** NumPy's `np.fmod(x1, x2)`: C's remainder, with the sign of x1 (`remainder` takes x2's); ints by 0 give 0. */
export function fmod(x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(FMOD_SPEC, [x1, x2], options);
}
/** NumPy's `np.copysign(x1, x2)`: |x1| with the sign bit of x2 (-0 and NaN signs count). */
export function copysign(x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(COPYSIGN_SPEC, [x1, x2], options);
}
/** NumPy's `np.fmax(x1, x2)`: the larger, a NaN losing to a number (NaN only when both are NaN). */
export function fmax(x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(FMAX_SPEC, [x1, x2], options);
}
/** NumPy's `np.fmin(x1, x2)`: the smaller, a NaN losing to a number (NaN only when both are NaN). */
export function fmin(x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(FMIN_SPEC, [x1, x2], options);
}
/** NumPy's `np.heaviside(x1, x2)`: 0 below zero, 1 above, x2 at zero, NaN for NaN. */
export function heaviside(x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(HEAVISIDE_SPEC, [x1, x2], options);
}
/** NumPy's `np.nextafter(x1, x2)`: the next representable value after x1 toward x2. */
export function nextafter(x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(NEXTAFTER_SPEC, [x1, x2], options);
}
/** NumPy's `np.spacing(x)`: the gap from x to the next representable value away from zero (NaN for inf). */
export function spacing(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(SPACING_SPEC, [x], options);
}
/** NumPy's `np.gcd(x1, x2)`: the greatest common divisor of the magnitudes (ints only). */
export function gcd(x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(GCD_SPEC, [x1, x2], options);
}
/** NumPy's `np.lcm(x1, x2)`: the least common multiple of the magnitudes (ints only; wraps as C). */
export function lcm(x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(LCM_SPEC, [x1, x2], options);
}
