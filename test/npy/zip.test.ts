// The ZIP reader under .npz (lib/npy/zip.ts) against hostile archives built
// by hand: every bad offset, lying size, zip bomb (overlap, impossible ratio,
// inflating past the declared size), damaged data and non-plain name is a
// ValueError naming the file, at load() for the directory and at get() for
// a member's data; nothing crashes, hangs or allocates what the file claims.
import * as zlib from 'zlib';
import { NpzFile, ValueError, arange, load } from '../../lib';
import { formatHeader } from '../../lib/npy/header';
import { centralDirectory, localHeader, METHOD_DEFLATED, METHOD_STORED, type WrittenMember } from '../../lib/npy/zip';
import { TempDir } from '../helpers/tmp';

const tmp = new TempDir('mmarray-zip-');
afterAll(() => tmp.remove());

/** `.npy` bytes of int64 0..n-1 (the header may claim another shape). */
function npy(n: number, claim = n): Buffer {
  const header = formatHeader({ descr: '<i8', fortranOrder: false, shape: [claim] });
  const data = Buffer.from(new BigInt64Array(Array.from({ length: n }, (_, i) => BigInt(i))).buffer);
  return Buffer.concat([Buffer.from(header), data]);
}

interface Spec {
  name: string;
  data: Buffer;
  deflate?: boolean;
}

/** An archive of `specs` and where each part lies, for patching. */
function build(specs: Spec[]): { bytes: Buffer; locals: number[]; cdOffset: number } {
  const parts: Buffer[] = [];
  const written: WrittenMember[] = [];
  const locals: number[] = [];
  let pos = 0;
  for (const s of specs) {
    const name = Buffer.from(s.name, 'utf8');
    const body = s.deflate ? zlib.deflateRawSync(s.data) : s.data;
    const m = { name, method: s.deflate ? METHOD_DEFLATED : METHOD_STORED, crc: zlib.crc32(s.data), compressedSize: body.length, size: s.data.length };
    const lh = localHeader(m);
    locals.push(pos);
    written.push({ ...m, localOffset: pos });
    parts.push(lh, body);
    pos += lh.length + body.length;
  }
  parts.push(centralDirectory(written, pos));
  return { bytes: Buffer.concat(parts), locals, cdOffset: pos };
}

/** Central entry `k`'s offset in the file (entries have no extra fields here). */
function central(b: Buffer, cdOffset: number, k: number): number {
  let p = cdOffset;
  for (let i = 0; i < k; i++) p += 46 + b.readUInt16LE(p + 28) + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  return p;
}

function expectBad(bytes: Buffer, message: RegExp, at: 'load' | 'get' = 'load', key = 'a'): void {
  const p = tmp.file(bytes, 'hostile.npz');
  let err: unknown;
  try {
    const z = load(p) as NpzFile;
    if (at === 'load') throw new Error('load() accepted the archive');
    try {
      z.get(key);
    } finally {
      z.close();
    }
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(ValueError);
  expect((err as Error).message).toMatch(message);
  expect((err as Error).message).toContain(p);
}

describe('hostile .npz archives', () => {
  const good = (): ReturnType<typeof build> => build([{ name: 'a.npy', data: npy(4) }, { name: 'b.npy', data: npy(3), deflate: true }]);

  test('the unpatched archive reads (the control)', () => {
    const z = load(tmp.file(good().bytes, 'good.npz')) as NpzFile;
    expect(z.files).toEqual(['a', 'b']);
    expect(z.get('a').toArray()).toEqual([0n, 1n, 2n, 3n]);
    expect(z.get('b').toArray()).toEqual([0n, 1n, 2n]);
    z.close();
  });

  test('truncated: no end record; an end record whose directory runs past it', () => {
    const g = good();
    expectBad(g.bytes.subarray(0, g.bytes.length - 5), /no end of central directory record/);
    const b = Buffer.from(g.bytes);
    b.writeUInt32LE(0x7fffffff, b.length - 22 + 16);
    expectBad(b, /central directory .* runs past its end record/);
    const c = Buffer.from(g.bytes);
    c.writeUInt16LE(900, c.length - 22 + 10);
    expectBad(c, /900 members cannot fit/);
  });

  test('bad member offsets: past the member area, no local header there, another name there', () => {
    const g = good();
    const b = Buffer.from(g.bytes);
    b.writeUInt32LE(g.cdOffset + 10, central(b, g.cdOffset, 1) + 42);
    expectBad(b, /local header offset .* is past the member area/);
    const c = Buffer.from(g.bytes);
    c.writeUInt32LE(g.locals[1] + 3, central(c, g.cdOffset, 1) + 42);
    expectBad(c, /no local header at offset/);
    const d = Buffer.from(g.bytes);
    d[g.locals[1] + 30] = 'x'.charCodeAt(0);
    expectBad(d, /its local header names another member/);
  });

  test('lying sizes: a stored member whose sizes disagree, data running past the member area', () => {
    const g = good();
    const b = Buffer.from(g.bytes);
    b.writeUInt32LE(b.readUInt32LE(central(b, g.cdOffset, 0) + 24) + 8, central(b, g.cdOffset, 0) + 24);
    expectBad(b, /stored member "a.npy" claims .* bytes but holds/);
    const c = Buffer.from(g.bytes);
    c.writeUInt32LE(0x10000, central(c, g.cdOffset, 1) + 20);
    expectBad(c, /run past the member area/);
  });

  test('zip bombs: a size deflate cannot reach, inflating past the declared size, overlapping members', () => {
    const g = good();
    const b = Buffer.from(g.bytes);
    b.writeUInt32LE(0xfffffff0, central(b, g.cdOffset, 1) + 24);
    expectBad(b, /more than deflate can expand \(a zip bomb\?\)/);
    const c = Buffer.from(g.bytes);
    c.writeUInt32LE(100, central(c, g.cdOffset, 1) + 24);
    expectBad(c, /inflates past its declared 100 bytes/, 'get', 'b');
    const d = Buffer.from(g.bytes);
    d.writeUInt32LE(g.bytes.readUInt32LE(central(g.bytes, g.cdOffset, 1) + 24) + 100, central(d, g.cdOffset, 1) + 24);
    expectBad(d, /inflates to \d+ bytes, not its declared/, 'get', 'b');
    // Member b's local header inside member a's data: a stored member a whose bytes hold all of b.
    const inner = build([{ name: 'b.npy', data: npy(2) }]);
    const outer = build([{ name: 'a.npy', data: inner.bytes.subarray(0, inner.cdOffset) }]);
    const cdB = inner.bytes.subarray(inner.cdOffset, central(inner.bytes, inner.cdOffset, 1));
    const cdA = outer.bytes.subarray(outer.cdOffset, central(outer.bytes, outer.cdOffset, 1));
    const cdB2 = Buffer.from(cdB);
    const bLocal = outer.locals[0] + 30 + 'a.npy'.length;
    cdB2.writeUInt32LE(bLocal, 42);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(2, 8);
    end.writeUInt16LE(2, 10);
    end.writeUInt32LE(cdA.length + cdB2.length, 12);
    end.writeUInt32LE(outer.cdOffset, 16);
    expectBad(Buffer.concat([outer.bytes.subarray(0, outer.cdOffset), cdA, cdB2, end]), /members "a.npy" and "b.npy" overlap/);
  });

  test('damaged data: a CRC mismatch, stored and deflated; a header claiming more than the member holds', () => {
    const g = good();
    const b = Buffer.from(g.bytes);
    b[g.locals[1] - 1] ^= 1;
    expectBad(b, /fails its CRC-32 check/, 'get', 'a');
    const c = Buffer.from(g.bytes);
    c.writeUInt32LE((c.readUInt32LE(central(c, g.cdOffset, 1) + 16) ^ 1) >>> 0, central(c, g.cdOffset, 1) + 16);
    expectBad(c, /fails its CRC-32 check/, 'get', 'b');
    expectBad(build([{ name: 'a.npy', data: npy(4, 100) }]).bytes, /Failed to read all data for array. Expected \(100,\) = 100 elements, could only read 4 elements/, 'get');
    expectBad(build([{ name: 'a.npy', data: npy(4, 100), deflate: true }]).bytes, /Failed to read all data/, 'get');
    expectBad(build([{ name: 'a.npy', data: Buffer.from('not an npy file at all') }]).bytes, /a.npy/, 'get');
  });

  test('names that are not plain relative names, duplicates, encryption, other methods, multi-disk', () => {
    for (const name of ['../evil.npy', '/abs.npy', 'a\\b.npy', 'nul\0.npy', 'a/../../b.npy', '']) {
      expectBad(build([{ name, data: npy(1) }]).bytes, /is not a plain relative name/);
    }
    expectBad(build([{ name: 'a.npy', data: npy(1) }, { name: 'a.npy', data: npy(2) }]).bytes, /appears twice/);
    const g = good();
    const b = Buffer.from(g.bytes);
    b.writeUInt16LE(1, central(b, g.cdOffset, 0) + 8);
    expectBad(b, /is encrypted/);
    const c = Buffer.from(g.bytes);
    c.writeUInt16LE(12, central(c, g.cdOffset, 0) + 10);
    expectBad(c, /compression method 12/);
    const d = Buffer.from(g.bytes);
    d.writeUInt16LE(1, d.length - 22 + 4);
    expectBad(d, /multi-disk/);
  });

  test('a zip64 locator pointing nowhere', () => {
    const g = good();
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0);
    loc.writeBigUInt64LE(10n ** 15n, 8);
    const end = g.bytes.subarray(g.bytes.length - 22);
    expectBad(Buffer.concat([g.bytes.subarray(0, g.bytes.length - 22), loc, end]), /zip64 end record offset .* is past the locator/);
  });

  test('arange through a member the reader found valid (no false positive for a member at the end)', () => {
    const z = load(tmp.file(build([{ name: 'x.npy', data: npy(5), deflate: true }]).bytes, 'x.npz')) as NpzFile;
    expect(z.get('x').toArray()).toEqual((arange(5).toArray() as bigint[]).map((v) => BigInt(v)));
    z.close();
  });
});
