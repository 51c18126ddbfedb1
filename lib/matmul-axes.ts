/**
 * NumPy's `axes=` for the gufunc `matmul` (`(n?,k),(k,m?)->(n?,m?)`): a list
 * of three entries, one per operand and one for the output, each naming the
 * operand's core axes (a pair for a 2-d core, one integer or a 1-tuple for a
 * 1-d operand's single core axis, `[]` for an output without core axes).
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

function entryAxes(entry: unknown, i: number, core: number, ndim: number): number[] {
  let list: number[];
  if (typeof entry === 'number') {
    if (core !== 1) throw new AxisError(`matmul: operand ${i} has ${core} core dimensions, but the axes item is a single integer.`);
    list = [entry];
  } else if (Array.isArray(entry)) {
    if (entry.length !== core) throw new AxisError(`matmul: operand ${i} has ${core} core dimensions, but ${entry.length} dimensions are specified by axes tuple.`);
    list = entry.map((v) => {
      if (typeof v !== 'number' || !Number.isInteger(v)) throw new TypeError(`matmul: axes item ${i} must hold integers, got ${repr(v)}`);
      return v;
    });
  } else {
    throw new TypeError(`matmul: axes item ${i} should be a tuple (an array of axes) or an integer, got ${repr(entry)}`);
  }
  const norm = list.map((v) => normalizeAxis(v, ndim));
  for (let p = 0; p < norm.length; p++) {
    if (norm.indexOf(norm[p]) !== p) throw new ValueError(`axes item ${i} has value ${list[p]} repeated`);
  }
  return norm;
}

function lastAxes(ndim: number, count: number): number[] {
  return Array.from({ length: count }, (_, j) => ndim - count + j);
}

/**
 * `product(a', b')` with each operand's core axes (from `axes`) moved last,
 * and the result's core axes moved to the output entry's places.
 */
export function matmulWithAxes(a: NdArray, b: NdArray, axes: unknown, product: (x: NdArray, y: NdArray) => NdArray): NdArray {
  if (!Array.isArray(axes)) throw new TypeError('axes should be a list.');
  if (axes.length !== 3) {
    throw new ValueError('axes should be a list with an entry for all 3 inputs and outputs; entries for outputs can only be omitted if none of them has core axes.');
  }
  const ca = a.ndim === 1 ? 1 : 2;
  const cb = b.ndim === 1 ? 1 : 2;
  const co = (a.ndim === 1 ? 0 : 1) + (b.ndim === 1 ? 0 : 1);
  const ax = entryAxes(axes[0], 0, ca, a.ndim);
  const bx = entryAxes(axes[1], 1, cb, b.ndim);
  // All three entries are checked before the product, as NumPy's: the output's
  // dimensions are the broadcast stack's plus its core ones.
  const outNdim = Math.max(a.ndim - ca, b.ndim - cb) + co;
  const ox = entryAxes(axes[2], 2, co, outNdim);
  const r = product(moveaxis(a, ax, lastAxes(a.ndim, ca)), moveaxis(b, bx, lastAxes(b.ndim, cb)));
  return co === 0 ? r : moveaxis(r, lastAxes(r.ndim, co), ox);
}
