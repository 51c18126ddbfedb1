/**
 * NumPy's summation order for a float64 layout its iterator buffers. NumPy
 * sums a layout that walks as one row (contiguous, or one strided axis) or
 * as rows of a buffer or more pairwise per row, read in place (what
 * {@link pairwiseSum} mirrors). Two cases go through the iterator's buffer
 * instead: a layout that is not aligned (a `<f8` at offset 12 of a 28-byte
 * packed record), and one of two or more rows shorter than the buffer (a
 * slice of a matrix, a transposed view that does not merge into one row).
 * The buffer (`np.getbufsize()`, 8192 items) takes whole "cores" (the
 * innermost axes that fit in it), as many as fit, and restarts at each step
 * of the next axis out ({@link bufferSpan}); a row of 8192 items or more goes
 * in pieces of 8192, none across its end. Each buffer is summed pairwise and the buffer sums are added in
 * order: a different last bit from row-by-row sums.
 *
 * This module is the JS mirror of `BufferedSumPlan` in native/kernels.cc;
 * both are checked against NumPy in test/buffered-sum.test.ts. Both walk
 * the layout NumPy's iterator walks (layout.ts `iterationLayout`: K order,
 * axes merged), which the caller passes.
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
 * How NumPy's iterator fills its buffer over a walk of `shape` (innermost
 * axis last) whose rows are shorter than the buffer: the "core" is the
 * innermost axes whose items fit in the buffer together; each buffer holds
 * `per` items (whole cores, as many as fit) and none crosses a multiple of
 * `span` items (the next axis out: the buffer restarts at each step of it).
 * A walk that fits whole is one buffer (`per` = `span` = its size).
 */
export function bufferSpan(shape: readonly number[]): { per: number; span: number } {
  let core = shape.length === 0 ? 1 : shape[shape.length - 1];
  let k = shape.length - 1;
  while (k > 0 && core * shape[k - 1] <= NUMPY_BUFFER_ITEMS) core *= shape[--k];
  if (k <= 0) return { per: core, span: core };
  return { per: Math.floor(NUMPY_BUFFER_ITEMS / core) * core, span: core * shape[k - 1] };
}

/**
 * The sum of the values `read(off)` at every offset of the layout (walked in
 * C order: pass NumPy's walk), in NumPy's buffered order: buffers as
 * {@link bufferSpan} lays them out (a row of {@link NUMPY_BUFFER_ITEMS} or
 * more in pieces of that many), each summed pairwise, the buffer sums added
 * in order.
 */
export function bufferedPairwiseSum(read: (off: number) => number, shape: readonly number[], strides: readonly number[], offset: number, f4 = false): number {
  const row = shape.length === 0 ? 1 : shape[shape.length - 1];
  const { per, span } = row < NUMPY_BUFFER_ITEMS ? bufferSpan(shape) : { per: NUMPY_BUFFER_ITEMS, span: NUMPY_BUFFER_ITEMS };
  const cap = Math.min(per, NUMPY_BUFFER_ITEMS);
  // float32: the items and every addition in float32 (NumPy's float32 loop).
  const buf = f4 ? new Float32Array(cap) : new Float64Array(cap);
  const chunk = f4 ? (m: number): number => pairwiseChunkF4(buf, 0, m) : (m: number): number => pairwiseChunk(buf, 0, m);
  const add = f4 ? (x: number, y: number): number => Math.fround(x + y) : (x: number, y: number): number => x + y;
  let fill = 0;
  let acc = 0;
  let pos = 0;
  forEachRow(shape, strides, offset, (p, n, s) => {
    if (n >= NUMPY_BUFFER_ITEMS) {
      for (let lo = 0; lo < n; lo += NUMPY_BUFFER_ITEMS) {
        const m = Math.min(NUMPY_BUFFER_ITEMS, n - lo);
        for (let i = 0; i < m; i++) buf[i] = read(p + (lo + i) * s);
        acc = add(acc, chunk(m));
      }
      return;
    }
    // A full buffer, or the next step of the axis outside the core: a new buffer.
    if (fill > 0 && (fill === per || pos % span === 0)) {
      acc = add(acc, chunk(fill));
      fill = 0;
    }
    for (let i = 0; i < n; i++) buf[fill++] = read(p + i * s);
    pos += n;
  });
  if (fill > 0) acc = add(acc, chunk(fill));
  return acc;
}

/**
 * NumPy's FLOAT_pairwise_sum of `buf[p .. p + n)`: {@link pairwiseChunk}'s
 * order, each addition rounded to float32 (its float32 loop adds in the
 * item type). The one JS home of that order (reduce.ts, reduce-initial.ts).
 */
export function pairwiseChunkF4(buf: Float32Array | Float64Array, p: number, n: number): number {
  const F = Math.fround;
  if (n < 8) {
    let res = -0;
    for (let i = 0; i < n; i++) res = F(res + buf[p + i]);
    return res;
  }
  if (n <= 128) {
    const r = [0, 1, 2, 3, 4, 5, 6, 7].map((j) => buf[p + j]);
    const end = n - (n % 8);
    let i = 8;
    for (; i < end; i += 8) for (let j = 0; j < 8; j++) r[j] = F(r[j] + buf[p + i + j]);
    let res = F(F(F(r[0] + r[1]) + F(r[2] + r[3])) + F(F(r[4] + r[5]) + F(r[6] + r[7])));
    for (; i < n; i++) res = F(res + buf[p + i]);
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return F(pairwiseChunkF4(buf, p, n2) + pairwiseChunkF4(buf, p + n2, n - n2));
}

/**
 * NumPy's pairwise sum (PW_BLOCKSIZE 128) of `buf[p .. p + n)`: the order of
 * lib/reduce.ts's `pairwiseSum` on a buffer (kept here, not imported, since
 * reduce.ts imports this module; test/buffered-sum.test.ts checks the two agree).
 */
function pairwiseChunk(buf: Float32Array | Float64Array, p: number, n: number): number {
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
