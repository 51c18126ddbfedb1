/**
 * NumPy's legacy polynomial functions over coefficient arrays, highest
 * power first (`numpy/lib/_polynomial_impl.py`): `polyval`, `polyadd`,
 * `polysub`, `polymul`, `polydiv`, `polyder`, `polyint` and `poly` (from a
 * 1-d list of roots). Each is NumPy's code step for step over the library's
 * ufuncs, so dtypes follow NumPy 2's promotion (a coefficient read out of
 * an array is a strong 0-d value, as NumPy's scalar is; a JS number is weak,
 * as a Python one):
 *
 * - `polyval(p, x)`: Horner's scheme from `zeros_like(x)`: `y = y * x + p[i]`;
 * - `polyadd`/`polysub`: the shorter padded with zeros in front (its dtype);
 * - `polymul`: `convolve` of the two `poly1d` coefficient arrays (leading
 *   zeros trimmed, `[0]` when nothing is left);
 * - `polyder(p, m)`: `p[:-1] * arange(n, 0, -1)`, `m` times;
 * - `polyint(p, m, k)`: `p / arange(len(p), 0, -1)` then the constant
 *   `k[i]` appended, `m` times (float64 constants, zeros by default);
 * - `polydiv(u, v)`: long division in `u[0] + v[0]`'s dtype (after `+ 0.0`),
 *   leading remainder terms within `rtol = 1e-14` of 0 dropped;
 * - `poly(roots)`: `convolve` by `[1, -root]` in turn, in NumPy's
 *   `mintypecode` dtype (float64, float32, complex64 or complex128), made
 *   real when the roots come in conjugate pairs.
 *
 * `polyfit` (least squares) is lib/polyfit.ts, `roots` lib/roots.ts. Not
 * here: `poly` of a square matrix (its eigenvalues), and the `poly1d` class.
 * @module
 */
import { asarray } from './array-coerce';
import { convolve } from './convolve';
import { arange, ones, zeros, zerosLike } from './create';
import { dtype as toDType, type DType } from './dtype';
import { ValueError, repr } from './errors';
import { NdArray as ArrayClass, requireOpen } from './internal';
import { allclose } from './isclose';
import { eigvals } from './linalg-eigvals';
import { concatenate } from './join';
import { trimZeros } from './trim-zeros';
import type { NdArray } from './ndarray';
import { all } from './reduce-axis';
import { sort } from './sort';
import { add, conjugate, divide, multiply, negative, subtract } from './ufuncs/arith';
import { equal } from './ufuncs/compare';

/** Coefficients (or roots, or points): an NdArray, nested JS lists or a scalar. */
export type PolyInput = NdArray | readonly unknown[] | number | bigint | boolean | { re: number; im: number };

function arrayOf(v: unknown): NdArray {
  if (v instanceof ArrayClass) {
    requireOpen(v);
    return v;
  }
  return asarray(v as never);
}

/** NumPy's atleast_1d. */
function atLeast1d(v: unknown): NdArray {
  const a = arrayOf(v);
  return a.ndim === 0 ? a.reshape(1) : a;
}

function orderArg(m: unknown, fn: string): number {
  if (typeof m !== 'number' || !Number.isSafeInteger(m)) throw new TypeError(`${fn}(): m must be an integer, got ${repr(m)}`);
  return m;
}

/**
 * NumPy's `np.polyval(p, x)`: the polynomial with coefficients `p` (highest
 * power first) at `x`, by Horner's scheme; the result has `x`'s shape (and
 * `p`'s trailing shape for a 2-d `p`).
 *
 * @example
 * polyval([3, 0, 1], 5).get(); // 76n (a 0-d int64 array)
 * polyval([3, 0, 1], [1, 2]).toArray(); // [4n, 13n]
 * @throws TypeError for a 0-d `p` (NumPy: iteration over a 0-d array)
 */
export function polyval(p: PolyInput, x: PolyInput): NdArray {
  const pa = arrayOf(p);
  if (pa.ndim === 0) throw new TypeError('iteration over a 0-d array (polyval(): p must have at least one dimension)');
  const xa = arrayOf(x);
  let y: NdArray = zerosLike(xa);
  for (let i = 0; i < pa.shape[0]; i++) y = add(multiply(y, xa), pa.index(i));
  return y;
}

function padFront(a: NdArray, n: number): NdArray {
  return concatenate([zeros([n], a.dtype), a]);
}

function addOrSub(a1: PolyInput, a2: PolyInput, op: typeof add): NdArray {
  const a = atLeast1d(a1);
  const b = atLeast1d(a2);
  const diff = b.shape[0] - a.shape[0];
  if (diff === 0) return op(a, b);
  if (diff > 0) return op(padFront(a, diff), b);
  return op(a, padFront(b, -diff));
}

/**
 * NumPy's `np.polyadd(a1, a2)`: the sum of two polynomials (highest power
 * first), the shorter padded with leading zeros.
 *
 * @example
 * polyadd([1, 2], [9, 5, 4]).toArray(); // [9n, 6n, 6n]
 */
export function polyadd(a1: PolyInput, a2: PolyInput): NdArray {
  return addOrSub(a1, a2, add);
}

/**
 * NumPy's `np.polysub(a1, a2)`: `a1 - a2` as polynomials (highest power
 * first), the shorter padded with leading zeros.
 *
 * @example
 * polysub([2, 10, -2], [3, 10, -4]).toArray(); // [-1n, 0n, 2n]
 */
export function polysub(a1: PolyInput, a2: PolyInput): NdArray {
  return addOrSub(a1, a2, subtract);
}

/**
 * NumPy's `np.polymul(a1, a2)`: the product of two polynomials,
 * `convolve(a1, a2)` of their `poly1d` coefficients (leading zeros
 * trimmed; an all-zero or empty one is `[0]`).
 *
 * @example
 * polymul([1, 2, 3], [9, 5, 1]).toArray(); // [9n, 23n, 38n, 17n, 3n]
 * @throws ValueError for an input of more than one dimension (NumPy: Polynomial must be 1d only.)
 */
export function polymul(a1: PolyInput, a2: PolyInput): NdArray {
  return convolve(poly1dCoeffs(a1), poly1dCoeffs(a2));
}

/** NumPy's `poly1d(c).coeffs` (what polymul convolves): 1-d, leading zeros trimmed, `[0]` (same dtype) when none is left. */
function poly1dCoeffs(c: PolyInput): NdArray {
  const a = atLeast1d(c);
  if (a.ndim > 1) throw new ValueError('Polynomial must be 1d only.');
  const t = trimZeros(a, { trim: 'f' });
  return t.shape[0] === 0 ? zeros([1], a.dtype) : t;
}

/**
 * NumPy's `np.polyder(p, m=1)`: the `m`-th derivative of the polynomial
 * `p` (highest power first); `m = 0` returns `p` (as an array).
 *
 * @example
 * polyder([1, 1, 1, 1]).toArray(); // [3n, 2n, 1n]
 * @throws ValueError for a negative `m`; TypeError for a non-integer one
 */
export function polyder(p: PolyInput, m = 1): NdArray {
  m = orderArg(m, 'polyder');
  if (m < 0) throw new ValueError('Order of derivative must be positive (see polyint)');
  let val = arrayOf(p);
  // NumPy's recursion computes p[:-1] * arange(n, 0, -1) at every level, the
  // last (m = 0) too before returning p: its len() and broadcast errors are
  // raised there (polyder of a (4, 5, 1) array: (2,5,3) against (2,); fuzz
  // seed 9258747).
  for (let i = 0; ; i++) {
    if (val.ndim === 0) throw new TypeError('len() of unsized object (polyder(): p must have at least one dimension)');
    const n = val.shape[0] - 1;
    const next = multiply(val.index(':-1'), arange(n, 0, -1));
    if (i === m) return val;
    // Past the degree every derivative is the same empty array: stop there
    // (polyder(p, 2**53 - 1) looped 2^53 times; NumPy's recursion gives up at
    // its depth limit).
    if (n < 0 && next.dtype.equals(val.dtype) && next.shape.every((d, j) => d === val.shape[j])) return next;
    val = next;
  }
}

/**
 * NumPy's `np.polyint(p, m=1, k=None)`: the `m`-th antiderivative of `p`
 * (highest power first), integration constants `k` (a number used for
 * every step, or one per step, lowest order first; zeros by default).
 *
 * @example
 * polyint([1, 1, 1]).toArray(); // [0.3333333333333333, 0.5, 1, 0]
 * polyint([1, 1, 1], 2, [3, 7]).toArray(); // [1/12, 1/6, 0.5, 3, 7]
 * @throws ValueError for a negative `m` or fewer constants than `m`
 */
export function polyint(p: PolyInput, m = 1, k: PolyInput | null = null): NdArray {
  m = orderArg(m, 'polyint');
  if (m < 0) throw new ValueError('Order of integral must be positive (see polyder)');
  let ks = k === null || k === undefined ? zeros([m], 'f8') : atLeast1d(k);
  if (ks.shape[0] === 1 && m > 1) ks = multiply(ks.index(0), ones([m], 'f8'));
  if (ks.shape[0] < m) throw new ValueError('k must be a scalar or a rank-1 array of length 1 or >m.');
  let val = arrayOf(p);
  for (let i = 0; i < m; i++) {
    if (val.ndim === 0) throw new TypeError('len() of unsized object (polyint(): p must have at least one dimension)');
    // NumPy: concatenate((p / arange(len(p), 0, -1), [k[0]])), [k[0]] a one-item float64 (or k's dtype) list.
    val = concatenate([divide(val, arange(val.shape[0], 0, -1)), ks.index('0:1')]);
    ks = ks.index('1:');
  }
  return val;
}

/** NumPy's `a + 0.0` (a weak Python float: bool and ints become float64, floats and complex keep their dtype); a JS 0.0 is an integer here. */
function plusFloatZero(a: NdArray): NdArray {
  return 'biu'.includes(a.dtype.kind) ? a.astype('<f8') : add(a, 0);
}

/**
 * NumPy's `np.polydiv(u, v)`: `[quotient, remainder]` of the polynomial
 * division `u / v` (highest power first), in floats; the remainder's
 * leading terms within `1e-14` (relative) of 0 are dropped.
 *
 * @example
 * polydiv([3, 5, 2], [2, 1]).map((a) => a.toArray()); // [[1.5, 1.75], [0.25]]
 */
export function polydiv(u: PolyInput, v: PolyInput): [NdArray, NdArray] {
  const ua = plusFloatZero(atLeast1d(u));
  const va = plusFloatZero(atLeast1d(v));
  const w = add(ua.index(0), va.index(0));
  const m = ua.shape[0] - 1;
  const n = va.shape[0] - 1;
  const scale = divide(1.0, va.index(0));
  const q = zeros([Math.max(m - n + 1, 1)], w.dtype);
  let r = ua.astype(w.dtype);
  for (let k = 0; k < m - n + 1; k++) {
    const d = multiply(scale, r.index(k));
    // NumPy's q[k] = d of an array d (u of more than one dimension): a complex
    // q cannot take it as a scalar, a real one refuses a sequence (fuzz seed 9265270).
    if (d.ndim > 0) {
      if (q.dtype.kind === 'c') throw new TypeError('only 0-dimensional arrays can be converted to Python scalars');
      throw new ValueError('setting an array element with a sequence.');
    }
    q.index(k).set(d);
    const seg = r.index(`${k}:${k + n + 1}`);
    subtract(seg, multiply(d, va), { out: seg });
  }
  while (allclose(r.index(0), 0, { rtol: 1e-14 }) && r.shape[r.ndim - 1] > 1) r = r.index('1:');
  return [q, r];
}

/** NumPy's `mintypecode(dt.char)` for poly: float32/complex64/complex128 kept, everything else float64. */
function polyDType(dt: DType): DType {
  if (dt.kind === 'c') return toDType(dt.itemsize === 8 ? '<c8' : '<c16');
  if (dt.kind === 'f' && dt.itemsize === 4) return toDType('<f4');
  return toDType('<f8');
}

/**
 * NumPy's `np.poly(seq_of_zeros)` for a 1-d list of roots: the monic
 * polynomial's coefficients (highest power first); real when complex
 * roots come in conjugate pairs. A non-empty square matrix gives its
 * characteristic polynomial (the roots are its {@link eigvals}). No roots
 * give the number 1 (NumPy's Python `1.0`).
 *
 * @example
 * poly([1, 2]).toArray(); // [1, -3, 2]
 * poly([[1, 2], [3, 4]]).toArray(); // ≈ [1, -5, -2]
 * @throws ValueError for an input of more than one dimension that is not a non-empty square matrix
 */
export function poly(seqOfZeros: PolyInput): NdArray | number {
  // NumPy's poly dispatcher returns its argument, which must be iterable: a scalar is a TypeError there.
  if (seqOfZeros instanceof ArrayClass ? seqOfZeros.ndim === 0 : !Array.isArray(seqOfZeros)) throw new TypeError('dispatcher for __array_function__ did not return an iterable (poly(): seq_of_zeros must be a list or an array of at least one dimension)');
  let z = atLeast1d(seqOfZeros);
  const sh = z.shape;
  if (sh.length === 2 && sh[0] === sh[1] && sh[0] !== 0) {
    // A square matrix: its characteristic polynomial, from its eigenvalues (their dtype kept).
    z = eigvals(z);
  } else if (sh.length !== 1) {
    throw new ValueError('input must be 1d or non-empty square 2d array.');
  } else {
    z = z.astype(polyDType(z.dtype));
  }
  if (z.shape[0] === 0) return 1.0;
  const dt = z.dtype;
  let a: NdArray = ones([1], dt);
  for (let i = 0; i < z.shape[0]; i++) a = convolve(a, concatenate([ones([1], dt), negative(z.index('' + i + ':' + (i + 1)))]), 'full');
  if (a.dtype.kind === 'c') {
    const roots = z.astype('<c16');
    if (all(equal(sort(roots), sort(conjugate(roots)))).get() === true) a = a.real.copy();
  }
  return a;
}
