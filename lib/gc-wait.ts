/**
 * Waiting out the V8 garbage collection that a large new buffer starts, so
 * that its pause falls while the cores are idle.
 *
 * V8 counts the bytes of every ArrayBuffer it holds (a JS one or an external
 * one from Node-API) as external memory. A new buffer that takes that count
 * more than {@link EXTERNAL_SOFT_LIMIT} above its lowest point since the last
 * mark-compact starts incremental marking at once, and V8 finishes the cycle
 * a few milliseconds later with a mark-compact: an atomic pause on the JS
 * thread. On a small heap that pause is about 1 ms when a core is free for
 * V8's parallel marking helpers; started while pool threads run a kernel on
 * every other core, the pause waits for those helpers to get a time slice
 * and reaches 6–16 ms (`node --trace-gc-nvp`: `mark.full_closure_parallel`).
 * Node-API cannot make a buffer V8 does not count, and
 * `napi_adjust_external_memory` cannot hide it (V8 lowers its limit with the
 * count), so a call that allocates a large result waits for that GC before
 * it starts its kernels: {@link afterMajorGc}.
 * @module
 */
import { constants, PerformanceObserver } from 'perf_hooks';

/**
 * V8's external allocation soft limit (`kExternalAllocationSoftLimit`,
 * 64 MiB): a buffer larger than this always starts a GC cycle.
 */
export const EXTERNAL_SOFT_LIMIT = 64 << 20;

/** How long {@link afterMajorGc} waits at most (V8 finishes marking in 5–50 ms). */
export const MAJOR_GC_WAIT_MS = 100;

/**
 * Resolves true after V8's next mark-compact ends (reported by a perf_hooks
 * 'gc' entry), or false after `timeoutMs` without one or as soon as `signal`
 * aborts. Call it in the turn that allocated: the cycle ends on a later turn.
 */
export function afterMajorGc(timeoutMs = MAJOR_GC_WAIT_MS, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const onAbort = (): void => done(false);
    const observer = new PerformanceObserver((list) => {
      // Node >= 16 puts the GC's kind in `detail`; @types/node 20 does not declare it.
      if (list.getEntries().some((e) => (e as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)) done(true);
    });
    function done(seen: boolean): void {
      observer.disconnect();
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(seen);
    }
    if (signal?.aborted) {
      resolve(false);
      return;
    }
    observer.observe({ entryTypes: ['gc'] });
    timer = setTimeout(() => done(false), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
