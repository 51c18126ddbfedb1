/**
 * Fresh memory for large results (copies, casts, ufunc outputs, take,
 * concatenate, zeros...): the default {@link Allocator}, installed by
 * internal.ts.
 *
 * A `new ArrayBuffer(80 MB)` is zero pages: the kernel that writes the result
 * takes ~20k page faults first, which made an 80 MB copy 2.5-6x NumPy's. At
 * {@link FRESH_POOL_MIN_BYTES} and above, results live in 2 MiB-aligned
 * memory that is recycled once V8 drops the buffer (native/region_pool.cc):
 * a loop making one result per iteration reuses already-faulted regions and
 * pays no fault at all, which is what NumPy gets from freeing at refcount 0.
 * Until the GC has returned enough of them, the pool's thread pre-faults
 * regions ahead (a bounded reserve), so a result rarely faults fresh memory
 * on the JS thread. A recycled region is cleared unless the caller asked for
 * uninitialized memory (it overwrites every byte).
 */
import { assistGc } from './gc-wait';
import { poolBuffer } from './native';
import type { DType } from './dtype';
import type { Allocator } from './storage';

/**
 * Results at least this large come from the pool (regions are whole 2 MiB
 * units, so a 1 MiB result wastes at most half of one); smaller ones
 * take few page faults and stay with V8. Not tuned by measurement yet:
 * bench/w21_alloc.js measures 40-160 MB results.
 */
export const FRESH_POOL_MIN_BYTES = 1 << 20;

// The last nudge (below), kept so the optimizer cannot drop the allocation.
export let lastNudge: ArrayBuffer | null = null;

/** The pool for large results, V8's `new ArrayBuffer` (null) for small ones. */
export const freshMemory: Allocator = (byteLength, uninitialized) => {
  if (byteLength < FRESH_POOL_MIN_BYTES) return null;
  // A pool buffer returns to the pool once V8 collects it, and V8 runs a
  // young-generation GC when it allocates an ArrayBuffer while the young
  // buffers' bytes are large (Heap::AllocateExternalBackingStore): this tiny
  // one lets it, so a loop that never yields still reuses the buffers it
  // dropped instead of mapping new ones (native/pool_buffer.cc, Reclaim).
  lastNudge = new ArrayBuffer(8);
  assistGc(byteLength);
  return poolBuffer(byteLength, uninitialized);
};

/**
 * True when storing an item of `dt` writes all of its bytes (numbers and
 * bools), so a result that stores every item may start uninitialized.
 * Strings pad and records may have gaps: those start zeroed.
 */
export function storesWholeItems(dt: DType): boolean {
  return dt.kind !== 'S' && dt.kind !== 'V' && dt.itemsize > 0;
}
