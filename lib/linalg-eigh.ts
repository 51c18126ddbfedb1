/**
 * NumPy's `linalg.eigh(a, UPLO)` and `linalg.eigvalsh(a, UPLO)`: the
 * eigenvalues (ascending) and eigenvectors of each real symmetric or complex
 * Hermitian matrix of a stack `(..., M, M)`, read from one triangle only
 * (`UPLO` 'L', the default, or 'U'; the diagonal's imaginary part is ignored),
 * as LAPACK's syevd/heevd. The native kernel (native/linalg_decomp.h)
 * tridiagonalises the matrix by Householder reflections and runs the
 * implicit QL iteration on it (LAPACK's route), which gives the eigenvalues
 * to the same backward error as LAPACK's (a few ulp of the matrix's norm); eigenvectors are unique
 * only up to sign (phase), so they may differ from NumPy's by one.
 *
 * Dtypes are NumPy's: the eigenvalues in the real result type (float32 for
 * float32/complex64 input, computed in double), the eigenvectors in the
 * result type. A NaN or infinity in the triangle read gives NaN eigenvalues
 * and eigenvectors for that matrix, as NumPy's (no error); a 1×1 matrix gives
 * its element's real part and the eigenvector 1 whatever it holds (LAPACK's
 * quick return, so `eigvalsh([[-inf]])` is `[-inf]`).
 * @module
 */
import type { NdArray } from './ndarray';
import { dtype as toDType, type DType } from './dtype';
import { LinAlgError, ValueError, repr } from './errors';
import { positionalOptions, readKnownOptions } from './options';
import { empty } from './create';
import { assertStackedSquare, C128, F64, commonType, floatsOf, inStackOrder, linalgOperand, product, toResult, workCopy } from './linalg-solve';
import { linalgEigh } from './native';

/** Options of {@link eigh} and {@link eigvalsh}: NumPy's `UPLO`. */
export interface EighOptions {
  /** 'L' (default): read the lower triangle; 'U': the upper one (either case). */
  UPLO?: 'L' | 'U' | 'l' | 'u';
}

/** The result of {@link eigh}: NumPy's `EighResult(eigenvalues, eigenvectors)`. */
export interface EighResult {
  /** (..., M), ascending, real. */
  eigenvalues: NdArray;
  /** (..., M, M): column i is the unit eigenvector of eigenvalue i. */
  eigenvectors: NdArray;
}

/** The real dtype under a result dtype (float32 for complex64). */
export function realDType(dt: DType): DType {
  return dt.kind === 'c' ? toDType(dt.itemsize === 8 ? 'f4' : 'f8') : dt;
}

function readUplo(fn: string, options: EighOptions): boolean {
  const o = readKnownOptions(options, ['UPLO'], fn);
  const uplo = o.UPLO ?? 'L';
  if (typeof uplo !== 'string') throw new TypeError(`${fn}(): UPLO must be a string, got ${repr(uplo)}`);
  const up = uplo.toUpperCase();
  if (up !== 'L' && up !== 'U') throw new ValueError("UPLO argument must be 'L' or 'U'");
  return up === 'L';
}

function run(fn: string, a: unknown, options: EighOptions, want: boolean): { w: NdArray; v: NdArray | null; result: DType } {
  const lower = readUplo(fn, options);
  const x = linalgOperand(a, fn, 'a');
  const n = assertStackedSquare(x);
  const gufunc = want ? (lower ? 'eigh_lo' : 'eigh_up') : lower ? 'eigvalsh_lo' : 'eigvalsh_up';
  const types = commonType(gufunc, x);
  const stack = x.shape.slice(0, -2);
  const count = product(stack);
  const w = empty([...stack, n], 'f8');
  const v = want ? empty(x.shape, types.compute) : null;
  if (count > 0 && n > 0) {
    const { data } = workCopy(x, x.shape, types.compute);
    const info = new Int32Array(count);
    linalgEigh(types.complex ? C128 : F64, data, floatsOf(w), v === null ? new Float64Array(0) : floatsOf(v), info, n, lower, want, count);
    // info -1 (NaN or infinity in the triangle read) leaves that matrix's results NaN, as NumPy's
    // (LAPACK returns NaN there without an error); 1 (no convergence) is NumPy's LinAlgError.
    if (info.some((i) => i > 0)) throw new LinAlgError('Eigenvalues did not converge');
  }
  return { w: toResult(w, realDType(types.result)), v: v === null ? null : toResult(v, types.result), result: types.result };
}

/**
 * NumPy's `linalg.eigh(a, UPLO='L')`: eigenvalues (ascending) and unit
 * eigenvectors (columns) of each Hermitian matrix of `a` (..., M, M), read
 * from the UPLO triangle.
 *
 * @example
 * const { eigenvalues, eigenvectors } = linalg.eigh(asarray([[2, 1], [1, 2]]));
 * eigenvalues.toArray(); // [1, 3] (to rounding)
 * @throws LinAlgError for a non-square or < 2-d input; ValueError `UPLO argument must be 'L' or 'U'`.
 */
export function eigh(a: unknown, UPLO?: EighOptions['UPLO'] | EighOptions | null): EighResult {
  // NumPy's positional UPLO, or { UPLO }.
  const { w, v } = run('eigh', a, positionalOptions<EighOptions>('eigh', ['UPLO'], [UPLO]), true);
  // The stacks in NumPy's gufunc order (K order of a's stack); run checked a.
  const x = linalgOperand(a, 'eigh', 'a');
  return { eigenvalues: inStackOrder(x, w), eigenvectors: inStackOrder(x, v as NdArray) };
}

/**
 * NumPy's `linalg.eigvalsh(a, UPLO='L')`: the eigenvalues (ascending) of each
 * Hermitian matrix of `a` (..., M, M), read from the UPLO triangle.
 *
 * @example
 * linalg.eigvalsh(asarray([[2, 1], [1, 2]])).toArray(); // [1, 3] (to rounding)
 * @throws as {@link eigh}.
 */
export function eigvalsh(a: unknown, UPLO?: EighOptions['UPLO'] | EighOptions | null): NdArray {
  const w = run('eigvalsh', a, positionalOptions<EighOptions>('eigvalsh', ['UPLO'], [UPLO]), false).w;
  return inStackOrder(linalgOperand(a, 'eigvalsh', 'a'), w);
}
