/**
 * V8's garbage collector and large buffers: waiting out the collection that a
 * large new buffer starts, so that its pause falls while the cores are idle
 * ({@link afterMajorGc}), and asking for one before a large result would
 * fault fresh memory ({@link assistGc}).
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
import { constants, performance, PerformanceObserver } from 'perf_hooks';
import * as v8 from 'v8';
import * as vm from 'vm';
import { onAbort } from './abort-listeners';
import { poolReuse, poolStats } from './native';

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
    let stopListening: (() => void) | undefined;
    const observer = new PerformanceObserver((list) => {
      // Node >= 16 puts the GC's kind in `detail`; @types/node 20 does not declare it.
      if (list.getEntries().some((e) => (e as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)) done(true);
    });
    function done(seen: boolean): void {
      observer.disconnect();
      clearTimeout(timer);
      stopListening?.();
      resolve(seen);
    }
    if (signal?.aborted) {
      resolve(false);
      return;
    }
    observer.observe({ entryTypes: ['gc'] });
    timer = setTimeout(() => done(false), timeoutMs);
    if (signal) stopListening = onAbort(signal, () => done(false));
  });
}

// ---------------------------------------------------------------- GC assist
//
// A dropped pool buffer goes back to the pool only once V8 collects it, and
// V8 collects only when its own heuristics say so: a loop making a 1 GiB
// result per round (copy, astype) drops one per round, but no
// collection runs between the drop and the next request, so that request
// maps fresh memory and its threads fault all of it (the collection the new
// buffer starts then returns the old one, a round late). Collecting first
// turns the miss into a reuse. What it costs: a full collection pauses the
// JS thread and takes about 1-1.5 ms of CPU per MB of live heap on this VM,
// V8's helper threads included (20 MB: 20-27 ms, 100 MB: 100-160 ms,
// 500 MB: 540-765 ms; `node bench/gc_cost.js`), while faulting a fresh
// result costs about 1 ms of CPU per MB more than reusing one (1 GiB async
// results, `node bench/big_rounds.js --async` and its probe: 1.0-1.6 s of
// CPU a round fresh, 0.15-0.3 s reused). Results of tens of MB fare
// worse: a 40-80 MB result in a fresh or just-made reserve region took
// 100-300 ms here against 7-20 ms reused, and the rows of a bench loop
// (`last = mm.compress(m, a)` per round) missed in their first rounds because
// V8 had promoted the dropped results and no mark-compact had run yet.
// So it runs only for requests of GC_ASSIST_MIN_BYTES and more, only while
// the used heap is at most GC_ASSIST_HEAP_FRACTION of the request (the
// collection then costs well under what the fault would), only when no idle
// region serves the request and a buffer at least that long is still handed
// out, and it backs off (skips the next 1, 2, 4 ... 64 such misses) after a
// collection that returned no region at all while two or more such buffers
// were out: a program that holds its results pays for no collection per
// call. Sync calls only: the async calls never pause the event loop for it
// (lib/async.ts). MMARRAY_GC_ASSIST=0 in the environment turns it off.
// The bounds were 64 MiB and 1/8 until session 16. `bench/run.js --quick
// --only W20` at load 1, the same build run with each pair of bounds (8 MiB
// and 1/2 for the new one: the same rows qualify as at 16 MiB, whose
// requests are 40-80 MB with a 12 MB heap), put those rows at compress 6.24x
// -> 1.26x NumPy, log10 2.56x -> 1.84x, float32/int32 partition 1.01x/1.11x -> 0.53x/0.58x,
// array(Float64Array) 1.03x -> 0.90x, with 31 collections in the whole W20
// process (315 ms on the JS thread, 23 of them returned a region). A
// young-generation collection first (gc({ type: 'minor' })) did not help:
// the dropped results are old by then (docs/performance-notes.md, perf9).

/** Requests from this size up may run the assist (a smaller one costs a few ms to fault even fresh). */
export const GC_ASSIST_MIN_BYTES = 16 << 20;

/** The assist runs only while V8's used heap is at most this fraction of the request (see above). */
export const GC_ASSIST_HEAP_FRACTION = 1 / 2;

/**
 * Counts for tests and benches: collections run, those after which the pool
 * served the request, misses skipped by the back-off, and the collections'
 * time on the JS thread (ms).
 */
export const gcAssistStats = { runs: 0, hits: 0, skipped: 0, ms: 0 };

const enabled = process.env.MMARRAY_GC_ASSIST !== '0';
let skip = 0;
let backoff = 0;
// V8's gc(): undefined until first needed, null when it cannot be had.
let collect: (() => void) | null | undefined;

function gcFunction(): (() => void) | null {
  if (collect !== undefined) return collect;
  const g = (globalThis as { gc?: unknown }).gc;
  if (typeof g === 'function') {
    collect = g as () => void;
  } else {
    try {
      // The flag exposes gc() to contexts made after it (Node's own tests do this).
      v8.setFlagsFromString('--expose-gc');
      const f: unknown = vm.runInNewContext('gc');
      collect = typeof f === 'function' ? (f as () => void) : null;
    } catch {
      collect = null;
    }
  }
  return collect;
}

/**
 * Before the pool is asked for `byteLength` bytes: when no idle region
 * would serve it but a buffer handed out and not yet collected would, runs
 * a full V8 collection on this thread so that a dropped one comes back
 * first (within the limits above, the heap's at most `heapFraction` of the
 * request). Runs nothing for small requests.
 */
export function assistGc(byteLength: number, heapFraction = GC_ASSIST_HEAP_FRACTION): void {
  if (!enabled || byteLength < GC_ASSIST_MIN_BYTES || poolReuse(byteLength) !== 1) return;
  if (skip > 0) {
    skip--;
    gcAssistStats.skipped++;
    return;
  }
  if (v8.getHeapStatistics().used_heap_size > byteLength * heapFraction) return;
  const gc = gcFunction();
  if (gc === null) return;
  const held = poolStats().inUseBytes;
  const t0 = performance.now();
  gc();
  gcAssistStats.ms += performance.now() - t0;
  gcAssistStats.runs++;
  // poolReuse takes back the regions of the buffers the collection freed.
  const served = poolReuse(byteLength) === 0;
  if (served) gcAssistStats.hits++;
  if (served || poolStats().inUseBytes < held) {
    backoff = 0;
  } else if (held < 2 * byteLength) {
    // At most one buffer this long was handed out, and it is alive: the
    // program keeps its last result while making the next (`x = a.copy()`
    // in a loop, as NumPy's `x = a.copy()` holds two). The result that
    // replaces it is dropped by the next call, when a collection returns
    // it (W9's 2 GiB copies: backing off here skipped exactly that one).
    // A program that accumulates results passes this bound by its second
    // and backs off from then on.
  } else {
    backoff = Math.min(64, backoff === 0 ? 1 : 2 * backoff);
    skip = backoff;
  }
}
