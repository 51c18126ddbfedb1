// Tenth adversarial pass: the newest surfaces (.npz archives, fromfile's text
// mode) under hostile files and lists. Each case here failed before its fix
// (a hang, a V8 heap abort, Node's own RangeError or string error instead of
// a typed one naming the file, an archive savez wrote that load refused, or a
// silently wrong mapping); those that hung or aborted run in forked children
// with a time limit, beside a control.
import * as fs from 'fs';
import * as zlib from 'zlib';

import * as L from '../lib';
import { MemoryError, NpzFile, ValueError } from '../lib';
import { formatHeader } from '../lib/npy/header';
import { centralDirectory, localHeader, METHOD_STORED, readDirectory } from '../lib/npy/zip';
import { runInChild, type ChildResult } from './helpers/child';
import { hexOf } from './helpers/np-compare';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { TempDir } from './helpers/tmp';

const tmp = new TempDir('mmarray-adv10-');
afterAll(() => tmp.remove());

const child = (body: string, heapMb = 512): ChildResult => runInChild(body, { heapMb });

/** A list of length 2^32-1 holding `items` first and holes after. */
const SPARSE = (items: string): string => `(() => { const a = [${items}]; a.length = 2 ** 32 - 1; return a; })()`;
/** A Proxy claiming 2^32-1 items, every one of them `item`. */
const CLAIMING = (item: string): string => `new Proxy([], { get(t, k) { return k === 'length' ? 2 ** 32 - 1 : typeof k === 'string' && /^\\d+$/.test(k) ? ${item} : t[k]; }, has() { return true; } })`;

function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('no error was thrown');
}

describe('savez: a list of arrays that lies about its length', () => {
  test('control: a list of two arrays is arr_0 and arr_1', () => {
    const p = tmp.path('two.npz');
    L.savez(p, [L.arange(3), L.ones([2])]);
    const z = L.load(p) as NpzFile;
    expect(z.files).toEqual(['arr_0', 'arr_1']);
    z.close();
  });

  test('a list with a hole: a TypeError naming the item, no file (the hole was skipped and arr_1 silently left out)', () => {
    const p = tmp.path('hole.npz');
    const list: unknown[] = [L.arange(3), L.arange(2), L.arange(1)];
    delete list[1];
    expect(() => L.savez(p, list)).toThrow(new TypeError('savez(): arrays[1] is required'));
    expect(fs.existsSync(p)).toBe(false);
  });

  test('a sparse list of length 2^32-1 (child): a MemoryError at once (map walked 2^32 indices: a hang)', () => {
    const p = tmp.path('sparse.npz');
    const r = child(`return L.savez(${JSON.stringify(p)}, ${SPARSE('L.arange(3)')});`);
    expect(r.signal).toBeNull();
    expect(JSON.parse(r.out)).toEqual(['MemoryError', expect.stringMatching(/^savez\(\): 4294967295 arrays are at least \d+ bytes of JS heap/)]);
    expect(fs.existsSync(p)).toBe(false);
  });

  test('a Proxy claiming 2^32-1 arrays (child): the MemoryError before an item is read (listed until V8 aborted)', () => {
    const p = tmp.path('proxy.npz');
    const r = child(`return L.savez(${JSON.stringify(p)}, ${CLAIMING('L.arange(3)')});`);
    expect(r.signal).toBeNull();
    expect(JSON.parse(r.out)).toEqual(['MemoryError', expect.stringMatching(/^savez\(\): 4294967295 arrays/)]);
  });
});

describe('savez: array names load() would refuse are refused before the file is touched', () => {
  test("control: a name with a '/' (a plain relative name, as NumPy writes it) reads back", () => {
    const p = tmp.path('slash.npz');
    L.savez(p, { 'a/b': L.arange(3) });
    const z = L.load(p) as NpzFile;
    expect(z.files).toEqual(['a/b']);
    expect(z.get('a/b').toArray()).toEqual([0n, 1n, 2n]);
    z.close();
  });

  test.each([
    ['../up', "has a '..' part"],
    ['a/../b', "has a '..' part"],
    ['/abs', "starts with '/'"],
    ['a\\b', 'holds a backslash'],
    ['tab\there', 'holds a NUL or control character'],
  ])('%j: a ValueError naming it (the archive was written, then load() refused it)', (key, problem) => {
    const p = tmp.path('named.npz');
    const e = thrown(() => L.savez(p, { [key]: L.arange(3) }));
    expect(e).toBeInstanceOf(ValueError);
    expect(e.message).toContain(`savez(): the array name ${JSON.stringify(key)} is not a plain relative member name`);
    expect(e.message).toContain(problem);
    expect(fs.existsSync(p)).toBe(false);
  });

  test("a name past a zip name's 65535 bytes: a ValueError (was Node's RangeError 'The value of \"value\" is out of range' from a header write)", () => {
    const p = tmp.path('long.npz');
    const e = thrown(() => L.savezCompressed(p, { ['x'.repeat(70000)]: L.arange(3) }));
    expect(e).toBeInstanceOf(ValueError);
    expect(e.message).toMatch(/is 70004 bytes of UTF-8, more than a zip name holds \(65535\)/);
    expect(fs.existsSync(p)).toBe(false);
  });
});

describe('NpzFile with mmapMode: the archive replaced after load()', () => {
  test('control: without mmapMode a member is read through the open file, the old archive', () => {
    const p = tmp.path('replaced.npz');
    L.savez(p, { a: L.arange(4, 'f8') });
    const z = L.load(p) as NpzFile;
    L.savez(p, { a: L.full([4], 7, 'f8') });
    expect(z.get('a').toArray()).toEqual([0, 1, 2, 3]);
    z.close();
  });

  test('a ValueError naming the file (the new archive was mapped at the old offset: another array\'s bytes)', () => {
    const p = tmp.path('replaced-mm.npz');
    L.savez(p, { a: L.arange(4, 'f8') });
    const z = L.load(p, { mmapMode: 'r' }) as NpzFile;
    L.savez(p, { a: L.full([4], 7, 'f8') });
    const e = thrown(() => z.get('a'));
    expect(e).toBeInstanceOf(ValueError);
    expect(e.message).toBe(`'${p}' is no longer the archive load() opened (it was replaced since): mmapMode maps members through the path; load() it again`);
    z.close();
    const again = L.load(p, { mmapMode: 'r' }) as NpzFile;
    expect(again.get('a').toArray()).toEqual([7, 7, 7, 7]);
    again.close();
  });
});

/** Writes `parts` ([offset, bytes]) into a sparse file of `size` bytes. */
function sparseWith(size: number, parts: [number, Buffer][], name: string): string {
  const p = tmp.sparse(size, name);
  const fd = fs.openSync(p, 'r+');
  try {
    for (const [at, b] of parts) fs.writeSync(fd, b, 0, b.length, at);
  } finally {
    fs.closeSync(fd);
  }
  return p;
}

describe('archives whose directory or member claims gigabytes of a sparse file', () => {
  const GIB5 = 5 * 2 ** 30;

  test('an end record claiming a 4 GiB central directory of a 5 GiB sparse file (child): the ValueError of its first entry, in little memory (the whole claim was read into a 4 GiB Buffer first)', () => {
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(0xffffffff, 12); // no zip64 record: the 32-bit fields as they are
    end.writeUInt32LE(0, 16);
    const p = sparseWith(GIB5, [[0, Buffer.from('PK\x03\x04', 'latin1')], [GIB5 - 22, end]], 'cd.npz');
    const r = child(`try { L.load(${JSON.stringify(p)}); return 'loaded'; } catch (e) { return [e.name, e.message, process.memoryUsage().rss < 2 ** 30]; }`);
    expect(r.signal).toBeNull();
    expect(JSON.parse(r.out)).toEqual(['ValueError', `'${p}' is not a valid .npz (zip) archive: central directory entry 0 is missing or damaged (offset 0)`, true]);
  });

  test("bytes() of a stored member of 5 GiB: a MemoryError naming it (was Node's RangeError for the Buffer); get() reads the header and refuses it", () => {
    const name = Buffer.from('a.npy');
    const lh = localHeader({ name, method: METHOD_STORED, crc: 0, compressedSize: GIB5, size: GIB5 });
    const cd = centralDirectory([{ name, method: METHOD_STORED, crc: 0, compressedSize: GIB5, size: GIB5, localOffset: 0 }], lh.length + GIB5);
    const p = sparseWith(lh.length + GIB5 + cd.length, [[0, lh], [lh.length + GIB5, cd]], 'member.npz');
    const z = L.load(p) as NpzFile;
    const e = thrown(() => z.bytes('a'));
    expect(e).toBeInstanceOf(MemoryError);
    expect(e.message).toMatch(new RegExp(`^Unable to allocate 5\\.0 GiB for member "a\\.npy" of '${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}'`));
    expect(() => z.get('a')).toThrow(ValueError);
    z.close();
  });
});

describe('an archive that shrinks while its directory is read', () => {
  test('a short read is the ValueError naming the file (was a RangeError reading past a Buffer)', () => {
    const header = Buffer.from(formatHeader({ descr: '<i8', fortranOrder: false, shape: [2] }));
    const data = Buffer.concat([header, Buffer.alloc(16)]);
    const name = Buffer.from('a.npy');
    const m = { name, method: METHOD_STORED, crc: zlib.crc32(data), compressedSize: data.length, size: data.length };
    const lh = localHeader(m);
    const bytes = Buffer.concat([lh, data, centralDirectory([{ ...m, localOffset: 0 }], lh.length + data.length)]);
    const control = readDirectory((at, n) => bytes.subarray(at, at + n), bytes.length, 'x.npz');
    expect(control.map((z) => z.name)).toEqual(['a.npy']);
    // The file loses its first 64 bytes' worth of reads after its end record was found: the local header read comes back short.
    let reads = 0;
    const shrinking = (at: number, n: number): Buffer => (++reads > 2 && at < 64 ? bytes.subarray(at, Math.min(at + n, 10)) : bytes.subarray(at, at + n));
    const e = thrown(() => readDirectory(shrinking, bytes.length, 'x.npz'));
    expect(e).toBeInstanceOf(ValueError);
    expect(e.message).toMatch(/^'x\.npz' is not a valid \.npz \(zip\) archive: it ends at byte 10, before the 30 bytes at offset 0 its directory locates \(the file shrank\?\)$/);
  });
});

describe('fromfile text mode: files a string or a token list cannot hold', () => {
  test('control: a small text file', () => {
    const p = tmp.file('1, 2, 3', 'small.txt');
    expect(L.fromfile(p, { sep: ',', dtype: 'i4' }).toArray()).toEqual([1, 2, 3]);
  });

  test("a 600 MiB sparse file (NUL bytes, no separator), child: the ValueError of unmatched data naming the file (was Node's ERR_STRING_TOO_LONG after reading it all)", () => {
    const p = tmp.sparse(600 * 2 ** 20, 'nul.txt');
    const r = runInChild(`return L.fromfile(${JSON.stringify(p)}, { sep: ',' });`, { heapMb: 512, code: true });
    expect(r.signal).toBeNull();
    expect(JSON.parse(r.out)).toEqual([
      'ValueError',
      'ERR_VALUE',
      `string or file could not be read to its end due to unmatched data: item 0 of '${p}' runs past 1048576 characters with no separator "," (it starts ${JSON.stringify('\0'.repeat(40))})`,
    ]);
  });

  test('10M items in a 128 MiB heap (child): count=5 reads five, and the whole file parses (its token list ran V8 out of heap: an abort)', () => {
    const p = tmp.file('12 '.repeat(10_000_000), 'many.txt');
    const r = child(`const a = L.fromfile(${JSON.stringify(p)}, { sep: ' ', dtype: 'u1', count: 5 }); const b = L.fromfile(${JSON.stringify(p)}, { sep: ' ', dtype: 'u1' }); return [a.toArray(), b.shape, Number(b.sum())];`, 128);
    expect(r.signal).toBeNull();
    expect(JSON.parse(r.out)).toEqual([[12, 12, 12, 12, 12], [10_000_000], 120_000_000]);
  });
});

describeWithNumpy('fromfile text mode read a piece at a time, against NumPy', () => {
  test('separators and items across the 1 MiB pieces: the same array as NumPy', () => {
    // Items of varied widths and separators padded with varied whitespace put every boundary case at some piece's edge.
    const items: string[] = [];
    for (let i = 0, len = 0; len < 3 * 2 ** 20; i++) len += items[items.push(`${(i * 7919) % 100003}.${i % 97}${' '.repeat(i % 5)},${'\n'.repeat(i % 3)}${' '.repeat(i % 4)}`) - 1].length;
    const p = tmp.file(`  \n ${items.join('')}42  \n`, 'pieces.txt');
    const ours = L.fromfile(p, { sep: ',' });
    const want = runNumpy<{ n: number; hex: string }>(`a = np.fromfile(${JSON.stringify(p)}, sep=','); print(json.dumps({'n': a.size, 'hex': a.tobytes().hex()}))`);
    expect(ours.size).toBe(want.n);
    expect(hexOf(ours)).toBe(want.hex);
  });
});

describeWithNumpy('einsum: an unknown optimize path name', () => {
  test("NumPy's KeyError (was a plain Error)", () => {
    const want = runNumpy<string>(`
a = np.ones((2, 2))
try: np.einsum_path('ij,jk,kl', a, a, a, optimize='fancy')
except Exception as e: print(json.dumps(type(e).__name__))`);
    const a = L.ones([2, 2]);
    for (const f of [() => L.einsumPath('ij,jk,kl', a, a, a, { optimize: 'fancy' as 'greedy' }), () => L.einsum('ij,jk,kl', a, a, a, { optimize: 'fancy' as 'greedy' })]) {
      const e = thrown(f);
      expect(e.name).toBe(want);
      expect(e).toBeInstanceOf(L.KeyError);
      expect(e.message).toBe('Path name fancy not found');
    }
  });
});
