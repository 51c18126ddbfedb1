/**
 * NumPy's `block(arrays)`: one array assembled from nested lists of blocks.
 * The innermost lists join along the last axis, the next ones out along the
 * one before, and so on; every block is first given the result's number of
 * axes (leading length-1 axes, NumPy's `array(x, ndmin=n)`). The nesting
 * must be equally deep everywhere and no list may be empty; errors name the
 * offending position as NumPy does (`arrays[1][0]`). Built by concatenate,
 * so dtype promotion and the errors for blocks that do not fit are its.
 * NumPy assembles big results (list depth x total size > 2 * 512 * 512)
 * another way (`_block_slicing`): C order unless every block is
 * F-contiguous (and not all C-contiguous), and its own message for blocks
 * that do not fit (`Mismatched array shapes in block along axis 1.`); here
 * the same layout and message for the same sizes (the concatenated result
 * is copied when its layout differs). JS has no tuples: NumPy's TypeError
 * for a tuple has no counterpart.
 * @module
 */
import type { NdArray } from './ndarray';
import { ValueError } from './errors';
import { MAXDIMS, checkNdim } from './layout';
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
  /** Elements in all blocks (NumPy's estimate of the copies, which picks the algorithm). */
  size: number;
  /** The nesting as read (once): lists of subtrees, blocks as arrays. */
  tree: Tree;
}

type Tree = NdArray | Tree[];

/** NumPy's threshold (list depth x total size) above which block copies into a preallocated result. */
const SLICING_MIN = 2 * 512 * 512;

/**
 * NumPy's _block_check_depths_match: the first bottom's index (null-terminated
 * when it is an empty list) and the largest block ndim. Each list is read
 * once here (a getter or Proxy runs once; the build below walks the copy),
 * and no deeper than {@link MAXDIMS} lists: every list level is an axis of
 * the result, and a list that holds itself recursed until the stack
 * overflowed (a RangeError with no code; NumPy's RecursionError).
 */
function checkDepths(arrays: unknown, parent: (number | null)[]): Depth {
  if (Array.isArray(arrays)) {
    if (parent.length >= MAXDIMS) checkNdim(parent.length + 1);
    const n = arrays.length;
    if (n === 0) return { index: [...parent, null], ndim: 0, size: 0, tree: [] };
    let first: Depth | null = null;
    let ndim = 0;
    let size = 0;
    const tree: Tree[] = [];
    for (let i = 0; i < n; i++) {
      const d = checkDepths(arrays[i], [...parent, i]);
      tree.push(d.tree);
      ndim = Math.max(ndim, d.ndim);
      size += d.size;
      if (first === null) {
        first = d;
        continue;
      }
      if (d.index.length !== first.index.length) {
        throw new ValueError(
          `List depths are mismatched. First element was at depth ${first.index.length}, but there is an element at depth ${d.index.length} (${formatIndex(d.index)})`,
        );
      }
      // An empty list at the bottom is carried up, to be reported.
      if (d.index[d.index.length - 1] === null) first = d;
    }
    return { index: first!.index, ndim, size, tree };
  }
  const a = asAnyArray(arrays);
  return { index: parent, ndim: a.ndim, size: a.size, tree: a };
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
  const { index, ndim, size, tree } = checkDepths(arrays, []);
  const listNdim = index.length;
  if (listNdim > 0 && index[listNdim - 1] === null) throw new ValueError(`List at ${formatIndex(index)} cannot be empty`);
  const resultNdim = Math.max(ndim, listNdim);
  const slicing = listNdim * size > SLICING_MIN;
  const leaves: NdArray[] = [];
  const build = (x: Tree, depth: number): NdArray => {
    if (depth < listNdim) {
      const parts = (x as Tree[]).map((y) => build(y, depth + 1));
      const axis = resultNdim - listNdim + depth;
      if (slicing) {
        // NumPy's _concatenate_shapes checks the shapes before anything is copied, with its own words.
        for (const p of parts) {
          if (p.shape.some((n, d) => d !== axis && n !== parts[0].shape[d])) throw new ValueError(`Mismatched array shapes in block along axis ${axis}.`);
        }
      }
      return concatenate(parts, { axis });
    }
    const leaf = atleastNd(x as NdArray, resultNdim);
    leaves.push(leaf);
    return leaf;
  };
  const r = build(tree, 0);
  // A lone block is still a new array, as NumPy's copy.
  if (listNdim === 0) return r.copy();
  if (!slicing) return r;
  const fOrder = leaves.every((a) => a.flags.fContiguous) && !leaves.every((a) => a.flags.cContiguous);
  const laidOut = fOrder ? r.flags.fContiguous : r.flags.cContiguous;
  return laidOut ? r : r.copy(fOrder ? 'F' : 'C');
}
