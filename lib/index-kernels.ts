/**
 * The typed front of the compute ops' native loops (native/index_kernels.cc):
 * axis reductions into a per-output accumulator, argmin/argmax per row,
 * `addAt`'s scatter-add, the gathers of `take` and `compress`, a stable
 * radix argsort, bincount's two passes, nonzero's positions and
 * searchsorted's binary searches. Each function returns null/false when its operands
 * do not qualify (a dtype with no kernel, a SharedArrayBuffer, kernels
 * turned off by `setNativeKernels(false)`, a tiny array); the caller then
 * runs its JS path, which gives the same bits. Memory is a whole mapping when the array's
 * bytes do not fit one JS window, so every loop reaches past 4 GiB.
 * @internal
 * @module
 */
import { allocationError, IndexError, ValueError } from './errors';
import { storageOf, NdArray as ArrayClass } from './internal';
import { MappedStorage } from './storage';
import { elementCode, isSwapped, NATIVE_MIN_ELEMENTS, regionOf, type Region } from './kernels';
import { shapeToSize } from './layout';
import { NEGATIVE_POWER, nativeAtOp } from './ufunc-native';
import { indexKernels as K, type AxisOut, type AxisWalk, type KernelMemory, type StartsOperand } from './native';
import { allocate } from './internal';
import { INTP } from './compute-values';
import type { NdArray } from './ndarray';
import type { DType } from './dtype';

/** Axis-reduction operations, as the kernel numbers them. */
export const enum AxisOp {
  Sum = 0,
  Min = 1,
  Max = 2,
  Count = 3,
  IntSum = 4,
  /** A float32 sum into a Float32Array (NumPy's float32 loop). */
  F4Sum = 5,
  /** logical_or / logical_and reduce into a Uint8Array of 0/1, set by the kernel first; a row stops at its first deciding item. */
  Any = 6,
  All = 7,
}

/** One walked axis: [length, input byte stride, output element stride]. */
export type WalkDim = readonly [number, number, number];

/** The walk arguments of `a` over `dims` (outermost first, from `a.offset`), or null when `a` does not qualify. */
function axisWalk(a: NdArray, dims: readonly WalkDim[]): AxisWalk | null {
  const code = elementCode(a.dtype);
  if (code < 0 || shapeToSize(a.shape) < NATIVE_MIN_ELEMENTS) return null;
  const r = regionOf(storageOf(a), a.offset);
  if (r === null) return null;
  return [r.memory, r.byteOffset, dims.map((d) => d[0]), dims.map((d) => d[1]), dims.map((d) => d[2]), code, isSwapped(a.dtype)];
}

/**
 * Folds every element of `a` (walked over `dims`, outermost first, from
 * `a.offset`) into `out` by `op`; false (nothing done) when `a` does not
 * qualify. `chunk` is the pairwise block of a float sum (rows longer than
 * it are summed chunk by chunk, as NumPy's buffered loop does). Min and max
 * write `out` (a typed array of `a`'s own item type, bool as Uint8Array)
 * whole, as Any and All do (a Uint8Array); the other ops add into its
 * starting values. `blockDims` (Sum and F4Sum, two or more): the innermost
 * that many walked axes are all reduced and the items cast; each result's
 * items are summed in NumPy's buffers of whole rows, at most `chunk` items.
 */
export function axisReduceNative(a: NdArray, dims: readonly WalkDim[], op: AxisOp, out: AxisOut, chunk: number, blockDims = 0): boolean {
  const w = axisWalk(a, dims);
  if (w === null) return false;
  K.axisReduce(...w, op, out, chunk, blockDims);
  return true;
}

/**
 * Multiplies each item of `a` into `out` along the walk `dims` (as
 * {@link axisReduceNative}): float64 products into a Float64Array, wrapping
 * 64-bit ones into a BigInt64Array (integer and bool items only). False
 * when `a` does not qualify.
 */
export function axisProdNative(a: NdArray, dims: readonly WalkDim[], out: Float64Array | BigInt64Array): boolean {
  if (out instanceof BigInt64Array && a.dtype.kind === 'f') return false;
  const w = axisWalk(a, dims);
  if (w === null) return false;
  K.axisProd(...w, out);
  return true;
}

/**
 * The position of the first extreme of each row of `a` along its last axis
 * (rows in C order), or with `flat` of the whole array in C order, as a
 * Float64Array; null when `a` does not qualify.
 */
export function argReduceNative(a: NdArray, max: boolean, flat: boolean): Float64Array | null {
  const code = elementCode(a.dtype);
  if (code < 0 || a.ndim === 0 || shapeToSize(a.shape) < NATIVE_MIN_ELEMENTS) return null;
  const r = regionOf(storageOf(a), a.offset);
  if (r === null) return null;
  const out = new Float64Array(flat ? 1 : shapeToSize(a.shape) / a.shape[a.ndim - 1]);
  K.argReduce(r.memory, r.byteOffset, a.shape, a.strides, code, isSwapped(a.dtype), max, flat, out);
  return out;
}

function indexArgs(idx: NdArray): [unknown, number, number, number, number, boolean] | null {
  const code = elementCode(idx.dtype);
  if (idx.ndim !== 1 || code < 0 || !(idx.dtype.kind === 'i' || idx.dtype.kind === 'u')) return null;
  const r = regionOf(storageOf(idx), idx.offset);
  if (r === null) return null;
  return [r.memory, r.byteOffset, idx.shape[0], idx.strides[0], code, isSwapped(idx.dtype)];
}

/**
 * `a[idx[k]] += value` for each k, in order, for a 1-d `a` of float64,
 * float32 or an integer type of at most 32 bits (`value` already in the
 * loop's terms: float32 rounded, integers wrapped) and a 1-d integer `idx`.
 * Returns -1 when done, the position of the first index out of range (and
 * nothing written), or null when the operands do not qualify.
 */
export function addAtNative(a: NdArray, idx: NdArray, value: number): number | null {
  const code = elementCode(a.dtype);
  if (a.ndim !== 1 || code < 0 || code === 8 || code > 7 || idx.size < NATIVE_MIN_ELEMENTS) return null;
  const ia = indexArgs(idx);
  if (ia === null) return null;
  const st = storageOf(a);
  const r = regionOf(st, a.offset);
  if (r === null) return null;
  const [im, io, ic, is, it, isw] = ia;
  if (!(st instanceof MappedStorage)) return K.addAt(r.memory, r.byteOffset, a.shape[0], a.strides[0], code, isSwapped(a.dtype), im as never, io, ic, is, it, isw, value);
  // A mapping goes by its handle even when one JS window holds it, so the
  // kernel sees its pages and can read cold ones ahead of the writes; indices
  // in the same mapping go by the same handle, so it sees the overlap too.
  const [sm, so] = storageOf(idx) === st ? [st.handle, idx.offset] : [im, io];
  return K.addAt(st.handle, a.offset, a.shape[0], a.strides[0], code, isSwapped(a.dtype), sm as never, so, ic, is, it, isw, value);
}

/**
 * NumPy's ufunc.at by the kernel: `a[idx[k]] = op(a[idx[k]], values[k])`
 * (`op(a[idx[k]])` for a unary `op`, `values` null) for each k in order,
 * with the native loop of operation `op` (lib/ufunc-native.ts's codes) at
 * `a`'s dtype, which must be that loop's compute and result type: a 1-d `a`
 * of float64, float32, an integer or bool dtype, native order and aligned,
 * a 1-d integer `idx`, and `values` of `a`'s dtype, 1-d with `idx.size`
 * items or one (every index takes it). `indexed`: the values were not cast
 * from another dtype, so NumPy's ufunc.at takes its indexed loop (fmax and
 * fmin keep the second of tied zeros there). Returns -1 when done, the position
 * of the first index out of range (nothing written), `-(k + 2)` when item k
 * was a signed integer power with a negative exponent (the items before it
 * written, it not: NumPy's loop stops there), or null when the operands do
 * not qualify.
 */
export function ufuncAtNative(op: number, a: NdArray, idx: NdArray, values: NdArray | null, indexed: boolean): number | null {
  const code = elementCode(a.dtype);
  if (a.ndim !== 1 || code < 0 || isSwapped(a.dtype) || !a.flags.aligned) return null;
  if (values !== null && (values.ndim !== 1 || (values.shape[0] !== idx.size && values.shape[0] !== 1) || !values.dtype.equals(a.dtype) || !values.flags.aligned)) return null;
  const ia = indexArgs(idx);
  if (ia === null) return null;
  const st = storageOf(a);
  const r = regionOf(st, a.offset);
  const v = values === null ? null : regionOf(storageOf(values), values.offset);
  if (r === null || (values !== null && v === null)) return null;
  const [im, io, ic, is, it, isw] = ia;
  const vs = values === null || values.shape[0] === 1 ? 0 : values.strides[0];
  // A mapping goes by its handle (as addAtNative), so the kernel sees indices
  // or values in the same mapping as overlapping the target.
  const mapped = st instanceof MappedStorage;
  const [am, ao] = mapped ? [st.handle, a.offset] : [r.memory, r.byteOffset];
  const [sm, so] = mapped && storageOf(idx) === st ? [st.handle, idx.offset] : [im, io];
  const [vm, vo] = values !== null && mapped && storageOf(values) === st ? [st.handle, values.offset] : [v?.memory ?? null, v?.byteOffset ?? 0];
  return K.ufuncAt(op, code, am as never, ao, a.shape[0], a.strides[0], sm as never, so, ic, is, it, isw, vm as never, vo, vs, indexed);
}

/**
 * The kernel's view of a fold's result and input ({@link ufuncFoldNative},
 * {@link ufuncReduceatNative}): their type code and regions, or null when
 * they do not qualify (another dtype, swapped or unaligned items, the same
 * storage, memory the kernels cannot reach).
 */
function foldOperands(res: NdArray, x: NdArray): [number, Region, Region] | null {
  const code = elementCode(res.dtype);
  if (code < 0 || !x.dtype.equals(res.dtype) || isSwapped(res.dtype) || !res.flags.aligned || !x.flags.aligned) return null;
  const rs = storageOf(res);
  const xs = storageOf(x);
  if (rs === xs) return null;
  const r = regionOf(rs, res.offset);
  const v = regionOf(xs, x.offset);
  return r === null || v === null ? null : [code, r, v];
}

/**
 * NumPy's `ufunc.accumulate` and `ufunc.reduce` by the native loop of op
 * `op` (lib/ufunc-native.ts numbering, as {@link ufuncAtNative}). `x` is
 * 2-d, [steps, lanes]; `res` is [steps, lanes] for an accumulation (row 0
 * already written, `first` 1: row k becomes op(row k - 1, row k of x)) or
 * the [lanes] accumulators of a reduction (folded with rows `first` ..
 * steps - 1 of x, in order). One dtype, native order, aligned, `res`
 * writable. -1 when done, the step of a signed integer power's negative
 * exponent, or null when the operands do not qualify (the caller's loop of
 * ufunc calls runs instead).
 */
export function ufuncFoldNative(op: number, res: NdArray, x: NdArray, first: number): number | null {
  const reduce = res.ndim === 1;
  if (x.ndim !== 2 || (reduce ? res.shape[0] !== x.shape[1] : res.ndim !== 2)) return null;
  const o = foldOperands(res, x);
  if (o === null) return null;
  const [code, r, v] = o;
  const [stepStride, laneStride] = reduce ? [0, res.strides[0]] : [res.strides[0], res.strides[1]];
  return K.ufuncAccumulate(op, code, r.memory as never, r.byteOffset, v.memory as never, v.byteOffset, x.shape[0], x.shape[1], stepStride, laneStride, x.strides[0], x.strides[1], first);
}

/**
 * NumPy's `ufunc.reduceat` by the native loop of op `op`: `x` [n, lanes],
 * `res` [starts.length, lanes], one dtype, native order, aligned; group i
 * (rows `starts[i]` up to the next larger start, else that row alone; the
 * last to the end) folded in order into row i. -1 when done, the group of a
 * signed integer power's negative exponent, or null when the operands do
 * not qualify.
 */
export function ufuncReduceatNative(op: number, res: NdArray, x: NdArray, starts: StartsOperand): number | null {
  if (x.ndim !== 2 || res.ndim !== 2) return null;
  const o = foldOperands(res, x);
  if (o === null) return null;
  const [code, r, v] = o;
  return K.ufuncReduceat(op, code, r.memory as never, r.byteOffset, v.memory as never, v.byteOffset, x.shape[0], x.shape[1], x.strides[0], x.strides[1], res.strides[0], res.strides[1], starts);
}

/**
 * {@link ufuncAtNative} for an N-d `a` and one 1-d integer index array per
 * axis, all of one length (`a[keys[0][k], keys[1][k], ...]`), `a` of any
 * strides: -1 when done, `-(k + 2)` for a negative integer power at item
 * k, or null when the operands do not qualify — an index out of range among
 * them (nothing written: the caller's general path raises NumPy's error).
 */
export function ufuncAtMultiNative(op: number, a: NdArray, keys: readonly NdArray[], values: NdArray | null, indexed: boolean): number | null {
  const code = elementCode(a.dtype);
  if (a.ndim < 2 || keys.length !== a.ndim || code < 0 || isSwapped(a.dtype) || !a.flags.aligned) return null;
  const count = keys[0]!.size;
  if (values !== null && (values.ndim !== 1 || (values.shape[0] !== count && values.shape[0] !== 1) || !values.dtype.equals(a.dtype) || !values.flags.aligned)) return null;
  const st = storageOf(a);
  const r = regionOf(st, a.offset);
  const v = values === null ? null : regionOf(storageOf(values), values.offset);
  if (r === null || (values !== null && v === null)) return null;
  // A mapping goes by its handle (as ufuncAtNative), so the kernel sees
  // indices or values in the same mapping as overlapping the target.
  const mapped = st instanceof MappedStorage;
  const idx: unknown[] = [];
  for (const k of keys) {
    const ia = k.size === count ? indexArgs(k) : null;
    if (ia === null) return null;
    if (mapped && storageOf(k) === st) [ia[0], ia[1]] = [st.handle, k.offset];
    idx.push(...ia);
  }
  const [am, ao] = mapped ? [st.handle, a.offset] : [r.memory, r.byteOffset];
  const [vm, vo] = values !== null && mapped && storageOf(values) === st ? [st.handle, values.offset] : [v?.memory ?? null, v?.byteOffset ?? 0];
  const vs = values === null || values.shape[0] === 1 ? 0 : values.strides[0];
  return K.ufuncAtMulti(op, code, am as never, ao, a.shape, a.strides, vm as never, vo, vs, indexed, ...(idx as never[]));
}

/**
 * ufunc.at's kernel path (lib/ufuncs/at.ts, and addAt's array values): when
 * `key` is one 1-d integer index array of a 1-d `a`, or one per axis of an
 * N-d `a` (all of one length), the loop of ufunc `name` (NumPy's name) for
 * `a`'s dtype writes that dtype (`out`, the loop's result dtype, equals it)
 * and `v` (null for a unary ufunc) is 0-d or 1-d of one item or one per
 * index, runs ufunc.at in the kernel and returns true (IndexError for an
 * index out of range of a 1-d `a`, nothing written; NumPy's ValueError once
 * an integer power meets a negative exponent, the steps before it written).
 * False when they do not qualify, before anything is written (an N-d
 * index out of range too: the caller's general path raises NumPy's error).
 */
export function ufuncAtByKernel(name: string, a: NdArray, key: readonly unknown[], v: NdArray | null, out: DType): boolean {
  const keys = kernelKeys(a, key);
  if (keys === null || !out.equals(a.dtype)) return false;
  const count = keys[0]!.size;
  if (v !== null && !(v.ndim === 0 || (v.ndim === 1 && (v.shape[0] === 1 || v.shape[0] === count)))) return false;
  const op = nativeAtOp(name, a.dtype, v === null ? 1 : 2);
  if (op < 0) return false;
  // The loop's type is `a`'s, so the values cast to it safely, as the ufunc casts its inputs.
  const vals = v === null ? null : (v.ndim === 0 ? v.reshape([1]) : v).astype(a.dtype, { copy: false });
  const indexed = v !== null && v.dtype.equals(a.dtype);
  const r = a.ndim === 1 ? ufuncAtNative(op, a, keys[0]!, vals, indexed) : ufuncAtMultiNative(op, a, keys, vals, indexed);
  if (r === null) return false;
  if (r <= -2) throw new ValueError(NEGATIVE_POWER);
  if (r >= 0) throw new IndexError(`index ${String(keys[0]!.index(r).toArray())} is out of bounds for axis 0 with size ${a.shape[0]}`);
  return true;
}

/** The index arrays of a kernel ufunc.at: 1-d integer arrays of one length, one for a 1-d `a` or one per axis of an N-d one; else null. */
function kernelKeys(a: NdArray, key: readonly unknown[]): NdArray[] | null {
  if (a.ndim === 0 || key.length !== a.ndim) return null;
  const keys: NdArray[] = [];
  for (const k of key) {
    if (!(k instanceof ArrayClass) || k.ndim !== 1 || (k.dtype.kind !== 'i' && k.dtype.kind !== 'u') || k.size !== (keys[0] ?? k).size) return null;
    keys.push(k);
  }
  return keys;
}

/** Modes of take, as the kernel numbers them. */
const TAKE_MODES = { raise: 0, wrap: 1, clip: 2 } as const;

/**
 * The items (or rows: `src[idx[k], ...]`) `src[idx[k]]` (bytes) of a 1-d
 * `idx` along `src`'s first axis into `dst`, a new array of shape
 * `[idx.size, ...src.shape.slice(1)]` whose rows (its axes after the first)
 * are C-contiguous, its first axis of any stride; -1 when done, the position
 * of the first index out of range under 'raise' (nothing written), or null
 * when the operands do not qualify (a row not contiguous, a small `idx`).
 * With `outer` = [count, stride, dstStride]: the same for each of `count`
 * sources `stride` bytes apart (the first is `src`) into as many targets
 * `dstStride` bytes apart (the first is `dst`), the indices checked once.
 */
export function takeNative(src: NdArray, idx: NdArray, mode: 'raise' | 'wrap' | 'clip', dst: NdArray, outer: readonly [number, number, number] | null = null): number | null {
  if (src.ndim === 0 || idx.size < NATIVE_MIN_ELEMENTS) return null;
  // Rows of an N-d `src` (its axes after the first) move as one run of bytes
  // each when they are C-contiguous within the row, into rows of dst alike.
  const row = rowBytes(src);
  if (row === null || row === 0 || dst.ndim !== src.ndim || rowBytes(dst) !== row) return null;
  const ia = indexArgs(idx);
  if (ia === null) return null;
  const s = regionOf(storageOf(src), src.offset);
  const d = regionOf(storageOf(dst), dst.offset);
  if (s === null || d === null) return null;
  const [im, io, ic, is, it, isw] = ia;
  const [count, stride, dstStride] = outer ?? [1, 0, 0];
  return K.take(s.memory, s.byteOffset, src.shape[0], src.strides[0], row, im as never, io, ic, is, it, isw, TAKE_MODES[mode], d.memory, d.byteOffset, count, stride, dst.strides[0], dstStride);
}

/**
 * `a[idx[k]] = values[k % m]` (bytes) for each k in order, for a 1-d integer
 * `idx` and `values` already of `a`'s dtype, where m is `values.shape[0]`:
 * items of a 1-d `a` (`values` 1-d), or rows of an N-d `a` (`a[idx[k], ...]`,
 * C-contiguous within the row; `values` of shape `[m, ...row]`, its rows
 * C-contiguous too); -1 when done, the position of the first index out of
 * range under 'raise' (nothing written), or null when the operands do not
 * qualify. With `outer` = [count, stride, valuesStride]: the same for each
 * of `count` targets `stride` bytes apart (the first is `a`), target o
 * taking the values `valuesStride` bytes after those of target o - 1 (0: the
 * same values for all), the indices checked once.
 */
export function putNative(a: NdArray, idx: NdArray, values: NdArray, mode: 'raise' | 'wrap' | 'clip', outer: readonly [number, number, number] | null = null): number | null {
  if (a.ndim === 0 || values.ndim !== a.ndim || idx.size < NATIVE_MIN_ELEMENTS || a.itemsize === 0 || values.itemsize !== a.itemsize) return null;
  const row = rowBytes(a);
  if (row === null || row === 0 || rowBytes(values) !== row || values.shape.some((n, d) => d > 0 && n !== a.shape[d])) return null;
  const ia = indexArgs(idx);
  if (ia === null) return null;
  const d = regionOf(storageOf(a), a.offset);
  const v = regionOf(storageOf(values), values.offset);
  if (d === null || v === null) return null;
  const [im, io, ic, is, it, isw] = ia;
  const [count, stride, vStride] = outer ?? [1, 0, 0];
  return K.put(d.memory, d.byteOffset, a.shape[0], a.strides[0], row, im as never, io, ic, is, it, isw, TAKE_MODES[mode], v.memory, v.byteOffset, values.shape[0], values.strides[0], count, stride, vStride);
}

/**
 * The bytes of one row of `a` (its axes after the first) when they are one
 * C-contiguous run, else null; an item for a 1-d `a`. What `takeNative` and
 * `putNative` need of a source or target, for callers to check before they
 * allocate or convert anything.
 */
export function rowBytes(a: NdArray): number | null {
  let row = a.itemsize;
  for (let d = a.ndim - 1; d >= 1; d--) {
    if (a.shape[d] !== 1 && a.strides[d] !== row) return null;
    row *= a.shape[d];
  }
  return row;
}

/** The count of non-zero elements of a 1-d `c`, or null when it does not qualify. */
export function countNative(c: NdArray): number | null {
  const acc = new Float64Array(1);
  if (c.ndim !== 1) return null;
  return axisReduceNative(c, [[c.shape[0], c.strides[0], 0]], AxisOp.Count, acc, 1) ? acc[0] : null;
}

/**
 * Copies src item i for each i < c.size whose condition is non-zero into
 * `dst` (C-contiguous, `count` items of src's dtype); false when the
 * operands do not qualify.
 */
export function compressNative(c: NdArray, src: NdArray, dst: NdArray, count: number): boolean {
  const code = elementCode(c.dtype);
  if (c.ndim !== 1 || src.ndim !== 1 || code < 0 || c.shape[0] > src.shape[0] || src.itemsize === 0) return false;
  const rc = regionOf(storageOf(c), c.offset);
  const rs = regionOf(storageOf(src), src.offset);
  const rd = count === 0 ? { memory: new ArrayBuffer(0), byteOffset: 0 } : regionOf(storageOf(dst), dst.offset);
  if (rc === null || rs === null || rd === null) return false;
  K.compress(rc.memory, rc.byteOffset, c.shape[0], c.strides[0], code, isSwapped(c.dtype), rs.memory, rs.byteOffset, src.strides[0], src.itemsize, rd.memory, rd.byteOffset, count);
  return true;
}

/**
 * The stable argsort (NumPy's order: NaN last, ±0 equal) of a 1-d `a` of a
 * plain numeric dtype, or null when it does not qualify.
 */
export function argsortNative(a: NdArray): Uint32Array | null {
  const code = elementCode(a.dtype);
  if (a.ndim !== 1 || code < 0 || a.size < NATIVE_MIN_ELEMENTS || a.size > 0xffffffff) return null;
  const r = regionOf(storageOf(a), a.offset);
  if (r === null) return null;
  const out = new Uint32Array(a.size);
  K.argsort(r.memory, r.byteOffset, a.size, a.strides[0], code, isSwapped(a.dtype), out);
  return out;
}

/**
 * The largest item of a 1-d integer array by the kernel (-1 when it is
 * empty), -2 when an item is negative, or null when the kernels cannot read
 * it.
 */
export function indexMaxNative(idx: NdArray): number | null {
  const ia = indexArgs(idx);
  if (ia === null) return null;
  const [im, io, ic, is, it, isw] = ia;
  return K.binMax(im as never, io, ic, is, it, isw);
}

/**
 * The group starts operand of native/group_starts.h for a 1-d integer
 * array (any stride and byte order), or null when the kernels cannot read it.
 */
export function startsOperand(idx: NdArray): StartsOperand | null {
  const ia = indexArgs(idx);
  if (ia === null) return null;
  const [im, io, ic, is, it, isw] = ia;
  return [im as KernelMemory, io, ic, is, it, isw];
}

/**
 * bincount of a 1-d integer `x` (weights `w`, 1-d of a plain numeric dtype,
 * or none) into a new Float64Array of max(max(x) + 1, minlength) bins, as
 * lib/sort.ts's JS loops do; 'negative' when an index is negative; null when
 * the operands do not qualify.
 */
export function bincountNative(x: NdArray, w: NdArray | undefined, minlength: number): Float64Array | 'negative' | null {
  const ia = indexArgs(x);
  if (ia === null || x.size < NATIVE_MIN_ELEMENTS) return null;
  const [im, io, ic, is, it, isw] = ia;
  let wr = null;
  if (w !== undefined) {
    if (elementCode(w.dtype) < 0 || w.ndim !== 1) return null;
    wr = regionOf(storageOf(w), w.offset);
    if (wr === null) return null;
  }
  const max = K.binMax(im as never, io, ic, is, it, isw);
  if (max === -2) return 'negative';
  const out = newBins(binsLength(max, minlength));
  if (w === undefined) K.binAdd(im as never, io, ic, is, it, isw, null, 0, 0, 0, false, out);
  else K.binAdd(im as never, io, ic, is, it, isw, wr!.memory, wr!.byteOffset, w.strides[0], elementCode(w.dtype), isSwapped(w.dtype), out);
  return out;
}

/** bincount's bins live in one Float64Array: at most 4 GiB of them, the most an array in memory holds. */
const MAX_BINS = 2 ** 29;

/**
 * bincount's number of bins for the largest value `max` (no negatives), or
 * NumPy's MemoryError (a RangeError) naming the count when one typed array
 * cannot hold that many, never V8's bare "Invalid typed array length".
 */
export function binsLength(max: number, minlength: number): number {
  const len = Math.max(max + 1, minlength);
  if (len > MAX_BINS) {
    const what = len === minlength ? `minlength ${minlength}` : `the largest value ${max} (+ 1)`;
    throw allocationError([len], 8, 'int64', `bincount needs ${len} bins for ${what}, more than the ${MAX_BINS} one array holds`);
  }
  return len;
}

/**
 * The zeroed bins of a bincount, `len` from {@link binsLength}: the machine's
 * refusal of the memory is NumPy's MemoryError, not V8's bare RangeError
 * (histogramdd of 20 dimensions asks for 3^20 bins; fuzz seed 9357836).
 */
export function newBins(len: number): Float64Array {
  try {
    return new Float64Array(len);
  } catch {
    throw allocationError([len], 8, 'int64');
  }
}

/** True when `dt` holds native-order int64, as the kernels write it. */
function nativeInt64(dt: DType): boolean {
  return elementCode(dt) === elementCode(INTP) && !isSwapped(dt);
}

/**
 * NumPy's `nonzero(a)` of an n-d `a` (n >= 1) of a plain numeric or bool
 * dtype: one new int64 array per axis, or with `flat` one array of C-order
 * positions (`flatnonzero`); null when `a` does not qualify.
 */
export function nonzeroNative(a: NdArray, flat: boolean): NdArray[] | null {
  const code = elementCode(a.dtype);
  if (code < 0 || a.ndim === 0 || a.size < NATIVE_MIN_ELEMENTS || !nativeInt64(INTP)) return null;
  const acc = new Float64Array(1);
  const dims: WalkDim[] = a.shape.map((n, k) => [n, a.strides[k], 0]);
  if (!axisReduceNative(a, dims, AxisOp.Count, acc, 1)) return null;
  const count = acc[0];
  // Uninitialized: the kernel writes all `count` items, so a recycled region
  // is not cleared first (for 5M positions that clearing was about a fifth
  // of the call's CPU time).
  const outs = Array.from({ length: flat ? 1 : a.ndim }, () => allocate(INTP, [count], 'C', true));
  if (count === 0) return outs;
  const regions = outs.map((o) => regionOf(storageOf(o), o.offset));
  const r = regionOf(storageOf(a), a.offset);
  if (r === null || regions.some((x) => x === null)) return null;
  const written = K.nonzero(r.memory, r.byteOffset, a.shape, a.strides, code, isSwapped(a.dtype), regions.map((x) => x!.memory), regions.map((x) => x!.byteOffset), count, flat);
  // Fewer only when the items changed since the count (a mapping another
  // process writes): the rest is zeroed, never left as stale memory.
  if (written < count) for (const o of outs) o.index(`${written}:`).fill(0);
  return outs;
}

/**
 * The kernel's element codes of `a` and `v` when searchsorted's loop
 * compares them exactly as lib/sort.ts does: both 64-bit integers of one
 * type (compared exactly), or neither a 64-bit integer (compared as
 * doubles); null otherwise.
 */
function searchCodes(a: DType, v: DType): [number, number] | null {
  const ac = elementCode(a);
  const vc = elementCode(v);
  if (ac < 0 || vc < 0) return null;
  const wide = (c: number, dt: DType): boolean => c >= 0 && (dt.kind === 'i' || dt.kind === 'u') && dt.itemsize === 8;
  if (wide(ac, a) || wide(vc, v)) return ac === vc ? [ac, vc] : null;
  return [ac, vc];
}

/**
 * NumPy's `searchsorted(a, v, side, sorter)` of a 1-d `a` and 1-d `v` into a
 * new int64 array like `v` (with a 1-d integer `sorter` of `a`'s length, `a`
 * searched as `a[sorter]`); 'sorter-range' when a search probed a sorter
 * index out of range; null when the operands do not qualify.
 */
export function searchsortedNative(a: NdArray, v: NdArray, right: boolean, sorter?: NdArray): NdArray | 'sorter-range' | null {
  const codes = searchCodes(a.dtype, v.dtype);
  if (codes === null || a.ndim !== 1 || v.ndim !== 1 || a.size + v.size < NATIVE_MIN_ELEMENTS || !nativeInt64(INTP)) return null;
  const s = sorter === undefined ? [] : indexArgs(sorter);
  if (s === null || (sorter !== undefined && sorter.size !== a.size)) return null;
  const out = allocate(INTP, [v.size]);
  const ra = regionOf(storageOf(a), a.offset);
  const rv = regionOf(storageOf(v), v.offset);
  const d = v.size === 0 ? { memory: new ArrayBuffer(0), byteOffset: 0 } : regionOf(storageOf(out), out.offset);
  if (ra === null || rv === null || d === null) return null;
  const failed = K.searchsorted(
    ra.memory, ra.byteOffset, a.size, a.strides[0], codes[0], isSwapped(a.dtype),
    rv.memory, rv.byteOffset, v.size, v.strides[0], codes[1], isSwapped(v.dtype),
    right, d.memory, d.byteOffset, ...(s as [] | [never, number, number, number, number, boolean]),
  );
  return failed === 0 ? out : 'sorter-range';
}
