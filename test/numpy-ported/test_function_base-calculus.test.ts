// NumPy's own numpy/lib/tests/test_function_base.py (NumPy 2.4): classes
// TestGradient, TestAngle, TestTrapezoid, TestSinc and TestSelect, ported test by
// test: same names, same intent, the same values, shapes, dtypes and errors.
//
// Mapping: np.gradient(f, *varargs, axis=, edge_order=) -> gradient(f, ...varargs,
// { axis, edgeOrder }) (a list where NumPy returns a tuple); np.angle(z, deg) ->
// angle(z, { deg }); np.trapezoid(y, x=, dx=, axis=) -> trapezoid(y, { x, dx, axis });
// np.sinc -> sinc; np.select(condlist, choicelist, default) -> select(condlist,
// choicelist, default); rng.random(10) (default_rng(0)) -> the same ten numbers,
// printed by NumPy 2.4; numpy.testing asserts -> test/helpers/np-assert.ts.
//
// Skipped (not counted as passing):
// - TestGradient.test_datetime64, test_timedelta64: no datetime64/timedelta64 dtypes here.
// - TestGradient.test_masked, TestAngle.test_subclass, TestTrapezoid.test_masked: no masked arrays.
// - TestSinc.test_float_dtypes' np.longdouble case (no float128); the other dtypes are ported.
// - TestSinc.test_array_like's tuple case: a JS array is the only sequence (the list case is ported).
import { abs, all, angle, arange, AxisError, cumsum, diff, divide, exp, flipud, gradient, isnan, linspace, multiply, NdArray, ones, onesLike, power, select, sinc, sort, stack, tile, trapezoid, ValueError } from '../../lib';
import { array as asArray } from '../../lib/array-coerce';
import { assertAllclose, assertAlmostEqual, assertEqual } from '../helpers/np-assert';

const arr = (v: unknown, dt?: string): NdArray => asArray(v, dt ?? null);
const list = (r: NdArray | NdArray[]): NdArray[] => (Array.isArray(r) ? r : [r]);
const one = (r: NdArray | NdArray[]): NdArray => {
  expect(Array.isArray(r)).toBe(false);
  return r as NdArray;
};

describe('TestGradient', () => {
  test('test_basic', () => {
    const v = [[1, 1], [3, 4]];
    const x = arr(v);
    const dx = [[[2, 3], [2, 3]], [[0, 0], [1, 1]]];
    assertEqual(list(gradient(x)), dx);
    assertEqual(list(gradient(v)), dx);
  });

  test('test_args', () => {
    const dx = cumsum(ones([5]));
    const dxUneven = [1, 2, 5, 9, 11];
    const f2d = arange(25).reshape(5, 5);
    gradient(arange(5), 3.0);
    gradient(arange(5), arr(3.0));
    gradient(arange(5), dx);
    gradient(f2d, 1.5);
    gradient(f2d, arr(1.5));
    gradient(f2d, dxUneven, dxUneven);
    gradient(f2d, dx, 2);
    gradient(f2d, dx, { axis: 1 });
    expect(() => gradient(f2d, stack([dx, dx], { axis: -1 }), 1)).toThrow(ValueError);
    expect(() => gradient(f2d, stack([dx, dx], { axis: -1 }), 1)).toThrow(/scalars or 1d/);
  });

  test('test_badargs', () => {
    const f2d = arange(25).reshape(5, 5);
    const x = cumsum(ones([5]));
    expect(() => gradient(f2d, x, ones([2]))).toThrow(ValueError);
    expect(() => gradient(f2d, 1, ones([2]))).toThrow(ValueError);
    expect(() => gradient(f2d, ones([2]), ones([2]))).toThrow(ValueError);
    expect(() => gradient(f2d, x)).toThrow(TypeError);
    expect(() => gradient(f2d, x, { axis: [0, 1] })).toThrow(TypeError);
    expect(() => gradient(f2d, x, x, x)).toThrow(TypeError);
    expect(() => gradient(f2d, 1, 1, 1)).toThrow(TypeError);
    expect(() => gradient(f2d, x, x, { axis: 1 })).toThrow(TypeError);
    expect(() => gradient(f2d, 1, 1, { axis: 1 })).toThrow(TypeError);
  });

  test('test_second_order_accurate', () => {
    let x: NdArray = linspace(0, 1, 10);
    const dx = Number(x.get(1)) - Number(x.get(0));
    const poly = (t: NdArray): NdArray => multiply(2, power(t, 3)).add(multiply(4, power(t, 2))).add(multiply(2, t));
    const deriv = (t: NdArray): NdArray => multiply(6, power(t, 2)).add(multiply(8, t)).add(2);
    let numError = abs(divide(one(gradient(poly(x), dx, { edgeOrder: 2 })), deriv(x)).subtract(1));
    expect(all(numError.less(0.03)).get()).toBe(true);
    // rng = np.random.default_rng(0); x = np.sort(rng.random(10))
    x = sort(arr([0.6369616873214543, 0.2697867137638703, 0.04097352393619469, 0.016527635528529094, 0.8132702392002724, 0.9127555772777217, 0.6066357757671799, 0.7294965609839984, 0.5436249914654229, 0.9350724237877682]));
    numError = abs(divide(one(gradient(poly(x), x, { edgeOrder: 2 })), deriv(x)).subtract(1));
    expect(all(numError.less(0.03)).get()).toBe(true);
  });

  test('test_spacing', () => {
    let f = arr([0, 2, 3, 4, 5, 5]);
    f = tile(f, [6, 1]).add(f.reshape(-1, 1));
    const xUneven = arr([0, 0.5, 1, 3, 5, 7]);
    const xEven = arange(6, 'f8');
    const fdxEvenOrd1 = tile(arr([2, 1.5, 1, 1, 0.5, 0]), [6, 1]);
    const fdxEvenOrd2 = tile(arr([2.5, 1.5, 1, 1, 0.5, -0.5]), [6, 1]);
    const fdxUnevenOrd1 = tile(arr([4, 3, 1.7, 0.5, 0.25, 0]), [6, 1]);
    const fdxUnevenOrd2 = tile(arr([5, 3, 1.7, 0.5, 0.25, -0.25]), [6, 1]);

    for (const [edgeOrder, expRes] of [[1, fdxEvenOrd1], [2, fdxEvenOrd2]] as [1 | 2, NdArray][]) {
      const res1 = list(gradient(f, 1.0, { axis: [0, 1], edgeOrder }));
      const res2 = list(gradient(f, xEven, xEven, { axis: [0, 1], edgeOrder }));
      const res3 = list(gradient(f, xEven, xEven, { axis: null, edgeOrder }));
      assertEqual(res1, res2);
      assertEqual(res2, res3);
      assertAlmostEqual(res1[0], expRes.T);
      assertAlmostEqual(res1[1], expRes);

      let r1 = one(gradient(f, 1.0, { axis: 0, edgeOrder }));
      let r2 = one(gradient(f, xEven, { axis: 0, edgeOrder }));
      expect(r1.shape).toEqual(r2.shape);
      assertAlmostEqual(r2, expRes.T);

      r1 = one(gradient(f, 1.0, { axis: 1, edgeOrder }));
      r2 = one(gradient(f, xEven, { axis: 1, edgeOrder }));
      expect(r1.shape).toEqual(r2.shape);
      assertEqual(r2, expRes);
    }

    for (const [edgeOrder, expRes] of [[1, fdxUnevenOrd1], [2, fdxUnevenOrd2]] as [1 | 2, NdArray][]) {
      const res1 = list(gradient(f, xUneven, xUneven, { axis: [0, 1], edgeOrder }));
      const res2 = list(gradient(f, xUneven, xUneven, { axis: null, edgeOrder }));
      assertEqual(res1, res2);
      assertAlmostEqual(res1[0], expRes.T);
      assertAlmostEqual(res1[1], expRes);
      assertAlmostEqual(one(gradient(f, xUneven, { axis: 0, edgeOrder })), expRes.T);
      assertAlmostEqual(one(gradient(f, xUneven, { axis: 1, edgeOrder })), expRes);
    }

    let res1 = list(gradient(f, xEven, xUneven, { axis: [0, 1], edgeOrder: 1 }));
    let res2 = list(gradient(f, xUneven, xEven, { axis: [1, 0], edgeOrder: 1 }));
    assertEqual(res1[0], res2[1]);
    assertEqual(res1[1], res2[0]);
    assertAlmostEqual(res1[0], fdxEvenOrd1.T);
    assertAlmostEqual(res1[1], fdxUnevenOrd1);

    res1 = list(gradient(f, xEven, xUneven, { axis: [0, 1], edgeOrder: 2 }));
    res2 = list(gradient(f, xUneven, xEven, { axis: [1, 0], edgeOrder: 2 }));
    assertEqual(res1[0], res2[1]);
    assertEqual(res1[1], res2[0]);
    assertAlmostEqual(res1[0], fdxEvenOrd2.T);
    assertAlmostEqual(res1[1], fdxUnevenOrd2);
  });

  test('test_specific_axes', () => {
    const x = arr([[1, 1], [3, 4]]);
    const dx0 = [[2, 3], [2, 3]];
    const dx1 = [[0, 0], [1, 1]];
    assertEqual(one(gradient(x, { axis: 0 })), dx0);
    assertEqual(one(gradient(x, { axis: 1 })), dx1);
    assertEqual(one(gradient(x, { axis: -1 })), dx1);
    assertEqual(list(gradient(x, { axis: [1, 0] })), [dx1, dx0]);
    assertAlmostEqual(list(gradient(x, { axis: null })), [dx0, dx1]);
    assertAlmostEqual(list(gradient(x, { axis: null })), list(gradient(x)));
    assertEqual(list(gradient(x, 2, 3, { axis: [1, 0] })), [dx1.map((r) => r.map((v) => v / 2)), dx0.map((r) => r.map((v) => v / 3))]);
    expect(() => gradient(x, 1, 2, { axis: 1 })).toThrow(TypeError);
    expect(() => gradient(x, { axis: 3 })).toThrow(AxisError);
    expect(() => gradient(x, { axis: -3 })).toThrow(AxisError);
  });

  test('test_inexact_dtypes', () => {
    for (const dt of ['f2', 'f4', 'f8']) {
      const x = arr([1, 2, 3], dt);
      expect(one(gradient(x)).dtype.str).toBe(diff(x).dtype.str);
    }
  });

  test('test_values', () => {
    gradient(arange(2), { edgeOrder: 1 });
    gradient(arange(3), { edgeOrder: 2 });
    expect(() => gradient(arange(0), { edgeOrder: 1 })).toThrow(ValueError);
    expect(() => gradient(arange(0), { edgeOrder: 2 })).toThrow(ValueError);
    expect(() => gradient(arange(1), { edgeOrder: 1 })).toThrow(ValueError);
    expect(() => gradient(arange(1), { edgeOrder: 2 })).toThrow(ValueError);
    expect(() => gradient(arange(2), { edgeOrder: 2 })).toThrow(ValueError);
  });

  test.each(['u1', 'u2', 'u4', 'u8'])('test_f_decreasing_unsigned_int(%s)', (dt) => {
    const f = arr([5, 4, 3, 2, 1], dt);
    assertEqual(one(gradient(f)), [-1, -1, -1, -1, -1]);
  });

  test.each([['i1', 127], ['i2', 32767], ['i4', 2147483647], ['i8', 9223372036854775807n]] as const)('test_f_signed_int_big_jump(%s)', (dt, maxint) => {
    const x = arr([1, 3]);
    const f = arr([-1, maxint], dt);
    const dfdx = one(gradient(f, x));
    // (maxint + 1) // 2, as Python ints
    const want = typeof maxint === 'bigint' ? Number((maxint + 1n) / 2n) : Math.floor((maxint + 1) / 2);
    assertEqual(dfdx, [want, want]);
  });

  test.each(['u1', 'u2', 'u4', 'u8'])('test_x_decreasing_unsigned(%s)', (dt) => {
    const x = arr([3, 2, 1], dt);
    const f = arr([0, 2, 4]);
    assertEqual(one(gradient(f, x)), [-2, -2, -2]);
  });

  test.each([['i1', -128, 127], ['i2', -32768, 32767], ['i4', -2147483648, 2147483647], ['i8', -9223372036854775808n, 9223372036854775807n]] as const)('test_x_signed_int_big_jump(%s)', (dt, minint, maxint) => {
    const x = arr([-1, maxint], dt);
    const half = typeof minint === 'bigint' ? minint / 2n : Math.floor(minint / 2);
    const f = arr([half, 0]);
    assertEqual(one(gradient(f, x)), [0.5, 0.5]);
  });

  test('test_return_type', () => {
    const res = gradient([[1, 2], [2, 3]]);
    expect(Array.isArray(res)).toBe(true);
  });
});

describe('TestAngle', () => {
  test('test_basic', () => {
    const s = Math.sqrt(2) / 2;
    const x = arr([[1, 3], [s, s], [1, 0], [0, 1], [-1, 0], [0, -1], [1, -3], [-1, 3]].map(([re, im]) => ({ re, im })), 'c16');
    const y = angle(x);
    const yo = [Math.atan(3.0), Math.atan(1.0), 0, Math.PI / 2, Math.PI, -Math.PI / 2, -Math.atan(3.0), Math.PI - Math.atan(3.0)];
    const z = angle(x, { deg: true });
    const zo = yo.map((v) => (v * 180) / Math.PI);
    assertAlmostEqual(y, yo, 11);
    assertAlmostEqual(z, zo, 11);
  });
});

describe('TestTrapezoid', () => {
  test('test_simple', () => {
    const x = arange(-10, 10, 0.1);
    const r = trapezoid(divide(exp(multiply(-0.5, power(x, 2))), Math.sqrt(2 * Math.PI)), { dx: 0.1 });
    assertAlmostEqual(r, 1, 7);
  });

  test('test_ndim', () => {
    const x = linspace(0, 1, 3);
    const y = linspace(0, 2, 8);
    const z = linspace(0, 3, 13);
    const weights = (v: NdArray): NdArray => {
      const w = onesLike(v).multiply(Number(v.get(1)) - Number(v.get(0)));
      w.set([0], Number(w.get(0)) / 2);
      w.set([v.size - 1], Number(w.get(v.size - 1)) / 2);
      return w;
    };
    const [wx, wy, wz] = [weights(x), weights(y), weights(z)];
    const q = x.reshape(-1, 1, 1).add(y.reshape(1, -1, 1)).add(z.reshape(1, 1, -1));
    const qx = q.multiply(wx.reshape(-1, 1, 1)).sum({ axis: 0 }) as NdArray;
    const qy = q.multiply(wy.reshape(1, -1, 1)).sum({ axis: 1 }) as NdArray;
    const qz = q.multiply(wz.reshape(1, 1, -1)).sum({ axis: 2 }) as NdArray;
    assertAlmostEqual(trapezoid(q, { x: x.reshape(-1, 1, 1), axis: 0 }), qx);
    assertAlmostEqual(trapezoid(q, { x: y.reshape(1, -1, 1), axis: 1 }), qy);
    assertAlmostEqual(trapezoid(q, { x: z.reshape(1, 1, -1), axis: 2 }), qz);
    assertAlmostEqual(trapezoid(q, { x, axis: 0 }), qx);
    assertAlmostEqual(trapezoid(q, { x: y, axis: 1 }), qy);
    assertAlmostEqual(trapezoid(q, { x: z, axis: 2 }), qz);
  });
});

describe('TestSinc', () => {
  test('test_simple', () => {
    expect(sinc(0).get()).toBe(1);
    const w = sinc(linspace(-1, 1, 100));
    assertAlmostEqual(w, flipud(w), 7);
  });

  test('test_array_like', () => {
    const x = [0, 0.5];
    assertEqual(sinc(arr(x)), sinc([...x]));
  });

  test('test_bool_dtype', () => {
    const x = arange(4, 'u1').remainder(2).equal(1);
    const actual = sinc(x);
    assertAllclose(actual, sinc(x.astype('f8')));
    expect(actual.dtype.str).toBe('<f8');
  });

  test.each(['u1', 'i2', 'u8'])('test_int_dtypes(%s)', (dt) => {
    const x = arange(4, dt);
    const actual = sinc(x);
    assertAllclose(actual, sinc(x.astype('f8')));
    expect(actual.dtype.str).toBe('<f8');
  });

  test.each(['f2', 'f4', 'c8', 'c16'])('test_float_dtypes(%s)', (dt) => {
    const x = arange(4, dt);
    expect(sinc(x).dtype.str).toBe(x.dtype.str);
  });

  test('test_float16_underflow', () => {
    const r = sinc(arr(0, 'f2'));
    assertEqual(r, 1.0);
  });
});

describe('TestSelect', () => {
  const choices = (): NdArray[] => [arr([1, 2, 3]), arr([4, 5, 6]), arr([7, 8, 9])];
  const conditions = (): NdArray[] => [arr([false, false, false]), arr([false, true, false]), arr([false, false, true])];
  function pySelect(cond: NdArray[], values: NdArray[], dflt = 0): number[] {
    const out: number[] = [];
    const c = cond.map((x) => x.toArray() as boolean[]);
    const v = values.map((x) => (x.toArray() as bigint[]).map(Number));
    for (let m = 0; m < c[0].length; m++) {
      const hit = v.filter((_, i) => c[i][m]).map((V) => V[m]);
      out.push(...(hit.length > 0 ? hit : [dflt]));
    }
    return out;
  }

  test('test_basic', () => {
    const ch = choices();
    const co = conditions();
    assertEqual(select(co, ch, 15), pySelect(co, ch, 15));
    expect(ch.length).toBe(3);
    expect(co.length).toBe(3);
  });

  test('test_broadcasting', () => {
    const co = [arr(true), arr([false, true, false])];
    const ch = [1, arange(12).reshape(4, 3)];
    const r = select(co, ch);
    expect(r.shape).toEqual([4, 3]);
    assertEqual(r, ones([4, 3]));
    expect(select([true], [0], [0]).shape).toEqual([1]);
  });

  test('test_return_dtype', () => {
    expect(select(conditions(), choices(), { re: 0, im: 1 }).dtype.str).toBe('<c16');
    const ch = choices().map((c) => c.astype('i1'));
    expect(select(conditions(), ch).dtype.str).toBe('|i1');
    const d = arr([1, 2, 3, NaN, 5, 7]);
    const m = isnan(d);
    assertEqual(select([m], [d]), [0, 0, 0, NaN, 0, 0]);
  });

  test('test_non_bool_deprecation', () => {
    const ch = choices();
    const co = conditions();
    co[0] = co[0].astype('i8');
    expect(() => select(co, ch)).toThrow(TypeError);
    co[0] = co[0].astype('u1');
    expect(() => select(co, ch)).toThrow(TypeError);
    expect(() => select(co, ch)).toThrow(TypeError);
  });

  test('test_many_arguments', () => {
    const co = new Array<NdArray>(100).fill(arr([false]));
    const ch = new Array<NdArray>(100).fill(arr([1]));
    select(co, ch);
  });
});
