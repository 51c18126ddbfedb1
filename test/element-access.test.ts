// The per-view element accessors of lib/element-access.ts behind get(i) and
// set(i, v): every numeric dtype in both byte orders, contiguous, strided,
// reversed and unaligned, read and written against bytes decoded and encoded
// here with a DataView; the typed, view and windowed tiers; bounds,
// negative and non-integer indices; closed mappings and detached buffers
// after the accessor was built; read-only memory and views made read-only
// after it was built; a grown mapping. No timing assertions.
import { fromBuffer, memmap, zeros, type NdArray } from '../lib';
import { AccessError, IndexError } from '../lib/errors';
import { WINDOW_STEP } from '../lib/storage';
import { randomBytes, writeAt } from './helpers/bytes';
import { useTempDir } from './helpers/tmp';

const tmp = useTempDir('mmarray-element-access-');

type Num = number | bigint;
/** [dtype char code, itemsize, DataView reader, DataView writer, a value to store]. */
const NUMERIC: [string, number, (dv: DataView, o: number, le: boolean) => Num, (dv: DataView, o: number, v: never, le: boolean) => void, Num][] = [
  ['i1', 1, (dv, o) => dv.getInt8(o), (dv, o, v) => dv.setInt8(o, v), -100],
  ['u1', 1, (dv, o) => dv.getUint8(o), (dv, o, v) => dv.setUint8(o, v), 200],
  ['i2', 2, (dv, o, le) => dv.getInt16(o, le), (dv, o, v, le) => dv.setInt16(o, v, le), -12345],
  ['u2', 2, (dv, o, le) => dv.getUint16(o, le), (dv, o, v, le) => dv.setUint16(o, v, le), 54321],
  ['i4', 4, (dv, o, le) => dv.getInt32(o, le), (dv, o, v, le) => dv.setInt32(o, v, le), -(2 ** 31) + 5],
  ['u4', 4, (dv, o, le) => dv.getUint32(o, le), (dv, o, v, le) => dv.setUint32(o, v, le), 2 ** 32 - 3],
  ['i8', 8, (dv, o, le) => dv.getBigInt64(o, le), (dv, o, v, le) => dv.setBigInt64(o, v, le), -(2n ** 62n) - 7n],
  ['u8', 8, (dv, o, le) => dv.getBigUint64(o, le), (dv, o, v, le) => dv.setBigUint64(o, v, le), 2n ** 64n - 9n],
  ['f4', 4, (dv, o, le) => dv.getFloat32(o, le), (dv, o, v, le) => dv.setFloat32(o, v, le), -1.5e-3],
  ['f8', 8, (dv, o, le) => dv.getFloat64(o, le), (dv, o, v, le) => dv.setFloat64(o, v, le), Math.PI],
];

/** Layouts of `n` items over a byte buffer: [name, byte offset of item 0, byte stride, count]. */
function layouts(size: number): [string, number, number, number][] {
  return [
    ['contiguous', 0, size, 24],
    ['strided (every 3rd item)', size, 3 * size, 7],
    ['reversed', 23 * size, -size, 24],
    ['unaligned (1 byte in)', 1, size, 20],
    ['unaligned, strided by 28 bytes (a packed record field)', 12, 28, 5],
  ];
}

/** A 1-d view of `buf` at byte `offset` with byte stride `stride`, made the way a program makes one. */
function viewOf(buf: Uint8Array, dt: string, offset: number, stride: number, count: number): NdArray {
  const size = Number(dt.slice(2));
  if (stride === 28) {
    // A field of packed 28-byte records.
    return fromBuffer(buf.subarray(0, 28 * count), { names: ['pad', 'value'], formats: ['V12', dt], offsets: [0, 12], itemsize: 28 }).field('value');
  }
  if (stride < 0) return fromBuffer(buf.subarray(0, count * size), dt).index('::-1');
  if (offset % size !== 0) return fromBuffer(buf.subarray(0, offset + count * stride), 'u1').index(`${offset}:`).view(dt).index(`::${stride / size}`).index(`:${count}`);
  return fromBuffer(buf.subarray(0, offset + count * stride), dt).index(`${offset / size}::${stride / size}`).index(`:${count}`);
}

describe('get(i) and set(i, v) of every numeric dtype, both byte orders, every layout', () => {
  const cases: [string, string, boolean, string, number, number, number][] = [];
  for (const [code, size] of NUMERIC) {
    for (const order of ['<', '>']) {
      if (size === 1 && order === '>') continue;
      for (const [name, offset, stride, count] of layouts(size)) cases.push([`${order}${code}`, name, order === '<', `${order}${code}`, offset, stride, count]);
    }
  }
  test.each(cases)('%s, %s: reads every item, negative i from the end; writes exactly one item', (_dt, _name, le, dt, offset, stride, count) => {
    const [, size, read, write, value] = NUMERIC.find(([c]) => c === dt.slice(1))!;
    const bytes = randomBytes(32 * 28, 11);
    const a = viewOf(bytes, dt, offset, stride, count);
    expect(a.shape).toEqual([count]);
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const at = (i: number): number => offset + i * stride;
    for (let i = 0; i < count; i++) {
      const want = read(dv, at(i), le);
      expect(a.get(i)).toEqual(want);
      expect(a.get(i - count)).toEqual(want);
    }
    const before = Buffer.from(bytes);
    a.set(2, value);
    a.set(-1, value);
    const want = new Uint8Array(before);
    const wdv = new DataView(want.buffer);
    write(wdv, at(2), value as never, le);
    write(wdv, at(count - 1), value as never, le);
    expect(Buffer.from(bytes).equals(Buffer.from(want))).toBe(true);
    expect(a.get(2)).toEqual(size === 4 && dt[1] === 'f' ? Math.fround(value as number) : value);
  });
});

describe('the dtypes the codec reads: bool, float16, complex, records, bytes', () => {
  test('bool reads booleans (not 0/1) and stores any truthy number as 1', () => {
    const a = fromBuffer(new Uint8Array([0, 1, 0, 1, 1]), '?').index('::2');
    expect([a.get(0), a.get(1), a.get(-1)]).toEqual([false, false, true]);
    a.set(1, 7);
    expect(a.get(1)).toBe(true);
    expect(a.toArray()).toEqual([false, true, true]);
  });

  test('float16 both byte orders, complex64/128, strided', () => {
    const h = fromBuffer(new Uint8Array([0x00, 0x3c, 0x00, 0xc0]), '<f2');
    expect([h.get(0), h.get(1)]).toEqual([1, -2]);
    const hb = fromBuffer(new Uint8Array([0x3c, 0x00, 0xc0, 0x00]), '>f2');
    expect([hb.get(0), hb.get(-1)]).toEqual([1, -2]);
    hb.set(0, 0.5);
    expect(hb.get(0)).toBe(0.5);
    for (const dt of ['<c8', '>c16']) {
      const c = zeros([6], dt).index('1::2');
      c.set(1, { re: 1.5, im: -2 });
      expect(c.get(1)).toEqual({ re: 1.5, im: -2 });
      expect(c.get(0)).toEqual({ re: 0, im: 0 });
    }
  });

  test('records and bytes read through get(i); set(i, v) of a record takes the general path', () => {
    const r = zeros([3], { names: ['a', 'b'], formats: ['<i4', 'S3'] });
    r.set(1, [7, 'xyz']);
    expect(r.field('a').get(1)).toBe(7);
    expect(Buffer.from(r.field('b').get(1) as Uint8Array).toString()).toBe('xyz');
  });
});

describe('views of one buffer share typed arrays over the whole buffer', () => {
  test('views of several types, offsets and strides of one buffer (itself at a byte offset) each read their own items', () => {
    const bytes = randomBytes(8 * 64 + 8, 3).subarray(8);
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const f8 = fromBuffer(bytes, '<f8');
    const i4 = fromBuffer(bytes, '<i4').index('3::5');
    const f8b = fromBuffer(bytes.subarray(16), '<f8').index('::-2');
    const u1 = fromBuffer(bytes, 'u1').index('7::9');
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 64; i++) expect(Object.is(f8.get(i), dv.getFloat64(8 * i, true))).toBe(true);
      for (let i = 0; i < i4.shape[0]; i++) expect(i4.get(i)).toBe(dv.getInt32(4 * (3 + 5 * i), true));
      for (let i = 0; i < f8b.shape[0]; i++) expect(Object.is(f8b.get(i), dv.getFloat64(16 + 8 * (61 - 2 * i), true))).toBe(true);
      for (let i = 0; i < u1.shape[0]; i++) expect(u1.get(i)).toBe(bytes[7 + 9 * i]);
    }
    // A store through one view is seen by the others, and lands in its own item only.
    i4.set(1, -7);
    expect(dv.getInt32(4 * 8, true)).toBe(-7);
    expect(f8.get(4)).toBe(dv.getFloat64(32, true));
    expect(() => i4.get(i4.shape[0])).toThrow(IndexError);
  });
});

describe('indices', () => {
  const a = fromBuffer(new Float64Array([1, 2, 3]).buffer, '<f8');
  const packed = fromBuffer(new Uint8Array(28 * 3), { names: ['p', 'v'], formats: ['V12', '<f8'], offsets: [0, 12], itemsize: 28 }).field('v');
  test.each([
    ['typed tier', a],
    ['view tier', packed],
  ])('%s: out of range indices are IndexErrors naming the index and size; non-integer and NaN ones get NumPy\'s invalid-index words', (_name, v) => {
    for (const i of [3, -4]) {
      expect(() => v.get(i)).toThrow(IndexError);
      expect(() => v.get(i)).toThrow(`index ${i} is out of bounds for axis 0 with size 3`);
    }
    for (const i of [1.5, NaN, Infinity, '1' as unknown as number]) {
      expect(() => v.get(i)).toThrow(IndexError);
      expect(() => v.get(i)).toThrow('only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices, got ');
    }
    expect(() => v.set(3, 1)).toThrow('out of bounds');
    expect(() => v.set(-4, 1)).toThrow('out of bounds');
  });

  test('n-d: get(i) of a 2-d array asks for both indices; get(i, j) and a 0-d get() read the item', () => {
    const g = fromBuffer(new Float64Array([1, 2, 3, 4, 5, 6]).buffer, '<f8').reshape([2, 3]);
    expect(() => g.get(0)).toThrow('get() needs 2 indices for a 2-d array, got 1');
    expect(g.get(1, -1)).toBe(6);
    expect(g.T.get(2, 0)).toBe(3);
    expect(() => g.get(2, 0)).toThrow('index 2 is out of bounds for axis 0 with size 2');
    expect(g.index(1).index(2).get()).toBe(6);
    expect(() => a.get()).toThrow('get() needs 1 index for a 1-d array, got 0');
  });
});

describe('closed mappings and detached buffers, after the accessor was built', () => {
  const dts: [string, object | string][] = [
    ['typed tier (aligned <f8 field)', { names: ['a', 'value'], formats: ['<f8', '<f8'] }],
    ['view tier (unaligned <f8 field)', { names: ['x', 'n', 'value'], formats: ['<f8', '<i4', '<f8'], offsets: [0, 8, 12], itemsize: 28 }],
    ['view tier (>f8)', { names: ['a', 'value'], formats: ['>f8', '>f8'] }],
  ];
  test.each(dts)('%s: get, set and an out-of-range get throw ERR_CLOSED', (_name, dt) => {
    const m = memmap(tmp.file(randomBytes(28 * 8, 5)), { dtype: dt as never, mode: 'r+', shape: [8] });
    const f = m.field('value');
    expect(typeof f.get(1)).toBe('number');
    f.set(1, 2.5);
    expect(f.get(1)).toBe(2.5);
    m.close();
    const closed = expect.objectContaining({ code: 'ERR_CLOSED', name: AccessError.name });
    expect(() => f.get(1)).toThrow(closed);
    expect(() => f.get(100)).toThrow(closed);
    expect(() => f.set(1, 3)).toThrow(closed);
    expect(() => m.get(0)).toThrow(closed);
  });

  test.each(['<f8', '>f8', '<i8', '?'])('%s over a transferred ArrayBuffer: get and set throw ERR_CLOSED', (dt) => {
    const buf = new ArrayBuffer(64);
    const a = fromBuffer(buf, dt);
    a.get(0);
    a.set(0, 1);
    structuredClone(buf, { transfer: [buf] });
    const closed = expect.objectContaining({ code: 'ERR_CLOSED' });
    expect(() => a.get(0)).toThrow(closed);
    expect(() => a.set(0, 1)).toThrow(closed);
  });

  test('a view made after its buffer was transferred throws ERR_CLOSED on get and set (its accessor, made with it, reads no gone memory)', () => {
    const buf = new ArrayBuffer(64);
    const a = fromBuffer(buf, '<f8');
    structuredClone(buf, { transfer: [buf] });
    const closed = expect.objectContaining({ code: 'ERR_CLOSED' });
    let v: NdArray;
    try {
      v = a.index('1:');
    } catch (e) {
      expect(e).toEqual(closed);
      return;
    }
    expect(() => v.get(0)).toThrow(closed);
    expect(() => v.set(0, 1)).toThrow(closed);
  });

  test('a view first touched after close throws ERR_CLOSED (no accessor is built over gone memory)', () => {
    const buf = new ArrayBuffer(64);
    const a = fromBuffer(buf, '<f8');
    structuredClone(buf, { transfer: [buf] });
    expect(() => a.get(0)).toThrow(expect.objectContaining({ code: 'ERR_CLOSED' }));
  });
});

describe('read-only', () => {
  test("a 'r' mapping's set(i, v) is ERR_READ_ONLY on every tier", () => {
    const p = tmp.file(randomBytes(28 * 4, 6));
    for (const dt of ['<f8', '>f8', '<i4']) {
      const m = memmap(p, { dtype: dt, mode: 'r', shape: [4] });
      expect(typeof m.get(0)).toBe('number');
      expect(() => m.set(0, 1)).toThrow(expect.objectContaining({ code: 'ERR_READ_ONLY' }));
      m.close();
    }
  });

  test('a view made writeable again stores through a rebuilt accessor', () => {
    const a = zeros([3], '<f8');
    const v = a.index('::2');
    v.flags.writeable = false;
    expect(() => v.set(0, 1)).toThrow(expect.objectContaining({ code: 'ERR_READ_ONLY' }));
    v.flags.writeable = true;
    v.set(-1, 4);
    expect(a.toArray()).toEqual([0, 0, 4]);
  });

  test('set(i, v) of a non-numeric dtype takes the general path, which converts the record', () => {
    const r = zeros([2], { names: ['a', 'b'], formats: ['<i4', '<f8'] });
    r.get(0);
    r.set(1, [3, 0.5]);
    expect([r.field('a').get(1), r.field('b').get(1)]).toEqual([3, 0.5]);
  });

  test('a view made read-only after its accessor was built refuses set(i, v), and writes nothing', () => {
    for (const dt of ['<f8', '>f8']) {
      const a = zeros([4], dt);
      a.set(0, 1);
      a.flags.writeable = false;
      expect(() => a.set(1, 2)).toThrow(expect.objectContaining({ code: 'ERR_READ_ONLY' }));
      expect(a.toArray()).toEqual([1, 0, 0, 0]);
    }
  });
});

describe('views wider than one window, of a sparse 5 GiB file (windowed tier)', () => {
  test('get and set at both sides of the 2^31 and 2^32 window edges', () => {
    const path = tmp.sparse(5 * 2 ** 30, 'big.bin');
    writeAt(path, WINDOW_STEP - 16, randomBytes(32, 1));
    const m = memmap(path, { dtype: '<f8', mode: 'r+' });
    try {
      const edge = WINDOW_STEP / 8;
      const raw = Buffer.from(randomBytes(32, 1).buffer);
      expect(m.get(edge - 1)).toBe(raw.readDoubleLE(8));
      expect(m.get(edge)).toBe(raw.readDoubleLE(16));
      for (const i of [edge - 1, edge, 2 ** 32 / 8 - 1, 2 ** 32 / 8, -1]) {
        m.set(i, i + 0.5);
        expect(m.get(i)).toBe(i + 0.5);
      }
      expect(m.get(m.size - 1)).toBe(-0.5);
    } finally {
      m.close();
    }
  });
});

describe('a grown mapping', () => {
  test('append() after get(): the accessor follows the new length', () => {
    const m = memmap(tmp.path('grow.bin'), { dtype: '<f8', mode: 'w+', shape: [2] });
    m.set(0, 1);
    expect(m.get(1)).toBe(0);
    expect(() => m.get(2)).toThrow(IndexError);
    m.append([3, 4]);
    expect([m.get(2), m.get(-1)]).toEqual([3, 4]);
    m.set(3, 5);
    expect(m.toArray()).toEqual([1, 0, 3, 5]);
    m.close();
  });
});
