/**
 * The loop types of the ufuncs (native-order numeric dtypes, in NumPy's
 * `ufunc.types` order) and the typed array each computes in. Kept apart from
 * `ufunc.ts` so the ufunc tables can be built at load time without importing
 * NdArray (ndarray.ts imports the ufuncs for its method shorthands).
 * @internal
 * @module
 */
import { dtype as toDType, type DType } from '../dtype';
import type { TA } from '../ufunc';

/** A typed array constructor of any loop type. */
export type Ctor = { new (n: number): TA; new (b: ArrayBufferLike, off: number, n: number): TA; readonly BYTES_PER_ELEMENT: number };

/** The typed array an inner loop uses for values of loop type `t`. */
export function loopArray(t: DType): Ctor {
  switch (t.kind + t.itemsize) {
    case 'b1': case 'u1': return Uint8Array as unknown as Ctor;
    case 'i1': return Int8Array as unknown as Ctor;
    case 'i2': return Int16Array as unknown as Ctor;
    case 'u2': return Uint16Array as unknown as Ctor;
    case 'i4': return Int32Array as unknown as Ctor;
    case 'u4': return Uint32Array as unknown as Ctor;
    case 'i8': return BigInt64Array as unknown as Ctor;
    case 'u8': return BigUint64Array as unknown as Ctor;
    case 'f2': case 'f4': case 'c8': return Float32Array as unknown as Ctor;
    case 'f8': case 'c16': return Float64Array as unknown as Ctor;
  }
  throw new TypeError(`no loop type for ${t.str}`);
}

export const T = {
  b: toDType('?'), i1: toDType('i1'), u1: toDType('u1'), i2: toDType('i2'), u2: toDType('u2'), i4: toDType('i4'),
  u4: toDType('u4'), i8: toDType('i8'), u8: toDType('u8'), f2: toDType('f2'), f4: toDType('f4'), f8: toDType('f8'),
  c8: toDType('c8'), c16: toDType('c16'),
} as const;

/** Loop type lists in NumPy's order (`ufunc.types`). */
export const INTS = [T.i1, T.u1, T.i2, T.u2, T.i4, T.u4, T.i8, T.u8];
export const FLOATS = [T.f2, T.f4, T.f8];
export const COMPLEX = [T.c8, T.c16];
export const ALL = [T.b, ...INTS, ...FLOATS, ...COMPLEX];

