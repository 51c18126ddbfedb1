// Re-entrancy: arguments that run the caller's code while a call reads them
// (getters on options objects, getters on the items of a list, Proxy traps,
// { re, im } scalars with getters) and use it to close the mapping, release
// the array or transfer its buffer. Every public call reads what it takes
// once, first (lib/options.ts), then checks the memory is there, then works:
// such a call fails with ERR_CLOSED (or a clear TypeError for a key that is
// not a value), never answers from memory that is gone, never throws a
// DataView error, never loses rows. Each getter here counts its calls to
// pin down "read once".
import * as L from '../lib';
import { AccessError, NdArray } from '../lib';
import { useTempDir } from './helpers/tmp';
import { trappedList } from './helpers/trapped';

const tmp = useTempDir('mmarray-reentrancy-');

/** A writable 64-element f8 mapping holding 0..63, and a view of it. */
function mapped(n = 64, dt = 'f8'): { m: L.Memmap; v: NdArray } {
  const m = L.memmap(tmp.path('m.bin'), { dtype: dt as 'f8', mode: 'w+', shape: [n] });
  m.set(L.arange(n, dt as 'f8'));
  return { m, v: m.index(':') };
}

/** An options object whose `key` getter runs `act` (counting its calls in `calls.n`) and yields `value`. */
function getter<T>(key: string, value: T, act: () => void, calls = { n: 0 }, rest: object = {}): Record<string, unknown> {
  return Object.defineProperty({ ...rest }, key, {
    get() {
      calls.n++;
      act();
      return value;
    },
    enumerable: true,
  });
}

function closedError(f: () => unknown): AccessError {
  let err: unknown = null;
  try {
    f();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(AccessError);
  expect((err as AccessError).code).toBe('ERR_CLOSED');
  return err as AccessError;
}

describe('an options getter that closes the mapping: ERR_CLOSED naming the file, the getter read once', () => {
  // [name, call(view of the 8x8 mapping, options)] — each call passes the options where the API takes them.
  const cases: [string, (v: NdArray, o: Record<string, unknown>) => unknown][] = [
    ['sum(axis)', (v, o) => v.sum(0, o)],
    ['sum(null)', (v, o) => v.sum(null, o)],
    ['mean(axis)', (v, o) => v.mean(1, o)],
    ['prod(axis)', (v, o) => v.prod(0, o)],
    ['min(axis)', (v, o) => v.min(0, o)],
    ['max(axis)', (v, o) => v.max(1, o)],
    ['any(axis)', (v, o) => v.any(0, o)],
    ['all(axis)', (v, o) => v.all(0, o)],
    ['argmax(axis)', (v, o) => v.argmax(0, o)],
    ['argmin(null)', (v, o) => v.argmin(null, o)],
    ['countNonzero(axis)', (v, o) => L.countNonzero(v, 0, o)],
  ];
  test.each(cases)('%s with a keepdims getter', (_name, call) => {
    const { m } = mapped();
    const calls = { n: 0 };
    const err = closedError(() => call(m.reshape([8, 8]), getter('keepdims', false, () => m.close(), calls)));
    expect(err.message).toContain(m.filename);
    expect(calls.n).toBe(1);
  });

  test('sum(axis) over a released array answers ERR_CLOSED, not NaN', () => {
    const b = L.arange(64, 'f8').copy().reshape([8, 8]);
    closedError(() => b.sum(0, getter('keepdims', false, () => b.release())));
  });

  test('take, put, compress: mode/axis getters', () => {
    const cases: [string, unknown, (m: L.Memmap, o: Record<string, unknown>) => unknown][] = [
      ['mode', 'clip', (m, o) => m.take([1, 2], o)],
      ['mode', 'clip', (m, o) => m.put([1, 2], [7, 8], o)],
      ['axis', 0, (m, o) => m.compress([true, true], o)],
    ];
    for (const [key, value, call] of cases) {
      const { m } = mapped();
      const calls = { n: 0 };
      closedError(() => call(m, getter(key, value, () => m.close(), calls)));
      expect(calls.n).toBe(1);
    }
  });

  test('sort, sortInPlace, argsort, searchsorted, unique, bincount', () => {
    const calls = { n: 0 };
    let { m } = mapped();
    closedError(() => m.sort(getter('axis', 0, () => m.close(), calls)));
    ({ m } = mapped());
    closedError(() => L.sortInPlace(m, getter('axis', -1, () => m.close(), calls)));
    ({ m } = mapped());
    closedError(() => m.argsort(getter('axis', 0, () => m.close(), calls)));
    ({ m } = mapped());
    closedError(() => m.searchsorted(5, getter('side', 'right', () => m.close(), calls)));
    ({ m } = mapped());
    closedError(() => L.unique(m, getter('returnCounts', true, () => m.close(), calls)));
    ({ m } = mapped(64, 'i8'));
    closedError(() => L.bincount(m, getter('minlength', 3, () => m.close(), calls)));
    expect(calls.n).toBe(6);
  });

  test('concatenate, stack: axis getters; a ufunc: an out getter', () => {
    let { m } = mapped();
    closedError(() => L.concatenate([m, m], getter('axis', 0, () => m.close())));
    ({ m } = mapped());
    closedError(() => L.stack([m, m], getter('axis', 0, () => m.close())));
    ({ m } = mapped());
    closedError(() => L.add(m, 1, getter('out', undefined, () => m.close())));
  });

  test('typedArray and asStrided: their option read before the closed check', () => {
    let { m } = mapped();
    closedError(() => m.typedArray(getter('unsafeAllowReadOnly', false, () => m.close())));
    ({ m } = mapped());
    closedError(() => L.asStrided(m, [8], [8], getter('writeable', true, () => m.close())));
  });

  test('fromBuffer: an option getter that transfers the buffer runs before its length is read: ERR_CLOSED', () => {
    const buf = new ArrayBuffer(64);
    closedError(() => L.fromBuffer(buf, 'f8', getter('offset', 0, () => structuredClone(buf, { transfer: [buf] }))));
    // A buffer detached beforehand: the same error (was a DataView TypeError).
    expect(() => L.fromBuffer(buf, 'f8')).toThrow(/fromBuffer: the ArrayBuffer is detached/);
    expect(L.fromBuffer(new ArrayBuffer(0), 'f8').size).toBe(0);
  });

  test('async options: a threads getter that closes rejects with ERR_CLOSED', async () => {
    const { m } = mapped();
    await expect(m.sumAsync(getter('threads', 1, () => m.close()) as L.AsyncOptions)).rejects.toMatchObject({ code: 'ERR_CLOSED' });
  });
});

describe('lists whose items run the caller code', () => {
  test('put: a values item getter that closes the mapping is ERR_CLOSED, not a DataView TypeError', () => {
    let { m } = mapped();
    closedError(() => m.put([1, 2, 3], trappedList([7, 8, 9], 2, () => m.close())));
    ({ m } = mapped());
    closedError(() => m.put(trappedList([1, 2, 3], 2, () => m.close()), [7, 8, 9]));
    ({ m } = mapped());
    closedError(() => m.put(L.arange(3), trappedList([7, 8, 9], 2, () => m.close())));
  });

  test('put over a transferred buffer: ERR_CLOSED', () => {
    const buf = new ArrayBuffer(512);
    const b = L.fromBuffer(buf, 'f8');
    closedError(() => b.put([1, 2, 3], trappedList([7, 8, 9], 2, () => structuredClone(buf, { transfer: [buf] }))));
  });

  test('set() with an index array: a values item getter that closes is ERR_CLOSED', () => {
    const { m, v } = mapped();
    closedError(() => v.set([[1, 2, 3]], trappedList([7, 8, 9], 2, () => m.close())));
  });

  test('a { re, im } scalar with getters is read once, before the closed check', () => {
    const { m } = mapped();
    let reads = 0;
    const c = {
      get re(): number {
        reads++;
        m.close();
        return 1;
      },
      im: 0,
    };
    closedError(() => L.add(m, c));
    expect(reads).toBe(1);
    // And a well-behaved one still works (complex result).
    const r = L.add(L.arange(2, 'f8'), { re: 1, im: 2 });
    expect(r.dtype.kind).toBe('c');
    expect(r.toArray()).toEqual([{ re: 1, im: 2 }, { re: 2, im: 2 }]);
  });

  test('append(list): rows appended by a getter of the list are kept, then the list is appended after them', () => {
    const m = L.memmap(tmp.path('grow.bin'), { dtype: 'f8', mode: 'w+', shape: [4] });
    m.set([1, 2, 3, 4]);
    m.append(trappedList([5, 6, 7], 1, () => m.append(L.zeros([1000]).index(':') as NdArray)));
    // Before the fix the row count was read before the list: the 1000 rows
    // the getter appended were overwritten and dropped (shape 7).
    expect(m.shape).toEqual([1007]);
    expect(m.index('1004:').toArray()).toEqual([5, 6, 7]);
    expect(m.index(':4').toArray()).toEqual([1, 2, 3, 4]);
    m.close();
  });

  test('append(list) whose getter closes the memmap: ERR_CLOSED and nothing appended', () => {
    const p = tmp.path('grow2.bin');
    const m = L.memmap(p, { dtype: 'f8', mode: 'w+', shape: [4] });
    closedError(() => m.append(trappedList([5, 6, 7], 1, () => m.close())));
    const again = L.memmap(p, { dtype: 'f8', mode: 'r' });
    expect(again.shape).toEqual([4]);
    again.close();
  });
});

describe('keys and weights that are not values', () => {
  test('searchsorted refuses an object key (its valueOf ran between the reads of a detached buffer)', () => {
    const buf = new ArrayBuffer(64);
    const a = L.fromBuffer(buf, 'f8');
    a.set(L.arange(8, 'f8'));
    const key = {
      valueOf(): number {
        structuredClone(buf, { transfer: [buf] });
        return 3;
      },
    };
    expect(() => a.searchsorted(key as unknown as number)).toThrow(TypeError);
    expect(() => a.searchsorted(key as unknown as number)).toThrow(/searchsorted: v must be an NdArray, a number/);
    // Plain keys keep working: NumPy's answers.
    const b = L.arange(8, 'f8');
    expect(b.searchsorted(3).toArray()).toBe(3n);
    expect(b.searchsorted(3, { side: 'right' }).toArray()).toBe(4n);
    expect(b.searchsorted(true).toArray()).toBe(1n);
  });

  test('bincount weights that are not an NdArray: a TypeError naming them', () => {
    expect(() => L.bincount(L.arange(3), { weights: [1, 2, 3] as unknown as NdArray })).toThrow(/bincount: weights must be an NdArray/);
  });
});
