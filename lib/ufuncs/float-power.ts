/**
 * NumPy's `float_power`: `power` computed in float64 or complex128 only
 * (its loop types are `dd->d DD->D`), so ints and float32 inputs give a
 * float64 result and a negative integer exponent is fine. The loops are
 * `power`'s (native for float64 and complex128).
 * @module
 */
import type { NdArray } from '../ndarray';
import { callUfunc, type UfuncInput, type UfuncOptions, type UfuncSpec } from '../ufunc';
import { POWER } from './arith';
import { T } from './types';

export const FLOAT_POWER: UfuncSpec = { name: 'float_power', kernel: 'power', nin: 2, types: [T.f8, T.c16], loop: POWER.loop };

/** NumPy's `np.float_power(x1, x2)`: x1 ** x2 in float64 (complex128 for complex inputs). */
export function floatPower(x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(FLOAT_POWER, [x1, x2], options);
}
