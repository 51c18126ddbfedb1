/**
 * NumPy's `linalg.qr(a, mode)`: the QR factorization of each matrix of a
 * stack `(..., M, N)`, by Householder reflections as LAPACK's dgeqrf/zgeqrf
 * and dorgqr/zungqr (native/linalg_decomp.h): each reflector is dlarfg's
 * (beta = -sign(Re alpha)·norm), so R's diagonal has NumPy's signs and Q and R
 * agree with NumPy's to rounding. The dtype rules are linalg-solve's
 * (NumPy's `_commonType`): integer/bool input computes in float64, float32 and
 * complex64 in double, rounded at the end; float16 is a TypeError.
 *
 * Modes (numpy/linalg/_linalg.py `qr`), K = min(M, N):
 *
 * | mode | result |
 * | --- | --- |
 * | `'reduced'` (default) | `{ Q: (..., M, K), R: (..., K, N) }` |
 * | `'complete'` | `{ Q: (..., M, M), R: (..., M, N) }` |
 * | `'r'` | R alone, (..., K, N) |
 * | `'raw'` | `{ h: (..., N, M), tau: (..., K) }`: LAPACK's factored matrix (R above the diagonal, the reflectors below) transposed, and the reflectors' scales |
 *
 * NumPy's deprecated spellings 'full'/'f' and 'economic'/'e' are refused.
 * @module
 */
import type { NdArray } from './ndarray';
import { LinAlgError, ValueError, repr } from './errors';
import { optionsWithValue, readKnownOptions } from './options';
import { empty, emptyLike } from './create';
import { triu } from './diagonal';
import { C128, F64, commonType, floatsOf, inStackOrder, linalgOperand, product, toResult, workCopy } from './linalg-solve';
import { linalgGeqrf, linalgOrgqr } from './native';

/** NumPy's `_assert_stacked_2d`: at least two axes. */
export function assertStacked2d(a: NdArray): void {
  if (a.ndim < 2) throw new LinAlgError(`${a.ndim}-dimensional array given. Array must be at least two-dimensional`);
}

/** The modes of {@link qr}. */
export type QrMode = 'reduced' | 'complete' | 'r' | 'raw';
const QR_MODES: readonly string[] = ['reduced', 'complete', 'r', 'raw'];

/** Options of {@link qr}: NumPy's `mode`. */
export interface QrOptions {
  /** 'reduced' (default), 'complete', 'r' or 'raw' (see the module's table). */
  mode?: QrMode;
}

/** The result of {@link qr} in 'reduced' and 'complete' modes: NumPy's `QRResult(Q, R)`. */
export interface QRResult {
  /** The orthonormal (unitary) factor, (..., M, K) or (..., M, M). */
  Q: NdArray;
  /** The upper-triangular factor, (..., K, N) or (..., M, N). */
  R: NdArray;
}

/** The result of {@link qr} in 'raw' mode: NumPy's `(h, tau)`. */
export interface QrRawResult {
  /** LAPACK's factored matrix, transposed: (..., N, M). */
  h: NdArray;
  /** The reflectors' scale factors, (..., K). */
  tau: NdArray;
}

/**
 * NumPy's `linalg.qr(a, mode='reduced')`: `a = Q @ R` for each matrix of
 * `a` (..., M, N), Q with orthonormal columns and R upper triangular; the
 * modes as in the module's table.
 *
 * @example
 * const { Q, R } = linalg.qr(asarray([[3, 1], [4, 2]]));
 * R.toArray(); // [[-5, -2.2], [0, 0.4]] (to rounding), NumPy's signs
 * @throws LinAlgError for < 2-d input; ValueError `Unrecognized mode 'x'`; TypeError for float16.
 */
export function qr(a: unknown, options?: { mode?: 'reduced' | 'complete' }): QRResult;
export function qr(a: unknown, options: { mode: 'r' }): NdArray;
export function qr(a: unknown, options: { mode: 'raw' }): QrRawResult;
export function qr(a: unknown, mode: 'reduced' | 'complete'): QRResult;
export function qr(a: unknown, mode: 'r'): NdArray;
export function qr(a: unknown, mode: 'raw'): QrRawResult;
export function qr(a: unknown, options?: QrOptions | QrOptions['mode']): QRResult | QrRawResult | NdArray;
export function qr(a: unknown, options?: QrOptions | QrOptions['mode']): QRResult | QrRawResult | NdArray {
  // NumPy's positional mode (np.linalg.qr(a, 'r')), or the options.
  const o = readKnownOptions(optionsWithValue<QrOptions>('qr', 'mode', options, undefined), ['mode'], 'qr');
  const mode = o.mode ?? 'reduced';
  if (typeof mode !== 'string') throw new TypeError(`qr(): mode must be a string, got ${repr(mode)}`);
  if (!QR_MODES.includes(mode)) {
    if (['full', 'f', 'economic', 'e'].includes(mode)) {
      throw new ValueError(`qr(): mode '${mode}' (deprecated in NumPy since 1.8) is not supported: use 'reduced', 'complete', 'r' or 'raw'`);
    }
    throw new ValueError(`Unrecognized mode '${mode}'`);
  }
  let x = linalgOperand(a, 'qr', 'a');
  assertStacked2d(x);
  // NumPy's qr casts before its gufunc (a.astype(t, copy=True), t float64 for records): a
  // one-field record passes as its field, more fields are astype's TypeError.
  if (x.dtype.kind === 'V') x = x.astype('f8');
  const types = commonType('qr_r_raw', x);
  const stack = x.shape.slice(0, -2);
  const count = product(stack);
  const m = x.shape[x.ndim - 2];
  const n = x.shape[x.ndim - 1];
  const k = Math.min(m, n);
  const type = types.complex ? C128 : F64;
  const { arr, data } = workCopy(x, x.shape, types.compute);
  const tau = empty([...stack, k], types.compute);
  const tauData = floatsOf(tau);
  linalgGeqrf(type, data, tauData, m, n, count);
  // NumPy factors its astype copy of a in place (memory order 'K': a transposed input is
  // F-ordered), and h (its transpose) and R (triu of its rows, by where) keep that layout.
  const factored = kOrdered(x, arr);
  // The gufunc's outputs (tau, Q) follow nditer's K order of its input, that copy, not of
  // `a`: a broadcast stack axis is innermost there (fuzz seeds 10546987 10656263).
  if (mode === 'raw') return { h: toResult(factored.swapaxes(-1, -2), types.result), tau: inStackOrder(factored, toResult(tau, types.result)) };
  const qc = mode === 'complete' && m > n ? m : k;
  const R = factored.flags.cContiguous ? upperRows(arr, data, stack, m, n, mode === 'r' ? k : qc, types.complex) : triu(factored.index(`..., :${mode === 'r' ? k : qc}, :`));
  if (mode === 'r') return toResult(R, types.result);
  const Q = empty([...stack, m, qc], types.compute);
  linalgOrgqr(type, data, tauData, floatsOf(Q), m, n, qc, count);
  // Q is the gufunc's output (its stack in nditer's K order of the copy's).
  return { Q: inStackOrder(factored, toResult(Q, types.result)), R: toResult(R, types.result) };
}

/** The C-ordered factored stack `arr` in the memory order NumPy's `a.astype(t, copy=True)` gives x ('K'). */
function kOrdered(x: NdArray, arr: NdArray): NdArray {
  const k = emptyLike(x, { dtype: arr.dtype, order: 'K' });
  if (k.flags.cContiguous) return arr;
  k.set(arr);
  return k;
}

/** NumPy's `triu(a[..., :rows, :])` of the C-ordered factored stack (its float64 items `data`). */
function upperRows(arr: NdArray, data: Float64Array, stack: number[], m: number, n: number, rows: number, complex: boolean): NdArray {
  const R = empty([...stack, rows, n], arr.dtype);
  const out = floatsOf(R);
  const step = complex ? 2 : 1;
  const count = product(stack);
  for (let t = 0; t < count; t++) {
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < n; j++) {
        const dst = ((t * rows + i) * n + j) * step;
        const src = ((t * m + i) * n + j) * step;
        for (let p = 0; p < step; p++) out[dst + p] = j >= i ? data[src + p] : 0;
      }
    }
  }
  return R;
}
