/**
 * Complex parts and the type checks around them (NumPy's
 * `numpy/lib/_type_check_impl.py` and `angle` of `_function_base_impl.py`):
 * `real`, `imag`, `angle`, `iscomplex`, `isreal`, `iscomplexobj`,
 * `isrealobj`.
 *
 * | function | complex input | real input |
 * | --- | --- | --- |
 * | `real(a)` | a view: the float dtype of half the itemsize, a's strides (twice the float's itemsize when contiguous), a's byte order; writeable as a is | `a` itself |
 * | `imag(a)` | a view, as `real`, one part further | a new read-only array of zeros (records too) |
 * | `iscomplex(a)` | `imag(a) != 0` | all false |
 * | `isreal(a)` | `imag(a) == 0` | all true (records, voids: NumPy's TypeError of comparing them with 0) |
 *
 * A JS scalar is a 0-d array first (a `{ re, im }` is complex128).
 * @module
 */
import { asarray } from './array-coerce';
import { full } from './create';
import { NdArray as ArrayClass, requireOpen } from './internal';
import type { NdArray } from './ndarray';
import { positionalOptions, readKnownOptions } from './options';
import type { UfuncInput } from './ufunc';
import { arctan2 } from './ufuncs/trig';
import { multiply } from './ufuncs/arith';
import { equal, notEqual } from './ufuncs/compare';

function arrayOf(x: unknown): NdArray {
  if (x instanceof ArrayClass) {
    requireOpen(x);
    return x;
  }
  return asarray(x);
}

const isComplexArray = (a: NdArray): boolean => a.dtype.kind === 'c';

/**
 * NumPy's `np.real(val)`: for a complex array a view of its real parts
 * (writeable: assigning to it writes the complex array); any other array
 * is returned itself.
 */
export function real(val: NdArray | UfuncInput | readonly unknown[]): NdArray {
  return arrayOf(val).real as NdArray;
}

/**
 * NumPy's `np.imag(val)`: for a complex array a view of its imaginary
 * parts (writeable as the array is); for a real array a new read-only
 * array of zeros of its shape and dtype.
 */
export function imag(val: NdArray | UfuncInput | readonly unknown[]): NdArray {
  return arrayOf(val).imag as NdArray;
}

/** The options of {@link angle}. */
export interface AngleOptions {
  /** Degrees instead of radians (NumPy's `deg=True`). */
  deg?: boolean;
}

/**
 * NumPy's `np.angle(z)`: the counterclockwise angle from the positive real
 * axis, `arctan2(imag, real)` (for a real z, `arctan2(0, z)`: 0 or π),
 * in radians or, with `deg`, degrees (then multiplied by 180/π in place, as NumPy does).
 */
export function angle(z: NdArray | UfuncInput | readonly unknown[], deg?: boolean | null, options?: AngleOptions): NdArray;
export function angle(z: NdArray | UfuncInput | readonly unknown[], options?: AngleOptions): NdArray;
export function angle(z: NdArray | UfuncInput | readonly unknown[], ...rest: unknown[]): NdArray {
  const { deg = false } = readKnownOptions(positionalOptions<AngleOptions>('angle', ['deg'], rest), ['deg'], 'angle');
  if (typeof deg !== 'boolean') throw new TypeError(`angle(): deg must be a boolean, got ${typeof deg}`);
  const a0 = arrayOf(z);
  const a = isComplexArray(a0) ? arctan2(a0.imag as NdArray, a0.real as NdArray) : arctan2(0, a0);
  if (deg) multiply(a, 180 / Math.PI, { out: a });
  return a;
}

/** NumPy's `np.iscomplex(x)`: a bool array, true where the imaginary part is non-zero (all false for real input). */
export function iscomplex(x: NdArray | UfuncInput | readonly unknown[]): NdArray {
  const a = arrayOf(x);
  if (isComplexArray(a)) return notEqual(a.imag as NdArray, 0);
  return full(a.shape, false, '?');
}

/** NumPy's `np.isreal(x)`: a bool array, true where the imaginary part is zero (all true for real input). */
export function isreal(x: NdArray | UfuncInput | readonly unknown[]): NdArray {
  const a = arrayOf(x);
  // NumPy's imag(x) == 0: records and voids reach _void_compare's TypeError.
  if (isComplexArray(a) || a.dtype.kind === 'V') return equal(a.imag as NdArray, 0);
  // NumPy's imag of a real array is new zeros in order 'A' (Fortran for a Fortran array, else C).
  return full(a.shape, true, '?', a.flags.fContiguous && !a.flags.cContiguous ? 'F' : 'C');
}

/** NumPy's `np.iscomplexobj(x)`: true when x's dtype is complex (whatever its values). */
export function iscomplexobj(x: NdArray | UfuncInput | readonly unknown[]): boolean {
  if (x instanceof ArrayClass) return isComplexArray(x);
  if (Array.isArray(x)) return isComplexArray(asarray(x));
  return typeof x === 'object' && x !== null;
}

/** NumPy's `np.isrealobj(x)`: `!iscomplexobj(x)`. */
export function isrealobj(x: NdArray | UfuncInput | readonly unknown[]): boolean {
  return !iscomplexobj(x);
}
