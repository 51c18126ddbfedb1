// native/pool_buffer.cc: zeroed anonymous memory as an ArrayBuffer, unmapped
// on the thread pool once V8 drops it; lib/async.ts puts the results of
// copyAsync/astypeAsync/byteswapAsync of 4 MiB and more there.
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
