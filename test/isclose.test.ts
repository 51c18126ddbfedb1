// lib/isclose.ts: isclose, allclose, arrayEqual, arrayEquiv against NumPy
// (values, dtype, broadcasting, complex, integers without overflow, NaN and
// inf), and NumPy's own tests (test_numeric.py TestIsclose, TestAllclose,
// test_array_equal, test_array_equiv) ported.
import { add, multiply, allclose, arange, arrayEqual, arrayEquiv, asarray, isclose, ValueError } from '../lib';
import * as mm from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { expectCasesLikeNumpy, type Case } from './helpers/np-compare';
import { vals } from './helpers/np-array';

const B = (x: boolean) => asarray(x);

describeWithNumpy('isclose and friends against NumPy', () => {
  test('values, dtypes, broadcasting, tolerances, NaN, inf, complex, ints', () => {
    const cases: Case[] = [
      { py: 'np.isclose([1e10, 1e-7], [1.00001e10, 1e-8])', js: () => isclose([1e10, 1e-7], [1.00001e10, 1e-8]) },
      { py: 'np.isclose([1e10, 1e-8], [1.00001e10, 1e-9])', js: () => isclose([1e10, 1e-8], [1.00001e10, 1e-9]) },
      { py: 'np.isclose([1.0, np.nan], [1.0, np.nan])', js: () => isclose([1.0, NaN], [1.0, NaN]) },
      { py: 'np.isclose([1.0, np.nan], [1.0, np.nan], equal_nan=True)', js: () => isclose([1.0, NaN], [1.0, NaN], { equalNan: true }) },
      { py: 'np.isclose([1e-100, 1e-7], [0.0, 0.0], atol=0.0)', js: () => isclose([1e-100, 1e-7], [0.0, 0.0], { atol: 0.0 }) },
      { py: 'np.isclose([1e-10, 1e-10], [1e-20, 0.999999e-10], atol=0.0)', js: () => isclose([1e-10, 1e-10], [1e-20, 0.999999e-10], { atol: 0.0 }) },
      { py: 'np.isclose(np.array([-128, 127, 5], "i1"), np.array([127, -128, 5], "i1"))', js: () => isclose(asarray([-128, 127, 5], 'i1'), asarray([127, -128, 5], 'i1')) },
      { py: 'np.isclose(np.array([2**62, 3], "i8"), np.array([-2**62, 3], "i8"))', js: () => isclose(asarray([2n ** 62n, 3n], 'i8'), asarray([-(2n ** 62n), 3n], 'i8')) },
      { py: 'np.isclose(np.array([0, 255], "u1"), 255)', js: () => isclose(asarray([0, 255], 'u1'), 255) },
      { py: 'np.isclose(np.array([1, 2], "i1"), 1)', js: () => isclose(asarray([1, 2], 'i1'), 1) },
      { py: 'np.isclose(np.array([1, 1.00001], "f4"), 1)', js: () => isclose(asarray([1, 1.00001], 'f4'), 1) },
      // b a Python int: NumPy's float(b), a weak float, so a float32/float16 a keeps its precision (test_nep50_isclose)
      { py: 'np.isclose(np.array([1 - 2**-52, 1.5], "f4"), 2, atol=0, rtol=(1 - 2**-52) / 2)', js: () => isclose(asarray([1 - 2 ** -52, 1.5], 'f4'), 2, { atol: 0, rtol: (1 - 2 ** -52) / 2 }) },
      { py: 'np.isclose(np.array([1000.3, 999], "f2"), 1000, atol=0, rtol=0)', js: () => isclose(asarray([1000.3, 999], 'f2'), 1000, { atol: 0, rtol: 0 }) },
      { py: 'np.isclose(np.array([1000.3, 999], "f2"), True, atol=np.array([999.5, 1], "f2"), rtol=0)', js: () => isclose(asarray([1000.3, 999], 'f2'), true, { atol: asarray([999.5, 1], 'f2'), rtol: 0 }) },
      { py: 'np.isclose(np.array([16777217, 3], "i8"), 16777216, atol=0, rtol=np.float32(0))', js: () => isclose(asarray([16777217, 3], 'i8'), 16777216, { atol: 0, rtol: asarray(0, 'f4') }) },
      { py: 'np.isclose(np.array([1+1e-8j, 2], "c8"), 1, atol=0, rtol=1e-9)', js: () => isclose(asarray([{ re: 1, im: 1e-8 }, 2], 'c8'), 1, { atol: 0, rtol: 1e-9 }) },
      { py: 'np.asarray(np.isclose(3, 3, atol=0, rtol=0))', js: () => isclose(3, 3, { atol: 0, rtol: 0 }) },
      { py: 'np.isclose(np.array([1, 1.00001], "f4"), np.float32(1), rtol=1e-6)', js: () => isclose(asarray([1, 1.00001], 'f4'), asarray(1, 'f4'), { rtol: 1e-6 }) },
      { py: 'np.isclose(np.array([[1.0], [2.0]]), np.array([1.0, 2.0, 3.0]))', js: () => isclose(asarray([[1.0], [2.0]]), asarray([1.0, 2.0, 3.0])) },
      { py: 'np.isclose([np.inf, -np.inf, np.inf, 1.0], [np.inf, np.inf, 1.0, np.inf])', js: () => isclose([Infinity, -Infinity, Infinity, 1.0], [Infinity, Infinity, 1.0, Infinity]) },
      { py: 'np.isclose(np.array([1+1j, 1+1e-9j, np.nan*1j]), np.array([1+1j, 1, np.nan*1j]), equal_nan=True)', js: () => isclose(asarray([{ re: 1, im: 1 }, { re: 1, im: 1e-9 }, { re: NaN, im: NaN }], 'c16'), asarray([{ re: 1, im: 1 }, { re: 1, im: 0 }, { re: NaN, im: NaN }], 'c16'), { equalNan: true }) },
      { py: 'np.isclose(np.array([1, 2, 3.0]), np.array([1.1, 2.2, 3.3]), rtol=np.array([0.2, 0.05, 0.2]))', js: () => isclose(asarray([1, 2, 3.0]), asarray([1.1, 2.2, 3.3]), { rtol: asarray([0.2, 0.05, 0.2]) }) },
      { py: 'np.isclose(np.array([True, False]), np.array([True, True]))', js: () => isclose(asarray([true, false]), asarray([true, true])) },
      { py: 'np.asarray(np.isclose(1, 1.0000001))', js: () => isclose(1, 1.0000001) },
      { py: 'np.asarray(np.isclose(np.float16(1), np.float16(1.001)))', js: () => isclose(asarray(1, 'f2'), asarray(1.001, 'f2')) },
      { py: 'np.isclose(np.ones(2), np.ones(3))', js: () => isclose(asarray([1, 1]), asarray([1, 1, 1])) },
      { py: 'np.asarray(np.allclose([1e10, 1e-8], [1.00001e10, 1e-9]))', js: () => B(allclose([1e10, 1e-8], [1.00001e10, 1e-9])) },
      { py: 'np.asarray(np.allclose([1e10, 1e-7], [1.00001e10, 1e-8]))', js: () => B(allclose([1e10, 1e-7], [1.00001e10, 1e-8])) },
      { py: 'np.asarray(np.allclose([1.0, np.nan], [1.0, np.nan], equal_nan=True))', js: () => B(allclose([1.0, NaN], [1.0, NaN], { equalNan: true })) },
      { py: 'np.asarray(np.array_equal([1, 2], [1, 2]))', js: () => B(arrayEqual([1, 2], [1, 2])) },
      { py: 'np.asarray(np.array_equal(np.array([1, 2]), np.array([1, 2], "f4")))', js: () => B(arrayEqual(asarray([1, 2]), asarray([1, 2], 'f4'))) },
      { py: 'np.asarray(np.array_equal([1, 2], [1, 2, 3]))', js: () => B(arrayEqual([1, 2], [1, 2, 3])) },
      { py: 'np.asarray(np.array_equal([1, 2], [[1, 2]]))', js: () => B(arrayEqual([1, 2], [[1, 2]])) },
      { py: 'np.asarray(np.array_equal([1, np.nan], [1, np.nan]))', js: () => B(arrayEqual([1, NaN], [1, NaN])) },
      { py: 'np.asarray(np.array_equal([1, np.nan], [1, np.nan], equal_nan=True))', js: () => B(arrayEqual([1, NaN], [1, NaN], { equalNan: true })) },
      { py: 'np.asarray(np.array_equal([np.nan, 1], [1, np.nan], equal_nan=True))', js: () => B(arrayEqual([NaN, 1], [1, NaN], { equalNan: true })) },
      { py: 'np.asarray(np.array_equal(np.array([1+1j, np.nan+1j]), np.array([1+1j, 1+np.nan*1j]), equal_nan=True))', js: () => B(arrayEqual(asarray([{ re: 1, im: 1 }, { re: NaN, im: 1 }], 'c16'), asarray([{ re: 1, im: 1 }, { re: 1, im: NaN }], 'c16'), { equalNan: true })) },
      { py: 'np.asarray(np.array_equiv([1, 2], [[1, 2], [1, 2]]))', js: () => B(arrayEquiv([1, 2], [[1, 2], [1, 2]])) },
      { py: 'np.asarray(np.array_equiv([1, 2], [[1, 2, 1, 2], [1, 2, 1, 2]]))', js: () => B(arrayEquiv([1, 2], [[1, 2, 1, 2], [1, 2, 1, 2]])) },
      { py: 'np.asarray(np.array_equiv([1, 2], [[1, 2], [1, 3]]))', js: () => B(arrayEquiv([1, 2], [[1, 2], [1, 3]])) },
      { py: 'np.asarray(np.array_equiv([1], [[1], [1]]))', js: () => B(arrayEquiv([1], [[1], [1]])) },
    ];
    expectCasesLikeNumpy(cases);
  });
});

// Ported from numpy/_core/tests/test_numeric.py.
describe('NumPy test_numeric: TestAllclose, TestIsclose, array_equal, array_equiv', () => {
  const arr = [1, 2, 3];
  const aran = arange(125).reshape(5, 5, 5).astype('f8');
  const atol = 1e-8;
  const rtol = 1e-5;

  test('TestAllclose.test_ip_allclose', () => {
    const arr = [100, 1000];
    const plus = (xs: number[], f: (x: number) => number) => xs.map((x) => x + f(x));
    const data: [unknown, unknown][] = [
      [[1, 0], [1, 0]],
      [[atol], [0]],
      [[1], [1 + rtol + atol]],
      [arr, plus(arr, (x) => x * rtol)],
      [arr, plus(arr, (x) => x * rtol + atol * 2)],
      [aran, add(aran, multiply(aran, rtol))],
      [Infinity, Infinity],
      [Infinity, [Infinity]],
    ];
    for (const [x, y] of data) expect(allclose(x as never, y as never)).toBe(true);
  });

  test('TestAllclose.test_ip_not_allclose', () => {
    const data: [unknown, unknown][] = [
      [[Infinity, 0], [1, Infinity]],
      [[Infinity, 0], [1, 0]],
      [[Infinity, Infinity], [1, Infinity]],
      [[Infinity, Infinity], [1, 0]],
      [[-Infinity, 0], [Infinity, 0]],
      [[NaN, 0], [NaN, 0]],
      [[atol * 2], [0]],
      [[1], [1 + rtol + atol * 2]],
      [aran, add(aran, atol * 2 + 0 * rtol)],
      [asarray([Infinity, 1]), asarray([0, Infinity])],
    ];
    for (const [x, y] of data) expect(allclose(x as never, y as never)).toBe(false);
  });

  test('TestAllclose.test_no_parameter_modification', () => {
    const x = asarray([Infinity, 1]);
    const y = asarray([0, Infinity]);
    allclose(x, y);
    expect(vals(x)).toEqual([Infinity, 1]);
    expect(vals(y)).toEqual([0, Infinity]);
  });

  test('TestAllclose.test_min_int', () => {
    // Could make problems because of abs(min_int) == min_int
    const m = asarray([-(2n ** 63n)], 'i8');
    expect(allclose(m, m)).toBe(true);
    expect(allclose(m, asarray(-(2n ** 63n), 'i8'))).toBe(true);
  });

  test('TestIsclose.test_ip_isclose', () => {
    expect(vals(isclose([1e10, 1e-8], [1.00001e10, 1e-9]))).toEqual([true, true]);
    expect(vals(isclose([1e-8, 1e-7], [0.0, 0.0]))).toEqual([true, false]);
    expect(vals(isclose(asarray([[1, 2]]), asarray([[1], [2]])))).toEqual([
      [true, false],
      [false, true],
    ]);
  });

  test('TestIsclose.test_equal_nan / test_masked_arrays-free cases', () => {
    expect(vals(isclose(NaN, NaN, { equalNan: true }))).toBe(true);
    expect(vals(isclose([NaN], [NaN], { equalNan: true }))).toEqual([true]);
    expect(vals(isclose([NaN], [NaN]))).toEqual([false]);
    expect(() => isclose([1, 2], [1, 2, 3])).toThrow(ValueError);
  });

  test('test_array_equal / test_array_equiv', () => {
    expect(arrayEqual([1, 2], [1, 2])).toBe(true);
    expect(arrayEqual(asarray([1, 2]), asarray([1, 2]))).toBe(true);
    expect(arrayEqual([1, 2], [1, 2, 3])).toBe(false);
    expect(arrayEqual([1, 2], [3, 4])).toBe(false);
    expect(arrayEqual([1, 2], [1, 3])).toBe(false);
    const a = asarray([1, NaN]);
    expect(arrayEqual(a, a)).toBe(false);
    expect(arrayEqual(a, a, { equalNan: true })).toBe(true);
    expect(arrayEquiv([1, 2], [1, 2])).toBe(true);
    expect(arrayEquiv([1, 2], [1, 3])).toBe(false);
    expect(arrayEquiv([1, 2], [1, 2, 3])).toBe(false);
    expect(arrayEquiv([1, 2], [[1, 2], [1, 2]])).toBe(true);
    expect(arrayEquiv([1, 2], [[1, 2, 1, 2], [1, 2, 1, 2]])).toBe(false);
    expect(arrayEquiv([1, 2], [[1, 2], [1, 3]])).toBe(false);
    expect(arrayEquiv([1], [[1], [1]])).toBe(true);
    expect(arrayEquiv([1], [[1], [2]])).toBe(false);
  });
});

describeWithNumpy('isclose with equalNan keeps the layout of its first result, as NumPy\'s in-place |=', () => {
  test('a broadcast big-endian float32 input: the strides NumPy gives (fuzz seed 10100196)', () => {
    const theirs = runNumpy<number[]>(`a = np.arange(2, dtype='>f4').reshape(2, 1)
x = np.broadcast_to(a, (3, 2, 1))[None]
print(json.dumps(list(np.isclose(x, x, rtol=0, atol=0.5, equal_nan=True).strides[1:3])))`);
    const x = mm.broadcastTo(mm.arange(2, '>f4').reshape([2, 1]), [3, 2, 1]).index(null);
    const r = mm.isclose(x, x, { rtol: 0, atol: 0.5, equalNan: true });
    expect(r.strides.slice(1, 3)).toEqual(theirs);
    expect(r.toArray()).toEqual([[[[true], [true]], [[true], [true]], [[true], [true]]]]);
  });
});
