/**
 * NumPy 2's `bitwise_count`: the number of 1 bits in the magnitude of each
 * integer (`bitwise_count(int8 -1)` is 1, as NumPy counts |x|), a uint8
 * result. Ints only (bools count as int8; floats refuse). Native
 * (native/ufunc_math.cc BitwiseCount).
 * @module
 */
import type { NdArray } from '../ndarray';
import { callUfunc, type UfuncInput, type UfuncOptions, type UfuncSpec } from '../ufunc';
import { nativeLoop } from './math-native';
import { INTS, T } from './types';

export const BITWISE_COUNT: UfuncSpec = { name: 'bitwise_count', nin: 1, types: INTS, outType: () => T.u1, loop: (r) => nativeLoop('bitwise_count', r) };

/** NumPy's `np.bitwise_count(x)`: the set bits of |x| as uint8. */
export function bitwiseCount(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(BITWISE_COUNT, [x], options);
}
