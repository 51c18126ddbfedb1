/**
 * NumPy's legacy `np.roots(p)` (numpy/lib/_polynomial_impl.py): the roots of
 * the polynomial with coefficients `p` (highest power first) as the
 * eigenvalues of its companion matrix ({@link eigvals}), after NumPy's
 * trimming: leading zeros dropped, trailing zeros giving zero roots appended.
 * Complex coefficients give a complex companion matrix (complex roots).
 * The order is eigvals': compare sorted.
 * @module
 */
import type { NdArray } from './ndarray';
import { ValueError } from './errors';
import { asarray } from './array-coerce';
import { zeros } from './create';
import { eigvals } from './linalg-eigvals';
import { concatenate } from './join';
import { negative, divide } from './ufuncs/arith';
import type { PolyInput } from './polynomial';

/**
 * NumPy's `np.roots(p)`: a 1-d array of the roots (float64 when all are real,
 * complex128 otherwise; empty for a constant).
 *
 * @example
 * roots([1, -3, 2]).toArray(); // [2, 1]
 * @throws ValueError `Input must be a rank-1 array.`.
 */
export function roots(p: PolyInput): NdArray {
  let a = asarray(p as never);
  if (a.ndim === 0) a = a.reshape([1]);
  if (a.ndim !== 1) throw new ValueError('Input must be a rank-1 array.');
  // No item is non-zero: NumPy returns before it casts (an empty record array too; fuzz seed 9632421).
  if (a.size === 0) return asarray([], 'f8');
  // NumPy casts what is not float or complex to float64 after trimming the
  // zeros; casting first gives the same zeros and reads a one-field record's
  // value (a record itself is not a number).
  if (a.dtype.kind !== 'f' && a.dtype.kind !== 'c') a = a.astype('f8');
  const vals = a.toArray() as unknown[];
  const nonZero: number[] = [];
  vals.forEach((v, i) => {
    const isZero = typeof v === 'object' && v !== null ? (v as { re: number; im: number }).re === 0 && (v as { re: number; im: number }).im === 0 : Number(v) === 0;
    if (!isZero) nonZero.push(i);
  });
  if (nonZero.length === 0) return asarray([], 'f8');
  const trailingZeros = vals.length - nonZero[nonZero.length - 1] - 1;
  const c = a.index(`${nonZero[0]}:${nonZero[nonZero.length - 1] + 1}`);
  const N = c.shape[0];
  let r: NdArray;
  if (N > 1) {
    // The companion matrix: ones on the subdiagonal, -p[1:] / p[0] as the first row.
    const A = zeros([N - 1, N - 1], c.dtype);
    for (let i = 1; i < N - 1; i++) A.set(`${i}, ${i - 1}`, 1);
    A.set('0', negative(divide(c.index('1:'), c.index('0'))));
    r = eigvals(A);
  } else r = asarray([], 'f8');
  return concatenate([r, zeros([trailingZeros], r.dtype)]);
}
