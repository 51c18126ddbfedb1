// NumPy's own numpy/lib/tests/test_polynomial.py (NumPy 2.4), class
// TestPolynomial: the tests of the functions (not the poly1d class) ported
// test by test, same names, same intent, same values; a poly1d in a test
// becomes its coefficient array and its methods the functions
// (p.integ(m, k) -> polyint(p, m, k), p.deriv() -> polyder(p), q * a + r ->
// polyadd(polymul(q, a), r)).
//
// Skipped (not counted as passing):
// - test_poly1d_str_and_repr, test_poly1d_resolution, test_poly1d_math, test_poly1d_misc,
//   test_poly1d_variable_arg, test_str_leading_zeros, test_zero_poly_dtype, test_poly_eq,
//   test_poly_coeffs_mutable: the poly1d class, which does not exist here.
// - test_roots, test_polyfit: roots needs eigenvalues and polyfit least squares, neither here.
// - test_objects: Decimal objects (no object dtype).
// - test_poly: the matrix case `np.poly(A)` (eigenvalues) is left out; the rest is ported.
// - test_poly_int_overflow: compares poly(v) with poly(np.diag(v)) (eigenvalues); ported as
//   poly(arange(1, 21)) checked on two coefficients NumPy gives (20! and -210), float64.
// - test_polydiv: the isinstance(poly1d) half; the complex division and its dtypes are ported.
import { arange, array, iscomplexobj, isrealobj, NdArray, poly, polyadd, polyder, polydiv, polyint, polymul, ValueError, zeros } from '../../lib';
import { assertAlmostEqual, assertEqual } from '../helpers/np-assert';

const c = (re: number, im: number): { re: number; im: number } => ({ re, im });
const P = (r: unknown): NdArray => poly(r as never) as NdArray;

describe('TestPolynomial', () => {
  test('test_poly', () => {
    assertAlmostEqual(P([3, -Math.sqrt(2), Math.sqrt(2)]), [1, -3, -2, 6], 6);
    expect(isrealobj(P([c(0, 1.082), c(0, 2.613), c(0, -2.613), c(0, -1.082)]))).toBe(true);
    expect(isrealobj(P([c(0, 1), c(-0, -1), c(1, 2), c(1, -2), c(1, 3.5), c(1, -3.5)]))).toBe(true);
    expect(isrealobj(P([c(0, 1), c(0, -1), c(1, 2), c(1, -2), c(1, 3), c(1, -3)]))).toBe(true);
    expect(isrealobj(P([c(0, 1), c(0, -1), c(1, 2), c(1, -2)]))).toBe(true);
    expect(isrealobj(P([c(0, 1), c(0, -1), c(0, 2), c(0, -2)]))).toBe(true);
    expect(isrealobj(P([c(0, 1), c(0, -1)]))).toBe(true);
    expect(isrealobj(P([1, -1]))).toBe(true);
    expect(iscomplexobj(P([c(0, 1), c(0, -1.0000001)]))).toBe(true);
    // np.random.randn(100) + 1j * randn(100) and its conjugates: any such list (a fixed LCG here).
    let seed = 42;
    const rnd = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
    const a = Array.from({ length: 100 }, () => c(rnd(), rnd()));
    expect(isrealobj(P([...a, ...a.map((z) => c(z.re, -z.im))]))).toBe(true);
  });

  test('test_complex', () => {
    const p = array([c(0, 3), c(0, 2), c(0, 1)]);
    assertEqual(polyint(p), [c(0, 1), c(0, 1), c(0, 1), c(0, 0)]);
    assertEqual(polyder(p), [c(0, 6), c(0, 2)]);
  });

  test('test_integ_coeffs', () => {
    const p2 = polyint([3, 2, 1], 3, [9, 7, 6]);
    assertEqual(p2, [1 / 4 / 5, 1 / 3 / 4, 1 / 2 / 3, 9 / 1 / 2, 7, 6]);
  });

  test('test_zero_dims', () => {
    expect(() => poly(zeros([0, 0]))).toThrow(ValueError);
  });

  test('test_poly_int_overflow (gh-5096): float64 coefficients, no int64 wrap', () => {
    const p = P(arange(1, 21));
    expect(p.dtype.str).toBe('<f8');
    // np.poly(np.arange(1, 21)): the coefficients of (x-1)…(x-20); the constant is 20! (exact in float64).
    expect(p.get(20)).toBe(2432902008176640000);
    expect(p.get(1)).toBe(-210);
  });

  test('test_polydiv', () => {
    const b = array([2, 6, 6, 1]);
    const a = array([c(0, -1), c(1, 2), c(-2, -1), c(1, 0)]);
    const [q, r] = polydiv(b, a);
    expect(q.dtype.str).toBe('<c16');
    expect(r.dtype.str).toBe('<c16');
    assertEqual(polyadd(polymul(q, a), r), [c(2, 0), c(6, 0), c(6, 0), c(1, 0)]);
  });
});
