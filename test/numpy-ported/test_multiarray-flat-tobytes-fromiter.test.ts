// NumPy's own tests (NumPy 2.4) of flatiter, tobytes and fromiter, ported
// test by test (same names, intent and values): numpy/_core/tests/
// test_multiarray.py class TestFlat and test_tobytes_no_copy_fastpath;
// numpy/_core/tests/test_numeric.py class TestFromiter.
//
// Mapping: a.flat[i] -> a.flat.get(i), a.flat[i] = v -> a.flat.set(i, v);
// NumPy's ValueError for a read-only write -> the library's AccessError
// (its one class for read-only writes); a generator -> a JS generator.
//
// Skipped (not counted as passing): TestFlat.test___array__ (no
// __array__ protocol), test_refcount (no refcounts), test_maxdims (NumPy's
// flat is limited to 32 axes; this one is not); TestFromiter's object-dtype
// and __length_hint__ cases (no object dtype; JS iterables carry no hint).
import { AccessError, arange, ascontiguousarray, fromiter, ValueError } from '../../lib';
import type { NdArray } from '../../lib';

describe('TestFlat', () => {
  const create = (): [NdArray, NdArray] => {
    const a = arange(20, 'f8').reshape(4, 5);
    a.flags.writeable = false;
    return [a, a.index('::2, ::2')];
  };
  test('test_contiguous', () => {
    const [a] = create();
    expect(() => a.flat.set(12, 100.0)).toThrow(AccessError);
    expect(a.flat.get(12)).toBe(12.0);
  });
  test('test_discontiguous', () => {
    const [, b] = create();
    expect(() => b.flat.set(4, 100.0)).toThrow(AccessError);
    expect(b.flat.get(4)).toBe(12.0);
  });
  test('test_index_getset', () => {
    const it = arange(10).reshape(2, 1, 5).flat;
    expect(() => {
      (it as unknown as { index: number }).index = 10;
    }).toThrow(TypeError);
    for (const _ of it) void _;
    expect(it.index).toBe(it.base.size);
  });
});

test('test_tobytes_no_copy_fastpath', () => {
  for (const shape of [[3, 224, 224], [8, 64, 64]]) {
    const n = shape.reduce((p, d) => p * d, 1);
    const arr = arange(n, 'f4').multiply(0.001).reshape(shape);
    const noncontig = arr.transpose(1, 2, 0);
    expect(noncontig.tobytes().equals(ascontiguousarray(noncontig).tobytes())).toBe(true);
  }
});

describe('TestFromiter', () => {
  function* makegen(): Generator<number> {
    for (let x = 0; x < 24; x++) yield x ** 2;
  }
  test('test_types', () => {
    expect(fromiter(makegen(), 'i4').dtype.str).toBe('<i4');
    expect(fromiter(makegen(), 'i8').dtype.str).toBe('<i8');
    expect(fromiter(makegen(), 'f8').dtype.str).toBe('<f8');
  });
  test('test_lengths', () => {
    expect(fromiter(makegen(), 'i8').shape).toEqual([24]);
    expect(fromiter(makegen(), 'i8', 20).shape).toEqual([20]);
    expect(() => fromiter(makegen(), 'i8', 34)).toThrow(ValueError);
  });
  test('test_values', () => {
    const expected = [...makegen()].map(BigInt);
    expect(fromiter(makegen(), 'i8').toArray()).toEqual(expected);
    expect(fromiter(makegen(), 'i8', 20).toArray()).toEqual(expected.slice(0, 20));
  });
  test.each([
    [10, 5],
    [10, 9],
  ])('test_2592 (count %i, error at %i): the iterator\'s own error comes through', (count, errorIndex) => {
    class NIterError extends Error {}
    function* loadData(): Generator<number> {
      for (let e = 0; e < count; e++) {
        if (e === errorIndex) throw new NIterError(`error at index ${errorIndex}`);
        yield e;
      }
    }
    expect(() => fromiter(loadData(), 'i8', count)).toThrow(NIterError);
  });
  test.each(['S', 'S0', 'V0'])('test_empty_not_structured %s', (dt) => {
    expect(() => fromiter([], dt)).toThrow(/Must specify length/);
  });
  test.each([
    ['d', [1, 2, 3, 4, 5, 6, 7, 8, 9]],
    ['2i', [[1, 2], [5, 4], [2, 3], [9, 8], [6, 7]]],
  ])('test_growth_and_complicated_dtypes %s', (dt, data) => {
    const big = Array.from({ length: 100 }, () => data).flat(1);
    const res = fromiter(big, dt);
    expect(res.toArray()).toEqual(big);
  });
  test('test_empty_result', () => {
    const res = fromiter([], 'd');
    expect(res.shape).toEqual([0]);
    expect(res.dtype.str).toBe('<f8');
  });
  test('test_too_few_items', () => {
    expect(() => fromiter([1, 2, 3], 'd', 10)).toThrow('iterator too short: Expected 10 but iterator had only 3 items.');
  });
});
