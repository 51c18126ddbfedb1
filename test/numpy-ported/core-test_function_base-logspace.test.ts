// NumPy's own numpy/_core/tests/test_function_base.py (NumPy 2.4; TestLinspace is
// in core-test_function_base.test.ts): classes TestLogspace and TestGeomspace,
// ported test by test: same names, same intent, the same values, dtypes and errors.
//
// Mapping: np.logspace(start, stop, num, endpoint=, base=, dtype=, axis=) ->
// logspace(start, stop, num, { endpoint, base, dtype, axis }); np.geomspace
// likewise; a complex end point -> { re, im }; y[-1] -> y.get(y.size - 1);
// numpy.testing asserts -> test/helpers/np-assert.ts.
//
// Skipped (not counted as passing):
// - test_physical_quantities, test_subclass (both classes): Python float / ndarray subclasses.
// - TestGeomspace.test_start_stop_array_scalar is ported with the int8/uint16 scalars' values
//   as plain numbers (NumPy scalars do not exist here; a 0-d array takes the array path).
import { array, geomspace, isnan, logspace, stack, ValueError } from '../../lib';
import type { NdArray } from '../../lib';
import { assertAllclose, assertAlmostEqual, assertEqual } from '../helpers/np-assert';

const c = (re: number, im: number): { re: number; im: number } => ({ re, im });
const SQ2 = Math.sqrt(2);

describe('TestLogspace', () => {
  test('test_basic', () => {
    let y = logspace(0, 6);
    expect(y.shape[0]).toBe(50);
    y = logspace(0, 6, 100);
    expect(y.get(99)).toBe(10 ** 6);
    y = logspace(0, 6, 50, { endpoint: false });
    expect(y.get(49) as number).toBeLessThan(10 ** 6);
    y = logspace(0, 6, 7);
    assertEqual(y, [1, 10, 100, 1e3, 1e4, 1e5, 1e6]);
  });

  test('test_dtype', () => {
    expect(logspace(0, 6, 50, { dtype: 'float32' }).dtype.str).toBe('<f4');
    expect(logspace(0, 6, 50, { dtype: 'float64' }).dtype.str).toBe('<f8');
    expect(logspace(0, 6, 50, { dtype: 'int32' }).dtype.str).toBe('<i4');
  });
});

describe('TestGeomspace', () => {
  test('test_basic', () => {
    let y = geomspace(1, 1e6);
    expect(y.shape[0]).toBe(50);
    y = geomspace(1, 1e6, 100);
    expect(y.get(99)).toBe(10 ** 6);
    y = geomspace(1, 1e6, 50, { endpoint: false });
    expect(y.get(49) as number).toBeLessThan(10 ** 6);
    y = geomspace(1, 1e6, 7);
    assertEqual(y, [1, 10, 100, 1e3, 1e4, 1e5, 1e6]);

    y = geomspace(8, 2, 3);
    assertAllclose(y, [8, 4, 2]);
    assertEqual(y.imag, 0);
    y = geomspace(-1, -100, 3);
    assertEqual(y, [-1, -10, -100]);
    assertEqual(y.imag, 0);
    y = geomspace(-100, -1, 3);
    assertEqual(y, [-100, -10, -1]);
    assertEqual(y.imag, 0);
  });

  test('test_boundaries_match_start_and_stop_exactly', () => {
    const start = 0.3;
    const stop = 20.3;
    let y = geomspace(start, stop, 1);
    expect(y.get(0)).toBe(start);
    y = geomspace(start, stop, 1, { endpoint: false });
    expect(y.get(0)).toBe(start);
    y = geomspace(start, stop, 3);
    expect(y.get(0)).toBe(start);
    expect(y.get(2)).toBe(stop);
    y = geomspace(start, stop, 3, { endpoint: false });
    expect(y.get(0)).toBe(start);
  });

  test('test_nan_interior', () => {
    let y = geomspace(-3, 3, 4);
    expect(y.get(0)).toBe(-3.0);
    expect(isnan(y.index('1:-1')).all().get()).toBe(true);
    expect(y.get(3)).toBe(3.0);
    y = geomspace(-3, 3, 4, { endpoint: false });
    expect(y.get(0)).toBe(-3.0);
    expect(isnan(y.index('1:')).all().get()).toBe(true);
  });

  test('test_complex', () => {
    let y = geomspace(c(0, 1), c(0, 16), 5);
    assertAllclose(y, [c(0, 1), c(0, 2), c(0, 4), c(0, 8), c(0, 16)]);
    assertEqual(y.real, 0);
    y = geomspace(c(0, -4), c(0, -324), 5);
    assertAllclose(y, [c(0, -4), c(0, -12), c(0, -36), c(0, -108), c(0, -324)]);
    assertEqual(y.real, 0);
    y = geomspace(c(1, 1), c(1000, 1000), 4);
    assertAllclose(y, [c(1, 1), c(10, 10), c(100, 100), c(1000, 1000)]);
    y = geomspace(c(-1, 1), c(-1000, 1000), 4);
    assertAllclose(y, [c(-1, 1), c(-10, 10), c(-100, 100), c(-1000, 1000)]);

    // Logarithmic spirals (assert_allclose's default atol=0, rtol=1e-7)
    y = geomspace(-1, 1, 3, { dtype: 'c16' });
    assertAllclose(y, [c(-1, 0), c(0, 1), c(1, 0)]);
    y = geomspace(c(0, 3), c(-3, 0), 3);
    assertAllclose(y, [c(0, 3), c(-3 / SQ2, 3 / SQ2), c(-3, 0)]);
    y = geomspace(c(0, 3), c(3, 0), 3);
    assertAllclose(y, [c(0, 3), c(3 / SQ2, 3 / SQ2), c(3, 0)]);
    y = geomspace(c(-3, 0), c(0, -3), 3);
    assertAllclose(y, [c(-3, 0), c(-3 / SQ2, -3 / SQ2), c(0, -3)]);
    y = geomspace(c(-2, -3), c(5, 7), 7);
    assertAllclose(y, [c(-2, -3), c(-0.29058977, -4.15771027), c(2.08885354, -4.34146838), c(4.58345529, -3.16355218), c(6.41401745, -0.55233457), c(6.75707386, 3.11795092), c(5, 7)]);

    // Type promotion should prevent the -5 from becoming a NaN
    y = geomspace(c(0, 3), -5, 2);
    assertAllclose(y, [c(0, 3), c(-5, 0)]);
    y = geomspace(-5, c(0, 3), 2);
    assertAllclose(y, [c(-5, 0), c(0, 3)]);
  });

  test('test_complex_shortest_path', () => {
    // gh-25644: x = 1.2 + 3.4j, y = exp(1j * (pi - .1)) * x
    const x = c(1.2, 3.4);
    const t = Math.PI - 0.1;
    const y = c(Math.cos(t) * x.re - Math.sin(t) * x.im, Math.sin(t) * x.re + Math.cos(t) * x.im);
    const z = geomspace(x, y, 5);
    assertAlmostEqual(z, [c(1.2, 3.4), c(-1.47384, 3.2905616), c(-3.33577588, 1.36842949), c(-3.36011056, -1.30753855), c(-1.53343861, -3.26321406)], 6);
  });

  test('test_dtype', () => {
    expect(geomspace(1, 1e6, 50, { dtype: 'float32' }).dtype.str).toBe('<f4');
    expect(geomspace(1, 1e6, 50, { dtype: 'float64' }).dtype.str).toBe('<f8');
    expect(geomspace(1, 1e6, 50, { dtype: 'int32' }).dtype.str).toBe('<i4');
    expect(geomspace(1, 1e6, 50, { dtype: 'f8' }).dtype.str).toBe('<f8');
    expect(geomspace(1, 1e6, 50, { dtype: 'c16' }).dtype.str).toBe('<c16');
  });

  test('test_start_stop_array_scalar', () => {
    const t1 = geomspace(120, 100, 5);
    const t2 = geomspace(-120, -100, 5);
    const t3 = geomspace(1200, 1000, 5);
    assertAllclose(t1, geomspace(120.0, 100.0, 5), 1e-2);
    assertAllclose(t2, geomspace(-120.0, -100.0, 5), 1e-2);
    assertAllclose(t3, geomspace(1200.0, 1000.0, 5), 1e-5);
  });

  test('test_bounds', () => {
    expect(() => geomspace(0, 10)).toThrow(ValueError);
    expect(() => geomspace(10, 0)).toThrow(ValueError);
    expect(() => geomspace(0, 0)).toThrow(ValueError);
  });
});

describe('TestLogspace (array end points and base)', () => {
  test('test_start_stop_array', () => {
    const start = array([0, 1], 'f8');
    const stop = array([6, 7], 'f8');
    const t1 = logspace(start, stop, 6);
    const t2 = stack([0, 1].map((i) => logspace(start.get(i) as number, stop.get(i) as number, 6)), { axis: 1 });
    assertEqual(t1, t2);
    const t3 = logspace(start, stop.get(0) as number, 6);
    const t4 = stack([0, 1].map((i) => logspace(start.get(i) as number, stop.get(0) as number, 6)), { axis: 1 });
    assertEqual(t3, t4);
    assertEqual(logspace(start, stop, 6, { axis: -1 }), t2.T);
  });
  for (const axis of [0, 1, -1]) {
    test(`test_base_array[${axis}]`, () => {
      const base = array([1, 2]);
      const t1 = logspace(1, 2, 6, { base, axis });
      const t2 = stack([0, 1].map((i) => logspace(1, 2, 6, { base: Number(base.get(i)) })), { axis: (axis + 1) % t1.ndim });
      assertEqual(t1, t2);
    });
    test(`test_stop_base_array[${axis}]`, () => {
      const stop = array([2, 3]);
      const base = array([1, 2]);
      const t1 = logspace(1, stop, 6, { base, axis });
      const t2 = stack([0, 1].map((i) => logspace(1, Number(stop.get(i)), 6, { base: Number(base.get(i)) })), { axis: (axis + 1) % t1.ndim });
      assertEqual(t1, t2);
    });
  }
});

describe('TestGeomspace (array end points)', () => {
  test('test_start_stop_array', () => {
    const start = array([c(1, 0), c(32, 0), c(0, 1), c(0, -4), c(1, 1), c(-1, 0)]);
    const stop = array([c(1e4, 0), c(2, 0), c(0, 16), c(0, -324), c(10000, 10000), c(1, 0)]);
    const at = (a: NdArray, i: number): { re: number; im: number } => a.get(i) as { re: number; im: number };
    const t1 = geomspace(start, stop, 5);
    const t2 = stack([0, 1, 2, 3, 4, 5].map((i) => geomspace(at(start, i), at(stop, i), 5)), { axis: 1 });
    assertEqual(t1, t2);
    const t3 = geomspace(start, at(stop, 0), 5);
    const t4 = stack([0, 1, 2, 3, 4, 5].map((i) => geomspace(at(start, i), at(stop, 0), 5)), { axis: 1 });
    assertEqual(t3, t4);
    assertEqual(geomspace(start, stop, 5, { axis: -1 }), t2.T);
  });
});
