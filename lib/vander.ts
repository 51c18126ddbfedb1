/**
 * NumPy's `vander(x, N=None, increasing=False)`
 * (`numpy/lib/_twodim_base_impl.py`): the Vandermonde matrix of a 1-d `x`,
 * built as NumPy builds it: an `(len(x), N)` array of
 * `promote_types(x.dtype, int64)` (bool and ints up to int64 → int64,
 * uint64 and the floats → float64, complex → complex128), its first power
 * column (the last one unless `increasing`) set to 1, the others to `x`,
 * then `multiply.accumulate` along each row, so column `k` is
 * `((x·x)·x)…` in order: integers wrap as NumPy's do, floats round each
 * product as NumPy's.
 * @module
 */
import { asarray } from './array-coerce';
import { empty } from './create';
import { cumprod } from './cumulative';
import { ValueError, repr } from './errors';
import { NdArray as ArrayClass, requireOpen } from './internal';
import type { NdArray } from './ndarray';
import { promoteTypes } from './promote';

/**
 * NumPy's `np.vander(x, N=None, increasing=False)`: column `j` is
 * `x ** (N - 1 - j)` (or `x ** j` when `increasing`); `N` defaults to
 * `len(x)`.
 *
 * @example
 * vander([1, 2, 3], 3).toArray(); // [[1, 1, 1], [4, 2, 1], [9, 3, 1]]
 * vander([1, 2, 3], 3, true).toArray(); // [[1, 1, 1], [1, 2, 4], [1, 3, 9]]
 * @throws ValueError when `x` is not 1-d or `N` is negative; TypeError for a non-integer `N`;
 *   DTypePromotionError for an `x` dtype with no integer promotion (strings, records)
 */
export function vander(x: NdArray | readonly unknown[], N: number | null = null, increasing = false): NdArray {
  const a = x instanceof ArrayClass ? x : asarray(x);
  requireOpen(a);
  if (a.ndim !== 1) throw new ValueError(`x must be a one-dimensional array or sequence. (vander(): x has ${a.ndim} dimensions)`);
  const len = a.shape[0];
  let n = len;
  if (N !== null && N !== undefined) {
    if (typeof N !== 'number' || !Number.isSafeInteger(N)) throw new TypeError(`vander(): N must be an integer or null, got ${repr(N)}`);
    if (N < 0) throw new ValueError(`negative dimensions are not allowed (vander(): N = ${N})`);
    n = N;
  }
  if (typeof increasing !== 'boolean') throw new TypeError(`vander(): increasing must be a boolean, got ${repr(increasing)}`);
  const v = empty([len, n], promoteTypes(a.dtype, '<i8'));
  const tmp = increasing ? v : v.index(':, ::-1');
  if (n > 0) tmp.index(':, 0').fill(1);
  if (n > 1) {
    const rest = tmp.index(':, 1:');
    rest.set(a.index(':, None'));
    cumprod(rest, 1, { out: rest });
  }
  return v;
}
