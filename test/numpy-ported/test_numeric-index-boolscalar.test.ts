// NumPy's own numpy/_core/tests/test_numeric.py (NumPy 2.4), classes TestIndex
// and TestBoolScalar, ported test by test: same names, same intent, the same
// values, shapes and dtypes.
//
// Mapping: a[i][mask] -> a.index(i).index(mask); a[:, mask] -> a.index(':',
// mask); V[g1, g2] = -V[g1, g2] -> set through the fancy index; rand/randint ->
// the suite's seeded generator. np.True_/np.False_ (NumPy's bool scalars) ->
// 0-d bool arrays (no NumPy scalars in JS): NumPy's `is` (the two singletons)
// becomes the same value and dtype bool.
//
// Left out, not counted as passing:
// - TestBoolScalar.test_logical: Python's `and` on a NumPy bool and a str has no JS counterpart.
import { all, asarray, bitwiseAnd, bitwiseOr, bitwiseXor, equal, greater, negative, NdArray, stack } from '../../lib';
import { rng } from '../helpers/bytes';

describe('TestIndex', () => {
  test('test_boolean', () => {
    const r = rng(7);
    const rand = (shape: number[]): NdArray => asarray(Array.from({ length: shape.reduce((p, s) => p * s, 1) }, () => r()), 'f8').reshape(shape);
    const a = rand([3, 5, 8]);
    const V = rand([5, 8]);
    const g1 = asarray(Array.from({ length: 15 }, () => Math.floor(r() * 5)));
    const g2 = asarray(Array.from({ length: 15 }, () => Math.floor(r() * 8)));
    V.set([g1, g2], negative(V.index(g1, g2))); // V[g1, g2] = -V[g1, g2]
    const mask = greater(V, 0);
    const rows = stack([a.index(0).index(mask), a.index(1).index(mask), a.index(2).index(mask)]);
    const whole = a.index(':', mask);
    expect(rows.shape).toEqual(whole.shape);
    expect(all(equal(rows, whole)).toArray()).toBe(true);
  });

  test('test_boolean_edgecase', () => {
    const a = asarray([], 'i4');
    const b = asarray([], '?');
    const c = a.index(b);
    expect([c.shape, c.toArray(), c.dtype.name]).toEqual([[0], [], 'int32']);
  });
});

describe('TestBoolScalar', () => {
  const f = asarray(false);
  const t = asarray(true);
  const is = (x: NdArray, y: NdArray): void => expect([x.ndim, x.dtype.name, x.toArray()]).toEqual([0, 'bool', y.toArray()]);

  test('test_bitwise_or', () => {
    is(bitwiseOr(t, t), t);
    is(bitwiseOr(f, t), t);
    is(bitwiseOr(t, f), t);
    is(bitwiseOr(f, f), f);
  });

  test('test_bitwise_and', () => {
    is(bitwiseAnd(t, t), t);
    is(bitwiseAnd(f, t), f);
    is(bitwiseAnd(t, f), f);
    is(bitwiseAnd(f, f), f);
  });

  test('test_bitwise_xor', () => {
    is(bitwiseXor(t, t), f);
    is(bitwiseXor(f, t), t);
    is(bitwiseXor(t, f), t);
    is(bitwiseXor(f, f), f);
  });
});
