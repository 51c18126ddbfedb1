// Adversarial pass 5: hostile calls into the surface added in session 4
// (cumsum/cumprod with out, split/repeat/tile/roll, block, unravelIndex/
// ravelMultiIndex, the statistics). Each case pins a finding of this pass:
// what used to crash the process, hang, or answer instead of raising. Cases
// that crashed run in forked children (over dist/), beside a control child.
import { spawnSync } from 'child_process';
import * as path from 'path';

import * as L from '../lib';
import { NdArray } from '../lib';
import { useTempDir } from './helpers/tmp';

const tmp = useTempDir('mmarray-adv5-');

/** Runs `body` in a child node over dist/ (L in scope); its last stdout line, exit status and signal. */
function child(body: string): { status: number | null; signal: NodeJS.Signals | null; out: string; stderr: string } {
  const dist = path.resolve(__dirname, '../dist/index.js');
  const script = `const L = require(${JSON.stringify(dist)});\nconst r = (() => {\n${body}\n})();\nconsole.log(JSON.stringify(r));`;
  const r = spawnSync('bash', ['-c', 'ulimit -c 0; exec "$0" "$@"', process.execPath, '-e', script], { encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, signal: r.signal, out: r.stdout.trim().split('\n').pop() ?? '', stderr: r.stderr };
}

/** A native-order view of `dt` at byte `offset` of a fresh buffer: misaligned for offsets that are not multiples of its alignment. */
function at(offset: number, dt: string, n: number): NdArray {
  const itemsize = L.dtype(dt).itemsize;
  return L.fromBuffer(new ArrayBuffer(offset + n * itemsize), dt, { offset, count: n });
}

describe('cumsum/cumprod into a misaligned out of the accumulation dtype', () => {
  // The native kernel stored a row's results through its output cast, which
  // is null when out has the accumulation dtype in native order: a misaligned
  // such out (an odd offset of a buffer or a mapping) called a null function
  // pointer and the process died of SIGSEGV.
  test('a child that cumsums into a misaligned <f8 out lives (a control child first)', () => {
    const control = child(`const o = L.fromBuffer(new ArrayBuffer(8 * 41), '<f8', { offset: 8, count: 40 });
      L.cumsum(L.arange(40).astype('f8'), { out: o }); return o.get(39);`);
    expect(control).toMatchObject({ status: 0, signal: null, out: '780' });
    const r = child(`const o = L.fromBuffer(new ArrayBuffer(8 * 41), '<f8', { offset: 3, count: 40 });
      L.cumsum(L.arange(40).astype('f8'), { out: o }); return o.get(39);`);
    expect(r).toMatchObject({ status: 0, signal: null, out: '780' });
  });

  test.each([
    ['<f8', 3],
    ['<f8', 4],
    ['<f4', 1],
    ['<i8', 5],
    ['<i4', 2],
    ['<c16', 4],
    ['<c8', 2],
  ])('%s at byte offset %d: cumsum and cumprod give the aligned answers', (dt, offset) => {
    const a = L.arange(1, 21).astype(dt as 'f8');
    for (const f of [L.cumsum, L.cumprod]) {
      const o = at(offset, dt, 20);
      expect(o.flags.aligned).toBe(false);
      expect(f(a, { out: o })).toBe(o);
      expect(o.toArray()).toEqual(f(a).astype(dt as 'f8').toArray());
    }
  });

  test('along an outer axis and flattened, of a 2-d misaligned out', () => {
    const a = L.arange(1, 13).astype('f8').reshape(3, 4);
    for (const axis of [0, 1, null]) {
      const n = 12;
      const o = at(1, '<f8', n).reshape(axis === null ? [n] : [3, 4]);
      L.cumsum(a, { axis, out: o });
      expect(o.toArray()).toEqual(L.cumsum(a, { axis }).toArray());
    }
  });

  test('a misaligned out of a mapping', () => {
    const p = tmp.path('out.bin');
    const m = L.memmap(p, { dtype: '<f8', mode: 'w+', offset: 3, shape: [10] });
    L.cumsum(L.arange(10).astype('f8'), { out: m });
    expect(m.toArray()).toEqual([0, 1, 3, 6, 10, 15, 21, 28, 36, 45]);
    m.close();
  });
});
