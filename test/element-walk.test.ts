// The per-element walks of lib/element-walk.ts under forEach/reduce/apply/map:
// the split of a view into blocks that each fit one window, both tiers
// (typed arrays for aligned native-order numbers, the codec for the rest)
// against element-by-element get(), a mapping closed by the callback, and
// views of a sparse 5 GiB file crossing the 2^31 and 2^32 window edges or
// spanning more than one window. No timing assertions.
import * as fs from 'fs';
import { arange, asStrided, fromBuffer, memmap, zeros, type NdArray } from '../lib';
import { forEachBlock } from '../lib/element-walk';
import { AccessError } from '../lib/errors';
import { forEachOffset } from '../lib/iterate';
import { byteBounds } from '../lib/layout';
import { WINDOW_BYTES, WINDOW_STEP } from '../lib/storage';
import { randomBytes, rng, writeAt } from './helpers/bytes';
import { useTempDir } from './helpers/tmp';

const tmp = useTempDir('mmarray-element-walk-');

/** The view's elements in C order, read one at a time by get() (not by a walk). */
function elementsByGet(a: NdArray): unknown[] {
  const out: unknown[] = [];
  if (a.size === 0) return out;
  const idx = new Array<number>(a.ndim).fill(0);
  for (let k = 0; k < a.size; k++) {
    out.push(a.get(...idx));
    for (let ax = a.ndim - 1; ax >= 0; ax--) {
      if (++idx[ax] < a.shape[ax]) break;
      idx[ax] = 0;
    }
  }
  return out;
}

/** forEach, reduce and map(identity) of `a` all give elementsByGet(a), with flat indices 0, 1, …. */
function expectWalksMatchGet(a: NdArray): void {
  const want = elementsByGet(a);
  const seen: unknown[] = [];
  const idx: number[] = [];
  a.forEach((v, i) => {
    seen.push(v);
    idx.push(i);
  });
  expect(seen).toEqual(want);
  expect(idx).toEqual(want.map((_, i) => i));
  expect(a.reduce((acc: unknown[], v, i) => (acc.push([v, i]), acc), [])).toEqual(want.map((v, i) => [v, i]));
  expect(elementsByGet(a.map((v) => v))).toEqual(want);
}

describe('forEachBlock: pieces that each fit one window', () => {
  const cases: [string, number[], number[], number, number, number][] = [
    // name, shape, strides, offset, itemsize, maxSpan
    ['1-d, split into runs', [100], [8], 0, 8, 64],
    ['1-d reversed', [50], [-12], 600, 8, 100],
    ['2-d, rows grouped', [10, 4], [40, 8], 0, 8, 130],
    ['2-d, each row too wide: rows split', [3, 20], [200, 8], 0, 8, 50],
    ['3-d with a negative middle stride', [4, 5, 3], [400, -60, 16], 400, 8, 150],
    ['stride 0 on the first axis', [7, 3], [0, 8], 0, 8, 16],
    ['a single element wider than the limit', [3], [100], 0, 64, 32],
  ];
  test.each(cases)('%s: C order, every element once, each piece within the limit', (_name, shape, strides, offset, itemsize, maxSpan) => {
    const want: number[] = [];
    forEachOffset(shape, strides, offset, (o) => want.push(o));
    const got: number[] = [];
    let pieces = 0;
    forEachBlock(shape, strides, offset, itemsize, maxSpan, (s, st, o) => {
      pieces++;
      const [lo, hi] = byteBounds(o, s, st, itemsize);
      if (itemsize <= maxSpan) expect(hi - lo).toBeLessThanOrEqual(maxSpan);
      forEachOffset(s, st, o, (x) => got.push(x));
    });
    expect(got).toEqual(want);
    expect(pieces).toBeGreaterThan(1);
  });

  test('a layout that fits is one piece, itself', () => {
    const calls: unknown[] = [];
    forEachBlock([3, 4], [32, 8], 5, 8, 1000, (...args) => calls.push(args));
    expect(calls).toEqual([[[3, 4], [32, 8], 5]]);
  });
});

describe('both tiers give what get() gives', () => {
  const bytes = randomBytes(28 * 64, 7);
  // An aligned <f8 among 16-byte records; an unaligned one at offset 12 of 28-byte packed records.
  const aligned = (): NdArray => fromBuffer(bytes.slice(0, 16 * 64), { names: ['a', 'value'], formats: ['<f8', '<f8'] }).field('value');
  const packed = (): NdArray =>
    fromBuffer(bytes.slice(), { names: ['x', 'n', 'value'], formats: ['<f8', '<i4', '<f8'], offsets: [0, 8, 12], itemsize: 28 }).field('value');
  const views: [string, () => NdArray][] = [
    ['aligned <f8 field', aligned],
    ['aligned <f8 field, 2-d', () => aligned().reshape([8, 8])],
    ['aligned <f8 field, 2-d transposed and reversed', () => aligned().reshape([8, 8]).T.index('::-1, 1::3')],
    ['unaligned <f8 field (offset 12 of 28)', packed],
    ['unaligned <f8 field, 2-d', () => packed().reshape([4, 16])],
    ['unaligned <f8 field, reversed steps', () => packed().reshape([4, 16]).index('::-1, ::-3')],
    ['>f8 (the other byte order)', () => fromBuffer(bytes.slice(0, 512), '>f8')],
    ['<i4 with negative strides', () => fromBuffer(bytes.slice(0, 400), '<i4').reshape([10, 10]).index('::-2, ::-1')],
    ['<i8 (BigInt values)', () => fromBuffer(bytes.slice(0, 256), '<i8')],
    ['<u8 at an odd offset (unaligned BigInt)', () => fromBuffer(bytes.slice(0, 257), 'u1').index('1:').view('<u8')],
    ['u1', () => fromBuffer(bytes.slice(0, 30), 'u1').reshape([5, 6])],
    ['bool (booleans, not 0/1)', () => fromBuffer(bytes.slice(0, 12).map((b) => b & 1), '?')],
    ['<f2', () => fromBuffer(bytes.slice(0, 64), '<f2')],
    ['<c16 (complex objects)', () => fromBuffer(bytes.slice(0, 256), '<c16')],
    ['records', () => fromBuffer(bytes.slice(), { names: ['x', 'n', 'value'], formats: ['<f8', '<i4', '<f8'], offsets: [0, 8, 12], itemsize: 28 })],
    ['0-d', () => aligned().index(3)],
    ['empty', () => zeros([3, 0], '<f8')],
  ];
  test.each(views)('%s: forEach, reduce, map', (_name, make) => {
    expectWalksMatchGet(make());
  });

  test.each([
    ['aligned <f8 field', (b: Uint8Array) => fromBuffer(b.subarray(0, 16 * 64), { names: ['a', 'value'], formats: ['<f8', '<f8'] }).field('value').reshape([8, 8]).index('::-1, ::2')],
    ['unaligned <f8 field', (b: Uint8Array) => fromBuffer(b, { names: ['x', 'n', 'value'], formats: ['<f8', '<i4', '<f8'], offsets: [0, 8, 12], itemsize: 28 }).field('value').reshape([4, 16]).index('::-1, ::2')],
    ['>f8', (b: Uint8Array) => fromBuffer(b.subarray(0, 512), '>f8').index('::-2')],
    ['<i4', (b: Uint8Array) => fromBuffer(b.subarray(0, 400), '<i4').reshape([10, 10]).T],
  ] as [string, (b: Uint8Array) => NdArray][])('%s: apply stores fn(value, i) into exactly the view (as set() per element would)', (_name, make) => {
    const fn = (v: unknown, i: number): number => (typeof v === 'number' && Number.isInteger(v) ? (i * 7) % 1000 : Math.trunc(v as number) / 2 + i);
    const mine = bytes.slice();
    const ref = bytes.slice();
    const a = make(mine);
    const r = make(ref);
    const want = elementsByGet(r).map((v, i) => fn(v, i));
    const idx = new Array<number>(r.ndim).fill(0);
    for (let k = 0; k < r.size; k++) {
      r.set(idx.join(', '), want[k]);
      for (let ax = r.ndim - 1; ax >= 0; ax--) {
        if (++idx[ax] < r.shape[ax]) break;
        idx[ax] = 0;
      }
    }
    a.apply(fn);
    expect(Buffer.from(mine).equals(Buffer.from(ref))).toBe(true);
    expect(Buffer.from(mine).equals(Buffer.from(bytes))).toBe(false);
  });

  // forEach passes a long row to its loop in runs of 4096 elements: the runs
  // must join with no element lost, repeated or misnumbered, whatever the step.
  const long = randomBytes(28 * (3 * 4096 + 5), 11);
  test.each([
    ['aligned <f8 field', () => fromBuffer(long.slice(0, 16 * (3 * 4096 + 5)), { names: ['a', 'value'], formats: ['<f8', '<f8'] }).field('value')],
    ['aligned <f8 field, reversed', () => fromBuffer(long.slice(0, 16 * (3 * 4096 + 5)), { names: ['a', 'value'], formats: ['<f8', '<f8'] }).field('value').index('::-1')],
    ['unaligned <f8 field, step -3', () => fromBuffer(long.slice(), { names: ['x', 'n', 'value'], formats: ['<f8', '<i4', '<f8'], offsets: [0, 8, 12], itemsize: 28 }).field('value').index('::-3')],
    ['<i2 rows of 4097 (2-d)', () => fromBuffer(long.slice(0, 2 * 3 * 4097), '<i2').reshape([3, 4097])],
  ] as [string, () => NdArray][])('%s, rows longer than one run of forEach: forEach, reduce, map', (_name, make) => {
    expectWalksMatchGet(make());
  });

  test('map writes any output dtype, converting as set() does', () => {
    const a = arange(6, '<f8').reshape([2, 3]).T;
    expect(a.map((v) => (v as number) * 1.5, '<i4').toArray()).toEqual([
      [0, 4],
      [1, 6],
      [3, 7],
    ]);
    expect(a.map((v) => (v as number) > 2, '?').toArray()).toEqual([
      [false, true],
      [false, true],
      [false, true],
    ]);
    expect(a.map((v) => BigInt(v as number), '<i8').toArray()).toEqual([
      [0n, 3n],
      [1n, 4n],
      [2n, 5n],
    ]);
    expect(() => a.map(() => 'x', '<f8')).toThrow(TypeError);
    expect(() => a.map(() => 300, 'u1')).toThrow('out of bounds for uint8');
  });
});

describe('a callback that closes the mapping', () => {
  const tiers: [string, object, string][] = [
    ['typed tier (aligned <f8)', { names: ['a', 'value'], formats: ['<f8', '<f8'] }, 'value'],
    ['view tier (unaligned <f8)', { names: ['x', 'n', 'value'], formats: ['<f8', '<i4', '<f8'], offsets: [0, 8, 12], itemsize: 28 }, 'value'],
  ];
  const open = (dt: object, field: string): [ReturnType<typeof memmap>, NdArray] => {
    const m = memmap(tmp.file(randomBytes(28 * 16, 3)), { dtype: dt as never, mode: 'r+', shape: [8] });
    return [m, m.field(field)];
  };
  test.each(tiers)('%s: forEach, reduce, apply and map throw ERR_CLOSED at the next element', (_name, dt, field) => {
    const ops: ((v: NdArray, close: () => void) => unknown)[] = [
      (v, close) => v.forEach((_x, i) => i === 2 && close()),
      (v, close) => v.reduce((acc, _x, i) => (i === 2 && close(), acc), 0),
      (v, close) => v.apply((x, i) => (i === 2 && close(), x)),
      (v, close) => v.map((x, i) => (i === 2 && close(), x)),
    ];
    for (const op of ops) {
      const [m, v] = open(dt, field);
      expect(() => op(v, () => m.close())).toThrow(expect.objectContaining({ code: 'ERR_CLOSED', name: AccessError.name }));
    }
  });

  test.each(tiers)('%s: apply closed by the last callback still reports it', (_name, dt, field) => {
    const [m, v] = open(dt, field);
    expect(() => v.apply((x, i) => (i === v.size - 1 && m.close(), x))).toThrow(expect.objectContaining({ code: 'ERR_CLOSED' }));
  });
});

describe('get(i) and set(i, v) of one element', () => {
  test('set(i, v) on a 1-d numeric view stores into exactly that element, negative i from the end', () => {
    const bytes = randomBytes(28 * 8, 9);
    const v = fromBuffer(bytes, { names: ['x', 'n', 'value'], formats: ['<f8', '<i4', '<f8'], offsets: [0, 8, 12], itemsize: 28 }).field('value');
    const before = Buffer.from(bytes);
    v.set(2, 1.25);
    v.set(-1, -7);
    expect([v.get(2), v.get(7)]).toEqual([1.25, -7]);
    const want = Buffer.from(before);
    want.writeDoubleLE(1.25, 2 * 28 + 12);
    want.writeDoubleLE(-7, 7 * 28 + 12);
    expect(Buffer.from(bytes).equals(want)).toBe(true);
  });

  test('set(i, v) converts as set() does: BigInt for 64-bit ints, booleans, complex from a number', () => {
    const i8 = zeros([3], '<i8');
    i8.set(1, 5n);
    i8.set(2, 7);
    expect(i8.toArray()).toEqual([0n, 5n, 7n]);
    const b = zeros([2], '?');
    b.set(1, 3);
    expect(b.toArray()).toEqual([false, true]);
    const c = zeros([2], '<c16');
    c.set(0, 2.5);
    expect(c.get(0)).toEqual({ re: 2.5, im: 0 });
    expect(() => zeros([2], 'u1').set(0, 256)).toThrow('out of bounds for uint8');
    expect(() => zeros([2], '<i8').set(0, 2 ** 60)).toThrow(TypeError);
  });

  test('set(i, v) with an index out of range, not an integer, or a non-scalar value takes the general path and its errors', () => {
    const a = zeros([3], '<f8');
    expect(() => a.set(3, 1)).toThrow('out of bounds');
    expect(() => a.set(-4, 1)).toThrow('out of bounds');
    // A sequence at an element position is NumPy's ValueError (a[1] = [4]); nothing is stored.
    expect(() => a.set(1, [4])).toThrow('setting an array element with a sequence.');
    expect(a.get(1)).toBe(0);
    const g = zeros([2, 2], '<f8');
    g.set(1, 5);
    expect(g.toArray()).toEqual([
      [0, 0],
      [5, 5],
    ]);
  });

  test('get and set on a closed mapping, and on a transferred buffer, throw ERR_CLOSED', () => {
    const m = memmap(tmp.file(randomBytes(64, 4)), { dtype: '<f8', mode: 'r+' });
    expect(typeof m.get(1)).toBe('number');
    m.close();
    expect(() => m.get(1)).toThrow(expect.objectContaining({ code: 'ERR_CLOSED' }));
    expect(() => m.set(1, 2)).toThrow(expect.objectContaining({ code: 'ERR_CLOSED' }));
    const buf = new ArrayBuffer(16);
    const a = fromBuffer(buf, '<f8');
    a.set(0, 1);
    structuredClone(buf, { transfer: [buf] });
    expect(() => a.get(0)).toThrow(expect.objectContaining({ code: 'ERR_CLOSED' }));
    expect(() => a.set(0, 1)).toThrow(expect.objectContaining({ code: 'ERR_CLOSED' }));
  });

  test('set(i, v) refuses read-only memory and read-only views', () => {
    const ro = fromBuffer(new Uint8Array(16), '<f8', { readonly: true });
    expect(() => ro.set(0, 1)).toThrow(expect.objectContaining({ code: 'ERR_READ_ONLY' }));
  });
});

describe('views of a sparse 5 GiB file across window edges', () => {
  const GiB = 2 ** 30;
  const FILE_BYTES = 5 * GiB;
  const HALO = 2 ** 16;
  const EDGES = [WINDOW_STEP, WINDOW_BYTES];
  const ALIGNED = { names: ['a', 'value'], formats: ['<f8', '<f8'] };
  const PACKED = { names: ['x', 'n', 'value'], formats: ['<f8', '<i4', '<f8'], offsets: [0, 8, 12], itemsize: 28 };
  let path: string;

  beforeAll(() => {
    path = tmp.sparse(FILE_BYTES, 'big.bin');
    EDGES.forEach((e, k) => writeAt(path, e - HALO, randomBytes(2 * HALO, 20 + k)));
  });

  /** Field views of `dt` records that cross each edge, one spanning the file in a 2-d stride, and one reversed over all of it. */
  function viewsOf(m: NdArray): [string, NdArray][] {
    const f = m.field('value');
    const n = m.itemsize;
    const out: [string, NdArray][] = [];
    for (const e of EDGES) {
      const a = Math.floor((e - HALO / 2) / n);
      out.push([`1-d across ${e}`, f.index(`${a}:${a + Math.floor(HALO / n)}`)]);
      out.push([`2-d across ${e}`, f.index(`${a}:${a + 40 * 30}`).reshape([40, 30]).index('::-1, 1::2')]);
    }
    // Wider than one window: 3 rows ~1.9 GiB apart, each crossing an edge's halo.
    const r0 = Math.floor((WINDOW_STEP - HALO / 2) / n);
    const rowStep = Math.floor((WINDOW_BYTES - WINDOW_STEP) / n);
    out.push(['2-d spanning 4 GiB', asStrided(f.index(`${r0}:`), [2, 50], [rowStep * n, n])]);
    const all = f.index('::-1');
    const k = Math.floor(all.shape[0] / 997);
    out.push(['the whole file reversed, every k-th record', all.index(`::${k}`)]);
    return out;
  }

  /** The view's <f8 values in C order, read from the file with fs at each element's offset (the library not involved). */
  function valuesInFile(v: NdArray): number[] {
    const fd = fs.openSync(path, 'r');
    try {
      const buf = Buffer.alloc(8);
      const out: number[] = [];
      forEachOffset(v.shape, v.strides, v.offset, (o) => {
        expect(fs.readSync(fd, buf, 0, 8, o)).toBe(8);
        out.push(buf.readDoubleLE(0));
      });
      return out;
    } finally {
      fs.closeSync(fd);
    }
  }

  /** forEach, reduce and map(identity) of `v` give the file's values, with flat indices 0, 1, …. */
  function expectWalksMatchFile(v: NdArray): void {
    const want = valuesInFile(v);
    const seen: unknown[] = [];
    v.forEach((x, i) => seen.push([x, i]));
    expect(seen).toEqual(want.map((x, i) => [x, i]));
    expect(v.reduce((acc: unknown[], x, i) => (acc.push([x, i]), acc), [])).toEqual(want.map((x, i) => [x, i]));
    const copy = v.map((x) => x);
    expect(copy.reduce((acc: unknown[], x) => (acc.push(x), acc), [])).toEqual(want);
  }

  const dtypes: [string, typeof ALIGNED | typeof PACKED][] = [
    ['aligned <f8 field', ALIGNED],
    ['unaligned <f8 field (packed 28-byte records)', PACKED],
  ];
  const open = (dt: typeof ALIGNED | typeof PACKED, mode: 'r' | 'r+'): ReturnType<typeof memmap> =>
    memmap(path, { dtype: dt as never, mode, shape: [Math.floor(FILE_BYTES / (dt === PACKED ? 28 : 16))] });

  test.each(dtypes)('%s: forEach, reduce and map give the file\'s values', (_name, dt) => {
    const m = open(dt, 'r');
    try {
      for (const [, v] of viewsOf(m)) expectWalksMatchFile(v);
    } finally {
      m.close();
    }
  });

  test.each(dtypes)('%s: apply lands in the file at each element', (_name, dt) => {
    const m = open(dt, 'r+');
    const r = rng(5);
    try {
      for (const [, v] of viewsOf(m)) {
        const add = Math.floor(r() * 100) + 1;
        const before = valuesInFile(v);
        v.apply((x, i) => (x as number) + add + i);
        m.flush();
        expect(valuesInFile(v)).toEqual(before.map((x, i) => x + add + i));
      }
    } finally {
      m.close();
    }
  });
});
