// native/pool_buffer.cc over native/region_pool.cc: huge-page anonymous
// memory as ArrayBuffers, zeroed unless asked uninitialized, recycled once V8
// drops a buffer (through its weak reference in a loop that never yields,
// else its finalizer), bounded, trimmed when idle and at the last env's end.
// lib/fresh-memory.ts puts large results there, lib/async.ts its results.
// The recycling cases run in forked children with --expose-gc.
import { spawnSync } from 'child_process';
import * as os from 'os';
import * as path from 'path';
import * as mm from '../lib';
import * as N0 from '../lib/native';
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

  test('idle regions are unmapped after the idle horizon, and workers that use the pool can come and go', () => {
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
      // A horizon after the last request (4x the gap between the last two,
      // 1-8 s) the reserve target is 0 and a region idle that long is
      // unmapped: 1.5 s at the least, polled (a loaded machine).
      const t0 = Date.now();
      await new Promise((res) => setTimeout(res, 1500));
      while (N.poolStats().idleBytes !== 0 && Date.now() - t0 < 30000) await new Promise((res) => setTimeout(res, 100));
      const s = N.poolStats();
      process.stdout.write(JSON.stringify({ sum, idleAfterDrop, idleLater: s.idleBytes, reserveLater: s.reserveBytes, targetLater: s.reserveTarget }));
    `);
    expect(out.sum).toBe(6 * 6 * 5);
    expect(out.idleAfterDrop).toBeGreaterThanOrEqual(8 << 20);
    expect(out).toMatchObject({ idleLater: 0, reserveLater: 0, targetLater: 0 });
  });
});

/** Polls `cond` (a JS expression in the child) every 20 ms for up to 10 s: child code. */
const until = (cond: string) =>
  `{ const t0 = Date.now(); while (!(${cond}) && Date.now() - t0 < 10000) await new Promise((res) => setTimeout(res, 20)); }`;

describe('region pool reserve', () => {
  test('a request no idle region fits has the pool thread pre-fault a zeroed region of its length, which the next one takes without mapping', () => {
    const out = child(`
      const M = 6 << 20;
      const s0 = N.poolStats();
      const a = N.poolBuffer(M, true);
      const s1 = N.poolStats();
      ${until('N.poolStats().reserveBytes >= M')}
      const s2 = N.poolStats();
      const b = N.poolBuffer(M);
      const s3 = N.poolStats();
      process.stdout.write(JSON.stringify({
        missMapped: s1.freshMaps - s0.freshMaps,
        target: s1.reserveTarget,
        reserved: s2.reserveBytes,
        reserveMaps: s2.reserveMaps - s0.reserveMaps,
        nextMapped: s3.freshMaps - s2.freshMaps,
        // The pool's thread may make the reserve up again right after the
        // take (the target stays): count a region it made since as refilled.
        reserveTaken: s2.reserveBytes - s3.reserveBytes + M * (s3.reserveMaps - s2.reserveMaps),
        zeroed: new Uint8Array(b).every((x) => x === 0),
        held: a.byteLength + b.byteLength,
      }));
    `);
    expect(out).toEqual({ missMapped: 1, target: 6 << 20, reserved: 6 << 20, reserveMaps: 1, nextMapped: 0, reserveTaken: 6 << 20, zeroed: true, held: 12 << 20 });
  });

  test('a request with now maps at once on a miss, raises no reserve, and reuses dropped regions like any other', () => {
    const out = child(`
      const M = 10 << 20;
      // The source in JS memory: only the async result comes from the pool.
      const src = L.fromBuffer(Float64Array.from({ length: 1 << 20 }, (_, i) => i), '<f8');
      const s0 = N.poolStats();
      let a = N.poolBuffer(M, true, true);
      const s1 = N.poolStats();
      new Uint8Array(a).fill(0x5a);
      // An async result is made the same way: no reserve either.
      const c = await src.index('::-1').copyAsync();
      await new Promise((res) => setTimeout(res, 300));
      const s2 = N.poolStats();
      a = null; global.gc();
      const z = N.poolBuffer(M, false, true);
      const s3 = N.poolStats();
      process.stdout.write(JSON.stringify({
        missMapped: s1.freshMaps - s0.freshMaps,
        target: s2.reserveTarget,
        reserveMaps: s2.reserveMaps - s0.reserveMaps,
        copied: c.get(12345),
        reused: s3.freshMaps === s2.freshMaps,
        zeroed: new Uint8Array(z).every((x) => x === 0),
      }));
    `);
    expect(out).toEqual({ missMapped: 1, target: 0, reserveMaps: 0, copied: (1 << 20) - 1 - 12345, reused: true, zeroed: true });
  });

  test('an uninitialized request takes a region that held old bytes before a zero one; a zeroed request clears such a region', () => {
    const out = child(`
      const M = 4 << 20;
      let a = N.poolBuffer(M, true);
      new Uint8Array(a).fill(0xee);
      ${until('N.poolStats().reserveBytes >= M')}
      a = null; global.gc();
      // Idle now (once the next request reclaims a's): a's region, and the
      // reserve's zeroed one, both of length M.
      let u = N.poolBuffer(M, true);
      const stale = new Uint8Array(u)[0] === 0xee;
      new Uint8Array(u).fill(0xdd);
      u = null; global.gc();
      const z1 = N.poolBuffer(M); // the zeroed reserve region
      // Only u's region is idle now, and it meets the target (M): no refill.
      const before = N.poolStats();
      const z2 = N.poolBuffer(M);
      const after = N.poolStats();
      process.stdout.write(JSON.stringify({
        stale,
        z1Zeroed: new Uint8Array(z1).every((x) => x === 0),
        z2FromOldBytes: after.freshMaps === before.freshMaps && before.reserveBytes === 0 && before.idleBytes === M,
        z2Zeroed: new Uint8Array(z2).every((x) => x === 0),
      }));
    `);
    expect(out).toEqual({ stale: true, z1Zeroed: true, z2FromOldBytes: true, z2Zeroed: true });
  });

  test('every region that held old bytes comes back zeroed to zeroed requests', () => {
    const out = child(`
      const M = 4 << 20;
      const held = [];
      for (let i = 0; i < 3; i++) { const p = N.poolBuffer(M, true); new Uint8Array(p).fill(0xa5); held.push(p); }
      held.length = 0; global.gc();
      // Take every idle region of length M zeroed: stale ones are cleared, reserve ones are zero.
      const got = [];
      let allZero = true;
      for (let i = 0; i < 8; i++) { const p = N.poolBuffer(M); allZero = allZero && new Uint8Array(p).every((x) => x === 0); got.push(p); }
      process.stdout.write(JSON.stringify({ allZero, n: got.length }));
    `);
    expect(out).toEqual({ allZero: true, n: 8 });
  });

  test('the reserve stays within its bounds, and a split region serves a shorter request', () => {
    const out = child(`
      const big = 16 << 20;
      let held = [];
      for (let i = 0; i < 4; i++) held.push(N.poolBuffer(big, true));
      ${until('N.poolStats().idleBytes >= N.poolStats().reserveTarget')}
      const s = N.poolStats();
      held = null; global.gc();
      const maps = N.poolStats().freshMaps;
      // 2 MiB requests fit in the idle 16 MiB regions: split, no new mapping.
      const small = [];
      for (let i = 0; i < 8; i++) small.push(N.poolBuffer(2 << 20, true));
      const s2 = N.poolStats();
      process.stdout.write(JSON.stringify({
        // Four misses of 16 MiB: the target is 64 MiB at most (it halves after a second without a miss).
        targetBounded: s.reserveTarget <= s.idleLimit && s.reserveTarget <= 4 * big && s.reserveMaps >= 1,
        idleBounded: s.idleBytes <= s.idleLimit && s.reserveBytes <= s.idleBytes,
        totalBounded: s.inUseBytes + s.idleBytes <= s.totalLimit,
        splitMapped: s2.freshMaps - maps,
        n: small.length,
      }));
    `);
    expect(out).toEqual({ targetBounded: true, idleBounded: true, totalBounded: true, splitMapped: 0, n: 8 });
  });

  test('the two parts of a split region, both dropped, serve a request of the whole length again', () => {
    const out = child(`
      const M = 16 << 20;
      let a = N.poolBuffer(M, true);
      new Uint8Array(a).fill(0x5a);
      a = null; global.gc();
      // Both halves of a's region (uninitialized requests prefer regions that held old bytes).
      let h1 = N.poolBuffer(M / 2, true);
      let h2 = N.poolBuffer(M / 2, true);
      const halvesOld = new Uint8Array(h1)[0] === 0x5a && new Uint8Array(h2)[0] === 0x5a;
      h1 = null; h2 = null; global.gc();
      const w = new Uint8Array(N.poolBuffer(M, true));
      process.stdout.write(JSON.stringify({ halvesOld, wholeOld: w[0] === 0x5a && w[M - 1] === 0x5a }));
    `);
    expect(out).toEqual({ halvesOld: true, wholeOld: true });
  });

  test('requests back to back keep idle regions 1 s; requests 2.2 s apart keep them 8 s (4x the gap, clamped), then give them back', () => {
    const out = child(`
      const M = 4 << 20;
      const sleep = (ms) => new Promise((res) => setTimeout(res, ms));
      let a = N.poolBuffer(M, true);
      const t0 = performance.now();
      let b = N.poolBuffer(M, true);
      const quickGap = performance.now() - t0; // at least the gap the pool saw
      const quickHorizon = N.poolStats().idleHorizonMs;
      await sleep(2200);
      let c = N.poolBuffer(M, true); // at least 2.2 s after b: 4x is past the 8 s clamp
      const slowHorizon = N.poolStats().idleHorizonMs;
      const tDrop = performance.now(); // every region is released after this
      a = null; b = null; c = null; global.gc();
      ${until('N.poolStats().inUseBytes === 0')}
      const idleAfterDrop = N.poolStats().idleBytes;
      await sleep(2000);
      // With a fixed second the regions and the reserve were gone by now.
      const idleLater = N.poolStats().idleBytes;
      const sinceDrop = performance.now() - tDrop; // at least each region's idle age
      const t1 = Date.now();
      while (N.poolStats().idleBytes !== 0 && Date.now() - t1 < 30000) await sleep(100);
      const s = N.poolStats();
      process.stdout.write(JSON.stringify({
        quick: quickHorizon >= 1000 && quickHorizon <= Math.max(1000, 4 * quickGap),
        slowHorizon,
        idleAfterDrop: idleAfterDrop >= 3 * M,
        keptWithinHorizon: sinceDrop < slowHorizon && idleLater >= 3 * M,
        idleEnd: s.idleBytes,
        targetEnd: s.reserveTarget,
      }));
    `);
    expect(out).toEqual({ quick: true, slowHorizon: 8000, idleAfterDrop: true, keptWithinHorizon: true, idleEnd: 0, targetEnd: 0 });
  });

  test('the bounds are min(1 GiB, RAM/16) idle and min(4 GiB, RAM/6) idle and handed out together', () => {
    const s = N0.poolStats();
    const ram = os.totalmem();
    expect(s.idleLimit).toBe(Math.min(2 ** 30, Math.floor(ram / 16)));
    expect(s.totalLimit).toBe(Math.min(4 * 2 ** 30, Math.floor(ram / 6)));
    expect(s.stretchLimit).toBe(Math.max(s.totalLimit, Math.floor(ram / 4)));
  });

  test('stats name every figure', () => {
    expect(Object.keys(N0.poolStats()).sort()).toEqual([
      'freshMaps',
      'handedOutBytes',
      'idleBytes',
      'idleHits',
      'idleHorizonMs',
      'idleLimit',
      'inUseBytes',
      'keptBytes',
      'overBytes',
      'overHits',
      'reserveBytes',
      'reserveHits',
      'reserveMaps',
      'reserveTarget',
      'stretchLimit',
      'totalLimit',
    ]);
    // handedOutBytes leaves out a reserve region being pre-faulted.
    const s = N0.poolStats();
    expect(s.handedOutBytes).toBeLessThanOrEqual(s.inUseBytes);
  });
});

// Regions longer than the idle bound (min(1 GiB, RAM/16)): requested
// uninitialized, so neither side writes a page (a fresh region is never
// faulted, a recycled one is not cleared) and the test costs no RAM.
describe('regions past the idle bound', () => {
  test('a released region longer than the idle bound serves the next request of its size or more than half of it, then is unmapped', () => {
    const out = child(`
      const s0 = N.poolStats();
      const M = s0.idleLimit + (2 << 20);
      if (2 * M > s0.totalLimit) { process.stdout.write(JSON.stringify({ skipped: true })); return; }
      let a = N.poolBuffer(M, true, true);
      const mapped = N.poolStats().freshMaps - s0.freshMaps;
      N.releaseBuffer(a);
      const s1 = N.poolStats();
      const b = N.poolBuffer(M, true, true);
      const s2 = N.poolStats();
      N.releaseBuffer(b);
      const c = N.poolBuffer(M / 2 + (1 << 20), true, true); // more than half of it (whole 2 MiB units): a part of it
      const s3 = N.poolStats();
      const cLength = c.byteLength;
      N.releaseBuffer(c); // under the idle bound: idle for the horizon
      ${until('N.poolStats().overBytes === 0 && N.poolStats().idleBytes === 0')}
      const s4 = N.poolStats();
      process.stdout.write(JSON.stringify({
        mapped,
        keptPastBound: s1.overBytes === M && s1.idleBytes <= s1.idleLimit && s1.inUseBytes + s1.idleBytes + s1.overBytes <= s1.totalLimit,
        reused: s2.freshMaps === s1.freshMaps && s2.overHits - s1.overHits === 1,
        partReused: s3.freshMaps === s1.freshMaps && s3.overHits - s2.overHits === 1 && s3.overBytes === M - cLength,
        // Unmapped after the horizon (past the bound, 2 s at most; polled for up to 10 s on a loaded machine).
        unmapped: s4.overBytes === 0 && s4.handedOutBytes === s0.handedOutBytes && s4.idleBytes === 0,
      }));
    `);
    if (out.skipped) {
      console.log('skipped: this machine has too little RAM for two regions past the idle bound');
      return;
    }
    expect(out).toEqual({ mapped: 1, keptPastBound: true, reused: true, partReused: true, unmapped: true });
  });

  test('a region kept past the idle bound serves no request of half its length or less', () => {
    const out = child(`
      const s0 = N.poolStats();
      const M = s0.idleLimit + (2 << 20);
      if (2 * M > s0.totalLimit) { process.stdout.write(JSON.stringify({ skipped: true })); return; }
      N.releaseBuffer(N.poolBuffer(M, true, true));
      const s1 = N.poolStats();
      const half = N.poolBuffer(M / 2 - (1 << 20), true, true);
      const s2 = N.poolStats();
      process.stdout.write(JSON.stringify({ kept: s1.overBytes === M, halfMapped: s2.freshMaps - s1.freshMaps, stillKept: s2.overBytes === M, got: half.byteLength === M / 2 - (1 << 20) }));
    `);
    if (out.skipped) {
      console.log('skipped: this machine has too little RAM for two regions past the idle bound');
      return;
    }
    expect(out).toEqual({ kept: true, halfMapped: 1, stillKept: true, got: true });
  });

  test('a request longer than half the total bound may hold two of its length (up to stretchLimit), not three', () => {
    const out = child(`
      const s0 = N.poolStats();
      const len = (Math.floor(s0.totalLimit / 2 / (2 << 20)) + 1) * (2 << 20); // past half the bound, whole 2 MiB units
      if (2 * len > s0.stretchLimit) { process.stdout.write(JSON.stringify({ skipped: true })); return; }
      const a = N.poolBuffer(len, true, true);
      const b = N.poolBuffer(len, true, true);
      const c = N.poolBuffer(len, true, true);
      const s1 = N.poolStats();
      process.stdout.write(JSON.stringify({
        two: a !== null && b !== null && a.byteLength === len && b.byteLength === len,
        third: c,
        freshMaps: s1.freshMaps - s0.freshMaps,
        inUse: s1.handedOutBytes - s0.handedOutBytes === 2 * len,
        pastTotal: 2 * len > s1.totalLimit,
      }));
    `);
    if (out.skipped) {
      console.log('skipped: this machine has too little RAM for two results past half the total bound');
      return;
    }
    expect(out).toEqual({ two: true, third: null, freshMaps: 2, inUse: true, pastTotal: true });
  });

  test('a region kept past the idle bound gives way to a request it does not fit that would pass the total bound', () => {
    const out = child(`
      const s0 = N.poolStats();
      const M = s0.idleLimit + (2 << 20);
      const M2 = M + (4 << 20); // the kept region (M) does not fit it
      // Three M2 fit the total bound, but not beside the kept M.
      if (3 * M2 > s0.totalLimit || 3 * M2 + M <= s0.totalLimit) { process.stdout.write(JSON.stringify({ skipped: true })); return; }
      N.releaseBuffer(N.poolBuffer(M, true, true));
      const held = [N.poolBuffer(M2, true, true), N.poolBuffer(M2, true, true)];
      const s1 = N.poolStats();
      held.push(N.poolBuffer(M2, true, true));
      const s2 = N.poolStats();
      process.stdout.write(JSON.stringify({
        keptBeside: s1.overBytes === M,
        pooled: held.every((b) => b !== null && b.byteLength === M2),
        gaveWay: s2.overBytes === 0,
        bounded: s2.inUseBytes + s2.idleBytes + s2.overBytes <= s2.totalLimit,
      }));
    `);
    if (out.skipped) {
      console.log('skipped: the bounds of this machine do not make the case');
      return;
    }
    expect(out).toEqual({ keptBeside: true, pooled: true, gaveWay: true, bounded: true });
  });
});
