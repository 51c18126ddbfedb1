// Constructors (lib/create.ts): fromBuffer, ndarray, zeros/empty, arange.
// (asStrided, broadcastTo, ascontiguousarray: test/views.test.ts.)
import { arange, asStrided, broadcastTo, empty, fromBuffer, ndarray, ones, zeros } from '../lib/create';
import { array } from '../lib/array-coerce';
import { ValueError, ZeroDivisionError } from '../lib/errors';
import { dtype } from '../lib/dtype';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { hexOf, jsOutcome, numpyOutcomes, type Case } from './helpers/np-compare';
import * as mm from '../lib';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

describe('fromBuffer', () => {
  test('views the whole buffer as 1-d, without copying', () => {
    const buf = new ArrayBuffer(8);
    const a = fromBuffer(buf, '<u2');
    expect([a.shape, a.strides, a.offset]).toEqual([[4], [2], 0]);
    new Uint16Array(buf)[3] = 7;
    expect(a.get(3)).toBe(7);
  });

  test('the default dtype is float64, as NumPy\'s frombuffer', () => {
    expect(fromBuffer(new ArrayBuffer(16)).dtype.str).toBe('<f8');
  });

  test('a plain ArrayBuffer from another realm is accepted', () => {
    const foreign = require('vm').runInNewContext('new ArrayBuffer(4)') as ArrayBuffer;
    expect(fromBuffer(foreign, 'u1').shape).toEqual([4]);
  });

  test("a typed array or DataView contributes only its own byte range", () => {
    const whole = new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7]);
    const part = whole.subarray(2, 6);
    const a = fromBuffer(part, 'u1');
    expect(a.toArray()).toEqual([2, 3, 4, 5]);
    expect(fromBuffer(new DataView(whole.buffer, 4, 4), 'u1').toArray()).toEqual([4, 5, 6, 7]);
    // Offsets are relative to the view's range.
    expect(fromBuffer(part, 'u1', { offset: 1, count: 2 }).toArray()).toEqual([3, 4]);
  });

  test('offset and count pick a sub-range', () => {
    const a = fromBuffer(new Uint8Array([9, 1, 0, 2, 0, 3, 0]), '<u2', { offset: 1, count: 2 });
    expect([a.offset, a.toArray()]).toEqual([1, [1, 2]]);
  });

  test('a SharedArrayBuffer works like an ArrayBuffer', () => {
    const sab = new SharedArrayBuffer(8);
    const a = fromBuffer(sab, '<i4');
    a.set([1, -1]);
    expect(Array.from(new Int32Array(sab))).toEqual([1, -1]);
  });

  test('a subarray dtype appends its axes', () => {
    const a = fromBuffer(new ArrayBuffer(24), { base: '<f4', shape: [3] });
    expect([a.shape, a.strides, a.dtype.str]).toEqual([[2, 3], [12, 4], '<f4']);
  });

  test('a remainder that does not fill an item is refused without count', () => {
    expect(() => fromBuffer(new ArrayBuffer(7), '<u2')).toThrow(
      new ValueError('buffer size must be a multiple of element size: 7 bytes for <u2 (2 bytes)'),
    );
    expect(fromBuffer(new ArrayBuffer(7), '<u2', { count: 3 }).size).toBe(3);
  });

  test('too large a count or offset is refused', () => {
    expect(() => fromBuffer(new ArrayBuffer(8), '<u4', { count: 3 })).toThrow('buffer is smaller than requested size');
    expect(() => fromBuffer(new ArrayBuffer(8), 'u1', { offset: 9 })).toThrow('offset must be non-negative and no greater than buffer length (8), got 9');
  });

  test("bad option types are TypeErrors and a negative offset NumPy's ValueError", () => {
    expect(() => fromBuffer(new ArrayBuffer(8), 'u1', { offset: 1.5 })).toThrow(TypeError);
    expect(() => fromBuffer(new ArrayBuffer(8), 'u1', { offset: -1 })).toThrow(new ValueError('offset must be non-negative and no greater than buffer length (8), got -1'));
    expect(() => fromBuffer([1, 2] as never)).toThrow(TypeError);
  });

  test('readonly makes an array that refuses writes', () => {
    const a = fromBuffer(new ArrayBuffer(4), 'u1', { readonly: true });
    expect(a.flags.writeable).toBe(false);
  });

  test('an empty buffer gives an empty array', () => {
    expect(fromBuffer(new ArrayBuffer(0), '<f8').shape).toEqual([0]);
  });
});

describe('ndarray (NumPy ndarray(shape, dtype, buffer, offset, strides))', () => {
  test('lays any strided layout over a buffer', () => {
    const bytes = Uint8Array.from({ length: 24 }, (_, i) => i);
    const a = ndarray([2, 3], 'u1', bytes, { offset: 1, strides: [12, 2] });
    expect(a.toArray()).toEqual([
      [1, 3, 5],
      [13, 15, 17],
    ]);
    expect(a.flags.ownData).toBe(false);
  });

  test('negative strides are fine while every byte stays in the buffer', () => {
    const a = ndarray([4], 'u1', Uint8Array.from([0, 1, 2, 3]), { offset: 3, strides: [-1] });
    expect(a.toArray()).toEqual([3, 2, 1, 0]);
  });

  test('a layout reaching outside the buffer is a TypeError (too small a buffer) or a ValueError (strides leaving it), as NumPy\'s', () => {
    expect(() => ndarray([3], '<u4', new ArrayBuffer(8))).toThrow(TypeError);
    expect(() => ndarray([2], 'u1', new ArrayBuffer(8), { offset: 1, strides: [-2] })).toThrow(
      'strides is incompatible with shape of requested array and size of buffer: bytes [-1, 2) of a 8-byte buffer',
    );
  });

  test('strides must match the shape', () => {
    expect(() => ndarray([2, 2], 'u1', new ArrayBuffer(8), { strides: [1] })).toThrow('do not match shape (2, 2)');
  });

  test('a subarray dtype appends its contiguous axes after the given strides', () => {
    const a = ndarray([2], { base: '<i2', shape: [2] }, new ArrayBuffer(16), { strides: [8] });
    expect([a.shape, a.strides]).toEqual([[2, 2], [8, 2]]);
  });
});

describe('zeros and empty', () => {
  test('zeros are C-contiguous zeros, float64 by default', () => {
    const a = zeros([2, 3]);
    expect([a.dtype.str, a.strides, a.toArray()]).toEqual(['<f8', [24, 8], [[0, 0, 0], [0, 0, 0]]]);
  });

  test('a number is a 1-d shape; [] is 0-d', () => {
    expect(zeros(4, 'u1').shape).toEqual([4]);
    expect(zeros([], '<i4').toArray()).toBe(0);
  });

  test('F order lays out column-major', () => {
    expect(zeros([2, 3], '<i2', 'F').strides).toEqual([2, 4]);
  });

  test('an empty shape gives all-zero strides, as NumPy 2', () => {
    expect(zeros([3, 0], '<f4').strides).toEqual([0, 0]);
  });

  test('records read as objects of zeros, bytes as empty', () => {
    expect(zeros(1, [['a', '<i4'], ['s', 'S2']]).get(0)).toEqual({ a: 0, s: new Uint8Array(0) });
  });

  test('empty is zero-filled here (NumPy leaves it unspecified)', () => {
    expect(empty([2], '<i8').toArray()).toEqual([0n, 0n]);
  });

  test('negative or fractional dimensions are refused', () => {
    expect(() => zeros([2, -1])).toThrow('negative dimensions are not allowed');
    expect(() => zeros(1.5)).toThrow(TypeError);
  });
});

describe('arange', () => {
  test('arange(stop) counts from 0 as int64 (BigInt) by default', () => {
    const a = arange(3);
    expect([a.dtype.str, a.toArray()]).toEqual(['<i8', [0n, 1n, 2n]]);
  });

  test('arange(stop, dtype) and arange(start, stop, step, dtype)', () => {
    expect(arange(4, '<i2').toArray()).toEqual([0, 1, 2, 3]);
    expect(arange(10, 0, -3, '<i4').toArray()).toEqual([10, 7, 4, 1]);
    expect(arange(2, 5, 1, '<u1').toArray()).toEqual([2, 3, 4]);
  });

  test('a fractional argument makes float64', () => {
    const a = arange(0, 1, 0.25);
    expect([a.dtype.str, a.toArray()]).toEqual(['<f8', [0, 0.25, 0.5, 0.75]]);
  });

  test('an empty range gives an empty array', () => {
    expect(arange(5, 2).shape).toEqual([0]);
  });

  test('values wrap into a narrow integer dtype like a C cast', () => {
    expect(arange(254, 258, 1, 'u1').toArray()).toEqual([254, 255, 0, 1]);
  });

  test("step 0 is Python's ZeroDivisionError, as NumPy's arange divides by it first", () => {
    expect(() => arange(0, 5, 0)).toThrow(new ZeroDivisionError('division by zero'));
    expect(() => arange(0, 5, 0, 'u1')).toThrow(new ZeroDivisionError('division by zero'));
    expect(() => arange(0.5, 5, 0)).toThrow(new ZeroDivisionError('float division by zero'));
    expect(() => arange(0, 5, -0)).toThrow(new ZeroDivisionError('float division by zero'));
  });

  test('-0 and integer-valued numbers past int64 make a float64 range, as the float and Python int they stand for (np.arange(-0.0), np.arange(-1, 2, 1e20))', () => {
    expect(arange(-0).dtype.str).toBe('<f8');
    expect(arange(-0, 2).toArray()).toEqual([-0, 1]);
    expect(arange(-0, 2).dtype.str).toBe('<f8');
    const r = arange(-1, 2, 1e20);
    expect(r.dtype.str).toBe('<f8');
    expect(r.toArray()).toEqual([-1]);
    expect(arange(0, 2 ** 62, 2 ** 61).dtype.str).toBe('<i8');
  });

  test('a null step is 1 (NumPy\'s step=None), the dtype after it still read', () => {
    expect(arange(0.001, 3, null, 'u8').toArray()).toEqual([0n, 1n, 2n]);
    expect(arange(1, 4, null).toArray()).toEqual([1n, 2n, 3n]);
  });

  test("a length past intp's range is NumPy's 'Maximum allowed size exceeded', even for an empty range", () => {
    for (const args of [[1e20, 0, 10], [-1e20], [Infinity], [0, Infinity], [Infinity, 2, 1]] as const) {
      expect(() => (arange as (...a: number[]) => unknown)(...args)).toThrow(/^Maximum allowed size exceeded/);
    }
    expect(() => arange(NaN, 2)).toThrow(/^arange: cannot compute length/);
  });

  test('one item needs no second value: a step past the range (even infinite) gives the start', () => {
    expect(arange(2, 1e20, Infinity, 'i8').toArray()).toEqual([2n]);
    expect(arange(0, 0.5, Infinity, 'u1').toArray()).toEqual([0]);
  });
});

describeWithNumpy('constructors against NumPy', () => {
  test("arange fills like NumPy: first + i * (second - first) in the dtype's arithmetic", () => {
    const args: [number, number, number][] = [
      [0, 10, 3],
      [10, 0, -3],
      [-5, 5, 2],
      [0, 1, 0.1],
      [1, 2, 0.3],
      [0.1, 5, 0.7],
      [0, 2, 0.5],
      [0.5, -2.25, -0.75],
      [-3.3, 4, 1.1],
      [254, 258, 1],
      [5, 0, -1],
      [3, 3, 1],
      [1e6, 1e6 + 50, 0.37],
    ];
    const types = ['<f2', '<f4', '<f8', '<c8', '<c16', '|i1', '|u1', '<i2', '<u2', '<i4', '<i8', '<u8'];
    const want = runNumpy<{ t: string; args: number[]; values: unknown }[]>(String.raw`
import warnings
warnings.simplefilter('ignore')
def enc(v):
    if isinstance(v, complex): return [enc(v.real), enc(v.imag)]
    if isinstance(v, int): return str(v) if abs(v) > 2**53 - 1 else v
    return v
out = []
for t in ${JSON.stringify(types)}:
    for a, b, c in ${JSON.stringify(args)}:
        if t == '<f2' and abs(a) > 65504: continue  # infinities
        try: r = np.arange(a, b, c, dtype=t)
        except (OverflowError, ValueError): continue
        out.append(dict(t=t, args=[a, b, c], values=[enc(x) for x in r.tolist()]))
print(json.dumps(out))
`);
    expect(want.length).toBeGreaterThan(140);
    for (const k of want) {
      const [a, b, c] = k.args;
      const got = (arange(a, b, c, k.t).toArray() as unknown[]).map((v) =>
        typeof v === 'bigint' ? (v >= -(2n ** 53n - 1n) && v <= 2n ** 53n - 1n ? Number(v) : v.toString()) : v !== null && typeof v === 'object' ? [(v as { re: number }).re, (v as { im: number }).im] : v,
      );
      expect({ t: k.t, args: k.args, values: got }).toEqual(k);
    }
  });

  test('broadcast_to shapes and strides', () => {
    const cases: [number[], number[]][] = [
      [[3], [2, 3]],
      [[1], [4]],
      [[3, 1], [2, 3, 4]],
      [[1, 1], [1, 5]],
      [[], [2, 2]],
    ];
    const want = runNumpy<[number[], number[]][]>(String.raw`
out = []
for s, t in ${JSON.stringify(cases)}:
    b = np.broadcast_to(np.zeros(s, '<i4'), t)
    out.append([list(b.shape), list(b.strides)])
print(json.dumps(out))
`);
    expect(cases.map(([s, t]) => {
      const b = broadcastTo(zeros(s, '<i4'), t);
      return [b.shape, b.strides];
    })).toEqual(want);
  });

  test('as_strided sliding windows read the same values', () => {
    const want = runNumpy<number[][][]>(String.raw`
from numpy.lib.stride_tricks import as_strided
a = np.arange(12, dtype='<i2').reshape(3, 4)
print(json.dumps(as_strided(a, (2, 2, 2, 2), (8, 2, 8, 2)).tolist()))
`);
    expect(asStrided(arange(12, '<i2').reshape([3, 4]), [2, 2, 2, 2], [8, 2, 8, 2]).toArray()).toEqual(want);
  });
});

describe('at most 64 dimensions, with NumPy\'s error, wherever a shape enters (issue 12 item 16)', () => {
  const TOO_MANY = /^maximum supported dimension for an ndarray is currently 64, found (65|66|70|300000)$/;
  const ones = (n: number): number[] => Array(n).fill(1);
  test.each([
    ['zeros', () => zeros(ones(65))],
    ['zeros of 300000 axes (refused before any O(ndim²) work)', () => zeros(ones(300000))],
    ['zeros with a subarray dtype adding axes', () => zeros(ones(60), `(${'1,'.repeat(10)})u1`)],
    ['reshape', () => zeros([1]).reshape(ones(65))],
    ['expandDims', () => zeros(ones(64)).expandDims(0)],
    ['asStrided', () => asStrided(zeros([1]), ones(65), Array(65).fill(0))],
    ['broadcastTo', () => broadcastTo(zeros([1]), ones(65))],
    ['ndarray()', () => ndarray(ones(65), 'u1', new ArrayBuffer(1))],
    ['fromBuffer with a 65-dimensional subarray', () => fromBuffer(new ArrayBuffer(1), `(${'1,'.repeat(64)})u1`)],
    ['field() adding subarray axes', () => zeros(ones(60), [['a', `(${'1,'.repeat(10)})u1`]]).field('a')],
    ['view() to a subarray dtype', () => zeros(ones(60), 'u1').view(`(${'1,'.repeat(10)})u1`)],
  ])('%s', (_name, f) => {
    expect(f).toThrow(ValueError);
    expect(f).toThrow(TOO_MANY);
  });
  test('a dtype subarray of 65 axes', () => {
    expect(() => dtype(`(${'1,'.repeat(65)})u1`)).toThrow('invalid shape in fixed-type tuple: 65 dimensions, more than 64');
  });
  test('indexing past 64 axes: IndexError', () => {
    expect(() => zeros([1]).index(...(Array(70).fill(null) as null[]))).toThrow('number of dimensions must be within [0, 64], indexing result would have 71');
  });
  test('64 axes still work', () => {
    const a = zeros(ones(64), 'u1');
    expect(a.flip().ndim).toBe(64);
    expect(a.reshape([1]).expandDims(ones(63).map((_, i) => i)).ndim).toBe(64);
  });
  test('an empty axis does not excuse the others: zeros([0, 2**62]) is too big, as in NumPy', () => {
    expect(() => zeros([0, 2 ** 62])).toThrow('array is too big: shape [0, 4611686018427388000] has more than 2^53 elements');
  });
});

describe('ndarray() strides are checked as used (issue 12 item 22)', () => {
  test('an object whose length matches but whose iterator yields nothing is refused', () => {
    const liar = { length: 1, *[Symbol.iterator]() {} } as unknown as number[];
    expect(() => ndarray([4], 'u1', new ArrayBuffer(4), { strides: liar })).toThrow('strides [] do not match shape (4,)');
  });
  test('NaN strides are refused', () => {
    expect(() => ndarray([4], 'u1', new ArrayBuffer(4), { strides: [NaN] })).toThrow('strides must hold integers, got NaN');
  });
});

describe('resizable ArrayBuffers are refused (issue 12 item 11)', () => {
  const MSG = 'fromBuffer cannot view a resizable ArrayBuffer (it could shrink under the array); copy it into a fixed-length ArrayBuffer (buffer.slice(0) makes one)';
  const rab = (): ArrayBuffer => new (ArrayBuffer as unknown as new (n: number, o: object) => ArrayBuffer)(32, { maxByteLength: 64 });
  test.each([
    ['fromBuffer(rab)', () => fromBuffer(rab(), 'u1')],
    ['fromBuffer(typed array over a rab)', () => fromBuffer(new Uint8Array(rab()), 'u1')],
    ['fromBuffer(DataView over a rab)', () => fromBuffer(new DataView(rab(), 4, 8), 'u1')],
    ['ndarray(shape, dtype, rab)', () => ndarray([4], '<i4', rab())],
  ])('%s', (_name, f) => {
    expect(f).toThrow(TypeError);
    expect(f).toThrow(MSG);
  });
  test('a growable SharedArrayBuffer (it can only grow) is accepted and stays correct after growing', () => {
    const sab = new (SharedArrayBuffer as unknown as new (n: number, o: object) => SharedArrayBuffer & { grow(n: number): void })(8, { maxByteLength: 64 });
    const a = fromBuffer(sab, 'u1');
    a.fill(7);
    sab.grow(64);
    expect(a.shape).toEqual([8]);
    expect(a.copy().toArray()).toEqual(Array(8).fill(7));
  });
});

describe('arange of a length that cannot be computed (issue 12 item 22)', () => {
  test.each([
    ['arange(NaN)', () => arange(NaN), 'arange: cannot compute length (start 0, stop NaN, step 1)'],
    ['arange(0, 1, NaN)', () => arange(0, 1, NaN), 'arange: cannot compute length'],
    ['arange(Infinity)', () => arange(Infinity), 'Maximum allowed size exceeded (arange of Infinity elements)'],
    ['arange(0, 1e300)', () => arange(0, 1e300), 'Maximum allowed size exceeded'],
  ])('%s', (_name, f, msg) => {
    expect(f).toThrow(ValueError);
    expect(f).toThrow(msg);
  });
});

describe('0-byte items (issue 12 item 14, sibling)', () => {
  test('fromBuffer refuses a 0-byte dtype as NumPy does, whatever the count', () => {
    expect(() => fromBuffer(new ArrayBuffer(2), 'V0', { count: 2 ** 50 })).toThrow('itemsize cannot be zero in type (|V0)');
  });
  test('copies of arrays of 0-byte items are O(1), however many elements', () => {
    const a = zeros([2 ** 40, 2 ** 12], 'V0');
    expect(a.copy().shape).toEqual([2 ** 40, 2 ** 12]);
    expect(a.astype('V0').size).toBe(2 ** 52);
  });
});

test('an integer array of 0 or 1 axes is a shape (np.zeros(np.array(3)) is np.zeros(3)); float and bool arrays are refused', () => {
  // (JS callers: the declared type stays number | number[].)
  expect(zeros(array(3) as never).shape).toEqual([3]);
  expect(zeros(array(3, '>u2') as never).shape).toEqual([3]);
  expect(zeros(array([2, 3]) as never).shape).toEqual([2, 3]);
  expect(ones(array(2) as never).toArray()).toEqual([1, 1]);
  // np.zeros(np.array(3.)): TypeError expected a sequence of integers or a single integer, got 'array(3.)'
  expect(() => zeros(array(3, 'f8') as never)).toThrow(new TypeError("expected a sequence of integers or a single integer, got 'array(3.)'"));
  expect(() => zeros(array(true) as never)).toThrow("expected a sequence of integers or a single integer, got 'array(True)'");
  expect(() => zeros(array([2], 'f8') as never)).toThrow(TypeError);
  expect(() => zeros(array(-1) as never)).toThrow(ValueError);
});

test("zeros with an unsized 'S' makes 1-byte strings, as NumPy's np.zeros(3, 'S') (dtype S1); 'V' stays V0", () => {
  expect(zeros(3, 'S').dtype.str).toBe('|S1');
  expect(zeros([2, 2], 'S').toArray()).toEqual([
    [new Uint8Array(0), new Uint8Array(0)],
    [new Uint8Array(0), new Uint8Array(0)],
  ]);
  expect(zeros(3, 'V').dtype.str).toBe('|V0');
});

test("ndarray() with an unsized 'S' keeps 0-byte strings, as NumPy's np.ndarray(4, 'S') (zeros and empty make S1)", () => {
  const a = ndarray(4, 'S', new Uint8Array(8));
  expect(a.itemsize).toBe(0);
  expect(a.dtype.str).toBe('|S0');
  expect(a.strides).toEqual([0]);
  expect(a.toArray()).toEqual([new Uint8Array(0), new Uint8Array(0), new Uint8Array(0), new Uint8Array(0)]);
});

test("arange takes numeric dtypes only, bool up to length 2, and needs a stop (NumPy's TypeErrors)", () => {
  expect(() => arange(2, 'S3')).toThrow("arange() not supported for inputs with DType <class 'numpy.dtypes.BytesDType'>.");
  expect(() => arange(2, 'i4,i4')).toThrow("arange() not supported for inputs with DType <class 'numpy.dtypes.VoidDType'>.");
  expect(() => arange(2, '5i')).toThrow(TypeError);
  expect(arange(2, '?').toArray()).toEqual([false, true]);
  expect(() => arange(3, '?')).toThrow('arange() is only supported for booleans when the result has at most length 2.');
  expect(() => (arange as unknown as () => unknown)()).toThrow('arange() requires stop to be specified.');
});

test('arange with a step past the range gives the start, as NumPy (np.arange(0, 1, np.inf) is [0.])', () => {
  expect(arange(0, 1, Infinity).toArray()).toEqual([0]);
  expect(arange(0, -1, -Infinity).toArray()).toEqual([0]);
  expect(arange(0, 1e-320, 1e300).toArray()).toEqual([0]);
  expect(arange(0, 0, Infinity).toArray()).toEqual([]);
  expect(arange(0, -1, Infinity).toArray()).toEqual([]);
  expect(arange(1, 1e-300, Infinity).toArray()).toEqual([]);
});

describeWithNumpy('arange: the typed-array ramp gives NumPy\'s bytes', () => {
  // Native-order ints and float32/float64 are written through a typed array
  // when no value wraps; values past the dtype's range, big-endian dtypes and
  // float16 take the element loop. Both must give np.arange's bytes.
  test('every dtype, fractional and negative steps, ranges that wrap, both byte orders', () => {
    const cases: [number, number, number, string][] = [];
    for (const dt of ['<i1', '<u1', '<i2', '<u2', '<i4', '<u4', '<i8', '<u8', '<f4', '<f8', '>i4', '>f8', '>i8', '<f2']) {
      cases.push([0, 37, 1, dt], [5, -30, -3, dt], [0.5, 20.25, 1.75, dt], [-3.7, 9, 2.2, dt], [100, 300, 7, dt]);
    }
    cases.push([2 ** 31 - 5, 2 ** 31 + 5, 1, '<i4'], [2 ** 52, 2 ** 52 + 9, 1, '<i8'], [-(2 ** 53) + 1, -(2 ** 53) + 30, 3, '<i8'],
      [2 ** 53 - 4, 2 ** 53 + 6, 1, '<i8'], [-5, 5, 1, '<u8'], [0.1, 1.7, 0.1, '<f4'], [1e8, 1e8 + 40, 3.3, '<f4'], [-1e300, 1e300, 1e299, '<f8']);
    const want = runNumpy<string[]>(`
out = []
for start, stop, step, dt in json.loads(sys.stdin.read()):
    try:
        out.append(np.arange(start, stop, step, dtype=dt).tobytes().hex())
    except Exception as e:
        out.append(type(e).__name__)
print(json.dumps(out))`, JSON.stringify(cases));
    const got = cases.map(([start, stop, step, dt]) => {
      try {
        return hexOf(arange(start, stop, step, dt));
      } catch (e) {
        return (e as Error).constructor.name;
      }
    });
    expect(got).toEqual(want);
  });
});

describeWithNumpy("NumPy's positional arguments of the constructors (fromBuffer's count and offset, arange's None stop, the …Like calls)", () => {
  test('fromBuffer(buffer, dtype, count, offset) is np.frombuffer: values and errors', () => {
    const bytes = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    const b = Buffer.from(bytes);
    const runs: [string, () => unknown][] = [
      ["'<i2', 2, 1", () => fromBuffer(b, '<i2', 2, 1)],
      ["'u1', -5", () => fromBuffer(b, 'u1', -5)],
      ["'u1', -1, 4", () => fromBuffer(b, 'u1', -1, 4)],
      ["'u1', 0, 9", () => fromBuffer(b, 'u1', 0, 9)],
      ["'u1', 2, -1", () => fromBuffer(b, 'u1', 2, -1)],
      ["'u1', 1, 9", () => fromBuffer(b, 'u1', 1, 9)],
      ["'<i2', -1, 0", () => fromBuffer(b, '<i2', -1, 0)],
      ["'u1', 20", () => fromBuffer(b, 'u1', 20)],
    ];
    const want = runNumpy<unknown[]>(`
b = bytes(${JSON.stringify(bytes)})
out = []
for args in [${runs.map(([py]) => `(${py})`).join(', ')}]:
    try: out.append(np.frombuffer(b, *args).tolist())
    except Exception as e: out.append(type(e).__name__ + ': ' + str(e))
print(json.dumps(out))`);
    const got = runs.map(([, f]) => {
      try {
        return (f() as ReturnType<typeof fromBuffer>).toArray();
      } catch (e) {
        // NumPy's words, which this library's messages extend with the numbers involved.
        return `${(e as Error).name}: ${(e as Error).message.replace(/(buffer length \(\d+\)|requested size|element size).*$/, '$1')}`;
      }
    });
    expect(got).toEqual(want);
  });

  test('fromBuffer takes count and offset positionally or as options, not both', () => {
    const b = Buffer.from([1, 2, 3, 4, 5, 6]);
    expect(fromBuffer(b, 'u1', 3, 2).toArray()).toEqual([3, 4, 5]);
    expect(fromBuffer(b, 'u1', { count: 3, offset: 2 }).toArray()).toEqual([3, 4, 5]);
    const ro = fromBuffer(b, 'u1', 2, 1, { readonly: true });
    expect([ro.toArray(), ro.flags.writeable]).toEqual([[2, 3], false]);
    expect(fromBuffer(b, 'u1', 2, { readonly: true }).flags.writeable).toBe(false);
    expect(() => fromBuffer(b, 'u1', 3, 2, { offset: 1 } as never)).toThrow(new TypeError("fromBuffer() got multiple values for argument 'offset'"));
    expect(() => fromBuffer(b, 'u1', 3, { count: 2 } as never)).toThrow(new TypeError("fromBuffer() got multiple values for argument 'count'"));
    // null in a positional slot is the parameter's default, as everywhere (README, Values).
    expect(fromBuffer(b, 'u1', null as never).shape).toEqual([6]);
    expect(() => fromBuffer(b, 'u1', { count: null } as never)).toThrow(new TypeError('count must be an integer, got null'));
    expect(() => fromBuffer(b, 'u1', 2.5)).toThrow(new TypeError('count must be an integer, got 2.5'));
  });

  test("arange(start, null, step, dtype) is NumPy's stop=None; arguments after a dtype are refused, not dropped", () => {
    const want = runNumpy<unknown[]>(`
print(json.dumps([[a.dtype.str, a.tolist()] for a in [np.arange(2, None, None, 'f4'), np.arange(5, None, 2), np.arange(7, None, 3, 'i2'), np.arange(3, None)]]))`);
    const got = [arange(2, null as never, null, 'f4'), arange(5, null as never, 2), arange(7, undefined as never, 3, 'i2'), arange(3, null as never)].map((a: mm.NdArray) => [
      a.dtype.str,
      (a.toArray() as unknown[]).map(Number),
    ]);
    expect(got).toEqual(want);
    // These kept int64 (the dtype after a null stop, or after arange(stop, dtype), was never read).
    expect(() => arange(5, 'f4' as never, 2 as never)).toThrow(
      new TypeError('arange(stop, dtype) takes no further arguments; write arange(start, stop, step, dtype) (got 2 after the dtype)'),
    );
    expect(() => arange(0, 5, 'f4' as never, 'i4' as never)).toThrow(
      new TypeError("arange() takes its dtype once: arange(start, stop, dtype) or arange(start, stop, step, dtype), got 'f4' and 'i4'"),
    );
  });

  test('zerosLike, onesLike, emptyLike and fullLike take dtype, order, subok and shape positionally, as NumPy', () => {
    const cases: Case[] = [
      { py: "np.zeros_like(np.zeros((2, 3)), 'i4', 'F')", js: () => mm.zerosLike(mm.zeros([2, 3]), 'i4', 'F') },
      { py: "np.ones_like(np.zeros((2, 3)), None, 'F')", js: () => mm.onesLike(mm.zeros([2, 3]), null, 'F') },
      { py: "np.zeros_like(np.empty_like(np.zeros((2, 3)), '>u2', 'C', True, (4,)))", js: () => mm.emptyLike(mm.zeros([2, 3]), '>u2', 'C', true, [4]) },
      { py: "np.full_like(np.zeros((2, 3)), 7, 'i4')", js: () => mm.fullLike(mm.zeros([2, 3]), 7, 'i4') },
      { py: "np.full_like(np.zeros((2, 3)), 2.5, None, 'F', True, (3, 2))", js: () => mm.fullLike(mm.zeros([2, 3]), 2.5, null, 'F', true, [3, 2]) },
      { py: 'np.zeros_like([1, 2.5])', js: () => mm.zerosLike([1, 2.5] as never) },
      { py: "np.ones_like(np.zeros((2, 3)), 'i4', 'X')", js: () => mm.onesLike(mm.zeros([2, 3]), 'i4', 'X' as never) },
    ];
    const want = numpyOutcomes(cases).map(({ strides: _s, ...o }) => o);
    const got = cases.map((c) => {
      const { strides: _s, ...o } = jsOutcome(c);
      return o;
    });
    // empty_like's bytes are whatever NumPy's memory held: compared as zeros_like of it there, zeros here.
    expect(got).toEqual(want);
    expect(mm.zerosLike(mm.zeros([2, 3]), 'i4', 'F').strides).toEqual([4, 8]);
  });

  test('a …Like call names itself in its errors, and refuses options beside positional arguments', () => {
    const a = mm.zeros([2]);
    expect(() => mm.fullLike(a, 1, { dtyp: 'i4' } as never)).toThrow(new TypeError("fullLike() got an unexpected keyword argument 'dtyp'"));
    expect(() => mm.emptyLike(a, { dtype: 'i4' }, 'F' as never)).toThrow(/^emptyLike\(\) takes its options object last/);
    expect(() => mm.onesLike(a, 'i4', 'C', 'yes' as never)).toThrow(new TypeError("onesLike(): subok must be a boolean, got 'yes'"));
  });

  test('subok false gives a plain NdArray for a Memmap prototype (true, the default, its class)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmarray-like-'));
    try {
      const p = path.join(dir, 'm.bin');
      fs.writeFileSync(p, Buffer.alloc(16));
      const m = mm.memmap(p, { dtype: '<f8', mode: 'r', shape: [2] });
      expect(mm.zerosLike(m).constructor.name).toBe('Memmap');
      expect(mm.zerosLike(m, { subok: false }).constructor.name).toBe('NdArray');
      expect(mm.onesLike(m, null, null, false).constructor.name).toBe('NdArray');
      m.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
