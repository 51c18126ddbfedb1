// NumPy's own numpy/_core/tests/test_nep50_promotions.py (NumPy 2.4), ported
// test by test: same names, same intent, the same dtypes, values and errors.
//
// Mapping: a NumPy scalar np.uint8(1) -> a 0-d array of that dtype (NumPy
// scalars are strong, as 0-d arrays are); a Python int / float / complex -> a
// JS number (integer-valued or not), bigint, or { re, im } (weak, README
// "Values"); np.result_type -> resultType; operators -> add, power, the
// comparison ufuncs.
//
// Not ported: the RuntimeWarning checks (no floating-point error state here;
// the values are IEEE's, as NumPy's under errstate(all='ignore')).
// Skipped (not counted as passing):
// - test_nep50_with_axisconcatenator (np.r_), the concatenate half of
//   test_nep50_in_concat_and_choose (concatenate takes arrays only, not Python scalars):
//   no such API (its choose half is ported at the end).
// - test_integer_integer_comparison: both operands Python ints (dtype=object); a ufunc needs an array here.
// - test_oob_creation[create_with_scalar] with str values: no creation from strings.
// - test_expected_promotion uses hypothesis: ported as every permutation of every
//   selection of up to 3 optional dtypes (an exhaustive version of the sampled one).
import { add, dtype, equal, greater, greaterEqual, isinf, less, lessEqual, notEqual, OverflowError, power, resultType, zeros, NdArray, type PyScalar } from '../../lib';
import type { DType } from '../../lib';
import * as lib from '../../lib';

function scalar(dt: string, v: number | bigint | { re: number; im: number }): NdArray {
  const a = zeros([], dt as never) as NdArray;
  a.set(v as never);
  return a;
}

function arr(values: unknown[], dt: string): NdArray {
  const a = zeros(values.length, dt as never) as NdArray;
  a.set(values as never);
  return a;
}

function iinfo(dt: string): { min: bigint; max: bigint } {
  const bits = BigInt(dtype(dt).itemsize * 8);
  return dtype(dt).kind === 'u' ? { min: 0n, max: 2n ** bits - 1n } : { min: -(2n ** (bits - 1n)), max: 2n ** (bits - 1n) - 1n };
}

const name = (a: NdArray): string => a.dtype.name;
const ALL_INTEGER = ['i1', 'i2', 'i4', 'i8', 'u1', 'u2', 'u4', 'u8'];

test('test_nep50_examples', () => {
  let res = add(scalar('u1', 1), 2);
  expect(name(res)).toBe('uint8');

  res = add(arr([1], 'u1'), scalar('i8', 1));
  expect(name(res)).toBe('int64');

  res = add(arr([1], 'u1'), scalar('i8', 1));
  expect(name(res)).toBe('int64');

  res = add(scalar('u1', 100), 200); // overflows (wraps), NumPy warns
  expect(name(res)).toBe('uint8');
  expect(res.toArray()).toBe(44);

  res = add(scalar('f4', 1), 3e100);
  expect(isinf(res).toArray()).toBe(true);
  expect(name(res)).toBe('float32');

  res = equal(arr([0.1], 'f4'), scalar('f8', 0.1));
  expect(res.toArray()).toEqual([false]);

  res = add(arr([0.1], 'f4'), scalar('f8', 0.1));
  expect(name(res)).toBe('float64');

  res = add(arr([1.0], 'f4'), scalar('i8', 3));
  expect(name(res)).toBe('float64');
});

test.each(ALL_INTEGER)('test_nep50_weak_integers[%s]', (dt) => {
  const maxint = iinfo(dt).max;
  // scalar_type(100) + maxint: wraps (NumPy warns), the dtype stays
  let res = add(scalar(dt, 100), maxint);
  expect(res.dtype.equals(dtype(dt))).toBe(true);
  // Array operations are not expected to warn, but give the same result dtype.
  res = add(arr([100], dt).reshape([]), maxint);
  expect(res.dtype.equals(dtype(dt))).toBe(true);
});

test.each(['f2', 'f4', 'f8', 'c8', 'c16'])('test_nep50_weak_integers_with_inexact[%s]', (dt) => {
  const finfoMax: Record<string, number> = { f2: 65504, f4: 3.4028234663852886e38, f8: Number.MAX_VALUE, c8: 3.4028234663852886e38, c16: Number.MAX_VALUE };
  // int(np.finfo(dtype).max) * 2, exactly, as a bigint
  const tooBigInt = BigInt(finfoMax[dt]!) * 2n;
  if (dt === 'f8' || dt === 'c16') {
    // These dtypes convert to Python float internally, which raises an OverflowError.
    expect(() => add(scalar(dt, 1), tooBigInt)).toThrow(OverflowError);
    expect(() => add(arr([1], dt).reshape([]), tooBigInt)).toThrow(OverflowError);
  } else {
    // Otherwise, we overflow to infinity:
    let res = add(scalar(dt, 1), tooBigInt);
    expect(res.dtype.equals(dtype(dt))).toBe(true);
    const v = res.toArray() as number | { re: number };
    expect(typeof v === 'number' ? v : v.re).toBe(Infinity);
    res = add(arr([1], dt).reshape([]), tooBigInt, { dtype: dt });
    expect(res.dtype.equals(dtype(dt))).toBe(true);
    const w = res.toArray() as number | { re: number };
    expect(typeof w === 'number' ? w : w.re).toBe(Infinity);
  }
});

test.each([
  ['add', add],
  ['pow', power],
] as const)('test_weak_promotion_scalar_path[%s]', (opName, op) => {
  const py = opName === 'add' ? (a: number, b: number) => a + b : (a: number, b: number) => a ** b;
  // Integer path:
  let res = op(scalar('u1', 3), 5);
  expect(res.toArray()).toBe(py(3, 5) % 256);
  expect(name(res)).toBe('uint8');
  expect(() => op(scalar('u1', 3), 1000)).toThrow(OverflowError);
  // Float path (5. is the JS number 5 here, an int: 5.5 keeps it a Python float):
  res = op(scalar('f4', 3), 5.5);
  expect(res.toArray()).toBe(Math.fround(py(3, 5.5)));
  expect(name(res)).toBe('float32');
});

test('test_nep50_complex_promotion', () => {
  // complex(2**300) + complex64: overflows to inf (NumPy warns), stays complex64
  const res = add(scalar('c8', 3), { re: 2 ** 300, im: 0 });
  expect(name(res)).toBe('complex64');
  expect((res.toArray() as { re: number }).re).toBe(Infinity);
});

test('test_nep50_integer_conversion_errors', () => {
  expect(() => add(arr([1], 'u1'), 300)).toThrow(OverflowError);
  expect(() => add(arr([1], 'u1'), 300)).toThrow(/uint8/);
  expect(() => add(scalar('u1', 1), 300)).toThrow(/uint8/);
  expect(() => add(scalar('u1', 1), -1)).toThrow(new OverflowError('Python integer -1 out of bounds for uint8'));
});

test.each([
  ['add', add],
  ['power', power],
] as const)('test_nep50_huge_integers[%s]', (_n, ufunc) => {
  // Very large integers go to uint64 or fail.
  expect(() => ufunc(scalar('i8', 0), 2n ** 63n)).toThrow(OverflowError); // too large for int64
  expect(() => ufunc(scalar('u8', 0), 2n ** 64n)).toThrow(OverflowError); // not representable by uint64

  // However, 2**63 can be represented by the uint64 (and that is used):
  const res = ufunc(scalar('u8', 1), 2n ** 63n);
  expect(name(res)).toBe('uint64');
  expect(res.toArray()).toBe(_n === 'add' ? 2n ** 63n + 1n : 1n);

  expect(() => ufunc(scalar('i8', 1), 2n ** 63n)).toThrow(OverflowError);
  expect(() => ufunc(scalar('i8', 1), 2n ** 100n)).toThrow(OverflowError);
});

// (expected, dtypes, optional_dtypes): numbers stand for Python scalars.
const PROMOTION_CASES: [string, (string | number | { re: number; im: number })[], (string | number)[]][] = [
  ['float32', ['f4'], ['f2', 0.5, 'u2', 'i2', 'i1', 0]],
  ['complex64', ['f4', { re: 0, im: 1 }], ['f2', 0.5, 'u2', 'i2', 'i1', 0]],
  ['float32', ['i2', 'u2', 'f2'], ['i1', 'u1', 'f4', 0.5, 0]],
  ['int32', ['i2', 'u2'], ['i1', 'u1', 0, '?']],
];

function* subsets<T>(xs: T[], k: number): Generator<T[]> {
  if (k === 0) {
    yield [];
    return;
  }
  for (let i = 0; i < xs.length; i++) for (const rest of subsets(xs, k - 1)) yield [xs[i]!, ...rest];
}

function* permutations<T>(xs: T[]): Generator<T[]> {
  if (xs.length <= 1) {
    yield xs;
    return;
  }
  for (let i = 0; i < xs.length; i++) for (const p of permutations([...xs.slice(0, i), ...xs.slice(i + 1)])) yield [xs[i]!, ...p];
}

test.each(PROMOTION_CASES)('test_expected_promotion[%s-%j]', (expected, dtypes, optional) => {
  const pool = [...dtypes, ...optional];
  for (let k = 0; k <= 2; k++) {
    for (const extra of subsets(pool, k)) {
      for (const sample of permutations([...dtypes, ...extra])) {
        const args = sample.map((x) => (typeof x === 'string' ? dtype(x) : x)) as (DType | PyScalar)[];
        expect([sample, resultType(...(args as never[])).name]).toEqual([sample, expected]);
      }
    }
  }
});

const COMPS: [string, (a: bigint, b: bigint) => boolean, (x: NdArray | number | bigint, y: NdArray | number | bigint) => NdArray][] = [
  ['eq', (a, b) => a === b, equal],
  ['ne', (a, b) => a !== b, notEqual],
  ['le', (a, b) => a <= b, lessEqual],
  ['lt', (a, b) => a < b, less],
  ['ge', (a, b) => a >= b, greaterEqual],
  ['gt', (a, b) => a > b, greater],
];
const OTHER_VALS = [-2n * 100n, -1n, 0n, 9n, 10n, 11n, 2n ** 63n, 2n * 100n];
const intCompCases: [string, string, string][] = [];
for (const t of ALL_INTEGER) for (const o of OTHER_VALS) for (const [c] of COMPS) intCompCases.push([t, String(o), c]);
test.each(intCompCases)('test_integer_comparison[%s-%s-%s]', (sctype, otherStr, comp) => {
  const otherVal = BigInt(otherStr);
  const [, py, np] = COMPS.find((c) => c[0] === comp)!;
  // Check that the scalar behaves the same as the python int:
  const val = scalar(sctype, 10);
  expect(np(val, otherVal).toArray()).toBe(py(10n, otherVal));
  expect(np(val, otherVal).dtype.name).toBe('bool');
  // the integer array behaves as the Python ints do (NumPy checks against an object array)
  const v = arr([10, 10], sctype);
  expect(np(v, otherVal).toArray()).toEqual([py(10n, otherVal), py(10n, otherVal)]);
  expect(np(otherVal, v).toArray()).toEqual([py(otherVal, 10n), py(otherVal, 10n)]);
});

describe('test_integer_comparison_with_cast', () => {
  const ones = (shape: number[], dt: string): NdArray => {
    const a = zeros(shape, dt as never) as NdArray;
    a.fill(1);
    return a;
  };
  test.each([
    ['ones((100, 100), uint8)[::2]', () => ones([100, 100], 'u1').index('::2')], // not trivially iterable
    ['ones(20000, >u4)', () => ones([20000], '>u4')], // cast and >buffersize
    ['ones(100, >u4)', () => ones([100], '>u4')], // fast path compatible with cast
  ] as const)('%s', (_n, make) => {
    const a = make();
    let res = greaterEqual(a, -1);
    expect((res.ravel().toArray() as boolean[]).every((x) => x)).toBe(true);
    expect(res.shape).toEqual(a.shape);
    res = less(a, -1);
    expect((res.ravel().toArray() as boolean[]).every((x) => !x)).toBe(true);
  });
});

const oobCases: [string][] = ALL_INTEGER.map((t) => [t]);
test.each(oobCases)('test_oob_creation[%s-create_with_array]', (sctype) => {
  const info = iinfo(sctype);
  const create = (v: bigint): NdArray => arr([dtype(sctype).itemsize === 8 ? v : Number(v)], sctype);
  expect(() => create(info.min - 1n)).toThrow(OverflowError);
  expect(() => create(info.max + 1n)).toThrow(OverflowError);
  expect(BigInt((create(info.min).toArray() as (number | bigint)[])[0]!)).toBe(info.min);
  expect(BigInt((create(info.max).toArray() as (number | bigint)[])[0]!)).toBe(info.max);
});

// test_nep50_in_concat_and_choose's np.choose half, ported when choose came (the
// concatenate half stays out: concatenate takes arrays only, not Python scalars).
test('test_nep50_in_concat_and_choose (choose)', () => {
  const res = lib.choose(1, [zeros([], 'f4').add(1), 1.0]);
  expect(res.dtype.str).toBe('<f4');
});
