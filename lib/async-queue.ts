/**
 * The order of async jobs on one array's memory: a per-memory queue with
 * shared readers and exclusive writers, in call order.
 *
 * A job that writes an array's memory (`fillAsync`, `setAsync`, an in-place
 * `sortAsync`/`byteswapAsync`, `ufuncAsync` into `out`) waits for every
 * earlier job that touches that memory; a job that only reads it (`sumAsync`,
 * `copyAsync`, `argsortAsync`, `saveNpyAsync` …) waits for the earlier
 * writers only, so readers run side by side. A job waits before it does
 * anything, its checks included, so it sees what the earlier jobs left (the
 * order of the calls, as better-sqlite3 runs a connection's statements).
 * Nothing else waits: a sync method meanwhile runs at once, as in NumPy,
 * whose threads share an array with no lock.
 *
 * "The same memory" is the ArrayBuffer behind an array (any view of it, any
 * array made over it) or the mapping (every view of one memmap/openNpy
 * result); two separate mappings of one file are two memories.
 * @module
 */
import type { NdArray } from './ndarray';
import { storageOf } from './internal';
import { MemoryStorage } from './storage';

/** One job's claim on one memory. */
interface Claim {
  readonly write: boolean;
  readonly done: Promise<void>;
}

/** The claims of the jobs not finished yet, per memory, in call order (a Set keeps insertion order). */
const claims = new WeakMap<object, Set<Claim>>();

/** An array a job touches, and whether it writes it. */
export interface Access {
  readonly array: NdArray;
  readonly write: boolean;
}

/** A job's place in the queues: what it waits for (null: nothing), and its end. */
export interface Turn {
  readonly ready: Promise<void> | null;
  /** Ends the job's claims (idempotent): the jobs behind it may start. */
  readonly finish: () => void;
}

/** The identity of the memory behind `a`: its ArrayBuffer, or its mapping's storage. */
function memoryOf(a: NdArray): object {
  const st = storageOf(a);
  return st instanceof MemoryStorage ? st.single.buffer : st;
}

/**
 * Takes a turn for a job touching `accesses` (an array listed twice counts
 * as written when either entry writes). Call `finish` when the job settles,
 * however it settles.
 */
export function takeTurn(accesses: readonly Access[]): Turn {
  const wanted = new Map<object, boolean>();
  for (const { array, write } of accesses) {
    const m = memoryOf(array);
    wanted.set(m, (wanted.get(m) ?? false) || write);
  }
  let end!: () => void;
  const done = new Promise<void>((resolve) => {
    end = resolve;
  });
  const waits: Promise<void>[] = [];
  const mine: [Set<Claim>, Claim][] = [];
  for (const [memory, write] of wanted) {
    let queue = claims.get(memory);
    if (queue === undefined) {
      queue = new Set();
      claims.set(memory, queue);
    }
    for (const earlier of queue) if (write || earlier.write) waits.push(earlier.done);
    const claim: Claim = { write, done };
    queue.add(claim);
    mine.push([queue, claim]);
  }
  let finished = false;
  const finish = (): void => {
    if (finished) return;
    finished = true;
    for (const [queue, claim] of mine) queue.delete(claim);
    end();
  };
  return { ready: waits.length === 0 ? null : Promise.all(waits).then(() => undefined), finish };
}
