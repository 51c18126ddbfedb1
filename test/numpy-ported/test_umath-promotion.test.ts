// NumPy's own numpy/_core/tests/test_umath.py (NumPy 2.4):
// TestComplexFunctions.test_promotion_corner_cases and
// TestFloat_power.test_type_conversion and TestChoose.test_mixed, ported test by test: same names, same
// intent, the same dtypes.
//
// Mapping: a NumPy scalar (np.float16(1)) -> a 0-d array of that dtype (README,
// "where JavaScript differs"); np.ones(1, dtype=c) -> ones(1, c). The long
// double codes (g, G) are left out of test_type_conversion: no long double here.
import {
  arccos, arccosh, arcsin, arcsinh, arctan, arctanh, asarray, choose, cos, dtype, exp, exp2, floatPower, log, log10, log1p, log2, ones, sin, sqrt, tan,
} from '../../lib';

describe('TestComplexFunctions', () => {
  const funcs = { arcsin, arccos, arctan, arcsinh, arccosh, arctanh, sin, cos, tan, exp, exp2, log, sqrt, log10, log2, log1p };

  test('test_promotion_corner_cases', () => {
    for (const [name, func] of Object.entries(funcs)) {
      expect([name, func(asarray(1, 'f2')).dtype.name]).toEqual([name, 'float16']);
      // Integer to low precision float promotion is a dubious choice:
      expect([name, func(asarray(1, 'u1')).dtype.name]).toEqual([name, 'float16']);
      expect([name, func(asarray(1, 'i2')).dtype.name]).toEqual([name, 'float32']);
    }
  });
});

describe('TestFloat_power', () => {
  test('test_type_conversion', () => {
    const argType = '?bhilBHILefdFD';
    const resType = 'ddddddddddddDD';
    [...argType].forEach((dtin, i) => {
      const arg = ones(1, dtin);
      const res = floatPower(arg, arg);
      expect([dtin, res.dtype.name]).toEqual([dtin, dtype(resType[i]).name]);
    });
  });
});

describe('TestChoose', () => {
  test('test_mixed', () => {
    const c = asarray([true, true]);
    const a = asarray([true, true]);
    const r = choose(c, [a, 1]);
    expect((r.toArray() as (number | bigint)[]).map(Number)).toEqual([1, 1]);
    expect(r.dtype.name).toBe('int64'); // a bool array beside a Python int (NumPy's int64)
  });
});
