// vectorize against NumPy's np.vectorize: broadcasting, otypes, excluded,
// several outputs, signature; NumPy's size-0 error.
import * as lib from '../lib';
import { asarray, vectorize } from '../lib';
import { describeWithNumpy } from './helpers/numpy';
import { expectLikeNumpy, inputs } from './helpers/np-shape';

describeWithNumpy('vectorize against NumPy', () => {
  const I = inputs(lib);
  const addsub = (a: number, b: number): number => (a > b ? a - b : a + b);
  test('element-wise calls, broadcasting, otypes, excluded, tuples of outputs', () => {
    const poly = (x: number, p: number[]): number => p.reduce((s, c, i) => s + c * x ** i, 0);
    expectLikeNumpy(
      [
        ['np.vectorize(lambda a, b: a - b if a > b else a + b)([0, 3, 6, 9], 5)', () => vectorize(addsub)([0, 3, 6, 9], 5)],
        ['np.vectorize(lambda a, b: a - b if a > b else a + b)(A, B[:1, :, None] + 0.25)', () => vectorize(addsub)(I.A, I.B.index('0:1').reshape([1, 3, 1]).add(0.25))],
        ['np.vectorize(lambda x: x * 0.5, otypes=[np.float32])(V)', () => vectorize((x: bigint) => Number(x) * 0.5, { otypes: ['f4'] })(I.V)],
        ["np.vectorize(lambda x: x > 4, otypes='?')(V)", () => vectorize((x: bigint) => x > 4n, { otypes: '?' })(I.V)],
        ['np.vectorize(lambda x, p: sum(c * x**i for i, c in enumerate(p)), excluded=[1])([1.5, 2.5], [1, 2, 3])', () => vectorize(poly, { excluded: [1] })([1.5, 2.5], [1, 2, 3])],
        ['np.vectorize(lambda x: (x > 1, x * 2.5))(U[0])', () => vectorize((x: number) => [x > 1, x * 2.5])(I.U.index(0))],
        ['np.vectorize(lambda x: x + 1)(3)', () => vectorize((x: bigint) => x + 1n)(3)],
        ["np.vectorize(lambda x: x, otypes='d')(E)", () => vectorize((x: number) => x, { otypes: 'd' })(I.E)],
        ['np.vectorize(lambda x: x)(E)', () => vectorize((x: number) => x)(I.E)],
        ["np.vectorize(lambda a, b: np.dot(a, b), signature='(n),(n)->()')(B, np.array([1.0, 2.0, 3.0]))", () => vectorize((a: lib.NdArray, b: lib.NdArray) => lib.dot(a, b), { signature: '(n),(n)->()' })(I.B, asarray([1, 2, 3], 'f8'))],
        ["np.vectorize(lambda a: a[::-1] * 2, signature='(n)->(n)')(A)", () => vectorize((a: lib.NdArray) => a.index('::-1').multiply(2), { signature: '(n)->(n)' })(I.A)],
      ],
      I,
    );
  });
});

test('vectorize refuses what is not a function, and a bad signature at once', () => {
  expect(() => vectorize(5 as never)).toThrow(TypeError);
  expect(() => vectorize((x: number) => x, { signature: '(n->()' })).toThrow(lib.ValueError);
});
