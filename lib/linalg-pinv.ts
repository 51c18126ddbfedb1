/**
 * NumPy's `linalg.pinv(a, rcond, hermitian, rtol)` and
 * `linalg.matrix_rank(A, tol, hermitian, rtol)`, over {@link svd} in NumPy's
 * order of operations (numpy/linalg/_linalg.py): the Moore–Penrose inverse
 * `V · diag(1/s) · Uᴴ` with the singular values at or below
 * `rcond · max(s)` dropped, and the count of singular values above
 * `tol` (default `max(s) · max(M, N) · eps`). Both work on stacks (..., M, N);
 * `rcond`, `rtol` and `tol` may be arrays that broadcast against the stack.
 * @module
 */
import type { NdArray } from './ndarray';
import { ValueError } from './errors';
import { positionalOptions, readKnownOptions } from './options';
import { empty } from './create';
import { asarray } from './array-coerce';
import { matmul } from './linalg';
import { linalgOperand } from './linalg-solve';
import { svd } from './linalg-svd';
import { max, all, countNonzero } from './reduce-axis';
import { conjugate, divide, multiply } from './ufuncs/arith';
import { equal, greater } from './ufuncs/compare';
import { expandDims } from './axis-views';
import { where } from './ufuncs/where';

/** Options of {@link pinv}: NumPy's `rcond`, `hermitian` and `rtol` (rcond and rtol exclude each other). */
export interface PinvOptions {
  /** Cutoff relative to the largest singular value (default 1e-15 when rtol is absent). */
  rcond?: number | NdArray | null;
  /** a is Hermitian: its SVD through eigh (default false). */
  hermitian?: boolean;
  /** NumPy 2's name for rcond; null: max(M, N) · eps of a's dtype. */
  rtol?: number | NdArray | null;
}

/** Options of {@link matrixRank}: NumPy's `tol`, `hermitian` and `rtol` (tol and rtol exclude each other). */
export interface MatrixRankOptions {
  /** Absolute threshold: singular values above it count (default null: from rtol). */
  tol?: number | NdArray | null;
  /** A is Hermitian: its singular values through eigvalsh (default false). */
  hermitian?: boolean;
  /** Threshold relative to the largest singular value (default null: max(M, N) · eps). */
  rtol?: number | NdArray | null;
}

/** Machine epsilon of a float dtype's precision (float32 or float64; integers use float64's). */
function epsOf(str: string): number {
  return str.endsWith('f4') || str.endsWith('c8') ? 2 ** -23 : str.endsWith('f2') ? 2 ** -10 : 2 ** -52;
}

/**
 * NumPy's `linalg.pinv(a, rcond=None, hermitian=False, *, rtol=<no value>)`:
 * the pseudo-inverse (..., N, M) of each matrix of `a` (..., M, N).
 *
 * @example
 * linalg.pinv(asarray([[1, 2], [2, 4]])).toArray(); // [[0.04, 0.08], [0.08, 0.16]] (to rounding)
 * @throws ValueError "`rtol` and `rcond` can't be both set."; as {@link svd} otherwise.
 */
export function pinv(a: unknown, rcond?: PinvOptions['rcond'] | null, hermitian?: boolean | null, options?: Pick<PinvOptions, 'rtol'>): NdArray;
export function pinv(a: unknown, options?: PinvOptions): NdArray;
export function pinv(a: unknown, ...rest: unknown[]): NdArray {
  // NumPy's positional rcond and hermitian (rtol is keyword-only), or the options.
  const o = readKnownOptions(positionalOptions<PinvOptions>('pinv', ['rcond', 'hermitian'], rest), ['rcond', 'hermitian', 'rtol'], 'pinv');
  const x = linalgOperand(a, 'pinv', 'a');
  const hermitian = o.hermitian ?? false;
  if (typeof hermitian !== 'boolean') throw new TypeError('pinv(): hermitian must be a boolean');
  let rcond: number | NdArray;
  const rcondIn = o.rcond ?? null;
  if (rcondIn === null) {
    if (!('rtol' in o) || o.rtol === undefined) rcond = 1e-15;
    else if (o.rtol === null) {
      // NumPy's finfo(a.dtype).eps: only float and complex dtypes have one.
      if (x.dtype.kind !== 'f' && x.dtype.kind !== 'c') throw new ValueError(`data type <class 'numpy.${x.dtype.name}'> not inexact`);
      rcond = Math.max(...x.shape.slice(-2)) * epsOf(x.dtype.str);
    }
    else rcond = o.rtol;
  } else if (o.rtol !== undefined) {
    throw new ValueError("`rtol` and `rcond` can't be both set.");
  } else rcond = rcondIn;
  const rc = asarray(rcond);
  if (x.size === 0 && x.ndim >= 2 && x.shape[x.ndim - 1] * x.shape[x.ndim - 2] === 0) {
    return empty([...x.shape.slice(0, -2), x.shape[x.ndim - 1], x.shape[x.ndim - 2]], x.dtype);
  }
  const { U, S, Vh } = svd(conjugate(x), { fullMatrices: false, hermitian });
  const cutoff = multiply(expandDims(rc, -1), max(S, -1, { keepdims: true }));
  const large = greater(S, cutoff);
  const s = S.flags.writeable ? S : S.copy();
  divide(1, s, { where: large, out: s });
  // NumPy's s[~large] = 0: a NaN singular value (an infinite matrix) drops out too.
  const sInv = where(large, s, 0);
  return matmul(Vh.swapaxes(-1, -2), multiply(expandDims(sInv, -1), U.swapaxes(-1, -2)));
}

/**
 * NumPy's `linalg.matrix_rank(A, tol=None, hermitian=False, *, rtol=None)`:
 * the number of singular values of each matrix of A (..., M, N) above the
 * threshold, an int64 array of the stack's shape (0-d for one matrix). For
 * A of fewer than 2 axes: 1 unless every item is 0 (NumPy's Python int, here
 * a 0-d int64 array).
 *
 * @example
 * linalg.matrixRank(asarray([[1, 2], [2, 4]])).get(); // 1n
 * @throws ValueError "`tol` and `rtol` can't be both set."; as {@link svd} otherwise.
 */
export function matrixRank(A: unknown, tol?: MatrixRankOptions['tol'] | null, hermitian?: boolean | null, options?: Pick<MatrixRankOptions, 'rtol'>): NdArray;
export function matrixRank(A: unknown, options?: MatrixRankOptions): NdArray;
export function matrixRank(A: unknown, ...rest: unknown[]): NdArray {
  // NumPy's positional tol and hermitian (rtol is keyword-only), or the options.
  const o = readKnownOptions(positionalOptions<MatrixRankOptions>('matrixRank', ['tol', 'hermitian'], rest), ['tol', 'hermitian', 'rtol'], 'matrixRank');
  const tolIn = o.tol ?? null;
  const rtolIn = o.rtol ?? null;
  if (rtolIn !== null && tolIn !== null) throw new ValueError("`tol` and `rtol` can't be both set.");
  const hermitian = o.hermitian ?? false;
  if (typeof hermitian !== 'boolean') throw new TypeError('matrixRank(): hermitian must be a boolean');
  const x = linalgOperand(A, 'matrixRank', 'A');
  if (x.ndim < 2) return asarray(all(equal(x, 0)).get() ? 0 : 1, 'i8');
  const S = svd(x, { computeUv: false, hermitian });
  let tol: NdArray;
  if (tolIn === null) {
    const rtol = rtolIn === null ? Math.max(...x.shape.slice(-2)) * epsOf(S.dtype.str) : expandDims(asarray(rtolIn), -1);
    tol = multiply(max(S, -1, { keepdims: true, initial: 0 }), rtol);
  } else tol = expandDims(asarray(tolIn), -1);
  return countNonzero(greater(S, tol), -1);
}
