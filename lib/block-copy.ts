/**
 * `dst[...] = src` for the shape functions' bulk copies (repeat, tile,
 * roll): the two views are walked with their axes permuted so that the
 * innermost loop runs over a long axis. The native copy kernel pays a fixed
 * cost per innermost row (about 0.5 us here), so a result seen as [n, 2]
 * (repeat by 2 along the last axis) copied row by row took 0.4-0.7 s per
 * million rows, and 8 ms when walked as [2, n]. The order of the stores does
 * not matter: the result is fresh memory that no input overlaps.
 * @module
 */
import type { NdArray } from './ndarray';

/** Innermost extents below this are moved out when a longer axis exists. */
const SHORT_ROW = 64;

/**
 * Copies `src` (broadcasting length-1 axes; the same number of axes as
 * `dst`) into `dst`, through NdArray.set, with the longest axis innermost
 * when the last one is short.
 */
export function copyBlock(dst: NdArray, src: NdArray): void {
  const n = dst.ndim;
  if (n < 2 || dst.shape[n - 1] >= SHORT_ROW) {
    dst.set(src);
    return;
  }
  let longest = n - 1;
  for (let i = 0; i < n; i++) if (dst.shape[i] > dst.shape[longest]) longest = i;
  if (longest === n - 1) {
    dst.set(src);
    return;
  }
  const perm = [...Array(n).keys()].filter((i) => i !== longest);
  perm.push(longest);
  dst.transpose(perm).set(src.transpose(perm));
}
