// NumPy's own numpy/_core/tests/test_ufunc.py (NumPy 2.4): the ufunc.at
// tests whose subject exists here, np.add.at -> addAt(a, items, values),
// ported test by test: same names, same intent, the same values and errors.
// Only `add` has an `.at` here: the parts and parametrizations of other
// ufuncs' `.at` (negative, subtract, multiply, floor_divide, maximum, minimum,
// fmax, fmin, power, equal, invert, modf, divide) are left out, and so are the
// rational test dtype and object arrays.
//
// Skipped (not counted as passing):
// - test_ufunc_at_negative (umath_tests.indexed_negative), test_ufunc_at_dtypes (power.at),
//   test_ufunc_at_boolean (equal.at, invert.at): no such ufunc.at here.
import { absolute, add, addAt, arange, divide, dtype, equal, greater, IndexError, less, max, min, NdArray, power, remainder, slice, sqrt, subtract, sum, ValueError, zeros } from '../../lib';
import { rng } from '../helpers/bytes';
import { array } from '../helpers/np-array';

function nums(a: NdArray): unknown {
  const f = (v: unknown): unknown => (Array.isArray(v) ? v.map(f) : typeof v === 'bigint' ? Number(v) : v);
  return f(a.toArray());
}

/** A seeded np.random.randint(n, size=k). */
function randint(n: number, k: number, seed: number): number[] {
  let s = seed;
  return Array.from({ length: k }, () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return Math.floor((s / 2 ** 31) * n);
  });
}

describe('TestUfunc (ufunc.at)', () => {
  test('test_ufunc_at_basic[int]', () => {
    const a = arange(10);
    let aa = a.copy();
    addAt(aa, [[2, 5, 2]], 1);
    expect(nums(aa)).toEqual([0, 1, 4, 3, 4, 6, 6, 7, 8, 9]);

    // missing second operand
    expect(() => (addAt as (a: NdArray, i: unknown) => void)(aa, [[2, 5, 3]])).toThrow();

    aa = a.copy();
    const b = array([100, 100, 100]);
    addAt(aa, [[2, 5, 2]], b);
    expect(nums(aa)).toEqual([0, 1, 202, 3, 4, 105, 6, 7, 8, 9]);
  });

  // ufuncs with indexed loops for performance in ufunc.at: add is the one here.
  test.each([...'bBhHiIlLqQpPefd'])('test_ufunc_at_inner_loops[%s-add]', (typecode) => {
    const a = zeros(1000, typecode);
    a.fill(1);
    const indx = randint(1000, 3000, typecode.charCodeAt(0));
    const vals = arange(3000).astype(typecode);
    const atag = a.copy();
    // Do the calculation twice and compare the answers
    addAt(a, [indx], vals);
    for (let k = 0; k < indx.length; k++) {
      const i = indx[k]!;
      // Make sure all the work happens inside the ufunc
      add(atag.index(`${i}:${i + 1}`), vals.index(`${k}:${k + 1}`), { out: atag.index(`${i}:${i + 1}`) });
    }
    expect(atag.toArray()).toEqual(a.toArray());
  });

  test.each(['F', 'D'])('test_ufunc_at_inner_loops_complex[%s-add]', (typecode) => {
    const a = zeros(10, typecode);
    a.fill(1);
    const indx = [...new Array<number>(6).fill(1), ...new Array<number>(18).fill(4)];
    addAt(a, [indx], { re: 0, im: 1 });
    const expected = zeros(10, typecode);
    expected.fill(1);
    expected.set('1', { re: 1, im: 6 });
    expected.set('4', { re: 1, im: 18 });
    expect(a.toArray()).toEqual(expected.toArray());
  });

  test('test_ufunc_at_ellipsis', () => {
    // Make sure the indexed loop check does not choke on iters with subspaces
    const arr = zeros(5);
    const ones = zeros(5);
    ones.fill(1);
    addAt(arr, [slice()], ones);
    expect(arr.toArray()).toEqual([1, 1, 1, 1, 1]);
  });

  test.skip('test_ufunc_at_negative: umath_tests.indexed_negative does not exist here', () => {});

  test('test_ufunc_at_large', () => {
    // issue gh-23457
    const indices = zeros(8195, 'i2');
    const b = zeros(8195, 'f8');
    b.set('0', 10);
    b.set('1', 5);
    b.set('8192:', 100);
    const a = zeros(1, 'f8');
    addAt(a, [indices], b);
    expect(a.get(0)).toBe(sum(b).get());
    expect(a.get(0)).toBe(315);
  });

  test('test_cast_index_fastpath', () => {
    const arr = zeros(10);
    const values = zeros(100000);
    values.fill(1);
    // index must be cast, which may be buffered in chunks:
    const index = zeros(100000, 'u1');
    addAt(arr, [index], values);
    expect(arr.get(0)).toBe(100000);
  });

  const scalarValues: [string, () => NdArray | number][] = [
    ['np.ones(1)', () => array([1], 'f8')],
    ['np.ones(())', () => {
      const z = zeros([], 'f8');
      z.fill(1);
      return z;
    }],
    ['np.float64(1.)', () => 1.0],
    ['1.', () => 1.0],
  ];
  test.each(scalarValues)('test_ufunc_at_scalar_value_fastpath[%s]', (_name, value) => {
    const arr = zeros(1000);
    // index must be cast, which may be buffered in chunks:
    const index = Array.from({ length: 2000 }, (_, i) => Math.floor(i / 2)); // np.repeat(np.arange(1000), 2)
    addAt(arr, [index], value());
    expect(new Set(arr.toArray() as number[])).toEqual(new Set([2]));
  });

  test('test_ufunc_at_multiD', () => {
    let a = arange(9).reshape([3, 3]);
    let b = array([100, 100, 100, 200, 200, 200, 300, 300, 300]).reshape([3, 3]);
    addAt(a, [slice(), [1, 2, 1]], b);
    expect(nums(a)).toEqual([
      [0, 201, 102],
      [3, 404, 205],
      [6, 607, 308],
    ]);

    a = arange(27).reshape([3, 3, 3]);
    b = array([100, 200, 300]);
    addAt(a, [slice(), slice(), [1, 2, 1]], b);
    expect(nums(a)).toEqual([
      [
        [0, 401, 202],
        [3, 404, 205],
        [6, 407, 208],
      ],
      [
        [9, 410, 211],
        [12, 413, 214],
        [15, 416, 217],
      ],
      [
        [18, 419, 220],
        [21, 422, 223],
        [24, 425, 226],
      ],
    ]);

    a = arange(9).reshape([3, 3]);
    b = array([100, 100, 100, 200, 200, 200, 300, 300, 300]).reshape([3, 3]);
    addAt(a, [[1, 2, 1], slice()], b);
    expect(nums(a)).toEqual([
      [0, 1, 2],
      [403, 404, 405],
      [206, 207, 208],
    ]);

    a = arange(27).reshape([3, 3, 3]);
    b = array([100, 200, 300]);
    addAt(a, [slice(), [1, 2, 1], slice()], b);
    expect(nums(a)).toEqual([
      [
        [0, 1, 2],
        [203, 404, 605],
        [106, 207, 308],
      ],
      [
        [9, 10, 11],
        [212, 413, 614],
        [115, 216, 317],
      ],
      [
        [18, 19, 20],
        [221, 422, 623],
        [124, 225, 326],
      ],
    ]);

    a = arange(9).reshape([3, 3]);
    b = array([100, 200, 300]);
    addAt(a, [0, [1, 2, 1]], b);
    expect(nums(a)).toEqual([
      [0, 401, 202],
      [3, 4, 5],
      [6, 7, 8],
    ]);

    a = arange(27).reshape([3, 3, 3]);
    b = array([100, 200, 300]);
    addAt(a, [[1, 2, 1], 0, slice()], b);
    expect(nums(a)).toEqual([
      [
        [0, 1, 2],
        [3, 4, 5],
        [6, 7, 8],
      ],
      [
        [209, 410, 611],
        [12, 13, 14],
        [15, 16, 17],
      ],
      [
        [118, 219, 320],
        [21, 22, 23],
        [24, 25, 26],
      ],
    ]);

    a = arange(27).reshape([3, 3, 3]);
    b = array([100, 200, 300]);
    addAt(a, [slice(), slice(), slice()], b);
    expect(nums(a)).toEqual([
      [
        [100, 201, 302],
        [103, 204, 305],
        [106, 207, 308],
      ],
      [
        [109, 210, 311],
        [112, 213, 314],
        [115, 216, 317],
      ],
      [
        [118, 219, 320],
        [121, 222, 323],
        [124, 225, 326],
      ],
    ]);
  });

  test('test_ufunc_at_0D', () => {
    const a = zeros([], 'i8');
    addAt(a, [], 1);
    expect(nums(a)).toBe(1);

    expect(() => addAt(a, 0, 1)).toThrow(IndexError);
    expect(() => addAt(a, [[]], 1)).toThrow(IndexError);
  });

  test.skip('test_ufunc_at_dtypes: there is no power.at', () => {});
  test.skip('test_ufunc_at_boolean: there is no equal.at or invert.at', () => {});

  test('test_ufunc_at_advanced (the add.at parts)', () => {
    // Test empty subspace
    const orig = arange(4);
    const a = orig.index(':, None').index(':, 0:0');
    addAt(a, [[0, 1]], 3);
    expect(nums(orig)).toEqual([0, 1, 2, 3]);

    // Test with swapped byte order
    const index = array([1, 2, 1], dtype('i').newbyteorder().str);
    const values = array([1, 2, 3, 4], dtype('f').newbyteorder().str);
    addAt(values, [index], 3);
    expect(values.toArray()).toEqual([1, 8, 6, 4]);
  });

  test.each([...'bBhHiIlLqQpPefd'])('test_at_negative_indexes[%s-add]', (dt) => {
    const a = arange(0, 10).astype(dt);
    const indxs = array([-1, 1, -1, 2], 'intp');
    const vals = array([1, 5, 2, 10], a.dtype.str);

    const expected = a.copy();
    for (let k = 0; k < 4; k++) {
      const i = Number((indxs.get(k) as bigint));
      const at = i < 0 ? i + 10 : i;
      add(expected.index(`${at}:${at + 1}`), vals.index(`${k}:${k + 1}`), { out: expected.index(`${at}:${at + 1}`) });
    }

    addAt(a, [indxs], vals);
    expect(a.toArray()).toEqual(expected.toArray());
    expect(nums(indxs)).toEqual([-1, 1, -1, 2]);
  });
});

// ---------------------------------------------------------------------------
// TestUfunc: out=, where=, casting= of element-wise calls, and the reductions
// behind np.sum/prod/min/max/any/all (np.add.reduce(a, axis, initial=,
// where=) -> sum(a, axis, { initial, where }), np.maximum.reduce -> max,
// np.minimum.reduce -> min). Left out: vecdot/matvec and the umath_tests
// gufuncs (no gufuncs here), object dtype, np.true_divide.reduce and
// np.divide.reduce (no reduce of divide), test_where_warns (no warnings),
// test_logical_ufuncs_out_cast_check (a string array as ufunc input).

function full(shape: number[], v: unknown, dt: string): NdArray {
  const a = zeros(shape, dt as never) as NdArray;
  a.fill(v as never);
  return a;
}

function num(a: NdArray): unknown {
  const v = a.toArray();
  const f = (x: unknown): unknown => (Array.isArray(x) ? x.map(f) : typeof x === 'bigint' ? Number(x) : x);
  return f(v);
}

describe('TestUfunc (out, where, casting, reductions)', () => {
  test('test_sum_stability', () => {
    let a = full([500], 1, 'f4');
    expect(Math.abs((num(sum(divide(a, 10.5 - 0.5))) as number) - a.size / 10)).toBeLessThan(1.5e-4);
    a = full([500], 1, 'f8');
    expect(Math.abs((num(sum(divide(a, 10.5 - 0.5))) as number) - a.size / 10)).toBeLessThan(1.5e-13);
  });

  test.each(['i8', 'f2', 'f4', 'f8'])('test_sum[%s]', (dt) => {
    for (const v of [0, 1, 2, 7, 8, 9, 15, 16, 19, 127, 128, 1024, 1235]) {
      const tgtExact = (v * (v + 1)) / 2;
      // float16 overflows past 65504 (NumPy warns): the target is then inf
      const tgt = dt === 'f2' && tgtExact > 65504 ? Infinity : tgtExact;
      const d = arange(1, v + 1).astype(dt as never);
      const s1 = num(sum(d)) as number;
      const s2 = num(sum(d.index('::-1'))) as number;
      const close = (x: number): boolean => (tgt === Infinity ? x === Infinity : Math.abs(x - tgt) <= Math.max(1.5e-7, Math.abs(tgt) * (dt === 'f2' ? 1e-3 : 1e-7)));
      expect([v, close(s1), close(s2)]).toEqual([v, true, true]);
    }
    const d = full([500], 1, dt);
    for (const [s, want] of [['::2', 250], ['1::2', 250], ['::3', 167], ['1::3', 167], ['::-2', 250], ['-1::-2', 250], ['::-3', 167], ['-1::-3', 167]] as const) {
      expect([s, num(sum(d.index(s)))]).toEqual([s, want]);
    }
    // sum with first reduction entry != 0
    const e = full([1], 1, dt);
    add(e, e, { out: e });
    expect(num(e)).toEqual([2]);
  });

  test.each(['c8', 'c16'])('test_sum_complex[%s]', (dt) => {
    for (const v of [0, 1, 2, 7, 8, 9, 15, 16, 19, 127, 128, 1024, 1235]) {
      const t = (v * (v + 1)) / 2;
      const d = zeros(v, dt as never) as NdArray;
      d.set(Array.from({ length: v }, (_, i) => ({ re: i + 1, im: -(i + 1) })) as never);
      for (const x of [sum(d), sum(d.index('::-1'))]) {
        const z = x.toArray() as { re: number; im: number };
        expect([v, Math.abs(z.re - t) < 1e-6 * Math.max(1, t), Math.abs(z.im + t) < 1e-6 * Math.max(1, t)]).toEqual([v, true, true]);
      }
    }
    const d = full([500], { re: 1, im: 1 }, dt);
    for (const [s, w] of [['::2', 250], ['1::2', 250], ['::3', 167], ['1::3', 167], ['::-2', 250], ['-1::-2', 250], ['::-3', 167], ['-1::-3', 167]] as const) {
      expect([s, sum(d.index(s)).toArray()]).toEqual([s, { re: w, im: w }]);
    }
  });

  test('test_sum_initial', () => {
    // Integer, single axis
    expect(num(sum(array([3]), undefined, { initial: 2 }))).toBe(5);
    // Floating point
    expect(num(sum(array([0.2], 'f8'), undefined, { initial: 0.1 }))).toBeCloseTo(0.3, 7);
    // Multiple non-adjacent axes
    expect(num(sum(full([2, 3, 5], 1, 'i8'), [0, 2], { initial: 2 }))).toEqual([12, 12, 12]);
  });

  test('test_sum_where', () => {
    const a = zeros([2, 2], 'f8');
    a.set([
      [1, 2],
      [3, 4],
    ]);
    const w = array([true, false], '?');
    expect(num(sum(a, undefined, { where: w }))).toBe(4);
    expect(num(sum(a, 0, { initial: 5, where: w }))).toEqual([9, 5]);
  });

  test('test_out_broadcasts', () => {
    // The output may broadcast the inputs, along length-1 axes and absent ones.
    const arr = arange(3).reshape([1, 3]);
    const out = zeros([5, 4, 3], 'i8');
    add(arr, arr, { out });
    const v = out.toArray() as bigint[][][];
    expect(v.flat(2).every((x, i) => x === BigInt((i % 3) * 2))).toBe(true);
  });

  test.each([
    ['(1,)->()', [2], []],
    ['(2,)->(1,)', [1, 2], [1]],
    ['(4, 3)->(4, 1)', null, [4, 1]],
  ] as const)('test_out_broadcast_errors[%s]', (_id, values, outShape) => {
    // Output may broadcast inputs, but it cannot be smaller than the result.
    const arr = values === null ? full([4, 3], 1, 'f8') : array([...values], 'f8');
    const out = zeros([...outShape], 'f8');
    expect(() => absolute(arr, { out })).toThrow(/non-broadcastable/); // np.positive: absolute has the same shape rules
    expect(() => add(full([], 1, 'f8'), arr, { out })).toThrow(/non-broadcastable/);
    expect(() => add(full([], 1, 'f8'), arr, { out })).toThrow(ValueError);
  });

  test('test_casting_out_param', () => {
    // Casts on output are possible
    const a = full([200, 100], 1, 'i8');
    const b = full([200, 100], 1, 'i8');
    const c = full([200, 100], 1, 'f8');
    add(a, b, { out: c });
    expect((c.ravel().toArray() as number[]).every((x) => x === 2)).toBe(true);

    const a2 = zeros(65536, 'f8');
    const b2 = zeros(65536, 'f4');
    subtract(a2, 0, { out: b2 });
    expect((b2.toArray() as number[]).every((x) => x === 0)).toBe(true);
  });

  test('test_where_param', () => {
    // where= with regular arrays
    const a = arange(7);
    const b = full([7], 1, 'f8');
    const c = zeros(7, 'f8');
    add(a, b, { out: c, where: equal(remainder(a, 2), 1) });
    expect(num(c)).toEqual([0, 2, 0, 4, 0, 6, 0]);

    const a2 = add(arange(4).reshape([2, 2]), 2);
    power(a2, array([2, 3]), {
      out: a2,
      where: array(
        [
          [false, true],
          [true, false],
        ],
        '?',
      ),
    });
    expect(num(a2)).toEqual([
      [2, 27],
      [16, 5],
    ]);
    // Broadcasting the where= parameter
    subtract(a2, 2, { out: a2, where: array([true, false], '?') });
    expect(num(a2)).toEqual([
      [0, 27],
      [14, 5],
    ]);
  });

  test('test_where_param_buffer_output', () => {
    // With casting on output
    const a = full([10], 1, 'i8');
    const b = full([10], 1, 'i8');
    const c = full([10], 1.5, 'f8');
    add(a, b, { out: c, where: array([1, 0, 0, 1, 0, 0, 1, 1, 1, 0].map(Boolean), '?') });
    expect(num(c)).toEqual([2, 1.5, 1.5, 2, 1.5, 1.5, 2, 2, 2, 1.5]);
  });

  test('test_where_param_alloc', () => {
    // With casting and allocated output
    const m = array([true], '?');
    expect(num(sqrt(array([1], 'i8'), { where: m, out: null }))).toEqual([1]);
    // No casting and allocated output
    expect(num(sqrt(array([1], 'f8'), { where: m, out: null }))).toEqual([1]);
  });

  test('test_where_with_broadcasting', () => {
    // gh-17198
    const r = rng(17198);
    const a = zeros([5000, 4], 'f8');
    a.set(Array.from({ length: 5000 }, () => [r(), r(), r(), r()]));
    const b = zeros([5000, 1], 'f8');
    b.set(Array.from({ length: 5000 }, () => [r()]));
    const where = greater(a, 0.3);
    const out = zeros([5000, 4], 'f8');
    less(a, b, { where, out });
    const av = a.toArray() as number[][];
    const bv = b.toArray() as number[][];
    const wv = where.toArray() as boolean[][];
    const ov = out.toArray() as number[][];
    let ok = true;
    for (let i = 0; i < 5000; i++) {
      for (let j = 0; j < 4; j++) {
        // inside the mask the comparison, outside out remains 0
        const want = wv[i]![j] ? Number(av[i]![j]! < bv[i]![0]!) : 0;
        if (ov[i]![j] !== want) ok = false;
      }
    }
    expect(ok).toBe(true);
  });

  test('test_initial_reduction', () => {
    // np.minimum.reduce is an identityless reduction
    expect(num(max(zeros(0, 'f8'), undefined, { initial: 0 }))).toBe(0);
    expect(num(min(zeros(0, 'f8'), undefined, { initial: Infinity }))).toBe(Infinity);
    expect(num(max(zeros(0, 'f8'), undefined, { initial: -Infinity }))).toBe(-Infinity);

    // Random tests
    expect(num(min(array([5]), undefined, { initial: 4 }))).toBe(4);
    expect(num(max(array([4]), undefined, { initial: 5 }))).toBe(5);
    expect(num(max(array([5]), undefined, { initial: 4 }))).toBe(5);
    expect(num(min(array([4]), undefined, { initial: 5 }))).toBe(4);

    // initial=None raises ValueError for both kinds of ufunc reductions
    expect(() => min(zeros(0, 'f8'), undefined, { initial: null as never })).toThrow(ValueError);
    expect(() => sum(zeros(0, 'f8'), undefined, { initial: null as never })).toThrow(ValueError);

    // Leaving initial out gives the default behaviour (np._NoValue).
    expect(num(sum(zeros(0, 'f8'), undefined, { initial: undefined }))).toBe(0);
  });

  const wheres: [string, () => NdArray][] = [
    ['[F,T,T]', () => array([false, true, true], '?')],
    ['[[T],[F],[T]]', () => array([[true], [false], [true]], '?')],
    ['3x3', () => array([[true, false, false], [false, true, false], [false, true, true]], '?')],
  ];
  const whereCases: [number | null, string][] = [];
  for (const axis of [0, 1, null]) for (const [w] of wheres) whereCases.push([axis, w]);
  test.each(whereCases)('test_reduction_with_where[%s-%s]', (axis, wname) => {
    const where = wheres.find((w) => w[0] === wname)![1]();
    const a = arange(9).astype('f8').reshape([3, 3]);
    const aCopy = a.copy();
    const aCheck = zeros([3, 3], 'f8');
    absolute(a, { out: aCheck, where }); // np.positive (a >= 0 here)

    const res = sum(a, axis, { where });
    const check = sum(aCheck, axis);
    expect(num(res)).toEqual(num(check));
    // Check we do not overwrite elements of a internally.
    expect(num(a)).toEqual(num(aCopy));
  });

  const wiCases: [number | null, number][] = [];
  for (const axis of [0, 1, null]) for (const initial of [-Infinity, 5.5]) wiCases.push([axis, initial]);
  test.each(wiCases)('test_reduction_with_where_and_initial[%s-%s]', (axis, initial) => {
    // (5. is the JS number 5: 5.5 keeps it a float, which the test does not depend on)
    const where = axis === 0 ? array([true, false, true], '?') : axis === 1 ? array([true, true, false], '?') : true;
    const a = arange(9).astype('f8').reshape([3, 3]);
    const aCheck = full([3, 3], -Infinity, 'f8');
    absolute(a, { out: aCheck, where });
    const res = max(a, axis, { where, initial });
    const check = max(aCheck, axis, { initial });
    expect(num(res)).toEqual(num(check));
  });

  test('test_reduction_where_initial_needed', () => {
    const a = arange(9).astype('f8').reshape([3, 3]);
    const m = array([false, true, false], '?');
    expect(() => max(a, undefined, { where: m })).toThrow(ValueError);
    expect(() => max(a, undefined, { where: m })).toThrow("reduction operation 'maximum' does not have an identity, so to use a where mask one has to specify 'initial'");
  });

  test('test_safe_casting', () => {
    // In-place operations use 'same_kind': a TypeError when it is not satisfied.
    const a = array([1, 2, 3]);
    // Non-in-place addition is fine
    expect(num(add(a, 1.1))).toEqual([1 + 1.1, 2 + 1.1, 3 + 1.1]);
    expect(() => add(a, 1.1, { out: a })).toThrow(TypeError);
    // Explicitly overriding the check is allowed:
    add(a, 1.1, { out: a, casting: 'unsafe' });
    expect(num(a)).toEqual([2, 3, 4]);
  });

  test('test_axis_argument (regular ufuncs do not accept axis)', () => {
    expect(() => add(1.5, 1.5, { axis: 0 } as never)).toThrow(TypeError);
  });
});
