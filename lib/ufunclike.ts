/**
 * NumPy's "ufunc-like" functions (`numpy/lib/_ufunclike_impl.py`): `fix`,
 * `isposinf`, `isneginf`. Not ufuncs (no `where`, `casting` or `dtype`),
 * but built from ufuncs as NumPy builds them, so they broadcast, take
 * `out` and run natively like them.
 * @module
 */
import type { NdArray } from './ndarray';
import { NdArray as ArrayClass } from './internal';
import { optionsWithValue, readKnownOptions } from './options';
import type { UfuncInput } from './ufunc';
import { ceil, floor } from './ufuncs/rounding';
import { equal, greaterEqual } from './ufuncs/compare';

/** The `out=` option of the ufunc-like functions. */
export interface UfuncLikeOptions {
  /** Where to write the result (must be writeable and have the input's shape). */
  out?: NdArray | null;
}

/**
 * NumPy's `np.fix(x, out=None)`: rounds toward zero, keeping x's type (ints
 * stay ints); NumPy's own steps: `ceil(x, out)`, then `floor(x)` where
 * `x >= 0`. `out` positionally, as NumPy's, or `{ out }`.
 */
export function fix(x: UfuncInput, outArg?: NdArray | null | UfuncLikeOptions, options?: UfuncLikeOptions): NdArray {
  const { out = null } = readKnownOptions(optionsWithValue('fix', 'out', outArg, options) ?? {}, ['out'], 'fix');
  const res = ceil(x, { out });
  return floor(x, { out: res, where: greaterEqual(x, 0) });
}

function refuseComplex(x: UfuncInput): void {
  const complex = x instanceof ArrayClass ? x.dtype.kind === 'c' : typeof x === 'object' && x !== null;
  if (complex) {
    const name = x instanceof ArrayClass ? x.dtype.name : 'complex128';
    throw new TypeError(`This operation is not supported for ${name} values because it would be ambiguous.`);
  }
}

/**
 * NumPy's `np.isposinf(x, out=None)`: true where x is +inf (false for ints
 * and bools); complex refuses (NumPy's "would be ambiguous" TypeError).
 * `out` positionally, as NumPy's, or `{ out }`.
 */
export function isposinf(x: UfuncInput, outArg?: NdArray | null | UfuncLikeOptions, options?: UfuncLikeOptions): NdArray {
  const { out = null } = readKnownOptions(optionsWithValue('isposinf', 'out', outArg, options) ?? {}, ['out'], 'isposinf');
  refuseComplex(x);
  return equal(x, Infinity, { out });
}

/** NumPy's `np.isneginf(x, out=None)`: true where x is -inf; as {@link isposinf}. */
export function isneginf(x: UfuncInput, outArg?: NdArray | null | UfuncLikeOptions, options?: UfuncLikeOptions): NdArray {
  const { out = null } = readKnownOptions(optionsWithValue('isneginf', 'out', outArg, options) ?? {}, ['out'], 'isneginf');
  refuseComplex(x);
  return equal(x, -Infinity, { out });
}
