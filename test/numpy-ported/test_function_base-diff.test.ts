// NumPy's own numpy/lib/tests/test_function_base.py (NumPy 2.4): classes TestDiff,
// TestCumsum and TestCumprod, ported test by test: same names, same intent,
// the same values, shapes and errors.
//
// Mapping: np.diff(x, n=, axis=, prepend=, append=) -> diff(x, { n, axis,
// prepend, append }); a Python list argument -> an array here (diff takes
// arrays; `array()` of test/helpers/np-array.ts gives int64 for ints, as
// np.array does, float64 for floats, bool for bools). np.cumsum(a, axis=) ->
// cumsum(a, axis); np.cumprod likewise. assert_array_equal compares values
// (a cumsum of int8 is int64 in NumPy 2, as here).
//
// Left out, not counted as passing:
// - The np.cumulative_sum / np.cumulative_prod parametrizations of TestCumsum.test_basic and
//   TestCumprod.test_basic, and test_cumulative_include_initial: no cumulative_sum/_prod here.
// - TestDiff.test_times: no datetime64/timedelta64 dtypes.
// - TestDiff.test_subclass: np.ma masked arrays do not exist here.
// - TestDiff.test_n's `diff(x, n=0) is x` for a Python list x: here x is an array, and
//   diff(x, { n: 0 }) is x is checked.
import { AxisError, cumprod, cumsum, diff, ones, subtract as sub, ValueError, zeros, type NdArray } from '../../lib';
import { rng as rngFor } from '../helpers/bytes';
import { array, vals } from '../helpers/np-array';

const plain = (a: NdArray): unknown => {
  const f = (x: unknown): unknown => (Array.isArray(x) ? x.map(f) : typeof x === 'bigint' ? Number(x) : x !== null && typeof x === 'object' ? (x as { re: number }).re : x);
  return f(a.toArray());
};

describe('TestDiff', () => {
  test('test_basic', () => {
    let x = array([1, 4, 6, 7, 12]);
    expect(vals(diff(x))).toEqual([3, 2, 1, 5]);
    expect(vals(diff(x, { n: 2 }))).toEqual([-1, -1, 4]);
    expect(vals(diff(x, { n: 3 }))).toEqual([0, 5]);

    x = array([1.1, 2.2, 3.0, -0.2, -0.1], 'f8');
    const out = [1.1, 0.8, -3.2, 0.1];
    (vals(diff(x)) as number[]).forEach((v, i) => expect(Math.abs(v - out[i])).toBeLessThan(1.5e-7));

    x = array([true, true, false, false], '?');
    expect(diff(x).toArray()).toEqual([false, true, false]);
    expect(diff(x, { n: 2 }).toArray()).toEqual([true, true]);
  });

  test('test_axis', () => {
    const x = zeros([10, 20, 30]);
    x.index(':, 1::2, :').fill(1);
    const exp = ones([10, 19, 30]);
    exp.index(':, 1::2, :').fill(-1);
    const allEq = (a: NdArray, b: NdArray): void => {
      expect(a.shape).toEqual(b.shape);
      expect(a.toArray()).toEqual(b.toArray());
    };
    allEq(diff(x), zeros([10, 20, 29]));
    allEq(diff(x, { axis: -1 }), zeros([10, 20, 29]));
    allEq(diff(x, { axis: 0 }), zeros([9, 20, 30]));
    allEq(diff(x, { axis: 1 }), exp);
    allEq(diff(x, { axis: -2 }), exp);
    expect(() => diff(x, { axis: 3 })).toThrow(AxisError);
    expect(() => diff(x, { axis: -4 })).toThrow(AxisError);

    expect(() => diff(array(1.11111111111, 'f8'))).toThrow(ValueError);
  });

  test('test_nd', () => {
    const r = rngFor(10);
    const x = array(Array.from({ length: 10 * 20 * 30 }, () => 20 * r()), 'f8').reshape([10, 20, 30]);
    const out1 = sub(x.index(':, :, 1:'), x.index(':, :, :-1'));
    const out2 = sub(out1.index(':, :, 1:'), out1.index(':, :, :-1'));
    const out3 = sub(x.index('1:, :, :'), x.index(':-1, :, :'));
    const out4 = sub(out3.index('1:, :, :'), out3.index(':-1, :, :'));
    expect(diff(x).toArray()).toEqual(out1.toArray());
    expect(diff(x, { n: 2 }).toArray()).toEqual(out2.toArray());
    expect(diff(x, { axis: 0 }).toArray()).toEqual(out3.toArray());
    expect(diff(x, { n: 2, axis: 0 }).toArray()).toEqual(out4.toArray());
  });

  test('test_n', () => {
    const x = array([0, 1, 2]);
    expect(() => diff(x, { n: -1 })).toThrow(ValueError);
    const expected = [[1, 1], [0], [], []];
    expect(diff(x, { n: 0 })).toBe(x);
    for (let n = 1; n <= 4; n++) {
      const output = diff(x, { n });
      expect(vals(output)).toEqual(expected[n - 1]);
      expect(output.dtype.name).toBe('int64');
      expect(output.shape[0]).toBe(Math.max(0, x.size - n));
    }
  });

  test('test_prepend', () => {
    let x = array([1, 2, 3, 4, 5]);
    expect(vals(diff(x, { prepend: 0 }))).toEqual([1, 1, 1, 1, 1]);
    expect(vals(diff(x, { prepend: [0] }))).toEqual([1, 1, 1, 1, 1]);
    expect(vals(cumsum(diff(x, { prepend: 0 })))).toEqual(vals(x));
    expect(vals(diff(x, { prepend: [-1, 0] }))).toEqual([1, 1, 1, 1, 1, 1]);

    x = array([0, 1, 2, 3]).reshape([2, 2]);
    let expected = [
      [0, 1],
      [2, 1],
    ];
    expect(vals(diff(x, { axis: 1, prepend: 0 }))).toEqual(expected);
    expect(vals(diff(x, { axis: 1, prepend: [[0], [0]] }))).toEqual(expected);

    expected = [
      [0, 1],
      [2, 2],
    ];
    expect(vals(diff(x, { axis: 0, prepend: 0 }))).toEqual(expected);
    expect(vals(diff(x, { axis: 0, prepend: [[0, 0]] }))).toEqual(expected);

    expect(() => diff(x, { prepend: zeros([3, 3]) })).toThrow(ValueError);
    expect(() => diff(x, { prepend: 0, axis: 3 })).toThrow(AxisError);
  });

  test('test_append', () => {
    let x = array([0, 1, 2, 3, 4]);
    let expected: unknown = [1, 1, 1, 1, -4];
    expect(vals(diff(x, { append: 0 }))).toEqual(expected);
    expect(vals(diff(x, { append: [0] }))).toEqual(expected);
    expect(vals(diff(x, { append: [0, 2] }))).toEqual([1, 1, 1, 1, -4, 2]);

    x = array([0, 1, 2, 3]).reshape([2, 2]);
    expected = [
      [1, -1],
      [1, -3],
    ];
    expect(vals(diff(x, { axis: 1, append: 0 }))).toEqual(expected);
    expect(vals(diff(x, { axis: 1, append: [[0], [0]] }))).toEqual(expected);

    expected = [
      [2, 2],
      [-2, -3],
    ];
    expect(vals(diff(x, { axis: 0, append: 0 }))).toEqual(expected);
    expect(vals(diff(x, { axis: 0, append: [[0, 0]] }))).toEqual(expected);

    expect(() => diff(x, { append: zeros([3, 3]) })).toThrow(ValueError);
    expect(() => diff(x, { append: 0, axis: 3 })).toThrow(AxisError);
  });
});

const BA = [1, 2, 10, 11, 6, 5, 4];
const BA2 = [
  [1, 2, 3, 4],
  [5, 6, 7, 9],
  [10, 3, 4, 5],
];

describe('TestCumsum', () => {
  test('test_basic[cumsum]', () => {
    for (const ctype of ['i1', 'u1', 'i2', 'u2', 'i4', 'u4', 'f4', 'f8', 'c8', 'c16']) {
      const a = array(BA, ctype);
      const a2 = array(BA2, ctype);
      expect([ctype, plain(cumsum(a, 0))]).toEqual([ctype, [1, 3, 13, 24, 30, 35, 39]]);
      expect([ctype, plain(cumsum(a2, 0))]).toEqual([
        ctype,
        [
          [1, 2, 3, 4],
          [6, 8, 10, 13],
          [16, 11, 14, 18],
        ],
      ]);
      expect([ctype, plain(cumsum(a2, 1))]).toEqual([
        ctype,
        [
          [1, 3, 6, 10],
          [5, 11, 18, 27],
          [10, 13, 17, 22],
        ],
      ]);
    }
  });
});

describe('TestCumprod', () => {
  test('test_basic[cumprod]', () => {
    for (const ctype of ['i2', 'u2', 'i4', 'u4', 'f4', 'f8', 'c8', 'c16']) {
      const a = array(BA, ctype);
      const a2 = array(BA2, ctype);
      expect([ctype, plain(cumprod(a, -1))]).toEqual([ctype, [1, 2, 20, 220, 1320, 6600, 26400]]);
      expect([ctype, plain(cumprod(a2, 0))]).toEqual([
        ctype,
        [
          [1, 2, 3, 4],
          [5, 12, 21, 36],
          [50, 36, 84, 180],
        ],
      ]);
      expect([ctype, plain(cumprod(a2, -1))]).toEqual([
        ctype,
        [
          [1, 2, 6, 24],
          [5, 30, 210, 1890],
          [10, 30, 120, 600],
        ],
      ]);
    }
  });
});
