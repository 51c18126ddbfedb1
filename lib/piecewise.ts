/**
 * NumPy's `piecewise(x, condlist, funclist, *args, **kw)`, as
 * `_function_base_impl.piecewise` does it: the result is `zeros_like(x)`;
 * for each condition (bool, shaped like `x`) a constant is stored where it
 * holds, or a function is called once with `x[cond]` (a 1-d copy: NumPy's
 * boolean indexing) and its result stored there (skipped when no element
 * matches). One more function than conditions is the "otherwise" piece,
 * used where no condition holds. Later pieces overwrite earlier ones where
 * conditions overlap. Values are cast to `x`'s dtype as NumPy's setitem
 * casts them.
 * @module
 */
import type { NdArray } from './ndarray';
import { asarray } from './array-coerce';
import { isArray, requireOpen } from './internal';
import { zerosLike } from './create';
import { getitem, setitem } from './fancy';
import { concatenate } from './join';
import { any } from './reduce-axis';
import { logicalNot } from './ufuncs/compare';
import { ValueError, repr } from './errors';

/** One piece of {@link piecewise}: a function of the selected values (any extra arguments follow), or a constant. */
export type PiecewiseFunction = ((values: NdArray, ...args: unknown[]) => unknown) | number | bigint | boolean | NdArray;

/** The conditions of {@link piecewise}: one bool array (or boolean), or a list of them. */
export type PiecewiseConditions = NdArray | boolean | readonly unknown[];

/**
 * NumPy's `np.piecewise(x, condlist, funclist, *args)`: the functions'
 * values (or the constants) where their conditions hold, 0 elsewhere, in
 * `x`'s dtype and shape. Extra `args` are passed to every function after the
 * values.
 *
 * @example
 * const x = linspace(-2, 2, 5);
 * piecewise(x, [less(x, 0), greaterEqual(x, 0)], [-1, 1]).toArray(); // [-1, -1, 1, 1, 1]
 * piecewise(x, [less(x, 0)], [(v) => negative(v), (v) => v]).toArray(); // |x|
 * @throws ValueError when the number of functions is neither the number of conditions nor one more
 */
export function piecewise(x: NdArray | readonly unknown[] | number, condlist: PiecewiseConditions, funclist: readonly PiecewiseFunction[], ...args: unknown[]): NdArray {
  const xa = isArray(x) ? x : asarray(x);
  requireOpen(xa);
  if (!Array.isArray(funclist)) throw new TypeError(`piecewise() funclist must be a list, got ${repr(funclist)}`);
  const n2 = funclist.length;
  // NumPy's undocumented rule: a single condition is promoted to a list of one.
  const first = isArray(condlist) ? (condlist.ndim >= 2 ? 'array' : 'scalar') : Array.isArray(condlist) ? (condlist.length > 0 && (Array.isArray(condlist[0]) || isArray(condlist[0])) ? 'array' : 'scalar') : null;
  const single = first === null || (isArray(condlist) && condlist.ndim === 0) || (first === 'scalar' && xa.ndim !== 0);
  let conds: NdArray = asarray(single ? [condlist] : condlist, '|b1');
  let n = conds.shape[0];
  if (n === n2 - 1) {
    const condelse = logicalNot(any(conds, 0, { keepdims: true }));
    conds = concatenate([conds, condelse], { axis: 0 });
    n += 1;
  } else if (n !== n2) {
    throw new ValueError(`with ${n} condition(s), either ${n} or ${n + 1} functions are expected`);
  }
  const y = zerosLike(xa);
  for (let i = 0; i < n; i++) {
    const cond = conds.index(i);
    const func = funclist[i];
    if (typeof func !== 'function') {
      setitem(y, [cond], func);
    } else {
      const vals = getitem(xa, [cond]);
      if (vals.size > 0) setitem(y, [cond], func(vals, ...args));
    }
  }
  return y;
}
