// NumPy's own numpy/lib/tests/test_function_base.py (NumPy 2.4): classes
// TestBincount, TestFlip, TestAny, TestAll, TestCopy, TestAmax, TestAmin and
// TestProd (the mapping and skips of the later ones are above them), ported
// test by test: same names, same intent, the same values and errors. np.bincount(x, w, minlength) -> bincount(x, { weights,
// minlength }); a Python list argument -> an array here (bincount takes arrays).
//
// test_empty_list and test_error_not_1d run their list forms as arrays (bincount takes arrays only).
//
// Skipped (not counted as passing):
// - test_dtype_reference_leaks: Python refcounts.
// - test_gh_28354_array_like: the __array__ protocol.
import { add, all, any, arange, AxisError, bincount, invert, max, min, NdArray, ValueError, zeros } from '../../lib';
import { array, vals } from '../helpers/np-array';

const nums = (a: NdArray): number[] => (a.toArray() as (number | bigint)[]).map(Number);

describe('TestBincount', () => {
  test('test_simple', () => {
    expect(nums(bincount(arange(4)))).toEqual([1, 1, 1, 1]);
  });

  test('test_simple2', () => {
    expect(nums(bincount(array([1, 5, 2, 4, 1])))).toEqual([0, 2, 1, 0, 1, 1]);
  });

  test('test_simple_weight', () => {
    const x = arange(4);
    const w = array([0.2, 0.3, 0.5, 0.1], 'f8');
    expect(nums(bincount(x, { weights: w }))).toEqual([0.2, 0.3, 0.5, 0.1]);
  });

  test('test_simple_weight2', () => {
    const x = array([1, 2, 4, 5, 2]);
    const w = array([0.2, 0.3, 0.5, 0.1, 0.2], 'f8');
    expect(nums(bincount(x, { weights: w }))).toEqual([0, 0.2, 0.5, 0, 0.5, 0.1]);
  });

  test('test_with_minlength', () => {
    const x = array([0, 1, 0, 1, 1]);
    expect(nums(bincount(x, { minlength: 3 }))).toEqual([2, 3, 0]);
    expect(nums(bincount(zeros(0, 'i8'), { minlength: 0 }))).toEqual([]);
  });

  test('test_with_minlength_smaller_than_maxvalue', () => {
    const x = array([0, 1, 1, 2, 2, 3, 3]);
    expect(nums(bincount(x, { minlength: 2 }))).toEqual([1, 2, 2, 2]);
    expect(nums(bincount(x, { minlength: 0 }))).toEqual([1, 2, 2, 2]);
  });

  test('test_with_minlength_and_weights', () => {
    const x = array([1, 2, 4, 5, 2]);
    const w = array([0.2, 0.3, 0.5, 0.1, 0.2], 'f8');
    expect(nums(bincount(x, { weights: w, minlength: 8 }))).toEqual([0, 0.2, 0.5, 0, 0.5, 0.1, 0, 0]);
  });

  test('test_empty', () => {
    const x = zeros(0, 'i8');
    const y = bincount(x);
    expect(nums(y)).toEqual(nums(x));
  });

  test('test_empty_with_minlength', () => {
    const y = bincount(zeros(0, 'i8'), { minlength: 5 });
    expect(nums(y)).toEqual([0, 0, 0, 0, 0]);
    expect(y.dtype.name).toBe('int64');
  });

  test.each([0, 3])('test_empty_list[%d]', (minlength) => {
    const y = bincount(zeros(0, 'i8'), { minlength });
    expect(nums(y)).toEqual(new Array<number>(minlength).fill(0));
  });

  test('test_with_incorrect_minlength', () => {
    for (const x of [zeros(0, 'i8'), arange(5)]) {
      expect(() => bincount(x, { minlength: 'foobar' as never })).toThrow(TypeError);
      expect(() => bincount(x, { minlength: -1 })).toThrow(ValueError);
      expect(() => bincount(x, { minlength: -1 })).toThrow(/must not be negative/);
    }
  });

  test.each([
    ['[[2, 2]]', () => array([[2, 2]])],
    ['2', () => { const a = zeros([], 'i8'); a.fill(2); return a; }],
  ] as const)('test_error_not_1d[%s]', (_n, make) => {
    // values has to be 1-D
    expect(() => bincount(make())).toThrow(ValueError);
  });

  test.each(['i1', 'i2', 'i4', 'i8', 'u1', 'u2', 'u4', 'u8'])('test_gh_28354[%s]', (dt) => {
    const a = array([0, 1, 1, 3, 2, 1, 7], dt);
    expect(nums(bincount(a))).toEqual([1, 3, 1, 1, 0, 0, 0, 1]);
  });

  test('test_contiguous_handling', () => {
    // check for absence of hard crash
    const r = bincount(arange(10000).index('::2'));
    expect(r.size).toBe(9999);
  });
});

// ---------------------------------------------------------------- more classes
// TestFlip, TestAny, TestAll, test_any_and_all_result_dtype, TestCopy, TestAmax,
// TestAmin, TestProd. np.flip(a, axis) -> a.flip(axis); np.flipud(a) ->
// a.index('::-1'); np.any/np.all/np.amax/np.amin(a, axis) -> any/all/max/min(a, axis)
// (0-d arrays for the whole array); np.copy(a) -> a.copy('K') (np.copy keeps the
// order: its default is order='K'); a Python list argument -> an array.
// get_mat(n) -> np.add.outer(arange(n), arange(n)) as add of the broadcast views.
// Skipped (not counted as passing): test_any_and_all_result_dtype's U10, object and
// datetime64 parametrizations (no such dtypes); TestCopy.test_subok (no masked arrays).
describe('TestFlip', () => {
  const ones = (shape: number[]): NdArray => {
    const o = zeros(shape);
    o.fill(1);
    return o;
  };
  const getMat = (n: number): NdArray => add(arange(n).index(':, None'), arange(n).index('None, :'));

  test('test_axes', () => {
    expect(() => ones([4]).flip(1)).toThrow(AxisError);
    expect(() => ones([4, 4]).flip(2)).toThrow(AxisError);
    expect(() => ones([4, 4]).flip(-3)).toThrow(AxisError);
    expect(() => ones([4, 4]).flip([0, 3])).toThrow(AxisError);
  });

  test('test_basic_lr', () => {
    let a = getMat(4);
    let b = a.index(':, ::-1');
    expect(vals(a.flip(1))).toEqual(vals(b));
    a = array([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    b = array([
      [2, 1, 0],
      [5, 4, 3],
    ]);
    expect(vals(a.flip(1))).toEqual(vals(b));
  });

  test('test_basic_ud', () => {
    let a = getMat(4);
    let b = a.index('::-1, :');
    expect(vals(a.flip(0))).toEqual(vals(b));
    a = array([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    b = array([
      [3, 4, 5],
      [0, 1, 2],
    ]);
    expect(vals(a.flip(0))).toEqual(vals(b));
  });

  const A3 = [
    [
      [0, 1],
      [2, 3],
    ],
    [
      [4, 5],
      [6, 7],
    ],
  ];

  test('test_3d_swap_axis0', () => {
    expect(vals(array(A3).flip(0))).toEqual([
      [
        [4, 5],
        [6, 7],
      ],
      [
        [0, 1],
        [2, 3],
      ],
    ]);
  });

  test('test_3d_swap_axis1', () => {
    expect(vals(array(A3).flip(1))).toEqual([
      [
        [2, 3],
        [0, 1],
      ],
      [
        [6, 7],
        [4, 5],
      ],
    ]);
  });

  test('test_3d_swap_axis2', () => {
    expect(vals(array(A3).flip(2))).toEqual([
      [
        [1, 0],
        [3, 2],
      ],
      [
        [5, 4],
        [7, 6],
      ],
    ]);
  });

  test('test_4d', () => {
    const a = arange(2 * 3 * 4 * 5).reshape([2, 3, 4, 5]);
    for (let i = 0; i < a.ndim; i++) {
      expect(vals(a.flip(i))).toEqual(vals(a.swapaxes(0, i).index('::-1').swapaxes(i, 0)));
    }
  });

  test('test_default_axis', () => {
    const a = array([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(vals(a.flip())).toEqual([
      [6, 5, 4],
      [3, 2, 1],
    ]);
  });

  test('test_multiple_axes', () => {
    const a = array(A3);
    expect(vals(a.flip([]))).toEqual(A3);
    expect(vals(a.flip([0, 2]))).toEqual([
      [
        [5, 4],
        [7, 6],
      ],
      [
        [1, 0],
        [3, 2],
      ],
    ]);
    expect(vals(a.flip([1, 2]))).toEqual([
      [
        [3, 2],
        [1, 0],
      ],
      [
        [7, 6],
        [5, 4],
      ],
    ]);
  });
});

describe('TestAny', () => {
  test('test_basic', () => {
    expect(any(array([0, 0, 1, 0])).get()).toBe(true);
    expect(any(array([1, 0, 1, 0])).get()).toBe(true);
    expect(any(array([0, 0, 0, 0])).get()).toBe(false);
  });

  test('test_nd', () => {
    const y1 = array([
      [0, 0, 0],
      [0, 1, 0],
      [1, 1, 0],
    ]);
    expect(any(y1).get()).toBe(true);
    expect(vals(any(y1, 0))).toEqual([true, true, false]);
    expect(vals(any(y1, 1))).toEqual([false, true, true]);
  });
});

describe('TestAll', () => {
  test('test_basic', () => {
    expect(all(array([0, 1, 1, 0])).get()).toBe(false);
    expect(all(array([1, 1, 1, 1])).get()).toBe(true);
    const y2 = array([0, 0, 0, 0]);
    expect(all(y2).get()).toBe(false);
    expect(all(invert(y2)).get()).toBe(true);
  });

  test('test_nd', () => {
    const y1 = array([
      [0, 0, 1],
      [0, 1, 1],
      [1, 1, 1],
    ]);
    expect(all(y1).get()).toBe(false);
    expect(vals(all(y1, 0))).toEqual([false, false, true]);
    expect(vals(all(y1, 1))).toEqual([false, false, true]);
  });
});

test('test_any_and_all_result_dtype[i8]', () => {
  const arr = zeros(3, 'i8');
  arr.fill(1);
  expect(any(arr).dtype.str).toBe('|b1');
  expect(all(arr).dtype.str).toBe('|b1');
});

describe('TestCopy', () => {
  test('test_basic', () => {
    const a = array([
      [1, 2],
      [3, 4],
    ]);
    const aCopy = a.copy('K');
    expect(vals(aCopy)).toEqual(vals(a));
    aCopy.set([0, 0], 10);
    expect(Number(a.get(0, 0))).toBe(1);
    expect(Number(aCopy.get(0, 0))).toBe(10);
  });

  test('test_order', () => {
    // It turns out that people rely on np.copy() preserving order by
    // default; changing this broke scikit-learn:
    // github.com/scikit-learn/scikit-learn/commit/7842748
    const a = array([
      [1, 2],
      [3, 4],
    ]);
    expect(a.flags.cContiguous).toBe(true);
    expect(a.flags.fContiguous).toBe(false);
    const aFort = a.copy('F'); // np.array(..., order="F")
    expect(aFort.flags.cContiguous).toBe(false);
    expect(aFort.flags.fContiguous).toBe(true);
    const aCopy = a.copy('K');
    expect(aCopy.flags.cContiguous).toBe(true);
    expect(aCopy.flags.fContiguous).toBe(false);
    const aFortCopy = aFort.copy('K');
    expect(aFortCopy.flags.cContiguous).toBe(false);
    expect(aFortCopy.flags.fContiguous).toBe(true);
  });
});

describe('TestAmax', () => {
  test('test_basic', () => {
    const a = array([3, 4, 5, 10, -3, -5, 6.0], 'f8');
    expect(max(a).get()).toBe(10.0);
    const b = array(
      [
        [3, 6.0, 9.0],
        [4, 10.0, 5.0],
        [8, 3.0, 2.0],
      ],
      'f8',
    );
    expect(vals(max(b, 0))).toEqual([8.0, 10.0, 9.0]);
    expect(vals(max(b, 1))).toEqual([9.0, 10.0, 8.0]);
  });
});

describe('TestAmin', () => {
  test('test_basic', () => {
    const a = array([3, 4, 5, 10, -3, -5, 6.0], 'f8');
    expect(min(a).get()).toBe(-5.0);
    const b = array(
      [
        [3, 6.0, 9.0],
        [4, 10.0, 5.0],
        [8, 3.0, 2.0],
      ],
      'f8',
    );
    expect(vals(min(b, 0))).toEqual([3.0, 3.0, 2.0]);
    expect(vals(min(b, 1))).toEqual([3.0, 4.0, 2.0]);
  });
});

describe('TestProd', () => {
  test('test_basic', () => {
    const ba = [1, 2, 10, 11, 6, 5, 4];
    const ba2 = [
      [1, 2, 3, 4],
      [5, 6, 7, 9],
      [10, 3, 4, 5],
    ];
    const num = (v: unknown): unknown => (Array.isArray(v) ? v.map(num) : typeof v === 'bigint' ? Number(v) : typeof v === 'object' && v !== null ? (v as { re: number }).re : v);
    for (const ctype of ['i2', 'u2', 'i4', 'u4', 'f4', 'f8', 'c8', 'c16']) {
      const a = array(ba, ctype);
      const a2 = array(ba2, ctype);
      expect(num(a.prod(0).toArray())).toBe(26400);
      expect(num(a2.prod(0).toArray())).toEqual([50, 36, 84, 180]);
      expect(num(a2.prod(-1).toArray())).toEqual([24, 1890, 600]);
    }
  });
});
