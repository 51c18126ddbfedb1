/**
 * Broadcasting and the layout NumPy's iterator gives new results, as pure
 * functions over shapes and byte strides (no data touched).
 *
 * - {@link broadcastShapes}: NumPy's rule (align right; each axis equal or 1)
 *   with NumPy's error text, `operands could not be broadcast together with
 *   shapes (2,3) (4,) ` (every operand, a trailing space).
 * - {@link broadcastStridesTo}: an operand's strides over the broadcast shape
 *   (0 on the axes it is stretched over, or lacks).
 * - {@link kOrder}: the axis order of NumPy's nditer with order 'K'
 *   (`npyiter_find_best_axis_ordering`), an insertion sort by |stride| that
 *   only moves an axis past another when the operands decide so; and
 *   {@link kOrderStrides}, the packed strides of a new array in that order.
 * @module
 */
import { ValueError } from './errors';
import { tupleNoSpace } from './format';

export { tupleNoSpace } from './format';

/**
 * The broadcast shape of `shapes`, or a ValueError in NumPy's wording
 * listing every operand's shape.
 */
export function broadcastShapes(shapes: readonly (readonly number[])[]): number[] {
  let nd = 0;
  for (const s of shapes) nd = Math.max(nd, s.length);
  const out = new Array<number>(nd).fill(1);
  for (const s of shapes) {
    const d = nd - s.length;
    for (let i = 0; i < s.length; i++) {
      const n = s[i];
      const have = out[d + i];
      if (n === have || n === 1) continue;
      if (have === 1) out[d + i] = n;
      else throw new ValueError(`operands could not be broadcast together with shapes ${shapes.map(tupleNoSpace).join(' ')} `);
    }
  }
  return out;
}

/** Byte strides of an operand (shape, strides) stretched to `shape`: 0 on new or length-1 axes. */
export function broadcastStridesTo(opShape: readonly number[], opStrides: readonly number[], shape: readonly number[]): number[] {
  const d = shape.length - opShape.length;
  const out = new Array<number>(shape.length).fill(0);
  for (let i = 0; i < opShape.length; i++) out[d + i] = opShape[i] === 1 ? 0 : opStrides[i];
  return out;
}

/**
 * NumPy's nditer 'K' axis order over operands already broadcast to one shape
 * (each a stride list, 0 where broadcast): the axes, fastest first.
 */
export function kOrder(ndim: number, strides: readonly (readonly number[])[]): number[] {
  const perm: number[] = [];
  for (let i = ndim - 1; i >= 0; i--) perm.push(i); // C order, fastest first
  for (let i0 = 1; i0 < ndim; i0++) {
    let ipos = i0;
    const j0 = perm[i0];
    for (let i1 = i0 - 1; i1 >= 0; i1--) {
      const j1 = perm[i1];
      let ambiguous = true;
      let swap = false;
      for (const s of strides) {
        const s0 = s[j0];
        const s1 = s[j1];
        if (s0 !== 0 && s1 !== 0) {
          if (Math.abs(s1) <= Math.abs(s0)) swap = false;
          else if (ambiguous) swap = true;
          ambiguous = false;
        }
      }
      if (!ambiguous) {
        if (swap) ipos = i1;
        else break;
      }
    }
    if (ipos !== i0) {
      perm.splice(i0, 1);
      perm.splice(ipos, 0, j0);
    }
  }
  return perm;
}

/** Packed strides for a new array of `shape`, axes laid out fastest first as `order` says. */
export function kOrderStrides(shape: readonly number[], itemsize: number, order: readonly number[]): number[] {
  const out = new Array<number>(shape.length).fill(0);
  let s = itemsize;
  for (const ax of order) {
    out[ax] = s;
    s *= shape[ax];
  }
  return out;
}
