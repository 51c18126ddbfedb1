// lib/fresh-memory.ts: large results come from the region pool, small ones
// from V8; the ops that store every item take uninitialized memory, the
// constructors that promise zeros get zeros, even over a dropped buffer's
// bytes. Recycling needs the GC: those cases run in a forked child.
import { spawnSync } from 'child_process';
import * as path from 'path';
import * as mm from '../lib';
import { FRESH_POOL_MIN_BYTES, storesWholeItems } from '../lib/fresh-memory';
import { GC_ASSIST_MIN_BYTES } from '../lib/gc-wait';
import { poolStats } from '../lib/native';

const DIST = path.resolve(__dirname, '../dist');

describe('freshMemory', () => {
  test('results of FRESH_POOL_MIN_BYTES and more come from the pool, smaller ones from V8', async () => {
    const n = FRESH_POOL_MIN_BYTES / 8;
    const a = mm.arange(0, n, 1, '<f8');
    // handedOutBytes: what results hold (inUseBytes also counts a region the
    // pool's thread is pre-faulting as its reserve, at any moment).
    const before = poolStats().handedOutBytes;
    const big = a.copy();
    expect(poolStats().handedOutBytes - before).toBeGreaterThanOrEqual(FRESH_POOL_MIN_BYTES);
    const afterBig = poolStats().handedOutBytes;
    const small = a.index(':-1').copy();
    expect(poolStats().handedOutBytes).toBe(afterBig);
    expect(big.get(n - 1)).toBe(n - 1);
    expect(small.get(n - 2)).toBe(n - 2);
  });

  test('storesWholeItems: numbers and bools yes; strings, records and 0-byte items no', () => {
    for (const s of ['|b1', '<i8', '>u2', '<f2', '<c16']) expect(storesWholeItems(mm.dtype(s))).toBe(true);
    for (const s of ['|S5', '|V0', '|V8']) expect(storesWholeItems(mm.dtype(s))).toBe(false);
    expect(storesWholeItems(mm.dtype([['a', 'u1'], ['b', '<f8']]))).toBe(false);
  });

  test('over recycled memory full of a dropped buffer\'s bytes, every op returns exactly its values and zeros() returns zeros', () => {
    const src = `
      const L = require(${JSON.stringify(path.join(DIST, 'index.js'))});
      const N = require(${JSON.stringify(path.join(DIST, 'native.js'))});
      const n = 1 << 20;
      const a = L.arange(0, n, 1, '<f8');
      const b = L.multiply(a, 0.5);
      const idx = L.arange(0, n, 1, '<i8').index('::-1');
      const cond = L.greater(L.remainder(a, 3), 0);
      const odd = L.equal(L.remainder(a, 2), 1);
      // Poison: fill dropped buffers of every size used below with 0xff (NaN / -1).
      const poison = () => {
        for (const bytes of [n, 2 * n, 4 * n, 4 * n, 8 * n, 16 * n]) { let p = N.poolBuffer(bytes, true); new Uint8Array(p).fill(0xff); p = null; }
        global.gc();
      };
      const out = { recycled: {} };
      const check = (name, make, expected) => {
        poison();
        const maps = N.poolStats().freshMaps;
        const r = make();
        // No new mapping: the result sits in a poisoned region.
        out.recycled[name] = N.poolStats().freshMaps === maps;
        const v = r.toArray().flat(Infinity);
        let ok = v.length === expected.length;
        for (let i = 0; ok && i < v.length; i++) ok = Object.is(v[i], expected[i]);
        out[name] = ok;
      };
      const av = Array.from({ length: n }, (_, i) => i);
      check('copy', () => a.copy(), av);
      check('copyF', () => a.reshape([1024, 1024]).copy('F'), av);
      check('astype', () => a.astype('<f4'), av);
      check('astypeSwapped', () => a.astype('>i4'), av);
      check('ascontiguousarray', () => L.ascontiguousarray(a.index('::-1')), av.slice().reverse());
      check('add', () => L.add(a, b), av.map((x) => x + x * 0.5));
      check('less', () => L.less(a, 100), av.map((x) => x < 100));
      check('take', () => L.take(a, idx), av.slice().reverse());
      check('compress', () => L.compress(cond, a), av.filter((x) => x % 3 > 0));
      const odds = av.filter((x) => x % 2 === 1);
      check('nonzero', () => L.nonzero(odd)[0], odds.map(BigInt));
      check('nonzero2d', () => L.stack(L.nonzero(odd.reshape([1024, 1024]))), [...odds.map((x) => BigInt(x >> 10)), ...odds.map((x) => BigInt(x & 1023))]);
      check('flatnonzero', () => L.flatnonzero(odd.reshape([1024, 1024])), odds.map(BigInt));
      check('concatenate', () => L.concatenate([a, b]), [...av, ...av.map((x) => x * 0.5)]);
      check('zeros', () => L.zeros([n], '<f8'), new Array(n).fill(0));
      check('zerosBig', () => L.zeros([2 * n], '<i8'), new Array(2 * n).fill(0n));
      check('maskedAdd', () => L.add(a, b, { where: L.less(a, 10) }), av.map((x) => (x < 10 ? x + x * 0.5 : 0)));
      process.stdout.write(JSON.stringify(out));
    `;
    const r = spawnSync(process.execPath, ['--expose-gc', '-e', src], { encoding: 'utf8', timeout: 300_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const { recycled, ...out } = JSON.parse(r.stdout) as Record<string, boolean> & { recycled: Record<string, boolean> };
    for (const k of Object.keys(out)) expect([k, out[k]]).toEqual([k, true]);
    expect(Object.keys(out)).toHaveLength(16);
    for (const k of ['copy', 'astype', 'add', 'take', 'nonzero', 'concatenate', 'zeros']) expect([k, recycled[k]]).toEqual([k, true]);
  });
});

describe('freshMemory and the GC assist', () => {
  test('a large result runs the assist first, so a dropped buffer V8 has not collected serves it; a small one never runs it', () => {
    const src = `
      const F = require(${JSON.stringify(path.join(DIST, 'fresh-memory.js'))});
      const G = require(${JSON.stringify(path.join(DIST, 'gc-wait.js'))});
      const N = require(${JSON.stringify(path.join(DIST, 'native.js'))});
      const M = G.GC_ASSIST_MIN_BYTES;
      (async () => {
        // Never touched (uninitialized, mapped at once): held until the GC
        // cycle their allocation started has ended, then dropped, not collected.
        let held = [N.poolBuffer(4 << 20, true, true), N.poolBuffer(M, true, true)];
        await new Promise((res) => setTimeout(res, 300));
        held = null;
        const small = F.freshMemory(4 << 20, true);
        const runsSmall = G.gcAssistStats.runs;
        const s0 = N.poolStats();
        const big = F.freshMemory(M, true);
        const s1 = N.poolStats();
        process.stdout.write(JSON.stringify({ runsSmall, runs: G.gcAssistStats.runs, hits: G.gcAssistStats.hits, mapped: s1.freshMaps - s0.freshMaps, sizes: [small.byteLength, big.byteLength] }));
      })();
    `;
    const r = spawnSync(process.execPath, ['-e', src], { encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ runsSmall: 0, runs: 1, hits: 1, mapped: 0, sizes: [4 << 20, GC_ASSIST_MIN_BYTES] });
  });
});
