/**
 * NumPy's errors for a reduction over a dtype its ufunc has no loop for
 * (records, void, bytes): what `np.add.reduce`, `.reduceat` and
 * `.accumulate` raise, so that `sum`, `prod`, `mean`, `min`, `max`,
 * `cumsum`, `cumprod` and the `…Reduceat` functions raise alike.
 * @module
 */
import { inspect } from 'util';
import type { DType } from './dtype';
import { UFuncTypeError } from './ufunc';

/** A ufunc's reduce-like method, as NumPy names it in these messages. */
export type ReductionMethod = 'reduce' | 'reduceat' | 'accumulate';

/**
 * The error NumPy 2.4 raises when ufunc `op` reduces (by `method`) an array
 * of `dt`, which it has no loop for: for `add` over bytes, the TypeError of
 * the string loop's resolved dtypes (its result would be twice as wide);
 * otherwise the UFuncTypeError "did not contain a loop".
 */
export function noReductionLoop(op: string, dt: DType, method: ReductionMethod = 'reduce'): TypeError {
  const t = inspect(dt);
  if (op === 'add' && dt.kind === 'S' && !dt.isStructured) {
    return new TypeError(`the resolved dtypes are not compatible with add.${method}. Resolved (${t}, ${t}, dtype('S${2 * dt.itemsize}'))`);
  }
  return new UFuncTypeError(`ufunc '${op}' did not contain a loop with signature matching types (${t}, ${t}) -> None`);
}
