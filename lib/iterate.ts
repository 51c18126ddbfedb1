/**
 * Strided walks in C (row-major) index order over byte offsets. The callbacks
 * get absolute storage offsets; the innermost axis runs as a plain loop.
 * @module
 */

/** Calls `fn(offset)` for every element of the layout, in C index order. */
export function forEachOffset(
  shape: readonly number[],
  strides: readonly number[],
  offset: number,
  fn: (offset: number) => void,
): void {
  forEachRow(shape, strides, offset, (start, n, stride) => {
    for (let i = 0, o = start; i < n; i++, o += stride) fn(o);
  });
}

/** Walks two layouts of the same shape in lockstep: `fn(offsetA, offsetB)`. */
export function forEachOffset2(
  shape: readonly number[],
  stridesA: readonly number[],
  offsetA: number,
  stridesB: readonly number[],
  offsetB: number,
  fn: (a: number, b: number) => void,
): void {
  const ndim = shape.length;
  if (ndim === 0) {
    fn(offsetA, offsetB);
    return;
  }
  for (let i = 0; i < ndim; i++) if (shape[i] === 0) return;
  const last = ndim - 1;
  const n = shape[last];
  const sa = stridesA[last];
  const sb = stridesB[last];
  const idx = new Array<number>(Math.max(last, 0)).fill(0);
  let a0 = offsetA;
  let b0 = offsetB;
  for (;;) {
    for (let i = 0, a = a0, b = b0; i < n; i++, a += sa, b += sb) fn(a, b);
    let ax = last - 1;
    while (ax >= 0) {
      idx[ax]++;
      a0 += stridesA[ax];
      b0 += stridesB[ax];
      if (idx[ax] < shape[ax]) break;
      a0 -= stridesA[ax] * shape[ax];
      b0 -= stridesB[ax] * shape[ax];
      idx[ax] = 0;
      ax--;
    }
    if (ax < 0) return;
  }
}

/**
 * Calls `fn(offset, n, stride)` once per innermost row, in C index order: the
 * row holds `n` elements at offset, offset + stride, …. A 0-d layout is one
 * row of one element; an empty one has no rows.
 */
export function forEachRow(
  shape: readonly number[],
  strides: readonly number[],
  offset: number,
  fn: (offset: number, n: number, stride: number) => void,
): void {
  const ndim = shape.length;
  if (ndim === 0) {
    fn(offset, 1, 0);
    return;
  }
  for (let i = 0; i < ndim; i++) if (shape[i] === 0) return;
  const last = ndim - 1;
  const n = shape[last];
  const s = strides[last];
  if (ndim === 1) {
    fn(offset, n, s);
    return;
  }
  const idx = new Array<number>(last).fill(0);
  let base = offset;
  for (;;) {
    fn(base, n, s);
    let ax = last - 1;
    while (ax >= 0) {
      idx[ax]++;
      base += strides[ax];
      if (idx[ax] < shape[ax]) break;
      base -= strides[ax] * shape[ax];
      idx[ax] = 0;
      ax--;
    }
    if (ax < 0) return;
  }
}
