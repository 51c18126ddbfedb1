/**
 * NumPy's `np.linalg` factorizations of square matrices: `det`, `slogdet`,
 * `inv`, `solve` and `cholesky`, each over a stack `(..., M, M)`.
 *
 * As NumPy 2's (numpy/linalg/_linalg.py, `_commonType`): integer and bool
 * input computes in float64; float32 and complex64 input also computes in
 * float64/complex128 and the result is rounded to float32/complex64 (NumPy's
 * "lite" rule); float16 and non-numbers are a TypeError. Each operand is
 * copied once to a C-contiguous float64 (complex128) stack, so any strides,
 * byte order or a read-only mapping are read, never written; the native
 * kernels (native/linalg_kernels.h) factor it in place: LU with LAPACK's
 * partial-pivoting rule, triangular solves, Cholesky; float64 LU and solves
 * of order 96 and more blocked (LAPACK's recursive dgetrf2, the updates
 * through the packed GEMM, on up to the GEMM's threads), the rest unblocked. The sums run in another
 * order than OpenBLAS's, so the last bits may differ from NumPy's (the tests
 * state their tolerance); they are the same on every run and thread count.
 *
 * Errors are NumPy's: {@link LinAlgError} "Singular matrix" (solve, inv),
 * "Matrix is not positive definite" (cholesky), "Last 2 dimensions of the
 * array must be square", "1-dimensional array given. Array must be at least
 * two-dimensional". A singular matrix's det is 0 and its slogdet (0, -inf).
 * @module
 */
import { inspect } from 'util';
import { dtype as toDType, type DType } from './dtype';
import type { NdArray } from './ndarray';
import { LinAlgError, ValueError, repr } from './errors';
import { requireOpen } from './internal';
import { readKnownOptions } from './options';
import { empty, broadcastTo } from './create';
import { asAnyArray } from './stack-helpers';
import { isNumeric } from './promote';
import { UFuncTypeError } from './ufunc';
import { broadcastShapes, iterOutputOrder } from './broadcast';
import { allocateOrdered } from './compute-values';
import { tupleNoSpace } from './format';
import { typedArray } from './typed';
import { conjugate } from './ufuncs/arith';
import { linalgGetrf, linalgGetrs, linalgPotrf, linalgSlogdet } from './native';

/** The kernels' type codes (native/linalg_kernels.cc, native/linalg_decomp.cc). */
export const F64 = 0;
export const C128 = 1;

/** `x` as an open array (NumPy's asarray). */
export function linalgOperand(x: unknown, fn: string, name: string): NdArray {
  if (x === undefined) throw new TypeError(`${fn}(): ${name} is required`);
  const a = asAnyArray(x);
  requireOpen(a);
  return a;
}

/** NumPy's `_assert_stacked_square`: at least 2-d, the last two axes equal. */
export function assertStackedSquare(a: NdArray): number {
  if (a.ndim < 2) throw new LinAlgError(`${a.ndim}-dimensional array given. Array must be at least two-dimensional`);
  const n = a.shape[a.ndim - 1];
  if (a.shape[a.ndim - 2] !== n) throw new LinAlgError('Last 2 dimensions of the array must be square');
  return n;
}

/** The compute and result dtypes of NumPy's `_commonType` (compute: always float64 or complex128). */
export interface LinalgTypes {
  complex: boolean;
  compute: DType;
  result: DType;
}

/**
 * NumPy's `_commonType(*arrays)` (its float16 TypeError), then the gufunc's
 * cast of a non-number input (NumPy's UFuncTypeError, naming the ufunc `fn`).
 */
export function commonType(fn: string, ...arrays: NdArray[]): LinalgTypes {
  let single = true;
  let complex = false;
  for (const a of arrays) {
    const dt = a.dtype;
    if (dt.kind === 'f' || dt.kind === 'c') {
      if (dt.kind === 'c') complex = true;
      const real = dt.kind === 'c' ? dt.itemsize / 2 : dt.itemsize;
      if (real === 8) single = false;
      else if (real !== 4) throw new TypeError(`array type ${dt.name} is unsupported in linalg`);
    } else single = false;
  }
  const compute = toDType(complex ? 'c16' : 'f8');
  arrays.forEach((a, i) => {
    if (isNumeric(a.dtype)) return;
    const which = arrays.length > 1 ? `input ${i}` : 'input';
    throw new UFuncTypeError(`Cannot cast ufunc '${fn}' ${which} from ${inspect(a.dtype)} to ${inspect(compute)} with casting rule 'same_kind'`);
  });
  const result = toDType(complex ? (single ? 'c8' : 'c16') : single ? 'f4' : 'f8');
  return { complex, compute, result };
}

/** A new C-contiguous native-order copy of `x` (broadcast to `shape`) in `dt`, and its float64 items. */
export function workCopy(x: NdArray, shape: readonly number[], dt: DType): { arr: NdArray; data: Float64Array } {
  const arr = empty(shape, dt);
  arr.set(x.shape.length === shape.length && x.shape.every((s, i) => s === shape[i]) ? x : broadcastTo(x, shape));
  return { arr, data: floatsOf(arr) };
}

export function floatsOf(arr: NdArray): Float64Array {
  if (arr.size === 0) return new Float64Array(0);
  return typedArray(arr.dtype.kind === 'c' ? arr.reshape([arr.size]).view('f8') : arr) as Float64Array;
}

export function product(shape: readonly number[]): number {
  return shape.reduce((x, y) => x * y, 1);
}

/** LU of every matrix of `data` (count n×n) in place: the pivots and LAPACK's info per matrix. */
function luFactor(type: number, data: Float64Array, n: number, count: number): { piv: Int32Array; info: Int32Array } {
  const piv = new Int32Array(count * n);
  const info = new Int32Array(count);
  linalgGetrf(type, data, piv, info, n, count);
  return { piv, info };
}

/** `r` (computed in float64/complex128) in the result dtype: itself when they agree. */
export function toResult(r: NdArray, dt: DType): NdArray {
  return r.dtype === dt || r.dtype.str === dt.str ? r : r.astype(dt);
}

/**
 * `r` (its first axes `x`'s stack, the rest the output's core, C order) laid
 * out as NumPy's gufunc allocates its output: the stack axes in nditer's 'K'
 * order of `x`'s stack strides (a stack of transposed batches keeps its
 * batch order), the core innermost in C order. `r` itself when that is C
 * order; otherwise a copy (one pass over the result).
 */
export function inStackOrder(x: NdArray, r: NdArray, coreIn = 2): NdArray {
  return inStackOrderOf([[x, coreIn]], r, x.ndim - coreIn);
}

/**
 * {@link inStackOrder} of a gufunc of several inputs: `r`'s first `nd` axes
 * are the broadcast stack of `ops` (each an input and its number of core
 * axes), laid out in nditer's 'K' order of all their stack strides (a
 * broadcast or length-1 axis orders nothing, as in NumPy).
 */
export function inStackOrderOf(ops: readonly (readonly [NdArray, number])[], r: NdArray, nd: number): NdArray {
  if (nd < 2 || r.size === 0) return r;
  const strides = ops.map(([a, coreIn]) => {
    const own = a.ndim - coreIn;
    return Array.from({ length: nd }, (_, i) => {
      const j = i - (nd - own);
      return j < 0 || a.shape[j] === 1 ? 0 : a.strides[j];
    });
  });
  const order = iterOutputOrder(nd, strides, [...Array(nd).keys()]);
  if (order.every((ax, i) => ax === i)) return r;
  const core = Array.from({ length: r.ndim - nd }, (_, k) => nd + k);
  const out = allocateOrdered(r.dtype, r.shape, [...order, ...core], true);
  out.set(r);
  return out;
}

/** The result of {@link slogdet}: NumPy's `SlogdetResult(sign, logabsdet)`. */
export interface SlogdetResult {
  /** The determinant's sign: ±1 (complex: a unit complex number), 0 when singular; the input's result dtype. */
  sign: NdArray;
  /** log |det| (-inf when singular), the real dtype of the result. */
  logabsdet: NdArray;
}

/** sign and log|det| of every matrix of `a`, in float64 (sign complex128 for complex input). */
function slogdetRaw(fn: string, a: NdArray): { types: LinalgTypes; sign: NdArray; logdet: NdArray; stack: number[] } {
  const n = assertStackedSquare(a);
  const types = commonType(fn, a);
  const stack = a.shape.slice(0, -2);
  const count = product(stack);
  const type = types.complex ? C128 : F64;
  const sign = empty(stack, types.compute);
  const logdet = empty(stack, 'f8');
  if (count === 0) return { types, sign, logdet, stack };
  const { data } = workCopy(a, a.shape, types.compute);
  const { piv, info } = luFactor(type, data, n, count);
  const s = floatsOf(sign);
  const l = floatsOf(logdet);
  linalgSlogdet(type, data, piv, s, l, n, count);
  // umath_linalg: a singular factorization (info > 0) gives sign 0 and log|det| -inf.
  const scale = types.complex ? 2 : 1;
  for (let t = 0; t < count; t++) {
    if (info[t] > 0) {
      s[t * scale] = 0;
      if (scale === 2) s[t * scale + 1] = 0;
      l[t] = -Infinity;
    }
  }
  return { types, sign, logdet, stack };
}

/**
 * NumPy's `linalg.slogdet(a)`: the sign and natural log of the absolute
 * determinant of each matrix of `a` (..., M, M), without the overflow of
 * `det` (the product of 500 diagonal items of 0.1 is 0; its log is not).
 *
 * @example
 * const { sign, logabsdet } = linalg.slogdet(asarray([[1, 2], [3, 4]])); // -1, log(2)
 * @throws LinAlgError for a non-square or < 2-d input; TypeError for float16 ("array type float16 is unsupported in linalg").
 */
export function slogdet(a: unknown): SlogdetResult {
  const x = linalgOperand(a, 'slogdet', 'a');
  const { types, sign, logdet } = slogdetRaw('slogdet', x);
  const real = toDType(types.result.kind === 'c' ? (types.result.itemsize === 8 ? 'f4' : 'f8') : types.result.str);
  return { sign: inStackOrder(x, toResult(sign, types.result)), logabsdet: inStackOrder(x, toResult(logdet, real)) };
}

/**
 * NumPy's `linalg.det(a)`: the determinant of each matrix of `a` (..., M, M),
 * as NumPy computes it: `sign * exp(logabsdet)` of the LU factorization (so
 * det of `[[2, 0], [0, 3]]` is `exp(log 2 + log 3)`, NumPy's bits). A 0-d
 * array for one matrix; 1.0 for a 0×0 one.
 *
 * @example
 * linalg.det(asarray([[1, 2], [3, 4]])).get(); // -2.0000000000000004 (NumPy's value)
 * @throws LinAlgError for a non-square or < 2-d input.
 */
export function det(a: unknown): NdArray {
  const x = linalgOperand(a, 'det', 'a');
  const { types, sign, logdet, stack } = slogdetRaw('det', x);
  const r = empty(stack, types.compute);
  const count = product(stack);
  if (count > 0) {
    const s = floatsOf(sign);
    const l = floatsOf(logdet);
    const d = floatsOf(r);
    // umath_linalg's det_from_slogdet: sign · exp(logdet), complex as (re·e - im·0, re·0 + im·e).
    if (types.complex) {
      for (let t = 0; t < count; t++) {
        const e = Math.exp(l[t]);
        d[2 * t] = s[2 * t] * e - s[2 * t + 1] * 0;
        d[2 * t + 1] = s[2 * t] * 0 + s[2 * t + 1] * e;
      }
    } else {
      for (let t = 0; t < count; t++) d[t] = s[t] * Math.exp(l[t]);
    }
  }
  return inStackOrder(x, toResult(r, types.result));
}

/**
 * NumPy's `linalg.inv(a)`: the inverse of each matrix of `a` (..., M, M), a
 * new C-contiguous array (float32 input: float32, computed in float64).
 *
 * @example
 * linalg.inv(asarray([[1, 2], [3, 4]])).toArray(); // [[-2, 1], [1.5, -0.5]] (to rounding)
 * @throws LinAlgError `Singular matrix` when any matrix of the stack is exactly singular.
 */
export function inv(a: unknown): NdArray {
  const x = linalgOperand(a, 'inv', 'a');
  const n = assertStackedSquare(x);
  const types = commonType('inv', x);
  const count = product(x.shape.slice(0, -2));
  const res = empty(x.shape, types.compute);
  if (res.size === 0) return toResult(res, types.result);
  const { data } = workCopy(x, x.shape, types.compute);
  const type = types.complex ? C128 : F64;
  const { piv, info } = luFactor(type, data, n, count);
  if (info.some((v) => v > 0)) throw new LinAlgError('Singular matrix');
  const b = floatsOf(res);
  b.fill(0);
  const step = types.complex ? 2 : 1;
  for (let t = 0; t < count; t++) {
    for (let i = 0; i < n; i++) b[(t * n * n + i * n + i) * step] = 1;
  }
  linalgGetrs(type, data, piv, b, n, n, count);
  return inStackOrder(x, toResult(res, types.result));
}

/**
 * NumPy 2's `linalg.solve(a, b)`: x with `a @ x == b` for each matrix of
 * `a` (..., M, M). `b` is a vector (M,) only when it is 1-d (broadcast
 * against a's stack; the result (..., M)); otherwise `b` is (..., M, K) and
 * the stacks broadcast (NumPy 2 dropped 1.x's guess from the number of axes).
 *
 * @example
 * linalg.solve(asarray([[3, 1], [1, 2]]), asarray([9, 8])).toArray(); // [2, 3]
 * @throws LinAlgError `Singular matrix`; ValueError `solve: Input operand 1 has a mismatch in its core
 *   dimension 0, with gufunc signature (m,m),(m,n)->(m,n) (size 3 is different from 2)`.
 */
export function solve(a: unknown, b: unknown): NdArray {
  const x = linalgOperand(a, 'solve', 'a');
  const y = linalgOperand(b, 'solve', 'b');
  const n = assertStackedSquare(x);
  const vector = y.ndim === 1;
  const types = commonType(vector ? 'solve1' : 'solve', x, y);
  const sig = vector ? '(m,m),(m)->(m)' : '(m,m),(m,n)->(m,n)';
  const fn = vector ? 'solve1' : 'solve';
  if (!vector && y.ndim < 2) throw new ValueError(`${fn}: Input operand 1 does not have enough dimensions (has ${y.ndim}, gufunc core with signature ${sig} requires 2)`);
  const rows = y.shape[vector ? 0 : y.ndim - 2];
  if (rows !== n) throw new ValueError(`${fn}: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature ${sig} (size ${rows} is different from ${n})`);
  const k = vector ? 1 : y.shape[y.ndim - 1];
  const stack = stackOf(x, y, vector, n, k);
  const count = product(stack);
  const yb = vector ? y.reshape([n, 1]) : y;
  const { arr: res, data: bData } = workCopy(yb, [...stack, n, k], types.compute);
  const shape = vector ? [...stack, n] : res.shape;
  if (res.size === 0 && count * n === 0) return toResult(res.reshape(shape), types.result);
  const { data } = workCopy(x, [...stack, n, n], types.compute);
  const type = types.complex ? C128 : F64;
  const { piv, info } = luFactor(type, data, n, count);
  if (info.some((v) => v > 0)) throw new LinAlgError('Singular matrix');
  linalgGetrs(type, data, piv, bData, n, k, count);
  return inStackOrderOf([[x, 2], [y, vector ? 1 : 2]], toResult(res.reshape(shape), types.result), stack.length);
}

/** The broadcast stack of solve's operands, or NumPy's gufunc error for stacks that do not broadcast. */
function stackOf(x: NdArray, y: NdArray, vector: boolean, n: number, k: number): number[] {
  const sa = x.shape.slice(0, -2);
  const sb = vector ? [] : y.shape.slice(0, -2);
  try {
    return broadcastShapes(sa, sb);
  } catch {
    const remapped = (st: readonly number[]): string => `(${[...st, 'newaxis', 'newaxis'].join(',')})`;
    throw new ValueError(`operands could not be broadcast together with remapped shapes [original->remapped]: ${tupleNoSpace(x.shape)}->${remapped(sa)} ${tupleNoSpace(y.shape)}->${remapped(sb)}  and requested shape (${n},${k})`);
  }
}

/** Options of {@link cholesky}: NumPy 2's `upper`. */
export interface CholeskyOptions {
  /** Return the upper factor U (`Uᴴ U = a`, from a's upper triangle) instead of the lower L (default false). */
  upper?: boolean;
}

/**
 * NumPy's `linalg.cholesky(a, upper=False)`: the lower factor L with
 * `L @ Lᴴ == a` of each Hermitian positive-definite matrix of `a`
 * (..., M, M), read from a's lower triangle (the upper one with `upper`,
 * which returns U = Lᴴ). The other triangle of the result is zero.
 *
 * @example
 * linalg.cholesky(asarray([[4, 2], [2, 5]])).toArray(); // [[2, 0], [1, 2]]
 * @throws LinAlgError `Matrix is not positive definite` when any matrix of the stack is not.
 */
export function cholesky(a: unknown, options: CholeskyOptions = {}): NdArray {
  const o = readKnownOptions(options, ['upper'], 'cholesky');
  const upper = o.upper ?? false;
  if (typeof upper !== 'boolean') throw new TypeError(`cholesky(): upper must be a boolean, got ${repr(upper)}`);
  const x = linalgOperand(a, 'cholesky', 'a');
  const n = assertStackedSquare(x);
  const types = commonType(upper ? 'cholesky_up' : 'cholesky_lo', x);
  const count = product(x.shape.slice(0, -2));
  // The upper factor: the lower factor of aᴴ (whose lower triangle is a's upper one), conjugate-transposed.
  const src = upper ? (types.complex ? conjugate(x.swapaxes(-1, -2)) : x.swapaxes(-1, -2)) : x;
  const { arr, data } = workCopy(src, x.shape, types.compute);
  if (arr.size > 0) {
    const info = new Int32Array(count);
    linalgPotrf(types.complex ? C128 : F64, data, info, n, count);
    if (info.some((v) => v > 0)) throw new LinAlgError('Matrix is not positive definite');
  }
  if (!upper) return inStackOrder(x, toResult(arr, types.result));
  const t = arr.swapaxes(-1, -2);
  const u = types.complex ? conjugate(t) : t;
  return inStackOrder(x, toResult(u.flags.cContiguous ? u : u.copy(), types.result));
}
