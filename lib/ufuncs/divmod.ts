/**
 * NumPy's `divmod`: `floor_divide` and `remainder` in one call, their loop
 * types (ints and floats; bools compute as int8) and their values (an int
 * divided by 0 gives 0 twice; a float by 0 gives ±inf or NaN and NaN),
 * `out` a pair. The two outputs are two native passes over the inputs
 * (`two-outputs.ts`).
 * @module
 */
import type { NdArray } from '../ndarray';
import type { UfuncInput, UfuncSpec } from '../ufunc';
import { FLOOR_DIVIDE, REMAINDER } from './arith';
import { callUfunc2, type Ufunc2Options } from './two-outputs';

const DIVMOD_QUOTIENT: UfuncSpec = { ...FLOOR_DIVIDE, name: 'divmod', kernel: 'floor_divide' };
const DIVMOD_REMAINDER: UfuncSpec = { ...REMAINDER, name: 'divmod', kernel: 'remainder' };

/**
 * NumPy's `np.divmod(x1, x2)`: `[floorDivide(x1, x2), remainder(x1, x2)]`
 * (the remainder takes x2's sign). `out` is a pair `[quotient, remainder]`.
 */
export function divmod(x1: UfuncInput, x2: UfuncInput, options?: Ufunc2Options): [NdArray, NdArray] {
  return callUfunc2('divmod', [DIVMOD_QUOTIENT, DIVMOD_REMAINDER], [x1, x2], options);
}
