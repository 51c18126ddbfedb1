// NumPy's own numpy/_core/tests/test_multiarray.py (NumPy 2.4): TestMethods.test_put,
// TestMethods.test_round_copies and the put / putmask / take tests of TestWritebackIfCopy, ported test by
// test: same names, same intent, the same values and errors.
//
// Mapping: a.put(i, v) and np.put(a, i, v, mode=) -> put(a, i, v, { mode });
// np.putmask(a, m, v) -> putmask(a, m, v); np.take(a, i, out=, mode=) ->
// take(a, i, { out, mode }); a ** 2 -> power(a, 2). A write to a read-only
// array is an AccessError (ERR_READ_ONLY) here where NumPy raises ValueError
// (README "Errors").
//
// Left out, not counted as passing:
// - test_round_copies' `a.round(out=out)` line: round takes no out= here.
// - test_put's 'O' (object) and long double (g, G) dtypes: they do not exist here.
// - TestWritebackIfCopy.test_flatiter__array__ (a.flat): no such attribute (test_insert_noncontiguous,
//   test_choose_mod_raise and test_dot_out are ported in the last describe block);
//   test_view_assign, test_dealloc_warning, test_view_discard_refcount: the C-API
//   WRITEBACKIFCOPY mechanism itself.
import { AccessError, arange, array as npArray, choose, dot, greater, IndexError, empty, place, ValueError, power, put, putmask, round, sharesMemory, take, zeros, type NdArray } from '../../lib';
import { array, vals } from '../helpers/np-array';

const ICODES = ['b', 'B', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q', 'p', 'P'];
const FCODES = ['e', 'f', 'd', 'F', 'D'];
const num = (x: unknown): unknown => (typeof x === 'bigint' ? Number(x) : x !== null && typeof x === 'object' ? (x as { re: number }).re : x);
const plain = (a: NdArray): unknown => {
  const f = (x: unknown): unknown => (Array.isArray(x) ? x.map(f) : num(x));
  return f(a.toArray());
};

describe('TestMethods', () => {
  test('test_put', () => {
    for (const dt of [...ICODES, ...FCODES]) {
      const tgt = [0, 1, 0, 3, 0, 5];

      // test 1-d
      let a = zeros(6, dt as never) as NdArray;
      put(a, [1, 3, 5], [1, 3, 5]);
      expect([dt, plain(a)]).toEqual([dt, tgt]);

      // test 2-d
      a = zeros([2, 3], dt as never) as NdArray;
      put(a, [1, 3, 5], [1, 3, 5]);
      expect([dt, plain(a)]).toEqual([dt, [tgt.slice(0, 3), tgt.slice(3)]]);
    }

    for (const dt of ['?']) {
      const tgt = [false, true, false, true, false, true];
      let a = zeros(6, dt) as NdArray;
      put(a, [1, 3, 5], [true, true, true]);
      expect(a.toArray()).toEqual(tgt);

      a = zeros([2, 3], dt) as NdArray;
      put(a, [1, 3, 5], [true, true, true]);
      expect(a.toArray()).toEqual([tgt.slice(0, 3), tgt.slice(3)]);
    }

    // check must be writeable
    const ro = zeros(6);
    ro.flags.writeable = false;
    expect(() => put(ro, [1, 3, 5], [1, 3, 5])).toThrow(AccessError);

    // np.put of something that is not an ndarray is a TypeError
    const badArray = [1, 2, 3];
    expect(() => put(badArray as never, [0, 2], 5)).toThrow(TypeError);

    // an IndexError if the array is empty
    const emptyArray = npArray([], 'f8');
    expect(() => put(emptyArray, 1, 1, { mode: 'wrap' })).toThrow(IndexError);
    expect(() => put(emptyArray, 1, 1, { mode: 'wrap' })).toThrow(/cannot replace elements of an empty array/);
  });
});

describe('TestMethods.test_round_copies', () => {
  test.each(['uint8', 'int64', 'float64', 'complex128'])('%s', (dt) => {
    let a = arange(3, dt as never) as NdArray;
    expect(sharesMemory(round(a), a)).toBe(false);
    expect(sharesMemory(round(a, 2), a)).toBe(false);

    a = arange(12).astype(dt).reshape([3, 4]).T;
    expect(a.flags.fContiguous).toBe(true);
    expect(round(a).flags.fContiguous).toBe(true);
  });
});

describe('TestWritebackIfCopy', () => {
  test('test_put_noncontiguous', () => {
    const a = arange(6).reshape([2, 3]).T; // force non-c-contiguous
    put(a, [0, 2], [44, 55]);
    expect(vals(a)).toEqual([
      [44, 3],
      [55, 4],
      [2, 5],
    ]);
  });

  test('test_putmask_noncontiguous', () => {
    const a = arange(6).reshape([2, 3]).T; // force non-c-contiguous
    putmask(a, greater(a, 2), power(a, 2));
    expect(vals(a)).toEqual([
      [0, 9],
      [1, 16],
      [2, 25],
    ]);
  });

  test('test_take_mode_raise', () => {
    const a = arange(6, 'i8');
    const out = empty(2, 'i8');
    take(a, array([0, 2]), { out, mode: 'raise' });
    expect(vals(out)).toEqual([0, 2]);
  });
});

// TestWritebackIfCopy's np.place / np.choose / np.dot tests, ported when those
// functions came (they were listed as missing above).
describe('TestWritebackIfCopy (place, choose, dot)', () => {
  test('test_insert_noncontiguous', () => {
    const a = arange(6).reshape(2, 3).T; // force non-c-contiguous
    place(a, greater(a, 2), npArray([44, 55]));
    expect(vals(a)).toEqual([[0, 44], [1, 55], [2, 44]]);
    expect(() => place(a, greater(a, 20), [])).toThrow(ValueError);
  });

  test('test_choose_mod_raise', () => {
    const a = npArray([[1, 0, 1], [0, 1, 0], [1, 0, 1]]);
    const out = empty([3, 3], 'i8');
    choose(a, [-10, 10], { out, mode: 'raise' });
    expect(vals(out)).toEqual([[10, -10, 10], [-10, 10, -10], [10, -10, 10]]);
  });

  test('test_dot_out', () => {
    const a = arange(9, 'f8').reshape(3, 3);
    const b = dot(a, a, a);
    expect(vals(b)).toEqual([[15, 18, 21], [42, 54, 66], [69, 90, 111]]);
  });
});
