// native/read_ahead.cc, from the sync kernels (kernels.cc RunSync): a sync
// sum, copy or cast over a cold mapped source of at least two 4 MiB steps
// advises it ahead (MADV_WILLNEED) once, within its span, and a warm or a
// small one not at all; the results are the bits of a run with the
// read-ahead off (MMARRAY_READ_AHEAD_MB=0: the units and their fold order do
// not change). The async jobs' read-ahead is covered in async.test.ts.
import { spawnSync } from 'child_process';
import * as path from 'path';
import * as mm from '../lib';
import { rng } from './helpers/bytes';
import { useTempDir } from './helpers/tmp';
import { kernelReadAhead } from '../lib/native';

const DIST = path.resolve(__dirname, '../dist');
const tmp = useTempDir('mmarray-read-ahead-');
const unix = process.platform === 'linux';
const advised = (): number => kernelReadAhead()[1];

/** A sparse .npy of n zero <f8: its pages are in no cache until something reads them. */
function coldFile(name: string, n: number): string {
  const p = tmp.path(name);
  mm.createNpy(p, '<f8', [n]).close();
  return p;
}

describe('sync kernels read a cold mapped source ahead', () => {
  test('sum, copy and cast advise a cold source within its span, once; a warm or small one not', () => {
    if (!unix) {
      console.log('skip: read-ahead uses mincore/madvise (Linux)');
      return;
    }
    const n = 8 << 20; // 64 MiB
    const a = mm.openNpy(coldFile('sum.npy', n));
    try {
      const before = advised();
      expect(a.sum()).toBe(0);
      const cold = advised() - before;
      expect(cold).toBeGreaterThan(0);
      expect(cold).toBeLessThanOrEqual(a.nbytes * 1.01); // each madvise starts on a page boundary
      // Every page is cached now: one mincore per step, no madvise.
      const warm = advised();
      expect(a.sum()).toBe(0);
      expect(a.min()).toBe(0);
      expect(advised()).toBe(warm);
    } finally {
      a.close();
    }
    const c = mm.openNpy(coldFile('copy.npy', n));
    try {
      const before = advised();
      const half = c.index(`${n / 2}:`).copy();
      expect(half.size).toBe(n / 2);
      expect(advised()).toBeGreaterThan(before);
      expect(advised() - before).toBeLessThanOrEqual((n / 2) * 8 * 1.01);
    } finally {
      c.close();
    }
    const d = mm.openNpy(coldFile('cast.npy', n));
    try {
      const before = advised();
      expect(d.astype('<f4').shape).toEqual([n]);
      expect(advised()).toBeGreaterThan(before);
    } finally {
      d.close();
    }
    // Under two steps (8 MiB): the faults' own readahead covers it, no syscall.
    const s = mm.openNpy(coldFile('small.npy', 1 << 19)); // 4 MiB
    try {
      const before = advised();
      expect(s.sum()).toBe(0);
      expect(advised()).toBe(before);
    } finally {
      s.close();
    }
    // A reversed or a sparse (under half its span) view is not advised.
    const r = mm.openNpy(coldFile('views.npy', n));
    try {
      const before = advised();
      expect(r.index('::-1').sum()).toBe(0);
      expect(r.index('::4').sum()).toBe(0);
      expect(advised()).toBe(before);
    } finally {
      r.close();
    }
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
    // And this process (read-ahead on) agrees with both.
    const a = mm.openNpy(p);
    try {
      expect(a.sum()).toBe(off.sum);
    } finally {
      a.close();
    }
  });
});
