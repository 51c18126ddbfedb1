// NumPy's own numpy/lib/tests/test_arraysetops.py (NumPy 2.4), class
// TestUnique, ported test by test: same names, same intent, the same values,
// shapes and errors.
//
// Mapping: np.unique(a, return_index, return_inverse, return_counts,
// equal_nan, sorted) -> unique(a, { returnIndex, returnInverse, returnCounts,
// equalNan, sorted }) -> { values, index, inverse, counts } (index results
// int64); np.unique_values/_counts/_inverse/_all -> uniqueValues & co. The dtypes of get_types() that
// exist here are run (not long double g/G, datetime64, timedelta64).
//
// Skipped (not counted as passing), one reason each:
// - object, unicode (U) and StringDType arrays: no such dtypes (test_unique_unicode_string_hash_based,
//   test_unique_vstring_*; the object and chararray parts of test_unique_1d).
// - test_unique_with_matrix: no np.matrix. The `axis=` tests (test_unique_axis*,
//   test_unique_1d_with_axis, test_unique_inverse_with_axis, test_unique_sort_order_with_axis)
//   are ported in test_arraysetops-more.test.ts.
// - test_unique_masked: no masked arrays.
import { NdArray, sort, take, unique, uniqueAll, uniqueCounts, uniqueInverse, uniqueValues, zeros } from '../../lib';
import { array as arr } from '../helpers/np-array';

const TYPES = [...'bBhHiIlLqQpPefdFD']; // AllInteger + AllFloat, less g and G

function array(values: unknown[], dt: string | readonly unknown[]): NdArray {
  const a = zeros(values.length, dt as never) as NdArray;
  a.set(values as never);
  return a;
}

function nums(a: NdArray | null): unknown[] {
  return (a!.toArray() as unknown[]).map((v) => (typeof v === 'bigint' ? Number(v) : v));
}

function checkAll(a: NdArray, b: NdArray, i1: number[], i2: number[], c: number[], dt: string): void {
  const protoB = Object.getPrototypeOf(b) as object;
  const flags: [boolean, boolean, boolean][] = [
    [false, false, false],
    [true, false, false],
    [false, true, false],
    [false, false, true],
    [true, true, false],
    [true, false, true],
    [false, true, true],
    [true, true, true],
  ];
  for (const [returnIndex, returnInverse, returnCounts] of flags) {
    const r = unique(a, { returnIndex, returnInverse, returnCounts });
    const what = [dt, returnIndex, returnInverse, returnCounts];
    expect([what, r.values.toArray()]).toEqual([what, b.toArray()]);
    expect([what, r.values.dtype.str]).toEqual([what, b.dtype.str]);
    expect(Object.getPrototypeOf(r.values)).toBe(protoB);
    if (returnIndex) expect([what, nums(r.index)]).toEqual([what, i1]);
    else expect(r.index).toBeNull();
    if (returnInverse) expect([what, nums(r.inverse)]).toEqual([what, i2]);
    else expect(r.inverse).toBeNull();
    if (returnCounts) expect([what, nums(r.counts)]).toEqual([what, c]);
    else expect(r.counts).toBeNull();
  }
}

const A = Array.from({ length: 10 }, () => [5, 7, 1, 2, 1, 5, 7]).flat();
const B = [1, 2, 5, 7];
const I1 = [2, 3, 0, 1];
const I2 = Array.from({ length: 10 }, () => [2, 3, 0, 1, 0, 2, 3]).flat();
const C = [2, 1, 2, 2].map((n) => n * 10);

describe('TestUnique', () => {
  test('test_unique_1d', () => {
    // test for numeric arrays
    for (const dt of TYPES) {
      checkAll(array(A, dt), array(B, dt), I1, I2, C, dt);
    }

    // (object arrays: not a dtype here)

    // test for structured arrays
    const sdt = [
      ['', 'i'],
      ['', 'i'],
    ] as const;
    checkAll(
      array(
        A.map((v) => [v, v]),
        sdt,
      ),
      array(
        B.map((v) => [v, v]),
        sdt,
      ),
      I1,
      I2,
      C,
      'i,i',
    );

    // test for ticket #2799
    const aa = array([{ re: 1, im: 0 }, { re: 1, im: -1 }, 1], 'c16');
    expect(unique(aa).values.toArray()).toEqual([
      { re: 1, im: -1 },
      { re: 1, im: 0 },
    ]);

    // test for ticket #4785: a list of tuples is a 2-d array
    const t = zeros([3, 2], 'i8');
    t.set([
      [1, 2],
      [1, 2],
      [2, 3],
    ]);
    expect(nums(unique(t).values)).toEqual([1, 2, 3]);
    const a2 = unique(t, { returnInverse: true });
    expect(nums(a2.values)).toEqual([1, 2, 3]);
    expect(a2.inverse!.shape).toEqual([3, 2]);
    expect((a2.inverse!.toArray() as bigint[][]).map((r) => r.map(Number))).toEqual([
      [0, 1],
      [0, 1],
      [1, 2],
    ]);

    // (chararray with return_inverse, gh-5099: bytes stand in) all-empty strings are one value
    const ch = zeros(5, 'S1');
    expect(nums(unique(ch, { returnInverse: true }).inverse)).toEqual([0, 0, 0, 0, 0]);

    // test for ticket #9137
    const e = zeros(0, 'f8');
    const a1Idx = unique(e, { returnIndex: true }).index!;
    const a2Inv = unique(e, { returnInverse: true }).inverse!;
    const a3 = unique(e, { returnIndex: true, returnInverse: true });
    for (const x of [a1Idx, a2Inv, a3.index!, a3.inverse!]) expect(x.dtype.str).toBe('<i8'); // np.intp

    // test for ticket 2111 - float
    let f = array([2.0, NaN, 1.0, NaN], 'f8');
    expect(unique(f).values.toArray()).toEqual([1.0, 2.0, NaN]);
    let r = unique(f, { returnIndex: true, returnInverse: true, returnCounts: true });
    expect(nums(r.index)).toEqual([2, 0, 1]);
    expect(nums(r.inverse)).toEqual([1, 2, 0, 2]);
    expect(nums(r.counts)).toEqual([1, 1, 2]);

    // test for ticket 2111 - complex
    f = array([{ re: 2, im: -1 }, NaN, { re: 1, im: 1 }, { re: 0, im: NaN }, { re: 1, im: NaN }], 'c16');
    r = unique(f, { returnIndex: true, returnInverse: true, returnCounts: true });
    const u = r.values.toArray() as { re: number; im: number }[];
    expect(u.slice(0, 2)).toEqual([
      { re: 1, im: 1 },
      { re: 2, im: -1 },
    ]);
    expect(u.length).toBe(3);
    // NumPy keeps complex(0.0, nan), the first NaN met.
    expect(u[2]).toEqual({ re: 0, im: NaN });
    expect(nums(r.index)).toEqual([2, 0, 3]);
    expect(nums(r.inverse)).toEqual([1, 2, 0, 2, 2]);
    expect(nums(r.counts)).toEqual([1, 1, 3]);

    // (datetime64, timedelta64: not dtypes here)

    // test for gh-19300
    const allNans = array([NaN, NaN, NaN, NaN], 'f8');
    r = unique(allNans, { returnIndex: true, returnInverse: true, returnCounts: true });
    expect(r.values.toArray()).toEqual([NaN]);
    expect(nums(r.index)).toEqual([0]);
    expect(nums(r.inverse)).toEqual([0, 0, 0, 0]);
    expect(nums(r.counts)).toEqual([4]);
  });

  test('test_unique_zero_sized', () => {
    // test for zero-sized arrays
    for (const dt of [...TYPES, 'S']) {
      const a = zeros(0, dt);
      const b = zeros(0, dt);
      checkAll(a, b, [], [], [], dt);
    }
  });

  test('test_unique_subclass', () => {
    class Subclass extends NdArray {}
    for (const dt of TYPES) {
      const aa = array(A, dt).view(Subclass);
      const bb = array(B, dt).view(Subclass);
      checkAll(aa, bb, I1, I2, C, dt);
    }
  });

  test.each(['F', 'D'].flatMap((dt) =>
    [
      [{ re: 0.0, im: -1 }, { re: -0.0, im: -1 }, 0],
      [-200, { re: -200, im: -0.0 }, -1],
      [-25, 3, { re: 0, im: -5 }, { re: -25, im: -0.0 }, { re: 0, im: 3 }],
    ].map((values) => [dt, values] as const),
  ))('test_unique_complex_signed_zeros[%s %j]', (dt, values) => {
    const z = array(values, dt);
    const u = unique(z).values;
    expect(u.size).toBe(values.length - 1);
  });

  test('test_unique_nanequals', () => {
    // issue 20326
    const a = arr([1, 1, NaN, NaN, NaN], 'f8');
    const unq = unique(a).values;
    const notUnq = unique(a, { equalNan: false }).values;
    expect(nums(unq)).toEqual([1, NaN]);
    expect(nums(notUnq)).toEqual([1, NaN, NaN, NaN]);
  });

  test('test_unique_byte_string_hash_based', () => {
    // test for byte string arrays
    const words = ['apple', 'banana', 'apple', 'cherry', 'date', 'banana', 'fig', 'grape'];
    const unqSorted = ['apple', 'banana', 'cherry', 'date', 'fig', 'grape'];
    const a1 = unique(arr(words.map((w) => Buffer.from(w)), 'S6'), { sorted: false }).values;
    // the order is the implementation's: compared sorted
    expect((a1.toArray() as Uint8Array[]).map((b) => Buffer.from(b).toString()).sort()).toEqual(unqSorted);
  });

  test.each(['returnIndex', 'returnInverse', 'returnCounts'] as const)('test_unsupported_hash_based[%s]', (arg) => {
    const resNotSorted = unique(arr([1, 1], 'i8'), { sorted: false, [arg]: true });
    const resSorted = unique(arr([1, 1], 'i8'), { sorted: true, [arg]: true });
    const key = ({ returnIndex: 'index', returnInverse: 'inverse', returnCounts: 'counts' } as const)[arg];
    for (const k of ['values', key] as const) {
      expect(nums(sort(resNotSorted[k]!))).toEqual(nums(sort(resSorted[k]!)));
    }
  });
  test.skip('test_unique_unicode_string_hash_based, test_unique_vstring_*: no unicode or StringDType', () => {});
  test.skip('test_unique_masked: no masked arrays', () => {});
  test('test_unique_array_api_functions', () => {
    const a = arr([NaN, 1.0, 0.0, 4.0, -NaN, -0.0, 1.0, 3.0, 4.0, NaN, 5.0, -0.0, 1.0, -NaN, 0.0], 'f8');
    const all = unique(a, { returnIndex: true, returnInverse: true, returnCounts: true, equalNan: false });
    const pairs: [NdArray[], NdArray[]][] = [
      [[uniqueValues(a)], [unique(a, { equalNan: false }).values]],
      [Object.values(uniqueCounts(a)), Object.values(unique(a, { returnCounts: true, equalNan: false })).filter((v): v is NdArray => v !== null)],
      [[uniqueInverse(a).values, uniqueInverse(a).inverseIndices], [unique(a, { returnInverse: true, equalNan: false }).values, unique(a, { returnInverse: true, equalNan: false }).inverse!]],
      [(({ values, indices, inverseIndices, counts }) => [values, indices, inverseIndices, counts])(uniqueAll(a)), [all.values, all.index!, all.inverse!, all.counts!]],
    ];
    for (const [resUniqueArrayApi, resUnique] of pairs) {
      expect(resUniqueArrayApi.length).toBe(resUnique.length);
      for (let i = 0; i < resUnique.length; i++) {
        // Order of output is not guaranteed
        expect(nums(sort(resUniqueArrayApi[i]!))).toEqual(nums(sort(resUnique[i]!)));
      }
    }
  });

  test('test_unique_inverse_shape', () => {
    // Regression test for https://github.com/numpy/numpy/issues/25552
    const a = arr([1, 2, 3, 2, 3, 1], 'i8').reshape([2, 3]);
    const expected = unique(a, { returnInverse: true });
    const expectedInverse = expected.inverse!.reshape(a.shape);
    for (const func of [uniqueInverse, uniqueAll]) {
      const result = func(a);
      expect(nums(result.values)).toEqual(nums(expected.values));
      expect(result.inverseIndices.shape).toEqual(expectedInverse.shape);
      expect(result.inverseIndices.toArray()).toEqual(expectedInverse.toArray());
      const back = take(result.values, result.inverseIndices);
      expect(back.shape).toEqual(a.shape);
      expect(back.toArray()).toEqual(a.toArray());
    }
  });
  test.skip('test_unique_with_matrix: no np.matrix', () => {});
});
