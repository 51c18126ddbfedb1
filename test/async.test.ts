// lib/async.ts: the async bulk calls give their sync twins' results bit for
// bit (every numeric dtype, both byte orders, random strided views, any
// thread count), reject with the sync errors before writing, abort, report
// monotone progress, and survive close() / transfers / worker teardown
// during the work (the crash-prone cases in forked children); the
// scheduling hints (the loop's short slice, the opt-in pool nice) hold only
// while jobs run and are undone after (native/pool_yield.h); a job reads a
// cold mapped source ahead of its units, and only such a source. The sort
// and ufunc jobs: async-sort.test.ts, async-ufunc.test.ts; the order of jobs
// on one memory: async-queue.test.ts.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as mm from '../lib';
import type { NdArray } from '../lib';
import { bytesOf, NUMERIC, randomArray, same, views } from './helpers/async-arrays';
import { closeMidCall } from './helpers/child';
import { useTempDir } from './helpers/tmp';
import { kernelLoopSlice, kernelPoolNice, kernelReadAhead } from '../lib/native';
import { expectAdvisedColdOnly, withReadAhead } from './helpers/read-ahead-child';

const DIST = path.resolve(__dirname, '../dist');
const tmp = useTempDir('mmarray-async-');


describe('async reductions equal their sync twins', () => {
  // Rows long enough to be cut into several pairwise leaves (1 MiB each) and
  // several tasks per thread, and many short rows (several fold waves): one
  // dtype of each kind of partial and fold (float64/32 pairwise, int64 as a
  // BigInt, unsigned, bool). The others, whose row functions differ but whose
  // splitting and folding are those, over small arrays: every dtype, byte
  // order and thread count still meets the sync kernel.
  const BIG = new Set(['<f8', '>f4', '<i8', '>u4', 'b1']);
  const bigShapes = [[2, 300_000], [70_000, 3], [40, 50, 7]];
  const smallShapes = [[2, 3000], [700, 3], [4, 5, 7]];
  for (const t of NUMERIC) {
    for (const order of t === 'b1' || t.endsWith('1') ? ['|'] : ['<', '>']) {
      const dt = order === '|' ? t : order + t;
      const shapes = BIG.has(dt) ? bigShapes : smallShapes;
      test(`${dt}: sum, min, max, mean over random strided views of ${JSON.stringify(shapes)}, threads 1 and 3`, async () => {
        let seed = 1;
        for (const shape of shapes) {
          for (const v of views(randomArray(dt, shape, seed++), seed)) {
            const want = [v.sum(), v.min(), v.max(), v.mean()];
            for (const threads of [1, 3]) {
              const got = [await v.sumAsync({ threads }), await v.minAsync({ threads }), await v.maxAsync({ threads }), await v.meanAsync({ threads })];
              for (let i = 0; i < 4; i++) {
                if (!same(got[i], want[i])) throw new Error(`${dt} ${JSON.stringify(v.shape)} ${JSON.stringify(v.strides)} threads=${threads} op ${i}: ${String(got[i])} != ${String(want[i])}`);
              }
            }
          }
        }
      });
    }
  }

  test('NaN wins min/max at its first place, as in the sync kernel', async () => {
    const a = randomArray('<f8', [400_000], 7);
    a.set([200_001], NaN);
    expect(await a.minAsync({ threads: 4 })).toBeNaN();
    expect(await a.maxAsync()).toBeNaN();
    expect(Object.is(await a.sumAsync(), a.sum())).toBe(true);
  });

  test('a broadcast (stride 0) view and a 0-d array', async () => {
    const b = mm.broadcastTo(mm.arange(0, 5, 1, 'f4'), [300_000, 5]);
    expect(await b.sumAsync({ threads: 2 })).toBe(b.sum());
    expect(await b.maxAsync()).toBe(4);
    // A zero extreme: which signed zero comes first decides the bits.
    for (const first of [0, -0]) {
      const zs = mm.zeros([400_000], '<f8');
      zs.fill(1);
      zs.index('1000:').index('::7').fill(-first);
      zs.set([500], first);
      zs.set([200_000], first);
      for (const v of [zs, zs.index('::-1')]) {
        expect(Object.is(await v.minAsync({ threads: 3 }), v.min())).toBe(true);
      }
    }
    const z = mm.zeros([], 'i8');
    expect(await z.sumAsync()).toBe(0n);
  });
});

describe('async copies equal their sync twins', () => {
  const casts: [string, string][] = [['<f8', '>f4'], ['>i2', '<f8'], ['<f4', 'f2'], ['>f8', '<i8'], ['u1', '>c16'], ['<c8', '<f8'], ['<i4', 'b1']];
  for (const [from, to] of casts) {
    test(`astypeAsync ${from} -> ${to} over random views`, async () => {
      const a = randomArray(from.replace(/c(8|16)/, (_m, n) => `f${Number(n) / 2}`).replace('c', 'f'), [120, 2000], 3);
      const src = from.includes('c') ? a.view(from) : a;
      for (const v of views(src, 11)) {
        for (const order of ['K', 'C', 'F'] as const) {
          const want = v.astype(to, order);
          const got = await v.astypeAsync(to, order, { threads: 2 });
          expect(got.shape).toEqual(want.shape);
          expect(got.strides).toEqual(want.strides);
          expect(Buffer.from(bytesOf(got)).equals(Buffer.from(bytesOf(want)))).toBe(true);
        }
      }
    });
  }

  test('copyAsync and byteswapAsync (copy and in place) over random views of every dtype', async () => {
    for (const dt of ['<f8', '>i2', '<u4', 'b1', '>c16', '<f2']) {
      // Several 1 MiB tasks for threads 3 in float64 (the copy loop is the
      // same for every itemsize); small arrays for the other dtypes.
      const shape = dt === '<f8' ? [64, 5000] : [16, 1000];
      const base = randomArray(dt.replace('c16', 'f8').replace('f2', 'u2'), shape, 5).view(dt);
      for (const v of views(base, 13)) {
        for (const order of ['C', 'F', 'A', 'K'] as const) {
          const want = v.copy(order);
          const got = await v.copyAsync(order, { threads: 3 });
          expect(got.strides).toEqual(want.strides);
          expect(Buffer.from(bytesOf(got)).equals(Buffer.from(bytesOf(want)))).toBe(true);
        }
        expect(Buffer.from(bytesOf(await v.byteswapAsync())).equals(Buffer.from(bytesOf(v.byteswap())))).toBe(true);
      }
      const x = base.copy();
      const y = base.copy();
      x.index('::2').byteswap(true);
      await y.index('::2').byteswapAsync(true, { threads: 2 });
      expect(Buffer.from(bytesOf(y)).equals(Buffer.from(bytesOf(x)))).toBe(true);
    }
  });

  test('fillAsync and setAsync (same dtype, another dtype, overlapping) write what fill/set write', async () => {
    const a = randomArray('<f8', [300, 1000], 21);
    const pairs: [(t: NdArray) => void, (t: NdArray) => Promise<void>][] = [
      [(t) => t.index('::2, ::-3').fill(-2.5), (t) => t.index('::2, ::-3').fillAsync(-2.5, { threads: 2 })],
      [(t) => t.index('::-1').set(a.index('::1')), (t) => t.index('::-1').setAsync(a.index('::1'))],
      [(t) => t.set(a.astype('>i2')), (t) => t.setAsync(a.astype('>i2'), { threads: 3 })],
      [(t) => t.index('1:').set(t.index(':-1')), (t) => t.index('1:').setAsync(t.index(':-1'))],
    ];
    for (const [sync, async] of pairs) {
      const x = a.copy();
      const y = a.copy();
      sync(x);
      await async(y);
      expect(Buffer.from(bytesOf(y)).equals(Buffer.from(bytesOf(x)))).toBe(true);
    }
  });
});

describe("astypeAsync takes astype's options object", () => {
  test('{ order, casting, copy } with the async options in the same object, or as the old fourth argument', async () => {
    const a = randomArray('<f8', [50, 300], 31).index('::2, ::-3');
    for (const order of ['K', 'C', 'F'] as const) {
      const want = a.astype('>f4', { order });
      for (const got of [await a.astypeAsync('>f4', { order, threads: 2 }), await mm.astypeAsync(a, '>f4', { order }, { threads: 2 }), await a.astypeAsync('>f4', order, { threads: 2 })]) {
        expect(got.strides).toEqual(want.strides);
        expect(Buffer.from(bytesOf(got)).equals(Buffer.from(bytesOf(want)))).toBe(true);
      }
    }
    // casting: refused before anything is copied, as astype's TypeError (a rejection here).
    await expect(a.astypeAsync('<i4', { casting: 'safe' })).rejects.toThrow(/^Cannot cast array data from dtype\('float64'\) to dtype\('int32'\) according to the rule 'safe'$/);
    await expect(a.astypeAsync('<f8', { casting: 'sideways' as never })).rejects.toThrow(/casting must be one of/);
    expect((await a.astypeAsync('<f4', { casting: 'same_kind' })).dtype.str).toBe('<f4');
    // copy: false gives the array itself when no copy is needed, as astype; a copy otherwise.
    const c = mm.arange(1000, 'f8');
    expect(await c.astypeAsync('<f8', { copy: false })).toBe(c);
    expect(await c.astypeAsync('<f8', { copy: false, order: 'F' })).toBe(c);
    expect(await c.astypeAsync('<f8')).not.toBe(c);
    expect(await a.astypeAsync('<f8', { copy: false, order: 'C' })).not.toBe(a);
    await expect(c.astypeAsync('<f8', { copy: 'no' as never })).rejects.toThrow(/copy must be a boolean/);
  });

  test('the async options in the object: signal, onProgress, threads; each option read once', async () => {
    const a = mm.arange(1 << 20, 'f8');
    const ac = new AbortController();
    ac.abort();
    await expect(a.astypeAsync('<f4', { order: 'C', signal: ac.signal })).rejects.toMatchObject({ name: 'AbortError' });
    const seen: [number, number][] = [];
    await a.astypeAsync('<f4', { onProgress: (done, total) => seen.push([done, total]), threads: 2 });
    const [done, total] = seen[seen.length - 1];
    expect(total).toBeGreaterThanOrEqual((1 << 20) * 4);
    expect(done).toBe(total);
    await expect(a.astypeAsync('<f4', { threads: 0 })).rejects.toThrow(RangeError);
    const reads: string[] = [];
    const o = new Proxy({ order: 'C', casting: 'unsafe', threads: 1 }, { get: (t, k) => (reads.push(String(k)), (t as Record<string | symbol, unknown>)[k]) });
    await a.astypeAsync('<f4', o as never);
    expect(reads.sort()).toEqual(['casting', 'copy', 'onProgress', 'order', 'signal', 'threads']);
  });

  test('async options given twice, or an order that is neither a string nor an object: a TypeError (a rejection)', async () => {
    const a = mm.arange(10, 'f8');
    let p: Promise<unknown> | undefined;
    expect(() => (p = a.astypeAsync('<f4', { threads: 1 }, { threads: 2 }))).not.toThrow();
    await expect(p).rejects.toThrow(/^astypeAsync\(\): threads given both in the options object and as the async options; pass them once$/);
    await expect(a.astypeAsync('<f4', { order: 'C' }, { threads: 2 })).resolves.toBeDefined();
    await expect(a.astypeAsync('<f4', 5 as never)).rejects.toThrow(/^astypeAsync\(\): the order must be 'C', 'F', 'A' or 'K', or an options object, got 5$/);
    await expect(a.astypeAsync('<f4', 'Q' as never)).rejects.toThrow(/order must be one of/);
  });
});

describe('async errors are the sync errors, as rejections, before any write', () => {
  test('read-only mapping, closed mapping, bad dtype, record sum, bad options', async () => {
    const p = tmp.file(new Uint8Array(8 * 4096).fill(7));
    const r = mm.memmap(p, { dtype: 'u1', mode: 'r' });
    await expect(r.fillAsync(1)).rejects.toMatchObject({ code: 'ERR_READ_ONLY' });
    await expect(r.setAsync(r.index('::-1'))).rejects.toMatchObject({ code: 'ERR_READ_ONLY' });
    await expect(r.byteswapAsync(true)).rejects.toMatchObject({ code: 'ERR_READ_ONLY' });
    expect(fs.readFileSync(p).every((b) => b === 7)).toBe(true);
    await expect(r.astypeAsync('nope')).rejects.toThrow(TypeError);
    const rec = mm.zeros([300], [['a', '<i4'], ['b', '<f8']]);
    // NumPy's no-loop error for a record sum (lib/no-loop.ts), the same sync and async.
    const noLoop = /^ufunc 'add' did not contain a loop with signature matching types \(dtype\(\[/;
    await expect(rec.sumAsync()).rejects.toThrow(noLoop);
    await expect(rec.sumAsync()).rejects.toBeInstanceOf(mm.UFuncTypeError);
    expect(() => rec.sum()).toThrow(noLoop);
    await expect(r.sumAsync({ threads: 0 })).rejects.toThrow(RangeError);
    await expect(r.sumAsync({ signal: {} as AbortSignal })).rejects.toThrow(TypeError);
    r.close();
    await expect(r.sumAsync()).rejects.toMatchObject({ code: 'ERR_CLOSED' });
    await expect(r.copyAsync()).rejects.toMatchObject({ code: 'ERR_CLOSED' });
  });
});

describe('abort and progress', () => {
  test('an aborted signal rejects with an AbortError before anything is written', async () => {
    const a = mm.zeros([1 << 16], 'f8');
    const c = new AbortController();
    c.abort(new Error('stop'));
    const e = await a.fillAsync(1, { signal: c.signal }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(mm.AbortError);
    expect((e as mm.AbortError).code).toBe('ABORT_ERR');
    expect(a.sum()).toBe(0);
  });

  test('aborting mid-flight stops a cast into a 32 MiB target part way (the documented half-written state)', async () => {
    // The abort is raised from the first progress report past 0, which races the
    // pool threads: a fast cast can finish first on a busy machine. Each
    // attempt that finished is retried with a slower (byte-swapped, strided)
    // source; one aborted attempt must show the half-written state.
    const src = mm.zeros([2 * (16 << 20)], '>f8');
    src.fill(1);
    const sources = [src.index('::2').copy(), src.index('::2'), src.index('::2'), src.index('::2')];
    let aborted = 0;
    for (const from of sources) {
      const target = mm.zeros([16 << 20], 'f2');
      const c = new AbortController();
      let calls = 0;
      const outcome = await target
        .setAsync(from, {
          signal: c.signal,
          threads: 2,
          // The first report with a block written: a pool thread that has
          // not run yet (a busy machine) would leave nothing written.
          onProgress: (done) => {
            if (done > 0 && ++calls === 1) c.abort();
          },
        })
        .then(
          () => 'finished',
          (e: unknown) => e,
        );
      if (outcome === 'finished') continue;
      expect(outcome).toBeInstanceOf(mm.AbortError);
      const written = target.astype('f4').sum() as number;
      // The abort can also land after the last block, before the job settles
      // (a loaded machine delays the settle): rejected, every block written.
      if (written === target.size) continue;
      expect(written).toBeGreaterThan(0);
      expect(written).toBeLessThan(target.size);
      aborted++;
      break;
    }
    expect(aborted).toBe(1);
  });

  test('onProgress: non-decreasing, ends at totalBytes = nbytes, on the JS thread', async () => {
    const a = mm.arange(0, 24 << 20, 1, '<f4');
    const seen: [number, number][] = [];
    const v = await a.sumAsync({ onProgress: (d, t) => seen.push([d, t]), threads: 1 });
    expect(v).toBe(a.sum());
    expect(seen.length).toBeGreaterThan(0);
    for (let i = 1; i < seen.length; i++) expect(seen[i][0]).toBeGreaterThanOrEqual(seen[i - 1][0]);
    expect(seen[seen.length - 1]).toEqual([a.nbytes, a.nbytes]);
  });
});

describe('lifetimes', () => {
  test('close() during a sum: the call settles (value or ERR_CLOSED), never reads unmapped pages', async () => {
    const p = tmp.sparse(64 << 20);
    let closed = 0;
    for (let i = 0; i < 20; i++) {
      const m = mm.memmap(p, { dtype: 'f8', mode: 'r' });
      const pr = m.sumAsync({ threads: 2 });
      m.close();
      const r = await pr.then((v) => v, (e: { code?: string }) => e.code);
      if (r === 'ERR_CLOSED') closed++;
      else expect(r).toBe(0);
    }
    expect(closed).toBeGreaterThan(0);
  });

  test('an abort, then a close() before the call settles: the AbortError (the first outcome wins); a close() first: ERR_CLOSED', async () => {
    const orig = bytesOf(randomArray('<f8', [1 << 22], 31));
    const p = tmp.file(orig, 'race.bin');
    const calls: [string, (m: NdArray, signal: AbortSignal) => Promise<unknown>][] = [
      ['sumAsync', (m, signal) => m.sumAsync({ signal, threads: 2 })],
      ['argsortAsync', (m, signal) => m.argsortAsync({ signal })],
      ['uniqueAsync', (m, signal) => mm.uniqueAsync(m, { returnCounts: true, signal })],
    ];
    for (const [name, call] of calls) {
      const seen = { abortFirst: new Set<string>(), closeFirst: new Set<string>() };
      for (let i = 0; i < 12; i++) {
        const abortFirst = i % 2 === 0;
        const m = mm.memmap(p, { dtype: '<f8', mode: 'r' });
        const c = new AbortController();
        const work = call(m, c.signal).then(() => 'value', (e: { code?: string }) => e.code ?? String(e));
        // In flight: the job started (no GC wait here: nothing large is allocated before a sum
        // or a sort's lanes; unique's result waits at most one collection).
        await new Promise((r) => setTimeout(r, i % 4 < 2 ? 0 : 5));
        if (abortFirst) {
          c.abort();
          m.close();
        } else {
          m.close();
          c.abort();
        }
        const outcome = await work;
        (abortFirst ? seen.abortFirst : seen.closeFirst).add(outcome);
      }
      expect([name, [...seen.abortFirst].filter((o) => o !== 'value' && o !== 'ABORT_ERR')]).toEqual([name, []]);
      expect([name, [...seen.closeFirst].filter((o) => o !== 'value' && o !== 'ERR_CLOSED')]).toEqual([name, []]);
    }
    expect(Buffer.compare(new Uint8Array(fs.readFileSync(p)), orig)).toBe(0);
  });

  test('a forked child closing mid-flight 2000 times lives, and both outcomes occur', () => {
    const out = closeMidCall(tmp.sparse(8 << 20), "{ dtype: 'f8', mode: 'r+' }", 'i % 2 ? m.sumAsync({ threads: 2 }) : m.fillAsync(0, { threads: 2 })', 2000);
    expect(out.closed).toBeGreaterThan(0);
  });

  test('a transfer attempt during the work copies instead: the buffer stays attached and the kernel finishes', async () => {
    const a = mm.zeros([8 << 20], 'f8');
    const buf = a.buffer;
    const p = a.fillAsync(3, { threads: 2 });
    const clone = structuredClone(buf, { transfer: [buf] });
    expect(buf.byteLength).toBe(a.nbytes);
    expect(clone.byteLength).toBe(a.nbytes);
    await p;
    expect(a.sum()).toBe(3 * a.size);
  });

  test('a worker thread terminated with async work in flight does not take the process down', () => {
    const child = `
      const { Worker } = require('worker_threads');
      const src = 'const L = require(' + ${JSON.stringify(JSON.stringify(path.join(DIST, 'index.js')))} + ');' +
        'const a = L.zeros([4 << 20], "f8"); a.fillAsync(1, { threads: 2 }); a.sumAsync(); require("worker_threads").parentPort.postMessage(1);';
      (async () => {
        for (let i = 0; i < 20; i++) {
          const w = new Worker(src, { eval: true });
          await new Promise((r) => w.once('message', r));
          await w.terminate();
        }
        process.stdout.write('ok');
      })();
    `;
    const r = spawnSync(process.execPath, ['-e', child], { encoding: 'utf8', timeout: 120_000 });
    expect(r.signal).toBeNull();
    expect(r.stdout).toBe('ok');
  });
});

describe('saveNpyAsync', () => {
  test('writes the bytes saveNpy writes, for strided views and F order', async () => {
    const a = randomArray('>f4', [300, 700], 9);
    for (const v of [a, a.index('::-2, 1::3'), a.transpose()]) {
      const p1 = tmp.path('a.npy');
      const p2 = tmp.path('b.npy');
      mm.saveNpy(p1, v);
      await mm.saveNpyAsync(p2, v, { threads: 2 });
      expect(fs.readFileSync(p2).equals(fs.readFileSync(p1))).toBe(true);
    }
  });

  test('several 64 MiB pieces through one staging buffer, and a padded record dtype, write what saveNpy writes', async () => {
    const big = mm.arange(0, 9 << 20, 1, '<f8');
    const rec = mm.zeros([1000], { names: ['a', 'b'], formats: ['<i2', '<f8'], offsets: [0, 8], itemsize: 24 });
    rec.field('a').set(mm.arange(0, 1000, 1, '<i2'));
    for (const v of [big.index('::-1'), rec.index('::3')]) {
      const p1 = tmp.path('a.npy');
      const p2 = tmp.path('b.npy');
      mm.saveNpy(p1, v);
      await mm.saveNpyAsync(p2, v);
      expect(fs.readFileSync(p2).equals(fs.readFileSync(p1))).toBe(true);
      fs.rmSync(p1);
      fs.rmSync(p2);
    }
  });

  test('can overwrite its own input, and an abort leaves the old file and no temporary', async () => {
    const p = tmp.path('self.npy');
    mm.saveNpy(p, mm.arange(0, 100_000, 1, '<i8'));
    const before = fs.readFileSync(p);
    const m = mm.openNpy(p);
    await mm.saveNpyAsync(p, m.index('::-1'));
    (m as mm.Memmap).close();
    const back = mm.openNpy(p);
    expect(back.get(0)).toBe(99_999n);
    (back as mm.Memmap).close();
    const c = new AbortController();
    c.abort();
    const q = tmp.path('keep.npy');
    fs.writeFileSync(q, before);
    await expect(mm.saveNpyAsync(q, mm.zeros([10], 'f8'), { signal: c.signal })).rejects.toBeInstanceOf(mm.AbortError);
    expect(fs.readFileSync(q).equals(before)).toBe(true);
    expect(fs.readdirSync(path.dirname(q)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('takes its target as saveNpy does: NUL paths refused, a link followed, permission bits kept', async () => {
    const a = mm.arange(0, 10, 1, '<i4');
    await expect(mm.saveNpyAsync(tmp.path('bad.npy') + '\0.tmp', a)).rejects.toMatchObject({ code: 'ERR_INVALID_ARG_VALUE' });
    const real = tmp.path('real.npy');
    mm.saveNpy(real, mm.zeros([1], '<i4'));
    fs.chmodSync(real, 0o640);
    const link = tmp.path('link.npy');
    fs.symlinkSync(real, link);
    await mm.saveNpyAsync(link, a);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.statSync(real).mode & 0o777).toBe(0o640);
    const sync = tmp.path('sync.npy');
    mm.saveNpy(sync, a);
    expect(fs.readFileSync(real).equals(fs.readFileSync(sync))).toBe(true);
  });
});

describe('forEachAsync / reduceAsync', () => {
  test('visit what forEach visits, in order, and let other macrotasks run', async () => {
    // 75,000 elements: two slices of ITERATION_SLICE.
    const a = mm.arange(0, 150_000, 1, 'i4').reshape([300, 500]).index('::-1, ::2');
    const want: unknown[] = [];
    a.forEach((v, i) => want.push([v, i]));
    const got: unknown[] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    await a.forEachAsync((v, i) => got.push([v, i]));
    clearInterval(timer);
    expect(got).toEqual(want);
    expect(ticks).toBeGreaterThan(0);
    expect(await a.reduceAsync((s: number, v) => s + (v as number), 0)).toBe(a.sum());
  });

  test('stop at an abort', async () => {
    const a = mm.zeros([1 << 20], 'u1');
    const c = new AbortController();
    let n = 0;
    const p = a.forEachAsync(() => {
      if (++n === 10) c.abort();
    }, { signal: c.signal });
    await expect(p).rejects.toBeInstanceOf(mm.AbortError);
    expect(n).toBeLessThan(a.size);
  });
});

/** Every thread of this process with its nice value (Linux /proc: field 19 of stat). */
function threadNices(): { tid: number; comm: string; nice: number }[] {
  const out: { tid: number; comm: string; nice: number }[] = [];
  for (const tid of fs.readdirSync('/proc/self/task')) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    } catch {
      continue; // the thread ended meanwhile
    }
    const close = stat.lastIndexOf(')');
    // Fields from 3 (state) on follow the comm's ')': field 19 is the 17th.
    out.push({ tid: Number(tid), comm: stat.slice(stat.indexOf('(') + 1, close), nice: Number(stat.slice(close + 2).split(' ')[16]) });
  }
  return out;
}

describe('pool thread priority (native/pool_yield.h)', () => {
  const linux = process.platform === 'linux';

  test('a job runs its pool threads at kernelPoolNice, never the JS thread, and gives each thread its nice value back', async () => {
    if (!linux) {
      console.log('skip: pool thread nice values are read from /proc (Linux only)');
      return;
    }
    const low = kernelPoolNice();
    const base = threadNices().find((t) => t.tid === process.pid)!.nice;
    if (low === 0) console.log('pool priority is off here (the default; or no CAP_SYS_NICE and RLIMIT_NICE < 20): checking that nothing changes (the forked MMARRAY_POOL_NICE test lowers it)');
    else expect(low).toBeGreaterThan(base);
    const a = mm.zeros([32 << 20], 'f8'); // 256 MiB: long enough to be sampled
    const others = (): number[] => threadNices().filter((t) => t.tid !== process.pid).map((t) => t.nice);
    expect(others().every((n) => n === base)).toBe(true);
    const seen = new Set<number>();
    const sample = (): void => {
      const all = threadNices();
      expect(all.find((t) => t.tid === process.pid)!.nice).toBe(base);
      for (const t of all) seen.add(t.nice);
    };
    const p = tmp.path('prio.npy');
    const jobs: [string, () => Promise<unknown>][] = [
      ['fillAsync', () => a.fillAsync(1, { threads: 2, onProgress: sample })],
      ['sumAsync', () => a.sumAsync({ threads: 2, onProgress: sample })],
      ['saveNpyAsync', () => mm.saveNpyAsync(p, a.index('::2'), { onProgress: sample })],
    ];
    for (const [name, job] of jobs) {
      seen.clear();
      const timer = setInterval(sample, 1);
      try {
        await job();
      } finally {
        clearInterval(timer);
      }
      // A helper may still be waking from its last wave when the promise
      // settles; it restores before it takes its next job.
      const t0 = Date.now();
      while (!others().every((n) => n === base) && Date.now() - t0 < 5000) await new Promise((r) => setTimeout(r, 10));
      expect({ name, restored: others().every((n) => n === base) }).toEqual({ name, restored: true });
      // Off (0), the threads keep the process's own nice value (jest may run niced).
      expect({ name, lowered: seen.has(low === 0 ? base : low) }).toEqual({ name, lowered: true });
      if (low === 0) expect([...seen]).toEqual([base]);
    }
    // The pool's next fs jobs run on the same threads, at their old priority.
    await Promise.all(Array.from({ length: 8 }, () => fs.promises.readFile(p)));
    expect(others().every((n) => n === base)).toBe(true);
  });
  test('MMARRAY_POOL_NICE sets the pool threads\' nice value during a job and back after (unset, 0, junk: left alone), read when the addon loads', () => {
    if (!linux) {
      console.log('skip: pool thread nice values are read from /proc (Linux only)');
      return;
    }
    const child = `
      const L = require(${JSON.stringify(path.join(DIST, 'index.js'))});
      const N = require(${JSON.stringify(path.join(DIST, 'native.js'))});
      const fs = require('fs');
      const nices = () => fs.readdirSync('/proc/self/task').map((t) => {
        try { const s = fs.readFileSync('/proc/self/task/' + t + '/stat', 'utf8'); return Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[16]); } catch { return 0; }
      });
      (async () => {
        process.env.MMARRAY_POOL_NICE = '3'; // too late: read once, at load
        const a = L.zeros([16 << 20], 'f8');
        const seen = new Set();
        const timer = setInterval(() => nices().forEach((n) => seen.add(n)), 1);
        // A job can end between two samples on a loaded machine (CI runs two
        // suites at once): up to 5 jobs, until a sample sees a second value.
        for (let i = 0; i < 5 && seen.size < 2; i++) {
          await a.fillAsync(1, { threads: 2, onProgress: () => nices().forEach((n) => seen.add(n)) });
        }
        clearInterval(timer);
        // A helper may still be waking from its last wave; it restores before its next job.
        for (let i = 0; i < 200 && nices().some((n) => n !== nices()[0]); i++) await new Promise((r) => setTimeout(r, 10));
        await Promise.all(Array.from({ length: 8 }, () => fs.promises.stat(process.execPath)));
        const base = nices()[0]; // the main thread's (this test may run niced)
        const rel = (n) => n - base;
        process.stdout.write(JSON.stringify({ nice: N.kernelPoolNice(), base, seen: [...seen].sort((x, y) => x - y).map(rel), after: [...new Set(nices())].map(rel) }));
      })();
    `;
    // seen/after: nice values relative to the child's main thread.
    const run = (env: string | undefined): { nice: number; seen: number[]; after: number[] } => {
      const e = { ...process.env };
      if (env === undefined) delete e.MMARRAY_POOL_NICE;
      else e.MMARRAY_POOL_NICE = env;
      const r = spawnSync(process.execPath, ['-e', child], { encoding: 'utf8', timeout: 120_000, env: e });
      expect(r.status).toBe(0);
      const o = JSON.parse(r.stdout) as { nice: number; base: number; seen: number[]; after: number[] };
      return { nice: o.nice, seen: o.seen, after: o.after };
    };
    expect(run(undefined)).toEqual({ nice: 0, seen: [0], after: [0] }); // off by default
    expect(run('0')).toEqual({ nice: 0, seen: [0], after: [0] });
    expect(run('junk')).toEqual({ nice: 0, seen: [0], after: [0] });
    const five = run('5');
    const baseNice = os.getPriority(); // the child inherits it
    if (five.nice === 0) {
      console.log('MMARRAY_POOL_NICE=5 is refused here (no CAP_SYS_NICE, RLIMIT_NICE < 20: a nice value could not be taken back down): it must change nothing');
      expect(five).toEqual({ nice: 0, seen: [0], after: [0] });
    } else if (baseNice >= 5) {
      // Already at nice 5 or lower priority: a pool thread is left as it is.
      expect(five).toEqual({ nice: 5, seen: [0], after: [0] });
    } else {
      expect(five).toEqual({ nice: 5, seen: [0, 5 - baseNice], after: [0] });
    }
  });
  test('the JS thread asks for a short slice while its async jobs run, and gets its own back when the last one ends', async () => {
    const sliceOf = (): number | null => {
      const m = /se\.slice\s*:\s*(\d+)/.exec(fs.readFileSync(`/proc/self/task/${process.pid}/sched`, 'utf8'));
      return m === null ? null : Number(m[1]);
    };
    if (!linux || sliceOf() === null) {
      console.log('skip: no per-task slice in /proc/self/task/*/sched (Linux before 6.6, or not Linux)');
      return;
    }
    const short = kernelLoopSlice();
    const before = sliceOf()!;
    const want = short === 0 || before <= short ? before : short;
    if (short === 0) console.log('MMARRAY_LOOP_SLICE_US=0 here: checking only that the slice never changes');
    const long = mm.zeros([32 << 20], 'f8');
    const small = mm.zeros([1 << 20], 'f8');
    const seen = new Set<number>();
    const timer = setInterval(() => seen.add(sliceOf()!), 1);
    try {
      const first = long.fillAsync(2, { threads: 1 });
      // A job that ends while another still runs leaves the short slice on.
      await small.sumAsync({ threads: 1 });
      const during = sliceOf();
      await first;
      expect(during).toBe(want);
    } finally {
      clearInterval(timer);
    }
    expect([...seen]).toEqual([want]);
    expect(sliceOf()).toBe(before);
    await mm.saveNpyAsync(tmp.path('slice.npy'), small);
    expect(sliceOf()).toBe(before);
  });

  test('MMARRAY_LOOP_SLICE_US sets the slice in µs (0: off; out of range: the default), read when the addon loads', () => {
    if (!linux) {
      console.log('skip: slices are read from /proc (Linux only)');
      return;
    }
    const child = `
      const L = require(${JSON.stringify(path.join(DIST, 'index.js'))});
      const N = require(${JSON.stringify(path.join(DIST, 'native.js'))});
      const fs = require('fs');
      const slice = () => Number((/se\\.slice\\s*:\\s*(\\d+)/.exec(fs.readFileSync('/proc/self/task/' + process.pid + '/sched', 'utf8')) || [0, -1])[1]);
      (async () => {
        const before = slice();
        const seen = new Set();
        const timer = setInterval(() => seen.add(slice()), 1);
        // (Not sampled in onProgress: its last call comes after the job ended.)
        await L.zeros([16 << 20], 'f8').fillAsync(1, { threads: 1 });
        clearInterval(timer);
        process.stdout.write(JSON.stringify({ setting: N.kernelLoopSlice(), before, seen: [...seen], after: slice() }));
      })();
    `;
    const run = (env: string): { setting: number; before: number; seen: number[]; after: number } => {
      const r = spawnSync(process.execPath, ['-e', child], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, MMARRAY_LOOP_SLICE_US: env } });
      expect(r.status).toBe(0);
      return JSON.parse(r.stdout) as { setting: number; before: number; seen: number[]; after: number };
    };
    const off = run('0');
    expect(off.setting).toBe(0);
    expect(off.seen).toEqual([off.before]);
    expect(run('50').setting).toBe(100_000);
    const half = run('500');
    expect(half.setting).toBe(500_000);
    expect(half.after).toBe(half.before);
    if (half.before === -1) console.log('skip: no per-task slice in /proc here; only the settings were checked');
    else expect(half.seen).toEqual([Math.min(500_000, half.before)]);
  });
});

describe('dropped async results come back', () => {
  test('60 copyAsync results of 80 MB, each dropped unreleased: RSS and the pool stay bounded (V8 collects them)', () => {
    const child = `
      const L = require(${JSON.stringify(path.join(DIST, 'index.js'))});
      const N = require(${JSON.stringify(path.join(DIST, 'native.js'))});
      (async () => {
        const a = L.arange(0, 10_000_000, 1, 'f8');
        let maxRss = 0, last = 0;
        for (let i = 0; i < 60; i++) {
          let r = await a.copyAsync('C');
          last = r.get(9_999_999);
          r = null;
          maxRss = Math.max(maxRss, process.memoryUsage().rss);
        }
        const s = N.poolStats();
        process.stdout.write(JSON.stringify({ maxRssMiB: maxRss / 2 ** 20, bounded: s.inUseBytes + s.idleBytes <= s.totalLimit, last }));
      })();
    `;
    const r = spawnSync(process.execPath, ['-e', child], { encoding: 'utf8', timeout: 300_000 });
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { maxRssMiB: number; bounded: boolean; last: number };
    // 60 results of 80 MB are 4.8 GB if none came back.
    expect(out.last).toBe(9_999_999);
    expect(out.bounded).toBe(true);
    expect(out.maxRssMiB).toBeLessThan(1280);
  });
});

describe('read-ahead of a cold mapped source (native/async_kernels.cc)', () => {
  const unix = process.platform === 'linux';
  // A sparse file: its pages are in no cache until something reads them.
  function coldFile(n: number): string {
    const p = tmp.path('cold.npy');
    mm.createNpy(p, '<f8', [n]).close();
    return p;
  }
  test('advises a cold source once, within its span, and not a warm one; results as the sync calls', () => {
    if (!unix) {
      console.log('skip: read-ahead uses mincore/madvise (Linux)');
      return;
    }
    const n = 8 << 20; // 64 MiB
    const out = withReadAhead('32', tmp.dir, `
      const a = L.openNpy(cold(${n}));
      const o = { distance: N.kernelReadAhead()[0] };
      let before = advised();
      o.sum = await a.sumAsync({ threads: 2 });
      o.cold = advised() - before;
      // Now every page is in the page cache: one mincore per step, no madvise.
      before = advised();
      o.warm = [await a.sumAsync({ threads: 2 }), a.sum()];
      o.warmAdvised = advised() - before;
      a.close();
      return o;
    `);
    expectAdvisedColdOnly(out, n);
  });

  test('a copy and a cast read ahead too; a reversed or a sparse (under half its span) source is not advised', () => {
    if (!unix) {
      console.log('skip: read-ahead uses mincore/madvise (Linux)');
      return;
    }
    const n = 4 << 20; // 32 MiB
    const out = withReadAhead('32', tmp.dir, `
      const o = {};
      const b = L.openNpy(cold(${n}));
      let before = advised();
      o.views = [await b.index('::-1').sumAsync(), await b.index('::4').sumAsync()];
      o.viewsAdvised = advised() - before;
      b.close();
      // (Those read every page of b: a fresh cold file each below.)
      const c = L.openNpy(cold(${n}));
      before = advised();
      o.half = (await c.index('${n / 2}:').copyAsync('C')).sum();
      o.copyAdvised = advised() - before;
      c.close();
      const d = L.openNpy(cold(${n}));
      before = advised();
      o.cast = (await d.astypeAsync('<f4')).shape;
      o.castAdvised = advised() - before;
      d.close();
      return o;
    `) as Record<string, number> & { views: number[]; cast: number[] };
    expect(out.views).toEqual([0, 0]);
    expect(out.viewsAdvised).toBe(0);
    expect(out.half).toBe(0);
    expect(out.copyAdvised).toBeGreaterThan(0);
    expect(out.copyAdvised).toBeLessThanOrEqual(n * 4 * 1.01);
    expect(out.cast).toEqual([n]);
    expect(out.castAdvised).toBeGreaterThan(0);
  });

  test('off by default: a cold async sum, copy and cast advise nothing', async () => {
    if (!unix) {
      console.log('skip: read-ahead uses mincore/madvise (Linux)');
      return;
    }
    if (process.env.MMARRAY_READ_AHEAD_MB !== undefined) {
      console.log(`skip: MMARRAY_READ_AHEAD_MB=${process.env.MMARRAY_READ_AHEAD_MB} is set in this environment`);
      return;
    }
    const n = 4 << 20;
    const a = mm.openNpy(coldFile(n));
    try {
      const before = kernelReadAhead()[1];
      expect(kernelReadAhead()[0]).toBe(0);
      expect(await a.sumAsync({ threads: 2 })).toBe(0);
      expect((await a.index(`${n / 2}:`).copyAsync('C')).size).toBe(n / 2);
      expect((await a.astypeAsync('<f4')).size).toBe(n);
      expect(kernelReadAhead()[1]).toBe(before);
    } finally {
      a.close();
    }
  });

  test('MMARRAY_READ_AHEAD_MB sets the distance (unset, 0, out of range or junk: off), read when the addon loads', () => {
    if (!unix) {
      console.log('skip: read-ahead uses mincore/madvise (Linux)');
      return;
    }
    const file = coldFile(4 << 20);
    const child = `
      const L = require(${JSON.stringify(path.join(DIST, 'index.js'))});
      const N = require(${JSON.stringify(path.join(DIST, 'native.js'))});
      (async () => {
        const a = L.openNpy(${JSON.stringify(file)});
        const before = N.kernelReadAhead()[1];
        const s = await a.sumAsync();
        a.close();
        process.stdout.write(JSON.stringify({ distance: N.kernelReadAhead()[0], advised: N.kernelReadAhead()[1] - before, s }));
      })();
    `;
    const run = (env: string): { distance: number; advised: number; s: number } => {
      const r = spawnSync(process.execPath, ['-e', child], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, MMARRAY_READ_AHEAD_MB: env } });
      expect(r.status).toBe(0);
      return JSON.parse(r.stdout) as { distance: number; advised: number; s: number };
    };
    // The file is cold for the first run only when nothing read it: run 'off' first.
    const off = run('0');
    expect(off).toEqual({ distance: 0, advised: 0, s: 0 });
    expect(run('8').distance).toBe(8 << 20);
    expect(run('32').distance).toBe(32 << 20);
    expect(run('2000').distance).toBe(0);
    expect(run('x').distance).toBe(0);
    expect(run('').distance).toBe(0);
  });
});
