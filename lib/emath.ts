/**
 * The `emath` namespace: NumPy's `np.emath` (numpy.lib.scimath), the math
 * functions whose result leaves the reals for some real inputs: where it
 * would (a negative number's `sqrt` or `log`, an `arcsin` past ±1), the
 * input is first cast to complex, so `emath.sqrt(-4)` is `2j` where
 * `sqrt(-4)` is NaN. Import it as `import { emath } from 'mmarray'`.
 * @module
 */
import { asarray } from './array-coerce';
import type { NdArray } from './ndarray';
import { any } from './reduce-axis';
import { absolute, arccos as ufArccos, arcsin as ufArcsin, arctanh as ufArctanh, divide, greater, less, log as ufLog, log10 as ufLog10, log2 as ufLog2, power as ufPower, sqrt as ufSqrt } from './ufuncs';

type In = unknown;

/** Whether some element of the real (not complex) array `a` satisfies `test`. */
function anyReal(a: NdArray, test: (a: NdArray) => NdArray): boolean {
  return a.dtype.kind !== 'c' && a.dtype.kind !== 'b' && a.size > 0 && Boolean(any(test(a)).get());
}

/** NumPy's `_tocomplex`: complex64 for the narrow types NumPy lists (float32, int8/16, uint8/16), complex128 for the rest. */
function toComplex(a: NdArray): NdArray {
  const dt = a.dtype;
  const narrow = (dt.kind === 'f' && dt.itemsize === 4) || ((dt.kind === 'i' || dt.kind === 'u') && dt.itemsize <= 2);
  return a.astype(narrow ? '<c8' : '<c16');
}

/** NumPy's `_fix_real_lt_zero`: `x` as an array, complex when a real element is negative. */
function fixNegative(x: In): NdArray {
  const a = asarray(x);
  return anyReal(a, (v) => less(v, 0)) ? toComplex(a) : a;
}

/** NumPy's `_fix_real_abs_gt_1`: `x` as an array, complex when a real element lies outside [-1, 1]. */
function fixOutsideUnit(x: In): NdArray {
  const a = asarray(x);
  return anyReal(a, (v) => greater(absolute(v), 1)) ? toComplex(a) : a;
}

/**
 * NumPy's `_fix_int_lt_zero`: `x * 1.0` when a real element is negative:
 * float64 for a signed integer array (JS's `1.0` is the integer 1, so the
 * cast is spelled out); a float array is its own `x * 1.0`.
 */
function fixNegativeInt(x: In): NdArray {
  const a = asarray(x);
  return a.dtype.kind === 'i' && anyReal(a, (v) => less(v, 0)) ? a.astype('<f8') : a;
}

/** NumPy's `np.emath.sqrt(x)`: the square root, complex for negative real inputs (`sqrt(-4)` is `2j`). */
export function sqrt(x: In): NdArray {
  return ufSqrt(fixNegative(x));
}

/** NumPy's `np.emath.log(x)`: the natural log, complex for negative real inputs (`log(-1)` is `πj`). */
export function log(x: In): NdArray {
  return ufLog(fixNegative(x));
}

/** NumPy's `np.emath.log2(x)`: the base-2 log, complex for negative real inputs. */
export function log2(x: In): NdArray {
  return ufLog2(fixNegative(x));
}

/** NumPy's `np.emath.log10(x)`: the base-10 log, complex for negative real inputs. */
export function log10(x: In): NdArray {
  return ufLog10(fixNegative(x));
}

/** NumPy's `np.emath.logn(n, x)`: the base-`n` log of `x`, `log(x) / log(n)`, each complex for negative reals. */
export function logn(n: In, x: In): NdArray {
  return divide(ufLog(fixNegative(x)), ufLog(fixNegative(n)));
}

/** NumPy's `np.emath.power(x, p)`: `x ** p`, complex for negative real `x`, and a float power for negative integer `p`. */
export function power(x: In, p: In): NdArray {
  return ufPower(fixNegative(x), fixNegativeInt(p));
}

/** NumPy's `np.emath.arccos(x)`: complex for real inputs outside [-1, 1]. */
export function arccos(x: In): NdArray {
  return ufArccos(fixOutsideUnit(x));
}

/** NumPy's `np.emath.arcsin(x)`: complex for real inputs outside [-1, 1]. */
export function arcsin(x: In): NdArray {
  return ufArcsin(fixOutsideUnit(x));
}

/** NumPy's `np.emath.arctanh(x)`: complex for real inputs outside [-1, 1]. */
export function arctanh(x: In): NdArray {
  return ufArctanh(fixOutsideUnit(x));
}
