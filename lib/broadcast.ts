/**
 * Broadcasting and the layout NumPy's iterator gives new results, as pure
 * functions over shapes and byte strides (no data touched).
 *
 * - {@link broadcastShape}: NumPy's rule (align right; each axis equal or 1)
 *   with the ufuncs' error text, `operands could not be broadcast together
 *   with shapes (2,3) (4,) ` (every operand, a trailing space).
 * - {@link broadcastShapes}: the public `np.broadcast_shapes`, the same rule
 *   with `np.broadcast`'s error text, which names the two clashing arguments.
 * - {@link broadcastStridesTo}: an operand's strides over the broadcast shape
 *   (0 on the axes it is stretched over, or lacks).
 * - {@link kOrder}: the axis order of NumPy's nditer with order 'K'
 *   (`npyiter_find_best_axis_ordering`), an insertion sort by |stride| that
 *   only moves an axis past another when the operands decide so; and
 *   {@link kOrderStrides}, the packed strides of a new array in that order.
 * @module
 */
import { ValueError } from './errors';
import { pyShape, tupleNoSpace } from './format';
import { checkShape } from './layout';

export { tupleNoSpace } from './format';

/**
 * The broadcast shape of `shapes`, or a ValueError in NumPy's ufunc wording
 * listing every operand's shape (NumPy's `_broadcast_shape` behind a ufunc).
 */
export function broadcastShape(shapes: readonly (readonly number[])[]): number[] {
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

/**
 * NumPy's `np.broadcast_shapes(*shapes)`: the shape that arrays of these
 * shapes broadcast to (align right; each axis equal or 1). A number is a 1-d
 * shape; no shapes give `[]`.
 *
 * @example
 * broadcastShapes([6, 7], [5, 6, 1], 7, [5, 1, 7]); // [5, 6, 7]
 * @throws ValueError for shapes that do not broadcast, naming the first two
 *   arguments that clash as NumPy does (`shape mismatch: objects cannot be
 *   broadcast to a single shape.  Mismatch is between arg 0 with shape (3,)
 *   and arg 1 with shape (4,).`), and for negative dimensions.
 * @throws TypeError for a shape that does not hold integers.
 */
export function broadcastShapes(...shapes: (number | readonly number[])[]): number[] {
  return broadcastShapeList(shapes);
}

/**
 * {@link broadcastShapes} of a list: no spread, so 10^5 or more shapes do not
 * overflow the JS stack. Past 64 shapes it scans as NumPy's `_broadcast_shape`
 * does (np.broadcast takes at most 64): the first 64, then the shape so far
 * with each next 63, so a mismatch names the argument within its chunk
 * (`arg 0` being the shape so far), as NumPy's message does.
 */
export function broadcastShapeList(shapes: readonly (number | readonly number[])[]): number[] {
  const checked = shapes.map((s) => checkShape(typeof s === 'number' ? [s] : s));
  let out = broadcastScan(checked.slice(0, 64));
  for (let pos = 64; pos < checked.length; pos += 63) out = broadcastScan([out, ...checked.slice(pos, pos + 63)]);
  return out;
}

function broadcastScan(checked: readonly (readonly number[])[]): number[] {
  let nd = 0;
  for (const s of checked) nd = Math.max(nd, s.length);
  const out = new Array<number>(nd).fill(1);
  // np.broadcast's scan: per output axis, the first argument longer than 1
  // sets the length, and the first one that differs from it is named with it.
  for (let axis = 0; axis < nd; axis++) {
    let from = -1;
    for (let j = 0; j < checked.length; j++) {
      const s = checked[j];
      const k = axis - (nd - s.length);
      if (k < 0 || s[k] === 1) continue;
      if (from < 0) {
        from = j;
        out[axis] = s[k];
      } else if (s[k] !== out[axis]) {
        throw new ValueError(
          'shape mismatch: objects cannot be broadcast to a single shape.  ' +
            `Mismatch is between arg ${from} with shape ${pyShape(checked[from])} and arg ${j} with shape ${pyShape(s)}.`,
        );
      }
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

/**
 * The axis order (outermost first) NumPy's nditer gives an output it
 * allocates when the iteration has more axes than the output
 * (`npyiter_new_temp_array` with `op_axes`: einsum's summed labels,
 * reduceat's and a gufunc's reduction axes): the iteration axes in
 * {@link kOrder} of the operands' `iterStrides` (one list per input over all
 * `nIter` iteration axes, 0 where it is broadcast, lacks the axis or the axis
 * has length 1), keeping those the output has; `outAxes[k]` is the iteration
 * axis of output axis `k`. Output axes that no operand orders keep their place
 * among the rest, as the insertion sort leaves ambiguous axes.
 */
export function iterOutputOrder(nIter: number, iterStrides: readonly (readonly number[])[], outAxes: readonly number[]): number[] {
  const perm = kOrder(nIter, iterStrides);
  const out: number[] = [];
  for (let i = perm.length - 1; i >= 0; i--) {
    const k = outAxes.indexOf(perm[i]);
    if (k >= 0) out.push(k);
  }
  return out;
}
