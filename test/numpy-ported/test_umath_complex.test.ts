// NumPy's own numpy/_core/tests/test_umath_complex.py (NumPy 2.4), ported test
// by test for the classes on functions mmarray exports: TestCpow (power),
// TestCabs (absolute), TestCarg (the private ufunc ncu._arg, here angle: both
// are C's carg, atan2(imag, real)). Same inputs, same assertions.
//
// Mapping: np.array([...complex]) -> asarray of { re, im } items ('<c16');
// `x ** 2` of an array -> square(x) (ndarray.__pow__'s fast path for the
// exponent 2 is np.square); x[i] ** y[i] of NumPy complex128 scalars ->
// power of 0-d complex128 arrays; np.conj -> conjugate.
//
// Skipped (not counted as passing):
// - TestCarg.test_zero: skipped in NumPy itself ("Complex arithmetic with
//   signed zero fails on most platforms").
// - TestCexp, TestClog, TestCsqrt: not ported in this pass (their C99 special
//   value tables are long; exp/log/sqrt of complex are compared with NumPy in
//   test/ufunc-complex.test.ts).
// - TestSpecialComplexAVX, TestComplexAbsoluteAVX, TestComplexAbsoluteMixedDTypes:
//   not ported in this pass.
import { absolute, angle, asarray, conjugate, power, square, type NdArray } from '../../lib';
import { assertAlmostEqual, assertEqual } from '../helpers/np-assert';

type C = { re: number; im: number };
const c = (re: number, im = 0): C => ({ re, im });
const carr = (xs: readonly C[]): NdArray => asarray(xs as never, '<c16');
const PZERO = 0;
const NZERO = -0;

/** check_real_value(f, x1, y1, x, exact): f(np.array([complex(x1, y1)])) against x. */
function checkRealValue(f: (z: NdArray) => NdArray, x1: number, y1: number, x: number, exact = true): void {
  const z1 = carr([c(x1, y1)]);
  if (exact) assertEqual(f(z1), x);
  else assertAlmostEqual(f(z1), x);
}

describe('TestCpow', () => {
  test('test_simple', () => {
    const x = carr([c(1, 1), c(0, 2), c(1, 2), c(Infinity), c(NaN)]);
    const yR = square(x);
    const y = power(x, 2);
    assertAlmostEqual(y, yR);
  });

  // Hardcoded expected builtins.complex values (complex exponentiation is broken as of bpo-44698).
  const X = [c(1), c(0, 1), c(2), c(2.5, 0.37), c(Infinity), c(NaN)];
  const Y = [c(1), c(0, 1), c(-0.5, 1.5), c(-0.5, 1.5), c(2), c(3)];
  const P_R = [
    c(1, 0),
    c(0.20787957635076193, 0),
    c(0.35812203996480685, 0.6097119028618724),
    c(0.12659112128185032, 0.48847676699581527),
    c(Infinity, NaN),
    c(NaN, NaN),
  ];

  test('test_scalar', () => {
    const x = carr(X);
    const y = carr(Y);
    for (let i = 0; i < X.length; i++) {
      const nR = power(x.index(i), y.index(i));
      assertAlmostEqual(nR, P_R[i]);
    }
  });

  test('test_array', () => {
    const nR = power(carr(X), carr(Y));
    for (let i = 0; i < X.length; i++) assertAlmostEqual(nR.index(i), P_R[i]);
  });
});

describe('TestCabs', () => {
  test('test_simple', () => {
    const x = carr([c(1, 1), c(0, 2), c(1, 2), c(Infinity), c(NaN)]);
    const yR = [Math.sqrt(2), 2, Math.sqrt(5), Infinity, NaN];
    const y = absolute(x);
    assertAlmostEqual(y, yR);
  });

  test('test_fabs', () => {
    // np.abs(x +- 0j) == np.abs(x) (as mandated by C99 for cabs)
    for (const z of [c(1, 0), c(1, NZERO), c(Infinity, NZERO), c(NaN, NZERO)]) {
      const x = carr([z]);
      assertEqual(absolute(x), [z.re]);
    }
  });

  test('test_cabs_inf_nan', () => {
    const x: number[] = [];
    const y: number[] = [];
    // cabs(+-nan + nani) returns nan
    x.push(NaN);
    y.push(NaN);
    checkRealValue(absolute, NaN, NaN, NaN);
    x.push(NaN);
    y.push(-NaN);
    checkRealValue(absolute, -NaN, NaN, NaN);
    // C99: exactly one of the parts inf and the other nan: cabs returns inf
    x.push(Infinity);
    y.push(NaN);
    checkRealValue(absolute, Infinity, NaN, Infinity);
    x.push(-Infinity);
    y.push(NaN);
    checkRealValue(absolute, -Infinity, NaN, Infinity);
    // cabs(conj(z)) == conj(cabs(z)) (= cabs(z))
    const f = (a: NdArray): NdArray => absolute(conjugate(a));
    // g(a, b) = np.abs(complex(a, b)): Python's abs of a complex is C's hypot.
    const g = (a: number, b: number): number => (Number.isFinite(a) && Number.isFinite(b) ? Math.hypot(a, b) : !Number.isNaN(a) && !Number.isFinite(a) ? Infinity : !Number.isNaN(b) && !Number.isFinite(b) ? Infinity : NaN);
    const xa = carr(x.map((xi, i) => c(xi, y[i])));
    expect(xa.shape[0]).toBe(x.length);
    x.forEach((xi, i) => checkRealValue(f, xi, y[i], g(xi, y[i])));
  });
});

describe('TestCarg', () => {
  test('test_simple', () => {
    checkRealValue(angle, 1, 0, 0, false);
    checkRealValue(angle, 0, 1, 0.5 * Math.PI, false);
    checkRealValue(angle, 1, 1, 0.25 * Math.PI, false);
    checkRealValue(angle, PZERO, PZERO, PZERO);
  });

  test.skip('test_zero (skipped in NumPy: signed-zero complex arithmetic)', () => {});

  test('test_special_values', () => {
    // carg(-np.inf +- yi) returns +-pi for finite y > 0
    checkRealValue(angle, -Infinity, 1, Math.PI, false);
    checkRealValue(angle, -Infinity, -1, -Math.PI, false);
    // carg(np.inf +- yi) returns +-0 for finite y > 0
    checkRealValue(angle, Infinity, 1, PZERO, false);
    checkRealValue(angle, Infinity, -1, NZERO, false);
    // carg(x +- np.infi) returns +-pi/2 for finite x
    checkRealValue(angle, 1, Infinity, 0.5 * Math.PI, false);
    checkRealValue(angle, 1, -Infinity, -0.5 * Math.PI, false);
    // carg(-np.inf +- np.infi) returns +-3pi/4
    checkRealValue(angle, -Infinity, Infinity, 0.75 * Math.PI, false);
    checkRealValue(angle, -Infinity, -Infinity, -0.75 * Math.PI, false);
    // carg(np.inf +- np.infi) returns +-pi/4
    checkRealValue(angle, Infinity, Infinity, 0.25 * Math.PI, false);
    checkRealValue(angle, Infinity, -Infinity, -0.25 * Math.PI, false);
    // carg(x + yi) returns np.nan if x or y is nan
    checkRealValue(angle, NaN, 0, NaN, false);
    checkRealValue(angle, 0, NaN, NaN, false);
    checkRealValue(angle, NaN, Infinity, NaN, false);
    checkRealValue(angle, Infinity, NaN, NaN, false);
  });
});
