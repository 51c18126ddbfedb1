// NumPy's own tests (NumPy 2.4) of the shape and joining functions, ported
// test by test: same names, same intent, the same values and errors.
// - _core/tests/test_shape_base.py: TestAtleast1d/2d/3d, TestHstack, TestVstack, TestBlock.
// - lib/tests/test_shape_base.py: TestArraySplit, TestSplit, TestColumnStack, TestDstack,
//   TestHsplit, TestVsplit, TestDsplit, TestTile.
// - lib/tests/test_function_base.py: TestDiff.test_prepend, test_append.
// - _core/tests/test_numeric.py: TestRoll, TestMoveaxis.
// - _core/tests/test_multiarray.py: TestRepeat.
//
// Mapping: np.f(a, ...) -> f(a, ...) (camelCase: array_split -> arraySplit,
// column_stack -> columnStack, atleast_1d -> atleast1d); keyword arguments
// as positional ones or options as each function declares; a Python list
// argument -> an array here where the function takes arrays only; tuples of
// arrays -> JS arrays. NumPy's TestMoveaxis checks shapes with
// `assert_(actual, expected)`, which cannot fail: here they are compared.
//
// Skipped (not counted as passing):
// - TestBlock's force_concatenate/force_slicing fixtures and
//   test_block_total_size_estimate: NumPy's private helpers; block here is
//   one algorithm (concatenate), run once per test.
// - TestBlock.test_tuple: JS has no tuples.  TestHstack/TestVstack
//   test_generator's second form and TestMoveaxis.test_array_likes: masked
//   arrays and NumPy's array-like protocol.
// - TestArraySplit.test_integer_split_2D_rows_greater_max_int32: broadcast_to
//   of 2**32 rows works here too, but is checked by shape only in the unit tests.
// - TestRoll.test_roll_unsigned_shift: no NumPy integer scalars (a JS number is the shift).
// - TestTile.test_kroncompare: ported in lib-test_shape_base-along-kron.test.ts (with kron).
import {
  arange,
  arraySplit,
  AxisError,
  atleast1d,
  atleast2d,
  atleast3d,
  block,
  columnStack,
  cumsum,
  diff,
  dsplit,
  dstack,
  eye,
  hsplit,
  hstack,
  moveaxis,
  NdArray,
  ones,
  repeat,
  roll,
  split,
  tile,
  ValueError,
  vsplit,
  vstack,
  zeros,
} from '../../lib';
import { array, vals } from '../helpers/np-array';

const list = (r: NdArray | NdArray[]): NdArray[] => (Array.isArray(r) ? r : [r]);
const range = (a: number, b?: number): number[] => (b === undefined ? [...Array(a).keys()] : Array.from({ length: b - a }, (_, i) => a + i));

function compareResults(res: NdArray[], desired: unknown[]): void {
  expect(res.length).toBeGreaterThanOrEqual(desired.length);
  desired.forEach((d, i) => expect(vals(res[i])).toEqual(d));
}

describe('TestAtleast1d', () => {
  test('test_0D_array', () => {
    expect(vals(atleast1d(array(1)))).toEqual([1]);
    expect(list(atleast1d(array(1), array(2))).map(vals)).toEqual([[1], [2]]);
  });
  test('test_1D_array', () => {
    expect(list(atleast1d(array([1, 2]), array([2, 3]))).map(vals)).toEqual([
      [1, 2],
      [2, 3],
    ]);
  });
  test('test_2D_array', () => {
    const a = array([[1, 2], [1, 2]]);
    expect(atleast1d(a)).toBe(a);
  });
  test('test_3D_array', () => {
    const a = array([[[1, 2], [1, 2]], [[1, 2], [1, 2]]]);
    expect(atleast1d(a)).toBe(a);
  });
  test('test_r1array', () => {
    expect(atleast1d(3).shape).toEqual([1]);
    expect(atleast1d(3.0).shape).toEqual([1]);
    expect(atleast1d([[2, 3], [4, 5]]).shape).toEqual([2, 2]);
  });
});

describe('TestAtleast2d', () => {
  test('test_0D_array', () => {
    expect(list(atleast2d(array(1), array(2))).map(vals)).toEqual([[[1]], [[2]]]);
  });
  test('test_1D_array', () => {
    expect(list(atleast2d(array([1, 2]), array([2, 3]))).map(vals)).toEqual([[[1, 2]], [[2, 3]]]);
  });
  test('test_2D_array', () => {
    const a = array([[1, 2], [1, 2]]);
    expect(atleast2d(a)).toBe(a);
  });
  test('test_3D_array', () => {
    const a = array([[[1, 2], [1, 2]], [[1, 2], [1, 2]]]);
    expect(atleast2d(a)).toBe(a);
  });
  test('test_r2array', () => {
    expect(atleast2d(3).shape).toEqual([1, 1]);
    expect(atleast2d([3, 1]).shape).toEqual([1, 2]);
    expect(atleast2d([[[3, 1], [4, 5]], [[3, 5], [1, 2]]]).shape).toEqual([2, 2, 2]);
  });
});

describe('TestAtleast3d', () => {
  test('test_0D_array', () => {
    expect(list(atleast3d(array(1), array(2))).map(vals)).toEqual([[[[1]]], [[[2]]]]);
  });
  test('test_1D_array', () => {
    expect(list(atleast3d(array([1, 2]), array([2, 3]))).map(vals)).toEqual([[[[1], [2]]], [[[2], [3]]]]);
  });
  test('test_2D_array', () => {
    expect(vals(atleast3d(array([[1, 2], [1, 2]])) as NdArray)).toEqual([
      [[1], [2]],
      [[1], [2]],
    ]);
  });
  test('test_3D_array', () => {
    const a = array([[[1, 2], [1, 2]], [[1, 2], [1, 2]]]);
    expect(atleast3d(a)).toBe(a);
  });
});

for (const [name, fn] of [
  ['TestHstack', hstack],
  ['TestVstack', vstack],
] as const) {
  describe(name, () => {
    test('test_non_iterable', () => {
      expect(() => fn(1 as never)).toThrow(TypeError);
    });
    test('test_empty_input', () => {
      expect(() => fn([])).toThrow(ValueError);
    });
    test('test_generator', () => {
      function* gen(): Generator<NdArray> {
        yield arange(3);
        yield arange(3);
      }
      expect(() => fn(gen() as never)).toThrow('arrays to stack must be');
    });
    test('test_casting_and_dtype', () => {
      const a = array([1, 2, 3]);
      const b = array([2.5, 3.5, 4.5], 'f8');
      const res = fn([a, b], { casting: 'unsafe', dtype: 'i8' });
      expect(vals(res)).toEqual(name === 'TestHstack' ? [1, 2, 3, 2, 3, 4] : [
        [1, 2, 3],
        [2, 3, 4],
      ]);
    });
    test('test_casting_and_dtype_type_error', () => {
      expect(() => fn([array([1, 2, 3]), array([2.5, 3.5, 4.5], 'f8')], { casting: 'safe', dtype: 'i8' })).toThrow(TypeError);
    });
  });
}

describe('TestHstack', () => {
  test('test_0D_array', () => expect(vals(hstack([array(1), array(2)]))).toEqual([1, 2]));
  test('test_1D_array', () => expect(vals(hstack([array([1]), array([2])]))).toEqual([1, 2]));
  test('test_2D_array', () => expect(vals(hstack([array([[1], [2]]), array([[1], [2]])]))).toEqual([[1, 1], [2, 2]]));
});

describe('TestVstack', () => {
  test('test_0D_array', () => expect(vals(vstack([array(1), array(2)]))).toEqual([[1], [2]]));
  test('test_1D_array', () => expect(vals(vstack([array([1]), array([2])]))).toEqual([[1], [2]]));
  test('test_2D_array', () => expect(vals(vstack([array([[1], [2]]), array([[1], [2]])]))).toEqual([[1], [2], [1], [2]]));
  test('test_2D_array2', () => expect(vals(vstack([array([1, 2]), array([1, 2])]))).toEqual([[1, 2], [1, 2]]));
});

describe('TestBlock', () => {
  test('test_returns_copy', () => {
    const a = eye(3);
    const b = block(a);
    b.set([0, 0], 2);
    expect(a.get(0, 0)).toBe(1);
  });
  test('test_block_simple_row_wise', () => {
    const a2 = ones([2, 2]);
    expect(vals(block([a2, a2.multiply(2)]))).toEqual([
      [1, 1, 2, 2],
      [1, 1, 2, 2],
    ]);
  });
  test('test_block_simple_column_wise', () => {
    const a2 = ones([2, 2]);
    expect(vals(block([[a2], [a2.multiply(2)]]))).toEqual([[1, 1], [1, 1], [2, 2], [2, 2]]);
  });
  test('test_block_with_1d_arrays_row_wise', () => {
    expect(vals(block([array([1, 2, 3]), array([2, 3, 4])]))).toEqual([1, 2, 3, 2, 3, 4]);
  });
  test('test_block_with_1d_arrays_multiple_rows', () => {
    const a = array([1, 2, 3]);
    const b = array([2, 3, 4]);
    expect(vals(block([[a, b], [a, b]]))).toEqual([
      [1, 2, 3, 2, 3, 4],
      [1, 2, 3, 2, 3, 4],
    ]);
  });
  test('test_block_with_1d_arrays_column_wise', () => {
    expect(vals(block([[array([1, 2, 3])], [array([2, 3, 4])]]))).toEqual([
      [1, 2, 3],
      [2, 3, 4],
    ]);
  });
  test('test_block_mixed_1d_and_2d', () => {
    expect(vals(block([[ones([2, 2])], [array([2, 2])]]))).toEqual([[1, 1], [1, 1], [2, 2]]);
  });
  test('test_block_complicated', () => {
    const result = block([
      [array([[1, 1, 1]]), array([[2, 2, 2]])],
      [array([[3, 3, 3, 3, 3, 3]])],
      [array([4, 4, 4, 4, 4, 4])],
      [array(5), array([6, 6, 6, 6, 6])],
      [zeros([2, 6])],
    ]);
    expect(vals(result)).toEqual([
      [1, 1, 1, 2, 2, 2],
      [3, 3, 3, 3, 3, 3],
      [4, 4, 4, 4, 4, 4],
      [5, 6, 6, 6, 6, 6],
      [0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0],
    ]);
  });
  test('test_nested', () => {
    const inner = block([[array([1, 1, 1])], [array([3, 3, 3])], [array([4, 4, 4])]]);
    const result = block([[inner, array([[2, 2, 2], [2, 2, 2], [2, 2, 2]])], [array(5), array([6, 6, 6, 6, 6])], [zeros([2, 6])]]);
    expect(vals(result)).toEqual([
      [1, 1, 1, 2, 2, 2],
      [3, 3, 3, 2, 2, 2],
      [4, 4, 4, 2, 2, 2],
      [5, 6, 6, 6, 6, 6],
      [0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0],
    ]);
  });
  test('test_3d', () => {
    const o = (s: number[], v: number): NdArray => ones(s, 'i8').multiply(v);
    const result = block([
      [
        [o([2, 2, 2], 1), o([2, 2, 3], 4)],
        [o([2, 3, 2], 3), o([2, 3, 3], 5)],
      ],
      [
        [o([3, 2, 2], 2), o([3, 2, 3], 6)],
        [o([3, 3, 2], 7), o([3, 3, 3], 8)],
      ],
    ]);
    const top = [
      [1, 1, 4, 4, 4],
      [1, 1, 4, 4, 4],
      [3, 3, 5, 5, 5],
      [3, 3, 5, 5, 5],
      [3, 3, 5, 5, 5],
    ];
    const bottom = [
      [2, 2, 6, 6, 6],
      [2, 2, 6, 6, 6],
      [7, 7, 8, 8, 8],
      [7, 7, 8, 8, 8],
      [7, 7, 8, 8, 8],
    ];
    expect(vals(result)).toEqual([top, top, bottom, bottom, bottom]);
  });
  test('test_block_with_mismatched_shape', () => {
    const a = array([0, 0]);
    const b = eye(2);
    expect(() => block([a, b])).toThrow(ValueError);
    expect(() => block([b, a])).toThrow(ValueError);
    expect(() => block([[ones([2, 3]), ones([2, 2])], [ones([2, 2]), ones([2, 2])]])).toThrow(ValueError);
  });
  test('test_no_lists', () => {
    expect(vals(block(1))).toEqual(1);
    expect(vals(block(eye(3)))).toEqual(vals(eye(3)));
  });
  test('test_invalid_nesting', () => {
    const msg = 'depths are mismatched';
    expect(() => block([1, [2]])).toThrow(msg);
    expect(() => block([1, []])).toThrow(msg);
    expect(() => block([[1], 2])).toThrow(msg);
    expect(() => block([[], 2])).toThrow(msg);
    expect(() => block([[[1], [2]], [[3, 4]], [5]])).toThrow(msg);
  });
  test('test_empty_lists', () => {
    expect(() => block([])).toThrow('empty');
    expect(() => block([[]])).toThrow('empty');
    expect(() => block([[1], []])).toThrow('empty');
  });
  test('test_different_ndims', () => {
    expect(vals(block([1.0, ones([1, 2]).multiply(2), ones([1, 1, 3]).multiply(3)]))).toEqual([[[1, 2, 2, 3, 3, 3]]]);
  });
  test('test_different_ndims_depths', () => {
    expect(vals(block([[1.0, ones([1, 2]).multiply(2)], [ones([1, 2, 3]).multiply(3)]]))).toEqual([
      [
        [1, 2, 2],
        [3, 3, 3],
        [3, 3, 3],
      ],
    ]);
  });
  test('test_block_memory_order', () => {
    const c3 = zeros([3, 3, 3], 'f8', 'C');
    const f3 = zeros([3, 3, 3], 'f8', 'F');
    expect(block([[[c3, c3], [c3, c3]], [[c3, c3], [c3, c3]]]).flags.cContiguous).toBe(true);
    expect(block([[[f3, f3], [f3, f3]], [[f3, f3], [f3, f3]]]).flags.fContiguous).toBe(true);
    const c2 = zeros([3, 3], 'f8', 'C');
    const f2 = zeros([3, 3], 'f8', 'F');
    expect(block([[c2, c2], [c2, c2]]).flags.cContiguous).toBe(true);
    expect(block([[f2, f2], [f2, f2]]).flags.fContiguous).toBe(true);
  });
});

describe('TestArraySplit', () => {
  test('test_integer_0_split', () => {
    expect(() => arraySplit(arange(10), 0)).toThrow(ValueError);
  });
  test('test_integer_split', () => {
    const a = arange(10);
    const want: Record<number, number[][]> = {
      1: [range(10)],
      2: [range(5), range(5, 10)],
      3: [range(4), range(4, 7), range(7, 10)],
      4: [range(3), range(3, 6), range(6, 8), range(8, 10)],
      5: [range(2), range(2, 4), range(4, 6), range(6, 8), range(8, 10)],
      6: [range(2), range(2, 4), range(4, 6), range(6, 8), range(8, 9), range(9, 10)],
      7: [range(2), range(2, 4), range(4, 6), range(6, 7), range(7, 8), range(8, 9), range(9, 10)],
      8: [range(2), range(2, 4), range(4, 5), range(5, 6), range(6, 7), range(7, 8), range(8, 9), range(9, 10)],
      9: [range(2), range(2, 3), range(3, 4), range(4, 5), range(5, 6), range(6, 7), range(7, 8), range(8, 9), range(9, 10)],
      10: range(10).map((i) => [i]),
      11: [...range(10).map((i) => [i]), []],
    };
    for (const [n, desired] of Object.entries(want)) compareResults(arraySplit(a, Number(n)), desired);
  });
  test('test_integer_split_2D_rows', () => {
    const a = array([range(10), range(10)]);
    let res = arraySplit(a, 3, 0);
    compareResults(res, [[range(10)], [range(10)], []]);
    expect(res[2].shape).toEqual([0, 10]);
    expect(res[2].dtype.equals(a.dtype)).toBe(true);
    res = arraySplit(a, [0, 1], 0);
    compareResults(res, [[], [range(10)], [range(10)]]);
    expect(res[0].shape).toEqual([0, 10]);
    expect(res[2].dtype.equals(a.dtype)).toBe(true);
  });
  test('test_integer_split_2D_cols', () => {
    const a = array([range(10), range(10)]);
    compareResults(arraySplit(a, 3, -1), [
      [range(4), range(4)],
      [range(4, 7), range(4, 7)],
      [range(7, 10), range(7, 10)],
    ]);
  });
  test('test_integer_split_2D_default', () => {
    const a = array([range(10), range(10)]);
    const res = arraySplit(a, 3);
    compareResults(res, [[range(10)], [range(10)], []]);
    expect(res[2].shape).toEqual([0, 10]);
  });
  test('test_index_split_simple', () => {
    compareResults(arraySplit(arange(10), [1, 5, 7], -1), [range(0, 1), range(1, 5), range(5, 7), range(7, 10)]);
  });
  test('test_index_split_low_bound', () => {
    compareResults(arraySplit(arange(10), [0, 5, 7], -1), [[], range(0, 5), range(5, 7), range(7, 10)]);
  });
  test('test_index_split_high_bound', () => {
    compareResults(arraySplit(arange(10), [0, 5, 7, 10, 12], -1), [[], range(0, 5), range(5, 7), range(7, 10), [], []]);
  });
});

describe('TestSplit', () => {
  test('test_equal_split', () => compareResults(split(arange(10), 2), [range(5), range(5, 10)]));
  test('test_unequal_split', () => expect(() => split(arange(10), 3)).toThrow(ValueError));
});

describe('TestColumnStack', () => {
  test('test_non_iterable', () => expect(() => columnStack(1 as never)).toThrow(TypeError));
  test('test_1D_arrays', () => {
    expect(vals(columnStack([array([1, 2, 3]), array([2, 3, 4])]))).toEqual([
      [1, 2],
      [2, 3],
      [3, 4],
    ]);
  });
  test('test_2D_arrays', () => {
    expect(vals(columnStack([array([[1], [2], [3]]), array([[2], [3], [4]])]))).toEqual([
      [1, 2],
      [2, 3],
      [3, 4],
    ]);
  });
});

describe('TestDstack', () => {
  test('test_non_iterable', () => expect(() => dstack(1 as never)).toThrow(TypeError));
  test('test_0D_array', () => expect(vals(dstack([array(1), array(2)]))).toEqual([[[1, 2]]]));
  test('test_1D_array', () => expect(vals(dstack([array([1]), array([2])]))).toEqual([[[1, 2]]]));
  test('test_2D_array', () => expect(vals(dstack([array([[1], [2]]), array([[1], [2]])]))).toEqual([[[1, 1]], [[2, 2]]]));
  test('test_2D_array2', () => expect(vals(dstack([array([1, 2]), array([1, 2])]))).toEqual([[[1, 1], [2, 2]]]));
});

describe('TestHsplit', () => {
  test('test_0D_array', () => expect(() => hsplit(array(1), 2)).toThrow(ValueError));
  test('test_1D_array', () => compareResults(hsplit(array([1, 2, 3, 4]), 2), [[1, 2], [3, 4]]));
  test('test_2D_array', () => {
    compareResults(hsplit(array([[1, 2, 3, 4], [1, 2, 3, 4]]), 2), [
      [
        [1, 2],
        [1, 2],
      ],
      [
        [3, 4],
        [3, 4],
      ],
    ]);
  });
});

describe('TestVsplit', () => {
  test('test_0D_array', () => expect(() => vsplit(array(1), 2)).toThrow(ValueError));
  test('test_1D_array', () => expect(() => vsplit(array([1, 2, 3, 4]), 2)).toThrow(ValueError));
  test('test_2D_array', () => compareResults(vsplit(array([[1, 2, 3, 4], [1, 2, 3, 4]]), 2), [[[1, 2, 3, 4]], [[1, 2, 3, 4]]]));
});

describe('TestDsplit', () => {
  test('test_0D_array', () => expect(() => dsplit(array(1), 2)).toThrow(ValueError));
  test('test_1D_array', () => expect(() => dsplit(array([1, 2, 3, 4]), 2)).toThrow(ValueError));
  test('test_2D_array', () => expect(() => dsplit(array([[1, 2, 3, 4], [1, 2, 3, 4]]), 2)).toThrow(ValueError));
  test('test_3D_array', () => {
    const a = array([
      [
        [1, 2, 3, 4],
        [1, 2, 3, 4],
      ],
      [
        [1, 2, 3, 4],
        [1, 2, 3, 4],
      ],
    ]);
    compareResults(dsplit(a, 2), [
      [
        [
          [1, 2],
          [1, 2],
        ],
        [
          [1, 2],
          [1, 2],
        ],
      ],
      [
        [
          [3, 4],
          [3, 4],
        ],
        [
          [3, 4],
          [3, 4],
        ],
      ],
    ]);
  });
});

describe('TestTile', () => {
  test('test_basic', () => {
    const a = array([0, 1, 2]);
    const b = array([
      [1, 2],
      [3, 4],
    ]);
    expect(vals(tile(a, 2))).toEqual([0, 1, 2, 0, 1, 2]);
    expect(vals(tile(a, [2, 2]))).toEqual([
      [0, 1, 2, 0, 1, 2],
      [0, 1, 2, 0, 1, 2],
    ]);
    expect(vals(tile(a, [1, 2]))).toEqual([[0, 1, 2, 0, 1, 2]]);
    expect(vals(tile(b, 2))).toEqual([
      [1, 2, 1, 2],
      [3, 4, 3, 4],
    ]);
    expect(vals(tile(b, [2, 1]))).toEqual([
      [1, 2],
      [3, 4],
      [1, 2],
      [3, 4],
    ]);
    expect(vals(tile(b, [2, 2]))).toEqual([
      [1, 2, 1, 2],
      [3, 4, 3, 4],
      [1, 2, 1, 2],
      [3, 4, 3, 4],
    ]);
  });
  test('test_tile_one_repetition_on_array_gh4679', () => {
    const a = arange(5);
    const b = tile(a, 1);
    b.add(2, { out: b });
    expect(vals(a)).toEqual(range(5));
  });
  test('test_empty', () => {
    expect(tile(zeros([2, 0]), 2).shape).toEqual([2, 0]);
    expect(tile(zeros([1, 1, 0]), [3, 2, 5]).shape).toEqual([3, 2, 0]);
  });
});

describe('TestDiff', () => {
  test('test_prepend', () => {
    let x = arange(5).add(1);
    expect(vals(diff(x, { prepend: 0 }))).toEqual([1, 1, 1, 1, 1]);
    expect(vals(diff(x, { prepend: [0] }))).toEqual([1, 1, 1, 1, 1]);
    expect(vals(cumsum(diff(x, { prepend: 0 })))).toEqual(vals(x));
    expect(vals(diff(x, { prepend: [-1, 0] }))).toEqual([1, 1, 1, 1, 1, 1]);
    x = arange(4).reshape(2, 2);
    expect(vals(diff(x, { axis: 1, prepend: 0 }))).toEqual([
      [0, 1],
      [2, 1],
    ]);
    expect(vals(diff(x, { axis: 1, prepend: [[0], [0]] }))).toEqual([
      [0, 1],
      [2, 1],
    ]);
    expect(vals(diff(x, { axis: 0, prepend: 0 }))).toEqual([
      [0, 1],
      [2, 2],
    ]);
    expect(vals(diff(x, { axis: 0, prepend: [[0, 0]] }))).toEqual([
      [0, 1],
      [2, 2],
    ]);
    expect(() => diff(x, { prepend: zeros([3, 3]) })).toThrow(ValueError);
    expect(() => diff(x, { prepend: 0, axis: 3 })).toThrow(AxisError);
  });
  test('test_append', () => {
    let x = arange(5);
    expect(vals(diff(x, { append: 0 }))).toEqual([1, 1, 1, 1, -4]);
    expect(vals(diff(x, { append: [0] }))).toEqual([1, 1, 1, 1, -4]);
    expect(vals(diff(x, { append: [0, 2] }))).toEqual([1, 1, 1, 1, -4, 2]);
    x = arange(4).reshape(2, 2);
    expect(vals(diff(x, { axis: 1, append: 0 }))).toEqual([
      [1, -1],
      [1, -3],
    ]);
    expect(vals(diff(x, { axis: 1, append: [[0], [0]] }))).toEqual([
      [1, -1],
      [1, -3],
    ]);
    expect(vals(diff(x, { axis: 0, append: 0 }))).toEqual([
      [2, 2],
      [-2, -3],
    ]);
    expect(vals(diff(x, { axis: 0, append: [[0, 0]] }))).toEqual([
      [2, 2],
      [-2, -3],
    ]);
    expect(() => diff(x, { append: zeros([3, 3]) })).toThrow(ValueError);
    expect(() => diff(x, { append: 0, axis: 3 })).toThrow(AxisError);
  });
});

describe('TestRoll', () => {
  test('test_roll1d', () => expect(vals(roll(arange(10), 2))).toEqual([8, 9, 0, 1, 2, 3, 4, 5, 6, 7]));
  test('test_roll2d', () => {
    const x2 = arange(10).reshape(2, 5);
    const cases: [number | number[], number | number[] | null, number[][]][] = [
      [1, null, [[9, 0, 1, 2, 3], [4, 5, 6, 7, 8]]],
      [1, 0, [[5, 6, 7, 8, 9], [0, 1, 2, 3, 4]]],
      [1, 1, [[4, 0, 1, 2, 3], [9, 5, 6, 7, 8]]],
      [1, [0, 1], [[9, 5, 6, 7, 8], [4, 0, 1, 2, 3]]],
      [[1, 0], [0, 1], [[5, 6, 7, 8, 9], [0, 1, 2, 3, 4]]],
      [[-1, 0], [0, 1], [[5, 6, 7, 8, 9], [0, 1, 2, 3, 4]]],
      [[0, 1], [0, 1], [[4, 0, 1, 2, 3], [9, 5, 6, 7, 8]]],
      [[0, -1], [0, 1], [[1, 2, 3, 4, 0], [6, 7, 8, 9, 5]]],
      [[1, 1], [0, 1], [[9, 5, 6, 7, 8], [4, 0, 1, 2, 3]]],
      [[-1, -1], [0, 1], [[6, 7, 8, 9, 5], [1, 2, 3, 4, 0]]],
      [1, [0, 0], [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]]],
      [1, [1, 1], [[3, 4, 0, 1, 2], [8, 9, 5, 6, 7]]],
      [6, 1, [[4, 0, 1, 2, 3], [9, 5, 6, 7, 8]]],
      [-4, 1, [[4, 0, 1, 2, 3], [9, 5, 6, 7, 8]]],
    ];
    for (const [shift, axis, want] of cases) expect(vals(roll(x2, shift, axis))).toEqual(want);
  });
  test('test_roll_empty', () => expect(vals(roll(zeros([0]), 1))).toEqual([]));
  test('test_roll_big_int', () => expect(vals(roll(arange(4), 2 ** 100))).toEqual([0, 1, 2, 3]));
});

describe('TestMoveaxis', () => {
  test('test_move_to_end', () => {
    const x = zeros([5, 6, 7]);
    for (const [source, expected] of [
      [0, [6, 7, 5]],
      [1, [5, 7, 6]],
      [2, [5, 6, 7]],
      [-1, [5, 6, 7]],
    ] as const) {
      expect(moveaxis(x, source, -1).shape).toEqual(expected);
    }
  });
  test('test_move_new_position', () => {
    const x = zeros([1, 2, 3, 4]);
    for (const [s, d, expected] of [
      [0, 1, [2, 1, 3, 4]],
      [1, 2, [1, 3, 2, 4]],
      [1, -1, [1, 3, 4, 2]],
    ] as const) {
      expect(moveaxis(x, s, d).shape).toEqual(expected);
    }
  });
  test('test_preserve_order', () => {
    const x = zeros([1, 2, 3, 4]);
    for (const [s, d] of [
      [0, 0],
      [3, -1],
      [-1, 3],
      [[0, -1], [0, -1]],
      [[2, 0], [2, 0]],
      [range(4), range(4)],
    ] as const) {
      expect(moveaxis(x, s, d).shape).toEqual([1, 2, 3, 4]);
    }
  });
  test('test_move_multiples', () => {
    const x = zeros([0, 1, 2, 3]);
    for (const [s, d, expected] of [
      [[0, 1], [2, 3], [2, 3, 0, 1]],
      [[2, 3], [0, 1], [2, 3, 0, 1]],
      [[0, 1, 2], [2, 3, 0], [2, 3, 0, 1]],
      [[3, 0], [1, 0], [0, 3, 1, 2]],
      [[0, 3], [0, 1], [0, 3, 1, 2]],
    ] as const) {
      expect(moveaxis(x, s, d).shape).toEqual(expected);
    }
  });
  test('test_errors', () => {
    const x = zeros([1, 2, 3]);
    expect(() => moveaxis(x, 3, 0)).toThrow(/source.*out of bounds/);
    expect(() => moveaxis(x, -4, 0)).toThrow(/source.*out of bounds/);
    expect(() => moveaxis(x, 0, 5)).toThrow(/destination.*out of bounds/);
    expect(() => moveaxis(x, 0, 5)).toThrow(AxisError);
    expect(() => moveaxis(x, [0, 0], [0, 1])).toThrow('repeated axis in `source`');
    expect(() => moveaxis(x, [0, 1], [1, 1])).toThrow('repeated axis in `destination`');
    expect(() => moveaxis(x, 0, [0, 1])).toThrow('must have the same number');
    expect(() => moveaxis(x, [0, 1], [0])).toThrow('must have the same number');
  });
});

describe('TestRepeat', () => {
  const m = array([1, 2, 3, 4, 5, 6]);
  const mRect = m.reshape(2, 3);
  test('test_basic', () => expect(vals(repeat(m, [1, 3, 2, 1, 1, 2]))).toEqual([1, 2, 2, 2, 3, 3, 4, 5, 6, 6]));
  test('test_broadcast1', () => expect(vals(repeat(m, 2))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6]));
  test('test_axis_spec', () => {
    expect(vals(repeat(mRect, [2, 1], 0))).toEqual([
      [1, 2, 3],
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(vals(repeat(mRect, [1, 3, 2], 1))).toEqual([
      [1, 2, 2, 2, 3, 3],
      [4, 5, 5, 5, 6, 6],
    ]);
  });
  test('test_broadcast2', () => {
    expect(vals(repeat(mRect, 2, 0))).toEqual([
      [1, 2, 3],
      [1, 2, 3],
      [4, 5, 6],
      [4, 5, 6],
    ]);
    expect(vals(mRect.repeat(2, 1))).toEqual([
      [1, 1, 2, 2, 3, 3],
      [4, 4, 5, 5, 6, 6],
    ]);
  });
});
