/**
 * Comparisons of bytes (`S<n>`) arrays: `equal notEqual less lessEqual
 * greater greaterEqual` with an `S` array on both sides, as NumPy 2's string
 * loops give them (`city == b'Oslo'`, `ref != alt`, `names < b'M'`).
 *
 * Items compare byte by byte as unsigned values, the shorter one padded with
 * NULs, so `b'ab'` (S2) equals `b'ab'` stored as `S3` and a trailing NUL never
 * matters, while an inner NUL does (`b'a\0b' > b'a'`). Lengths may differ; the
 * arrays broadcast; the result is a new bool array. NumPy's `b'Oslo'` literal
 * is `array('Oslo')` here (a 0-d `S4`): a JS string is not a ufunc input. An
 * `S` array against a number keeps NumPy's `UFuncTypeError` (no loop); the
 * `out`/`where` options are not taken on this path (a `TypeError`).
 * @module
 */
import type { NdArray } from '../ndarray';
import { broadcastShape } from '../broadcast';
import { dtype as toDType } from '../dtype';
import { allocate } from '../internal';
import { broadcastTo } from '../views';

/** Which comparison: the sign of `memcmp` each one accepts. */
export type BytesOp = 'equal' | 'not_equal' | 'less' | 'less_equal' | 'greater' | 'greater_equal';

const ACCEPT: Record<BytesOp, (c: number) => boolean> = {
  equal: (c) => c === 0,
  not_equal: (c) => c !== 0,
  less: (c) => c < 0,
  less_equal: (c) => c <= 0,
  greater: (c) => c > 0,
  greater_equal: (c) => c >= 0,
};

function isBytesArray(x: unknown): x is NdArray {
  return x !== null && typeof x === 'object' && 'dtype' in x && 'shape' in x && (x as NdArray).dtype.kind === 'S';
}

/** True when both operands are `S` arrays: the comparison runs here. */
export function isBytesPair(x1: unknown, x2: unknown): boolean {
  return isBytesArray(x1) && isBytesArray(x2);
}

/** The C-order bytes of `a` broadcast to `shape` (a copy). */
function itemsOf(a: NdArray, shape: readonly number[]): Uint8Array {
  const c = broadcastTo(a, shape).copy('C');
  return new Uint8Array(c.buffer as ArrayBuffer, c.byteOffset, c.size * c.itemsize);
}

/** NumPy's `op(x1, x2)` for two `S` arrays (see the module comment). */
export function bytesCompare(op: BytesOp, x1: NdArray, x2: NdArray, options?: unknown): NdArray {
  if (options !== undefined && options !== null && Object.keys(options).length > 0) {
    throw new TypeError(`${op}() of bytes arrays takes no options here, got ${Object.keys(options).join(', ')}`);
  }
  const shape = broadcastShape([x1.shape, x2.shape]);
  const a = itemsOf(x1, shape);
  const b = itemsOf(x2, shape);
  const la = x1.itemsize;
  const lb = x2.itemsize;
  const long = Math.max(la, lb);
  const accept = ACCEPT[op];
  const r = allocate(toDType('?'), shape);
  const out = new Uint8Array(r.buffer as ArrayBuffer, r.byteOffset, r.size);
  for (let i = 0, pa = 0, pb = 0; i < out.length; i++, pa += la, pb += lb) {
    let c = 0;
    for (let k = 0; k < long && c === 0; k++) c = (k < la ? a[pa + k] : 0) - (k < lb ? b[pb + k] : 0);
    out[i] = accept(c) ? 1 : 0;
  }
  return r;
}
