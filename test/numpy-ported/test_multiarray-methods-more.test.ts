// NumPy's own numpy/_core/tests/test_multiarray.py (NumPy 2.4), TestMethods:
// test_copy, test_arr_mult and test_no_dgemv; TestArgmaxArgminCommon.test_all; part of
// TestCreation (see its describe),
// ported test by test: same names,
// same intent, the same values, flags and shapes.
//
// Mapping: a.copy(order) -> a.copy(order); np.empty(shape, order=) -> empty(shape,
// dtype, order); np.dot / np.matmul -> dot / matmul; a.T -> a.T; a[::-1, :] ->
// a.index('::-1, :'); np.broadcast_to -> broadcastTo; arr.flags.fortran (F and not
// C contiguous) -> fContiguous && !cContiguous; a.__array_interface__['data'][0] ->
// the view's byte offset (its buffers start aligned).
//
// Skipped (not counted as passing): test_conjugate_view, test_conjugate_error,
// test_conjugate_out, test_conjugate_scalar, test__complex__*: NdArray has no
// conj()/conjugate() method (the `conjugate` ufunc is a function here);
// test__deepcopy_* and test_ravel_subclass: Python's copy module and subclasses.
import { all, any, arange, broadcastTo, choose, countNonzero, dot, empty, equal, matmul, NdArray, ones, sum, ValueError, zeros, zerosLike } from '../../lib';
import { arr } from '../helpers/np-port';
import { assertEqual } from '../helpers/np-assert';
import { rng } from '../helpers/bytes';

/** Normal draws (Box-Muller over the suite's seeded generator): np.random.normal(0, 1, shape). */
function randomNormal(shape: number[], seed: number): NdArray {
  const r = rng(seed);
  const n = shape.reduce((p, v) => p * v, 1);
  const v = Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r()));
  return arr(v, 'f8').reshape(shape);
}

describe('TestMethods', () => {
  test('test_copy', () => {
    const assertFortran = (a: NdArray): void => {
      expect(a.flags.fContiguous && !a.flags.cContiguous).toBe(true);
      expect(a.flags.fContiguous).toBe(true);
      expect(a.flags.cContiguous).toBe(false);
    };
    const assertC = (a: NdArray): void => {
      expect(a.flags.fContiguous && !a.flags.cContiguous).toBe(false);
      expect(a.flags.fContiguous).toBe(false);
      expect(a.flags.cContiguous).toBe(true);
    };
    let a = empty([2, 2], 'f8', 'F');
    // Test copying a Fortran array
    assertC(a.copy());
    assertC(a.copy('C'));
    assertFortran(a.copy('F'));
    assertFortran(a.copy('A'));
    // Now test starting with a C array.
    a = empty([2, 2], 'f8', 'C');
    assertC(a.copy());
    assertC(a.copy('C'));
    assertFortran(a.copy('F'));
    assertC(a.copy('A'));
  });

  const funcs: [string, (a: NdArray, b: NdArray) => NdArray][] = [['dot', dot], ['matmul', matmul]];

  test.each(funcs)('test_arr_mult[%s]', (_name, func) => {
    const a = arr([[1, 0], [0, 1]]);
    const b = arr([[0, 1], [1, 0]]);
    const d = arange(24).reshape(4, 6);
    const ddt = arr([[55, 145, 235, 325], [145, 451, 757, 1063], [235, 757, 1279, 1801], [325, 1063, 1801, 2539]]);
    const dtd = arr([
      [504, 540, 576, 612, 648, 684], [540, 580, 620, 660, 700, 740], [576, 620, 664, 708, 752, 796],
      [612, 660, 708, 756, 804, 852], [648, 700, 752, 804, 856, 908], [684, 740, 796, 852, 908, 964],
    ]);
    const ets = ['f4', 'f8', 'c8', 'c16'];

    // gemm vs syrk optimizations
    for (const et of ets) {
      const eaf = a.astype(et);
      assertEqual(func(eaf, eaf), eaf);
      assertEqual(func(eaf.T, eaf), eaf);
      assertEqual(func(eaf, eaf.T), eaf);
      assertEqual(func(eaf.T, eaf.T), eaf);
      assertEqual(func(eaf.T.copy(), eaf), eaf);
      assertEqual(func(eaf, eaf.T.copy()), eaf);
      assertEqual(func(eaf.T.copy(), eaf.T.copy()), eaf);
    }

    // syrk validations
    for (const et of ets) {
      const eaf = a.astype(et);
      const ebf = b.astype(et);
      assertEqual(func(ebf, ebf), eaf);
      assertEqual(func(ebf.T, ebf), eaf);
      assertEqual(func(ebf, ebf.T), eaf);
      assertEqual(func(ebf.T, ebf.T), eaf);
    }

    // syrk - different shape, stride, and view validations
    for (const et of ets) {
      const edf = d.astype(et);
      const half = `:${edf.shape[0] / 2}, :`;
      assertEqual(func(edf.index('::-1, :'), edf.T), func(edf.index('::-1, :').copy(), edf.T.copy()));
      assertEqual(func(edf.index(':, ::-1'), edf.T), func(edf.index(':, ::-1').copy(), edf.T.copy()));
      assertEqual(func(edf, edf.index('::-1, :').T), func(edf, edf.index('::-1, :').T.copy()));
      assertEqual(func(edf, edf.index(':, ::-1').T), func(edf, edf.index(':, ::-1').T.copy()));
      assertEqual(func(edf.index(half), edf.index('::2, :').T), func(edf.index(half).copy(), edf.index('::2, :').T.copy()));
      assertEqual(func(edf.index('::2, :'), edf.index(half).T), func(edf.index('::2, :').copy(), edf.index(half).T.copy()));
    }

    // syrk - different shape
    for (const et of ets) {
      const edf = d.astype(et);
      assertEqual(func(edf, edf.T), ddt.astype(et));
      assertEqual(func(edf.T, edf), dtd.astype(et));
    }
  });

});

describe('TestArgmaxArgminCommon', () => {
  test.each(['max', 'min'])('test_all[%s]', (method) => {
    const a = randomNormal([4, 5, 6, 7, 8], 5);
    for (let i = 0; i < a.ndim; i++) {
      const aMaxmin = method === 'max' ? a.max(i) : a.min(i);
      const aargMaxmin = method === 'max' ? a.argmax(i) : a.argmin(i);
      const axes = [...Array(a.ndim).keys()].filter((d) => d !== i);
      // aarg_maxmin.choose(*a.transpose(i, *axes)): the choices are the slices along axis i.
      const t = a.transpose([i, ...axes]);
      const choices = Array.from({ length: t.shape[0] }, (_, k) => t.index(String(k)));
      expect(all(equal(aMaxmin, choose(aargMaxmin, choices))).get()).toBe(true);
    }
  });
});

describe('TestMethods (gemv)', () => {
  const funcs: [string, (a: NdArray, b: NdArray) => NdArray][] = [['dot', dot], ['matmul', matmul]];
  for (const [name, func] of funcs) {
    test.each(['i', 'f', 'd', 'F', 'D'])(`test_no_dgemv[${name}-%s]`, (dt) => {
      // check vector arg for contiguous before gemv (gh-12156)
      let a = arange(8, 'f8').astype(dt).reshape(2, 4);
      let b = broadcastTo(arr(1.0, 'f8'), [4, 1]);
      assertEqual(func(a, b), func(a, b.copy()));
      assertEqual(func(b.T, a.T), func(b.T.copy(), a.T));

      // check for unaligned data
      const itemsize = arr(0, dt).itemsize;
      a = zeros(Math.floor((8 * itemsize) / 2) + 1, 'i2').index('1:').view(dt);
      a = a.reshape(2, 4);
      b = a.index('0');
      // make sure it is not aligned
      expect(a.offset % itemsize).not.toBe(0);
      expect(a.flags.aligned).toBe(false);
      assertEqual(func(a, b), func(a.copy(), b.copy()));
      assertEqual(func(b.T, a.T), func(b.T.copy(), a.T.copy()));
    });
  }
});

// TestCreation (np.array and the constructors): test_zeros,
// test_zeros_like_like_zeros, test_too_big_error and the complex half of
// test_sequence_non_homogeneous. Skipped: the object-dtype and void-promotion tests,
// the Python-protocol ones (__array__, __len__), test_empty_unicode (no 'U'),
// test_ndmax_* (np.array has no ndmax here), test_zeros_big (slow, 30M items per dtype),
// test_from_string (a JS string is bytes here, never parsed as a number: README).
describe('TestCreation', () => {
  const ALL_INT_FLOAT = ['b', 'B', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q', 'e', 'f', 'd', 'F', 'D'];

  test('test_zeros', () => {
    for (const dt of ALL_INT_FLOAT) {
      let d = zeros([13], dt);
      assertEqual(countNonzero(d), 0);
      // true for ieee floats
      assertEqual(sum(d), 0);
      expect(any(d).get()).toBe(false);

      d = zeros(2, '(2,4)i4');
      assertEqual(countNonzero(d), 0);
      assertEqual(sum(d), 0);
      expect(any(d).get()).toBe(false);

      d = zeros(2, '4i4');
      assertEqual(countNonzero(d), 0);
      assertEqual(sum(d), 0);
      expect(any(d).get()).toBe(false);

      d = zeros(2, '(2,4)i4, (2,4)i4');
      assertEqual(countNonzero(d), 0);
    }
  });

  test('test_zeros_like_like_zeros', () => {
    // test zeros_like returns the same as zeros
    for (const c of ['?', ...ALL_INT_FLOAT, 'S']) {
      const d = zeros([3, 3], c);
      expect(zerosLike(d).toArray()).toEqual(d.toArray());
      expect(zerosLike(d).dtype.str).toBe(d.dtype.str);
    }
    // explicitly check some special cases
    for (const c of ['S5', '<i4', '>i4', 'f4,f4']) {
      const d = zeros([3, 3], c);
      expect(zerosLike(d).toArray()).toEqual(d.toArray());
      expect(zerosLike(d).dtype.str).toBe(d.dtype.str);
    }
  });

  test('test_too_big_error', () => {
    // 3037000500 is the smallest integer greater than sqrt(2**63 - 1).
    const shape = [3037000500, 3037000500];
    expect(() => empty(shape, 'i1')).toThrow(ValueError);
    expect(() => zeros(shape, 'i1')).toThrow(ValueError);
    expect(() => ones(shape, 'i1')).toThrow(ValueError);
  });

  test('test_sequence_non_homogeneous (complex rows)', () => {
    expect(arr([[1, 1], [{ re: 0, im: 1 }, { re: 0, im: 1 }]]).dtype.str).toBe('<c16');
    expect(arr([[{ re: 0, im: 1 }, { re: 0, im: 1 }], [1, 1]]).dtype.str).toBe('<c16');
    expect(arr([[1, 1, 1], [1, { re: 0, im: 1 }, 1.5], [1, 1, 1]]).dtype.str).toBe('<c16');
  });
});
