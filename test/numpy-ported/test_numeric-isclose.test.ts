// NumPy's own numpy/_core/tests/test_numeric.py (NumPy 2.4), classes
// TestIsclose and TestAllclose: the tests test/isclose.test.ts does not carry
// (it has test_ip_allclose, test_ip_not_allclose, test_no_parameter_modification
// and test_min_int of TestAllclose), ported test by test: same names, same
// intent, the same values and errors.
//
// Mapping: np.isclose/np.allclose -> isclose/allclose (keywords as options,
// equal_nan -> equalNan); a list tolerance (rtol=[...]) -> an array of it; a
// NumPy float scalar (np.float32(0), np.float64(x)) -> a 0-d array of that
// dtype (strong, as NumPy's scalars are); a Python float or int -> a JS
// number (weak, NEP 50). isclose of two scalars is NumPy's np.bool_ scalar, a
// 0-d bool array here (the README: NumPy scalars have no JS counterpart).
//
// Ported to a documented difference:
// - test_tol_warnings: NumPy warns "One of rtol or atol is not valid" (a
//   RuntimeWarning) for a NaN or infinite tolerance; nothing is printed here
//   (README, "where JavaScript differs": no RuntimeWarnings). The results are
//   compared with NumPy's at run time instead.
//
// Left out, not counted as passing:
// - test_timedelta: no timedelta64 dtype here.
// - test_masked_arrays: no np.ma here.
import { add, all, allclose, any, arange, asarray, equal, greater, isclose, multiply, NdArray, ValueError } from '../../lib';
import { describeWithNumpy, runNumpy } from '../helpers/numpy';
import { vals } from '../helpers/np-array';

const rtol = 1e-5;
const atol = 1e-8;
/** Python's bool() of a 0-d result (NumPy's `assert np.isclose(...)`). */
const truth = (a: NdArray): boolean => a.toArray() as boolean;

describe('TestAllclose', () => {
  test('test_equalnan', () => {
    const x = asarray([1.0, NaN]);
    expect(allclose(x, x, { equalNan: true })).toBe(true);
  });

  test('test_return_class_is_ndarray', () => {
    // gh-6475: allclose gives a plain bool, never an array (subclass or not).
    const a = asarray([1]);
    expect(typeof allclose(a, a)).toBe('boolean');
  });
});

describe('TestIsclose', () => {
  type Pair = [unknown, unknown];
  const arr = asarray([100, 1000]);
  const aran = arange(125).reshape(5, 5, 5);
  const allCloseTests: Pair[] = [
    [[1, 0], [1, 0]],
    [[atol], [0]],
    [[1], [1 + rtol + atol]],
    [arr, add(arr, multiply(arr, rtol))],
    [arr, add(add(arr, multiply(arr, rtol)), atol)],
    [aran, add(aran, multiply(aran, rtol))],
    [Infinity, Infinity],
    [Infinity, [Infinity]],
    [[Infinity, -Infinity], [Infinity, -Infinity]],
  ];
  const noneCloseTests: Pair[] = [
    [[Infinity, 0], [1, Infinity]],
    [[Infinity, -Infinity], [1, 0]],
    [[Infinity, Infinity], [1, -Infinity]],
    [[Infinity, Infinity], [1, 0]],
    [[NaN, 0], [NaN, -Infinity]],
    [[atol * 2], [0]],
    [[1], [1 + rtol + atol * 2]],
    [aran, add(add(aran, multiply(rtol * 1.1, aran)), atol * 1.1)],
    [asarray([Infinity, 1]), asarray([0, Infinity])],
  ];
  const someCloseTests: Pair[] = [
    [[Infinity, 0], [Infinity, atol * 2]],
    [[atol, 1, 1e6 * (1 + 2 * rtol) + atol], [0, NaN, 1e6]],
    [arange(3), [0, 1, 2.1]],
    [NaN, [NaN, NaN, NaN]],
    [[0], [atol, Infinity, -Infinity, NaN]],
    [0, [atol, Infinity, -Infinity, NaN]],
  ];
  const someCloseResults = [
    [true, false],
    [true, false, false],
    [true, true, false],
    [false, false, false],
    [true, false, false, false],
    [true, false, false, false],
  ];
  const close = (x: unknown, y: unknown): NdArray => isclose(x as never, y as never);

  test('test_ip_isclose', () => {
    someCloseTests.forEach(([x, y], i) => expect(vals(close(x, y))).toEqual(someCloseResults[i]));

    const x = asarray([2.1, 2.1, 2.1, 2.1, 5, NaN]);
    const y = asarray([2, 2, 2, 2, NaN, 5]);
    const atolA = asarray([0.11, 0.09, 1e-8, 1e-8, 1, 1]);
    const rtolA = asarray([1e-8, 1e-8, 0.06, 0.04, 1, 1]);
    expect(vals(isclose(x, y, { rtol: rtolA, atol: atolA }))).toEqual([true, false, true, false, false, false]);

    expect(() => isclose(x, y, { atol: asarray([1e-8, 1e-8]) })).toThrow(ValueError);
    expect(() => isclose(x, y, { atol: asarray([1e-8, 1e-8]) })).toThrow(/operands could not be broadcast together/);
    expect(() => isclose(x, y, { rtol: asarray([1e-5, 1e-5]) })).toThrow(ValueError);
  });

  test('test_nep50_isclose', () => {
    const belowOne = 1 - Number.EPSILON;
    const f32 = asarray(belowOne, 'f4'); // This is just 1 at float32 precision
    expect(truth(greater(f32, asarray(belowOne)))).toBe(true);
    // NEP 50 broadcasting of python scalars
    expect(truth(equal(f32, belowOne))).toBe(true);
    // isclose's arguments too (and those fail with a NumPy float64).
    expect(truth(isclose(f32, belowOne, { atol: 0, rtol: 0 }))).toBe(true);
    expect(truth(isclose(f32, asarray(0, 'f4'), { atol: belowOne }))).toBe(true);
    expect(truth(isclose(f32, 2, { atol: 0, rtol: belowOne / 2 }))).toBe(true);
    expect(truth(isclose(f32, asarray(belowOne, 'f8'), { atol: 0, rtol: 0 }))).toBe(false);
    expect(truth(isclose(f32, asarray(0, 'f4'), { atol: asarray(belowOne, 'f8') }))).toBe(false);
    expect(truth(isclose(f32, 2, { atol: 0, rtol: asarray(belowOne / 2, 'f8') }))).toBe(false);
  });

  test('test_ip_all_isclose', () => {
    for (const [x, y] of allCloseTests) expect([x, y, truth(all(close(x, y)))]).toEqual([x, y, true]);

    const x = asarray([2.3, 3.6, 4.4, NaN]);
    const y = asarray([2, 3, 4, NaN]);
    const atolA = asarray([0.31, 0, 0, 1]);
    const rtolA = asarray([0, 0.21, 0.11, 1]);
    expect(allclose(x, y, { atol: atolA, rtol: rtolA, equalNan: true })).toBe(true);
    expect(allclose(x, y, { atol: 0.1, rtol: 0.1, equalNan: true })).toBe(false);

    // gh-14330
    expect(allclose([1, 2, NaN], [1, 2, NaN], { atol: asarray([1, 1, 1]), equalNan: true })).toBe(true);
  });

  test('test_ip_none_isclose', () => {
    for (const [x, y] of noneCloseTests) expect([x, y, truth(any(close(x, y)))]).toEqual([x, y, false]);
  });

  test('test_ip_isclose_allclose', () => {
    for (const [x, y] of [...allCloseTests, ...noneCloseTests, ...someCloseTests]) {
      // np.isscalar(x) and np.isscalar(y): isclose(x, y) == allclose(x, y); else isclose(x, y).all().
      const got = typeof x === 'number' && typeof y === 'number' ? truth(close(x, y)) : truth(all(close(x, y)));
      expect(got).toBe(allclose(x as never, y as never));
    }
  });

  test('test_equal_nan', () => {
    expect(vals(isclose(NaN, NaN, { equalNan: true }))).toBe(true);
    const a = asarray([1.0, NaN]);
    expect(vals(isclose(a, a, { equalNan: true }))).toEqual([true, true]);
  });

  test('test_scalar_return', () => {
    // np.isscalar(np.isclose(1, 1)): a 0-d result here (NumPy's scalar).
    const r = isclose(1, 1);
    expect(r.ndim).toBe(0);
    expect(r.toArray()).toBe(true);
  });

  test('test_no_parameter_modification', () => {
    const x = asarray([Infinity, 1]);
    const y = asarray([0, Infinity]);
    isclose(x, y);
    expect(vals(x)).toEqual([Infinity, 1]);
    expect(vals(y)).toEqual([0, Infinity]);
  });

  test('test_non_finite_scalar', () => {
    // GH7014: two scalars give a scalar (0-d here), np.False_ of dtype bool.
    const a = isclose(Infinity, -Infinity);
    expect([a.ndim, a.toArray()]).toEqual([0, false]);
    const b = isclose(0, Infinity);
    expect([b.ndim, b.toArray(), b.dtype.name]).toEqual([0, false, 'bool']);
  });
});

describeWithNumpy('TestIsclose against NumPy at run time', () => {
  test('test_tol_warnings (results; NumPy also warns, see the header)', () => {
    const b = [Infinity, NaN, 1];
    const want = runNumpy<boolean[][][]>(`
import warnings
warnings.simplefilter('ignore')
a = np.array([1, 2, 3]); b = np.array([np.inf, np.nan, 1])
out = []
for i in b:
    row = []
    for j in b:
        row.append(np.isclose(a, a, atol=i, rtol=j).tolist())
    out.append(row)
print(json.dumps(out))`);
    const a = asarray([1, 2, 3]);
    const got = b.map((i) => b.map((j) => vals(isclose(a, a, { atol: asarray(i, 'f8'), rtol: asarray(j, 'f8') }))));
    expect(got).toEqual(want);
  });

  test('a Python int b meets each dtype of a as NumPy float(b) does (test_nep50_isclose, widened)', () => {
    // float32/float16 a against an int b: NumPy compares in a's precision (b is a weak float).
    const cases: [string, number, number, number][] = [
      ['f4', 1 - Number.EPSILON, 2, (1 - Number.EPSILON) / 2],
      ['f2', 1000.3, 1000, 0],
      ['f4', 16777217, 16777216, 0],
      ['i8', 7, 7, 0],
      ['u1', 255, 254, 0.004],
      ['?', 1, 1, 0],
    ];
    const want = runNumpy<boolean[]>(`
cases = json.loads(sys.stdin.read())
print(json.dumps([bool(np.isclose(np.array(x, dtype=dt), int(y), atol=0, rtol=r)) for dt, x, y, r in cases]))`, JSON.stringify(cases));
    const got = cases.map(([dt, x, y, r]) => truth(isclose(asarray(dt === '?' ? Boolean(x) : x, dt), y, { atol: 0, rtol: r })));
    expect(got).toEqual(want);
  });
});
