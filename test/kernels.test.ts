// The native kernels (native/kernels.cc via lib/kernels.ts) against the JS
// paths they replace: every result must be bit-identical. An array over a
// SharedArrayBuffer never qualifies for a kernel, so it runs the JS path on
// the same bytes.
import * as fs from 'fs';

import { dtype, fromBuffer, memmap, type NdArray } from '../lib';
import { reduceJSForTest } from '../lib/elementwise';
import { NATIVE_MIN_ELEMENTS, ReduceOp, reduceNative } from '../lib/kernels';
import { kernelCopy, kernelReduce } from '../lib/native';
import { useTempDir } from './helpers/tmp';

const tmp = useTempDir('mmarray-kernels-');

/** Deterministic bytes (xorshift32), so failures reproduce. */
function randomBytes(n: number, seed = 1): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

/** The same bytes twice: over an ArrayBuffer (kernel) and a SharedArrayBuffer (JS path). */
function pair(bytes: Uint8Array, dt: string): [NdArray, NdArray] {
  const ab = new ArrayBuffer(bytes.length);
  new Uint8Array(ab).set(bytes);
  const sab = new SharedArrayBuffer(bytes.length);
  new Uint8Array(sab).set(bytes);
  return [fromBuffer(ab, dt), fromBuffer(sab, dt)];
}

/** Float bytes with finite values of mixed magnitude (no NaN unless asked). */
function floats(n: number, dt: '<f8' | '>f8' | '<f4' | '>f4', seed = 7): Uint8Array {
  const r = randomBytes(n * 2, seed);
  const a = fromBuffer(new ArrayBuffer(n * dtype(dt).itemsize), dt);
  for (let i = 0; i < n; i++) a.set([i], ((r[2 * i] - 128) * 1.37 + r[2 * i + 1] / 255) * (i % 7 === 0 ? 1e6 : 1));
  return new Uint8Array(a.buffer);
}

const VIEWS = ['...', '::3', '::-1', '5:-7:2'];

describe('kernelReduce', () => {
  const N = 4099;

  it.each(['<f8', '>f8', '<f4', '>f4'] as const)('float sums of %s are bit-identical to the JS pairwise sum', (dt) => {
    const [a] = pair(floats(N, dt), dt);
    for (const v of VIEWS) {
      const x = a.index(v);
      expect(reduceNative(x, ReduceOp.Sum)).not.toBeNull();
      expect(Object.is(x.sum(), reduceJSForTest(x, ReduceOp.Sum))).toBe(true);
      expect(Object.is(x.min(), reduceJSForTest(x, ReduceOp.Min))).toBe(true);
      expect(Object.is(x.max(), reduceJSForTest(x, ReduceOp.Max))).toBe(true);
    }
  });

  it.each(['i1', 'u1', '<i2', '>u2', '<i4', '>i4', '<u4', '>u4', '?'])('integer and bool reductions of %s match the JS path', (dt) => {
    const [a, s] = pair(randomBytes(N * 4, 3), dt);
    for (const v of VIEWS) {
      const x = a.index(v);
      const y = s.index(v);
      expect(x.sum()).toBe(y.sum());
      expect(x.min()).toBe(y.min());
      expect(x.max()).toBe(y.max());
      expect(x.mean()).toBe(y.mean());
    }
  });

  it('sums of a transposed 2-d view go row by row in C order, like the JS path', () => {
    const [a, s] = pair(floats(60 * 70, '<f8'), '<f8');
    const x = a.reshape([60, 70]).T;
    const y = s.reshape([60, 70]).T;
    expect(Object.is(x.sum(), y.sum())).toBe(true);
    expect(Object.is(x.index('::2, 1::3').sum(), y.index('::2, 1::3').sum())).toBe(true);
  });

  it('a NaN anywhere makes min and max NaN, on both paths', () => {
    const a = fromBuffer(new Float64Array(1000).map((_, i) => i), '<f8');
    a.set([777], NaN);
    expect(a.min()).toBeNaN();
    expect(a.max()).toBeNaN();
    expect(reduceJSForTest(a, ReduceOp.Min)).toBeNaN();
    expect(a.sum()).toBeNaN();
  });

  it('min of equal signed zeros keeps the first one, on both paths', () => {
    const a = fromBuffer(new Float64Array(1000), '<f8');
    a.set([0], -0);
    expect(Object.is(a.min(), -0)).toBe(true);
    expect(Object.is(reduceJSForTest(a, ReduceOp.Min), -0)).toBe(true);
    expect(Object.is(a.index('1:').min(), 0)).toBe(true);
  });

  it('integer sums are exact beyond 2^53, then rounded once', () => {
    const n = 3 * 2 ** 20;
    const [a, s] = pair(new Uint8Array(new Uint32Array(n).fill(0xffffffff).buffer), '<u4');
    const exact = Number(BigInt(n) * 0xffffffffn);
    expect(a.sum()).toBe(exact);
    expect(s.sum()).toBe(exact);
  });

  it('bool min/max stay booleans', () => {
    const a = fromBuffer(new Uint8Array(1000).fill(1), '?');
    expect(a.min()).toBe(true);
    a.set([3], false);
    expect(a.min()).toBe(false);
    expect(a.sum()).toBe(999);
  });

  it('arrays smaller than the native threshold take the JS path with the same answer', () => {
    const [a] = pair(floats(NATIVE_MIN_ELEMENTS - 1, '<f8'), '<f8');
    expect(reduceNative(a, ReduceOp.Sum)).toBeNull();
    expect(Object.is(a.sum(), reduceJSForTest(a, ReduceOp.Sum))).toBe(true);
  });

  it('refuses a layout reaching outside its buffer', () => {
    const ab = new ArrayBuffer(64);
    expect(() => kernelReduce(ab, 0, [8], [9], 0, false, 0)).toThrow(expect.objectContaining({ name: 'RangeError', code: 'ERR_OUT_OF_RANGE' }));
    expect(() => kernelReduce(ab, 8, [-8], [3], 0, false, 0)).toThrow(expect.objectContaining({ name: 'RangeError', code: 'ERR_OUT_OF_RANGE' }));
    expect(kernelReduce(ab, 56, [-8], [8], 0, false, 0)).toBe(0);
  });

  it('refuses a detached buffer', () => {
    const ab = new ArrayBuffer(64);
    structuredClone(ab, { transfer: [ab] });
    expect(() => kernelReduce(ab, 0, [8], [8], 0, false, 0)).toThrow(expect.objectContaining({ name: 'RangeError', code: 'ERR_OUT_OF_RANGE' }));
  });
});

describe('kernelCopy', () => {
  const N = 3001;

  it.each(['<f8', '>f8', '<i2', 'u1', '<c16', '>c8'])('copy() and ascontiguous copies of strided %s views equal the JS path byte for byte', (dt) => {
    const it = dtype(dt).itemsize;
    const [a, s] = pair(randomBytes(N * it, 5), dt);
    for (const v of VIEWS) {
      for (const order of ['C', 'F', 'K'] as const) {
        const x = a.index(v).copy(order);
        const y = s.index(v).copy(order);
        expect(Buffer.from(x.buffer).equals(Buffer.from(y.buffer))).toBe(true);
      }
    }
  });

  it.each([['>f8', '<f8'], ['<f8', '>f8'], ['>i4', '<i4'], ['>c16', '<c16'], ['<u2', '>u2']])('astype %s -> %s (byte order only) equals the JS cast', (from, to) => {
    const it = dtype(from).itemsize;
    const [a, s] = pair(randomBytes(N * it, 9), from);
    for (const v of VIEWS) {
      const x = a.index(v).astype(to);
      const y = s.index(v).astype(to);
      expect(Buffer.from(x.buffer).equals(Buffer.from(y.buffer))).toBe(true);
    }
  });

  it.each(['>f8', '<i4', '>c8', '<u2'])('in-place byteswap of %s views equals the JS swap', (dt) => {
    const it = dtype(dt).itemsize;
    const bytes = randomBytes(N * it, 11);
    for (const v of VIEWS) {
      const [a, s] = pair(bytes, dt);
      a.index(v).byteswap(true);
      s.index(v).byteswap(true);
      expect(Buffer.from(a.buffer).equals(Buffer.from(new Uint8Array(s.buffer)))).toBe(true);
    }
  });

  it('records copy whole items and swap every field', () => {
    const rec = { names: ['id', 'ts', 'value'], formats: ['>u4', '>u2', '>f8'], offsets: [0, 4, 8], itemsize: 16 };
    const [a, s] = pair(randomBytes(N * 16, 13), rec as never);
    expect(Buffer.from(a.copy().buffer).equals(Buffer.from(s.copy().buffer))).toBe(true);
    a.byteswap(true);
    s.byteswap(true);
    expect(Buffer.from(a.buffer).equals(Buffer.from(new Uint8Array(s.buffer)))).toBe(true);
  });

  it('copies a field view of a mapped file, and refuses it once closed', () => {
    const p = tmp.file(randomBytes(N * 16, 17));
    const m = memmap(p, { dtype: { names: ['id', 'ts', 'value'], formats: ['<u4', '<u4', '<f8'] }, mode: 'r' });
    const f = m.field('value');
    const c = f.copy();
    const ref = fromBuffer(new Uint8Array(fs.readFileSync(p)).buffer, m.dtype).field('value');
    for (let i = 0; i < N; i += 97) expect(Object.is(c.get(i), ref.get(i))).toBe(true);
    expect(Object.is(f.sum(), ref.sum())).toBe(true);
    m.close();
    expect(() => f.copy()).toThrow(/closed/);
    expect(() => f.sum()).toThrow(/closed/);
    expect(() => f.get(0)).toThrow(/closed/);
  });

  it('refuses a unit outside the item and a layout outside the buffer', () => {
    const ab = new ArrayBuffer(64);
    expect(() => kernelCopy(ab, 0, [8], ab, 0, [8], [8], 8, [4, 8])).toThrow(expect.objectContaining({ name: 'RangeError', code: 'ERR_OUT_OF_RANGE' }));
    expect(() => kernelCopy(ab, 0, [8], ab, 8, [8], [8], 8, [])).toThrow(expect.objectContaining({ name: 'RangeError', code: 'ERR_OUT_OF_RANGE' }));
  });
});
