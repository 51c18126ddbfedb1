/**
 * `==` and `!=` between record (structured) and void arrays, as NumPy's
 * `_void_compare` (arrayobject.c) gives them to `a == b`: JS has no
 * operators, so `equal` and `notEqual` stand for them here (NumPy's
 * `np.equal` ufunc itself has no void loop).
 *
 * - Two record arrays compare when their dtypes promote (the same field
 *   names in the same order, each pair of fields promotable, subarray shapes
 *   equal); otherwise a `TypeError`. The arrays broadcast; each field
 *   compares with the comparison itself (numbers across dtypes and byte
 *   orders, nested records recursively, bytes without their trailing NULs);
 *   a subarray field's extra axes reduce with all (`==`) or any (`!=`); the
 *   fields combine with and (`==`) or or (`!=`). No fields: all `==`.
 * - Two unstructured voids (`V<n>`) compare their bytes; different lengths
 *   are a `TypeError`.
 * - A void array against anything else is a `TypeError`.
 * @module
 */
import type { NdArray } from '../ndarray';
import { broadcastShape } from '../broadcast';
import { dtype as toDType } from '../dtype';
import { allocate } from '../internal';
import { DTypePromotionError, promoteTypes } from '../promote';
import { broadcastTo } from '../views';
import { shapeToSize } from '../layout';

/** The comparison of two non-void arrays: `equal` or `notEqual`. */
export type FieldCompare = (a: NdArray, b: NdArray) => NdArray;

function isArray(x: unknown): x is NdArray {
  return x !== null && typeof x === 'object' && 'dtype' in x && 'shape' in x;
}

/** True when `x` is an array of a void kind (records or `V<n>`): the comparison goes here. */
export function isVoidOperand(x: unknown): boolean {
  return isArray(x) && x.dtype.kind === 'V';
}

/** NumPy's `a == b` (`eq`) or `a != b` for void operands; `cmp` compares the non-void fields. */
export function voidCompare(x1: unknown, x2: unknown, eq: boolean, cmp: FieldCompare, options?: unknown): NdArray {
  if (options !== undefined && options !== null && Object.keys(options).length > 0) {
    throw new TypeError(`comparing structured or void arrays takes no options (NumPy's == has none), got ${Object.keys(options).join(', ')}`);
  }
  if (!isVoidOperand(x1) || !isVoidOperand(x2)) throw new TypeError('Cannot compare structured or void to non-void arrays.');
  const a = x1 as NdArray;
  const b = x2 as NdArray;
  const shape = broadcastShape([a.shape, b.shape]);
  const ra = a.dtype.isStructured;
  const rb = b.dtype.isStructured;
  if (ra && rb) {
    try {
      promoteTypes(a.dtype, b.dtype);
    } catch (e) {
      if (!(e instanceof DTypePromotionError)) throw e;
      throw new TypeError('Cannot compare structured arrays unless they have a common dtype.  I.e. `np.result_type(arr1, arr2)` must be defined.', { cause: e });
    }
    const ba = broadcastTo(a, shape);
    const bb = broadcastTo(b, shape);
    const n = shapeToSize(shape);
    const acc = new Uint8Array(n).fill(eq ? 1 : 0);
    for (const name of a.dtype.names as readonly string[]) {
      const fa = ba.field(name);
      const fb = bb.field(name);
      const t = fieldCompare(fa, fb, eq, cmp);
      const bits = boolBits(t);
      const per = n === 0 ? 0 : bits.length / n; // a subarray field's items per element
      for (let i = 0; i < n; i++) {
        let v = eq ? 1 : 0;
        for (let k = i * per; k < (i + 1) * per; k++) {
          if (eq ? bits[k] === 0 : bits[k] !== 0) {
            v = eq ? 0 : 1;
            break;
          }
        }
        acc[i] = eq ? acc[i] & v : acc[i] | v;
      }
    }
    return boolArray(shape, acc);
  }
  if (ra || rb) throw new TypeError('Cannot compare structured with unstructured void arrays.');
  if (a.itemsize !== b.itemsize) {
    throw new TypeError('cannot compare unstructured voids of different length. Use bytes to compare. (This may return array of False in the future.)');
  }
  return bytesCompare(broadcastTo(a, shape), broadcastTo(b, shape), eq);
}

/** One field pair of the same shape: records recurse, bytes compare as bytes, the rest through `cmp`. */
function fieldCompare(a: NdArray, b: NdArray, eq: boolean, cmp: FieldCompare): NdArray {
  if (a.dtype.kind === 'V' || b.dtype.kind === 'V') return voidCompare(a, b, eq, cmp);
  if (a.dtype.kind === 'S' && b.dtype.kind === 'S') return bytesCompare(a, b, eq);
  return cmp(a, b);
}

/** Item by item byte equality of two arrays of one shape (`S` items read without trailing NULs). */
function bytesCompare(a: NdArray, b: NdArray, eq: boolean): NdArray {
  const xa = a.copy('C').reshape(-1);
  const xb = b.copy('C').reshape(-1);
  const out = new Uint8Array(xa.size);
  for (let i = 0; i < out.length; i++) {
    const u = xa.get(i) as Uint8Array;
    const v = xb.get(i) as Uint8Array;
    let same = u.length === v.length;
    for (let k = 0; same && k < u.length; k++) same = u[k] === v[k];
    out[i] = same === eq ? 1 : 0;
  }
  return boolArray(a.shape, out);
}

/** A bool array's bytes in C order, each 0 or 1 (any non-zero byte is true). */
function boolBits(t: NdArray): Uint8Array {
  const c = t.copy('C').reshape(-1);
  const out = new Uint8Array(c.size);
  for (let i = 0; i < out.length; i++) out[i] = c.get(i) ? 1 : 0;
  return out;
}

function boolArray(shape: readonly number[], bits: Uint8Array): NdArray {
  const r = allocate(toDType('?'), shape);
  if (bits.length > 0) r.reshape(-1).set(Array.from(bits, (x) => x !== 0));
  return r;
}
