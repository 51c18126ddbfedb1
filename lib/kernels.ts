/**
 * The typed, checked front of the native bulk kernels (native/kernels.cc):
 * strided copy with per-unit byte reversal, and sum/min/max. A kernel takes
 * an ArrayBuffer or a whole mapping (any size: it is not limited to one JS
 * window) and checks the layout against it natively. Callers ask here
 * whether an array qualifies; when it does not (a SharedArrayBuffer, a dtype
 * with no kernel, a tiny array where the N-API call costs more than the
 * loop) they run their JS path, which computes the same bits (the JS
 * mirror of the reduce kernel is reduce.ts).
 * @module
 */
import { types } from 'util';

import type { DType } from './dtype';
import { iterationLayout, shapeToSize } from './layout';
import { kernelCast, kernelCopy, kernelReduce, type KernelMemory } from './native';
import type { NdArray } from './ndarray';
import { MappedStorage, type Storage } from './storage';
import { storageOf } from './internal';

/** Below this many elements the JS loop beats the N-API call. */
export const NATIVE_MIN_ELEMENTS = 256;

/** Reduction operations, as the kernel numbers them. */
export const enum ReduceOp {
  Sum = 0,
  Min = 1,
  Max = 2,
  /** NumPy's fmin reduction (float32/float64 only): the least item that is not NaN, NaN when all are. */
  NanMin = 3,
  /** NumPy's fmax reduction (float32/float64 only). */
  NanMax = 4,
}

// Type codes shared with native/kernels.cc (enum Type).
const ELEMENT_CODES: Readonly<Record<string, number>> = {
  f8: 0,
  f4: 1,
  i1: 2,
  u1: 3,
  i2: 4,
  u2: 5,
  i4: 6,
  u4: 7,
  b1: 8,
  i8: 9,
  u8: 10,
};

// Cast type codes shared with native/kernels.cc (enum Type, then enum CastType).
const CAST_CODES: Readonly<Record<string, number>> = {
  ...ELEMENT_CODES,
  f2: 11,
  c8: 12,
  c16: 13,
};

const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The kernel's type code of a plain numeric dtype, or -1 when it has none. */
export function elementCode(dt: DType): number {
  if (dt.isStructured || dt.subdtype !== null) return -1;
  return ELEMENT_CODES[dt.kind + dt.itemsize] ?? -1;
}

/** The cast kernel's type code of a plain numeric dtype, or -1 when it has none. */
export function castCode(dt: DType): number {
  if (dt.isStructured || dt.subdtype !== null) return -1;
  return CAST_CODES[dt.kind + dt.itemsize] ?? -1;
}

/** True when `dt`'s bytes are stored in the other byte order than this host's. */
export function isSwapped(dt: DType): boolean {
  return dt.itemsize > 1 && dt.littleEndian !== LITTLE_ENDIAN_HOST;
}

/** Where a layout's bytes are, for a kernel: the memory and element 0's byte offset in it. */
export interface Region {
  readonly memory: KernelMemory;
  readonly byteOffset: number;
}

let nativeEnabled = true;

/** @internal A kernel call recorded instead of run, for lib/async.ts: the arguments of its sync twin. */
export interface KernelCall {
  readonly kind: 'copy' | 'cast' | 'reduce' | 'sort' | 'ufunc';
  readonly args: unknown[];
}

let captured: KernelCall[] | null = null;

/**
 * @internal Runs `fn` (a sync method: it validates, allocates and decides
 * as always) with every kernel call recorded instead of run, and mapped
 * memory handed over as the whole mapping (which close() cannot pull away
 * while an async kernel pins it). A reduction returns 0 as a placeholder.
 */
export function captureKernels<T>(fn: () => T): { value: T; calls: KernelCall[] } {
  const outer = captured;
  const calls: KernelCall[] = [];
  captured = calls;
  try {
    return { value: fn(), calls };
  } finally {
    captured = outer;
  }
}

/**
 * @internal Inside {@link captureKernels}, records a call of a kernel that
 * has no sync twin in this file (sort-kernels.ts's sortLanes,
 * ufunc-native.ts's kernelUfunc) and returns
 * true: the caller then does not run it. False outside.
 */
export function recordKernel(kind: KernelCall['kind'], args: unknown[]): boolean {
  if (captured === null) return false;
  captured.push({ kind, args });
  return true;
}

/**
 * @internal Runs `fn` with its kernel calls run now, on the JS thread, even
 * inside {@link captureKernels}: for work whose JS code reads what its own
 * kernels wrote (recorded, they would not have run yet, and it read zeros).
 */
export function runUncaptured<T>(fn: () => T): T {
  const outer = captured;
  captured = null;
  try {
    return fn();
  } finally {
    captured = outer;
  }
}

/** @internal True inside {@link captureKernels}: recorded calls may still point at any memory made so far. */
export function capturingKernels(): boolean {
  return captured !== null;
}

/**
 * @internal Turns the kernels off (every caller then runs its JS path) or
 * back on: tests pin the kernels to the JS reference this way.
 */
export function setNativeKernels(on: boolean): void {
  nativeEnabled = on;
}

/** @internal Whether the native kernels are on (see {@link setNativeKernels}). */
export function nativeKernelsOn(): boolean {
  return nativeEnabled;
}

/**
 * The memory holding every byte of the layout and element 0's offset in it,
 * or null when the kernels cannot reach it (a SharedArrayBuffer) or are
 * turned off. A mapping larger than one window is handed over whole: the
 * kernel checks the layout against the mapping's length itself. Throws
 * when the storage is closed.
 */
export function regionOf(st: Storage, offset: number): Region | null {
  if (st.closed) st.checkOpen();
  if (!nativeEnabled) return null;
  if (captured !== null && st instanceof MappedStorage) return { memory: st.handle, byteOffset: offset };
  const w = st.single;
  if (w === null) return st instanceof MappedStorage ? { memory: st.handle, byteOffset: offset } : null;
  const buffer = w.buffer;
  // Not instanceof: an ArrayBuffer made in another realm (a vm context, a
  // test sandbox) qualifies too.
  if (!types.isArrayBuffer(buffer)) return null;
  return { memory: buffer, byteOffset: w.bufferOffset + (offset - w.start) };
}

/**
 * sum/min/max of `a` by the kernel, or null when `a` does not qualify (the
 * caller then runs its JS path). min/max need a non-empty array. A BigInt
 * for 64-bit integers (exact), else a number; a float min/max that is a
 * zero over an array holding both +0 and -0 comes as `[its first zero]`
 * (which zero NumPy returns is reduce.ts's to find).
 */
export function reduceNative(a: NdArray, op: ReduceOp.Sum): number | bigint | null;
export function reduceNative(a: NdArray, op: ReduceOp.Min | ReduceOp.Max): number | bigint | readonly [number] | null;
export function reduceNative(a: NdArray, op: ReduceOp.NanMin | ReduceOp.NanMax): number | readonly [number] | null;
export function reduceNative(a: NdArray, op: ReduceOp): number | bigint | readonly [number] | null {
  const code = elementCode(a.dtype);
  if (code < 0 || shapeToSize(a.shape) < NATIVE_MIN_ELEMENTS) return null;
  // The fmin/fmax reductions have float32/float64 loops only.
  if ((op === ReduceOp.NanMin || op === ReduceOp.NanMax) && code > 1) return null;
  const r = regionOf(storageOf(a), a.offset);
  if (r === null) return null;
  // NumPy's walk: K order, axes merged (a C-contiguous 2-d array is one row).
  const w = iterationLayout(a.shape, a.strides);
  if (captured !== null) {
    captured.push({ kind: 'reduce', args: [r.memory, r.byteOffset, w.strides, w.shape, code, isSwapped(a.dtype), op] });
    return 0;
  }
  return kernelReduce(r.memory, r.byteOffset, w.strides, w.shape, code, isSwapped(a.dtype), op);
}

/**
 * Whether float32/float64 `a` may hold both +0 and -0 (which of two equal
 * zeros a max/min keeps then matters: extreme-zero.ts). False when the kernel
 * shows one of them absent: the items' bits read as signed integers have no
 * -0 (the smallest, -2^(bits-1)), or read as unsigned no +0 (0): one pass,
 * two when the array holds -0. True when it holds both, or when the kernel
 * does not take `a` (small arrays, while capturing an async call's kernels).
 */
export function mayHoldBothZeros(a: NdArray): boolean {
  if (captured !== null || a.dtype.kind !== 'f' || (a.itemsize !== 4 && a.itemsize !== 8)) return true;
  const bits = a.itemsize * 8;
  const order = a.dtype.str[0];
  const signed = reduceNative(a.view(`${order}i${a.itemsize}`), ReduceOp.Min);
  if (signed === null) return true;
  if (BigInt(signed as number | bigint) !== -(2n ** BigInt(bits - 1))) return false;
  const unsigned = reduceNative(a.view(`${order}u${a.itemsize}`), ReduceOp.Min);
  return unsigned === null || BigInt(unsigned as number | bigint) === 0n;
}

/** No byte range to reverse: a plain copy. */
export const NO_UNITS: readonly number[] = [];

/** Flat `[offset, length, …]` of the byte ranges to reverse per item. */
export function flatUnits(units: readonly (readonly [number, number])[]): number[] {
  const out: number[] = [];
  for (const [o, n] of units) if (n > 1) out.push(o, n);
  return out;
}

/**
 * dst[i] = src[i] over `shape` with each unit in `units` byte-reversed, by
 * the kernel; false when either side does not qualify (nothing was written).
 * The two layouts must not overlap unless they are the very same bytes.
 */
export function copyNative(
  src: Storage,
  srcOffset: number,
  srcStrides: readonly number[],
  dst: Storage,
  dstOffset: number,
  dstStrides: readonly number[],
  shape: readonly number[],
  itemsize: number,
  units: readonly number[],
): boolean {
  if (itemsize === 0 || shapeToSize(shape) < NATIVE_MIN_ELEMENTS) return false;
  const s = regionOf(src, srcOffset);
  if (s === null) return false;
  const d = regionOf(dst, dstOffset);
  if (d === null) return false;
  if (captured !== null) {
    captured.push({ kind: 'copy', args: [s.memory, s.byteOffset, srcStrides, d.memory, d.byteOffset, dstStrides, shape, itemsize, units] });
    return true;
  }
  kernelCopy(s.memory, s.byteOffset, srcStrides, d.memory, d.byteOffset, dstStrides, shape, itemsize, units);
  return true;
}

/**
 * dst[i] = src[i] cast from `from` to `to` (NumPy's unsafe casting, the
 * results of lib/cast.ts) over `shape`, by the kernel; false when either
 * side or dtype does not qualify (nothing was written). The layouts must
 * not overlap.
 */
export function castNative(
  src: Storage,
  srcOffset: number,
  srcStrides: readonly number[],
  from: DType,
  dst: Storage,
  dstOffset: number,
  dstStrides: readonly number[],
  to: DType,
  shape: readonly number[],
): boolean {
  const sc = castCode(from);
  const dc = castCode(to);
  if (sc < 0 || dc < 0 || shapeToSize(shape) < NATIVE_MIN_ELEMENTS) return false;
  const s = regionOf(src, srcOffset);
  if (s === null) return false;
  const d = regionOf(dst, dstOffset);
  if (d === null) return false;
  if (captured !== null) {
    captured.push({ kind: 'cast', args: [s.memory, s.byteOffset, srcStrides, sc, isSwapped(from), d.memory, d.byteOffset, dstStrides, dc, isSwapped(to), shape] });
    return true;
  }
  kernelCast(s.memory, s.byteOffset, srcStrides, sc, isSwapped(from), d.memory, d.byteOffset, dstStrides, dc, isSwapped(to), shape);
  return true;
}
