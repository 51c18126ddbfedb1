/**
 * The typed front of the sorting loops (native/sort_kernels.cc): a stable
 * sort or argsort of every lane of an array along one axis, in NumPy's order
 * (NaN last, ±0 equal, complex numbers by NumPy's NaN classes), for every
 * plain numeric dtype (float16 and complex included) in either byte order,
 * over any strided view, aligned or not; and NumPy's `unique` over the same
 * keys. Each function returns false when
 * its operands do not qualify (another dtype, a SharedArrayBuffer, kernels
 * turned off by `setNativeKernels(false)`, a tiny array); the caller then
 * runs its JS path (lib/sort.ts), which gives the same bits.
 * @internal
 * @module
 */
import { storageOf } from './internal';
import { castCode, isSwapped, NATIVE_MIN_ELEMENTS, recordKernel, regionOf } from './kernels';
import { sortKernels as K } from './native';
import type { NdArray } from './ndarray';

/** `xs` with item `axis` moved last. */
function axisLast(xs: readonly number[], axis: number): number[] {
  const out = xs.filter((_, i) => i !== axis);
  out.push(xs[axis]);
  return out;
}

/**
 * Sorts each lane of `src` along `axis` stably into `dst`, an array of
 * `src`'s shape: with `arg` false the lane's items (`dst` of `src`'s dtype,
 * or `src` itself for an in-place sort), with `arg` true their positions in
 * the lane (`dst` of native int64). False (nothing written) when the
 * operands do not qualify.
 */
export function sortLanesNative(src: NdArray, axis: number, dst: NdArray, arg: boolean): boolean {
  const code = castCode(src.dtype);
  if (code < 0 || src.ndim === 0 || src.size === 0) return false;
  if (arg && (src.shape[axis] > 0xffffffff || dst.itemsize !== 8 || isSwapped(dst.dtype))) return false;
  const s = regionOf(storageOf(src), src.offset);
  const d = regionOf(storageOf(dst), dst.offset);
  if (s === null || d === null) return false;
  const args = [
    s.memory, s.byteOffset, axisLast(src.shape, axis), axisLast(src.strides, axis), code, isSwapped(src.dtype),
    d.memory, d.byteOffset, axisLast(dst.strides, axis), arg,
  ] as const;
  // Recorded by lib/async.ts (sortAsync/argsortAsync) to run on the pool.
  if (!recordKernel('sort', [...args])) K.sortLanes(...args);
  return true;
}

/** The most items a list argument of the kernels holds (native ToInts: NumPy's NPY_MAXDIMS). */
const MAX_NATIVE_LIST = 64;

/**
 * Partitions each lane of `src` along `axis` into `dst` at each of `kths`
 * (ascending, distinct, in the lane; NumPy's partition, NaN last): with
 * `arg` false the lane's items (`dst` of `src`'s dtype, or `src` itself),
 * with `arg` true their positions (`dst` of native int64). False (nothing
 * written) when the operands do not qualify.
 */
export function partitionLanesNative(src: NdArray, axis: number, dst: NdArray, arg: boolean, kths: readonly number[]): boolean {
  const code = castCode(src.dtype);
  // The kernel reads its lists through ToInts, which takes at most 64 items (NPY_MAXDIMS):
  // more kths went to it as a bare "bad arguments" TypeError; the sort partitions at every kth.
  if (code < 0 || src.ndim === 0 || src.size === 0 || src.shape[axis] > 0xffffffff || kths.length > MAX_NATIVE_LIST) return false;
  if (arg && (dst.itemsize !== 8 || isSwapped(dst.dtype))) return false;
  const s = regionOf(storageOf(src), src.offset);
  const d = regionOf(storageOf(dst), dst.offset);
  if (s === null || d === null) return false;
  K.partitionLanes(
    s.memory, s.byteOffset, axisLast(src.shape, axis), axisLast(src.strides, axis), code, isSwapped(src.dtype),
    d.memory, d.byteOffset, axisLast(dst.strides, axis), arg, kths,
  );
  return true;
}

/** The unique kernel's results: the distinct values' bytes and, on request, counts and first positions (native int64). */
export interface UniqueBuffers {
  readonly values: ArrayBuffer;
  readonly counts: ArrayBuffer | undefined;
  readonly index: ArrayBuffer | undefined;
}

/** The cast code of float16, the last the unique kernel takes (no complex). */
const LAST_UNIQUE_CODE = 11;

/** The unique kernel's arguments (native/sort_kernels.cc `unique`, and `uniqueAsync` before its settle). */
export type UniqueArgs = Parameters<typeof K.unique>;

/**
 * The arguments of NumPy's `unique` (equal_nan) of `a` flattened in C order
 * for the native kernel (sync `unique`, or `uniqueAsync` on the pool): on
 * request counts and first positions, and with `inverse` (a new
 * C-contiguous native int64 array of `a`'s shape) each item's value number
 * written there. Null when the operands do not qualify.
 */
export function uniqueNativeArgs(a: NdArray, counts: boolean, index: boolean, inverse: NdArray | null): UniqueArgs | null {
  const code = castCode(a.dtype);
  if (code < 0 || code > LAST_UNIQUE_CODE || a.ndim === 0 || a.size < NATIVE_MIN_ELEMENTS) return null;
  if ((index || inverse !== null) && a.size > 0xffffffff) return null;
  if (inverse !== null && (inverse.itemsize !== 8 || isSwapped(inverse.dtype) || !inverse.flags.cContiguous)) return null;
  const s = regionOf(storageOf(a), a.offset);
  const d = inverse === null ? null : regionOf(storageOf(inverse), inverse.offset);
  if (s === null || (inverse !== null && d === null)) return null;
  return [s.memory, s.byteOffset, a.shape, a.strides, code, isSwapped(a.dtype), counts, index, d?.memory ?? null, d?.byteOffset ?? 0];
}

/** The unique kernel's result as {@link UniqueBuffers}. */
export function uniqueBuffersOf([values, counts, index]: ReturnType<typeof K.unique>): UniqueBuffers {
  return { values, counts, index };
}

/** Runs the unique kernel on the JS thread over {@link uniqueNativeArgs}' arguments. */
export function uniqueKernel(args: UniqueArgs): UniqueBuffers {
  return uniqueBuffersOf(K.unique(...args));
}
