// divmod (lib/ufuncs/divmod.ts) against NumPy over every dtype, each output
// bit for bit in three layouts; its refusals and its out pair; NumPy's
// TestDivmod-style cases (numpy/_core/tests/test_umath.py: ints by zero,
// MIN // -1, float signs).
import { divmod } from '../../lib/ufuncs/divmod';
import { floorDivide, remainder } from '../../lib/ufuncs/arith';
import { array, zeros } from '../../lib';
import type { NdArray } from '../../lib/ndarray';
import { describeWithNumpy } from '../helpers/numpy';
import { checkMath, numpyMath } from '../helpers/ufunc-math';
import { vals } from '../helpers/np-array';

describeWithNumpy('divmod against NumPy', () => {
  test.each([0, 1])('output %i: every dtype bit for bit (complex refused)', (k) => {
    const fn = (a: NdArray, b: NdArray): NdArray => divmod(a, b)[k];
    expect(checkMath(fn as never, 2, numpyMath('divmod', 2, undefined, `np.divmod(*xs)[${k}]`), { ulps: 0 })).toEqual([]);
  });
});

test('divmod is [floorDivide, remainder]: ints by zero give 0, MIN by -1 wraps, floats keep signs', () => {
  const a = array([7, -7, 7, -7, 5, -128, 0], 'i1');
  const b = array([2, 2, -2, -2, 0, -1, 3], 'i1');
  const [q, r] = divmod(a, b);
  expect(vals(q)).toEqual(vals(floorDivide(a, b)));
  expect(vals(r)).toEqual(vals(remainder(a, b)));
  expect(vals(q)).toEqual([3, -4, -4, 3, 0, -128, 0]);
  expect(vals(r)).toEqual([1, 1, -1, -1, 0, 0, 0]);
  const [fq, fr] = divmod(array([1, -1, 0, 5.5]), array([0, 0, 0, -2]));
  expect(fq.toArray()).toEqual([Infinity, -Infinity, NaN, -3]);
  expect(fr.toArray()).toEqual([NaN, NaN, NaN, -0.5]);
  expect(divmod(array([true]), array([true]))[0].dtype.str).toBe('|i1');
});

test('divmod writes an out pair and reads an input that the first output overwrites before the write', () => {
  const a = array([7, -7, 9]);
  const b = array([2, 3, 4]);
  const [q, r] = divmod(a, b, { out: [a, null] });
  expect(q).toBe(a);
  expect(vals(a)).toEqual([3, -3, 2]);
  expect(vals(r)).toEqual([1, 2, 1]);
  const q2 = zeros([3], 'i8');
  const r2 = zeros([3], 'i8');
  divmod(array([7, -7, 9]), 2, { out: [q2, r2], where: array([true, false, true], '?') });
  expect(vals(q2)).toEqual([3, 0, 4]);
  expect(vals(r2)).toEqual([1, 0, 1]);
  expect(() => divmod(array([{ re: 1, im: 1 }]), 2)).toThrow(TypeError);
});

describeWithNumpy('NaN signs of remainder, floor_divide and divmod of two NaNs, against NumPy', () => {
  // NumPy's remainder takes npymath's fmod (x87 fprem on x86-64): of two NaNs
  // the positive one unless both are negative; floor_divide keeps the
  // first operand's. Small arrays run the JS loops, large ones the native.
  const { expectCasesLikeNumpy } = require('../helpers/np-compare') as typeof import('../helpers/np-compare');
  const { negative } = require('../../lib/ufuncs/arith') as typeof import('../../lib/ufuncs/arith');
  /** n copies of [nan, nan, -nan, -nan] and [nan, -nan, nan, -nan] (every sign pair). */
  const pairs = (n: number, dt: string): [NdArray, NdArray] => {
    const a = zeros([4 * n], dt);
    a.fill(NaN);
    const b = a.copy();
    negative(a.index('2::4'), { out: a.index('2::4') });
    negative(a.index('3::4'), { out: a.index('3::4') });
    negative(b.index('1::2'), { out: b.index('1::2') });
    return [a, b];
  };
  const py = (n: number, dt: string, f: string): string => `(lambda n: np.${f}(np.array([n, n, -n, -n] * ${n}, '${dt}'), np.array([n, -n, n, -n] * ${n}, '${dt}')))(np.float64('nan'))`;
  test.each([['<f8'], ['<f4'], ['>f8'], ['<f2']])('%s, 1 and 64 of each pair', (dt) => {
    const cases = [1, 64].flatMap((n) => [
      { py: py(n, dt, 'remainder'), js: () => remainder(...pairs(n, dt)) },
      { py: py(n, dt, 'floor_divide'), js: () => floorDivide(...pairs(n, dt)) },
      { py: `${py(n, dt, 'divmod')}[1]`, js: () => divmod(...pairs(n, dt))[1] },
      { py: `${py(n, dt, 'divmod')}[0]`, js: () => divmod(...pairs(n, dt))[0] },
    ]);
    expectCasesLikeNumpy(cases);
  });
});
