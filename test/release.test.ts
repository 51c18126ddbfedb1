// lib/release.ts: release() / [Symbol.dispose]() free what the library
// allocated at once (a pool region back to the pool while JS still holds the
// array), every alias of the memory then throws ERR_CLOSED, a caller's
// buffer is never freed, a memmap closes, and an async job's memory is
// refused with ERR_BUSY.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { inspect } from 'util';
import * as mm from '../lib';
import { FRESH_POOL_MIN_BYTES } from '../lib/fresh-memory';
import { storageOf } from '../lib/internal';
import { poolStats } from '../lib/native';
import * as release from '../lib/release';

const N = (4 * FRESH_POOL_MIN_BYTES) / 8; // a pool-sized <f8 result

function expectClosed(fn: () => unknown): void {
  let caught: unknown = null;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(mm.AccessError);
  expect((caught as mm.AccessError).code).toBe('ERR_CLOSED');
}

describe('release() of memory the library allocated', () => {
  test('a pool result goes back to the pool at once, while JS still holds the array', () => {
    const a = mm.arange(0, N, 1, '<f8');
    const y = a.copy();
    expect(y.get(N - 1)).toBe(N - 1);
    // keptBytes, not idleBytes: the pool's thread may unmap older idle
    // regions (other test files' results) at any moment.
    const kept = poolStats().keptBytes;
    y.release();
    // y is still referenced here: only the release can have returned it.
    expect(poolStats().keptBytes - kept).toBeGreaterThanOrEqual(N * 8);
  });

  test('the next result reuses the released region, with exactly its own values (zeros() reads zeros)', () => {
    const a = mm.arange(0, N, 1, '<f8');
    // One allocation after each release: it finds the released region idle.
    const y = a.copy();
    y.fill(-1);
    y.release();
    let maps = poolStats().freshMaps;
    const c = a.copy();
    expect(poolStats().freshMaps).toBe(maps);
    expect(c.sum()).toBe((N * (N - 1)) / 2);
    c.fill(-1);
    c.release();
    maps = poolStats().freshMaps;
    const z = mm.zeros([N], '<f8');
    expect(poolStats().freshMaps).toBe(maps);
    expect(z.sum()).toBe(0);
    expect(z.min()).toBe(0);
    expect(z.max()).toBe(0);
  });

  test('afterwards the array, its views, other arrays over its buffer and typed arrays taken from it throw ERR_CLOSED or read length 0', () => {
    for (const n of [N, 100]) { // pool memory and V8's own
      const y = mm.arange(0, n, 1, '<f8').copy();
      const view = y.index('1::2');
      const reshaped = y.reshape([2, n / 2]);
      const alias = mm.fromBuffer(y.buffer, '<f8');
      const typed = y.typedArray() as Float64Array;
      const strided = view.stridedTypedArray();
      expect(typed[n - 1]).toBe(n - 1);
      y.release();
      expect(typed.length).toBe(0);
      expect(typed[n - 1]).toBeUndefined();
      expect(strided.array.length).toBe(0);
      for (const arr of [y, view, reshaped, alias]) {
        expectClosed(() => arr.get(0));
        expectClosed(() => arr.set(0, 1));
        expectClosed(() => arr.sum());
        expectClosed(() => arr.copy());
        expectClosed(() => arr.typedArray());
        expectClosed(() => arr.buffer);
        expectClosed(() => arr.toArray());
        expectClosed(() => mm.add(arr, 1));
      }
      expectClosed(() => view.index('0'));
    }
  });

  test('releasing twice, or releasing a view after its base, does nothing', () => {
    const y = mm.arange(0, N, 1, '<f8').copy();
    const view = y.index('::2');
    y.release();
    const idle = poolStats().idleBytes;
    // handedOutBytes: inUseBytes counts a reserve region while the pool's
    // thread pre-faults it, which may start at any moment (a CI flake).
    const inUse = poolStats().handedOutBytes;
    expect(() => y.release()).not.toThrow();
    expect(() => view.release()).not.toThrow();
    expect(() => y[Symbol.dispose]()).not.toThrow();
    expect(poolStats().handedOutBytes).toBeLessThanOrEqual(inUse);
    expect(poolStats().idleBytes).toBeGreaterThanOrEqual(idle - N * 8);
  });

  test('releasing a view frees the memory of the whole storage it shares', () => {
    const y = mm.arange(0, N, 1, '<f8').copy();
    y.index('2:5').release();
    expectClosed(() => y.get(0));
  });

  test('`using` releases at the end of the block, also when the block throws', () => {
    const a = mm.arange(0, N, 1, '<f8');
    let kept: mm.NdArray | null = null;
    {
      using y = a.copy();
      kept = y;
      expect(y.get(3)).toBe(3);
    }
    expectClosed(() => kept!.get(3));
    expect(() => {
      using z = a.astype('<f4');
      kept = z;
      throw new Error('inside');
    }).toThrow('inside');
    expectClosed(() => kept!.get(3));
  });

  test('a released array still prints and describes itself, saying so', () => {
    const y = mm.arange(0, 10, 1, '<f8').copy();
    y.release();
    expect(String(y)).toBe('array(<released>, dtype=float64)');
    expect(inspect(y)).toBe('NdArray<<f8> (released or detached memory)');
    const d = mm.describe(y);
    expect(d.closed).toBe(true);
    expect(d.notes[0]).toMatch(/^CLOSED: the memory was released/);
  });

  test("unique's values, counts and index are the library's memory: release() frees them (the inverse too)", () => {
    const a = mm.fromBuffer(new Float64Array([3, 1, 3, 2, 1, 3]));
    const r = mm.unique(a, { returnCounts: true, returnIndex: true, returnInverse: true });
    expect(Array.from(r.counts!.typedArray() as BigInt64Array)).toEqual([2n, 1n, 3n]);
    for (const part of [r.values, r.counts!, r.index!, r.inverse!]) {
      part.release();
      expectClosed(() => part.get(0));
    }
    // The input was the caller's buffer: untouched.
    expect(a.get(0)).toBe(3);
  });

  test('an empty result releases without error', () => {
    const e = mm.zeros([0], '<f8');
    expect(() => e.release()).not.toThrow();
    expect(e.size).toBe(0);
  });
});

describe('release() of memory the library does not own', () => {
  test('an array over a caller\'s ArrayBuffer stays usable and the buffer is not detached', () => {
    const buf = new ArrayBuffer(N * 8);
    const x = mm.fromBuffer(buf, '<f8');
    x.set(7, 2.5);
    x.release();
    expect(buf.byteLength).toBe(N * 8);
    expect(x.get(7)).toBe(2.5);
    const t = mm.ndarray([3], '<f8', new Float64Array([1, 2, 3]));
    t.release();
    expect(t.sum()).toBe(6);
  });

  test('a memmap is closed; a plain view of a mapping throws a TypeError naming the file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mm-release-'));
    try {
      const p = path.join(dir, 'a.bin');
      fs.writeFileSync(p, Buffer.alloc(64));
      const m = mm.memmap(p, { dtype: '<f8', mode: 'r+' });
      const plain = m.view(mm.NdArray);
      expect(() => plain.release()).toThrow(TypeError);
      expect(() => plain.release()).toThrow(p);
      expect(m.closed).toBe(false);
      m.release();
      expect(m.closed).toBe(true);
      expectClosed(() => m.get(0));
      expectClosed(() => plain.get(0));
      expect(() => m.release()).not.toThrow();
      const m2 = mm.memmap(p, { dtype: '<f8', mode: 'r' });
      {
        using u = m2;
        expect(u.get(0)).toBe(0);
      }
      expect(m2.closed).toBe(true);
      // A memmap's copy has no file: it frees its memory like any copy.
      const m3 = mm.memmap(p, { dtype: '<f8', mode: 'r' });
      const c = m3.copy();
      c.release();
      expect(m3.closed).toBe(false);
      expectClosed(() => c.get(0));
      m3.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('release() while an async job holds the memory', () => {
  test('is refused with ERR_BUSY and changes nothing; after the job it frees', async () => {
    const y = mm.arange(0, N, 1, '<f8').copy();
    const pending = y.sumAsync();
    let caught: unknown = null;
    try {
      y.release();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(mm.AccessError);
    expect((caught as mm.AccessError).code).toBe('ERR_BUSY');
    expect(await pending).toBe((N * (N - 1)) / 2);
    expect(y.get(N - 1)).toBe(N - 1);
    y.release();
    expectClosed(() => y.get(0));
  });

  test('covers the source of copyAsync and the array saveNpyAsync writes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mm-release-'));
    try {
      const y = mm.arange(0, N, 1, '<f8').copy();
      const copying = y.copyAsync();
      expect(() => y.release()).toThrow(expect.objectContaining({ code: 'ERR_BUSY' }));
      const c = await copying;
      const saving = mm.saveNpyAsync(path.join(dir, 'y.npy'), y);
      expect(() => y.release()).toThrow(expect.objectContaining({ code: 'ERR_BUSY' }));
      await saving;
      y.release();
      expect(c.get(N - 1)).toBe(N - 1);
      expect(mm.openNpy(path.join(dir, 'y.npy')).get(N - 1)).toBe(N - 1);
      c.release();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a job that failed or was aborted leaves the memory releasable', async () => {
    const y = mm.arange(0, N, 1, '<f8').copy();
    const ac = new AbortController();
    const pending = y.sumAsync({ signal: ac.signal });
    ac.abort();
    await pending.catch(() => undefined);
    y.release();
    expectClosed(() => y.get(0));
  });
});

describe('temporaries the library makes are released once used', () => {
  test('a ufunc\'s copy of an input overlapping `out`, set()\'s cast copy of an overlapping source, put()\'s cast values', () => {
    const spy = jest.spyOn(release, 'releaseTemporary');
    try {
      const a = mm.arange(0, N, 1, '<f8').copy();
      mm.add(a.index('::-1'), 1, { out: a });
      expect(a.get(0)).toBe(N);
      expect(a.get(N - 1)).toBe(1);
      expect(spy).toHaveBeenCalledTimes(1);
      const freed = spy.mock.calls[0][0];
      expect(freed.closed).toBe(true);
      expect(freed).not.toBe(storageOf(a));
      spy.mockClear();
      const b = mm.arange(0, N, 1, '<f8').copy();
      const bytes = b.view('<i8');
      bytes.index('1:').set(b.index(':-1')); // a cast from <f8 over its own memory, shifted by one
      expect(bytes.get(4)).toBe(3n);
      expect(bytes.get(N - 1)).toBe(BigInt(N - 2));
      expect(spy).toHaveBeenCalledTimes(1);
      expect(spy.mock.calls[0][0].closed).toBe(true);
      expect(bytes.get(0)).toBe(0n); // the first item is not written
      spy.mockClear();
      const target = mm.zeros([N], '<i4');
      const idx = mm.arange(0, N, 1, '<i8');
      mm.put(target, idx, mm.arange(0, N, 1, '<f8')); // values cast to <i4 first
      expect(target.get(N - 1)).toBe(N - 1);
      expect(spy).toHaveBeenCalledTimes(1);
      expect(spy.mock.calls[0][0].closed).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });
});
