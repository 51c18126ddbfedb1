// bitwiseCount (lib/ufuncs/bit-count.ts) against NumPy over every dtype
// (uint8 results, the magnitude's bits; floats and complex refused).
import { bitwiseCount } from '../../lib/ufuncs/bit-count';
import { array } from '../../lib';
import { describeWithNumpy } from '../helpers/numpy';
import { checkMath, numpyMath } from '../helpers/ufunc-math';
import { vals } from '../helpers/np-array';

describeWithNumpy('bitwiseCount against NumPy', () => {
  test('every dtype bit for bit', () => {
    expect(checkMath(bitwiseCount as never, 1, numpyMath('bitwise_count', 1), { ulps: 0 })).toEqual([]);
  });
});

test('counts the magnitude: -1 has one bit, int64 min 1, uint64 max 64', () => {
  expect(vals(bitwiseCount(array([-1, -128, 127, 0], 'i1')))).toEqual([1, 1, 7, 0]);
  expect(vals(bitwiseCount(array([-(2n ** 63n), 2n ** 63n - 1n], 'i8')))).toEqual([1, 63]);
  expect(vals(bitwiseCount(array([2n ** 64n - 1n], 'u8')))).toEqual([64]);
  expect(() => bitwiseCount(array([1.5]))).toThrow(TypeError);
  expect(bitwiseCount(array([true, false], "?")).dtype.str).toBe("|u1");
});
