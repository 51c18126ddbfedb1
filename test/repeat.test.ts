// lib/repeat.ts: repeat (function and method) and tile: new C-contiguous
// arrays of the input's dtype, compared with NumPy (dtype, shape, strides,
// bytes, never sharing memory), NumPy's errors; and that the bulk copies go
// through the native copy kernel, not a per-element JS loop.
import * as lib from '../lib';
import { arange, asarray, memmap, repeat, sharesMemory, tile, ValueError } from '../lib';
import { captureKernels } from '../lib/kernels';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { vals } from './helpers/np-array';
import { expectLikeNumpy, inputs } from './helpers/np-shape';
import { useTempDir } from './helpers/tmp';
import * as npCompare from './helpers/np-compare';

/** Files of the memmap tests, removed after the file. */
const files = useTempDir();

const input = inputs(lib);
const { A, B, T, V, Z, S, E, U, F } = input;

describeWithNumpy('repeat and tile against NumPy', () => {
  test('repeat: one count or one per element, flattened or along an axis', () => {
    expectLikeNumpy(
      [
        ['np.repeat(V, 3)', () => repeat(V, 3), 'V'],
        ['np.repeat(V, 0)', () => repeat(V, 0)],
        ['np.repeat(A, 2)', () => repeat(A, 2), 'A'],
        ['np.repeat(A, 2, axis=0)', () => repeat(A, 2, 0), 'A'],
        ['np.repeat(A, 2, axis=1)', () => repeat(A, 2, 1), 'A'],
        ['np.repeat(A, 3, axis=-1)', () => repeat(A, 3, -1), 'A'],
        ['np.repeat(T, 2, axis=1)', () => repeat(T, 2, 1), 'A'],
        ['np.repeat(B, 2, axis=0)', () => repeat(B, 2, 0), 'B'],
        ['np.repeat(S, [1, 0, 2], axis=2)', () => repeat(S, [1, 0, 2], 2), 'A'],
        ['np.repeat(V, list(range(10)))', () => repeat(V, [...Array(10).keys()]), 'V'],
        ['np.repeat(U, [2, 1, 0], axis=0)', () => repeat(U, [2, 1, 0], 0), 'U'],
        ['np.repeat(U, [2], axis=0)', () => repeat(U, [2], 0), 'U'],
        ['np.repeat(F, [3, 1, 2, 0], axis=1)', () => repeat(F, [3, 1, 2, 0], 1), 'F'],
        ['np.repeat(Z, 3)', () => repeat(Z, 3)],
        ['np.repeat(Z, 3, axis=0)', () => repeat(Z, 3, 0)],
        ['np.repeat(E, 2, axis=1)', () => repeat(E, 2, 1)],
        ['np.repeat(V, -1)', () => repeat(V, -1)],
        ['np.repeat(V, [1, 2])', () => repeat(V, [1, 2])],
        ['np.repeat(V[:3], [1, -2, 1])', () => repeat(V.index(lib.slice(null, 3)), [1, -2, 1])],
        ['np.repeat(A, 2, axis=3)', () => repeat(A, 2, 3)],
        ['B.repeat(2)', () => B.repeat(2), 'B'],
        ['np.repeat(B, [1, 2], axis=0)', () => repeat(B, [1, 2], 0), 'B'],
        ['np.repeat(np.arange(600.0).reshape(3, 200)[:, ::-1], [2, 0, 1], axis=0)', () => repeat(lib.arange(600, 'f8').reshape(3, 200).index(lib.slice(), lib.slice(null, null, -1)), [2, 0, 1], 0)],
        ['np.repeat(np.arange(600).reshape(3, 200).T, [3, 1, 0], axis=1)', () => repeat(lib.arange(600).reshape(3, 200).T, [3, 1, 0], 1)],
      ],
      input,
    );
  });

  test('tile: reps shorter, longer and equal to ndim; all ones is a copy in memory order', () => {
    expectLikeNumpy(
      [
        ['np.tile(V, 2)', () => tile(V, 2), 'V'],
        ['np.tile(V, [2, 2])', () => tile(V, [2, 2]), 'V'],
        ['np.tile(A, 2)', () => tile(A, 2), 'A'],
        ['np.tile(A, [2, 1, 1])', () => tile(A, [2, 1, 1]), 'A'],
        ['np.tile(T, [1, 2, 1])', () => tile(T, [1, 2, 1]), 'A'],
        ['np.tile(B, [3, 1, 2])', () => tile(B, [3, 1, 2]), 'B'],
        ['np.tile(S, [2, 0, 1])', () => tile(S, [2, 0, 1])],
        ['np.tile(F, 1)', () => tile(F, 1), 'F'],
        ['np.tile(F, [1, 1, 1])', () => tile(F, [1, 1, 1]), 'F'],
        ['np.tile(T, [1, 1, 1])', () => tile(T, [1, 1, 1]), 'A'],
        ['np.tile(Z, 3)', () => tile(Z, 3)],
        ['np.tile(Z, [])', () => tile(Z, [])],
        ['np.tile(U, -1)', () => tile(U, -1)],
      ],
      input,
    );
  });
});

describe('repeat', () => {
  test('values: scalar count, per-element counts, along an axis', () => {
    expect(vals(repeat(asarray([1, 2]), 2))).toEqual([1, 1, 2, 2]);
    expect(vals(repeat(asarray([[1, 2], [3, 4]]), [1, 2], 0))).toEqual([
      [1, 2],
      [3, 4],
      [3, 4],
    ]);
    expect(vals(asarray([[1, 2], [3, 4]]).repeat([2, 0], 1))).toEqual([[1, 1], [3, 3]]);
  });

  test("NumPy's errors", () => {
    expect(() => repeat(arange(3), -1)).toThrow(new ValueError('negative dimensions are not allowed'));
    expect(() => repeat(arange(3), [1, -2, 1])).toThrow(new ValueError('repeats may not contain negative values.'));
    expect(() => repeat(arange(3), [1, 2])).toThrow(new ValueError('operands could not be broadcast together with shape (3,) (2,)'));
    expect(() => repeat(arange(3), 1.5)).toThrow(TypeError);
  });

  test('a result is fresh memory, also from a memmap', () => {
    const tmp = files;
    const m = memmap(tmp.path(), { dtype: 'f8', mode: 'w+', shape: [3] });
    const r = repeat(m, 2);
    expect(r).not.toBeInstanceOf(lib.Memmap);
    expect(sharesMemory(r, m)).toBe(false);
    expect(r.flags.cContiguous && r.flags.ownData).toBe(true);
    m.close();
  });

  test('one count is one native copy (stride-0 source), whatever the size', () => {
    const a = arange(50000, 'f8').reshape(100, 500);
    const { calls } = captureKernels(() => repeat(a, 3, 0));
    expect(calls.map((c) => c.kind)).toEqual(['copy']);
    expect(calls[0].args[2]).toContain(0);
  });

  // The copy kernel's repeated-row loop (native/kernels.cc RepeatRow): a count up to
  // 16 along the last axis, 1-8 byte items, each item written r times in a row;
  // 8-byte items twice into a result of 16 MiB or more with streaming stores.
  test('one count along the last axis: every item r times, all item sizes, strided and large sources', () => {
    const expectRepeated = (src: ReturnType<typeof arange>, r: number, axis: number | null): void => {
      const out = repeat(src, r, axis);
      const flat = (axis === null ? src.reshape(-1) : src).toArray() as unknown[];
      const rows = axis === null ? [flat] : (flat as unknown[][]);
      const got = (axis === null ? [out.toArray()] : out.toArray()) as unknown[][];
      expect(got.length).toBe(rows.length);
      rows.forEach((row, j) => {
        expect(got[j].length).toBe(row.length * r);
        // Complex items read as objects: compared by their JSON.
        const key = (v: unknown): unknown => (typeof v === 'object' ? JSON.stringify(v) : v);
        for (let i = 0; i < got[j].length; i++) if (key(got[j][i]) !== key(row[Math.floor(i / r)])) throw new Error(`item ${i} of row ${j}: ${JSON.stringify(got[j][i])}`);
      });
    };
    for (const dt of ['u1', 'i2', 'f4', 'f8', '>f8', 'c8', 'b1', 'f2']) {
      for (const r of [2, 3, 7, 16, 17]) {
        expectRepeated(arange(37, 'f8').astype(dt), r, null);
        expectRepeated(arange(90, 'f8').astype(dt).index('::-3'), r, null);
        expectRepeated(arange(60, 'f8').astype(dt).reshape(5, 12).index(':, 1::2'), r, -1);
      }
    }
    // 1.1M float64 twice: a 17.6 MB result, the streaming loop; from a stride-2 source too.
    expectRepeated(arange(1_100_000, 'f8'), 2, null);
    expectRepeated(arange(2_200_001, 'f8').index('1::2'), 2, null);
    const { calls } = captureKernels(() => repeat(arange(1000, 'f8'), 2));
    expect(calls.map((c) => c.kind)).toEqual(['copy']);
  });

  test('per-element counts over slabs of 64 elements or more copy slab by slab', () => {
    const a = arange(600, 'i4').reshape(3, 200);
    const r = repeat(a, [2, 0, 1], 0);
    expect(r.shape).toEqual([3, 200]);
    expect([r.get(0, 5), r.get(1, 5), r.get(2, 5)]).toEqual([5, 5, 405]);
    expect(r.flags.cContiguous).toBe(true);
  });

  test('per-element counts along the first axis of a C-contiguous array: one gather, an owner of the dtype', () => {
    const a = arange(30000, 'i2').reshape(10000, 3).astype('>i2');
    const counts = Array.from({ length: 10000 }, (_, i) => i % 3);
    const r = repeat(a, counts, 0);
    expect(r.shape).toEqual([9999, 3]);
    expect(r.dtype.str).toBe('>i2');
    expect(r.base).toBe(null);
    expect(r.flags.ownData && r.flags.cContiguous).toBe(true);
    expect(vals(r.index(lib.slice(0, 3)))).toEqual([
      [3, 4, 5],
      [6, 7, 8],
      [6, 7, 8],
    ]);
  });

  test('per-element counts over a 1-d array gather through the take kernel', () => {
    const a = arange(100000, 'f4');
    const counts = Array.from({ length: 100000 }, (_, i) => i % 3);
    const r = repeat(a, counts);
    expect(r.shape).toEqual([99999]);
    expect([r.get(0), r.get(1), r.get(2), r.get(99998)]).toEqual([1, 2, 2, 99998]);
  });
});

describe('tile', () => {
  test('values', () => {
    expect(vals(tile(asarray([1, 2]), [2, 2]))).toEqual([
      [1, 2, 1, 2],
      [1, 2, 1, 2],
    ]);
  });

  test('one native copy into the interleaved result', () => {
    const a = arange(40000, 'i4').reshape(200, 200);
    const { calls } = captureKernels(() => tile(a, [2, 3]));
    expect(calls.map((c) => c.kind)).toEqual(['copy']);
  });

  test('negative reps, non-integer reps', () => {
    expect(() => tile(arange(3), -1)).toThrow(new ValueError('negative dimensions are not allowed'));
    expect(() => tile(arange(3), [1.5])).toThrow(TypeError);
  });
});

describeWithNumpy('tile with an array of reps, repeat with a negative count of an empty axis (parity pass 6)', () => {
  test("NumPy's answers", () => {
    const { expectCasesLikeNumpy: check } = npCompare;
    const a = asarray([1, 2], '<i8');
    const e = asarray([], '<f8').reshape([0, 2]);
    check([
      { py: "np.tile(np.array([1, 2], dtype='<i8'), np.array([2, 2]))", js: () => tile(a, asarray([2, 2], '<i8')) },
      { py: "np.tile(np.array([1, 2], dtype='<i8'), np.array(3))", js: () => tile(a, asarray(3, '<i8')) },
      // NumPy's broadcast count makes a length of count * n: no error when the axis is empty.
      { py: "np.repeat(np.zeros((0, 2)), -2, axis=0)", js: () => repeat(e, -2, 0) },
      { py: "np.repeat(np.zeros((0, 2)), np.array([-1]), axis=0)", js: () => repeat(e, asarray([-1], '<i8'), 0) },
      { py: "np.repeat(np.zeros(0), -1)", js: () => repeat(e.reshape(-1), -1) },
      { py: "np.repeat(np.zeros((0, 2)), -2, axis=1)", js: () => repeat(e, -2, 1) },
    ]);
  });
});

describeWithNumpy('tile of empty arrays: NumPy\'s strides (a view of array(A, ndmin=d), reshaped only when the shape changes)', () => {
  test('seven layouts, three reps each', () => {
    const { zeros } = require('../lib') as typeof import('../lib');
    const mk = [zeros([3], '>u4'), zeros([6]).index('::2'), zeros([0]), zeros([0, 3]), zeros([3, 0]), zeros([2, 3]).index(':, :0'), zeros([4], '>u4').index('0:0')];
    const want = runNumpy<number[][][]>(`
out = []
for a in [np.zeros(3, '>u4'), np.zeros(6)[::2], np.zeros(0), np.zeros((0, 3)), np.zeros((3, 0)), np.zeros((2, 3))[:, :0], np.zeros(4, '>u4')[0:0]]:
    out.append([list(np.tile(a, r).strides) for r in [(1,) * (a.ndim + 2), (2,) + (1,) * a.ndim, (1, 1, 2)]])
print(json.dumps(out))`);
    const got = mk.map((a) => [new Array(a.ndim + 2).fill(1), [2, ...new Array(a.ndim).fill(1)], [1, 1, 2]].map((r) => [...tile(a, r).strides]));
    expect(got).toEqual(want);
  });
});
