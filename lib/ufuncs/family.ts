/**
 * How inner loops tell loop types apart: five families, each with its own
 * JS arithmetic. `b` bool (0/1 in a Uint8Array, any non-zero byte is true),
 * `i` ints of up to 32 bits (JS numbers; typed-array stores wrap as C does),
 * `I` 64-bit ints (BigInt; stores wrap), `f` floats (float16 computes in a
 * Float32Array, as NumPy computes half in float), `c` complex (re, im pairs).
 * @internal
 * @module
 */
import type { DType } from '../dtype';

export type Family = 'b' | 'i' | 'I' | 'f' | 'c';

/** The family of loop type `t`. */
export function family(t: DType): Family {
  switch (t.kind) {
    case 'b':
      return 'b';
    case 'i':
    case 'u':
      return t.itemsize === 8 ? 'I' : 'i';
    case 'f':
      return 'f';
    default:
      return 'c';
  }
}

/** Rounds an intermediate to the loop's float precision: float32 for float16/float32 (and complex64) loops. */
export function rounder(t: DType): (x: number) => number {
  const part = t.kind === 'c' ? t.itemsize / 2 : t.itemsize;
  return part === 8 ? (x) => x : Math.fround;
}
