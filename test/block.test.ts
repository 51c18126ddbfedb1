// lib/block.ts: block against NumPy (values, dtype, layout, a copy even of
// one block) and NumPy's depth and emptiness errors, with their positions.
import * as lib from '../lib';
import { arange, asarray, block, eye, ones, sharesMemory, ValueError, zeros } from '../lib';
import { describeWithNumpy } from './helpers/numpy';
import { expectLikeNumpy, inputs } from './helpers/np-shape';

const input = inputs(lib);
const { A, B, T, V, Z, S, E, U, F } = input;

describeWithNumpy('block against NumPy', () => {
  test('nesting depths, mixed ndims, scalars, promotion, errors', () => {
    expectLikeNumpy(
      [
        ['np.block(V)', () => block(V), 'V'],
        ['np.block(Z)', () => block(Z), 'Z'],
        ['np.block([V, V])', () => block([V, V])],
        ['np.block([[U, U], [U, U]])', () => block([[U, U], [U, U]])],
        ['np.block([[B], [B]])', () => block([[B], [B]])],
        ['np.block([[U[:2], B]])', () => block([[U.index(lib.slice(null, 2)), B]])],
        ['np.block([1, 2, 3])', () => block([1, 2, 3])],
        ['np.block([[1, 2], [3, 4]])', () => block([[1, 2], [3, 4]])],
        ['np.block([1.5, V])', () => block([1.5, V])],
        ['np.block([[A], [A]])', () => block([[A], [A]])],
        ['np.block([[[A]], [[A]]])', () => block([[[A]], [[A]]])],
        ['np.block([V, [V]])', () => block([V, [V]])],
        ['np.block([[V], V])', () => block([[V], V])],
        ['np.block([])', () => block([])],
        ['np.block([[]])', () => block([[]])],
        ['np.block([[1], []])', () => block([[1], []])],
        ['np.block([[U, V]])', () => block([[U, V]])],
        ['np.block([[F, F], [F, F]])', () => block([[F, F], [F, F]])],
        ['np.block([T, T])', () => block([T, T])],
      ],
      input,
    );
  });

  test("big results (depth x size > 2 * 512 * 512): NumPy's slicing layout and shape message", () => {
    const big = lib.arange(640000, 'u1').reshape(800, 800);
    const t = big.index(lib.slice(null, null, 2), lib.slice(null, null, 2)).T;
    const f = t.copy('F');
    expectLikeNumpy(
      [
        ['np.block([[BT, BT]])', () => block([[t, t]])],
        ['np.block([[BT], [BT]])', () => block([[t], [t]])],
        ['np.block([[BF, BF]])', () => block([[f, f]])],
        ['np.block([[BF, BT]])', () => block([[f, t]])],
        ['np.block([[BT[:10, :10], BT[:10, :10]]])', () => block([[t.index(lib.slice(null, 10), lib.slice(null, 10)), t.index(lib.slice(null, 10), lib.slice(null, 10))]])],
        ['np.block([[BT, BT[:, :-1]], [BT, BT]])', () => block([[t, t.index(lib.slice(), lib.slice(null, -1))], [t, t]])],
        ['np.block([[BT, BT], [BT[:-1], BT]])', () => block([[t, t], [t.index(lib.slice(null, -1)), t]])],
        ['np.block([[BT], [BT[:, :-1]]])', () => block([[t], [t.index(lib.slice(), lib.slice(null, -1))]])],
      ],
      input,
    );
  });
});

describe('block', () => {
  test("NumPy's docstring example: a block matrix", () => {
    const r = block([
      [eye(2).multiply(2), zeros([2, 3])],
      [ones([1, 2]), asarray([[3, 3, 3]])],
    ]);
    expect(r.toArray()).toEqual([
      [2, 0, 0, 0, 0],
      [0, 2, 0, 0, 0],
      [1, 1, 3, 3, 3],
    ]);
  });

  test('one block alone is still a copy', () => {
    const a = arange(3);
    const r = block(a);
    expect(sharesMemory(r, a)).toBe(false);
    expect(r.toArray()).toEqual([0n, 1n, 2n]);
  });

  test('errors name the position', () => {
    expect(() => block([])).toThrow(new ValueError('List at arrays cannot be empty'));
    expect(() => block([[1], [[2]]])).toThrow(
      new ValueError('List depths are mismatched. First element was at depth 2, but there is an element at depth 3 (arrays[1][0][0])'),
    );
    expect(() => block([[], [1]])).toThrow(new ValueError('List at arrays[0] cannot be empty'));
  });
});
