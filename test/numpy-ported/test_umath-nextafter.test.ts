// NumPy's own tests of np.nextafter and np.spacing (NumPy 2.4), ported test by
// test: same names, same intent, the same values. From
// numpy/_core/tests/test_umath.py: test_nextafter, test_nextafterf,
// test_nextafter_0, test_spacing, test_spacingf, test_spacing_gfortran,
// test_nextafter_vs_spacing, test_pos_nan; from test_half.py:
// TestHalf.test_spacing_nextafter (test_half.test.ts skipped it when the
// library had no such ufuncs).
//
// Mapping: np.float64(x) / np.float32(x) / np.float16 scalars -> 0-d arrays of
// that dtype (NumPy scalars are strong, as 0-d arrays are); np.finfo(t).eps and
// .tiny -> their values (2^-52, 2^-23, 2^-10; 2^-1022, 2^-126, 2^-14);
// assert_equal of arrays -> element-wise equality (0 == -0, NaN == NaN, as
// NumPy's assert_equal of arrays), of scalars -> Object.is (NumPy's checks the
// sign of a zero scalar).
//
// Skipped (not counted as passing): test_nextafterl, test_spacingl: no long
// double dtype.
import { arange, asarray, bitwiseOr, divide, isnan, nextafter, signbit, spacing, subtract, type NdArray } from '../../lib';

type Ctor = '<f8' | '<f4' | '<f2';
const FINFO: Record<Ctor, { eps: number; tiny: number }> = {
  '<f8': { eps: 2 ** -52, tiny: 2 ** -1022 },
  '<f4': { eps: 2 ** -23, tiny: 2 ** -126 },
  '<f2': { eps: 2 ** -10, tiny: 2 ** -14 },
};

/** A NumPy scalar of type t: a 0-d array. */
const s = (t: Ctor, v: number): NdArray => asarray(v, t);
const val = (a: NdArray): number => Number(a.get());

/** assert_equal of arrays: same shape, each pair equal (NaN equal to NaN, 0 to -0). */
function assertArrayEqual(a: NdArray, b: NdArray): void {
  expect(a.shape).toEqual(b.shape);
  const x = (a.ravel().toArray() as number[]).map(Number);
  const y = (b.ravel().toArray() as number[]).map(Number);
  const bad = x.findIndex((v, i) => !(v === y[i] || (Number.isNaN(v) && Number.isNaN(y[i]))));
  expect(bad === -1 ? 'equal' : `item ${bad}: ${x[bad]} != ${y[bad]}`).toBe('equal');
}

function testNextafter(t: Ctor): void {
  const one = s(t, 1);
  const two = s(t, 2);
  const zero = s(t, 0);
  const eps = FINFO[t].eps;
  expect(val(subtract(nextafter(one, two), one))).toBe(eps);
  expect(val(subtract(nextafter(one, zero), one))).toBeLessThan(0);
  expect(val(isnan(nextafter(s(t, NaN), one)))).toBe(1);
  expect(val(isnan(nextafter(one, s(t, NaN))))).toBe(1);
  expect(val(nextafter(one, one))).toBe(val(one));
}

function testSpacing(t: Ctor): void {
  const one = s(t, 1);
  const eps = FINFO[t].eps;
  expect(val(spacing(one))).toBe(eps);
  expect(Number.isNaN(val(spacing(s(t, NaN))))).toBe(true);
  expect(Number.isNaN(val(spacing(s(t, Infinity))))).toBe(true);
  expect(Number.isNaN(val(spacing(s(t, -Infinity))))).toBe(true);
  expect(val(spacing(s(t, 1e30)))).not.toBe(0);
}

describe('NumPy test_umath: nextafter and spacing', () => {
  test('test_nextafter', () => testNextafter('<f8'));
  test('test_nextafterf', () => testNextafter('<f4'));

  test('test_nextafter_0', () => {
    // np._core.sctypes['float'] is float16, float32, float64 (and longdouble: none here).
    for (const t of ['<f2', '<f4', '<f8'] as const) {
      for (const direction of [1, -1]) {
        const tiny = FINFO[t].tiny;
        const step = val(nextafter(s(t, 0), s(t, direction)));
        expect(0 < direction * step && direction * step < tiny).toBe(true);
        // assert_equal(np.nextafter(t(0), t(direction)) / t(2.1), direction * 0.0): a scalar, so the sign counts.
        expect(Object.is(val(divide(nextafter(s(t, 0), s(t, direction)), s(t, 2.1))), direction * 0.0)).toBe(true);
      }
    }
  });

  test('test_spacing', () => testSpacing('<f8'));
  test('test_spacingf', () => testSpacing('<f4'));

  test('test_spacing_gfortran', () => {
    const ref: Record<'<f4' | '<f8', number[]> = {
      '<f8': [1.69406589450860068e-21, 2.22044604925031308e-16, 1.1368683772161603e-13, 1.81898940354585648e-12],
      '<f4': [9.09494702e-13, 1.1920929e-7, 6.10351563e-5, 9.765625e-4],
    };
    for (const [dt, dec] of [['<f4', 10], ['<f8', 20]] as const) {
      const x = asarray([1e-5, 1, 1000, 10500], dt);
      const got = (spacing(x).toArray() as number[]).map(Number);
      // assert_array_almost_equal(decimal=dec): abs(desired - actual) < 1.5 * 10**(-dec).
      got.forEach((v, i) => expect(Math.abs(ref[dt][i] - v)).toBeLessThan(1.5 * 10 ** -dec));
    }
  });

  test('test_nextafter_vs_spacing', () => {
    for (const t of ['<f4', '<f8'] as const) {
      for (const f0 of [1, 1e-5, 1000]) {
        const f = s(t, f0);
        const f1 = s(t, f0 + 1);
        expect(val(subtract(nextafter(f, f1), f))).toBe(val(spacing(f)));
      }
    }
  });

  test('test_pos_nan', () => {
    expect(val(signbit(NaN))).toBe(0);
  });
});

describe('NumPy test_half: TestHalf', () => {
  test('test_spacing_nextafter', () => {
    // All non-negative finite #'s
    const a = arange(0x7c00, 'u2');
    const hinf = asarray([Infinity], '<f2');
    const hnan = asarray([NaN], '<f2');
    const mhinf = asarray([-Infinity], '<f2');
    let f = a.view('<f2');
    /** assert_equal(array, scalar): every item equals the scalar. */
    const allEqual = (x: NdArray, v: number): void => assertArrayEqual(x, asarray(new Array<number>(x.size).fill(v), '<f2').reshape([...x.shape]));
    const last = (): number => val(f.index('-1'));

    assertArrayEqual(spacing(f.index(':-1')), subtract(f.index('1:'), f.index(':-1')));

    assertArrayEqual(nextafter(f.index(':-1'), hinf), f.index('1:'));
    expect(Object.is(val(nextafter(f.index('0'), s('<f2', -Infinity))), -val(f.index('1')))).toBe(true);
    assertArrayEqual(nextafter(f.index('1:'), mhinf), f.index(':-1'));

    allEqual(nextafter(hinf, f), last());
    allEqual(nextafter(mhinf, f), -last());

    assertArrayEqual(nextafter(hinf, hinf), hinf);
    allEqual(nextafter(hinf, mhinf), last());
    allEqual(nextafter(mhinf, hinf), -last());
    assertArrayEqual(nextafter(mhinf, mhinf), mhinf);

    allEqual(nextafter(f, hnan), NaN);
    allEqual(nextafter(hnan, f), NaN);

    assertArrayEqual(nextafter(hnan, hnan), hnan);
    assertArrayEqual(nextafter(hinf, hnan), hnan);
    assertArrayEqual(nextafter(hnan, hinf), hnan);

    // switch to negatives
    const an = bitwiseOr(a, 0x8000);
    f = an.view('<f2');

    expect(val(spacing(f.index('0')))).toBe(val(spacing(f.index('1'))));
    assertArrayEqual(spacing(f.index('1:')), subtract(f.index(':-1'), f.index('1:')));

    expect(Object.is(val(nextafter(f.index('0'), s('<f2', Infinity))), -val(f.index('1')))).toBe(true);
    assertArrayEqual(nextafter(f.index('1:'), hinf), f.index(':-1'));
    assertArrayEqual(nextafter(f.index(':-1'), mhinf), f.index('1:'));

    allEqual(nextafter(hinf, f), -last());
    allEqual(nextafter(mhinf, f), last());

    allEqual(nextafter(f, hnan), NaN);
    allEqual(nextafter(hnan, f), NaN);
  });
});
