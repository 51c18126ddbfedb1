// NumPy's own numpy/_core/tests/test_multiarray.py (NumPy 2.4):
// TestScalarIndexing.test_overlapping_assignment, TestStringCompare and
// TestCreation.test_dimension_and_args_limit, ported test by test: same names,
// same intent, the same values and errors.
//
// Mapping: a[i:j] = b -> a.index('i:j').set(b) (NumPy's setitem with a view
// of the same memory on the right); g1 == g2 -> equal(g1, g2) and the other
// comparisons; a Python str array (U) -> a bytes array (S; there is no U dtype
// here, README), so test_unicode runs on the same bytes as test_string; the
// per-item Python comparisons of NumPy's test are JS string comparisons of
// the same ASCII text. a.choose(choices) -> choose(a, choices).
//
// Left out, not counted as passing:
// - the last half of test_dimension_and_args_limit: NumPy's choose is limited to 32
//   dimensions (a RuntimeError for 60); choose here takes any number of axes.
import { arange, asarray, choose, equal, greater, greaterEqual, less, lessEqual, notEqual, NdArray, ones, ValueError } from '../../lib';
import type { UfuncInput } from '../../lib';
import { assertEqual } from '../helpers/np-assert';

describe('TestScalarIndexing', () => {
  test('test_overlapping_assignment', () => {
    const run = (make: () => NdArray, target: string, source: string, want: unknown): void => {
      const a = make();
      a.index(target).set(a.index(source));
      expect([target, source, a.toArray()]).toEqual([target, source, asarray(want).toArray()]);
    };
    const r4 = (): NdArray => arange(4);
    const r5 = (): NdArray => arange(5);
    const r23 = (): NdArray => arange(6).reshape(2, 3);
    // With positive strides
    run(r4, ':-1', '1:', [1, 2, 3, 3]);
    run(r4, '1:', ':-1', [0, 0, 1, 2]);
    // With positive and negative strides
    run(r4, ':', '::-1', [3, 2, 1, 0]);
    run(r23, '::-1, :', ':, ::-1', [[5, 4, 3], [2, 1, 0]]);
    run(r23, '::-1, ::-1', ':, ::-1', [[3, 4, 5], [0, 1, 2]]);
    // With just one element overlapping
    run(r5, ':3', '2:', [2, 3, 4, 3, 4]);
    run(r5, '2:', ':3', [0, 1, 0, 1, 2]);
    run(r5, '2::-1', '2:', [4, 3, 2, 3, 4]);
    run(r5, '2:', '2::-1', [0, 1, 2, 1, 0]);
    run(r5, '2::-1', ':1:-1', [2, 3, 4, 3, 4]);
    run(r5, ':1:-1', '2::-1', [0, 1, 0, 1, 2]);
  });
});

describe('TestStringCompare', () => {
  type Cmp = [string, (a: UfuncInput, b: UfuncInput) => NdArray, (x: string, y: string) => boolean];
  const CMPS: Cmp[] = [
    ['==', equal, (x, y) => x === y],
    ['!=', notEqual, (x, y) => x !== y],
    ['<=', lessEqual, (x, y) => x <= y],
    ['>=', greaterEqual, (x, y) => x >= y],
    ['<', less, (x, y) => x < y],
    ['>', greater, (x, y) => x > y],
  ];
  const g1s = ['This', 'is', 'example'];
  const g2s = ['This', 'was', 'example'];

  for (const name of ['test_string', 'test_unicode']) {
    test(name, () => {
      const g1 = asarray(g1s);
      const g2 = asarray(g2s);
      for (const [op, f, js] of CMPS) expect([op, f(g1, g2).toArray()]).toEqual([op, g1s.map((x, i) => js(x, g2s[i]))]);
    });
  }

  test('test_mixed', () => {
    const items = ['spam', 'spa', 'spammer', 'and eggs'];
    const g1 = asarray(items);
    const g2 = asarray('spam'); // a Python str beside an S array: the same bytes
    for (const [op, f, js] of CMPS) expect([op, f(g1, g2).toArray()]).toEqual([op, items.map((x) => js(x, 'spam'))]);
  });
});

describe('TestCreation', () => {
  test('test_dimension_and_args_limit', () => {
    // at most 64 operands: a itself and 63 choices
    const a = ones(new Array<number>(32).fill(1), 'i8');
    const res = choose(a, [0, a, ...new Array<number>(61).fill(2)]);
    expect(() => choose(a, [0, a, ...new Array<number>(62).fill(2)])).toThrow(ValueError);
    expect(() => choose(a, [0, a, ...new Array<number>(62).fill(2)])).toThrow('Need at least 0 and at most 64 array objects');
    assertEqual(res, a);
    expect(res.shape).toEqual(a.shape);
  });
});
