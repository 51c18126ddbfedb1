/**
 * NumPy's `linalg.matrix_power` and `linalg.multi_dot`: chains of matrix
 * products through {@link matmul} / {@link dot} (lib/linalg.ts), in NumPy's
 * order (the binary decomposition of the power; the cheapest parenthesization
 * of the chain, Cormen's matrix-chain order as NumPy's
 * `_multi_dot_matrix_chain_order`), so integer products wrap as NumPy's and
 * float sums meet in the same pairs.
 * @module
 */
import type { NdArray } from './ndarray';
import { LinAlgError, MemoryError, ValueError, allocationError, repr } from './errors';
import { emptyLike, eye } from './create';
import { readKnownOptions } from './options';
import { matmul, dot } from './linalg';
import { assertStackedSquare, inv, linalgOperand } from './linalg-solve';

/**
 * NumPy's `linalg.matrix_power(a, n)`: `a` (..., M, M) raised to the integer
 * power `n` by repeated matmul (binary decomposition); `n = 0` gives the
 * identity in a's dtype, a negative `n` the power of `inv(a)`. Integer
 * matrices stay integer (and wrap) for `n >= 0`.
 *
 * @example
 * linalg.matrixPower(asarray([[0, 1], [-1, 0]]), 2).toArray(); // [[-1n, 0n], [0n, -1n]] (int64 stays int64)
 * @throws TypeError `exponent must be an integer`; LinAlgError for a non-square input, or `Singular matrix` for a negative power.
 */
export function matrixPower(a: unknown, n: number | bigint): NdArray {
  let x = linalgOperand(a, 'matrix_power', 'a');
  const m = assertStackedSquare(x);
  if (typeof n === 'number' && !Number.isSafeInteger(n)) throw new TypeError(`exponent must be an integer, got ${repr(n)}${Number.isInteger(n) ? ' (past 2^53: pass a bigint)' : ''}`);
  if (typeof n !== 'number' && typeof n !== 'bigint') throw new TypeError(`exponent must be an integer, got ${repr(n)}`);
  // The exponent as a bigint: NumPy takes any Python int (2**100 + 2**10 included).
  let k = BigInt(n);
  if (k === 0n) {
    // NumPy's empty_like(a): PyArray_NewLikeArray's 'K' layout of a (fuzz seed 6004169: an F-ordered stack stays F).
    const r = emptyLike(x);
    r.set(eye(m, null, 0, x.dtype));
    return r;
  }
  if (k < 0n) {
    x = inv(x);
    k = -k;
  }
  if (k === 1n) return x;
  if (k === 2n) return matmul(x, x);
  if (k === 3n) return matmul(matmul(x, x), x);
  // NumPy's binary decomposition: the bits of k from the lowest, z = x^(2^i).
  let z: NdArray | null = null;
  let result: NdArray | null = null;
  while (k > 0n) {
    z = z === null ? x : matmul(z, z);
    const bit = k & 1n;
    k >>= 1n;
    if (bit) result = result === null ? z : matmul(result, z);
  }
  return result as NdArray;
}

/** Options of {@link multiDot}: NumPy's `out` (as {@link dot}'s: exactly the result's dtype, shape and C layout). */
export interface MultiDotOptions {
  out?: NdArray | null;
}

/**
 * @internal NumPy's `_multi_dot_matrix_chain_order` (Cormen 15.2) over the
 * chain's dimensions (n + 1 of them for n matrices): split[i][j] = the k of
 * the cheapest (A_i..A_k)(A_k+1..A_j), cost[i][j] its scalar multiplications.
 * The two n×n tables are typed arrays (rows are views of one buffer each), as
 * NumPy's `zeros((n, n))` and `empty((n, n), dtype=intp)`: a chain too long for
 * them is NumPy's MemoryError (as JS lists of lists, 10^5 operands ran V8 out of heap).
 */
export function multiDotChainOrder(dims: readonly number[]): { split: Int32Array[]; cost: Float64Array[] } {
  const n = dims.length - 1;
  const costs = tableOf(Float64Array, n, 'float64');
  const splits = tableOf(Int32Array, n, 'int64');
  const cost = Array.from({ length: n }, (_, i) => costs.subarray(i * n, (i + 1) * n));
  const split = Array.from({ length: n }, (_, i) => splits.subarray(i * n, (i + 1) * n));
  for (let l = 1; l < n; l++) {
    for (let i = 0; i < n - l; i++) {
      const j = i + l;
      cost[i][j] = Infinity;
      for (let k = i; k < j; k++) {
        const q = cost[i][k] + cost[k + 1][j] + dims[i] * dims[k + 1] * dims[j + 1];
        if (q < cost[i][j]) {
          cost[i][j] = q;
          split[i][j] = k;
        }
      }
    }
  }
  return { split, cost };
}

/** The most operands multiDot takes: its two n×n tables stay under 2^32 items each (a typed array's limit here). */
export const MULTI_DOT_MAX = 2 ** 16;

/** A zeroed n×n table, or NumPy's MemoryError naming its size. */
function tableOf<T extends Float64Array | Int32Array>(Table: new (length: number) => T, n: number, dtype: string): T {
  const refuse = (cause?: unknown): MemoryError => allocationError([n, n], 8, dtype, `multi_dot() of ${n} arrays: its matrix-chain tables`, { cause });
  if (n > MULTI_DOT_MAX) throw refuse();
  try {
    return new Table(n * n);
  } catch (e) {
    throw refuse(e);
  }
}

function chain(arrays: readonly NdArray[], split: readonly ArrayLike<number>[], i: number, j: number, out: NdArray | null): NdArray {
  if (i === j) return arrays[i];
  return dot(chain(arrays, split, i, split[i][j], null), chain(arrays, split, split[i][j] + 1, j, null), out);
}

/**
 * NumPy's `linalg.multi_dot(arrays, out=None)`: the product of a chain of
 * 2-d arrays in the cheapest order (the first may be 1-d: a row vector; the
 * last 1-d: a column vector; both 1-d give a 0-d array).
 *
 * @example
 * linalg.multiDot([a, b, c]); // (a·b)·c or a·(b·c), whichever costs fewer multiplications
 * @throws ValueError `Expecting at least two arrays.`; LinAlgError `3-dimensional array given. Array must be two-dimensional`.
 */
export function multiDot(arrays: readonly unknown[], options: MultiDotOptions = {}): NdArray {
  if (!Array.isArray(arrays)) throw new TypeError(`multi_dot(): arrays must be an array of arrays, got ${repr(arrays)}`);
  // Read once, own keys only: a polluted Object.prototype.out is not the caller's.
  const out = readKnownOptions(options, ['out'], 'multiDot').out ?? null;
  const n = arrays.length;
  if (n < 2) throw new ValueError('Expecting at least two arrays.');
  // Refused before the list is read when the chain tables could not be made
  // (a Proxy claiming 2^32-1 arrays was walked); each item read by index, a
  // hole refused as the undefined it is (map skipped holes one by one).
  if (n > MULTI_DOT_MAX) tableOf(Float64Array, n, 'float64');
  const xs: NdArray[] = [];
  for (let i = 0; i < n; i++) xs.push(linalgOperand(arrays[i], 'multi_dot', `arrays[${i}]`));
  if (n === 2) return dot(xs[0], xs[1], out);
  const first = xs[0].ndim;
  const last = xs[n - 1].ndim;
  if (first === 1) xs[0] = xs[0].reshape([1, xs[0].shape[0]]);
  if (last === 1) xs[n - 1] = xs[n - 1].reshape([xs[n - 1].shape[0], 1]);
  for (const x of xs) {
    if (x.ndim !== 2) throw new LinAlgError(`${x.ndim}-dimensional array given. Array must be two-dimensional`);
  }
  let result: NdArray;
  if (n === 3) {
    const [A, B, C] = xs;
    const [a0, a1b0] = A.shape;
    const [b1c0, c1] = C.shape;
    const cost1 = a0 * b1c0 * (a1b0 + c1);
    const cost2 = a1b0 * c1 * (a0 + b1c0);
    result = cost1 < cost2 ? dot(dot(A, B), C, out) : dot(A, dot(B, C), out);
  } else {
    const dims = [...xs.map((x) => x.shape[0]), xs[n - 1].shape[1]];
    result = chain(xs, multiDotChainOrder(dims).split, 0, n - 1, out);
  }
  if (first === 1 && last === 1) return result.reshape([]);
  if (first === 1 || last === 1) return result.ravel();
  return result;
}
