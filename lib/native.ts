/**
 * The only module that loads the C++ addon, and its typed interface.
 *
 * The addon is thin: it maps a file and hands out external ArrayBuffer
 * windows over the mapping; everything about dtypes and strides lives in TS.
 * @module
 */
import * as path from 'path';
import { getSystemErrorMap } from 'util';

import { AccessError } from './errors';
import { loadAddon } from './loader';

/** NumPy's memmap modes, as the native layer understands them. */
export type NativeMode = 'r' | 'r+' | 'w+' | 'c';

/** `madvise` hints. */
export type Advice = 'normal' | 'sequential' | 'random' | 'willneed' | 'dontneed';

/** One mapping of one file. */
export interface MappingHandle {
  /** Bytes visible from JS: [offset, offset + length) of the file. */
  readonly length: number;
  /** True after close(). */
  readonly closed: boolean;
  /**
   * An external ArrayBuffer over [start, start + length) of the mapping
   * (1 byte to 4 GiB). Detached by close().
   */
  window(start: number, length: number): ArrayBuffer;
  /** msync(MS_SYNC) over [start, start + length), all of it by default. */
  flush(start?: number, length?: number): void;
  /** The same on libuv's thread pool. */
  flushAsync(start?: number, length?: number): Promise<void>;
  /** madvise over [start, start + length), all of it by default. */
  advise(advice: Advice, start?: number, length?: number): void;
  /** Detaches every window, then unmaps. Idempotent. */
  close(): void;
}

interface Addon {
  MappingHandle: new (path: string, mode: NativeMode, offset: number, length: number) => MappingHandle;
  pageSize: number;
  kernelCopy: KernelCopy;
  kernelReduce: KernelReduce;
  kernelCast: KernelCast;
  kernelUfunc: KernelUfunc;
  kernelUfuncAsync: (op: number, computeType: number, shape: readonly number[], operands: readonly UfuncOperand[], settle: AsyncSettle, threads?: number, copyFirst?: readonly number[]) => AsyncJob;
  kernelUfuncAbort: (job: AsyncJob) => void;
  kernelUfuncProgress: (job: AsyncJob) => [number, number] | null;
  kernelAccumulate: KernelAccumulate;
  dotGemm: DotGemm;
  dotGemmBatch: DotGemmBatch;
  dotGemmThreads: (max?: number) => number;
  linalgGetrf: LinalgGetrf;
  linalgGetrs: LinalgGetrs;
  linalgSlogdet: LinalgSlogdet;
  linalgPotrf: LinalgPotrf;
  linalgGeqrf: LinalgGeqrf;
  linalgOrgqr: LinalgOrgqr;
  linalgSvd: LinalgSvd;
  linalgEigh: LinalgEigh;
  linalgEig: LinalgEig;
  kernelReduceat: KernelReduceat;
  histogramUniform: HistogramUniform;
  ufuncStreamMinBytes: (bytes?: number) => number;
  kernelReduceAsync: (...args: unknown[]) => AsyncJob;
  kernelCopyAsync: (...args: unknown[]) => AsyncJob;
  kernelCastAsync: (...args: unknown[]) => AsyncJob;
  kernelAbort: (job: AsyncJob) => void;
  kernelProgress: (job: AsyncJob) => [number, number] | null;
  kernelPoolNice: () => number;
  kernelLoopSlice: () => number;
  kernelReadAhead: () => [number, number, number];
  kernelSaveAsync: KernelSaveAsync;
  kernelSaveAbort: (save: SaveJob) => void;
  kernelSaveProgress: (save: SaveJob) => [number, number] | null;
  setErrorClasses: (classes: ErrorClasses) => void;
  liveMappingsOf: (path: string) => number;
  truncateUnmapped: (path: string, length: number) => number;
  poolBuffer: (byteLength: number, uninitialized?: boolean, now?: boolean) => ArrayBuffer | null;
  releaseBuffer: (buffer: ArrayBuffer) => boolean;
  poolReuse: (byteLength: number) => 0 | 1 | 2;
  poolStats: () => {
    idleBytes: number;
    idleLimit: number;
    inUseBytes: number;
    handedOutBytes: number;
    totalLimit: number;
    stretchLimit: number;
    freshMaps: number;
    reserveBytes: number;
    reserveTarget: number;
    reserveMaps: number;
    idleHorizonMs: number;
    overBytes: number;
    idleHits: number;
    reserveHits: number;
    overHits: number;
    keptBytes: number;
  };
  indexKernels: IndexKernels;
  sortKernels: SortKernels;
  /** convolve/correlate's float64 sliding dot (native/correlate.cc). */
  correlateF64: (x: Float64Array, y: Float64Array, out: Float64Array, nLeft: number, nRight: number) => void;
}

/**
 * The library's error classes the addon throws itself, so a closed mapping or
 * a read-only write comes out of C++ as an {@link AccessError} with its
 * `code` (native/napi_util.h), with nothing in JS to re-wrap it.
 */
interface ErrorClasses {
  AccessError: new (code: AccessError['code'], message: string) => AccessError;
}

/** The id of an async kernel call in flight (native/async_kernels.cc); valid until it settles. */
export type AsyncJob = number & { readonly __asyncJob: never };

/**
 * How an async kernel call ends, on the JS thread: with an error (closed,
 * aborted, or the kernel's own) or its value, and the bytes done of the total.
 */
export type AsyncSettle = (error: unknown, value: unknown, doneBytes: number, totalBytes: number) => void;

/** The id of a saveNpyAsync in flight (native/save_worker.cc); valid until it settles. */
export type SaveJob = number & { readonly __saveJob: never };

/**
 * Writes `header`, then the layout's elements in C order, to a new file `tmp`
 * (exclusive create, `mode` under the umask) on the thread pool; fsyncs it,
 * renames it to `dest` and fsyncs the folder `dir`; any failure or abort
 * removes `tmp` and leaves `dest` alone. Errors name `tmp` (open) or
 * `target` (the path the caller gave). Settles through `settle` (no value).
 */
export type KernelSaveAsync = (
  src: KernelMemory, srcOffset: number, srcStrides: readonly number[], shape: readonly number[], itemsize: number,
  header: Uint8Array, tmp: string, dest: string, dir: string, target: string, mode: number, settle: AsyncSettle,
) => SaveJob;

/**
 * Bytes a kernel reads or writes: an ArrayBuffer, or a whole mapping (offsets
 * then count from the mapping's first byte and may pass 4 GiB).
 */
export type KernelMemory = ArrayBuffer | MappingHandle;

/** Strided copy with per-unit byte reversal; see native/kernels.cc and lib/kernels.ts. */
export type KernelCopy = (
  src: KernelMemory, srcOffset: number, srcStrides: readonly number[],
  dst: KernelMemory, dstOffset: number, dstStrides: readonly number[],
  shape: readonly number[], itemsize: number, units: readonly number[],
) => void;

/** Strided sum/min/max (op 0/1/2) of a plain numeric type code; see lib/kernels.ts. A BigInt for 64-bit integers. */
export type KernelReduce = (
  memory: KernelMemory, byteOffset: number, strides: readonly number[], shape: readonly number[],
  type: number, swap: boolean, op: number,
) => number | bigint | readonly [number];

/** Strided unsafe cast between plain numeric type codes (lib/kernels.ts CAST_CODES). */
export type KernelCast = (
  src: KernelMemory, srcOffset: number, srcStrides: readonly number[], srcType: number, srcSwap: boolean,
  dst: KernelMemory, dstOffset: number, dstStrides: readonly number[], dstType: number, dstSwap: boolean,
  shape: readonly number[],
) => void;

/** One operand of kernelUfunc: where its element 0 is, byte strides, type code (CAST_CODES), byte order. */
export type UfuncOperand = [memory: KernelMemory, byteOffset: number, strides: readonly number[], type: number, swap: boolean];

/**
 * The group starts of a reduceat (native/group_starts.h): `count` items of type code `type`
 * (CAST_CODES: an integer type other than bool, or float64 holding integers) `stride` bytes
 * apart from `byteOffset`, in the other byte order when `swap`.
 */
export type StartsOperand = [memory: KernelMemory, byteOffset: number, count: number, stride: number, type: number, swap: boolean];

/**
 * An element-wise ufunc loop (native/ufunc_kernels.cc; lib/ufunc-native.ts
 * is its front, callKernelUfunc): the shape and the operands' offsets, type
 * codes, byte orders and strides in one Float64Array `layout` (`[nd,
 * ...shape, then per operand byteOffset, type, swap, ...strides]`), each
 * operand's memory after it. Returns 0, or 1 when integer power met a
 * negative exponent (the caller raises NumPy's ValueError).
 */
export type KernelUfunc = (op: number, computeType: number, layout: Float64Array, ...memories: KernelMemory[]) => number;

/**
 * cumsum (op 0) / cumprod (op 1) in `computeType` along `axis` of `shape`,
 * or over the whole array in C order when `axis` is -1 (native/accumulate_kernels.cc;
 * lib/cumulative.ts is its front). The input must be the output's very items or not overlap them.
 */
/**
 * dotGemm(type, A, aOff, B, bOff, C, cOff, n, k, m): C = A·B over row-major typed arrays (native/dot_kernels.h);
 * type 0 f8, 1 f4, 2 integers (any integer typed array), 3 c16 / 4 c8 (Float64Array / Float32Array of (re, im)
 * pairs, offsets and sizes in pairs), 5 bool (Uint8Array).
 */
export type DotGemm = (type: number, a: ArrayBufferView, aOff: number, b: ArrayBufferView, bOff: number, c: ArrayBufferView, cOff: number, n: number, k: number, m: number) => void;
/**
 * dotGemmBatch(type, A, aOffs, B, bOffs, C, n, k, m): dotGemm for each matrix t of a stack in one call:
 * C's t-th n×m matrix (at t·n·m) = A[aOffs[t]…] · B[bOffs[t]…]; every offset is checked before any product runs.
 */
export type DotGemmBatch = (type: number, a: ArrayBufferView, aOffs: Float64Array, b: ArrayBufferView, bOffs: Float64Array, c: ArrayBufferView, n: number, k: number, m: number) => void;
/**
 * The dense linear-algebra kernels (native/linalg_kernels.h), over stacks of `count`
 * row-major n×n matrices; `type` 0 float64, 1 complex128 ((re, im) pairs of a
 * Float64Array). linalgGetrf: LU in place,
 * 0-based pivots, LAPACK's info per matrix; linalgGetrs: B (count n×m) = A⁻¹B in place;
 * linalgSlogdet: sign and log|det| per factored matrix; linalgPotrf: the lower
 * Cholesky factor in place, info per matrix.
 */
export type LinalgGetrf = (type: number, a: ArrayBufferView, piv: Int32Array, info: Int32Array, n: number, count: number) => void;
export type LinalgGetrs = (type: number, lu: ArrayBufferView, piv: Int32Array, b: ArrayBufferView, n: number, m: number, count: number) => void;
export type LinalgSlogdet = (type: number, lu: ArrayBufferView, piv: Int32Array, sign: ArrayBufferView, logdet: ArrayBufferView, n: number, count: number) => void;
export type LinalgPotrf = (type: number, a: ArrayBufferView, info: Int32Array, n: number, count: number) => void;
/**
 * The decompositions (native/linalg_decomp.h), over stacks of `count` row-major
 * m×n matrices, `type` 0 float64 / 1 complex128 as for linalgGetrf.
 * linalgGeqrf: Householder QR in place (LAPACK's geqr2 layout), tau count·min(m, n);
 * linalgOrgqr: Q (count m×qc) from it; linalgSvd: S (count·min(m, n), descending)
 * and, with `want`, U (m × (full ? m : k)) and Vh ((full ? n : k) × n); linalgEigh:
 * W (count·n, ascending) and, with `want`, V (eigenvectors as columns) of the
 * Hermitian matrices read from the lower (or upper) triangle. info per matrix: 0,
 * 1 (did not converge), -1 (a non-finite item).
 */
export type LinalgGeqrf = (type: number, a: Float64Array, tau: Float64Array, m: number, n: number, count: number) => void;
export type LinalgOrgqr = (type: number, h: Float64Array, tau: Float64Array, q: Float64Array, m: number, n: number, qc: number, count: number) => void;
export type LinalgSvd = (type: number, a: Float64Array, s: Float64Array, u: Float64Array, vh: Float64Array, info: Int32Array, m: number, n: number, full: boolean, want: boolean, count: number) => void;
/**
 * linalgEig (native/linalg_eig.h): per n×n matrix of A (destroyed; `type` 0 float64, 1 complex128),
 * W (count·n complex eigenvalues as (re, im) pairs; a real input's conjugate pairs adjacent, + first)
 * and, with `want`, V (count·n·n complex, eigenvectors as columns, unit 2-norm); info per matrix:
 * 0, 1 (did not converge), -1 (a non-finite item).
 */
export type LinalgEig = (type: number, a: Float64Array, w: Float64Array, v: Float64Array, info: Int32Array, n: number, want: boolean, count: number) => void;
export type LinalgEigh = (type: number, a: Float64Array, w: Float64Array, v: Float64Array, info: Int32Array, n: number, lower: boolean, want: boolean, count: number) => void;
export type KernelAccumulate = (op: number, computeType: number, shape: readonly number[], axis: number, input: UfuncOperand, output: UfuncOperand) => void;

/**
 * reduceat (op 0 add, 1 multiply, 2 minimum, 3 maximum; the last two of integers only) of
 * every group starting at `starts` along the last axis of `shape` (every length > 0, each start
 * in the lane: a RangeError otherwise), the output of the input's type in native order with the
 * starts' count of items along that axis (native/reduceat_kernels.cc; lib/reduceat.ts is its front).
 */
export type KernelReduceat = (op: number, shape: readonly number[], starts: StartsOperand, input: UfuncOperand, output: UfuncOperand) => void;

/**
 * NumPy's equal-width histogram of `length` float64 items (a 1-d operand): each item in
 * [first, last] counted into `counts` (bins of `edges`, bins + 1 of them), or with a float64
 * `weights` operand its weight, summed per block of 65536 into `blockSums` and then into
 * `counts` (native/histogram_kernels.cc; lib/histogram.ts is its front).
 */
export type HistogramUniform = (
  input: UfuncOperand, length: number, first: number, last: number, span: number, edges: Float64Array, counts: Float64Array,
  weights: UfuncOperand | null, blockSums: Float64Array | null,
) => void;

/** The compute ops' loops (native/index_kernels.cc); lib/index-kernels.ts is their typed, checked front. */
/**
 * The walk every axis fold starts from: the input's memory and first byte,
 * the walked axes (outermost first) as lengths, input byte strides and
 * output element strides, the item's type code and whether it is byte-swapped.
 */
export type AxisWalk = [
  memory: KernelMemory, byteOffset: number, shape: readonly number[], strides: readonly number[], outStrides: readonly number[],
  type: number, swap: boolean,
];

/** The accumulator of an axis fold: float sums and counts, int64 sums, or min/max in the item's own type. */
export type AxisOut = Float64Array | Float32Array | BigInt64Array | BigUint64Array | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array;

export interface IndexKernels {
  /** sum/min/max/count folds along the walk into `out` (native/index_kernels.cc AxisReduce); `blockDims` >= 2: a cast float sum's buffered blocks. */
  axisReduce(...args: [...AxisWalk, op: number, out: AxisOut, chunk: number, blockDims?: number]): void;
  /** prod(axis): items multiplied into `out` (float64, or wrapping int64 for integer and bool items) in walk order. */
  axisProd(...args: [...AxisWalk, out: Float64Array | BigInt64Array]): void;
  argReduce(
    memory: KernelMemory, byteOffset: number, shape: readonly number[], strides: readonly number[],
    type: number, swap: boolean, max: boolean, flat: boolean, out: Float64Array,
  ): void;
  addAt(
    memory: KernelMemory, byteOffset: number, n: number, stride: number, type: number, swap: boolean,
    idx: KernelMemory, idxOffset: number, idxCount: number, idxStride: number, idxType: number, idxSwap: boolean, value: number,
  ): number;
  /** ufunc.at: `a[idx[k]] = op(a[idx[k]], values[k])` (values null: unary op) in order; -1 done, -2 negative int power, else the first bad index's position. */
  ufuncAt(
    op: number, type: number, memory: KernelMemory, byteOffset: number, n: number, stride: number,
    idx: KernelMemory, idxOffset: number, idxCount: number, idxStride: number, idxType: number, idxSwap: boolean,
    values: KernelMemory | null, valuesOffset: number, valuesStride: number, indexed: boolean,
  ): number;
  /** ufunc.at on an N-d target, one index array per axis (6 arguments each, as ufuncAt's); -1 done, -(k + 2) negative int power at k, null: out of range or overlapping. */
  ufuncAtMulti(
    op: number, type: number, memory: KernelMemory, byteOffset: number, shape: readonly number[], strides: readonly number[],
    values: KernelMemory | null, valuesOffset: number, valuesStride: number, indexed: boolean,
    ...indices: (KernelMemory | number | boolean)[]
  ): number | null;
  /** ufunc.accumulate (reduce: step stride 0): row k of the result becomes op(row k - 1, row k of x) for k >= first, in order; -1 done, else the step of a negative int power. */
  ufuncAccumulate(
    op: number, type: number, memory: KernelMemory, byteOffset: number, x: KernelMemory, xOffset: number,
    steps: number, lanes: number, stepStride: number, laneStride: number, xStepStride: number, xLaneStride: number, first: number,
  ): number;
  /** ufunc.reduceat: group i of x's rows (from starts[i]) folded in order into row i of the result; -1 done, else the group of a negative int power. */
  ufuncReduceat(
    op: number, type: number, memory: KernelMemory, byteOffset: number, x: KernelMemory, xOffset: number,
    n: number, lanes: number, xStepStride: number, xLaneStride: number, stepStride: number, laneStride: number,
    starts: StartsOperand,
  ): number;
  take(
    memory: KernelMemory, byteOffset: number, n: number, stride: number, itemsize: number,
    idx: KernelMemory, idxOffset: number, idxCount: number, idxStride: number, idxType: number, idxSwap: boolean,
    mode: number, dst: KernelMemory, dstOffset: number, outer?: number, outerStride?: number, dstStride?: number, dstOuterStride?: number,
  ): number;
  put(
    memory: KernelMemory, byteOffset: number, n: number, stride: number, itemsize: number,
    idx: KernelMemory, idxOffset: number, idxCount: number, idxStride: number, idxType: number, idxSwap: boolean,
    mode: number, values: KernelMemory, valuesOffset: number, valuesCount: number, valuesStride: number,
    outer?: number, outerStride?: number, valuesOuterStride?: number,
  ): number;
  compress(
    cond: KernelMemory, condOffset: number, condCount: number, condStride: number, condType: number, condSwap: boolean,
    memory: KernelMemory, byteOffset: number, stride: number, itemsize: number, dst: KernelMemory, dstOffset: number, count: number,
  ): number;
  argsort(memory: KernelMemory, byteOffset: number, n: number, stride: number, type: number, swap: boolean, out: Uint32Array): void;
  binMax(memory: KernelMemory, byteOffset: number, n: number, stride: number, type: number, swap: boolean): number;
  binAdd(
    memory: KernelMemory, byteOffset: number, n: number, stride: number, type: number, swap: boolean,
    w: KernelMemory | null, wOffset: number, wStride: number, wType: number, wSwap: boolean, out: Float64Array,
  ): void;
  nonzero(
    memory: KernelMemory, byteOffset: number, shape: readonly number[], strides: readonly number[], type: number, swap: boolean,
    outs: readonly KernelMemory[], outOffsets: readonly number[], count: number, flat: boolean,
  ): number;
  searchsorted(
    a: KernelMemory, aOffset: number, n: number, aStride: number, aType: number, aSwap: boolean,
    v: KernelMemory, vOffset: number, m: number, vStride: number, vType: number, vSwap: boolean,
    right: boolean, dst: KernelMemory, dstOffset: number,
    ...sorter: [] | [memory: KernelMemory, offset: number, count: number, stride: number, type: number, swap: boolean]
  ): number;
}

/** The sorting loops (native/sort_kernels.cc); lib/sort-kernels.ts is their typed, checked front. */
export interface SortKernels {
  /**
   * Stable sort (NumPy's order) of every lane along the last axis of `shape`:
   * the items into `dst` (same type and byte order; `dst` may be the source
   * itself), or with `arg` their lane positions as native int64.
   */
  sortLanes(
    src: KernelMemory, srcOffset: number, shape: readonly number[], srcStrides: readonly number[], type: number, swap: boolean,
    dst: KernelMemory, dstOffset: number, dstStrides: readonly number[], arg: boolean,
  ): void;
  /**
   * sortLanes on libuv's thread pool (lib/async.ts): the arguments are
   * checked now; the sort settles through `settle`, its lanes shared by
   * `threads` pool threads (1 when absent). Returns the job's id.
   */
  sortLanesAsync(
    src: KernelMemory, srcOffset: number, shape: readonly number[], srcStrides: readonly number[], type: number, swap: boolean,
    dst: KernelMemory, dstOffset: number, dstStrides: readonly number[], arg: boolean, settle: AsyncSettle, threads?: number,
  ): AsyncJob;
  /** Stops a sortLanesAsync job at its next checkpoint, between lanes or inside one (settle gets ABORT_ERR). */
  sortAbort(job: AsyncJob): void;
  /** `[doneBytes, totalBytes]` of a sortLanesAsync job, or null once it settled. */
  sortProgress(job: AsyncJob): [number, number] | null;
  /**
   * NumPy's unique (equal_nan) of the items in C order, type codes up to
   * float16: the distinct values (new bytes in the source's byte order), and
   * on request their counts and first positions (native int64); with
   * `inverse` each item's value number written there (native int64).
   */
  unique(
    src: KernelMemory, srcOffset: number, shape: readonly number[], strides: readonly number[], type: number, swap: boolean,
    counts: boolean, index: boolean, inverse: KernelMemory | null, inverseOffset: number,
  ): [values: ArrayBuffer, counts: ArrayBuffer | undefined, index: ArrayBuffer | undefined];
  /**
   * unique on libuv's thread pool (lib/async.ts uniqueAsync), on one pool
   * thread: the arguments are checked now; the job settles through `settle`
   * with unique's `[values, counts, index]`. Returns the job's id.
   */
  uniqueAsync(
    src: KernelMemory, srcOffset: number, shape: readonly number[], strides: readonly number[], type: number, swap: boolean,
    counts: boolean, index: boolean, inverse: KernelMemory | null, inverseOffset: number, settle: AsyncSettle,
  ): AsyncJob;
  /** Stops a uniqueAsync job at its next checkpoint (settle gets ABORT_ERR). */
  uniqueAbort(job: AsyncJob): void;
  /** `[doneBytes, totalBytes]` of a uniqueAsync job, or null once it settled. */
  uniqueProgress(job: AsyncJob): [number, number] | null;
  /**
   * NumPy's partition (introselect) of every lane along the last axis of
   * `shape` at each of `kths` (ascending, distinct, in the lane): the items
   * into `dst` (same type and byte order; `dst` may be the source itself),
   * or with `arg` their lane positions as native int64.
   */
  partitionLanes(
    src: KernelMemory, srcOffset: number, shape: readonly number[], srcStrides: readonly number[], type: number, swap: boolean,
    dst: KernelMemory, dstOffset: number, dstStrides: readonly number[], arg: boolean, kths: readonly number[],
  ): void;
  /**
   * Whether the AVX-512 sorts serve the lanes they are chosen for (after
   * switching them on or off when `on` is given; on by default where the CPU
   * has them): the test hook that compares them with the radix sorts.
   */
  simdSort(on?: boolean): boolean;
}

function load(): Addon {
  // MMARRAY_ADDON_PATH loads one specific build instead (the sanitizer run,
  // scripts/test-asan.sh, points it at build-asan/). Otherwise lib/loader.ts
  // searches build/Release, build/Debug, then prebuilds/<platform>-<arch>/,
  // relative to the package root (one level above dist/ or lib/), and throws
  // one error that says what to do when nothing loads.
  const addon = loadAddon<Addon>(path.resolve(__dirname, '..'), process.env.MMARRAY_ADDON_PATH || undefined);
  // Before any other call: the classes are per env (each worker hands over
  // its own), and the last call wins, so a module registry loaded afresh (a
  // test runner's) gets its own class back.
  addon.setErrorClasses({ AccessError });
  return addon;
}

const addon = load();

/** The OS page size; mapping offsets are rounded down to it internally. */
export const pageSize: number = addon.pageSize;

/**
 * Maps [offset, offset + length) of `file`; `length` -1 maps to the end.
 * Throws fs-shaped errors (`code`, `errno`, `syscall`, `path`).
 */
export function mapFile(file: string, mode: NativeMode, offset: number, length: number): MappingHandle {
  return new addon.MappingHandle(file, mode, offset, length);
}

/**
 * How many live mappings of the file at `path` this process holds, from any
 * thread (workers included); -1 when it cannot be stat'ed.
 */
export function liveMappingsOf(path: string): number {
  return addon.liveMappingsOf(path);
}

/**
 * Truncates the file at `path` to `length` bytes only when this process holds
 * no live mapping of it, checked and done under the lock every mapping is
 * registered under (no thread can map it in between). Returns how many live
 * mappings there are (0: truncated); throws the fs-shaped error of a failed
 * open or truncation.
 */
export function truncateUnmapped(path: string, length: number): number {
  const r = addon.truncateUnmapped(path, length);
  if (r < 0) {
    const [code, message] = getSystemErrorMap().get(r) ?? ['EUNKNOWN', 'unknown error'];
    throw Object.assign(new Error(`${code}: ${message}, truncate '${path}'`), { errno: r, code, syscall: 'truncate', path });
  }
  return r;
}

/** The addon's bulk kernels; lib/kernels.ts is their typed, checked front. */
export const kernelCopy: KernelCopy = addon.kernelCopy;
export const kernelReduce: KernelReduce = addon.kernelReduce;
export const kernelCast: KernelCast = addon.kernelCast;
export const kernelUfunc: KernelUfunc = addon.kernelUfunc;
/**
 * kernelUfunc on libuv's thread pool (lib/async.ts ufuncAsync): checked
 * now, run on one pool thread, settled through `settle` with kernelUfunc's
 * value (1: a negative integer power). Returns the job's id. `copyFirst`:
 * operands (inputs or the mask) the job copies before it writes the output,
 * which overlaps them (then on one thread).
 */
export const kernelUfuncAsync: Addon['kernelUfuncAsync'] = addon.kernelUfuncAsync;
/** Stops a kernelUfuncAsync job before its next chunk (settle gets ABORT_ERR). */
export const kernelUfuncAbort: Addon['kernelUfuncAbort'] = addon.kernelUfuncAbort;
/** `[doneBytes, totalBytes]` of a kernelUfuncAsync job's output, or null once it settled. */
export const kernelUfuncProgress: Addon['kernelUfuncProgress'] = addon.kernelUfuncProgress;
export const kernelAccumulate: KernelAccumulate = addon.kernelAccumulate;
/** The matrix-product kernel (native/dot_kernels.cc). */
export const dotGemm: DotGemm = addon.dotGemm;
export const dotGemmBatch: DotGemmBatch = addon.dotGemmBatch;
/** The cap on one product's threads (0: the default), as it was; with `max`, sets it. */
export const dotGemmThreads = addon.dotGemmThreads;
export const linalgGetrf: LinalgGetrf = addon.linalgGetrf;
export const linalgGetrs: LinalgGetrs = addon.linalgGetrs;
export const linalgSlogdet: LinalgSlogdet = addon.linalgSlogdet;
export const linalgPotrf: LinalgPotrf = addon.linalgPotrf;
export const linalgGeqrf: LinalgGeqrf = addon.linalgGeqrf;
export const linalgOrgqr: LinalgOrgqr = addon.linalgOrgqr;
export const linalgSvd: LinalgSvd = addon.linalgSvd;
export const linalgEigh: LinalgEigh = addon.linalgEigh;
export const linalgEig: LinalgEig = addon.linalgEig;
export const kernelReduceat: KernelReduceat = addon.kernelReduceat;
export const histogramUniform: HistogramUniform = addon.histogramUniform;
/**
 * The smallest bool result kernelUfunc writes with non-temporal stores (the
 * last-level cache's size, at least 4 MiB), as it was before the call; with
 * `bytes`, sets it for the process (tests reach the streamed path with it).
 */
export const ufuncStreamMinBytes = addon.ufuncStreamMinBytes;

/**
 * The async kernels (native/async_kernels.cc; lib/async.ts is their front):
 * each takes its sync twin's arguments plus a thread count and an
 * {@link AsyncSettle} callback, and returns the job's id; kernelAbort stops a
 * job at its next block (a settled job is left alone), kernelProgress reads
 * [doneBytes, totalBytes] (null once settled).
 */
export const kernelReduceAsync = addon.kernelReduceAsync;
export const kernelCopyAsync = addon.kernelCopyAsync;
export const kernelCastAsync = addon.kernelCastAsync;
export const kernelAbort = addon.kernelAbort;
export const kernelProgress = addon.kernelProgress;
/**
 * The nice value a pool thread runs an async kernel or saveNpyAsync job at
 * (native/pool_yield.h; restored when the job ends): the
 * `MMARRAY_POOL_NICE` environment variable (1-19) as it was when the addon
 * loaded; 0 (pool threads keep theirs) when it is unset or 0 (the default),
 * where the process could not take a thread's nice value back down (no
 * CAP_SYS_NICE and RLIMIT_NICE below 20), and outside Linux.
 */
export const kernelPoolNice = addon.kernelPoolNice;
/**
 * The scheduler slice (ns) the JS thread asks for while an async job of its
 * env runs (native/pool_yield.h; restored when the last one ends): 100,000,
 * or `MMARRAY_LOOP_SLICE_US` × 1000 as it was when the addon loaded; 0: off.
 */
export const kernelLoopSlice = addon.kernelLoopSlice;
/**
 * The kernels' read-ahead of a mapped source, sync and async (native/read_ahead.cc):
 * [distance in bytes (`MMARRAY_READ_AHEAD_MB` × 2^20 as it was when the
 * addon loaded; 0, the default: off), bytes advised so far in this process,
 * madvise(MADV_WILLNEED) calls so far].
 */
export const kernelReadAhead = addon.kernelReadAhead;

/** saveNpyAsync's one pool job ({@link KernelSaveAsync}); abort stops it at its next block, progress reads [doneBytes, totalBytes]. */
export const kernelSaveAsync = addon.kernelSaveAsync;
export const kernelSaveAbort = addon.kernelSaveAbort;
export const kernelSaveProgress = addon.kernelSaveProgress;

/**
 * An ArrayBuffer over 2 MiB-aligned anonymous memory, recycled once V8 drops
 * it or pre-faulted by the pool's thread (native/pool_buffer.cc,
 * native/region_pool.cc), or null (0
 * bytes, over 4 GiB, or no memory): then allocate in JS. Zeroed unless
 * `uninitialized` is true (then it may hold a dropped buffer's bytes: only
 * for callers that overwrite every byte before JS reads one). With `now`, a
 * miss maps fresh memory at once instead of waiting for (or asking for) the
 * pool thread's pre-faulted region: for results the async kernels fault on
 * their own pool threads.
 */
export const poolBuffer = addon.poolBuffer;

/**
 * Detaches an ArrayBuffer the library allocated (an array's `release()`),
 * so every view of it reads length 0; a pool buffer's region returns to the
 * pool at once (true), V8's own memory is freed by the detach (false).
 * Throws when the buffer cannot be detached. release.ts is the only caller.
 */
export const releaseBuffer = addon.releaseBuffer;

/**
 * The region pool's state (tests, diagnostics): `idleBytes` kept for reuse
 * (at most `idleLimit`, min(1 GiB, RAM/16)), `inUseBytes` handed out, or
 * being pre-faulted by the pool's thread as its reserve (`handedOutBytes`:
 * without that region, read at the same instant; idle
 * and handed out together at most `totalLimit`, min(4 GiB, RAM/6); past it
 * results take ordinary memory; a request longer than half of it may hold
 * two of its length, up to `stretchLimit`, RAM/4), `freshMaps` made on a caller's thread, the
 * pre-faulted reserve (`reserveBytes` of zero pages, `reserveTarget`,
 * `reserveMaps` made by the pool's thread), and `idleHorizonMs`: how long a
 * region may stay idle before the pool's thread unmaps it, 4x the gap between
 * the last two requests clamped to 1-8 s (the reserve target decays on the
 * same clock). `overBytes`: regions given back when the idle bound had no
 * room, kept past it (within `totalLimit`) for at most 2 s for the next
 * request of more than half their length. `idleHits`, `reserveHits`,
 * `overHits`: requests served so far by a region a dropped result gave back,
 * by the reserve, and by a region kept past the idle bound (with
 * `freshMaps`, where each result came from; a request none of them served
 * took ordinary memory). `keptBytes`: bytes given back (by `release()` or a
 * collected result) and kept for reuse, in all; unlike `idleBytes` the pool's
 * thread never lowers it.
 */
export const poolStats = addon.poolStats;

/**
 * Whether the pool would serve a request of `byteLength` from an idle region
 * now (0; after taking back the regions of buffers V8 has collected), or
 * not, while a buffer handed out and not collected yet is at least that long
 * (1: a GC may return it), or neither (2). gc-wait.ts's GC assist asks it.
 */
export const poolReuse = addon.poolReuse;

/** The compute ops' loops (native/index_kernels.cc). */
export const indexKernels: IndexKernels = addon.indexKernels;

/** convolve/correlate's float64 sliding dot (native/correlate.cc). */
export const correlateF64: Addon['correlateF64'] = addon.correlateF64;

/** The sorting loops (native/sort_kernels.cc). */
export const sortKernels: SortKernels = addon.sortKernels;
