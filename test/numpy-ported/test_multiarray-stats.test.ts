// NumPy's own numpy/_core/tests/test_multiarray.py (NumPy 2.4), class TestStats:
// the np.var / np.std parts (funcs = [_mean, _var, _std]) and test_mean_where,
// ported test by test: same names, same intent, the same values, shapes and
// errors. The np.mean parts of the other tests are in test_multiarray.test.ts.
//
// Mapping: np.var -> variance (var is a JavaScript keyword), np.std -> std,
// a.var(axis=, where=) -> variance(a, axis, { where }); np.mean(a, where=) ->
// mean(a, axis, { where }). rng.random((4, 5)) comes from the shared seeded
// rng (the tests compare against values computed from the same matrix);
// a[mask] -> compress(mask.ravel(), a.ravel()) (a flat boolean selection).
// assert_almost_equal(x, y) -> |x - y| < 1.5 * 10**-decimal per item;
// assert_allclose -> |x - y| <= 1e-7 * |y| per item.
//
// Left out, not counted as passing:
// - The Decimal (object, omat) matrices of test_var_values, test_std_values,
//   test_dtype_from_input's object part: there is no object dtype.
// - clongdouble of test_var_complex_values, long double of the typecodes: no long double.
// - The RuntimeWarning checks of test_ddof_too_big, test_empty, test_var_where and
//   test_std_where ("Degrees of freedom <= 0", "Mean of empty slice"): this library has no
//   warnings; the values those lines assert are checked.
// - test_subclass: no ndarray subclasses with __array_finalize__.
import { AxisError, compress, conjugate, mean, multiply, NdArray, slice, sqrt, stack, std, subtract, ValueError, variance, zeros, type Complex } from '../../lib';
import { rng as rngFor } from '../helpers/bytes';
import { array } from '../helpers/np-array';

type Num = number | Complex;
const flat = (a: NdArray): Num[] => {
  const v = a.toArray() as unknown;
  const out: Num[] = [];
  const f = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(f);
    else out.push(typeof x === 'bigint' ? Number(x) : typeof x === 'boolean' ? Number(x) : (x as Num));
  };
  f(v);
  return out;
};
const parts = (x: Num): [number, number] => (typeof x === 'number' ? [x, 0] : [x.re, x.im]);

/** numpy.testing.assert_almost_equal over arrays (complex: each part). */
function assertAlmostEqual(actual: NdArray, desired: NdArray, decimal = 7): void {
  expect(actual.shape).toEqual(desired.shape);
  const a = flat(actual);
  const d = flat(desired);
  const tol = 1.5 * 10 ** -decimal;
  a.forEach((x, i) => {
    const [ar, ai] = parts(x);
    const [dr, di] = parts(d[i]);
    expect([i, Math.abs(ar - dr) < tol || (Number.isNaN(ar) && Number.isNaN(dr))]).toEqual([i, true]);
    expect([i, Math.abs(ai - di) < tol]).toEqual([i, true]);
  });
}

/** numpy.testing.assert_allclose (rtol 1e-7, atol 0), real arrays. */
function assertAllclose(actual: NdArray, desired: NdArray | number[] | number[][]): void {
  const d = desired instanceof NdArray ? desired : array(desired, 'f8');
  expect(actual.shape).toEqual(d.shape);
  const a = flat(actual) as number[];
  const w = flat(d) as number[];
  a.forEach((x, i) => expect([i, x, Math.abs(x - w[i]) <= 1e-7 * Math.abs(w[i])]).toEqual([i, x, true]));
}

const eye = (n: number, dt = 'f8'): NdArray => {
  const a = zeros([n, n], dt as never) as NdArray;
  for (let i = 0; i < n; i++) a.set([i, i], 1);
  return a;
};
const arange = (n: number, shape: number[]): NdArray => array(Array.from({ length: n }, (_, i) => i), 'i8').reshape(shape);

const r = rngFor(3);
const rmat = array(Array.from({ length: 4 }, () => Array.from({ length: 5 }, () => r())), 'f8');
const cmat = array((rmat.toArray() as number[][]).map((row) => row.map((x) => ({ re: x, im: x }))), 'c16');

const FUNCS = [
  ['var', variance],
  ['std', std],
] as const;

/** msqr - mean * conj(mean), the target of test_var_values and its kin. */
function varTarget(mat: NdArray, axis: number | null): NdArray {
  const msqr = mean(multiply(mat, conjugate(mat)), axis);
  const m = mean(mat, axis);
  return subtract(msqr, multiply(m, conjugate(m)));
}

describe('TestStats (var, std)', () => {
  test('test_python_type[var, std]', () => {
    for (const [v, dt] of [[1, 'f2'], [1, 'i8'], [1, 'f8'], [{ re: 1, im: 0 }, 'c16']] as const) {
      expect(variance(array([v], dt)).toArray()).toBe(0);
      expect(std(array([v], dt)).toArray()).toBe(0);
    }
  });

  test('test_keepdims[var, std]', () => {
    const mat = eye(3);
    for (const [, f] of FUNCS) {
      for (const axis of [0, 1]) {
        const res = f(mat, axis, { keepdims: true });
        expect(res.ndim).toBe(mat.ndim);
        expect(res.shape[axis]).toBe(1);
      }
      expect(f(mat, null, { keepdims: true }).shape).toEqual([1, 1]);
    }
  });

  test('test_out[var, std]', () => {
    const mat = eye(3);
    for (const [, f] of FUNCS) {
      const out = zeros(3, 'f8');
      const tgt = f(mat, 1);
      const res = f(mat, 1, { out });
      expect(res).toBe(out);
      assertAlmostEqual(res, out);
      assertAlmostEqual(res, tgt);
      expect(() => f(mat, 1, { out: zeros(2, 'f8') })).toThrow(ValueError);
      expect(() => f(mat, 1, { out: zeros([2, 2], 'f8') })).toThrow(ValueError);
    }
  });

  test('test_dtype_from_input[var, std]', () => {
    for (const [name, f] of FUNCS) {
      for (const c of ['i1', 'i2', 'i4', 'i8', 'u1', 'u2', 'u4', 'u8']) {
        const mat = eye(3, c);
        expect([name, c, f(mat, 1).dtype.name]).toEqual([name, c, 'float64']);
        expect([name, c, f(mat, null).dtype.name]).toEqual([name, c, 'float64']);
      }
      // var, std for float types: the real type of the input's
      for (const [c, real] of [['f2', 'float16'], ['f4', 'float32'], ['f8', 'float64'], ['c8', 'float32'], ['c16', 'float64']]) {
        const mat = eye(3, c);
        expect([name, c, f(mat, 1).dtype.name]).toEqual([name, c, real]);
        expect([name, c, f(mat, null).dtype.name]).toEqual([name, c, real]);
      }
    }
  });

  test('test_dtype_from_dtype[var, std]', () => {
    const mat = eye(3);
    for (const [name, f] of FUNCS) {
      for (const c of ['f2', 'f4', 'f8', 'c8', 'c16']) {
        const tgt = zeros(1, c as never).dtype.name;
        expect([name, c, f(mat, 1, { dtype: c }).dtype.name]).toEqual([name, c, tgt]);
        expect([name, c, f(mat, null, { dtype: c }).dtype.name]).toEqual([name, c, tgt]);
      }
    }
  });

  test('test_ddof', () => {
    const dim = rmat.shape[1];
    for (let ddof = 0; ddof < 3; ddof++) {
      const tgt = multiply(std(rmat, 1), Math.sqrt(dim));
      const res = multiply(std(rmat, 1, { ddof }), Math.sqrt(dim - ddof));
      assertAlmostEqual(res, tgt);
    }
  });

  test('test_ddof_too_big', () => {
    const dim = rmat.shape[1];
    for (const [, f] of FUNCS) {
      for (const ddof of [dim, dim + 1]) {
        const res = flat(f(rmat, 1, { ddof })) as number[];
        expect(res.some((x) => x < 0)).toBe(false);
      }
    }
  });

  test('test_empty[var, std]', () => {
    const A = zeros([0, 3], 'f8');
    for (const [, f] of FUNCS) {
      for (const axis of [0, null]) expect((flat(f(A, axis)) as number[]).every(Number.isNaN)).toBe(true);
      const e = f(A, 1);
      expect(e.shape).toEqual([0]);
    }
  });

  test('test_mean_where', () => {
    const a = arange(16, [4, 4]);
    const whFull = array([[false, true, false, true], [true, false, true, false], [true, true, false, false], [false, false, true, true]], '?');
    const whPartial = array([[false], [true], [true], [false]], '?');
    const cases: [number, NdArray | boolean, number[]][] = [
      [1, true, [1.5, 5.5, 9.5, 13.5]],
      [0, whFull, [6, 5, 10, 9]],
      [1, whFull, [2, 5, 8.5, 14.5]],
      [0, whPartial, [6, 7, 8, 9]],
    ];
    for (const [ax, wh, res] of cases) {
      assertAllclose(mean(a, ax, { where: wh }), res);
      assertAllclose(a.mean(ax, { where: wh } as never), res);
    }
    const a3d = arange(16, [2, 2, 4]);
    const whP = array([false, true, true, false], '?');
    assertAllclose(mean(a3d, 2, { where: whP }), [[1.5, 5.5], [9.5, 13.5]]);
    assertAllclose(a3d.mean(2, { where: whP } as never), [[1.5, 5.5], [9.5, 13.5]]);
    // (NumPy warns "Mean of empty slice" on these three)
    const m = flat(mean(a, 1, { where: whPartial })) as number[];
    expect(Number.isNaN(m[0]) && Number.isNaN(m[3])).toBe(true);
    expect(m.slice(1, 3)).toEqual([5.5, 9.5]);
    expect(mean(a, null, { where: false }).toArray()).toBeNaN();
  });

  test('test_var_values', () => {
    for (const mat of [rmat, cmat]) {
      for (const axis of [0, 1, null]) assertAlmostEqual(variance(mat, axis), varTarget(mat, axis));
    }
  });

  test.each([
    ['complex64', 6],
    ['complex128', 7],
  ])('test_var_complex_values[%s]', (complexDtype, ndec) => {
    for (const axis of [0, 1, null]) {
      const mat = cmat.copy().astype(complexDtype);
      assertAlmostEqual(variance(mat, axis), varTarget(mat, axis), ndec);
    }
  });

  test('test_var_dimensions', () => {
    const mat = stack([cmat, cmat, cmat]);
    for (const axis of [0, 1, 2, -1, null]) assertAlmostEqual(variance(mat, axis), varTarget(mat, axis));
  });

  test('test_var_complex_byteorder', () => {
    const c = cmat.copy().astype('complex128');
    const swapped = c.astype(c.dtype.newbyteorder());
    expect(swapped.dtype.str).toBe('>c16');
    assertAlmostEqual(variance(c), variance(swapped));
  });

  test('test_var_axis_error', () => {
    expect(() => variance(arange(10, [10]), 2)).toThrow(AxisError);
  });

  test('test_var_where', () => {
    const a = arange(25, [5, 5]);
    const whFull = array(
      [
        [false, true, false, true, true],
        [true, false, true, true, false],
        [true, true, false, false, true],
        [false, true, true, false, true],
        [true, false, true, true, false],
      ],
      '?',
    );
    const whPartial = array([[false], [true], [true], [false], [true]], '?');
    for (const [ax, wh, res] of [
      [0, true, [50, 50, 50, 50, 50]],
      [1, true, [2, 2, 2, 2, 2]],
    ] as const) {
      assertAllclose(variance(a, ax, { where: wh }), [...res]);
    }
    const a3d = arange(16, [2, 2, 4]);
    assertAllclose(variance(a3d, 2, { where: array([false, true, true, false], '?') }), [[0.25, 0.25], [0.25, 0.25]]);
    assertAllclose(variance(a, 1, { where: whFull }), variance(compress(whFull.ravel(), a.ravel()).reshape([5, 3]), 1));
    assertAllclose(variance(a, 0, { where: whPartial }), variance(compress(whPartial.ravel(), a, { axis: 0 }), 0));
    expect(variance(a, null, { where: false }).toArray()).toBeNaN();
  });

  test('test_std_values', () => {
    for (const mat of [rmat, cmat]) {
      for (const axis of [0, 1, null]) {
        assertAlmostEqual(std(mat, axis), sqrt(variance(mat, axis)));
      }
    }
  });

  test('test_std_where', () => {
    const a = arange(25, [5, 5]).index(slice(null, null, -1));
    const whf = array(
      [
        [false, true, false, true, true],
        [true, false, true, false, true],
        [true, true, false, true, false],
        [true, false, true, true, false],
        [false, true, false, true, true],
      ],
      '?',
    );
    const whp = array([[false], [false], [true], [true], [false]], '?');
    const cases: [number, NdArray | boolean, number[]][] = [
      [0, true, Array(5).fill(7.07106781)],
      [1, true, Array(5).fill(1.41421356)],
      [0, whf, [4.0824829, 8.16496581, 5.0, 7.39509973, 8.49836586]],
      [0, whp, Array(5).fill(2.5)],
    ];
    for (const [ax, wh, res] of cases) {
      // NumPy's targets are printed to 9 digits: assert_allclose's rtol 1e-7 holds at that precision.
      const got = flat(std(a, ax, { where: wh })) as number[];
      got.forEach((x, i) => expect([i, Math.abs(x - res[i]) <= 1e-7 * Math.abs(res[i])]).toEqual([i, true]));
    }
    const a3d = arange(16, [2, 2, 4]);
    assertAllclose(std(a3d, 2, { where: array([false, true, true, false], '?') }), [[0.5, 0.5], [0.5, 0.5]]);
    assertAllclose(std(a, 1, { where: whf }), std(compress(whf.ravel(), a.ravel()).reshape([5, 3]), 1));
    assertAllclose(std(a, 0, { where: whp }), std(compress(whp.ravel(), a, { axis: 0 }), 0));
    expect(std(a, null, { where: false }).toArray()).toBeNaN();
  });
});
