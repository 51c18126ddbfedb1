// The async test files' arrays: random contents of every numeric dtype, random
// strided views of them, and their bytes in C order (test/async*.test.ts).
import * as mm from '../../lib';
import type { NdArray } from '../../lib';
import { rng } from './bytes';

export const NUMERIC = ['f8', 'f4', 'i1', 'u1', 'i2', 'u2', 'i4', 'u4', 'b1', 'i8', 'u8'];

/** An array of `shape` with random contents: random bytes for integers, random finite values (a few -0) for floats. */
export function randomArray(dt: string, shape: number[], seed: number): NdArray {
  const r = rng(seed);
  const a = mm.zeros(shape, dt);
  const bytes = new Uint8Array(a.buffer, a.offset, a.nbytes);
  const d = mm.dtype(dt);
  if (d.kind === 'f') {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < a.size; i++) {
      const v = r() < 0.01 ? -0 : (r() - 0.5) * 10 ** Math.floor(r() * 12 - 4);
      if (d.itemsize === 8) view.setFloat64(i * 8, v, d.littleEndian);
      else view.setFloat32(i * 4, v, d.littleEndian);
    }
  } else if (d.kind === 'b') {
    for (let i = 0; i < bytes.length; i++) bytes[i] = r() < 0.5 ? 0 : 1;
  } else {
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(r() * 256);
  }
  return a;
}

/** Random strided views of `a` (steps, reversals, a transpose). */
export function views(a: NdArray, seed: number): NdArray[] {
  const r = rng(seed);
  const out: NdArray[] = [a];
  for (let k = 0; k < 3; k++) {
    const items = a.shape.map((n) => {
      const step = 1 + Math.floor(r() * 3);
      return r() < 0.3 ? `::-${step}` : `${Math.floor(r() * Math.min(3, n))}::${step}`;
    });
    out.push(a.index(items.join(', ')));
  }
  out.push(a.transpose());
  return out;
}

export function bytesOf(a: NdArray): Uint8Array {
  const c = a.flags.cContiguous ? a : a.copy('C');
  return new Uint8Array(c.buffer, c.offset, c.nbytes).slice();
}

export function same(x: unknown, y: unknown): boolean {
  return typeof x === 'number' && typeof y === 'number' ? Object.is(x, y) : x === y;
}

/**
 * Fails unless `got` holds the bytes of `want` (each in C order), naming the
 * first byte that differs. Buffer.compare: jest's toEqual walks a typed array
 * item by item (tens of ms per 40 KB, most of the sort sweeps' time).
 */
export function expectSameBytes(got: NdArray | Uint8Array, want: NdArray | Uint8Array): void {
  const g = got instanceof Uint8Array ? got : bytesOf(got);
  const w = want instanceof Uint8Array ? want : bytesOf(want);
  if (g.length === w.length && Buffer.compare(g, w) === 0) return;
  let i = 0;
  while (i < g.length && i < w.length && g[i] === w[i]) i++;
  throw new Error(`bytes differ: ${g.length} bytes against ${w.length} expected; the first difference at byte ${i} (${g[i]} against ${w[i]})`);
}
