// floatPower (lib/ufuncs/float-power.ts) against NumPy over every dtype
// (float64 or complex128 results, within NumPy's own last-bit freedom for
// pow), and NumPy's TestFloat_power.test_type_conversion, ported.
import { floatPower } from '../../lib/ufuncs/float-power';
import { array, ones } from '../../lib';
import { describeWithNumpy } from '../helpers/numpy';
import { checkMath, numpyMath } from '../helpers/ufunc-math';

describeWithNumpy('floatPower against NumPy', () => {
  test('every dtype: NumPy dtypes, values within 1 ulp (pow is not correctly rounded)', () => {
    expect(checkMath(floatPower as never, 2, numpyMath('float_power', 2), { ulps: 1 })).toEqual([]);
  });
});

// numpy/_core/tests/test_umath.py TestFloat_power.test_type_conversion (no long double here).
test('ported: float_power result types', () => {
  const argType = ['?', 'i1', 'i2', 'i4', 'i8', 'u1', 'u2', 'u4', 'u8', 'f2', 'f4', 'f8', 'c8', 'c16'];
  const resType = ['f8', 'f8', 'f8', 'f8', 'f8', 'f8', 'f8', 'f8', 'f8', 'f8', 'f8', 'f8', 'c16', 'c16'];
  argType.forEach((dt, i) => {
    const arg = ones([1], dt as never);
    expect(floatPower(arg, arg).dtype.name).toBe(resType[i] === 'f8' ? 'float64' : 'complex128');
  });
});

test('a negative integer exponent of an int is fine (power refuses it)', () => {
  expect(floatPower(array([2, 4], 'i4'), -2).toArray()).toEqual([0.25, 0.0625]);
});
