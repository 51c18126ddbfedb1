// NumPy's own numpy/linalg/tests/test_linalg.py (NumPy 2.4): classes TestSolve,
// TestInv, TestDet, TestMatrixPower, TestCholesky, TestMultiDot and the norm
// classes (_TestNormGeneral, _TestNorm2D over TestNormDouble / TestNormSingle /
// TestNormInt64, TestNorm_NonSystematic), ported test by test: same names, same
// intent, the same values, shapes, dtypes and errors.
//
// Mapping: np.linalg.f -> linalg.f (camelCase); a 0-d array where NumPy returns a
// scalar; the `ArraySubclass` views (no ndarray subclasses here) dropped from the
// 0-size tests, the shapes and dtypes kept; test_linalg's assert_almost_equal
// (decimal 6 for float32/complex64, 12 otherwise) kept as `almost`. The square
// cases of LinalgSquareTestCase / LinalgGeneralizedSquareTestCase (`do` of
// SolveCases, InvCases, DetCases) are ported as their generator's matrices: the
// 'single', 'double', 'csingle', 'cdouble', '0x0', '8x8', 'nonarray' and the
// generalized (stacked, strided) versions of them.
// np.random.random / randn operands -> deterministic LCG values in [0, 1) (the tests
// only check identities such as a @ solve(a, b) == b, never the random values).
//
// Skipped (not counted as passing):
// - TestNorm_NonSystematic.test_longdouble_norm and the clongdouble half of
//   test_complex_high_ord: no longdouble dtype.
// - TestMatrixPower with dtype object ('O'): no object arrays; the float16 ('e')
//   dtype of test_power_is_minus_one is skipped by NumPy itself (dtnoinv).
// - The np.matrix variants (numpy/matrixlib/tests/test_matrix_linalg.py).
import * as lib from '../../lib';
import { AxisError, LinAlgError, ValueError, type NdArray } from '../../lib';
import { multiDotChainOrder } from '../../lib/linalg-chain';
import { arr } from '../helpers/np-port';
import { assertAlmostEqual, assertEqual } from '../helpers/np-assert';

const { linalg } = lib;
const s = lib.slice;

/** test_linalg's assert_almost_equal: decimal 6 for single precision, 12 otherwise. */
function almost(a: NdArray, b: unknown): void {
  const single = a.dtype.str.endsWith('f4') || a.dtype.str.endsWith('c8');
  assertAlmostEqual(a, b, single ? 6 : 12);
}

/** A deterministic stand-in for np.random.random(shape): values in [0, 1) from a 32-bit LCG. */
function ramp(shape: number[], seed = 1): NdArray {
  const n = shape.reduce((x, y) => x * y, 1);
  const v = new Float64Array(n);
  let st = (seed * 2654435761) >>> 0;
  for (let i = 0; i < n; i++) {
    st = (Math.imul(st, 1664525) + 1013904223) >>> 0;
    v[i] = st / 2 ** 32;
  }
  return lib.asarray(v).reshape(shape);
}

/** identity_like_generalized(a). */
function identityLike(a: NdArray): NdArray {
  const r = lib.empty(a.shape, a.dtype);
  r.set(lib.identity(a.shape[a.ndim - 1]));
  return r;
}

/** The square cases of test_linalg.py's generator (name, a, b). */
function squareCases(): [string, NdArray, NdArray][] {
  const single = arr([[1.0, 2.0], [3.0, 4.0]], 'f4');
  const double = arr([[1.0, 2.0], [3.0, 4.0]], 'f8');
  const csingle = arr([[{ re: 1, im: 2 }, { re: 2, im: 3 }], [{ re: 3, im: 4 }, { re: 4, im: 5 }]], 'c8');
  const cdouble = arr([[{ re: 1, im: 2 }, { re: 2, im: 3 }], [{ re: 3, im: 4 }, { re: 4, im: 5 }]], 'c16');
  const cases: [string, NdArray, NdArray][] = [
    ['single', single, arr([2.0, 1.0], 'f4')],
    ['double', double, arr([2.0, 1.0], 'f8')],
    ['double_2', double, arr([[2.0, 1.0, 4.0], [3.0, 4.0, 6.0]], 'f8')],
    ['csingle', csingle, arr([{ re: 2, im: 1 }, { re: 1, im: 2 }], 'c8')],
    ['cdouble', cdouble, arr([{ re: 2, im: 1 }, { re: 1, im: 2 }], 'c16')],
    ['cdouble_2', cdouble, arr([[{ re: 2, im: 1 }, { re: 1, im: 2 }, { re: 1, im: 3 }], [{ re: 1, im: 2 }, { re: 2, im: 1 }, { re: 2, im: 3 }]], 'c16')],
    ['0x0', lib.empty([0, 0], 'f8'), lib.empty([0], 'f8')],
    ['8x8', ramp([8, 8], 3), ramp([8], 4)],
    ['1x1', ramp([1, 1], 5), ramp([1], 6)],
    ['nonarray', arr([[1, 2], [3, 4]]), arr([2, 1])],
  ];
  // _make_generalized_cases: '_tile3' (a * [1, 2, 3]; a 1-d b kept, else b * [1, 7, 6]) and
  // '_tile213' (a repeated to (3, 2) + a.shape; b to (3, 2, M, M) rows of b, or (3, 2) + b.shape);
  // then a strided copy of each '_tile3' (every other item of a wider array: _stride_comb_iter's idea).
  const out: [string, NdArray, NdArray][] = [...cases];
  for (const [name, a, b] of cases) {
    if (name === 'nonarray') continue;
    const f = (v: number[]): NdArray => lib.asarray(v).astype(a.dtype).reshape(3, ...new Array<number>(a.ndim).fill(1));
    const ta = lib.multiply(a, f([1, 2, 3]));
    const tb = b.ndim === 1 ? b : lib.multiply(b, f([1, 7, 6]));
    out.push([`${name}_tile3`, ta, tb]);
    const m = a.shape[a.ndim - 1];
    out.push([`${name}_tile213`, lib.broadcastTo(a, [3, 2, ...a.shape]).copy(), (b.ndim === 1 ? lib.broadcastTo(b, [3, 2, m, m]) : lib.broadcastTo(b, [3, 2, ...b.shape])).copy()]);
    const wide = lib.zeros([...ta.shape.slice(0, -1), ta.shape[ta.ndim - 1] * 2], ta.dtype);
    wide.index(lib.ellipsis, s(null, null, 2)).set(ta);
    out.push([`${name}_tile3_strided`, wide.index(lib.ellipsis, s(null, null, 2)), tb]);
  }
  return out;
}

describe('TestSolve', () => {
  test('SolveCases.do (square and generalized cases)', () => {
    for (const [, a, b] of squareCases()) {
      const x = linalg.solve(a, b);
      if (b.ndim === 1) {
        const adotx = lib.matmul(a, x.index(lib.ellipsis, null)).index(lib.ellipsis, 0);
        almost(adotx, lib.broadcastTo(b, adotx.shape));
      } else {
        almost(lib.matmul(a, x), b);
      }
    }
  });

  test.each(['f4', 'f8', 'c8', 'c16'])('test_types %s', (dt) => {
    const x = arr([[1, 0.5], [0.5, 1]], dt);
    expect(linalg.solve(x, x).dtype.str).toBe(lib.dtype(dt).str);
  });

  test('test_1_d', () => {
    const a = lib.arange(8).reshape(2, 2, 2);
    expect(linalg.solve(a, lib.arange(2)).shape).toEqual([2, 2]);
    expect(linalg.solve(a, lib.arange(4).reshape(2, 2)).shape).toEqual([2, 2, 2]);
    expect(() => linalg.solve(a, lib.arange(2).reshape(1, 2))).toThrow(ValueError);
  });

  test('test_0_size', () => {
    const a = lib.arange(8).reshape(2, 2, 2);
    let b = lib.arange(6).reshape(1, 2, 3);
    let expected = linalg.solve(a, b).index(s(), s(0, 0), s());
    let result = linalg.solve(a.index(s(), s(0, 0), s(0, 0)), b.index(s(), s(0, 0), s()));
    expect(result.shape).toEqual(expected.shape);
    assertEqual(result, expected);
    expect(() => linalg.solve(a.index(s(), s(0, 0), s(0, 1)), b)).toThrow(LinAlgError);
    expect(() => linalg.solve(a, b.index(s(), s(0, 0), s()))).toThrow(ValueError);
    b = lib.arange(6).reshape(1, 3, 2);
    expect(() => linalg.solve(a, b)).toThrow(ValueError);
    expect(() => linalg.solve(a.index(s(0, 0)), b.index(s(0, 0)))).toThrow(ValueError);
    b = lib.arange(2);
    expected = linalg.solve(a, b).index(s(), s(0, 0));
    result = linalg.solve(a.index(s(), s(0, 0), s(0, 0)), b.index(s(0, 0)));
    expect(result.shape).toEqual(expected.shape);
    assertEqual(result, expected);
    b = lib.arange(3).reshape(1, 3);
    expect(() => linalg.solve(a, b)).toThrow(ValueError);
    expect(() => linalg.solve(a.index(s(0, 0)), b.index(s(0, 0)))).toThrow(ValueError);
    expect(() => linalg.solve(a.index(s(), s(0, 0), s(0, 0)), b)).toThrow(ValueError);
  });

  test('test_0_size_k', () => {
    const a = lib.arange(4).reshape(1, 2, 2);
    const b = lib.arange(6).reshape(3, 2, 1);
    let expected = linalg.solve(a, b).index(s(), s(), s(0, 0));
    let result = linalg.solve(a, b.index(s(), s(), s(0, 0)));
    expect(result.shape).toEqual(expected.shape);
    assertEqual(result, expected);
    expected = linalg.solve(a, b).index(s(), s(0, 0), s(0, 0));
    result = linalg.solve(a.index(s(), s(0, 0), s(0, 0)), b.index(s(), s(0, 0), s(0, 0)));
    expect(result.shape).toEqual(expected.shape);
    assertEqual(result, expected);
  });
});

describe('TestInv', () => {
  test('InvCases.do (square and generalized cases)', () => {
    for (const [, a] of squareCases()) {
      const ainv = linalg.inv(a);
      almost(lib.matmul(a, ainv), identityLike(a));
    }
  });

  test.each(['f4', 'f8', 'c8', 'c16'])('test_types %s', (dt) => {
    expect(linalg.inv(arr([[1, 0.5], [0.5, 1]], dt)).dtype.str).toBe(lib.dtype(dt).str);
  });

  test('test_0_size', () => {
    let a: NdArray = lib.zeros([0, 1, 1], 'i8');
    let res = linalg.inv(a);
    expect(res.dtype.str).toBe('<f8');
    expect(res.shape).toEqual(a.shape);
    a = lib.zeros([0, 0], 'c8');
    res = linalg.inv(a);
    expect(res.dtype.str).toBe('<c8');
    expect(res.shape).toEqual(a.shape);
  });
});

describe('TestDet', () => {
  test('DetCases.do: det == sign * exp(logabsdet) == prod(eigvals), |sign| == 1, -inf where sign is 0', () => {
    for (const [, a] of squareCases()) {
      const d = linalg.det(a);
      const { sign, logabsdet } = linalg.slogdet(a);
      almost(lib.asarray(lib.multiply(sign, lib.exp(logabsdet)), d.dtype), d);
      // ev = eigvals(a in double / cdouble); assert_almost_equal(d, multiply.reduce(ev, axis=-1)),
      // single_decimal=5, double_decimal=11 (compared as complex: ev is complex for complex pairs).
      const ev = lib.prod(linalg.eigvals(a.astype(a.dtype.kind === 'c' ? 'c16' : 'f8')), -1).astype('c16');
      const dec = d.dtype.str.endsWith('f4') || d.dtype.str.endsWith('c8') ? 5 : 11;
      assertAlmostEqual(d.astype('c16'), ev, dec);
      assertAlmostEqual(lib.multiply(sign, lib.exp(logabsdet)).astype('c16'), ev, dec);
      const sv = lib.atleast1d(sign).ravel();
      const lv = lib.atleast1d(logabsdet).ravel();
      const m = lib.notEqual(sv, 0);
      assertAlmostEqual(lib.absolute(lib.compress(m, sv)), lib.ones([Number(lib.countNonzero(m).get())]), 6);
      for (const v of lib.compress(lib.logicalNot(m), lv).toArray() as number[]) expect(v).toBe(-Infinity);
    }
    // The values NumPy's eigvals product gives for the 2x2 cases.
    almost(linalg.det(arr([[1, 2], [3, 4]], 'f8')), -2);
    almost(linalg.det(arr([[{ re: 1, im: 2 }, { re: 2, im: 3 }], [{ re: 3, im: 4 }, { re: 4, im: 5 }]], 'c16')), { re: 0, im: -4 });
  });

  test('test_zero', () => {
    const d0 = linalg.det(arr([[0.0]]));
    assertEqual(d0, 0.0);
    expect(d0.dtype.str).toBe('<f8');
    const dc = linalg.det(arr([[{ re: 0, im: 0 }]], 'c16'));
    assertEqual(dc, { re: 0, im: 0 });
    expect(dc.dtype.str).toBe('<c16');
    const r = linalg.slogdet(arr([[0.0]]));
    assertEqual([r.sign, r.logabsdet], [0.0, -Infinity]);
    expect([r.sign.dtype.str, r.logabsdet.dtype.str]).toEqual(['<f8', '<f8']);
    const rc = linalg.slogdet(arr([[{ re: 0, im: 0 }]], 'c16'));
    assertEqual([rc.sign, rc.logabsdet], [{ re: 0, im: 0 }, -Infinity]);
    expect([rc.sign.dtype.str, rc.logabsdet.dtype.str]).toEqual(['<c16', '<f8']);
  });

  test.each([['f4', '<f4'], ['f8', '<f8'], ['c8', '<f4'], ['c16', '<f8']])('test_types %s', (dt, real) => {
    const x = arr([[1, 0.5], [0.5, 1]], dt);
    expect(linalg.det(x).dtype.str).toBe(lib.dtype(dt).str);
    const { sign, logabsdet } = linalg.slogdet(x);
    expect(logabsdet.dtype.str).toBe(real);
    expect(sign.dtype.str).toBe(lib.dtype(dt).str);
  });

  test('test_0_size', () => {
    let a: NdArray = lib.zeros([0, 0], 'c8');
    let res = linalg.det(a);
    assertEqual(res, { re: 1, im: 0 });
    expect(res.dtype.str).toBe('<c8');
    let r = linalg.slogdet(a);
    assertEqual([r.sign, r.logabsdet], [{ re: 1, im: 0 }, 0]);
    expect([r.sign.dtype.str, r.logabsdet.dtype.str]).toEqual(['<c8', '<f4']);
    a = lib.zeros([0, 0], 'f8');
    res = linalg.det(a);
    assertEqual(res, 1);
    expect(res.dtype.str).toBe('<f8');
    r = linalg.slogdet(a);
    assertEqual([r.sign, r.logabsdet], [1, 0]);
    expect([r.sign.dtype.str, r.logabsdet.dtype.str]).toEqual(['<f8', '<f8']);
  });
});

describe('TestMatrixPower', () => {
  const rshft0 = lib.eye(4);
  const rows = (order: number[]): NdArray => lib.take(rshft0, lib.asarray(order), { axis: 0 });
  const rshftAll = [rshft0, rows([3, 0, 1, 2]), rows([2, 3, 0, 1]), rows([1, 2, 3, 0])];
  const stacked = lib.stack([rshft0, rshft0]);
  const noninv = arr([[1, 0], [0, 0]]);
  // NumPy's parametrization: np.typecodes['AllInteger'] + np.typecodes['Float'] + 'FD' (+ 'O', skipped).
  const DTYPES = ['b', 'h', 'i', 'l', 'q', 'B', 'H', 'I', 'L', 'Q', 'e', 'f', 'd', 'F', 'D'];
  const DTNOINV = ['e'];

  test.each(DTYPES)('test_large_power %s', (dt) => {
    const rshft = rshftAll[1].astype(dt);
    const big = 2n ** 100n + 2n ** 10n + 2n ** 5n;
    for (let i = 0; i < 4; i++) assertEqual(linalg.matrixPower(rshft, big + BigInt(i)), rshftAll[i]);
  });

  test.each(DTYPES)('test_power_is_zero %s', (dt) => {
    for (const mat of rshftAll) {
      for (const M of [mat.astype(dt), stacked.astype(dt)]) {
        const mz = linalg.matrixPower(M, 0);
        assertEqual(mz, identityLike(M));
        expect(mz.dtype.str).toBe(M.dtype.str);
      }
    }
  });

  test.each(DTYPES)('test_power_is_one %s', (dt) => {
    for (const mat of rshftAll) {
      for (const M of [mat.astype(dt), stacked.astype(dt)]) {
        const mz = linalg.matrixPower(M, 1);
        assertEqual(mz, M);
        expect(mz.dtype.str).toBe(M.dtype.str);
      }
    }
  });

  test.each(DTYPES)('test_power_is_two %s', (dt) => {
    for (const mat of rshftAll) {
      for (const M of [mat.astype(dt), stacked.astype(dt)]) {
        const mz = linalg.matrixPower(M, 2);
        assertEqual(mz, lib.matmul(M, M));
        expect(mz.dtype.str).toBe(M.dtype.str);
      }
    }
  });

  test.each(DTYPES.filter((d) => !DTNOINV.includes(d)))('test_power_is_minus_one %s', (dt) => {
    for (const mat of rshftAll) {
      const m = mat.astype(dt);
      const invmat = linalg.matrixPower(m, -1);
      almost(lib.matmul(invmat, m), identityLike(m));
    }
  });

  test.each(DTYPES)('test_exceptions_bad_power %s', (dt) => {
    const mat = rshft0.astype(dt);
    expect(() => linalg.matrixPower(mat, 1.5)).toThrow(TypeError);
    expect(() => linalg.matrixPower(mat, [1] as unknown as number)).toThrow(TypeError);
  });

  test.each(DTYPES)('test_exceptions_non_square %s', (dt) => {
    expect(() => linalg.matrixPower(arr([1], dt), 1)).toThrow(LinAlgError);
    expect(() => linalg.matrixPower(arr([[1], [2]], dt), 1)).toThrow(LinAlgError);
    expect(() => linalg.matrixPower(lib.ones([4, 3, 2], dt), 1)).toThrow(LinAlgError);
  });

  test.each(DTYPES.filter((d) => !DTNOINV.includes(d)))('test_exceptions_not_invertible %s', (dt) => {
    expect(() => linalg.matrixPower(noninv.astype(dt), -1)).toThrow(LinAlgError);
  });
});

describe('TestCholesky', () => {
  const shapes = [[1, 1], [2, 2], [3, 3], [50, 50], [3, 10, 10]];
  const cases: [number[], string, boolean][] = [];
  for (const shape of shapes) for (const dt of ['f4', 'f8', 'c8', 'c16']) for (const upper of [false, true]) cases.push([shape, dt, upper]);

  test.each(cases)('test_basic_property %j %s upper=%s', (shape, dt, upper) => {
    let a: NdArray = lib.subtract(ramp(shape, 7), 0.5);
    if (dt.startsWith('c')) a = lib.add(a, lib.multiply(lib.subtract(ramp(shape, 11), 0.5), { re: 0, im: 1 }));
    const t = (x: NdArray): NdArray => lib.conjugate(x.swapaxes(-1, -2));
    a = lib.matmul(t(a), a).astype(dt);
    const c = linalg.cholesky(a, { upper });
    const b = upper ? lib.matmul(t(c), c) : lib.matmul(c, t(c));
    const eps = dt === 'f4' || dt === 'c8' ? 2 ** -23 : 2 ** -52;
    const atol = 500 * a.shape[0] * eps;
    expect(lib.allclose(b, a, { rtol: 1e-7, atol })).toBe(true);
    const d = lib.diagonal(c, 0, -2, -1);
    expect(lib.all(lib.isreal(d)).get()).toBe(true);
    expect(lib.all(lib.greaterEqual(lib.real(d), 0)).get()).toBe(true);
  });

  test('test_0_size', () => {
    let a: NdArray = lib.zeros([0, 1, 1], 'i8');
    let res = linalg.cholesky(a);
    expect(res.shape).toEqual(a.shape);
    expect(res.dtype.str).toBe('<f8');
    a = lib.zeros([1, 0, 0], 'c8');
    res = linalg.cholesky(a);
    expect(res.shape).toEqual(a.shape);
    expect(res.dtype.str).toBe('<c8');
  });

  test('test_upper_lower_arg', () => {
    const a = arr([[{ re: 1, im: 0 }, { re: 0, im: -2 }], [{ re: 0, im: 2 }, { re: 5, im: 0 }]], 'c16');
    assertEqual(linalg.cholesky(a), linalg.cholesky(a, { upper: false }));
    assertEqual(linalg.cholesky(a, { upper: true }), lib.conjugate(linalg.cholesky(a).T));
  });
});

describe('TestMultiDot', () => {
  const A = ramp([6, 2], 1);
  const B = ramp([2, 6], 2);
  const C = ramp([6, 2], 3);
  const D = ramp([2, 1], 4);

  test('test_basic_function_with_three_arguments', () => {
    almost(linalg.multiDot([A, B, C]), lib.dot(lib.dot(A, B), C));
    almost(linalg.multiDot([A, B, C]), lib.dot(A, lib.dot(B, C)));
  });

  test('test_basic_function_with_two_arguments', () => {
    almost(linalg.multiDot([A, B]), lib.dot(A, B));
  });

  test('test_basic_function_with_dynamic_programming_optimization', () => {
    almost(linalg.multiDot([A, B, C, D]), lib.dot(lib.dot(lib.dot(A, B), C), D));
  });

  test('test_vector_as_first_argument', () => {
    expect(linalg.multiDot([ramp([2], 5), B, C, ramp([2, 2], 6)]).shape).toEqual([2]);
  });

  test('test_vector_as_last_argument', () => {
    expect(linalg.multiDot([A, B, C, ramp([2], 7)]).shape).toEqual([6]);
  });

  test('test_vector_as_first_and_last_argument', () => {
    expect(linalg.multiDot([ramp([2], 5), B, C, ramp([2], 7)]).shape).toEqual([]);
  });

  test('test_three_arguments_and_out', () => {
    const out = lib.zeros([6, 2]);
    const ret = linalg.multiDot([A, B, C], { out });
    expect(ret).toBe(out);
    almost(out, lib.dot(lib.dot(A, B), C));
    almost(out, lib.dot(A, lib.dot(B, C)));
  });

  test('test_two_arguments_and_out', () => {
    const out = lib.zeros([6, 6]);
    const ret = linalg.multiDot([A, B], { out });
    expect(ret).toBe(out);
    almost(out, lib.dot(A, B));
  });

  test('test_dynamic_programming_optimization_and_out', () => {
    const out = lib.zeros([6, 1]);
    const ret = linalg.multiDot([A, B, C, D], { out });
    expect(ret).toBe(out);
    almost(out, lib.dot(lib.dot(lib.dot(A, B), C), D));
  });

  test('test_dynamic_programming_logic', () => {
    const mExpected = [
      [0, 15750, 7875, 9375, 11875, 15125],
      [0, 0, 2625, 4375, 7125, 10500],
      [0, 0, 0, 750, 2500, 5375],
      [0, 0, 0, 0, 1000, 3500],
      [0, 0, 0, 0, 0, 5000],
      [0, 0, 0, 0, 0, 0],
    ];
    const sExpected = [
      [0, 1, 1, 3, 3, 3],
      [0, 0, 2, 3, 3, 3],
      [0, 0, 0, 3, 3, 3],
      [0, 0, 0, 0, 4, 5],
      [0, 0, 0, 0, 0, 5],
      [0, 0, 0, 0, 0, 0],
    ].map((r) => r.map((v) => v - 1));
    const { split, cost } = multiDotChainOrder([30, 35, 15, 5, 10, 20, 25]);
    for (let i = 0; i < 5; i++) for (let j = i + 1; j < 6; j++) expect([i, j, split[i][j]]).toEqual([i, j, sExpected[i][j]]);
    for (let i = 0; i < 6; i++) for (let j = i; j < 6; j++) expect([i, j, cost[i][j]]).toEqual([i, j, mExpected[i][j]]);
  });

  test('test_too_few_input_arrays', () => {
    expect(() => linalg.multiDot([])).toThrow(ValueError);
    expect(() => linalg.multiDot([ramp([3, 3])])).toThrow(ValueError);
  });
});

// _TestNormGeneral and _TestNorm2D over the three dtypes (TestNormDouble dec 12,
// TestNormSingle dec 6, TestNormInt64 dec 12).
describe.each([['d', 12], ['f', 6], ['q', 12]] as const)('TestNorm (dtype %s)', (dt, dec) => {
  const norm = linalg.norm;
  const checkDtype = (x: NdArray, res: NdArray): void => {
    if (x.dtype.kind === 'f' || x.dtype.kind === 'c') expect(res.dtype.str).toBe(x.dtype.kind === 'c' ? `<f${x.dtype.itemsize / 2}` : x.dtype.str);
    else expect(res.dtype.kind).toBe('f');
  };

  test('test_empty', () => {
    assertEqual(norm(lib.asarray([])), 0.0);
    assertEqual(norm(lib.zeros([0], dt)), 0.0);
    assertEqual(norm(lib.atleast2d(lib.zeros([0], dt))), 0.0);
  });

  test('test_vector_return_type', () => {
    const a = arr([1, 0, 1]);
    for (const t of ['b', 'h', 'i', 'l', 'q', 'p', 'B', 'H', 'I', 'L', 'Q', 'P', 'e', 'f', 'd', 'F', 'D'].filter((c) => c !== 'p' && c !== 'P')) {
      const at = a.astype(t);
      const check = (an: NdArray, want: number): void => {
        checkDtype(at, an);
        assertAlmostEqual(an, want, 7);
      };
      check(norm(at, { ord: -Infinity }), 0);
      check(norm(at, { ord: -1 }), 0);
      check(norm(at, { ord: 0 }), 2);
      check(norm(at, { ord: 1 }), 2);
      const an2 = norm(at, { ord: 2 });
      check(an2, Number(lib.power(lib.asarray(2, an2.dtype), lib.asarray(1 / 2, an2.dtype)).get()));
      const an4 = norm(at, { ord: 4 });
      check(an4, Number(lib.power(lib.asarray(2, an4.dtype), lib.asarray(1 / 4, an4.dtype)).get()));
      check(norm(at, { ord: Infinity }), 1);
    }
  });

  test('test_vector', () => {
    const vs = [[1, 2, 3, 4], [-1, -2, -3, -4], [-1, 2, -3, 4]];
    const t = (v: NdArray): void => {
      assertAlmostEqual(norm(v), 30 ** 0.5, dec);
      assertAlmostEqual(norm(v, { ord: Infinity }), 4.0, dec);
      assertAlmostEqual(norm(v, { ord: -Infinity }), 1.0, dec);
      assertAlmostEqual(norm(v, { ord: 1 }), 10.0, dec);
      assertAlmostEqual(norm(v, { ord: -1 }), 12.0 / 25, dec);
      assertAlmostEqual(norm(v, { ord: 2 }), 30 ** 0.5, dec);
      assertAlmostEqual(norm(v, { ord: -2 }), (205 / 144) ** -0.5, dec);
      assertAlmostEqual(norm(v, { ord: 0 }), 4, dec);
    };
    for (const v of vs) t(lib.asarray(v));
    for (const v of vs) t(arr(v, dt));
  });

  test('test_axis', () => {
    const A = arr([[1, 2, 3], [4, 5, 6]], dt);
    for (const order of [null, -1, 0, 1, 2, 3, Infinity, -Infinity]) {
      const e0 = [0, 1, 2].map((k) => norm(A.index(s(), k), { ord: order }).get());
      assertAlmostEqual(norm(A, { ord: order, axis: 0 }), e0, 7);
      const e1 = [0, 1].map((k) => norm(A.index(k, s()), { ord: order }).get());
      assertAlmostEqual(norm(A, { ord: order, axis: 1 }), e1, 7);
    }
    const B = lib.arange(1, 25, 1, dt).reshape(2, 3, 4);
    const nd = B.ndim;
    for (const order of [null, -2, 2, -1, 1, Infinity, -Infinity, 'fro'] as const) {
      for (let r = -nd; r < nd; r++) {
        for (let c = r + 1; c < nd; c++) {
          const row = r < 0 ? r + nd : r;
          const col = c < 0 ? c + nd : c;
          if (row === col) {
            expect(() => norm(B, { ord: order, axis: [r, c] })).toThrow(ValueError);
            continue;
          }
          const n = norm(B, { ord: order, axis: [r, c] });
          const k = nd - (row + col);
          const expected = Array.from({ length: B.shape[k] }, (_, i) => {
            const sub = lib.take(B, lib.asarray(i), { axis: k });
            return norm(row < col ? sub : sub.T, { ord: order }).get();
          });
          assertAlmostEqual(n, expected, 7);
        }
      }
    }
  });

  test('test_keepdims', () => {
    const A = lib.arange(1, 25, 1, dt).reshape(2, 3, 4);
    const found0 = norm(A, { keepdims: true });
    expect(found0.shape).toEqual([1, 1, 1]);
    assertAlmostEqual(lib.squeeze(found0), norm(A), 12);
    for (const order of [null, -1, 0, 1, 2, 3, Infinity, -Infinity]) {
      for (let k = 0; k < 3; k++) {
        const found = norm(A, { ord: order, axis: k, keepdims: true });
        const shape = [...A.shape];
        shape[k] = 1;
        expect(found.shape).toEqual(shape);
        assertAlmostEqual(lib.squeeze(found), norm(A, { ord: order, axis: k }), 12);
      }
    }
    for (const order of [null, -2, 2, -1, 1, Infinity, -Infinity, 'fro', 'nuc'] as const) {
      for (const [i, j] of [[0, 1], [0, 2], [1, 0], [1, 2], [2, 0], [2, 1]]) {
        const found = norm(A, { ord: order, axis: [i, j], keepdims: true });
        const shape = [...A.shape];
        shape[i] = 1;
        shape[j] = 1;
        expect(found.shape).toEqual(shape);
        assertAlmostEqual(lib.squeeze(found), norm(A, { ord: order, axis: [i, j] }), 12);
      }
    }
  });

  test('test_matrix_empty', () => {
    assertEqual(norm(lib.zeros([1, 0], dt)), 0.0);
  });

  test('test_matrix_return_type', () => {
    const a = arr([[1, 0, 1], [0, 1, 1]]);
    for (const t of ['b', 'h', 'i', 'l', 'q', 'B', 'H', 'I', 'L', 'Q', 'f', 'd', 'F', 'D']) {
      const at = a.astype(t);
      const check = (an: NdArray, want: number): void => {
        checkDtype(at, an);
        assertAlmostEqual(an, want, 7);
      };
      check(norm(at, { ord: -Infinity }), 2);
      check(norm(at, { ord: -1 }), 1);
      check(norm(at, { ord: 1 }), 2);
      check(norm(at, { ord: 2 }), 3.0 ** (1.0 / 2.0));
      check(norm(at, { ord: -2 }), 1.0);
      check(norm(at, { ord: Infinity }), 2);
      check(norm(at, { ord: 'fro' }), 2);
      // NumPy's lower bar for low-precision floats (off by 1 in the 7th place).
      const nuc = norm(at, { ord: 'nuc' });
      checkDtype(at, nuc);
      assertAlmostEqual(nuc, 2.7320508075688772, 6);
    }
  });

  test('test_matrix_2x2', () => {
    const A = arr([[1, 3], [5, 7]], dt);
    almost(norm(A), 84 ** 0.5);
    almost(norm(A, { ord: 'fro' }), 84 ** 0.5);
    almost(norm(A, { ord: 'nuc' }), 10.0);
    almost(norm(A, { ord: Infinity }), 12);
    almost(norm(A, { ord: -Infinity }), 4);
    almost(norm(A, { ord: 1 }), 10);
    almost(norm(A, { ord: -1 }), 6);
    almost(norm(A, { ord: 2 }), 9.1231056256176615);
    almost(norm(A, { ord: -2 }), 0.87689437438234041);
    expect(() => norm(A, { ord: 'nofro' as never })).toThrow(ValueError);
    expect(() => norm(A, { ord: -3 })).toThrow(ValueError);
    expect(() => norm(A, { ord: 0 })).toThrow(ValueError);
  });

  test('test_matrix_3x3', () => {
    const A = lib.multiply(1 / 10, arr([[1, 2, 3], [6, 0, 5], [3, 2, 1]], dt));
    almost(norm(A), (1 / 10) * 89 ** 0.5);
    almost(norm(A, { ord: 'fro' }), (1 / 10) * 89 ** 0.5);
    almost(norm(A, { ord: 'nuc' }), 1.3366836911774836);
    almost(norm(A, { ord: Infinity }), 1.1);
    almost(norm(A, { ord: -Infinity }), 0.6);
    almost(norm(A, { ord: 1 }), 1.0);
    almost(norm(A, { ord: -1 }), 0.4);
    almost(norm(A, { ord: 2 }), 0.88722940323461277);
    almost(norm(A, { ord: -2 }), 0.19456584790481812);
  });

  test('test_bad_args', () => {
    const A = arr([[1, 2, 3], [4, 5, 6]], dt);
    const B = lib.arange(1, 25, 1, dt).reshape(2, 3, 4);
    expect(() => norm(A, { ord: 'fro', axis: 0 })).toThrow(ValueError);
    expect(() => norm(A, { ord: 'nuc', axis: 0 })).toThrow(ValueError);
    expect(() => norm(lib.asarray([3, 4]), { ord: 'fro' })).toThrow(ValueError);
    expect(() => norm(lib.asarray([3, 4]), { ord: 'nuc' })).toThrow(ValueError);
    expect(() => norm(lib.asarray([3, 4]), { ord: 'test' as never })).toThrow(ValueError);
    for (const order of [0, 3]) {
      expect(() => norm(A, { ord: order })).toThrow(ValueError);
      expect(() => norm(A, { ord: order, axis: [0, 1] })).toThrow(ValueError);
      expect(() => norm(B, { ord: order, axis: [1, 2] })).toThrow(ValueError);
    }
    expect(() => norm(B, { axis: 3 })).toThrow(AxisError);
    expect(() => norm(B, { axis: [2, 3] })).toThrow(AxisError);
    expect(() => norm(B, { axis: [0, 1, 2] })).toThrow(ValueError);
  });
});

describe('TestNorm_NonSystematic', () => {
  test('test_intmin', () => {
    assertAlmostEqual(linalg.norm(arr([-(2 ** 31)], 'i4'), { ord: 3 }), 2 ** 31, 5);
  });

  test('test_complex_high_ord (complex128 and complex64)', () => {
    const d = arr([{ re: 6, im: 7 }, { re: -6, im: 7 }], 'c16');
    const res = 11.615898132184;
    assertAlmostEqual(linalg.norm(d, { ord: 3 }), res, 9);
    assertAlmostEqual(linalg.norm(d.astype('c8'), { ord: 3 }), res, 5);
  });
});
