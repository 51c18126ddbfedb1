// NumPy's own numpy/_core/tests/test_numeric.py (NumPy 2.4): classes TestStdVar,
// TestStdVarComplex and the std/var `mean=` tests of TestNonarrayArgs, ported
// test by test: same names, same intent, the same values, shapes and errors.
//
// Mapping: np.var -> variance (var is a JavaScript keyword), np.std -> std,
// keywords -> an options object. np.var(1) of a Python scalar -> variance of
// a 0-d array. rng.randn(10, 20, 5) + 0.5 (RandomState(1234)) -> the shared
// seeded rng shifted the same way (the tests compare the library with itself).
// assert_almost_equal -> |x - y| < 1.5e-7 per item; assert_equal -> the same
// values exactly.
//
// Left out, not counted as passing:
// - test_std_with_mean_keyword_keepdims_true_masked, test_var_with_mean_keyword_keepdims_true_masked:
//   np.ma masked arrays do not exist here.
import { arange, array as npArray, greater, mean, NdArray, std, ValueError, variance, zeros } from '../../lib';
import { rng as rngFor } from '../helpers/bytes';
import { array } from '../helpers/np-array';

const values = (a: NdArray): number[] => {
  const v = a.toArray() as unknown;
  return Array.isArray(v) ? (v.flat(Infinity) as number[]) : [v as number];
};
const almost = (x: number, y: number): void => expect([x, y, Math.abs(x - y) < 1.5e-7]).toEqual([x, y, true]);
const almostArr = (x: NdArray, y: NdArray): void => {
  expect(x.shape).toEqual(y.shape);
  const b = values(y);
  values(x).forEach((v, i) => almost(v, b[i]));
};

describe('TestStdVar', () => {
  const A = array([1, -1, 1, -1], 'i8');
  const realVar = 1;

  test('test_basic', () => {
    almost(variance(A).toArray() as number, realVar);
    almost((std(A).toArray() as number) ** 2, realVar);
  });

  test('test_scalars', () => {
    expect(variance(npArray(1)).toArray()).toBe(0);
    expect(std(npArray(1)).toArray()).toBe(0);
  });

  test('test_ddof1', () => {
    almost(variance(A, null, { ddof: 1 }).toArray() as number, (realVar * A.size) / (A.size - 1));
    almost((std(A, null, { ddof: 1 }).toArray() as number) ** 2, (realVar * A.size) / (A.size - 1));
  });

  test('test_ddof2', () => {
    almost(variance(A, null, { ddof: 2 }).toArray() as number, (realVar * A.size) / (A.size - 2));
    almost((std(A, null, { ddof: 2 }).toArray() as number) ** 2, (realVar * A.size) / (A.size - 2));
  });

  test('test_correction', () => {
    almost(variance(A, null, { correction: 1 }).toArray() as number, variance(A, null, { ddof: 1 }).toArray() as number);
    almost(std(A, null, { correction: 1 }).toArray() as number, std(A, null, { ddof: 1 }).toArray() as number);
    const msg = /^ddof and correction can't be provided simultaneously\.$/;
    expect(() => variance(A, null, { ddof: 1, correction: 0 })).toThrow(ValueError);
    expect(() => variance(A, null, { ddof: 1, correction: 0 })).toThrow(msg);
    expect(() => std(A, null, { ddof: 1, correction: 1 })).toThrow(ValueError);
    expect(() => std(A, null, { ddof: 1, correction: 1 })).toThrow(msg);
  });

  test('test_out_scalar', () => {
    const d = arange(10);
    const out = zeros([], 'f8');
    let r = std(d, null, { out });
    expect(r).toBe(out);
    expect(r.toArray()).toBe(out.toArray());
    expect(r.toArray()).toBeCloseTo(Math.sqrt(8.25), 12);
    r = variance(d, null, { out });
    expect(r).toBe(out);
    expect(r.toArray()).toBe(8.25);
    r = mean(d, null, { out });
    expect(r).toBe(out);
    expect(r.toArray()).toBe(4.5);
  });
});

describe('TestStdVarComplex', () => {
  test('test_basic', () => {
    const A = array(
      [
        { re: 1, im: 0 },
        { re: 0, im: 1 },
        { re: -1, im: 0 },
        { re: 0, im: -1 },
      ],
      'c16',
    );
    almost(variance(A).toArray() as number, 1);
    almost((std(A).toArray() as number) ** 2, 1);
  });

  test('test_scalars', () => {
    expect(variance(npArray({ re: 0, im: 1 }, 'c16')).toArray()).toBe(0);
    expect(std(npArray({ re: 0, im: 1 }, 'c16')).toArray()).toBe(0);
  });
});

describe('TestNonarrayArgs (std/var mean=)', () => {
  const r = rngFor(1234);
  // A standard normal by Box-Muller, shifted by 0.5 as the test does.
  const randn = (): number => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const A = array(Array.from({ length: 10 * 20 * 5 }, () => randn() + 0.5), 'f8').reshape([10, 20, 5]);

  for (const [name, f] of [
    ['std', std],
    ['var', variance],
  ] as const) {
    test(`test_${name}_with_mean_keyword`, () => {
      const meanOut = zeros([10, 1, 5], 'f8');
      const resOut = zeros([10, 1, 5], 'f8');
      const m = mean(A, 1, { out: meanOut, keepdims: true });
      expect(m).toBe(meanOut);
      const res = f(A, 1, { out: resOut, keepdims: true, mean: m });
      expect(res).toBe(resOut);
      expect(res.shape).toEqual(m.shape);
      expect(res.shape).toEqual([10, 1, 5]);
      const old = f(A, 1, { keepdims: true });
      expect(old.shape).toEqual(m.shape);
      almostArr(res, old);
    });

    test(`test_${name}_with_mean_keyword_keepdims_false`, () => {
      const m = mean(A, 1, { keepdims: true });
      const res = f(A, 1, { keepdims: false, mean: m });
      expect(res.shape).toEqual([10, 5]);
      const old = f(A, 1, { keepdims: false });
      expect(old.shape).toEqual(mean(A, 1, { keepdims: false }).shape);
      expect(res.toArray()).toEqual(old.toArray());
    });

    test(`test_${name}_with_mean_keyword_where_nontrivial`, () => {
      const where = greater(A, 0.5);
      const m = mean(A, 1, { keepdims: true, where });
      const res = f(A, 1, { keepdims: false, mean: m, where });
      expect(res.shape).toEqual([10, 5]);
      const old = f(A, 1, { where });
      expect(old.shape).toEqual(mean(A, 1, { where }).shape);
      expect(res.toArray()).toEqual(old.toArray());
    });

    test(`test_${name}_with_mean_keyword_multiple_axis`, () => {
      const axis = [0, 2];
      const m = mean(A, axis, { keepdims: true });
      const res = f(A, axis, { keepdims: false, mean: m });
      expect(res.shape).toEqual([20]);
      almostArr(res, f(A, axis, { keepdims: false }));
    });

    test(`test_${name}_with_mean_keyword_axis_None`, () => {
      const m = mean(A, null, { keepdims: true });
      const res = f(A, null, { keepdims: false, mean: m });
      expect(res.shape).toEqual([]);
      almostArr(res, f(A, null, { keepdims: false }));
    });
  }
});
