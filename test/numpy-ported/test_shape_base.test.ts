// NumPy's own numpy/_core/tests/test_shape_base.py (NumPy 2.4): class
// TestConcatenate and the stack tests, ported test by test: same names, same
// intent, the same values, shapes and errors.
//
// Mapping: np.concatenate(seq, axis, out=, dtype=, casting=) ->
// concatenate(arrays, { axis, out, dtype, casting }); np.stack likewise.
// The inputs are NdArrays (NumPy also takes lists and tuples: they are made
// into arrays here first). np.can_cast answers come from NumPy itself.
//
// Skipped or left out (not counted as passing):
// - test_huge_list_error: 2**31 arrays (needs 2 * INT_MAX bytes of memory).
// - test_large_concatenate_axis_None, test_operator_concat: NumPy's sequence
//   protocol (an array as a sequence of arrays; Python's operator.concat).
// - test_concatenate_axis_None's dtype="U" line, test_dtype_with_promotion,
//   test_string_dtype_does_not_inspect, the "S4" out_dtype of test_out_and_dtype:
//   no unicode dtype, no object (None) values, and float-to-bytes casts (Python's
//   float repr) are refused here.
// - test_unstack: there is no unstack.  TestAtleast*d, TestHstack, TestVstack, TestBlock:
//   in test_shape_functions.test.ts.
import { arange, AxisError, concatenate, NdArray, slice, stack, unstack, ValueError, zeros } from '../../lib';
import { describeWithNumpy, runNumpy } from '../helpers/numpy';

function array(values: unknown, dt = 'i8'): NdArray {
  const shape: number[] = [];
  for (let v = values; Array.isArray(v); v = v[0]) shape.push(v.length);
  const a = zeros(shape, dt as never) as NdArray;
  a.set(values as never);
  return a;
}

function eye3(): NdArray {
  const a = zeros([3, 3], 'f8');
  for (let i = 0; i < 3; i++) a.set(`${i}, ${i}`, 1);
  return a;
}

function ones(shape: number[]): NdArray {
  const a = zeros(shape, 'f8');
  a.fill(1);
  return a;
}

/** np.moveaxis(a, -1, 0). */
function moveLastFirst(a: NdArray): NdArray {
  const n = a.ndim;
  return a.transpose([n - 1, ...Array.from({ length: n - 1 }, (_, i) => i)]);
}

function eq(a: NdArray, b: NdArray): void {
  expect(a.shape).toEqual(b.shape);
  expect(a.toArray()).toEqual(b.toArray());
}

describe('TestConcatenate', () => {
  test('test_returns_copy', () => {
    const a = eye3();
    const b = concatenate([a]);
    b.set('0, 0', 2);
    expect(b.get(0, 0)).not.toBe(a.get(0, 0));
  });

  test('test_exceptions', () => {
    // test axis must be in bounds
    for (const ndim of [1, 2, 3]) {
      const a = ones(new Array<number>(ndim).fill(1));
      concatenate([a, a], { axis: 0 }); // OK
      expect(() => concatenate([a, a], { axis: ndim })).toThrow(AxisError);
      expect(() => concatenate([a, a], { axis: -(ndim + 1) })).toThrow(AxisError);
    }

    // Scalars cannot be concatenated
    expect(() => concatenate([zeros([], 'i8')])).toThrow(ValueError);

    // dimensionality must match
    expect(() => concatenate([zeros(1), zeros([1, 1])])).toThrow(
      /all the input arrays must have same number of dimensions, but the array at index 0 has 1 dimension\(s\) and the array at index 1 has 2 dimension\(s\)/,
    );

    // test shapes must match except for concatenation axis
    let a = ones([1, 2, 3]);
    let b = ones([2, 2, 3]);
    const axis = [0, 1, 2];
    for (let i = 0; i < 3; i++) {
      concatenate([a, b], { axis: axis[0] }); // OK
      expect(() => concatenate([a, b], { axis: axis[1] })).toThrow(
        `all the input array dimensions except for the concatenation axis must match exactly, but along dimension ${i}, the array at index 0 has size 1 and the array at index 1 has size 2`,
      );
      expect(() => concatenate([a, b], { axis: axis[2] })).toThrow(ValueError);
      a = moveLastFirst(a);
      b = moveLastFirst(b);
      axis.push(axis.shift()!);
    }

    // No arrays to concatenate raises ValueError
    expect(() => concatenate([])).toThrow(ValueError);
  });

  test.skip('test_huge_list_error: 2**31 arrays need 2 * INT_MAX bytes of memory', () => {});

  test('test_concatenate_axis_None', () => {
    const a = arange(4, 'float64').reshape([2, 2]);
    const b = array([0, 1, 2]);
    let r = concatenate([a, a], { axis: null });
    expect(r.dtype.str).toBe(a.dtype.str);
    expect(r.ndim).toBe(1);
    r = concatenate([a, b], { axis: null });
    expect(r.size).toBe(a.size + b.size);
    expect(r.dtype.str).toBe(a.dtype.str);
    // (dtype="U" with a str item: no unicode dtype here)

    const out = zeros(a.size + b.size);
    r = concatenate([a, b], { axis: null });
    const rout = concatenate([a, b], { axis: null, out });
    expect(rout).toBe(out);
    eq(r, rout);
  });

  test.skip('test_large_concatenate_axis_None: an array is not a sequence of arrays here', () => {});

  test('test_concatenate', () => {
    // One sequence returns unmodified (but as array)
    const r4 = array([0, 1, 2, 3]);
    eq(concatenate([r4]), r4);
    // 1D default concatenation
    const r3 = array([0, 1, 2]);
    const r43 = array([0, 1, 2, 3, 0, 1, 2]);
    eq(concatenate([r4, r3]), r43);
    // Explicit axis specification
    eq(concatenate([r4, r3], { axis: 0 }), r43);
    // Including negative
    eq(concatenate([r4, r3], { axis: -1 }), r43);
    // 2D
    const a23 = array([
      [10, 11, 12],
      [13, 14, 15],
    ]);
    const a13 = array([[0, 1, 2]]);
    const res = array([
      [10, 11, 12],
      [13, 14, 15],
      [0, 1, 2],
    ]);
    eq(concatenate([a23, a13]), res);
    eq(concatenate([a23, a13], { axis: 0 }), res);
    eq(concatenate([a23.T, a13.T], { axis: 1 }), res.T);
    eq(concatenate([a23.T, a13.T], { axis: -1 }), res.T);
    // Arrays much match shape
    expect(() => concatenate([a23.T, a13.T], { axis: 0 })).toThrow(ValueError);
    // 3D
    const res3 = arange(2 * 3 * 7).reshape([2, 3, 7]);
    const a0 = res3.index('..., :4');
    const a1 = res3.index('..., 4:6');
    const a2 = res3.index('..., 6:');
    eq(concatenate([a0, a1, a2], { axis: 2 }), res3);
    eq(concatenate([a0, a1, a2], { axis: -1 }), res3);
    eq(concatenate([a0.T, a1.T, a2.T], { axis: 0 }), res3.T);

    const out = res3.copy();
    const rout = concatenate([a0, a1, a2], { axis: 2, out });
    expect(rout).toBe(out);
    eq(res3, rout);
  });

  test('test_concatenate_same_value', () => {
    const r4 = array([0, 1, 2, 3]);
    expect(() => concatenate([r4, r4], { casting: 'same_value' as never })).toThrow(ValueError);
    expect(() => concatenate([r4, r4], { casting: 'same_value' as never })).toThrow(/^casting must be one of/);
  });

  test.skip('test_operator_concat: Python operator.concat has no JS counterpart', () => {});

  test('test_bad_out_shape', () => {
    const a = array([1, 2]);
    const b = array([3, 4]);
    expect(() => concatenate([a, b], { out: zeros(5) })).toThrow(ValueError);
    expect(() => concatenate([a, b], { out: zeros([4, 1]) })).toThrow(ValueError);
    expect(() => concatenate([a, b], { out: zeros([1, 4]) })).toThrow(ValueError);
    concatenate([a, b], { out: zeros(4) });
  });

  describeWithNumpy('test_out_and_dtype', () => {
    const outDtypes = ['c8', 'f4', 'f8', '>f8', 'i8'];
    const castings = ['no', 'equiv', 'safe', 'same_kind', 'unsafe'] as const;
    const can = runNumpy<Record<string, boolean>>(
      `print(json.dumps({d + ' ' + c: bool(np.can_cast(np.float64, d, casting=c)) for d in ${JSON.stringify(outDtypes)} for c in ${JSON.stringify(castings)}}))`,
    );
    const cases = [null, 0].flatMap((axis) => outDtypes.flatMap((d) => castings.map((c) => [axis, d, c] as const)));
    test.each(cases)('[axis %p, %s, %s]', (axis, outDtype, casting) => {
      // Compare usage of `out=out` with `dtype=out.dtype`
      const out = zeros(4, outDtype);
      const toConcat = [array([1.1, 2.2], 'f8'), array([3.3, 4.4], 'f8')];
      if (!can[`${outDtype} ${casting}`]) {
        expect(() => concatenate(toConcat, { out, axis, casting })).toThrow(TypeError);
        expect(() => concatenate(toConcat, { dtype: out.dtype, axis, casting })).toThrow(TypeError);
      } else {
        const resOut = concatenate(toConcat, { out, axis, casting });
        const resDtype = concatenate(toConcat, { dtype: out.dtype, axis, casting });
        expect(resOut).toBe(out);
        eq(out, resDtype);
        expect(resDtype.dtype.str).toBe(out.dtype.str);
      }
      expect(() => concatenate(toConcat, { out, dtype: outDtype, axis })).toThrow(TypeError);
    });
  });

  test.skip('test_dtype_with_promotion: no unicode dtype; float-to-bytes casts are refused', () => {});
  test.skip('test_string_dtype_does_not_inspect: no object (None) values', () => {});

  test.each([null, 0])('test_subarray_error[axis %p]', (axis) => {
    expect(() => concatenate([array([1]), array([1])], { dtype: { base: 'i4', shape: [2] }, axis })).toThrow(TypeError);
    expect(() => concatenate([array([1]), array([1])], { dtype: { base: 'i4', shape: [2] }, axis })).toThrow(/.*subarray dtype/);
  });
});

describe('stack', () => {
  test('test_stack', () => {
    // non-iterable input
    expect(() => stack(1 as never)).toThrow(TypeError);

    // 0d input
    const zeroD = [1, 2, 3].map((v) => {
      const z = zeros([], 'i8');
      z.fill(v);
      return z;
    });
    eq(stack(zeroD), array([1, 2, 3]));
    // 1d input examples
    const a = array([1, 2, 3]);
    const b = array([4, 5, 6]);
    const r1 = array([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    eq(stack([a, b]), r1);
    eq(stack([a, b], { axis: 1 }), r1.T);
    // all shapes for 1d input
    let arrays = Array.from({ length: 10 }, () => zeros(3));
    let axes = [0, 1, -1, -2];
    let expectedShapes = [
      [10, 3],
      [3, 10],
      [3, 10],
      [10, 3],
    ];
    axes.forEach((axis, i) => expect(stack(arrays, { axis }).shape).toEqual(expectedShapes[i]));
    expect(() => stack(arrays, { axis: 2 })).toThrow(AxisError);
    expect(() => stack(arrays, { axis: 2 })).toThrow(/out of bounds/);
    expect(() => stack(arrays, { axis: -3 })).toThrow(/out of bounds/);
    // all shapes for 2d input
    arrays = Array.from({ length: 10 }, () => zeros([3, 4]));
    axes = [0, 1, 2, -1, -2, -3];
    expectedShapes = [
      [10, 3, 4],
      [3, 10, 4],
      [3, 4, 10],
      [3, 4, 10],
      [3, 10, 4],
      [10, 3, 4],
    ];
    axes.forEach((axis, i) => expect(stack(arrays, { axis }).shape).toEqual(expectedShapes[i]));
    // empty arrays
    const empties = [zeros(0), zeros(0), zeros(0)];
    expect(stack(empties).shape).toEqual([3, 0]);
    expect(stack(empties, { axis: 1 }).shape).toEqual([0, 3]);
    // out
    const out = zeros(r1.shape, r1.dtype);
    stack([a, b], { out });
    eq(out, r1);
    // edge cases
    expect(() => stack([])).toThrow(/need at least one array/);
    const one = zeros([], 'i8');
    one.fill(1);
    expect(() => stack([one, arange(3)])).toThrow(/must have the same shape/);
    expect(() => stack([arange(3), one])).toThrow(/must have the same shape/);
    expect(() => stack([arange(3), one], { axis: 1 })).toThrow(/must have the same shape/);
    expect(() => stack([zeros([3, 3]), zeros(3)], { axis: 1 })).toThrow(/must have the same shape/);
    expect(() => stack([arange(2), arange(3)])).toThrow(/must have the same shape/);

    // casting and dtype test
    const ai = array([1, 2, 3]);
    const bf = array([2.5, 3.5, 4.5], 'f8');
    const res = stack([ai, bf], { axis: 1, casting: 'unsafe', dtype: 'int64' });
    eq(
      res,
      array([
        [1, 2],
        [2, 3],
        [3, 4],
      ]),
    );
    // casting and dtype with TypeError
    expect(() => stack([ai, bf], { dtype: 'int64', axis: 1, casting: 'safe' })).toThrow(TypeError);
  });

  test('test_unstack', () => {
    const a = arange(24).reshape([2, 3, 4]);
    const same = (x: NdArray, y: NdArray): void => {
      expect(x.shape).toEqual(y.shape);
      expect(x.toArray()).toEqual(y.toArray());
    };

    for (const stacks of [unstack(a), unstack(a, { axis: 0 }), unstack(a, { axis: -3 })]) {
      expect(Array.isArray(stacks)).toBe(true);
      expect(stacks.length).toBe(2);
      same(stacks[0]!, a.index(0));
      same(stacks[1]!, a.index(1));
    }

    for (const stacks of [unstack(a, { axis: 1 }), unstack(a, { axis: -2 })]) {
      expect(stacks.length).toBe(3);
      for (let i = 0; i < 3; i++) same(stacks[i]!, a.index(slice(), i));
    }

    for (const stacks of [unstack(a, { axis: 2 }), unstack(a, { axis: -1 })]) {
      expect(stacks.length).toBe(4);
      for (let i = 0; i < 4; i++) same(stacks[i]!, a.index(slice(), slice(), i));
    }

    // assert_raises(ValueError, ...): NumPy's AxisError is a ValueError, as here.
    expect(() => unstack(a, { axis: 3 })).toThrow(ValueError);
    expect(() => unstack(a, { axis: -4 })).toThrow(AxisError);
    expect(() => unstack(array(0), { axis: 0 })).toThrow(ValueError);
  });

  describeWithNumpy('test_stack_out_and_dtype', () => {
    const outDtypes = ['c8', 'f4', 'f8', '>f8', 'i8'];
    const castings = ['no', 'equiv', 'safe', 'same_kind', 'unsafe'] as const;
    const can = runNumpy<Record<string, boolean>>(
      `print(json.dumps({d + ' ' + c: bool(np.can_cast(np.int64, d, casting=c)) for d in ${JSON.stringify(outDtypes)} for c in ${JSON.stringify(castings)}}))`,
    );
    test.each(outDtypes.flatMap((d) => castings.map((c) => [0, d, c] as const)))('[axis %p, %s, %s]', (axis, outDtype, casting) => {
      const toConcat = [array([1, 2]), array([3, 4])];
      const res = array([
        [1, 2],
        [3, 4],
      ]);
      const out = zeros(res.shape, res.dtype);
      if (!can[`${outDtype} ${casting}`]) {
        expect(() => stack(toConcat, { dtype: outDtype, axis, casting })).toThrow(TypeError);
      } else {
        const resOut = stack(toConcat, { out, axis, casting });
        const resDtype = stack(toConcat, { dtype: outDtype, axis, casting });
        expect(resOut).toBe(out);
        expect(out.toArray()).toEqual(resDtype.astype(out.dtype).toArray());
        expect(resDtype.dtype.equals(outDtype)).toBe(true);
      }
      expect(() => stack(toConcat, { out, dtype: outDtype, axis })).toThrow(TypeError);
    });
  });
});
