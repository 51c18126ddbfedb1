// The project's seed examples, each as it would be written in the docs,
// with NumPy's answer beside it where NumPy can give one.
import { arange, fromBuffer } from '../lib/create';
import { AccessError, ValueError } from '../lib/errors';
import { describeWithNumpy, runNumpy } from './helpers/numpy';

describe('int16 data seen as int32', () => {
  test('arange(10, int16).view(int32) has 5 elements, two int16s each', () => {
    const a = arange(10, 'int16');
    const b = a.view('int32');
    expect(b.shape).toEqual([5]);
    // Little-endian: element k is a[2k] + a[2k+1] * 65536.
    expect(b.toArray()).toEqual([65536, 196610, 327684, 458758, 589832]);
  });

  test('adding 1 to each int32 adds 1 to every other int16 of the base', () => {
    const a = arange(10, 'int16');
    a.view('int32').apply((x) => (x as number) + 1);
    expect(a.toArray()).toEqual([1, 1, 3, 3, 5, 5, 7, 7, 9, 9]);
  });

  test('the same with set() and values read from the view', () => {
    const a = arange(10, 'int16');
    const b = a.view('int32');
    b.set((b.toArray() as number[]).map((x) => x + 1));
    expect(a.toArray()).toEqual([1, 1, 3, 3, 5, 5, 7, 7, 9, 9]);
  });
});

describe('int16 data seen as bytes', () => {
  test('adding 1 to every int8 byte adds 257 to every int16: 257 … 266', () => {
    const a = arange(10, 'int16');
    a.view('int8').apply((x) => (x as number) + 1);
    expect(a.toArray()).toEqual([257, 258, 259, 260, 261, 262, 263, 264, 265, 266]);
  });

  test('adding 1 to the low bytes only (b[::2]) adds 1', () => {
    const a = arange(10, 'int16');
    a.view('int8').index('::2').apply((x) => (x as number) + 1);
    expect(a.toArray()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});

describe('a column cannot change itemsize in place', () => {
  test('a[:, 1] of a (3, 4) int16 array viewed as int32 throws: its last axis is strided', () => {
    const a = arange(12, 'int16').reshape([3, 4]);
    expect(() => a.index(':, 1').view('int32')).toThrow(ValueError);
    expect(() => a.index(':, 1').view('int32')).toThrow('the last axis must be contiguous');
  });

  test('copy first, then view: the copy is contiguous', () => {
    const a = arange(12, 'int16').reshape([3, 4]);
    const col = a.index(':, 1').copy();
    expect(col.flags.cContiguous).toBe(true);
    expect(col.view('int8').toArray()).toEqual([1, 0, 5, 0, 9, 0]);
    // Three int16s are 6 bytes: no whole number of int32s, as NumPy also says.
    expect(() => col.view('int32')).toThrow('its size must be a divisor of the total size in bytes of the last axis');
  });

  test('two adjacent columns are 4 contiguous bytes per row: they view as one int32 column', () => {
    const a = arange(12, 'int16').reshape([3, 4]);
    const pair = a.index(':, 1:3').view('int32');
    expect([pair.shape, pair.toArray()]).toEqual([[3, 1], [[131073], [393221], [655369]]]);
  });
});

describe('read-only memory stays read-only through views', () => {
  test('a view of a view of a read-only buffer refuses writes and cannot be made writeable', () => {
    const bytes = Uint8Array.from({ length: 16 }, (_, i) => i);
    const ro = fromBuffer(bytes, 'uint8', { readonly: true });
    const vv = ro.view('<u4').index('1:');
    expect(vv.flags.writeable).toBe(false);
    expect(() => vv.set(0)).toThrow(AccessError);
    expect(() => {
      vv.flags.writeable = true;
    }).toThrow('cannot set WRITEABLE flag to True of this array');
    expect(bytes[4]).toBe(4);
  });
});

describe('float and complex bits', () => {
  test('float32 [1, -2.5, nan, inf] as uint32: the exponent mask 0x7F800000 finds the NaN and the inf', () => {
    const f = fromBuffer(new Float32Array([1, -2.5, NaN, Infinity]), 'float32');
    const bits = f.view('uint32');
    expect(bits.toArray()).toEqual([0x3f800000, 0xc0200000, 0x7fc00000, 0x7f800000]);
    const special = bits.reduce((n, x) => n + (((x as number) & 0x7f800000) === 0x7f800000 ? 1 : 0), 0);
    expect(special).toBe(2);
  });

  test('complex64 [1+2j, 3+4j] as float32 is [1, 2, 3, 4]: real and imaginary parts interleaved', () => {
    const c = fromBuffer(new Float32Array([1, 2, 3, 4]), 'complex64');
    expect(c.toArray()).toEqual([
      { re: 1, im: 2 },
      { re: 3, im: 4 },
    ]);
    const parts = c.view('float32');
    expect(parts.toArray()).toEqual([1, 2, 3, 4]);
    expect(parts.index('::2').toArray()).toEqual([1, 3]);
  });
});

describe('byte order', () => {
  const be = (): Uint8Array => Uint8Array.from([0, 0, 0, 1]);

  test('the bytes 00 00 00 01 are 1 as >u4 and 16777216 as <u4', () => {
    expect(fromBuffer(be(), '>u4').get(0)).toBe(1);
    expect(fromBuffer(be(), '<u4').get(0)).toBe(16777216);
  });

  test('newbyteorder changes how the bytes are read; byteswap changes the bytes', () => {
    const bytes = be();
    const a = fromBuffer(bytes, '>u4');
    const b = a.newbyteorder();
    expect([b.dtype.str, b.get(0), Array.from(bytes)]).toEqual(['<u4', 16777216, [0, 0, 0, 1]]);
    a.byteswap(true);
    expect([a.dtype.str, a.get(0), Array.from(bytes)]).toEqual(['>u4', 16777216, [1, 0, 0, 0]]);
  });

  test('byteswap + newbyteorder keeps the value and converts the storage to the other order', () => {
    const a = fromBuffer(be(), '>u4');
    const native = a.byteswap().newbyteorder();
    expect([native.dtype.str, native.get(0)]).toEqual(['<u4', 1]);
  });
});

describeWithNumpy('seed examples against NumPy', () => {
  test('int16 ↔ int32/int8 views, writes included', () => {
    const want = runNumpy<Record<string, unknown>>(String.raw`
a = np.arange(10, dtype=np.int16); b = a.view(np.int32); out = {'b': b.tolist()}
b += 1; out['plus32'] = a.tolist()
a = np.arange(10, dtype=np.int16); a.view(np.int8)[...] += 1; out['plus8'] = a.tolist()
a = np.arange(12, dtype=np.int16).reshape(3, 4)
try: a[:, 1].view(np.int32); out['col'] = 'ok'
except ValueError as e: out['col'] = str(e)
out['col8'] = a[:, 1].copy().view(np.int8).tolist()
try: a[:, 1].copy().view(np.int32); out['col32'] = 'ok'
except ValueError as e: out['col32'] = str(e)
out['pair'] = a[:, 1:3].view(np.int32).tolist()
print(json.dumps(out))
`);
    const a = arange(10, 'int16');
    const b = a.view('int32');
    const got: Record<string, unknown> = { b: b.toArray() };
    b.apply((x) => (x as number) + 1);
    got.plus32 = a.toArray();
    const c = arange(10, 'int16');
    c.view('int8').apply((x) => (x as number) + 1);
    got.plus8 = c.toArray();
    const g = arange(12, 'int16').reshape([3, 4]);
    const message = (f: () => unknown): string => {
      try {
        f();
        return 'ok';
      } catch (e) {
        return (e as Error).message;
      }
    };
    // NumPy's messages are the library's first sentence.
    got.col = message(() => g.index(':, 1').view('int32'));
    got.col8 = g.index(':, 1').copy().view('int8').toArray();
    got.col32 = message(() => g.index(':, 1').copy().view('int32'));
    got.pair = g.index(':, 1:3').view('int32').toArray();
    expect((got.col as string).startsWith(want.col as string)).toBe(true);
    expect((got.col32 as string).startsWith((want.col32 as string).replace(/\.$/, ''))).toBe(true);
    expect({ ...got, col: null, col32: null }).toEqual({ ...want, col: null, col32: null });
  });

  test('the 16-byte [id u4, ts u4, value f8] record over arange(160, u1)', () => {
    const want = runNumpy<{ records: [number, number, number][]; id: number[]; ts: number[]; value: number[] }>(String.raw`
dt = np.dtype([('id', '<u4'), ('ts', '<u4'), ('value', '<f8')])
r = np.arange(160, dtype=np.uint8).view(dt)
print(json.dumps(dict(records=[list(x) for x in r.tolist()], id=r['id'].tolist(), ts=r['ts'].tolist(), value=r['value'].tolist())))
`);
    const r = arange(160, 'u1').view([['id', '<u4'], ['ts', '<u4'], ['value', '<f8']]);
    expect(r.shape).toEqual([10]);
    expect((r.toArray() as Record<string, number>[]).map((x) => [x.id, x.ts, x.value])).toEqual(want.records);
    expect(r.field('id').toArray()).toEqual(want.id);
    expect(r.field('ts').toArray()).toEqual(want.ts);
    expect(r.field('value').toArray()).toEqual(want.value);
    expect(r.get(0)).toEqual({ id: 0x03020100, ts: 0x07060504, value: want.value[0] });
  });

  test('float32 bits, complex64 parts and big-endian bytes', () => {
    const want = runNumpy<Record<string, unknown>>(String.raw`
f = np.array([1, -2.5, np.nan, np.inf], np.float32)
u = f.view(np.uint32)
c = np.array([1 + 2j, 3 + 4j], np.complex64)
raw = bytes([0, 0, 0, 1])
be = np.frombuffer(raw, '>u4')
print(json.dumps(dict(bits=u.tolist(), special=int(((u & 0x7F800000) == 0x7F800000).sum()), parts=c.view(np.float32).tolist(),
    be=int(be[0]), le=int(np.frombuffer(raw, '<u4')[0]), nbo=int(be.view(be.dtype.newbyteorder())[0]), swapped=int(be.byteswap()[0]))))
`);
    const u = fromBuffer(new Float32Array([1, -2.5, NaN, Infinity]), 'float32').view('uint32');
    const raw = Uint8Array.from([0, 0, 0, 1]);
    const be = fromBuffer(raw, '>u4');
    expect({
      bits: u.toArray(),
      special: u.map((x) => (((x as number) & 0x7f800000) === 0x7f800000 ? 1 : 0), 'u1').sum(),
      parts: fromBuffer(new Float32Array([1, 2, 3, 4]), 'complex64').view('float32').toArray(),
      be: be.get(0),
      le: fromBuffer(raw, '<u4').get(0),
      nbo: be.newbyteorder().get(0),
      swapped: be.byteswap().get(0),
    }).toEqual(want);
  });
});
