// NumPy's own numpy/_core/tests/test_regression.py (NumPy 2.4), class
// TestRegression: more of the entries whose subject this library has (beside
// test_regression.test.ts), ported test by test: same names, same intent, the
// same values, shapes and errors.
//
// Mapping: a NumPy scalar is a 0-d array (README, "where JavaScript
// differs"); a[i] -> a.index(i); a.T -> a.T; h['x'] -> h.field('x');
// np.add.accumulate -> cumsum, np.add.reduce -> sum; np.finfo(np.float64)'s
// eps and max -> Number.EPSILON and Number.MAX_VALUE; np.iinfo(t).min -> the
// type's minimum; str(a) -> String(a), which is NumPy's repr(a) here.
// Python's "must not crash" entries (test_mem_*, test_copy_detection_*) also
// check the value or shape NumPy gives.
//
// Left out, not counted as passing (besides the entries test_regression.test.ts lists):
// - test_noncontiguous_fill, test_reshape_zero_size: assigning a.shape in place (shape is read-only here).
// - test_compress_small_type: compress has no out= here.
// - test_lexsort_zerolen_element: np.dtype([]) (a structured dtype with no fields).
// - test_mem_axis_minimization: np.add.outer (only np.outer, multiply's).
// - test_fromfile_tofile_seeks, test_flat_byteorder, test_flat_index_byteswap: Python file
//   objects and a.flat.
// - test_dtype_names: field titles ((title, name) pairs) are not implemented (a TypeError naming the pair).
// - test_complex64_alignment: a.tobytes('F') (no tobytes here).
// - test_ndmin_order: np.array's ndmin= (not an option here).
// - test_noncommutative_reduce_accumulate: np.subtract.reduce/accumulate (no reduce for them).
import {
  absolute, add, all, any, arange, around, broadcastTo, divmod, asarray, asStrided, AxisError, choose, convolve, countNonzero, cumsum, dot, ediff1d, fromBuffer, hstack, indices,
  IndexError, lexsort, linspace, logicalAnd, logspace, maximum, NdArray, ones, percentile, repeat, searchsorted, sign, sort, square, std, subtract, sum,
  unique, ValueError, variance, zeros, floorDivide, equal, notEqual, UFuncTypeError, log1p, exp2,
} from '../../lib';
import { assertAlmostEqual, assertEqual } from '../helpers/np-assert';
import { vals } from '../helpers/np-array';

const eps = Number.EPSILON;
const fmax = Number.MAX_VALUE;

describe('TestRegression (more)', () => {
  test('test_indexing1', () => {
    // Ticket #64
    const descr = [['x', [['y', [['z', 'c16', [2]]]]]]];
    const h = zeros([], descr as never);
    h.field('x').field('y').field('z').set([{ re: 0, im: 6 }, { re: 0, im: 4 }]);
    const z = h.field('x').field('y').field('z');
    expect([z.shape, z.dtype.name, z.toArray()]).toEqual([[2], 'complex128', [{ re: 0, im: 6 }, { re: 0, im: 4 }]]);
  });

  test('test_indexing2', () => {
    // Ticket #65
    const h = zeros([], [['x', 'i4', [2]]] as never);
    h.field('x').set([3, 2]);
    expect([h.field('x').shape, h.field('x').toArray()]).toEqual([[2], [3, 2]]);
  });

  test('test_mem_dot', () => {
    // Ticket #106
    const x = zeros([0, 1]);
    const y = ones([10, 1]);
    // Dummy array to detect bad memory access:
    const z0 = ones(10);
    const z = asStrided(z0, [0, 10], [80, 8]); // np.empty((0, 10))'s strides
    dot(x, y.T, z);
    assertEqual(z0, ones(10));
  });

  test('test_arange_underflow_stop_and_step', () => {
    const pairs: [number, number, number][] = [
      [eps, 2 * eps, fmax],
      [eps, -2 * eps, -fmax],
      [-eps, -2 * eps, -fmax],
      [-eps, 2 * eps, fmax],
    ];
    for (const [stop, refStep, step] of pairs) {
      const ref = arange(0, stop, refStep, 'f8');
      const x = arange(0, stop, step, 'f8');
      expect([stop, step, x.shape, vals(x)]).toEqual([stop, step, ref.shape, vals(ref)]);
    }
  });

  test('test_mem_divmod', () => {
    // Ticket #126: divmod(np.array([i])[0], 10)
    for (let i = 0; i < 10; i++) {
      const [q, r] = divmod(asarray([i]).index(0), 10);
      expect([Number(q.toArray()), Number(r.toArray())]).toEqual([0, i]);
    }
  });

  test('test_hstack_invalid_dims', () => {
    // Ticket #128
    const x = arange(9).reshape(3, 3);
    const y = asarray([0, 0, 0]);
    expect(() => hstack([x, y])).toThrow(ValueError);
  });

  test('test_squeeze_type', () => {
    // Ticket #133
    expect(asarray([3]).squeeze()).toBeInstanceOf(NdArray);
    expect(asarray(3).squeeze()).toBeInstanceOf(NdArray);
  });

  test('test_zero_sized_array_indexing', () => {
    // Ticket #205
    const tmp = asarray([]);
    expect(() => tmp.index(asarray(10))).toThrow(IndexError);
  });

  test('test_mem_around', () => {
    // Ticket #243
    const x = zeros([1]);
    const decimal = 6;
    expect(vals(around(absolute(subtract(x, asarray([0]))), decimal))).toEqual([0]);
  });

  test('test_lexsort', () => {
    // Lexsort memory error
    const v = asarray([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assertEqual(lexsort(v), 0);
  });

  test('test_lexsort_zerolen_custom_strides', () => {
    // Ticket #14228
    let xs: NdArray = asarray([], 'i8');
    expect(lexsort([xs]).shape[0]).toBe(0); // Works
    xs = asStrided(xs, [0], [16]);
    expect(lexsort([xs]).shape[0]).toBe(0); // Was: MemoryError
  });

  test('test_lexsort_zerolen_custom_strides_2d', () => {
    const xs = asarray([], 'i8');
    let xt = asStrided(xs, [0, 2], [16, 16]);
    expect(lexsort([xt], { axis: 0 }).shape[0]).toBe(0);
    xt = asStrided(xs, [2, 0], [16, 16]);
    expect(lexsort([xt], { axis: 0 }).shape[0]).toBe(2);
  });

  test('test_lexsort_invalid_axis', () => {
    expect(() => lexsort([arange(1)], { axis: 2 })).toThrow(AxisError);
    expect(() => lexsort([asarray([])], { axis: 1 })).toThrow(AxisError);
    expect(() => lexsort([asarray(1)], { axis: 10 })).toThrow(AxisError);
  });

  test('test_swap_real', () => {
    // Ticket #265
    for (const dt of ['>c8', '<c8']) {
      const a = arange(0, 4, 1, dt);
      expect([dt, a.imag.max(), a.real.max()]).toEqual([dt, 0.0, 3.0]);
    }
  });

  test('test_fancy_index', () => {
    // Ticket #302
    const x = asarray([1, 2]).index(asarray([0]));
    expect(x.shape).toEqual([1]);
  });

  test('test_repeat_discont', () => {
    // Ticket #352
    const a = arange(12).reshape(4, 3).index(':, 2');
    assertEqual(a.repeat(3), [2, 2, 2, 5, 5, 5, 8, 8, 8, 11, 11, 11]);
  });

  test('test_convolve_empty', () => {
    // Convolve should raise an error for empty input array.
    expect(() => convolve([], [1])).toThrow(ValueError);
    expect(() => convolve([1], [])).toThrow(ValueError);
  });

  test('test_dot_negative_stride', () => {
    // Ticket #588
    const x = asarray([[1, 5, 25, 125, 625]], 'f8');
    const y = asarray([[20], [160], [640], [1280], [1024]], 'f8');
    const z = y.index('::-1').copy();
    const y2 = y.index('::-1');
    assertEqual(dot(x, z), dot(x, y2));
  });

  test('test_copy_detection_zero_dim / test_copy_detection_corner_case', () => {
    // Ticket #658 (NumPy has the same body twice)
    expect(indices([0, 3, 4]).T.reshape(-1, 3).shape).toEqual([0, 3]);
  });

  test('test_sign_bit', () => {
    const x = asarray([0, -0.0, 0]);
    // str(np.abs(x)) == '[0. 0. 0.]'; String() is NumPy's repr here.
    expect(String(absolute(x))).toBe('array([0., 0., 0.])');
    expect((absolute(x).toArray() as number[]).every((v) => Object.is(v, 0))).toBe(true);
  });

  test('test_mem_0d_array_index', () => {
    // Ticket #714
    const r = zeros(10).index(asarray(0));
    expect([r.shape, r.toArray()]).toEqual([[], 0]);
  });

  test('test_sign_for_complex_nan', () => {
    // Ticket 794.
    const C = asarray([-Infinity, { re: -3, im: 4 }, 0, { re: 4, im: -3 }, Infinity, NaN]);
    const want = [{ re: -1, im: 0 }, { re: -0.6, im: 0.8 }, { re: 0, im: 0 }, { re: 0.8, im: -0.6 }, { re: 1, im: 0 }, { re: NaN, im: NaN }];
    assertEqual(sign(C), want);
  });

  test('test_for_zero_length_in_choose', () => {
    // Ticket #882
    expect(() => choose(asarray(1), [])).toThrow(ValueError);
  });

  test('test_huge_arange', () => {
    // #1062: a size which cannot fit into a 64 bits signed integer
    expect(() => arange(2 ** 64)).toThrow(ValueError);
    expect(() => arange(2 ** 64)).toThrow(/Maximum allowed size exceeded/);
  });

  test('test_signed_integer_division_overflow', () => {
    // Ticket #1317: min //= -1 (NumPy gives min back, with an overflow warning it ignores here)
    const mins: [string, bigint][] = [['i1', -128n], ['i2', -32768n], ['i4', -(2n ** 31n)], ['i8', -(2n ** 63n)]];
    for (const [t, m] of mins) {
      const a = asarray([m], t);
      floorDivide(a, -1, { out: a });
      expect([t, BigInt(a.get(0) as number | bigint)]).toEqual([t, m]);
    }
  });

  test('test_complex_nan_maximum', () => {
    const cnan = { re: 0, im: NaN };
    assertEqual(maximum(1, cnan), cnan);
  });

  test('test_complex_boolean_cast', () => {
    // Ticket #2218
    for (const tp of ['c8', 'c16']) {
      const x = asarray([0, { re: 0, im: 0.5 }, { re: 0.5, im: 0 }], tp);
      expect([tp, x.astype('?').toArray()]).toEqual([tp, [false, true, true]]);
      expect(any(x).toArray()).toBe(true);
      expect(all(x.index('1:')).toArray()).toBe(true);
    }
  });

  test('test_uint_int_conversion', () => {
    const x = 2n ** 64n - 1n;
    expect(asarray(x, 'u8').toArray()).toBe(x);
  });

  test('test_any_float', () => {
    // all and any for floats
    const a = asarray([0.1, 0.9]);
    expect([any(a).toArray(), all(a).toArray()]).toEqual([true, true]);
  });

  test('test_large_float_sum', () => {
    const a = arange(10000, 'f4');
    assertEqual(sum(a, null, { dtype: 'f8' }), a.astype('f8').sum());
  });

  test('test_ufunc_casting_out', () => {
    const a = asarray(1.0, 'f4');
    const b = asarray(1.0, 'f8');
    const c = asarray(1.0, 'f4');
    // the float64 sum goes into float32 under NumPy's default same_kind casting
    add(a, b, { out: c });
    assertEqual(c, 2.0);
  });

  test('test_array_scalar_contiguous', () => {
    // Array scalars are both C and Fortran contiguous
    for (const a of [asarray(1.0), asarray(asarray(1.0, 'f4'))]) {
      expect([a.flags.cContiguous, a.flags.fContiguous]).toEqual([true, true]);
    }
  });

  test('test_squeeze_contiguous', () => {
    // Similar to GitHub issue #387
    const a = zeros([1, 2]).squeeze();
    const b = zeros([2, 2, 2], 'f8', 'F').index(':, :, ::2').squeeze();
    expect([a.flags.cContiguous, a.flags.fContiguous, b.flags.fContiguous]).toEqual([true, true, true]);
  });

  test('test_squeeze_axis_handling', () => {
    // Issue #10779: the subclass half (an old squeeze() without axis) has no
    // JS counterpart; the new API's ValueError for a non-1 axis is ported.
    expect(() => asarray([[1], [2], [3]]).squeeze(0)).toThrow(ValueError);
    assertEqual(asarray([[1], [2], [3]]).squeeze(null), [1, 2, 3]);
  });

  test('test_reduce_contiguous', () => {
    // GitHub issue #387
    const a = sum(zeros([2, 1, 2]), [0, 1]);
    const b = sum(zeros([2, 1, 2]), 1);
    expect([a.flags.cContiguous, a.flags.fContiguous, b.flags.cContiguous]).toEqual([true, true, true]);
  });

  test('test_zerosize_accumulate', () => {
    // Ticket #1733
    const x = asarray([[42, 0]], 'u4');
    const r = cumsum(x.index(':-1, 0'));
    expect([r.shape, r.toArray()]).toEqual([[0], []]);
  });

  test('test_fields_strides', () => {
    // gh-2355
    const bytes = new TextEncoder().encode('abcdefghijklmnop'.repeat(4 * 3));
    const r = fromBuffer(bytes, 'i4,(2,3)u2');
    assertEqual(r.index('0:3:2').field('f1'), r.field('f1').index('0:3:2'));
    assertEqual(r.index('0:3:2').field('f1').index(0), r.index('0:3:2').index(0).field('f1'));
    expect(r.index('0:3:2').field('f1').index(0).strides).toEqual(r.index('0:3:2').index(0).field('f1').strides);
  });

  test('test_searchsorted_wrong_dtype', () => {
    // Ticket #2189, it used to segfault; a TypeError is the proper exception.
    const a = zeros(1, 'S1, i8' as never);
    a.set(0, [new TextEncoder().encode('a'), 1] as never);
    expect(() => searchsorted(a, 1.2)).toThrow(TypeError);
    // Ticket #2066, similar problem (a recarray of two int32 fields)
    const b = zeros(2, 'i4, i4' as never);
    b.set([[1, 2], [3, 4]] as never);
    expect(() => searchsorted(b, 1)).toThrow(TypeError);
  });

  test('test_unique_stable', () => {
    // Ticket #2063 must always choose stable sort for argsort
    const v: number[] = [];
    for (let k = 0; k < 4; k++) v.push(...new Array<number>(5).fill(0), ...new Array<number>(6).fill(1), ...new Array<number>(6).fill(2));
    const res = unique(asarray(v), { returnIndex: true });
    expect([vals(res.values), vals(res.index as NdArray)]).toEqual([[0, 1, 2], [0, 5, 11]]);
  });

  test('test_structured_count_nonzero', () => {
    const arr = asarray([0, 1]).astype('i4, 2i4' as never).index(':1');
    assertEqual(countNonzero(arr), 0);
  });

  test('test_repeat_broadcasting', () => {
    // gh-5743
    const a = arange(60).reshape(3, 4, 5);
    for (const axis of [-3, -2, -1, 0, 1, 2, null]) {
      expect([axis, vals(repeat(a, 2, axis))]).toEqual([axis, vals(repeat(a, [2], axis))]);
    }
  });

  test('test_empty_percentile', () => {
    // gh-6530 / gh-6553
    const r = percentile(arange(10), []);
    expect([r.shape, r.toArray()]).toEqual([[0], []]);
  });

  test('test_reshape_size_overflow', () => {
    // gh-7455: the prime factors of 2**63 + 5 and a leading 2 overflow int64 to a total of 10.
    const a = ones(20).index('::2');
    expect(() => a.reshape([2, 13, 419, 691, 823, 2977518503])).toThrow(ValueError);
  });

  test('test_eff1d_casting', () => {
    // gh-12711
    const x = asarray([1, 2, 4, 7, 0], 'i2');
    assertEqual(ediff1d(x, { toBegin: -99, toEnd: asarray([88, 99]) }), [-99, 1, 2, 3, -7, 88, 99]);
    // Safe casting means 1 << 20 is cast unsafely (NumPy has no error for it).
    assertEqual(ediff1d(x, { toBegin: 1 << 20, toEnd: 1 << 20 }), [0, 1, 2, 3, -7, 0]);
  });

  test('test_nonbool_logical', () => {
    // gh-22845: bit patterns that do not overlap, long enough for SIMD and scalar paths
    const size = 100;
    const a = fromBuffer(new Uint8Array(size).fill(0x01), '?');
    const b = fromBuffer(new Uint8Array(size).fill(0x80), '?');
    expect(vals(logicalAnd(a, b))).toEqual(new Array<boolean>(size).fill(true));
  });

  test('test_logspace_base_does_not_determine_dtype', () => {
    // gh-24957
    const start = asarray([0, 2], 'f2');
    const stop = asarray([2, 0], 'f2');
    const out = logspace(start, stop, 5, { axis: 1, dtype: 'f4' });
    const expected = asarray([[1, 3.1621094, 10, 31.625, 100], [100, 31.625, 10, 3.1621094, 1]], 'f4');
    assertAlmostEqual(out, expected);
    // Computed in float64 (a float64 base), it is not almost equal.
    const out2 = logspace(start, stop, 5, { axis: 1, dtype: 'f4', base: asarray([10.0]) });
    expect(() => assertAlmostEqual(out2, expected)).toThrow();
  });

  test('test_repeated_square_consistency', () => {
    // gh-26940
    const buf = asarray([{ re: -5.171866611150749e-7, im: 2.5618634555957426e-7 }, 0, 0, 0, 0, 0]);
    for (const inVec of [buf.index(':3'), buf.index(':3').index('::-1')]) {
      const expectedRes = square(inVec);
      // Output vector immediately follows input vector (NumPy's loop sets res = buf[3:] both times).
      for (let k = 0; k < 2; k++) {
        const res = buf.index('3:');
        square(inVec, { out: res });
        assertEqual(res, expectedRes);
      }
    }
  });

  test('test_sort_unique_crash', () => {
    // gh-27037
    for (let k = 0; k < 4; k++) {
      const v = linspace(0, 1, 128);
      const data = broadcastTo(v, [128, 128, 128]).transpose(0, 2, 1).copy();
      const u = unique(data).values;
      assertEqual(u, v);
    }
  });

  test('test_sort_overlap', () => {
    // gh-27273
    const size = 100;
    const inp = linspace(0, size, size, { dtype: 'i4' });
    const out = sort(inp);
    assertEqual(inp, out);
  });

  test('test_searchsorted_structured', () => {
    // gh-28190
    const dt = [['time', '<i8'], ['value', '<f8']];
    const x = zeros(1, dt as never);
    x.set(0, [0, 1.0] as never);
    const y = zeros([], dt as never);
    expect(vals(x.searchsorted(y))).toBe(0);
  });

  test('test_ticket_1539', () => {
    // np.dot of two empty arrays of every numeric dtype pair is 0 (no TypeError).
    const dtypes = ['i1', 'u1', 'i2', 'u2', 'i4', 'u4', 'i8', 'u8', 'f2', 'f4', 'f8', 'c8', 'c16'];
    const a = asarray([], '?');
    const failures: string[] = [];
    for (const x of dtypes) {
      const b = a.astype(x);
      for (const y of dtypes) {
        const c = a.astype(y);
        try {
          const d = dot(b, c).toArray();
          const zero = typeof d === 'object' ? (d as { re: number; im: number }).re === 0 && (d as { re: number; im: number }).im === 0 : Number(d) === 0;
          if (!zero) failures.push(`${x},${y}`);
        } catch (e) {
          failures.push(`${x},${y}: ${(e as Error).message}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  test('test_ticket_1434', () => {
    // Check that the out= argument in var and std has an effect
    const data = asarray([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    const out = zeros([3]);
    let ret = variance(data, 1, { out });
    expect(ret).toBe(out);
    assertEqual(ret, variance(data, 1));
    ret = std(data, 1, { out });
    expect(ret).toBe(out);
    assertEqual(ret, std(data, 1));
  });

  test('test_searchsorted_variable_length', () => {
    const x = asarray(['a', 'aa', 'b']);
    const y = asarray(['d', 'e']);
    assertEqual(x.searchsorted(y), [3, 3]);
  });
  test('test_asarray_with_order', () => {
    // nothing is done when order='F' and the array is C and F contiguous
    const a = ones(2);
    expect(asarray(a, null, { order: 'F' })).toBe(a);
  });

  test('test_scalar_compare', () => {
    // Trac Ticket #72: a bytes array against one string (NumPy's str array here is bytes)
    const a = asarray(['test', 'auto']);
    expect(vals(equal(a, asarray('auto')))).toEqual([false, true]);
    expect(vals(equal(a.index(1), asarray('auto')))).toBe(true);
    expect(vals(notEqual(a.index(0), asarray('auto')))).toBe(true);
    // b != 'auto' is Python's operator fallback (all True); the function form here is
    // np.not_equal(b, 'auto'), NumPy's UFuncTypeError (no loop for float64 and a string).
    const b = linspace(0, 10, 11);
    expect(() => notEqual(b, asarray('auto'))).toThrow(UFuncTypeError);
  });

  test('test_empty_array_type', () => {
    expect(asarray([]).dtype.name).toBe(zeros(0).dtype.name);
  });

  test('test_string_array_size', () => {
    // Ticket #342
    expect(() => asarray([['X'], ['X', 'X', 'X']], '|S1')).toThrow(ValueError);
  });

  test('test_string_argsort_with_zeros', () => {
    // argsort of strings containing zeros
    const x = fromBuffer(new Uint8Array([0, 2, 0, 1]), '|S2');
    expect(vals(x.argsort({ kind: 'mergesort' }))).toEqual([1, 0]);
    expect(vals(x.argsort({ kind: 'quicksort' }))).toEqual([1, 0]);
  });

  test('test_string_sort_with_zeros', () => {
    const x = fromBuffer(new Uint8Array([0, 2, 0, 1]), '|S2');
    const y = fromBuffer(new Uint8Array([0, 1, 0, 2]), '|S2');
    expect(sort(x, { kind: 'quicksort' }).toArray()).toEqual(y.toArray());
  });

  test('test_lexsort_buffer_length', () => {
    // Ticket #1217, don't segfault.
    const a = ones(100, 'i1');
    const b = ones(100, 'i4');
    assertEqual(lexsort([a.index('::-1'), b]), arange(100));
  });

  test('test_byteswap_complex_scalar', () => {
    // Ticket #1259 and gh-441 (a little-endian machine)
    for (const t of ['<c8', '<c16']) {
      const z = asarray([{ re: 2.2, im: -1.1 }], t);
      const x = z.index(0);
      const y = x.byteswap();
      // np.frombuffer(y.tobytes(), dtype.newbyteorder()): y's bytes read in the other order
      const back = y.view(t.replace('<', '>'));
      expect([t, back.toArray()]).toEqual([t, x.toArray()]);
      expect([t, x.real.toArray()]).toEqual([t, y.real.byteswap().toArray()]);
      expect([t, x.imag.toArray()]).toEqual([t, y.imag.byteswap().toArray()]);
    }
  });

  test('test_log1p_compiler_shenanigans', () => {
    expect(Number.isFinite(log1p(exp2(-53)).toArray() as number)).toBe(true);
  });

  test('test_string_astype', () => {
    // Ticket #1748
    const a = asarray([['black'], ['white'], ['other']]);
    expect(a.dtype.str).toBe('|S5');
    const b = a.astype('S0');
    expect(b.dtype.str).toBe('|S5');
  });

  test('test_ticket_1756', () => {
    const s = '0123456789abcdef';
    const a = asarray(new Array<string>(5).fill(s));
    for (let i = 1; i < 17; i++) {
      const a1 = asarray(a, `|S${i}`);
      const a2 = asarray(new Array<string>(5).fill(s.slice(0, i)));
      expect([i, a1.toArray()]).toEqual([i, a2.toArray()]);
    }
  });

  test('test_ticket_1770', () => {
    // Should not crash: a missing field is a ValueError (NumPy), nothing else
    const a = zeros([1], [['f1', 'f4']] as never);
    a.field('f1').set(1);
    let thrown: unknown = null;
    try {
      a.field('f2').set(1);
    } catch (e) {
      thrown = e;
    }
    expect(thrown === null || thrown instanceof ValueError).toBe(true);
  });

  test('test_array_too_big', () => {
    // Ticket #1080
    expect(() => zeros(new Array<number>(7).fill(975), 'i1')).toThrow(ValueError);
    expect(() => zeros(new Array<number>(5).fill(26244), 'i1')).toThrow(ValueError);
  });
});
