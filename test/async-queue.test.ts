// lib/async-queue.ts: async jobs on one array's memory keep their call order
// where it matters: a writer waits for every earlier job on that memory, a
// reader for the earlier writers only, so readers run side by side; an
// abort while waiting rejects at once; a failed or aborted job does not hold
// the ones behind it; other memory never waits.
//
// How it is seen: a job on fewer than 256 elements runs on the JS thread
// inside the call, while a job on the pool settles in a later macrotask (its
// settle comes back from a pool thread). So a tiny job that does not wait
// settles before a pool job started ahead of it, and one that waits reads or
// writes the memory as the pool job left it (without the queue it would have
// read or written it as it was at the call). Which of two jobs released at
// once settles first is not pinned down.
import * as fs from 'fs';
import * as mm from '../lib';
import type { NdArray } from '../lib';
import { expectSameBytes, randomArray } from './helpers/async-arrays';
import { useTempDir } from './helpers/tmp';

const tmp = useTempDir('mmarray-async-queue-');

/** Random float64 values: a sort on the pool of some milliseconds. */
const randomF8 = (n: number, seed: number): NdArray => randomArray('<f8', [n], seed);

/** `p` with its settling recorded in `order` under `name` (a rejection too); resolves with its value or error. */
function settleInto<T>(order: string[], name: string, p: Promise<T>): Promise<T | unknown> {
  return p.then(
    (v) => {
      order.push(name);
      return v;
    },
    (e: unknown) => {
      order.push(name);
      return e;
    },
  );
}

const N = 200_000;

describe('a job waits for the earlier jobs it must follow', () => {
  test('a reader after a writer sees what the writer wrote (a tiny copy, a pool sum, forEachAsync)', async () => {
    const a = randomF8(N, 1);
    const want = a.copy();
    want.sort();
    const order: string[] = [];
    const sorted = settleInto(order, 'sort', a.sortAsync());
    const head = settleInto(order, 'copy', a.index('0:10').copyAsync());
    const seen: number[] = [];
    const walked = settleInto(order, 'forEach', mm.forEachAsync(a.index('0:5'), (v) => seen.push(v as number)));
    await Promise.all([sorted, head, walked]);
    expect(((await head) as NdArray).toArray()).toEqual(want.index('0:10').toArray());
    expect(seen).toEqual(want.index('0:5').toArray());
    // A pool reduction after an in-place writer: the first 1000 items after
    // the fill, never a mix of old and new values.
    const fill = a.index('0:1000').fillAsync(2);
    const sum = a.index('0:1000').sumAsync();
    await fill;
    expect(await sum).toBe(2000);
  });

  test('a writer waits for every earlier job on the memory, readers and writers', async () => {
    const a = randomF8(N, 2);
    const before = a.sum();
    const order: string[] = [];
    const sum = settleInto(order, 'sum', a.sumAsync());
    const fill = settleInto(order, 'fill', a.index('0:10').fillAsync(7));
    await Promise.all([sum, fill]);
    // The sum read the values before the fill.
    expect(await sum).toBe(before);
    expect(a.index('0:10').toArray()).toEqual(new Array(10).fill(7));
    // Two in-place sorts, then a tiny in-place write: one after the other.
    const b = randomF8(N, 3);
    const want = b.copy();
    want.sort();
    const order2: string[] = [];
    const s1 = settleInto(order2, 'sort1', b.index('::-1').sortAsync());
    const s2 = settleInto(order2, 'sort2', b.sortAsync({ kind: 'stable' }));
    const tiny = settleInto(order2, 'byteswap', b.index('0:3').byteswapAsync(true));
    await Promise.all([s1, s2, tiny]);
    want.index('0:3').byteswap(true);
    expectSameBytes(b, want);
  });

  test('saveNpyAsync after a writer saves what the writer left', async () => {
    const a = randomF8(N, 4);
    const p = tmp.path('after-sort.npy');
    const sorted = a.sortAsync();
    const saved = mm.saveNpyAsync(p, a);
    await Promise.all([sorted, saved]);
    const q = tmp.path('sync.npy');
    mm.saveNpy(q, a);
    expect(fs.readFileSync(p).equals(fs.readFileSync(q))).toBe(true);
  });

  test('ufuncAsync: its out is written, its inputs and where are read', async () => {
    const x = randomF8(N, 5);
    const y = randomF8(N, 6);
    const want = mm.add(x, y);
    const order: string[] = [];
    const added = settleInto(order, 'add', mm.ufuncAsync(mm.add, [x, y], { out: x }));
    const head = settleInto(order, 'copy', x.index('0:10').copyAsync());
    // y is only read by the add: a tiny in-place write to it waits, a tiny read does not.
    const yHead = settleInto(order, 'copy y', y.index('0:10').copyAsync());
    const yFill = settleInto(order, 'fill y', y.index('0:10').fillAsync(0));
    await Promise.all([added, head, yHead, yFill]);
    expect(order[0]).toBe('copy y');
    expect(((await head) as NdArray).toArray()).toEqual(want.index('0:10').toArray());
    // The add read y before the fill.
    expectSameBytes(x, want);
    expect(y.index('0:10').toArray()).toEqual(new Array(10).fill(0));
  });
});

describe('what does not wait', () => {
  test('readers run side by side: a tiny read after a pool read settles first', async () => {
    const a = randomF8(N, 7);
    const order: string[] = [];
    const sum = settleInto(order, 'sum', a.sumAsync());
    const arg = settleInto(order, 'argsort', a.argsortAsync());
    const head = settleInto(order, 'copy', a.index('0:10').copyAsync());
    await Promise.all([sum, arg, head]);
    expect(order[0]).toBe('copy');
    expect(await sum).toBe(a.sum());
  });

  test('other memory does not wait; every array over one ArrayBuffer shares its queue', async () => {
    const a = randomF8(N, 8);
    const other = randomF8(10, 9);
    const alias = mm.fromBuffer(a.buffer, 'f8', { offset: a.offset, count: 10 });
    const order: string[] = [];
    const sorted = settleInto(order, 'sort', a.sortAsync());
    const otherFill = settleInto(order, 'other', other.fillAsync(1));
    const aliasCopy = settleInto(order, 'alias', alias.copyAsync());
    await Promise.all([sorted, otherFill, aliasCopy]);
    expect(order[0]).toBe('other');
    expect(((await aliasCopy) as NdArray).toArray()).toEqual(a.index('0:10').toArray());
  });
});

describe('aborts and failures do not hold the queue', () => {
  test('an abort while waiting rejects at once, writes nothing, and the next job still follows the first', async () => {
    const a = randomF8(N, 10);
    const want = a.copy();
    want.sort();
    const c = new AbortController();
    const order: string[] = [];
    const sorted = settleInto(order, 'sort', a.sortAsync());
    const filled = settleInto(order, 'fill', a.index('0:10').fillAsync(5, { signal: c.signal }));
    const head = settleInto(order, 'copy', a.index('0:10').copyAsync());
    c.abort();
    const e = await filled;
    expect(e).toBeInstanceOf(mm.AbortError);
    expect((e as mm.AbortError).code).toBe('ABORT_ERR');
    await Promise.all([sorted, head]);
    expect(order[0]).toBe('fill');
    expectSameBytes(a, want);
    expect(((await head) as NdArray).toArray()).toEqual(want.index('0:10').toArray());
  });

  test('a job that rejects (its own error, found when its turn comes) lets the next one run', async () => {
    const a = randomF8(N, 11);
    const order: string[] = [];
    const sorted = settleInto(order, 'sort', a.sortAsync());
    // Waits for the sort, then fails its shape check; the fill after it waits for both and runs.
    const bad = settleInto(order, 'bad set', a.setAsync(mm.zeros([3], 'f8')));
    const fill = settleInto(order, 'fill', a.index('0:10').fillAsync(1));
    await Promise.all([sorted, bad, fill]);
    expect(await bad).toBeInstanceOf(mm.ValueError);
    expect(a.index('0:10').toArray()).toEqual(new Array(10).fill(1));
  });

  test('a mapping: its views share the queue; close() while a job waits rejects it with ERR_CLOSED', async () => {
    const src = randomF8(N, 12);
    const p = tmp.file(new Uint8Array(src.buffer, src.offset, src.nbytes));
    const m = mm.memmap(p, { dtype: 'f8', mode: 'r+', shape: [N] });
    const order: string[] = [];
    const sorted = settleInto(order, 'sort', m.sortAsync());
    const head = settleInto(order, 'copy', m.index('0:10').copyAsync());
    m.close();
    const [s, h] = await Promise.all([sorted, head]);
    // The sort may finish before close() reaches it, or stop: either way the copy waited and found the mapping closed.
    if (s !== m) expect(s).toMatchObject({ code: 'ERR_CLOSED' });
    expect(h).toMatchObject({ code: 'ERR_CLOSED' });
  });
});
