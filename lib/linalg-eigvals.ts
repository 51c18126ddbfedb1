/**
 * NumPy's `linalg.eigvals(a)`: the eigenvalues of each general
 * (non-symmetric) matrix of a stack `(..., M, M)`, by `eig`'s kernel without
 * its vectors (lib/linalg-eig.ts, native/linalg_eig.h: Hessenberg reduction
 * and the shifted QR iteration), so the two give the same values in the same
 * order, as NumPy's (both LAPACK's geev). As NumPy's: real input gives a real
 * result when every eigenvalue of the stack is real, complex otherwise
 * (conjugate pairs adjacent, the positive imaginary part first); complex
 * input gives complex results; integer input computes in float64, float32 in
 * double and the result is rounded. The order is the Schur form's diagonal,
 * but the iteration differs from LAPACK's dhseqr, so the order may differ
 * from NumPy's for some matrices: compare sorted.
 * @module
 */
import type { NdArray } from './ndarray';
import { eigStack } from './linalg-eig';

/**
 * NumPy's `linalg.eigvals(a)`: the eigenvalues of each matrix of `a` (..., M, M).
 *
 * @example
 * linalg.eigvals(asarray([[0, -1], [1, 0]])).toArray(); // [{ re: 0, im: 1 }, { re: 0, im: -1 }]
 * @throws LinAlgError for a non-square or < 2-d input, `Array must not contain infs or NaNs`,
 *   `Eigenvalues did not converge`; TypeError for float16 input.
 */
export function eigvals(a: unknown): NdArray {
  return eigStack('eigvals', a, false).w;
}
