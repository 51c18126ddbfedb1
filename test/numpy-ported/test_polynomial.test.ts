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
// - test_roots: roots needs the eigenvalues of a non-symmetric matrix (no eigvals here).
// - test_polyfit's deg=0 statistics on np.random.normal(size=(4, 10000)): ported with
//   Box-Muller normals from a fixed LCG (the checks are statistical, not the values).
// - test_objects: Decimal objects (no object dtype).
// - test_poly: the matrix case `np.poly(A)` (eigenvalues) is left out; the rest is ported.
// - test_poly_int_overflow: compares poly(v) with poly(np.diag(v)) (eigenvalues); ported as
//   poly(arange(1, 21)) checked on two coefficients NumPy gives (20! and -210), float64.
// - test_polydiv: the isinstance(poly1d) half; the complex division and its dtypes are ported.
import { arange, array, iscomplexobj, isrealobj, NdArray, poly, polyadd, polyder, polydiv, polyfit, polyint, polymul, polyval, ValueError, zeros } from '../../lib';
import * as lib from '../../lib';
import { assertAlmostEqual, assertAllclose, assertEqual } from '../helpers/np-assert';

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

  test('test_polyfit', () => {
    const cf = array([3, 2, 1]);
    const x = lib.linspace(0, 2, 7);
    let y = polyval(cf, x);
    const err = array([1, -1, 1, -1, 1, -1, 1]);
    const weights = lib.divide(lib.power(arange(8, 1, -1), 2), 7.0);
    // Too few points for the variance estimate (it needs more than deg + 1).
    expect(() => polyfit([1], [1], 0, { cov: true })).toThrow(ValueError);
    // 1-D case
    const r1 = polyfit(x, lib.add(y, err), 2, { cov: true });
    const est = [3.8571, 0.2857, 1.619];
    assertAlmostEqual(est, r1.coef, 4);
    const val0 = [
      [1.4694, -2.9388, 0.8163],
      [-2.9388, 6.3673, -2.1224],
      [0.8163, -2.1224, 1.161],
    ];
    assertAlmostEqual(val0, r1.cov, 4);
    const r2 = polyfit(x, lib.add(y, err), 2, { w: weights, cov: true });
    assertAlmostEqual([4.8927, -1.0177, 1.7768], r2.coef, 4);
    const val = [
      [4.3964, -5.0052, 0.4878],
      [-5.0052, 6.8067, -0.9089],
      [0.4878, -0.9089, 0.3337],
    ];
    assertAlmostEqual(val, r2.cov, 4);
    const r3 = polyfit(x, lib.add(y, err), 2, { w: weights, cov: 'unscaled' });
    assertAlmostEqual([4.8927, -1.0177, 1.7768], r3.coef, 4);
    const valU = [
      [0.1473, -0.1677, 0.0163],
      [-0.1677, 0.228, -0.0304],
      [0.0163, -0.0304, 0.0112],
    ];
    assertAlmostEqual(valU, r3.cov, 4);
    // 2-D (n, 1) case
    y = lib.expandDims(y, 1);
    const c1 = lib.expandDims(cf, 1);
    assertAlmostEqual(c1, polyfit(x, y, 2));
    // 2-D (n, 2) case
    const yy = lib.concatenate([y, y], { axis: 1 });
    const cc = lib.concatenate([c1, c1], { axis: 1 });
    assertAlmostEqual(cc, polyfit(x, yy, 2));
    const r4 = polyfit(x, lib.add(yy, lib.expandDims(err, 1)), 2, { cov: true });
    assertAlmostEqual(est, r4.coef.index(':, 0'), 4);
    assertAlmostEqual(est, r4.coef.index(':, 1'), 4);
    assertAlmostEqual(val0, r4.cov.index(':, :, 0'), 4);
    assertAlmostEqual(val0, r4.cov.index(':, :, 1'), 4);
    // deg=0 (order 1), where the analytic results are simple: np.random.normal(size=(4, 10000)).
    // mulberry32 (a plain LCG's successive pairs are too correlated for Box-Muller).
    let st = 123;
    const uniform = (): number => {
      st = (st + 0x6d2b79f5) >>> 0;
      let z = st;
      z = Math.imul(z ^ (z >>> 15), z | 1);
      z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
      return (((z ^ (z >>> 14)) >>> 0) + 0.5) / 2 ** 32;
    };
    const normals = new Float64Array(4 * 10000);
    for (let i = 0; i < normals.length; i++) normals[i] = Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
    const yn = lib.asarray(normals).reshape([4, 10000]);
    const x0 = lib.zeros([4]);
    const std = (a: NdArray): number => Number(lib.std(a).get());
    const sqrtMean = (a: NdArray): number => Math.sqrt(Number(lib.mean(a).get()));
    let r = polyfit(x0, yn, 0, { cov: true });
    // Should get sigma_mean = sigma/sqrt(N) = 1./sqrt(4) = 0.5.
    assertAllclose(std(r.coef), 0.5, 0, 0.01);
    assertAllclose(sqrtMean(r.cov), 0.5, 0, 0.01);
    // Without scaling, since reduced chi2 is 1, the result should be the same.
    r = polyfit(x0, yn, 0, { w: lib.ones([4]), cov: 'unscaled' });
    assertAllclose(std(r.coef), 0.5, 0, 0.01);
    assertAlmostEqual(sqrtMean(r.cov), 0.5);
    // If we estimate our errors wrong, no change with scaling:
    const w = lib.full([4], 1 / 0.5);
    r = polyfit(x0, yn, 0, { w, cov: true });
    assertAllclose(std(r.coef), 0.5, 0, 0.01);
    assertAllclose(sqrtMean(r.cov), 0.5, 0, 0.01);
    // But if we do not scale, our estimate for the error in the mean will differ.
    r = polyfit(x0, yn, 0, { w, cov: 'unscaled' });
    assertAllclose(std(r.coef), 0.5, 0, 0.01);
    assertAlmostEqual(sqrtMean(r.cov), 0.25);
  });
});
