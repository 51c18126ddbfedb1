/**
 * NumPy's summation order for a float64 layout its loops cannot read in
 * place. NumPy sums an aligned layout pairwise per innermost row (what
 * {@link pairwiseSum} mirrors). A layout that is not aligned (a `<f8` at
 * offset 12 of a 28-byte packed record) goes through the iterator's buffer
 * instead: items are gathered in iteration order, across rows, into chunks
 * of the buffer size (`np.getbufsize()`, 8192 items), each chunk is summed
 * pairwise, and the chunk sums are added in order. The result differs from
 * a whole-row pairwise sum in the last bits once a row passes 8192 items.
 *
 * This module is the JS mirror of `BufferedSumPlan` in native/kernels.cc
 * (the kernel takes this order on its own for an unaligned `<f8` layout, and
 * lib/reduce.ts's JS path calls {@link bufferedPairwiseSum} for one); both
 * are checked against NumPy in test/buffered-sum.test.ts. Walks are in C
 * order: for a reversed or transposed unaligned view NumPy iterates in
 * memory order instead, so those can still differ from NumPy in the last
 * bits.
 * @module
 */
import { forEachRow } from './iterate';

/** NumPy's default buffer size in items (`np.getbufsize()`). */
export const NUMPY_BUFFER_ITEMS = 8192;

/**
 * NumPy's aligned flag: the first item's address and the stride of every
 * axis longer than one are multiples of `alignment` (the type's alignment,
 * 8 for a float64). `address` only matters modulo `alignment`.
 */
export function isNumpyAligned(address: number, shape: readonly number[], strides: readonly number[], alignment: number): boolean {
  if (address % alignment !== 0) return false;
  for (let k = 0; k < shape.length; k++) {
    if (shape[k] > 1 && strides[k] % alignment !== 0) return false;
  }
  return true;
}

/**
 * The sum of the values `read(off)` at every offset of the layout, in
 * NumPy's buffered order: chunks of {@link NUMPY_BUFFER_ITEMS} items in C
 * order, each summed pairwise, the chunk sums added in order.
 */
export function bufferedPairwiseSum(read: (off: number) => number, shape: readonly number[], strides: readonly number[], offset: number): number {
  const buf = new Float64Array(NUMPY_BUFFER_ITEMS);
  let fill = 0;
  let acc = 0;
  forEachRow(shape, strides, offset, (p, n, s) => {
    for (let i = 0; i < n; i++) {
      buf[fill++] = read(p + i * s);
      if (fill === NUMPY_BUFFER_ITEMS) {
        acc += pairwiseChunk(buf, 0, fill);
        fill = 0;
      }
    }
  });
  if (fill > 0) acc += pairwiseChunk(buf, 0, fill);
  return acc;
}

/**
 * NumPy's pairwise sum (PW_BLOCKSIZE 128) of `buf[p .. p + n)`: the order of
 * lib/reduce.ts's `pairwiseSum` on a buffer (kept here, not imported, since
 * reduce.ts imports this module; test/buffered-sum.test.ts checks the two agree).
 */
function pairwiseChunk(buf: Float64Array, p: number, n: number): number {
  if (n < 8) {
    // From -0, as NumPy's leaf: only -0 items then sum to -0 (0 + -0 is 0).
    let res = -0;
    for (let i = 0; i < n; i++) res += buf[p + i];
    return res;
  }
  if (n <= 128) {
    let r0 = buf[p];
    let r1 = buf[p + 1];
    let r2 = buf[p + 2];
    let r3 = buf[p + 3];
    let r4 = buf[p + 4];
    let r5 = buf[p + 5];
    let r6 = buf[p + 6];
    let r7 = buf[p + 7];
    const end = n - (n % 8);
    let i = 8;
    for (; i < end; i += 8) {
      const q = p + i;
      r0 += buf[q];
      r1 += buf[q + 1];
      r2 += buf[q + 2];
      r3 += buf[q + 3];
      r4 += buf[q + 4];
      r5 += buf[q + 5];
      r6 += buf[q + 6];
      r7 += buf[q + 7];
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) res += buf[p + i];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseChunk(buf, p, n2) + pairwiseChunk(buf, p + n2, n - n2);
}
