/**
 * NumPy's `linalg.norm(x, ord=None, axis=None, keepdims=False)`: vector
 * norms over one axis and matrix norms over two, as compositions of the
 * ufuncs and reductions in NumPy's order (numpy/linalg/_linalg.py `norm`):
 * the same dtypes (integer and bool input as float64; float32 stays
 * float32; complex gives its real type), the same special cases and the
 * same errors. The matrix norms of singular values (`ord` 2, -2, 'nuc':
 * the largest, the smallest, their sum) move the two axes last and reduce
 * svdvals (lib/linalg-svd.ts) as NumPy's `_multi_svd_norm`.
 * @module
 */
import type { NdArray } from './ndarray';
import { ValueError, repr } from './errors';
import { normalizeAxis } from './layout';
import { positionalOptions, readKnownOptions } from './options';
import { dot } from './linalg';
import { linalgOperand } from './linalg-solve';
import { sum, max, min } from './reduce-axis';
import { absolute, add, conjugate, multiply, power } from './ufuncs/arith';
import { reciprocal } from './ufuncs/arith2';
import { sqrt } from './ufuncs/math';
import { notEqual } from './ufuncs/compare';
import { real, imag } from './complex-parts';
import { svd } from './linalg-svd';
import { moveaxis } from './axis-views';

/** NumPy's `ord`: a number (±Infinity included), 'fro'/'f' or 'nuc' for matrices, or null (the 2-norm / Frobenius). */
export type NormOrd = number | 'fro' | 'f' | 'nuc' | null;

/** Options of {@link norm}: NumPy's `ord`, `axis` and `keepdims`. */
export interface NormOptions {
  /** The norm's order (default null: the 2-norm of vectors, Frobenius of matrices). */
  ord?: NormOrd;
  /** One axis (vector norms), two (matrix norms), or null: all of a 1-d or 2-d array. */
  axis?: number | readonly number[] | null;
  /** Keep the normed axes as length-1 axes. */
  keepdims?: boolean;
}

function squaredAbs(x: NdArray): NdArray {
  return real(multiply(conjugate(x), x));
}

/** The real dtype of `x`'s (float: itself; complex: its parts'). */
function realType(x: NdArray): string {
  return x.dtype.kind === 'c' ? `f${x.dtype.itemsize / 2}` : x.dtype.str;
}

function keepShape(x: NdArray, axes: readonly number[]): number[] {
  return x.shape.map((s, i) => (axes.includes(i) ? 1 : s));
}

/**
 * NumPy's `linalg.norm(x, ord, axis, keepdims)`. Vector orders (over one
 * axis): Infinity (max |x|), -Infinity (min |x|), 0 (the count of non-zero
 * items), 1, 2 (default), any other p (`sum(|x|^p)^(1/p)`). Matrix orders
 * (over two axes): 'fro'/'f' (default), 1, -1 (max/min column sum),
 * Infinity, -Infinity (max/min row sum), 2, -2 (largest/smallest singular
 * value), 'nuc' (their sum). A 0-d array when every axis is normed.
 *
 * @example
 * linalg.norm(asarray([3, 4])).get(); // 5
 * linalg.norm(arange(8).reshape(2, 2, 2), { axis: [1, 2] }).toArray(); // [3.7416..., 11.2249...]
 * linalg.norm(asarray([[1, 2], [3, 4]]), 1).get(); // 6 (NumPy's positional ord)
 * @throws ValueError `Invalid norm order 'fro' for vectors`, `Invalid norm order for matrices.`,
 *   `Duplicate axes given.`, `Improper number of dimensions to norm.`; AxisError for an axis out of range.
 */
export function norm(x: unknown, ord?: NormOptions['ord'], axis?: NormOptions['axis'], keepdims?: boolean | null): NdArray;
export function norm(x: unknown, ordArg?: NormOptions['ord'] | NormOptions, axisArg?: NormOptions['axis'] | NormOptions, options?: NormOptions): NdArray;
export function norm(x: unknown, ...rest: unknown[]): NdArray {
  // NumPy's positional ord, axis and keepdims (norm(x, 1) is the 1-norm; it read the 1 as no options), or the options.
  const o = readKnownOptions(positionalOptions<NormOptions>('norm', ['ord', 'axis', 'keepdims'], rest), ['ord', 'axis', 'keepdims'], 'norm');
  const ord = o.ord ?? null;
  const keepdims = o.keepdims ?? false;
  if (typeof ord !== 'number' && ord !== null && ord !== 'fro' && ord !== 'f' && ord !== 'nuc') {
    throw new ValueError(`Invalid norm order ${repr(ord)}: a number, 'fro', 'f', 'nuc' or null`);
  }
  let a = linalgOperand(x, 'norm', 'x');
  if (a.dtype.kind !== 'f' && a.dtype.kind !== 'c') a = a.astype('f8');
  const nd = a.ndim;
  const axisIn = o.axis ?? null;
  if (axisIn === null && (ord === null || ((ord === 'f' || ord === 'fro') && nd === 2) || (ord === 2 && nd === 1))) {
    const v = a.ravel('K');
    const sq = v.dtype.kind === 'c' ? add(dot(real(v), real(v)), dot(imag(v), imag(v))) : dot(v, v);
    const r = sqrt(sq);
    return keepdims ? r.reshape(new Array<number>(nd).fill(1)) : r;
  }
  let axes: number[];
  if (axisIn === null) axes = Array.from({ length: nd }, (_, i) => i);
  else if (typeof axisIn === 'number') axes = [axisIn];
  else if (Array.isArray(axisIn)) {
    // NumPy dispatches on len(axis) before it reads an axis: more than two is
    // its ValueError at once (the spread of a sparse list of length 2^32-1 hung).
    if (axisIn.length > 2) throw new ValueError('Improper number of dimensions to norm.');
    axes = [];
    for (let i = 0; i < axisIn.length; i++) axes.push((axisIn as readonly number[])[i]);
  }
  else throw new TypeError("'axis' must be None, an integer or a tuple of integers");
  for (const ax of axes) {
    if (!Number.isInteger(ax)) throw new TypeError("'axis' must be None, an integer or a tuple of integers");
  }
  if (axes.length === 1) {
    const axis = axes[0];
    const opts = { keepdims };
    if (ord === Infinity) return max(absolute(a), axis, { keepdims, initial: 0 });
    if (ord === -Infinity) return min(absolute(a), axis, opts);
    if (ord === 0) return sum(notEqual(a, 0).astype(realType(a)), axis, opts);
    if (ord === 1) return sum(absolute(a), axis, opts);
    if (ord === null || ord === 2) return sqrt(sum(squaredAbs(a), axis, opts));
    if (typeof ord === 'string') throw new ValueError(`Invalid norm order '${ord}' for vectors`);
    const absx = absolute(a);
    power(absx, ord, { out: absx });
    const ret = sum(absx, axis, opts);
    const inv = reciprocal(ret.dtype.kind === 'f' && ret.dtype.itemsize === 4 ? Math.fround(ord) : ord, { dtype: ret.dtype });
    return power(ret, inv, ret.ndim > 0 ? { out: ret } : undefined);
  }
  if (axes.length === 2) {
    let rowAxis = normalizeAxis(axes[0], nd);
    let colAxis = normalizeAxis(axes[1], nd);
    if (rowAxis === colAxis) throw new ValueError('Duplicate axes given.');
    let ret: NdArray;
    if (ord === 2 || ord === -2 || ord === 'nuc') {
      // NumPy's _multi_svd_norm: amax (initial 0), amin, or sum (initial 0) of the singular values.
      const sv = svd(moveaxis(a, [rowAxis, colAxis], [-2, -1]), { computeUv: false });
      if (ord === 2) ret = max(sv, -1, { initial: 0 });
      else if (ord === -2) ret = min(sv, -1);
      else ret = sum(sv, -1, { initial: 0 });
    } else if (ord === 1) {
      if (colAxis > rowAxis) colAxis -= 1;
      ret = max(sum(absolute(a), rowAxis), colAxis, { initial: 0 });
    } else if (ord === Infinity) {
      if (rowAxis > colAxis) rowAxis -= 1;
      ret = max(sum(absolute(a), colAxis), rowAxis, { initial: 0 });
    } else if (ord === -1) {
      if (colAxis > rowAxis) colAxis -= 1;
      ret = min(sum(absolute(a), rowAxis), colAxis);
    } else if (ord === -Infinity) {
      if (rowAxis > colAxis) rowAxis -= 1;
      ret = min(sum(absolute(a), colAxis), rowAxis);
    } else if (ord === null || ord === 'fro' || ord === 'f') {
      ret = sqrt(sum(squaredAbs(a), [rowAxis, colAxis]));
    } else {
      throw new ValueError('Invalid norm order for matrices.');
    }
    if (keepdims) ret = ret.reshape(keepShape(a, [normalizeAxis(axes[0], nd), normalizeAxis(axes[1], nd)]));
    return ret;
  }
  throw new ValueError('Improper number of dimensions to norm.');
}
