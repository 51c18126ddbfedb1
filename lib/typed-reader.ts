/**
 * The fast tier of the compute ops: a typed array over every byte an array
 * addresses, so element reads are `ta[index]` instead of a codec call. Only
 * for plain numeric dtypes in this host's byte order, aligned, inside one
 * ArrayBuffer; everything else takes the codec path, which gives the same
 * values.
 * @internal
 * @module
 */
import type { DType } from './dtype';
import { regionOf } from './kernels';
import { byteBounds, shapeToSize } from './layout';
import type { NdArray } from './ndarray';

type Typed = Float64Array | Float32Array | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | BigInt64Array | BigUint64Array;

/** A typed array and the element index of `a`'s element 0 in it, with element strides. */
export interface TypedLayout {
  array: Typed;
  /** Element index of the array's element 0. */
  start: number;
  /** Strides in elements. */
  strides: number[];
}

function ctorOf(dt: DType): (new (b: ArrayBuffer, o: number, n: number) => Typed) | null {
  if (!dt.isnative || dt.isStructured || dt.subdtype !== null) return null;
  switch (dt.kind + dt.itemsize) {
    case 'f8':
      return Float64Array;
    case 'f4':
      return Float32Array;
    case 'i1':
      return Int8Array;
    case 'u1':
      return Uint8Array;
    case 'b1':
      return Uint8Array;
    case 'i2':
      return Int16Array;
    case 'u2':
      return Uint16Array;
    case 'i4':
      return Int32Array;
    case 'u4':
      return Uint32Array;
    case 'i8':
      return BigInt64Array;
    case 'u8':
      return BigUint64Array;
  }
  return null;
}

/**
 * `a`'s elements as a typed array (read and write: callers check
 * `writeable` themselves), or null when `a` does not qualify. Bool arrays
 * come as Uint8Array of 0/1.
 */
export function typedLayout(a: NdArray): TypedLayout | null {
  const ctor = ctorOf(a.dtype);
  if (ctor === null) return null;
  const n = a.itemsize;
  for (const s of a.strides) if (s % n !== 0) return null;
  a._st.checkOpen();
  if (shapeToSize(a.shape) === 0) return null;
  const [lo, hi] = byteBounds(a.offset, a.shape, a.strides, n);
  const r = regionOf(a._st, lo, [hi - lo], [1], 1);
  if (r === null || r.byteOffset % n !== 0) return null;
  return { array: new ctor(r.buffer, r.byteOffset, (hi - lo) / n), start: (a.offset - lo) / n, strides: a.strides.map((s) => s / n) };
}
