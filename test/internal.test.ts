// The one door into an array's private state (lib/internal.ts): what it
// reads, the one read-only check and message, and how operation modules
// make arrays without importing ndarray.ts.
import { arange, zeros } from '../lib/create';
import { dtype } from '../lib/dtype';
import { AccessError, ValueError } from '../lib/errors';
import {
  allocate,
  derive,
  isArray,
  isWriteable,
  makeArray,
  NdArray,
  ownsData,
  provideArrayAccess,
  readOnlyError,
  requireOpen,
  requireWritable,
  shapeOf,
  storageOf,
  stridesOf,
  type ArrayAccess,
} from '../lib/internal';
import { memmap } from '../lib/memmap';
import { NdArray as ArrayClass } from '../lib/ndarray';
import { MemoryStorage } from '../lib/storage';
import { useTempDir } from './helpers/tmp';

const tmp = useTempDir('mmarray-internal-');

describe('reading state', () => {
  test('storageOf gives the storage the array views; views share it', () => {
    const a = zeros([4], '<i4');
    const st = storageOf(a);
    expect(st).toBeInstanceOf(MemoryStorage);
    expect(st.byteLength).toBe(16);
    expect(storageOf(a.index('1:'))).toBe(st);
  });

  test('shapeOf/stridesOf are the layout the public getters show', () => {
    const a = arange(12, '<i2').reshape([3, 4]).T;
    expect([...shapeOf(a)]).toEqual([...a.shape]);
    expect([...stridesOf(a)]).toEqual([2, 8]);
  });

  test('ownsData: an owner owns, a view does not', () => {
    const a = zeros([3]);
    expect([ownsData(a), ownsData(a.index('1:'))]).toEqual([true, false]);
  });
});

describe('the checks', () => {
  test('requireOpen throws the closed error once the mapping is closed', () => {
    const p = tmp.file(new Uint8Array(8), 'closed.bin');
    const m = memmap(p, { dtype: 'u1', mode: 'r' });
    expect(() => requireOpen(m)).not.toThrow();
    m.close();
    expect(() => requireOpen(m)).toThrow(new AccessError('ERR_CLOSED', `mapping of '${p}' is closed`));
  });

  test('requireWritable passes a writeable array and refuses one whose flag is cleared', () => {
    const a = zeros([2]);
    expect(isWriteable(a)).toBe(true);
    expect(() => requireWritable(a)).not.toThrow();
    a.flags.writeable = false;
    expect(isWriteable(a)).toBe(false);
    expect(() => requireWritable(a)).toThrow('assignment destination is read-only');
  });

  test('the read-only message names the file and why: the flag on a writable mapping, or a read-only mapping', () => {
    const p = tmp.file(new Uint8Array(8), 'ro.bin');
    const r = memmap(p, { dtype: 'u1', mode: 'r' });
    expect(readOnlyError(r).message).toBe(`assignment destination is read-only ('${p}' is mapped read-only, mode 'r')`);
    const w = memmap(p, { dtype: 'u1', mode: 'r+' });
    w.flags.writeable = false;
    const e = readOnlyError(w);
    expect([e.code, e.message]).toEqual(['ERR_READ_ONLY', `assignment destination is read-only (flags.writeable is false on this view of '${p}', mapped with mode 'r+')`]);
    r.close();
    w.close();
  });
});

describe('making arrays without ndarray.ts', () => {
  test('allocate: a zeroed C- or F-ordered owner; an empty one has all-0 strides (NumPy 2)', () => {
    const dt = dtype('<f4');
    const c = allocate(dt, [2, 3]);
    expect([[...c.strides], c.toArray(), c.flags.ownData]).toEqual([[12, 4], [[0, 0, 0], [0, 0, 0]], true]);
    expect([...allocate(dt, [2, 3], 'F').strides]).toEqual([4, 8]);
    expect([...allocate(dt, [2, 0]).strides]).toEqual([0, 0]);
  });

  test('allocate refuses a shape no public caller would pass (NaN, negative, fractional), with checkShape\'s errors', () => {
    const dt = dtype('<f4');
    expect(() => allocate(dt, [2, NaN])).toThrow(new TypeError('shape must hold integers, got NaN'));
    expect(() => allocate(dt, [Infinity])).toThrow(TypeError);
    expect(() => allocate(dt, [2.5])).toThrow(TypeError);
    expect(() => allocate(dt, [3, -1])).toThrow(new ValueError('negative dimensions are not allowed (shape [3, -1])'));
  });

  test('makeArray: an owner over given storage and layout', () => {
    const buf = new Uint8Array([1, 0, 2, 0, 3, 0]).buffer;
    const a = makeArray({ storage: new MemoryStorage(buf), dtype: dtype('<u2'), shape: [3], strides: [2], offset: 0, base: null, writeable: true, ownData: true });
    expect(a.toArray()).toEqual([1, 2, 3]);
    expect(a).toBeInstanceOf(ArrayClass);
  });

  test('derive: a view whose base collapses to the owner, in the requested class', () => {
    const a = arange(6, '<i4');
    const v = derive(a.index('1:'), NdArray.prototype, a.dtype, [2], [8], 4);
    expect(v.toArray()).toEqual([1, 3]);
    expect(v.base).toBe(a);
    expect(storageOf(v)).toBe(storageOf(a));
  });
});

describe('the NdArray façade and the brand check', () => {
  test('instanceof and prototype are the class', () => {
    expect(zeros([1]) instanceof NdArray).toBe(true);
    expect(NdArray.prototype).toBe(ArrayClass.prototype);
  });

  test('look-alikes are not arrays: the check is the private fields, not the property names', () => {
    const fake = { _st: MemoryStorage.allocate(8), _codec: {}, shape: [1], strides: [8] };
    expect(isArray(fake)).toBe(false);
    expect(fake instanceof NdArray).toBe(false);
    expect(isArray(null)).toBe(false);
    expect(isArray(Object.create(ArrayClass.prototype))).toBe(false);
  });

  test('the door opens once: a second provider is refused', () => {
    expect(() => provideArrayAccess({} as ArrayAccess)).toThrow('array access provided twice');
  });
});

describe('a value that is not an NdArray where one is needed', () => {
  // These reached the private-state reads and threw V8's "Cannot read
  // private member #acc from an object whose class did not declare it".
  test('undefined, a number, a plain object and a Proxy of an array: a TypeError saying what came', async () => {
    const L = await import('../lib');
    const proxy = new Proxy(zeros(3), {});
    const cases: [() => unknown, RegExp][] = [
      [() => L.argsort(undefined as never), /expected an NdArray, got undefined/],
      [() => L.all(5 as never), /expected an NdArray, got 5/],
      [() => L.argmax({} as never), /expected an NdArray, got an object that is not an NdArray \(\[object Object\]/],
      [() => L.broadcastArrays(zeros(3), proxy), /a Proxy of an NdArray is not one/],
    ];
    for (const [f, message] of cases) {
      expect(f).toThrow(TypeError);
      expect(f).toThrow(message);
    }
  });
});
