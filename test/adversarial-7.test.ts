// Seventh adversarial pass: the products and the diagonal family, grids,
// select/choose/piecewise, under sizes that overflow a JS list, lists that
// lie about their length, a polluted Object.prototype, option getters, and
// mappings past 4 GiB. Each case here failed before its fix (a process
// abort, a hang, V8's bare "Invalid array length", a polluted option taken
// as the caller's); cases that aborted or hung run in forked children with a
// timeout, beside a control.

import * as L from '../lib';
import { IndexError, MemoryError, NdArray, ValueError } from '../lib';
import { useTempDir } from './helpers/tmp';
import { polluted, runInChild, type ChildResult } from './helpers/child';

const tmp = useTempDir('mmarray-adv7-');

const child = (body: string): ChildResult => runInChild(body, { heapMb: 1024 });


/** An options object whose getters count their reads. */
function counted<T extends object>(values: T): { options: T; reads: () => number } {
  let n = 0;
  const options = {} as T;
  for (const [k, v] of Object.entries(values)) {
    Object.defineProperty(options, k, {
      get() {
        n++;
        return v;
      },
      enumerable: true,
    });
  }
  return { options, reads: () => n };
}

describe('tensordot axes: checked before a list of that many axes is made', () => {
  test('control: axes = 1 sums one axis', () => {
    expect(L.tensordot(L.ones([2, 3]), L.ones([3, 2]), 1).toArray()).toEqual([
      [3, 3],
      [3, 3],
    ]);
  });

  test.each([2 ** 31, 1e9, 2 ** 53])('axes = %d (child): NumPy\'s IndexError (was a V8 abort out of heap / "Invalid array length")', (n) => {
    const r = child(`return L.tensordot(L.ones([2, 3]), L.ones([3, 2]), ${n});`);
    expect(r.signal).toBeNull();
    expect(JSON.parse(r.out)).toEqual(['IndexError', 'tuple index out of range']);
  });

  test('axes past one array\'s dimensions, as NumPy: IndexError when `a` is short, shape-mismatch when a pair differs first', () => {
    expect(() => L.tensordot(L.ones([2, 3]), L.ones([3, 2, 2]), 3)).toThrow(new IndexError('tuple index out of range'));
    expect(() => L.tensordot(L.ones([2, 3, 2]), L.ones([3, 2]), 3)).toThrow(new ValueError('shape-mismatch for sum'));
    expect(() => L.tensordot(L.ones([3, 3]), L.ones([3, 3]), [[0], [5]])).toThrow(new IndexError('tuple index out of range'));
  });

  test("a repeated axis: NumPy's 'duplicate axes are not allowed in tensordot' (was \"axes don't match array\")", () => {
    expect(() => L.tensordot(L.ones([3, 3]), L.ones([3, 3]), [[0, 0], [1, 1]])).toThrow(new ValueError('duplicate axes are not allowed in tensordot'));
  });

  test('a Proxy axis list claiming 2^32-1 items (child): a ValueError naming the count (was a V8 abort out of heap)', () => {
    const r = child(`const p = new Proxy([0], { get(t, k) { return k === 'length' ? 2 ** 32 - 1 : t[k]; } });
      return L.tensordot(L.ones([3, 3]), L.ones([3, 3]), [p, [0]]);`);
    expect(r.signal).toBeNull();
    expect(JSON.parse(r.out)).toEqual(['ValueError', 'tensordot(): 4294967295 axes to sum over; an array has at most 64']);
  });
});

describe('options of matmul, cross, trace, meshgrid and indices: read once, own keys only', () => {
  test('Object.prototype.dtype = "i1" does not make matmul compute in int8 (it did: 100·100 + 100·100 wrapped to 32)', () => {
    const r = polluted('dtype', 'i1', () => L.matmul(L.array([[100, 100]]), L.array([[100], [100]])));
    expect(r.dtype.str).toBe('<i8');
    expect(r.toArray()).toEqual([[20000n]]);
  });

  test('Object.prototype.out is not written by matmul or trace (both wrote it)', () => {
    const o = L.zeros([1, 1]);
    polluted('out', o, () => L.matmul(L.array([[1, 1]]), L.array([[1], [1]])));
    expect(o.toArray()).toEqual([[0]]);
    const t = L.zeros([]);
    const r = polluted('out', t, () => L.trace(L.eye(3)));
    expect(r).not.toBe(t);
    expect(t.get()).toBe(0);
  });

  test('Object.prototype.dtype does not change trace\'s sum (it summed 100s in int8: 44)', () => {
    const r = polluted('dtype', 'i1', () => L.trace(L.full([3, 3], 100)));
    expect(r.toArray()).toBe(300n);
  });

  test('Object.prototype.axisa does not move cross\'s vectors', () => {
    const r = polluted('axisa', 0, () => L.cross(L.ones([2, 3]), L.ones([2, 3])));
    expect(r.shape).toEqual([2, 3]);
  });

  test("Object.prototype.indexing / .sparse do not change meshgrid's grids (even with no options given)", () => {
    const x = L.array([1, 2, 3]);
    const y = L.array([4, 5]);
    expect(polluted('indexing', 'ij', () => L.meshgrid(x, y)).map((g) => g.shape)).toEqual([
      [2, 3],
      [2, 3],
    ]);
    expect(polluted('sparse', true, () => L.meshgrid(x, y)).map((g) => g.shape)).toEqual([
      [2, 3],
      [2, 3],
    ]);
  });

  test('Object.prototype.sparse / .dtype do not change indices', () => {
    const r = polluted('sparse', true, () => L.indices([2, 3])) as unknown as NdArray;
    expect(r).toBeInstanceOf(NdArray);
    expect(r.shape).toEqual([2, 2, 3]);
    expect(polluted('dtype', 'u1', () => L.indices([2, 3])).dtype.str).toBe('<i8');
  });

  test('each option getter runs once (matmul read dtype three times, trace twice each, cross axis twice)', () => {
    const m = counted({ dtype: 'f8', casting: 'same_kind', out: null });
    L.matmul(L.ones([2, 2]), L.ones([2, 2]), m.options as L.MatmulOptions);
    expect(m.reads()).toBe(3);
    const t = counted({ dtype: 'f8', out: null });
    L.trace(L.eye(3), 0, 0, 1, t.options as never);
    expect(t.reads()).toBe(2);
    const c = counted({ axis: -1 });
    L.cross(L.ones([3]), L.ones([3]), c.options);
    expect(c.reads()).toBe(1);
  });

  test('a matmul option getter that closes an operand: ERR_CLOSED naming the file', () => {
    const p = tmp.path('mm.bin');
    const m = L.memmap(p, { dtype: 'f8', mode: 'w+', shape: [4] });
    const a = m.reshape([2, 2]);
    const options = {
      get dtype() {
        m.close();
        return 'f8';
      },
    };
    expect(() => L.matmul(a, a, options)).toThrow(expect.objectContaining({ code: 'ERR_CLOSED', message: expect.stringContaining(p) }));
  });
});

describe('fillDiagonal and put on a mapping past 2^32 items (sparse files)', () => {
  test('put of two list indices into a 2^33-item mapping: written (was "Invalid array length": a table of every offset)', () => {
    const p = tmp.sparse(2 ** 33);
    const m = L.memmap(p, { dtype: 'u1', mode: 'r+' });
    try {
      L.put(m, [1, 2 ** 33 - 1], 7);
      expect([m.get(0), m.get(1), m.get(2 ** 33 - 1)]).toEqual([0, 7, 7]);
    } finally {
      m.close();
    }
  });

  test('fillDiagonal of a 2048^3 uint8 mapping (8 GiB): each (i, i, i) set, nothing else', () => {
    const p = tmp.sparse(2 ** 33);
    const m = L.memmap(p, { dtype: 'u1', mode: 'r+', shape: [2048, 2048, 2048] });
    try {
      L.fillDiagonal(m, 9);
      expect([m.get(0, 0, 0), m.get(1024, 1024, 1024), m.get(2047, 2047, 2047), m.get(2047, 2047, 2046), m.get(0, 0, 1)]).toEqual([9, 9, 9, 0, 0]);
    } finally {
      m.close();
    }
  });
});

describe("fillDiagonal's new strided path: NumPy's a.flat[:end:step] = val", () => {
  /** The model: flat positions i·step below `end`, the values repeated. */
  function model(shape: number[], val: number[], wrap: boolean): number[] {
    const size = shape.reduce((x, y) => x * y, 1);
    const flat = new Array<number>(size).fill(0);
    let step = 1;
    let end = size;
    if (shape.length === 2) {
      step = shape[1] + 1;
      if (!wrap) end = Math.min(size, shape[1] * shape[1]);
    } else {
      let p = 1;
      for (let i = 0; i < shape.length - 1; i++) step += p *= shape[i];
    }
    for (let i = 0, k = 0; i < end; i += step, k++) flat[i] = val[k % val.length];
    return flat;
  }

  test.each([
    [[5, 2], true],
    [[5, 2], false],
    [[7, 3], true],
    [[2, 5], true],
    [[6, 6], false],
    [[1, 4], true],
    [[9, 1], true],
    [[3, 3, 3], false],
  ] as [number[], boolean][])('%j wrap=%s: a scalar, a list of values, a transposed view', (shape, wrap) => {
    const a = L.zeros(shape);
    L.fillDiagonal(a, 5, wrap);
    expect(Array.from(a.ravel().toArray() as number[])).toEqual(model(shape, [5], wrap));
    const b = L.zeros(shape);
    L.fillDiagonal(b, [1, 2, 3], wrap);
    expect(Array.from(b.ravel().toArray() as number[])).toEqual(model(shape, [1, 2, 3], wrap));
    // A non-contiguous view: the same positions of the view, the base untouched elsewhere.
    const base = L.zeros([...shape].reverse());
    const t = base.T;
    L.fillDiagonal(t, 4, wrap);
    expect(Array.from(t.copy().ravel().toArray() as number[])).toEqual(model(shape, [4], wrap));
  });

  test('a one-item array value, a read-only or closed target', () => {
    const a = L.zeros([3, 3]);
    L.fillDiagonal(a, L.array([[[2]]]));
    expect(a.toArray()).toEqual([
      [2, 0, 0],
      [0, 2, 0],
      [0, 0, 2],
    ]);
    expect(() => L.fillDiagonal(L.broadcastTo(L.zeros([2]), [2, 2]), 1)).toThrow(expect.objectContaining({ code: 'ERR_READ_ONLY' }));
    const m = L.memmap(tmp.path('fd.bin'), { dtype: 'f8', mode: 'w+', shape: [2, 2] });
    m.close();
    expect(() => L.fillDiagonal(m, 1)).toThrow(expect.objectContaining({ code: 'ERR_CLOSED' }));
  });
});

describe('diagIndices and indices: sizes refused before anything is allocated', () => {
  test('diagIndices(2, 2^31) (child): MemoryError (was killed after 30 s filling a list)', () => {
    const r = child('return L.diagIndices(2, 2 ** 31).length;');
    expect(r.signal).toBeNull();
    expect(JSON.parse(r.out)[0]).toBe('MemoryError');
  });

  test("diagIndices(3, 10^6): NumPy's (idx,) * ndim, one array listed 10^6 times (it made 10^6 arrays)", () => {
    const r = L.diagIndices(3, 1e6);
    expect(r.length).toBe(1e6);
    expect(r[999_999]).toBe(r[0]);
    expect(r[0].toArray()).toEqual([0n, 1n, 2n]);
    expect(() => L.diagIndices(2, 2 ** 26)).toThrow(MemoryError);
  });

  test('indices of a Proxy claiming 2^32-1 dimensions (child): the 64-axes ValueError (was killed copying it)', () => {
    const r = child(`const p = new Proxy([], { get(t, k) { return k === 'length' ? 2 ** 32 - 1 : k === Symbol.iterator ? Array.prototype[Symbol.iterator] : 1; } });
      return L.indices(p).shape;`);
    expect(r.signal).toBeNull();
    expect(JSON.parse(r.out)).toEqual(['ValueError', 'maximum supported dimension for an ndarray is currently 64, found 4294967295']);
  });

  test('indices([2^27, 2^27, 2^27]) (child): refused by its size before three 1 GiB aranges were made (was killed)', () => {
    const r = child('const t = Date.now(); try { L.indices([2 ** 27, 2 ** 27, 2 ** 27]); } catch (e) { return [e.constructor.name, Date.now() - t < 20000]; }');
    expect(r.signal).toBeNull();
    expect(JSON.parse(r.out)).toEqual(['ValueError', true]);
    expect(() => L.indices([2 ** 30, 2 ** 30])).toThrow('array is too big');
  });
});

describe('array() of a list of arrays: each block copied natively', () => {
  test('the same array as the value walk gives, for bool, int and float blocks, cast safely', () => {
    const b = L.array([true, false, true]);
    expect(L.asarray([b, b], '|b1').toArray()).toEqual([
      [true, false, true],
      [true, false, true],
    ]);
    const i = L.arange(6, 'i4').reshape([2, 3]);
    const r = L.array([i, i], 'f8');
    expect(r.dtype.str).toBe('<f8');
    expect(r.toArray()).toEqual([
      [
        [0, 1, 2],
        [3, 4, 5],
      ],
      [
        [0, 1, 2],
        [3, 4, 5],
      ],
    ]);
    // An unsafe cast and a mixed list still take the value walk: NumPy's values.
    expect(L.array([L.array([1.5, 2.5])], 'i4').toArray()).toEqual([[1, 2]]);
    expect(L.array([L.array([1, 2]), [3, 4]]).toArray()).toEqual([
      [1n, 2n],
      [3n, 4n],
    ]);
  });

  test("piecewise with a 2^28-item broadcast condition against 2 items (child, 1 GiB heap): NumPy's IndexError (was a V8 abort out of heap)", () => {
    const r = child('return L.piecewise(L.array([1, 2]), [L.broadcastTo(L.array(true), [2 ** 28])], [1]);');
    expect(r.signal).toBeNull();
    expect(JSON.parse(r.out)[0]).toBe('IndexError');
    expect(JSON.parse(r.out)[1]).toContain('boolean index did not match indexed array along axis 0; size of axis is 2');
  });
});

describe('a boolean mask is checked against its axis before its true items are listed', () => {
  test('a 2^24-item mask against an axis of 2: the IndexError without walking the mask', () => {
    const mask = L.broadcastTo(L.array(true), [2 ** 24]).copy();
    const y = L.zeros([2]);
    expect(() => y.set([mask], 1)).toThrow(new IndexError('boolean index did not match indexed array along axis 0; size of axis is 2 but size of corresponding boolean axis is 16777216'));
  });
});

describe("choose: NumPy's limit of 64 arrays, checked before the choices are listed", () => {
  test('63 choices work; 64 and 10^5 are ValueErrors (10^5 overflowed the call stack)', () => {
    expect(L.choose(L.array([0]), new Array(63).fill(L.array([1]))).toArray()).toEqual([1n]);
    expect(() => L.choose(L.array([0]), new Array(64).fill(L.array([1])))).toThrow(new ValueError('Need at least 0 and at most 64 array objects.'));
    expect(() => L.choose(L.array([0]), new Array(1e5).fill(L.array([1])))).toThrow(new ValueError('Need at least 0 and at most 64 array objects.'));
  });

  test('an array of choices with 2^31 rows: the same ValueError (it listed 2^31 views)', () => {
    expect(() => L.choose(L.array([0]), L.broadcastTo(L.array(1), [2 ** 31, 1]) as never)).toThrow(new ValueError('Need at least 0 and at most 64 array objects.'));
  });
});

describe('gradient with no options: no inherited ones either', () => {
  test('Object.prototype.axis = 1 does not make gradient(f) of a 2-d f one array (it did)', () => {
    const r = polluted('axis', 1, () => L.gradient(L.ones([3, 3])));
    expect(Array.isArray(r)).toBe(true);
    expect((r as NdArray[]).length).toBe(2);
    const e = polluted('edgeOrder', 2, () => L.gradient(L.array([1, 2, 4, 8])) as NdArray);
    expect(e.toArray()).toEqual([1, 1.5, 3, 4]);
  });
});
