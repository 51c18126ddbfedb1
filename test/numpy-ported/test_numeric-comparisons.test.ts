// NumPy's own numpy/_core/tests/test_numeric.py (NumPy 2.4): classes
// TestArrayComparisons and TestBoolCmp (the file's other classes are in
// test_numeric*.test.ts), ported test by test: same names, same intent, the
// same values.
//
// Mapping: np.array_equal(x, y, equal_nan=) -> arrayEqual(x, y, { equalNan });
// np.array_equiv -> arrayEquiv; `x is y` passes the same NdArray; a[mask] = v ->
// putmask(a, mask, v); a[::3][mask[::3]] = v -> putmask on the view; sign[e] *= -1.
// -> multiply(sign, -1, { out: sign, where: e }); -x -> negative(x); ~e -> logicalNot(e);
// np.array("foo") (unicode) -> asarray('foo'), a bytes (S) array here, still no number;
// b"1" -> the Uint8Array of its bytes.
//
// Skipped (not counted as passing):
// - _test_array_equal_parametrizations' timedelta64 rows: no timedelta dtype (the other
//   rows are ported).
// - test_none_compares_elementwise's object-array half (no object dtype); the float half
//   compares with None, which is not a value here (JS null is refused): not ported.
// - TestKeepdims.test_raise: an ndarray subclass overriding sum().
import {
  arrayEqual, arrayEquiv, asarray, equal, greater, greaterEqual, isfinite, isinf, isnan, less, lessEqual,
  logicalNot, multiply, zeros as zerosOf, NdArray, negative, notEqual, ones, putmask, signbit, slice, subtract, add, zerosLike,
} from '../../lib';
import { arr, vals } from '../helpers/np-port';

describe('TestArrayComparisons', () => {
  /** NumPy's _test_array_equal_parametrizations, less the timedelta rows. */
  function parametrizations(): [NdArray, NdArray, boolean | null, boolean][] {
    const e0 = asarray(0, 'i8');
    const e1 = asarray(1, 'f8');
    const rows: [NdArray, NdArray, boolean | null, boolean][] = [
      [e0, e0.copy(), null, true], [e0, e0.copy(), false, true], [e0, e0.copy(), true, true],
      [e1, e1.copy(), null, true], [e1, e1.copy(), false, true], [e1, e1.copy(), true, true],
    ];
    // Non-nanable - those cannot hold nans
    const a12 = arr([1, 2]);
    const a12b = a12.copy();
    const a123 = arr([1, 2, 3]);
    const a13 = arr([1, 3]);
    const a34 = arr([3, 4]);
    const aS1 = asarray(['a'], 'S1');
    const aS1b = aS1.copy();
    rows.push([a12, a12b, null, true], [a12, a12, null, true], [a12, a123, null, false], [a12, a34, null, false]);
    rows.push([a12, a13, null, false], [aS1, aS1b, null, true], [aS1, aS1, null, true]);
    // Non-float dtype - equal_nan should have no effect
    rows.push([a123, a123, null, true], [a123, a123, false, true], [a123, a123, true, true]);
    rows.push([a123, a123.copy(), null, true], [a123, a123.copy(), false, true], [a123, a123.copy(), true, true]);
    const f = (): NdArray => a123.astype('f8');
    rows.push([f(), f(), null, true], [f(), f(), false, true], [f(), f(), true, true]);
    // these can hold None
    const b1 = arr([1, 2, NaN], 'f8');
    const b2 = arr([1, NaN, 2], 'f8');
    const b3 = arr([1, 2, Infinity], 'f8');
    const b4 = asarray(NaN, 'f8');
    // instances are the same
    rows.push([b1, b1, null, false], [b1, b1, false, false], [b1, b1, true, true]);
    // equal but not same instance
    rows.push([b1, b1.copy(), null, false], [b1, b1.copy(), false, false], [b1, b1.copy(), true, true]);
    // same once stripped of Nan
    rows.push([b1, b2, null, false], [b1, b2, false, false], [b1, b2, true, false]);
    // nan's not conflated with inf's
    rows.push([b1, b3, null, false], [b1, b3, false, false], [b1, b3, true, false]);
    // all Nan
    rows.push([b4, b4, null, false], [b4, b4, false, false], [b4, b4, true, true]);
    rows.push([b4, b4.copy(), null, false], [b4, b4.copy(), false, false], [b4, b4.copy(), true, true]);
    return rows;
  }

  test('test_array_equal_equal_nan', () => {
    parametrizations().forEach(([bx, by, equalNan, expected], i) => {
      const res = equalNan === null ? arrayEqual(bx, by) : arrayEqual(bx, by, { equalNan });
      expect([i, res]).toEqual([i, expected]);
      expect(typeof res).toBe('boolean');
    });
  });

  test('test_array_equal_different_scalar_types', () => {
    // https://github.com/numpy/numpy/issues/27271
    const a = asarray('foo');
    const b = asarray(1);
    expect(arrayEqual(a, b)).toBe(false);
    expect(arrayEquiv(a, b)).toBe(false);
  });

  test('test_array_equiv', () => {
    const cases: [unknown, unknown, boolean][] = [
      [[1, 2], [1, 2], true],
      [[1, 2], [1, 2, 3], false],
      [[1, 2], [3, 4], false],
      [[1, 2], [1, 3], false],
      [[1, 1], [1], true],
      [[1, 1], [[1], [1]], true],
      [[1, 2], [2], false],
      [[1, 2], [[1], [2]], false],
      [[1, 2], [[1, 2, 3], [4, 5, 6], [7, 8, 9]], false],
    ];
    for (const [x, y, want] of cases) {
      const res = arrayEquiv(arr(x), arr(y));
      expect([x, y, res]).toEqual([x, y, want]);
      expect(typeof res).toBe('boolean');
    }
  });

  for (const dtype of ['V0', 'V3', 'V10']) {
    test(`test_compare_unstructured_voids[${dtype}]`, () => {
      const zeros = zerosOf(3, dtype);
      expect(arrayEqual(zeros, zeros)).toBe(true);
      expect(notEqual(zeros, zeros).any().get()).toBe(false);
      if (dtype === 'V0') return; // Can't test != of actually different data
      const nonzeros = asarray(['1', '2', '3'].map((c) => new TextEncoder().encode(c)), dtype);
      expect(equal(zeros, nonzeros).any().get()).toBe(false);
      expect(notEqual(zeros, nonzeros).all().get()).toBe(true);
    });
  }
});

describe('TestBoolCmp', () => {
  /** NumPy's _create_data: every bit pattern of a 256-bit SIMD vector, as the dtype's values. */
  function createData(dtype: string, size: number): NdArray[] {
    const a = ones(size, dtype);
    const e = ones(a.size, '?');
    let s = 0;
    const r = Math.trunc(size / 32);
    for (let i = 0; i < Math.trunc(size / 8); i++) {
      a.index(slice(s, s + r)).set(Array.from({ length: r }, (_, x) => i & (2 ** x)));
      e.index(slice(s, s + r)).set(Array.from({ length: r }, (_, x) => (i & (2 ** x)) !== 0));
      s += r;
    }
    const n = a.copy();
    putmask(n, e, NaN);

    const inf = a.copy();
    const every = (x: NdArray, start: number, step: number): NdArray => x.index(slice(start, null, step));
    putmask(every(inf, 0, 3), every(e, 0, 3), Infinity);
    putmask(every(inf, 1, 3), every(e, 1, 3), -Infinity);
    putmask(every(inf, 2, 3), every(e, 2, 3), NaN);
    const enonan = e.copy();
    every(enonan, 2, 3).fill(false);

    const sign = a.copy();
    multiply(sign, -1.0, { out: sign, where: e });
    putmask(every(sign, 1, 6), every(e, 1, 6), -Infinity);
    // -np.nan (JS is a NaN whose sign bit the engine may not keep: written as the bytes of -nan)
    const negNan = asarray(NaN, dtype).view(dtype === 'f4' ? 'u4' : 'u8');
    negNan.set(dtype === 'f4' ? 0xffc00000 : 0xfff8000000000000n);
    putmask(every(sign, 3, 6), every(e, 3, 6), negNan.view(dtype));
    putmask(every(sign, 4, 6), every(e, 4, 6), -0.0);
    return [a, e, n, inf, enonan, sign];
  }

  function check(dtype: string, size: number, offsets: number): void {
    const [f, ef, nf, inff, efnonan, signf] = createData(dtype, size);
    const eq = (x: NdArray, y: NdArray): void => expect(vals(x)).toEqual(vals(y));
    for (let i = 0; i < offsets; i++) {
      const at = (x: NdArray): NdArray => x.index(slice(i, null));
      eq(greater(at(f), 0), at(ef));
      eq(greaterEqual(subtract(at(f), 1), 0), at(ef));
      eq(equal(at(f), 0), logicalNot(at(ef)));
      eq(less(negative(at(f)), 0), at(ef));
      eq(lessEqual(add(negative(at(f)), 1), 0), at(ef));
      const r = notEqual(at(f), 0);
      eq(r, at(ef));
      const r2 = notEqual(at(f), zerosLike(at(f)));
      const r3 = notEqual(0, at(f));
      eq(r, r2);
      eq(r, r3);
      // check bool == 0x1
      eq(r.view('i1'), r.astype('i1'));
      eq(r2.view('i1'), r2.astype('i1'));
      eq(r3.view('i1'), r3.astype('i1'));

      // isnan on amd64 takes the same code path
      eq(isnan(at(nf)), at(ef));
      eq(isfinite(at(nf)), logicalNot(at(ef)));
      eq(isfinite(at(inff)), logicalNot(at(ef)));
      eq(isinf(at(inff)), at(efnonan));
      eq(signbit(at(signf)), at(ef));
    }
  }

  test('test_float', () => check('f4', 256, 4));
  test('test_double', () => check('f8', 128, 2));
});
