// lexsort against NumPy: the last key primary, ties broken by the keys
// before it, stable; keys as a list of arrays (mixed dtypes) or the rows of
// a 2-d array; any axis; NaN last and ±0 equal in each key; NumPy's errors.
// Ported from NumPy's TestLexsort where it applies.
import { lexsort } from '../lib/lexsort';
import { argsort, sort } from '../lib/sort';
import { take } from '../lib/fancy';
import { asarray, fromBuffer, zeros, AxisError, ValueError } from '../lib';
import { describeWithNumpy } from './helpers/numpy';
import { type Case, expectCasesLikeNumpy as check, hexOf } from './helpers/np-compare';
import { seeded, shared } from './helpers/np-data';
import { jsPath } from './helpers/kernels';

/** Few distinct values (many ties), NaN and ±0 among them. */
function keyValues(n: number, seed: number, distinct: number): number[] {
  const r = seeded(seed);
  return Array.from({ length: n }, () => {
    const x = Math.floor(r() * distinct);
    return x === 0 ? NaN : x === 1 ? -0 : x === 2 ? 0 : x - distinct / 2;
  });
}

describeWithNumpy('lexsort against NumPy', () => {
  test('keys of mixed dtypes, lists and 2-d arrays, every axis, native and JS paths', () => {
    const k1 = shared(keyValues(360, 1, 5), '<f8', [6, 60]);
    const k2 = shared(keyValues(360, 2, 4), '<i2', [6, 60]);
    const k3 = shared(keyValues(360, 3, 7), '>f4', [6, 60]);
    const k4 = shared(keyValues(360, 4, 3).map((v) => (v > 0 ? 1 : 0)), '|b1', [6, 60]);
    const rows = shared(keyValues(300, 5, 6), '<f8', [3, 100]);
    const cases: Case[] = [];
    for (const path of ['native', 'js'] as const) {
      const run = <T>(f: () => T): (() => T) => () => (path === 'js' ? jsPath(f) : f());
      cases.push(
        { py: `np.lexsort((${k1.py}, ${k2.py}))`, js: run(() => lexsort([k1.arr, k2.arr])) },
        { py: `np.lexsort((${k1.py}, ${k2.py}, ${k3.py}, ${k4.py}), axis=0)`, js: run(() => lexsort([k1.arr, k2.arr, k3.arr, k4.arr], { axis: 0 })) },
        { py: `np.lexsort((${k3.py}, ${k1.py}), axis=-2)`, js: run(() => lexsort([k3.arr, k1.arr], { axis: -2 })) },
        { py: `np.lexsort((${k3.py}[::2, ::-3], ${k2.py}[::2, ::-3]))`, js: run(() => lexsort([k3.arr.index('::2, ::-3'), k2.arr.index('::2, ::-3')])) },
        { py: `np.lexsort(${rows.py})`, js: run(() => lexsort(rows.arr)) },
        { py: `np.lexsort((${k1.py}.reshape(3, 4, 30), ${k2.py}.reshape(3, 4, 30)), axis=1)`, js: run(() => lexsort([k1.arr.reshape([3, 4, 30]), k2.arr.reshape([3, 4, 30])], { axis: 1 })) },
        { py: `np.lexsort((${k2.py},))`, js: run(() => lexsort([k2.arr])) },
      );
    }
    check(cases);
  });

  test("NumPy's errors and edge cases", () => {
    const a = shared([1, 2, 3], '<f8', [3]);
    const b = shared([1, 2], '<f8', [2]);
    const z = shared([5], '<f8', []);
    const e = shared([], '<f8', [2, 0]);
    check([
      { py: `np.lexsort((${a.py}, ${b.py}))`, js: () => lexsort([a.arr, b.arr]) },
      { py: 'np.lexsort([])', js: () => lexsort([]) },
      { py: 'np.lexsort(np.array(5))', js: () => lexsort(asarray(5)) },
      { py: `np.lexsort(${a.py})`, js: () => lexsort(a.arr) },
      { py: `np.lexsort((${z.py},))`, js: () => lexsort([z.arr]) },
      { py: `np.lexsort((${z.py},), axis=1)`, js: () => lexsort([z.arr], { axis: 1 }) },
      { py: `np.lexsort((${a.py},), axis=1)`, js: () => lexsort([a.arr], { axis: 1 }) },
      { py: `np.lexsort(${e.py})`, js: () => lexsort(e.arr) },
      { py: `np.lexsort((${e.py}, ${e.py}), axis=0)`, js: () => lexsort([e.arr, e.arr], { axis: 0 }) },
      { py: 'np.lexsort([[3, 1, 2], [1, 1, 0]])', js: () => lexsort([[3, 1, 2], [1, 1, 0]]) },
    ]);
  });
});

// From NumPy's TestLexsort (test_multiarray.py).
describe("NumPy's TestLexsort, ported", () => {
  for (const dt of ['<u1', '<u2', '<u4', '<u8', '<i1', '<i2', '<i4', '<i8', '<f2', '<f4', '<f8']) {
    test(`test_basic ${dt}`, () => {
      const a = asarray([1, 2, 1, 3, 1, 5], dt);
      const b = asarray([0, 4, 5, 6, 2, 3], dt);
      const idx = lexsort([b, a]);
      expect((idx.toArray() as bigint[]).map(Number)).toEqual([0, 4, 2, 1, 3, 5]);
      expect(hexOf(take(a, idx))).toBe(hexOf(sort(a)));
    });
  }

  test('test_object-like: one key is a stable argsort', () => {
    const u = fromBuffer(new Float64Array(keyValues(1000, 9, 10)).buffer, '<f8');
    expect(hexOf(lexsort([u]))).toBe(hexOf(argsort(u)));
  });

  test('test_invalid_axis (gh-7528)', () => {
    const x = zeros([42, 3]);
    expect(() => lexsort(x, { axis: 2 })).toThrow(AxisError);
    expect(() => lexsort([zeros([2, 3]), zeros([3])])).toThrow(ValueError);
  });
});
