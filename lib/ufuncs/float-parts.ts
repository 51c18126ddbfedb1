/**
 * Ufuncs that take floats apart or put them together: `modf` (fraction and
 * whole part), `frexp` (mantissa in [0.5, 1) and an int32 exponent),
 * `ldexp` (x1 · 2^x2 for an integer x2), `fabs` (floats only: complex
 * refuses, where `absolute` takes it).
 *
 * Loop types as NumPy's (`np.modf.types` ...): float16, float32, float64;
 * ints and bools compute in the first float they cast to safely (int8 →
 * float16, int16 → float32, wider → float64). `ldexp`'s exponent is any
 * integer that casts safely to int64 (bools too; uint64 and floats refuse,
 * NumPy's message). Each runs natively (native/ufunc_math.cc): the C
 * library's function, or for modf and frexp of finite normal floats bit
 * moves and `trunc` in a vectorised loop (the same values; the rest take the
 * C library's); a float16 loop computes in float32, as NumPy's. Measured,
 * 4M float64 at load 19, CPU min of 7 over three interleaved A/B runs: modf
 * 25-27 ms through the C library, 10.4-10.9 vectorised; frexp 29-34 ms,
 * 10.6-11.1 (NumPy 2.4.6 on the same data: 15.6 and 11.2).
 * @module
 */
import type { DType } from '../dtype';
import { NdArray as ArrayClass } from '../internal';
import type { NdArray } from '../ndarray';
import { canCast, weakKind, type PyScalar } from '../promote';
import { callUfunc, UFuncTypeError, type UfuncInput, type UfuncOptions, type UfuncSpec } from '../ufunc';
import { nativeLoop } from './math-native';
import { FLOATS, T } from './types';
import { callUfunc2, type Ufunc2Options } from './two-outputs';

function floatSpec(name: string, kernel: string, nin: 1 | 2 = 1, outType?: DType): UfuncSpec {
  return { name, kernel, nin, types: FLOATS, outType: outType === undefined ? undefined : () => outType, loop: (r) => nativeLoop(kernel, r) };
}

export const MODF_FRAC = floatSpec('modf', 'modf_frac');
export const MODF_INT = floatSpec('modf', 'modf_int');
export const FREXP_MANTISSA = floatSpec('frexp', 'frexp_mantissa');
export const FREXP_EXPONENT = floatSpec('frexp', 'frexp_exponent', 1, T.i4);
export const FABS_SPEC = floatSpec('fabs', 'fabs');

function noLdexpLoop(): UFuncTypeError {
  return new UFuncTypeError("ufunc 'ldexp' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''");
}

/**
 * ldexp's loops are `ei->e fi->f el->e fl->f di->d dl->d`: the mantissa's
 * float type is x1's alone, the exponent an int that casts safely to int64.
 * The exponent is handed to the loop in the float type (exact for every
 * exponent that does not already overflow or underflow: see native Ldexp).
 */
function resolveLdexp(_common: DType, inputs: readonly UfuncInput[]): { inTypes: DType[]; outType: DType } {
  const [x1, x2] = inputs;
  let t: DType | undefined;
  if (x1 instanceof ArrayClass) {
    t = FLOATS.find((f) => canCast(x1.dtype, f, 'safe'));
  } else {
    const k = typeof x1 === 'boolean' ? 'i' : weakKind(x1 as PyScalar);
    t = k === 'i' || k === 'f' ? T.f8 : undefined;
  }
  const intOk = x2 instanceof ArrayClass ? canCast(x2.dtype, T.i8, 'safe') : typeof x2 === 'boolean' || weakKind(x2 as PyScalar) === 'i';
  if (t === undefined || !intOk) throw noLdexpLoop();
  return { inTypes: [t, t], outType: t };
}
export const LDEXP_SPEC: UfuncSpec = { name: 'ldexp', kernel: 'ldexp', nin: 2, types: FLOATS, resolve: resolveLdexp, loop: (r) => nativeLoop('ldexp', r) };

/**
 * NumPy's `np.modf(x)`: the fractional and the whole part, each with x's
 * sign (`modf(-2.5)` is `[-0.5, -2]`; `modf(inf)` is `[0, inf]`; NaN gives
 * NaN twice). `out` is a pair.
 */
export function modf(x: UfuncInput, options?: Ufunc2Options): [NdArray, NdArray] {
  return callUfunc2('modf', [MODF_FRAC, MODF_INT], [x], options);
}
/**
 * NumPy's `np.frexp(x)`: mantissa m and int32 exponent e with x = m · 2^e,
 * 0.5 <= |m| < 1 (zero, inf and NaN give themselves and exponent 0). `out` is a pair.
 */
export function frexp(x: UfuncInput, options?: Ufunc2Options): [NdArray, NdArray] {
  return callUfunc2('frexp', [FREXP_MANTISSA, FREXP_EXPONENT], [x], options);
}
/** NumPy's `np.ldexp(x1, x2)`: x1 · 2^x2 in x1's float type, rounded once; x2 must be an integer. */
export function ldexp(x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(LDEXP_SPEC, [x1, x2], options);
}
/** NumPy's `np.fabs(x)`: the absolute value as a float (ints compute in a float; complex refuses: use `absolute`). */
export function fabs(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(FABS_SPEC, [x], options);
}
