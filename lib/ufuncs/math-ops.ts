/**
 * The operation codes of the math ufuncs' native loops
 * (native/ufunc_math.{h,cc}, enum MathOp, offset by kMathOpBase), by
 * NumPy's ufunc name. Data only, so that `ufunc-native.ts` and the ufunc
 * files can both read it without importing each other.
 * @module
 */

/** kMathOpBase in native/ufunc_math.h: the math codes follow ufunc_kernels.cc's own. */
export const MATH_OP_BASE = 64;

const UNARY = ['sin', 'cos', 'tan', 'arcsin', 'arccos', 'arctan', 'sinh', 'cosh', 'tanh', 'arcsinh', 'arccosh', 'arctanh',
  'exp2', 'expm1', 'log2', 'log10', 'log1p', 'cbrt', 'radians', 'degrees', 'sign', 'positive', 'reciprocal', 'spacing',
  'fabs', 'modf_frac', 'modf_int', 'frexp_mantissa', 'frexp_exponent', 'bitwise_count'];
const BINARY = ['arctan2', 'hypot', 'logaddexp', 'logaddexp2', 'fmod', 'copysign', 'fmax', 'fmin', 'heaviside', 'nextafter', 'gcd', 'lcm', 'ldexp'];
/** kMArctan2 in native/ufunc_math.h: the binary operations' first code. */
const BINARY_START = 32;

/** NumPy's name → kernelUfunc operation code. `deg2rad`/`rad2deg` share radians'/degrees' loops, as in NumPy. */
export const MATH_OPS: Readonly<Record<string, number>> = Object.freeze({
  ...Object.fromEntries(UNARY.map((name, i) => [name, MATH_OP_BASE + i])),
  ...Object.fromEntries(BINARY.map((name, i) => [name, MATH_OP_BASE + BINARY_START + i])),
  deg2rad: MATH_OP_BASE + UNARY.indexOf('radians'),
  rad2deg: MATH_OP_BASE + UNARY.indexOf('degrees'),
  // trunc of a float is modf's integral part (glibc's modf and trunc agree on every input,
  // -0, inf and NaN included): one vectorised loop (native/ufunc_math.cc ModfIntVec).
  trunc: MATH_OP_BASE + UNARY.indexOf('modf_int'),
});

/** Math operations whose native loops take float loop types only (integer and bool loops stay in JS). */
export const MATH_FLOAT_ONLY: ReadonlySet<string> = new Set(['trunc']);

/** Bool loops of the math ufuncs, as the logical operation each one is (ufunc-native.ts BOOL_OPS). */
export const MATH_BOOL_OPS: Readonly<Record<string, string>> = Object.freeze({ fmax: 'logical_or', fmin: 'logical_and' });

/** Operations whose float16 loop steps half's own bits (compute type float16, code 11), not float32's. */
export const HALF_BITS_OPS: ReadonlySet<number> = new Set([MATH_OPS.nextafter, MATH_OPS.spacing]);
