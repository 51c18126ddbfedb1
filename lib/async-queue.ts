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

/**
 * One job's claim on one memory. `clear` settles once the job has finished
 * and so has everything it waited for: a job aborted while it waits finishes
 * at once, but the jobs behind it must still follow the ones it followed.
 */
interface Claim {
  clear: Promise<void>;
}

/**
 * The unfinished claims on one memory. Not every earlier claim, only the
 * ones a new job waits for: the last writer and the readers after it. Each
 * of those waited (through `clear`) for everything before it, so waiting
 * for them is waiting for every earlier job. Listing every earlier claim to
 * each new job made n queued writers n²/2 waits (10,000 fillAsync calls on
 * one array: 5·10^7 promise reactions, a V8 heap abort).
 */
interface Queue {
  writer: Claim | null;
  readers: Set<Claim>;
}

const queues = new WeakMap<object, Queue>();

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
  const mine: [Queue, Claim, Promise<void>[]][] = [];
  for (const [memory, write] of wanted) {
    let queue = queues.get(memory);
    if (queue === undefined) {
      queue = { writer: null, readers: new Set() };
      queues.set(memory, queue);
    }
    // A writer follows the readers after the last writer (they followed it), or that writer; a reader only the writer.
    const here: Promise<void>[] = [];
    if (write && queue.readers.size > 0) for (const r of queue.readers) here.push(r.clear);
    else if (queue.writer !== null) here.push(queue.writer.clear);
    waits.push(...here);
    const claim: Claim = { clear: done };
    if (write) {
      queue.writer = claim;
      queue.readers = new Set();
    } else {
      queue.readers.add(claim);
    }
    mine.push([queue, claim, here]);
  }
  const ready = waits.length === 0 ? null : waits.length === 1 ? waits[0] : Promise.all(waits).then(() => undefined);
  let waited = ready === null;
  if (ready !== null) {
    // On each memory the claim clears once the job is done and that memory's earlier jobs have cleared.
    for (const entry of mine) if (entry[2].length > 0) entry[1].clear = Promise.all([...entry[2], done]).then(() => undefined);
    void ready.then(() => {
      waited = true;
    });
  }
  const drop = (queue: Queue, claim: Claim): void => {
    if (queue.writer === claim) queue.writer = null;
    queue.readers.delete(claim);
  };
  let finished = false;
  const finish = (): void => {
    if (finished) return;
    finished = true;
    end();
    // Finished after its own wait: gone at once (the next job starts without an await, as with no earlier job).
    // Finished while still waiting (aborted, closed): it stays, standing for the earlier jobs, until they clear.
    for (const [queue, claim] of mine) {
      if (waited) drop(queue, claim);
      else void claim.clear.then(() => drop(queue, claim));
    }
  };
  return { ready, finish };
}
