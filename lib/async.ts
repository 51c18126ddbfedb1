/**
 * Bulk work off the event loop: the sync bulk methods (sum, min, max, mean,
 * copy, astype, fill, set, byteswap, saveNpy) as promises whose kernels run
 * on libuv's thread pool (native/async_kernels.cc).
 *
 * How: the sync method runs as always — it validates, throws its usual
 * errors, allocates the result and decides the kernel calls — with the kernel
 * calls recorded instead of run ({@link captureKernels}). The recorded calls
 * then run in order on the pool, the same row functions over the same units,
 * so a result is the same bits as the sync twin's (a float sum recombines
 * NumPy's pairwise tree in the sync order, whatever `threads` is). An error
 * the sync method would throw is a rejection, and nothing has been written
 * by then. What has no kernel (a dtype without one, a SharedArrayBuffer, an
 * array under 256 elements, a record with padding) runs on the JS thread
 * inside the call, as the sync method does; the promise still settles
 * asynchronously.
 *
 * Lifetimes. A mapping is pinned block by block (1 MiB): `close()` during the
 * work waits for the block in flight (well under a millisecond), unmaps, and
 * the promise rejects with `ERR_CLOSED`. A plain ArrayBuffer behind an array
 * is referenced until the promise settles and is marked untransferable
 * (Node's `markAsUntransferable`, for good: Node offers no way back), so a
 * transfer attempt cannot free it under the kernel; an array's `release()`
 * meanwhile is refused with `ERR_BUSY` (release.ts).
 *
 * Abort. `signal` aborts at the next block (a few ms at most): the promise
 * rejects with an `AbortError` (`code: 'ABORT_ERR'`). What a write had
 * reached by then stays: `fill`/`set`/`byteswap(true)` leave the target
 * partly written (a prefix of blocks, in no fixed order across threads);
 * copy/astype allocate their result, which is dropped; saveNpyAsync removes
 * its temporary file and leaves the target file as it was.
 *
 * Order. A call that writes an array's memory waits for the earlier async
 * calls on that memory, one that reads it for the earlier writers only
 * (async-queue.ts), before it does anything, its checks included.
 * @module
 */
import * as fs from 'fs';
import * as os from 'os';
import * as nodePath from 'path';
import { markAsUntransferable } from 'worker_threads';

import type { DTypeLike } from './dtype';
import { onAbort } from './abort-listeners';
import { AccessError, describeValue, ValueError } from './errors';
import { takeTurn, type Access } from './async-queue';
import { afterMajorGc, EXTERNAL_SOFT_LIMIT } from './gc-wait';
import { captureKernels, regionOf, type KernelCall } from './kernels';
import { meanOf, signedExtreme } from './reduce';
import { kernelAbort, kernelCastAsync, kernelCopyAsync, kernelProgress, kernelReduceAsync, kernelSaveAbort, kernelSaveAsync, kernelSaveProgress, kernelUfuncAbort, kernelUfuncAsync, kernelUfuncProgress, poolBuffer, sortKernels, type AsyncJob, type AsyncSettle } from './native';
import type { AstypeOptions, NdArray } from './ndarray';
import type { Order } from './order';
import { unique, uniqueCallOf, UNIQUE_KEYS, type SortOptions, type UniqueOptions, type UniqueResult } from './sort';
import { uniqueBuffersOf } from './sort-kernels';
import type { UfuncOptions } from './ufunc';
import { NEGATIVE_POWER } from './ufunc-native';
import { descrOf, formatHeader } from './npy/header';
import { replacementOf } from './npy/replace';
import type { SaveNpyOptions } from './npy/npy';
import { closedError, MemoryStorage, withAllocator } from './storage';
import { pinBuffer, releaseMemory, unpinBuffer } from './release';
import { isArray, makeArray, requireArray, requireFunction, requireOpen, storageOf } from './internal';
import { newStrides } from './layout';
import { booleanArg, readKnownOptions, readOptions } from './options';

/** Options of every async bulk call. */
export interface AsyncOptions {
  /** Aborts the work at its next 1 MiB block; the promise rejects with an `AbortError`. */
  signal?: AbortSignal;
  /**
   * Called on the JS thread, at most every {@link PROGRESS_INTERVAL_MS} and
   * once at the end, with non-decreasing `doneBytes` (bytes read by a
   * reduction, written by a copy or cast) out of `totalBytes`.
   */
  onProgress?: (doneBytes: number, totalBytes: number) => void;
  /**
   * Pool threads to split the work over (1 to 64). The units are cut on
   * fixed block boundaries, so results do not depend on it. Default: for
   * arrays of at least {@link PARALLEL_MIN_BYTES}, the cores less one (so the
   * event loop keeps a core) capped at the pool's size; else 1.
   * The pool has `UV_THREADPOOL_SIZE` threads (4 unless set before Node
   * starts) shared with fs, dns.lookup, zlib and crypto: more threads here
   * than the pool holds only queue.
   */
  threads?: number;
}

/** How often onProgress is called at most. */
export const PROGRESS_INTERVAL_MS = 50;

/** Arrays smaller than this run on one pool thread by default. */
export const PARALLEL_MIN_BYTES = 32 << 20;

/**
 * Results at least this large (copy, astype, byteswap) live in pool memory
 * (native/pool_buffer.cc): a plain ArrayBuffer that size is unmapped by the
 * GC on the JS thread, which stalls the event loop for tens of ms per GiB.
 */
const POOL_BUFFER_MIN_BYTES = 4 << 20;

/**
 * Runs `fn` with the fresh arrays it allocates over pool memory, which the
 * pool unmaps off the event loop. A miss maps fresh memory at once (`now`):
 * the kernel's threads fault its pages, each its own blocks, side by side;
 * waiting for the pool thread's pre-faulted region held the JS thread while
 * one core faulted it all (0.3-2 s for 1 GiB). No GC assist here
 * (gc-wait.ts): its full collection pauses the event loop, and in a quiet
 * `bench/async.js` A/B it lengthened the longest gap of `copyAsync` from
 * 9.7 to 13.3 ms and of `astypeAsync` from 10.7 to 19.0 ms for no gain in
 * throughput (the faults it saves fall on the pool threads).
 * Returns fn's value and the largest buffer it allocated (bytes).
 */
function withPoolAllocation<T>(fn: () => T): { value: T; largest: number } {
  let largest = 0;
  const value = withAllocator((byteLength, uninitialized) => {
    largest = Math.max(largest, byteLength);
    if (byteLength < POOL_BUFFER_MIN_BYTES) return null;
    return poolBuffer(byteLength, uninitialized, true);
  }, fn);
  return { value, largest };
}

/**
 * After allocating a buffer that starts a V8 GC cycle (gc-wait.ts), waits
 * for that cycle's mark-compact before the kernels take the cores, so its
 * pause falls while V8's marking helpers have a core (about 1 ms in
 * `--trace-gc-nvp`) instead of while the kernel holds them (6–16 ms). Costs
 * the call the cycle's marking time (5–50 ms, at most 100); an abort ends
 * the wait at once and rejects with the {@link AbortError}, as does a signal
 * that had already fired.
 */
async function settleGc(largest: number, signal: AbortSignal | undefined): Promise<void> {
  // MMARRAY_GC_SETTLE=0 (read per call, for bench/async.js --variants) skips
  // the wait: the kernels start at once and V8's marking overlaps them.
  if (largest >= EXTERNAL_SOFT_LIMIT && process.env.MMARRAY_GC_SETTLE !== '0') await afterMajorGc(undefined, signal);
  // The gate before any kernel starts: an abort before or during the wait
  // (which it ended) rejects here, so no caller starts a job whose abort
  // listener, added after the signal fired, would never run.
  if (signal?.aborted) throw abortError(signal);
}

/** The rejection of an aborted call, shaped as Node's own (`fs.readFile` with a signal). */
export class AbortError extends Error {
  readonly code = 'ABORT_ERR';
  constructor(message = 'The operation was aborted', options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AbortError';
  }
}

function poolSize(): number {
  const n = Number(process.env.UV_THREADPOOL_SIZE);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 1024) : 4;
}

function threadsFor(a: NdArray, options: AsyncOptions): number {
  const t = options.threads;
  if (t !== undefined) {
    if (!Number.isInteger(t) || t < 1 || t > 64) throw new RangeError(`threads must be an integer from 1 to 64, got ${describeValue(t)}`);
    return t;
  }
  // One core stays with the event loop: on 2 cores, two kernel threads
  // time-slice the JS thread and its timers stall by a scheduler quantum.
  return a.nbytes >= PARALLEL_MIN_BYTES ? Math.max(1, Math.min(poolSize(), os.availableParallelism() - 1)) : 1;
}

/**
 * The options, each read once (lib/options.ts) and checked; the call uses
 * only this copy. A key that is not one of them is `name`'s TypeError (a
 * misspelt `signall` was ignored, and the call could not be aborted).
 */
function checkOptions(options: AsyncOptions, name: string): AsyncOptions {
  if (options === null || typeof options !== 'object') throw new TypeError(`options must be an object, got ${describeValue(options)}`);
  const o = readKnownOptions(options, ['signal', 'onProgress', 'threads'], name);
  const { signal, onProgress } = o;
  if (signal !== undefined && !(signal instanceof AbortSignal)) throw new TypeError('options.signal must be an AbortSignal');
  if (onProgress !== undefined && typeof onProgress !== 'function') throw new TypeError('options.onProgress must be a function');
  return o;
}

function abortError(signal: AbortSignal): AbortError {
  return new AbortError(undefined, { cause: signal.reason });
}

/**
 * Keeps every plain ArrayBuffer a call touches from being transferred away
 * or released (release.ts) under the kernel, until the returned function runs.
 */
function holdBuffers(calls: readonly { readonly args: readonly unknown[] }[]): () => void {
  const held: ArrayBuffer[] = [];
  // A ufunc's operands are lists inside its argument list.
  const hold = (v: unknown): void => {
    if (v instanceof ArrayBuffer) {
      markAsUntransferable(v);
      pinBuffer(v);
      held.push(v);
    } else if (Array.isArray(v)) {
      for (const x of v) hold(x);
    }
  };
  for (const c of calls) hold(c.args);
  return () => {
    for (const v of held) unpinBuffer(v);
  };
}

interface Settled {
  value: unknown;
  done: number;
  total: number;
}

/** A promise and the `settle` callback a native job ends it through. */
function settlement(): [Promise<Settled>, AsyncSettle] {
  let settle!: AsyncSettle;
  const promise = new Promise<Settled>((resolve, reject) => {
    settle = (error, value, done, total) => (error === undefined ? resolve({ value, done, total }) : reject(error));
  });
  return [promise, settle];
}

/**
 * Waits for one native job to settle: an abort of `options.signal` calls
 * `abort(job)`; with `report`, `progress(job)` is polled every
 * PROGRESS_INTERVAL_MS and the final figures reported once it settles. A
 * rejection becomes the library's AbortError, or `ERR_CLOSED` naming
 * `closed`'s file (the AbortError when the abort came before the close:
 * the first outcome wins).
 */
async function awaitJob<J>(
  promise: Promise<Settled>, job: J, abort: (job: J) => void, progress: (job: J) => readonly [number, number] | null,
  options: AsyncOptions, closed: NdArray, report: ((done: number, total: number) => void) | null,
): Promise<Settled> {
  const { signal } = options;
  // Whether the abort came before or after a close() of `closed`: the job
  // stops for whichever came first and may report the other (both flags are
  // set by the time it looks), so the first one names the rejection.
  let aborted = 'no' as 'no' | 'first' | 'afterClose';
  const stopListening = signal
    ? onAbort(signal, () => {
      aborted = isClosed(closed) ? 'afterClose' : 'first';
      abort(job);
    })
    : null;
  // The caller's onProgress runs in a timer: what it throws would be an
  // uncaught exception there, and kill the process. It stops the job instead
  // (as an abort does) and becomes the call's rejection.
  let thrown: { error: unknown } | null = null;
  const timer = report
    ? setInterval(() => {
      if (thrown !== null) return;
      const p = progress(job);
      if (p === null) return;
      try {
        report(p[0], p[1]);
      } catch (error) {
        thrown = { error };
        abort(job);
      }
    }, PROGRESS_INTERVAL_MS)
    : null;
  let settled: Settled;
  try {
    settled = await promise;
  } catch (e) {
    if (thrown !== null) throw (thrown as { error: unknown }).error;
    const code = (e as { code?: unknown }).code;
    const stopped = code === 'ABORT_ERR' || code === 'ERR_CLOSED';
    if (stopped && aborted === 'first' && signal) throw abortError(signal);
    if (stopped && (code === 'ERR_CLOSED' || aborted === 'afterClose')) throw closedErrorOf(closed);
    if (code === 'ABORT_ERR' && signal) throw abortError(signal);
    throw e;
  } finally {
    if (timer !== null) clearInterval(timer);
    stopListening?.();
  }
  if (thrown !== null) throw (thrown as { error: unknown }).error;
  if (report) report(settled.done, settled.total);
  return settled;
}

/** A started job: its promise, its id, and how to abort it and poll its progress. */
type Started = [Promise<Settled>, AsyncJob, (job: AsyncJob) => void, (job: AsyncJob) => readonly [number, number] | null];

function start(call: KernelCall, threads: number): Started {
  const [promise, settle] = settlement();
  switch (call.kind) {
    case 'reduce': return [promise, kernelReduceAsync(...call.args, threads, settle), kernelAbort, kernelProgress];
    case 'copy': return [promise, kernelCopyAsync(...call.args, threads, settle), kernelAbort, kernelProgress];
    // A sort's lanes, a ufunc's chunks: shared by the threads (native/pool_job.h PoolTasks).
    case 'sort': return [promise, callSortAsync(call.args, settle, threads), sortAbort, sortProgress];
    // args: kernelUfunc's four, then the operands to copy first when `out` overlaps them (ufunc.ts).
    case 'ufunc': return [promise, (kernelUfuncAsync as (...a: unknown[]) => AsyncJob)(...call.args.slice(0, 4), settle, threads, call.args[4]), kernelUfuncAbort, kernelUfuncProgress];
    default: return [promise, kernelCastAsync(...call.args, threads, settle), kernelAbort, kernelProgress];
  }
}

function callSortAsync(args: unknown[], settle: AsyncSettle, threads: number): AsyncJob {
  return (sortKernels.sortLanesAsync as (...a: unknown[]) => AsyncJob)(...args, settle, threads);
}
const sortAbort = (job: AsyncJob): void => sortKernels.sortAbort(job);
const sortProgress = (job: AsyncJob): readonly [number, number] | null => sortKernels.sortProgress(job);

/**
 * Runs recorded kernel calls one after the other on the pool; resolves with
 * the last call's result (a reduction's value). The calls' arguments (and so
 * their buffers) stay referenced until then.
 */
async function runCalls(calls: readonly KernelCall[], threads: number, options: AsyncOptions, mapping: NdArray): Promise<unknown> {
  const { signal, onProgress } = options;
  let before = 0;
  let result: unknown;
  let last = -1;
  const report = (done: number, total: number): void => {
    if (before + done !== last) {
      last = before + done;
      onProgress!(before + done, before + total);
    }
  };
  for (const call of calls) {
    if (signal?.aborted) throw abortError(signal);
    const [promise, job, abort, progress] = start(call, threads);
    const settled = await awaitJob(promise, job, abort, progress, options, mapping, onProgress ? report : null);
    before += settled.total;
    result = settled.value;
  }
  return result;
}

function isClosed(a: NdArray): boolean {
  try {
    requireOpen(a);
    return false;
  } catch {
    return true;
  }
}

function closedErrorOf(a: NdArray): AccessError {
  try {
    requireOpen(a);
  } catch (closed) {
    if (closed instanceof AccessError) return closed;
  }
  return closedError(null);
}

/**
 * Waits for a job's turn (async-queue.ts); an abort of `signal` meanwhile
 * rejects at once (the job's claims end in the caller's `finally`).
 */
function waitTurn(ready: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) return ready;
  if (signal.aborted) return Promise.reject(abortError(signal));
  return new Promise<void>((resolve, reject) => {
    const stopListening = onAbort(signal, () => reject(abortError(signal)));
    void ready.then(() => {
      stopListening();
      resolve();
    });
  });
}

/** A job that reads `a` only. */
const readsOf = (a: NdArray): Access[] => [{ array: a, write: false }];
/** A job that writes `a`. */
const writesOf = (a: NdArray): Access[] => [{ array: a, write: true }];

/**
 * Runs `sync` (a sync method) with its kernel calls recorded, then runs them
 * on the pool. Resolves with `finish(value of sync, result of the last
 * call)`, or with the value of sync when it recorded no call (it ran on the
 * JS thread). With `accesses` (the arrays the job reads and writes), it
 * first waits for the earlier jobs on their memory that it must follow
 * (async-queue.ts); null: no wait (a job inside another job's turn).
 */
/** @internal */
export async function run<T>(
  name: string, a: NdArray, options: AsyncOptions, sync: () => T, finish: (value: T, result: unknown) => T = (v) => v,
  runsOnJsThread: (calls: readonly KernelCall[]) => boolean = () => false,
  accesses: readonly Access[] | null = readsOf(a),
): Promise<T> {
  requireArray(a, name, 'a');
  options = checkOptions(options, name);
  if (options.signal?.aborted) throw abortError(options.signal);
  // Arrays only: what is not one is the sync method's error, raised below.
  const turn = accesses === null ? null : takeTurn(accesses.filter((x) => isArray(x.array)));
  try {
    // No wait, no await: with no earlier job on the memory, the call starts as it always did.
    if (turn?.ready) {
      await waitTurn(turn.ready, options.signal);
      if (options.signal?.aborted) throw abortError(options.signal);
    }
    return await runNow(a, options, sync, finish, runsOnJsThread);
  } finally {
    turn?.finish();
  }
}

/** {@link run} once its turn came. */
async function runNow<T>(
  a: NdArray, options: AsyncOptions, sync: () => T, finish: (value: T, result: unknown) => T,
  runsOnJsThread: (calls: readonly KernelCall[]) => boolean,
): Promise<T> {
  const threads = threadsFor(a, options);
  const { value: { value, calls }, largest } = withPoolAllocation(() => captureKernels(sync));
  // What `sync` computed may have read the result of a recorded call (not
  // run yet): then it runs again, whole, on the JS thread.
  if (calls.length > 0 && runsOnJsThread(calls)) {
    const again = sync();
    if (options.onProgress) options.onProgress(0, 0);
    return again;
  }
  if (calls.length === 0) {
    if (options.onProgress) options.onProgress(0, 0);
    return value;
  }
  // Held from the call on (not only once the kernels start): a release()
  // while the GC settles would free memory the recorded calls point at.
  const unhold = holdBuffers(calls);
  try {
    await settleGc(largest, options.signal);
    const result = await runCalls(calls, threads, options, a);
    return finish(value, result);
  } finally {
    unhold();
  }
}

/** {@link NdArray.sum} on the thread pool. */
export function sumAsync(a: NdArray, options: AsyncOptions = {}): Promise<number | bigint> {
  return run('sumAsync', a, options, () => a.sum(), (_v, r) => r as number | bigint);
}

/** @internal min/max on the pool (a zero takes NumPy's sign, a bool array gives a bool). */
export function extreme(name: string, a: NdArray, options: AsyncOptions, sync: () => number | bigint): Promise<number | bigint> {
  // A bool array's extreme is a bool, as its elements read (as the sync method).
  // A zero float takes NumPy's sign (the kernel keeps the first zero).
  return run(name, a, options, sync, (_v, r) =>
    a.dtype.kind === 'b' ? ((r !== 0) as unknown as number) : typeof r === 'bigint' ? r : signedExtreme(a, r as number | readonly [number], true),
  );
}

/** {@link NdArray.min} on the thread pool. */
export function minAsync(a: NdArray, options: AsyncOptions = {}): Promise<number | bigint> {
  return extreme('minAsync', a, options, () => a.min());
}

/** {@link NdArray.max} on the thread pool. */
export function maxAsync(a: NdArray, options: AsyncOptions = {}): Promise<number | bigint> {
  return extreme('maxAsync', a, options, () => a.max());
}

/** {@link NdArray.mean} on the thread pool. */
export function meanAsync(a: NdArray, options: AsyncOptions = {}): Promise<number> {
  return run('meanAsync', a, options, () => a.mean(), (_v, r) => meanOf(a, r as number | bigint));
}

/** {@link NdArray.copy} on the thread pool. */
export function copyAsync<T extends NdArray>(a: T, order: Order = 'C', options: AsyncOptions = {}): Promise<T> {
  return run('copyAsync', a, options, () => a.copy(order) as T);
}

/** The options of {@link astypeAsync}: those of {@link NdArray.astype} and the async ones. */
export interface AstypeAsyncOptions extends AstypeOptions, AsyncOptions {}

const ASTYPE_KEYS = ['order', 'casting', 'copy'] as const;
const ASYNC_KEYS = ['signal', 'onProgress', 'threads'] as const;

/**
 * {@link NdArray.astype} on the thread pool. The third argument is the order
 * (then the async options come fourth, as before) or one options object with
 * both kinds: `{ order, casting, copy, signal, onProgress, threads }`, each
 * read once. A cast `casting` refuses rejects before anything is copied;
 * `copy: false` resolves with `a` itself when no copy is needed.
 */
export async function astypeAsync<T extends NdArray>(a: T, dtype: DTypeLike, orderOrOptions: Order | AstypeAsyncOptions = 'K', options?: AsyncOptions): Promise<T> {
  if (orderOrOptions !== null && typeof orderOrOptions === 'object') {
    const both = readKnownOptions(orderOrOptions, [...ASTYPE_KEYS, ...ASYNC_KEYS], 'astypeAsync');
    const cast = readOptions(both, ASTYPE_KEYS);
    const asyncOptions: AsyncOptions = readOptions(both, ASYNC_KEYS);
    if (options !== undefined) {
      const given = ASYNC_KEYS.filter((k) => asyncOptions[k] !== undefined);
      if (given.length > 0) throw new TypeError(`astypeAsync(): ${given.join(', ')} given both in the options object and as the async options; pass them once`);
    }
    return run('astypeAsync', a, options ?? asyncOptions, () => a.astype(dtype, cast) as T);
  }
  if (orderOrOptions !== undefined && typeof orderOrOptions !== 'string') {
    throw new TypeError(`astypeAsync(): the order must be 'C', 'F', 'A' or 'K', or an options object, got ${describeValue(orderOrOptions)}`);
  }
  return run('astypeAsync', a, options ?? {}, () => a.astype(dtype, orderOrOptions) as T);
}

/** {@link NdArray.fill} on the thread pool. */
export function fillAsync(a: NdArray, value: unknown, options: AsyncOptions = {}): Promise<void> {
  return run('fillAsync', a, options, () => a.fill(value), undefined, undefined, writesOf(a));
}

/** {@link NdArray.set} (whole-array assignment) on the thread pool. */
export function setAsync(a: NdArray, value: unknown, options: AsyncOptions = {}): Promise<void> {
  // A rejection, as every async call's errors (the dtype is read below, before run()).
  if (!isArray(a)) return run('setAsync', a, options, () => undefined);
  // A record dtype with padding may copy through a temporary whose fill
  // would then be read on the JS thread: keep that case whole on the JS thread.
  const segs = a.dtype.segments;
  const accesses: Access[] = [{ array: a, write: true }, { array: value as NdArray, write: false }];
  if (!(segs.length === 1 && segs[0][0] === 0 && segs[0][1] === a.itemsize)) {
    return (async () => {
      options = checkOptions(options, 'setAsync');
      if (options.signal?.aborted) throw abortError(options.signal);
      const turn = takeTurn(accesses.filter((x) => isArray(x.array)));
      try {
        if (turn.ready) await waitTurn(turn.ready, options.signal);
        if (options.signal?.aborted) throw abortError(options.signal);
        a.set(value);
      } finally {
        turn.finish();
      }
    })();
  }
  return run('setAsync', a, options, () => a.set(value), undefined, undefined, accesses);
}

/** {@link NdArray.byteswap} on the thread pool. */
export async function byteswapAsync<T extends NdArray>(a: T, inplaceArg: boolean | { inplace?: boolean } = false, options: AsyncOptions = {}): Promise<T> {
  requireArray(a, 'byteswapAsync', 'a');
  // Read once, before the call is queued: the writer registered is the one that writes.
  const inplace = booleanArg(inplaceArg, 'inplace', 'byteswapAsync');
  return run('byteswapAsync', a, options, () => a.byteswap(inplace) as T, undefined, undefined, inplace ? writesOf(a) : readsOf(a));
}

/** The options of {@link sortAsync} and {@link argsortAsync}: NumPy's sort options and the async ones. */
export interface SortAsyncOptions extends SortOptions, AsyncOptions {}

const SORT_KEYS = ['axis', 'kind', 'order'] as const;

/** The sort options and the async ones of one options object, each read once. */
function splitSortOptions(options: SortAsyncOptions, name: string): [SortOptions, AsyncOptions] {
  if (options === null || typeof options !== 'object') throw new TypeError(`options must be an object, got ${describeValue(options)}`);
  // A misspelt key (`kindd`) or NumPy's spelling of one is sort's TypeError, not ignored.
  const both = readKnownOptions(options, [...SORT_KEYS, ...ASYNC_KEYS], name);
  return [readOptions(both, SORT_KEYS), readOptions(both, ASYNC_KEYS)];
}

/**
 * {@link NdArray.sort} (in place, NumPy's `a.sort(axis, kind, order)`) on
 * the thread pool; resolves with `a`. `threads` shares the lanes (the rows
 * along `axis`) out over that many pool threads, in runs of rows of the
 * longest other axis; a 1-d array is one lane and runs on one thread.
 * Lanes are independent and each has one sorted order (equal keys are
 * equal bits; ±0 and NaNs keep their input order), so the result does not
 * depend on `threads`. Each lane is sorted in scratch memory and then
 * written back whole: an abort or a `close()` of the mapping stops the sort
 * between two lanes or inside one (every 65,536 items of its passes) and
 * leaves each lane sorted or as it was; `close()` waits for at most that
 * piece, or for a write-back in flight (one pass over the lane). Complex
 * lanes stop between lanes only. `onProgress` moves inside a lane too (at
 * its checkpoints, by an estimate of its passes, up to 7/8 of the lane) and
 * is exact at each lane's end.
 * What the kernel does not take (records, arrays under 256 items, a
 * SharedArrayBuffer) is sorted on the JS thread inside the call.
 */
export async function sortAsync<T extends NdArray>(a: T, options: SortAsyncOptions = {}): Promise<T> {
  const [sortOptions, asyncOptions] = splitSortOptions(options, 'sortAsync');
  await run('sortAsync', a, asyncOptions, () => {
    a.sort(sortOptions);
  }, undefined, undefined, writesOf(a));
  return a;
}

/**
 * {@link NdArray.argsort} (NumPy's `argsort(a, axis, kind, order)`: int64
 * indices) on the thread pool, as {@link sortAsync} (`threads` shares the
 * lanes; the argsort is stable, so the indices do not depend on it). The
 * result is allocated at the call; an abort or a `close()` rejects and
 * drops it.
 */
export async function argsortAsync(a: NdArray, options: SortAsyncOptions = {}): Promise<NdArray> {
  const [sortOptions, asyncOptions] = splitSortOptions(options, 'argsortAsync');
  return run('argsortAsync', a, asyncOptions, () => a.argsort(sortOptions));
}

/** The options of {@link uniqueAsync}: those of {@link unique} and the async ones. */
export interface UniqueAsyncOptions extends UniqueOptions, AsyncOptions {}


/**
 * {@link unique} (NumPy's `unique(a, return_index, return_inverse,
 * return_counts, axis)`) with its kernel on the thread pool: the same
 * values, counts, first positions and inverse, bit for bit. Each option is
 * read once; unique's errors are rejections, raised before the work starts.
 * The kernel (keys read, sorted, written out) runs on one pool thread
 * (`threads` is checked but not used) and stops at its checkpoints, every
 * 65,536 items: an abort rejects with an `AbortError`, a `close()` of the
 * mapping with `ERR_CLOSED` (close() waits for at most one piece); nothing
 * of `a` is written either way, and the results (the inverse, allocated at
 * the call, included) are dropped. `onProgress` moves through three equal
 * parts: the keys read, the sort (one step), the results written. What the
 * kernel does not take (an `axis` of a 2-d or larger array, complex values
 * without counts, inverse or index, bool with them, other dtypes, arrays
 * under 256 items) runs on the JS thread inside the call, as `unique` does.
 */
export async function uniqueAsync(a: NdArray, options: UniqueAsyncOptions = {}): Promise<UniqueResult> {
  requireArray(a, 'uniqueAsync', 'a');
  if (options === null || typeof options !== 'object') throw new TypeError(`options must be an object, got ${describeValue(options)}`);
  // NumPy's spelling (`return_counts`) or any unknown key: unique's TypeError.
  const both = readKnownOptions(options, [...UNIQUE_KEYS, ...ASYNC_KEYS], 'uniqueAsync');
  const uniqueOptions: UniqueOptions = readOptions(both, UNIQUE_KEYS);
  const asyncOptions = checkOptions(readOptions(both, ASYNC_KEYS), 'uniqueAsync');
  if (asyncOptions.signal?.aborted) throw abortError(asyncOptions.signal);
  const turn = takeTurn(readsOf(a));
  try {
    if (turn.ready) {
      await waitTurn(turn.ready, asyncOptions.signal);
      if (asyncOptions.signal?.aborted) throw abortError(asyncOptions.signal);
    }
    return await uniqueNow(a, uniqueOptions, asyncOptions);
  } finally {
    turn.finish();
  }
}

/** {@link uniqueAsync} once its turn came. */
async function uniqueNow(a: NdArray, uniqueOptions: UniqueOptions, options: AsyncOptions): Promise<UniqueResult> {
  threadsFor(a, options);
  // The inverse (8 bytes an item) in pool memory, as copyAsync's result.
  // Captured (kernels.ts): a mapping goes to the job as its handle, which
  // the job pins, not as a window ArrayBuffer that close() would unmap
  // under it. No kernel runs in there (the inverse is left uninitialized);
  // if one were recorded, the call runs on the JS thread instead.
  const { value: { value: call, calls }, largest } = withPoolAllocation(() => captureKernels(() => uniqueCallOf(a, uniqueOptions)));
  if (call === null || calls.length > 0) {
    const r = unique(a, uniqueOptions);
    if (options.onProgress) options.onProgress(0, 0);
    return r;
  }
  const unhold = holdBuffers([{ args: call.args }]);
  try {
    await settleGc(largest, options.signal);
    const [promise, settle] = settlement();
    const job = sortKernels.uniqueAsync(...call.args, settle);
    let last = -1;
    const report = (done: number, total: number): void => {
      if (done !== last) {
        last = done;
        options.onProgress!(done, total);
      }
    };
    const settled = await awaitJob(promise, job, uniqueAbort, uniqueProgress, options, a, options.onProgress ? report : null);
    return call.finish(uniqueBuffersOf(settled.value as ReturnType<typeof sortKernels.unique>));
  } finally {
    unhold();
  }
}
const uniqueAbort = (job: AsyncJob): void => sortKernels.uniqueAbort(job);
const uniqueProgress = (job: AsyncJob): readonly [number, number] | null => sortKernels.uniqueProgress(job);

/** NumPy's NPY_MAXARGS: the most operands a ufunc takes. */
const UFUNC_MAX_ARGS = 64;

/** The options of {@link ufuncAsync}: the ufunc's own (`out`, `where`, `dtype`, …) and the async ones. */
export interface UfuncAsyncOptions extends UfuncOptions, AsyncOptions {}

/**
 * Runs one of the library's ufuncs (`add`, `multiply`, `sqrt`, `less`, …:
 * any function that takes the inputs then {@link UfuncOptions}) with its
 * loop on the thread pool: `await ufuncAsync(add, [x, y], { out: x })` is
 * `add(x, y, { out: x })` (NumPy's `x += y`) off the event loop. Resolves
 * with what the ufunc returns (`out`, or a new array); its errors are
 * rejections, raised before anything is written. `threads` shares the
 * loop's 4096-element chunks out over that many pool threads in runs of
 * about 1 MiB of output; each chunk runs as the sync loop runs it and no
 * element depends on another, so the result does not depend on `threads`.
 * The loop stops before its next chunk on an abort or a `close()` of a
 * mapping it reads or writes: the output then holds, with one thread, a
 * prefix of the results in the loop's order (not always C order), and with
 * more, whole runs and a prefix of each run in flight, as `fill`'s abort
 * does. What has no native loop (object
 * outputs, some dtypes and ufuncs, arrays under the native threshold) runs
 * on the JS thread inside the call, as the ufunc does. When `out` overlaps
 * an input or the `where` mask (other than item for item), the pool job
 * first copies each such operand (NumPy's copy-if-overlap rule: the result
 * is as if the inputs were read before any write), on one pool thread; an
 * abort during the copies leaves `out` as it was. Only an `out` that
 * overlaps itself still runs on the JS thread, through a temporary.
 */
export async function ufuncAsync(ufunc: (...args: never[]) => unknown, inputs: readonly unknown[], options: UfuncAsyncOptions = {}): Promise<NdArray> {
  requireFunction(ufunc, 'ufuncAsync', 'ufunc');
  if (!Array.isArray(inputs)) throw new TypeError(`ufuncAsync(): inputs must be an array of the ufunc's inputs, got ${describeValue(inputs)}`);
  // NumPy's NPY_MAXARGS: no ufunc takes more operands. Checked before the list
  // is read (a sparse list of length 2^32-1 was spread hole by hole: a hang).
  if (inputs.length > UFUNC_MAX_ARGS) throw new TypeError(`ufuncAsync(): ${inputs.length} inputs; a ufunc takes at most ${UFUNC_MAX_ARGS} operands (NumPy's NPY_MAXARGS)`);
  if (options === null || typeof options !== 'object') throw new TypeError(`options must be an object, got ${describeValue(options)}`);
  // Each option read once: the async ones here, the rest handed to the ufunc.
  const { signal, onProgress, threads, ...ufuncOptions } = options;
  const asyncOptions: AsyncOptions = { signal, onProgress, threads };
  const args = [...(inputs as unknown[]), ufuncOptions];
  const call = (): NdArray => (ufunc as (...a: unknown[]) => NdArray)(...args);
  const out = ufuncOptions.out;
  const first = isArray(out) ? out : (inputs as unknown[]).find((x): x is NdArray => isArray(x));
  if (first === undefined) {
    // Scalars only: nothing for the pool.
    checkOptions(asyncOptions, 'ufuncAsync');
    if (signal?.aborted) throw abortError(signal);
    return call();
  }
  // The output is written; the inputs and the where mask are read.
  const accesses: Access[] = (inputs as unknown[]).filter(isArray).map((x) => ({ array: x, write: false }));
  if (isArray(ufuncOptions.where)) accesses.push({ array: ufuncOptions.where, write: false });
  if (isArray(out)) accesses.push({ array: out, write: true });
  return run('ufuncAsync', first, asyncOptions, call, (value, result) => {
    if (result === 1) throw new ValueError(NEGATIVE_POWER);
    return value;
  }, (calls) => !calls.some((c) => c.kind === 'ufunc'), accesses);
}

// ------------------------------------------------------------------ saveNpy

/** Options of {@link saveNpyAsync}: {@link saveNpy}'s `version` and the async ones. */
export interface SaveNpyAsyncOptions extends AsyncOptions, SaveNpyOptions {}

/** Bytes per copied and written piece of saveNpyAsync. */
const SAVE_CHUNK = 64 << 20;

/**
 * `a` cut in C order into views of at most `maxElements` elements: whole
 * leading-axis blocks, or one index of the leading axis at a time (recursing)
 * when one is larger.
 */
export function* pieces(a: NdArray, maxElements: number): Generator<NdArray> {
  if (a.size <= maxElements || a.ndim === 0) {
    yield a;
    return;
  }
  const n = a.shape[0];
  const row = a.size / n;
  if (row <= maxElements || a.ndim === 1) {
    const per = Math.max(1, Math.floor(maxElements / row));
    for (let i = 0; i < n; i += per) yield a.index(`${i}:${Math.min(i + per, n)}`);
    return;
  }
  for (let i = 0; i < n; i++) yield* pieces(a.index(i), maxElements);
}

/**
 * {@link saveNpy} off the event loop, and safe for its own input: the data
 * goes to a temporary file in the target's folder, which is fsync'ed and
 * then renamed over `path`. `saveNpyAsync(p, openNpy(p))` therefore works,
 * and a failure or an abort leaves the old file whole (and no temporary
 * behind). The whole save (gather in C order, write, fsync, rename) is one
 * job on one pool thread (native/save_worker.cc), so the JS thread only
 * starts it and polls its progress; `threads` is checked but not used. A record dtype with
 * padding, or memory the kernels cannot reach, is copied piece by piece on
 * the pool and written with fs.promises instead.
 */
export async function saveNpyAsync(path: string, a: NdArray, options: SaveNpyAsyncOptions = {}): Promise<void> {
  requireArray(a, 'saveNpyAsync', 'a');
  const { version, ...asyncOptions } = readKnownOptions(options, ['version', ...ASYNC_KEYS], 'saveNpyAsync');
  options = checkOptions(asyncOptions, 'saveNpyAsync');
  requireOpen(a);
  // The header (and its version) is checked before the turn and the file.
  const fortranOrder = a.flags.fContiguous && !a.flags.cContiguous && a.ndim > 1;
  const header = formatHeader({ descr: descrOf(a.dtype), fortranOrder, shape: a.shape, version });
  if (options.signal?.aborted) throw abortError(options.signal);
  const turn = takeTurn(readsOf(a));
  try {
    if (turn.ready) {
      await waitTurn(turn.ready, options.signal);
      if (options.signal?.aborted) throw abortError(options.signal);
    }
    await saveNow(path, a, header, fortranOrder, options);
  } finally {
    turn.finish();
  }
}

/** {@link saveNpyAsync} once its turn came. */
async function saveNow(path: string, a: NdArray, header: Uint8Array, fortranOrder: boolean, options: AsyncOptions): Promise<void> {
  requireOpen(a);
  threadsFor(a, options);
  // The same target rules as saveNpy: NUL-free path, a link followed, the
  // old file's permission bits, refused when the caller could not write it.
  const { dest, tmp, mode } = replacementOf(path, header.length + a.nbytes);
  const src = fortranOrder ? a.transpose() : a;
  const segs = a.dtype.segments;
  const whole = segs.length === 1 && segs[0][0] === 0 && segs[0][1] === a.itemsize;
  // Recorded, a mapping is handed over whole (its handle, which the job pins).
  const region = whole ? captureKernels(() => regionOf(storageOf(src), src.offset)).value : null;
  if (region === null) return savePieces(src, header, dest, tmp, mode, options);
  const held = region.memory instanceof ArrayBuffer ? region.memory : null;
  if (held !== null) {
    markAsUntransferable(held);
    pinBuffer(held);
  }
  const { onProgress } = options;
  const [promise, settle] = settlement();
  const job = kernelSaveAsync(region.memory, region.byteOffset, src.strides, src.shape, src.itemsize, header,
    tmp, dest, nodePath.dirname(dest), path, mode, settle);
  let last = -1;
  const report = (done: number, total: number): void => {
    if (done !== last) {
      last = done;
      onProgress!(done, total);
    }
  };
  try {
    await awaitJob(promise, job, kernelSaveAbort, kernelSaveProgress, options, a, onProgress ? report : null);
  } finally {
    // The memory stays referenced (so alive and, for a mapping, open) and
    // unreleasable until here.
    void region.memory;
    if (held !== null) unpinBuffer(held);
  }
}

/**
 * saveNpyAsync where the native job cannot read the data: pieces copied
 * C-contiguous on the pool (through one staging buffer when the dtype has
 * no padding) and written with fs.promises.
 */
async function savePieces(src: NdArray, header: Uint8Array, dest: string, tmp: string, mode: number, options: AsyncOptions): Promise<void> {
  const total = src.nbytes;
  let done = 0;
  const fh = await fs.promises.open(tmp, 'wx', mode);
  let ok = false;
  try {
    await fh.write(header, 0, header.length, 0);
    let pos = header.length;
    if (src.size > 0 && src.itemsize > 0) {
      const per = Math.max(1, Math.floor(SAVE_CHUNK / src.itemsize));
      // One staging buffer for every piece, in pool memory: a fresh 64 MiB
      // buffer per piece made V8 run a full GC on the JS thread each time
      // (each one crosses its external-memory limit) and free the last one there.
      const segs = src.dtype.segments;
      const whole = segs.length === 1 && segs[0][0] === 0 && segs[0][1] === src.itemsize;
      const stagingBytes = Math.min(per, src.size) * src.itemsize;
      const staging = whole ? poolBuffer(stagingBytes) ?? new ArrayBuffer(stagingBytes) : null;
      // The staging buffer and each piece's copy are dead once written: they
      // go back to the pool at once (release.ts), not after a GC.
      const stagingArr = staging === null ? null : stagingStorage(staging);
      try {
        if (staging !== null) await settleGc(stagingBytes, options.signal);
        for (const piece of pieces(src, per)) {
          let bytes: Uint8Array;
          let c: NdArray | null = null;
          if (staging !== null) {
            // Inside saveNpyAsync's turn: no wait of their own (a writer queued
            // behind the save would wait for it, and it for the writer).
            const dst = stagingArray(piece, staging);
            await run('setAsync', dst, { signal: options.signal, threads: options.threads }, () => dst.set(piece), undefined, undefined, null);
            bytes = new Uint8Array(staging, 0, piece.nbytes);
          } else {
            c = await run('copyAsync', piece, { signal: options.signal, threads: options.threads }, () => piece.copy('C'), undefined, undefined, null);
            bytes = new Uint8Array(c.buffer, c.byteOffset, c.nbytes);
          }
          try {
            for (let off = 0; off < bytes.length; ) {
              const { bytesWritten } = await fh.write(bytes, off, bytes.length - off, pos);
              off += bytesWritten;
              pos += bytesWritten;
            }
          } finally {
            c?.release();
          }
          done += bytes.length;
          options.onProgress?.(done, total);
        }
      } finally {
        if (stagingArr !== null) releaseMemory(stagingArr);
      }
    }
    await fh.sync();
    ok = true;
  } finally {
    await fh.close();
    if (!ok) await fs.promises.rm(tmp, { force: true });
  }
  try {
    await fs.promises.rename(tmp, dest);
  } catch (e) {
    await fs.promises.rm(tmp, { force: true });
    throw e;
  }
  await syncDirectoryAsync(nodePath.dirname(dest));
}

/** The staging buffer as a storage the library owns, for {@link releaseMemory}. */
function stagingStorage(staging: ArrayBuffer): MemoryStorage {
  return new MemoryStorage(staging, 0, staging.byteLength, true, true);
}

/** npy/replace.ts's syncDirectory with fs.promises: a folder fsync can take milliseconds. */
async function syncDirectoryAsync(dir: string): Promise<void> {
  let fh: fs.promises.FileHandle;
  try {
    fh = await fs.promises.open(dir, 'r');
  } catch {
    return;
  }
  try {
    await fh.sync();
  } catch {
    // Some filesystems refuse fsync on a folder; the data file itself is synced.
  } finally {
    await fh.close();
  }
}

// ------------------------------------------------------------------ iteration

/** Elements per macrotask of forEachAsync / reduceAsync. */
export const ITERATION_SLICE = 1 << 16;

/**
 * {@link NdArray.forEach} that yields to the event loop after every
 * {@link ITERATION_SLICE} elements (a `setImmediate` turn), so a JS callback
 * over hundreds of millions of elements does not freeze a server. `i` is the
 * C-order index, as in forEach. Aborts between slices.
 */
export async function forEachAsync(a: NdArray, fn: (value: unknown, i: number) => void, options: { signal?: AbortSignal } = {}): Promise<void> {
  requireArray(a, 'forEachAsync', 'a');
  requireFunction(fn, 'forEachAsync', 'fn');
  options = checkOptions(options, 'forEachAsync');
  requireOpen(a);
  const turn = takeTurn(readsOf(a));
  try {
    if (turn.ready) await waitTurn(turn.ready, options.signal);
    await walk(a, fn, options);
  } finally {
    turn.finish();
  }
}

/** {@link forEachAsync} once its turn came. */
async function walk(a: NdArray, fn: (value: unknown, i: number) => void, options: { signal?: AbortSignal }): Promise<void> {
  requireOpen(a);
  let base = 0;
  // The pieces are cut from a view taken now, not from `a` itself: a memmap
  // resized to fewer elements between two slices closes the storage that view
  // (and every piece) reads, so the walk stops with ERR_CLOSED, as it does
  // when the callback resizes; cut from `a`, the later pieces were empty
  // slices of the new shape and the walk resolved as if it had finished.
  for (const piece of pieces(a.view(), ITERATION_SLICE)) {
    if (options.signal?.aborted) throw abortError(options.signal);
    const b = base;
    piece.forEach((v, i) => fn(v, b + i));
    base += piece.size;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** A fold over the elements in C order with {@link forEachAsync}'s yielding. */
export async function reduceAsync<T>(a: NdArray, fn: (acc: T, value: unknown, i: number) => T, initial: T, options: { signal?: AbortSignal } = {}): Promise<T> {
  requireFunction(fn, 'reduceAsync', 'fn');
  let acc = initial;
  await forEachAsync(a, (v, i) => {
    acc = fn(acc, v, i);
  }, options);
  return acc;
}

/** `piece`'s shape and dtype, C-contiguous over the first bytes of `staging`. */
function stagingArray(piece: NdArray, staging: ArrayBuffer): NdArray {
  const dtype = piece.dtype;
  return makeArray({
    storage: new MemoryStorage(staging), dtype, shape: piece.shape, strides: newStrides(piece.shape, dtype.itemsize, 'C'),
    offset: 0, base: null, writeable: true, ownData: true,
  });
}
