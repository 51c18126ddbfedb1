// The strided fast paths of native/kernels.cc against the JS paths: the
// split 64-bit sums (32-byte loads masked to a record's 8-byte field, both
// byte orders, extreme values) and the streaming gather of a field of
// 16-byte records into a destination past kStreamBytes (16 MiB). An array
// over a SharedArrayBuffer never qualifies for a kernel, so it runs the JS
// path on the same bytes.
import { fromBuffer, type NdArray } from '../lib';
import { ReduceOp, reduceNative } from '../lib/kernels';
import { randomBytes } from './helpers/bytes';

/** The same bytes twice: over an ArrayBuffer (kernel) and a SharedArrayBuffer (JS path). */
function pair(bytes: Uint8Array, dt: unknown): [NdArray, NdArray] {
  const ab = new ArrayBuffer(bytes.length);
  new Uint8Array(ab).set(bytes);
  const sab = new SharedArrayBuffer(bytes.length);
  new Uint8Array(sab).set(bytes);
  return [fromBuffer(ab, dt as never), fromBuffer(sab, dt as never)];
}

/** 16-byte records of two 8-byte integer fields of dtype `dt`. */
const recordOf = (dt: string) => ({ names: ['a', 'b'], formats: [dt, dt], offsets: [0, 8], itemsize: 16 });

describe('64-bit integer sums over record fields and contiguous rows', () => {
  // More than one unit (131072 items), and a count that is no multiple of a vector's items.
  const N = 131_083;

  it.each(['<i8', '>i8', '<u8', '>u8'])('sums of either field of 16-byte %s records, and of the contiguous array, equal the JS path', (dt) => {
    const bytes = randomBytes(N * 16, 31);
    const [a, s] = pair(bytes, recordOf(dt));
    for (const name of ['a', 'b']) {
      for (const v of ['...', '1:', '3:-5', '::-1']) {
        const x = a.field(name).index(v);
        expect(reduceNative(x, ReduceOp.Sum)).not.toBeNull();
        expect([name, v, x.sum()]).toEqual([name, v, s.field(name).index(v).sum()]);
      }
    }
    const [c, t] = pair(bytes, dt);
    for (const v of ['...', '1:', '2:-3']) expect([v, c.index(v).sum()]).toEqual([v, t.index(v).sum()]);
  });

  it.each([
    ['<u8', 0xffffffffffffffffn],
    ['>u8', 0xffffffffffffffffn],
    ['<i8', -(2n ** 63n)],
    ['>i8', -(2n ** 63n)],
    ['<i8', 2n ** 63n - 1n],
    ['<i8', -1n],
  ])('sums of %s fields all equal to %s carry past 64 bits exactly', (dt, value) => {
    const n = 131_075;
    const bytes = new Uint8Array(n * 16);
    const view = new DataView(bytes.buffer);
    const little = dt.startsWith('<');
    for (let i = 0; i < 2 * n; i++) {
      if (dt.endsWith('u8')) view.setBigUint64(8 * i, value, little);
      else view.setBigInt64(8 * i, value, little);
    }
    const [a] = pair(bytes, recordOf(dt));
    expect(a.field('b').sum()).toBe(BigInt(n) * value);
    expect(fromBuffer(bytes.buffer, dt).sum()).toBe(BigInt(2 * n) * value);
  });
});

describe('streaming gather of 8-byte fields into large destinations', () => {
  // 2^21 + 3 items: a destination just past 16 MiB, streamed.
  const N = 2 ** 21 + 3;
  const bytes = randomBytes(N * 16 + 16, 41);
  const words = new Uint32Array(bytes.buffer, 0, 4 * N);

  /** The raw bytes of field k (0 or 1) of the N 16-byte records, from `skip` on: the reference copy. */
  function gathered(k: number, skip = 0): Buffer {
    const out = new Uint32Array(2 * (N - skip));
    for (let i = skip; i < N; i++) {
      out[2 * (i - skip)] = words[4 * i + 2 * k];
      out[2 * (i - skip) + 1] = words[4 * i + 2 * k + 1];
    }
    return Buffer.from(out.buffer);
  }

  it.each(['<f8', '>f8', '<u8'])('copy() of either %s field of 16-byte records is its bytes, gathered', (dt) => {
    const a = fromBuffer(bytes.buffer, { names: ['id', 'value'], formats: ['<u8', dt], offsets: [0, 8], itemsize: 16 } as never, { count: N });
    for (const [k, name] of [[0, 'id'], [1, 'value']] as const) {
      const x = a.field(name);
      expect(Buffer.from(x.copy().buffer).equals(gathered(k))).toBe(true);
    }
  });

  it('set() of a field into an existing array, at an 8-byte but not 16-byte aligned offset, writes exactly its items', () => {
    const a = fromBuffer(bytes.buffer, { names: ['id', 'value'], formats: ['<u8', '<f8'], offsets: [0, 8], itemsize: 16 } as never, { count: N });
    for (const skip of [0, 1]) {
      const n = N - skip;
      // One spare item either side of the destination, to catch a stray store.
      const dst = new Float64Array(n + 3).fill(-1);
      fromBuffer(dst.buffer, '<f8').index(`1:${n + 1}`).set(a.field('value').index(`${skip}:`));
      expect([dst[0], dst[n + 1], dst[n + 2]]).toEqual([-1, -1, -1]);
      expect(Buffer.from(dst.buffer, 8, n * 8).equals(gathered(1, skip))).toBe(true);
    }
  });

  it('a gather of stride 24 into a large destination is its items, in order', () => {
    const n = 2 ** 21 + 1;
    const src = new Float64Array(3 * n - 2);
    for (let i = 0; i < src.length; i++) src[i] = i * 1.5 - 7e5;
    const want = new Float64Array(n);
    for (let i = 0; i < n; i++) want[i] = src[3 * i];
    const x = fromBuffer(src.buffer, '<f8').index('::3').copy();
    expect(Buffer.from(x.buffer).equals(Buffer.from(want.buffer))).toBe(true);
  });
});

describe('float64 sums of a field of 16-byte records (vector lanes) in NumPy\'s pairwise order', () => {
  // Values over 40 binary orders of magnitude, so a changed order of additions changes the bits.
  function recordFloats(n: number, seed: number): Uint8Array {
    const f = new Float64Array(2 * n);
    let x = seed;
    const next = (): number => {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      return x / 2 ** 32;
    };
    for (let i = 0; i < f.length; i++) f[i] = (next() - 0.5) * 2 ** Math.floor(next() * 40 - 20);
    return new Uint8Array(f.buffer);
  }
  const rec = { names: ['ts', 'value'], formats: ['<f8', '<f8'], offsets: [0, 8], itemsize: 16 };

  it('equal the JS path bit for bit for lengths around every leaf and vector edge', () => {
    const N = 70_000;
    const [a, s] = pair(recordFloats(N, 7), rec);
    const lengths = [1024, 1031, 1032, 1033, 1151, 1152, 2047, 4096 + 5, 65_536 - 3, 69_990];
    for (const name of ['ts', 'value']) {
      for (const n of lengths) {
        for (const start of [0, 1, 7]) {
          const x = a.field(name).index(`${start}:${start + n}`);
          expect(reduceNative(x, ReduceOp.Sum)).not.toBeNull();
          const got = x.sum() as number;
          const want = s.field(name).index(`${start}:${start + n}`).sum() as number;
          expect([name, n, start, Object.is(got, want)]).toEqual([name, n, start, true]);
        }
      }
    }
  });

  it('sumAsync gives the sync bits over more than one unit', async () => {
    const N = 300_007;
    const [a, s] = pair(recordFloats(N, 11), rec);
    const x = a.field('value');
    const want = s.field('value').sum() as number;
    expect(Object.is(x.sum(), want)).toBe(true);
    expect(Object.is(await x.sumAsync({ threads: 2 }), want)).toBe(true);
  });
});
