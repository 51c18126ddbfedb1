/**
 * The typed front of the sorting loops (native/sort_kernels.cc): a stable
 * sort or argsort of every lane of an array along one axis, in NumPy's order
 * (NaN last, ±0 equal, complex numbers by NumPy's NaN classes), for every
 * plain numeric dtype (float16 and complex included) in either byte order,
 * over any strided view, aligned or not. Each function returns false when
 * its operands do not qualify (another dtype, a SharedArrayBuffer, kernels
 * turned off by `setNativeKernels(false)`, a tiny array); the caller then
 * runs its JS path (lib/sort.ts), which gives the same bits.
 * @internal
 * @module
 */
import { storageOf } from './internal';
import { castCode, isSwapped, NATIVE_MIN_ELEMENTS, regionOf } from './kernels';
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
  if (code < 0 || src.ndim === 0 || src.size < NATIVE_MIN_ELEMENTS) return false;
  if (arg && (src.shape[axis] > 0xffffffff || dst.itemsize !== 8 || isSwapped(dst.dtype))) return false;
  const s = regionOf(storageOf(src), src.offset);
  const d = regionOf(storageOf(dst), dst.offset);
  if (s === null || d === null) return false;
  K.sortLanes(
    s.memory, s.byteOffset, axisLast(src.shape, axis), axisLast(src.strides, axis), code, isSwapped(src.dtype),
    d.memory, d.byteOffset, axisLast(dst.strides, axis), arg,
  );
  return true;
}
