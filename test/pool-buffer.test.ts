// native/pool_buffer.cc over native/region_pool.cc: huge-page anonymous
// memory as ArrayBuffers, zeroed unless asked uninitialized, recycled once V8
// drops a buffer (through its weak reference in a loop that never yields,
// else its finalizer), bounded, trimmed when idle and at the last env's end.
// lib/fresh-memory.ts puts large results there, lib/async.ts its results.
// The recycling cases run in forked children with --expose-gc.
import { spawnSync } from 'child_process';
import * as path from 'path';
import * as mm from '../lib';
import { poolBuffer } from '../lib/native';

const DIST = path.resolve(__dirname, '../dist');

/** The bytes of `a` in C order. */
function bytesOf(a: mm.NdArray): Buffer {
  const c = a.copy('C');
  return Buffer.from(c.buffer, c.offset, c.nbytes);
}

describe('poolBuffer', () => {
  test('is a zeroed, writable ArrayBuffer of the length asked', () => {
    const b = poolBuffer(5 << 20 | 3)!;
    expect(b).toBeInstanceOf(ArrayBuffer);
    expect(b.byteLength).toBe((5 << 20) | 3);
    const u = new Uint8Array(b);
    expect(u.every((x) => x === 0)).toBe(true);
    u[u.length - 1] = 7;
    expect(u[u.length - 1]).toBe(7);
  });

  test('gives null for what it cannot hold: 0, negative, fractional, over 4 GiB, not a number', () => {
    for (const n of [0, -1, 1.5, 2 ** 32 + 1, NaN, Infinity, '8' as unknown as number]) expect(poolBuffer(n)).toBeNull();
  });
});

describe('async results in pool memory', () => {
  test('copyAsync / astypeAsync / byteswapAsync of 4 MiB and more equal the sync calls and stay writable', async () => {
    const a = mm.arange(0, 1 << 20, 1, '<f8').index('::-1');
    const c = await a.copyAsync();
    const t = await a.astypeAsync('>i4');
    const s = await a.byteswapAsync();
    expect(c.buffer.byteLength).toBe(8 << 20);
    expect(bytesOf(c).equals(bytesOf(a))).toBe(true);
    expect(bytesOf(t).equals(bytesOf(a.astype('>i4')))).toBe(true);
    expect(bytesOf(s).equals(bytesOf(a.byteswap()))).toBe(true);
    c.set([0], -1);
    expect(c.get(0)).toBe(-1);
  });

  test('a forked child dropping hundreds of MiB of results survives the GC and the unmaps on the pool', () => {
    const child = `
      const L = require(${JSON.stringify(path.join(DIST, 'index.js'))});
      (async () => {
        const a = L.arange(0, 4 << 20, 1, '<f8');
        let sum = 0;
        for (let i = 0; i < 40; i++) {
          const c = await a.copyAsync();
          sum += c.get(i);
          if (i % 8 === 7) global.gc();
          await new Promise((r) => setImmediate(r));
        }
        process.stdout.write(String(sum));
      })();
    `;
    const r = spawnSync(process.execPath, ['--expose-gc', '-e', child], { encoding: 'utf8', timeout: 120_000 });
    expect(r.signal).toBeNull();
    expect(r.stdout).toBe(String((39 * 40) / 2));
  });
});

/** Runs `code` in a child node with --expose-gc (N = dist/native, L = dist); its stdout parsed as JSON. */
function child(code: string, timeout = 120_000): Record<string, unknown> {
  const src = `const N = require(${JSON.stringify(path.join(DIST, 'native.js'))}); const L = require(${JSON.stringify(path.join(DIST, 'index.js'))});
    (async () => { ${code} })().catch((e) => { console.error(e); process.exit(3); });`;
  const r = spawnSync(process.execPath, ['--expose-gc', '-e', src], { encoding: 'utf8', timeout });
  expect(r.signal).toBeNull();
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

describe('region pool', () => {
  test('a dropped buffer comes back: zeroed when asked zeroed, with its old bytes only when asked uninitialized', () => {
    const out = child(`
      const M = 8 << 20;
      let a = N.poolBuffer(M, true);
      new Uint8Array(a).fill(0xab);
      const maps = N.poolStats().freshMaps;
      a = null; global.gc();
      let z = N.poolBuffer(M);
      const zeroed = new Uint8Array(z).every((x) => x === 0);
      const reused = N.poolStats().freshMaps === maps;
      new Uint8Array(z).fill(0xcd);
      z = null; global.gc();
      const u = new Uint8Array(N.poolBuffer(M, true));
      process.stdout.write(JSON.stringify({ zeroed, reused, stale: u[0] === 0xcd && u[M - 1] === 0xcd, reusedAgain: N.poolStats().freshMaps === maps }));
    `);
    expect(out).toEqual({ zeroed: true, reused: true, stale: true, reusedAgain: true });
  });

  test('a transfer attempt copies the buffer, so memory still reachable from JS is never handed out again', () => {
    const out = child(`
      const { Worker } = require('worker_threads');
      const M = 8 << 20;
      let a = N.poolBuffer(M, true);
      new Uint8Array(a).fill(7);
      const clone = structuredClone(a, { transfer: [a] });
      const attached = a.byteLength === M;
      a = null; global.gc();
      for (let i = 0; i < 4; i++) new Uint8Array(N.poolBuffer(M, true)).fill(9);
      const cloneKept = new Uint8Array(clone).every((x) => x === 7);
      // A worker makes a pool-backed result, posts it with a transfer list and exits.
      const src = 'const L = require(' + JSON.stringify(${JSON.stringify(path.join(DIST, 'index.js'))}) + ');' +
        'const r = L.arange(0, 1 << 20, 1, "<f8").copy(); require("worker_threads").parentPort.postMessage(r.buffer, [r.buffer]);';
      const w = new Worker(src, { eval: true });
      // Listen for 'exit' first: a worker that ends at once has its message
      // delivered while Node handles its exit, in the same turn as 'exit'.
      const exited = new Promise((res) => w.once('exit', res));
      const got = await new Promise((res) => w.once('message', res));
      await exited;
      for (let i = 0; i < 4; i++) new Float64Array(L.arange(0, 1 << 20, 1, '<f8').index('::-1').copy().buffer).fill(-1);
      global.gc();
      await new Promise((res) => setTimeout(res, 50));
      const f = new Float64Array(got);
      let workerKept = f.length === 1 << 20;
      for (let i = 0; i < f.length && workerKept; i++) workerKept = f[i] === i;
      process.stdout.write(JSON.stringify({ attached, cloneKept, workerKept }));
    `);
    expect(out).toEqual({ attached: true, cloneKept: true, workerKept: true });
  });

  test('a loop of 80 MB copies that never yields reuses its dropped results: RSS stays bounded', () => {
    const out = child(`
      const a = L.arange(0, 10_000_000, 1, '<f8');
      const ring = [];
      let maxRss = 0;
      for (let i = 0; i < 60; i++) {
        ring.push(a.copy());
        if (ring.length > 4) ring.shift();
        maxRss = Math.max(maxRss, process.memoryUsage().rss);
      }
      const s = N.poolStats();
      process.stdout.write(JSON.stringify({ maxRssMiB: maxRss / 2 ** 20, bounded: s.inUseBytes + s.idleBytes <= s.totalLimit, last: ring[3].get(9_999_999) }));
    `);
    // 60 results of 80 MB: 4.8 GB without reuse; the ring holds 320 MB.
    expect(out.bounded).toBe(true);
    expect(out.last).toBe(9_999_999);
    expect(out.maxRssMiB).toBeLessThan(1280);
  });

  test('idle regions are unmapped after a second, and workers that use the pool can come and go', () => {
    const out = child(`
      const { Worker } = require('worker_threads');
      const src = 'const L = require(' + JSON.stringify(${JSON.stringify(path.join(DIST, 'index.js'))}) + ');' +
        'let s = 0; for (let i = 0; i < 6; i++) s += L.arange(0, 1 << 20, 1, "<f8").copy().get(5); require("worker_threads").parentPort.postMessage(s);';
      let sum = 0;
      for (let i = 0; i < 6; i++) {
        const w = new Worker(src, { eval: true });
        const exited = new Promise((res) => w.once('exit', res)); // before 'message': see above
        sum += await new Promise((res) => w.once('message', res));
        if (i % 2) await w.terminate(); else await exited;
      }
      let a = N.poolBuffer(8 << 20, true);
      a = null; global.gc();
      await new Promise((res) => setTimeout(res, 20));
      const idleAfterDrop = N.poolStats().idleBytes;
      await new Promise((res) => setTimeout(res, 1800));
      process.stdout.write(JSON.stringify({ sum, idleAfterDrop, idleLater: N.poolStats().idleBytes }));
    `);
    expect(out.sum).toBe(6 * 6 * 5);
    expect(out.idleAfterDrop).toBeGreaterThanOrEqual(8 << 20);
    expect(out.idleLater).toBe(0);
  });
});
