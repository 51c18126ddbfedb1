/**
 * NumPy's `linalg.svd(a, full_matrices, compute_uv, hermitian)` and
 * `linalg.svdvals(x)`: `a = U @ diag(S) @ Vh` for each matrix of a stack
 * `(..., M, N)`, the singular values S descending. The native kernel
 * (native/linalg_decomp.h) bidiagonalises A (Aᴴ when M < N; a complex
 * bidiagonal is made real by unit phases) and runs the Golub–Kahan QR
 * iteration on it (LAPACK's gesvd route); the singular values agree with LAPACK's gesdd to a few ulp of the largest;
 * singular vectors are unique only up to sign (phase), so U and Vh may differ
 * from NumPy's by one per pair, and for repeated singular values by a
 * rotation within their space.
 *
 * `hermitian: true` is NumPy's path through {@link eigh}: S = |eigenvalues|
 * sorted descending, U the eigenvectors, Vh = (U · sign)ᴴ.
 *
 * Dtypes are NumPy's `_commonType` (S in the real result type). A NaN
 * anywhere in the stack gives NumPy's LinAlgError "SVD did not converge"
 * (LAPACK's gesdd refuses it); a matrix with an infinity (and no NaN) gives
 * NaN singular values, as NumPy's, where NumPy's LAPACK leaves vectors of no
 * meaning: NaN vectors for complex input, zero ones for real (so that pinv
 * is NumPy's 0 for real, NaN for complex).
 * @module
 */
import type { NdArray } from './ndarray';
import { LinAlgError, repr } from './errors';
import { positionalOptions, readKnownOptions } from './options';
import { empty } from './create';
import { C128, F64, commonType, floatsOf, inStackOrder, linalgOperand, product, toResult, workCopy } from './linalg-solve';
import { assertStacked2d } from './linalg-qr';
import { eigh, eigvalsh, realDType } from './linalg-eigh';
import { linalgSvd } from './native';
import { absolute, conjugate, multiply } from './ufuncs/arith';
import { copysign } from './ufuncs/arith2';
import { argsort, sort } from './sort';
import { takeAlongAxis } from './along-axis';
import { expandDims, flip } from './axis-views';

/** Options of {@link svd}: NumPy's `full_matrices`, `compute_uv` and `hermitian`. */
export interface SvdOptions {
  /** U (..., M, M) and Vh (..., N, N) (default true); false: (..., M, K) and (..., K, N), K = min(M, N). */
  fullMatrices?: boolean;
  /** Return `{ U, S, Vh }` (default true); false: S alone. */
  computeUv?: boolean;
  /** `a` is Hermitian (symmetric): decompose it through eigh (default false). */
  hermitian?: boolean;
}

/** The result of {@link svd}: NumPy's `SVDResult(U, S, Vh)`. */
export interface SVDResult {
  /** Left singular vectors as columns, (..., M, M) or (..., M, K). */
  U: NdArray;
  /** Singular values, descending, (..., K), real. */
  S: NdArray;
  /** Right singular vectors as rows (Vᴴ), (..., N, N) or (..., K, N). */
  Vh: NdArray;
}

function flag(fn: string, name: string, v: unknown, dflt: boolean): boolean {
  if (v === undefined) return dflt;
  if (typeof v !== 'boolean') throw new TypeError(`${fn}(): ${name} must be a boolean, got ${repr(v)}`);
  return v;
}

/**
 * NumPy's `linalg.svd(a, full_matrices=True, compute_uv=True, hermitian=False)`.
 *
 * @example
 * const { U, S, Vh } = linalg.svd(asarray([[3, 0], [4, 5]]));
 * S.toArray(); // [6.7082..., 2.2360...] (√45, √5)
 * @throws LinAlgError for < 2-d input (non-square with hermitian), "SVD did not converge" (a NaN; an
 *   infinity gives NaN singular values);
 *   TypeError for float16.
 */
export function svd(a: unknown, fullMatrices: boolean | null | undefined, computeUv: false, hermitian?: boolean | null): NdArray;
export function svd(a: unknown, fullMatrices?: boolean | null, computeUv?: true | null, hermitian?: boolean | null): SVDResult;
export function svd(a: unknown, options?: SvdOptions & { computeUv?: true }): SVDResult;
export function svd(a: unknown, options: SvdOptions & { computeUv: false }): NdArray;
export function svd(a: unknown, options?: SvdOptions): SVDResult | NdArray;
export function svd(a: unknown, ...rest: unknown[]): SVDResult | NdArray {
  // NumPy's positional full_matrices, compute_uv and hermitian, or the options.
  const o = readKnownOptions(positionalOptions<SvdOptions>('svd', ['fullMatrices', 'computeUv', 'hermitian'], rest), ['fullMatrices', 'computeUv', 'hermitian'], 'svd');
  const full = flag('svd', 'fullMatrices', o.fullMatrices, true);
  const want = flag('svd', 'computeUv', o.computeUv, true);
  const hermitian = flag('svd', 'hermitian', o.hermitian, false);
  if (hermitian) return hermitianSvd(a, want);
  const x = linalgOperand(a, 'svd', 'a');
  assertStacked2d(x);
  const types = commonType(want ? (full ? 'svd_f' : 'svd_s') : 'svd', x);
  const stack = x.shape.slice(0, -2);
  const count = product(stack);
  const m = x.shape[x.ndim - 2];
  const n = x.shape[x.ndim - 1];
  const k = Math.min(m, n);
  const S = empty([...stack, k], 'f8');
  const U = want ? empty([...stack, m, full ? m : k], types.compute) : null;
  const Vh = want ? empty([...stack, full ? n : k, n], types.compute) : null;
  if (count > 0) {
    const { data } = workCopy(x, x.shape, types.compute);
    // LAPACK's gesdd refuses a NaN (info -4: NumPy's LinAlgError for the whole stack) but
    // runs on an infinity: known before the kernel overwrites its copy.
    const nan = hasNaNItem(data, types.complex);
    const info = new Int32Array(count);
    const none = new Float64Array(0);
    linalgSvd(types.complex ? C128 : F64, data, floatsOf(S), U === null ? none : floatsOf(U), Vh === null ? none : floatsOf(Vh), info, m, n, full, want, count);
    if (info.some((i) => i > 0) || (nan && info.some((i) => i < 0))) throw new LinAlgError('SVD did not converge');
    for (let t = 0; t < count; t++) {
      if (info[t] < 0) infiniteMatrix(t, count, S, types.complex ? [U, Vh] : [], types.complex ? [] : [U, Vh]);
    }
  }
  // The stacks in NumPy's gufunc order (K order of x's stack).
  const s = inStackOrder(x, toResult(S, realDType(types.result)));
  if (U === null || Vh === null) return s;
  return { U: inStackOrder(x, toResult(U, types.result)), S: s, Vh: inStackOrder(x, toResult(Vh, types.result)) };
}

/**
 * The t-th matrix of an infinite input: NumPy's gesdd gives NaN singular values
 * there and vectors of no meaning, NaN for complex input and finite (a
 * permutation's) for real, so that NumPy's pinv of a real one is 0 and of a
 * complex one NaN. S is NaN here, `nan` parts NaN and `zero` parts 0 (pinv
 * then gives NumPy's answers).
 */
function infiniteMatrix(t: number, count: number, S: NdArray, nan: readonly (NdArray | null)[], zero: readonly (NdArray | null)[]): void {
  const fill = (p: NdArray | null, v: number): void => {
    if (p === null) return;
    const d = floatsOf(p);
    const per = d.length / count;
    d.fill(v, t * per, (t + 1) * per);
  };
  fill(S, NaN);
  nan.forEach((p) => fill(p, NaN));
  zero.forEach((p) => fill(p, 0));
}

/** NumPy's hermitian branch of svd: eigh, |w| descending, the signs moved into Vh. */
function hermitianSvd(a: unknown, want: boolean): SVDResult | NdArray {
  if (!want) return flip(sort(absolute(eigvalsh(a))), -1);
  const { eigenvalues: w, eigenvectors: u0 } = eigh(a);
  const sgn0 = copysign(1.0, w);
  const s0 = absolute(w);
  // argsort(s)[..., ::-1]: ties come out in reverse order, as NumPy's.
  const sidx = flip(argsort(s0), -1);
  const sgn = takeAlongAxis(sgn0, sidx, -1);
  const S = takeAlongAxis(s0, sidx, -1);
  const U = takeAlongAxis(u0, expandDims(sidx, -2), -1);
  const Vh = conjugate(multiply(U, expandDims(sgn, -2)).swapaxes(-1, -2));
  return { U, S, Vh };
}

/**
 * NumPy 2's `linalg.svdvals(x)`: the singular values of each matrix of `x`
 * (..., M, N), descending; `svd(x, { computeUv: false })`.
 *
 * @example
 * linalg.svdvals(asarray([[3, 0], [4, 5]])).toArray(); // [6.7082..., 2.2360...]
 * @throws as {@link svd}.
 */
export function svdvals(x: unknown): NdArray {
  return svd(x, { computeUv: false });
}

/**
 * Whether gesdd refuses the items `data` (complex: re, im pairs): its check
 * is the largest |item| (LAPACK's xLANGE('M')), NaN when an item's |item|
 * is, and a complex |z| is hypot(re, im): infinite when either part is, so
 * inf + NaN·j passes and gives NaN singular values (fuzz seed 10677460).
 */
function hasNaNItem(data: Float64Array, complex: boolean): boolean {
  if (!complex) return data.some(Number.isNaN);
  for (let i = 0; i < data.length; i += 2) {
    const re = data[i];
    const im = data[i + 1];
    if ((re !== re || im !== im) && re !== Infinity && re !== -Infinity && im !== Infinity && im !== -Infinity) return true;
  }
  return false;
}
