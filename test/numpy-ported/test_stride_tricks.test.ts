// NumPy's own numpy/lib/tests/test_stride_tricks.py (NumPy 2.4), ported test
// by test: same names, same intent, the same values, shapes and errors.
//
// Mapping: broadcast_arrays(*a) -> broadcastArrays(...a); broadcast_shapes ->
// broadcastShapes; broadcast_to -> broadcastTo; as_strided(a, shape, strides)
// -> asStrided(a, shape, strides); sliding_window_view(x, w, axis, writeable=)
// -> slidingWindowView(x, w, axis, { writeable }); np.zeros(s) -> zeros(s);
// x0 + x1 -> add(x0, x1); a[::-1] -> a.index('::-1'); np._broadcast_shape of
// arrays -> broadcastShapes of their shapes.
//
// Skipped (not counted as passing):
// - test_broadcast_kwargs: JS has no keyword arguments to reject.
// - test_subclasses, TestSlidingWindowView.test_subok: no ndarray subclasses
//   with __array_finalize__ (results are plain NdArrays).
// - test_writeable_memoryview, test_reference_types: no memoryview, no object dtype.
// - test_as_strided's object-field, rational and `as_strided(a)` of an object
//   array cases: no object or user dtypes (the int, V4 and fieldless-struct
//   cases are ported).
// - test_writeable's FutureWarning/DeprecationWarning checks: JS has no
//   warnings; the flags themselves (writeable as in NumPy) are ported.
import { add, arange, asStrided, broadcastArrays, broadcastShapes, broadcastTo, dtype, NdArray, slidingWindowView, ValueError, zeros } from '../../lib';

function assertShapesCorrect(inputShapes: number[][], expectedShape: number[]): void {
  const inarrays = inputShapes.map((s) => zeros(s));
  const outarrays = broadcastArrays(...inarrays);
  expect(outarrays.map((a) => a.shape)).toEqual(inarrays.map(() => expectedShape));
}

function assertIncompatibleShapesRaise(inputShapes: number[][]): void {
  const inarrays = inputShapes.map((s) => zeros(s));
  expect(() => broadcastArrays(...inarrays)).toThrow(ValueError);
}

function assertSameAsUfunc(shape0: number[], shape1: number[], transposed = false, flipped = false): void {
  // Broadcast two shapes against each other and check that the data layout
  // is the same as if a ufunc did the broadcasting.
  let x0: NdArray = zeros(shape0, 'i8');
  const n = shape1.reduce((p, d) => p * d, 1);
  let x1: NdArray = arange(n).reshape(shape1);
  if (transposed) {
    x0 = x0.T;
    x1 = x1.T;
  }
  if (flipped) {
    x0 = x0.index('::-1');
    x1 = x1.index('::-1');
  }
  // Adding 0s to x1 gives exactly the broadcast view of x1.
  const y = add(x0, x1);
  const [, b1] = broadcastArrays(x0, x1);
  expect(b1.shape).toEqual(y.shape);
  expect(b1.toArray()).toEqual(y.toArray());
}

test('test_same', () => {
  const x = arange(10);
  const y = arange(10);
  const [bx, by] = broadcastArrays(x, y);
  expect(bx.toArray()).toEqual(x.toArray());
  expect(by.toArray()).toEqual(y.toArray());
});

test('test_one_off', () => {
  const x = zeros([1, 3], 'i8');
  x.set([[1, 2, 3]] as never);
  const y = zeros([3, 1], 'i8');
  y.set([[1], [2], [3]] as never);
  const [bx, by] = broadcastArrays(x, y);
  const bx0 = [
    [1n, 2n, 3n],
    [1n, 2n, 3n],
    [1n, 2n, 3n],
  ];
  expect(bx.toArray()).toEqual(bx0);
  expect(by.toArray()).toEqual(bx0[0].map((_, j) => bx0.map((row) => row[j])));
});

test('test_same_input_shapes', () => {
  const data = [[], [1], [3], [0, 1], [0, 3], [1, 0], [3, 0], [1, 3], [3, 1], [3, 3]];
  for (const shape of data) {
    assertShapesCorrect([shape], shape);
    assertShapesCorrect([shape, shape], shape);
    assertShapesCorrect([shape, shape, shape], shape);
  }
});

const BY_ONES: [number[][], number[]][] = [
  [[[1], [3]], [3]],
  [[[1, 3], [3, 3]], [3, 3]],
  [[[3, 1], [3, 3]], [3, 3]],
  [[[1, 3], [3, 1]], [3, 3]],
  [[[1, 1], [3, 3]], [3, 3]],
  [[[1, 1], [1, 3]], [1, 3]],
  [[[1, 1], [3, 1]], [3, 1]],
  [[[1, 0], [0, 0]], [0, 0]],
  [[[0, 1], [0, 0]], [0, 0]],
  [[[1, 0], [0, 1]], [0, 0]],
  [[[1, 1], [0, 0]], [0, 0]],
  [[[1, 1], [1, 0]], [1, 0]],
  [[[1, 1], [0, 1]], [0, 1]],
];

const BY_PREPENDING: [number[][], number[]][] = [
  [[[], [3]], [3]],
  [[[3], [3, 3]], [3, 3]],
  [[[3], [3, 1]], [3, 3]],
  [[[1], [3, 3]], [3, 3]],
  [[[], [3, 3]], [3, 3]],
  [[[1, 1], [3]], [1, 3]],
  [[[1], [3, 1]], [3, 1]],
  [[[1], [1, 3]], [1, 3]],
  [[[], [1, 3]], [1, 3]],
  [[[], [3, 1]], [3, 1]],
  [[[], [0]], [0]],
  [[[0], [0, 0]], [0, 0]],
  [[[0], [0, 1]], [0, 0]],
  [[[1], [0, 0]], [0, 0]],
  [[[], [0, 0]], [0, 0]],
  [[[1, 1], [0]], [1, 0]],
  [[[1], [0, 1]], [0, 1]],
  [[[1], [1, 0]], [1, 0]],
  [[[], [1, 0]], [1, 0]],
  [[[], [0, 1]], [0, 1]],
];

test('test_two_compatible_by_ones_input_shapes', () => {
  for (const [inputShapes, expectedShape] of BY_ONES) {
    assertShapesCorrect(inputShapes, expectedShape);
    // Reverse the input shapes since broadcasting should be symmetric.
    assertShapesCorrect([...inputShapes].reverse(), expectedShape);
  }
});

test('test_two_compatible_by_prepending_ones_input_shapes', () => {
  for (const [inputShapes, expectedShape] of BY_PREPENDING) {
    assertShapesCorrect(inputShapes, expectedShape);
    assertShapesCorrect([...inputShapes].reverse(), expectedShape);
  }
});

test('test_incompatible_shapes_raise_valueerror', () => {
  const data = [
    [[3], [4]],
    [[2, 3], [2]],
    [[3], [3], [4]],
    [
      [1, 3, 4],
      [2, 3, 3],
    ],
  ];
  for (const inputShapes of data) {
    assertIncompatibleShapesRaise(inputShapes);
    assertIncompatibleShapesRaise([...inputShapes].reverse());
  }
});

test('test_same_as_ufunc', () => {
  for (const [inputShapes] of [...BY_ONES, ...BY_PREPENDING]) {
    assertSameAsUfunc(inputShapes[0], inputShapes[1]);
    assertSameAsUfunc(inputShapes[1], inputShapes[0]);
    assertSameAsUfunc(inputShapes[0], inputShapes[1], true);
    // ... and flipped for non-rank-0 inputs in order to test negative strides.
    if (inputShapes.every((s) => s.length > 0)) {
      assertSameAsUfunc(inputShapes[0], inputShapes[1], false, true);
      assertSameAsUfunc(inputShapes[0], inputShapes[1], true, true);
    }
  }
});

test('test_broadcast_to_succeeds', () => {
  const ones = (s: number | number[]): NdArray => {
    const a = zeros(s);
    a.fill(1);
    return a;
  };
  const scalar0 = zeros([], 'i8');
  const ar3 = arange(3);
  const data: [NdArray, number | number[], unknown][] = [
    [scalar0, [0], []],
    [scalar0, [1], [0n]],
    [scalar0, [3], [0n, 0n, 0n]],
    [ones(1), [1], [1]],
    [ones(1), [2], [1, 1]],
    [ones(1), [1, 2, 3], [[[1, 1, 1], [1, 1, 1]]]],
    [ar3, [3], [0n, 1n, 2n]],
    [ar3, [1, 3], [[0n, 1n, 2n]]],
    [
      ar3,
      [2, 3],
      [
        [0n, 1n, 2n],
        [0n, 1n, 2n],
      ],
    ],
    // test if shape is not a tuple
    [ones(0), 0, []],
    [ones(1), 1, [1]],
    [ones(1), 2, [1, 1]],
    // size-0 cases reproduce the behaviour of broadcasting with ufuncs
    [ones(1), [0], []],
    [ones([1, 2]), [0, 2], []],
    [ones([2, 1]), [2, 0], [[], []]],
  ];
  for (const [inputArray, shape, expected] of data) {
    const actual = broadcastTo(inputArray, shape);
    expect(actual.shape).toEqual(typeof shape === 'number' ? [shape] : shape);
    expect(actual.toArray()).toEqual(expected);
  }
});

test('test_broadcast_to_raises', () => {
  const data: [number[], number | number[]][] = [
    [[0], []],
    [[1], []],
    [[3], []],
    [[3], [1]],
    [[3], [2]],
    [[3], [4]],
    [
      [1, 2],
      [2, 1],
    ],
    [[1, 1], [1]],
    [[1], -1],
    [[1], [-1]],
    [
      [1, 2],
      [-1, 2],
    ],
  ];
  for (const [origShape, targetShape] of data) {
    const arr = zeros(origShape);
    expect(() => broadcastTo(arr, targetShape)).toThrow(ValueError);
  }
});

test('test_broadcast_shape', () => {
  // NumPy's internal _broadcast_shape takes arrays; the public broadcastShapes takes their shapes.
  const ones = (s: number[]): number[] => zeros(s).shape as number[];
  expect(broadcastShapes()).toEqual([]);
  expect(broadcastShapes([2])).toEqual([2]); // _broadcast_shape([1, 2]): an array of shape (2,)
  expect(broadcastShapes(ones([1, 1]))).toEqual([1, 1]);
  expect(broadcastShapes(ones([1, 1]), ones([3, 4]))).toEqual([3, 4]);
  expect(broadcastShapes(...new Array<number[]>(32).fill(ones([1, 2])))).toEqual([1, 2]);
  expect(broadcastShapes(...new Array<number[]>(100).fill(ones([1, 2])))).toEqual([1, 2]);
  // regression tests for gh-5862
  expect(broadcastShapes(...new Array<number[]>(32).fill([2]), [])).toEqual([2]);
  const badArgs = [...new Array<number[]>(32).fill([2]), ...new Array<number[]>(32).fill([3])];
  expect(() => broadcastShapes(...badArgs)).toThrow(ValueError);
});

test('test_broadcast_shapes_succeeds', () => {
  const data: [(number | number[])[], number[]][] = [
    [[], []],
    [[[]], []],
    [[[7]], [7]],
    [[[1, 2], [2]], [1, 2]],
    [[[1, 1]], [1, 1]],
    [
      [
        [1, 1],
        [3, 4],
      ],
      [3, 4],
    ],
    [[[6, 7], [5, 6, 1], [7], [5, 1, 7]], [5, 6, 7]],
    [[[5, 6, 1]], [5, 6, 1]],
    [[[1, 3], [3, 1]], [3, 3]],
    ...BY_ONES.slice(7), // (1, 0), (0, 0) ... (1, 1), (0, 1)
    ...BY_PREPENDING.slice(10), // (), (0,) ... (), (0, 1)
    [[[1], [3]], [3]],
    [[2, [3, 2]], [3, 2]],
  ];
  for (const [inputShapes, targetShape] of data) expect(broadcastShapes(...inputShapes)).toEqual(targetShape);
  expect(broadcastShapes(...new Array<number[]>(32).fill([1, 2]))).toEqual([1, 2]);
  expect(broadcastShapes(...new Array<number[]>(100).fill([1, 2]))).toEqual([1, 2]);
  // regression tests for gh-5862
  expect(broadcastShapes(...new Array<number[]>(32).fill([2]))).toEqual([2]);
});

test('test_broadcast_shapes_raises', () => {
  const data: (number | number[])[][] = [
    [[3], [4]],
    [[2, 3], [2]],
    [[3], [3], [4]],
    [
      [1, 3, 4],
      [2, 3, 3],
    ],
    [
      [1, 2],
      [3, 1],
      [3, 2],
      [10, 5],
    ],
    [2, [2, 3]],
  ];
  for (const inputShapes of data) expect(() => broadcastShapes(...inputShapes)).toThrow(ValueError);
  const badArgs = [...new Array<number[]>(32).fill([2]), ...new Array<number[]>(32).fill([3])];
  expect(() => broadcastShapes(...badArgs)).toThrow(ValueError);
});

test('test_broadcast_shapes_raises: NumPy names the two clashing arguments', () => {
  // The messages NumPy 2.4 gives for these calls.
  const msg = (i: number, a: string, j: number, b: string): string =>
    `shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg ${i} with shape ${a} and arg ${j} with shape ${b}.`;
  expect(() => broadcastShapes([3], [4])).toThrow(new ValueError(msg(0, '(3,)', 1, '(4,)')));
  expect(() => broadcastShapes([2, 3], [2])).toThrow(new ValueError(msg(0, '(2, 3)', 1, '(2,)')));
  expect(() => broadcastShapes([3], [3], [4])).toThrow(new ValueError(msg(0, '(3,)', 2, '(4,)')));
  expect(() => broadcastShapes(2, [2, 3])).toThrow(new ValueError(msg(0, '(2,)', 1, '(2, 3)')));
  const badArgs = [...new Array<number[]>(32).fill([2]), ...new Array<number[]>(32).fill([3])];
  expect(() => broadcastShapes(...badArgs)).toThrow(new ValueError(msg(0, '(2,)', 32, '(3,)')));
  expect(() => broadcastShapes(-1)).toThrow(/negative dimensions are not allowed/);
});

test('test_as_strided', () => {
  let a: NdArray = arange(1, 5);
  let aView = asStrided(a, [2], [2 * a.itemsize]);
  expect(aView.toArray()).toEqual([1n, 3n]);

  a = arange(1, 5);
  aView = asStrided(a, [3, 4], [0, 1 * a.itemsize]);
  expect(aView.toArray()).toEqual(new Array(3).fill([1n, 2n, 3n, 4n]));

  // Regression test for gh-5081, without the object field
  const dt = dtype([['num', 'i4']]);
  a = zeros(4, dt);
  a.field('num').set([1, 2, 3, 4] as never);
  aView = asStrided(a, [3, 4], [0, a.itemsize]);
  expect(aView.dtype.equals(dt)).toBe(true);
  expect(aView.field('num').toArray()).toEqual(new Array(3).fill([1, 2, 3, 4]));

  // Make sure that void types without fields are kept unchanged
  a = zeros(4, 'V4');
  aView = asStrided(a, [3, 4], [0, a.itemsize]);
  expect(aView.dtype).toBe(a.dtype);

  // Make sure that the only type that could fail is properly handled
  const fdt = dtype({ names: [''], formats: ['V4'] });
  a = zeros(4, fdt);
  aView = asStrided(a, [3, 4], [0, a.itemsize]);
  expect(aView.dtype).toBe(a.dtype);
});

describe('TestSlidingWindowView', () => {
  // np.ogrid[:n, :4]; 10 * i + j
  const grid = (n: number): NdArray => {
    const arr = zeros([n, 4], 'i8');
    arr.set(Array.from({ length: n }, (_, i) => Array.from({ length: 4 }, (_, j) => 10 * i + j)) as never);
    return arr;
  };
  const big = (x: unknown): unknown => (Array.isArray(x) ? x.map(big) : BigInt(x as number));

  test('test_1d', () => {
    const arrView = slidingWindowView(arange(5), 2);
    expect(arrView.toArray()).toEqual(big([[0, 1], [1, 2], [2, 3], [3, 4]]));
  });

  test('test_2d', () => {
    const arrView = slidingWindowView(grid(3), [2, 2]);
    const expected = [
      [
        [[0, 1], [10, 11]],
        [[1, 2], [11, 12]],
        [[2, 3], [12, 13]],
      ],
      [
        [[10, 11], [20, 21]],
        [[11, 12], [21, 22]],
        [[12, 13], [22, 23]],
      ],
    ];
    expect(arrView.toArray()).toEqual(big(expected));
  });

  test('test_2d_with_axis', () => {
    const arrView = slidingWindowView(grid(3), 3, 0);
    expect(arrView.toArray()).toEqual(big([[[0, 10, 20], [1, 11, 21], [2, 12, 22], [3, 13, 23]]]));
  });

  test('test_2d_repeated_axis', () => {
    const arrView = slidingWindowView(grid(3), [2, 3], [1, 1]);
    const expected = [[[[0, 1, 2], [1, 2, 3]]], [[[10, 11, 12], [11, 12, 13]]], [[[20, 21, 22], [21, 22, 23]]]];
    expect(arrView.toArray()).toEqual(big(expected));
  });

  test('test_2d_without_axis', () => {
    const arrView = slidingWindowView(grid(4), [2, 3]);
    const expected = [
      [
        [[0, 1, 2], [10, 11, 12]],
        [[1, 2, 3], [11, 12, 13]],
      ],
      [
        [[10, 11, 12], [20, 21, 22]],
        [[11, 12, 13], [21, 22, 23]],
      ],
      [
        [[20, 21, 22], [30, 31, 32]],
        [[21, 22, 23], [31, 32, 33]],
      ],
    ];
    expect(arrView.toArray()).toEqual(big(expected));
  });

  test('test_errors', () => {
    const arr = grid(4);
    expect(() => slidingWindowView(arr, [-1, 3])).toThrow(ValueError);
    expect(() => slidingWindowView(arr, [-1, 3])).toThrow(/cannot contain negative values/);
    expect(() => slidingWindowView(arr, [1])).toThrow(/must provide window_shape for all dimensions of `x`/);
    expect(() => slidingWindowView(arr, [1, 3, 4], [0, 1])).toThrow(/Must provide matching length window_shape and axis/);
    expect(() => slidingWindowView(arr, [5, 5])).toThrow(/window shape cannot be larger than input array/);
  });

  test('test_writeable', () => {
    const arr = arange(5);
    let view = slidingWindowView(arr, 2, null, { writeable: false });
    expect(view.flags.writeable).toBe(false);
    expect(() => view.set([0, 0], 3n)).toThrow(/read-only/);
    view = slidingWindowView(arr, 2, null, { writeable: true });
    expect(view.flags.writeable).toBe(true);
    view.set([0, 1], 3n);
    expect(arr.toArray()).toEqual([0n, 3n, 2n, 3n, 4n]);
  });
});

test('as_strided_writeable', () => {
  const arr = zeros(10);
  arr.fill(1);
  let view = asStrided(arr, arr.shape, null, { writeable: false });
  expect(view.flags.writeable).toBe(false);
  // Check that writeable also is fine:
  view = asStrided(arr, arr.shape, null, { writeable: true });
  expect(view.flags.writeable).toBe(true);
  view.fill(3);
  expect(arr.toArray()).toEqual(new Array(10).fill(3));
  // Test that things do not break down for readonly:
  arr.flags.writeable = false;
  view = asStrided(arr, arr.shape, null, { writeable: false });
  view = asStrided(arr, arr.shape, null, { writeable: true });
  expect(view.flags.writeable).toBe(false);
});

test('test_writeable', () => {
  // broadcast_to should return a readonly array
  const original = arange(1, 4);
  const result = broadcastTo(original, [2, 3]);
  expect(result.flags.writeable).toBe(false);
  expect(() => result.fill(0n)).toThrow(/read-only/);

  // but the results of broadcast_arrays are writeable, as in NumPy (which warns on write)
  for (const results of [broadcastArrays(original), broadcastArrays(zeros([], 'i8'), original)]) {
    for (const r of results) {
      expect(r.flags.writeable).toBe(true);
      r.fill(0n as never);
    }
  }

  // keep readonly input readonly
  original.flags.writeable = false;
  const [, r2] = broadcastArrays(zeros([], 'i8'), original);
  expect(r2.flags.writeable).toBe(false);

  // regression test for GH6491
  const trickyArray = asStrided(zeros([], 'i8'), [2], [0]);
  const other = zeros([1]);
  const [first, second] = broadcastArrays(trickyArray, other);
  expect(first.shape).toEqual(second.shape);
});
