/**
 * NumPy's `block(arrays)`: one array assembled from nested lists of blocks.
 * The innermost lists join along the last axis, the next ones out along the
 * one before, and so on; every block is first given the result's number of
 * axes (leading length-1 axes, NumPy's `array(x, ndmin=n)`). The nesting
 * must be equally deep everywhere and no list may be empty; errors name the
 * offending position as NumPy does (`arrays[1][0]`). Built by concatenate,
 * so dtype promotion and the errors for blocks that do not fit are its.
 * JS has no tuples: NumPy's TypeError for a tuple has no counterpart.
 * @module
 */
import type { NdArray } from './ndarray';
import { ValueError } from './errors';
import { concatenate } from './join';
import { asAnyArray } from './stack-helpers';

/** A block, or a list of nested blocks. */
export type BlockArrays = NdArray | number | bigint | boolean | readonly BlockArrays[];

function formatIndex(index: readonly (number | null)[]): string {
  return 'arrays' + index.filter((i) => i !== null).map((i) => `[${i}]`).join('');
}

interface Depth {
  index: (number | null)[];
  ndim: number;
}

/** NumPy's _block_check_depths_match: the first bottom's index (null-terminated when it is an empty list) and the largest block ndim. */
function checkDepths(arrays: unknown, parent: (number | null)[]): Depth {
  if (Array.isArray(arrays)) {
    if (arrays.length === 0) return { index: [...parent, null], ndim: 0 };
    let first: Depth | null = null;
    let ndim = 0;
    arrays.forEach((x, i) => {
      const d = checkDepths(x, [...parent, i]);
      ndim = Math.max(ndim, d.ndim);
      if (first === null) {
        first = d;
        return;
      }
      if (d.index.length !== first.index.length) {
        throw new ValueError(
          `List depths are mismatched. First element was at depth ${first.index.length}, but there is an element at depth ${d.index.length} (${formatIndex(d.index)})`,
        );
      }
      // An empty list at the bottom is carried up, to be reported.
      if (d.index[d.index.length - 1] === null) first = d;
    });
    return { index: first!.index, ndim };
  }
  return { index: parent, ndim: asAnyArray(arrays).ndim };
}

function atleastNd(a: NdArray, ndim: number): NdArray {
  return a.ndim >= ndim ? a : a.reshape([...new Array<number>(ndim - a.ndim).fill(1), ...a.shape]);
}

/**
 * NumPy's `block(arrays)`: a new array built from nested lists of arrays
 * (or scalars), the deepest lists joined along the last axis.
 *
 * @example
 * block([[eye(2), zeros([2, 1])], [ones([1, 2]), asarray([[5]])]]).shape; // [3, 3]
 * @throws ValueError `List at arrays[0] cannot be empty`, `List depths are mismatched. ...`, or concatenate's errors.
 */
export function block(arrays: BlockArrays): NdArray {
  const { index, ndim } = checkDepths(arrays, []);
  const listNdim = index.length;
  if (listNdim > 0 && index[listNdim - 1] === null) throw new ValueError(`List at ${formatIndex(index)} cannot be empty`);
  const resultNdim = Math.max(ndim, listNdim);
  const build = (x: unknown, depth: number): NdArray => {
    if (depth < listNdim) {
      return concatenate(
        (x as unknown[]).map((y) => build(y, depth + 1)),
        { axis: -(listNdim - depth) },
      );
    }
    return atleastNd(asAnyArray(x), resultNdim);
  };
  const r = build(arrays, 0);
  // A lone block is still a new array, as NumPy's copy.
  return listNdim === 0 ? r.copy() : r;
}
