/**
 * Releasing an array's memory now: what NumPy users get from `del a` at
 * refcount 0, JS users get with `using y = x.copy()` or `y.release()`.
 *
 * Why it is needed: large results live in pre-faulted pool regions
 * (fresh-memory.ts) that go back to the pool only once V8 has collected the
 * buffer and Node has run its finalizer on a later turn of the event loop. A
 * loop that never yields sees neither, so the pool runs dry and later results
 * take slowly faulted memory. A release hands the region back at once.
 *
 * Rules, by what the storage is:
 *
 * | storage | release() |
 * | --- | --- |
 * | memory the library allocated (copies, casts, ufunc results, zeros…) | the ArrayBuffer is detached: every view, alias and typed array over it then throws `ERR_CLOSED` (typed arrays read length 0), and its pool region is reused by the next result |
 * | a caller's ArrayBuffer (`fromBuffer`, `ndarray(typedArray)`) | nothing: the memory is the caller's, the array stays usable |
 * | a file mapping (`Memmap`) | `close()` (Memmap overrides release); a plain view of a mapping throws a TypeError naming the file |
 * | already released, or empty | nothing (idempotent) |
 *
 * A release while an async job (`sumAsync`, `copyAsync`, `saveNpyAsync`…)
 * reads or writes the buffer is refused with `AccessError` code `ERR_BUSY`
 * and changes nothing: the job holds a raw pointer to the memory, so it
 * cannot be freed under it. Await the job, then release.
 *
 * Not covered (as for sodium-native's `free`): Node APIs that read a typed
 * array on the thread pool (`fs.write`, streams) while it is released read
 * whatever the memory holds next; release after they complete.
 * @module
 */
import { AccessError } from './errors';
import { capturingKernels } from './kernels';
import { releaseBuffer } from './native';
import { MemoryStorage, type Storage } from './storage';

// How many async jobs hold each buffer now.
const pins = new WeakMap<ArrayBuffer, number>();

/** Marks `buffer` as read or written by an async job until {@link unpinBuffer}. */
export function pinBuffer(buffer: ArrayBuffer): void {
  pins.set(buffer, (pins.get(buffer) ?? 0) + 1);
}

/** Ends one {@link pinBuffer}. */
export function unpinBuffer(buffer: ArrayBuffer): void {
  const n = (pins.get(buffer) ?? 0) - 1;
  if (n > 0) pins.set(buffer, n);
  else pins.delete(buffer);
}

/** True while an async job holds `buffer`. */
export function isPinned(buffer: ArrayBuffer): boolean {
  return pins.has(buffer);
}

/**
 * Frees memory the library allocated for `st` now (see the table above);
 * true when a pool region went back to the pool. Storages of mappings are
 * the caller's to close.
 */
export function releaseMemory(st: Storage): boolean {
  if (!(st instanceof MemoryStorage) || !st.owned || st.closed || st.byteLength === 0) return false;
  const buffer = st.single.buffer;
  if (isPinned(buffer)) {
    throw new AccessError('ERR_BUSY', `cannot release an array of ${st.byteLength} bytes while an async job reads or writes it; await the job first`);
  }
  return releaseBuffer(buffer);
}

/**
 * {@link releaseMemory} for a temporary the library made inside one call and
 * is done with: skipped while an async call records its kernels (the
 * recorded calls still read it; the job's hold ends later and the GC frees it).
 */
export function releaseTemporary(st: Storage): void {
  if (!capturingKernels()) releaseMemory(st);
}
