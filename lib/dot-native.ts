/**
 * The typed front of the native matrix-product kernel (native/dot_kernels.cc):
 * one n×k by k×m product of row-major typed arrays of any dtype the products
 * compute in (float64, float32, the integers, complex128, complex64, bool).
 * dot-kernel.ts's JS loops are its mirror (the same bits), run only by tests
 * through {@link forceDotJs}.
 * @module
 */
import type { DType } from './dtype';
import type { AnyTypedArray } from './typed';
import { gemmJS, type DotKind, type GemmCall } from './dot-kernel';
import { dotGemm, dotGemmBatch, dotGemmThreads } from './native';

let forceJs = false;

/** @internal Tests: run the JS mirror instead of the kernel (returns the previous setting). */
export function forceDotJs(on: boolean): boolean {
  const was = forceJs;
  forceJs = on;
  return was;
}

/** @internal Tests: cap the threads one product may use (0: the default); returns the previous cap. Results never depend on it. */
export function setDotThreads(max: number): number {
  return dotGemmThreads(max);
}

/** The kernel's type code for a loop dtype of `kind` (native/dot_kernels.cc). */
function typeCode(kind: DotKind, dt: DType): number {
  switch (kind) {
    case 'float': return dt.itemsize === 8 ? 0 : 1;
    case 'complex': return dt.itemsize === 16 ? 3 : 4;
    case 'bool': return 5;
    default: return 2;
  }
}

/** C = A·B for one matrix of the stack: natively, or through the JS mirror when a test forces it. */
export function gemm(kind: DotKind, dt: DType, A: AnyTypedArray, B: AnyTypedArray, C: AnyTypedArray, call: GemmCall, n: number, k: number, m: number): void {
  if (forceJs) {
    gemmJS(kind, A, B, C, call, n, k, m);
    return;
  }
  dotGemm(typeCode(kind, dt), A, call.aOff, B, call.bOff, C, call.cOff, n, k, m);
}

/**
 * The products of a whole stack in one native call: C's t-th n×m matrix =
 * A[aOffs[t]…] · B[bOffs[t]…] (element offsets; complex: pairs). The same
 * bits as {@link gemm} per matrix; the JS mirror when a test forces it.
 */
export function gemmStack(kind: DotKind, dt: DType, A: AnyTypedArray, aOffs: Float64Array, B: AnyTypedArray, bOffs: Float64Array, C: AnyTypedArray, n: number, k: number, m: number): void {
  if (forceJs) {
    for (let t = 0; t < aOffs.length; t++) gemmJS(kind, A, B, C, { aOff: aOffs[t], bOff: bOffs[t], cOff: t * n * m }, n, k, m);
    return;
  }
  dotGemmBatch(typeCode(kind, dt), A, aOffs, B, bOffs, C, n, k, m);
}
