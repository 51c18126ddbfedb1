/**
 * NumPy's `linalg.eig(a)`: the eigenvalues and right eigenvectors of each
 * general (non-symmetric) square matrix of a stack `(..., M, M)`, as
 * LAPACK's geev computes them for NumPy: `a @ v[:, i] = w[i] * v[:, i]`, each
 * eigenvector of unit 2-norm, a complex one turned so that its largest
 * component is real. The native kernel (native/linalg_eig.h) reduces to
 * Hessenberg form and runs the shifted QR iteration (Francis double shift for
 * real input, single shift for complex), then back-substitutes on the Schur
 * form for the vectors.
 *
 * Dtypes follow NumPy 2: real input gives real eigenvalues and eigenvectors
 * when every eigenvalue of the whole stack is real, complex ones otherwise
 * (a conjugate pair adjacent, the positive imaginary part first, with
 * conjugate eigenvectors); complex input gives complex results; float32 and
 * complex64 compute in double and round to float32/complex64. The order is
 * the Schur form's diagonal, which the iteration decides: it can differ from
 * NumPy's (compare sorted), and eigenvectors are unique only up to a scalar
 * (sign or phase), so they may differ from NumPy's by one.
 * @module
 */
import type { NdArray } from './ndarray';
import { dtype as toDType, type DType } from './dtype';
import { LinAlgError } from './errors';
import { empty } from './create';
import { assertStackedSquare, C128, F64, commonType, floatsOf, inStackOrder, linalgOperand, product, toResult, workCopy } from './linalg-solve';
import { realDType } from './linalg-eigh';
import { linalgEig } from './native';
import { isfinite } from './ufuncs/math';
import { all } from './reduce-axis';

/** The result of {@link eig}: NumPy's `EigResult(eigenvalues, eigenvectors)`. */
export interface EigResult {
  /** (..., M): the eigenvalues, real or complex (see the module's rule). */
  eigenvalues: NdArray;
  /** (..., M, M): column i is the unit eigenvector of eigenvalue i. */
  eigenvectors: NdArray;
}

/** The complex dtype over a result dtype (complex64 for float32). */
function complexDType(dt: DType): DType {
  const single = dt.kind === 'c' ? dt.itemsize === 8 : dt.itemsize === 4;
  return toDType(single ? 'c8' : 'c16');
}

/**
 * The eigenvalues (and with `want` the eigenvectors) of each matrix of `a`,
 * by NumPy's rules: shared by {@link eig} and the complex-input path of
 * `eigvals` (lib/linalg-eigvals.ts).
 */
export function eigStack(fn: string, a: unknown, want: boolean): { w: NdArray; v: NdArray | null } {
  const x = linalgOperand(a, fn, 'a');
  const n = assertStackedSquare(x);
  // NumPy's order: _assert_finite before _commonType (float16 with an inf is this LinAlgError, not the TypeError).
  if ((x.dtype.kind === 'f' || x.dtype.kind === 'c') && x.size > 0 && !all(isfinite(x)).get()) throw new LinAlgError('Array must not contain infs or NaNs');
  const types = commonType('eig', x);
  const stack = x.shape.slice(0, -2);
  const count = product(stack);
  const w = empty([...stack, n], 'c16');
  const v = want ? empty(x.shape, 'c16') : null;
  if (count > 0 && n > 0) {
    const { data } = workCopy(x, x.shape, types.compute);
    const info = new Int32Array(count);
    linalgEig(types.complex ? C128 : F64, data, floatsOf(w), v === null ? new Float64Array(0) : floatsOf(v), info, n, want, count);
    // NumPy checks finiteness before LAPACK runs (_assert_finite); the kernel reports it per matrix.
    if (info.some((i) => i < 0)) throw new LinAlgError('Array must not contain infs or NaNs');
    if (info.some((i) => i > 0)) throw new LinAlgError('Eigenvalues did not converge');
  }
  const wf = floatsOf(w);
  let real = !types.complex;
  for (let i = 1; real && i < wf.length; i += 2) real = wf[i] === 0;
  // The gufunc's output layout (a stack of transposed batches keeps its order).
  const ws = inStackOrder(x, w);
  const vs = v === null ? null : inStackOrder(x, v);
  if (real) {
    // NumPy 2: w.real and vt.real when every eigenvalue (of the whole stack)
    // is real: views with the complex strides, as NumPy's.
    const dt = realDType(types.result);
    return { w: toResult(ws.real, dt), v: vs === null ? null : toResult(vs.real, dt) };
  }
  const dt = complexDType(types.result);
  return { w: toResult(ws, dt), v: vs === null ? null : toResult(vs, dt) };
}

/**
 * NumPy's `linalg.eig(a)`: the eigenvalues and unit right eigenvectors
 * (columns) of each square matrix of `a` (..., M, M).
 *
 * @example
 * const { eigenvalues, eigenvectors } = linalg.eig(asarray([[2, 0], [0, 3]]));
 * eigenvalues.toArray(); // [2, 3]
 * eigenvectors.toArray(); // [[1, 0], [0, 1]]
 * @throws LinAlgError for a non-square or < 2-d input, `Array must not contain infs or NaNs`,
 *   `Eigenvalues did not converge`; TypeError for float16 input.
 */
export function eig(a: unknown): EigResult {
  const { w, v } = eigStack('eig', a, true);
  return { eigenvalues: w, eigenvectors: v as NdArray };
}
