// piecewise: the ported TestPiecewise (conditions as a single list, a list of
// lists, a bool or int array; the "otherwise" function; 0-d x), JS callbacks
// over the selected values, and a NumPy comparison of values and dtypes.
import { piecewise } from '../lib/piecewise';
import { asarray } from '../lib/array-coerce';
import { arange } from '../lib/create';
import type { NdArray } from '../lib/ndarray';
import { greaterEqual, less, multiply, negative } from '../lib/ufuncs';
import { describeWithNumpy } from './helpers/numpy';
import { expectCasesLikeNumpy, type Case } from './helpers/np-compare';
import { seeded, shared } from './helpers/np-data';


/** An int64 result's values as numbers (the library gives int64 items as bigints). */
const nums = (a: NdArray): unknown => JSON.parse(JSON.stringify(a.toArray(), (_k, x) => (typeof x === 'bigint' ? Number(x) : x)));

describe('piecewise (NumPy TestPiecewise)', () => {
  test('simple', () => {
    expect(nums(piecewise([0, 0], [true, false], [1]))).toEqual([1, 0]);
    expect(nums(piecewise([0, 0], [[true, false]], [1]))).toEqual([1, 0]);
    expect(nums(piecewise([0, 0], asarray([true, false]), [1]))).toEqual([1, 0]);
    expect(nums(piecewise([0, 0], asarray([1, 0]), [1]))).toEqual([1, 0]);
    expect(nums(piecewise([0, 0], [asarray([1, 0])], [1]))).toEqual([1, 0]);
    expect(nums(piecewise([0, 0], [[false, true]], [() => -1]))).toEqual([0, -1]);
    expect(() => piecewise([0, 0], [[false, true]], [])).toThrow(/1 or 2 functions are expected/);
    expect(() => piecewise([0, 0], [[false, true]], [1, 2, 3])).toThrow(/1 or 2 functions are expected/);
  });
  test('two conditions', () => {
    expect(nums(piecewise([1, 2], [[true, false], [false, true]], [3, 4]))).toEqual([3, 4]);
  });
  test('scalar domain, three conditions', () => {
    expect(Number(piecewise(3, [true, false, false], [4, 2, 0]).get())).toBe(4);
  });
  test('default', () => {
    expect(nums(piecewise([1, 2], [true, false], [2]))).toEqual([2, 0]);
    expect(nums(piecewise([1, 2], [true, false], [2, 3]))).toEqual([2, 3]);
  });
  test('0-d', () => {
    const x = asarray(3);
    const y = piecewise(x, x.greater(3), [4, 0]);
    expect(y.ndim).toBe(0);
    expect(Number(y.get())).toBe(0);
    expect(Number(piecewise(5, [true, false], [1, 0]).get())).toBe(1);
    expect(Number(piecewise(5, [false, false, true], [1, 2, 3]).get())).toBe(3);
    expect(Number(piecewise(3, [3 <= 3, 3 > 3], [4, 0]).get())).toBe(4);
    expect(Number(piecewise(4, [false, true, false], [1, 2, 3]).get())).toBe(2);
    expect(() => piecewise(4, [false, true], [1])).toThrow(/2 or 3 functions are expected/);
    expect(() => piecewise(4, [false, true], [1, 1, 1, 1])).toThrow(/2 or 3 functions are expected/);
    expect(Number(piecewise(asarray(3), [asarray(false)], [1, 2]).get())).toBe(2);
  });
  test('multidimensional, with the otherwise function', () => {
    const x = asarray([[-2.5, -1.5, -0.5], [0.5, 1.5, 2.5]]);
    expect(piecewise(x, [less(x, 0), greaterEqual(x, 2)], [-1, 1, 3]).toArray()).toEqual([[-1, -1, -1], [3, 3, 1]]);
  });
  test('callbacks get the selected values (1-d) and the extra arguments', () => {
    const x = arange(-3, 4, 1, '<f8');
    const seen: number[][] = [];
    const y = piecewise(x, [less(x, 0)], [(v: NdArray, k: unknown) => (seen.push(v.toArray() as number[]), multiply(negative(v), k as number)), (v: NdArray) => v], 10);
    expect(seen).toEqual([[-3, -2, -1]]);
    expect(y.toArray()).toEqual([30, 20, 10, 0, 1, 2, 3]);
    // a function whose condition selects nothing is not called (NumPy skips empty selections)
    let called = false;
    piecewise(x, [less(x, -10)], [() => ((called = true), 1), 0]);
    expect(called).toBe(false);
  });
});

describeWithNumpy('piecewise against NumPy', () => {
  test('values and dtypes', () => {
    const r = seeded(3);
    const vals = Array.from({ length: 12 }, () => (r() - 0.5) * 10);
    const cases: Case[] = [];
    for (const dt of ['<f8', '<f4', '<i4', '|u1']) {
      const x = shared(vals, dt, [3, 4]);
      cases.push({ py: `np.piecewise(${x.py}, [${x.py} < 2, ${x.py} > 3], [lambda v: v * 2.5, 7.9, lambda v: -v])`, js: () => piecewise(x.arr, [less(x.arr, 2), x.arr.greater(3)], [(v: NdArray) => multiply(v, 2.5), 7.9, (v: NdArray) => negative(v)]) });
      cases.push({ py: `np.piecewise(${x.py}, ${x.py} < 1, [300])`, js: () => piecewise(x.arr, less(x.arr, 1), [300]) });
    }
    expectCasesLikeNumpy(cases);
  });
});
