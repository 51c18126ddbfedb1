/**
 * NumPy's `linalg.lstsq(a, b, rcond=None)`: the least-squares solution x of
 * `a @ x ≈ b` for one matrix a (M, N) and b (M,) or (M, K), as LAPACK's gelsd
 * defines it: through the SVD of a, singular values at or below
 * `rcond · s[0]` treated as zero (rcond's default: eps · max(M, N); a
 * negative rcond means LAPACK's machine precision, 2^-53), x the
 * minimum-norm solution. The result is
 * NumPy's tuple as an object: `{ x, residuals, rank, s }` with NumPy's shapes:
 * x (N,) or (N, K); residuals the squared 2-norms of the columns of
 * `b - a @ x`, shape (K,) ((1,) for a 1-d b), but empty (0,) unless
 * rank == N < M; rank a number; s the singular values of a.
 *
 * Dtypes are NumPy's `_commonType(a, b)`. The SVD is native/linalg_decomp.h's
 * Golub–Kahan (gelsd bidiagonalizes too, then divides and conquers): x agrees with NumPy's to about
 * cond(a) · eps. The residuals are the norms of b's part outside a's range
 * (the last M - N columns of U applied to b), not `|b - a @ x|²`, which loses
 * digits to cancellation.
 * @module
 */
import type { NdArray } from './ndarray';
import { LinAlgError, repr } from './errors';
import { readKnownOptions } from './options';
import { empty, zeros } from './create';
import { C128, F64, commonType, floatsOf, linalgOperand, toResult, workCopy } from './linalg-solve';
import { realDType } from './linalg-eigh';
import { linalgSvd } from './native';

/** Options of {@link lstsq}: NumPy's `rcond`. */
export interface LstsqOptions {
  /** Singular values ≤ rcond · largest are zero (default null: eps · max(M, N); negative: 2^-53). */
  rcond?: number | null;
}

/** The result of {@link lstsq}: NumPy's tuple `(x, residuals, rank, s)`. */
export interface LstsqResult {
  /** The least-squares (minimum-norm) solution, (N,) or (N, K). */
  x: NdArray;
  /** Squared residual norms per column of b, (K,), or empty when rank < N or M ≤ N. */
  residuals: NdArray;
  /** The effective rank of a. */
  rank: number;
  /** The singular values of a, descending, (min(M, N),). */
  s: NdArray;
}

const EPS = 2 ** -52;

/**
 * NumPy's `linalg.lstsq(a, b, rcond=None)`.
 *
 * @example
 * const { x } = linalg.lstsq(asarray([[0, 1], [1, 1], [2, 1], [3, 1]]), asarray([-1, 0.2, 0.9, 2.1]));
 * x.toArray(); // [1, -0.95] (to rounding): the line y = x - 0.95
 * @throws LinAlgError for a or b not 2-d (b 1-d is allowed), `Incompatible dimensions` when their rows
 *   differ, "SVD did not converge in Linear Least Squares" (NaN/inf).
 */
export function lstsq(a: unknown, b: unknown, options: LstsqOptions = {}): LstsqResult {
  const o = readKnownOptions(options, ['rcond'], 'lstsq');
  const rcondIn = o.rcond ?? null;
  if (rcondIn !== null && typeof rcondIn !== 'number') throw new TypeError(`lstsq(): rcond must be a number or null, got ${repr(rcondIn)}`);
  const A = linalgOperand(a, 'lstsq', 'a');
  const B0 = linalgOperand(b, 'lstsq', 'b');
  const is1d = B0.ndim === 1;
  const B = is1d ? B0.reshape([B0.shape[0], 1]) : B0;
  for (const arr of [A, B]) {
    if (arr.ndim !== 2) throw new LinAlgError(`${arr.ndim}-dimensional array given. Array must be two-dimensional`);
  }
  const [m, n] = A.shape;
  const [m2, nrhs] = B.shape;
  if (m !== m2) throw new LinAlgError('Incompatible dimensions');
  const types = commonType('lstsq', A, B);
  const realT = realDType(types.result);
  const rcond = rcondIn ?? EPS * Math.max(n, m);
  const k = Math.min(m, n);
  const step = types.complex ? 2 : 1;
  // The SVD with full U (its last M - N columns give the residuals) and full Vh.
  const { data } = workCopy(A, A.shape, types.compute);
  const sv = new Float64Array(k);
  const U = new Float64Array(m * m * step);
  const Vh = new Float64Array(n * n * step);
  const info = new Int32Array(1);
  linalgSvd(types.complex ? C128 : F64, data, sv, U, Vh, info, m, n, true, true, 1);
  if (info[0] !== 0) throw new LinAlgError('SVD did not converge in Linear Least Squares');
  // gelsd: a negative rcond means LAPACK's machine precision dlamch('E') = 2^-53.
  const thr = (rcond < 0 ? EPS / 2 : rcond) * (k > 0 ? sv[0] : 0);
  let rank = 0;
  while (rank < k && sv[rank] > thr) rank++;
  const { data: bd } = workCopy(B, B.shape, types.compute);
  // c = Uᴴ b (M × K), x = V[:, :rank] · diag(1/s) · c[:rank].
  const c = new Float64Array(m * nrhs * step);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < nrhs; j++) {
      let re = 0;
      let im = 0;
      for (let r = 0; r < m; r++) {
        const u = (r * m + i) * step;
        const v = (r * nrhs + j) * step;
        if (step === 1) re += U[u] * bd[v];
        else {
          re += U[u] * bd[v] + U[u + 1] * bd[v + 1];
          im += U[u] * bd[v + 1] - U[u + 1] * bd[v];
        }
      }
      c[(i * nrhs + j) * step] = re;
      if (step === 2) c[(i * nrhs + j) * step + 1] = im;
    }
  }
  const x = zeros([n, nrhs], types.compute);
  const xd = floatsOf(x);
  if (m > 0) {
    for (let p = 0; p < n; p++) {
      for (let j = 0; j < nrhs; j++) {
        let re = 0;
        let im = 0;
        for (let i = 0; i < rank; i++) {
          const vv = (i * n + p) * step;
          const cc = (i * nrhs + j) * step;
          if (step === 1) re += (Vh[vv] * c[cc]) / sv[i];
          else {
            // conj(Vh[i, p]) · c[i, j] / s[i]
            re += (Vh[vv] * c[cc] + Vh[vv + 1] * c[cc + 1]) / sv[i];
            im += (Vh[vv] * c[cc + 1] - Vh[vv + 1] * c[cc]) / sv[i];
          }
        }
        xd[(p * nrhs + j) * step] = re;
        if (step === 2) xd[(p * nrhs + j) * step + 1] = im;
      }
    }
  }
  let residuals: NdArray;
  if (rank === n && m > n) {
    residuals = empty([nrhs], 'f8');
    const rd = floatsOf(residuals);
    for (let j = 0; j < nrhs; j++) {
      let acc = 0;
      for (let i = n; i < m; i++) {
        for (let q = 0; q < step; q++) acc += c[(i * nrhs + j) * step + q] ** 2;
      }
      rd[j] = acc;
    }
    residuals = toResult(residuals, realT);
  } else residuals = empty([0], realT);
  const s = empty([k], 'f8');
  floatsOf(s).set(sv);
  const xr = toResult(is1d ? x.reshape([n]) : x, types.result);
  return { x: xr, residuals, rank, s: toResult(s, realT) };
}
