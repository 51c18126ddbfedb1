// native/read_ahead.cc, from the sync kernels (kernels.cc RunSync): off
// unless MMARRAY_READ_AHEAD_MB asks for it; then a sync sum, copy or cast
// over a cold mapped source of at least two 4 MiB steps advises it ahead
// (MADV_WILLNEED) once, within its span, and a warm or a small one not at
// all; the results are the bits of a run with the read-ahead off (the units
// and their fold order do not change). Each case runs in a child node, which
// reads the variable when it loads the addon. The async jobs' read-ahead is
// covered in async.test.ts.
import { spawnSync } from 'child_process';
import * as path from 'path';
import * as mm from '../lib';
import { rng } from './helpers/bytes';
import { useTempDir } from './helpers/tmp';
import { expectAdvisedColdOnly, withReadAhead } from './helpers/read-ahead-child';

const DIST = path.resolve(__dirname, '../dist');
const tmp = useTempDir('mmarray-read-ahead-');
const unix = process.platform === 'linux';
describe('sync kernels read a cold mapped source ahead when asked (MMARRAY_READ_AHEAD_MB)', () => {
  test('off by default: a cold sum, copy and cast advise nothing', () => {
    if (!unix) {
      console.log('skip: read-ahead uses mincore/madvise (Linux)');
      return;
    }
    const out = withReadAhead(null, tmp.dir, `
      const n = 8 << 20;
      const a = L.openNpy(cold(n));
      const before = advised();
      const sum = a.sum();
      const copy = a.index(\`\${n / 2}:\`).copy().size;
      const cast = a.astype('<f4').size;
      a.close();
      return { distance: N.kernelReadAhead()[0], advised: advised() - before, sum, copy, cast };
    `);
    expect(out).toEqual({ distance: 0, advised: 0, sum: 0, copy: 4 << 20, cast: 8 << 20 });
  });

  test('with 32 MiB: sum, copy and cast advise a cold source within its span, once; a warm or small one not', () => {
    if (!unix) {
      console.log('skip: read-ahead uses mincore/madvise (Linux)');
      return;
    }
    const n = 8 << 20; // 64 MiB
    const out = withReadAhead('32', tmp.dir, `
      const n = ${n};
      const o = { distance: N.kernelReadAhead()[0] };
      const a = L.openNpy(cold(n));
      let before = advised();
      o.sum = a.sum();
      o.cold = advised() - before;
      // Every page is cached now: one mincore per step, no madvise.
      before = advised();
      o.warm = [a.sum(), a.min()];
      o.warmAdvised = advised() - before;
      a.close();
      const c = L.openNpy(cold(n));
      before = advised();
      o.half = c.index(\`\${n / 2}:\`).copy().size;
      o.copyAdvised = advised() - before;
      c.close();
      const d = L.openNpy(cold(n));
      before = advised();
      o.cast = d.astype('<f4').shape;
      o.castAdvised = advised() - before;
      d.close();
      // Under two steps (8 MiB): the faults' own readahead covers it, no syscall.
      const s = L.openNpy(cold(1 << 19));
      before = advised();
      o.small = s.sum();
      o.smallAdvised = advised() - before;
      s.close();
      // A reversed or a sparse (under half its span) view is not advised.
      const r = L.openNpy(cold(n));
      before = advised();
      o.views = [r.index('::-1').sum(), r.index('::4').sum()];
      o.viewsAdvised = advised() - before;
      r.close();
      return o;
    `) as Record<string, number> & { warm: number[]; cast: number[]; views: number[] };
    expectAdvisedColdOnly(out, n);
    expect(out.half).toBe(n / 2);
    expect(out.copyAdvised).toBeGreaterThan(0);
    expect(out.copyAdvised).toBeLessThanOrEqual((n / 2) * 8 * 1.01);
    expect(out.cast).toEqual([n]);
    expect(out.castAdvised).toBeGreaterThan(0);
    expect(out.small).toBe(0);
    expect(out.smallAdvised).toBe(0);
    expect(out.views).toEqual([0, 0]);
    expect(out.viewsAdvised).toBe(0);
  });

  test('the same bits with the read-ahead off (MMARRAY_READ_AHEAD_MB=0), float sums and casts of random data', () => {
    if (!unix) {
      console.log('skip: read-ahead uses mincore/madvise (Linux)');
      return;
    }
    // 3M <f8 of random magnitudes (24 MiB: six steps): a float sum's bits
    // depend on its order, so an equal sum says the pairwise tree held.
    const n = 3 << 20;
    const p = tmp.path('random.npy');
    const m = mm.createNpy(p, '<f8', [n]);
    const r = rng(15);
    const v = new Float64Array(m.buffer, m.offset, n);
    for (let i = 0; i < n; i++) v[i] = (r() - 0.5) * 10 ** Math.floor(r() * 12 - 4);
    m.flush();
    m.close();
    const child = `
      const L = require(${JSON.stringify(path.join(DIST, 'index.js'))});
      const N = require(${JSON.stringify(path.join(DIST, 'native.js'))});
      const a = L.openNpy(${JSON.stringify(p)});
      const f = a.index('1:').astype('<f4');
      const out = { distance: N.kernelReadAhead()[0], sum: a.sum(), strided: a.index('::2').sum(), cast: f.sum(), last: f.get(${n - 2}) };
      a.close();
      process.stdout.write(JSON.stringify(out));
    `;
    const run = (env: string): Record<string, number> => {
      // The file is cached (just written): both runs walk the same units,
      // the 'on' one in 4 MiB steps with a mincore each, the 'off' one in one go.
      const r2 = spawnSync(process.execPath, ['-e', child], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, MMARRAY_READ_AHEAD_MB: env } });
      expect(r2.status).toBe(0);
      return JSON.parse(r2.stdout) as Record<string, number>;
    };
    const off = run('0');
    const on = run('32');
    expect(off.distance).toBe(0);
    expect(on.distance).toBe(32 << 20);
    expect({ ...on, distance: 0 }).toEqual({ ...off, distance: 0 });
    // And this process (read-ahead as the environment says) agrees with both.
    const a = mm.openNpy(p);
    try {
      expect(a.sum()).toBe(off.sum);
    } finally {
      a.close();
    }
  });
});
