// NumPy's own numpy/_core/tests/test_umath.py (NumPy 2.4): classes TestLog2,
// TestExp2, TestPositive, TestRoundingFunctions, TestComplexFunctions,
// TestHypotErrorMessages, TestBitwiseUFuncs.test_bitwise_count and
// test_rint_big_int (the other classes are in test_umath.test.ts,
// test_umath_math.test.ts, test_umath-divmod-frexp.test.ts and
// test_umath-nextafter.test.ts), ported test by test: same names, same intent,
// the same values, dtypes and errors.
//
// Mapping: a NumPy scalar np.float64(x) / np.complex128(z) -> a 0-d array of
// that dtype; a Python complex -> { re, im }; np.finfo(t).eps -> its value
// (2^-52 for float64/complex128, 2^-23 for float32/complex64); the typecode
// loops run over the dtypes the library has (no 'g', no clongdouble).
// test_against_cmath asks Python's cmath for its reference values at test time
// (skipped with a clear line when python3 is missing).
//
// Skipped (not counted as passing):
// - TestLog2.test_log2_special's RuntimeWarning checks: no warnings here (the values are ported).
// - TestPositive.test_invalid's datetime64, str and object lines: no such dtypes (the bool line is ported).
// - TestRoundingFunctions.test_object_direct, test_object_indirect, test_fraction: object arrays
//   and Python's Fraction.
// - TestComplexFunctions.test_precisions_consistent's clongdouble line, test_loss_of_precision's
//   clongdouble parametrization: no long double.
// - TestHypotErrorMessages: JS drops extra arguments before the call, so hypot(1, 2, 3, 4) is
//   ported as a TypeError for the 3 where the options object goes (NumPy's message words, "takes
//   ... but 4 were given", cannot be produced); hypot(5) is ported as a TypeError naming hypot().
import {
  absolute, all, arange, arccos, arccosh, arcsin, arcsinh, arctan, arctanh, asarray, bitwiseCount, ceil, cos, divide, exp, exp2,
  floor, hypot, isnan, less, log, log10, log1p, log2, logspace, NdArray, positive, rint, sin, sqrt, subtract, tan, trunc, UFuncTypeError,
} from '../../lib';
import { arr, vals } from '../helpers/np-port';
import { assertAlmostEqual, assertEqual } from '../helpers/np-assert';
import { describeWithNumpy, runNumpy } from '../helpers/numpy';

type C = { re: number; im: number };
const cx = (re: number, im: number): C => ({ re, im });
const one = (a: NdArray): number => Number(a.get());

describe('TestLog2', () => {
  for (const dt of ['f', 'd']) {
    test(`test_log2_values[${dt}]`, () => {
      const x = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];
      const y = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
      assertAlmostEqual(log2(arr(x, dt)), arr(y, dt));
    });
  }

  test('test_log2_ints[1..64]', () => {
    // a good log2 implementation should provide this
    for (let i = 1; i < 65; i++) {
      const v = one(log2(asarray(2 ** i, 'f8')));
      expect(`${v} at exponent ${i}`).toBe(`${i} at exponent ${i}`);
    }
  });

  test('test_log2_special', () => {
    expect(one(log2(asarray(1, 'f8')))).toBe(0);
    expect(one(log2(Infinity))).toBe(Infinity);
    expect(isnan(log2(NaN)).get()).toBe(true);
    expect(isnan(log2(-1.5)).get()).toBe(true);
    expect(isnan(log2(asarray(-1, 'f8'))).get()).toBe(true);
    expect(isnan(log2(-Infinity)).get()).toBe(true);
    expect(one(log2(asarray(0, 'f8')))).toBe(-Infinity);
  });
});

describe('TestExp2', () => {
  test('test_exp2_values', () => {
    const x = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];
    const y = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    for (const dt of ['f', 'd']) assertAlmostEqual(exp2(arr(y, dt)), arr(x, dt));
  });
});

describe('TestPositive', () => {
  test('test_valid', () => {
    for (const dt of ['l', 'd', 'D']) {
      const x = arange(5, dt);
      const result = positive(x);
      expect(result.dtype.equals(x.dtype)).toBe(true);
      assertEqual(x, result);
    }
  });

  test('test_invalid', () => {
    expect(() => positive(true)).toThrow(TypeError);
    expect(() => positive(true)).toThrow(UFuncTypeError);
  });
});

describe('TestRoundingFunctions', () => {
  for (const [fname, func] of [['floor', floor], ['ceil', ceil], ['trunc', trunc]] as const) {
    for (const dt of ['?', 'f8', 'f4', 'i8', 'u4']) {
      test(`test_output_dtype[${dt}-${fname}]`, () => {
        // np.array([-2, 0, 4, 8]).astype(dtype): a wrapping (unsafe) cast for bool and uint32
        const a = arr([-2, 0, 4, 8]).astype(dt);
        const result = func(a);
        assertEqual(a, result);
        expect(result.dtype.str).toBe(a.dtype.str);
      });
    }
  }
});

/** np.atleast_1d(v).astype(dtype) for complex points given as numbers or { re, im }. */
const cplx = (v: (number | C)[], dt: string): NdArray => arr(v.map((z) => (typeof z === 'number' ? cx(z, 0) : z)), dt);

type F = (x: NdArray) => NdArray;

/** NumPy's _check_branch_cut, over complex128 ('D') or complex64 ('F'). */
function checkBranchCut(f: F, x0v: number | C | (number | C)[], dxv: number | C | (number | C)[], reSign = 1, imSign = -1, sigZeroOk = false, dt: 'D' | 'F' = 'D'): void {
  const x0 = cplx(Array.isArray(x0v) ? x0v : [x0v], dt);
  const dx = cplx(Array.isArray(dxv) ? dxv : [dxv], dt);
  const [scale, atol] = dt === 'F' ? [2 ** -23 * 1e2, 1e-2] : [2 ** -52 * 1e3, 1e-4];
  const x0s = x0.toArray() as C[];
  const dxs = dx.toArray() as C[];
  const step = (sgn: number): NdArray => cplx(x0s.map((z, i) => {
    const d = dxs[i];
    const k = (scale * Math.hypot(z.re, z.im)) / Math.hypot(d.re, d.im);
    return cx(z.re + sgn * d.re * k, z.im + sgn * d.im * k);
  }), dt);
  const y0 = f(x0).toArray() as C[];
  const yp = f(step(1)).toArray() as C[];
  const ym = f(step(-1)).toArray() as C[];
  const within = (a: number, b: number): boolean => Math.abs(a - b) < atol;
  y0.forEach((y, i) => {
    expect([i, within(y.re, yp[i].re), within(y.im, yp[i].im)]).toEqual([i, true, true]);
    expect([i, within(y.re, ym[i].re * reSign), within(y.im, ym[i].im * imSign)]).toEqual([i, true, true]);
  });
  if (sigZeroOk) {
    // check that signed zeros also work as a displacement
    const jr = x0s.map((z, i) => z.re === 0 && dxs[i].re !== 0);
    const ji = x0s.map((z, i) => z.im === 0 && dxs[i].im !== 0);
    for (const [mask, re] of [[jr, true], [ji, false]] as const) {
      const idx = mask.flatMap((m, i) => (m ? [i] : []));
      if (idx.length === 0) continue;
      const x = cplx(idx.map((i) => (re ? cx(-0, x0s[i].im) : cx(x0s[i].re, -0))), dt);
      const ymz = f(x).toArray() as C[];
      idx.forEach((i, k) => {
        expect([i, within(y0[i].re, ymz[k].re * reSign), within(y0[i].im, ymz[k].im * imSign)]).toEqual([i, true, true]);
      });
    }
  }
}

describe('TestComplexFunctions', () => {
  const funcs: [string, F][] = [
    ['arcsin', arcsin], ['arccos', arccos], ['arctan', arctan], ['arcsinh', arcsinh], ['arccosh', arccosh],
    ['arctanh', arctanh], ['sin', sin], ['cos', cos], ['tan', tan], ['exp', exp],
    ['exp2', exp2], ['log', log], ['sqrt', sqrt], ['log10', log10], ['log2', log2],
    ['log1p', log1p],
  ];

  test('test_it', () => {
    for (const [name, f] of funcs) {
      const x = name === 'arccosh' ? 1.5 : 0.5;
      const fr = one(f(asarray(x, 'f8')));
      const fz = f(asarray(cx(x, 0), 'c16')).get() as C;
      expect([name, Math.abs(fz.re - fr) < 1.5e-7, Math.abs(fz.im) < 1.5e-7]).toEqual([name, true, true]);
    }
  });

  test('test_precisions_consistent', () => {
    const z = cx(1, 1);
    for (const [name, f] of funcs) {
      const fcf = f(asarray(z, 'c8')).get() as C;
      const fcd = f(asarray(z, 'c16')).get() as C;
      expect([name, Math.hypot(fcf.re - fcd.re, fcf.im - fcd.im) < 1.5e-6]).toEqual([name, true]);
    }
  });

  for (const dt of ['D', 'F'] as const) {
    test(dt === 'D' ? 'test_branch_cuts' : 'test_branch_cuts_complex64', () => {
      const j = (im: number): C => cx(0, im);
      // check branch cuts and continuity on them
      checkBranchCut(log, -0.5, j(1), 1, -1, true, dt);
      checkBranchCut(log2, -0.5, j(1), 1, -1, true, dt);
      checkBranchCut(log10, -0.5, j(1), 1, -1, true, dt);
      checkBranchCut(log1p, -1.5, j(1), 1, -1, true, dt);
      checkBranchCut(sqrt, -0.5, j(1), 1, -1, true, dt);

      checkBranchCut(arcsin, [-2, 2], [j(1), j(1)], 1, -1, true, dt);
      checkBranchCut(arccos, [-2, 2], [j(1), j(1)], 1, -1, true, dt);
      checkBranchCut(arctan, [j(-2), j(2)], [1, 1], -1, 1, true, dt);

      checkBranchCut(arcsinh, [j(-2), j(2)], [1, 1], -1, 1, true, dt);
      checkBranchCut(arccosh, [-1, 0.5], [j(1), j(1)], 1, -1, true, dt);
      checkBranchCut(arctanh, [-2, 2], [j(1), j(1)], 1, -1, true, dt);

      // check against bogus branch cuts: assert continuity between quadrants
      checkBranchCut(arcsin, [j(-2), j(2)], [1, 1], 1, 1, false, dt);
      checkBranchCut(arccos, [j(-2), j(2)], [1, 1], 1, 1, false, dt);
      checkBranchCut(arctan, [-2, 2], [j(1), j(1)], 1, 1, false, dt);

      checkBranchCut(arcsinh, [-2, 2, 0], [j(1), j(1), 1], 1, 1, false, dt);
      checkBranchCut(arccosh, [j(-2), j(2), 2], [1, 1, j(1)], 1, 1, false, dt);
      checkBranchCut(arctanh, [j(-2), j(2), 0], [1, 1, j(1)], 1, 1, false, dt);
    });
  }

  for (const dt of ['c8', 'c16'] as const) {
    test(`test_loss_of_precision[${dt === 'c8' ? 'complex64' : 'complex128'}]`, () => {
      // Check loss of precision in complex arc* functions, against the real ones
      const realDt = dt === 'c8' ? 'f4' : 'f8';
      const eps = dt === 'c8' ? 2 ** -23 : 2 ** -52;
      const check = (xs: NdArray, rtol: number): void => {
        const x = xs.astype(realDt);
        const xv = (vals(x) as number[]);
        const rel = (num: NdArray, den: number[], what: string): void => {
          const n = vals(num) as number[];
          const worst = Math.max(...n.map((v, i) => Math.abs(v / den[i] - 1)));
          expect(`${what} ${worst < rtol ? 'ok' : worst}`).toBe(`${what} ok`);
        };
        const z = x.astype(dt);
        const iz = asarray(xv.map((v) => cx(0, v)), dt);
        const part = (a: NdArray, p: 're' | 'im'): number[] => (a.toArray() as C[]).map((c) => c[p]);
        rel(arcsinh(x), part(arcsinh(z), 're'), 'arcsinh');
        rel(arcsinh(x), part(arcsin(iz), 'im'), 'arcsin');
        rel(arctanh(x), part(arctanh(z), 're'), 'arctanh');
        rel(arctanh(x), part(arctan(iz), 'im'), 'arctan');
      };
      // The switchover was chosen as 1e-3; hence there can be up to
      // ~eps/1e-3 of relative cancellation error before it
      const xSeries = logspace(-20, -3.001, 200);
      const xBasic = logspace(-2.999, 0, 10, { endpoint: false });
      check(xSeries, 2.1 * eps);
      check(xBasic, (2.0 * eps) / 1e-3);

      // Check a few points
      const z = asarray([cx(1e-5, 1e-5)], dt);
      // d = np.absolute(1 - f(z) / p): p a Python complex, weak, so computed in the array's dtype
      const near = (got: NdArray, p: C): void => {
        const d = absolute(subtract(1, divide(got, p)));
        expect(all(less(d, 1e-15)).get()).toBe(true);
      };
      near(arctanh(z), cx(9.999999999333333333e-6, 1.000000000066666666e-5));
      near(arcsinh(z), cx(1.0000000000333333333e-5, 9.999999999666666667e-6));
      near(arctan(z), cx(1.000000000066666666e-5, 9.999999999333333333e-6));
      near(arcsin(z), cx(9.999999999666666667e-6, 1.0000000000333333333e-5));

      // Check continuity across switchover points
      const checkC = (func: F, z0: C[], d: C): void => {
        const z0a = asarray(z0, dt);
        const z0v = z0a.toArray() as C[];
        const shift = (sgn: number): NdArray => asarray(z0v.map((w) => {
          const k = sgn * Math.hypot(w.re, w.im) * eps * 2;
          return cx(w.re + k * d.re, w.im + k * d.im);
        }), dt);
        const zp = shift(1);
        const zm = shift(-1);
        const zpv = zp.toArray() as C[];
        const zmv = zm.toArray() as C[];
        expect(zpv.every((w, i) => w.re !== zmv[i].re || w.im !== zmv[i].im)).toBe(true);
        // NB: the cancellation error at the switchover is at least eps
        const fp = func(zp).toArray() as C[];
        const fm = func(zm).toArray() as C[];
        const bad = fp.flatMap((w, i) => (Math.hypot(w.re - fm[i].re, w.im - fm[i].im) < 2 * eps ? [] : [z0v[i]]));
        expect(bad).toEqual([]);
      };
      const pts: C[] = [];
      for (const rp of [-1e-3, 0, 1e-3]) for (const ip of [-1e-3, 0, 1e-3]) if (rp !== 0 || ip !== 0) pts.push(cx(rp, ip));
      for (const func of [arcsinh, arcsinh, arcsin, arctanh, arctan]) {
        checkC(func, pts, cx(1, 0));
        checkC(func, pts, cx(0, 1));
        checkC(func, pts, cx(1, 1));
      }
    });
  }
});

describeWithNumpy('TestComplexFunctions (against cmath)', () => {
  test('test_against_cmath', () => {
    const names: [string, string, F][] = [
      ['arcsin', 'asin', arcsin], ['arccos', 'acos', arccos], ['arctan', 'atan', arctan], ['arcsinh', 'asinh', arcsinh],
      ['arccosh', 'acosh', arccosh], ['arctanh', 'atanh', arctanh], ['sin', 'sin', sin], ['cos', 'cos', cos],
      ['tan', 'tan', tan], ['exp', 'exp', exp], ['log', 'log', log], ['sqrt', 'sqrt', sqrt], ['log10', 'log10', log10],
    ];
    const points = [cx(-1, -1), cx(-1, 1), cx(1, -1), cx(1, 1)];
    // cmath has no exp2, log2 or log1p: NumPy's test skips them (AttributeError).
    const ref = runNumpy<[number, number][][]>(
      `import cmath\nnames = ${JSON.stringify(names.map((n) => n[1]))}\npts = [-1-1j, -1+1j, 1-1j, 1+1j]\n` +
      `print(json.dumps([[[getattr(cmath, n)(p).real, getattr(cmath, n)(p).imag] for p in pts] for n in names]))`,
    );
    const atol = 4 * 2 ** -52;
    names.forEach(([fname, , func], k) => {
      points.forEach((p, i) => {
        const a = func(asarray(p, 'c16')).get() as C;
        const [br, bi] = ref[k][i];
        expect(`${fname} ${JSON.stringify(p)}: ${Math.hypot(a.re - br, a.im - bi) < atol ? 'ok' : `${a.re}+${a.im}j; cmath: ${br}+${bi}j`}`)
          .toBe(`${fname} ${JSON.stringify(p)}: ok`);
      });
    });
  });
});

describe('TestHypotErrorMessages', () => {
  test('test_hypot_error_message_single_arg', () => {
    expect(() => (hypot as unknown as (x: unknown) => unknown)(5)).toThrow(TypeError);
    expect(() => (hypot as unknown as (x: unknown) => unknown)(5)).toThrow(/hypot\(\)/);
  });

  test('test_hypot_error_message_multiple_args', () => {
    expect(() => (hypot as (...x: unknown[]) => unknown)(1, 2, 3, 4)).toThrow(TypeError);
    expect(() => (hypot as (...x: unknown[]) => unknown)(1, 2, 3, 4)).toThrow(/hypot\(\)/);
  });
});

describe('TestBitwiseUFuncs', () => {
  const INTS: [string, number, boolean][] = [
    ['b', 8, true], ['B', 8, false], ['h', 16, true], ['H', 16, false], ['i', 32, true], ['I', 32, false],
    ['l', 64, true], ['L', 64, false], ['q', 64, true], ['Q', 64, false],
  ];
  for (const [dt, bitsize, signed] of INTS) {
    test(`test_bitwise_count[${dt}-${bitsize}]`, () => {
      const big = bitsize === 64;
      const num = (i: number): number | bigint => (big ? 2n ** BigInt(i) - 1n : 2 ** i - 1);
      const neg = (v: number | bigint): number | bigint => (typeof v === 'bigint' ? -v : -v);
      for (let i = 1; i < bitsize; i++) {
        expect([i, Number(bitwiseCount(asarray(num(i), dt)).get())]).toEqual([i, i]);
        if (signed) expect([i, Number(bitwiseCount(asarray(neg(num(i)), dt)).get())]).toEqual([i, i]);
      }
      const a = asarray(Array.from({ length: bitsize - 1 }, (_, k) => num(k + 1)), dt);
      const got = bitwiseCount(a);
      const expected = arange(1, bitsize, dt);
      expect(vals(got)).toEqual(vals(expected));
    });
  }
});

test('test_rint_big_int', () => {
  // np.rint bug for large integer values on Windows 32-bit and MKL (numpy gh-6685)
  const val = 4607998452777363968;
  // This is exactly representable in floating point
  expect(BigInt(val)).toBe(4607998452777363968n);
  // Rint should not change the value
  expect(rint(val).get()).toBe(val);
  expect(rint(asarray(4607998452777363968n, 'i8')).get()).toBe(val);
});
