// addAt into a mapping whose target pages are not in memory: the native
// loop then hints each window of pages ahead of the writes (MADV_WILLNEED,
// native/index_kernels.cc AddAtHinted). A fresh sparse file's pages are in
// no page cache, so every mapping here starts cold. The hints must change
// nothing NumPy's np.add.at would give: values, duplicates accumulated in
// index order, negative indices, and no write at all when an index is out
// of range. Windows are 1024 indices, so each case crosses several.
import * as fs from 'fs';
import * as mm from '../lib';
import { rng } from './helpers/bytes';
import { useTempDir } from './helpers/tmp';

const tmp = useTempDir('mmarray-addat-cold-');

const MiB = 2 ** 20;
const RECORD = { names: ['id', 'value'], formats: ['<u4', '<f8'] };

/** `count` indices into `n` items, in [-n, n), with repeats. */
function indicesFor(n: number, count: number, seed: number): BigInt64Array {
  const r = rng(seed);
  const out = new BigInt64Array(count);
  for (let k = 0; k < count; k++) {
    // One in 8 repeats an earlier index, so duplicates accumulate.
    out[k] = k > 0 && r() < 0.125 ? out[Math.floor(r() * k)] : BigInt(Math.floor((r() * 2 - 1) * n));
  }
  return out;
}

/** np.add.at's result on zeros: value added once per occurrence, in `round` (fround for float32). */
function expected(n: number, idx: BigInt64Array, value: number, round: (x: number) => number = (x) => x): Float64Array {
  const out = new Float64Array(n);
  for (const b of idx) {
    const x = Number(b) < 0 ? Number(b) + n : Number(b);
    out[x] = round(out[x] + value);
  }
  return out;
}

/** The items of `a` that differ from `want` (as float64), as [position, got, want] (none is a pass). */
function mismatches(a: mm.NdArray, want: Float64Array): [number, number, number][] {
  const got = a.astype('<f8').typedArray() as Float64Array;
  const out: [number, number, number][] = [];
  for (let i = 0; i < want.length && out.length < 5; i++) if (!Object.is(got[i], want[i])) out.push([i, got[i], want[i]]);
  return out;
}

describe('addAt on cold mapped pages', () => {
  it('a strided record field of a fresh sparse file gets np.add.at values', () => {
    const path = tmp.sparse(12 * 2 ** 19, 'records.bin');
    const rec = mm.memmap(path, { dtype: RECORD, mode: 'r+' });
    const value = rec.field('value');
    const n = value.shape[0];
    const idx = indicesFor(n, 3000, 1);
    mm.addAt(value, mm.fromBuffer(idx, '<i8'), 1.5);
    expect(mismatches(value, expected(n, idx, 1.5))).toEqual([]);
    // The other field was not touched.
    expect(mm.countNonzero(rec.field('id')).toArray()).toBe(0n);
    rec.close();
  });

  it.each(['<f4', '<i4', '<u2'])('a reversed %s view, int32 indices', (dt) => {
    const path = tmp.sparse(4 * MiB, 'typed.bin');
    const a = mm.memmap(path, { dtype: dt, mode: 'r+' });
    const rev = a.index('::-1');
    const n = rev.shape[0];
    const idx = indicesFor(n, 2500, 2);
    const value = dt === '<f4' ? 0.1 : 3;
    mm.addAt(rev, mm.fromBuffer(Int32Array.from(idx, Number), '<i4'), value);
    const round = dt === '<f4' ? (x: number) => Math.fround(x) : (x: number) => x;
    expect(mismatches(rev, expected(n, idx, dt === '<f4' ? Math.fround(value) : value, round))).toEqual([]);
    a.close();
  });

  it('an index out of range at the end writes nothing, to memory or to the file', () => {
    const path = tmp.sparse(4 * MiB, 'bad.bin');
    const a = mm.memmap(path, { dtype: '<f8', mode: 'r+' });
    const n = a.shape[0];
    const idx = indicesFor(n, 2000, 3);
    idx[1999] = BigInt(n);
    expect(() => mm.addAt(a, mm.fromBuffer(idx, '<i8'), 1)).toThrow(`index ${n} is out of bounds for axis 0 with size ${n}`);
    expect(mm.countNonzero(a).toArray()).toBe(0n);
    a.close();
    expect(fs.readFileSync(path).some((b) => b !== 0)).toBe(false);
  });

  it('indices stored in the same mapping are all read before the first write', () => {
    // 64 MiB: writing the indices reads the file's first pages, and the
    // kernel's read-around (read_ahead_kb, 8 MiB on some disks) with them.
    const path = tmp.sparse(64 * MiB, 'self.bin');
    const whole = mm.memmap(path, { dtype: '<i8', mode: 'r+' });
    const n = whole.shape[0];
    // The first 2000 items hold the indices; some point at index items, whose
    // bytes the float adds then change (later reads would go astray).
    const idx = indicesFor(n, 2000, 4);
    for (let k = 0; k < 20; k++) idx[k * 50] = BigInt(1999 - k);
    whole.index(':2000').set(mm.fromBuffer(idx.slice(), '<i8'));
    mm.addAt(whole.view('<f8'), whole.index(':2000'), 1);
    // Reference: the same adds on an in-memory copy, its indices read first.
    const ref = new BigInt64Array(n);
    ref.set(idx);
    mm.addAt(mm.fromBuffer(ref.buffer, '<f8'), mm.fromBuffer(idx.slice(), '<i8'), 1);
    const got = whole.typedArray() as BigInt64Array;
    expect(Buffer.compare(Buffer.from(got.buffer, got.byteOffset, got.byteLength), Buffer.from(ref.buffer))).toBe(0);
    whole.close();
  });

  it("a copy-on-write ('c') mapping takes the adds; the file keeps its zeros", () => {
    const path = tmp.sparse(4 * MiB, 'cow.bin');
    const a = mm.memmap(path, { dtype: '<f8', mode: 'c' });
    const n = a.shape[0];
    const idx = indicesFor(n, 2000, 5);
    mm.addAt(a, mm.fromBuffer(idx, '<i8'), 2);
    expect(mismatches(a, expected(n, idx, 2))).toEqual([]);
    a.close();
    expect(fs.readFileSync(path).some((b) => b !== 0)).toBe(false);
  });
});
