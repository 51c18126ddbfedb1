// The native kernels (native/kernels.cc via lib/kernels.ts) against the JS
// paths they replace: every result must be bit-identical. An array over a
// SharedArrayBuffer never qualifies for a kernel, so it runs the JS path on
// the same bytes.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

import { broadcastTo, dtype, fromBuffer, memmap, type NdArray } from '../lib';
import { reduceJSForTest } from '../lib/reduce';
import { castCode, mayHoldBothZeros, NATIVE_MIN_ELEMENTS, ReduceOp, reduceNative, setNativeKernels } from '../lib/kernels';
import { kernelCopy, kernelReduce } from '../lib/native';
import { randomBytes } from './helpers/bytes';
import { useTempDir } from './helpers/tmp';

const tmp = useTempDir('mmarray-kernels-');

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

  it('bool and small-integer sums over several 1 MiB units match the JS path (the contiguous vector loops and their tails)', () => {
    const bytes = randomBytes((3 << 20) + 777, 5);
    // Runs of zeros and of one value, so a block of byte counters meets both.
    bytes.fill(0, 1000, 70000);
    bytes.fill(255, 90000, 200000);
    for (const dt of ['?', 'u1', 'i1', '<i2', '<u4', '<i4']) {
      const size = dtype(dt).itemsize;
      const [a, s] = pair(bytes.subarray(0, Math.floor(bytes.length / size) * size), dt);
      for (const v of ['...', '1:', '16321:-5', '::2']) {
        expect(reduceNative(a.index(v), ReduceOp.Sum)).not.toBeNull();
        expect(a.index(v).sum()).toBe(s.index(v).sum());
      }
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

  it('min of equal signed zeros: the kernel and its JS mirror keep the first one; min() returns NumPy\'s', () => {
    const a = fromBuffer(new Float64Array(1000), '<f8');
    const only = reduceNative(a, ReduceOp.Min);
    // One sign of zero: the kernel's zero is final.
    expect(Object.is(only, 0)).toBe(true);
    a.set([0], -0);
    // Both: [the first zero], and reduce.ts finds NumPy's.
    const both = reduceNative(a, ReduceOp.Min) as readonly [number];
    expect(Array.isArray(both) && both.length === 1 && Object.is(both[0], -0)).toBe(true);
    expect(Object.is(reduceJSForTest(a, ReduceOp.Min), -0)).toBe(true);
    // NumPy 2.4: the later zeros win its ties (lib/extreme-zero.ts): np.min of this array is 0.
    expect(Object.is(a.min(), 0)).toBe(true);
    expect(Object.is(a.index('1:').min(), 0)).toBe(true);
  });

  it('mayHoldBothZeros: false once the kernel finds no +0 or no -0, for either byte order and any stride', () => {
    for (const dt of ['<f8', '>f8', '<f4', '>f4']) {
      const a = fromBuffer(new ArrayBuffer(3000 * 8), dt).index(':3000');
      a.fill(-2.5);
      const views = (x: NdArray): NdArray[] => [x, x.index('::-3'), x.reshape([50, 60]).T];
      for (const v of views(a)) expect([dt, mayHoldBothZeros(v)]).toEqual([dt, false]);
      a.set([2999], 0);
      for (const v of views(a)) expect([dt, 'only +0', mayHoldBothZeros(v)]).toEqual([dt, 'only +0', false]);
      a.set([2999], -0);
      for (const v of views(a)) expect([dt, 'only -0', mayHoldBothZeros(v)]).toEqual([dt, 'only -0', false]);
      a.set([2], 0);
      for (const v of views(a)) expect([dt, 'both', mayHoldBothZeros(v)]).toEqual([dt, 'both', true]);
      // NaNs (of either sign bit) and infinities are neither zero.
      a.fill(-2.5);
      a.set([0], NaN);
      a.set([1], -Infinity);
      a.set([3], 0);
      // Item 2 a NaN with its sign bit set (bytes ff f8 00.. / ff c0 00 00, most significant first).
      const size = Number(dt[2]);
      const bytes = a.view('u1');
      const top = (k: number): number => 2 * size + (dt[0] === '<' ? size - 1 - k : k);
      bytes.set([top(0)], 0xff);
      bytes.set([top(1)], size === 8 ? 0xf8 : 0xc0);
      expect(Number.isNaN(a.get(2) as number)).toBe(true);
      expect([dt, 'NaN', mayHoldBothZeros(a)]).toEqual([dt, 'NaN', false]);
    }
    // What the kernel does not take: "maybe".
    expect(mayHoldBothZeros(fromBuffer(new Float64Array(10), '<f8'))).toBe(true);
    expect(mayHoldBothZeros(fromBuffer(new SharedArrayBuffer(8 * 1000), '<f8'))).toBe(true);
  });

  it('contiguous <f8 min/max (the vector lanes) keep the NaN and first-signed-zero rules', () => {
    for (const n of [8, 9, 1000, 4099]) {
      const pos = Array.from({ length: n }, (_, i) => 1 + ((i * 7919) % 97));
      const a = fromBuffer(new Float64Array(pos), '<f8');
      const js = (op: ReduceOp): number => reduceJSForTest(a, op);
      expect([n, a.min(), a.max()]).toEqual([n, js(ReduceOp.Min), js(ReduceOp.Max)]);
      // A zero extreme: +0 first, -0 last. The kernel and the JS mirror keep the first
      // zero met in C order; min() returns NumPy 2.4's, -0 for each n here.
      a.set([n - 1], -0);
      a.set([1], 0);
      if (n >= NATIVE_MIN_ELEMENTS) expect((reduceNative(a, ReduceOp.Min) as readonly [number]).map((z) => Object.is(z, 0))).toEqual([true]);
      expect(Object.is(js(ReduceOp.Min), 0)).toBe(true);
      expect(Object.is(a.min(), -0)).toBe(true);
      a.set([n >> 1], NaN);
      expect(a.min()).toBeNaN();
      expect(a.max()).toBeNaN();
    }
  });

  it('integer sums are exact beyond 2^53, then rounded once', () => {
    const n = 3 * 2 ** 20;
    const [a, s] = pair(new Uint8Array(new Uint32Array(n).fill(0xffffffff).buffer), '<u4');
    const exact = Number(BigInt(n) * 0xffffffffn);
    expect(a.sum()).toBe(exact);
    expect(s.sum()).toBe(exact);
  });

  it.each(['<i8', '>i8', '<u8', '>u8'])('64-bit integer reductions of %s are exact BigInts equal to the JS path', (dt) => {
    const [a] = pair(randomBytes(N * 8, 23), dt);
    for (const v of [...VIEWS, '::-7']) {
      const x = a.index(v);
      expect(reduceNative(x, ReduceOp.Sum)).not.toBeNull();
      for (const op of ['sum', 'min', 'max'] as const) {
        const native = x[op]();
        setNativeKernels(false);
        const js = x[op]();
        setNativeKernels(true);
        expect(typeof native).toBe('bigint');
        expect([v, op, native]).toEqual([v, op, js]);
      }
    }
    // Past 2^64 and 2^127 / 2^53 items: a broadcast row sums as n * value.
    const big = broadcastTo(a.index('0:1'), [2 ** 40]);
    expect(big.sum()).toBe(BigInt(2 ** 40) * (a.get(0) as bigint));
    expect(big.max()).toBe(a.get(0));
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

// The kernels defend themselves: every layout is checked natively with
// overflow-checked arithmetic, whatever the JS side checked (issue 12, items
// 19-21).
describe('native bounds and exact integer sums', () => {
  const RANGE = expect.objectContaining({ name: 'RangeError', code: 'ERR_OUT_OF_RANGE' });

  /**
   * Runs `body` in a fresh node with `addon` loaded (the sanitized build when
   * MMARRAY_ADDON_PATH names one): an unchecked layout would kill that child,
   * not the test runner. Returns how it ended and what it printed.
   */
  function inChild(body: string): { status: number | null; signal: string | null; out: string; err: string } {
    const root = path.resolve(__dirname, '..');
    const src = `
      const p = process.env.MMARRAY_ADDON_PATH;
      const addon = p ? require(require('path').resolve(p)) : require(${JSON.stringify(require.resolve('node-gyp-build'))})(${JSON.stringify(root)});
      ${body}`;
    const r = spawnSync('bash', ['-c', 'ulimit -c 0; exec "$0" -e "$CHILD_SRC"', process.execPath], {
      encoding: 'utf8',
      timeout: 60000,
      env: { ...process.env, CHILD_SRC: src },
    });
    return { status: r.status, signal: r.signal, out: r.stdout, err: r.stderr };
  }

  it('a span whose (shape - 1) * stride overflows throws RangeError, in a child that survives', () => {
    const r = inChild(`
      const out = [];
      const tryIt = (f) => { try { f(); out.push('returned'); } catch (e) { out.push(e.name + ':' + e.code); } };
      tryIt(() => addon.kernelReduce(new ArrayBuffer(64), 0, [2 ** 31], [2 ** 33 + 1], 0, false, 0));
      tryIt(() => addon.kernelReduce(new ArrayBuffer(64), 0, [2 ** 52, -(2 ** 52)], [2 ** 12, 2 ** 12], 0, false, 1));
      tryIt(() => addon.kernelCopy(new ArrayBuffer(64), 0, [2 ** 40], new ArrayBuffer(64), 0, [8], [2 ** 30], 8, []));
      tryIt(() => addon.kernelCopy(new ArrayBuffer(64), 0, [8], new ArrayBuffer(64), 2 ** 53 - 8, [8], [1], 8, []));
      process.stdout.write(JSON.stringify(out));
    `);
    expect({ status: r.status, signal: r.signal, err: r.err }).toEqual({ status: 0, signal: null, err: '' });
    expect(JSON.parse(r.out)).toEqual(['RangeError:ERR_OUT_OF_RANGE', 'RangeError:ERR_OUT_OF_RANGE', 'RangeError:ERR_OUT_OF_RANGE', 'RangeError:ERR_OUT_OF_RANGE']);
  });

  it('refuses overflowing spans, negative offsets and element counts past 2^63', () => {
    const ab = new ArrayBuffer(64);
    expect(() => kernelReduce(ab, 0, [2 ** 31], [2 ** 33 + 1], 0, false, 0)).toThrow(RANGE);
    expect(() => kernelReduce(ab, 0, [2 ** 52, 2 ** 52], [2 ** 12, 2 ** 12], 0, false, 0)).toThrow(RANGE);
    expect(() => kernelReduce(ab, 0, [0, 0, 0, 0], [2 ** 40, 2 ** 40, 2 ** 40, 2 ** 40], 0, false, 0)).toThrow(RANGE);
    expect(() => kernelCopy(ab, 0, [0, 0], ab, 0, [0, 0], [2 ** 40, 2 ** 40], 1, [])).toThrow(RANGE);
    expect(() => kernelReduce(ab, -8, [8], [1], 0, false, 0)).toThrow(expect.objectContaining({ name: 'TypeError' }));
    expect(() => kernelCopy(ab, 0, [8], ab, 0, [8], [1], 8, [2 ** 53 - 1, 2])).toThrow(RANGE);
  });

  it('refuses memory that is neither an ArrayBuffer nor a mapping handle', () => {
    const TYPE = expect.objectContaining({ name: 'TypeError' });
    expect(() => kernelReduce({} as never, 0, [8], [1], 0, false, 0)).toThrow(TYPE);
    expect(() => kernelReduce(new Uint8Array(64) as never, 0, [8], [1], 0, false, 0)).toThrow(TYPE);
    expect(() => kernelReduce(new SharedArrayBuffer(64) as never, 0, [8], [1], 0, false, 0)).toThrow(TYPE);
  });

  it('sums 2^32 broadcast items of 0xffffffff exactly (NumPy: 18446744069414584320)', () => {
    const a = broadcastTo(fromBuffer(new Uint32Array([0xffffffff]), '<u4'), [2 ** 32]);
    expect(reduceNative(a, ReduceOp.Sum)).not.toBeNull();
    expect(a.sum()).toBe(Number(2n ** 32n * 0xffffffffn));
    expect(a.sum()).toBe(18446744069414584320);
    const b = broadcastTo(fromBuffer(new Int32Array([-(2 ** 31), 7]), '<i4'), [2 ** 31 + 3, 2]).T;
    expect(b.sum()).toBe(Number(BigInt(2 ** 31 + 3) * (7n - 2n ** 31n)));
    expect(b.min()).toBe(-(2 ** 31));
    expect(b.max()).toBe(7);
  });

  it('broadcast integer sums agree with the JS path, which is exact too', () => {
    const small = fromBuffer(new Int32Array([-(2 ** 31), 2 ** 31 - 1, -5]), '<i4');
    const shared = fromBuffer(new Int32Array(new SharedArrayBuffer(12)).fill(0), '<i4');
    shared.set(small);
    const x = broadcastTo(small, [4096, 3]);
    const y = broadcastTo(shared, [4096, 3]);
    expect(reduceNative(x, ReduceOp.Sum)).not.toBeNull();
    expect(x.sum()).toBe(y.sum());
    expect(x.T.sum()).toBe(y.T.sum());
    expect(x.T.min()).toBe(y.T.min());
    expect(x.T.max()).toBe(y.T.max());
  });

  it('a re-viewed broadcast array past 2^53 elements is refused, as NumPy refuses it', () => {
    const rec = fromBuffer(new Uint8Array(2 ** 20), 'V1048576');
    const b = broadcastTo(rec.reshape([1, 1]), [2 ** 35, 1]);
    expect(() => b.view('u1')).toThrow(/array is too big/);
    const c = broadcastTo(fromBuffer(new Uint8Array(16), '<c16').reshape([1, 1]), [2 ** 49, 1]);
    expect(() => c.view('u1')).toThrow(/array is too big/);
    const ok = broadcastTo(fromBuffer(new Uint8Array(16).fill(3), '<c16').reshape([1, 1]), [2 ** 20, 1]).view('u1');
    expect(ok.shape).toEqual([2 ** 20, 16]);
    expect(ok.sum()).toBe(3 * 16 * 2 ** 20);
  });
});

describe('kernelCast', () => {
  const TYPES = ['?', 'i1', 'u1', 'i2', 'u2', 'i4', 'u4', 'i8', 'u8', 'f2', 'f4', 'f8', 'c8', 'c16'];
  const N = 700;
  const SPECIALS = [
    0, -0, 0.5, -0.5, 1.5, -1.5, 2.5, 127.5, -128.9, 255.99, 256, -129, 32767.9, 65504, 65519.99, 65520, 2 ** 31 - 0.5, 2 ** 31, -(2 ** 31),
    -(2 ** 31) - 1, 2 ** 32, 2 ** 53 + 2, 2 ** 63, -(2 ** 63), 2 ** 64, -(2 ** 64), 1e300, -1e300, Infinity, -Infinity, NaN, 2 ** -14,
    2 ** -24, 2 ** -25, 3 * 2 ** -26, 2049 + 2 ** -13, 1 / 3, 3.4e38, 3.5e38, 1e-40,
  ];

  /** N items of `dt` from random bytes, the floats' first items set to the specials; at byte `shift` of its buffer. */
  function source(dt: string, shift: number, seed: number): NdArray {
    const n = dtype(dt).itemsize;
    const ab = new ArrayBuffer(N * n + shift);
    new Uint8Array(ab).set(randomBytes(N * n + shift, seed));
    const a = fromBuffer(ab, dt, { count: N, offset: shift });
    const kind = dtype(dt).kind;
    if (kind === 'f') SPECIALS.forEach((v, i) => a.set([i], v));
    if (kind === 'c') SPECIALS.forEach((v, i) => a.set([i], { re: v, im: -SPECIALS[SPECIALS.length - 1 - i] }));
    if (kind === 'f' || kind === 'c') {
      // Random float bits are mostly huge or tiny: add values in the integer targets' ranges too.
      for (let i = SPECIALS.length; i < N; i += 2) a.set([i], kind === 'c' ? { re: (i - 350) * 97.31, im: i / 7 } : (i - 350) * 97.31);
    }
    return a;
  }

  /** Element-wise equality, floats by Object.is (NaN payloads aside: the JS path reads floats into numbers). */
  function same(x: NdArray, y: NdArray): boolean {
    if (Buffer.from(x.copy().buffer).equals(Buffer.from(y.copy().buffer))) return true;
    for (let i = 0; i < x.size; i++) {
      const u = x.get(i) as unknown;
      const v = y.get(i) as unknown;
      if (typeof u === 'object' && u !== null) {
        const a = u as { re: number; im: number };
        const b = v as { re: number; im: number };
        if (!Object.is(a.re, b.re) || !Object.is(a.im, b.im)) return false;
      } else if (!Object.is(u, v)) {
        return false;
      }
    }
    return true;
  }

  it('has a code for every plain numeric dtype and none for records, bytes or subarrays', () => {
    for (const t of TYPES) expect(castCode(dtype(t))).toBeGreaterThanOrEqual(0);
    expect(castCode(dtype('S4'))).toBe(-1);
    expect(castCode(dtype([['x', '<i4']]))).toBe(-1);
    expect(castCode(dtype([['x', '<i4', [3]]]).fields!.x.dtype)).toBe(-1);
  });

  it.each(TYPES)('casts from %s to every numeric dtype, both byte orders, aligned or not, equal the JS path', (from) => {
    for (const to of TYPES) {
      // Contiguous in both orders (the vector loops, the fused swaps), strided, unaligned.
      const layouts = [['<', '>', 0, '...'], ['<', '<', 0, '...'], ['>', '>', 0, '...'], ['>', '<', 1, '::-2'], ['<', '>', 3, '1::2']] as const;
      for (const [order, dstOrder, shift, view] of layouts) {
        const src = (dtype(from).itemsize > 1 ? order : '|') + from;
        const dst = (dtype(to).itemsize > 1 ? dstOrder : '|') + to;
        const a = source(src, shift, from.length * 31 + to.length + shift).index(view);
        expect(a.size).toBeGreaterThanOrEqual(NATIVE_MIN_ELEMENTS);
        const native = a.astype(dst);
        const js = (() => {
          setNativeKernels(false);
          try {
            return a.astype(dst);
          } finally {
            setNativeKernels(true);
          }
        })();
        expect([src, dst, view, shift, same(native, js)]).toEqual([src, dst, view, shift, true]);
      }
    }
  });

  it('casts into a destination of 16 MiB or more (streamed out in chunks) equal the JS path, at any destination alignment', () => {
    // 2^22 + 5 items: 16 MiB and more of <i4 / <f4, so the cast streams its
    // destination; chunk edges and the odd tail fall inside rows, and the
    // destination starts off a vector boundary (4 bytes in).
    const n = 2 ** 22 + 5;
    const f8 = fromBuffer(new ArrayBuffer(n * 8), '<f8');
    const fill = new Float64Array(f8.buffer);
    for (let i = 0; i < n; i++) fill[i] = (i - n / 2) * 1037.31;
    SPECIALS.forEach((v, k) => {
      fill[k] = v;
      fill[2048 * (k + 1) - 1] = v; // at the end of each 8 KiB chunk of int32s
      fill[n - 1 - k] = v;
    });
    const u1 = fromBuffer(randomBytes(n, 5), 'u1');
    for (const [a, to] of [[f8, '<i4'], [u1, '<f4'], [f8, '<f4']] as const) {
      const native = fromBuffer(new ArrayBuffer(n * 4 + 4), to, { count: n, offset: 4 });
      const js = fromBuffer(new ArrayBuffer(n * 4 + 4), to, { count: n, offset: 4 });
      native.set(a);
      setNativeKernels(false);
      try {
        js.set(a);
      } finally {
        setNativeKernels(true);
      }
      expect([a.dtype.str, to, Buffer.from(native.buffer).equals(Buffer.from(js.buffer))]).toEqual([a.dtype.str, to, true]);
    }
  });

  it('set() from another dtype and a broadcast source use the cast', () => {
    const img = fromBuffer(randomBytes(64 * 48 * 3, 21), 'u1').reshape([64, 48, 3]);
    const out = fromBuffer(new ArrayBuffer(64 * 48 * 3 * 4), '<f4').reshape([64, 48, 3]);
    out.set(img);
    for (let i = 0; i < 64 * 48 * 3; i += 37) expect(out.reshape([-1]).get(i)).toBe(img.reshape([-1]).get(i));
    const row = fromBuffer(new Float64Array([1.9, -2.9, 3e10]), '<f8');
    const t = fromBuffer(new ArrayBuffer(300 * 3 * 4), '>i4').reshape([300, 3]);
    t.set(row);
    expect(t.index('299').toArray()).toEqual([1, -2, -(2 ** 31)]);
  });
});
