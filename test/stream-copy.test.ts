// Contiguous copies into destinations of kStreamBytes (16 MiB) or more go
// through native/kernels.cc's streaming copy (non-temporal stores, with
// memcpy'd bytes before the first and after the last vector-aligned line of
// the destination). Each case checks the copy byte for byte against the
// source, at sizes around the threshold and at odd offsets on either side,
// and that nothing outside the destination is written. Overlapping source
// and destination keep memmove's result.
import { fromBuffer } from '../lib';
import { kernelCopy } from '../lib/native';
import { randomBytes } from './helpers/bytes';

const MIB = 2 ** 20;
const STREAM = 16 * MIB;

/** `len` deterministic bytes with one spare byte kept at each end. */
function source(len: number, seed: number): Uint8Array {
  return randomBytes(len, seed);
}

describe('contiguous copies around the streaming threshold', () => {
  // Just under, at and past 16 MiB, and one not a whole number of 64-byte lines.
  it.each([STREAM - 8, STREAM, STREAM + 8, STREAM + 64 * 1024 + 40])('copy() of %i bytes of <f8 is the same bytes', (bytes) => {
    const src = source(bytes, bytes % 251);
    const a = fromBuffer(src.buffer, '<f8');
    const c = a.copy();
    expect(c.buffer).not.toBe(src.buffer);
    expect(Buffer.from(c.buffer).equals(Buffer.from(src.buffer))).toBe(true);
  });

  it('copy() of a uint8 array past the threshold at every source offset 0..63 is its bytes', () => {
    const len = STREAM + 77;
    const src = source(len + 64, 3);
    for (const off of [0, 1, 7, 15, 31, 33, 63]) {
      const c = fromBuffer(src.buffer, '<u1', { offset: off, count: len }).copy();
      expect(Buffer.from(c.buffer).equals(Buffer.from(src.buffer, off, len))).toBe(true);
    }
  });

  it('set() into an existing array at odd destination offsets writes exactly its bytes', () => {
    const len = STREAM + 129;
    const src = source(len, 5);
    const dst = new Uint8Array(len + 130);
    for (const off of [1, 3, 17, 63, 64, 65]) {
      dst.fill(0xa5);
      fromBuffer(dst.buffer, '<u1', { offset: off, count: len }).set(fromBuffer(src.buffer, '<u1'));
      // The bytes either side of the destination are untouched.
      expect(dst.subarray(0, off).every((b) => b === 0xa5)).toBe(true);
      expect(dst.subarray(off + len).every((b) => b === 0xa5)).toBe(true);
      expect(Buffer.from(dst.buffer, off, len).equals(Buffer.from(src))).toBe(true);
    }
  });

  it('a 2-d C-contiguous copy past the threshold (rows coalesced into one) is the same bytes', () => {
    const rows = 1025;
    const cols = 2049;
    const src = source(rows * cols * 8, 9);
    const c = fromBuffer(src.buffer, '<f8').reshape([rows, cols]).copy();
    expect(c.shape).toEqual([rows, cols]);
    expect(Buffer.from(c.buffer).equals(Buffer.from(src.buffer))).toBe(true);
  });

  it('a byte-order cast past the threshold still swaps every item', () => {
    const n = STREAM / 8 + 3;
    const src = source(n * 8, 11);
    const c = fromBuffer(src.buffer, '<u8').astype('>u8');
    const out = new Uint8Array(c.buffer);
    for (const i of [0, 1, n >> 1, n - 1]) {
      for (let k = 0; k < 8; k++) expect(out[8 * i + k]).toBe(src[8 * i + 7 - k]);
    }
  });
});

describe('overlapping source and destination', () => {
  it('set() of a view shifted by one item onto its own array gives the shifted values (NumPy: as if through a copy)', () => {
    const n = STREAM / 8 + 1000;
    const buf = new Float64Array(n);
    for (let i = 0; i < n; i++) buf[i] = i * 0.25 - 3;
    const want = new Float64Array(n);
    want.set(buf.subarray(0, n - 1), 1);
    want[0] = buf[0];
    const a = fromBuffer(buf.buffer, '<f8');
    a.index('1:').set(a.index(':-1'));
    expect(Buffer.from(buf.buffer).equals(Buffer.from(want.buffer))).toBe(true);
  });

  it('in-place byteswap of a uint8 array past the threshold (the same bytes as source and destination) leaves it unchanged', () => {
    const src = source(STREAM + 5, 13);
    const before = Buffer.from(src);
    fromBuffer(src.buffer, '<u1').byteswap(true);
    expect(Buffer.from(src.buffer).equals(before)).toBe(true);
  });

  it('kernelCopy of rows each overlapping its own destination 64 bytes ahead gives memmove\'s result', () => {
    // 17 rows of just under 1 MiB (one kernel unit each), 2 MiB apart: 17 MiB
    // in all, so the copy streams, while each row's destination starts 64
    // bytes after its source. A forward streaming copy would overwrite bytes
    // of the row before reading them; the kernel must fall back to memmove.
    const rows = 17;
    const len = MIB - 64;
    const pitch = 2 * MIB;
    const bytes = source(rows * pitch, 17);
    const back = Buffer.from(bytes);
    kernelCopy(bytes.buffer as ArrayBuffer, 0, [pitch, 1], bytes.buffer as ArrayBuffer, 64, [pitch, 1], [rows, len], 1, []);
    for (let r = 0; r < rows; r++) {
      expect(Buffer.from(bytes.buffer, r * pitch + 64, len).equals(back.subarray(r * pitch, r * pitch + len))).toBe(true);
      // The first 64 bytes of the row and the gap after it are untouched.
      expect(Buffer.from(bytes.buffer, r * pitch, 64).equals(back.subarray(r * pitch, r * pitch + 64))).toBe(true);
      expect(Buffer.from(bytes.buffer, r * pitch + 64 + len, pitch - 64 - len).equals(back.subarray(r * pitch + 64 + len, (r + 1) * pitch))).toBe(true);
    }
  });
});
