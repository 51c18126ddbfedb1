// meshgrid and indices against NumPy: dtypes, shapes, strides, bytes, view
// or copy (copy: false gives broadcast views of the inputs), errors; ported
// cases of NumPy's test_function_base TestMeshgrid.
import * as lib from '../lib';
import { ValueError } from '../lib/errors';
import { describeWithNumpy } from './helpers/numpy';
import { expectLikeNumpy, inputs } from './helpers/np-shape';

const m = lib;
const s = lib.slice;

describeWithNumpy('meshgrid and indices against NumPy', () => {
  const I = inputs(lib);
  const { B, V, U, Z } = I;
  test('meshgrid: xy/ij, sparse, copy=false views', () => {
    const v3 = (): lib.NdArray => V.index(s(0, 3));
    expectLikeNumpy(
      [
        ['np.meshgrid(V[:3], B[0])', () => m.meshgrid(v3(), B.index(0))],
        ['np.meshgrid(V[:3], B[0], indexing="ij")', () => m.meshgrid(v3(), B.index(0), { indexing: 'ij' })],
        ['np.meshgrid(V[:3], B[0], U[0], indexing="ij")', () => m.meshgrid(v3(), B.index(0), U.index(0), { indexing: 'ij' })],
        ['np.meshgrid(V[:3], B[0], U[0])', () => m.meshgrid(v3(), B.index(0), U.index(0))],
        ['np.meshgrid(V[:3], B[0], sparse=True)', () => m.meshgrid(v3(), B.index(0), { sparse: true })],
        ['np.meshgrid(V, U[0], copy=False)', () => m.meshgrid(V, U.index(0), { copy: false }), 'V'],
        ['np.meshgrid(V, U[0], copy=False, sparse=True)', () => m.meshgrid(V, U.index(0), { copy: false, sparse: true }), 'V'],
        ['np.meshgrid(V, U[0])', () => m.meshgrid(V, U.index(0)), 'V'],
        ['np.meshgrid(V)', () => m.meshgrid(V)],
        ['np.meshgrid(U, Z)', () => m.meshgrid(U, Z)],
        ['np.meshgrid()', () => m.meshgrid()],
        ['np.meshgrid(V, indexing="yx")', () => m.meshgrid(V, { indexing: 'yx' as never })],
      ],
      I,
    );
  });

  test('indices: dense and sparse, dtype', () => {
    expectLikeNumpy(
      [
        ['np.indices((2, 3))', () => m.indices([2, 3])],
        ['np.indices((2, 3, 4), dtype=np.int16)', () => m.indices([2, 3, 4], { dtype: 'i2' })],
        ['np.indices((2, 3), sparse=True)', () => m.indices([2, 3], { sparse: true })],
        ['np.indices((0, 3))', () => m.indices([0, 3])],
        ['np.indices(())', () => m.indices([])],
        ['np.indices((3,), dtype=np.float32)', () => m.indices([3], { dtype: 'f4' })],
        // NumPy's positional dtype and sparse (the dtype was read as an empty options object: int64).
        ["np.indices((2, 3), 'i4')", () => m.indices([2, 3], 'i4')],
        ["np.indices((2, 3), 'u1', True)", () => m.indices([2, 3], 'u1', true)],
        ['np.indices((2, 3), None, True)', () => m.indices([2, 3], null, true)],
      ],
      I,
    );
    expect(() => m.indices([2], { dtyp: 'i4' } as never)).toThrow(new TypeError("indices() got an unexpected keyword argument 'dtyp'"));
    expect(() => m.indices([2], { dtype: 'i4' } as never, true)).toThrow(/^indices\(\) takes its options object last/);
    expect(() => m.indices([2], 'i4', 'yes' as never)).toThrow(new TypeError("indices(): sparse must be a boolean, got 'yes'"));
  });
});

test('ported from NumPy TestMeshgrid: simple, single input, no input, indexing error, sparse, writeable views', () => {
  // test_simple
  const [X, Y] = m.meshgrid(m.asarray([1, 2, 3]), m.asarray([4, 5, 6, 7]));
  expect(X.toArray()).toEqual([[1n, 2n, 3n], [1n, 2n, 3n], [1n, 2n, 3n], [1n, 2n, 3n]]);
  expect(Y.toArray()).toEqual([[4n, 4n, 4n], [5n, 5n, 5n], [6n, 6n, 6n], [7n, 7n, 7n]]);
  // test_single_input / test_no_input
  expect(m.meshgrid(m.asarray([1, 2, 3, 4]))[0].toArray()).toEqual([1n, 2n, 3n, 4n]);
  expect(m.meshgrid()).toEqual([]);
  // test_indexing
  const [Xi] = m.meshgrid(m.asarray([1, 2, 3]), m.asarray([4, 5, 6, 7]), { indexing: 'ij' });
  expect(Xi.shape).toEqual([3, 4]);
  expect(() => m.meshgrid(m.asarray([1, 2, 3]), { indexing: 'abc' as never })).toThrow(new ValueError("Valid values for `indexing` are 'xy' and 'ij'."));
  // test_sparse
  const [Xs, Ys] = m.meshgrid(m.asarray([1, 2, 3]), m.asarray([4, 5, 6, 7]), { sparse: true });
  expect(Xs.shape).toEqual([1, 3]);
  expect(Ys.shape).toEqual([4, 1]);
  // test_writeback: copy=false returns views that write into the inputs.
  const x = m.arange(4);
  const [Xv] = m.meshgrid(x, m.arange(3), { copy: false, sparse: true });
  Xv.index(0, 1).set(9);
  expect(x.get(1)).toBe(9n);
});

describe('meshgrid(copy=false) views its inputs as NumPy reshape(-1) does', () => {
  test('a reversed input stays a view (stride -8); an empty reversed one is laid out afresh (fuzz seed 11034189)', () => {
    const b = lib.arange(5).astype('f8').index(lib.slice(null, null, -1));
    const [g] = lib.meshgrid(b, { sparse: true, copy: false });
    expect(g.strides).toEqual([-8]);
    expect(lib.sharesMemory(g, b)).toBe(true);
    // np.arange(3, dtype='c16')[::-1][:-3]: shape (0,), strides (-16,); NumPy's reshape(-1) gives (16,).
    const e = lib.arange(3).astype('c16').index(lib.slice(null, null, -1)).index(lib.slice(null, -3));
    expect(e.strides).toEqual([-16]);
    expect(lib.meshgrid(e, { sparse: true, copy: false })[0].strides).toEqual([16]);
    const [x, y] = lib.meshgrid(e, b, { sparse: true, copy: false });
    expect([x.shape, x.strides, y.shape, y.strides]).toEqual([[1, 0], [16, 16], [5, 1], [-8, -8]]);
  });
});
