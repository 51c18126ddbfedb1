// select against NumPy 2, byte for byte (dtypes of weak defaults, broadcast
// conditions and choices, first-true-wins, errors), and the ported TestSelect.
import { select } from '../lib/select';
import { asarray } from '../lib/array-coerce';
import { arange } from '../lib/create';
import { ValueError } from '../lib/errors';
import { isnan } from '../lib/ufuncs';
import { describeWithNumpy } from './helpers/numpy';
import { expectCasesLikeNumpy, type Case } from './helpers/np-compare';
import { seeded, shared } from './helpers/np-data';

function data(shape: number[], seed: number, dtype = '<f8'): ReturnType<typeof shared> {
  const r = seeded(seed);
  const n = shape.reduce((p, s) => p * s, 1);
  return shared(Array.from({ length: n }, () => Math.floor((r() - 0.3) * 90)), dtype, shape);
}

describeWithNumpy('select against NumPy', () => {
  test('dtypes, broadcasting, defaults, errors', () => {
    const cases: Case[] = [];
    const c1 = data([3, 4], 1);
    const c2 = data([4], 2);
    const py1 = `(${c1.py} > 5)`;
    const py2 = `(${c2.py} < 0)`;
    const k1 = c1.arr.greater(5);
    const k2 = c2.arr.less(0);
    for (const dt of ['<f8', '<f4', '|i1', '|u1', '<i8', '|b1']) {
      const a = data([3, 4], 10, dt);
      const b = data([4], 11, dt);
      cases.push({ py: `np.select([${py1}, ${py2}], [${a.py}, ${b.py}])`, js: () => select([k1, k2], [a.arr, b.arr]) });
      cases.push({ py: `np.select([${py1}, ${py2}], [${a.py}, 3], default=300)`, js: () => select([k1, k2], [a.arr, 3], 300) });
      cases.push({ py: `np.select([${py1}], [${a.py}], default=2.5)`, js: () => select([k1], [a.arr], 2.5) });
      cases.push({ py: `np.select([${py2}], [${b.py}], default=np.array([1, 2, 3, 4], np.int16))`, js: () => select([k2], [b.arr], asarray([1, 2, 3, 4], '<i2')) });
      cases.push({ py: `np.select([${py1}, ${py2}], [${b.py}, -1], default=1j)`, js: () => select([k1, k2], [b.arr, -1], { re: 0, im: 1 }) });
    }
    cases.push({ py: `np.select([np.array(True), np.array([False, True, False])], [1, np.arange(12).reshape(4, 3)])`, js: () => select([asarray(true), asarray([false, true, false])], [1, arange(12).reshape(4, 3)]) });
    cases.push({ py: `np.select([True], [0], default=[0])`, js: () => select([true], [0], [0]) });
    cases.push({ py: `np.select([${py2}], [7])`, js: () => select([k2], [7]) });
    cases.push({ py: `np.select([], [])`, js: () => select([], []) });
    cases.push({ py: `np.select([True], [1, 2])`, js: () => select([true], [1, 2]) });
    cases.push({ py: `np.select([np.array([1, 0])], [1])`, js: () => select([asarray([1, 0])], [1]) });
    cases.push({ py: `np.select([np.array([True, False]), np.array([True, False, True])], [1, 2])`, js: () => select([asarray([true, false]), asarray([true, false, true])], [1, 2]) });
    cases.push({ py: `np.select([np.array([True, False])], [np.zeros(3)])`, js: () => select([asarray([true, false])], [asarray([0, 0, 0], '<f8')]) });
    expectCasesLikeNumpy(cases);
  });
});

describe('select (NumPy TestSelect)', () => {
  const choices = [asarray([1, 2, 3], '<i4'), asarray([4, 5, 6], '<i4'), asarray([7, 8, 9], '<i4')];
  const conditions = [asarray([false, false, false]), asarray([false, true, false]), asarray([false, false, true])];
  test('basic', () => {
    expect(select(conditions, choices, 15).toArray()).toEqual([15, 5, 9]);
  });
  test('broadcasting', () => {
    const r = select([asarray(true), asarray([false, true, false])], [1, arange(12).reshape(4, 3)]);
    expect(r.shape).toEqual([4, 3]);
    expect(r.toArray()).toEqual([[1n, 1n, 1n], [1n, 1n, 1n], [1n, 1n, 1n], [1n, 1n, 1n]]);
    expect(select([true], [0], [0]).shape).toEqual([1]);
  });
  test('return dtype', () => {
    expect(select(conditions, choices, { re: 0, im: 1 }).dtype.str).toBe('<c16');
    expect(select(conditions, choices.map((c) => c.astype('|i1'))).dtype.str).toBe('|i1');
    expect(select(conditions, choices).dtype.str).toBe('<i4');
    const d = asarray([1, 2, 3, NaN, 5, 7]);
    expect(select([isnan(d)], [d]).toArray()).toEqual([0, 0, 0, NaN, 0, 0]);
  });
  test('non-bool conditions are a TypeError', () => {
    expect(() => select([conditions[0].astype('<i8'), conditions[1], conditions[2]], choices)).toThrow(TypeError);
    expect(() => select([conditions[0].astype('|u1'), conditions[1], conditions[2]], choices)).toThrow(new TypeError('invalid entry 0 in condlist: should be boolean ndarray'));
  });
  test('many arguments', () => {
    expect(select(new Array(100).fill(asarray([false])), new Array(100).fill(asarray([1], '<i4'))).toArray()).toEqual([0]);
  });
  test('10^5 conditions: no stack overflow, the first true one wins (NumPy selects from any number; its chunked broadcast names arg 18 of the last chunk)', () => {
    // It was `RangeError: Maximum call stack size exceeded` (a spread of every condition into broadcastArrays).
    const n = 100_000;
    const a = arange(3);
    const never = asarray([false, false, false]);
    const conds = [...new Array(n - 3).fill(never), a.equal(0), a.equal(1), a.greaterEqual(0)];
    const r = select(conds, [...Array(n).keys()], -1);
    expect(r.dtype.str).toBe('<i8');
    expect(r.toArray()).toEqual([BigInt(n - 3), BigInt(n - 2), BigInt(n - 1)]);
    expect(() => select([...conds.slice(1), asarray([true, false])], [...Array(n).keys()])).toThrow(/shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape \(3,\) and arg 18 with shape \(2,\)/);
  });
  test('empty lists', () => {
    expect(() => select([], [])).toThrow(new ValueError('select with an empty condition list is not possible'));
  });
});
