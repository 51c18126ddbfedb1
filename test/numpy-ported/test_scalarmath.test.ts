// NumPy's own numpy/_core/tests/test_scalarmath.py (NumPy 2.4): the classes
// whose subject maps here (arithmetic of one item of every numeric dtype),
// TestBaseMath.test_lower_align, TestPower, TestModulus, TestComplexDivision,
// TestNegative.test_result, TestSubtract.test_result, TestAbs and TestTypes, ported test by
// test: same names, same intent, the same values and errors.
//
// Mapping: there are no NumPy scalars in JS (README, "where JavaScript
// differs"): a NumPy scalar `np.array(v, dt)[()]` or `t(v)` is a 0-d array of
// that dtype, and Python's operators on them are the ufuncs (a // b ->
// floorDivide, a % b -> remainder, divmod -> divmod, a ** b -> power, a / b ->
// divide, -a -> negative, abs(a) -> absolute). A Python int operand (a ** 4)
// is a JS number (weak, NEP 50, as Python's int is). np.typecodes are taken
// for the dtypes that exist here: AllInteger 'bBhHiIlLqQ' (n, N, p, P are
// the same intp/uintp), Float 'efd' and AllFloat 'efdFD' (no long double, g/G).
// np.finfo(t).max/tiny/min are IEEE's constants of the format (no finfo here).
// test_float_modulus_exact runs NumPy's per-scalar loop over the 0-d arrays of
// every 23rd pair, and the whole product as arrays.
//
// Not ported, everywhere: np.errstate and RuntimeWarnings (no floating-point
// error state here: IEEE results silently, as NumPy's under errstate(all='ignore')).
//
// Left out, not counted as passing:
// - TestBaseMath.test_blocked: numpy.testing's _gen_alignment_data (SIMD
//   alignment offsets of NumPy's own loops); test_ufunc-noncontiguous covers offsets here.
// - TestPower.test_modular_power: Python's 3-argument pow() has no JS form.
// - the longdouble rows of TestPower.test_large_types and TestAbs (no g/G here).
// - TestTypes.test_leak (a refcount check) and test_array_scalar_ufunc_equivalence
//   (hypothesis draws of values; test_array_scalar_ufunc_dtypes, its fixed-value
//   twin, is ported against NumPy's array results for every dtype pair here).
import {
  absolute, add, arange, asarray, divide, divmod, dtype, floorDivide, isinf, isnan, less, lessEqual, logicalAnd, multiply, negative, nextafter, NdArray,
  power, remainder, subtract, UFuncTypeError, ValueError, zeros, equal, notEqual, greater, greaterEqual,
} from '../../lib';
import { assertAlmostEqual } from '../helpers/np-assert';
import { describeWithNumpy, runNumpy } from '../helpers/numpy';

const ALL_INTEGER = 'bBhHiIlLqQ';
const UNSIGNED = 'BHILQ';
const FLOAT = 'efd';
const ALL_FLOAT = 'efdFD';

/** A NumPy scalar of dtype `dt`: a 0-d array. */
const scalar = (v: number | { re: number; im: number }, dt: string): NdArray => asarray(v, dt);
/** The value of a 0-d result as a JS number (int64 bigints too). */
const num = (a: NdArray): number => Number(a.toArray() as number | bigint);
const truth = (a: NdArray): boolean => a.toArray() as boolean;
const signs = (dt: string): number[] => (UNSIGNED.includes(dt) ? [1] : [1, -1]);
type Op = [string, (a: NdArray, b: NdArray) => [NdArray, NdArray]];
const OPS: Op[] = [
  ['floordiv_and_mod', (a, b) => [floorDivide(a, b), remainder(a, b)]],
  ['divmod', (a, b) => divmod(a, b)],
];

describe('TestBaseMath', () => {
  test('test_lower_align', () => {
    // data not aligned to the element size (doubles at a 4-byte offset)
    const d = zeros(23 * 8, 'i1').index('4:-4').view('<f8');
    const o = zeros(23 * 8, 'i1').index('4:-4').view('<f8');
    d.set(arange(d.size).astype('f8')); // NumPy's zeros; values make the check bite
    assertAlmostEqual(add(d, d), multiply(d, 2));
    add(d, d, { out: o });
    assertAlmostEqual(o, multiply(d, 2));
    const ones = asarray(new Array<number>(d.size).fill(1), 'f8');
    add(ones, d, { out: o });
    assertAlmostEqual(o, add(d, 1));
    add(d, ones, { out: o });
    assertAlmostEqual(o, add(d, 1));
    assertAlmostEqual(add(ones, d), add(d, 1));
    assertAlmostEqual(add(d, ones), add(d, 1));
  });
});

describe('TestPower', () => {
  test('test_small_types', () => {
    for (const t of ['i1', 'i2', 'f2']) {
      const b = power(scalar(3, t), 4);
      expect([t, num(b)]).toEqual([t, 81]);
    }
  });

  test('test_large_types', () => {
    for (const t of ['i4', 'i8', 'f4', 'f8']) {
      const b = power(scalar(51, t), 4);
      if (t.startsWith('i')) expect([t, num(b)]).toEqual([t, 6765201]);
      else assertAlmostEqual(num(b), 6765201);
    }
  });

  test('test_integers_to_negative_integer_power', () => {
    // uint64 with a signed integer has the common type float64; every other
    // combination raises ValueError for integer ** negative integer.
    const exp = [...'bhilq'].map((dt) => scalar(-1, dt));
    const run = (value: number, codes: string, expected: number): void => {
      for (const c of codes) {
        const i1 = scalar(value, c);
        for (const i2 of exp) {
          if (i1.dtype.name !== 'uint64') {
            expect(() => power(i1, i2)).toThrow(ValueError);
            expect(() => power(i1, i2)).toThrow('Integers to negative integer powers are not allowed.');
          } else {
            const res = power(i1, i2);
            expect(res.dtype.name).toBe('float64');
            assertAlmostEqual(num(res), expected);
          }
        }
      }
    };
    run(1, 'bhilqBHILQ', 1.0); // 1 ** -1 possible special case
    run(-1, 'bhilq', -1.0); // -1 ** -1 possible special case
    run(2, 'bhilqBHILQ', 0.5); // 2 ** -1 perhaps generic
  });

  test('test_mixed_types', () => {
    const typelist = ['i1', 'i2', 'f2', 'f4', 'f8', 'i1', 'i2', 'i4', 'i8'];
    for (const t1 of typelist) {
      for (const t2 of typelist) {
        const result = power(scalar(3, t1), scalar(2, t2));
        if ('iu'.includes(result.dtype.kind)) expect([t1, t2, num(result)]).toEqual([t1, t2, 9]);
        else assertAlmostEqual(num(result), 9);
      }
    }
  });
});

describe('TestModulus', () => {
  test('test_modulus_basic', () => {
    const dts = ALL_INTEGER + FLOAT;
    for (const [name, op] of OPS) {
      for (const dt1 of dts) {
        for (const dt2 of dts) {
          for (const sg1 of signs(dt1)) {
            for (const sg2 of signs(dt2)) {
              const msg = `op: ${name}, dt1: ${dt1}, dt2: ${dt2}, sg1: ${sg1}, sg2: ${sg2}`;
              const a = scalar(sg1 * 71, dt1);
              const b = scalar(sg2 * 19, dt2);
              const [div, rem] = op(a, b);
              expect([msg, num(add(multiply(div, b), rem))]).toEqual([msg, num(a)]);
              const ok = sg2 === -1 ? truth(less(b, rem)) && num(rem) <= 0 : num(b) > num(rem) && num(rem) >= 0;
              expect([msg, ok]).toEqual([msg, true]);
            }
          }
        }
      }
    }
  });

  test('test_float_modulus_exact', () => {
    // Float results are exact for small integers (and signed zeros are right).
    const dividend: number[] = [];
    for (let v = -127; v < 128; v++) dividend.push(v);
    const divisor = dividend.filter((v) => v !== 0);
    const as: number[] = [];
    const bs: number[] = [];
    for (const x of dividend) for (const y of divisor) (as.push(x), bs.push(y));
    // Python's divmod of ints (exact), then as floats with NumPy's signed zeros.
    const tgtdiv = as.map((x, i) => {
      const q = Math.floor(x / bs[i]);
      return q === 0 && (bs[i] < 0) !== (x < 0) ? -0 : q;
    });
    const tgtrem = as.map((x, i) => {
      const r = x - Math.floor(x / bs[i]) * bs[i];
      return r === 0 && bs[i] < 0 ? -0 : r + 0;
    });
    const same = (got: number[], want: number[]): boolean => got.every((v, i) => Object.is(v, want[i]));
    for (const [name, op] of OPS) {
      for (const dt of FLOAT) {
        const fa = asarray(as, 'i8').astype(dt);
        const fb = asarray(bs, 'i8').astype(dt);
        // NumPy's per-scalar loop: 0-d operands, every 23rd pair.
        for (let i = 0; i < as.length; i += 23) {
          const [div, rem] = op(scalar(as[i], dt), scalar(bs[i], dt));
          expect([name, dt, as[i], bs[i], div.toArray(), rem.toArray()]).toEqual([name, dt, as[i], bs[i], tgtdiv[i], tgtrem[i]]);
        }
        const [div, rem] = op(fa, fb);
        expect([name, dt, 'div', same(div.toArray() as number[], tgtdiv)]).toEqual([name, dt, 'div', true]);
        expect([name, dt, 'rem', same(rem.toArray() as number[], tgtrem)]).toEqual([name, dt, 'rem', true]);
      }
    }
  });

  test('test_float_modulus_roundoff', () => {
    // gh-6127
    for (const [name, op] of OPS) {
      for (const dt1 of FLOAT) {
        for (const dt2 of FLOAT) {
          for (const sg1 of [1, -1]) {
            for (const sg2 of [1, -1]) {
              const msg = `op: ${name}, dt1: ${dt1}, dt2: ${dt2}, sg1: ${sg1}, sg2: ${sg2}`;
              const a = scalar(sg1 * 78 * 6e-8, dt1);
              const b = scalar(sg2 * 6e-8, dt2);
              const [div, rem] = op(a, b);
              // Equal assertion should hold when fmod is used
              expect([msg, num(add(multiply(div, b), rem))]).toEqual([msg, num(a)]);
              const ok = sg2 === -1 ? num(b) < num(rem) && num(rem) <= 0 : num(b) > num(rem) && num(rem) >= 0;
              expect([msg, ok]).toEqual([msg, true]);
            }
          }
        }
      }
    }
  });

  test('test_float_modulus_corner_cases', () => {
    // Check remainder magnitude.
    for (const dt of FLOAT) {
      const b = scalar(1.0, dt);
      const a = nextafter(scalar(0.0, dt), negative(b));
      expect([dt, truth(lessEqual(remainder(a, b), b))]).toEqual([dt, true]);
      expect([dt, truth(lessEqual(negative(b), remainder(negative(a), negative(b))))]).toEqual([dt, true]);
    }
    // Check nans, inf
    for (const dt of FLOAT) {
      const fone = scalar(1.0, dt);
      const fzer = scalar(0.0, dt);
      const finf = scalar(Infinity, dt);
      const fnan = scalar(NaN, dt);
      expect([dt, truth(isnan(remainder(fone, fzer)))]).toEqual([dt, true]);
      expect([dt, truth(isnan(remainder(fone, fnan)))]).toEqual([dt, true]);
      expect([dt, truth(isnan(remainder(finf, fone)))]).toEqual([dt, true]);
      for (const [name, op] of OPS) {
        const [div, mod] = op(fone, fzer);
        expect([dt, name, truth(isinf(div)), truth(isnan(mod))]).toEqual([dt, name, true, true]);
      }
    }
  });

  test('test_inplace_floordiv_handling', () => {
    // gh-12927: a //= b with int64 and uint64 promotes to float64, which does not fit
    const a = asarray([1, 2], 'i8');
    const b = asarray([1, 2], 'u8');
    expect(() => floorDivide(a, b, { out: a })).toThrow(UFuncTypeError);
    expect(() => floorDivide(a, b, { out: a })).toThrow(/Cannot cast ufunc 'floor_divide' output from/);
    expect(a.toArray()).toEqual([1n, 2n]);
  });
});

describe('TestComplexDivision', () => {
  const C = (re: number, im: number, t: string): NdArray => scalar({ re, im }, t);
  const parts = (a: NdArray): [number, number] => {
    const v = a.toArray() as { re: number; im: number };
    return [v.re, v.im];
  };

  test('test_zero_division', () => {
    for (const t of ['c8', 'c16']) {
      const a = C(0, 0, t);
      const inf = (b: NdArray): boolean => truth(isinf(divide(b, a)));
      expect([t, inf(C(1, 0, t)), inf(C(Infinity, Infinity, t)), inf(C(Infinity, NaN, t)), inf(C(NaN, Infinity, t))]).toEqual([t, true, true, true, true]);
      expect([t, truth(isnan(divide(C(NaN, NaN, t), a))), truth(isnan(divide(C(0, 0, t), a)))]).toEqual([t, true, true]);
    }
  });

  test('test_signed_zeros', () => {
    // (numerator, denominator, expected) with expected == numerator / denominator
    const data: [number, number][][] = [
      [[0.0, -1.0], [0.0, 1.0], [-1.0, -0.0]],
      [[0.0, -1.0], [0.0, -1.0], [1.0, -0.0]],
      [[0.0, -1.0], [-0.0, -1.0], [1.0, 0.0]],
      [[0.0, -1.0], [-0.0, 1.0], [-1.0, 0.0]],
      [[0.0, 1.0], [0.0, -1.0], [-1.0, 0.0]],
      [[0.0, -1.0], [0.0, -1.0], [1.0, -0.0]],
      [[-0.0, -1.0], [0.0, -1.0], [1.0, -0.0]],
      [[-0.0, 1.0], [0.0, -1.0], [-1.0, -0.0]],
    ];
    for (const t of ['c8', 'c16']) {
      for (const [n, d, ex] of data) {
        const [re, im] = parts(divide(C(n[0], n[1], t), C(d[0], d[1], t)));
        // real and imaginary parts apart, signed zeros included (assert_equal on scalars)
        expect([t, n, d, Object.is(re, ex[0]), Object.is(im, ex[1])]).toEqual([t, n, d, true, true]);
      }
    }
  });

  test('test_branches', () => {
    for (const t of ['c8', 'c16']) {
      // real(fabs(denom)) > imag(fabs(denom)), then the else branch (neither is 0)
      // and real(fabs(denom)) < imag(fabs(denom))
      const data: [number, number][][] = [
        [[2.0, 1.0], [2.0, 1.0], [1.0, 0.0]],
        [[1.0, 2.0], [1.0, 2.0], [1.0, 0.0]],
      ];
      for (const [n, d, ex] of data) {
        const [re, im] = parts(divide(C(n[0], n[1], t), C(d[0], d[1], t)));
        expect([t, n, Object.is(re, ex[0]), Object.is(im, ex[1])]).toEqual([t, n, true, true]);
      }
    }
  });
});

describe('TestNegative', () => {
  test('test_result', () => {
    for (const dt of ALL_INTEGER + ALL_FLOAT) {
      const a = asarray(dt === 'F' || dt === 'D' ? { re: 1, im: 0 } : 1, dt);
      if (UNSIGNED.includes(dt)) {
        const max = 2n ** BigInt(dtype(dt).itemsize * 8) - 1n; // np.iinfo(dt).max
        expect([dt, BigInt(negative(a).toArray() as number | bigint)]).toEqual([dt, max]);
      } else {
        const r = add(negative(a), a).toArray();
        const v = typeof r === 'object' ? (r as { re: number; im: number }) : { re: Number(r), im: 0 };
        expect([dt, v.re, v.im]).toEqual([dt, 0, 0]);
      }
    }
  });
});

describe('TestSubtract', () => {
  test('test_result', () => {
    for (const dt of ALL_INTEGER + ALL_FLOAT) {
      const a = asarray(dt === 'F' || dt === 'D' ? { re: 1, im: 0 } : 1, dt);
      const r = subtract(a, a).toArray();
      const v = typeof r === 'object' ? (r as { re: number; im: number }) : { re: Number(r), im: 0 };
      expect([dt, v.re, v.im]).toEqual([dt, 0, 0]);
    }
  });
});

describe('TestAbs', () => {
  // np.finfo(t) of each format: max, tiny (smallest normal); min is -max.
  const FINFO: Record<string, { max: number; tiny: number }> = {
    f2: { max: 65504, tiny: 2 ** -14 },
    f4: { max: 3.4028234663852886e38, tiny: 2 ** -126 },
    f8: { max: Number.MAX_VALUE, tiny: 2 ** -1022 },
    c8: { max: 3.4028234663852886e38, tiny: 2 ** -126 },
    c16: { max: Number.MAX_VALUE, tiny: 2 ** -1022 },
  };
  /** absfunc(t(v)) as a JS number, and whether it is -0. */
  const abs1 = (v: number, t: string): number => {
    const x = t.startsWith('c') ? asarray({ re: v, im: 0 }, t) : asarray(v, t);
    const r = absolute(x);
    expect(r.dtype.kind).toBe('f');
    return r.toArray() as number;
  };
  // test_builtin_abs (Python's abs() calls np.absolute on a NumPy scalar) and test_numpy_abs are one here.
  test.each(Object.keys(FINFO))('test_builtin_abs / test_numpy_abs[%s]', (t) => {
    expect(abs1(-1.5, t)).toBe(1.5);
    // assert_equal checks zero signedness
    expect(Object.is(abs1(0.0, t), 0)).toBe(true);
    expect(Object.is(abs1(-0.0, t), 0)).toBe(true);
    const { max, tiny } = FINFO[t];
    expect(abs1(max, t)).toBe(max);
    expect(abs1(tiny, t)).toBe(tiny);
    expect(abs1(-max, t)).toBe(max);
  });
});

describe('TestTypes', () => {
  // NumPy's `types` without the long doubles
  const TYPES = '?bBhHiIlLqQfdFD';
  const one = (t: string, v: number): NdArray => asarray(t === '?' ? Boolean(v) : 'FD'.includes(t) ? { re: v, im: 0 } : v, t);

  test('test_types', () => {
    for (const t of TYPES) expect([t, truth(equal(one(t, 1), 1))]).toEqual([t, true]);
  });

  test('test_type_create', () => {
    for (const t of TYPES) {
      const vals3 = [1, 2, 3].map((v) => (t === '?' ? Boolean(v) : 'FD'.includes(t) ? { re: v, im: 0 } : v));
      expect([t, asarray(vals3, t).toArray()]).toEqual([t, asarray(asarray([1, 2, 3]), t).toArray()]);
    }
  });
});

describeWithNumpy('TestTypes against NumPy', () => {
  const TYPES = '?bBhHiIlLqQfdFD';
  const one = (t: string, v: number): NdArray => asarray(t === '?' ? Boolean(v) : 'FD'.includes(t) ? { re: v, im: 0 } : v, t);

  test('test_type_add (a NumPy scalar sum is the 0-d sum here; both against NumPy\'s array sum)', () => {
    const want = runNumpy<string[]>(`
types = '${TYPES}'
print(json.dumps([(np.array([3], a) + np.array([1], b)).dtype.str for a in types for b in types]))`);
    const got: string[] = [];
    for (const a of TYPES) {
      for (const b of TYPES) {
        const c0 = add(one(a, 3).reshape([]), one(b, 1).reshape([]));
        const c1 = add(one(a, 3).reshape([1]), one(b, 1).reshape([1]));
        expect([a, b, c0.dtype.str]).toEqual([a, b, c1.dtype.str]);
        got.push(c1.dtype.str);
      }
    }
    expect(got).toEqual(want);
  });

  test('test_array_scalar_ufunc_dtypes (every binary operator, 0-d 2 and 3 of every dtype pair)', () => {
    const ops: [string, (a: NdArray, b: NdArray) => NdArray][] = [
      ['lt', less], ['le', lessEqual], ['eq', equal], ['ne', notEqual], ['ge', greaterEqual], ['gt', greater], ['add', add],
      ['floordiv', floorDivide], ['mod', remainder], ['mul', multiply], ['pow', power], ['sub', subtract], ['truediv', divide],
    ];
    const want = runNumpy<unknown[]>(`
import operator, warnings
warnings.simplefilter('ignore')
types = '${TYPES}'
ops = ${JSON.stringify(ops.map(([n]) => n))}
out = []
with np.errstate(all='ignore'):
    for name in ops:
        op = getattr(operator, name)
        for a in types:
            for b in types:
                try:
                    r = op(np.array(2, a), np.array(3, b))
                    v = r.item()
                    out.append([r.dtype.str, [v.real, v.imag] if isinstance(v, complex) else float(v)])
                except Exception as e:
                    out.append(type(e).__name__)
print(json.dumps(out))`);
    const got: unknown[] = [];
    for (const [, op] of ops) {
      for (const a of TYPES) {
        for (const b of TYPES) {
          try {
            const r = op(one(a, 2), one(b, 3));
            const v = r.toArray() as unknown;
            got.push([r.dtype.str, typeof v === 'object' && v !== null ? [(v as { re: number }).re, (v as { im: number }).im] : Number(v)]);
          } catch (e) {
            got.push(e instanceof UFuncTypeError ? 'UFuncTypeError' : e instanceof TypeError ? 'TypeError' : (e as Error).name);
          }
        }
      }
    }
    // NumPy names its no-loop error UFuncNoLoopError (a UFuncTypeError) and bool - bool a TypeError.
    const norm = (x: unknown): unknown => (x === 'UFuncNoLoopError' || x === 'UFuncTypeError' ? 'TypeError' : x);
    expect(got.map(norm)).toEqual(want.map(norm));
  });

  test('test_int_float_promotion_truediv', () => {
    for (const ft of ['f2', 'f4']) {
      const i = asarray(1, 'i1');
      const f = asarray(1, ft);
      const expected = ft === 'f2' ? 'float16' : 'float32'; // np.result_type(int8, f)
      expect([ft, divide(i, f).dtype.name, divide(f, i).dtype.name]).toEqual([ft, expected, expected]);
      // int / int true division goes to float64
      expect(divide(i, i).dtype.name).toBe('float64');
      // int16 / float16 needs at least float32
      expect([ft, divide(asarray(1, 'i2'), f).dtype.name]).toEqual([ft, 'float32']);
    }
    expect(runNumpy<string[]>("print(json.dumps([np.result_type(np.int8, np.float16).name, np.result_type(np.int8, np.float32).name]))")).toEqual(['float16', 'float32']);
  });
});
