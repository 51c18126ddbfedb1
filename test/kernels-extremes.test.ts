// min/max in the native kernel's vector lanes (RowExtreme in
// native/kernels.cc) against the JS path's strict comparisons in C order:
// the same value, the same signed zero and the first NaN, for every dtype,
// both byte orders, contiguous, strided, reversed, aligned and unaligned
// record fields, and NaNs on either side of the kernel's block edges.
import { broadcastTo, fromBuffer, type NdArray } from '../lib';
import { reduceJSForTest } from '../lib/reduce';
import { ReduceOp, reduceNative } from '../lib/kernels';
import { randomBytes, rng } from './helpers/bytes';

/** The same bytes over an ArrayBuffer (kernel) and a SharedArrayBuffer (JS path). */
function pair(bytes: Uint8Array, dt: unknown): [NdArray, NdArray] {
  const ab = new ArrayBuffer(bytes.length);
  new Uint8Array(ab).set(bytes);
  const sab = new SharedArrayBuffer(bytes.length);
  new Uint8Array(sab).set(bytes);
  return [fromBuffer(ab, dt as string), fromBuffer(sab, dt as string)];
}

/** Whether `y` (1-d) holds both +0 and -0. */
function holdsBothZeros(y: NdArray): boolean {
  const v = y.tolist() as number[];
  return v.some((x) => Object.is(x, 0)) && v.some((x) => Object.is(x, -0));
}

function expectSameExtremes(x: NdArray, y: NdArray, label: string): void {
  for (const op of [ReduceOp.Min, ReduceOp.Max] as const) {
    const raw = reduceNative(x, op);
    expect([label, op, raw === null]).toEqual([label, op, false]);
    // A zero extreme over both zeros comes as [its first zero] (reduce.ts then finds NumPy's).
    const native = Array.isArray(raw) ? raw[0] : raw;
    const js = x.dtype.itemsize === 8 && x.dtype.kind !== 'f' ? (op === ReduceOp.Min ? y.min() : y.max()) : reduceJSForTest(y, op);
    expect([label, op, Object.is(native, js)]).toEqual([label, op, true]);
    const both = x.dtype.kind === 'f' && js === 0 && holdsBothZeros(y);
    expect([label, op, 'both zeros', Array.isArray(raw)]).toEqual([label, op, 'both zeros', both]);
  }
}

const N = 10_007; // more than two of the kernel's 4096-item blocks, and a ragged tail
const VIEWS = ['...', '::3', '::-1', '5:-7:2', '4096:', ':4097'];

describe('min/max lanes match the sequential rule', () => {
  it.each(['i1', 'u1', '<i2', '>i2', '<u2', '>u2', '<i4', '>i4', '<u4', '>u4', '<i8', '>i8', '<u8', '>u8', '?'])(
    'random %s data over contiguous, strided and reversed views',
    (dt) => {
      const [a, s] = pair(randomBytes(N * 8, 11), dt);
      for (const v of VIEWS) expectSameExtremes(a.index(v), s.index(v), `${dt} ${v}`);
    },
  );

  it.each(['<f8', '>f8', '<f4', '>f4'])('random %s data, including zeros of both signs', (dt) => {
    const r = rng(5);
    const [a, s] = pair(new Uint8Array(N * 8), dt);
    for (let i = 0; i < a.size; i++) {
      const k = r();
      const v = k < 0.03 ? (k < 0.015 ? 0 : -0) : (r() - 0.5) * 1e6;
      a.set([i], v);
      s.set([i], v);
    }
    for (const v of VIEWS) expectSameExtremes(a.index(v), s.index(v), `${dt} ${v}`);
  });

  it.each(['<f8', '>f4'])('a zero extreme of %s is the first zero in C order, whatever lane holds it', (dt) => {
    for (const n of [300, 319, 4096, 5000]) {
      const [a, s] = pair(new Uint8Array(n * 8), dt);
      for (let i = 0; i < a.size; i++) {
        a.set([i], 1 + (i % 13));
        s.set([i], 1 + (i % 13));
      }
      for (const [i, z] of [
        [n - 1, -0],
        [Math.min(17, n - 2), 0],
        [Math.min(3, n - 3), -0],
      ] as const) {
        a.set([i], z);
        s.set([i], z);
        expectSameExtremes(a.index(`:${n}`), s.index(`:${n}`), `${dt} n=${n} zero at ${i}`);
        expectSameExtremes(a.index(`${n}::-1`), s.index(`${n}::-1`), `${dt} n=${n} reversed, zero at ${i}`);
      }
    }
  });

  it.each(['<f8', '>f8', '<f4'])('the first NaN of %s wins, either side of a block edge and in the tail', (dt) => {
    for (const at of [0, 1, 4095, 4096, 4097, 8191, 8192, N - 1]) {
      const [a, s] = pair(randomBytes(N * 8, at + 1).map((b, i) => (i % 8 === 7 ? b & 0x3f : b)), dt);
      for (const arr of [a, s]) {
        for (let i = 0; i < arr.size; i++) if (Number.isNaN(arr.get(i) as number)) arr.set([i], 1.5);
        arr.set([at], NaN);
      }
      expectSameExtremes(a.index(`:${N}`), s.index(`:${N}`), `${dt} NaN at ${at}`);
      expect(a.index(`:${N}`).min()).toBeNaN();
    }
  });

  // The kernel folds 1 MiB units; a zero extreme whose zeros lie in different
  // units is a zero "over both" only when the units' zeros differ in sign.
  // NumPy 2.4's answers (np.signbit of a.min(), (-a).max(), a[::-1].min()
  // for a = 1 + arange(n) % 13, a[10] = 0.0, a[n - 5] = -0.0):
  // <f8 +0, -0, -0; >f4 -0, +0, -0.
  it.each([
    ['<f8', [false, true, true]],
    ['>f4', [true, false, true]],
  ] as const)('a zero extreme of %s over zeros in different kernel units is NumPy\'s zero', (dt, signs) => {
    const n = 3 * 131072 + 5;
    const size = dt === '<f8' ? 8 : 4;
    const bytes = new Uint8Array(n * size);
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < n; i++) {
      const v = i === 10 ? 0 : 1 + (i % 13);
      if (size === 8) view.setFloat64(i * 8, v, true);
      else view.setFloat32(i * 4, v, false);
    }
    const [a, s] = pair(bytes, dt);
    const only = a.index(`:${n}`);
    expect(reduceNative(only, ReduceOp.Min)).toBe(0); // one sign of zero: settled by the kernel
    for (const arr of [a, s]) arr.index(`:${n}`).set([n - 5], -0);
    const x = a.index(`:${n}`);
    const y = s.index(`:${n}`);
    expect(reduceNative(x, ReduceOp.Min)).toEqual([0]);
    const got = [x.min(), x.negative().max(), x.index('::-1').min()].map((v) => Object.is(v, -0));
    expect(got).toEqual(signs);
    expect([y.min(), y.negative().max(), y.index('::-1').min()].map((v) => Object.is(v, -0))).toEqual(signs);
  });

  it('fields of aligned (24-byte) and packed unaligned (28-byte) records, 2-d views, broadcast rows', () => {
    const rec24 = [
      ['a', '<u8'],
      ['value', '<f8'],
      ['c', '<u8'],
    ];
    const rec28 = [
      ['a', '<u4'],
      ['b', '<f8'],
      ['value', '<f8'],
      ['c', '<i8'],
    ];
    for (const [spec, size] of [
      [rec24, 24],
      [rec28, 28],
    ] as const) {
      const [a, s] = pair(randomBytes(size * 3000, size).map((b, i) => (i % 8 === 6 ? b & 0xef : b)), spec);
      for (const f of ['value', 'a', 'c']) {
        const x = a.field(f);
        const y = s.field(f);
        expectSameExtremes(x, y, `${size}-byte ${f}`);
        expectSameExtremes(x.reshape([60, 50]).T, y.reshape([60, 50]).T, `${size}-byte ${f} transposed`);
      }
    }
    const [a, s] = pair(randomBytes(8 * 300, 9), '<f4');
    const x = a.index(':300');
    const y = s.index(':300');
    expectSameExtremes(broadcastTo(x.reshape([300, 1]), [300, 40]), broadcastTo(y.reshape([300, 1]), [300, 40]), 'broadcast rows');
  });
});
