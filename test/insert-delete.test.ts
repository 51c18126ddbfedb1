// lib/insert-delete.ts: insert, deleteItems (NumPy's delete) and append
// against NumPy (values, dtype, shape, strides, never a view, NumPy's
// errors), NumPy's own tests ported, and that the blocks are native copies.
import * as lib from '../lib';
import { append, arange, asarray, deleteItems, insert, IndexError, sharesMemory, slice, zeros } from '../lib';
import { captureKernels } from '../lib/kernels';
import { describeWithNumpy } from './helpers/numpy';
import * as numpyHelpers from './helpers/numpy';
import { vals } from './helpers/np-array';
import { expectLikeNumpy, inputs } from './helpers/np-shape';

const input = inputs(lib);
const { A, B, T, V, Z, S, E, U, F } = input;

describeWithNumpy('insert against NumPy', () => {
  test('one position, several, slices, masks, axes, layouts, casts', () => {
    expectLikeNumpy(
      [
        ['np.insert(V, 0, 99)', () => insert(V, 0, 99), 'V'],
        ['np.insert(V, 10, 99)', () => insert(V, 10, 99), 'V'],
        ['np.insert(V, -1, [7, 8])', () => insert(V, -1, [7, 8]), 'V'],
        ['np.insert(V, [3], [7, 8])', () => insert(V, [3], [7, 8]), 'V'],
        ['np.insert(V, [1, 1, 3], [7, 8, 9])', () => insert(V, [1, 1, 3], [7, 8, 9]), 'V'],
        ['np.insert(V, [3, 1, 1], [7, 8, 9])', () => insert(V, [3, 1, 1], [7, 8, 9]), 'V'],
        ['np.insert(V, [-1, 0, 10], 5)', () => insert(V, [-1, 0, 10], 5), 'V'],
        ['np.insert(V, [], [])', () => insert(V, [], []), 'V'],
        ['np.insert(V, slice(2, 8, 2), [1, 2, 3])', () => insert(V, slice(2, 8, 2), [1, 2, 3]), 'V'],
        ['np.insert(V, slice(None, None, -3), 0)', () => insert(V, slice(null, null, -3), 0), 'V'],
        ['np.insert(V, [2, 2], [7.13, False])', () => insert(V, [2, 2], [7.13, false]), 'V'],
        ['np.insert(V, np.array([True, False] * 5), 0)', () => insert(V, asarray(Array.from({ length: 10 }, (_, i) => i % 2 === 0)), 0), 'V'],
        ['np.insert(A, 1, 5)', () => insert(A, 1, 5), 'A'],
        ['np.insert(A, 1, 5, axis=0)', () => insert(A, 1, 5, { axis: 0 }), 'A'],
        ['np.insert(A, 1, [1, 2, 3, 4], axis=1)', () => insert(A, 1, [1, 2, 3, 4], { axis: 1 }), 'A'],
        ['np.insert(A, [1], [[1], [2], [3]], axis=2)', () => insert(A, [1], [[1], [2], [3]], { axis: 2 }), 'A'],
        ['np.insert(A, 1, [[1], [2], [3]], axis=2)', () => insert(A, 1, [[1], [2], [3]], { axis: 2 }), 'A'],
        ['np.insert(A, [0, 2, 2], [7, 8, 9], axis=-1)', () => insert(A, [0, 2, 2], [7, 8, 9], -1), 'A'],
        ['np.insert(A, (1, 3), 999, axis=2)', () => insert(A, [1, 3], 999, { axis: 2 }), 'A'],
        ['np.insert(T, 2, 0, axis=0)', () => insert(T, 2, 0, { axis: 0 }), 'A'],
        ['np.insert(S, 1, -1, axis=1)', () => insert(S, 1, -1, { axis: 1 }), 'A'],
        ['np.insert(F, 1, 0.5, axis=1)', () => insert(F, 1, 0.5, { axis: 1 }), 'F'],
        ['np.insert(F, [0, 3], 0.5, axis=0)', () => insert(F, [0, 3], 0.5, { axis: 0 }), 'F'],
        ['np.insert(F, 1, 0.5)', () => insert(F, 1, 0.5), 'F'],
        ['np.insert(B, 2, 1.5, axis=1)', () => insert(B, 2, 1.5, { axis: 1 }), 'B'],
        ['np.insert(U, 1, 200, axis=0)', () => insert(U, 1, 200, { axis: 0 }), 'U'],
        ['np.insert(Z, 0, 1)', () => insert(Z, 0, 1), 'Z'],
        ['np.insert(E, 0, 1, axis=0)', () => insert(E, 0, 1, { axis: 0 }), 'E'],
        ['np.insert(E, 1, 1, axis=1)', () => insert(E, 1, 1, { axis: 1 })],
        // errors
        ['np.insert(V, 11, 0)', () => insert(V, 11, 0)],
        ['np.insert(V, [11], 0)', () => insert(V, [11], 0)],
        ['np.insert(V, -11, 0)', () => insert(V, -11, 0)],
        ['np.insert(V, [0, 12], 0)', () => insert(V, [0, 12], 0)],
        ['np.insert(V, [[0, 1]], 0)', () => insert(V, [[0, 1]] as never, 0)],
        ['np.insert(V, [1.0, 2.0], 0)', () => insert(V, asarray([1.0, 2.0], 'f8'), 0)],
        ['np.insert(V, [1, 2], [1, 2, 3])', () => insert(V, [1, 2], [1, 2, 3])],
        ['np.insert(A, 1, 0, axis=3)', () => insert(A, 1, 0, { axis: 3 })],
        ['np.insert(A, 1, [1, 2], axis=1)', () => insert(A, 1, [1, 2], { axis: 1 })],
        ['np.insert(Z, 0, 1, axis=0)', () => insert(Z, 0, 1, { axis: 0 })],
        ['np.insert(np.arange(3), [-5, 0], 9)', () => insert(arange(3), [-5, 0], 9)],
      ],
      input,
    );
  });
});

describeWithNumpy('deleteItems against NumPy (np.delete)', () => {
  test('one index, several, slices, masks, axes, layouts', () => {
    const mask = asarray(Array.from({ length: 10 }, (_, i) => i % 3 === 0));
    expectLikeNumpy(
      [
        ['np.delete(V, 0)', () => deleteItems(V, 0), 'V'],
        ['np.delete(V, -1)', () => deleteItems(V, -1), 'V'],
        ['np.delete(V, [1, 3, 5])', () => deleteItems(V, [1, 3, 5]), 'V'],
        ['np.delete(V, [5, 1, 1, -1])', () => deleteItems(V, [5, 1, 1, -1]), 'V'],
        ['np.delete(V, [])', () => deleteItems(V, []), 'V'],
        ['np.delete(V, [4])', () => deleteItems(V, [4]), 'V'],
        ['np.delete(V, slice(2, 8))', () => deleteItems(V, slice(2, 8)), 'V'],
        ['np.delete(V, slice(1, None, 3))', () => deleteItems(V, slice(1, null, 3)), 'V'],
        ['np.delete(V, slice(None, None, -2))', () => deleteItems(V, slice(null, null, -2)), 'V'],
        ['np.delete(V, slice(5, 2))', () => deleteItems(V, slice(5, 2)), 'V'],
        ['np.delete(V, np.arange(10) % 3 == 0)', () => deleteItems(V, mask), 'V'],
        ['np.delete(A, 5)', () => deleteItems(A, 5), 'A'],
        ['np.delete(A, 0, axis=0)', () => deleteItems(A, 0, { axis: 0 }), 'A'],
        ['np.delete(A, [0, 2], axis=1)', () => deleteItems(A, [0, 2], { axis: 1 }), 'A'],
        ['np.delete(A, slice(None, None, 2), axis=2)', () => deleteItems(A, slice(null, null, 2), { axis: 2 }), 'A'],
        ['np.delete(A, np.array([True, False, True, False]), axis=-1)', () => deleteItems(A, asarray([true, false, true, false]), -1), 'A'],
        ['np.delete(T, 1, axis=1)', () => deleteItems(T, 1, { axis: 1 }), 'A'],
        ['np.delete(S, [0], axis=2)', () => deleteItems(S, [0], { axis: 2 }), 'A'],
        ['np.delete(F, 1, axis=0)', () => deleteItems(F, 1, { axis: 0 }), 'F'],
        ['np.delete(F, slice(1, 3), axis=1)', () => deleteItems(F, slice(1, 3), { axis: 1 }), 'F'],
        ['np.delete(F, slice(9, 1), axis=1)', () => deleteItems(F, slice(9, 1), { axis: 1 }), 'F'],
        ['np.delete(B, 2, axis=1)', () => deleteItems(B, 2, { axis: 1 }), 'B'],
        ['np.delete(Z, 0)', () => deleteItems(Z, 0), 'Z'],
        ['np.delete(E, 1, axis=1)', () => deleteItems(E, 1, { axis: 1 })],
        ['np.delete(U, [0, 1, 2], axis=0)', () => deleteItems(U, [0, 1, 2], { axis: 0 })],
        // A broadcast (stride-0) axis beside the deleted one: NumPy's subspace lays it innermost (fuzz seed 12038362).
        ['np.delete(np.broadcast_to(A, (2,) + A.shape), [], axis=-2)', () => deleteItems(lib.broadcastTo(A, [2, ...A.shape]), [], { axis: -2 }), 'A'],
        ['np.delete(np.broadcast_to(A, (2,) + A.shape), [0, 2], axis=2)', () => deleteItems(lib.broadcastTo(A, [2, ...A.shape]), [0, 2], { axis: 2 }), 'A'],
        // errors
        ['np.delete(V, 10)', () => deleteItems(V, 10)],
        ['np.delete(V, -11)', () => deleteItems(V, -11)],
        ['np.delete(V, [1, 10])', () => deleteItems(V, [1, 10])],
        ['np.delete(V, [1.0])', () => deleteItems(V, asarray([1.0], 'f8'))],
        ['np.delete(V, np.array([True, False]))', () => deleteItems(V, asarray([true, false]))],
        ['np.delete(A, 1, axis=3)', () => deleteItems(A, 1, { axis: 3 })],
        ['np.delete(A, 3, axis=1)', () => deleteItems(A, 3, { axis: 1 })],
      ],
      input,
    );
  });
});

describeWithNumpy('append against NumPy', () => {
  test('flattened, along an axis, promotion, errors', () => {
    expectLikeNumpy(
      [
        ['np.append(V, [7, 8])', () => append(V, [7, 8]), 'V'],
        ['np.append(A, B)', () => append(A, B)],
        ['np.append(U, [1.5])', () => append(U, [1.5])],
        ['np.append(A, A, axis=0)', () => append(A, A, { axis: 0 })],
        ['np.append(A, np.zeros((2, 1, 4), "i4"), axis=1)', () => append(A, zeros([2, 1, 4], 'i4'), { axis: 1 })],
        ['np.append(Z, Z)', () => append(Z, Z)],
        ['np.append(A, [1, 2], axis=0)', () => append(A, [1, 2], { axis: 0 })],
        ['np.append(U, U[:1], axis=2)', () => append(U, U.index(slice(null, 1)), { axis: 2 })],
      ],
      input,
    );
  });
});

describe('insert, deleteItems, append', () => {
  test('results are new arrays, never views', () => {
    const a = arange(6);
    for (const r of [insert(a, 6, []), deleteItems(a, []), deleteItems(a, slice(3, 1)), append(a, [])]) {
      expect(vals(r)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(sharesMemory(r, a)).toBe(false);
    }
  });

  test('JS lists in, and a number axis as the third/fourth argument', () => {
    expect(vals(insert([[1, 2], [3, 4]], 1, 9, 1))).toEqual([
      [1, 9, 2],
      [3, 9, 4],
    ]);
    expect(vals(deleteItems([[1, 2], [3, 4]], 0, 0))).toEqual([[3, 4]]);
    expect(() => insert(arange(3), 0, 1, { axes: 0 } as never)).toThrow(TypeError);
    expect(() => deleteItems(arange(3), 5)).toThrow(IndexError);
    // NumPy's OverflowError for a Python int that does not fit (its message is asarray's here).
    expect(() => insert(U, 1, 300, { axis: 0 })).toThrow(lib.OverflowError);
  });

  test('blocks move through the native copy kernel: one copy per run along the axis', () => {
    const a = arange(200000, 'f8').reshape(1000, 200);
    const del = captureKernels(() => deleteItems(a, 500, { axis: 0 })).calls;
    expect(del.map((c) => c.kind)).toEqual(['copy', 'copy']);
    // Rows 0-9, rows 10-599, rows 600-999 natively (the two 1.6 kB value rows go
    // by set()'s small-copy path, which the capture does not record).
    const rows = arange(400, 'f8').reshape(2, 200);
    const ins = captureKernels(() => insert(a, [10, 600], rows, { axis: 0 })).calls;
    expect(ins.map((c) => c.kind)).toEqual(['copy', 'copy', 'copy']);
  });

  test('a 1-d array with many runs is gathered natively (compress, take), with NumPy values', () => {
    const n = 100000;
    const a = arange(n, 'i8');
    const every = Array.from({ length: 1000 }, (_, i) => i * 97);
    const d = deleteItems(a, every);
    expect(d.shape).toEqual([n - 1000]);
    expect(d.get(0)).toBe(1n);
    expect(d.get(96)).toBe(98n);
    const ins = insert(a, every, -1);
    expect(ins.shape).toEqual([n + 1000]);
    expect(ins.get(0)).toBe(-1n);
    expect(ins.get(98)).toBe(-1n);
    expect(ins.get(99)).toBe(97n);
  });
});

// Ported from numpy/lib/tests/test_function_base.py (TestInsert, TestDelete, TestAppend-like cases).
describe('NumPy test_function_base: TestInsert', () => {
  test('test_basic', () => {
    const a = [1, 2, 3];
    expect(vals(insert(a, 0, 1))).toEqual([1, 1, 2, 3]);
    expect(vals(insert(a, 3, 1))).toEqual([1, 2, 3, 1]);
    expect(vals(insert(a, -1, [1, 2, 3]))).toEqual([1, 2, 1, 2, 3, 3]);
    expect(vals(insert(a, [1, 1, 1], [1, 2, 3]))).toEqual([1, 1, 2, 3, 2, 3]);
    expect(vals(insert(a, 1, [1, 2, 3]))).toEqual([1, 1, 2, 3, 2, 3]);
    expect(vals(insert(a, [1, -1, 3], 9))).toEqual([1, 9, 2, 9, 3, 9]);
    expect(vals(insert(a, slice(-1, null, -1), 9))).toEqual([9, 1, 9, 2, 9, 3]);
    expect(vals(insert(a, [-1, 1, 3], [7, 8, 9]))).toEqual([1, 8, 2, 7, 3, 9]);
    const b = asarray([0, 1], 'f8');
    expect(vals(insert(b, 0, b.get(0)))).toEqual([0, 0, 1]);
    expect(vals(insert(b, [], []))).toEqual([0, 1]);
  });

  test('test_multidim', () => {
    const a = [[1, 1, 1]];
    const r = [[2, 2, 2], [1, 1, 1]];
    expect(vals(insert(a, 0, [1]))).toEqual([1, 1, 1, 1]);
    expect(vals(insert(a, 0, [2, 2, 2], { axis: 0 }))).toEqual(r);
    expect(vals(insert(a, 0, 2, { axis: 0 }))).toEqual(r);
    expect(vals(insert(a, 2, 2, { axis: 1 }))).toEqual([[1, 1, 2, 1]]);
    const b2 = asarray([[1, 1], [2, 2], [3, 3]]);
    const b = [[1, 1, 1], [2, 2, 2], [3, 3, 3]];
    const c = [[1, 1, 2, 3, 1], [2, 1, 2, 3, 2], [3, 1, 2, 3, 3]];
    expect(vals(insert(b2, [1], [[1], [2], [3]], { axis: 1 }))).toEqual(b);
    expect(vals(insert(b2, [1], [1, 2, 3], { axis: 1 }))).toEqual(c);
    // scalars behave differently, in this case exactly opposite:
    expect(vals(insert(b2, 1, [1, 2, 3], { axis: 1 }))).toEqual(b);
    expect(vals(insert(b2, 1, [[1], [2], [3]], { axis: 1 }))).toEqual(c);
    const q = arange(4).reshape(2, 2);
    expect(vals(insert(q.index(slice(), slice(null, 1)), 1, q.index(slice(), 1), { axis: 1 }))).toEqual(vals(q));
    expect(vals(insert(q.index(slice(null, 1), slice()), 1, q.index(1, slice()), { axis: 0 }))).toEqual(vals(q));
    // negative axis value
    const d = arange(24).reshape(2, 3, 4);
    expect(vals(insert(d, 1, d.index(slice(), slice(), 3), { axis: -1 }))).toEqual(vals(insert(d, 1, d.index(slice(), slice(), 3), { axis: 2 })));
    expect(vals(insert(d, 1, d.index(slice(), 2, slice()), { axis: -2 }))).toEqual(vals(insert(d, 1, d.index(slice(), 2, slice()), { axis: 1 })));
    expect(() => insert(q, 1, 1, { axis: 2 })).toThrow(lib.AxisError);
  });

  test('test_0d', () => {
    const a = asarray(1);
    expect(() => insert(a, [], 2, { axis: 0 })).toThrow(lib.AxisError);
  });

  test('test_index_array_copied', () => {
    const x = asarray([1, 1, 1]);
    insert([0, 1, 2], x, [3, 4, 5]);
    expect(vals(x)).toEqual([1, 1, 1]);
  });

  test('test_index_floats', () => {
    expect(() => insert([0, 1, 2], asarray([1.0, 2.0], 'f8'), [10, 20])).toThrow(IndexError);
    expect(() => insert([0, 1, 2], asarray([], 'f8'), [])).toThrow(IndexError);
  });

  test('test_dtype', () => {
    const a = asarray([1, 2, 3], 'i1');
    expect(insert(a, 0, 5.7).dtype.str).toBe('|i1');
    expect(vals(insert(a, 0, 5.7))).toEqual([5, 1, 2, 3]);
  });
});

describe('NumPy test_function_base: TestDelete', () => {
  const a = arange(5);
  const nd = [a, a.reshape(1, 5)];
  test('test_slices', () => {
    for (const [start, stop, step] of [
      [-3, 3, 1],
      [0, 5, 2],
      [-2, -1, 3],
      [3, 0, -1],
    ]) {
      for (const x of nd) {
        const r = deleteItems(x, slice(start, stop, step), { axis: x.ndim - 1 });
        // Python's range(*slice(start, stop, step).indices(5)).
        const dropped = new Set<number>();
        const lo = start < 0 ? start + 5 : start;
        const hi = stop < 0 ? stop + 5 : stop;
        for (let i = lo; step > 0 ? i < hi : i > hi; i += step) dropped.add(i);
        const want = [0, 1, 2, 3, 4].filter((i) => !dropped.has(i));
        expect((r.reshape(-1).toArray() as number[]).map(Number)).toEqual(want);
      }
    }
  });

  test('test_fancy', () => {
    expect(vals(deleteItems(a, [0, 2, 4]))).toEqual([1, 3]);
    expect(() => deleteItems(a, [100])).toThrow(IndexError);
    expect(() => deleteItems(a, [-100])).toThrow(IndexError);
    expect(vals(deleteItems(a, asarray([false, true, false, false, false])))).toEqual([0, 2, 3, 4]);
    // not broadcast over other axes
    expect(() => deleteItems(a, asarray([true]))).toThrow(lib.ValueError);
    expect(() => deleteItems(a, asarray([false, true, false, false, false, false]))).toThrow(lib.ValueError);
  });

  test('test_single', () => {
    expect(vals(deleteItems(a, 0))).toEqual([1, 2, 3, 4]);
    expect(vals(deleteItems(a, -1))).toEqual([0, 1, 2, 3]);
    expect(vals(deleteItems(a, asarray(0)))).toEqual([1, 2, 3, 4]);
  });

  test('test_0d', () => {
    expect(() => deleteItems(asarray(1), 0, { axis: 0 })).toThrow(lib.AxisError);
  });

  test('test_index_floats', () => {
    expect(() => deleteItems([0, 1, 2], asarray([1.0, 2.0], 'f8'))).toThrow(IndexError);
    expect(() => deleteItems([0, 1, 2], asarray([], 'f8'))).toThrow(IndexError);
  });
});

describeWithNumpy('insert with a boolean obj that is not an array (parity pass 6)', () => {
  test("a list of booleans or a bool is NumPy 2.4's AttributeError ('list' object has no attribute 'ndim'); a bool array is a mask", () => {
    const { runNumpy } = numpyHelpers;
    const want = runNumpy<string[]>(`
out = []
for o in [[True, False, True], True]:
    try:
        np.insert(np.array([1, 2, 3]), o, 9)
        out.append('no error')
    except AttributeError as e:
        out.append(str(e))
print(json.dumps(out))
`);
    const a = asarray([1, 2, 3], '<i8');
    expect(() => insert(a, [true, false, true], 9)).toThrow(new TypeError(want[0]));
    expect(() => insert(a, true, 9)).toThrow(new TypeError(want[1]));
    const viaMask = insert(a, asarray([true, false, true], '|b1'), 9).toArray();
    expect(viaMask).toEqual(insert(a, [0, 2], 9).toArray());
  });
});
