// NumPy's own numpy/lib/tests/test_function_base.py (NumPy 2.4): classes
// TestPiecewise, TestCov, TestCorrCoef, Test_I0, TestUnwrap, TestTrimZeros and
// TestExtins, ported test by test: same names, same intent, the same values,
// shapes, dtypes and errors.
//
// Mapping: np.piecewise(x, condlist, funclist) -> piecewise(x, condlist,
// funclist) (Python's `x <= 3` on a scalar -> the boolean); np.cov / np.corrcoef
// (m, y, rowvar=, ddof=, fweights=, aweights=, dtype=) -> cov(m, { y, rowvar, ...
// }) / corrcoef(x, { y, rowvar, dtype }); np.i0 -> i0; np.unwrap(p, discont=,
// period=) -> unwrap(p, { discont, period }); np.trim_zeros(filt, trim=, axis=)
// -> trimZeros(filt, { trim, axis }); np.extract / np.place -> extract / place;
// np.mod -> remainder; np.random.rand / default_rng(4321) data -> the suite's seeded generator (the
// tests compare two library results or check an invariant, no NumPy target).
// cov's RuntimeError for weights of the wrong shape is a ValueError here (the
// library has no RuntimeError; lib/cov.ts says so), with NumPy's words.
//
// Skipped (not counted as passing):
// - TestPiecewise.test_subclasses: no ndarray subclasses with __array_wrap__.
// - TestCov.test_cov_dtype, TestCorrCoef.test_corrcoef_dtype: the np.longdouble case (no float128).
// - Test_I0.test_non_array: Python's __array_interface__ / __array_wrap__ protocol.
// - TestTrimZeros: the object-dtype `d` input of test_basic/test_leading_skip/test_trailing_skip/
//   test_all_zero, test_overflow's 2**64 (an object array), test_no_trim (None elements),
//   test_list_to_list (a Python list in, a list out; here an NdArray always comes back).
// - TestExtins.test_place's string-array case (Issue #6974): no unicode dtype here.
import { abs, all, arange, corrcoef, cov, diff, extract, i0, remainder, NdArray, ones, pad, piecewise, place, trimZeros, unwrap, ValueError, variance, zeros, zerosLike } from '../../lib';
import { array as asArray } from '../../lib/array-coerce';
import { rng } from '../helpers/bytes';
import { assertAllclose, assertAlmostEqual, assertEqual } from '../helpers/np-assert';

const arr = (v: unknown, dt?: string): NdArray => asArray(v, dt ?? null);
const c = (re: number, im: number): { re: number; im: number } => ({ re, im });
function rand(n: number, seed: number): NdArray {
  const r = rng(seed);
  return arr(Array.from({ length: n }, () => r()));
}

describe('TestPiecewise', () => {
  test('test_simple', () => {
    assertEqual(piecewise([0, 0], [true, false], [1]), [1, 0]);
    assertEqual(piecewise([0, 0], [[true, false]], [1]), [1, 0]);
    assertEqual(piecewise([0, 0], arr([true, false]), [1]), [1, 0]);
    assertEqual(piecewise([0, 0], arr([1, 0]), [1]), [1, 0]);
    assertEqual(piecewise([0, 0], [arr([1, 0])], [1]), [1, 0]);
    assertEqual(piecewise([0, 0], [[false, true]], [() => -1]), [0, -1]);
    expect(() => piecewise([0, 0], [[false, true]], [])).toThrow(ValueError);
    expect(() => piecewise([0, 0], [[false, true]], [])).toThrow(/1 or 2 functions are expected/);
    expect(() => piecewise([0, 0], [[false, true]], [1, 2, 3])).toThrow(/1 or 2 functions are expected/);
  });

  test('test_two_conditions', () => {
    assertEqual(piecewise([1, 2], [[true, false], [false, true]], [3, 4]), [3, 4]);
  });

  test('test_scalar_domains_three_conditions', () => {
    assertEqual(piecewise(3, [true, false, false], [4, 2, 0]), 4);
  });

  test('test_default', () => {
    assertEqual(piecewise([1, 2], [true, false], [2]), [2, 0]);
    assertEqual(piecewise([1, 2], [true, false], [2, 3]), [2, 3]);
  });

  test('test_0d', () => {
    let x: NdArray | number = arr(3);
    let y = piecewise(x, x.greater(3), [4, 0]);
    expect(y.ndim).toBe(0);
    expect(Number(y.get())).toBe(0);
    x = 5;
    y = piecewise(x, [true, false], [1, 0]);
    expect(y.ndim).toBe(0);
    expect(Number(y.get())).toBe(1);
    y = piecewise(x, [false, false, true], [1, 2, 3]);
    assertEqual(y, 3);
  });

  test('test_0d_comparison', () => {
    let x = 3;
    assertEqual(piecewise(x, [x <= 3, x > 3], [4, 0]), 4);
    x = 4;
    assertEqual(piecewise(x, [x <= 3, x > 3 && x <= 5, x > 5], [1, 2, 3]), 2);
    expect(() => piecewise(x, [x <= 3, x > 3], [1])).toThrow(/2 or 3 functions are expected/);
    expect(() => piecewise(x, [x <= 3, x > 3], [1, 1, 1, 1])).toThrow(/2 or 3 functions are expected/);
  });

  test('test_0d_0d_condition', () => {
    const x = arr(3);
    const cnd = x.greater(3);
    assertEqual(piecewise(x, [cnd], [1, 2]), 2);
  });

  test('test_multidimensional_extrafunc', () => {
    const x = arr([[-2.5, -1.5, -0.5], [0.5, 1.5, 2.5]]);
    const y = piecewise(x, [x.less(0), x.greaterEqual(2)], [-1, 1, 3]);
    assertEqual(y, [[-1, -1, -1], [3, 3, 1]]);
  });
});

describe('TestCorrCoef', () => {
  const A = arr([[0.15391142, 0.18045767, 0.14197213], [0.70461506, 0.96474128, 0.27906989], [0.9297531, 0.32296769, 0.19267156]]);
  const B = arr([[0.10377691, 0.5417086, 0.49807457], [0.82872117, 0.77801674, 0.39226705], [0.9314666, 0.66800209, 0.03538394]]);
  const res1 = [[1.0, 0.9379533, -0.04931983], [0.9379533, 1.0, 0.30007991], [-0.04931983, 0.30007991, 1.0]];
  const res2 = [
    [1.0, 0.9379533, -0.04931983, 0.30151751, 0.66318558, 0.51532523],
    [0.9379533, 1.0, 0.30007991, -0.04781421, 0.88157256, 0.78052386],
    [-0.04931983, 0.30007991, 1.0, -0.96717111, 0.71483595, 0.83053601],
    [0.30151751, -0.04781421, -0.96717111, 1.0, -0.51366032, -0.66173113],
    [0.66318558, 0.88157256, 0.71483595, -0.51366032, 1.0, 0.98317823],
    [0.51532523, 0.78052386, 0.83053601, -0.66173113, 0.98317823, 1.0],
  ];

  test('test_non_array', () => {
    assertAlmostEqual(corrcoef([0, 1, 0], { y: [1, 0, 1] }), [[1, -1], [-1, 1]]);
  });

  test('test_simple', () => {
    const tgt1 = corrcoef(A);
    assertAlmostEqual(tgt1, res1);
    expect(all(abs(tgt1).lessEqual(1.0)).get()).toBe(true);
    const tgt2 = corrcoef(A, { y: B });
    assertAlmostEqual(tgt2, res2);
    expect(all(abs(tgt2).lessEqual(1.0)).get()).toBe(true);
  });

  test('test_complex', () => {
    const x = arr([[c(1, 0), c(2, 0), c(3, 0)], [c(0, 1), c(0, 2), c(0, 3)]], 'c16');
    const res = corrcoef(x);
    assertAllclose(res, [[c(1, 0), c(0, -1)], [c(0, 1), c(1, 0)]]);
    expect(all(abs(res).lessEqual(1.0)).get()).toBe(true);
  });

  test('test_xy', () => {
    const x = arr([[1, 2, 3]]);
    const y = arr([[c(0, 1), c(0, 2), c(0, 3)]], 'c16');
    assertAllclose(corrcoef(x, { y }), [[c(1, 0), c(0, -1)], [c(0, 1), c(1, 0)]]);
  });

  test('test_empty', () => {
    assertEqual(corrcoef(arr([], 'f8')), NaN);
    const r = corrcoef(arr([], 'f8').reshape(0, 2));
    expect(r.shape).toEqual([0, 0]);
    assertEqual(corrcoef(arr([], 'f8').reshape(2, 0)), [[NaN, NaN], [NaN, NaN]]);
  });

  test('test_extreme', () => {
    const x = [[1e-100, 1e100], [1e100, 1e-100]];
    const cc = corrcoef(x);
    assertAlmostEqual(cc, [[1, -1], [-1, 1]], 6);
    expect(all(abs(cc).lessEqual(1.0)).get()).toBe(true);
  });

  test.each(['f2', 'f4', 'f8'])('test_corrcoef_dtype(%s)', (dt) => {
    const res = corrcoef(A.astype(dt), { dtype: dt });
    expect(res.dtype.str).toBe(`<${dt}`);
  });
});

describe('TestCov', () => {
  const x1 = arr([[0, 2], [1, 1], [2, 0]]).T;
  const res1 = [[1, -1], [-1, 1]];
  const x2 = arr([[0.0, 1.0, 2.0]]);
  const frequencies = arr([1, 4, 1]);
  const x2Repeats = arr([[0.0], [1.0], [1.0], [1.0], [1.0], [2.0]]).T;
  const res2 = [[0.4, -0.4], [-0.4, 0.4]];
  const unitFrequencies = ones([3], 'i8');
  const weights = arr([1.0, 4.0, 1.0]);
  const res3 = [[2 / 3, -2 / 3], [-2 / 3, 2 / 3]];
  const unitWeights = ones([3]);
  const x3 = arr([0.3942, 0.5969, 0.7730, 0.9918, 0.7964]);
  const cplx = [[c(1, 0), c(0, -1)], [c(0, 1), c(1, 0)]];

  test('test_basic', () => {
    assertAllclose(cov(x1), res1);
  });

  test('test_complex', () => {
    const x = arr([[c(1, 0), c(2, 0), c(3, 0)], [c(0, 1), c(0, 2), c(0, 3)]], 'c16');
    assertAllclose(cov(x), cplx);
    assertAllclose(cov(x, { aweights: ones([3]) }), cplx);
  });

  test('test_xy', () => {
    const x = arr([[1, 2, 3]]);
    const y = arr([[c(0, 1), c(0, 2), c(0, 3)]], 'c16');
    assertAllclose(cov(x, { y }), cplx);
  });

  test('test_empty', () => {
    assertEqual(cov(arr([], 'f8')), NaN);
    expect(cov(arr([], 'f8').reshape(0, 2)).shape).toEqual([0, 0]);
    assertEqual(cov(arr([], 'f8').reshape(2, 0)), [[NaN, NaN], [NaN, NaN]]);
  });

  test('test_wrong_ddof', () => {
    assertEqual(cov(x1, { ddof: 5 }), [[Infinity, -Infinity], [-Infinity, Infinity]]);
  });

  test('test_1D_rowvar', () => {
    assertAllclose(cov(x3), cov(x3, { rowvar: false }));
    const y = arr([0.0780, 0.3107, 0.2111, 0.0334, 0.8501]);
    assertAllclose(cov(x3, { y }), cov(x3, { y, rowvar: false }));
  });

  test('test_1D_variance', () => {
    assertAllclose(cov(x3, { ddof: 1 }), variance(x3, { ddof: 1 }));
  });

  test('test_fweights', () => {
    assertAllclose(cov(x2, { fweights: frequencies }), cov(x2Repeats));
    assertAllclose(cov(x1, { fweights: frequencies }), res2);
    assertAllclose(cov(x1, { fweights: unitFrequencies }), res1);
    const nonint = frequencies.add(0.5);
    expect(() => cov(x1, { fweights: nonint })).toThrow(TypeError);
    expect(() => cov(x1, { fweights: ones([2, 3], 'i8') })).toThrow(ValueError);
    expect(() => cov(x1, { fweights: ones([2], 'i8') })).toThrow(ValueError);
    expect(() => cov(x1, { fweights: ones([3], 'i8').multiply(-1) })).toThrow(ValueError);
  });

  test('test_aweights', () => {
    assertAllclose(cov(x1, { aweights: weights }), res3);
    assertAllclose(cov(x1, { aweights: weights.multiply(3.0) }), cov(x1, { aweights: weights }));
    assertAllclose(cov(x1, { aweights: unitWeights }), res1);
    expect(() => cov(x1, { aweights: ones([2, 3]) })).toThrow(ValueError);
    expect(() => cov(x1, { aweights: ones([2]) })).toThrow(ValueError);
    expect(() => cov(x1, { aweights: ones([3]).multiply(-1.0) })).toThrow(ValueError);
  });

  test('test_unit_fweights_and_aweights', () => {
    assertAllclose(cov(x2, { fweights: frequencies, aweights: unitWeights }), cov(x2Repeats));
    assertAllclose(cov(x1, { fweights: frequencies, aweights: unitWeights }), res2);
    assertAllclose(cov(x1, { fweights: unitFrequencies, aweights: unitWeights }), res1);
    assertAllclose(cov(x1, { fweights: unitFrequencies, aweights: weights }), res3);
    assertAllclose(cov(x1, { fweights: unitFrequencies, aweights: weights.multiply(3.0) }), cov(x1, { aweights: weights }));
    assertAllclose(cov(x1, { fweights: unitFrequencies, aweights: unitWeights }), res1);
  });

  test.each(['f2', 'f4', 'f8'])('test_cov_dtype(%s)', (dt) => {
    const res = cov(x1.astype(dt), { dtype: dt });
    expect(res.dtype.str).toBe(`<${dt}`);
  });

  test('test_gh_27658', () => {
    const x = ones([3, 1]);
    const expected = cov(x, { ddof: 0, rowvar: true });
    const actual = cov(x.T, { ddof: 0, rowvar: false });
    // strict=True: same shape and dtype too
    expect(actual.shape).toEqual(expected.shape);
    expect(actual.dtype.str).toBe(expected.dtype.str);
    assertAllclose(actual, expected);
  });
});

describe('Test_I0', () => {
  test('test_simple', () => {
    assertAlmostEqual(i0(0.5), 1.0634833707413234);
    const A = arr([0.49842636, 0.6969809, 0.22011976, 0.0155549, 10.0]);
    const expected = [1.06307822, 1.12518299, 1.01214991, 1.00006049, 2815.71662847];
    assertAlmostEqual(i0(A), expected);
    assertAlmostEqual(i0(A.negative()), expected);
    const B = arr([[0.827002, 0.99959078], [0.89694769, 0.39298162], [0.37954418, 0.05206293], [0.36465447, 0.72446427], [0.48164949, 0.50324519]]);
    assertAlmostEqual(i0(B), [[1.17843223, 1.26583466], [1.21147086, 1.03898290], [1.03633899, 1.00067775], [1.03352052, 1.13557954], [1.05884290, 1.06432317]]);
    // Regression test for gh-11205
    const i00 = i0([0.0]);
    expect(i00.shape).toEqual([1]);
    assertEqual(i0([0.0]), [1.0]);
  });

  test('test_complex', () => {
    const a = arr([c(0, 0), c(1, 2)], 'c16');
    expect(() => i0(a)).toThrow(TypeError);
    expect(() => i0(a)).toThrow('i0 not supported for complex values');
  });
});

describe('TestUnwrap', () => {
  test('test_simple', () => {
    assertEqual(unwrap([1, 1 + 2 * Math.PI]), [1, 1]);
    expect(all(diff(unwrap(rand(10, 3).multiply(100))).less(Math.PI)).get()).toBe(true);
  });

  test('test_period', () => {
    assertEqual(unwrap([1, 1 + 256], { period: 255 }), [1, 2]);
    expect(all(diff(unwrap(rand(10, 4).multiply(1000), { period: 255 })).less(255)).get()).toBe(true);
    const simpleSeq = arr([0, 75, 150, 225, 300]);
    const wrapSeq = remainder(simpleSeq, 255);
    assertEqual(unwrap(wrapSeq, { period: 255 }), simpleSeq);
    const unevenSeq = arr([0, 75, 150, 225, 300, 430]);
    const wrapUneven = remainder(unevenSeq, 250);
    assertEqual(unwrap(wrapUneven, { period: 250 }), [0, 75, 150, 225, 300, 180]);
    const smDiscont = unwrap(wrapUneven, { period: 250, discont: 140 });
    assertEqual(smDiscont, [0, 75, 150, 225, 300, 430]);
    expect(smDiscont.dtype.str).toBe(wrapUneven.dtype.str);
  });
});

describe('TestTrimZeros', () => {
  const a = arr([0, 0, 1, 0, 2, 3, 4, 0]);
  const inputs = (): NdArray[] => [a, a.astype('f8'), a.astype('c16')];

  test('test_basic', () => {
    for (const x of inputs()) assertEqual(trimZeros(x), x.index('2:-1'));
  });

  test('test_leading_skip', () => {
    for (const x of inputs()) assertEqual(trimZeros(x, { trim: 'b' }), x.index(':-1'));
  });

  test('test_trailing_skip', () => {
    for (const x of inputs()) assertEqual(trimZeros(x, { trim: 'F' }), x.index('2:'));
  });

  test('test_all_zero', () => {
    for (const x0 of inputs()) {
      const x = zerosLike(x0);
      expect(trimZeros(x, { trim: 'B' }).shape[0]).toBe(0);
      expect(trimZeros(x, { trim: 'f' }).shape[0]).toBe(0);
    }
  });

  test('test_size_zero', () => {
    const x = zeros([0]);
    const res = trimZeros(x);
    expect(res.shape).toEqual([0]);
  });

  test.each([[2n ** 62n, 'i8'], [2n ** 63n, 'u8']] as const)('test_overflow(%s)', (big, dt) => {
    const x = arr([0n, big, 0n], dt);
    assertEqual(trimZeros(x), x.index('1:2'));
    expect(trimZeros(x).toArray()).toEqual([big]);
  });

  test.each([0, 1, 2, 3, 10])('test_nd_basic(ndim=%i)', (ndim) => {
    const x = ones(new Array<number>(ndim).fill(2));
    const b = pad(x, [2, 1], { mode: 'constant', constantValues: 0 });
    const res = trimZeros(b, { axis: null });
    expect(res.shape).toEqual(x.shape);
    assertEqual(res, x);
  });

  test.each([0, 1, 2, 3])('test_allzero(ndim=%i)', (ndim) => {
    const x = zeros(new Array<number>(ndim).fill(3));
    const res = trimZeros(x, { axis: null });
    expect(res.shape).toEqual(new Array<number>(ndim).fill(0));
  });

  test('test_trim_arg', () => {
    const x = arr([0, 1, 2, 0]);
    assertEqual(trimZeros(x, { trim: 'f' }), [1, 2, 0]);
    assertEqual(trimZeros(x, { trim: 'b' }), [0, 1, 2]);
  });

  test.each(['front', ''])('test_unexpected_trim_value(%j)', (trim) => {
    expect(() => trimZeros(a, { trim })).toThrow(ValueError);
    expect(() => trimZeros(a, { trim })).toThrow(/unexpected character\(s\) in `trim`/);
  });

  const cases: [number[], number | number[] | null][] = [
    [[5], null], [[5], []], [[5], 0],
    [[5, 6], null], [[5, 6], []], [[5, 6], 0], [[5, 6], [-1]],
    [[5, 6, 7], null], [[5, 6, 7], []], [[5, 6, 7], 1], [[5, 6, 7], [0, 2]],
    [[5, 6, 7, 8], null], [[5, 6, 7, 8], []], [[5, 6, 7, 8], -2], [[5, 6, 7, 8], [0, 1, 3]],
  ];
  const all3 = cases.flatMap(([s, ax]) => ['fb', 'f', 'b'].map((t) => [s, ax, t] as const));
  test.each(all3)('test_multiple_axes(%j, %j, %s)', (shape, axis, trim) => {
    // construct_input_output: a random interior box of non-zeros in a zero array
    const r = rng(4321 + shape.length * 7 + (typeof axis === 'number' ? axis : 0));
    const int = (lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo));
    const axes = axis === null ? shape.map((_, i) => i) : typeof axis === 'number' ? [axis < 0 ? shape.length + axis : axis] : axis.map((ax) => (ax < 0 ? shape.length + ax : ax));
    const iStart = shape.map((n) => int(0, n - 1));
    const iEnd = shape.map((n, i) => int(iStart[i] + 1, n));
    const data = zeros(shape);
    const box = data.index(iStart.map((s, i) => `${s}:${iEnd[i]}`).join(','));
    box.set(ones(box.shape).add(rand(box.size, 99).reshape(box.shape)));
    const idx = shape.map((_, ax) => {
      if (!axes.includes(ax)) return ':';
      const s = trim.includes('f') ? String(iStart[ax]) : '';
      const e = trim.includes('b') ? String(iEnd[ax]) : '';
      return `${s}:${e}`;
    });
    const expected = data.index(idx.join(','));
    const got = trimZeros(data, { axis, trim });
    expect(got.shape).toEqual(expected.shape);
    assertEqual(got, expected);
  });
});

describe('TestExtins', () => {
  test('test_basic', () => {
    const x = arr([1, 3, 2, 1, 2, 3, 3]);
    assertEqual(extract(x.greater(1), x), [3, 2, 2, 3, 3]);
  });

  test('test_place', () => {
    expect(() => place([1, 2, 3] as never, [true, false], [0, 1])).toThrow(TypeError);
    const x = arr([1, 4, 3, 2, 5, 8, 7]);
    place(x, [0, 1, 0, 1, 0, 1, 0], [2, 4, 6]);
    assertEqual(x, [1, 2, 3, 4, 5, 6, 7]);
    place(x, zeros([7]), []);
    assertEqual(x, arange(1, 8));
    place(x, [1, 0, 1, 0, 1, 0, 1], [8, 9]);
    assertEqual(x, [8, 2, 9, 4, 8, 6, 9]);
    expect(() => place(x, [0, 0, 0, 0, 0, 1, 0], [])).toThrow(ValueError);
    expect(() => place(x, [0, 0, 0, 0, 0, 1, 0], [])).toThrow(/Cannot insert from an empty array/);
  });

  test('test_both', () => {
    const x = rand(10, 11);
    const mask = x.greater(0.5);
    const ac = x.copy();
    const cc = extract(mask, x);
    place(x, mask, 0);
    place(x, mask, cc);
    assertEqual(x, ac);
  });
});
