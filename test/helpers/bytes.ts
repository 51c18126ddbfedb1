/**
 * Helpers shared by the tests: deterministic random numbers and bytes, and
 * reads and writes at a file position that bypass the library (to check
 * what it did).
 */
import * as fs from 'fs';

/** A small deterministic PRNG (mulberry32): numbers in [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A deterministic generator of uint32s (xorshift32), so failures reproduce. */
export function xorshift32(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

/** Deterministic bytes (xorshift32), so failures reproduce. */
export function randomBytes(n: number, seed = 1): Uint8Array {
  const out = new Uint8Array(n);
  const next = xorshift32(seed);
  for (let i = 0; i < n; i++) out[i] = next() & 0xff;
  return out;
}

/** `length` bytes of `path` at `position`, read with fs (all of them, or the test fails). */
export function readAt(path: string, position: number, length: number): Buffer {
  const fd = fs.openSync(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    expect(fs.readSync(fd, buf, 0, length, position)).toBe(length);
    return buf;
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes `bytes` into `path` at `position` with fs. */
export function writeAt(path: string, position: number, bytes: Uint8Array): void {
  const fd = fs.openSync(path, 'r+');
  try {
    fs.writeSync(fd, bytes, 0, bytes.length, position);
  } finally {
    fs.closeSync(fd);
  }
}
