// floatPower (lib/ufuncs/float-power.ts) against NumPy over every dtype
// (float64 or complex128 results, within NumPy's own last-bit freedom for
// pow), and NumPy's TestFloat_power.test_type_conversion, ported.
import { floatPower } from '../../lib/ufuncs/float-power';
import { array, ones, power } from '../../lib';
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

test("no power fast paths: x ** 0.5 is pow's, so -0 gives +0 and -inf gives inf (power's sqrt: -0 and NaN)", () => {
  // Both loop paths: the JS loop below 64 items, the native one above.
  for (const n of [4, 256]) {
    const x = array(Array.from({ length: n }, (_, i) => [-Infinity, -0, 4, 0.25][i % 4]), '<f8');
    const f = floatPower(x, 0.5);
    expect(f.get(0)).toBe(Infinity);
    expect(Object.is(f.get(1), 0)).toBe(true);
    expect([f.get(2), f.get(3)]).toEqual([2, 0.5]);
    // float32 and big-endian inputs go through float64 the same way.
    expect((floatPower(x.astype('>f4'), 0.5).toArray() as number[]).slice(0, 4)).toEqual([Infinity, 0, 2, 0.5]);
    // power keeps NumPy's sqrt fast path.
    expect(power(x, 0.5).get(0)).toBeNaN();
    expect(Object.is(power(x, 0.5).get(1), -0)).toBe(true);
  }
});
