// Multi-gigabyte mappings: a sparse 12 GiB file seen as bytes and as 24-byte
// records. The storage exposes it as 4 GiB windows every 2 GiB; these tests
// pin down every element and record around the 2^31·k and 2^32·k edges,
// slices that cross them both ways, and field views over the whole file.
// Sparse: only the pages written here take disk space. No timing assertions.
import * as fs from 'fs';
import { memmap, readNpyHeader, saveNpy, type Memmap } from '../lib';
import { WINDOW_BYTES, WINDOW_STEP } from '../lib/storage';
import { readAt, writeAt } from './helpers/bytes';
import { useTempDir } from './helpers/tmp';

const tmp = useTempDir('mmarray-bigfile-');

const GiB = 2 ** 30;
const FILE_BYTES = 12 * GiB;
const REC = [
  ['a', '<u8'],
  ['b', '<f8'],
  ['c', '<i4'],
  ['d', '<u4'],
] as const;
const REC_BYTES = 24;

/** Every byte offset that is a multiple of 2^31 strictly inside the file (2^32·k included). */
const EDGES: number[] = [];
for (let b = WINDOW_STEP; b < FILE_BYTES; b += WINDOW_STEP) EDGES.push(b);

/** A byte value that differs for neighbouring offsets and between edges. */
const byteFor = (off: number): number => ((off % 251) + Math.floor(off / WINDOW_STEP) * 17 + 1) & 0xff;

test('the windows are what these tests assume', () => {
  expect(WINDOW_STEP).toBe(2 ** 31);
  expect(WINDOW_BYTES).toBe(2 ** 32);
  // Records straddle most 2 GiB edges (2^31 mod 24 = 8).
  expect(EDGES.filter((b) => b % REC_BYTES !== 0).length).toBeGreaterThan(0);
});

describe('12 GiB sparse file as u1', () => {
  let path: string;
  let m: Memmap;

  beforeAll(() => {
    path = tmp.sparse(FILE_BYTES, 'big-u1.bin');
    m = memmap(path, { dtype: 'u1', mode: 'r+' });
  });
  afterAll(() => m?.close());

  test('size exceeds 2^32 and the shape is inferred', () => {
    expect(m.shape).toEqual([FILE_BYTES]);
    expect(m.size).toBe(3 * 2 ** 32);
    expect(m.size).toBeGreaterThan(2 ** 32);
    expect(m.nbytes).toBe(FILE_BYTES);
    expect(() => m.buffer).toThrow(RangeError);
    expect(() => m.byteOffset).toThrow('a mapping larger than 4 GiB has no single ArrayBuffer; use typedArray() on a view');
  });

  test('first and last element: read zeros, write, land in the file', () => {
    expect(m.get(0)).toBe(0);
    expect(m.get(-1)).toBe(0);
    expect(m.get(FILE_BYTES - 1)).toBe(0);
    m.set('0', 11);
    m.set('-1', 250);
    expect(m.get(0)).toBe(11);
    expect(m.get(FILE_BYTES - 1)).toBe(250);
    m.flush();
    expect([...readAt(path, 0, 1)]).toEqual([11]);
    expect([...readAt(path, FILE_BYTES - 1, 1)]).toEqual([250]);
  });

  test('elements around every 2^31·k and 2^32·k edge', () => {
    for (const b of EDGES) {
      for (let off = b - 3; off <= b + 3; off++) m.set(`${off}`, byteFor(off));
    }
    m.flush();
    for (const b of EDGES) {
      const expected = [];
      for (let off = b - 3; off <= b + 3; off++) {
        expected.push(byteFor(off));
        expect(m.get(off)).toBe(byteFor(off));
      }
      expect([...readAt(path, b - 3, 7)]).toEqual(expected);
    }
  });

  test('writes through the file are seen through the mapping at the edges', () => {
    for (const b of EDGES) writeAt(path, b - 1, Uint8Array.of(0x5a, 0xa5));
    for (const b of EDGES) {
      expect(m.get(b - 1)).toBe(0x5a);
      expect(m.get(b)).toBe(0xa5);
    }
  });

  test('slices across the edges with positive and negative steps', () => {
    for (const b of EDGES) {
      const lo = b - 20;
      const hi = b + 20;
      const data = Uint8Array.from({ length: hi - lo }, (_, i) => (i * 13 + b / WINDOW_STEP) & 0xff);
      m.index(`${lo}:${hi}`).set([...data]);
      const at = (off: number): number => data[off - lo];

      const up = m.index(`${lo}:${hi}:3`);
      const expectedUp = [];
      for (let off = lo; off < hi; off += 3) expectedUp.push(at(off));
      expect(up.shape).toEqual([expectedUp.length]);
      expect(up.toArray()).toEqual(expectedUp);

      const down = m.index(`${hi - 1}:${lo - 1}:-3`);
      const expectedDown = [];
      for (let off = hi - 1; off > lo - 1; off -= 3) expectedDown.push(at(off));
      expect(down.strides).toEqual([-3]);
      expect(down.toArray()).toEqual(expectedDown);

      // Strided writes across the edge, then a copy across it.
      down.fill(0xee);
      m.flush();
      const file = readAt(path, lo, hi - lo);
      for (let off = lo; off < hi; off++) {
        const want = (hi - 1 - off) % 3 === 0 ? 0xee : at(off);
        expect(file[off - lo]).toBe(want);
      }
      const c = m.index(`${b - 4}:${b + 4}`).copy();
      expect(c.toArray()).toEqual([...file.subarray(b - 4 - lo, b + 4 - lo)]);
      // A zero-copy typed array over a range that crosses a 2 GiB edge lies in one window.
      const t = m.index(`${b - 4}:${b + 4}`).typedArray();
      expect([...t]).toEqual([...file.subarray(b - 4 - lo, b + 4 - lo)]);
    }
  });

  test('the whole file reversed', () => {
    const r = m.index('::-1');
    expect(r.size).toBe(FILE_BYTES);
    expect(r.strides).toEqual([-1]);
    expect(r.offset).toBe(FILE_BYTES - 1);
    expect(r.get(0)).toBe(m.get(FILE_BYTES - 1));
    expect(r.get(FILE_BYTES - 1)).toBe(m.get(0));
    for (const b of EDGES) {
      const i = FILE_BYTES - 1 - b;
      expect(r.get(i)).toBe(m.get(b));
      expect(r.index(`${i - 2}:${i + 3}`).toArray()).toEqual(m.index(`${b + 2}:${b - 3}:-1`).toArray());
    }
  });

  test('views as wider types straddle nothing: u8 view near every edge', () => {
    const v = m.view('<u8');
    expect(v.size).toBe(FILE_BYTES / 8);
    for (const b of EDGES) {
      const i = b / 8;
      const bytes = readAt(path, b - 8, 16);
      expect(v.get(i - 1)).toBe(bytes.readBigUInt64LE(0));
      expect(v.get(i)).toBe(bytes.readBigUInt64LE(8));
    }
  });
  test('typedArray(): any view up to 2 GiB, wherever it lies; a wider one is refused with the reason', () => {
    const edge = 5 * GiB - 1000;
    const t = m.index(`${edge}:${edge + 2 * GiB}`).typedArray();
    expect(t.length).toBe(2 * GiB);
    t[0] = 7;
    t[t.length - 1] = 9;
    expect([m.get(edge), m.get(edge + 2 * GiB - 1)]).toEqual([7, 9]);
    expect(readAt(path, edge + 2 * GiB - 1, 1)[0]).toBe(9);
    expect(() => m.index(`0:${3 * GiB}`).typedArray()).toThrow(/more than one window .* can hold; take the view in slices/);
  });

  test('saveNpy of a row over 2 GiB that crosses window edges writes every byte', () => {
    // One write() moves at most ~2 GiB and a 2 GiB piece need not lie in one
    // window: saveNpy used to pass the whole row to one writeSync (ERR_OUT_OF_RANGE,
    // leaving a header-only file). Costs a 2 GiB temporary file.
    const start = 3 * GiB + GiB / 2;
    const R = 2 ** 31 + 4096;
    const marks = [0, 1, GiB / 2 - 1, GiB / 2, 2 ** 31 - 1, 2 ** 31, R - 2, R - 1];
    marks.forEach((i, k) => m.set(`${start + i}`, 0x30 + k));
    const row = m.index(`${start}:${start + R}`).reshape([1, R]);
    const out = tmp.path('big-row.npy');
    try {
      saveNpy(out, row);
      const h = readNpyHeader(out);
      expect(h.shape).toEqual([1, R]);
      expect(h.descr).toBe('|u1');
      expect(fs.statSync(out).size).toBe(h.dataOffset + R);
      marks.forEach((i, k) => expect([...readAt(out, h.dataOffset + i, 1)]).toEqual([0x30 + k]));
      expect([...readAt(out, h.dataOffset + GiB, 4)]).toEqual([...readAt(path, start + GiB, 4)]);
    } finally {
      fs.rmSync(out, { force: true });
    }
  });
});

describe('12 GiB sparse file as 24-byte records', () => {
  let path: string;
  let m: Memmap;
  const N = FILE_BYTES / REC_BYTES;

  const recordFor = (r: number): { a: bigint; b: number; c: number; d: number } => ({
    a: BigInt(r) * 1_000_003n + (1n << 60n),
    b: r + 0.25,
    c: -(r % 1_000_000_007) | 0,
    d: (r * 7) >>> 0,
  });

  function expectRecordInFile(r: number): void {
    const buf = readAt(path, r * REC_BYTES, REC_BYTES);
    const want = recordFor(r);
    expect(buf.readBigUInt64LE(0)).toBe(want.a);
    expect(buf.readDoubleLE(8)).toBe(want.b);
    expect(buf.readInt32LE(16)).toBe(want.c);
    expect(buf.readUInt32LE(20)).toBe(want.d);
  }

  /** Records touching byte `b`: the one holding it and its neighbours. */
  const recordsAround = (b: number): number[] => {
    const r = Math.floor(b / REC_BYTES);
    return [r - 2, r - 1, r, r + 1, r + 2];
  };

  beforeAll(() => {
    path = tmp.sparse(FILE_BYTES, 'big-rec.bin');
    m = memmap(path, { dtype: REC as never, mode: 'r+' });
  });
  afterAll(() => m?.close());

  test('shape inferred from the file size', () => {
    expect(m.itemsize).toBe(REC_BYTES);
    expect(m.shape).toEqual([N]);
    expect(N).toBe(2 ** 29);
    expect(m.get(0)).toEqual({ a: 0n, b: 0, c: 0, d: 0 });
  });

  test('first and last record', () => {
    for (const r of [0, 1, N - 2, N - 1]) m.set(`${r}`, recordFor(r));
    m.flush();
    for (const r of [0, 1, N - 2, N - 1]) {
      expect(m.get(r)).toEqual(recordFor(r));
      expectRecordInFile(r);
    }
    expect(m.get(-1)).toEqual(recordFor(N - 1));
  });

  test('records around (and straddling) every 2 GiB and 4 GiB edge', () => {
    for (const b of EDGES) for (const r of recordsAround(b)) m.set(`${r}`, recordFor(r));
    m.flush();
    for (const b of EDGES) {
      const straddler = Math.floor(b / REC_BYTES);
      if (b % REC_BYTES !== 0) {
        expect(straddler * REC_BYTES).toBeLessThan(b);
        expect((straddler + 1) * REC_BYTES).toBeGreaterThan(b);
      }
      for (const r of recordsAround(b)) {
        expect(m.get(r)).toEqual(recordFor(r));
        expectRecordInFile(r);
      }
    }
  });

  test('field writes land inside a straddling record', () => {
    const b = EDGES.find((e) => e % REC_BYTES !== 0)!;
    const r = Math.floor(b / REC_BYTES);
    // Field 'b' (bytes 8..16 of the record) is the one cut by the edge when b ≡ 8 mod 24.
    m.field('b').set(`${r}`, -123.5);
    m.field('d').set(`${r}`, 0xdeadbeef);
    m.flush();
    const buf = readAt(path, r * REC_BYTES, REC_BYTES);
    expect(buf.readDoubleLE(8)).toBe(-123.5);
    expect(buf.readUInt32LE(20)).toBe(0xdeadbeef);
    m.set(`${r}`, recordFor(r));
  });

  test('slices across the edges, step 3 both ways', () => {
    for (const b of EDGES) {
      const r = Math.floor(b / REC_BYTES);
      const lo = r - 6;
      const hi = r + 7;
      for (let i = lo; i < hi; i++) m.set(`${i}`, recordFor(i));
      const up = m.index(`${lo}:${hi}:3`);
      const want: unknown[] = [];
      for (let i = lo; i < hi; i += 3) want.push(recordFor(i));
      expect(up.toArray()).toEqual(want);
      const down = m.index(`${hi - 1}:${lo - 1}:-3`);
      const wantDown: unknown[] = [];
      for (let i = hi - 1; i > lo - 1; i -= 3) wantDown.push(recordFor(i));
      expect(down.toArray()).toEqual(wantDown);
      expect(down.field('d').toArray()).toEqual(wantDown.map((x) => (x as { d: number }).d));
      // Write through the reversed strided view; check the bytes with fs.
      down.field('c').fill(-7);
      m.flush();
      for (let i = hi - 1; i > lo - 1; i -= 3) expect(readAt(path, i * REC_BYTES + 16, 4).readInt32LE(0)).toBe(-7);
      for (let i = hi - 2; i > lo - 1; i -= 3) expect(readAt(path, i * REC_BYTES + 16, 4).readInt32LE(0)).toBe(recordFor(i).c);
      for (let i = lo; i < hi; i++) m.set(`${i}`, recordFor(i));
    }
  });

  test('a field view over the whole file', () => {
    const a = m.field('a');
    const d = m.field('d');
    expect(a.shape).toEqual([N]);
    expect(a.strides).toEqual([REC_BYTES]);
    expect(d.offset).toBe(20);
    expect(a.get(N - 1)).toBe(recordFor(N - 1).a);
    expect(d.get(N - 1)).toBe(recordFor(N - 1).d);
    expect(d.get(-2)).toBe(recordFor(N - 2).d);
    const rev = m.index('::-1').field('b');
    expect(rev.get(0)).toBe(recordFor(N - 1).b);
    expect(rev.get(N - 1)).toBe(recordFor(0).b);
    for (const b of EDGES) {
      for (const r of recordsAround(b)) expect(a.get(r)).toBe(recordFor(r).a);
    }
    d.set(`${N - 1}`, 1);
    m.flush();
    expect(readAt(path, FILE_BYTES - 4, 4).readUInt32LE(0)).toBe(1);
  });

  test('flush and flushAsync over the whole 12 GiB mapping', async () => {
    expect(() => m.flush()).not.toThrow();
    await expect(m.flushAsync()).resolves.toBeUndefined();
  });

  test('a read-only mapping of the same file sees the same records', () => {
    const ro = memmap(path, { dtype: REC as never, mode: 'r' });
    try {
      for (const b of EDGES) for (const r of recordsAround(b)) expect(ro.get(r)).toEqual(m.get(r));
      expect(ro.field('a').get(N - 1)).toBe(recordFor(N - 1).a);
    } finally {
      ro.close();
    }
  });
});
