// matmul's gufunc `axes=` against NumPy: core axes anywhere in either operand
// and the output (dtype, shape, strides, bytes: the result is NumPy's moved
// view of a C-contiguous product), 1-d operands given as an integer or a
// 1-tuple, `out` with axes, and NumPy's errors for a bad list.
import * as lib from '../lib';
import { describeWithNumpy } from './helpers/numpy';
import { expectLikeNumpy, inputs } from './helpers/np-shape';

const m = lib;

describeWithNumpy('matmul axes= against NumPy', () => {
  const I = inputs(lib);
  const { A, T, V, B, U } = I;
  test('core axes moved in, the product, core axes moved out', () => {
    const At = A.transpose([1, 2, 0]);
    const Bt = A.transpose([2, 1, 0]);
    expectLikeNumpy(
      [
        ['np.matmul(A.transpose(1, 2, 0), A.transpose(2, 1, 0), axes=[(0, 1), (0, 1), (0, 1)])', () => m.matmul(At, Bt, { axes: [[0, 1], [0, 1], [0, 1]] })],
        ['np.matmul(A, T, axes=[(-2, -1), (1, 0), (1, 2)])', () => m.matmul(A, T, { axes: [[-2, -1], [1, 0], [1, 2]] })],
        ['np.matmul(A, A, axes=[(1, 2), (2, 1), (0, 1)])', () => m.matmul(A, A, { axes: [[1, 2], [2, 1], [0, 1]] })],
        ['np.matmul(A, A, axes=[(1, 2), (2, 1), (2, 0)])', () => m.matmul(A, A, { axes: [[1, 2], [2, 1], [2, 0]] })],
        ['np.matmul(A, V[:4], axes=[(1, 2), 0, 1])', () => m.matmul(A, V.index(m.slice(0, 4)), { axes: [[1, 2], 0, 1] })],
        ['np.matmul(A, V[:4], axes=[(1, 2), (0,), (0,)])', () => m.matmul(A, V.index(m.slice(0, 4)), { axes: [[1, 2], [0], [0]] })],
        ['np.matmul(V[:3], A, axes=[0, (-2, -1), -1])', () => m.matmul(V.index(m.slice(0, 3)), A, { axes: [0, [-2, -1], -1] })],
        ['np.matmul(V[:4], V[:4], axes=[0, 0, ()])', () => m.matmul(V.index(m.slice(0, 4)), V.index(m.slice(0, 4)), { axes: [0, 0, []] })],
        ['np.matmul(B, U[:3].T, axes=[(1, 0), (1, 0), (1, 0)])', () => m.matmul(B, U.index(m.slice(0, 3)).T, { axes: [[1, 0], [1, 0], [1, 0]] })],
        ['np.matmul(A, A, axes=[(0, 1), (0, 1)])', () => m.matmul(A, A, { axes: [[0, 1], [0, 1]] })],
        ['np.matmul(A, A, axes=[(0, 1), (0, 1), (0,)])', () => m.matmul(A, A, { axes: [[0, 1], [0, 1], [0]] })],
        ['np.matmul(A, A, axes=[(1, 2), (2, 1), (0, 5)])', () => m.matmul(A, A, { axes: [[1, 2], [2, 1], [0, 5]] })],
        ['np.matmul(A, A, axes=[0, (0, 1), (0, 1)])', () => m.matmul(A, A, { axes: [0, [0, 1], [0, 1]] })],
        ['np.matmul(A, A, axes=[(1, 2), (2, 1), (0, 0)])', () => m.matmul(A, A, { axes: [[1, 2], [2, 1], [0, 0]] })],
        ['np.matmul(A, A, axes=[(1, 1), (2, 1), (0, 1)])', () => m.matmul(A, A, { axes: [[1, 1], [2, 1], [0, 1]] })],
        ['np.matmul(V[:4], V[:4], axes=[0, 0])', () => m.matmul(V.index(m.slice(0, 4)), V.index(m.slice(0, 4)), { axes: [0, 0] })],
      ],
      I,
    );
  });

  test('out with axes: the result written where the output entry says', () => {
    expectLikeNumpy(
      [
        ['(lambda o: (np.matmul(A, A, axes=[(1, 2), (2, 1), (0, 1)], out=o), o)[1])(np.zeros((3, 3, 2), "i4"))', () => {
          const o = m.zeros([3, 3, 2], 'i4');
          m.matmul(A, A, { axes: [[1, 2], [2, 1], [0, 1]], out: o });
          return o;
        }],
      ],
      I,
    );
  });
});
