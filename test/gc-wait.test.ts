// lib/gc-wait.ts: a buffer past V8's external soft limit starts a GC cycle
// that afterMajorGc sees end; the async calls that allocate one wait for it
// and still give their sync twins' results. assistGc collects before a large
// request would fault fresh memory, within its limits, and backs off.
import { spawnSync } from 'child_process';
import * as path from 'path';
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

  test('with MMARRAY_GC_SETTLE=0 (bench/async.js --variants: no wait, read per call) copyAsync and astypeAsync still equal their sync twins', async () => {
    const a = mm.arange(0, EXTERNAL_SOFT_LIMIT / 8 + 1024, 1, 'f8');
    process.env.MMARRAY_GC_SETTLE = '0';
    let c: mm.NdArray;
    let f: mm.NdArray;
    try {
      [c, f] = await Promise.all([a.copyAsync(), a.astypeAsync('<f4')]);
    } finally {
      delete process.env.MMARRAY_GC_SETTLE;
    }
    const f4 = a.astype('<f4');
    expect(Buffer.compare(Buffer.from(c.buffer, c.offset, c.nbytes), Buffer.from(a.buffer, a.offset, a.nbytes))).toBe(0);
    expect(Buffer.compare(Buffer.from(f.buffer, f.offset, f.nbytes), Buffer.from(f4.buffer, f4.offset, f4.nbytes))).toBe(0);
  });
});

// assistGc runs in forked children: it forces collections and reads the
// process-wide pool. No --expose-gc: it finds V8's gc() itself.
const DIST = path.resolve(__dirname, '../dist');

/** Runs `code` in a child node (N = dist/native, G = dist/gc-wait); its stdout parsed as JSON. */
function child(code: string, env: Record<string, string> = {}): Record<string, unknown> {
  const src = `const N = require(${JSON.stringify(path.join(DIST, 'native.js'))}); const G = require(${JSON.stringify(path.join(DIST, 'gc-wait.js'))});
    (async () => { ${code} })().catch((e) => { console.error(e); process.exit(3); });`;
  const r = spawnSync(process.execPath, ['-e', src], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });
  expect(r.signal).toBeNull();
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

// A dropped, never-touched buffer of M bytes (uninitialized, mapped at once:
// no page is faulted) that V8 has not collected: the case the assist is for.
const DROP = (m: string) => `(() => { N.poolBuffer(${m}, true, true); })();`;

describe('assistGc', () => {
  test('a large request no idle region serves, with a dropped buffer of its size not yet collected, collects it first and reuses its region', () => {
    const out = child(`
      const M = G.GC_ASSIST_MIN_BYTES;
      ${DROP('M')}
      const s0 = N.poolStats();
      const before = N.poolReuse(M);
      G.assistGc(M);
      const b = N.poolBuffer(M, true, true);
      const s1 = N.poolStats();
      process.stdout.write(JSON.stringify({ before, stats: { runs: G.gcAssistStats.runs, hits: G.gcAssistStats.hits }, mapped: s1.freshMaps - s0.freshMaps, reused: s1.idleHits + s1.overHits - s0.idleHits - s0.overHits, got: b.byteLength === M }));
    `);
    expect(out).toEqual({ before: 1, stats: { runs: 1, hits: 1 }, mapped: 0, reused: 1, got: true });
  });

  test('runs no collection for a request under GC_ASSIST_MIN_BYTES, when an idle region serves it, or with MMARRAY_GC_ASSIST=0', () => {
    const code = `
      const M = G.GC_ASSIST_MIN_BYTES;
      ${DROP('M - (2 << 20)')}
      G.assistGc(M - (2 << 20)); // small
      const small = G.gcAssistStats.runs;
      const held = N.poolBuffer(M, true, true);
      N.releaseBuffer(held); // idle now
      G.assistGc(M);
      const idle = G.gcAssistStats.runs;
      ${DROP('2 * M')}
      G.assistGc(2 * M);
      process.stdout.write(JSON.stringify({ small, idle, last: G.gcAssistStats.runs }));
    `;
    expect(child(code)).toEqual({ small: 0, idle: 0, last: 1 });
    expect(child(code, { MMARRAY_GC_ASSIST: '0' })).toEqual({ small: 0, idle: 0, last: 0 });
  });

  test('backs off when its collections return nothing: a program that holds its results pays for few', () => {
    const out = child(`
      const M = G.GC_ASSIST_MIN_BYTES;
      const held = [N.poolBuffer(M, true, true)];
      // Eleven misses while every buffer is still held: the run at the 1st
      // (one buffer out) backs off nothing; 1 + 2 + 4 misses skipped after
      // the runs at the 2nd, 4th and 7th.
      for (let i = 0; i < 11; i++) {
        G.assistGc(M);
        held.push(N.poolBuffer(M, true, true));
      }
      const runs = G.gcAssistStats.runs;
      const skipped = G.gcAssistStats.skipped;
      // The back-off has run out (7 skipped); once the results are dropped, the next run returns one.
      held.length = 0;
      G.assistGc(M);
      process.stdout.write(JSON.stringify({ runs, skipped, after: G.gcAssistStats.runs - runs, hitAfter: G.gcAssistStats.hits }));
    `);
    expect(out).toEqual({ runs: 4, skipped: 7, after: 1, hitAfter: 1 });
  });

  test('does not back off while the one buffer out is the last result (x = a.copy() in a loop): the next miss collects it', () => {
    const out = child(`
      const M = G.GC_ASSIST_MIN_BYTES;
      let x = N.poolBuffer(M, true, true);
      G.assistGc(M); // x is alive: nothing comes back
      const first = { ...G.gcAssistStats };
      x = N.poolBuffer(M, true, true); // the first result is dropped now
      G.assistGc(M);
      process.stdout.write(JSON.stringify({ first: [first.runs, first.hits, first.skipped], then: [G.gcAssistStats.runs, G.gcAssistStats.hits, G.gcAssistStats.skipped], reuse: N.poolReuse(M), kept: x.byteLength === M }));
    `);
    expect(out).toEqual({ first: [1, 0, 0], then: [2, 1, 0], reuse: 0, kept: true });
  });

  test('runs no collection while the JS heap is larger than GC_ASSIST_HEAP_FRACTION of the request', () => {
    const out = child(`
      const M = G.GC_ASSIST_MIN_BYTES;
      const heap = [];
      while (require('v8').getHeapStatistics().used_heap_size < M * G.GC_ASSIST_HEAP_FRACTION * 1.5) heap.push({ a: heap.length, b: [heap.length] });
      ${DROP('M')}
      G.assistGc(M);
      process.stdout.write(JSON.stringify({ runs: G.gcAssistStats.runs, reuse: N.poolReuse(M), n: heap.length > 0 }));
    `);
    expect(out).toEqual({ runs: 0, reuse: 1, n: true });
  });
});
