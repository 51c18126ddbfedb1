/**
 * Record streams: fixed-size records off any byte stream (a socket, a file
 * stream, an HTTP body) as NdArray batches, and the writing side.
 *
 * The problem: a stream delivers bytes in chunks that know nothing of record
 * boundaries. A chunk starts with the tail of a record begun in the previous
 * chunk (0 to itemsize - 1 bytes), then holds whole records, then the head of
 * a record that the next chunk completes. {@link recordStream} views the
 * whole records where they lie (`fromBuffer` over the chunk: no copy) and
 * copies only the bytes of a record that straddles a chunk edge into a carry
 * buffer of one itemsize; those copies are counted in `stats()`.
 *
 * Backpressure comes from pull-based async iteration: the next chunk is read
 * only when the consumer asks for the next batch, so a slow consumer stops
 * the stream (and the socket's TCP window) instead of buffering it.
 * @module
 */
import { Readable, type Writable } from 'stream';
import { fromBuffer } from './create';
import { dtype as toDType, type DType, type DTypeLike } from './dtype';
import { ValueError, describeValue, repr } from './errors';
import type { NdArray } from './ndarray';
import { copyAs } from './copy';
import { countCopy } from './stats';
import { MemoryStorage, WINDOW_STEP } from './storage';
import { requireOpen, storageOf } from './internal';

/** Options of {@link recordStream}. */
export interface RecordStreamOptions {
  /**
   * Most records per yielded array (default: no limit, one array per chunk).
   * A chunk holding more is yielded as several views of it; arrays are never
   * merged across chunks, since that would copy.
   */
  batch?: number;
}

/**
 * The stream ended inside a record: `bytes` bytes of a record of `itemsize`
 * bytes were left over. `code` is `'ERR_PARTIAL_RECORD'`.
 */
export class PartialRecordError extends ValueError {
  override readonly code = 'ERR_PARTIAL_RECORD';
  constructor(
    readonly bytes: number,
    readonly itemsize: number,
    readonly records: number,
  ) {
    super(
      `stream ended inside a record: ${bytes} byte${bytes === 1 ? '' : 's'} left over after ${records} whole record${records === 1 ? '' : 's'} of ${itemsize} bytes (${itemsize - bytes} more needed)`,
    );
    this.name = 'PartialRecordError';
  }
}

/**
 * Parses fixed-size records of `dtype` off `readable`: an async iterator of
 * 1-d NdArray batches (a subarray dtype adds its axes, as in `fromBuffer`).
 *
 * A batch of whole records views the chunk's memory (zero-copy, writeable);
 * a record that straddles two chunks is copied into a batch of its own (one
 * record; its bytes are counted in `stats().copiedBytes`). Keep a batch as
 * long as you like: it holds its chunk alive (a straddling record, a small
 * pooled Buffer, as `Buffer.concat` makes), and stream chunks are never
 * reused by Node's sockets and file streams (a custom source that reuses its
 * buffers must be copied from).
 *
 * Bad arguments throw at once, before anything is read. Iterating rejects
 * with {@link PartialRecordError} when the stream ends inside a record, with
 * `TypeError` for a chunk that is not bytes (a string: the stream has an
 * encoding set), and with the stream's own errors. Breaking out of the loop
 * (or an error) closes the source: a Readable is destroyed, as `for await`
 * over it does.
 */
export function recordStream(readable: Readable | AsyncIterable<unknown>, dtype: DTypeLike, options: RecordStreamOptions = {}): AsyncIterableIterator<NdArray> {
  // defaults → validate → interpret; nothing is read before the first next()
  if (readable === null || typeof readable !== 'object' || typeof (readable as AsyncIterable<unknown>)[Symbol.asyncIterator] !== 'function') {
    throw new TypeError(`recordStream needs a Readable stream or an async iterable of byte chunks, got ${repr(readable)}`);
  }
  const dt = toDType(dtype);
  if (dt.itemsize === 0) throw new ValueError(`records of ${dt.str} have no bytes; a record stream needs itemsize >= 1`);
  const batch = options.batch ?? Infinity;
  if (batch !== Infinity && (typeof batch !== 'number' || !Number.isSafeInteger(batch) || batch < 1)) {
    throw new RangeError(`batch must be a positive integer, got ${repr(batch)}`);
  }
  return new RecordIterator(readable as AsyncIterable<unknown>, dt, batch);
}

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/**
 * The iterator behind recordStream. A hand-written iterator rather than an
 * async generator: the parse must keep up with the carry loop users write
 * by hand (`for await` over the Readable). A chunk already buffered in a
 * stock Readable is taken with its read() (see next()); otherwise a chunk
 * costs one `then` on the source's own `next()` promise: the handler is bound
 * once (no closure per chunk), it returns its first batch as a plain value
 * (no promise adoption, which costs extra microtask turns), and the other
 * batches of the chunk wait in a reused queue and are handed out as
 * already-resolved results (an async generator would suspend and resume
 * for each of them).
 */
class RecordIterator implements AsyncIterableIterator<NdArray> {
  private readonly src: AsyncIterator<unknown>;
  // A stock Readable, read directly with read() while its iterator is started and idle (see next()).
  private readonly direct: Readable | null;
  private started = false;
  private readonly size: number;
  // The straddling record, assembled in the buffer it will be handed out in
  // (one allocation and one copy per straddle; Buffer.allocUnsafe takes small
  // ones from Node's pool, as Buffer.concat in a hand-written loop does).
  private carry: Uint8Array | null = null;
  private held = 0; // bytes of the straddling record in `carry`
  private records = 0;
  private readonly queue: NdArray[] = [];
  private qi = 0;
  private busy: Promise<IteratorResult<NdArray, undefined>> | null = null;
  private finished = false;
  // Bound once: passed to then() for every chunk.
  private readonly onChunk = (r: IteratorResult<unknown>): IteratorResult<NdArray, undefined> | Promise<IteratorResult<NdArray, undefined>> =>
    this.chunk(r);
  private readonly onError = (e: unknown): Promise<never> => this.fail(e);
  private readonly afterBusy = (): Promise<IteratorResult<NdArray, undefined>> => this.next();

  constructor(
    source: AsyncIterable<unknown>,
    private readonly dt: DType,
    private readonly batch: number,
  ) {
    const src: unknown = source[Symbol.asyncIterator]();
    if (src === null || typeof src !== 'object' || typeof (src as AsyncIterator<unknown>).next !== 'function') {
      throw new TypeError(`recordStream: the source's [Symbol.asyncIterator]() gave ${describeValue(src)}, not an iterator`);
    }
    this.src = src as AsyncIterator<unknown>;
    this.direct = source instanceof Readable && source[Symbol.asyncIterator] === Readable.prototype[Symbol.asyncIterator] ? source : null;
    this.size = dt.itemsize;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<NdArray, undefined>> {
    if (this.qi < this.queue.length) return Promise.resolve(this.take());
    if (this.finished) return Promise.resolve(DONE);
    // Calls made before the previous one settled wait their turn, as an async generator's do.
    if (this.busy !== null) return this.busy.then(this.afterBusy, this.afterBusy);
    // Fast path for a stock Readable: its async iterator (an async generator)
    // only calls read() and, when that gives nothing, waits for 'readable',
    // the end or an error. Data already buffered is taken here with the same
    // read() and no resumption of that generator; when read() gives nothing
    // (or the stream is destroyed) the iterator itself waits and reports the
    // end and errors, as `for await` over the stream would. It is started
    // first, so that return() runs its cleanup (destroying the stream).
    const r = this.direct;
    if (r !== null && this.started) {
      try {
        while (!r.destroyed) {
          const chunk: unknown = r.read();
          if (chunk === null) break;
          this.queue.length = 0;
          this.qi = 0;
          this.split(chunk);
          if (this.queue.length > 0) return Promise.resolve(this.take());
        }
      } catch (e) {
        return this.fail(e);
      }
    }
    this.started = true;
    return (this.busy = this.read());
  }

  /** Ends the iteration early: the source is closed (a Readable is destroyed), as `break` in `for await` does. */
  async return(): Promise<IteratorResult<NdArray, undefined>> {
    this.stop();
    if (typeof this.src.return === 'function') await this.src.return();
    return DONE;
  }

  private stop(): void {
    this.finished = true;
    this.queue.length = 0;
    this.qi = 0;
  }

  /** The next queued batch, its slot cleared so that the consumer alone holds it. */
  private take(): IteratorResult<NdArray, undefined> {
    const value = this.queue[this.qi];
    this.queue[this.qi++] = undefined as never;
    return { done: false, value };
  }

  /** Reads the next chunk; `busy` until its first batch (or the end) is known. */
  private read(): Promise<IteratorResult<NdArray, undefined>> {
    // Promise.resolve: a hand-written source may answer with a plain result,
    // as `for await` allows (a native promise passes through as itself).
    let next: unknown;
    try {
      next = this.src.next();
    } catch (e) {
      return this.fail(e);
    }
    return Promise.resolve(next as IteratorResult<unknown>).then(this.onChunk, this.onError);
  }

  /** One chunk from the source: its first batch, or a read of the next chunk when it held none. */
  private chunk(r: IteratorResult<unknown>): IteratorResult<NdArray, undefined> | Promise<IteratorResult<NdArray, undefined>> {
    try {
      if (r === null || typeof r !== 'object') throw new TypeError(`recordStream: the source's next() gave ${describeValue(r)}, not an iterator result`);
      if (r.done) {
        this.stop();
        this.busy = null;
        if (this.held > 0) throw new PartialRecordError(this.held, this.size, this.records);
        return DONE;
      }
      this.queue.length = 0;
      this.qi = 0;
      this.split(r.value);
    } catch (e) {
      return this.fail(e);
    }
    // A chunk inside one record gives nothing: read on (rare; `busy` stays set).
    if (this.queue.length === 0) return this.read();
    this.busy = null;
    return this.take();
  }

  /** A bad chunk, a partial record or a stream error ends the iteration and closes the source. */
  private async fail(e: unknown): Promise<never> {
    this.busy = null;
    if (!this.finished) {
      this.stop();
      if (typeof this.src.return === 'function') await this.src.return().catch(() => undefined);
    }
    throw e;
  }

  /** Queues the batches of one chunk: the record it completes (copied), then views of its whole records. */
  private split(raw: unknown): void {
    if (!(raw instanceof Uint8Array)) {
      throw new TypeError(
        `recordStream needs byte chunks (Buffer or Uint8Array), got ${typeof raw === 'string' ? "a string: remove the stream's encoding" : repr(raw)}`,
      );
    }
    const chunk = raw;
    const size = this.size;
    let pos = 0;
    const carry = this.carry;
    if (carry !== null) {
      const take = Math.min(size - this.held, chunk.length);
      carry.set(chunk.subarray(0, take), this.held);
      this.held += take;
      pos = take;
      if (this.held < size) return;
      // The completed record leaves in its own buffer; the next straddle gets a new one.
      countCopy(size);
      this.carry = null;
      this.held = 0;
      this.records += 1;
      this.queue.push(fromBuffer(carry, this.dt));
    }
    const whole = Math.floor((chunk.length - pos) / size);
    for (let done = 0; done < whole; ) {
      const n = Math.min(this.batch, whole - done);
      const start = pos + done * size;
      this.records += n;
      done += n;
      this.queue.push(fromBuffer(chunk.subarray(start, start + n * size), this.dt));
    }
    const tail = pos + whole * size;
    if (tail < chunk.length) {
      const next = Buffer.allocUnsafe(size); // every byte is written before it is handed out
      next.set(chunk.subarray(tail), 0);
      this.carry = next;
      this.held = chunk.length - tail;
    }
  }
}

/** The writing side of a record stream: see {@link recordWriter}. */
export interface RecordWriter {
  /**
   * Writes the array's elements in C order (its raw bytes, no conversion).
   * Resolves when the stream can take more (its buffer is below the high
   * water mark); rejects when the stream is destroyed, ended or errors
   * before then. Do not change the array's memory before it resolves, as a
   * contiguous array in memory of your own is queued without a copy.
   */
  write(array: NdArray): Promise<void>;
  /** Ends the stream; resolves once everything is flushed ('finish'), rejects if it is destroyed or errors first. */
  end(): Promise<void>;
}

/**
 * Writes NdArrays to `writable` as raw records (the bytes
 * {@link recordStream} parses back), waiting for 'drain' when the stream's
 * buffer is full. A C-contiguous array over memory of your own (a Buffer,
 * an ArrayBuffer) is written straight from it; other layouts are copied to
 * C order first, and so is memory the library may unmap or recycle under the
 * queued bytes — a file mapping (`close()`) or a result it allocated
 * (`release()`): a stream holds a chunk until the OS took it, after the
 * call returned, and bytes of memory gone by then were sent as nothing.
 *
 * A stream that is destroyed, ended or errors while a write or `end()`
 * waits rejects it (`ERR_STREAM_DESTROYED`, `ERR_STREAM_WRITE_AFTER_END`,
 * `ERR_STREAM_PREMATURE_CLOSE`, or the stream's error) instead of leaving it
 * pending for ever.
 */
export function recordWriter(writable: Writable): RecordWriter {
  if (writable === null || typeof writable !== 'object' || typeof (writable as Writable).write !== 'function') {
    throw new TypeError(`recordWriter needs a Writable stream, got ${repr(writable)}`);
  }
  return {
    async write(array: NdArray): Promise<void> {
      // Checked first: a write to a destroyed stream is dropped with no event
      // (its 'drain' never comes), one after end() is an 'error' event.
      refuseClosed(writable, 'write');
      let ok = true;
      for (const piece of bytesOf(array)) ok = writable.write(piece);
      if (!ok) await settled(writable, 'drain');
    },
    async end(): Promise<void> {
      if (writable.writableFinished) return;
      if (writable.destroyed) throw streamError('ERR_STREAM_DESTROYED', 'Cannot call end after a stream was destroyed');
      const finished = settled(writable, 'finish');
      writable.end();
      await finished;
    },
  };
}

function streamError(code: string, message: string): Error {
  const e = new Error(message) as NodeJS.ErrnoException;
  e.code = code;
  return e;
}

/** Node's own errors for a write the stream would drop or refuse. */
function refuseClosed(w: Writable, what: string): void {
  if (w.destroyed) throw streamError('ERR_STREAM_DESTROYED', `Cannot call ${what} after a stream was destroyed`);
  if (w.writableEnded) throw streamError('ERR_STREAM_WRITE_AFTER_END', `${what} after end`);
}

/** Resolves on `event` ('drain', 'finish'); rejects on the stream's 'error', or on 'close' before `event`. */
function settled(w: Writable, event: 'drain' | 'finish'): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const done = (error?: unknown): void => {
      w.off(event, onEvent);
      w.off('error', onError);
      w.off('close', onClose);
      if (error === undefined) resolve();
      else reject(error);
    };
    const onEvent = (): void => done();
    const onError = (e: unknown): void => done(e);
    const onClose = (): void => done(w.errored ?? streamError('ERR_STREAM_PREMATURE_CLOSE', 'Premature close'));
    w.on(event, onEvent);
    w.on('error', onError);
    w.on('close', onClose);
    if (w.destroyed) onClose();
  });
}

/**
 * The array's bytes in C order (pieces of at most one window): views of its
 * memory when it is C-contiguous memory of the caller's own; copies when the
 * library could unmap or recycle that memory while the stream still holds
 * the piece (a mapping's close(), a library result's release()).
 */
function* bytesOf(a: NdArray): Generator<Uint8Array> {
  requireOpen(a);
  if (a.size === 0) return;
  const own = storageOf(a);
  const mayVanish = own.mapping !== null || (own instanceof MemoryStorage && own.owned);
  const c = a.flags.cContiguous ? a : copyAs(a, a.dtype, 'C');
  const st = storageOf(c);
  // A copy made just above is this call's own: no one else can release it.
  const copy = mayVanish && c === a;
  for (let pos = c.offset, end = c.offset + c.nbytes; pos < end; ) {
    const len = Math.min(WINDOW_STEP, end - pos);
    const w = st.single ?? st.window(pos, len);
    const from = pos - w.start;
    const view = Buffer.from(w.buffer, w.bufferOffset + from, len);
    yield copy ? Buffer.from(view) : view;
    pos += len;
  }
}
