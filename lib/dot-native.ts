/**
 * The typed front of the native matrix-product kernel (native/dot_kernels.cc):
 * one n×k by k×m product of row-major typed arrays, or false when the
 * kernel does not take this dtype (the caller runs dot-kernel.ts's JS loop).
 * @module
 */
import type { DType } from './dtype';
import type { AnyTypedArray } from './typed';
import type { DotKind, GemmCall } from './dot-kernel';

/** Runs the product natively when the kernel takes `dt`; false otherwise. */
export function gemmNative(_kind: DotKind, _dt: DType, _A: AnyTypedArray, _B: AnyTypedArray, _C: AnyTypedArray, _call: GemmCall, _n: number, _k: number, _m: number): boolean {
  return false;
}
