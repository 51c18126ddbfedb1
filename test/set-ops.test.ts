// isin / intersect1d / union1d / setdiff1d / setxor1d against NumPy 2:
// dtype, shape and bytes over dtypes (mixed too), NaN, repeated items,
// empty inputs, assumeUnique, invert, returnIndices, and NumPy's errors.
import { isin, intersect1d, union1d, setdiff1d, setxor1d } from '../lib/set-ops';
import { dtype } from '../lib/dtype';
import { describeWithNumpy } from './helpers/numpy';
import { type Case, expectCasesLikeNumpy as check } from './helpers/np-compare';
import { seeded, shared } from './helpers/np-data';

function data(dtype: string, shape: number[], seed: number, span: number, nan = false): ReturnType<typeof shared> {
  const r = seeded(seed);
  const n = shape.reduce((p, s) => p * s, 1);
  return shared(Array.from({ length: n }, () => (nan && r() < 0.1 ? NaN : Math.floor(r() * span) - 3)), dtype, shape);
}

const PAIRS: [string, string][] = [['<f8', '<f8'], ['<i4', '<i4'], ['<i8', '<f8'], ['<u1', '<i2'], ['<f4', '<f8'], ['|b1', '|b1']];

describeWithNumpy('set routines against NumPy', () => {
  test('each routine over dtypes, NaN and repeated items', () => {
    const cases: Case[] = [];
    PAIRS.forEach(([d1, d2], k) => {
      const nan = d1.includes('f') && d2.includes('f');
      const a = data(d1, [4, 6], 60 + k, d1 === '|b1' ? 2 : 12, nan);
      const b = data(d2, [9], 70 + k, d2 === '|b1' ? 2 : 14, nan);
      for (const invert of [false, true]) {
        cases.push({ py: `np.isin(${a.py}, ${b.py}, invert=${invert ? 'True' : 'False'})`, js: () => isin(a.arr, b.arr, { invert }) });
      }
      cases.push({ py: `np.intersect1d(${a.py}, ${b.py})`, js: () => intersect1d(a.arr, b.arr) });
      cases.push({ py: `np.intersect1d(${a.py}, ${b.py}, return_indices=True)[1]`, js: () => intersect1d(a.arr, b.arr, { returnIndices: true }).indices1 });
      cases.push({ py: `np.intersect1d(${a.py}, ${b.py}, return_indices=True)[2]`, js: () => intersect1d(a.arr, b.arr, { returnIndices: true }).indices2 });
      cases.push({ py: `np.union1d(${a.py}, ${b.py})`, js: () => union1d(a.arr, b.arr) });
      cases.push({ py: `np.setdiff1d(${a.py}, ${b.py})`, js: () => setdiff1d(a.arr, b.arr) });
      cases.push({ py: `np.setxor1d(${a.py}, ${b.py})`, js: () => setxor1d(a.arr, b.arr) });
    });
    check(cases);
  });

  test('assumeUnique, empty inputs, and kind', () => {
    const u = shared([5, 1, 9, 3], '<i8', [4]);
    const v = shared([3, 7, 5, 0], '<i8', [4]);
    const e = shared([], '<f8', [0]);
    const f = shared([1.5, 2], '<f8', [2]);
    check([
      { py: `np.intersect1d(${u.py}, ${v.py}, assume_unique=True, return_indices=True)[1]`, js: () => intersect1d(u.arr, v.arr, { assumeUnique: true, returnIndices: true }).indices1 },
      { py: `np.intersect1d(${u.py}, ${v.py}, assume_unique=True)`, js: () => intersect1d(u.arr, v.arr, { assumeUnique: true }) },
      { py: `np.setdiff1d(${u.py}, ${v.py}, assume_unique=True)`, js: () => setdiff1d(u.arr, v.arr, { assumeUnique: true }) },
      { py: `np.setxor1d(${u.py}, ${v.py}, assume_unique=True)`, js: () => setxor1d(u.arr, v.arr, { assumeUnique: true }) },
      { py: `np.isin(${u.py}, ${e.py})`, js: () => isin(u.arr, e.arr) },
      { py: `np.isin(${e.py}, ${u.py})`, js: () => isin(e.arr, u.arr) },
      { py: `np.intersect1d(${e.py}, ${e.py})`, js: () => intersect1d(e.arr, e.arr) },
      { py: `np.setxor1d(${e.py}, ${e.py})`, js: () => setxor1d(e.arr, e.arr) },
      { py: `np.union1d(${e.py}, ${u.py})`, js: () => union1d(e.arr, u.arr) },
      { py: `np.isin(${u.py}, ${v.py}, kind='table')`, js: () => isin(u.arr, v.arr, { kind: 'table' }) },
      { py: `np.isin(${f.py}, ${v.py}, kind='table')`, js: () => isin(f.arr, v.arr, { kind: 'table' }) },
      { py: `np.isin(${u.py}, ${v.py}, kind='hash')`, js: () => isin(u.arr, v.arr, { kind: 'hash' as never }) },
    ]);
  });
});

test('isin of small ints (the table path) gives a new array of its own, not a view over a JS buffer (fuzz seed 1000574)', () => {
  const a = shared([3, 47, 5], '|i1', [3]).arr;
  const r = isin(a, shared([47], '|i1', [1]).arr);
  expect(r.toArray()).toEqual([false, true, false]);
  // (reshaped to a's shape: a view of the library's own 1-d result, as NumPy's reshape of in1d's)
  expect(((r.base ?? r) as typeof r).flags.ownData).toBe(true);
});

describeWithNumpy('isin and setdiff1d of records against NumPy (fuzz pass 6)', () => {
  test("records compare item by item (NumPy's short-test path), or meet NumPy's promotion error", () => {
    // Fuzz seeds 1013862/1002351 (isin of records was refused) and 1004979 (setdiff1d of
    // empty records and float64: NumPy concatenates, a DTypePromotionError).
    const r = shared([1, 2, 3, 1, 0, 2, 5, 7], '|u1', [8]);
    const rdt = dtype({ names: ['a', 'b'], formats: ['|u1', '|i1'] });
    const rec = { arr: r.arr.view(rdt), py: `${r.py}.view([('a', 'u1'), ('b', 'i1')])` };
    const f = shared([1, 2], '<f8', [2]);
    const e = shared([], '<f8', [0]);
    const cases: Case[] = [];
    for (const invert of [false, true]) {
      const inv = invert ? 'True' : 'False';
      cases.push({ py: `np.isin(${rec.py}, ${rec.py}[:2], invert=${inv})`, js: () => isin(rec.arr, rec.arr.index(':2'), { invert }) });
      cases.push({ py: `np.isin(${rec.py}, ${rec.py}[:0], invert=${inv})`, js: () => isin(rec.arr, rec.arr.index(':0'), { invert }) });
      cases.push({ py: `np.isin(${rec.py}, ${e.py}, invert=${inv})`, js: () => isin(rec.arr, e.arr, { invert }) });
      cases.push({ py: `np.isin(${rec.py}, ${f.py}, invert=${inv})`, js: () => isin(rec.arr, f.arr, { invert }) });
      cases.push({ py: `np.isin(${rec.py}[:0], ${e.py}, invert=${inv})`, js: () => isin(rec.arr.index(':0'), e.arr, { invert }) });
    }
    cases.push({ py: `np.setdiff1d(${rec.py}[:0], ${e.py})`, js: () => setdiff1d(rec.arr.index(':0'), e.arr) });
    cases.push({ py: `np.setdiff1d(${rec.py}, ${rec.py}[1:3])`, js: () => setdiff1d(rec.arr, rec.arr.index('1:3')) });
    check(cases);
  });
});
