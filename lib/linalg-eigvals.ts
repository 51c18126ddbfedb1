/**
 * NumPy's `linalg.eigvals(a)` for real input: the eigenvalues of each
 * general (non-symmetric) matrix of a stack `(..., M, M)`, by EISPACK's
 * route in native/linalg_decomp.cc (balancing, Hessenberg reduction, the
 * Francis double-shift QR iteration). As NumPy's: the result is real when
 * every eigenvalue of the stack is real, complex otherwise (conjugate pairs
 * adjacent, the positive imaginary part first); integer input computes in
 * float64, float32 in double and the result is rounded. The order is the
 * Schur form's diagonal, as LAPACK's dgeev, but the iteration differs from
 * LAPACK's dhseqr, so the order may differ from NumPy's for some matrices:
 * compare sorted. Complex input is not supported yet (a TypeError).
 * @module
 */
import type { NdArray } from './ndarray';
import { dtype as toDType } from './dtype';
import { LinAlgError } from './errors';
import { empty } from './create';
import { assertStackedSquare, commonType, floatsOf, linalgOperand, product, toResult, workCopy } from './linalg-solve';
import { realDType } from './linalg-eigh';
import { linalgEigvals } from './native';

/**
 * NumPy's `linalg.eigvals(a)` for real `a` (..., M, M).
 *
 * @example
 * linalg.eigvals(asarray([[0, -1], [1, 0]])).toArray(); // [{ re: 0, im: 1 }, { re: 0, im: -1 }]
 * @throws LinAlgError for a non-square or < 2-d input, `Array must not contain infs or NaNs`,
 *   `Eigenvalues did not converge`; TypeError for complex (not supported yet) and float16 input.
 */
export function eigvals(a: unknown): NdArray {
  const x = linalgOperand(a, 'eigvals', 'a');
  const n = assertStackedSquare(x);
  const types = commonType('eig', x);
  if (types.complex) throw new TypeError('eigvals(): complex input is not supported yet (real input only)');
  const stack = x.shape.slice(0, -2);
  const count = product(stack);
  const wr = new Float64Array(count * n);
  const wi = new Float64Array(count * n);
  if (count > 0 && n > 0) {
    const { data } = workCopy(x, x.shape, types.compute);
    const info = new Int32Array(count);
    linalgEigvals(data, wr, wi, info, n, count);
    if (info.some((i) => i < 0)) throw new LinAlgError('Array must not contain infs or NaNs');
    if (info.some((i) => i > 0)) throw new LinAlgError('Eigenvalues did not converge');
  }
  const real = wi.every((v) => v === 0);
  const w = empty([...stack, n], real ? 'f8' : 'c16');
  const out = floatsOf(w);
  if (real) out.set(wr);
  else {
    for (let i = 0; i < wr.length; i++) {
      out[2 * i] = wr[i];
      out[2 * i + 1] = wi[i];
    }
  }
  // float32 input: float32 or complex64 results (computed in double), as NumPy's.
  return toResult(w, real ? realDType(types.result) : toDType(types.result.itemsize === 4 ? 'c8' : 'c16'));
}
