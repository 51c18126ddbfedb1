/**
 * The typed front of the native matrix-product kernel (native/dot_kernels.cc):
 * one n×k by k×m product of row-major float64 or float32 typed arrays, or
 * false when the kernel does not take this dtype (the caller runs
 * dot-kernel.ts's JS mirror, which sums in the same order).
 * @module
 */
import type { DType } from './dtype';
import type { AnyTypedArray } from './typed';
import type { DotKind, GemmCall } from './dot-kernel';
import { dotGemm } from './native';

let forceJs = false;

/** @internal Tests: run the JS mirror instead of the kernel (returns the previous setting). */
export function forceDotJs(on: boolean): boolean {
  const was = forceJs;
  forceJs = on;
  return was;
}

/** Runs the product natively when the kernel takes `dt`; false otherwise. */
export function gemmNative(kind: DotKind, dt: DType, A: AnyTypedArray, B: AnyTypedArray, C: AnyTypedArray, call: GemmCall, n: number, k: number, m: number): boolean {
  if (forceJs || dotGemm === null || kind !== 'float') return false;
  const type = dt.itemsize === 8 ? 0 : dt.itemsize === 4 ? 1 : -1;
  if (type < 0) return false;
  dotGemm(type, A as Float64Array, call.aOff, B as Float64Array, call.bOff, C as Float64Array, call.cOff, n, k, m);
  return true;
}
