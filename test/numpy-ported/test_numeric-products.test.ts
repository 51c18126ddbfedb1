// NumPy's own numpy/_core/tests/test_numeric.py (NumPy 2.4): classes TestCross,
// TestIndices and TestTensordot and the module-level test_outer_out_param,
// ported test by test: same names, same intent, the same values, shapes,
// dtypes and errors.
//
// Mapping: np.cross(a, b, axisa=, axisb=, axisc=) -> cross(a, b, { axisa, axisb,
// axisc }); np.outer(a, b, out) -> outer(a, b, out); np.indices(dims, dtype=,
// sparse=) -> indices(dims, { dtype, sparse }); np.tensordot(a, b, axes) ->
// tensordot(a, b, axes); np.ndarray(shape) -> empty(shape); np.tile -> tile.
//
// Skipped (not counted as passing):
// - TestTensordot.test_zero_dimension's np.einsum comparison: no einsum here (the
//   np.dot comparison is ported).
import { AxisError, cross, dot, empty, indices, linspace, NdArray, ones, outer, tensordot, tile, ValueError } from '../../lib';
import { arr, vals } from '../helpers/np-port';

/** assert_equal(actual, desired): a number desired is compared with every element (NumPy broadcasts it). */
function expectEqual(a: NdArray, desired: NdArray | number): void {
  if (typeof desired === 'number') {
    expect(a.size).toBeGreaterThan(0);
    for (const x of vals(a.ravel()) as unknown[]) expect(x).toBe(desired);
  } else {
    expect(a.shape).toEqual(desired.shape);
    expect(vals(a)).toEqual(vals(desired));
  }
}

describe('TestCross', () => {
  test('test_2x2', () => {
    const u = [1, 2];
    const v = [3, 4];
    const z = -2;
    let cp = cross(u, v);
    expect(cp.ndim).toBe(0);
    expect(vals(cp)).toBe(z);
    cp = cross(v, u);
    expect(vals(cp)).toBe(-z);
  });

  test('test_2x3', () => {
    const u = [1, 2];
    const v = [3, 4, 5];
    expect(vals(cross(u, v))).toEqual([10, -5, -2]);
    expect(vals(cross(v, u))).toEqual([-10, 5, 2]);
  });

  test('test_3x3', () => {
    const u = [1, 2, 3];
    const v = [4, 5, 6];
    expect(vals(cross(u, v))).toEqual([-3, 6, -3]);
    expect(vals(cross(v, u))).toEqual([3, -6, 3]);
  });

  test('test_broadcasting', () => {
    // Ticket #2624 (Trac #2032)
    let u = tile(arr([1, 2]), [11, 1]);
    let v = tile(arr([3, 4]), [11, 1]);
    expectEqual(cross(u, v), -2);
    expectEqual(cross(v, u), 2);
    expectEqual(cross(u, u), 0);

    u = tile(arr([1, 2]), [11, 1]).T;
    v = tile(arr([3, 4, 5]), [11, 1]);
    let z = tile(arr([10, -5, -2]), [11, 1]);
    expectEqual(cross(u, v, { axisa: 0 }), z);
    expectEqual(cross(v, u.T), z.negative());
    expectEqual(cross(v, v), 0);

    u = tile(arr([1, 2, 3]), [11, 1]).T;
    v = tile(arr([3, 4]), [11, 1]).T;
    z = tile(arr([-12, 9, -2]), [11, 1]);
    expectEqual(cross(u, v, { axisa: 0, axisb: 0 }), z);
    expectEqual(cross(v.T, u.T), z.negative());
    expectEqual(cross(u.T, u.T), 0);

    u = tile(arr([1, 2, 3]), [5, 1]);
    v = tile(arr([4, 5, 6]), [5, 1]).T;
    z = tile(arr([-3, 6, -3]), [5, 1]);
    expectEqual(cross(u, v, { axisb: 0 }), z);
    expectEqual(cross(v.T, u), z.negative());
    expectEqual(cross(u, u), 0);
  });

  test('test_broadcasting_shapes', () => {
    let u = ones([2, 1, 3]);
    let v = ones([5, 3]);
    expect(cross(u, v).shape).toEqual([2, 5, 3]);
    u = ones([10, 3, 5]);
    v = ones([2, 5]);
    expect(cross(u, v, { axisa: 1, axisb: 0 }).shape).toEqual([10, 5, 3]);
    expect(() => cross(u, v, { axisa: 1, axisb: 2 })).toThrow(AxisError);
    expect(() => cross(u, v, { axisa: 3, axisb: 0 })).toThrow(AxisError);
    u = ones([10, 3, 5, 7]);
    v = ones([5, 7, 2]);
    expect(cross(u, v, { axisa: 1, axisc: 2 }).shape).toEqual([10, 5, 3, 7]);
    expect(() => cross(u, v, { axisa: -5, axisb: 2 })).toThrow(AxisError);
    expect(() => cross(u, v, { axisa: 1, axisb: -4 })).toThrow(AxisError);
    // gh-5885
    u = ones([3, 4, 2]);
    for (let axisc = -2; axisc < 2; axisc++) expect(cross(u, u, { axisc }).shape).toEqual([3, 4]);
  });

  test('test_uint8_int32_mixed_dtypes', () => {
    // regression test for gh-19138
    const u = arr([[195, 8, 9]], 'u1');
    const v = arr([250, 166, 68], 'i4');
    const z = arr([[950, 11010, -30370]], 'i4');
    const r1 = cross(v, u);
    expect(r1.dtype.str).toBe('<i4');
    expect(vals(r1)).toEqual(vals(z));
    expect(vals(cross(u, v))).toEqual(vals(z.negative()));
  });

  test.each([[0, [1, 2]], [[1, 2], 3]])('test_zero_dimension(%j, %j)', (a, b) => {
    expect(() => cross(a, b)).toThrow(ValueError);
    expect(() => cross(a, b)).toThrow('At least one array has zero dimension');
  });
});

test('test_outer_out_param', () => {
  const arr1 = ones([5]);
  const arr2 = ones([2]);
  const arr3 = linspace(-2, 2, 5);
  const out1 = empty([5, 5]);
  const out2 = empty([2, 5]);
  const res1 = outer(arr1, arr3, out1);
  expect(vals(res1)).toEqual(vals(out1));
  expect(vals(out1)).toEqual(Array.from({ length: 5 }, () => [-2, -1, 0, 1, 2]));
  const res2 = outer(arr2, arr3, out2);
  expect(vals(res2)).toEqual(vals(out2));
  expect(vals(out2)).toEqual([[-2, -1, 0, 1, 2], [-2, -1, 0, 1, 2]]);
});

describe('TestIndices', () => {
  test('test_simple', () => {
    const g = indices([4, 3]);
    expect(vals(g.index(0))).toEqual([[0, 0, 0], [1, 1, 1], [2, 2, 2], [3, 3, 3]]);
    expect(vals(g.index(1))).toEqual([[0, 1, 2], [0, 1, 2], [0, 1, 2], [0, 1, 2]]);
  });

  test('test_single_input', () => {
    const g = indices([4]);
    expect(g.shape).toEqual([1, 4]);
    expect(vals(g.index(0))).toEqual([0, 1, 2, 3]);
    const [x] = indices([4], { sparse: true });
    expect(vals(x)).toEqual([0, 1, 2, 3]);
  });

  test('test_scalar_input', () => {
    const a = indices([]);
    expect(a.shape).toEqual([0]);
    expect(vals(a)).toEqual([]);
    expect(indices([], { sparse: true })).toEqual([]);
    const b = indices([0]);
    expect(b.shape).toEqual([1, 0]);
    expect(vals(b)).toEqual([[]]);
    const c = indices([0], { sparse: true });
    expect(c.length).toBe(1);
    expect(vals(c[0])).toEqual([]);
  });

  test('test_sparse', () => {
    const [x, y] = indices([4, 3], { sparse: true });
    expect(vals(x)).toEqual([[0], [1], [2], [3]]);
    expect(vals(y)).toEqual([[0, 1, 2]]);
  });

  const dtypes = ['i4', 'i8', 'f4', 'f8'];
  const dims = [[], [0], [4, 3]];
  test.each(dtypes.flatMap((dt) => dims.map((d) => [dt, d] as const)))('test_return_type(%s, %j)', (dt, d) => {
    const inds = indices(d, { dtype: dt });
    expect(inds.dtype.str).toBe(`<${dt}`);
    for (const a of indices(d, { dtype: dt, sparse: true })) expect(a.dtype.str).toBe(`<${dt}`);
  });
});

describe('TestTensordot', () => {
  test('test_rejects_duplicate_axes', () => {
    const a = ones([2, 3, 3]);
    const b = ones([3, 3, 4]);
    expect(() => tensordot(a, b, [[1, 1], [0, 0]])).toThrow(ValueError);
  });

  test('test_zero_dimension', () => {
    // Test resolution to issue #5663
    const a = empty([3, 0]);
    const b = empty([0, 4]);
    const td = tensordot(a, b, [1, 0]);
    expect(td.shape).toEqual([3, 4]);
    expect(vals(td)).toEqual(vals(dot(a, b)));
    expect(vals(td)).toEqual([[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]);
  });

  test('test_zero_dimensional', () => {
    // gh-12130
    const arr0d = arr(1);
    const ret = tensordot(arr0d, arr0d, [[], []]);
    expect(ret.shape).toEqual([]);
    expect(vals(ret)).toEqual(1);
  });
});

