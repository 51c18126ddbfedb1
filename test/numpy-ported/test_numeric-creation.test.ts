// NumPy's own numpy/_core/tests/test_numeric.py (NumPy 2.4), classes
// TestCreationFuncs and TestLikeFuncs (the rest of the file is
// test_numeric.test.ts), ported test by test: same names, same intent, the
// same dtypes, flags, strides and values.
//
// Mapping: np.zeros/ones/empty(shape, dtype, order) -> zeros/ones/empty(shape,
// dtype, order); np.full(shape, v, dtype, order) -> full(shape, v, dtype, order);
// np.*_like(a, dtype=, order=, shape=) -> *Like(a, { dtype, order, shape });
// fullLike(a, v, ...); np.all(dz == value) -> every value read equals it.
// The dtypes are sctypes' that exist here: no longdouble, clongdouble, object or str.
//
// Skipped (not counted as passing):
// - the DType-class half of check_function (np.dtypes.Int8DType, ...): no DType classes here.
// - void dtypes in test_ones: NumPy stores the int 1's bytes into each void item;
//   ones() of a void dtype is a TypeError here (a void item takes only bytes).
// - test_for_reference_leak, test_signatures: Python refcounts and inspect.signature.
// - TestLikeFuncs subok=False, and dtype="S-1" (an invalid string this dtype parser reads differently).
import { OverflowError, arange, empty, emptyLike, full, fullLike, ones, onesLike, zeros, zerosLike, array, type NdArray } from '../../lib';

import { thrownBy } from '../helpers/thrown';

const SCTYPES = ['i1', 'i2', 'i4', 'i8', 'u1', 'u2', 'u4', 'u8', 'f2', 'f4', 'f8', 'c8', 'c16', '?'];
const VARIABLE = ['S', 'V'];

type Maker = (shape: number[], order: 'C' | 'F', dtype: string) => NdArray;

function checkFunction(func: Maker, fillValue?: number, skipVoid = false): void {
  const dtypes = [...SCTYPES, ...VARIABLE.flatMap((k) => Array.from({ length: 9 }, (_, i) => `${k}${i + 1}`))];
  const orders = { C: 'cContiguous', F: 'fContiguous' } as const;
  for (const size of [0, 1, 2]) {
    for (let ndims = 0; ndims < 10; ndims++) {
      for (const order of ['C', 'F'] as const) {
        for (const dt of dtypes) {
          const isVoid = dt.startsWith('V');
          if ((fillValue !== undefined || skipVoid) && isVoid) continue;
          const shape = new Array<number>(ndims).fill(size);
          const arr = func(shape, order, dt);
          expect(arr.dtype.str.slice(1)).toBe(dt === '?' ? 'b1' : dt);
          expect(arr.flags[orders[order]]).toBe(true);
          if (fillValue !== undefined) {
            const want = array(dt.startsWith('S') ? String(fillValue) : fillValue, dt);
            const got = arr.ravel().toArray() as unknown[];
            expect(got).toEqual(new Array(got.length).fill(want.get()));
          }
        }
      }
    }
  }
}

describe('TestCreationFuncs', () => {
  test('test_zeros', () => {
    checkFunction((s, o, dt) => zeros(s, dt, o) as NdArray);
  });

  test('test_ones', () => {
    checkFunction((s, o, dt) => ones(s, dt, o) as NdArray, undefined, true);
  });

  test('test_empty', () => {
    checkFunction((s, o, dt) => empty(s, dt, o) as NdArray);
  });

  test('test_full', () => {
    checkFunction((s, o, dt) => full(s, 0, dt, o) as NdArray, 0);
    checkFunction((s, o, dt) => full(s, 1, dt, o) as NdArray, 1);
  });

  test.skip('test_for_reference_leak, test_signatures: Python refcounts and inspect.signature', () => undefined);
});

type Like = (a: NdArray, o: { dtype?: string; order?: 'C' | 'F' | 'A' | 'K'; shape?: number[] }) => NdArray;

/** np.argsort of strides (stable), as the test compares axis orders. */
function argsort(xs: readonly number[]): number[] {
  return xs.map((x, i) => [x, i]).sort((p, q) => p[0] - q[0] || p[1] - q[1]).map((p) => p[1]);
}

function checkLikeFunction(like: Like, value: number | null, fillValue = false): void {
  const r = (n: number, shape: number[], order: 'C' | 'F' = 'C', dt = 'i8'): NdArray => arange(n, dt).reshape(shape, order) as NdArray;
  const data: [NdArray, string | undefined][] = [
    [array(3.0), undefined],
    [array(3), 'f8'],
    [arange(6, 'f4') as NdArray, undefined],
    [arange(6) as NdArray, 'c16'],
    [r(6, [2, 3]), undefined],
    [r(6, [3, 2]), 'i1'],
    [r(6, [2, 3], 'F'), undefined],
    [r(6, [3, 2], 'F'), 'i1'],
    [r(24, [2, 3, 4]), undefined],
    [r(24, [4, 3, 2]), 'f4'],
    [r(24, [2, 3, 4], 'F'), undefined],
    [r(24, [4, 3, 2], 'F'), 'f4'],
    [r(24, [2, 3, 4]).swapaxes(0, 1), undefined],
    [r(24, [4, 3, 2]).swapaxes(0, 1), '?'],
  ];
  const shapes = [[], [5], [5, 6], [5, 6, 7]];

  const compare = (dz: NdArray): void => {
    if (value === null) return;
    // np.array(value).astype(dz.dtype): the value as the dtype stores it.
    const z = array(value).astype(dz.dtype).get();
    for (const v of dz.ravel().toArray() as unknown[]) expect(v).toEqual(fillValue ? z : array(value, dz.dtype).get());
  };
  const dtypeOk = (dz: NdArray, d: NdArray, dtype: string | undefined): void => {
    expect(dz.dtype.equals(dtype === undefined ? d.dtype : array(0, dtype).dtype)).toBe(true);
  };

  for (const [d, dtype] of data) {
    let dz = like(d, { dtype });
    expect(dz.shape).toEqual(d.shape);
    expect(dz.strides.map((s) => s * d.itemsize)).toEqual(d.strides.map((s) => s * dz.itemsize));
    expect(dz.flags.cContiguous).toBe(d.flags.cContiguous);
    expect(dz.flags.fContiguous).toBe(d.flags.fContiguous);
    dtypeOk(dz, d, dtype);
    compare(dz);

    dz = like(d, { order: 'C', dtype });
    expect(dz.shape).toEqual(d.shape);
    expect(dz.flags.cContiguous).toBe(true);
    dtypeOk(dz, d, dtype);
    compare(dz);

    dz = like(d, { order: 'F', dtype });
    expect(dz.shape).toEqual(d.shape);
    expect(dz.flags.fContiguous).toBe(true);
    dtypeOk(dz, d, dtype);
    compare(dz);

    dz = like(d, { order: 'A', dtype });
    expect(dz.shape).toEqual(d.shape);
    expect(d.flags.fContiguous ? dz.flags.fContiguous : dz.flags.cContiguous).toBe(true);
    dtypeOk(dz, d, dtype);
    compare(dz);

    for (const s of shapes) {
      for (const o of ['C', 'F', 'A'] as const) {
        const sz = like(d, { dtype, shape: s, order: o });
        expect(sz.shape).toEqual(s);
        dtypeOk(sz, d, dtype);
        if (o === 'C' || (o === 'A' && d.flags.cContiguous)) expect(sz.flags.cContiguous).toBe(true);
        else if (o === 'F' || (o === 'A' && d.flags.fContiguous)) expect(sz.flags.fContiguous).toBe(true);
        compare(sz);
      }
      const k = like(d, { dtype, shape: s, order: 'K' });
      if (d.ndim !== s.length) expect(argsort(k.strides)).toEqual(argsort(empty(s, dtype ?? 'f8', 'C').strides));
      else expect(argsort(k.strides)).toEqual(argsort(d.strides));
    }
  }
}

describe('TestLikeFuncs', () => {
  test('test_ones_like', () => {
    checkLikeFunction((a, o) => onesLike(a, o as never) as NdArray, 1);
  });

  test('test_zeros_like', () => {
    checkLikeFunction((a, o) => zerosLike(a, o as never) as NdArray, 0);
  });

  test('test_empty_like', () => {
    checkLikeFunction((a, o) => emptyLike(a, o as never) as NdArray, null);
  });

  test('test_filled_like', () => {
    checkLikeFunction((a, o) => fullLike(a, 0, o as never) as NdArray, 0, true);
    checkLikeFunction((a, o) => fullLike(a, 1, o as never) as NdArray, 1, true);
    // Large integers may overflow (gh-27075).
    thrownBy(() => fullLike(ones(3, 'i1'), 1000), OverflowError);
    checkLikeFunction((a, o) => fullLike(a, 123.456, o as never) as NdArray, 123.456, true);
  });

  test('test_dtype_str_bytes', () => {
    // Regression test for gh-19860 (bytes; there is no str dtype here).
    const b = arange(16).reshape([2, 8]).index(':, ::2');
    for (const f of [(x: NdArray) => emptyLike(x, { dtype: 'S' }), (x: NdArray) => fullLike(x, '', { dtype: 'S' }), (x: NdArray) => zerosLike(x, { dtype: 'S' }), (x: NdArray) => onesLike(x, { dtype: 'S' })]) {
      expect(f(b as NdArray).strides).toEqual([4, 1]);
    }
  });

  test.skip('subok=False and dtype="S-1": no subok switch; the dtype parser reads "S-1" differently', () => undefined);
});
