// An argsort lane whose scratch would pass the lane budget (native
// sort_kernels.cc RangeArgsort: 24 bytes an item of 8-byte keys, at most
// an eighth of RAM and 2 GiB) sorts in key ranges, each gathered from the
// lane, sorted and written at its place. A child process with
// MMARRAY_SORT_SCRATCH_MB=1 (65,536 items at once) argsorts lanes of
// 300,000 items that way; they must equal the whole-lane argsort of this
// process (itself checked against NumPy's stable argsort in sort.test.ts
// and sort-kernels.test.ts): every plain numeric key width, both byte
// orders, strided and reversed lanes, lanes along an axis, NaN and ±0,
// ranges that split again (skewed keys), equal keys, ascending lanes.
import { spawnSync } from 'child_process';
import * as path from 'path';
import * as mm from '../lib';

const DIST = path.resolve(__dirname, '../dist');
const N = 300_000;

// Built the same way here and in the child (a plain function's source).
function makeCases(lib: typeof mm, n: number): Array<[string, mm.NdArray]> {
  let x = 12345;
  const next = (): number => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x;
  };
  const f8 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = next() % 50;
    f8[i] = r === 0 ? NaN : r === 1 ? -0 : r === 2 ? 0 : r < 10 ? (next() % 7) - 3 : (next() / 2 ** 32 - 0.5) * 1e6;
  }
  const skew = new Float64Array(n);
  for (let i = 0; i < n; i++) skew[i] = next() % 10 === 0 ? (next() / 2 ** 32) * 1e9 : 1 + (next() / 2 ** 32) * 2 ** -22;
  const i8 = new BigInt64Array(n);
  for (let i = 0; i < n; i++) i8[i] = (BigInt(next()) << 32n | BigInt(next())) - (1n << 63n);
  const tied = new Float64Array(n);
  for (let i = 0; i < n; i++) tied[i] = n - (i >> 4);
  const up = new Float64Array(n);
  for (let i = 0; i < n; i++) up[i] = i * 0.5;
  const A = lib.fromBuffer(f8);
  return [
    ['f8 random, NaN, ±0, ties', A],
    ['f8 skewed (a range splits again)', lib.fromBuffer(skew)],
    ['i8 across the sign, byte-swapped', lib.fromBuffer(i8, '<i8').astype('>i8')],
    ['f8 descending with ties', lib.fromBuffer(tied)],
    ['f8 ascending', lib.fromBuffer(up)],
    ['f8 all equal', lib.full([n], 7.5)],
    ['f8 reversed, stride -2', lib.concatenate([A, A]).index(new lib.Slice(null, null, -2))],
    ['f4 with NaN', A.astype('<f4')],
    ['i4', lib.fromBuffer(i8, '<i8').astype('<i4')],
    ['u2 byte-swapped', lib.fromBuffer(i8, '<i8').astype('>u2')],
    ['i1', lib.fromBuffer(i8, '<i8').astype('i1')],
    ['f8 lanes along axis 0 of (300000, 2)', lib.stack([A, lib.fromBuffer(skew)], { axis: 1 })],
  ];
}

function argsortsHex(lib: typeof mm, cases: Array<[string, mm.NdArray]>): string[] {
  return cases.map(([, a]) => {
    const r = lib.argsort(a, { axis: a.ndim === 2 ? 0 : -1 });
    return Buffer.from(r.buffer, r.offset, r.nbytes).toString('hex');
  });
}

describe('argsort of lanes past the scratch budget (key ranges)', () => {
  test('equals the whole-lane argsort for every key width, byte order, layout and data shape', () => {
    const src = `const lib = require(${JSON.stringify(DIST)});
      const makeCases = ${makeCases.toString()};
      const argsortsHex = ${argsortsHex.toString()};
      process.stdout.write(JSON.stringify(argsortsHex(lib, makeCases(lib, ${N}))));`;
    const r = spawnSync(process.execPath, ['-e', src], {
      encoding: 'utf8',
      timeout: 300_000,
      maxBuffer: 1 << 30,
      env: { ...process.env, MMARRAY_SORT_SCRATCH_MB: '1' },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const ranged = JSON.parse(r.stdout) as string[];
    const cases = makeCases(mm, N);
    const whole = argsortsHex(mm, cases);
    expect(ranged.length).toBe(cases.length);
    for (let c = 0; c < cases.length; c++) expect([cases[c][0], ranged[c]]).toEqual([cases[c][0], whole[c]]);
  });

  test('argsortAsync in ranges equals it too, and an abort inside a range rejects', async () => {
    const src = `const lib = require(${JSON.stringify(DIST)});
      (async () => {
        const a = lib.sin(lib.arange(${N}));
        const r = await lib.argsortAsync(a);
        const c = new AbortController();
        const p = lib.argsortAsync(lib.sin(lib.arange(4 * ${N})), { signal: c.signal });
        setTimeout(() => c.abort(), 5);
        const aborted = await p.then(() => 'resolved', (e) => e.name);
        process.stdout.write(JSON.stringify({ hex: Buffer.from(r.buffer, r.offset, r.nbytes).toString('hex'), aborted }));
      })();`;
    const r = spawnSync(process.execPath, ['-e', src], {
      encoding: 'utf8',
      timeout: 300_000,
      maxBuffer: 1 << 30,
      env: { ...process.env, MMARRAY_SORT_SCRATCH_MB: '1' },
    });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { hex: string; aborted: string };
    const whole = mm.argsort(mm.sin(mm.arange(N)));
    expect(out.hex).toBe(Buffer.from(whole.buffer, whole.offset, whole.nbytes).toString('hex'));
    expect(out.aborted).toBe('AbortError');
  });
});
