// Fourth adversarial pass: last session's APIs (array, round, diff,
// variance, putmask, bincount) and forEachAsync under input that lies about
// its size or changes while it is read. Each case used to hang, overflow the
// stack, throw a bare V8 error, or finish silently with less than was asked;
// each must now be a typed error naming the problem. Cases that hung run in
// forked children with a timeout (a control child beside them), so a
// regression fails the test instead of stalling the runner.
import * as fs from 'fs';

import * as L from '../lib';
import { useTempDir } from './helpers/tmp';
import { runInChild, type ChildResult } from './helpers/child';

const tmp = useTempDir('mmarray-hostile-');

const child = (body: string): ChildResult => runInChild(body, { heapMb: 512, code: true });

/** A Proxy of a list that claims `length` items, each `item`. */
const claiming = (length: number, item: unknown): unknown[] => new Proxy([], { get: (_t, k) => (k === 'length' ? length : item) });

describe('lists that claim more items than any array holds (forked children)', () => {
  test('control: a Proxy claiming 3 numbers is walked', () => {
    const r = child(`const p = new Proxy([], { get: (_t, k) => (k === 'length' ? 3 : 1.5) }); return L.array(p).toArray();`);
    expect([r.signal, JSON.parse(r.out)]).toEqual([null, [1.5, 1.5, 1.5]]);
  });

  test('array() of a Proxy claiming 2^32-1 numbers: a RangeError before the walk (it was walked for minutes)', () => {
    const r = child(`const p = new Proxy([], { get: (_t, k) => (k === 'length' ? 2 ** 32 - 1 : 1) }); return L.array(p, 'f8').shape;`);
    expect(r.signal).toBeNull();
    const [name, , message] = JSON.parse(r.out) as string[];
    expect(name).toBe('RangeError');
    expect(message).toMatch(/^array\(\): input of shape \(4294967295,\) \+ \.\.\. makes 4294967295 items of 8 bytes or more; an array in memory holds at most 4 GiB/);
  });

  test('round(a, 2**53 - 1) is an OverflowError (it looped 2^53 times); round(a, 2**31 - 1) answers as NumPy (NaN)', () => {
    const r = child(`const out = []; for (const d of [2 ** 53 - 1, -(2 ** 31) - 1]) { try { L.round(L.ones(2), d); out.push('answered'); } catch (e) { out.push([e.constructor.name, e.message]); } }
      out.push(L.round(L.array([1.5]), 2 ** 31 - 1).toArray()); return out;`);
    expect(r.signal).toBeNull();
    const out = JSON.parse(r.out) as unknown[];
    expect(out[0]).toEqual(['OverflowError', 'round(): decimals 9007199254740991 is greater than the maximum of a C int (2147483647)']);
    expect(out[1]).toEqual(['OverflowError', 'round(): decimals -2147483649 is less than the minimum of a C int (-2147483648)']);
    // NumPy: np.round(np.array([1.5]), 2**31 - 1) is [nan] (inf / inf).
    expect(out[2]).toEqual([null]);
  });

  test('diff(a, 2**53) returns the empty difference at once (it looped 2^53 times)', () => {
    const r = child(`const d = L.diff(L.arange(5, 'f8'), 2 ** 53); return [d.shape, d.dtype.str];`);
    expect([r.signal, JSON.parse(r.out)]).toEqual([null, [[0], '<f8']]);
  });

  test('variance and std of a 2^40-item broadcast view: a RangeError before the mean (it summed for hours)', () => {
    const r = child(`try { L.std(L.broadcastTo(L.ones(1), [2 ** 40])); return 'answered'; } catch (e) { return [e.constructor.name, e.message]; }`);
    expect(r.signal).toBeNull();
    expect(JSON.parse(r.out)).toEqual(['RangeError', 'std(): needs 8796093022208 bytes (8192.0 GiB) for the deviations from the mean; an array in memory holds at most 4 GiB']);
  });

  test('putmask with a sparse mask list of length 2^32-1: the size error at once (flattening it hung)', () => {
    const r = child(`const m = []; m.length = 2 ** 32 - 1; try { L.putmask(L.zeros(2), m, 1); return 'answered'; } catch (e) { return [e.constructor.name, e.message]; }`);
    expect([r.signal, JSON.parse(r.out)]).toEqual([null, ['ValueError', 'putmask: mask and data must be the same size']]);
  });
});

describe('lists that change while they are read', () => {
  /** [1, 2, 3] whose item 1 runs `effect` when read. */
  const hostile = (effect: (l: number[]) => void): number[] => {
    const l = [1, 2, 3];
    Object.defineProperty(l, 1, { get: () => (effect(l), 2), configurable: true });
    return l;
  };

  test('set(list) whose getter grows the list: NumPy ValueError, the target untouched (was a bare DataView RangeError)', () => {
    const a = L.arange(3, 'f8');
    expect(() => a.set(hostile((l) => l.push(9)) as never)).toThrow(/^setting an array element with a sequence\. The requested array has an inhomogeneous shape after 1 dimensions$/);
    expect(a.toArray()).toEqual([0, 1, 2]);
  });

  test('set(list) whose getter shrinks the list: a TypeError for the missing item (the missing items were stored as 0)', () => {
    const a = L.arange(3, 'f8');
    expect(() => a.set(hostile((l) => (l.length = 2)) as never)).toThrow(/^cannot store undefined in a float64/);
    expect(a.toArray()).toEqual([0, 1, 2]);
  });

  test('array() of a list that grows or shrinks under its getter: the shape first read, or an error', () => {
    // Stored by set(), which reads the list again and finds another length.
    expect(() => L.array(hostile((l) => l.push(9)), 'f8')).toThrow(L.ValueError);
    // Collected on the walk (an int past 2^53 is kept exact): the length first read.
    const big = hostile((l) => l.push(9));
    big[2] = 2 ** 60;
    expect(L.array(big).toArray()).toEqual([1n, 2n, 2n ** 60n]);
    expect(() => L.array(hostile((l) => (l.length = 1)))).toThrow(TypeError);
    // A Proxy whose length grows at each read: read once, so no endless walk.
    let n = 3;
    const growing = new Proxy([1, 2, 3], { get: (t, k) => (k === 'length' ? n++ : (t as unknown as Record<PropertyKey, unknown>)[k] ?? 1) });
    expect(() => L.array(growing)).toThrow(L.ValueError);
  });

  test('array() of a typed array whose buffer was transferred: ERR_CLOSED naming it (was "Cannot perform %TypedArray%.prototype.values")', () => {
    const t = new Float64Array(4);
    structuredClone(t.buffer, { transfer: [t.buffer] });
    expect(() => L.array(t)).toThrow(expect.objectContaining({ code: 'ERR_CLOSED', message: expect.stringMatching(/the Float64Array's ArrayBuffer was detached/) }));
    expect(() => L.array([new Float64Array(4), t])).toThrow(expect.objectContaining({ code: 'ERR_CLOSED' }));
    // An empty typed array is still an empty array.
    expect(L.array(new Float64Array(0)).shape).toEqual([0]);
  });

  test('array() with a subarray dtype fills each subarray by broadcasting, as NumPy', () => {
    const r = L.array([[1, 2], [3, 4]], '(2,3)i2');
    expect(r.shape).toEqual([2, 2, 2, 3]);
    expect(L.sum(r, [2, 3]).toArray()).toEqual([[6n, 12n], [18n, 24n]]);
  });
});

describe('sizes checked before the work', () => {
  const huge = (): L.NdArray => L.broadcastTo(L.ones(1), [2 ** 40]);

  test('putmask: a mask of another size is refused unread; a list that holds itself or nests past 64 is a ValueError (it overflowed the stack)', () => {
    const a = L.zeros(4);
    expect(() => L.putmask(a, huge(), 1)).toThrow(/^putmask: mask and data must be the same size$/);
    const self: unknown[] = [1];
    self.push(self);
    expect(() => L.putmask(a, self, 1)).toThrow(L.ValueError);
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(() => L.putmask(L.zeros(1), deep, 1)).toThrow(/exceed the maximum number of dimension of 64/);
    expect(() => L.putmask(a, [true, Symbol('s'), false, true], 1)).toThrow(/^putmask: mask item Symbol\(s\) is not a truth value$/);
    expect(a.toArray()).toEqual([0, 0, 0, 0]);
  });

  test('putmask: values of 2^40 items are read only as far as a needs (was "Invalid array length")', () => {
    const a = L.zeros(4);
    L.putmask(a, [true, false, true, true], L.broadcastTo(L.arange(2, 'f8'), [2 ** 39, 2]));
    // NumPy: a.flat[i] = values.flat[i] where the mask is true.
    expect(a.toArray()).toEqual([0, 0, 0, 1]);
  });

  test('bincount of an empty input with minlength 2^40: NumPy\'s MemoryError, a RangeError naming the bins (was "Invalid typed array length")', () => {
    expect(() => L.bincount(L.zeros(0, 'i8'), { minlength: 2 ** 40 })).toThrow(L.MemoryError);
    expect(() => L.bincount(L.zeros(0, 'i8'), { minlength: 2 ** 40 })).toThrow(RangeError);
    expect(() => L.bincount(L.zeros(0, 'i8'), { minlength: 2 ** 40 })).toThrow(/^Unable to allocate 8\.00 TiB for an array with shape \(1099511627776,\) and data type int64 \(bincount needs 1099511627776 bins for minlength 1099511627776, more than the 536870912 one array holds\)$/);
    // 3^20 bins of a 20-d histogramdd: 28 GB, past the 4 GiB one array holds (was V8's bare RangeError; fuzz seed 9357836).
    expect(() => L.histogramdd(L.zeros([1, 20]), { bins: 1 })).toThrow(L.MemoryError);
    expect(() => L.histogramdd(L.zeros([1, 20]), { bins: 1 })).toThrow(/^Unable to allocate 26\.0 GiB for an array with shape \(3486784401,\) and data type int64/);
  });

  test('sum over axis 1 of a [2^40, 1] broadcast view: a RangeError naming the result size (was "Invalid typed array length")', () => {
    expect(() => L.sum(L.broadcastTo(L.ones(1), [2 ** 40, 1]), 1)).toThrow(/^a reduction over shape \(1099511627776, 1\) has 1099511627776 results: an array in memory holds at most 4 GiB/);
  });

  test('an axis list of length 2^32-1 (sparse): refused at once (map walked its holes for minutes; found by the export sweep)', () => {
    const axes: number[] = [];
    axes.length = 2 ** 32 - 1;
    expect(() => L.sum(L.arange(6, 'f8'), axes)).toThrow(/^duplicate value in 'axis'$/);
    expect(() => L.variance(L.arange(6, 'f8'), axes)).toThrow(L.ValueError);
    expect(() => L.sum(L.zeros([2, 3]), [0, 5])).toThrow(L.AxisError);
    expect(L.sum(L.ones([2, 3]), [1]).toArray()).toEqual([3, 3]);
  });

  test('diff of a non-array and asStrided with strides that are not a list: TypeErrors naming the argument (bare V8 errors; a sparse 2^32-1 strides list was spread until V8 aborted out of heap; found by the export sweep)', () => {
    expect(() => L.diff(null as never)).toThrow(/^diff\(\): a must be an NdArray, got null$/);
    expect(() => L.asStrided(L.zeros(4), [2], Symbol('s') as never)).toThrow(/^strides must be a list of integers, got Symbol\(s\)$/);
    const sparse: number[] = [];
    sparse.length = 2 ** 32 - 1;
    expect(() => L.asStrided(L.zeros(4), [2], sparse)).toThrow(/^shape \(2,\) and strides of length 4294967295 differ in length$/);
    expect(() => L.asStrided(L.zeros(4), [2], [8, 8, 8])).toThrow(/^shape \(2,\) and strides \[8, 8, 8\] differ in length$/);
    expect(L.asStrided(L.arange(4, 'f8'), [2], new Int32Array([16]) as never).toArray()).toEqual([0, 2]);
  });

  test('slidingWindowView with a window or axis list that is not a list, or sparse of length 2^32-1: typed errors (the spread aborted out of heap; found by the export sweep)', () => {
    const sparse: number[] = [];
    sparse.length = 2 ** 32 - 1;
    expect(() => L.slidingWindowView(L.zeros(8), sparse)).toThrow(/^maximum supported dimension for an ndarray is currently 64, found 4294967295 \(window_shape\)$/);
    expect(() => L.slidingWindowView(L.zeros(8), [2], sparse)).toThrow(/found 4294967295 \(axis\)$/);
    expect(() => L.slidingWindowView(L.zeros(8), null as never)).toThrow(/^window_shape must be an integer or a list of integers, got null$/);
    expect(L.slidingWindowView(L.zeros([3, 4]), [2], [1]).shape).toEqual([3, 3, 2]);
  });

  test('reshape, expandDims, squeeze, concatenate, stack with a sparse list of length 2^32-1: typed errors at once (each walked or copied every hole)', () => {
    const sparse: number[] = [];
    sparse.length = 2 ** 32 - 1;
    expect(() => L.zeros(8).reshape(sparse)).toThrow(/^maximum supported dimension for an ndarray is currently 64, found 4294967295$/);
    expect(() => L.zeros([2, 1]).expandDims(sparse)).toThrow(/maximum supported dimension/);
    expect(() => L.zeros([2, 1]).squeeze(sparse)).toThrow(/^duplicate value in 'axis'$/);
    expect(() => L.concatenate(sparse as never)).toThrow(/^expected an NdArray at index 0 of the list, got undefined$/);
    expect(() => L.stack(sparse as never)).toThrow(/^expected an NdArray at index 0 of the list, got undefined$/);
    expect(L.concatenate([L.zeros(2), L.ones(2)]).toArray()).toEqual([0, 0, 1, 1]);
    expect(L.zeros([2, 1]).squeeze([1]).shape).toEqual([2]);
  });

  test('set() with a sparse index tuple of length 2^32-1: IndexError at once (it was iterated hole by hole)', () => {
    const sparse: number[] = [];
    sparse.length = 2 ** 32 - 1;
    expect(() => L.zeros(4).set(sparse as never, 1 as never)).toThrow(/^too many indices for array: 4294967295 index items$/);
    const a = L.zeros(4);
    a.set([[0, 2]] as never, 5 as never);
    expect(a.toArray()).toEqual([5, 0, 5, 0]);
  });

  test('take, put, compress with an index that is not a list, and ufuncs with null options (export sweep: bare "it is not iterable", "Cannot convert undefined or null to object")', () => {
    expect(() => L.take(L.zeros(3), null as never)).toThrow(/^an index \(or condition\) must be an NdArray or a list of integers or booleans, got null$/);
    expect(() => L.compress(Symbol('s') as never, L.zeros(3))).toThrow(TypeError);
    expect(L.take(L.arange(3, 'f8'), [2, 0]).toArray()).toEqual([2, 0]);
    expect(L.rint(L.array([1.5]), null as never).toArray()).toEqual([2]);
  });

  test('argmin / argmax with null options: no options, as every other call (was "Cannot convert undefined or null to object")', () => {
    expect(L.argmin(L.arange(6, 'f8'), 0, null as never).get()).toBe(0n);
    expect(L.argmax(L.arange(6, 'f8'), null, null as never).get()).toBe(5n);
  });

  test("diff(a, '2'): a TypeError (the string was read as options: a silent n = 1)", () => {
    expect(() => L.diff(L.arange(4, 'f8'), '2' as never)).toThrow(/^diff\(\): n must be an integer, got '2'$/);
    expect(L.diff(L.zeros([0]), 3).shape).toEqual([0]);
  });

  test('a message names a hostile value without running its toString', () => {
    const bad = { toString: (): string => { throw new Error('ran'); } };
    expect(() => L.diff(L.arange(4, 'f8'), { n: bad as never })).toThrow(/^diff\(\): n must be an integer, got/);
    expect(() => L.variance(L.arange(4, 'f8'), null, { ddof: bad as never })).toThrow(/^var\(\): ddof must be a number, got/);
    expect(() => L.round(L.arange(4, 'f8'), { decimals: bad } as never)).toThrow(/^round\(\): decimals must be an integer, got/);
    // A plain object in decimals' place is the options (NumPy's positional decimals, or { decimals, out }).
    expect(() => L.round(L.arange(4, 'f8'), bad as never)).toThrow(new TypeError("round() got an unexpected keyword argument 'toString'"));
  });
});

describe('forEachAsync over a memmap resized between slices', () => {
  test('shrunk between two slices: ERR_CLOSED (it resolved early as if done); grown: the first shape is walked', async () => {
    const p = tmp.path('walk.dat');
    const n = L.ITERATION_SLICE * 3;
    fs.writeFileSync(p, Buffer.alloc(n * 8));
    const m = L.memmap(p, { dtype: 'f8', mode: 'r+' });
    let seen = 0;
    const walk = L.forEachAsync(m, () => void seen++);
    setImmediate(() => m.resize([4]));
    await expect(walk).rejects.toMatchObject({ code: 'ERR_CLOSED' });
    expect(seen).toBeLessThan(n);
    m.close();

    const g = L.memmap(p, { dtype: 'f8', mode: 'r+', shape: [n] });
    seen = 0;
    const grow = L.forEachAsync(g, () => void seen++);
    setImmediate(() => g.resize([n * 2]));
    await grow;
    expect(seen).toBe(n);
    g.close();
  });
});

describe('a polluted Object.prototype is not an option', () => {
  const polluted = <T>(props: Record<string, unknown>, f: () => T): T => {
    const proto = Object.prototype as Record<string, unknown>;
    for (const [k, v] of Object.entries(props)) proto[k] = v;
    try {
      return f();
    } finally {
      for (const k of Object.keys(props)) delete proto[k];
    }
  };

  test("Object.prototype.mode = 'w+': memmap(p) maps 'r+' and the file keeps its bytes (it was truncated to 1 byte)", () => {
    const p = tmp.path('polluted.dat');
    fs.writeFileSync(p, Buffer.alloc(64, 7));
    const m = polluted({ mode: 'w+', shape: [1] }, () => L.memmap(p));
    expect([m.mode, m.shape, fs.statSync(p).size, m.get(63)]).toEqual(['r+', [64], 64, 7]);
    m.close();
    // An options object's own prototype chain is still the caller's.
    const d = L.memmap(p, Object.create({ mode: 'r', dtype: 'f8' }) as L.MemmapOptions);
    expect([d.mode, d.shape]).toEqual(['r', [8]]);
    d.close();
  });

  test('Object.prototype.out, dtype and order: sums, ufuncs and zerosLike ignore them', () => {
    const sink = L.zeros(1);
    const [s, a, z] = polluted({ out: sink, where: L.array([false, false, false]), dtype: 'i1', order: 'F' }, () => [
      L.sum(L.ones(3)).get(),
      L.add(L.ones(3), 1).toArray(),
      L.zerosLike(L.zeros([2, 3])),
    ]);
    expect([s, a, sink.get(0)]).toEqual([3, [2, 2, 2], 0]);
    expect([(z as L.NdArray).dtype.str, (z as L.NdArray).strides]).toEqual(['<f8', [24, 8]]);
  });
});

describe('dtype specs whose lists claim 2^32 items', () => {
  const sparse = (): unknown[] => {
    const l: unknown[] = [];
    l.length = 2 ** 32 - 1;
    return l;
  };

  test('a sparse field list, subarray shape, names list or titles list: refused at the first hole (each was walked hole by hole for minutes)', () => {
    expect(() => L.dtype(sparse() as never)).toThrow(/^a dtype with 4294967295 fields: at most 16777216 are supported$/);
    expect(() => L.dtype(['f8', sparse()] as never)).toThrow(TypeError);
    expect(() => L.dtype({ names: sparse(), formats: sparse() } as never)).toThrow(L.ValueError);
    expect(() => L.dtype({ names: ['x'], formats: ['f8'], titles: sparse() } as never)).toThrow(/must have the same length/);
    expect(() => L.dtype({ names: ['x'], formats: ['f8'], titles: ['t'] } as never)).toThrow(/^field titles are not supported by mmarray/);
    expect(L.dtype({ names: ['a', 'b'], formats: ['<i4', '<f8'], titles: [null, null] } as never).itemsize).toBe(12);
  });

  test('a Proxy claiming 2^32-1 distinct fields: a ValueError before V8 runs out of array (a fatal SIGTRAP once collected)', () => {
    let i = 0;
    const p = new Proxy([], { get: (_t, k) => (k === 'length' ? 2 ** 32 - 1 : [`f${i++}`, 'u1']) });
    expect(() => L.dtype(p as never)).toThrow(/^a dtype with 4294967295 fields: at most 16777216 are supported$/);
  });
});
