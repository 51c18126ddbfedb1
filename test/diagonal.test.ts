// The diagonal/triangle family against NumPy (lib/twodim_base, diagonal):
// values, dtypes, shapes, strides, view-or-copy, errors; the read-only
// diagonal view; fillDiagonal in place.
import * as lib from '../lib';
import { AccessError, AxisError, ValueError } from '../lib/errors';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { expectLikeNumpy, inputs } from './helpers/np-shape';

const m = lib;

describeWithNumpy('diagonal family against NumPy', () => {
  const I = inputs(lib);
  const { A, B, T, S, E, U, F, V, Z } = I;
  test('diagonal: views with offset and axes, read-only; errors', () => {
    expectLikeNumpy(
      [
        ['np.diagonal(U)', () => m.diagonal(U), 'U'],
        ['np.diagonal(U, 1)', () => m.diagonal(U, 1), 'U'],
        ['np.diagonal(U, -2)', () => m.diagonal(U, -2), 'U'],
        ['np.diagonal(U, 7)', () => m.diagonal(U, 7)],
        ['np.diagonal(U, -3)', () => m.diagonal(U, -3)],
        ['np.diagonal(A)', () => m.diagonal(A), 'A'],
        ['np.diagonal(A, 1, 1, 2)', () => m.diagonal(A, 1, 1, 2), 'A'],
        ['np.diagonal(A, 0, -1, 0)', () => m.diagonal(A, 0, -1, 0), 'A'],
        ['np.diagonal(T, -1, 2, 0)', () => m.diagonal(T, -1, 2, 0), 'A'],
        ['np.diagonal(S, 0, 2, 1)', () => m.diagonal(S, 0, 2, 1), 'A'],
        ['np.diagonal(F, 1)', () => m.diagonal(F, 1), 'F'],
        ['B.diagonal()', () => B.diagonal(), 'B'],
        ['np.diagonal(E)', () => m.diagonal(E)],
        ['np.diagonal(V)', () => m.diagonal(V)],
        ['np.diagonal(A, 0, 1, 1)', () => m.diagonal(A, 0, 1, 1)],
        ['np.diagonal(A, 0, 0, 3)', () => m.diagonal(A, 0, 0, 3)],
      ],
      I,
    );
  });

  test('diag, diagflat, trace', () => {
    expectLikeNumpy(
      [
        ['np.diag(V)', () => m.diag(V)],
        ['np.diag(V[:3], 2)', () => m.diag(V.index(lib.slice(0, 3)), 2)],
        ['np.diag(B[0], -1)', () => m.diag(B.index(0), -1)],
        ['np.diag(U, 1)', () => m.diag(U, 1), 'U'],
        ['np.diag(A)', () => m.diag(A)],
        ['np.diag(Z)', () => m.diag(Z)],
        ['np.diag(E[0])', () => m.diag(E.index(0))],
        ['np.diagflat(U)', () => m.diagflat(U)],
        ['np.diagflat(B, -2)', () => m.diagflat(B, -2)],
        ['np.trace(U)', () => m.trace(U)],
        ['np.trace(U, 1)', () => m.trace(U, 1)],
        ['np.trace(A, 0, 1, 2)', () => m.trace(A, 0, 1, 2)],
        ['np.trace(A, -1, 2, 0, dtype=np.float32)', () => m.trace(A, -1, 2, 0, { dtype: 'f4' })],
        ['np.trace(B)', () => m.trace(B)],
        ['np.trace(E)', () => m.trace(E)],
        ['U.trace()', () => U.trace()],
        ['np.trace(V)', () => m.trace(V)],
      ],
      I,
    );
  });

  test('tri, tril, triu and their indices', () => {
    expectLikeNumpy(
      [
        ['np.tri(3)', () => m.tri(3)],
        ['np.tri(3, 5, 2, dtype=np.int8)', () => m.tri(3, 5, 2, 'i1')],
        ['np.tri(4, 2, -1, dtype=bool)', () => m.tri(4, 2, -1, 'b1')],
        ['np.tri(0)', () => m.tri(0)],
        ['np.tril(U)', () => m.tril(U)],
        ['np.tril(U, -1)', () => m.tril(U, -1)],
        ['np.triu(U, 2)', () => m.triu(U, 2)],
        ['np.tril(A, 1)', () => m.tril(A, 1)],
        ['np.triu(T)', () => m.triu(T)],
        ['np.triu(F, -1)', () => m.triu(F, -1)],
        ['np.tril(B)', () => m.tril(B)],
        ['np.triu(V[:4])', () => m.triu(V.index(lib.slice(0, 4)))],
        ['np.tril(E)', () => m.tril(E)],
        ['np.tril_indices(3)', () => m.trilIndices(3)],
        ['np.tril_indices(3, 1, 5)', () => m.trilIndices(3, 1, 5)],
        ['np.triu_indices(4)', () => m.triuIndices(4)],
        ['np.triu_indices(4, -1, 2)', () => m.triuIndices(4, -1, 2)],
        ['np.triu_indices(0)', () => m.triuIndices(0)],
        ['np.diag_indices(3)', () => m.diagIndices(3)],
        ['np.diag_indices(2, 4)', () => m.diagIndices(2, 4)],
      ],
      I,
    );
  });

  test('fillDiagonal in place: wrap, values repeated, n-d', () => {
    const run = (shape: number[], val: unknown, wrap: boolean): lib.NdArray => {
      const a = m.zeros(shape, 'i4');
      m.fillDiagonal(a, val, wrap);
      return a;
    };
    expectLikeNumpy(
      [
        ['(lambda a: (np.fill_diagonal(a, 5), a)[1])(np.zeros((3, 3), "i4"))', () => run([3, 3], 5, false)],
        ['(lambda a: (np.fill_diagonal(a, [1, 2]), a)[1])(np.zeros((7, 3), "i4"))', () => run([7, 3], [1, 2], false)],
        ['(lambda a: (np.fill_diagonal(a, [1, 2], wrap=True), a)[1])(np.zeros((7, 3), "i4"))', () => run([7, 3], [1, 2], true)],
        ['(lambda a: (np.fill_diagonal(a, 4), a)[1])(np.zeros((3, 5), "i4"))', () => run([3, 5], 4, false)],
        ['(lambda a: (np.fill_diagonal(a, 9), a)[1])(np.zeros((3, 3, 3), "i4"))', () => run([3, 3, 3], 9, false)],
        ['(lambda a: (np.fill_diagonal(a, 9), a)[1])(np.zeros((3, 3, 2), "i4"))', () => run([3, 3, 2], 9, false)],
        ['(lambda a: (np.fill_diagonal(a, 9), a)[1])(np.zeros(3, "i4"))', () => run([3], 9, false)],
      ],
      I,
    );
  });

  test('fillDiagonal takes wrap as it is or as { wrap } ({ wrap: false } does not wrap)', () => {
    const tall = (wrap: boolean | { wrap?: boolean }): unknown => {
      const a = m.zeros([5, 2], 'i4');
      m.fillDiagonal(a, 1, wrap);
      return a.toArray();
    };
    expect(tall({ wrap: false })).toEqual(tall(false));
    expect(tall({ wrap: true })).toEqual(tall(true));
    expect(tall({})).toEqual([[1, 0], [0, 1], [0, 0], [0, 0], [0, 0]]);
    expect(tall({ wrap: true })).toEqual([[1, 0], [0, 1], [0, 0], [1, 0], [0, 1]]);
    expect(() => tall({ warp: true } as never)).toThrow("fillDiagonal() got an unexpected keyword argument 'warp'");
  });
});

test('the diagonal view is read-only for good and follows its base', () => {
  const a = m.arange(9, 'f8').reshape(3, 3);
  const d = m.diagonal(a);
  expect(d.flags.writeable).toBe(false);
  expect(() => d.set(0)).toThrow(AccessError);
  expect(() => {
    d.flags.writeable = true;
  }).toThrow(ValueError);
  a.index(1, 1).set(40);
  expect(d.toArray()).toEqual([0, 40, 8]);
  expect(m.sharesMemory(d, a)).toBe(true);
  expect(m.diag(a)).toBeInstanceOf(lib.NdArray);
});

test('diagonal axes: AxisError names the argument', () => {
  expect(() => m.diagonal(m.zeros([2, 2]), 0, 2)).toThrow(AxisError);
  expect(() => m.diagonal(m.zeros([2, 2]), 0, 2)).toThrow('axis1: axis 2 is out of bounds for array of dimension 2');
  expect(() => m.diagonal(m.zeros([2, 2]), 0.5)).toThrow(TypeError);
});

test('fillDiagonal refuses read-only and closed arrays before writing', () => {
  const a = m.zeros([3, 3]);
  const ro = m.broadcastTo(a, [3, 3]);
  expect(() => m.fillDiagonal(ro, 1)).toThrow(AccessError);
  expect((a.toArray() as number[][]).flat().every((x) => x === 0)).toBe(true);
  expect(() => m.fillDiagonal(m.zeros([3, 4, 3]), 1)).toThrow('All dimensions of input must be of equal length');
});

test('ported from NumPy test_twodim_base: TestTri, TestTril/Triu on stacks, TestDiag', () => {
  // test_tril_triu_ndim3: a stack of matrices works matrix by matrix.
  const a = m.asarray([[[1, 1], [1, 0]], [[1, 1], [1, 0]], [[1, 1], [0, 0]]], 'u1');
  expect(m.triu(a).toArray()).toEqual([[[1, 1], [0, 0]], [[1, 1], [0, 0]], [[1, 1], [0, 0]]]);
  expect(m.tril(a).toArray()).toEqual([[[1, 0], [1, 0]], [[1, 0], [1, 0]], [[1, 0], [0, 0]]]);
  expect(m.triu(a).dtype.str).toBe('|u1');
  // TestTri.test_dtype
  expect(m.tri(3, null, 0, 'b1').toArray()).toEqual([[true, false, false], [true, true, false], [true, true, true]]);
  // TestDiag.test_diag_bounds
  expect(m.diag(m.asarray([[1, 2], [3, 4]]), 2).shape).toEqual([0]);
  expect(m.diag(m.asarray([[1, 2], [3, 4]]), -2).shape).toEqual([0]);
  // test_tril_indices: the indices select the lower triangle.
  const b = m.arange(1, 17).reshape(4, 4);
  const [r, c] = m.trilIndices(4);
  const vals = (r.toArray() as bigint[]).map((ri, i) => b.get(Number(ri), Number(c.get(i))));
  expect(vals).toEqual([1n, 5n, 6n, 9n, 10n, 11n, 13n, 14n, 15n, 16n]);
});

describeWithNumpy('diagonal: where an empty diagonal starts (NumPy moves the start whenever the raw length is >= 0)', () => {
  test('byte offsets of diagonal(offset) for shapes (1, 2) and (3, 2) against NumPy', () => {
    const cases: [number[], number][] = [];
    for (const shape of [[1, 2], [3, 2]]) for (let k = -4; k <= 3; k++) cases.push([shape, k]);
    const want = runNumpy<[number[], number][]>(`
out = []
for shape, k in json.loads(sys.stdin.read()):
    a = np.zeros(shape, complex)
    d = np.diagonal(a, k)
    out.append([list(d.shape), d.__array_interface__['data'][0] - a.__array_interface__['data'][0]])
print(json.dumps(out))`, JSON.stringify(cases));
    const got = cases.map(([shape, k]) => {
      const d = m.diagonal(m.zeros(shape, '<c16'), k);
      return [[...d.shape], d.offset];
    });
    expect(got).toEqual(want);
  });
});

describeWithNumpy('tril/triu of a 0-d input: NumPy\'s TypeError from tri(*m.shape[-2:])', () => {
  test('same class and message as NumPy', () => {
    const want = runNumpy<string[]>(`
out = []
for f in (np.tril, np.triu):
    try:
        f(np.ones(()))
    except Exception as e:
        out.append(type(e).__name__ + ': ' + str(e))
print(json.dumps(out))`);
    const got = [m.tril, m.triu].map((f) => {
      try {
        f(m.ones([]));
        return 'no error';
      } catch (e) {
        return `${(e as Error).name}: ${(e as Error).message}`;
      }
    });
    expect(got).toEqual(want);
  });
});

describeWithNumpy('trilIndices/triuIndices written row by row, against NumPy', () => {
  test('every n, m, k of a small grid (negative and past-the-edge k, empty rows and columns)', () => {
    const cases: [number, number, number | null][] = [];
    for (const n of [0, 1, 2, 3, 5]) for (const mm of [null, 0, 1, 3, 6]) for (const k of [-7, -3, -1, 0, 1, 2, 4, 9]) cases.push([n, k, mm]);
    const want = runNumpy<number[][][][]>(`
out = []
for n, k, mm in json.loads(sys.stdin.read()):
    out.append([[x.tolist() for x in np.tril_indices(n, k, mm)], [x.tolist() for x in np.triu_indices(n, k, mm)]])
print(json.dumps(out))`, JSON.stringify(cases));
    const got = cases.map(([n, k, mm]) => [m.trilIndices(n, k, mm), m.triuIndices(n, k, mm)].map((p) => p.map((a) => {
      expect(a.dtype.str).toBe('<i8');
      return (a.toArray() as bigint[]).map(Number);
    })));
    expect(got).toEqual(want);
  });
});

describe('trilIndices/triuIndices past what an array holds', () => {
  test('a MemoryError (a RangeError) naming the count, before anything is allocated', () => {
    const rss = process.memoryUsage().rss;
    expect(() => m.triuIndices(70000)).toThrow(new lib.MemoryError('triuIndices(): n = 70000, m = 70000, k = 0 has 2450035000 indices: two int64 arrays of 19600280000 bytes (18.3 GiB) each; an array in memory holds at most 4 GiB'));
    expect(() => m.trilIndices(65536, 0)).toThrow(RangeError);
    expect(() => m.trilIndices(65536, 0)).toThrow(/has 2147516416 indices/);
    expect(process.memoryUsage().rss - rss).toBeLessThan(2 ** 28);
  });
  test('huge n with a far diagonal: the few indices, past 2^32, without a walk over every row', () => {
    const [r, c] = m.trilIndices(2 ** 40, -(2 ** 40) + 2);
    expect(r.toArray()).toEqual([2n ** 40n - 2n, 2n ** 40n - 1n, 2n ** 40n - 1n]);
    expect(c.toArray()).toEqual([0n, 0n, 1n]);
    expect(m.triuIndices(2 ** 40, 2 ** 40 - 3, 3)[0].shape).toEqual([0]);
  });
});

describeWithNumpy('fillDiagonal of an empty array still converts a JS value (fuzz seeds 3005136 3024904)', () => {
  test('error classes as NumPy (a.flat[:0] = val converts Python values, casts arrays unsafely)', () => {
    const cases: [string, string, unknown, string][] = [
      ['<i4', 'float("-inf")', -Infinity, ''],
      ['<i4', '1.5', 1.5, ''],
      ['<i4', '2**40', 2 ** 40, ''],
      ['<i4', '[float("inf")]', [Infinity], ''],
      ['<i4', '[]', [], ''],
      ['<i4', 'np.array([np.inf])', 'arr', ''],
      ['|u1', '-1', -1, ''],
      ['|u1', '300', 300, ''],
      ['>f4', '1+0.5j', { re: 1, im: 0.5 }, ''],
      ['<f8', '2.5', 2.5, ''],
    ];
    const want = runNumpy<string[]>(`
import warnings
warnings.simplefilter('ignore')
out = []
for dt, v in ${JSON.stringify(cases.map((c) => [c[0], c[1]]))}:
    try:
        np.fill_diagonal(np.zeros((0, 2), dt), eval(v))
        out.append('ok')
    except Exception as e:
        out.append(type(e).__name__)
print(json.dumps(out))`);
    const got = cases.map(([dt, , v]) => {
      try {
        m.fillDiagonal(m.zeros([0, 2], dt), v === 'arr' ? m.asarray([Infinity]) : v);
        return 'ok';
      } catch (e) {
        return (e as Error).name;
      }
    });
    expect(got).toEqual(want);
  });
});
