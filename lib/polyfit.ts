/**
 * NumPy's legacy `np.polyfit(x, y, deg, rcond=None, full=False, w=None,
 * cov=False)` (numpy/lib/_polynomial_impl.py), step for step: the
 * Vandermonde matrix of x (highest power first), rows weighted by w, each
 * column scaled to unit 2-norm (NumPy's conditioning step), solved by
 * {@link lstsq} with `rcond` (default `len(x) · eps`), the coefficients
 * scaled back. `full` returns lstsq's diagnostics; `cov` the coefficients'
 * covariance (`inv(lhsᵀ lhs) / outer(scale, scale)`, times
 * `residuals / (len(x) - order)` unless `cov: 'unscaled'`).
 *
 * NumPy warns (RankWarning "Polyfit may be poorly conditioned") when the
 * scaled Vandermonde matrix is rank deficient; here, as for NumPy's other
 * warnings (README "Where JavaScript differs"), the result is the same and no
 * warning is raised: `full: true` gives the rank to check.
 * @module
 */
import type { NdArray } from './ndarray';
import { ValueError, repr } from './errors';
import { positionalOptions, readKnownOptions } from './options';
import { asarray } from './array-coerce';
import { full } from './create';
import { vander } from './vander';
import { dot, outer } from './linalg';
import { inv } from './linalg-solve';
import { lstsq } from './linalg-lstsq';
import { sum } from './reduce-axis';
import { add, divide, multiply } from './ufuncs/arith';
import { sqrt } from './ufuncs/math';
import { expandDims } from './axis-views';
import type { PolyInput } from './polynomial';

/** Options of {@link polyfit}: NumPy's `rcond`, `full`, `w` and `cov`. */
export interface PolyfitOptions {
  /** Relative cutoff for small singular values (default null: len(x) · eps of x's dtype). */
  rcond?: number | null;
  /** Return `{ coef, residuals, rank, singularValues, rcond }` (default false). */
  full?: boolean;
  /** Weights of the points (1-d, len(x)): NumPy applies w to the unsquared residuals. */
  w?: PolyInput | null;
  /** Also return the coefficients' covariance (true: scaled by the residuals; 'unscaled': not). Ignored with full. */
  cov?: boolean | 'unscaled';
}

/** {@link polyfit}'s result with `full: true`: NumPy's `(c, resids, rank, s, rcond)`. */
export interface PolyfitFull {
  /** The coefficients, highest power first: (deg + 1,) or (deg + 1, K). */
  coef: NdArray;
  /** lstsq's residuals: the sum of squared residuals (empty when rank deficient). */
  residuals: NdArray;
  /** The rank of the scaled Vandermonde matrix. */
  rank: number;
  /** Its singular values. */
  singularValues: NdArray;
  /** The rcond used. */
  rcond: number;
}

/** {@link polyfit}'s result with `cov`: NumPy's `(c, V)`. */
export interface PolyfitCov {
  /** The coefficients, highest power first. */
  coef: NdArray;
  /** Their covariance: (deg + 1, deg + 1), or (deg + 1, deg + 1, K) for a 2-d y. */
  cov: NdArray;
}

/**
 * NumPy's `asarray(v) + 0.0`: a new array, float64 for bool and integer
 * input, the same dtype for float and complex (-0 becomes +0, as there);
 * records, void and bytes have no add loop: the ufunc's TypeError (fuzz
 * seed 9220368).
 */
function plusZeroFloat(v: unknown): NdArray {
  const a = asarray(v as never);
  const k = a.dtype.kind;
  // A JS 0.0 is the integer 0 to the ufuncs: the float64 zero spells NumPy's loop search (and its message).
  if (a.dtype.isStructured || !'biufc'.includes(k)) return add(a, full([], 0, '<f8'));
  const b = a.astype(k === 'f' || k === 'c' ? a.dtype.newbyteorder('=') : '<f8');
  return add(b, 0, { out: b });
}

/** Machine epsilon of x's dtype (float32 / complex64: float32's). */
function epsOf(x: NdArray): number {
  const real = x.dtype.kind === 'c' ? x.dtype.itemsize / 2 : x.dtype.itemsize;
  return real === 4 ? 2 ** -23 : real === 2 ? 2 ** -10 : 2 ** -52;
}

/**
 * NumPy's `np.polyfit(x, y, deg, rcond=None, full=False, w=None, cov=False)`:
 * the least-squares polynomial of degree `deg` through the points (x, y), its
 * coefficients highest power first (for a 2-d y, one column per column of y).
 *
 * @example
 * polyfit([0, 1, 2, 3], [1, 3, 5, 7], 1).toArray(); // [2, 1] (to rounding): y = 2x + 1
 * @throws ValueError `expected deg >= 0`; TypeError `expected 1D vector for x`, `expected non-empty
 *   vector for x`, `expected 1D or 2D array for y`, `expected x and y to have same length`, and the
 *   weights' `expected a 1-d array for weights`, `expected w and y to have the same length`.
 */
export function polyfit(x: PolyInput, y: PolyInput, deg: number, rcond: number | null | undefined, full: true, w?: PolyfitOptions['w'] | null, cov?: PolyfitOptions['cov'] | null): PolyfitFull;
export function polyfit(x: PolyInput, y: PolyInput, deg: number, rcond?: number | null, full?: false | null, w?: PolyfitOptions['w'] | null, cov?: false | null): NdArray;
export function polyfit(x: PolyInput, y: PolyInput, deg: number, rcond: number | null | undefined, full: false | null | undefined, w: PolyfitOptions['w'] | null | undefined, cov: true | 'unscaled'): PolyfitCov;
export function polyfit(x: PolyInput, y: PolyInput, deg: number, options?: PolyfitOptions & { full?: false; cov?: false }): NdArray;
export function polyfit(x: PolyInput, y: PolyInput, deg: number, options: PolyfitOptions & { full: true }): PolyfitFull;
export function polyfit(x: PolyInput, y: PolyInput, deg: number, options: PolyfitOptions & { full?: false; cov: true | 'unscaled' }): PolyfitCov;
export function polyfit(x: PolyInput, y: PolyInput, deg: number, options?: PolyfitOptions): NdArray | PolyfitFull | PolyfitCov;
export function polyfit(x: PolyInput, y: PolyInput, deg: number, ...rest: unknown[]): NdArray | PolyfitFull | PolyfitCov {
  // NumPy's positional rcond, full, w and cov, or the options.
  const o = readKnownOptions(positionalOptions<PolyfitOptions>('polyfit', ['rcond', 'full', 'w', 'cov'], rest), ['rcond', 'full', 'w', 'cov'], 'polyfit');
  if (typeof deg !== 'number' || !Number.isSafeInteger(deg)) throw new TypeError(`polyfit(): deg must be an integer, got ${repr(deg)}`);
  const full = o.full ?? false;
  const cov = o.cov ?? false;
  if (typeof full !== 'boolean') throw new TypeError(`polyfit(): full must be a boolean, got ${repr(full)}`);
  if (typeof cov !== 'boolean' && cov !== 'unscaled') throw new TypeError(`polyfit(): cov must be a boolean or 'unscaled', got ${repr(cov)}`);
  const order = deg + 1;
  const xa = plusZeroFloat(x);
  let rhs = plusZeroFloat(y);
  if (deg < 0) throw new ValueError('expected deg >= 0');
  if (xa.ndim !== 1) throw new TypeError('expected 1D vector for x');
  if (xa.size === 0) throw new TypeError('expected non-empty vector for x');
  if (rhs.ndim < 1 || rhs.ndim > 2) throw new TypeError('expected 1D or 2D array for y');
  if (xa.shape[0] !== rhs.shape[0]) throw new TypeError('expected x and y to have same length');
  const rcondIn = o.rcond ?? null;
  if (rcondIn !== null && typeof rcondIn !== 'number') throw new TypeError(`polyfit(): rcond must be a number or null, got ${repr(rcondIn)}`);
  const rcond = rcondIn ?? xa.shape[0] * epsOf(xa);
  let lhs = vander(xa, order);
  const wIn = o.w ?? null;
  if (wIn !== null) {
    const w = plusZeroFloat(wIn);
    if (w.ndim !== 1) throw new TypeError('expected a 1-d array for weights');
    if (w.shape[0] !== rhs.shape[0]) throw new TypeError('expected w and y to have the same length');
    const wc = expandDims(w, 1);
    lhs = multiply(lhs, wc, { out: lhs });
    rhs = rhs.ndim === 2 ? multiply(rhs, wc, { out: rhs }) : multiply(rhs, w, { out: rhs });
  }
  const scale = sqrt(sum(multiply(lhs, lhs), 0));
  lhs = divide(lhs, scale, { out: lhs });
  const r = lstsq(lhs, rhs, { rcond });
  const c = divide(r.x.T, scale).T;
  if (full) return { coef: c, residuals: r.residuals, rank: r.rank, singularValues: r.s, rcond };
  if (cov === false) return c;
  const vbase = inv(dot(lhs.T, lhs));
  divide(vbase, outer(scale, scale), { out: vbase });
  let fac: NdArray | number;
  if (cov === 'unscaled') fac = 1;
  else {
    if (xa.shape[0] <= order) throw new ValueError('the number of data points must exceed order to scale the covariance matrix');
    fac = divide(r.residuals, xa.shape[0] - order);
  }
  return { coef: c, cov: rhs.ndim === 1 ? multiply(vbase, fac) : multiply(expandDims(vbase, 2), fac) };
}
