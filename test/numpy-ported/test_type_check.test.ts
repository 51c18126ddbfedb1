// NumPy's own numpy/lib/tests/test_type_check.py (NumPy 2.4): classes
// TestIsrealobj, TestIsnan, TestIsfinite, TestIsinf, TestIsposinf and
// TestIsneginf, ported test by test: same names, same intent, the same values.
// (TestReal, TestImag, TestIscomplex, TestIsreal, TestIscomplexobj are ported in
// test/complex-parts.test.ts, TestNanToNum in test/nan-to-num.test.ts.)
//
// Mapping: np.array(v) / 0. -> divide(arr(v), 0) (IEEE results, no errstate
// needed: no floating-point error state here); a Python float list -> an
// 'f8' array (a JS 1.0 is the integer 1); a Python complex 1 + 1j ->
// { re: 1, im: 1 }; assert_all(x) -> every item of x true.
//
// Skipped (not counted as passing):
// - TestCommonType, TestMintypecode, TestIsscalar, TestRealIfClose: no common_type,
//   mintypecode, isscalar or real_if_close here.
// - TestIscomplexobj.test_duck, test_pandas_duck, test_custom_dtype_duck: Python duck
//   types with a .dtype attribute.
import { all, divide, equal, isfinite, isinf, isnan, isneginf, isposinf, isrealobj, NdArray } from '../../lib';
import { arr } from '../helpers/np-port';

/** numpy.testing's assert_all: every item true. */
const assertAll = (x: NdArray): void => expect(all(x).get()).toBe(true);
const c = (re: number, im: number): { re: number; im: number } => ({ re, im });

describe('TestIsrealobj', () => {
  test('test_basic', () => {
    expect(isrealobj(arr([-1, 0, 1]))).toBe(true);
    expect(isrealobj(arr([c(0, -1), c(0, 0), c(-1, 0)]))).toBe(false);
  });
});

describe('TestIsnan', () => {
  test('test_goodvalues', () => {
    const z = arr([-1.0, 0.0, 1.0], 'f8');
    assertAll(all(equal(isnan(z), 0), 0));
  });
  test('test_posinf', () => assertAll(equal(isnan(divide(arr([1.0], 'f8'), 0.0)), 0)));
  test('test_neginf', () => assertAll(equal(isnan(divide(arr([-1.0], 'f8'), 0.0)), 0)));
  test('test_ind', () => assertAll(equal(isnan(divide(arr([0.0], 'f8'), 0.0)), 1)));
  test('test_integer', () => assertAll(equal(isnan(1), 0)));
  test('test_complex', () => assertAll(equal(isnan(c(1, 1) as never), 0)));
  test('test_complex1', () => assertAll(equal(isnan(divide(arr(c(0, 0)), 0.0)), 1)));
});

describe('TestIsfinite', () => {
  test('test_goodvalues', () => {
    const z = arr([-1.0, 0.0, 1.0], 'f8');
    assertAll(all(equal(isfinite(z), 1), 0));
  });
  test('test_posinf', () => assertAll(equal(isfinite(divide(arr([1.0], 'f8'), 0.0)), 0)));
  test('test_neginf', () => assertAll(equal(isfinite(divide(arr([-1.0], 'f8'), 0.0)), 0)));
  test('test_ind', () => assertAll(equal(isfinite(divide(arr([0.0], 'f8'), 0.0)), 0)));
  test('test_integer', () => assertAll(equal(isfinite(1), 1)));
  test('test_complex', () => assertAll(equal(isfinite(c(1, 1) as never), 1)));
  test('test_complex1', () => assertAll(equal(isfinite(divide(arr(c(1, 1)), 0.0)), 0)));
});

describe('TestIsinf', () => {
  test('test_goodvalues', () => {
    const z = arr([-1.0, 0.0, 1.0], 'f8');
    assertAll(all(equal(isinf(z), 0), 0));
  });
  test('test_posinf', () => assertAll(equal(isinf(divide(arr([1.0], 'f8'), 0.0)), 1)));
  test('test_posinf_scalar', () => assertAll(equal(isinf(divide(arr(1.0, 'f8'), 0.0)), 1)));
  test('test_neginf', () => assertAll(equal(isinf(divide(arr([-1.0], 'f8'), 0.0)), 1)));
  test('test_neginf_scalar', () => assertAll(equal(isinf(divide(arr(-1.0, 'f8'), 0.0)), 1)));
  test('test_ind', () => assertAll(equal(isinf(divide(arr([0.0], 'f8'), 0.0)), 0)));
});

describe('TestIsposinf', () => {
  test('test_generic', () => {
    const vals = isposinf(divide(arr([-1.0, 0, 1], 'f8'), 0.0));
    expect(vals.get(0)).toBe(false);
    expect(vals.get(1)).toBe(false);
    expect(vals.get(2)).toBe(true);
  });
});

describe('TestIsneginf', () => {
  test('test_generic', () => {
    const vals = isneginf(divide(arr([-1.0, 0, 1], 'f8'), 0.0));
    expect(vals.get(0)).toBe(true);
    expect(vals.get(1)).toBe(false);
    expect(vals.get(2)).toBe(false);
  });
});
