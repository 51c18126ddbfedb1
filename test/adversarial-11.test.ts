// Eleventh adversarial pass: async jobs queued by the thousand on one
// memory, and the other surfaces listed in the pass's findings below. Each
// case here failed before its fix (a V8 heap abort, an untyped error, a
// silently wrong result); those that aborted run in forked children with a
// time limit, beside a control.
import * as fs from 'fs';

import * as L from '../lib';
import { runInChild, type ChildResult } from './helpers/child';
import { hexOf } from './helpers/np-compare';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { thrownBy } from './helpers/thrown';
import { TempDir } from './helpers/tmp';

const tmp = new TempDir('mmarray-adv11-');
afterAll(() => tmp.remove());

/** `s` with the characters a RegExp gives meaning escaped. */
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const child = (body: string, heapMb = 256): ChildResult => runInChild(body, { heapMb });

describe('thousands of async jobs queued on one memory', () => {
  // Every queued writer waited on every earlier job: n writers made n²/2 promise reactions.
  const QUEUE = (n: number, extra = ''): string => `
    const a = L.zeros([1000], 'f8');
    const jobs = [];
    for (let i = 0; i < ${n}; i++) jobs.push(a.fillAsync(i));
    ${extra}
    await Promise.all(jobs);
    return [a.get(0), a.get(999)];`;

  test('control (child): 200 fillAsync calls leave the last value', () => {
    const r = child(QUEUE(200));
    expect(r.signal).toBeNull();
    expect(JSON.parse(r.out)).toEqual([199, 199]);
  });

  test('20,000 fillAsync calls in a 256 MiB heap (child): the last value, no heap abort (each waited on every earlier one)', () => {
    const r = child(QUEUE(20_000));
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    expect(JSON.parse(r.out)).toEqual([19_999, 19_999]);
  });

  test('20,000 readers then 20,000 writers (child): every reader sees the value before it, the writers end in call order', () => {
    const r = child(`
      const a = L.zeros([1000], 'f8');
      const w0 = a.fillAsync(1);
      const sums = [];
      for (let i = 0; i < 20000; i++) sums.push(a.sumAsync());
      const jobs = [];
      for (let i = 0; i < 20000; i++) jobs.push(a.fillAsync(i));
      const seen = await Promise.all(sums);
      await Promise.all([w0, ...jobs]);
      return [seen.every((s) => s === 1000), a.get(0)];`);
    expect(r.signal).toBeNull();
    expect(JSON.parse(r.out)).toEqual([true, 19_999]);
  });
});

describe('(a guard of the new queue) a job aborted while it waits still holds the order of the jobs behind it', () => {
  test('sort, an aborted fill, then a copy: the copy sees the sorted array (it followed the sort through the aborted fill)', async () => {
    const a = L.arange(200_000, 'f8');
    L.negative(a, { out: a });
    const c = new AbortController();
    const sorted = a.sortAsync();
    const filled = a.fillAsync(5, { signal: c.signal });
    const head = a.index('0:3').copyAsync();
    c.abort();
    await expect(filled).rejects.toBeInstanceOf(L.AbortError);
    await sorted;
    expect((await head).toArray()).toEqual([-199_999, -199_998, -199_997]);
  });
});

describeWithNumpy('fromfile text mode: integer tokens out of the dtype\'s range, against NumPy', () => {
  // NumPy parses an integer token with C's strtoll/strtoull and casts to the item: no error, saturation at 64 bits, then the low bits.
  const TOKENS = ['99999999999', '300', '-1', '2147483648', '-2147483649', '4294967296', '9223372036854775808', '-9223372036854775809', '18446744073709551615', '18446744073709551616', '-18446744073709551615', '99999999999999999999', '-99999999999999999999', '9'.repeat(100), '+70000', '0099', '-0'];
  const DTYPES = ['i1', 'i2', 'i4', 'i8', 'u1', 'u2', 'u4', 'u8', 'b1'];

  test.each(DTYPES)("%s: NumPy's values (an integer dtype threw an OverflowError naming no file; b1 is the control)", (d) => {
    const p = tmp.file(`1, ${TOKENS.join(', ')}`, `ints-${d}.txt`);
    const want = runNumpy<string>(`a = np.fromfile(${JSON.stringify(p)}, sep=',', dtype='${d}'); print(json.dumps(a.tobytes().hex()))`);
    const ours = L.fromfile(p, { sep: ',', dtype: d });
    expect(ours.shape).toEqual([TOKENS.length + 1]);
    expect(hexOf(ours)).toBe(want);
  });
});

describe('NpzFile with mmapMode: the archive written in place (same file, new bytes) after load()', () => {
  const p = tmp.path('inplace.npz');
  const other = tmp.path('other.npz');

  test('control: an archive left alone maps its member, again and again', () => {
    L.savez(p, { a: L.arange(4, 'f8') });
    const z = L.load(p, { mmapMode: 'r' }) as L.NpzFile;
    expect(z.get('a').toArray()).toEqual([0, 1, 2, 3]);
    expect(z.get('a').toArray()).toEqual([0, 1, 2, 3]);
    z.close();
  });

  test("a same-size archive written over it: a ValueError naming the file (the new bytes at the old offset were mapped as the member: [7, 7, 7, 7])", () => {
    L.savez(p, { a: L.arange(4, 'f8') });
    const z = L.load(p, { mmapMode: 'r' }) as L.NpzFile;
    L.savez(other, { a: L.full([4], 7, 'f8') });
    fs.writeFileSync(p, fs.readFileSync(other)); // truncates and rewrites the same inode
    expect(fs.statSync(p).size).toBe(fs.statSync(other).size);
    const e = thrownBy(() => z.get('a'), L.ValueError);
    expect(e.message).toMatch(new RegExp(`^'${escape(p)}' changed since load\\(\\) read its directory \\(written in place: (\\d+) bytes then, \\1 now\\): mmapMode maps members at the offsets that directory gave; load\\(\\) it again$`));
    z.close();
  });

  test('a larger archive written over it: the same ValueError, before any header is read (was a .npy header error of another member\'s bytes)', () => {
    L.savez(p, { a: L.arange(4, 'f8'), b: L.arange(3, 'i4') });
    const z = L.load(p, { mmapMode: 'c' }) as L.NpzFile;
    L.savez(other, { b: L.arange(100, 'i1'), a: L.full([4], 7, 'f8') });
    fs.writeFileSync(p, fs.readFileSync(other));
    for (const key of ['a', 'b']) expect(() => z.get(key)).toThrow(/changed since load\(\) read its directory/);
    z.close();
    const again = L.load(p, { mmapMode: 'r' }) as L.NpzFile;
    expect(again.get('a').toArray()).toEqual([7, 7, 7, 7]);
    again.close();
  });
});
