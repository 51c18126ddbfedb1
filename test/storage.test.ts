// Where an array's bytes live (lib/storage.ts): one ArrayBuffer range or a
// file mapping behind one interface — windows, the cursor, whole(), the
// "closed" check and its one error, and MappedStorage's flush/advise.
import * as fs from 'fs';
import { AccessError, MemoryError } from '../lib/errors';
import { storageOf } from '../lib/internal';
import { memmap } from '../lib/memmap';
import { MappedStorage, MemoryStorage, closedError, setAllocator, withAllocator, type Allocator } from '../lib/storage';
import { useTempDir } from './helpers/tmp';

const tmp = useTempDir('mmarray-storage-');

describe('MemoryStorage', () => {
  test('a range of a buffer: byte 0 of the storage is byteOffset of the buffer', () => {
    const buf = new ArrayBuffer(16);
    new Uint8Array(buf).set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    const st = new MemoryStorage(buf, 4, 8);
    expect(st.byteLength).toBe(8);
    const w = st.window();
    expect([w.start, w.end, w.bufferOffset]).toEqual([0, 8, 4]);
    expect(w.bytes[0]).toBe(4);
    expect(st.single).toBe(w);
    expect(st.mapping).toBeNull();
  });

  test('allocate() gives zeroed, writable memory of the requested length', () => {
    const st = MemoryStorage.allocate(10);
    expect(st.byteLength).toBe(10);
    expect(st.writable).toBe(true);
    expect([...st.window().bytes]).toEqual(new Array(10).fill(0));
  });

  test('allocate() past 4 GiB (an ArrayBuffer\'s limit) is a RangeError naming the size, before any memory is taken', () => {
    const vmKiB = (): number => Number(/VmSize:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);
    const before = vmKiB();
    for (const n of [2 ** 32 + 1, 2 ** 34, 2 ** 40]) {
      expect(() => MemoryStorage.allocate(n)).toThrow(RangeError);
      expect(() => MemoryStorage.allocate(n, true)).toThrow(new RegExp(`^cannot allocate ${n} bytes .* at most 4 GiB`));
    }
    // Nothing was mapped and kept (V8 would have mapped 16 GiB, then refused the view).
    if (process.platform === 'linux') expect(vmKiB() - before).toBeLessThan(1 << 20);
  });

  test('a read-only range says so', () => {
    expect(new MemoryStorage(new ArrayBuffer(4), 0, 4, false).writable).toBe(false);
  });

  test('cursor() and whole() of memory are the one window', () => {
    const st = MemoryStorage.allocate(32);
    expect(st.cursor(8)(24)).toBe(st.single);
    expect(st.whole()).toBe(st.single);
  });

  test('checkOpen() passes while the buffer is attached', () => {
    expect(() => MemoryStorage.allocate(4).checkOpen()).not.toThrow();
  });
});

describe('closedError: the one closed error', () => {
  test('names the file of a mapping', () => {
    const e = closedError({ path: '/data/x.bin', mode: 'r', offset: 0 });
    expect(e).toBeInstanceOf(AccessError);
    expect(e.code).toBe('ERR_CLOSED');
    expect(e.message).toBe("mapping of '/data/x.bin' is closed");
  });

  test('says the buffer was detached when there is no file', () => {
    const e = closedError(null);
    expect(e.code).toBe('ERR_CLOSED');
    expect(e.message).toMatch(/ArrayBuffer behind this array was detached/);
  });
});

describe('MappedStorage', () => {
  function mapped(bytes: Uint8Array, mode: 'r' | 'r+' = 'r+'): { path: string; st: MappedStorage; close: () => void } {
    const path = tmp.file(bytes, 'mapped.bin');
    const m = memmap(path, { dtype: 'u1', mode });
    const st = storageOf(m);
    if (!(st instanceof MappedStorage)) throw new Error('expected a MappedStorage');
    return { path, st, close: () => m.close() };
  }

  test('describes its file and mode; a small mapping is one window', () => {
    const { path, st, close } = mapped(new Uint8Array(100), 'r');
    expect(st.mapping).toEqual({ path, mode: 'r', offset: 0 });
    expect(st.writable).toBe(false);
    expect(st.byteLength).toBe(100);
    expect(st.single).not.toBeNull();
    close();
  });

  test('flush() writes a changed range to the file', () => {
    const { path, st, close } = mapped(new Uint8Array(64));
    st.window(0, 64).bytes[10] = 42;
    st.flush(0, 64);
    expect(fs.readFileSync(path)[10]).toBe(42);
    close();
  });

  test('flushAsync() resolves once the pages are written', async () => {
    const { path, st, close } = mapped(new Uint8Array(64));
    st.window(0, 64).bytes[3] = 7;
    await st.flushAsync();
    expect(fs.readFileSync(path)[3]).toBe(7);
    close();
  });

  test('advise() accepts the madvise hints', () => {
    const { st, close } = mapped(new Uint8Array(4096));
    for (const a of ['normal', 'sequential', 'random', 'willneed'] as const) expect(() => st.advise(a)).not.toThrow();
    close();
  });

  test('after close(): closed is true and flush, flushAsync, advise and window all give the closed error', async () => {
    const { path, st, close } = mapped(new Uint8Array(64));
    close();
    expect(st.closed).toBe(true);
    const msg = `mapping of '${path}' is closed`;
    expect(() => st.flush()).toThrow(msg);
    expect(() => st.advise('normal')).toThrow(msg);
    expect(() => st.window(0, 8)).toThrow(msg);
    await expect(st.flushAsync()).rejects.toMatchObject({ code: 'ERR_CLOSED', message: msg });
  });

  test('close() is idempotent', () => {
    const { st, close } = mapped(new Uint8Array(8));
    close();
    expect(() => st.close()).not.toThrow();
  });
});

describe('the allocation hook', () => {
  test('MemoryStorage.allocate asks the current allocator (size and zeroing), and takes new ArrayBuffer when it gives null', () => {
    const calls: [number, boolean][] = [];
    const own = new ArrayBuffer(24);
    const hook: Allocator = (n, uninitialized) => {
      calls.push([n, uninitialized]);
      return n === 24 ? own : null;
    };
    const [mine, plain] = withAllocator(hook, () => [MemoryStorage.allocate(24, true), MemoryStorage.allocate(16)]);
    expect(calls).toEqual([[24, true], [16, false]]);
    expect(mine.single.buffer).toBe(own);
    expect(plain.single.buffer).not.toBe(own);
    expect(plain.byteLength).toBe(16);
  });

  test('withAllocator restores the previous allocator, also when the call throws', () => {
    const seen: number[] = [];
    const outer: Allocator = (n) => (seen.push(n), null);
    const previous = setAllocator(outer);
    try {
      expect(() => withAllocator(() => null, () => {
        throw new RangeError('boom');
      })).toThrow('boom');
      MemoryStorage.allocate(8);
      expect(seen).toEqual([8]);
    } finally {
      expect(setAllocator(previous)).toBe(outer);
    }
  });
});

test("an allocation refused is NumPy's MemoryError: a RangeError with code 'ERR_MEMORY'", () => {
  let thrown: unknown = null;
  try {
    MemoryStorage.allocate(2 ** 34, true);
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(RangeError);
  expect(thrown).toBeInstanceOf(MemoryError);
  expect((thrown as MemoryError).code).toBe('ERR_MEMORY');
  expect((thrown as Error).name).toBe('MemoryError');
});
