/**
 * NumPy's `axes=` for the gufuncs (`matmul`, `(n?,k),(k,m?)->(n?,m?)`;
 * `matvec`, `vecmat`, `vecdot`): a list with an entry per operand and one
 * for the output, each naming the operand's core axes (a pair for a 2-d
 * core, one integer or a 1-tuple for a single core axis, `[]` for an output
 * without core axes, which may then be left out).
 * The operands' core axes are moved last, the product taken, and the
 * result's core axes moved to where the output entry says: views, no copies
 * beyond the product's own. Errors are NumPy's (`axes should be a list with
 * an entry for all 3 inputs and outputs; ...`, `axes item 2 has value 0
 * repeated`, AxisError for an axis out of range or a wrong count).
 * @module
 */
import type { NdArray } from './ndarray';
import { AxisError, ValueError, repr } from './errors';
import { normalizeAxis } from './layout';
import { moveaxis } from './axis-views';

/** One entry of `axes`: an axis, or a list of them. */
export type CoreAxes = number | readonly number[];

function entryAxes(name: string, entry: unknown, i: number, core: number, ndim: number): number[] {
  let list: number[];
  if (typeof entry === 'number') {
    if (core !== 1) throw new AxisError(`${name}: operand ${i} has ${core} core dimensions, but the axes item is a single integer.`);
    if (!Number.isInteger(entry)) throw new TypeError(`'float' object cannot be interpreted as an integer`);
    list = [entry];
  } else if (Array.isArray(entry)) {
    if (entry.length !== core) throw new AxisError(`${name}: operand ${i} has ${core} core dimensions, but ${entry.length} dimensions are specified by axes tuple.`);
    list = entry.map((v) => {
      if (typeof v !== 'number' || !Number.isInteger(v)) throw new TypeError(`${name}: axes item ${i} must hold integers, got ${repr(v)}`);
      return v;
    });
  } else {
    throw new TypeError(`${name}: axes item ${i} should be a tuple (an array of axes) or an integer, got ${repr(entry)}`);
  }
  const norm = list.map((v) => normalizeAxis(v, ndim));
  for (let p = 0; p < norm.length; p++) {
    if (norm.indexOf(norm[p]) !== p) throw new ValueError(`axes item ${i} has value ${norm[p]} repeated`);
  }
  return norm;
}

function lastAxes(ndim: number, count: number): number[] {
  return Array.from({ length: count }, (_, j) => ndim - count + j);
}

/**
 * `product(...ops')` with each operand's core axes (`cores[i]` of them,
 * named by `axes`) moved last, and the result's `outCore` core axes moved
 * to the output entry's places (an output without core axes may have no
 * entry). All entries are checked before the product, as NumPy's.
 */
export function withCoreAxes(
  name: string,
  ops: readonly NdArray[],
  cores: readonly number[],
  outCore: number,
  axes: unknown,
  product: (...xs: NdArray[]) => NdArray,
): NdArray {
  if (!Array.isArray(axes)) throw new TypeError('axes should be a list.');
  const n = ops.length + 1;
  if (axes.length !== n && !(outCore === 0 && axes.length === n - 1)) {
    throw new ValueError(`axes should be a list with an entry for all ${n} inputs and outputs; entries for outputs can only be omitted if none of them has core axes.`);
  }
  const given = ops.map((x, i) => entryAxes(name, axes[i], i, cores[i], x.ndim));
  // The output's dimensions are the broadcast stack's plus its core ones.
  const outNdim = Math.max(...ops.map((x, i) => x.ndim - cores[i])) + outCore;
  const ox = axes.length === n ? entryAxes(name, axes[n - 1], n - 1, outCore, outNdim) : [];
  const r = product(...ops.map((x, i) => moveaxis(x, given[i], lastAxes(x.ndim, cores[i]))));
  return outCore === 0 ? r : moveaxis(r, lastAxes(r.ndim, outCore), ox);
}

/** {@link withCoreAxes} for matmul: its operands' core axes by their dimensions (a 1-d one has one). */
export function matmulWithAxes(a: NdArray, b: NdArray, axes: unknown, product: (x: NdArray, y: NdArray) => NdArray): NdArray {
  // matmul's signature gives its output core axes (n?,m?) even when both operands are
  // 1-d: its entry is never optional (withCoreAxes would take two for a 0-d result).
  if (Array.isArray(axes) && axes.length !== 3) {
    throw new ValueError('axes should be a list with an entry for all 3 inputs and outputs; entries for outputs can only be omitted if none of them has core axes.');
  }
  const co = (a.ndim === 1 ? 0 : 1) + (b.ndim === 1 ? 0 : 1);
  return withCoreAxes('matmul', [a, b], [a.ndim === 1 ? 1 : 2, b.ndim === 1 ? 1 : 2], co, axes, (x, y) => product(x, y));
}
