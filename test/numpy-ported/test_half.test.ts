// NumPy's own numpy/_core/tests/test_half.py (NumPy 2.4), ported test by
// test: same names, same intent, the same values, shapes and errors. Every
// float16 <-> float32/float64 cast of the library (astype and the ufuncs'
// float16 loops) meets every one of the 65,536 float16 bit patterns here.
//
// Mapping: np.array(x, dtype=t) of an array -> x.astype(t); a.view(uint16) ->
// a.view('u2'); np.float16 scalars -> 0-d float16 arrays (NumPy scalars are
// strong, as 0-d arrays are); np.nextafter(x, +-inf) of positive floats -> the
// bit pattern plus or minus one (the tests only step positive values);
// assert_equal of arrays -> the values (or bit patterns) as JS arrays.
//
// Skipped (not counted as passing):
// - test_half_conversion_to_string, test_to_half_cast_error,
//   test_half_conversion_from_string: mmarray has no number <-> string (S/U)
//   casts (astype refuses them with a TypeError).
// - the np.spacing line of test_nans_infs (test_spacing_nextafter is ported in
//   test_umath-nextafter.test.ts).
// - test_half_fpe: no floating-point error states (np.errstate) in JS.
// - test_half_array_interface: no __array_interface__.
// - (test_half_funcs' np.dot and test_half_ufuncs' copysign, fmax, fmin, divmod,
//   reciprocal, ones_like, positive, sign, modf, frexp, ldexp lines are ported in
//   the last describe block, added when those functions came.)
// - long double (g) in test_half_conversions: no long double dtype.
import * as lib from '../../lib';
import { assertEqual } from '../helpers/np-assert';
import {
  absolute,
  add,
  arange,
  argmax,
  concatenate,
  conjugate,
  divide,
  equal,
  floorDivide,
  greater,
  greaterEqual,
  isfinite,
  isinf,
  isnan,
  less,
  lessEqual,
  logicalAnd,
  logicalNot,
  logicalOr,
  logicalXor,
  maximum,
  minimum,
  multiply,
  negative,
  nonzero,
  notEqual,
  power,
  remainder,
  signbit,
  square,
  subtract,
  zeros,
  type NdArray,
} from '../../lib';

type F = 'f4' | 'f8';

function array(values: number[], dt: string): NdArray<number> {
  const a = zeros(values.length, dt as 'f8');
  a.set(values);
  return a;
}

function scalar(value: number, dt: string): NdArray<number> {
  const a = zeros([], dt as 'f8');
  a.set(value);
  return a;
}

const bits = (a: NdArray): number[] => a.view('u2').toArray() as number[];
const values = (a: NdArray): number[] => a.toArray() as number[];

function allArrays(): [NdArray<number>, NdArray<number>, NdArray<number>] {
  // An array of all possible float16 values
  const allF16 = arange(0x10000, 'u2').view('f2') as NdArray<number>;
  return [allF16, allF16.astype('f4'), allF16.astype('f8')];
}

function nonanArrays(): [NdArray<number>, NdArray<number>, NdArray<number>] {
  // All non-NaN float16 values, in sorted order
  const nonanF16 = concatenate([arange(0xfc00, 0x7fff, -1, 'u2'), arange(0x0000, 0x7c01, 1, 'u2')]).view('f2') as NdArray<number>;
  return [nonanF16, nonanF16.astype('f4'), nonanF16.astype('f8')];
}

function finiteArrays(): [NdArray<number>, NdArray<number>, NdArray<number>] {
  return nonanArrays().map((a) => a.index('1:-1')) as [NdArray<number>, NdArray<number>, NdArray<number>];
}

describe('TestHalf', () => {
  test('test_half_conversions', () => {
    // Every value (NaN payloads included) survives float16 -> float32/64 -> float16.
    const [allF16, allF32, allF64] = allArrays();
    const want = bits(allF16);
    for (const wide of [allF32, allF64]) {
      const b = wide.astype('f2');
      const got = bits(b);
      const bNn = values(b).map((v) => v === v); // avoid NaNs (quiet/signalling bit patterns)
      const pick = (xs: number[]): number[] => xs.filter((_, i) => bNn[i]);
      expect(pick(got)).toEqual(pick(want));
      expect(bNn.filter((x) => x).length).toBe(0x10000 - 2 * 1023); // every non-NaN pattern compared
    }
    // Check the range for which all integers can be represented
    const iInt = arange(-2048, 2049);
    const iF16 = iInt.astype('f2');
    const j = iF16.astype('i8');
    expect(j.toArray()).toEqual(iInt.toArray());
  });

  // offset x shift x float_t, as NumPy's parametrization
  const ROUNDING: [F, string, string][] = [];
  for (const f of ['f4', 'f8'] as F[]) for (const shift of ['none', 'up', 'down']) for (const offset of ['none', 'up', 'down']) ROUNDING.push([f, shift, offset]);

  test.each(ROUNDING)('test_half_conversion_rounding[%s-%s-%s]', (floatT, shift, offset) => {
    // Assumes that round to even is used during casting.
    const maxPattern = 0x7bff; // np.float16(np.finfo(np.float16).max).view(np.uint16)
    // All (positive) finite numbers; denormals are the most interesting.
    const f16sPatterns = arange(0, maxPattern + 1, 1, 'u2');
    let f16sFloat: NdArray<number> = f16sPatterns.view('f2').astype(floatT) as NdArray<number>;
    // Shift the values by half a bit up or down (or do not shift)
    if (shift === 'up') f16sFloat = multiply(0.5, add(f16sFloat.index(':-1'), f16sFloat.index('1:'))).index('1:') as NdArray<number>;
    else if (shift === 'down') f16sFloat = multiply(0.5, add(f16sFloat.index(':-1'), f16sFloat.index('1:'))).index(':-1') as NdArray<number>;
    else f16sFloat = f16sFloat.index('1:-1');
    expect(f16sFloat.dtype.str).toBe(`<${floatT}`);
    // Increase the float by a minimal value: np.nextafter(x, +-inf) of positive x.
    if (offset !== 'none') {
      const u = floatT === 'f4' ? 'u4' : 'u8';
      const raw = f16sFloat.copy().view(u) as NdArray<number | bigint>;
      const step = offset === 'up' ? 1 : -1;
      raw.set((raw.toArray() as (number | bigint)[]).map((x) => (typeof x === 'bigint' ? x + BigInt(step) : x + step)) as never);
      f16sFloat = raw.view(floatT) as NdArray<number>;
    }
    // Convert back to float16 and its bit pattern:
    const resPatterns = bits(f16sFloat.astype('f2'));
    // The expected pattern:
    const cmpPatterns = bits(f16sPatterns.index('1:-1').view('f2'));
    let shiftPattern = 0;
    if (shift === 'down' && offset !== 'up') shiftPattern = -1;
    else if (shift === 'up' && offset !== 'down') shiftPattern = 1;
    // If rounding occurs, is it normal rounding or round to even?
    const expected = cmpPatterns.map((p, i) => (offset === 'none' ? (i % 2 === 0 ? p + shiftPattern : p) : p + shiftPattern));
    expect(resPatterns).toEqual(expected);
  });

  test.each([
    ['f4', 'u4', 23],
    ['f8', 'u8', 52],
  ] as const)('test_half_conversion_denormal_round_even[%s]', (floatT, uintT, nbits) => {
    // All bits count when deciding whether round to even happens (gh-12721).
    const smallestValue = scalar(0, 'u2');
    smallestValue.view('u2').set(1);
    const smallest = smallestValue.view('f2').astype(floatT);
    expect(smallest.get()).toBe(2 ** -24);
    // Rounded to zero by the round to even rule:
    const roundedToZero = divide(smallest, scalar(2, floatT));
    expect(roundedToZero.astype('f2').get()).toBe(0);
    // The significand is all 0 for float_t: the lower ones must not be lost.
    for (let i = 0; i < nbits; i++) {
      const larger = roundedToZero.copy();
      const raw = larger.view(uintT);
      const v = raw.get() as number | bigint;
      raw.set((typeof v === 'bigint' ? v | (1n << BigInt(i)) : v | (1 << i)) as never);
      expect(larger.astype('f2').get()).toBe(2 ** -24);
    }
  });

  test('test_nans_infs', () => {
    const [allF16, allF32] = allArrays();
    expect(isnan(allF16).toArray()).toEqual(isnan(allF32).toArray());
    expect(isinf(allF16).toArray()).toEqual(isinf(allF32).toArray());
    expect(isfinite(allF16).toArray()).toEqual(isfinite(allF32).toArray());
    expect(signbit(allF16).toArray()).toEqual(signbit(allF32).toArray());
    // Comparisons of all values with NaN
    const nan = scalar(NaN, 'f2');
    const anyOf = (a: NdArray): boolean => (a.toArray() as boolean[]).some((x) => x);
    const allOf = (a: NdArray): boolean => (a.toArray() as boolean[]).every((x) => x);
    expect(anyOf(equal(allF16, nan))).toBe(false);
    expect(anyOf(equal(nan, allF16))).toBe(false);
    expect(allOf(notEqual(allF16, nan))).toBe(true);
    expect(allOf(notEqual(nan, allF16))).toBe(true);
    for (const cmp of [less, lessEqual, greater, greaterEqual]) {
      expect(anyOf(cmp(allF16, nan))).toBe(false);
      expect(anyOf(cmp(nan, allF16))).toBe(false);
    }
  });

  test('test_half_values', () => {
    const a = [1.0, -1.0, 2.0, -2.0, 0.0999755859375, 0.333251953125, 65504, -65504, 2.0 ** -14, -(2.0 ** -14), 2.0 ** -24, -(2.0 ** -24), 0, -0, Infinity, -Infinity];
    const b = [0x3c00, 0xbc00, 0x4000, 0xc000, 0x2e66, 0x3555, 0x7bff, 0xfbff, 0x0400, 0x8400, 0x0001, 0x8001, 0x0000, 0x8000, 0x7c00, 0xfc00];
    const bF16 = array(b, 'u2').view('f2');
    expect(values(bF16)).toEqual(a); // toEqual tells -0 from 0, as assert_equal does
    // and the other way: each value stored as float16 has that bit pattern
    expect(bits(array(a, 'f2'))).toEqual(b);
  });

  test('test_half_rounding', () => {
    const a = [
      2.0 ** -25 + 2.0 ** -35, // Rounds to minimum subnormal
      2.0 ** -25, // Underflows to zero (nearest even mode)
      2.0 ** -26, // Underflows to zero
      1.0 + 2.0 ** -11 + 2.0 ** -16, // rounds to 1.0+2**(-10)
      1.0 + 2.0 ** -11, // rounds to 1.0 (nearest even mode)
      1.0 + 2.0 ** -12, // rounds to 1.0
      65519, // rounds to 65504
      65520, // rounds to inf
    ];
    const rounded = [2.0 ** -24, 0.0, 0.0, 1.0 + 2.0 ** -10, 1.0, 1.0, 65504, Infinity];
    // Check float64->float16 rounding
    expect(values(array(a, 'f8').astype('f2'))).toEqual(rounded);
    // Check float32->float16 rounding
    expect(values(array(a, 'f8').astype('f4').astype('f2'))).toEqual(rounded);
  });

  test('test_half_correctness', () => {
    // Every finite float16, converted by hand, against the casts.
    const [finiteF16, finiteF32, finiteF64] = finiteArrays();
    const aManual = bits(finiteF16).map((b) => {
      const sgn = b & 0x8000 ? -1 : 1;
      let exp = ((b & 0x7c00) >> 10) - 15;
      let man = (b & 0x03ff) * 2 ** -10;
      if (exp !== -15) man += 1; // implicit bit of normalized floats
      else exp = -14; // denormalized exponent is -14
      return sgn * man * 2 ** exp;
    });
    expect(values(finiteF32)).toEqual(aManual);
    expect(values(finiteF64)).toEqual(aManual);
  });

  test('test_half_ordering', () => {
    const [nonanF16] = nonanArrays();
    // All non-NaN float16 values in reverse order
    const a = nonanF16.index('::-1').copy();
    // 32-bit float copy
    const b = a.astype('f4');
    // Should sort the same
    a.sort();
    b.sort();
    expect(values(a)).toEqual(values(b));
    // Comparisons should work
    const lo = a.index(':-1');
    const hi = a.index('1:');
    const all = (x: NdArray): boolean => (x.toArray() as boolean[]).every((v) => v);
    const any = (x: NdArray): boolean => (x.toArray() as boolean[]).some((v) => v);
    expect(all(lessEqual(lo, hi))).toBe(true);
    expect(any(greater(lo, hi))).toBe(false);
    expect(all(greaterEqual(hi, lo))).toBe(true);
    expect(any(less(hi, lo))).toBe(false);
    // All != except for +/-0
    expect(nonzero(less(lo, hi))[0].size).toBe(a.size - 2);
    expect(nonzero(greater(hi, lo))[0].size).toBe(a.size - 2);
  });

  test('test_half_funcs (without np.dot)', () => {
    // fill
    expect(values(arange(10, 'f2'))).toEqual(values(arange(10, 'f4')));
    // fillwithscalar
    const z = zeros(5, 'f2');
    z.fill(1);
    expect(values(z)).toEqual([1, 1, 1, 1, 1]);
    // nonzero and copyswap
    let a = array([0, 0, -1, -1 / 1e20, 0, 2.0 ** -24, 7.629e-6], 'f2');
    expect(nonzero(a)[0].toArray()).toEqual([2n, 5n, 6n]);
    a = a.byteswap().view(a.dtype.newbyteorder()) as NdArray<number>;
    expect(nonzero(a)[0].toArray()).toEqual([2n, 5n, 6n]);
    // argmax
    a = array([0, -Infinity, -2, 0.5, 12.55, 7.3, 2.1, 12.4], 'f2');
    expect(argmax(a).get()).toBe(4n);
    a = array([0, -Infinity, -2, Infinity, 12.55, NaN, 2.1, 12.4], 'f2');
    expect(argmax(a).get()).toBe(5n);
    // getitem
    a = arange(10, 'f2');
    for (let i = 0; i < 10; i++) expect(a.get(i)).toBe(i);
  });

  test('test_half_ufuncs (the ufuncs mmarray has)', () => {
    const a = array([0, 1, 2, 4, 2], 'f2');
    const b = array([-2, 5, 1, 4, 3], 'f2');
    const c = array([0, -1, -Infinity, NaN, 6], 'f2');

    expect(values(add(a, b))).toEqual([-2, 6, 3, 8, 5]);
    expect(values(subtract(a, b))).toEqual([2, -4, 1, 0, -1]);
    expect(values(multiply(a, b))).toEqual([-0, 5, 2, 16, 6]);
    expect(values(divide(a, b))).toEqual([-0, 0.199951171875, 2, 1, 0.66650390625]);

    expect(equal(a, b).toArray()).toEqual([false, false, false, true, false]);
    expect(notEqual(a, b).toArray()).toEqual([true, true, true, false, true]);
    expect(less(a, b).toArray()).toEqual([false, true, false, false, true]);
    expect(lessEqual(a, b).toArray()).toEqual([false, true, false, true, true]);
    expect(greater(a, b).toArray()).toEqual([true, false, true, false, false]);
    expect(greaterEqual(a, b).toArray()).toEqual([true, false, true, true, false]);
    expect(logicalAnd(a, b).toArray()).toEqual([false, true, true, true, true]);
    expect(logicalOr(a, b).toArray()).toEqual([true, true, true, true, true]);
    expect(logicalXor(a, b).toArray()).toEqual([true, false, false, false, false]);
    expect(logicalNot(a).toArray()).toEqual([true, false, false, false, false]);

    expect(isnan(c).toArray()).toEqual([false, false, false, true, false]);
    expect(isinf(c).toArray()).toEqual([false, false, true, false, false]);
    expect(isfinite(c).toArray()).toEqual([true, true, false, false, true]);
    expect(signbit(b).toArray()).toEqual([true, false, false, false, false]);

    expect(values(maximum(a, b))).toEqual([0, 5, 2, 4, 3]);
    let x = maximum(b, c);
    expect(Number.isNaN(x.get(3))).toBe(true);
    x.set(3, 0);
    expect(values(x)).toEqual([0, 5, 1, 0, 6]);

    expect(values(minimum(a, b))).toEqual([-2, 1, 1, 4, 2]);
    x = minimum(b, c);
    expect(Number.isNaN(x.get(3))).toBe(true);
    x.set(3, 0);
    expect(values(x)).toEqual([-2, -1, -Infinity, 0, 3]);

    expect(values(floorDivide(a, b))).toEqual([-0, 0, 2, 1, 0]);
    expect(values(remainder(a, b))).toEqual([-0, 1, 0, 0, 2]);
    expect(values(square(b))).toEqual([4, 25, 1, 16, 9]);
    expect(values(conjugate(b))).toEqual(values(b));
    expect(values(absolute(b))).toEqual([2, 5, 1, 4, 3]);
    expect(values(negative(b))).toEqual([2, -5, -1, -4, -3]);
    for (const r of [add(a, b), divide(a, b), maximum(b, c), square(b), absolute(b), negative(b)]) expect(r.dtype.str).toBe('<f2');
  });

  test('test_half_coercion', () => {
    // Half gets coerced properly with the other types
    const a16 = array([1], 'f2');
    const a32 = array([1], 'f4');
    const b16 = scalar(1, 'f2');
    const b32 = scalar(1, 'f4');
    const dt = (r: NdArray): string => r.dtype.str;

    expect(dt(power(a16, 2))).toBe('<f2');
    expect(dt(power(a16, 2.5))).toBe('<f2'); // Python's 2.0 (a float: 2.0 is an int in JS)
    expect(dt(power(a16, b16))).toBe('<f2');
    expect(dt(power(a16, b32))).toBe('<f4');
    expect(dt(power(a16, a16))).toBe('<f2');
    expect(dt(power(a16, a32))).toBe('<f4');

    expect(dt(power(b16, 2))).toBe('<f2');
    expect(dt(power(b16, 2.5))).toBe('<f2');
    expect(dt(power(b16, b16))).toBe('<f2');
    expect(dt(power(b16, b32))).toBe('<f4');
    expect(dt(power(b16, a16))).toBe('<f2');
    expect(dt(power(b16, a32))).toBe('<f4');

    expect(dt(power(a32, a16))).toBe('<f4');
    expect(dt(power(a32, b16))).toBe('<f4');
    expect(dt(power(b32, a16))).toBe('<f4');
    expect(dt(power(b32, b16))).toBe('<f4');
  });
});

// The lines of test_half_funcs / test_half_ufuncs whose functions were missing
// when the rest was ported (np.dot, copysign, fmax, fmin, divmod, reciprocal,
// ones_like, positive, sign, modf, frexp, ldexp), same values.
describe('TestHalf (dot and the two-output ufuncs)', () => {
  test('test_half_funcs (np.dot)', () => {
    const a = arange(0, 10, 0.5, 'f2');
    const b = lib.ones([20], 'f2');
    assertEqual(lib.dot(a, b), 95);
  });

  test('test_half_ufuncs (copysign ... ldexp)', () => {
    const a = lib.array([0, 1, 2, 4, 2], 'f2');
    const b = lib.array([-2, 5, 1, 4, 3], 'f2');
    const c = lib.array([0, -1, -Infinity, NaN, 6], 'f2');
    assertEqual(lib.copysign(b, a), [2, 5, 1, 4, 3]);
    assertEqual(lib.fmax(a, b), [0, 5, 2, 4, 3]);
    assertEqual(lib.fmax(b, c), [0, 5, 1, 4, 6]);
    assertEqual(lib.fmin(a, b), [-2, 1, 1, 4, 2]);
    assertEqual(lib.fmin(b, c), [-2, -1, -Infinity, 4, 3]);
    assertEqual(lib.divmod(a, b), [[0, 0, 2, 1, 0], [0, 1, 0, 0, 2]]);
    assertEqual(lib.reciprocal(b), [-0.5, 0.199951171875, 1, 0.25, 0.333251953125]);
    assertEqual(lib.onesLike(b), [1, 1, 1, 1, 1]);
    assertEqual(lib.positive(b), b);
    assertEqual(lib.sign(b), [-1, 1, 1, 1, 1]);
    assertEqual(lib.modf(b), [[0, 0, 0, 0, 0], b]);
    assertEqual(lib.frexp(b), [[-0.5, 0.625, 0.5, 0.5, 0.75], [2, 3, 1, 3, 2]]);
    assertEqual(lib.ldexp(b, lib.array([0, 1, 2, 4, 2])), [-2, 10, 4, 64, 12]);
    for (const r of [lib.copysign(b, a), lib.fmax(a, b), lib.reciprocal(b), lib.positive(b), lib.sign(b), ...lib.modf(b), lib.frexp(b)[0], lib.ldexp(b, lib.array([0, 1, 2, 4, 2]))]) expect(r.dtype.str).toBe('<f2');
  });
});
