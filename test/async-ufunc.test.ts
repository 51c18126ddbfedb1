// lib/async.ts's ufuncAsync (native/ufunc_kernels.cc's pool job): the bytes
// the sync ufunc gives (new results, out, where, overlap, broadcasting, every
// numeric dtype, 1 to 3 threads); errors as rejections before any write; an
// abort leaves each element a result or as it was (one thread: a prefix);
// close() during the loop settles with the value or ERR_CLOSED.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as mm from '../lib';
import type { NdArray } from '../lib';
import { bytesOf, expectSameBytes, NUMERIC, randomArray } from './helpers/async-arrays';
import { useTempDir } from './helpers/tmp';
import { captureKernels } from '../lib/kernels';
import { kernelUfuncAsync } from '../lib/native';

const tmp = useTempDir('mmarray-async-ufunc-');

describe('ufuncAsync', () => {
  test('the bytes the sync ufunc gives: new results, out (same and another dtype), where, overlap, broadcasting, every numeric dtype', async () => {
    let seed = 21;
    for (const t of NUMERIC) {
      for (const order of t === 'b1' || t.endsWith('1') ? ['|'] : ['<', '>']) {
        const dt = order === '|' ? t : order + t;
        const x = randomArray(dt, [64, 300], seed++);
        const y = randomArray(dt, [300], seed++);
        for (const [f, ins] of [[mm.add, [x, y]], [mm.multiply, [x.index('::-2'), 3]], [mm.maximum, [x.transpose(), x.transpose()]], [mm.less, [x, y]]] as const) {
          const want = (f as (...a: unknown[]) => NdArray)(...ins);
          const got = await mm.ufuncAsync(f, ins);
          expect(got.dtype.str).toBe(want.dtype.str);
          expectSameBytes(got, want);
        }
        const out = randomArray(dt, [64, 300], seed++);
        const wantOut = out.copy();
        mm.add(x, y, { out: wantOut, casting: 'unsafe' });
        expect(await mm.ufuncAsync(mm.add, [x, y], { out, casting: 'unsafe' })).toBe(out);
        expectSameBytes(out, wantOut);
        // In place over a reversed view of itself (the ufunc reads a copy), and under a mask.
        const w = mm.less(x.astype('f8'), 0.5);
        const a = x.copy();
        const b = x.copy();
        mm.add(b.index('::-1'), b, { out: b, where: w, casting: 'unsafe' });
        await mm.ufuncAsync(mm.add, [a.index('::-1'), a], { out: a, where: w, casting: 'unsafe' });
        expectSameBytes(a, b);
      }
    }
    const f = randomArray('<f8', [100_000], 3);
    const wantSqrt = mm.sqrt(f);
    expectSameBytes(await mm.ufuncAsync(mm.sqrt, [f]), wantSqrt);
    const into = mm.zeros([100_000], '<f4');
    await mm.ufuncAsync(mm.sqrt, [f], { out: into, casting: 'same_kind' });
    expectSameBytes(into, mm.sqrt(f).astype('<f4'));
  });

  // The 1-d array spans several runs of about 1 MiB of output (so each
  // thread takes some) where the output is 8 bytes wide; the other dtypes
  // run the same sharing over a shorter one. One test per dtype: all in one
  // ran past jest's 2 minutes on a loaded machine.
  const LONG_FLAT = new Set(['<f8', '>f8', '<i8']);
  let firstSeed = 61;
  for (const t of NUMERIC) {
    for (const order of t === 'b1' || t.endsWith('1') ? ['|'] : ['<', '>']) {
      const dt = order === '|' ? t : order + t;
      const seed0 = firstSeed;
      firstSeed += 4;
      test(`${dt}: threads 2 and 3 give the sync bytes: rows longer and shorter than a chunk, 1-d, out of another dtype, where, broadcasting`, async () => {
        let seed = seed0;
        const x = randomArray(dt, [7, 9000], seed++);
        const y = randomArray(dt, [9000], seed++);
        const n = LONG_FLAT.has(dt) ? 300_001 : 30_001;
        const flat = randomArray(dt, [n], seed++);
        const w = mm.less(randomArray('f8', [7, 9000], seed++), 0);
        for (const threads of [2, 3]) {
          for (const [f, ins] of [[mm.add, [x, y]], [mm.multiply, [x.index('::-2, ::3'), 3]], [mm.less, [x.transpose(), x.transpose()]], [mm.sqrt, [flat]], [mm.maximum, [flat.index('::-1'), flat]], [mm.add, [x.index(':, :100'), 1]]] as const) {
            const want = (f as (...a: unknown[]) => NdArray)(...ins);
            const got = await mm.ufuncAsync(f, ins, { threads });
            expect(got.dtype.str).toBe(want.dtype.str);
            expect(Buffer.compare(bytesOf(got), bytesOf(want))).toBe(0);
          }
          const out = randomArray(dt, [7, 9000], seed);
          const wantOut = out.copy();
          mm.add(x, y, { out: wantOut, where: w, casting: 'unsafe' });
          expect(await mm.ufuncAsync(mm.add, [x, y], { out, where: w, casting: 'unsafe', threads })).toBe(out);
          expect(Buffer.compare(bytesOf(out), bytesOf(wantOut))).toBe(0);
          const into = mm.zeros([n], '>f4');
          const wantInto = mm.zeros([n], '>f4');
          mm.multiply(flat, flat, { out: wantInto, casting: 'unsafe' });
          await mm.ufuncAsync(mm.multiply, [flat, flat], { out: into, casting: 'unsafe', threads });
          expect(Buffer.compare(bytesOf(into), bytesOf(wantInto))).toBe(0);
        }
      });
    }
  }

  test('threads 3: a negative integer power is still found when another thread meets it', async () => {
    const ints = mm.arange(0, 1 << 20, 1, 'i8');
    const exps = mm.ones([1 << 20], 'i8');
    exps.set([(1 << 20) - 5], -1);
    await expect(mm.ufuncAsync(mm.power, [ints, exps], { threads: 3 })).rejects.toThrow(mm.ValueError);
  });

  test('threads 2: abort leaves each element a result or as it was; progress non-decreasing to the output bytes; close() during the loop', async () => {
    // power(1, 2.5) is 1 and takes ~50 ms over 16M float32 (an add takes
    // ~7 ms, which a loaded machine can finish before the JS thread sees the
    // first progress report and aborts).
    const x = mm.ones([16 << 20], 'f4');
    let stopped = 0;
    for (let attempt = 0; attempt < 8 && stopped === 0; attempt++) {
      const out = mm.zeros([16 << 20], 'f4');
      const c = new AbortController();
      const outcome = await mm
        .ufuncAsync(mm.power, [x, 2.5], { out, threads: 2, signal: c.signal, onProgress: (d) => { if (d > 0) c.abort(); } })
        .then(() => 'finished', (e: unknown) => e);
      if (outcome === 'finished') continue;
      expect(outcome).toBeInstanceOf(mm.AbortError);
      const written = out.sum() as number;
      // Every element 0 (as it was) or 1 (its result), some of each.
      expect(Number(mm.equal(out, 0).sum()) + Number(mm.equal(out, 1).sum())).toBe(out.size);
      if (written === out.size) continue;
      expect(written).toBeGreaterThan(0);
      stopped++;
    }
    expect(stopped).toBe(1);
    const seen: [number, number][] = [];
    const small = mm.zeros([1 << 21], 'f8');
    await mm.ufuncAsync(mm.add, [small, 1], { out: small, threads: 3, onProgress: (d, t) => seen.push([d, t]) });
    for (let i = 1; i < seen.length; i++) expect(seen[i][0]).toBeGreaterThanOrEqual(seen[i - 1][0]);
    expect(seen[seen.length - 1]).toEqual([small.nbytes, small.nbytes]);
    expect(small.min()).toBe(1);
    const p = tmp.sparse(32 << 20, 'ufunc-threads.bin');
    const outcomes = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const m = mm.memmap(p, { dtype: 'f8', mode: 'r+' });
      const work = mm.ufuncAsync(mm.add, [m, 1], { out: m, threads: 2 });
      if (i % 2) await new Promise((res) => setImmediate(res));
      m.close();
      outcomes.add(await work.then(() => 'value', (e: { code?: string }) => e.code ?? String(e)));
    }
    expect([...outcomes].every((o) => o === 'value' || o === 'ERR_CLOSED')).toBe(true);
    expect(outcomes.has('ERR_CLOSED')).toBe(true);
  });

  test('errors as rejections before any write: read-only out, closed, bad cast, negative power, bad arguments', async () => {
    const p = tmp.file(new Uint8Array(8 * 4096).fill(7));
    const r = mm.memmap(p, { dtype: 'u1', mode: 'r' });
    await expect(mm.ufuncAsync(mm.add, [r, 1], { out: r })).rejects.toMatchObject({ code: 'ERR_READ_ONLY' });
    expect(fs.readFileSync(p).every((b) => b === 7)).toBe(true);
    const ints = mm.arange(0, 4096, 1, 'i8');
    await expect(mm.ufuncAsync(mm.power, [ints, -1])).rejects.toThrow(mm.ValueError);
    await expect(mm.ufuncAsync(mm.add, [mm.zeros([4096], 'f8'), 1], { out: mm.zeros([4096], 'i4') })).rejects.toThrow(/Cannot cast|same_kind/);
    await expect(mm.ufuncAsync(mm.add, [r, r], { threads: 0 })).rejects.toThrow(RangeError);
    await expect(mm.ufuncAsync(42 as unknown as () => NdArray, [r])).rejects.toThrow(TypeError);
    await expect(mm.ufuncAsync(mm.add, r as unknown as NdArray[])).rejects.toThrow(TypeError);
    r.close();
    await expect(mm.ufuncAsync(mm.add, [r, 1])).rejects.toMatchObject({ code: 'ERR_CLOSED' });
    const c = new AbortController();
    c.abort();
    const a = mm.zeros([1 << 16], 'f8');
    await expect(mm.ufuncAsync(mm.add, [a, 1], { out: a, signal: c.signal })).rejects.toBeInstanceOf(mm.AbortError);
    expect(a.sum()).toBe(0);
    // Scalars only: the ufunc's value, as a promise.
    expect((await mm.ufuncAsync(mm.add, [1, 2])).toArray()).toBe(mm.add(1, 2).toArray());
  });

  test('abort mid-flight leaves a written prefix; progress non-decreasing to the output bytes; close() during the loop', async () => {
    // power(1, 2.5) is 1 and slow enough (~50 ms here) for the abort to land
    // inside the loop on a loaded machine.
    const x = mm.ones([16 << 20], 'f4');
    let stopped = 0;
    for (let attempt = 0; attempt < 8 && stopped === 0; attempt++) {
      const out = mm.zeros([16 << 20], 'f4');
      const c = new AbortController();
      const outcome = await mm
        .ufuncAsync(mm.power, [x, 2.5], { out, signal: c.signal, onProgress: (d) => { if (d > 0) c.abort(); } })
        .then(() => 'finished', (e: unknown) => e);
      if (outcome === 'finished') continue;
      expect(outcome).toBeInstanceOf(mm.AbortError);
      const written = out.sum() as number;
      if (written === out.size) continue;
      expect(written).toBeGreaterThan(0);
      // A prefix: every item before the first 0 is 1, none after it.
      expect(out.index(`:${written}`).min()).toBe(1);
      expect(out.index(`${written}:`).max()).toBe(0);
      stopped++;
    }
    expect(stopped).toBe(1);
    const seen: [number, number][] = [];
    const small = mm.zeros([1 << 20], 'f8');
    await mm.ufuncAsync(mm.add, [small, 1], { out: small, onProgress: (d, t) => seen.push([d, t]) });
    for (let i = 1; i < seen.length; i++) expect(seen[i][0]).toBeGreaterThanOrEqual(seen[i - 1][0]);
    expect(seen[seen.length - 1]).toEqual([small.nbytes, small.nbytes]);
    const p = tmp.sparse(32 << 20, 'ufunc.bin');
    const outcomes = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const m = mm.memmap(p, { dtype: 'f8', mode: 'r+' });
      const work = mm.ufuncAsync(mm.add, [m, 1], { out: m });
      if (i % 2) await new Promise((res) => setImmediate(res));
      m.close();
      outcomes.add(await work.then(() => 'value', (e: { code?: string }) => e.code ?? String(e)));
    }
    expect([...outcomes].every((o) => o === 'value' || o === 'ERR_CLOSED')).toBe(true);
    expect(outcomes.has('ERR_CLOSED')).toBe(true);
  });
  // NumPy's copy-if-overlap rule on the pool: the job copies the inputs and
  // the mask that `out` overlaps before it writes, so the result is the sync
  // ufunc's (which goes through a temporary). On the pool, not the JS thread:
  // progress ends at the output's bytes (the JS-thread path reports (0, 0)).
  test('an out that overlaps an input or the mask: the sync bytes, on the pool (shifted, reversed, broadcast, masked, strided)', async () => {
    let seed = 301;
    for (const dt of ['<f8', '>f8', '<i4', '|u1', '<f4']) {
      const base = randomArray(dt, [4000], seed++);
      const mask = mm.less(randomArray('f8', [3999], seed++), 0.5);
      type Case = [string, (a: NdArray) => [(...x: never[]) => unknown, unknown[], NdArray, object]];
      const cases: Case[] = [
        ['shifted right', (a) => [mm.add, [a.index(':-1'), a.index('1:')], a.index('1:'), {}]],
        ['shifted left', (a) => [mm.subtract, [a.index('1:'), a.index(':-1')], a.index(':-1'), {}]],
        ['reversed', (a) => [mm.multiply, [a.index('::-1'), a], a, {}]],
        ['reversed unary', (a) => [mm.negative, [a.index('::-1')], a, {}]],
        ['strided halves', (a) => [mm.maximum, [a.index('::2'), a.index('1::2')], a.index(':2000'), {}]],
        ['broadcast row', (a) => [mm.add, [a.reshape(40, 100), a.reshape(40, 100).index('3')], a.reshape(40, 100), {}]],
        ['masked, mask overlaps out', (a) => [mm.add, [a.index('1:'), 1], a.index(':-1'), { where: mask }]],
        ['exact alias', (a) => [mm.add, [a, a], a, {}]],
      ];
      for (const [name, make] of cases) {
        const a = base.copy();
        const b = base.copy();
        const [f, insB, outB, opts] = make(b);
        (f as (...x: unknown[]) => unknown)(...insB, { ...opts, out: outB, casting: 'unsafe' });
        const [, insA, outA] = make(a);
        const seen: [number, number][] = [];
        const got = await mm.ufuncAsync(f, insA, { ...opts, out: outA, casting: 'unsafe', onProgress: (d, t) => seen.push([d, t]) });
        expect([name, dt, got === outA]).toEqual([name, dt, true]);
        expectSameBytes(a, b);
        expect([name, dt, seen[seen.length - 1]]).toEqual([name, dt, [outA.nbytes, outA.nbytes]]);
      }
    }
    // A where mask that is out's own bytes (0/1 items seen as bool).
    const bits = mm.remainder(randomArray('|u1', [4000], seed++), 2).astype('|u1');
    const a = bits.copy();
    const b = bits.copy();
    mm.add(b.index('1:'), 1, { out: b.index(':-1'), where: b.index(':-1').view('?') });
    const seen: [number, number][] = [];
    await mm.ufuncAsync(mm.add, [a.index('1:'), 1], { out: a.index(':-1'), where: a.index(':-1').view('?'), onProgress: (d, t) => seen.push([d, t]) });
    expectSameBytes(a, b);
    expect(seen[seen.length - 1]).toEqual([3999, 3999]);
  });

  test('an overlapping out: an abort leaves each item as it was or the result; close() during the copy or the loop', async () => {
    // power(x, 2.5) of 16 Mi float32, out the reversed input: the copy, then
    // the loop (slow enough for the abort to land inside on a loaded machine).
    const n = 16 << 20;
    const x = mm.remainder(mm.arange(0, n), 7).astype('f4');
    const want = mm.power(x.index('::-1'), 2.5);
    let stopped = 0;
    for (let attempt = 0; attempt < 8 && stopped === 0; attempt++) {
      const a = x.copy();
      const c = new AbortController();
      const outcome = await mm
        .ufuncAsync(mm.power, [a.index('::-1'), 2.5], { out: a, signal: c.signal, onProgress: (d) => { if (d > 0) c.abort(); } })
        .then(() => 'finished', (e: unknown) => e);
      if (outcome === 'finished') continue;
      expect(outcome).toBeInstanceOf(mm.AbortError);
      // Every item the input (as it was) or the result: the loop read the copy.
      const ok = mm.logicalOr(mm.equal(a, x), mm.equal(a, want));
      expect(ok.all().item()).toBe(true);
      stopped++;
    }
    expect(stopped).toBe(1);
    // An abort before the job starts leaves out as it was.
    const a = x.copy();
    const c = new AbortController();
    const work = mm.ufuncAsync(mm.power, [a.index('::-1'), 2.5], { out: a, signal: c.signal });
    c.abort();
    await expect(work).rejects.toBeInstanceOf(mm.AbortError);
    expectSameBytes(a, x);
    // close() of the mapping (input and out) mid-call: the sum or ERR_CLOSED,
    // each item of the file as it was or the result, never a crash.
    const orig = mm.remainder(mm.arange(0, 4 << 20, 1, 'f8'), 11);
    const p = tmp.file(bytesOf(orig), 'overlap.bin');
    const result = mm.add(orig.index('::-1'), orig);
    const outcomes = new Set<string>();
    for (let i = 0; i < 6; i++) {
      fs.writeFileSync(p, bytesOf(orig));
      const m = mm.memmap(p, { dtype: 'f8', mode: 'r+' });
      const work = mm.ufuncAsync(mm.add, [m.index('::-1'), m], { out: m });
      if (i % 2) await new Promise((res) => setImmediate(res));
      m.close();
      outcomes.add(await work.then(() => 'value', (e: { code?: string }) => e.code ?? String(e)));
      const back = mm.memmap(p, { dtype: 'f8', mode: 'r' });
      expect(mm.logicalOr(mm.equal(back, orig), mm.equal(back, result)).all().item()).toBe(true);
      back.close();
    }
    expect([...outcomes].every((o) => o === 'value' || o === 'ERR_CLOSED')).toBe(true);
  });

  // Under AddressSanitizer (npm run test:asan preloads it into node) a child cannot run under a
  // virtual-memory limit (ASan reserves terabytes of shadow) and ASan's allocator aborts where
  // malloc would return null: the case needs the plain build.
  const sanitized = /asan/i.test(process.env.LD_PRELOAD ?? '') || process.env.ASAN_OPTIONS !== undefined;
  if (sanitized) console.log('SKIP ufuncAsync refused-copy case: needs the unsanitized addon (AddressSanitizer is preloaded)');
  (sanitized ? test.skip : test)('memory for the copy of an overlapped operand refused: a RangeError, and out unchanged (a child under a virtual-memory limit)', () => {
    // The child maps a 1 GiB file and asks for out = in + 1 shifted by one item: the job must
    // copy the input first (1 GiB). Its address space is capped just above what it holds, so
    // that copy is refused; nothing of out may be written then.
    const file = tmp.sparse(1 << 30, 'refused.bin');
    const dist = JSON.stringify(path.resolve(__dirname, '../dist/index.js'));
    const script = (call: boolean): string => `
      const L = require(${dist});
      const m = L.memmap(${JSON.stringify(file)}, { dtype: 'u1', mode: 'r+' });
      const vm = () => Number(/VmSize:\\s*(\\d+)/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'))[1]);
      if (!${call}) { console.log(vm()); process.exit(0); }
      L.ufuncAsync(L.add, [m.index('1:'), 1], { out: m.index(':-1') }).then(
        () => console.log(JSON.stringify(['resolved', m.index(':4').toArray()])),
        (e) => console.log(JSON.stringify([e.constructor.name, e.code, e.message, m.index(':4').toArray()])));`;
    const probe = spawnSync(process.execPath, ['-e', script(false)], { encoding: 'utf8', timeout: 60_000 });
    const heldKb = Number(probe.stdout.trim());
    expect(heldKb).toBeGreaterThan(1 << 20);
    // Room for the pool's threads and V8's growth, not for another 1 GiB.
    const limitKb = heldKb + (384 << 10);
    const r = spawnSync('/bin/sh', ['-c', `ulimit -v ${limitKb} && exec "$0" -e "$1"`, process.execPath, script(true)], { encoding: 'utf8', timeout: 60_000 });
    expect(r.signal).toBeNull();
    expect(JSON.parse(r.stdout.trim().split('\n').pop()!)).toEqual(['RangeError', 'ERR_OUT_OF_RANGE', 'ufuncAsync: the memory for a copy of an operand that overlaps out was refused', [0, 0, 0, 0]]);
    expect(fs.readFileSync(file).subarray(0, 1 << 20).every((b) => b === 0)).toBe(true);
  });

  test('the native job checks its copy-first list: input or mask operands only, each once (a TypeError)', () => {
    // lib/ufunc.ts always passes a valid list: record the call add(a, b, { out }) makes and hand
    // the binding bad lists (operands 0 and 1 are the inputs, 2 is out).
    // Large enough for the native loop (small arrays run in JS).
    const a = mm.arange(1 << 16, 'f8');
    const out = mm.zeros([1 << 16], 'f8');
    const { calls } = captureKernels(() => mm.add(a, a, { out }));
    expect(calls.map((c) => c.kind)).toEqual(['ufunc']);
    const [op, computeType, shape, operands] = calls[0].args as Parameters<typeof kernelUfuncAsync>;
    let settled = 0;
    const settle = (): void => {
      settled++;
    };
    for (const bad of [[2], [0, 0], [3], [-1], [0.5], ['0'], [0, 1, 0]]) {
      // The addon's TypeError is of the main realm's class, not jest's: compare its name.
      let thrown: { name?: string; message?: string } | null = null;
      try {
        kernelUfuncAsync(op, computeType, shape, operands, settle, 1, bad as number[]);
      } catch (e) {
        thrown = e as { name?: string; message?: string };
      }
      expect([bad, thrown?.name, thrown?.message]).toEqual([bad, 'TypeError', 'kernelUfuncAsync: copyFirst must list input or mask operands, each once']);
    }
    expect(settled).toBe(0);
    expect(out.sum()).toBe(0);
  });
});
