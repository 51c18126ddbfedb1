// lib/async.ts's uniqueAsync (native/sort_kernels.cc's UniqueJob on the
// pool, its checkpoints from native/sort_checkpoint.h): the results unique
// gives, bit for bit, over random strided views of every dtype, both byte
// orders and every option (NumPy's own unique checked beside them); its
// paths on the JS thread (axis, complex, bool with flags); errors as
// rejections; an abort or a close() mid-flight rejects and writes nothing
// of the input; progress non-decreasing to nbytes; a forked child closing
// mid-unique lives.
import * as fs from 'fs';
import * as os from 'os';
import * as mm from '../lib';
import * as native from '../lib/native';
import type { NdArray, UniqueResult } from '../lib';
import { bytesOf, expectSameBytes, NUMERIC, randomArray, views } from './helpers/async-arrays';
import { hasNumpy, runNumpy } from './helpers/numpy';
import { closeMidCall } from './helpers/child';
import { useTempDir } from './helpers/tmp';

const tmp = useTempDir('mmarray-async-unique-');

type Flags = { returnCounts?: boolean; returnInverse?: boolean; returnIndex?: boolean };
const FLAGS: Flags[] = [{}, { returnCounts: true }, { returnInverse: true }, { returnIndex: true }, { returnCounts: true, returnInverse: true, returnIndex: true }];

/** Fails unless two unique results hold the same dtypes, shapes and bytes. */
function expectSameResult(got: UniqueResult, want: UniqueResult): void {
  for (const k of ['values', 'counts', 'inverse', 'index'] as const) {
    const g = got[k];
    const w = want[k];
    if (w === null) {
      expect(g).toBeNull();
      continue;
    }
    expect(g).not.toBeNull();
    expect([k, g!.dtype.str, g!.shape]).toEqual([k, w.dtype.str, w.shape]);
    expectSameBytes(g!, w);
  }
}

/** `a` with NaNs of two payloads and a few -0 (floats); as it is otherwise. */
function withSpecials(a: NdArray): NdArray {
  if (a.dtype.kind !== 'f') return a;
  const flat = a.reshape(-1);
  for (let k = 0; k < flat.size; k += 97) flat.set([k], k % 2 ? NaN : -0);
  return a;
}

describe('uniqueAsync', () => {
  for (const t of [...NUMERIC, 'f2', 'c8', 'c16']) {
    for (const order of t === 'b1' || t.endsWith('1') ? ['|'] : ['<', '>']) {
      const dt = order === '|' ? t : order + t;
      test(`${dt}: the results unique gives, over random strided views and every option`, async () => {
        let seed = 17;
        for (const shape of [[5000], [40, 70], [6, 9, 11]]) {
          const f8 = t === 'f2' || t.startsWith('c');
          const base = withSpecials(f8 ? randomArray('f8', shape, seed++).astype(dt) : randomArray(dt, shape, seed++));
          for (const v of views(base, seed++)) {
            for (const flags of FLAGS) expectSameResult(await mm.uniqueAsync(v, flags), mm.unique(v, flags));
          }
        }
        // Few distinct values among many items (the kernel's hash path), with
        // the signed zeros and NaNs the first of each is kept of.
        const few = withSpecials(mm.arange(0, 20000).astype(f8OrSelf(dt)));
        const small = mm.remainder(few, 7).astype(dt);
        for (const flags of [{}, { returnCounts: true }, { returnIndex: true }]) {
          expectSameResult(await mm.uniqueAsync(small, flags), mm.unique(small, flags));
        }
      });
    }
  }

  function f8OrSelf(dt: string): string {
    return dt.includes('c') || dt.includes('f') ? 'f8' : 'i8';
  }

  const numpyTest = hasNumpy() ? test : test.skip;
  if (!hasNumpy()) console.log('SKIP uniqueAsync against NumPy: python3 with numpy is not installed');
  numpyTest("NumPy's np.unique gives the same values, counts, index and inverse (float64 with NaNs and -0, int16 big-endian)", async () => {
    for (const dt of ['<f8', '>i2']) {
      const a = withSpecials(randomArray(dt, [3000], 5)).index('::-2');
      // Few distinct values, so that NaN folding and the counts matter.
      const b = mm.remainder(a, dt === '<f8' ? 3.5 : 9).astype(dt);
      const r = await mm.uniqueAsync(b, { returnCounts: true, returnInverse: true, returnIndex: true });
      const want = runNumpy<{ values: string; counts: number[]; index: number[]; inverse: number[] }>(
        `a = np.frombuffer(bytes.fromhex(sys.stdin.read()), dtype='${dt}')
v, i, inv, c = np.unique(a, return_index=True, return_inverse=True, return_counts=True)
print(json.dumps({'values': v.tobytes().hex(), 'counts': c.tolist(), 'index': i.tolist(), 'inverse': inv.tolist()}))`,
        Buffer.from(bytesOf(b)).toString('hex'),
      );
      expect(Buffer.from(bytesOf(r.values)).toString('hex')).toBe(want.values);
      expect(r.counts!.toArray()).toEqual(want.counts.map(BigInt));
      expect(r.index!.toArray()).toEqual(want.index.map(BigInt));
      expect(r.inverse!.toArray()).toEqual(want.inverse.map(BigInt));
    }
  });

  test('a read-only mapping on the pool (a plain array back, as unique gives); axis, complex and bool with flags on the JS thread', async () => {
    const src = withSpecials(randomArray('<f8', [300, 64], 3));
    const p = tmp.file(bytesOf(src));
    const m = mm.memmap(p, { dtype: '<f8', mode: 'r', shape: [300, 64] });
    for (const flags of FLAGS) expectSameResult(await mm.uniqueAsync(m, flags), mm.unique(m, flags));
    const got = await mm.uniqueAsync(m);
    expect(Object.getPrototypeOf(got.values)).toBe(Object.getPrototypeOf(mm.unique(m).values));
    m.close();
    const i = mm.remainder(randomArray('i4', [50, 30], 9), 3);
    for (const axis of [0, 1, -1]) {
      expectSameResult(await mm.uniqueAsync(i, { axis, returnInverse: true, returnCounts: true }), mm.unique(i, { axis, returnInverse: true, returnCounts: true }));
    }
    expectSameResult(await mm.uniqueAsync(i.reshape(-1), { axis: 0 }), mm.unique(i.reshape(-1), { axis: 0 }));
    const c = randomArray('f8', [600], 4).astype('c16');
    expectSameResult(await mm.uniqueAsync(c), mm.unique(c));
    const bools = randomArray('u1', [600], 6).view('?');
    expectSameResult(await mm.uniqueAsync(bools, { returnIndex: true }), mm.unique(bools, { returnIndex: true }));
    const tiny = mm.array([3, 1, 3, 2], 'f8');
    expect((await mm.uniqueAsync(tiny)).values.toArray()).toEqual([1, 2, 3]);
  });

  test('values and counts of 1 MiB or more are region-pool memory (the GC frees them off the JS thread): release() gives their regions back at once', async () => {
    // 2^18 distinct float64 (a permutation): 2 MiB of values, 2 MiB of counts.
    const n = 1 << 18;
    const a = mm.fromBuffer(Float64Array.from({ length: n }, (_, i) => (i * 7919) % n));
    const r = await mm.uniqueAsync(a, { returnCounts: true });
    expect(r.values.size).toBe(n);
    expect(Array.from(r.values.index('-3:').typedArray() as Float64Array)).toEqual([n - 3, n - 2, n - 1]);
    const held = native.poolStats().handedOutBytes;
    r.values.release();
    const afterValues = native.poolStats().handedOutBytes;
    r.counts!.release();
    const afterCounts = native.poolStats().handedOutBytes;
    // A heap block's buffer is only detached: the pool's figures stay.
    expect(held - afterValues).toBeGreaterThanOrEqual(n * 8);
    expect(afterValues - afterCounts).toBeGreaterThanOrEqual(n * 8);
  });

  test('errors are the sync errors, as rejections: closed, axis, options, not an array', async () => {
    const p = tmp.file(new Uint8Array(8 * 4096).fill(7));
    const r = mm.memmap(p, { dtype: 'f8', mode: 'r' });
    await expect(mm.uniqueAsync(r, { axis: 2 })).rejects.toThrow(/axis 2 is out of bounds/);
    await expect(mm.uniqueAsync(r, { threads: 0 })).rejects.toThrow(RangeError);
    await expect(mm.uniqueAsync(r, { return_counts: true } as unknown as object)).rejects.toThrow(/unexpected keyword argument 'return_counts'.*returnCounts/);
    await expect(mm.uniqueAsync(r, null as unknown as object)).rejects.toThrow(TypeError);
    await expect(mm.uniqueAsync(r, { signal: 'no' as unknown as AbortSignal })).rejects.toThrow(TypeError);
    await expect(mm.uniqueAsync({} as NdArray)).rejects.toThrow(TypeError);
    r.close();
    await expect(mm.uniqueAsync(r)).rejects.toMatchObject({ code: 'ERR_CLOSED' });
    const c = new AbortController();
    c.abort();
    await expect(mm.uniqueAsync(randomArray('f8', [4096], 5), { signal: c.signal })).rejects.toBeInstanceOf(mm.AbortError);
  });

  test('an abort mid-flight rejects at the next checkpoint, the input as it was; progress non-decreasing to nbytes', async () => {
    const a = randomArray('<f8', [1 << 22], 21);
    const orig = bytesOf(a);
    const want = mm.unique(a, { returnInverse: true });
    const t0 = performance.now();
    const whole = await mm.uniqueAsync(a, { returnInverse: true });
    const full = performance.now() - t0;
    expectSameResult(whole, want);
    let aborted = 0;
    for (let attempt = 0; attempt < 4 && aborted === 0; attempt++) {
      const c = new AbortController();
      const work = mm.uniqueAsync(a, { returnInverse: true, signal: c.signal }).then(() => 'finished', (e: unknown) => e);
      await new Promise((r) => setTimeout(r, Math.min(50, full / 8)));
      const t1 = performance.now();
      c.abort();
      const outcome = await work;
      const latency = performance.now() - t1;
      expect(Buffer.compare(bytesOf(a), orig)).toBe(0);
      if (outcome === 'finished') continue;
      expect(outcome).toBeInstanceOf(mm.AbortError);
      console.log(`uniqueAsync abort of 2^22 float64: rejected ${latency.toFixed(1)} ms after abort(); the whole call took ${full.toFixed(0)} ms (load ${os.loadavg()[0].toFixed(1)})`);
      // Within half a call: no stretch of the kernel goes without a checkpoint (its scratch,
      // zero-filled before the first one, held an abort 433 ms of a 750 ms call at load 2.5).
      expect(latency).toBeLessThan(full / 2);
      aborted++;
    }
    expect(aborted).toBe(1);
    // An abort as soon as the call returned (while it waits for the GC before the job):
    // no job is started then (one was, whose abort listener came after the abort, and it
    // ran whole and resolved).
    for (let k = 0; k < 2; k++) {
      const early = new AbortController();
      const work = mm.uniqueAsync(a, { returnInverse: true, signal: early.signal });
      if (k === 1) await Promise.resolve();
      early.abort();
      await expect(work).rejects.toBeInstanceOf(mm.AbortError);
    }
    // An abort from onProgress (once it moved) rejects too.
    const c = new AbortController();
    await expect(mm.uniqueAsync(a, { signal: c.signal, onProgress: (d) => { if (d > 0) c.abort(); } })).rejects.toBeInstanceOf(mm.AbortError);
    for (const flags of [{}, { returnCounts: true, returnIndex: true }]) {
      const seen: [number, number][] = [];
      const r = await mm.uniqueAsync(a, { ...flags, onProgress: (d, t) => seen.push([d, t]) });
      expectSameResult(r, mm.unique(a, flags));
      for (let i = 1; i < seen.length; i++) expect(seen[i][0]).toBeGreaterThanOrEqual(seen[i - 1][0]);
      expect(seen.every(([d, t]) => t === a.nbytes && d <= t)).toBe(true);
      expect(seen[seen.length - 1]).toEqual([a.nbytes, a.nbytes]);
    }
    // What onProgress throws is the call's rejection.
    await expect(mm.uniqueAsync(a, { onProgress: () => { throw new Error('from onProgress'); } })).rejects.toThrow('from onProgress');
  });

  test('close() during a uniqueAsync of a mapping: resolves with unique\'s results or rejects ERR_CLOSED; the file as it was', async () => {
    const orig = bytesOf(randomArray('<f8', [1 << 22], 23));
    const p = tmp.file(orig, 'unique.bin');
    let m = mm.memmap(p, { dtype: '<f8', mode: 'r' });
    const want = mm.unique(m, { returnCounts: true });
    const t0 = performance.now();
    expectSameResult(await mm.uniqueAsync(m, { returnCounts: true }), want);
    const full = performance.now() - t0;
    m.close();
    const outcomes = new Set<string>();
    for (let i = 0; i < 4; i++) {
      m = mm.memmap(p, { dtype: '<f8', mode: 'r' });
      const work = mm.uniqueAsync(m, { returnCounts: true });
      if (i % 2) await new Promise((r) => setTimeout(r, full / 4));
      const t1 = performance.now();
      m.close();
      const closing = performance.now() - t1;
      const outcome = await work.then((r) => {
        expectSameResult(r, want);
        return 'value';
      }, (e: { code?: string }) => e.code ?? String(e));
      outcomes.add(outcome);
      if (outcome === 'ERR_CLOSED') expect(closing).toBeLessThan(Math.max(full / 3, 50));
      expect(Buffer.compare(new Uint8Array(fs.readFileSync(p)), orig)).toBe(0);
    }
    expect([...outcomes].every((o) => o === 'value' || o === 'ERR_CLOSED')).toBe(true);
    expect(outcomes.has('ERR_CLOSED')).toBe(true);
  });

  test('lifetimes: a forked child closing mid-unique 500 times lives', () => {
    closeMidCall(tmp.sparse(1 << 20, 'unique-child.bin'), "{ dtype: 'f8', mode: 'r', shape: [256, 512] }", 'L.uniqueAsync(m, i % 2 ? { returnInverse: true, returnIndex: true } : { returnCounts: true })', 500);
  });
});
