/**
 * Trigonometric and hyperbolic ufuncs: `sin cos tan arcsin arccos arctan
 * sinh cosh tanh arcsinh arccosh arctanh` (floats and complex), `arctan2
 * hypot` (floats), and the angle conversions `degrees`/`rad2deg`,
 * `radians`/`deg2rad` (floats). Ints and bools compute in the smallest float
 * that holds them (int8 → float16, int16 → float32, wider → float64), as
 * NumPy's; float16 computes in float32.
 *
 * Values: the C library's, per element (native/ufunc_math.cc: glibc's are
 * within 1 ulp; NumPy's SIMD loops promise 4, so the two agree to within
 * that band but not always to the bit), special values as C99 Annex F and G
 * (NumPy's). Complex inputs go through the C library's `csin` ... `catanh`,
 * as NumPy's `npy_csin` ... do. `degrees`/`radians` are one product by
 * NumPy's constant (`180 / pi` rounded in the loop's type), so their bits are
 * NumPy's.
 * @module
 */
import type { NdArray } from '../ndarray';
import { callUfunc, type UfuncInput, type UfuncOptions } from '../ufunc';
import { COMPLEX, FLOATS } from './types';
import { mathSpec } from './math-native';

const FC = [...FLOATS, ...COMPLEX];

export const SIN_SPEC = mathSpec('sin', 1, FC);
export const COS_SPEC = mathSpec('cos', 1, FC);
export const TAN_SPEC = mathSpec('tan', 1, FC);
export const ARCSIN_SPEC = mathSpec('arcsin', 1, FC);
export const ARCCOS_SPEC = mathSpec('arccos', 1, FC);
export const ARCTAN_SPEC = mathSpec('arctan', 1, FC);
export const SINH_SPEC = mathSpec('sinh', 1, FC);
export const COSH_SPEC = mathSpec('cosh', 1, FC);
export const TANH_SPEC = mathSpec('tanh', 1, FC);
export const ARCSINH_SPEC = mathSpec('arcsinh', 1, FC);
export const ARCCOSH_SPEC = mathSpec('arccosh', 1, FC);
export const ARCTANH_SPEC = mathSpec('arctanh', 1, FC);
export const ARCTAN2_SPEC = mathSpec('arctan2', 2, FLOATS);
export const HYPOT_SPEC = mathSpec('hypot', 2, FLOATS);
export const DEGREES_SPEC = mathSpec('degrees', 1, FLOATS);
export const RAD2DEG_SPEC = mathSpec('rad2deg', 1, FLOATS);
export const RADIANS_SPEC = mathSpec('radians', 1, FLOATS);
export const DEG2RAD_SPEC = mathSpec('deg2rad', 1, FLOATS);

/** NumPy's `np.sin(x)` (radians; complex: C's `csin`). */
export function sin(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(SIN_SPEC, [x], options);
}
/** NumPy's `np.cos(x)` (radians; complex: C's `ccos`). */
export function cos(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(COS_SPEC, [x], options);
}
/** NumPy's `np.tan(x)` (radians; complex: C's `ctan`). */
export function tan(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(TAN_SPEC, [x], options);
}
/** NumPy's `np.arcsin(x)`: NaN outside [-1, 1] for reals (complex: C's `casin`). */
export function arcsin(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(ARCSIN_SPEC, [x], options);
}
/** NumPy's `np.arccos(x)`: NaN outside [-1, 1] for reals (complex: C's `cacos`). */
export function arccos(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(ARCCOS_SPEC, [x], options);
}
/** NumPy's `np.arctan(x)` (complex: C's `catan`). */
export function arctan(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(ARCTAN_SPEC, [x], options);
}
/** NumPy's `np.sinh(x)` (complex: C's `csinh`). */
export function sinh(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(SINH_SPEC, [x], options);
}
/** NumPy's `np.cosh(x)` (complex: C's `ccosh`). */
export function cosh(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(COSH_SPEC, [x], options);
}
/** NumPy's `np.tanh(x)` (complex: C's `ctanh`). */
export function tanh(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(TANH_SPEC, [x], options);
}
/** NumPy's `np.arcsinh(x)` (complex: C's `casinh`). */
export function arcsinh(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(ARCSINH_SPEC, [x], options);
}
/** NumPy's `np.arccosh(x)`: NaN below 1 for reals (complex: C's `cacosh`). */
export function arccosh(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(ARCCOSH_SPEC, [x], options);
}
/** NumPy's `np.arctanh(x)`: ±inf at ±1, NaN beyond for reals (complex: C's `catanh`). */
export function arctanh(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(ARCTANH_SPEC, [x], options);
}
/** NumPy's `np.arctan2(x1, x2)`: the angle of the point (x2, x1), signed zeros and infinities as C's `atan2`. */
export function arctan2(x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(ARCTAN2_SPEC, [x1, x2], options);
}
/** NumPy's `np.hypot(x1, x2)`: √(x1² + x2²) without overflow; inf if either is infinite, even with a NaN. */
export function hypot(x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(HYPOT_SPEC, [x1, x2], options);
}
/** NumPy's `np.degrees(x)`: radians to degrees, `x * (180 / pi)` with NumPy's constant. */
export function degrees(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(DEGREES_SPEC, [x], options);
}
/** NumPy's `np.rad2deg(x)`: {@link degrees} under its other name. */
export function rad2deg(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(RAD2DEG_SPEC, [x], options);
}
/** NumPy's `np.radians(x)`: degrees to radians, `x * (pi / 180)` with NumPy's constant. */
export function radians(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(RADIANS_SPEC, [x], options);
}
/** NumPy's `np.deg2rad(x)`: {@link radians} under its other name. */
export function deg2rad(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(DEG2RAD_SPEC, [x], options);
}
