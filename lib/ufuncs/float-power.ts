/**
 * NumPy's `float_power`: `power` computed in float64 or complex128 only
 * (its loop types are `dd->d DD->D`), so ints and float32 inputs give a
 * float64 result and a negative integer exponent is fine. Its float64 loop
 * is plain `pow` for every element, without `power`'s fast paths (so
 * `floatPower(-0, 0.5)` is +0 and `floatPower(-inf, 0.5)` inf, where
 * `power` takes sqrt and gives -0 and NaN); its complex loop is `power`'s.
 * @module
 */
import type { NdArray } from '../ndarray';
import { callUfunc, type UfuncInput, type UfuncOptions, type UfuncSpec } from '../ufunc';
import { coreNativeLoop } from './math-native';
import { pick } from './arith';
import { T } from './types';

export const FLOAT_POWER: UfuncSpec = {
  name: 'float_power',
  nin: 2,
  types: [T.f8, T.c16],
  // float64 runs the native loop (libm's pow) on every path: the same bits at any size.
  loop: (r) => pick(r, { f: coreNativeLoop('float_power', r), c: coreNativeLoop('float_power', r) }, 'float_power'),
};

/** NumPy's `np.float_power(x1, x2)`: x1 ** x2 in float64 (complex128 for complex inputs). */
export function floatPower(x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(FLOAT_POWER, [x1, x2], options);
}
