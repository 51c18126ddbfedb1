// lib/gc-wait.ts: a buffer past V8's external soft limit starts a GC cycle
// that afterMajorGc sees end; the async calls that allocate one wait for it
// and still give their sync twins' results.
import * as mm from '../lib';
import { afterMajorGc, EXTERNAL_SOFT_LIMIT } from '../lib/gc-wait';

describe('afterMajorGc', () => {
  test('resolves true once the mark-compact a buffer past the soft limit starts has ended', async () => {
    const held = new ArrayBuffer(EXTERNAL_SOFT_LIMIT + (16 << 20));
    // A generous bound: the cycle ends in 5-50 ms on an idle machine.
    await expect(afterMajorGc(10_000)).resolves.toBe(true);
    expect(held.byteLength).toBe(EXTERNAL_SOFT_LIMIT + (16 << 20));
  });

  test('resolves false without waiting when its signal aborts (already, or before any GC)', async () => {
    const pre = new AbortController();
    pre.abort();
    await expect(afterMajorGc(10_000, pre.signal)).resolves.toBe(false);
    const c = new AbortController();
    const p = afterMajorGc(10_000, c.signal);
    c.abort(); // in the same turn: no 'gc' entry can have been delivered yet
    await expect(p).resolves.toBe(false);
  });

  test('copyAsync of a result past the soft limit (the path that waits for its GC) equals copy()', async () => {
    const a = mm.arange(0, EXTERNAL_SOFT_LIMIT / 8 + 1024, 1, 'f8');
    const c = await a.copyAsync();
    expect(c.shape).toEqual(a.shape);
    expect(Buffer.compare(Buffer.from(c.buffer, c.offset, c.nbytes), Buffer.from(a.buffer, a.offset, a.nbytes))).toBe(0);
  });
});
