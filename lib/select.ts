/**
 * NumPy's `select(condlist, choicelist, default=0)`, as
 * `_function_base_impl.select` does it: the result dtype is `result_type`
 * of every choice and the default (numbers stay weak Python scalars,
 * NEP 50); conditions and choices broadcast among themselves; the result
 * starts as `full(shape, default, dtype)` and each choice is burnt in where
 * its condition holds, last to first, so the first true condition wins.
 * @module
 */
import type { NdArray } from './ndarray';
import { asarray } from './array-coerce';
import { isArray, requireOpen } from './internal';
import { full } from './create';
import { broadcastArrayList } from './views';
import { broadcastShapes } from './broadcast';
import { canCast, resultTypeOf, type PyScalar } from './promote';
import { where } from './ufuncs/where';
import { ValueError } from './errors';

/** A condition of {@link select}: a bool array (or a nested list / boolean). */
export type SelectCondition = NdArray | boolean | readonly unknown[];

/** A choice of {@link select}: an array, a nested list, or a number (a weak Python scalar). */
export type SelectChoice = NdArray | PyScalar | readonly unknown[];

function isPyScalar(v: unknown): v is PyScalar {
  return typeof v === 'number' || typeof v === 'bigint' || (v !== null && typeof v === 'object' && !Array.isArray(v) && !isArray(v) && 're' in (v as object));
}

/**
 * NumPy's `np.select(condlist, choicelist, default=0)`: element by element,
 * the choice of the first condition that holds, `default` where none does.
 *
 * @example
 * const x = arange(6);
 * select([less(x, 3), greater(x, 3)], [x, multiply(x, x)], 42).toArray(); // [0, 1, 2, 42, 16, 25]
 * @throws ValueError for lists of different lengths or none, or shapes that do not broadcast; TypeError for a non-bool condition or choices with no common dtype
 */
export function select(condlist: readonly SelectCondition[], choicelist: readonly SelectChoice[], defaultValue: SelectChoice = 0): NdArray {
  if (!Array.isArray(condlist) || !Array.isArray(choicelist)) throw new TypeError('select() condlist and choicelist must be lists');
  if (condlist.length !== choicelist.length) throw new ValueError('list of cases must be same length as list of conditions');
  if (condlist.length === 0) throw new ValueError('select with an empty condition list is not possible');
  const toOperand = (c: SelectChoice): NdArray | PyScalar => {
    if (isArray(c)) {
      requireOpen(c);
      return c;
    }
    return isPyScalar(c) ? c : asarray(c);
  };
  const choices = [...choicelist, defaultValue].map(toOperand);
  let dtype;
  try {
    dtype = resultTypeOf(choices);
  } catch (e) {
    if (e instanceof TypeError) throw new TypeError(`Choicelist and default value do not have a common dtype: ${e.message}`);
    throw e;
  }
  const conds = broadcastArrayList(condlist.map((c) => (isArray(c) ? c : asarray(c))));
  conds.forEach((c, i) => {
    if (c.dtype.kind !== 'b') throw new TypeError(`invalid entry ${i} in condlist: should be boolean ndarray`);
  });
  // NumPy's broadcast_arrays makes each number a default-dtype array (int64,
  // float64, complex128): the default then fills the result by an unsafe
  // cast (np.full), each choice goes in by copyto's same_kind cast.
  const arrays = choices.map((c) => (isArray(c) ? c : asarray(c)));
  const bc = broadcastArrayList(arrays);
  const shape = bc[0].ndim === 0 ? conds[0].shape : broadcastShapes(conds[0].shape, bc[0].shape);
  let result = full(shape, 0, dtype);
  result.set(bc[bc.length - 1]);
  // NumPy's np.copyto(result, choice, where=cond), last choice first: the first condition wins.
  for (let i = condlist.length - 1; i >= 0; i--) {
    if (!canCast(bc[i].dtype, dtype, 'same_kind')) throw new TypeError(`Cannot cast array data from dtype('${bc[i].dtype.name}') to dtype('${dtype.name}') according to the rule 'same_kind'`);
    const next = where(conds[i], bc[i].dtype.equals(dtype) ? bc[i] : bc[i].astype(dtype), result);
    result = next.shape.length === shape.length && next.shape.every((s, k) => s === shape[k]) ? next : invalidBroadcast(next.shape, shape);
  }
  return result.dtype.equals(dtype) ? result : result.astype(dtype);
}

function invalidBroadcast(from: readonly number[], to: readonly number[]): never {
  throw new ValueError(`could not broadcast input array from shape (${from.join(',')}${from.length === 1 ? ',' : ''}) into shape (${to.join(',')}${to.length === 1 ? ',' : ''})`);
}
