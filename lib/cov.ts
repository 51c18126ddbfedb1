/**
 * NumPy's `cov(m, y, rowvar, bias, ddof, fweights, aweights, dtype)` and
 * `corrcoef(x, y, rowvar, dtype)`, as `_function_base_impl` computes them:
 * the rows of `m` (and `y`) as variables in `dtype` (default
 * `result_type(m, y, float64)`), the (weighted) mean of each row subtracted
 * (NumPy's `average`, so its summation order), then `dot(X, (X * w).T.conj())`
 * scaled by `1 / fact` with NumPy's normalisation (`n - ddof`, the weight
 * sum, or the aweights formula). `corrcoef` divides by the standard
 * deviations (rows, then columns) and clips the real (and imaginary) parts
 * to [-1, 1].
 *
 * The product is the native matmul in float64 (complex128), each sum in
 * sample order. NumPy's `dot` goes to BLAS, whose summation order
 * depends on the BLAS build and the CPU: values agree to rounding, not to
 * the last bit, except where the sums are exact (integer-valued data). A
 * float32 `dtype` is rounded once at the end instead of per BLAS step.
 * @module
 */
import type { NdArray } from './ndarray';
import { asarray } from './array-coerce';
import { dtype as toDType, type DTypeLike } from './dtype';
import { ValueError, repr } from './errors';
import { allocate, isArray, requireOpen } from './internal';
import { positionalOptions, readKnownOptions } from './options';
import { resultType } from './promote';
import { average } from './average';
import { concatenate } from './join';
import { all, any, sum } from './reduce-axis';
import { conjugate, divide, multiply, subtract } from './ufuncs/arith';
import { matmul } from './linalg';
import { equal, less } from './ufuncs/compare';
import { around } from './ufuncs/rounding';
import { sqrt } from './ufuncs/math';
import { clip } from './ufuncs/clip';

/** Options of {@link cov}, as NumPy's keywords. */
export interface CovOptions {
  /** More variables, stacked below `m`'s (same layout as `m`). */
  y?: NdArray | readonly unknown[] | null;
  /** Rows are variables and columns observations (default true); false: the transpose. */
  rowvar?: boolean;
  /** Normalise by N (true) instead of N - 1 (default false); `ddof` overrides it. */
  bias?: boolean;
  /** Delta degrees of freedom (an integer); default 1, or 0 with `bias`. */
  ddof?: number | null;
  /** Integer frequency weights, one per observation. */
  fweights?: NdArray | readonly number[] | null;
  /** Observation ("importance") weights, one per observation. */
  aweights?: NdArray | readonly number[] | null;
  /** The dtype of the computation and result (default `result_type(m, y, float64)`). */
  dtype?: DTypeLike | null;
}

/** Options of {@link corrcoef}, as NumPy's keywords. */
export type CorrcoefOptions = Pick<CovOptions, 'y' | 'rowvar' | 'dtype'>;

function toArray(v: NdArray | readonly unknown[], what: string): NdArray {
  if (isArray(v)) {
    requireOpen(v);
    return v;
  }
  if (!Array.isArray(v) && typeof v !== 'number' && typeof v !== 'bigint' && typeof v !== 'boolean') throw new TypeError(`cov() ${what} must be an array or a list, got ${repr(v)}`);
  return asarray(v);
}

/** NumPy's `array(m, ndmin=2, dtype=dtype)`: leading length-1 axes added. */
function ndmin2(a: NdArray): NdArray {
  return a.ndim === 0 ? a.reshape(1, 1) : a.ndim === 1 ? a.reshape(1, a.shape[0]) : a;
}

/**
 * `dot(X, Y.T.conj())` for k×n X and Y in float64 (complex128), through the
 * native matmul (native/gemm.cc): c[i][j] = Σ_t X[i,t]·conj(Y[j,t]), each
 * sum in sample order; then cast to `dt`.
 */
function gram(X: NdArray, Y: NdArray, dt: ReturnType<typeof toDType>): NdArray {
  const wide = toDType(dt.kind === 'c' ? '<c16' : '<f8');
  const Yc = dt.kind === 'c' ? conjugate(Y) : Y;
  const out = matmul(X, Yc.T, { dtype: wide });
  return out.dtype.equals(dt) ? out : out.astype(dt);
}

function checkWeights(w: NdArray | readonly number[], what: 'fweights' | 'aweights', nobs: number): NdArray {
  const a = asarray(w, '<f8');
  if (what === 'fweights' && !(all(equal(a, around(a))).get() as boolean)) throw new TypeError('fweights must be integer');
  // NumPy raises RuntimeError for these two; the library has no such class, so ValueError (same words).
  if (a.ndim > 1) throw new ValueError(`cannot handle multidimensional ${what}`);
  if (a.ndim === 0 || a.shape[0] !== nobs) throw new ValueError(`incompatible numbers of samples and ${what}`);
  if (any(less(a, 0)).get() as boolean) throw new ValueError(`${what} cannot be negative`);
  return a;
}

/**
 * NumPy's `np.cov(m, y=None, rowvar=True, bias=False, ddof=None,
 * fweights=None, aweights=None, dtype=None)`: the covariance matrix of the
 * variables in the rows of `m` (columns with `rowvar: false`), squeezed (a
 * 0-d array for one variable). A `ddof` leaving no degrees of freedom gives
 * infinities and NaN, as NumPy's (whose warning is not raised here).
 *
 * @example
 * cov(asarray([[0, 1, 2], [2, 1, 0]])).toArray(); // [[1, -1], [-1, 1]]
 * @throws ValueError for more than 2 dimensions, a non-integer ddof, negative or mismatched weights; TypeError for non-integer fweights
 */
export function cov(
  m: NdArray | readonly unknown[],
  y?: NdArray | readonly unknown[] | CovOptions | null,
  rowvar?: boolean | CovOptions | null,
  bias?: boolean | CovOptions | null,
  ddof?: number | CovOptions | null,
  fweights?: NdArray | readonly number[] | CovOptions | null,
  aweights?: NdArray | readonly number[] | CovOptions | null,
  options?: CovOptions,
): NdArray;
export function cov(m: NdArray | readonly unknown[], options?: CovOptions): NdArray;
export function cov(m: NdArray | readonly unknown[], ...rest: unknown[]): NdArray {
  // NumPy's positional y, rowvar, bias, ddof, fweights, aweights (dtype is keyword-only), or the options.
  const o = readKnownOptions(positionalOptions<CovOptions>('cov', ['y', 'rowvar', 'bias', 'ddof', 'fweights', 'aweights'], rest), ['y', 'rowvar', 'bias', 'ddof', 'fweights', 'aweights', 'dtype'], 'cov');
  let ddof = o.ddof ?? null;
  if (ddof !== null && (typeof ddof !== 'number' || !Number.isInteger(ddof))) throw new ValueError('ddof must be integer');
  const ma = toArray(m, 'm');
  if (ma.ndim > 2) throw new ValueError('m has more than 2 dimensions');
  const ya = o.y === undefined || o.y === null ? null : toArray(o.y, 'y');
  if (ya !== null && ya.ndim > 2) throw new ValueError('y has more than 2 dimensions');
  const rowvar = o.rowvar ?? true;
  const dt = o.dtype === undefined || o.dtype === null ? (ya === null ? resultType(ma, toDType('<f8')) : resultType(ma, ya, toDType('<f8'))) : toDType(o.dtype);
  let X = ndmin2(ma).astype(dt);
  if (!rowvar && ma.ndim !== 1) X = X.transpose();
  if (X.shape[0] === 0) return allocate(toDType('<f8'), [0, 0]);
  if (ya !== null) {
    let Y = ndmin2(ya).astype(dt);
    if (!rowvar && Y.shape[0] !== 1) Y = Y.transpose();
    X = concatenate([X, Y], { axis: 0 });
  }
  if (ddof === null) ddof = o.bias ? 0 : 1;
  const nobs = X.shape[1];
  let w: NdArray | null = null;
  const fw = o.fweights === undefined || o.fweights === null ? null : checkWeights(o.fweights, 'fweights', nobs);
  const aw = o.aweights === undefined || o.aweights === null ? null : checkWeights(o.aweights, 'aweights', nobs);
  if (fw !== null) w = fw;
  if (aw !== null) w = w === null ? aw : multiply(w, aw);
  const [avg, wsums] = average(X, { axis: 1, weights: w, returned: true });
  // A complex X gives a complex weight sum (imaginary part 0, NumPy's w_sum[0]): its real part.
  const ws = wsums.index(0).get() as unknown;
  const wsum = typeof ws === 'object' && ws !== null && 're' in ws ? (ws as { re: number }).re : Number(ws);
  let fact: number;
  if (w === null) fact = nobs - ddof;
  else if (ddof === 0) fact = wsum;
  else if (aw === null) fact = wsum - ddof;
  else fact = wsum - (ddof * Number(sum(multiply(w, aw)).get())) / wsum;
  if (fact <= 0) fact = 0.0;
  X = subtract(X, avg.reshape(avg.shape[0], 1), { dtype: dt });
  const Xw = w === null ? X : multiply(X, w);
  // dot's result dtype: float64 weights lift a float32 X (NumPy's (X * w).T).
  const c = gram(X, Xw, resultType(X, Xw));
  // NumPy's c *= np.true_divide(1, fact): a float64 scalar (inf for fact 0).
  multiply(c, asarray(1 / fact, '<f8'), { out: c });
  return c.squeeze();
}

/**
 * NumPy's `np.corrcoef(x, y=None, rowvar=True, dtype=None)`: Pearson
 * correlation coefficients, `cov / outer(stddev, stddev)` clipped to [-1, 1]
 * (real and imaginary parts). One variable gives `c / c` (1, or NaN).
 *
 * @example
 * corrcoef(asarray([[0, 1, 2], [2, 1, 0]])).toArray(); // [[1, -1], [-1, 1]]
 */
export function corrcoef(x: NdArray | readonly unknown[], y?: NdArray | readonly unknown[] | CorrcoefOptions | null, rowvar?: boolean | CorrcoefOptions | null, options?: CorrcoefOptions): NdArray;
export function corrcoef(x: NdArray | readonly unknown[], options?: CorrcoefOptions): NdArray;
export function corrcoef(x: NdArray | readonly unknown[], ...rest: unknown[]): NdArray {
  // NumPy's positional y and rowvar (dtype is keyword-only), or the options.
  const o = readKnownOptions(positionalOptions<CorrcoefOptions>('corrcoef', ['y', 'rowvar'], rest), ['y', 'rowvar', 'dtype'], 'corrcoef');
  const c = cov(x, { y: o.y, rowvar: o.rowvar, dtype: o.dtype });
  if (c.ndim !== 2) {
    if (c.ndim === 0) return divide(c, c);
    throw new ValueError('Input must be 1- or 2-d.');
  }
  const n = Math.min(c.shape[0], c.shape[1]);
  const d = c.reshape(-1).index(`::${c.shape[1] + 1}`).index(`:${n}`);
  const stddev = sqrt(d.real);
  divide(c, stddev.reshape(n, 1), { out: c });
  divide(c, stddev.reshape(1, n), { out: c });
  clip(c.real, -1, 1, { out: c.real });
  if (c.dtype.kind === 'c') clip(c.imag, -1, 1, { out: c.imag });
  return c;
}
