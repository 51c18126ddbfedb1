// NumPy's own numpy/lib/tests/test_shape_base.py (NumPy 2.4): classes
// TestTakeAlongAxis, TestPutAlongAxis, TestKron and TestTile.test_kroncompare (the file's other classes are
// in lib-test_shape_base.test.ts and test_shape_functions.test.ts), ported test
// by test: same names, same intent, the same values, shapes and errors.
//
// Mapping: np.take_along_axis / np.put_along_axis -> takeAlongAxis / putAlongAxis
// (NdArray operands); np.kron -> kron; NumPy's `_add_keepdims(f)` helper -> the
// same wrapper over min/max/argmin/argmax; np.random.rand(3, 4, 5) -> the suite's
// seeded generator (the test compares two library results, no NumPy target).
//
// Skipped (not counted as passing):
// - TestKron.test_return_type, test_kron_smoke's np.asmatrix case, test_kron_ma:
//   ndarray subclasses, np.matrix and masked arrays do not exist here (the asarray
//   case of test_kron_smoke is ported).
import { argmax, argmin, argsort, AxisError, IndexError, kron, max, min, NdArray, ones, putAlongAxis, sort, takeAlongAxis, tile, ValueError, zeros, arange } from '../../lib';
import { arr, vals } from '../helpers/np-port';
import { rng } from '../helpers/bytes';


type AxisFn = (a: NdArray, axis: number | null) => NdArray;
/** NumPy's _add_keepdims: the reduced axis put back (axis 0 for axis=None). */
const addKeepdims = (f: AxisFn): AxisFn => (a, axis) => f(a, axis).expandDims(axis ?? 0);

describe('TestTakeAlongAxis', () => {
  test('test_argequivalent', () => {
    const r = rng(7);
    const a = zeros([3, 4, 5]);
    a.reshape(-1).set(Array.from({ length: a.size }, () => r()));
    const funcs: [AxisFn, AxisFn][] = [
      [(x, axis) => sort(x, { axis }), (x, axis) => argsort(x, { axis })],
      [addKeepdims((x, axis) => min(x, axis)), addKeepdims((x, axis) => argmin(x, axis))],
      [addKeepdims((x, axis) => max(x, axis)), addKeepdims((x, axis) => argmax(x, axis))],
    ];
    for (const [func, argfunc] of funcs) {
      for (const axis of [0, 1, 2, null]) {
        const aFunc = func(a, axis);
        const aiFunc = argfunc(a, axis);
        const got = takeAlongAxis(a, aiFunc, axis);
        expect(got.shape).toEqual(aFunc.shape);
        expect(vals(got)).toEqual(vals(aFunc));
      }
    }
  });

  test('test_invalid', () => {
    const a = ones([10, 10]);
    const ai = ones([10, 2], 'i8');
    takeAlongAxis(a, ai, 1);
    expect(() => takeAlongAxis(a, arr(1), 1)).toThrow(ValueError);
    expect(() => takeAlongAxis(a, ai.astype('?'), 1)).toThrow(IndexError);
    expect(() => takeAlongAxis(a, ai.astype('f8'), 1)).toThrow(IndexError);
    expect(() => takeAlongAxis(a, ai, 10)).toThrow(AxisError);
    expect(() => takeAlongAxis(a, ai, null)).toThrow(ValueError);
  });

  test('test_empty', () => {
    const a = ones([3, 4, 5]);
    const ai = ones([3, 0, 5], 'i8');
    expect(takeAlongAxis(a, ai, 1).shape).toEqual(ai.shape);
  });

  test('test_broadcast', () => {
    const a = ones([3, 4, 1]);
    const ai = ones([1, 2, 5], 'i8');
    expect(takeAlongAxis(a, ai, 1).shape).toEqual([3, 2, 5]);
  });
});

describe('TestPutAlongAxis', () => {
  test('test_replace_max', () => {
    const aBase = arr([[10, 30, 20], [60, 40, 50]]);
    for (const axis of [0, 1, null]) {
      const a = aBase.copy();
      const iMax = addKeepdims((x, ax) => argmax(x, ax))(a, axis);
      putAlongAxis(a, iMax, -99, axis);
      const iMin = addKeepdims((x, ax) => argmin(x, ax))(a, axis);
      expect(vals(iMin)).toEqual(vals(iMax));
    }
  });

  test('test_broadcast', () => {
    const a = ones([3, 4, 1]);
    const ai = arange(10, 'i8').reshape(1, 2, 5).remainder(4);
    putAlongAxis(a, ai, 20, 1);
    const got = takeAlongAxis(a, ai, 1);
    expect(got.shape).toEqual([3, 2, 5]);
    for (const x of vals(got.ravel()) as number[]) expect(x).toBe(20);
  });

  test('test_invalid', () => {
    const aBase = arr([[10, 30, 20], [60, 40, 50]]);
    const idx = arr([[0], [1]]);
    const values = arr([[2], [1]]);
    let a = aBase.copy();
    putAlongAxis(a, idx, values, 0);
    expect(vals(a)).toEqual([[2, 2, 2], [1, 1, 1]]);
    a = aBase.copy();
    expect(() => putAlongAxis(a, idx, values, null)).toThrow(ValueError);
    expect(() => putAlongAxis(a, idx, values, null)).toThrow('single dimension');
  });
});

describe('TestKron', () => {
  test('test_basic', () => {
    let a = arr(1);
    let b = arr([[1, 2], [3, 4]]);
    let k = [[1, 2], [3, 4]];
    expect(vals(kron(a, b))).toEqual(k);
    a = arr([[1, 2], [3, 4]]);
    b = arr(1);
    expect(vals(kron(a, b))).toEqual(k);

    a = arr([3]);
    b = arr([[1, 2], [3, 4]]);
    k = [[3, 6], [9, 12]];
    expect(vals(kron(a, b))).toEqual(k);
    a = arr([[1, 2], [3, 4]]);
    b = arr([3]);
    expect(vals(kron(a, b))).toEqual(k);

    a = arr([[[1]], [[2]]]);
    b = arr([[1, 2], [3, 4]]);
    const k3 = [[[1, 2], [3, 4]], [[2, 4], [6, 8]]];
    expect(vals(kron(a, b))).toEqual(k3);
    a = arr([[1, 2], [3, 4]]);
    b = arr([[[1]], [[2]]]);
    expect(vals(kron(a, b))).toEqual(k3);
  });

  test('test_kron_smoke(asarray)', () => {
    const k = kron(ones([3, 3]), ones([3, 3]));
    expect(k.shape).toEqual([9, 9]);
    expect(vals(k)).toEqual(vals(ones([9, 9])));
  });

  const shapes: [number[], number[]][] = [
    [[1, 1], [1, 1]], [[1, 2, 3], [4, 5, 6]], [[2, 2], [2, 2, 2]], [[1, 0], [1, 1]], [[2, 0, 2], [2, 2]], [[2, 0, 0, 2], [2, 0, 2]],
  ];
  test.each(shapes)('test_kron_shape(%j, %j)', (sa, sb) => {
    const na = [...new Array<number>(Math.max(0, sb.length - sa.length)).fill(1), ...sa];
    const nb = [...new Array<number>(Math.max(0, sa.length - sb.length)).fill(1), ...sb];
    expect(kron(ones(sa), ones(sb)).shape).toEqual(na.map((n, i) => n * nb[i]));
  });
});

describe('TestTile', () => {
  test('test_kroncompare', () => {
    // randint(0, 10, size=s) -> the suite's seeded generator
    const r = rng(11);
    const reps = [[2], [1, 2], [2, 1], [2, 2], [2, 3, 2], [3, 2]];
    const shapes = [[3], [2, 3], [3, 4, 3], [3, 2, 3], [4, 3, 2, 4], [2, 2]];
    for (const s of shapes) {
      const b = zeros(s, 'i8');
      b.reshape(-1).set(Array.from({ length: b.size }, () => Math.floor(r() * 10)));
      for (const rep of reps) {
        const a = ones(rep, b.dtype);
        const large = tile(b, rep);
        const klarge = kron(a, b);
        expect(klarge.shape).toEqual(large.shape);
        expect(vals(klarge)).toEqual(vals(large));
      }
    }
  });
});
