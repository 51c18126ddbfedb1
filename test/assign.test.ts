// lib/assign.ts: set() with broadcasting, fill(), an overlapping source
// (copied first), value conversion on write and records. NumPy answers
// wherever its result is defined.
import { arange, fromBuffer, zeros } from '../lib/create';
import { dtype } from '../lib/dtype';
import { OverflowError, ValueError } from '../lib/errors';
import { sharesMemory } from '../lib/memory';
import type { NdArray } from '../lib/ndarray';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { useTempDir } from './helpers/tmp';
import { memmap } from '../lib/memmap';
import { grid, hex } from './helpers/element-bytes';

describe('set: assignment with broadcasting', () => {
  test('a scalar fills the whole target', () => {
    const a = grid();
    a.set('1', 7);
    expect(a.toArray()).toEqual([[0, 1, 2, 3], [7, 7, 7, 7], [8, 9, 10, 11]]);
  });

  test('a row broadcasts down the rows, a column across the columns', () => {
    const a = zeros([3, 4], '<i2');
    a.set([1, 2, 3, 4]);
    expect(a.get(2, 3)).toBe(4);
    a.set([[10], [20], [30]]);
    expect(a.toArray()).toEqual([[10, 10, 10, 10], [20, 20, 20, 20], [30, 30, 30, 30]]);
  });

  test('an NdArray source broadcasts the same way, and may have another dtype', () => {
    const a = zeros([2, 3], '<f8');
    a.set(arange(3, '<i2'));
    expect(a.toArray()).toEqual([[0, 1, 2], [0, 1, 2]]);
  });

  test('leading length-1 axes of a source with more axes are dropped, as NumPy does', () => {
    const a = zeros(3, '<i4');
    a.set([[[5, 6, 7]]]);
    expect(a.toArray()).toEqual([5, 6, 7]);
  });

  test('shapes that do not broadcast are a ValueError naming both shapes', () => {
    expect(() => grid().set([1, 2])).toThrow(new ValueError('could not broadcast input array from shape (2,) into shape (3,4)'));
    expect(() => zeros(3).set([[1, 2, 3], [4, 5, 6]])).toThrow('could not broadcast input array from shape (2,3) into shape (3,)');
  });

  test('ragged nested arrays are refused before anything is written', () => {
    const a = zeros([2, 2], '<i2');
    expect(() => a.set([[1, 2], [3]])).toThrow('inhomogeneous shape');
    expect(a.toArray()).toEqual([[0, 0], [0, 0]]);
  });

  test('set(index, value) writes through the index', () => {
    const a = grid();
    a.set('::2, ::-3', [-1, -2]);
    expect(a.toArray()).toEqual([[-2, 1, 2, -1], [4, 5, 6, 7], [-2, 9, 10, -1]]);
  });

  test('fill writes one scalar everywhere and refuses several values', () => {
    const a = grid().index(':, 1');
    a.fill(42);
    expect(a.toArray()).toEqual([42, 42, 42]);
    expect(() => a.fill(arange(2, '<i2'))).toThrow('fill() takes a scalar value');
  });
});

describe('set: an overlapping source behaves as if copied first', () => {
  test("a.set('1:', a.index(':-1')) shifts the values right by one", () => {
    const a = arange(6, '<i2');
    a.set('1:', a.index(':-1'));
    expect(a.toArray()).toEqual([0, 0, 1, 2, 3, 4]);
  });

  test("a.set(':-1', a.index('1:')) shifts them left", () => {
    const a = arange(6, '<i2');
    a.set(':-1', a.index('1:'));
    expect(a.toArray()).toEqual([1, 2, 3, 4, 5, 5]);
  });

  test('a reversed view of itself reverses the array', () => {
    const a = arange(5, '<f8');
    a.set(a.index('::-1'));
    expect(a.toArray()).toEqual([4, 3, 2, 1, 0]);
  });

  test('a transpose of itself transposes a square matrix', () => {
    const a = arange(9, '<i4').reshape([3, 3]);
    a.set(a.T);
    expect(a.toArray()).toEqual([[0, 3, 6], [1, 4, 7], [2, 5, 8]]);
  });

  test('a view of another dtype over the same bytes is read before it is overwritten', () => {
    const a = arange(4, '<i4');
    const bytes = a.view('u1').index('::4'); // the low byte of each int32: 0, 1, 2, 3
    a.set(bytes);
    expect(a.toArray()).toEqual([0, 1, 2, 3]);
    const b = arange(4, '<i4');
    b.index('1:').set(b.view('<i2').index('2:5'));
    expect(b.toArray()).toEqual([0, 1, 0, 2]);
  });

  test('a cast from an overlapping source of another itemsize reads every value first', () => {
    // NumPy 2.4 does not copy here (1-d, same direction) and its forward cast reads
    // values it already overwrote, giving all zeros; the library keeps its promise.
    const a = arange(12, '<i2');
    a.view('<i4').set(a.index(':6'));
    expect(a.toArray()).toEqual([0, 0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0]);
  });

  test('two arrays made separately over one ArrayBuffer are recognized as overlapping', () => {
    const buf = new ArrayBuffer(12);
    const a = fromBuffer(buf, '<u2');
    a.set([0, 1, 2, 3, 4, 5]);
    const b = fromBuffer(buf, '<u2', { offset: 2, count: 5 });
    b.set(a.index(':5'));
    expect(a.toArray()).toEqual([0, 0, 1, 2, 3, 4]);
  });
});

describe('set: value conversion', () => {
  test('an integer out of range is the OverflowError NumPy raises, and nothing is written', () => {
    const a = zeros(3, '<i2');
    expect(() => a.set(40000)).toThrow(OverflowError);
    expect(() => a.set(40000)).toThrow('integer 40000 out of bounds for int16');
    expect(() => a.set([1, 2, 40000])).toThrow('integer 40000 out of bounds for int16');
    expect(a.toArray()).toEqual([0, 0, 0]);
    expect(() => zeros(1, 'u1').set(-1)).toThrow('integer -1 out of bounds for uint8');
    expect(() => zeros(1, '<u8').set(2n ** 64n)).toThrow('Python int too large to convert to C long');
  });

  test('the limits themselves fit', () => {
    const a = zeros(2, '<i2');
    a.set([-32768, 32767]);
    expect(a.toArray()).toEqual([-32768, 32767]);
  });

  test("a float into an integer array truncates toward zero, like Python's int()", () => {
    const a = zeros(4, '<i2');
    a.set([1.9, -1.9, 2.5, -0.5]);
    expect(a.toArray()).toEqual([1, -1, 2, 0]);
  });

  test('a JS number is a Python int here: a float beyond the range is refused, not wrapped', () => {
    // NumPy would wrap a Python float (a[0] = 40000.5 stores -25536); a JS number cannot say which it is.
    expect(() => zeros(1, '<i2').set(40000.5)).toThrow(OverflowError);
  });

  test('NaN and infinity cannot go into integers', () => {
    expect(() => zeros(1, '<i4').set(NaN)).toThrow(new ValueError('cannot convert float NaN to integer'));
    expect(() => zeros(1, '<i4').set(-Infinity)).toThrow(new OverflowError('cannot convert float infinity to integer'));
  });

  test('64-bit integers take BigInts, and numbers only while exact', () => {
    const a = zeros(2, '<i8');
    a.set([-(2n ** 63n), 2 ** 53 - 1]);
    expect(a.toArray()).toEqual([-(2n ** 63n), 2n ** 53n - 1n]);
    expect(() => a.set(2 ** 53 + 2)).toThrow('pass a BigInt');
  });

  test('bool stores whether the value is non-zero: NaN is true, -0 is false', () => {
    const a = zeros(6, 'b1');
    a.set([0, -0, NaN, 2, 0n, { re: 0, im: 1 }]);
    expect(a.toArray()).toEqual([false, false, true, true, false, true]);
  });

  test('bools store as 1 and 0 in numeric arrays', () => {
    const a = zeros(2, '<f4');
    a.set([true, false]);
    expect(a.toArray()).toEqual([1, 0]);
  });

  test("a complex value into a real array is NumPy 2.4's TypeError (a[0] = 2.5+9j), the array untouched", () => {
    const a = zeros(1, '<f8');
    expect(() => a.set({ re: 2.5, im: 9 })).toThrow(new TypeError("float() argument must be a string or a real number, not 'complex'"));
    expect(a.get(0)).toBe(0);
  });

  test('a value of the wrong kind is a TypeError that says what was expected', () => {
    expect(() => zeros(1, '<i4').set('3')).toThrow(TypeError);
    expect(() => zeros(1, '<i4').set('3')).toThrow("cannot store string '3' in a int32 (<i4) item");
  });
});

describe('records', () => {
  // [a u1][pad][b <u2][pad pad]: 6 bytes, 3 of them padding.
  const padded = dtype({ names: ['a', 'b'], formats: ['u1', '<u2'], offsets: [0, 2], itemsize: 6 });

  test('assigning records writes the fields and leaves padding bytes alone', () => {
    const bytes = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const a = fromBuffer(bytes, padded);
    const src = zeros(2, padded);
    src.view('u1').set(0xee);
    src.field('a').set(7);
    src.field('b').set(9);
    a.set(src);
    expect(hex(bytes)).toBe('070209000506070809000b0c');
  });

  test('an object or an array per record writes the fields only, too', () => {
    const bytes = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const a = fromBuffer(bytes, padded);
    a.set('0', { a: 5, b: 6 });
    a.set('1', [0xff, 0x0102]);
    expect(hex(bytes)).toBe('050206000506ff0802010b0c');
  });

  test('a scalar goes to every field, as NumPy does', () => {
    const a = zeros(1, padded);
    a.set(3);
    expect(a.get(0)).toEqual({ a: 3, b: 3 });
  });

  test('missing, unknown and surplus fields are refused', () => {
    const a = zeros(1, padded);
    expect(() => a.set({ a: 1 })).toThrow("missing field 'b'");
    expect(() => a.set({ a: 1, b: 2, c: 3 })).toThrow("no field of name 'c'");
    // A JS array of the wrong length is read as a level of nesting, not a tuple: a broadcast error.
    expect(() => a.set('0', [1, 2, 3])).toThrow(ValueError);
    expect(a.get(0)).toEqual({ a: 0, b: 0 });
  });

  test('a field view writes into its records', () => {
    const a = zeros(3, [['id', '<u4'], ['ts', '<u4'], ['value', '<f8']]);
    a.field('value').set([0.5, 1.5, 2.5]);
    a.field('id').set('1:', 9);
    expect(a.toArray()).toEqual([
      { id: 0, ts: 0, value: 0.5 },
      { id: 9, ts: 0, value: 1.5 },
      { id: 9, ts: 0, value: 2.5 },
    ]);
  });
});


describeWithNumpy('assignment against NumPy', () => {
  test('assignment with broadcasting and overlap, replayed in NumPy', () => {
    const ops: [string, (a: NdArray) => void][] = [
      ['a[1:] = a[:-1]', (a) => a.set('1:', a.index(':-1'))],
      ['a[:-1] = a[1:]', (a) => a.set(':-1', a.index('1:'))],
      ['a[::2] = a[1::2]', (a) => a.set('::2', a.index('1::2'))],
      ['a[:] = a[::-1]', (a) => a.set(a.index('::-1'))],
      ['a.reshape(3, 4)[:] = a.reshape(3, 4)[:, :1]', (a) => a.reshape([3, 4]).set(a.reshape([3, 4]).index(':, :1'))],
      ['a.reshape(3, 4)[1:] = a.reshape(3, 4)[0]', (a) => a.reshape([3, 4]).set('1:', a.reshape([3, 4]).index('0'))],
      ['a.reshape(3, 4)[:] = a.reshape(3, 4).T[:, :3].T', (a) => a.reshape([3, 4]).set(a.reshape([3, 4]).T.index(':, :3').T)],
    ];
    const want = runNumpy<number[][]>(String.raw`
out = []
for s in ${JSON.stringify(ops.map(([s]) => s))}:
    a = np.arange(12, dtype='<i2')
    exec(s)
    out.append(a.tolist())
print(json.dumps(out))
`);
    const got = ops.map(([, f]) => {
      const a = arange(12, '<i2');
      f(a);
      return a.toArray();
    });
    expect(got).toEqual(want);
  });

  test('set() of random float values into every integer dtype truncates like Python int()', () => {
    const want = runNumpy<{ dt: string; values: number[]; stored: unknown[] }[]>(String.raw`
import random
rng = random.Random(5)
out = []
for dt in ['|i1', '|u1', '<i2', '<u2', '<i4', '<u4']:
    info = np.iinfo(dt)
    vals = [rng.uniform(float(info.min), float(info.max)) for _ in range(200)]
    a = np.zeros(len(vals), dt)
    for i, v in enumerate(vals): a[i] = int(v)
    out.append(dict(dt=dt, values=vals, stored=a.tolist()))
print(json.dumps(out))
`);
    for (const k of want) {
      const a = zeros(k.values.length, k.dt);
      a.set(k.values);
      expect({ dt: k.dt, stored: a.toArray() }).toEqual({ dt: k.dt, stored: k.stored });
    }
  });
});

describe('assignment between views of one memory reached through different objects (issue 12 item 12)', () => {
  const tmp = useTempDir('mmarray-data-alias-');
  test('two SharedArrayBuffer objects over one block (structuredClone): a shifted copy does not smear', () => {
    const sab = new SharedArrayBuffer(8);
    const a = fromBuffer(sab, 'u1');
    a.set([1, 2, 3, 4, 5, 6, 7, 8]);
    const b = fromBuffer(structuredClone(sab), 'u1');
    // The documented limit: sharesMemory compares buffer objects and cannot tell.
    expect(sharesMemory(a, b)).toBe(false);
    a.index('1:').set(b.index(':-1'));
    expect(a.toArray()).toEqual([1, 1, 2, 3, 4, 5, 6, 7]);
  });

  test('two mappings of one file: a shifted copy does not smear', () => {
    const p = tmp.file(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]), 'alias.bin');
    const a = memmap(p, { mode: 'r+' });
    const b = memmap(p, { mode: 'r+' });
    a.index('1:').set(b.index(':-1'));
    expect(a.toArray()).toEqual([1, 1, 2, 3, 4, 5, 6, 7]);
    b.index(':-2').set(a.index('2:'));
    expect(b.toArray()).toEqual([2, 3, 4, 5, 6, 7, 6, 7]);
    a.close();
    b.close();
  });
});

describeWithNumpy("a record given as a JS array (the library's tuple) of the wrong length", () => {
  test("is NumPy's tuple error, at an element position and into a 0-d record array; nothing is written", () => {
    const want = runNumpy<string[]>(`
out = []
r = np.zeros(2, [('a', '<i4'), ('b', '<f8')])
z = np.zeros((), [('a', '<i4'), ('b', '<f8')])
for v in [(1, 2, 3), (1,)]:
    for t in ['r[0] = v', 'z[()] = v']:
        try:
            exec(t)
            out.append('no error')
        except ValueError as e:
            out.append(str(e))
print(json.dumps(out))
`);
    const r = zeros([2], [['a', '<i4'], ['b', '<f8']]);
    const z = zeros([], [['a', '<i4'], ['b', '<f8']]);
    const got: string[] = [];
    for (const v of [[1, 2, 3], [1]]) {
      for (const set of [() => r.set([0], v), () => z.set(v)]) {
        try {
          set();
          got.push('no error');
        } catch (e) {
          expect(e).toBeInstanceOf(ValueError);
          got.push((e as Error).message);
        }
      }
    }
    expect(got).toEqual(want);
    expect(r.toArray()).toEqual([{ a: 0, b: 0 }, { a: 0, b: 0 }]);
    expect(z.get()).toEqual({ a: 0, b: 0 });
    // The right length, a record object, or a list holding one record still assign.
    z.set([1, 2.5]);
    expect(z.get()).toEqual({ a: 1, b: 2.5 });
    z.set([[3, 4.5]]);
    expect(z.get()).toEqual({ a: 3, b: 4.5 });
    r.set([1], { a: 5, b: 6 });
    expect(r.toArray()).toEqual([{ a: 0, b: 0 }, { a: 5, b: 6 }]);
  });
});
