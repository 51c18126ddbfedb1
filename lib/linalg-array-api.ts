/**
 * The functions NumPy 2 added to `np.linalg` for the array API standard,
 * as NumPy defines them there (numpy/linalg/_linalg.py): the matrix forms of
 * `diagonal` and `trace` (over the last two axes), `matrixTranspose`,
 * `vecdot`, `matrixNorm`, `vectorNorm` (any number of axes), the strict
 * `outer` (1-d operands only) and `cross` (3-vectors only), and the older
 * `tensorinv` and `tensorsolve`. Each is a thin composition of the
 * top-level function it names.
 * @module
 */
import type { NdArray } from './ndarray';
import type { DTypeLike } from './dtype';
import { IndexError, LinAlgError, ValueError } from './errors';
import { asAnyArray } from './stack-helpers';
import { normalizeAxis } from './layout';
import { readKnownOptions } from './options';
import { diagonal as coreDiagonal, trace as coreTrace } from './diagonal';
import { matrixTranspose as coreMatrixTranspose, vecdot as coreVecdot } from './array-api';
import { outer as coreOuter, cross as coreCross } from './linalg';
import { norm, type NormOrd } from './linalg-norm';
import { inv, solve } from './linalg-solve';

/** Options of {@link diagonal} and {@link trace}: the diagonal's offset (default 0), and trace's `dtype`. */
export interface MatrixDiagonalOptions {
  /** Above (positive) or below (negative) the main diagonal. */
  offset?: number;
}

/** Options of the linalg {@link trace}. */
export interface MatrixTraceOptions extends MatrixDiagonalOptions {
  /** The dtype to sum in (default: as `sum`). */
  dtype?: DTypeLike | null;
}

/** Options of {@link matrixNorm}. */
export interface MatrixNormOptions {
  /** Keep the two normed axes as length-1 axes. */
  keepdims?: boolean;
  /** The matrix norm (default `'fro'`): as {@link norm}'s over two axes. */
  ord?: NormOrd;
}

/** Options of {@link vectorNorm}. */
export interface VectorNormOptions {
  /** The axes to norm over, any number of them (default null: all, as one vector). */
  axis?: number | readonly number[] | null;
  /** Keep the normed axes as length-1 axes. */
  keepdims?: boolean;
  /** The vector norm (default 2): as {@link norm}'s over one axis. */
  ord?: number;
}

/** Options of {@link vecdot} and the linalg {@link cross}: the axis of the vectors (default -1). */
export interface VectorAxisOptions {
  /** The axis holding the vectors. */
  axis?: number;
}

/**
 * NumPy's `linalg.diagonal(x, offset=0)`: the diagonals of the matrices of
 * `x` (..., M, N), over its last two axes: a read-only view, as
 * `diagonal(x, offset, -2, -1)`.
 * @throws ValueError for fewer than two axes.
 */
export function diagonal(x: unknown, options: MatrixDiagonalOptions = {}): NdArray {
  const o = readKnownOptions(options, ['offset'], 'diagonal');
  return coreDiagonal(asAnyArray(x), o.offset ?? 0, -2, -1);
}

/**
 * NumPy's `linalg.trace(x, offset=0, dtype=None)`: the sum along the
 * diagonals of the matrices of `x` (..., M, N), as `trace(x, offset, -2, -1)`.
 * @throws ValueError for fewer than two axes.
 */
export function trace(x: unknown, options: MatrixTraceOptions = {}): NdArray {
  const o = readKnownOptions(options, ['offset', 'dtype'], 'trace');
  return coreTrace(asAnyArray(x), o.offset ?? 0, -2, -1, o.dtype === null || o.dtype === undefined ? {} : { dtype: o.dtype });
}

/**
 * NumPy's `linalg.matrix_transpose(x)`: the last two axes swapped (a view).
 * @throws ValueError `Input array must be at least 2-dimensional, but it is 1`.
 */
export function matrixTranspose(x: unknown): NdArray {
  return coreMatrixTranspose(asAnyArray(x));
}

/**
 * NumPy's `linalg.vecdot(x1, x2, axis=-1)`: the top-level {@link coreVecdot}
 * (the vectors along `axis`, `x1` conjugated), with no other keyword.
 */
export function vecdot(x1: unknown, x2: unknown, options: VectorAxisOptions = {}): NdArray {
  return coreVecdot(x1, x2, { axis: readKnownOptions(options, ['axis'], 'vecdot').axis });
}

/**
 * NumPy's `linalg.outer(x1, x2)`: the outer product of two 1-d arrays (the
 * top-level `outer` flattens any input; this one refuses them).
 * @throws ValueError `Input arrays must be one-dimensional, but they are x1.ndim=2 and x2.ndim=1.`
 */
export function outer(x1: unknown, x2: unknown): NdArray {
  const a = asAnyArray(x1);
  const b = asAnyArray(x2);
  if (a.ndim !== 1 || b.ndim !== 1) throw new ValueError(`Input arrays must be one-dimensional, but they are x1.ndim=${a.ndim} and x2.ndim=${b.ndim}.`);
  return coreOuter(a, b);
}

/**
 * NumPy's `linalg.cross(x1, x2, axis=-1)`: the cross product of 3-vectors
 * along `axis` (the top-level `cross` also takes 2-vectors; this one
 * refuses them).
 * @throws ValueError `Both input arrays must be (arrays of) 3-dimensional vectors, but they are 2 and 3 dimensional instead.`;
 *   IndexError `tuple index out of range` for an axis past an operand's.
 */
export function cross(x1: unknown, x2: unknown, options: VectorAxisOptions = {}): NdArray {
  const o = readKnownOptions(options, ['axis'], 'cross');
  const axis = o.axis ?? -1;
  const a = asAnyArray(x1);
  const b = asAnyArray(x2);
  // Python's shape[axis]: NumPy's IndexError past either end.
  const len = (s: readonly number[]): number => {
    const k = axis < 0 ? s.length + axis : axis;
    if (!Number.isInteger(axis) || k < 0 || k >= s.length) throw new IndexError('tuple index out of range');
    return s[k];
  };
  const la = len(a.shape);
  const lb = len(b.shape);
  if (la !== 3 || lb !== 3) throw new ValueError(`Both input arrays must be (arrays of) 3-dimensional vectors, but they are ${la} and ${lb} dimensional instead.`);
  return coreCross(a, b, { axis });
}

/**
 * NumPy's `linalg.matrix_norm(x, keepdims=False, ord='fro')`: the norm of
 * each matrix of `x` (..., M, N), as `norm(x, { ord, axis: [-2, -1], keepdims })`.
 */
export function matrixNorm(x: unknown, options: MatrixNormOptions = {}): NdArray {
  const o = readKnownOptions(options, ['keepdims', 'ord'], 'matrixNorm');
  return norm(asAnyArray(x), { axis: [-2, -1], keepdims: o.keepdims ?? false, ord: o.ord === undefined ? 'fro' : o.ord });
}

/**
 * NumPy's `linalg.vector_norm(x, axis=None, keepdims=False, ord=2)`: the
 * vector norm over `axis`, which may name any number of axes (they are
 * moved first and joined into one), or all of them (null; a 0-d array
 * gives a 0-d result).
 * @throws AxisError for an axis out of range; ValueError for a repeated axis.
 */
export function vectorNorm(x: unknown, options: VectorNormOptions = {}): NdArray {
  const o = readKnownOptions(options, ['axis', 'keepdims', 'ord'], 'vectorNorm');
  let a = asAnyArray(x);
  const shape = [...a.shape];
  const ord = o.ord === undefined ? 2 : o.ord;
  const axis = o.axis ?? null;
  let normAxis: number;
  if (axis === null) {
    a = a.reshape(-1);
    normAxis = 0;
  } else if (typeof axis === 'number') {
    normAxis = axis;
  } else {
    const axes = [...axis];
    const normalized = axes.map((ax) => normalizeAxis(ax, a.ndim));
    if (new Set(normalized).size !== normalized.length) throw new ValueError('repeated axis');
    const rest = [...Array(a.ndim).keys()].filter((i) => !normalized.includes(i));
    const joined = normalized.reduce((p, i) => p * a.shape[i], 1);
    a = a.transpose([...normalized, ...rest]).reshape([joined, ...rest.map((i) => a.shape[i])]);
    normAxis = 0;
  }
  const res = norm(a, { axis: normAxis, ord });
  if (!(o.keepdims ?? false)) return res;
  const kept = axis === null ? [...shape.keys()] : (typeof axis === 'number' ? [axis] : [...axis]).map((ax) => normalizeAxis(ax, shape.length));
  for (const i of kept) shape[i] = 1;
  return res.reshape(shape);
}

/**
 * NumPy's `linalg.tensorinv(a, ind=2)`: the inverse of `a` seen as a
 * matrix of its first `ind` axes by the rest, shaped
 * `a.shape[ind:] + a.shape[:ind]`, so that `tensordot(tensorinv(a), a, ind)`
 * is the identity.
 * @throws ValueError `Invalid ind argument.` for ind <= 0; TypeError for a fractional ind (Python's slice error); LinAlgError as {@link inv}.
 */
export function tensorinv(a: unknown, ind = 2): NdArray {
  const x = asAnyArray(a);
  // Python's a.shape[ind:] with a non-integer ind.
  if (!Number.isInteger(ind)) throw new TypeError('slice indices must be integers or None or have an __index__ method');
  if (ind <= 0) throw new ValueError('Invalid ind argument.');
  const old = x.shape;
  const invShape = [...old.slice(ind), ...old.slice(0, ind)];
  const rows = old.slice(ind).reduce((p: number, k: number) => p * k, 1);
  return inv(x.reshape([rows, -1])).reshape(invShape);
}

/**
 * NumPy's `linalg.tensorsolve(a, b, axes=None)`: the `x` with
 * `tensordot(a, x, x.ndim) == b`, `a`'s axes `axes` (if given) moved last
 * first; `x` has the shape of `a`'s trailing axes past `b`'s.
 * @throws LinAlgError when prod(a.shape[b.ndim:]) != prod(a.shape[:b.ndim]), or as {@link solve};
 *   ValueError `list.remove(x): x not in list` for an axis `a` does not have.
 */
export function tensorsolve(a: unknown, b: unknown, axes: readonly number[] | null = null): NdArray {
  let x = asAnyArray(a);
  const y = asAnyArray(b);
  const an = x.ndim;
  if (axes !== null) {
    const all = [...Array(an).keys()];
    for (const k of axes) {
      const i = all.indexOf(k);
      if (i < 0) throw new ValueError('list.remove(x): x not in list');
      all.splice(i, 1);
      all.push(k);
    }
    x = x.transpose(all);
  }
  // Python's a.shape[-(an - b.ndim):] (the whole shape when the two have as many axes: -0 is 0).
  const oldShape = x.shape.slice(y.ndim - an);
  const prod = oldShape.reduce((p: number, k: number) => p * k, 1);
  if (x.size !== prod * prod) {
    throw new LinAlgError('Input arrays must satisfy the requirement             prod(a.shape[b.ndim:]) == prod(a.shape[:b.ndim])');
  }
  return solve(x.reshape([prod, prod]), y.reshape(-1)).reshape(oldShape);
}
