// NumPy's own numpy/lib/tests/test_function_base.py (NumPy 2.4): class
// TestInterp, ported test by test: same names, same intent, the same values,
// dtypes and errors.
//
// Mapping: np.interp(x, xp, fp, left=, right=, period=) -> interp(x, xp, fp,
// { left, right, period }) (a 0-d float64 array where NumPy returns a float64
// scalar); the `sc` fixture's _make_complex(real, imag) -> a complex128 array
// whose real and imaginary parts are set separately (so NaN/inf stay where they
// are); assert_equal / assert_almost_equal -> test/helpers/np-assert.ts (NaN
// equal to NaN, as numpy.testing).
//
// Skipped (not counted as passing): none; np.float32(.3) in
// test_scalar_interpolation_point is a 0-d float32 array.
import { arange, interp, linspace, NdArray, sin, ValueError, zeros } from '../../lib';
import { array as asArray } from '../../lib/array-coerce';
import { assertAlmostEqual, assertEqual } from '../helpers/np-assert';

const arr = (v: unknown, dt?: string): NdArray => asArray(v, dt ?? null);
/** NumPy's _make_complex(real, imag): real + 1j * imag without multiplying non-finite values. */
function makeComplex(re: number | number[], im: number | number[]): NdArray {
  const r = arr(re, 'f8');
  const i = arr(im, 'f8');
  const shape = r.ndim >= i.ndim ? r.shape : i.shape;
  const ret = zeros(shape, 'c16');
  ret.real.set(r);
  ret.imag.set(i);
  return ret;
}
type Sc = (x: number | number[]) => NdArray;
const SC: [string, Sc][] = [
  ['real', (x) => arr(x, 'f8')],
  ['complex-real', (x) => makeComplex(x, 0)],
  ['complex-imag', (x) => makeComplex(0, x)],
  ['complex-both', (x) => makeComplex(x, Array.isArray(x) ? x.map((v) => v * -2) : x * -2)],
];
const inf = Infinity;
const nan = NaN;

describe('TestInterp', () => {
  test('test_exceptions', () => {
    expect(() => interp(0, [], [])).toThrow(ValueError);
    expect(() => interp(0, [0], [1, 2])).toThrow(ValueError);
    expect(() => interp(0, [0, 1], [1, 2], { period: 0 })).toThrow(ValueError);
    expect(() => interp(0, [], [], { period: 360 })).toThrow(ValueError);
    expect(() => interp(0, [0], [1, 2], { period: 360 })).toThrow(ValueError);
  });

  test('test_basic', () => {
    const x = linspace(0, 1, 5);
    const y = linspace(0, 1, 5);
    const x0 = linspace(0, 1, 50);
    assertAlmostEqual(interp(x0, x, y), x0);
  });

  test('test_right_left_behavior', () => {
    for (let size = 1; size < 10; size++) {
      const xp = arange(size, 'f8');
      const yp = zeros([size], 'f8').add(1);
      const incpts = arr([-1, 0, size - 1, size], 'f8');
      const decpts = incpts.index('::-1');
      const check = (o: { left?: number; right?: number }, inctgt: number[]): void => {
        assertEqual(interp(incpts, xp, yp, o), inctgt);
        assertEqual(interp(decpts, xp, yp, o), [...inctgt].reverse());
      };
      check({}, [1, 1, 1, 1]);
      check({ left: 0 }, [0, 1, 1, 1]);
      check({ right: 2 }, [1, 1, 1, 2]);
      check({ left: 0, right: 2 }, [0, 1, 1, 2]);
    }
  });

  test('test_scalar_interpolation_point', () => {
    const x = linspace(0, 1, 5);
    const y = linspace(0, 1, 5);
    assertAlmostEqual(interp(0, x, y), 0);
    assertAlmostEqual(interp(0.3, x, y), 0.3);
    const f32 = arr(0.3, 'f4');
    assertAlmostEqual(interp(f32, x, y), f32);
    assertAlmostEqual(interp(arr(0.3, 'f8'), x, y), 0.3);
    assertAlmostEqual(interp(nan, x, y), nan);
  });

  test('test_non_finite_behavior_exact_x', () => {
    const x = [1, 2, 2.5, 3, 4];
    const xp = [1, 2, 3, 4];
    assertAlmostEqual(interp(x, xp, [1, 2, inf, 4]), [1, 2, inf, inf, 4]);
    assertAlmostEqual(interp(x, xp, [1, 2, nan, 4]), [1, 2, nan, nan, 4]);
  });

  describe.each(SC)('sc=%s', (_id, sc) => {
    test('test_non_finite_any_nan', () => {
      assertEqual(interp(0.5, [nan, 1], sc([0, 10])), sc(nan));
      assertEqual(interp(0.5, [0, nan], sc([0, 10])), sc(nan));
      assertEqual(interp(0.5, [0, 1], sc([nan, 10])), sc(nan));
      assertEqual(interp(0.5, [0, 1], sc([0, nan])), sc(nan));
    });

    test('test_non_finite_inf', () => {
      assertEqual(interp(0.5, [-inf, +inf], sc([0, 10])), sc(nan));
      assertEqual(interp(0.5, [0, 1], sc([-inf, +inf])), sc(nan));
      assertEqual(interp(0.5, [0, 1], sc([+inf, -inf])), sc(nan));
      assertEqual(interp(0.5, [-inf, +inf], sc([10, 10])), sc(10));
    });

    test('test_non_finite_half_inf_xf', () => {
      assertEqual(interp(0.5, [-inf, 1], sc([-inf, 10])), sc(nan));
      assertEqual(interp(0.5, [-inf, 1], sc([+inf, 10])), sc(nan));
      assertEqual(interp(0.5, [-inf, 1], sc([0, -inf])), sc(nan));
      assertEqual(interp(0.5, [-inf, 1], sc([0, +inf])), sc(nan));
      assertEqual(interp(0.5, [0, +inf], sc([-inf, 10])), sc(nan));
      assertEqual(interp(0.5, [0, +inf], sc([+inf, 10])), sc(nan));
      assertEqual(interp(0.5, [0, +inf], sc([0, -inf])), sc(nan));
      assertEqual(interp(0.5, [0, +inf], sc([0, +inf])), sc(nan));
    });

    test('test_non_finite_half_inf_x', () => {
      assertEqual(interp(0.5, [-inf, -inf], sc([0, 10])), sc(10));
      assertEqual(interp(0.5, [-inf, 1], sc([0, 10])), sc(10));
      assertEqual(interp(0.5, [0, +inf], sc([0, 10])), sc(0));
      assertEqual(interp(0.5, [+inf, +inf], sc([0, 10])), sc(0));
    });

    test('test_non_finite_half_inf_f', () => {
      assertEqual(interp(0.5, [0, 1], sc([0, -inf])), sc(-inf));
      assertEqual(interp(0.5, [0, 1], sc([0, +inf])), sc(+inf));
      assertEqual(interp(0.5, [0, 1], sc([-inf, 10])), sc(-inf));
      assertEqual(interp(0.5, [0, 1], sc([+inf, 10])), sc(+inf));
      assertEqual(interp(0.5, [0, 1], sc([-inf, -inf])), sc(-inf));
      assertEqual(interp(0.5, [0, 1], sc([+inf, +inf])), sc(+inf));
    });
  });

  test('test_complex_interp', () => {
    let x: unknown = linspace(0, 1, 5);
    let y: unknown = makeComplex((linspace(0, 1, 5).toArray() as number[]), (linspace(0, 1, 5).add(1).toArray() as number[]));
    let x0 = 0.3;
    assertAlmostEqual(interp(x0, x as NdArray, y as NdArray), { re: x0, im: 1 + x0 });
    const left = { re: 2, im: 3 };
    assertAlmostEqual(interp(-1, x as NdArray, y as NdArray, { left }), left);
    x0 = 2.0;
    const right = { re: 2, im: 3 };
    assertAlmostEqual(interp(x0, x as NdArray, y as NdArray, { right }), right);
    x = [1, 2, 2.5, 3, 4];
    let xp = [1, 2, 3, 4];
    let fp = arr([{ re: 1, im: 0 }, { re: 2, im: 1 }, { re: inf, im: 0 }, { re: 4, im: 0 }], 'c16');
    y = [{ re: 1, im: 0 }, { re: 2, im: 1 }, { re: inf, im: 0.5 }, { re: inf, im: 0 }, { re: 4, im: 0 }];
    assertAlmostEqual(interp(x as number[], xp, fp), y);
    x = [-180, -170, -185, 185, -10, -5, 0, 365];
    xp = [190, -190, 350, -350];
    fp = arr([{ re: 5, im: 1 }, { re: 10, im: 2 }, { re: 3, im: 3 }, { re: 4, im: 4 }], 'c16');
    y = [[7.5, 1.5], [5, 1], [8.75, 1.75], [6.25, 1.25], [3, 3], [3.25, 3.25], [3.5, 3.5], [3.75, 3.75]].map(([re, im]) => ({ re, im }));
    assertAlmostEqual(interp(x as number[], xp, fp, { period: 360 }), y);
  });

  test('test_zero_dimensional_interpolation_point', () => {
    const x = linspace(0, 1, 5);
    const y = linspace(0, 1, 5);
    const x0 = arr(0.3);
    assertAlmostEqual(interp(x0, x, y), x0);
    const xp = arr([0, 2, 4]);
    const fp = arr([1, -1, 1]);
    let actual = interp(arr(1), xp, fp);
    assertEqual(actual, 0);
    expect(actual.ndim).toBe(0);
    expect(actual.dtype.str).toBe('<f8');
    actual = interp(arr(4.5), xp, fp, { period: 4 });
    assertEqual(actual, 0.5);
    expect(actual.ndim).toBe(0);
    expect(actual.dtype.str).toBe('<f8');
  });

  test('test_if_len_x_is_small', () => {
    const xp = arange(0, 10, 0.0001);
    const fp = sin(xp);
    assertAlmostEqual(interp(Math.PI, xp, fp), 0.0);
  });

  test('test_period', () => {
    const x = [-180, -170, -185, 185, -10, -5, 0, 365];
    const xp = [190, -190, 350, -350];
    const fp = [5, 10, 3, 4];
    const y = [7.5, 5, 8.75, 6.25, 3, 3.25, 3.5, 3.75];
    assertAlmostEqual(interp(x, xp, fp, { period: 360 }), y);
    const x2 = arr(x).copy('F').reshape(2, -1);
    const y2 = arr(y).reshape(2, -1);
    const r = interp(x2, xp, fp, { period: 360 });
    expect(r.shape).toEqual([2, 4]);
    assertAlmostEqual(r, y2);
  });
});
