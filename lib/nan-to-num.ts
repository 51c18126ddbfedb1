/**
 * NumPy's `np.nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None)`:
 * NaN becomes `nan`, +inf `posinf` (default: the dtype's largest finite
 * value), -inf `neginf` (default: its most negative), in both parts of a
 * complex array. Ints and bools come back unchanged. NumPy's steps: the
 * three masks (`isnan`, `isposinf`, `isneginf`) first, then a `copyto` per
 * mask, each a native pass, so the replacement values cast as `copyto`
 * casts them (1e300 into float32 is inf).
 *
 * `copy: false` works in place (x must then be writeable) and returns x.
 * @module
 */
import { array } from './array-coerce';
import { copyto } from './copyto';
import type { DType } from './dtype';
import { NdArray as ArrayClass, requireOpen } from './internal';
import type { NdArray } from './ndarray';
import { positionalOptions, readKnownOptions } from './options';
import { isnan } from './ufuncs/math';
import { isneginf, isposinf } from './ufunclike';

/** The options of {@link nanToNum} (NumPy's keywords). */
export interface NanToNumOptions {
  /** Work on a copy (default true); false replaces in x itself. */
  copy?: boolean;
  /** The value for NaN (default 0). */
  nan?: number;
  /** The value for +inf (default: the largest finite value of the dtype). */
  posinf?: number | null;
  /** The value for -inf (default: the most negative finite value of the dtype). */
  neginf?: number | null;
}

/** finfo(dt).max of a real float dtype. */
function floatMax(dt: DType): number {
  return dt.itemsize === 2 ? 65504 : dt.itemsize === 4 ? 3.4028234663852886e38 : Number.MAX_VALUE;
}

/**
 * NumPy's `np.nan_to_num(x)`: x with NaN and infinities replaced by finite
 * numbers (see the module notes); a new array unless `copy` is false.
 */
export function nanToNum(
  x: NdArray | number | bigint | boolean | { re: number; im: number },
  copy?: boolean | NanToNumOptions | null,
  nan?: number | NanToNumOptions | null,
  posinf?: number | NanToNumOptions | null,
  neginf?: number | NanToNumOptions | null,
  options?: NanToNumOptions,
): NdArray;
export function nanToNum(x: NdArray | number | bigint | boolean | { re: number; im: number }, options?: NanToNumOptions): NdArray;
export function nanToNum(x: NdArray | number | bigint | boolean | { re: number; im: number }, ...rest: unknown[]): NdArray {
  // NumPy's positional copy, nan, posinf, neginf (nanToNum(x, false, 0.0)), or the options.
  const o = readKnownOptions(positionalOptions<NanToNumOptions>('nanToNum', ['copy', 'nan', 'posinf', 'neginf'], rest), ['copy', 'nan', 'posinf', 'neginf'], 'nanToNum');
  const copy = o.copy ?? true;
  if (typeof copy !== 'boolean') throw new TypeError(`nanToNum(): copy must be a boolean, got ${typeof copy}`);
  for (const k of ['nan', 'posinf', 'neginf'] as const) {
    const v = o[k];
    if (v !== undefined && v !== null && typeof v !== 'number') throw new TypeError(`nanToNum(): ${k} must be a number, got ${typeof v}`);
  }
  let a: NdArray;
  if (x instanceof ArrayClass) {
    requireOpen(x);
    // np.array(x, copy=True) keeps x's memory order ('K')
    a = copy ? x.copy('K') : x;
  } else {
    a = array(x);
  }
  const kind = a.dtype.kind;
  if (kind !== 'f' && kind !== 'c') return scalarLike(a);
  const parts = kind === 'c' ? [a.real as NdArray, a.imag as NdArray] : [a];
  const max = floatMax(parts[0].dtype);
  const nan = o.nan ?? 0;
  const posinf = o.posinf ?? max;
  const neginf = o.neginf ?? -max;
  for (const d of parts) {
    const idxNan = isnan(d);
    const idxPos = isposinf(d);
    const idxNeg = isneginf(d);
    copyto(d, nan, { where: idxNan });
    copyto(d, posinf, { where: idxPos });
    copyto(d, neginf, { where: idxNeg });
  }
  return scalarLike(a);
}

/**
 * NumPy returns x[()] for a 0-d x, a scalar, and np.asarray of it is what
 * this returns: a number in native byte order; a record (np.void) with its
 * dtype as it was, byte order included (fuzz seed 9223592); bytes (np.bytes_)
 * as long as their value without trailing NULs, at least one.
 */
function scalarLike(a: NdArray): NdArray {
  if (a.ndim !== 0) return a;
  if (a.dtype.kind === 'V') return a;
  if (a.dtype.kind === 'S') return array(a.item() as Uint8Array);
  return a.dtype.isnative ? a : a.astype(a.dtype.newbyteorder('='));
}
