// choose against NumPy 2, byte for byte: modes raise/wrap/clip, broadcasting,
// the choices' common dtype (weak numbers), out of another dtype, errors;
// and the ported TestChoose (_core/tests/test_numeric.py).
import { choose } from '../lib/choose';
import { asarray } from '../lib/array-coerce';
import { ones, zeros } from '../lib/create';
import { AccessError } from '../lib/errors';
import { DTypePromotionError } from '../lib/promote';
import { describeWithNumpy } from './helpers/numpy';
import { expectCasesLikeNumpy, type Case } from './helpers/np-compare';
import { seeded, shared } from './helpers/np-data';

function data(shape: number[], seed: number, dtype: string, lo: number, hi: number): ReturnType<typeof shared> {
  const r = seeded(seed);
  const n = shape.reduce((p, s) => p * s, 1);
  return shared(Array.from({ length: n }, () => lo + Math.floor(r() * (hi - lo))), dtype, shape);
}

describeWithNumpy('choose against NumPy', () => {
  test('modes, broadcasting, dtypes, out, errors', () => {
    const cases: Case[] = [];
    const good = data([3, 4], 1, '<i8', 0, 3);
    const bad = data([3, 4], 2, '<i4', -5, 8);
    const c0 = data([3, 4], 3, '<f4', -9, 9);
    const c1 = data([4], 4, '|i1', -9, 9);
    const c2 = data([3, 1], 5, '<u2', 0, 9);
    const chPy = `[${c0.py}, ${c1.py}, ${c2.py}]`;
    const ch = [c0.arr, c1.arr, c2.arr];
    cases.push({ py: `np.choose(${good.py}, ${chPy})`, js: () => choose(good.arr, ch) });
    cases.push({ py: `np.choose(${bad.py}, ${chPy})`, js: () => choose(bad.arr, ch) });
    cases.push({ py: `np.choose(${bad.py}, ${chPy}, mode='wrap')`, js: () => choose(bad.arr, ch, { mode: 'wrap' }) });
    cases.push({ py: `np.choose(${bad.py}, ${chPy}, mode='clip')`, js: () => choose(bad.arr, ch, { mode: 'clip' }) });
    cases.push({ py: `np.choose(${good.py}, [${c1.py}, 300, -2])`, js: () => choose(good.arr, [c1.arr, 300, -2]) });
    cases.push({ py: `np.choose(${good.py}, [${c1.py}, 3.5, ${c2.py}])`, js: () => choose(good.arr, [c1.arr, 3.5, c2.arr]) });
    cases.push({ py: `np.choose(${good.py}[0], [1, 2, 3])`, js: () => choose(good.arr.index(0), [1, 2, 3]) });
    cases.push({ py: `np.choose(${good.py}.astype(bool), [${c0.py}, ${c1.py}])`, js: () => choose(good.arr.astype('|b1'), [c0.arr, c1.arr]) });
    cases.push({ py: `np.choose(${good.py}.astype(float), ${chPy})`, js: () => choose(good.arr.astype('<f8'), ch) });
    cases.push({ py: `np.choose(${good.py}, [])`, js: () => choose(good.arr, []) });
    cases.push({ py: `np.choose(${good.py}, ${chPy}, mode='x')`, js: () => choose(good.arr, ch, { mode: 'x' as 'raise' }) });
    cases.push({ py: `np.choose([0, 1], [[1, 2, 3], [4, 5]])`, js: () => choose([0, 1], [[1, 2, 3], [4, 5]]) });
    cases.push({ py: `np.choose(${good.py}, ${chPy}, out=np.zeros((3, 4), np.int8))`, js: () => choose(good.arr, ch, { out: zeros([3, 4], '|i1') }) });
    cases.push({ py: `np.choose(${good.py}, ${chPy}, out=np.zeros(3))`, js: () => choose(good.arr, ch, { out: zeros(3) }) });
    expectCasesLikeNumpy(cases);
  });
});

describe('choose (NumPy TestChoose)', () => {
  const x = asarray([2, 2, 2], '<i8');
  const y = asarray([3, 3, 3], '<i8');
  const ind = asarray([0, 0, 1], '<i8');
  test('basic', () => {
    expect(choose(ind, [x, y]).toArray()).toEqual([2n, 2n, 3n]);
  });
  test('broadcast', () => {
    const y2 = asarray([[3, 3, 3]], '<i8');
    expect(choose(ind, [x, y2]).toArray()).toEqual([[2n, 2n, 3n]]);
  });
  test('out is written and returned; a read-only out is refused', () => {
    const out = zeros(3, '<f8');
    expect(choose(ind, [x, y], { out })).toBe(out);
    expect(out.toArray()).toEqual([2, 2, 3]);
    const ro = zeros(3, '<f8');
    ro.flags.writeable = false;
    expect(() => choose(ind, [x, y], { out: ro })).toThrow(AccessError);
  });
  test('a closed choice is refused', () => {
    const c = asarray([1, 2, 3], '<f8');
    c.release();
    expect(() => choose(ind, [x, c])).toThrow(/closed|released/);
  });
});

describe('choose: the choices\' common type before a\'s cast (NumPy\'s PyArray_Choose order)', () => {
  test('records among the choices are a DTypePromotionError even for a float a; a float a with numeric choices is the cast TypeError', () => {
    const rec = zeros([3], [['a', '<f2']] as never);
    expect(() => choose(rec, [ones([3]), rec])).toThrow(DTypePromotionError);
    expect(() => choose(ones([3]), [ones([3]), rec])).toThrow(DTypePromotionError);
    expect(() => choose(ones([3]), [ones([3]), ones([3], '|i1')])).toThrow(new TypeError("Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'"));
  });
});
