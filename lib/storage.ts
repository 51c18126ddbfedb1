/**
 * Where an array's bytes live: one ArrayBuffer range, or a file mapping of
 * any size exposed as overlapping windows. NdArray code addresses bytes by a
 * safe-integer offset and asks for the window holding them; it never sees a
 * window edge.
 *
 * A mapping's windows come in two tiers of the same design: windows of
 * `bytes` starting every `step = bytes / 2`, so any range of up to `step`
 * bytes lies wholly inside the window that starts at or below it (an element
 * never straddles two). Element access uses the small tier (32 MiB windows):
 * V8 accounts every external ArrayBuffer as external memory, and from 64 MiB
 * up creating one costs 50 µs to several ms (measured on Node 20), which would
 * make the first read of a large file cost far more than opening it. Ranges
 * of more than 16 MiB (typedArray(), bulk kernels, file writes) use the big
 * tier: 4 GiB windows, Node 20's limit, every 2 GiB.
 * @module
 */
import { AccessError, MemoryError } from './errors';
import type { Advice, MappingHandle, NativeMode } from './native';

/** Length of one big window: Node 20 refuses external ArrayBuffers above 4 GiB. */
export const WINDOW_BYTES = 2 ** 32;
/** Distance between big window starts (half a window, so windows overlap): the longest range one window is sure to hold. */
export const WINDOW_STEP = 2 ** 31;
/** Length of one small (element access) window. */
export const SMALL_WINDOW_BYTES = 2 ** 25;
/** Distance between small window starts. */
export const SMALL_WINDOW_STEP = 2 ** 24;

/** A contiguous byte range of the storage that JS can address directly. */
export interface Window {
  /** Storage offset of byte 0 of this window. */
  readonly start: number;
  /** Storage offset one past the last byte of this window. */
  readonly end: number;
  readonly buffer: ArrayBuffer;
  /** Byte offset of `start` inside `buffer`. */
  readonly bufferOffset: number;
  readonly view: DataView;
  readonly bytes: Uint8Array;
  /**
   * Typed arrays over the whole of `buffer`, one per constructor, made on
   * demand by lib/element-access.ts (`[ctor, array, ...]`), null until then.
   * Kept here rather than in a WeakMap keyed by the buffer: every small
   * result put an entry in that map, and the ephemeron table made each
   * young-generation GC cost milliseconds (a 10-item `zeros` took 5 µs, 1.7 µs now).
   */
  arrays: unknown[] | null;
}

function makeWindow(start: number, buffer: ArrayBuffer, bufferOffset: number, length: number): Window {
  return windowObject(start, start + length, buffer, bufferOffset, new DataView(buffer, bufferOffset, length), new Uint8Array(buffer, bufferOffset, length));
}

/** The one place Window objects are built, so they all share one hidden class. */
function windowObject(start: number, end: number, buffer: ArrayBuffer, bufferOffset: number, view: DataView, bytes: Uint8Array): Window {
  return { start, end, buffer, bufferOffset, view, bytes, arrays: null };
}

// V8 tracks each field's representation (small integer, double, object) and
// type (the hidden class of the objects stored) per hidden class. The first
// values stored pin them; a later, more general value (a double offset past
// 2^30, a Uint8Array over an external buffer) deprecates the hidden class, and
// hot code that keeps meeting objects of the deprecated class can fail to
// optimize over and over ("Maps became deprecated during optimization": view
// creation ran 10x slower once a large mapping had been touched). Storing the
// most general values first, once, at load time settles them before any real
// object exists.
{
  const odd = {} as never;
  windowObject(0.5, 0.5, odd, 0.5, odd, odd).arrays = [odd];
  makeWindow(0.5, new ArrayBuffer(8), 0.5, 1);
}

/** What a mapping storage knows about its file. */
export interface MappingInfo {
  readonly path: string;
  readonly mode: NativeMode;
  /** File offset of storage byte 0. */
  readonly offset: number;
}

export abstract class Storage {
  /** Bytes addressable: [0, byteLength). */
  abstract readonly byteLength: number;
  /** False when the memory itself is read-only (a 'r' mapping, a read-only buffer). */
  abstract readonly writable: boolean;
  /**
   * The data address of storage byte 0 modulo 64, for NumPy's `aligned` flag.
   * Page-aligned mappings and ArrayBuffers are 0 plus their byte offset.
   */
  abstract readonly addressBase: number;
  /** The one window when the whole storage fits in one, else null. */
  abstract readonly single: Window | null;
  /** The mapping this storage exposes, or null for memory. */
  abstract readonly mapping: MappingInfo | null;
  /** True once the mapping was closed. */
  abstract readonly closed: boolean;
  /** The window holding [offset, offset + n); n ≤ WINDOW_STEP. Throws when closed. */
  abstract window(offset: number, n: number): Window;

  /**
   * A function giving the window that holds [offset, offset + n), remembering
   * the last one: walks in address order then look a window up only when they
   * cross into the next one.
   */
  cursor(n: number): (offset: number) => Window {
    const single = this.single;
    if (single !== null) return () => single;
    let cur: Window | null = null;
    return (offset) => {
      if (cur === null || offset < cur.start || offset + n > cur.end) cur = this.window(offset, n);
      return cur;
    };
  }

  /** One window over the whole storage, or null when it is larger than 4 GiB. */
  whole(): Window | null {
    if (this.single !== null) return this.single;
    if (this.byteLength > WINDOW_BYTES) return null;
    return this.window(0, Math.min(this.byteLength, WINDOW_STEP));
  }

  /** Throws the library's closed error when the storage is closed. */
  checkOpen(): void {
    if (this.closed) throw closedError(this.mapping);
  }
}

export function closedError(info: MappingInfo | null): AccessError {
  if (info === null) {
    return new AccessError('ERR_CLOSED', 'the ArrayBuffer behind this array was detached (transferred to a worker, closed, or released)');
  }
  return new AccessError('ERR_CLOSED', `mapping of '${info.path}' is closed`);
}

/** A range of an ArrayBuffer (or SharedArrayBuffer) held in memory. */
export class MemoryStorage extends Storage {
  readonly byteLength: number;
  readonly writable: boolean;
  readonly addressBase: number;
  readonly single: Window;
  readonly mapping = null;

  /**
   * True when the ArrayBuffer was detached under the array (transferred with
   * postMessage, or an external buffer freed): stores into it would be
   * dropped silently, so every access checks this and throws instead.
   */
  get closed(): boolean {
    return this.single.buffer.byteLength === 0 && this.byteLength !== 0;
  }

  /**
   * True when the library allocated the buffer for this array ({@link allocate}):
   * only such memory may be freed by an array's `release()`; a caller's
   * ArrayBuffer is never detached by the library.
   */
  readonly owned: boolean;

  constructor(buffer: ArrayBuffer, byteOffset = 0, byteLength = buffer.byteLength - byteOffset, writable = true, owned = false) {
    super();
    this.byteLength = byteLength;
    this.writable = writable;
    this.owned = owned;
    this.addressBase = byteOffset % 64;
    this.single = makeWindow(0, buffer, byteOffset, byteLength);
    // What write and bounds checks read (writable, byteLength) cannot be reassigned.
    Object.freeze(this);
  }

  window(): Window {
    return this.single;
  }

  /**
   * Fresh memory of `byteLength` bytes: zeroed, or with `uninitialized` true
   * of any content, for callers that overwrite every byte before anything
   * reads one. From the current {@link Allocator}, else `new ArrayBuffer`.
   */
  static allocate(byteLength: number, uninitialized = false): MemoryStorage {
    // Refused before any memory is taken: V8 would map it, then refuse the
    // Uint8Array over it, and the mapping would stay until the next GC (a
    // 16 GiB reservation that makes the process's next fork fail ENOMEM).
    if (byteLength > WINDOW_BYTES) {
      throw new MemoryError(
        `cannot allocate ${byteLength} bytes (${(byteLength / 2 ** 30).toFixed(1)} GiB) for a new array: an array in memory holds at most 4 GiB ` +
          '(a JavaScript ArrayBuffer\'s limit); a mapped file holds any size (memmap, createNpy)',
      );
    }
    let buffer: ArrayBuffer;
    try {
      buffer = (allocator === null ? null : allocator(byteLength, uninitialized)) ?? new ArrayBuffer(byteLength);
    } catch (e) {
      // V8 says only "Array buffer allocation failed" (or "Invalid array
      // buffer length"): say how much was asked for. NumPy's MemoryError.
      // By name: in a vm context (a test runner's) V8's RangeError is another realm's class.
      if ((e as { name?: unknown } | null)?.name !== 'RangeError') throw e;
      throw new MemoryError(`cannot allocate ${byteLength} bytes (${(byteLength / 2 ** 30).toFixed(1)} GiB) for a new array: ${(e as { message?: unknown }).message}`, { cause: e });
    }
    return new MemoryStorage(buffer, 0, byteLength, true, true);
  }
}

/**
 * The allocation hook: where {@link MemoryStorage.allocate} gets fresh
 * memory. Returns an ArrayBuffer of exactly `byteLength` bytes (zeroed
 * unless `uninitialized`), or null to leave it to `new ArrayBuffer`.
 * internal.ts installs the large-result pool (fresh-memory.ts); async.ts
 * swaps in its own for the span of one call ({@link withAllocator}).
 */
export type Allocator = (byteLength: number, uninitialized: boolean) => ArrayBuffer | null;

let allocator: Allocator | null = null;

/** Makes `a` the allocator of fresh memory; returns the one it replaces. */
export function setAllocator(a: Allocator | null): Allocator | null {
  const previous = allocator;
  allocator = a;
  return previous;
}

/** Runs `fn` with `a` as the allocator, then restores the previous one (also on a throw). */
export function withAllocator<T>(a: Allocator, fn: () => T): T {
  const previous = setAllocator(a);
  try {
    return fn();
  } finally {
    setAllocator(previous);
  }
}

/**
 * A storage backed by a file: what it reports about the file (path, mode,
 * offset) and its closed flag, shared by {@link MappedStorage} and the empty
 * memmap's storage (empty-mapping.ts). Both freeze their instances: what the
 * write checks read (writable, the closed flag) cannot be reassigned from
 * outside.
 */
export abstract class FileStorage extends Storage {
  readonly writable: boolean;
  #info: MappingInfo;
  #closed = false;

  constructor(info: MappingInfo) {
    super();
    this.writable = info.mode !== 'r';
    this.#info = Object.freeze({ ...info });
  }

  get mapping(): MappingInfo {
    return this.#info;
  }

  /** @internal The file was renamed (createNpy builds a file aside, then renames it into place). */
  renamed(path: string): void {
    this.#info = Object.freeze({ ...this.#info, path });
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Sets the closed flag; false when it was set already (every close() is idempotent). */
  protected markClosed(): boolean {
    if (this.#closed) return false;
    this.#closed = true;
    return true;
  }
}

/** A file mapping, exposed as lazily created, cached windows. */
export class MappedStorage extends FileStorage {
  readonly addressBase: number;
  // Private, and the instance frozen: what the write and bounds checks read
  // (writable, byteLength, the window caches, the closed flag) cannot be
  // reassigned from outside. handle/byteLength/single change only in grow().
  #handle: MappingHandle;
  #byteLength: number;
  #single: Window | null;
  readonly #small: (Window | undefined)[] = [];
  readonly #big: (Window | undefined)[] = [];
  // Shorter mappings replaced by grow(), kept open for the windows they handed out.
  readonly #retired: MappingHandle[] = [];

  constructor(
    handle: MappingHandle,
    info: MappingInfo,
    pageSize: number,
  ) {
    super(info);
    this.#handle = handle;
    this.#byteLength = handle.length;
    // mmap returns a page-aligned address; storage byte 0 is `offset` past a page boundary.
    this.addressBase = (info.offset % pageSize) % 64;
    this.#single = this.#byteLength <= SMALL_WINDOW_BYTES ? this.load(this.#small, 0, SMALL_WINDOW_STEP, SMALL_WINDOW_BYTES) : null;
    Object.freeze(this);
  }

  /** How many mappings of the file this storage holds open (the current one and those grow() retired). */
  get mappingCount(): number {
    return this.#handle.closed ? 0 : 1 + this.#retired.length;
  }

  /** The addon's mapping handle (the current one after grow()). */
  get handle(): MappingHandle {
    return this.#handle;
  }

  get byteLength(): number {
    return this.#byteLength;
  }

  get single(): Window | null {
    return this.#single;
  }

  /** Writes changed pages of [start, start + length) (all of the mapping by default) to the file: msync, blocking. */
  flush(start?: number, length?: number): void {
    this.checkOpen();
    this.#handle.flush(start, length);
  }

  /**
   * {@link flush} on libuv's thread pool. A close() while the msync is queued
   * makes the addon reject with its own code: reported as the one closed
   * error every other access throws.
   */
  flushAsync(start?: number, length?: number): Promise<void> {
    try {
      this.checkOpen();
      // A close() while the msync is queued makes the addon reject with the
      // temp-file path createNpy mapped; report the one closed error naming this file.
      return this.#handle.flushAsync(start, length).catch((e: unknown) => {
        if ((e as { code?: unknown } | null)?.code === 'ERR_CLOSED') throw closedError(this.mapping);
        throw e;
      });
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /** Tells the kernel how the mapping will be read (`madvise`), all of it by default. */
  advise(advice: Advice, start?: number, length?: number): void {
    this.checkOpen();
    this.#handle.advise(advice, start, length);
  }

  /** Detaches every window and unmaps (the addon's close); idempotent. */
  close(): void {
    // The flag mirrors handle.closed without an N-API call on every view and access.
    if (!this.markClosed()) return;
    this.#handle.close();
    for (const h of this.#retired) h.close();
    this.#retired.length = 0;
  }

  /**
   * Switches to `handle`, a longer mapping of the same file range (the file
   * grew). The old mapping stays open until close(): windows already handed
   * out (views' cached windows, typed arrays) keep pointing at mapped pages
   * holding the same bytes. The file must not shrink below any of them
   * before close() (see lib/grow.ts).
   */
  grow(handle: MappingHandle): void {
    if (this.closed) throw closedError(this.mapping);
    if (handle.length < this.#byteLength) throw new RangeError(`grow() needs a mapping of at least ${this.#byteLength} bytes, got ${handle.length}`);
    this.#retired.push(this.#handle);
    this.#handle = handle;
    this.#byteLength = handle.length;
    this.#small.length = 0;
    this.#big.length = 0;
    this.#single = this.#byteLength <= SMALL_WINDOW_BYTES ? this.load(this.#small, 0, SMALL_WINDOW_STEP, SMALL_WINDOW_BYTES) : null;
  }

  window(offset: number, n: number): Window {
    if (this.closed) throw closedError(this.mapping);
    const single = this.single;
    if (single !== null) return single;
    // offset - k*step < step and n <= step, so the range ends before
    // k*step + bytes; it ends inside the storage, so window k holds it.
    if (n <= SMALL_WINDOW_STEP) {
      const k = Math.floor(offset / SMALL_WINDOW_STEP);
      return this.#small[k] ?? this.load(this.#small, k, SMALL_WINDOW_STEP, SMALL_WINDOW_BYTES);
    }
    if (n > WINDOW_STEP) throw new RangeError(`a range of ${n} bytes is wider than one window (${WINDOW_STEP} bytes); take it in pieces`);
    const k = Math.floor(offset / WINDOW_STEP);
    return this.#big[k] ?? this.load(this.#big, k, WINDOW_STEP, WINDOW_BYTES);
  }

  private load(cache: (Window | undefined)[], k: number, step: number, bytes: number): Window {
    const start = k * step;
    const length = Math.min(bytes, this.byteLength - start);
    const w = makeWindow(start, this.handle.window(start, length), 0, length);
    cache[k] = w;
    return w;
  }
}
