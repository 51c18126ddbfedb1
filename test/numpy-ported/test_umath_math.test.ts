// NumPy's own numpy/_core/tests/test_umath.py (NumPy 2.4): the classes for
// the math ufuncs of lib/ufuncs/trig.ts, explog.ts and arith2.ts, ported
// test by test: same names, same intent, the same values. Kept apart from
// test_umath.test.ts (the arithmetic classes) so the two grow separately.
//
// Mapping: assert_almost_equal(a, b) (7 decimals) -> toBeCloseTo(b, 7);
// assert_equal on floats -> exact equality with NaN equal to NaN.
//
// Not ported, everywhere: np.errstate and the FloatingPointError checks (no
// floating-point error state here: IEEE results, silently); long double
// ('g'); object arrays.
// Skipped (not counted as passing):
// - TestFmax/TestFmin.test_reduce, test_reduce_complex, the reduce rows of
//   test_precision; TestLogAddExp(2).test_reduce; TestHypot.test_reduce;
//   TestRationalFunctions' reduce rows: no ufunc.reduce for these ufuncs.
// - TestSpecialFloats.test_sincos_underflow, test_sincos_errors,
//   test_*_spurious_fpexception: floating-point exception checks only.
import {
  arccos, arccosh, arcsin, arcsinh, arctan, arctan2, arctanh, cbrt, copysign, cos, cosh, degrees, exp2, expm1, fmax, fmin,
  gcd, heaviside, hypot, lcm, log1p, logaddexp, logaddexp2, nextafter, radians, reciprocal, sign, signbit, sin, sinh, tan,
  tanh, zeros, NdArray,
} from '../../lib';
import { array, vals } from '../helpers/np-array';

const PZERO = 0;
const NZERO = -0;
const inf = Infinity;
const nan = NaN;

function one(a: NdArray): number {
  const v = a.reshape([]).toArray() as unknown;
  return typeof v === 'bigint' ? Number(v) : (v as number);
}
/** assert_equal for float lists: NaN equals NaN, -0 equals 0 (NumPy's assert_equal ignores zero signs). */
function eq(got: NdArray, want: number[]): void {
  const g = (vals(got) as number[]).map((v) => (Number.isNaN(v) ? 'nan' : v === 0 ? 0 : v));
  expect(g).toEqual(want.map((v) => (Number.isNaN(v) ? 'nan' : v === 0 ? 0 : v)));
}
const F = (v: number[], dt: string): NdArray => array(v, dt);

describe('TestCbrt', () => {
  test('test_cbrt_scalar', () => {
    expect(one(cbrt(F([Math.fround(-2.5) ** 3], 'f4')))).toBeCloseTo(-2.5, 5);
  });
  test('test_cbrt', () => {
    const x = [1, 2, -3, inf, -inf];
    const r = vals(cbrt(F(x.map((v) => v ** 3), 'f8'))) as number[];
    r.forEach((v, i) => (Number.isFinite(x[i]) ? expect(v).toBeCloseTo(x[i], 7) : expect(v).toBe(x[i])));
    expect(one(cbrt(nan))).toBeNaN();
    expect(one(cbrt(inf))).toBe(inf);
    expect(one(cbrt(-inf))).toBe(-inf);
  });
});

describe.each([
  ['TestLogAddExp', logaddexp, Math.log],
  ['TestLogAddExp2', logaddexp2, Math.log2],
] as const)('%s', (_name, f, lg) => {
  test('values', () => {
    for (const [dt, dec] of [['f4', 6], ['f8', 15]] as const) {
      const r = vals(f(F([1, 2, 3, 4, 5].map(lg), dt), F([5, 4, 3, 2, 1].map(lg), dt))) as number[];
      // assert_almost_equal(.., decimal) is |a - b| < 1.5 * 10**-decimal.
      for (const v of r) expect(Math.abs(v - lg(6))).toBeLessThan(1.5 * 10 ** -dec);
    }
  });
  test('range', () => {
    for (const dt of ['f4', 'f8']) {
      const r = vals(f(F([1000000, -1000000, 1000200, -1000200], dt), F([1000200, -1000200, 1000000, -1000000], dt))) as number[];
      [1000200, -1000000, 1000200, -1000000].forEach((z, i) => expect(Math.abs(r[i] - z)).toBeLessThan(1.5e-7));
    }
  });
  test('test_inf', () => {
    for (const dt of ['f4', 'f8']) eq(f(F([inf, -inf, inf, -inf, inf, 1, -inf, 1], dt), F([inf, inf, -inf, -inf, 1, inf, 1, -inf], dt)), [inf, inf, inf, -inf, inf, inf, 1, 1]);
  });
  test('test_nan', () => {
    for (const [x, y] of [[nan, inf], [inf, nan], [nan, 0], [0, nan], [nan, nan]]) expect(one(f(x, y))).toBeNaN();
  });
});

describe('TestLog1p / TestExpm1', () => {
  test('test_log1p', () => {
    expect(one(log1p(0.2))).toBeCloseTo(Math.log(1.2), 7);
    expect(one(log1p(1e-6))).toBeCloseTo(Math.log(1 + 1e-6), 7);
  });
  test('TestLog1p.test_special', () => {
    expect(one(log1p(nan))).toBeNaN();
    expect(one(log1p(inf))).toBe(inf);
    expect(one(log1p(-1))).toBe(-inf);
    expect(one(log1p(-2))).toBeNaN();
    expect(one(log1p(-inf))).toBeNaN();
  });
  test('test_expm1', () => {
    expect(one(expm1(0.2))).toBeCloseTo(Math.exp(0.2) - 1, 7);
    expect(one(expm1(1e-6))).toBeCloseTo(Math.exp(1e-6) - 1, 7);
  });
  test('TestExpm1.test_special', () => {
    expect(one(expm1(inf))).toBe(inf);
    expect(Object.is(one(expm1(0)), 0)).toBe(true);
    expect(Object.is(one(expm1(-0)), -0)).toBe(true);
    expect(one(expm1(-inf))).toBe(-1);
  });
  test('TestExpm1.test_complex', () => {
    const x = array([1e-12], 'f8');
    expect(Math.abs(one(expm1(x)) - 1e-12)).toBeLessThan(1e-19);
    const z = expm1(x.astype('c16')).toArray() as { re: number; im: number }[];
    expect(Math.abs(z[0].re - 1e-12)).toBeLessThan(1e-19);
    expect(z[0].im).toBe(0);
  });
});

describe('TestHypot / TestHypotSpecialValues', () => {
  test('test_simple', () => {
    expect(one(hypot(1, 1))).toBeCloseTo(Math.SQRT2, 7);
    expect(one(hypot(0, 0))).toBe(0);
  });
  test('test_nan_outputs', () => {
    expect(one(hypot(nan, nan))).toBeNaN();
    expect(one(hypot(nan, 1))).toBeNaN();
  });
  test('test_nan_outputs2', () => {
    for (const [x, y] of [[nan, inf], [inf, nan], [inf, 0], [0, inf], [inf, inf], [inf, 23.0]]) expect(one(hypot(x, y))).toBe(inf);
  });
});

describe('TestArctan2SpecialValues', () => {
  const pz = (x: number, y: number): void => expect(Object.is(one(arctan2(x, y)), 0)).toBe(true);
  const nz = (x: number, y: number): void => expect(Object.is(one(arctan2(x, y)), -0)).toBe(true);
  const near = (x: number, y: number, v: number): void => expect(one(arctan2(x, y))).toBeCloseTo(v, 7);
  test('test_one_one', () => {
    near(1, 1, 0.25 * Math.PI);
    near(-1, 1, -0.25 * Math.PI);
    near(1, -1, 0.75 * Math.PI);
  });
  test('test_zero_nzero', () => {
    near(PZERO, NZERO, Math.PI);
    near(NZERO, NZERO, -Math.PI);
  });
  test('test_zero_pzero', () => {
    pz(PZERO, PZERO);
    nz(NZERO, PZERO);
  });
  test('test_zero_negative', () => {
    near(PZERO, -1, Math.PI);
    near(NZERO, -1, -Math.PI);
  });
  test('test_zero_positive', () => {
    pz(PZERO, 1);
    nz(NZERO, 1);
  });
  test('test_positive_zero / test_negative_zero', () => {
    near(1, PZERO, 0.5 * Math.PI);
    near(1, NZERO, 0.5 * Math.PI);
    near(-1, PZERO, -0.5 * Math.PI);
    near(-1, NZERO, -0.5 * Math.PI);
  });
  test('test_any_ninf / test_any_pinf', () => {
    near(1, -inf, Math.PI);
    near(-1, -inf, -Math.PI);
    pz(1, inf);
    nz(-1, inf);
  });
  test('test_inf_any / test_inf_ninf / test_inf_pinf', () => {
    near(inf, 1, 0.5 * Math.PI);
    near(-inf, 1, -0.5 * Math.PI);
    near(inf, -inf, 0.75 * Math.PI);
    near(-inf, -inf, -0.75 * Math.PI);
    near(inf, inf, 0.25 * Math.PI);
    near(-inf, inf, -0.25 * Math.PI);
  });
  test('test_nan_any', () => {
    for (const [x, y] of [[nan, inf], [inf, nan], [nan, nan]]) expect(one(arctan2(x, y))).toBeNaN();
  });
});

describe.each([
  ['TestFmax', fmax, [0, 0, nan]],
  ['TestFmin', fmin, [0, 0, nan]],
] as const)('%s', (name, f, out) => {
  test('test_float_nans', () => {
    eq(f(F([0, nan, nan], 'f8'), F([nan, 0, nan], 'f8')), [...out]);
  });
  test('test_complex_nans', () => {
    for (const cnan of [{ re: nan, im: 0 }, { re: 0, im: nan }, { re: nan, im: nan }]) {
      const r = f(array([0, cnan, cnan], 'c16'), array([cnan, 0, cnan], 'c16')).toArray() as { re: number; im: number }[];
      expect(r.slice(0, 2)).toEqual([{ re: 0, im: 0 }, { re: 0, im: 0 }]);
      expect(Number.isNaN(r[2].re) || Number.isNaN(r[2].im)).toBe(true);
    }
  });
  test('test_precision (the element-wise rows)', () => {
    const fin = { f2: 65504, f4: 3.4028234663852886e38, f8: Number.MAX_VALUE } as const;
    for (const dt of ['f2', 'f4', 'f8'] as const) {
      const d1 = one(F([0.1], dt));
      const d1Next = one(nextafter(F([0.1], dt), inf));
      expect(d1Next).toBeGreaterThan(d1);
      const rows: [number, number, number][] =
        name === 'TestFmax'
          ? [[-fin[dt], -inf, -fin[dt]], [fin[dt], -inf, fin[dt]], [d1, d1Next, d1Next], [fin[dt], nan, fin[dt]]]
          : [[-fin[dt], inf, -fin[dt]], [fin[dt], inf, fin[dt]], [d1, d1Next, d1], [-fin[dt], nan, -fin[dt]]];
      for (const [v1, v2, want] of rows) expect(one(f(F([v1], dt), F([v2], dt)))).toBe(want);
    }
  });
});

describe('TestDegrees / TestRadians', () => {
  test('test_degrees', () => {
    expect(one(degrees(Math.PI))).toBeCloseTo(180, 7);
    expect(one(degrees(-0.5 * Math.PI))).toBeCloseTo(-90, 7);
  });
  test('test_radians', () => {
    expect(one(radians(180))).toBeCloseTo(Math.PI, 7);
    expect(one(radians(-90))).toBeCloseTo(-0.5 * Math.PI, 7);
  });
});

describe('TestHeavside', () => {
  test('test_heaviside', () => {
    const x = [-30.0, -0.1, 0.0, 0.2, 7.5, nan, inf, -inf];
    const half = [0, 0, 0.5, 1, 1, nan, 1, 0];
    const one1 = [0, 0, 1, 1, 1, nan, 1, 0];
    eq(heaviside(F(x, 'f8'), 0.5), half);
    eq(heaviside(F(x, 'f8'), 1.0), one1);
    eq(heaviside(F(x, 'f4'), F([0.5], 'f4')), half);
    eq(heaviside(F(x, 'f4'), F([1.0], 'f4')), one1);
  });
});

describe('TestSign', () => {
  test('test_sign', () => {
    const a = F([inf, -inf, nan, 0.0, 3.0, -3.0], 'f8');
    const tgt = [1, -1, nan, 0, 1, -1];
    eq(sign(a), tgt);
    const out = zeros(6, 'f8');
    eq(sign(a, { out }), tgt);
    eq(out, tgt);
  });
  test('test_sign_complex', () => {
    const c = (re: number, im: number): { re: number; im: number } => ({ re, im });
    const a = array([c(inf, 0), c(-inf, 0), c(0, inf), c(0, -inf), c(inf, inf), c(inf, -inf), c(nan, 0), c(0, nan), c(nan, nan), c(0, 0),
      c(3, 0), c(-3, 0), c(0, -2), c(3, 4), c(-8, 6)], 'c16');
    const tgt = [c(1, 0), c(-1, 0), c(0, 1), c(0, -1), ...Array.from({ length: 5 }, () => c(nan, nan)), c(0, 0), c(1, 0), c(-1, 0), c(0, -1), c(0.6, 0.8), c(-0.8, 0.6)];
    const out = zeros(15, 'c16');
    const res = sign(a, { out });
    expect(res).toBe(out);
    const got = (res.toArray() as { re: number; im: number }[]).map((z) => c(z.re === 0 ? 0 : z.re, z.im === 0 ? 0 : z.im));
    expect(got).toEqual(tgt);
  });
});

describe('TestSpecialFloats', () => {
  const DT = ['f2', 'f4', 'f8'];
  test('test_sincos_values', () => {
    for (const dt of DT) {
      eq(sin(F([nan, -nan, inf, -inf], dt)), [nan, nan, nan, nan]);
      eq(cos(F([nan, -nan, inf, -inf], dt)), [nan, nan, nan, nan]);
    }
  });
  test('test_sincos_overlaps', () => {
    for (const [f, dt, stride] of [sin, cos].flatMap((f) => ['f4', 'f8'].flatMap((dt) => [-1, 1, 2, 4, 5].map((s) => [f, dt, s] as const)))) {
      const N = 100;
      const M = Math.floor(N / Math.abs(stride));
      const x = F(Array.from({ length: N }, (_, i) => Math.sin(i * 12.9898) * 3), dt);
      const y = f(x.index(`::${stride}`));
      f(x.index(`::${stride}`), { out: x.index(`:${M}`) });
      expect(vals(x.index(`:${M}`))).toEqual(vals(y));
    }
  });
  test('test_reciprocal_values', () => {
    for (const dt of DT) {
      const r = reciprocal(F([nan, -nan, inf, -inf, 0, -0], dt));
      const v = vals(r) as number[];
      expect(v.slice(0, 2).every(Number.isNaN)).toBe(true);
      expect(v.slice(2)).toEqual([0, -0, inf, -inf]);
      expect((vals(signbit(r)) as boolean[]).slice(2)).toEqual([false, true, false, true]);
    }
  });
  const rows: [string, (x: NdArray) => NdArray, number[], number[]][] = [
    ['test_tan', tan, [nan, -nan, 0.0, -0.0, inf, -inf], [nan, nan, 0.0, -0.0, nan, nan]],
    ['test_arcsincos (arcsin)', arcsin, [nan, -nan, inf, -inf], [nan, nan, nan, nan]],
    ['test_arcsincos (arccos)', arccos, [nan, -nan, inf, -inf], [nan, nan, nan, nan]],
    ['test_arctan', arctan, [nan, -nan], [nan, nan]],
    ['test_sinh', sinh, [nan, -nan, inf, -inf], [nan, nan, inf, -inf]],
    ['test_cosh', cosh, [nan, -nan, inf, -inf], [nan, nan, inf, inf]],
    ['test_tanh', tanh, [nan, -nan, inf, -inf], [nan, nan, 1.0, -1.0]],
    ['test_arcsinh', arcsinh, [nan, -nan, inf, -inf], [nan, nan, inf, -inf]],
    ['test_arccosh', arccosh, [nan, -nan, inf, -inf, 1.0, 0.0], [nan, nan, inf, nan, 0.0, nan]],
    ['test_arctanh', arctanh, [nan, -nan, inf, -inf, 1.0, -1.0, 2.0], [nan, nan, nan, nan, inf, -inf, nan]],
    ['test_exp2', exp2, [nan, -nan, inf, -inf], [nan, nan, inf, 0.0]],
    ['test_expm1', expm1, [nan, -nan, inf, -inf], [nan, nan, inf, -1.0]],
  ];
  test.each(rows)('%s', (_n, f, input, out) => {
    for (const dt of DT) {
      const r = f(F(input, dt));
      eq(r, out);
      // Signed zeros are exact too (tan(-0) is -0).
      (vals(r) as number[]).forEach((v, i) => out[i] === 0 && expect(Object.is(v, out[i])).toBe(true));
    }
  });
  test('test_arctanh: glibc >= 2.18 catanh (the sign of the real part of arctanh(-1j))', () => {
    // Python's -1j is -(0+1j): its real part is -0.0.
    const r = arctanh({ re: -0, im: -1 }).toArray() as { re: number; im: number };
    expect(Object.is(r.re, -0)).toBe(true);
  });
});

describe('TestRationalFunctions', () => {
  const lcmInner = (dt: string): void => {
    eq(lcm(array([12, 120], dt), array([20, 200], dt)), [60, 600]);
    if (dt[0] !== 'u') eq(lcm(array([12, -12, 12, -12], dt), array([20, 20, -20, -20], dt)), [60, 60, 60, 60]);
    eq(lcm(array([0, 1, 2, 3, 4, 5], dt), 20), [0, 20, 20, 60, 20, 20]);
  };
  const gcdInner = (dt: string): void => {
    eq(gcd(array([12, 120], dt), array([20, 200], dt)), [4, 40]);
    if (dt[0] !== 'u') eq(gcd(array([12, -12, 12, -12], dt), array([20, 20, -20, -20], dt)), [4, 4, 4, 4]);
    eq(gcd(array([0, 1, 2, 3, 4, 5], dt), 20), [20, 1, 2, 1, 4, 5]);
  };
  test('test_lcm', () => {
    lcmInner('i2');
    lcmInner('u2');
  });
  test('test_gcd', () => {
    gcdInner('i2');
    lcmInner('u2');
  });
  test('test_lcm_overflow', () => {
    const big = Math.floor(2147483647 / 11);
    expect(one(lcm(array([2 * big], 'i4'), array([5 * big], 'i4')))).toBe(10 * big);
  });
  test('test_gcd_overflow', () => {
    for (const [dt, min] of [['i1', -128n], ['i2', -32768n], ['i4', -2147483648n], ['i8', -(2n ** 63n)]] as const) {
      const q = -(min / 4n);
      const A = (v: bigint): NdArray => array([dt === 'i8' ? v : Number(v)], dt);
      for (const [x, y] of [[min, q * 3n], [min, -q * 3n], [q * 3n, min], [-q * 3n, min]]) expect(BigInt(one(gcd(A(x), A(y))))).toBe(q);
    }
  });
});

test('test_copysign', () => {
  expect(one(copysign(1, -1))).toBe(-1);
  expect(1 / one(copysign(0, -1))).toBeLessThan(0);
  expect(1 / one(copysign(0, 1))).toBeGreaterThan(0);
  expect(signbit(copysign(nan, -1)).toArray()).toBe(true);
  expect(signbit(copysign(nan, 1)).toArray()).toBe(false);
});
