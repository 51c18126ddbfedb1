// NumPy's own numpy/_core/tests/test_umath.py (NumPy 2.4): the np.divmod half of
// TestRemainder (test_remainder_basic, test_float_remainder_exact,
// test_float_remainder_roundoff, test_float_divmod_corner_cases; the
// floor_divide_and_remainder half is in test_umath.test.ts), TestLDExp, TestFRExp,
// TestLdexp and the frexp out= lines of TestOut.test_out_subok, ported test by test:
// same names, same intent, the same values, dtypes and errors.
//
// Mapping: np.divmod / np.frexp / np.modf (a, out=(o1, o2)) -> divmod / frexp /
// modf(a, { out: [o1, o2] }) (a pair of arrays); np.ldexp(x1, x2, out=) ->
// ldexp(x1, x2, { out }); typecode loops run over the dtypes the library has
// (np.typecodes['Float'] 'efdg' -> 'efd'; 'AllInteger' without 'n', 'N', 'p', 'P').
//
// Skipped (not counted as passing):
// - test_float_divmod_errors: np.errstate(raise) floating-point exceptions do not exist here.
// - TestLdexp's np.longdouble line (no float128); TestOut's add/subok lines (ported in
//   test_umath.test.ts where they apply) and the positional out= forms (options only here).
import { divmod, dtype, frexp, isinf, isnan, ldexp, multiply, add, NdArray, ones, zeros } from '../../lib';
import { array as asArray } from '../../lib/array-coerce';
import { assertAlmostEqual, assertEqual } from '../helpers/np-assert';

const arr = (v: unknown, dt?: string): NdArray => asArray(v, dt ?? null);
const INTS = ['b', 'B', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q'];
const FLOATS = ['e', 'f', 'd'];
const signs = (dt: string): number[] => (dtype(dt).kind === 'u' ? [1] : [1, -1]);
const num = (a: NdArray): number => Number(a.get());

describe('TestRemainder (np.divmod)', () => {
  test('test_remainder_basic', () => {
    const dts = [...INTS, ...FLOATS];
    for (const dt1 of dts) {
      for (const dt2 of dts) {
        for (const sg1 of signs(dt1)) {
          for (const sg2 of signs(dt2)) {
            const a = arr(sg1 * 71, dt1);
            const b = arr(sg2 * 19, dt2);
            const [div, rem] = divmod(a, b);
            expect(num(add(multiply(div, b), rem))).toBe(num(a));
            const r = num(rem);
            const bb = num(b);
            if (sg2 === -1) expect(bb < r && r <= 0).toBe(true);
            else expect(bb > r && r >= 0).toBe(true);
          }
        }
      }
    }
  });

  test('test_float_remainder_exact', () => {
    const dividend = [...Array.from({ length: 127 }, (_, i) => i - 127), 0, ...Array.from({ length: 127 }, (_, i) => i + 1)];
    const divisor = [...Array.from({ length: 127 }, (_, i) => i - 127), ...Array.from({ length: 127 }, (_, i) => i + 1)];
    const A: number[] = [];
    const B: number[] = [];
    const tdiv: number[] = [];
    const trem: number[] = [];
    for (const x of dividend) {
      for (const y of divisor) {
        A.push(x);
        B.push(y);
        // Python's divmod on ints, then NumPy's signed zeros
        const q = Math.floor(x / y);
        const r = x - q * y;
        tdiv.push(q === 0 && (y < 0) !== (x < 0) ? -0 : q);
        trem.push(r === 0 && y < 0 ? -0 : r);
      }
    }
    for (const dt of FLOATS) {
      const [div, rem] = divmod(arr(A, dt), arr(B, dt));
      const d = div.toArray() as number[];
      const r = rem.toArray() as number[];
      // assert_equal checks the sign of a zero (Object.is); the mismatches are listed, not one expect per element
      const bad: string[] = [];
      for (let i = 0; i < A.length; i++) {
        if (!Object.is(d[i], tdiv[i]) || !Object.is(r[i], trem[i])) bad.push(`${dt} divmod(${A[i]}, ${B[i]}) = (${d[i]}, ${r[i]}), want (${tdiv[i]}, ${trem[i]})`);
      }
      expect(bad.slice(0, 10)).toEqual([]);
    }
  });

  test('test_float_remainder_roundoff', () => {
    // gh-6127
    for (const dt1 of FLOATS) {
      for (const dt2 of FLOATS) {
        for (const sg1 of [1, -1]) {
          for (const sg2 of [1, -1]) {
            const a = arr(sg1 * 78 * 6e-8, dt1);
            const b = arr(sg2 * 6e-8, dt2);
            const [div, rem] = divmod(a, b);
            assertEqual(add(multiply(div, b), rem), a);
            const r = num(rem);
            const bb = num(b);
            if (sg2 === -1) expect(bb < r && r <= 0).toBe(true);
            else expect(bb > r && r >= 0).toBe(true);
          }
        }
      }
    }
  });

  test('test_float_divmod_corner_cases', () => {
    for (const dt of FLOATS) {
      const fnan = arr(NaN, dt);
      const fone = arr(1.0, dt);
      const fzer = arr(0.0, dt);
      const finf = arr(Infinity, dt);
      const check = (x: NdArray, y: NdArray, divIs: 'inf' | 'nan'): void => {
        const [div, rem] = divmod(x, y);
        expect((divIs === 'inf' ? isinf(div) : isnan(div)).get()).toBe(true);
        expect(isnan(rem).get()).toBe(true);
      };
      check(fone, fzer, 'inf');
      check(fzer, fzer, 'nan');
      check(finf, finf, 'nan');
      check(finf, fzer, 'inf');
      check(fnan, fone, 'nan');
      check(fone, fnan, 'nan');
      check(fnan, fzer, 'nan');
    }
  });
});

describe('TestLDExp', () => {
  const strides = [-4, -2, -1, 1, 2, 4];
  test.each(['f', 'd'].flatMap((dt) => strides.map((s) => [dt, s] as const)))('test_ldexp(%s, stride %i)', (dt, stride) => {
    const mant = arr([0.125, 0.25, 0.5, 1, 1, 2, 4, 8], dt);
    const exp = arr([3, 2, 1, 0, 0, -1, -2, -3], 'i');
    const out = zeros([8], dt);
    const st = `::${stride}`;
    const want = ones([8], dt).index(st);
    assertEqual(ldexp(mant.index(st), exp.index(st), { out: out.index(st) }), want);
    assertEqual(out.index(st), want);
  });
});

describe('TestFRExp', () => {
  const strides = [-4, -2, -1, 1, 2, 4];
  test.each(['f', 'd'].flatMap((dt) => strides.map((s) => [dt, s] as const)))('test_frexp(%s, stride %i)', (dt, stride) => {
    const a = arr([NaN, NaN, Infinity, -Infinity, 0.0, -0.0, 1.0, -1.0], dt);
    const mantTrue = arr([NaN, NaN, Infinity, -Infinity, 0.0, -0.0, 0.5, -0.5], dt);
    const expTrue = arr([0, 0, 0, 0, 0, 0, 1, 1], 'i');
    const outMant = ones([8], dt);
    const outExp = ones([8], 'i').multiply(2).astype('i');
    const st = `::${stride}`;
    const [mant, exp] = frexp(a.index(st), { out: [outMant.index(st), outExp.index(st)] });
    assertEqual(mantTrue.index(st), mant);
    assertEqual(expTrue.index(st), exp);
    assertEqual(outMant.index(st), mantTrue.index(st));
    assertEqual(outExp.index(st), expTrue.index(st));
    // assert_equal checks the sign of a zero
    const m = mant.toArray() as number[];
    const t = mantTrue.index(st).toArray() as number[];
    m.forEach((v, i) => {
      if (v === 0) expect(Object.is(v, t[i])).toBe(true);
    });
  });
});

describe('TestLdexp', () => {
  const checkLdexp = (tp: string): void => {
    assertAlmostEqual(ldexp(arr(2.0, 'f4'), arr(3, tp)), 16.0);
    assertAlmostEqual(ldexp(arr(2.0, 'f8'), arr(3, tp)), 16.0);
  };

  test('test_ldexp', () => {
    assertAlmostEqual(ldexp(2.0, 3), 16.0);
    for (const tp of ['i1', 'i2', 'i4', 'i', 'l']) checkLdexp(tp);
  });

  test('test_ldexp_overflow', () => {
    const imax = 9223372036854775807n;
    const imin = -9223372036854775808n;
    assertEqual(ldexp(2.0, arr(imax, 'l')), Infinity);
    assertEqual(ldexp(2.0, arr(imin, 'l')), 0);
  });
});

describe('TestOut (frexp)', () => {
  test('test_out_subok (frexp lines)', () => {
    const d = arr(5.7);
    const o1 = zeros([]);
    const o2 = zeros([], 'i4');
    let [r1, r2] = frexp(d, { out: [o1, null] });
    expect(r1).toBe(o1);
    [r1, r2] = frexp(d, { out: [null, o2] });
    expect(r2).toBe(o2);
    [r1, r2] = frexp(d, { out: [o1, o2] });
    expect(r1).toBe(o1);
    expect(r2).toBe(o2);
    expect(() => frexp(d, { out: o1 as never })).toThrow(TypeError);
  });
});
