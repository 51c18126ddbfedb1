// recordStream / recordWriter: fixed-size records off byte streams, zero-copy
// where a chunk holds whole records, one copied record per chunk edge.
import * as fs from 'fs';
import * as net from 'net';
import { PassThrough, Readable, Writable } from 'stream';
import { arange, fromBuffer, NdArray, PartialRecordError, recordStream, recordWriter, resetStats, stats } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { useTempDir } from './helpers/tmp';

const tmp = useTempDir('mmarray-stream-');

const REC = [
  ['id', '<u4'],
  ['k', '<i4'],
  ['v', '<f8'],
] as const;
const DT = { names: REC.map((r) => r[0]), formats: REC.map((r) => r[1]) };

/** n 16-byte records: id = i, k = a pseudo-random int32, v = a pseudo-random double. */
function records(n: number, seed = 1): Uint8Array {
  const out = new Uint8Array(n * 16);
  const dv = new DataView(out.buffer);
  let s = seed >>> 0;
  const next = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s;
  };
  for (let i = 0; i < n; i++) {
    dv.setUint32(i * 16, i, true);
    dv.setInt32(i * 16 + 4, next() | 0, true);
    dv.setFloat64(i * 16 + 8, (next() - 2 ** 31) / 1024, true);
  }
  return out;
}

/** Every record of every batch, in order. */
async function collect(it: AsyncIterable<NdArray>): Promise<{ rows: unknown[]; batches: NdArray[] }> {
  const rows: unknown[] = [];
  const batches: NdArray[] = [];
  for await (const b of it) {
    batches.push(b);
    for (const r of b.toArray() as unknown[]) rows.push(r);
  }
  return { rows, batches };
}

function expected(bytes: Uint8Array): unknown[] {
  return fromBuffer(bytes, DT).toArray() as unknown[];
}

describe('recordStream: chunk edges', () => {
  test('a split at every byte position of a record yields the same records, copying only the straddling one', async () => {
    const data = records(6);
    for (let p = 0; p <= data.length; p++) {
      resetStats();
      const { rows } = await collect(recordStream(Readable.from([data.slice(0, p), data.slice(p)]), DT));
      expect(rows).toEqual(expected(data));
      // A split inside a record copies that record, and nothing else.
      expect(stats().copies).toBe(p % 16 === 0 ? 0 : 1);
      expect(stats().copiedBytes).toBe(p % 16 === 0 ? 0 : 16);
    }
  });

  test('one byte per chunk: every record is assembled across 16 chunks', async () => {
    const data = records(5);
    const chunks = Array.from(data, (b) => Uint8Array.of(b));
    resetStats();
    const { rows, batches } = await collect(recordStream(Readable.from(chunks), DT));
    expect(rows).toEqual(expected(data));
    expect(batches.map((b) => b.shape[0])).toEqual([1, 1, 1, 1, 1]);
    expect(stats().copiedBytes).toBe(80);
  });

  test('empty chunks and chunks smaller than a record in the middle of one', async () => {
    const data = records(3);
    const chunks = [data.slice(0, 3), new Uint8Array(0), data.slice(3, 7), data.slice(7, 20), new Uint8Array(0), data.slice(20)];
    const { rows } = await collect(recordStream(Readable.from(chunks), DT));
    expect(rows).toEqual(expected(data));
  });

  test('whole-record chunks are viewed in place: the batch is the chunk memory, no copy', async () => {
    const data = Buffer.from(records(8));
    resetStats();
    const batches: NdArray[] = [];
    for await (const b of recordStream(Readable.from([data.subarray(0, 64), data.subarray(64)]), DT)) batches.push(b);
    expect(stats().copies).toBe(0);
    expect(batches.map((b) => b.shape[0])).toEqual([4, 4]);
    // Writing through the batch writes the chunk: same memory.
    batches[1].field('id').set([0], 99);
    expect(data.readUInt32LE(64)).toBe(99);
  });

  test('batch caps the records per array, as views of the one chunk', async () => {
    const data = Buffer.from(records(10));
    resetStats();
    const { rows, batches } = await collect(recordStream(Readable.from([data]), DT, { batch: 4 }));
    expect(batches.map((b) => b.shape[0])).toEqual([4, 4, 2]);
    expect(rows).toEqual(expected(data));
    expect(stats().copies).toBe(0);
    for (const b of batches) expect(b.buffer).toBe(data.buffer);
  });

  test('a subarray dtype adds its axes to each batch, as fromBuffer does', async () => {
    const data = new Uint8Array(Float32Array.from({ length: 12 }, (_, i) => i).buffer);
    const batches: NdArray[] = [];
    for await (const b of recordStream(Readable.from([data.slice(0, 10), data.slice(10)]), '(3,)<f4')) batches.push(b);
    expect(batches.map((b) => b.shape)).toEqual([[1, 3], [3, 3]]);
    expect(batches.flatMap((b) => (b.toArray() as number[][]).flat())).toEqual(Array.from({ length: 12 }, (_, i) => i));
  });
});

describe('recordStream: errors', () => {
  test('a stream ending inside a record throws PartialRecordError saying how many bytes were left', async () => {
    const data = records(3).slice(0, 40);
    const seen: number[] = [];
    let caught: unknown;
    try {
      for await (const b of recordStream(Readable.from([data.slice(0, 20), data.slice(20)]), DT)) seen.push(b.shape[0]);
    } catch (e) {
      caught = e;
    }
    expect(seen).toEqual([1, 1]);
    expect(caught).toBeInstanceOf(PartialRecordError);
    const err = caught as PartialRecordError;
    expect(err.code).toBe('ERR_PARTIAL_RECORD');
    expect(err.bytes).toBe(8);
    expect(err.message).toBe('stream ended inside a record: 8 bytes left over after 2 whole records of 16 bytes (8 more needed)');
  });

  test('a string chunk (a stream with an encoding) is a TypeError naming the fix', async () => {
    const r = Readable.from([Buffer.from('abcdefgh')]).setEncoding('latin1');
    await expect(collect(recordStream(r, '<u4'))).rejects.toThrow(/byte chunks .*got a string: remove the stream's encoding/);
  });

  test('bad arguments throw at once, before reading', async () => {
    const r = Readable.from([new Uint8Array(4)]);
    expect(() => recordStream(r, '<u4', { batch: 0 })).toThrow(RangeError);
    expect(() => recordStream(r, '<u4', { batch: 1.5 })).toThrow('batch must be a positive integer, got 1.5');
    expect(() => recordStream({} as never, '<u4')).toThrow(TypeError);
    expect(() => recordStream(r, 'V0')).toThrow(/itemsize >= 1/);
    // The stream is untouched: its one chunk is still there to read.
    expect((await collect(recordStream(r, '<u4'))).rows).toEqual([0]);
  });

  test('a bad chunk ends the iteration and destroys the stream', async () => {
    const r = Readable.from([new Uint8Array(8), 'text', new Uint8Array(8)], { objectMode: true });
    const it = recordStream(r, '<u4');
    expect((await it.next()).value.shape).toEqual([2]);
    await expect(it.next()).rejects.toThrow(TypeError);
    expect(r.destroyed).toBe(true);
    expect(await it.next()).toEqual({ done: true, value: undefined });
  });

  test('next() called again before the last one settled waits its turn, in order', async () => {
    const data = records(6);
    const it = recordStream(Readable.from([data.slice(0, 40), data.slice(40)]), DT);
    const all = await Promise.all([it.next(), it.next(), it.next(), it.next(), it.next(), it.next()]);
    expect(all.map((r) => (r.done ? 'done' : (r.value.toArray() as { id: number }[]).map((x) => x.id).join(',')))).toEqual(['0,1', '2', '3,4,5', 'done', 'done', 'done']);
  });

  test('concurrent next() calls across chunks inside one record, then a partial record: in order, then the error, then done', async () => {
    const data = records(2);
    // Chunks of 3 bytes: most give nothing, so a pending next() reads on while later calls wait.
    const chunks: Uint8Array[] = [];
    for (let p = 0; p < data.length; p += 3) chunks.push(data.slice(p, p + 3));
    chunks.push(Uint8Array.of(7));
    const it = recordStream(Readable.from(chunks), DT);
    const all = await Promise.allSettled([it.next(), it.next(), it.next(), it.next()]);
    expect(all.map((r) => (r.status === 'rejected' ? (r.reason as Error).name : r.value.done ? 'done' : (r.value.value.toArray() as { id: number }[])[0].id))).toEqual([
      0,
      1,
      'PartialRecordError',
      'done',
    ]);
  });

  test('a straddling record gets memory of its own: later chunks and straddles do not change it', async () => {
    const data = records(4);
    const chunks = [data.slice(0, 10), data.slice(10, 26), data.slice(26, 64)];
    const it = recordStream(Readable.from(chunks), DT);
    const got: NdArray[] = [];
    for await (const b of it) got.push(b);
    expect(got.map((b) => b.shape[0])).toEqual([1, 1, 2]);
    for (const c of chunks) c.fill(0xff); // the chunks' memory changes under the views, not under the copies
    expect((got[0].toArray() as unknown[])[0]).toEqual(expected(data)[0]);
    expect((got[1].toArray() as unknown[])[0]).toEqual(expected(data)[1]);
  });

  test('breaking out after batches read straight from the buffer destroys the stream', async () => {
    const data = records(8);
    const r = Readable.from([data.slice(0, 20), data.slice(20, 40), data.slice(40, 90), data.slice(90)]);
    let seen = 0;
    for await (const b of recordStream(r, DT)) {
      seen += b.shape[0];
      if (seen >= 3) break;
    }
    expect(seen).toBe(3);
    expect(r.destroyed).toBe(true);
  });

  test("a stream error after buffered chunks were parsed passes through once they are used up", async () => {
    const r = new Readable({ read() {} });
    const data = records(4);
    r.push(data.slice(0, 24));
    r.push(data.slice(24, 48));
    const it = recordStream(r, DT);
    const ids: number[] = [];
    const first = await it.next();
    ids.push(...(first.value.toArray() as { id: number }[]).map((x) => x.id));
    setImmediate(() => r.destroy(new Error('connection reset')));
    await expect(
      (async () => {
        for (;;) {
          const x = await it.next();
          if (x.done) break;
          ids.push(...(x.value.toArray() as { id: number }[]).map((y) => y.id));
        }
      })(),
    ).rejects.toThrow('connection reset');
    expect(ids).toEqual([0, 1, 2]);
    expect(await it.next()).toEqual({ done: true, value: undefined });
  });

  test("a Readable with its own async iterator is read through that iterator", async () => {
    const data = records(2);
    class Framed extends Readable {
      override async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
        yield data.slice(0, 16);
        yield data.slice(16);
      }
    }
    const r = new Framed({ read() {} });
    r.push(Uint8Array.of(1, 2, 3)); // buffered bytes the stream's own iterator never hands out
    const { rows } = await collect(recordStream(r, DT));
    expect(rows).toEqual(expected(data));
  });

  test("the stream's own error passes through", async () => {
    const r = new Readable({ read() {} });
    r.push(records(1));
    setImmediate(() => r.destroy(new Error('connection reset')));
    await expect(collect(recordStream(r, DT))).rejects.toThrow('connection reset');
  });
});

describe('recordStream: backpressure', () => {
  test('a slow consumer stops the source: chunks are read only as batches are pulled', async () => {
    let produced = 0;
    const chunk = records(64); // 1 KiB
    const source = new Readable({
      highWaterMark: 4096,
      read() {
        produced++;
        this.push(chunk.slice());
        if (produced === 1000) this.push(null);
      },
    });
    const it = recordStream(source, DT);
    for (let i = 0; i < 3; i++) await it.next();
    // Let the stream fill its buffer as far as it will.
    await new Promise((r) => setTimeout(r, 50));
    // Pulled 3, the stream's buffer holds ~highWaterMark (4 chunks) more; far from all 1000.
    expect(produced).toBeLessThan(12);
    await it.return!();
    expect(source.destroyed).toBe(true);
  });
});

describe('recordStream over a hand-written source that breaks the iterator protocol', () => {
  // These threw V8's "Cannot read properties of undefined (reading 'then')"
  // or "... .then is not a function" from inside the iterator.
  const source = (next: () => unknown): AsyncIterable<unknown> => ({ [Symbol.asyncIterator]: () => ({ next }) as AsyncIterator<unknown> });

  test('an iterator result that is not an object: a TypeError saying what came', async () => {
    await expect(collect(recordStream(source(() => undefined), '<u4'))).rejects.toThrow(/^recordStream: the source's next\(\) gave undefined, not an iterator result$/);
    await expect(collect(recordStream(source(() => Promise.resolve(5)), '<u4'))).rejects.toThrow(/gave 5, not an iterator result/);
  });

  test('plain (not promised) results are read as for await reads them', async () => {
    let n = 0;
    const chunks = [new Uint8Array([1, 0, 0, 0, 2]), new Uint8Array([0, 0, 0])];
    const it = source(() => (n < chunks.length ? { done: false, value: chunks[n++] } : { done: true, value: undefined }));
    const got: number[] = [];
    for await (const b of recordStream(it, '<u4')) got.push(...(b.toArray() as number[]));
    expect(got).toEqual([1, 2]);
  });

  test('an iterable whose [Symbol.asyncIterator]() gives no iterator: a TypeError at once', () => {
    expect(() => recordStream({ [Symbol.asyncIterator]: () => null } as never, '<u4')).toThrow(/^recordStream: the source's \[Symbol\.asyncIterator\]\(\) gave null, not an iterator$/);
  });
});

describe('recordWriter', () => {
  test('round trip: arrays written (contiguous and strided) parse back as the same records', async () => {
    const pass = new PassThrough();
    const w = recordWriter(pass);
    const data = fromBuffer(records(20), DT);
    const parsed = collect(recordStream(pass, DT));
    await w.write(data.index('0:10'));
    await w.write(data.index('10::2')); // strided: copied to C order
    await w.write(data.index('11::2'));
    await w.end();
    const { rows } = await parsed;
    const all = expected(records(20));
    expect(rows).toEqual([...all.slice(0, 10), ...all.filter((_, i) => i >= 10 && i % 2 === 0), ...all.filter((_, i) => i >= 10 && i % 2 === 1)]);
  });

  test('write() resolves only after drain when the stream is full', async () => {
    const written: Buffer[] = [];
    let release: (() => void) | null = null;
    const slow = new Writable({
      highWaterMark: 16,
      write(chunk: Buffer, _enc, cb) {
        written.push(Buffer.from(chunk));
        release = cb;
      },
    });
    const w = recordWriter(slow);
    let resolved = false;
    const p = w.write(arange(8, 'u4')).then(() => (resolved = true));
    await new Promise((r) => setImmediate(r));
    expect(resolved).toBe(false);
    (release as unknown as () => void)();
    await p;
    expect(resolved).toBe(true);
    expect(Buffer.concat(written)).toEqual(Buffer.from(new Uint32Array([0, 1, 2, 3, 4, 5, 6, 7]).buffer));
  });

  test('refuses what is not a stream', () => {
    expect(() => recordWriter({} as never)).toThrow(TypeError);
  });

  // A stream closed under a waiting write or end(): these stayed pending for
  // ever (no 'drain' or 'finish' comes after destroy, and a write to a
  // destroyed stream is dropped with no event).
  test('a stream destroyed while write() waits for drain, or before write()/end(): a rejection, not a hang', async () => {
    const stuck = (): Writable => new Writable({ highWaterMark: 16, write() {} });
    const a = stuck();
    const p = recordWriter(a).write(arange(100, 'f8'));
    setImmediate(() => a.destroy());
    await expect(p).rejects.toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });
    const b = stuck();
    const q = recordWriter(b).write(arange(100, 'f8'));
    setImmediate(() => b.destroy(new Error('boom')));
    await expect(q).rejects.toThrow('boom');
    const dead = new PassThrough();
    dead.destroy();
    await expect(recordWriter(dead).write(arange(3, 'f8'))).rejects.toMatchObject({ code: 'ERR_STREAM_DESTROYED' });
    await expect(recordWriter(dead).end()).rejects.toMatchObject({ code: 'ERR_STREAM_DESTROYED' });
    const done = new PassThrough({ autoDestroy: false });
    done.resume();
    const w = recordWriter(done);
    await w.end();
    await expect(w.end()).resolves.toBeUndefined();
    await expect(w.write(arange(3, 'f8'))).rejects.toMatchObject({ code: 'ERR_STREAM_WRITE_AFTER_END' });
  });

  test('a mapping closed or a result released while its bytes wait in the stream: the bytes still arrive', async () => {
    // The queued piece viewed the mapping's window (or the result's pool
    // memory): close() detached it and the stream later sent 0 bytes for it.
    const p = tmp.file(new Uint8Array(1 << 20).fill(7), 'wsrc.bin');
    const { memmap } = await import('../lib');
    const m = memmap(p, { dtype: 'u1', mode: 'r' });
    const got: Buffer[] = [];
    const calls: (() => void)[] = [];
    const slow = new Writable({
      highWaterMark: 1,
      write(chunk: Buffer, _enc, cb) {
        got.push(Buffer.from(chunk));
        calls.push(cb);
      },
    });
    const w = recordWriter(slow);
    void w.write(arange(3, 'u1')); // taken by _write at once; the next pieces wait in the stream's buffer
    void w.write(m);
    const r = arange(1 << 16, 'u2').copy();
    void w.write(r);
    m.close();
    r.release();
    for (let i = 0; i < 3; i++) {
      calls.shift()?.();
      await new Promise((res) => setImmediate(res));
    }
    expect(got.map((b) => b.length)).toEqual([3, 1 << 20, 1 << 17]);
    expect(got[1].every((x) => x === 7)).toBe(true);
    expect(new Uint16Array(got[2].buffer, got[2].byteOffset, 1 << 16).every((x, i) => x === i)).toBe(true);
  });
});

describeWithNumpy('recordStream over a localhost socket', () => {
  test('1M 16-byte records in random chunk sizes, every straddle position, match NumPy', async () => {
    const N = 1_000_000;
    const data = records(N, 7);
    const file = tmp.file(data, 'records.bin');
    // The server sends random-size chunks and waits for the client's ack of
    // each, so the chunks arrive as sent (not coalesced into full socket
    // buffers): chunk edges land on every byte of a record.
    let seed = 12345;
    const rand = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const server = net.createServer((sock) => {
      let pos = 0;
      let waiting: (() => void) | null = null;
      sock.on('data', () => waiting?.());
      void (async () => {
        while (pos < data.length) {
          const n = Math.min(data.length - pos, rand(4) === 0 ? 1 + rand(40) : 1 + rand(60000));
          const acked = new Promise<void>((r) => (waiting = r));
          sock.write(data.subarray(pos, pos + n));
          pos += n;
          await acked;
        }
        sock.end();
      })();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    const sock = net.connect(port, '127.0.0.1');
    const edges = new Set<number>();
    let received = 0;
    async function* tap(): AsyncGenerator<Buffer> {
      for await (const chunk of sock as AsyncIterable<Buffer>) {
        received += chunk.length;
        edges.add(received % 16);
        sock.write('a');
        yield chunk;
      }
    }
    resetStats();
    let count = 0;
    let idSum = 0;
    let kSum = 0;
    let vBits = 0n;
    const samples = [0, 1, 2, 4095, 4096, 123457, 500000, 777777, N - 2, N - 1];
    const got: Record<number, [number, number, number]> = {};
    try {
      for await (const b of recordStream(tap(), DT)) {
        const n = b.shape[0];
        idSum += b.field('id').sum() as number;
        kSum += b.field('k').sum() as number;
        const vb = b.field('v').view('<u8');
        for (let i = 0; i < n; i++) vBits += vb.get(i) as bigint;
        for (const s of samples) if (s >= count && s < count + n) got[s] = Object.values(b.get(s - count) as object) as [number, number, number];
        count += n;
      }
    } finally {
      sock.destroy();
      server.close();
    }
    const copies = stats().copies;
    const np = runNumpy<{ n: number; id: number; k: number; v: string; samples: [number, number, number][] }>(`
a = np.fromfile(${JSON.stringify(file)}, dtype=[('id','<u4'),('k','<i4'),('v','<f8')])
print(json.dumps({'n': len(a), 'id': int(a['id'].sum(dtype=np.int64)), 'k': int(a['k'].sum(dtype=np.int64)),
  'v': str(int(a['v'].view('<u8').astype(object).sum())),
  'samples': [[int(a['id'][i]), int(a['k'][i]), float(a['v'][i])] for i in ${JSON.stringify(samples)}]}))`);
    fs.unlinkSync(file);
    expect(count).toBe(np.n);
    expect(idSum).toBe(np.id);
    expect(kSum).toBe(np.k);
    expect(vBits.toString()).toBe(np.v);
    expect(samples.map((s) => got[s])).toEqual(np.samples);
    // Every straddle position 1..15 happened, and only straddling records were copied.
    expect([...edges].sort((a, b) => a - b)).toEqual([...Array(16).keys()]);
    expect(copies).toBeGreaterThan(0);
    expect(stats().copiedBytes).toBe(copies * 16);
  }, 60_000);
});
